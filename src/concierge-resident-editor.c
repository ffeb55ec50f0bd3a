/* concierge-resident-editor.c: the dialog that adds or edits a resident
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form is checked with the library's own rules
 * (hcc_directory_validate_resident) on every change. That function stops at
 * the first bad field, so the form is checked again with each bad field
 * replaced by a harmless value until it passes; that gives one message per
 * field without a second copy of the guide's limits here.
 */

#define G_LOG_DOMAIN "concierge-resident-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-resident-editor-private.h"

/* The last moment the platform accepts as the end of a validity (T38). */
#define LAST_YEAR 2037

typedef enum {
  FIELD_FIRST_NAME,
  FIELD_LAST_NAME,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_START,
  FIELD_END,
  FIELD_ROOMS,
  FIELD_ACCESS,
  FIELD_LANGUAGE,
  FIELD_TOP,
  N_FIELDS
} Field;

/* The request field names of PersonDTO and vims/v1/person/add. */
static const char * const field_names[N_FIELDS] = {
  "firstName", "lastName", "phone", "email", "startDate", "endDate", "roomList", "alIds", "language", NULL,
};

/* Platform refusals that are about one field (catalogue §12), so the
 * message can go next to it. */
static const struct {
  const char *code;
  Field       field;
} code_fields[] = {
  { "CCF038014", FIELD_FIRST_NAME },
  { "CCF038015", FIELD_LAST_NAME },
  { "CCF038019", FIELD_EMAIL },
  { "CCF038052", FIELD_EMAIL },
  { "VMS038026", FIELD_EMAIL },
  { "VMS003001", FIELD_EMAIL },
  { "CCF038020", FIELD_PHONE },
  { "CCF038089", FIELD_PHONE },
  { "CCF038022", FIELD_END },
  { "VMS038005", FIELD_ROOMS },
  { "VMS038011", FIELD_ROOMS },
  { "VMS038012", FIELD_ROOMS },
  { "VMS038014", FIELD_ROOMS },
  { "VMS000003", FIELD_ROOMS },
  { "VMS040016", FIELD_ACCESS },
};

/* The invitation languages of vims/v1/person/add (catalogue §3.4). */
static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { "en", N_("English") },
  { "de", N_("German") },
  { "fr", N_("French") },
  { "it", N_("Italian") },
  { "es", N_("Spanish") },
  { "pt", N_("Portuguese") },
  { "pt_BR", N_("Portuguese (Brazil)") },
  { "nl", N_("Dutch") },
  { "pl", N_("Polish") },
  { "ru", N_("Russian") },
  { "tr", N_("Turkish") },
  { "ar", N_("Arabic") },
  { "zh_CN", N_("Chinese (Simplified)") },
  { "zh_TW", N_("Chinese (Traditional)") },
  { "ja", N_("Japanese") },
  { "ko", N_("Korean") },
  { "th", N_("Thai") },
  { "vi", N_("Vietnamese") },
  { "id", N_("Indonesian") },
};

struct _ConciergeResidentEditor
{
  AdwWindow           parent_instance;

  /* Template children. */
  AdwWindowTitle     *window_title;
  GtkButton          *save_button;
  GtkSpinner         *save_spinner;
  GtkLabel           *top_error;
  GtkLabel           *validity_note;
  GtkEntry           *first_name_entry;
  GtkLabel           *first_name_error;
  GtkEntry           *last_name_entry;
  GtkLabel           *last_name_error;
  GtkEntry           *phone_entry;
  GtkLabel           *phone_error;
  GtkEntry           *email_entry;
  GtkLabel           *email_error;
  GtkMenuButton      *start_date_button;
  GtkCalendar        *start_calendar;
  GtkSpinButton      *start_hour;
  GtkSpinButton      *start_minute;
  GtkLabel           *start_error;
  GtkMenuButton      *end_date_button;
  GtkCalendar        *end_calendar;
  GtkSpinButton      *end_hour;
  GtkSpinButton      *end_minute;
  GtkLabel           *end_error;
  GtkListBox         *rooms_list;
  GtkDropDown        *building_dropdown;
  GtkDropDown        *room_dropdown;
  GtkButton          *add_room_button;
  GtkLabel           *rooms_error;
  GtkListBox         *access_list;
  GtkLabel           *access_error;
  GtkDropDown        *language_dropdown;
  GtkLabel           *language_error;

  ConciergeSession   *session;          /* (owned) */
  ConciergeDirectory *directory;        /* (owned) */
  HccResident        *original;         /* (owned) (nullable): the resident edited */
  HccResident        *saved;            /* (owned) (nullable) */
  char               *person_id;        /* (owned) (nullable): set once the person exists */
  GListStore         *rooms;            /* (owned): HccRoom, as they will be sent */
  GHashTable         *access_ids;       /* (owned): the chosen access level IDs */
  GtkCustomFilter    *room_filter;      /* (owned) */
  GCancellable       *cancellable;      /* (owned) */

  GtkWidget          *field_widgets[N_FIELDS];
  GtkLabel           *field_labels[N_FIELDS];
  char               *local_messages[N_FIELDS];  /* (owned) (nullable): our checks */
  gboolean            touched[N_FIELDS];
  Field               platform_field;   /* N_FIELDS when there is no refusal */
  char               *platform_message; /* (owned) (nullable) */
  gboolean            saving;
  gboolean            reading_validity; /* persons/get in flight: Save waits */
  gboolean            filling;          /* the form is being filled, not typed */
};

G_DEFINE_FINAL_TYPE (ConciergeResidentEditor, concierge_resident_editor, ADW_TYPE_WINDOW)

/* Shared helpers */

HccResident *
_concierge_resident_copy (HccResident *resident)
{
  HccResident *copy = hcc_resident_new ();
  g_autoptr(GListStore) rooms = g_list_store_new (HCC_TYPE_ROOM);
  GListModel *old = hcc_resident_get_rooms (resident);

  hcc_resident_set_id (copy, hcc_resident_get_id (resident));
  hcc_resident_set_person_code (copy, hcc_resident_get_person_code (resident));
  hcc_resident_set_first_name (copy, hcc_resident_get_first_name (resident));
  hcc_resident_set_last_name (copy, hcc_resident_get_last_name (resident));
  hcc_resident_set_gender (copy, hcc_resident_get_gender (resident));
  hcc_resident_set_phone (copy, hcc_resident_get_phone (resident));
  hcc_resident_set_email (copy, hcc_resident_get_email (resident));
  hcc_resident_set_description (copy, hcc_resident_get_description (resident));
  hcc_resident_set_expired (copy, hcc_resident_get_expired (resident));
  hcc_resident_set_photo_url (copy, hcc_resident_get_photo_url (resident));
  hcc_resident_set_head_pic_url (copy, hcc_resident_get_head_pic_url (resident));
  hcc_resident_set_start_time (copy, hcc_resident_get_start_time (resident));
  hcc_resident_set_end_time (copy, hcc_resident_get_end_time (resident));
  hcc_resident_set_language (copy, hcc_resident_get_language (resident));

  for (guint i = 0; old != NULL && i < g_list_model_get_n_items (old); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (old, i);

      g_list_store_append (rooms, room);
    }
  hcc_resident_set_rooms (copy, G_LIST_MODEL (rooms));

  return copy;
}

const char *
_concierge_resident_language_name (const char *code)
{
  if (code == NULL || *code == '\0')
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return _(languages[i].name);

  return code;
}

char *
_concierge_resident_room_label (HccRoom *room)
{
  const char *name = hcc_room_get_name (room);
  const char *number = hcc_room_get_number (room);

  if (name != NULL && *name != '\0')
    return g_strdup (name);
  if (number != NULL && *number != '\0')
    /* TRANSLATORS: %s is a room number. */
    return g_strdup_printf (_("Room %s"), number);

  return g_strdup (_("Unnamed room"));
}

/* Reading the form */

static char *
entry_text (GtkEntry *entry)
{
  char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  return g_strstrip (text);
}

static GDateTime *
picked_time (GtkCalendar   *calendar,
             GtkSpinButton *hour,
             GtkSpinButton *minute)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_new_local (g_date_time_get_year (date),
                                g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date),
                                gtk_spin_button_get_value_as_int (hour),
                                gtk_spin_button_get_value_as_int (minute),
                                0);
}

static HccResident *
build_resident (ConciergeResidentEditor *self)
{
  HccResident *resident = hcc_resident_new ();
  g_autofree char *first = entry_text (self->first_name_entry);
  g_autofree char *last = entry_text (self->last_name_entry);
  g_autofree char *phone = entry_text (self->phone_entry);
  g_autofree char *email = entry_text (self->email_entry);
  g_autoptr(GDateTime) start = picked_time (self->start_calendar, self->start_hour, self->start_minute);
  g_autoptr(GDateTime) end = picked_time (self->end_calendar, self->end_hour, self->end_minute);
  g_autoptr(GListStore) rooms = g_list_store_new (HCC_TYPE_ROOM);
  guint language = gtk_drop_down_get_selected (self->language_dropdown);

  hcc_resident_set_id (resident, self->person_id);
  hcc_resident_set_first_name (resident, first);
  hcc_resident_set_last_name (resident, last);
  hcc_resident_set_phone (resident, *phone != '\0' ? phone : NULL);
  hcc_resident_set_email (resident, email);
  hcc_resident_set_start_time (resident, start);
  hcc_resident_set_end_time (resident, end);
  hcc_resident_set_language (resident, language < G_N_ELEMENTS (languages) ? languages[language].code : NULL);

  /* Fields the form does not show go back as they were. */
  if (self->original != NULL)
    {
      hcc_resident_set_person_code (resident, hcc_resident_get_person_code (self->original));
      hcc_resident_set_gender (resident, hcc_resident_get_gender (self->original));
      hcc_resident_set_description (resident, hcc_resident_get_description (self->original));
      hcc_resident_set_photo_url (resident, hcc_resident_get_photo_url (self->original));
      hcc_resident_set_head_pic_url (resident, hcc_resident_get_head_pic_url (self->original));
    }
  else
    {
      /* PersonDTO requires a gender; 2 is "unknown". */
      hcc_resident_set_gender (resident, 2);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rooms)); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (G_LIST_MODEL (self->rooms), i);

      g_list_store_append (rooms, room);
    }
  hcc_resident_set_rooms (resident, G_LIST_MODEL (rooms));

  return resident;
}

static Field
field_from_name (const char *name)
{
  for (guint i = 0; i < FIELD_TOP; i++)
    if (g_strcmp0 (field_names[i], name) == 0)
      return i;

  return FIELD_TOP;
}

/* Replaces a bad field with a harmless value, so the next check looks at
 * the fields after it. FALSE when the field cannot be neutralised. */
static gboolean
neutralise (HccResident *probe,
            Field        field)
{
  g_autoptr(GListStore) rooms = NULL;
  g_autoptr(HccRoom) room = NULL;

  switch (field)
    {
    case FIELD_FIRST_NAME:
      hcc_resident_set_first_name (probe, "A");
      return TRUE;
    case FIELD_LAST_NAME:
      hcc_resident_set_last_name (probe, "A");
      return TRUE;
    case FIELD_PHONE:
      hcc_resident_set_phone (probe, NULL);
      return TRUE;
    case FIELD_EMAIL:
      hcc_resident_set_email (probe, "a@example.com");
      return TRUE;
    case FIELD_START:
    case FIELD_END:
      hcc_resident_set_start_time (probe, NULL);
      hcc_resident_set_end_time (probe, NULL);
      return TRUE;
    case FIELD_LANGUAGE:
      hcc_resident_set_language (probe, NULL);
      return TRUE;
    case FIELD_ROOMS:
      rooms = g_list_store_new (HCC_TYPE_ROOM);
      room = hcc_room_new ();
      hcc_room_set_id (room, "0");
      hcc_room_set_building_id (room, "0");
      g_list_store_append (rooms, room);
      hcc_resident_set_rooms (probe, G_LIST_MODEL (rooms));
      return TRUE;
    case FIELD_ACCESS:
    case FIELD_TOP:
    case N_FIELDS:
    default:
      return FALSE;
    }
}

static void
show_message (ConciergeResidentEditor *self,
              Field                    field,
              const char              *message)
{
  GtkLabel *label = self->field_labels[field];
  GtkWidget *widget = self->field_widgets[field];
  gboolean shown = message != NULL && *message != '\0';

  gtk_label_set_label (label, shown ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);

  if (widget == NULL)
    return;

  /* The message is the field's description for screen readers too. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  if (shown)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (GTK_IS_ENTRY (widget))
    {
      if (shown)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
    }
}

static void
validate (ConciergeResidentEditor *self)
{
  g_autoptr(HccResident) probe = build_resident (self);
  gboolean valid = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->local_messages[i], g_free);

  /* One pass per bad field at most. */
  for (guint pass = 0; pass < N_FIELDS; pass++)
    {
      g_autoptr(GError) error = NULL;
      Field field;

      if (hcc_directory_validate_resident (probe, self->person_id != NULL, &error))
        break;

      valid = FALSE;
      field = field_from_name (hcc_error_get_field (error));
      if (self->local_messages[field] == NULL)
        self->local_messages[field] = g_strdup (error->message);
      if (!neutralise (probe, field))
        break;
    }

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = NULL;

      /* A field shows our own check once the user changed it; a refusal
       * of the platform stays until the field is changed. */
      if (self->local_messages[i] != NULL && (self->touched[i] || i == FIELD_TOP))
        message = self->local_messages[i];
      else if (self->platform_field == i)
        message = self->platform_message;

      show_message (self, i, message);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            valid && !self->saving && !self->reading_validity);
}

static void
touch (ConciergeResidentEditor *self,
       Field                    field)
{
  if (self->filling)
    return;

  self->touched[field] = TRUE;
  if (self->platform_field == field || self->platform_field == FIELD_TOP)
    {
      self->platform_field = N_FIELDS;
      g_clear_pointer (&self->platform_message, g_free);
    }
  validate (self);
}

static void
entry_changed_cb (ConciergeResidentEditor *self,
                  GtkEditable             *editable)
{
  for (guint i = 0; i < FIELD_TOP; i++)
    if (self->field_widgets[i] == GTK_WIDGET (editable))
      touch (self, i);
}

static void
update_date_label (GtkMenuButton *button,
                   GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  /* TRANSLATORS: a date on the validity buttons; see g_date_time_format(). */
  g_autofree char *text = g_date_time_format (date, _("%a %-d %B %Y"));

  gtk_menu_button_set_label (button, text);
}

static void
date_changed_cb (ConciergeResidentEditor *self,
                 GtkWidget               *widget)
{
  update_date_label (self->start_date_button, self->start_calendar);
  update_date_label (self->end_date_button, self->end_calendar);

  if (widget == GTK_WIDGET (self->start_calendar) || widget == GTK_WIDGET (self->start_hour) ||
      widget == GTK_WIDGET (self->start_minute))
    touch (self, FIELD_START);
  else
    touch (self, FIELD_END);
}

/* Minutes read "9:05", not "9:5": the spin button's own output writes the
 * number as it is. Returning TRUE keeps that output from running. */
static gboolean
minute_output_cb (GtkSpinButton           *spin,
                  ConciergeResidentEditor *self)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
language_changed_cb (ConciergeResidentEditor *self)
{
  touch (self, FIELD_LANGUAGE);
}

static void
set_picker (GtkCalendar   *calendar,
            GtkSpinButton *hour,
            GtkSpinButton *minute,
            GDateTime     *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  gtk_calendar_select_day (calendar, local);
  gtk_spin_button_set_value (hour, g_date_time_get_hour (local));
  gtk_spin_button_set_value (minute, g_date_time_get_minute (local));
}

/* Rooms */

static void remove_room_clicked_cb (GtkButton               *button,
                                    ConciergeResidentEditor *self);

static GtkWidget *
create_room_row (gpointer item,
                 gpointer user_data)
{
  ConciergeResidentEditor *self = user_data;
  HccRoom *room = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *label = _concierge_resident_room_label (room);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;
  const char *building = hcc_room_get_building_name (room);

  if ((building == NULL || *building == '\0') && hcc_room_get_id (room) != NULL)
    {
      HccRoom *known = concierge_directory_lookup_room (self->directory, hcc_room_get_id (room));

      building = known != NULL ? hcc_room_get_building_name (known) : NULL;
    }

  /* TRANSLATORS: a room's building and the resident's role in the room. */
  subtitle = g_strdup_printf (_("%s · %s"), building != NULL ? building : _("Unknown building"),
                              hcc_room_get_account_type (room) == 1 ? _("Householder") : _("Family member"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* TRANSLATORS: %s is a room such as "Flat 3B". */
  remove_label = g_strdup_printf (_("Remove %s"), label);
  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (button), "room", g_object_ref (room), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_room_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
remove_room_clicked_cb (GtkButton               *button,
                        ConciergeResidentEditor *self)
{
  HccRoom *room = g_object_get_data (G_OBJECT (button), "room");
  guint position;

  if (g_list_store_find (self->rooms, room, &position))
    g_list_store_remove (self->rooms, position);
  touch (self, FIELD_ROOMS);
}

/* A room as it goes into roomList: a copy, with the role the resident
 * takes in it. A room nobody lives in needs a householder; elsewhere the
 * new resident joins as a family member (VMS038011 otherwise). */
static HccRoom *
new_room_link (HccRoom *room)
{
  HccRoom *link = hcc_room_new ();
  const char *main_account = hcc_room_get_main_account (room);
  gboolean empty = hcc_room_get_person_amount (room) == 0 &&
                   (main_account == NULL || *main_account == '\0');

  hcc_room_set_id (link, hcc_room_get_id (room));
  hcc_room_set_name (link, hcc_room_get_name (room));
  hcc_room_set_number (link, hcc_room_get_number (room));
  hcc_room_set_building_id (link, hcc_room_get_building_id (room));
  hcc_room_set_building_name (link, hcc_room_get_building_name (room));
  hcc_room_set_area_id (link, hcc_room_get_area_id (room));
  hcc_room_set_area_name (link, hcc_room_get_area_name (room));
  hcc_room_set_account_type (link, empty ? 1 : 0);

  return link;
}

static gboolean
has_room (ConciergeResidentEditor *self,
          const char              *room_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rooms)); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (G_LIST_MODEL (self->rooms), i);

      if (g_strcmp0 (hcc_room_get_id (room), room_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_room (ConciergeResidentEditor *self,
          HccRoom                 *room)
{
  g_autoptr(HccRoom) link = NULL;

  if (has_room (self, hcc_room_get_id (room)))
    return;

  link = new_room_link (room);
  g_list_store_append (self->rooms, link);
}

static void
add_room_clicked_cb (ConciergeResidentEditor *self)
{
  HccRoom *room = gtk_drop_down_get_selected_item (self->room_dropdown);

  if (room == NULL)
    return;

  add_room (self, room);
  touch (self, FIELD_ROOMS);
}

static char *
building_name_cb (HccBuilding *building)
{
  return g_strdup (building != NULL ? hcc_building_get_name (building) : "");
}

static char *
room_name_cb (HccRoom *room)
{
  return room != NULL ? _concierge_resident_room_label (room) : g_strdup ("");
}

static gboolean
room_in_building (gpointer item,
                  gpointer user_data)
{
  ConciergeResidentEditor *self = user_data;
  HccBuilding *building = gtk_drop_down_get_selected_item (self->building_dropdown);

  return building != NULL &&
         g_strcmp0 (hcc_room_get_building_id (item), hcc_building_get_id (building)) == 0;
}

static int
compare_rooms (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char *number_a = hcc_room_get_number ((HccRoom *) a);
  const char *number_b = hcc_room_get_number ((HccRoom *) b);
  gint64 na = number_a != NULL ? g_ascii_strtoll (number_a, NULL, 10) : 0;
  gint64 nb = number_b != NULL ? g_ascii_strtoll (number_b, NULL, 10) : 0;

  if (na != nb)
    return na < nb ? -1 : 1;
  return g_strcmp0 (number_a, number_b);
}

static void
building_selected_cb (ConciergeResidentEditor *self)
{
  gtk_filter_changed (GTK_FILTER (self->room_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Access levels */

static void
access_toggled_cb (GtkCheckButton          *check,
                   ConciergeResidentEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "access-level-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->access_ids, g_strdup (id));
  else
    g_hash_table_remove (self->access_ids, id);
  touch (self, FIELD_ACCESS);
}

static GtkWidget *
create_access_row (gpointer item,
                   gpointer user_data)
{
  ConciergeResidentEditor *self = user_data;
  HccAccessLevel *level = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *remark = hcc_access_level_get_remark (level);
  const char *area = hcc_access_level_get_area_name (level);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hcc_access_level_get_name (level));
  if (remark != NULL && *remark != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), remark);
  else if (area != NULL && *area != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), area);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hcc_access_level_get_name (level), -1);
  g_object_set_data_full (G_OBJECT (check), "access-level-id",
                          g_strdup (hcc_access_level_get_id (level)), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->access_ids, hcc_access_level_get_id (level)));
  g_signal_connect_object (check, "toggled", G_CALLBACK (access_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

/* Saving */

static Field
field_for_error (const GError *error)
{
  const char *field = hcc_error_get_field (error);
  const char *code = hcc_error_get_platform_code (error);

  if (field != NULL)
    return field_from_name (field);

  for (gsize i = 0; code != NULL && i < G_N_ELEMENTS (code_fields); i++)
    if (hcc_error_code_equal (code_fields[i].code, code))
      return code_fields[i].field;

  return FIELD_TOP;
}

static void
set_saving (ConciergeResidentEditor *self,
            gboolean                 saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), saving);
  gtk_spinner_set_spinning (self->save_spinner, saving);
  validate (self);
}

typedef struct {
  ConciergeResidentEditor *self;      /* (owned) */
  HccResident             *resident;  /* (owned) */
  gboolean                 adding;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->resident);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  ConciergeResidentEditor *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (data->adding)
    ok = hcc_directory_add_resident_finish (HCC_CLIENT (source), result, &error);
  else
    ok = hcc_directory_update_resident_finish (HCC_CLIENT (source), result, &error);

  /* Cancelled: the window was closed; nothing of it may be touched. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!ok)
    {
      Field field = field_for_error (error);

      g_debug ("Saving the resident failed: %s (%s)", error->message,
               hcc_error_get_platform_code (error) != NULL ? hcc_error_get_platform_code (error) : "-");

      /* An add can create the person and still fail a room (a full room):
       * the next Save then updates that person instead of adding another. */
      if (data->adding && hcc_resident_get_id (data->resident) != NULL &&
          *hcc_resident_get_id (data->resident) != '\0')
        {
          g_free (self->person_id);
          self->person_id = g_strdup (hcc_resident_get_id (data->resident));
        }

      self->platform_field = field;
      g_free (self->platform_message);
      self->platform_message = g_strdup (error->message);
      if (field == FIELD_TOP)
        {
          gtk_label_set_label (self->top_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->top_error), TRUE);
        }
      set_saving (self, FALSE);
      gtk_widget_grab_focus (self->field_widgets[field] != NULL ?
                             self->field_widgets[field] : GTK_WIDGET (self->save_button));
      return;
    }

  g_set_object (&self->saved, data->resident);
  concierge_directory_resident_saved (self->directory, data->resident);
  set_saving (self, FALSE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (ConciergeResidentEditor *self)
{
  g_autoptr(HccResident) resident = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id;
  SaveData *data;
  HccClient *client;

  validate (self);
  if (self->saving || !gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  client = concierge_session_get_client (self->session);
  resident = build_resident (self);

  g_hash_table_iter_init (&iter, self->access_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, id);
  g_ptr_array_add (ids, NULL);

  self->platform_field = N_FIELDS;
  g_clear_pointer (&self->platform_message, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->top_error), FALSE);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->resident = g_object_ref (resident);
  data->adding = self->person_id == NULL;

  set_saving (self, TRUE);
  if (data->adding)
    hcc_directory_add_resident_async (client, resident, (const char * const *) ids->pdata,
                                      self->cancellable, save_cb, data);
  else
    hcc_directory_update_resident_async (client, resident, (const char * const *) ids->pdata,
                                         self->cancellable, save_cb, data);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  ConciergeResidentEditor *self = CONCIERGE_RESIDENT_EDITOR (window);

  /* Closing gives up a save in flight; its reply finds the editor gone. */
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
concierge_resident_editor_dispose (GObject *object)
{
  ConciergeResidentEditor *self = CONCIERGE_RESIDENT_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_RESIDENT_EDITOR);

  g_clear_object (&self->room_filter);
  g_clear_object (&self->rooms);
  g_clear_object (&self->original);
  g_clear_object (&self->saved);
  g_clear_object (&self->directory);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (concierge_resident_editor_parent_class)->dispose (object);
}

static void
concierge_resident_editor_finalize (GObject *object)
{
  ConciergeResidentEditor *self = CONCIERGE_RESIDENT_EDITOR (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->local_messages[i]);
  g_free (self->platform_message);
  g_free (self->person_id);
  g_clear_pointer (&self->access_ids, g_hash_table_unref);

  G_OBJECT_CLASS (concierge_resident_editor_parent_class)->finalize (object);
}

static void
concierge_resident_editor_class_init (ConciergeResidentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = concierge_resident_editor_dispose;
  object_class->finalize = concierge_resident_editor_finalize;
  window_class->close_request = close_request_cb;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-resident-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, top_error);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, validity_note);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, first_name_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, first_name_error);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, last_name_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, last_name_error);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, phone_error);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, email_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, email_error);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, start_date_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, start_hour);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, start_minute);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, start_error);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, end_date_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, end_hour);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, end_minute);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, end_error);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, rooms_list);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, building_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, room_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, add_room_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, rooms_error);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, access_list);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, access_error);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentEditor, language_error);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, minute_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_room_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  /* Escape cancels, as in every dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
concierge_resident_editor_init (ConciergeResidentEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rooms = g_list_store_new (HCC_TYPE_ROOM);
  self->access_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->platform_field = N_FIELDS;

  self->field_widgets[FIELD_FIRST_NAME] = GTK_WIDGET (self->first_name_entry);
  self->field_widgets[FIELD_LAST_NAME] = GTK_WIDGET (self->last_name_entry);
  self->field_widgets[FIELD_PHONE] = GTK_WIDGET (self->phone_entry);
  self->field_widgets[FIELD_EMAIL] = GTK_WIDGET (self->email_entry);
  self->field_widgets[FIELD_START] = GTK_WIDGET (self->start_date_button);
  self->field_widgets[FIELD_END] = GTK_WIDGET (self->end_date_button);
  self->field_widgets[FIELD_ROOMS] = GTK_WIDGET (self->building_dropdown);
  self->field_widgets[FIELD_ACCESS] = GTK_WIDGET (self->access_list);
  self->field_widgets[FIELD_LANGUAGE] = GTK_WIDGET (self->language_dropdown);
  self->field_labels[FIELD_FIRST_NAME] = self->first_name_error;
  self->field_labels[FIELD_LAST_NAME] = self->last_name_error;
  self->field_labels[FIELD_PHONE] = self->phone_error;
  self->field_labels[FIELD_EMAIL] = self->email_error;
  self->field_labels[FIELD_START] = self->start_error;
  self->field_labels[FIELD_END] = self->end_error;
  self->field_labels[FIELD_ROOMS] = self->rooms_error;
  self->field_labels[FIELD_ACCESS] = self->access_error;
  self->field_labels[FIELD_LANGUAGE] = self->language_error;
  self->field_labels[FIELD_TOP] = self->top_error;

  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (names, _(languages[i].name));
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (names));

  gtk_list_box_bind_model (self->rooms_list, G_LIST_MODEL (self->rooms), create_room_row, self, NULL);
}

/* person/search gives no validity (catalogue §3.3), and an update must
 * send one: without the real dates an edit would silently reset them. They
 * are read with person/v1/persons/get before Save may run. */
static void
validity_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ConciergeResidentEditor) self = user_data;
  g_autoptr(HccResident) person = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *start = NULL;
  GDateTime *end = NULL;

  person = hcc_directory_get_person_finish (HCC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->reading_validity = FALSE;
  if (person != NULL)
    {
      start = hcc_resident_get_start_time (person);
      end = hcc_resident_get_end_time (person);
    }

  if (start == NULL || end == NULL)
    {
      g_autofree char *text = NULL;

      g_debug ("Could not read the validity: %s", error != NULL ? error->message : "no dates");
      /* TRANSLATORS: %s says why; the dates shown are then the defaults. */
      text = g_strdup_printf (_("The current validity could not be read (%s). Saving sets the dates shown."),
                              error != NULL ? error->message : _("the platform sent none"));
      gtk_label_set_label (self->validity_note, text);
    }
  else
    {
      /* Dates the user already changed stay as typed. */
      self->filling = TRUE;
      if (!self->touched[FIELD_START])
        set_picker (self->start_calendar, self->start_hour, self->start_minute, start);
      if (!self->touched[FIELD_END])
        set_picker (self->end_calendar, self->end_hour, self->end_minute, end);
      update_date_label (self->start_date_button, self->start_calendar);
      update_date_label (self->end_date_button, self->end_calendar);
      self->filling = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->validity_note), FALSE);
    }

  validate (self);
}

static void
read_validity (ConciergeResidentEditor *self)
{
  self->reading_validity = TRUE;
  gtk_label_set_label (self->validity_note, _("Reading the current validity from the platform…"));
  gtk_widget_set_visible (GTK_WIDGET (self->validity_note), TRUE);
  hcc_directory_get_person_async (concierge_session_get_client (self->session), self->person_id,
                                  self->cancellable, validity_read_cb, g_object_ref (self));
}

static GtkWindow *
editor_new (ConciergeSession *session,
            HccResident      *resident)
{
  ConciergeResidentEditor *self = g_object_new (CONCIERGE_TYPE_RESIDENT_EDITOR, NULL);
  GtkFilterListModel *building_rooms;
  GtkSortListModel *sorted_rooms;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GtkExpression) building_name = NULL;
  g_autoptr(GtkExpression) room_name = NULL;
  const char *language = NULL;

  self->session = g_object_ref (session);
  self->directory = g_object_ref (concierge_session_get_directory (session));
  self->original = resident != NULL ? _concierge_resident_copy (resident) : NULL;

  /* set_expression() takes a reference of its own. */
  building_name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                               G_CALLBACK (building_name_cb), NULL, NULL);
  gtk_drop_down_set_expression (self->building_dropdown, building_name);
  gtk_drop_down_set_model (self->building_dropdown, concierge_directory_get_buildings (self->directory));
  g_signal_connect_object (self->building_dropdown, "notify::selected",
                           G_CALLBACK (building_selected_cb), self, G_CONNECT_SWAPPED);

  /* The rooms of the chosen building, by number. */
  self->room_filter = gtk_custom_filter_new (room_in_building, self, NULL);
  building_rooms = gtk_filter_list_model_new (g_object_ref (concierge_directory_get_rooms (self->directory)),
                                              g_object_ref (GTK_FILTER (self->room_filter)));
  sorted_rooms = gtk_sort_list_model_new (G_LIST_MODEL (building_rooms),
                                          GTK_SORTER (gtk_custom_sorter_new (compare_rooms, NULL, NULL)));
  room_name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                           G_CALLBACK (room_name_cb), NULL, NULL);
  gtk_drop_down_set_expression (self->room_dropdown, room_name);
  gtk_drop_down_set_model (self->room_dropdown, G_LIST_MODEL (sorted_rooms));
  g_object_unref (sorted_rooms);

  if (resident != NULL)
    {
      GListModel *rooms = hcc_resident_get_rooms (resident);

      self->person_id = g_strdup (hcc_resident_get_id (resident));
      gtk_editable_set_text (GTK_EDITABLE (self->first_name_entry), hcc_resident_get_first_name (resident) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->last_name_entry), hcc_resident_get_last_name (resident) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), hcc_resident_get_phone (resident) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->email_entry), hcc_resident_get_email (resident) ?: "");
      /* The links keep their role (householder or family member). */
      for (guint i = 0; rooms != NULL && i < g_list_model_get_n_items (rooms); i++)
        {
          g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

          g_list_store_append (self->rooms, room);
        }
      if (hcc_resident_get_start_time (resident) != NULL)
        start = g_date_time_ref (hcc_resident_get_start_time (resident));
      if (hcc_resident_get_end_time (resident) != NULL)
        end = g_date_time_ref (hcc_resident_get_end_time (resident));
      language = hcc_resident_get_language (resident);
      adw_window_title_set_title (self->window_title, _("Edit Resident"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Resident"));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Add Resident"));
      gtk_window_set_title (GTK_WINDOW (self), _("Add Resident"));
    }

  /* A new resident is valid from now until the last date the platform
   * takes, as the library would send without dates. */
  if (start == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                     g_date_time_get_minute (now), 0);
    }
  if (end == NULL)
    end = g_date_time_new_local (LAST_YEAR, 12, 31, 23, 59, 0);
  set_picker (self->start_calendar, self->start_hour, self->start_minute, start);
  set_picker (self->end_calendar, self->end_hour, self->end_minute, end);
  update_date_label (self->start_date_button, self->start_calendar);
  update_date_label (self->end_date_button, self->end_calendar);

  gtk_drop_down_set_selected (self->language_dropdown, 0);
  for (gsize i = 0; language != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, language))
      gtk_drop_down_set_selected (self->language_dropdown, i);

  gtk_list_box_bind_model (self->access_list, concierge_directory_get_access_levels (self->directory),
                           create_access_row, self, NULL);

  /* The room list always says when it is empty: without a room there is no
   * resident, and the Save button alone would not say why. */
  self->touched[FIELD_ROOMS] = TRUE;
  self->filling = FALSE;
  if (resident != NULL && self->person_id != NULL &&
      (hcc_resident_get_start_time (resident) == NULL || hcc_resident_get_end_time (resident) == NULL))
    read_validity (self);
  validate (self);

  return GTK_WINDOW (self);
}

GtkWindow *
concierge_resident_editor_new_add (ConciergeSession *session)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (session), NULL);

  return editor_new (session, NULL);
}

GtkWindow *
concierge_resident_editor_new_for_room (ConciergeSession *session,
                                        HccRoom          *room)
{
  ConciergeResidentEditor *self;
  GListModel *buildings;

  g_return_val_if_fail (CONCIERGE_IS_SESSION (session), NULL);
  g_return_val_if_fail (HCC_IS_ROOM (room), NULL);

  self = CONCIERGE_RESIDENT_EDITOR (editor_new (session, NULL));
  add_room (self, room);

  /* The pickers start at that building, for a second room nearby. */
  buildings = concierge_directory_get_buildings (self->directory);
  for (guint i = 0; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(HccBuilding) building = g_list_model_get_item (buildings, i);

      if (g_strcmp0 (hcc_building_get_id (building), hcc_room_get_building_id (room)) == 0)
        gtk_drop_down_set_selected (self->building_dropdown, i);
    }

  validate (self);
  return GTK_WINDOW (self);
}

GtkWindow *
concierge_resident_editor_new_edit (ConciergeSession *session,
                                    HccResident      *resident)
{
  g_return_val_if_fail (CONCIERGE_IS_SESSION (session), NULL);
  g_return_val_if_fail (HCC_IS_RESIDENT (resident), NULL);

  return editor_new (session, resident);
}

HccResident *
concierge_resident_editor_get_saved (ConciergeResidentEditor *self)
{
  g_return_val_if_fail (CONCIERGE_IS_RESIDENT_EDITOR (self), NULL);

  return self->saved;
}

GtkEditable *
_concierge_resident_editor_get_entry (ConciergeResidentEditor *self,
                                      const char              *field)
{
  Field f = field_from_name (field);

  if (f < FIELD_TOP && GTK_IS_EDITABLE (self->field_widgets[f]))
    return GTK_EDITABLE (self->field_widgets[f]);
  return NULL;
}

const char *
_concierge_resident_editor_get_message (ConciergeResidentEditor *self,
                                        const char              *field)
{
  GtkLabel *label = self->field_labels[field != NULL ? field_from_name (field) : FIELD_TOP];

  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : "";
}

GtkWidget *
_concierge_resident_editor_get_save (ConciergeResidentEditor *self)
{
  return GTK_WIDGET (self->save_button);
}

gboolean
_concierge_resident_editor_add_room (ConciergeResidentEditor *self,
                                     const char              *room_id)
{
  HccRoom *room = concierge_directory_lookup_room (self->directory, room_id);
  GListModel *buildings = concierge_directory_get_buildings (self->directory);
  GListModel *rooms;

  if (room == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(HccBuilding) building = g_list_model_get_item (buildings, i);

      if (g_strcmp0 (hcc_building_get_id (building), hcc_room_get_building_id (room)) == 0)
        gtk_drop_down_set_selected (self->building_dropdown, i);
    }

  rooms = gtk_drop_down_get_model (self->room_dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) item = g_list_model_get_item (rooms, i);

      if (g_strcmp0 (hcc_room_get_id (item), room_id) == 0)
        {
          gtk_drop_down_set_selected (self->room_dropdown, i);
          g_signal_emit_by_name (self->add_room_button, "clicked");
          return has_room (self, room_id);
        }
    }

  return FALSE;
}

gboolean
_concierge_resident_editor_get_saving (ConciergeResidentEditor *self)
{
  return self->saving;
}
