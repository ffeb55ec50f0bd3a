/* test-log-store.c: the call log and door log, their SQLite store and its worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "concierge-log-store.h"

#define WAIT_SECONDS 30
#define CRASH_MIN_COMMITS 300

typedef struct
{
  char              *dir;
  char              *path;
  ConciergeLogStore *store;
} Fixture;

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until *done is set, failing after a generous
 * timeout rather than hanging. */
static void
wait_for (gpointer *done)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timed_out_cb, &timed_out);

  while (*done == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static ConciergeLogStore *
open_store (const char  *path,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  concierge_log_store_open_async (path, NULL, store_result_cb, &result);
  wait_for ((gpointer *) &result);
  return concierge_log_store_open_finish (result, error);
}

static void
flush_store (ConciergeLogStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  concierge_log_store_flush_async (store, NULL, store_result_cb, &result);
  wait_for ((gpointer *) &result);
  g_assert_true (concierge_log_store_flush_finish (store, result, &error));
  g_assert_no_error (error);
}

static void
close_store (ConciergeLogStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  concierge_log_store_close_async (store, NULL, store_result_cb, &result);
  wait_for ((gpointer *) &result);
  g_assert_true (concierge_log_store_close_finish (store, result, &error));
  g_assert_no_error (error);
}

static GListModel *
query_calls (ConciergeLogStore *store,
             const char        *text,
             GDateTime         *from,
             GDateTime         *until,
             guint              offset,
             int                limit)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  concierge_log_store_query_calls_async (store, text, from, until, offset, limit,
                                         NULL, store_result_cb, &result);
  wait_for ((gpointer *) &result);
  model = concierge_log_store_query_calls_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_true (G_IS_LIST_MODEL (model));
  g_assert_true (g_list_model_get_item_type (model) == CONCIERGE_TYPE_CALL_RECORD);

  return model;
}

static GListModel *
query_doors (ConciergeLogStore *store,
             const char        *text,
             GDateTime         *from,
             GDateTime         *until)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  concierge_log_store_query_door_actions_async (store, text, from, until, 0, -1,
                                                NULL, store_result_cb, &result);
  wait_for ((gpointer *) &result);
  model = concierge_log_store_query_door_actions_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (model) == CONCIERGE_TYPE_DOOR_ACTION);

  return model;
}

static GListModel *
kept_unlocked (ConciergeLogStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  concierge_log_store_list_kept_unlocked_async (store, NULL, store_result_cb, &result);
  wait_for ((gpointer *) &result);
  model = concierge_log_store_list_kept_unlocked_finish (store, result, &error);
  g_assert_no_error (error);

  return model;
}

static ConciergeCallRecord *
find_call (GListModel *model,
           const char *record_id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConciergeCallRecord) call = g_list_model_get_item (model, i);

      if (g_strcmp0 (concierge_call_record_get_record_id (call), record_id) == 0)
        return call;  /* the model keeps it alive */
    }

  return NULL;
}

/* A fixed local time, so tests do not depend on the clock. */
static GDateTime *
at (int day,
    int hour,
    int seconds)
{
  g_autoptr(GDateTime) base = g_date_time_new_local (2026, 11, day, hour, 0, 0);

  return g_date_time_add_seconds (base, seconds);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("concierge-log-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the store creates it on the worker. */
  f->path = g_build_filename (f->dir, "concierge", "concierge.db", NULL);
  f->store = open_store (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (CONCIERGE_IS_LOG_STORE (f->store));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    {
      close_store (f->store);
      g_assert_finalize_object (f->store);
    }
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
count_cb (gpointer user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_calls_lifecycle (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) t0 = at (20, 10, 0);
  g_autoptr(GDateTime) t5 = at (20, 10, 5);
  g_autoptr(GDateTime) t9 = at (20, 10, 9);
  g_autoptr(GDateTime) t65 = at (20, 10, 65);
  g_autoptr(GListModel) calls = NULL;
  ConciergeCallRecord *c;
  const char *ids[] = {
    "c-answered", "c-elsewhere", "c-declined", "c-missed", "c-gave-up", "c-ringing"
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    concierge_log_store_call_started (f->store, ids[i], "Main entrance", "FA1234567",
                                      "Building 1", "1203", i == 0 ? 1 : 0, t0);

  concierge_log_store_call_answered (f->store, "c-answered", "alice", t5);
  concierge_log_store_call_ended (f->store, "c-answered", t65);
  concierge_log_store_call_answered_elsewhere (f->store, "c-elsewhere", t5);
  concierge_log_store_call_ended (f->store, "c-elsewhere", t65);
  concierge_log_store_call_declined (f->store, "c-declined", "bob", t5);
  concierge_log_store_call_ended (f->store, "c-declined", t65);
  concierge_log_store_call_missed (f->store, "c-missed", t9);
  concierge_log_store_call_ended (f->store, "c-gave-up", t9);

  calls = query_calls (f->store, NULL, NULL, NULL, 0, -1);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, G_N_ELEMENTS (ids));

  c = find_call (calls, "c-answered");
  g_assert_cmpint (concierge_call_record_get_outcome (c), ==, CONCIERGE_CALL_OUTCOME_ANSWERED);
  g_assert_cmpstr (concierge_call_record_get_operator (c), ==, "alice");
  g_assert_cmpstr (concierge_call_record_get_device_name (c), ==, "Main entrance");
  g_assert_cmpstr (concierge_call_record_get_device_serial (c), ==, "FA1234567");
  g_assert_cmpstr (concierge_call_record_get_building (c), ==, "Building 1");
  g_assert_cmpstr (concierge_call_record_get_room (c), ==, "1203");
  g_assert_cmpint (concierge_call_record_get_call_type (c), ==, 1);
  g_assert_true (g_date_time_equal (concierge_call_record_get_started (c), t0));
  g_assert_true (g_date_time_equal (concierge_call_record_get_answered (c), t5));
  g_assert_true (g_date_time_equal (concierge_call_record_get_ended (c), t65));
  g_assert_cmpint (concierge_call_record_get_duration (c), ==, 60);
  g_assert_false (concierge_call_record_get_needs_attention (c));

  c = find_call (calls, "c-elsewhere");
  g_assert_cmpint (concierge_call_record_get_outcome (c), ==,
                   CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE);
  g_assert_null (concierge_call_record_get_operator (c));
  g_assert_cmpint (concierge_call_record_get_call_type (c), ==, 0);

  c = find_call (calls, "c-declined");
  g_assert_cmpint (concierge_call_record_get_outcome (c), ==, CONCIERGE_CALL_OUTCOME_DECLINED);
  g_assert_cmpstr (concierge_call_record_get_operator (c), ==, "bob");
  /* The decline ended the call; the device's later hang-up changes nothing. */
  g_assert_true (g_date_time_equal (concierge_call_record_get_ended (c), t5));
  g_assert_cmpint (concierge_call_record_get_duration (c), ==, 0);

  c = find_call (calls, "c-missed");
  g_assert_cmpint (concierge_call_record_get_outcome (c), ==, CONCIERGE_CALL_OUTCOME_MISSED);
  g_assert_true (concierge_call_record_get_needs_attention (c));
  g_assert_true (g_date_time_equal (concierge_call_record_get_ended (c), t9));

  /* A hang-up before anyone answered is a missed call. */
  c = find_call (calls, "c-gave-up");
  g_assert_cmpint (concierge_call_record_get_outcome (c), ==, CONCIERGE_CALL_OUTCOME_MISSED);
  g_assert_true (concierge_call_record_get_needs_attention (c));

  c = find_call (calls, "c-ringing");
  g_assert_cmpint (concierge_call_record_get_outcome (c), ==, CONCIERGE_CALL_OUTCOME_RINGING);
  g_assert_null (concierge_call_record_get_ended (c));

  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (f->store), ==, 2);
}

static void
test_calls_idempotent (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) t0 = at (21, 9, 0);
  g_autoptr(GDateTime) t3 = at (21, 9, 3);
  g_autoptr(GDateTime) t4 = at (21, 9, 4);
  g_autoptr(GDateTime) t30 = at (21, 9, 30);
  g_autoptr(GDateTime) t40 = at (21, 9, 40);
  g_autoptr(GListModel) calls = NULL;
  ConciergeCallRecord *c;
  guint changes = 0;

  g_signal_connect_swapped (f->store, "calls-changed", G_CALLBACK (count_cb), &changes);

  concierge_log_store_call_started (f->store, "r1", "Gate", "S1", "B", "101", 0, t0);
  concierge_log_store_call_answered (f->store, "r1", "alice", t3);
  concierge_log_store_call_ended (f->store, "r1", t30);
  flush_store (f->store);
  g_assert_cmpuint (changes, ==, 3);

  /* The event stream repeats itself, and late events arrive: nothing moves. */
  concierge_log_store_call_started (f->store, "r1", "Other name", "S2", "C", "999", 1, t4);
  concierge_log_store_call_answered (f->store, "r1", "mallory", t4);
  concierge_log_store_call_answered_elsewhere (f->store, "r1", t4);
  concierge_log_store_call_missed (f->store, "r1", t4);
  concierge_log_store_call_declined (f->store, "r1", "mallory", t4);
  concierge_log_store_call_ended (f->store, "r1", t40);
  flush_store (f->store);
  g_assert_cmpuint (changes, ==, 3);

  /* An outcome seen before the ring (the app started mid-call): the row is
   * made from the outcome, and the late ring fills in who called and when. */
  concierge_log_store_call_answered_elsewhere (f->store, "r2", t4);
  concierge_log_store_call_started (f->store, "r2", "Side door", "S3", "B", "102", 0, t0);
  concierge_log_store_call_started (f->store, "r2", "Wrong", "S9", "Z", "0", 1, t3);

  calls = query_calls (f->store, NULL, NULL, NULL, 0, -1);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 2);

  c = find_call (calls, "r1");
  g_assert_cmpint (concierge_call_record_get_outcome (c), ==, CONCIERGE_CALL_OUTCOME_ANSWERED);
  g_assert_cmpstr (concierge_call_record_get_operator (c), ==, "alice");
  g_assert_cmpstr (concierge_call_record_get_device_name (c), ==, "Gate");
  g_assert_cmpstr (concierge_call_record_get_room (c), ==, "101");
  g_assert_true (g_date_time_equal (concierge_call_record_get_started (c), t0));
  g_assert_true (g_date_time_equal (concierge_call_record_get_answered (c), t3));
  g_assert_true (g_date_time_equal (concierge_call_record_get_ended (c), t30));
  g_assert_cmpint (concierge_call_record_get_duration (c), ==, 27);

  c = find_call (calls, "r2");
  g_assert_cmpint (concierge_call_record_get_outcome (c), ==,
                   CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE);
  g_assert_cmpstr (concierge_call_record_get_device_name (c), ==, "Side door");
  g_assert_cmpstr (concierge_call_record_get_room (c), ==, "102");
  g_assert_true (g_date_time_equal (concierge_call_record_get_started (c), t0));

  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (f->store), ==, 0);
  g_signal_handlers_disconnect_by_data (f->store, &changes);
}

static void
test_calls_missed_count (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) t0 = at (22, 8, 0);
  g_autoptr(GListModel) calls = NULL;
  guint notifies = 0;

  g_signal_connect_swapped (f->store, "notify::unacknowledged-missed",
                            G_CALLBACK (count_cb), &notifies);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);

      concierge_log_store_call_started (f->store, id, "Gate", "S1", "B", "1", 1, t0);
      concierge_log_store_call_missed (f->store, id, NULL);
    }
  concierge_log_store_call_started (f->store, "answered", "Gate", "S1", "B", "1", 1, t0);
  concierge_log_store_call_answered (f->store, "answered", "alice", NULL);
  flush_store (f->store);

  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (f->store), ==, 3);
  /* Writes queued together commit together, so 1 to 3 notifications. */
  g_assert_cmpuint (notifies, >=, 1);
  g_assert_cmpuint (notifies, <=, 3);

  notifies = 0;
  concierge_log_store_acknowledge_missed (f->store, "m1");
  concierge_log_store_acknowledge_missed (f->store, "m1");
  flush_store (f->store);
  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (f->store), ==, 2);
  g_assert_cmpuint (notifies, ==, 1);

  /* Acknowledging a call that was not missed changes nothing. */
  concierge_log_store_acknowledge_missed (f->store, "answered");
  concierge_log_store_acknowledge_missed (f->store, "no-such-call");
  flush_store (f->store);
  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (f->store), ==, 2);
  g_assert_cmpuint (notifies, ==, 1);

  calls = query_calls (f->store, NULL, NULL, NULL, 0, -1);
  g_assert_true (concierge_call_record_get_acknowledged (find_call (calls, "m1")));
  g_assert_false (concierge_call_record_get_needs_attention (find_call (calls, "m1")));
  g_assert_true (concierge_call_record_get_needs_attention (find_call (calls, "m0")));
  g_assert_false (concierge_call_record_get_acknowledged (find_call (calls, "answered")));

  concierge_log_store_acknowledge_all_missed (f->store);
  flush_store (f->store);
  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (f->store), ==, 0);
  g_assert_cmpuint (notifies, ==, 2);

  /* A new missed call after acknowledging all of them counts again. */
  concierge_log_store_call_ended (f->store, "late", NULL);
  flush_store (f->store);
  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (f->store), ==, 1);

  g_signal_handlers_disconnect_by_data (f->store, &notifies);
}

static ConciergeDoorAction *
door_action (ConciergeLogStore         *store,
             const char                *door_id,
             ConciergeDoorActionKind    kind,
             ConciergeDoorActionResult  result)
{
  g_autofree char *name = g_strdup_printf ("Door %s", door_id);
  ConciergeDoorAction *action;

  action = concierge_door_action_new ("alice", door_id, name, kind, NULL,
                                      CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, NULL);
  if (result == CONCIERGE_DOOR_ACTION_RESULT_FAILED)
    concierge_door_action_set_result (action, result, "VMS000001", "Device offline");
  else
    concierge_door_action_set_result (action, result, NULL, NULL);
  concierge_log_store_record_door_action (store, action);

  return action;
}

static gboolean
model_has_door (GListModel *model,
                const char *door_id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConciergeDoorAction) action = g_list_model_get_item (model, i);

      if (g_strcmp0 (concierge_door_action_get_door_id (action), door_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_doors_kept_unlocked (Fixture       *f,
                          gconstpointer  data)
{
  const ConciergeDoorActionResult ok = CONCIERGE_DOOR_ACTION_RESULT_OK;
  const ConciergeDoorActionResult failed = CONCIERGE_DOOR_ACTION_RESULT_FAILED;
  const ConciergeDoorActionResult pending = CONCIERGE_DOOR_ACTION_RESULT_PENDING;
  g_autoptr(ConciergeDoorAction) pending_f = NULL;
  g_autoptr(ConciergeDoorAction) from_call = NULL;
  g_autoptr(GListModel) kept = NULL;
  g_autoptr(GListModel) kept_after = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(ConciergeDoorAction) first = NULL;
  guint changes = 0;

  g_signal_connect_swapped (f->store, "door-actions-changed", G_CALLBACK (count_cb), &changes);

  g_object_unref (door_action (f->store, "A", CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED, ok));
  g_object_unref (door_action (f->store, "B", CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED, ok));
  g_object_unref (door_action (f->store, "B", CONCIERGE_DOOR_ACTION_LOCK, ok));
  g_object_unref (door_action (f->store, "C", CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED, failed));
  g_object_unref (door_action (f->store, "D", CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED, ok));
  g_object_unref (door_action (f->store, "D", CONCIERGE_DOOR_ACTION_UNLOCK, ok));
  g_object_unref (door_action (f->store, "E", CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED, ok));
  g_object_unref (door_action (f->store, "E", CONCIERGE_DOOR_ACTION_KEEP_LOCKED, failed));
  g_object_unref (door_action (f->store, "G", CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED, ok));
  g_object_unref (door_action (f->store, "G", CONCIERGE_DOOR_ACTION_KEEP_LOCKED, ok));
  pending_f = door_action (f->store, "F", CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED, pending);

  kept = kept_unlocked (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (kept), ==, 2);
  g_assert_true (model_has_door (kept, "A"));
  g_assert_true (model_has_door (kept, "E"));  /* the keep-locked failed */
  g_assert_false (model_has_door (kept, "F"));  /* not confirmed yet */

  /* The platform confirms F: the same row is updated, not a new one. */
  concierge_door_action_set_result (pending_f, ok, NULL, NULL);
  concierge_log_store_record_door_action (f->store, pending_f);
  concierge_log_store_record_door_action (f->store, pending_f);

  /* An action from a call, with a reason, on two doors: one row per door. */
  from_call = concierge_door_action_new ("bob", "H", "Lobby, \"west\"",
                                         CONCIERGE_DOOR_ACTION_UNLOCK, "Courier",
                                         CONCIERGE_DOOR_ACTION_SOURCE_CALL, "1234567890123456789");
  concierge_door_action_set_result (from_call, failed, "VMS038027", "Already answered");
  concierge_log_store_record_door_action (f->store, from_call);

  kept_after = kept_unlocked (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (kept_after), ==, 3);
  g_assert_true (model_has_door (kept_after, "F"));

  all = query_doors (f->store, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 12);
  g_assert_cmpuint (changes, ==, 13);

  /* Newest first: the action from the call was the last one. */
  first = g_list_model_get_item (all, 0);
  g_assert_cmpstr (concierge_door_action_get_uuid (first), ==,
                   concierge_door_action_get_uuid (from_call));
  g_assert_cmpstr (concierge_door_action_get_operator (first), ==, "bob");
  g_assert_cmpstr (concierge_door_action_get_door_id (first), ==, "H");
  g_assert_cmpstr (concierge_door_action_get_door_name (first), ==, "Lobby, \"west\"");
  g_assert_cmpint (concierge_door_action_get_kind (first), ==, CONCIERGE_DOOR_ACTION_UNLOCK);
  g_assert_cmpstr (concierge_door_action_get_reason (first), ==, "Courier");
  g_assert_cmpint (concierge_door_action_get_source (first), ==, CONCIERGE_DOOR_ACTION_SOURCE_CALL);
  g_assert_cmpstr (concierge_door_action_get_call_record_id (first), ==, "1234567890123456789");
  g_assert_cmpint (concierge_door_action_get_result (first), ==, failed);
  g_assert_cmpstr (concierge_door_action_get_error_code (first), ==, "VMS038027");
  g_assert_cmpstr (concierge_door_action_get_error_message (first), ==, "Already answered");
  g_assert_true (g_date_time_equal (concierge_door_action_get_time (first),
                                    concierge_door_action_get_time (from_call)));

  g_signal_handlers_disconnect_by_data (f->store, &changes);
}

static void
assert_ids (GListModel         *model,
            const char * const *expected)
{
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GString) got = g_string_new (NULL);
  g_autofree char *want = g_strjoinv (" ", (char **) expected);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConciergeCallRecord) call = g_list_model_get_item (model, i);

      g_string_append_printf (got, "%s%s", i > 0 ? " " : "",
                              concierge_call_record_get_record_id (call));
    }

  g_assert_cmpstr (got->str, ==, want);
}

static void
test_query_search_and_dates (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) d10 = at (10, 12, 0);
  g_autoptr(GDateTime) d11 = at (11, 12, 0);
  g_autoptr(GDateTime) d12 = at (12, 12, 0);
  g_autoptr(GDateTime) d13 = at (13, 12, 0);
  g_autoptr(GDateTime) d11_start = at (11, 0, 0);
  g_autoptr(GDateTime) d13_start = at (13, 0, 0);
  g_autoptr(GDateTime) d11_noon = at (11, 12, 0);
  g_autoptr(GListModel) m = NULL;

  concierge_log_store_call_started (f->store, "a", "North gate", "S1", "Tower A", "50% off", 1,
                                    d10);
  concierge_log_store_call_answered (f->store, "a", "Alice", NULL);
  concierge_log_store_call_started (f->store, "b", "South door", "S2", "Tower B", "500", 0, d11);
  concierge_log_store_call_declined (f->store, "b", "bob_smith", NULL);
  concierge_log_store_call_started (f->store, "c", "Garage", "S3", "Tower A", "1_2", 0, d12);
  concierge_log_store_call_answered (f->store, "c", "bobXsmith", NULL);
  concierge_log_store_call_started (f->store, "d", "north annex", "S4", "Tower C", "12", 1, d13);

  m = query_calls (f->store, NULL, NULL, NULL, 0, -1);
  assert_ids (m, (const char * const []) { "d", "c", "b", "a", NULL });
  g_clear_object (&m);

  /* Case-insensitive (ASCII) substring over door station, room, operator. */
  m = query_calls (f->store, "NORTH", NULL, NULL, 0, -1);
  assert_ids (m, (const char * const []) { "d", "a", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, "alice", NULL, NULL, 0, -1);
  assert_ids (m, (const char * const []) { "a", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, "tower a", NULL, NULL, 0, -1);
  assert_ids (m, (const char * const []) { "c", "a", NULL });
  g_clear_object (&m);

  /* LIKE wildcards typed by the user match themselves only. */
  m = query_calls (f->store, "50%", NULL, NULL, 0, -1);
  assert_ids (m, (const char * const []) { "a", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, "bob_", NULL, NULL, 0, -1);
  assert_ids (m, (const char * const []) { "b", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, "1_", NULL, NULL, 0, -1);
  assert_ids (m, (const char * const []) { "c", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, "\\", NULL, NULL, 0, -1);
  assert_ids (m, (const char * const []) { NULL });
  g_clear_object (&m);

  /* Dates: from is inclusive, until exclusive. */
  m = query_calls (f->store, NULL, d11_start, d13_start, 0, -1);
  assert_ids (m, (const char * const []) { "c", "b", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, NULL, d11_noon, NULL, 0, -1);
  assert_ids (m, (const char * const []) { "d", "c", "b", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, NULL, NULL, d11_noon, 0, -1);
  assert_ids (m, (const char * const []) { "a", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, "tower", d11_start, NULL, 0, -1);
  assert_ids (m, (const char * const []) { "d", "c", "b", NULL });
  g_clear_object (&m);

  /* Pages of two, newest first. */
  m = query_calls (f->store, NULL, NULL, NULL, 0, 2);
  assert_ids (m, (const char * const []) { "d", "c", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, NULL, NULL, NULL, 2, 2);
  assert_ids (m, (const char * const []) { "b", "a", NULL });
  g_clear_object (&m);
  m = query_calls (f->store, NULL, NULL, NULL, 4, 2);
  assert_ids (m, (const char * const []) { NULL });
  g_clear_object (&m);
}

static void
test_query_door_search (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ConciergeDoorAction) a = NULL;
  g_autoptr(ConciergeDoorAction) b = NULL;
  g_autoptr(GListModel) m = NULL;
  g_autoptr(GDateTime) future = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (future, 1);

  a = concierge_door_action_new ("alice", "1001", "Main entrance", CONCIERGE_DOOR_ACTION_UNLOCK,
                                 NULL, CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, NULL);
  b = concierge_door_action_new ("bob", "1002", "Garage", CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED,
                                 "Moving day", CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, NULL);
  concierge_log_store_record_door_action (f->store, a);
  concierge_log_store_record_door_action (f->store, b);

  m = query_doors (f->store, "ENTRANCE", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 1);
  g_clear_object (&m);
  m = query_doors (f->store, "bob", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 1);
  g_clear_object (&m);
  m = query_doors (f->store, "moving", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 1);
  g_clear_object (&m);
  m = query_doors (f->store, "nothing", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 0);
  g_clear_object (&m);
  m = query_doors (f->store, NULL, later, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 0);
  g_clear_object (&m);
  m = query_doors (f->store, NULL, NULL, later);
  g_assert_cmpuint (g_list_model_get_n_items (m), ==, 2);
}

/* The ids of @model's calls, or the door names of its actions, joined. */
static char *
joined (GListModel *model)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_string_append (text, i > 0 ? " " : "");
      if (CONCIERGE_IS_CALL_RECORD (item))
        g_string_append (text, concierge_call_record_get_record_id (CONCIERGE_CALL_RECORD (item)));
      else
        g_string_append (text, concierge_door_action_get_door_name (CONCIERGE_DOOR_ACTION (item)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
expect_calls (ConciergeLogStore *store,
              const char        *typed,
              const char        *ids)
{
  g_autoptr(GListModel) model = query_calls (store, typed, NULL, NULL, 0, -1);
  g_autofree char *got = joined (model);

  g_assert_cmpstr (got, ==, ids);
}

static void
expect_doors (ConciergeLogStore *store,
              const char        *typed,
              const char        *names)
{
  g_autoptr(GListModel) model = query_doors (store, typed, NULL, NULL);
  g_autofree char *got = joined (model);

  g_assert_cmpstr (got, ==, names);
}

/* Names with accents are found as a desk user types them: lower case,
 * without accents, and the other way round. */
static void
test_query_folded (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ConciergeDoorAction) summer = NULL;
  g_autoptr(ConciergeDoorAction) garden = NULL;
  g_autoptr(GDateTime) d10 = at (10, 12, 0);
  g_autoptr(GDateTime) d11 = at (11, 12, 0);
  g_autoptr(GDateTime) d12 = at (12, 12, 0);

  /* Only "turk" has an e, with or without an accent. */
  concierge_log_store_call_started (f->store, "turk", "öztürk door", "S1", "Résidence Élysée", "3",
                                    1, d10);
  concierge_log_store_call_answered (f->store, "turk", "Zoë", NULL);
  concierge_log_store_call_started (f->store, "plain", "Ostrava door", "S2", "Block B", "4", 1, d11);
  concierge_log_store_call_answered (f->store, "plain", "Zora", NULL);
  concierge_log_store_call_started (f->store, "lodz", "Łódź door", "S3", "Block C", "5", 0, d12);

  summer = concierge_door_action_new ("Łukasz", "D1", "Porte d'Été",
                                      CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED, "Livraison pour M. Müller",
                                      CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, NULL);
  garden = concierge_door_action_new ("Lucas", "D2", "Garden gate", CONCIERGE_DOOR_ACTION_UNLOCK,
                                      "Mueller visit", CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, NULL);
  concierge_log_store_record_door_action (f->store, summer);
  concierge_log_store_record_door_action (f->store, garden);

  /* The call log: door station, building and operator, newest first. */
  expect_calls (f->store, "Öz", "turk");
  expect_calls (f->store, "ozturk", "turk");
  expect_calls (f->store, "OZTÜRK", "turk");
  expect_calls (f->store, "elysee", "turk");
  expect_calls (f->store, "zoe", "turk");
  expect_calls (f->store, "zo", "plain turk");
  expect_calls (f->store, "lodz", "lodz");
  expect_calls (f->store, "é", "turk");
  expect_calls (f->store, "ozturkk", "");

  /* The door log: door name, operator and reason. */
  expect_doors (f->store, "ete", "Porte d'Été");
  expect_doors (f->store, "d'e", "Porte d'Été");
  expect_doors (f->store, "lukasz", "Porte d'Été");
  expect_doors (f->store, "muller", "Porte d'Été");
  expect_doors (f->store, "MÜLLER", "Porte d'Été");
  expect_doors (f->store, "mueller", "Garden gate");
  expect_doors (f->store, "e", "Garden gate Porte d'Été");
}

static char *
sqlite_text (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) t0 = at (23, 7, 0);
  g_autoptr(ConciergeDoorAction) action = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GListModel) doors = NULL;
  g_autoptr(GListModel) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *mode = NULL;

  concierge_log_store_call_started (f->store, "p1", "Gate", "S1", "B", "7", 1, t0);
  concierge_log_store_call_missed (f->store, "p1", NULL);
  concierge_log_store_call_started (f->store, "p2", "Gate", "S1", "B", "8", 1, t0);
  concierge_log_store_call_missed (f->store, "p2", NULL);
  concierge_log_store_acknowledge_missed (f->store, "p2");
  action = concierge_door_action_new ("alice", "D1", "Door 1", CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED,
                                      "Party", CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, NULL);
  concierge_door_action_set_result (action, CONCIERGE_DOOR_ACTION_RESULT_OK, NULL, NULL);
  concierge_log_store_record_door_action (f->store, action);

  /* Close right after queueing: close waits for the queue, nothing is lost. */
  close_store (f->store);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  version = sqlite_text (f->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "1");
  mode = sqlite_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  f->store = open_store (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (f->store), ==, 1);

  calls = query_calls (f->store, NULL, NULL, NULL, 0, -1);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 2);
  g_assert_true (concierge_call_record_get_needs_attention (find_call (calls, "p1")));
  g_assert_true (concierge_call_record_get_acknowledged (find_call (calls, "p2")));

  doors = query_doors (f->store, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (doors), ==, 1);
  kept = kept_unlocked (f->store);
  g_assert_true (model_has_door (kept, "D1"));
}

static void
test_schema_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("concierge-log-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "concierge.db", NULL);
  g_autofree char *version = NULL;
  ConciergeLogStore *store;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = open_store (path, &error);
  g_assert_null (store);
  g_assert_error (error, CONCIERGE_LOG_STORE_ERROR, CONCIERGE_LOG_STORE_ERROR_SCHEMA_TOO_NEW);

  /* The newer database was left exactly as it was. */
  version = sqlite_text (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "99");

  remove_tree (dir);
}

static void
test_open_fails_cleanly (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("concierge-log-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (file, "concierge.db", NULL);
  ConciergeLogStore *store;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));

  store = open_store (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);

  remove_tree (dir);
}

static void
write_failed_cb (ConciergeLogStore *store,
                 const GError      *error,
                 gpointer           user_data)
{
  GError **out = user_data;

  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
test_write_failure_reported (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) model = NULL;

  g_signal_connect (f->store, "write-failed", G_CALLBACK (write_failed_cb), &error);
  close_store (f->store);

  /* The write returns at once; the failure arrives as a signal. */
  concierge_log_store_call_started (f->store, "x", "Gate", "S", "B", "1", 1, NULL);
  wait_for ((gpointer *) &error);
  g_assert_error (error, CONCIERGE_LOG_STORE_ERROR, CONCIERGE_LOG_STORE_ERROR_CLOSED);
  g_clear_error (&error);

  concierge_log_store_query_calls_async (f->store, NULL, NULL, NULL, 0, -1, NULL,
                                         store_result_cb, &result);
  wait_for ((gpointer *) &result);
  model = concierge_log_store_query_calls_finish (f->store, result, &error);
  g_assert_null (model);
  g_assert_error (error, CONCIERGE_LOG_STORE_ERROR, CONCIERGE_LOG_STORE_ERROR_CLOSED);

  g_signal_handlers_disconnect_by_data (f->store, &error);
  g_clear_object (&result);  /* the task holds a ref on its store */
  g_assert_finalize_object (g_steal_pointer (&f->store));
}

static void
test_query_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;

  g_cancellable_cancel (cancellable);
  concierge_log_store_query_calls_async (f->store, NULL, NULL, NULL, 0, -1, cancellable,
                                         store_result_cb, &result);
  wait_for ((gpointer *) &result);
  model = concierge_log_store_query_calls_finish (f->store, result, &error);
  g_assert_null (model);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_writes_do_not_block (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GDateTime) t0 = at (24, 6, 0);
  gint64 start, elapsed;
  guint n = 1000;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("bulk-%04u", i);

      concierge_log_store_call_started (f->store, id, "Gate", "S1", "B", "1", 1, t0);
    }
  elapsed = g_get_monotonic_time () - start;

  g_test_message ("%u queued writes took %" G_GINT64_FORMAT " us (%.2f us each)",
                  n, elapsed, (double) elapsed / n);
  /* Loose on purpose (sanitizers, a busy CI machine): 1 ms per call on
   * average would already mean the caller waits for the database. */
  g_assert_cmpint (elapsed, <, n * 1000);

  calls = query_calls (f->store, "gate", NULL, NULL, 0, -1);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, n);
}

static gboolean
file_contains_crlf_lines_only (const char *text)
{
  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    if (p == text || p[-1] != '\r')
      return FALSE;
  return TRUE;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+01:00");
  g_autoptr(GDateTime) t0 = g_date_time_new (tz, 2026, 11, 20, 10, 0, 0);
  g_autoptr(GDateTime) t5 = g_date_time_add_seconds (t0, 5);
  g_autoptr(GDateTime) t47 = g_date_time_add_seconds (t0, 47);
  g_autoptr(ConciergeDoorAction) action = NULL;
  g_autofree char *calls_path = g_build_filename (f->dir, "calls.csv", NULL);
  g_autofree char *doors_path = g_build_filename (f->dir, "doors.csv", NULL);
  g_autoptr(GFile) calls_file = g_file_new_for_path (calls_path);
  g_autoptr(GFile) doors_file = g_file_new_for_path (doors_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calls_csv = NULL;
  g_autofree char *doors_csv = NULL;
  g_autofree char *started = NULL;
  g_autofree char *expected_row = NULL;
  g_autoptr(GDateTime) t0_local = g_date_time_to_local (t0);

  concierge_log_store_call_started (f->store, "1234567890123456789", "Gate, \"north\"", "S1",
                                    "Tour Ève", "12\n3", 1, t0);
  concierge_log_store_call_answered (f->store, "1234567890123456789", "Zoë", t5);
  concierge_log_store_call_ended (f->store, "1234567890123456789", t47);
  concierge_log_store_call_started (f->store, "other", "Garage", "S2", "B", "4", 0, t0);
  action = concierge_door_action_new ("Zoë", "D1", "Door, one", CONCIERGE_DOOR_ACTION_KEEP_LOCKED,
                                      NULL, CONCIERGE_DOOR_ACTION_SOURCE_CALL,
                                      "1234567890123456789");
  concierge_door_action_set_result (action, CONCIERGE_DOOR_ACTION_RESULT_FAILED, "VMS000001",
                                    "Offline");
  concierge_log_store_record_door_action (f->store, action);

  concierge_log_store_export_calls_async (f->store, "gate", NULL, NULL, calls_file, NULL,
                                          store_result_cb, &result);
  wait_for ((gpointer *) &result);
  g_assert_true (concierge_log_store_export_calls_finish (f->store, result, &error));
  g_assert_no_error (error);

  concierge_log_store_export_door_actions_async (f->store, NULL, NULL, NULL, doors_file, NULL,
                                                 store_result_cb, &result2);
  wait_for ((gpointer *) &result2);
  g_assert_true (concierge_log_store_export_door_actions_finish (f->store, result2, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (calls_path, &calls_csv, NULL, NULL));
  g_assert_true (g_file_get_contents (doors_path, &doors_csv, NULL, NULL));
  g_assert_true (g_utf8_validate (calls_csv, -1, NULL));

  /* The row's times are in the desk's local zone with the offset written
   * out; the ID stays a string of digits. */
  started = g_date_time_format (t0_local, "%Y-%m-%dT%H:%M:%S%:z");
  expected_row = g_strdup_printf ("1234567890123456789,%s,\"Gate, \"\"north\"\"\",S1,Tour Ève,"
                                  "\"12\n3\",management-centre,answered,Zoë,", started);
  g_assert_true (g_str_has_prefix (calls_csv,
                                   "record_id,started,door_station,door_station_serial,building,"
                                   "room,call_type,outcome,operator,answered,ended,"
                                   "duration_seconds,acknowledged\r\n"));
  g_assert_nonnull (strstr (calls_csv, expected_row));
  g_assert_true (g_str_has_suffix (calls_csv, ",42,\r\n"));
  g_assert_null (strstr (calls_csv, "Garage"));  /* the search applies */
  /* The only bare LF is the one inside the quoted room field. */
  g_assert_nonnull (strstr (calls_csv, "\"12\n3\""));

  g_assert_true (file_contains_crlf_lines_only (doors_csv));
  g_assert_true (g_str_has_prefix (doors_csv,
                                   "time,operator,door_id,door,action,reason,source,"
                                   "call_record_id,result,error_code,error_message\r\n"));
  g_assert_nonnull (strstr (doors_csv, ",Zoë,D1,\"Door, one\",keep-locked,,call,"
                                       "1234567890123456789,failed,VMS000001,Offline\r\n"));
}

static void
test_export_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "calls.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  concierge_log_store_call_started (f->store, "e1", "Gate", "S1", "B", "1", 1, NULL);
  concierge_log_store_export_calls_async (f->store, NULL, NULL, NULL, file, NULL,
                                          store_result_cb, &result);
  wait_for ((gpointer *) &result);
  g_assert_false (concierge_log_store_export_calls_finish (f->store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_default_path (void)
{
  g_autofree char *path = concierge_log_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "concierge",
                                                "concierge.db", NULL);

  /* G_TEST_OPTION_ISOLATE_DIRS points the data dir into the test's tree. */
  g_assert_cmpstr (path, ==, expected);
}

/* The child half of the crash test: write until killed, and say on stdout
 * how many writes have been committed so far. */
static guint crash_committed;
static guint crash_queued;

static void
crash_queue_one (ConciergeLogStore *store)
{
  g_autofree char *id = g_strdup_printf ("crash-%06u", crash_queued++);
  g_autoptr(ConciergeDoorAction) action = NULL;

  concierge_log_store_call_started (store, id, "Gate", "S1", "B", "1", 1, NULL);
  /* Door rows too, so both tables are being written when the kill comes. */
  action = concierge_door_action_new ("op", id, "Door", CONCIERGE_DOOR_ACTION_UNLOCK, NULL,
                                      CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, NULL);
  concierge_log_store_record_door_action (store, action);
}

static void
crash_committed_cb (ConciergeLogStore *store)
{
  crash_committed++;
  printf ("committed %u\n", crash_committed);
  fflush (stdout);
  crash_queue_one (store);
}

static int
crash_writer_main (const char *path)
{
  g_autoptr(GError) error = NULL;
  ConciergeLogStore *store = open_store (path, &error);

  if (store == NULL)
    {
      fprintf (stderr, "open failed: %s\n", error->message);
      return 1;
    }

  g_signal_connect (store, "calls-changed", G_CALLBACK (crash_committed_cb), NULL);
  for (guint i = 0; i < 64; i++)
    crash_queue_one (store);

  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static void
test_crash_safety (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("concierge-log-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "concierge.db", NULL);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", &error);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *count = NULL;
  g_autofree char *door_count = NULL;
  g_autoptr(ConciergeLogStore) store = NULL;
  g_autoptr(GListModel) calls = NULL;
  guint committed = 0;

  g_assert_no_error (error);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_exe, "--crash-writer", path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  while (committed < CRASH_MIN_COMMITS)
    {
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);  /* the child died on its own */
      g_assert_true (g_str_has_prefix (line, "committed "));
      committed = (guint) g_ascii_strtoull (line + strlen ("committed "), NULL, 10);
    }

  g_subprocess_force_exit (child);  /* SIGKILL, mid-write */
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The kill left the WAL behind without a checkpoint; SQLite recovers it. */
  integrity = sqlite_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  count = sqlite_text (path, "SELECT count(*) FROM calls");
  g_test_message ("%u writes reported committed, %s calls found", committed, count);
  g_assert_cmpuint (g_ascii_strtoull (count, NULL, 10), >=, committed);
  door_count = sqlite_text (path, "SELECT count(*) FROM door_actions");
  g_assert_cmpuint (g_ascii_strtoull (door_count, NULL, 10), >=, committed - 1);

  /* And the app opens it as usual. */
  store = open_store (path, &error);
  g_assert_no_error (error);
  calls = query_calls (store, "gate", NULL, NULL, 0, -1);
  g_assert_cmpuint (g_list_model_get_n_items (calls), >=, committed);
  close_store (store);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--crash-writer"))
    return crash_writer_main (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/log-store/calls/lifecycle", Fixture, NULL,
              fixture_set_up, test_calls_lifecycle, fixture_tear_down);
  g_test_add ("/log-store/calls/idempotent", Fixture, NULL,
              fixture_set_up, test_calls_idempotent, fixture_tear_down);
  g_test_add ("/log-store/calls/missed-count", Fixture, NULL,
              fixture_set_up, test_calls_missed_count, fixture_tear_down);
  g_test_add ("/log-store/doors/kept-unlocked", Fixture, NULL,
              fixture_set_up, test_doors_kept_unlocked, fixture_tear_down);
  g_test_add ("/log-store/query/calls", Fixture, NULL,
              fixture_set_up, test_query_search_and_dates, fixture_tear_down);
  g_test_add ("/log-store/query/doors", Fixture, NULL,
              fixture_set_up, test_query_door_search, fixture_tear_down);
  g_test_add ("/log-store/query/folded", Fixture, NULL,
              fixture_set_up, test_query_folded, fixture_tear_down);
  g_test_add ("/log-store/query/cancelled", Fixture, NULL,
              fixture_set_up, test_query_cancelled, fixture_tear_down);
  g_test_add ("/log-store/store/restart", Fixture, NULL,
              fixture_set_up, test_restart, fixture_tear_down);
  g_test_add_func ("/log-store/store/schema-too-new", test_schema_too_new);
  g_test_add_func ("/log-store/store/open-fails", test_open_fails_cleanly);
  g_test_add ("/log-store/store/write-failed", Fixture, NULL,
              fixture_set_up, test_write_failure_reported, fixture_tear_down);
  g_test_add ("/log-store/store/writes-do-not-block", Fixture, NULL,
              fixture_set_up, test_writes_do_not_block, fixture_tear_down);
  g_test_add ("/log-store/export/csv", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/log-store/export/error", Fixture, NULL,
              fixture_set_up, test_export_error, fixture_tear_down);
  g_test_add_func ("/log-store/store/default-path", test_default_path);
  g_test_add_func ("/log-store/store/crash-safety", test_crash_safety);

  return g_test_run ();
}
