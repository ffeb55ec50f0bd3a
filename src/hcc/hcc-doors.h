/* hcc-doors.h: listing doors and opening them remotely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hcc-client.h"
#include "hcc-door.h"
#include "hcc-door-result.h"

G_BEGIN_DECLS

/* remoteControl.actionType (catalogue §4.1). */
typedef enum {
  HCC_DOOR_ACTION_UNLOCK        = 1,
  HCC_DOOR_ACTION_LOCK          = 2,
  HCC_DOOR_ACTION_KEEP_UNLOCKED = 3,
  HCC_DOOR_ACTION_KEEP_LOCKED   = 4,
} HccDoorAction;

/* Every door of the site (resource/v1/areas/doors/get, all pages). The
 * result is a GListModel of HccDoor. */
void         hcc_doors_list_async      (HccClient            *client,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
/* Only the doors of the device @device_serial (filter.deviceSerialNo).
 * Finish it with hcc_doors_list_finish(). */
void         hcc_doors_list_for_device_async (HccClient            *client,
                                              const char           *device_serial,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GListModel  *hcc_doors_list_finish     (HccClient            *client,
                                        GAsyncResult         *result,
                                        GError              **error);

/* Sends @action for exactly @door_ids (acs/v1/remote/control) on the
 * interactive lane. An empty list is refused with HCC_ERROR_VALIDATION
 * before anything is sent: the platform would apply it to every door (T27).
 * The result is a GListModel of HccDoorResult, one per requested door in
 * order; the platform lists failures only, every other door succeeded. */
void         hcc_doors_control_async   (HccClient            *client,
                                        HccDoorAction         action,
                                        const char * const   *door_ids,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GListModel  *hcc_doors_control_finish  (HccClient            *client,
                                        GAsyncResult         *result,
                                        GError              **error);

/* The number of failed doors in a result of hcc_doors_control_finish(). */
guint        hcc_doors_count_failures  (GListModel           *results);

/* An AlarmInfo entry of areas/doors/get,
 * read with every spelling the guide uses, through the same table as the
 * lists. (transfer full) */
HccDoor *hcc_doors_parse_door (JsonObject  *object,
                               GError     **error);

G_END_DECLS
