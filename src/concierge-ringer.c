/* concierge-ringer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-ringer"

#include "config.h"

#include <float.h>

#include <glib/gi18n-lib.h>

#include "concierge-ringer.h"

/* The ringer loops the door chime while at least one door call rings.
 *
 * Threading rule: every GStreamer state change (building the pipeline,
 * NULL -> PLAYING, anything -> NULL) runs in a GTask worker thread, one at a
 * time. The main thread only records what it wants (`ringing`) and, when no
 * worker runs, starts one to bring the pipeline to that state; when the
 * worker finishes, the main thread compares again (sync_state()). So twenty
 * quick ring/stop calls never queue twenty state changes, and the main loop
 * never waits for a sound server.
 *
 * A worker holds only a weak reference to the ringer: if the ringer goes away
 * while a state change runs, the worker's callback takes the pipeline down
 * itself. */

/* The pipeline must preroll within this time, or the ringer gives up. */
#define PREROLL_TIMEOUT (10 * GST_SECOND)

/* While a call rings in silence because the sound failed, try again this
 * often: a sound server that restarts must not cost the rest of the call. */
#define RETRY_SECONDS 3

GST_DEBUG_CATEGORY_STATIC (ringer_debug);
#define GST_CAT_DEFAULT ringer_debug

enum {
  PROP_0,
  PROP_RINGING,
  PROP_VOLUME,
  PROP_MUTED,
  PROP_ERROR,
  PROP_AUDIO_SINK,
  N_PROPS
};

struct _ConciergeRinger
{
  GObject     parent_instance;

  GstElement *pipeline;     /* (owned) (nullable): built by the first worker */
  GstElement *volume_elem;  /* (unowned) (nullable): inside pipeline */
  GstPad     *loop_pad;     /* (owned) (nullable): volume_elem's src pad */
  GCancellable *starting;   /* (owned) (nullable): the last start worker */
  GstElement *audio_sink;   /* (owned) (nullable): construct-only override */
  guint       bus_watch;
  guint       retry_id;
  char       *error;        /* (owned) (nullable) */

  double      volume;
  gboolean    muted;

  /* What the call queue asked for. */
  gboolean    ringing;
  /* The state the last worker brought the pipeline to (TRUE = PLAYING). */
  gboolean    playing;
  /* A worker runs: sync_state() waits for it to finish. */
  gboolean    busy;
  /* The pipeline failed since the last ring(): keep it down until the next. */
  gboolean    failed;
  /* Counts ring()s, so that a worker still busy with the start of an
   * earlier ring cannot fail the current one. */
  guint       attempt;
  guint       worker_attempt;
};

G_DEFINE_FINAL_TYPE (ConciergeRinger, concierge_ringer, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* What one worker does; owned by its GTask. */
typedef struct {
  GstElement *pipeline;    /* (owned) (nullable): NULL until built */
  GstElement *audio_sink;  /* (owned) (nullable) */
  GCancellable *cancellable; /* (owned) (nullable): stop() before PLAYING */
  gboolean    play;
  guint       attempt;
  double      gain;
  gboolean    mute;
} StateChange;

static void
state_change_free (StateChange *change)
{
  /* The callback took the pipeline; only a task that never reached it (a
   * cancelled main loop at exit) still holds one. */
  g_clear_pointer (&change->pipeline, gst_object_unref);
  g_clear_object (&change->audio_sink);
  g_clear_object (&change->cancellable);
  g_free (change);
}

static void
teardown_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GstElement *pipeline = task_data;

  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_task_return_boolean (task, TRUE);
}

/* Brings a pipeline nobody uses any more to NULL and drops it, off the main
 * thread. Takes the reference. */
static void
teardown (GstElement *pipeline)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, teardown);
  g_task_set_task_data (task, pipeline, gst_object_unref);
  g_task_run_in_thread (task, teardown_thread);
}

/* The volume setting is a slider position, the volume element a linear
 * gain. The cube makes equal slider steps sound like equal steps, as the
 * volume sliders of PulseAudio and GNOME do. */
static double
gain_for_volume (double volume)
{
  return volume * volume * volume;
}

static gboolean
should_mute (ConciergeRinger *self)
{
  /* Muting at once on stop() silences the chime before the worker has
   * brought the pipeline down. */
  return self->muted || !self->ringing;
}

static void
apply_volume (ConciergeRinger *self)
{
  if (self->volume_elem == NULL)
    return;

  /* The volume element takes its object lock for these: safe from here. */
  g_object_set (self->volume_elem,
                "volume", gain_for_volume (self->volume),
                "mute", should_mute (self),
                NULL);
}

static void
set_error (ConciergeRinger *self,
           const char      *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
decodebin_pad_added_cb (GstElement *decodebin,
                        GstPad     *pad,
                        gpointer    user_data)
{
  GstElement *convert = user_data;
  g_autoptr(GstPad) sinkpad = gst_element_get_static_pad (convert, "sink");
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  GstStructure *s;

  /* Runs on a streaming thread; it only links pads. */
  if (caps == NULL || gst_pad_is_linked (sinkpad))
    return;
  s = gst_caps_get_structure (caps, 0);
  if (!g_str_has_prefix (gst_structure_get_name (s), "audio/"))
    return;

  if (GST_PAD_LINK_FAILED (gst_pad_link (pad, sinkpad)))
    GST_DEBUG_OBJECT (decodebin, "could not link the decoded audio");
}

static GstElement *
make_element (const char  *factory,
              const char  *name,
              GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, name);

  if (element == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The GStreamer element “%s” is missing"), factory);
  return element;
}

static GstElement *
make_sink (StateChange  *change,
           GError      **error)
{
  const char *description;

  /* Not a new reference: gst_bin_add() takes one of its own. */
  if (change->audio_sink != NULL)
    return change->audio_sink;

  /* Tests and headless runs pick the sink, e.g. "fakesink sync=true". */
  description = g_getenv ("CONCIERGE_AUDIO_SINK");
  if (description != NULL && *description != '\0') {
    g_autoptr(GError) local_error = NULL;
    GstElement *sink = gst_parse_bin_from_description (description, TRUE, &local_error);

    /* The parser may return a bin and a recoverable error together. */
    if (sink == NULL)
      g_propagate_error (error, g_steal_pointer (&local_error));
    else if (local_error != NULL)
      g_debug ("CONCIERGE_AUDIO_SINK: %s", local_error->message);
    return sink;
  }

  return make_element ("autoaudiosink", "sink", error);
}

/* giostreamsrc ! decodebin ! audioconvert ! audioresample ! volume ! sink.
 * The chime is read from the app's GResource through a seekable memory
 * stream, so no file is written and the uninstalled app finds it too. */
static GstElement *
build_pipeline (StateChange  *change,
                GError      **error)
{
  g_autoptr(GstElement) pipeline = gst_pipeline_new ("concierge-ringer");
  GstElement *source, *decode, *convert, *resample, *volume, *sink;

  if (!(source = make_element ("giostreamsrc", "source", error)))
    return NULL;
  gst_bin_add (GST_BIN (pipeline), source);
  if (!(decode = make_element ("decodebin", "decode", error)))
    return NULL;
  gst_bin_add (GST_BIN (pipeline), decode);
  if (!(convert = make_element ("audioconvert", "convert", error)))
    return NULL;
  gst_bin_add (GST_BIN (pipeline), convert);
  if (!(resample = make_element ("audioresample", "resample", error)))
    return NULL;
  gst_bin_add (GST_BIN (pipeline), resample);
  if (!(volume = make_element ("volume", "volume", error)))
    return NULL;
  gst_bin_add (GST_BIN (pipeline), volume);
  if (!(sink = make_sink (change, error)))
    return NULL;
  gst_bin_add (GST_BIN (pipeline), sink);

  if (!gst_element_link (source, decode) ||
      !gst_element_link_many (convert, resample, volume, sink, NULL)) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The ring tone pipeline could not be linked"));
    return NULL;
  }
  g_signal_connect (decode, "pad-added", G_CALLBACK (decodebin_pad_added_cb), convert);

  return g_steal_pointer (&pipeline);
}

/* autoaudiosink falls back to a fakesink when no sound server answers (a CI
 * machine, a session without PulseAudio): that "plays" in silence, which must
 * not pass for ringing. */
static gboolean
plays_into_fakesink (GstElement *sink)
{
  GstElementFactory *sink_factory = gst_element_get_factory (sink);
  g_autoptr(GstIterator) it = NULL;
  GValue item = G_VALUE_INIT;
  gboolean fake = FALSE;

  if (sink_factory == NULL ||
      g_strcmp0 (GST_OBJECT_NAME (sink_factory), "autoaudiosink") != 0)
    return FALSE;

  it = gst_bin_iterate_sinks (GST_BIN (sink));
  while (gst_iterator_next (it, &item) == GST_ITERATOR_OK) {
    GstElementFactory *factory = gst_element_get_factory (g_value_get_object (&item));

    if (factory != NULL &&
        g_strcmp0 (GST_OBJECT_NAME (factory), "fakesink") == 0)
      fake = TRUE;
    g_value_reset (&item);
  }
  g_value_unset (&item);

  return fake;
}

/* The bus usually holds the element's own explanation of a failed state
 * change; it says more than "could not be played". */
static void
take_bus_error (GstElement  *pipeline,
                GError     **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

  if (message != NULL) {
    g_autofree char *debug = NULL;

    gst_message_parse_error (message, error, &debug);
    g_debug ("Ring tone error from %s: %s", GST_MESSAGE_SRC_NAME (message),
             debug ? debug : "no details");
    return;
  }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The ring tone could not be played"));
}

static gboolean
start_playing (StateChange  *change,
               GError      **error)
{
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstElement) volume = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GInputStream) stream = NULL;
  GstStateChangeReturn ret;

  if (change->pipeline == NULL) {
    change->pipeline = build_pipeline (change, error);
    /* The pipeline holds the sink now; the task must not outlive it with a
     * reference of its own (it is freed on whichever thread lets go last). */
    g_clear_object (&change->audio_sink);
    if (change->pipeline == NULL)
      return FALSE;
  }

  /* A fresh stream each time, so every ring starts the chime from its
   * start. Opening a resource stream does no I/O. */
  stream = g_resources_open_stream (CONCIERGE_RINGER_SOUND_PATH,
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (stream == NULL)
    return FALSE;
  source = gst_bin_get_by_name (GST_BIN (change->pipeline), "source");
  g_object_set (source, "stream", stream, NULL);

  /* The volume is right before the first sample reaches the device. */
  volume = gst_bin_get_by_name (GST_BIN (change->pipeline), "volume");
  g_object_set (volume, "volume", change->gain, "mute", change->mute, NULL);

  ret = gst_element_set_state (change->pipeline, GST_STATE_PAUSED);
  if (ret != GST_STATE_CHANGE_FAILURE)
    ret = gst_element_get_state (change->pipeline, NULL, NULL, PREROLL_TIMEOUT);
  if (ret == GST_STATE_CHANGE_FAILURE) {
    take_bus_error (change->pipeline, error);
    return FALSE;
  }
  if (ret == GST_STATE_CHANGE_ASYNC) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                         _("The sound output did not start in time"));
    return FALSE;
  }

  /* A stop() during the preroll: do not make a sound at all. */
  if (g_cancellable_set_error_if_cancelled (change->cancellable, error))
    return FALSE;

  sink = gst_bin_get_by_name (GST_BIN (change->pipeline), "sink");
  if (sink != NULL && plays_into_fakesink (sink)) {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("No sound output device was found"));
    return FALSE;
  }

  /* A segment seek makes the demuxer post SEGMENT_DONE instead of EOS at the
   * end of the chime, and keeps the sink running: bus_cb() then queues the
   * next pass without a gap. Without it, EOS still restarts the chime. */
  if (!gst_element_seek (change->pipeline, 1.0, GST_FORMAT_TIME,
                         GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_SEGMENT,
                         GST_SEEK_TYPE_SET, 0,
                         GST_SEEK_TYPE_NONE, GST_CLOCK_TIME_NONE))
    GST_DEBUG ("the ring tone is not seekable; looping on EOS");

  if (gst_element_set_state (change->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    take_bus_error (change->pipeline, error);
    return FALSE;
  }

  return TRUE;
}

static void
state_change_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  StateChange *change = task_data;
  g_autoptr(GError) error = NULL;

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  if (change->play && start_playing (change, &error)) {
    g_task_return_boolean (task, TRUE);
    return;
  }

  if (change->pipeline != NULL) {
    g_autoptr(GstBus) bus = gst_element_get_bus (change->pipeline);

    /* Drop what the pipeline said on its way down: a stale error must not
     * fail the next ring(). A pipeline that failed to start may already be
     * in NULL, which flushes nothing by itself. */
    gst_element_set_state (change->pipeline, GST_STATE_NULL);
    gst_bus_set_flushing (bus, TRUE);
    gst_bus_set_flushing (bus, FALSE);
  }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean bus_cb (GstBus     *bus,
                        GstMessage *message,
                        gpointer    user_data);

static void sync_state (ConciergeRinger *self);

static void
state_change_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ConciergeRinger) self = g_weak_ref_get (user_data);
  StateChange *change = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_weak_ref_clear (user_data);
  g_free (user_data);

  ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL) {
    /* The ringer was finalized while the worker ran. */
    if (change->pipeline != NULL)
      teardown (g_steal_pointer (&change->pipeline));
    return;
  }

  g_assert (CONCIERGE_IS_RINGER (self));

  self->busy = FALSE;
  /* A worker that failed to start the pipeline has brought it down. */
  self->playing = ok && change->play;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_clear_error (&error);

  if (self->pipeline == NULL && change->pipeline != NULL) {
    g_autoptr(GstBus) bus = gst_element_get_bus (change->pipeline);

    self->pipeline = g_steal_pointer (&change->pipeline);
    self->volume_elem = gst_bin_get_by_name (GST_BIN (self->pipeline), "volume");
    /* The bin holds the element as long as the pipeline lives. */
    gst_object_unref (self->volume_elem);
    self->loop_pad = gst_element_get_static_pad (self->volume_elem, "src");
    self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);
  }
  /* Drop the task's reference here, not on the worker thread. */
  g_clear_pointer (&change->pipeline, gst_object_unref);

  if (!ok && error == NULL) {
    g_debug ("The ring tone was stopped before it played");
  } else if (!ok && change->attempt != self->attempt) {
    /* A stop() and a new ring() came while it ran; sync_state() starts
     * the new one right away. */
    g_debug ("An earlier ring tone start failed: %s", error->message);
  } else if (!ok) {
    g_debug ("The ring tone does not play: %s", error->message);
    /* A bus error that came first has the better message; keep it. */
    if (!self->failed)
      set_error (self, error->message);
    self->failed = TRUE;
  } else if (change->play && !self->failed) {
    set_error (self, NULL);
  }

  apply_volume (self);
  sync_state (self);
}

static gboolean
retry_cb (gpointer user_data)
{
  ConciergeRinger *self = user_data;

  g_assert (CONCIERGE_IS_RINGER (self));

  self->retry_id = 0;
  g_debug ("Trying the ring tone again");
  /* `error` stays until a start succeeds. */
  self->failed = FALSE;
  sync_state (self);

  return G_SOURCE_REMOVE;
}

/* Starts a worker if the pipeline is not where the ringer wants it. */
static void
sync_state (ConciergeRinger *self)
{
  g_autoptr(GTask) task = NULL;
  StateChange *change;
  GWeakRef *weak;
  gboolean want = self->ringing && !self->failed;

  if (self->ringing && self->failed) {
    if (self->retry_id == 0)
      self->retry_id = g_timeout_add_seconds (RETRY_SECONDS, retry_cb, self);
  } else {
    g_clear_handle_id (&self->retry_id, g_source_remove);
  }

  if (self->busy || want == self->playing)
    return;

  if (!want && self->pipeline == NULL) {
    /* The pipeline was never built (it failed on the way). */
    self->playing = FALSE;
    return;
  }

  change = g_new0 (StateChange, 1);
  change->pipeline = self->pipeline ? gst_object_ref (self->pipeline) : NULL;
  if (self->pipeline == NULL && self->audio_sink != NULL)
    change->audio_sink = g_object_ref (self->audio_sink);
  change->play = want;
  change->attempt = self->worker_attempt = self->attempt;
  if (want) {
    g_clear_object (&self->starting);
    self->starting = g_cancellable_new ();
    change->cancellable = g_object_ref (self->starting);
  }
  change->gain = gain_for_volume (self->volume);
  change->mute = should_mute (self);

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);

  self->busy = TRUE;
  task = g_task_new (NULL, NULL, state_change_cb, weak);
  g_task_set_source_tag (task, sync_state);
  g_task_set_task_data (task, change, (GDestroyNotify) state_change_free);
  g_task_run_in_thread (task, state_change_thread);
}

static GstEvent *
new_loop_seek (GstSeekFlags flags)
{
  return gst_event_new_seek (1.0, GST_FORMAT_TIME, flags | GST_SEEK_FLAG_SEGMENT,
                             GST_SEEK_TYPE_SET, 0,
                             GST_SEEK_TYPE_NONE, GST_CLOCK_TIME_NONE);
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  ConciergeRinger *self = user_data;

  g_assert (CONCIERGE_IS_RINGER (self));

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_SEGMENT_DONE) {
    /* Non-flushing: the data already queued plays on, and the next pass
     * follows it at the same running time, so there is no gap. The seek
     * goes upstream from the volume element rather than through the
     * pipeline, which would take the pipeline's state lock and so wait for
     * a worker in the middle of a state change. This may come before the
     * worker that started the pipeline has reported back, so it only asks
     * whether the ringer still rings. */
    if (self->ringing && !self->failed &&
        !gst_pad_send_event (self->loop_pad, new_loop_seek (GST_SEEK_FLAG_NONE)))
      g_debug ("Could not seek back to the start of the ring tone");
  } else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS) {
    /* Only without segment seeks; a flushing seek restarts, with a gap. */
    if (self->ringing && !self->failed &&
        !gst_element_send_event (self->pipeline, new_loop_seek (GST_SEEK_FLAG_FLUSH)))
      g_debug ("Could not restart the ring tone");
  } else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR) {
    g_autoptr(GError) error = NULL;
    g_autofree char *debug = NULL;

    gst_message_parse_error (message, &error, &debug);
    g_debug ("Ring tone error from %s: %s (%s)",
             GST_MESSAGE_SRC_NAME (message), error->message,
             debug ? debug : "no details");
    /* From a worker that started an earlier ring: it reports itself. */
    if (self->busy && self->worker_attempt != self->attempt)
      return G_SOURCE_CONTINUE;
    /* The first error of an attempt is the specific one; base classes add
     * generic ones ("state change failed") after it. */
    if (!self->failed)
      set_error (self, error->message);
    /* Keep `ringing`: the call still rings in the UI, only in silence.
     * The next ring() tries the sound again. */
    self->failed = TRUE;
    sync_state (self);
  } else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_WARNING) {
    g_autoptr(GError) error = NULL;

    gst_message_parse_warning (message, &error, NULL);
    g_debug ("Ring tone warning from %s: %s",
             GST_MESSAGE_SRC_NAME (message), error->message);
  }

  return G_SOURCE_CONTINUE;
}

static void
concierge_ringer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ConciergeRinger *self = CONCIERGE_RINGER (object);

  switch (prop_id) {
  case PROP_RINGING:
    g_value_set_boolean (value, self->ringing);
    break;
  case PROP_VOLUME:
    g_value_set_double (value, self->volume);
    break;
  case PROP_MUTED:
    g_value_set_boolean (value, self->muted);
    break;
  case PROP_ERROR:
    g_value_set_string (value, self->error);
    break;
  case PROP_AUDIO_SINK:
    g_value_set_object (value, self->audio_sink);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
concierge_ringer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ConciergeRinger *self = CONCIERGE_RINGER (object);

  switch (prop_id) {
  case PROP_VOLUME:
    concierge_ringer_set_volume (self, g_value_get_double (value));
    break;
  case PROP_MUTED:
    concierge_ringer_set_muted (self, g_value_get_boolean (value));
    break;
  case PROP_AUDIO_SINK:
    /* Take a floating element over, as a bin would. */
    self->audio_sink = g_value_get_object (value);
    if (self->audio_sink != NULL)
      gst_object_ref_sink (self->audio_sink);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
concierge_ringer_dispose (GObject *object)
{
  ConciergeRinger *self = CONCIERGE_RINGER (object);

  if (self->bus_watch != 0) {
    g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);

    gst_bus_remove_watch (bus);
    self->bus_watch = 0;
  }

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->starting != NULL)
    g_cancellable_cancel (self->starting);
  g_clear_object (&self->starting);
  self->volume_elem = NULL;
  g_clear_object (&self->loop_pad);
  if (self->pipeline != NULL) {
    /* A running worker holds its own reference and tears the pipeline down
     * when it finds the ringer gone; two threads must not race it. */
    if (self->busy)
      gst_object_unref (g_steal_pointer (&self->pipeline));
    else
      teardown (g_steal_pointer (&self->pipeline));
  }
  g_clear_object (&self->audio_sink);

  G_OBJECT_CLASS (concierge_ringer_parent_class)->dispose (object);
}

static void
concierge_ringer_finalize (GObject *object)
{
  ConciergeRinger *self = CONCIERGE_RINGER (object);

  g_free (self->error);

  G_OBJECT_CLASS (concierge_ringer_parent_class)->finalize (object);
}

static void
concierge_ringer_class_init (ConciergeRingerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = concierge_ringer_get_property;
  object_class->set_property = concierge_ringer_set_property;
  object_class->dispose = concierge_ringer_dispose;
  object_class->finalize = concierge_ringer_finalize;

  properties[PROP_RINGING] =
    g_param_spec_boolean ("ringing", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bind to the ring-volume setting. */
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL,
                         0.0, 1.0, 0.8,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bind to the ring-muted setting. */
  properties[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* For tests: play into this element instead of autoaudiosink. */
  properties[PROP_AUDIO_SINK] =
    g_param_spec_object ("audio-sink", NULL, NULL,
                         GST_TYPE_ELEMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  GST_DEBUG_CATEGORY_INIT (ringer_debug, "concierge-ringer", 0, "Concierge ring tone");
}

static void
concierge_ringer_init (ConciergeRinger *self)
{
  self->volume = 0.8;
}

ConciergeRinger *
concierge_ringer_new (void)
{
  return g_object_new (CONCIERGE_TYPE_RINGER, NULL);
}

/* Starts the chime, unless it already rings. */
void
concierge_ringer_ring (ConciergeRinger *self)
{
  concierge_ringer_set_ringing (self, TRUE);
}

/* Stops the chime at once (it is muted now, the pipeline goes down in a
 * worker thread). */
void
concierge_ringer_stop (ConciergeRinger *self)
{
  concierge_ringer_set_ringing (self, FALSE);
}

/* The call queue drives this: TRUE while at least one call rings and is not
 * silenced. */
void
concierge_ringer_set_ringing (ConciergeRinger *self,
                              gboolean         ringing)
{
  g_return_if_fail (CONCIERGE_IS_RINGER (self));

  ringing = !!ringing;
  if (self->ringing == ringing)
    return;

  self->ringing = ringing;
  if (ringing) {
    self->failed = FALSE;
    self->attempt++;
  }
  else if (self->starting != NULL)
    g_cancellable_cancel (self->starting);
  apply_volume (self);
  sync_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RINGING]);
}

gboolean
concierge_ringer_get_ringing (ConciergeRinger *self)
{
  g_return_val_if_fail (CONCIERGE_IS_RINGER (self), FALSE);

  return self->ringing;
}

double
concierge_ringer_get_volume (ConciergeRinger *self)
{
  g_return_val_if_fail (CONCIERGE_IS_RINGER (self), 0.0);

  return self->volume;
}

void
concierge_ringer_set_volume (ConciergeRinger *self,
                             double           volume)
{
  g_return_if_fail (CONCIERGE_IS_RINGER (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (G_APPROX_VALUE (self->volume, volume, DBL_EPSILON))
    return;

  self->volume = volume;
  apply_volume (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

gboolean
concierge_ringer_get_muted (ConciergeRinger *self)
{
  g_return_val_if_fail (CONCIERGE_IS_RINGER (self), FALSE);

  return self->muted;
}

void
concierge_ringer_set_muted (ConciergeRinger *self,
                            gboolean         muted)
{
  g_return_if_fail (CONCIERGE_IS_RINGER (self));

  muted = !!muted;
  if (self->muted == muted)
    return;

  self->muted = muted;
  apply_volume (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
}

/* Why the chime does not sound (no sound device, a broken sink), or NULL. */
const char *
concierge_ringer_get_error (ConciergeRinger *self)
{
  g_return_val_if_fail (CONCIERGE_IS_RINGER (self), NULL);

  return self->error;
}
