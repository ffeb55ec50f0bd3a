/* concierge-preferences-window.c: the desk's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every control is bound straight to its setting, so a change takes effect
 * at once (the session follows the settings) and there is nothing to save.
 */

#define G_LOG_DOMAIN "concierge-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "concierge-preferences-window.h"

struct _ConciergePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSwitch            *muted_switch;
  AdwActionRow         *volume_row;
  GtkAdjustment        *volume_adjustment;
  AdwComboRow          *protocol_row;
  GtkAdjustment        *poll_adjustment;

  GSettings            *settings;   /* (owned) */
};

G_DEFINE_FINAL_TYPE (ConciergePreferencesWindow, concierge_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions are the setting's choices, in order. */
static const char *protocols[] = { "hls", "rtmp" };

static gboolean
protocol_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *protocol = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (protocols); i++) {
    if (g_strcmp0 (protocol, protocols[i]) == 0) {
      g_value_set_uint (value, i);
      return TRUE;
    }
  }

  return FALSE;
}

static GVariant *
protocol_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return g_variant_new_string (protocols[MIN (index, G_N_ELEMENTS (protocols) - 1)]);
}

/* The setting counts milliseconds; people think in seconds. */
static gboolean
poll_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 1000.0);
  return TRUE;
}

static GVariant *
poll_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) (g_value_get_double (value) * 1000.0 + 0.5));
}

static void
concierge_preferences_window_dispose (GObject *object)
{
  ConciergePreferencesWindow *self = CONCIERGE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (concierge_preferences_window_parent_class)->dispose (object);
}

static void
concierge_preferences_window_class_init (ConciergePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concierge_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergePreferencesWindow, muted_switch);
  gtk_widget_class_bind_template_child (widget_class, ConciergePreferencesWindow, volume_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergePreferencesWindow,
                                        volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ConciergePreferencesWindow, protocol_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergePreferencesWindow,
                                        poll_adjustment);
}

static void
concierge_preferences_window_init (ConciergePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
concierge_preferences_window_new (GtkWindow *parent,
                                  GSettings *settings)
{
  ConciergePreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CONCIERGE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "ring-muted", self->muted_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "ring-volume", self->volume_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  /* A muted ring has no volume to set. */
  g_settings_bind (settings, "ring-muted", self->volume_row, "sensitive",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);
  g_settings_bind_with_mapping (settings, "video-protocol", self->protocol_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, protocol_get_mapping,
                                protocol_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (settings, "poll-interval", self->poll_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, poll_get_mapping, poll_set_mapping,
                                NULL, NULL);

  return GTK_WIDGET (self);
}
