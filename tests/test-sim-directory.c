/* test-sim-directory.c: buildings, rooms and residents over real HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <string.h>

#include "hcc-test-utils.h"

#define SEED 1234

typedef struct {
  HccTestSim *sim;
  char       *token;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  fixture->sim = hcc_test_sim_new (SEED, GPOINTER_TO_UINT (data), FALSE);
  /* These tests check data, not the request limit. */
  reply = hcc_test_sim_control (fixture->sim, "POST", "/control/rate-limit",
                                "{\"per_second\": 100000}", &status);
  g_assert_cmpuint (status, ==, 200);
  fixture->token = hcc_test_sim_login (fixture->sim);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->token);
  hcc_test_sim_free (fixture->sim);
}

static JsonNode *
call (Fixture    *fixture,
      const char *path,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static JsonNode *
call (Fixture    *fixture,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *body = NULL;
  JsonNode *reply;
  va_list args;
  guint status = 0;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);

  reply = hcc_test_sim_api (fixture->sim, path, fixture->token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (reply);

  return reply;
}

static const char *
code_of (JsonNode *reply)
{
  return hcc_test_json_get_string (reply, "errorCode");
}

static JsonArray *
array_at (JsonNode   *reply,
          const char *path)
{
  JsonNode *node = hcc_test_json_get (reply, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_node_get_array (node);
}

/* The first room in room/search with @amount residents. */
/* The @index-th object of the array at @path in @reply. */
static JsonObject *
item (JsonNode   *reply,
      const char *path,
      guint       index)
{
  return json_array_get_object_element (array_at (reply, path), index);
}

static JsonObject *
find_room (Fixture *fixture,
           int      amount)
{
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *rooms;

  reply = call (fixture, "/vims/v1/room/search",
                "{\"pageNum\":1,\"pageSize\":1,\"searchCriteria\":{\"areaId\":\"-1\","
                "\"filter\":{\"personAmount\":%d}}}", amount);
  g_assert_cmpstr (code_of (reply), ==, "0");
  rooms = array_at (reply, "data.roomList");
  g_assert_cmpuint (json_array_get_length (rooms), ==, 1);

  return json_object_ref (json_array_get_object_element (rooms, 0));
}

static char *
room_dto (JsonObject *room,
          int         account_type)
{
  return g_strdup_printf ("{\"roomId\":\"%s\",\"buildId\":\"%s\",\"areaId\":\"%s\","
                          "\"accountType\":%d}",
                          json_object_get_string_member (room, "roomId"),
                          json_object_get_string_member (room, "buildId"),
                          json_object_get_string_member (room, "areaId"),
                          account_type);
}

static JsonNode *
add_person (Fixture    *fixture,
            const char *first,
            const char *last,
            const char *email,
            const char *rooms_json)
{
  return call (fixture, "/vims/v1/person/add",
               "{\"personBaseInfo\":{\"id\":\"\",\"personCode\":\"\",\"firstName\":\"%s\","
               "\"lastName\":\"%s\",\"gender\":1,\"phone\":\"+351 912 345 678\",\"email\":\"%s\","
               "\"startDate\":\"2024-01-01T00:00:00+00:00\","
               "\"endDate\":\"2034-01-01T00:00:00+00:00\"},"
               "\"roomList\":[%s],\"language\":\"pt\"}",
               first, last, email, rooms_json);
}

/* personList entries of person/search for a name. */
static JsonNode *
search_name (Fixture    *fixture,
             const char *name)
{
  return call (fixture, "/vims/v1/person/search",
               "{\"pageNum\":1,\"pageSize\":50,\"searchRequest\":{\"areaId\":\"-1\","
               "\"filter\":{\"name\":\"%s\"}}}", name);
}

static void
test_build_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) garden = NULL;
  g_autoptr(JsonNode) page0 = NULL;
  JsonArray *list;
  gint64 rooms = 0;

  all = call (fixture, "/vims/v1/build/search",
              "{\"pageNum\":1,\"pageSize\":64,\"searchCriteria\":{\"areaId\":\"-1\"}}");
  g_assert_cmpstr (code_of (all), ==, "0");
  list = array_at (all, "data.buildList");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  g_assert_cmpint (hcc_test_json_get_int (all, "data.totalNum"), ==, 3);
  for (guint i = 0; i < 3; i++) {
    JsonObject *b = json_array_get_object_element (list, i);

    rooms += json_object_get_int_member (b, "totalRoom");
    g_assert_cmpint (json_object_get_int_member (b, "totalPerson"), >, 0);
    g_assert_cmpstr (json_object_get_string_member (b, "deviceNames"), !=, "");
  }
  g_assert_cmpint (rooms, >=, 60);

  garden = call (fixture, "/vims/v1/build/search",
                 "{\"pageNum\":\"1\",\"pageSize\":\"64\",\"searchCriteria\":{\"areaId\":\"-1\","
                 "\"filterName\":\"garden\"}}");
  list = array_at (garden, "data.buildList");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0),
                                                  "buildName"),
                   ==, "Garden House");

  /* pageNum 0 is the first page too (T19). */
  page0 = call (fixture, "/vims/v1/build/search",
                "{\"pageNum\":0,\"pageSize\":2,\"searchCriteria\":{\"areaId\":\"-1\"}}");
  g_assert_cmpuint (json_array_get_length (array_at (page0, "data.buildList")), ==, 2);
}

static void
test_room_search (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) builds = NULL;
  g_autoptr(JsonNode) rooms = NULL;
  g_autoptr(JsonNode) one = NULL;
  g_autoptr(JsonNode) by_holder = NULL;
  const char *build_id;
  JsonObject *room;
  JsonArray *list;
  g_autofree char *holder = NULL;

  builds = call (fixture, "/vims/v1/build/search",
                 "{\"pageNum\":1,\"pageSize\":64,\"searchCriteria\":{\"areaId\":\"-1\","
                 "\"filterName\":\"North\"}}");
  build_id = json_object_get_string_member (item (builds, "data.buildList", 0),
                                            "buildId");

  /* The guide's example sends roomNum and personAmount as "" (T12). */
  rooms = call (fixture, "/vims/v1/room/search",
                "{\"pageNum\":1,\"pageSize\":500,\"searchCriteria\":{\"areaId\":\"-1\","
                "\"buildId\":\"%s\","
                "\"isContainSubArea\":1,\"filter\":{\"roomNum\":\"\","
                "\"personAmount\":\"\"}}}", build_id);
  g_assert_cmpstr (code_of (rooms), ==, "0");
  list = array_at (rooms, "data.roomList");
  g_assert_cmpuint (json_array_get_length (list), >=, 30);
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, i),
                                                    "buildId"), ==, build_id);

  one = call (fixture, "/vims/v1/room/search",
              "{\"pageNum\":1,\"pageSize\":10,\"searchCriteria\":{\"areaId\":\"-1\","
              "\"buildId\":\"%s\","
              "\"filter\":{\"roomNum\":1203}}}", build_id);
  list = array_at (one, "data.roomList");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  room = json_array_get_object_element (list, 0);
  g_assert_cmpint (json_object_get_int_member (room, "roomNum"), ==, 1203);
  g_assert_cmpstr (json_object_get_string_member (room, "roomName"), ==, "Flat 1203");

  /* The householder's name finds the room. */
  room = item (rooms, "data.roomList", 0);
  holder = g_strdup (json_object_get_string_member (room, "mainAccount"));
  g_assert_cmpstr (holder, !=, "");
  by_holder = call (fixture, "/vims/v1/room/search",
                    "{\"pageNum\":1,\"pageSize\":10,\"searchCriteria\":{\"areaId\":\"-1\","
                    "\"filter\":{\"mainAccount\":\"%s\"}}}", holder);
  g_assert_cmpint (hcc_test_json_get_int (by_holder, "data.totalNum"), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (item (by_holder, "data.roomList", 0),
                                                  "mainAccount"), ==, holder);
}

static void
test_person_search (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) page1 = NULL;
  g_autoptr(JsonNode) page2 = NULL;
  g_autoptr(JsonNode) expired = NULL;
  g_autoptr(JsonNode) holders = NULL;
  g_autoptr(JsonNode) too_big = NULL;
  g_autoptr(JsonNode) by_name = NULL;
  g_autofree char *last_folded = NULL;
  JsonObject *first;
  gint64 total;

  all = call (fixture, "/vims/v1/person/search",
              "{\"pageNum\":1,\"pageSize\":500,\"searchCriteria\":{\"areaId\":\"-1\"}}");
  g_assert_cmpstr (code_of (all), ==, "0");
  total = hcc_test_json_get_int (all, "data.totalNum");
  g_assert_cmpint (total, >=, 150);
  first = item (all, "data.personList", 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "roomList")), >=,
                    1);

  /* Paging: pages do not overlap. */
  page1 = call (fixture, "/vims/v1/person/search",
                "{\"pageNum\":1,\"pageSize\":10,\"searchCriteria\":{\"areaId\":\"-1\"}}");
  page2 = call (fixture, "/vims/v1/person/search",
                "{\"pageNum\":2,\"pageSize\":10,\"searchCriteria\":{\"areaId\":\"-1\"}}");
  g_assert_cmpuint (json_array_get_length (array_at (page1, "data.personList")), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (item (page2, "data.personList", 0),
                                                  "personId"), ==,
                   json_object_get_string_member (item (all, "data.personList", 10),
                                                  "personId"));
  g_assert_cmpint (hcc_test_json_get_int (page2, "data.totalNum"), ==, total);

  expired = call (fixture, "/vims/v1/person/search",
                  "{\"pageNum\":1,\"pageSize\":500,\"searchCriteria\":{\"areaId\":\"-1\","
                  "\"filter\":{\"isExpired\":1}}}");
  g_assert_cmpint (hcc_test_json_get_int (expired, "data.totalNum"), >, 0);
  g_assert_cmpint (hcc_test_json_get_int (expired, "data.totalNum"), <, total);
  for (guint i = 0; i < json_array_get_length (array_at (expired, "data.personList")); i++)
    g_assert_cmpint (json_object_get_int_member (item (expired, "data.personList", i),
                                                 "isExpired"), ==, 1);

  holders = call (fixture, "/vims/v1/person/search",
                  "{\"pageNum\":1,\"pageSize\":500,\"searchCriteria\":{\"areaId\":\"-1\","
                  "\"filter\":{\"type\":1}}}");
  g_assert_cmpint (hcc_test_json_get_int (holders, "data.totalNum"), <, total);
  g_assert_cmpint (hcc_test_json_get_int (holders, "data.totalNum"), >=, 50);

  too_big = call (fixture, "/vims/v1/person/search",
                  "{\"pageNum\":1,\"pageSize\":501,\"searchCriteria\":{\"areaId\":\"-1\"}}");
  g_assert_cmpstr (code_of (too_big), ==, "OPEN000025");

  /* Case-insensitive match on non-ASCII names. */
  last_folded = g_utf8_strdown (json_object_get_string_member (first, "lastName"), -1);
  by_name = search_name (fixture, last_folded);
  g_assert_cmpint (hcc_test_json_get_int (by_name, "data.totalNum"), >=, 1);
}

static void
test_person_add_validation (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(JsonObject) empty = find_room (fixture, 0);
  g_autoptr(JsonObject) taken = find_room (fixture, 1);
  g_autofree char *as_holder = room_dto (empty, 1);
  g_autofree char *as_family = room_dto (empty, 0);
  g_autofree char *second_holder = room_dto (taken, 1);
  g_autofree char *long_name = g_strnfill (129, 'a');
  struct {
    const char *first;
    const char *last;
    const char *email;
    const char *rooms;
    const char *code;
  } cases[] = {
    { "", "Wójcik", "z@example.org", as_holder, "CCF038014" },
    { "Zofia", "", "z@example.org", as_holder, "CCF038015" },
    { long_name, "Wójcik", "z@example.org", as_holder, "CCF038002" },
    { "Zofia", "Wójcik", "not-an-email", as_holder, "CCF038019" },
    { "Zofia", "Wójcik", "z@example.org", second_holder, "VMS038011" },
    { "Zofia", "Wójcik", "z@example.org", as_family, "VMS038011" },
    { "Zofia", "Wójcik", "z@example.org", "{\"roomId\":\"1\",\"buildId\":\"1\",\"areaId\":\"1\","
    "\"accountType\":1}",
      "VMS000003" },
  };
  g_autoptr(JsonNode) bad_phone = NULL;
  g_autoptr(JsonNode) bad_dates = NULL;
  g_autoptr(JsonNode) bad_language = NULL;
  g_autoptr(JsonNode) after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr(JsonNode) reply = add_person (fixture, cases[i].first, cases[i].last, cases[i].email,
                                            cases[i].rooms);

    g_test_message ("case %u", i);
    g_assert_cmpstr (code_of (reply), ==, cases[i].code);
  }

  bad_phone = call (fixture, "/vims/v1/person/add",
                    "{\"personBaseInfo\":{\"firstName\":\"Zofia\",\"lastName\":\"Wójcik\","
                    "\"gender\":0,"
                    "\"phone\":\"call me\",\"email\":\"z@example.org\","
                    "\"startDate\":\"2024-01-01T00:00:00Z\","
                    "\"endDate\":\"2030-01-01T00:00:00Z\"},\"roomList\":[%s]}", as_holder);
  g_assert_cmpstr (code_of (bad_phone), ==, "CCF038020");
  bad_dates = call (fixture, "/vims/v1/person/add",
                    "{\"personBaseInfo\":{\"firstName\":\"Zofia\",\"lastName\":\"Wójcik\","
                    "\"gender\":0,"
                    "\"email\":\"z@example.org\",\"startDate\":\"2030-01-01T00:00:00Z\","
                    "\"endDate\":\"2024-01-01T00:00:00Z\"},\"roomList\":[%s]}", as_holder);
  g_assert_cmpstr (code_of (bad_dates), ==, "CCF038022");
  bad_language = call (fixture, "/vims/v1/person/add",
                       "{\"personBaseInfo\":{\"firstName\":\"Zofia\",\"lastName\":\"Wójcik\","
                       "\"gender\":0,"
                       "\"email\":\"z@example.org\",\"startDate\":\"2024-01-01T00:00:00Z\","
                       "\"endDate\":\"2030-01-01T00:00:00Z\"},\"roomList\":[%s],"
                       "\"language\":\"klingon\"}",
                       as_holder);
  g_assert_cmpstr (code_of (bad_language), ==, "OPEN000010");

  /* Nothing was created by the refused requests. */
  after = search_name (fixture, "Zofia Wójcik");
  for (guint i = 0; i < json_array_get_length (array_at (after, "data.personList")); i++)
    g_assert_cmpstr (json_object_get_string_member (item (after, "data.personList", i),
                                                    "email"), !=, "z@example.org");
}

static void
test_person_add_room_full (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) room = find_room (fixture, 0);
  g_autofree char *as_holder = room_dto (room, 1);
  g_autofree char *as_family = room_dto (room, 0);
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(JsonNode) full = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) found = NULL;
  const char *holder_id;
  JsonObject *failed;

  holder = add_person (fixture, "Çağla", "Öztürk", "cagla@example.org", as_holder);
  g_assert_cmpstr (code_of (holder), ==, "0");
  holder_id = hcc_test_json_get_string (holder, "data.personId");
  g_assert_cmpuint (strlen (holder_id), ==, 18);
  g_assert_null (hcc_test_json_get (holder, "data.failedResultList"));

  for (guint i = 0; i < 5; i++) {
    g_autofree char *email = g_strdup_printf ("kid%u@example.org", i);
    g_autoptr(JsonNode) kid = add_person (fixture, "Ayşe", "Öztürk", email, as_family);

    g_assert_cmpstr (code_of (kid), ==, "0");
    g_assert_null (hcc_test_json_get (kid, "data.failedResultList"));
  }

  /* The seventh resident does not fit: a per-room failure, not an error. */
  full = add_person (fixture, "Barış", "Öztürk", "baris@example.org", as_family);
  g_assert_cmpstr (code_of (full), ==, "0");
  failed = item (full, "data.failedResultList", 0);
  g_assert_cmpstr (json_object_get_string_member (failed, "errorCode"), ==, "VMS038005");
  g_assert_cmpint (json_object_get_int_member (failed, "roomNum"), ==,
                   json_object_get_int_member (room, "roomNum"));

  /* Linking the householder to the same room again. */
  again = call (fixture, "/vims/v1/person/add",
                "{\"personBaseInfo\":{\"id\":\"%s\",\"personCode\":\"x\"},\"roomList\":[%s]}",
                holder_id, as_holder);
  g_assert_cmpstr (code_of (again), ==, "VMS038014");

  found = search_name (fixture, "çağla öztürk");
  g_assert_cmpint (hcc_test_json_get_int (found, "data.totalNum"), ==, 1);
}

static void
test_person_link_existing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) room = find_room (fixture, 0);
  g_autofree char *as_holder = room_dto (room, 1);
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) linked = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *person_id = NULL;
  g_autofree char *filter = NULL;
  JsonObject *person;

  all = call (fixture, "/vims/v1/person/search",
              "{\"pageNum\":1,\"pageSize\":1,\"searchCriteria\":{\"areaId\":\"-1\","
              "\"filter\":{\"type\":1}}}");
  person = item (all, "data.personList", 0);
  person_id = g_strdup (json_object_get_string_member (person, "personId"));

  linked = call (fixture, "/vims/v1/person/add",
                 "{\"personBaseInfo\":{\"id\":\"%s\",\"personCode\":\"R000001\"},"
                 "\"roomList\":[%s]}",
                 person_id, as_holder);
  g_assert_cmpstr (code_of (linked), ==, "0");
  g_assert_cmpstr (hcc_test_json_get_string (linked, "data.personId"), ==, person_id);

  filter = g_strdup (json_object_get_string_member (person, "email"));
  after = call (fixture, "/vims/v1/person/search",
                "{\"pageNum\":1,\"pageSize\":5,\"searchCriteria\":{\"areaId\":\"-1\","
                "\"filter\":{\"email\":\"%s\"}}}",
                filter);
  person = item (after, "data.personList", 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (person, "roomList")), ==,
                    2);

  unknown = call (fixture, "/vims/v1/person/add",
                  "{\"personBaseInfo\":{\"id\":\"999999999999999999\"},"
                  "\"roomList\":[%s]}", as_holder);
  g_assert_cmpstr (code_of (unknown), ==, "CCF038023");
}

static guint
count_rooms_of (Fixture    *fixture,
                const char *email)
{
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *list, *rooms;

  reply = call (fixture, "/vims/v1/person/search",
                "{\"pageNum\":1,\"pageSize\":5,\"searchCriteria\":{\"areaId\":\"-1\","
                "\"filter\":{\"email\":\"%s\"}}}",
                email);
  list = array_at (reply, "data.personList");
  if (json_array_get_length (list) == 0)
    return 0;

  rooms = json_object_get_array_member (json_array_get_object_element (list, 0), "roomList");

  return json_array_get_length (rooms);
}

static void
test_person_update_replaces_rooms (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(JsonObject) room_a = find_room (fixture, 0);
  g_autoptr(JsonObject) room_b = find_room (fixture, 2);
  g_autofree char *a = room_dto (room_a, 1);
  g_autofree char *b = room_dto (room_b, 0);
  g_autofree char *both = g_strdup_printf ("%s,%s", a, b);
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) dropped = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) invalid = NULL;
  const char *id;

  added = add_person (fixture, "Linnéa", "Söderström", "linnea@example.org", a);
  g_assert_cmpstr (code_of (added), ==, "0");
  id = hcc_test_json_get_string (added, "data.personId");
  g_assert_cmpuint (count_rooms_of (fixture, "linnea@example.org"), ==, 1);

  updated = call (fixture, "/vims/v1/person/update",
                  "{\"personBaseInfo\":{\"id\":\"%s\",\"personCode\":\"\",\"firstName\":\"Linnéa\","
                  "\"lastName\":\"Söderström\",\"gender\":0,\"email\":\"linnea@example.org\","
                  "\"startDate\":\"2024-01-01T00:00:00Z\",\"endDate\":\"2030-01-01T00:00:00Z\"},"
                  "\"roomList\":[%s],\"language\":\"sv\"}", id, both);
  g_assert_cmpstr (code_of (updated), ==, "0");
  g_assert_cmpuint (count_rooms_of (fixture, "linnea@example.org"), ==, 2);

  /* The room left out is unlinked. */
  dropped = call (fixture, "/vims/v1/person/update",
                  "{\"personBaseInfo\":{\"id\":\"%s\",\"firstName\":\"Linnéa\","
                  "\"lastName\":\"Söderström\","
                  "\"gender\":0,\"email\":\"linnea@example.org\","
                  "\"startDate\":\"2024-01-01T00:00:00Z\","
                  "\"endDate\":\"2030-01-01T00:00:00Z\"},\"roomList\":[%s]}", id, a);
  g_assert_cmpstr (code_of (dropped), ==, "0");
  g_assert_cmpuint (count_rooms_of (fixture, "linnea@example.org"), ==, 1);

  unknown = call (fixture, "/vims/v1/person/update",
                  "{\"personBaseInfo\":{\"id\":\"999999999999999999\",\"firstName\":\"A\","
                  "\"lastName\":\"B\","
                  "\"gender\":0,\"email\":\"a@example.org\",\"startDate\":\"2024-01-01T00:00:00Z\","
                  "\"endDate\":\"2030-01-01T00:00:00Z\"},\"roomList\":[%s]}", a);
  g_assert_cmpstr (code_of (unknown), ==, "VMS038028");
  invalid = call (fixture, "/vims/v1/person/update", "{\"roomList\":[]}");
  g_assert_cmpstr (code_of (invalid), ==, "OPEN000010");
}

static void
test_person_delete_vs_persons_delete (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(JsonObject) room = find_room (fixture, 0);
  g_autofree char *a = room_dto (room, 1);
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) unlinked = NULL;
  g_autoptr(JsonNode) got = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) gone = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autofree char *id = NULL;

  added = add_person (fixture, "Chinedu", "Okafor", "chinedu@example.org", a);
  id = g_strdup (hcc_test_json_get_string (added, "data.personId"));

  /* vims person/delete unlinks: the person stays. */
  unlinked = call (fixture, "/vims/v1/person/delete", "{\"deleteList\":[\"%s\"]}", id);
  g_assert_cmpstr (code_of (unlinked), ==, "0");
  g_assert_cmpuint (count_rooms_of (fixture, "chinedu@example.org"), ==, 0);

  got = call (fixture, "/person/v1/persons/get", "{\"personId\":\"%s\"}", id);
  g_assert_cmpstr (code_of (got), ==, "0");
  g_assert_cmpstr (hcc_test_json_get_string (got, "Data.personInfo.firstName"), ==, "Chinedu");
  /* persons/get returns epoch ms (T11). */
  g_assert_cmpint (hcc_test_json_get_int (got, "Data.personInfo.startDate"), ==, 1704067200000);

  deleted = call (fixture, "/person/v1/persons/delete", "{\"personId\":\"%s\"}", id);
  g_assert_cmpstr (code_of (deleted), ==, "0");
  gone = call (fixture, "/person/v1/persons/get", "{\"Id\":\"%s\"}", id);
  g_assert_cmpstr (code_of (gone), ==, "CCF038023");
  g_assert_nonnull (hcc_test_json_get (gone, "Message"));

  unknown = call (fixture, "/vims/v1/person/delete", "{\"deleteList\":[\"%s\"]}", id);
  g_assert_cmpstr (code_of (unknown), ==, "VMS038028");
}

static void
test_person_search_large (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) last_page = NULL;
  g_autoptr(JsonNode) filtered = NULL;
  gint64 start, total;

  start = g_get_monotonic_time ();
  all = call (fixture, "/vims/v1/person/search",
              "{\"pageNum\":1,\"pageSize\":100,\"searchCriteria\":{\"areaId\":\"-1\"}}");
  total = hcc_test_json_get_int (all, "data.totalNum");
  g_assert_cmpint (total, >=, 10000);
  last_page = call (fixture, "/vims/v1/person/search",
                    "{\"pageNum\":%" G_GINT64_FORMAT ",\"pageSize\":100,"
                    "\"searchCriteria\":{\"areaId\":\"-1\"}}",
                    (total + 99) / 100);
  g_assert_cmpuint (json_array_get_length (array_at (last_page, "data.personList")), ==,
                    total % 100 == 0 ? 100 : total % 100);
  filtered = call (fixture, "/vims/v1/person/search",
                   "{\"pageNum\":1,\"pageSize\":100,\"searchCriteria\":{\"areaId\":\"-1\","
                   "\"filter\":{\"name\":\"wójcik\",\"roomNum\":101}}}");
  g_assert_cmpstr (code_of (filtered), ==, "0");
  g_test_message ("three searches over %" G_GINT64_FORMAT " residents: %" G_GINT64_FORMAT " ms",
                  total, (g_get_monotonic_time () - start) / 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, residents) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (residents), fixture_set_up, func, fixture_tear_down)
  ADD ("/sim/directory/build-search", test_build_search, 0);
  ADD ("/sim/directory/room-search", test_room_search, 0);
  ADD ("/sim/directory/person-search", test_person_search, 0);
  ADD ("/sim/directory/person-add-validation", test_person_add_validation, 0);
  ADD ("/sim/directory/person-add-room-full", test_person_add_room_full, 0);
  ADD ("/sim/directory/person-link-existing", test_person_link_existing, 0);
  ADD ("/sim/directory/person-update-replaces-rooms", test_person_update_replaces_rooms, 0);
  ADD ("/sim/directory/person-delete", test_person_delete_vs_persons_delete, 0);
  ADD ("/sim/directory/person-search-large", test_person_search_large, 10000);
#undef ADD

  return g_test_run ();
}
