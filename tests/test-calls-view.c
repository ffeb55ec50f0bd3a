/* test-calls-view.c: the Calls view and the call view against an in-process hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calls are injected at the simulator's door stations; the view is driven as
 * the operator would (its buttons), and the tests check what the platform
 * received, what the view says and what the call log kept.
 */

#include <glib/gstdio.h>

#include "concierge-call-record.h"
#include "hcc-sim-world.h"
#include "test-calls-common.h"

typedef struct {
  CallsFixture f;
} Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  calls_fixture_setup (&fixture->f, GPOINTER_TO_UINT (data) + 40);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  calls_fixture_teardown (&fixture->f);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
queue_not_ringing (gpointer data)
{
  return !concierge_call_queue_get_ringing (data);
}

/* What the log store kept for @record_id, or NULL. (transfer full) */
static ConciergeCallRecord *
stored_record (CallsFixture *f,
               const char   *record_id)
{
  ConciergeLogStore *store = concierge_session_get_log_store (f->ts->session);
  g_autoptr(GAsyncResult) flushed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;

  /* Writes run on the store's worker; wait for them before reading. */
  concierge_log_store_flush_async (store, NULL, result_cb, &flushed);
  g_assert_true (hcc_test_wait_until (result_ready, &flushed, TIMEOUT_MS));
  g_assert_true (concierge_log_store_flush_finish (store, flushed, &error));
  g_assert_no_error (error);

  concierge_log_store_query_calls_async (store, NULL, NULL, NULL, 0, -1, NULL, result_cb, &result);
  g_assert_true (hcc_test_wait_until (result_ready, &result, TIMEOUT_MS));
  records = concierge_log_store_query_calls_finish (store, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(ConciergeCallRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (concierge_call_record_get_record_id (record), record_id) == 0)
        return g_steal_pointer (&record);
    }

  return NULL;
}

/* The outcome the log store kept for @record_id (-1: nothing). */
static int
stored_outcome (CallsFixture *f,
                const char   *record_id)
{
  g_autoptr(ConciergeCallRecord) record = stored_record (f, record_id);

  return record != NULL ? (int) concierge_call_record_get_outcome (record) : -1;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Nothing rings: an honest empty page, which says whether we are connected. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  AdwStatusPage *page = ADW_STATUS_PAGE (find_type (GTK_WIDGET (f->view), ADW_TYPE_STATUS_PAGE));

  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Calls");
  calls_screenshot (f, "calls-empty");

  concierge_calls_view_set_session (f->view, NULL);
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Not Connected");

  concierge_calls_view_set_session (f->view, f->ts->session);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Calls");
}

typedef struct {
  ConciergeQueuedCall *call;
  guint                seconds;
} WaitingWait;

static gboolean
waited (gpointer data)
{
  WaitingWait *wait = data;

  return concierge_queued_call_get_waiting_seconds (wait->call) >= wait->seconds;
}

/* A call rings: its row shows the station and "Ringing · Waiting", the
 * counter moves, the header counts it. Answer sends status 1 for that
 * recordId and opens the call view on the station; Hang Up sends 3. */
static void
test_ring_answer_hang_up (Fixture       *fixture,
                          gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autoptr(JsonNode) injected = calls_inject (f, NULL, 0);
  const char *record_id = hcc_test_json_get_string (injected, "record_id");
  const char *station = hcc_test_json_get_string (injected, "device_name");
  g_autofree char *first_status = NULL;
  ConciergeCallView *call_view;
  ConciergeQueuedCall *call;
  WaitingWait waiting;
  GtkWidget *row;

  row = calls_wait_row (f, station);
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "queue");
  g_assert_true (g_str_has_prefix (row_text (row, "call-status"), "Ringing · Waiting 0:0"));
  g_assert_cmpstr (row_text (row, "call-place"), !=, "");
  g_assert_cmpstr (gtk_label_get_label (_concierge_calls_view_get_waiting_label (f->view)), ==,
                   "1 caller waiting");
  g_assert_true (gtk_widget_get_visible (row_child (row, "answer")));
  g_assert_true (gtk_widget_get_visible (row_child (row, "decline")));
  g_assert_true (gtk_widget_get_visible (row_child (row, "silence")));
  g_assert_true (gtk_widget_get_visible (row_child (row, "open-door")));
  /* A call to the desk has no room to show. */
  g_assert_false (gtk_widget_get_visible (row_child (row, "show-room")));

  /* The waiting counter moves on screen. */
  call = concierge_call_queue_lookup (calls_queue (f), record_id);
  first_status = g_strdup (row_text (row, "call-status"));
  waiting = (WaitingWait) { call, concierge_queued_call_get_waiting_seconds (call) + 2 };
  g_assert_true (hcc_test_wait_until (waited, &waiting, TIMEOUT_MS));
  g_assert_cmpstr (row_text (row, "call-status"), !=, first_status);

  /* Answer, as the operator clicks it. */
  g_assert_true (gtk_widget_activate (row_child (row, "answer")));
  calls_wait_sim_statuses (f, record_id, "1");
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_ANSWERED);
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "call");
  call_view = _concierge_calls_view_get_call_view (f->view);
  g_assert_true (concierge_call_view_get_call (call_view) == call);
  g_assert_cmpstr (gtk_label_get_label (_concierge_call_view_get_label (call_view, "title")), ==,
                   station);
  /* The window was asked to show the Calls page. */
  g_assert_cmpuint (f->shown_views->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (f->shown_views, 0), ==, "calls");
  g_assert_false (concierge_call_queue_get_ringing (calls_queue (f)));

  /* The call lasts: the duration shows. */
  calls_wait_label (_concierge_call_view_get_label (call_view, "duration"), "0:0");
  calls_screenshot (f, "call-answered-now");

  g_assert_true (gtk_widget_activate (GTK_WIDGET (_concierge_call_view_get_hang_up_button (call_view))));
  calls_wait_sim_statuses (f, record_id, "13");
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_ENDED);
  calls_wait_label (_concierge_call_view_get_label (call_view, "state"), "The call has ended");
  g_assert_cmpint (stored_outcome (f, record_id), ==, CONCIERGE_CALL_OUTCOME_ANSWERED);

  /* Back to the queue: the call view lets the call go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (call_view), "calls.show-queue", NULL));
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "queue");
  g_assert_null (concierge_call_view_get_call (call_view));
}

/* Decline sends status 2, and the row says so. */
static void
test_decline (Fixture       *fixture,
              gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autoptr(JsonNode) injected = calls_inject (f, NULL, 0);
  const char *record_id = hcc_test_json_get_string (injected, "record_id");
  GtkWidget *row = calls_wait_row (f, hcc_test_json_get_string (injected, "device_name"));

  g_assert_true (gtk_widget_activate (row_child (row, "decline")));
  calls_wait_sim_statuses (f, record_id, "2");
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_DECLINED);
  g_assert_true (g_str_has_prefix (row_text (row, "call-status"), "Declined · Waited"));
  g_assert_false (gtk_widget_get_visible (row_child (row, "answer")));
  g_assert_cmpstr (gtk_label_get_label (_concierge_calls_view_get_waiting_label (f->view)), ==,
                   "Nobody waiting");
  g_assert_cmpint (stored_outcome (f, record_id), ==, CONCIERGE_CALL_OUTCOME_DECLINED);
}

typedef struct {
  CallsFixture *f;
  const char   *expected;
} DoorWait;

static gboolean
door_requests_are (gpointer data)
{
  DoorWait *wait = data;
  g_autofree char *sent = calls_sim_door_requests (wait->f);

  return g_strcmp0 (sent, wait->expected) == 0;
}

/* Open Door sends exactly the call's doors: with one door straight from
 * the row, with several through the call view's choice. */
static void
test_open_door (Fixture       *fixture,
                gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autoptr(JsonNode) injected = calls_inject (f, NULL, 0);
  const char *record_id = hcc_test_json_get_string (injected, "record_id");
  GtkWidget *row = calls_wait_row (f, hcc_test_json_get_string (injected, "device_name"));
  ConciergeQueuedCall *call = concierge_call_queue_lookup (calls_queue (f), record_id);
  const char * const *doors = concierge_queued_call_get_door_ids (call);
  const char * const *names = concierge_queued_call_get_door_names (call);
  ConciergeCallView *call_view = _concierge_calls_view_get_call_view (f->view);
  g_autofree char *unlocked = NULL;
  g_autofree char *sent = NULL;
  guint n = g_strv_length ((char **) doors);

  g_assert_cmpuint (n, >, 0);
  calls_clear_requests (f);
  g_assert_true (gtk_widget_activate (row_child (row, "open-door")));

  if (n > 1)
    {
      GtkWidget *first;

      /* No guessing: the call view offers the station's doors. */
      calls_wait_page (f, "call");
      g_assert_true (gtk_widget_get_visible (_concierge_call_view_get_door_control (call_view, TRUE)));
      gtk_menu_button_popup (GTK_MENU_BUTTON (_concierge_call_view_get_door_control (call_view, TRUE)));
      first = gtk_widget_get_first_child (GTK_WIDGET (_concierge_call_view_get_door_menu_box (call_view)));
      g_assert_nonnull (first);
      g_assert_true (gtk_widget_activate (first));
    }
  else
    {
      DoorWait wait = { f, doors[0] };

      /* The door result shows in a toast; the queue is still shown. */
      g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "queue");
      g_assert_true (hcc_test_wait_until (door_requests_are, &wait, TIMEOUT_MS));
      concierge_calls_view_show_call (f->view, record_id);
      g_assert_false (gtk_widget_get_visible (_concierge_call_view_get_door_control (call_view, TRUE)));
      g_assert_true (gtk_widget_get_sensitive (_concierge_call_view_get_door_control (call_view, FALSE)));
      g_assert_true (gtk_widget_activate (_concierge_call_view_get_door_control (call_view, FALSE)));
    }

  unlocked = g_strdup_printf ("%s unlocked", names[0]);
  calls_wait_label (_concierge_call_view_get_label (call_view, "door-result"), unlocked);

  /* Only one request went out, with exactly that door (and the row's
   * one-door case too). */
  sent = calls_sim_door_requests (f);
  if (n > 1)
    g_assert_cmpstr (sent, ==, doors[0]);
  else
    {
      g_autofree char *twice = g_strdup_printf ("%s;%s", doors[0], doors[0]);

      g_assert_cmpstr (sent, ==, twice);
    }

  /* Opening the door does not end the call: it still rings. */
  g_assert_true (concierge_queued_call_is_ringing_at_door (call));
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
array_not_empty (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

/* The first row whose place mentions @text, or NULL. */
static GtkWidget *
row_with_place (CallsFixture *f,
                const char   *text)
{
  GtkWidget *list = _concierge_calls_view_get_list_view (f->view);

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *place = find_named (child, "call-place", NULL);

      if (place != NULL && strstr (gtk_label_get_label (GTK_LABEL (place)), text) != NULL)
        return child;
    }

  return NULL;
}

typedef struct {
  GtkWidget  *row;
  const char *place;
} PlaceWait;

static gboolean
row_place_is (gpointer data)
{
  PlaceWait *wait = data;

  return g_strcmp0 (row_text (wait->row, "call-place"), wait->place) == 0 &&
         gtk_widget_get_visible (row_child (wait->row, "show-room"));
}

/* The row shows @place and its Show Room asks the window for @room_id. */
static void
assert_row_place (CallsFixture *f,
                  GtkWidget    *row,
                  const char   *place,
                  const char   *room_id)
{
  PlaceWait wait = { row, place };

  if (!hcc_test_wait_until (row_place_is, &wait, TIMEOUT_MS))
    g_assert_cmpstr (row_text (row, "call-place"), ==, place);
  g_assert_true (gtk_widget_get_visible (row_child (row, "show-room")));
  g_ptr_array_set_size (f->shown_rooms, 0);
  g_assert_true (gtk_widget_activate (row_child (row, "show-room")));
  g_assert_true (hcc_test_wait_until (array_not_empty, f->shown_rooms, TIMEOUT_MS));
  g_assert_cmpstr (g_ptr_array_index (f->shown_rooms, 0), ==, room_id);
}

/* The simulator's site, built the same way as the fixture's: the truth the
 * places are checked against. */
static HccSimWorld *
fixture_world (gconstpointer data)
{
  return hcc_sim_world_new (GPOINTER_TO_UINT (data) + 40, 0);
}

/* Two room calls from one station: when the first is answered, the preview
 * stops, and the second call's row still says which building and room it
 * rings at (the directory lists the station among the building's devices),
 * with Show Room. Room 102 is in every building. */
static void
test_place_second_call (Fixture       *fixture,
                        gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  HccSimWorld *world = fixture_world (data);
  HccSimDevice *station;
  HccSimBuilding *building;
  HccSimRoom *room;
  g_autofree char *place = NULL;
  GtkWidget *first_row;
  GtkWidget *second_row;

  g_assert_true (concierge_test_session_wait_directory (f->ts, TIMEOUT_MS));
  first = calls_inject (f, NULL, 101);
  calls_wait_state (f, hcc_test_json_get_string (first, "record_id"),
                    CONCIERGE_QUEUED_CALL_RINGING);
  second = calls_inject (f, NULL, 102);
  calls_wait_state (f, hcc_test_json_get_string (second, "record_id"),
                    CONCIERGE_QUEUED_CALL_RINGING);

  station = g_hash_table_lookup (world->devices_by_serial,
                                 hcc_test_json_get_string (second, "device_serial"));
  g_assert_nonnull (station);
  building = g_hash_table_lookup (world->buildings_by_id, station->building_id);
  g_assert_nonnull (building);
  room = hcc_sim_world_find_room (world, building->id, 102);
  g_assert_nonnull (room);
  place = g_strdup_printf ("%s · Room 102", building->name);

  first_row = row_with_place (f, "Room 101");
  second_row = row_with_place (f, "Room 102");
  g_assert_nonnull (first_row);
  g_assert_nonnull (second_row);
  assert_row_place (f, second_row, place, room->id);

  /* The call log names the building too: the event does not, the
   * directory does. */
  {
    g_autoptr(ConciergeCallRecord) record = stored_record (f, hcc_test_json_get_string (second, "record_id"));

    g_assert_nonnull (record);
    g_assert_cmpstr (concierge_call_record_get_building (record), ==, building->name);
  }

  /* Answering the first call shows it, and the preview stops. */
  g_assert_true (gtk_widget_activate (row_child (first_row, "answer")));
  calls_wait_page (f, "call");
  g_assert_null (_concierge_calls_view_get_preview_record_id (f->view));
  assert_row_place (f, second_row, place, room->id);

  hcc_sim_world_free (world);
}

/* A room call from the main gate, a station of no building, to a room
 * number that every building has: the called resident (personId) tells
 * which room it is. */
static void
test_place_main_gate (Fixture       *fixture,
                      gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  HccSimWorld *world = fixture_world (data);
  g_autoptr(JsonNode) call = NULL;
  g_autofree char *place = NULL;
  HccSimDevice *gate = NULL;
  HccSimRoom *room = NULL;
  HccSimBuilding *building;
  GtkWidget *row;

  for (guint i = 0; i < world->devices->len && gate == NULL; i++)
    {
      HccSimDevice *device = g_ptr_array_index (world->devices, i);

      if (g_strcmp0 (device->category, "videoIntercomDevice") == 0 && device->building_id == NULL)
        gate = device;
    }
  g_assert_nonnull (gate);

  /* The simulator rings the first room of that number (the site's first
   * building): one with a resident who has an account, so the call
   * carries userId and personId. */
  for (guint i = 0; i < world->rooms->len && room == NULL; i++)
    {
      HccSimRoom *candidate = g_ptr_array_index (world->rooms, i);
      HccSimPerson *person = hcc_sim_world_find_room_resident (world, candidate);
      HccSimBuilding *other = g_ptr_array_index (world->buildings, world->buildings->len - 1);

      if (g_strcmp0 (candidate->building_id,
                     ((HccSimBuilding *) g_ptr_array_index (world->buildings, 0))->id) == 0 &&
          person != NULL && person->user_id != NULL &&
          hcc_sim_world_find_room (world, other->id, candidate->number) != NULL)
        room = candidate;
    }
  g_assert_nonnull (room);
  building = g_hash_table_lookup (world->buildings_by_id, room->building_id);
  place = g_strdup_printf ("%s · Room %u", building->name, room->number);

  g_assert_true (concierge_test_session_wait_directory (f->ts, TIMEOUT_MS));
  call = calls_inject (f, gate->serial, room->number);
  g_assert_nonnull (hcc_test_json_get_string (call, "person_id"));
  row = calls_wait_row (f, gate->name);
  assert_row_place (f, row, place, room->id);

  hcc_sim_world_free (world);
}

/* The device or another desk ends calls: ringing stops at once, the rows
 * say what happened, the log keeps the outcome. Two calls at once queue
 * in arrival order. */
static void
test_two_calls_device_end (Fixture       *fixture,
                           gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autoptr(JsonNode) first = calls_inject (f, NULL, 0);
  g_autoptr(JsonNode) second = NULL;
  const char *first_id = hcc_test_json_get_string (first, "record_id");
  const char *second_id;
  g_autoptr(ConciergeQueuedCall) item0 = NULL;
  g_autoptr(ConciergeQueuedCall) item1 = NULL;
  GtkWidget *first_row;
  GtkWidget *second_row;
  guint first_position = 0;
  guint second_position = 0;

  calls_wait_state (f, first_id, CONCIERGE_QUEUED_CALL_RINGING);
  second = calls_inject (f, NULL, 101);
  second_id = hcc_test_json_get_string (second, "record_id");
  calls_wait_state (f, second_id, CONCIERGE_QUEUED_CALL_RINGING);

  /* Arrival order, in the model and on screen. */
  item0 = g_list_model_get_item (G_LIST_MODEL (calls_queue (f)), 0);
  item1 = g_list_model_get_item (G_LIST_MODEL (calls_queue (f)), 1);
  g_assert_cmpstr (concierge_queued_call_get_record_id (item0), ==, first_id);
  g_assert_cmpstr (concierge_queued_call_get_record_id (item1), ==, second_id);
  calls_wait_label (_concierge_calls_view_get_waiting_label (f->view), "2 callers waiting");

  /* Both come from the same station; the second rings at room 101. */
  first_row = calls_wait_row (f, hcc_test_json_get_string (first, "device_name"));
  g_assert_nonnull (first_row);
  second_row = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (_concierge_calls_view_get_list_view (f->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *place = find_named (child, "call-place", NULL);

      if (place != NULL && strstr (gtk_label_get_label (GTK_LABEL (place)), "Room 101") != NULL)
        second_row = child;
      if (place != NULL && second_row == NULL)
        first_position++;
    }
  g_assert_nonnull (second_row);
  second_position = first_position;
  g_assert_cmpuint (second_position, ==, 1);
  (void) first_position;

  /* Room 101 exists in every building; the station's camera says which
   * one (North Tower), so Show Room names exactly that room. */
  {
    GtkWidget *show_room = row_child (second_row, "show-room");
    ConciergeDirectory *directory = concierge_session_get_directory (f->ts->session);
    GListModel *rooms = concierge_directory_get_rooms (directory);
    const char *expected = NULL;

    g_assert_true (concierge_test_session_wait_directory (f->ts, TIMEOUT_MS));
    for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
      {
        g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

        if (g_strcmp0 (hcc_room_get_number (room), "101") == 0 &&
            g_strcmp0 (hcc_room_get_building_name (room), "North Tower") == 0)
          expected = hcc_room_get_id (room);
      }
    g_assert_nonnull (expected);
    g_assert_true (hcc_test_wait_until (widget_visible, show_room, TIMEOUT_MS));
    g_assert_true (gtk_widget_activate (show_room));
    g_assert_true (hcc_test_wait_until (array_not_empty, f->shown_rooms, TIMEOUT_MS));
    g_assert_cmpstr (g_ptr_array_index (f->shown_rooms, 0), ==, expected);
    g_assert_cmpstr (row_text (second_row, "call-place"), ==, "North Tower · Room 101");
  }

  calls_control (f, first_id, "answer-elsewhere");
  calls_control (f, second_id, "cancel");
  calls_wait_state (f, first_id, CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE);
  calls_wait_state (f, second_id, CONCIERGE_QUEUED_CALL_MISSED);
  g_assert_true (hcc_test_wait_until (queue_not_ringing, calls_queue (f), TIMEOUT_MS));

  g_assert_true (g_str_has_prefix (row_text (second_row, "call-status"), "Missed · Waited"));
  g_assert_false (gtk_widget_get_visible (row_child (second_row, "answer")));
  first_row = calls_find_row (f, hcc_test_json_get_string (first, "device_name"), NULL);
  g_assert_true (g_str_has_prefix (row_text (first_row, "call-status"), "Answered elsewhere"));
  g_assert_cmpstr (gtk_label_get_label (_concierge_calls_view_get_waiting_label (f->view)), ==,
                   "Nobody waiting");

  /* Nothing was sent for them. */
  {
    g_autofree char *a = calls_sim_statuses (f, first_id);
    g_autofree char *b = calls_sim_statuses (f, second_id);

    g_assert_cmpstr (a, ==, "");
    g_assert_cmpstr (b, ==, "");
  }

  g_assert_cmpint (stored_outcome (f, first_id), ==, CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE);
  g_assert_cmpint (stored_outcome (f, second_id), ==, CONCIERGE_CALL_OUTCOME_MISSED);
}

static gboolean
player_started (gpointer data)
{
  return concierge_player_get_state (data) != CONCIERGE_PLAYER_STATE_IDLE;
}

/* The call view of a call that someone else takes says so and stops. */
static void
test_call_view_answered_elsewhere (Fixture       *fixture,
                                   gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autoptr(JsonNode) injected = calls_inject (f, NULL, 0);
  const char *record_id = hcc_test_json_get_string (injected, "record_id");
  ConciergeCallView *call_view = _concierge_calls_view_get_call_view (f->view);
  ConciergePlayer *player = _concierge_call_view_get_player (call_view);

  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_RINGING);
  concierge_calls_view_show_call (f->view, record_id);
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "call");
  /* The camera and its live address are looked up first. */
  g_assert_true (hcc_test_wait_until (player_started, player, TIMEOUT_MS));

  calls_control (f, record_id, "answer-elsewhere");
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE);
  calls_wait_label (_concierge_call_view_get_label (call_view, "state"),
                    "answered elsewhere");
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_IDLE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_concierge_call_view_get_hang_up_button (call_view))));
}

static gboolean
player_playing (gpointer data)
{
  return concierge_player_get_state (data) == CONCIERGE_PLAYER_STATE_PLAYING;
}

/* The ringing preview and the call view play the station's HLS stream from
 * the simulator, and the paintable gets frames. */
static void
test_video (Fixture       *fixture,
            gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autoptr(JsonNode) injected = calls_inject (f, NULL, 0);
  const char *record_id = hcc_test_json_get_string (injected, "record_id");
  ConciergePlayer *preview = _concierge_calls_view_get_preview_player (f->view);
  ConciergeCallView *call_view;
  ConciergePlayer *player;
  GdkPaintable *paintable;

  calls_wait_row (f, hcc_test_json_get_string (injected, "device_name"));
  g_assert_cmpstr (_concierge_calls_view_get_preview_record_id (f->view), ==, record_id);
  g_assert_true (hcc_test_wait_until (player_has_frames, preview, 60000));
  g_assert_true (g_str_has_prefix (concierge_player_get_uri (preview), "http"));
  g_assert_nonnull (strstr (concierge_player_get_uri (preview), ".m3u8"));
  paintable = concierge_player_get_paintable (preview);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), >, 0);
  calls_screenshot (f, "calls-ringing");

  /* GStreamer 1.22.0's hlsdemux2 may abort when a stalled (buffering)
   * stream is taken to NULL, which a loaded machine makes likely: stop
   * streams while they play. See docs/calls-ui.md. */
  hcc_test_wait_until (player_playing, preview, 30000);
  g_assert_true (gtk_widget_activate (row_child (calls_find_row (f, hcc_test_json_get_string (injected, "device_name"), NULL), "answer")));
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_ANSWERED);
  call_view = _concierge_calls_view_get_call_view (f->view);
  player = _concierge_call_view_get_player (call_view);
  g_assert_true (hcc_test_wait_until (player_has_frames, player, 60000));
  paintable = concierge_player_get_paintable (player);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), >, 0);
  calls_screenshot (f, "call-answered");
  /* While the call view is up, the preview does not play as well. */
  g_assert_cmpint (concierge_player_get_state (preview), ==, CONCIERGE_PLAYER_STATE_IDLE);

  /* The device hangs up: the stream stops. */
  hcc_test_wait_until (player_playing, player, 30000);
  calls_control (f, record_id, "hangup");
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_ENDED);
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_IDLE);
}

/* The video test runs in a subprocess: GStreamer 1.22.0's hlsdemux2 can
 * abort ("g_mutex_clear() called on uninitialised or locked mutex") while a
 * stalled live HLS stream is taken to NULL, inside gst_element_set_state()
 * on the player's teardown thread. A loaded machine makes the stall likely.
 * That abort is reported as incomplete, with its reason; any other failure
 * fails the test. */
static const char *program;

static void
test_video_guarded (void)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                            &error, program, "-q", "-p", "/calls-view/video/subprocess",
                            "--GTestSubprocess", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_successful (child))
    return;

  if (err != NULL && strstr (err, "g_mutex_clear() called on uninitialised or locked mutex") != NULL)
    {
      g_test_incomplete ("GStreamer 1.22.0 hlsdemux2 aborted while a stalled stream stopped");
      return;
    }

  g_printerr ("%s", err != NULL ? err : "");
  g_assert_true (g_subprocess_get_successful (child));
}

/* A session change resets the view. */
static void
test_session_change (Fixture       *fixture,
                     gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autoptr(JsonNode) injected = calls_inject (f, NULL, 0);

  calls_wait_row (f, hcc_test_json_get_string (injected, "device_name"));
  concierge_calls_view_show_call (f->view, hcc_test_json_get_string (injected, "record_id"));
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "call");

  concierge_calls_view_set_session (f->view, NULL);
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "empty");
  g_assert_null (concierge_call_view_get_call (_concierge_calls_view_get_call_view (f->view)));
  g_assert_null (calls_find_row (f, hcc_test_json_get_string (injected, "device_name"), NULL));

  concierge_calls_view_set_session (f->view, f->ts->session);
  calls_wait_row (f, hcc_test_json_get_string (injected, "device_name"));
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "queue");
}

int
main (int   argc,
      char *argv[])
{
  program = argv[0];
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, seed) \
  g_test_add ("/calls-view/" path, Fixture, GUINT_TO_POINTER (seed), setup, func, teardown)

  ADD ("empty", test_empty, 1);
  ADD ("ring-answer-hang-up", test_ring_answer_hang_up, 2);
  ADD ("decline", test_decline, 3);
  ADD ("open-door", test_open_door, 4);
  ADD ("two-calls-device-end", test_two_calls_device_end, 5);
  ADD ("call-view-answered-elsewhere", test_call_view_answered_elsewhere, 6);
  ADD ("place/second-call", test_place_second_call, 9);
  ADD ("place/main-gate", test_place_main_gate, 10);
  if (g_test_subprocess ())
    ADD ("video/subprocess", test_video, 7);
  else
    g_test_add_func ("/calls-view/video", test_video_guarded);
  ADD ("session-change", test_session_change, 8);

  return g_test_run ();
}
