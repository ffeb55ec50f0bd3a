/* test-directory.c: the directory cache against an in-process hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the desk would notice: every building, room, resident and access
 * level of the site is in the models, one resident per person; the cache
 * gives the same directory back without a network, searchable without
 * accents; a big load does not hold up calls or door actions; edits show
 * at once and survive a restart; a failed refresh keeps what was there.
 */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "concierge-directory.h"
#include "test-hcc-services.h"

typedef struct {
  HccTestSim         *sim;
  HccClient          *client;
  ConciergeDirectory *directory;
  char               *tmpdir;
  char               *path;
} Fixture;

/* Accented names of the simulator's site and what a user types for them. */
static const struct {
  const char *name;
  const char *typed;
} accented[] = {
  { "José", "jose" },
  { "João", "joao" },
  { "António", "antonio" },
  { "Gonçalo", "goncalo" },
  { "Tomás", "tomas" },
  { "Amélie", "amelie" },
  { "Hélène", "HELENE" },
  { "Jérôme", "jerome" },
  { "Öztürk", "ozturk" },
  { "Çelik", "celik" },
  { "Åsa", "asa" },
  { "Linnéa", "linnea" },
  { "Lefèvre", "lefevre" },
  { "Bérenger", "berenger" },
  { "Noémie", "noemie" },
};

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static ConciergeDirectory *
open_directory (HccClient  *client,
                const char *path)
{
  g_autoptr(ConciergeDirectory) directory = concierge_directory_new (client, path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  concierge_directory_load_async (directory, NULL, result_cb, &slot);
  result = test_wait_result (&slot);
  g_assert_true (concierge_directory_load_finish (directory, result, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&directory);
}

static gboolean
refresh (ConciergeDirectory  *directory,
         GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  concierge_directory_refresh_async (directory, NULL, result_cb, &slot);
  /* Offline, it fails at once; else it runs until the platform answered. */
  g_assert_true (concierge_directory_get_refreshing (directory) ==
                 (concierge_directory_get_client (directory) != NULL));
  result = test_wait_result (&slot);
  g_assert_false (concierge_directory_get_refreshing (directory));

  return concierge_directory_refresh_finish (directory, result, error);
}

static void
close_directory (ConciergeDirectory *directory)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  concierge_directory_close_async (directory, NULL, result_cb, &slot);
  result = test_wait_result (&slot);
  g_assert_true (concierge_directory_close_finish (directory, result, &error));
  g_assert_no_error (error);
}

static void
fixture_setup_full (Fixture *fixture,
                    guint    residents,
                    guint    rate_limit)
{
  g_autoptr(GError) error = NULL;

  fixture->sim = hcc_test_sim_new (42, residents, FALSE);
  if (rate_limit != 0)
    hcc_test_sim_set_rate_limit (fixture->sim, rate_limit);
  fixture->client = test_client_new (fixture->sim);
  fixture->tmpdir = g_dir_make_tmp ("test-directory-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->tmpdir, "cache", "directory.db", NULL);
  fixture->directory = open_directory (fixture->client, fixture->path);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  /* The demo site; not a test of the request limit. */
  fixture_setup_full (fixture, 0, 100);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->directory != NULL)
    {
      close_directory (fixture->directory);
      g_assert_finalize_object (fixture->directory);
    }
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->sim, hcc_test_sim_free);
  remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->path);
}

/* The platform's own total for a vims listing, asked directly. */
static gint64
sim_total (HccTestSim *sim,
           const char *path,
           const char *body)
{
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_api (sim, path, token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "0");

  return hcc_test_json_get_int (reply, "data.totalNum");
}

#define SITE_CRITERIA "{\"areaId\":\"-1\",\"isContainSubArea\":1}"

static void
assert_counts_match_sim (ConciergeDirectory *directory,
                         HccTestSim         *sim)
{
  gint64 buildings = sim_total (sim, "/vims/v1/build/search",
                                "{\"pageNum\":1,\"pageSize\":1,\"searchCriteria\":" SITE_CRITERIA "}");
  gint64 rooms = sim_total (sim, "/vims/v1/room/search",
                            "{\"pageNum\":1,\"pageSize\":1,\"searchCriteria\":" SITE_CRITERIA "}");
  gint64 residents = sim_total (sim, "/vims/v1/person/search",
                                "{\"pageNum\":1,\"pageSize\":1,\"searchCriteria\":" SITE_CRITERIA "}");

  g_autoptr(JsonNode) status = NULL;
  guint code = 0;

  /* The simulator's own world agrees with its listings. */
  status = hcc_test_sim_control (sim, "GET", "/control/status", NULL, &code);
  g_assert_cmpuint (code, ==, 200);
  g_assert_cmpint (hcc_test_json_get_int (status, "counts.buildings"), ==, buildings);
  g_assert_cmpint (hcc_test_json_get_int (status, "counts.rooms"), ==, rooms);
  g_assert_cmpint (hcc_test_json_get_int (status, "counts.persons"), >=, residents);

  g_assert_cmpint (buildings, >, 0);
  g_assert_cmpint (rooms, >, 0);
  g_assert_cmpint (residents, >, 0);
  g_assert_cmpint (g_list_model_get_n_items (concierge_directory_get_buildings (directory)), ==, buildings);
  g_assert_cmpint (g_list_model_get_n_items (concierge_directory_get_rooms (directory)), ==, rooms);
  g_assert_cmpint (g_list_model_get_n_items (concierge_directory_get_residents (directory)), ==, residents);
  g_assert_cmpuint (g_list_model_get_n_items (concierge_directory_get_access_levels (directory)), >, 0);
}

/* The residents whose search key holds @typed folded, as a view filters. */
static GPtrArray *
search (ConciergeDirectory *directory,
        const char         *typed)
{
  GListModel *residents = concierge_directory_get_residents (directory);
  g_autofree char *folded = concierge_directory_fold (typed);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (residents); i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (residents, i);

      if (strstr (concierge_directory_get_search_key (directory, resident), folded) != NULL)
        g_ptr_array_add (found, g_steal_pointer (&resident));
    }

  return found;
}

static void
test_fold (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "José", "jose" },
    { "JOSÉ GARCÍA", "jose garcia" },
    { "Łódź", "lodz" },
    { "Ørsted", "orsted" },
    { "Straße", "strasse" },
    { "Çağla Öztürk", "cagla ozturk" },
    { "ﬁnn", "finn" },
    { "+33 6 12", "+33 6 12" },
    { "", "" },
  };
  g_autofree char *null_folded = concierge_directory_fold (NULL);
  g_autofree char *invalid = concierge_directory_fold ("ab\xff\xfe" "c");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = concierge_directory_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  g_assert_cmpstr (null_folded, ==, "");

  /* Latin letters fold through a table; a combining mark after one sends
   * the text through the Unicode tables instead. Both give the same. */
  for (gunichar c = 0x80; c < 0x250; c++)
    {
      char letter[8] = { 0 };
      g_autofree char *plain = NULL;
      g_autofree char *marked = NULL;
      g_autofree char *fast = NULL;
      g_autofree char *slow = NULL;

      g_unichar_to_utf8 (c, letter);
      plain = g_strconcat ("A", letter, "z", NULL);
      /* U+0300, a combining grave accent, which folds away. */
      marked = g_strconcat (plain, "\xcc\x80", NULL);
      fast = concierge_directory_fold (plain);
      slow = concierge_directory_fold (marked);
      g_assert_cmpstr (fast, ==, slow);
    }

  /* Bad UTF-8 from a cache or a server never crashes the search. */
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (invalid, "ab"));
}

static void
test_load_demo (Fixture       *fixture,
                gconstpointer  data)
{
  ConciergeDirectory *directory = fixture->directory;
  g_autoptr(GError) error = NULL;
  GListModel *residents = concierge_directory_get_residents (directory);
  GListModel *buildings = concierge_directory_get_buildings (directory);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* A new cache is empty, and was never refreshed. */
  g_assert_cmpuint (g_list_model_get_n_items (residents), ==, 0);
  g_assert_null (concierge_directory_get_last_refreshed (directory));

  g_assert_true (refresh (directory, &error));
  g_assert_no_error (error);
  g_assert_nonnull (concierge_directory_get_last_refreshed (directory));
  g_assert_null (concierge_directory_get_refresh_error (directory));
  assert_counts_match_sim (directory, fixture->sim);

  /* One item per person, every one with a room, found by ID. */
  for (guint i = 0; i < g_list_model_get_n_items (residents); i++)
    {
      g_autoptr(HccResident) resident = g_list_model_get_item (residents, i);
      const char *id = hcc_resident_get_id (resident);

      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      g_assert_true (concierge_directory_lookup_resident (directory, id) == resident);
      g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (resident)), >, 0);
    }

  /* Buildings sorted by name. */
  for (guint i = 1; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(HccBuilding) a = g_list_model_get_item (buildings, i - 1);
      g_autoptr(HccBuilding) b = g_list_model_get_item (buildings, i);

      g_assert_cmpint (g_utf8_collate (hcc_building_get_name (a), hcc_building_get_name (b)), <=, 0);
    }

  /* Rooms are found by ID, with their building's name. */
  {
    GListModel *rooms = concierge_directory_get_rooms (directory);
    g_autoptr(HccRoom) room = g_list_model_get_item (rooms, 0);

    g_assert_true (concierge_directory_lookup_room (directory, hcc_room_get_id (room)) == room);
    g_assert_nonnull (hcc_room_get_building_name (room));
    g_assert_null (concierge_directory_lookup_room (directory, "no such room"));
  }
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  (*changes)++;
}

static void
test_refresh_keeps_items (Fixture       *fixture,
                          gconstpointer  data)
{
  ConciergeDirectory *directory = fixture->directory;
  GListModel *residents = concierge_directory_get_residents (directory);
  g_autoptr(GError) error = NULL;
  g_autoptr(HccResident) first = NULL;
  guint changes = 0;

  g_assert_true (refresh (directory, &error));
  first = g_list_model_get_item (residents, 0);

  /* A second refresh of an unchanged site changes no row: list views keep
   * their selection and scroll position. */
  g_signal_connect (residents, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  g_assert_true (refresh (directory, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 0);
  {
    g_autoptr(HccResident) again = g_list_model_get_item (residents, 0);

    g_assert_true (again == first);
  }
  g_signal_handlers_disconnect_by_func (residents, count_changes_cb, &changes);

  /* Someone renames the resident on the platform (another desk, the
   * portal): the next refresh changes that item in place, and tells the
   * filters over the model. */
  {
    g_autoptr(HccResident) renamed = hcc_resident_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) found = NULL;
    GAsyncResult *slot = NULL;
    guint position = G_MAXUINT;

    hcc_resident_set_id (renamed, hcc_resident_get_id (first));
    hcc_resident_set_first_name (renamed, "Zéphyrin");
    hcc_resident_set_last_name (renamed, hcc_resident_get_last_name (first));
    hcc_resident_set_email (renamed, hcc_resident_get_email (first));
    hcc_resident_set_phone (renamed, hcc_resident_get_phone (first));
    hcc_resident_set_start_time (renamed, hcc_resident_get_start_time (first));
    hcc_resident_set_end_time (renamed, hcc_resident_get_end_time (first));
    hcc_resident_set_rooms (renamed, hcc_resident_get_rooms (first));
    hcc_directory_update_resident_async (fixture->client, renamed, NULL, NULL, result_cb, &slot);
    result = test_wait_result (&slot);
    g_assert_true (hcc_directory_update_resident_finish (fixture->client, result, &error));
    g_assert_no_error (error);

    changes = 0;
    g_signal_connect (residents, "items-changed", G_CALLBACK (count_changes_cb), &changes);
    g_assert_true (refresh (directory, &error));
    g_assert_no_error (error);
    g_signal_handlers_disconnect_by_func (residents, count_changes_cb, &changes);

    g_assert_true (concierge_directory_lookup_resident (directory, hcc_resident_get_id (first)) == first);
    g_assert_cmpstr (hcc_resident_get_first_name (first), ==, "Zéphyrin");
    g_assert_true (g_list_store_find (G_LIST_STORE (residents), first, &position));
    g_assert_cmpuint (changes, >=, 1);
    found = search (directory, "zephyrin");
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_true (g_ptr_array_index (found, 0) == first);
  }
}

static void
test_cache_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConciergeDirectory) offline = NULL;
  g_autoptr(GDateTime) refreshed = NULL;
  GListModel *online_residents;
  GListModel *offline_residents;
  guint n_found = 0;

  g_assert_true (refresh (fixture->directory, &error));
  g_assert_no_error (error);
  refreshed = g_date_time_ref (concierge_directory_get_last_refreshed (fixture->directory));
  close_directory (fixture->directory);

  /* "After a restart", without a network. */
  offline = open_directory (NULL, fixture->path);
  g_assert_null (concierge_directory_get_client (offline));
  assert_counts_match_sim (offline, fixture->sim);
  g_assert_nonnull (concierge_directory_get_last_refreshed (offline));
  g_assert_true (g_date_time_equal (concierge_directory_get_last_refreshed (offline), refreshed));

  /* The same residents, in the same order, with the same values. */
  online_residents = concierge_directory_get_residents (fixture->directory);
  offline_residents = concierge_directory_get_residents (offline);
  for (guint i = 0; i < g_list_model_get_n_items (online_residents); i++)
    {
      g_autoptr(HccResident) a = g_list_model_get_item (online_residents, i);
      g_autoptr(HccResident) b = g_list_model_get_item (offline_residents, i);

      g_assert_cmpstr (hcc_resident_get_id (a), ==, hcc_resident_get_id (b));
      g_assert_cmpstr (hcc_resident_get_first_name (a), ==, hcc_resident_get_first_name (b));
      g_assert_cmpstr (hcc_resident_get_last_name (a), ==, hcc_resident_get_last_name (b));
      g_assert_cmpstr (hcc_resident_get_email (a), ==, hcc_resident_get_email (b));
      g_assert_cmpstr (hcc_resident_get_phone (a), ==, hcc_resident_get_phone (b));
      g_assert_cmpint (hcc_resident_get_expired (a), ==, hcc_resident_get_expired (b));
      g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (a)), ==,
                        g_list_model_get_n_items (hcc_resident_get_rooms (b)));
      g_assert_cmpstr (concierge_directory_get_search_key (fixture->directory, a), ==,
                       concierge_directory_get_search_key (offline, b));
      if ((hcc_resident_get_start_time (a) == NULL) != (hcc_resident_get_start_time (b) == NULL))
        g_assert_not_reached ();
      if (hcc_resident_get_end_time (a) != NULL)
        g_assert_true (g_date_time_equal (hcc_resident_get_end_time (a), hcc_resident_get_end_time (b)));
    }

  /* Offline search, typed without accents, finds the accented names. */
  for (guint i = 0; i < G_N_ELEMENTS (accented); i++)
    {
      g_autoptr(GPtrArray) found = search (offline, accented[i].typed);
      gboolean has_name = FALSE;

      for (guint k = 0; k < found->len; k++)
        {
          HccResident *resident = g_ptr_array_index (found, k);

          if (strstr (hcc_resident_get_first_name (resident), accented[i].name) != NULL ||
              strstr (hcc_resident_get_last_name (resident), accented[i].name) != NULL)
            has_name = TRUE;
        }

      /* Whoever has the name is found by the unaccented text. */
      for (guint k = 0; k < g_list_model_get_n_items (offline_residents); k++)
        {
          g_autoptr(HccResident) resident = g_list_model_get_item (offline_residents, k);

          if (g_strcmp0 (hcc_resident_get_first_name (resident), accented[i].name) == 0 ||
              g_strcmp0 (hcc_resident_get_last_name (resident), accented[i].name) == 0)
            {
              g_assert_true (has_name);
              n_found++;
            }
        }
    }
  g_test_message ("%u residents with accented names found offline", n_found);
  g_assert_cmpuint (n_found, >, 0);

  close_directory (offline);
}

static void
exec_on_cache (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Keys of another fold (an older Concierge) are
 * computed on load; a cache of a newer Concierge is refused untouched. */
static void
test_cache_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConciergeDirectory) directory = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GAsyncResult *slot = NULL;
  guint n;

  g_assert_true (refresh (fixture->directory, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (concierge_directory_get_residents (fixture->directory));
  close_directory (fixture->directory);

  exec_on_cache (fixture->path, "UPDATE residents SET search_key = 'stale';"
                                "UPDATE meta SET value = '0' WHERE key = 'search-key-version';");
  directory = open_directory (NULL, fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (concierge_directory_get_residents (directory)), ==, n);
  for (guint i = 0; i < G_N_ELEMENTS (accented) && (found == NULL || found->len == 0); i++)
    {
      g_clear_pointer (&found, g_ptr_array_unref);
      found = search (directory, accented[i].typed);
    }
  g_assert_cmpuint (found->len, >, 0);
  close_directory (directory);
  g_clear_object (&directory);

  /* A damaged file is moved aside, and the desk starts with an empty
   * cache rather than none. */
  {
    g_autofree char *aside = g_strconcat (fixture->path, ".damaged", NULL);
    g_autoptr(ConciergeDirectory) fresh = NULL;

    g_assert_true (g_file_set_contents (fixture->path, "this is not a database, it is a shopping list\n"
                                        "milk\neggs\nbread\nbutter\ncheese\napples\npears\n"
                                        "rice\npasta\ntomatoes\nonions\ngarlic\n", -1, NULL));
    fresh = open_directory (NULL, fixture->path);
    g_assert_cmpuint (g_list_model_get_n_items (concierge_directory_get_residents (fresh)), ==, 0);
    g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
    close_directory (fresh);
  }

  exec_on_cache (fixture->path, "PRAGMA user_version = 99");
  directory = concierge_directory_new (NULL, fixture->path);
  concierge_directory_load_async (directory, NULL, result_cb, &slot);
  result = test_wait_result (&slot);
  g_assert_false (concierge_directory_load_finish (directory, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpuint (g_list_model_get_n_items (concierge_directory_get_residents (directory)), ==, 0);
  g_clear_object (&result);
  close_directory (directory);
}

typedef struct {
  gint64  injected;
  gint64  arrived;
  char   *record_id;
} CallWait;

static void
call_incoming_cb (HccEventStream *stream,
                  HccCall        *call,
                  CallWait       *wait)
{
  if (wait->arrived == 0)
    wait->arrived = g_get_monotonic_time ();
}

static gboolean
call_arrived (gpointer data)
{
  return ((CallWait *) data)->arrived != 0;
}

static gboolean
stream_online (gpointer data)
{
  return hcc_event_stream_get_state (data) == HCC_EVENT_STREAM_STATE_ONLINE;
}

typedef struct {
  gint64      sent;
  gint64      done;
  GListModel *results;
  GError     *error;
} DoorWait;

static void
door_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DoorWait *wait = user_data;

  wait->results = hcc_doors_control_finish (HCC_CLIENT (source), result, &wait->error);
  wait->done = g_get_monotonic_time ();
}

static gboolean
door_done (gpointer data)
{
  return ((DoorWait *) data)->done != 0;
}

static gboolean
residents_requested (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) searches = test_requests_for (fixture->sim, "/vims/v1/person/search");

  return searches->len >= 3;
}

static char *
first_door_id (HccTestSim *sim)
{
  g_autofree char *token = hcc_test_sim_login (sim);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;
  JsonNode *list;

  reply = hcc_test_sim_api (sim, "/resource/v1/areas/doors/get", token,
                            "{\"pageIndex\":1,\"pageSize\":10,\"filter\":{\"includeSubArea\":\"1\",\"areaID\":\"-1\"}}",
                            &status);
  g_assert_cmpuint (status, ==, 200);
  list = hcc_test_json_get (reply, "data.door");
  g_assert_nonnull (list);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), >, 0);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (json_node_get_array (list), 0), "id"));
}

/* 10,000 residents at the platform's 5 requests a second: everything
 * loads, and a call and a door action made meanwhile are not held up. */
static void
test_load_10000 (void)
{
  Fixture fixture = { 0 };
  g_autoptr(HccEventStream) stream = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) call = NULL;
  g_autofree char *door_id = NULL;
  GAsyncResult *slot = NULL;
  CallWait call_wait = { 0 };
  DoorWait door_wait = { 0 };
  const char *door_ids[2] = { NULL, NULL };
  gint64 start;
  guint status = 0;

  /* The platform's own limit: the load must share it with the desk. */
  fixture_setup_full (&fixture, 10000, 0);
  door_id = first_door_id (fixture.sim);

  stream = hcc_event_stream_new (fixture.client);
  g_signal_connect (stream, "call-incoming", G_CALLBACK (call_incoming_cb), &call_wait);
  hcc_event_stream_start (stream);
  g_assert_true (hcc_test_wait_until (stream_online, stream, TEST_TIMEOUT_MS));

  start = g_get_monotonic_time ();
  concierge_directory_refresh_async (fixture.directory, NULL, result_cb, &slot);

  /* Well into the residents' pages, a door station calls and the
   * operator opens a door. */
  g_assert_true (hcc_test_wait_until (residents_requested, &fixture, 60000));
  call = hcc_test_sim_control (fixture.sim, "POST", "/control/calls", "{\"call_type\":1}", &status);
  g_assert_cmpuint (status, ==, 200);
  call_wait.injected = g_get_monotonic_time ();

  door_ids[0] = door_id;
  door_wait.sent = g_get_monotonic_time ();
  hcc_doors_control_async (fixture.client, HCC_DOOR_ACTION_UNLOCK, door_ids, NULL,
                           door_done_cb, &door_wait);

  g_assert_true (hcc_test_wait_until (call_arrived, &call_wait, 10000));
  g_assert_true (hcc_test_wait_until (door_done, &door_wait, 10000));
  g_assert_no_error (door_wait.error);
  g_clear_object (&door_wait.results);
  g_assert_true (concierge_directory_get_refreshing (fixture.directory));

  g_test_message ("call reached the stream %.0f ms after injection (load running)",
                  (call_wait.arrived - call_wait.injected) / 1000.0);
  g_test_message ("door unlock took %.0f ms (load running)",
                  (door_wait.done - door_wait.sent) / 1000.0);
  /* One poll is 500 ms; the bound is generous for a busy machine. The
   * real figures are in bench/bench-directory.c. */
  g_assert_cmpint (call_wait.arrived - call_wait.injected, <, 2 * G_USEC_PER_SEC);
  /* A door action waits at most for a page already granted. */
  g_assert_cmpint (door_wait.done - door_wait.sent, <, 1 * G_USEC_PER_SEC);

  result = test_wait_result (&slot);
  g_assert_true (concierge_directory_refresh_finish (fixture.directory, result, &error));
  g_assert_no_error (error);
  g_test_message ("10,000 residents loaded in %.1f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_clear_object (&result);
  assert_counts_match_sim (fixture.directory, fixture.sim);
  g_assert_cmpuint (g_list_model_get_n_items (concierge_directory_get_residents (fixture.directory)), >=, 10000);

  hcc_event_stream_stop (stream);
  g_signal_handlers_disconnect_by_data (stream, &call_wait);
  fixture_teardown (&fixture, NULL);
}

static HccRoom *
room_link (HccRoom *room)
{
  HccRoom *link = hcc_room_new ();

  hcc_room_set_id (link, hcc_room_get_id (room));
  hcc_room_set_number (link, hcc_room_get_number (room));
  hcc_room_set_name (link, hcc_room_get_name (room));
  hcc_room_set_building_id (link, hcc_room_get_building_id (room));
  hcc_room_set_building_name (link, hcc_room_get_building_name (room));
  hcc_room_set_account_type (link, 0);

  return link;
}

static void
test_resident_saved_removed (Fixture       *fixture,
                             gconstpointer  data)
{
  ConciergeDirectory *directory = fixture->directory;
  GListModel *residents = concierge_directory_get_residents (directory);
  GListModel *rooms = concierge_directory_get_rooms (directory);
  g_autoptr(GError) error = NULL;
  g_autoptr(HccResident) item = NULL;
  g_autoptr(HccResident) edited = NULL;
  g_autoptr(HccResident) added = NULL;
  g_autoptr(HccRoom) room_a = NULL;
  g_autoptr(HccRoom) room_b = NULL;
  g_autoptr(GListStore) links = g_list_store_new (HCC_TYPE_ROOM);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(ConciergeDirectory) reopened = NULL;
  g_autofree char *edited_id = NULL;
  int amount_a, amount_b;
  guint n, changes = 0;

  g_assert_true (refresh (directory, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (residents);
  g_signal_connect (residents, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  /* An edit the platform accepted, as the editor hands it over: its own
   * object with the same ID. The model keeps its item and shows the edit. */
  item = g_list_model_get_item (residents, n / 2);
  edited_id = g_strdup (hcc_resident_get_id (item));
  edited = hcc_resident_new ();
  hcc_resident_set_id (edited, edited_id);
  hcc_resident_set_first_name (edited, "Zoë");
  hcc_resident_set_last_name (edited, "Ångström");
  hcc_resident_set_email (edited, "zoe@example.com");
  hcc_resident_set_rooms (edited, hcc_resident_get_rooms (item));
  concierge_directory_resident_saved (directory, edited);

  g_assert_cmpuint (g_list_model_get_n_items (residents), ==, n);
  g_assert_cmpuint (changes, >, 0);
  g_assert_true (concierge_directory_lookup_resident (directory, edited_id) == item);
  g_assert_cmpstr (hcc_resident_get_last_name (item), ==, "Ångström");
  found = search (directory, "angstrom zoe");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (g_ptr_array_index (found, 0) == item);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* The dialog's object is not put into the model. */
  g_assert_false (g_list_store_find (G_LIST_STORE (residents), edited, NULL));

  /* A new resident of two rooms: one more item, and both rooms count them. */
  room_a = g_list_model_get_item (rooms, 0);
  room_b = g_list_model_get_item (rooms, 1);
  amount_a = hcc_room_get_person_amount (room_a);
  amount_b = hcc_room_get_person_amount (room_b);
  {
    g_autoptr(HccRoom) link_a = room_link (room_a);
    g_autoptr(HccRoom) link_b = room_link (room_b);

    g_list_store_append (links, link_a);
    g_list_store_append (links, link_b);
  }
  added = hcc_resident_new ();
  hcc_resident_set_id (added, "999000000000000001");
  hcc_resident_set_first_name (added, "Benoît");
  hcc_resident_set_last_name (added, "Lefèvre-Nouveau");
  hcc_resident_set_phone (added, "+33 6 12 34 56 78");
  hcc_resident_set_rooms (added, G_LIST_MODEL (links));
  concierge_directory_resident_saved (directory, added);

  g_assert_cmpuint (g_list_model_get_n_items (residents), ==, n + 1);
  g_assert_nonnull (concierge_directory_lookup_resident (directory, "999000000000000001"));
  g_assert_cmpint (hcc_room_get_person_amount (room_a), ==, amount_a + 1);
  g_assert_cmpint (hcc_room_get_person_amount (room_b), ==, amount_b + 1);
  found = search (directory, "612345678");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Leaving one room keeps the resident with the other. */
  concierge_directory_resident_removed (directory, "999000000000000001", hcc_room_get_id (room_a));
  {
    HccResident *left = concierge_directory_lookup_resident (directory, "999000000000000001");

    g_assert_nonnull (left);
    g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (left)), ==, 1);
    g_assert_cmpint (hcc_room_get_person_amount (room_a), ==, amount_a);
    g_assert_cmpint (hcc_room_get_person_amount (room_b), ==, amount_b + 1);
  }

  /* Deleting the person removes them. */
  concierge_directory_resident_removed (directory, "999000000000000001", NULL);
  g_assert_null (concierge_directory_lookup_resident (directory, "999000000000000001"));
  g_assert_cmpuint (g_list_model_get_n_items (residents), ==, n);
  g_assert_cmpint (hcc_room_get_person_amount (room_b), ==, amount_b);

  /* A second new resident stays, to be found after a restart. */
  hcc_resident_set_id (added, "999000000000000002");
  concierge_directory_resident_saved (directory, added);
  g_signal_handlers_disconnect_by_func (residents, count_changes_cb, &changes);

  /* The cache has every change: a restart shows the same directory. */
  close_directory (directory);
  reopened = open_directory (NULL, fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (concierge_directory_get_residents (reopened)), ==, n + 1);
  g_assert_cmpstr (hcc_resident_get_last_name (concierge_directory_lookup_resident (reopened, edited_id)),
                   ==, "Ångström");
  g_assert_null (concierge_directory_lookup_resident (reopened, "999000000000000001"));
  {
    HccResident *kept = concierge_directory_lookup_resident (reopened, "999000000000000002");

    g_assert_nonnull (kept);
    g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (kept)), ==, 2);
    g_assert_cmpint (hcc_room_get_person_amount (concierge_directory_lookup_room (reopened, hcc_room_get_id (room_a))),
                     ==, amount_a + 1);
  }
  found = search (reopened, "lefevre-nouveau");
  g_assert_cmpuint (found->len, ==, 1);
  close_directory (reopened);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Refused keys: the refresh fails, says why, and the cached directory
 * stays as it was. */
static void
test_refresh_error (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HccClient) refused = NULL;
  g_autoptr(ConciergeDirectory) directory = NULL;
  g_autoptr(GDateTime) refreshed = NULL;
  guint notified = 0;

  g_assert_true (refresh (fixture->directory, &error));
  g_assert_no_error (error);
  refreshed = g_date_time_ref (concierge_directory_get_last_refreshed (fixture->directory));
  close_directory (fixture->directory);

  refused = hcc_client_new ();
  hcc_client_set_server_url (refused, hcc_test_sim_get_base_url (fixture->sim), &error);
  g_assert_no_error (error);
  hcc_client_set_credentials (refused, HCC_SIM_DEMO_APP_KEY, "not-the-secret-key");

  directory = open_directory (refused, fixture->path);
  g_signal_connect (directory, "notify::refresh-error", G_CALLBACK (notify_count_cb), &notified);
  g_assert_false (refresh (directory, &error));
  g_assert_nonnull (error);
  g_test_message ("refresh error: %s", error->message);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (concierge_directory_get_refresh_error (directory), ==, error->message);
  assert_counts_match_sim (directory, fixture->sim);
  g_assert_true (g_date_time_equal (concierge_directory_get_last_refreshed (directory), refreshed));
  close_directory (directory);
  g_clear_object (&directory);

  /* Without a client at all, the same: the cache and a reason. */
  directory = open_directory (NULL, fixture->path);
  g_clear_error (&error);
  g_assert_false (refresh (directory, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);
  g_assert_nonnull (concierge_directory_get_refresh_error (directory));
  assert_counts_match_sim (directory, fixture->sim);
  close_directory (directory);
}

/* A second refresh joins the first: the platform is asked once. */
static void
test_refresh_join (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) result_a = NULL;
  g_autoptr(GAsyncResult) result_b = NULL;
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot_a = NULL;
  GAsyncResult *slot_b = NULL;
  guint notified = 0;

  test_clear_requests (fixture->sim);
  g_signal_connect (fixture->directory, "notify::refreshing", G_CALLBACK (notify_count_cb), &notified);
  concierge_directory_refresh_async (fixture->directory, NULL, result_cb, &slot_a);
  concierge_directory_refresh_async (fixture->directory, NULL, result_cb, &slot_b);
  result_a = test_wait_result (&slot_a);
  result_b = test_wait_result (&slot_b);
  g_assert_true (concierge_directory_refresh_finish (fixture->directory, result_a, &error));
  g_assert_true (concierge_directory_refresh_finish (fixture->directory, result_b, &error));
  g_assert_no_error (error);
  /* On, then off. */
  g_assert_cmpuint (notified, ==, 2);
  g_signal_handlers_disconnect_by_func (fixture->directory, notify_count_cb, &notified);

  searches = test_requests_for (fixture->sim, "/vims/v1/build/search");
  g_assert_cmpuint (searches->len, ==, 1);
  assert_counts_match_sim (fixture->directory, fixture->sim);
}

typedef struct {
  HccTestSim *sim;
  guint       wanted;
} SearchCount;

static gboolean
buildings_searched (gpointer data)
{
  SearchCount *count = data;
  g_autoptr(GPtrArray) searches = test_requests_for (count->sim, "/vims/v1/build/search");

  return searches->len >= count->wanted;
}

/* After a refresh, the next one starts by itself after the interval. */
static void
test_refresh_background (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SearchCount count = { fixture->sim, 2 };

  g_assert_cmpuint (concierge_directory_get_refresh_interval (fixture->directory), ==, 3600);
  concierge_directory_set_refresh_interval (fixture->directory, 1);
  test_clear_requests (fixture->sim);
  g_assert_true (refresh (fixture->directory, &error));
  g_assert_no_error (error);
  /* Once by request, once by itself. */
  g_assert_true (hcc_test_wait_until (buildings_searched, &count, TEST_TIMEOUT_MS));

  /* Off: nothing more starts (a refresh running now may still end). */
  concierge_directory_set_refresh_interval (fixture->directory, 0);
  g_assert_cmpuint (concierge_directory_get_refresh_interval (fixture->directory), ==, 0);
}

/* A cancelled refresh stops, changes nothing, and is no error to show. */
static void
test_refresh_cancel (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  concierge_directory_refresh_async (fixture->directory, cancellable, result_cb, &slot);
  g_assert_true (concierge_directory_get_refreshing (fixture->directory));
  g_cancellable_cancel (cancellable);
  result = test_wait_result (&slot);
  g_assert_false (concierge_directory_refresh_finish (fixture->directory, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (concierge_directory_get_refreshing (fixture->directory));
  g_assert_null (concierge_directory_get_refresh_error (fixture->directory));
  g_assert_cmpuint (g_list_model_get_n_items (concierge_directory_get_residents (fixture->directory)), ==, 0);
  g_clear_error (&error);
  g_clear_object (&result);

  /* The next one starts afresh. */
  g_assert_true (refresh (fixture->directory, &error));
  g_assert_no_error (error);
  assert_counts_match_sim (fixture->directory, fixture->sim);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/directory/fold", test_fold);
  g_test_add ("/directory/load/demo", Fixture, NULL, fixture_setup, test_load_demo, fixture_teardown);
  g_test_add ("/directory/load/unchanged", Fixture, NULL, fixture_setup, test_refresh_keeps_items,
              fixture_teardown);
  g_test_add ("/directory/cache/round-trip", Fixture, NULL, fixture_setup, test_cache_round_trip,
              fixture_teardown);
  g_test_add ("/directory/cache/schema", Fixture, NULL, fixture_setup, test_cache_schema,
              fixture_teardown);
  g_test_add ("/directory/cache/saved-removed", Fixture, NULL, fixture_setup,
              test_resident_saved_removed, fixture_teardown);
  g_test_add ("/directory/refresh/error", Fixture, NULL, fixture_setup, test_refresh_error,
              fixture_teardown);
  g_test_add ("/directory/refresh/join", Fixture, NULL, fixture_setup, test_refresh_join,
              fixture_teardown);
  g_test_add ("/directory/refresh/background", Fixture, NULL, fixture_setup,
              test_refresh_background, fixture_teardown);
  g_test_add ("/directory/refresh/cancel", Fixture, NULL, fixture_setup, test_refresh_cancel,
              fixture_teardown);
  g_test_add_func ("/directory/load/10000", test_load_10000);

  return g_test_run ();
}
