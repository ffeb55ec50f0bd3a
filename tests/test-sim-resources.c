/* test-sim-resources.c: devices, areas, doors and cameras over real HTTP,
 * and the path from a calling door station's serial to its doors and camera
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <string.h>

#include "hcc-test-utils.h"

#define SEED 2024

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

static void
test_devices_get (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) intercoms = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(JsonNode) matched = NULL;
  g_autoptr(JsonNode) too_big = NULL;
  g_autoptr(JsonNode) two_categories = NULL;
  JsonArray *list;
  gint64 total;

  all = call (fixture, "/resource/v1/devices/get", "{\"pageIndex\":1,\"pageSize\":500}");
  g_assert_cmpstr (code_of (all), ==, "0");
  total = hcc_test_json_get_int (all, "data.totalCount");
  g_assert_cmpint (total, >=, 7);
  g_assert_cmpint (json_array_get_length (array_at (all, "data.device")), ==, total);

  intercoms = call (fixture, "/resource/v1/devices/get",
                    "{\"pageIndex\":\"1\",\"pageSize\":\"500\","
                    "\"deviceCategory\":\"videoIntercomDevice\"}");
  list = array_at (intercoms, "data.device");
  g_assert_cmpuint (json_array_get_length (list), ==, 4);
  for (guint i = 0; i < json_array_get_length (list); i++) {
    JsonObject *device = json_array_get_object_element (list, i);

    g_assert_cmpstr (json_object_get_string_member (device, "category"), ==, "videoIntercomDevice");
    g_assert_cmpint (json_object_get_int_member (device, "onlineStatus"), ==, 1);
    /* addTime is "yyyy-MM-dd HH:mm:ss". */
    g_assert_cmpuint (strlen (json_object_get_string_member (device, "addTime")), ==, 19);
  }

  page = call (fixture, "/resource/v1/devices/get", "{\"pageIndex\":2,\"pageSize\":3}");
  g_assert_cmpstr (hcc_test_json_get_string (page, "data.device.0.id"), ==,
                   hcc_test_json_get_string (all, "data.device.3.id"));

  matched = call (fixture, "/resource/v1/devices/get",
                  "{\"pageIndex\":1,\"pageSize\":10,\"filter\":{\"matchKey\":\"nvr\"}}");
  g_assert_cmpint (hcc_test_json_get_int (matched, "data.totalCount"), ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (matched, "data.device.0.category"), ==,
                   "encodingDevice");

  too_big = call (fixture, "/resource/v1/devices/get", "{\"pageIndex\":1,\"pageSize\":501}");
  g_assert_cmpstr (code_of (too_big), ==, "OPEN000025");
  two_categories = call (fixture, "/resource/v1/devices/get",
                         "{\"pageIndex\":1,\"pageSize\":10,\"deviceCategory\":\"encodingDevice,"
                         "videoIntercomDevice\"}");
  g_assert_cmpstr (code_of (two_categories), ==, "OPEN000010");
}

static void
test_areas_get (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) children = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  const char *root = NULL;
  JsonArray *list;

  all = call (fixture, "/resource/v1/areas/get",
              "{\"pageIndex\":\"1\",\"pageSize\":\"500\",\"filter\":{}}");
  g_assert_cmpstr (code_of (all), ==, "0");
  list = array_at (all, "data.area");
  g_assert_cmpuint (json_array_get_length (list), >=, 4);
  for (guint i = 0; i < json_array_get_length (list); i++) {
    JsonObject *area = json_array_get_object_element (list, i);

    if (g_strcmp0 (json_object_get_string_member (area, "parentAreaID"), "-1") == 0) {
      root = json_object_get_string_member (area, "id");
      g_assert_cmpint (json_object_get_int_member (area, "existSubArea"), ==, 1);
    } else {
      g_assert_nonnull (strstr (json_object_get_string_member (area, "areaPath"), "->"));
    }
  }
  g_assert_nonnull (root);

  children = call (fixture, "/resource/v1/areas/get",
                   "{\"pageIndex\":1,\"pageSize\":500,\"filter\":{\"parentAreaID\":\"%s\","
                   "\"includeSubArea\":\"0\"}}",
                   root);
  g_assert_cmpint (hcc_test_json_get_int (children, "data.totalCount"), ==,
                   json_array_get_length (list) - 1);

  unknown = call (fixture, "/resource/v1/areas/get",
                  "{\"pageIndex\":1,\"pageSize\":10,"
                  "\"filter\":{\"parentAreaID\":\"ffffffffffffffffffffffffffffffff\"}}");
  g_assert_cmpstr (code_of (unknown), ==, "OPEN000031");
}

/* The front desk's path: a Msg140001 names the calling station by serial;
 * the desk finds its doors (for remote/control) and its camera. */
static void
test_station_serial_to_doors_and_camera (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(JsonNode) stations = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autoptr(JsonNode) padded = NULL;
  g_autoptr(JsonNode) doors = NULL;
  g_autoptr(JsonNode) cameras = NULL;
  g_autoptr(JsonNode) by_id = NULL;
  g_autoptr(JsonNode) opened = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *camera_id = NULL;
  JsonArray *door_channels;
  JsonArray *door_list;

  stations = call (fixture, "/resource/v1/devices/get",
                   "{\"pageIndex\":1,\"pageSize\":10,\"deviceCategory\":\"videoIntercomDevice\","
                   "\"filter\":{\"matchKey\":\"North Tower\"}}");
  serial = g_strdup (hcc_test_json_get_string (stations, "data.device.0.serialNo"));
  g_assert_nonnull (serial);

  detail = call (fixture, "/resource/v1/devicedetail/get", "{\"deviceSerialNo\":\"%s\"}", serial);
  g_assert_cmpstr (code_of (detail), ==, "0");
  g_assert_cmpstr (hcc_test_json_get_string (detail, "data.device.baseInfo.serialNo"), ==, serial);
  g_assert_cmpstr (hcc_test_json_get_string (detail,
                                             "data.device.baseInfo.availableCameraChannelNum"),
                   ==, "1");
  door_channels = array_at (detail, "data.device.doorChannel");
  g_assert_cmpuint (json_array_get_length (door_channels), ==, 2);
  g_assert_cmpuint (json_array_get_length (array_at (detail, "data.device.cameraChannel")), ==, 1);

  /* The guide's example has a trailing space (L1570). */
  padded = call (fixture, "/resource/v1/devicedetail/get", "{\"deviceSerialNo\":\"%s \"}", serial);
  g_assert_cmpstr (code_of (padded), ==, "0");
  unknown = call (fixture, "/resource/v1/devicedetail/get", "{\"deviceSerialNo\":\"Q00000000\"}");
  g_assert_cmpstr (code_of (unknown), ==, "VMS021307");

  doors = call (fixture, "/resource/v1/areas/doors/get",
                "{\"pageIndex\":1,\"pageSize\":500,\"filter\":{\"areaID\":\"-1\","
                "\"includeSubArea\":\"1\","
                "\"deviceSerialNo\":\"%s\"}}", serial);
  door_list = array_at (doors, "data.door");
  g_assert_cmpuint (json_array_get_length (door_list), ==, 2);
  g_assert_cmpint (hcc_test_json_get_int (doors, "data.totalCount"), ==, 2);
  for (guint i = 0; i < 2; i++) {
    JsonObject *door = json_array_get_object_element (door_list, i);

    g_assert_cmpstr (json_object_get_string_member (door, "id"), ==,
                     json_object_get_string_member (json_array_get_object_element (door_channels,
                                                                                   i), "id"));
    g_assert_cmpstr (hcc_test_json_get_string (json_array_get_element (door_list, i),
                                               "device.devInfo.serialNo"),
                     ==, serial);
    g_assert_cmpuint (strlen (json_object_get_string_member (door, "id")), ==, 18);
  }

  cameras = call (fixture, "/resource/v1/areas/cameras/get",
                  "{\"pageIndex\":1,\"pageSize\":500,\"filter\":{\"areaID\":\"\","
                  "\"includeSubArea\":\"1\","
                  "\"deviceSerialNo\":\"%s\"}}", serial);
  g_assert_cmpint (hcc_test_json_get_int (cameras, "data.totalCount"), ==, 1);
  camera_id = g_strdup (hcc_test_json_get_string (cameras, "data.camera.0.id"));
  g_assert_cmpstr (camera_id, ==, hcc_test_json_get_string (detail,
                                                            "data.device.cameraChannel.0.id"));
  g_assert_cmpstr (hcc_test_json_get_string (cameras, "data.camera.0.device.devInfo.serialNo"), ==,
                   serial);

  by_id = call (fixture, "/resource/v1/areas/cameras/get",
                "{\"pageIndex\":1,\"pageSize\":500,\"filter\":{\"cameraID\":[\"%s\"]}}", camera_id);
  g_assert_cmpint (hcc_test_json_get_int (by_id, "data.totalCount"), ==, 1);

  /* And the door ID opens the door. */
  opened = call (fixture, "/acs/v1/remote/control",
                 "{\"remoteControl\":{\"actionType\":1,\"elementlist\":[\"%s\"]}}",
                 json_object_get_string_member (json_array_get_object_element (door_list, 0),
                                                "id"));
  g_assert_cmpstr (code_of (opened), ==, "0");
  g_assert_cmpuint (json_array_get_length (array_at (opened, "data.operationResult")), ==, 0);
}

static void
test_doors_and_cameras_by_area (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(JsonNode) all_doors = NULL;
  g_autoptr(JsonNode) all_cameras = NULL;
  g_autoptr(JsonNode) garden = NULL;
  g_autoptr(JsonNode) no_filter = NULL;
  const char *area_id;

  all_doors = call (fixture, "/resource/v1/areas/doors/get",
                    "{\"pageIndex\":1,\"pageSize\":500,\"filter\":{\"areaID\":\"-1\","
                    "\"includeSubArea\":\"1\"}}");
  g_assert_cmpint (hcc_test_json_get_int (all_doors, "data.totalCount"), >=, 7);
  all_cameras = call (fixture, "/resource/v1/areas/cameras/get",
                      "{\"pageIndex\":1,\"pageSize\":500,\"filter\":{\"areaID\":\"-1\","
                      "\"includeSubArea\":\"1\"}}");
  g_assert_cmpint (hcc_test_json_get_int (all_cameras, "data.totalCount"), >=, 7);

  /* The doors of one building's area only. */
  area_id = NULL;
  for (guint i = 0; i < json_array_get_length (array_at (all_doors, "data.door")); i++) {
    JsonNode *door = json_array_get_element (array_at (all_doors, "data.door"), i);

    if (g_strcmp0 (hcc_test_json_get_string (door, "area.name"), "Garden House") == 0)
      area_id = hcc_test_json_get_string (door, "area.id");
  }
  g_assert_nonnull (area_id);
  garden = call (fixture, "/resource/v1/areas/doors/get",
                 "{\"pageIndex\":1,\"pageSize\":500,\"filter\":{\"areaID\":\"%s\","
                 "\"includeSubArea\":\"0\"}}", area_id);
  g_assert_cmpint (hcc_test_json_get_int (garden, "data.totalCount"), ==, 2);

  no_filter = call (fixture, "/resource/v1/areas/doors/get", "{\"pageIndex\":1,\"pageSize\":10}");
  g_assert_cmpstr (code_of (no_filter), ==, "OPEN000010");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sim/resources/devices-get", test_devices_get);
  ADD ("/sim/resources/areas-get", test_areas_get);
  ADD ("/sim/resources/station-serial-to-doors-and-camera",
       test_station_serial_to_doors_and_camera);
  ADD ("/sim/resources/doors-and-cameras-by-area", test_doors_and_cameras_by_area);
#undef ADD

  return g_test_run ();
}
