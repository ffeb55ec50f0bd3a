/* bench-video.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "concierge-player.h"
#include "concierge-video-paintable.h"

/* Not a test: prints medians of time to first frame for HLS and RTMP, for
 * our player and for gst-launch-1.0 (and mpv when installed), and the CPU
 * share of playing 720p25 for a while. The streams are made by gst-launch
 * subprocesses (so encoding does not count against our process) and
 * served from here (HLS) or by an nginx started here (RTMP).
 *
 * Usage: bench-video [RUNS [CPU_SECONDS]]   (defaults 5 and 20) */

#define NGINX "/usr/sbin/nginx"
#define RTMP_MODULE "/usr/lib/nginx/modules/ngx_rtmp_module.so"
#define ENCODE "videotestsrc is-live=true ! video/x-raw,width=1280,height=720,framerate=25/1 ! " \
               "timeoverlay ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=25 " \
               "bitrate=2000 ! video/x-h264,profile=baseline ! h264parse"

static char *dir;

static void
child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GSubprocess *
spawn (GSubprocessFlags   flags,
       const char *const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("Cannot run %s: %s", argv[0], error->message);

  return process;
}

static GSubprocess *
spawn_shell_pipeline (const char *description)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;

  if (!g_shell_parse_argv (description, NULL, &words, &error))
    g_error ("%s", error->message);
  g_strv_builder_add_many (builder, "gst-launch-1.0", "-q", NULL);
  g_strv_builder_addv (builder, (const char **) words);
  args = g_strv_builder_end (builder);

  return spawn (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                (const char *const *) args);
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
serve_file_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  g_autofree char *file = g_build_filename (dir, path, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (strstr (path, "..") != NULL || !g_file_get_contents (file, &contents, &length, NULL)) {
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    return;
  }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg,
                                    g_str_has_suffix (path, ".m3u8") ?
                                    "application/vnd.apple.mpegurl" : "video/mp2t",
                                    SOUP_MEMORY_TAKE, g_steal_pointer (&contents), length);
}

static guint16
find_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_socket_bind (socket, address, TRUE, NULL);
  bound = g_socket_get_local_address (socket, NULL);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

/* Our player: seconds from play() to the first frame published on the main
 * thread (the property the player itself measures). */
static double
ours_first_frame (const char *uri)
{
  g_autoptr(ConciergePlayer) player = concierge_player_new ();
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  double seconds;

  concierge_player_set_uri (player, uri);
  concierge_player_play (player);
  while (concierge_player_get_first_frame_time (player) < 0 &&
         concierge_player_get_state (player) != CONCIERGE_PLAYER_STATE_ERROR &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  seconds = concierge_player_get_first_frame_time (player) / 1e6;
  concierge_player_stop (player);
  while (concierge_player_get_n_pending_stops () > 0)
    g_main_context_iteration (NULL, TRUE);

  return seconds;
}

/* The alternative HLS chain the brief asked to compare: hand-built
 * souphttpsrc ! hlsdemux ! tsdemux into the same paintable sink, timed the
 * same way (play to first frame published on this main thread). */
static double
explicit_hls_first_frame (const char *uri)
{
  g_autoptr(ConciergeVideoPaintable) paintable = concierge_video_paintable_new ();
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) tail = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 20 * G_USEC_PER_SEC;
  GstElement *sink;
  double seconds;

  description = g_strdup_printf ("souphttpsrc location=\"%s\" ! hlsdemux ! tsdemux ! "
                                 "h264parse ! avdec_h264 ! identity name=tail", uri);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  sink = concierge_video_paintable_create_sink (paintable);
  gst_bin_add (GST_BIN (pipeline), sink);
  tail = gst_bin_get_by_name (GST_BIN (pipeline), "tail");
  gst_element_link (tail, sink);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  while (concierge_video_paintable_get_frames_shown (paintable) == 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return seconds;
}

typedef struct
{
  char     *line;
  gboolean  done;
} LineRead;

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LineRead *read = user_data;

  read->line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result,
                                                     NULL, NULL);
  read->done = TRUE;
}

/* A peer process: seconds from spawn to the first line of stdout that
 * contains MARKER or a preroll (fakesink's "last-message" for its first buffer, printed
 * by gst-launch -v). This includes the process start and plugin registry
 * load, which is why a no-op pipeline is timed the same way as a baseline. */
static double
peer_first_line (const char *const *argv,
                 const char        *marker)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds = -1;

  process = spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, argv);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  /* Read asynchronously: the HLS server of this process must keep serving. */
  for (;;) {
    g_autofree char *line = NULL;
    LineRead read = { NULL, FALSE };

    g_data_input_stream_read_line_async (lines, G_PRIORITY_DEFAULT, NULL, line_read_cb, &read);
    while (!read.done)
      g_main_context_iteration (NULL, TRUE);
    line = read.line;
    if (line == NULL)
      break;
    /* A sink prerolls the first buffer when the pipeline is not live. */
    if (strstr (line, marker) != NULL || strstr (line, "last-message = preroll") != NULL) {
      seconds = (g_get_monotonic_time () - start) / 1e6;
      break;
    }
  }
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);

  return seconds;
}

static double
gst_launch_first_frame (const char *uri)
{
  g_autofree char *uri_arg = g_strdup_printf ("uri=%s", uri);
  const char *argv[] = {
    "gst-launch-1.0", "-v", "uridecodebin3", uri_arg, "!", "videoconvert", "!",
    "video/x-raw,format=BGRA", "!", "fakesink", "silent=false", "sync=true", NULL
  };

  return peer_first_line (argv, "last-message = chain");
}

static double
gst_launch_baseline (void)
{
  const char *argv[] = {
    "gst-launch-1.0", "-v", "videotestsrc", "num-buffers=1", "!", "fakesink", "silent=false", NULL
  };

  return peer_first_line (argv, "last-message = chain");
}

static double
mpv_first_frame (const char *uri)
{
  g_autoptr(GSubprocess) process = NULL;
  const char *argv[] = { "mpv", "--no-config", "--vo=null", "--ao=null", "--frames=1", uri, NULL };
  gint64 start = g_get_monotonic_time ();

  /* mpv exits after the first frame; the exit time is the measure. */
  process = spawn (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, argv);
  g_subprocess_wait (process, NULL, NULL);

  return (g_get_monotonic_time () - start) / 1e6;
}

static double
cpu_seconds_self (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
cpu_seconds_of (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &contents, NULL, NULL) ||
      (after_name = strrchr (contents, ')')) == NULL)
    return -1;
  /* Fields after "(comm)": state is 3rd overall, utime 14th, stime 15th. */
  fields = g_strsplit (after_name + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return -1;

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) /
         sysconf (_SC_CLK_TCK);
}

static void
measure_cpu (const char *uri,
             guint       seconds)
{
  g_autoptr(ConciergePlayer) player = concierge_player_new ();
  g_autoptr(GSubprocess) peer = NULL;
  g_autofree char *uri_arg = g_strdup_printf ("uri=%s", uri);
  double before, ours, theirs;
  guint frames;
  const char *argv[] = {
    "gst-launch-1.0", "-q", "uridecodebin3", uri_arg, "!", "videoconvert", "!",
    "video/x-raw,format=BGRA", "!", "fakesink", "sync=true", NULL
  };

  concierge_player_set_uri (player, uri);
  concierge_player_play (player);
  while (concierge_player_get_first_frame_time (player) < 0)
    g_main_context_iteration (NULL, TRUE);
  frames = concierge_player_get_frames_shown (player);
  before = cpu_seconds_self ();
  wait_ms (seconds * 1000);
  ours = cpu_seconds_self () - before;
  frames = concierge_player_get_frames_shown (player) - frames;
  concierge_player_stop (player);
  while (concierge_player_get_n_pending_stops () > 0)
    g_main_context_iteration (NULL, TRUE);

  peer = spawn (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, argv);
  wait_ms (1000);
  before = cpu_seconds_of (g_subprocess_get_identifier (peer));
  wait_ms (seconds * 1000);
  theirs = cpu_seconds_of (g_subprocess_get_identifier (peer)) - before;
  g_subprocess_force_exit (peer);
  g_subprocess_wait (peer, NULL, NULL);

  g_print ("CPU, HLS 720p25 for %u s (share of one core):\n", seconds);
  g_print ("  ours (whole process: player + HLS server)  %5.1f %%  (%.1f frames/s shown)\n",
           100 * ours / seconds, (double) frames / seconds);
  g_print ("  gst-launch-1.0 uridecodebin3 -> BGRA       %5.1f %%\n", 100 * theirs / seconds);
}

static gboolean
file_has (const char *path,
          const char *needle)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, needle) != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSubprocess) hls_encoder = NULL;
  g_autoptr(GSubprocess) nginx = NULL;
  g_autoptr(GSubprocess) rtmp_encoder = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *hls_uri = NULL;
  g_autofree char *rtmp_uri = NULL;
  g_autofree char *playlist = NULL;
  g_autofree char *description = NULL;
  g_autofree char *mpv = g_find_program_in_path ("mpv");
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 5;
  guint cpu_seconds = argc > 2 ? (guint) atoi (argv[2]) : 20;
  GArray *results[8];
  const char *labels[8] = {
    "HLS  ours (uridecodebin3 -> appsink paintable)",
    "HLS  gst-launch-1.0 uridecodebin3 (raw)",
    "HLS  mpv --vo=null --frames=1 (to exit)",
    "RTMP ours (rtmp2src ! flvdemux ! avdec_h264)",
    "RTMP gst-launch-1.0 uridecodebin3 (raw)",
    "RTMP mpv --vo=null --frames=1 (to exit)",
    "gst-launch-1.0 start-up baseline (videotestsrc)",
    "HLS  souphttpsrc ! hlsdemux ! tsdemux -> paintable",
  };
  guint16 port;

  gst_init (&argc, &argv);
  dir = g_dir_make_tmp ("concierge-bench-XXXXXX", &error);
  g_assert_no_error (error);

  /* HLS: encoder subprocess into DIR, served from this process. */
  description = g_strdup_printf (ENCODE " ! hlssink2 location=%s/segment%%05d.ts "
                                 "playlist-location=%s/live.m3u8 target-duration=1 "
                                 "playlist-length=5 max-files=10", dir, dir);
  hls_encoder = spawn_shell_pipeline (description);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve_file_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  hls_uri = g_strdup_printf ("http://127.0.0.1:%d/live.m3u8", g_uri_get_port (uris->data));
  playlist = g_build_filename (dir, "live.m3u8", NULL);
  while (!file_has (playlist, "segment00002.ts"))
    wait_ms (50);

  /* RTMP: nginx with its rtmp module, fed by an encoder subprocess. */
  if (g_file_test (NGINX, G_FILE_TEST_IS_EXECUTABLE) &&
      g_file_test (RTMP_MODULE, G_FILE_TEST_EXISTS)) {
    g_autofree char *conf = NULL;
    g_autofree char *conf_path = g_build_filename (dir, "nginx.conf", NULL);
    g_autofree char *error_log = g_build_filename (dir, "error.log", NULL);
    g_autofree char *push = NULL;
    const char *nginx_argv[] = { NGINX, "-p", dir, "-c", conf_path, "-e", error_log, NULL };

    port = find_free_port ();
    conf = g_strdup_printf ("load_module %s;\ndaemon off;\nmaster_process off;\n"
                            "pid %s/nginx.pid;\nerror_log %s;\nevents { worker_connections 64; }\n"
                            "rtmp { server { listen 127.0.0.1:%u; "
                            "application live { live on; } } }\n",
                            RTMP_MODULE, dir, error_log, port);
    g_file_set_contents (conf_path, conf, -1, &error);
    g_assert_no_error (error);
    nginx = spawn (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, nginx_argv);
    wait_ms (300);
    rtmp_uri = g_strdup_printf ("rtmp://127.0.0.1:%u/live/bench", port);
    push = g_strdup_printf (ENCODE " ! flvmux streamable=true ! rtmp2sink location=%s", rtmp_uri);
    rtmp_encoder = spawn_shell_pipeline (push);
    wait_ms (2000);
  }

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    results[i] = g_array_new (FALSE, FALSE, sizeof (double));

  g_print ("Time to first frame, %u runs, medians (all runs in brackets)\n", runs);
  for (guint run = 0; run < runs; run++) {
    double value;

    value = ours_first_frame (hls_uri);
    g_array_append_val (results[0], value);
    value = gst_launch_first_frame (hls_uri);
    g_array_append_val (results[1], value);
    if (mpv != NULL) {
      value = mpv_first_frame (hls_uri);
      g_array_append_val (results[2], value);
    }
    if (rtmp_uri != NULL) {
      value = ours_first_frame (rtmp_uri);
      g_array_append_val (results[3], value);
      value = gst_launch_first_frame (rtmp_uri);
      g_array_append_val (results[4], value);
      if (mpv != NULL) {
        value = mpv_first_frame (rtmp_uri);
        g_array_append_val (results[5], value);
      }
    }
    value = gst_launch_baseline ();
    g_array_append_val (results[6], value);
    value = explicit_hls_first_frame (hls_uri);
    g_array_append_val (results[7], value);
  }

  for (guint i = 0; i < G_N_ELEMENTS (results); i++) {
    g_autoptr(GString) all = g_string_new (NULL);

    if (results[i]->len == 0) {
      g_print ("  %-50s  not run (%s)\n", labels[i],
               (i == 2 || i == 5) ? "mpv not installed" : "nginx rtmp missing");
      continue;
    }
    for (guint j = 0; j < results[i]->len; j++)
      g_string_append_printf (all, "%s%.3f", j ? " " : "", g_array_index (results[i], double, j));
    g_print ("  %-50s %6.3f s  [%s]\n", labels[i], median (results[i]), all->str);
  }

  g_print ("Goals: HLS ours <= best peer: %s; RTMP ours < 1.2 s: %s\n",
           median (results[0]) <= median (results[1]) ? "met" : "NOT met",
           results[3]->len > 0 && median (results[3]) < 1.2 ? "met" : "NOT met");

  if (cpu_seconds > 0)
    measure_cpu (hls_uri, cpu_seconds);

  if (rtmp_encoder != NULL)
    g_subprocess_force_exit (rtmp_encoder);
  if (nginx != NULL)
    g_subprocess_force_exit (nginx);
  g_subprocess_force_exit (hls_encoder);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    g_array_unref (results[i]);

  return 0;
}
