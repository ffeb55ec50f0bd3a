/* hcc-sim-video.c: live addresses, HLS streams, recordings, MP4 clips, RTMP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here runs on the simulator's thread and GMainContext. GStreamer
 * works on its own streaming threads; we only hear from it through bus
 * watches attached to the simulator's context. Taking a pipeline to NULL can
 * block (rtmp2sink waiting on a socket, splitmuxsink finishing a fragment), so
 * it happens on a short-lived teardown thread, which also removes the files.
 */

#define G_LOG_DOMAIN "hcc-sim-video"

#include <string.h>

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "hcc-sim-private.h"

#define VIDEO_DATA_KEY           "hcc-sim-video"
#define DEFAULT_IDLE_TIMEOUT_S   15
#define FIRST_SEGMENT_TIMEOUT_S  10
/* The live/address/get limits for RTMP (guide L4796-4798): 30 s to 720 days. */
#define RTMP_MIN_EXPIRE_S        30
#define RTMP_MAX_EXPIRE_S        (720 * 24 * 3600)
#define DEFAULT_EXPIRE_S         (24 * 3600)
/* Playback streams and clips are really encoded, so their length is capped. */
#define MAX_VOD_SECONDS          60
#define MAX_CLIP_REQUEST_S       300
#define MAX_CLIP_SECONDS         60
#define CLIP_URL_VALIDITY_S      3600
#define MAX_RECORD_RANGE_DAYS    7
#define DAY_MS                   (G_GINT64_CONSTANT (86400000))
/* How far in the past a live HLS stream starts (see hls_stream_start()):
 * with GOPs of 1 s, hlssink2 writes its first segment once 2 s were
 * encoded. As text, for the pipeline description. */
#define LIVE_HEAD_START_NS       "-2000000000"
/* The quality a door call warms: the desk's ringing preview plays the
 * fluent stream. */
#define WARM_QUALITY             2

typedef struct _Video Video;

typedef struct {
  Video      *video;          /* (unowned) */
  char       *key;            /* "<serial>_<channel>_<quality>[_<playback>]" */
  char       *title;          /* camera name drawn on the picture */
  char       *pattern;        /* videotestsrc pattern nick */
  guint       width;
  guint       height;
  guint       bitrate;        /* kbit/s */
  gboolean    vod;            /* a finite playback stream */
  gint64      vod_begin_ms;
  guint       vod_seconds;
  GstElement *pipeline;       /* (owned) (nullable) NULL once finished or stopped */
  GSource    *bus_source;     /* (owned) (nullable) */
  char       *dir;            /* (owned) where hlssink2 writes */
  guint       n_segments;
  gboolean    finished;       /* a playback stream reached EOS */
  gint64      last_access_us; /* monotonic */
  GPtrArray  *waiters;        /* (element-type Waiter) (owned) */
  GCancellable *cancellable;  /* (owned) cancels the directory creation */
} HlsStream;

typedef struct {
  HlsStream         *stream;  /* (unowned) */
  int                segment; /* the segment waited for, -1 for the playlist */
  SoupServerMessage *msg;     /* (owned) paused until the playlist is ready */
  char              *query;   /* (owned) (nullable) */
  GSource           *timeout; /* (owned) (nullable) */
} Waiter;

typedef struct {
  Video      *video;          /* (unowned) */
  char       *key;
  char       *location;       /* the rtmp2sink location */
  GstElement *pipeline;       /* (owned) */
  GSource    *bus_source;     /* (owned) (nullable) */
  GSource    *expiry;         /* (owned) (nullable) */
  gint64      expire_ms;
} RtmpPush;

typedef struct {
  Video      *video;          /* (unowned) */
  char       *task_id;
  char       *file_name;
  char       *path;
  int         status;         /* 0 ready, 1 being made, 2 failed, 4 deleted */
  gint64      created_ms;
  gint64      expire_ms;
  GstElement *pipeline;       /* (owned) (nullable) */
  GSource    *bus_source;     /* (owned) (nullable) */
} ClipTask;

struct _Video {
  HccSim       *sim;          /* (unowned) the module state lives on it */
  GMainContext *context;      /* (owned) */
  char         *root;         /* (owned) private temp dir */
  guint         idle_timeout_s;
  guint         serial;       /* makes stream and clip dirs unique */
  GHashTable   *streams;      /* key -> HlsStream (owned) */
  GHashTable   *pushes;       /* key -> RtmpPush (owned) */
  GHashTable   *clips;        /* task id -> ClipTask (owned) */
  GHashTable   *clips_by_file; /* file name -> ClipTask (unowned) */
  GPtrArray    *teardowns;    /* (element-type Teardown) (owned) joined when done */
  GSource      *idle_check;   /* (owned) */
  GHashTable   *held;         /* device ID (owned) -> number of ringing calls, as a pointer */
  gboolean      warm_calls;   /* a ringing call keeps its station's stream running */
};

typedef struct {
  GstElement *pipeline;       /* (owned) (nullable) */
  char       *dir;            /* (owned) (nullable) file or tree removed once stopped */
  GThread    *thread;         /* (owned) */
  gint        done;           /* atomic: the thread has finished its work */
} Teardown;

static const char * const patterns[] = {
  "smpte", "ball", "pinwheel", "spokes", "colors", "smpte-rp-219", "circular", "bar",
};

static Video *
video_get (HccSim *sim)
{
  return g_object_get_data (G_OBJECT (sim), VIDEO_DATA_KEY);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_unlink (path);
    return;
  }

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL) {
    while ((name = g_dir_read_name (dir)) != NULL) {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  }
  g_rmdir (path);
}

static gpointer
teardown_thread (gpointer data)
{
  Teardown *teardown = data;

  if (teardown->pipeline != NULL) {
    gst_element_set_state (teardown->pipeline, GST_STATE_NULL);
    gst_object_unref (teardown->pipeline);
  }
  remove_tree (teardown->dir);
  g_atomic_int_set (&teardown->done, TRUE);

  return NULL;
}

static void
teardown_join (gpointer data)
{
  Teardown *teardown = data;

  g_thread_join (teardown->thread);
  g_free (teardown->dir);
  g_free (teardown);
}

/* A finished thread keeps its stack until joined: join those that are done
 * so a long demo session does not pile them up. */
static void
reap_teardowns (Video *self)
{
  for (guint i = self->teardowns->len; i > 0; i--) {
    Teardown *teardown = g_ptr_array_index (self->teardowns, i - 1);

    if (g_atomic_int_get (&teardown->done))
      g_ptr_array_remove_index_fast (self->teardowns, i - 1);
  }
}

/* Takes ownership of @pipeline (nullable); @dir (nullable) is removed
 * afterwards. */
static void
teardown_pipeline (Video      *self,
                   GstElement *pipeline,
                   const char *dir)
{
  Teardown *teardown = g_new0 (Teardown, 1);

  teardown->pipeline = pipeline;
  teardown->dir = g_strdup (dir);
  teardown->thread = g_thread_new ("hcc-sim-teardown", teardown_thread, teardown);
  g_ptr_array_add (self->teardowns, teardown);
}

static void
clear_source (GSource **source)
{
  if (*source != NULL) {
    g_source_destroy (*source);
    g_clear_pointer (source, g_source_unref);
  }
}

static GSource *
watch_bus (Video       *self,
           GstElement  *pipeline,
           GSourceFunc  func,
           gpointer     data)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  GSource *source = gst_bus_create_watch (bus);

  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, self->context);

  return source;
}

static gint64
monotonic_us (void)
{
  return g_get_monotonic_time ();
}

/* Replies and media serving */

static void
message_disconnected_cb (SoupServerMessage *msg)
{
  g_object_set_data (G_OBJECT (msg), "hcc-sim-video-gone", GINT_TO_POINTER (TRUE));
}

/* A client may hang up while its request is paused; libsoup then drops the
 * message's I/O and it must not be unpaused any more. */
static void
pause_message (SoupServerMessage *msg)
{
  if (g_object_get_data (G_OBJECT (msg), "hcc-sim-video-watched") == NULL) {
    g_object_set_data (G_OBJECT (msg), "hcc-sim-video-watched", GINT_TO_POINTER (TRUE));
    g_signal_connect (msg, "disconnected", G_CALLBACK (message_disconnected_cb), NULL);
  }
  soup_server_message_pause (msg);
}

static void
unpause_message (SoupServerMessage *msg)
{
  if (g_object_get_data (G_OBJECT (msg), "hcc-sim-video-gone") == NULL)
    soup_server_message_unpause (msg);
}

static void
reply_status (SoupServerMessage *msg,
              guint              status)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "", 0);
}

typedef struct {
  SoupServerMessage *msg;          /* (owned) */
  char              *content_type; /* (owned) */
  char              *query;        /* (owned) (nullable) appended to playlist entries */
  gboolean           playlist;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->msg);
  g_free (load->content_type);
  g_free (load->query);
  g_free (load);
}

/* Segment names in a playlist are relative, so a player would drop the
 * pre-signed query. Carry it over as the platform's signed segment URLs do. */
static char *
rewrite_playlist (const char *text,
                  gsize       length,
                  const char *query)
{
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++) {
    const char *line = lines[i];

    if (lines[i + 1] == NULL && *line == '\0')
      break;
    g_string_append (out, line);
    if (query != NULL && *line != '\0' && *line != '#')
      g_string_append_printf (out, "?%s", query);
    g_string_append_c (out, '\n');
  }

  return g_string_free (out, FALSE);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = user_data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error)) {
    g_debug ("Cannot serve %s: %s", g_file_peek_path (G_FILE (source)), error->message);
    reply_status (load->msg, SOUP_STATUS_NOT_FOUND);
  } else {
    SoupMessageHeaders *headers = soup_server_message_get_response_headers (load->msg);

    if (load->playlist) {
      char *text = rewrite_playlist (contents, length, load->query);

      g_free (g_steal_pointer (&contents));
      length = strlen (text);
      contents = text;
      soup_message_headers_replace (headers, "Cache-Control", "no-cache");
    }
    soup_message_headers_replace (headers, "Accept-Ranges", "bytes");
    soup_server_message_set_status (load->msg, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response (load->msg, load->content_type, SOUP_MEMORY_TAKE,
                                      g_steal_pointer (&contents), length);
  }

  unpause_message (load->msg);
  load_free (load);
}

/* Reads the file on a GIO worker so the simulator's thread never waits on
 * the disk; the message stays paused until then. */
static void
serve_file (SoupServerMessage *msg,
            const char        *path,
            const char        *content_type,
            gboolean           playlist,
            const char        *query,
            gboolean           paused)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Load *load = g_new0 (Load, 1);

  load->msg = g_object_ref (msg);
  load->content_type = g_strdup (content_type);
  load->query = g_strdup (query);
  load->playlist = playlist;
  if (!paused)
    pause_message (msg);
  g_file_load_contents_async (file, NULL, load_done_cb, load);
}

/* HLS streams */

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  clear_source (&waiter->timeout);
  g_clear_object (&waiter->msg);
  g_free (waiter->query);
  g_free (waiter);
}

static gboolean
hls_stream_ready (HlsStream *stream)
{
  return stream->n_segments > 0 || stream->finished;
}

static gboolean
segment_index (const char *file_name,
               guint      *index)
{
  g_autofree char *digits = NULL;
  guint64 value;

  if (!g_str_has_prefix (file_name, "seg") || !g_str_has_suffix (file_name, ".ts"))
    return FALSE;
  digits = g_strndup (file_name + 3, strlen (file_name) - 6);
  if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;
  *index = (guint) value;
  return TRUE;
}

/* Serves the waiters whose playlist or segment now exists; the others keep
 * waiting. With @all (at the end of a playback stream) everyone is served:
 * a segment that never came is then a 404. */
static void
hls_stream_answer_waiters (HlsStream *stream,
                           gboolean   all)
{
  for (guint i = stream->waiters->len; i > 0; i--) {
    Waiter *waiter = g_ptr_array_index (stream->waiters, i - 1);
    g_autofree char *path = NULL;

    if (waiter->segment < 0 && (all || hls_stream_ready (stream))) {
      path = g_build_filename (stream->dir, "index.m3u8", NULL);
      /* The message stays paused: the load unpauses it when done. */
      serve_file (waiter->msg, path, "application/vnd.apple.mpegurl", TRUE, waiter->query, TRUE);
    } else if (waiter->segment >= 0 && (all || (guint) waiter->segment < stream->n_segments)) {
      path = g_strdup_printf ("%s/seg%05d.ts", stream->dir, waiter->segment);
      serve_file (waiter->msg, path, "video/mp2t", FALSE, NULL, TRUE);
    } else {
      continue;
    }
    g_ptr_array_remove_index (stream->waiters, i - 1);
  }
}

static void
hls_stream_free (gpointer data)
{
  HlsStream *stream = data;

  clear_source (&stream->bus_source);
  g_cancellable_cancel (stream->cancellable);
  g_clear_object (&stream->cancellable);
  if (stream->waiters != NULL) {
    for (guint i = 0; i < stream->waiters->len; i++) {
      Waiter *waiter = g_ptr_array_index (stream->waiters, i);

      reply_status (waiter->msg, SOUP_STATUS_SERVICE_UNAVAILABLE);
      unpause_message (waiter->msg);
    }
    g_ptr_array_unref (stream->waiters);
  }
  teardown_pipeline (stream->video, g_steal_pointer (&stream->pipeline), stream->dir);
  g_free (stream->key);
  g_free (stream->title);
  g_free (stream->pattern);
  g_free (stream->dir);
  g_free (stream);
}

static gboolean
hls_bus_cb (GstBus     *bus,
            GstMessage *message,
            gpointer    user_data)
{
  HlsStream *stream = user_data;
  Video *self = stream->video;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ELEMENT) {
    const GstStructure *s = gst_message_get_structure (message);

    /* hlssink2 rewrites the playlist before it forwards this message. */
    if (s != NULL && gst_structure_has_name (s, "splitmuxsink-fragment-closed")) {
      stream->n_segments++;
      hls_stream_answer_waiters (stream, FALSE);
    }
  } else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS) {
    g_debug ("Playback stream %s is complete", stream->key);
    stream->finished = TRUE;
    g_clear_pointer (&stream->bus_source, g_source_unref);
    teardown_pipeline (self, g_steal_pointer (&stream->pipeline), NULL);
    hls_stream_answer_waiters (stream, TRUE);
    return G_SOURCE_REMOVE;
  } else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR) {
    g_autoptr(GError) error = NULL;
    g_autofree char *debug = NULL;

    gst_message_parse_error (message, &error, &debug);
    g_debug ("Stream %s failed, it restarts on the next request: %s (%s)",
             stream->key, error->message, debug ? debug : "");
    /* Removing the stream destroys this watch; say so to the caller too. */
    g_clear_pointer (&stream->bus_source, g_source_unref);
    g_hash_table_remove (self->streams, stream->key);
    return G_SOURCE_REMOVE;
  }

  return G_SOURCE_CONTINUE;
}

static gboolean
hls_stream_start (HlsStream  *stream,
                  GError    **error)
{
  Video *self = stream->video;
  g_autofree char *description = NULL;
  g_autofree char *location = NULL;
  g_autofree char *playlist = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) title = NULL;
  g_autoptr(GstElement) sink = NULL;

  /* A live stream draws the wall clock; a playback stream draws the
   * recording's running time under its start time. A live stream is paced
   * by clocksync rather than by a live source, so that it can start
   * LIVE_HEAD_START_NS in the past: those seconds are encoded at once, and
   * the first segment (closed only at the GOP after it) exists a fraction
   * of a second after the start instead of about 2 s, as if the camera had
   * been streaming all along. Later frames come in real time. */
  description = g_strdup_printf ("videotestsrc name=src ! "
                                 "video/x-raw,width=%u,height=%u,framerate=25/1 ! %s"
                                 "textoverlay name=title valignment=top halignment=left "
                                 "font-desc=\"Sans 18\" ! %s ! "
                                 "x264enc tune=zerolatency speed-preset=ultrafast "
                                 "key-int-max=25 bitrate=%u ! "
                                 "video/x-h264,profile=baseline ! h264parse ! "
                                 "hlssink2 name=sink target-duration=1 %s",
                                 stream->width, stream->height,
                                 stream->vod ? "" : "clocksync ts-offset=" LIVE_HEAD_START_NS " ! ",
                                 stream->vod ? "timeoverlay valignment=bottom halignment=right"
                                             : "clockoverlay valignment=bottom halignment=right "
                                               "time-format=\"%Y-%m-%d %H:%M:%S\"",
                                 stream->bitrate,
                                 stream->vod ? "playlist-length=0 max-files=0"
                                             : "playlist-length=5 max-files=10");
  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    return FALSE;
  g_object_ref_sink (pipeline);

  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  title = gst_bin_get_by_name (GST_BIN (pipeline), "title");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gst_util_set_object_arg (G_OBJECT (src), "pattern", stream->pattern);
  if (stream->vod) {
    g_autofree char *begin = _hcc_sim_format_plain (stream->vod_begin_ms);
    g_autofree char *text = g_strdup_printf ("%s\nPlayback from %s", stream->title, begin);

    g_object_set (src, "num-buffers", (int) (stream->vod_seconds * 25), NULL);
    g_object_set (title, "text", text, NULL);
  } else {
    g_object_set (title, "text", stream->title, NULL);
  }
  location = g_build_filename (stream->dir, "seg%05d.ts", NULL);
  playlist = g_build_filename (stream->dir, "index.m3u8", NULL);
  g_object_set (sink, "location", location, "playlist-location", playlist, NULL);

  stream->bus_source = watch_bus (self, pipeline, (GSourceFunc) hls_bus_cb, stream);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    clear_source (&stream->bus_source);
    teardown_pipeline (self, g_steal_pointer (&pipeline), NULL);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The stream pipeline does not start");
    return FALSE;
  }
  stream->pipeline = g_steal_pointer (&pipeline);
  g_debug ("Started stream %s (%ux%u) in %s", stream->key, stream->width, stream->height,
           stream->dir);

  return TRUE;
}

static void
stream_dir_created_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  HlsStream *stream = user_data;
  g_autoptr(GError) error = NULL;

  /* Cancelled means the stream is gone: do not touch it. */
  if (!g_file_make_directory_finish (G_FILE (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error == NULL)
    hls_stream_start (stream, &error);
  if (error != NULL) {
    g_debug ("Cannot start stream %s: %s", stream->key, error->message);
    g_hash_table_remove (stream->video->streams, stream->key);
  }
}

static HlsStream *
ensure_stream (Video       *self,
               const char  *key,
               const char  *camera_id,
               const char  *title,
               guint        quality,
               gint64       vod_begin_ms,
               guint        vod_seconds)
{
  HlsStream *stream = g_hash_table_lookup (self->streams, key);
  g_autoptr(GFile) dir = NULL;

  if (stream != NULL) {
    stream->last_access_us = monotonic_us ();
    return stream;
  }

  stream = g_new0 (HlsStream, 1);
  stream->video = self;
  stream->key = g_strdup (key);
  stream->title = g_strdup (title);
  stream->pattern = g_strdup (patterns[g_str_hash (camera_id) % G_N_ELEMENTS (patterns)]);
  stream->width = quality == 1 ? 1280 : 640;
  stream->height = quality == 1 ? 720 : 360;
  stream->bitrate = quality == 1 ? 2048 : 512;
  stream->vod = vod_seconds > 0;
  stream->vod_begin_ms = vod_begin_ms;
  stream->vod_seconds = vod_seconds;
  stream->last_access_us = monotonic_us ();
  stream->waiters = g_ptr_array_new_with_free_func (waiter_free);
  stream->cancellable = g_cancellable_new ();
  stream->dir = g_strdup_printf ("%s/hls-%u", self->root, ++self->serial);
  g_hash_table_insert (self->streams, stream->key, stream);

  /* The pipeline starts once its directory exists; until then playlist
   * requests wait like they do for the first segment. */
  dir = g_file_new_for_path (stream->dir);
  g_file_make_directory_async (dir, G_PRIORITY_DEFAULT, stream->cancellable,
                               stream_dir_created_cb, stream);

  return stream;
}

/* Starts (or keeps running) the fluent live stream of every online camera
 * of a door station with a ringing call, so the desk's preview finds a
 * stream with segments when it asks for the address a moment later. */
static void
warm_station (Video      *self,
              const char *device_id)
{
  HccSimWorld *world = _hcc_sim_get_world (self->sim);
  HccSimDevice *device = g_hash_table_lookup (world->devices_by_id, device_id);

  if (!self->warm_calls || self->root == NULL || device == NULL || !device->online)
    return;

  for (guint i = 0; i < device->camera_ids->len; i++) {
    HccSimCamera *camera = g_hash_table_lookup (world->cameras_by_id,
                                                g_ptr_array_index (device->camera_ids, i));
    g_autofree char *key = NULL;

    if (camera == NULL || !camera->online)
      continue;
    key = g_strdup_printf ("%s_%u_%d", device->serial, camera->channel_no, WARM_QUALITY);
    ensure_stream (self, key, camera->id, camera->name, WARM_QUALITY, 0, 0);
  }
}

static gboolean
waiter_timeout_cb (gpointer user_data)
{
  Waiter *waiter = user_data;
  HlsStream *stream = waiter->stream;

  g_debug ("Stream %s has no segment %d yet, giving up", stream->key, waiter->segment);
  g_clear_pointer (&waiter->timeout, g_source_unref);
  reply_status (waiter->msg, SOUP_STATUS_SERVICE_UNAVAILABLE);
  unpause_message (waiter->msg);
  g_ptr_array_remove (stream->waiters, waiter);

  return G_SOURCE_REMOVE;
}

static void
add_waiter (HlsStream         *stream,
            SoupServerMessage *msg,
            int                segment,
            const char        *query)
{
  Waiter *waiter = g_new0 (Waiter, 1);

  g_debug ("Request for %s of %s waits", segment < 0 ? "the playlist" : "a segment", stream->key);
  waiter->stream = stream;
  waiter->segment = segment;
  waiter->msg = g_object_ref (msg);
  waiter->query = g_strdup (query);
  waiter->timeout = g_timeout_source_new_seconds (FIRST_SEGMENT_TIMEOUT_S);
  g_source_set_callback (waiter->timeout, waiter_timeout_cb, waiter, NULL);
  g_source_attach (waiter->timeout, stream->video->context);
  g_ptr_array_add (stream->waiters, waiter);
  pause_message (msg);
}

/* A playback stream is encoded faster than real time but not instantly (60 s
 * of HD take about 20 s here), so its playlist is written up front, complete
 * with its end, and each segment request waits for its segment. Players then
 * start at once and at the beginning, as with a recording. */
static char *
vod_playlist (HlsStream  *stream,
              const char *query)
{
  GString *text = g_string_new ("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:VOD\n"
                                "#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:0\n");

  for (guint i = 0; i < stream->vod_seconds; i++)
    g_string_append_printf (text, "#EXTINF:1.000,\nseg%05u.ts%s%s\n", i,
                            query != NULL ? "?" : "", query != NULL ? query : "");
  g_string_append (text, "#EXT-X-ENDLIST\n");

  return g_string_free (text, FALSE);
}

/* Finds the camera behind a stream key "<serial>_<channel>_<quality>". */
static HccSimCamera *
camera_for_key (Video      *self,
                const char *key,
                guint      *quality)
{
  HccSimWorld *world = _hcc_sim_get_world (self->sim);
  g_auto(GStrv) parts = g_strsplit (key, "_", -1);
  HccSimDevice *device;
  guint64 channel, q;

  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &channel, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 2, &q, NULL))
    return NULL;

  device = g_hash_table_lookup (world->devices_by_serial, parts[0]);
  if (device == NULL)
    return NULL;

  for (guint i = 0; i < device->camera_ids->len; i++) {
    HccSimCamera *camera = g_hash_table_lookup (world->cameras_by_id,
                                                g_ptr_array_index (device->camera_ids, i));

    if (camera != NULL && camera->channel_no == channel) {
      *quality = (guint) q;
      return camera;
    }
  }

  return NULL;
}

static gboolean
valid_file_name (const char *name)
{
  if (name == NULL || *name == '\0' || *name == '.')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
url_expired (Video      *self,
             GHashTable *query)
{
  const char *expire = query != NULL ? g_hash_table_lookup (query, "expire") : NULL;
  guint64 expire_s;

  if (expire == NULL || !g_ascii_string_to_unsigned (expire, 10, 0, G_MAXINT64, &expire_s, NULL))
    return TRUE;

  return (gint64) expire_s * 1000 < _hcc_sim_now_ms (self->sim);
}

static void
handle_hls (Video             *self,
            SoupServerMessage *msg,
            const char        *key,
            const char        *file_name,
            GHashTable        *query)
{
  HlsStream *stream = g_hash_table_lookup (self->streams, key);
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autofree char *path = NULL;

  if (!valid_file_name (file_name)) {
    reply_status (msg, SOUP_STATUS_NOT_FOUND);
    return;
  }

  if (url_expired (self, query)) {
    reply_status (msg, SOUP_STATUS_FORBIDDEN);
    return;
  }

  if (g_str_equal (file_name, "index.m3u8")) {
    if (stream == NULL) {
      HccSimCamera *camera;
      guint quality = 1;

      /* Only live streams restart here; a finished playback URL is gone. */
      camera = camera_for_key (self, key, &quality);
      if (camera == NULL) {
        reply_status (msg, SOUP_STATUS_NOT_FOUND);
        return;
      }
      stream = ensure_stream (self, key, camera->id, camera->name, quality, 0, 0);
    }
    stream->last_access_us = monotonic_us ();

    if (stream->vod) {
      char *text = vod_playlist (stream, raw_query);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Cache-Control", "no-cache");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/vnd.apple.mpegurl", SOUP_MEMORY_TAKE,
                                        text, strlen (text));
      return;
    }

    /* Players start fast when the first playlist already lists a segment,
     * so hold the request until there is one. */
    if (!hls_stream_ready (stream)) {
      add_waiter (stream, msg, -1, raw_query);
      return;
    }

    path = g_build_filename (stream->dir, "index.m3u8", NULL);
    serve_file (msg, path, "application/vnd.apple.mpegurl", TRUE, raw_query, FALSE);
    return;
  }

  if (stream == NULL || !g_str_has_suffix (file_name, ".ts")) {
    reply_status (msg, SOUP_STATUS_NOT_FOUND);
    return;
  }

  stream->last_access_us = monotonic_us ();
  if (stream->vod) {
    guint index;

    if (!segment_index (file_name, &index) || index >= stream->vod_seconds) {
      reply_status (msg, SOUP_STATUS_NOT_FOUND);
      return;
    }
    if (index >= stream->n_segments && !stream->finished) {
      add_waiter (stream, msg, (int) index, NULL);
      return;
    }
  }
  path = g_build_filename (stream->dir, file_name, NULL);
  serve_file (msg, path, "video/mp2t", FALSE, NULL, FALSE);
}

static void
handle_clip (Video             *self,
             SoupServerMessage *msg,
             const char        *file_name)
{
  ClipTask *clip = g_hash_table_lookup (self->clips_by_file, file_name);

  if (clip == NULL || clip->status != 0) {
    reply_status (msg, SOUP_STATUS_NOT_FOUND);
    return;
  }

  /* The real URLs are pre-signed for an hour (X-Amz-Expires=3600). */
  if (_hcc_sim_now_ms (self->sim) > clip->expire_ms) {
    reply_status (msg, SOUP_STATUS_FORBIDDEN);
    return;
  }

  serve_file (msg, clip->path, "video/mp4", FALSE, NULL, FALSE);
}

static void
media_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Video *self = video_get (HCC_SIM (user_data));
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) parts = NULL;

  if (self == NULL) {
    reply_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE);
    return;
  }

  if (g_strcmp0 (method, "GET") != 0 && g_strcmp0 (method, "HEAD") != 0) {
    reply_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED);
    return;
  }

  /* "/media/hls/<key>/<file>" or "/media/clips/<file>" */
  parts = g_strsplit (path, "/", -1);
  if (g_strv_length (parts) == 5 && g_str_equal (parts[1], "media") &&
      g_str_equal (parts[2], "hls") && valid_file_name (parts[3]))
    handle_hls (self, msg, parts[3], parts[4], query);
  else if (g_strv_length (parts) == 4 && g_str_equal (parts[1], "media") &&
           g_str_equal (parts[2], "clips") && valid_file_name (parts[3]))
    handle_clip (self, msg, parts[3]);
  else
    reply_status (msg, SOUP_STATUS_NOT_FOUND);
}

static gboolean
idle_check_cb (gpointer user_data)
{
  Video *self = user_data;
  gint64 now = monotonic_us ();
  gint64 now_ms = _hcc_sim_now_ms (self->sim);
  GHashTableIter iter;
  HlsStream *stream;
  ClipTask *clip;
  const char *device_id;

  reap_teardowns (self);

  /* Stations with a ringing call keep their streams, and get them back
   * after a failure, whether or not anyone watches. */
  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, (gpointer *) &device_id, NULL))
    warm_station (self, device_id);

  /* The platform deletes uploaded clips some time after their URLs expired
   * (status 4); do the same an hour later and free the disk. */
  g_hash_table_iter_init (&iter, self->clips);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &clip)) {
    if (clip->status == 0 && now_ms > clip->expire_ms + CLIP_URL_VALIDITY_S * 1000) {
      g_debug ("Deleting expired clip %s", clip->file_name);
      clip->status = 4;
      teardown_pipeline (self, NULL, clip->path);
    }
  }

  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stream)) {
    if (stream->waiters->len == 0 &&
        now - stream->last_access_us > (gint64) self->idle_timeout_s * G_USEC_PER_SEC) {
      g_debug ("Stopping idle stream %s", stream->key);
      g_hash_table_iter_remove (&iter);
    }
  }

  return G_SOURCE_CONTINUE;
}

/* RTMP push */

static void
rtmp_push_free (gpointer data)
{
  RtmpPush *push = data;

  clear_source (&push->bus_source);
  clear_source (&push->expiry);
  if (push->pipeline != NULL)
    teardown_pipeline (push->video, g_steal_pointer (&push->pipeline), NULL);
  g_free (push->key);
  g_free (push->location);
  g_free (push);
}

static gboolean
rtmp_bus_cb (GstBus     *bus,
             GstMessage *message,
             gpointer    user_data)
{
  RtmpPush *push = user_data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR ||
      GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS) {
    g_autoptr(GError) error = NULL;

    if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
      gst_message_parse_error (message, &error, NULL);
    g_debug ("RTMP push to %s ended: %s", push->location,
             error != NULL ? error->message : "end of stream");
    g_clear_pointer (&push->bus_source, g_source_unref);
    g_hash_table_remove (push->video->pushes, push->key);
    return G_SOURCE_REMOVE;
  }

  return G_SOURCE_CONTINUE;
}

static gboolean
rtmp_expiry_cb (gpointer user_data)
{
  RtmpPush *push = user_data;

  g_debug ("RTMP address %s expired", push->location);
  g_clear_pointer (&push->expiry, g_source_unref);
  g_hash_table_remove (push->video->pushes, push->key);

  return G_SOURCE_REMOVE;
}

static void
rtmp_push_arm_expiry (RtmpPush *push,
                      gint64    now_ms)
{
  gint64 remaining_s = MAX ((push->expire_ms - now_ms + 999) / 1000, 1);

  clear_source (&push->expiry);
  push->expiry = g_timeout_source_new_seconds ((guint) MIN (remaining_s, RTMP_MAX_EXPIRE_S));
  g_source_set_callback (push->expiry, rtmp_expiry_cb, push, NULL);
  g_source_attach (push->expiry, push->video->context);
}

static gboolean
ensure_push (Video         *self,
             const char    *key,
             HccSimCamera  *camera,
             guint          quality,
             gint64         expire_ms,
             gint64         now_ms,
             GError       **error)
{
  RtmpPush *push = g_hash_table_lookup (self->pushes, key);
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) title = NULL;
  g_autoptr(GstElement) sink = NULL;

  if (push != NULL) {
    /* A second address for a running push extends it. */
    if (expire_ms > push->expire_ms) {
      push->expire_ms = expire_ms;
      rtmp_push_arm_expiry (push, now_ms);
    }
    return TRUE;
  }

  description = g_strdup_printf ("videotestsrc name=src is-live=true ! "
                                 "video/x-raw,width=%u,height=%u,framerate=25/1 ! "
                                 "textoverlay name=title valignment=top halignment=left "
                                 "font-desc=\"Sans 18\" ! "
                                 "clockoverlay valignment=bottom halignment=right "
                                 "time-format=\"%%Y-%%m-%%d %%H:%%M:%%S\" ! "
                                 "x264enc tune=zerolatency speed-preset=ultrafast "
                                 "key-int-max=25 bitrate=%u ! "
                                 "video/x-h264,profile=baseline ! h264parse ! "
                                 "flvmux streamable=true ! rtmp2sink name=sink",
                                 quality == 1 ? 1280 : 640, quality == 1 ? 720 : 360,
                                 quality == 1 ? 2048 : 512);
  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    return FALSE;
  g_object_ref_sink (pipeline);

  push = g_new0 (RtmpPush, 1);
  push->video = self;
  push->key = g_strdup (key);
  push->location = g_strdup_printf ("%s/%s", _hcc_sim_get_rtmp_base_url (self->sim), key);
  push->expire_ms = expire_ms;

  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  title = gst_bin_get_by_name (GST_BIN (pipeline), "title");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gst_util_set_object_arg (G_OBJECT (src), "pattern",
                           patterns[g_str_hash (camera->id) % G_N_ELEMENTS (patterns)]);
  g_object_set (title, "text", camera->name, NULL);
  g_object_set (sink, "location", push->location, NULL);

  push->bus_source = watch_bus (self, pipeline, (GSourceFunc) rtmp_bus_cb, push);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    push->pipeline = g_steal_pointer (&pipeline);
    rtmp_push_free (push);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The RTMP pipeline does not start");
    return FALSE;
  }
  push->pipeline = g_steal_pointer (&pipeline);
  rtmp_push_arm_expiry (push, now_ms);
  g_hash_table_insert (self->pushes, push->key, push);
  g_debug ("Pushing %s to %s", key, push->location);

  return TRUE;
}

/* Clips */

static void
clip_task_free (gpointer data)
{
  ClipTask *clip = data;

  clear_source (&clip->bus_source);
  if (clip->pipeline != NULL)
    teardown_pipeline (clip->video, g_steal_pointer (&clip->pipeline), NULL);
  g_free (clip->task_id);
  g_free (clip->file_name);
  g_free (clip->path);
  g_free (clip);
}

static gboolean
clip_bus_cb (GstBus     *bus,
             GstMessage *message,
             gpointer    user_data)
{
  ClipTask *clip = user_data;
  Video *self = clip->video;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS) {
    /* The file is complete once mp4mux has seen EOS and filesink has
     * written it; the NULL transition on the teardown thread only closes
     * the descriptor, and the file is served by path after that. */
    clip->status = 0;
    clip->expire_ms = _hcc_sim_now_ms (self->sim) + CLIP_URL_VALIDITY_S * 1000;
    g_debug ("Clip %s is ready", clip->file_name);
  } else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR) {
    g_autoptr(GError) error = NULL;

    gst_message_parse_error (message, &error, NULL);
    g_debug ("Clip %s failed: %s", clip->file_name, error->message);
    clip->status = 2;
  } else {
    return G_SOURCE_CONTINUE;
  }

  g_clear_pointer (&clip->bus_source, g_source_unref);
  teardown_pipeline (self, g_steal_pointer (&clip->pipeline), NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
clip_start (ClipTask      *clip,
            HccSimCamera  *camera,
            gint64         begin_ms,
            guint          seconds,
            GError       **error)
{
  Video *self = clip->video;
  g_autofree char *begin = _hcc_sim_format_plain (begin_ms);
  g_autofree char *text = g_strdup_printf ("%s\nRecorded %s", camera->name, begin);
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) title = NULL;
  g_autoptr(GstElement) sink = NULL;

  pipeline = gst_parse_launch ("videotestsrc name=src ! "
                               "video/x-raw,width=640,height=360,framerate=25/1 ! "
                               "textoverlay name=title valignment=top halignment=left "
                               "font-desc=\"Sans 16\" ! "
                               "timeoverlay valignment=bottom halignment=right ! "
                               "x264enc speed-preset=ultrafast key-int-max=25 bitrate=768 ! "
                               "video/x-h264,profile=baseline ! h264parse ! "
                               "mp4mux faststart=true ! filesink name=sink", error);
  if (pipeline == NULL)
    return FALSE;
  g_object_ref_sink (pipeline);

  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  title = gst_bin_get_by_name (GST_BIN (pipeline), "title");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gst_util_set_object_arg (G_OBJECT (src), "pattern",
                           patterns[g_str_hash (camera->id) % G_N_ELEMENTS (patterns)]);
  g_object_set (src, "num-buffers", (int) seconds * 25, NULL);
  g_object_set (title, "text", text, NULL);
  g_object_set (sink, "location", clip->path, NULL);

  clip->bus_source = watch_bus (self, pipeline, (GSourceFunc) clip_bus_cb, clip);
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    clear_source (&clip->bus_source);
    teardown_pipeline (self, g_steal_pointer (&pipeline), NULL);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The clip pipeline does not start");
    return FALSE;
  }
  clip->pipeline = g_steal_pointer (&pipeline);

  return TRUE;
}

/* Endpoint helpers */

static HccSimDevice *
camera_device (HccSim       *sim,
               HccSimCamera *camera)
{
  return g_hash_table_lookup (_hcc_sim_get_world (sim)->devices_by_id, camera->device_id);
}

/* Reads an optional integer member; FALSE (with an error reply) when it is
 * present but not a number. */
static gboolean
get_optional_int (JsonObject  *object,
                  const char  *member,
                  gint64       fallback,
                  gint64      *value,
                  HccSimReply *reply)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      *json_node_get_string (node) == '\0')
    return TRUE;
  if (!_hcc_sim_get_int (object, member, value)) {
    _hcc_sim_reply_error (reply, "OPEN000010", "%s is not a number", member);
    return FALSE;
  }
  return TRUE;
}

static char *
ezopen_time (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y%m%d%H%M%S") : g_strdup ("0");
}

/* Endpoints */

static void
live_address_get (HccSim              *sim,
                  const HccSimRequest *request,
                  HccSimReply         *reply)
{
  Video *self = video_get (sim);
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *body = request->object;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  const char *resource_id;
  const char *serial;
  const char *code;
  HccSimCamera *camera;
  HccSimDevice *device;
  gint64 type, protocol, quality, expire_s;
  gint64 start_ms = 0, stop_ms = 0, expire_ms;

  if (body == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000010", "The request body must be an object");
    return;
  }

  resource_id = _hcc_sim_get_string (body, "resourceId");
  serial = _hcc_sim_get_string (body, "deviceSerial");
  code = _hcc_sim_get_string (body, "code");
  if (resource_id == NULL || *resource_id == '\0' || strlen (resource_id) > 64) {
    _hcc_sim_reply_error (reply, "OPEN000010", "resourceId is required (at most 64 characters)");
    return;
  }
  if (serial == NULL || *serial == '\0' || strlen (serial) > 32) {
    _hcc_sim_reply_error (reply, "OPEN000010", "deviceSerial is required (at most 32 characters)");
    return;
  }
  if (code != NULL && strlen (code) > 16) {
    _hcc_sim_reply_error (reply, "OPEN000010", "code is at most 16 characters");
    return;
  }
  if (!_hcc_sim_get_int (body, "type", &type) || type < 1 || type > 3) {
    _hcc_sim_reply_error (reply, "OPEN000010", "type must be 1, 2 or 3");
    return;
  }
  if (!get_optional_int (body, "protocol", 1, &protocol, reply) ||
      !get_optional_int (body, "quality", 1, &quality, reply) ||
      !get_optional_int (body, "expireTime", DEFAULT_EXPIRE_S, &expire_s, reply))
    return;
  if (protocol < 1 || protocol > 3) {
    _hcc_sim_reply_error (reply, "OPEN000010", "protocol must be 1, 2 or 3");
    return;
  }
  if (quality < 1 || quality > 2) {
    _hcc_sim_reply_error (reply, "OPEN000010", "quality must be 1 or 2");
    return;
  }
  if (protocol == 3 && (expire_s < RTMP_MIN_EXPIRE_S || expire_s > RTMP_MAX_EXPIRE_S)) {
    _hcc_sim_reply_error (reply, "OPEN000010",
                          "expireTime must be between 30 seconds and 720 days for RTMP");
    return;
  }
  if (expire_s < 1 || expire_s > RTMP_MAX_EXPIRE_S) {
    _hcc_sim_reply_error (reply, "OPEN000010", "expireTime must be between 1 second and 720 days");
    return;
  }
  /* Guide L4758-4762: playback types are invalid with RTMP, and so is
   * stream encryption. */
  if (protocol == 3 && type != 1) {
    _hcc_sim_reply_error (reply, "OPEN000010", "Playback is not supported with RTMP");
    return;
  }
  if (protocol != 1 && code != NULL && *code != '\0') {
    _hcc_sim_reply_error (reply, "OPEN000010", "Stream encryption is not supported with HLS or RTMP");
    return;
  }

  camera = g_hash_table_lookup (world->cameras_by_id, resource_id);
  if (camera == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000503", "The camera resource does not exist");
    return;
  }
  device = camera_device (sim, camera);
  if (device == NULL || g_strcmp0 (device->serial, serial) != 0) {
    _hcc_sim_reply_error (reply, "OPEN000501", "The device does not exist");
    return;
  }
  if (!camera->online || !device->online) {
    _hcc_sim_reply_error (reply, "EVZ20007", "The device is offline");
    return;
  }

  if (type != 1) {
    const char *start = _hcc_sim_get_string (body, "startTime");
    const char *stop = _hcc_sim_get_string (body, "stopTime");

    if (start == NULL || stop == NULL ||
        !_hcc_sim_parse_time (start, &start_ms) || !_hcc_sim_parse_time (stop, &stop_ms)) {
      _hcc_sim_reply_error (reply, "OPEN000026",
                            "startTime and stopTime must be yyyy-MM-dd HH:mm:ss");
      return;
    }
    if (start_ms >= stop_ms) {
      _hcc_sim_reply_error (reply, "OPEN000030", "startTime must be before stopTime");
      return;
    }
    if (start_ms > request->now_ms) {
      _hcc_sim_reply_error (reply, "OPEN000011", "There is no recording in the future");
      return;
    }
  }

  id = _hcc_sim_new_id (sim);
  expire_ms = request->now_ms + expire_s * 1000;
  key = g_strdup_printf ("%s_%u_%d", device->serial, camera->channel_no, (int) quality);

  if (protocol == 1) {
    /* EZOPEN is played by the vendor's SDK only; the URL has the guide's
     * shape, and expireTime is meaningless for it. */
    if (type == 1) {
      url = g_strdup_printf ("ezopen://open.ezviz.com/%s/%u%s.live", device->serial,
                             camera->channel_no, quality == 1 ? ".hd" : "");
    } else {
      g_autofree char *begin = ezopen_time (start_ms);
      g_autofree char *end = ezopen_time (stop_ms);

      url = g_strdup_printf ("ezopen://open.ezviz.com/%s/%u%s.rec?begin=%s&end=%s",
                             device->serial, camera->channel_no,
                             type == 3 ? ".cloud" : "", begin, end);
    }
  } else if (protocol == 2) {
    if (type != 1) {
      guint seconds = (guint) MIN ((stop_ms - start_ms + 999) / 1000, MAX_VOD_SECONDS);
      g_autofree char *pb_key = g_strdup_printf ("%s_%d_%" G_GINT64_FORMAT "_%u",
                                                key, (int) type, start_ms / 1000, seconds);

      g_free (key);
      key = g_steal_pointer (&pb_key);
      ensure_stream (self, key, camera->id, camera->name, (guint) quality, start_ms, seconds);
    } else {
      ensure_stream (self, key, camera->id, camera->name, (guint) quality, 0, 0);
    }
    url = g_strdup_printf ("%s/media/hls/%s/index.m3u8?expire=%" G_GINT64_FORMAT "&id=%s",
                           _hcc_sim_get_base_url (sim), key, expire_ms / 1000, id);
  } else {
    const char *rtmp_base = _hcc_sim_get_rtmp_base_url (sim);

    /* Without an RTMP server to push to there is nothing to play: the
     * platform's answer for a device that cannot serve the request. */
    if (rtmp_base == NULL || *rtmp_base == '\0') {
      _hcc_sim_reply_error (reply, "OPEN000550",
                            "No response to the request: RTMP is not available");
      return;
    }
    if (!ensure_push (self, key, camera, (guint) quality, expire_ms, request->now_ms, &error)) {
      g_debug ("Cannot push %s: %s", key, error->message);
      _hcc_sim_reply_error (reply, "OPEN000552", "The stream cannot be started");
      return;
    }
    url = g_strdup_printf ("%s/%s?expire=%" G_GINT64_FORMAT "&id=%s", rtmp_base, key,
                           expire_ms / 1000, id);
  }

  data = json_object_new ();
  json_object_set_string_member (data, "id", id);
  json_object_set_string_member (data, "url", url);
  json_object_set_int_member (data, "expireTime", expire_ms);
  _hcc_sim_reply_data (reply, json_node_init_object (json_node_alloc (), data));
}

/* Recording segments are a pure function of the camera, the storage and
 * the day: continuous with a few gaps, never in the future. */
static void
add_day_segments (const char *camera_id,
                  gint64      target_type,
                  gint64      day_start_ms,
                  gint64      now_ms,
                  GArray     *segments)
{
  g_autoptr(GRand) rand = NULL;
  gint64 day_end_ms = day_start_ms + DAY_MS;
  gint64 t;

  rand = g_rand_new_with_seed (g_str_hash (camera_id) ^ (guint32) (day_start_ms / DAY_MS) ^
                               (guint32) (target_type * 7919));
  t = day_start_ms + g_rand_int_range (rand, 0, 20) * 60000;
  while (t < day_end_ms && t < now_ms) {
    gint64 length = g_rand_int_range (rand, 30, 300) * G_GINT64_CONSTANT (60000) +
                    g_rand_int_range (rand, 0, 60) * 1000;
    gint64 gap = g_rand_int_range (rand, 1, 20) * G_GINT64_CONSTANT (60000) +
                 g_rand_int_range (rand, 0, 60) * 1000;
    gint64 pair[2] = { t, MIN (MIN (t + length, day_end_ms), now_ms) };

    g_array_append_vals (segments, pair, 2);
    t = pair[1] + gap;
  }
}

static gint64
local_day_start (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  /* Out of GDateTime's range (years 1-9999): plain UTC days will do. */
  if (utc == NULL || (local = g_date_time_to_local (utc)) == NULL)
    return ms - ((ms % DAY_MS) + DAY_MS) % DAY_MS;
  midnight = g_date_time_new (g_date_time_get_timezone (local),
                              g_date_time_get_year (local),
                              g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local),
                              0, 0, 0);
  if (midnight == NULL)
    return ms - ((ms % DAY_MS) + DAY_MS) % DAY_MS;

  return g_date_time_to_unix (midnight) * 1000;
}

static void
record_element_search (HccSim              *sim,
                       const HccSimRequest *request,
                       HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *body = request->object;
  JsonObject *filter;
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonObject) data = NULL;
  JsonArray *list;
  const char *camera_id;
  const char *begin_text;
  const char *end_text;
  gint64 page_index, page_size, target_type, time_type;
  gint64 begin_ms, end_ms, day;
  guint n, first;

  if (body == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000010", "The request body must be an object");
    return;
  }
  if (!_hcc_sim_get_int (body, "pageIndex", &page_index) || page_index < 1 ||
      !_hcc_sim_get_int (body, "pageSize", &page_size) || page_size < 1) {
    _hcc_sim_reply_error (reply, "OPEN000010", "pageIndex and pageSize must be at least 1");
    return;
  }
  if (page_size > 500) {
    _hcc_sim_reply_error (reply, "OPEN000025", "The page size must be 1 to 500");
    return;
  }
  camera_id = _hcc_sim_get_string (body, "cameraId");
  if (camera_id == NULL || *camera_id == '\0') {
    _hcc_sim_reply_error (reply, "VMS051026", "The camera ID is empty");
    return;
  }
  filter = _hcc_sim_get_object (body, "filter");
  if (filter == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000010", "filter is required");
    return;
  }
  if (!_hcc_sim_get_int (filter, "targetType", &target_type) || target_type < 0 || target_type > 1 ||
      !_hcc_sim_get_int (filter, "timeType", &time_type) || time_type < 0 || time_type > 1) {
    _hcc_sim_reply_error (reply, "OPEN000010", "filter.timeType and filter.targetType must be 0 or 1");
    return;
  }
  begin_text = _hcc_sim_get_string (filter, "beginTime");
  end_text = _hcc_sim_get_string (filter, "endTime");
  if (begin_text == NULL || end_text == NULL ||
      !_hcc_sim_parse_time (begin_text, &begin_ms) || !_hcc_sim_parse_time (end_text, &end_ms)) {
    _hcc_sim_reply_error (reply, "VMS051027", "Invalid time format, use yyyy-MM-ddTHH:mm:ss+08:00");
    return;
  }
  if (begin_ms >= end_ms) {
    _hcc_sim_reply_error (reply, "VMS051028", "The start time must be before the end time");
    return;
  }
  if (end_ms - begin_ms > MAX_RECORD_RANGE_DAYS * DAY_MS) {
    _hcc_sim_reply_error (reply, "OPEN000027", "The search range is at most %d days",
                          MAX_RECORD_RANGE_DAYS);
    return;
  }
  if (g_hash_table_lookup (world->cameras_by_id, camera_id) == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000503", "The camera resource does not exist");
    return;
  }

  /* There are no recordings in the future, so the days end at "now". */
  for (day = local_day_start (begin_ms); day < MIN (end_ms, request->now_ms);
       day = local_day_start (day + DAY_MS + 3600000))
    add_day_segments (camera_id, target_type, day, request->now_ms, segments);

  data = json_object_new ();
  json_object_set_int_member (data, "pageIndex", page_index);
  json_object_set_int_member (data, "pageSize", page_size);
  list = json_array_new ();
  /* pageIndex may be anything up to G_MAXINT64: no overflow on the way. */
  first = page_index - 1 > G_MAXUINT / page_size ? G_MAXUINT : (guint) ((page_index - 1) * page_size);
  n = 0;
  for (guint i = 0; i + 1 < segments->len; i += 2) {
    gint64 seg_begin = MAX (g_array_index (segments, gint64, i), begin_ms);
    gint64 seg_end = MIN (g_array_index (segments, gint64, i + 1), end_ms);
    g_autoptr(JsonObject) item = NULL;
    g_autofree char *b = NULL;
    g_autofree char *e = NULL;

    if (seg_begin >= seg_end)
      continue;
    if (n++ < first)
      continue;
    if (json_array_get_length (list) >= (guint) page_size)
      break;

    b = _hcc_sim_format_iso8601 (seg_begin);
    e = _hcc_sim_format_iso8601 (seg_end);
    item = json_object_new ();
    json_object_set_string_member (item, "beginTime", b);
    json_object_set_string_member (item, "endTime", e);
    json_object_set_int_member (item, "targetType", target_type);
    json_array_add_object_element (list, g_steal_pointer (&item));
  }
  /* The guide's table calls it recordSetting, its example recordList (T6):
   * reply as the example does. */
  json_object_set_array_member (data, "recordList", list);
  _hcc_sim_reply_data (reply, json_node_init_object (json_node_alloc (), data));
}

static char *
utc_stamp (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);

  return utc != NULL ? g_date_time_format (utc, "%Y%m%dT%H%M%SZ") : g_strdup ("0");
}

static void
video_save (HccSim              *sim,
            const HccSimRequest *request,
            HccSimReply         *reply)
{
  Video *self = video_get (sim);
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *body = request->object;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hex1 = NULL;
  g_autofree char *hex2 = NULL;
  g_autofree char *b = NULL;
  g_autofree char *e = NULL;
  const char *camera_id;
  const char *begin_text;
  const char *end_text;
  HccSimCamera *camera;
  HccSimDevice *device;
  ClipTask *clip;
  gint64 begin_ms, end_ms, voice;
  guint seconds;

  if (body == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000010", "The request body must be an object");
    return;
  }
  camera_id = _hcc_sim_get_string (body, "cameraId");
  if (camera_id == NULL || *camera_id == '\0') {
    _hcc_sim_reply_error (reply, "VMS051026", "The camera ID is empty");
    return;
  }
  if (!get_optional_int (body, "voiceSwitch", 2, &voice, reply))
    return;
  if (voice < 0 || voice > 2) {
    _hcc_sim_reply_error (reply, "OPEN000010", "voiceSwitch must be 0, 1 or 2");
    return;
  }
  begin_text = _hcc_sim_get_string (body, "beginTime");
  end_text = _hcc_sim_get_string (body, "endTime");
  if (begin_text == NULL || end_text == NULL ||
      !_hcc_sim_parse_time (begin_text, &begin_ms) || !_hcc_sim_parse_time (end_text, &end_ms)) {
    _hcc_sim_reply_error (reply, "VMS051027", "Invalid time format, use yyyy-MM-ddTHH:mm:ss+08:00");
    return;
  }
  if (begin_ms >= end_ms) {
    _hcc_sim_reply_error (reply, "VMS051028", "The start time must be before the end time");
    return;
  }
  if (end_ms - begin_ms > MAX_CLIP_REQUEST_S * 1000) {
    _hcc_sim_reply_error (reply, "OPEN000010", "A clip is at most %d seconds long",
                          MAX_CLIP_REQUEST_S);
    return;
  }
  camera = g_hash_table_lookup (world->cameras_by_id, camera_id);
  if (camera == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000503", "The camera resource does not exist");
    return;
  }
  device = camera_device (sim, camera);
  if (device == NULL || !device->online || !camera->online) {
    _hcc_sim_reply_error (reply, "EVZ20007", "The device is offline");
    return;
  }

  hex1 = _hcc_sim_new_hex_id (sim);
  hex2 = _hcc_sim_new_hex_id (sim);
  b = utc_stamp (begin_ms);
  e = utc_stamp (end_ms);
  seconds = (guint) MIN ((end_ms - begin_ms + 999) / 1000, MAX_CLIP_SECONDS);

  clip = g_new0 (ClipTask, 1);
  clip->video = self;
  clip->task_id = g_strdup_printf ("%s#%s", hex1, hex2);
  clip->file_name = g_strdup_printf ("%s_%s_%s.mp4", hex2, b, e);
  clip->path = g_build_filename (self->root, clip->file_name, NULL);
  clip->status = 1;
  clip->created_ms = request->now_ms;
  clip->expire_ms = request->now_ms + CLIP_URL_VALIDITY_S * 1000;

  if (!clip_start (clip, camera, begin_ms, seconds, &error)) {
    g_debug ("Cannot make clip %s: %s", clip->file_name, error->message);
    clip->status = 2;
  }
  g_hash_table_insert (self->clips, clip->task_id, clip);
  g_hash_table_insert (self->clips_by_file, clip->file_name, clip);

  data = json_object_new ();
  json_object_set_string_member (data, "taskId", clip->task_id);
  _hcc_sim_reply_data (reply, json_node_init_object (json_node_alloc (), data));
}

static void
video_download_url (HccSim              *sim,
                    const HccSimRequest *request,
                    HccSimReply         *reply)
{
  Video *self = video_get (sim);
  JsonObject *body = request->object;
  g_autoptr(JsonObject) data = NULL;
  JsonArray *urls;
  const char *task_id;
  ClipTask *clip;
  int status;

  task_id = body != NULL ? _hcc_sim_get_string (body, "taskId") : NULL;
  if (task_id == NULL || *task_id == '\0') {
    _hcc_sim_reply_error (reply, "OPEN000010", "taskId is required");
    return;
  }
  clip = g_hash_table_lookup (self->clips, task_id);
  if (clip == NULL) {
    _hcc_sim_reply_error (reply, "VMS000003", "The task does not exist");
    return;
  }

  status = clip->status;
  if (status == 0 && request->now_ms > clip->expire_ms)
    status = 3;

  data = json_object_new ();
  urls = json_array_new ();
  json_object_set_int_member (data, "status", status);
  json_object_set_int_member (data, "expireTime", clip->expire_ms);
  if (status == 0) {
    g_autofree char *stamp = utc_stamp (request->now_ms);
    g_autofree char *url = g_strdup_printf ("%s/media/clips/%s?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                                            "&X-Amz-Date=%s&X-Amz-Expires=%d"
                                            "&X-Amz-SignedHeaders=host",
                                            _hcc_sim_get_base_url (sim), clip->file_name,
                                            stamp, CLIP_URL_VALIDITY_S);

    json_array_add_string_element (urls, url);
  }
  json_object_set_array_member (data, "urls", urls);
  _hcc_sim_reply_data (reply, json_node_init_object (json_node_alloc (), data));
}

static void
control_video (HccSim              *sim,
               const HccSimRequest *request,
               HccSimReply         *reply)
{
  Video *self = video_get (sim);
  g_autoptr(JsonObject) data = NULL;
  gint64 value;

  if (request->object != NULL && json_object_has_member (request->object, "idle_timeout_s")) {
    if (!_hcc_sim_get_int (request->object, "idle_timeout_s", &value) || value < 1 || value > 3600) {
      _hcc_sim_reply_error (reply, "OPEN000010", "idle_timeout_s must be 1 to 3600");
      reply->http_status = 400;
      return;
    }
    self->idle_timeout_s = (guint) value;
  }

  /* Benchmarks compare the preview's start with and without warm streams. */
  if (request->object != NULL && json_object_has_member (request->object, "warm_calls")) {
    JsonNode *node = json_object_get_member (request->object, "warm_calls");

    if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN) {
      _hcc_sim_reply_error (reply, "OPEN000010", "warm_calls must be true or false");
      reply->http_status = 400;
      return;
    }
    self->warm_calls = json_node_get_boolean (node);
  }

  /* Fault injection: every running stream's pipeline reports an error, as
   * a failing element would, to exercise the restart path. */
  if (request->object != NULL && json_object_has_member (request->object, "fail_streams")) {
    GHashTableIter iter;
    HlsStream *stream;

    g_hash_table_iter_init (&iter, self->streams);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stream)) {
      if (stream->pipeline != NULL) {
        g_autoptr(GError) error = g_error_new_literal (GST_STREAM_ERROR,
                                                       GST_STREAM_ERROR_FAILED,
                                                       "Injected by the control port");

        gst_element_post_message (stream->pipeline,
                                  gst_message_new_error (GST_OBJECT (stream->pipeline),
                                                         error, NULL));
      }
    }
  }

  data = json_object_new ();
  json_object_set_int_member (data, "idle_timeout_s", self->idle_timeout_s);
  json_object_set_boolean_member (data, "warm_calls", self->warm_calls);
  json_object_set_int_member (data, "streams", g_hash_table_size (self->streams));
  json_object_set_int_member (data, "rtmp_pushes", g_hash_table_size (self->pushes));
  _hcc_sim_reply_data (reply, json_node_init_object (json_node_alloc (), data));
}

static void
video_free (gpointer data)
{
  Video *self = data;

  clear_source (&self->idle_check);
  g_clear_pointer (&self->streams, g_hash_table_unref);
  g_clear_pointer (&self->pushes, g_hash_table_unref);
  g_clear_pointer (&self->clips_by_file, g_hash_table_unref);
  g_clear_pointer (&self->clips, g_hash_table_unref);
  g_clear_pointer (&self->teardowns, g_ptr_array_unref);
  g_clear_pointer (&self->held, g_hash_table_unref);
  remove_tree (self->root);
  g_debug ("Video stopped, %s removed", self->root);
  g_free (self->root);
  g_main_context_unref (self->context);
  g_free (self);
}

void
_hcc_sim_video_init (HccSim *sim)
{
  Video *self;
  const char *env;
  guint64 value;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HCC_IS_SIM (sim));

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  self = g_new0 (Video, 1);
  self->sim = sim;
  self->context = g_main_context_ref (_hcc_sim_get_context (sim));
  self->idle_timeout_s = DEFAULT_IDLE_TIMEOUT_S;
  env = g_getenv ("HCC_SIM_VIDEO_IDLE_TIMEOUT_S");
  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 3600, &value, NULL))
    self->idle_timeout_s = (guint) value;
  self->root = g_dir_make_tmp ("hcc-sim-video-XXXXXX", &error);
  if (self->root == NULL)
    g_debug ("No temp dir for video, streams and clips will fail: %s", error->message);
  self->streams = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, hls_stream_free);
  self->pushes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, rtmp_push_free);
  self->clips = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, clip_task_free);
  self->clips_by_file = g_hash_table_new (g_str_hash, g_str_equal);
  self->teardowns = g_ptr_array_new_with_free_func (teardown_join);
  self->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->warm_calls = TRUE;
  self->idle_check = g_timeout_source_new_seconds (1);
  g_source_set_callback (self->idle_check, idle_check_cb, self, NULL);
  g_source_attach (self->idle_check, self->context);
  g_object_set_data_full (G_OBJECT (sim), VIDEO_DATA_KEY, self, video_free);

  _hcc_sim_add_route (sim, "POST", "/video/v1/live/address/get",
                      HCC_SIM_ENVELOPE_MESSAGE, live_address_get);
  _hcc_sim_add_route (sim, "POST", "/video/v1/record/element/search",
                      HCC_SIM_ENVELOPE_MESSAGE, record_element_search);
  _hcc_sim_add_route (sim, "POST", "/video/v1/video/save",
                      HCC_SIM_ENVELOPE_MESSAGE, video_save);
  _hcc_sim_add_route (sim, "POST", "/video/v1/video/download/url",
                      HCC_SIM_ENVELOPE_MESSAGE, video_download_url);
  _hcc_sim_add_control_route (sim, "POST", "/control/video", control_video);
  _hcc_sim_add_media_handler (sim, "/media", media_cb, sim);
}

void
_hcc_sim_video_shutdown (HccSim *sim)
{
  Video *self;

  g_return_if_fail (HCC_IS_SIM (sim));

  self = video_get (sim);
  if (self == NULL)
    return;

  /* Dropping the tables hands every pipeline to a teardown thread; freeing
   * the module joins them, so nothing plays and no file is left once this
   * returns. */
  g_object_set_data (G_OBJECT (sim), VIDEO_DATA_KEY, NULL);
}

/* Counts the ringing calls of a station: the first one warms its streams,
 * and the last one's end lets them stop after the usual idle timeout. */
static void
change_hold (HccSim     *sim,
             const char *device_id,
             int         delta)
{
  Video *self;
  guint count;

  g_return_if_fail (HCC_IS_SIM (sim));
  g_return_if_fail (device_id != NULL);

  /* At shutdown the video module may already be gone. */
  self = video_get (sim);
  if (self == NULL)
    return;

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->held, device_id));
  if (delta < 0 && count <= 1) {
    g_hash_table_remove (self->held, device_id);
    return;
  }
  g_hash_table_insert (self->held, g_strdup (device_id), GUINT_TO_POINTER (count + delta));
  warm_station (self, device_id);
}

void
_hcc_sim_video_hold_station (HccSim     *sim,
                             const char *device_id)
{
  change_hold (sim, device_id, 1);
}

void
_hcc_sim_video_release_station (HccSim     *sim,
                                const char *device_id)
{
  change_hold (sim, device_id, -1);
}
