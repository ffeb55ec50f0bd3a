/* test-hcc-services.h: shared helpers of the libhcc service tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by each tests/test-hcc-<service>.c: a client pointed at an
 * in-process simulator, waiting for async results without sleeping, and the
 * simulator's request log to check what was sent.
 */

#pragma once

#include "hcc-test-utils.h"
#include "hcc.h"

#define TEST_TIMEOUT_MS 30000

static inline HccClient *
test_client_new (HccTestSim *sim)
{
  g_autoptr(HccClient) client = hcc_client_new ();
  g_autoptr(GError) error = NULL;

  hcc_client_set_server_url (client, hcc_test_sim_get_base_url (sim), &error);
  g_assert_no_error (error);
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);

  return g_steal_pointer (&client);
}

static inline void
test_store_result_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static inline gboolean
test_result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Waits for the result stored by test_store_result_cb; fails the test on
 * timeout. (transfer full) */
static inline GAsyncResult *
test_wait_result (GAsyncResult **slot)
{
  g_assert_true (hcc_test_wait_until (test_result_ready, slot, TEST_TIMEOUT_MS));
  return g_steal_pointer (slot);
}

static inline void
test_clear_requests (HccTestSim *sim)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (sim, "DELETE", "/control/requests", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

/* The bodies of the requests logged for paths ending in @suffix, oldest
 * first. (transfer full) */
static inline GPtrArray *
test_requests_for (HccTestSim *sim,
                   const char *suffix)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonNode *list;
  JsonArray *array;
  guint status = 0;

  reply = hcc_test_sim_control (sim, "GET", "/control/requests", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  list = hcc_test_json_get (reply, "requests");
  if (list == NULL)
    list = hcc_test_json_get (reply, "data.requests");
  g_assert_nonnull (list);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      const char *path = json_object_get_string_member_with_default (entry, "path", "");
      JsonNode *body = json_object_get_member (entry, "body");

      if (g_str_has_suffix (path, suffix))
        g_ptr_array_add (bodies, body != NULL ? json_node_copy (body) : json_node_new (JSON_NODE_NULL));
    }

  return g_steal_pointer (&bodies);
}

/* A JSON text of @node, for messages and comparisons. */
static inline char *
test_to_json (JsonNode *node)
{
  return json_to_string (node, FALSE);
}
