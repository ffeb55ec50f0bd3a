/* hcc-sim-main.c: the hcc-sim executable, a local Hik-Connect for Teams platform
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator runs on its own thread; the main thread only waits for
 * SIGINT or SIGTERM, then stops it and removes the certificate it made.
 */

#define G_LOG_DOMAIN "hcc-sim-main"

#include "config.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "hcc-sim.h"

static gboolean
quit_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

static gboolean
check_port (int      value,
            GError **error)
{
  if (value < 0 || value > G_MAXUINT16)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "A port must be between 0 and 65535, not %d", value);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int port = 0;
  int control_port = 0;
  gboolean tls = FALSE;
  gint64 seed = 1;
  int residents = 0;
  gboolean demo = FALSE;
  g_autofree char *rtmp_url = NULL;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "API port on 127.0.0.1 (0: any free port)", "N" },
    { "control-port", 'c', 0, G_OPTION_ARG_INT, &control_port,
      "Control port on 127.0.0.1 (0: any free port)", "N" },
    { "tls", 0, 0, G_OPTION_ARG_NONE, &tls, "Serve the API over HTTPS with a new certificate", NULL },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the demo site and of all randomness", "N" },
    { "residents", 'r', 0, G_OPTION_ARG_INT, &residents,
      "Number of residents (0: the default size)", "N" },
    { "demo", 'd', 0, G_OPTION_ARG_NONE, &demo, "Door stations call the desk now and then", NULL },
    { "rtmp-url", 0, 0, G_OPTION_ARG_STRING, &rtmp_url,
      "Base URL of an RTMP server for live video (e.g. rtmp://127.0.0.1/live)", "URL" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HccSim) sim = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *control_url = NULL;
  guint sigint_id;
  guint sigterm_id;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "A local implementation of the Hik-Connect for Teams OpenAPI, "
                                "for demos and tests.\nIt listens on 127.0.0.1 only.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !check_port (port, &error) || !check_port (control_port, &error))
    {
      g_printerr ("hcc-sim: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (residents < 0)
    {
      g_printerr ("hcc-sim: --residents must be 0 or more\n");
      return EXIT_FAILURE;
    }

  sim = hcc_sim_new ((guint64) seed, residents);
  hcc_sim_set_demo (sim, demo);
  if (rtmp_url != NULL)
    hcc_sim_set_rtmp_base_url (sim, rtmp_url);

  /* A new certificate each run: it lives only as long as this process. */
  if (tls)
    {
      g_autoptr(GTlsCertificate) certificate = NULL;

      tmp_dir = g_dir_make_tmp ("hcc-sim-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          g_printerr ("hcc-sim: %s\n", error->message);
          return EXIT_FAILURE;
        }
      cert_path = g_build_filename (tmp_dir, "cert.pem", NULL);
      key_path = g_build_filename (tmp_dir, "key.pem", NULL);
      certificate = hcc_sim_generate_certificate (cert_path, key_path, &error);
      if (certificate == NULL)
        {
          g_printerr ("hcc-sim: cannot make a certificate: %s\n", error->message);
          return EXIT_FAILURE;
        }
      hcc_sim_set_tls_certificate (sim, certificate);
    }

  if (!hcc_sim_start (sim, port, control_port, &error))
    {
      g_printerr ("hcc-sim: cannot start: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* Catch the signals before telling anyone we are up: a script that reads
   * our output and then stops us must not kill us mid-way. */
  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);

  base_url = hcc_sim_dup_base_url (sim);
  control_url = hcc_sim_dup_control_url (sim);
  g_print ("API:        %s/api/hccgw\n", base_url);
  g_print ("Control:    %s/control/status\n", control_url);
  g_print ("appKey:     %s\n", HCC_SIM_DEMO_APP_KEY);
  g_print ("secretKey:  %s\n", HCC_SIM_DEMO_SECRET_KEY);
  if (cert_path != NULL)
    g_print ("CA file:    %s\n", cert_path);
  g_print ("Seed:       %" G_GINT64_FORMAT "%s\n", seed, demo ? " (demo calls on)" : "");
  g_print ("Press Ctrl+C to stop.\n");
  /* Scripts read these lines from a pipe, so do not leave them buffered. */
  fflush (stdout);

  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  hcc_sim_stop (sim);

  if (tmp_dir != NULL)
    {
      g_unlink (cert_path);
      g_unlink (key_path);
      g_rmdir (tmp_dir);
    }

  g_print ("hcc-sim: stopped\n");
  return EXIT_SUCCESS;
}
