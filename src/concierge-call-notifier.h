/* concierge-call-notifier.h: desktop notifications for door calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a call starts ringing and no window of the app is focused, sends a
 * GNotification "call-<recordId>" (Answer and Open Door buttons bound to
 * app.answer / app.open-door, default action app.show-call) and sets the
 * urgency hint on X11. Withdraws it when the call stops ringing.
 */

#pragma once

#include <gtk/gtk.h>

#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_CALL_NOTIFIER (concierge_call_notifier_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeCallNotifier, concierge_call_notifier, CONCIERGE, CALL_NOTIFIER, GObject)

ConciergeCallNotifier *concierge_call_notifier_new         (GtkApplication        *app);
ConciergeSession      *concierge_call_notifier_get_session (ConciergeCallNotifier *self);
void                   concierge_call_notifier_set_session (ConciergeCallNotifier *self,
                                                            ConciergeSession      *session);

G_END_DECLS
