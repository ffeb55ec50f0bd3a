/* concierge-pass-view.c: one visitor pass on screen, with its PIN and live QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-pass-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-pass-printer.h"
#include "concierge-pass-view-private.h"
#include "concierge-qr.h"

/* The schedule: the view fetches the pass once, then at once a second time
 * to learn whether the code is dynamic (the platform never says, §13.9).
 * A dynamic code is fetched again CONCIERGE_PASS_REFRESH_AFTER_S after the
 * previous fetch started, only while the view is mapped in a window that
 * is not minimised; a static code is never fetched again. A failed fetch is
 * tried again after RETRY_S. */
#define RETRY_S 10
/* Pixels per module of the texture; the picture scales it down to fit. */
#define MODULE_PX 12

struct _ConciergePassView
{
  AdwBin                  parent_instance;

  AdwToastOverlay        *toast_overlay;
  GtkLabel               *name_label;
  GtkLabel               *validity_label;
  GtkLabel               *expired_label;
  GtkStack               *code_stack;
  GtkSpinner             *spinner;
  GtkWidget              *qr_card;
  GtkPicture             *qr_picture;
  GtkLabel               *error_label;
  GtkLabel               *countdown_label;
  GtkLabel               *pin_caption;
  GtkLabel               *pin_label;
  GtkWidget              *copy_button;
  GtkWidget              *print_button;

  HccClient              *client;        /* (owned) (nullable) */
  HccPass                *pass;          /* (owned) (nullable): as listed */
  HccPass                *shown;         /* (owned) (nullable): as fetched */
  char                   *site_name;     /* (owned) (nullable) */
  GCancellable           *cancellable;   /* (owned) (nullable): the fetch in flight */
  char                   *previous_code; /* (owned) (nullable): the code before a refresh */

  ConciergePassCodeKind   kind;
  gboolean                fetching;
  gint64                  fetch_started; /* clock time of the last fetch's start */
  gint64                  next_fetch;    /* clock time of the next fetch; 0: none */
  char                   *fetch_error;   /* (owned) (nullable): why the last fetch failed */
  guint                   timer_id;

  ConciergePassViewClock  clock;
  gpointer                clock_data;
};

G_DEFINE_FINAL_TYPE (ConciergePassView, concierge_pass_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PASS,
  PROP_SITE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_fetch (ConciergePassView *self);

static gint64
now (ConciergePassView *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

/* On screen: mapped (so its window is shown) and the window not minimised. */
static gboolean
is_on_screen (ConciergePassView *self)
{
  GtkNative *native;
  GdkSurface *surface;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  native = gtk_widget_get_native (GTK_WIDGET (self));
  surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  if (surface != NULL && GDK_IS_TOPLEVEL (surface) &&
      (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) & GDK_TOPLEVEL_STATE_MINIMIZED) != 0)
    return FALSE;

  return TRUE;
}

static void
update_countdown (ConciergePassView *self)
{
  g_autofree char *text = NULL;
  gboolean stale = FALSE;

  if (self->shown == NULL)
    {
      gtk_label_set_label (self->countdown_label, "");
      return;
    }

  if (self->fetch_error != NULL)
    {
      /* Translators: %s says why the pass's code could not be fetched. */
      text = g_strdup_printf (_("No new code: %s"), self->fetch_error);
    }
  else if (self->kind == CONCIERGE_PASS_CODE_STATIC)
    {
      text = g_strdup (_("This code stays the same for the whole pass."));
    }
  else if (self->kind == CONCIERGE_PASS_CODE_DYNAMIC && self->fetching)
    {
      text = g_strdup (_("Getting a new code…"));
    }
  else if (self->kind == CONCIERGE_PASS_CODE_DYNAMIC && self->next_fetch != 0)
    {
      gint64 left_us = MAX (self->next_fetch - now (self), 0);
      guint left_s = (guint) ((left_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

      /* Translators: a countdown to the next QR code, in minutes and
       * seconds, e.g. "New code in 0:42". */
      text = g_strdup_printf (_("New code in %u:%02u"), left_s / 60, left_s % 60);
    }

  /* A dynamic code past its lifetime no longer opens a door: fade it, so
   * nobody holds it up to a reader while the new one is on its way. */
  if (self->kind == CONCIERGE_PASS_CODE_DYNAMIC &&
      now (self) - self->fetch_started >= CONCIERGE_PASS_CODE_LIFETIME_S * G_USEC_PER_SEC)
    stale = TRUE;
  gtk_widget_set_opacity (self->qr_card, stale ? 0.2 : 1.0);

  gtk_label_set_label (self->countdown_label, text != NULL ? text : "");
}

static void
show_pass (ConciergePassView *self)
{
  HccPass *pass = self->shown != NULL ? self->shown : self->pass;
  g_autofree char *validity = NULL;
  const char *pin;

  if (pass == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->validity_label, "");
      gtk_label_set_label (self->pin_label, "––––––");
      gtk_widget_set_visible (GTK_WIDGET (self->expired_label), FALSE);
      gtk_widget_set_sensitive (self->copy_button, FALSE);
      gtk_widget_set_sensitive (self->print_button, FALSE);
      gtk_picture_set_paintable (self->qr_picture, NULL);
      gtk_stack_set_visible_child_name (self->code_stack, "loading");
      update_countdown (self);
      return;
    }

  validity = concierge_pass_format_validity (pass);
  gtk_label_set_label (self->name_label, hcc_pass_get_name (pass));
  gtk_label_set_label (self->validity_label, validity);
  gtk_widget_set_visible (GTK_WIDGET (self->expired_label), hcc_pass_get_expired (pass));

  pin = self->shown != NULL ? hcc_pass_get_password (self->shown) : NULL;
  gtk_label_set_label (self->pin_label, pin != NULL && *pin != '\0' ? pin : "––––––");
  gtk_widget_set_sensitive (self->copy_button, pin != NULL && *pin != '\0');
  gtk_widget_set_sensitive (self->print_button, self->shown != NULL);

  if (self->shown != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = concierge_qr_texture_for_pass (self->shown, MODULE_PX, &error);

      gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (texture));
      if (texture != NULL)
        {
          gtk_stack_set_visible_child_name (self->code_stack, "code");
        }
      else
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_stack_set_visible_child_name (self->code_stack, "error");
        }
    }
  else if (self->fetch_error != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why the pass could not be fetched. */
      text = g_strdup_printf (_("The pass’s code could not be fetched: %s"), self->fetch_error);
      gtk_label_set_label (self->error_label, text);
      gtk_stack_set_visible_child_name (self->code_stack, "error");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->code_stack, "loading");
    }

  gtk_spinner_set_spinning (self->spinner, self->shown == NULL && self->fetch_error == NULL);
  update_countdown (self);
}

static void
fetch_done (ConciergePassView *self,
            const GError      *error)
{
  self->fetching = FALSE;
  g_clear_pointer (&self->fetch_error, g_free);

  if (error != NULL)
    {
      g_debug ("Fetching the pass failed: %s", error->message);
      self->fetch_error = g_strdup (error->message);
      self->next_fetch = now (self) + RETRY_S * G_USEC_PER_SEC;
      show_pass (self);
      return;
    }

  switch (self->kind)
    {
    case CONCIERGE_PASS_CODE_UNKNOWN:
      if (self->previous_code == NULL)
        {
          /* The first get: ask again at once to learn whether the code
           * changes. */
          self->next_fetch = now (self);
        }
      else if (g_strcmp0 (self->previous_code, hcc_pass_get_code (self->shown)) != 0)
        {
          self->kind = CONCIERGE_PASS_CODE_DYNAMIC;
          self->next_fetch = self->fetch_started + CONCIERGE_PASS_REFRESH_AFTER_S * G_USEC_PER_SEC;
        }
      else
        {
          self->kind = CONCIERGE_PASS_CODE_STATIC;
          self->next_fetch = 0;
        }
      break;

    case CONCIERGE_PASS_CODE_DYNAMIC:
      self->next_fetch = self->fetch_started + CONCIERGE_PASS_REFRESH_AFTER_S * G_USEC_PER_SEC;
      break;

    case CONCIERGE_PASS_CODE_STATIC:
    default:
      self->next_fetch = 0;
      break;
    }

  show_pass (self);

  /* The probe right after the first get. */
  if (self->next_fetch != 0 && self->next_fetch <= now (self) && is_on_screen (self))
    start_fetch (self);
}

static void
get_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ConciergePassView) self = user_data;
  g_autoptr(HccPass) pass = NULL;
  g_autoptr(GError) error = NULL;

  pass = hcc_passes_get_finish (HCC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (pass != NULL && self->pass != NULL)
    {
      /* tempauth/get does not repeat what the list said; keep it. */
      if (hcc_pass_get_id (pass) == NULL)
        hcc_pass_set_id (pass, hcc_pass_get_id (self->pass));
      if (hcc_pass_get_name (pass) == NULL)
        hcc_pass_set_name (pass, hcc_pass_get_name (self->pass));
      if (hcc_pass_get_start_time (pass) == NULL)
        hcc_pass_set_start_time (pass, hcc_pass_get_start_time (self->pass));
      if (hcc_pass_get_end_time (pass) == NULL)
        hcc_pass_set_end_time (pass, hcc_pass_get_end_time (self->pass));
    }

  g_set_object (&self->shown, pass);
  fetch_done (self, error);
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ConciergePassView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hcc_passes_refresh_finish (HCC_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  fetch_done (self, error);
}

static void
start_fetch (ConciergePassView *self)
{
  if (self->client == NULL || self->pass == NULL || self->fetching)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->fetching = TRUE;
  self->fetch_started = now (self);

  if (self->shown == NULL)
    {
      hcc_passes_get_async (self->client, hcc_pass_get_id (self->pass), self->cancellable,
                            get_cb, g_object_ref (self));
    }
  else
    {
      g_free (self->previous_code);
      self->previous_code = g_strdup (hcc_pass_get_code (self->shown));
      hcc_passes_refresh_async (self->client, self->shown, self->cancellable,
                                refresh_cb, g_object_ref (self));
    }

  update_countdown (self);
}

static gboolean
needs_fetch (ConciergePassView *self)
{
  if (self->client == NULL || self->pass == NULL || self->fetching)
    return FALSE;
  /* Nothing fetched yet (and no failure waiting for its retry). */
  if (self->shown == NULL && self->fetch_error == NULL)
    return TRUE;

  return self->next_fetch != 0 && now (self) >= self->next_fetch;
}

void
concierge_pass_view_tick (ConciergePassView *self)
{
  g_return_if_fail (CONCIERGE_IS_PASS_VIEW (self));

  if (is_on_screen (self) && needs_fetch (self))
    start_fetch (self);
  update_countdown (self);
}

static gboolean
timer_cb (gpointer user_data)
{
  concierge_pass_view_tick (CONCIERGE_PASS_VIEW (user_data));

  return G_SOURCE_CONTINUE;
}

static void
reset (ConciergePassView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->previous_code, g_free);
  g_clear_pointer (&self->fetch_error, g_free);
  self->kind = CONCIERGE_PASS_CODE_UNKNOWN;
  self->fetching = FALSE;
  self->fetch_started = 0;
  self->next_fetch = 0;

  show_pass (self);
  concierge_pass_view_tick (self);
}

static void
copy_clicked_cb (ConciergePassView *self)
{
  const char *pin;

  if (self->shown == NULL || (pin = hcc_pass_get_password (self->shown)) == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), pin);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("PIN copied")));
}

static void
print_clicked_cb (ConciergePassView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->shown == NULL)
    return;

  concierge_pass_printer_print (self->shown, self->site_name,
                                GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
concierge_pass_view_map (GtkWidget *widget)
{
  ConciergePassView *self = CONCIERGE_PASS_VIEW (widget);

  GTK_WIDGET_CLASS (concierge_pass_view_parent_class)->map (widget);

  /* Back on screen: a code that went stale meanwhile is fetched at once. */
  if (self->timer_id == 0)
    self->timer_id = g_timeout_add_seconds (1, timer_cb, self);
  concierge_pass_view_tick (self);
}

static void
concierge_pass_view_unmap (GtkWidget *widget)
{
  ConciergePassView *self = CONCIERGE_PASS_VIEW (widget);

  g_clear_handle_id (&self->timer_id, g_source_remove);

  GTK_WIDGET_CLASS (concierge_pass_view_parent_class)->unmap (widget);
}

static void
concierge_pass_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConciergePassView *self = CONCIERGE_PASS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_PASS:
      g_value_set_object (value, self->pass);
      break;

    case PROP_SITE_NAME:
      g_value_set_string (value, self->site_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_pass_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConciergePassView *self = CONCIERGE_PASS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      concierge_pass_view_set_client (self, g_value_get_object (value));
      break;

    case PROP_PASS:
      concierge_pass_view_set_pass (self, g_value_get_object (value));
      break;

    case PROP_SITE_NAME:
      concierge_pass_view_set_site_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_pass_view_dispose (GObject *object)
{
  ConciergePassView *self = CONCIERGE_PASS_VIEW (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->pass);
  g_clear_object (&self->shown);

  /* The bin's child is a bound template child: let the template drop it
   * once, not the bin a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_PASS_VIEW);

  G_OBJECT_CLASS (concierge_pass_view_parent_class)->dispose (object);
}

static void
concierge_pass_view_finalize (GObject *object)
{
  ConciergePassView *self = CONCIERGE_PASS_VIEW (object);

  g_free (self->site_name);
  g_free (self->previous_code);
  g_free (self->fetch_error);

  G_OBJECT_CLASS (concierge_pass_view_parent_class)->finalize (object);
}

static void
concierge_pass_view_class_init (ConciergePassViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_pass_view_get_property;
  object_class->set_property = concierge_pass_view_set_property;
  object_class->dispose = concierge_pass_view_dispose;
  object_class->finalize = concierge_pass_view_finalize;
  widget_class->map = concierge_pass_view_map;
  widget_class->unmap = concierge_pass_view_unmap;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HCC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PASS] =
    g_param_spec_object ("pass", NULL, NULL, HCC_TYPE_PASS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SITE_NAME] =
    g_param_spec_string ("site-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-pass-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, name_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, validity_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, expired_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, code_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, qr_card);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, qr_picture);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, pin_caption);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, pin_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, copy_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassView, print_button);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
}

static void
concierge_pass_view_init (ConciergePassView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_pass (self);
}

ConciergePassView *
concierge_pass_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_PASS_VIEW, NULL);
}

HccClient *
concierge_pass_view_get_client (ConciergePassView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASS_VIEW (self), NULL);

  return self->client;
}

void
concierge_pass_view_set_client (ConciergePassView *self,
                                HccClient         *client)
{
  g_return_if_fail (CONCIERGE_IS_PASS_VIEW (self));
  g_return_if_fail (client == NULL || HCC_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

HccPass *
concierge_pass_view_get_pass (ConciergePassView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASS_VIEW (self), NULL);

  return self->pass;
}

void
concierge_pass_view_set_pass (ConciergePassView *self,
                              HccPass           *pass)
{
  g_return_if_fail (CONCIERGE_IS_PASS_VIEW (self));
  g_return_if_fail (pass == NULL || HCC_IS_PASS (pass));

  if (!g_set_object (&self->pass, pass))
    return;

  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASS]);
}

const char *
concierge_pass_view_get_site_name (ConciergePassView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASS_VIEW (self), NULL);

  return self->site_name;
}

void
concierge_pass_view_set_site_name (ConciergePassView *self,
                                   const char        *site_name)
{
  g_return_if_fail (CONCIERGE_IS_PASS_VIEW (self));

  if (g_strcmp0 (self->site_name, site_name) == 0)
    return;

  g_free (self->site_name);
  self->site_name = g_strdup (site_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_NAME]);
}

void
concierge_pass_view_set_clock (ConciergePassView      *self,
                               ConciergePassViewClock  clock,
                               gpointer                user_data)
{
  g_return_if_fail (CONCIERGE_IS_PASS_VIEW (self));

  self->clock = clock;
  self->clock_data = user_data;
}

ConciergePassCodeKind
concierge_pass_view_get_code_kind (ConciergePassView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASS_VIEW (self), CONCIERGE_PASS_CODE_UNKNOWN);

  return self->kind;
}

HccPass *
concierge_pass_view_get_shown_pass (ConciergePassView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASS_VIEW (self), NULL);

  return self->shown;
}

gboolean
concierge_pass_view_get_fetching (ConciergePassView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASS_VIEW (self), FALSE);

  return self->fetching;
}

GtkPicture *
concierge_pass_view_get_qr_picture (ConciergePassView *self)
{
  return self->qr_picture;
}

GtkLabel *
concierge_pass_view_get_countdown (ConciergePassView *self)
{
  return self->countdown_label;
}

GtkLabel *
concierge_pass_view_get_pin_label (ConciergePassView *self)
{
  return self->pin_label;
}

GtkLabel *
concierge_pass_view_get_name_label (ConciergePassView *self)
{
  return self->name_label;
}

GtkLabel *
concierge_pass_view_get_error_label (ConciergePassView *self)
{
  return self->error_label;
}

GtkWidget *
concierge_pass_view_get_copy_button (ConciergePassView *self)
{
  return self->copy_button;
}

GtkWidget *
concierge_pass_view_get_print_button (ConciergePassView *self)
{
  return self->print_button;
}
