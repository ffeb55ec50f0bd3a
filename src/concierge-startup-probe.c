/* concierge-startup-probe.c: time from process start to the first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The start is the kernel's record of when the process was created
 * (/proc/self/stat, field 22, in clock ticks since boot), not a time taken
 * in main(): what a user waits for includes exec, the dynamic linker loading
 * GTK, GStreamer and their dependencies, and the libraries' constructors,
 * all of which happen before main() runs. The kernel counts that start on
 * the boot-time clock (suspend included), so it is compared with
 * CLOCK_BOOTTIME. Its resolution is one clock tick (10 ms with the usual
 * USER_HZ of 100), fine for a goal of 500 ms.
 */

#define G_LOG_DOMAIN "concierge-startup-probe"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "concierge-startup-probe.h"

#define PROBE_ENV "CONCIERGE_STARTUP_PROBE"

gint64
concierge_startup_probe_get_uptime_ms (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  struct timespec now;
  guint64 start_ticks;
  long ticks_per_second = sysconf (_SC_CLK_TCK);
  gint64 now_ms;
  gint64 start_ms;

  if (!g_file_get_contents ("/proc/self/stat", &contents, NULL, NULL))
    return -1;

  /* The command name in parentheses may hold spaces and parentheses itself;
   * the fields after the last ')' start with the state, the 3rd field. */
  after_name = strrchr (contents, ')');
  if (after_name == NULL || after_name[1] != ' ')
    return -1;
  fields = g_strsplit (after_name + 2, " ", -1);
  /* starttime is field 22 overall, so index 22 - 3 after the name. */
  if (g_strv_length (fields) < 20 || ticks_per_second <= 0)
    return -1;
  if (!g_ascii_string_to_unsigned (fields[19], 10, 0, G_MAXUINT64, &start_ticks, NULL))
    return -1;

  if (clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;

  now_ms = (gint64) now.tv_sec * 1000 + now.tv_nsec / 1000000;
  start_ms = (gint64) (start_ticks * 1000 / (guint64) ticks_per_second);

  return MAX (now_ms - start_ms, 0);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  const char *mode = g_getenv (PROBE_ENV);
  GtkApplication *application;

  /* Only the first frame counts. */
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, window);

  /* stdout is a pipe under a benchmark, so it is fully buffered: flush, or
   * the line is lost when the application quits. */
  printf ("first-frame-ms %" G_GINT64_FORMAT "\n", concierge_startup_probe_get_uptime_ms ());
  fflush (stdout);

  if (g_strcmp0 (mode, "exit") != 0)
    return;

  application = gtk_window_get_application (window);
  g_debug ("First frame painted; quitting as %s=exit asks", PROBE_ENV);
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
  else
    gtk_window_destroy (window);
}

static void
realize_cb (GtkWidget *widget,
            gpointer   user_data)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, realize_cb, user_data);
  if (frame_clock == NULL)
    return;

  /* The frame clock belongs to the window's surface and goes with it; the
   * window outlives its surface, so it needs no reference here. */
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), widget, 0);
}

void
concierge_startup_probe_attach (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv (PROBE_ENV) == NULL)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
