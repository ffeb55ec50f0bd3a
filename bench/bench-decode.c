/* bench-decode.c: how long the main loop stalls while replies are decoded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints figures. Two measurements against an in-process
 * simulator with a large directory:
 *  1. the cost of decoding one resident page (what the main thread used to
 *     spend per page before decoding moved to the worker);
 *  2. the main loop's gaps during a full directory sync: a 1 ms timeout
 *     records how late it runs, so any long piece of work on the main
 *     thread (parsing, mapping the page into objects) shows as a gap; and
 *     the CPU time the main thread itself spent during the sync (the
 *     in-process simulator runs on threads of its own).
 *
 * bench-decode [--residents N] [--rounds N]
 */

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "bench-decode"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "hcc-test-utils.h"
#include "hcc.h"

static int n_residents = 10000;
static int n_rounds = 50;

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

static void
print_row (const char *what,
           GArray     *values)
{
  g_print ("%-30s n=%-6u p50=%7.2f ms  p99=%7.2f ms  max=%7.2f ms\n",
           what, values->len, percentile (values, 50), percentile (values, 99),
           percentile (values, 100));
}

/* ---- 1. decoding one page ---- */

static void
bench_page (HccTestSim *sim)
{
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autofree char *raw = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint status = 0;

  /* The page the directory sync asks for: 200 residents. */
  reply = hcc_test_sim_api_at (sim, hcc_test_sim_get_base_url (sim), "/vims/v1/person/search",
                               token,
                               "{\"pageNum\":1,\"pageSize\":200,"
                               "\"searchCriteria\":{\"areaId\":\"-1\",\"isContainSubArea\":1}}",
                               &status, &raw);
  if (raw == NULL || status != 200)
    {
      g_print ("(page request failed: HTTP %u)\n", status);
      return;
    }
  {
    gsize len = strlen (raw);

    body = g_bytes_new_take (g_steal_pointer (&raw), len);
  }

  for (int i = 0; i < n_rounds; i++)
    {
      g_autoptr(JsonNode) data = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!hcc_client_decode_envelope (200, body, &data, &error))
        {
          g_print ("(page does not decode: %s)\n", error->message);
          return;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_print ("one page of 200 residents: %" G_GSIZE_FORMAT " bytes\n", g_bytes_get_size (body));
  print_row ("decode one page", times);
}

/* ---- 2. main-loop gaps during a full sync ---- */

typedef struct {
  gint64   last;
  GArray  *gaps;
  gboolean done;
  guint    n_residents;
  gint64   started;
  double   sync_s;
} SyncState;

static gboolean
tick_cb (gpointer user_data)
{
  SyncState *state = user_data;
  gint64 now = g_get_monotonic_time ();
  double late;

  /* How much later than its 1 ms period the tick ran. */
  if (state->last != 0)
    {
      late = MAX (0.0, (now - state->last) / 1000.0 - 1.0);
      g_array_append_val (state->gaps, late);
    }
  state->last = now;

  return G_SOURCE_CONTINUE;
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncState *state = user_data;
  g_autoptr(GListModel) residents = NULL;
  g_autoptr(GError) error = NULL;

  residents = hcc_directory_search_residents_finish (HCC_CLIENT (source), result, &error);
  if (residents == NULL)
    g_print ("(sync failed: %s)\n", error->message);
  else
    state->n_residents = g_list_model_get_n_items (residents);
  state->sync_s = (g_get_monotonic_time () - state->started) / 1e6;
  state->done = TRUE;
}

static gboolean
sync_finished (gpointer data)
{
  return ((SyncState *) data)->done;
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
bench_sync (HccTestSim *sim)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  SyncState state = { 0, gaps };
  guint tick;
  guint n_late = 0;
  double cpu_ms;

  if (!hcc_client_set_server_url (client, hcc_test_sim_get_base_url (sim), &error))
    {
      g_print ("(bad server address: %s)\n", error->message);
      return;
    }
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);

  tick = g_timeout_add (1, tick_cb, &state);
  cpu_ms = thread_cpu_ms ();
  state.started = g_get_monotonic_time ();
  hcc_directory_search_residents_async (client, NULL, NULL, NULL, sync_done_cb, &state);
  if (!hcc_test_wait_until (sync_finished, &state, 600000))
    g_print ("(sync did not finish in 10 minutes)\n");
  g_source_remove (tick);
  cpu_ms = thread_cpu_ms () - cpu_ms;
  for (guint i = 0; i < gaps->len; i++)
    {
      if (g_array_index (gaps, double, i) > 3.0)
        n_late++;
    }

  g_print ("full sync: %u residents in %.1f s\n", state.n_residents, state.sync_s);
  g_print ("main thread: %.0f ms of CPU during the sync; %u ticks more than 3 ms late\n",
           cpu_ms, n_late);
  print_row ("main-loop lateness (1 ms tick)", gaps);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HccTestSim) sim = NULL;
  GOptionEntry entries[] = {
    { "residents", 0, 0, G_OPTION_ARG_INT, &n_residents, "Residents in the directory", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &n_rounds, "Decodes of the page to time", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  sim = hcc_test_sim_new (1, (guint) MAX (n_residents, 1), FALSE);
  /* The budget is not what is measured here. */
  hcc_test_sim_set_rate_limit (sim, 1000);

  bench_page (sim);
  bench_sync (sim);

  return 0;
}
