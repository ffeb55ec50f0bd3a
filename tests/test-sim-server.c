/* test-sim-server.c: tokens, the envelope, routing, areaDomain, TLS and the request log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "hcc-test-utils.h"

#define DAY_S (24 * 3600)

static JsonNode *
login_with (HccTestSim *sim,
            const char *body,
            guint      *status)
{
  return hcc_test_sim_api (sim, "/platform/v1/token/get", NULL, body, status);
}

static void
assert_error (JsonNode   *reply,
              const char *code)
{
  g_autofree char *suffix = g_strdup_printf ("{%s}", code);
  const char *message;

  g_assert_nonnull (reply);
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, code);
  message = hcc_test_json_get_string (reply, "message");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_suffix (message, suffix));
}

static void
advance_days (HccTestSim *sim,
              double      days)
{
  g_autofree char *body = g_strdup_printf ("{\"seconds\":%" G_GINT64_FORMAT "}",
                                           (gint64) (days * DAY_S));
  g_autoptr(JsonNode) reply = NULL;
  guint status;

  reply = hcc_test_sim_control (sim, "POST", "/control/clock/advance", body, &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_token_good (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) props = NULL;
  guint status;
  const char *token;
  gint64 expire;
  gint64 now_s = g_get_real_time () / G_USEC_PER_SEC;

  reply = login_with (sim, "{\"appKey\":\"" HCC_SIM_DEMO_APP_KEY "\",\"secretKey\":\""
                      HCC_SIM_DEMO_SECRET_KEY "\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  /* Success carries errorCode "0" and data, and no message, as L962-975. */
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "0");
  g_assert_null (hcc_test_json_get (reply, "message"));

  token = hcc_test_json_get_string (reply, "data.accessToken");
  g_assert_nonnull (token);
  g_assert_true (g_str_has_prefix (token, "hcc."));
  g_assert_cmpuint (strlen (token), <=, 64);

  /* Seconds, 7 days ahead (T4). */
  expire = hcc_test_json_get_int (reply, "data.expireTime");
  g_assert_cmpint (expire, >=, now_s + 7 * DAY_S - 60);
  g_assert_cmpint (expire, <=, now_s + 7 * DAY_S + 60);
  g_assert_nonnull (hcc_test_json_get_string (reply, "data.userId"));
  g_assert_cmpstr (hcc_test_json_get_string (reply, "data.areaDomain"), ==,
                   hcc_test_sim_get_base_url (sim));

  props = hcc_test_sim_api (sim, "/platform/v1/systemproperties", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (hcc_test_json_get_string (props, "errorCode"), ==, "0");
  g_assert_cmpuint (strlen (hcc_test_json_get_string (props, "data.systemGUID")), ==, 32);
}

static void
test_token_bad_keys (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) wrong = NULL;
  g_autoptr(JsonNode) number = NULL;
  g_autoptr(JsonNode) missing = NULL;
  guint status;

  unknown = login_with (sim, "{\"appKey\":\"nobody\",\"secretKey\":\"x\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  assert_error (unknown, "OPEN000001");

  wrong = login_with (sim, "{\"appKey\":\"" HCC_SIM_DEMO_APP_KEY "\",\"secretKey\":\"nope\"}",
                      &status);
  assert_error (wrong, "OPEN000002");

  /* A numeric secretKey (the table's type, T3) is read, and is wrong here. */
  number = login_with (sim, "{\"appKey\":\"" HCC_SIM_DEMO_APP_KEY "\",\"secretKey\":12345}",
                       &status);
  assert_error (number, "OPEN000002");

  missing = login_with (sim, "{\"appKey\":\"" HCC_SIM_DEMO_APP_KEY "\"}", &status);
  assert_error (missing, "OPEN000010");
}

static void
test_token_missing_unknown_expired (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autoptr(JsonNode) missing = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) expired = NULL;
  g_autoptr(JsonNode) control = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(JsonNode) ok = NULL;
  guint status;

  missing = hcc_test_sim_api (sim, "/platform/v1/systemproperties", NULL, NULL, &status);
  assert_error (missing, "OPEN000007");
  unknown = hcc_test_sim_api (sim, "/platform/v1/systemproperties", "hcc.forged", NULL, &status);
  assert_error (unknown, "OPEN000007");

  control = hcc_test_sim_control (sim, "POST", "/control/tokens/expire", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  expired = hcc_test_sim_api (sim, "/platform/v1/systemproperties", token, NULL, &status);
  assert_error (expired, "OPEN000006");

  /* A new login works again after the expiry. */
  fresh = hcc_test_sim_login (sim);
  ok = hcc_test_sim_api (sim, "/platform/v1/systemproperties", fresh, NULL, &status);
  g_assert_cmpstr (hcc_test_json_get_string (ok, "errorCode"), ==, "0");
}

static gboolean
token_works (HccTestSim *sim,
             const char *token)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status;

  reply = hcc_test_sim_api (sim, "/platform/v1/systemproperties", token, NULL, &status);
  g_assert_nonnull (reply);
  if (g_strcmp0 (hcc_test_json_get_string (reply, "errorCode"), "0") == 0)
    return TRUE;
  assert_error (reply, "OPEN000006");
  return FALSE;
}

static void
test_token_seven_days (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autofree char *first = hcc_test_sim_login (sim);
  g_autofree char *second = NULL;

  advance_days (sim, 6.9);
  g_assert_true (token_works (sim, first));

  /* A login inside the window issues a new token; the old one keeps its
   * own expiry. */
  second = hcc_test_sim_login (sim);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (token_works (sim, first));
  g_assert_true (token_works (sim, second));

  advance_days (sim, 0.2);
  g_assert_false (token_works (sim, first));
  g_assert_true (token_works (sim, second));

  advance_days (sim, 7);
  g_assert_false (token_works (sim, second));
}

static void
test_envelope_routing (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) method = NULL;
  g_autoptr(JsonNode) invalid = NULL;
  g_autoptr(JsonNode) users = NULL;
  g_autoptr(JsonNode) package = NULL;
  g_autoptr(JsonNode) stream = NULL;
  g_autoptr(JsonNode) limit = NULL;
  guint status;

  /* More than 5 calls follow: lift the request limit for this test. */
  limit = hcc_test_sim_control (sim, "POST", "/control/rate-limit", "{\"per_second\":1000}",
                                &status);
  g_assert_cmpuint (status, ==, 200);

  unknown = hcc_test_sim_api (sim, "/platform/v1/nothing", token, "{}", &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_nonnull (hcc_test_json_get_string (unknown, "errorCode"));

  method = hcc_test_sim_api (sim, "/platform/v1/systemproperties", token, "{}", &status);
  g_assert_cmpuint (status, ==, 405);

  invalid = hcc_test_sim_api (sim, "/platform/v1/users/get", token, "{\"pageIndex\":", &status);
  g_assert_cmpuint (status, ==, 200);
  assert_error (invalid, "OPEN000008");

  /* Numbers as strings are read (T12). */
  users = hcc_test_sim_api (sim, "/platform/v1/users/get", token,
                            "{\"pageIndex\":\"1\",\"pageSize\":\"1\"}", &status);
  g_assert_cmpstr (hcc_test_json_get_string (users, "errorCode"), ==, "0");
  g_assert_cmpint (hcc_test_json_get_int (users, "data.totalCount"), >=, 2);
  g_assert_cmpint (hcc_test_json_get_int (users, "data.pageSize"), ==, 1);
  g_assert_nonnull (hcc_test_json_get_string (users, "data.user.0.id"));
  g_assert_null (hcc_test_json_get (users, "data.user.1"));

  package = hcc_test_sim_api (sim, "/platform/v1/servicepackage", token, NULL, &status);
  g_assert_cmpstr (hcc_test_json_get_string (package, "errorCode"), ==, "0");
  /* Times are strings of epoch milliseconds (T5). */
  g_assert_cmpint (strlen (hcc_test_json_get_string (package,
                                                     "data.packageDetails.servicePackage.0.expiredTime")),
                   ==, 13);

  stream = hcc_test_sim_api (sim, "/platform/v1/streamtoken/get", token, NULL, &status);
  g_assert_cmpstr (hcc_test_json_get_string (stream, "errorCode"), ==, "0");
  g_assert_true (g_str_has_prefix (hcc_test_json_get_string (stream, "data.appToken"), "at."));
  g_assert_cmpint (strlen (hcc_test_json_get_string (stream, "data.expireTime")), ==, 13);
}

static gboolean
has_member (JsonNode   *reply,
            const char *name)
{
  return json_object_has_member (json_node_get_object (reply), name);
}

/* The envelope keys follow the guide per endpoint family (T16). */
static void
test_envelope_variants (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autoptr(JsonNode) acs = NULL;
  g_autoptr(JsonNode) acs_bad = NULL;
  g_autoptr(JsonNode) persons = NULL;
  guint status;

  acs = hcc_test_sim_api (sim, "/acspm/v1/accesslevel/list", token,
                          "{\"accessLevelSearchRequest\":{\"pageIndex\":1,\"pageSize\":10}}",
                          &status);
  g_assert_cmpstr (hcc_test_json_get_string (acs, "errorCode"), ==, "0");
  g_assert_cmpstr (hcc_test_json_get_string (acs, "errorMsg"), ==, "");
  g_assert_false (has_member (acs, "message"));
  g_assert_true (has_member (acs, "data"));

  acs_bad = hcc_test_sim_api (sim, "/acspm/v1/accesslevel/list", token, "{", &status);
  g_assert_cmpstr (hcc_test_json_get_string (acs_bad, "errorCode"), ==, "OPEN000008");
  /* Errors found before the route runs use the plain envelope. */
  g_assert_true (has_member (acs_bad, "message"));

  persons = hcc_test_sim_api (sim, "/person/v1/persons/get", token,
                              "{\"personId\":\"000000000000000001\"}", &status);
  g_assert_nonnull (hcc_test_json_get_string (persons, "errorCode"));
  g_assert_false (has_member (persons, "message"));
  g_assert_false (has_member (persons, "data"));
  g_assert_true (has_member (persons, "Message") || has_member (persons, "Data"));
}

static void
test_area_domain (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(JsonNode) switched = NULL;
  g_autoptr(JsonNode) login = NULL;
  g_autoptr(JsonNode) props = NULL;
  g_autoptr(JsonNode) log = NULL;
  g_autofree char *body = g_strdup ("{\"appKey\":\"" HCC_SIM_DEMO_APP_KEY "\",\"secretKey\":\""
                                    HCC_SIM_DEMO_SECRET_KEY "\"}");
  const char *area_domain;
  const char *token;
  JsonArray *requests;
  JsonObject *last;
  guint16 regional_port;
  guint status;

  switched = hcc_test_sim_control (sim, "POST", "/control/area-domain", "{\"regional\":true}",
                                   &status);
  g_assert_cmpuint (status, ==, 200);

  login = login_with (sim, body, &status);
  area_domain = hcc_test_json_get_string (login, "data.areaDomain");
  token = hcc_test_json_get_string (login, "data.accessToken");
  g_assert_nonnull (area_domain);
  g_assert_cmpstr (area_domain, !=, hcc_test_sim_get_base_url (sim));
  g_assert_true (g_str_has_prefix (area_domain, "http://127.0.0.1:"));

  props = hcc_test_sim_api_at (sim, area_domain, "/platform/v1/systemproperties", token, NULL,
                               &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (hcc_test_json_get_string (props, "errorCode"), ==, "0");

  /* The log tells which host (port) each request reached. */
  regional_port = atoi (strrchr (area_domain, ':') + 1);
  log = hcc_test_sim_control (sim, "GET", "/control/requests?since=0", NULL, &status);
  requests = json_node_get_array (hcc_test_json_get (log, "requests"));
  g_assert_cmpuint (json_array_get_length (requests), ==, 2);
  last = json_array_get_object_element (requests, 1);
  g_assert_cmpint (json_object_get_int_member (last, "local_port"), ==, regional_port);
  last = json_array_get_object_element (requests, 0);
  g_assert_cmpint (json_object_get_int_member (last, "local_port"), ==,
                   hcc_sim_get_port (hcc_test_sim_get_sim (sim)));
}

static void
test_request_log (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(JsonNode) since = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autofree char *text = NULL;
  JsonArray *requests;
  guint status;

  bad = hcc_test_sim_api (sim, "/platform/v1/systemproperties", token, NULL, &status);

  log = hcc_test_sim_control (sim, "GET", "/control/requests", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  requests = json_node_get_array (hcc_test_json_get (log, "requests"));
  g_assert_cmpuint (json_array_get_length (requests), ==, 2);

  /* The secret never reaches the log; the token is shortened. */
  text = json_to_string (log, FALSE);
  g_assert_null (strstr (text, HCC_SIM_DEMO_SECRET_KEY));
  g_assert_null (strstr (text, token));
  g_assert_cmpstr (hcc_test_json_get_string (log, "requests.0.body.secretKey"), ==, "***");
  g_assert_cmpstr (hcc_test_json_get_string (log, "requests.0.path"), ==,
                   "/api/hccgw/platform/v1/token/get");
  g_assert_cmpint (hcc_test_json_get_int (log, "requests.0.http_status"), ==, 200);
  g_assert_cmpstr (hcc_test_json_get_string (log, "requests.1.error_code"), ==, "0");
  g_assert_true (g_str_has_suffix (hcc_test_json_get_string (log, "requests.1.token"), "..."));

  since = hcc_test_sim_control (sim, "GET", "/control/requests?since=1", NULL, &status);
  requests = json_node_get_array (hcc_test_json_get (since, "requests"));
  g_assert_cmpuint (json_array_get_length (requests), ==, 1);

  cleared = hcc_test_sim_control (sim, "DELETE", "/control/requests", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  after = hcc_test_sim_control (sim, "GET", "/control/requests", NULL, &status);
  requests = json_node_get_array (hcc_test_json_get (after, "requests"));
  g_assert_cmpuint (json_array_get_length (requests), ==, 0);
}

static void
test_control_errors (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(JsonNode) status_reply = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(JsonNode) invalid = NULL;
  guint status;

  status_reply = hcc_test_sim_control (sim, "GET", "/control/status", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (hcc_test_json_get_string (status_reply, "api_url"), ==,
                   hcc_test_sim_get_base_url (sim));
  g_assert_cmpstr (hcc_test_json_get_string (status_reply, "app_key"), ==, HCC_SIM_DEMO_APP_KEY);
  g_assert_cmpstr (hcc_test_json_get_string (status_reply, "seed"), ==, "1");
  g_assert_cmpint (hcc_test_json_get_int (status_reply, "counts.persons"), >=, 150);

  unknown = hcc_test_sim_control (sim, "GET", "/control/nothing", NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_nonnull (hcc_test_json_get_string (unknown, "error"));

  bad = hcc_test_sim_control (sim, "POST", "/control/faults", "{\"kind\":\"meteor\"}", &status);
  g_assert_cmpuint (status, ==, 400);
  g_assert_nonnull (hcc_test_json_get_string (bad, "error"));

  invalid = hcc_test_sim_control (sim, "POST", "/control/clock/advance", "{", &status);
  g_assert_cmpuint (status, ==, 400);
}

/* Bodies of the wrong shape get a clean error envelope, never a crash. */
static void
test_bad_bodies (void)
{
  static const char *paths[] = {
    "/platform/v1/token/get",
    "/platform/v1/users/get",
    "/rawmsg/v1/mq/subscribe",
    "/rawmsg/v1/mq/messages",
    "/rawmsg/v1/mq/messages/complete",
    "/devcall/v1/call/receive",
  };
  static const char *bodies[] = {
    "[]", "null", "\"text\"", "42", "{}",
    "{\"appKey\":[1],\"secretKey\":{}}",
    "{\"appKey\":\"" HCC_SIM_DEMO_APP_KEY "\",\"secretKey\":null}",
    "{\"recordId\":{},\"status\":[],\"userId\":null}",
    "{\"recordId\":123456789012345678,\"status\":\"x\",\"userId\":7}",
    "{\"batchId\":123}",
    "{\"subscribeType\":\"1\",\"msgType\":\"Msg140001\"}",
    "{\"subscribeType\":1,\"msgType\":[1,null]}",
    "{\"pageIndex\":-1,\"pageSize\":1e300}",
    "{\"pageIndex\":1,\"pageSize\":100000}",
  };
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autoptr(JsonNode) limit = NULL;
  guint status;

  limit = hcc_test_sim_control (sim, "POST", "/control/rate-limit", "{\"per_second\":100000}",
                                &status);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    for (guint j = 0; j < G_N_ELEMENTS (bodies); j++)
      {
        g_autoptr(JsonNode) reply = NULL;

        reply = hcc_test_sim_api (sim, paths[i], token, bodies[j], &status);
        g_assert_cmpuint (status, ==, 200);
        g_assert_nonnull (hcc_test_json_get_string (reply, "errorCode"));
      }

  /* token/get refuses a body of the wrong shape instead of logging in. */
  {
    g_autoptr(JsonNode) reply = NULL;

    reply = hcc_test_sim_api (sim, "/platform/v1/token/get", NULL, "[]", &status);
    assert_error (reply, "OPEN000010");
    g_clear_pointer (&reply, json_node_unref);
    reply = hcc_test_sim_api (sim, "/platform/v1/users/get", token,
                              "{\"pageIndex\":1,\"pageSize\":100000}", &status);
    assert_error (reply, "OPEN000025");
  }
}

static void
test_tls (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, TRUE);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) props = NULL;
  guint status;

  g_assert_true (g_str_has_prefix (hcc_test_sim_get_base_url (sim), "https://127.0.0.1:"));
  g_assert_true (g_file_test (hcc_test_sim_get_cert_path (sim), G_FILE_TEST_EXISTS));
  token = hcc_test_sim_login (sim);
  props = hcc_test_sim_api (sim, "/platform/v1/systemproperties", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (hcc_test_json_get_string (props, "errorCode"), ==, "0");
}

static void
test_exe_help (void)
{
  const char *exe = g_getenv ("HCC_SIM_EXE");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  if (exe == NULL)
    {
      g_test_skip ("HCC_SIM_EXE is not set");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "--help", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_nonnull (strstr (out, "--control-port"));
  g_assert_nonnull (strstr (out, "--seed"));
}

static gboolean
line_seen (gpointer data)
{
  GString *buffer = data;

  return strstr (buffer->str, "Press Ctrl+C") != NULL;
}

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GString *buffer = user_data;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL,
                                                    NULL);
  if (line == NULL)
    return;
  g_string_append_printf (buffer, "%s\n", line);
  g_data_input_stream_read_line_async (G_DATA_INPUT_STREAM (source), G_PRIORITY_DEFAULT, NULL,
                                       read_line_cb, buffer);
}

static void
test_exe_runs (void)
{
  const char *exe = g_getenv ("HCC_SIM_EXE");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);

  if (exe == NULL)
    {
      g_test_skip ("HCC_SIM_EXE is not set");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "--seed", "7", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (lines, G_PRIORITY_DEFAULT, NULL, read_line_cb, buffer);
  g_assert_true (hcc_test_wait_until (line_seen, buffer, 30000));
  g_assert_nonnull (strstr (buffer->str, "http://127.0.0.1:"));
  g_assert_nonnull (strstr (buffer->str, HCC_SIM_DEMO_APP_KEY));

  /* SIGTERM stops it cleanly. */
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/server/token/good", test_token_good);
  g_test_add_func ("/sim/server/token/bad-keys", test_token_bad_keys);
  g_test_add_func ("/sim/server/token/missing-unknown-expired", test_token_missing_unknown_expired);
  g_test_add_func ("/sim/server/token/seven-days", test_token_seven_days);
  g_test_add_func ("/sim/server/envelope/routing", test_envelope_routing);
  g_test_add_func ("/sim/server/envelope/variants", test_envelope_variants);
  g_test_add_func ("/sim/server/area-domain", test_area_domain);
  g_test_add_func ("/sim/server/request-log", test_request_log);
  g_test_add_func ("/sim/server/control/errors", test_control_errors);
  g_test_add_func ("/sim/server/bad-bodies", test_bad_bodies);
  g_test_add_func ("/sim/server/tls", test_tls);
  g_test_add_func ("/sim/server/exe/help", test_exe_help);
  g_test_add_func ("/sim/server/exe/runs", test_exe_runs);

  return g_test_run ();
}
