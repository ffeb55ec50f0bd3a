/* concierge-calls-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-calls-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-call-view.h"
#include "concierge-calls-view-private.h"
#include "concierge-player-view.h"
#include "concierge-station-video.h"

struct _ConciergeCallsView
{
  AdwBin                 parent_instance;

  /* Template children, in template order. */
  AdwToastOverlay       *toast_overlay;
  GtkStack              *stack;
  AdwStatusPage         *empty_page;
  GtkLabel              *waiting_label;
  GtkWidget             *preview_box;
  ConciergePlayerView   *preview_view;
  GtkLabel              *preview_label;
  GtkLabel              *preview_problem_label;
  GtkListBox            *list_box;
  ConciergeCallView     *call_view;

  ConciergeSession      *session;       /* (owned) (nullable) */
  ConciergeCallQueue    *queue;         /* (owned) (nullable) */
  ConciergePlayer       *preview_player; /* (owned) */
  ConciergeStationVideo *preview_video; /* (owned) (nullable) */
  char                  *preview_record_id; /* (owned) (nullable) */
  char                  *last_toast;    /* (owned) (nullable): for tests */
  GListModel            *rooms;         /* (owned) (nullable): the directory's rooms */
  GListModel            *buildings;     /* (owned) (nullable): the directory's buildings */
  GListModel            *residents;     /* (owned) (nullable): the directory's residents */
  GHashTable            *station_areas; /* (owned) serial -> area of the station's camera */
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConciergeCallsView, concierge_calls_view, ADW_TYPE_BIN)

/* A row's widgets, kept on the row box ("row-data") from setup to teardown. */
typedef struct {
  GtkWidget           *box;
  GtkLabel            *title;
  GtkLabel            *place;
  GtkLabel            *status;
  GtkWidget           *answer;
  GtkWidget           *decline;
  GtkWidget           *silence;
  GtkWidget           *open_door;
  GtkWidget           *show_room;
  GtkWidget           *show_call;
  ConciergeQueuedCall *call;            /* (unowned): the list box holds it while the row lives */
  ConciergeCallsView  *view;            /* (unowned) */
} Row;

/* Rows */

/* The area of the station's camera, once the preview found it for that
 * station: kept per serial, so that every row of the station keeps its
 * place after the preview moved on to another call or stopped. */
static const char *
camera_area (ConciergeCallsView *self,
             HccCall            *call)
{
  const char *serial = hcc_call_get_device_serial (call);

  return serial != NULL ? g_hash_table_lookup (self->station_areas, serial) : NULL;
}

static void
row_update_status (Row *row)
{
  ConciergeQueuedCallState state = concierge_queued_call_get_state (row->call);
  g_autofree char *waiting = NULL;
  g_autofree char *text = NULL;

  waiting = _concierge_format_duration (concierge_queued_call_get_waiting_seconds (row->call));
  if (concierge_queued_call_is_ringing_at_door (row->call))
    /* Translators: a call's state and how long the visitor has been waiting,
     * e.g. "Ringing · Waiting 0:12". */
    text = g_strdup_printf (_("%s · Waiting %s"), _concierge_call_state_label (state), waiting);
  else
    /* Translators: a call's state and how long the visitor waited, e.g.
     * "Missed · Waited 1:30". */
    text = g_strdup_printf (_("%s · Waited %s"), _concierge_call_state_label (state), waiting);
  gtk_label_set_label (row->status, text);
}

static void
row_update_state (Row *row)
{
  ConciergeQueuedCallState state = concierge_queued_call_get_state (row->call);
  gboolean waiting = concierge_queued_call_is_ringing_at_door (row->call);
  const char * const *doors = concierge_queued_call_get_door_ids (row->call);

  gtk_widget_set_visible (row->answer, waiting);
  gtk_widget_set_visible (row->decline, waiting);
  gtk_widget_set_visible (row->silence, state == CONCIERGE_QUEUED_CALL_RINGING);
  gtk_widget_set_visible (row->open_door, waiting || state == CONCIERGE_QUEUED_CALL_ANSWERED);
  gtk_widget_set_sensitive (row->open_door, doors != NULL && doors[0] != NULL);
  gtk_widget_set_visible (row->show_call, state == CONCIERGE_QUEUED_CALL_ANSWERED);

  if (concierge_queued_call_is_finished (row->call))
    gtk_widget_add_css_class (row->box, "dim-label");
  else
    gtk_widget_remove_css_class (row->box, "dim-label");
  if (state == CONCIERGE_QUEUED_CALL_RINGING)
    gtk_widget_add_css_class (row->box, "concierge-call-ringing");
  else
    gtk_widget_remove_css_class (row->box, "concierge-call-ringing");

  row_update_status (row);
}

static void
set_row_action (GtkWidget  *button,
                const char *target)
{
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                  g_object_get_data (G_OBJECT (button), "row-action"));
}

static void
row_update_place (Row *row)
{
  HccCall *call = concierge_queued_call_get_call (row->call);
  g_autofree char *building = NULL;
  g_autofree char *room_id = NULL;
  g_autofree char *place = NULL;

  _concierge_call_find_place (row->view->session, call, camera_area (row->view, call),
                              &building, &room_id);
  place = _concierge_call_describe_place (call, building);

  gtk_label_set_label (row->place, place);
  gtk_widget_set_visible (row->show_room, room_id != NULL);
  if (room_id != NULL)
    set_row_action (row->show_room, room_id);
}

static void
row_state_cb (GtkWidget *box)
{
  row_update_state (g_object_get_data (G_OBJECT (box), "row-data"));
}

static void
row_waiting_cb (GtkWidget *box)
{
  row_update_status (g_object_get_data (G_OBJECT (box), "row-data"));
}

/* The action is set in bind, with its target: an action name without
 * the string target would be a type mismatch. */
static GtkWidget *
row_button (GtkWidget  *box,
            const char *name,
            const char *label,
            const char *action,
            const char *style)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "row-action", (gpointer) action);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  gtk_box_append (GTK_BOX (box), button);

  return button;
}

/* One row per call, made by the list box when the call joins the queue
 * and dropped when it leaves. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  ConciergeCallsView *self = user_data;
  ConciergeQueuedCall *call = item;
  HccCall *hcc_call = concierge_queued_call_get_call (call);
  const char *station = _concierge_call_station_name (hcc_call);
  const char *record_id = concierge_queued_call_get_record_id (call);
  g_autofree char *answer_label = NULL;
  g_autofree char *decline_label = NULL;
  g_autofree char *door_label = NULL;
  Row *row = g_new0 (Row, 1);
  GtkWidget *texts;
  GtkWidget *buttons;

  row->view = self;
  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (row->box, "concierge-call-row");
  gtk_widget_set_margin_start (row->box, 12);
  gtk_widget_set_margin_end (row->box, 12);
  gtk_widget_set_margin_top (row->box, 9);
  gtk_widget_set_margin_bottom (row->box, 9);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row->box), texts);

  row->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (row->title), "call-title");
  gtk_label_set_xalign (row->title, 0);
  gtk_label_set_ellipsize (row->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->title), "heading");
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (row->title));

  row->place = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (row->place), "call-place");
  gtk_label_set_xalign (row->place, 0);
  gtk_label_set_ellipsize (row->place, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->place), "dim-label");
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (row->place));

  row->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (row->status), "call-status");
  gtk_label_set_xalign (row->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row->status), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (row->status), "concierge-call-status");
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (row->status));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row->box), buttons);

  row->answer = row_button (buttons, "answer", _("Answer"), "app.answer", "suggested-action");
  row->decline = row_button (buttons, "decline", _("Decline"), "app.decline",
                             "destructive-action");
  row->silence = row_button (buttons, "silence", NULL, "app.silence", "flat");
  gtk_button_set_icon_name (GTK_BUTTON (row->silence), "audio-volume-muted-symbolic");
  gtk_widget_set_tooltip_text (row->silence, _("Silence the ring here (the door keeps ringing)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->silence),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Silence"),
                                  -1);
  row->open_door = row_button (buttons, "open-door", _("Open Door"), "app.open-door", NULL);
  row->show_room = row_button (buttons, "show-room", _("Show Room"), "win.show-room", "flat");
  row->show_call = row_button (buttons, "show-call", _("Show Call"), "app.show-call", NULL);

  g_object_set_data_full (G_OBJECT (row->box), "row-data", row, g_free);
  /* The list box keeps no reference to the item; the row does. */
  g_object_set_data_full (G_OBJECT (row->box), "row-call", g_object_ref (call), g_object_unref);
  row->call = call;
  gtk_label_set_label (row->title, station);

  set_row_action (row->answer, record_id);
  set_row_action (row->decline, record_id);
  set_row_action (row->silence, record_id);
  set_row_action (row->open_door, record_id);
  set_row_action (row->show_call, record_id);

  /* Several rows have the same buttons: the station's name tells a screen
   * reader's user which call each one acts on. */
  /* Translators: accessible label of a call's Answer button; %s is the door station. */
  answer_label = g_strdup_printf (_("Answer %s"), station);
  /* Translators: accessible label of a call's Decline button; %s is the door station. */
  decline_label = g_strdup_printf (_("Decline %s"), station);
  /* Translators: accessible label of a call's Open Door button; %s is the door station. */
  door_label = g_strdup_printf (_("Open the door of %s"), station);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->answer),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, answer_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->decline),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, decline_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->open_door),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, door_label, -1);

  /* The row lives as long as the call is in the queue; the connections
   * end with whichever goes first. */
  g_signal_connect_object (call, "notify::state", G_CALLBACK (row_state_cb), row->box,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (call, "notify::door-ids", G_CALLBACK (row_state_cb), row->box,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (call, "notify::waiting-seconds", G_CALLBACK (row_waiting_cb),
                           row->box, G_CONNECT_SWAPPED);

  row_update_place (row);
  row_update_state (row);

  return row->box;
}

/* Rows look again at their place when the directory or a camera area
 * tells more. */
static void
refresh_bound_rows (ConciergeCallsView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_widget_get_first_child (child);
      Row *row = box != NULL ? g_object_get_data (G_OBJECT (box), "row-data") : NULL;

      if (row != NULL && row->call != NULL)
        row_update_place (row);
    }
}

/* The queue page */

static ConciergeQueuedCall *
oldest_waiting_call (ConciergeCallsView *self)
{
  guint n;

  if (self->queue == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConciergeQueuedCall) call = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (concierge_queued_call_is_ringing_at_door (call))
        return call;
    }

  return NULL;
}

static void
update_preview_problem (ConciergeCallsView *self)
{
  const char *problem = NULL;

  if (self->preview_video != NULL && self->preview_record_id != NULL)
    problem = concierge_station_video_get_problem (self->preview_video);

  gtk_label_set_label (self->preview_problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_problem_label), problem != NULL);
}

/* The preview follows the oldest call still waiting at a door, and plays
 * only while the queue is on screen. */
static void
update_preview (ConciergeCallsView *self)
{
  ConciergeQueuedCall *call = oldest_waiting_call (self);
  gboolean on_screen = gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                       g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "queue") == 0;

  /* The box around the preview too: a hidden preview leaves no gap. */
  gtk_widget_set_visible (self->preview_box, call != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (self->preview_box), call != NULL);

  if (call == NULL || !on_screen || self->preview_video == NULL)
    {
      g_clear_pointer (&self->preview_record_id, g_free);
      if (self->preview_video != NULL)
        concierge_station_video_stop (self->preview_video);
      update_preview_problem (self);
      return;
    }

  if (g_strcmp0 (self->preview_record_id, concierge_queued_call_get_record_id (call)) != 0)
    {
      HccCall *hcc_call = concierge_queued_call_get_call (call);
      const char *station = _concierge_call_station_name (hcc_call);
      g_autofree char *caption = NULL;

      g_free (self->preview_record_id);
      self->preview_record_id = g_strdup (concierge_queued_call_get_record_id (call));

      /* Translators: the caption under the ringing call's video; %s is the door station. */
      caption = g_strdup_printf (_("At the door: %s"), station);
      gtk_label_set_label (self->preview_label, caption);
      concierge_player_view_set_title (self->preview_view, station);
      /* A small picture needs no HD stream, and costs a third of the CPU. */
      concierge_station_video_set_quality (self->preview_video, HCC_STREAM_QUALITY_FLUENT);
      concierge_station_video_start (self->preview_video,
                                     hcc_call_get_device_serial (hcc_call) ?: "");
    }

  update_preview_problem (self);
}

static void
update_page (ConciergeCallsView *self)
{
  guint n = self->queue != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->queue)) : 0;
  guint waiting = 0;
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConciergeQueuedCall) call = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (concierge_queued_call_is_ringing_at_door (call))
        waiting++;
    }

  if (waiting > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: the header of the call queue. */
      text = g_strdup_printf (ngettext ("%u caller waiting", "%u callers waiting", waiting),
                              waiting);
      gtk_label_set_label (self->waiting_label, text);
    }
  else
    {
      gtk_label_set_label (self->waiting_label, _("Nobody waiting"));
    }

  if (self->session == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Not Connected"));
      adw_status_page_set_description (self->empty_page,
                                       _("Door calls appear here once Concierge is connected to the site."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Calls"));
      adw_status_page_set_description (self->empty_page,
                                       _("When a door station calls, it rings and appears here."));
    }

  /* The call view stays up while the operator talks, whatever the queue does. */
  if (g_strcmp0 (current, "call") != 0)
    gtk_stack_set_visible_child_name (self->stack, n > 0 ? "queue" : "empty");

  update_preview (self);
}

static void
call_state_cb (ConciergeCallsView *self)
{
  update_page (self);
}

static void
watch_calls (ConciergeCallsView *self,
             guint               position,
             guint               added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ConciergeQueuedCall) call = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      g_signal_connect_object (call, "notify::state", G_CALLBACK (call_state_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
items_changed_cb (ConciergeCallsView *self,
                  guint               position,
                  guint               removed,
                  guint               added)
{
  watch_calls (self, position, added);
  update_page (self);
}

static void
preview_area_cb (ConciergeCallsView *self)
{
  const char *serial = concierge_station_video_get_serial (self->preview_video);
  const char *area = concierge_station_video_get_area_name (self->preview_video);

  /* The area stays known when the preview stops (and forgets it). */
  if (serial != NULL && area != NULL && *area != '\0')
    g_hash_table_replace (self->station_areas, g_strdup (serial), g_strdup (area));
  refresh_bound_rows (self);
  update_preview_problem (self);
}

static void
directory_changed_cb (ConciergeCallsView *self)
{
  refresh_bound_rows (self);
}

static GListModel *
watch_model (ConciergeCallsView *self,
             GListModel         *model)
{
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (directory_changed_cb), self);
  return g_object_ref (model);
}

/* Places and Show Room come from the directory (buildings, rooms, the
 * called residents), which exists once the session started and fills in
 * the background. */
static void
watch_directory (ConciergeCallsView *self)
{
  ConciergeDirectory *directory;

  if (self->rooms != NULL || self->session == NULL)
    return;

  directory = concierge_session_get_directory (self->session);
  if (directory == NULL)
    return;

  self->rooms = watch_model (self, concierge_directory_get_rooms (directory));
  self->buildings = watch_model (self, concierge_directory_get_buildings (directory));
  self->residents = watch_model (self, concierge_directory_get_residents (directory));
  refresh_bound_rows (self);
}

static void
unwatch_directory (ConciergeCallsView *self)
{
  GListModel **models[] = { &self->rooms, &self->buildings, &self->residents };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    if (*models[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (*models[i], self);
        g_clear_object (models[i]);
      }
}

static void
stack_child_cb (ConciergeCallsView *self)
{
  update_preview (self);
}

static void
show_queue_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  concierge_calls_view_show_queue (CONCIERGE_CALLS_VIEW (widget));
}

static void
concierge_calls_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (concierge_calls_view_parent_class)->map (widget);
  update_preview (CONCIERGE_CALLS_VIEW (widget));
}

static void
concierge_calls_view_unmap (GtkWidget *widget)
{
  ConciergeCallsView *self = CONCIERGE_CALLS_VIEW (widget);

  GTK_WIDGET_CLASS (concierge_calls_view_parent_class)->unmap (widget);
  update_preview (self);
}

static void
concierge_calls_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConciergeCallsView *self = CONCIERGE_CALLS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_calls_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConciergeCallsView *self = CONCIERGE_CALLS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      concierge_calls_view_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_calls_view_dispose (GObject *object)
{
  ConciergeCallsView *self = CONCIERGE_CALLS_VIEW (object);

  if (self->preview_player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->stack, self);
      concierge_calls_view_set_session (self, NULL);
      concierge_player_view_set_player (self->preview_view, NULL);
    }
  g_clear_object (&self->preview_player);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  /* AdwBin unparents its child itself; doing it first keeps the template
   * disposal from unparenting it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_CALLS_VIEW);

  G_OBJECT_CLASS (concierge_calls_view_parent_class)->dispose (object);
}

static void
concierge_calls_view_finalize (GObject *object)
{
  ConciergeCallsView *self = CONCIERGE_CALLS_VIEW (object);

  g_free (self->preview_record_id);
  g_free (self->last_toast);
  g_hash_table_unref (self->station_areas);

  G_OBJECT_CLASS (concierge_calls_view_parent_class)->finalize (object);
}

static void
concierge_calls_view_class_init (ConciergeCallsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_calls_view_get_property;
  object_class->set_property = concierge_calls_view_set_property;
  object_class->dispose = concierge_calls_view_dispose;
  object_class->finalize = concierge_calls_view_finalize;
  widget_class->map = concierge_calls_view_map;
  widget_class->unmap = concierge_calls_view_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CONCIERGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "calls.show-queue", NULL, show_queue_action);

  g_type_ensure (CONCIERGE_TYPE_CALL_VIEW);
  g_type_ensure (CONCIERGE_TYPE_PLAYER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-calls-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, preview_box);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, preview_view);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, preview_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, preview_problem_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, list_box);
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallsView, call_view);
}

static void
concierge_calls_view_init (ConciergeCallsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->station_areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->preview_player = concierge_player_new ();
  concierge_player_view_set_player (self->preview_view, self->preview_player);

  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (stack_child_cb), self);
  update_page (self);
}

GtkWidget *
concierge_calls_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_CALLS_VIEW, NULL);
}

ConciergeSession *
concierge_calls_view_get_session (ConciergeCallsView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALLS_VIEW (self), NULL);

  return self->session;
}

void
concierge_calls_view_set_session (ConciergeCallsView *self,
                                  ConciergeSession   *session)
{
  g_return_if_fail (CONCIERGE_IS_CALLS_VIEW (self));
  g_return_if_fail (session == NULL || CONCIERGE_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Everything of the old session goes: its calls, its stream, its toasts
   * would make no sense any more. */
  concierge_calls_view_show_queue (self);
  concierge_call_view_set_session (self->call_view, session);

  if (self->queue != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) call = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

          g_signal_handlers_disconnect_by_data (call, self);
        }
      g_signal_handlers_disconnect_by_data (self->queue, self);
      g_clear_object (&self->queue);
    }

  if (self->preview_video != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->preview_video, self);
      concierge_station_video_stop (self->preview_video);
      g_clear_object (&self->preview_video);
    }
  g_clear_pointer (&self->preview_record_id, g_free);

  unwatch_directory (self);
  g_hash_table_remove_all (self->station_areas);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  g_set_object (&self->session, session);

  if (session != NULL)
    {
      self->queue = g_object_ref (concierge_session_get_call_queue (session));
      g_signal_connect_swapped (self->queue, "items-changed",
                                G_CALLBACK (items_changed_cb), self);
      watch_calls (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->queue)));

      self->preview_video = concierge_station_video_new (concierge_session_get_client (session),
                                                         self->preview_player);
      g_signal_connect_swapped (self->preview_video, "notify::area-name",
                                G_CALLBACK (preview_area_cb), self);
      g_signal_connect_swapped (self->preview_video, "notify::problem",
                                G_CALLBACK (preview_area_cb), self);
      g_signal_connect_swapped (session, "notify::started", G_CALLBACK (watch_directory), self);
    }

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->queue),
                           create_row_cb, self, NULL);
  update_page (self);
  watch_directory (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
concierge_calls_view_show_call (ConciergeCallsView *self,
                                const char         *record_id)
{
  ConciergeQueuedCall *call = NULL;

  g_return_if_fail (CONCIERGE_IS_CALLS_VIEW (self));
  g_return_if_fail (record_id != NULL);

  if (self->queue != NULL)
    call = concierge_call_queue_lookup (self->queue, record_id);
  if (call == NULL)
    {
      g_debug ("Call %s is not in the queue: not shown", record_id);
      return;
    }

  concierge_call_view_set_call (self->call_view, call);
  gtk_stack_set_visible_child_name (self->stack, "call");
}

void
concierge_calls_view_show_queue (ConciergeCallsView *self)
{
  g_return_if_fail (CONCIERGE_IS_CALLS_VIEW (self));

  concierge_call_view_set_call (self->call_view, NULL);
  gtk_stack_set_visible_child_name (self->stack, "queue");
  update_page (self);
}

void
concierge_calls_view_add_toast (ConciergeCallsView *self,
                                const char         *message)
{
  AdwToast *toast;

  g_return_if_fail (CONCIERGE_IS_CALLS_VIEW (self));
  g_return_if_fail (message != NULL);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

ConciergeCallView *
_concierge_calls_view_get_call_view (ConciergeCallsView *self)
{
  return self->call_view;
}

const char *
_concierge_calls_view_get_page (ConciergeCallsView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
_concierge_calls_view_get_list_view (ConciergeCallsView *self)
{
  return GTK_WIDGET (self->list_box);
}

GtkLabel *
_concierge_calls_view_get_waiting_label (ConciergeCallsView *self)
{
  return self->waiting_label;
}

ConciergePlayer *
_concierge_calls_view_get_preview_player (ConciergeCallsView *self)
{
  return self->preview_player;
}

const char *
_concierge_calls_view_get_preview_record_id (ConciergeCallsView *self)
{
  return self->preview_record_id;
}

const char *
_concierge_calls_view_get_last_toast (ConciergeCallsView *self)
{
  return self->last_toast;
}
