/* concierge-video-paintable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-video-paintable"

#include "config.h"

#include "concierge-video-paintable.h"

#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

/* A GdkPaintable fed by an appsink, following VIDEO-SINK.md §3.2.
 *
 * Threading: the appsink's new-sample callback runs on a streaming thread.
 * It only builds a GdkMemoryTexture and stores it as the pending frame under
 * a lock; at most one idle source is queued on the main context to publish
 * it (latest wins). The streaming thread never touches widgets and never
 * waits for the main loop, so the pipeline can be stopped at any time.
 */

struct _ConciergeVideoPaintable
{
  GObject       parent_instance;

  GMainContext *main_context;   /* (owned) where frames are published */

  GMutex        lock;
  GdkTexture   *pending;        /* (owned) (nullable) (lock) */
  int           pending_par_n;  /* (lock) */
  int           pending_par_d;  /* (lock) */
  GSource      *publish_source; /* (owned) (nullable) (lock) */
  guint         generation;     /* (lock) bumped per sink, drops stale frames */

  /* Main thread only. */
  GdkTexture   *texture;        /* (owned) (nullable) */
  int           width;
  int           height;
  int           par_n;
  int           par_d;

  guint         frames_received; /* atomic */
  guint         frames_shown;
};

typedef struct
{
  ConciergeVideoPaintable *self; /* (owned) */
  guint                    generation;
} SinkData;

typedef struct
{
  GstSample     *sample; /* (owned) */
  GstVideoFrame  frame;
} MappedFrame;

static void concierge_video_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConciergeVideoPaintable, concierge_video_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      concierge_video_paintable_iface_init))

static void
sink_data_free (gpointer data)
{
  SinkData *sink_data = data;

  g_object_unref (sink_data->self);
  g_free (sink_data);
}

static void
mapped_frame_free (gpointer data)
{
  MappedFrame *mapped = data;

  gst_video_frame_unmap (&mapped->frame);
  gst_sample_unref (mapped->sample);
  g_free (mapped);
}

static gboolean
publish_cb (gpointer user_data)
{
  ConciergeVideoPaintable *self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  gboolean size_changed;
  int par_n, par_d;

  g_assert (CONCIERGE_IS_VIDEO_PAINTABLE (self));

  g_mutex_lock (&self->lock);
  texture = g_steal_pointer (&self->pending);
  par_n = self->pending_par_n;
  par_d = self->pending_par_d;
  g_clear_pointer (&self->publish_source, g_source_unref);
  g_mutex_unlock (&self->lock);

  if (texture == NULL)
    return G_SOURCE_REMOVE;

  size_changed = (gdk_texture_get_width (texture) != self->width ||
                  gdk_texture_get_height (texture) != self->height ||
                  par_n != self->par_n ||
                  par_d != self->par_d);

  g_set_object (&self->texture, texture);
  self->width = gdk_texture_get_width (texture);
  self->height = gdk_texture_get_height (texture);
  self->par_n = par_n;
  self->par_d = par_d;
  self->frames_shown++;

  if (size_changed)
    gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));

  return G_SOURCE_REMOVE;
}

static GstFlowReturn
new_sample_cb (GstAppSink *appsink,
               gpointer    user_data)
{
  SinkData *sink_data = user_data;
  ConciergeVideoPaintable *self = sink_data->self;
  g_autoptr(GstSample) sample = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GstVideoInfo info;
  MappedFrame *mapped;
  GstBuffer *buffer;
  GstCaps *caps;
  gsize stride;

  /* Streaming thread: no GTK widgets, no waiting on the main loop. */
  sample = gst_app_sink_pull_sample (appsink);
  if (sample == NULL)
    return GST_FLOW_FLUSHING;

  caps = gst_sample_get_caps (sample);
  buffer = gst_sample_get_buffer (sample);
  if (caps == NULL || buffer == NULL || !gst_video_info_from_caps (&info, caps)) {
    GST_ELEMENT_ERROR (appsink, STREAM, FORMAT, (NULL), ("Sample without usable video caps"));
    return GST_FLOW_ERROR;
  }

  mapped = g_new0 (MappedFrame, 1);
  if (!gst_video_frame_map (&mapped->frame, &info, buffer, GST_MAP_READ)) {
    g_free (mapped);
    GST_ELEMENT_ERROR (appsink, STREAM, DECODE, (NULL), ("Could not map a video frame"));
    return GST_FLOW_ERROR;
  }
  mapped->sample = gst_sample_ref (sample);

  /* The texture references the mapped memory directly: the GBytes unmaps the
   * frame and drops the sample when GTK is done with the texture. The stride
   * comes from the frame, which may pad rows. */
  stride = GST_VIDEO_FRAME_PLANE_STRIDE (&mapped->frame, 0);
  bytes = g_bytes_new_with_free_func (GST_VIDEO_FRAME_PLANE_DATA (&mapped->frame, 0),
                                      stride * GST_VIDEO_FRAME_HEIGHT (&mapped->frame),
                                      mapped_frame_free,
                                      mapped);
  texture = gdk_memory_texture_new (GST_VIDEO_FRAME_WIDTH (&mapped->frame),
                                    GST_VIDEO_FRAME_HEIGHT (&mapped->frame),
                                    GDK_MEMORY_B8G8R8A8_PREMULTIPLIED,
                                    bytes,
                                    stride);

  g_atomic_int_inc (&self->frames_received);

  g_mutex_lock (&self->lock);
  if (sink_data->generation == self->generation) {
    g_set_object (&self->pending, texture);
    self->pending_par_n = MAX (GST_VIDEO_INFO_PAR_N (&info), 1);
    self->pending_par_d = MAX (GST_VIDEO_INFO_PAR_D (&info), 1);

    /* One idle at a time: frames that arrive before it runs replace the
     * pending one, so a busy UI shows the latest frame and skips the rest. */
    if (self->publish_source == NULL) {
      self->publish_source = g_idle_source_new ();
      g_source_set_priority (self->publish_source, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->publish_source, publish_cb,
                             g_object_ref (self), g_object_unref);
      g_source_set_static_name (self->publish_source, "[concierge] publish video frame");
      g_source_attach (self->publish_source, self->main_context);
    }
  }
  g_mutex_unlock (&self->lock);

  return GST_FLOW_OK;
}

static void
concierge_video_paintable_snapshot (GdkPaintable *paintable,
                                    GdkSnapshot  *snapshot,
                                    double        width,
                                    double        height)
{
  ConciergeVideoPaintable *self = CONCIERGE_VIDEO_PAINTABLE (paintable);

  if (self->texture != NULL)
    gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static GdkPaintable *
concierge_video_paintable_get_current_image (GdkPaintable *paintable)
{
  ConciergeVideoPaintable *self = CONCIERGE_VIDEO_PAINTABLE (paintable);

  if (self->texture != NULL)
    return GDK_PAINTABLE (g_object_ref (self->texture));

  return gdk_paintable_new_empty (self->width, self->height);
}

static int
concierge_video_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  ConciergeVideoPaintable *self = CONCIERGE_VIDEO_PAINTABLE (paintable);

  if (self->par_d == 0)
    return self->width;

  /* Non-square pixels: the displayed width follows the pixel aspect ratio. */
  return (int) (((gint64) self->width * self->par_n) / self->par_d);
}

static int
concierge_video_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  ConciergeVideoPaintable *self = CONCIERGE_VIDEO_PAINTABLE (paintable);

  return self->height;
}

static double
concierge_video_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  ConciergeVideoPaintable *self = CONCIERGE_VIDEO_PAINTABLE (paintable);

  if (self->height == 0 || self->par_d == 0)
    return 0.0;

  return ((double) self->width * self->par_n) / ((double) self->height * self->par_d);
}

static void
concierge_video_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = concierge_video_paintable_snapshot;
  iface->get_current_image = concierge_video_paintable_get_current_image;
  iface->get_intrinsic_width = concierge_video_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = concierge_video_paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = concierge_video_paintable_get_intrinsic_aspect_ratio;
}

static void
concierge_video_paintable_dispose (GObject *object)
{
  ConciergeVideoPaintable *self = CONCIERGE_VIDEO_PAINTABLE (object);

  g_mutex_lock (&self->lock);
  g_clear_object (&self->pending);
  if (self->publish_source != NULL) {
    g_source_destroy (self->publish_source);
    g_clear_pointer (&self->publish_source, g_source_unref);
  }
  g_mutex_unlock (&self->lock);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (concierge_video_paintable_parent_class)->dispose (object);
}

static void
concierge_video_paintable_finalize (GObject *object)
{
  ConciergeVideoPaintable *self = CONCIERGE_VIDEO_PAINTABLE (object);

  g_main_context_unref (self->main_context);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (concierge_video_paintable_parent_class)->finalize (object);
}

static void
concierge_video_paintable_class_init (ConciergeVideoPaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = concierge_video_paintable_dispose;
  object_class->finalize = concierge_video_paintable_finalize;
}

static void
concierge_video_paintable_init (ConciergeVideoPaintable *self)
{
  g_mutex_init (&self->lock);
  self->main_context = g_main_context_ref_thread_default ();
  self->par_n = 1;
  self->par_d = 1;
}

ConciergeVideoPaintable *
concierge_video_paintable_new (void)
{
  return g_object_new (CONCIERGE_TYPE_VIDEO_PAINTABLE, NULL);
}

/* Returns a new floating bin (videoconvert ! BGRA ! appsink) that feeds this
 * paintable. Creating a new sink makes frames of earlier sinks stale, so a
 * pipeline that is still going down in a thread cannot show old frames. */
GstElement *
concierge_video_paintable_create_sink (ConciergeVideoPaintable *self)
{
  GstAppSinkCallbacks callbacks = { NULL, };
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstPad) pad = NULL;
  GstElement *bin;
  GstElement *convert;
  GstElement *appsink;
  SinkData *sink_data;

  g_return_val_if_fail (CONCIERGE_IS_VIDEO_PAINTABLE (self), NULL);

  bin = gst_bin_new ("concierge-video-sink");
  convert = gst_element_factory_make ("videoconvert", NULL);
  appsink = gst_element_factory_make ("appsink", "appsink");
  if (convert == NULL || appsink == NULL) {
    g_clear_pointer (&convert, gst_object_unref);
    g_clear_pointer (&appsink, gst_object_unref);
    gst_object_unref (bin);
    return NULL;
  }

  caps = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING, "BGRA", NULL);
  /* appsink's default queue is unbounded: keep two frames and drop older ones. */
  g_object_set (appsink,
                "caps", caps,
                "sync", TRUE,
                "max-buffers", 2,
                "drop", TRUE,
                "enable-last-sample", FALSE,
                "qos", TRUE,
                NULL);

  gst_bin_add_many (GST_BIN (bin), convert, appsink, NULL);
  gst_element_link (convert, appsink);

  pad = gst_element_get_static_pad (convert, "sink");
  gst_element_add_pad (bin, gst_ghost_pad_new ("sink", pad));

  sink_data = g_new0 (SinkData, 1);
  sink_data->self = g_object_ref (self);
  g_mutex_lock (&self->lock);
  sink_data->generation = ++self->generation;
  g_clear_object (&self->pending);
  g_mutex_unlock (&self->lock);

  callbacks.new_sample = new_sample_cb;
  gst_app_sink_set_callbacks (GST_APP_SINK (appsink), &callbacks, sink_data, sink_data_free);

  return bin;
}

GdkTexture *
concierge_video_paintable_get_texture (ConciergeVideoPaintable *self)
{
  g_return_val_if_fail (CONCIERGE_IS_VIDEO_PAINTABLE (self), NULL);

  return self->texture;
}

guint
concierge_video_paintable_get_frames_received (ConciergeVideoPaintable *self)
{
  g_return_val_if_fail (CONCIERGE_IS_VIDEO_PAINTABLE (self), 0);

  return (guint) g_atomic_int_get (&self->frames_received);
}

guint
concierge_video_paintable_get_frames_shown (ConciergeVideoPaintable *self)
{
  g_return_val_if_fail (CONCIERGE_IS_VIDEO_PAINTABLE (self), 0);

  return self->frames_shown;
}

/* Drops the current picture, e.g. when the view switches to another camera. */
void
concierge_video_paintable_clear (ConciergeVideoPaintable *self)
{
  g_return_if_fail (CONCIERGE_IS_VIDEO_PAINTABLE (self));

  g_mutex_lock (&self->lock);
  g_clear_object (&self->pending);
  g_mutex_unlock (&self->lock);

  if (self->texture == NULL)
    return;

  g_clear_object (&self->texture);
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}
