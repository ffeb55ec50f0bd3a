/* concierge-test-session.c: a started ConciergeSession against an in-process hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-test-session"

#include <glib/gstdio.h>

#include "concierge-application.h"
#include "concierge-test-session.h"

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

static gboolean
stream_online (gpointer data)
{
  ConciergeSession *session = data;

  return hcc_event_stream_get_state (concierge_session_get_event_stream (session))
         == HCC_EVENT_STREAM_STATE_ONLINE;
}

static ConciergeSession *
start_session (ConciergeTestSession *test)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(ConciergeSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hcc_client_set_server_url (client, hcc_test_sim_get_base_url (test->sim), &error);
  g_assert_no_error (error);
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
  g_set_object (&test->client, client);

  session = concierge_session_new (client, test->settings, FALSE);
  concierge_session_start_async (session, test->data_dir, NULL, result_cb, &result);
  g_assert_true (hcc_test_wait_until (result_ready, &result, 30000));
  concierge_session_start_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_true (hcc_test_wait_until (stream_online, session, 30000));

  return g_steal_pointer (&session);
}

ConciergeTestSession *
concierge_test_session_new (guint64 seed,
                            guint   residents,
                            guint   rate_limit)
{
  ConciergeTestSession *test = g_new0 (ConciergeTestSession, 1);
  g_autoptr(GError) error = NULL;

  test->sim = hcc_test_sim_new (seed, residents, FALSE);
  if (rate_limit > 0)
    hcc_test_sim_set_rate_limit (test->sim, rate_limit);
  /* The test environment keeps settings in memory (GSETTINGS_BACKEND). */
  test->settings = g_settings_new (CONCIERGE_SCHEMA_ID);
  test->data_dir = g_dir_make_tmp ("concierge-test-XXXXXX", &error);
  g_assert_no_error (error);

  test->session = start_session (test);

  return test;
}

ConciergeSession *
concierge_test_session_restart (ConciergeTestSession *test)
{
  g_clear_object (&test->session);
  test->session = start_session (test);

  return test->session;
}

static gboolean
directory_refreshed (gpointer data)
{
  ConciergeDirectory *directory = data;

  return !concierge_directory_get_refreshing (directory) &&
         (concierge_directory_get_last_refreshed (directory) != NULL ||
          concierge_directory_get_refresh_error (directory) != NULL);
}

gboolean
concierge_test_session_wait_directory (ConciergeTestSession *test,
                                       guint                 timeout_ms)
{
  return hcc_test_wait_until (directory_refreshed,
                              concierge_session_get_directory (test->session),
                              timeout_ms);
}

void
concierge_test_session_stop (ConciergeTestSession *test)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (test->session == NULL)
    return;

  concierge_session_stop_async (test->session, NULL, result_cb, &result);
  g_assert_true (hcc_test_wait_until (result_ready, &result, 30000));
  concierge_session_stop_finish (test->session, result, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *child = g_build_filename (path, name, NULL);

    if (g_file_test (child, G_FILE_TEST_IS_DIR))
      remove_tree (child);
    else
      g_unlink (child);
  }
  g_rmdir (path);
}

void
concierge_test_session_free (ConciergeTestSession *test)
{
  if (test == NULL)
    return;

  concierge_test_session_stop (test);
  g_clear_object (&test->session);
  g_clear_object (&test->client);
  g_clear_object (&test->settings);
  hcc_test_sim_free (test->sim);
  remove_tree (test->data_dir);
  g_free (test->data_dir);
  g_free (test);
}
