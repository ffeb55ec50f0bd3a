/* concierge-pass-editor.c: the dialog that creates or edits a visitor pass
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-pass-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-pass-editor-private.h"

/* The guide's limit on a pass's name (§ tempauth/add). */
#define NAME_MAX_CHARS 32

struct _ConciergePassEditor
{
  AdwWindow       parent_instance;

  GtkLabel       *form_message;
  AdwEntryRow    *name_row;
  GtkLabel       *name_counter;
  GtkLabel       *name_message;
  GtkSpinButton  *open_spin;
  GtkLabel       *open_message;
  GtkMenuButton  *start_date_button;
  GtkCalendar    *start_calendar;
  GtkSpinButton  *start_hour;
  GtkSpinButton  *start_minute;
  GtkMenuButton  *end_date_button;
  GtkCalendar    *end_calendar;
  GtkSpinButton  *end_hour;
  GtkSpinButton  *end_minute;
  GtkLabel       *validity_message;
  GtkListBox     *levels_list;
  GtkLabel       *levels_placeholder;
  GtkLabel       *levels_message;
  GtkWidget      *save_button;
  GtkWidget      *cancel_button;

  HccClient      *client;         /* (owned) */
  HccPass        *pass;           /* (owned) (nullable): the pass edited */
  GCancellable   *cancellable;    /* (owned): loading and saving */
  GHashTable     *level_checks;   /* (owned): level ID -> GtkCheckButton (unowned) */
  GHashTable     *initial_levels; /* (owned) (nullable): the edited pass's level IDs */
  HccPass        *saving_pass;    /* (owned) (nullable): the pass being sent */

  gboolean        levels_loaded;
  gboolean        pass_loaded;
  gboolean        load_failed;
  gboolean        name_touched;
  gboolean        saving;
  /* A platform refusal stays next to its field until that field changes. */
  char           *refused_field;  /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (ConciergePassEditor, concierge_pass_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_message (GtkLabel   *label,
             const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static GDateTime *
read_time (GtkCalendar   *calendar,
           GtkSpinButton *hour,
           GtkSpinButton *minute)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  /* The calendar's date is midnight in some zone; only its day counts,
   * and the time of day is the local time the desk typed. */
  return g_date_time_new (zone,
                          g_date_time_get_year (day),
                          g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (hour),
                          gtk_spin_button_get_value_as_int (minute),
                          0);
}

static void
write_time (GDateTime     *time,
            GtkCalendar   *calendar,
            GtkSpinButton *hour,
            GtkSpinButton *minute)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  gtk_calendar_select_day (calendar, local);
  gtk_spin_button_set_value (hour, g_date_time_get_hour (local));
  gtk_spin_button_set_value (minute, g_date_time_get_minute (local));
}

static void
update_date_label (GtkMenuButton *button,
                   GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  /* Translators: a date on a date button, in strftime() format. */
  g_autofree char *text = g_date_time_format (day, _("%a %-d %b %Y"));

  gtk_menu_button_set_label (button, text);
}

static char **
checked_level_ids (ConciergePassEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->level_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (value)))
      g_strv_builder_add (builder, key);

  return g_strv_builder_end (builder);
}

static gboolean
is_ready (ConciergePassEditor *self)
{
  return self->levels_loaded && (self->pass == NULL || self->pass_loaded);
}

/* Checks every field as the desk types and says what is wrong next to it;
 * Save is possible only when nothing is. */
static void
validate (ConciergePassEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  glong length = g_utf8_strlen (name, -1);
  g_autoptr(GDateTime) start = read_time (self->start_calendar, self->start_hour, self->start_minute);
  g_autoptr(GDateTime) end = read_time (self->end_calendar, self->end_hour, self->end_minute);
  g_auto(GStrv) levels = checked_level_ids (self);
  g_autofree char *counter = g_strdup_printf ("%ld/%d", length, NAME_MAX_CHARS);
  const char *name_error = NULL;
  const char *validity_error = NULL;
  const char *levels_warning = NULL;
  gboolean blank;

  {
    g_autofree char *copy = g_strdup (name);

    blank = *g_strstrip (copy) == '\0';
  }

  if (length > NAME_MAX_CHARS)
    name_error = _("A pass name can have at most 32 characters.");
  else if (blank && self->name_touched)
    name_error = _("Enter a name for the pass.");
  else if (g_strcmp0 (self->refused_field, "name") == 0)
    name_error = gtk_label_get_label (self->name_message);

  gtk_label_set_label (self->name_counter, counter);
  if (length > NAME_MAX_CHARS)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_counter), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_counter), "error");
  if (name_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  set_message (self->name_message, name_error);

  if (g_date_time_compare (start, end) >= 0)
    validity_error = _("The pass must end after it starts.");
  else if (g_strcmp0 (self->refused_field, "validity") == 0)
    validity_error = gtk_label_get_label (self->validity_message);
  set_message (self->validity_message, validity_error);

  if (g_strcmp0 (self->refused_field, "openCount") != 0)
    set_message (self->open_message, NULL);

  if (g_strcmp0 (self->refused_field, "alIds") == 0)
    levels_warning = gtk_label_get_label (self->levels_message);
  else if (self->levels_loaded && levels[0] == NULL)
    levels_warning = _("No access level is chosen: this pass will open no door. "
                       "Choose at least one, or save it as it is and add them later.");
  set_message (self->levels_message, levels_warning);

  update_date_label (self->start_date_button, self->start_calendar);
  update_date_label (self->end_date_button, self->end_calendar);

  gtk_widget_set_sensitive (self->save_button,
                            is_ready (self) && !self->load_failed && !self->saving &&
                            !blank && length <= NAME_MAX_CHARS && validity_error == NULL);
}

static void
field_changed_cb (ConciergePassEditor *self,
                  GtkWidget           *widget)
{
  /* Typing in a field clears the platform's refusal of that field. */
  if (widget == GTK_WIDGET (self->name_row))
    {
      self->name_touched = TRUE;
      if (g_strcmp0 (self->refused_field, "name") == 0)
        g_clear_pointer (&self->refused_field, g_free);
    }
  else if (widget == GTK_WIDGET (self->open_spin))
    {
      if (g_strcmp0 (self->refused_field, "openCount") == 0)
        g_clear_pointer (&self->refused_field, g_free);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      if (g_strcmp0 (self->refused_field, "alIds") == 0)
        g_clear_pointer (&self->refused_field, g_free);
    }
  else if (g_strcmp0 (self->refused_field, "validity") == 0)
    {
      g_clear_pointer (&self->refused_field, g_free);
    }

  validate (self);
}

static void
date_changed_cb (ConciergePassEditor *self,
                 GtkCalendar         *calendar)
{
  field_changed_cb (self, GTK_WIDGET (calendar));
}

static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
check_initial_levels (ConciergePassEditor *self)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (self->initial_levels == NULL || !self->levels_loaded)
    return;

  g_hash_table_iter_init (&iter, self->level_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (value),
                                 g_hash_table_contains (self->initial_levels, key));
}

static void
load_failed (ConciergePassEditor *self,
             const char          *text)
{
  g_debug ("%s", text);
  self->load_failed = TRUE;
  set_message (self->form_message, text);
  validate (self);
}

static void
fill_levels (ConciergePassEditor *self,
             GListModel          *levels)
{
  gtk_label_set_label (self->levels_placeholder, _("This site has no access levels."));
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(HccAccessLevel) level = g_list_model_get_item (levels, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *area = hcc_access_level_get_area_name (level);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hcc_access_level_get_name (level));
      if (area != NULL && *area != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), area);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->level_checks, g_strdup (hcc_access_level_get_id (level)), check);
      gtk_list_box_append (self->levels_list, row);
    }

  self->levels_loaded = TRUE;
  check_initial_levels (self);
  validate (self);
}

static void
levels_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ConciergePassEditor) self = user_data;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GError) error = NULL;

  levels = hcc_access_levels_list_finish (HCC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (levels == NULL)
    {
      g_autofree char *text = NULL;

      gtk_label_set_label (self->levels_placeholder, _("The access levels could not be loaded."));
      /* Translators: %s says why the access levels could not be loaded. */
      text = g_strdup_printf (_("The access levels could not be loaded: %s"), error->message);
      load_failed (self, text);
      return;
    }

  fill_levels (self, levels);
}

static void
pass_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ConciergePassEditor) self = user_data;
  g_autoptr(HccPass) pass = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *levels;

  pass = hcc_passes_get_finish (HCC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pass == NULL)
    {
      g_autofree char *text = NULL;

      /* Saving without knowing the pass's levels would drop them. */
      /* Translators: %s says why the pass could not be loaded. */
      text = g_strdup_printf (_("The pass’s access levels could not be loaded, so it cannot be saved: %s"),
                              error->message);
      load_failed (self, text);
      return;
    }

  self->initial_levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  levels = hcc_pass_get_access_levels (pass);
  for (guint i = 0; levels != NULL && i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(HccAccessLevel) level = g_list_model_get_item (levels, i);

      g_hash_table_add (self->initial_levels, g_strdup (hcc_access_level_get_id (level)));
    }

  self->pass_loaded = TRUE;
  check_initial_levels (self);
  validate (self);
}

static void
show_refusal (ConciergePassEditor *self,
              const GError        *error)
{
  const char *field = hcc_error_get_field (error);
  const char *code = hcc_error_get_platform_code (error);

  /* The platform's codes that belong to one field, for refusals that come
   * without a field name. */
  if (field == NULL && code != NULL)
    {
      if (hcc_error_code_equal (code, "CCF038002"))
        field = "name";
      else if (hcc_error_code_equal (code, "CCF038022"))
        field = "startTime";
      else if (hcc_error_code_equal (code, "VMS040016"))
        field = "alIds";
    }

  g_clear_pointer (&self->refused_field, g_free);
  set_message (self->form_message, NULL);

  if (g_strcmp0 (field, "name") == 0)
    {
      self->refused_field = g_strdup ("name");
      set_message (self->name_message, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
  else if (g_strcmp0 (field, "openCount") == 0)
    {
      self->refused_field = g_strdup ("openCount");
      set_message (self->open_message, error->message);
    }
  else if (g_strcmp0 (field, "startTime") == 0 || g_strcmp0 (field, "endTime") == 0)
    {
      self->refused_field = g_strdup ("validity");
      set_message (self->validity_message, error->message);
    }
  else if (g_strcmp0 (field, "alIds") == 0)
    {
      self->refused_field = g_strdup ("alIds");
      set_message (self->levels_message, error->message);
    }
  else
    {
      /* Translators: %s is the platform's reason, in words. */
      g_autofree char *text = g_strdup_printf (_("The pass was not saved: %s"), error->message);

      set_message (self->form_message, text);
    }
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ConciergePassEditor) self = user_data;
  g_autoptr(HccPass) saved = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->pass != NULL)
    ok = hcc_passes_update_finish (HCC_CLIENT (source), result, &error);
  else
    ok = hcc_passes_add_finish (HCC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;
  saved = g_steal_pointer (&self->saving_pass);

  if (!ok)
    {
      g_debug ("Saving the pass failed: %s", error->message);
      /* Everything typed stays; only the reason is added. */
      show_refusal (self, error);
      validate (self);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, saved);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ConciergePassEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(GDateTime) start = read_time (self->start_calendar, self->start_hour, self->start_minute);
  g_autoptr(GDateTime) end = read_time (self->end_calendar, self->end_hour, self->end_minute);
  g_auto(GStrv) levels = checked_level_ids (self);
  g_autoptr(HccPass) pass = hcc_pass_new ();
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_sensitive (self->save_button))
    return;

  if (self->pass != NULL)
    hcc_pass_set_id (pass, hcc_pass_get_id (self->pass));
  hcc_pass_set_name (pass, name);
  hcc_pass_set_open_count (pass, gtk_spin_button_get_value_as_int (self->open_spin));
  hcc_pass_set_start_time (pass, start);
  hcc_pass_set_end_time (pass, end);

  if (!hcc_passes_validate (pass, &error))
    {
      show_refusal (self, error);
      return;
    }

  self->saving = TRUE;
  set_message (self->form_message, NULL);
  validate (self);

  g_set_object (&self->saving_pass, pass);

  if (self->pass != NULL)
    hcc_passes_update_async (self->client, pass, (const char * const *) levels, self->cancellable,
                             save_cb, g_object_ref (self));
  else
    hcc_passes_add_async (self->client, pass, (const char * const *) levels, self->cancellable,
                          save_cb, g_object_ref (self));
}

static void
concierge_pass_editor_dispose (GObject *object)
{
  ConciergePassEditor *self = CONCIERGE_PASS_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->pass);
  g_clear_pointer (&self->level_checks, g_hash_table_unref);
  g_clear_pointer (&self->initial_levels, g_hash_table_unref);
  g_clear_object (&self->saving_pass);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_PASS_EDITOR);

  G_OBJECT_CLASS (concierge_pass_editor_parent_class)->dispose (object);
}

static void
concierge_pass_editor_finalize (GObject *object)
{
  ConciergePassEditor *self = CONCIERGE_PASS_EDITOR (object);

  g_free (self->refused_field);

  G_OBJECT_CLASS (concierge_pass_editor_parent_class)->finalize (object);
}

static void
concierge_pass_editor_class_init (ConciergePassEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concierge_pass_editor_dispose;
  object_class->finalize = concierge_pass_editor_finalize;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, HCC_TYPE_PASS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-pass-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, form_message);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, name_counter);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, open_spin);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, open_message);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, start_date_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, start_hour);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, start_minute);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, end_date_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, end_hour);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, end_minute);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, validity_message);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, levels_list);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, levels_placeholder);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, levels_message);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergePassEditor, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
concierge_pass_editor_init (ConciergePassEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->level_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ConciergePassEditor *
concierge_pass_editor_new (GtkWindow  *parent,
                           HccClient  *client,
                           GListModel *access_levels,
                           HccPass    *pass)
{
  ConciergePassEditor *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HCC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (access_levels == NULL || G_IS_LIST_MODEL (access_levels), NULL);
  g_return_val_if_fail (pass == NULL || HCC_IS_PASS (pass), NULL);

  self = g_object_new (CONCIERGE_TYPE_PASS_EDITOR,
                       "transient-for", parent,
                       "title", pass != NULL ? _("Edit Pass") : _("New Pass"),
                       NULL);
  self->client = g_object_ref (client);
  self->pass = pass != NULL ? g_object_ref (pass) : NULL;

  if (pass != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), hcc_pass_get_name (pass));
      gtk_spin_button_set_value (self->open_spin, hcc_pass_get_open_count (pass));
      if (hcc_pass_get_start_time (pass) != NULL)
        start = g_date_time_ref (hcc_pass_get_start_time (pass));
      if (hcc_pass_get_end_time (pass) != NULL)
        end = g_date_time_ref (hcc_pass_get_end_time (pass));
      self->name_touched = TRUE;
    }

  /* A new pass: from the next full hour for a day, a courier's usual. */
  now = g_date_time_new_now_local ();
  if (start == NULL)
    {
      g_autoptr(GDateTime) hour = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         g_date_time_get_hour (now), 0, 0);
      start = g_date_time_add_hours (hour, 1);
    }
  if (end == NULL)
    end = g_date_time_add_days (start, 1);
  if (pass == NULL)
    gtk_spin_button_set_value (self->open_spin, 1);

  write_time (start, self->start_calendar, self->start_hour, self->start_minute);
  write_time (end, self->end_calendar, self->end_hour, self->end_minute);

  /* The directory's cached levels open the form at once (and offline);
   * without them, ask the platform. */
  if (access_levels != NULL && g_list_model_get_n_items (access_levels) > 0)
    fill_levels (self, access_levels);
  else
    hcc_access_levels_list_async (client, self->cancellable, levels_cb, g_object_ref (self));
  if (pass != NULL)
    hcc_passes_get_async (client, hcc_pass_get_id (pass), self->cancellable, pass_cb, g_object_ref (self));

  /* Typing the name is the first thing to do. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  validate (self);

  return self;
}

HccPass *
concierge_pass_editor_get_pass (ConciergePassEditor *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASS_EDITOR (self), NULL);

  return self->pass;
}

void
concierge_pass_editor_get_fields (ConciergePassEditor       *self,
                                  ConciergePassEditorFields *fields)
{
  g_return_if_fail (CONCIERGE_IS_PASS_EDITOR (self));

  fields->name_row = self->name_row;
  fields->name_counter = self->name_counter;
  fields->name_message = self->name_message;
  fields->open_spin = self->open_spin;
  fields->open_message = self->open_message;
  fields->start_calendar = self->start_calendar;
  fields->start_hour = self->start_hour;
  fields->start_minute = self->start_minute;
  fields->end_calendar = self->end_calendar;
  fields->end_hour = self->end_hour;
  fields->end_minute = self->end_minute;
  fields->validity_message = self->validity_message;
  fields->levels_list = self->levels_list;
  fields->levels_message = self->levels_message;
  fields->form_message = self->form_message;
  fields->save_button = self->save_button;
  fields->cancel_button = self->cancel_button;
}

gboolean
concierge_pass_editor_get_ready (ConciergePassEditor *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASS_EDITOR (self), FALSE);

  return is_ready (self);
}

gboolean
concierge_pass_editor_get_saving (ConciergePassEditor *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PASS_EDITOR (self), FALSE);

  return self->saving;
}

void
concierge_pass_editor_set_level (ConciergePassEditor *self,
                                 const char          *level_id,
                                 gboolean             active)
{
  GtkWidget *check;

  g_return_if_fail (CONCIERGE_IS_PASS_EDITOR (self));

  check = g_hash_table_lookup (self->level_checks, level_id);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
}
