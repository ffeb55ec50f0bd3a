/* test-hcc-tls.c: HTTPS with certificate checks, and a CA file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "hcc-client.h"
#include "hcc-error.h"
#include "hcc-test-utils.h"

static gboolean
slot_filled (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
login (HccClient  *client,
       GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_client_login_async (client, NULL, store_result_cb, &slot);
  g_assert_true (hcc_test_wait_until (slot_filled, &slot, 30000));
  result = g_steal_pointer (&slot);
  return hcc_client_login_finish (client, result, error);
}

static HccClient *
new_client (HccTestSim *sim)
{
  g_autoptr(GError) error = NULL;
  HccClient *client = hcc_client_new ();

  g_assert_true (g_str_has_prefix (hcc_test_sim_get_base_url (sim), "https://"));
  g_assert_true (hcc_client_set_server_url (client, hcc_test_sim_get_base_url (sim), &error));
  g_assert_no_error (error);
  hcc_client_set_credentials (client, HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
  return client;
}

static guint
count_requests (HccTestSim *sim)
{
  guint status = 0;
  g_autoptr(JsonNode) log = hcc_test_sim_control (sim, "GET", "/control/requests?since=0", NULL,
                                                  &status);

  g_assert_cmpuint (status, ==, 200);
  return json_array_get_length (json_node_get_array (hcc_test_json_get (log, "requests")));
}

/* Trusted through the CA file: works, and a request reaches the server. */
static void
test_tls_trusted (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (21, 10, TRUE);
  g_autoptr(HccClient) client = new_client (sim);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (hcc_test_sim_get_cert_path (sim));
  g_assert_true (hcc_client_set_ca_file (client, hcc_test_sim_get_cert_path (sim), &error));
  g_assert_no_error (error);

  g_assert_true (login (client, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hcc_client_get_state (client), ==, HCC_CLIENT_STATE_ONLINE);
  g_assert_cmpuint (count_requests (sim), ==, 1);
}

/* Without the CA file the self-signed certificate is refused: HCC_ERROR_TLS,
 * nothing reaches the server, and no retry loop. */
static void
test_tls_refused (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (22, 10, TRUE);
  g_autoptr(HccClient) client = new_client (sim);
  g_autoptr(GError) error = NULL;

  g_assert_false (login (client, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_TLS);
  g_assert_cmpint (hcc_client_get_state (client), ==, HCC_CLIENT_STATE_OFFLINE);
  g_assert_cmpuint (count_requests (sim), ==, 0);
}

/* A CA file of another certificate does not help. */
static void
test_tls_wrong_ca (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (23, 10, TRUE);
  g_autoptr(HccClient) client = new_client (sim);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) other = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hcc-tls-XXXXXX", &error);
  g_autofree char *cert = g_build_filename (dir, "other.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "other.key", NULL);

  g_assert_no_error (error);
  other = hcc_sim_generate_certificate (cert, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);

  g_assert_true (hcc_client_set_ca_file (client, cert, &error));
  g_assert_false (login (client, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_TLS);
  g_clear_error (&error);

  /* An unreadable CA file is an error of its own. */
  g_assert_false (hcc_client_set_ca_file (client, "/nonexistent/ca.pem", &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_TLS);

  g_unlink (cert);
  g_unlink (key);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/tls/trusted", test_tls_trusted);
  g_test_add_func ("/hcc/tls/refused", test_tls_refused);
  g_test_add_func ("/hcc/tls/wrong-ca", test_tls_wrong_ca);

  return g_test_run ();
}
