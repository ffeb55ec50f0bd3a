/* test-video-paintable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gst/gst.h>
#include <gtk/gtk.h>

#include "concierge-video-paintable.h"

/* No display is needed: frames become GdkMemoryTextures and are read back
 * with gdk_texture_download. */

#define TIMEOUT_US (20 * G_USEC_PER_SEC)

static GstElement *
make_pipeline (ConciergeVideoPaintable *paintable,
               const char              *source_description)
{
  g_autoptr(GError) error = NULL;
  GstElement *pipeline;
  GstElement *source;
  GstElement *sink;

  pipeline = gst_pipeline_new (NULL);
  source = gst_parse_bin_from_description (source_description, TRUE, &error);
  g_assert_no_error (error);
  sink = concierge_video_paintable_create_sink (paintable);
  g_assert_nonnull (sink);
  gst_bin_add_many (GST_BIN (pipeline), source, sink, NULL);
  g_assert_true (gst_element_link (source, sink));

  return gst_object_ref_sink (pipeline);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static void
set_appsink_sync (GstElement *pipeline,
                  gboolean    sync)
{
  g_autoptr(GstElement) appsink = gst_bin_get_by_name (GST_BIN (pipeline), "appsink");

  g_assert_nonnull (appsink);
  g_object_set (appsink, "sync", sync, NULL);
}

/* Iterates the main context until the pipeline posts EOS or an error. */
static void
run_to_eos (GstElement *pipeline)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_US;

  for (;;) {
    g_autoptr(GstMessage) message = NULL;

    while (g_main_context_iteration (NULL, FALSE))
      ;
    message = gst_bus_timed_pop_filtered (bus, 10 * GST_MSECOND,
                                          GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
    if (message != NULL) {
      g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
      break;
    }
    g_assert_cmpint (g_get_monotonic_time (), <, deadline);
  }

  /* Publish whatever is still pending. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
stop_pipeline (GstElement *pipeline)
{
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_NULL), ==, GST_STATE_CHANGE_SUCCESS);
  gst_object_unref (pipeline);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
assert_pixel (const guchar *data,
              gsize         stride,
              int           x,
              int           y,
              guchar        r,
              guchar        g,
              guchar        b)
{
  /* gdk_texture_download gives CAIRO_FORMAT_ARGB32: B, G, R, A in memory on
   * little-endian machines, as a native-endian 32-bit word in general. */
  guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

  g_assert_cmpint ((pixel >> 24) & 0xff, ==, 0xff);
  g_assert_cmpint (ABS ((int) ((pixel >> 16) & 0xff) - r), <=, 2);
  g_assert_cmpint (ABS ((int) ((pixel >> 8) & 0xff) - g), <=, 2);
  g_assert_cmpint (ABS ((int) (pixel & 0xff) - b), <=, 2);
}

static void
test_paintable_colour_and_size (void)
{
  ConciergeVideoPaintable *paintable = concierge_video_paintable_new ();
  GstElement *pipeline;
  GdkTexture *texture;
  g_autofree guchar *data = NULL;
  gsize stride;

  pipeline = make_pipeline (paintable,
                            "videotestsrc num-buffers=20 pattern=red ! "
                            "capsfilter caps=\"video/x-raw,format=I420,width=64,height=48,"
                            "framerate=50/1\"");
  g_assert_null (concierge_video_paintable_get_texture (paintable));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (paintable)), ==, 0);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  run_to_eos (pipeline);

  /* The sink has QoS on, so a slow run (valgrind) may drop late frames. */
  g_assert_cmpuint (concierge_video_paintable_get_frames_received (paintable), >=, 1);
  g_assert_cmpuint (concierge_video_paintable_get_frames_received (paintable), <=, 20);
  g_assert_cmpuint (concierge_video_paintable_get_frames_shown (paintable), >=, 1);
  g_assert_cmpuint (concierge_video_paintable_get_frames_shown (paintable), <=,
                    concierge_video_paintable_get_frames_received (paintable));

  texture = concierge_video_paintable_get_texture (paintable);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 64);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 48);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (paintable)), ==, 64);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (paintable)), ==, 48);

  /* The source was I420, so this also checks the conversion to BGRA and the
   * stride handling: red everywhere, not shifted or striped. */
  stride = 64 * 4;
  data = g_malloc (stride * 48);
  gdk_texture_download (texture, data, stride);
  assert_pixel (data, stride, 0, 0, 255, 0, 0);
  assert_pixel (data, stride, 63, 0, 255, 0, 0);
  assert_pixel (data, stride, 31, 24, 255, 0, 0);
  assert_pixel (data, stride, 63, 47, 255, 0, 0);

  stop_pipeline (pipeline);
  g_assert_finalize_object (paintable);
}

static void
test_paintable_odd_width_stride (void)
{
  ConciergeVideoPaintable *paintable = concierge_video_paintable_new ();
  GstElement *pipeline;
  GdkTexture *texture;
  g_autofree guchar *data = NULL;
  gsize stride;

  /* pattern=blue on a width whose rows GStreamer pads: a wrong stride would
   * show up as a sheared image with wrong pixels at the row ends. */
  pipeline = make_pipeline (paintable,
                            "videotestsrc num-buffers=3 pattern=blue ! "
                            "capsfilter caps=\"video/x-raw,width=33,height=17,framerate=30/1\"");
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  run_to_eos (pipeline);

  texture = concierge_video_paintable_get_texture (paintable);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 33);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 17);
  stride = 33 * 4;
  data = g_malloc (stride * 17);
  gdk_texture_download (texture, data, stride);
  assert_pixel (data, stride, 0, 0, 0, 0, 255);
  assert_pixel (data, stride, 32, 16, 0, 0, 255);
  assert_pixel (data, stride, 32, 8, 0, 0, 255);

  stop_pipeline (pipeline);
  g_assert_finalize_object (paintable);
}

static void
test_paintable_pixel_aspect_ratio (void)
{
  ConciergeVideoPaintable *paintable = concierge_video_paintable_new ();
  GstElement *pipeline;
  guint size_changes = 0;

  g_signal_connect_swapped (paintable, "invalidate-size",
                            G_CALLBACK (count_cb), &size_changes);

  pipeline = make_pipeline (paintable,
                            "videotestsrc num-buffers=10 ! "
                            "capsfilter caps=\"video/x-raw,width=64,height=48,"
                            "pixel-aspect-ratio=2/1,framerate=50/1\"");
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  run_to_eos (pipeline);

  /* Pixels twice as wide as tall: the picture is shown twice as wide. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (paintable)), ==, 128);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (paintable)), ==, 48);
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (
                                    GDK_PAINTABLE (paintable)),
                                  128.0 / 48.0, 0.0001);
  /* The size is invalidated once, not per frame. */
  g_assert_cmpuint (size_changes, ==, 1);
  g_assert_cmpuint (concierge_video_paintable_get_frames_shown (paintable), >, 1);

  stop_pipeline (pipeline);
  g_assert_finalize_object (paintable);
}

static void
test_paintable_coalesces (void)
{
  ConciergeVideoPaintable *paintable = concierge_video_paintable_new ();
  GstElement *pipeline;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  guint invalidations = 0;

  g_signal_connect_swapped (paintable, "invalidate-contents",
                            G_CALLBACK (count_cb), &invalidations);

  /* A busy main loop: nothing is dispatched while all 30 frames arrive as
   * fast as the source makes them. Only the latest may be shown. */
  pipeline = make_pipeline (paintable,
                            "videotestsrc num-buffers=30 pattern=green ! "
                            "capsfilter caps=\"video/x-raw,width=32,height=32,framerate=30/1\"");
  set_appsink_sync (pipeline, FALSE);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 20 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  /* The message holds the pipeline, which holds the sink and the paintable. */
  g_clear_pointer (&message, gst_message_unref);

  g_assert_cmpuint (concierge_video_paintable_get_frames_received (paintable), ==, 30);
  g_assert_cmpuint (concierge_video_paintable_get_frames_shown (paintable), ==, 0);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (concierge_video_paintable_get_frames_shown (paintable), ==, 1);
  g_assert_cmpuint (invalidations, ==, 1);

  stop_pipeline (pipeline);
  g_assert_finalize_object (paintable);
}

static void
test_paintable_stop_mid_stream (void)
{
  ConciergeVideoPaintable *paintable = concierge_video_paintable_new ();

  for (guint i = 0; i < 5; i++) {
    GstElement *pipeline;
    guint shown_before = concierge_video_paintable_get_frames_shown (paintable);
    guint timeout_id;

    pipeline = make_pipeline (paintable,
                              "videotestsrc is-live=true ! "
                              "capsfilter caps=\"video/x-raw,width=160,height=120,"
                              "framerate=25/1\"");
    gst_element_set_state (pipeline, GST_STATE_PLAYING);

    /* Frames wake the main context through the publishing idle. */
    timeout_id = g_timeout_add_seconds (20, timeout_cb, (gpointer) "frames");
    while (concierge_video_paintable_get_frames_shown (paintable) < shown_before + 3)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (timeout_id);

    /* Stopping while frames are in flight must not deadlock: the
     * streaming thread never waits for this (blocked) main thread. */
    stop_pipeline (pipeline);
  }

  g_assert_cmpuint (concierge_video_paintable_get_frames_shown (paintable), >=, 15);
  g_assert_finalize_object (paintable);
}

static void
test_paintable_stale_sink (void)
{
  ConciergeVideoPaintable *paintable = concierge_video_paintable_new ();
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstElement) fresh = NULL;
  GstElement *pipeline;

  /* Frames of a sink that was replaced (a pipeline still going down during
   * a stream renewal) are never published. */
  pipeline = make_pipeline (paintable,
                            "videotestsrc num-buffers=5 ! "
                            "capsfilter caps=\"video/x-raw,width=16,height=16\"");
  set_appsink_sync (pipeline, FALSE);
  fresh = gst_object_ref_sink (concierge_video_paintable_create_sink (paintable));
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 20 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_clear_pointer (&message, gst_message_unref);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (concierge_video_paintable_get_frames_received (paintable), ==, 5);
  g_assert_cmpuint (concierge_video_paintable_get_frames_shown (paintable), ==, 0);
  g_assert_null (concierge_video_paintable_get_texture (paintable));

  stop_pipeline (pipeline);
  g_clear_object (&fresh);
  g_assert_finalize_object (paintable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/media/video-paintable/colour-and-size", test_paintable_colour_and_size);
  g_test_add_func ("/media/video-paintable/odd-width-stride", test_paintable_odd_width_stride);
  g_test_add_func ("/media/video-paintable/pixel-aspect-ratio", test_paintable_pixel_aspect_ratio);
  g_test_add_func ("/media/video-paintable/coalesces", test_paintable_coalesces);
  g_test_add_func ("/media/video-paintable/stop-mid-stream", test_paintable_stop_mid_stream);
  g_test_add_func ("/media/video-paintable/stale-sink", test_paintable_stale_sink);

  return g_test_run ();
}
