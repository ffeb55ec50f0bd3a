/* test-hcc-devices.c: cameras and door stations against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-hcc-services.h"

static GListModel *
list_cameras (HccClient  *client,
              const char *serial)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  hcc_devices_list_cameras_async (client, serial, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  model = hcc_devices_list_cameras_finish (client, result, &error);
  g_assert_no_error (error);
  return model;
}

static void
find_station (HccClient   *client,
              const char  *serial,
              GListModel **cameras,
              GListModel **doors)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hcc_devices_find_station_async (client, serial, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  g_assert_true (hcc_devices_find_station_finish (client, result, cameras, doors, &error));
  g_assert_no_error (error);
}

static void
test_cameras (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (6, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) cameras = list_cameras (client, NULL);

  /* One per door station plus the NVR's cameras. */
  g_assert_cmpuint (g_list_model_get_n_items (cameras), >=, 4);
  for (guint i = 0; i < g_list_model_get_n_items (cameras); i++)
    {
      g_autoptr(HccCamera) camera = g_list_model_get_item (cameras, i);

      g_assert_nonnull (hcc_camera_get_id (camera));
      g_assert_nonnull (hcc_camera_get_name (camera));
      g_assert_nonnull (hcc_camera_get_device_serial (camera));
    }
}

static void
test_station (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (6, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) all_doors = NULL;
  g_autoptr(GListModel) cameras = NULL;
  g_autoptr(GListModel) doors = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autofree char *serial = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  /* A door station: a device with doors and a camera. */
  hcc_doors_list_async (client, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  all_doors = hcc_doors_list_finish (client, result, NULL);
  g_assert_nonnull (all_doors);
  for (guint i = 0; i < g_list_model_get_n_items (all_doors) && serial == NULL; i++)
    {
      g_autoptr(HccDoor) door = g_list_model_get_item (all_doors, i);
      g_autoptr(GListModel) some = list_cameras (client, hcc_door_get_device_serial (door));

      if (g_list_model_get_n_items (some) > 0)
        serial = g_strdup (hcc_door_get_device_serial (door));
    }
  g_assert_nonnull (serial);

  test_clear_requests (sim);
  find_station (client, serial, &cameras, &doors);
  g_assert_cmpuint (g_list_model_get_n_items (cameras), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (doors), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (doors); i++)
    {
      g_autoptr(HccDoor) door = g_list_model_get_item (doors, i);

      g_assert_cmpstr (hcc_door_get_device_serial (door), ==, serial);
    }

  /* Both lists asked by serial; no fallback needed. */
  sent = test_requests_for (sim, "/resource/v1/areas/cameras/get");
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "filter.deviceSerialNo"), ==, serial);
  g_ptr_array_unref (sent);
  sent = test_requests_for (sim, "/resource/v1/devicedetail/get");
  g_assert_cmpuint (sent->len, ==, 0);
}

static void
test_unknown_station_falls_back (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (6, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) cameras = NULL;
  g_autoptr(GListModel) doors = NULL;
  g_autoptr(GPtrArray) sent = NULL;

  test_clear_requests (sim);
  find_station (client, "Z99999999 ", &cameras, &doors);
  g_assert_cmpuint (g_list_model_get_n_items (cameras), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (doors), ==, 0);

  /* Empty lists send the client to devicedetail/get, with a trimmed serial. */
  sent = test_requests_for (sim, "/resource/v1/devicedetail/get");
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "deviceSerialNo"), ==, "Z99999999");
}

static void
test_mapping_spellings (void)
{
  g_autoptr(JsonNode) node = json_from_string (
    "[{\"id\": \"cam1\", \"name\": \"Lobby\", \"online\": \"1\","
    "  \"area\": {\"id\": \"a1\", \"name\": \"Site\"},"
    "  \"device\": {\"devInfo\": {\"id\": \"d1\", \"serialNo\": \"Q0001\"},"
    "              \"channelInfo\": {\"id\": 288329024512665601, \"no\": 1}}},"
    " {\"id\": 42, \"name\": \"Ramp\", \"online\": 0,"
    "  \"device\": {\"devInfo\": {\"id\": \"d2\", \"deviceSerial\": \"Q0002\"}}},"
    " \"garbage\", {\"name\": \"no id\"}]", NULL);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(HccCamera) first = NULL;
  g_autoptr(HccCamera) second = NULL;
  static const HccJsonField fields[] = {
    { "id|cameraId", "id", TRUE },
    { "name", "name", FALSE },
    { "online", "online", FALSE },
  };

  /* Through the public table mapper, as hcc-devices.c uses it. Entries
   * that are not objects or lack the ID are dropped. */
  model = hcc_pager_map_items (json_node_get_array (node), HCC_TYPE_CAMERA,
                               fields, G_N_ELEMENTS (fields), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_true (hcc_camera_get_online (first));
  g_assert_false (hcc_camera_get_online (second));
  g_assert_cmpstr (hcc_camera_get_id (second), ==, "42");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/devices/cameras", test_cameras);
  g_test_add_func ("/hcc/devices/station", test_station);
  g_test_add_func ("/hcc/devices/unknown-station", test_unknown_station_falls_back);
  g_test_add_func ("/hcc/devices/mapping-spellings", test_mapping_spellings);

  return g_test_run ();
}
