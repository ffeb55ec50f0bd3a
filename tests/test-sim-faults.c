/* test-sim-faults.c: fault injection through the control port
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hcc-test-utils.h"

typedef struct {
  HccTestSim *sim;
  char       *token;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) limit = NULL;
  guint status;

  fixture->sim = hcc_test_sim_new (9, 0, FALSE);
  fixture->token = hcc_test_sim_login (fixture->sim);
  limit = hcc_test_sim_control (fixture->sim, "POST", "/control/rate-limit",
                                "{\"per_second\":10000}", &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->token);
  hcc_test_sim_free (fixture->sim);
}

static void
add_fault (Fixture    *fixture,
           const char *body)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status;

  reply = hcc_test_sim_control (fixture->sim, "POST", "/control/faults", body, &status);
  g_assert_cmpuint (status, ==, 200);
}

/* One API call; returns the HTTP status (0 on a transport error) and the
 * parsed reply in @reply when wanted. */
static guint
call (Fixture    *fixture,
      const char *path,
      JsonNode  **reply,
      char      **raw)
{
  g_autoptr(JsonNode) node = NULL;
  const char *body = g_str_has_suffix (path, "systemproperties") ||
                     g_str_has_suffix (path, "servicepackage") ? NULL
                     : "{\"pageIndex\":1,\"pageSize\":10}";
  guint status;

  node = hcc_test_sim_api_at (fixture->sim, hcc_test_sim_get_base_url (fixture->sim), path,
                              fixture->token, body, &status, raw);
  if (reply != NULL)
    *reply = g_steal_pointer (&node);
  return status;
}

static gint64
fault_count (Fixture    *fixture,
             const char *kind)
{
  g_autoptr(JsonNode) stats = NULL;
  g_autofree char *path = g_strdup_printf ("faults.%s", kind);
  guint status;

  stats = hcc_test_sim_control (fixture->sim, "GET", "/control/stats", NULL, &status);
  return hcc_test_json_get_int (stats, path);
}

static const char *
last_logged_fault (Fixture *fixture)
{
  static char fault[64];
  g_autoptr(JsonNode) log = NULL;
  JsonArray *requests;
  JsonObject *last;
  guint status;

  log = hcc_test_sim_control (fixture->sim, "GET", "/control/requests", NULL, &status);
  requests = json_node_get_array (hcc_test_json_get (log, "requests"));
  last = json_array_get_object_element (requests, json_array_get_length (requests) - 1);
  if (!json_object_has_member (last, "fault"))
    return NULL;
  g_strlcpy (fault, json_object_get_string_member (last, "fault"), sizeof fault);
  return fault;
}

static void
test_http_error (Fixture       *fixture,
                 gconstpointer  data)
{
  add_fault (fixture, "{\"kind\":\"http-error\",\"status\":503}");
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 503);
  g_assert_cmpstr (last_logged_fault (fixture), ==, "http-error");
  /* Only the next request. */
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 200);
  g_assert_null (last_logged_fault (fixture));
  g_assert_cmpint (fault_count (fixture, "http-error"), ==, 1);
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  add_fault (fixture, "{\"kind\":\"reset\",\"count\":1}");
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 0);
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 200);
  g_assert_cmpint (fault_count (fixture, "reset"), ==, 1);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *raw = NULL;

  add_fault (fixture, "{\"kind\":\"malformed-json\"}");
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", &reply, &raw), ==, 200);
  g_assert_null (reply);
  g_assert_nonnull (raw);
  g_assert_true (raw[0] == '{');
  g_assert_cmpint (fault_count (fixture, "malformed-json"), ==, 1);
}

static void
test_rate_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) reply = NULL;

  add_fault (fixture, "{\"kind\":\"rate-limit\",\"count\":2}");
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", &reply, NULL), ==, 429);
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "OPEN000029");
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 429);
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 200);
  g_assert_cmpint (fault_count (fixture, "rate-limit"), ==, 2);
}

typedef struct {
  Fixture *fixture;
  guint    status;
  gint64   elapsed_us;
} DelayedCall;

static gpointer
delayed_call_thread (gpointer data)
{
  DelayedCall *delayed = data;
  gint64 start = g_get_monotonic_time ();

  delayed->status = call (delayed->fixture, "/platform/v1/servicepackage", NULL, NULL);
  delayed->elapsed_us = g_get_monotonic_time () - start;
  return NULL;
}

static gboolean
request_arrived (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(JsonNode) log = NULL;
  g_autofree char *text = NULL;
  guint status;

  log = hcc_test_sim_control (fixture->sim, "GET", "/control/requests", NULL, &status);
  text = json_to_string (log, FALSE);
  return strstr (text, "servicepackage") != NULL;
}

static void
test_delay (Fixture       *fixture,
            gconstpointer  data)
{
  DelayedCall delayed = { fixture, 0, 0 };
  GThread *thread;
  gint64 start;
  gint64 quick;

  add_fault (fixture, "{\"kind\":\"delay\",\"delay_ms\":1500,\"path\":\"servicepackage\"}");
  thread = g_thread_new ("delayed", delayed_call_thread, &delayed);

  /* While one request waits, the simulator serves others at once. */
  g_assert_true (hcc_test_wait_until (request_arrived, fixture, 10000));
  start = g_get_monotonic_time ();
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 200);
  quick = g_get_monotonic_time () - start;

  g_thread_join (thread);
  g_assert_cmpuint (delayed.status, ==, 200);
  g_assert_cmpint (delayed.elapsed_us, >=, 1500 * 1000);
  g_assert_cmpint (quick, <, 1500 * 1000);
  g_assert_cmpint (fault_count (fixture, "delay"), ==, 1);
}

static void
test_path_and_scope (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) control = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  guint status;
  guint hits = 0;

  /* Only paths containing "users/get" fail. */
  add_fault (fixture, "{\"kind\":\"http-error\",\"count\":3,\"status\":502,\"path\":\"users/get\"}");
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 200);
  for (guint i = 0; i < 4; i++)
    if (call (fixture, "/platform/v1/users/get", NULL, NULL) == 502)
      hits++;
  g_assert_cmpuint (hits, ==, 3);

  /* All requests, until the faults are cleared; the control port is spared. */
  add_fault (fixture, "{\"kind\":\"http-error\",\"fraction\":1.0}");
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 500);
  g_assert_cmpuint (call (fixture, "/platform/v1/users/get", NULL, NULL), ==, 500);
  control = hcc_test_sim_control (fixture->sim, "GET", "/control/status", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  cleared = hcc_test_sim_control (fixture->sim, "DELETE", "/control/faults", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (call (fixture, "/platform/v1/systemproperties", NULL, NULL), ==, 200);
}

static void
test_fraction (Fixture       *fixture,
               gconstpointer  data)
{
  guint hits = 0;

  add_fault (fixture, "{\"kind\":\"http-error\",\"fraction\":0.5}");
  for (guint i = 0; i < 40; i++)
    if (call (fixture, "/platform/v1/systemproperties", NULL, NULL) == 500)
      hits++;
  g_assert_cmpuint (hits, >, 5);
  g_assert_cmpuint (hits, <, 35);
  g_assert_cmpint (fault_count (fixture, "http-error"), ==, hits);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sim/faults/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("http-error", test_http_error);
  ADD ("reset", test_reset);
  ADD ("malformed-json", test_malformed);
  ADD ("rate-limit", test_rate_limit);
  ADD ("delay", test_delay);
  ADD ("path-and-scope", test_path_and_scope);
  ADD ("fraction", test_fraction);

#undef ADD

  return g_test_run ();
}
