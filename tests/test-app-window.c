/* test-app-window.c: the main window signs in, says what happened, and shows the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-app-window"

#include "config.h"

#include <adwaita.h>

#include "concierge-application.h"
#include "concierge-window.h"
#include "hcc-client.h"
#include "hcc-credentials.h"
#include "hcc-sim.h"

#include <glib/gstdio.h>

/* Generous: the demo site builds its world and the client signs in over HTTP. */
#define WAIT_TIMEOUT_S 30

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_status (ConciergeWindow       *window,
                 ConciergeWindowStatus  status)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timed_out_cb, &timed_out);

  while (concierge_window_get_status (window) != status && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_cmpint (concierge_window_get_status (window), ==, status);
}

static void
wait_for_subtitle (ConciergeWindow *window,
                   const char      *subtitle)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timed_out_cb, &timed_out);

  while (g_strcmp0 (concierge_window_get_subtitle (window), subtitle) != 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_cmpstr (concierge_window_get_subtitle (window), ==, subtitle);
}

static GSettings *
new_settings (void)
{
  return g_settings_new (CONCIERGE_SCHEMA_ID);
}

static void
destroy_window (ConciergeWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Finds the entry row titled @title (mnemonic included) below @widget. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_row (child, title);

    if (found != NULL)
      return found;
  }

  return NULL;
}

/* Finds the button whose label is @label below @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_button (child, label);

    if (found != NULL)
      return found;
  }

  return NULL;
}

static void
test_window_setup (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  ConciergeWindow *window = concierge_window_new (NULL, settings);
  GtkWidget *page = GTK_WIDGET (concierge_window_get_setup_page (window));
  GtkWidget *connect = find_button (page, "_Connect");
  GtkWidget *server = find_row (page, "_Server Address");
  AdwComboRow *region = ADW_COMBO_ROW (find_row (page, "_Region"));

  gtk_window_present (GTK_WINDOW (window));

  /* Without demo, server or keys the window asks for the site's keys. */
  g_assert_cmpint (concierge_window_get_status (window), ==, CONCIERGE_WINDOW_STATUS_SETUP);
  g_assert_true (gtk_widget_is_drawable (page));
  g_assert_cmpstr (concierge_window_get_subtitle (window), ==, "Not Connected");
  g_assert_false (concierge_window_get_demo (window));
  g_assert_nonnull (find_button (page, "_Try the Demo"));

  /* Connect waits for both keys; the server field only shows for a custom server. */
  g_assert_false (gtk_widget_get_sensitive (connect));
  g_assert_false (gtk_widget_get_visible (server));
  gtk_editable_set_text (GTK_EDITABLE (find_row (page, "_AppKey")), "an-app-key");
  g_assert_false (gtk_widget_get_sensitive (connect));
  gtk_editable_set_text (GTK_EDITABLE (find_row (page, "S_ecretKey")), "a-secret-key");
  g_assert_true (gtk_widget_get_sensitive (connect));

  /* A custom server that is not an address says so as it is typed. */
  adw_combo_row_set_selected (region, 6);
  g_assert_true (gtk_widget_get_visible (server));
  g_assert_false (gtk_widget_get_sensitive (connect));
  gtk_editable_set_text (GTK_EDITABLE (server), "example dot com");
  g_assert_false (gtk_widget_get_sensitive (connect));
  g_assert_true (gtk_widget_has_css_class (server, "error"));
  gtk_editable_set_text (GTK_EDITABLE (server), "https://example.com");
  g_assert_true (gtk_widget_get_sensitive (connect));
  g_assert_false (gtk_widget_has_css_class (server, "error"));

  destroy_window (window);
}

/* Runs the real application with @argv until its window shows the connected
 * page (or, with @run->want_setup, the page that says how to connect), and
 * keeps what the window showed. */
typedef struct {
  gboolean               want_setup;
  char                  *server;
  char                  *user_id;
  char                  *subtitle;
  gboolean               demo;
  guint                  hidden_windows;
  gboolean               timed_out;
  guint                  poll_id;
  guint                  timeout_id;
} AppRun;

static void
app_run_clear (AppRun *run)
{
  g_clear_pointer (&run->server, g_free);
  g_clear_pointer (&run->user_id, g_free);
  g_clear_pointer (&run->subtitle, g_free);
}

/* Toplevels that exist but are not shown. */
static guint
count_hidden_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint hidden = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    hidden += !gtk_widget_get_visible (l->data);

  return hidden;
}

static gboolean
app_poll_cb (gpointer user_data)
{
  GApplication *app = user_data;
  AppRun *run = g_object_get_data (G_OBJECT (app), "run");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  ConciergeWindow *concierge;

  if (!CONCIERGE_IS_WINDOW (window) ||
      concierge_window_get_status (CONCIERGE_WINDOW (window)) !=
      (run->want_setup ? CONCIERGE_WINDOW_STATUS_SETUP : CONCIERGE_WINDOW_STATUS_CONNECTED))
    return G_SOURCE_CONTINUE;

  concierge = CONCIERGE_WINDOW (window);
  /* Connected means the desk is up: wait until the event stream is too. */
  if (!run->want_setup &&
      g_strcmp0 (concierge_window_get_subtitle (concierge), "Online") != 0)
    return G_SOURCE_CONTINUE;

  if (!run->want_setup) {
    HccClient *client = concierge_session_get_client (concierge_window_get_session (concierge));

    run->server = g_strdup (hcc_client_get_server_url (client));
    run->user_id = g_strdup (hcc_client_get_user_id (client));
  }
  run->subtitle = g_strdup (concierge_window_get_subtitle (concierge));
  run->demo = concierge_window_get_demo (concierge);
  run->hidden_windows = count_hidden_windows ();
  run->poll_id = 0;
  g_application_quit (app);

  return G_SOURCE_REMOVE;
}

static gboolean
app_timeout_cb (gpointer user_data)
{
  GApplication *app = user_data;
  AppRun *run = g_object_get_data (G_OBJECT (app), "run");

  run->timed_out = TRUE;
  run->timeout_id = 0;
  g_application_quit (app);

  return G_SOURCE_REMOVE;
}

static ConciergeApplication *
run_app (char   **argv,
         AppRun  *run)
{
  g_autoptr(ConciergeApplication) app = NULL;
  int status;

  app = concierge_application_new ("io.github.hccdesk.Concierge.Test",
                                   G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "run", run);
  run->poll_id = g_timeout_add (20, app_poll_cb, app);
  run->timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_S, app_timeout_cb, app);

  status = g_application_run (G_APPLICATION (app), g_strv_length (argv), argv);

  g_clear_handle_id (&run->poll_id, g_source_remove);
  g_clear_handle_id (&run->timeout_id, g_source_remove);
  g_assert_false (run->timed_out);
  g_assert_cmpint (status, ==, 0);

  return g_steal_pointer (&app);
}

/* The same path as `concierge --demo`: options, simulator thread, login. */
static void
test_app_demo (void)
{
  g_autoptr(ConciergeApplication) app = NULL;
  char *argv[] = { (char *) "concierge", (char *) "--demo", NULL };
  AppRun run = { 0 };

  app = run_app (argv, &run);

  g_assert_true (g_str_has_prefix (run.server, "http://127.0.0.1:"));
  g_assert_nonnull (run.user_id);
  g_assert_cmpstr (run.subtitle, ==, "Online");
  g_assert_true (run.demo);
  /* No window is kept hidden, above all no shortcuts window: GTK 4.8's
   * AT-SPI root crashes the app when a screen reader asks for one. */
  g_assert_cmpuint (run.hidden_windows, ==, 0);

  /* Ctrl+Q quits, Ctrl+W closes the window. */
  {
    GtkApplication *gtk_app = GTK_APPLICATION (app);
    g_auto(GStrv) quit_accels = gtk_application_get_accels_for_action (gtk_app, "app.quit");
    g_auto(GStrv) close_accels = gtk_application_get_accels_for_action (gtk_app, "window.close");

    g_assert_true (g_strv_contains ((const char * const *) quit_accels, "<Control>q"));
    g_assert_true (g_strv_contains ((const char * const *) close_accels, "<Control>w"));
  }

  app_run_clear (&run);
}

static GtkWindow *
find_shortcuts_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
no_shortcuts_window (gpointer data)
{
  return find_shortcuts_window () == NULL;
}

/* Ctrl+? shows the shortcuts over the window; closing them destroys them. */
static void
test_window_shortcuts (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  ConciergeWindow *window = concierge_window_new (NULL, settings);
  GtkWindow *shortcuts;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (find_shortcuts_window ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));

  /* Asked again, the same window comes forward. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (find_shortcuts_window () == shortcuts);

  gtk_window_close (shortcuts);
  {
    gboolean timed_out = FALSE;
    guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timed_out_cb, &timed_out);

    while (!no_shortcuts_window (NULL) && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (timeout_id);
  }
  g_assert_null (find_shortcuts_window ());

  gtk_window_destroy (GTK_WINDOW (window));
}

static HccSim *
start_sim (void)
{
  g_autoptr(HccSim) sim = hcc_sim_new (1, 0);
  g_autoptr(GError) error = NULL;

  hcc_sim_set_demo (sim, TRUE);
  g_assert_true (hcc_sim_start (sim, 0, 0, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&sim);
}

static void
test_window_keys_rejected (void)
{
  g_autoptr(HccSim) sim = start_sim ();
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = hcc_sim_dup_base_url (sim);
  ConciergeWindow *window;
  AdwStatusPage *page;

  g_assert_true (hcc_client_set_server_url (client, url, &error));
  g_assert_no_error (error);
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, "not-the-secret-key");

  window = concierge_window_new (NULL, settings);
  page = concierge_window_get_status_page (window);
  gtk_window_present (GTK_WINDOW (window));
  concierge_window_set_client (window, client);
  g_assert_cmpint (concierge_window_get_status (window), ==, CONCIERGE_WINDOW_STATUS_CONNECTING);

  wait_for_status (window, CONCIERGE_WINDOW_STATUS_FAILED);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Keys Rejected");
  g_assert_cmpstr (concierge_window_get_subtitle (window), ==, "Keys Rejected");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (page),
                                   "The keys were rejected by http://127.0.0.1:"));

  /* The operator fixes the keys and presses Try Again. */
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry", NULL));
  wait_for_status (window, CONCIERGE_WINDOW_STATUS_CONNECTED);
  g_assert_nonnull (concierge_window_get_session (window));
  wait_for_subtitle (window, "Online");

  destroy_window (window);
  hcc_sim_stop (sim);
}

static void
test_window_unreachable (void)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) any = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  ConciergeWindow *window;
  AdwStatusPage *page;

  /* A loopback port that was free a moment ago and has no listener now. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  any = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, any, TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  g_assert_true (hcc_client_set_server_url (client, url, &error));
  g_assert_no_error (error);
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);

  window = concierge_window_new (NULL, settings);
  page = concierge_window_get_status_page (window);
  gtk_window_present (GTK_WINDOW (window));
  concierge_window_set_client (window, client);

  wait_for_status (window, CONCIERGE_WINDOW_STATUS_FAILED);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Cannot Connect");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "cannot be reached"));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), url));

  destroy_window (window);
}

static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  ConciergeWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);

  window = concierge_window_new (NULL, settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  /* The user resizes the window, then closes it. */
  gtk_window_set_default_size (GTK_WINDOW (window), 810, 610);
  gtk_window_present (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 810);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* Keys from the environment connect straight away to the --server of this
 * run, and neither they nor the address end up in the settings. */
static void
test_app_keys_from_environment (void)
{
  g_autoptr(HccSim) sim = NULL;
  g_autoptr(ConciergeApplication) app = NULL;
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GVariant) stored_url = NULL;
  g_autofree char *url = NULL;
  AppRun run = { 0 };

  /* Before the simulator's thread exists: setenv is not thread-safe. */
  g_setenv ("HCC_APP_KEY", HCC_SIM_DEMO_APP_KEY, TRUE);
  g_setenv ("HCC_SECRET_KEY", HCC_SIM_DEMO_SECRET_KEY, TRUE);
  sim = start_sim ();
  url = hcc_sim_dup_base_url (sim);

  {
    char *argv[] = { (char *) "concierge", (char *) "--server", url, NULL };

    app = run_app (argv, &run);
  }

  g_assert_cmpstr (run.server, ==, url);
  g_assert_false (run.demo);
  g_assert_cmpstr (run.subtitle, ==, "Online");

  stored_url = g_settings_get_user_value (settings, "server-url");
  g_assert_null (stored_url);

  app_run_clear (&run);
  hcc_sim_stop (sim);
  g_unsetenv ("HCC_APP_KEY");
  g_unsetenv ("HCC_SECRET_KEY");
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Waits for an async result; FALSE when it did not come in time. */
static gboolean
wait_for_result (GAsyncResult **result)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timed_out_cb, &timed_out);

  while (*result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);

  return *result != NULL;
}

/* Keys saved in the keyring for the server connect without the environment;
 * once they are removed, the window says how to connect. */
static void
test_app_saved_keys (void)
{
  g_autoptr(HccSim) sim = NULL;
  g_autoptr(ConciergeApplication) app = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  char *argv[] = { (char *) "concierge", (char *) "--server", NULL, NULL };
  AppRun run = { 0 };

  g_unsetenv ("HCC_APP_KEY");
  g_unsetenv ("HCC_SECRET_KEY");
  sim = start_sim ();
  url = hcc_sim_dup_base_url (sim);
  argv[2] = url;

  /* Only an unlocked keyring answers without a prompt (build-aux/dev.sh
   * sets one up); anywhere else this test cannot run. */
  hcc_credentials_store_async (url, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY, NULL,
                               store_result_cb, &stored);
  if (!wait_for_result (&stored) || !hcc_credentials_store_finish (stored, &error)) {
    hcc_sim_stop (sim);
    g_test_skip ("No unlocked keyring in this session");
    return;
  }

  app = run_app (argv, &run);
  g_assert_cmpstr (run.server, ==, url);
  g_assert_false (run.demo);
  app_run_clear (&run);
  g_clear_object (&app);

  hcc_credentials_clear_async (url, NULL, store_result_cb, &cleared);
  g_assert_true (wait_for_result (&cleared));
  g_assert_true (hcc_credentials_clear_finish (cleared, &error));
  g_assert_no_error (error);

  /* Nothing saved any more: the setup page asks for the keys. */
  memset (&run, 0, sizeof run);
  run.want_setup = TRUE;
  app = run_app (argv, &run);
  g_assert_cmpstr (run.subtitle, ==, "Not Connected");
  app_run_clear (&run);

  hcc_sim_stop (sim);
}

static GtkWidget *
find_entry (GtkWidget  *widget,
            const char *placeholder)
{
  if (GTK_IS_ENTRY (widget) &&
      g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_entry (child, placeholder);

    if (found != NULL)
      return found;
  }

  return NULL;
}

static ConciergeWindow *
connected_window (HccSim    *sim,
                  GSettings *settings)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = hcc_sim_dup_base_url (sim);
  ConciergeWindow *window;

  g_assert_true (hcc_client_set_server_url (client, url, &error));
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);

  window = concierge_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  concierge_window_set_client (window, client);
  wait_for_status (window, CONCIERGE_WINDOW_STATUS_CONNECTED);
  wait_for_subtitle (window, "Online");

  return window;
}

static gboolean
banner_shown (ConciergeWindow *window)
{
  return concierge_connection_banner_get_shown (concierge_window_get_banner (window));
}

/* The desk: views switch, the operator is asked for but never required,
 * and losing the platform shows a banner with a countdown. */
static void
test_window_desk (void)
{
  g_autoptr(HccSim) sim = start_sim ();
  g_autoptr(GSettings) settings = new_settings ();
  ConciergeWindow *window;
  ConciergeSession *session;
  GtkWidget *prompt;
  gboolean timed_out = FALSE;
  guint timeout_id;

  g_settings_set_string (settings, "operator-name", "");
  window = connected_window (sim, settings);
  session = concierge_window_get_session (window);
  g_assert_nonnull (session);
  g_assert_true (concierge_session_get_started (session));

  /* The calls come first; the sidebar's actions switch views. */
  g_assert_cmpstr (concierge_window_get_visible_view (window), ==, "calls");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "doors"));
  g_assert_cmpstr (concierge_window_get_visible_view (window), ==, "doors");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "call-log"));
  g_assert_cmpstr (concierge_window_get_visible_view (window), ==, "call-log");
  for (guint i = 0; i < 7; i++) {
    static const char *names[] = { "calls", "doors", "residents", "rooms", "passes",
                                   "call-log", "door-log" };

    g_assert_nonnull (concierge_window_get_view (window, names[i]));
  }

  /* Nobody on shift: the desk asks, and the answer goes to the settings
   * and to the call queue, which logs it with every action. */
  prompt = find_entry (GTK_WIDGET (window), "Your name, for the logs");
  g_assert_nonnull (prompt);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (prompt,
                                                                                     GTK_TYPE_REVEALER))));
  gtk_editable_set_text (GTK_EDITABLE (prompt), "Alice Example");
  g_signal_emit_by_name (prompt, "activate");
  {
    g_autofree char *stored_name = g_settings_get_string (settings, "operator-name");

    g_assert_cmpstr (stored_name, ==, "Alice Example");
  }
  g_assert_cmpstr (concierge_session_get_operator (session), ==, "Alice Example");
  g_assert_cmpstr (concierge_call_queue_get_operator (concierge_session_get_call_queue (session)),
                   ==, "Alice Example");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (prompt,
                                                                                      GTK_TYPE_REVEALER))));

  /* The platform goes away: the banner says so and counts down. */
  g_assert_false (banner_shown (window));
  hcc_sim_stop (sim);
  timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timed_out_cb, &timed_out);
  while (!banner_shown (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_true (banner_shown (window));
  g_assert_nonnull (strstr (concierge_connection_banner_get_text (concierge_window_get_banner (window)),
                            "Trying again"));
  g_assert_cmpstr (concierge_window_get_subtitle (window), ==, "Offline");

  destroy_window (window);
}

/* The setup page tests the keys before it keeps them, keeps what was
 * typed when they fail, and puts working keys in the keyring only. */
static void
test_setup_page_connects (void)
{
  g_autoptr(HccSim) sim = start_sim ();
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = hcc_sim_dup_base_url (sim);
  g_autofree char *app_key = NULL;
  g_autofree char *secret_key = NULL;
  ConciergeWindow *window;
  ConciergeSetupPage *page;
  GtkWidget *connect;
  gboolean timed_out = FALSE;
  guint timeout_id;

  hcc_credentials_store_async ("https://probe.invalid", "probe", "probe", NULL,
                               store_result_cb, &stored);
  if (!wait_for_result (&stored) || !hcc_credentials_store_finish (stored, &error)) {
    hcc_sim_stop (sim);
    g_test_skip ("No unlocked keyring in this session");
    return;
  }

  window = concierge_window_new (NULL, settings);
  page = concierge_window_get_setup_page (window);
  connect = find_button (GTK_WIDGET (page), "_Connect");
  gtk_window_present (GTK_WINDOW (window));

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (page), "_Region")), 6);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (page), "_Server Address")), url);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (page), "_AppKey")),
                         HCC_SIM_DEMO_APP_KEY);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (page), "S_ecretKey")), "wrong");

  /* Wrong keys: a message, and everything typed is still there. */
  gtk_widget_activate (connect);
  timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_S, timed_out_cb, &timed_out);
  while ((concierge_setup_page_get_busy (page) || concierge_setup_page_get_error (page) == NULL) &&
         !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_nonnull (strstr (concierge_setup_page_get_error (page), "rejected"));
  g_assert_cmpint (concierge_window_get_status (window), ==, CONCIERGE_WINDOW_STATUS_SETUP);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (page), "_AppKey"))),
                   ==, HCC_SIM_DEMO_APP_KEY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (page),
                                                                  "_Server Address"))), ==, url);

  /* The right keys connect, and land in the keyring, not the settings. */
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (page), "S_ecretKey")),
                         HCC_SIM_DEMO_SECRET_KEY);
  gtk_widget_activate (connect);
  wait_for_status (window, CONCIERGE_WINDOW_STATUS_CONNECTED);
  {
    g_autofree char *region = g_settings_get_string (settings, "region");
    g_autofree char *server_url = g_settings_get_string (settings, "server-url");

    g_assert_cmpstr (region, ==, "custom");
    g_assert_cmpstr (server_url, ==, url);
  }

  hcc_credentials_lookup_async (url, NULL, store_result_cb, &found);
  g_assert_true (wait_for_result (&found));
  g_assert_true (hcc_credentials_lookup_finish (found, &app_key, &secret_key, &error));
  g_assert_cmpstr (app_key, ==, HCC_SIM_DEMO_APP_KEY);
  g_assert_cmpstr (secret_key, ==, HCC_SIM_DEMO_SECRET_KEY);

  hcc_credentials_clear_async (url, NULL, store_result_cb, &cleared);
  g_assert_true (wait_for_result (&cleared));
  destroy_window (window);
  hcc_sim_stop (sim);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("test-app-window-XXXXXX", NULL);

  /* The desk's logs and directory cache go to a folder of this run. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("CONCIERGE_AUDIO_SINK", "fakesink", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/window/setup", test_window_setup);
  g_test_add_func ("/app/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/app/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/app/window/unreachable", test_window_unreachable);
  g_test_add_func ("/app/window/keys-rejected-then-retry", test_window_keys_rejected);
  g_test_add_func ("/app/window/demo", test_app_demo);
  g_test_add_func ("/app/window/keys-from-environment", test_app_keys_from_environment);
  g_test_add_func ("/app/window/saved-keys", test_app_saved_keys);
  g_test_add_func ("/app/window/desk", test_window_desk);
  g_test_add_func ("/app/window/setup-connects", test_setup_page_connects);

  return g_test_run ();
}
