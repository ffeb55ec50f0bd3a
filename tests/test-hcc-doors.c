/* test-hcc-doors.c: listing doors and remote door control against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-hcc-services.h"

static GListModel *
list_doors (HccClient  *client,
            const char *serial)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *doors;

  if (serial != NULL)
    hcc_doors_list_for_device_async (client, serial, NULL, test_store_result_cb, &slot);
  else
    hcc_doors_list_async (client, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  doors = hcc_doors_list_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doors);

  return doors;
}

static GListModel *
control (HccClient          *client,
         HccDoorAction       action,
         const char * const *ids,
         GError            **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_doors_control_async (client, action, ids, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);

  return hcc_doors_control_finish (client, result, error);
}

static void
test_list (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) doors = list_doors (client, NULL);
  g_autoptr(GPtrArray) sent = NULL;
  guint n_offline = 0;

  /* The demo site has several door stations and controllers. */
  g_assert_cmpuint (g_list_model_get_n_items (doors), >=, 4);

  for (guint i = 0; i < g_list_model_get_n_items (doors); i++)
    {
      g_autoptr(HccDoor) door = g_list_model_get_item (doors, i);

      g_assert_nonnull (hcc_door_get_id (door));
      /* Door IDs are long digit strings and must arrive whole (T51). */
      g_assert_cmpuint (strlen (hcc_door_get_id (door)), >=, 10);
      g_assert_nonnull (hcc_door_get_name (door));
      g_assert_nonnull (hcc_door_get_device_serial (door));
      g_assert_nonnull (hcc_door_get_area_name (door));
      if (!hcc_door_get_online (door))
        n_offline++;
    }
  g_assert_cmpuint (n_offline, >=, 1);

  /* Paged with pageIndex and a filter object. */
  sent = test_requests_for (sim, "/resource/v1/areas/doors/get");
  g_assert_cmpuint (sent->len, >=, 1);
  g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (sent, 0), "pageIndex"), ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "filter.includeSubArea"), ==, "1");
}

static void
test_list_by_serial (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) all = list_doors (client, NULL);
  g_autoptr(HccDoor) first = g_list_model_get_item (all, 0);
  g_autofree char *serial = g_strdup_printf ("%s ", hcc_door_get_device_serial (first));
  g_autoptr(GListModel) some = list_doors (client, serial);
  g_autoptr(GPtrArray) sent = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (some), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (some), <, g_list_model_get_n_items (all));
  for (guint i = 0; i < g_list_model_get_n_items (some); i++)
    {
      g_autoptr(HccDoor) door = g_list_model_get_item (some, i);

      g_assert_cmpstr (hcc_door_get_device_serial (door), ==, hcc_door_get_device_serial (first));
    }

  /* The serial goes out trimmed (T54). */
  sent = test_requests_for (sim, "/resource/v1/areas/doors/get");
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, sent->len - 1),
                                             "filter.deviceSerialNo"),
                   ==, hcc_door_get_device_serial (first));
}

static void
test_unlock_with_offline_door (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) doors = list_doors (client, NULL);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[3] = { NULL, NULL, NULL };
  g_autoptr(HccDoor) online = NULL;
  g_autoptr(HccDoor) offline = NULL;
  JsonNode *list;
  g_autoptr(HccDoorResult) ok = NULL;
  g_autoptr(HccDoorResult) failed = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (doors); i++)
    {
      g_autoptr(HccDoor) door = g_list_model_get_item (doors, i);

      if (hcc_door_get_online (door) && online == NULL)
        online = g_object_ref (door);
      else if (!hcc_door_get_online (door) && offline == NULL)
        offline = g_object_ref (door);
    }
  g_assert_nonnull (online);
  g_assert_nonnull (offline);

  ids[0] = hcc_door_get_id (online);
  ids[1] = hcc_door_get_id (offline);
  test_clear_requests (sim);
  results = control (client, HCC_DOOR_ACTION_UNLOCK, ids, &error);
  g_assert_no_error (error);

  /* One result per door, in order: the offline one failed with a code. */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  ok = g_list_model_get_item (results, 0);
  failed = g_list_model_get_item (results, 1);
  g_assert_cmpstr (hcc_door_result_get_door_id (ok), ==, ids[0]);
  g_assert_true (hcc_door_result_get_succeeded (ok));
  g_assert_null (hcc_door_result_get_error_code (ok));
  g_assert_cmpstr (hcc_door_result_get_door_id (failed), ==, ids[1]);
  g_assert_false (hcc_door_result_get_succeeded (failed));
  g_assert_nonnull (hcc_door_result_get_error_code (failed));
  g_assert_cmpstr (hcc_door_result_get_error_code (failed), !=, "");
  g_assert_cmpuint (hcc_doors_count_failures (results), ==, 1);

  /* Exactly the two doors went out, with actionType 1, once. */
  sent = test_requests_for (sim, "/acs/v1/remote/control");
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (sent, 0), "remoteControl.actionType"), ==, 1);
  list = hcc_test_json_get (g_ptr_array_index (sent, 0), "remoteControl.elementlist");
  g_assert_nonnull (list);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (list), 0), ==, ids[0]);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (list), 1), ==, ids[1]);
}

static void
test_every_action (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) doors = list_doors (client, NULL);
  g_autoptr(HccDoor) door = g_list_model_get_item (doors, 0);
  g_autoptr(GPtrArray) sent = NULL;
  const char *ids[] = { hcc_door_get_id (door), NULL };

  test_clear_requests (sim);
  for (int action = HCC_DOOR_ACTION_UNLOCK; action <= HCC_DOOR_ACTION_KEEP_LOCKED; action++)
    {
      g_autoptr(GListModel) results = NULL;
      g_autoptr(GError) error = NULL;

      results = control (client, action, ids, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    }

  sent = test_requests_for (sim, "/acs/v1/remote/control");
  g_assert_cmpuint (sent->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (sent, i), "remoteControl.actionType"),
                     ==, i + 1);
}

static void
test_empty_list_refused (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GPtrArray) sent = NULL;
  const char *empty[] = { NULL };
  const char *blank[] = { "", "  ", NULL };

  test_clear_requests (sim);

  /* NULL, an empty list and blank IDs: the platform would open every door. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) results = NULL;

      results = control (client, HCC_DOOR_ACTION_UNLOCK,
                         i == 0 ? NULL : i == 1 ? empty : blank, &error);
      g_assert_null (results);
      g_assert_error (error, HCC_ERROR, HCC_ERROR_VALIDATION);
      g_assert_cmpstr (hcc_error_get_field (error), ==, "elementlist");
    }

  sent = test_requests_for (sim, "/acs/v1/remote/control");
  g_assert_cmpuint (sent->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/doors/list", test_list);
  g_test_add_func ("/hcc/doors/list-by-serial", test_list_by_serial);
  g_test_add_func ("/hcc/doors/unlock-offline", test_unlock_with_offline_door);
  g_test_add_func ("/hcc/doors/every-action", test_every_action);
  g_test_add_func ("/hcc/doors/empty-refused", test_empty_list_refused);

  return g_test_run ();
}
