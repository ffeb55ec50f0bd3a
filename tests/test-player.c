/* test-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gtk/gtk.h>
#include <libsoup/soup.h>

#include "concierge-player.h"
#include "concierge-player-view.h"

/* The player against streams made and served inside the test: a live HLS
 * stream (hlssink2 into a temp dir) and an MP4 clip, both served by a
 * SoupServer on a loopback port. The stream source is one helper
 * (stream_start_hls), so it can later point at hcc-sim's stream instead. */

#define TIMEOUT_S 30

typedef struct
{
  SoupServer  *server;
  char        *dir;
  char        *base_uri;     /* http://127.0.0.1:PORT */
  GPtrArray   *queries;      /* queries seen for the playlist, in order */
  GstElement  *hls_pipeline; /* (nullable) */
  char        *hls_uri;      /* (nullable) */
  char        *mp4_path;
} Fixture;

static gboolean have_display;

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until the condition holds. Bus watches, frame
 * idles and the server wake it; a short tick covers conditions nothing
 * signals (a file written by hlssink2's thread). */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  guint timeout_id = g_timeout_add_seconds (TIMEOUT_S, timeout_cb, (gpointer) what);
  guint tick_id = g_timeout_add (20, tick_cb, NULL);

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick_id);
  g_source_remove (timeout_id);
}

static gboolean
no_pending_stops (gpointer data)
{
  return concierge_player_get_n_pending_stops () == 0;
}

static gboolean
ten_frames_shown (gpointer data)
{
  return concierge_player_get_frames_shown (data) >= 10;
}

static gboolean
is_playing (gpointer data)
{
  return concierge_player_get_state (data) == CONCIERGE_PLAYER_STATE_PLAYING;
}

static gboolean
is_error (gpointer data)
{
  return concierge_player_get_state (data) == CONCIERGE_PLAYER_STATE_ERROR;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_flag_cb (gboolean *flag)
{
  *flag = TRUE;
}

static const char *
content_type_for (const char *path)
{
  if (g_str_has_suffix (path, ".m3u8"))
    return "application/vnd.apple.mpegurl";
  if (g_str_has_suffix (path, ".ts"))
    return "video/mp2t";
  if (g_str_has_suffix (path, ".mp4"))
    return "video/mp4";
  return "application/octet-stream";
}

static void
serve_file_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *f = user_data;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  GUri *uri = soup_server_message_get_uri (msg);
  gsize length;

  if (g_str_has_suffix (path, ".m3u8"))
    g_ptr_array_add (f->queries, g_strdup (g_uri_get_query (uri) ? g_uri_get_query (uri) : ""));

  /* Small files from a temp dir; a test server may read them synchronously. */
  file = g_build_filename (f->dir, path, NULL);
  if (strstr (path, "..") != NULL || !g_file_get_contents (file, &contents, &length, NULL)) {
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    return;
  }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type_for (path), SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&contents), length);
}

static void
make_mp4 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autofree char *description = NULL;

  description = g_strdup_printf ("videotestsrc num-buffers=50 pattern=ball ! "
                                 "video/x-raw,width=320,height=240,framerate=25/1 ! "
                                 "x264enc speed-preset=ultrafast ! h264parse ! "
                                 "mp4mux faststart=true ! filesink location=\"%s\"", path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, TIMEOUT_S * GST_SECOND,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static gboolean
playlist_ready (gpointer data)
{
  Fixture *f = data;
  g_autofree char *path = g_build_filename (f->dir, "live.m3u8", NULL);
  g_autofree char *contents = NULL;

  /* Two segments listed: a player joining now has something to play. */
  return g_file_get_contents (path, &contents, NULL, NULL) &&
         strstr (contents, "segment00001.ts") != NULL;
}

/* The replaceable source of the live stream: a GStreamer-made HLS stream of
 * 640x360 at 25 fps with one-second segments. */
static void
stream_start_hls (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  description = g_strdup_printf ("videotestsrc is-live=true ! "
                                 "video/x-raw,width=640,height=360,framerate=25/1 ! "
                                 "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=25 ! "
                                 "video/x-h264,profile=baseline ! h264parse ! "
                                 "hlssink2 location=\"%s/segment%%05d.ts\" "
                                 "playlist-location=\"%s/live.m3u8\" target-duration=1 "
                                 "playlist-length=5 max-files=10",
                                 f->dir, f->dir);
  f->hls_pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_element_set_state (f->hls_pipeline, GST_STATE_PLAYING);
  wait_until (playlist_ready, f, "the HLS playlist");
  f->hls_uri = g_strdup_printf ("%s/live.m3u8", f->base_uri);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  f->dir = g_dir_make_tmp ("concierge-player-XXXXXX", &error);
  g_assert_no_error (error);
  f->queries = g_ptr_array_new_with_free_func (g_free);

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, serve_file_cb, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base_uri = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));

  f->mp4_path = g_build_filename (f->dir, "clip.mp4", NULL);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *child = g_build_filename (path, name, NULL);

    if (g_file_test (child, G_FILE_TEST_IS_DIR))
      remove_dir (child);
    else
      g_unlink (child);
  }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* Players tear down in threads; let them finish before the server goes. */
  wait_until (no_pending_stops, NULL, "pipelines to stop");

  if (f->hls_pipeline != NULL) {
    gst_element_set_state (f->hls_pipeline, GST_STATE_NULL);
    gst_clear_object (&f->hls_pipeline);
  }
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->base_uri);
  g_free (f->hls_uri);
  g_free (f->mp4_path);
  g_ptr_array_unref (f->queries);
}

static void
test_player_defaults (Fixture       *f,
                      gconstpointer  data)
{
  ConciergePlayer *player = concierge_player_new ();

  g_assert_true (concierge_player_get_muted (player));
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_IDLE);
  g_assert_nonnull (concierge_player_get_paintable (player));
  g_assert_cmpint (concierge_player_get_first_frame_time (player), ==, -1);

  /* Playing without a link does nothing; an unknown scheme is a clean error. */
  concierge_player_play (player);
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_IDLE);
  concierge_player_set_uri (player, "ezopen://open.ys7.com/L26577519/1.live");
  concierge_player_play (player);
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_ERROR);
  g_assert_cmpstr (concierge_player_get_error_message (player), !=, NULL);
  g_assert_cmpstr (concierge_player_get_error_message (player), !=, "");

  g_assert_finalize_object (player);
}

static void
test_player_hls_live (Fixture       *f,
                      gconstpointer  data)
{
  ConciergePlayer *player = concierge_player_new ();
  GdkPaintable *paintable;
  guint ticks = 0;

  stream_start_hls (f);

  concierge_player_set_uri (player, f->hls_uri);
  concierge_player_play (player);
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_CONNECTING);

  wait_until (ten_frames_shown, player, "ten HLS frames");
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_PLAYING);
  g_assert_cmpint (concierge_player_get_first_frame_time (player), >, 0);
  g_assert_null (concierge_player_get_error_message (player));

  paintable = concierge_player_get_paintable (player);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 640);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 360);

  /* Stopping returns at once and the pipeline goes to NULL in a worker
   * while this main loop keeps running. */
  concierge_player_stop (player);
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_IDLE);
  g_assert_cmpuint (concierge_player_get_n_pending_stops (), ==, 1);
  while (concierge_player_get_n_pending_stops () > 0) {
    g_main_context_iteration (NULL, TRUE);
    ticks++;
  }
  g_assert_cmpuint (ticks, >=, 1);

  g_assert_finalize_object (player);
}

static void
count_notify_cb (guint *counter)
{
  (*counter)++;
}

static void
test_player_hls_renewal (Fixture       *f,
                         gconstpointer  data)
{
  ConciergePlayer *player = concierge_player_new ();
  g_autofree char *renewed = NULL;
  guint first_frames = 0;
  guint shown;

  stream_start_hls (f);
  g_signal_connect_swapped (player, "notify::first-frame-time",
                            G_CALLBACK (count_notify_cb), &first_frames);

  concierge_player_set_uri (player, f->hls_uri);
  concierge_player_play (player);
  wait_until (ten_frames_shown, player, "ten HLS frames");
  shown = concierge_player_get_frames_shown (player);

  /* A renewed link while playing: the old stream goes, the new one plays. */
  renewed = g_strdup_printf ("%s?expire=2", f->hls_uri);
  concierge_player_set_uri (player, renewed);
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_CONNECTING);
  wait_until (is_playing, player, "the renewed stream");
  g_assert_cmpuint (concierge_player_get_frames_shown (player), >, shown);
  g_assert_cmpstr (g_ptr_array_index (f->queries, f->queries->len - 1), ==, "expire=2");
  g_assert_cmpstr (g_ptr_array_index (f->queries, 0), ==, "");
  /* first-frame-time: set, reset for the new link, set again. */
  g_assert_cmpuint (first_frames, ==, 3);
  g_assert_cmpint (concierge_player_get_first_frame_time (player), >, 0);

  g_assert_finalize_object (player);
}

static void
test_player_mp4_eos (Fixture       *f,
                     gconstpointer  data)
{
  ConciergePlayer *player = concierge_player_new ();
  g_autofree char *uri = NULL;
  GdkPaintable *paintable;
  gboolean ended = FALSE;

  make_mp4 (f->mp4_path);
  uri = g_strdup_printf ("%s/clip.mp4", f->base_uri);
  g_signal_connect_swapped (player, "eos", G_CALLBACK (set_flag_cb), &ended);

  concierge_player_set_uri (player, uri);
  concierge_player_play (player);
  wait_until (flag_set, &ended, "the end of the clip");

  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_IDLE);
  g_assert_cmpuint (concierge_player_get_frames_shown (player), >=, 10);
  paintable = concierge_player_get_paintable (player);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 320);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 240);

  g_assert_finalize_object (player);
}

static void
test_player_not_found_retry (Fixture       *f,
                             gconstpointer  data)
{
  ConciergePlayer *player = concierge_player_new ();
  g_autofree char *uri = NULL;
  g_autofree char *later_dir = NULL;
  g_autofree char *later_path = NULL;
  gboolean ended = FALSE;

  uri = g_strdup_printf ("%s/later/clip.mp4", f->base_uri);
  g_signal_connect_swapped (player, "eos", G_CALLBACK (set_flag_cb), &ended);

  concierge_player_set_uri (player, uri);
  concierge_player_play (player);
  wait_until (is_error, player, "the 404 error");
  g_assert_nonnull (concierge_player_get_error_message (player));
  g_assert_cmpuint (strlen (concierge_player_get_error_message (player)), >, 0);
  g_assert_cmpuint (concierge_player_get_frames_shown (player), ==, 0);

  /* The clip appears; Retry plays it. */
  later_dir = g_build_filename (f->dir, "later", NULL);
  later_path = g_build_filename (later_dir, "clip.mp4", NULL);
  g_assert_cmpint (g_mkdir (later_dir, 0700), ==, 0);
  make_mp4 (later_path);

  concierge_player_retry (player);
  g_assert_null (concierge_player_get_error_message (player));
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_CONNECTING);
  wait_until (flag_set, &ended, "the end of the clip after Retry");
  g_assert_cmpuint (concierge_player_get_frames_shown (player), >=, 10);

  g_assert_finalize_object (player);
}

static gboolean
is_buffering (gpointer data)
{
  return concierge_player_get_state (data) == CONCIERGE_PLAYER_STATE_BUFFERING;
}

static void
test_player_connect_timeout (Fixture       *f,
                             gconstpointer  data)
{
  ConciergePlayer *player = concierge_player_new ();
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  guint16 port;

  /* A server that takes the connection and never answers, like a device
   * that went offline behind the platform's relay. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("http://127.0.0.1:%u/live.m3u8", port);

  concierge_player_set_connect_timeout (player, 1);
  concierge_player_set_uri (player, uri);
  concierge_player_play (player);
  wait_until (is_error, player, "the connect timeout");
  g_assert_nonnull (concierge_player_get_error_message (player));
  g_assert_cmpint (concierge_player_get_first_frame_time (player), ==, -1);

  g_assert_finalize_object (player);
}

static void
test_player_hls_stall (Fixture       *f,
                       gconstpointer  data)
{
  ConciergePlayer *player = concierge_player_new ();

  stream_start_hls (f);
  concierge_player_set_uri (player, f->hls_uri);
  concierge_player_play (player);
  wait_until (ten_frames_shown, player, "ten HLS frames");

  /* The camera stops sending but the playlist stays live: the picture
   * must not just freeze. */
  gst_element_set_state (f->hls_pipeline, GST_STATE_PAUSED);
  wait_until (is_buffering, player, "the stall to show as buffering");
  g_assert_null (concierge_player_get_error_message (player));

  concierge_player_stop (player);
  g_assert_finalize_object (player);
}

static void
test_player_hls_ended (Fixture       *f,
                       gconstpointer  data)
{
  ConciergePlayer *player = concierge_player_new ();
  gboolean eos = FALSE;

  stream_start_hls (f);
  g_signal_connect_swapped (player, "eos", G_CALLBACK (set_flag_cb), &eos);
  concierge_player_set_uri (player, f->hls_uri);
  concierge_player_play (player);
  wait_until (ten_frames_shown, player, "ten HLS frames");

  /* hlssink2 ends the playlist when stopped: a live view that ends is an
   * error the desk can retry, not a silent stop. */
  gst_element_set_state (f->hls_pipeline, GST_STATE_NULL);
  wait_until (is_error, player, "the end of the live stream");
  g_assert_nonnull (concierge_player_get_error_message (player));
  g_assert_false (eos);

  g_assert_finalize_object (player);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
    if ((found = find_descendant (child, type)) != NULL)
      return found;
  }

  return NULL;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_player_view_states (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ConciergePlayer) player = concierge_player_new ();
  g_autofree char *missing = NULL;
  ConciergePlayerView *view;
  GtkWidget *window;
  GtkWidget *spinner;
  GtkWidget *button;
  GtkWidget *picture;

  if (!have_display) {
    g_test_skip ("No display");
    return;
  }

  stream_start_hls (f);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 320, 180);
  view = CONCIERGE_PLAYER_VIEW (concierge_player_view_new ());
  concierge_player_view_set_title (view, "Front door");
  concierge_player_view_set_player (view, player);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_mapped, view, "the view to map");

  picture = find_descendant (GTK_WIDGET (view), GTK_TYPE_PICTURE);
  spinner = find_descendant (GTK_WIDGET (view), GTK_TYPE_SPINNER);
  button = find_descendant (GTK_WIDGET (view), GTK_TYPE_BUTTON);
  g_assert_nonnull (picture);
  g_assert_nonnull (spinner);
  g_assert_nonnull (button);
  g_assert_true (gtk_picture_get_paintable (GTK_PICTURE (picture)) ==
                 concierge_player_get_paintable (player));
  g_assert_cmpstr (concierge_player_view_get_status_page (view), ==, "video");

  /* Connecting: the spinner shows and spins. */
  concierge_player_set_uri (player, f->hls_uri);
  concierge_player_play (player);
  g_assert_cmpstr (concierge_player_view_get_status_page (view), ==, "loading");
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  wait_until (widget_mapped, spinner, "the spinner to show");

  /* Playing: nothing covers the video. */
  wait_until (ten_frames_shown, player, "ten frames in the view");
  g_assert_cmpstr (concierge_player_view_get_status_page (view), ==, "video");
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  /* An error: the message and a focusable Retry button. */
  missing = g_strdup_printf ("%s/missing.m3u8", f->base_uri);
  concierge_player_set_uri (player, missing);
  wait_until (is_error, player, "the error page");
  g_assert_cmpstr (concierge_player_view_get_status_page (view), ==, "error");
  wait_until (widget_mapped, button, "the Retry button to show");
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_false (gtk_widget_get_mapped (spinner));
  g_assert_true (gtk_widget_grab_focus (button));

  /* Retry through the button goes back to connecting. */
  concierge_player_set_uri (player, f->hls_uri);
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_ERROR);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (concierge_player_view_get_status_page (view), ==, "loading");
  wait_until (is_playing, player, "playing after Retry");
  g_assert_cmpstr (concierge_player_view_get_status_page (view), ==, "video");

  concierge_player_stop (player);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
widget_laid_out (gpointer data)
{
  return gtk_widget_get_height (data) > 0;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found;

    if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
      return child;
    if ((found = find_label (child, text)) != NULL)
      return found;
  }

  return NULL;
}

/* The title is written under the picture, so it never covers what the
 * camera draws into it (its own name, its clock); it can be turned off
 * where the caller names the camera already. */
static void
test_player_view_title (Fixture       *f,
                        gconstpointer  data)
{
  ConciergePlayerView *view;
  GtkWidget *window;
  GtkWidget *picture;
  GtkWidget *title;
  graphene_rect_t picture_bounds;
  graphene_rect_t title_bounds;

  if (!have_display) {
    g_test_skip ("No display");
    return;
  }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 240);
  view = CONCIERGE_PLAYER_VIEW (concierge_player_view_new ());
  g_assert_true (concierge_player_view_get_show_title (view));
  concierge_player_view_set_title (view, "Front door");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  picture = find_descendant (GTK_WIDGET (view), GTK_TYPE_PICTURE);
  title = find_label (GTK_WIDGET (view), "Front door");
  g_assert_nonnull (picture);
  g_assert_nonnull (title);
  wait_until (widget_mapped, title, "the title to show");
  wait_until (widget_laid_out, picture, "the picture to get its size");
  g_assert_true (gtk_widget_compute_bounds (picture, GTK_WIDGET (view), &picture_bounds));
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (view), &title_bounds));
  g_assert_cmpfloat (picture_bounds.size.height, >, 100);
  g_assert_cmpfloat (title_bounds.origin.y, >=,
                     picture_bounds.origin.y + picture_bounds.size.height);

  concierge_player_view_set_show_title (view, FALSE);
  g_assert_false (gtk_widget_get_visible (title));
  g_assert_cmpstr (concierge_player_view_get_title (view), ==, "Front door");
  concierge_player_view_set_show_title (view, TRUE);
  g_assert_true (gtk_widget_get_visible (title));
  concierge_player_view_set_title (view, NULL);
  g_assert_false (gtk_widget_get_visible (title));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  have_display = gtk_init_check ();

  g_test_add ("/media/player/defaults", Fixture, NULL,
              fixture_setup, test_player_defaults, fixture_teardown);
  g_test_add ("/media/player/hls-live", Fixture, NULL,
              fixture_setup, test_player_hls_live, fixture_teardown);
  g_test_add ("/media/player/hls-renewal", Fixture, NULL,
              fixture_setup, test_player_hls_renewal, fixture_teardown);
  g_test_add ("/media/player/mp4-eos", Fixture, NULL,
              fixture_setup, test_player_mp4_eos, fixture_teardown);
  g_test_add ("/media/player/not-found-retry", Fixture, NULL,
              fixture_setup, test_player_not_found_retry, fixture_teardown);
  g_test_add ("/media/player/connect-timeout", Fixture, NULL,
              fixture_setup, test_player_connect_timeout, fixture_teardown);
  g_test_add ("/media/player/hls-stall", Fixture, NULL,
              fixture_setup, test_player_hls_stall, fixture_teardown);
  g_test_add ("/media/player/hls-ended", Fixture, NULL,
              fixture_setup, test_player_hls_ended, fixture_teardown);
  g_test_add ("/media/player-view/states", Fixture, NULL,
              fixture_setup, test_player_view_states, fixture_teardown);
  g_test_add ("/media/player-view/title", Fixture, NULL,
              fixture_setup, test_player_view_title, fixture_teardown);

  return g_test_run ();
}
