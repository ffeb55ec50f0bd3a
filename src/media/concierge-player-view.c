/* concierge-player-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-player-view"

#include "config.h"

#include <glib/gi18n.h>

#include "concierge-media-resources.h"
#include "concierge-player-view.h"

/* Shows a ConciergePlayer: the picture, a spinner while connecting or
 * buffering, and an error page with Retry. Used by the ringing preview,
 * the call view and the cameras view, so it owns no policy: the caller
 * decides what to play. */

struct _ConciergePlayerView
{
  GtkWidget        parent_instance;

  ConciergePlayer *player;         /* (owned) (nullable) */
  char            *title;          /* (owned) (nullable) */
  gboolean         show_title;
  GSignalGroup    *player_signals; /* (owned) */

  /* Template children; dispose_template() unparents the bound direct child. */
  GtkWidget       *content;
  GtkOverlay      *overlay;
  GtkPicture      *picture;
  GtkLabel        *title_label;
  GtkStack        *status_stack;
  GtkSpinner      *spinner;
  GtkLabel        *loading_label;
  GtkLabel        *error_label;
  GtkButton       *retry_button;
};

enum {
  PROP_0,
  PROP_PLAYER,
  PROP_TITLE,
  PROP_SHOW_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConciergePlayerView, concierge_player_view, GTK_TYPE_WIDGET)

static const char view_css[] =
  "concierge-player-view { background-color: black; }\n"
  ".concierge-video-status { padding: 12px; border-radius: 12px; }\n"
  ".concierge-video-title { color: alpha(white, 0.8); }\n";

static void
ensure_css (GtkWidget *widget)
{
  static GQuark quark;
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  /* One provider per display, added the first time a view is made there. */
  if (quark == 0)
    quark = g_quark_from_static_string ("concierge-player-view-css");
  if (display == NULL || g_object_get_qdata (G_OBJECT (display), quark) != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, view_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_qdata_full (G_OBJECT (display), quark, g_object_ref (provider), g_object_unref);
}

static void
update_title (ConciergePlayerView *self)
{
  gtk_label_set_label (self->title_label, self->title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label),
                          self->show_title && self->title != NULL && self->title[0] != '\0');
}

static void
update_accessible_label (ConciergePlayerView *self)
{
  g_autofree char *label = NULL;

  if (self->title != NULL && self->title[0] != '\0')
    /* Translators: %s is the name of a camera or door station. */
    label = g_strdup_printf (_("Live video from %s"), self->title);
  else
    label = g_strdup (_("Live video"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_status (ConciergePlayerView *self)
{
  ConciergePlayerState state = CONCIERGE_PLAYER_STATE_IDLE;
  const char *page = "video";

  if (self->player != NULL)
    state = concierge_player_get_state (self->player);

  switch (state) {
  case CONCIERGE_PLAYER_STATE_CONNECTING:
    gtk_label_set_label (self->loading_label, _("Connecting…"));
    page = "loading";
    break;

  case CONCIERGE_PLAYER_STATE_BUFFERING:
    gtk_label_set_label (self->loading_label, _("Buffering…"));
    page = "loading";
    break;

  case CONCIERGE_PLAYER_STATE_ERROR: {
    const char *message = concierge_player_get_error_message (self->player);

    gtk_label_set_label (self->error_label,
                         message != NULL ? message : _("The video could not be played."));
    page = "error";
    break;
  }

  case CONCIERGE_PLAYER_STATE_IDLE:
  case CONCIERGE_PLAYER_STATE_PLAYING:
  default:
    break;
  }

  /* A spinner that is not shown must not keep the frame clock busy. */
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->status_stack, page);
}

static void
update_paintable (ConciergePlayerView *self)
{
  GdkPaintable *paintable = NULL;

  if (self->player != NULL)
    paintable = concierge_player_get_paintable (self->player);

  gtk_picture_set_paintable (self->picture, paintable);
}

static void
player_state_changed_cb (ConciergePlayerView *self)
{
  g_assert (CONCIERGE_IS_PLAYER_VIEW (self));

  update_status (self);
}

static void
player_paintable_changed_cb (ConciergePlayerView *self)
{
  g_assert (CONCIERGE_IS_PLAYER_VIEW (self));

  update_paintable (self);
}

static void
retry_clicked_cb (ConciergePlayerView *self)
{
  g_assert (CONCIERGE_IS_PLAYER_VIEW (self));

  if (self->player != NULL)
    concierge_player_retry (self->player);
}

static void
concierge_player_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConciergePlayerView *self = CONCIERGE_PLAYER_VIEW (object);

  switch (prop_id) {
  case PROP_PLAYER:
    g_value_set_object (value, self->player);
    break;

  case PROP_TITLE:
    g_value_set_string (value, self->title);
    break;

  case PROP_SHOW_TITLE:
    g_value_set_boolean (value, self->show_title);
    break;

  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
concierge_player_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ConciergePlayerView *self = CONCIERGE_PLAYER_VIEW (object);

  switch (prop_id) {
  case PROP_PLAYER:
    concierge_player_view_set_player (self, g_value_get_object (value));
    break;

  case PROP_TITLE:
    concierge_player_view_set_title (self, g_value_get_string (value));
    break;

  case PROP_SHOW_TITLE:
    concierge_player_view_set_show_title (self, g_value_get_boolean (value));
    break;

  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
concierge_player_view_dispose (GObject *object)
{
  ConciergePlayerView *self = CONCIERGE_PLAYER_VIEW (object);

  if (self->player_signals != NULL)
    g_signal_group_set_target (self->player_signals, NULL);
  g_clear_object (&self->player_signals);
  g_clear_object (&self->player);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_PLAYER_VIEW);

  G_OBJECT_CLASS (concierge_player_view_parent_class)->dispose (object);
}

static void
concierge_player_view_finalize (GObject *object)
{
  ConciergePlayerView *self = CONCIERGE_PLAYER_VIEW (object);

  g_free (self->title);

  G_OBJECT_CLASS (concierge_player_view_parent_class)->finalize (object);
}

static void
concierge_player_view_class_init (ConciergePlayerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_player_view_get_property;
  object_class->set_property = concierge_player_view_set_property;
  object_class->dispose = concierge_player_view_dispose;
  object_class->finalize = concierge_player_view_finalize;

  properties[PROP_PLAYER] =
    g_param_spec_object ("player", NULL, NULL,
                         CONCIERGE_TYPE_PLAYER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource keeps its object file (and its constructor)
   * in the link, since this is a static library. */
  g_resources_register (concierge_media_get_resource ());

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/media/"
                                               "concierge-player-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergePlayerView, content);
  gtk_widget_class_bind_template_child (widget_class, ConciergePlayerView, overlay);
  gtk_widget_class_bind_template_child (widget_class, ConciergePlayerView, picture);
  gtk_widget_class_bind_template_child (widget_class, ConciergePlayerView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergePlayerView, status_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergePlayerView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ConciergePlayerView, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergePlayerView, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergePlayerView, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "concierge-player-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
concierge_player_view_init (ConciergePlayerView *self)
{
  self->show_title = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  ensure_css (GTK_WIDGET (self));

  self->player_signals = g_signal_group_new (CONCIERGE_TYPE_PLAYER);
  g_signal_group_connect_swapped (self->player_signals, "notify::state",
                                  G_CALLBACK (player_state_changed_cb), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::error-message",
                                  G_CALLBACK (player_state_changed_cb), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::paintable",
                                  G_CALLBACK (player_paintable_changed_cb), self);

  update_accessible_label (self);
  update_status (self);
}

GtkWidget *
concierge_player_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_PLAYER_VIEW, NULL);
}

ConciergePlayer *
concierge_player_view_get_player (ConciergePlayerView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER_VIEW (self), NULL);

  return self->player;
}

void
concierge_player_view_set_player (ConciergePlayerView *self,
                                  ConciergePlayer     *player)
{
  g_return_if_fail (CONCIERGE_IS_PLAYER_VIEW (self));
  g_return_if_fail (player == NULL || CONCIERGE_IS_PLAYER (player));

  if (!g_set_object (&self->player, player))
    return;

  g_signal_group_set_target (self->player_signals, player);
  update_paintable (self);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYER]);
}

const char *
concierge_player_view_get_title (ConciergePlayerView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER_VIEW (self), NULL);

  return self->title;
}

void
concierge_player_view_set_title (ConciergePlayerView *self,
                                 const char          *title)
{
  g_return_if_fail (CONCIERGE_IS_PLAYER_VIEW (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);

  update_title (self);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
concierge_player_view_get_show_title (ConciergePlayerView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER_VIEW (self), FALSE);

  return self->show_title;
}

void
concierge_player_view_set_show_title (ConciergePlayerView *self,
                                      gboolean             show_title)
{
  g_return_if_fail (CONCIERGE_IS_PLAYER_VIEW (self));

  show_title = !!show_title;
  if (self->show_title == show_title)
    return;

  self->show_title = show_title;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
}

/* The visible status page: "video", "loading" or "error". */
const char *
concierge_player_view_get_status_page (ConciergePlayerView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->status_stack);
}
