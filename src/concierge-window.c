/* concierge-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-window"

#include "config.h"

#include <glib/gi18n.h>

#include "concierge-window.h"
#include "hcc-error.h"

struct _ConciergeWindow
{
  AdwApplicationWindow   parent_instance;

  /* Template children. */
  AdwWindowTitle        *window_title;
  GtkLabel              *demo_badge;
  GtkMenuButton         *menu_button;
  AdwStatusPage         *status_page;
  GtkSpinner            *spinner;
  GtkButton             *retry_button;

  GSettings             *settings;      /* (owned) */
  HccClient             *client;        /* (owned) (nullable) */
  GCancellable          *cancellable;   /* (owned) (nullable): the running login */
  ConciergeWindowStatus  status;
  gboolean               demo;
};

G_DEFINE_FINAL_TYPE (ConciergeWindow, concierge_window, ADW_TYPE_APPLICATION_WINDOW)

static void
set_status (ConciergeWindow       *self,
            ConciergeWindowStatus  status,
            const char            *icon_name,
            const char            *title,
            const char            *description)
{
  self->status = status;

  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner),
                          status == CONCIERGE_WINDOW_STATUS_CONNECTING);
  gtk_spinner_set_spinning (self->spinner, status == CONCIERGE_WINDOW_STATUS_CONNECTING);

  /* Retrying only makes sense when there is a client to retry with. */
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          status == CONCIERGE_WINDOW_STATUS_FAILED && self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry",
                                 status == CONCIERGE_WINDOW_STATUS_FAILED && self->client != NULL);
}

static void
show_setup (ConciergeWindow *self)
{
  adw_window_title_set_subtitle (self->window_title, _("Not Connected"));
  set_status (self, CONCIERGE_WINDOW_STATUS_SETUP,
              "io.github.hccdesk.Concierge-symbolic",
              _("Connect to Your Site"),
              _("Start Concierge with the --demo option to try it with a built-in demo site, "
                "or set HCC_APP_KEY and HCC_SECRET_KEY to the keys of your Hik-Connect for Teams "
                "account and start it again."));
}

static const char *
server_name (ConciergeWindow *self)
{
  const char *url = NULL;

  if (self->client != NULL)
    url = hcc_client_get_server_url (self->client);

  return url != NULL && *url != '\0' ? url : _("the server");
}

static void
show_connected (ConciergeWindow *self)
{
  g_autofree char *description = NULL;
  const char *user_id = hcc_client_get_user_id (self->client);

  if (user_id == NULL || *user_id == '\0')
    user_id = _("unknown");

  /* Translators: the first %s is a server address, the second a numeric user ID. */
  description = g_strdup_printf (_("Connected to %s as user %s."), server_name (self), user_id);

  if (self->demo) {
    g_autofree char *plain = g_steal_pointer (&description);

    description = g_strconcat (plain, "\n\n",
                               _("This is the built-in demo site: its residents, doors and calls "
                                 "are made up."),
                               NULL);
  }

  set_status (self, CONCIERGE_WINDOW_STATUS_CONNECTED, "emblem-ok-symbolic",
              _("Connected"), description);
}

static void
show_login_error (ConciergeWindow *self,
                  const GError    *error)
{
  g_autofree char *description = NULL;
  const char *title = _("Cannot Connect");
  const char *icon_name = "network-offline-symbolic";

  g_debug ("Login failed: %s", error->message);

  if (g_error_matches (error, HCC_ERROR, HCC_ERROR_AUTH) ||
      g_error_matches (error, HCC_ERROR, HCC_ERROR_PERMISSION)) {
    title = _("Keys Rejected");
    icon_name = "dialog-password-symbolic";
    /* Translators: %s is a server address. */
    description = g_strdup_printf (_("The keys were rejected by %s. Check the AppKey and "
                                     "SecretKey of your site; Hikvision support issues them."),
                                   server_name (self));
  } else if (g_error_matches (error, HCC_ERROR, HCC_ERROR_TLS) ||
             error->domain == G_TLS_ERROR) {
    icon_name = "channel-insecure-symbolic";
    /* Translators: %s is a server address. */
    description = g_strdup_printf (_("The certificate of %s was refused, so the connection "
                                     "would not be private. Check the server address."),
                                   server_name (self));
  } else if (g_error_matches (error, HCC_ERROR, HCC_ERROR_TRANSPORT) ||
             g_error_matches (error, HCC_ERROR, HCC_ERROR_TIMEOUT) ||
             error->domain == G_IO_ERROR ||
             error->domain == G_RESOLVER_ERROR) {
    /* Translators: %s is a server address. */
    description = g_strdup_printf (_("The server cannot be reached at %s. Check the network "
                                     "connection and the server address."),
                                   server_name (self));
  } else if (g_error_matches (error, HCC_ERROR, HCC_ERROR_RATE_LIMITED)) {
    description = g_strdup (_("The server is busy. Try again in a moment."));
  } else {
    /* Translators: %s is the server's own explanation, in English. */
    description = g_strdup_printf (_("The server refused to sign in (%s)."), error->message);
  }

  set_status (self, CONCIERGE_WINDOW_STATUS_FAILED, icon_name, title, description);
}

static void
client_state_changed_cb (ConciergeWindow *self)
{
  const char *subtitle = _("Not Connected");

  g_assert (CONCIERGE_IS_WINDOW (self));

  switch (hcc_client_get_state (self->client)) {
  case HCC_CLIENT_STATE_DISCONNECTED:
    subtitle = _("Not Connected");
    break;
  case HCC_CLIENT_STATE_CONNECTING:
    subtitle = _("Connecting…");
    break;
  case HCC_CLIENT_STATE_ONLINE:
    subtitle = _("Online");
    break;
  case HCC_CLIENT_STATE_OFFLINE:
    subtitle = _("Offline");
    break;
  case HCC_CLIENT_STATE_AUTH_FAILED:
    subtitle = _("Keys Rejected");
    break;
  default:
    break;
  }

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ConciergeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  HccClient *client = HCC_CLIENT (source);
  gboolean ok;

  ok = hcc_client_login_finish (client, result, &error);

  /* A newer login or the window's dispose replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || client != self->client)
    return;

  if (ok)
    show_connected (self);
  else
    show_login_error (self, error);

  client_state_changed_cb (self);
}

static void
start_login (ConciergeWindow *self)
{
  g_autofree char *description = NULL;

  g_assert (self->client != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Translators: %s is a server address. */
  description = g_strdup_printf (_("Signing in to %s"), server_name (self));
  set_status (self, CONCIERGE_WINDOW_STATUS_CONNECTING, "network-transmit-receive-symbolic",
              _("Connecting…"), description);
  adw_window_title_set_subtitle (self->window_title, _("Connecting…"));

  hcc_client_login_async (self->client, self->cancellable, login_cb, g_object_ref (self));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (widget);

  if (self->client != NULL)
    start_login (self);
}

static gboolean
concierge_window_close_request (GtkWindow *window)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

  if (self->settings == NULL)
    return GTK_WINDOW_CLASS (concierge_window_parent_class)->close_request (window);

  /* The restored size, not the maximized one, is what the next start wants. */
  if (!maximized) {
    int width, height;

    gtk_window_get_default_size (window, &width, &height);
    g_settings_set_int (self->settings, "window-width", width);
    g_settings_set_int (self->settings, "window-height", height);
  }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  return GTK_WINDOW_CLASS (concierge_window_parent_class)->close_request (window);
}

static void
concierge_window_dispose (GObject *object)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The application keeps the client alive: stop hearing from it now, not
   * only at finalize, so no notification reaches a half-disposed window. */
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, client_state_changed_cb, self);
  g_clear_object (&self->client);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_WINDOW);

  G_OBJECT_CLASS (concierge_window_parent_class)->dispose (object);
}

static void
concierge_window_finalize (GObject *object)
{
  ConciergeWindow *self = CONCIERGE_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (concierge_window_parent_class)->finalize (object);
}

static void
concierge_window_class_init (ConciergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = concierge_window_dispose;
  object_class->finalize = concierge_window_finalize;
  window_class->close_request = concierge_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ConciergeWindow, retry_button);

  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
}

static void
concierge_window_init (ConciergeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  show_setup (self);
}

ConciergeWindow *
concierge_window_new (GtkApplication *application,
                      GSettings      *settings)
{
  ConciergeWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CONCIERGE_TYPE_WINDOW,
                       "application", application,
                       NULL);
  self->settings = g_object_ref (settings);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (settings, "window-width")),
                               MAX (360, g_settings_get_int (settings, "window-height")));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  return self;
}

void
concierge_window_set_demo (ConciergeWindow *self,
                           gboolean         demo)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));

  self->demo = !!demo;
  gtk_widget_set_visible (GTK_WIDGET (self->demo_badge), self->demo);
}

gboolean
concierge_window_get_demo (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), FALSE);

  return self->demo;
}

void
concierge_window_set_client (ConciergeWindow *self,
                             HccClient       *client)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));
  g_return_if_fail (client == NULL || HCC_IS_CLIENT (client));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, client_state_changed_cb, self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  g_set_object (&self->client, client);

  if (self->client == NULL) {
    show_setup (self);
    return;
  }

  g_signal_connect_object (self->client, "notify::state",
                           G_CALLBACK (client_state_changed_cb), self, G_CONNECT_SWAPPED);
  start_login (self);
}

HccClient *
concierge_window_get_client (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return self->client;
}

void
concierge_window_show_busy (ConciergeWindow *self,
                            const char      *description)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));

  set_status (self, CONCIERGE_WINDOW_STATUS_CONNECTING, "network-transmit-receive-symbolic",
              _("Connecting…"), description);
  adw_window_title_set_subtitle (self->window_title, _("Connecting…"));
}

void
concierge_window_show_failure (ConciergeWindow *self,
                               const char      *title,
                               const char      *description)
{
  g_return_if_fail (CONCIERGE_IS_WINDOW (self));

  set_status (self, CONCIERGE_WINDOW_STATUS_FAILED, "dialog-error-symbolic", title, description);
  adw_window_title_set_subtitle (self->window_title, _("Not Connected"));
}

ConciergeWindowStatus
concierge_window_get_status (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), CONCIERGE_WINDOW_STATUS_SETUP);

  return self->status;
}

AdwStatusPage *
concierge_window_get_status_page (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return self->status_page;
}

const char *
concierge_window_get_subtitle (ConciergeWindow *self)
{
  g_return_val_if_fail (CONCIERGE_IS_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->window_title);
}
