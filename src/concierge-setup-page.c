/* concierge-setup-page.c: the first-run page: region or server, keys, a connection test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys are tested by signing in before anything is kept: a desk must
 * not start its shift with keys that do not work. Only then do they go to
 * the keyring (never to settings), and the region to the settings.
 */

#define G_LOG_DOMAIN "concierge-setup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "concierge-setup-page.h"
#include "hcc-credentials.h"

struct _ConciergeSetupPage
{
  AdwBin                parent_instance;

  AdwComboRow          *region_row;
  AdwEntryRow          *server_row;
  AdwEntryRow          *app_key_row;
  AdwPasswordEntryRow  *secret_key_row;
  GtkLabel             *field_label;
  GtkLabel             *error_label;
  GtkButton            *connect_button;
  GtkSpinner           *spinner;

  GSettings            *settings;     /* (owned) (nullable) */
  HccClient            *client;       /* (owned) (nullable): under test */
  GCancellable         *cancellable;  /* (owned) (nullable) */
  char                 *error;
};

G_DEFINE_FINAL_TYPE (ConciergeSetupPage, concierge_setup_page, ADW_TYPE_BIN)

enum {
  CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the combo row; the last one is the custom server. */
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
  { "custom", HCC_REGION_CUSTOM },
};

static gboolean
is_custom (ConciergeSetupPage *self)
{
  return adw_combo_row_get_selected (self->region_row) == G_N_ELEMENTS (regions) - 1;
}

static char *
trimmed_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static void
set_busy (ConciergeSetupPage *self,
          gboolean            busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->region_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->app_key_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->secret_key_row), !busy);
}

static void
show_error (ConciergeSetupPage *self,
            const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Checks the fields as they are typed; the message sits right under them. */
static void
validate (ConciergeSetupPage *self)
{
  g_autofree char *server = trimmed_text (self->server_row);
  g_autofree char *app_key = trimmed_text (self->app_key_row);
  g_autofree char *secret_key = trimmed_text (self->secret_key_row);
  const char *problem = NULL;
  gboolean complete = *app_key != '\0' && *secret_key != '\0';

  gtk_widget_set_visible (GTK_WIDGET (self->server_row), is_custom (self));

  if (is_custom (self)) {
    complete = complete && *server != '\0';
    if (*server != '\0') {
      g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || g_uri_get_host (uri) == NULL ||
          (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
           g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
        problem = _("Give the server’s full address, such as https://example.com.");
    }
  }

  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->server_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");

  gtk_label_set_label (self->field_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->field_label), problem != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button),
                            complete && problem == NULL && self->cancellable == NULL);
}

static char *
describe_error (const GError *error,
                const char   *server)
{
  if (hcc_error_is_keys_refused (error))
    return g_strdup (_("The keys were rejected. Check the AppKey and SecretKey; the site’s "
                       "administrator finds them in the account’s OpenAPI settings."));
  if (hcc_error_is_tls (error))
    /* Translators: %s is a server address. */
    return g_strdup_printf (_("The certificate of %s was refused, so the connection would not "
                              "be private. Check the server address."), server);
  if (hcc_error_is_unreachable (error))
    /* Translators: %s is a server address. */
    return g_strdup_printf (_("%s cannot be reached. Check the network connection and the "
                              "region or server address."), server);

  /* Translators: %s is the server's own explanation. */
  return g_strdup_printf (_("The server refused to sign in: %s"), error->message);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ConciergeSetupPage) self = user_data;
  g_autoptr(HccClient) client = g_steal_pointer (&self->client);
  g_autoptr(GError) error = NULL;

  if (!hcc_credentials_store_finish (result, &error)) {
    if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      return;
    g_clear_object (&self->cancellable);
    set_busy (self, FALSE);
    validate (self);
    g_debug ("Keys not stored: %s", error->message);
    /* The keys work, but the next start would not find them: say so
     * rather than connect and forget them. */
    show_error (self, _("The keys work, but they could not be kept in the keyring. "
                        "Check that a keyring (such as GNOME Keyring) is running and unlocked."));
    return;
  }

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  validate (self);
  g_signal_emit (self, signals[CONNECTED], 0, client);
}

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ConciergeSetupPage) self = user_data;
  HccClient *client = HCC_CLIENT (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *secret_key = NULL;

  if (!hcc_client_login_finish (client, result, &error)) {
    g_autofree char *message = NULL;

    if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      return;

    g_debug ("Connection test failed: %s", error->message);
    message = describe_error (error, hcc_client_get_server_url (client));
    g_clear_object (&self->client);
    g_clear_object (&self->cancellable);
    set_busy (self, FALSE);
    show_error (self, message);
    validate (self);
    return;
  }

  if (self->settings != NULL) {
    guint index = adw_combo_row_get_selected (self->region_row);

    g_settings_set_string (self->settings, "region", regions[index].nick);
    if (is_custom (self)) {
      g_autofree char *server = trimmed_text (self->server_row);

      g_settings_set_string (self->settings, "server-url", server);
    }
  }

  app_key = trimmed_text (self->app_key_row);
  secret_key = trimmed_text (self->secret_key_row);
  hcc_credentials_store_async (hcc_client_get_server_url (client), app_key, secret_key,
                               self->cancellable, stored_cb, g_object_ref (self));
}

static void
connect_clicked_cb (ConciergeSetupPage *self)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *app_key = trimmed_text (self->app_key_row);
  g_autofree char *secret_key = trimmed_text (self->secret_key_row);
  guint index = adw_combo_row_get_selected (self->region_row);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->connect_button)))
    return;

  if (is_custom (self)) {
    g_autofree char *server = trimmed_text (self->server_row);

    if (!hcc_client_set_server_url (client, server, &error)) {
      g_autofree char *message = NULL;

      /* Translators: %s is a technical reason. */
      message = g_strdup_printf (_("This server address cannot be used: %s"), error->message);
      show_error (self, message);
      return;
    }
  } else {
    hcc_client_set_region (client, regions[index].region);
  }
  hcc_client_set_credentials (client, app_key, secret_key);

  show_error (self, NULL);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->client, client);
  set_busy (self, TRUE);
  validate (self);

  hcc_client_login_async (client, self->cancellable, login_cb, g_object_ref (self));
}

static void
entry_activated_cb (ConciergeSetupPage *self)
{
  connect_clicked_cb (self);
}

static void
concierge_setup_page_dispose (GObject *object)
{
  ConciergeSetupPage *self = CONCIERGE_SETUP_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_SETUP_PAGE);

  G_OBJECT_CLASS (concierge_setup_page_parent_class)->dispose (object);
}

static void
concierge_setup_page_finalize (GObject *object)
{
  ConciergeSetupPage *self = CONCIERGE_SETUP_PAGE (object);

  g_free (self->error);

  G_OBJECT_CLASS (concierge_setup_page_parent_class)->finalize (object);
}

static void
concierge_setup_page_class_init (ConciergeSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concierge_setup_page_dispose;
  object_class->finalize = concierge_setup_page_finalize;

  signals[CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, HCC_TYPE_CLIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergeSetupPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergeSetupPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergeSetupPage, app_key_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergeSetupPage, secret_key_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergeSetupPage, field_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeSetupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeSetupPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeSetupPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
}

static void
concierge_setup_page_init (ConciergeSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->region_row, "notify::selected", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->server_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->app_key_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->secret_key_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->secret_key_row, "entry-activated",
                            G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (self->app_key_row, "entry-activated",
                            G_CALLBACK (entry_activated_cb), self);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->server_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->field_label, NULL,
                                  -1);
  validate (self);
}

GtkWidget *
concierge_setup_page_new (void)
{
  return g_object_new (CONCIERGE_TYPE_SETUP_PAGE, NULL);
}

void
concierge_setup_page_set_settings (ConciergeSetupPage *self,
                                   GSettings          *settings)
{
  g_autofree char *region = NULL;
  g_autofree char *server = NULL;

  g_return_if_fail (CONCIERGE_IS_SETUP_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings) || settings == NULL)
    return;

  /* Start from what was chosen last time. */
  region = g_settings_get_string (settings, "region");
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++) {
    if (g_strcmp0 (region, regions[i].nick) == 0)
      adw_combo_row_set_selected (self->region_row, i);
  }
  server = g_settings_get_string (settings, "server-url");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  validate (self);
}

const char *
concierge_setup_page_get_error (ConciergeSetupPage *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SETUP_PAGE (self), NULL);

  return self->error;
}

gboolean
concierge_setup_page_get_busy (ConciergeSetupPage *self)
{
  g_return_val_if_fail (CONCIERGE_IS_SETUP_PAGE (self), FALSE);

  return self->cancellable != NULL;
}
