/* concierge-directory.c: the site's directory, cached on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-directory"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "concierge-directory.h"
#include "concierge-sqlite-worker.h"

/* Threading rule: every sqlite3 call happens on the directory's
 * ConciergeSqliteWorker thread. The main thread queues jobs; the worker
 * runs them in order and hands each one back to the main context, where
 * tasks are returned and the models are touched. Objects cross threads only while one side holds
 * them: a fetched list goes to the worker to be merged, sorted, indexed and
 * written, and comes back to be spliced into the models; an edit is copied
 * on the main thread before the copy goes to the worker. */

/* Bumped whenever build_search_key() or concierge_directory_fold() change:
 * the cached keys are then computed again on load. */
#define SEARCH_KEY_VERSION "1"

/* The position of a resident saved between two refreshes: after every
 * listed one; a load that sees it sorts again. */
#define APPENDED_POS G_MAXINT32

/* The models' items carry their search key and the room IDs it was built
 * from under this quark, computed once (on the worker for whole lists). */
#define INFO_KEY "concierge-directory-info"

typedef enum {
  COLUMN_TEXT,
  COLUMN_INT,
  COLUMN_BOOL,
  COLUMN_TIME,
} ColumnKind;

/* One column of a cache table and the property of the libhcc type that it
 * holds. The tables of the schema name their columns the same way. */
typedef struct {
  const char *column;
  const char *property;
  ColumnKind  kind;
  /* The type's own getter and setter: 10,000 residents times 14 columns
   * through GValues and property lookups by name cost a large part of a
   * cache load. Cast back with the typedefs below. */
  GCallback   get;
  GCallback   set;
} Column;

typedef const char * (*GetText) (gpointer object);
typedef int          (*GetInt)  (gpointer object);
typedef GDateTime  * (*GetTime) (gpointer object);
typedef void         (*SetText) (gpointer object, const char *value);
typedef void         (*SetInt)  (gpointer object, int value);
typedef void         (*SetTime) (gpointer object, GDateTime *value);

#define COLUMN(type, name, property, kind) \
  { #name, property, kind, G_CALLBACK (hcc_##type##_get_##name), G_CALLBACK (hcc_##type##_set_##name) }

static const Column building_columns[] = {
  COLUMN (building, id, "id", COLUMN_TEXT),
  COLUMN (building, name, "name", COLUMN_TEXT),
  COLUMN (building, area_id, "area-id", COLUMN_TEXT),
  COLUMN (building, area_name, "area-name", COLUMN_TEXT),
  COLUMN (building, total_rooms, "total-rooms", COLUMN_INT),
  COLUMN (building, total_persons, "total-persons", COLUMN_INT),
  COLUMN (building, device_names, "device-names", COLUMN_TEXT),
};

static const Column room_columns[] = {
  COLUMN (room, id, "id", COLUMN_TEXT),
  COLUMN (room, name, "name", COLUMN_TEXT),
  COLUMN (room, number, "number", COLUMN_TEXT),
  COLUMN (room, building_id, "building-id", COLUMN_TEXT),
  COLUMN (room, building_name, "building-name", COLUMN_TEXT),
  COLUMN (room, area_id, "area-id", COLUMN_TEXT),
  COLUMN (room, area_name, "area-name", COLUMN_TEXT),
  COLUMN (room, person_amount, "person-amount", COLUMN_INT),
  COLUMN (room, main_account, "main-account", COLUMN_TEXT),
  COLUMN (room, email, "email", COLUMN_TEXT),
  COLUMN (room, phone, "phone", COLUMN_TEXT),
  COLUMN (room, account_type, "account-type", COLUMN_INT),
};

static const Column resident_columns[] = {
  COLUMN (resident, id, "id", COLUMN_TEXT),
  COLUMN (resident, person_code, "person-code", COLUMN_TEXT),
  COLUMN (resident, first_name, "first-name", COLUMN_TEXT),
  COLUMN (resident, last_name, "last-name", COLUMN_TEXT),
  COLUMN (resident, gender, "gender", COLUMN_INT),
  COLUMN (resident, phone, "phone", COLUMN_TEXT),
  COLUMN (resident, email, "email", COLUMN_TEXT),
  COLUMN (resident, description, "description", COLUMN_TEXT),
  COLUMN (resident, expired, "expired", COLUMN_BOOL),
  COLUMN (resident, photo_url, "photo-url", COLUMN_TEXT),
  COLUMN (resident, head_pic_url, "head-pic-url", COLUMN_TEXT),
  COLUMN (resident, start_time, "start-time", COLUMN_TIME),
  COLUMN (resident, end_time, "end-time", COLUMN_TIME),
  COLUMN (resident, language, "language", COLUMN_TEXT),
};

static const Column access_level_columns[] = {
  COLUMN (access_level, id, "id", COLUMN_TEXT),
  COLUMN (access_level, name, "name", COLUMN_TEXT),
  COLUMN (access_level, remark, "remark", COLUMN_TEXT),
  COLUMN (access_level, usage_type, "usage-type", COLUMN_INT),
  COLUMN (access_level, area_id, "area-id", COLUMN_TEXT),
  COLUMN (access_level, area_name, "area-name", COLUMN_TEXT),
  COLUMN (access_level, schedule_name, "schedule-name", COLUMN_TEXT),
};

/* A cache table: its name and the columns after its leading key columns
 * ("pos", and "person_id" for resident_rooms). */
typedef struct {
  const char   *table;
  const Column *columns;
  guint         n_columns;
  GType       (*get_type) (void);
  gboolean      with_key;  /* residents: a search_key column after the others */
} Kind;

static const Kind building_kind = {
  "buildings", building_columns, G_N_ELEMENTS (building_columns), hcc_building_get_type
};
static const Kind room_kind = {
  "rooms", room_columns, G_N_ELEMENTS (room_columns), hcc_room_get_type
};
static const Kind resident_kind = {
  "residents", resident_columns, G_N_ELEMENTS (resident_columns), hcc_resident_get_type, TRUE
};
static const Kind resident_room_kind = {
  "resident_rooms", room_columns, G_N_ELEMENTS (room_columns), hcc_room_get_type
};
static const Kind access_level_kind = {
  "access_levels", access_level_columns, G_N_ELEMENTS (access_level_columns),
  hcc_access_level_get_type
};

/* The schema, one step per version: migrations[n] turns version n into n+1.
 * Every table is the last listing of the platform, in the order the models
 * show it ("pos"). Times are microseconds since the Unix epoch in UTC. */
static const char * const migrations[] = {
  /* 0 -> 1 */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ");"
  "CREATE TABLE buildings ("
  "  id            TEXT PRIMARY KEY NOT NULL,"
  "  pos           INTEGER NOT NULL,"
  "  name          TEXT,"
  "  area_id       TEXT,"
  "  area_name     TEXT,"
  "  total_rooms   INTEGER,"
  "  total_persons INTEGER,"
  "  device_names  TEXT"
  ");"
  "CREATE TABLE rooms ("
  "  id            TEXT PRIMARY KEY NOT NULL,"
  "  pos           INTEGER NOT NULL,"
  "  name          TEXT,"
  "  number        TEXT,"
  "  building_id   TEXT,"
  "  building_name TEXT,"
  "  area_id       TEXT,"
  "  area_name     TEXT,"
  "  person_amount INTEGER,"
  "  main_account  TEXT,"
  "  email         TEXT,"
  "  phone         TEXT,"
  "  account_type  INTEGER"
  ");"
  "CREATE TABLE residents ("
  "  id            TEXT PRIMARY KEY NOT NULL,"
  "  pos           INTEGER NOT NULL,"
  "  person_code   TEXT,"
  "  first_name    TEXT,"
  "  last_name     TEXT,"
  "  gender        INTEGER,"
  "  phone         TEXT,"
  "  email         TEXT,"
  "  description   TEXT,"
  "  expired       INTEGER,"
  "  photo_url     TEXT,"
  "  head_pic_url  TEXT,"
  "  start_time    INTEGER,"
  "  end_time      INTEGER,"
  "  language      TEXT"
  ");"
  /* A resident's links, as the platform lists them (RoomDTO). */
  "CREATE TABLE resident_rooms ("
  "  person_id     TEXT NOT NULL,"
  "  pos           INTEGER NOT NULL,"
  "  id            TEXT NOT NULL,"
  "  name          TEXT,"
  "  number        TEXT,"
  "  building_id   TEXT,"
  "  building_name TEXT,"
  "  area_id       TEXT,"
  "  area_name     TEXT,"
  "  person_amount INTEGER,"
  "  main_account  TEXT,"
  "  email         TEXT,"
  "  phone         TEXT,"
  "  account_type  INTEGER,"
  "  PRIMARY KEY (person_id, id)"
  ");"
  "CREATE TABLE access_levels ("
  "  id            TEXT PRIMARY KEY NOT NULL,"
  "  pos           INTEGER NOT NULL,"
  "  name          TEXT,"
  "  remark        TEXT,"
  "  usage_type    INTEGER,"
  "  area_id       TEXT,"
  "  area_name     TEXT,"
  "  schedule_name TEXT"
  ");",
  /* 1 -> 2: the folded search key, so a start-up does not fold 10,000
   * names again. NULL: compute it on load. */
  "ALTER TABLE residents ADD COLUMN search_key TEXT;",
};

/* A whole directory: what a load reads from the cache, or what a refresh
 * fetched. The worker merges, sorts and indexes it; the main thread then
 * moves it into the models. */
typedef struct
{
  GPtrArray *buildings;      /* (owned) of HccBuilding */
  GPtrArray *rooms;          /* (owned) of HccRoom */
  GPtrArray *residents;      /* (owned) of HccResident */
  GPtrArray *access_levels;  /* (owned) of HccAccessLevel */
  gint64     last_refreshed; /* UTC microseconds, 0: never */

  /* A refresh's rooms and residents as libhcc listed them (mapped on its
   * worker): moved into the arrays above on ours. */
  GListModel *listed_rooms;      /* (owned) (nullable) of HccRoom */
  GListModel *listed_residents;  /* (owned) (nullable) of HccResident */
} Snapshot;

/* What the models' residents carry under INFO_KEY. */
typedef struct
{
  char  *search_key;  /* (owned) */
  GStrv  room_ids;    /* (owned): the rooms the resident was counted in */
} ResidentInfo;

typedef struct
{
  HccResident *resident;      /* (owned) (nullable): a copy to write */
  char        *person_id;     /* (owned) (nullable): a resident to delete */
  GHashTable  *room_amounts;  /* (owned) (nullable): room ID -> person amount */
} ResidentWrite;

typedef struct
{
  ConciergeDirectory *self;         /* (owned) */
  GCancellable       *cancellable;  /* (owned) */
  GPtrArray          *waiters;      /* (owned) of Waiter */
  Snapshot           *snapshot;     /* (owned) */
} RefreshOp;

typedef struct
{
  RefreshOp *op;             /* (unowned): owns this */
  GTask     *task;           /* (owned) */
  GSource   *cancel_source;  /* (owned) (nullable) */
} Waiter;

struct _ConciergeDirectory
{
  GObject       parent_instance;

  HccClient    *client;         /* (owned) (nullable) */
  char         *path;           /* (owned) */
  ConciergeSqliteWorker *worker; /* (owned) (nullable): NULL once disposed */
  gboolean      closed;

  GListStore   *buildings;      /* (owned) of HccBuilding */
  GListStore   *rooms;          /* (owned) of HccRoom */
  GListStore   *residents;      /* (owned) of HccResident */
  GListStore   *access_levels;  /* (owned) of HccAccessLevel */
  GHashTable   *rooms_by_id;    /* (owned): ID -> HccRoom (unowned, in rooms) */
  GHashTable   *residents_by_id;/* (owned): ID -> HccResident (unowned, in residents) */

  /* Whether a refresh has filled the models: a cache read that finishes
   * later must not put older data back. */
  gboolean      refreshed;

  RefreshOp    *refresh;        /* (nullable): the refresh in flight */
  guint         refresh_interval; /* seconds between background refreshes, 0: none */
  guint         auto_refresh_id;
  GDateTime    *last_refreshed; /* (owned) (nullable) */
  char         *refresh_error;  /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (ConciergeDirectory, concierge_directory, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PATH,
  PROP_REFRESHING,
  PROP_LAST_REFRESHED,
  PROP_REFRESH_ERROR,
  PROP_REFRESH_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark info_quark;
static GQuark fingerprint_quark;

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */

static const char *
object_id (gpointer object)
{
  if (HCC_IS_RESIDENT (object))
    return hcc_resident_get_id (object);
  if (HCC_IS_ROOM (object))
    return hcc_room_get_id (object);
  if (HCC_IS_BUILDING (object))
    return hcc_building_get_id (object);
  if (HCC_IS_ACCESS_LEVEL (object))
    return hcc_access_level_get_id (object);
  g_assert_not_reached ();
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->buildings, g_ptr_array_unref);
  g_clear_pointer (&snapshot->rooms, g_ptr_array_unref);
  g_clear_pointer (&snapshot->residents, g_ptr_array_unref);
  g_clear_pointer (&snapshot->access_levels, g_ptr_array_unref);
  g_clear_object (&snapshot->listed_rooms);
  g_clear_object (&snapshot->listed_residents);
  g_free (snapshot);
}

/* Moves the content of @snapshot into a new one, leaving it empty. */
static Snapshot *
snapshot_take (Snapshot *snapshot)
{
  Snapshot *taken = g_memdup2 (snapshot, sizeof (Snapshot));

  memset (snapshot, 0, sizeof (Snapshot));
  return taken;
}

static Snapshot *
snapshot_new (void)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->buildings = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->rooms = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->residents = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->access_levels = g_ptr_array_new_with_free_func (g_object_unref);

  return snapshot;
}

/* Appends the items of @model to @array and drops @model. */
static void
take_model (GPtrArray   *array,
            GListModel **model)
{
  guint n = *model != NULL ? g_list_model_get_n_items (*model) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (*model, i));
  g_clear_object (model);
}

static void
resident_info_free (gpointer data)
{
  ResidentInfo *info = data;

  g_free (info->search_key);
  g_strfreev (info->room_ids);
  g_free (info);
}

static void
resident_write_free (gpointer data)
{
  ResidentWrite *write = data;

  g_clear_object (&write->resident);
  g_free (write->person_id);
  g_clear_pointer (&write->room_amounts, g_hash_table_unref);
  g_free (write);
}

/* ------------------------------------------------------------------ */
/* Folding and search keys                                              */

/* Letters that carry their accent in the letter itself rather than as a
 * combining mark, so decomposition leaves them alone. A desk user types
 * "lodz" for "Łódź" and "orsted" for "Ørsted". */
static const char *
base_letter (gunichar c)
{
  switch (c)
    {
    case 0x0141: case 0x0142: return "l";   /* Ł ł */
    case 0x00D8: case 0x00F8: return "o";   /* Ø ø */
    case 0x0110: case 0x0111: return "d";   /* Đ đ */
    case 0x00D0: case 0x00F0: return "d";   /* Ð ð */
    case 0x0126: case 0x0127: return "h";   /* Ħ ħ */
    case 0x0131: return "i";                /* dotless ı */
    case 0x00C6: case 0x00E6: return "ae";  /* Æ æ */
    case 0x0152: case 0x0153: return "oe";  /* Œ œ */
    case 0x00DE: case 0x00FE: return "th";  /* Þ þ */
    default: return NULL;
    }
}

/* Folds valid UTF-8 through the Unicode tables. */
static char *
fold_unicode (const char *valid)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) stripped = NULL;

  /* NFKD splits "é" into "e" and a combining accent, and compatibility
   * forms such as ligatures and full-width letters into plain ones. */
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_utf8_casefold (valid, -1);

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);
      const char *base;

      /* Only non-spacing and enclosing marks are accents; spacing marks
       * are vowels in Indic scripts and must stay. */
      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        continue;

      if ((base = base_letter (c)) != NULL)
        g_string_append (stripped, base);
      else
        g_string_append_unichar (stripped, c);
    }

  return g_utf8_casefold (stripped->str, stripped->len);
}

/* Latin letters up to U+024F fold one by one through a table made once
 * with fold_unicode(): decomposition, marks and case folding all work per
 * character, so the result is the same, and a text of Latin names costs a
 * table look-up per letter rather than three passes that allocate. The
 * log's search folds every row it looks at. */
#define LATIN_END 0x250

static const char * const *
latin_table (void)
{
  static const char **table;

  if (g_once_init_enter (&table))
    {
      /* Kept for the life of the process. */
      const char **folded = g_new0 (const char *, LATIN_END);

      for (gunichar c = 0x80; c < LATIN_END; c++)
        {
          char utf8[8] = { 0 };

          g_unichar_to_utf8 (c, utf8);
          folded[c] = fold_unicode (utf8);
        }
      g_once_init_leave (&table, folded);
    }

  return table;
}

char *
concierge_directory_fold (const char *text)
{
  g_autofree char *valid = NULL;
  gboolean ascii = TRUE;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  for (p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  /* Most names and every phone number are plain ASCII: skip the Unicode
   * tables for them. */
  if (ascii)
    return g_ascii_strdown (text, -1);

  if (g_utf8_validate (text, -1, NULL))
    {
      const char * const *latin = latin_table ();
      g_autoptr(GString) folded = g_string_sized_new (strlen (text));

      for (p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c < 0x80)
            g_string_append_c (folded, g_ascii_tolower ((char) c));
          else if (c < LATIN_END)
            g_string_append (folded, latin[c]);
          else
            break;
        }

      if (*p == '\0')
        return g_string_free (g_steal_pointer (&folded), FALSE);
    }

  valid = g_utf8_make_valid (text, -1);
  return fold_unicode (valid);
}

static void
append_field (GString    *key,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;

  g_string_append (key, text);
  g_string_append_c (key, '\n');
}

static char *
build_search_key (HccResident *resident)
{
  g_autoptr(GString) key = g_string_new (NULL);
  const char *first = hcc_resident_get_first_name (resident);
  const char *last = hcc_resident_get_last_name (resident);
  const char *phone = hcc_resident_get_phone (resident);
  GListModel *rooms = hcc_resident_get_rooms (resident);
  guint n_rooms = rooms != NULL ? g_list_model_get_n_items (rooms) : 0;

  /* Both orders, so "jose garcia" and "garcia jose" both match; fields are
   * separated by newlines, which nobody types, so a match never spans two. */
  g_string_append_printf (key, "%s %s\n%s %s\n",
                          first != NULL ? first : "", last != NULL ? last : "",
                          last != NULL ? last : "", first != NULL ? first : "");

  for (guint i = 0; i < n_rooms; i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      append_field (key, hcc_room_get_number (room));
      append_field (key, hcc_room_get_name (room));
      append_field (key, hcc_room_get_building_name (room));
    }

  append_field (key, phone);
  if (phone != NULL)
    {
      g_autoptr(GString) digits = g_string_new (NULL);

      /* "0612 34" should find "06 12 34 ..." as typed without spaces. */
      for (const char *p = phone; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      if (digits->len > 0 && strcmp (digits->str, phone) != 0)
        append_field (key, digits->str);
    }
  append_field (key, hcc_resident_get_email (resident));

  return concierge_directory_fold (key->str);
}

static GStrv
room_ids_of (HccResident *resident)
{
  GListModel *rooms = hcc_resident_get_rooms (resident);
  guint n = rooms != NULL ? g_list_model_get_n_items (rooms) : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      if (hcc_room_get_id (room) != NULL)
        g_strv_builder_add (builder, hcc_room_get_id (room));
    }

  return g_strv_builder_end (builder);
}

/* Computes the search key of @resident once; safe on the worker for
 * objects that no other thread holds. */
static ResidentInfo *
index_resident (HccResident *resident)
{
  ResidentInfo *info = g_new0 (ResidentInfo, 1);

  info->search_key = build_search_key (resident);
  info->room_ids = room_ids_of (resident);
  g_object_set_qdata_full (G_OBJECT (resident), info_quark, info, resident_info_free);

  return info;
}

/* ------------------------------------------------------------------ */
/* Fingerprints                                                         */

/* A 64-bit FNV-1a hash of every cached value of an item (and of a
 * resident's rooms), computed on the worker. A refresh compares it with
 * the model item's and skips the item when they are equal, so the main
 * thread spends next to nothing on the 10,000 residents that did not
 * change. 0 means "unknown": the values are compared one by one. */
static guint64
fnv (guint64       hash,
     gconstpointer data,
     gsize         size)
{
  const guchar *bytes = data;

  for (gsize i = 0; i < size; i++)
    {
      hash ^= bytes[i];
      hash *= G_GUINT64_CONSTANT (1099511628211);
    }

  return hash;
}

static guint64
fingerprint_columns (guint64       hash,
                     gpointer      object,
                     const Column *columns,
                     guint         n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      const Column *column = &columns[i];
      const char *text;
      GDateTime *time;
      gint64 number;

      switch (column->kind)
        {
        case COLUMN_TEXT:
          text = ((GetText) column->get) (object);
          /* The terminating NUL separates the values; NULL differs from "". */
          hash = text != NULL ? fnv (hash, text, strlen (text) + 1) : fnv (hash, "\xff", 1);
          break;

        case COLUMN_INT:
        case COLUMN_BOOL:
          number = ((GetInt) column->get) (object);
          hash = fnv (hash, &number, sizeof number);
          break;

        case COLUMN_TIME:
          time = ((GetTime) column->get) (object);
          number = time != NULL ? concierge_sqlite_time_to_usec (time) : G_MININT64;
          hash = fnv (hash, &number, sizeof number);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return hash;
}

static void
set_fingerprint (gpointer    object,
                 const Kind *kind)
{
  guint64 hash = fingerprint_columns (G_GUINT64_CONSTANT (14695981039346656037), object,
                                      kind->columns, kind->n_columns);

  if (HCC_IS_RESIDENT (object))
    {
      GListModel *rooms = hcc_resident_get_rooms (object);
      guint n = rooms != NULL ? g_list_model_get_n_items (rooms) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) room = g_list_model_get_item (rooms, i);

          hash = fingerprint_columns (hash, room, room_columns, G_N_ELEMENTS (room_columns));
        }
    }

  /* On a 32-bit system the pointer keeps half of it: still a 1 in 4
   * billion chance that a change goes unseen until the next one. */
  g_object_set_qdata (object, fingerprint_quark, GSIZE_TO_POINTER ((gsize) (hash | 1)));
}

static void
fingerprint_all (GPtrArray  *objects,
                 const Kind *kind)
{
  for (guint i = 0; i < objects->len; i++)
    set_fingerprint (g_ptr_array_index (objects, i), kind);
}

static void
forget_fingerprint (gpointer object)
{
  g_object_set_qdata (object, fingerprint_quark, NULL);
}

/* ------------------------------------------------------------------ */
/* Sorting                                                              */

typedef struct
{
  char     *key;     /* (owned) */
  gpointer  object;  /* (unowned) */
} SortItem;

static int
sort_item_compare (gconstpointer a,
                   gconstpointer b)
{
  const SortItem *x = a;
  const SortItem *y = b;

  return strcmp (x->key, y->key);
}

/* Room numbers sort as numbers ("9" before "10"): pad the digits. */
static void
append_sortable_number (GString    *key,
                        const char *number)
{
  gsize digits = 0;

  if (number == NULL)
    return;

  while (g_ascii_isdigit (number[digits]))
    digits++;
  if (digits > 0 && digits < 12)
    g_string_append_printf (key, "%.*s", (int) (12 - digits), "000000000000");
  g_string_append (key, number);
}

static char *
sort_key (gpointer object)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *folded = NULL;

  /* The ID last, so the order is total and a refresh that changes nothing
   * gives the same order. \x01 sorts before every printable character. */
  if (HCC_IS_RESIDENT (object))
    {
      g_string_append_printf (key, "%s\x01%s",
                              hcc_resident_get_last_name (object) ? hcc_resident_get_last_name (object) : "",
                              hcc_resident_get_first_name (object) ? hcc_resident_get_first_name (object) : "");
    }
  else if (HCC_IS_ROOM (object))
    {
      g_string_append (key, hcc_room_get_building_name (object) ? hcc_room_get_building_name (object) : "");
      g_string_append_c (key, '\x01');
      append_sortable_number (key, hcc_room_get_number (object));
    }
  else if (HCC_IS_BUILDING (object))
    {
      g_string_append (key, hcc_building_get_name (object) ? hcc_building_get_name (object) : "");
    }
  else
    {
      g_string_append (key, hcc_access_level_get_name (object) ? hcc_access_level_get_name (object) : "");
    }

  folded = concierge_directory_fold (key->str);
  return g_strconcat (folded, "\x01", object_id (object) ? object_id (object) : "", NULL);
}

static void
sort_objects (GPtrArray *objects)
{
  g_autofree SortItem *items = g_new (SortItem, objects->len + 1);

  for (guint i = 0; i < objects->len; i++)
    {
      items[i].object = g_ptr_array_index (objects, i);
      items[i].key = sort_key (items[i].object);
    }

  qsort (items, objects->len, sizeof (SortItem), sort_item_compare);

  for (guint i = 0; i < objects->len; i++)
    {
      objects->pdata[i] = items[i].object;
      g_free (items[i].key);
    }
}

/* ------------------------------------------------------------------ */
/* Preparing a snapshot (worker thread)                                 */

static gboolean
room_in (GListModel *rooms,
         const char *room_id)
{
  guint n = g_list_model_get_n_items (rooms);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

      if (g_strcmp0 (hcc_room_get_id (room), room_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The platform may list a resident once per room (a search by room gives
 * one entry per link): one HccResident per person, with every room. */
static GPtrArray *
merge_residents (GPtrArray *residents)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *merged = g_ptr_array_new_full (residents->len, g_object_unref);

  for (guint i = 0; i < residents->len; i++)
    {
      HccResident *resident = g_ptr_array_index (residents, i);
      const char *id = hcc_resident_get_id (resident);
      HccResident *first;
      GListModel *rooms;
      GListModel *first_rooms;
      g_autoptr(GListStore) union_rooms = NULL;
      guint n;

      if (id == NULL || *id == '\0')
        continue;

      if ((first = g_hash_table_lookup (by_id, id)) == NULL)
        {
          g_hash_table_insert (by_id, (gpointer) id, resident);
          g_ptr_array_add (merged, g_object_ref (resident));
          continue;
        }

      rooms = hcc_resident_get_rooms (resident);
      first_rooms = hcc_resident_get_rooms (first);
      if (rooms == NULL || g_list_model_get_n_items (rooms) == 0)
        continue;

      union_rooms = g_list_store_new (HCC_TYPE_ROOM);
      n = first_rooms != NULL ? g_list_model_get_n_items (first_rooms) : 0;
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(HccRoom) room = g_list_model_get_item (first_rooms, k);

          g_list_store_append (union_rooms, room);
        }

      n = g_list_model_get_n_items (rooms);
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(HccRoom) room = g_list_model_get_item (rooms, k);

          if (!room_in (G_LIST_MODEL (union_rooms), hcc_room_get_id (room)))
            g_list_store_append (union_rooms, room);
        }

      hcc_resident_set_rooms (first, G_LIST_MODEL (union_rooms));
    }

  return merged;
}

/* The room listing names the building by ID; fill in its name where the
 * platform left it out, since people search by building name. */
static void
fill_building_names (Snapshot *snapshot)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < snapshot->buildings->len; i++)
    {
      HccBuilding *building = g_ptr_array_index (snapshot->buildings, i);

      if (hcc_building_get_id (building) != NULL && hcc_building_get_name (building) != NULL)
        g_hash_table_insert (names, (gpointer) hcc_building_get_id (building),
                             (gpointer) hcc_building_get_name (building));
    }

  for (guint i = 0; i < snapshot->rooms->len; i++)
    {
      HccRoom *room = g_ptr_array_index (snapshot->rooms, i);
      const char *name = hcc_room_get_building_name (room);
      const char *building_id = hcc_room_get_building_id (room);

      if ((name == NULL || *name == '\0') && building_id != NULL)
        hcc_room_set_building_name (room, g_hash_table_lookup (names, building_id));
    }
}

/* Drops items without an ID, and the second of two with the same ID: a
 * listing paged while the site changes can show an item on two pages. */
static void
dedup_by_id (GPtrArray *objects)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < objects->len;)
    {
      const char *id = object_id (objects->pdata[i]);

      /* Rare, so removing in place is cheap enough. */
      if (id == NULL || !g_hash_table_add (seen, (gpointer) id))
        g_ptr_array_remove_index (objects, i);
      else
        i++;
    }
}

static void
prepare_snapshot (Snapshot *snapshot,
                  gboolean  merge)
{
  take_model (snapshot->rooms, &snapshot->listed_rooms);
  take_model (snapshot->residents, &snapshot->listed_residents);

  dedup_by_id (snapshot->buildings);
  dedup_by_id (snapshot->rooms);
  dedup_by_id (snapshot->access_levels);

  if (merge)
    {
      GPtrArray *merged = merge_residents (snapshot->residents);

      g_ptr_array_unref (snapshot->residents);
      snapshot->residents = merged;
      fill_building_names (snapshot);
    }

  sort_objects (snapshot->buildings);
  sort_objects (snapshot->rooms);
  sort_objects (snapshot->residents);
  sort_objects (snapshot->access_levels);

  for (guint i = 0; i < snapshot->residents->len; i++)
    index_resident (g_ptr_array_index (snapshot->residents, i));

  fingerprint_all (snapshot->buildings, &building_kind);
  fingerprint_all (snapshot->rooms, &room_kind);
  fingerprint_all (snapshot->residents, &resident_kind);
  fingerprint_all (snapshot->access_levels, &access_level_kind);
}

/* ------------------------------------------------------------------ */
/* SQLite (worker thread)                                               */

/* The cache holds nothing the platform does not: a damaged file is moved
 * aside and a new one made. A cache of a newer schema is not damaged, and
 * stays as it is. */
static const ConciergeSqliteSchema directory_schema = {
  .thread_name = "concierge-dir",
  .migrations = migrations,
  .n_migrations = G_N_ELEMENTS (migrations),
  .error_quark = g_io_error_quark,
  .error_failed = G_IO_ERROR_FAILED,
  .error_too_new = G_IO_ERROR_NOT_SUPPORTED,
  .error_closed = G_IO_ERROR_CLOSED,
  /* Translators: followed by ": " and SQLite's own (English) reason. */
  .failed_label = N_("The directory cache could not be used"),
  .too_new_message = N_("The directory cache was written by a newer version of Concierge"),
  .closed_message = N_("The directory cache is closed"),
  .move_aside_damaged = TRUE,
};

static char *
insert_sql (const Kind *kind,
            gboolean    with_person)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT OR REPLACE INTO %s (%spos", kind->table,
                          with_person ? "person_id, " : "");
  for (guint i = 0; i < kind->n_columns; i++)
    g_string_append_printf (sql, ", %s", kind->columns[i].column);
  if (kind->with_key)
    g_string_append (sql, ", search_key");
  g_string_append_printf (sql, ") VALUES (%s?", with_person ? "?, " : "");
  for (guint i = 0; i < kind->n_columns + (kind->with_key ? 1 : 0); i++)
    g_string_append (sql, ", ?");
  g_string_append_c (sql, ')');

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static char *
select_sql (const Kind *kind,
            gboolean    with_person)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  if (with_person)
    g_string_append (sql, "person_id, ");
  for (guint i = 0; i < kind->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", kind->columns[i].column);
  if (kind->with_key)
    g_string_append (sql, ", search_key, pos");
  g_string_append_printf (sql, " FROM %s ORDER BY %spos", kind->table,
                          with_person ? "person_id, " : "");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Binds the columns of @kind from @object, from @first on. */
static void
bind_object (sqlite3_stmt *stmt,
             int           first,
             gpointer      object,
             const Kind   *kind)
{
  for (guint i = 0; i < kind->n_columns; i++)
    {
      const Column *column = &kind->columns[i];
      int index = first + (int) i;
      const char *text;
      GDateTime *time;

      switch (column->kind)
        {
        case COLUMN_TEXT:
          if ((text = ((GetText) column->get) (object)) != NULL)
            sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (stmt, index);
          break;

        case COLUMN_INT:
        case COLUMN_BOOL:
          sqlite3_bind_int64 (stmt, index, ((GetInt) column->get) (object));
          break;

        case COLUMN_TIME:
          if ((time = ((GetTime) column->get) (object)) != NULL)
            sqlite3_bind_int64 (stmt, index, concierge_sqlite_time_to_usec (time));
          else
            sqlite3_bind_null (stmt, index);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (kind->with_key)
    {
      ResidentInfo *info = g_object_get_qdata (object, info_quark);

      if (info != NULL)
        sqlite3_bind_text (stmt, first + (int) kind->n_columns, info->search_key, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, first + (int) kind->n_columns);
    }
}

/* A new object of @kind from the columns of a row, from @first on. */
static GObject *
read_object (sqlite3_stmt *stmt,
             int           first,
             const Kind   *kind)
{
  GObject *object = g_object_new (kind->get_type (), NULL);

  for (guint i = 0; i < kind->n_columns; i++)
    {
      const Column *column = &kind->columns[i];
      int index = first + (int) i;

      if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
        continue;

      switch (column->kind)
        {
        case COLUMN_TEXT:
          ((SetText) column->set) (object, (const char *) sqlite3_column_text (stmt, index));
          break;

        case COLUMN_INT:
          ((SetInt) column->set) (object, (int) sqlite3_column_int64 (stmt, index));
          break;

        case COLUMN_BOOL:
          ((SetInt) column->set) (object, sqlite3_column_int (stmt, index) != 0);
          break;

        case COLUMN_TIME:
          {
            gint64 usec = sqlite3_column_int64 (stmt, index);
            g_autoptr(GDateTime) time = concierge_sqlite_time_from_usec (usec);

            ((SetTime) column->set) (object, time);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return object;
}

static gboolean
insert_objects (ConciergeSqliteWorker  *worker,
                const Kind             *kind,
                GPtrArray              *objects,
                GError                **error)
{
  g_autofree char *sql = insert_sql (kind, FALSE);
  sqlite3_stmt *stmt = concierge_sqlite_worker_prepare (worker, sql, error);
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < objects->len && ok; i++)
    {
      sqlite3_bind_int64 (stmt, 1, i);
      bind_object (stmt, 2, g_ptr_array_index (objects, i), kind);
      ok = concierge_sqlite_worker_step_done (worker, stmt, error);
    }

  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
insert_resident_rooms (ConciergeSqliteWorker  *worker,
                       sqlite3_stmt           *stmt,
                       HccResident            *resident,
                       GError                **error)
{
  GListModel *rooms = hcc_resident_get_rooms (resident);
  guint n = rooms != NULL ? g_list_model_get_n_items (rooms) : 0;

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(HccRoom) room = g_list_model_get_item (rooms, k);

      if (hcc_room_get_id (room) == NULL)
        continue;

      sqlite3_bind_text (stmt, 1, hcc_resident_get_id (resident), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, k);
      bind_object (stmt, 3, room, &resident_room_kind);
      if (!concierge_sqlite_worker_step_done (worker, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_meta (ConciergeSqliteWorker  *worker,
            const char             *key,
            const char             *value,
            GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = concierge_sqlite_worker_prepare (worker, "INSERT OR REPLACE INTO meta (key, value) "
                                                  "VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  ok = concierge_sqlite_worker_step_done (worker, stmt, error);
  sqlite3_finalize (stmt);

  return ok;
}

/* Replaces the whole cache with @snapshot in one transaction: a reader,
 * or a crash, sees the old directory or the new one, never a mix. */
static gboolean
write_snapshot (ConciergeSqliteWorker  *worker,
                Snapshot               *snapshot,
                GError                **error)
{
  g_autofree char *rooms_sql = NULL;
  g_autofree char *last_refreshed = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!concierge_sqlite_worker_begin (worker, error))
    return FALSE;

  if (!concierge_sqlite_worker_exec (worker, "DELETE FROM buildings; DELETE FROM rooms;"
                                             "DELETE FROM residents; DELETE FROM resident_rooms;"
                                             "DELETE FROM access_levels;", error) ||
      !insert_objects (worker, &building_kind, snapshot->buildings, error) ||
      !insert_objects (worker, &room_kind, snapshot->rooms, error) ||
      !insert_objects (worker, &resident_kind, snapshot->residents, error) ||
      !insert_objects (worker, &access_level_kind, snapshot->access_levels, error))
    goto rollback;

  rooms_sql = insert_sql (&resident_room_kind, TRUE);
  if ((stmt = concierge_sqlite_worker_prepare (worker, rooms_sql, error)) == NULL)
    goto rollback;
  for (guint i = 0; i < snapshot->residents->len; i++)
    if (!insert_resident_rooms (worker, stmt, g_ptr_array_index (snapshot->residents, i), error))
      goto rollback;
  g_clear_pointer (&stmt, sqlite3_finalize);

  last_refreshed = g_strdup_printf ("%" G_GINT64_FORMAT, snapshot->last_refreshed);
  if (!write_meta (worker, "last-refreshed", last_refreshed, error) ||
      !write_meta (worker, "search-key-version", SEARCH_KEY_VERSION, error))
    goto rollback;

  return concierge_sqlite_worker_commit (worker, error);

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  concierge_sqlite_worker_rollback (worker);
  return FALSE;
}

/* Reads a table in its order. For residents, also their cached search
 * keys (when @keys_valid), and whether one was saved after the last
 * refresh (@appended), which puts the order in question. */
static gboolean
read_objects (ConciergeSqliteWorker  *worker,
              const Kind             *kind,
              GPtrArray              *objects,
              gboolean                keys_valid,
              gboolean               *appended,
              GError                **error)
{
  g_autofree char *sql = select_sql (kind, FALSE);
  sqlite3_stmt *stmt = concierge_sqlite_worker_prepare (worker, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GObject *object = read_object (stmt, 0, kind);
      int key = (int) kind->n_columns;

      if (kind->with_key && keys_valid && sqlite3_column_type (stmt, key) != SQLITE_NULL)
        {
          ResidentInfo *info = g_new0 (ResidentInfo, 1);

          info->search_key = g_strdup ((const char *) sqlite3_column_text (stmt, key));
          g_object_set_qdata_full (object, info_quark, info, resident_info_free);
        }
      if (kind->with_key && appended != NULL && sqlite3_column_int64 (stmt, key + 1) == APPENDED_POS)
        *appended = TRUE;
      g_ptr_array_add (objects, object);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      concierge_sqlite_worker_set_error (worker, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_resident_rooms (ConciergeSqliteWorker  *worker,
                     GPtrArray              *residents,
                     GError                **error)
{
  g_autofree char *sql = select_sql (&resident_room_kind, TRUE);
  g_autoptr(GHashTable) rooms = NULL;
  sqlite3_stmt *stmt = concierge_sqlite_worker_prepare (worker, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  /* person ID -> GListStore of HccRoom */
  rooms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *person_id = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GObject) room = read_object (stmt, 1, &resident_room_kind);
      GListStore *store;

      if (person_id == NULL)
        continue;
      if ((store = g_hash_table_lookup (rooms, person_id)) == NULL)
        {
          store = g_list_store_new (HCC_TYPE_ROOM);
          g_hash_table_insert (rooms, g_strdup (person_id), store);
        }
      g_list_store_append (store, room);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      concierge_sqlite_worker_set_error (worker, error);
      return FALSE;
    }

  for (guint i = 0; i < residents->len; i++)
    {
      HccResident *resident = g_ptr_array_index (residents, i);
      GListStore *store = g_hash_table_lookup (rooms, hcc_resident_get_id (resident));

      if (store != NULL)
        hcc_resident_set_rooms (resident, G_LIST_MODEL (store));
    }

  return TRUE;
}

/* (nullable) the meta value of @key. */
static gboolean
read_meta (ConciergeSqliteWorker  *worker,
           const char             *key,
           char                  **value,
           GError                **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = concierge_sqlite_worker_prepare (worker, "SELECT value FROM meta WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;

  *value = NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      concierge_sqlite_worker_set_error (worker, error);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Jobs                                                                 */

static void
free_run (ConciergeSqliteWorker  *worker,
          sqlite3                *db,
          gpointer                data,
          GError                **error)
{
  /* The last references of the items a refresh did not keep: finalized
   * here rather than in one stretch on the main thread. The empty shell
   * goes on the main thread. */
  snapshot_free (snapshot_take (data));
}

static void
free_on_worker (ConciergeDirectory *self,
                Snapshot           *snapshot)
{
  if (snapshot == NULL)
    return;

  if (self->worker == NULL)
    snapshot_free (snapshot);
  else
    concierge_sqlite_worker_push (self->worker, CONCIERGE_SQLITE_JOB_NO_DB, free_run, NULL,
                                  snapshot, (GDestroyNotify) snapshot_free, NULL);
}

/* ------------------------------------------------------------------ */
/* Models (main thread)                                                 */

static gboolean
column_equal (const Column *column,
              gpointer      a,
              gpointer      b)
{
  GDateTime *x, *y;

  switch (column->kind)
    {
    case COLUMN_TEXT:
      return g_strcmp0 (((GetText) column->get) (a), ((GetText) column->get) (b)) == 0;

    case COLUMN_INT:
    case COLUMN_BOOL:
      return ((GetInt) column->get) (a) == ((GetInt) column->get) (b);

    case COLUMN_TIME:
      x = ((GetTime) column->get) (a);
      y = ((GetTime) column->get) (b);
      return x == y || (x != NULL && y != NULL && g_date_time_equal (x, y));

    default:
      g_assert_not_reached ();
    }
}

static void
column_copy (const Column *column,
             gpointer      to,
             gpointer      from)
{
  if (column_equal (column, to, from))
    return;

  switch (column->kind)
    {
    case COLUMN_TEXT:
      ((SetText) column->set) (to, ((GetText) column->get) (from));
      break;

    case COLUMN_INT:
    case COLUMN_BOOL:
      ((SetInt) column->set) (to, ((GetInt) column->get) (from));
      break;

    case COLUMN_TIME:
      ((SetTime) column->set) (to, ((GetTime) column->get) (from));
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
rooms_equal (GListModel *a,
             GListModel *b)
{
  guint n = a != NULL ? g_list_model_get_n_items (a) : 0;

  if (n != (b != NULL ? g_list_model_get_n_items (b) : 0))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      for (guint c = 0; c < G_N_ELEMENTS (room_columns); c++)
        if (!column_equal (&room_columns[c], x, y))
          return FALSE;
    }

  return TRUE;
}

static GListModel *
copy_rooms (GListModel *rooms)
{
  GListStore *copy = g_list_store_new (HCC_TYPE_ROOM);
  guint n = rooms != NULL ? g_list_model_get_n_items (rooms) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) room = g_list_model_get_item (rooms, i);
      g_autoptr(GObject) room_copy = g_object_new (HCC_TYPE_ROOM, NULL);

      for (guint c = 0; c < G_N_ELEMENTS (room_columns); c++)
        column_copy (&room_columns[c], room_copy, room);
      g_list_store_append (copy, room_copy);
    }

  return G_LIST_MODEL (copy);
}

/* Copies every cached value of @from into @to, only where it differs:
 * the setters notify, and rows bound to @to update in place. */
static void
copy_values (gpointer    to,
             gpointer    from,
             const Kind *kind)
{
  for (guint i = 0; i < kind->n_columns; i++)
    column_copy (&kind->columns[i], to, from);

  if (HCC_IS_RESIDENT (to) &&
      !rooms_equal (hcc_resident_get_rooms (to), hcc_resident_get_rooms (from)))
    {
      g_autoptr(GListModel) rooms = copy_rooms (hcc_resident_get_rooms (from));

      hcc_resident_set_rooms (to, rooms);
    }
}

/* Gives @to the search key of @from, for the cache. */
static void
copy_info (HccResident *to,
           HccResident *from)
{
  ResidentInfo *info = g_object_get_qdata (G_OBJECT (from), info_quark);
  ResidentInfo *copy;

  if (info == NULL)
    return;

  copy = g_new0 (ResidentInfo, 1);
  copy->search_key = g_strdup (info->search_key);
  copy->room_ids = g_strdupv (info->room_ids);
  g_object_set_qdata_full (G_OBJECT (to), info_quark, copy, resident_info_free);
}

static HccResident *
copy_resident (HccResident *resident)
{
  HccResident *copy = hcc_resident_new ();

  copy_values (copy, resident, &resident_kind);
  return copy;
}

/* Replaces the content of @store with @fresh (sorted), keeping the items
 * whose ID is already there (their values updated in place) and emitting
 * one items-changed for the range that differs: a refresh that changes
 * nothing touches no row, selection or scroll position. */
/* Replaces the content of @store with @fresh (sorted, one item per ID),
 * keeping the items whose ID is already there (their values updated in
 * place when their fingerprint differs) and emitting one items-changed for
 * the range that differs: a refresh that changes nothing touches no row,
 * selection or scroll position. @index, when given, maps the IDs of the
 * store's items and is kept up to date. */
static void
apply_list (GListStore *store,
            GPtrArray  *fresh,
            const Kind *kind,
            GHashTable *index)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) own_index = NULL;
  g_autoptr(GPtrArray) old = g_ptr_array_new_full (n_old, g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (fresh->len, g_object_unref);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTable *old_by_id = index;
  gboolean spliced = FALSE;
  guint prefix = 0;
  guint suffix = 0;

  if (old_by_id == NULL)
    old_by_id = own_index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_old; i++)
    {
      GObject *item = g_list_model_get_item (model, i);

      g_ptr_array_add (old, item);
      if (own_index != NULL && object_id (item) != NULL)
        g_hash_table_insert (own_index, (gpointer) object_id (item), item);
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      GObject *item = g_ptr_array_index (fresh, i);
      GObject *existing = g_hash_table_lookup (old_by_id, object_id (item));
      gpointer known, fetched;

      if (existing == NULL)
        {
          g_ptr_array_add (items, g_object_ref (item));
          continue;
        }

      g_ptr_array_add (items, g_object_ref (existing));
      known = g_object_get_qdata (existing, fingerprint_quark);
      fetched = g_object_get_qdata (item, fingerprint_quark);
      if (known != NULL && known == fetched)
        continue;

      copy_values (existing, item, kind);
      g_object_set_qdata (existing, fingerprint_quark, fetched);
      if (kind == &resident_kind)
        {
          ResidentInfo *info = g_object_steal_qdata (item, info_quark);

          if (info != NULL)
            g_object_set_qdata_full (existing, info_quark, info, resident_info_free);
        }
      {
        guint position = items->len - 1;

        g_array_append_val (changed, position);
      }
    }

  while (prefix < old->len && prefix < items->len &&
         old->pdata[prefix] == items->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < items->len - prefix &&
         old->pdata[old->len - 1 - suffix] == items->pdata[items->len - 1 - suffix])
    suffix++;

  if (prefix != old->len || prefix != items->len)
    {
      g_list_store_splice (store, prefix, old->len - prefix - suffix,
                           items->pdata + prefix, items->len - prefix - suffix);
      spliced = TRUE;
    }

  /* An item changed in place must be seen by the filters and sorters over
   * the model (they do not watch notify::): replace it by itself, which
   * keeps it selected. Many changes go as one range. */
  if (changed->len > 64)
    {
      guint first = g_array_index (changed, guint, 0);
      guint last = g_array_index (changed, guint, changed->len - 1);

      g_list_store_splice (store, first, last - first + 1, items->pdata + first, last - first + 1);
    }
  else
    for (guint i = 0; i < changed->len; i++)
      {
        guint position = g_array_index (changed, guint, i);

        if (!spliced || position < prefix || position >= items->len - suffix)
          g_list_store_splice (store, position, 1, items->pdata + position, 1);
      }

  /* The same items in the same order: the index is still right. */
  if (index != NULL && spliced)
    {
      g_hash_table_remove_all (index);
      for (guint i = 0; i < items->len; i++)
        g_hash_table_insert (index, (gpointer) object_id (items->pdata[i]), items->pdata[i]);
    }
}

static void
set_last_refreshed_usec (ConciergeDirectory *self,
                         gint64              usec)
{
  g_autoptr(GDateTime) time = usec != 0 ? concierge_sqlite_time_from_usec (usec) : NULL;

  if (time == NULL && self->last_refreshed == NULL)
    return;
  if (time != NULL && self->last_refreshed != NULL &&
      g_date_time_equal (time, self->last_refreshed))
    return;

  g_clear_pointer (&self->last_refreshed, g_date_time_unref);
  self->last_refreshed = g_steal_pointer (&time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REFRESHED]);
}

static void
set_refresh_error (ConciergeDirectory *self,
                   const char         *message)
{
  if (g_strcmp0 (self->refresh_error, message) == 0)
    return;

  g_free (self->refresh_error);
  self->refresh_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_ERROR]);
}

static void
apply_snapshot (ConciergeDirectory *self,
                Snapshot           *snapshot)
{
  gint64 start = g_get_monotonic_time ();

  apply_list (self->buildings, snapshot->buildings, &building_kind, NULL);
  apply_list (self->rooms, snapshot->rooms, &room_kind, self->rooms_by_id);
  apply_list (self->access_levels, snapshot->access_levels, &access_level_kind, NULL);
  apply_list (self->residents, snapshot->residents, &resident_kind, self->residents_by_id);
  set_last_refreshed_usec (self, snapshot->last_refreshed);

  g_debug ("Filled the models with %u residents in %.1f ms",
           snapshot->residents->len, (g_get_monotonic_time () - start) / 1000.0);
}

/* ------------------------------------------------------------------ */
/* Load                                                                 */

static void
load_run (ConciergeSqliteWorker  *worker,
          sqlite3                *db,
          gpointer                data,
          GError                **error)
{
  Snapshot *snapshot = data;
  g_autofree char *key_version = NULL;
  g_autofree char *last_refreshed = NULL;
  gboolean keys_valid;
  gboolean appended = FALSE;
  gint64 start = g_get_monotonic_time ();

  if (!read_meta (worker, "search-key-version", &key_version, error) ||
      !read_meta (worker, "last-refreshed", &last_refreshed, error))
    return;
  keys_valid = g_strcmp0 (key_version, SEARCH_KEY_VERSION) == 0;
  snapshot->last_refreshed = last_refreshed != NULL ? g_ascii_strtoll (last_refreshed, NULL, 10) : 0;

  if (!read_objects (worker, &building_kind, snapshot->buildings, FALSE, NULL, error) ||
      !read_objects (worker, &room_kind, snapshot->rooms, FALSE, NULL, error) ||
      !read_objects (worker, &resident_kind, snapshot->residents, keys_valid, &appended, error) ||
      !read_objects (worker, &access_level_kind, snapshot->access_levels, FALSE, NULL, error) ||
      !read_resident_rooms (worker, snapshot->residents, error))
    return;

  g_debug ("Read %u residents from the cache in %.1f ms", snapshot->residents->len,
           (g_get_monotonic_time () - start) / 1000.0);

  /* The cache is written in the models' order with the keys computed:
   * only a resident saved since the last refresh, or keys of an older
   * Concierge, cost more than the reading. */
  start = g_get_monotonic_time ();
  if (appended)
    sort_objects (snapshot->residents);
  for (guint i = 0; i < snapshot->residents->len; i++)
    {
      HccResident *resident = g_ptr_array_index (snapshot->residents, i);
      ResidentInfo *info = g_object_get_qdata (G_OBJECT (resident), info_quark);

      if (info == NULL)
        index_resident (resident);
      else
        info->room_ids = room_ids_of (resident);
    }
  fingerprint_all (snapshot->buildings, &building_kind);
  fingerprint_all (snapshot->rooms, &room_kind);
  fingerprint_all (snapshot->residents, &resident_kind);
  fingerprint_all (snapshot->access_levels, &access_level_kind);
  g_debug ("Sorted (%s) and indexed them in %.1f ms", appended ? "yes" : "no",
           (g_get_monotonic_time () - start) / 1000.0);
}

static void
load_done (GObject *owner,
           GTask   *task,
           gpointer data,
           GError  *error)
{
  ConciergeDirectory *self = g_task_get_source_object (task);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A refresh that finished first has newer data than the cache had. */
  if (!self->refreshed && !self->closed)
    apply_snapshot (self, data);
  free_on_worker (self, snapshot_take (data));

  g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------ */
/* Refresh                                                              */

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancel_source != NULL)
    {
      g_source_destroy (waiter->cancel_source);
      g_source_unref (waiter->cancel_source);
    }
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static void
refresh_op_free (RefreshOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->cancellable);
  g_clear_pointer (&op->waiters, g_ptr_array_unref);
  g_clear_pointer (&op->snapshot, snapshot_free);
  g_free (op);
}

/* The directory changes slowly (people move in and out), so a background
 * refresh every hour keeps it fresh at a cost of a few dozen requests in
 * the background lane. After a failure it tries again sooner. */
#define DEFAULT_REFRESH_INTERVAL 3600
#define RETRY_INTERVAL 300

static gboolean
auto_refresh_cb (gpointer user_data);

static void
schedule_refresh (ConciergeDirectory *self,
                  guint               seconds)
{
  g_clear_handle_id (&self->auto_refresh_id, g_source_remove);

  if (self->closed || self->client == NULL || seconds == 0)
    return;

  self->auto_refresh_id = g_timeout_add_seconds (seconds, auto_refresh_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->auto_refresh_id),
                            "[concierge] directory background refresh");
}

/* Ends @op: every caller waiting on it gets @error (or TRUE). */
static void
refresh_op_finish (RefreshOp *op,
                   GError    *error)
{
  ConciergeDirectory *self = op->self;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&op->waiters);

  gboolean was_current = self->refresh == op;

  if (was_current)
    self->refresh = NULL;

  if (error == NULL)
    set_refresh_error (self, NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Refreshing the directory failed: %s", error->message);
      set_refresh_error (self, error->message);
    }

  if (was_current)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);

  /* The next background refresh counts from the end of this one. */
  if (error == NULL)
    schedule_refresh (self, self->refresh_interval);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    schedule_refresh (self, self->refresh_interval != 0 ? MIN (self->refresh_interval, RETRY_INTERVAL) : 0);

  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (waiter->task, g_error_copy (error));
      else
        g_task_return_boolean (waiter->task, TRUE);
    }

  refresh_op_free (op);
}

static gboolean
refresh_op_fail (RefreshOp *op,
                 GError    *error)
{
  refresh_op_finish (op, error);
  g_error_free (error);
  return FALSE;
}

/* With no database to write to, the snapshot is still prepared: the
 * models follow the platform even when the cache cannot be written. */
static void
store_run (ConciergeSqliteWorker  *worker,
           sqlite3                *db,
           gpointer                data,
           GError                **error)
{
  RefreshOp *op = data;
  Snapshot *snapshot = op->snapshot;
  gint64 start = g_get_monotonic_time ();

  prepare_snapshot (snapshot, TRUE);
  g_debug ("Merged, sorted and indexed %u residents in %.1f ms", snapshot->residents->len,
           (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  if (concierge_sqlite_worker_get_db (worker, error) != NULL)
    write_snapshot (worker, snapshot, error);
  g_debug ("Wrote the directory cache in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

static void
store_done (GObject *owner,
            GTask   *task,
            gpointer data,
            GError  *error)
{
  RefreshOp *op = data;
  ConciergeDirectory *self = op->self;

  if (g_cancellable_is_cancelled (op->cancellable) || self->closed)
    {
      g_clear_error (&error);
      refresh_op_fail (op, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                _("The refresh was cancelled")));
      return;
    }

  /* The models follow the platform even when the cache could not be
   * written: the desk works from what it just fetched. */
  self->refreshed = TRUE;
  apply_snapshot (self, op->snapshot);
  free_on_worker (self, g_steal_pointer (&op->snapshot));

  if (error != NULL)
    refresh_op_fail (op, error);
  else
    refresh_op_finish (op, NULL);
}

static void
access_levels_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RefreshOp *op = user_data;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GError *error = NULL;

  if (!(levels = hcc_access_levels_list_finish (HCC_CLIENT (source), result, &error)))
    {
      refresh_op_fail (op, error);
      return;
    }

  take_model (op->snapshot->access_levels, &levels);
  op->snapshot->last_refreshed = concierge_sqlite_time_to_usec (now);

  /* Merging 10,000 residents, sorting them and writing the cache is no
   * work for the main loop: the worker does it, then the models follow.
   * The refresh owns @op and frees it when it ends. */
  concierge_sqlite_worker_push (op->self->worker, CONCIERGE_SQLITE_JOB_NO_DB, store_run, store_done,
                                op, NULL, NULL);
}

static void
residents_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RefreshOp *op = user_data;
  GError *error = NULL;

  op->snapshot->listed_residents = hcc_directory_search_residents_finish (HCC_CLIENT (source),
                                                                          result, &error);
  if (op->snapshot->listed_residents == NULL)
    {
      refresh_op_fail (op, error);
      return;
    }

  hcc_access_levels_list_async (op->self->client, op->cancellable, access_levels_cb, op);
}

static void
rooms_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RefreshOp *op = user_data;
  GError *error = NULL;

  op->snapshot->listed_rooms = hcc_directory_list_rooms_finish (HCC_CLIENT (source), result, &error);
  if (op->snapshot->listed_rooms == NULL)
    {
      refresh_op_fail (op, error);
      return;
    }

  /* Every resident of the site, without a name filter. */
  hcc_directory_search_residents_async (op->self->client, NULL, NULL, op->cancellable,
                                        residents_cb, op);
}

static void
buildings_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RefreshOp *op = user_data;
  g_autoptr(GListModel) buildings = NULL;
  GError *error = NULL;

  if (!(buildings = hcc_directory_list_buildings_finish (HCC_CLIENT (source), result, &error)))
    {
      refresh_op_fail (op, error);
      return;
    }

  take_model (op->snapshot->buildings, &buildings);
  /* One listing of every room of the site rather than one per building:
   * RoomVO carries its buildId, and a site of many small buildings would
   * otherwise spend a request per building. */
  hcc_directory_list_rooms_async (HCC_CLIENT (source), NULL, op->cancellable, rooms_cb, op);
}

static gboolean
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  RefreshOp *op = waiter->op;
  ConciergeDirectory *self = op->self;

  /* This caller stops waiting; the refresh goes on for the others, and
   * stops when nobody waits for it any more. */
  g_task_return_error_if_cancelled (waiter->task);
  g_ptr_array_remove (op->waiters, waiter);
  if (op->waiters->len == 0)
    {
      /* Detached at once, so a new refresh starts afresh rather than
       * joining one that is being cancelled. */
      if (self->refresh == op)
        self->refresh = NULL;
      g_cancellable_cancel (op->cancellable);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
    }

  return G_SOURCE_REMOVE;
}

static void
add_waiter (RefreshOp *op,
            GTask     *task)
{
  Waiter *waiter = g_new0 (Waiter, 1);
  GCancellable *cancellable = g_task_get_cancellable (task);

  waiter->op = op;
  waiter->task = task;
  if (cancellable != NULL)
    {
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (waiter_cancelled_cb), waiter, NULL);
      g_source_set_static_name (waiter->cancel_source, "[concierge] directory refresh cancelled");
      g_source_attach (waiter->cancel_source, g_main_context_get_thread_default ());
    }

  g_ptr_array_add (op->waiters, waiter);
}

static void
auto_refresh_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The reason, if any, is in refresh-error for the views to show. */
  if (!concierge_directory_refresh_finish (CONCIERGE_DIRECTORY (source), result, &error))
    g_debug ("The background refresh failed: %s", error->message);
}

static gboolean
auto_refresh_cb (gpointer user_data)
{
  ConciergeDirectory *self = user_data;

  self->auto_refresh_id = 0;
  concierge_directory_refresh_async (self, NULL, auto_refresh_done_cb, NULL);

  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------ */
/* Incremental updates                                                  */

/* Runs @sql, which takes @text as its one parameter. */
static gboolean
exec_with_text (ConciergeSqliteWorker  *worker,
                const char             *sql,
                const char             *text,
                GError                **error)
{
  sqlite3_stmt *stmt = concierge_sqlite_worker_statement (worker, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  return concierge_sqlite_worker_step_done (worker, stmt, error);
}

/* A batch job: the worker runs it in a savepoint of its own, so a failure
 * leaves none of it in the cache. */
static void
write_run (ConciergeSqliteWorker  *worker,
           sqlite3                *db,
           gpointer                data,
           GError                **error)
{
  ResidentWrite *write = data;
  const char *person_id;
  GHashTableIter iter;
  gpointer key, value;

  person_id = write->resident != NULL ? hcc_resident_get_id (write->resident) : write->person_id;

  if (!exec_with_text (worker, "DELETE FROM residents WHERE id = ?", person_id, error) ||
      !exec_with_text (worker, "DELETE FROM resident_rooms WHERE person_id = ?", person_id, error))
    return;

  if (write->resident != NULL)
    {
      g_autofree char *sql = insert_sql (&resident_kind, FALSE);
      g_autofree char *rooms_sql = insert_sql (&resident_room_kind, TRUE);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(sqlite3_stmt) rooms_stmt = NULL;

      /* Appended: the next load sorts. */
      if ((stmt = concierge_sqlite_worker_prepare (worker, sql, error)) == NULL)
        return;
      sqlite3_bind_int64 (stmt, 1, APPENDED_POS);
      bind_object (stmt, 2, write->resident, &resident_kind);
      if (!concierge_sqlite_worker_step_done (worker, stmt, error) ||
          (rooms_stmt = concierge_sqlite_worker_prepare (worker, rooms_sql, error)) == NULL ||
          !insert_resident_rooms (worker, rooms_stmt, write->resident, error))
        return;
    }

  if (write->room_amounts != NULL)
    {
      sqlite3_stmt *stmt;

      stmt = concierge_sqlite_worker_statement (worker,
                                                "UPDATE rooms SET person_amount = ? WHERE id = ?",
                                                error);
      if (stmt == NULL)
        return;
      g_hash_table_iter_init (&iter, write->room_amounts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          sqlite3_bind_int64 (stmt, 1, GPOINTER_TO_INT (value));
          sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
          if (!concierge_sqlite_worker_step_done (worker, stmt, error))
            return;
        }
    }
}

/* Moves the room counts from @old_ids to @new_ids, so the rooms view shows
 * the right number of residents without a refresh. Records the changed
 * counts in @amounts for the cache. */
static void
recount_rooms (ConciergeDirectory *self,
               const char * const *old_ids,
               const char * const *new_ids,
               GHashTable         *amounts)
{
  for (guint i = 0; old_ids != NULL && old_ids[i] != NULL; i++)
    {
      HccRoom *room;

      if (new_ids != NULL && g_strv_contains (new_ids, old_ids[i]))
        continue;
      if ((room = g_hash_table_lookup (self->rooms_by_id, old_ids[i])) == NULL)
        continue;
      hcc_room_set_person_amount (room, MAX (0, hcc_room_get_person_amount (room) - 1));
      forget_fingerprint (room);
      g_hash_table_insert (amounts, g_strdup (old_ids[i]),
                           GINT_TO_POINTER (hcc_room_get_person_amount (room)));
    }

  for (guint i = 0; new_ids != NULL && new_ids[i] != NULL; i++)
    {
      HccRoom *room;

      if (old_ids != NULL && g_strv_contains (old_ids, new_ids[i]))
        continue;
      if ((room = g_hash_table_lookup (self->rooms_by_id, new_ids[i])) == NULL)
        continue;
      hcc_room_set_person_amount (room, hcc_room_get_person_amount (room) + 1);
      forget_fingerprint (room);
      g_hash_table_insert (amounts, g_strdup (new_ids[i]),
                           GINT_TO_POINTER (hcc_room_get_person_amount (room)));
    }
}

/* The position where @resident belongs in the sorted residents model. */
static guint
sorted_position (ConciergeDirectory *self,
                 HccResident        *resident)
{
  g_autofree char *key = sort_key (resident);
  guint low = 0;
  guint high = g_list_model_get_n_items (G_LIST_MODEL (self->residents));

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr(HccResident) other = g_list_model_get_item (G_LIST_MODEL (self->residents), mid);
      g_autofree char *other_key = sort_key (other);

      if (strcmp (other_key, key) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static void
remove_from_model (ConciergeDirectory *self,
                   HccResident        *resident)
{
  guint position;

  if (g_list_store_find (self->residents, resident, &position))
    g_list_store_remove (self->residents, position);
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
concierge_directory_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConciergeDirectory *self = CONCIERGE_DIRECTORY (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, concierge_directory_get_refreshing (self));
      break;

    case PROP_LAST_REFRESHED:
      g_value_set_boxed (value, self->last_refreshed);
      break;

    case PROP_REFRESH_ERROR:
      g_value_set_string (value, self->refresh_error);
      break;

    case PROP_REFRESH_INTERVAL:
      g_value_set_uint (value, self->refresh_interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_directory_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConciergeDirectory *self = CONCIERGE_DIRECTORY (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_REFRESH_INTERVAL:
      concierge_directory_set_refresh_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_directory_constructed (GObject *object)
{
  ConciergeDirectory *self = CONCIERGE_DIRECTORY (object);

  G_OBJECT_CLASS (concierge_directory_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = concierge_directory_default_path ();

  self->worker = concierge_sqlite_worker_new (object, self->path, &directory_schema);
}

static void
concierge_directory_dispose (GObject *object)
{
  ConciergeDirectory *self = CONCIERGE_DIRECTORY (object);

  g_clear_handle_id (&self->auto_refresh_id, g_source_remove);

  /* A refresh holds a reference, so none is in flight here. The worker
   * runs what is queued, closes the database and ends by itself. */
  if (self->worker != NULL)
    concierge_sqlite_worker_stop (self->worker);
  g_clear_object (&self->worker);
  self->closed = TRUE;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (concierge_directory_parent_class)->dispose (object);
}

static void
concierge_directory_finalize (GObject *object)
{
  ConciergeDirectory *self = CONCIERGE_DIRECTORY (object);

  g_clear_pointer (&self->rooms_by_id, g_hash_table_unref);
  g_clear_pointer (&self->residents_by_id, g_hash_table_unref);
  g_clear_object (&self->buildings);
  g_clear_object (&self->rooms);
  g_clear_object (&self->residents);
  g_clear_object (&self->access_levels);
  g_clear_pointer (&self->last_refreshed, g_date_time_unref);
  g_free (self->refresh_error);
  g_free (self->path);

  G_OBJECT_CLASS (concierge_directory_parent_class)->finalize (object);
}

static void
concierge_directory_class_init (ConciergeDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = concierge_directory_get_property;
  object_class->set_property = concierge_directory_set_property;
  object_class->constructed = concierge_directory_constructed;
  object_class->dispose = concierge_directory_dispose;
  object_class->finalize = concierge_directory_finalize;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         HCC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LAST_REFRESHED] =
    g_param_spec_boxed ("last-refreshed", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFRESH_INTERVAL] =
    g_param_spec_uint ("refresh-interval", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_REFRESH_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REFRESH_ERROR] =
    g_param_spec_string ("refresh-error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  info_quark = g_quark_from_static_string (INFO_KEY);
  fingerprint_quark = g_quark_from_static_string ("concierge-directory-fingerprint");
}

static void
concierge_directory_init (ConciergeDirectory *self)
{
  self->buildings = g_list_store_new (HCC_TYPE_BUILDING);
  self->rooms = g_list_store_new (HCC_TYPE_ROOM);
  self->residents = g_list_store_new (HCC_TYPE_RESIDENT);
  self->access_levels = g_list_store_new (HCC_TYPE_ACCESS_LEVEL);
  self->rooms_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->residents_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->refresh_interval = DEFAULT_REFRESH_INTERVAL;
}

/* ------------------------------------------------------------------ */
/* Public API                                                           */

char *
concierge_directory_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "concierge", "directory.db", NULL);
}

ConciergeDirectory *
concierge_directory_new (HccClient  *client,
                         const char *path)
{
  g_return_val_if_fail (client == NULL || HCC_IS_CLIENT (client), NULL);

  return g_object_new (CONCIERGE_TYPE_DIRECTORY,
                       "client", client,
                       "path", path,
                       NULL);
}

void
concierge_directory_load_async (ConciergeDirectory  *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CONCIERGE_IS_DIRECTORY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, concierge_directory_load_async);

  if (self->closed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               _("The directory cache is closed"));
      return;
    }

  concierge_sqlite_worker_push (self->worker, CONCIERGE_SQLITE_JOB_DEFAULT, load_run, load_done,
                                snapshot_new (), (GDestroyNotify) snapshot_free,
                                g_steal_pointer (&task));
}

gboolean
concierge_directory_load_finish (ConciergeDirectory  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == concierge_directory_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
concierge_directory_refresh_async (ConciergeDirectory  *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RefreshOp *op;

  g_return_if_fail (CONCIERGE_IS_DIRECTORY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, concierge_directory_refresh_async);

  if (self->closed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               _("The directory cache is closed"));
      return;
    }

  if (self->client == NULL)
    {
      /* Offline: the cached directory stays, and says why it is old. */
      set_refresh_error (self, _("Not connected to the platform: the directory cannot be refreshed"));
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED, "%s",
                               self->refresh_error);
      return;
    }

  /* A second call joins the refresh in flight. */
  if (self->refresh != NULL)
    {
      add_waiter (self->refresh, g_steal_pointer (&task));
      return;
    }

  op = g_new0 (RefreshOp, 1);
  op->self = g_object_ref (self);
  op->cancellable = g_cancellable_new ();
  op->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  op->snapshot = snapshot_new ();
  add_waiter (op, g_steal_pointer (&task));
  self->refresh = op;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);

  /* Every listing pages through the pager, which asks the scheduler for
   * the background lane: calls and door actions always go first. */
  hcc_directory_list_buildings_async (self->client, op->cancellable, buildings_cb, op);
}

gboolean
concierge_directory_refresh_finish (ConciergeDirectory  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == concierge_directory_refresh_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
concierge_directory_close_async (ConciergeDirectory  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CONCIERGE_IS_DIRECTORY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, concierge_directory_close_async);

  g_clear_handle_id (&self->auto_refresh_id, g_source_remove);

  if (self->refresh != NULL)
    g_cancellable_cancel (self->refresh->cancellable);

  if (self->closed)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Jobs run in order: the writes queued before this one finish first. */
  self->closed = TRUE;
  concierge_sqlite_worker_close (self->worker, g_steal_pointer (&task));
}

gboolean
concierge_directory_close_finish (ConciergeDirectory  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == concierge_directory_close_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
concierge_directory_get_refreshing (ConciergeDirectory *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), FALSE);

  return self->refresh != NULL;
}

GDateTime *
concierge_directory_get_last_refreshed (ConciergeDirectory *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);

  return self->last_refreshed;
}

const char *
concierge_directory_get_refresh_error (ConciergeDirectory *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);

  return self->refresh_error;
}

guint
concierge_directory_get_refresh_interval (ConciergeDirectory *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), 0);

  return self->refresh_interval;
}

void
concierge_directory_set_refresh_interval (ConciergeDirectory *self,
                                          guint               seconds)
{
  g_return_if_fail (CONCIERGE_IS_DIRECTORY (self));

  if (self->refresh_interval == seconds)
    return;

  self->refresh_interval = seconds;
  /* A timer already running counts from now with the new interval. */
  if (self->auto_refresh_id != 0 || seconds == 0)
    schedule_refresh (self, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_INTERVAL]);
}

HccClient *
concierge_directory_get_client (ConciergeDirectory *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);

  return self->client;
}

GListModel *
concierge_directory_get_buildings (ConciergeDirectory *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);

  return G_LIST_MODEL (self->buildings);
}

GListModel *
concierge_directory_get_rooms (ConciergeDirectory *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);

  return G_LIST_MODEL (self->rooms);
}

GListModel *
concierge_directory_get_residents (ConciergeDirectory *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);

  return G_LIST_MODEL (self->residents);
}

GListModel *
concierge_directory_get_access_levels (ConciergeDirectory *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);

  return G_LIST_MODEL (self->access_levels);
}

HccResident *
concierge_directory_lookup_resident (ConciergeDirectory *self,
                                     const char         *person_id)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);

  if (person_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->residents_by_id, person_id);
}

HccRoom *
concierge_directory_lookup_room (ConciergeDirectory *self,
                                 const char         *room_id)
{
  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);

  if (room_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->rooms_by_id, room_id);
}

const char *
concierge_directory_get_search_key (ConciergeDirectory *self,
                                    HccResident        *resident)
{
  ResidentInfo *info;

  g_return_val_if_fail (CONCIERGE_IS_DIRECTORY (self), NULL);
  g_return_val_if_fail (HCC_IS_RESIDENT (resident), NULL);

  /* Items of the model carry theirs; any other resident gets one now. */
  if ((info = g_object_get_qdata (G_OBJECT (resident), info_quark)) == NULL)
    info = index_resident (resident);

  return info->search_key;
}

void
concierge_directory_resident_saved (ConciergeDirectory *self,
                                    HccResident        *resident)
{
  g_autoptr(GHashTable) amounts = NULL;
  ResidentInfo *old_info;
  ResidentInfo *info;
  ResidentWrite *write;
  HccResident *item;
  const char *id;

  g_return_if_fail (CONCIERGE_IS_DIRECTORY (self));
  g_return_if_fail (HCC_IS_RESIDENT (resident));

  id = hcc_resident_get_id (resident);
  if (id == NULL || *id == '\0')
    {
      g_debug ("A saved resident without an ID is not cached");
      return;
    }

  amounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  item = g_hash_table_lookup (self->residents_by_id, id);

  if (item == NULL)
    {
      /* A new resident: a copy goes into the model, so the dialog that
       * saved it can go on editing its own object. */
      item = copy_resident (resident);
      info = index_resident (item);
      recount_rooms (self, NULL, (const char * const *) info->room_ids, amounts);
      g_list_store_insert (self->residents, sorted_position (self, item), item);
      g_hash_table_insert (self->residents_by_id, (gpointer) hcc_resident_get_id (item), item);
      g_object_unref (item);
    }
  else
    {
      g_auto(GStrv) old_ids = NULL;
      g_autoptr(HccResident) keep = g_object_ref (item);

      old_info = g_object_get_qdata (G_OBJECT (item), info_quark);
      old_ids = old_info != NULL ? g_strdupv (old_info->room_ids) : NULL;
      if (item != resident)
        copy_values (item, resident, &resident_kind);
      /* Edited here: the next refresh compares it value by value. */
      forget_fingerprint (item);
      info = index_resident (item);
      recount_rooms (self, (const char * const *) old_ids,
                     (const char * const *) info->room_ids, amounts);

      /* Removed and inserted again: the name may have moved it, and the
       * views' filters see the new search key. */
      remove_from_model (self, item);
      g_list_store_insert (self->residents, sorted_position (self, item), item);
    }

  if (self->closed)
    return;

  write = g_new0 (ResidentWrite, 1);
  write->resident = copy_resident (item);
  copy_info (write->resident, item);
  write->room_amounts = g_steal_pointer (&amounts);
  concierge_sqlite_worker_push (self->worker, CONCIERGE_SQLITE_JOB_BATCH, write_run, NULL,
                                write, resident_write_free, NULL);
}

void
concierge_directory_resident_removed (ConciergeDirectory *self,
                                      const char         *person_id,
                                      const char         *room_id)
{
  g_autoptr(GHashTable) amounts = NULL;
  g_autoptr(HccResident) item = NULL;
  ResidentWrite *write;
  ResidentInfo *info;

  g_return_if_fail (CONCIERGE_IS_DIRECTORY (self));
  g_return_if_fail (person_id != NULL);

  amounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  write = g_new0 (ResidentWrite, 1);
  write->person_id = g_strdup (person_id);

  if ((item = g_hash_table_lookup (self->residents_by_id, person_id)) != NULL)
    {
      g_auto(GStrv) old_ids = NULL;
      GListModel *rooms = hcc_resident_get_rooms (item);
      g_autoptr(GListStore) left = g_list_store_new (HCC_TYPE_ROOM);
      guint n = rooms != NULL ? g_list_model_get_n_items (rooms) : 0;

      g_object_ref (item);
      info = g_object_get_qdata (G_OBJECT (item), info_quark);
      old_ids = info != NULL ? g_strdupv (info->room_ids) : room_ids_of (item);

      if (room_id != NULL)
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(HccRoom) room = g_list_model_get_item (rooms, i);

            if (g_strcmp0 (hcc_room_get_id (room), room_id) != 0)
              g_list_store_append (left, room);
          }

      if (g_list_model_get_n_items (G_LIST_MODEL (left)) > 0)
        {
          /* Still a resident of another room. */
          hcc_resident_set_rooms (item, G_LIST_MODEL (left));
          forget_fingerprint (item);
          info = index_resident (item);
          recount_rooms (self, (const char * const *) old_ids,
                         (const char * const *) info->room_ids, amounts);
          remove_from_model (self, item);
          g_list_store_insert (self->residents, sorted_position (self, item), item);
          write->resident = copy_resident (item);
          copy_info (write->resident, item);
        }
      else
        {
          /* Deleted, or left their last room: no longer a resident. */
          recount_rooms (self, (const char * const *) old_ids, NULL, amounts);
          g_hash_table_remove (self->residents_by_id, person_id);
          remove_from_model (self, item);
        }
    }

  if (self->closed)
    {
      resident_write_free (write);
      return;
    }

  write->room_amounts = g_steal_pointer (&amounts);
  concierge_sqlite_worker_push (self->worker, CONCIERGE_SQLITE_JOB_BATCH, write_run, NULL,
                                write, resident_write_free, NULL);
}
