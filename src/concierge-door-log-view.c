/* concierge-door-log-view.c: the desk's audit log of door commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every door command of this desk, from a call or from the Doors view, with
 * the operator on shift, the reason and what the platform answered. The
 * platform itself cannot say who opened a door: its keys are site-wide.
 */

#define G_LOG_DOMAIN "concierge-door-log-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-log-views-private.h"
#include "hcc-error.h"

struct _ConciergeDoorLogView {
  AdwBin parent_instance;

  ConciergeLogCore  core;
};

G_DEFINE_FINAL_TYPE (ConciergeDoorLogView, concierge_door_log_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Cells */

static char *
time_cell (gpointer     item,
           const char **icon_name)
{
  return concierge_log_format_time (concierge_door_action_get_time (item));
}

static char *
operator_cell (gpointer     item,
               const char **icon_name)
{
  return g_strdup (concierge_door_action_get_operator (item));
}

static char *
door_cell (gpointer     item,
           const char **icon_name)
{
  const char *name = concierge_door_action_get_door_name (item);

  if (name == NULL || *name == '\0')
    name = concierge_door_action_get_door_id (item);
  return g_strdup (name != NULL ? name : "");
}

static char *
action_cell (gpointer     item,
             const char **icon_name)
{
  switch (concierge_door_action_get_kind (item))
    {
    case CONCIERGE_DOOR_ACTION_UNLOCK:
      *icon_name = "changes-allow-symbolic";
      return g_strdup (_("Unlock"));
    case CONCIERGE_DOOR_ACTION_LOCK:
      *icon_name = "changes-prevent-symbolic";
      return g_strdup (_("Lock"));
    case CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED:
      *icon_name = "changes-allow-symbolic";
      return g_strdup (_("Keep unlocked"));
    case CONCIERGE_DOOR_ACTION_KEEP_LOCKED:
      *icon_name = "changes-prevent-symbolic";
      return g_strdup (_("Keep locked"));
    default:
      return g_strdup ("");
    }
}

static char *
reason_cell (gpointer     item,
             const char **icon_name)
{
  return g_strdup (concierge_door_action_get_reason (item));
}

static char *
result_cell (gpointer     item,
             const char **icon_name)
{
  const char *message = concierge_door_action_get_error_message (item);
  const char *code = concierge_door_action_get_error_code (item);

  switch (concierge_door_action_get_result (item))
    {
    case CONCIERGE_DOOR_ACTION_RESULT_PENDING:
      *icon_name = "content-loading-symbolic";
      return g_strdup (_("No answer yet"));
    case CONCIERGE_DOOR_ACTION_RESULT_OK:
      *icon_name = "object-select-symbolic";
      return g_strdup (_("Done"));
    case CONCIERGE_DOOR_ACTION_RESULT_FAILED:
      *icon_name = "dialog-error-symbolic";
      if (message != NULL && *message != '\0')
        /* TRANSLATORS: %s is the platform's reason, e.g. "The door station is offline." */
        return g_strdup_printf (_("Failed: %s"), message);
      if (code != NULL && *code != '\0')
        {
          /* Actions logged by the call queue keep the code only: put it
           * in words the same way. */
          g_autoptr(GError) error = hcc_error_new_platform (code, NULL);

          return g_strdup_printf (_("Failed: %s"), error->message);
        }
      return g_strdup (_("Failed"));
    default:
      return g_strdup ("");
    }
}

static char *
source_cell (gpointer     item,
             const char **icon_name)
{
  switch (concierge_door_action_get_source (item))
    {
    case CONCIERGE_DOOR_ACTION_SOURCE_CALL:
      *icon_name = "call-start-symbolic";
      return g_strdup (_("During a call"));
    case CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW:
      *icon_name = "system-lock-screen-symbolic";
      return g_strdup (_("Doors view"));
    default:
      return g_strdup ("");
    }
}

/* Template callbacks, forwarded to the core */

static void
search_changed_cb (ConciergeDoorLogView *self)
{
  concierge_log_core_search_changed (&self->core);
}

static void
from_picked_cb (ConciergeDoorLogView *self)
{
  concierge_log_core_from_picked (&self->core);
}

static void
until_picked_cb (ConciergeDoorLogView *self)
{
  concierge_log_core_until_picked (&self->core);
}

static void
clear_from_cb (ConciergeDoorLogView *self)
{
  concierge_log_core_clear_from (&self->core);
}

static void
clear_until_cb (ConciergeDoorLogView *self)
{
  concierge_log_core_clear_until (&self->core);
}

static void
export_clicked_cb (ConciergeDoorLogView *self)
{
  concierge_log_core_export (&self->core);
}

static void
retry_clicked_cb (ConciergeDoorLogView *self)
{
  concierge_log_core_reload (&self->core);
}

static void
more_clicked_cb (ConciergeDoorLogView *self)
{
  concierge_log_core_load_more (&self->core);
}

/* Session */

ConciergeSession *
concierge_door_log_view_get_session (ConciergeDoorLogView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_LOG_VIEW (self), NULL);

  return self->core.session;
}

static void
session_started_cb (ConciergeDoorLogView *self)
{
  /* Re-applying the same session picks up the store once it has started. */
  {
    g_autoptr(ConciergeSession) session = self->core.session != NULL
                                          ? g_object_ref (self->core.session) : NULL;

    concierge_log_core_set_session (&self->core, session);
  }
}

void
concierge_door_log_view_set_session (ConciergeDoorLogView *self,
                                     ConciergeSession     *session)
{
  g_return_if_fail (CONCIERGE_IS_DOOR_LOG_VIEW (self));
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
concierge_door_log_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ConciergeDoorLogView *self = CONCIERGE_DOOR_LOG_VIEW (object);

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
concierge_door_log_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ConciergeDoorLogView *self = CONCIERGE_DOOR_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      concierge_door_log_view_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_door_log_view_dispose (GObject *object)
{
  ConciergeDoorLogView *self = CONCIERGE_DOOR_LOG_VIEW (object);

  if (self->core.session != NULL)
    g_signal_handlers_disconnect_by_data (self->core.session, self);
  concierge_log_core_dispose (&self->core);

  /* AdwBin unparents its child itself; doing it first keeps the template
   * disposal from unparenting it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_DOOR_LOG_VIEW);

  G_OBJECT_CLASS (concierge_door_log_view_parent_class)->dispose (object);
}

static void
concierge_door_log_view_class_init (ConciergeDoorLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_door_log_view_get_property;
  object_class->set_property = concierge_door_log_view_set_property;
  object_class->dispose = concierge_door_log_view_dispose;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CONCIERGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-door-log-view.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "toast_overlay", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.toast_overlay));
  gtk_widget_class_bind_template_child_full (widget_class, "search_entry", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.search_entry));
  gtk_widget_class_bind_template_child_full (widget_class, "from_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.from_button));
  gtk_widget_class_bind_template_child_full (widget_class, "from_calendar", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.from_calendar));
  gtk_widget_class_bind_template_child_full (widget_class, "until_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.until_button));
  gtk_widget_class_bind_template_child_full (widget_class, "until_calendar", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.until_calendar));
  gtk_widget_class_bind_template_child_full (widget_class, "date_error", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.date_error));
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.export_button));
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.stack));
  gtk_widget_class_bind_template_child_full (widget_class, "status_page", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.status_page));
  gtk_widget_class_bind_template_child_full (widget_class, "retry_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.retry_button));
  gtk_widget_class_bind_template_child_full (widget_class, "column_view", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.column_view));
  gtk_widget_class_bind_template_child_full (widget_class, "more_button", FALSE,
                                             G_STRUCT_OFFSET (ConciergeDoorLogView, core.more_button));
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, until_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_from_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_until_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
}

static const ConciergeLogOps door_log_ops = {
  .query_async = concierge_log_store_query_door_actions_async,
  .query_finish = concierge_log_store_query_door_actions_finish,
  .export_async = concierge_log_store_export_door_actions_async,
  .export_finish = concierge_log_store_export_door_actions_finish,
  .changed_signal = "door-actions-changed",
  .needs_attention = NULL,
  .item_time = (GDateTime *(*) (gpointer)) concierge_door_action_get_time,
  .empty_icon = "system-lock-screen-symbolic",
  .file_prefix = "concierge-door-actions",
};

static void
concierge_door_log_view_init (ConciergeDoorLogView *self)
{
  /* The ops hold translated texts, so they are filled per instance from a
   * static template rather than translated at compile time. */
  static ConciergeLogOps ops;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (ops.query_async == NULL)
    {
      ops = door_log_ops;
      ops.item_type = CONCIERGE_TYPE_DOOR_ACTION;
      ops.empty_title = _("No Door Actions Yet");
      ops.empty_description = _("Every door this desk opens or locks is kept here, with who did it and why.");
      ops.no_match_title = _("No Matching Door Actions");
      ops.export_title = _("Export the Door Log");
    }

  concierge_log_core_init (&self->core, GTK_WIDGET (self), &ops);
  concierge_log_core_add_column (&self->core, _("Time"), time_cell, FALSE);
  concierge_log_core_add_column (&self->core, _("Operator"), operator_cell, FALSE);
  concierge_log_core_add_column (&self->core, _("Door"), door_cell, TRUE);
  concierge_log_core_add_column (&self->core, _("Action"), action_cell, FALSE);
  concierge_log_core_add_column (&self->core, _("Reason"), reason_cell, TRUE);
  concierge_log_core_add_column (&self->core, _("Result"), result_cell, TRUE);
  concierge_log_core_add_column (&self->core, _("Source"), source_cell, FALSE);
}

GtkWidget *
concierge_door_log_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_DOOR_LOG_VIEW, NULL);
}

/* Tests */

ConciergeLogCore *
_concierge_door_log_view_get_core (ConciergeDoorLogView *self)
{
  return &self->core;
}
