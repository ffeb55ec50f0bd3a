/* bench-residents.c: the residents view with 10,000 residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints figures. Run it under Xvfb:
 *   xvfb-run -a _build/bench/bench-residents [--residents N]
 *
 * 1. load and index: a ConciergeDirectory fills its cache from hcc-sim;
 * 2. first paint from the cache (median of 5): a fresh process opens a
 *    session offline over that cache; from creating the view to the
 *    window's first "after-paint" (BENCH_RUNS=N changes the count,
 *    BENCH_TRACE=1 prints every step);
 * 3. per keystroke: a 6-letter query typed one key at a time and deleted
 *    again: the update (from the key to the filter model having nothing
 *    pending, rows rebuilt included) and the update with the next frame
 *    drawn (p50/p99);
 * 4. resident set size of the view process (the simulator ran in the
 *    first process, so it is not counted), and its anonymous part.
 *
 * The peer, in a process of its own (--peer DIR), is the least GTK needs
 * for the same job: a GtkListView of plain GtkLabel rows over a
 * GtkStringList of the same 10,000 search keys, read from the same cache,
 * filtered by a GtkCustomFilter with strstr(), typed at the same way. On a
 * machine without a GPU (llvmpipe) GTK's own row churn and GL set the
 * floor; the peer says where it is on the machine the bench runs on.
 */

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "bench-residents"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>
#include <sqlite3.h>

#include "concierge-application.h"
#include "concierge-residents-view-private.h"
#include "concierge-session.h"
#include "hcc-test-utils.h"

#define RUNS 5
#define PASSES 10

static int n_residents = 10000;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  g_array_sort (values, compare_doubles);
  index = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, index);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static long
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line != NULL ? strtol (line + strlen (field), NULL, 10) : -1;
}

static void
print_rss (const char *who)
{
  printf ("%s: resident set size %.1f MB (anonymous %.1f MB, files %.1f MB)\n", who,
          status_kib ("VmRSS:") / 1024.0, status_kib ("RssAnon:") / 1024.0,
          status_kib ("RssFile:") / 1024.0);
}

static void
print_keystrokes (const char *who,
                  const char *query,
                  GArray     *updates,
                  GArray     *frames)
{
  printf ("%s: per keystroke (\"%s\" typed and deleted, %u steps): update p50 %.2f ms, "
          "p99 %.2f ms, max %.2f ms; with the next frame p50 %.2f ms, p99 %.2f ms\n",
          who, query, updates->len, percentile (updates, 0.5), percentile (updates, 0.99),
          percentile (updates, 1.0), percentile (frames, 0.5), percentile (frames, 0.99));
}

/* Phase 1, in the first process: the simulator and the cache. */
static int
fill_cache (const char *dir,
            const char *self_exe)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (5, n_residents, FALSE);
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(ConciergeDirectory) directory = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "directory.db", NULL);
  g_autofree char *out = NULL;
  const char *argv[4] = { self_exe, "--view", dir, NULL };
  gint64 start;
  int status = 0;

  hcc_test_sim_set_rate_limit (sim, 100);
  hcc_client_set_server_url (client, hcc_test_sim_get_base_url (sim), &error);
  g_assert_no_error (error);
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);

  directory = concierge_directory_new (client, path);
  concierge_directory_load_async (directory, NULL, result_cb, &result);
  g_assert_true (hcc_test_wait_until (result_ready, &result, 60000));
  concierge_directory_load_finish (directory, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  start = g_get_monotonic_time ();
  concierge_directory_refresh_async (directory, NULL, result_cb, &result);
  g_assert_true (hcc_test_wait_until (result_ready, &result, 600000));
  concierge_directory_refresh_finish (directory, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  printf ("load and index from the sim: %u residents in %.0f ms\n",
          g_list_model_get_n_items (concierge_directory_get_residents (directory)),
          (g_get_monotonic_time () - start) / 1000.0);

  concierge_directory_close_async (directory, NULL, result_cb, &result);
  g_assert_true (hcc_test_wait_until (result_ready, &result, 60000));
  concierge_directory_close_finish (directory, result, &error);
  g_assert_no_error (error);
  fflush (stdout);

  /* The view runs in a process of its own, so its RSS is its own; so
   * does the peer. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    return 1;

  argv[1] = "--peer";
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Draws one frame of @window and returns when it is on screen. */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

  gtk_widget_queue_draw (window);
  g_assert_true (hcc_test_wait_until (is_true, &painted, 60000));
  g_signal_handler_disconnect (clock, id);
}

static ConciergeSession *
open_session (const char *dir,
              GSettings  *settings)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(ConciergeSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Offline: nothing listens there, so the session works from the cache
   * and its background refresh fails at once. */
  hcc_client_set_server_url (client, "http://127.0.0.1:9", &error);
  g_assert_no_error (error);
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
  session = concierge_session_new (client, settings, FALSE);
  concierge_session_start_async (session, dir, NULL, result_cb, &result);
  g_assert_true (hcc_test_wait_until (result_ready, &result, 60000));
  concierge_session_start_finish (session, result, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&session);
}

static void
stop_session (ConciergeSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;

  concierge_session_stop_async (session, NULL, result_cb, &result);
  g_assert_true (hcc_test_wait_until (result_ready, &result, 60000));
  concierge_session_stop_finish (session, result, NULL);
}

static gboolean
filter_done (gpointer data)
{
  ConciergeResidentsView *view = data;

  return gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (_concierge_residents_view_get_rows (view))) == 0;
}

/* One key, as a user types it: a character added at the end, or the last
 * one deleted (gtk_editable_set_text() would empty the entry first). */
static double
type_step (ConciergeResidentsView *view,
           const char             *text,
           double                 *with_frame_ms)
{
  GtkEditable *entry = _concierge_residents_view_get_search_entry (view);
  const char *current = gtk_editable_get_text (entry);
  int length = g_utf8_strlen (current, -1);
  gint64 start = g_get_monotonic_time ();
  double update_ms;

  if ((int) g_utf8_strlen (text, -1) > length)
    {
      int position = length;

      gtk_editable_insert_text (entry, g_utf8_offset_to_pointer (text, length), -1, &position);
    }
  else
    {
      gtk_editable_delete_text (entry, length - 1, length);
    }
  /* The entry's own 150 ms delay is the user's time, not ours. */
  g_signal_emit_by_name (entry, "search-changed");
  while (!filter_done (view))
    g_main_context_iteration (NULL, TRUE);

  update_ms = (g_get_monotonic_time () - start) / 1000.0;
  wait_for_frame (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view))));
  *with_frame_ms = (g_get_monotonic_time () - start) / 1000.0;

  if (g_getenv ("BENCH_TRACE") != NULL)
    printf ("'%s': %.2f ms, with the frame %.2f ms, %u rows\n", text, update_ms, *with_frame_ms,
            g_list_model_get_n_items (_concierge_residents_view_get_rows (view)));

  return update_ms;
}

/* Types the first six letters of a folded last name in the middle of the
 * list, and deletes them again, PASSES times; then the RSS. Run on the
 * first window, so the RSS is that of one view, as the peer's is. */
static void
type_and_measure (ConciergeResidentsView *view)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  char query[8] = { 0 };

  /* The first six letters of a folded last name in the middle of the list. */
  {
    GListModel *rows = _concierge_residents_view_get_rows (view);
    g_autoptr(HccResident) resident = g_list_model_get_item (rows, g_list_model_get_n_items (rows) / 2);
    g_autofree char *folded = concierge_directory_fold (hcc_resident_get_last_name (resident));

    g_strlcpy (query, folded, 7);
  }

  for (guint pass = 0; pass < PASSES; pass++)
    {
      for (guint len = 1; len <= strlen (query); len++)
        {
          g_autofree char *prefix = g_strndup (query, len);
          double frame_ms;
          double ms = type_step (view, prefix, &frame_ms);

          g_array_append_val (keys, ms);
          g_array_append_val (frames, frame_ms);
        }
      for (int len = (int) strlen (query) - 1; len >= 0; len--)
        {
          g_autofree char *prefix = g_strndup (query, len);
          double frame_ms;
          double ms = type_step (view, prefix, &frame_ms);

          g_array_append_val (keys, ms);
          g_array_append_val (frames, frame_ms);
        }
    }

  print_keystrokes ("Concierge", query, keys, frames);
  print_rss ("Concierge");
}

/* Phase 2, in a fresh process: the view over the cache. */
static int
run_view (const char *dir)
{
  g_autoptr(GSettings) settings = g_settings_new (CONCIERGE_SCHEMA_ID);
  g_autoptr(GArray) paints = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(ConciergeSession) session = NULL;
  GtkWindow *window = NULL;
  ConciergeResidentsView *view = NULL;
  guint n = 0;

  guint runs = g_getenv ("BENCH_RUNS") != NULL ? atoi (g_getenv ("BENCH_RUNS")) : RUNS;

  for (guint run = 0; run < runs; run++)
    {
      gboolean painted = FALSE;
      gint64 start;
      double ms;

      g_clear_object (&session);
      session = open_session (dir, settings);
      n = g_list_model_get_n_items (concierge_directory_get_residents (concierge_session_get_directory (session)));
      if (run == 0)
        print_rss ("Concierge, session open, before the view");

      start = g_get_monotonic_time ();
      window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_default_size (window, 1280, 800);
      view = CONCIERGE_RESIDENTS_VIEW (concierge_residents_view_new ());
      gtk_window_set_child (window, GTK_WIDGET (view));
      concierge_residents_view_set_session (view, session);
      if (g_getenv ("BENCH_TRACE") != NULL)
        printf ("view with session: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
      gtk_widget_realize (GTK_WIDGET (window));
      if (g_getenv ("BENCH_TRACE") != NULL)
        printf ("realized: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                        G_CALLBACK (after_paint_cb), &painted);
      gtk_window_present (window);
      g_assert_true (hcc_test_wait_until (is_true, &painted, 60000));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (paints, ms);
      g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                            after_paint_cb, &painted);

      if (run == 0)
        type_and_measure (view);

      if (run + 1 < runs)
        {
          gtk_window_destroy (window);
          stop_session (session);
        }
    }

  printf ("Concierge: first paint from the cache (%u residents): median %.1f ms (runs:", n, percentile (paints, 0.5));
  for (guint i = 0; i < paints->len; i++)
    printf (" %.1f", g_array_index (paints, double, i));
  printf (")\n");


  gtk_window_destroy (window);
  stop_session (session);
  return 0;
}

/* The peer (see the top): plain GTK over the same keys. */

typedef struct {
  GtkFilterListModel *model;
  GtkCustomFilter    *filter;
  char               *query;
} Peer;

static gboolean
peer_match (gpointer item,
            gpointer user_data)
{
  Peer *peer = user_data;

  return strstr (gtk_string_object_get_string (item), peer->query) != NULL;
}

static void
peer_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
peer_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (list_item)));
}

static double
peer_step (Peer       *peer,
           GtkWidget  *window,
           const char *text,
           double     *with_frame_ms)
{
  gsize old_length = strlen (peer->query);
  gint64 start = g_get_monotonic_time ();
  double update_ms;

  g_free (peer->query);
  peer->query = g_strdup (text);
  if (text[0] == '\0')
    gtk_filter_list_model_set_filter (peer->model, NULL);
  else if (gtk_filter_list_model_get_filter (peer->model) == NULL)
    gtk_filter_list_model_set_filter (peer->model, GTK_FILTER (peer->filter));
  else
    gtk_filter_changed (GTK_FILTER (peer->filter),
                        strlen (text) > old_length ? GTK_FILTER_CHANGE_MORE_STRICT
                                                   : GTK_FILTER_CHANGE_LESS_STRICT);
  while (gtk_filter_list_model_get_pending (peer->model) > 0)
    g_main_context_iteration (NULL, TRUE);
  update_ms = (g_get_monotonic_time () - start) / 1000.0;

  wait_for_frame (window);
  *with_frame_ms = (g_get_monotonic_time () - start) / 1000.0;

  return update_ms;
}

static int
run_peer (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "directory.db", NULL);
  g_autoptr(GtkStringList) keys = gtk_string_list_new (NULL);
  g_autoptr(GArray) updates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *middle_name = NULL;
  g_autofree char *folded = NULL;
  Peer peer = { NULL, NULL, g_strdup ("") };
  GtkSelectionModel *selection;
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *list;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char query[8] = { 0 };
  gboolean painted = FALSE;
  gint64 start;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT search_key, last_name FROM residents ORDER BY pos",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    gtk_string_list_append (keys, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  /* The query the view is typed at: its middle resident's last name. */
  stmt = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT last_name FROM residents ORDER BY pos "
                                       "LIMIT 1 OFFSET (SELECT COUNT(*) FROM residents) / 2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    middle_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  folded = concierge_directory_fold (middle_name != NULL ? middle_name : "");
  g_strlcpy (query, folded, 7);

  peer.filter = gtk_custom_filter_new (peer_match, &peer, NULL);
  peer.model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (keys)), NULL);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (peer.model))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  g_signal_connect (factory, "setup", G_CALLBACK (peer_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (peer_bind_cb), NULL);

  start = g_get_monotonic_time ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  scrolled = gtk_scrolled_window_new ();
  list = gtk_list_view_new (selection, g_object_ref (factory));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), &painted);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (hcc_test_wait_until (is_true, &painted, 60000));
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), after_paint_cb, &painted);
  printf ("peer: first paint (%u rows): %.1f ms\n",
          g_list_model_get_n_items (G_LIST_MODEL (keys)), (g_get_monotonic_time () - start) / 1000.0);

  for (guint pass = 0; pass < PASSES; pass++)
    {
      for (int len = 1; len <= 2 * (int) strlen (query); len++)
        {
          int length = len <= (int) strlen (query) ? len : 2 * (int) strlen (query) - len;
          g_autofree char *prefix = g_strndup (query, length);
          double frame_ms;
          double ms = peer_step (&peer, window, prefix, &frame_ms);

          g_array_append_val (updates, ms);
          g_array_append_val (frames, frame_ms);
        }
    }

  print_keystrokes ("peer", query, updates, frames);
  print_rss ("peer");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (peer.model);
  g_object_unref (peer.filter);
  g_free (peer.query);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMA_DIR, TRUE);

  if (argc == 3 && g_str_equal (argv[1], "--view"))
    {
      gtk_init ();
      adw_init ();
      return run_view (argv[2]);
    }

  if (argc == 3 && g_str_equal (argv[1], "--peer"))
    {
      gtk_init ();
      return run_peer (argv[2]);
    }

  if (argc == 3 && g_str_equal (argv[1], "--residents"))
    n_residents = atoi (argv[2]);

  /* --keep DIR: fill a cache in DIR and run the view over it, keeping DIR
   * (to profile the view alone with --view DIR afterwards). */
  if (argc == 3 && g_str_equal (argv[1], "--keep"))
    return fill_cache (argv[2], argv[0]);

  dir = g_dir_make_tmp ("bench-residents-XXXXXX", &error);
  g_assert_no_error (error);
  status = fill_cache (dir, argv[0]);

  {
    g_autofree char *db = g_build_filename (dir, "directory.db", NULL);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_remove (child);
      }
    g_rmdir (dir);
  }

  return status;
}
