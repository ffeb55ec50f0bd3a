/* test-sim-limit.c: the 5 requests per second limit, its statistics, and concurrent clients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hcc-test-utils.h"

#define LOGIN_BODY "{\"appKey\":\"" HCC_SIM_DEMO_APP_KEY "\",\"secretKey\":\"" \
                   HCC_SIM_DEMO_SECRET_KEY "\"}"

/* Sends @n requests with @token as fast as possible; returns how many were
 * accepted and puts the elapsed time in @elapsed_us. The rest must have been
 * rejected as the limit says. */
static guint
burst (HccTestSim *sim,
       const char *token,
       guint       n,
       gint64     *elapsed_us)
{
  gint64 start = g_get_monotonic_time ();
  guint accepted = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) reply = NULL;
      guint status;

      reply = hcc_test_sim_api (sim, "/platform/v1/systemproperties", token, NULL, &status);
      g_assert_nonnull (reply);
      if (status == 200)
        {
          g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "0");
          accepted++;
        }
      else
        {
          g_assert_cmpuint (status, ==, 429);
          g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "OPEN000029");
          g_assert_true (g_str_has_suffix (hcc_test_json_get_string (reply, "message"),
                                           "{OPEN000029}"));
        }
    }

  if (elapsed_us != NULL)
    *elapsed_us = g_get_monotonic_time () - start;
  return accepted;
}

static JsonObject *
find_key (JsonNode   *stats,
          const char *member,
          const char *prefix)
{
  JsonArray *keys = json_node_get_array (hcc_test_json_get (stats, "keys"));

  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      JsonObject *key = json_array_get_object_element (keys, i);
      const char *value;

      if (!json_object_has_member (key, member))
        continue;
      value = json_object_get_string_member (key, member);
      /* Tokens are listed by their first 8 characters only. */
      if (g_str_equal (member, "app_key") ? g_str_equal (value, prefix)
                                          : strncmp (value, prefix, 8) == 0)
        return key;
    }
  return NULL;
}

static gboolean
second_passed (gpointer data)
{
  gint64 *since = data;

  return g_get_monotonic_time () - *since > 1100 * 1000;
}

static void
test_sixth_rejected (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autoptr(JsonNode) stats = NULL;
  g_autoptr(JsonNode) reset = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *key;
  gint64 elapsed;
  gint64 mark;
  guint accepted;
  guint status;

  accepted = burst (sim, token, 6, &elapsed);
  if (elapsed >= G_USEC_PER_SEC)
    {
      g_test_skip ("six requests took more than a second here");
      return;
    }
  g_assert_cmpuint (accepted, ==, 5);

  stats = hcc_test_sim_control (sim, "GET", "/control/stats", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (hcc_test_json_get_int (stats, "total"), ==, 7);
  g_assert_cmpint (hcc_test_json_get_int (stats, "rejected"), ==, 1);
  g_assert_cmpint (hcc_test_json_get_int (stats, "accepted"), ==, 6);
  g_assert_cmpint (hcc_test_json_get_int (stats, "rate_limit_per_second"), ==, 5);
  key = find_key (stats, "token", token);
  g_assert_nonnull (key);
  g_assert_cmpint (json_object_get_int_member (key, "rejected"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (key, "max_accepted_per_second"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (key, "max_arrivals_per_second"), ==, 6);
  /* The secret token itself is not printed. */
  g_assert_cmpstr (json_object_get_string_member (key, "token"), !=, token);

  /* A second later the token may send again. */
  mark = g_get_monotonic_time ();
  g_assert_true (hcc_test_wait_until (second_passed, &mark, 5000));
  g_assert_cmpuint (burst (sim, token, 1, NULL), ==, 1);

  reset = hcc_test_sim_control (sim, "DELETE", "/control/stats", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  after = hcc_test_sim_control (sim, "GET", "/control/stats", NULL, &status);
  g_assert_cmpint (hcc_test_json_get_int (after, "total"), ==, 0);
  g_assert_cmpint (hcc_test_json_get_int (after, "rejected"), ==, 0);
}

static void
test_per_token (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autofree char *first = hcc_test_sim_login (sim);
  g_autofree char *second = hcc_test_sim_login (sim);
  gint64 elapsed_first;
  gint64 elapsed_second;
  guint accepted_first;
  guint accepted_second;

  /* Each token has a budget of its own. */
  accepted_first = burst (sim, first, 5, &elapsed_first);
  accepted_second = burst (sim, second, 5, &elapsed_second);
  g_assert_cmpuint (accepted_first, ==, 5);
  g_assert_cmpuint (accepted_second, ==, 5);
}

static void
test_token_get_per_app_key (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(JsonNode) stats = NULL;
  gint64 start = g_get_monotonic_time ();
  guint rejected = 0;
  guint status;
  JsonObject *key;

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(JsonNode) reply = NULL;

      reply = hcc_test_sim_api (sim, "/platform/v1/token/get", NULL, LOGIN_BODY, &status);
      if (status == 429)
        {
          g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "OPEN000029");
          rejected++;
        }
    }
  if (g_get_monotonic_time () - start >= G_USEC_PER_SEC)
    {
      g_test_skip ("six logins took more than a second here");
      return;
    }
  g_assert_cmpuint (rejected, ==, 1);

  stats = hcc_test_sim_control (sim, "GET", "/control/stats", NULL, &status);
  key = find_key (stats, "app_key", HCC_SIM_DEMO_APP_KEY);
  g_assert_nonnull (key);
  g_assert_cmpint (json_object_get_int_member (key, "rejected"), ==, 1);
}

static void
test_configurable (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autoptr(JsonNode) set = NULL;
  g_autoptr(JsonNode) bad = NULL;
  gint64 elapsed;
  guint accepted;
  guint status;

  set = hcc_test_sim_control (sim, "POST", "/control/rate-limit", "{\"per_second\":2}", &status);
  g_assert_cmpuint (status, ==, 200);
  bad = hcc_test_sim_control (sim, "POST", "/control/rate-limit", "{\"per_second\":0}", &status);
  g_assert_cmpuint (status, ==, 400);

  accepted = burst (sim, token, 3, &elapsed);
  if (elapsed >= G_USEC_PER_SEC)
    {
      g_test_skip ("three requests took more than a second here");
      return;
    }
  g_assert_cmpuint (accepted, ==, 2);
}

typedef struct {
  HccTestSim *sim;
  char       *token;
  guint       accepted;
} Worker;

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;

  worker->accepted = burst (worker->sim, worker->token, 40, NULL);
  return NULL;
}

static void
test_concurrent_clients (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(JsonNode) stats = NULL;
  Worker workers[3];
  GThread *threads[3];
  JsonArray *keys;
  guint total_accepted = 0;
  guint status;

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      workers[i].sim = sim;
      workers[i].token = hcc_test_sim_login (sim);
      workers[i].accepted = 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    threads[i] = g_thread_new ("client", worker_thread, &workers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      g_thread_join (threads[i]);
      /* Each client got at least its first second's worth through. */
      g_assert_cmpuint (workers[i].accepted, >=, 5);
      total_accepted += workers[i].accepted;
    }

  stats = hcc_test_sim_control (sim, "GET", "/control/stats", NULL, &status);
  g_assert_cmpint (hcc_test_json_get_int (stats, "total"), ==, 3 + 3 * 40);
  g_assert_cmpint (hcc_test_json_get_int (stats, "accepted"), ==, 3 + total_accepted);
  g_assert_cmpint (hcc_test_json_get_int (stats, "rejected"), ==, 3 * 40 - total_accepted);

  /* No token ever got more than 5 requests through in one second. */
  keys = json_node_get_array (hcc_test_json_get (stats, "keys"));
  g_assert_cmpuint (json_array_get_length (keys), ==, 4);
  for (guint i = 0; i < json_array_get_length (keys); i++)
    {
      JsonObject *key = json_array_get_object_element (keys, i);

      g_assert_cmpint (json_object_get_int_member (key, "max_accepted_per_second"), <=, 5);
    }

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    g_free (workers[i].token);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/limit/sixth-rejected", test_sixth_rejected);
  g_test_add_func ("/sim/limit/per-token", test_per_token);
  g_test_add_func ("/sim/limit/token-get-per-app-key", test_token_get_per_app_key);
  g_test_add_func ("/sim/limit/configurable", test_configurable);
  g_test_add_func ("/sim/limit/concurrent-clients", test_concurrent_clients);

  return g_test_run ();
}
