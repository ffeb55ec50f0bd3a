/* concierge-call-log-view.c: the desk's log of door station calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Missed calls stay marked until someone at the desk acknowledges them: the
 * row is bold with a warning icon and the word "Missed", not colour alone,
 * and has its own "Acknowledge" button. The badge count lives in the log
 * store ("unacknowledged-missed"); the window shows it.
 */

#define G_LOG_DOMAIN "concierge-call-log-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-log-views-private.h"

struct _ConciergeCallLogView {
  AdwBin parent_instance;

  GtkButton        *ack_all_button;
  ConciergeLogCore  core;
};

G_DEFINE_FINAL_TYPE (ConciergeCallLogView, concierge_call_log_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Cells */

static gboolean
needs_attention (gpointer item)
{
  return concierge_call_record_get_needs_attention (item);
}

static char *
time_cell (gpointer     item,
           const char **icon_name)
{
  return concierge_log_format_time (concierge_call_record_get_started (item));
}

static char *
station_cell (gpointer     item,
              const char **icon_name)
{
  const char *name = concierge_call_record_get_device_name (item);

  if (name == NULL || *name == '\0')
    name = concierge_call_record_get_device_serial (item);
  return g_strdup (name != NULL ? name : "");
}

static char *
place_cell (gpointer     item,
            const char **icon_name)
{
  const char *building = concierge_call_record_get_building (item);
  const char *room = concierge_call_record_get_room (item);
  gboolean has_building = building != NULL && *building != '\0';
  gboolean has_room = room != NULL && *room != '\0';

  gboolean to_desk = concierge_call_record_get_call_type (item) == 1;

  if (has_building && has_room)
    /* TRANSLATORS: a building and a room number, e.g. "North Tower, room 101". */
    return g_strdup_printf (_("%s, room %s"), building, room);
  if (has_room)
    /* TRANSLATORS: %s is a room number. */
    return g_strdup_printf (_("Room %s"), room);
  /* A call to the desk from a building's station: the building alone
   * (the station's name already says it; the outcome column needs the
   * width). */
  if (has_building)
    return g_strdup (building);
  if (to_desk)
    return g_strdup (_("Management centre"));
  return g_strdup ("");
}

static char *
outcome_cell (gpointer     item,
              const char **icon_name)
{
  switch (concierge_call_record_get_outcome (item))
    {
    case CONCIERGE_CALL_OUTCOME_RINGING:
      *icon_name = "call-incoming-symbolic";
      return g_strdup (_("Ringing"));
    case CONCIERGE_CALL_OUTCOME_ANSWERED:
      *icon_name = "call-start-symbolic";
      return g_strdup (_("Answered here"));
    case CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE:
      *icon_name = "call-start-symbolic";
      return g_strdup (_("Answered elsewhere"));
    case CONCIERGE_CALL_OUTCOME_DECLINED:
      *icon_name = "call-stop-symbolic";
      return g_strdup (_("Declined"));
    case CONCIERGE_CALL_OUTCOME_MISSED:
      if (concierge_call_record_get_needs_attention (item))
        {
          *icon_name = "dialog-warning-symbolic";
          return g_strdup (_("Missed, not acknowledged"));
        }
      *icon_name = "call-missed-symbolic";
      return g_strdup (_("Missed"));
    default:
      return g_strdup ("");
    }
}

static char *
operator_cell (gpointer     item,
               const char **icon_name)
{
  return g_strdup (concierge_call_record_get_operator (item));
}

static char *
duration_cell (gpointer     item,
               const char **icon_name)
{
  gint64 seconds;

  if (concierge_call_record_get_outcome (item) != CONCIERGE_CALL_OUTCOME_ANSWERED
      || concierge_call_record_get_ended (item) == NULL)
    return g_strdup ("");

  seconds = concierge_call_record_get_duration (item);
  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* Acknowledging */

void
_concierge_call_log_view_acknowledge (ConciergeCallLogView *self,
                                      const char           *record_id)
{
  if (self->core.store == NULL || record_id == NULL)
    return;

  /* The store emits "calls-changed" once it is written; the core then
   * reloads and the highlight goes. */
  concierge_log_store_acknowledge_missed (self->core.store, record_id);
}

static void
ack_clicked_cb (GtkButton            *button,
                ConciergeCallLogView *self)
{
  _concierge_call_log_view_acknowledge (self, g_object_get_data (G_OBJECT (button), "record-id"));
}

static void
ack_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ConciergeCallLogView     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *button = gtk_button_new_with_label (_("Acknowledge"));

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (ack_clicked_cb), self);
  /* The box is ours, so the button's child visibility stays as set. */
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
}

static void
ack_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ConciergeCallLogView     *self)
{
  ConciergeCallRecord *record = gtk_list_item_get_item (item);
  GtkWidget *button = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autofree char *label = NULL;
  const char *station = concierge_call_record_get_device_name (record);

  g_object_set_data_full (G_OBJECT (button), "record-id",
                          g_strdup (concierge_call_record_get_record_id (record)), g_free);
  /* Not hidden but left unmapped: a hidden button would take its height
   * with it, and the rows with one would stand taller than the others.
   * Unmapped, it is neither drawn nor focusable nor offered to screen
   * readers, yet still measured, so every row is one height. */
  gtk_widget_set_child_visible (button, concierge_call_record_get_needs_attention (record));

  /* TRANSLATORS: accessible name of a row's button; %s is a door station. */
  label = g_strdup_printf (_("Acknowledge the missed call from %s"), station != NULL ? station : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_ack_all (ConciergeCallLogView *self)
{
  guint missed = self->core.store != NULL
                 ? concierge_log_store_get_unacknowledged_missed (self->core.store) : 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->ack_all_button), missed > 0);
  if (missed > 0)
    {
      g_autofree char *tip = NULL;

      /* TRANSLATORS: tooltip of "Acknowledge All"; %u is the number of missed calls. */
      tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Mark %u missed call as seen",
                                          "Mark all %u missed calls as seen", missed),
                             missed);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->ack_all_button), tip);
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->ack_all_button), _("No missed calls to acknowledge"));
    }
}

static void
ack_all_clicked_cb (ConciergeCallLogView *self)
{
  if (self->core.store == NULL)
    return;
  concierge_log_store_acknowledge_all_missed (self->core.store);
}

/* Template callbacks, forwarded to the core */

static void
search_changed_cb (ConciergeCallLogView *self)
{
  concierge_log_core_search_changed (&self->core);
}

static void
from_picked_cb (ConciergeCallLogView *self)
{
  concierge_log_core_from_picked (&self->core);
}

static void
until_picked_cb (ConciergeCallLogView *self)
{
  concierge_log_core_until_picked (&self->core);
}

static void
clear_from_cb (ConciergeCallLogView *self)
{
  concierge_log_core_clear_from (&self->core);
}

static void
clear_until_cb (ConciergeCallLogView *self)
{
  concierge_log_core_clear_until (&self->core);
}

static void
export_clicked_cb (ConciergeCallLogView *self)
{
  concierge_log_core_export (&self->core);
}

static void
retry_clicked_cb (ConciergeCallLogView *self)
{
  concierge_log_core_reload (&self->core);
}

static void
more_clicked_cb (ConciergeCallLogView *self)
{
  concierge_log_core_load_more (&self->core);
}

/* Session */

ConciergeSession *
concierge_call_log_view_get_session (ConciergeCallLogView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_LOG_VIEW (self), NULL);

  return self->core.session;
}

static void
session_started_cb (ConciergeCallLogView *self)
{
  if (self->core.store != NULL)
    g_signal_handlers_disconnect_by_data (self->core.store, self);

  /* Re-applying the same session picks up the store once it has started. */
  {
    g_autoptr(ConciergeSession) session = self->core.session != NULL
                                          ? g_object_ref (self->core.session) : NULL;

    concierge_log_core_set_session (&self->core, session);
  }

  if (self->core.store != NULL)
    g_signal_connect_object (self->core.store, "notify::unacknowledged-missed",
                             G_CALLBACK (update_ack_all), self, G_CONNECT_SWAPPED);
  update_ack_all (self);
}

void
concierge_call_log_view_set_session (ConciergeCallLogView *self,
                                     ConciergeSession     *session)
{
  g_return_if_fail (CONCIERGE_IS_CALL_LOG_VIEW (self));
  g_return_if_fail (session == NULL || CONCIERGE_IS_SESSION (session));

  if (self->core.session == session)
    return;

  if (self->core.session != NULL)
    g_signal_handlers_disconnect_by_data (self->core.session, self);
  g_set_object (&self->core.session, session);
  if (session != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (session), "started") != NULL)
    g_signal_connect_object (session, "notify::started",
                             G_CALLBACK (session_started_cb), self, G_CONNECT_SWAPPED);

  session_started_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* GObject */

static void
concierge_call_log_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ConciergeCallLogView *self = CONCIERGE_CALL_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->core.session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_call_log_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ConciergeCallLogView *self = CONCIERGE_CALL_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      concierge_call_log_view_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_call_log_view_dispose (GObject *object)
{
  ConciergeCallLogView *self = CONCIERGE_CALL_LOG_VIEW (object);

  if (self->core.store != NULL)
    g_signal_handlers_disconnect_by_data (self->core.store, self);
  if (self->core.session != NULL)
    g_signal_handlers_disconnect_by_data (self->core.session, self);
  concierge_log_core_dispose (&self->core);

  /* AdwBin unparents its child itself; doing it first keeps the template
   * disposal from unparenting it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_CALL_LOG_VIEW);

  G_OBJECT_CLASS (concierge_call_log_view_parent_class)->dispose (object);
}

static void
concierge_call_log_view_class_init (ConciergeCallLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_call_log_view_get_property;
  object_class->set_property = concierge_call_log_view_set_property;
  object_class->dispose = concierge_call_log_view_dispose;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CONCIERGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-call-log-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergeCallLogView, ack_all_button);
  gtk_widget_class_bind_template_child_full (widget_class, "toast_overlay", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.toast_overlay));
  gtk_widget_class_bind_template_child_full (widget_class, "search_entry", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.search_entry));
  gtk_widget_class_bind_template_child_full (widget_class, "from_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.from_button));
  gtk_widget_class_bind_template_child_full (widget_class, "from_calendar", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.from_calendar));
  gtk_widget_class_bind_template_child_full (widget_class, "until_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.until_button));
  gtk_widget_class_bind_template_child_full (widget_class, "until_calendar", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.until_calendar));
  gtk_widget_class_bind_template_child_full (widget_class, "date_error", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.date_error));
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.export_button));
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.stack));
  gtk_widget_class_bind_template_child_full (widget_class, "status_page", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.status_page));
  gtk_widget_class_bind_template_child_full (widget_class, "retry_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.retry_button));
  gtk_widget_class_bind_template_child_full (widget_class, "column_view", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.column_view));
  gtk_widget_class_bind_template_child_full (widget_class, "more_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeCallLogView, core.more_button));
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, until_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_from_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_until_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ack_all_clicked_cb);
}

static const ConciergeLogOps call_log_ops = {
  .query_async = concierge_log_store_query_calls_async,
  .query_finish = concierge_log_store_query_calls_finish,
  .export_async = concierge_log_store_export_calls_async,
  .export_finish = concierge_log_store_export_calls_finish,
  .changed_signal = "calls-changed",
  .needs_attention = needs_attention,
  .item_time = (GDateTime *(*) (gpointer)) concierge_call_record_get_started,
  .empty_icon = "call-start-symbolic",
  .file_prefix = "concierge-calls",
};

static void
concierge_call_log_view_init (ConciergeCallLogView *self)
{
  /* The ops hold translated texts, so they are filled per instance from a
   * static template rather than translated at compile time. */
  static ConciergeLogOps ops;
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (ops.query_async == NULL)
    {
      ops = call_log_ops;
      ops.item_type = CONCIERGE_TYPE_CALL_RECORD;
      ops.empty_title = _("No Calls Yet");
      ops.empty_description = _("Every call from a door station is kept here, with its outcome.");
      ops.no_match_title = _("No Matching Calls");
      ops.export_title = _("Export the Call Log");
    }

  concierge_log_core_init (&self->core, GTK_WIDGET (self), &ops);
  concierge_log_core_add_column (&self->core, _("Time"), time_cell, FALSE);
  concierge_log_core_add_column (&self->core, _("Door Station"), station_cell, TRUE);
  concierge_log_core_add_column (&self->core, _("Building and Room"), place_cell, TRUE);
  column = concierge_log_core_add_column (&self->core, _("Outcome"), outcome_cell, TRUE);
  /* Wide enough for "Missed, not acknowledged" in bold; the column view
   * measures the first rows before the highlight's weight applies. */
  gtk_column_view_column_set_fixed_width (column, 230);
  concierge_log_core_add_column (&self->core, _("Operator"), operator_cell, FALSE);
  concierge_log_core_add_column (&self->core, _("Duration"), duration_cell, FALSE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (ack_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (ack_bind_cb), self);
  column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_append_column (self->core.column_view, column);
  g_object_unref (column);

  update_ack_all (self);
}

GtkWidget *
concierge_call_log_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_CALL_LOG_VIEW, NULL);
}

/* Tests */

ConciergeLogCore *
_concierge_call_log_view_get_core (ConciergeCallLogView *self)
{
  return &self->core;
}

GtkButton *
_concierge_call_log_view_get_ack_all (ConciergeCallLogView *self)
{
  return self->ack_all_button;
}
