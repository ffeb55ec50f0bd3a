/* test-resident-editor.c: the add/edit dialog against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-resident-editor"

#include <adwaita.h>

#include "concierge-resident-editor-private.h"
#include "concierge-test-session.h"

#define TIMEOUT_MS 30000

typedef struct {
  ConciergeTestSession *test;
  ConciergeDirectory   *directory;
  GtkWindow            *parent;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->test = concierge_test_session_new (23, 0, 100);
  g_assert_true (concierge_test_session_wait_directory (f->test, TIMEOUT_MS));
  f->directory = concierge_session_get_directory (f->test->session);
  g_assert_null (concierge_directory_get_refresh_error (f->directory));

  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->parent);
  concierge_test_session_free (f->test);
}

static ConciergeResidentEditor *
present (Fixture   *f,
         GtkWindow *window)
{
  gtk_window_set_transient_for (window, f->parent);
  gtk_window_present (window);
  /* The test holds its own reference: a saved editor destroys itself. */
  return CONCIERGE_RESIDENT_EDITOR (g_object_ref (window));
}

static void
type (ConciergeResidentEditor *editor,
      const char              *field,
      const char              *text)
{
  GtkEditable *entry = _concierge_resident_editor_get_entry (editor, field);

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
}

static gboolean
save_sensitive (ConciergeResidentEditor *editor)
{
  return gtk_widget_get_sensitive (_concierge_resident_editor_get_save (editor));
}

/* The bodies the sim received on @path (suffix), oldest first. */
static GPtrArray *
requests_to (Fixture    *f,
             const char *path,
             GPtrArray  *codes)
{
  g_autoptr(JsonNode) reply = NULL;
  GPtrArray *bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonArray *requests;
  guint http = 0;

  reply = hcc_test_sim_control (f->test->sim, "GET", "/control/requests", NULL, &http);
  g_assert_cmpuint (http, ==, 200);
  requests = json_node_get_array (hcc_test_json_get (reply, "requests"));

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if (!g_str_has_suffix (json_object_get_string_member (request, "path"), path))
        continue;
      g_ptr_array_add (bodies, json_node_copy (json_object_get_member (request, "body")));
      if (codes != NULL)
        g_ptr_array_add (codes, g_strdup (json_object_get_string_member_with_default (request, "error_code", "")));
    }
  return bodies;
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ConciergeResidentEditor) editor = present (f, concierge_resident_editor_new_add (f->test->session));
  GListModel *rooms = concierge_directory_get_rooms (f->directory);
  g_autoptr(HccRoom) room = g_list_model_get_item (rooms, 0);
  g_autofree char *long_name = g_strnfill (129, 'x');

  /* An empty form cannot be saved, and says why about the rooms. */
  g_assert_false (save_sensitive (editor));
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "roomList"), ==, "Choose at least one room.");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "firstName"), ==, "");

  /* Messages appear under the field as the text is typed. */
  type (editor, "firstName", "Ana");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "firstName"), ==, "");
  type (editor, "firstName", long_name);
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "firstName"), ==,
                   "The first name can have at most 128 characters.");
  type (editor, "firstName", "");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "firstName"), ==, "Enter a first name.");
  type (editor, "firstName", "Ana");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "firstName"), ==, "");

  type (editor, "lastName", "Łukasiewicz");
  type (editor, "email", "ana.example.com");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "email"), ==, "The e-mail address is not valid.");
  type (editor, "email", "ana@example.com");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "email"), ==, "");
  type (editor, "phone", "+351 21x");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "phone"), ==, "The phone number is not valid.");
  /* Both messages at once, each under its own field. */
  type (editor, "email", "ana@");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "email"), ==, "The e-mail address is not valid.");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "phone"), ==, "The phone number is not valid.");
  g_assert_false (save_sensitive (editor));
  type (editor, "email", "ana@example.com");
  type (editor, "phone", "+351 213 000 111");
  g_assert_false (save_sensitive (editor));

  /* A room makes it complete. */
  g_assert_true (_concierge_resident_editor_add_room (editor, hcc_room_get_id (room)));
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "roomList"), ==, "");
  g_assert_true (save_sensitive (editor));

  gtk_window_close (GTK_WINDOW (editor));
}

/* A room nobody lives in. */
static HccRoom *
find_empty_room (Fixture *f)
{
  GListModel *rooms = concierge_directory_get_rooms (f->directory);

  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      if (hcc_room_get_person_amount (room) == 0)
        return g_steal_pointer (&room);
    }
  return NULL;
}

static gboolean
not_saving (gpointer data)
{
  return !_concierge_resident_editor_get_saving (data);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HccRoom) room = find_empty_room (f);
  g_autoptr(ConciergeResidentEditor) editor = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) adds = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *token = NULL;
  g_autofree char *body = NULL;
  guint http = 0;

  g_assert_nonnull (room);
  editor = present (f, concierge_resident_editor_new_for_room (f->test->session, room));
  type (editor, "firstName", "Zoë");
  type (editor, "lastName", "Ærøskøbing");
  type (editor, "email", "zoe@example.com");
  type (editor, "phone", "+45 11 22 33 44");
  g_assert_true (save_sensitive (editor));

  /* Meanwhile someone else moves a householder into the flat, so the
   * platform refuses a second one (VMS038011). */
  token = hcc_test_sim_login (f->test->sim);
  body = g_strdup_printf ("{\"personBaseInfo\":{\"firstName\":\"Other\",\"lastName\":\"Desk\","
                          "\"gender\":2,\"email\":\"other@example.com\","
                          "\"startDate\":\"2026-01-01T00:00:00+00:00\",\"endDate\":\"2030-01-01T00:00:00+00:00\"},"
                          "\"roomList\":[{\"roomId\":\"%s\",\"buildId\":\"%s\",\"areaId\":\"%s\",\"accountType\":1}]}",
                          hcc_room_get_id (room), hcc_room_get_building_id (room),
                          hcc_room_get_area_id (room) != NULL ? hcc_room_get_area_id (room) : "-1");
  reply = hcc_test_sim_api (f->test->sim, "/vims/v1/person/add", token, body, &http);
  g_assert_cmpuint (http, ==, 200);
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "0");

  g_signal_emit_by_name (_concierge_resident_editor_get_save (editor), "clicked");
  g_assert_true (_concierge_resident_editor_get_saving (editor));
  g_assert_true (hcc_test_wait_until (not_saving, editor, TIMEOUT_MS));

  /* The platform said no, with its code; the dialog is still open with
   * everything typed, and the reason is next to the rooms. */
  adds = requests_to (f, "/vims/v1/person/add", codes);
  g_assert_cmpuint (adds->len, ==, 2);
  g_assert_cmpstr (codes->pdata[1], ==, "VMS038011");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_null (concierge_resident_editor_get_saved (editor));
  g_assert_cmpstr (gtk_editable_get_text (_concierge_resident_editor_get_entry (editor, "firstName")), ==, "Zoë");
  g_assert_cmpstr (gtk_editable_get_text (_concierge_resident_editor_get_entry (editor, "lastName")), ==, "Ærøskøbing");
  g_assert_cmpstr (gtk_editable_get_text (_concierge_resident_editor_get_entry (editor, "email")), ==, "zoe@example.com");
  g_assert_cmpstr (gtk_editable_get_text (_concierge_resident_editor_get_entry (editor, "phone")), ==, "+45 11 22 33 44");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, "roomList"), ==,
                   "The room already has a householder, or needs one first.");
  g_assert_cmpstr (_concierge_resident_editor_get_message (editor, NULL), ==, "");
  /* The user may try again at once. */
  g_assert_true (save_sensitive (editor));

  gtk_window_close (GTK_WINDOW (editor));
}

/* A family member of one room, and another room with a householder and
 * space, where they can join as family too. */
static HccResident *
find_family_member (Fixture  *f,
                    HccRoom **other_room)
{
  GListModel *residents = concierge_directory_get_residents (f->directory);
  GListModel *rooms = concierge_directory_get_rooms (f->directory);
  g_autoptr(HccResident) found = NULL;
  g_autofree char *room_id = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (residents) && found == NULL; i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (residents, i);
      g_autoptr(HccRoom) room = NULL;

      if (g_list_model_get_n_items (hcc_resident_get_rooms (resident)) != 1)
        continue;
      room = g_list_model_get_item (hcc_resident_get_rooms (resident), 0);
      if (hcc_room_get_account_type (room) == 0)
        {
          room_id = g_strdup (hcc_room_get_id (room));
          found = g_steal_pointer (&resident);
        }
    }
  g_assert_nonnull (found);

  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      if (hcc_room_get_person_amount (room) > 0 && hcc_room_get_person_amount (room) < 5 &&
          g_strcmp0 (hcc_room_get_id (room), room_id) != 0)
        {
          *other_room = g_steal_pointer (&room);
          return g_steal_pointer (&found);
        }
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
save_ready (gpointer data)
{
  return gtk_widget_get_sensitive (_concierge_resident_editor_get_save (data));
}

static gboolean
editor_gone (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static GStrv
room_ids_of (JsonNode *body)
{
  JsonNode *list = hcc_test_json_get (body, "roomList");
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonObject *room = json_array_get_object_element (json_node_get_array (list), i);

      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (room, "roomId")));
    }
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static void
test_two_rooms (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HccRoom) second = NULL;
  g_autoptr(HccResident) resident = find_family_member (f, &second);
  g_autoptr(HccRoom) first = g_list_model_get_item (hcc_resident_get_rooms (resident), 0);
  g_autofree char *person_id = g_strdup (hcc_resident_get_id (resident));
  g_autoptr(ConciergeResidentEditor) editor = NULL;
  g_autoptr(ConciergeResidentEditor) again = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_auto(GStrv) sent = NULL;
  HccResident *cached;
  gint64 end_ms;

  /* What the platform holds as the end of the validity. */
  {
    g_autofree char *token = hcc_test_sim_login (f->test->sim);
    g_autofree char *request = g_strdup_printf ("{\"personId\":\"%s\"}", person_id);
    g_autoptr(JsonNode) reply = hcc_test_sim_api (f->test->sim, "/person/v1/persons/get", token, request, NULL);

    end_ms = hcc_test_json_get (reply, "data.personInfo.endDate") != NULL ?
             hcc_test_json_get_int (reply, "data.personInfo.endDate") :
             hcc_test_json_get_int (reply, "Data.personInfo.endDate");
    g_assert_cmpint (end_ms, >, 0);
  }

  /* The resident moves into a second flat as well. */
  editor = present (f, concierge_resident_editor_new_edit (f->test->session, resident));
  g_assert_true (_concierge_resident_editor_add_room (editor, hcc_room_get_id (second)));
  /* Save waits for the validity, which person/search does not give. */
  g_assert_false (save_sensitive (editor));
  g_assert_true (hcc_test_wait_until (save_ready, editor, TIMEOUT_MS));
  g_signal_emit_by_name (_concierge_resident_editor_get_save (editor), "clicked");
  g_assert_true (hcc_test_wait_until (editor_gone, editor, TIMEOUT_MS));
  g_assert_nonnull (concierge_resident_editor_get_saved (editor));

  /* The directory knows both rooms now. */
  cached = concierge_directory_lookup_resident (f->directory, person_id);
  g_assert_nonnull (cached);
  g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (cached)), ==, 2);

  /* An edit of the phone alone still sends both rooms, or the platform
   * would drop one (person/update replaces the links). */
  again = present (f, concierge_resident_editor_new_edit (f->test->session, cached));
  type (again, "phone", "+48 600 100 200");
  g_assert_true (hcc_test_wait_until (save_ready, again, TIMEOUT_MS));
  g_signal_emit_by_name (_concierge_resident_editor_get_save (again), "clicked");
  g_assert_true (hcc_test_wait_until (editor_gone, again, TIMEOUT_MS));

  updates = requests_to (f, "/vims/v1/person/update", NULL);
  g_assert_cmpuint (updates->len, ==, 2);
  g_assert_cmpstr (hcc_test_json_get_string (updates->pdata[1], "personBaseInfo.phone"), ==, "+48 600 100 200");
  g_assert_cmpstr (hcc_test_json_get_string (updates->pdata[1], "personBaseInfo.id"), ==, person_id);
  /* The validity sent is the one the platform had, not a default. */
  g_assert_cmpstr (hcc_test_json_get_string (updates->pdata[1], "personBaseInfo.endDate"), ==,
                   hcc_test_json_get_string (updates->pdata[0], "personBaseInfo.endDate"));
  {
    g_autoptr(GDateTime) sent_end = hcc_time_parse (hcc_test_json_get_string (updates->pdata[0],
                                                                              "personBaseInfo.endDate"));

    g_assert_nonnull (sent_end);
    /* The pickers keep minutes, the platform milliseconds. */
    g_assert_cmpint (ABS (g_date_time_to_unix (sent_end) * 1000 - end_ms), <, 60000);
  }
  sent = room_ids_of (updates->pdata[1]);
  g_assert_cmpuint (g_strv_length (sent), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) sent, hcc_room_get_id (first)));
  g_assert_true (g_strv_contains ((const char * const *) sent, hcc_room_get_id (second)));

  cached = concierge_directory_lookup_resident (f->directory, person_id);
  g_assert_cmpstr (hcc_resident_get_phone (cached), ==, "+48 600 100 200");
}

static GtkSpinButton *
spin_button (ConciergeResidentEditor *editor,
             const char              *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (editor), CONCIERGE_TYPE_RESIDENT_EDITOR,
                                                  name);

  g_assert_true (GTK_IS_SPIN_BUTTON (child));
  return GTK_SPIN_BUTTON (child);
}

/* The validity's minutes read like a clock: "00", "05", never "0", "5". */
static void
test_minutes_two_digits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ConciergeResidentEditor) editor = present (f, concierge_resident_editor_new_add (f->test->session));
  GtkSpinButton *minutes[] = { spin_button (editor, "start_minute"), spin_button (editor, "end_minute") };
  static const struct {
    int         value;
    const char *shown;
  } cases[] = {
    { 0, "00" }, { 5, "05" }, { 9, "09" }, { 10, "10" }, { 59, "59" },
  };

  /* A new resident's validity ends at 23:59. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minutes[1])), ==, "59");

  for (guint m = 0; m < G_N_ELEMENTS (minutes); m++)
    {
      GtkEditable *text = GTK_EDITABLE (minutes[m]);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          gtk_spin_button_set_value (minutes[m], cases[i].value);
          g_assert_cmpstr (gtk_editable_get_text (text), ==, cases[i].shown);
        }

      /* Typed as one digit, it is read and then shown with two. */
      gtk_editable_set_text (text, "7");
      gtk_spin_button_update (minutes[m]);
      g_assert_cmpint (gtk_spin_button_get_value_as_int (minutes[m]), ==, 7);
      g_assert_cmpstr (gtk_editable_get_text (text), ==, "07");

      /* Stepping past the end wraps round, still with two digits. */
      gtk_spin_button_set_value (minutes[m], 59);
      gtk_spin_button_spin (minutes[m], GTK_SPIN_STEP_FORWARD, 1);
      g_assert_cmpstr (gtk_editable_get_text (text), ==, "00");
    }

  gtk_window_close (GTK_WINDOW (editor));
}

static void
test_escape_cancels (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ConciergeResidentEditor) editor = present (f, concierge_resident_editor_new_add (f->test->session));

  /* Escape is bound to window.close, as Cancel is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_null (concierge_resident_editor_get_saved (editor));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/resident-editor/validation", Fixture, NULL, fixture_setup, test_validation, fixture_teardown);
  g_test_add ("/resident-editor/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/resident-editor/two-rooms", Fixture, NULL, fixture_setup, test_two_rooms, fixture_teardown);
  g_test_add ("/resident-editor/escape", Fixture, NULL, fixture_setup, test_escape_cancels, fixture_teardown);
  g_test_add ("/resident-editor/minutes", Fixture, NULL, fixture_setup, test_minutes_two_digits,
              fixture_teardown);

  return g_test_run ();
}
