/* concierge-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-player"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>

#include "concierge-media-enums.h"
#include "concierge-player.h"
#include "concierge-video-paintable.h"

/* Plays one live or recorded stream into a GdkPaintable.
 *
 * All API and all bus handling run on the main thread. The pipeline is
 * built per play: an explicit hlsdemux ! tsdemux chain for live HLS,
 * uridecodebin3 for recorded MP4 over HTTP(S), an explicit rtmp2src !
 * flvdemux chain for RTMP (decodebin2/playbin take ~7 s to the first frame
 * there). Going to NULL can block on network teardown, so a
 * stopped pipeline is handed to a worker thread that owns its last ref.
 */

struct _ConciergePlayer
{
  GObject                  parent_instance;

  char                    *uri;            /* (owned) (nullable) */
  ConciergePlayerState     state;
  char                    *error_message;  /* (owned) (nullable) */
  gboolean                 muted;
  gint64                   first_frame_time;

  GstElement              *pipeline;       /* (owned) (nullable) */
  guint                    bus_watch_id;
  gboolean                 is_live;
  gboolean                 got_frame;
  gboolean                 buffering;      /* the pipeline reported < 100 % */
  gint64                   play_started;   /* monotonic µs */
  gint64                   last_frame;     /* monotonic µs */
  guint                    watchdog_id;
  guint                    connect_timeout; /* seconds, 0 = none */

  ConciergeVideoPaintable *video;          /* (owned) our fallback paintable */
  GdkPaintable            *paintable;      /* (owned) what the view shows */
  gulong                   invalidate_id;
};

enum {
  PROP_0,
  PROP_URI,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  PROP_PAINTABLE,
  PROP_MUTED,
  PROP_FIRST_FRAME_TIME,
  PROP_CONNECT_TIMEOUT,
  N_PROPS
};

enum {
  EOS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static guint n_pending_stops;

/* A live stream that shows no new frame for this long is reported as
 * buffering, so the desk sees a spinner rather than a frozen picture. */
#define STALL_US (3 * G_USEC_PER_SEC)
#define DEFAULT_CONNECT_TIMEOUT 20

G_DEFINE_FINAL_TYPE (ConciergePlayer, concierge_player, G_TYPE_OBJECT)

static void
set_state (ConciergePlayer      *self,
           ConciergePlayerState  state)
{
  if (self->state == state)
    return;

  g_debug ("State %d -> %d for %s", self->state, state, self->uri);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_error_message (ConciergePlayer *self,
                   const char      *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
set_paintable (ConciergePlayer *self,
               GdkPaintable    *paintable)
{
  if (self->paintable == paintable)
    return;

  g_clear_signal_handler (&self->invalidate_id, self->paintable);
  g_set_object (&self->paintable, paintable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTABLE]);
}

static void
set_null_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GstElement *pipeline = task_data;

  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_task_return_boolean (task, TRUE);
}

static void
set_null_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_atomic_int_dec_and_test (&n_pending_stops);
}

static void
teardown_pipeline (ConciergePlayer *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->bus_watch_id != 0)
    g_clear_handle_id (&self->bus_watch_id, g_source_remove);
  g_clear_handle_id (&self->watchdog_id, g_source_remove);

  if (self->pipeline == NULL)
    return;

  /* The task holds the only remaining ref and drops it in the worker
   * after NULL is reached; it is not tied to self, so dispose may use it. */
  g_atomic_int_inc (&n_pending_stops);
  task = g_task_new (NULL, NULL, set_null_done_cb, NULL);
  g_task_set_source_tag (task, teardown_pipeline);
  g_task_set_task_data (task, g_steal_pointer (&self->pipeline), gst_object_unref);
  g_task_run_in_thread (task, set_null_thread);
}

static const char *
describe_error (const GError *error)
{
  /* The user needs to know whether to wait, retry or ask for a new link,
   * not GStreamer's wording. */
  if (error->domain == GST_RESOURCE_ERROR) {
    switch (error->code) {
    case GST_RESOURCE_ERROR_NOT_FOUND:
    case GST_RESOURCE_ERROR_NOT_AUTHORIZED:
      return _("The video is not available. The link may have expired.");
    case GST_RESOURCE_ERROR_OPEN_READ:
    case GST_RESOURCE_ERROR_OPEN_READ_WRITE:
    case GST_RESOURCE_ERROR_READ:
    case GST_RESOURCE_ERROR_BUSY:
      return _("The video could not be reached. Check the network connection.");
    case GST_RESOURCE_ERROR_FAILED:
    case GST_RESOURCE_ERROR_TOO_LAZY:
    case GST_RESOURCE_ERROR_OPEN_WRITE:
    case GST_RESOURCE_ERROR_CLOSE:
    case GST_RESOURCE_ERROR_WRITE:
    case GST_RESOURCE_ERROR_SEEK:
    case GST_RESOURCE_ERROR_SYNC:
    case GST_RESOURCE_ERROR_SETTINGS:
    case GST_RESOURCE_ERROR_NO_SPACE_LEFT:
    case GST_RESOURCE_ERROR_NUM_ERRORS:
    default:
      return _("The video stopped because of a connection problem.");
    }
  }

  if (error->domain == GST_STREAM_ERROR || error->domain == GST_CORE_ERROR)
    return _("The video could not be decoded.");

  return _("The video could not be played.");
}

static void
fail (ConciergePlayer *self,
      const char      *message)
{
  teardown_pipeline (self);
  set_error_message (self, message);
  set_state (self, CONCIERGE_PLAYER_STATE_ERROR);
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  ConciergePlayer *self = user_data;

  g_assert (CONCIERGE_IS_PLAYER (self));

  switch (GST_MESSAGE_TYPE (message)) {
  case GST_MESSAGE_ERROR: {
    g_autoptr(GError) error = NULL;
    g_autofree char *debug = NULL;

    gst_message_parse_error (message, &error, &debug);
    g_debug ("Playback of %s failed: %s (%s)", self->uri, error->message, debug);
    fail (self, describe_error (error));
    return G_SOURCE_REMOVE;
  }

  case GST_MESSAGE_EOS:
    g_debug ("End of stream for %s", self->uri);
    /* A live stream that ends was cut at the source: offer Retry. */
    if (self->is_live) {
      fail (self, _("The live video ended."));
      return G_SOURCE_REMOVE;
    }
    teardown_pipeline (self);
    set_state (self, CONCIERGE_PLAYER_STATE_IDLE);
    g_signal_emit (self, signals[EOS], 0);
    return G_SOURCE_REMOVE;

  case GST_MESSAGE_BUFFERING: {
    int percent = 100;

    /* A live stream cannot be paused to fill its buffers; only show it. */
    gst_message_parse_buffering (message, &percent);
    if (!self->is_live)
      gst_element_set_state (self->pipeline,
                             percent < 100 ? GST_STATE_PAUSED : GST_STATE_PLAYING);
    self->buffering = percent < 100;
    if (self->buffering && self->got_frame)
      set_state (self, CONCIERGE_PLAYER_STATE_BUFFERING);
    else if (!self->buffering && self->got_frame)
      set_state (self, CONCIERGE_PLAYER_STATE_PLAYING);
    break;
  }

  case GST_MESSAGE_CLOCK_LOST:
    gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
    gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
    break;

  case GST_MESSAGE_LATENCY:
    gst_bin_recalculate_latency (GST_BIN (self->pipeline));
    break;

  case GST_MESSAGE_STATE_CHANGED:
    if (GST_MESSAGE_SRC (message) == GST_OBJECT (self->pipeline)) {
      GstState old_state, new_state;

      gst_message_parse_state_changed (message, &old_state, &new_state, NULL);
      g_debug ("Pipeline %s -> %s",
               gst_element_state_get_name (old_state),
               gst_element_state_get_name (new_state));
    }
    break;

  case GST_MESSAGE_UNKNOWN:
  case GST_MESSAGE_WARNING:
  case GST_MESSAGE_INFO:
  case GST_MESSAGE_TAG:
  case GST_MESSAGE_STATE_DIRTY:
  case GST_MESSAGE_STEP_DONE:
  case GST_MESSAGE_CLOCK_PROVIDE:
  case GST_MESSAGE_NEW_CLOCK:
  case GST_MESSAGE_STRUCTURE_CHANGE:
  case GST_MESSAGE_STREAM_STATUS:
  case GST_MESSAGE_APPLICATION:
  case GST_MESSAGE_ELEMENT:
  case GST_MESSAGE_SEGMENT_START:
  case GST_MESSAGE_SEGMENT_DONE:
  case GST_MESSAGE_DURATION_CHANGED:
  case GST_MESSAGE_ASYNC_START:
  case GST_MESSAGE_ASYNC_DONE:
  case GST_MESSAGE_REQUEST_STATE:
  case GST_MESSAGE_STEP_START:
  case GST_MESSAGE_QOS:
  case GST_MESSAGE_PROGRESS:
  case GST_MESSAGE_TOC:
  case GST_MESSAGE_RESET_TIME:
  case GST_MESSAGE_STREAM_START:
  case GST_MESSAGE_NEED_CONTEXT:
  case GST_MESSAGE_HAVE_CONTEXT:
  case GST_MESSAGE_EXTENDED:
  case GST_MESSAGE_DEVICE_ADDED:
  case GST_MESSAGE_DEVICE_REMOVED:
  case GST_MESSAGE_PROPERTY_NOTIFY:
  case GST_MESSAGE_STREAM_COLLECTION:
  case GST_MESSAGE_STREAMS_SELECTED:
  case GST_MESSAGE_REDIRECT:
  case GST_MESSAGE_DEVICE_CHANGED:
  case GST_MESSAGE_INSTANT_RATE_REQUEST:
  case GST_MESSAGE_ANY:
  default:
    break;
  }

  return G_SOURCE_CONTINUE;
}

static void
paintable_invalidated_cb (ConciergePlayer *self,
                          GdkPaintable    *paintable)
{
  g_assert (CONCIERGE_IS_PLAYER (self));

  if (self->pipeline == NULL)
    return;

  self->last_frame = g_get_monotonic_time ();

  if (self->got_frame) {
    /* Frames flow again after a stall. */
    if (self->state == CONCIERGE_PLAYER_STATE_BUFFERING && !self->buffering)
      set_state (self, CONCIERGE_PLAYER_STATE_PLAYING);
    return;
  }

  /* The first picture on screen is what the user waits for. */
  self->got_frame = TRUE;
  self->first_frame_time = g_get_monotonic_time () - self->play_started;
  g_debug ("First frame of %s after %.3f s", self->uri, self->first_frame_time / 1e6);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FRAME_TIME]);
  set_state (self, CONCIERGE_PLAYER_STATE_PLAYING);
}

static gboolean
watchdog_cb (gpointer user_data)
{
  ConciergePlayer *self = user_data;
  gint64 now = g_get_monotonic_time ();

  g_assert (CONCIERGE_IS_PLAYER (self));

  if (!self->got_frame) {
    if (self->connect_timeout > 0 &&
        now - self->play_started > (gint64) self->connect_timeout * G_USEC_PER_SEC) {
      g_debug ("No frame of %s after %u s", self->uri, self->connect_timeout);
      self->watchdog_id = 0;
      fail (self, _("The video did not start. The camera may be offline."));
      return G_SOURCE_REMOVE;
    }
  } else if (self->is_live &&
           self->state == CONCIERGE_PLAYER_STATE_PLAYING &&
           now - self->last_frame > STALL_US) {
    g_debug ("No new frame of %s for %.1f s", self->uri, (now - self->last_frame) / 1e6);
    set_state (self, CONCIERGE_PLAYER_STATE_BUFFERING);
  }

  return G_SOURCE_CONTINUE;
}

static int
select_stream_cb (GstElement          *decodebin,
                  GstStreamCollection *collection,
                  GstStream           *stream,
                  gpointer             user_data)
{
  /* Video only: the platform's streams have no talk-back and the desk's
   * ring must stay audible, so audio is never decoded. */
  return (gst_stream_get_stream_type (stream) & GST_STREAM_TYPE_VIDEO) ? 1 : 0;
}

static void
pad_added_cb (GstElement *decodebin,
              GstPad     *pad,
              gpointer    user_data)
{
  GstElement *sink = user_data;
  g_autoptr(GstPad) sink_pad = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstStream) stream = NULL;
  gboolean is_video = FALSE;

  /* Streaming thread: only links pads, never touches the player. */
  stream = gst_pad_get_stream (pad);
  if (stream != NULL)
    is_video = (gst_stream_get_stream_type (stream) & GST_STREAM_TYPE_VIDEO) != 0;
  else if ((caps = gst_pad_query_caps (pad, NULL)) != NULL && !gst_caps_is_empty (caps))
    is_video = g_str_has_prefix (gst_structure_get_name (gst_caps_get_structure (caps, 0)),
                                 "video/");

  if (!is_video)
    return;

  sink_pad = gst_element_get_static_pad (sink, "sink");
  if (!gst_pad_is_linked (sink_pad))
    gst_pad_link (pad, sink_pad);
}

static void
flv_pad_added_cb (GstElement *demux,
                  GstPad     *pad,
                  gpointer    user_data)
{
  GstElement *queue = user_data;
  g_autoptr(GstPad) sink_pad = NULL;

  /* Streaming thread. The audio pad stays unlinked: flvdemux combines flow
   * returns, so an unlinked audio pad does not stop the video. */
  if (g_strcmp0 (GST_PAD_NAME (pad), "video") != 0)
    return;

  sink_pad = gst_element_get_static_pad (queue, "sink");
  if (!gst_pad_is_linked (sink_pad))
    gst_pad_link (pad, sink_pad);
}

/* The HLS chain's two demuxers add their pads at run time: hlsdemux one
 * MPEG-TS pad for the variant it plays, tsdemux one pad per elementary
 * stream, of which only the video is wanted. */
static void
hls_pad_added_cb (GstElement *demux,
                  GstPad     *pad,
                  gpointer    user_data)
{
  GstElement *next = user_data;
  g_autoptr(GstPad) sink_pad = NULL;

  /* Streaming thread. */
  if (GST_IS_ELEMENT (next) && g_str_has_prefix (GST_ELEMENT_NAME (next), "video-queue") &&
      !g_str_has_prefix (GST_PAD_NAME (pad), "video"))
    return;

  sink_pad = gst_element_get_static_pad (next, "sink");
  if (!gst_pad_is_linked (sink_pad))
    gst_pad_link (pad, sink_pad);
}

static GstElement *
make_sink (ConciergePlayer  *self,
           GdkPaintable    **paintable)
{
  g_autoptr(GstElementFactory) factory = NULL;

  /* gtk4paintablesink gives GL and dmabuf where it exists (not in Debian 12);
   * its paintable may only be read on the main thread, which this is. */
  factory = gst_element_factory_find ("gtk4paintablesink");
  if (factory != NULL) {
    GstElement *sink = gst_element_factory_create (factory, NULL);

    if (sink != NULL) {
      GstElement *bin = gst_bin_new (NULL);
      GstElement *convert = gst_element_factory_make ("videoconvert", NULL);
      g_autoptr(GstPad) pad = NULL;

      g_object_get (sink, "paintable", paintable, NULL);
      gst_bin_add_many (GST_BIN (bin), convert, sink, NULL);
      gst_element_link (convert, sink);
      pad = gst_element_get_static_pad (convert, "sink");
      gst_element_add_pad (bin, gst_ghost_pad_new ("sink", pad));
      return bin;
    }
  }

  *paintable = g_object_ref (GDK_PAINTABLE (self->video));
  return concierge_video_paintable_create_sink (self->video);
}

static gboolean
is_hls_uri (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

  return parsed != NULL && g_str_has_suffix (g_uri_get_path (parsed), ".m3u8");
}

static GstElement *
build_pipeline (ConciergePlayer  *self,
                GError          **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *scheme = NULL;
  GstElement *sink;

  scheme = g_uri_parse_scheme (self->uri);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "rtmp") != 0 &&
       g_ascii_strcasecmp (scheme, "http") != 0 &&
       g_ascii_strcasecmp (scheme, "https") != 0 &&
       g_ascii_strcasecmp (scheme, "file") != 0)) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("This kind of video link is not supported."));
    return NULL;
  }

  pipeline = gst_object_ref_sink (gst_pipeline_new ("concierge-player"));
  sink = make_sink (self, &paintable);
  if (sink == NULL)
    goto missing;
  gst_bin_add (GST_BIN (pipeline), sink);

  if (g_ascii_strcasecmp (scheme, "rtmp") == 0) {
    GstElement *source = gst_element_factory_make ("rtmp2src", NULL);
    GstElement *demux = gst_element_factory_make ("flvdemux", NULL);
    GstElement *queue = gst_element_factory_make ("queue", NULL);
    GstElement *parse = gst_element_factory_make ("h264parse", NULL);
    GstElement *decode = gst_element_factory_make ("avdec_h264", NULL);

    /* The explicit chain reaches the first keyframe without typefinding
     * and without waiting for decodebin's multiqueue to fill. */
    if (source == NULL || demux == NULL || queue == NULL || parse == NULL || decode == NULL) {
      g_clear_pointer (&source, gst_object_unref);
      g_clear_pointer (&demux, gst_object_unref);
      g_clear_pointer (&queue, gst_object_unref);
      g_clear_pointer (&parse, gst_object_unref);
      g_clear_pointer (&decode, gst_object_unref);
      goto missing;
    }
    g_object_set (source, "location", self->uri, NULL);
    gst_bin_add_many (GST_BIN (pipeline), source, demux, queue, parse, decode, NULL);
    if (!gst_element_link (source, demux) ||
        !gst_element_link_many (queue, parse, decode, sink, NULL))
      goto missing;
    g_signal_connect (demux, "pad-added", G_CALLBACK (flv_pad_added_cb), queue);
    self->is_live = TRUE;
  } else if (is_hls_uri (self->uri)) {
    GstElement *source = gst_element_factory_make ("souphttpsrc", NULL);
    GstElement *hls = gst_element_factory_make ("hlsdemux", NULL);
    GstElement *ts = gst_element_factory_make ("tsdemux", NULL);
    GstElement *queue = gst_element_factory_make ("queue", "video-queue");
    GstElement *parse = gst_element_factory_make ("h264parse", NULL);
    GstElement *decode = gst_element_factory_make ("avdec_h264", NULL);

    /* An explicit chain with the classic hlsdemux rather than uridecodebin3:
     * in GStreamer 1.22.0, uridecodebin3 plays HLS through hlsdemux2, which
     * aborts the whole process (a mutex cleared while locked) when a stream
     * that stalled is stopped, as a live camera on a poor network does.
     * The platform's live HLS is H.264 in MPEG-TS, so nothing is lost. */
    if (source == NULL || hls == NULL || ts == NULL || queue == NULL || parse == NULL ||
        decode == NULL) {
      g_clear_pointer (&source, gst_object_unref);
      g_clear_pointer (&hls, gst_object_unref);
      g_clear_pointer (&ts, gst_object_unref);
      g_clear_pointer (&queue, gst_object_unref);
      g_clear_pointer (&parse, gst_object_unref);
      g_clear_pointer (&decode, gst_object_unref);
      goto missing;
    }
    g_object_set (source, "location", self->uri, NULL);
    gst_bin_add_many (GST_BIN (pipeline), source, hls, ts, queue, parse, decode, NULL);
    if (!gst_element_link (source, hls) ||
        !gst_element_link_many (queue, parse, decode, sink, NULL))
      goto missing;
    g_signal_connect (hls, "pad-added", G_CALLBACK (hls_pad_added_cb), ts);
    g_signal_connect (ts, "pad-added", G_CALLBACK (hls_pad_added_cb), queue);
    self->is_live = TRUE;
  } else {
    GstElement *decodebin = gst_element_factory_make ("uridecodebin3", NULL);

    if (decodebin == NULL)
      goto missing;
    g_object_set (decodebin, "uri", self->uri, NULL);
    g_signal_connect (decodebin, "select-stream", G_CALLBACK (select_stream_cb), NULL);
    g_signal_connect (decodebin, "pad-added", G_CALLBACK (pad_added_cb), sink);
    gst_bin_add (GST_BIN (pipeline), decodebin);
    /* Recorded clips (MP4) only: they may be paused to buffer. */
    self->is_live = FALSE;
  }

  set_paintable (self, paintable);
  return g_steal_pointer (&pipeline);

missing:
  g_set_error_literal (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
                       _("A video component is missing on this computer."));
  return NULL;
}

static void
concierge_player_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ConciergePlayer *self = CONCIERGE_PLAYER (object);

  switch (prop_id) {
  case PROP_URI:
    g_value_set_string (value, self->uri);
    break;

  case PROP_STATE:
    g_value_set_enum (value, self->state);
    break;

  case PROP_ERROR_MESSAGE:
    g_value_set_string (value, self->error_message);
    break;

  case PROP_PAINTABLE:
    g_value_set_object (value, self->paintable);
    break;

  case PROP_MUTED:
    g_value_set_boolean (value, self->muted);
    break;

  case PROP_FIRST_FRAME_TIME:
    g_value_set_int64 (value, self->first_frame_time);
    break;

  case PROP_CONNECT_TIMEOUT:
    g_value_set_uint (value, self->connect_timeout);
    break;

  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
concierge_player_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ConciergePlayer *self = CONCIERGE_PLAYER (object);

  switch (prop_id) {
  case PROP_URI:
    concierge_player_set_uri (self, g_value_get_string (value));
    break;

  case PROP_MUTED:
    concierge_player_set_muted (self, g_value_get_boolean (value));
    break;

  case PROP_CONNECT_TIMEOUT:
    concierge_player_set_connect_timeout (self, g_value_get_uint (value));
    break;

  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
concierge_player_dispose (GObject *object)
{
  ConciergePlayer *self = CONCIERGE_PLAYER (object);

  teardown_pipeline (self);
  g_clear_signal_handler (&self->invalidate_id, self->paintable);
  g_clear_object (&self->paintable);
  g_clear_object (&self->video);

  G_OBJECT_CLASS (concierge_player_parent_class)->dispose (object);
}

static void
concierge_player_finalize (GObject *object)
{
  ConciergePlayer *self = CONCIERGE_PLAYER (object);

  g_free (self->uri);
  g_free (self->error_message);

  G_OBJECT_CLASS (concierge_player_parent_class)->finalize (object);
}

static void
concierge_player_class_init (ConciergePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = concierge_player_get_property;
  object_class->set_property = concierge_player_set_property;
  object_class->dispose = concierge_player_dispose;
  object_class->finalize = concierge_player_finalize;

  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CONCIERGE_TYPE_PLAYER_STATE,
                       CONCIERGE_PLAYER_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL,
                         GDK_TYPE_PAINTABLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FIRST_FRAME_TIME] =
    g_param_spec_int64 ("first-frame-time", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONNECT_TIMEOUT] =
    g_param_spec_uint ("connect-timeout", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_CONNECT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EOS] =
    g_signal_new ("eos",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
concierge_player_init (ConciergePlayer *self)
{
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  self->muted = TRUE;
  self->first_frame_time = -1;
  self->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
  self->video = concierge_video_paintable_new ();
  self->paintable = g_object_ref (GDK_PAINTABLE (self->video));
}

ConciergePlayer *
concierge_player_new (void)
{
  return g_object_new (CONCIERGE_TYPE_PLAYER, NULL);
}

const char *
concierge_player_get_uri (ConciergePlayer *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER (self), NULL);

  return self->uri;
}

/* Setting a new URI while playing swaps the stream: live links expire and
 * the caller renews them, so the old pipeline goes and a new one starts. */
void
concierge_player_set_uri (ConciergePlayer *self,
                          const char      *uri)
{
  gboolean was_active;

  g_return_if_fail (CONCIERGE_IS_PLAYER (self));

  if (g_strcmp0 (self->uri, uri) == 0)
    return;

  was_active = (self->pipeline != NULL);

  g_free (self->uri);
  self->uri = g_strdup (uri);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);

  if (was_active) {
    g_debug ("Renewing the stream with a new link");
    concierge_player_play (self);
  }
}

ConciergePlayerState
concierge_player_get_state (ConciergePlayer *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER (self), CONCIERGE_PLAYER_STATE_IDLE);

  return self->state;
}

const char *
concierge_player_get_error_message (ConciergePlayer *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER (self), NULL);

  return self->error_message;
}

GdkPaintable *
concierge_player_get_paintable (ConciergePlayer *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER (self), NULL);

  return self->paintable;
}

gboolean
concierge_player_get_muted (ConciergePlayer *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER (self), TRUE);

  return self->muted;
}

/* Audio is not decoded at all (see select_stream_cb); the property keeps the
 * contract that the desk's player never makes sound unless asked to. */
void
concierge_player_set_muted (ConciergePlayer *self,
                            gboolean         muted)
{
  g_return_if_fail (CONCIERGE_IS_PLAYER (self));

  muted = !!muted;
  if (self->muted == muted)
    return;

  self->muted = muted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
}

gint64
concierge_player_get_first_frame_time (ConciergePlayer *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER (self), -1);

  return self->first_frame_time;
}

guint
concierge_player_get_frames_shown (ConciergePlayer *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER (self), 0);

  return concierge_video_paintable_get_frames_shown (self->video);
}

guint
concierge_player_get_connect_timeout (ConciergePlayer *self)
{
  g_return_val_if_fail (CONCIERGE_IS_PLAYER (self), 0);

  return self->connect_timeout;
}

/* Seconds to wait for the first frame before giving up with an error; the
 * platform's links can point at an offline device that never answers. */
void
concierge_player_set_connect_timeout (ConciergePlayer *self,
                                      guint            seconds)
{
  g_return_if_fail (CONCIERGE_IS_PLAYER (self));

  if (self->connect_timeout == seconds)
    return;

  self->connect_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
}

void
concierge_player_play (ConciergePlayer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstStateChangeReturn ret;

  g_return_if_fail (CONCIERGE_IS_PLAYER (self));

  teardown_pipeline (self);
  set_error_message (self, NULL);

  if (self->uri == NULL) {
    set_state (self, CONCIERGE_PLAYER_STATE_IDLE);
    return;
  }

  self->got_frame = FALSE;
  self->buffering = FALSE;
  self->play_started = g_get_monotonic_time ();
  if (self->first_frame_time != -1) {
    self->first_frame_time = -1;
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FRAME_TIME]);
  }

  self->pipeline = build_pipeline (self, &error);
  if (self->pipeline == NULL) {
    g_debug ("Cannot play %s: %s", self->uri, error->message);
    fail (self, error->message);
    return;
  }

  if (self->invalidate_id == 0)
    self->invalidate_id = g_signal_connect_object (self->paintable, "invalidate-contents",
                                                   G_CALLBACK (paintable_invalidated_cb), self,
                                                   G_CONNECT_SWAPPED);

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch_id = gst_bus_add_watch (bus, bus_cb, self);

  set_state (self, CONCIERGE_PLAYER_STATE_CONNECTING);
  self->watchdog_id = g_timeout_add_seconds (1, watchdog_cb, self);

  ret = gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  if (ret == GST_STATE_CHANGE_FAILURE) {
    /* The element posts the reason on the bus; this is the fallback. */
    g_debug ("Cannot start the pipeline for %s", self->uri);
    fail (self, _("The video could not be played."));
  }
}

void
concierge_player_stop (ConciergePlayer *self)
{
  g_return_if_fail (CONCIERGE_IS_PLAYER (self));

  teardown_pipeline (self);
  set_error_message (self, NULL);
  set_state (self, CONCIERGE_PLAYER_STATE_IDLE);
}

void
concierge_player_retry (ConciergePlayer *self)
{
  g_return_if_fail (CONCIERGE_IS_PLAYER (self));

  concierge_player_play (self);
}

/* Pipelines still going to NULL in worker threads, for tests and the bench
 * to wait on before they exit. */
guint
concierge_player_get_n_pending_stops (void)
{
  return (guint) g_atomic_int_get (&n_pending_stops);
}
