/* concierge-call-actions.h: the app actions on door calls, and their shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installs on the application (so they are exported on D-Bus and usable
 * from notifications), each with the call's recordId as a string target:
 *   app.answer, app.decline, app.hang-up, app.silence, app.open-door,
 *   app.show-call
 * and, for the keyboard, targetless variants that act on the oldest ringing
 * call (or the call answered here, for hang-up and open-door):
 *   app.answer-next        Ctrl+Return
 *   app.decline-next       Ctrl+D
 *   app.hang-up-current    Ctrl+H
 *   app.silence-all        Ctrl+M   (every ringing call: the ring is one sound)
 *   app.open-door-current  Ctrl+O
 * An action on an unknown or finished call does nothing (g_debug). Errors
 * are shown as a toast in the window's calls view.
 */

#pragma once

#include <gtk/gtk.h>

#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_CALL_ACTIONS (concierge_call_actions_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeCallActions, concierge_call_actions, CONCIERGE, CALL_ACTIONS, GObject)

ConciergeCallActions *concierge_call_actions_new         (GtkApplication       *app);
ConciergeSession     *concierge_call_actions_get_session (ConciergeCallActions *self);
void                  concierge_call_actions_set_session (ConciergeCallActions *self,
                                                          ConciergeSession     *session);

G_END_DECLS
