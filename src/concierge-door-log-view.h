/* concierge-door-log-view.h: the desk's audit log of door commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_DOOR_LOG_VIEW (concierge_door_log_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeDoorLogView, concierge_door_log_view, CONCIERGE, DOOR_LOG_VIEW, AdwBin)

GtkWidget        *concierge_door_log_view_new         (void);
ConciergeSession *concierge_door_log_view_get_session (ConciergeDoorLogView *self);
void              concierge_door_log_view_set_session (ConciergeDoorLogView *self,
                                                       ConciergeSession     *session);

G_END_DECLS
