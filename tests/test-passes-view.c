/* test-passes-view.c: the list of passes, the editor and deleting, against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-passes-view"

#include "config.h"

#include <adwaita.h>

#include "concierge-pass-editor-private.h"
#include "concierge-pass-view.h"
#include "concierge-passes-view-private.h"
#include "concierge-test-session.h"
#include "test-hcc-services.h"
#include "test-views-common.h"

typedef struct {
  ConciergeTestSession *test;
  GtkWindow            *window;
  ConciergePassesView  *view;
} Fixture;

static gboolean
view_loaded (gpointer data)
{
  Fixture *f = data;

  return !concierge_passes_view_get_loading (f->view) &&
         g_list_model_get_n_items (concierge_passes_view_get_passes (f->view)) > 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->test = concierge_test_session_new (1, 0, 1000);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 600);
  f->view = concierge_passes_view_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);

  concierge_passes_view_set_session (f->view, f->test->session);
  g_assert_true (hcc_test_wait_until (view_loaded, f, TEST_TIMEOUT_MS));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  concierge_test_session_free (f->test);
}

static const char *
stack_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (concierge_passes_view_get_stack (f->view));
}

static HccPass *
pass_named (Fixture    *f,
            const char *name)
{
  GListModel *passes = concierge_passes_view_get_passes (f->view);

  for (guint i = 0; i < g_list_model_get_n_items (passes); i++)
    {
      g_autoptr(HccPass) pass = g_list_model_get_item (passes, i);

      if (g_strcmp0 (hcc_pass_get_name (pass), name) == 0)
        return pass;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* Whether a label showing exactly @text is somewhere below @widget. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return test_views_find (widget, is_label_with_text, (gpointer) text) != NULL;
}

static gboolean
editor_open (gpointer data)
{
  return test_views_find_toplevel (CONCIERGE_TYPE_PASS_EDITOR) != NULL;
}

static gboolean
editor_closed (gpointer data)
{
  return test_views_find_toplevel (CONCIERGE_TYPE_PASS_EDITOR) == NULL;
}

static gboolean
editor_ready (gpointer data)
{
  return concierge_pass_editor_get_ready (CONCIERGE_PASS_EDITOR (data));
}

static gboolean
editor_idle (gpointer data)
{
  return !concierge_pass_editor_get_saving (CONCIERGE_PASS_EDITOR (data));
}

static ConciergePassEditor *
open_editor (Fixture    *f,
             const char *edit_id)
{
  ConciergePassEditor *editor;

  if (edit_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "passes.edit", "s", edit_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (f->view), "passes.new", NULL);
  g_assert_true (hcc_test_wait_until (editor_open, NULL, TEST_TIMEOUT_MS));
  editor = CONCIERGE_PASS_EDITOR (test_views_find_toplevel (CONCIERGE_TYPE_PASS_EDITOR));
  g_assert_true (hcc_test_wait_until (editor_ready, editor, TEST_TIMEOUT_MS));

  return editor;
}

static gboolean
search_applied (gpointer data)
{
  Fixture *f = data;
  guint expected = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->view), "test-expected"));

  return g_list_model_get_n_items (concierge_passes_view_get_shown (f->view)) == expected;
}

static void
search (Fixture    *f,
        const char *text,
        guint       expected)
{
  gtk_editable_set_text (GTK_EDITABLE (concierge_passes_view_get_search_entry (f->view)), text);
  g_object_set_data (G_OBJECT (f->view), "test-expected", GUINT_TO_POINTER (expected));
  /* The search entry waits a moment after typing before it filters. */
  g_assert_true (hcc_test_wait_until (search_applied, f, TEST_TIMEOUT_MS));
}

/* Sets the start and end fields to local times, days from today. */
static void
set_validity (ConciergePassEditorFields *fields,
              GDateTime                 *start,
              GDateTime                 *end)
{
  gtk_calendar_select_day (fields->start_calendar, start);
  gtk_spin_button_set_value (fields->start_hour, g_date_time_get_hour (start));
  gtk_spin_button_set_value (fields->start_minute, g_date_time_get_minute (start));
  gtk_calendar_select_day (fields->end_calendar, end);
  gtk_spin_button_set_value (fields->end_hour, g_date_time_get_hour (end));
  gtk_spin_button_set_value (fields->end_minute, g_date_time_get_minute (end));
}

static GDateTime *
local_time (int days,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, minute, 0);
}

static gboolean
has_offset (const char *iso)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$",
                                         0, 0, NULL);

  return iso != NULL && g_regex_match (regex, iso, 0, NULL);
}

static JsonNode *
last_request (Fixture    *f,
              const char *suffix)
{
  g_autoptr(GPtrArray) sent = test_requests_for (f->test->sim, suffix);

  if (sent->len == 0)
    return NULL;
  return json_node_copy (g_ptr_array_index (sent, sent->len - 1));
}

static char *
sim_level_id (Fixture *f,
              guint    index)
{
  g_autofree char *token = hcc_test_sim_login (f->test->sim);
  g_autoptr(JsonNode) reply = NULL;
  JsonNode *list;
  guint status = 0;

  reply = hcc_test_sim_api (f->test->sim, "/acspm/v1/accesslevel/list", token,
                            "{\"accessLevelSearchRequest\":{\"pageIndex\":1,\"pageSize\":100}}", &status);
  g_assert_cmpuint (status, ==, 200);
  list = hcc_test_json_get (reply, "data.accessLevelResponse.accessLevelList");
  g_assert_nonnull (list);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), >, index);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (json_node_get_array (list),
                                                                                 index), "id"));
}

static void
test_no_session (void)
{
  ConciergePassesView *view = concierge_passes_view_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_object_ref_sink (view);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  /* No site: an honest page, and nothing to create. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (concierge_passes_view_get_stack (view)), ==,
                   "no-session");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "passes.new", NULL) &&
                  test_views_find_toplevel (CONCIERGE_TYPE_PASS_EDITOR) != NULL);

  gtk_window_destroy (window);
  g_object_unref (view);
}

static gboolean
is_list_view (GtkWidget *widget,
              gpointer   data)
{
  return GTK_IS_LIST_VIEW (widget);
}

static GtkListView *
find_list_view (GtkWidget *widget)
{
  return GTK_LIST_VIEW (test_views_find (widget, is_list_view, NULL));
}

static guint
count_pass_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *content;

      if (!ADW_IS_WINDOW (window) || CONCIERGE_IS_PASS_EDITOR (window))
        continue;
      content = adw_window_get_content (ADW_WINDOW (window));
      if (content != NULL && CONCIERGE_IS_PASS_VIEW (gtk_widget_get_last_child (content)))
        n++;
    }

  return n;
}

static gboolean
one_pass_window (gpointer data)
{
  return count_pass_windows () == 1;
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *id = g_strdup (hcc_pass_get_id (pass_named (f, "Courier DHL")));

  /* The pass opens in a window of its own, once however often it is asked. */
  g_assert_cmpuint (count_pass_windows (), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "passes.open", "s", id);
  g_assert_true (hcc_test_wait_until (one_pass_window, NULL, TEST_TIMEOUT_MS));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "passes.open", "s", id);
  g_assert_cmpuint (count_pass_windows (), ==, 1);

  /* Enter on a row (the list's activate-item) opens that row's pass. */
  concierge_passes_view_set_session (f->view, NULL);
  g_assert_cmpuint (count_pass_windows (), ==, 0);
  concierge_passes_view_set_session (f->view, f->test->session);
  g_assert_true (hcc_test_wait_until (view_loaded, f, TEST_TIMEOUT_MS));
  search (f, "courier", 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_list_view (GTK_WIDGET (f->view))),
                                             "list.activate-item", "u", 0));
  g_assert_true (hcc_test_wait_until (one_pass_window, NULL, TEST_TIMEOUT_MS));

  /* Another site: the old site's pass is no longer on screen. */
  concierge_passes_view_set_session (f->view, NULL);
  g_assert_cmpuint (count_pass_windows (), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "no-session");
  g_assert_cmpuint (g_list_model_get_n_items (concierge_passes_view_get_passes (f->view)), ==, 0);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  HccPass *courier = pass_named (f, "Courier DHL");
  HccPass *plumber = pass_named (f, "Plumber visit");

  g_assert_cmpstr (stack_page (f), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (concierge_passes_view_get_shown (f->view)), >=, 3);
  g_assert_nonnull (courier);
  g_assert_nonnull (plumber);
  g_assert_nonnull (pass_named (f, "Cleaner Márta"));

  /* What a row says: name, creator and entries, status in words. */
  g_assert_true (has_label (GTK_WIDGET (f->view), "Courier DHL"));
  g_assert_true (has_label (GTK_WIDGET (f->view), "Created by Front Desk · 5 entries per door"));
  g_assert_true (has_label (GTK_WIDGET (f->view), "Expired"));
  g_assert_true (has_label (GTK_WIDGET (f->view), "Valid"));
  test_views_screenshot (f->window, "passes-view-light.png", FALSE);
  test_views_screenshot (f->window, "passes-view-dark.png", TRUE);

  /* A refresh lists again from the platform. */
  test_clear_requests (f->test->sim);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "passes.refresh", NULL);
  g_assert_true (hcc_test_wait_until (view_loaded, f, TEST_TIMEOUT_MS));
  g_assert_nonnull (last_request (f, "/vims/v1/tempauth/list"));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  guint all = g_list_model_get_n_items (concierge_passes_view_get_passes (f->view));

  /* Folded: no case, no accents, any part of the name. */
  search (f, "marta", 1);
  g_assert_true (has_label (GTK_WIDGET (f->view), "Cleaner Márta"));
  search (f, "dhl", 1);
  search (f, "CourIER", 1);
  /* The creator counts too. */
  search (f, "front desk", all);
  search (f, "no such pass", 0);
  g_assert_cmpstr (stack_page (f), ==, "no-results");
  search (f, "", all);
  g_assert_cmpstr (stack_page (f), ==, "list");
}

static void
test_create_with_levels (Fixture       *f,
                         gconstpointer  data)
{
  ConciergePassEditor *editor = open_editor (f, NULL);
  ConciergePassEditorFields fields;
  g_autoptr(GDateTime) start = local_time (1, 9, 30);
  g_autoptr(GDateTime) end = local_time (3, 18, 0);
  g_autofree char *level_id = sim_level_id (f, 0);
  g_autofree char *start_iso = hcc_time_format (start);
  g_autofree char *end_iso = hcc_time_format (end);
  g_autoptr(JsonNode) body = NULL;
  JsonNode *al_ids;

  concierge_pass_editor_get_fields (editor, &fields);
  gtk_editable_set_text (GTK_EDITABLE (fields.name_row), "Courier Fastpost");
  gtk_spin_button_set_value (fields.open_spin, 5);
  set_validity (&fields, start, end);
  concierge_pass_editor_set_level (editor, level_id, TRUE);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fields.levels_message)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fields.name_message)));
  g_assert_cmpstr (gtk_label_get_label (fields.name_counter), ==, "16/32");
  g_assert_true (gtk_widget_get_sensitive (fields.save_button));

  test_clear_requests (f->test->sim);
  gtk_widget_activate (fields.save_button);
  g_assert_true (hcc_test_wait_until (editor_closed, NULL, TEST_TIMEOUT_MS));

  /* What the platform received: the guide's ISO 8601 with the offset. */
  body = last_request (f, "/vims/v1/tempauth/add");
  g_assert_nonnull (body);
  g_assert_cmpstr (hcc_test_json_get_string (body, "name"), ==, "Courier Fastpost");
  g_assert_cmpint (hcc_test_json_get_int (body, "openCount"), ==, 5);
  g_assert_true (has_offset (hcc_test_json_get_string (body, "startTime")));
  g_assert_true (has_offset (hcc_test_json_get_string (body, "endTime")));
  g_assert_cmpstr (hcc_test_json_get_string (body, "startTime"), ==, start_iso);
  g_assert_cmpstr (hcc_test_json_get_string (body, "endTime"), ==, end_iso);
  al_ids = hcc_test_json_get (body, "alIds");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (al_ids));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (al_ids)), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (al_ids), 0), ==, level_id);

  /* The list shows the new pass. */
  g_assert_true (hcc_test_wait_until (view_loaded, f, TEST_TIMEOUT_MS));
  g_assert_nonnull (pass_named (f, "Courier Fastpost"));
}

static void
test_create_without_levels (Fixture       *f,
                            gconstpointer  data)
{
  ConciergePassEditor *editor = open_editor (f, NULL);
  ConciergePassEditorFields fields;
  g_autoptr(JsonNode) body = NULL;
  JsonNode *al_ids;

  concierge_pass_editor_get_fields (editor, &fields);
  gtk_editable_set_text (GTK_EDITABLE (fields.name_row), "Window cleaner");

  /* None chosen: the warning says the pass will open no door... */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fields.levels_message)));
  g_assert_nonnull (strstr (gtk_label_get_label (fields.levels_message), "will open no door"));
  /* ...and saving it anyway is the desk's choice. */
  g_assert_true (gtk_widget_get_sensitive (fields.save_button));
  test_views_screenshot (GTK_WINDOW (editor), "pass-editor-light.png", FALSE);
  test_views_screenshot (GTK_WINDOW (editor), "pass-editor-dark.png", TRUE);

  test_clear_requests (f->test->sim);
  gtk_widget_activate (fields.save_button);
  g_assert_true (hcc_test_wait_until (editor_closed, NULL, TEST_TIMEOUT_MS));

  body = last_request (f, "/vims/v1/tempauth/add");
  g_assert_nonnull (body);
  g_assert_cmpstr (hcc_test_json_get_string (body, "name"), ==, "Window cleaner");
  al_ids = hcc_test_json_get (body, "alIds");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (al_ids));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (al_ids)), ==, 0);
}

static void
test_name_limit (Fixture       *f,
                 gconstpointer  data)
{
  ConciergePassEditor *editor = open_editor (f, NULL);
  ConciergePassEditorFields fields;
  g_autoptr(GDateTime) start = local_time (1, 12, 0);
  g_autoptr(GDateTime) before = local_time (0, 8, 0);

  concierge_pass_editor_get_fields (editor, &fields);

  /* 33 characters (one of them two bytes): refused as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (fields.name_row), "Délivery for the third floor west");
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (fields.name_row)), -1), ==, 33);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fields.name_message)));
  g_assert_cmpstr (gtk_label_get_label (fields.name_message), ==,
                   "A pass name can have at most 32 characters.");
  g_assert_cmpstr (gtk_label_get_label (fields.name_counter), ==, "33/32");
  g_assert_false (gtk_widget_get_sensitive (fields.save_button));
  test_views_screenshot (GTK_WINDOW (editor), "pass-editor-name-too-long.png", FALSE);

  /* 32 is fine. */
  gtk_editable_set_text (GTK_EDITABLE (fields.name_row), "Délivery for the third floor wes");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fields.name_message)));
  g_assert_true (gtk_widget_get_sensitive (fields.save_button));

  /* Emptied: asked for. */
  gtk_editable_set_text (GTK_EDITABLE (fields.name_row), "");
  g_assert_cmpstr (gtk_label_get_label (fields.name_message), ==, "Enter a name for the pass.");
  g_assert_false (gtk_widget_get_sensitive (fields.save_button));
  gtk_editable_set_text (GTK_EDITABLE (fields.name_row), "Plumber");

  /* An end before the start: said next to the validity. */
  set_validity (&fields, start, before);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fields.validity_message)));
  g_assert_cmpstr (gtk_label_get_label (fields.validity_message), ==, "The pass must end after it starts.");
  g_assert_false (gtk_widget_get_sensitive (fields.save_button));

  /* Escape closes the dialog without sending anything. */
  test_clear_requests (f->test->sim);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  g_assert_true (hcc_test_wait_until (editor_closed, NULL, TEST_TIMEOUT_MS));
  g_assert_null (last_request (f, "/vims/v1/tempauth/add"));
}

static void
test_failed_save_keeps_input (Fixture       *f,
                              gconstpointer  data)
{
  ConciergePassEditor *editor = open_editor (f, NULL);
  ConciergePassEditorFields fields;
  g_autofree char *level_id = sim_level_id (f, 1);
  g_autoptr(GDateTime) start = local_time (2, 10, 15);
  g_autoptr(GDateTime) end = local_time (2, 16, 45);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GPtrArray) added = NULL;
  guint status = 0;

  concierge_pass_editor_get_fields (editor, &fields);
  gtk_editable_set_text (GTK_EDITABLE (fields.name_row), "Electrician");
  gtk_spin_button_set_value (fields.open_spin, 7);
  set_validity (&fields, start, end);
  concierge_pass_editor_set_level (editor, level_id, TRUE);

  /* The platform fails the add once. */
  reply = hcc_test_sim_control (f->test->sim, "POST", "/control/faults",
                                "{\"kind\":\"http-error\",\"status\":503,\"count\":1,"
                                "\"path\":\"tempauth/add\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  test_clear_requests (f->test->sim);

  gtk_widget_activate (fields.save_button);
  g_assert_true (hcc_test_wait_until (editor_idle, editor, TEST_TIMEOUT_MS));
  g_assert_true (hcc_test_wait_until (editor_idle, editor, TEST_TIMEOUT_MS));
  /* Wait for the save to have been tried and failed. */
  g_assert_true (hcc_test_wait_until ((HccTestPredicate) gtk_widget_get_visible,
                                      fields.form_message, TEST_TIMEOUT_MS));

  /* Still open, the reason in words, and every value as typed. */
  g_assert_true (editor_open (NULL));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (fields.form_message), "The pass was not saved: "));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fields.name_row)), ==, "Electrician");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fields.open_spin), ==, 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fields.start_hour), ==, 10);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fields.start_minute), ==, 15);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fields.end_minute), ==, 45);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fields.levels_message)));
  g_assert_true (gtk_widget_get_sensitive (fields.save_button));

  /* Trying again works, and makes exactly one pass. */
  gtk_widget_activate (fields.save_button);
  g_assert_true (hcc_test_wait_until (editor_closed, NULL, TEST_TIMEOUT_MS));
  added = test_requests_for (f->test->sim, "/vims/v1/tempauth/add");
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_true (hcc_test_wait_until (view_loaded, f, TEST_TIMEOUT_MS));
  g_assert_nonnull (pass_named (f, "Electrician"));
}

static void
test_edit_keeps_levels (Fixture       *f,
                        gconstpointer  data)
{
  HccPass *courier = pass_named (f, "Courier DHL");
  g_autofree char *id = g_strdup (hcc_pass_get_id (courier));
  ConciergePassEditor *editor = open_editor (f, id);
  ConciergePassEditorFields fields;
  g_autoptr(JsonNode) body = NULL;
  JsonNode *al_ids;

  concierge_pass_editor_get_fields (editor, &fields);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fields.name_row)), ==, "Courier DHL");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fields.open_spin), ==, 5);
  /* The pass's own levels are ticked: no warning. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fields.levels_message)));

  gtk_editable_set_text (GTK_EDITABLE (fields.name_row), "Courier DHL Express");
  test_clear_requests (f->test->sim);
  gtk_widget_activate (fields.save_button);
  g_assert_true (hcc_test_wait_until (editor_closed, NULL, TEST_TIMEOUT_MS));

  body = last_request (f, "/vims/v1/tempauth/update");
  g_assert_nonnull (body);
  g_assert_cmpstr (hcc_test_json_get_string (body, "id"), ==, id);
  g_assert_cmpstr (hcc_test_json_get_string (body, "name"), ==, "Courier DHL Express");
  g_assert_cmpint (hcc_test_json_get_int (body, "openCount"), ==, 5);
  al_ids = hcc_test_json_get (body, "alIds");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (al_ids));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (al_ids)), >=, 1);

  g_assert_true (hcc_test_wait_until (view_loaded, f, TEST_TIMEOUT_MS));
  g_assert_nonnull (pass_named (f, "Courier DHL Express"));
}

static void
test_editor_levels_source (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GListStore) cached = g_list_store_new (HCC_TYPE_ACCESS_LEVEL);
  g_autoptr(HccAccessLevel) level = hcc_access_level_new ();
  g_autoptr(GPtrArray) asked = NULL;
  ConciergePassEditor *editor;
  ConciergePassEditorFields fields;

  /* The directory's own refresh lists the levels too: let it finish, so
   * the request log shows the editor's requests only. */
  g_assert_true (concierge_test_session_wait_directory (f->test, TEST_TIMEOUT_MS));

  /* Levels the desk already has (the directory's cache): shown at once,
   * without asking the platform. */
  hcc_access_level_set_id (level, "cached-level");
  hcc_access_level_set_name (level, "Cached level");
  g_list_store_append (cached, level);
  test_clear_requests (f->test->sim);
  editor = concierge_pass_editor_new (f->window, f->test->client, G_LIST_MODEL (cached), NULL);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (concierge_pass_editor_get_ready (editor));
  concierge_pass_editor_set_level (editor, "cached-level", TRUE);
  concierge_pass_editor_get_fields (editor, &fields);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fields.levels_message)));
  asked = test_requests_for (f->test->sim, "/acspm/v1/accesslevel/list");
  g_assert_cmpuint (asked->len, ==, 0);
  g_clear_pointer (&asked, g_ptr_array_unref);

  /* That level is gone from the platform (VMS040016): the refusal is said
   * in words next to the levels, and the dialog keeps what was typed. */
  gtk_editable_set_text (GTK_EDITABLE (fields.name_row), "Gardener");
  gtk_widget_activate (fields.save_button);
  g_assert_true (hcc_test_wait_until ((HccTestPredicate) gtk_widget_get_visible,
                                      fields.levels_message, TEST_TIMEOUT_MS));
  g_assert_false (concierge_pass_editor_get_saving (editor));
  g_assert_cmpstr (gtk_label_get_label (fields.levels_message), ==, "The access level no longer exists.");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fields.form_message)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fields.name_row)), ==, "Gardener");
  g_assert_true (editor_open (NULL));
  /* Changing the levels clears the refusal; none left is the usual warning. */
  concierge_pass_editor_set_level (editor, "cached-level", FALSE);
  g_assert_nonnull (strstr (gtk_label_get_label (fields.levels_message), "will open no door"));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* None cached: the platform's list. */
  editor = concierge_pass_editor_new (f->window, f->test->client, NULL, NULL);
  g_assert_false (concierge_pass_editor_get_ready (editor));
  g_assert_true (hcc_test_wait_until (editor_ready, editor, TEST_TIMEOUT_MS));
  concierge_pass_editor_get_fields (editor, &fields);
  g_assert_nonnull (gtk_list_box_get_row_at_index (fields.levels_list, 2));
  gtk_window_destroy (GTK_WINDOW (editor));
  asked = test_requests_for (f->test->sim, "/acspm/v1/accesslevel/list");
  g_assert_cmpuint (asked->len, ==, 1);
}

static const char *
spin_text (GtkSpinButton *spin)
{
  return gtk_editable_get_text (GTK_EDITABLE (spin));
}

static void
test_minutes_two_digits (Fixture       *f,
                         gconstpointer  data)
{
  ConciergePassEditor *editor = open_editor (f, NULL);
  ConciergePassEditorFields fields;
  GtkSpinButton *minutes[2];

  concierge_pass_editor_get_fields (editor, &fields);
  minutes[0] = fields.start_minute;
  minutes[1] = fields.end_minute;

  /* A new pass starts on the full hour: "00", as a clock shows it. */
  g_assert_cmpstr (spin_text (fields.start_minute), ==, "00");
  g_assert_cmpstr (spin_text (fields.end_minute), ==, "00");

  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    {
      GtkSpinButton *spin = minutes[i];

      /* Set, stepped with the arrows, typed: always two digits. */
      gtk_spin_button_set_value (spin, 5);
      g_assert_cmpstr (spin_text (spin), ==, "05");
      gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 0);
      g_assert_cmpstr (spin_text (spin), ==, "10");
      gtk_spin_button_set_value (spin, 45);
      g_assert_cmpstr (spin_text (spin), ==, "45");
      gtk_editable_set_text (GTK_EDITABLE (spin), "7");
      gtk_spin_button_update (spin);
      g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 7);
      g_assert_cmpstr (spin_text (spin), ==, "07");
      /* Typed again with the value unchanged, it is still reformatted. */
      gtk_editable_set_text (GTK_EDITABLE (spin), "7");
      gtk_spin_button_update (spin);
      g_assert_cmpstr (spin_text (spin), ==, "07");
      gtk_spin_button_set_value (spin, 0);
      g_assert_cmpstr (spin_text (spin), ==, "00");
    }

  /* The hours too. */
  gtk_spin_button_set_value (fields.start_hour, 9);
  g_assert_cmpstr (spin_text (fields.start_hour), ==, "09");

  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
dialog_open (gpointer data)
{
  return test_views_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
pass_gone (gpointer data)
{
  Fixture *f = data;

  return pass_named (f, "Plumber visit") == NULL;
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = g_strdup (hcc_pass_get_id (pass_named (f, "Plumber visit")));
  AdwMessageDialog *dialog;
  g_autoptr(JsonNode) body = NULL;
  JsonNode *list;

  test_clear_requests (f->test->sim);

  /* Cancel: nothing is sent. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "passes.delete", "s", id);
  g_assert_true (hcc_test_wait_until (dialog_open, NULL, TEST_TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (test_views_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Pass?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_nonnull (pass_named (f, "Plumber visit"));
  g_assert_null (last_request (f, "/vims/v1/tempauth/delete"));

  /* Delete: the platform is asked, and the row goes. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "passes.delete", "s", id);
  g_assert_true (hcc_test_wait_until (dialog_open, NULL, TEST_TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (test_views_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (hcc_test_wait_until (pass_gone, f, TEST_TIMEOUT_MS));

  body = last_request (f, "/vims/v1/tempauth/delete");
  g_assert_nonnull (body);
  list = hcc_test_json_get (body, "deleteList");
  g_assert_nonnull (list);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  test_views_load_style ();

  g_test_add_func ("/passes-view/no-session", test_no_session);
  g_test_add ("/passes-view/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/passes-view/open", Fixture, NULL, fixture_setup, test_open, fixture_teardown);
  g_test_add ("/passes-view/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/passes-view/create/with-levels", Fixture, NULL,
              fixture_setup, test_create_with_levels, fixture_teardown);
  g_test_add ("/passes-view/create/without-levels", Fixture, NULL,
              fixture_setup, test_create_without_levels, fixture_teardown);
  g_test_add ("/passes-view/editor/validation", Fixture, NULL,
              fixture_setup, test_name_limit, fixture_teardown);
  g_test_add ("/passes-view/editor/minutes", Fixture, NULL,
              fixture_setup, test_minutes_two_digits, fixture_teardown);
  g_test_add ("/passes-view/editor/levels-source", Fixture, NULL,
              fixture_setup, test_editor_levels_source, fixture_teardown);
  g_test_add ("/passes-view/editor/failed-save-keeps-input", Fixture, NULL,
              fixture_setup, test_failed_save_keeps_input, fixture_teardown);
  g_test_add ("/passes-view/edit/keeps-levels", Fixture, NULL,
              fixture_setup, test_edit_keeps_levels, fixture_teardown);
  g_test_add ("/passes-view/delete", Fixture, NULL, fixture_setup, test_delete, fixture_teardown);

  return g_test_run ();
}
