/* bench-directory.c: loading, caching and searching a big directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints figures. Against an in-process simulator with
 * --residents residents (10,000 by default):
 *  0. the library's own listing of every resident
 *     (hcc_directory_search_residents_async), median of --list-rounds (1),
 *     with the main loop's longest stall: mapping the replies into
 *     objects must not hold the main loop;
 *  1. load and index from the platform: a refresh into an empty cache,
 *     median of --load-rounds (3), with the main loop's longest stall
 *     while it ran (a 1 ms timeout records how late it fires);
 *  2. fill the models from the cache with no client, as at start-up:
 *     median of --cache-rounds (5), and the longest main-loop stall;
 *  3. a refresh of an unchanged site over filled models (in place);
 *  4. matching typed text against every search key (what a filter does
 *     per keystroke, without GTK), p50/p99 over many queries;
 *  5. resident set size after loading (VmRSS), and its growth over the
 *     process before the directory existed: the simulator's own world
 *     lives in the same process.
 *
 * bench-directory [--residents N] [--rate N] [--list-rounds N] [--load-rounds N] [--cache-rounds N]
 * --rate 0 keeps the platform's limit of 5 requests a second.
 */

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "bench-directory"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "concierge-directory.h"
#include "hcc-test-utils.h"
#include "hcc.h"

static int n_residents = 10000;
static int rate_limit = 0;
static int list_rounds = 1;
static int load_rounds = 3;
static int cache_rounds = 5;

/* The main thread's longest busy stretch in the last measurement. */
static double last_busy_ms;

typedef struct {
  gint64 last;
  gint64 max_gap;
  gint64 done;
  double last_cpu;
  double max_busy;  /* ms of main-thread CPU time within one gap */
} Stall;

static double thread_cpu_ms (void);

static gboolean
stall_tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();
  double cpu = thread_cpu_ms ();

  /* On a loaded machine most gaps are the thread waiting for a core; the
   * CPU time it used within a gap is the work that blocked the loop. */
  if (stall->last != 0)
    stall->max_busy = MAX (stall->max_busy, cpu - stall->last_cpu);
  stall->last_cpu = cpu;

  if (stall->last != 0)
    {
      stall->max_gap = MAX (stall->max_gap, now - stall->last);
      /* With G_MESSAGES_DEBUG=all, the time stamps tell what ran. */
      if (now - stall->last > 50000)
        g_debug ("The main loop stalled for %.0f ms", (now - stall->last) / 1000.0);
    }
  stall->last = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
tick_seen (gpointer data)
{
  Stall *stall = data;

  return stall->last > stall->done;
}

/* The tick has to run once after the work is done, or a stall at its very
 * end (filling the models) would go unseen. */
static void
stall_finish (Stall *stall,
              guint  tick)
{
  stall->done = g_get_monotonic_time ();
  hcc_test_wait_until (tick_seen, stall, 5000);
  g_source_remove (tick);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  if (values->len == 0)
    return 0;

  g_array_sort (values, compare_doubles);
  index = (guint) MIN (values->len - 1, (guint) (p / 100.0 * values->len));
  return g_array_index (values, double, index);
}

/* This thread's CPU time: on a loaded machine, wall time says more about
 * the neighbours than about the code. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The process's CPU time: during a cache load the simulator is idle, so
 * this is the cache's own cost, worker and main thread together. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
vm_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  if ((line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  if (!hcc_test_wait_until (result_ready, slot, 600000))
    g_error ("Timed out");
  return g_steal_pointer (slot);
}

/* The wall time of one measured step and the main loop's stalls in it. */
typedef struct {
  Stall  stall;
  guint  tick;
  gint64 start;
} Measure;

static void
measure_start (Measure *measure)
{
  *measure = (Measure) { { 0 } };
  measure->tick = g_timeout_add (1, stall_tick_cb, &measure->stall);
  measure->start = g_get_monotonic_time ();
}

/* The step's milliseconds; its longest stall goes to @stall_ms (nullable)
 * and its busiest gap to last_busy_ms. */
static double
measure_end (Measure *measure,
             double  *stall_ms)
{
  double ms = (g_get_monotonic_time () - measure->start) / 1000.0;

  stall_finish (&measure->stall, measure->tick);
  if (stall_ms != NULL)
    *stall_ms = measure->stall.max_gap / 1000.0;
  last_busy_ms = measure->stall.max_busy;

  return ms;
}

static ConciergeDirectory *
open_directory (HccClient  *client,
                const char *path,
                double     *ms,
                double     *stall_ms)
{
  g_autoptr(ConciergeDirectory) directory = concierge_directory_new (client, path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  Measure measure;
  double elapsed;

  measure_start (&measure);
  concierge_directory_load_async (directory, NULL, result_cb, &slot);
  result = wait_result (&slot);
  if (!concierge_directory_load_finish (directory, result, &error))
    g_error ("Loading the cache failed: %s", error->message);
  elapsed = measure_end (&measure, stall_ms);
  if (ms != NULL)
    *ms = elapsed;

  return g_steal_pointer (&directory);
}

static double
refresh (ConciergeDirectory *directory,
         double             *stall_ms)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  Measure measure;

  measure_start (&measure);
  concierge_directory_refresh_async (directory, NULL, result_cb, &slot);
  result = wait_result (&slot);
  if (!concierge_directory_refresh_finish (directory, result, &error))
    g_error ("Refreshing failed: %s", error->message);

  return measure_end (&measure, stall_ms);
}

/* Every resident through libhcc alone, as any client of the library. */
static double
list_residents (HccClient *client,
                double    *stall_ms,
                guint     *n_listed)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) residents = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  Measure measure;

  measure_start (&measure);
  hcc_directory_search_residents_async (client, NULL, NULL, NULL, result_cb, &slot);
  result = wait_result (&slot);
  if (!(residents = hcc_directory_search_residents_finish (client, result, &error)))
    g_error ("Listing failed: %s", error->message);
  *n_listed = g_list_model_get_n_items (residents);

  return measure_end (&measure, stall_ms);
}

static void
close_directory (ConciergeDirectory *directory)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  concierge_directory_close_async (directory, NULL, result_cb, &slot);
  result = wait_result (&slot);
  concierge_directory_close_finish (directory, result, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
print_row (const char *what,
           GArray     *values)
{
  g_print ("%-44s n=%-4u median=%9.1f ms  max=%9.1f ms\n", what, values->len,
           percentile (values, 50), percentile (values, 100));
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "residents", 0, 0, G_OPTION_ARG_INT, &n_residents, "Residents of the site", "N" },
    { "rate", 0, 0, G_OPTION_ARG_INT, &rate_limit, "Simulator's requests per second (0: 5, the platform's)", "N" },
    { "list-rounds", 0, 0, G_OPTION_ARG_INT, &list_rounds, "Listings through libhcc alone", "N" },
    { "load-rounds", 0, 0, G_OPTION_ARG_INT, &load_rounds, "Loads from the simulator", "N" },
    { "cache-rounds", 0, 0, G_OPTION_ARG_INT, &cache_rounds, "Loads from the cache", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- directory cache benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(HccTestSim) sim = NULL;
  g_autoptr(HccClient) client = NULL;
  g_autoptr(GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) list_stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) list_busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cache_busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again_busy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cache_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cache_stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cache_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again_stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) match_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) match_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(ConciergeDirectory) kept = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  static const char * const queries[] = {
    "a", "jo", "jose", "garc", "101", "north", "+33", "gmail", "zz", "ö", "lef", "8",
  };
  long rss_before, rss_after;
  guint n_items = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  sim = hcc_test_sim_new (42, n_residents, FALSE);
  if (rate_limit > 0)
    hcc_test_sim_set_rate_limit (sim, rate_limit);
  client = hcc_client_new ();
  if (!hcc_client_set_server_url (client, hcc_test_sim_get_base_url (sim), &error))
    g_error ("%s", error->message);
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
  tmpdir = g_dir_make_tmp ("bench-directory-XXXXXX", &error);
  if (tmpdir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (tmpdir, "directory.db", NULL);

  g_print ("%d residents, simulator limit %d requests/s\n", n_residents,
           rate_limit > 0 ? rate_limit : 5);
  rss_before = vm_rss_kb ();
  {
    g_autofree char *loadavg = NULL;

    if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
      g_print ("load average at start: %s", loadavg);
  }

  /* 0. The library's listing on its own. */
  for (int i = 0; i < list_rounds; i++)
    {
      double ms, stall;
      guint n_listed = 0;

      ms = list_residents (client, &stall, &n_listed);
      g_array_append_val (list_ms, ms);
      g_array_append_val (list_stall, stall);
      g_array_append_val (list_busy, last_busy_ms);
      g_print ("  list %d: %.0f ms, %u residents, longest main-loop stall %.1f ms\n",
               i + 1, ms, n_listed, stall);
    }

  /* 1. Into an empty cache each time. */
  for (int i = 0; i < load_rounds; i++)
    {
      g_autoptr(ConciergeDirectory) directory = NULL;
      double ms, stall;

      g_unlink (path);
      directory = open_directory (client, path, NULL, NULL);
      ms = refresh (directory, &stall);
      n_items = g_list_model_get_n_items (concierge_directory_get_residents (directory));
      g_array_append_val (load_ms, ms);
      g_array_append_val (load_stall, stall);
      g_array_append_val (load_busy, last_busy_ms);
      close_directory (directory);
      g_print ("  load %d: %.0f ms, %u residents, longest main-loop stall %.1f ms\n",
               i + 1, ms, n_items, stall);
    }

  /* 2. As at start-up: no client, the cache only. */
  for (int i = 0; i < cache_rounds; i++)
    {
      g_autoptr(ConciergeDirectory) directory = NULL;
      double ms, stall, cpu;

      cpu = process_cpu_ms ();
      directory = open_directory (NULL, path, &ms, &stall);
      cpu = process_cpu_ms () - cpu;
      g_array_append_val (cache_ms, ms);
      g_array_append_val (cache_cpu, cpu);
      g_array_append_val (cache_stall, stall);
      g_array_append_val (cache_busy, last_busy_ms);
      if (g_list_model_get_n_items (concierge_directory_get_residents (directory)) != n_items)
        g_error ("The cache gave %u residents, not %u",
                 g_list_model_get_n_items (concierge_directory_get_residents (directory)), n_items);
      close_directory (directory);
    }

  /* 3. An unchanged site over filled models: every item updated in place. */
  kept = open_directory (client, path, NULL, NULL);
  for (int i = 0; i < 2; i++)
    {
      double stall;
      double ms = refresh (kept, &stall);

      g_array_append_val (again_ms, ms);
      g_array_append_val (again_stall, stall);
      g_array_append_val (again_busy, last_busy_ms);
    }

  /* 4. What a filter does per keystroke, on the raw keys. */
  {
    GListModel *residents = concierge_directory_get_residents (kept);
    guint n = g_list_model_get_n_items (residents);
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (items, g_list_model_get_item (residents, i));

    for (int round = 0; round < 20; round++)
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          gint64 start = g_get_monotonic_time ();
          double cpu_start = thread_cpu_ms ();
          g_autofree char *folded = concierge_directory_fold (queries[q]);
          guint found = 0;
          double ms, cpu_ms;

          for (guint i = 0; i < items->len; i++)
            if (strstr (concierge_directory_get_search_key (kept, items->pdata[i]), folded) != NULL)
              found++;
          ms = (g_get_monotonic_time () - start) / 1000.0;
          cpu_ms = thread_cpu_ms () - cpu_start;
          g_array_append_val (match_ms, ms);
          g_array_append_val (match_cpu_ms, cpu_ms);
          if (round == 0)
            g_print ("  \"%s\": %u residents\n", queries[q], found);
        }
  }

  rss_after = vm_rss_kb ();

  g_print ("\n");
  print_row ("list every resident through libhcc", list_ms);
  print_row ("  longest main-loop stall meanwhile", list_stall);
  print_row ("  main-thread CPU within the longest busy gap", list_busy);
  print_row ("load and index from the simulator", load_ms);
  print_row ("  longest main-loop stall meanwhile", load_stall);
  print_row ("  main-thread CPU within the longest busy gap", load_busy);
  print_row ("fill the models from the cache (start-up)", cache_ms);
  print_row ("  CPU time of the process meanwhile", cache_cpu);
  print_row ("  longest main-loop stall meanwhile", cache_stall);
  print_row ("  main-thread CPU within the longest busy gap", cache_busy);
  print_row ("refresh of an unchanged site (in place)", again_ms);
  print_row ("  longest main-loop stall meanwhile", again_stall);
  print_row ("  main-thread CPU within the longest busy gap", again_busy);
  g_print ("%-44s n=%-4u p50=%7.2f ms  p99=%7.2f ms\n", "match typed text against every key",
           match_ms->len, percentile (match_ms, 50), percentile (match_ms, 99));
  g_print ("%-44s n=%-4u p50=%7.2f ms  p99=%7.2f ms\n", "  the same, CPU time of the thread",
           match_cpu_ms->len, percentile (match_cpu_ms, 50), percentile (match_cpu_ms, 99));
  g_print ("%-44s %ld MB (the process, with the simulator's world)\n", "VmRSS after loading",
           rss_after / 1024);
  g_print ("%-44s %ld MB\n", "  growth since before the first load", (rss_after - rss_before) / 1024);
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      g_print ("%-44s %.1f MB\n", "cache file", st.st_size / 1048576.0);
  }

  close_directory (kept);
  g_clear_object (&kept);
  remove_tree (tmpdir);

  return 0;
}
