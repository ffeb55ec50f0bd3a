/* test-ringer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ringer"

#include "config.h"

#include <gst/base/gstbasesink.h>

#include "concierge-ringer.h"

/* CI has no sound device, so the ringer plays into TestSink: a sink that
 * renders as fast as it can (sync=false) and records what reached it. It can
 * also refuse to start (a broken device) and hold its way down to NULL until
 * the test lets it go (a sound server that is slow to close). */

#define TEST_TYPE_SINK (test_sink_get_type ())
G_DECLARE_FINAL_TYPE (TestSink, test_sink, TEST, SINK, GstBaseSink)

struct _TestSink
{
  GstBaseSink  parent_instance;

  GMutex       lock;
  GCond        cond;
  guint64      buffers;
  GstClockTime rendered;
  /* Running time where the next buffer should start, if one came since the
   * last flush: gapless looping keeps |actual - expected| tiny. */
  gboolean     have_next;
  GstClockTime next_running_time;
  GstClockTime max_gap;
  guint        flushes;
  guint        segments;
  int          last_peak;
  int          first_sample;
  int          last_sample;
  gboolean     fail_start;
  gboolean     block_start;
  gboolean     in_start;
  gboolean     block_teardown;
  gboolean     in_teardown;
  gboolean     released;
  gboolean     timed_out;
};

G_DEFINE_FINAL_TYPE (TestSink, test_sink, GST_TYPE_BASE_SINK)

static GstStaticPadTemplate sink_template =
  GST_STATIC_PAD_TEMPLATE ("sink", GST_PAD_SINK, GST_PAD_ALWAYS,
                           GST_STATIC_CAPS ("audio/x-raw, format=S16LE, layout=interleaved, "
                                            "rate=44100, channels=1"));

static gboolean
test_sink_start (GstBaseSink *base)
{
  TestSink *self = TEST_SINK (base);
  gboolean fail;

  g_mutex_lock (&self->lock);
  fail = self->fail_start;
  g_mutex_unlock (&self->lock);

  if (fail) {
    GST_ELEMENT_ERROR (self, RESOURCE, OPEN_WRITE, ("The test sink is broken"), (NULL));
    return FALSE;
  }
  return TRUE;
}

static gboolean
test_sink_event (GstBaseSink *base,
                 GstEvent    *event)
{
  TestSink *self = TEST_SINK (base);

  if (GST_EVENT_TYPE (event) == GST_EVENT_FLUSH_STOP) {
    g_mutex_lock (&self->lock);
    self->have_next = FALSE;
    self->flushes++;
    g_mutex_unlock (&self->lock);
  } else if (GST_EVENT_TYPE (event) == GST_EVENT_SEGMENT) {
    g_mutex_lock (&self->lock);
    self->segments++;
    g_mutex_unlock (&self->lock);
  }

  return GST_BASE_SINK_CLASS (test_sink_parent_class)->event (base, event);
}

static GstFlowReturn
test_sink_render (GstBaseSink *base,
                  GstBuffer   *buffer)
{
  TestSink *self = TEST_SINK (base);
  GstClockTime running;
  GstMapInfo map;
  const gint16 *samples;
  gsize n_samples;
  int peak = 0;

  running = gst_segment_to_running_time (&base->segment, GST_FORMAT_TIME,
                                         GST_BUFFER_PTS (buffer));
  if (!gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_ERROR;
  samples = (const gint16 *) map.data;
  n_samples = map.size / 2;
  for (gsize i = 0; i < n_samples; i++)
    peak = MAX (peak, ABS ((int) samples[i]));

  g_mutex_lock (&self->lock);
  if (n_samples > 0) {
    if (self->buffers == 0)
      self->first_sample = ABS ((int) samples[0]);
    self->last_sample = ABS ((int) samples[n_samples - 1]);
  }
  if (self->have_next && GST_CLOCK_TIME_IS_VALID (running)) {
    GstClockTime gap = running > self->next_running_time
                       ? running - self->next_running_time
                       : self->next_running_time - running;

    self->max_gap = MAX (self->max_gap, gap);
  }
  if (GST_CLOCK_TIME_IS_VALID (running) && GST_BUFFER_DURATION_IS_VALID (buffer)) {
    self->have_next = TRUE;
    self->next_running_time = running + GST_BUFFER_DURATION (buffer);
    self->rendered += GST_BUFFER_DURATION (buffer);
  }
  self->buffers++;
  self->last_peak = peak;
  g_mutex_unlock (&self->lock);

  gst_buffer_unmap (buffer, &map);
  return GST_FLOW_OK;
}

static GstStateChangeReturn
test_sink_change_state (GstElement     *element,
                        GstStateChange  transition)
{
  TestSink *self = TEST_SINK (element);

  if (transition == GST_STATE_CHANGE_PAUSED_TO_READY ||
      transition == GST_STATE_CHANGE_READY_TO_PAUSED) {
    /* Hold the worker here until the test releases it. */
    gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
    gboolean down = transition == GST_STATE_CHANGE_PAUSED_TO_READY;

    g_mutex_lock (&self->lock);
    if (down ? self->block_teardown : self->block_start) {
      if (down)
        self->in_teardown = TRUE;
      else
        self->in_start = TRUE;
      g_cond_broadcast (&self->cond);
      while (!self->released) {
        if (!g_cond_wait_until (&self->cond, &self->lock, deadline)) {
          self->timed_out = TRUE;
          break;
        }
      }
    }
    g_mutex_unlock (&self->lock);
  }

  return GST_ELEMENT_CLASS (test_sink_parent_class)->change_state (element, transition);
}

static void
test_sink_finalize (GObject *object)
{
  TestSink *self = TEST_SINK (object);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (test_sink_parent_class)->finalize (object);
}

static void
test_sink_class_init (TestSinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseSinkClass *base_class = GST_BASE_SINK_CLASS (klass);

  object_class->finalize = test_sink_finalize;
  element_class->change_state = test_sink_change_state;
  base_class->start = test_sink_start;
  base_class->event = test_sink_event;
  base_class->render = test_sink_render;

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_set_static_metadata (element_class, "Test sink", "Sink/Audio",
                                         "Records what the ringer plays", "Concierge");
}

static void
test_sink_init (TestSink *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  gst_base_sink_set_sync (GST_BASE_SINK (self), FALSE);
}

static TestSink *
test_sink_new (void)
{
  return gst_object_ref_sink (g_object_new (TEST_TYPE_SINK, "name", "test-sink", NULL));
}

/* Reads one field under the sink's lock. */
#define SINK_GET(sink, field) ({                  \
      __typeof__ ((sink)->field) value_;          \
      g_mutex_lock (&(sink)->lock);               \
      value_ = (sink)->field;                     \
      g_mutex_unlock (&(sink)->lock);             \
      value_; })

#define SINK_SET(sink, field, value) G_STMT_START { \
      g_mutex_lock (&(sink)->lock);                 \
      (sink)->field = (value);                      \
      g_cond_broadcast (&(sink)->cond);             \
      g_mutex_unlock (&(sink)->lock);               \
    } G_STMT_END

static gboolean
tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  if (ticks != NULL)
    (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until cond holds; a tick wakes it up to look at
 * conditions other threads change. */
#define WAIT_UNTIL(cond) G_STMT_START {                                   \
      gint64 deadline_ = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND; \
      guint tick_ = g_timeout_add (2, tick_cb, NULL);                       \
      while (!(cond)) {                                                     \
        if (g_get_monotonic_time () > deadline_)                            \
          g_error ("Timed out waiting for %s", #cond);                      \
        g_main_context_iteration (NULL, TRUE);                              \
      }                                                                     \
      g_source_remove (tick_);                                              \
    } G_STMT_END

static GstState
element_state (gpointer element)
{
  GstState state = GST_STATE_VOID_PENDING;

  gst_element_get_state (element, &state, NULL, 0);
  return state;
}

static GstElement *
pipeline_of (TestSink *sink)
{
  return GST_ELEMENT (gst_object_get_parent (GST_OBJECT (sink)));
}

static GstElement *
volume_of (TestSink *sink)
{
  g_autoptr(GstElement) pipeline = pipeline_of (sink);

  g_assert_nonnull (pipeline);
  return gst_bin_get_by_name (GST_BIN (pipeline), "volume");
}

static ConciergeRinger *
ringer_new_with_sink (TestSink *sink)
{
  return g_object_new (CONCIERGE_TYPE_RINGER, "audio-sink", sink, NULL);
}

static void
pipeline_gone_cb (gpointer  data,
                  GObject  *where_the_object_was)
{
  g_atomic_int_set ((int *) data, TRUE);
}

/* Drops the ringer, then checks that the pipeline it built is torn down and
 * freed (in a worker thread) and that the sink leaks no reference. */
static void
finalize_all (ConciergeRinger *ringer,
              TestSink        *sink)
{
  g_autoptr(GstElement) pipeline = pipeline_of (sink);
  int gone = FALSE;

  if (pipeline != NULL)
    g_object_weak_ref (G_OBJECT (pipeline), pipeline_gone_cb, &gone);
  g_clear_object (&pipeline);

  g_assert_finalize_object (ringer);
  WAIT_UNTIL (g_atomic_int_get (&gone));
  g_assert_cmpint (element_state (sink), ==, GST_STATE_NULL);
  g_assert_finalize_object (sink);
}

static void
ring_until_playing (ConciergeRinger *ringer,
                    TestSink        *sink)
{
  guint64 before = SINK_GET (sink, buffers);

  concierge_ringer_ring (ringer);
  g_assert_true (concierge_ringer_get_ringing (ringer));
  WAIT_UNTIL (SINK_GET (sink, buffers) > before + 5 &&
              element_state (sink) == GST_STATE_PLAYING);
}

/* One pass of the chime, decoded from the resource the app uses. */
static GstClockTime
decode_sound (TestSink *sink)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  GstElement *convert;

  stream = g_resources_open_stream (CONCIERGE_RINGER_SOUND_PATH, 0, &error);
  g_assert_no_error (error);

  pipeline = gst_parse_launch ("giostreamsrc name=source ! decodebin ! audioconvert "
                               "! audioresample name=resample", &error);
  g_assert_no_error (error);
  source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  g_object_set (source, "stream", stream, NULL);
  /* The sink is not floating: the bin takes a reference of its own. */
  gst_bin_add (GST_BIN (pipeline), GST_ELEMENT (sink));
  convert = gst_bin_get_by_name (GST_BIN (pipeline), "resample");
  g_assert_true (gst_element_link (convert, GST_ELEMENT (sink)));
  gst_object_unref (convert);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 20 * GST_SECOND,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return SINK_GET (sink, rendered);
}

static void
test_sound_decodes (void)
{
  g_autoptr(TestSink) sink = test_sink_new ();
  GstClockTime length = decode_sound (sink);

  /* A chime of 1-4 s: long enough to be a ring, short enough to loop. */
  g_assert_cmpuint (length, >=, 1 * GST_SECOND);
  g_assert_cmpuint (length, <=, 4 * GST_SECOND);
  /* Loud, and silent at both ends, so the loop does not click. */
  g_assert_cmpint (sink->max_gap, <, GST_MSECOND);
  g_assert_cmpint (sink->first_sample, <, 1000);
  g_assert_cmpint (sink->last_sample, <, 1000);
}

static void
test_ring_loops (void)
{
  g_autoptr(TestSink) probe = test_sink_new ();
  TestSink *sink = test_sink_new ();
  ConciergeRinger *ringer = ringer_new_with_sink (sink);
  GstClockTime length = decode_sound (probe);
  GstClockTime rendered;

  g_assert_false (concierge_ringer_get_ringing (ringer));
  ring_until_playing (ringer, sink);
  g_assert_null (concierge_ringer_get_error (ringer));

  /* More than three passes arrive, one after the other in running time. */
  WAIT_UNTIL (SINK_GET (sink, rendered) > 3 * length + GST_SECOND);
  g_assert_cmpuint (SINK_GET (sink, max_gap), <, GST_MSECOND);
  /* Each pass is a new segment, and none of them flushed: only the seek
   * that started the loop did (a flush would hide a gap from max_gap). */
  g_assert_cmpuint (SINK_GET (sink, segments), >=, 4);
  g_assert_cmpuint (SINK_GET (sink, flushes), ==, 1);
  g_assert_true (concierge_ringer_get_ringing (ringer));

  /* Ringing twice is ringing once: the chime goes on, it does not restart. */
  rendered = SINK_GET (sink, rendered);
  concierge_ringer_ring (ringer);
  WAIT_UNTIL (SINK_GET (sink, rendered) > rendered + length);
  g_assert_cmpuint (SINK_GET (sink, flushes), ==, 1);
  g_assert_cmpuint (SINK_GET (sink, max_gap), <, GST_MSECOND);

  concierge_ringer_stop (ringer);
  g_assert_false (concierge_ringer_get_ringing (ringer));
  WAIT_UNTIL (element_state (sink) == GST_STATE_NULL);
  g_assert_null (concierge_ringer_get_error (ringer));

  finalize_all (ringer, sink);
}

static void
test_stop_immediate (void)
{
  TestSink *sink = test_sink_new ();
  ConciergeRinger *ringer = ringer_new_with_sink (sink);
  g_autoptr(GstElement) volume = NULL;
  gboolean mute = FALSE;
  guint ticks = 0;
  guint tick;

  ring_until_playing (ringer, sink);
  volume = volume_of (sink);

  /* The sink will hang on its way down until released below. */
  SINK_SET (sink, block_teardown, TRUE);
  concierge_ringer_stop (ringer);
  g_assert_false (concierge_ringer_get_ringing (ringer));
  /* Silent at once, before the pipeline is down. */
  g_object_get (volume, "mute", &mute, NULL);
  g_assert_true (mute);

  /* The pipeline is stuck going to NULL, yet the main loop runs on and the
   * ringer answers at once. */
  WAIT_UNTIL (SINK_GET (sink, in_teardown));
  tick = g_timeout_add (1, tick_cb, &ticks);
  WAIT_UNTIL (ticks >= 20);
  g_source_remove (tick);
  g_assert_false (SINK_GET (sink, released));
  concierge_ringer_ring (ringer);
  g_assert_true (concierge_ringer_get_ringing (ringer));
  concierge_ringer_stop (ringer);
  g_assert_false (concierge_ringer_get_ringing (ringer));

  SINK_SET (sink, released, TRUE);
  WAIT_UNTIL (element_state (sink) == GST_STATE_NULL);
  g_assert_false (SINK_GET (sink, timed_out));
  SINK_SET (sink, block_teardown, FALSE);

  /* And it rings again afterwards. */
  ring_until_playing (ringer, sink);
  g_object_get (volume, "mute", &mute, NULL);
  g_assert_false (mute);
  concierge_ringer_stop (ringer);

  g_clear_object (&volume);
  finalize_all (ringer, sink);
}

static void
test_stop_while_starting (void)
{
  TestSink *sink = test_sink_new ();
  ConciergeRinger *ringer = ringer_new_with_sink (sink);

  /* The sound device takes long to open; the call is silenced meanwhile.
   * Not one sample may play, however late the device comes. */
  SINK_SET (sink, block_start, TRUE);
  concierge_ringer_ring (ringer);
  WAIT_UNTIL (SINK_GET (sink, in_start));
  concierge_ringer_stop (ringer);
  g_assert_false (concierge_ringer_get_ringing (ringer));

  SINK_SET (sink, released, TRUE);
  WAIT_UNTIL (element_state (sink) == GST_STATE_NULL);
  g_assert_false (SINK_GET (sink, timed_out));
  g_assert_cmpuint (SINK_GET (sink, buffers), ==, 0);
  /* Stopped is not failed. */
  g_assert_null (concierge_ringer_get_error (ringer));

  SINK_SET (sink, block_start, FALSE);
  ring_until_playing (ringer, sink);
  concierge_ringer_stop (ringer);
  finalize_all (ringer, sink);
}

static void
test_ring_repeat (void)
{
  TestSink *sink = test_sink_new ();
  ConciergeRinger *ringer = ringer_new_with_sink (sink);
  guint n_notify = 0;

  g_signal_connect_swapped (ringer, "notify::ringing", G_CALLBACK (tick_cb), &n_notify);

  for (guint i = 0; i < 20; i++) {
    concierge_ringer_ring (ringer);
    g_assert_true (concierge_ringer_get_ringing (ringer));
    g_main_context_iteration (NULL, FALSE);
    concierge_ringer_stop (ringer);
    g_assert_false (concierge_ringer_get_ringing (ringer));
    g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (n_notify, ==, 40);

  /* Still works after the storm, and ends down. */
  ring_until_playing (ringer, sink);
  concierge_ringer_stop (ringer);
  WAIT_UNTIL (element_state (sink) == GST_STATE_NULL);
  g_assert_null (concierge_ringer_get_error (ringer));

  /* Dropped while ringing: the pipeline still goes down and is freed. */
  ring_until_playing (ringer, sink);
  finalize_all (ringer, sink);
}

static void
test_volume_and_mute (void)
{
  TestSink *sink = test_sink_new ();
  ConciergeRinger *ringer = ringer_new_with_sink (sink);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.hccdesk.Concierge");
  g_autoptr(GstElement) volume = NULL;
  double gain = -1.0;
  gboolean mute = TRUE;
  guint64 buffers;

  /* The app binds the settings like this. */
  g_settings_bind (settings, "ring-volume", ringer, "volume", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "ring-muted", ringer, "muted", G_SETTINGS_BIND_GET);
  g_assert_cmpfloat_with_epsilon (concierge_ringer_get_volume (ringer), 0.8, 1e-9);

  g_settings_set_double (settings, "ring-volume", 0.5);
  g_assert_cmpfloat_with_epsilon (concierge_ringer_get_volume (ringer), 0.5, 1e-9);

  ring_until_playing (ringer, sink);
  volume = volume_of (sink);
  /* The setting is perceptual; the element's gain is its cube. */
  g_object_get (volume, "volume", &gain, "mute", &mute, NULL);
  g_assert_cmpfloat_with_epsilon (gain, 0.125, 1e-9);
  g_assert_false (mute);

  g_settings_set_double (settings, "ring-volume", 1.0);
  g_object_get (volume, "volume", &gain, NULL);
  g_assert_cmpfloat_with_epsilon (gain, 1.0, 1e-9);
  WAIT_UNTIL (SINK_GET (sink, last_peak) > 10000);

  /* Muted: what reaches the sink is silence, while it still rings. */
  g_settings_set_boolean (settings, "ring-muted", TRUE);
  g_assert_true (concierge_ringer_get_muted (ringer));
  g_object_get (volume, "mute", &mute, NULL);
  g_assert_true (mute);
  buffers = SINK_GET (sink, buffers);
  WAIT_UNTIL (SINK_GET (sink, buffers) > buffers + 3);
  g_assert_cmpint (SINK_GET (sink, last_peak), ==, 0);
  g_assert_true (concierge_ringer_get_ringing (ringer));

  g_settings_set_boolean (settings, "ring-muted", FALSE);
  g_object_get (volume, "mute", &mute, NULL);
  g_assert_false (mute);
  WAIT_UNTIL (SINK_GET (sink, last_peak) > 10000);

  /* Out of range values are clamped. */
  concierge_ringer_set_volume (ringer, 7.0);
  g_assert_cmpfloat_with_epsilon (concierge_ringer_get_volume (ringer), 1.0, 1e-9);

  concierge_ringer_stop (ringer);
  g_clear_object (&volume);
  g_settings_unbind (ringer, "volume");
  g_settings_unbind (ringer, "muted");
  finalize_all (ringer, sink);
}

static void
test_broken_sink (void)
{
  TestSink *sink = test_sink_new ();
  ConciergeRinger *ringer = ringer_new_with_sink (sink);
  guint n_notify = 0;

  g_signal_connect_swapped (ringer, "notify::error", G_CALLBACK (tick_cb), &n_notify);

  /* No device: an error to show, no warning (they are fatal here), and the
   * call still counts as ringing. */
  SINK_SET (sink, fail_start, TRUE);
  concierge_ringer_ring (ringer);
  WAIT_UNTIL (concierge_ringer_get_error (ringer) != NULL);
  g_assert_cmpstr (concierge_ringer_get_error (ringer), ==, "The test sink is broken");
  g_assert_true (concierge_ringer_get_ringing (ringer));
  g_assert_cmpuint (SINK_GET (sink, buffers), ==, 0);
  WAIT_UNTIL (element_state (sink) == GST_STATE_NULL);

  /* The device comes back while the call still rings: the ringer tries
   * again by itself, and the chime is heard for the rest of the call. */
  SINK_SET (sink, fail_start, FALSE);
  WAIT_UNTIL (concierge_ringer_get_error (ringer) == NULL);
  WAIT_UNTIL (SINK_GET (sink, buffers) > 5 && element_state (sink) == GST_STATE_PLAYING);
  g_assert_cmpuint (n_notify, ==, 2);

  /* Broken again: the next call tries the device again at once, and once
   * it works the error clears. */
  concierge_ringer_stop (ringer);
  WAIT_UNTIL (element_state (sink) == GST_STATE_NULL);
  SINK_SET (sink, fail_start, TRUE);
  concierge_ringer_ring (ringer);
  WAIT_UNTIL (concierge_ringer_get_error (ringer) != NULL);
  g_assert_cmpuint (n_notify, ==, 3);
  concierge_ringer_stop (ringer);
  SINK_SET (sink, fail_start, FALSE);
  ring_until_playing (ringer, sink);
  WAIT_UNTIL (concierge_ringer_get_error (ringer) == NULL);
  g_assert_cmpuint (n_notify, ==, 4);

  concierge_ringer_stop (ringer);
  finalize_all (ringer, sink);
}

static void
test_missing_sink (void)
{
  g_autoptr(ConciergeRinger) ringer = NULL;

  /* A sink that does not exist, as on a system without the plugin. */
  g_setenv ("CONCIERGE_AUDIO_SINK", "concierge-no-such-sink", TRUE);
  ringer = concierge_ringer_new ();
  concierge_ringer_ring (ringer);
  WAIT_UNTIL (concierge_ringer_get_error (ringer) != NULL);
  g_assert_true (concierge_ringer_get_ringing (ringer));
  g_unsetenv ("CONCIERGE_AUDIO_SINK");

  concierge_ringer_stop (ringer);
  g_assert_false (concierge_ringer_get_ringing (ringer));
  g_assert_finalize_object (g_steal_pointer (&ringer));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/ringer/sound/decodes", test_sound_decodes);
  g_test_add_func ("/ringer/ring/loops", test_ring_loops);
  g_test_add_func ("/ringer/stop/immediate", test_stop_immediate);
  g_test_add_func ("/ringer/stop/while-starting", test_stop_while_starting);
  g_test_add_func ("/ringer/ring/repeat", test_ring_repeat);
  g_test_add_func ("/ringer/volume/settings", test_volume_and_mute);
  g_test_add_func ("/ringer/error/broken-sink", test_broken_sink);
  g_test_add_func ("/ringer/error/missing-sink", test_missing_sink);

  return g_test_run ();
}
