/* test-doors-common.h: shared helpers of the Doors view and log view tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A started session with an operator on shift whose directory has loaded,
 * a window of the smallest size the app supports, and the simulator's doors
 * as the client lists them.
 */

#pragma once

#include "concierge-test-session.h"
#include "test-hcc-services.h"
#include "test-views-common.h"

#define DOORS_TEST_OPERATOR "Alice"

/* A session against a simulator built from @seed, with the operator on
 * shift. Stopping a session while its directory still loads is not what
 * these tests are about: the first refresh has finished. */
static inline ConciergeTestSession *
doors_test_session_new (guint64 seed)
{
  ConciergeTestSession *test = concierge_test_session_new (seed, 0, 100);

  concierge_session_set_operator (test->session, DOORS_TEST_OPERATOR);
  g_assert_true (concierge_test_session_wait_directory (test, TEST_TIMEOUT_MS));

  return test;
}

/* A window at 1024x600, the smallest the app is made for. */
static inline GtkWindow *
doors_test_window_new (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1024, 600);
  return window;
}

/* What the simulator has, through the client. (transfer full)
 * (element-type HccDoor) */
static inline GListModel *
doors_test_list_doors (ConciergeTestSession *test)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *doors;

  hcc_doors_list_async (test->client, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  doors = hcc_doors_list_finish (test->client, result, &error);
  g_assert_no_error (error);

  return doors;
}

/* The door called @name in @doors; the test fails without one. (transfer none) */
static inline HccDoor *
doors_test_find_door (GListModel *doors,
                      const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (doors); i++)
    {
      g_autoptr(HccDoor) door = g_list_model_get_item (doors, i);

      if (g_strcmp0 (hcc_door_get_name (door), name) == 0)
        return door;   /* the list keeps it alive */
    }
  g_assert_not_reached ();
  return NULL;
}
