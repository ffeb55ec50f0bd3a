/* test-sim-access.c: door control, the access log, access levels and
 * injected access events, over real HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <string.h>

#include "hcc-test-utils.h"

#define SEED 555
#define EVENT "data.openDoorInfo.event"

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

  fixture->sim = hcc_test_sim_new (SEED, 0, FALSE);
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

/* All doors as areas/doors/get lists them. */
/* The @index-th object of the array at @path in @reply. */
static JsonObject *
item (JsonNode   *reply,
      const char *path,
      guint       index)
{
  return json_array_get_object_element (array_at (reply, path), index);
}

static JsonNode *
list_doors (Fixture *fixture)
{
  return call (fixture, "/resource/v1/areas/doors/get",
               "{\"pageIndex\":1,\"pageSize\":500,\"filter\":{\"areaID\":\"-1\","
               "\"includeSubArea\":\"1\"}}");
}

static const char *
door_id_where (JsonNode   *doors,
               const char *online)
{
  JsonArray *list = array_at (doors, "data.door");

  for (guint i = 0; i < json_array_get_length (list); i++) {
    JsonObject *door = json_array_get_object_element (list, i);

    if (g_strcmp0 (json_object_get_string_member (door, "online"), online) == 0)
      return json_object_get_string_member (door, "id");
  }
  g_assert_not_reached ();

  return NULL;
}

static void
test_remote_control (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) doors = list_doors (fixture);
  const char *online = door_id_where (doors, "1");
  const char *offline = door_id_where (doors, "0");
  g_autoptr(JsonNode) ok = NULL;
  g_autoptr(JsonNode) mixed = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) bad = NULL;
  JsonArray *failures;

  ok = call (fixture, "/acs/v1/remote/control",
             "{\"remoteControl\":{\"actionType\":1,\"elementlist\":[\"%s\"],"
             "\"direction\":0}}", online);
  g_assert_cmpstr (code_of (ok), ==, "0");
  g_assert_cmpuint (json_array_get_length (array_at (ok, "data.operationResult")), ==, 0);

  /* Failures only, per door: the offline door and an unknown one. */
  mixed = call (fixture, "/acs/v1/remote/control",
                "{\"remoteControl\":{\"actionType\":\"3\",\"elementlist\":[\"%s\",\"%s\","
                "\"123456789012345678\"]}}",
                online, offline);
  g_assert_cmpstr (code_of (mixed), ==, "0");
  failures = array_at (mixed, "data.operationResult");
  g_assert_cmpuint (json_array_get_length (failures), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (failures, 0),
                                                  "elementId"), ==, offline);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (failures, 0),
                                                  "errorCode"), ==, "EVZ20007");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (failures, 0),
                                                  "elementName"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (failures, 1),
                                                  "errorCode"), ==, "VMS000003");

  /* An empty elementlist means every door in scope (T27): only the
   * offline door fails. */
  all = call (fixture, "/acs/v1/remote/control",
              "{\"remoteControl\":{\"actionType\":1,\"elementlist\":[],\"direction\":0,"
              "\"areaId\":\"\",\"depthTraversal\":0}}");
  failures = array_at (all, "data.operationResult");
  g_assert_cmpuint (json_array_get_length (failures), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (failures, 0),
                                                  "elementId"), ==, offline);

  bad = call (fixture, "/acs/v1/remote/control",
              "{\"remoteControl\":{\"actionType\":5,\"elementlist\":[\"%s\"]}}", online);
  g_assert_cmpstr (code_of (bad), ==, "OPEN000010");
}

static void
test_certificate_records (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) page2 = NULL;
  g_autoptr(JsonNode) failed = NULL;
  g_autoptr(JsonNode) by_door = NULL;
  g_autoptr(JsonNode) by_type = NULL;
  g_autoptr(JsonNode) by_time = NULL;
  g_autoptr(JsonNode) by_name = NULL;
  g_autoptr(JsonNode) too_big = NULL;
  g_autoptr(JsonNode) zero = NULL;
  g_autofree char *door = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *time = NULL;
  JsonObject *first;
  gint64 total;

  all = call (fixture, "/acs/v1/event/certificaterecords/search",
              "{\"pageIndex\":1,\"pageSize\":200}");
  g_assert_cmpstr (code_of (all), ==, "0");
  /* This endpoint's envelope says errorMsg (T16). */
  g_assert_null (hcc_test_json_get (all, "message"));
  total = hcc_test_json_get_int (all, "data.totalNum");
  g_assert_cmpint (total, >, 10);
  first = item (all, "data.recordList", 0);
  door = g_strdup (json_object_get_string_member (first, "elementId"));
  time = g_strdup (json_object_get_string_member (first, "occurTime"));

  page2 = call (fixture, "/acs/v1/event/certificaterecords/search",
                "{\"pageIndex\":2,\"pageSize\":5}");
  g_assert_cmpstr (hcc_test_json_get_string (page2, "data.recordList.0.recordGuid"), ==,
                   json_object_get_string_member (item (all, "data.recordList", 5),
                                                  "recordGuid"));

  failed = call (fixture, "/acs/v1/event/certificaterecords/search",
                 "{\"pageIndex\":1,\"pageSize\":200,\"searchCriteria\":{\"swipeAuthResult\":2}}");
  g_assert_cmpint (hcc_test_json_get_int (failed, "data.totalNum"), <, total);
  for (guint i = 0; i < json_array_get_length (array_at (failed, "data.recordList")); i++)
    g_assert_cmpint (json_object_get_int_member (item (failed, "data.recordList", i),
                                                 "swipeAuthResult"), ==, 0);

  by_door = call (fixture, "/acs/v1/event/certificaterecords/search",
                  "{\"pageIndex\":1,\"pageSize\":200,"
                  "\"searchCriteria\":{\"elementIDs\":\"%s\"}}", door);
  for (guint i = 0; i < json_array_get_length (array_at (by_door, "data.recordList")); i++)
    g_assert_cmpstr (json_object_get_string_member (item (by_door, "data.recordList", i),
                                                    "elementId"), ==, door);
  g_assert_cmpint (hcc_test_json_get_int (by_door, "data.totalNum"), >=, 1);

  by_type = call (fixture, "/acs/v1/event/certificaterecords/search",
                  "{\"pageIndex\":1,\"pageSize\":200,\"searchCriteria\":{\"eventTypes\":\"80001,"
                  "80093\"}}");
  for (guint i = 0; i < json_array_get_length (array_at (by_type, "data.recordList")); i++) {
    gint64 type = json_object_get_int_member (item (by_type, "data.recordList", i),
                                              "eventType");

    g_assert_true (type == 80001 || type == 80093);
  }

  /* The newest record comes first; a window from its time holds it. */
  by_time = call (fixture, "/acs/v1/event/certificaterecords/search",
                  "{\"pageIndex\":1,\"pageSize\":200,"
                  "\"searchCriteria\":{\"beginTime\":\"%s\"}}", time);
  g_assert_cmpint (hcc_test_json_get_int (by_time, "data.totalNum"), ==, 1);

  for (guint i = 0; i < json_array_get_length (array_at (all, "data.recordList")) &&
       first_name == NULL; i++) {
    JsonObject *record = item (all, "data.recordList", i);

    if (json_object_has_member (record, "personInfo")) {
      g_autofree char *path = g_strdup_printf ("data.recordList.%u.personInfo.baseInfo.firstName",
                                               i);

      first_name = g_strdup (hcc_test_json_get_string (all, path));
    }
  }
  g_assert_nonnull (first_name);
  by_name = call (fixture, "/acs/v1/event/certificaterecords/search",
                  "{\"pageIndex\":1,\"pageSize\":200,"
                  "\"searchCriteria\":{\"personCondition\":{\"personName\":\"%s\"}}}",
                  first_name);
  g_assert_cmpint (hcc_test_json_get_int (by_name, "data.totalNum"), >=, 1);
  g_assert_cmpint (hcc_test_json_get_int (by_name, "data.totalNum"), <, total);

  too_big = call (fixture, "/acs/v1/event/certificaterecords/search",
                  "{\"pageIndex\":1,\"pageSize\":201}");
  g_assert_cmpstr (code_of (too_big), ==, "OPEN000025");
  zero = call (fixture, "/acs/v1/event/certificaterecords/search",
               "{\"pageIndex\":1,\"pageSize\":0}");
  g_assert_cmpstr (code_of (zero), ==, "OPEN000025");
}

static void
test_access_levels (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) page0 = NULL;
  g_autoptr(JsonNode) by_name = NULL;
  g_autoptr(JsonNode) missing = NULL;
  JsonObject *level;
  JsonArray *list;
  gint64 total;

  all = call (fixture, "/acspm/v1/accesslevel/list",
              "{\"accessLevelSearchRequest\":{\"pageIndex\":1,\"pageSize\":50}}");
  g_assert_cmpstr (code_of (all), ==, "0");
  total = hcc_test_json_get_int (all, "data.accessLevelResponse.totalNum");
  g_assert_cmpint (total, >=, 5);
  level = item (all, "data.accessLevelResponse.accessLevelList", 0);
  g_assert_cmpuint (strlen (json_object_get_string_member (level, "id")), ==, 18);
  list = json_object_get_array_member (level, "associateResList");
  g_assert_cmpuint (json_array_get_length (list), >=, 1);

  /* Default pageIndex is 0: the first page too. */
  page0 = call (fixture, "/acspm/v1/accesslevel/list",
                "{\"accessLevelSearchRequest\":{\"pageSize\":2}}");
  list = array_at (page0, "data.accessLevelResponse.accessLevelList");
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpstr (hcc_test_json_get_string (page0,
                                             "data.accessLevelResponse.accessLevelList.0.id"), ==,
                   json_object_get_string_member (level, "id"));

  by_name = call (fixture, "/acspm/v1/accesslevel/list",
                  "{\"accessLevelSearchRequest\":{\"pageIndex\":1,\"pageSize\":50,"
                  "\"searchCriteria\":{\"accessLevelName\":\"all doors\"}}}");
  g_assert_cmpint (hcc_test_json_get_int (by_name, "data.accessLevelResponse.totalNum"), ==, 1);

  missing = call (fixture, "/acspm/v1/accesslevel/list", "{}");
  g_assert_cmpstr (code_of (missing), ==, "OPEN000010");
}

typedef struct {
  Fixture    *fixture;
  const char *msg_type;
  JsonNode   *found;     /* (owned) (nullable) the matching Event(1) */
} Poll;

static gboolean
poll_messages (gpointer user_data)
{
  Poll *poll = user_data;
  g_autoptr(JsonNode) reply = call (poll->fixture, "/rawmsg/v1/mq/messages", "{}");
  JsonNode *events = hcc_test_json_get (reply, "data.event");
  const char *batch = hcc_test_json_get_string (reply, "data.batchId");

  for (guint i = 0; events != NULL && JSON_NODE_HOLDS_ARRAY (events) &&
                    i < json_array_get_length (json_node_get_array (events)); i++) {
    JsonNode *event = json_array_get_element (json_node_get_array (events), i);

    if (g_strcmp0 (hcc_test_json_get_string (event, "basicInfo.msgType"), poll->msg_type) == 0 &&
        poll->found == NULL)
      poll->found = json_node_copy (event);
  }
  if (batch != NULL) {
    g_autoptr(JsonNode) done = call (poll->fixture, "/rawmsg/v1/mq/messages/complete",
                                     "{\"batchId\":\"%s\"}", batch);
  }

  return poll->found != NULL;
}

static void
test_access_events (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) subscribed = NULL;
  g_autoptr(JsonNode) injected = NULL;
  g_autoptr(JsonNode) records = NULL;
  g_autoptr(JsonNode) doors = list_doors (fixture);
  g_autoptr(JsonNode) bad = NULL;
  g_autofree char *body = NULL;
  const char *door = door_id_where (doors, "1");
  const char *offline = door_id_where (doors, "0");
  Poll poll = { fixture, "Msg110013", NULL };
  guint status = 0;

  subscribed = call (fixture, "/rawmsg/v1/mq/subscribe",
                     "{\"subscribeType\":1,\"msgType\":[\"Msg110013\",\"Msg110531\"]}");
  g_assert_cmpstr (code_of (subscribed), ==, "0");

  body = g_strdup_printf ("{\"door_id\":\"%s\",\"kind\":\"face\",\"granted\":true}", door);
  injected = hcc_test_sim_control (fixture->sim, "POST", "/control/access-events", body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (hcc_test_json_get_string (injected, "msg_type"), ==, "Msg110013");

  g_assert_true (hcc_test_wait_until (poll_messages, &poll, 10000));
  g_assert_cmpint (hcc_test_json_get_int (poll.found, EVENT ".basicInfo.eventType"), ==, 110013);
  g_assert_cmpstr (hcc_test_json_get_string (poll.found, EVENT ".basicInfo.elementId"), ==, door);
  g_assert_cmpint (hcc_test_json_get_int (poll.found,
                                          "data.openDoorInfo.event.intelliInfo.authResult"), ==, 1);
  g_assert_nonnull (hcc_test_json_get_string (poll.found,
                                              "data.openDoorInfo.event.intelliInfo.personId"));
  json_node_unref (poll.found);

  /* The event is in the access log too, newest first. */
  records = call (fixture, "/acs/v1/event/certificaterecords/search",
                  "{\"pageIndex\":1,\"pageSize\":1}");
  g_assert_cmpint (hcc_test_json_get_int (records, "data.recordList.0.eventType"), ==, 80093);
  g_assert_cmpstr (hcc_test_json_get_string (records, "data.recordList.0.recordGuid"), ==,
                   hcc_test_json_get_string (injected, "record_guid"));

  /* A card event names the card. */
  g_clear_pointer (&injected, json_node_unref);
  g_clear_pointer (&records, json_node_unref);
  injected = hcc_test_sim_control (fixture->sim, "POST", "/control/access-events",
                                   "{\"kind\":\"card\",\"granted\":true}", &status);
  g_assert_cmpuint (status, ==, 200);
  records = call (fixture, "/acs/v1/event/certificaterecords/search",
                  "{\"pageIndex\":1,\"pageSize\":1}");
  g_assert_cmpint (hcc_test_json_get_int (records, "data.recordList.0.eventType"), ==, 80001);
  g_assert_cmpuint (strlen (hcc_test_json_get_string (records, "data.recordList.0.cardNumber")),
                    ==, 10);

  /* Offline doors report nothing; unknown kinds are refused. */
  g_free (body);
  body = g_strdup_printf ("{\"door_id\":\"%s\",\"kind\":\"card\",\"granted\":false}", offline);
  bad = hcc_test_sim_control (fixture->sim, "POST", "/control/access-events", body, &status);
  g_assert_cmpuint (status, ==, 409);
  g_clear_pointer (&bad, json_node_unref);
  bad = hcc_test_sim_control (fixture->sim, "POST", "/control/access-events",
                              "{\"kind\":\"telepathy\",\"granted\":true}", &status);
  g_assert_cmpuint (status, ==, 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sim/access/remote-control", test_remote_control);
  ADD ("/sim/access/certificate-records", test_certificate_records);
  ADD ("/sim/access/access-levels", test_access_levels);
  ADD ("/sim/access/events", test_access_events);
#undef ADD

  return g_test_run ();
}
