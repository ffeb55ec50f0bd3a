/* concierge-residents-view.c: the residents of the site, searchable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The directory keeps its residents ordered by last name, then first name
 * (folded, so "Öztürk" sits with the O's), and the list filters that model
 * in place: a keystroke re-runs the filter over precomputed search keys;
 * nothing is copied, sorted or rebuilt. An empty query removes the filter,
 * so the whole list shows at once.
 *
 * Measured with 10,000 residents (bench/bench-residents.c, GTK 4.8): an
 * incremental GtkFilterListModel emits items-changed once per slice, and
 * the list re-binds its rows for each, so a keystroke took 0.5 s to
 * settle; filtering in one go settles in a few ms. A GtkSortListModel on
 * top of the directory's order (which concierge-directory.h promises) cost
 * 80-370 ms of the first paint for nothing, so there is none. The rows are
 * a GtkListView of ConciergeResidentRow, one widget per row that draws its
 * cells: a GtkColumnView row is some twenty widgets, and GTK 4.8 rebuilds
 * up to 200 rows when a search changes what is shown (see
 * concierge-resident-row.c).
 */

#define G_LOG_DOMAIN "concierge-residents-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-resident-editor-private.h"
#include "concierge-resident-row.h"
#include "concierge-residents-view-private.h"

/* How often "Refreshed 10 minutes ago" is brought up to date. */
#define REFRESHED_TICK_SECONDS 30

/* The rows' status words, looked up once per view rather than for every
 * row bound: a search binds about a hundred rows a keystroke. */
typedef struct {
  const char *valid;
  const char *expired;
} RowWords;

struct _ConciergeResidentsView
{
  AdwBin              parent_instance;

  /* Template children. */
  GtkStack           *main_stack;
  AdwStatusPage      *empty_page;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkButton          *add_button;
  GtkLabel           *count_label;
  GtkSpinner         *refresh_spinner;
  GtkLabel           *refreshed_label;
  GtkButton          *refresh_button;
  GtkLabel           *refresh_error_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkStack           *details_stack;
  GtkButton          *back_button;
  AdwAvatar          *avatar;
  GtkLabel           *details_name_label;
  GtkImage           *details_status_icon;
  GtkLabel           *details_status_label;
  GtkButton          *edit_button;
  GtkButton          *remove_button;
  GtkLabel           *action_error_label;
  GtkListBox         *rooms_list;
  AdwActionRow       *phone_row;
  AdwActionRow       *email_row;
  AdwActionRow       *language_row;
  AdwActionRow       *valid_from_row;
  AdwActionRow       *valid_until_row;
  GtkListBox         *access_list;

  ConciergeSession   *session;        /* (owned) (nullable) */
  ConciergeDirectory *directory;      /* (owned) (nullable) */
  GCancellable       *cancellable;    /* (owned): refresh and removals of this session */

  GtkFilterListModel *filter_model;   /* (owned) */
  GtkSingleSelection *selection;      /* (owned) */
  GtkCustomFilter    *filter;         /* (owned) */
  char               *query;          /* (owned): folded, "" when none */
  GStrv               query_words;    /* (owned) */
  gsize              *query_word_lengths; /* (owned): of each of query_words */

  HccResident        *shown;          /* (owned) (nullable): the resident in the details */
  GCancellable       *validity_cancellable; /* (owned) (nullable): reading the shown one's dates */
  RowWords            row_words;
  guint               refreshed_tick_id;
};

G_DEFINE_FINAL_TYPE (ConciergeResidentsView, concierge_residents_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* strstr() for the short words people type into a search: glibc's
 * strstr() prepares a two-way search for every call, which over 10,000
 * keys of some 80 characters cost more than the search itself. */
static gboolean
contains_word (const char *key,
               const char *word,
               gsize       word_length)
{
  for (const char *p = strchr (key, word[0]); p != NULL; p = strchr (p + 1, word[0]))
    {
      if (strncmp (p, word, word_length) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
match_resident (gpointer item,
                gpointer user_data)
{
  ConciergeResidentsView *self = user_data;
  const char *key;

  if (self->directory == NULL || self->query_words == NULL)
    return TRUE;

  key = concierge_directory_get_search_key (self->directory, item);
  if (key == NULL)
    return FALSE;

  /* Every word of the query must occur, in any order: "3b tower" finds
   * the residents of Flat 3B in North Tower. */
  for (guint i = 0; self->query_words[i] != NULL; i++)
    if (!contains_word (key, self->query_words[i], self->query_word_lengths[i]))
      return FALSE;

  return TRUE;
}

static gboolean
resident_is_expired (HccResident *resident)
{
  GDateTime *end = hcc_resident_get_end_time (resident);
  g_autoptr(GDateTime) now = NULL;

  if (hcc_resident_get_expired (resident))
    return TRUE;
  if (end == NULL)
    return FALSE;

  now = g_date_time_new_now_utc ();
  return g_date_time_compare (end, now) < 0;
}

/* The building of a room: the name the room carries, else the directory's. */
static const char *
room_building_name (ConciergeResidentsView *self,
                    HccRoom                *room)
{
  const char *name = hcc_room_get_building_name (room);
  HccRoom *known;

  if (name != NULL && *name != '\0')
    return name;
  if (self->directory == NULL || hcc_room_get_id (room) == NULL)
    return NULL;

  known = concierge_directory_lookup_room (self->directory, hcc_room_get_id (room));
  return known != NULL ? hcc_room_get_building_name (known) : NULL;
}

static char *
full_name (HccResident *resident)
{
  const char *first = hcc_resident_get_first_name (resident);
  const char *last = hcc_resident_get_last_name (resident);

  /* TRANSLATORS: a resident's full name: first name, then last name. */
  return g_strdup_printf (C_("person name", "%s %s"), first != NULL ? first : "", last != NULL ? last : "");
}

static char *
rooms_text (ConciergeResidentsView *self,
            HccResident            *resident)
{
  GListModel *rooms = hcc_resident_get_rooms (resident);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; rooms != NULL && i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);
      g_autofree char *label = _concierge_resident_room_label (room);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, label);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
buildings_text (ConciergeResidentsView *self,
                HccResident            *resident)
{
  GListModel *rooms = hcc_resident_get_rooms (resident);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; rooms != NULL && i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);
      const char *building = room_building_name (self, room);

      if (building == NULL || *building == '\0' ||
          g_ptr_array_find_with_equal_func (seen, building, g_str_equal, NULL))
        continue;

      g_ptr_array_add (seen, (gpointer) building);
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, building);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_local (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (_("Not set"));

  local = g_date_time_to_local (time);
  /* TRANSLATORS: a date and time in the validity of a resident, see
   * g_date_time_format() for the codes. */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* Rows */

static void
set_status (GtkImage *image,
            GtkLabel *label,
            gboolean  expired)
{
  /* Text and icon, so the status never rests on colour alone. */
  if (expired)
    {
      gtk_image_set_from_icon_name (image, "dialog-warning-symbolic");
      gtk_label_set_label (label, _("Expired"));
      gtk_widget_add_css_class (GTK_WIDGET (image), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (image), "success");
    }
  else
    {
      gtk_image_set_from_icon_name (image, "object-select-symbolic");
      gtk_label_set_label (label, _("Valid"));
      gtk_widget_add_css_class (GTK_WIDGET (image), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (image), "warning");
    }
}

static char *
name_cell (HccResident *resident)
{
  const char *first = hcc_resident_get_first_name (resident);
  const char *last = hcc_resident_get_last_name (resident);

  /* TRANSLATORS: a resident's name in the list, sorted by last name:
   * last name, comma, first name. */
  return g_strdup_printf (_("%s, %s"), last != NULL ? last : "", first != NULL ? first : "");
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, concierge_resident_row_new ());
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ConciergeResidentsView   *self)
{
  HccResident *resident = gtk_list_item_get_item (list_item);
  gboolean expired = resident_is_expired (resident);
  g_autofree char *name = name_cell (resident);
  g_autofree char *rooms = rooms_text (self, resident);
  g_autofree char *buildings = buildings_text (self, resident);
  const char *texts[CONCIERGE_RESIDENT_N_COLUMNS] = {
    [CONCIERGE_RESIDENT_COLUMN_NAME] = name,
    [CONCIERGE_RESIDENT_COLUMN_ROOMS] = rooms,
    [CONCIERGE_RESIDENT_COLUMN_BUILDING] = buildings,
    [CONCIERGE_RESIDENT_COLUMN_PHONE] = hcc_resident_get_phone (resident),
    /* Words and an icon, so the status never rests on colour alone. */
    [CONCIERGE_RESIDENT_COLUMN_STATUS] = expired ? self->row_words.expired : self->row_words.valid,
  };

  concierge_resident_row_set_texts (CONCIERGE_RESIDENT_ROW (gtk_list_item_get_child (list_item)),
                                    texts, expired);
}

static void
setup_rows (ConciergeResidentsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->row_words.valid = _("Valid");
  self->row_words.expired = _("Expired");

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
}

/* State shown around the list */

static void
update_count (ConciergeResidentsView *self)
{
  guint total = 0;
  guint shown = 0;
  g_autofree char *text = NULL;

  if (self->directory != NULL)
    total = g_list_model_get_n_items (concierge_directory_get_residents (self->directory));
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (self->query[0] == '\0')
    /* TRANSLATORS: the number of residents in the directory. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u resident", "%'u residents", total), total);
  else
    /* TRANSLATORS: the residents the search found, of all residents:
     * "12 of 10,000 residents". */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u resident", "%'u of %'u residents", total),
                            shown, total);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    shown == 0 && self->query[0] != '\0' &&
                                    !gtk_filter_list_model_get_pending (self->filter_model) ?
                                    "no-results" : "rows");
}

static void
update_empty (ConciergeResidentsView *self)
{
  guint total = 0;

  if (self->directory != NULL)
    total = g_list_model_get_n_items (concierge_directory_get_residents (self->directory));

  if (self->session == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Not Connected"));
      adw_status_page_set_description (self->empty_page,
                                       _("Connect to your site to see its residents."));
    }
  else if (total == 0 && self->directory != NULL && concierge_directory_get_refreshing (self->directory))
    {
      adw_status_page_set_title (self->empty_page, _("Loading Residents…"));
      adw_status_page_set_description (self->empty_page,
                                       _("The directory is being fetched from the platform."));
    }
  else if (total == 0)
    {
      const char *error = self->directory != NULL ?
                          concierge_directory_get_refresh_error (self->directory) : NULL;

      adw_status_page_set_title (self->empty_page, _("No Residents"));
      adw_status_page_set_description (self->empty_page,
                                       error != NULL ? error :
                                       _("The site has no residents yet. Add residents to rooms, or refresh the directory."));
    }

  gtk_stack_set_visible_child_name (self->main_stack, total > 0 ? "list" : "empty");
}

static void
update_refreshed (ConciergeResidentsView *self)
{
  GDateTime *last = self->directory != NULL ?
                    concierge_directory_get_last_refreshed (self->directory) : NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  GTimeSpan age;

  if (last == NULL)
    {
      gtk_label_set_label (self->refreshed_label, _("Never refreshed"));
      return;
    }

  now = g_date_time_new_now_utc ();
  age = g_date_time_difference (now, last) / G_TIME_SPAN_MINUTE;

  if (age < 1)
    text = g_strdup (_("Refreshed just now"));
  else if (age < 60)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refreshed %d minute ago",
                                         "Refreshed %d minutes ago", age), (int) age);
  else if (age < 24 * 60)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refreshed %d hour ago",
                                         "Refreshed %d hours ago", age / 60), (int) (age / 60));
  else
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (last);
      g_autofree char *date = NULL;

      /* TRANSLATORS: the date of the last directory refresh; see
       * g_date_time_format() for the codes. */
      date = g_date_time_format (local, _("%-d %B %Y"));
      /* TRANSLATORS: %s is a date such as "3 March 2026". */
      text = g_strdup_printf (_("Refreshed on %s"), date);
    }

  gtk_label_set_label (self->refreshed_label, text);
}

static void
update_refreshing (ConciergeResidentsView *self)
{
  gboolean refreshing = self->directory != NULL && concierge_directory_get_refreshing (self->directory);
  const char *error = self->directory != NULL ? concierge_directory_get_refresh_error (self->directory) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->refresh_spinner), refreshing);
  gtk_spinner_set_spinning (self->refresh_spinner, refreshing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button), self->directory != NULL && !refreshing);

  if (error != NULL && !refreshing)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: %s says why the directory could not be refreshed. */
      text = g_strdup_printf (_("Could not refresh: %s"), error);
      gtk_label_set_label (self->refresh_error_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_error_label), error != NULL && !refreshing);

  update_refreshed (self);
  update_empty (self);
}

static gboolean
refreshed_tick_cb (gpointer user_data)
{
  ConciergeResidentsView *self = user_data;

  update_refreshed (self);
  return G_SOURCE_CONTINUE;
}

/* Details */

static void
clear_list_box (GtkListBox *list_box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}

static void show_details (ConciergeResidentsView *self,
                          HccResident            *resident);

static void
shown_notify_cb (ConciergeResidentsView *self)
{
  g_autoptr(HccResident) resident = g_object_ref (self->shown);

  show_details (self, resident);
}

static void remove_from_room_clicked_cb (GtkButton *button,
                                         gpointer   user_data);

static void
fill_rooms (ConciergeResidentsView *self,
            HccResident            *resident)
{
  GListModel *rooms = hcc_resident_get_rooms (resident);
  g_autoptr(GPtrArray) buildings = g_ptr_array_new_with_free_func (g_free);

  clear_list_box (self->rooms_list);
  clear_list_box (self->access_list);

  for (guint i = 0; rooms != NULL && i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);
      g_autofree char *label = _concierge_resident_room_label (room);
      const char *building = room_building_name (self, room);
      g_autofree char *subtitle = NULL;
      g_autofree char *button_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      /* TRANSLATORS: a room's building and the resident's role in it. */
      subtitle = g_strdup_printf (_("%s · %s"), building != NULL ? building : _("Unknown building"),
                                  hcc_room_get_account_type (room) == 1 ? _("Householder") : _("Family member"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      /* TRANSLATORS: %s is a room, e.g. "Flat 3B". */
      button_label = g_strdup_printf (_("Remove from %s"), label);
      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, button_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
      g_object_set_data_full (G_OBJECT (button), "room-id", g_strdup (hcc_room_get_id (room)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_from_room_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->rooms_list, row);

      if (building != NULL && !g_ptr_array_find_with_equal_func (buildings, building, g_str_equal, NULL))
        g_ptr_array_add (buildings, g_strdup (building));
    }

  /* The platform gives a resident their building's access level when the
   * room is linked (catalogue §3.4); name it with the building's stations. */
  for (guint i = 0; i < buildings->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      const char *devices = NULL;
      GListModel *all = self->directory != NULL ? concierge_directory_get_buildings (self->directory) : NULL;

      for (guint j = 0; all != NULL && j < g_list_model_get_n_items (all); j++)
        {
          g_autoptr(HccBuilding) building = g_list_model_get_item (all, j);

          if (g_strcmp0 (hcc_building_get_name (building), buildings->pdata[i]) == 0)
            {
              devices = hcc_building_get_device_names (building);
              break;
            }
        }

      /* TRANSLATORS: %s is a building name. */
      title = g_strdup_printf (_("%s door stations"), (const char *) buildings->pdata[i]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   devices != NULL && *devices != '\0' ? devices : _("No devices listed"));
      gtk_list_box_append (self->access_list, row);
    }
}

static void
set_property_row (AdwActionRow *row,
                  const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : _("Not set"));
}

/* Validity: person/search, which fills the directory, gives no dates, so
 * the details read them with persons/get for the one resident shown. */

static void
show_validity (ConciergeResidentsView *self,
               GDateTime              *start,
               GDateTime              *end)
{
  g_autofree char *from = format_local (start);
  g_autofree char *until = format_local (end);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  adw_action_row_set_subtitle (self->valid_from_row, from);
  adw_action_row_set_subtitle (self->valid_until_row, until);
  if (end != NULL && g_date_time_compare (end, now) < 0)
    set_status (self->details_status_icon, self->details_status_label, TRUE);
}

static void
validity_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ConciergeResidentsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HccResident) person = NULL;

  person = hcc_directory_get_person_finish (HCC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (person == NULL)
    {
      g_autofree char *reason = NULL;

      g_debug ("Cannot read the validity: %s", error->message);
      /* TRANSLATORS: in a resident's details, instead of a date; %s says
       * why, for example that the platform cannot be reached. */
      reason = g_strdup_printf (_("Not read: %s"), error->message);
      adw_action_row_set_subtitle (self->valid_from_row, reason);
      adw_action_row_set_subtitle (self->valid_until_row, reason);
      return;
    }

  show_validity (self, hcc_resident_get_start_time (person), hcc_resident_get_end_time (person));
}

static void
read_validity (ConciergeResidentsView *self,
               HccResident            *resident)
{
  HccClient *client = self->session != NULL ? concierge_session_get_client (self->session) : NULL;

  if (client == NULL || hcc_resident_get_id (resident) == NULL)
    {
      show_validity (self, NULL, NULL);
      return;
    }

  /* TRANSLATORS: in a resident's details while their validity is read. */
  adw_action_row_set_subtitle (self->valid_from_row, _("Reading…"));
  adw_action_row_set_subtitle (self->valid_until_row, _("Reading…"));
  self->validity_cancellable = g_cancellable_new ();
  hcc_directory_get_person_async (client, hcc_resident_get_id (resident), self->validity_cancellable,
                                  validity_read_cb, g_object_ref (self));
}

static void
show_details (ConciergeResidentsView *self,
              HccResident            *resident)
{
  g_autofree char *name = NULL;
  gboolean resident_changed = self->shown != resident;

  if (resident_changed)
    {
      g_cancellable_cancel (self->validity_cancellable);
      g_clear_object (&self->validity_cancellable);
      if (self->shown != NULL)
        g_signal_handlers_disconnect_by_func (self->shown, shown_notify_cb, self);
      g_set_object (&self->shown, resident);
      if (resident != NULL)
        g_signal_connect_swapped (resident, "notify", G_CALLBACK (shown_notify_cb), self);
      gtk_widget_set_visible (GTK_WIDGET (self->action_error_label), FALSE);
    }

  if (resident == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }

  name = full_name (resident);
  gtk_label_set_label (self->details_name_label, name);
  adw_avatar_set_text (self->avatar, name);
  set_status (self->details_status_icon, self->details_status_label, resident_is_expired (resident));

  set_property_row (self->phone_row, hcc_resident_get_phone (resident));
  set_property_row (self->email_row, hcc_resident_get_email (resident));
  set_property_row (self->language_row,
                    _concierge_resident_language_name (hcc_resident_get_language (resident)));
  if (hcc_resident_get_start_time (resident) != NULL || hcc_resident_get_end_time (resident) != NULL)
    show_validity (self, hcc_resident_get_start_time (resident), hcc_resident_get_end_time (resident));
  else if (resident_changed)
    read_validity (self, resident);

  fill_rooms (self, resident);
  gtk_stack_set_visible_child_name (self->details_stack, "details");
}

static void
selected_item_cb (ConciergeResidentsView *self)
{
  show_details (self, gtk_single_selection_get_selected_item (self->selection));
}

/* Search */

static void
set_query (ConciergeResidentsView *self,
           const char             *text)
{
  g_autofree char *folded = concierge_directory_fold (text != NULL ? text : "");
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  char *old = self->query;

  g_strstrip (folded);
  if (g_str_equal (folded, old))
    return;

  /* A query that extends the last one can only drop rows, so the filter
   * model need only look again at the rows it shows. */
  if (old[0] != '\0' && g_str_has_prefix (folded, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded[0] != '\0' && g_str_has_prefix (old, folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  self->query = g_steal_pointer (&folded);
  g_free (old);

  words = g_strsplit_set (self->query, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, g_strdup (words[i]));
  g_ptr_array_add (kept, NULL);
  g_strfreev (self->query_words);
  self->query_words = (GStrv) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
  g_free (self->query_word_lengths);
  self->query_word_lengths = g_new (gsize, g_strv_length (self->query_words) + 1);
  for (guint i = 0; self->query_words[i] != NULL; i++)
    self->query_word_lengths[i] = strlen (self->query_words[i]);

  if (self->query[0] == '\0')
    {
      /* No filter at all: every row shows at once, with nothing pending. */
      gtk_filter_list_model_set_filter (self->filter_model, NULL);
    }
  else if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
    {
      /* Setting the filter filters every row once. */
      gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
    }
  else
    {
      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }

  update_count (self);
}

static void
search_changed_cb (ConciergeResidentsView *self)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (ConciergeResidentsView *self)
{
  /* Enter with one match (or on the first) shows that resident. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
stop_search_cb (ConciergeResidentsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filter_items_changed_cb (ConciergeResidentsView *self)
{
  update_count (self);
}

static void
residents_items_changed_cb (ConciergeResidentsView *self)
{
  update_count (self);
  update_empty (self);
}

/* Actions */

static GtkWindow *
get_parent_window (ConciergeResidentsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_action_error (ConciergeResidentsView *self,
                   const GError           *error)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: %s is the platform's reason, already translated. */
  text = g_strdup_printf (_("The resident could not be removed: %s"), error->message);
  gtk_label_set_label (self->action_error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->action_error_label), TRUE);
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The directory's own properties carry the outcome to the view. */
  if (!concierge_directory_refresh_finish (CONCIERGE_DIRECTORY (source), result, &error))
    g_debug ("Refresh failed: %s", error->message);
}

static void
refresh_clicked_cb (ConciergeResidentsView *self)
{
  if (self->directory == NULL)
    return;

  concierge_directory_refresh_async (self->directory, self->cancellable, refresh_cb, NULL);
  update_refreshing (self);
}

static void
add_clicked_cb (ConciergeResidentsView *self)
{
  GtkWindow *editor;

  if (self->session == NULL)
    return;

  editor = concierge_resident_editor_new_add (self->session);
  gtk_window_set_transient_for (editor, get_parent_window (self));
  gtk_window_present (editor);
}

static void
edit_clicked_cb (ConciergeResidentsView *self)
{
  GtkWindow *editor;

  if (self->session == NULL || self->shown == NULL)
    return;

  editor = concierge_resident_editor_new_edit (self->session, self->shown);
  gtk_window_set_transient_for (editor, get_parent_window (self));
  gtk_window_present (editor);
}

static void
back_clicked_cb (ConciergeResidentsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
row_activated_cb (ConciergeResidentsView *self,
                  guint                   position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_button));
}

/* Removal: one operation in flight at a time, for the resident shown when
 * it was confirmed. */

typedef enum {
  REMOVE_UNLINK,       /* vims/v1/person/delete: out of every room, the person stays */
  REMOVE_LEAVE_ROOM,   /* vims/v1/person/update without one room: keeps the others */
  REMOVE_DELETE,       /* person/v1/persons/delete: gone everywhere */
} RemoveKind;

typedef struct {
  ConciergeResidentsView *self;        /* (owned) */
  ConciergeDirectory     *directory;   /* (owned) */
  HccResident            *resident;    /* (owned): as it was */
  HccResident            *updated;     /* (owned) (nullable): REMOVE_LEAVE_ROOM */
  RemoveKind              kind;
  char                   *room_id;     /* (owned) (nullable) */
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->directory);
  g_clear_object (&data->resident);
  g_clear_object (&data->updated);
  g_free (data->room_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RemoveData, remove_data_free)

static void
remove_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RemoveData) data = user_data;
  g_autoptr(GError) error = NULL;
  const char *person_id = hcc_resident_get_id (data->resident);
  gboolean ok;

  switch (data->kind)
    {
    case REMOVE_UNLINK:
      ok = hcc_directory_unlink_residents_finish (HCC_CLIENT (source), result, &error);
      break;
    case REMOVE_LEAVE_ROOM:
      ok = hcc_directory_update_resident_finish (HCC_CLIENT (source), result, &error);
      break;
    case REMOVE_DELETE:
    default:
      ok = hcc_directory_delete_persons_finish (HCC_CLIENT (source), result, &error);
      break;
    }

  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Removing %s failed: %s", person_id, error->message);
      if (data->self->directory == data->directory)
        {
          show_action_error (data->self, error);
          gtk_widget_set_sensitive (GTK_WIDGET (data->self->remove_button), TRUE);
        }
      return;
    }

  /* The directory is told even when the view moved on: the platform changed. */
  switch (data->kind)
    {
    case REMOVE_UNLINK:
      {
        GListModel *rooms = hcc_resident_get_rooms (data->resident);
        guint n = g_list_model_get_n_items (rooms);

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

            concierge_directory_resident_removed (data->directory, person_id, hcc_room_get_id (room));
          }
      }
      break;
    case REMOVE_LEAVE_ROOM:
      concierge_directory_resident_saved (data->directory, data->updated);
      break;
    case REMOVE_DELETE:
    default:
      concierge_directory_resident_removed (data->directory, person_id, NULL);
      break;
    }

  if (data->self->directory == data->directory)
    gtk_widget_set_sensitive (GTK_WIDGET (data->self->remove_button), TRUE);
}

static void
leave_validity_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RemoveData *data = user_data;
  g_autoptr(HccResident) person = NULL;
  g_autoptr(GError) error = NULL;

  person = hcc_directory_get_person_finish (HCC_CLIENT (source), result, &error);
  if (person != NULL &&
      (hcc_resident_get_start_time (person) == NULL || hcc_resident_get_end_time (person) == NULL))
    {
      g_clear_object (&person);
      error = g_error_new_literal (HCC_ERROR, HCC_ERROR_SERVER,
                                   _("The platform did not give the resident’s validity."));
    }

  if (person == NULL)
    {
      g_autoptr(RemoveData) owned = data;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (owned->self->directory == owned->directory)
        {
          show_action_error (owned->self, error);
          gtk_widget_set_sensitive (GTK_WIDGET (owned->self->remove_button), TRUE);
        }
      return;
    }

  hcc_resident_set_start_time (data->updated, hcc_resident_get_start_time (person));
  hcc_resident_set_end_time (data->updated, hcc_resident_get_end_time (person));
  hcc_directory_update_resident_async (HCC_CLIENT (source), data->updated, NULL,
                                       data->self->cancellable, remove_done_cb, data);
}

static void
start_removal (ConciergeResidentsView *self,
               RemoveKind              kind,
               const char             *room_id)
{
  HccClient *client;
  RemoveData *data;
  const char *ids[2] = { NULL, NULL };

  if (self->session == NULL || self->shown == NULL)
    return;

  client = concierge_session_get_client (self->session);
  data = g_new0 (RemoveData, 1);
  data->self = g_object_ref (self);
  data->directory = g_object_ref (self->directory);
  data->resident = g_object_ref (self->shown);
  data->kind = kind;
  data->room_id = g_strdup (room_id);
  ids[0] = hcc_resident_get_id (self->shown);

  gtk_widget_set_visible (GTK_WIDGET (self->action_error_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), FALSE);

  switch (kind)
    {
    case REMOVE_UNLINK:
      hcc_directory_unlink_residents_async (client, ids, self->cancellable, remove_done_cb, data);
      break;
    case REMOVE_LEAVE_ROOM:
      {
        g_autoptr(GListStore) rooms = g_list_store_new (HCC_TYPE_ROOM);
        GListModel *old = hcc_resident_get_rooms (self->shown);

        /* vims/v1/person/update replaces the room links with the list sent,
         * so every other room goes with it. */
        for (guint i = 0; i < g_list_model_get_n_items (old); i++)
          {
            g_autoptr(HccRoom) room = g_list_model_get_item (old, i);

            if (g_strcmp0 (hcc_room_get_id (room), room_id) != 0)
              g_list_store_append (rooms, room);
          }
        data->updated = _concierge_resident_copy (self->shown);
        hcc_resident_set_rooms (data->updated, G_LIST_MODEL (rooms));

        /* The update must send the validity, which person/search does not
         * give: it is read first, or the update would reset it. */
        hcc_directory_get_person_async (client, ids[0], self->cancellable, leave_validity_cb, data);
      }
      break;
    case REMOVE_DELETE:
    default:
      {
        /* persons/delete takes the IDs joined in one string; one here. */
        hcc_directory_delete_persons_async (client, ids, self->cancellable, remove_done_cb, data);
      }
      break;
    }
}

static void
remove_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    ConciergeResidentsView *self)
{
  const char *room_id = g_object_get_data (G_OBJECT (dialog), "room-id");

  if (g_str_equal (response, "unlink"))
    start_removal (self, REMOVE_UNLINK, NULL);
  else if (g_str_equal (response, "leave"))
    start_removal (self, REMOVE_LEAVE_ROOM, room_id);
  else if (g_str_equal (response, "delete"))
    start_removal (self, REMOVE_DELETE, NULL);
}

/* @room: the room of a row's own button, or NULL for the Remove button. */
static GtkWindow *
confirm_removal (ConciergeResidentsView *self,
                 HccRoom                *room)
{
  GListModel *rooms;
  guint n_rooms;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *room_label = NULL;
  g_autofree char *leave_label = NULL;
  g_autoptr(HccRoom) only = NULL;
  AdwMessageDialog *dialog;

  if (self->shown == NULL)
    return NULL;

  rooms = hcc_resident_get_rooms (self->shown);
  n_rooms = rooms != NULL ? g_list_model_get_n_items (rooms) : 0;
  name = full_name (self->shown);
  if (room == NULL && n_rooms == 1)
    room = only = g_list_model_get_item (rooms, 0);
  if (room != NULL)
    room_label = _concierge_resident_room_label (room);

  /* TRANSLATORS: %s is a resident's name. */
  heading = g_strdup_printf (_("Remove %s?"), name);

  if (room != NULL && n_rooms > 1)
    {
      /* TRANSLATORS: %1$s is a resident, %2$s a room such as "Flat 3B". */
      body = g_strdup_printf (_("“Remove from %2$s” unlinks %1$s from this room only: they keep "
                                "their other rooms and stay in the directory."), name, room_label);
    }
  else if (room != NULL)
    {
      /* TRANSLATORS: %1$s is a resident, %2$s a room such as "Flat 3B". */
      body = g_strdup_printf (_("“Remove from %2$s” unlinks %1$s from the room: the person stays "
                                "on the platform and can be added to a room again.\n\n“Delete Person” "
                                "deletes %1$s everywhere, also from the door stations: their "
                                "cards, PIN and face no longer open any door."), name, room_label);
    }
  else
    {
      /* TRANSLATORS: %s is a resident. */
      body = g_strdup_printf (_("“Remove from All Rooms” unlinks %s from every room: the person "
                                "stays on the platform. To leave one room only, use the button "
                                "next to that room.\n\n“Delete Person” deletes %s everywhere, also "
                                "from the door stations: their cards, PIN and face no longer "
                                "open any door."), name, name);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));

  if (room != NULL)
    {
      /* TRANSLATORS: a button; %s is a room such as "Flat 3B". */
      leave_label = g_strdup_printf (_("_Remove from %s"), room_label);
      adw_message_dialog_add_response (dialog, n_rooms > 1 ? "leave" : "unlink", leave_label);
      g_object_set_data_full (G_OBJECT (dialog), "room-id", g_strdup (hcc_room_get_id (room)), g_free);
    }
  else
    {
      adw_message_dialog_add_response (dialog, "unlink", _("_Remove from All Rooms"));
    }

  if (room == NULL || n_rooms == 1)
    {
      adw_message_dialog_add_response (dialog, "delete", _("_Delete Person"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
    }

  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
remove_clicked_cb (ConciergeResidentsView *self)
{
  confirm_removal (self, NULL);
}

static void
remove_from_room_clicked_cb (GtkButton *button,
                             gpointer   user_data)
{
  ConciergeResidentsView *self = user_data;
  const char *room_id = g_object_get_data (G_OBJECT (button), "room-id");
  GListModel *rooms;

  if (self->shown == NULL)
    return;

  rooms = hcc_resident_get_rooms (self->shown);
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      if (g_strcmp0 (hcc_room_get_id (room), room_id) == 0)
        {
          confirm_removal (self, room);
          return;
        }
    }
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  ConciergeResidentsView *self = CONCIERGE_RESIDENTS_VIEW (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/* Session */

static void
disconnect_directory (ConciergeResidentsView *self)
{
  if (self->directory == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->directory, self);
  g_signal_handlers_disconnect_by_data (concierge_directory_get_residents (self->directory), self);
  g_clear_object (&self->directory);
}

static void
reset (ConciergeResidentsView *self)
{
  GListModel *residents = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  show_details (self, NULL);
  disconnect_directory (self);

  if (self->session != NULL)
    {
      self->directory = g_object_ref (concierge_session_get_directory (self->session));
      residents = concierge_directory_get_residents (self->directory);

      g_signal_connect_swapped (self->directory, "notify::refreshing",
                                G_CALLBACK (update_refreshing), self);
      g_signal_connect_swapped (self->directory, "notify::refresh-error",
                                G_CALLBACK (update_refreshing), self);
      g_signal_connect_swapped (self->directory, "notify::last-refreshed",
                                G_CALLBACK (update_refreshed), self);
      g_signal_connect_swapped (residents, "items-changed",
                                G_CALLBACK (residents_items_changed_cb), self);
    }

  gtk_filter_list_model_set_model (self->filter_model, residents);

  /* A new session starts with an empty search. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  set_query (self, "");

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->session != NULL);
  update_count (self);
  update_refreshing (self);
}

static void
concierge_residents_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ConciergeResidentsView *self = CONCIERGE_RESIDENTS_VIEW (object);

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
concierge_residents_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ConciergeResidentsView *self = CONCIERGE_RESIDENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      concierge_residents_view_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_residents_view_dispose (GObject *object)
{
  ConciergeResidentsView *self = CONCIERGE_RESIDENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->validity_cancellable);
  g_clear_object (&self->validity_cancellable);
  g_clear_handle_id (&self->refreshed_tick_id, g_source_remove);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, shown_notify_cb, self);
  g_clear_object (&self->shown);
  disconnect_directory (self);
  g_clear_object (&self->session);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  /* AdwBin unparents its child itself; doing it first keeps the template
   * disposal from unparenting it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_RESIDENTS_VIEW);

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (concierge_residents_view_parent_class)->dispose (object);
}

static void
concierge_residents_view_finalize (GObject *object)
{
  ConciergeResidentsView *self = CONCIERGE_RESIDENTS_VIEW (object);

  g_free (self->query);
  g_strfreev (self->query_words);
  g_free (self->query_word_lengths);

  G_OBJECT_CLASS (concierge_residents_view_parent_class)->finalize (object);
}

static void
concierge_residents_view_class_init (ConciergeResidentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_residents_view_get_property;
  object_class->set_property = concierge_residents_view_set_property;
  object_class->dispose = concierge_residents_view_dispose;
  object_class->finalize = concierge_residents_view_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CONCIERGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hccdesk/Concierge/concierge-residents-view.ui");
  g_type_ensure (CONCIERGE_TYPE_RESIDENT_HEADER);

  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, refreshed_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, refresh_error_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, details_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, avatar);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, details_name_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, details_status_icon);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, details_status_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, remove_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, action_error_label);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, rooms_list);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, email_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, language_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, valid_from_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, valid_until_row);
  gtk_widget_class_bind_template_child (widget_class, ConciergeResidentsView, access_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
concierge_residents_view_init (ConciergeResidentsView *self)
{
  GtkShortcutController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->cancellable = g_cancellable_new ();

  self->filter = gtk_custom_filter_new (match_resident, self, NULL);
  /* Not incremental: see the top of the file. */
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  setup_rows (self);

  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (filter_items_changed_cb), self);
  g_signal_connect_swapped (self->filter_model, "notify::pending", G_CALLBACK (filter_items_changed_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selected_item_cb), self);

  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible", G_BINDING_SYNC_CREATE);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* A global-scope shortcut, so Ctrl+F reaches the view when the focus
   * is in the window's sidebar; it only acts while the view is mapped. */
  controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (controller, GTK_SHORTCUT_SCOPE_GLOBAL);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                               gtk_callback_action_new (focus_search_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (controller));

  self->refreshed_tick_id = g_timeout_add_seconds (REFRESHED_TICK_SECONDS, refreshed_tick_cb, self);

  reset (self);
}

GtkWidget *
concierge_residents_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_RESIDENTS_VIEW, NULL);
}

ConciergeSession *
concierge_residents_view_get_session (ConciergeResidentsView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_RESIDENTS_VIEW (self), NULL);

  return self->session;
}

void
concierge_residents_view_set_session (ConciergeResidentsView *self,
                                      ConciergeSession       *session)
{
  g_return_if_fail (CONCIERGE_IS_RESIDENTS_VIEW (self));
  g_return_if_fail (session == NULL || CONCIERGE_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
concierge_residents_view_show_resident (ConciergeResidentsView *self,
                                        const char             *person_id)
{
  HccResident *resident;
  guint n;

  g_return_if_fail (CONCIERGE_IS_RESIDENTS_VIEW (self));
  g_return_if_fail (person_id != NULL);

  if (self->directory == NULL ||
      (resident = concierge_directory_lookup_resident (self->directory, person_id)) == NULL)
    {
      g_debug ("No resident %s to show", person_id);
      return;
    }

  /* Without a query there is no filter, so the row is there at once. */
  if (self->query[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HccResident) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (g_strcmp0 (hcc_resident_get_id (item), person_id) != 0)
        continue;

      gtk_single_selection_set_selected (self->selection, i);
      /* GTK 4.8 has no gtk_list_view_scroll_to(); the action does it. */
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return;
    }

  /* Not in the sorted list (yet): show it anyway. */
  show_details (self, resident);
}

GtkEditable *
_concierge_residents_view_get_search_entry (ConciergeResidentsView *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GListModel *
_concierge_residents_view_get_rows (ConciergeResidentsView *self)
{
  return G_LIST_MODEL (self->filter_model);
}

GtkLabel *
_concierge_residents_view_get_count_label (ConciergeResidentsView *self)
{
  return self->count_label;
}

GtkListBox *
_concierge_residents_view_get_rooms_list (ConciergeResidentsView *self)
{
  return self->rooms_list;
}

GtkLabel *
_concierge_residents_view_get_details_name (ConciergeResidentsView *self)
{
  return self->details_name_label;
}

void
_concierge_residents_view_get_validity (ConciergeResidentsView  *self,
                                        const char             **from,
                                        const char             **until)
{
  *from = adw_action_row_get_subtitle (self->valid_from_row);
  *until = adw_action_row_get_subtitle (self->valid_until_row);
}

const char *
_concierge_residents_view_get_page (ConciergeResidentsView *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

GtkWindow *
_concierge_residents_view_remove (ConciergeResidentsView *self)
{
  return confirm_removal (self, NULL);
}

GtkWindow *
_concierge_residents_view_remove_from_room (ConciergeResidentsView *self,
                                            const char             *room_id)
{
  GListModel *rooms;

  if (self->shown == NULL)
    return NULL;

  rooms = hcc_resident_get_rooms (self->shown);
  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      if (g_strcmp0 (hcc_room_get_id (room), room_id) == 0)
        return confirm_removal (self, room);
    }
  return NULL;
}
