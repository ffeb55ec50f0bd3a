/* test-player-rtmp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <signal.h>
#include <sys/prctl.h>

#include "concierge-player.h"

/* The player against a live RTMP stream: nginx with Debian's rtmp module,
 * started by the test with its own prefix and config, fed by a GStreamer
 * pipeline in this process. */

#define NGINX "/usr/sbin/nginx"
#define RTMP_MODULE "/usr/lib/nginx/modules/ngx_rtmp_module.so"
#define TIMEOUT_S 30

typedef struct
{
  char        *dir;
  guint16      port;
  GSubprocess *nginx;
  GstElement  *pusher;
  char        *uri;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (gpointer data);

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

static guint16
find_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  /* Bind to port 0, read what the OS chose and give it to nginx. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
child_setup (gpointer user_data)
{
  /* nginx dies with the test, also when an assertion aborts it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
port_accepts (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", f->port, NULL, NULL);

  return connection != NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *error_log = NULL;
  g_autofree char *description = NULL;

  if (!g_file_test (NGINX, G_FILE_TEST_IS_EXECUTABLE) ||
      !g_file_test (RTMP_MODULE, G_FILE_TEST_EXISTS))
    return;

  f->dir = g_dir_make_tmp ("concierge-rtmp-XXXXXX", &error);
  g_assert_no_error (error);
  f->port = find_free_port ();

  conf = g_strdup_printf ("load_module %s;\n"
                          "daemon off;\n"
                          "master_process off;\n"
                          "pid %s/nginx.pid;\n"
                          "error_log %s/error.log;\n"
                          "events { worker_connections 64; }\n"
                          "rtmp { server { listen 127.0.0.1:%u; "
                          "application live { live on; } } }\n",
                          RTMP_MODULE, f->dir, f->dir, f->port);
  conf_path = g_build_filename (f->dir, "nginx.conf", NULL);
  g_file_set_contents (conf_path, conf, -1, &error);
  g_assert_no_error (error);
  error_log = g_build_filename (f->dir, "error.log", NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  f->nginx = g_subprocess_launcher_spawn (launcher, &error,
                                          NGINX, "-p", f->dir, "-c", conf_path,
                                          "-e", error_log, NULL);
  g_assert_no_error (error);
  wait_until (port_accepts, f, "nginx to listen");

  f->uri = g_strdup_printf ("rtmp://127.0.0.1:%u/live/test", f->port);
  description = g_strdup_printf ("videotestsrc is-live=true ! "
                                 "video/x-raw,width=640,height=360,framerate=25/1 ! "
                                 "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=25 ! "
                                 "video/x-h264,profile=baseline ! h264parse ! "
                                 "flvmux streamable=true ! rtmp2sink location=%s", f->uri);
  f->pusher = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_element_set_state (f->pusher, GST_STATE_PLAYING), !=,
                   GST_STATE_CHANGE_FAILURE);
}

static gboolean
no_pending_stops (gpointer data)
{
  return concierge_player_get_n_pending_stops () == 0;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *child = g_build_filename (path, name, NULL);

    g_unlink (child);
  }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  wait_until (no_pending_stops, NULL, "pipelines to stop");

  if (f->pusher != NULL) {
    gst_element_set_state (f->pusher, GST_STATE_NULL);
    gst_clear_object (&f->pusher);
  }
  if (f->nginx != NULL) {
    g_subprocess_force_exit (f->nginx);
    g_subprocess_wait (f->nginx, NULL, NULL);
    g_clear_object (&f->nginx);
  }
  if (f->dir != NULL)
    remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->uri);
}

static gboolean
ten_frames_shown (gpointer data)
{
  return concierge_player_get_frames_shown (data) >= 10;
}

static gboolean
is_error (gpointer data)
{
  return concierge_player_get_state (data) == CONCIERGE_PLAYER_STATE_ERROR;
}

static void
test_player_rtmp_live (Fixture       *f,
                       gconstpointer  data)
{
  ConciergePlayer *player;
  GdkPaintable *paintable;

  if (f->nginx == NULL) {
    g_test_skip ("nginx or its rtmp module is not installed");
    return;
  }

  player = concierge_player_new ();
  concierge_player_set_uri (player, f->uri);
  concierge_player_play (player);
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_CONNECTING);

  wait_until (ten_frames_shown, player, "ten RTMP frames");
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_PLAYING);
  g_assert_cmpint (concierge_player_get_first_frame_time (player), >, 0);
  g_test_message ("RTMP first frame after %.3f s",
                  concierge_player_get_first_frame_time (player) / 1e6);

  paintable = concierge_player_get_paintable (player);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 640);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 360);

  concierge_player_stop (player);
  g_assert_cmpint (concierge_player_get_state (player), ==, CONCIERGE_PLAYER_STATE_IDLE);
  g_assert_finalize_object (player);
}

static void
test_player_rtmp_refused (Fixture       *f,
                          gconstpointer  data)
{
  ConciergePlayer *player;
  g_autofree char *uri = NULL;

  if (f->nginx == NULL) {
    g_test_skip ("nginx or its rtmp module is not installed");
    return;
  }

  /* Nothing listens on a fresh free port: a clean error, no warning. */
  player = concierge_player_new ();
  uri = g_strdup_printf ("rtmp://127.0.0.1:%u/live/test", find_free_port ());
  concierge_player_set_uri (player, uri);
  concierge_player_play (player);
  wait_until (is_error, player, "the connection error");
  g_assert_nonnull (concierge_player_get_error_message (player));
  g_assert_cmpuint (concierge_player_get_frames_shown (player), ==, 0);

  g_assert_finalize_object (player);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add ("/media/player-rtmp/live", Fixture, NULL,
              fixture_setup, test_player_rtmp_live, fixture_teardown);
  g_test_add ("/media/player-rtmp/refused", Fixture, NULL,
              fixture_setup, test_player_rtmp_refused, fixture_teardown);

  return g_test_run ();
}
