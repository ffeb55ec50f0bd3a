/* concierge-call-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-call-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-call-view.h"
#include "concierge-call-place.h"
#include "concierge-calls-view-private.h"
#include "concierge-player-view.h"
#include "concierge-station-video.h"

struct _ConciergeCallView
{
  AdwBin                 parent_instance;

  /* Template children, in template order. */
  GtkLabel              *title_label;
  GtkLabel              *subtitle_label;
  GtkLabel              *duration_label;
  ConciergePlayerView   *player_view;
  GtkLabel              *problem_label;
  GtkLabel              *state_label;
  GtkLabel              *door_result_label;
  GtkButton             *open_door_button;
  GtkMenuButton         *door_menu_button;
  GtkBox                *door_menu_box;
  GtkButton             *hang_up_button;

  ConciergeSession      *session;       /* (owned) (nullable) */
  ConciergeQueuedCall   *call;          /* (owned) (nullable) */
  ConciergePlayer       *player;        /* (owned) */
  ConciergeStationVideo *video;         /* (owned) (nullable): per session */
  GCancellable          *door_cancellable; /* (owned) (nullable) */
  gint64                 answered_at;   /* monotonic µs, 0 until answered here */
  gint64                 ended_at;      /* monotonic µs, 0 while going on */
  guint                  tick_id;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConciergeCallView, concierge_call_view, ADW_TYPE_BIN)

char *
_concierge_format_duration (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

const char *
_concierge_call_state_label (ConciergeQueuedCallState state)
{
  switch (state)
    {
    case CONCIERGE_QUEUED_CALL_RINGING:
      return _("Ringing");
    case CONCIERGE_QUEUED_CALL_SILENCED:
      return _("Silenced");
    case CONCIERGE_QUEUED_CALL_ANSWERED:
      return _("Answered here");
    case CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE:
      return _("Answered elsewhere");
    case CONCIERGE_QUEUED_CALL_DECLINED:
      return _("Declined");
    case CONCIERGE_QUEUED_CALL_MISSED:
      return _("Missed");
    case CONCIERGE_QUEUED_CALL_ENDED:
      return _("Ended");
    default:
      return "";
    }
}

char *
_concierge_call_describe_place (HccCall    *call,
                                const char *building)
{
  const char *room = hcc_call_get_room_number (call);

  if (hcc_call_get_call_type (call) == HCC_CALL_TYPE_ROOM && room != NULL && *room != '\0')
    {
      if (building != NULL && *building != '\0')
        /* Translators: a door call to a room: "<building> · Room <number>". */
        return g_strdup_printf (_("%s · Room %s"), building, room);
      /* Translators: a door call to a room, by its number. */
      return g_strdup_printf (_("Room %s"), room);
    }

  if (building != NULL && *building != '\0')
    /* Translators: a call to the front desk from a door station of <building>. */
    return g_strdup_printf (_("%s · Call to the desk"), building);
  return g_strdup (_("Call to the desk"));
}

void
_concierge_call_find_place (ConciergeSession  *session,
                            HccCall           *call,
                            const char        *camera_area,
                            char             **building_out,
                            char             **room_id_out)
{
  concierge_call_find_place (session != NULL ? concierge_session_get_directory (session) : NULL,
                             call, camera_area, building_out, room_id_out);
}

const char *
_concierge_call_station_name (HccCall *call)
{
  const char *name = hcc_call_get_device_name (call);

  return name != NULL && *name != '\0' ? name : _("Door station");
}

/* Why the call is over, in words, for the view that was showing it. */
static const char *
finished_text (ConciergeQueuedCallState state)
{
  switch (state)
    {
    case CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE:
      return _("The call was answered elsewhere. The video has stopped.");
    case CONCIERGE_QUEUED_CALL_DECLINED:
      return _("You declined the call. The video has stopped.");
    case CONCIERGE_QUEUED_CALL_MISSED:
      return _("The door station hung up. The video has stopped.");
    case CONCIERGE_QUEUED_CALL_ENDED:
      return _("The call has ended. The video has stopped.");
    case CONCIERGE_QUEUED_CALL_RINGING:
    case CONCIERGE_QUEUED_CALL_SILENCED:
    case CONCIERGE_QUEUED_CALL_ANSWERED:
    default:
      return NULL;
    }
}

static void
update_duration (ConciergeCallView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  gint64 end;
  guint seconds;

  if (self->answered_at == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->duration_label), FALSE);
      return;
    }

  end = self->ended_at != 0 ? self->ended_at : g_get_monotonic_time ();
  seconds = (guint) ((end - self->answered_at) / G_USEC_PER_SEC);
  text = _concierge_format_duration (seconds);
  gtk_label_set_label (self->duration_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->duration_label), TRUE);
  /* Translators: the accessible description of the call duration, e.g. "Call duration 1:05". */
  accessible = g_strdup_printf (_("Call duration %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->duration_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static gboolean
tick_cb (gpointer user_data)
{
  ConciergeCallView *self = user_data;

  update_duration (self);

  return G_SOURCE_CONTINUE;
}

static void
update_subtitle (ConciergeCallView *self)
{
  g_autofree char *place = NULL;
  g_autofree char *building = NULL;
  g_autofree char *room_id = NULL;
  const char *area = NULL;
  HccCall *call;

  if (self->call == NULL)
    return;

  call = concierge_queued_call_get_call (self->call);
  if (self->video != NULL)
    area = concierge_station_video_get_area_name (self->video);
  _concierge_call_find_place (self->session, call, area, &building, &room_id);
  place = _concierge_call_describe_place (call, building);
  gtk_label_set_label (self->subtitle_label, place);
}

static void
update_problem (ConciergeCallView *self)
{
  const char *problem = NULL;

  if (self->video != NULL && self->call != NULL)
    problem = concierge_station_video_get_problem (self->video);

  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

static void
stop_stream (ConciergeCallView *self)
{
  if (self->video != NULL)
    concierge_station_video_stop (self->video);
  else
    concierge_player_stop (self->player);
}

static void
start_stream (ConciergeCallView *self)
{
  HccCall *call;
  g_autofree char *protocol = NULL;
  GSettings *settings;

  if (self->video == NULL || self->call == NULL ||
      concierge_queued_call_is_finished (self->call) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  settings = concierge_session_get_settings (self->session);
  if (settings != NULL)
    protocol = g_settings_get_string (settings, "video-protocol");
  concierge_station_video_set_protocol (self->video,
                                        g_strcmp0 (protocol, "rtmp") == 0
                                        ? HCC_STREAM_PROTOCOL_RTMP : HCC_STREAM_PROTOCOL_HLS);

  call = concierge_queued_call_get_call (self->call);
  concierge_station_video_start (self->video, hcc_call_get_device_serial (call) ?: "");
}

static void
update_state (ConciergeCallView *self)
{
  ConciergeQueuedCallState state;
  const char *text;

  if (self->call == NULL)
    return;

  state = concierge_queued_call_get_state (self->call);
  text = finished_text (state);

  if (state == CONCIERGE_QUEUED_CALL_ANSWERED && self->answered_at == 0)
    self->answered_at = g_get_monotonic_time ();

  if (text != NULL)
    {
      gtk_label_set_label (self->state_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), TRUE);
      if (self->answered_at != 0 && self->ended_at == 0)
        self->ended_at = g_get_monotonic_time ();
      g_clear_handle_id (&self->tick_id, g_source_remove);
      stop_stream (self);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), FALSE);
      if (self->answered_at != 0 && self->tick_id == 0)
        self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->hang_up_button),
                            state == CONCIERGE_QUEUED_CALL_ANSWERED);
  update_duration (self);
  update_problem (self);
}

/* hcc-doors names a door only when the platform did; the call's
 * doorInfos carry the names the operator knows. */
static const char *
door_name (HccDoorResult       *door,
           ConciergeQueuedCall *call)
{
  const char *name = hcc_door_result_get_door_name (door);
  const char * const *ids;
  const char * const *names;

  if (name != NULL && *name != '\0')
    return name;

  ids = call != NULL ? concierge_queued_call_get_door_ids (call) : NULL;
  names = call != NULL ? concierge_queued_call_get_door_names (call) : NULL;
  for (guint i = 0; ids != NULL && names != NULL && ids[i] != NULL && names[i] != NULL; i++)
    if (g_strcmp0 (ids[i], hcc_door_result_get_door_id (door)) == 0 && *names[i] != '\0')
      return names[i];

  return NULL;
}

char *
_concierge_describe_door_results (GListModel          *results,
                                  const GError        *error,
                                  ConciergeQueuedCall *call)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  if (results == NULL)
    {
      /* Translators: the door could not be opened; %s is the reason. */
      g_string_printf (text, _("The door was not opened: %s"), error->message);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HccDoorResult) door = g_list_model_get_item (results, i);
      const char *name = door_name (door, call);

      if (text->len > 0)
        g_string_append_c (text, '\n');

      if (hcc_door_result_get_succeeded (door))
        {
          if (name != NULL)
            /* Translators: %s is a door's name, e.g. "Lobby door unlocked". */
            g_string_append_printf (text, _("%s unlocked"), name);
          else
            g_string_append (text, _("Door unlocked"));
        }
      else
        {
          g_autoptr(GError) reason =
            hcc_error_new_platform (hcc_door_result_get_error_code (door) ?: "", NULL);

          if (name != NULL)
            /* Translators: a door that did not open: "<door>: <the platform's reason>". */
            g_string_append_printf (text, _("%s: %s"), name, reason->message);
          else
            /* Translators: the door did not open; %s is the platform's reason. */
            g_string_append_printf (text, _("The door did not open: %s"), reason->message);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
door_opened_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ConciergeCallView) self = user_data;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  results = concierge_call_queue_open_door_finish (CONCIERGE_CALL_QUEUE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  text = _concierge_describe_door_results (results, error, self->call);
  gtk_label_set_label (self->door_result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->door_result_label), *text != '\0');
}

void
concierge_call_view_open_door (ConciergeCallView *self,
                               const char        *door_id)
{
  ConciergeCallQueue *queue;

  g_return_if_fail (CONCIERGE_IS_CALL_VIEW (self));

  if (self->call == NULL || self->session == NULL)
    return;

  queue = concierge_session_get_call_queue (self->session);
  if (queue == NULL)
    return;

  g_cancellable_cancel (self->door_cancellable);
  g_clear_object (&self->door_cancellable);
  self->door_cancellable = g_cancellable_new ();

  gtk_label_set_label (self->door_result_label, _("Opening…"));
  gtk_widget_set_visible (GTK_WIDGET (self->door_result_label), TRUE);
  gtk_menu_button_popdown (self->door_menu_button);

  concierge_call_queue_open_door_async (queue,
                                        concierge_queued_call_get_record_id (self->call),
                                        door_id, NULL, self->door_cancellable,
                                        door_opened_cb, g_object_ref (self));
}

static void
door_button_clicked_cb (GtkButton         *button,
                        ConciergeCallView *self)
{
  concierge_call_view_open_door (self, g_object_get_data (G_OBJECT (button), "door-id"));
}

static void
open_door_clicked_cb (ConciergeCallView *self)
{
  concierge_call_view_open_door (self, NULL);
}

static void
hang_up_clicked_cb (ConciergeCallView *self)
{
  if (self->call == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "app.hang-up", "s",
                              concierge_queued_call_get_record_id (self->call));
}

/* One door: a plain button. Several: a menu of the call's doors, so the
 * operator picks one and nothing is guessed. None: say so, never send an
 * empty list. */
static void
update_doors (ConciergeCallView *self)
{
  const char * const *ids = NULL;
  const char * const *names = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->door_menu_box))) != NULL)
    gtk_box_remove (self->door_menu_box, child);

  if (self->call != NULL)
    {
      ids = concierge_queued_call_get_door_ids (self->call);
      names = concierge_queued_call_get_door_names (self->call);
      n = ids != NULL ? g_strv_length ((char **) ids) : 0;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->open_door_button), n <= 1);
  gtk_widget_set_visible (GTK_WIDGET (self->door_menu_button), n > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_door_button), n == 1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_door_button),
                               n == 0 ? _("This door station reported no doors. Use the Doors view.")
                                      : NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *name = names != NULL && names[i] != NULL && *names[i] != '\0'
                         ? names[i] : ids[i];
      g_autofree char *label = g_strdup_printf (_("Open %s"), name);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "door-id", g_strdup (ids[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (door_button_clicked_cb), self);
      gtk_box_append (self->door_menu_box, button);
    }
}

static void
call_state_cb (ConciergeCallView *self)
{
  update_state (self);
}

static void
call_doors_cb (ConciergeCallView *self)
{
  update_doors (self);
}

static void
video_changed_cb (ConciergeCallView *self)
{
  update_subtitle (self);
  update_problem (self);
}

static void
concierge_call_view_map (GtkWidget *widget)
{
  ConciergeCallView *self = CONCIERGE_CALL_VIEW (widget);

  GTK_WIDGET_CLASS (concierge_call_view_parent_class)->map (widget);
  start_stream (self);
}

/* Nobody watches a hidden view: the stream stops and starts again when
 * the view is shown. */
static void
concierge_call_view_unmap (GtkWidget *widget)
{
  ConciergeCallView *self = CONCIERGE_CALL_VIEW (widget);

  stop_stream (self);
  GTK_WIDGET_CLASS (concierge_call_view_parent_class)->unmap (widget);
}

static void
concierge_call_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConciergeCallView *self = CONCIERGE_CALL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_call_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConciergeCallView *self = CONCIERGE_CALL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      concierge_call_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_CALL:
      concierge_call_view_set_call (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_call_view_dispose (GObject *object)
{
  ConciergeCallView *self = CONCIERGE_CALL_VIEW (object);

  if (self->player != NULL)
    {
      concierge_call_view_set_call (self, NULL);
      concierge_call_view_set_session (self, NULL);
      concierge_player_view_set_player (self->player_view, NULL);
    }
  g_clear_object (&self->player);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_CALL_VIEW);

  G_OBJECT_CLASS (concierge_call_view_parent_class)->dispose (object);
}

static void
concierge_call_view_class_init (ConciergeCallViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_call_view_get_property;
  object_class->set_property = concierge_call_view_set_property;
  object_class->dispose = concierge_call_view_dispose;
  widget_class->map = concierge_call_view_map;
  widget_class->unmap = concierge_call_view_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CONCIERGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL, CONCIERGE_TYPE_QUEUED_CALL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONCIERGE_TYPE_PLAYER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-call-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, duration_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, player_view);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, state_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, door_result_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, open_door_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, door_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, door_menu_box);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallView, hang_up_button);
  gtk_widget_class_bind_template_callback (widget_class, open_door_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hang_up_clicked_cb);
}

static void
concierge_call_view_init (ConciergeCallView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->player = concierge_player_new ();
  concierge_player_view_set_player (self->player_view, self->player);
}

GtkWidget *
concierge_call_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_CALL_VIEW, NULL);
}

ConciergeSession *
concierge_call_view_get_session (ConciergeCallView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_VIEW (self), NULL);

  return self->session;
}

void
concierge_call_view_set_session (ConciergeCallView *self,
                                 ConciergeSession  *session)
{
  g_return_if_fail (CONCIERGE_IS_CALL_VIEW (self));
  g_return_if_fail (session == NULL || CONCIERGE_IS_SESSION (session));

  if (self->session == session)
    return;

  /* A call belongs to its session's queue. */
  concierge_call_view_set_call (self, NULL);

  if (self->video != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->video, self);
      concierge_station_video_stop (self->video);
      g_clear_object (&self->video);
    }

  g_set_object (&self->session, session);

  if (session != NULL)
    {
      self->video = concierge_station_video_new (concierge_session_get_client (session),
                                                 self->player);
      g_signal_connect_swapped (self->video, "notify::area-name",
                                G_CALLBACK (video_changed_cb), self);
      g_signal_connect_swapped (self->video, "notify::problem",
                                G_CALLBACK (video_changed_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

ConciergeQueuedCall *
concierge_call_view_get_call (ConciergeCallView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_VIEW (self), NULL);

  return self->call;
}

void
concierge_call_view_set_call (ConciergeCallView   *self,
                              ConciergeQueuedCall *call)
{
  HccCall *hcc_call;

  g_return_if_fail (CONCIERGE_IS_CALL_VIEW (self));
  g_return_if_fail (call == NULL || CONCIERGE_IS_QUEUED_CALL (call));

  if (self->call == call)
    return;

  if (self->call != NULL)
    g_signal_handlers_disconnect_by_data (self->call, self);

  g_cancellable_cancel (self->door_cancellable);
  g_clear_object (&self->door_cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  stop_stream (self);
  self->answered_at = 0;
  self->ended_at = 0;
  g_set_object (&self->call, call);

  gtk_widget_set_visible (GTK_WIDGET (self->door_result_label), FALSE);
  gtk_label_set_label (self->door_result_label, "");

  if (call != NULL)
    {
      hcc_call = concierge_queued_call_get_call (call);
      gtk_label_set_label (self->title_label, _concierge_call_station_name (hcc_call));
      concierge_player_view_set_title (self->player_view, _concierge_call_station_name (hcc_call));
      g_signal_connect_swapped (call, "notify::state", G_CALLBACK (call_state_cb), self);
      g_signal_connect_swapped (call, "notify::door-ids", G_CALLBACK (call_doors_cb), self);
      update_subtitle (self);
      update_state (self);
      start_stream (self);
    }
  else
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      update_problem (self);
    }

  update_doors (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);
}

ConciergePlayer *
_concierge_call_view_get_player (ConciergeCallView *self)
{
  return self->player;
}

GtkLabel *
_concierge_call_view_get_label (ConciergeCallView *self,
                                const char        *which)
{
  if (g_str_equal (which, "title"))
    return self->title_label;
  if (g_str_equal (which, "subtitle"))
    return self->subtitle_label;
  if (g_str_equal (which, "duration"))
    return self->duration_label;
  if (g_str_equal (which, "state"))
    return self->state_label;
  if (g_str_equal (which, "door-result"))
    return self->door_result_label;
  if (g_str_equal (which, "problem"))
    return self->problem_label;
  g_return_val_if_reached (NULL);
}

GtkWidget *
_concierge_call_view_get_door_control (ConciergeCallView *self,
                                       gboolean           menu)
{
  return menu ? GTK_WIDGET (self->door_menu_button) : GTK_WIDGET (self->open_door_button);
}

GtkBox *
_concierge_call_view_get_door_menu_box (ConciergeCallView *self)
{
  return self->door_menu_box;
}

GtkButton *
_concierge_call_view_get_hang_up_button (ConciergeCallView *self)
{
  return self->hang_up_button;
}
