/* concierge-rooms-view.c: buildings, their rooms and a room's residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three columns in a leaflet: the site's buildings, the chosen building's
 * rooms, and the shown room with its residents. Every list is a filtered
 * or sorted view of the directory's own models, so a directory refresh
 * updates what is on screen without the view copying anything.
 */

#define G_LOG_DOMAIN "concierge-rooms-view"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "concierge-resident-editor.h"
#include "concierge-rooms-view.h"
#include "concierge-rooms-view-private.h"

typedef enum {
  LEVEL_BUILDINGS,
  LEVEL_ROOMS,
  LEVEL_ROOM,
} Level;

static const char * const level_names[] = { "buildings", "rooms", "room" };

/* Folded and sortable forms of a room's number and name, kept on the room
 * so that typing in the filter does not fold every room again. The sources
 * are kept to notice a room whose number or name changed in place. */
typedef struct {
  char *number;        /* (owned) */
  char *name;          /* (owned) */
  char *number_folded; /* (owned) */
  char *name_folded;   /* (owned) */
  char *sort_key;      /* (owned) */
} RoomKeys;

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

struct _ConciergeRoomsView
{
  AdwBin              parent_instance;

  /* Template children. */
  GtkStack           *main_stack;
  AdwStatusPage      *session_status;
  AdwStatusPage      *buildings_status;
  AdwLeaflet         *leaflet;
  GtkListBox         *buildings_list;
  GtkButton          *rooms_back_button;
  GtkLabel           *building_title;
  GtkSearchEntry     *search_entry;
  GtkStack           *rooms_stack;
  GtkListView        *rooms_list;
  AdwStatusPage      *rooms_status;
  GtkButton          *room_back_button;
  GtkLabel           *room_title;
  GtkLabel           *room_subtitle;
  GtkButton          *add_button;
  GtkStack           *room_stack;
  AdwStatusPage      *room_status;
  GtkLabel           *residents_heading;
  GtkListBox         *residents_list;

  GPtrArray          *room_rows;        /* (owned) (element-type GtkWidget): rows in use, unowned */
  ConciergeSession   *session;          /* (owned) (nullable) */
  ConciergeDirectory *directory;        /* (owned) (nullable): the session's */

  GtkCustomFilter    *room_filter;      /* (owned) */
  GtkFilterListModel *rooms_filtered;   /* (owned) */
  GtkSortListModel   *rooms_sorted;     /* (owned) */
  GtkCustomFilter    *resident_filter;  /* (owned) */
  GtkFilterListModel *residents_filtered; /* (owned) */
  GtkCustomSorter    *resident_sorter;  /* (owned) */
  GtkSortListModel   *residents_sorted; /* (owned) */

  char               *building_id;      /* (owned) (nullable) */
  char               *room_id;          /* (owned) (nullable) */
  char               *pending_room_id;  /* (owned) (nullable): asked for, not loaded yet */
  char               *query;            /* (owned): the folded filter text */
  Level               level;
};

G_DEFINE_FINAL_TYPE (ConciergeRoomsView, concierge_rooms_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static GQuark room_keys_quark;

static void
room_keys_free (gpointer data)
{
  RoomKeys *keys = data;

  g_free (keys->number);
  g_free (keys->name);
  g_free (keys->number_folded);
  g_free (keys->name_folded);
  g_free (keys->sort_key);
  g_free (keys);
}

static RoomKeys *
room_get_keys (HccRoom *room)
{
  const char *number = hcc_room_get_number (room);
  const char *name = hcc_room_get_name (room);
  RoomKeys *keys;

  if (number == NULL)
    number = "";
  if (name == NULL)
    name = "";

  keys = g_object_get_qdata (G_OBJECT (room), room_keys_quark);
  if (keys != NULL && strcmp (keys->number, number) == 0 && strcmp (keys->name, name) == 0)
    return keys;

  keys = g_new0 (RoomKeys, 1);
  keys->number = g_strdup (number);
  keys->name = g_strdup (name);
  keys->number_folded = concierge_directory_fold (number);
  keys->name_folded = concierge_directory_fold (name);
  /* The file-name collation sorts digits by their value: "2" before "10". */
  keys->sort_key = g_utf8_collate_key_for_filename (number, -1);
  g_object_set_qdata_full (G_OBJECT (room), room_keys_quark, keys, room_keys_free);

  return keys;
}

static gboolean
room_filter_func (gpointer item,
                  gpointer user_data)
{
  ConciergeRoomsView *self = user_data;
  HccRoom *room = item;
  RoomKeys *keys;

  if (self->building_id == NULL ||
      g_strcmp0 (hcc_room_get_building_id (room), self->building_id) != 0)
    return FALSE;

  if (self->query[0] == '\0')
    return TRUE;

  /* A number is typed from its start ("12" finds 1201, not 312); a name
   * may be matched anywhere. */
  keys = room_get_keys (room);
  return g_str_has_prefix (keys->number_folded, self->query) ||
         strstr (keys->name_folded, self->query) != NULL;
}

static int
room_compare_func (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  HccRoom *room_a = (HccRoom *) a;
  HccRoom *room_b = (HccRoom *) b;
  RoomKeys *keys_a = room_get_keys (room_a);
  RoomKeys *keys_b = room_get_keys (room_b);
  int cmp;

  if ((cmp = strcmp (keys_a->sort_key, keys_b->sort_key)) != 0)
    return cmp < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if ((cmp = g_utf8_collate (keys_a->name, keys_b->name)) != 0)
    return cmp < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  cmp = g_strcmp0 (hcc_room_get_id (room_a), hcc_room_get_id (room_b));

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* The resident's link to @room_id, or NULL. */
static HccRoom *
resident_find_room (HccResident *resident,
                    const char  *room_id)
{
  GListModel *rooms = hcc_resident_get_rooms (resident);
  guint n;

  if (rooms == NULL || room_id == NULL)
    return NULL;

  n = g_list_model_get_n_items (rooms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      if (g_strcmp0 (hcc_room_get_id (room), room_id) == 0)
        return room;
    }

  return NULL;
}

static gboolean
resident_filter_func (gpointer item,
                      gpointer user_data)
{
  ConciergeRoomsView *self = user_data;

  return resident_find_room (HCC_RESIDENT (item), self->room_id) != NULL;
}

static char *
resident_dup_name (HccResident *resident)
{
  const char *first = hcc_resident_get_first_name (resident);
  const char *last = hcc_resident_get_last_name (resident);

  if (first == NULL || first[0] == '\0')
    return g_strdup (last != NULL ? last : "");
  if (last == NULL || last[0] == '\0')
    return g_strdup (first);

  /* Translators: a person's full name, first name then last name. */
  return g_strdup_printf (C_("person name", "%s %s"), first, last);
}

static gboolean
resident_is_householder (HccResident *resident,
                         const char  *room_id)
{
  HccRoom *link = resident_find_room (resident, room_id);

  return link != NULL && hcc_room_get_account_type (link) == 1;
}

/* The householder first, then everyone by name. */
static int
resident_compare_func (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  ConciergeRoomsView *self = user_data;
  HccResident *resident_a = (HccResident *) a;
  HccResident *resident_b = (HccResident *) b;
  gboolean head_a = resident_is_householder (resident_a, self->room_id);
  gboolean head_b = resident_is_householder (resident_b, self->room_id);
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  int cmp;

  if (head_a != head_b)
    return head_a ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  name_a = resident_dup_name (resident_a);
  name_b = resident_dup_name (resident_b);
  if ((cmp = g_utf8_collate (name_a, name_b)) == 0)
    cmp = g_strcmp0 (hcc_resident_get_id (resident_a), hcc_resident_get_id (resident_b));

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static char *
dup_building_counts (HccBuilding *building)
{
  int n_rooms = MAX (hcc_building_get_total_rooms (building), 0);
  int n_persons = MAX (hcc_building_get_total_persons (building), 0);
  g_autofree char *rooms = NULL;
  g_autofree char *persons = NULL;

  /* Translators: the number of rooms in a building. */
  rooms = g_strdup_printf (ngettext ("%d room", "%d rooms", n_rooms), n_rooms);
  /* Translators: the number of residents of a building. */
  persons = g_strdup_printf (ngettext ("%d resident", "%d residents", n_persons), n_persons);

  /* Translators: a building's counts, e.g. "36 rooms · 120 residents". */
  return g_strdup_printf (C_("building counts", "%s · %s"), rooms, persons);
}

static GtkWidget *
create_building_row (gpointer item,
                     gpointer user_data)
{
  HccBuilding *building = item;
  const char *name = hcc_building_get_name (building);
  g_autofree char *counts = dup_building_counts (building);
  g_autofree char *accessible = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  if (name == NULL || name[0] == '\0')
    name = _("Unnamed building");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (counts);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: how a screen reader reads a building: its name, then its
   * counts. */
  accessible = g_strdup_printf (C_("building row", "%s, %s"), name, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "building-id",
                          g_strdup (hcc_building_get_id (building)), g_free);

  return row;
}

static GtkWidget *
create_resident_row (gpointer item,
                     gpointer user_data)
{
  ConciergeRoomsView *self = user_data;
  HccResident *resident = item;
  g_autofree char *name = resident_dup_name (resident);
  const char *phone = hcc_resident_get_phone (resident);
  gboolean expired = hcc_resident_get_expired (resident);
  GtkWidget *row;
  GtkWidget *avatar;
  GtkWidget *label;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               phone != NULL && phone[0] != '\0' ? phone : _("No phone number"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  avatar = adw_avatar_new (32, name, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  if (resident_is_householder (resident, self->room_id))
    {
      label = gtk_label_new (_("Householder"));
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  /* The status is written out, not only coloured. */
  label = gtk_label_new (expired ? _("Expired") : _("Valid"));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, expired ? "error" : "success");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "person-id",
                          g_strdup (hcc_resident_get_id (resident)), g_free);

  return row;
}

/* Rows go when the list view drops them; the list item's teardown comes
 * too late to read its child, so the row says so itself. */
static void
room_row_gone_cb (gpointer  data,
                  GObject  *where_the_object_was)
{
  ConciergeRoomsView *self = data;

  g_ptr_array_remove_fast (self->room_rows, where_the_object_was);
}

static void
room_row_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   ConciergeRoomsView       *self)
{
  GtkWidget *box;
  GtkWidget *texts;
  GtkWidget *label;
  GtkWidget *image;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), label);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (texts), label);

  /* Marks the room shown in the room column. */
  image = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_visible (image, FALSE);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (image, "accent");
  gtk_box_append (GTK_BOX (box), image);

  gtk_list_item_set_child (list_item, box);
  g_ptr_array_add (self->room_rows, box);
  g_object_weak_ref (G_OBJECT (box), room_row_gone_cb, self);
}

/* Shows whether the row's room is the one in the room column: the row is
 * recycled for other rooms, so this runs on bind and when the room changes. */
static void
room_row_update_current (ConciergeRoomsView *self,
                         GtkWidget          *box)
{
  gboolean current = self->room_id != NULL &&
                     g_strcmp0 (g_object_get_data (G_OBJECT (box), "room-id"), self->room_id) == 0;
  GtkWidget *number_label = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (number_label);
  GtkWidget *image = gtk_widget_get_last_child (box);

  if (current)
    {
      gtk_widget_add_css_class (number_label, "accent");
      gtk_widget_add_css_class (gtk_widget_get_first_child (texts), "accent");
    }
  else
    {
      gtk_widget_remove_css_class (number_label, "accent");
      gtk_widget_remove_css_class (gtk_widget_get_first_child (texts), "accent");
    }
  gtk_widget_set_visible (image, current);
}

static void
room_row_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  ConciergeRoomsView       *self)
{
  HccRoom *room = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *number_label = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (number_label);
  GtkWidget *name_label = gtk_widget_get_first_child (texts);
  GtkWidget *count_label = gtk_widget_get_next_sibling (name_label);
  const char *number = hcc_room_get_number (room);
  const char *name = hcc_room_get_name (room);
  int n = MAX (hcc_room_get_person_amount (room), 0);
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;

  if (number == NULL)
    number = "";
  if (name == NULL)
    name = "";

  if (n == 0)
    /* Translators: a room where nobody lives. */
    count = g_strdup (C_("room", "Empty"));
  else
    /* Translators: how many people live in a room. */
    count = g_strdup_printf (ngettext ("%d resident", "%d residents", n), n);

  gtk_label_set_text (GTK_LABEL (number_label), number);
  gtk_label_set_text (GTK_LABEL (name_label), name);
  gtk_widget_set_visible (name_label, name[0] != '\0');
  gtk_label_set_text (GTK_LABEL (count_label), count);

  /* Translators: how a screen reader reads a room in the list: its number,
   * its name and how many people live there. */
  accessible = g_strdup_printf (C_("room row", "Room %s, %s, %s"), number, name, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  g_object_set_data_full (G_OBJECT (box), "room-id", g_strdup (hcc_room_get_id (room)), g_free);
  room_row_update_current (self, box);
}

static HccBuilding *
find_building (ConciergeRoomsView *self,
               const char         *building_id)
{
  GListModel *buildings;
  guint n;

  if (self->directory == NULL || building_id == NULL)
    return NULL;

  buildings = concierge_directory_get_buildings (self->directory);
  n = g_list_model_get_n_items (buildings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HccBuilding) building = g_list_model_get_item (buildings, i);

      if (g_strcmp0 (hcc_building_get_id (building), building_id) == 0)
        return building;
    }

  return NULL;
}

static GtkListBoxRow *
find_building_row (ConciergeRoomsView *self,
                   const char         *building_id)
{
  GtkListBoxRow *row;

  if (building_id == NULL)
    return NULL;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->buildings_list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "building-id"), building_id) == 0)
      return row;

  return NULL;
}

static void
update_rooms_state (ConciergeRoomsView *self)
{
  HccBuilding *building = find_building (self, self->building_id);
  const char *name = building != NULL ? hcc_building_get_name (building) : NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;

  gtk_label_set_text (self->building_title, name != NULL ? name : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), self->building_id != NULL);

  if (self->building_id == NULL)
    {
      adw_status_page_set_icon_name (self->rooms_status, "user-home-symbolic");
      adw_status_page_set_title (self->rooms_status, _("Choose a Building"));
      adw_status_page_set_description (self->rooms_status,
                                       _("Its rooms are listed here."));
      gtk_stack_set_visible_child_name (self->rooms_stack, "status");
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->rooms_sorted)) > 0)
    {
      gtk_stack_set_visible_child_name (self->rooms_stack, "list");
      return;
    }

  if (self->query[0] != '\0')
    {
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      adw_status_page_set_icon_name (self->rooms_status, "system-search-symbolic");
      adw_status_page_set_title (self->rooms_status, _("No Matching Rooms"));
      /* Translators: %s is what the user typed in the room filter. */
      description = g_strdup_printf (_("No room number starts with “%s” and no room name "
                                       "contains it."), g_strstrip (text));
    }
  else
    {
      adw_status_page_set_icon_name (self->rooms_status, "user-home-symbolic");
      adw_status_page_set_title (self->rooms_status, _("No Rooms"));
      description = g_strdup (_("The directory holds no rooms for this building. Rooms are "
                                "set up on Hik-Connect for Teams."));
    }
  adw_status_page_set_description (self->rooms_status, description);
  gtk_stack_set_visible_child_name (self->rooms_stack, "status");
}

static HccRoom *
lookup_room (ConciergeRoomsView *self,
             const char         *room_id)
{
  if (self->directory == NULL || room_id == NULL)
    return NULL;

  return concierge_directory_lookup_room (self->directory, room_id);
}

static void
update_room_state (ConciergeRoomsView *self)
{
  HccRoom *room = lookup_room (self, self->room_id);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->residents_sorted));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *heading = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), room != NULL);

  if (room == NULL)
    {
      gtk_label_set_text (self->room_title, "");
      gtk_label_set_text (self->room_subtitle, "");
      gtk_widget_set_visible (GTK_WIDGET (self->room_subtitle), FALSE);

      if (self->room_id == NULL)
        {
          adw_status_page_set_icon_name (self->room_status, "system-users-symbolic");
          adw_status_page_set_title (self->room_status, _("Choose a Room"));
          adw_status_page_set_description (self->room_status,
                                           _("Its residents are listed here."));
        }
      else if (self->directory != NULL && concierge_directory_get_refreshing (self->directory))
        {
          adw_status_page_set_icon_name (self->room_status, "system-users-symbolic");
          adw_status_page_set_title (self->room_status, _("Loading the Directory"));
          adw_status_page_set_description (self->room_status,
                                           _("The room is shown as soon as the directory "
                                             "holds it."));
        }
      else
        {
          adw_status_page_set_icon_name (self->room_status, "dialog-question-symbolic");
          adw_status_page_set_title (self->room_status, _("Room Not Found"));
          adw_status_page_set_description (self->room_status,
                                           _("This room is not in the directory. It may have "
                                             "been removed on the platform; refreshing the "
                                             "directory brings in recent changes."));
        }
      gtk_stack_set_visible_child_name (self->room_stack, "status");
      return;
    }

  if (hcc_room_get_name (room) != NULL && hcc_room_get_name (room)[0] != '\0')
    title = g_strdup (hcc_room_get_name (room));
  else
    /* Translators: a room's title when it has no name; %s is its number. */
    title = g_strdup_printf (_("Room %s"), hcc_room_get_number (room));
  gtk_label_set_text (self->room_title, title);

  /* Translators: below a room's title: its building, then its number. */
  subtitle = g_strdup_printf (_("%s · Room %s"),
                              hcc_room_get_building_name (room) != NULL
                                ? hcc_room_get_building_name (room) : "",
                              hcc_room_get_number (room));
  gtk_label_set_text (self->room_subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->room_subtitle), TRUE);

  if (n == 0)
    {
      adw_status_page_set_icon_name (self->room_status, "system-users-symbolic");
      adw_status_page_set_title (self->room_status, _("No Residents"));
      adw_status_page_set_description (self->room_status,
                                       _("Nobody is registered in this room. Use “Add Resident "
                                         "to This Room” to register someone."));
      gtk_stack_set_visible_child_name (self->room_stack, "status");
      return;
    }

  /* Translators: the heading above a room's list of residents. */
  heading = g_strdup_printf (ngettext ("%u Resident", "%u Residents", n), n);
  gtk_label_set_text (self->residents_heading, heading);
  gtk_stack_set_visible_child_name (self->room_stack, "list");
}

static void
update_buildings_state (ConciergeRoomsView *self)
{
  GListModel *buildings;
  const char *error;
  GtkListBoxRow *row;

  if (self->directory == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "none");
      return;
    }

  buildings = concierge_directory_get_buildings (self->directory);
  if (g_list_model_get_n_items (buildings) == 0)
    {
      g_autofree char *description = NULL;

      error = concierge_directory_get_refresh_error (self->directory);
      if (concierge_directory_get_refreshing (self->directory))
        description = g_strdup (_("The directory is being loaded from your site."));
      else if (error != NULL)
        /* Translators: %s is why the directory could not be loaded. */
        description = g_strdup_printf (_("The directory could not be loaded: %s"), error);
      else
        description = g_strdup (_("Your site has no buildings in its directory. Buildings and "
                                  "rooms are set up on Hik-Connect for Teams."));
      adw_status_page_set_description (self->buildings_status, description);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "browse");

  /* Rows are made anew when the model changes: select the building again.
   * With none chosen yet, the first one is, so the rooms column next to the
   * buildings is never an empty box when there is room for both. */
  if (self->building_id == NULL)
    row = gtk_list_box_get_row_at_index (self->buildings_list, 0);
  else
    row = find_building_row (self, self->building_id);
  if (row != NULL && gtk_list_box_get_selected_row (self->buildings_list) != row)
    gtk_list_box_select_row (self->buildings_list, row);
}

static void
set_room (ConciergeRoomsView *self,
          const char         *room_id)
{
  if (g_strcmp0 (self->room_id, room_id) != 0)
    {
      g_free (self->room_id);
      self->room_id = g_strdup (room_id);
      /* The filter and the householder-first order both depend on it. */
      gtk_filter_changed (GTK_FILTER (self->resident_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (GTK_SORTER (self->resident_sorter), GTK_SORTER_CHANGE_DIFFERENT);

      for (guint i = 0; i < self->room_rows->len; i++)
        room_row_update_current (self, g_ptr_array_index (self->room_rows, i));
    }

  update_room_state (self);
}

static void
set_query (ConciergeRoomsView *self,
           const char         *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *folded = concierge_directory_fold (stripped);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (folded == NULL)
    folded = g_strdup ("");
  if (g_strcmp0 (folded, self->query) == 0)
    return;

  /* Typing more only narrows the list, so the filter model need not look at
   * the rooms it already dropped. */
  if (g_str_has_prefix (folded, self->query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->query, folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->query);
  self->query = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->room_filter), change);
  update_rooms_state (self);
}

static void
set_building (ConciergeRoomsView *self,
              const char         *building_id)
{
  if (g_strcmp0 (self->building_id, building_id) == 0)
    return;

  g_free (self->building_id);
  self->building_id = g_strdup (building_id);

  /* Another building: the old filter text and room mean nothing there. */
  g_free (self->query);
  self->query = g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_filter_changed (GTK_FILTER (self->room_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_rooms_state (self);
  set_room (self, NULL);
}

static void
focus_level (ConciergeRoomsView *self,
             Level               level)
{
  GtkListBoxRow *row;

  switch (level)
    {
    case LEVEL_BUILDINGS:
      row = gtk_list_box_get_selected_row (self->buildings_list);
      if (row == NULL)
        row = gtk_list_box_get_row_at_index (self->buildings_list, 0);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      break;

    case LEVEL_ROOMS:
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      break;

    case LEVEL_ROOM:
      row = gtk_list_box_get_row_at_index (self->residents_list, 0);
      if (row != NULL &&
          g_strcmp0 (gtk_stack_get_visible_child_name (self->room_stack), "list") == 0)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      else if (gtk_widget_get_visible (GTK_WIDGET (self->add_button)))
        gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
go_to (ConciergeRoomsView *self,
       Level               level,
       gboolean            focus)
{
  self->level = level;
  adw_leaflet_set_visible_child_name (self->leaflet, level_names[level]);

  if (focus)
    focus_level (self, level);
}

static gboolean
go_back (ConciergeRoomsView *self)
{
  if (self->directory == NULL || self->level == LEVEL_BUILDINGS)
    return FALSE;

  go_to (self, self->level - 1, TRUE);
  return TRUE;
}

static gboolean
back_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  return go_back (CONCIERGE_ROOMS_VIEW (widget));
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  go_back (CONCIERGE_ROOMS_VIEW (widget));
}

static void
leaflet_folded_cb (ConciergeRoomsView *self)
{
  /* Unfolded, the leaflet shows every column; folded, it must show the
   * column the user was in. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, level_names[self->level]);
}

static void
leaflet_child_cb (ConciergeRoomsView *self)
{
  const char *name = adw_leaflet_get_visible_child_name (self->leaflet);

  /* A swipe or the leaflet's own Alt+Left went back: follow it. */
  if (!adw_leaflet_get_folded (self->leaflet) || name == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    if (strcmp (name, level_names[i]) == 0)
      self->level = i;
}

static void
building_selected_cb (ConciergeRoomsView *self,
                      GtkListBoxRow      *row)
{
  /* The rows go away and come back on a refresh; that is no choice. */
  if (row == NULL)
    return;

  set_building (self, g_object_get_data (G_OBJECT (row), "building-id"));
}

static void
building_activated_cb (ConciergeRoomsView *self,
                       GtkListBoxRow      *row)
{
  g_clear_pointer (&self->pending_room_id, g_free);
  set_building (self, g_object_get_data (G_OBJECT (row), "building-id"));
  go_to (self, LEVEL_ROOMS, TRUE);
}

static void
open_room_at (ConciergeRoomsView *self,
              guint               position)
{
  g_autoptr(HccRoom) room = g_list_model_get_item (G_LIST_MODEL (self->rooms_sorted), position);

  if (room == NULL)
    return;

  g_clear_pointer (&self->pending_room_id, g_free);
  set_room (self, hcc_room_get_id (room));
  go_to (self, LEVEL_ROOM, TRUE);
}

static void
room_activated_cb (ConciergeRoomsView *self,
                   guint               position)
{
  open_room_at (self, position);
}

static void
search_changed_cb (ConciergeRoomsView *self)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (ConciergeRoomsView *self)
{
  /* Enter opens the first match: typing a room number and Enter is the
   * quickest way to a room. The delayed search may not have run yet. */
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->rooms_sorted)) > 0)
    open_room_at (self, 0);
}

static void
search_stop_cb (ConciergeRoomsView *self)
{
  /* Escape clears the filter first, then goes back. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    go_back (self);
}

static void
resident_activated_cb (ConciergeRoomsView *self,
                       GtkListBoxRow      *row)
{
  const char *person_id = g_object_get_data (G_OBJECT (row), "person-id");

  if (person_id == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-resident", "s", person_id);
}

static void
add_clicked_cb (ConciergeRoomsView *self)
{
  HccRoom *room = lookup_room (self, self->room_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *editor;

  if (self->session == NULL || room == NULL)
    return;

  editor = concierge_resident_editor_new_for_room (self->session, room);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (editor, GTK_WINDOW (root));
  gtk_window_present (editor);
}

static void
buildings_changed_cb (ConciergeRoomsView *self)
{
  /* The chosen building may be gone after a refresh. */
  if (self->building_id != NULL && find_building (self, self->building_id) == NULL)
    set_building (self, NULL);

  update_buildings_state (self);
  update_rooms_state (self);
}

static void
rooms_changed_cb (ConciergeRoomsView *self)
{
  if (self->pending_room_id != NULL && lookup_room (self, self->pending_room_id) != NULL)
    {
      g_autofree char *room_id = g_steal_pointer (&self->pending_room_id);

      concierge_rooms_view_show_room (self, room_id);
      return;
    }

  update_room_state (self);
}

static void
residents_changed_cb (ConciergeRoomsView *self)
{
  update_room_state (self);
}

static void
rooms_shown_changed_cb (ConciergeRoomsView *self)
{
  update_rooms_state (self);
}

static void
directory_refreshed_cb (ConciergeRoomsView *self)
{
  /* A refresh may change items in place: a resident who moved keeps their
   * item. Look at every item again, it is cheap next to the refresh. */
  if (!concierge_directory_get_refreshing (self->directory))
    {
      gtk_filter_changed (GTK_FILTER (self->room_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (GTK_FILTER (self->resident_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }

  update_buildings_state (self);
  update_rooms_state (self);
  update_room_state (self);
}

static void
disconnect_directory (ConciergeRoomsView *self)
{
  if (self->directory == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->directory, self);
  g_signal_handlers_disconnect_by_data (concierge_directory_get_buildings (self->directory), self);
  g_signal_handlers_disconnect_by_data (concierge_directory_get_rooms (self->directory), self);
  g_signal_handlers_disconnect_by_data (concierge_directory_get_residents (self->directory), self);
  g_clear_object (&self->directory);
}

static void
concierge_rooms_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConciergeRoomsView *self = CONCIERGE_ROOMS_VIEW (object);

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
concierge_rooms_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConciergeRoomsView *self = CONCIERGE_ROOMS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      concierge_rooms_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_rooms_view_dispose (GObject *object)
{
  ConciergeRoomsView *self = CONCIERGE_ROOMS_VIEW (object);

  disconnect_directory (self);
  g_clear_object (&self->session);

  if (self->buildings_list != NULL)
    gtk_list_box_bind_model (self->buildings_list, NULL, NULL, NULL, NULL);
  if (self->residents_list != NULL)
    gtk_list_box_bind_model (self->residents_list, NULL, NULL, NULL, NULL);
  if (self->rooms_list != NULL)
    gtk_list_view_set_model (self->rooms_list, NULL);

  for (guint i = 0; i < self->room_rows->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->room_rows, i), room_row_gone_cb, self);
  g_ptr_array_set_size (self->room_rows, 0);

  /* The bin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCIERGE_TYPE_ROOMS_VIEW);

  g_clear_object (&self->rooms_sorted);
  g_clear_object (&self->rooms_filtered);
  g_clear_object (&self->room_filter);
  g_clear_object (&self->residents_sorted);
  g_clear_object (&self->residents_filtered);
  g_clear_object (&self->resident_filter);
  g_clear_object (&self->resident_sorter);

  G_OBJECT_CLASS (concierge_rooms_view_parent_class)->dispose (object);
}

static void
concierge_rooms_view_finalize (GObject *object)
{
  ConciergeRoomsView *self = CONCIERGE_ROOMS_VIEW (object);

  g_free (self->building_id);
  g_free (self->room_id);
  g_free (self->pending_room_id);
  g_free (self->query);
  g_ptr_array_unref (self->room_rows);

  G_OBJECT_CLASS (concierge_rooms_view_parent_class)->finalize (object);
}

static void
concierge_rooms_view_class_init (ConciergeRoomsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = concierge_rooms_view_get_property;
  object_class->set_property = concierge_rooms_view_set_property;
  object_class->dispose = concierge_rooms_view_dispose;
  object_class->finalize = concierge_rooms_view_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CONCIERGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  room_keys_quark = g_quark_from_static_string ("concierge-rooms-view-keys");

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/hccdesk/Concierge/concierge-rooms-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, session_status);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, buildings_status);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, buildings_list);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, rooms_back_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, building_title);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, rooms_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, rooms_list);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, rooms_status);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, room_back_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, room_title);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, room_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, room_stack);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, room_status);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, residents_heading);
  gtk_widget_class_bind_template_child (widget_class, ConciergeRoomsView, residents_list);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, building_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, building_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, room_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, resident_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_install_action (widget_class, "rooms.back", NULL, back_action_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut_cb, NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
concierge_rooms_view_init (ConciergeRoomsView *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->room_rows = g_ptr_array_new ();

  self->room_filter = gtk_custom_filter_new (room_filter_func, self, NULL);
  self->rooms_filtered =
    gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->room_filter)));
  self->rooms_sorted =
    gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rooms_filtered)),
                             GTK_SORTER (gtk_custom_sorter_new (room_compare_func, NULL, NULL)));
  g_signal_connect_object (self->rooms_sorted, "notify::n-items",
                           G_CALLBACK (rooms_shown_changed_cb), self, G_CONNECT_SWAPPED);

  /* Rooms are activated, not selected: a click or Enter opens the room. */
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rooms_sorted)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (room_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (room_row_bind_cb), self);
  gtk_list_view_set_factory (self->rooms_list, factory);
  gtk_list_view_set_model (self->rooms_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);

  self->resident_filter = gtk_custom_filter_new (resident_filter_func, self, NULL);
  self->residents_filtered =
    gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->resident_filter)));
  self->resident_sorter = gtk_custom_sorter_new (resident_compare_func, self, NULL);
  self->residents_sorted =
    gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->residents_filtered)),
                             GTK_SORTER (g_object_ref (self->resident_sorter)));
  /* A room holds a handful of people: a list box of rows is right here. */
  gtk_list_box_bind_model (self->residents_list, G_LIST_MODEL (self->residents_sorted),
                           create_resident_row, self, NULL);
  g_signal_connect_object (self->residents_sorted, "items-changed",
                           G_CALLBACK (residents_changed_cb), self, G_CONNECT_SWAPPED);

  update_buildings_state (self);
  update_rooms_state (self);
  update_room_state (self);
}

GtkWidget *
concierge_rooms_view_new (void)
{
  return g_object_new (CONCIERGE_TYPE_ROOMS_VIEW, NULL);
}

ConciergeSession *
concierge_rooms_view_get_session (ConciergeRoomsView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_ROOMS_VIEW (self), NULL);

  return self->session;
}

void
concierge_rooms_view_set_session (ConciergeRoomsView *self,
                                  ConciergeSession   *session)
{
  GListModel *buildings = NULL;
  GListModel *rooms = NULL;
  GListModel *residents = NULL;

  g_return_if_fail (CONCIERGE_IS_ROOMS_VIEW (self));
  g_return_if_fail (session == NULL || CONCIERGE_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_directory (self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      self->directory = g_object_ref (concierge_session_get_directory (session));
      buildings = concierge_directory_get_buildings (self->directory);
      rooms = concierge_directory_get_rooms (self->directory);
      residents = concierge_directory_get_residents (self->directory);
    }

  /* Start from the top in the new session. */
  g_clear_pointer (&self->pending_room_id, g_free);
  g_clear_pointer (&self->building_id, g_free);
  g_clear_pointer (&self->room_id, g_free);
  g_free (self->query);
  self->query = g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  gtk_list_box_bind_model (self->buildings_list, buildings, create_building_row, self, NULL);
  gtk_filter_list_model_set_model (self->rooms_filtered, rooms);
  gtk_filter_list_model_set_model (self->residents_filtered, residents);

  if (self->directory != NULL)
    {
      g_signal_connect_object (buildings, "items-changed",
                               G_CALLBACK (buildings_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (rooms, "items-changed",
                               G_CALLBACK (rooms_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->directory, "notify::refreshing",
                               G_CALLBACK (directory_refreshed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->directory, "notify::refresh-error",
                               G_CALLBACK (directory_refreshed_cb), self, G_CONNECT_SWAPPED);
    }

  go_to (self, LEVEL_BUILDINGS, FALSE);
  gtk_filter_changed (GTK_FILTER (self->room_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->resident_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_buildings_state (self);
  update_rooms_state (self);
  update_room_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
concierge_rooms_view_show_room (ConciergeRoomsView *self,
                                const char         *room_id)
{
  HccRoom *room;
  GtkListBoxRow *row;
  guint n;

  g_return_if_fail (CONCIERGE_IS_ROOMS_VIEW (self));
  g_return_if_fail (room_id != NULL);

  g_clear_pointer (&self->pending_room_id, g_free);

  room = lookup_room (self, room_id);
  if (room == NULL)
    {
      /* Not loaded yet (or gone): say so, and show it if a load brings it. */
      self->pending_room_id = g_strdup (room_id);
      set_room (self, room_id);
      go_to (self, LEVEL_ROOM, FALSE);
      return;
    }

  set_building (self, hcc_room_get_building_id (room));
  row = find_building_row (self, self->building_id);
  if (row != NULL)
    gtk_list_box_select_row (self->buildings_list, row);
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      set_query (self, "");
    }
  set_room (self, room_id);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rooms_sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HccRoom) item = g_list_model_get_item (G_LIST_MODEL (self->rooms_sorted), i);

      if (g_strcmp0 (hcc_room_get_id (item), room_id) == 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->rooms_list), "list.scroll-to-item", "u", i);
          break;
        }
    }

  /* Take the focus only when the user can see where it went. */
  go_to (self, LEVEL_ROOM, gtk_widget_get_mapped (GTK_WIDGET (self)));
}

GListModel *
_concierge_rooms_view_get_rooms_model (ConciergeRoomsView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_ROOMS_VIEW (self), NULL);

  return G_LIST_MODEL (self->rooms_sorted);
}

GListModel *
_concierge_rooms_view_get_residents_model (ConciergeRoomsView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_ROOMS_VIEW (self), NULL);

  return G_LIST_MODEL (self->residents_sorted);
}

const char *
_concierge_rooms_view_get_building_id (ConciergeRoomsView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_ROOMS_VIEW (self), NULL);

  return self->building_id;
}

const char *
_concierge_rooms_view_get_room_id (ConciergeRoomsView *self)
{
  g_return_val_if_fail (CONCIERGE_IS_ROOMS_VIEW (self), NULL);

  return self->room_id;
}
