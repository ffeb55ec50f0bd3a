/* concierge-doors-view.c: every door of the site, and the desk's commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A site has tens of doors, not thousands, so the view fills one
 * AdwPreferencesGroup per area by hand and filters by hiding rows. Each row
 * carries a "door" action group (unlock, lock, keep unlocked, keep locked):
 * disabling the group's actions makes every control of an offline door
 * insensitive at once, and tests activate the same actions a click would.
 *
 * The "kept unlocked" marks come from the log store, not from memory: the
 * store knows what this desk commanded, across restarts, including what the
 * call queue did.
 */

#define G_LOG_DOMAIN "concierge-doors-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-door-control.h"
#include "concierge-doors-view-private.h"

typedef struct {
  ConciergeDoorsView *view;        /* (unowned) */
  HccDoor            *door;        /* (owned) */
  AdwActionRow       *row;         /* (unowned) owned by its group */
  GtkLabel           *state_label; /* (unowned) */
  GtkImage           *kept_icon;   /* (unowned) */
  GSimpleActionGroup *actions;     /* (owned) */
  gboolean            busy;        /* a command for this door is in flight */
} DoorRow;

struct _ConciergeDoorsView {
  AdwBin parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkBox           *toolbar;
  GtkSearchEntry   *search_entry;
  GtkButton        *refresh_button;
  GtkStack         *stack;
  AdwStatusPage    *status_page;
  GtkSpinner       *spinner;
  GtkButton        *retry_button;
  GtkBox           *groups_box;

  ConciergeSession  *session;       /* (owned) (nullable) */
  ConciergeLogStore *store;         /* (owned) (nullable) the session's, while started */
  GCancellable      *cancellable;   /* (owned) cancelled on session change and dispose */
  GPtrArray         *groups;        /* (element-type AdwPreferencesGroup) (unowned) */
  GHashTable        *rows;          /* door ID -> DoorRow (owned) */
  GHashTable        *kept;          /* door ID -> ConciergeDoorAction (owned) */
  GHashTable        *results;       /* door ID -> the last command's outcome in words (owned) */
  AdwMessageDialog  *dialog;        /* (unowned) (nullable) the open reason dialog */
  GtkEditable       *reason_entry;  /* (unowned) (nullable) */
  GtkLabel          *reason_error;  /* (unowned) (nullable) */
  guint              n_requests;    /* list, kept-list and commands in flight */
  gboolean           loaded;        /* the last list succeeded */
};

G_DEFINE_FINAL_TYPE (ConciergeDoorsView, concierge_doors_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_doors (ConciergeDoorsView *self);

static void
door_row_free (DoorRow *row)
{
  g_clear_object (&row->door);
  g_clear_object (&row->actions);
  g_free (row);
}

/* Words */

static const char *
action_name_for (HccDoorAction action)
{
  switch (action)
    {
    case HCC_DOOR_ACTION_UNLOCK:
      return "unlock";
    case HCC_DOOR_ACTION_LOCK:
      return "lock";
    case HCC_DOOR_ACTION_KEEP_UNLOCKED:
      return "keep-unlocked";
    case HCC_DOOR_ACTION_KEEP_LOCKED:
      return "keep-locked";
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static char *
format_clock (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  /* TRANSLATORS: a time of day in the door list, strftime format. */
  return g_date_time_format (local, _("%H:%M"));
}

static char *
describe_success (HccDoorAction  action,
                  const char    *clock)
{
  switch (action)
    {
    case HCC_DOOR_ACTION_UNLOCK:
      /* TRANSLATORS: %s is a time of day, e.g. "14:02". */
      return g_strdup_printf (_("Unlocked at %s"), clock);
    case HCC_DOOR_ACTION_LOCK:
      /* TRANSLATORS: %s is a time of day, e.g. "14:02". */
      return g_strdup_printf (_("Locked at %s"), clock);
    case HCC_DOOR_ACTION_KEEP_UNLOCKED:
      /* TRANSLATORS: %s is a time of day, e.g. "14:02". */
      return g_strdup_printf (_("Kept unlocked at %s"), clock);
    case HCC_DOOR_ACTION_KEEP_LOCKED:
      /* TRANSLATORS: %s is a time of day, e.g. "14:02". */
      return g_strdup_printf (_("Kept locked at %s"), clock);
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static char *
describe_failure (HccDoorAction  action,
                  const char    *clock,
                  const char    *reason)
{
  switch (action)
    {
    case HCC_DOOR_ACTION_UNLOCK:
      /* TRANSLATORS: first %s is a time of day, second the platform's reason. */
      return g_strdup_printf (_("Not unlocked at %s: %s"), clock, reason);
    case HCC_DOOR_ACTION_LOCK:
      /* TRANSLATORS: first %s is a time of day, second the platform's reason. */
      return g_strdup_printf (_("Not locked at %s: %s"), clock, reason);
    case HCC_DOOR_ACTION_KEEP_UNLOCKED:
      /* TRANSLATORS: first %s is a time of day, second the platform's reason. */
      return g_strdup_printf (_("Not kept unlocked at %s: %s"), clock, reason);
    case HCC_DOOR_ACTION_KEEP_LOCKED:
      /* TRANSLATORS: first %s is a time of day, second the platform's reason. */
      return g_strdup_printf (_("Not kept locked at %s: %s"), clock, reason);
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static const char *
area_title (HccDoor *door)
{
  const char *area = hcc_door_get_area_name (door);

  if (area == NULL || *area == '\0')
    return _("Doors Without an Area");
  return area;
}

/* Rows */

static void
update_row (DoorRow *row)
{
  ConciergeDoorsView *self = row->view;
  ConciergeDoorAction *kept = g_hash_table_lookup (self->kept, hcc_door_get_id (row->door));
  const char *result_text = g_hash_table_lookup (self->results, hcc_door_get_id (row->door));
  gboolean online = hcc_door_get_online (row->door);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char * const names[] = {
    "unlock", "unlock-with-reason", "lock", "keep-unlocked", "keep-locked",
  };

  if (!online)
    g_string_append (subtitle, _("Offline: commands cannot reach this door"));

  if (kept != NULL)
    {
      g_autofree char *clock = format_clock (concierge_door_action_get_time (kept));
      const char *operator = concierge_door_action_get_operator (kept);
      g_autofree char *mark = NULL;

      if (operator != NULL && *operator != '\0')
        /* TRANSLATORS: first %s is a time of day, second an operator's name. */
        mark = g_strdup_printf (_("Kept unlocked since %s by %s"), clock, operator);
      else
        /* TRANSLATORS: %s is a time of day, e.g. "14:02". */
        mark = g_strdup_printf (_("Kept unlocked since %s"), clock);
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, mark);
    }

  /* The mark already says it, with the operator. */
  if (kept != NULL && result_text != NULL && !row->busy)
    {
      g_autofree char *clock = format_clock (concierge_door_action_get_time (kept));
      g_autofree char *same = describe_success (HCC_DOOR_ACTION_KEEP_UNLOCKED, clock);

      if (g_str_equal (result_text, same))
        result_text = NULL;
    }

  if (row->busy || result_text != NULL)
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, row->busy ? _("Sending the command…") : result_text);
    }

  adw_action_row_set_subtitle (row->row, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (row->kept_icon), kept != NULL);
  if (kept != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row->row), "door-kept-unlocked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->row), "door-kept-unlocked");

  gtk_label_set_label (row->state_label, online ? _("Online") : _("Offline"));
  if (online)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row->state_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (row->state_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row->state_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (row->state_label), "warning");
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (row->actions), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), online && !row->busy);
    }
}

static void
update_all_rows (ConciergeDoorsView *self)
{
  GHashTableIter iter;
  DoorRow *row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    update_row (row);
}

/* Status */

static void
show_status (ConciergeDoorsView *self,
             const char         *icon_name,
             const char         *title,
             const char         *description,
             gboolean            spinning,
             gboolean            retry)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), spinning);
  gtk_spinner_set_spinning (self->spinner, spinning);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), retry);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
update_sensitivity (ConciergeDoorsView *self)
{
  gboolean usable = self->session != NULL && self->store != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button), usable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), usable && self->loaded);
}

/* Filtering */

static char *
fold (const char *text)
{
  g_autofree char *normal = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  /* Decomposed and case-folded, without the combining marks, so "zolkiew"
   * finds "Żółkiew". */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  out = g_string_new (NULL);
  for (const char *p = normal; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, c);
    }

  {
    g_autofree char *plain = g_string_free (out, FALSE);

    return g_utf8_casefold (plain, -1);
  }
}

static void
apply_filter (ConciergeDoorsView *self)
{
  g_autofree char *needle = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  guint n_visible = 0;

  if (!self->loaded)
    return;

  for (guint i = 0; i < self->groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (self->groups, i);
      GtkWidget *group_widget = GTK_WIDGET (group);
      g_autofree char *area = fold (adw_preferences_group_get_title (group));
      gboolean area_matches = strstr (area, needle) != NULL;
      guint n_group = 0;
      GHashTableIter iter;
      DoorRow *row;

      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        {
          g_autofree char *name = NULL;
          gboolean visible;

          if (gtk_widget_get_ancestor (GTK_WIDGET (row->row), ADW_TYPE_PREFERENCES_GROUP) != group_widget)
            continue;
          name = fold (hcc_door_get_name (row->door));
          visible = area_matches || strstr (name, needle) != NULL;
          gtk_widget_set_visible (GTK_WIDGET (row->row), visible);
          n_group += visible ? 1 : 0;
        }

      gtk_widget_set_visible (group_widget, n_group > 0);
      n_visible += n_group;
    }

  if (n_visible > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "doors");
    }
  else
    {
      g_autofree char *description = NULL;

      /* TRANSLATORS: %s is what the user typed into the search entry. */
      description = g_strdup_printf (_("No door or area matches “%s”."),
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      show_status (self, "edit-find-symbolic", _("No Matching Doors"), description, FALSE, FALSE);
    }
}

static void
search_changed_cb (ConciergeDoorsView *self)
{
  apply_filter (self);
}

/* Commands */

typedef struct {
  ConciergeDoorsView *self;        /* (owned) */
  char               *door_id;     /* (owned) */
  HccDoorAction       action;
} Command;

static void
command_free (Command *command)
{
  g_clear_object (&command->self);
  g_free (command->door_id);
  g_free (command);
}

static void
control_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Command *command = user_data;
  ConciergeDoorsView *self = command->self;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = format_clock (now);
  g_autofree char *toast_text = NULL;
  DoorRow *row;

  results = concierge_door_control_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      command_free (command);
      return;
    }

  self->n_requests--;
  row = g_hash_table_lookup (self->rows, command->door_id);

  if (results == NULL)
    {
      /* The whole request failed (network, keys, limit): the platform's
       * reason, already in words by hcc-error. */
      if (row != NULL)
        {
          /* TRANSLATORS: first %s is a door's name, second the reason. */
          toast_text = g_strdup_printf (_("%s: %s"), hcc_door_get_name (row->door), error->message);
        }
      else
        {
          toast_text = g_strdup (error->message);
        }
      g_hash_table_replace (self->results, g_strdup (command->door_id),
                            describe_failure (command->action, clock, error->message));
    }
  else if (g_list_model_get_n_items (results) > 0)
    {
      g_autoptr(HccDoorResult) door_result = g_list_model_get_item (results, 0);
      const char *name = hcc_door_result_get_door_name (door_result);

      if (hcc_door_result_get_succeeded (door_result))
        {
          g_autofree char *text = describe_success (command->action, clock);

          /* TRANSLATORS: first %s is a door's name, second e.g. "Unlocked at 14:02". */
          toast_text = g_strdup_printf (_("%s: %s"), name, text);
          g_hash_table_replace (self->results, g_strdup (command->door_id), g_steal_pointer (&text));
        }
      else
        {
          g_autofree char *reason = concierge_door_control_describe_failure (door_result);
          g_autofree char *text = describe_failure (command->action, clock, reason);

          /* TRANSLATORS: first %s is a door's name, second e.g. "Not unlocked at 14:02: …". */
          toast_text = g_strdup_printf (_("%s: %s"), name, text);
          g_hash_table_replace (self->results, g_strdup (command->door_id), g_steal_pointer (&text));
        }
    }

  if (row != NULL)
    {
      row->busy = FALSE;
      update_row (row);
    }
  if (toast_text != NULL)
    {
      /* Toast titles are Pango markup in libadwaita 1.2: names may hold "&". */
      g_autofree char *escaped = g_markup_escape_text (toast_text, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 5);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  command_free (command);
}

static void
send_command (ConciergeDoorsView *self,
              DoorRow            *row,
              HccDoorAction       action,
              const char         *reason)
{
  Command *command;
  HccDoor *doors[1];

  if (self->session == NULL || row->busy)
    return;

  command = g_new0 (Command, 1);
  command->self = g_object_ref (self);
  command->door_id = g_strdup (hcc_door_get_id (row->door));
  command->action = action;

  row->busy = TRUE;
  update_row (row);
  self->n_requests++;

  g_debug ("Sending %s for door %s", action_name_for (action), command->door_id);
  doors[0] = row->door;
  concierge_door_control_async (self->session, action, doors, 1, reason,
                                self->cancellable, control_cb, command);
}

/* The reason dialog */

typedef struct {
  ConciergeDoorsView *self;     /* (owned) */
  char               *door_id;  /* (owned) */
  HccDoorAction       action;
  gboolean            required;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->self);
  g_free (ask->door_id);
  g_free (ask);
}

static gboolean
reason_given (GtkEditable *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  return *text != '\0';
}

static void
reason_changed_cb (GtkEditable *entry,
                   Ask         *ask)
{
  ConciergeDoorsView *self = ask->self;
  gboolean ok = !ask->required || reason_given (entry);

  if (self->dialog == NULL)
    return;
  adw_message_dialog_set_response_enabled (self->dialog, "confirm", ok);
  /* Say why "confirm" is off as soon as the field is emptied, not only
   * after a failed attempt. */
  gtk_widget_set_visible (GTK_WIDGET (self->reason_error), !ok);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
reason_activate_cb (GtkEntry *entry,
                    Ask      *ask)
{
  ConciergeDoorsView *self = ask->self;

  if (self->dialog == NULL)
    return;
  if (ask->required && !reason_given (GTK_EDITABLE (entry)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reason_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  adw_message_dialog_response (self->dialog, "confirm");
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 Ask              *ask)
{
  ConciergeDoorsView *self = ask->self;

  /* Only the open dialog speaks for the view: the entry is its entry. */
  if (self->dialog == dialog)
    {
      if (g_strcmp0 (response, "confirm") == 0 && (!ask->required || reason_given (self->reason_entry)))
        {
          DoorRow *row = g_hash_table_lookup (self->rows, ask->door_id);
          g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (self->reason_entry)));

          if (row != NULL)
            send_command (self, row, ask->action, reason);
        }

      self->dialog = NULL;
      self->reason_entry = NULL;
      self->reason_error = NULL;
    }

  /* A response button closes the dialog by itself, but
   * adw_message_dialog_response(), which Enter in the entry uses, only
   * emits "response": the dialog would stay on screen, no longer the
   * view's. Destroyed, not hidden, so that no hidden window is left
   * behind either (see docs/doors-and-logs.md on GTK 4.8's AT-SPI root).
   * A second destroy of a closed dialog does nothing. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
ask_reason (ConciergeDoorsView *self,
            DoorRow            *row,
            HccDoorAction       action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *name = hcc_door_get_name (row->door);
  g_autofree char *heading = NULL;
  const char *body;
  const char *confirm;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *error_label;
  Ask *ask;

  if (self->dialog != NULL)
    gtk_window_close (GTK_WINDOW (self->dialog));

  ask = g_new0 (Ask, 1);
  ask->self = g_object_ref (self);
  ask->door_id = g_strdup (hcc_door_get_id (row->door));
  ask->action = action;
  ask->required = action == HCC_DOOR_ACTION_KEEP_UNLOCKED || action == HCC_DOOR_ACTION_KEEP_LOCKED;

  switch (action)
    {
    case HCC_DOOR_ACTION_KEEP_UNLOCKED:
      /* TRANSLATORS: %s is a door's name. */
      heading = g_strdup_printf (_("Keep %s Unlocked?"), name);
      body = _("Anyone can walk in until the door is locked again. "
               "The reason goes into the door log.");
      confirm = _("_Keep Unlocked");
      break;
    case HCC_DOOR_ACTION_KEEP_LOCKED:
      /* TRANSLATORS: %s is a door's name. */
      heading = g_strdup_printf (_("Keep %s Locked?"), name);
      body = _("Nobody can open the door with a card, face or PIN until it is unlocked again. "
               "The reason goes into the door log.");
      confirm = _("_Keep Locked");
      break;
    case HCC_DOOR_ACTION_UNLOCK:
    case HCC_DOOR_ACTION_LOCK:
    default:
      /* TRANSLATORS: %s is a door's name. */
      heading = g_strdup_printf (_("Unlock %s?"), name);
      body = _("The door unlocks once, as with a card. "
               "A reason is optional; it goes into the door log.");
      confirm = _("_Unlock");
      break;
    }

  self->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             heading, body));
  adw_message_dialog_add_responses (self->dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm,
                                    NULL);
  adw_message_dialog_set_response_appearance (self->dialog, "confirm",
                                              action == HCC_DOOR_ACTION_KEEP_UNLOCKED
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->dialog, "confirm");
  adw_message_dialog_set_close_response (self->dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  ask->required ? _("Reason (required)") : _("Reason (optional)"));
  gtk_entry_set_max_length (GTK_ENTRY (entry), 200);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, ask->required,
                                  -1);
  error_label = gtk_label_new (_("A reason is required for the door log"));
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_add_css_class (error_label, "caption");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error_label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (self->dialog, box);

  self->reason_entry = GTK_EDITABLE (entry);
  self->reason_error = GTK_LABEL (error_label);
  adw_message_dialog_set_response_enabled (self->dialog, "confirm", !ask->required);

  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), ask);
  g_signal_connect (entry, "activate", G_CALLBACK (reason_activate_cb), ask);
  g_signal_connect_data (self->dialog, "response", G_CALLBACK (ask_response_cb),
                         ask, (GClosureNotify) ask_free, 0);

  gtk_window_present (GTK_WINDOW (self->dialog));
  gtk_widget_grab_focus (entry);
}

static void
door_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DoorRow *row = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "unlock"))
    send_command (row->view, row, HCC_DOOR_ACTION_UNLOCK, NULL);
  else if (g_str_equal (name, "lock"))
    send_command (row->view, row, HCC_DOOR_ACTION_LOCK, NULL);
  else if (g_str_equal (name, "unlock-with-reason"))
    ask_reason (row->view, row, HCC_DOOR_ACTION_UNLOCK);
  else if (g_str_equal (name, "keep-unlocked"))
    ask_reason (row->view, row, HCC_DOOR_ACTION_KEEP_UNLOCKED);
  else if (g_str_equal (name, "keep-locked"))
    ask_reason (row->view, row, HCC_DOOR_ACTION_KEEP_LOCKED);
}

static DoorRow *
make_row (ConciergeDoorsView *self,
          HccDoor            *door)
{
  DoorRow *row = g_new0 (DoorRow, 1);
  const char *name = hcc_door_get_name (door);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *unlock_label = NULL;
  g_autofree char *more_label = NULL;
  const GActionEntry entries[] = {
    { "unlock", door_action_cb, NULL, NULL, NULL, { 0 } },
    { "unlock-with-reason", door_action_cb, NULL, NULL, NULL, { 0 } },
    { "lock", door_action_cb, NULL, NULL, NULL, { 0 } },
    { "keep-unlocked", door_action_cb, NULL, NULL, NULL, { 0 } },
    { "keep-locked", door_action_cb, NULL, NULL, NULL, { 0 } },
  };
  GtkWidget *unlock;
  GtkWidget *more;
  const char *offline_tip = _("The door is offline: commands cannot reach it");

  row->view = self;
  row->door = g_object_ref (door);
  row->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (row->actions), entries, G_N_ELEMENTS (entries), row);

  row->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_action_row_set_subtitle_lines (row->row, 0);
  gtk_widget_insert_action_group (GTK_WIDGET (row->row), "door", G_ACTION_GROUP (row->actions));

  /* Not colour alone: the icon comes with the "Kept unlocked since" text. */
  row->kept_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("changes-allow-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->kept_icon), _("Kept unlocked from this desk"));
  gtk_widget_add_css_class (GTK_WIDGET (row->kept_icon), "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->kept_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kept unlocked from this desk"),
                                  -1);
  adw_action_row_add_prefix (row->row, GTK_WIDGET (row->kept_icon));

  row->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (row->state_label), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row->row, GTK_WIDGET (row->state_label));

  /* No mnemonic: every row has this button, so Alt+U would only cycle
   * through them. Tab and the arrow keys reach it, and its accessible name
   * says which door it opens. */
  unlock = gtk_button_new_with_label (_("Unlock"));
  gtk_widget_set_valign (unlock, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (unlock), "door.unlock");
  /* TRANSLATORS: accessible name of a button; %s is a door's name. */
  unlock_label = g_strdup_printf (_("Unlock %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unlock),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, unlock_label,
                                  -1);
  gtk_widget_set_tooltip_text (unlock, hcc_door_get_online (door) ? _("Unlock the door once")
                                                                  : offline_tip);
  adw_action_row_add_suffix (row->row, unlock);

  g_menu_append (menu, _("Unlock with _Reason…"), "door.unlock-with-reason");
  g_menu_append (menu, _("_Lock"), "door.lock");
  g_menu_append (menu, _("Keep _Unlocked…"), "door.keep-unlocked");
  g_menu_append (menu, _("Keep Loc_ked…"), "door.keep-locked");
  more = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  /* TRANSLATORS: accessible name of a menu button; %s is a door's name. */
  more_label = g_strdup_printf (_("More commands for %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (more),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, more_label,
                                  -1);
  gtk_widget_set_tooltip_text (more, hcc_door_get_online (door) ? _("Lock, keep unlocked or keep locked")
                                                                : offline_tip);
  /* Offline: the menu button itself goes insensitive too, it has no action. */
  gtk_widget_set_sensitive (more, hcc_door_get_online (door));
  adw_action_row_add_suffix (row->row, more);
  adw_action_row_set_activatable_widget (row->row, NULL);

  update_row (row);

  return row;
}

/* Loading */

static int
compare_doors (gconstpointer a,
               gconstpointer b)
{
  HccDoor *door_a = *(HccDoor **) a;
  HccDoor *door_b = *(HccDoor **) b;
  int cmp = g_utf8_collate (area_title (door_a), area_title (door_b));

  if (cmp != 0)
    return cmp;
  return g_utf8_collate (hcc_door_get_name (door_a), hcc_door_get_name (door_b));
}

static void
clear_doors (ConciergeDoorsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->rows);
  self->loaded = FALSE;
}

static void
fill_doors (ConciergeDoorsView *self,
            GListModel         *doors)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  AdwPreferencesGroup *group = NULL;
  const char *current_area = NULL;

  clear_doors (self);

  for (guint i = 0; i < g_list_model_get_n_items (doors); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (doors, i));
  g_ptr_array_sort (sorted, compare_doors);

  for (guint i = 0; i < sorted->len; i++)
    {
      HccDoor *door = g_ptr_array_index (sorted, i);
      DoorRow *row;

      /* Two doors with one ID would fight over one row and one log entry;
       * the first wins. */
      if (hcc_door_get_id (door) == NULL || g_hash_table_contains (self->rows, hcc_door_get_id (door)))
        continue;

      if (group == NULL || g_strcmp0 (current_area, area_title (door)) != 0)
        {
          current_area = area_title (door);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, current_area);
          gtk_box_append (self->groups_box, GTK_WIDGET (group));
          g_ptr_array_add (self->groups, group);
        }

      row = make_row (self, door);
      adw_preferences_group_add (group, GTK_WIDGET (row->row));
      g_hash_table_insert (self->rows, g_strdup (hcc_door_get_id (door)), row);
    }

  self->loaded = TRUE;
  update_sensitivity (self);

  if (g_hash_table_size (self->rows) == 0)
    {
      show_status (self, "system-lock-screen-symbolic", _("No Doors"),
                   _("This site has no doors yet. Doors added on the platform appear here after a refresh."),
                   FALSE, TRUE);
      gtk_button_set_label (self->retry_button, _("_Refresh"));
      return;
    }

  apply_filter (self);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ConciergeDoorsView) self = user_data;
  g_autoptr(GListModel) doors = NULL;
  g_autoptr(GError) error = NULL;

  doors = hcc_doors_list_finish (HCC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_requests--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button), TRUE);

  if (doors == NULL)
    {
      g_debug ("Listing the doors failed: %s", error->message);
      clear_doors (self);
      update_sensitivity (self);
      show_status (self, "dialog-warning-symbolic", _("Could Not Load the Doors"),
                   error->message, FALSE, TRUE);
      gtk_button_set_label (self->retry_button, _("_Retry"));
      return;
    }

  fill_doors (self, doors);
}

static void
kept_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ConciergeDoorsView) self = user_data;
  g_autoptr(GListModel) kept = NULL;
  g_autoptr(GError) error = NULL;

  kept = concierge_log_store_list_kept_unlocked_finish (CONCIERGE_LOG_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_requests--;
  if (kept == NULL)
    {
      /* The marks are a convenience; the doors still work without them. */
      g_debug ("Listing the doors kept unlocked failed: %s", error->message);
      return;
    }

  g_hash_table_remove_all (self->kept);
  for (guint i = 0; i < g_list_model_get_n_items (kept); i++)
    {
      g_autoptr(ConciergeDoorAction) action = g_list_model_get_item (kept, i);
      const char *door_id = concierge_door_action_get_door_id (action);

      if (door_id != NULL && !g_hash_table_contains (self->kept, door_id))
        g_hash_table_insert (self->kept, g_strdup (door_id), g_steal_pointer (&action));
    }

  update_all_rows (self);
}

/* The last result per door, from the log: commands of an earlier session
 * and of the call queue show on the rows too. */
#define RECENT_ACTIONS 500

static void
recent_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ConciergeDoorsView) self = user_data;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  actions = concierge_log_store_query_door_actions_finish (CONCIERGE_LOG_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_requests--;
  if (actions == NULL)
    {
      g_debug ("Reading the recent door actions failed: %s", error->message);
      return;
    }

  /* Newest first: the first entry of a door is its latest command. */
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ConciergeDoorAction) action = g_list_model_get_item (actions, i);
      const char *door_id = concierge_door_action_get_door_id (action);
      HccDoorAction kind = (HccDoorAction) concierge_door_action_get_kind (action);
      g_autofree char *clock = NULL;
      char *text = NULL;

      if (door_id == NULL || g_hash_table_contains (seen, door_id))
        continue;
      g_hash_table_add (seen, (gpointer) door_id);
      if (kind < HCC_DOOR_ACTION_UNLOCK || kind > HCC_DOOR_ACTION_KEEP_LOCKED)
        continue;

      clock = format_clock (concierge_door_action_get_time (action));
      switch (concierge_door_action_get_result (action))
        {
        case CONCIERGE_DOOR_ACTION_RESULT_OK:
          text = describe_success (kind, clock);
          break;
        case CONCIERGE_DOOR_ACTION_RESULT_FAILED:
          {
            const char *message = concierge_door_action_get_error_message (action);
            g_autoptr(HccDoorResult) failure = hcc_door_result_new ();
            g_autofree char *words = NULL;

            /* The call queue keeps the code only: put it in words here. */
            hcc_door_result_set_error_code (failure, concierge_door_action_get_error_code (action));
            if (message == NULL || *message == '\0')
              message = words = concierge_door_control_describe_failure (failure);
            text = describe_failure (kind, clock, message);
          }
          break;
        case CONCIERGE_DOOR_ACTION_RESULT_PENDING:
        default:
          /* In flight, or the answer never came: the row keeps what it
           * had. */
          break;
        }

      if (text != NULL)
        g_hash_table_replace (self->results, g_strdup (door_id), text);
    }

  update_all_rows (self);
}

static void
load_recent (ConciergeDoorsView *self)
{
  if (self->store == NULL)
    return;

  self->n_requests++;
  concierge_log_store_query_door_actions_async (self->store, NULL, NULL, NULL, 0, RECENT_ACTIONS,
                                                self->cancellable, recent_cb, g_object_ref (self));
}

static void
load_kept (ConciergeDoorsView *self)
{
  if (self->store == NULL)
    return;

  self->n_requests++;
  concierge_log_store_list_kept_unlocked_async (self->store, self->cancellable,
                                                kept_cb, g_object_ref (self));
}

static void
door_actions_changed_cb (ConciergeDoorsView *self)
{
  load_kept (self);
  load_recent (self);
}

static void
load_doors (ConciergeDoorsView *self)
{
  if (self->session == NULL || self->store == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button), FALSE);
  if (!self->loaded)
    show_status (self, "system-lock-screen-symbolic", _("Loading Doors"),
                 _("Asking the platform for the doors of this site."), TRUE, FALSE);

  self->n_requests++;
  hcc_doors_list_async (concierge_session_get_client (self->session), self->cancellable,
                        list_cb, g_object_ref (self));
}

static void
refresh_clicked_cb (ConciergeDoorsView *self)
{
  if (self->session == NULL || self->store == NULL)
    return;

  load_kept (self);
  load_doors (self);
}

/* Session */

static void
reset (ConciergeDoorsView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_requests = 0;

  if (self->dialog != NULL)
    gtk_window_close (GTK_WINDOW (self->dialog));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  clear_doors (self);
  g_hash_table_remove_all (self->kept);
  g_hash_table_remove_all (self->results);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
session_started_cb (ConciergeDoorsView *self)
{
  ConciergeLogStore *store;

  reset (self);

  if (self->session == NULL)
    {
      show_status (self, "network-offline-symbolic", _("Not Connected"),
                   _("Connect to a site to see and open its doors."), FALSE, FALSE);
      update_sensitivity (self);
      return;
    }

  store = concierge_session_get_log_store (self->session);
  if (!concierge_session_get_started (self->session) || store == NULL)
    {
      show_status (self, "network-offline-symbolic", _("Connecting"),
                   _("The doors appear once the desk is connected to the site."), TRUE, FALSE);
      update_sensitivity (self);
      return;
    }

  self->store = g_object_ref (store);
  g_signal_connect_object (self->store, "door-actions-changed",
                           G_CALLBACK (door_actions_changed_cb), self, G_CONNECT_SWAPPED);
  update_sensitivity (self);
  load_kept (self);
  load_recent (self);
  load_doors (self);
}

ConciergeSession *
concierge_doors_view_get_session (ConciergeDoorsView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOORS_VIEW (self), NULL);

  return self->session;
}

void
concierge_doors_view_set_session (ConciergeDoorsView *self,
                                  ConciergeSession   *session)
{
  g_return_if_fail (CONCIERGE_IS_DOORS_VIEW (self));
  g_return_if_fail (session == NULL || CONCIERGE_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  /* The store exists only once the session has started; follow "started"
   * when the session says it changes. */
  if (session != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (session), "started") != NULL)
    g_signal_connect_object (session, "notify::started",
                             G_CALLBACK (session_started_cb), self, G_CONNECT_SWAPPED);

  session_started_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* GObject */

static void
concierge_doors_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConciergeDoorsView *self = CONCIERGE_DOORS_VIEW (object);

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
concierge_doors_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConciergeDoorsView *self = CONCIERGE_DOORS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      concierge_doors_view_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_doors_view_dispose (GObject *object)
{
  ConciergeDoorsView *self = CONCIERGE_DOORS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  self->dialog = NULL;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->kept, g_hash_table_unref);
  g_clear_pointer (&self->results, g_hash_table_unref);

  /* AdwBin unparents its child itself; doing it first keeps the template
   * disposal from unparenting it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_DOORS_VIEW);

  G_OBJECT_CLASS (concierge_doors_view_parent_class)->dispose (object);
}

static void
concierge_doors_view_finalize (GObject *object)
{
  ConciergeDoorsView *self = CONCIERGE_DOORS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (concierge_doors_view_parent_class)->finalize (object);
}

static void
concierge_doors_view_class_init (ConciergeDoorsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_doors_view_get_property;
  object_class->set_property = concierge_doors_view_set_property;
  object_class->dispose = concierge_doors_view_dispose;
  object_class->finalize = concierge_doors_view_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CONCIERGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-doors-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergeDoorsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConciergeDoorsView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ConciergeDoorsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergeDoorsView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeDoorsView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeDoorsView, status_page);
  gtk_widget_class_bind_template_child (widget_class, ConciergeDoorsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ConciergeDoorsView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeDoorsView, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
}

static void
concierge_doors_view_init (ConciergeDoorsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->groups = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) door_row_free);
  self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  session_started_cb (self);
}

GtkWidget *
concierge_doors_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_DOORS_VIEW, NULL);
}

/* Tests */

AdwActionRow *
_concierge_doors_view_get_row (ConciergeDoorsView *self,
                               const char         *door_id)
{
  DoorRow *row = g_hash_table_lookup (self->rows, door_id);

  return row != NULL ? row->row : NULL;
}

GActionGroup *
_concierge_doors_view_get_row_actions (ConciergeDoorsView *self,
                                       const char         *door_id)
{
  DoorRow *row = g_hash_table_lookup (self->rows, door_id);

  return row != NULL ? G_ACTION_GROUP (row->actions) : NULL;
}

const char *
_concierge_doors_view_get_page (ConciergeDoorsView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

AdwStatusPage *
_concierge_doors_view_get_status_page (ConciergeDoorsView *self)
{
  return self->status_page;
}

GtkSearchEntry *
_concierge_doors_view_get_search_entry (ConciergeDoorsView *self)
{
  return self->search_entry;
}

GPtrArray *
_concierge_doors_view_dup_groups (ConciergeDoorsView *self)
{
  return g_ptr_array_copy (self->groups, NULL, NULL);
}

AdwMessageDialog *
_concierge_doors_view_get_dialog (ConciergeDoorsView *self)
{
  return self->dialog;
}

GtkEditable *
_concierge_doors_view_get_reason_entry (ConciergeDoorsView *self)
{
  return self->reason_entry;
}

gboolean
_concierge_doors_view_get_busy (ConciergeDoorsView *self)
{
  return self->n_requests > 0;
}
