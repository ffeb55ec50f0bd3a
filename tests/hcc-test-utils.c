/* hcc-test-utils.c: an in-process simulator and synchronous helpers for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-test"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "hcc-test-utils.h"

struct _HccTestSim
{
  HccSim *sim;
  char   *base_url;
  char   *control_url;
  char   *tmp_dir;         /* (nullable) holds the certificate and key */
  char   *cert_path;       /* (nullable) */
  char   *key_path;        /* (nullable) */
};

HccTestSim *
hcc_test_sim_new_full (guint64  seed,
                       guint    residents,
                       gboolean tls,
                       gboolean demo)
{
  HccTestSim *self = g_new0 (HccTestSim, 1);
  g_autoptr(GError) error = NULL;

  self->sim = hcc_sim_new (seed, residents);
  hcc_sim_set_demo (self->sim, demo);
  if (tls)
    {
      g_autoptr(GTlsCertificate) certificate = NULL;

      self->tmp_dir = g_dir_make_tmp ("hcc-test-XXXXXX", &error);
      g_assert_no_error (error);
      self->cert_path = g_build_filename (self->tmp_dir, "cert.pem", NULL);
      self->key_path = g_build_filename (self->tmp_dir, "key.pem", NULL);
      certificate = hcc_sim_generate_certificate (self->cert_path, self->key_path, &error);
      g_assert_no_error (error);
      hcc_sim_set_tls_certificate (self->sim, certificate);
    }

  hcc_sim_start (self->sim, 0, 0, &error);
  g_assert_no_error (error);

  self->base_url = hcc_sim_dup_base_url (self->sim);
  self->control_url = hcc_sim_dup_control_url (self->sim);
  return self;
}

HccTestSim *
hcc_test_sim_new (guint64  seed,
                  guint    residents,
                  gboolean tls)
{
  return hcc_test_sim_new_full (seed, residents, tls, FALSE);
}

void
hcc_test_sim_free (HccTestSim *self)
{
  if (self == NULL)
    return;

  hcc_sim_stop (self->sim);
  g_clear_object (&self->sim);
  if (self->tmp_dir != NULL)
    {
      g_unlink (self->cert_path);
      g_unlink (self->key_path);
      g_rmdir (self->tmp_dir);
    }
  g_free (self->tmp_dir);
  g_free (self->cert_path);
  g_free (self->key_path);
  g_free (self->base_url);
  g_free (self->control_url);
  g_free (self);
}

HccSim *
hcc_test_sim_get_sim (HccTestSim *self)
{
  return self->sim;
}

const char *
hcc_test_sim_get_base_url (HccTestSim *self)
{
  return self->base_url;
}

const char *
hcc_test_sim_get_control_url (HccTestSim *self)
{
  return self->control_url;
}

const char *
hcc_test_sim_get_cert_path (HccTestSim *self)
{
  return self->cert_path;
}

static SoupSession *
new_session (HccTestSim *self)
{
  SoupSession *session = soup_session_new_with_options ("timeout", 30,
                                                        "idle-timeout", 30,
                                                        NULL);

  /* Trust exactly the simulator's own certificate. */
  if (self->cert_path != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (self->cert_path, &error);

      g_assert_no_error (error);
      soup_session_set_tls_database (session, database);
    }
  return session;
}

static JsonNode *
send_sync (HccTestSim  *self,
           const char  *method,
           const char  *url,
           const char  *token,
           const char  *body_json,
           guint       *status,
           char       **raw)
{
  g_autoptr(SoupSession) session = new_session (self);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  const char *data;
  gsize len;

  g_assert_nonnull (msg);
  if (token != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Token", token);
  if (body_json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (body_json, strlen (body_json));

      soup_message_set_request_body_from_bytes (msg, "application/json;charset=utf-8", body);
    }

  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  if (raw != NULL)
    *raw = NULL;
  if (bytes == NULL)
    {
      g_debug ("%s %s: %s", method, url, error->message);
      if (status != NULL)
        *status = 0;
      return NULL;
    }

  if (status != NULL)
    *status = soup_message_get_status (msg);

  data = g_bytes_get_data (bytes, &len);
  if (raw != NULL)
    *raw = g_strndup (data, len);

  parser = json_parser_new ();
  if (len == 0 || !json_parser_load_from_data (parser, data, len, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

JsonNode *
hcc_test_sim_control (HccTestSim *self,
                      const char *method,
                      const char *path,
                      const char *body_json,
                      guint      *status)
{
  g_autofree char *url = g_strconcat (self->control_url, path, NULL);

  return send_sync (self, method, url, NULL, body_json, status, NULL);
}

JsonNode *
hcc_test_sim_api_at (HccTestSim  *self,
                     const char  *base_url,
                     const char  *path,
                     const char  *token,
                     const char  *body_json,
                     guint       *status,
                     char       **raw)
{
  g_autofree char *url = g_strconcat (base_url, "/api/hccgw", path, NULL);

  return send_sync (self, body_json != NULL ? "POST" : "GET", url, token, body_json, status, raw);
}

JsonNode *
hcc_test_sim_api (HccTestSim *self,
                  const char *path,
                  const char *token,
                  const char *body_json,
                  guint      *status)
{
  return hcc_test_sim_api_at (self, self->base_url, path, token, body_json, status, NULL);
}

char *
hcc_test_sim_login (HccTestSim *self)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *body = NULL;
  guint status = 0;
  const char *token;

  body = g_strdup_printf ("{\"appKey\":\"%s\",\"secretKey\":\"%s\"}",
                          HCC_SIM_DEMO_APP_KEY, HCC_SIM_DEMO_SECRET_KEY);
  reply = hcc_test_sim_api (self, "/platform/v1/token/get", NULL, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (reply);
  g_assert_cmpstr (hcc_test_json_get_string (reply, "errorCode"), ==, "0");
  token = hcc_test_json_get_string (reply, "data.accessToken");
  g_assert_nonnull (token);
  return g_strdup (token);
}

void
hcc_test_sim_set_rate_limit (HccTestSim *self,
                             guint       per_second)
{
  g_autofree char *body = g_strdup_printf ("{\"per_second\":%u}", per_second);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (self, "POST", "/control/rate-limit", body, &status);
  g_assert_cmpuint (status, ==, 200);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
hcc_test_wait_until (HccTestPredicate predicate,
                     gpointer         data,
                     guint            timeout_ms)
{
  GMainContext *context = g_main_context_ref_thread_default ();
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  GSource *wake = g_timeout_source_new (10);
  gboolean ok = FALSE;

  /* The wake-up source lets a predicate that polls something outside this
   * context (the simulator's thread) be checked every 10 ms. */
  g_source_set_callback (wake, wake_cb, NULL, NULL);
  g_source_attach (wake, context);

  while (!(ok = predicate (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (wake);
  g_source_unref (wake);
  g_main_context_unref (context);
  return ok;
}

JsonNode *
hcc_test_json_get (JsonNode   *node,
                   const char *dotted_path)
{
  g_auto(GStrv) parts = g_strsplit (dotted_path, ".", -1);

  for (guint i = 0; node != NULL && parts[i] != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node) && g_ascii_isdigit (parts[i][0]))
        {
          JsonArray *array = json_node_get_array (node);
          guint index = atoi (parts[i]);

          node = index < json_array_get_length (array) ? json_array_get_element (array, index)
                                                        : NULL;
        }
      else
        node = NULL;
    }
  return node;
}

const char *
hcc_test_json_get_string (JsonNode   *node,
                          const char *dotted_path)
{
  JsonNode *member = hcc_test_json_get (node, dotted_path);

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (member);
}

gint64
hcc_test_json_get_int (JsonNode   *node,
                       const char *dotted_path)
{
  JsonNode *member = hcc_test_json_get (node, dotted_path);

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member))
    return G_MININT64;
  if (json_node_get_value_type (member) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (member), NULL, 10);
  return json_node_get_int (member);
}
