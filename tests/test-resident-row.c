/* test-resident-row.c: one resident of the residents list, drawn as one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-resident-row"

#include <adwaita.h>

#include "concierge-resident-row.h"
#include "hcc-test-utils.h"

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_texts (void)
{
  g_autoptr(GtkWidget) row = g_object_ref_sink (concierge_resident_row_new ());
  ConciergeResidentRow *self = CONCIERGE_RESIDENT_ROW (row);
  const char *texts[CONCIERGE_RESIDENT_N_COLUMNS] = {
    "Öztürk, Ayşe", "Flat 3B, Flat 4C", "North Tower", NULL, "Valid",
  };
  const char *empty[CONCIERGE_RESIDENT_N_COLUMNS] = { "Eze, Ifeoma", "", "", "", "Expired" };

  concierge_resident_row_set_texts (self, texts, FALSE);
  g_assert_cmpstr (concierge_resident_row_get_text (self, CONCIERGE_RESIDENT_COLUMN_NAME), ==, "Öztürk, Ayşe");
  g_assert_cmpstr (concierge_resident_row_get_text (self, CONCIERGE_RESIDENT_COLUMN_ROOMS), ==, "Flat 3B, Flat 4C");
  g_assert_cmpstr (concierge_resident_row_get_text (self, CONCIERGE_RESIDENT_COLUMN_BUILDING), ==, "North Tower");
  g_assert_null (concierge_resident_row_get_text (self, CONCIERGE_RESIDENT_COLUMN_PHONE));
  g_assert_cmpstr (concierge_resident_row_get_text (self, CONCIERGE_RESIDENT_COLUMN_STATUS), ==, "Valid");

  /* A row is bound again to another resident: nothing of the last stays,
   * and an empty cell is no cell. */
  concierge_resident_row_set_texts (self, empty, TRUE);
  g_assert_cmpstr (concierge_resident_row_get_text (self, CONCIERGE_RESIDENT_COLUMN_NAME), ==, "Eze, Ifeoma");
  g_assert_null (concierge_resident_row_get_text (self, CONCIERGE_RESIDENT_COLUMN_ROOMS));
  g_assert_null (concierge_resident_row_get_text (self, CONCIERGE_RESIDENT_COLUMN_BUILDING));
  g_assert_cmpstr (concierge_resident_row_get_text (self, CONCIERGE_RESIDENT_COLUMN_STATUS), ==, "Expired");
}

/* Rows are as tall as their text, and draw in a window in both directions
 * and both styles without a warning (warnings are fatal here). */
static void
test_drawn (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = concierge_resident_header_new ();
  GtkWidget *row = concierge_resident_row_new ();
  const char *texts[CONCIERGE_RESIDENT_N_COLUMNS] = {
    "Adeyemi, Babatunde", "Flat 203", "Harbour Court", "+234 803 8910158", "Expired",
  };
  int minimum, natural;

  concierge_resident_row_set_texts (CONCIERGE_RESIDENT_ROW (row), texts, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), row);
  gtk_window_set_child (window, box);
  gtk_window_set_default_size (window, 800, 200);

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 16);
  g_assert_cmpint (minimum, <, 80);
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 320);

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean painted = FALSE;
      GdkFrameClock *clock;
      gulong id;

      gtk_widget_set_default_direction (pass == 0 ? GTK_TEXT_DIR_LTR : GTK_TEXT_DIR_RTL);
      adw_style_manager_set_color_scheme (style, pass == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                           : ADW_COLOR_SCHEME_FORCE_DARK);
      gtk_window_present (window);
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_assert_true (hcc_test_wait_until (is_true, &painted, 10000));
      g_signal_handler_disconnect (clock, id);

      g_assert_cmpint (gtk_widget_get_width (row), >=, 700);
    }

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

/* The header names the columns in the rows' order, in words a screen
 * reader can read (they are labels). */
static void
test_header (void)
{
  g_autoptr(GtkWidget) header = g_object_ref_sink (concierge_resident_header_new ());
  const char *titles[] = { "Name", "Rooms", "Building", "Phone", "Status" };
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      g_assert_true (GTK_IS_LABEL (child));
      g_assert_cmpuint (i, <, G_N_ELEMENTS (titles));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child)), ==, titles[i]);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (titles));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/resident-row/texts", test_texts);
  g_test_add_func ("/resident-row/drawn", test_drawn);
  g_test_add_func ("/resident-row/header", test_header);

  return g_test_run ();
}
