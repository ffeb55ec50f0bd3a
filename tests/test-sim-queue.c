/* test-sim-queue.c: rawmsg subscribe, messages and complete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hcc-test-utils.h"

#define DAY_S (24 * 3600)

typedef struct {
  HccTestSim *sim;
  char       *token;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->sim = hcc_test_sim_new (3, 0, FALSE);
  fixture->token = hcc_test_sim_login (fixture->sim);
  /* These tests are about the queue, not about the request limit. */
  hcc_test_sim_set_rate_limit (fixture->sim, 10000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->token);
  hcc_test_sim_free (fixture->sim);
}

static JsonNode *
api (Fixture    *fixture,
     const char *path,
     const char *body)
{
  guint status;
  JsonNode *reply = hcc_test_sim_api (fixture->sim, path, fixture->token, body, &status);

  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (reply);
  return reply;
}

static void
assert_code (JsonNode   *reply,
             const char *code)
{
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, code);
}

static void
subscribe (Fixture    *fixture,
           const char *body)
{
  g_autoptr(JsonNode) reply = api (fixture, "/rawmsg/v1/mq/subscribe", body);

  assert_code (reply, "0");
}

static char *
inject_call (Fixture    *fixture,
             const char *body)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status;

  reply = hcc_test_sim_control (fixture->sim, "POST", "/control/calls", body, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (hcc_test_json_get_string (reply, "record_id"));
}

static void
advance (Fixture *fixture,
         gint64   seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"seconds\":%" G_GINT64_FORMAT "}", seconds);
  g_autoptr(JsonNode) reply = NULL;
  guint status;

  reply = hcc_test_sim_control (fixture->sim, "POST", "/control/clock/advance", body, &status);
  g_assert_cmpuint (status, ==, 200);
}

static guint
n_events (JsonNode *reply)
{
  JsonNode *events = hcc_test_json_get (reply, "data.event");

  g_assert_nonnull (events);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (events));
  return json_array_get_length (json_node_get_array (events));
}

static void
complete (Fixture    *fixture,
          const char *batch_id,
          const char *code)
{
  g_autofree char *body = g_strdup_printf ("{\"batchId\":\"%s\"}", batch_id);
  g_autoptr(JsonNode) reply = api (fixture, "/rawmsg/v1/mq/messages/complete", body);

  assert_code (reply, code);
}

static void
test_not_subscribed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) bad = NULL;

  before = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  assert_code (before, "OPEN000016");

  bad = api (fixture, "/rawmsg/v1/mq/subscribe", "{\"subscribeType\":7}");
  assert_code (bad, "OPEN000010");

  subscribe (fixture, "{\"subscribeType\":1,\"msgType\":[\"Msg140001\"]}");
  subscribe (fixture, "{\"subscribeType\":0,\"msgType\":[]}");
  after = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  assert_code (after, "OPEN000016");
}

static void
test_redelivery (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) done = NULL;
  g_autoptr(JsonNode) props = NULL;
  g_autofree char *record_id = NULL;
  g_autofree char *batch_id = NULL;
  const char *uuid;
  const char *when;
  GRegex *plain;

  subscribe (fixture, "{\"subscribeType\":1,\"msgType\":[\"Msg140001\"]}");

  /* Nothing pending: no batchId, nothing to complete. */
  empty = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  assert_code (empty, "0");
  g_assert_null (hcc_test_json_get (empty, "data.batchId"));
  g_assert_cmpint (hcc_test_json_get_int (empty, "data.remainingNumber"), ==, 0);
  g_assert_cmpuint (n_events (empty), ==, 0);

  record_id = inject_call (fixture, "{\"call_type\":1}");

  first = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  assert_code (first, "0");
  batch_id = g_strdup (hcc_test_json_get_string (first, "data.batchId"));
  g_assert_nonnull (batch_id);
  g_assert_cmpuint (strlen (batch_id), ==, 96);
  g_assert_cmpuint (n_events (first), ==, 1);
  g_assert_cmpint (hcc_test_json_get_int (first, "data.remainingNumber"), ==, 0);

  /* The Event(1) shape of §9.2. */
  uuid = hcc_test_json_get_string (first, "data.event.0.uuid");
  g_assert_nonnull (uuid);
  g_assert_cmpuint (strlen (uuid), ==, 32);
  g_assert_false (json_node_get_boolean (hcc_test_json_get (first, "data.event.0.update")));
  g_assert_cmpstr (hcc_test_json_get_string (first, "data.event.0.basicInfo.msgType"), ==,
                   "Msg140001");
  when = hcc_test_json_get_string (first, "data.event.0.basicInfo.occurrenceTime");
  plain = g_regex_new ("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$", 0, 0, NULL);
  g_assert_true (g_regex_match (plain, when, 0, NULL));
  g_regex_unref (plain);
  props = api (fixture, "/platform/v1/systemproperties", NULL);
  g_assert_cmpstr (hcc_test_json_get_string (first, "data.event.0.basicInfo.systemId"), ==,
                   hcc_test_json_get_string (props, "data.systemGUID"));
  g_assert_nonnull (hcc_test_json_get_string (first, "data.event.0.basicInfo.device.deviceSerial"));
  g_assert_cmpstr (hcc_test_json_get_string (first, "data.event.0.data.deviceTalkInfo.msgId"), ==,
                   record_id);

  /* Until completed, the same batch comes back. */
  again = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  g_assert_cmpstr (hcc_test_json_get_string (again, "data.batchId"), ==, batch_id);
  g_assert_cmpstr (hcc_test_json_get_string (again, "data.event.0.uuid"), ==, uuid);

  complete (fixture, batch_id, "0");
  complete (fixture, batch_id, "OPEN000012");
  complete (fixture, "feedface", "OPEN000012");

  done = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  g_assert_cmpuint (n_events (done), ==, 0);
  g_assert_null (hcc_test_json_get (done, "data.batchId"));
}

static void
test_batches (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) status_reply = NULL;
  guint status;

  subscribe (fixture, "{\"subscribeType\":1,\"msgType\":[]}");
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *id = inject_call (fixture, "{}");
    }

  status_reply = hcc_test_sim_control (fixture->sim, "GET", "/control/status", NULL, &status);
  g_assert_cmpint (hcc_test_json_get_int (status_reply, "counts.events_pending"), ==, 25);

  first = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  g_assert_cmpuint (n_events (first), ==, 20);
  g_assert_cmpint (hcc_test_json_get_int (first, "data.remainingNumber"), ==, 5);
  complete (fixture, hcc_test_json_get_string (first, "data.batchId"), "0");

  second = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  g_assert_cmpuint (n_events (second), ==, 5);
  g_assert_cmpint (hcc_test_json_get_int (second, "data.remainingNumber"), ==, 0);
  g_assert_cmpstr (hcc_test_json_get_string (first, "data.batchId"), !=,
                   hcc_test_json_get_string (second, "data.batchId"));
}

static void
test_types (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(JsonNode) spaced = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  subscribe (fixture, "{\"subscribeType\":1,\"msgType\":[\"Msg110013\"]}");
  first = inject_call (fixture, "{}");
  other = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  g_assert_cmpuint (n_events (other), ==, 0);

  /* "Msg 140001" as the guide prints some types (T2). */
  subscribe (fixture, "{\"subscribeType\":1,\"msgType\":[\"Msg 140001\"]}");
  second = inject_call (fixture, "{}");
  spaced = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  g_assert_cmpuint (n_events (spaced), ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (spaced, "data.event.0.data.deviceTalkInfo.msgId"),
                   ==, second);
}

static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) day1 = NULL;
  g_autoptr(JsonNode) day2 = NULL;
  g_autoptr(JsonNode) day3 = NULL;
  g_autofree char *id = NULL;

  subscribe (fixture, "{\"subscribeType\":1,\"msgType\":[\"Msg140001\"]}");
  id = inject_call (fixture, "{\"timeout_s\":3600}");

  /* Pulled (so the subscription stays) but never completed. */
  advance (fixture, DAY_S);
  day1 = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  g_assert_cmpuint (n_events (day1), ==, 1);
  advance (fixture, DAY_S + 12 * 3600);
  day2 = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  g_assert_cmpuint (n_events (day2), ==, 1);

  /* Three days after it was posted, the event is gone. */
  advance (fixture, 12 * 3600 + 1);
  day3 = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  assert_code (day3, "0");
  g_assert_cmpuint (n_events (day3), ==, 0);
}

static void
test_lapse (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonNode) kept = NULL;
  g_autoptr(JsonNode) lapsed = NULL;

  subscribe (fixture, "{\"subscribeType\":1}");
  advance (fixture, 2 * DAY_S - 60);
  kept = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  assert_code (kept, "0");

  /* Two days without a pull cancel the subscription. */
  advance (fixture, 2 * DAY_S + 1);
  lapsed = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  assert_code (lapsed, "OPEN000016");
  g_assert_true (g_str_has_suffix (hcc_test_json_get_string (lapsed, "message"), "{OPEN000016}"));
}

static void
test_accounts (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonNode) login = NULL;
  g_autoptr(JsonNode) mine = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *id = NULL;
  const char *other_token;
  guint status;

  /* The second desk account has a queue of its own. */
  login = hcc_test_sim_api (fixture->sim, "/platform/v1/token/get", NULL,
                            "{\"appKey\":\"concierge-desk2-ak\",\"secretKey\":\"concierge-desk2-sk\"}",
                            &status);
  other_token = hcc_test_json_get_string (login, "data.accessToken");
  if (other_token == NULL)
    {
      g_test_skip ("the world has no second desk account");
      return;
    }

  subscribe (fixture, "{\"subscribeType\":1}");
  reply = hcc_test_sim_api (fixture->sim, "/rawmsg/v1/mq/subscribe", other_token,
                            "{\"subscribeType\":1}", &status);
  assert_code (reply, "0");
  id = inject_call (fixture, "{}");

  mine = api (fixture, "/rawmsg/v1/mq/messages", "{}");
  complete (fixture, hcc_test_json_get_string (mine, "data.batchId"), "0");
  theirs = hcc_test_sim_api (fixture->sim, "/rawmsg/v1/mq/messages", other_token, "{}", &status);
  g_assert_cmpuint (n_events (theirs), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sim/queue/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("not-subscribed", test_not_subscribed);
  ADD ("redelivery", test_redelivery);
  ADD ("batches", test_batches);
  ADD ("types", test_types);
  ADD ("retention", test_retention);
  ADD ("lapse", test_lapse);
  ADD ("accounts", test_accounts);

#undef ADD

  return g_test_run ();
}
