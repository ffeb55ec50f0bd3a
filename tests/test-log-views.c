/* test-log-views.c: the call log and the door log views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calls are written into the session's log store as the call queue writes
 * them; door actions come from the Doors view's own path. The tests check
 * what the operator reads (the cells' words), what the filters leave,
 * the missed-call highlight and its acknowledgement, and the CSV export.
 */

#include <glib/gstdio.h>

#include "concierge-door-control.h"
#include "concierge-log-views-private.h"
#include "test-doors-common.h"

typedef struct {
  ConciergeTestSession *test;
  ConciergeLogStore    *store;
  GtkWindow            *window;
  ConciergeCallLogView *calls;
  ConciergeDoorLogView *doors;
  GtkStack             *stack;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->test = doors_test_session_new (23);
  fixture->store = concierge_session_get_log_store (fixture->test->session);

  fixture->window = doors_test_window_new ();
  fixture->stack = GTK_STACK (gtk_stack_new ());
  fixture->calls = CONCIERGE_CALL_LOG_VIEW (concierge_call_log_view_new ());
  fixture->doors = CONCIERGE_DOOR_LOG_VIEW (concierge_door_log_view_new ());
  gtk_stack_add_named (fixture->stack, GTK_WIDGET (fixture->calls), "calls");
  gtk_stack_add_named (fixture->stack, GTK_WIDGET (fixture->doors), "doors");
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->stack));
  gtk_window_present (fixture->window);

  concierge_call_log_view_set_session (fixture->calls, fixture->test->session);
  concierge_door_log_view_set_session (fixture->doors, fixture->test->session);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget **views[] = { (GtkWidget **) &fixture->calls, (GtkWidget **) &fixture->doors, NULL };

  /* A query still in flight holds its view until the store hands back the
   * cancelled result. */
  test_views_destroy_window (fixture->window, views, TEST_TIMEOUT_MS);
  concierge_test_session_free (fixture->test);
}

/* Helpers */

static GDateTime *
days_ago (int    days,
          int    hour,
          int    minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, minute, 0);
}

static void
add_call (Fixture              *fixture,
          const char           *record_id,
          const char           *station,
          const char           *building,
          const char           *room,
          GDateTime            *started,
          ConciergeCallOutcome  outcome)
{
  g_autoptr(GDateTime) answered = g_date_time_add_seconds (started, 10);
  g_autoptr(GDateTime) ended = g_date_time_add_seconds (started, 75);

  concierge_log_store_call_started (fixture->store, record_id, station, "Q12345678",
                                    building, room, room != NULL ? 0 : 1, started);
  switch (outcome)
    {
    case CONCIERGE_CALL_OUTCOME_ANSWERED:
      concierge_log_store_call_answered (fixture->store, record_id, "Alice", answered);
      concierge_log_store_call_ended (fixture->store, record_id, ended);
      break;
    case CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE:
      concierge_log_store_call_answered_elsewhere (fixture->store, record_id, answered);
      break;
    case CONCIERGE_CALL_OUTCOME_DECLINED:
      concierge_log_store_call_declined (fixture->store, record_id, "Bob", answered);
      break;
    case CONCIERGE_CALL_OUTCOME_MISSED:
      concierge_log_store_call_missed (fixture->store, record_id, ended);
      break;
    case CONCIERGE_CALL_OUTCOME_RINGING:
    default:
      break;
    }
}

typedef struct {
  ConciergeLogCore *core;
  guint             n_items;
} CountWait;

static gboolean
shows_n (gpointer data)
{
  CountWait *wait = data;

  return wait->core->n_requests == 0
         && g_list_model_get_n_items (G_LIST_MODEL (wait->core->items)) == wait->n_items;
}

static void
wait_rows (ConciergeLogCore *core,
           guint             n_items)
{
  CountWait wait = { core, n_items };

  g_assert_true (hcc_test_wait_until (shows_n, &wait, TEST_TIMEOUT_MS));
}

static gboolean
is_visible_label (GtkWidget *widget,
                  gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget);
}

/* The label showing exactly @text in @core's column view, or NULL. */
static GtkLabel *
find_cell (ConciergeLogCore *core,
           const char       *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_views_collect (GTK_WIDGET (core->column_view), is_visible_label, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);

  return NULL;
}

typedef struct {
  ConciergeLogCore *core;
  const char       *text;
} CellWait;

static gboolean
cell_shown (gpointer data)
{
  CellWait *wait = data;

  return find_cell (wait->core, wait->text) != NULL;
}

static GtkLabel *
wait_cell (ConciergeLogCore *core,
           const char       *text)
{
  CellWait wait = { core, text };

  g_assert_true (hcc_test_wait_until (cell_shown, &wait, TEST_TIMEOUT_MS));
  return find_cell (core, text);
}

/* The column view's rows on screen. */
static gboolean
is_mapped_row (GtkWidget *widget,
               gpointer   data)
{
  return g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0 && gtk_widget_get_mapped (widget);
}

typedef struct {
  ConciergeLogCore *core;
  guint             n_rows;
} RowsWait;

/* @n_rows rows laid out, all of one height. */
static gboolean
rows_even (gpointer data)
{
  RowsWait *wait = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_views_collect (GTK_WIDGET (wait->core->column_view), is_mapped_row, NULL, rows);
  if (rows->len != wait->n_rows)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      int height = gtk_widget_get_height (g_ptr_array_index (rows, i));

      if (height <= 0 || height != gtk_widget_get_height (g_ptr_array_index (rows, 0)))
        return FALSE;
    }

  return TRUE;
}

/* An "Acknowledge" button a user can see and reach: one per missed call
 * not yet acknowledged. */
static gboolean
is_shown_ack_button (GtkWidget *widget,
                     gpointer   data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && gtk_widget_get_focusable (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "Acknowledge") == 0;
}

static guint
count_ack_buttons (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  test_views_collect (root, is_shown_ack_button, NULL, buttons);
  return buttons->len;
}

/* Tests */

static void
test_calls_with_outcomes (Fixture       *fixture,
                          gconstpointer  data)
{
  ConciergeLogCore *core = _concierge_call_log_view_get_core (fixture->calls);
  g_autoptr(GDateTime) t1 = days_ago (0, 9, 0);
  g_autoptr(GDateTime) t2 = days_ago (0, 9, 5);
  g_autoptr(GDateTime) t3 = days_ago (0, 9, 10);
  g_autoptr(GDateTime) t4 = days_ago (0, 9, 15);
  g_autoptr(ConciergeCallRecord) newest = NULL;

  /* An empty log says so. */
  wait_rows (core, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (core->stack), ==, "status");
  g_assert_cmpstr (adw_status_page_get_title (core->status_page), ==, "No Calls Yet");

  add_call (fixture, "900000000000000001", "North Tower door station", "North Tower", "101", t1,
            CONCIERGE_CALL_OUTCOME_ANSWERED);
  add_call (fixture, "900000000000000002", "Garden House door station", "Garden House", "3", t2,
            CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE);
  add_call (fixture, "900000000000000003", "Main gate station", NULL, NULL, t3,
            CONCIERGE_CALL_OUTCOME_DECLINED);
  add_call (fixture, "900000000000000004", "Harbour Court door station", "Harbour Court", "12", t4,
            CONCIERGE_CALL_OUTCOME_MISSED);
  /* A call to the desk from a building's own station. */
  add_call (fixture, "900000000000000005", "North Tower door station", "North Tower", NULL, t1,
            CONCIERGE_CALL_OUTCOME_DECLINED);

  /* The view follows the store by itself, newest first. */
  wait_rows (core, 5);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (core->stack), ==, "log");
  newest = g_list_model_get_item (G_LIST_MODEL (core->items), 0);
  g_assert_cmpstr (concierge_call_record_get_record_id (newest), ==, "900000000000000004");

  /* Outcomes in words, with the operator and the answered call's length. */
  wait_cell (core, "Answered here");
  wait_cell (core, "Answered elsewhere");
  wait_cell (core, "Declined");
  wait_cell (core, "Missed, not acknowledged");
  wait_cell (core, "1:05");
  wait_cell (core, "North Tower, room 101");
  wait_cell (core, "Management centre");
  wait_cell (core, "North Tower");
  wait_cell (core, "Bob");
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  ConciergeLogCore *core = _concierge_call_log_view_get_core (fixture->calls);
  g_autoptr(GDateTime) old = days_ago (3, 12, 0);
  g_autoptr(GDateTime) yesterday = days_ago (1, 23, 59);
  g_autoptr(GDateTime) today = days_ago (0, 0, 0);
  g_autoptr(GDateTime) later = days_ago (0, 8, 30);
  g_autoptr(ConciergeCallRecord) record = NULL;

  add_call (fixture, "900000000000000011", "North Tower door station", "North Tower", "101", old,
            CONCIERGE_CALL_OUTCOME_ANSWERED);
  add_call (fixture, "900000000000000012", "Harbour Court door station", "Harbour Court", "7", yesterday,
            CONCIERGE_CALL_OUTCOME_DECLINED);
  add_call (fixture, "900000000000000013", "Harbour Court door station", "Harbour Court", "8", today,
            CONCIERGE_CALL_OUTCOME_MISSED);
  add_call (fixture, "900000000000000014", "Main gate station", NULL, NULL, later,
            CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE);
  wait_rows (core, 4);

  /* Search as the operator types it. */
  gtk_editable_set_text (GTK_EDITABLE (core->search_entry), "harbour");
  wait_rows (core, 2);
  gtk_editable_set_text (GTK_EDITABLE (core->search_entry), "no such station");
  wait_rows (core, 0);
  g_assert_cmpstr (adw_status_page_get_title (core->status_page), ==, "No Matching Calls");
  gtk_editable_set_text (GTK_EDITABLE (core->search_entry), "");
  wait_rows (core, 4);

  /* One day, whole: yesterday 23:59 is in, today 00:00 is not. */
  concierge_log_core_set_dates (core, yesterday, yesterday);
  wait_rows (core, 1);
  record = g_list_model_get_item (G_LIST_MODEL (core->items), 0);
  g_assert_cmpstr (concierge_call_record_get_record_id (record), ==, "900000000000000012");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (core->date_error)));

  /* From yesterday on, with a search. */
  concierge_log_core_set_dates (core, yesterday, NULL);
  wait_rows (core, 3);
  gtk_editable_set_text (GTK_EDITABLE (core->search_entry), "harbour");
  wait_rows (core, 2);
  gtk_editable_set_text (GTK_EDITABLE (core->search_entry), "");

  /* An impossible range is said next to the buttons, not shown as empty. */
  concierge_log_core_set_dates (core, today, old);
  wait_rows (core, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (core->date_error)));
  g_assert_cmpstr (adw_status_page_get_title (core->status_page), ==, "Impossible Date Range");

  concierge_log_core_clear_from (core);
  concierge_log_core_clear_until (core);
  wait_rows (core, 4);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (core->date_error)));
}

static gboolean
no_unacknowledged (gpointer data)
{
  return concierge_log_store_get_unacknowledged_missed (data) == 0;
}

static void
test_missed_acknowledged (Fixture       *fixture,
                          gconstpointer  data)
{
  ConciergeLogCore *core = _concierge_call_log_view_get_core (fixture->calls);
  GtkButton *ack_all = _concierge_call_log_view_get_ack_all (fixture->calls);
  g_autoptr(GDateTime) t1 = days_ago (0, 10, 0);
  g_autoptr(GDateTime) t2 = days_ago (0, 10, 5);
  g_autoptr(GDateTime) t3 = days_ago (0, 10, 10);
  RowsWait rows_wait = { core, 3 };
  GtkLabel *cell;

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (ack_all)));
  add_call (fixture, "900000000000000021", "North Tower door station", "North Tower", "2", t1,
            CONCIERGE_CALL_OUTCOME_MISSED);
  add_call (fixture, "900000000000000022", "Garden House door station", "Garden House", "4", t2,
            CONCIERGE_CALL_OUTCOME_MISSED);
  add_call (fixture, "900000000000000023", "Main gate station", NULL, NULL, t3,
            CONCIERGE_CALL_OUTCOME_ANSWERED);
  wait_rows (core, 3);

  /* Highlighted by class, icon and words; the answered call is not. */
  cell = wait_cell (core, "Missed, not acknowledged");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (cell)), "log-attention"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (cell))));
  cell = wait_cell (core, "Answered here");
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (cell)), "log-attention"));
  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (fixture->store), ==, 2);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (ack_all)));
  /* A row with its Acknowledge button stands no taller than the others. */
  g_assert_true (hcc_test_wait_until (rows_even, &rows_wait, TEST_TIMEOUT_MS));
  g_assert_cmpuint (count_ack_buttons (GTK_WIDGET (core->column_view)), ==, 2);
  test_views_screenshots (fixture->window, "call-log");

  /* One acknowledged: it stays in the log as plain "Missed". */
  _concierge_call_log_view_acknowledge (fixture->calls, "900000000000000021");
  cell = wait_cell (core, "Missed");
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (cell)), "log-attention"));
  g_assert_nonnull (find_cell (core, "Missed, not acknowledged"));
  g_assert_cmpuint (concierge_log_store_get_unacknowledged_missed (fixture->store), ==, 1);
  g_assert_true (hcc_test_wait_until (rows_even, &rows_wait, TEST_TIMEOUT_MS));
  g_assert_cmpuint (count_ack_buttons (GTK_WIDGET (core->column_view)), ==, 1);

  /* Acknowledge All clears the rest. */
  gtk_widget_activate (GTK_WIDGET (ack_all));
  g_assert_true (hcc_test_wait_until (no_unacknowledged, fixture->store, TEST_TIMEOUT_MS));
  wait_rows (core, 3);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (ack_all)));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ConciergeCallRecord) record = g_list_model_get_item (G_LIST_MODEL (core->items), i);

      g_assert_false (concierge_call_record_get_needs_attention (record));
    }
}

/* A small RFC 4180 reader: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      if (quoted)
        {
          if (p[0] == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          if (p[0] == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          p++;
          continue;
        }

      if (*p == '"')
        {
          quoted = TRUE;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (p[0] == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p++;
        }
      else
        {
          g_string_append_c (field, *p);
        }
      p++;
    }

  /* Every record ends with CRLF, so nothing may be left over. */
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);

  return rows;
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  ConciergeLogCore *core = _concierge_call_log_view_get_core (fixture->calls);
  const char *tricky = "Gate \"A\", west\nside";
  g_autoptr(GDateTime) t1 = days_ago (0, 11, 0);
  g_autoptr(GDateTime) t2 = days_ago (0, 11, 5);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected_name = g_strdup_printf ("concierge-calls-%s.csv", today);
  g_autofree char *name = concierge_log_core_suggested_name (core);
  g_autofree char *path = g_build_filename (fixture->test->data_dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found = FALSE;

  g_assert_cmpstr (name, ==, expected_name);

  add_call (fixture, "900000000000000031", tricky, "North, Tower", "1\"A", t1,
            CONCIERGE_CALL_OUTCOME_ANSWERED);
  add_call (fixture, "900000000000000032", "Main gate station", NULL, NULL, t2,
            CONCIERGE_CALL_OUTCOME_MISSED);
  wait_rows (core, 2);

  /* The export follows the filters the operator set. */
  gtk_editable_set_text (GTK_EDITABLE (core->search_entry), "west");
  wait_rows (core, 1);

  concierge_log_core_export_async (core, file, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  g_assert_true (concierge_log_core_export_finish (core, result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  rows = parse_csv (contents);
  g_assert_cmpuint (rows->len, ==, 2);  /* the header and the one call */

  for (guint i = 0; i < ((GPtrArray *) g_ptr_array_index (rows, 1))->len; i++)
    {
      const char *field = g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 1), i);

      if (g_strcmp0 (field, tricky) == 0)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_true (g_ptr_array_find_with_equal_func (g_ptr_array_index (rows, 1), "North, Tower",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (g_ptr_array_index (rows, 1), "1\"A",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (g_ptr_array_index (rows, 1), "900000000000000031",
                                                   g_str_equal, NULL));
}

static void
test_door_log (Fixture       *fixture,
               gconstpointer  data)
{
  ConciergeLogCore *core = _concierge_door_log_view_get_core (fixture->doors);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) doors = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(HccDoor) garage = NULL;
  g_autoptr(ConciergeDoorAction) entry = NULL;
  g_autofree char *name = concierge_log_core_suggested_name (core);

  g_assert_true (g_str_has_prefix (name, "concierge-door-actions-"));
  gtk_stack_set_visible_child_name (fixture->stack, "doors");
  wait_rows (core, 0);
  g_assert_cmpstr (adw_status_page_get_title (core->status_page), ==, "No Door Actions Yet");

  doors = doors_test_list_doors (fixture->test);
  garage = g_object_ref (doors_test_find_door (doors, "Garage door"));

  /* The Doors view's path: the door log follows it by itself. */
  concierge_door_control_async (fixture->test->session, HCC_DOOR_ACTION_KEEP_UNLOCKED, &garage, 1,
                                "Removal van, 2 hours", NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  results = concierge_door_control_finish (result, &error);
  g_assert_no_error (error);

  wait_rows (core, 1);
  wait_cell (core, "Done");
  entry = g_list_model_get_item (G_LIST_MODEL (core->items), 0);
  g_assert_cmpint (concierge_door_action_get_result (entry), ==, CONCIERGE_DOOR_ACTION_RESULT_OK);
  wait_cell (core, "Keep unlocked");
  wait_cell (core, "Garage door");
  wait_cell (core, "Alice");
  wait_cell (core, "Removal van, 2 hours");
  wait_cell (core, "Doors view");
  test_views_screenshots (fixture->window, "door-log");

  gtk_editable_set_text (GTK_EDITABLE (core->search_entry), "removal");
  wait_rows (core, 1);
  gtk_editable_set_text (GTK_EDITABLE (core->search_entry), "fire drill");
  wait_rows (core, 0);
  g_assert_cmpstr (adw_status_page_get_title (core->status_page), ==, "No Matching Door Actions");
}

static gboolean
more_visible (gpointer data)
{
  ConciergeLogCore *core = data;

  return core->n_requests == 0 && gtk_widget_get_visible (GTK_WIDGET (core->more_button));
}

static void
test_load_more (Fixture       *fixture,
                gconstpointer  data)
{
  ConciergeLogCore *core = _concierge_call_log_view_get_core (fixture->calls);
  g_autoptr(GDateTime) base = days_ago (2, 8, 0);

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *id = g_strdup_printf ("9100000000000%05u", i);
      g_autoptr(GDateTime) when = g_date_time_add_minutes (base, i);

      add_call (fixture, id, "North Tower door station", "North Tower", "101", when,
                CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE);
    }

  /* One page first, and a way to the rest. */
  wait_rows (core, 100);
  g_assert_true (hcc_test_wait_until (more_visible, core, TEST_TIMEOUT_MS));
  gtk_widget_activate (GTK_WIDGET (core->more_button));
  wait_rows (core, 150);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (core->more_button)));

  /* A new call keeps every loaded row and adds itself on top. */
  add_call (fixture, "920000000000000001", "Main gate station", NULL, NULL, days_ago (0, 7, 0),
            CONCIERGE_CALL_OUTCOME_MISSED);
  wait_rows (core, 151);
  {
    g_autoptr(ConciergeCallRecord) newest = g_list_model_get_item (G_LIST_MODEL (core->items), 0);

    g_assert_cmpstr (concierge_call_record_get_record_id (newest), ==, "920000000000000001");
  }
}

static void
test_no_session (void)
{
  GtkWidget *calls = concierge_call_log_view_new ();
  GtkWidget *doors = concierge_door_log_view_new ();
  ConciergeLogCore *core;

  g_object_ref_sink (calls);
  g_object_ref_sink (doors);
  core = _concierge_call_log_view_get_core (CONCIERGE_CALL_LOG_VIEW (calls));
  g_assert_cmpstr (adw_status_page_get_title (core->status_page), ==, "Not Connected");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (core->export_button)));
  core = _concierge_door_log_view_get_core (CONCIERGE_DOOR_LOG_VIEW (doors));
  g_assert_cmpstr (adw_status_page_get_title (core->status_page), ==, "Not Connected");
  g_assert_finalize_object (calls);
  g_assert_finalize_object (doors);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/log-views/no-session", test_no_session);
  g_test_add ("/log-views/calls/outcomes", Fixture, NULL, fixture_setup, test_calls_with_outcomes, fixture_teardown);
  g_test_add ("/log-views/calls/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/log-views/calls/missed", Fixture, NULL, fixture_setup, test_missed_acknowledged, fixture_teardown);
  g_test_add ("/log-views/calls/load-more", Fixture, NULL, fixture_setup, test_load_more, fixture_teardown);
  g_test_add ("/log-views/calls/export", Fixture, NULL, fixture_setup, test_export_round_trip, fixture_teardown);
  g_test_add ("/log-views/doors/from-doors-view", Fixture, NULL, fixture_setup, test_door_log, fixture_teardown);

  return g_test_run ();
}
