/* concierge-preferences-window.h: the desk's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CONCIERGE_TYPE_PREFERENCES_WINDOW (concierge_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ConciergePreferencesWindow, concierge_preferences_window,
                      CONCIERGE, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *concierge_preferences_window_new (GtkWindow *parent,
                                             GSettings *settings);

G_END_DECLS
