/* test-hcc-video.c: live addresses, recordings and clips against hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-hcc-services.h"

static HccCamera *
online_camera (HccClient *client)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) cameras = NULL;

  hcc_devices_list_cameras_async (client, NULL, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  cameras = hcc_devices_list_cameras_finish (client, result, NULL);
  g_assert_nonnull (cameras);

  for (guint i = 0; i < g_list_model_get_n_items (cameras); i++)
    {
      g_autoptr(HccCamera) camera = g_list_model_get_item (cameras, i);

      if (hcc_camera_get_online (camera))
        return g_steal_pointer (&camera);
    }

  g_assert_not_reached ();
}

static HccLiveAddress *
live (HccClient         *client,
      const char        *camera_id,
      const char        *serial,
      HccStreamProtocol  protocol,
      guint              expire,
      GError           **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_video_get_live_address_async (client, camera_id, serial, protocol, HCC_STREAM_QUALITY_FLUENT,
                                    expire, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  return hcc_video_get_live_address_finish (client, result, error);
}

static void
test_live_hls (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (7, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccCamera) camera = online_camera (client);
  g_autoptr(HccLiveAddress) address = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  JsonNode *body;

  test_clear_requests (sim);
  /* Without the serial, the client looks it up first. */
  address = live (client, hcc_camera_get_id (camera), NULL, HCC_STREAM_PROTOCOL_HLS, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hcc_live_address_get_url (address));
  g_assert_true (g_str_has_prefix (hcc_live_address_get_url (address), "http"));
  g_assert_cmpint (hcc_live_address_get_protocol (address), ==, HCC_STREAM_PROTOCOL_HLS);
  g_assert_cmpint (hcc_live_address_get_quality (address), ==, HCC_STREAM_QUALITY_FLUENT);
  /* expireTime is epoch ms (T4): in the future, not in 1970 or 50000 AD. */
  g_assert_nonnull (hcc_live_address_get_expire_time (address));
  g_assert_cmpint (g_date_time_compare (hcc_live_address_get_expire_time (address), now), >, 0);
  g_assert_cmpint (g_date_time_get_year (hcc_live_address_get_expire_time (address)), <, 2200);

  sent = test_requests_for (sim, "/video/v1/live/address/get");
  g_assert_cmpuint (sent->len, ==, 1);
  body = g_ptr_array_index (sent, 0);
  g_assert_cmpstr (hcc_test_json_get_string (body, "resourceId"), ==, hcc_camera_get_id (camera));
  g_assert_cmpstr (hcc_test_json_get_string (body, "deviceSerial"), ==, hcc_camera_get_device_serial (camera));
  g_assert_cmpstr (hcc_test_json_get_string (body, "type"), ==, "1");
  g_assert_cmpint (hcc_test_json_get_int (body, "protocol"), ==, 2);
  g_assert_null (hcc_test_json_get (body, "expireTime"));
}

static void
test_live_rtmp_request (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (7, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccCamera) camera = online_camera (client);
  g_autoptr(HccLiveAddress) address = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *body;

  test_clear_requests (sim);
  address = live (client, hcc_camera_get_id (camera), hcc_camera_get_device_serial (camera),
                  HCC_STREAM_PROTOCOL_RTMP, 10, &error);
  /* The sim may have no RTMP server: what matters is what was asked. */
  if (address != NULL)
    g_assert_true (g_str_has_prefix (hcc_live_address_get_url (address), "rtmp"));
  else
    g_assert_true (error->domain == HCC_ERROR);

  sent = test_requests_for (sim, "/video/v1/live/address/get");
  g_assert_cmpuint (sent->len, >=, 1);
  body = g_ptr_array_index (sent, 0);
  g_assert_cmpint (hcc_test_json_get_int (body, "protocol"), ==, 3);
  /* The RTMP lifetime is at least 30 s. */
  g_assert_cmpint (hcc_test_json_get_int (body, "expireTime"), ==, 30);
}

static void
test_live_refused (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (7, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(GError) error = NULL;
  g_autoptr(HccLiveAddress) address = NULL;

  address = live (client, "cam", "Q1", 1, 0, &error);
  g_assert_null (address);
  g_assert_error (error, HCC_ERROR, HCC_ERROR_VALIDATION);
  g_assert_cmpstr (hcc_error_get_field (error), ==, "protocol");
}

static void
test_segments (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (7, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccCamera) camera = online_camera (client);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GListModel) segments = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  JsonNode *body;

  test_clear_requests (sim);
  hcc_video_list_segments_async (client, hcc_camera_get_id (camera), yesterday, FALSE, NULL,
                                 test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  segments = hcc_video_list_segments_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (segments), >=, 1);

  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(HccRecordSegment) segment = g_list_model_get_item (segments, i);

      g_assert_cmpint (g_date_time_compare (hcc_record_segment_get_begin_time (segment),
                                            hcc_record_segment_get_end_time (segment)), <, 0);
      g_assert_cmpint (g_date_time_get_day_of_year (hcc_record_segment_get_end_time (segment)), >=,
                       g_date_time_get_day_of_year (yesterday) - 1);
    }

  /* No total: pages until a short page, from pageIndex 1. */
  sent = test_requests_for (sim, "/video/v1/record/element/search");
  g_assert_cmpuint (sent->len, >=, 1);
  body = g_ptr_array_index (sent, 0);
  g_assert_cmpint (hcc_test_json_get_int (body, "pageIndex"), ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (body, "cameraId"), ==, hcc_camera_get_id (camera));
  g_assert_true (g_str_has_suffix (hcc_test_json_get_string (body, "filter.beginTime"), ":00") ||
                 g_str_has_suffix (hcc_test_json_get_string (body, "filter.beginTime"), "Z"));
  g_assert_cmpuint (sent->len, ==, g_list_model_get_n_items (segments) / 100 + 1);
}

static void
test_clip (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (7, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccCamera) camera = online_camera (client);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) begin = g_date_time_add_hours (now, -2);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (begin, 1);
  g_autoptr(HccClip) clip = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_video_set_clip_poll_interval (50);
  test_clear_requests (sim);
  hcc_video_save_clip_async (client, hcc_camera_get_id (camera), begin, end, NULL,
                             test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  clip = hcc_video_save_clip_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (clip);
  g_assert_cmpint (hcc_clip_get_status (clip), ==, 0);
  g_assert_nonnull (hcc_clip_get_task_id (clip));
  g_assert_nonnull (hcc_clip_get_urls (clip));
  g_assert_nonnull (hcc_clip_get_urls (clip)[0]);

  sent = test_requests_for (sim, "/video/v1/video/save");
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "cameraId"), ==,
                   hcc_camera_get_id (camera));
  g_ptr_array_unref (sent);
  sent = test_requests_for (sim, "/video/v1/video/download/url");
  g_assert_cmpuint (sent->len, >=, 1);
  g_assert_cmpstr (hcc_test_json_get_string (g_ptr_array_index (sent, 0), "taskId"), ==,
                   hcc_clip_get_task_id (clip));

  /* A clip that ends before it begins is refused here. */
  {
    g_autoptr(GAsyncResult) again = NULL;
    g_autoptr(HccClip) none = NULL;
    g_autoptr(GError) local = NULL;

    hcc_video_save_clip_async (client, hcc_camera_get_id (camera), end, begin, NULL,
                               test_store_result_cb, &slot);
    again = test_wait_result (&slot);
    none = hcc_video_save_clip_finish (client, again, &local);
    g_assert_null (none);
    g_assert_error (local, HCC_ERROR, HCC_ERROR_VALIDATION);
    g_assert_cmpstr (hcc_error_get_field (local), ==, "endTime");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/video/live-hls", test_live_hls);
  g_test_add_func ("/hcc/video/live-rtmp-request", test_live_rtmp_request);
  g_test_add_func ("/hcc/video/live-refused", test_live_refused);
  g_test_add_func ("/hcc/video/segments", test_segments);
  g_test_add_func ("/hcc/video/clip", test_clip);

  return g_test_run ();
}
