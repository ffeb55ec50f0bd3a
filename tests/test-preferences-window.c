/* test-preferences-window.c: each preference changes its setting at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preferences-window"

#include <adwaita.h>

#include "concierge-application.h"
#include "concierge-preferences-window.h"

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_type (child, type);

    if (found != NULL)
      return found;
  }

  return NULL;
}

static void
test_preferences_bound (void)
{
  g_autoptr(GSettings) settings = g_settings_new (CONCIERGE_SCHEMA_ID);
  GtkWidget *window;
  GtkSwitch *muted;
  GtkRange *volume;
  AdwComboRow *protocol;
  GtkSpinButton *poll;
  g_autofree char *chosen = NULL;

  g_settings_reset (settings, "ring-muted");
  g_settings_reset (settings, "video-protocol");
  g_settings_reset (settings, "poll-interval");
  window = concierge_preferences_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));

  muted = GTK_SWITCH (find_type (window, GTK_TYPE_SWITCH));
  volume = GTK_RANGE (find_type (window, GTK_TYPE_SCALE));
  protocol = ADW_COMBO_ROW (find_type (window, ADW_TYPE_COMBO_ROW));
  poll = GTK_SPIN_BUTTON (find_type (window, GTK_TYPE_SPIN_BUTTON));

  /* Shown as set. */
  g_assert_false (gtk_switch_get_active (muted));
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (volume),
                                  g_settings_get_double (settings, "ring-volume"), 0.001);
  g_assert_cmpuint (adw_combo_row_get_selected (protocol), ==, 0);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (poll), 0.5, 0.001);

  /* Changed at once. */
  gtk_switch_set_active (muted, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "ring-muted"));
  g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_ancestor (GTK_WIDGET (volume),
                                                                     ADW_TYPE_ACTION_ROW)));
  gtk_range_set_value (volume, 0.25);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "ring-volume"), 0.25, 0.001);
  adw_combo_row_set_selected (protocol, 1);
  chosen = g_settings_get_string (settings, "video-protocol");
  g_assert_cmpstr (chosen, ==, "rtmp");
  gtk_spin_button_set_value (poll, 2.0);
  g_assert_cmpuint (g_settings_get_uint (settings, "poll-interval"), ==, 2000);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/preferences/bound", test_preferences_bound);

  return g_test_run ();
}
