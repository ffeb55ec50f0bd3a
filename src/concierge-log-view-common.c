/* concierge-log-view-common.c: what the call log and door log views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's records are snapshots, so a change in the log means running
 * the query again. The core keeps as many rows as the operator has loaded
 * and replaces them in one splice, which keeps the column view's selection
 * and scroll position where they were for the rows that did not move.
 */

#define G_LOG_DOMAIN "concierge-log-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-log-view-common.h"

#define PAGE_SIZE 100

static gboolean
core_filtered (ConciergeLogCore *core)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (core->search_entry));

  return (text != NULL && *text != '\0') || core->from != NULL || core->until != NULL;
}

static void
show_status (ConciergeLogCore *core,
             const char       *icon_name,
             const char       *title,
             const char       *description,
             gboolean          retry)
{
  adw_status_page_set_icon_name (core->status_page, icon_name);
  adw_status_page_set_title (core->status_page, title);
  adw_status_page_set_description (core->status_page, description);
  gtk_widget_set_visible (GTK_WIDGET (core->retry_button), retry);
  gtk_stack_set_visible_child_name (core->stack, "status");
}

static void
update_controls (ConciergeLogCore *core)
{
  gboolean usable = core->store != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (core->search_entry), usable);
  gtk_widget_set_sensitive (GTK_WIDGET (core->from_button), usable);
  gtk_widget_set_sensitive (GTK_WIDGET (core->until_button), usable);
  gtk_widget_set_sensitive (GTK_WIDGET (core->export_button), usable);
  gtk_widget_set_visible (GTK_WIDGET (core->more_button), usable && core->has_more);
}

static void
show_items (ConciergeLogCore *core)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (core->items)) > 0)
    {
      gtk_stack_set_visible_child_name (core->stack, "log");
    }
  else if (core_filtered (core))
    {
      show_status (core, "edit-find-symbolic", core->ops->no_match_title,
                   _("Try other words or a wider date range."), FALSE);
    }
  else
    {
      show_status (core, core->ops->empty_icon, core->ops->empty_title,
                   core->ops->empty_description, FALSE);
    }
  update_controls (core);
}

/* Dates */

static GDateTime *
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  /* The calendar's date is a day; the filter is that day's local midnight. */
  return g_date_time_new (zone,
                          g_date_time_get_year (picked),
                          g_date_time_get_month (picked),
                          g_date_time_get_day_of_month (picked),
                          0, 0, 0);
}

static void
update_date_labels (ConciergeLogCore *core)
{
  g_autofree char *from_text = NULL;
  g_autofree char *until_text = NULL;

  if (core->from != NULL)
    {
      /* TRANSLATORS: strftime format of a day in the log's date filter. */
      g_autofree char *day = g_date_time_format (core->from, _("%Y-%m-%d"));

      /* TRANSLATORS: %s is a day, e.g. "2026-11-25". */
      from_text = g_strdup_printf (_("From %s"), day);
    }
  else
    {
      from_text = g_strdup (_("From Any Day"));
    }

  if (core->until != NULL)
    {
      g_autoptr(GDateTime) last = g_date_time_add_days (core->until, -1);
      g_autofree char *day = g_date_time_format (last, _("%Y-%m-%d"));

      /* TRANSLATORS: %s is the last day included, e.g. "2026-11-25". */
      until_text = g_strdup_printf (_("Until %s"), day);
    }
  else
    {
      until_text = g_strdup (_("Until Today"));
    }

  gtk_menu_button_set_label (core->from_button, from_text);
  gtk_menu_button_set_label (core->until_button, until_text);
}

static gboolean
dates_valid (ConciergeLogCore *core)
{
  gboolean valid = core->from == NULL || core->until == NULL
                   || g_date_time_compare (core->from, core->until) < 0;

  /* Said next to the buttons as soon as the range is impossible, rather
   * than showing an empty log that looks like "no calls". */
  gtk_widget_set_visible (GTK_WIDGET (core->date_error), !valid);
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (core->from_button), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (core->until_button), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (core->from_button), "error");
      gtk_widget_add_css_class (GTK_WIDGET (core->until_button), "error");
    }

  return valid;
}

/* Queries */

typedef struct {
  GtkWidget        *owner;   /* (owned) keeps the core alive */
  ConciergeLogCore *core;
  gboolean          append;
  gboolean          keep_window;  /* reloaded from the oldest row shown on, without limit */
  int               limit;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_clear_object (&data->owner);
  g_free (data);
}

static void
query_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  QueryData *data = user_data;
  ConciergeLogCore *core = data->core;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows;

  rows = core->ops->query_finish (CONCIERGE_LOG_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      query_data_free (data);
      return;
    }

  core->n_requests--;
  g_clear_object (&core->query);

  if (rows == NULL)
    {
      g_debug ("The log query failed: %s", error->message);
      g_list_store_remove_all (core->items);
      core->has_more = FALSE;
      show_status (core, "dialog-warning-symbolic", _("Could Not Read the Log"),
                   error->message, TRUE);
      update_controls (core);
      query_data_free (data);
      return;
    }

  n_rows = g_list_model_get_n_items (rows);
  {
    g_autofree gpointer *objects = g_new0 (gpointer, n_rows + 1);

    for (guint i = 0; i < n_rows; i++)
      objects[i] = g_list_model_get_item (rows, i);

    if (data->append)
      {
        g_list_store_splice (core->items, g_list_model_get_n_items (G_LIST_MODEL (core->items)),
                             0, objects, n_rows);
        core->has_more = data->limit > 0 && n_rows >= (guint) data->limit;
      }
    else
      {
        guint shown = g_list_model_get_n_items (G_LIST_MODEL (core->items));

        g_list_store_splice (core->items, 0, shown, objects, n_rows);
        /* A kept window leaves the older rows where they were: unloaded. */
        if (!data->keep_window)
          core->has_more = data->limit > 0 && n_rows >= (guint) data->limit;
      }

    for (guint i = 0; i < n_rows; i++)
      g_object_unref (objects[i]);
  }

  show_items (core);
  query_data_free (data);
}

static void
run_query (ConciergeLogCore *core,
           gboolean          append)
{
  QueryData *data;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (core->items));
  guint offset = append ? shown : 0;
  int limit = append ? PAGE_SIZE : (int) MAX (PAGE_SIZE, shown);
  g_autoptr(GDateTime) from = core->from != NULL ? g_date_time_ref (core->from) : NULL;
  gboolean keep_window = FALSE;

  if (core->store == NULL)
    return;

  /* A newer query makes the one in flight obsolete. */
  if (core->query != NULL)
    {
      g_cancellable_cancel (core->query);
      g_clear_object (&core->query);
      core->n_requests--;
    }

  if (!dates_valid (core))
    {
      g_list_store_remove_all (core->items);
      core->has_more = FALSE;
      show_status (core, "x-office-calendar-symbolic", _("Impossible Date Range"),
                   _("The first day is after the last day. Pick another range."), FALSE);
      update_controls (core);
      return;
    }

  /* Reloading after a change while older rows are still unloaded: keep
   * exactly the loaded window (everything from the oldest row shown on)
   * plus whatever is new, rather than a count that new rows would push
   * the oldest ones out of. */
  if (!append && shown > 0 && !core->has_more)
    {
      /* Everything was loaded: it still is, new rows included. */
      limit = -1;
    }
  else if (!append && core->has_more && shown > 0)
    {
      g_autoptr(GObject) oldest = g_list_model_get_item (G_LIST_MODEL (core->items), shown - 1);
      GDateTime *oldest_time = core->ops->item_time (oldest);

      if (oldest_time != NULL && (from == NULL || g_date_time_compare (oldest_time, from) > 0))
        {
          g_clear_pointer (&from, g_date_time_unref);
          from = g_date_time_ref (oldest_time);
          limit = -1;
          keep_window = TRUE;
        }
    }

  core->query = g_cancellable_new ();
  /* Session changes cancel every query through the core's cancellable. */
  g_signal_connect_object (core->cancellable, "cancelled",
                           G_CALLBACK (g_cancellable_cancel), core->query, G_CONNECT_SWAPPED);

  data = g_new0 (QueryData, 1);
  data->owner = g_object_ref (core->owner);
  data->core = core;
  data->append = append;
  data->keep_window = keep_window;
  data->limit = limit;
  core->n_requests++;

  core->ops->query_async (core->store,
                          gtk_editable_get_text (GTK_EDITABLE (core->search_entry)),
                          from, core->until, offset, limit,
                          core->query, query_cb, data);
}

void
concierge_log_core_reload (ConciergeLogCore *core)
{
  run_query (core, FALSE);
}

void
concierge_log_core_load_more (ConciergeLogCore *core)
{
  run_query (core, TRUE);
}

static void
store_changed_cb (ConciergeLogCore *core)
{
  run_query (core, FALSE);
}

void
concierge_log_core_search_changed (ConciergeLogCore *core)
{
  /* A new search starts from the first page again. */
  g_list_store_remove_all (core->items);
  run_query (core, FALSE);
}

void
concierge_log_core_set_dates (ConciergeLogCore *core,
                              GDateTime        *from,
                              GDateTime        *until)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  g_clear_pointer (&core->from, g_date_time_unref);
  g_clear_pointer (&core->until, g_date_time_unref);
  if (from != NULL)
    core->from = g_date_time_new (zone, g_date_time_get_year (from), g_date_time_get_month (from),
                                  g_date_time_get_day_of_month (from), 0, 0, 0);
  if (until != NULL)
    {
      g_autoptr(GDateTime) day = g_date_time_new (zone, g_date_time_get_year (until),
                                                  g_date_time_get_month (until),
                                                  g_date_time_get_day_of_month (until), 0, 0, 0);

      /* The store's end is exclusive: the day after the last day picked. */
      core->until = g_date_time_add_days (day, 1);
    }

  update_date_labels (core);
  g_list_store_remove_all (core->items);
  run_query (core, FALSE);
}

void
concierge_log_core_from_picked (ConciergeLogCore *core)
{
  g_autoptr(GDateTime) from = calendar_day (core->from_calendar);
  g_autoptr(GDateTime) until = core->until != NULL ? g_date_time_add_days (core->until, -1) : NULL;

  concierge_log_core_set_dates (core, from, until);
}

void
concierge_log_core_until_picked (ConciergeLogCore *core)
{
  g_autoptr(GDateTime) from = core->from != NULL ? g_date_time_ref (core->from) : NULL;
  g_autoptr(GDateTime) until = calendar_day (core->until_calendar);

  concierge_log_core_set_dates (core, from, until);
}

void
concierge_log_core_clear_from (ConciergeLogCore *core)
{
  g_autoptr(GDateTime) until = core->until != NULL ? g_date_time_add_days (core->until, -1) : NULL;

  gtk_menu_button_popdown (core->from_button);
  concierge_log_core_set_dates (core, NULL, until);
}

void
concierge_log_core_clear_until (ConciergeLogCore *core)
{
  g_autoptr(GDateTime) from = core->from != NULL ? g_date_time_ref (core->from) : NULL;

  gtk_menu_button_popdown (core->until_button);
  concierge_log_core_set_dates (core, from, NULL);
}

/* Export */

char *
concierge_log_core_suggested_name (ConciergeLogCore *core)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%s-%s.csv", core->ops->file_prefix, day);
}

static void
export_task_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConciergeLogCore *core = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!core->ops->export_finish (CONCIERGE_LOG_STORE (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
concierge_log_core_export_async (ConciergeLogCore    *core,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (core->owner, cancellable, callback, user_data);
  g_task_set_source_tag (task, concierge_log_core_export_async);
  g_task_set_task_data (task, core, NULL);

  if (core->store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               "%s", _("The log is not open: connect to a site first"));
      return;
    }

  /* The store runs the query and writes the file off the main thread. */
  core->ops->export_async (core->store,
                           gtk_editable_get_text (GTK_EDITABLE (core->search_entry)),
                           core->from, core->until, file, cancellable,
                           export_task_cb, g_steal_pointer (&task));
}

gboolean
concierge_log_core_export_finish (ConciergeLogCore  *core,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, core->owner), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
concierge_log_core_toast (ConciergeLogCore *core,
                          const char       *text)
{
  /* Toast titles are Pango markup in libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (core->toast_overlay, toast);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  QueryData *data = user_data;
  ConciergeLogCore *core = data->core;
  g_autoptr(GError) error = NULL;

  if (!concierge_log_core_export_finish (core, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* TRANSLATORS: %s says why, e.g. "Permission denied". */
          g_autofree char *text = g_strdup_printf (_("Could not export the log: %s"), error->message);

          core->n_requests--;
          concierge_log_core_toast (core, text);
        }
    }
  else
    {
      core->n_requests--;
      concierge_log_core_toast (core, _("Log exported"));
    }

  query_data_free (data);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     ConciergeLogCore *core)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      QueryData *data = g_new0 (QueryData, 1);

      data->owner = g_object_ref (core->owner);
      data->core = core;
      core->n_requests++;
      concierge_log_core_export_async (core, file, core->cancellable, export_done_cb, data);
    }

  g_clear_object (&core->chooser);
}

void
concierge_log_core_export (ConciergeLogCore *core)
{
  GtkRoot *root = gtk_widget_get_root (core->owner);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  if (core->store == NULL || core->chooser != NULL)
    return;

  /* GtkFileChooserNative goes through the portal, so this works in Flatpak
   * without access to the user's files. */
  chooser = gtk_file_chooser_native_new (core->ops->export_title,
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  name = concierge_log_core_suggested_name (core);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  core->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), core);
  gtk_native_dialog_show (core->chooser);
}

/* Columns */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_visible (icon, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ConciergeLogCellFunc func = g_object_get_data (G_OBJECT (factory), "cell-func");
  ConciergeLogCore *core = user_data;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  gpointer object = gtk_list_item_get_item (item);
  const char *icon_name = NULL;
  g_autofree char *text = func (object, &icon_name);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  /* Long reasons and names are ellipsized; the tooltip has them whole. */
  gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_visible (icon, icon_name != NULL);

  /* Every cell of the row is marked; the cell with an icon (the outcome)
   * also gets the bold headline. Bold everywhere would outgrow the widths
   * the column view measured on the first rows. */
  if (core->ops->needs_attention != NULL && core->ops->needs_attention (object))
    {
      gtk_widget_add_css_class (box, "log-attention");
      if (icon_name != NULL)
        gtk_widget_add_css_class (box, "log-attention-headline");
      else
        gtk_widget_remove_css_class (box, "log-attention-headline");
    }
  else
    {
      gtk_widget_remove_css_class (box, "log-attention");
      gtk_widget_remove_css_class (box, "log-attention-headline");
    }
}

GtkColumnViewColumn *
concierge_log_core_add_column (ConciergeLogCore     *core,
                               const char           *title,
                               ConciergeLogCellFunc  func,
                               gboolean              expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "cell-func", func);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), core);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), core);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (core->column_view, column);
  g_object_unref (column);

  return column;
}

char *
concierge_log_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  /* TRANSLATORS: strftime format of a time in the call and door logs. */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

/* Session */

void
concierge_log_core_set_session (ConciergeLogCore *core,
                                ConciergeSession *session)
{
  ConciergeLogStore *store;

  g_cancellable_cancel (core->cancellable);
  g_clear_object (&core->cancellable);
  core->cancellable = g_cancellable_new ();
  g_clear_object (&core->query);
  core->n_requests = 0;
  if (core->chooser != NULL)
    gtk_native_dialog_destroy (core->chooser);
  g_clear_object (&core->chooser);

  if (core->store != NULL)
    g_signal_handlers_disconnect_by_data (core->store, core);
  g_clear_object (&core->store);
  g_set_object (&core->session, session);

  g_list_store_remove_all (core->items);
  core->has_more = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (core->search_entry), "");
  g_clear_pointer (&core->from, g_date_time_unref);
  g_clear_pointer (&core->until, g_date_time_unref);
  update_date_labels (core);
  dates_valid (core);

  store = session != NULL ? concierge_session_get_log_store (session) : NULL;
  if (session == NULL)
    {
      show_status (core, "network-offline-symbolic", _("Not Connected"),
                   _("The log appears once the desk is connected to a site."), FALSE);
    }
  else if (store == NULL)
    {
      show_status (core, "network-offline-symbolic", _("Connecting"),
                   _("The log opens once the desk has started."), FALSE);
    }
  else
    {
      show_status (core, "document-open-recent-symbolic", _("Reading the Log"), NULL, FALSE);
      core->store = g_object_ref (store);
      g_signal_connect_swapped (core->store, core->ops->changed_signal,
                                G_CALLBACK (store_changed_cb), core);
      run_query (core, FALSE);
    }

  update_controls (core);
}

void
concierge_log_core_init (ConciergeLogCore      *core,
                         GtkWidget             *owner,
                         const ConciergeLogOps *ops)
{
  core->owner = owner;
  core->ops = ops;
  core->items = g_list_store_new (ops->item_type);
  core->cancellable = g_cancellable_new ();

  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (core->items)));

    gtk_column_view_set_model (core->column_view, GTK_SELECTION_MODEL (selection));
  }
  concierge_log_core_set_session (core, NULL);
}

void
concierge_log_core_dispose (ConciergeLogCore *core)
{
  if (core->cancellable != NULL)
    g_cancellable_cancel (core->cancellable);
  g_clear_object (&core->cancellable);
  g_clear_object (&core->query);
  if (core->chooser != NULL)
    gtk_native_dialog_destroy (core->chooser);
  g_clear_object (&core->chooser);
  if (core->store != NULL)
    g_signal_handlers_disconnect_by_data (core->store, core);
  g_clear_object (&core->store);
  g_clear_object (&core->session);
  g_clear_object (&core->items);
  g_clear_pointer (&core->from, g_date_time_unref);
  g_clear_pointer (&core->until, g_date_time_unref);
}
