/* test-sim-video.c: the simulator's video endpoints and media, over real HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "hcc-sim.h"
#include "hcc-sim-world.h"
#include "hcc-test-utils.h"

#define SEED 4242

typedef struct {
  HccTestSim  *tsim;
  SoupSession *session;   /* for media: GET with Range, content types */
  char        *base_url;
  char        *token;
  HccSimWorld *world;     /* the same deterministic site, to pick cameras */
} Env;

static Env env;

/* Plain HTTP for media URLs. */
static GBytes *
http_request (const char  *method,
              const char  *url,
              const char  *body,
              const char  *range,
              guint       *status,
              char       **content_type)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Media URLs are pre-signed: no Token header, as a player sends none. */
  g_assert_nonnull (msg);
  if (range != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Range", range);
  if (body != NULL) {
    g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));

    soup_message_set_request_body_from_bytes (msg, "application/json", request);
  }
  bytes = soup_session_send_and_read (env.session, msg, NULL, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = soup_message_get_status (msg);
  if (content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_content_type (
                                soup_message_get_response_headers (msg), NULL));
  return bytes;
}

static JsonObject *api (const char  *path,
                        char       **error_code,
                        const char  *format,
                        ...) G_GNUC_PRINTF (3, 4);

/* Calls the API of the simulator at env.base_url; returns the envelope's
 * data (or NULL) and its errorCode. */
static JsonObject *
api (const char  *path,
     char       **error_code,
     const char  *format,
     ...)
{
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *data;
  guint status;
  va_list args;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);

  root = hcc_test_sim_api_at (env.tsim, env.base_url, path, env.token, body, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (root);
  *error_code = g_strdup (hcc_test_json_get_string (root, "errorCode"));
  data = hcc_test_json_get (root, "data");
  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    return json_object_ref (json_node_get_object (data));
  return NULL;
}

static JsonObject *
control (const char *path,
         const char *body)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  guint status;

  root = hcc_test_sim_control (env.tsim, body != NULL ? "POST" : "GET", path, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  /* The control port may or may not wrap its answer in "data". */
  if (json_object_has_member (object, "data") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "data")))
    object = json_object_get_object_member (object, "data");
  return json_object_ref (object);
}

static HccSimCamera *
camera_at (guint i)
{
  g_assert_cmpuint (env.world->cameras->len, >, i);
  return g_ptr_array_index (env.world->cameras, i);
}

static const char *
serial_of (HccSimCamera *camera)
{
  HccSimDevice *device = g_hash_table_lookup (env.world->devices_by_id, camera->device_id);

  g_assert_nonnull (device);
  return device->serial;
}

static JsonObject *
live_address (HccSimCamera  *camera,
              const char    *extra,
              char         **error_code)
{
  return api ("/video/v1/live/address/get", error_code,
              "{\"resourceId\":\"%s\",\"deviceSerial\":\"%s\"%s%s}",
              camera->id, serial_of (camera), extra != NULL ? "," : "", extra ? extra : "");
}

static void
assert_live_error (HccSimCamera *camera,
                   const char   *extra,
                   const char   *expected)
{
  g_autofree char *code = NULL;
  g_autoptr(JsonObject) data = live_address (camera, extra, &code);

  g_assert_cmpstr (code, ==, expected);
}

static char *
plain_time (gint64 unix_s)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_s);

  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}

static char *
iso_time (gint64 unix_s)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_s);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
test_live_ezopen (void)
{
  HccSimCamera *camera = camera_at (0);
  g_autofree char *code = NULL;
  g_autofree char *code2 = NULL;
  g_autofree char *code3 = NULL;
  g_autofree char *start = plain_time (g_get_real_time () / G_USEC_PER_SEC - 3600);
  g_autofree char *stop = plain_time (g_get_real_time () / G_USEC_PER_SEC - 3000);
  g_autofree char *extra = NULL;
  g_autoptr(JsonObject) hd = NULL;
  g_autoptr(JsonObject) fluent = NULL;
  g_autoptr(JsonObject) playback = NULL;
  g_autofree char *prefix = g_strdup_printf ("ezopen://open.ezviz.com/%s/%u", serial_of (camera),
                                             camera->channel_no);

  hd = live_address (camera, "\"type\":\"1\"", &code);
  g_assert_cmpstr (code, ==, "0");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (hd, "url"), prefix));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (hd, "url"), ".hd.live"));
  g_assert_cmpuint (strlen (json_object_get_string_member (hd, "id")), ==, 18);
  g_assert_true (json_object_has_member (hd, "expireTime"));

  /* quality as a number (T12), as the guide's example sends it. */
  fluent = live_address (camera, "\"type\":1,\"quality\":2,\"protocol\":1", &code2);
  g_assert_cmpstr (code2, ==, "0");
  g_assert_false (g_str_has_suffix (json_object_get_string_member (fluent, "url"), ".hd.live"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (fluent, "url"), ".live"));

  extra = g_strdup_printf ("\"type\":\"3\",\"startTime\":\"%s\",\"stopTime\":\"%s\"", start, stop);
  playback = live_address (camera, extra, &code3);
  g_assert_cmpstr (code3, ==, "0");
  g_assert_nonnull (strstr (json_object_get_string_member (playback, "url"), ".cloud.rec?begin="));
}

static void
test_live_errors (void)
{
  HccSimCamera *camera = camera_at (0);
  HccSimCamera *other = camera_at (env.world->cameras->len - 1);
  g_autofree char *code = NULL;
  g_autofree char *code2 = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonObject) data2 = NULL;

  data = api ("/video/v1/live/address/get", &code,
              "{\"resourceId\":\"nope\",\"deviceSerial\":\"%s\",\"type\":\"1\"}", serial_of (camera));
  g_assert_cmpstr (code, ==, "OPEN000503");
  g_assert_true (g_strcmp0 (serial_of (camera), serial_of (other)) != 0);
  data2 = api ("/video/v1/live/address/get", &code2,
               "{\"resourceId\":\"%s\",\"deviceSerial\":\"%s\",\"type\":\"1\"}",
               camera->id, serial_of (other));
  g_assert_cmpstr (code2, ==, "OPEN000501");

  assert_live_error (camera, "\"type\":\"7\"", "OPEN000010");
  /* Bodies that are not objects get a clean error from every endpoint. */
  {
    const char *paths[] = { "/video/v1/live/address/get", "/video/v1/record/element/search",
                            "/video/v1/video/save", "/video/v1/video/download/url" };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++) {
      g_autofree char *c = NULL;
      g_autoptr(JsonObject) d = api (paths[i], &c, "%s", "[1,2]");

      g_assert_nonnull (c);
      g_assert_cmpstr (c, !=, "0");
    }
  }
  assert_live_error (camera, "\"type\":[1]", "OPEN000010");
  assert_live_error (camera, "\"type\":\"1\",\"quality\":{\"a\":1}", "OPEN000010");
  assert_live_error (camera, "\"type\":\"1\",\"expireTime\":\"soon\"", "OPEN000010");
  assert_live_error (camera, "\"type\":\"1\",\"protocol\":5", "OPEN000010");
  assert_live_error (camera, "\"type\":\"1\",\"quality\":3", "OPEN000010");
  /* T33: no playback over RTMP. */
  assert_live_error (camera, "\"type\":\"2\",\"protocol\":3,\"startTime\":\"2024-01-01 00:00:00\","
                     "\"stopTime\":\"2024-01-01 00:10:00\"", "OPEN000010");
  /* RTMP lifetimes are 30 s to 720 days. */
  assert_live_error (camera, "\"type\":\"1\",\"protocol\":3,\"expireTime\":10", "OPEN000010");
  assert_live_error (camera, "\"type\":\"1\",\"protocol\":3,\"expireTime\":62208001", "OPEN000010");
  /* This simulator has no RTMP server to push to. */
  assert_live_error (camera, "\"type\":\"1\",\"protocol\":3,\"expireTime\":600", "OPEN000550");
  /* Playback needs the plain time format and a sane range. */
  assert_live_error (camera, "\"type\":\"2\",\"protocol\":2", "OPEN000026");
  assert_live_error (camera, "\"type\":\"2\",\"protocol\":2,\"startTime\":\"2024-01-01 00:10:00\","
                     "\"stopTime\":\"2024-01-01 00:00:00\"", "OPEN000030");
  assert_live_error (camera, "\"type\":\"2\",\"protocol\":2,\"startTime\":\"9999-12-31 00:10:00\","
                     "\"stopTime\":\"9999-12-31 23:00:00\"", "OPEN000011");
  {
    g_autofree char *c3 = NULL;
    g_autoptr(JsonObject) d3 = live_address (camera, "\"type\":\"2\",\"startTime\":"
                                             "\"0001-01-01 00:00:00\",\"stopTime\":"
                                             "\"0001-01-01 00:01:00\"", &c3);

    g_assert_true (g_strcmp0 (c3, "0") == 0 || g_strcmp0 (c3, "OPEN000026") == 0);
  }
}

static char *
hls_url (HccSimCamera *camera,
         const char   *quality)
{
  g_autofree char *code = NULL;
  g_autofree char *extra = g_strdup_printf ("\"type\":\"1\",\"protocol\":2,\"quality\":\"%s\","
                                            "\"expireTime\":600", quality);
  g_autoptr(JsonObject) data = live_address (camera, extra, &code);
  const char *url;
  gint64 expire_ms;

  g_assert_cmpstr (code, ==, "0");
  url = json_object_get_string_member (data, "url");
  expire_ms = json_object_get_int_member (data, "expireTime");
  g_assert_true (g_str_has_prefix (url, env.base_url));
  g_assert_nonnull (strstr (url, "/index.m3u8?expire="));
  /* expireTime is absolute epoch ms, the URL's expire= is in seconds (T4). */
  g_assert_cmpint (expire_ms, >, g_get_real_time () / 1000 + 590 * 1000);
  g_assert_cmpint (expire_ms, <, g_get_real_time () / 1000 + 610 * 1000);
  return g_strdup (url);
}

static char *
fetch_playlist (const char *url,
                guint      *status)
{
  g_autofree char *type = NULL;
  g_autoptr(GBytes) bytes = http_request ("GET", url, NULL, NULL, status, &type);

  if (*status == 200)
    g_assert_cmpstr (type, ==, "application/vnd.apple.mpegurl");
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gint64
media_sequence (const char *playlist)
{
  const char *line = strstr (playlist, "#EXT-X-MEDIA-SEQUENCE:");

  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen ("#EXT-X-MEDIA-SEQUENCE:"), NULL, 10);
}

/* The first segment line of a playlist, resolved against its URL. */
static char *
first_segment_url (const char *playlist_url,
                   const char *playlist)
{
  g_auto(GStrv) lines = g_strsplit (playlist, "\n", -1);
  g_autoptr(GUri) base = g_uri_parse (playlist_url, G_URI_FLAGS_ENCODED, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#') {
      g_autoptr(GUri) uri = g_uri_parse_relative (base, lines[i], G_URI_FLAGS_ENCODED, NULL);

      return g_uri_to_string (uri);
    }
  return NULL;
}

static void
test_hls_live (void)
{
  g_autofree char *url = hls_url (camera_at (0), "1");
  g_autofree char *playlist = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *type = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize size;
  gint64 first_sequence, sequence;
  gint64 deadline, start_us;
  guint status;

  /* The first request waits for a segment, so it already lists one. */
  start_us = g_get_monotonic_time ();
  playlist = fetch_playlist (url, &status);
  g_test_message ("First playlist after %.2f s", (g_get_monotonic_time () - start_us) / 1e6);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (g_str_has_prefix (playlist, "#EXTM3U"));
  g_assert_nonnull (strstr (playlist, "#EXT-X-TARGETDURATION:1"));
  segment = first_segment_url (url, playlist);
  g_assert_nonnull (segment);
  g_assert_nonnull (strstr (segment, ".ts?expire="));

  bytes = http_request ("GET", segment, NULL, NULL, &status, &type);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (type, ==, "video/mp2t");
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >=, 188 * 10);
  g_assert_cmpuint (size % 188, ==, 0);
  for (gsize i = 0; i < size; i += 188)
    g_assert_cmphex (data[i], ==, 0x47);

  /* The live playlist advances: its media sequence grows within seconds. */
  first_sequence = media_sequence (playlist);
  sequence = first_sequence;
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (sequence < first_sequence + 2 && g_get_monotonic_time () < deadline) {
    g_autofree char *again = NULL;

    g_usleep (G_USEC_PER_SEC / 4);
    again = fetch_playlist (url, &status);
    g_assert_cmpuint (status, ==, 200);
    sequence = media_sequence (again);
  }
  g_assert_cmpint (sequence, >=, first_sequence + 2);
}

typedef struct {
  gint   frames;    /* atomic */
  gint   width;
  gint   height;
} Frames;

static GstPadProbeReturn
count_frames_cb (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  Frames *frames = user_data;

  if (g_atomic_int_add (&frames->frames, 1) == 0) {
    g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
    GstStructure *s = caps != NULL ? gst_caps_get_structure (caps, 0) : NULL;

    if (s != NULL) {
      gst_structure_get_int (s, "width", &frames->width);
      gst_structure_get_int (s, "height", &frames->height);
    }
  }
  return GST_PAD_PROBE_OK;
}

/* What the app does with an HLS address: demux and decode it. */
static void
test_hls_plays (void)
{
  g_autofree char *url = hls_url (camera_at (2), "2");
  g_autofree char *description = g_strdup_printf ("souphttpsrc location=\"%s\" ! hlsdemux ! "
                                                  "tsdemux ! h264parse ! avdec_h264 ! "
                                                  "fakesink name=sink sync=false", url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autoptr(GstBus) bus = NULL;
  Frames frames = { 0, 0, 0 };
  gint64 start_us, first_us = 0, deadline;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, count_frames_cb, &frames, NULL);
  bus = gst_element_get_bus (pipeline);

  start_us = g_get_monotonic_time ();
  deadline = start_us + 30 * G_USEC_PER_SEC;
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  while (g_atomic_int_get (&frames.frames) < 50 && g_get_monotonic_time () < deadline) {
    g_autoptr(GstMessage) message = gst_bus_timed_pop_filtered (bus, GST_SECOND / 20,
                                                                GST_MESSAGE_ERROR);

    if (message != NULL) {
      g_autoptr(GError) play_error = NULL;

      gst_message_parse_error (message, &play_error, NULL);
      g_error ("The HLS stream does not play: %s", play_error->message);
    }
    if (first_us == 0 && g_atomic_int_get (&frames.frames) > 0)
      first_us = g_get_monotonic_time ();
  }
  if (first_us == 0)
    first_us = g_get_monotonic_time ();
  gst_element_set_state (pipeline, GST_STATE_NULL);

  g_assert_cmpint (g_atomic_int_get (&frames.frames), >=, 50);
  g_assert_cmpint (frames.width, ==, 640);
  g_assert_cmpint (frames.height, ==, 360);
  g_test_message ("HLS: first decoded frame %.2f s after the address", (first_us - start_us) / 1e6);
}

static void
test_hls_refused (void)
{
  g_autofree char *url = hls_url (camera_at (0), "2");
  g_autoptr(GRegex) regex = g_regex_new ("expire=[0-9]+", 0, 0, NULL);
  g_autofree char *expired = g_regex_replace_literal (regex, url, -1, 0, "expire=1000", 0, NULL);
  g_autofree char *unsigned_url = g_regex_replace_literal (regex, url, -1, 0, "x=1", 0, NULL);
  g_autofree char *unknown = g_strdup_printf ("%s/media/hls/NOPE_1_1/index.m3u8?expire=%"
                                              G_GINT64_FORMAT, env.base_url,
                                              g_get_real_time () / G_USEC_PER_SEC + 600);
  g_autofree char *clip = g_strdup_printf ("%s/media/clips/none.mp4", env.base_url);
  g_autofree char *body = NULL;
  guint status;

  body = fetch_playlist (expired, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&body, g_free);
  body = fetch_playlist (unsigned_url, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&body, g_free);
  body = fetch_playlist (unknown, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&body, g_free);
  body = fetch_playlist (clip, &status);
  g_assert_cmpuint (status, ==, 404);
}

static gint64
control_int (JsonObject *object,
             const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  return json_object_get_int_member (object, member);
}

static void
test_hls_idle_stop (void)
{
  g_autoptr(JsonObject) set = control ("/control/video", "{\"idle_timeout_s\":2}");
  g_autofree char *url = NULL;
  g_autofree char *playlist = NULL;
  g_autofree char *segment = NULL;
  gint64 deadline;
  gint64 streams = -1;
  guint status;

  g_assert_cmpint (control_int (set, "idle_timeout_s"), ==, 2);
  url = hls_url (camera_at (1), "2");
  playlist = fetch_playlist (url, &status);
  g_assert_cmpuint (status, ==, 200);
  segment = first_segment_url (url, playlist);

  /* Nobody fetches anything any more: every stream stops. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline) {
    g_autoptr(JsonObject) state = control ("/control/video", "{}");

    streams = control_int (state, "streams");
    if (streams == 0)
      break;
    g_usleep (G_USEC_PER_SEC / 5);
  }
  g_assert_cmpint (streams, ==, 0);

  /* Its segments are gone with it; the playlist starts it again. */
  g_clear_pointer (&playlist, g_free);
  playlist = fetch_playlist (segment, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&playlist, g_free);
  playlist = fetch_playlist (url, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (playlist, ".ts"));

  g_clear_pointer (&set, json_object_unref);
  set = control ("/control/video", "{\"idle_timeout_s\":15}");
}

static gint64
wait_for_streams (gint64 wanted)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gint64 streams = -1;

  while (g_get_monotonic_time () < deadline) {
    g_autoptr(JsonObject) state = control ("/control/video", "{}");

    streams = control_int (state, "streams");
    if (streams == wanted)
      break;
    g_usleep (G_USEC_PER_SEC / 10);
  }
  return streams;
}

/* A pipeline error stops the stream; the next playlist request starts it
 * again. */
static void
test_hls_restart (void)
{
  g_autofree char *url = NULL;
  g_autofree char *playlist = NULL;
  g_autoptr(JsonObject) state = NULL;
  guint status;

  url = hls_url (camera_at (1), "1");
  playlist = fetch_playlist (url, &status);
  g_assert_cmpuint (status, ==, 200);

  /* Every running stream fails at once. */
  state = control ("/control/video", "{\"fail_streams\":true}");
  g_assert_cmpint (wait_for_streams (0), ==, 0);

  g_clear_pointer (&playlist, g_free);
  playlist = fetch_playlist (url, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (playlist, ".ts"));
  g_assert_cmpint (wait_for_streams (1), ==, 1);
}

static JsonObject *
inject_call (void)
{
  g_autoptr(JsonNode) root = NULL;
  guint status;

  root = hcc_test_sim_control (env.tsim, "POST", "/control/calls",
                               "{\"call_type\":1,\"timeout_s\":600}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (hcc_test_json_get_string (root, "record_id"));
  return json_object_ref (json_node_get_object (root));
}

static void
cancel_call (JsonObject *call)
{
  g_autofree char *path = g_strdup_printf ("/control/calls/%s/cancel",
                                           json_object_get_string_member (call, "record_id"));
  g_autoptr(JsonObject) reply = control (path, "{}");
}

/* A door call starts its station's fluent stream at once, before anyone
 * asks for an address, and keeps it while the call rings, watched or
 * not; the stream stops once the call is over and nobody watches. */
static void
test_hls_warm_call (void)
{
  g_autoptr(JsonObject) set = control ("/control/video", "{\"idle_timeout_s\":1}");
  g_autoptr(JsonObject) call = NULL;
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autofree char *url = NULL;
  g_autofree char *playlist = NULL;
  HccSimDevice *device;
  HccSimCamera *camera;
  guint status;

  g_assert_true (control_int (set, "warm_calls"));
  g_assert_cmpint (wait_for_streams (0), ==, 0);

  call = inject_call ();
  state = control ("/control/video", "{}");
  g_assert_cmpint (control_int (state, "streams"), ==, 1);

  /* It is the stream the desk's preview gets: asking for the fluent
   * address and playing it starts nothing new. */
  device = g_hash_table_lookup (env.world->devices_by_serial,
                                json_object_get_string_member (call, "device_serial"));
  g_assert_nonnull (device);
  camera = g_hash_table_lookup (env.world->cameras_by_id,
                                g_ptr_array_index (device->camera_ids, 0));
  g_assert_nonnull (camera);
  url = hls_url (camera, "2");
  playlist = fetch_playlist (url, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (playlist, ".ts"));
  g_clear_pointer (&state, json_object_unref);
  state = control ("/control/video", "{}");
  g_assert_cmpint (control_int (state, "streams"), ==, 1);

  /* Unwatched for three idle timeouts, it still runs while the call rings
   * (a stream's end cannot be waited for: this waits on purpose). */
  g_usleep (3 * G_USEC_PER_SEC);
  g_clear_pointer (&state, json_object_unref);
  state = control ("/control/video", "{}");
  g_assert_cmpint (control_int (state, "streams"), ==, 1);

  cancel_call (call);
  g_assert_cmpint (wait_for_streams (0), ==, 0);

  /* Switched off (for benchmarks), a call starts no stream. */
  g_clear_pointer (&set, json_object_unref);
  set = control ("/control/video", "{\"warm_calls\":false}");
  g_assert_false (control_int (set, "warm_calls"));
  g_clear_pointer (&call, json_object_unref);
  call = inject_call ();
  g_clear_pointer (&state, json_object_unref);
  state = control ("/control/video", "{}");
  g_assert_cmpint (control_int (state, "streams"), ==, 0);
  cancel_call (call);

  refused = hcc_test_sim_control (env.tsim, "POST", "/control/video", "{\"warm_calls\":\"yes\"}",
                                  &status);
  g_assert_cmpuint (status, ==, 400);

  g_clear_pointer (&set, json_object_unref);
  set = control ("/control/video", "{\"warm_calls\":true,\"idle_timeout_s\":15}");
}

static void
test_hls_playback (void)
{
  gint64 now_s = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *start = plain_time (now_s - 7200);
  g_autofree char *stop = plain_time (now_s - 7200 + 4);
  g_autofree char *extra = g_strdup_printf ("\"type\":\"2\",\"protocol\":2,\"quality\":1,"
                                            "\"startTime\":\"%s\",\"stopTime\":\"%s\"",
                                            start, stop);
  g_autofree char *code = NULL;
  g_autoptr(JsonObject) data = live_address (camera_at (1), extra, &code);
  g_autofree char *playlist = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  Frames frames = { 0, 0, 0 };
  const char *url;
  guint status;
  guint n_segments = 0;
  const char *p;

  g_assert_cmpstr (code, ==, "0");
  url = json_object_get_string_member (data, "url");
  playlist = fetch_playlist (url, &status);
  g_assert_cmpuint (status, ==, 200);
  /* A complete, recorded-looking playlist of the requested 4 s, at once. */
  g_assert_nonnull (strstr (playlist, "#EXT-X-PLAYLIST-TYPE:VOD"));
  g_assert_nonnull (strstr (playlist, "#EXT-X-ENDLIST"));
  for (p = strstr (playlist, "#EXTINF:"); p != NULL; p = strstr (p + 1, "#EXTINF:"))
    n_segments++;
  g_assert_cmpuint (n_segments, ==, 4);

  /* Played from its start to its end: 4 s of 25 frames per second. Segment
   * requests wait while the stream is still being encoded. */
  description = g_strdup_printf ("souphttpsrc location=\"%s\" ! hlsdemux ! tsdemux ! "
                                 "h264parse ! avdec_h264 ! fakesink name=sink sync=false", url);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, count_frames_cb, &frames, NULL);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  g_assert_cmpint (frames.width, ==, 1280);
  g_assert_cmpint (frames.height, ==, 720);
  g_assert_cmpint (g_atomic_int_get (&frames.frames), >=, 95);
  g_assert_cmpint (g_atomic_int_get (&frames.frames), <=, 100);
}

static JsonArray *
search_records (const char  *camera_id,
                const char  *begin,
                const char  *end,
                int          page_index,
                int          page_size,
                char       **code)
{
  g_autoptr(JsonObject) data = api ("/video/v1/record/element/search", code,
                                    "{\"pageIndex\":%d,\"pageSize\":%d,\"cameraId\":\"%s\","
                                    "\"filter\":{\"timeType\":1,\"beginTime\":\"%s\","
                                    "\"endTime\":\"%s\",\"targetType\":0}}",
                                    page_index, page_size, camera_id, begin, end);

  if (data == NULL)
    return NULL;
  g_assert_cmpint (json_object_get_int_member (data, "pageIndex"), ==, page_index);
  g_assert_true (json_object_has_member (data, "recordList"));
  return json_array_ref (json_object_get_array_member (data, "recordList"));
}

static void
test_records (void)
{
  HccSimCamera *camera = camera_at (2);
  gint64 day_s = g_get_real_time () / G_USEC_PER_SEC - 2 * 86400;
  g_autofree char *begin = iso_time (day_s);
  g_autofree char *end = iso_time (day_s + 86400);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_again = NULL;
  gint64 last_end = 0, begin_ms = day_s * 1000, end_ms = (day_s + 86400) * 1000;
  gint64 covered = 0;
  int page;

  for (page = 1; page < 100; page++) {
    g_autofree char *code = NULL;
    g_autoptr(JsonArray) list = search_records (camera->id, begin, end, page, 3, &code);
    guint n;

    g_assert_cmpstr (code, ==, "0");
    n = json_array_get_length (list);
    g_assert_cmpuint (n, <=, 3);
    for (guint i = 0; i < n; i++) {
      JsonObject *item = json_array_get_object_element (list, i);
      gint64 b, e;
      g_autoptr(GDateTime) bdt = g_date_time_new_from_iso8601 (
                                   json_object_get_string_member (item, "beginTime"), NULL);
      g_autoptr(GDateTime) edt = g_date_time_new_from_iso8601 (
                                   json_object_get_string_member (item, "endTime"), NULL);

      g_assert_nonnull (bdt);
      g_assert_nonnull (edt);
      g_assert_cmpint (json_object_get_int_member (item, "targetType"), ==, 0);
      b = g_date_time_to_unix (bdt) * 1000;
      e = g_date_time_to_unix (edt) * 1000;
      /* Inside the range, in order, not overlapping. */
      g_assert_cmpint (b, <, e);
      g_assert_cmpint (b, >=, begin_ms);
      g_assert_cmpint (e, <=, end_ms);
      g_assert_cmpint (b, >=, last_end);
      last_end = e;
      covered += e - b;
      g_ptr_array_add (all, g_strdup (json_object_get_string_member (item, "beginTime")));
    }
    if (n < 3)
      break;
  }
  /* Mostly continuous, with a few gaps. */
  g_assert_cmpuint (all->len, >=, 3);
  g_assert_cmpint (covered, >, 86400 * 1000 * 6 / 10);
  g_assert_cmpint (covered, <, 86400 * 1000);

  /* The same question gives the same answer. */
  {
    g_autofree char *code = NULL;
    g_autoptr(JsonArray) list = search_records (camera->id, begin, end, 1, 3, &code);

    first_again = g_strdup (json_object_get_string_member (json_array_get_object_element (list, 0),
                                                           "beginTime"));
    g_assert_cmpstr (first_again, ==, g_ptr_array_index (all, 0));
  }

  /* Errors. */
  {
    g_autofree char *c1 = NULL;
    g_autofree char *c2 = NULL;
    g_autofree char *c3 = NULL;
    g_autofree char *c4 = NULL;
    g_autoptr(JsonArray) l1 = search_records ("nope", begin, end, 1, 3, &c1);
    g_autoptr(JsonArray) l2 = search_records (camera->id, "yesterday", end, 1, 3, &c2);
    g_autoptr(JsonArray) l3 = search_records (camera->id, end, begin, 1, 3, &c3);
    g_autoptr(JsonArray) l4 = search_records (camera->id, begin, end, 1, 501, &c4);

    g_assert_cmpstr (c1, ==, "OPEN000503");
    g_assert_cmpstr (c2, ==, "VMS051027");
    g_assert_cmpstr (c3, ==, "VMS051028");
    g_assert_cmpstr (c4, ==, "OPEN000025");
  }

  /* A page far beyond the end is empty, however far. */
  {
    g_autofree char *c0 = NULL;
    g_autoptr(JsonArray) l0 = search_records (camera->id, begin, end, G_MAXINT, 500, &c0);

    g_assert_cmpstr (c0, ==, "0");
    g_assert_cmpuint (json_array_get_length (l0), ==, 0);
  }

  /* The edges of the calendar are no crash, only no recordings. */
  {
    g_autofree char *c1 = NULL;
    g_autofree char *c2 = NULL;
    g_autoptr(JsonArray) l1 = search_records (camera->id, "9999-12-28T00:00:00+00:00",
                                              "9999-12-31T23:59:59+00:00", 1, 3, &c1);
    g_autoptr(JsonArray) l2 = search_records (camera->id, "0001-01-01T00:00:00+00:00",
                                              "0001-01-02T00:00:00+00:00", 1, 3, &c2);

    g_assert_cmpstr (c1, ==, "0");
    g_assert_cmpuint (json_array_get_length (l1), ==, 0);
    g_assert_true (g_strcmp0 (c2, "0") == 0 || g_strcmp0 (c2, "VMS051027") == 0);
  }
}

static gint64
mp4_duration (const char *path)
{
  g_autofree char *description = g_strdup_printf ("filesrc location=\"%s\" ! qtdemux ! "
                                                  "h264parse ! fakesink", path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  gint64 duration = -1;

  g_assert_no_error (error);
  gst_element_set_state (pipeline, GST_STATE_PAUSED);
  g_assert_cmpint (gst_element_get_state (pipeline, NULL, NULL, 10 * GST_SECOND), ==,
                   GST_STATE_CHANGE_SUCCESS);
  g_assert_true (gst_element_query_duration (pipeline, GST_FORMAT_TIME, &duration));
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return duration;
}

static void
test_clip (void)
{
  gint64 now_s = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *begin = iso_time (now_s - 600);
  g_autofree char *end = iso_time (now_s - 600 + 5);
  g_autofree char *late = iso_time (now_s);
  g_autofree char *code = NULL;
  g_autofree char *task_id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *type = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(GBytes) mp4 = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gint64 deadline, start_us, status = 1, duration;
  gsize size;
  guint http_status;

  saved = api ("/video/v1/video/save", &code,
               "{\"cameraId\":\"%s\",\"beginTime\":\"%s\",\"endTime\":\"%s\",\"voiceSwitch\":2}",
               camera_at (0)->id, begin, end);
  g_assert_cmpstr (code, ==, "0");
  task_id = g_strdup (json_object_get_string_member (saved, "taskId"));
  g_assert_nonnull (strchr (task_id, '#'));

  /* Poll as a client would until the clip is uploaded. */
  start_us = g_get_monotonic_time ();
  deadline = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline) {
    g_autofree char *poll_code = NULL;
    g_autoptr(JsonObject) poll = api ("/video/v1/video/download/url", &poll_code,
                                      "{\"taskId\":\"%s\"}", task_id);

    g_assert_cmpstr (poll_code, ==, "0");
    status = json_object_get_int_member (poll, "status");
    g_assert_true (status == 0 || status == 1);
    g_assert_true (json_object_has_member (poll, "expireTime"));
    if (status == 0) {
      JsonArray *urls = json_object_get_array_member (poll, "urls");

      g_assert_cmpuint (json_array_get_length (urls), ==, 1);
      url = g_strdup (json_array_get_string_element (urls, 0));
      break;
    }
    g_usleep (G_USEC_PER_SEC / 5);
  }
  g_assert_cmpint (status, ==, 0);
  g_test_message ("Clip of 5 s ready after %.2f s", (g_get_monotonic_time () - start_us) / 1e6);
  g_assert_nonnull (strstr (url, ".mp4?"));
  g_assert_nonnull (strstr (url, "X-Amz-Expires=3600"));

  mp4 = http_request ("GET", url, NULL, NULL, &http_status, &type);
  g_assert_cmpuint (http_status, ==, 200);
  g_assert_cmpstr (type, ==, "video/mp4");
  data = g_bytes_get_data (mp4, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpmem (data + 4, 4, "ftyp", 4);

  tmp_dir = g_dir_make_tmp ("test-sim-video-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp_dir, "clip.mp4", NULL);
  g_file_set_contents (path, (const char *) data, (gssize) size, &error);
  g_assert_no_error (error);
  duration = mp4_duration (path);
  g_assert_cmpint (ABS (duration - 5 * GST_SECOND), <, GST_SECOND);
  g_unlink (path);
  g_rmdir (tmp_dir);

  /* Players seek with Range requests. */
  part = http_request ("GET", url, NULL, "bytes=0-99", &http_status, NULL);
  g_assert_cmpuint (http_status, ==, 206);
  g_assert_cmpuint (g_bytes_get_size (part), ==, 100);
  g_assert_cmpmem (g_bytes_get_data (part, NULL), 100, data, 100);

  /* An hour later (on the simulated clock) the pre-signed URL has expired. */
  json_object_unref (control ("/control/clock/advance", "{\"seconds\":3700}"));
  {
    g_autofree char *poll_code = NULL;
    g_autoptr(JsonObject) poll = api ("/video/v1/video/download/url", &poll_code,
                                      "{\"taskId\":\"%s\"}", task_id);
    g_autoptr(GBytes) refused = NULL;

    g_assert_cmpstr (poll_code, ==, "0");
    g_assert_cmpint (json_object_get_int_member (poll, "status"), ==, 3);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (poll, "urls")), ==, 0);
    refused = http_request ("GET", url, NULL, NULL, &http_status, NULL);
    g_assert_cmpuint (http_status, ==, 403);
  }

  /* Another hour on, the clip is deleted (status 4) and its file is gone. */
  json_object_unref (control ("/control/clock/advance", "{\"seconds\":3700}"));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline) {
    g_autofree char *poll_code = NULL;
    g_autoptr(JsonObject) poll = api ("/video/v1/video/download/url", &poll_code,
                                      "{\"taskId\":\"%s\"}", task_id);

    status = json_object_get_int_member (poll, "status");
    if (status == 4)
      break;
    g_usleep (G_USEC_PER_SEC / 5);
  }
  g_assert_cmpint (status, ==, 4);

  /* Errors. */
  {
    g_autofree char *c1 = NULL;
    g_autofree char *c2 = NULL;
    g_autofree char *c3 = NULL;
    g_autofree char *c4 = NULL;
    g_autoptr(JsonObject) d1 = api ("/video/v1/video/download/url", &c1, "{\"taskId\":\"a#b\"}");
    g_autoptr(JsonObject) d2 = api ("/video/v1/video/save", &c2,
                                    "{\"cameraId\":\"%s\",\"beginTime\":\"%s\",\"endTime\":\"%s\"}",
                                    camera_at (0)->id, begin, late);
    g_autoptr(JsonObject) d3 = api ("/video/v1/video/save", &c3,
                                    "{\"cameraId\":\"nope\",\"beginTime\":\"%s\",\"endTime\":\"%s\"}",
                                    begin, end);
    g_autoptr(JsonObject) d4 = api ("/video/v1/video/save", &c4,
                                    "{\"cameraId\":\"%s\",\"beginTime\":\"%s\",\"endTime\":\"%s\"}",
                                    camera_at (0)->id, end, begin);

    g_assert_cmpstr (c1, ==, "VMS000003");
    g_assert_cmpstr (c2, ==, "OPEN000010");
    g_assert_cmpstr (c3, ==, "OPEN000503");
    g_assert_cmpstr (c4, ==, "VMS051028");
  }
}

/* RTMP: a private nginx with the rtmp module. */

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
port_open (guint16 port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static GstPadProbeReturn
count_buffers_cb (GstPad          *pad,
                  GstPadProbeInfo *info,
                  gpointer         user_data)
{
  gint *count = user_data;

  g_atomic_int_inc (count);
  return GST_PAD_PROBE_OK;
}

static void
test_rtmp (void)
{
  const char *module = "/usr/lib/nginx/modules/ngx_rtmp_module.so";
  g_autofree char *nginx = g_find_program_in_path ("nginx");
  g_autofree char *prefix = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *rtmp_base = NULL;
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HccSim) sim = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstPad) pad = NULL;
  char *saved_base;
  gint64 deadline;
  gint buffers = 0;
  guint16 port;

  if (nginx == NULL && g_file_test ("/usr/sbin/nginx", G_FILE_TEST_IS_EXECUTABLE))
    nginx = g_strdup ("/usr/sbin/nginx");
  if (nginx == NULL || !g_file_test (module, G_FILE_TEST_EXISTS)) {
    g_test_skip ("nginx or its rtmp module is not installed");
    return;
  }

  prefix = g_dir_make_tmp ("test-sim-rtmp-XXXXXX", &error);
  g_assert_no_error (error);
  port = free_port ();
  conf = g_strdup_printf ("daemon off;\nmaster_process off;\npid %s/nginx.pid;\n"
                          "error_log %s/error.log;\nload_module %s;\n"
                          "events { worker_connections 64; }\n"
                          "rtmp { server { listen 127.0.0.1:%u; "
                          "application live { live on; } } }\n",
                          prefix, prefix, module, port);
  conf_path = g_build_filename (prefix, "nginx.conf", NULL);
  g_file_set_contents (conf_path, conf, -1, &error);
  g_assert_no_error (error);
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             nginx, "-p", prefix, "-c", conf_path, NULL);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!port_open (port) && g_get_monotonic_time () < deadline)
    g_usleep (G_USEC_PER_SEC / 20);
  g_assert_true (port_open (port));

  /* A second simulator that pushes to this nginx. */
  rtmp_base = g_strdup_printf ("rtmp://127.0.0.1:%u/live", port);
  sim = hcc_sim_new (SEED, 0);
  hcc_sim_set_rtmp_base_url (sim, rtmp_base);
  hcc_sim_start (sim, 0, 0, &error);
  g_assert_no_error (error);
  saved_base = env.base_url;
  env.base_url = hcc_sim_dup_base_url (sim);
  {
    g_autofree char *tcode = NULL;
    g_autoptr(JsonObject) token = NULL;
    char *saved_token = g_steal_pointer (&env.token);

    token = api ("/platform/v1/token/get", &tcode, "{\"appKey\":\"%s\",\"secretKey\":\"%s\"}",
                 HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
    g_assert_cmpstr (tcode, ==, "0");
    env.token = g_strdup (json_object_get_string_member (token, "accessToken"));
    data = live_address (camera_at (0), "\"type\":\"1\",\"protocol\":3,\"quality\":2,"
                         "\"expireTime\":60", &code);
    g_free (env.token);
    env.token = saved_token;
  }
  g_free (env.base_url);
  env.base_url = saved_base;

  g_assert_cmpstr (code, ==, "0");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (data, "url"), rtmp_base));
  g_assert_nonnull (strstr (json_object_get_string_member (data, "url"), "?expire="));

  /* Play what the simulator pushes, as the app would. */
  description = g_strdup_printf ("rtmp2src location=\"%s\" ! flvdemux ! fakesink name=sink",
                                 json_object_get_string_member (data, "url"));
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, count_buffers_cb, &buffers, NULL);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  /* The push may not have reached nginx yet; retry the play until data flows. */
  while (g_atomic_int_get (&buffers) < 10 && g_get_monotonic_time () < deadline) {
    g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
    g_autoptr(GstMessage) message = NULL;

    gst_element_set_state (pipeline, GST_STATE_PLAYING);
    message = gst_bus_timed_pop_filtered (bus, GST_SECOND / 2, GST_MESSAGE_ERROR | GST_MESSAGE_EOS);
    if (message != NULL) {
      gst_element_set_state (pipeline, GST_STATE_NULL);
      g_usleep (G_USEC_PER_SEC / 4);
    }
  }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_assert_cmpint (g_atomic_int_get (&buffers), >=, 10);

  hcc_sim_stop (sim);
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  {
    g_autofree char *pid = g_build_filename (prefix, "nginx.pid", NULL);
    g_autofree char *log = g_build_filename (prefix, "error.log", NULL);

    g_unlink (pid);
    g_unlink (log);
    g_unlink (conf_path);
    g_rmdir (prefix);
  }
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  env.tsim = hcc_test_sim_new (SEED, 0, FALSE);
  env.base_url = g_strdup (hcc_test_sim_get_base_url (env.tsim));
  env.session = soup_session_new ();
  soup_session_set_timeout (env.session, 60);
  env.world = hcc_sim_world_new (SEED, 0);
  /* The tests poll faster than the platform's 5 requests per second. */
  json_object_unref (control ("/control/rate-limit", "{\"per_second\":1000}"));

  env.token = hcc_test_sim_login (env.tsim);

  g_test_add_func ("/sim/video/live/ezopen", test_live_ezopen);
  g_test_add_func ("/sim/video/live/errors", test_live_errors);
  g_test_add_func ("/sim/video/hls/live", test_hls_live);
  g_test_add_func ("/sim/video/hls/plays", test_hls_plays);
  g_test_add_func ("/sim/video/hls/refused", test_hls_refused);
  g_test_add_func ("/sim/video/hls/idle-stop", test_hls_idle_stop);
  g_test_add_func ("/sim/video/hls/restart", test_hls_restart);
  g_test_add_func ("/sim/video/hls/warm-call", test_hls_warm_call);
  g_test_add_func ("/sim/video/hls/playback", test_hls_playback);
  g_test_add_func ("/sim/video/records/paging", test_records);
  g_test_add_func ("/sim/video/clip/save-download", test_clip);
  g_test_add_func ("/sim/video/rtmp/push", test_rtmp);

  result = g_test_run ();

  hcc_test_sim_free (env.tsim);
  g_clear_object (&env.session);
  hcc_sim_world_free (env.world);
  g_free (env.base_url);
  g_free (env.token);

  return result;
}
