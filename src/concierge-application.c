/* concierge-application.c: the application, its options and its connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-application"

#include "config.h"

#include <glib/gi18n.h>

#include "concierge-application.h"
#include "concierge-call-actions.h"
#include "concierge-call-notifier.h"
#include "concierge-preferences-window.h"
#include "concierge-window.h"
#include "hcc-client.h"
#include "hcc-credentials.h"
#include "hcc-sim.h"

struct _ConciergeApplication
{
  AdwApplication         parent_instance;

  GSettings             *settings;      /* (owned) */
  ConciergeCallActions  *call_actions;  /* (owned): app.answer and the rest */
  ConciergeCallNotifier *notifier;      /* (owned) */
  HccClient             *client;        /* (owned) (nullable) */
  HccSim                *sim;           /* (owned) (nullable): the --demo site */
  GCancellable          *cancellable;   /* (owned): cancelled at shutdown */
  gboolean               demo;
  gboolean               configured;    /* the first command line was handled */
};

G_DEFINE_FINAL_TYPE (ConciergeApplication, concierge_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Start a simulated demo site and connect to it"), NULL },
  { "server", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Connect to this server address for this run only"), N_("URL") },
  { NULL }
};

/* The call actions and notifications act on the window's session: the one
 * that is signed in, or none. */
static void
window_session_cb (ConciergeApplication *self,
                   GParamSpec           *pspec,
                   ConciergeWindow      *window)
{
  ConciergeSession *session = concierge_window_get_session (window);

  concierge_call_actions_set_session (self->call_actions, session);
  concierge_call_notifier_set_session (self->notifier, session);
}

static ConciergeWindow *
get_window (ConciergeApplication *self)
{
  GtkWindow *window = NULL;

  /* The About window may be the active one; look for ours. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next) {
    if (CONCIERGE_IS_WINDOW (l->data)) {
      window = l->data;
      break;
    }
  }

  if (window == NULL) {
    window = GTK_WINDOW (concierge_window_new (GTK_APPLICATION (self), self->settings));
    g_signal_connect_object (window, "notify::session", G_CALLBACK (window_session_cb), self,
                             G_CONNECT_SWAPPED);
    concierge_window_set_demo (CONCIERGE_WINDOW (window), self->demo);
    if (self->client != NULL)
      concierge_window_set_client (CONCIERGE_WINDOW (window), self->client);
  }

  return CONCIERGE_WINDOW (window);
}

static void
sim_start_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  HccSim *sim = task_data;
  g_autoptr(GError) error = NULL;

  /* The simulator runs on a thread of its own; only binding its sockets and
   * building the demo world happen here, off the main loop. */
  if (!hcc_sim_start (sim, 0, 0, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
sim_started_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ConciergeApplication *self = CONCIERGE_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *control_url = NULL;
  ConciergeWindow *window;

  if (!g_task_propagate_boolean (G_TASK (result), &error)) {
    g_autofree char *description = NULL;

    if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      return;

    g_debug ("Demo site failed to start: %s", error->message);
    /* Translators: %s is a technical reason, in English. */
    description = g_strdup_printf (_("The demo site could not be started (%s)."), error->message);
    concierge_window_show_failure (get_window (self), _("Demo Unavailable"), description);
    return;
  }

  base_url = hcc_sim_dup_base_url (self->sim);
  control_url = hcc_sim_dup_control_url (self->sim);
  /* The control port lets a script ring the demo's door stations
   * (tools/take-screenshots does). */
  g_debug ("Demo site at %s, its control port at %s", base_url, control_url);

  self->client = hcc_client_new ();
  if (!hcc_client_set_server_url (self->client, base_url, &error)) {
    g_autofree char *description = NULL;

    g_clear_object (&self->client);
    description = g_strdup_printf (_("The demo site could not be started (%s)."), error->message);
    concierge_window_show_failure (get_window (self), _("Demo Unavailable"), description);
    return;
  }
  hcc_client_set_credentials (self->client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);

  window = get_window (self);
  concierge_window_set_client (window, self->client);
}

static void
start_demo (ConciergeApplication *self)
{
  g_autoptr(GTask) task = NULL;

  self->demo = TRUE;
  self->sim = hcc_sim_new (1, 0);
  hcc_sim_set_demo (self->sim, TRUE);

  task = g_task_new (self, self->cancellable, sim_started_cb, NULL);
  g_task_set_source_tag (task, start_demo);
  g_task_set_task_data (task, g_object_ref (self->sim), g_object_unref);
  g_task_run_in_thread (task, sim_start_thread);
}

/* A client for --server, or else for the region (or custom address) in the
 * settings; without keys yet. */
static HccClient *
new_client (ConciergeApplication  *self,
            const char            *server,
            GError               **error)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autofree char *region = NULL;

  if (server != NULL)
    return hcc_client_set_server_url (client, server, error) ? g_steal_pointer (&client) : NULL;

  region = g_settings_get_string (self->settings, "region");
  if (g_strcmp0 (region, "custom") == 0) {
    g_autofree char *url = g_settings_get_string (self->settings, "server-url");

    return hcc_client_set_server_url (client, url, error) ? g_steal_pointer (&client) : NULL;
  } else {
    /* The schema's choices are the HccRegion nicks, except "custom". */
    static const struct {
      const char *nick;
      HccRegion   region;
    } regions[] = {
      { "europe", HCC_REGION_EUROPE },
      { "north-america", HCC_REGION_NORTH_AMERICA },
      { "south-america", HCC_REGION_SOUTH_AMERICA },
      { "singapore", HCC_REGION_SINGAPORE },
      { "india", HCC_REGION_INDIA },
      { "russia", HCC_REGION_RUSSIA },
    };

    for (guint i = 0; i < G_N_ELEMENTS (regions); i++) {
      if (g_strcmp0 (region, regions[i].nick) == 0)
        hcc_client_set_region (client, regions[i].region);
    }
  }

  return g_steal_pointer (&client);
}

static void
saved_keys_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HccClient) client = user_data;
  /* The ref taken for the lookup; dropped here so the application and the
   * client it may keep do not hold each other. */
  g_autoptr(ConciergeApplication) self = g_object_steal_data (G_OBJECT (client),
                                                              "concierge-application");
  g_autoptr(GError) error = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *secret_key = NULL;

  if (!hcc_credentials_lookup_finish (result, &app_key, &secret_key, &error)) {
    if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      return;
    /* No keyring (a bare session) is not an error for the user: they see
     * the page that says how to connect. */
    g_debug ("No saved keys: %s", error->message);
  }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (app_key == NULL || secret_key == NULL) {
    concierge_window_set_client (get_window (self), NULL);
    return;
  }

  hcc_client_set_credentials (client, app_key, secret_key);
  g_set_object (&self->client, client);
  concierge_window_set_client (get_window (self), self->client);
}

static void
configure (ConciergeApplication *self,
           gboolean              demo,
           const char           *server,
           const char           *app_key,
           const char           *secret_key)
{
  ConciergeWindow *window;
  g_autoptr(HccClient) client = NULL;
  g_autoptr(GError) error = NULL;

  self->configured = TRUE;

  if (demo) {
    start_demo (self);
    window = get_window (self);
    concierge_window_show_busy (window, _("Starting the demo site"));
    gtk_window_present (GTK_WINDOW (window));
    return;
  }

  client = new_client (self, server, &error);
  window = get_window (self);
  gtk_window_present (GTK_WINDOW (window));

  if (client == NULL) {
    g_autofree char *description = NULL;

    g_debug ("Cannot use the server address: %s", error->message);
    /* Translators: %s is a technical reason, in English. */
    description = g_strdup_printf (_("The server address cannot be used (%s). Give a full "
                                     "address such as https://example.com."), error->message);
    concierge_window_show_failure (window, _("Cannot Connect"), description);
  } else if (app_key != NULL && *app_key != '\0' && secret_key != NULL && *secret_key != '\0') {
    /* Keys from the environment connect straight away and are never stored. */
    hcc_client_set_credentials (client, app_key, secret_key);
    self->client = g_steal_pointer (&client);
    concierge_window_set_client (window, self->client);
  } else if (hcc_client_get_server_url (client) != NULL) {
    g_autofree char *description = NULL;

    /* Keys saved in the keyring for this server connect too; without them
     * the window says how to connect. The pending lookup holds a ref on the
     * application, so its callback never meets a finalized one. */
    g_object_set_data (G_OBJECT (client), "concierge-application", g_object_ref (self));
    /* Translators: %s is a server address. */
    description = g_strdup_printf (_("Looking for the keys of %s in the keyring"),
                                   hcc_client_get_server_url (client));
    concierge_window_show_busy (window, description);
    /* The callback owns the client; the URL is read before handing it over. */
    {
      HccClient *pending = g_steal_pointer (&client);

      hcc_credentials_lookup_async (hcc_client_get_server_url (pending), self->cancellable,
                                    saved_keys_cb, pending);
    }
  }
}

static int
concierge_application_command_line (GApplication            *application,
                                    GApplicationCommandLine *command_line)
{
  ConciergeApplication *self = CONCIERGE_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *server = NULL;
  gboolean demo = FALSE;

  g_variant_dict_lookup (options, "demo", "b", &demo);
  g_variant_dict_lookup (options, "server", "&s", &server);

  /* A second `concierge` while one runs only brings the window back. */
  if (self->configured) {
    gtk_window_present (GTK_WINDOW (get_window (self)));
    return EXIT_SUCCESS;
  }

  configure (self, demo, server,
             g_application_command_line_getenv (command_line, "HCC_APP_KEY"),
             g_application_command_line_getenv (command_line, "HCC_SECRET_KEY"));

  return EXIT_SUCCESS;
}

static void
concierge_application_activate (GApplication *application)
{
  ConciergeApplication *self = CONCIERGE_APPLICATION (application);

  /* D-Bus activation and the desktop file come here without a command line. */
  if (!self->configured)
    configure (self, FALSE, NULL, g_getenv ("HCC_APP_KEY"), g_getenv ("HCC_SECRET_KEY"));
  else
    gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ConciergeApplication *self = user_data;
  static const char *developers[] = { "The Concierge developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_window (self),
                        "application-name", _("Concierge"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Concierge developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Answer door calls, open doors and issue visitor passes "
                                      "on Hik-Connect for Teams."),
                        "website", "https://github.com/hccdesk/concierge",
                        "issue-url", "https://github.com/hccdesk/concierge/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ConciergeApplication *self = user_data;
  GtkWidget *preferences;

  preferences = concierge_preferences_window_new (GTK_WINDOW (get_window (self)), self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* "Try the Demo" on the setup page: the same as `concierge --demo`. */
static void
demo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ConciergeApplication *self = user_data;
  ConciergeWindow *window = get_window (self);

  if (self->sim != NULL)
    return;

  concierge_window_set_demo (window, TRUE);
  concierge_window_show_busy (window, _("Starting the demo site"));
  start_demo (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ConciergeApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows first lets them save their size. */
  for (GList *l = windows; l != NULL;) {
    GtkWindow *window = l->data;

    l = l->next;
    gtk_window_close (window);
  }
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "demo", demo_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
concierge_application_startup (GApplication *application)
{
  ConciergeApplication *self = CONCIERGE_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (concierge_application_parent_class)->startup (application);

  /* Only the primary instance reads settings: `concierge --help` and a second
   * `concierge` that hands over to the running one need no schema. */
  self->settings = g_settings_new (CONCIERGE_SCHEMA_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  self->call_actions = concierge_call_actions_new (GTK_APPLICATION (self));
  self->notifier = concierge_call_notifier_new (GTK_APPLICATION (self));
}

static void
concierge_application_shutdown (GApplication *application)
{
  ConciergeApplication *self = CONCIERGE_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (concierge_application_parent_class)->shutdown (application);
}

static void
concierge_application_dispose (GObject *object)
{
  ConciergeApplication *self = CONCIERGE_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->call_actions);
  g_clear_object (&self->notifier);
  g_clear_object (&self->client);
  /* Joins the simulator's thread; by now the main loop has ended. */
  if (self->sim != NULL)
    hcc_sim_stop (self->sim);
  g_clear_object (&self->sim);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (concierge_application_parent_class)->dispose (object);
}

static void
concierge_application_class_init (ConciergeApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = concierge_application_dispose;
  app_class->command_line = concierge_application_command_line;
  app_class->activate = concierge_application_activate;
  app_class->startup = concierge_application_startup;
  app_class->shutdown = concierge_application_shutdown;
}

static void
concierge_application_init (ConciergeApplication *self)
{
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The front desk for Hik-Connect for Teams."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Set HCC_APP_KEY and HCC_SECRET_KEY to connect "
                                                  "with your site's keys; they are not stored."));
}

ConciergeApplication *
concierge_application_new (const char        *application_id,
                           GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  /* The resource path stays the same for the .Devel ID, so AdwApplication
   * finds style.css and the icons in both builds. */
  return g_object_new (CONCIERGE_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", "/io/github/hccdesk/Concierge",
                       NULL);
}

GSettings *
concierge_application_get_settings (ConciergeApplication *self)
{
  g_return_val_if_fail (CONCIERGE_IS_APPLICATION (self), NULL);

  return self->settings;
}
