/* test-residents-view.c: the residents list, its search, details and removals against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-residents-view"

#include <adwaita.h>

#include "concierge-resident-editor-private.h"
#include "concierge-resident-row.h"
#include "concierge-residents-view-private.h"
#include "concierge-test-session.h"
#include "test-views-common.h"

#define TIMEOUT_MS 30000

typedef struct {
  ConciergeTestSession   *test;
  GtkWindow              *window;
  ConciergeResidentsView *view;
  ConciergeDirectory     *directory;
} Fixture;

static gboolean
view_listed (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (_concierge_residents_view_get_page (f->view), "list") == 0 &&
         g_list_model_get_n_items (_concierge_residents_view_get_rows (f->view)) > 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->test = concierge_test_session_new (11, 0, 100);
  g_assert_true (concierge_test_session_wait_directory (f->test, TIMEOUT_MS));
  f->directory = concierge_session_get_directory (f->test->session);
  g_assert_null (concierge_directory_get_refresh_error (f->directory));

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 600);
  f->view = CONCIERGE_RESIDENTS_VIEW (concierge_residents_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  concierge_residents_view_set_session (f->view, f->test->session);
  gtk_window_present (f->window);

  g_assert_true (hcc_test_wait_until (view_listed, f, TIMEOUT_MS));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  concierge_test_session_free (f->test);
}

/* Types @text one character at a time, as a user does, and waits until the
 * filter has looked at every row. */
static gboolean
filter_done (gpointer data)
{
  Fixture *f = data;
  GtkFilterListModel *rows = GTK_FILTER_LIST_MODEL (_concierge_residents_view_get_rows (f->view));

  return gtk_filter_list_model_get_pending (rows) == 0;
}

static void
type_query (Fixture    *f,
            const char *text)
{
  GtkEditable *entry = _concierge_residents_view_get_search_entry (f->view);
  const char *end = text;

  gtk_editable_set_text (entry, "");
  while (*end != '\0')
    {
      g_autofree char *prefix = NULL;

      end = g_utf8_next_char (end);
      prefix = g_strndup (text, end - text);
      gtk_editable_set_text (entry, prefix);
      /* GtkSearchEntry's own delay would be waited for by a user; the
       * test emits the signal it would emit. */
      g_signal_emit_by_name (entry, "search-changed");
    }
  g_assert_true (hcc_test_wait_until (filter_done, f, TIMEOUT_MS));
}

static gboolean
rows_contain (Fixture     *f,
              HccResident *resident)
{
  GListModel *rows = _concierge_residents_view_get_rows (f->view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HccResident) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (hcc_resident_get_id (row), hcc_resident_get_id (resident)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The first resident whose last name is not plain ASCII ("Söderström"). */
static HccResident *
find_accented (Fixture *f)
{
  GListModel *residents = concierge_directory_get_residents (f->directory);

  for (guint i = 0; i < g_list_model_get_n_items (residents); i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (residents, i);
      const char *last = hcc_resident_get_last_name (resident);

      for (const char *p = last; p != NULL && *p != '\0'; p++)
        if ((guchar) *p >= 0x80)
          return g_steal_pointer (&resident);
    }
  return NULL;
}

static guint
count_in_building (Fixture    *f,
                   const char *building)
{
  GListModel *residents = concierge_directory_get_residents (f->directory);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (residents); i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (residents, i);
      GListModel *rooms = hcc_resident_get_rooms (resident);

      for (guint j = 0; j < g_list_model_get_n_items (rooms); j++)
        {
          g_autoptr(HccRoom) room = g_list_model_get_item (rooms, j);
          HccRoom *known = concierge_directory_lookup_room (f->directory, hcc_room_get_id (room));

          if (known != NULL && g_strcmp0 (hcc_room_get_building_name (known), building) == 0)
            {
              count++;
              break;
            }
        }
    }
  return count;
}

static gboolean
is_resident_row (GtkWidget *widget,
                 gpointer   data)
{
  return CONCIERGE_IS_RESIDENT_ROW (widget);
}

/* The row on screen for @resident, or NULL. */
static ConciergeResidentRow *
find_shown_row (Fixture     *f,
                HccResident *resident)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *name = g_strdup_printf ("%s, %s", hcc_resident_get_last_name (resident),
                                           hcc_resident_get_first_name (resident));

  test_views_collect (GTK_WIDGET (f->view), is_resident_row, NULL, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      ConciergeResidentRow *row = rows->pdata[i];

      if (gtk_widget_get_mapped (GTK_WIDGET (row)) &&
          g_strcmp0 (concierge_resident_row_get_text (row, CONCIERGE_RESIDENT_COLUMN_NAME), name) == 0 &&
          g_strcmp0 (concierge_resident_row_get_text (row, CONCIERGE_RESIDENT_COLUMN_PHONE),
                     hcc_resident_get_phone (resident)) == 0)
        return row;
    }

  return NULL;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  GListModel *rows = _concierge_residents_view_get_rows (f->view);
  guint total = g_list_model_get_n_items (concierge_directory_get_residents (f->directory));
  g_autofree char *expected = g_strdup_printf ("%u residents", total);
  g_autoptr(JsonNode) status = NULL;
  guint http = 0;

  /* The demo site's residents, every one listed. */
  status = hcc_test_sim_control (f->test->sim, "GET", "/control/status", NULL, &http);
  g_assert_cmpuint (http, ==, 200);
  g_assert_cmpuint (total, >, 100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, total);
  g_assert_cmpstr (gtk_label_get_label (_concierge_residents_view_get_count_label (f->view)), ==, expected);

  /* Sorted by last name, accents aside ("Öztürk" with the O's). */
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HccResident) a = g_list_model_get_item (rows, i - 1);
      g_autoptr(HccResident) b = g_list_model_get_item (rows, i);
      g_autofree char *last_a = concierge_directory_fold (hcc_resident_get_last_name (a));
      g_autofree char *last_b = concierge_directory_fold (hcc_resident_get_last_name (b));

      g_assert_cmpint (strcmp (last_a, last_b), <=, 0);
    }

  /* The first rows on screen say who lives where, and whether their
   * access is still valid, in words. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (rows, i);
      g_autoptr(HccRoom) room = g_list_model_get_item (hcc_resident_get_rooms (resident), 0);
      g_autofree char *room_label = _concierge_resident_room_label (room);
      ConciergeResidentRow *row = find_shown_row (f, resident);
      const char *shown_status;

      g_assert_nonnull (row);
      g_assert_nonnull (strstr (concierge_resident_row_get_text (row, CONCIERGE_RESIDENT_COLUMN_ROOMS),
                                room_label));
      if (hcc_room_get_building_name (room) != NULL)
        g_assert_nonnull (strstr (concierge_resident_row_get_text (row, CONCIERGE_RESIDENT_COLUMN_BUILDING),
                                  hcc_room_get_building_name (room)));
      shown_status = concierge_resident_row_get_text (row, CONCIERGE_RESIDENT_COLUMN_STATUS);
      if (hcc_resident_get_expired (resident))
        g_assert_cmpstr (shown_status, ==, "Expired");
      else
        g_assert_true (g_str_equal (shown_status, "Valid") || g_str_equal (shown_status, "Expired"));
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GListModel *rows = _concierge_residents_view_get_rows (f->view);
  guint total = g_list_model_get_n_items (rows);
  g_autoptr(HccResident) accented = find_accented (f);
  g_autofree char *plain = NULL;
  g_autoptr(HccRoom) room = NULL;
  g_autofree char *query = NULL;
  g_autofree char *count = NULL;
  guint harbour;

  /* An accentless, lower-case name finds "Söderström". */
  g_assert_nonnull (accented);
  plain = concierge_directory_fold (hcc_resident_get_last_name (accented));
  g_assert_cmpstr (plain, !=, hcc_resident_get_last_name (accented));
  type_query (f, plain);
  g_assert_true (rows_contain (f, accented));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, total);
  count = g_strdup_printf ("%u of %u residents", g_list_model_get_n_items (rows), total);
  g_assert_cmpstr (gtk_label_get_label (_concierge_residents_view_get_count_label (f->view)), ==, count);

  /* A room number. */
  room = g_list_model_get_item (hcc_resident_get_rooms (accented), 0);
  type_query (f, hcc_room_get_number (room));
  g_assert_true (rows_contain (f, accented));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, total);

  /* A phone number finds its resident alone. */
  type_query (f, hcc_resident_get_phone (accented));
  g_assert_true (rows_contain (f, accented));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);

  /* A building: exactly its residents. */
  harbour = count_in_building (f, "Harbour Court");
  g_assert_cmpuint (harbour, >, 0);
  type_query (f, "harbour court");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, harbour);

  /* Every word must occur: a building and a first name. */
  query = g_strdup_printf ("%s %s", hcc_resident_get_first_name (accented), hcc_room_get_number (room));
  type_query (f, query);
  g_assert_true (rows_contain (f, accented));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <=, 6);

  /* Nothing matches: an honest empty result; clearing shows all again. */
  type_query (f, "zzqqxx");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  type_query (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, total);
}

static gboolean
validity_read (gpointer data)
{
  Fixture *f = data;
  const char *from, *until;

  _concierge_residents_view_get_validity (f->view, &from, &until);
  return g_strcmp0 (from, "Reading…") != 0 && g_strcmp0 (until, "Reading…") != 0;
}

static void
person_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(HccResident **) user_data = hcc_directory_get_person_finish (HCC_CLIENT (source), result, NULL);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static GPtrArray *requests_to (Fixture    *f,
                               const char *path);

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HccResident) resident = find_accented (f);
  g_autofree char *name = NULL;
  GListModel *rooms = hcc_resident_get_rooms (resident);
  GtkListBox *list = _concierge_residents_view_get_rooms_list (f->view);
  guint n_rows = 0;
  GtkWidget *row;

  /* A search that hides the resident is cleared to show them. */
  type_query (f, "zzqqxx");
  concierge_residents_view_show_resident (f->view, hcc_resident_get_id (resident));

  name = g_strdup_printf ("%s %s", hcc_resident_get_first_name (resident), hcc_resident_get_last_name (resident));
  g_assert_cmpstr (gtk_label_get_label (_concierge_residents_view_get_details_name (f->view)), ==, name);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, n_rows);
      g_autofree char *label = _concierge_resident_room_label (room);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, label);
      /* The building is named with the room. */
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "·"));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (rooms));
  g_assert_cmpuint (n_rows, >, 0);

  /* The list has no dates (person/search gives none): the details read
   * them for the resident shown, with persons/get, and show them. */
  {
    g_autoptr(HccResident) person = NULL;
    g_autoptr(GPtrArray) gets = NULL;
    g_autoptr(GDateTime) local_start = NULL;
    g_autoptr(GDateTime) local_end = NULL;
    g_autofree char *start_year = NULL;
    g_autofree char *end_year = NULL;
    const char *from, *until;
    gboolean asked = FALSE;

    g_assert_true (hcc_test_wait_until (validity_read, f, TIMEOUT_MS));
    _concierge_residents_view_get_validity (f->view, &from, &until);

    hcc_directory_get_person_async (concierge_session_get_client (f->test->session),
                                    hcc_resident_get_id (resident), NULL, person_read_cb, &person);
    g_assert_true (hcc_test_wait_until (is_set, &person, TIMEOUT_MS));
    g_assert_nonnull (hcc_resident_get_start_time (person));
    g_assert_nonnull (hcc_resident_get_end_time (person));
    local_start = g_date_time_to_local (hcc_resident_get_start_time (person));
    local_end = g_date_time_to_local (hcc_resident_get_end_time (person));
    start_year = g_date_time_format (local_start, "%Y");
    end_year = g_date_time_format (local_end, "%Y");
    g_assert_nonnull (strstr (from, start_year));
    g_assert_nonnull (strstr (until, end_year));

    gets = requests_to (f, "/person/v1/persons/get");
    for (guint i = 0; i < gets->len; i++)
      asked |= g_strcmp0 (hcc_test_json_get_string (gets->pdata[i], "personId"),
                          hcc_resident_get_id (resident)) == 0;
    g_assert_true (asked);
  }
}

/* The bodies the sim received on @path (suffix), oldest first. */
static GPtrArray *
requests_to (Fixture    *f,
             const char *path)
{
  g_autoptr(JsonNode) reply = NULL;
  GPtrArray *bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonNode *requests;
  guint http = 0;

  reply = hcc_test_sim_control (f->test->sim, "GET", "/control/requests", NULL, &http);
  g_assert_cmpuint (http, ==, 200);
  requests = hcc_test_json_get (reply, "requests");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (requests));

  for (guint i = 0; i < json_array_get_length (json_node_get_array (requests)); i++)
    {
      JsonObject *request = json_array_get_object_element (json_node_get_array (requests), i);

      if (g_str_has_suffix (json_object_get_string_member (request, "path"), path) &&
          json_object_has_member (request, "body"))
        g_ptr_array_add (bodies, json_node_copy (json_object_get_member (request, "body")));
    }
  return bodies;
}

typedef struct {
  Fixture    *f;
  const char *person_id;
} Gone;

static gboolean
resident_gone (gpointer data)
{
  Gone *gone = data;

  return concierge_directory_lookup_resident (gone->f->directory, gone->person_id) == NULL;
}

/* A resident with exactly one room, not @other. */
static HccResident *
find_single_room (Fixture    *f,
                  const char *other)
{
  GListModel *residents = concierge_directory_get_residents (f->directory);

  for (guint i = 0; i < g_list_model_get_n_items (residents); i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (residents, i);
      g_autoptr(HccRoom) room = NULL;

      if (g_list_model_get_n_items (hcc_resident_get_rooms (resident)) != 1 ||
          g_strcmp0 (hcc_resident_get_id (resident), other) == 0)
        continue;

      room = g_list_model_get_item (hcc_resident_get_rooms (resident), 0);
      if (hcc_room_get_account_type (room) == 0)
        return g_steal_pointer (&resident);
    }
  return NULL;
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HccResident) first = NULL;
  g_autoptr(HccResident) second = NULL;
  g_autoptr(HccRoom) room = NULL;
  g_autofree char *room_label = NULL;
  g_autofree char *leave_label = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autoptr(GPtrArray) unlinks = NULL;
  g_autoptr(GPtrArray) deletes = NULL;
  AdwMessageDialog *dialog;
  JsonNode *ids;
  Gone gone = { f, NULL };

  /* Family members, so no room loses its householder. */
  first = find_single_room (f, NULL);
  g_assert_nonnull (first);
  first_id = g_strdup (hcc_resident_get_id (first));
  second = find_single_room (f, first_id);
  g_assert_nonnull (second);
  second_id = g_strdup (hcc_resident_get_id (second));

  /* One room: both operations, named for what they do. */
  concierge_residents_view_show_resident (f->view, first_id);
  dialog = ADW_MESSAGE_DIALOG (_concierge_residents_view_remove (f->view));
  room = g_list_model_get_item (hcc_resident_get_rooms (first), 0);
  room_label = _concierge_resident_room_label (room);
  leave_label = g_strdup_printf ("_Remove from %s", room_label);
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "unlink"), ==, leave_label);
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "delete"), ==, "_Delete Person");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stays"));
  adw_message_dialog_response (dialog, "unlink");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gone.person_id = first_id;
  g_assert_true (hcc_test_wait_until (resident_gone, &gone, TIMEOUT_MS));
  unlinks = requests_to (f, "/vims/v1/person/delete");
  g_assert_cmpuint (unlinks->len, ==, 1);
  ids = hcc_test_json_get (unlinks->pdata[0], "deleteList");
  g_assert_nonnull (ids);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (ids), 0), ==, first_id);
  deletes = requests_to (f, "/person/v1/persons/delete");
  g_assert_cmpuint (deletes->len, ==, 0);
  g_clear_pointer (&deletes, g_ptr_array_unref);

  /* Deleting the person: the other endpoint, with the ID as the guide
   * wants it (a string). */
  concierge_residents_view_show_resident (f->view, second_id);
  dialog = ADW_MESSAGE_DIALOG (_concierge_residents_view_remove (f->view));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gone.person_id = second_id;
  g_assert_true (hcc_test_wait_until (resident_gone, &gone, TIMEOUT_MS));
  deletes = requests_to (f, "/person/v1/persons/delete");
  g_assert_cmpuint (deletes->len, ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (deletes->pdata[0], "personId"), ==, second_id);
  g_clear_pointer (&unlinks, g_ptr_array_unref);
  unlinks = requests_to (f, "/vims/v1/person/delete");
  g_assert_cmpuint (unlinks->len, ==, 1);
}

static gboolean
refreshed (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

typedef struct {
  Fixture    *f;
  const char *person_id;
  guint       n_rooms;
} RoomCount;

static gboolean
has_n_rooms (gpointer data)
{
  RoomCount *count = data;
  HccResident *resident = concierge_directory_lookup_resident (count->f->directory, count->person_id);

  return resident != NULL && g_list_model_get_n_items (hcc_resident_get_rooms (resident)) == count->n_rooms;
}

static void
test_leave_room (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HccResident) resident = find_single_room (f, NULL);
  g_autoptr(HccRoom) first = g_list_model_get_item (hcc_resident_get_rooms (resident), 0);
  g_autofree char *person_id = g_strdup (hcc_resident_get_id (resident));
  g_autofree char *token = hcc_test_sim_login (f->test->sim);
  g_autofree char *body = NULL;
  g_autofree char *request = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) person = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GDateTime) sent_end = NULL;
  GListModel *rooms = concierge_directory_get_rooms (f->directory);
  g_autoptr(HccRoom) second = NULL;
  AdwMessageDialog *dialog;
  JsonNode *room_list;
  RoomCount count = { f, person_id, 2 };
  g_autoptr(GDateTime) end_time = NULL;
  g_autofree char *end_iso = NULL;
  g_autoptr(GPtrArray) unlinks = NULL;
  gint64 end_ms;
  guint http = 0;

  /* Someone at another desk links the resident to a second flat. */
  for (guint i = 0; i < g_list_model_get_n_items (rooms) && second == NULL; i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      if (hcc_room_get_person_amount (room) > 0 && hcc_room_get_person_amount (room) < 5 &&
          g_strcmp0 (hcc_room_get_id (room), hcc_room_get_id (first)) != 0)
        second = g_steal_pointer (&room);
    }
  g_assert_nonnull (second);
  request = g_strdup_printf ("{\"personId\":\"%s\"}", person_id);
  person = hcc_test_sim_api (f->test->sim, "/person/v1/persons/get", token, request, &http);
  end_ms = hcc_test_json_get (person, "data.personInfo.endDate") != NULL ?
           hcc_test_json_get_int (person, "data.personInfo.endDate") :
           hcc_test_json_get_int (person, "Data.personInfo.endDate");
  g_assert_cmpint (end_ms, >, 0);
  end_time = g_date_time_new_from_unix_utc (end_ms / 1000);
  end_iso = g_date_time_format_iso8601 (end_time);
  body = g_strdup_printf ("{\"personBaseInfo\":{\"id\":\"%s\",\"firstName\":\"%s\",\"lastName\":\"%s\","
                          "\"gender\":2,\"email\":\"%s\",\"startDate\":\"2020-01-01T00:00:00+00:00\","
                          "\"endDate\":\"%s\"},"
                          "\"roomList\":[{\"roomId\":\"%s\",\"buildId\":\"%s\",\"areaId\":\"-1\",\"accountType\":0},"
                          "{\"roomId\":\"%s\",\"buildId\":\"%s\",\"areaId\":\"-1\",\"accountType\":0}]}",
                          person_id, hcc_resident_get_first_name (resident), hcc_resident_get_last_name (resident),
                          hcc_resident_get_email (resident), end_iso,
                          hcc_room_get_id (first), hcc_room_get_building_id (first),
                          hcc_room_get_id (second), hcc_room_get_building_id (second));
  reply = hcc_test_sim_api (f->test->sim, "/vims/v1/person/update", token, body, &http);
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "0");
  hcc_test_sim_control (f->test->sim, "DELETE", "/control/requests", NULL, NULL);

  concierge_directory_refresh_async (f->directory, NULL, refresh_cb, &result);
  g_assert_true (hcc_test_wait_until (refreshed, &result, TIMEOUT_MS));
  g_assert_true (concierge_directory_refresh_finish (f->directory, result, NULL));
  g_assert_true (has_n_rooms (&count));

  /* Leaving the second flat keeps the first: one room is sent, with the
   * validity the platform has, not a default. */
  concierge_residents_view_show_resident (f->view, person_id);
  dialog = ADW_MESSAGE_DIALOG (_concierge_residents_view_remove_from_room (f->view, hcc_room_get_id (second)));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "delete"));
  adw_message_dialog_response (dialog, "leave");
  gtk_window_destroy (GTK_WINDOW (dialog));

  count.n_rooms = 1;
  g_assert_true (hcc_test_wait_until (has_n_rooms, &count, TIMEOUT_MS));
  updates = requests_to (f, "/vims/v1/person/update");
  g_assert_cmpuint (updates->len, ==, 1);
  room_list = hcc_test_json_get (updates->pdata[0], "roomList");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (room_list)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (room_list), 0),
                                                  "roomId"), ==, hcc_room_get_id (first));
  sent_end = hcc_time_parse (hcc_test_json_get_string (updates->pdata[0], "personBaseInfo.endDate"));
  g_assert_cmpint (ABS (g_date_time_to_unix (sent_end) * 1000 - end_ms), <, 1000);
  unlinks = requests_to (f, "/vims/v1/person/delete");
  g_assert_cmpuint (unlinks->len, ==, 0);
}

/* Screenshots for a human to look at, when CONCIERGE_SCREENSHOT_DIR is set. */

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HccResident) resident = NULL;
  GtkWindow *editor;

  if (g_getenv ("CONCIERGE_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("CONCIERGE_SCREENSHOT_DIR is not set");
      return;
    }

  resident = find_accented (f);
  concierge_residents_view_show_resident (f->view, hcc_resident_get_id (resident));
  test_views_screenshots (f->window, "residents-1024");
  type_query (f, "harbour");
  test_views_screenshot (f->window, "residents-search-dark.png", TRUE);
  gtk_window_set_default_size (f->window, 1920, 1080);
  test_views_screenshot (f->window, "residents-1920-light.png", FALSE);
  gtk_window_set_default_size (f->window, 600, 700);
  test_views_screenshot (f->window, "residents-narrow-light.png", FALSE);

  editor = concierge_resident_editor_new_edit (f->test->session, resident);
  gtk_window_set_transient_for (editor, f->window);
  gtk_window_present (editor);
  gtk_editable_set_text (_concierge_resident_editor_get_entry (CONCIERGE_RESIDENT_EDITOR (editor), "email"), "not-an-address");
  test_views_screenshots (editor, "editor");
  gtk_window_destroy (editor);

  concierge_residents_view_show_resident (f->view, hcc_resident_get_id (resident));
  editor = _concierge_residents_view_remove (f->view);
  g_assert_nonnull (editor);
  test_views_screenshot (editor, "remove-dark.png", TRUE);
  gtk_window_destroy (editor);
}

static void
test_no_session (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = concierge_residents_view_new ();

  gtk_window_set_child (window, view);
  gtk_window_present (window);
  g_assert_cmpstr (_concierge_residents_view_get_page (CONCIERGE_RESIDENTS_VIEW (view)), ==, "empty");
  g_assert_null (concierge_residents_view_get_session (CONCIERGE_RESIDENTS_VIEW (view)));
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/residents-view/no-session", test_no_session);
  g_test_add ("/residents-view/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  g_test_add ("/residents-view/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/residents-view/details", Fixture, NULL, fixture_setup, test_details, fixture_teardown);
  g_test_add ("/residents-view/remove", Fixture, NULL, fixture_setup, test_remove, fixture_teardown);
  g_test_add ("/residents-view/leave-room", Fixture, NULL, fixture_setup, test_leave_room, fixture_teardown);
  g_test_add ("/residents-view/screenshots", Fixture, NULL, fixture_setup, test_screenshots, fixture_teardown);

  return g_test_run ();
}
