/* test-hcc-calls.c: answering, declining and hanging up calls against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-hcc-services.h"

static char *
inject_call (HccTestSim *sim)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;
  const char *record_id;

  reply = hcc_test_sim_control (sim, "POST", "/control/calls",
                                "{\"call_type\": 1, \"timeout_s\": 600}", &status);
  g_assert_cmpuint (status, ==, 200);
  record_id = hcc_test_json_get_string (reply, "record_id");
  if (record_id == NULL)
    record_id = hcc_test_json_get_string (reply, "data.record_id");
  g_assert_nonnull (record_id);

  return g_strdup (record_id);
}

static void
control_call (HccTestSim *sim,
              const char *record_id,
              const char *what)
{
  g_autofree char *path = g_strdup_printf ("/control/calls/%s/%s", record_id, what);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (sim, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

static gboolean
act (HccClient     *client,
     const char    *record_id,
     HccCallAction  action,
     const char    *user_id,
     GError       **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_calls_act_async (client, record_id, action, user_id, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);

  return hcc_calls_act_finish (client, result, error);
}

static void
test_answer_and_hang_up (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (2, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autofree char *record_id = inject_call (sim);
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *body;

  test_clear_requests (sim);
  g_assert_true (act (client, record_id, HCC_CALL_ACTION_ANSWER, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (act (client, record_id, HCC_CALL_ACTION_HANG_UP, NULL, &error));
  g_assert_no_error (error);

  /* A call to the desk goes out with the token's userId (T40). */
  sent = test_requests_for (sim, "/devcall/v1/call/receive");
  g_assert_cmpuint (sent->len, ==, 2);
  body = g_ptr_array_index (sent, 0);
  g_assert_cmpstr (hcc_test_json_get_string (body, "recordId"), ==, record_id);
  g_assert_cmpint (hcc_test_json_get_int (body, "status"), ==, 1);
  g_assert_nonnull (hcc_client_get_user_id (client));
  g_assert_cmpstr (hcc_test_json_get_string (body, "userId"), ==, hcc_client_get_user_id (client));
  g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (sent, 1), "status"), ==, 3);
}

static void
test_decline_with_user (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (2, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autofree char *record_id = inject_call (sim);
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;

  test_clear_requests (sim);
  g_assert_true (act (client, record_id, HCC_CALL_ACTION_DECLINE, "someone-else", &error));
  g_assert_no_error (error);

  sent = test_requests_for (sim, "/devcall/v1/call/receive");
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpint (hcc_test_json_get_int (g_ptr_array_index (sent, 0), "status"), ==, 2);
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "userId"), ==, "someone-else");
}

static void
test_unknown_record (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (2, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GError) error = NULL;

  g_assert_false (act (client, "999999999999999999", HCC_CALL_ACTION_ANSWER, NULL, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_NOT_FOUND);
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "VMS038019");
}

static void
test_answered_elsewhere (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (2, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autofree char *record_id = inject_call (sim);
  g_autoptr(GError) error = NULL;

  control_call (sim, record_id, "answer-elsewhere");
  g_assert_false (act (client, record_id, HCC_CALL_ACTION_ANSWER, NULL, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_CONFLICT);
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "VMS038027");
}

static void
test_cancelled_by_device (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (2, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autofree char *record_id = inject_call (sim);
  g_autoptr(GError) error = NULL;

  control_call (sim, record_id, "cancel");
  g_assert_false (act (client, record_id, HCC_CALL_ACTION_ANSWER, NULL, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_CONFLICT);
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "VMS038029");
}

static void
test_not_retried (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (2, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autofree char *record_id = inject_call (sim);
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  /* Log in first, so the fault hits call/receive and nothing else. */
  {
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) result = NULL;

    hcc_client_login_async (client, NULL, test_store_result_cb, &slot);
    result = test_wait_result (&slot);
    g_assert_true (hcc_client_login_finish (client, result, &error));
  }

  reply = hcc_test_sim_control (sim, "POST", "/control/faults",
                                "{\"kind\": \"http-error\", \"status\": 503, \"count\": 1,"
                                " \"path\": \"/api/hccgw/devcall/v1/call/receive\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  test_clear_requests (sim);

  g_assert_false (act (client, record_id, HCC_CALL_ACTION_ANSWER, NULL, &error));
  g_assert_nonnull (error);

  /* One attempt only: the user decides again. */
  sent = test_requests_for (sim, "/devcall/v1/call/receive");
  g_assert_cmpuint (sent->len, ==, 1);
}

static void
test_validation (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (2, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;

  test_clear_requests (sim);
  g_assert_false (act (client, "", HCC_CALL_ACTION_ANSWER, NULL, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_VALIDATION);
  g_assert_cmpstr (hcc_error_get_field (error), ==, "recordId");

  sent = test_requests_for (sim, "/devcall/v1/call/receive");
  g_assert_cmpuint (sent->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/calls/answer-hang-up", test_answer_and_hang_up);
  g_test_add_func ("/hcc/calls/decline-with-user", test_decline_with_user);
  g_test_add_func ("/hcc/calls/unknown-record", test_unknown_record);
  g_test_add_func ("/hcc/calls/answered-elsewhere", test_answered_elsewhere);
  g_test_add_func ("/hcc/calls/cancelled-by-device", test_cancelled_by_device);
  g_test_add_func ("/hcc/calls/not-retried", test_not_retried);
  g_test_add_func ("/hcc/calls/validation", test_validation);

  return g_test_run ();
}
