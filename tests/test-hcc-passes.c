/* test-hcc-passes.c: temporary passes and access levels against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-hcc-services.h"

static GListModel *
list_passes (HccClient  *client,
             const char *query)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  hcc_passes_list_async (client, query, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  model = hcc_passes_list_finish (client, result, &error);
  g_assert_no_error (error);
  return model;
}

static GListModel *
list_levels (HccClient *client)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  hcc_access_levels_list_async (client, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  model = hcc_access_levels_list_finish (client, result, &error);
  g_assert_no_error (error);
  return model;
}

static gboolean
write_pass (HccClient          *client,
            HccPass            *pass,
            gboolean            update,
            const char * const *levels,
            GError            **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  if (update)
    {
      hcc_passes_update_async (client, pass, levels, NULL, test_store_result_cb, &slot);
      result = test_wait_result (&slot);
      return hcc_passes_update_finish (client, result, error);
    }

  hcc_passes_add_async (client, pass, levels, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  return hcc_passes_add_finish (client, result, error);
}

static HccPass *
get_pass (HccClient  *client,
          const char *id,
          GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_passes_get_async (client, id, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  return hcc_passes_get_finish (client, result, error);
}

static gboolean
refresh_pass (HccClient *client,
              HccPass   *pass,
              GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_passes_refresh_async (client, pass, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  return hcc_passes_refresh_finish (client, result, error);
}

static HccPass *
new_pass (const char *name)
{
  HccPass *pass = hcc_pass_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);

  hcc_pass_set_name (pass, name);
  hcc_pass_set_open_count (pass, 5);
  hcc_pass_set_start_time (pass, now);
  hcc_pass_set_end_time (pass, later);

  return pass;
}

static gboolean
has_offset (const char *iso)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$",
                                         0, 0, NULL);

  return iso != NULL && g_regex_match (regex, iso, 0, NULL);
}

static void
test_list (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (5, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) passes = list_passes (client, NULL);
  g_autoptr(GListModel) levels = list_levels (client);
  g_autoptr(GPtrArray) sent = NULL;
  guint n_expired = 0;

  g_assert_cmpuint (g_list_model_get_n_items (passes), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (passes); i++)
    {
      g_autoptr(HccPass) pass = g_list_model_get_item (passes, i);

      g_assert_nonnull (hcc_pass_get_id (pass));
      g_assert_nonnull (hcc_pass_get_name (pass));
      g_assert_nonnull (hcc_pass_get_start_time (pass));
      g_assert_nonnull (hcc_pass_get_end_time (pass));
      if (hcc_pass_get_expired (pass))
        n_expired++;
    }
  g_assert_cmpuint (n_expired, >=, 1);

  g_assert_cmpuint (g_list_model_get_n_items (levels), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(HccAccessLevel) level = g_list_model_get_item (levels, i);

      g_assert_nonnull (hcc_access_level_get_id (level));
      g_assert_nonnull (hcc_access_level_get_name (level));
    }

  /* accesslevel/list pages inside accessLevelSearchRequest (T21). */
  sent = test_requests_for (sim, "/acspm/v1/accesslevel/list");
  g_assert_cmpuint (sent->len, >=, 1);
  g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (sent, 0),
                                          "accessLevelSearchRequest.pageIndex"), ==, 1);
  g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (sent, 0),
                                          "accessLevelSearchRequest.pageSize"), >=, 1);
}

static void
test_add_get_update_delete (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (5, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GListModel) levels = list_levels (client);
  g_autoptr(HccAccessLevel) level = g_list_model_get_item (levels, 0);
  const char *level_ids[] = { hcc_access_level_get_id (level), NULL };
  g_autoptr(HccPass) pass = new_pass ("Courier Fastpost");
  g_autoptr(HccPass) fetched = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  const char *delete_ids[2] = { NULL, NULL };
  JsonNode *body;
  JsonNode *al_ids;

  test_clear_requests (sim);
  g_assert_true (write_pass (client, pass, FALSE, level_ids, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hcc_pass_get_id (pass));
  g_assert_nonnull (hcc_pass_get_password (pass));
  g_assert_true (hcc_pass_get_code_text (pass) != NULL || hcc_pass_get_code_image (pass) != NULL);

  sent = test_requests_for (sim, "/vims/v1/tempauth/add");
  g_assert_cmpuint (sent->len, ==, 1);
  body = g_ptr_array_index (sent, 0);
  g_assert_cmpstr (hcc_test_json_get_string (body, "name"), ==, "Courier Fastpost");
  g_assert_cmpint (hcc_test_json_get_int (body, "openCount"), ==, 5);
  /* ISO 8601 with an offset, and the client's local time (T11). */
  g_assert_true (has_offset (hcc_test_json_get_string (body, "startTime")));
  g_assert_true (has_offset (hcc_test_json_get_string (body, "endTime")));
  g_assert_true (has_offset (hcc_test_json_get_string (body, "clientLocalTime")));
  al_ids = hcc_test_json_get (body, "alIds");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (al_ids));
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (al_ids), 0), ==, level_ids[0]);

  /* A get returns the PIN and a code; the platform does not say whether
   * the code is dynamic, so the first get cannot know either. */
  fetched = get_pass (client, hcc_pass_get_id (pass), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hcc_pass_get_id (fetched), ==, hcc_pass_get_id (pass));
  g_assert_cmpstr (hcc_pass_get_name (fetched), ==, "Courier Fastpost");
  g_assert_cmpint (hcc_pass_get_open_count (fetched), ==, 5);
  g_assert_nonnull (hcc_pass_get_code (fetched));
  g_assert_cmpint (hcc_pass_get_dynamic (fetched), ==, HCC_PASS_DYNAMIC_UNKNOWN);
  g_assert_cmpuint (g_list_model_get_n_items (hcc_pass_get_access_levels (fetched)), ==, 1);

  /* The simulated portal hands out dynamic codes: the next get differs. */
  g_assert_true (refresh_pass (client, fetched, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hcc_pass_get_dynamic (fetched), ==, HCC_PASS_DYNAMIC_YES);
  g_ptr_array_unref (sent);
  sent = test_requests_for (sim, "/vims/v1/tempauth/get");
  g_assert_cmpuint (sent->len, ==, 2);
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "id"), ==, hcc_pass_get_id (pass));
  g_assert_true (has_offset (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "clientLocalTime")));

  /* An update sends every field, alIds as an array (T8). */
  hcc_pass_set_name (pass, "Courier Quickpost");
  g_assert_true (write_pass (client, pass, TRUE, level_ids, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (sent);
  sent = test_requests_for (sim, "/vims/v1/tempauth/update");
  g_assert_cmpuint (sent->len, ==, 1);
  body = g_ptr_array_index (sent, 0);
  g_assert_cmpstr (hcc_test_json_get_string (body, "id"), ==, hcc_pass_get_id (pass));
  g_assert_cmpstr (hcc_test_json_get_string (body, "name"), ==, "Courier Quickpost");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (hcc_test_json_get (body, "alIds")));
  g_clear_object (&fetched);
  fetched = get_pass (client, hcc_pass_get_id (pass), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hcc_pass_get_name (fetched), ==, "Courier Quickpost");
  g_clear_object (&fetched);

  {
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) result = NULL;

    delete_ids[0] = hcc_pass_get_id (pass);
    hcc_passes_delete_async (client, delete_ids, NULL, test_store_result_cb, &slot);
    result = test_wait_result (&slot);
    g_assert_true (hcc_passes_delete_finish (client, result, &error));
    g_assert_no_error (error);
  }

  fetched = get_pass (client, hcc_pass_get_id (pass), &error);
  g_assert_null (fetched);
  g_assert_error (error, HCC_ERROR, HCC_ERROR_NOT_FOUND);
}

static void
test_validation (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (5, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GPtrArray) sent = NULL;
  g_autofree char *long_name = g_strnfill (33, 'x');
  g_autofree char *max_name = g_strnfill (32, 'y');
  struct {
    const char *name;
    int         open_count;
    gboolean    swap_times;
    const char *field;
  } cases[] = {
    { long_name, 5, FALSE, "name" },
    { "", 5, FALSE, "name" },
    { "Visitor", 0, FALSE, "openCount" },
    { "Visitor", 201, FALSE, "openCount" },
    { "Visitor", 5, TRUE, "endTime" },
  };

  test_clear_requests (sim);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HccPass) pass = new_pass (cases[i].name);
      g_autoptr(GError) error = NULL;

      hcc_pass_set_open_count (pass, cases[i].open_count);
      if (cases[i].swap_times)
        {
          g_autoptr(GDateTime) start = g_date_time_ref (hcc_pass_get_start_time (pass));

          hcc_pass_set_start_time (pass, hcc_pass_get_end_time (pass));
          hcc_pass_set_end_time (pass, start);
        }

      g_assert_false (write_pass (client, pass, FALSE, NULL, &error));
      g_assert_error (error, HCC_ERROR, HCC_ERROR_VALIDATION);
      g_assert_cmpstr (hcc_error_get_field (error), ==, cases[i].field);
    }

  sent = test_requests_for (sim, "/vims/v1/tempauth/add");
  g_assert_cmpuint (sent->len, ==, 0);

  /* The limits themselves are allowed. */
  {
    g_autoptr(HccPass) pass = new_pass (max_name);
    g_autoptr(GError) error = NULL;

    hcc_pass_set_open_count (pass, 200);
    g_assert_true (hcc_passes_validate (pass, &error));
    g_assert_no_error (error);
  }
}

static HccPass *
pass_from_json (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(HccPass) pass = hcc_pass_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (node);
  g_assert_true (hcc_pass_update_from_json (pass, json_node_get_object (node), &error));
  g_assert_no_error (error);

  return g_steal_pointer (&pass);
}

static void
test_mapping_spellings (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autofree char *png64 = g_base64_encode (png, sizeof png);
  g_autofree char *text64 = g_base64_encode ((const guchar *) "PASS:237160983473358848", 23);
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;
  g_autoptr(HccPass) a = NULL;
  g_autoptr(HccPass) b = NULL;

  /* The object table's spelling and types. */
  json_a = g_strdup_printf ("{\"id\": \"237160983473358848\", \"name\": \"Visitor\", \"openCount\": 3,"
                            " \"startTime\": 1672370265000, \"endTime\": 1672456665000,"
                            " \"expiredStatus\": 1, \"password\": \"1234\", \"code\": \"%s\","
                            " \"accessLevelList\": [{\"accessLevelId\": \"11\", \"accessLevelName\": \"Lobby\"}]}",
                            png64);
  a = pass_from_json (json_a);
  g_assert_cmpstr (hcc_pass_get_id (a), ==, "237160983473358848");
  g_assert_cmpint (hcc_pass_get_open_count (a), ==, 3);
  g_assert_cmpint (g_date_time_to_unix (hcc_pass_get_start_time (a)), ==, 1672370265);
  g_assert_true (hcc_pass_get_expired (a));
  g_assert_nonnull (hcc_pass_get_code_image (a));
  g_assert_cmpuint (g_bytes_get_size (hcc_pass_get_code_image (a)), ==, sizeof png);
  g_assert_null (hcc_pass_get_code_text (a));
  g_assert_cmpuint (g_list_model_get_n_items (hcc_pass_get_access_levels (a)), ==, 1);

  /* The list example's spelling (T10), numbers as strings (T12), an ID as
   * a number (T51), a single object for the list (T7), a text payload. */
  json_b = g_strdup_printf ("{\"id\": 237160983473358849, \"name\": \"Visitor\", \"openCount\": \"3\","
                            " \"startDate\": \"1672370265000\", \"endDate\": 1672456665000,"
                            " \"expiredStatus\": \"0\", \"code\": \"%s\","
                            " \"accessLevelList\": {\"accessLevelId\": 12, \"accessLevelName\": \"Garage\"}}",
                            text64);
  b = pass_from_json (json_b);
  g_assert_cmpstr (hcc_pass_get_id (b), ==, "237160983473358849");
  g_assert_cmpint (hcc_pass_get_open_count (b), ==, 3);
  g_assert_cmpint (g_date_time_to_unix (hcc_pass_get_start_time (b)), ==, 1672370265);
  g_assert_cmpint (g_date_time_to_unix (hcc_pass_get_end_time (b)), ==, 1672456665);
  g_assert_false (hcc_pass_get_expired (b));
  g_assert_null (hcc_pass_get_code_image (b));
  g_assert_cmpstr (hcc_pass_get_code_text (b), ==, "PASS:237160983473358848");
  g_assert_cmpuint (g_list_model_get_n_items (hcc_pass_get_access_levels (b)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/passes/list", test_list);
  g_test_add_func ("/hcc/passes/add-get-update-delete", test_add_get_update_delete);
  g_test_add_func ("/hcc/passes/validation", test_validation);
  g_test_add_func ("/hcc/passes/mapping-spellings", test_mapping_spellings);

  return g_test_run ();
}
