/* hcc-sim-control.c: the control port's core routes (tests and demos drive the simulator here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The control port is plain JSON without an envelope or a token: it is for
 * tests, benchmarks and demos, never for the app. Bad input is an HTTP 4xx
 * with {"error": text}, so a typo in a test fails loudly instead of being
 * taken as "no change". The calls module adds its own /control/calls routes
 * and the domain and video modules theirs. the README lists them all.
 */

#define G_LOG_DOMAIN "hcc-sim-control"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hcc-sim-private.h"

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

static void
reply_ok (HccSimReply *reply)
{
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "ok", TRUE);
  _hcc_sim_reply_data (reply, object_node (object));
}

/* The code goes out as "code" next to "error"; the HTTP status tells a
 * client that the control request was refused. */
static void
bad_request (HccSimReply *reply,
             const char  *text)
{
  _hcc_sim_reply_error (reply, "bad-request", "%s", text);
  reply->http_status = SOUP_STATUS_BAD_REQUEST;
}

static void
status (HccSim              *sim,
        const HccSimRequest *request,
        HccSimReply         *reply)
{
  _hcc_sim_reply_data (reply, object_node (_hcc_sim_dup_status (sim)));
}

static void
tokens_expire (HccSim              *sim,
               const HccSimRequest *request,
               HccSimReply         *reply)
{
  _hcc_sim_expire_tokens (sim);
  reply_ok (reply);
}

static void
clock_advance (HccSim              *sim,
               const HccSimRequest *request,
               HccSimReply         *reply)
{
  gint64 seconds;
  JsonObject *object;

  /* The clock only moves forward: tokens and queues never see time go back. */
  if (!_hcc_sim_get_int (request->object, "seconds", &seconds) || seconds < 0)
    {
      bad_request (reply, "seconds must be a number of seconds, 0 or more");
      return;
    }

  _hcc_sim_advance_clock (sim, seconds * 1000);
  object = json_object_new ();
  json_object_set_int_member (object, "now_ms", _hcc_sim_now_ms (sim));
  _hcc_sim_reply_data (reply, object_node (object));
}

static void
area_domain (HccSim              *sim,
             const HccSimRequest *request,
             HccSimReply         *reply)
{
  JsonNode *node = request->object != NULL ? json_object_get_member (request->object, "regional")
                                           : NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      bad_request (reply, "regional must be true or false");
      return;
    }

  _hcc_sim_set_regional (sim, json_node_get_boolean (node));
  object = json_object_new ();
  json_object_set_string_member (object, "area_domain", _hcc_sim_get_area_domain (sim));
  _hcc_sim_reply_data (reply, object_node (object));
}

static gboolean
parse_fault_kind (const char      *text,
                  HccSimFaultKind *kind)
{
  static const struct {
    const char      *name;
    HccSimFaultKind  kind;
  } kinds[] = {
    { "http-error", HCC_SIM_FAULT_HTTP_ERROR },
    { "reset", HCC_SIM_FAULT_RESET },
    { "delay", HCC_SIM_FAULT_DELAY },
    { "malformed-json", HCC_SIM_FAULT_MALFORMED_JSON },
    { "rate-limit", HCC_SIM_FAULT_RATE_LIMIT },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (text, kinds[i].name))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

static void
faults_add (HccSim              *sim,
            const HccSimRequest *request,
            HccSimReply         *reply)
{
  g_autofree HccSimFault *fault = g_new0 (HccSimFault, 1);
  JsonObject *object = request->object;
  JsonNode *fraction_node = object != NULL ? json_object_get_member (object, "fraction") : NULL;
  gint64 value;

  if (!parse_fault_kind (_hcc_sim_get_string (object, "kind"), &fault->kind))
    {
      bad_request (reply, "kind must be http-error, reset, delay, malformed-json or rate-limit");
      return;
    }

  /* count wins over fraction; with neither, the fault hits the next request. */
  if (_hcc_sim_get_int (object, "count", &value))
    {
      if (value < 1 || value > G_MAXUINT)
        {
          bad_request (reply, "count must be 1 or more");
          return;
        }
      fault->count = value;
    }
  else if (fraction_node != NULL && JSON_NODE_HOLDS_VALUE (fraction_node) &&
           (json_node_get_value_type (fraction_node) == G_TYPE_DOUBLE ||
            json_node_get_value_type (fraction_node) == G_TYPE_INT64))
    {
      fault->fraction = json_node_get_double (fraction_node);
      if (fault->fraction <= 0 || fault->fraction > 1)
        {
          bad_request (reply, "fraction must be more than 0 and at most 1");
          return;
        }
    }
  else
    fault->count = 1;

  if (_hcc_sim_get_int (object, "status", &value))
    {
      if (value < 400 || value > 599)
        {
          bad_request (reply, "status must be an HTTP error status (400-599)");
          return;
        }
      fault->status = value;
    }
  else
    fault->status = SOUP_STATUS_INTERNAL_SERVER_ERROR;

  if (_hcc_sim_get_int (object, "delay_ms", &value))
    {
      if (value < 0 || value > 600000)
        {
          bad_request (reply, "delay_ms must be between 0 and 600000");
          return;
        }
      fault->delay_ms = value;
    }
  else
    fault->delay_ms = 1000;

  /* Any substring of the path below the host, e.g. "mq/messages". */
  fault->path = _hcc_sim_dup_string (object, "path");
  _hcc_sim_add_fault (sim, g_steal_pointer (&fault));
  reply_ok (reply);
}

static void
faults_clear (HccSim              *sim,
              const HccSimRequest *request,
              HccSimReply         *reply)
{
  _hcc_sim_clear_faults (sim);
  reply_ok (reply);
}

static void
requests_get (HccSim              *sim,
              const HccSimRequest *request,
              HccSimReply         *reply)
{
  const char *since_text = request->query != NULL ? g_hash_table_lookup (request->query, "since")
                                                  : NULL;
  guint64 since = 0;

  if (since_text != NULL &&
      !g_ascii_string_to_unsigned (since_text, 10, 0, G_MAXUINT64, &since, NULL))
    {
      bad_request (reply, "since must be a sequence number");
      return;
    }

  _hcc_sim_reply_data (reply, _hcc_sim_dup_requests (sim, since));
}

static void
requests_clear (HccSim              *sim,
                const HccSimRequest *request,
                HccSimReply         *reply)
{
  _hcc_sim_clear_requests (sim);
  reply_ok (reply);
}

static void
stats_get (HccSim              *sim,
           const HccSimRequest *request,
           HccSimReply         *reply)
{
  _hcc_sim_reply_data (reply, _hcc_sim_dup_stats (sim));
}

static void
stats_reset (HccSim              *sim,
             const HccSimRequest *request,
             HccSimReply         *reply)
{
  _hcc_sim_reset_stats (sim);
  reply_ok (reply);
}

static void
rate_limit (HccSim              *sim,
            const HccSimRequest *request,
            HccSimReply         *reply)
{
  gint64 per_second;

  if (!_hcc_sim_get_int (request->object, "per_second", &per_second) ||
      per_second < 1 || per_second > 100000)
    {
      bad_request (reply, "per_second must be between 1 and 100000");
      return;
    }

  _hcc_sim_set_rate_limit (sim, per_second);
  reply_ok (reply);
}

void
_hcc_sim_control_init (HccSim *sim)
{
  _hcc_sim_add_control_route (sim, "GET", "/control/status", status);
  _hcc_sim_add_control_route (sim, "POST", "/control/tokens/expire", tokens_expire);
  _hcc_sim_add_control_route (sim, "POST", "/control/clock/advance", clock_advance);
  _hcc_sim_add_control_route (sim, "POST", "/control/area-domain", area_domain);
  _hcc_sim_add_control_route (sim, "POST", "/control/faults", faults_add);
  _hcc_sim_add_control_route (sim, "DELETE", "/control/faults", faults_clear);
  _hcc_sim_add_control_route (sim, "GET", "/control/requests", requests_get);
  _hcc_sim_add_control_route (sim, "DELETE", "/control/requests", requests_clear);
  _hcc_sim_add_control_route (sim, "GET", "/control/stats", stats_get);
  _hcc_sim_add_control_route (sim, "DELETE", "/control/stats", stats_reset);
  _hcc_sim_add_control_route (sim, "POST", "/control/rate-limit", rate_limit);
}
