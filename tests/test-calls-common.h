/* test-calls-common.h: shared helpers of the calls UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A started session against an in-process hcc-sim, a registered
 * GtkApplication carrying the call actions, a window with a calls view, and
 * small readers of what the simulator received.
 */

#pragma once

#include <adwaita.h>

#include "concierge-application.h"
#include "concierge-call-actions.h"
#include "concierge-calls-view-private.h"
#include "concierge-test-session.h"

#define TIMEOUT_MS 30000

typedef struct {
  ConciergeTestSession *ts;
  GtkApplication       *app;
  ConciergeCallActions *actions;
  GtkWindow            *window;
  ConciergeCallsView   *view;
  GPtrArray            *shown_rooms;   /* (element-type utf8): win.show-room targets */
  GPtrArray            *shown_views;   /* (element-type utf8): win.show-view targets */
} CallsFixture;

static inline void
record_target_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  g_ptr_array_add (user_data, g_variant_dup_string (parameter, NULL));
}

static inline void
calls_fixture_setup (CallsFixture *f,
                     guint64       seed)
{
  g_autoptr(GError) error = NULL;
  static guint counter;
  g_autofree char *app_id = NULL;
  GSimpleAction *action;

  g_setenv ("CONCIERGE_AUDIO_SINK", "fakesink", TRUE);
  f->ts = concierge_test_session_new (seed, 0, 100);

  /* Windows can only join a registered application. NON_UNIQUE: several
   * test programs may run on the same bus. */
  /* A fresh ID per test: the previous application may still be exported. */
  app_id = g_strdup_printf ("io.github.hccdesk.Concierge.Test%u_%u", (guint) getpid (), counter++);
  f->app = gtk_application_new (app_id, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);

  f->actions = concierge_call_actions_new (f->app);
  concierge_call_actions_set_session (f->actions, f->ts->session);

  f->window = GTK_WINDOW (gtk_application_window_new (f->app));
  gtk_window_set_default_size (f->window, 1024, 600);
  f->view = CONCIERGE_CALLS_VIEW (concierge_calls_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  concierge_calls_view_set_session (f->view, f->ts->session);

  /* Stand-ins for the lead's window actions, to see what the view asked. */
  f->shown_rooms = g_ptr_array_new_with_free_func (g_free);
  f->shown_views = g_ptr_array_new_with_free_func (g_free);
  action = g_simple_action_new ("show-room", G_VARIANT_TYPE_STRING);
  g_signal_connect (action, "activate", G_CALLBACK (record_target_cb), f->shown_rooms);
  g_action_map_add_action (G_ACTION_MAP (f->window), G_ACTION (action));
  g_object_unref (action);
  action = g_simple_action_new ("show-view", G_VARIANT_TYPE_STRING);
  g_signal_connect (action, "activate", G_CALLBACK (record_target_cb), f->shown_views);
  g_action_map_add_action (G_ACTION_MAP (f->window), G_ACTION (action));
  g_object_unref (action);

  gtk_window_present (f->window);
}

static inline gboolean
players_stopped (gpointer data)
{
  return concierge_player_get_n_pending_stops () == 0;
}

static inline void
calls_fixture_teardown (CallsFixture *f)
{
  concierge_calls_view_set_session (f->view, NULL);
  gtk_window_destroy (f->window);
  concierge_call_actions_set_session (f->actions, NULL);
  g_clear_object (&f->actions);
  /* Stream teardowns run in worker threads; let them finish first. */
  g_assert_true (hcc_test_wait_until (players_stopped, NULL, TIMEOUT_MS));
  concierge_test_session_stop (f->ts);
  g_clear_pointer (&f->ts, concierge_test_session_free);
  g_clear_object (&f->app);
  g_ptr_array_unref (f->shown_rooms);
  g_ptr_array_unref (f->shown_views);
}

static inline ConciergeCallQueue *
calls_queue (CallsFixture *f)
{
  return concierge_session_get_call_queue (f->ts->session);
}

/* Injects a call at the first door station (or @serial); @room > 0 makes it
 * a call to that room. Returns the call's reply (transfer full). */
static inline JsonNode *
calls_inject (CallsFixture *f,
              const char   *serial,
              guint         room)
{
  g_autofree char *body = NULL;
  g_autofree char *serial_member = NULL;
  JsonNode *reply;
  guint status = 0;

  serial_member = serial != NULL ? g_strdup_printf ("\"device_serial\": \"%s\", ", serial)
                                 : g_strdup ("");
  if (room > 0)
    body = g_strdup_printf ("{%s\"call_type\": 0, \"room_number\": %u, \"timeout_s\": 600}",
                            serial_member, room);
  else
    body = g_strdup_printf ("{%s\"call_type\": 1, \"timeout_s\": 600}", serial_member);

  reply = hcc_test_sim_control (f->ts->sim, "POST", "/control/calls", body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (hcc_test_json_get_string (reply, "record_id"));

  return reply;
}

static inline void
calls_clear_requests (CallsFixture *f)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (f->ts->sim, "DELETE", "/control/requests", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

static inline void
calls_control (CallsFixture *f,
               const char   *record_id,
               const char   *what)
{
  g_autofree char *path = g_strdup_printf ("/control/calls/%s/%s", record_id, what);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (f->ts->sim, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

/* The call/receive statuses the simulator got for @record_id, in order,
 * as a string of digits ("13" = answered then hung up). (transfer full) */
static inline char *
calls_sim_statuses (CallsFixture *f,
                    const char   *record_id)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GString) statuses = g_string_new (NULL);
  JsonNode *actions;
  JsonArray *array;
  guint status = 0;

  reply = hcc_test_sim_control (f->ts->sim, "GET", "/control/calls", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  actions = hcc_test_json_get (reply, "actions");
  g_assert_nonnull (actions);
  array = json_node_get_array (actions);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *action = json_array_get_element (array, i);

      if (g_strcmp0 (hcc_test_json_get_string (action, "record_id"), record_id) == 0)
        g_string_append_printf (statuses, "%" G_GINT64_FORMAT,
                                hcc_test_json_get_int (action, "status"));
    }

  return g_string_free (g_steal_pointer (&statuses), FALSE);
}

typedef struct {
  CallsFixture *f;
  const char   *record_id;
  const char   *expected;
} StatusWait;

static inline gboolean
sim_statuses_are (gpointer data)
{
  StatusWait *wait = data;
  g_autofree char *statuses = calls_sim_statuses (wait->f, wait->record_id);

  return g_strcmp0 (statuses, wait->expected) == 0;
}

/* Waits until the simulator received exactly @expected for @record_id. */
static inline void
calls_wait_sim_statuses (CallsFixture *f,
                         const char   *record_id,
                         const char   *expected)
{
  StatusWait wait = { f, record_id, expected };
  g_autofree char *got = NULL;

  if (hcc_test_wait_until (sim_statuses_are, &wait, TIMEOUT_MS))
    return;
  got = calls_sim_statuses (f, record_id);
  g_assert_cmpstr (got, ==, expected);
}

/* The door IDs of every remote/control request the simulator received,
 * joined by "," per request and ";" between requests. (transfer full) */
static inline char *
calls_sim_door_requests (CallsFixture *f)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *requests;
  guint status = 0;

  reply = hcc_test_sim_control (f->ts->sim, "GET", "/control/requests", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (hcc_test_json_get (reply, "requests"));
  requests = json_node_get_array (hcc_test_json_get (reply, "requests"));

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonNode *request = json_array_get_element (requests, i);
      const char *path = hcc_test_json_get_string (request, "path");
      JsonNode *body = hcc_test_json_get (request, "body");
      JsonNode *list;
      JsonArray *doors;

      if (path == NULL || !g_str_has_suffix (path, "/acs/v1/remote/control") || body == NULL)
        continue;
      list = hcc_test_json_get (body, "remoteControl.elementlist");
      g_assert_nonnull (list);
      doors = json_node_get_array (list);
      if (text->len > 0)
        g_string_append_c (text, ';');
      for (guint j = 0; j < json_array_get_length (doors); j++)
        g_string_append_printf (text, "%s%s", j > 0 ? "," : "",
                                json_array_get_string_element (doors, j));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct {
  CallsFixture             *f;
  const char               *record_id;
  ConciergeQueuedCallState  state;
} CallWait;

static inline gboolean
call_in_state (gpointer data)
{
  CallWait *wait = data;
  ConciergeQueuedCall *call = concierge_call_queue_lookup (calls_queue (wait->f), wait->record_id);

  return call != NULL && concierge_queued_call_get_state (call) == wait->state;
}

static inline ConciergeQueuedCall *
calls_wait_state (CallsFixture             *f,
                  const char               *record_id,
                  ConciergeQueuedCallState  state)
{
  CallWait wait = { f, record_id, state };

  g_assert_true (hcc_test_wait_until (call_in_state, &wait, TIMEOUT_MS));
  return concierge_call_queue_lookup (calls_queue (f), record_id);
}

/* Widgets */

static inline GtkWidget *
find_named (GtkWidget  *widget,
            const char *name,
            const char *label_text)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 &&
      (label_text == NULL ||
       (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), label_text) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name, label_text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The row (list item child) of the call whose title is @station, in the
 * list view, and its position among the list's children. */
static inline GtkWidget *
calls_find_row (CallsFixture *f,
                const char   *station,
                guint        *position)
{
  GtkWidget *list = _concierge_calls_view_get_list_view (f->view);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || gtk_widget_get_first_child (child) == NULL)
        continue;
      if (find_named (child, "call-title", station) != NULL)
        {
          if (position != NULL)
            *position = i;
          return child;
        }
      i++;
    }

  return NULL;
}

typedef struct {
  CallsFixture *f;
  const char   *station;
} RowWait;

static inline gboolean
row_present (gpointer data)
{
  RowWait *wait = data;

  return calls_find_row (wait->f, wait->station, NULL) != NULL;
}

static inline GtkWidget *
calls_wait_row (CallsFixture *f,
                const char   *station)
{
  RowWait wait = { f, station };

  g_assert_true (hcc_test_wait_until (row_present, &wait, TIMEOUT_MS));
  return calls_find_row (f, station, NULL);
}

static inline const char *
row_text (GtkWidget  *row,
          const char *name)
{
  GtkWidget *label = find_named (row, name, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static inline GtkWidget *
row_child (GtkWidget  *row,
           const char *name)
{
  GtkWidget *widget = find_named (row, name, NULL);

  g_assert_nonnull (widget);
  return widget;
}

typedef struct {
  GtkLabel   *label;
  const char *text;
} LabelWait;

static inline gboolean
label_has (gpointer data)
{
  LabelWait *wait = data;

  return strstr (gtk_label_get_label (wait->label), wait->text) != NULL;
}

/* Waits until @label's text contains @text. */
static inline void
calls_wait_label (GtkLabel   *label,
                  const char *text)
{
  LabelWait wait = { label, text };

  if (!hcc_test_wait_until (label_has, &wait, TIMEOUT_MS))
    g_assert_cmpstr (gtk_label_get_label (label), ==, text);
}

/* The player reached PLAYING (its first frame was published) and the
 * paintable showed frames. Whether it keeps up afterwards depends on the
 * machine's load (the simulator encodes in real time), so that is not
 * asserted. */
static inline gboolean
player_has_frames (gpointer data)
{
  ConciergePlayer *player = data;

  return concierge_player_get_first_frame_time (player) > 0 &&
         concierge_player_get_frames_shown (player) >= 1;
}

typedef struct {
  CallsFixture *f;
  const char   *page;
} PageWait;

static inline gboolean
page_is (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (_concierge_calls_view_get_page (wait->f->view), wait->page) == 0;
}

/* gtk_widget_activate() on a button clicks it after a short animation, so
 * what a click shows is waited for. */
static inline void
calls_wait_page (CallsFixture *f,
                 const char   *page)
{
  PageWait wait = { f, page };

  if (!hcc_test_wait_until (page_is, &wait, TIMEOUT_MS))
    g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, page);
}

static inline gboolean
calls_true (gpointer data)
{
  return FALSE;
}

static inline void
calls_save_png (CallsFixture *f,
                const char   *path)
{
  GtkWidget *widget = GTK_WIDGET (f->window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* A window being restyled (light to dark) draws nothing until its next
   * layout: try again for a few seconds. */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        hcc_test_wait_until (calls_true, NULL, 100);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* With CONCIERGE_SCREENSHOT_DIR set, saves the window as <name>-light.png
 * and <name>-dark.png there, to look at the view; otherwise does nothing. */
static inline void
calls_screenshot (CallsFixture *f,
                  const char   *name)
{
  const char *dir = g_getenv ("CONCIERGE_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  const char *suffixes[] = { "light", "dark" };

  if (dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.png", name, suffixes[i]);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      adw_style_manager_set_color_scheme (style, schemes[i]);
      /* Let styles and layout settle; a screenshot is not a test. */
      hcc_test_wait_until (calls_true, NULL, 500);
      calls_save_png (f, path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}
