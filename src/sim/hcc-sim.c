/* hcc-sim.c: the simulator object, its thread, its servers and the request pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An HccSim owns a thread with its own GMainContext. The API server (two
 * loopback ports: the main host and the "regional" areaDomain host) and the
 * control server run there, and so does every module: the modules never lock.
 * The public API below only starts and stops that thread and reads values
 * written before hcc_sim_start() returns.
 *
 * Every API request goes through one pipeline: log, fault injection, request
 * limit, route lookup, token check, body check, route function, envelope.
 */

#define G_LOG_DOMAIN "hcc-sim"

#include "config.h"

#include <string.h>

#include "hcc-sim-private.h"

#define TOKEN_VALIDITY_MS   (7 * 24 * 3600 * G_GINT64_CONSTANT (1000))
#define REQUEST_LOG_SIZE    20000
#define LOG_BODY_MAX        4096
#define TOKEN_GET_PATH      "/platform/v1/token/get"

/* A route's pattern is kept split on "/" so matching is a segment compare. */
typedef struct {
  char           *method;
  char           *pattern;
  char          **segments;
  HccSimEnvelope  envelope;
  HccSimRouteFunc func;
} Route;

/* Tokens keep the user's ID, not the user: the world may be rebuilt. */
typedef struct {
  char   *user_id;
  gint64  expire_ms;          /* simulated clock */
} TokenInfo;

/* One sliding one-second window of request times (monotonic microseconds)
 * and the counters the control port reports for it. */
typedef struct {
  guint64  total;
  guint64  accepted;
  guint64  rejected;
  guint    max_accepted;
  guint    max_arrivals;
  GArray  *accepted_times;
  GArray  *arrival_times;
} Window;

/* One request as the control port reports it. Nothing secret is kept. */
typedef struct {
  guint64   seq;
  gint64    time_ms;
  char     *method;
  char     *path;
  guint16   local_port;
  char     *token;            /* (nullable) masked */
  JsonNode *body;             /* (nullable) masked copy */
  guint     http_status;
  char     *error_code;       /* (nullable) */
  gboolean  rejected;
  char     *fault;            /* (nullable) the injected fault's kind */
} LogEntry;

/* A request held back by a delay fault; it refers to its log entry by
 * sequence number because the ring may drop the entry meanwhile. */
typedef struct {
  HccSim            *self;
  SoupServerMessage *msg;     /* (owned) */
  guint64            seq;
} Delayed;

struct _HccSim
{
  GObject          parent_instance;

  /* Configuration, set before start. */
  guint64          seed;
  guint            n_residents;
  gboolean         demo;
  GTlsCertificate *certificate;
  char            *rtmp_base_url;

  /* Thread hand-over. */
  GThread         *thread;
  GMainContext    *context;
  gint             quit;            /* atomic: stop() was called */
  GMutex           lock;
  GCond            cond;
  gboolean         start_done;
  GError          *start_error;
  guint16          want_port;
  guint16          want_control_port;

  /* Everything below is touched on the simulator's thread only, except the
   * ports and URLs, which are written before start returns. */
  HccSimWorld     *world;
  GRand           *rand;
  SoupServer      *server;
  SoupServer      *control_server;
  guint16          port;
  guint16          regional_port;
  guint16          control_port;
  char            *base_url;
  char            *regional_url;
  char            *control_url;
  gboolean         regional;
  gint64           clock_offset_ms;

  GPtrArray       *routes;
  GPtrArray       *control_routes;
  GHashTable      *tokens;          /* token → TokenInfo */
  GHashTable      *windows;         /* limit key → Window */
  Window          *overall;
  guint            rate_per_second;
  guint64          fault_counts[HCC_SIM_FAULT_RATE_LIMIT + 1];
  GPtrArray       *faults;          /* (element-type HccSimFault) */
  GQueue           request_log;     /* (element-type LogEntry) oldest first */
  guint64          next_seq;
  GPtrArray       *delayed;         /* (element-type GSource) */
  GHashTable      *module_data;     /* name → GDestroyNotify-owned data */
};

G_DEFINE_FINAL_TYPE (HccSim, hcc_sim, G_TYPE_OBJECT)

/* Indexed by HccSimFaultKind; the names are the control port's. */
static const char *fault_names[] = {
  "http-error", "reset", "delay", "malformed-json", "rate-limit",
};

typedef struct {
  gpointer       data;
  GDestroyNotify destroy;
} ModuleData;

static void
module_data_free (gpointer data)
{
  ModuleData *md = data;

  if (md->destroy != NULL && md->data != NULL)
    md->destroy (md->data);
  g_free (md);
}

static void
route_free (gpointer data)
{
  Route *route = data;

  g_free (route->method);
  g_free (route->pattern);
  g_strfreev (route->segments);
  g_free (route);
}

static void
token_info_free (gpointer data)
{
  TokenInfo *info = data;

  g_free (info->user_id);
  g_free (info);
}

static Window *
window_new (void)
{
  Window *window = g_new0 (Window, 1);

  window->accepted_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  window->arrival_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  return window;
}

static void
window_free (gpointer data)
{
  Window *window = data;

  g_array_unref (window->accepted_times);
  g_array_unref (window->arrival_times);
  g_free (window);
}

/* Drops the times that left the one-second window ending at @now_us. The
 * arrays stay short: at most the limit for accepted times, and the burst
 * size for arrivals. */
static void
times_prune (GArray *times,
             gint64  now_us)
{
  guint drop = 0;

  while (drop < times->len &&
         g_array_index (times, gint64, drop) <= now_us - G_USEC_PER_SEC)
    drop++;
  if (drop > 0)
    g_array_remove_range (times, 0, drop);
}

static void
window_arrive (Window *window,
               gint64  now_us)
{
  times_prune (window->arrival_times, now_us);
  times_prune (window->accepted_times, now_us);
  g_array_append_val (window->arrival_times, now_us);
  window->total++;
  window->max_arrivals = MAX (window->max_arrivals, window->arrival_times->len);
}

static void
window_accept (Window *window,
               gint64  now_us)
{
  g_array_append_val (window->accepted_times, now_us);
  window->accepted++;
  window->max_accepted = MAX (window->max_accepted, window->accepted_times->len);
}

static void
log_entry_free (gpointer data)
{
  LogEntry *entry = data;

  g_free (entry->method);
  g_free (entry->path);
  g_free (entry->token);
  g_clear_pointer (&entry->body, json_node_unref);
  g_free (entry->error_code);
  g_free (entry->fault);
  g_free (entry);
}

static void
fault_free (gpointer data)
{
  HccSimFault *fault = data;

  g_free (fault->path);
  g_free (fault);
}

static char *
mask_token (const char *token)
{
  if (token == NULL || *token == '\0')
    return NULL;
  if (strlen (token) <= 8)
    return g_strdup_printf ("%s...", token);
  return g_strdup_printf ("%.8s...", token);
}

/* Sequence numbers in the ring are consecutive, so the entry's position
 * follows from the oldest one's. */
static LogEntry *
find_log_entry (HccSim  *self,
                guint64  seq)
{
  LogEntry *head = g_queue_peek_head (&self->request_log);

  if (head == NULL || seq < head->seq)
    return NULL;
  return g_queue_peek_nth (&self->request_log, seq - head->seq);
}

/* Returns the request body as JSON, or an empty object for an empty body
 * (GET, or a POST without parameters). @valid is FALSE when the body is not
 * JSON; the caller reports that after the token check, as the platform does. */
static JsonNode *
parse_body (SoupServerMessage *msg,
            gboolean          *valid)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonNode *root;
  gsize len = 0;
  const char *data;

  *valid = TRUE;
  if (body == NULL || body->length == 0)
    goto empty;

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &len);
  /* A body of only white space counts as empty, like a missing one. */
  while (len > 0 && g_ascii_isspace (data[len - 1]))
    len--;
  if (len == 0)
    goto empty;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, NULL) ||
      json_parser_get_root (parser) == NULL)
    {
      *valid = FALSE;
      goto empty;
    }

  root = json_parser_steal_root (parser);
  return root;

empty:
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, json_object_new ());
  return root;
}

static JsonNode *
masked_copy (JsonNode *body)
{
  JsonObject *source;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  /* The secret key must never reach the request log, which tests and the
   * control port print. json_node_copy() shares the object, so the log gets
   * an object of its own and the request keeps the real key. */
  if (!JSON_NODE_HOLDS_OBJECT (body))
    return json_node_copy (body);

  source = json_node_get_object (body);
  object = json_object_new ();
  json_object_iter_init (&iter, source);
  while (json_object_iter_next (&iter, &name, &member))
    {
      if (g_str_equal (name, "secretKey"))
        json_object_set_string_member (object, name, "***");
      else
        json_object_set_member (object, name, json_node_copy (member));
    }
  {
    /* The node takes its own reference. */
    JsonNode *node = json_node_init_object (json_node_alloc (), object);

    json_object_unref (object);
    return node;
  }
}

static void
set_json_response (SoupServerMessage *msg,
                   guint              status,
                   JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize len;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json;charset=UTF-8",
                                    SOUP_MEMORY_TAKE, text, len);
}

/* The guide's failure messages end with the code in braces
 * ("SECRET_KEY_NOT_EQUALS{OPEN300002}"); route functions give the text only. */
static char *
error_text (const char *code,
            const char *message)
{
  g_autofree char *suffix = g_strdup_printf ("{%s}", code);

  if (message == NULL || *message == '\0')
    return g_strdup_printf ("%s%s", code, suffix);
  if (g_str_has_suffix (message, suffix))
    return g_strdup (message);
  return g_strdup_printf ("%s%s", message, suffix);
}

static JsonNode *
build_envelope (HccSimEnvelope  envelope,
                HccSimReply    *reply)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;
  const char *message_key = "message";
  const char *data_key = "data";
  gboolean failed = reply->error_code != NULL && g_strcmp0 (reply->error_code, "0") != 0;

  switch (envelope)
    {
    case HCC_SIM_ENVELOPE_ERROR_MSG:
      message_key = "errorMsg";
      break;
    case HCC_SIM_ENVELOPE_CAPITALISED:
      message_key = "Message";
      data_key = "Data";
      break;
    case HCC_SIM_ENVELOPE_MESSAGE:
    default:
      break;
    }

  json_object_set_string_member (object, "errorCode", failed ? reply->error_code : "0");
  if (failed)
    {
      g_autofree char *text = error_text (reply->error_code, reply->message);

      json_object_set_string_member (object, message_key, text);
    }
  else if (reply->message != NULL)
    json_object_set_string_member (object, message_key, reply->message);
  else if (envelope == HCC_SIM_ENVELOPE_ERROR_MSG)
    json_object_set_string_member (object, message_key, ""); /* as L6704 prints it */

  if (reply->data != NULL)
    json_object_set_member (object, data_key, g_steal_pointer (&reply->data));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static void
reply_clear (HccSimReply *reply)
{
  g_clear_pointer (&reply->error_code, g_free);
  g_clear_pointer (&reply->message, g_free);
  g_clear_pointer (&reply->data, json_node_unref);
}

static void
finish_log (HccSim     *self,
            guint64     seq,
            guint       status,
            const char *error_code)
{
  LogEntry *entry = find_log_entry (self, seq);

  if (entry == NULL)
    return;
  entry->http_status = status;
  g_free (entry->error_code);
  entry->error_code = g_strdup (error_code);
}

static void
send_envelope (HccSim            *self,
               SoupServerMessage *msg,
               guint64            seq,
               HccSimEnvelope     envelope,
               HccSimReply       *reply)
{
  g_autoptr(JsonNode) node = NULL;
  guint status = reply->http_status != 0 ? reply->http_status : SOUP_STATUS_OK;
  g_autofree char *code = g_strdup (reply->error_code != NULL ? reply->error_code : "0");

  node = build_envelope (envelope, reply);
  set_json_response (msg, status, node);
  finish_log (self, seq, status, code);
}

static void
send_error (HccSim            *self,
            SoupServerMessage *msg,
            guint64            seq,
            guint              status,
            const char        *code,
            const char        *text)
{
  HccSimReply reply = { 0, };

  reply.http_status = status;
  reply.error_code = g_strdup (code);
  reply.message = g_strdup (text);
  send_envelope (self, msg, seq, HCC_SIM_ENVELOPE_MESSAGE, &reply);
  reply_clear (&reply);
}

static gboolean
route_match (Route       *route,
             char       **segments,
             GPtrArray   *args)
{
  guint n = g_strv_length (route->segments);

  if (n != g_strv_length (segments))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (route->segments[i], "{}"))
        {
          if (segments[i][0] == '\0')
            return FALSE;
          if (args != NULL)
            g_ptr_array_add (args, segments[i]);
        }
      else if (!g_str_equal (route->segments[i], segments[i]))
        return FALSE;
    }
  return TRUE;
}

/* Finds the route for @method and @path (below the prefix). On failure
 * *path_known tells a wrong method (405) from an unknown path (404). */
static Route *
find_route (GPtrArray  *routes,
            const char *method,
            const char *path,
            GPtrArray  *args,
            gboolean   *path_known)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);

  *path_known = FALSE;
  for (guint i = 0; i < routes->len; i++)
    {
      Route *route = g_ptr_array_index (routes, i);

      if (!route_match (route, segments, NULL))
        continue;
      *path_known = TRUE;
      if (g_str_equal (route->method, method))
        {
          /* The args point into @segments, so copy them for the caller. */
          if (args != NULL)
            {
              g_autoptr(GPtrArray) tmp = g_ptr_array_new ();

              route_match (route, segments, tmp);
              for (guint j = 0; j < tmp->len; j++)
                g_ptr_array_add (args, g_strdup (g_ptr_array_index (tmp, j)));
            }
          return route;
        }
    }
  return NULL;
}

/* What the request limit counts against: the token, or for token/get (which
 * has no token yet) the appKey in the body. */
static char *
limit_key (const char *route_path,
           JsonNode   *body,
           const char *token)
{
  if (g_str_equal (route_path, TOKEN_GET_PATH))
    {
      g_autofree char *app_key = NULL;

      if (JSON_NODE_HOLDS_OBJECT (body))
        app_key = _hcc_sim_dup_string (json_node_get_object (body), "appKey");
      return g_strdup_printf ("appKey:%s", app_key != NULL ? app_key : "");
    }
  return g_strdup (token != NULL ? token : "");
}

/* Applies the request limit. Returns FALSE when the request is rejected. */
static gboolean
limit_admit (HccSim     *self,
             const char *key)
{
  Window *window = g_hash_table_lookup (self->windows, key);
  gint64 now_us = g_get_monotonic_time ();

  if (window == NULL)
    {
      window = window_new ();
      g_hash_table_insert (self->windows, g_strdup (key), window);
    }

  window_arrive (window, now_us);
  window_arrive (self->overall, now_us);

  /* Only accepted requests use the budget: a client that keeps knocking too
   * fast is refused, but not locked out for good. */
  if (window->accepted_times->len >= self->rate_per_second)
    {
      window->rejected++;
      self->overall->rejected++;
      return FALSE;
    }

  window_accept (window, now_us);
  window_accept (self->overall, now_us);
  return TRUE;
}

static void
process_api (HccSim            *self,
             SoupServerMessage *msg,
             guint64            seq)
{
  const char *full_path = g_uri_get_path (soup_server_message_get_uri (msg));
  const char *path = full_path + strlen (HCC_SIM_API_PREFIX);
  const char *method = soup_server_message_get_method (msg);
  const char *token = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                    "Token");
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *key = NULL;
  const char *query_text = g_uri_get_query (soup_server_message_get_uri (msg));
  gboolean body_valid;
  gboolean path_known;
  HccSimRequest request = { 0, };
  HccSimReply reply = { 0, };
  Route *route;
  LogEntry *entry;

  body = parse_body (msg, &body_valid);
  entry = find_log_entry (self, seq);
  if (entry != NULL)
    {
      if (body_valid)
        {
          g_autoptr(JsonNode) copy = masked_copy (body);
          g_autofree char *text = json_to_string (copy, FALSE);

          /* Huge bodies are cut in the log to keep its memory bounded. */
          if (strlen (text) <= LOG_BODY_MAX)
            entry->body = g_steal_pointer (&copy);
          else
            entry->body = json_node_init_string (json_node_alloc (), "(large body)");
        }
      else
        entry->body = json_node_init_string (json_node_alloc (), "(invalid JSON)");
    }

  key = limit_key (path, body, token);
  if (!limit_admit (self, key))
    {
      if (entry != NULL)
        entry->rejected = TRUE;
      send_error (self, msg, seq, 429, "OPEN000029",
                  "Request frequency exceeds the limit of the API");
      return;
    }

  route = find_route (self->routes, method, path, args, &path_known);
  if (route == NULL)
    {
      if (path_known)
        send_error (self, msg, seq, SOUP_STATUS_METHOD_NOT_ALLOWED, "OPEN000011",
                    "Request method not supported");
      else
        send_error (self, msg, seq, SOUP_STATUS_NOT_FOUND, "OPEN000011",
                    "API does not exist");
      return;
    }

  if (query_text != NULL)
    query = soup_form_decode (query_text);

  request.method = method;
  request.path = full_path;
  request.token = token;
  request.query = query;
  request.now_ms = _hcc_sim_now_ms (self);

  if (!g_str_equal (route->pattern, TOKEN_GET_PATH))
    {
      TokenInfo *info = token != NULL ? g_hash_table_lookup (self->tokens, token) : NULL;

      if (info == NULL)
        {
          send_error (self, msg, seq, SOUP_STATUS_OK, "OPEN000007", "TOKEN_INVALID");
          return;
        }
      if (info->expire_ms <= request.now_ms)
        {
          send_error (self, msg, seq, SOUP_STATUS_OK, "OPEN000006", "TOKEN_EXPIRED");
          return;
        }
      request.user = g_hash_table_lookup (self->world->users_by_id, info->user_id);
    }

  if (!body_valid)
    {
      send_error (self, msg, seq, SOUP_STATUS_OK, "OPEN000008", "Parameter conversion failed");
      return;
    }

  g_ptr_array_add (args, NULL);
  request.args = (const char **) args->pdata;
  request.body = body;
  request.object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;

  route->func (self, &request, &reply);
  send_envelope (self, msg, seq, route->envelope, &reply);
  reply_clear (&reply);
}

/* Returns a copy of the first fault that applies to @path, or NULL. Count
 * faults are used up; fraction faults stay until the control port clears
 * them. The draw uses the seeded GRand so a run can be repeated. */
static HccSimFault *
pick_fault (HccSim     *self,
            const char *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      HccSimFault *fault = g_ptr_array_index (self->faults, i);

      if (fault->path != NULL && strstr (path, fault->path) == NULL)
        continue;

      if (fault->count > 0)
        {
          HccSimFault *copy = g_memdup2 (fault, sizeof *fault);

          copy->path = NULL;
          if (--fault->count == 0)
            g_ptr_array_remove_index (self->faults, i);
          return copy;
        }
      if (fault->fraction > 0 && g_rand_double (self->rand) < fault->fraction)
        {
          HccSimFault *copy = g_memdup2 (fault, sizeof *fault);

          copy->path = NULL;
          return copy;
        }
    }
  return NULL;
}

static void
delayed_free (gpointer data)
{
  Delayed *delayed = data;

  g_object_unref (delayed->msg);
  g_free (delayed);
}

static gboolean
delayed_cb (gpointer user_data)
{
  GSource *source = g_main_current_source ();
  Delayed *delayed = user_data;
  HccSim *self = delayed->self;

  process_api (self, delayed->msg, delayed->seq);
  soup_server_message_unpause (delayed->msg);

  /* The context keeps its own reference while dispatching. */
  if (g_ptr_array_remove_fast (self->delayed, source))
    g_source_unref (source);
  return G_SOURCE_REMOVE;
}

static void
apply_fault (HccSim            *self,
             SoupServerMessage *msg,
             guint64            seq,
             HccSimFault       *fault)
{
  LogEntry *entry = find_log_entry (self, seq);

  self->fault_counts[fault->kind]++;
  if (entry != NULL)
    entry->fault = g_strdup (fault_names[fault->kind]);

  switch (fault->kind)
    {
    case HCC_SIM_FAULT_HTTP_ERROR:
      {
        guint status = fault->status != 0 ? fault->status : SOUP_STATUS_INTERNAL_SERVER_ERROR;
        const char *page = "<html><body><h1>Gateway error</h1></body></html>";

        /* Gateways answer with an HTML page, not with the API's envelope. */
        soup_server_message_set_status (msg, status, NULL);
        soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                          page, strlen (page));
        finish_log (self, seq, status, NULL);
      }
      break;

    case HCC_SIM_FAULT_RESET:
      {
        /* Taking the connection away from libsoup and closing it gives the
         * client a reset with no HTTP reply at all. */
        g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

        finish_log (self, seq, 0, NULL);
        if (stream != NULL)
          g_io_stream_close (stream, NULL, NULL);
      }
      break;

    case HCC_SIM_FAULT_MALFORMED_JSON:
      {
        /* A body cut short in the middle of a member, as a broken proxy or a
         * dropped connection would deliver it. */
        const char *text = "{\"errorCode\":\"0\",\"data\":{\"accessTok";

        soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
        soup_server_message_set_response (msg, "application/json;charset=UTF-8",
                                          SOUP_MEMORY_STATIC, text, strlen (text));
        finish_log (self, seq, SOUP_STATUS_OK, NULL);
      }
      break;

    case HCC_SIM_FAULT_RATE_LIMIT:
      send_error (self, msg, seq, 429, "OPEN000029",
                  "Request frequency exceeds the limit of the API");
      break;

    case HCC_SIM_FAULT_DELAY:
      {
        Delayed *delayed = g_new0 (Delayed, 1);
        GSource *source;

        delayed->self = self;
        delayed->msg = g_object_ref (msg);
        delayed->seq = seq;
        /* Pause the message and finish it from a timeout: the simulator's
         * thread keeps serving other requests meanwhile. */
        soup_server_message_pause (msg);
        source = g_timeout_source_new (fault->delay_ms);
        g_source_set_callback (source, delayed_cb, delayed, delayed_free);
        g_ptr_array_add (self->delayed, source);
        g_source_attach (source, self->context);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
api_handler_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  HccSim *self = user_data;
  g_autofree HccSimFault *fault = NULL;
  GSocketAddress *local = soup_server_message_get_local_address (msg);
  const char *token = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                    "Token");
  LogEntry *entry = g_new0 (LogEntry, 1);

  entry->seq = ++self->next_seq;
  entry->time_ms = _hcc_sim_now_ms (self);
  entry->method = g_strdup (soup_server_message_get_method (msg));
  entry->path = g_strdup (path);
  if (G_IS_INET_SOCKET_ADDRESS (local))
    entry->local_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  entry->token = mask_token (token);
  g_queue_push_tail (&self->request_log, entry);
  while (self->request_log.length > REQUEST_LOG_SIZE)
    log_entry_free (g_queue_pop_head (&self->request_log));

  fault = pick_fault (self, path);
  if (fault != NULL)
    {
      /* A delay fault finishes the request later, from a timeout. */
      apply_fault (self, msg, entry->seq, fault);
      return;
    }

  process_api (self, msg, entry->seq);
}

static void
control_handler_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  HccSim *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) out = NULL;
  HccSimRequest request = { 0, };
  HccSimReply reply = { 0, };
  gboolean valid;
  gboolean path_known;
  Route *route;

  body = parse_body (msg, &valid);
  if (!valid)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "error", "the body is not valid JSON");
      out = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
      set_json_response (msg, SOUP_STATUS_BAD_REQUEST, out);
      return;
    }

  route = find_route (self->control_routes, method, path, args, &path_known);
  if (route == NULL)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "error",
                                     path_known ? "method not allowed" : "no such control route");
      out = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
      set_json_response (msg, path_known ? SOUP_STATUS_METHOD_NOT_ALLOWED : SOUP_STATUS_NOT_FOUND,
                         out);
      return;
    }

  g_ptr_array_add (args, NULL);
  request.method = method;
  request.path = path;
  request.body = body;
  request.object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  request.args = (const char **) args->pdata;
  request.now_ms = _hcc_sim_now_ms (self);
  request.query = query;

  route->func (self, &request, &reply);

  if (reply.error_code != NULL && !g_str_equal (reply.error_code, "0"))
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "error",
                                     reply.message != NULL ? reply.message : reply.error_code);
      json_object_set_string_member (object, "code", reply.error_code);
      out = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
      set_json_response (msg, reply.http_status != 0 ? reply.http_status : SOUP_STATUS_BAD_REQUEST,
                         out);
    }
  else
    {
      if (reply.data != NULL)
        out = g_steal_pointer (&reply.data);
      else
        {
          JsonObject *object = json_object_new ();

          out = json_node_init_object (json_node_alloc (), object);
          json_object_unref (object);
        }
      set_json_response (msg, reply.http_status != 0 ? reply.http_status : SOUP_STATUS_OK, out);
    }
  reply_clear (&reply);
}

static void
add_route (GPtrArray      *routes,
           const char     *method,
           const char     *pattern,
           HccSimEnvelope  envelope,
           HccSimRouteFunc func)
{
  Route *route = g_new0 (Route, 1);

  route->method = g_strdup (method);
  route->pattern = g_strdup (pattern);
  route->segments = g_strsplit (pattern, "/", -1);
  route->envelope = envelope;
  route->func = func;
  g_ptr_array_add (routes, route);
}

/* Listens on 127.0.0.1:@port (0: any free port) and returns the port, or 0
 * with @error set. Never anything but the loopback: this is a local demo. */
static guint16
listen_loopback (SoupServer             *server,
                 guint16                 port,
                 SoupServerListenOptions options,
                 GError                **error)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (address, port);
  GSList *before = soup_server_get_listeners (server);
  GSList *after;
  guint16 found = 0;

  if (!soup_server_listen (server, socket_address, options, error))
    {
      g_slist_free (before);
      return 0;
    }

  /* The new listener is the one that was not there before. */
  after = soup_server_get_listeners (server);
  for (GSList *l = after; l != NULL; l = l->next)
    {
      g_autoptr(GSocketAddress) local = NULL;

      if (g_slist_find (before, l->data) != NULL)
        continue;
      local = g_socket_get_local_address (l->data, NULL);
      if (G_IS_INET_SOCKET_ADDRESS (local))
        found = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
    }
  g_slist_free (before);
  g_slist_free (after);

  if (found == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not find the listening port");
  return found;
}

/* Runs on the simulator's thread, with its context pushed as the
 * thread-default one, so the servers' sources and every module's timers are
 * attached there. */
static gboolean
setup (HccSim  *self,
       GError **error)
{
  SoupServerListenOptions options = 0;
  const char *scheme = "http";

  self->rand = g_rand_new_with_seed_array ((const guint32[]) { (guint32) self->seed,
                                                               (guint32) (self->seed >> 32) }, 2);
  self->world = hcc_sim_world_new (self->seed, self->n_residents);

  /* One server for both API ports, so the regional host serves the same
   * routes and tokens as the main one. */
  self->server = soup_server_new ("server-header", "hcc-sim ", NULL);
  if (self->certificate != NULL)
    {
      soup_server_set_tls_certificate (self->server, self->certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
      scheme = "https";
    }
  self->control_server = soup_server_new ("server-header", "hcc-sim-control ", NULL);

  soup_server_add_handler (self->server, HCC_SIM_API_PREFIX, api_handler_cb, self, NULL);
  soup_server_add_handler (self->control_server, "/control", control_handler_cb, self, NULL);

  if ((self->port = listen_loopback (self->server, self->want_port, options, error)) == 0)
    return FALSE;
  if ((self->regional_port = listen_loopback (self->server, 0, options, error)) == 0)
    return FALSE;
  if ((self->control_port = listen_loopback (self->control_server, self->want_control_port,
                                             0, error)) == 0)
    return FALSE;

  g_free (self->base_url);
  g_free (self->regional_url);
  g_free (self->control_url);
  self->base_url = g_strdup_printf ("%s://127.0.0.1:%u", scheme, self->port);
  self->regional_url = g_strdup_printf ("%s://127.0.0.1:%u", scheme, self->regional_port);
  self->control_url = g_strdup_printf ("http://127.0.0.1:%u", self->control_port);

  /* The modules register their routes; the video module also adds its media
   * handlers, which need the server to exist. */
  _hcc_sim_system_init (self);
  _hcc_sim_control_init (self);
  _hcc_sim_queue_init (self);
  _hcc_sim_calls_init (self);
  _hcc_sim_directory_init (self);
  _hcc_sim_passes_init (self);
  _hcc_sim_access_init (self);
  _hcc_sim_resources_init (self);
  _hcc_sim_video_init (self);

  return TRUE;
}

static void
teardown (HccSim  *self,
          gboolean initialised)
{
  if (initialised)
    {
      _hcc_sim_calls_shutdown (self);
      _hcc_sim_video_shutdown (self);
      _hcc_sim_queue_shutdown (self);
    }

  /* Paused messages would never finish: drop them before the servers go. */
  while (self->delayed->len > 0)
    {
      GSource *source = g_ptr_array_steal_index_fast (self->delayed, self->delayed->len - 1);

      g_source_destroy (source);
      g_source_unref (source);
    }

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  if (self->control_server != NULL)
    soup_server_disconnect (self->control_server);
  g_clear_object (&self->server);
  g_clear_object (&self->control_server);

  g_hash_table_remove_all (self->module_data);
  /* A later start registers every route again. */
  g_ptr_array_set_size (self->routes, 0);
  g_ptr_array_set_size (self->control_routes, 0);
  g_clear_pointer (&self->world, hcc_sim_world_free);
  g_clear_pointer (&self->rand, g_rand_free);
}

static gpointer
sim_thread_func (gpointer data)
{
  HccSim *self = data;
  GError *error = NULL;
  gboolean ok;

  g_main_context_push_thread_default (self->context);

  ok = setup (self, &error);

  g_mutex_lock (&self->lock);
  self->start_done = TRUE;
  self->start_error = error;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  if (ok)
    {
      /* Not g_main_loop_run(): a quit that comes before the loop starts
       * would be lost, and stop() would wait for ever. The flag is seen
       * whenever it comes. */
      while (!g_atomic_int_get (&self->quit))
        g_main_context_iteration (self->context, TRUE);
    }

  teardown (self, ok);

  /* Let pending source finalisers run on this thread. */
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static void
hcc_sim_dispose (GObject *object)
{
  HccSim *self = HCC_SIM (object);

  hcc_sim_stop (self);
  g_clear_object (&self->certificate);

  G_OBJECT_CLASS (hcc_sim_parent_class)->dispose (object);
}

static void
hcc_sim_finalize (GObject *object)
{
  HccSim *self = HCC_SIM (object);

  g_free (self->rtmp_base_url);
  g_free (self->base_url);
  g_free (self->regional_url);
  g_free (self->control_url);
  g_ptr_array_unref (self->routes);
  g_ptr_array_unref (self->control_routes);
  g_hash_table_unref (self->tokens);
  g_hash_table_unref (self->windows);
  window_free (self->overall);
  g_ptr_array_unref (self->faults);
  g_queue_clear_full (&self->request_log, log_entry_free);
  g_ptr_array_unref (self->delayed);
  g_hash_table_unref (self->module_data);
  g_clear_error (&self->start_error);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (hcc_sim_parent_class)->finalize (object);
}

static void
hcc_sim_class_init (HccSimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hcc_sim_dispose;
  object_class->finalize = hcc_sim_finalize;
}

static void
hcc_sim_init (HccSim *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->routes = g_ptr_array_new_with_free_func (route_free);
  self->control_routes = g_ptr_array_new_with_free_func (route_free);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, token_info_free);
  self->windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, window_free);
  self->overall = window_new ();
  self->rate_per_second = 5;
  self->faults = g_ptr_array_new_with_free_func (fault_free);
  g_queue_init (&self->request_log);
  self->delayed = g_ptr_array_new ();
  self->module_data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, module_data_free);
}

HccSim *
hcc_sim_new (guint64 seed,
             guint   n_residents)
{
  HccSim *self = g_object_new (HCC_TYPE_SIM, NULL);

  self->seed = seed;
  self->n_residents = n_residents;
  return self;
}

void
hcc_sim_set_demo (HccSim   *self,
                  gboolean  demo)
{
  g_return_if_fail (HCC_IS_SIM (self));
  g_return_if_fail (self->thread == NULL);

  self->demo = !!demo;
}

void
hcc_sim_set_tls_certificate (HccSim          *self,
                             GTlsCertificate *certificate)
{
  g_return_if_fail (HCC_IS_SIM (self));
  g_return_if_fail (self->thread == NULL);

  g_set_object (&self->certificate, certificate);
}

void
hcc_sim_set_rtmp_base_url (HccSim     *self,
                           const char *rtmp_base_url)
{
  g_return_if_fail (HCC_IS_SIM (self));
  g_return_if_fail (self->thread == NULL);

  g_free (self->rtmp_base_url);
  self->rtmp_base_url = g_strdup (rtmp_base_url);
}

/* Blocks until both servers listen (or failed to), so that the caller may
 * read the URLs and ports at once. */
gboolean
hcc_sim_start (HccSim   *self,
               guint16   port,
               guint16   control_port,
               GError  **error)
{
  g_return_val_if_fail (HCC_IS_SIM (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  self->want_port = port;
  self->want_control_port = control_port;
  self->start_done = FALSE;
  g_atomic_int_set (&self->quit, FALSE);
  self->thread = g_thread_new ("hcc-sim", sim_thread_func, self);

  g_mutex_lock (&self->lock);
  while (!self->start_done)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  if (self->start_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      return FALSE;
    }
  return TRUE;
}

/* Raising the flag and waking the simulator's context from this thread ends
 * its loop; the modules then shut down on their own thread before it ends. */
void
hcc_sim_stop (HccSim *self)
{
  g_return_if_fail (HCC_IS_SIM (self));

  if (self->thread == NULL)
    return;

  g_atomic_int_set (&self->quit, TRUE);
  g_main_context_wakeup (self->context);
  g_thread_join (g_steal_pointer (&self->thread));
}

char *
hcc_sim_dup_base_url (HccSim *self)
{
  g_return_val_if_fail (HCC_IS_SIM (self), NULL);

  return g_strdup (self->base_url);
}

char *
hcc_sim_dup_control_url (HccSim *self)
{
  g_return_val_if_fail (HCC_IS_SIM (self), NULL);

  return g_strdup (self->control_url);
}

guint16
hcc_sim_get_port (HccSim *self)
{
  g_return_val_if_fail (HCC_IS_SIM (self), 0);

  return self->port;
}

guint16
hcc_sim_get_control_port (HccSim *self)
{
  g_return_val_if_fail (HCC_IS_SIM (self), 0);

  return self->control_port;
}

GTlsCertificate *
hcc_sim_generate_certificate (const char  *cert_path,
                              const char  *key_path,
                              GError     **error)
{
  g_autoptr(GSubprocess) process = NULL;

  g_return_val_if_fail (cert_path != NULL, NULL);
  g_return_val_if_fail (key_path != NULL, NULL);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              error,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                              "-days", "30", "-subj", "/CN=127.0.0.1",
                              "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                              "-keyout", key_path, "-out", cert_path, NULL);
  if (process == NULL)
    return NULL;
  /* This runs before the simulator starts, so waiting here blocks no loop. */
  if (!g_subprocess_wait_check (process, NULL, error))
    return NULL;

  return g_tls_certificate_new_from_files (cert_path, key_path, error);
}

/* Module API (hcc-sim-private.h). */

void
_hcc_sim_add_route (HccSim          *sim,
                    const char      *method,
                    const char      *pattern,
                    HccSimEnvelope   envelope,
                    HccSimRouteFunc  func)
{
  g_return_if_fail (HCC_IS_SIM (sim));

  add_route (sim->routes, method, pattern, envelope, func);
}

void
_hcc_sim_add_control_route (HccSim          *sim,
                            const char      *method,
                            const char      *pattern,
                            HccSimRouteFunc  func)
{
  g_return_if_fail (HCC_IS_SIM (sim));
  g_return_if_fail (g_str_has_prefix (pattern, "/control"));

  add_route (sim->control_routes, method, pattern, HCC_SIM_ENVELOPE_MESSAGE, func);
}

void
_hcc_sim_add_media_handler (HccSim             *sim,
                            const char         *path_prefix,
                            SoupServerCallback  callback,
                            gpointer            user_data)
{
  g_return_if_fail (HCC_IS_SIM (sim));
  g_return_if_fail (sim->server != NULL);

  soup_server_add_handler (sim->server, path_prefix, callback, user_data, NULL);
}

HccSimWorld *
_hcc_sim_get_world (HccSim *sim)
{
  return sim->world;
}

GMainContext *
_hcc_sim_get_context (HccSim *sim)
{
  return sim->context;
}

GRand *
_hcc_sim_get_rand (HccSim *sim)
{
  return sim->rand;
}

gboolean
_hcc_sim_get_demo (HccSim *sim)
{
  return sim->demo;
}

const char *
_hcc_sim_get_base_url (HccSim *sim)
{
  return sim->base_url;
}

const char *
_hcc_sim_get_rtmp_base_url (HccSim *sim)
{
  return sim->rtmp_base_url;
}

const char *
_hcc_sim_get_control_url (HccSim *sim)
{
  return sim->control_url;
}

const char *
_hcc_sim_get_regional_url (HccSim *sim)
{
  return sim->regional_url;
}

guint64
_hcc_sim_get_seed (HccSim *sim)
{
  return sim->seed;
}

/* The request limit does not use this clock: it measures real seconds on
 * the monotonic clock, so advancing the simulated one cannot lift it. */
gint64
_hcc_sim_now_ms (HccSim *sim)
{
  return g_get_real_time () / 1000 + sim->clock_offset_ms;
}

void
_hcc_sim_advance_clock (HccSim *sim,
                        gint64  ms)
{
  if (ms > 0)
    sim->clock_offset_ms += ms;
}

const char *
_hcc_sim_issue_token (HccSim     *sim,
                      HccSimUser *user,
                      gint64     *expire_ms)
{
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  GString *token = g_string_new ("hcc.");
  TokenInfo *info = g_new0 (TokenInfo, 1);
  char *key;

  /* 36 characters: well inside the documented maximum of 64. */
  for (guint i = 0; i < 32; i++)
    g_string_append_c (token, alphabet[g_rand_int_range (sim->rand, 0, sizeof alphabet - 1)]);

  info->user_id = g_strdup (user->id);
  info->expire_ms = _hcc_sim_now_ms (sim) + TOKEN_VALIDITY_MS;
  if (expire_ms != NULL)
    *expire_ms = info->expire_ms;

  key = g_string_free (token, FALSE);
  g_hash_table_replace (sim->tokens, key, info);
  return key;
}

const char *
_hcc_sim_get_area_domain (HccSim *sim)
{
  return sim->regional ? sim->regional_url : sim->base_url;
}

void
_hcc_sim_set_regional (HccSim   *sim,
                       gboolean  regional)
{
  sim->regional = !!regional;
}

/* Expired tokens stay in the table so that they give OPEN000006 (expired)
 * and not OPEN000007 (unknown), as a real client would see. */
void
_hcc_sim_expire_tokens (HccSim *sim)
{
  GHashTableIter iter;
  TokenInfo *info;
  gint64 now_ms = _hcc_sim_now_ms (sim);

  g_hash_table_iter_init (&iter, sim->tokens);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &info))
    info->expire_ms = MIN (info->expire_ms, now_ms);
}

void
_hcc_sim_set_rate_limit (HccSim *sim,
                         guint   per_second)
{
  sim->rate_per_second = per_second > 0 ? per_second : 5;
}

void
_hcc_sim_add_fault (HccSim      *sim,
                    HccSimFault *fault)
{
  g_ptr_array_add (sim->faults, fault);
}

void
_hcc_sim_clear_faults (HccSim *sim)
{
  g_ptr_array_set_size (sim->faults, 0);
}

JsonNode *
_hcc_sim_dup_requests (HccSim  *sim,
                       guint64  since)
{
  JsonArray *array = json_array_new ();
  JsonObject *object = json_object_new ();

  for (GList *l = sim->request_log.head; l != NULL; l = l->next)
    {
      LogEntry *entry = l->data;
      JsonObject *item;

      if (entry->seq <= since)
        continue;

      item = json_object_new ();
      json_object_set_int_member (item, "seq", entry->seq);
      json_object_set_int_member (item, "time_ms", entry->time_ms);
      json_object_set_string_member (item, "method", entry->method);
      json_object_set_string_member (item, "path", entry->path);
      json_object_set_int_member (item, "local_port", entry->local_port);
      if (entry->token != NULL)
        json_object_set_string_member (item, "token", entry->token);
      else
        json_object_set_null_member (item, "token");
      if (entry->body != NULL)
        json_object_set_member (item, "body", json_node_copy (entry->body));
      json_object_set_int_member (item, "http_status", entry->http_status);
      if (entry->error_code != NULL)
        json_object_set_string_member (item, "error_code", entry->error_code);
      json_object_set_boolean_member (item, "rejected", entry->rejected);
      if (entry->fault != NULL)
        json_object_set_string_member (item, "fault", entry->fault);
      json_array_add_object_element (array, item);
    }

  json_object_set_array_member (object, "requests", array);
  json_object_set_int_member (object, "last_seq", sim->next_seq);
  {
    /* The node takes its own reference. */
    JsonNode *node = json_node_init_object (json_node_alloc (), object);

    json_object_unref (object);
    return node;
  }
}

void
_hcc_sim_clear_requests (HccSim *sim)
{
  g_queue_clear_full (&sim->request_log, log_entry_free);
  g_queue_init (&sim->request_log);
}

static JsonObject *
window_to_json (Window *window)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "total", window->total);
  json_object_set_int_member (object, "accepted", window->accepted);
  json_object_set_int_member (object, "rejected", window->rejected);
  json_object_set_int_member (object, "max_accepted_per_second", window->max_accepted);
  json_object_set_int_member (object, "max_arrivals_per_second", window->max_arrivals);
  return object;
}

JsonNode *
_hcc_sim_dup_stats (HccSim *sim)
{
  JsonObject *object = window_to_json (sim->overall);
  JsonObject *faults = json_object_new ();
  JsonArray *keys = json_array_new ();
  GHashTableIter iter;
  const char *key;
  Window *window;

  json_object_set_int_member (object, "rate_limit_per_second", sim->rate_per_second);
  for (guint i = 0; i < G_N_ELEMENTS (fault_names); i++)
    json_object_set_int_member (faults, fault_names[i], sim->fault_counts[i]);
  json_object_set_object_member (object, "faults", faults);

  g_hash_table_iter_init (&iter, sim->windows);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &window))
    {
      JsonObject *item = window_to_json (window);

      if (g_str_has_prefix (key, "appKey:"))
        json_object_set_string_member (item, "app_key", key + strlen ("appKey:"));
      else
        {
          g_autofree char *masked = mask_token (key);

          json_object_set_string_member (item, "token", masked != NULL ? masked : "");
        }
      json_array_add_object_element (keys, item);
    }
  json_object_set_array_member (object, "keys", keys);

  {
    /* The node takes its own reference. */
    JsonNode *node = json_node_init_object (json_node_alloc (), object);

    json_object_unref (object);
    return node;
  }
}

void
_hcc_sim_reset_stats (HccSim *sim)
{
  g_hash_table_remove_all (sim->windows);
  window_free (sim->overall);
  sim->overall = window_new ();
  memset (sim->fault_counts, 0, sizeof sim->fault_counts);
}

JsonObject *
_hcc_sim_dup_status (HccSim *sim)
{
  JsonObject *object = json_object_new ();
  JsonObject *counts = json_object_new ();
  HccSimWorld *world = sim->world;
  g_autofree char *seed = NULL;

  json_object_set_string_member (object, "api_url", sim->base_url);
  json_object_set_string_member (object, "regional_url", sim->regional_url);
  json_object_set_string_member (object, "area_domain", _hcc_sim_get_area_domain (sim));
  json_object_set_string_member (object, "control_url", sim->control_url);
  json_object_set_boolean_member (object, "tls", sim->certificate != NULL);
  json_object_set_boolean_member (object, "demo", sim->demo);
  /* The seed goes out as text: a 64-bit value does not survive a double. */
  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, sim->seed);
  json_object_set_string_member (object, "seed", seed);
  json_object_set_string_member (object, "app_key", HCC_SIM_DEMO_APP_KEY);
  json_object_set_string_member (object, "secret_key", HCC_SIM_DEMO_SECRET_KEY);
  json_object_set_int_member (object, "now_ms", _hcc_sim_now_ms (sim));
  json_object_set_int_member (object, "clock_offset_ms", sim->clock_offset_ms);
  json_object_set_int_member (object, "rate_limit_per_second", sim->rate_per_second);

  json_object_set_int_member (counts, "areas", world->areas->len);
  json_object_set_int_member (counts, "buildings", world->buildings->len);
  json_object_set_int_member (counts, "rooms", world->rooms->len);
  json_object_set_int_member (counts, "persons", world->persons->len);
  json_object_set_int_member (counts, "devices", world->devices->len);
  json_object_set_int_member (counts, "doors", world->doors->len);
  json_object_set_int_member (counts, "cameras", world->cameras->len);
  json_object_set_int_member (counts, "passes", world->passes->len);
  json_object_set_int_member (counts, "users", world->users->len);
  json_object_set_int_member (counts, "tokens", g_hash_table_size (sim->tokens));
  json_object_set_int_member (counts, "requests", sim->next_seq);
  json_object_set_int_member (counts, "faults_pending", sim->faults->len);
  json_object_set_int_member (counts, "events_pending", _hcc_sim_queue_count_pending (sim));
  json_object_set_object_member (object, "counts", counts);

  return object;
}

void
_hcc_sim_set_module_data (HccSim         *sim,
                          const char     *name,
                          gpointer        data,
                          GDestroyNotify  destroy)
{
  ModuleData *md;

  if (data == NULL)
    {
      g_hash_table_remove (sim->module_data, name);
      return;
    }

  md = g_new0 (ModuleData, 1);
  md->data = data;
  md->destroy = destroy;
  g_hash_table_replace (sim->module_data, g_strdup (name), md);
}

gpointer
_hcc_sim_get_module_data (HccSim     *sim,
                          const char *name)
{
  ModuleData *md = g_hash_table_lookup (sim->module_data, name);

  return md != NULL ? md->data : NULL;
}
