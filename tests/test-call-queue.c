/* test-call-queue.c: the desk's call queue against an in-process hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test drives real calls through the simulator's control port and
 * checks what the desk would notice: the queue and its states, the ringer,
 * what went to the platform (the simulator's logs) and what the log store
 * kept.
 */

#include <glib/gstdio.h>

#include "concierge-call-queue.h"
#include "test-hcc-services.h"

#define OPERATOR "Alice at the desk"

typedef struct {
  HccTestSim         *sim;
  HccClient          *client;
  HccEventStream     *stream;
  ConciergeLogStore  *store;
  ConciergeRinger    *ringer;
  ConciergeCallQueue *queue;
  char               *tmpdir;
  GArray             *changes;    /* (element-type guint) position, removed, added, ... */
} Fixture;

typedef struct {
  Fixture                  *fixture;
  const char               *record_id;
  ConciergeQueuedCallState  state;
  guint                     number;
} Wait;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  guint triple[3] = { position, removed, added };

  g_array_append_vals (fixture->changes, triple, 3);
}

static gboolean
stream_online (gpointer data)
{
  Fixture *fixture = data;

  return hcc_event_stream_get_state (fixture->stream) == HCC_EVENT_STREAM_STATE_ONLINE;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->sim = hcc_test_sim_new (GPOINTER_TO_UINT (data) + 7, 0, FALSE);
  /* Not a test of the request limit: the stream's polls and the actions
   * must not wait for each other. */
  hcc_test_sim_set_rate_limit (fixture->sim, 100);
  fixture->client = test_client_new (fixture->sim);
  fixture->stream = hcc_event_stream_new (fixture->client);
  hcc_event_stream_set_poll_interval (fixture->stream, 500);

  fixture->tmpdir = g_dir_make_tmp ("test-call-queue-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->tmpdir, "concierge.db", NULL);
  concierge_log_store_open_async (path, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  fixture->store = concierge_log_store_open_finish (result, &error);
  g_assert_no_error (error);

  g_setenv ("CONCIERGE_AUDIO_SINK", "fakesink", TRUE);
  fixture->ringer = concierge_ringer_new ();

  fixture->queue = concierge_call_queue_new (fixture->client, fixture->stream,
                                             fixture->store, fixture->ringer);
  concierge_call_queue_set_operator (fixture->queue, OPERATOR);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (fixture->queue, "items-changed", G_CALLBACK (items_changed_cb), fixture);

  hcc_event_stream_start (fixture->stream);
  g_assert_true (hcc_test_wait_until (stream_online, fixture, TEST_TIMEOUT_MS));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  hcc_event_stream_stop (fixture->stream);
  g_signal_handlers_disconnect_by_data (fixture->queue, fixture);
  g_assert_finalize_object (fixture->queue);
  /* Dropping the queue stops what it rang. */
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));

  concierge_log_store_close_async (fixture->store, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  g_assert_true (concierge_log_store_close_finish (fixture->store, result, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->store);
  g_clear_object (&fixture->ringer);
  g_clear_object (&fixture->stream);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->sim, hcc_test_sim_free);
  g_array_unref (fixture->changes);

  dir = g_dir_open (fixture->tmpdir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* Simulator helpers */

static char *
inject_call (Fixture *fixture)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;
  const char *record_id;

  reply = hcc_test_sim_control (fixture->sim, "POST", "/control/calls",
                                "{\"call_type\": 1, \"timeout_s\": 600}", &status);
  g_assert_cmpuint (status, ==, 200);
  record_id = hcc_test_json_get_string (reply, "record_id");
  if (record_id == NULL)
    record_id = hcc_test_json_get_string (reply, "data.record_id");
  g_assert_nonnull (record_id);

  return g_strdup (record_id);
}

static void
control_call (Fixture    *fixture,
              const char *record_id,
              const char *what)
{
  g_autofree char *path = g_strdup_printf ("/control/calls/%s/%s", record_id, what);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (fixture->sim, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

/* The call/receive actions the simulator received. (transfer full) */
static JsonArray *
sim_actions (Fixture *fixture)
{
  g_autoptr(JsonNode) reply = NULL;
  JsonNode *actions;
  guint status = 0;

  reply = hcc_test_sim_control (fixture->sim, "GET", "/control/calls", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  actions = hcc_test_json_get (reply, "actions");
  if (actions == NULL)
    actions = hcc_test_json_get (reply, "data.actions");
  g_assert_nonnull (actions);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (actions));

  return json_array_ref (json_node_get_array (actions));
}

/* Waiting */

static gboolean
item_present (gpointer data)
{
  Wait *wait = data;

  return concierge_call_queue_lookup (wait->fixture->queue, wait->record_id) != NULL;
}

static gboolean
item_absent (gpointer data)
{
  return !item_present (data);
}

static gboolean
item_in_state (gpointer data)
{
  Wait *wait = data;
  ConciergeQueuedCall *item = concierge_call_queue_lookup (wait->fixture->queue, wait->record_id);

  return item != NULL && concierge_queued_call_get_state (item) == wait->state;
}

static gboolean
item_waited (gpointer data)
{
  Wait *wait = data;
  ConciergeQueuedCall *item = concierge_call_queue_lookup (wait->fixture->queue, wait->record_id);

  return item != NULL && concierge_queued_call_get_waiting_seconds (item) >= wait->number;
}

static ConciergeQueuedCall *
wait_for_call (Fixture    *fixture,
               const char *record_id)
{
  Wait wait = { fixture, record_id, 0, 0 };

  g_assert_true (hcc_test_wait_until (item_present, &wait, TEST_TIMEOUT_MS));
  return concierge_call_queue_lookup (fixture->queue, record_id);
}

static void
wait_for_state (Fixture                  *fixture,
                const char               *record_id,
                ConciergeQueuedCallState  state)
{
  Wait wait = { fixture, record_id, state, 0 };

  g_assert_true (hcc_test_wait_until (item_in_state, &wait, TEST_TIMEOUT_MS));
}

/* The queue's actions, waited for */

typedef void     (*ActAsync)  (ConciergeCallQueue *, const char *, GCancellable *,
                               GAsyncReadyCallback, gpointer);
typedef gboolean (*ActFinish) (ConciergeCallQueue *, GAsyncResult *, GError **);

static gboolean
run_action (Fixture     *fixture,
            ActAsync     act_async,
            ActFinish    act_finish,
            const char  *record_id,
            GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  act_async (fixture->queue, record_id, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);

  return act_finish (fixture->queue, result, error);
}

#define ANSWER  concierge_call_queue_answer_async, concierge_call_queue_answer_finish
#define DECLINE concierge_call_queue_decline_async, concierge_call_queue_decline_finish
#define HANG_UP concierge_call_queue_hang_up_async, concierge_call_queue_hang_up_finish

/* The log store's record of @record_id. (transfer full) */
static ConciergeCallRecord *
stored_call (Fixture    *fixture,
             const char *record_id)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;

  concierge_log_store_query_calls_async (fixture->store, NULL, NULL, NULL, 0, -1, NULL,
                                         test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  records = concierge_log_store_query_calls_finish (fixture->store, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(ConciergeCallRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (concierge_call_record_get_record_id (record), record_id) == 0)
        return g_steal_pointer (&record);
    }

  g_assert_not_reached ();
  return NULL;
}

static void
assert_outcome (Fixture              *fixture,
                const char           *record_id,
                ConciergeCallOutcome  outcome)
{
  g_autoptr(ConciergeCallRecord) record = stored_call (fixture, record_id);

  g_assert_cmpint (concierge_call_record_get_outcome (record), ==, outcome);
}

/* Tests */

static void
test_incoming_rings (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  g_autoptr(ConciergeQueuedCall) first = NULL;
  ConciergeQueuedCall *item = wait_for_call (fixture, record_id);

  g_assert_cmpint (concierge_queued_call_get_state (item), ==, CONCIERGE_QUEUED_CALL_RINGING);
  g_assert_true (concierge_ringer_get_ringing (fixture->ringer));
  g_assert_true (concierge_call_queue_get_ringing (fixture->queue));
  g_assert_nonnull (concierge_queued_call_get_arrived (item));
  g_assert_cmpuint (g_strv_length ((char **) concierge_queued_call_get_door_ids (item)), >, 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (fixture->queue), 0);
  g_assert_true (first == item);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->queue), 1));
  g_assert_cmpuint (fixture->changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 2), ==, 1);

  assert_outcome (fixture, record_id, CONCIERGE_CALL_OUTCOME_RINGING);
}

static void
test_arrival_order (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *a = inject_call (fixture);
  g_autofree char *b = NULL;
  g_autoptr(ConciergeQueuedCall) first = NULL;
  g_autoptr(ConciergeQueuedCall) second = NULL;

  wait_for_call (fixture, a);
  b = inject_call (fixture);
  wait_for_call (fixture, b);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (fixture->queue), 0);
  second = g_list_model_get_item (G_LIST_MODEL (fixture->queue), 1);
  g_assert_cmpstr (concierge_queued_call_get_record_id (first), ==, a);
  g_assert_cmpstr (concierge_queued_call_get_record_id (second), ==, b);
  g_assert_cmpint (concierge_queued_call_get_arrived_monotonic (first), <=,
                   concierge_queued_call_get_arrived_monotonic (second));

  /* Exactly one insertion at the end each time. */
  g_assert_cmpuint (fixture->changes->len, ==, 6);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 3), ==, 1);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 4), ==, 0);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 5), ==, 1);
}

static void
test_silence_is_local (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *a = inject_call (fixture);
  g_autofree char *b = NULL;
  g_autoptr(JsonArray) actions = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  ConciergeQueuedCall *item;

  item = wait_for_call (fixture, a);
  test_clear_requests (fixture->sim);

  g_assert_true (concierge_call_queue_silence (fixture->queue, a));
  g_assert_cmpint (concierge_queued_call_get_state (item), ==, CONCIERGE_QUEUED_CALL_SILENCED);
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));
  /* Silencing twice is not a new silence. */
  g_assert_false (concierge_call_queue_silence (fixture->queue, a));

  /* A new call rings again, and silencing it quiets the desk again. */
  b = inject_call (fixture);
  wait_for_call (fixture, b);
  g_assert_true (concierge_ringer_get_ringing (fixture->ringer));
  concierge_call_queue_silence_all (fixture->queue);
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));

  /* Nothing reached the platform: no call/receive at all. */
  actions = sim_actions (fixture);
  g_assert_cmpuint (json_array_get_length (actions), ==, 0);
  sent = test_requests_for (fixture->sim, "/devcall/v1/call/receive");
  g_assert_cmpuint (sent->len, ==, 0);

  /* Still ringing at the door: the call can be answered. */
  g_assert_true (concierge_queued_call_is_ringing_at_door (item));
  assert_outcome (fixture, a, CONCIERGE_CALL_OUTCOME_RINGING);
}

static void
test_answer_and_hang_up (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  g_autoptr(JsonArray) actions = NULL;
  g_autoptr(ConciergeCallRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *action;
  Wait wait = { fixture, record_id, 0, 0 };
  ConciergeQueuedCall *item;

  item = wait_for_call (fixture, record_id);
  concierge_call_queue_set_linger_seconds (fixture->queue, 1);

  g_assert_true (run_action (fixture, ANSWER, record_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (concierge_queued_call_get_state (item), ==, CONCIERGE_QUEUED_CALL_ANSWERED);
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));

  actions = sim_actions (fixture);
  g_assert_cmpuint (json_array_get_length (actions), ==, 1);
  action = json_array_get_object_element (actions, 0);
  g_assert_cmpstr (json_object_get_string_member (action, "record_id"), ==, record_id);
  g_assert_cmpint (json_object_get_int_member (action, "status"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (action, "user_id"), ==,
                   hcc_client_get_user_id (fixture->client));
  g_clear_pointer (&actions, json_array_unref);

  record = stored_call (fixture, record_id);
  g_assert_cmpint (concierge_call_record_get_outcome (record), ==, CONCIERGE_CALL_OUTCOME_ANSWERED);
  g_assert_cmpstr (concierge_call_record_get_operator (record), ==, OPERATOR);
  g_clear_object (&record);

  /* An answered call stays until it is over. */
  g_assert_false (hcc_test_wait_until (item_absent, &wait, 1500));

  g_assert_true (run_action (fixture, HANG_UP, record_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (concierge_queued_call_get_state (item), ==, CONCIERGE_QUEUED_CALL_ENDED);
  actions = sim_actions (fixture);
  g_assert_cmpuint (json_array_get_length (actions), ==, 2);
  action = json_array_get_object_element (actions, 1);
  g_assert_cmpint (json_object_get_int_member (action, "status"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (action, "record_id"), ==, record_id);

  record = stored_call (fixture, record_id);
  g_assert_cmpint (concierge_call_record_get_outcome (record), ==, CONCIERGE_CALL_OUTCOME_ANSWERED);
  g_assert_nonnull (concierge_call_record_get_ended (record));

  /* A finished call leaves after the linger, with an exact removal. */
  g_assert_true (hcc_test_wait_until (item_absent, &wait, TEST_TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 0);
  g_assert_cmpuint (fixture->changes->len, ==, 6);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 3), ==, 0);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 4), ==, 1);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 5), ==, 0);
}

static void
test_decline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  g_autoptr(JsonArray) actions = NULL;
  g_autoptr(ConciergeCallRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *action;
  ConciergeQueuedCall *item;

  item = wait_for_call (fixture, record_id);
  g_assert_true (run_action (fixture, DECLINE, record_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (concierge_queued_call_get_state (item), ==, CONCIERGE_QUEUED_CALL_DECLINED);
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));

  actions = sim_actions (fixture);
  g_assert_cmpuint (json_array_get_length (actions), ==, 1);
  action = json_array_get_object_element (actions, 0);
  g_assert_cmpint (json_object_get_int_member (action, "status"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (action, "record_id"), ==, record_id);

  record = stored_call (fixture, record_id);
  g_assert_cmpint (concierge_call_record_get_outcome (record), ==, CONCIERGE_CALL_OUTCOME_DECLINED);
  g_assert_cmpstr (concierge_call_record_get_operator (record), ==, OPERATOR);

  /* Declined is over: neither answer nor hang up goes out any more. */
  g_assert_false (run_action (fixture, ANSWER, record_id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (run_action (fixture, HANG_UP, record_id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_pointer (&actions, json_array_unref);
  actions = sim_actions (fixture);
  g_assert_cmpuint (json_array_get_length (actions), ==, 1);
}

static GListModel *
open_door (Fixture     *fixture,
           const char  *record_id,
           const char  *door_id,
           GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  concierge_call_queue_open_door_async (fixture->queue, record_id, door_id, "Courier",
                                        NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);

  return concierge_call_queue_open_door_finish (fixture->queue, result, error);
}

static void
test_open_door (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) logged = NULL;
  g_autoptr(HccDoorResult) door_result = NULL;
  g_autoptr(ConciergeDoorAction) action = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  const char * const *doors;
  const char *door_id;
  JsonNode *list;
  ConciergeQueuedCall *item;

  item = wait_for_call (fixture, record_id);
  doors = concierge_queued_call_get_door_ids (item);
  g_assert_cmpuint (g_strv_length ((char **) doors), >, 0);
  door_id = doors[0];
  test_clear_requests (fixture->sim);

  /* A door of another station is refused before anything is sent. */
  results = open_door (fixture, record_id, "not-this-call's-door", &error);
  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  sent = test_requests_for (fixture->sim, "/acs/v1/remote/control");
  g_assert_cmpuint (sent->len, ==, 0);
  g_clear_pointer (&sent, g_ptr_array_unref);

  /* With one door the caller need not name it; with several it must. */
  results = open_door (fixture, record_id,
                       g_strv_length ((char **) doors) == 1 ? NULL : door_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  door_result = g_list_model_get_item (results, 0);
  g_assert_cmpstr (hcc_door_result_get_door_id (door_result), ==, door_id);
  g_assert_true (hcc_door_result_get_succeeded (door_result));

  /* Exactly that door went out, as an unlock. */
  sent = test_requests_for (fixture->sim, "/acs/v1/remote/control");
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (sent, 0), "remoteControl.actionType"),
                   ==, 1);
  list = hcc_test_json_get (g_ptr_array_index (sent, 0), "remoteControl.elementlist");
  g_assert_nonnull (list);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (list), 0), ==, door_id);

  /* The log knows who opened which door for which call, and that it worked. */
  concierge_log_store_query_door_actions_async (fixture->store, NULL, NULL, NULL, 0, -1, NULL,
                                                test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  logged = concierge_log_store_query_door_actions_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (logged), ==, 1);
  action = g_list_model_get_item (logged, 0);
  g_assert_cmpstr (concierge_door_action_get_operator (action), ==, OPERATOR);
  g_assert_cmpstr (concierge_door_action_get_door_id (action), ==, door_id);
  g_assert_cmpint (concierge_door_action_get_kind (action), ==, CONCIERGE_DOOR_ACTION_UNLOCK);
  g_assert_cmpint (concierge_door_action_get_source (action), ==, CONCIERGE_DOOR_ACTION_SOURCE_CALL);
  g_assert_cmpstr (concierge_door_action_get_call_record_id (action), ==, record_id);
  g_assert_cmpstr (concierge_door_action_get_reason (action), ==, "Courier");
  g_assert_cmpint (concierge_door_action_get_result (action), ==, CONCIERGE_DOOR_ACTION_RESULT_OK);

  /* Opening the door does not answer the call. */
  g_assert_cmpint (concierge_queued_call_get_state (item), ==, CONCIERGE_QUEUED_CALL_RINGING);
}

typedef struct {
  const char               *control;
  ConciergeQueuedCallState  state;
  ConciergeCallOutcome      outcome;
} DeviceCase;

static const DeviceCase device_cases[] = {
  { "answer-elsewhere", CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE,
    CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE },
  { "hangup", CONCIERGE_QUEUED_CALL_MISSED, CONCIERGE_CALL_OUTCOME_MISSED },
  { "cancel", CONCIERGE_QUEUED_CALL_MISSED, CONCIERGE_CALL_OUTCOME_MISSED },
};

static void
test_device_ends_call (Fixture       *fixture,
                       gconstpointer  data)
{
  const DeviceCase *device_case = &device_cases[GPOINTER_TO_UINT (data)];
  g_autofree char *record_id = inject_call (fixture);
  g_autoptr(JsonArray) actions = NULL;
  guint waited;
  ConciergeQueuedCall *item;

  item = wait_for_call (fixture, record_id);
  g_assert_true (concierge_ringer_get_ringing (fixture->ringer));

  control_call (fixture, record_id, device_case->control);
  wait_for_state (fixture, record_id, device_case->state);
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));
  g_assert_false (concierge_queued_call_is_ringing_at_door (item));
  g_assert_true (concierge_queued_call_is_finished (item));
  assert_outcome (fixture, record_id, device_case->outcome);

  /* The desk sent nothing, and the waiting time stopped. */
  actions = sim_actions (fixture);
  g_assert_cmpuint (json_array_get_length (actions), ==, 0);
  waited = concierge_queued_call_get_waiting_seconds (item);
  hcc_test_wait_until (item_absent, &(Wait) { fixture, "never", 0, 0 }, 1500);
  g_assert_cmpuint (concierge_queued_call_get_waiting_seconds (item), ==, waited);
}

static void
test_answer_cancelled_call (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  g_autoptr(GError) error = NULL;
  ConciergeQueuedCall *item;

  item = wait_for_call (fixture, record_id);
  /* The desk does not hear of the cancel before it answers. */
  hcc_event_stream_stop (fixture->stream);
  control_call (fixture, record_id, "cancel");

  g_assert_false (run_action (fixture, ANSWER, record_id, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_CONFLICT);
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "VMS038029");

  g_assert_cmpint (concierge_queued_call_get_state (item), ==, CONCIERGE_QUEUED_CALL_MISSED);
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));
  assert_outcome (fixture, record_id, CONCIERGE_CALL_OUTCOME_MISSED);
}

static void
test_answer_answered_elsewhere (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  g_autoptr(GError) error = NULL;
  ConciergeQueuedCall *item;

  item = wait_for_call (fixture, record_id);
  hcc_event_stream_stop (fixture->stream);
  control_call (fixture, record_id, "answer-elsewhere");

  g_assert_false (run_action (fixture, ANSWER, record_id, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_CONFLICT);
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "VMS038027");
  g_assert_cmpint (concierge_queued_call_get_state (item), ==,
                   CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE);
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));
  assert_outcome (fixture, record_id, CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE);
}

static void
test_no_operator (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  g_autoptr(ConciergeCallRecord) record = NULL;
  g_autoptr(JsonArray) actions = NULL;
  g_autoptr(GError) error = NULL;

  concierge_call_queue_set_operator (fixture->queue, NULL);
  wait_for_call (fixture, record_id);

  g_assert_true (run_action (fixture, ANSWER, record_id, &error));
  g_assert_no_error (error);
  actions = sim_actions (fixture);
  g_assert_cmpuint (json_array_get_length (actions), ==, 1);

  record = stored_call (fixture, record_id);
  g_assert_cmpint (concierge_call_record_get_outcome (record), ==, CONCIERGE_CALL_OUTCOME_ANSWERED);
  g_assert_null (concierge_call_record_get_operator (record));
}

static void
test_double_answer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  GAsyncResult *slots[2] = { NULL, NULL };
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(JsonArray) actions = NULL;
  g_autoptr(GError) error = NULL;

  wait_for_call (fixture, record_id);

  /* A double click: the second press must not reach the platform. */
  concierge_call_queue_answer_async (fixture->queue, record_id, NULL, test_store_result_cb,
                                     &slots[0]);
  concierge_call_queue_decline_async (fixture->queue, record_id, NULL, test_store_result_cb,
                                      &slots[1]);
  second = test_wait_result (&slots[1]);
  g_assert_false (concierge_call_queue_decline_finish (fixture->queue, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  first = test_wait_result (&slots[0]);
  g_assert_true (concierge_call_queue_answer_finish (fixture->queue, first, &error));
  g_assert_no_error (error);

  actions = sim_actions (fixture);
  g_assert_cmpuint (json_array_get_length (actions), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (actions, 0), "status"),
                   ==, 1);
  assert_outcome (fixture, record_id, CONCIERGE_CALL_OUTCOME_ANSWERED);
}

/* The platform may tell every subscriber that the call was answered, us
 * included, before our own answer's reply is in. */
static void
test_answer_echo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  g_autofree char *batch = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  ConciergeQueuedCall *item;

  item = wait_for_call (fixture, record_id);
  concierge_call_queue_answer_async (fixture->queue, record_id, NULL, test_store_result_cb, &slot);

  batch = g_strdup_printf ("{\"event\": [{\"basicInfo\": {\"msgType\": \"Msg140001\"},"
                           " \"data\": {\"deviceTalkInfo\": {\"msgId\": \"%s\","
                           " \"msgType\": 1, \"callType\": 1}}}]}", record_id);
  node = json_from_string (batch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hcc_event_stream_process_batch (fixture->stream, node), ==, 1);
  g_assert_cmpint (concierge_queued_call_get_state (item), ==, CONCIERGE_QUEUED_CALL_RINGING);

  result = test_wait_result (&slot);
  g_assert_true (concierge_call_queue_answer_finish (fixture->queue, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (concierge_queued_call_get_state (item), ==, CONCIERGE_QUEUED_CALL_ANSWERED);
  assert_outcome (fixture, record_id, CONCIERGE_CALL_OUTCOME_ANSWERED);
}

static void
test_device_hangs_up_answered (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  g_autoptr(ConciergeCallRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  wait_for_call (fixture, record_id);
  g_assert_true (run_action (fixture, ANSWER, record_id, &error));
  g_assert_no_error (error);

  /* The visitor hangs up during the call: over, not missed. */
  control_call (fixture, record_id, "hangup");
  wait_for_state (fixture, record_id, CONCIERGE_QUEUED_CALL_ENDED);
  record = stored_call (fixture, record_id);
  g_assert_cmpint (concierge_call_record_get_outcome (record), ==, CONCIERGE_CALL_OUTCOME_ANSWERED);
  g_assert_nonnull (concierge_call_record_get_ended (record));
}

static void
test_waiting_seconds (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);
  Wait wait = { fixture, record_id, 0, 2 };
  ConciergeQueuedCall *item;

  item = wait_for_call (fixture, record_id);
  g_assert_cmpuint (concierge_queued_call_get_waiting_seconds (item), <, 2);
  g_assert_true (hcc_test_wait_until (item_waited, &wait, 10000));

  /* Silenced, the visitor still waits. */
  concierge_call_queue_silence (fixture->queue, record_id);
  wait.number = concierge_queued_call_get_waiting_seconds (item) + 1;
  g_assert_true (hcc_test_wait_until (item_waited, &wait, 10000));
}

static void
test_stale_call_missed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *record_id = inject_call (fixture);

  concierge_call_queue_set_max_ring_seconds (fixture->queue, 2);
  wait_for_call (fixture, record_id);
  /* The stream goes quiet: the call must not ring for ever. */
  hcc_event_stream_stop (fixture->stream);

  wait_for_state (fixture, record_id, CONCIERGE_QUEUED_CALL_MISSED);
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));
  assert_outcome (fixture, record_id, CONCIERGE_CALL_OUTCOME_MISSED);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
test_stale_on_arrival (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *record_id = NULL;
  gint64 until;

  /* The desk is closed while a door station calls and gives up; the
   * platform keeps the event for the subscription. */
  concierge_call_queue_set_max_ring_seconds (fixture->queue, 1);
  hcc_event_stream_stop (fixture->stream);
  record_id = inject_call (fixture);
  until = g_get_monotonic_time () + 4 * G_USEC_PER_SEC;
  g_assert_true (hcc_test_wait_until (time_passed, &until, 10000));

  /* When the desk opens again, the old call shows as missed and never rings. */
  hcc_event_stream_start (fixture->stream);
  wait_for_call (fixture, record_id);
  g_assert_cmpint (concierge_queued_call_get_state (concierge_call_queue_lookup (fixture->queue,
                                                                                 record_id)),
                   ==, CONCIERGE_QUEUED_CALL_MISSED);
  g_assert_false (concierge_ringer_get_ringing (fixture->ringer));
  assert_outcome (fixture, record_id, CONCIERGE_CALL_OUTCOME_MISSED);
}

static void
test_unknown_call (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (concierge_call_queue_lookup (fixture->queue, "123456789012345678"));
  g_assert_false (concierge_call_queue_silence (fixture->queue, "123456789012345678"));
  g_assert_false (run_action (fixture, ANSWER, "123456789012345678", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  results = open_door (fixture, "123456789012345678", NULL, &error);
  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gst_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/call-queue/" path, Fixture, GUINT_TO_POINTER (data), \
              fixture_setup, func, fixture_teardown)

  ADD ("ring/incoming", test_incoming_rings, 0);
  ADD ("ring/stale-on-arrival", test_stale_on_arrival, 0);
  ADD ("ring/arrival-order", test_arrival_order, 1);
  ADD ("ring/silence-is-local", test_silence_is_local, 2);
  ADD ("ring/waiting-seconds", test_waiting_seconds, 3);
  ADD ("ring/stale-call-missed", test_stale_call_missed, 4);
  ADD ("action/answer-hang-up", test_answer_and_hang_up, 5);
  ADD ("action/decline", test_decline, 6);
  ADD ("action/open-door", test_open_door, 7);
  ADD ("action/no-operator", test_no_operator, 8);
  ADD ("action/answer-cancelled", test_answer_cancelled_call, 9);
  ADD ("action/answer-answered-elsewhere", test_answer_answered_elsewhere, 10);
  ADD ("action/unknown-call", test_unknown_call, 11);
  ADD ("action/double-answer", test_double_answer, 12);
  ADD ("action/answer-echo", test_answer_echo, 14);
  ADD ("device/hang-up-after-answer", test_device_hangs_up_answered, 13);
  ADD ("device/answered-elsewhere", test_device_ends_call, 0);
  ADD ("device/hang-up", test_device_ends_call, 1);
  ADD ("device/cancel", test_device_ends_call, 2);

#undef ADD

  return g_test_run ();
}
