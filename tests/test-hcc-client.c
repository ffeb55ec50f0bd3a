/* test-hcc-client.c: HccClient against hcc-sim over real HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hcc-client.h"
#include "hcc-credentials.h"
#include "hcc-error.h"
#include "hcc-event-stream.h"
#include "hcc-json.h"
#include "hcc-scheduler.h"
#include "hcc-test-utils.h"

#define SYSPROPS "/platform/v1/systemproperties"
#define USERS "/platform/v1/users/get"

/* {{{ Helpers */

static gboolean
slot_filled (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  g_assert_true (hcc_test_wait_until (slot_filled, slot, 60000));
  return g_steal_pointer (slot);
}

static HccClient *
new_client (HccTestSim *sim)
{
  g_autoptr(GError) error = NULL;
  HccClient *client = hcc_client_new ();

  g_assert_true (hcc_client_set_server_url (client, hcc_test_sim_get_base_url (sim), &error));
  g_assert_no_error (error);
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
  return client;
}

static JsonNode *
request (HccClient        *client,
         HccRequestFlags   flags,
         const char       *path,
         const char       *body_json,
         GCancellable     *cancellable,
         GError          **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (body_json != NULL)
    body = json_from_string (body_json, NULL);

  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, flags, path, body, cancellable,
                            store_result_cb, &slot);
  result = wait_result (&slot);
  return hcc_client_request_finish (client, result, error);
}

static void
login (HccClient *client)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hcc_client_login_async (client, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  g_assert_true (hcc_client_login_finish (client, result, &error));
  g_assert_no_error (error);
}

static void
control (HccTestSim *sim,
         const char *method,
         const char *path,
         const char *body)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (sim, method, path, body, &status);
  g_assert_cmpuint (status, ==, 200);
}

/* The sim's request log since @since (a JsonArray, owned by the node). */
static JsonNode *
requests_since (HccTestSim *sim,
                gint64      since)
{
  g_autofree char *path = g_strdup_printf ("/control/requests?since=%" G_GINT64_FORMAT, since);
  guint status = 0;
  JsonNode *reply = hcc_test_sim_control (sim, "GET", path, NULL, &status);

  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (reply);
  return reply;
}

static gint64
last_seq (HccTestSim *sim)
{
  g_autoptr(JsonNode) reply = requests_since (sim, G_MAXINT64 / 2);

  return hcc_test_json_get_int (reply, "last_seq");
}

static guint
count_requests (JsonNode   *log,
                const char *path_suffix,
                guint       local_port)
{
  JsonNode *requests = hcc_test_json_get (log, "requests");
  JsonArray *array;
  guint n = 0;

  g_assert_nonnull (requests);
  array = json_node_get_array (requests);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      const char *path = json_object_get_string_member (item, "path");

      if (path_suffix != NULL && !g_str_has_suffix (path, path_suffix))
        continue;
      if (local_port != 0 && json_object_get_int_member (item, "local_port") != local_port)
        continue;
      n++;
    }
  return n;
}

static guint
port_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  g_assert_nonnull (uri);
  return (guint) g_uri_get_port (uri);
}

/* }}} */

static void
test_client_urls (void)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(GError) error = NULL;
  const char *bad[] = {
    "http://example.com", "ftp://127.0.0.1", "not a url", "http://10.0.0.1:80", "https://",
  };
  const char *good[] = {
    "https://ieu.hikcentralconnect.com/", "http://127.0.0.1:8080", "http://[::1]:9",
    "http://localhost:1", "http://127.1.2.3", "https://proxy.example.org:8443",
  };

  /* Regions map to the guide's hosts; India shares Singapore's. */
  hcc_client_set_region (client, HCC_REGION_INDIA);
  g_assert_cmpstr (hcc_client_get_server_url (client), ==, "https://isgp.hikcentralconnect.com");
  hcc_client_set_region (client, HCC_REGION_RUSSIA);
  g_assert_cmpstr (hcc_client_get_server_url (client), ==, "https://hikcentralconnectru.com");
  hcc_client_set_region (client, HCC_REGION_NORTH_AMERICA);
  g_assert_cmpstr (hcc_client_get_server_url (client), ==, "https://ius.hikcentralconnect.com");

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (hcc_client_set_server_url (client, bad[i], &error));
      g_assert_error (error, HCC_ERROR, HCC_ERROR_VALIDATION);
      g_clear_error (&error);
    }
  g_assert_cmpstr (hcc_client_get_server_url (client), ==, "https://ius.hikcentralconnect.com");

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("%s", good[i]);
      g_assert_true (hcc_client_set_server_url (client, good[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (hcc_client_get_server_url (client), ==, "https://proxy.example.org:8443");
  g_assert_true (hcc_client_get_default_session () == hcc_client_get_default_session ());
}

/* Login, the Token header, GET without a body, the expiry in seconds. */
static void
test_client_login (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 20, FALSE);
  g_autoptr(HccClient) client = new_client (sim);
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *guid = NULL;
  JsonArray *array;
  JsonObject *first;
  JsonObject *second;
  GTimeSpan left;

  g_assert_cmpint (hcc_client_get_state (client), ==, HCC_CLIENT_STATE_DISCONNECTED);

  /* The first request logs in by itself. */
  data = request (client, HCC_REQUEST_GET | HCC_REQUEST_RETRY_SAFE, SYSPROPS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  guid = hcc_json_dup_string (json_node_get_object (data), "systemGUID", NULL);
  g_assert_nonnull (guid);
  g_assert_cmpint (hcc_client_get_state (client), ==, HCC_CLIENT_STATE_ONLINE);
  g_assert_nonnull (hcc_client_get_user_id (client));

  /* expireTime is in seconds: 7 days ahead, not 1970 or year 50000. */
  left = g_date_time_difference (hcc_client_get_token_expiry (client), now);
  g_assert_cmpint (left, >, 6 * G_TIME_SPAN_DAY);
  g_assert_cmpint (left, <=, 7 * G_TIME_SPAN_DAY + G_TIME_SPAN_MINUTE);

  log = requests_since (sim, 0);
  array = json_node_get_array (hcc_test_json_get (log, "requests"));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  first = json_array_get_object_element (array, 0);
  second = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "path"), ==,
                   "/api/hccgw/platform/v1/token/get");
  g_assert_true (json_object_get_null_member (first, "token") ||
                 !json_object_has_member (first, "token"));
  g_assert_cmpstr (json_object_get_string_member (second, "method"), ==, "GET");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (second, "token"), "hcc."));

  /* An explicit login replaces the token. */
  login (client);
  g_clear_pointer (&log, json_node_unref);
  log = requests_since (sim, 0);
  g_assert_cmpuint (count_requests (log, "token/get", 0), ==, 2);
}

/* token/get goes to the configured host, every later call to areaDomain. */
static void
test_client_area_domain (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (2, 20, FALSE);
  g_autoptr(HccClient) client = new_client (sim);
  g_autoptr(JsonNode) status_reply = NULL;
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;
  const char *regional;
  guint status = 0;

  control (sim, "POST", "/control/area-domain", "{\"regional\": true}");
  status_reply = hcc_test_sim_control (sim, "GET", "/control/status", NULL, &status);
  regional = hcc_test_json_get_string (status_reply, "regional_url");
  g_assert_nonnull (regional);
  g_assert_cmpstr (regional, !=, hcc_test_sim_get_base_url (sim));

  login (client);
  g_assert_cmpstr (hcc_client_get_area_domain (client), ==, regional);

  for (int i = 0; i < 3; i++)
    {
      data = request (client, HCC_REQUEST_GET, SYSPROPS, NULL, NULL, &error);
      g_assert_no_error (error);
      g_clear_pointer (&data, json_node_unref);
    }

  log = requests_since (sim, 0);
  g_assert_cmpuint (count_requests (log, "token/get", port_of (hcc_test_sim_get_base_url (sim))),
                    ==, 1);
  g_assert_cmpuint (count_requests (log, SYSPROPS, port_of (regional)), ==, 3);
  g_assert_cmpuint (count_requests (log, SYSPROPS, port_of (hcc_test_sim_get_base_url (sim))),
                    ==, 0);
}

typedef struct {
  HccClient *client;
  guint      n_done;
  guint      n_failed;
} Concurrent;

static void
concurrent_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Concurrent *c = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = hcc_client_request_finish (HCC_CLIENT (source), result, &error);

  if (error != NULL)
    {
      g_test_message ("request failed: %s", error->message);
      c->n_failed++;
    }
  c->n_done++;
}

static gboolean
all_done (gpointer data)
{
  Concurrent *c = data;

  return c->n_done == 6;
}

/* Tokens expire mid-run: one re-login shared by every waiting request,
 * and each request is retried once. Writes too: they were refused, not done. */
static void
test_client_token_expiry (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (3, 20, FALSE);
  g_autoptr(HccClient) client = new_client (sim);
  g_autoptr(JsonNode) log = NULL;
  Concurrent c = { client, 0, 0 };
  gint64 since;

  login (client);
  since = last_seq (sim);
  control (sim, "POST", "/control/tokens/expire", NULL);

  for (int i = 0; i < 6; i++)
    {
      g_autoptr(JsonNode) body = json_from_string ("{\"pageIndex\": 1, \"pageSize\": 5}", NULL);

      hcc_client_request_async (client, HCC_LANE_BACKGROUND, HCC_REQUEST_NONE, USERS, body,
                                NULL, concurrent_cb, &c);
    }
  g_assert_true (hcc_test_wait_until (all_done, &c, 60000));
  g_assert_cmpuint (c.n_failed, ==, 0);

  log = requests_since (sim, since);
  g_assert_cmpuint (count_requests (log, "token/get", 0), ==, 1);
  /* Six refused with OPEN000006, six retried: never a third attempt. */
  g_assert_cmpuint (count_requests (log, USERS, 0), <=, 12);
  g_assert_cmpuint (count_requests (log, USERS, 0), >=, 7);
  g_assert_cmpint (hcc_client_get_state (client), ==, HCC_CLIENT_STATE_ONLINE);
}

/* Wrong keys: auth-failed, no retry loop, fail fast until new keys. */
static void
test_client_wrong_keys (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (4, 20, FALSE);
  g_autoptr(HccClient) client = new_client (sim);
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;

  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, "wrong-secret");
  for (int i = 0; i < 4; i++)
    {
      data = request (client, HCC_REQUEST_GET | HCC_REQUEST_RETRY_SAFE, SYSPROPS, NULL, NULL,
                      &error);
      g_assert_null (data);
      g_assert_error (error, HCC_ERROR, HCC_ERROR_AUTH);
      g_clear_error (&error);
      g_assert_cmpint (hcc_client_get_state (client), ==, HCC_CLIENT_STATE_AUTH_FAILED);
    }

  log = requests_since (sim, 0);
  g_assert_cmpuint (count_requests (log, NULL, 0), ==, 1);
  g_assert_cmpuint (count_requests (log, "token/get", 0), ==, 1);

  /* An unknown AK is just as final. */
  hcc_client_set_credentials (client, "nobody", "nothing");
  data = request (client, HCC_REQUEST_GET, SYSPROPS, NULL, NULL, &error);
  g_assert_error (error, HCC_ERROR, HCC_ERROR_AUTH);
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "OPEN000001");
  g_clear_error (&error);

  /* New keys lift it. */
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
  data = request (client, HCC_REQUEST_GET, SYSPROPS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_cmpint (hcc_client_get_state (client), ==, HCC_CLIENT_STATE_ONLINE);
}

typedef struct {
  const char *kind_json;
  HccError    write_error;
} FaultCase;

/* Every fault kind: a write fails with the right error, a read retries
 * through the budget and succeeds. */
static void
test_client_faults (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (5, 20, FALSE);
  g_autoptr(HccClient) client = new_client (sim);
  const FaultCase cases[] = {
    { "\"kind\": \"http-error\", \"status\": 503", HCC_ERROR_SERVER },
    { "\"kind\": \"http-error\", \"status\": 404", HCC_ERROR_TRANSPORT },
    { "\"kind\": \"reset\"", HCC_ERROR_TRANSPORT },
    { "\"kind\": \"delay\", \"delay_ms\": 2500", HCC_ERROR_TIMEOUT },
    { "\"kind\": \"malformed-json\"", HCC_ERROR_TRANSPORT },
    { "\"kind\": \"rate-limit\"", HCC_ERROR_RATE_LIMITED },
  };

  hcc_client_set_timeout (client, 1000);
  login (client);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fault = g_strdup_printf ("{%s, \"count\": 1, \"path\": \"users/get\"}",
                                                cases[i].kind_json);
      g_autoptr(JsonNode) data = NULL;
      g_autoptr(JsonNode) log = NULL;
      g_autoptr(GError) error = NULL;
      gint64 since;

      g_test_message ("fault %s", cases[i].kind_json);

      /* A write: one attempt, the error tells what happened. */
      since = last_seq (sim);
      control (sim, "POST", "/control/faults", fault);
      data = request (client, HCC_REQUEST_NONE, USERS, "{\"pageIndex\": 1, \"pageSize\": 2}",
                      NULL, &error);
      g_assert_null (data);
      g_assert_error (error, HCC_ERROR, (int) cases[i].write_error);
      g_clear_error (&error);
      log = requests_since (sim, since);
      g_assert_cmpuint (count_requests (log, USERS, 0), ==, 1);
      g_clear_pointer (&log, json_node_unref);

      /* A read: retried after the fault, and it succeeds. */
      since = last_seq (sim);
      control (sim, "POST", "/control/faults", fault);
      data = request (client, HCC_REQUEST_RETRY_SAFE, USERS, "{\"pageIndex\": 1, \"pageSize\": 2}",
                      NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (data);
      log = requests_since (sim, since);
      g_assert_cmpuint (count_requests (log, USERS, 0), ==, 2);
    }

  /* A persistent failure ends after a bounded number of attempts. */
  {
    g_autoptr(JsonNode) data = NULL;
    g_autoptr(JsonNode) log = NULL;
    g_autoptr(GError) error = NULL;
    gint64 since = last_seq (sim);

    control (sim, "POST", "/control/faults",
             "{\"kind\": \"http-error\", \"status\": 502, \"count\": 50, \"path\": \"users/get\"}");
    data = request (client, HCC_REQUEST_RETRY_SAFE, USERS, "{\"pageIndex\": 1, \"pageSize\": 2}",
                    NULL, &error);
    g_assert_error (error, HCC_ERROR, HCC_ERROR_SERVER);
    g_assert_cmpint (hcc_client_get_state (client), ==, HCC_CLIENT_STATE_OFFLINE);
    log = requests_since (sim, since);
    g_assert_cmpuint (count_requests (log, USERS, 0), ==, 5);
    control (sim, "DELETE", "/control/faults", NULL);
  }
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* The caller's GCancellable works before, during and between attempts. */
static void
test_client_cancel (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (6, 20, FALSE);
  g_autoptr(HccClient) client = new_client (sim);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;
  gint64 start;

  login (client);

  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    data = request (client, HCC_REQUEST_GET, SYSPROPS, NULL, cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  /* In flight: the sim holds the reply for 5 s, we cancel after 200 ms. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    control (sim, "POST", "/control/faults",
             "{\"kind\": \"delay\", \"delay_ms\": 5000, \"count\": 1, \"path\": \"systemproperties\"}");
    g_timeout_add (200, cancel_cb, cancellable);
    start = g_get_monotonic_time ();
    data = request (client, HCC_REQUEST_GET, SYSPROPS, NULL, cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
    g_clear_error (&error);
  }

  /* Backing off between attempts. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    control (sim, "POST", "/control/faults",
             "{\"kind\": \"http-error\", \"status\": 503, \"count\": 50, \"path\": \"systemproperties\"}");
    g_timeout_add (700, cancel_cb, cancellable);
    start = g_get_monotonic_time ();
    data = request (client, HCC_REQUEST_GET | HCC_REQUEST_RETRY_SAFE, SYSPROPS, NULL,
                    cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
    control (sim, "DELETE", "/control/faults", NULL);
  }
}

typedef struct {
  guint  n_done;
  guint  n_failed;
  gint64 max_interactive_wait;
  gint64 max_background_wait;
} Budget;

static void
budget_granted_cb (HccScheduler *scheduler,
                   int           lane,
                   gint64        waited_us,
                   Budget       *budget)
{
  if (lane == HCC_LANE_INTERACTIVE)
    budget->max_interactive_wait = MAX (budget->max_interactive_wait, waited_us);
  else if (lane == HCC_LANE_BACKGROUND)
    budget->max_background_wait = MAX (budget->max_background_wait, waited_us);
}

static void
budget_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Budget *budget = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = hcc_client_request_finish (HCC_CLIENT (source), result, &error);

  if (error != NULL)
    budget->n_failed++;
  budget->n_done++;
}

static gboolean
budget_done (gpointer data)
{
  Budget *budget = data;

  return budget->n_done == 60;
}

static gboolean
add_interactive_cb (gpointer data)
{
  gpointer *pair = data;

  hcc_client_request_async (pair[0], HCC_LANE_INTERACTIVE, HCC_REQUEST_GET, SYSPROPS, NULL,
                            NULL, budget_done_cb, pair[1]);
  return G_SOURCE_REMOVE;
}

/* 50 background reads and 10 interactive requests from two clients, with
 * the event stream polling: the sim never sees more than 5 in a second, and
 * interactive requests wait at most for the next free slot, never behind
 * the background queue. */
static void
test_client_budget (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (7, 20, FALSE);
  g_autoptr(HccClient) client = new_client (sim);
  g_autoptr(HccClient) other = new_client (sim);
  g_autoptr(JsonNode) stats = NULL;
  g_autoptr(HccEventStream) stream = hcc_event_stream_new (client);
  Budget budget = { 0, };
  gpointer pair[2] = { client, &budget };
  gulong handler;
  guint status = 0;

  login (client);
  login (other);
  control (sim, "DELETE", "/control/stats", NULL);

  handler = g_signal_connect (hcc_scheduler_get_default (), "granted",
                              G_CALLBACK (budget_granted_cb), &budget);
  hcc_event_stream_start (stream);

  for (int i = 0; i < 50; i++)
    hcc_client_request_async (i % 2 ? client : other, HCC_LANE_BACKGROUND,
                              HCC_REQUEST_GET | HCC_REQUEST_RETRY_SAFE, SYSPROPS, NULL, NULL,
                              budget_done_cb, &budget);
  /* Interactive requests arrive while the background queue is long. */
  for (int i = 0; i < 10; i++)
    g_timeout_add (300 + i * 600, add_interactive_cb, pair);

  g_assert_true (hcc_test_wait_until (budget_done, &budget, 60000));
  hcc_event_stream_stop (stream);
  g_signal_handler_disconnect (hcc_scheduler_get_default (), handler);

  g_assert_cmpuint (budget.n_failed, ==, 0);
  g_test_message ("max wait: interactive %" G_GINT64_FORMAT " µs, background %" G_GINT64_FORMAT " µs",
                  budget.max_interactive_wait, budget.max_background_wait);
  /* The next free slot is at most one window (1 s + margin) away; the rest
   * is slack for a loaded machine. Background work waited far longer. */
  g_assert_cmpint (budget.max_interactive_wait, <, 1500 * 1000);
  g_assert_cmpint (budget.max_background_wait, >, 5 * G_USEC_PER_SEC);

  stats = hcc_test_sim_control (sim, "GET", "/control/stats", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (hcc_test_json_get_int (stats, "rejected"), ==, 0);
  g_assert_cmpint (hcc_test_json_get_int (stats, "max_arrivals_per_second"), <=, 5);
  /* Our 60 and the stream's subscribe and polls. */
  g_assert_cmpint (hcc_test_json_get_int (stats, "total"), >, 62);
}

/* Provisioning: keys from the environment win, and never need a keyring. */
static void
test_client_credentials_env (void)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ak = NULL;
  g_autofree char *sk = NULL;

  g_unsetenv ("HCC_APP_KEY");
  g_unsetenv ("HCC_SECRET_KEY");
  g_assert_false (hcc_credentials_from_environment (&ak, &sk));
  g_setenv ("HCC_APP_KEY", "env-ak", TRUE);
  g_assert_false (hcc_credentials_from_environment (&ak, &sk));
  g_setenv ("HCC_SECRET_KEY", "env-sk", TRUE);

  hcc_credentials_lookup_async ("https://ieu.hikcentralconnect.com", NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  g_assert_true (hcc_credentials_lookup_finish (result, &ak, &sk, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ak, ==, "env-ak");
  g_assert_cmpstr (sk, ==, "env-sk");

  g_unsetenv ("HCC_APP_KEY");
  g_unsetenv ("HCC_SECRET_KEY");
}

typedef struct {
  GThread  *main_thread;
  guint     n_done;
  guint     n_wrong_thread;
  guint     n_mixed_up;
  GError   *error;
} Replies;

typedef struct {
  Replies *replies;
  guint    page_size;  /* 0: the system properties */
} Asked;

static void
reply_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree Asked *asked = user_data;
  Replies *replies = asked->replies;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;

  if (g_thread_self () != replies->main_thread)
    replies->n_wrong_thread++;

  data = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (data == NULL)
    {
      if (replies->error == NULL)
        replies->error = g_steal_pointer (&error);
    }
  else if (asked->page_size == 0)
    {
      /* The system properties: an object, and no person list in it. */
      if (!JSON_NODE_HOLDS_OBJECT (data) || hcc_test_json_get (data, "personList") != NULL)
        replies->n_mixed_up++;
    }
  else
    {
      JsonNode *list = hcc_test_json_get (data, "personList");

      /* Each caller gets the page it asked for, not another one's. */
      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) ||
          json_array_get_length (json_node_get_array (list)) != asked->page_size)
        replies->n_mixed_up++;
    }

  replies->n_done++;
}

static gboolean
all_replied (gpointer data)
{
  return ((Replies *) data)->n_done == 12;
}

/* Replies are decoded on a worker thread: many requests at once each get
 * their own result, and every callback still runs on the caller's thread
 * (widgets are touched there). */
static void
test_client_reply_threads (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (7, 300, FALSE);
  g_autoptr(HccClient) client = new_client (sim);
  Replies replies = { g_thread_self () };

  login (client);

  for (guint i = 0; i < 12; i++)
    {
      Asked *asked = g_new0 (Asked, 1);

      asked->replies = &replies;
      if (i % 3 == 0)
        {
          hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_GET, SYSPROPS, NULL,
                                    NULL, reply_cb, asked);
        }
      else
        {
          g_autofree char *text = NULL;
          g_autoptr(JsonNode) body = NULL;

          /* Pages of different sizes (up to about 100 KB) tell the replies apart. */
          asked->page_size = 10 + 20 * i;
          text = g_strdup_printf ("{\"pageNum\": 1, \"pageSize\": %u, \"searchCriteria\": "
                                  "{\"areaId\": \"-1\", \"isContainSubArea\": 1}}",
                                  asked->page_size);
          body = json_from_string (text, NULL);
          hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_RETRY_SAFE,
                                    "/vims/v1/person/search", body, NULL, reply_cb, asked);
        }
    }

  g_assert_true (hcc_test_wait_until (all_replied, &replies, 60000));
  g_assert_no_error (replies.error);
  g_assert_cmpuint (replies.n_wrong_thread, ==, 0);
  g_assert_cmpuint (replies.n_mixed_up, ==, 0);
  g_assert_cmpint (hcc_client_get_state (client), ==, HCC_CLIENT_STATE_ONLINE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/client/urls", test_client_urls);
  g_test_add_func ("/hcc/client/login", test_client_login);
  g_test_add_func ("/hcc/client/area-domain", test_client_area_domain);
  g_test_add_func ("/hcc/client/token-expiry", test_client_token_expiry);
  g_test_add_func ("/hcc/client/wrong-keys", test_client_wrong_keys);
  g_test_add_func ("/hcc/client/faults", test_client_faults);
  g_test_add_func ("/hcc/client/cancel", test_client_cancel);
  g_test_add_func ("/hcc/client/budget", test_client_budget);
  g_test_add_func ("/hcc/client/reply-threads", test_client_reply_threads);
  g_test_add_func ("/hcc/client/credentials-env", test_client_credentials_env);

  return g_test_run ();
}
