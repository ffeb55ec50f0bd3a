/* hcc-client.c: the asynchronous Hik-Connect for Teams OpenAPI client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A request goes through these stages, each honouring the caller's
 * GCancellable: (1) log in when there is no valid token (one token/get in
 * flight at a time, shared by every waiting request); (2) wait for a grant
 * of the process-wide request budget (hcc-scheduler); (3) one HTTP exchange
 * with a timeout; (4) the envelope. On OPEN000006/OPEN000007 the token is
 * dropped, the request joins the single re-login and is retried once. Reads
 * (HCC_REQUEST_RETRY_SAFE) are retried with backoff on transient failures,
 * every retry going through the budget again. Writes are never retried here:
 * the services decide which writes are idempotent and set the flag.
 *
 * Threading: the client lives on the main thread (libsoup's async API).
 * Only stage (4) leaves it: a reply of a 10,000-resident directory sync can
 * be hundreds of KB, so the JSON parse and the envelope decode run on one
 * worker thread (STYLE §4), which sees nothing but the status and the body
 * and hands back a DecodeResult that the main thread applies.
 */

#define G_LOG_DOMAIN "hcc-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hcc-client.h"
#include "hcc-enums.h"
#include "hcc-error.h"
#include "hcc-json.h"
#include "hcc-scheduler.h"

#define API_PREFIX "/api/hccgw"
#define TOKEN_PATH "/platform/v1/token/get"
#define DEFAULT_TIMEOUT_MS 15000
/* Renew a token when less than a day of its 7 days is left (§13.3). */
#define RENEW_AHEAD (G_TIME_SPAN_DAY)
#define MAX_RETRIES 4
#define BACKOFF_BASE_MS 400
#define BACKOFF_MAX_MS 8000

struct _HccClient
{
  GObject         parent_instance;

  HccRegion       region;
  char           *server_url;     /* (owned) bootstrap base, no trailing '/' */
  GTlsDatabase   *ca_database;    /* (owned) (nullable) */
  char           *app_key;        /* (owned) (nullable) never logged */
  char           *secret_key;     /* (owned) (nullable) never logged */
  guint           timeout_ms;
  HccScheduler   *scheduler;      /* (owned) */

  char           *token;          /* (owned) (nullable) */
  char           *user_id;        /* (owned) (nullable) */
  char           *area_domain;    /* (owned) (nullable) validated base */
  GDateTime      *token_expiry;   /* (owned) (nullable) */
  HccClientState  state;
  gboolean        auth_failed;

  /* Non-NULL while a token/get is in flight: the GTasks waiting for it. */
  GPtrArray      *login_waiters;  /* (owned) (nullable) of LoginWaiter* */
};

G_DEFINE_FINAL_TYPE (HccClient, hcc_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_SERVER_URL,
  PROP_USER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  HccRegion   region;
  const char *url;
} region_urls[] = {
  { HCC_REGION_EUROPE, "https://ieu.hikcentralconnect.com" },
  { HCC_REGION_NORTH_AMERICA, "https://ius.hikcentralconnect.com" },
  { HCC_REGION_SOUTH_AMERICA, "https://isa.hikcentralconnect.com" },
  { HCC_REGION_SINGAPORE, "https://isgp.hikcentralconnect.com" },
  /* India shares the Singapore server (L497). */
  { HCC_REGION_INDIA, "https://isgp.hikcentralconnect.com" },
  /* Russia breaks the i<region> naming pattern (T47). */
  { HCC_REGION_RUSSIA, "https://hikcentralconnectru.com" },
};

static void
set_state (HccClient      *self,
           HccClientState  state)
{
  if (self->state == state)
    return;

  g_debug ("State %d -> %d", self->state, state);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
forget_token (HccClient *self)
{
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->token_expiry, g_date_time_unref);
}

static gboolean
token_is_usable (HccClient *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->token == NULL)
    return FALSE;
  if (self->token_expiry == NULL)
    return TRUE;

  now = g_date_time_new_now_utc ();
  return g_date_time_difference (self->token_expiry, now) > RENEW_AHEAD;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* https://host[:port], or http:// to a loopback address. Returns the
 * normalised base (no trailing '/') or NULL with an error. */
static char *
validate_base_url (const char  *url,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;
  const char *scheme;
  gsize len;

  if (url == NULL)
    {
      g_set_error_literal (error, HCC_ERROR, HCC_ERROR_VALIDATION,
                           _("No server address was given."));
      return NULL;
    }

  trimmed = g_strstrip (g_strdup (url));
  len = strlen (trimmed);
  while (len > 0 && trimmed[len - 1] == '/')
    trimmed[--len] = '\0';

  uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, HCC_ERROR, HCC_ERROR_VALIDATION,
                   _("“%s” is not a valid server address."), trimmed);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return g_steal_pointer (&trimmed);

  /* Plain HTTP would send the keys in clear: only for the local simulator. */
  if (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (uri)))
    return g_steal_pointer (&trimmed);

  g_set_error (error, HCC_ERROR, HCC_ERROR_VALIDATION,
               _("The server address must start with https:// (“%s”)."), trimmed);
  return NULL;
}

static const char *
api_base (HccClient *self)
{
  return self->area_domain != NULL ? self->area_domain : self->server_url;
}

/* Short prefix of a token for debug lines: never the whole token. */
static char *
token_hint (const char *token)
{
  if (token == NULL)
    return g_strdup ("none");
  return g_strdup_printf ("%.6s…", token);
}

SoupSession *
hcc_client_get_default_session (void)
{
  static SoupSession *session;

  /* One session per process (STYLE §4): connections are shared and reused. */
  if (session == NULL)
    session = soup_session_new_with_options ("user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                             "max-conns-per-host", 6,
                                             NULL);
  return session;
}

gboolean
hcc_client_decode_envelope (guint      http_status,
                            GBytes    *body,
                            JsonNode **data,
                            GError   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  JsonObject *root = NULL;
  JsonNode *data_node;
  gboolean parsed = FALSE;
  const char *bytes = NULL;
  gsize size = 0;

  if (data != NULL)
    *data = NULL;

  if (body != NULL)
    bytes = g_bytes_get_data (body, &size);

  if (bytes != NULL && size > 0 && size <= G_MAXSSIZE &&
      json_parser_load_from_data (parser, bytes, (gssize) size, NULL))
    {
      JsonNode *node = json_parser_get_root (parser);

      parsed = TRUE;
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        root = json_node_get_object (node);
    }

  if (root != NULL)
    {
      code = hcc_json_dup_string (root, "errorCode", "error_code", "code", NULL);
      if (code != NULL)
        g_strstrip (code);
      message = hcc_json_dup_string (root, "message", "errorMsg", "Message", "msg", NULL);
    }

  if (http_status < 200 || http_status > 299)
    {
      HccError kind = HCC_ERROR_TRANSPORT;
      g_autofree char *text = NULL;

      if (http_status == 429)
        kind = HCC_ERROR_RATE_LIMITED;
      else if (http_status >= 500 && http_status <= 599)
        kind = HCC_ERROR_SERVER;

      if (kind == HCC_ERROR_RATE_LIMITED)
        text = g_strdup (_("The platform is receiving too many requests. Try again in a moment."));
      else if (kind == HCC_ERROR_SERVER)
        text = g_strdup_printf (_("The platform has a problem (HTTP %u). Try again in a moment."),
                                http_status);
      else
        text = g_strdup_printf (_("The platform refused the request (HTTP %u)."), http_status);

      g_propagate_error (error, hcc_error_new_with_code (kind, code, text));
      return FALSE;
    }

  if (root == NULL || code == NULL)
    {
      g_debug ("Unreadable reply (%s, %" G_GSIZE_FORMAT " bytes)",
               parsed ? "no envelope" : "not JSON", size);
      g_set_error_literal (error, HCC_ERROR, HCC_ERROR_TRANSPORT,
                           _("The platform sent a reply that could not be read."));
      return FALSE;
    }

  if (!g_str_equal (code, "0"))
    {
      g_propagate_error (error, hcc_error_new_platform (code, message));
      return FALSE;
    }

  data_node = hcc_json_lookup (root, "data", "Data", NULL);
  if (data != NULL && data_node != NULL && !JSON_NODE_HOLDS_NULL (data_node))
    *data = json_node_copy (data_node);

  return TRUE;
}

/* {{{ Waiting with a cancellable */

typedef struct {
  GSource  *timeout;  /* (owned) */
  GSource  *cancel;   /* (owned) (nullable) */
  gboolean  done;
} Wait;

static void
wait_free (Wait *wait)
{
  g_source_destroy (wait->timeout);
  g_source_unref (wait->timeout);
  if (wait->cancel != NULL)
    {
      g_source_destroy (wait->cancel);
      g_source_unref (wait->cancel);
    }
  g_free (wait);
}

static gboolean
wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Wait *wait = g_task_get_task_data (task);

  /* Whichever source fires first returns the task; destroying both drops
   * their refs on it. check-cancellable turns a cancelled wait into
   * G_IO_ERROR_CANCELLED. */
  if (!wait->done)
    {
      wait->done = TRUE;
      g_source_destroy (wait->timeout);
      if (wait->cancel != NULL)
        g_source_destroy (wait->cancel);
      g_task_return_boolean (task, TRUE);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  return wait_done_cb (user_data);
}

static void
wait_async (guint                delay_ms,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Wait *wait = g_new0 (Wait, 1);

  g_task_set_source_tag (task, wait_async);
  g_task_set_task_data (task, wait, (GDestroyNotify) wait_free);

  /* Both sources hold a ref on the task until one of them fires. */
  wait->timeout = g_timeout_source_new (delay_ms);
  g_source_set_callback (wait->timeout, wait_done_cb, g_object_ref (task), g_object_unref);
  g_source_attach (wait->timeout, g_main_context_get_thread_default ());

  if (cancellable != NULL)
    {
      wait->cancel = g_cancellable_source_new (cancellable);
      g_source_set_callback (wait->cancel, G_SOURCE_FUNC (wait_cancelled_cb),
                             g_object_ref (task), g_object_unref);
      g_source_attach (wait->cancel, g_main_context_get_thread_default ());
    }
}

static gboolean
wait_finish (GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */

/* {{{ Decoding replies on the worker thread */

typedef struct {
  guint   http_status;
  GBytes *body;         /* (owned) (nullable) */
} DecodeJob;

/* What the worker hands back; exactly one of data (nullable on success:
 * no "data" member) and error is meaningful, as success says. */
typedef struct {
  gboolean  success;
  JsonNode *data;       /* (owned) (nullable) */
  GError   *error;      /* (owned) (nullable) */
} DecodeResult;

static void
decode_job_free (DecodeJob *job)
{
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job);
}

static void
decode_result_free (DecodeResult *decoded)
{
  g_clear_pointer (&decoded->data, json_node_unref);
  g_clear_error (&decoded->error);
  g_free (decoded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DecodeResult, decode_result_free)

static void
decode_worker (gpointer data,
               gpointer user_data)
{
  g_autoptr(GTask) task = data;
  DecodeJob *job = g_task_get_task_data (task);
  DecodeResult *decoded = g_new0 (DecodeResult, 1);

  /* hcc_client_decode_envelope() is a pure function of its arguments: it
   * reads no client state, so it is safe here. */
  decoded->success = hcc_client_decode_envelope (job->http_status, job->body,
                                                 &decoded->data, &decoded->error);

  /* GTask dispatches the callback in the main context the task was made
   * in, so the result is applied on the main thread. */
  g_task_return_pointer (task, decoded, (GDestroyNotify) decode_result_free);
}

static GThreadPool *
get_decode_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      /* One worker, not g_task_run_in_thread: a pool of one takes jobs in
       * order, so replies complete in the order they arrived, as they did
       * when they were parsed on the main thread. Shared (non-exclusive)
       * threads: nothing is kept alive while the client is idle. */
      GThreadPool *new_pool = g_thread_pool_new (decode_worker, NULL, 1, FALSE, NULL);

      g_once_init_leave (&pool, new_pool);
    }
  return pool;
}

/* Not cancellable: the parse is short and bounded by the body; the caller's
 * task still reports a cancellation when it returns. */
static void
decode_async (guint                http_status,
              GBytes              *body,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);
  DecodeJob *job = g_new0 (DecodeJob, 1);

  g_task_set_source_tag (task, decode_async);
  job->http_status = http_status;
  job->body = body != NULL ? g_bytes_ref (body) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) decode_job_free);

  /* A non-exclusive pool cannot fail to take a job. */
  g_thread_pool_push (get_decode_pool (), g_steal_pointer (&task), NULL);
}

static DecodeResult *
decode_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == decode_async, NULL);

  /* The task itself never fails: failures are inside the DecodeResult. */
  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/* }}} */

/* {{{ One HTTP exchange: budget, send, timeout, envelope */

typedef struct {
  HccLane       lane;
  gboolean      is_get;
  gboolean      is_login;
  char         *path;
  GBytes       *body;           /* (owned) (nullable) */
  char         *token_used;     /* (owned) (nullable) */
  GCancellable *send_cancel;    /* (owned) internal, for the timeout */
  gulong        cancel_id;
  GSource      *timeout;        /* (owned) (nullable) */
  gboolean      timed_out;
  SoupMessage  *msg;            /* (owned) (nullable) */
} Exchange;

static void
exchange_free (Exchange *ex)
{
  if (ex->timeout != NULL)
    {
      g_source_destroy (ex->timeout);
      g_source_unref (ex->timeout);
    }
  g_clear_pointer (&ex->path, g_free);
  g_clear_pointer (&ex->body, g_bytes_unref);
  g_clear_pointer (&ex->token_used, g_free);
  g_clear_object (&ex->send_cancel);
  g_clear_object (&ex->msg);
  g_free (ex);
}

static void
exchange_disconnect (GTask    *task,
                     Exchange *ex)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (ex->cancel_id != 0 && cancellable != NULL)
    g_cancellable_disconnect (cancellable, ex->cancel_id);
  ex->cancel_id = 0;

  if (ex->timeout != NULL)
    {
      g_source_destroy (ex->timeout);
      g_clear_pointer (&ex->timeout, g_source_unref);
    }
}

static GError *
map_transport_error (GError   *error,
                     gboolean  timed_out)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (timed_out)
        return g_error_new_literal (HCC_ERROR, HCC_ERROR_TIMEOUT,
                                    _("The platform did not answer in time."));
      return g_error_copy (error);
    }

  if (error->domain == G_TLS_ERROR)
    return g_error_new (HCC_ERROR, HCC_ERROR_TLS,
                        _("The server's certificate was refused: %s"), error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (HCC_ERROR, HCC_ERROR_TIMEOUT,
                                _("The platform did not answer in time."));

  return g_error_new (HCC_ERROR, HCC_ERROR_TRANSPORT,
                      _("Could not reach the platform: %s"), error->message);
}

static void
exchange_decoded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *ex = g_task_get_task_data (task);
  g_autoptr(DecodeResult) decoded = decode_finish (result);

  if (!decoded->success)
    {
      GError *error = decoded->error;

      g_debug ("%s -> HTTP %u, %s", ex->path, soup_message_get_status (ex->msg),
               hcc_error_get_platform_code (error) ? hcc_error_get_platform_code (error)
                                                   : error->message);
      g_task_return_error (task, g_steal_pointer (&decoded->error));
      return;
    }

  /* The task checks its cancellable here: a request cancelled while its
   * reply was being parsed still ends with G_IO_ERROR_CANCELLED. */
  g_task_return_pointer (task, g_steal_pointer (&decoded->data), (GDestroyNotify) json_node_unref);
}

static void
exchange_sent_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *ex = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  exchange_disconnect (task, ex);

  if (bytes == NULL)
    {
      g_debug ("%s failed: %s", ex->path, error->message);
      g_task_return_error (task, map_transport_error (error, ex->timed_out));
      return;
    }

  /* The timeout is disarmed: the exchange is over, only the decode is
   * left, and it must not stall the main loop (STYLE §4). The status is
   * read here because the SoupMessage stays on this thread. */
  decode_async (soup_message_get_status (ex->msg), bytes,
                exchange_decoded_cb, g_steal_pointer (&task));
}

static gboolean
exchange_timeout_cb (gpointer user_data)
{
  Exchange *ex = user_data;

  ex->timed_out = TRUE;
  g_clear_pointer (&ex->timeout, g_source_unref);
  g_cancellable_cancel (ex->send_cancel);

  return G_SOURCE_REMOVE;
}

static void
exchange_user_cancelled_cb (GCancellable *cancellable,
                            GCancellable *send_cancel)
{
  g_cancellable_cancel (send_cancel);
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       HccClient            *self)
{
  g_autoptr(GSocketConnectable) identity = NULL;
  GTlsCertificateFlags flags;
  GUri *uri = soup_message_get_uri (msg);

  if (self->ca_database == NULL)
    return FALSE;

  /* The system's trust refused it: check the extra CA file (the same
   * checks: chain, validity and the host name). */
  identity = g_network_address_new (g_uri_get_host (uri), (guint16) g_uri_get_port (uri));
  flags = g_tls_database_verify_chain (self->ca_database, certificate,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER,
                                       identity, NULL, G_TLS_DATABASE_VERIFY_NONE,
                                       NULL, NULL);
  g_debug ("Certificate check against the CA file: flags 0x%x", flags);
  return flags == 0;
}

static void
exchange_granted_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HccClient *self = g_task_get_source_object (task);
  Exchange *ex = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *hint = NULL;
  const char *base;

  if (!hcc_scheduler_acquire_finish (HCC_SCHEDULER (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!ex->is_login)
    {
      /* The token was dropped while we queued (another request got a
       * token error): behave as if this one did, to join the re-login. */
      if (self->token == NULL)
        {
          g_task_return_error (task,
                               hcc_error_new_with_code (HCC_ERROR_AUTH, "OPEN000007",
                                                        _("The session is no longer valid.")));
          return;
        }
      ex->token_used = g_strdup (self->token);
    }

  /* Later calls go to the areaDomain; token/get to the configured host. */
  base = ex->is_login ? self->server_url : api_base (self);
  url = g_strconcat (base, API_PREFIX, ex->path, NULL);

  ex->msg = soup_message_new (ex->is_get ? SOUP_METHOD_GET : SOUP_METHOD_POST, url);
  if (ex->msg == NULL)
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_VALIDATION,
                               _("“%s” is not a valid address."), url);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (ex->msg),
                                "Accept", "application/json");
  /* A plain "Token" header, no "Authorization: Bearer" (§13.3). */
  if (ex->token_used != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (ex->msg),
                                  "Token", ex->token_used);
  if (!ex->is_get)
    soup_message_set_request_body_from_bytes (ex->msg, "application/json", ex->body);

  if (self->ca_database != NULL)
    g_signal_connect_object (ex->msg, "accept-certificate",
                             G_CALLBACK (accept_certificate_cb), self, 0);

  ex->send_cancel = g_cancellable_new ();
  if (cancellable != NULL)
    ex->cancel_id = g_cancellable_connect (cancellable,
                                           G_CALLBACK (exchange_user_cancelled_cb),
                                           g_object_ref (ex->send_cancel),
                                           g_object_unref);

  ex->timeout = g_timeout_source_new (self->timeout_ms);
  g_source_set_callback (ex->timeout, exchange_timeout_cb, ex, NULL);
  g_source_attach (ex->timeout, g_main_context_get_thread_default ());

  hint = token_hint (ex->token_used);
  g_debug ("%s %s (token %s)", ex->is_get ? "GET" : "POST", ex->path, hint);

  soup_session_send_and_read_async (hcc_client_get_default_session (), ex->msg,
                                    G_PRIORITY_DEFAULT, ex->send_cancel,
                                    exchange_sent_cb, g_steal_pointer (&task));
}

static void
exchange_async (HccClient           *self,
                HccLane              lane,
                gboolean             is_get,
                gboolean             is_login,
                const char          *path,
                GBytes              *body,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Exchange *ex = g_new0 (Exchange, 1);

  g_task_set_source_tag (task, exchange_async);
  ex->lane = lane;
  ex->is_get = is_get;
  ex->is_login = is_login;
  ex->path = g_strdup (path);
  ex->body = body != NULL ? g_bytes_ref (body) : g_bytes_new_static ("{}", 2);
  g_task_set_task_data (task, ex, (GDestroyNotify) exchange_free);

  hcc_scheduler_acquire_async (self->scheduler, lane, cancellable,
                               exchange_granted_cb, g_steal_pointer (&task));
}

static JsonNode *
exchange_finish (HccClient     *self,
                 GAsyncResult  *result,
                 char         **token_used,
                 GError       **error)
{
  Exchange *ex = g_task_get_task_data (G_TASK (result));

  if (token_used != NULL)
    *token_used = g_strdup (ex->token_used);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */

/* {{{ Login: one token/get in flight, shared by every waiter */

typedef struct {
  GTask   *task;    /* (owned) */
  GSource *cancel;  /* (owned) (nullable) */
} LoginWaiter;

static void
login_waiter_free (LoginWaiter *waiter)
{
  if (waiter->cancel != NULL)
    {
      g_source_destroy (waiter->cancel);
      g_source_unref (waiter->cancel);
    }
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static gboolean
is_key_error (const GError *error)
{
  static const char * const fatal[] = {
    "OPEN000001", "OPEN000002", "OPEN000003", "OPEN000004", "OPEN000005", "OPEN300002",
  };
  const char *code = hcc_error_get_platform_code (error);

  for (gsize i = 0; i < G_N_ELEMENTS (fatal); i++)
    {
      if (hcc_error_code_equal (code, fatal[i]))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_token_error (const GError *error)
{
  const char *code = hcc_error_get_platform_code (error);

  return hcc_error_code_equal (code, "OPEN000006") || hcc_error_code_equal (code, "OPEN000007");
}

static gboolean
is_offline_error (const GError *error)
{
  return g_error_matches (error, HCC_ERROR, HCC_ERROR_TRANSPORT) ||
         g_error_matches (error, HCC_ERROR, HCC_ERROR_TIMEOUT) ||
         g_error_matches (error, HCC_ERROR, HCC_ERROR_TLS) ||
         (g_error_matches (error, HCC_ERROR, HCC_ERROR_SERVER) &&
          hcc_error_get_platform_code (error) == NULL);
}

static gboolean
apply_login_reply (HccClient  *self,
                   JsonNode   *data,
                   GError    **error)
{
  JsonObject *object = data != NULL && JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data)
                                                                     : NULL;
  g_autofree char *token = NULL;
  g_autofree char *area = NULL;
  g_autofree char *area_base = NULL;
  g_autofree char *user_id = NULL;
  gint64 expire = 0;

  token = hcc_json_dup_string (object, "accessToken", "token", NULL);
  if (token == NULL || *token == '\0')
    {
      g_set_error_literal (error, HCC_ERROR, HCC_ERROR_SERVER,
                           _("The platform sent no session token."));
      return FALSE;
    }

  area = hcc_json_dup_string (object, "areaDomain", NULL);
  if (area != NULL && *g_strstrip (area) != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      /* The regional server must be as secure as the configured one. */
      area_base = validate_base_url (area, &local_error);
      if (area_base == NULL)
        {
          g_set_error (error, HCC_ERROR, HCC_ERROR_VALIDATION,
                       _("The platform named an unsafe regional server: %s"),
                       local_error->message);
          return FALSE;
        }
    }

  user_id = hcc_json_dup_string (object, "userId", NULL);

  g_free (self->token);
  self->token = g_steal_pointer (&token);
  g_clear_pointer (&self->token_expiry, g_date_time_unref);
  /* expireTime may be seconds (the example) or milliseconds (T4). */
  if (hcc_json_get_int (object, &expire, "expireTime", NULL) && expire > 0)
    {
      g_autoptr(GDateTime) local = hcc_time_from_epoch (expire);

      if (local != NULL)
        self->token_expiry = g_date_time_to_utc (local);
    }
  if (self->token_expiry == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      self->token_expiry = g_date_time_add_days (now, 7);
    }

  /* T48: fall back to the configured host when areaDomain is missing. */
  g_free (self->area_domain);
  self->area_domain = g_steal_pointer (&area_base);

  if (g_strcmp0 (self->user_id, user_id) != 0)
    {
      g_free (self->user_id);
      self->user_id = g_steal_pointer (&user_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_ID]);
    }

  g_debug ("Logged in; calls go to %s", api_base (self));
  return TRUE;
}

static void
login_finished (HccClient *self,
                GError    *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->login_waiters);

  if (error == NULL)
    {
      self->auth_failed = FALSE;
      set_state (self, HCC_CLIENT_STATE_ONLINE);
    }
  else if (is_key_error (error))
    {
      /* Wrong keys: stop here, fail fast until the keys change (§12.1). */
      self->auth_failed = TRUE;
      forget_token (self);
      set_state (self, HCC_CLIENT_STATE_AUTH_FAILED);
    }
  else if (is_offline_error (error) ||
           g_error_matches (error, HCC_ERROR, HCC_ERROR_RATE_LIMITED))
    set_state (self, HCC_CLIENT_STATE_OFFLINE);

  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      LoginWaiter *waiter = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (waiter->task, g_error_copy (error));
      else
        g_task_return_boolean (waiter->task, TRUE);
    }
}

static void
login_exchange_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HccClient) self = user_data;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;

  data = exchange_finish (self, result, NULL, &error);
  if (error == NULL)
    apply_login_reply (self, data, &error);
  else if (is_token_error (error))
    {
      /* token/get takes no token; a token code here means the account. */
      g_clear_error (&error);
      g_set_error_literal (&error, HCC_ERROR, HCC_ERROR_AUTH,
                           _("The platform refused the keys."));
    }

  login_finished (self, error);
}

static gboolean
login_waiter_cancelled_cb (GCancellable *cancellable,
                           gpointer      user_data)
{
  LoginWaiter *waiter = user_data;
  HccClient *self = g_task_get_source_object (waiter->task);

  /* The shared token/get goes on for the other waiters. */
  g_task_return_error_if_cancelled (waiter->task);
  if (self->login_waiters != NULL)
    g_ptr_array_remove (self->login_waiters, waiter);

  return G_SOURCE_REMOVE;
}

static void
login_join (HccClient           *self,
            gboolean             force,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  LoginWaiter *waiter;
  char *body;
  gsize len;

  g_task_set_source_tag (task, login_join);

  if (!force && self->login_waiters == NULL && token_is_usable (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->app_key == NULL || self->secret_key == NULL)
    {
      self->auth_failed = TRUE;
      set_state (self, HCC_CLIENT_STATE_AUTH_FAILED);
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_AUTH,
                               _("No app key and secret key are set."));
      return;
    }

  waiter = g_new0 (LoginWaiter, 1);
  waiter->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    {
      waiter->cancel = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancel, G_SOURCE_FUNC (login_waiter_cancelled_cb),
                             waiter, NULL);
      g_source_attach (waiter->cancel, g_main_context_get_thread_default ());
    }

  if (self->login_waiters != NULL)
    {
      g_ptr_array_add (self->login_waiters, waiter);
      return;
    }

  self->login_waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) login_waiter_free);
  g_ptr_array_add (self->login_waiters, waiter);
  forget_token (self);
  if (self->state != HCC_CLIENT_STATE_ONLINE)
    set_state (self, HCC_CLIENT_STATE_CONNECTING);

  /* The SK goes as a JSON string even though the guide types it Number (T3). */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "appKey");
  json_builder_add_string_value (builder, self->app_key);
  json_builder_set_member_name (builder, "secretKey");
  json_builder_add_string_value (builder, self->secret_key);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  body = json_generator_to_data (generator, &len);

  /* Not cancellable: the token/get is shared by every waiter. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (body, len);

    exchange_async (self, HCC_LANE_INTERACTIVE, FALSE, TRUE, TOKEN_PATH, bytes, NULL,
                    login_exchange_cb, g_object_ref (self));
  }
}

static gboolean
login_join_finish (HccClient     *self,
                   GAsyncResult  *result,
                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */

/* {{{ Requests */

typedef struct {
  HccLane          lane;
  HccRequestFlags  flags;
  char            *path;
  GBytes          *body;          /* (owned) */
  guint            attempt;
  gboolean         auth_retried;
} Request;

static void
request_free (Request *request)
{
  g_clear_pointer (&request->path, g_free);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

static void request_step (GTask *task);

static void
request_backoff_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!wait_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  request_step (g_steal_pointer (&task));
}

/* Returns TRUE when the request will be retried (the task is taken). */
static gboolean
request_maybe_retry (GTask        *task,
                     const GError *error)
{
  Request *request = g_task_get_task_data (task);
  guint delay_ms;

  if (!(request->flags & HCC_REQUEST_RETRY_SAFE) ||
      !hcc_error_is_transient (error) ||
      request->attempt >= MAX_RETRIES)
    return FALSE;

  /* Exponential backoff with jitter, so clients that failed together do
   * not come back together. */
  delay_ms = MIN (BACKOFF_BASE_MS << request->attempt, BACKOFF_MAX_MS);
  delay_ms = (guint) (delay_ms * g_random_double_range (0.5, 1.5));
  request->attempt++;

  g_debug ("Retrying %s in %u ms (attempt %u): %s",
           request->path, delay_ms, request->attempt, error->message);
  wait_async (delay_ms, g_task_get_cancellable (task), request_backoff_cb, task);
  return TRUE;
}

static void
request_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HccClient *self = HCC_CLIENT (source);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autofree char *token_used = NULL;

  data = exchange_finish (self, result, &token_used, &error);

  if (error == NULL)
    {
      set_state (self, HCC_CLIENT_STATE_ONLINE);
      g_task_return_pointer (task, g_steal_pointer (&data), (GDestroyNotify) json_node_unref);
      return;
    }

  if (is_token_error (error) && !request->auth_retried)
    {
      request->auth_retried = TRUE;
      /* Drop the token only if nobody replaced it meanwhile; the next step
       * then joins (or starts) the single re-login. */
      if (g_strcmp0 (self->token, token_used) == 0)
        forget_token (self);
      g_debug ("Token refused for %s; re-login and retry once", request->path);
      request_step (g_steal_pointer (&task));
      return;
    }

  if (is_offline_error (error))
    set_state (self, HCC_CLIENT_STATE_OFFLINE);

  if (request_maybe_retry (task, error))
    {
      g_steal_pointer (&task);
      return;
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
request_logged_in_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HccClient *self = HCC_CLIENT (source);
  g_autoptr(GError) error = NULL;

  if (!login_join_finish (self, result, &error))
    {
      if (request_maybe_retry (task, error))
        {
          g_steal_pointer (&task);
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request_step (g_steal_pointer (&task));
}

static void
request_step (GTask *task)
{
  HccClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (self->auth_failed)
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_AUTH,
                               _("The platform refused the keys. Check them in the settings."));
      g_object_unref (task);
      return;
    }

  if (!token_is_usable (self) || self->login_waiters != NULL)
    {
      login_join (self, FALSE, cancellable, request_logged_in_cb, task);
      return;
    }

  exchange_async (self, request->lane, (request->flags & HCC_REQUEST_GET) != 0, FALSE,
                  request->path, request->body, cancellable, request_sent_cb, task);
}

/* }}} */

static void
hcc_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HccClient *self = HCC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_client_dispose (GObject *object)
{
  HccClient *self = (HccClient *)object;

  g_clear_object (&self->ca_database);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (hcc_client_parent_class)->dispose (object);
}

static void
hcc_client_finalize (GObject *object)
{
  HccClient *self = (HccClient *)object;

  g_clear_pointer (&self->server_url, g_free);
  g_clear_pointer (&self->app_key, g_free);
  if (self->secret_key != NULL)
    memset (self->secret_key, 0, strlen (self->secret_key));
  g_clear_pointer (&self->secret_key, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->area_domain, g_free);
  g_clear_pointer (&self->token_expiry, g_date_time_unref);
  /* Every waiter holds a ref on us, so none is left here. */
  g_clear_pointer (&self->login_waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (hcc_client_parent_class)->finalize (object);
}

static void
hcc_client_class_init (HccClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_client_get_property;
  object_class->dispose = hcc_client_dispose;
  object_class->finalize = hcc_client_finalize;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       HCC_TYPE_CLIENT_STATE, HCC_CLIENT_STATE_DISCONNECTED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_client_init (HccClient *self)
{
  self->region = HCC_REGION_EUROPE;
  self->server_url = g_strdup (region_urls[0].url);
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->scheduler = g_object_ref (hcc_scheduler_get_default ());
  self->state = HCC_CLIENT_STATE_DISCONNECTED;
}

HccClient *
hcc_client_new (void)
{
  return g_object_new (HCC_TYPE_CLIENT, NULL);
}

static void
reset_session (HccClient *self)
{
  forget_token (self);
  g_clear_pointer (&self->area_domain, g_free);
  self->auth_failed = FALSE;
  set_state (self, HCC_CLIENT_STATE_DISCONNECTED);
}

void
hcc_client_set_region (HccClient *self,
                       HccRegion  region)
{
  g_return_if_fail (HCC_IS_CLIENT (self));

  for (gsize i = 0; i < G_N_ELEMENTS (region_urls); i++)
    {
      if (region_urls[i].region != region)
        continue;

      self->region = region;
      if (g_strcmp0 (self->server_url, region_urls[i].url) != 0)
        {
          g_free (self->server_url);
          self->server_url = g_strdup (region_urls[i].url);
          reset_session (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
        }
      return;
    }
}

gboolean
hcc_client_set_server_url (HccClient   *self,
                           const char  *url,
                           GError     **error)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (HCC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  base = validate_base_url (url, error);
  if (base == NULL)
    return FALSE;

  self->region = HCC_REGION_CUSTOM;
  if (g_strcmp0 (self->server_url, base) != 0)
    {
      g_free (self->server_url);
      self->server_url = g_steal_pointer (&base);
      reset_session (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
    }
  return TRUE;
}

const char *
hcc_client_get_server_url (HccClient *self)
{
  g_return_val_if_fail (HCC_IS_CLIENT (self), NULL);

  return self->server_url;
}

gboolean
hcc_client_set_ca_file (HccClient   *self,
                        const char  *ca_file,
                        GError     **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HCC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ca_file == NULL)
    {
      g_clear_object (&self->ca_database);
      return TRUE;
    }

  database = g_tls_file_database_new (ca_file, &local_error);
  if (database == NULL)
    {
      g_set_error (error, HCC_ERROR, HCC_ERROR_TLS,
                   _("The certificate file could not be read: %s"), local_error->message);
      return FALSE;
    }

  g_set_object (&self->ca_database, database);
  return TRUE;
}

void
hcc_client_set_credentials (HccClient  *self,
                            const char *app_key,
                            const char *secret_key)
{
  g_return_if_fail (HCC_IS_CLIENT (self));

  if (g_strcmp0 (self->app_key, app_key) == 0 &&
      g_strcmp0 (self->secret_key, secret_key) == 0)
    return;

  g_free (self->app_key);
  self->app_key = g_strdup (app_key);
  if (self->secret_key != NULL)
    memset (self->secret_key, 0, strlen (self->secret_key));
  g_free (self->secret_key);
  self->secret_key = g_strdup (secret_key);

  /* New keys: a new session, and a refused account may work again. */
  reset_session (self);
}

void
hcc_client_set_rate_limit (HccClient *self,
                           guint      per_second)
{
  g_return_if_fail (HCC_IS_CLIENT (self));

  /* The budget is the process's, not this client's. */
  hcc_scheduler_set_rate_limit (self->scheduler, per_second);
}

void
hcc_client_set_timeout (HccClient *self,
                        guint      timeout_ms)
{
  g_return_if_fail (HCC_IS_CLIENT (self));

  self->timeout_ms = MAX (timeout_ms, 1);
}

HccClientState
hcc_client_get_state (HccClient *self)
{
  g_return_val_if_fail (HCC_IS_CLIENT (self), HCC_CLIENT_STATE_DISCONNECTED);

  return self->state;
}

const char *
hcc_client_get_user_id (HccClient *self)
{
  g_return_val_if_fail (HCC_IS_CLIENT (self), NULL);

  return self->user_id;
}

const char *
hcc_client_get_area_domain (HccClient *self)
{
  g_return_val_if_fail (HCC_IS_CLIENT (self), NULL);

  return api_base (self);
}

GDateTime *
hcc_client_get_token_expiry (HccClient *self)
{
  g_return_val_if_fail (HCC_IS_CLIENT (self), NULL);

  return self->token_expiry;
}

static void
login_public_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!login_join_finish (HCC_CLIENT (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
hcc_client_login_async (HccClient           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HCC_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_client_login_async);

  /* An explicit login is the user's "try again": it lifts auth-failed. */
  self->auth_failed = FALSE;
  login_join (self, TRUE, cancellable, login_public_cb, g_steal_pointer (&task));
}

gboolean
hcc_client_login_finish (HccClient     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (HCC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_client_login_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hcc_client_request_async (HccClient           *self,
                          HccLane              lane,
                          HccRequestFlags      flags,
                          const char          *path,
                          JsonNode            *body,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (HCC_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_client_request_async);

  request = g_new0 (Request, 1);
  request->lane = lane;
  request->flags = flags;
  request->path = g_strdup (path);
  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize len;
      char *text;

      json_generator_set_root (generator, body);
      text = json_generator_to_data (generator, &len);
      request->body = g_bytes_new_take (text, len);
    }
  else
    request->body = g_bytes_new_static ("{}", 2);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  request_step (g_steal_pointer (&task));
}

JsonNode *
hcc_client_request_finish (HccClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HCC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_client_request_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
