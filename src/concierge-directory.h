/* concierge-directory.h: the site's directory, cached on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Buildings, rooms, residents and access levels, loaded page by page in the
 * background lane of the request budget and kept in SQLite, so the desk
 * starts with the last directory at once and searches it offline. The
 * models are plain GListModels of the libhcc types; views filter and sort
 * them with the GTK list models, never copy them.
 *
 * Models are updated in place on refresh (items_changed with the smallest
 * change that is practical; items for unchanged IDs keep their identity
 * where possible) so list views keep their selection and scroll position.
 */

#pragma once

#include <gio/gio.h>

#include "hcc.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_DIRECTORY (concierge_directory_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeDirectory, concierge_directory, CONCIERGE, DIRECTORY, GObject)

/* "<user data dir>/concierge/directory.db" */
char               *concierge_directory_default_path        (void);

/* @client may be NULL (offline: the cache only). */
ConciergeDirectory *concierge_directory_new                 (HccClient            *client,
                                                             const char           *path);

/* Opens the cache (creating it) and fills the models from it, reading on a
 * worker thread. Finishes with the models filled from the cache. */
void                concierge_directory_load_async          (ConciergeDirectory   *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean            concierge_directory_load_finish         (ConciergeDirectory   *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

/* Fetches everything from the platform in the background lane, replaces the
 * models' content and the cache. A second call while one runs joins it. */
void                concierge_directory_refresh_async       (ConciergeDirectory   *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean            concierge_directory_refresh_finish      (ConciergeDirectory   *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
/* Closes the cache; pending writes finish first. */
void                concierge_directory_close_async         (ConciergeDirectory   *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean            concierge_directory_close_finish        (ConciergeDirectory   *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

/* Properties (all notify): "refreshing", "last-refreshed", "refresh-error". */
gboolean            concierge_directory_get_refreshing      (ConciergeDirectory   *self);
/* (nullable): when the cache was last filled from the platform. */
GDateTime          *concierge_directory_get_last_refreshed  (ConciergeDirectory   *self);
/* (nullable): why the last refresh failed, translated; NULL after a success. */
const char         *concierge_directory_get_refresh_error   (ConciergeDirectory   *self);

/* Added by the directory helper (additive): after each refresh that
 * succeeded, the next one starts by itself this many seconds later
 * (property "refresh-interval", default 3600; 0: never); after a failure,
 * within 5 minutes. Only with a client, and only once a refresh was asked
 * for. */
guint               concierge_directory_get_refresh_interval (ConciergeDirectory  *self);
void                concierge_directory_set_refresh_interval (ConciergeDirectory  *self,
                                                              guint                seconds);

HccClient          *concierge_directory_get_client          (ConciergeDirectory   *self);

/* (element-type HccBuilding), sorted by name. */
GListModel         *concierge_directory_get_buildings       (ConciergeDirectory   *self);
/* (element-type HccRoom), every room of every building. */
GListModel         *concierge_directory_get_rooms           (ConciergeDirectory   *self);
/* (element-type HccResident), one item per person, with all their rooms,
 * kept in name order: last name, then first name, folded (case and accents
 * aside, so "Öztürk" sits with the O's), then ID. Views rely on this order
 * and add no sort model of their own. */
GListModel         *concierge_directory_get_residents       (ConciergeDirectory   *self);
/* (element-type HccAccessLevel) */
GListModel         *concierge_directory_get_access_levels   (ConciergeDirectory   *self);

/* (nullable) look-ups by ID. */
HccResident        *concierge_directory_lookup_resident     (ConciergeDirectory   *self,
                                                             const char           *person_id);
HccRoom            *concierge_directory_lookup_room         (ConciergeDirectory   *self,
                                                             const char           *room_id);

/* The text a resident is found by: name, room numbers, building, phone and
 * e-mail, case-folded and without accents; computed once per item. */
const char         *concierge_directory_get_search_key      (ConciergeDirectory   *self,
                                                             HccResident          *resident);
/* Folds typed text the same way, for matching against search keys. */
char               *concierge_directory_fold                (const char           *text);

/* After an edit that the platform accepted: updates the models and the
 * cache without a full refresh. */
void                concierge_directory_resident_saved      (ConciergeDirectory   *self,
                                                             HccResident          *resident);
/* @room_id NULL: the person was deleted; else they left that room only. */
void                concierge_directory_resident_removed    (ConciergeDirectory   *self,
                                                             const char           *person_id,
                                                             const char           *room_id);

G_END_DECLS
