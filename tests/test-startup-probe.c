/* test-startup-probe.c: the start-up probe reports the first frame once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-startup-probe"

#include "config.h"

#include <gtk/gtk.h>

#include "concierge-startup-probe.h"

/* The probe quits the application or prints from a frame clock signal, so
 * each case runs in a subprocess whose stdout and exit the parent checks. */

static void
quit_after_frames_cb (GdkFrameClock  *frame_clock,
                      GtkApplication *application)
{
  guint *frames = g_object_get_data (G_OBJECT (application), "frames");

  /* A few frames more than the probe's one, so a second report would show. */
  if (++*frames >= 3)
    g_application_quit (G_APPLICATION (application));
  else
    gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
window_realize_cb (GtkWidget      *window,
                   GtkApplication *application)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (quit_after_frames_cb), application, G_CONNECT_AFTER);
}

static void
activate_cb (GtkApplication *application,
             gpointer        user_data)
{
  gboolean quit_itself = GPOINTER_TO_INT (user_data);
  GtkWidget *window = gtk_application_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 320, 200);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Probe"));
  concierge_startup_probe_attach (GTK_WINDOW (window));
  /* Without "exit" the probe leaves the application running; the test
   * ends it after some frames. */
  if (quit_itself)
    g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_application (gboolean quit_itself)
{
  g_autoptr(GtkApplication) application = NULL;
  guint frames = 0;

  application = gtk_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (application), "frames", &frames);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb),
                    GINT_TO_POINTER (quit_itself));

  return g_application_run (G_APPLICATION (application), 0, NULL);
}

static void
assert_one_report (void)
{
  g_test_trap_assert_passed ();
  /* Exactly one report: the first frame, never the later ones. */
  g_test_trap_assert_stdout ("first-frame-ms *\n");
  g_test_trap_assert_stdout_unmatched ("*first-frame-ms*first-frame-ms*");
}

static void
test_exit (void)
{
  if (g_test_subprocess ()) {
    g_setenv ("CONCIERGE_STARTUP_PROBE", "exit", TRUE);
    /* With "exit", the probe alone ends the application: if it did not,
     * the parent's timeout would fail this case. */
    exit (run_application (FALSE));
  }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  assert_one_report ();
}

static void
test_print_only (void)
{
  if (g_test_subprocess ()) {
    g_setenv ("CONCIERGE_STARTUP_PROBE", "1", TRUE);
    exit (run_application (TRUE));
  }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  assert_one_report ();
}

static void
test_unset (void)
{
  if (g_test_subprocess ()) {
    g_unsetenv ("CONCIERGE_STARTUP_PROBE");
    exit (run_application (TRUE));
  }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout_unmatched ("*first-frame-ms*");
}

static void
test_uptime (void)
{
  gint64 first = concierge_startup_probe_get_uptime_ms ();
  gint64 second;
  gint64 deadline;

  /* This process has run for a while, but not for longer than the test's
   * time limit. */
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (first, <, 300 * 1000);

  /* The count goes on: wait (busily, no sleep needed) for the next tick. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  do
    second = concierge_startup_probe_get_uptime_ms ();
  while (second == first && g_get_monotonic_time () < deadline);
  g_assert_cmpint (second, >, first);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/startup-probe/uptime", test_uptime);
  g_test_add_func ("/startup-probe/exit", test_exit);
  g_test_add_func ("/startup-probe/print-only", test_print_only);
  g_test_add_func ("/startup-probe/unset", test_unset);

  return g_test_run ();
}
