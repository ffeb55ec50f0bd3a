/* test-hcc-access-records.c: the access log against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-hcc-services.h"

static GListModel *
search (HccClient  *client,
        GDateTime  *begin,
        GDateTime  *end,
        const char *door_id,
        guint       max,
        GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_access_records_search_async (client, begin, end, door_id, max, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  return hcc_access_records_search_finish (client, result, error);
}

static HccDoor *
online_door (HccClient *client)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) doors = NULL;

  hcc_doors_list_async (client, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  doors = hcc_doors_list_finish (client, result, NULL);
  g_assert_nonnull (doors);
  for (guint i = 0; i < g_list_model_get_n_items (doors); i++)
    {
      g_autoptr(HccDoor) door = g_list_model_get_item (doors, i);

      if (hcc_door_get_online (door))
        return g_steal_pointer (&door);
    }
  g_assert_not_reached ();
}

static void
post_event (HccTestSim *sim,
            const char *door_id,
            gboolean    granted)
{
  g_autofree char *json = g_strdup_printf ("{\"door_id\": \"%s\", \"kind\": \"card\", \"granted\": %s}",
                                           door_id, granted ? "true" : "false");
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (sim, "POST", "/control/access-events", json, &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_search (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (8, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccDoor) door = online_door (client);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) begin = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) end = g_date_time_add_hours (now, 1);
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GListModel) at_door = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  guint n_granted = 0;
  guint n_denied = 0;
  JsonNode *body;

  post_event (sim, hcc_door_get_id (door), TRUE);
  post_event (sim, hcc_door_get_id (door), TRUE);
  post_event (sim, hcc_door_get_id (door), FALSE);

  test_clear_requests (sim);
  records = search (client, begin, end, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (records), >=, 3);

  at_door = search (client, begin, end, hcc_door_get_id (door), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (at_door), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (at_door); i++)
    {
      g_autoptr(HccAccessRecord) record = g_list_model_get_item (at_door, i);

      g_assert_cmpstr (hcc_access_record_get_element_id (record), ==, hcc_door_get_id (door));
      g_assert_nonnull (hcc_access_record_get_occur_time (record));
      if (hcc_access_record_get_succeeded (record))
        n_granted++;
      else
        n_denied++;
    }
  g_assert_cmpuint (n_granted, >=, 2);
  g_assert_cmpuint (n_denied, >=, 1);

  /* pageSize at most 200 (T52), ISO times with an offset, door filter. */
  sent = test_requests_for (sim, "/acs/v1/event/certificaterecords/search");
  g_assert_cmpuint (sent->len, >=, 2);
  body = g_ptr_array_index (sent, 0);
  g_assert_cmpint (hcc_test_json_get_int (body, "pageIndex"), ==, 1);
  g_assert_cmpint (hcc_test_json_get_int (body, "pageSize"), <=, 200);
  g_assert_nonnull (strchr (hcc_test_json_get_string (body, "searchCriteria.beginTime"), 'T'));
  body = g_ptr_array_index (sent, sent->len - 1);
  g_assert_cmpstr (hcc_test_json_get_string (body, "searchCriteria.elementIDs"), ==, hcc_door_get_id (door));
}

static void
test_limit_and_refusal (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (8, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccDoor) door = online_door (client);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) begin = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) end = g_date_time_add_hours (now, 1);
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    post_event (sim, hcc_door_get_id (door), TRUE);

  records = search (client, begin, end, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 2);
  g_clear_object (&records);

  records = search (client, end, begin, NULL, 0, &error);
  g_assert_null (records);
  g_assert_error (error, HCC_ERROR, HCC_ERROR_VALIDATION);
  g_assert_cmpstr (hcc_error_get_field (error), ==, "endTime");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/access-records/search", test_search);
  g_test_add_func ("/hcc/access-records/limit-refusal", test_limit_and_refusal);

  return g_test_run ();
}
