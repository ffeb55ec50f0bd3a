/* test-hcc-mappers.c: both spellings and loose types of every model field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each field the catalogue lists as inconsistent (§14: T6, T7, T10,
 * T12, T15, T17, T37, T51), the table mappers of the services get the
 * table's spelling and the example's, and must read the same model.
 */

#include "test-hcc-services.h"

static JsonObject *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_object_ref (json_node_get_object (node));
  json_node_unref (node);

  return object;
}

static void
test_door (void)
{
  const char *forms[] = {
    "{\"id\": \"288329024512665601\", \"name\": \"Main\", \"online\": \"1\","
    " \"area\": {\"id\": \"a1\", \"name\": \"North\"},"
    " \"device\": {\"devInfo\": {\"id\": \"d1\", \"category\": \"0\", \"serialNo\": \"Q1\","
    "  \"streamSecretKey\": \"x\"}, \"channelInfo\": {\"id\": \"288329024512665601\", \"no\": \"1\"}}}",
    /* IDs as numbers (T51), online as an integer (T12), no device. */
    "{\"id\": 288329024512665601, \"name\": \"Main\", \"online\": 1,"
    " \"area\": {\"id\": \"a1\", \"name\": \"North\"},"
    " \"device\": {\"devInfo\": {\"id\": \"d1\", \"deviceSerial\": \"Q1\"},"
    "  \"channelInfo\": {\"id\": 288329024512665601, \"no\": 1}}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(JsonObject) object = parse (forms[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HccDoor) door = hcc_doors_parse_door (object, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hcc_door_get_id (door), ==, "288329024512665601");
      g_assert_true (hcc_door_get_online (door));
      g_assert_cmpstr (hcc_door_get_area_name (door), ==, "North");
      g_assert_cmpstr (hcc_door_get_device_serial (door), ==, "Q1");
      g_assert_cmpstr (hcc_door_get_channel_id (door), ==, "288329024512665601");
      g_assert_cmpstr (hcc_door_get_channel_no (door), ==, "1");
    }

  {
    g_autoptr(JsonObject) object = parse ("{\"name\": \"no id\"}");
    g_autoptr(GError) error = NULL;
    g_autoptr(HccDoor) door = hcc_doors_parse_door (object, &error);

    g_assert_null (door);
    g_assert_nonnull (error);
  }
}

static void
test_camera (void)
{
  const char *forms[] = {
    "{\"id\": \"c1\", \"name\": \"Lobby\", \"abilitySet\": \"1,2\", \"online\": \"0\","
    " \"device\": {\"devInfo\": {\"id\": \"d1\", \"serialNo\": \"Q1\"}, \"channelInfo\": {\"id\": \"5\", \"no\": \"2\"}}}",
    "{\"cameraId\": \"c1\", \"cameraName\": \"Lobby\", \"abilitySet\": \"1,2\", \"online\": false,"
    " \"device\": {\"devInfo\": {\"id\": \"d1\", \"deviceSerial\": \"Q1\"}, \"channelInfo\": {\"id\": 5, \"no\": 2}}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(JsonObject) object = parse (forms[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HccCamera) camera = hcc_devices_parse_camera (object, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hcc_camera_get_id (camera), ==, "c1");
      g_assert_cmpstr (hcc_camera_get_name (camera), ==, "Lobby");
      g_assert_false (hcc_camera_get_online (camera));
      g_assert_cmpstr (hcc_camera_get_device_serial (camera), ==, "Q1");
      g_assert_cmpstr (hcc_camera_get_channel_no (camera), ==, "2");
    }
}

static void
test_building_and_room (void)
{
  const char *buildings[] = {
    "{\"buildId\": \"b1\", \"buildName\": \"North Tower\", \"areaId\": \"a1\", \"totalRoom\": 36, \"totalPerson\": 84}",
    "{\"buildId\": 1234567890123456789, \"buildName\": \"North Tower\", \"areaId\": 77, \"totalRoom\": \"36\","
    " \"totalPerson\": \"84\"}",
  };
  const char *rooms[] = {
    "{\"roomId\": \"r1\", \"roomName\": \"Flat 101\", \"roomNum\": 101, \"buildId\": \"b1\","
    " \"buildName\": \"North Tower\", \"areaId\": \"a1\", \"personAmount\": 3, \"accountType\": 1}",
    /* buildName and areaId typed Integer (T37), numbers as strings (T12). */
    "{\"roomId\": \"r1\", \"roomName\": \"Flat 101\", \"roomNum\": \"101\", \"buildId\": \"b1\","
    " \"buildName\": 42, \"areaId\": 1234567890123456789, \"personAmount\": \"3\", \"accountType\": \"1\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (buildings); i++)
    {
      g_autoptr(JsonObject) object = parse (buildings[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HccBuilding) building = hcc_directory_parse_building (object, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hcc_building_get_name (building), ==, "North Tower");
      g_assert_cmpint (hcc_building_get_total_rooms (building), ==, 36);
      g_assert_cmpint (hcc_building_get_total_persons (building), ==, 84);
    }
  {
    g_autoptr(JsonObject) object = parse (buildings[1]);
    g_autoptr(HccBuilding) building = hcc_directory_parse_building (object, NULL);

    g_assert_cmpstr (hcc_building_get_id (building), ==, "1234567890123456789");
  }

  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    {
      g_autoptr(JsonObject) object = parse (rooms[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HccRoom) room = hcc_directory_parse_room (object, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hcc_room_get_id (room), ==, "r1");
      g_assert_cmpstr (hcc_room_get_number (room), ==, "101");
      g_assert_cmpint (hcc_room_get_person_amount (room), ==, 3);
      g_assert_cmpint (hcc_room_get_account_type (room), ==, 1);
      g_assert_nonnull (hcc_room_get_building_name (room));
      g_assert_nonnull (hcc_room_get_area_id (room));
    }
  {
    g_autoptr(JsonObject) object = parse (rooms[1]);
    g_autoptr(HccRoom) room = hcc_directory_parse_room (object, NULL);

    g_assert_cmpstr (hcc_room_get_building_name (room), ==, "42");
    g_assert_cmpstr (hcc_room_get_area_id (room), ==, "1234567890123456789");
  }
}

static void
test_resident (void)
{
  const char *forms[] = {
    "{\"personId\": \"237160983473358848\", \"firstName\": \"Ada\", \"lastName\": \"Byron\","
    " \"phone\": \"+44 1\", \"email\": \"ada@example.org\", \"isExpired\": \"1\","
    " \"roomList\": [{\"roomId\": \"r1\", \"buildId\": \"b1\", \"accountType\": 1},"
    "                {\"roomId\": \"r2\", \"buildId\": \"b1\", \"accountType\": 0}]}",
    /* isExpired as an integer (T12), the ID as a number (T51), a single
     * room object where a list belongs (T7). */
    "{\"personId\": 237160983473358848, \"firstName\": \"Ada\", \"lastName\": \"Byron\","
    " \"phone\": \"+44 1\", \"email\": \"ada@example.org\", \"isExpired\": 1,"
    " \"roomList\": {\"roomId\": \"r1\", \"buildId\": \"b1\", \"accountType\": \"1\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(JsonObject) object = parse (forms[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HccResident) resident = hcc_directory_parse_resident (object, &error);
      g_autoptr(HccRoom) room = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (hcc_resident_get_id (resident), ==, "237160983473358848");
      g_assert_cmpstr (hcc_resident_get_last_name (resident), ==, "Byron");
      g_assert_true (hcc_resident_get_expired (resident));
      g_assert_cmpuint (g_list_model_get_n_items (hcc_resident_get_rooms (resident)), ==, i == 0 ? 2 : 1);
      room = g_list_model_get_item (hcc_resident_get_rooms (resident), 0);
      g_assert_cmpstr (hcc_room_get_id (room), ==, "r1");
      g_assert_cmpint (hcc_room_get_account_type (room), ==, 1);
    }
}

static void
test_access_level (void)
{
  const char *forms[] = {
    "{\"id\": \"288329024512665601\", \"name\": \"All doors\", \"remark\": \"\", \"usageType\": 0,"
    " \"areaInfo\": {\"id\": \"a1\", \"name\": \"Site\"}, \"timeSchedule\": {\"id\": \"t\", \"name\": \"Always\"}}",
    /* AccessLevel's own names, a numeric ID, a capitalised Name (T15). */
    "{\"accessLevelId\": 288329024512665601, \"accessLevelName\": \"All doors\", \"usageType\": \"0\","
    " \"areaInfo\": {\"id\": \"a1\", \"name\": \"Site\"}, \"timeSchedule\": {\"ID\": \"t\", \"Name\": \"Always\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(JsonObject) object = parse (forms[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HccAccessLevel) level = hcc_passes_parse_access_level (object, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hcc_access_level_get_id (level), ==, "288329024512665601");
      g_assert_cmpstr (hcc_access_level_get_name (level), ==, "All doors");
      g_assert_cmpstr (hcc_access_level_get_area_name (level), ==, "Site");
      g_assert_cmpstr (hcc_access_level_get_schedule_name (level), ==, "Always");
    }
}

static void
test_segment (void)
{
  const char *forms[] = {
    "{\"beginTime\": \"2023-10-21T11:08:23+08:00\", \"endTime\": \"2023-10-21T11:38:23+08:00\", \"targetType\": 0}",
    /* targetType typed String in the table; UTC with Z. */
    "{\"beginTime\": \"2023-10-21T03:08:23Z\", \"endTime\": \"2023-10-21T03:38:23Z\", \"targetType\": \"0\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(JsonObject) object = parse (forms[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HccRecordSegment) segment = hcc_video_parse_segment (object, &error);

      g_assert_no_error (error);
      g_assert_cmpint (g_date_time_to_unix (hcc_record_segment_get_begin_time (segment)), ==, 1697857703);
      g_assert_cmpint (g_date_time_to_unix (hcc_record_segment_get_end_time (segment)), ==, 1697859503);
      g_assert_cmpint (hcc_record_segment_get_target_type (segment), ==, 0);
    }
}

static void
test_access_record (void)
{
  const char *forms[] = {
    "{\"recordGuid\": \"g1\", \"elementId\": \"288329024512665601\", \"elementName\": \"Lobby\","
    " \"elementType\": 1002, \"occurTime\": \"2023-10-21T11:08:23+08:00\", \"eventType\": 100657,"
    " \"swipeAuthResult\": 1, \"cardNumber\": \"123\", \"direction\": 1, \"masksStatus\": 3,"
    " \"personInfo\": {\"id\": \"p1\", \"baseInfo\": {\"firstName\": \"Ada\", \"lastName\": \"Byron\"}}}",
    "{\"recordGuid\": \"g1\", \"elementId\": 288329024512665601, \"elementName\": \"Lobby\","
    " \"elementType\": \"1002\", \"occurTime\": \"20231021T110823+0800\", \"eventType\": \"100657\","
    " \"swipeAuthResult\": \"1\", \"cardNumber\": 123, \"direction\": \"1\","
    " \"personInfo\": {\"id\": \"p1\", \"baseInfo\": {\"firstName\": \"Ada\", \"lastName\": \"Byron\"}}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(JsonObject) object = parse (forms[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HccAccessRecord) record = hcc_access_records_parse_record (object, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hcc_access_record_get_element_id (record), ==, "288329024512665601");
      g_assert_cmpint (hcc_access_record_get_element_type (record), ==, 1002);
      g_assert_cmpint (hcc_access_record_get_event_type (record), ==, 100657);
      g_assert_true (hcc_access_record_get_succeeded (record));
      g_assert_cmpstr (hcc_access_record_get_card_number (record), ==, "123");
      g_assert_cmpint (hcc_access_record_get_direction (record), ==, 1);
      g_assert_cmpstr (hcc_access_record_get_person_id (record), ==, "p1");
      g_assert_cmpstr (hcc_access_record_get_person_name (record), ==, "Ada Byron");
      g_assert_nonnull (hcc_access_record_get_occur_time (record));
      g_assert_cmpint (g_date_time_to_unix (hcc_access_record_get_occur_time (record)), ==, 1697857703);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/mappers/door", test_door);
  g_test_add_func ("/hcc/mappers/camera", test_camera);
  g_test_add_func ("/hcc/mappers/building-room", test_building_and_room);
  g_test_add_func ("/hcc/mappers/resident", test_resident);
  g_test_add_func ("/hcc/mappers/access-level", test_access_level);
  g_test_add_func ("/hcc/mappers/segment", test_segment);
  g_test_add_func ("/hcc/mappers/access-record", test_access_record);

  return g_test_run ();
}
