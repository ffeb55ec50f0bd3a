/* concierge-door-control.h: door commands from the desk, with their audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "concierge-session.h"

G_BEGIN_DECLS

/* Sends @action for exactly @doors (an array of @n_doors HccDoor, at least
 * one) on the client's interactive lane, and records one ConciergeDoorAction
 * per door in the session's log store (operator on shift, source "doors
 * view", @reason), first as pending, then with its result. The result is a
 * GListModel of HccDoorResult, one per door in the order given, with the
 * door and area names filled in. When the whole request fails, every door is
 * logged as failed and the finish function returns the error. */
void        concierge_door_control_async   (ConciergeSession     *session,
                                            HccDoorAction         action,
                                            HccDoor             **doors,
                                            guint                 n_doors,
                                            const char           *reason,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GListModel *concierge_door_control_finish  (GAsyncResult         *result,
                                            GError              **error);

/* The translated words for a failed door's platform code ("The door station
 * is offline."), or a general sentence when there is no code. (transfer full) */
char       *concierge_door_control_describe_failure (HccDoorResult *result);

G_END_DECLS
