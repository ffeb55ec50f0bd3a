/* test-rooms-view.c: the Rooms view against a session on the simulator's site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view is driven as the desk drives it (activating rows, typing in the
 * filter, going back) and checked against what the simulator itself says
 * about its buildings, rooms and residents.
 *
 * With CONCIERGE_SCREENSHOT_DIR set, the tests also save PNGs of the view,
 * in light and dark, for a person to look at.
 */

#include <adwaita.h>
#include <string.h>

#include "concierge-resident-editor.h"
#include "concierge-rooms-view-private.h"
#include "concierge-test-session.h"

#define SEED       11
#define TIMEOUT_MS 30000
#define LOAD_TIMEOUT_MS 120000

typedef struct {
  int   width;      /* of the window; 0: wide enough for three columns */
  guint residents;  /* extra residents of the simulated site */
} Params;

static const Params wide = { 0, 0 };
static const Params narrow = { 640, 0 };
static const Params large = { 0, 10000 };

typedef struct {
  ConciergeTestSession *test;
  char                 *token;
  GtkWidget            *window;
  ConciergeRoomsView   *view;
  GPtrArray            *shown_residents;  /* (element-type utf8) targets of win.show-resident */
} Fixture;

/* The simulator */

static JsonNode *
sim_call (Fixture    *fixture,
          const char *path,
          const char *format,
          ...) G_GNUC_PRINTF (3, 4);

static JsonNode *
sim_call (Fixture    *fixture,
          const char *path,
          const char *format,
          ...)
{
  g_autofree char *body = NULL;
  JsonNode *reply;
  va_list args;
  guint status = 0;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);

  reply = hcc_test_sim_api (fixture->test->sim, path, fixture->token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (reply);
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "0");

  return reply;
}

static JsonArray *
array_at (JsonNode   *reply,
          const char *path)
{
  JsonNode *node = hcc_test_json_get (reply, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_node_get_array (node);
}

/* A member that the simulator may send as a number or a string. */
static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
}

static JsonNode *
sim_buildings (Fixture *fixture)
{
  return sim_call (fixture, "/vims/v1/build/search",
                   "{\"pageNum\":1,\"pageSize\":100,\"searchCriteria\":{\"areaId\":\"-1\"}}");
}

static JsonNode *
sim_rooms (Fixture    *fixture,
           const char *build_id)
{
  return sim_call (fixture, "/vims/v1/room/search",
                   "{\"pageNum\":1,\"pageSize\":500,\"searchCriteria\":{\"areaId\":\"-1\","
                   "\"buildId\":\"%s\"}}", build_id);
}

/* The first room of the site with @amount residents, as the sim has it. */
static JsonObject *
sim_room_with (Fixture *fixture,
               int      amount)
{
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *rooms;

  reply = sim_call (fixture, "/vims/v1/room/search",
                    "{\"pageNum\":1,\"pageSize\":1,\"searchCriteria\":{\"areaId\":\"-1\","
                    "\"filter\":{\"personAmount\":%d}}}", amount);
  rooms = array_at (reply, "data.roomList");
  g_assert_cmpuint (json_array_get_length (rooms), ==, 1);

  return json_object_ref (json_array_get_object_element (rooms, 0));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The person IDs of @room_id's residents, sorted. */
static GPtrArray *
sim_residents_of (Fixture    *fixture,
                  const char *room_id)
{
  g_autoptr(JsonNode) reply = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *persons;

  reply = sim_call (fixture, "/vims/v1/person/search",
                    "{\"pageNum\":1,\"pageSize\":500,\"searchCriteria\":{\"areaId\":\"-1\"}}");
  persons = array_at (reply, "data.personList");
  for (guint i = 0; i < json_array_get_length (persons); i++)
    {
      JsonObject *person = json_array_get_object_element (persons, i);
      JsonArray *rooms = json_object_get_array_member (person, "roomList");

      for (guint k = 0; k < json_array_get_length (rooms); k++)
        if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (rooms, k),
                                                      "roomId"), room_id) == 0)
          g_ptr_array_add (ids, g_strdup (json_object_get_string_member (person, "personId")));
    }
  g_ptr_array_sort (ids, compare_strings);

  return ids;
}

/* The view */

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                   CONCIERGE_TYPE_ROOMS_VIEW, name);

  g_assert_nonnull (object);

  return GTK_WIDGET (object);
}

static const char *
visible_child (Fixture    *fixture,
               const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, stack)));
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture, name)));
}

static const char *
status_title (Fixture    *fixture,
              const char *name)
{
  return adw_status_page_get_title (ADW_STATUS_PAGE (child (fixture, name)));
}

/* The texts of a building row: its name and its counts. */
static const char *
row_label (GtkListBoxRow *row,
           guint          index)
{
  GtkWidget *widget = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

  while (index-- > 0)
    widget = gtk_widget_get_next_sibling (widget);

  return gtk_label_get_text (GTK_LABEL (widget));
}

static GtkListBoxRow *
building_row (Fixture    *fixture,
              const char *name)
{
  GtkListBox *list = GTK_LIST_BOX (child (fixture, "buildings_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (row_label (row, 0), name) == 0)
      return row;

  return NULL;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

typedef struct {
  GListModel *model;
  guint       n_items;
} CountWait;

static gboolean
model_has_n_items (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

static void
wait_n_items (GListModel *model,
              guint       n_items)
{
  CountWait wait = { model, n_items };

  if (!hcc_test_wait_until (model_has_n_items, &wait, TIMEOUT_MS))
    {
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          if (HCC_IS_ROOM (item))
            g_printerr ("room %s %s\n", hcc_room_get_number (HCC_ROOM (item)),
                        hcc_room_get_name (HCC_ROOM (item)));
        }
      g_error ("the model holds %u items, not %u",
               g_list_model_get_n_items (model), n_items);
    }
}

static gboolean
frame_drawn (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Lets the window lay itself out and draw once. */
static void
wait_frame (Fixture *fixture)
{
  gboolean drawn = FALSE;

  gtk_widget_queue_draw (fixture->window);
  gtk_widget_add_tick_callback (fixture->window, tick_cb, &drawn, NULL);
  g_assert_true (hcc_test_wait_until (frame_drawn, &drawn, TIMEOUT_MS));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
transitions_done (gpointer data)
{
  Fixture *fixture = data;

  return !gtk_stack_get_transition_running (GTK_STACK (child (fixture, "main_stack"))) &&
         !adw_leaflet_get_child_transition_running (ADW_LEAFLET (child (fixture, "leaflet")));
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  const char *dir = g_getenv ("CONCIERGE_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char * const schemes[] = { "light", "dark" };

  if (dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *file = g_strdup_printf ("rooms-%s-%s.png", name, schemes[i]);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      GtkSnapshot *snapshot;
      int width, height;

      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                        : ADW_COLOR_SCHEME_FORCE_DARK);
      /* A crossfade half done would show two pages at once. */
      g_assert_true (hcc_test_wait_until (transitions_done, fixture, TIMEOUT_MS));
      wait_frame (fixture);
      width = gtk_widget_get_width (fixture->window);
      height = gtk_widget_get_height (fixture->window);
      paintable = gtk_widget_paintable_new (fixture->window);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (fixture->window)),
                                             node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
show_resident_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->shown_residents, g_variant_dup_string (parameter, NULL));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = NULL;
  const Params *params = data;
  int width = params->width > 0 ? params->width : 1280;

  fixture->test = concierge_test_session_new (SEED, params->residents, 200);
  /* 10,000 residents come in pages on the background lane: give them
   * time on a busy machine. */
  g_assert_true (concierge_test_session_wait_directory (fixture->test, LOAD_TIMEOUT_MS));
  g_assert_null (concierge_directory_get_refresh_error (
                   concierge_session_get_directory (fixture->test->session)));
  fixture->token = hcc_test_sim_login (fixture->test->sim);
  fixture->shown_residents = g_ptr_array_new_with_free_func (g_free);

  /* The window's own action, as the lead's window provides it. */
  action = g_simple_action_new ("show-resident", G_VARIANT_TYPE_STRING);
  g_signal_connect (action, "activate", G_CALLBACK (show_resident_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));

  fixture->window = gtk_window_new ();
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 600);
  fixture->view = CONCIERGE_ROOMS_VIEW (concierge_rooms_view_new ());
  concierge_rooms_view_set_session (fixture->view, fixture->test->session);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_frame (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (fixture->view);

  concierge_test_session_stop (fixture->test);
  concierge_test_session_free (fixture->test);
  g_free (fixture->token);
  g_ptr_array_unref (fixture->shown_residents);
}

/* Opens the building called @name as the user does: activates its row. */
static void
open_building (Fixture    *fixture,
               const char *name)
{
  GtkListBoxRow *row = building_row (fixture, name);

  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (fixture, "leaflet"))),
                   ==, "rooms");
}

static void
type_filter (Fixture    *fixture,
             const char *text,
             guint       n_expected)
{
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "search_entry")), text);
  /* The search entry reports typing after a short delay, as it does for
   * the user. */
  wait_n_items (_concierge_rooms_view_get_rooms_model (fixture->view), n_expected);
}

/* Tests */

static void
test_buildings (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) reply = sim_buildings (fixture);
  JsonArray *buildings = array_at (reply, "data.buildList");
  GtkListBox *list = GTK_LIST_BOX (child (fixture, "buildings_list"));

  g_assert_cmpstr (visible_child (fixture, "main_stack"), ==, "browse");
  g_assert_cmpuint (json_array_get_length (buildings), ==, 3);
  g_assert_cmpuint (n_rows (list), ==, json_array_get_length (buildings));

  for (guint i = 0; i < json_array_get_length (buildings); i++)
    {
      JsonObject *building = json_array_get_object_element (buildings, i);
      const char *name = json_object_get_string_member (building, "buildName");
      g_autofree char *rooms = dup_member (building, "totalRoom");
      g_autofree char *persons = dup_member (building, "totalPerson");
      g_autofree char *expected = g_strdup_printf ("%s rooms · %s residents", rooms, persons);
      GtkListBoxRow *row = building_row (fixture, name);

      g_assert_nonnull (row);
      g_assert_cmpstr (row_label (row, 1), ==, expected);
    }

  /* The first building's rooms are listed next to the buildings; no room
   * is chosen yet, and the room column says what to do. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture, "building_title"))), ==,
                   row_label (gtk_list_box_get_row_at_index (list, 0), 0));
  g_assert_cmpstr (visible_child (fixture, "rooms_stack"), ==, "list");
  g_assert_cmpstr (visible_child (fixture, "room_stack"), ==, "status");
  g_assert_cmpstr (status_title (fixture, "room_status"), ==, "Choose a Room");
  g_assert_false (gtk_widget_get_visible (child (fixture, "add_button")));

  screenshot (fixture, "buildings");
}

static void
test_rooms_natural_order (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) buildings = sim_buildings (fixture);
  g_autoptr(JsonNode) rooms = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *north = NULL;
  GListModel *model = _concierge_rooms_view_get_rooms_model (fixture->view);
  JsonArray *list;
  gint64 previous = -1;

  for (guint i = 0; i < json_array_get_length (array_at (buildings, "data.buildList")); i++)
    {
      JsonObject *building =
        json_array_get_object_element (array_at (buildings, "data.buildList"), i);

      if (g_strcmp0 (json_object_get_string_member (building, "buildName"), "North Tower") == 0)
        north = building;
    }
  g_assert_nonnull (north);

  open_building (fixture, "North Tower");
  g_assert_cmpstr (label_text (fixture, "building_title"), ==, "North Tower");
  g_assert_cmpstr (_concierge_rooms_view_get_building_id (fixture->view), ==,
                   json_object_get_string_member (north, "buildId"));

  rooms = sim_rooms (fixture, json_object_get_string_member (north, "buildId"));
  list = array_at (rooms, "data.roomList");
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_hash_table_add (expected, dup_member (json_array_get_object_element (list, i), "roomNum"));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, json_array_get_length (list));
  g_assert_cmpstr (visible_child (fixture, "rooms_stack"), ==, "list");

  /* Every room of the building, in the order of their numbers' values:
   * 101, 102, ... 1203 (a plain string sort would put 1001 before 101). */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (model, i);
      gint64 number = g_ascii_strtoll (hcc_room_get_number (room), NULL, 10);

      g_assert_true (g_hash_table_contains (expected, hcc_room_get_number (room)));
      g_assert_cmpstr (hcc_room_get_building_id (room), ==,
                       json_object_get_string_member (north, "buildId"));
      g_assert_cmpint (number, >, previous);
      previous = number;
    }
  g_assert_cmpint (previous, ==, 1203);

  screenshot (fixture, "building");
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = _concierge_rooms_view_get_rooms_model (fixture->view);
  guint all;

  open_building (fixture, "North Tower");
  all = g_list_model_get_n_items (model);
  g_assert_cmpuint (all, ==, 36);

  /* A number matches from its start: "12" is 1201 to 1203, not 312. */
  type_filter (fixture, "12", 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (model, i);
      g_autofree char *expected = g_strdup_printf ("120%u", i + 1);

      g_assert_cmpstr (hcc_room_get_number (room), ==, expected);
    }

  /* A name matches anywhere, whatever the case. */
  type_filter (fixture, "FLAT 110", 3);
  type_filter (fixture, "lat 1203", 1);

  type_filter (fixture, "zzz", 0);
  g_assert_cmpstr (visible_child (fixture, "rooms_stack"), ==, "status");
  g_assert_cmpstr (status_title (fixture, "rooms_status"), ==, "No Matching Rooms");

  /* "30" is 301 to 303 by number and by name (no other name holds "30"). */
  type_filter (fixture, "30", 3);
  screenshot (fixture, "filter");

  /* Escape in the filter clears it; every room is back. */
  g_signal_emit_by_name (child (fixture, "search_entry"), "stop-search");
  wait_n_items (model, all);

  /* Enter opens the first match. */
  type_filter (fixture, "1101", 1);
  g_signal_emit_by_name (child (fixture, "search_entry"), "activate");
  g_assert_cmpstr (label_text (fixture, "room_title"), ==, "Flat 1101");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (fixture, "leaflet"))),
                   ==, "room");
}

/* Runs what the view's own shortcut for @keyval and @modifiers does, as a
 * key press with the focus in the view would (GTK cannot synthesize key
 * events); FALSE when the view has no such shortcut or lets the key pass. */
static gboolean
press_shortcut (Fixture         *fixture,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (fixture->view),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* The room rows below @widget marked as the shown room; their room in @id. */
static guint
count_marked_rows (GtkWidget   *widget,
                   const char **id)
{
  guint n = 0;

  if (g_object_get_data (G_OBJECT (widget), "room-id") != NULL &&
      gtk_widget_get_visible (gtk_widget_get_last_child (widget)))
    {
      *id = g_object_get_data (G_OBJECT (widget), "room-id");
      return 1;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget);
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += count_marked_rows (c, id);

  return n;
}

static void
test_show_room (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonObject) room = sim_room_with (fixture, 4);
  const char *room_id = json_object_get_string_member (room, "roomId");
  g_autoptr(GPtrArray) expected = sim_residents_of (fixture, room_id);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *number = dup_member (room, "roomNum");
  g_autofree char *subtitle = NULL;
  GListModel *model = _concierge_rooms_view_get_residents_model (fixture->view);
  GtkListBox *list = GTK_LIST_BOX (child (fixture, "residents_list"));
  GtkListBoxRow *row;
  const char *marked = NULL;

  g_assert_cmpuint (expected->len, ==, 4);

  concierge_rooms_view_show_room (fixture->view, room_id);

  /* The building is chosen and its rooms listed; the room is shown. */
  g_assert_cmpstr (_concierge_rooms_view_get_building_id (fixture->view), ==,
                   json_object_get_string_member (room, "buildId"));
  g_assert_cmpstr (label_text (fixture, "building_title"), ==,
                   json_object_get_string_member (room, "buildName"));
  g_assert_nonnull (gtk_list_box_get_selected_row (GTK_LIST_BOX (child (fixture,
                                                                      "buildings_list"))));
  g_assert_cmpstr (_concierge_rooms_view_get_room_id (fixture->view), ==, room_id);
  g_assert_cmpstr (label_text (fixture, "room_title"), ==,
                   json_object_get_string_member (room, "roomName"));
  subtitle = g_strdup_printf ("%s · Room %s",
                              json_object_get_string_member (room, "buildName"), number);
  g_assert_cmpstr (label_text (fixture, "room_subtitle"), ==, subtitle);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (fixture, "leaflet"))),
                   ==, "room");

  /* The room's row in the rooms column is marked as the one shown. */
  wait_frame (fixture);
  g_assert_cmpuint (count_marked_rows (child (fixture, "rooms_list"), &marked), ==, 1);
  g_assert_cmpstr (marked, ==, room_id);

  /* Its residents are the simulator's residents of that room. */
  g_assert_cmpstr (visible_child (fixture, "room_stack"), ==, "list");
  g_assert_cmpstr (label_text (fixture, "residents_heading"), ==, "4 Residents");
  g_assert_cmpuint (n_rows (list), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (model, i);
      g_autofree char *name = g_strdup_printf ("%s %s", hcc_resident_get_first_name (resident),
                                               hcc_resident_get_last_name (resident));
      AdwActionRow *action_row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, i));

      g_ptr_array_add (shown, g_strdup (hcc_resident_get_id (resident)));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (action_row)), ==, name);
      g_assert_cmpstr (adw_action_row_get_subtitle (action_row), ==,
                       hcc_resident_get_phone (resident));
    }
  g_ptr_array_sort (shown, compare_strings);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (shown, i), ==, g_ptr_array_index (expected, i));

  /* Activating a resident asks the window to show that person. */
  row = gtk_list_box_get_row_at_index (list, 1);
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpuint (fixture->shown_residents->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->shown_residents, 0), ==,
                   g_object_get_data (G_OBJECT (row), "person-id"));
  g_assert_true (gtk_widget_get_visible (child (fixture, "add_button")));

  screenshot (fixture, "room");

  /* Escape, then Alt+Left, each go up one column; at the top Escape is
   * left to the window. */
  g_assert_true (press_shortcut (fixture, GDK_KEY_Escape, 0));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (fixture, "leaflet"))),
                   ==, "rooms");
  g_assert_true (press_shortcut (fixture, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (fixture, "leaflet"))),
                   ==, "buildings");
  g_assert_false (press_shortcut (fixture, GDK_KEY_Escape, 0));

  /* The back buttons' action does the same. */
  concierge_rooms_view_show_room (fixture->view, room_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "rooms.back", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (fixture, "leaflet"))),
                   ==, "rooms");
}

static void
test_empty_and_unknown_room (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(JsonObject) room = sim_room_with (fixture, 0);

  concierge_rooms_view_show_room (fixture->view, json_object_get_string_member (room, "roomId"));
  g_assert_cmpstr (label_text (fixture, "room_title"), ==,
                   json_object_get_string_member (room, "roomName"));
  g_assert_cmpstr (visible_child (fixture, "room_stack"), ==, "status");
  g_assert_cmpstr (status_title (fixture, "room_status"), ==, "No Residents");
  /* An empty room is where a new resident goes. */
  g_assert_true (gtk_widget_get_visible (child (fixture, "add_button")));
  screenshot (fixture, "empty-room");

  concierge_rooms_view_show_room (fixture->view, "999999999999999999");
  g_assert_cmpstr (visible_child (fixture, "room_stack"), ==, "status");
  g_assert_cmpstr (status_title (fixture, "room_status"), ==, "Room Not Found");
  g_assert_false (gtk_widget_get_visible (child (fixture, "add_button")));
}

static void
refresh_cb (GObject      *source,
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

static void
test_follows_refresh (Fixture       *fixture,
                      gconstpointer  data)
{
  ConciergeDirectory *directory = concierge_session_get_directory (fixture->test->session);
  g_autoptr(JsonObject) room = sim_room_with (fixture, 2);
  const char *room_id = json_object_get_string_member (room, "roomId");
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = _concierge_rooms_view_get_residents_model (fixture->view);
  gboolean found = FALSE;

  concierge_rooms_view_show_room (fixture->view, room_id);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (label_text (fixture, "residents_heading"), ==, "2 Residents");

  /* Someone moves in, registered on the platform by someone else. */
  added = sim_call (fixture, "/vims/v1/person/add",
                    "{\"personBaseInfo\":{\"id\":\"\",\"personCode\":\"\",\"firstName\":\"Inês\","
                    "\"lastName\":\"Quaresma\",\"gender\":2,\"phone\":\"+351 913 000 111\","
                    "\"email\":\"ines.quaresma@example.org\","
                    "\"startDate\":\"2024-01-01T00:00:00+00:00\","
                    "\"endDate\":\"2034-01-01T00:00:00+00:00\"},"
                    "\"roomList\":[{\"roomId\":\"%s\",\"buildId\":\"%s\",\"areaId\":\"%s\","
                    "\"accountType\":0}],\"language\":\"pt\"}",
                    room_id, json_object_get_string_member (room, "buildId"),
                    json_object_get_string_member (room, "areaId"));

  /* Nothing changes on screen until the directory is refreshed. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  concierge_directory_refresh_async (directory, NULL, refresh_cb, &result);
  g_assert_true (hcc_test_wait_until (result_ready, &result, TIMEOUT_MS));
  g_assert_true (concierge_directory_refresh_finish (directory, result, &error));
  g_assert_no_error (error);

  wait_n_items (model, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (model, i);

      found |= g_strcmp0 (hcc_resident_get_last_name (resident), "Quaresma") == 0;
    }
  g_assert_true (found);
  g_assert_cmpstr (label_text (fixture, "residents_heading"), ==, "3 Residents");
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (child (fixture, "residents_list"))), ==, 3);
  /* The room is still the one shown. */
  g_assert_cmpstr (_concierge_rooms_view_get_room_id (fixture->view), ==, room_id);
}

typedef struct {
  Fixture    *fixture;
  const char *name;
} LeafletWait;

static gboolean
leaflet_shows (gpointer data)
{
  LeafletWait *wait = data;

  return g_strcmp0 (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (wait->fixture,
                                                                             "leaflet"))),
                    wait->name) == 0;
}

static void
wait_leaflet (Fixture    *fixture,
              const char *name)
{
  LeafletWait wait = { fixture, name };

  g_assert_true (hcc_test_wait_until (leaflet_shows, &wait, TIMEOUT_MS));
}

static void
test_folded (Fixture       *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture, "leaflet"));
  g_autoptr(JsonObject) room = sim_room_with (fixture, 3);

  /* Too narrow for three columns: one at a time, with back buttons. */
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "buildings");
  screenshot (fixture, "folded-buildings");

  open_building (fixture, json_object_get_string_member (room, "buildName"));
  g_assert_true (gtk_widget_get_visible (child (fixture, "rooms_back_button")));
  wait_frame (fixture);
  /* The filter has the focus, to type a room number straight away. */
  g_assert_true (gtk_widget_has_focus (child (fixture, "search_entry")) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         child (fixture, "search_entry")));

  concierge_rooms_view_show_room (fixture->view, json_object_get_string_member (room, "roomId"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "room");
  wait_frame (fixture);
  screenshot (fixture, "folded-room");

  /* A button shows itself pressed for a moment before it is clicked. */
  gtk_widget_activate (child (fixture, "room_back_button"));
  wait_leaflet (fixture, "rooms");
  gtk_widget_activate (child (fixture, "rooms_back_button"));
  wait_leaflet (fixture, "buildings");
}

static void
test_session_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) room = sim_room_with (fixture, 3);

  concierge_rooms_view_show_room (fixture->view, json_object_get_string_member (room, "roomId"));
  g_assert_cmpuint (g_list_model_get_n_items (
                      _concierge_rooms_view_get_residents_model (fixture->view)), ==, 3);

  /* Without a session the view says so, and holds nothing of the old one. */
  concierge_rooms_view_set_session (fixture->view, NULL);
  g_assert_null (concierge_rooms_view_get_session (fixture->view));
  g_assert_cmpstr (visible_child (fixture, "main_stack"), ==, "none");
  g_assert_cmpstr (status_title (fixture, "session_status"), ==, "Not Connected");
  g_assert_cmpuint (g_list_model_get_n_items (
                      _concierge_rooms_view_get_rooms_model (fixture->view)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (
                      _concierge_rooms_view_get_residents_model (fixture->view)), ==, 0);
  g_assert_null (_concierge_rooms_view_get_room_id (fixture->view));
  screenshot (fixture, "no-session");

  /* A session again: back at the top, with the buildings. */
  g_object_set (fixture->view, "session", fixture->test->session, NULL);
  g_assert_cmpstr (visible_child (fixture, "main_stack"), ==, "browse");
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (child (fixture, "buildings_list"))), ==, 3);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (child (fixture, "leaflet"))),
                   ==, "buildings");
  g_assert_null (_concierge_rooms_view_get_room_id (fixture->view));
}

static ConciergeResidentEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CONCIERGE_IS_RESIDENT_EDITOR (window))
        return CONCIERGE_RESIDENT_EDITOR (window);
    }

  return NULL;
}

static gboolean
editor_shown (gpointer data)
{
  ConciergeResidentEditor *editor = find_editor ();

  return editor != NULL && gtk_widget_get_mapped (GTK_WIDGET (editor));
}

static void
test_add_resident (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) room = sim_room_with (fixture, 2);
  ConciergeResidentEditor *editor;
  GtkListBox *rooms;

  concierge_rooms_view_show_room (fixture->view, json_object_get_string_member (room, "roomId"));
  g_assert_null (find_editor ());

  gtk_widget_activate (child (fixture, "add_button"));
  g_assert_true (hcc_test_wait_until (editor_shown, NULL, TIMEOUT_MS));
  editor = find_editor ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) ==
                 GTK_WINDOW (fixture->window));
  /* Pre-filled with the room: it is the one room in the editor's list of
   * the resident's rooms. */
  rooms = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                       CONCIERGE_TYPE_RESIDENT_EDITOR,
                                                       "rooms_list"));
  g_assert_nonnull (rooms);
  g_assert_cmpuint (n_rows (rooms), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (rooms, 0))),
                   ==, json_object_get_string_member (room, "roomName"));

  gtk_window_destroy (GTK_WINDOW (editor));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_editor ());
}

/* A site of 10,000 residents: the lists stay right, and the filters' cost
 * is reported (not judged: timing goals belong in bench/). */
static void
test_large_site (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) buildings = sim_buildings (fixture);
  g_autoptr(JsonObject) room = sim_room_with (fixture, 4);
  const char *room_id = json_object_get_string_member (room, "roomId");
  g_autoptr(GPtrArray) expected = sim_residents_of (fixture, room_id);
  g_autoptr(JsonNode) rooms = NULL;
  GListModel *model = _concierge_rooms_view_get_rooms_model (fixture->view);
  GListModel *residents = _concierge_rooms_view_get_residents_model (fixture->view);
  GtkEditable *search = GTK_EDITABLE (child (fixture, "search_entry"));
  JsonObject *biggest = NULL;
  g_autofree char *first_number = NULL;
  char prefix[3] = { 0, };
  gint64 previous = -1;
  gint64 start, show_us, type_us, clear_us;
  guint n_prefix = 0;

  g_assert_cmpuint (g_list_model_get_n_items (
                      concierge_directory_get_residents (
                        concierge_session_get_directory (fixture->test->session))), >=, 10000);

  /* The building with the most rooms. */
  for (guint i = 0; i < json_array_get_length (array_at (buildings, "data.buildList")); i++)
    {
      JsonObject *building =
        json_array_get_object_element (array_at (buildings, "data.buildList"), i);
      g_autofree char *n = dup_member (building, "totalRoom");
      g_autofree char *m = biggest != NULL ? dup_member (biggest, "totalRoom") : g_strdup ("0");

      if (g_ascii_strtoll (n, NULL, 10) > g_ascii_strtoll (m, NULL, 10))
        biggest = building;
    }
  g_assert_nonnull (biggest);
  open_building (fixture, json_object_get_string_member (biggest, "buildName"));
  rooms = sim_call (fixture, "/vims/v1/room/search",
                    "{\"pageNum\":1,\"pageSize\":1,\"searchCriteria\":{\"areaId\":\"-1\","
                    "\"buildId\":\"%s\"}}", json_object_get_string_member (biggest, "buildId"));
  g_assert_cmpint (g_list_model_get_n_items (model), ==,
                   hcc_test_json_get_int (rooms, "data.totalNum"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HccRoom) item = g_list_model_get_item (model, i);
      gint64 number = g_ascii_strtoll (hcc_room_get_number (item), NULL, 10);

      g_assert_cmpint (number, >, previous);
      previous = number;
      if (i == 0)
        first_number = g_strdup (hcc_room_get_number (item));
    }

  /* One keystroke of a room number, then clearing it, as the user types;
   * the entry's own delayed signal then finds nothing left to do. */
  memcpy (prefix, first_number, 2);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HccRoom) item = g_list_model_get_item (model, i);

      n_prefix += g_str_has_prefix (hcc_room_get_number (item), prefix);
    }
  start = g_get_monotonic_time ();
  gtk_editable_set_text (search, prefix);
  g_signal_emit_by_name (search, "search-changed");
  type_us = g_get_monotonic_time () - start;
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, n_prefix);
  /* The entry reports an emptied text at once. */
  start = g_get_monotonic_time ();
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  clear_us = g_get_monotonic_time () - start;
  g_assert_cmpint (g_list_model_get_n_items (model), ==,
                   hcc_test_json_get_int (rooms, "data.totalNum"));

  /* A room among 10,000 residents: its residents, found by their rooms. */
  start = g_get_monotonic_time ();
  concierge_rooms_view_show_room (fixture->view, room_id);
  show_us = g_get_monotonic_time () - start;
  g_assert_cmpuint (g_list_model_get_n_items (residents), ==, expected->len);
  for (guint i = 0; i < g_list_model_get_n_items (residents); i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (residents, i);

      g_assert_true (g_ptr_array_find_with_equal_func (expected, hcc_resident_get_id (resident),
                                                       g_str_equal, NULL));
    }

  g_test_message ("%u rooms in the building; filter \"%s\": %.2f ms, cleared: %.2f ms; "
                  "show_room with %u residents on the site: %.2f ms",
                  g_list_model_get_n_items (model), prefix, type_us / 1000.0, clear_us / 1000.0,
                  g_list_model_get_n_items (concierge_directory_get_residents (
                    concierge_session_get_directory (fixture->test->session))),
                  show_us / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("CONCIERGE_AUDIO_SINK", "fakesink", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, params) \
  g_test_add ("/rooms-view/" path, Fixture, &params, \
              fixture_setup, func, fixture_teardown)

  ADD ("buildings", test_buildings, wide);
  ADD ("rooms-natural-order", test_rooms_natural_order, wide);
  ADD ("filter", test_filter, wide);
  ADD ("show-room", test_show_room, wide);
  ADD ("empty-and-unknown-room", test_empty_and_unknown_room, wide);
  ADD ("follows-refresh", test_follows_refresh, wide);
  ADD ("folded", test_folded, narrow);
  ADD ("session-changes", test_session_changes, wide);
  ADD ("add-resident", test_add_resident, wide);
  ADD ("large-site", test_large_site, large);

#undef ADD

  return g_test_run ();
}
