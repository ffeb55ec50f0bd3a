/* hcc-directory.h: buildings, rooms and residents (the vims directory)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hcc-building.h"
#include "hcc-client.h"
#include "hcc-resident.h"
#include "hcc-room.h"

G_BEGIN_DECLS

/* The lists page on the background lane and map the replies into objects on
 * a worker thread: a site of 10,000 residents costs the main loop no long
 * stretch. The finished model is handed over in the caller's context. */

/* Every building (vims/v1/build/search). GListModel of HccBuilding. */
void         hcc_directory_list_buildings_async    (HccClient            *client,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel  *hcc_directory_list_buildings_finish   (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Every room, or the rooms of @building_id (vims/v1/room/search).
 * GListModel of HccRoom. */
void         hcc_directory_list_rooms_async        (HccClient            *client,
                                                    const char           *building_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel  *hcc_directory_list_rooms_finish       (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Residents whose name matches @query (all when NULL), optionally of one
 * building (vims/v1/person/search). GListModel of HccResident, each with
 * its rooms. */
void         hcc_directory_search_residents_async  (HccClient            *client,
                                                    const char           *building_id,
                                                    const char           *query,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel  *hcc_directory_search_residents_finish (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* One person with the details person/search leaves out, above all the
 * validity (person/v1/persons/get, catalogue §5.13): first and last name,
 * gender, phone, e-mail, description, person code, photo URL, and the
 * start and end of the validity, which this endpoint gives in epoch ms
 * (T11). The resident has no rooms: persons/get does not list them. A
 * reply without personInfo (the guide's example is "data":{}, T18) is
 * HCC_ERROR_SERVER. (transfer full) */
void         hcc_directory_get_person_async        (HccClient            *client,
                                                    const char           *person_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
HccResident *hcc_directory_get_person_finish       (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Checks @resident against the guide's limits (PersonDTO, T38): first and
 * last name 1-128 characters, an e-mail address, a plausible phone number,
 * validity ending in 2037 at the latest and after its start, a known
 * language, at least one room, no room twice. The error is
 * HCC_ERROR_VALIDATION; hcc_error_get_field() names the request field. */
gboolean     hcc_directory_validate_resident       (HccResident          *resident,
                                                    gboolean              is_update,
                                                    GError              **error);

/* vims/v1/person/add with every room of @resident; @access_level_ids are
 * extra access levels (may be NULL). On success the resident's id is set.
 * A room whose person limit is reached (failedResultList) is reported as
 * HCC_ERROR_CONFLICT after the id has been set. */
void         hcc_directory_add_resident_async      (HccClient            *client,
                                                    HccResident          *resident,
                                                    const char * const   *access_level_ids,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean     hcc_directory_add_resident_finish     (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* vims/v1/person/update: the platform replaces the room links with the
 * list sent, so every room of @resident is sent; a room left out of the
 * model is unlinked. */
void         hcc_directory_update_resident_async   (HccClient            *client,
                                                    HccResident          *resident,
                                                    const char * const   *access_level_ids,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean     hcc_directory_update_resident_finish  (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* vims/v1/person/delete: unlinks the residents from all their rooms; the
 * person records stay. */
void         hcc_directory_unlink_residents_async  (HccClient            *client,
                                                    const char * const   *person_ids,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean     hcc_directory_unlink_residents_finish (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* person/v1/persons/delete: deletes the persons, also from the devices. */
void         hcc_directory_delete_persons_async    (HccClient            *client,
                                                    const char * const   *person_ids,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean     hcc_directory_delete_persons_finish   (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* A Building of build/search,
 * read with every spelling the guide uses, through the same table as the
 * lists. (transfer full) */
HccBuilding *hcc_directory_parse_building (JsonObject  *object,
                                           GError     **error);

/* A RoomVO or RoomDTO,
 * read with every spelling the guide uses, through the same table as the
 * lists. (transfer full) */
HccRoom *hcc_directory_parse_room (JsonObject  *object,
                                   GError     **error);

/* A Person of person/search, with its rooms,
 * read with every spelling the guide uses, through the same table as the
 * lists. (transfer full) */
HccResident *hcc_directory_parse_resident (JsonObject  *object,
                                           GError     **error);

G_END_DECLS
