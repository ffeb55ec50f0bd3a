/* concierge-calls-view.h: the door calls waiting at the desk, and the answered call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_CALLS_VIEW (concierge_calls_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeCallsView, concierge_calls_view, CONCIERGE, CALLS_VIEW, AdwBin)

GtkWidget        *concierge_calls_view_new          (void);
ConciergeSession *concierge_calls_view_get_session  (ConciergeCallsView *self);
void              concierge_calls_view_set_session  (ConciergeCallsView *self,
                                                     ConciergeSession   *session);
/* Opens the call view on @record_id; an unknown or gone call is ignored
 * (with a g_debug). */
void              concierge_calls_view_show_call    (ConciergeCallsView *self,
                                                     const char         *record_id);
/* Back to the queue (the call view's stream stops). */
void              concierge_calls_view_show_queue   (ConciergeCallsView *self);
/* Shows @message (translated) in a toast over the view; used for the
 * errors of the app actions. */
void              concierge_calls_view_add_toast    (ConciergeCallsView *self,
                                                     const char         *message);

G_END_DECLS
