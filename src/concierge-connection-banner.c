/* concierge-connection-banner.c: says why the desk is offline and when it retries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 has no AdwBanner, so this is a revealer with the same
 * look: one line of text and a button, across the top of the content. It
 * follows the event stream, because that is what tells whether calls can
 * reach the desk.
 */

#define G_LOG_DOMAIN "concierge-connection-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "concierge-connection-banner.h"

struct _ConciergeConnectionBanner
{
  AdwBin          parent_instance;

  GtkRevealer    *revealer;
  GtkLabel       *label;
  GtkButton      *button;

  HccEventStream *stream;     /* (owned) (nullable) */
  guint           tick_id;
};

G_DEFINE_FINAL_TYPE (ConciergeConnectionBanner, concierge_connection_banner, ADW_TYPE_BIN)

static char *
reason_text (const GError *error)
{
  if (error == NULL)
    return g_strdup (_("The platform cannot be reached."));
  if (hcc_error_is_unreachable (error))
    return g_strdup (_("The platform cannot be reached: calls will not ring here."));
  if (g_error_matches (error, HCC_ERROR, HCC_ERROR_RATE_LIMITED))
    return g_strdup (_("The platform asks the desk to slow down."));
  if (hcc_error_is_tls (error))
    return g_strdup (_("The platform’s certificate was refused."));

  /* Translators: %s is the platform's explanation. */
  return g_strdup_printf (_("The platform refused the desk: %s"), error->message);
}

static gboolean tick_cb (gpointer data);

static void
update (ConciergeConnectionBanner *self)
{
  g_autofree char *text = NULL;
  gboolean shown = FALSE;
  gboolean retry = TRUE;

  if (self->stream != NULL) {
    HccEventStreamState state = hcc_event_stream_get_state (self->stream);
    const GError *error = hcc_event_stream_get_last_error (self->stream);

    switch (state) {
    case HCC_EVENT_STREAM_STATE_OFFLINE: {
      g_autofree char *reason = reason_text (error);
      GDateTime *next = hcc_event_stream_get_next_retry (self->stream);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      gint64 seconds = 0;

      if (next != NULL)
        seconds = MAX (0, (g_date_time_difference (next, now) + G_USEC_PER_SEC - 1) /
                          G_USEC_PER_SEC);
      if (seconds > 0)
        /* Translators: %s is a reason (a sentence); %d a number of seconds. */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Trying again in %d second.",
                                             "%s Trying again in %d seconds.", (gulong) seconds),
                                reason, (int) seconds);
      else
        /* Translators: %s is a reason (a sentence). */
        text = g_strdup_printf (_("%s Trying again…"), reason);
      shown = TRUE;
      break;
    }
    case HCC_EVENT_STREAM_STATE_AUTH_FAILED:
      text = g_strdup (_("The site’s keys were rejected: calls will not ring here. "
                         "Check the AppKey and SecretKey."));
      shown = TRUE;
      break;
    case HCC_EVENT_STREAM_STATE_LAPSED:
      text = g_strdup (_("Reconnecting to the site’s events…"));
      retry = FALSE;
      shown = TRUE;
      break;
    case HCC_EVENT_STREAM_STATE_STOPPED:
    case HCC_EVENT_STREAM_STATE_CONNECTING:
    case HCC_EVENT_STREAM_STATE_ONLINE:
    default:
      break;
    }
  }

  if (text != NULL)
    gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->button), retry);
  gtk_revealer_set_reveal_child (self->revealer, shown);

  /* A countdown needs a tick; nothing ticks while all is well. */
  if (shown && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  else if (!shown && self->tick_id != 0)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static gboolean
tick_cb (gpointer data)
{
  update (data);
  return G_SOURCE_CONTINUE;
}

static void
retry_clicked_cb (ConciergeConnectionBanner *self)
{
  if (self->stream != NULL)
    hcc_event_stream_retry_now (self->stream);
}

static void
concierge_connection_banner_dispose (GObject *object)
{
  ConciergeConnectionBanner *self = CONCIERGE_CONNECTION_BANNER (object);

  concierge_connection_banner_set_stream (self, NULL);
  g_clear_handle_id (&self->tick_id, g_source_remove);

  G_OBJECT_CLASS (concierge_connection_banner_parent_class)->dispose (object);
}

static void
concierge_connection_banner_class_init (ConciergeConnectionBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concierge_connection_banner_dispose;

  gtk_widget_class_set_css_name (widget_class, "connection-banner");
}

static void
concierge_connection_banner_init (ConciergeConnectionBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("network-offline-symbolic");

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  self->button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Retry Now")));

  gtk_widget_add_css_class (box, "concierge-banner");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Offline"), -1);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Try to reach the platform now"));
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (retry_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button));
  gtk_revealer_set_child (self->revealer, box);
  /* The live region tells screen readers when the desk goes offline. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Connection status"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}

GtkWidget *
concierge_connection_banner_new (void)
{
  return g_object_new (CONCIERGE_TYPE_CONNECTION_BANNER, NULL);
}

void
concierge_connection_banner_set_stream (ConciergeConnectionBanner *self,
                                        HccEventStream            *stream)
{
  g_return_if_fail (CONCIERGE_IS_CONNECTION_BANNER (self));
  g_return_if_fail (stream == NULL || HCC_IS_EVENT_STREAM (stream));

  if (self->stream == stream)
    return;

  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_func (self->stream, update, self);
  g_set_object (&self->stream, stream);
  if (self->stream != NULL) {
    g_signal_connect_object (self->stream, "notify::state", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (self->stream, "notify::next-retry", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  }
  update (self);
}

gboolean
concierge_connection_banner_get_shown (ConciergeConnectionBanner *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CONNECTION_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
concierge_connection_banner_get_text (ConciergeConnectionBanner *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CONNECTION_BANNER (self), NULL);

  return gtk_label_get_label (self->label);
}
