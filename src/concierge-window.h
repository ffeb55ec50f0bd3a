/* concierge-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hcc-client.h"

G_BEGIN_DECLS

/* What the window shows; tests wait for these. */
typedef enum {
  CONCIERGE_WINDOW_STATUS_SETUP,
  CONCIERGE_WINDOW_STATUS_CONNECTING,
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

ConciergeWindowStatus  concierge_window_get_status      (ConciergeWindow  *self);
AdwStatusPage         *concierge_window_get_status_page (ConciergeWindow  *self);
const char            *concierge_window_get_subtitle    (ConciergeWindow  *self);

G_END_DECLS
