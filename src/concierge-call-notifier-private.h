/* concierge-call-notifier-private.h: test access to the notifier's decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-call-notifier.h"

G_BEGIN_DECLS

/* The record IDs with a notification out now, oldest first. (transfer full) */
GStrv          _concierge_call_notifier_dup_notified      (ConciergeCallNotifier *self);
/* How many notifications were sent and withdrawn so far. */
guint          _concierge_call_notifier_get_n_sent        (ConciergeCallNotifier *self);
guint          _concierge_call_notifier_get_n_withdrawn   (ConciergeCallNotifier *self);
/* (nullable) the title and body of the last notification sent. */
const char    *_concierge_call_notifier_get_last_title    (ConciergeCallNotifier *self);
const char    *_concierge_call_notifier_get_last_body     (ConciergeCallNotifier *self);
/* -1: ask the windows (default); 0: as if no window had the focus; 1: as if
 * one had. Xvfb has no window manager to give focus. */
void           _concierge_call_notifier_set_focus_override (ConciergeCallNotifier *self,
                                                            int                    focused);

G_END_DECLS
