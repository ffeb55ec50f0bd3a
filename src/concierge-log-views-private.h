/* concierge-log-views-private.h: what the tests reach inside the log views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-call-log-view.h"
#include "concierge-door-log-view.h"
#include "concierge-log-view-common.h"

G_BEGIN_DECLS

/* The shared state: items (the rows shown), search_entry, the date range,
 * stack, status_page, n_requests, and the export path. */
ConciergeLogCore *_concierge_call_log_view_get_core      (ConciergeCallLogView *self);
GtkButton        *_concierge_call_log_view_get_ack_all   (ConciergeCallLogView *self);
/* What a row's "Acknowledge" button does. */
void              _concierge_call_log_view_acknowledge   (ConciergeCallLogView *self,
                                                          const char           *record_id);
ConciergeLogCore *_concierge_door_log_view_get_core      (ConciergeDoorLogView *self);

G_END_DECLS
