/* bench-start.c: time from process start to the window's first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-start"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

/* Not a test: runs `concierge --demo` with CONCIERGE_STARTUP_PROBE=exit
 * several times on the current display and prints the median and the spread
 * of "first-frame-ms" (the app measures from the kernel's process start time
 * to its window's first after-paint, see src/concierge-startup-probe.c).
 *
 * The peer, bench-start-peer, is a bare libadwaita window showing what the
 * app's first frame shows, measured by the same probe. Its runs alternate
 * with the app's, so both meet the same machine: on a machine without a GPU
 * (llvmpipe under Xvfb) GTK's own start-up and first GL frame take most of
 * the time, and the difference of the medians is what Concierge adds.
 *
 * Warm runs follow one discarded run that fills the page cache. Cold runs
 * drop the page cache first (/proc/sys/vm/drop_caches, root only), as after
 * a boot; they are skipped with a message when that is not allowed.
 *
 * Usage: bench-start [WARM_RUNS [COLD_RUNS]]   (defaults 9 and 3, each for both)
 * Run it under a display, e.g.
 *   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- _build/bench/bench-start */

#define RUN_TIMEOUT_S 60

typedef struct
{
  char     *line;
  gboolean  done;
} LineRead;

static void
child_setup (gpointer user_data)
{
  /* No app is left behind when the bench is killed. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LineRead *read = user_data;

  read->line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result,
                                                     NULL, NULL);
  read->done = TRUE;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* CPU seconds (user + system, all threads) that process @pid has used so
 * far, or -1. */
static double
cpu_seconds_of (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (pid == NULL || !g_file_get_contents (path, &contents, NULL, NULL) ||
      (after_name = strrchr (contents, ')')) == NULL)
    return -1;
  /* Fields after "(comm)" start with the 3rd: utime is the 14th, stime the 15th. */
  fields = g_strsplit (after_name + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return -1;

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) /
         sysconf (_SC_CLK_TCK);
}

static gboolean
drop_page_cache (void)
{
  FILE *file;
  gboolean ok;

  sync ();
  /* Written in place: g_file_set_contents() would rename a new file over it. */
  file = fopen ("/proc/sys/vm/drop_caches", "w");
  if (file == NULL)
    return FALSE;
  ok = fputs ("3\n", file) >= 0;
  ok = fclose (file) == 0 && ok;

  return ok;
}

/* One run: the probe's milliseconds (-1 on failure); in @seen_ms, the
 * time from spawn to the line as this process saw it, a cross-check that
 * adds the pipe and this process's wake-up; in @cpu_ms, the CPU time the
 * app had used by then, which a busy machine does not inflate. */
static double
run_once (const char *exe,
          const char *data_home,
          double     *seen_ms,
          double     *cpu_ms)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  /* The peer takes no options. */
  const char *argv[] = { exe, strcmp (exe, CONCIERGE_EXE) == 0 ? "--demo" : NULL, NULL };
  gboolean timed_out = FALSE;
  guint timeout_id;
  gint64 start;
  double probe_ms = -1;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "CONCIERGE_STARTUP_PROBE", "exit", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  /* The demo site needs no keys and the app stores none. */
  g_subprocess_launcher_unsetenv (launcher, "HCC_APP_KEY");
  g_subprocess_launcher_unsetenv (launcher, "HCC_SECRET_KEY");

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL) {
    g_printerr ("Cannot run %s: %s\n", exe, error->message);
    return -1;
  }

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  timeout_id = g_timeout_add_seconds (RUN_TIMEOUT_S, timed_out_cb, &timed_out);
  while (!timed_out) {
    g_autofree char *line = NULL;
    LineRead read = { NULL, FALSE };

    g_data_input_stream_read_line_async (lines, G_PRIORITY_DEFAULT, NULL, line_read_cb, &read);
    while (!read.done && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    if (!read.done)
      break;
    line = read.line;
    if (line == NULL)
      break;
    if (g_str_has_prefix (line, "first-frame-ms ")) {
      *seen_ms = (g_get_monotonic_time () - start) / 1000.0;
      *cpu_ms = 1000 * cpu_seconds_of (g_subprocess_get_identifier (process));
      probe_ms = g_ascii_strtod (line + strlen ("first-frame-ms "), NULL);
      break;
    }
  }
  if (!timed_out)
    g_source_remove (timeout_id);

  /* With "exit" the app quits by itself after the first frame; a run that
   * printed nothing (no probe in this build, no display) is ended here. */
  if (probe_ms < 0)
    g_subprocess_force_exit (process);
  else if (!g_subprocess_wait (process, NULL, NULL))
    g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  /* Drain a pending read so its callback does not outlive @read above. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return probe_ms;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *child = g_build_filename (path, name, NULL);

    if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
      remove_tree (child);
    else
      g_unlink (child);
  }
  g_rmdir (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

/* Prints the median, the spread (min-max) and every run; FALSE when a run
 * failed. */
static gboolean
report (const char *label,
        GArray     *probe,
        GArray     *seen,
        GArray     *cpu)
{
  g_autoptr(GString) all = g_string_new (NULL);
  double low, high, middle, seen_median;

  for (guint i = 0; i < probe->len; i++) {
    if (g_array_index (probe, double, i) < 0)
      return FALSE;
    g_string_append_printf (all, "%s%.0f", i ? " " : "", g_array_index (probe, double, i));
  }
  seen_median = median (seen);
  /* median() sorts, so the ends are the extremes. */
  middle = median (probe);
  low = g_array_index (probe, double, 0);
  high = g_array_index (probe, double, probe->len - 1);
  g_print ("  %s: %u runs, median %4.0f ms, spread %.0f-%.0f ms (%.0f ms)\n        [%s]\n",
           label, probe->len, middle, low, high, high - low, all->str);
  g_print ("        seen from the bench (spawn to line): median %4.0f ms\n", seen_median);
  g_print ("        CPU time of the app by then (user + system, all threads): median %4.0f ms\n",
           median (cpu));

  return TRUE;
}

typedef struct
{
  const char *label;
  const char *exe;
  GArray     *probe;
  GArray     *seen;
  GArray     *cpu;
} Subject;

static void
subject_clear (Subject *subject)
{
  g_clear_pointer (&subject->probe, g_array_unref);
  g_clear_pointer (&subject->seen, g_array_unref);
  g_clear_pointer (&subject->cpu, g_array_unref);
}

static void
subject_run (Subject    *subject,
             const char *data_home)
{
  double seen = -1, cpu = -1;
  double value = run_once (subject->exe, data_home, &seen, &cpu);

  g_array_append_val (subject->probe, value);
  g_array_append_val (subject->seen, seen);
  g_array_append_val (subject->cpu, cpu);
}

/* @runs rounds of one run of each subject, alternating; @cold drops the page
 * cache before every run. FALSE when a run failed. */
static gboolean
measure (Subject    *subjects,
         guint       n_subjects,
         const char *data_home,
         guint       runs,
         gboolean    cold,
         const char *label)
{
  gboolean ok = TRUE;

  for (guint s = 0; s < n_subjects; s++) {
    subject_clear (&subjects[s]);
    subjects[s].probe = g_array_new (FALSE, FALSE, sizeof (double));
    subjects[s].seen = g_array_new (FALSE, FALSE, sizeof (double));
    subjects[s].cpu = g_array_new (FALSE, FALSE, sizeof (double));
  }

  for (guint i = 0; i < runs; i++) {
    for (guint s = 0; s < n_subjects; s++) {
      if (cold && !drop_page_cache ()) {
        g_print ("  %s not run: dropping the page cache needs root (/proc/sys/vm/drop_caches)\n",
                 label);
        return TRUE;
      }
      subject_run (&subjects[s], data_home);
    }
  }

  for (guint s = 0; s < n_subjects; s++) {
    g_autofree char *title = g_strdup_printf ("%s, %s", label, subjects[s].label);

    ok = report (title, subjects[s].probe, subjects[s].seen, subjects[s].cpu) && ok;
  }
  if (ok && n_subjects == 2) {
    /* report() sorted the arrays; median() is still right. */
    g_print ("  %s: Concierge adds %+.0f ms to the peer's median\n", label,
             median (subjects[0].probe) - median (subjects[1].probe));
  }

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  guint warm_runs = argc > 1 ? (guint) atoi (argv[1]) : 9;
  guint cold_runs = argc > 2 ? (guint) atoi (argv[2]) : 3;
  Subject subjects[] = {
    { "concierge --demo", CONCIERGE_EXE, NULL, NULL, NULL },
    { "peer (bare libadwaita window)", PEER_EXE, NULL, NULL, NULL },
  };
  gboolean ok = TRUE;
  double seen = -1, cpu = -1;
  double ours_warm = -1, peer_warm = -1;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) {
    g_printerr ("No display: run under xvfb-run -a dbus-run-session, or in a desktop session.\n");
    return 1;
  }

  /* The built schema, settings in memory and a throw-away data dir: the
   * runs neither read nor change the user's settings and logs. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  data_home = g_dir_make_tmp ("concierge-bench-start-XXXXXX", &error);
  g_assert_no_error (error);

  g_print ("Start to first window frame (CONCIERGE_STARTUP_PROBE=exit), runs alternating\n"
           "between `concierge --demo` and a bare libadwaita window (bench-start-peer)\n");

  /* The first run of each loads the files into the page cache; not counted. */
  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++) {
    if (run_once (subjects[s].exe, data_home, &seen, &cpu) < 0) {
      g_printerr ("%s printed no first-frame-ms line within %d s: is "
                  "concierge_startup_probe_attach() called by the window, and is there a "
                  "display?\n", subjects[s].exe, RUN_TIMEOUT_S);
      return 1;
    }
  }

  if (warm_runs > 0) {
    ok = measure (subjects, G_N_ELEMENTS (subjects), data_home, warm_runs, FALSE, "warm") && ok;
    ours_warm = median (subjects[0].probe);
    peer_warm = median (subjects[1].probe);
  }
  if (cold_runs > 0)
    ok = measure (subjects, G_N_ELEMENTS (subjects), data_home, cold_runs, TRUE, "cold") && ok;

  if (ours_warm >= 0) {
    g_print ("Goal: start under 500 ms (warm median): %s (%.0f ms; the bare peer %.0f ms)\n",
             ours_warm < 500 ? "met" : "NOT met", ours_warm, peer_warm);
  }

  for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
    subject_clear (&subjects[s]);
  remove_tree (data_home);

  return ok ? 0 : 1;
}
