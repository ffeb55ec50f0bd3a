/* test-call-actions.c: the call app actions and the call notifier against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actions are activated through the application's GActionGroup, as a
 * notification button, a D-Bus caller or a shortcut would; the tests check
 * what the platform received and what the window shows. The notifier sends
 * through GIO's freedesktop backend to a stub org.freedesktop.Notifications
 * owned by this process on the test bus, which records what it got.
 */

#include "concierge-call-notifier-private.h"
#include "test-calls-common.h"

/* The stub notification server */

typedef struct {
  GDBusConnection *bus;
  guint            owner_id;
  guint            registration_id;
  gboolean         owned;
  GPtrArray       *summaries;     /* (element-type utf8): Notify summaries */
  GPtrArray       *bodies;        /* (element-type utf8) */
  GPtrArray       *actions;       /* (element-type utf8): action keys joined by "," */
  guint            next_id;
  guint            n_closed;
} StubServer;

static const char stub_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

static void
stub_method_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  StubServer *stub = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary = NULL;
      const char *body = NULL;
      g_autofree const char **actions = NULL;
      g_autofree char *joined = NULL;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, NULL, NULL, &summary, &body,
                     &actions, NULL, NULL);
      joined = g_strjoinv (",", (char **) actions);
      g_ptr_array_add (stub->summaries, g_strdup (summary));
      g_ptr_array_add (stub->bodies, g_strdup (body));
      g_ptr_array_add (stub->actions, g_steal_pointer (&joined));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++stub->next_id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      stub->n_closed++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "stub", "test", "1", "1.2"));
    }
}

static void
stub_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((StubServer *) user_data)->owned = TRUE;
}

static gboolean
stub_owned (gpointer data)
{
  return ((StubServer *) data)->owned;
}

static StubServer *
stub_server_new (void)
{
  static const GDBusInterfaceVTable vtable = { stub_method_cb, NULL, NULL, { 0 } };
  StubServer *stub = g_new0 (StubServer, 1);
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  stub->summaries = g_ptr_array_new_with_free_func (g_free);
  stub->bodies = g_ptr_array_new_with_free_func (g_free);
  stub->actions = g_ptr_array_new_with_free_func (g_free);
  stub->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  info = g_dbus_node_info_new_for_xml (stub_xml, &error);
  g_assert_no_error (error);
  stub->registration_id =
    g_dbus_connection_register_object (stub->bus, "/org/freedesktop/Notifications",
                                       info->interfaces[0], &vtable, stub, NULL, &error);
  g_assert_no_error (error);
  stub->owner_id = g_bus_own_name_on_connection (stub->bus, "org.freedesktop.Notifications",
                                                 G_BUS_NAME_OWNER_FLAGS_NONE,
                                                 stub_acquired_cb, NULL, stub, NULL);
  g_assert_true (hcc_test_wait_until (stub_owned, stub, TIMEOUT_MS));

  return stub;
}

static void
stub_server_free (StubServer *stub)
{
  g_bus_unown_name (stub->owner_id);
  g_dbus_connection_unregister_object (stub->bus, stub->registration_id);
  g_object_unref (stub->bus);
  g_ptr_array_unref (stub->summaries);
  g_ptr_array_unref (stub->bodies);
  g_ptr_array_unref (stub->actions);
  g_free (stub);
}

/* Fixture */

typedef struct {
  CallsFixture f;
} Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  calls_fixture_setup (&fixture->f, GPOINTER_TO_UINT (data) + 70);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  calls_fixture_teardown (&fixture->f);
}

static void
activate (CallsFixture *f,
          const char   *name,
          const char   *record_id)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), name,
                                  record_id != NULL ? g_variant_new_string (record_id) : NULL);
}

static char *
inject_id (CallsFixture *f,
           guint         room)
{
  g_autoptr(JsonNode) reply = calls_inject (f, NULL, room);
  g_autofree char *record_id = g_strdup (hcc_test_json_get_string (reply, "record_id"));

  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_RINGING);
  return g_steal_pointer (&record_id);
}

static guint
n_sim_actions (CallsFixture *f)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (f->ts->sim, "GET", "/control/calls", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_length (json_node_get_array (hcc_test_json_get (reply, "actions")));
}

static gboolean
toast_shown (gpointer data)
{
  return _concierge_calls_view_get_last_toast (((CallsFixture *) data)->view) != NULL;
}

/* Every action is on the application, with its parameter type, and the
 * shortcuts are bound to the targetless ones. */
static void
test_installed (Fixture       *fixture,
                gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  const char *targeted[] = { "answer", "decline", "hang-up", "silence", "open-door", "show-call" };
  const struct { const char *action, *accel; } keys[] = {
    { "app.answer-next", "<Control>Return" },
    { "app.decline-next", "<Control>d" },
    { "app.hang-up-current", "<Control>h" },
    { "app.silence-all", "<Control>m" },
    { "app.open-door-current", "<Control>o" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targeted); i++)
    {
      const GVariantType *type = g_action_group_get_action_parameter_type (G_ACTION_GROUP (f->app),
                                                                           targeted[i]);

      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), targeted[i]));
      g_assert_true (g_variant_type_equal (type, G_VARIANT_TYPE_STRING));
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (f->app, keys[i].action);

      g_assert_cmpuint (g_strv_length (accels), ==, 1);
      g_assert_cmpstr (accels[0], ==, keys[i].accel);
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), keys[i].action + 4));
    }

  /* Dropping the actions object takes its actions away. */
  g_clear_object (&f->actions);
  g_assert_false (g_action_group_has_action (G_ACTION_GROUP (f->app), "answer"));
  f->actions = concierge_call_actions_new (f->app);
}

/* answer, hang-up and decline send 1, 3 and 2 for the right recordIds;
 * answer opens the call on the Calls page. */
static void
test_answer_hang_up_decline (Fixture       *fixture,
                             gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autofree char *first = inject_id (f, 0);
  g_autofree char *second = inject_id (f, 101);

  activate (f, "answer", first);
  calls_wait_sim_statuses (f, first, "1");
  calls_wait_state (f, first, CONCIERGE_QUEUED_CALL_ANSWERED);
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "call");
  g_assert_cmpstr (g_ptr_array_index (f->shown_views, 0), ==, "calls");
  g_assert_true (concierge_queued_call_get_call (concierge_call_view_get_call (_concierge_calls_view_get_call_view (f->view))) ==
                 concierge_queued_call_get_call (concierge_call_queue_lookup (calls_queue (f), first)));

  activate (f, "hang-up", first);
  calls_wait_sim_statuses (f, first, "13");

  activate (f, "decline", second);
  calls_wait_sim_statuses (f, second, "2");
  calls_wait_state (f, second, CONCIERGE_QUEUED_CALL_DECLINED);
  g_assert_cmpuint (n_sim_actions (f), ==, 3);
}

/* Silence is local: nothing goes to the platform, the ring stops. */
static void
test_silence (Fixture       *fixture,
              gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autofree char *record_id = inject_id (f, 0);

  g_assert_true (concierge_call_queue_get_ringing (calls_queue (f)));
  activate (f, "silence", record_id);
  g_assert_cmpint (concierge_queued_call_get_state (concierge_call_queue_lookup (calls_queue (f), record_id)),
                   ==, CONCIERGE_QUEUED_CALL_SILENCED);
  g_assert_false (concierge_call_queue_get_ringing (calls_queue (f)));
  g_assert_cmpuint (n_sim_actions (f), ==, 0);
}

/* open-door unlocks exactly the call's door when it has one; with several
 * it shows the call so the operator picks, and sends nothing. */
static void
test_open_door (Fixture       *fixture,
                gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autofree char *record_id = inject_id (f, 0);
  ConciergeQueuedCall *call = concierge_call_queue_lookup (calls_queue (f), record_id);
  const char * const *doors = concierge_queued_call_get_door_ids (call);
  g_autofree char *sent = NULL;

  calls_clear_requests (f);
  activate (f, "open-door", record_id);

  if (g_strv_length ((char **) doors) == 1)
    {
      g_autofree char *expected = g_strdup_printf ("%s unlocked",
                                                   concierge_queued_call_get_door_names (call)[0]);

      g_assert_true (hcc_test_wait_until (toast_shown, f, TIMEOUT_MS));
      g_assert_cmpstr (_concierge_calls_view_get_last_toast (f->view), ==, expected);
      sent = calls_sim_door_requests (f);
      g_assert_cmpstr (sent, ==, doors[0]);
    }
  else
    {
      g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "call");
      sent = calls_sim_door_requests (f);
      g_assert_cmpstr (sent, ==, "");
    }
}

/* Actions on unknown or finished calls do nothing, quietly. */
static void
test_unknown_and_finished (Fixture       *fixture,
                           gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autofree char *record_id = inject_id (f, 0);

  activate (f, "answer", "123456789012345678");
  activate (f, "decline", "123456789012345678");
  activate (f, "hang-up", "123456789012345678");
  activate (f, "silence", "123456789012345678");
  activate (f, "open-door", "123456789012345678");
  activate (f, "show-call", "123456789012345678");
  /* Hang up needs an answered call. */
  activate (f, "hang-up", record_id);
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "queue");

  calls_control (f, record_id, "cancel");
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_MISSED);
  activate (f, "answer", record_id);
  activate (f, "decline", record_id);

  /* Let anything that would have been sent arrive. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_sim_actions (f), ==, 0);
  g_assert_null (_concierge_calls_view_get_last_toast (f->view));
}

/* The keyboard's actions pick the oldest ringing call, or the answered one. */
static void
test_targetless (Fixture       *fixture,
                 gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autofree char *first = inject_id (f, 0);
  g_autofree char *second = inject_id (f, 101);
  g_autofree char *sent = NULL;
  const char * const *doors;

  activate (f, "answer-next", NULL);
  calls_wait_sim_statuses (f, first, "1");
  calls_wait_state (f, first, CONCIERGE_QUEUED_CALL_ANSWERED);

  /* Open door acts on the call being talked to. */
  doors = concierge_queued_call_get_door_ids (concierge_call_queue_lookup (calls_queue (f), first));
  calls_clear_requests (f);
  activate (f, "open-door-current", NULL);
  if (g_strv_length ((char **) doors) == 1)
    {
      g_assert_true (hcc_test_wait_until (toast_shown, f, TIMEOUT_MS));
      sent = calls_sim_door_requests (f);
      g_assert_cmpstr (sent, ==, doors[0]);
    }
  else
    {
      g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "call");
      g_assert_true (concierge_queued_call_get_call (concierge_call_view_get_call (_concierge_calls_view_get_call_view (f->view))) ==
                     concierge_queued_call_get_call (concierge_call_queue_lookup (calls_queue (f), first)));
    }

  activate (f, "hang-up-current", NULL);
  calls_wait_sim_statuses (f, first, "13");

  activate (f, "silence-all", NULL);
  g_assert_cmpint (concierge_queued_call_get_state (concierge_call_queue_lookup (calls_queue (f), second)),
                   ==, CONCIERGE_QUEUED_CALL_SILENCED);

  /* A silenced call still waits at the door: decline-next reaches it. */
  activate (f, "decline-next", NULL);
  calls_wait_sim_statuses (f, second, "2");
}

/* show-call opens the call on the Calls page. */
static void
test_show_call (Fixture       *fixture,
                gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autofree char *record_id = inject_id (f, 0);

  activate (f, "show-call", record_id);
  g_assert_cmpstr (_concierge_calls_view_get_page (f->view), ==, "call");
  g_assert_cmpstr (g_ptr_array_index (f->shown_views, 0), ==, "calls");
  g_assert_cmpuint (n_sim_actions (f), ==, 0);
}

/* When the platform refuses (the device gave up while the desk did not
 * know yet), the reason shows in a toast and the call says what happened. */
static void
test_error_toast (Fixture       *fixture,
                  gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autofree char *record_id = inject_id (f, 0);

  hcc_event_stream_stop (concierge_session_get_event_stream (f->ts->session));
  calls_control (f, record_id, "cancel");
  activate (f, "answer", record_id);

  g_assert_true (hcc_test_wait_until (toast_shown, f, TIMEOUT_MS));
  g_assert_true (g_str_has_prefix (_concierge_calls_view_get_last_toast (f->view),
                                   "Could not answer the call: "));
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_MISSED);
}

/* Notifications */

typedef struct {
  StubServer *stub;
  guint       n;
} StubWait;

static gboolean
stub_has_notifications (gpointer data)
{
  StubWait *wait = data;

  return wait->stub->summaries->len >= wait->n;
}

static void
roundtrip_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* GIO's backend can only close a notification once it has the reply to
 * Notify. Replies come back in order, so the reply to a later call to the
 * bus means the Notify reply has been handled. */
static void
stub_roundtrip (StubServer *stub)
{
  gboolean done = FALSE;

  g_dbus_connection_call (stub->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "GetId", NULL, NULL, G_DBUS_CALL_FLAGS_NONE,
                          -1, NULL, roundtrip_cb, &done);
  g_assert_true (hcc_test_wait_until (flag_set, &done, TIMEOUT_MS));
}

static gboolean
stub_has_closed (gpointer data)
{
  StubWait *wait = data;

  return wait->stub->n_closed >= wait->n;
}

/* A call that rings while no window has the focus is notified (title,
 * body, Answer and Open Door buttons) and withdrawn when it stops ringing;
 * with the focus on the desk's window nothing is sent. */
static void
test_notifier (Fixture       *fixture,
               gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  StubServer *stub = stub_server_new ();
  g_autoptr(ConciergeCallNotifier) notifier = concierge_call_notifier_new (f->app);
  g_autoptr(JsonNode) injected = NULL;
  g_autofree char *record_id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) notified = NULL;
  StubWait wait = { stub, 1 };

  concierge_call_notifier_set_session (notifier, f->ts->session);
  _concierge_call_notifier_set_focus_override (notifier, 0);

  injected = calls_inject (f, NULL, 0);
  record_id = g_strdup (hcc_test_json_get_string (injected, "record_id"));
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_RINGING);

  notified = _concierge_call_notifier_dup_notified (notifier);
  g_assert_cmpuint (g_strv_length (notified), ==, 1);
  g_assert_cmpstr (notified[0], ==, record_id);
  title = g_strdup_printf ("Door call from %s", hcc_test_json_get_string (injected, "device_name"));
  g_assert_cmpstr (_concierge_call_notifier_get_last_title (notifier), ==, title);
  g_assert_cmpstr (_concierge_call_notifier_get_last_body (notifier), ==, "Call to the desk");

  /* It really went out, with the buttons. */
  g_assert_true (hcc_test_wait_until (stub_has_notifications, &wait, TIMEOUT_MS));
  g_assert_cmpstr (g_ptr_array_index (stub->summaries, 0), ==, title);
  g_assert_nonnull (strstr (g_ptr_array_index (stub->actions, 0), "Answer"));
  g_assert_nonnull (strstr (g_ptr_array_index (stub->actions, 0), "Open Door"));
  stub_roundtrip (stub);

  /* Answered elsewhere: the notification goes. */
  calls_control (f, record_id, "answer-elsewhere");
  calls_wait_state (f, record_id, CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE);
  g_assert_cmpuint (_concierge_call_notifier_get_n_withdrawn (notifier), ==, 1);
  g_clear_pointer (&notified, g_strfreev);
  notified = _concierge_call_notifier_dup_notified (notifier);
  g_assert_cmpuint (g_strv_length (notified), ==, 0);
  g_assert_true (hcc_test_wait_until (stub_has_closed, &wait, TIMEOUT_MS));

  /* With the desk's window focused, a ringing call needs no notification. */
  _concierge_call_notifier_set_focus_override (notifier, 1);
  second = inject_id (f, 0);
  g_assert_cmpuint (_concierge_call_notifier_get_n_sent (notifier), ==, 1);

  concierge_call_notifier_set_session (notifier, NULL);
  g_clear_object (&notifier);
  stub_server_free (stub);
}

/* Silencing a notified call withdraws it too: it no longer rings here. */
static void
test_notifier_silence (Fixture       *fixture,
                       gconstpointer  data)
{
  CallsFixture *f = &fixture->f;
  g_autoptr(ConciergeCallNotifier) notifier = concierge_call_notifier_new (f->app);
  StubServer *stub = stub_server_new ();
  g_autofree char *record_id = NULL;
  StubWait wait = { stub, 1 };

  concierge_call_notifier_set_session (notifier, f->ts->session);
  _concierge_call_notifier_set_focus_override (notifier, 0);
  record_id = inject_id (f, 0);
  g_assert_cmpuint (_concierge_call_notifier_get_n_sent (notifier), ==, 1);
  g_assert_true (hcc_test_wait_until (stub_has_notifications, &wait, TIMEOUT_MS));
  stub_roundtrip (stub);

  activate (f, "silence", record_id);
  g_assert_cmpuint (_concierge_call_notifier_get_n_withdrawn (notifier), ==, 1);
  g_assert_true (hcc_test_wait_until (stub_has_closed, &wait, TIMEOUT_MS));

  concierge_call_notifier_set_session (notifier, NULL);
  g_clear_object (&notifier);
  stub_server_free (stub);
}

/* The shortcuts window loads cleanly (GTK warns, fatally here, about any
 * unknown property) and lists every call shortcut with the accelerator the
 * application binds (test_installed pins those). */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/hccdesk/Concierge/concierge-shortcuts.ui");
  GObject *window = gtk_builder_get_object (builder, "help_overlay");
  const char *expected[] = { "<Control>Return", "<Control>d", "<Control>h", "<Control>m",
                             "<Control>o", "<Control>question" };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_ptr_array_add (found, g_steal_pointer (&accelerator));
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (found, expected[i], g_str_equal, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, seed) \
  g_test_add ("/call-actions/" path, Fixture, GUINT_TO_POINTER (seed), setup, func, teardown)

  g_test_add_func ("/call-actions/help-overlay", test_help_overlay);
  ADD ("installed", test_installed, 1);
  ADD ("answer-hang-up-decline", test_answer_hang_up_decline, 2);
  ADD ("silence", test_silence, 3);
  ADD ("open-door", test_open_door, 4);
  ADD ("unknown-and-finished", test_unknown_and_finished, 5);
  ADD ("targetless", test_targetless, 6);
  ADD ("show-call", test_show_call, 7);
  ADD ("error-toast", test_error_toast, 8);
  ADD ("notifier", test_notifier, 9);
  ADD ("notifier-silence", test_notifier_silence, 10);

  return g_test_run ();
}
