/* test-sim-calls.c: the door-station call state machine and its Msg140001 events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hcc-test-utils.h"

typedef struct {
  HccTestSim *sim;
  char       *token;
  char       *user_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) limit = NULL;
  g_autoptr(JsonNode) login = NULL;
  g_autoptr(JsonNode) subscribed = NULL;
  guint status;

  fixture->sim = hcc_test_sim_new (5, 0, FALSE);
  limit = hcc_test_sim_control (fixture->sim, "POST", "/control/rate-limit",
                                "{\"per_second\":10000}", &status);
  login = hcc_test_sim_api (fixture->sim, "/platform/v1/token/get", NULL,
                            "{\"appKey\":\"" HCC_SIM_DEMO_APP_KEY "\",\"secretKey\":\""
                            HCC_SIM_DEMO_SECRET_KEY "\"}", &status);
  fixture->token = g_strdup (hcc_test_json_get_string (login, "data.accessToken"));
  fixture->user_id = g_strdup (hcc_test_json_get_string (login, "data.userId"));
  g_assert_nonnull (fixture->token);
  subscribed = hcc_test_sim_api (fixture->sim, "/rawmsg/v1/mq/subscribe", fixture->token,
                                 "{\"subscribeType\":1,\"msgType\":[\"Msg140001\"]}", &status);
  g_assert_cmpstr (hcc_test_json_get_string (subscribed, "errorCode"), ==, "0");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->token);
  g_free (fixture->user_id);
  hcc_test_sim_free (fixture->sim);
}

static JsonNode *
inject (Fixture    *fixture,
        const char *body)
{
  guint status;
  JsonNode *reply = hcc_test_sim_control (fixture->sim, "POST", "/control/calls", body, &status);

  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (hcc_test_json_get_string (reply, "record_id"));
  return reply;
}

static void
control (Fixture    *fixture,
         const char *record_id,
         const char *action,
         guint       expected_status)
{
  g_autofree char *path = g_strdup_printf ("/control/calls/%s/%s", record_id, action);
  g_autoptr(JsonNode) reply = NULL;
  guint status;

  reply = hcc_test_sim_control (fixture->sim, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, expected_status);
}

/* Sends call/receive and returns its errorCode (owned). */
static char *
receive (Fixture    *fixture,
         const char *record_id,
         const char *status_json,
         const char *user_id)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *body = NULL;
  const char *code;
  const char *message;
  guint status;

  if (user_id != NULL)
    body = g_strdup_printf ("{\"recordId\":\"%s\",\"status\":%s,\"userId\":\"%s\"}",
                            record_id, status_json, user_id);
  else
    body = g_strdup_printf ("{\"recordId\":\"%s\",\"status\":%s}", record_id, status_json);

  reply = hcc_test_sim_api (fixture->sim, "/devcall/v1/call/receive", fixture->token, body,
                            &status);
  g_assert_cmpuint (status, ==, 200);
  code = hcc_test_json_get_string (reply, "errorCode");
  g_assert_nonnull (code);
  message = hcc_test_json_get_string (reply, "message");
  if (!g_str_equal (code, "0"))
    g_assert_true (message != NULL && strstr (message, code) != NULL);
  return g_strdup (code);
}

static const char *
call_state (Fixture    *fixture,
            const char *record_id)
{
  static char state[64];
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *calls;
  guint status;

  reply = hcc_test_sim_control (fixture->sim, "GET", "/control/calls", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  calls = json_node_get_array (hcc_test_json_get (reply, "calls"));
  for (guint i = 0; i < json_array_get_length (calls); i++)
    {
      JsonObject *call = json_array_get_object_element (calls, i);

      if (g_str_equal (json_object_get_string_member (call, "record_id"), record_id))
        {
          g_strlcpy (state, json_object_get_string_member (call, "state"), sizeof state);
          return state;
        }
    }
  return NULL;
}

/* Pulls and completes the queue; returns the DeviceTalkInfo.msgType values
 * seen for @record_id, in order, as a string such as "01". */
static char *
drain_msg_types (Fixture    *fixture,
                 const char *record_id)
{
  GString *types = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(JsonNode) done = NULL;
      g_autofree char *body = NULL;
      JsonArray *events;
      const char *batch_id;
      guint status;

      reply = hcc_test_sim_api (fixture->sim, "/rawmsg/v1/mq/messages", fixture->token, "{}",
                                &status);
      g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "0");
      batch_id = hcc_test_json_get_string (reply, "data.batchId");
      if (batch_id == NULL)
        break;

      events = json_node_get_array (hcc_test_json_get (reply, "data.event"));
      for (guint i = 0; i < json_array_get_length (events); i++)
        {
          JsonNode *event = json_array_get_element (events, i);

          if (g_strcmp0 (hcc_test_json_get_string (event, "data.deviceTalkInfo.msgId"),
                         record_id) == 0)
            g_string_append_printf (types, "%" G_GINT64_FORMAT,
                                    hcc_test_json_get_int (event, "data.deviceTalkInfo.msgType"));
        }

      body = g_strdup_printf ("{\"batchId\":\"%s\"}", batch_id);
      done = hcc_test_sim_api (fixture->sim, "/rawmsg/v1/mq/messages/complete", fixture->token,
                               body, &status);
      g_assert_cmpstr (hcc_test_json_get_string (done, "errorCode"), ==, "0");
    }
  return g_string_free (types, FALSE);
}

static void
assert_code (char       *code,
             const char *expected)
{
  g_assert_cmpstr (code, ==, expected);
  g_free (code);
}

static void
test_answer_hangup (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) call = inject (fixture, "{\"call_type\":1}");
  const char *id = hcc_test_json_get_string (call, "record_id");
  g_autofree char *types = NULL;
  g_autoptr(JsonNode) list = NULL;
  guint status;

  g_assert_cmpstr (call_state (fixture, id), ==, "ringing");
  /* Hanging up a call nobody answered is refused. */
  assert_code (receive (fixture, id, "3", fixture->user_id), "VMS000001");
  assert_code (receive (fixture, id, "1", fixture->user_id), "0");
  g_assert_cmpstr (call_state (fixture, id), ==, "answered");
  /* Another desk cannot take it over, nor decline it. */
  assert_code (receive (fixture, id, "1", "someone-else"), "VMS038027");
  assert_code (receive (fixture, id, "2", fixture->user_id), "VMS038027");
  assert_code (receive (fixture, id, "3", fixture->user_id), "0");
  g_assert_cmpstr (call_state (fixture, id), ==, "ended");
  /* A repeated hang-up is a harmless retry; answering again is not. */
  assert_code (receive (fixture, id, "3", fixture->user_id), "0");
  assert_code (receive (fixture, id, "1", fixture->user_id), "VMS038019");

  /* The desk's own actions raise no device events. */
  types = drain_msg_types (fixture, id);
  g_assert_cmpstr (types, ==, "0");

  /* Every call/receive is logged for tests. */
  list = hcc_test_sim_control (fixture->sim, "GET", "/control/calls", NULL, &status);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (hcc_test_json_get (list, "actions"))),
                    ==, 7);
  g_assert_cmpstr (hcc_test_json_get_string (list, "actions.1.result"), ==, "0");
  g_assert_cmpint (hcc_test_json_get_int (list, "actions.1.status"), ==, 1);
}

static void
test_decline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonNode) call = inject (fixture, "{}");
  const char *id = hcc_test_json_get_string (call, "record_id");

  /* The guide's example sends status as the string "2" (T12). */
  assert_code (receive (fixture, id, "\"2\"", fixture->user_id), "0");
  g_assert_cmpstr (call_state (fixture, id), ==, "declined");
  assert_code (receive (fixture, id, "1", fixture->user_id), "VMS038019");
  assert_code (receive (fixture, id, "3", fixture->user_id), "VMS038019");
}

static void
test_bad_requests (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) call = inject (fixture, "{}");
  const char *id = hcc_test_json_get_string (call, "record_id");

  assert_code (receive (fixture, "123456789012345678", "1", fixture->user_id), "VMS038019");
  assert_code (receive (fixture, id, "1", NULL), "OPEN000010");
  assert_code (receive (fixture, id, "4", fixture->user_id), "OPEN000010");
  g_assert_cmpstr (call_state (fixture, id), ==, "ringing");
}

static void
test_answered_elsewhere (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) call = inject (fixture, "{}");
  const char *id = hcc_test_json_get_string (call, "record_id");
  g_autofree char *types = NULL;

  control (fixture, id, "answer-elsewhere", 200);
  g_assert_cmpstr (call_state (fixture, id), ==, "answered-elsewhere");
  assert_code (receive (fixture, id, "1", fixture->user_id), "VMS038027");
  types = drain_msg_types (fixture, id);
  g_assert_cmpstr (types, ==, "01");
  /* The device cannot act on a call that has ended. */
  control (fixture, id, "hangup", 409);
}

static void
test_device_hangup (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) call = inject (fixture, "{}");
  const char *id = hcc_test_json_get_string (call, "record_id");
  g_autofree char *types = NULL;

  assert_code (receive (fixture, id, "1", fixture->user_id), "0");
  control (fixture, id, "hangup", 200);
  g_assert_cmpstr (call_state (fixture, id), ==, "hung-up-by-device");
  assert_code (receive (fixture, id, "3", fixture->user_id), "VMS038029");
  types = drain_msg_types (fixture, id);
  g_assert_cmpstr (types, ==, "02");
}

static void
test_device_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) call = inject (fixture, "{}");
  const char *id = hcc_test_json_get_string (call, "record_id");
  g_autofree char *types = NULL;

  control (fixture, id, "cancel", 200);
  assert_code (receive (fixture, id, "1", fixture->user_id), "VMS038029");
  types = drain_msg_types (fixture, id);
  g_assert_cmpstr (types, ==, "03");
  control (fixture, "999999999999999999", "cancel", 404);
}

typedef struct {
  Fixture    *fixture;
  const char *record_id;
} TimeoutData;

static gboolean
call_cancelled (gpointer user_data)
{
  TimeoutData *data = user_data;

  return g_strcmp0 (call_state (data->fixture, data->record_id), "cancelled") == 0;
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonNode) call = inject (fixture, "{\"timeout_s\":1}");
  const char *id = hcc_test_json_get_string (call, "record_id");
  TimeoutData timeout_data = { fixture, id };
  g_autofree char *types = NULL;

  g_assert_cmpint (hcc_test_json_get_int (call, "timeout_s"), ==, 1);
  g_assert_true (hcc_test_wait_until (call_cancelled, &timeout_data, 20000));
  types = drain_msg_types (fixture, id);
  g_assert_cmpstr (types, ==, "03");
  assert_code (receive (fixture, id, "1", fixture->user_id), "VMS038029");
}

static void
test_event_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) call = inject (fixture, "{\"call_type\":0}");
  const char *id = hcc_test_json_get_string (call, "record_id");
  g_autoptr(JsonNode) reply = NULL;
  JsonNode *talk;
  JsonArray *doors;
  guint status;

  reply = hcc_test_sim_api (fixture->sim, "/rawmsg/v1/mq/messages", fixture->token, "{}",
                            &status);
  talk = hcc_test_json_get (reply, "data.event.0.data.deviceTalkInfo");
  g_assert_nonnull (talk);
  g_assert_cmpstr (hcc_test_json_get_string (talk, "msgId"), ==, id);
  g_assert_cmpuint (strlen (id), ==, 18);
  g_assert_cmpint (hcc_test_json_get_int (talk, "msgType"), ==, 0);
  g_assert_cmpint (hcc_test_json_get_int (talk, "callType"), ==, 0);
  g_assert_cmpstr (hcc_test_json_get_string (talk, "deviceSerial"), ==,
                   hcc_test_json_get_string (call, "device_serial"));
  g_assert_cmpstr (hcc_test_json_get_string (talk, "deviceId"), ==,
                   hcc_test_json_get_string (call, "device_id"));
  g_assert_nonnull (hcc_test_json_get_string (talk, "deviceName"));
  /* A room call names the room and its resident. */
  g_assert_cmpint (hcc_test_json_get_int (talk, "roomNumber"), ==,
                   hcc_test_json_get_int (call, "room_number"));
  g_assert_cmpint (hcc_test_json_get_int (talk, "roomNumber"), >, 0);
  g_assert_cmpstr (hcc_test_json_get_string (talk, "userId"), ==,
                   hcc_test_json_get_string (call, "user_id") != NULL
                   ? hcc_test_json_get_string (call, "user_id") : "");
  g_assert_cmpstr (hcc_test_json_get_string (talk, "personId"), ==,
                   hcc_test_json_get_string (call, "person_id"));

  doors = json_node_get_array (hcc_test_json_get (talk, "doorInfos"));
  g_assert_cmpuint (json_array_get_length (doors), >=, 1);
  g_assert_nonnull (hcc_test_json_get_string (talk, "doorInfos.0.doorId"));
  g_assert_nonnull (hcc_test_json_get_string (talk, "doorInfos.0.doorName"));
}

static void
test_desk_call_fields (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) call = inject (fixture, "{\"call_type\":1}");
  g_autoptr(JsonNode) reply = NULL;
  JsonNode *talk;
  guint status;

  reply = hcc_test_sim_api (fixture->sim, "/rawmsg/v1/mq/messages", fixture->token, "{}",
                            &status);
  talk = hcc_test_json_get (reply, "data.event.0.data.deviceTalkInfo");
  g_assert_cmpint (hcc_test_json_get_int (talk, "callType"), ==, 1);
  /* roomNumber and personId belong to room calls only. */
  g_assert_null (hcc_test_json_get (talk, "roomNumber"));
  g_assert_null (hcc_test_json_get (talk, "personId"));
}

typedef struct {
  HccTestSim *sim;
  const char *token;
  char       *call_type;
  gint64      last_poll;
} DemoData;

static gboolean
demo_call_arrived (gpointer user_data)
{
  DemoData *data = user_data;
  g_autoptr(JsonNode) reply = NULL;
  guint status;

  /* Poll every 500 ms, as a client should, within the request limit. */
  if (g_get_monotonic_time () - data->last_poll < 500 * 1000)
    return FALSE;
  data->last_poll = g_get_monotonic_time ();

  reply = hcc_test_sim_api (data->sim, "/rawmsg/v1/mq/messages", data->token, "{}", &status);
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "0");
  if (hcc_test_json_get (reply, "data.event.0") == NULL)
    return FALSE;
  g_assert_cmpint (hcc_test_json_get_int (reply, "data.event.0.data.deviceTalkInfo.msgType"), ==, 0);
  data->call_type = g_strdup_printf ("%" G_GINT64_FORMAT,
                                     hcc_test_json_get_int (reply,
                                                            "data.event.0.data.deviceTalkInfo.callType"));
  return TRUE;
}

static void
test_demo (void)
{
  g_autoptr(HccTestSim) sim = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) subscribed = NULL;
  g_autoptr(JsonNode) calls = NULL;
  DemoData data = { NULL, NULL, NULL, 0 };
  gint64 start = g_get_monotonic_time ();
  guint status;

  /* This test takes about 20 s, the demo's own first delay. */
  sim = hcc_test_sim_new_full (5, 0, FALSE, TRUE);
  token = hcc_test_sim_login (sim);
  /* Calls only: in demo mode residents also badge in at the doors. */
  subscribed = hcc_test_sim_api (sim, "/rawmsg/v1/mq/subscribe", token,
                                 "{\"subscribeType\":1,\"msgType\":[\"Msg140001\"]}", &status);
  calls = hcc_test_sim_control (sim, "GET", "/control/calls", NULL, &status);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (hcc_test_json_get (calls, "calls"))),
                    ==, 0);

  /* The first demo call comes about 20 s after the start, not at once. */
  data.sim = sim;
  data.token = token;
  g_assert_true (hcc_test_wait_until (demo_call_arrived, &data, 40000));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 15 * G_USEC_PER_SEC);
  g_assert_true (g_str_equal (data.call_type, "0") || g_str_equal (data.call_type, "1"));
  g_free (data.call_type);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/sim/calls/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("answer-hangup", test_answer_hangup);
  ADD ("decline", test_decline);
  ADD ("bad-requests", test_bad_requests);
  ADD ("answered-elsewhere", test_answered_elsewhere);
  ADD ("device-hangup", test_device_hangup);
  ADD ("device-cancel", test_device_cancel);
  ADD ("timeout", test_timeout);
  ADD ("event-fields", test_event_fields);
  ADD ("desk-call-fields", test_desk_call_fields);

#undef ADD

  g_test_add_func ("/sim/calls/demo", test_demo);

  return g_test_run ();
}
