/* concierge-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "concierge-connection-banner.h"
#include "concierge-session.h"
#include "concierge-setup-page.h"
#include "hcc-client.h"

G_BEGIN_DECLS

/* What the window shows; tests wait for these. */
typedef enum {
  CONCIERGE_WINDOW_STATUS_SETUP,
  CONCIERGE_WINDOW_STATUS_CONNECTING,
  /* Signed in: the desk and its views are shown. */
  CONCIERGE_WINDOW_STATUS_CONNECTED,
  CONCIERGE_WINDOW_STATUS_FAILED,
} ConciergeWindowStatus;

#define CONCIERGE_TYPE_WINDOW (concierge_window_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeWindow, concierge_window, CONCIERGE, WINDOW, AdwApplicationWindow)

ConciergeWindow       *concierge_window_new             (GtkApplication   *application,
                                                         GSettings        *settings);

void                   concierge_window_set_demo        (ConciergeWindow  *self,
                                                         gboolean          demo);
gboolean               concierge_window_get_demo        (ConciergeWindow  *self);
/* Signs in with @client (NULL: show how to connect). */
void                   concierge_window_set_client      (ConciergeWindow  *self,
                                                         HccClient        *client);
HccClient             *concierge_window_get_client      (ConciergeWindow  *self);
/* For the time before a client exists, e.g. while the demo site starts. */
void                   concierge_window_show_busy       (ConciergeWindow  *self,
                                                         const char       *description);
void                   concierge_window_show_failure    (ConciergeWindow  *self,
                                                         const char       *title,
                                                         const char       *description);

/* (nullable): the started session, while signed in. Notifies "session". */
ConciergeSession      *concierge_window_get_session     (ConciergeWindow  *self);
/* @name: "calls", "doors", "residents", "rooms", "passes", "call-log" or
 * "door-log" (also the win.show-view action, Alt+1…7). */
void                   concierge_window_show_view       (ConciergeWindow  *self,
                                                         const char       *name);
/* Shows the Calls view with this call open (app.show-call, app.answer). */
void                   concierge_window_show_call       (ConciergeWindow  *self,
                                                         const char       *record_id);
GtkWidget             *concierge_window_get_view        (ConciergeWindow  *self,
                                                         const char       *name);
const char            *concierge_window_get_visible_view (ConciergeWindow *self);

ConciergeWindowStatus  concierge_window_get_status      (ConciergeWindow  *self);
AdwStatusPage         *concierge_window_get_status_page (ConciergeWindow  *self);
const char            *concierge_window_get_subtitle    (ConciergeWindow  *self);
ConciergeConnectionBanner *concierge_window_get_banner  (ConciergeWindow  *self);
ConciergeSetupPage    *concierge_window_get_setup_page  (ConciergeWindow  *self);

G_END_DECLS
