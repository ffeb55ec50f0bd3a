/* hcc-sim-util.c: replies, IDs, times and lenient readers shared by the modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-sim"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hcc-sim-private.h"

void
_hcc_sim_reply_error (HccSimReply *reply,
                      const char  *error_code,
                      const char  *format,
                      ...)
{
  va_list args;

  g_return_if_fail (reply != NULL);
  g_return_if_fail (error_code != NULL);

  g_free (reply->error_code);
  g_free (reply->message);
  g_clear_pointer (&reply->data, json_node_unref);

  reply->error_code = g_strdup (error_code);
  if (format != NULL)
    {
      va_start (args, format);
      reply->message = g_strdup_vprintf (format, args);
      va_end (args);
    }
  else
    reply->message = NULL;
}

void
_hcc_sim_reply_data (HccSimReply *reply,
                     JsonNode    *data)
{
  g_return_if_fail (reply != NULL);

  if (reply->data != NULL)
    json_node_unref (reply->data);
  reply->data = data;
}

char *
_hcc_sim_new_id (HccSim *sim)
{
  GRand *rand = _hcc_sim_get_rand (sim);
  char id[19];

  /* 18 digits without a leading zero, beyond 2^53 like the platform's. */
  id[0] = '1' + g_rand_int_range (rand, 0, 9);
  for (guint i = 1; i < 18; i++)
    id[i] = '0' + g_rand_int_range (rand, 0, 10);
  id[18] = '\0';
  return g_strdup (id);
}

char *
_hcc_sim_new_hex_id (HccSim *sim)
{
  GRand *rand = _hcc_sim_get_rand (sim);
  GString *id = g_string_sized_new (32);

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (id, "%08x", g_rand_int (rand));
  return g_string_free (id, FALSE);
}

static GDateTime *
local_time (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) with_ms = NULL;

  if (utc == NULL)
    return NULL;
  with_ms = g_date_time_add (utc, (ms % 1000) * 1000);
  return g_date_time_to_local (with_ms);
}

char *
_hcc_sim_format_iso8601 (gint64 ms)
{
  g_autoptr(GDateTime) dt = local_time (ms);

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
_hcc_sim_format_plain (gint64 ms)
{
  g_autoptr(GDateTime) dt = local_time (ms);

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}

gboolean
_hcc_sim_parse_time (const char *text,
                     gint64     *ms)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *copy = NULL;
  char *end = NULL;

  g_return_val_if_fail (ms != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return FALSE;

  /* Plain digits are epoch values: below 10^11 seconds, above milliseconds. */
  if (g_ascii_isdigit (copy[0]))
    {
      guint64 value = g_ascii_strtoull (copy, &end, 10);

      if (end != NULL && *end == '\0' && strlen (copy) >= 9)
        {
          *ms = value < G_GUINT64_CONSTANT (100000000000) ? (gint64) value * 1000 : (gint64) value;
          return TRUE;
        }
    }

  /* "yyyy-MM-dd HH:mm:ss" is the same as ISO 8601 with a space. */
  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';

  dt = g_date_time_new_from_iso8601 (copy, local);
  if (dt == NULL)
    return FALSE;

  *ms = g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
  return TRUE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  if (object == NULL || member == NULL)
    return NULL;
  return json_object_get_member (object, member);
}

const char *
_hcc_sim_get_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

char *
_hcc_sim_dup_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  /* Integers keep every digit: json-glib holds them as gint64 (T51). */
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  return NULL;
}

gboolean
_hcc_sim_get_int (JsonObject *object,
                  const char *member,
                  gint64     *value)
{
  JsonNode *node = get_member (object, member);
  GType type;

  g_return_val_if_fail (value != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      /* Out of range, a cast to an integer would be undefined. */
      if (!(d >= -9.2e18 && d <= 9.2e18) || d != (double) (gint64) d)
        return FALSE;
      *value = (gint64) d;
      return TRUE;
    }
  if (type == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node) ? 1 : 0;
      return TRUE;
    }
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      gint64 parsed;

      /* The guide's examples send numbers as strings ("2", "10"). */
      if (text == NULL || *text == '\0')
        return FALSE;
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &parsed, NULL))
        return FALSE;
      *value = parsed;
      return TRUE;
    }
  return FALSE;
}

JsonObject *
_hcc_sim_get_object (JsonObject *object,
                     const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

JsonArray *
_hcc_sim_get_array (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}
