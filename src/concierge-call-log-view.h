/* concierge-call-log-view.h: the desk's log of door station calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_CALL_LOG_VIEW (concierge_call_log_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeCallLogView, concierge_call_log_view, CONCIERGE, CALL_LOG_VIEW, AdwBin)

GtkWidget        *concierge_call_log_view_new         (void);
ConciergeSession *concierge_call_log_view_get_session (ConciergeCallLogView *self);
void              concierge_call_log_view_set_session (ConciergeCallLogView *self,
                                                       ConciergeSession     *session);

G_END_DECLS
