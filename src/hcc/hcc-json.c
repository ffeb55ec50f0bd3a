/* hcc-json.c: lenient reading of the platform's JSON, and its time formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hcc-error.h"
#include "hcc-json.h"

/* Epoch values below this are seconds, above it milliseconds (catalogue
 * §13.13): 10^11 seconds is the year 5138, 10^11 ms is 1973. */
#define EPOCH_MS_THRESHOLD G_GINT64_CONSTANT (100000000000)

static gboolean
key_matches_loosely (const char *key,
                     const char *name)
{
  gsize len;

  /* Trap T17: keys such as "errorCode " or " personId " carry stray spaces. */
  while (g_ascii_isspace (*key))
    key++;
  len = strlen (key);
  while (len > 0 && g_ascii_isspace (key[len - 1]))
    len--;

  return len == strlen (name) && g_ascii_strncasecmp (key, name, len) == 0;
}

static JsonNode *
lookup_names (JsonObject         *object,
              const char * const *names,
              gsize               n_names)
{
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return NULL;

  /* Exact spellings win, in the order given... */
  for (gsize i = 0; i < n_names; i++)
    {
      JsonNode *node = json_object_get_member (object, names[i]);

      if (node != NULL)
        return node;
    }

  /* ...then case-insensitive, space-trimmed matches (T15, T16, T17). */
  members = json_object_get_members (object);
  for (gsize i = 0; i < n_names; i++)
    {
      for (GList *l = members; l != NULL; l = l->next)
        {
          if (key_matches_loosely (l->data, names[i]))
            return json_object_get_member (object, l->data);
        }
    }

  return NULL;
}

static JsonNode *
lookup_valist (JsonObject *object,
               const char *first_name,
               va_list     args)
{
  const char *names[16];
  gsize n_names = 0;

  for (const char *name = first_name;
       name != NULL && n_names < G_N_ELEMENTS (names);
       name = va_arg (args, const char *))
    names[n_names++] = name;

  return lookup_names (object, names, n_names);
}

JsonNode *
hcc_json_lookup (JsonObject *object,
                 const char *first_name,
                 ...)
{
  JsonNode *node;
  va_list args;

  va_start (args, first_name);
  node = lookup_valist (object, first_name, args);
  va_end (args);

  return node;
}

static char *
node_dup_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));

    case G_TYPE_INT64:
      /* Trap T51: 18-19 digit IDs stay exact as gint64, never a double. */
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");

    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (!isfinite (d))
          return NULL;
        if (d == floor (d) && fabs (d) < 1e15)
          return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) d);
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, d));
      }

    default:
      return NULL;
    }
}

static gboolean
parse_int_text (const char *text,
                gint64     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  double d;
  char *end = NULL;

  if (*copy == '\0')
    return FALSE;
  if (g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, value, NULL))
    return TRUE;

  /* "1.0" or "1e3" written as text. */
  d = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (d) || d != floor (d) ||
      fabs (d) > 9.0e15)
    return FALSE;
  *value = (gint64) d;
  return TRUE;
}

static gboolean
node_get_int (JsonNode *node,
              gint64   *value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *value = json_node_get_int (node);
      return TRUE;

    case G_TYPE_BOOLEAN:
      *value = json_node_get_boolean (node) ? 1 : 0;
      return TRUE;

    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        if (!isfinite (d) || d != floor (d) || fabs (d) > 9.0e15)
          return FALSE;
        *value = (gint64) d;
        return TRUE;
      }

    case G_TYPE_STRING:
      return parse_int_text (json_node_get_string (node), value);

    default:
      return FALSE;
    }
}

static gboolean
node_get_bool (JsonNode *node,
               gboolean *value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      *value = json_node_get_boolean (node);
      return TRUE;

    case G_TYPE_INT64:
      *value = json_node_get_int (node) != 0;
      return TRUE;

    case G_TYPE_DOUBLE:
      *value = json_node_get_double (node) != 0.0;
      return TRUE;

    case G_TYPE_STRING:
      {
        g_autofree char *copy = g_strstrip (g_strdup (json_node_get_string (node)));

        if (g_ascii_strcasecmp (copy, "true") == 0 || g_strcmp0 (copy, "1") == 0)
          *value = TRUE;
        else if (g_ascii_strcasecmp (copy, "false") == 0 || g_strcmp0 (copy, "0") == 0)
          *value = FALSE;
        else
          return FALSE;
        return TRUE;
      }

    default:
      return FALSE;
    }
}

static JsonArray *
node_dup_array (JsonNode *node)
{
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_ref (json_node_get_array (node));

  /* Trap T7: a single object (or value) where a list was expected. */
  array = json_array_new ();
  json_array_add_element (array, json_node_copy (node));
  return array;
}

static GDateTime *
node_dup_time (JsonNode *node)
{
  gint64 epoch;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return hcc_time_parse (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return NULL;
  if (node_get_int (node, &epoch))
    return hcc_time_from_epoch (epoch);
  return NULL;
}

char *
hcc_json_dup_string (JsonObject *object,
                     const char *first_name,
                     ...)
{
  JsonNode *node;
  va_list args;

  va_start (args, first_name);
  node = lookup_valist (object, first_name, args);
  va_end (args);

  return node_dup_string (node);
}

gboolean
hcc_json_get_int (JsonObject *object,
                  gint64     *value,
                  const char *first_name,
                  ...)
{
  JsonNode *node;
  gint64 v;
  va_list args;

  va_start (args, first_name);
  node = lookup_valist (object, first_name, args);
  va_end (args);

  if (!node_get_int (node, &v))
    return FALSE;
  if (value != NULL)
    *value = v;
  return TRUE;
}

gboolean
hcc_json_get_bool (JsonObject *object,
                   gboolean   *value,
                   const char *first_name,
                   ...)
{
  JsonNode *node;
  gboolean v;
  va_list args;

  va_start (args, first_name);
  node = lookup_valist (object, first_name, args);
  va_end (args);

  if (!node_get_bool (node, &v))
    return FALSE;
  if (value != NULL)
    *value = v;
  return TRUE;
}

JsonObject *
hcc_json_get_object (JsonObject *object,
                     const char *first_name,
                     ...)
{
  JsonNode *node;
  va_list args;

  va_start (args, first_name);
  node = lookup_valist (object, first_name, args);
  va_end (args);

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  /* The reverse of T7: a one-element list where an object was expected. */
  if (JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) == 1)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (node), 0);

      if (JSON_NODE_HOLDS_OBJECT (first))
        return json_node_get_object (first);
    }

  return NULL;
}

JsonArray *
hcc_json_dup_array (JsonObject *object,
                    const char *first_name,
                    ...)
{
  JsonNode *node;
  va_list args;

  va_start (args, first_name);
  node = lookup_valist (object, first_name, args);
  va_end (args);

  return node_dup_array (node);
}

GDateTime *
hcc_json_dup_time (JsonObject *object,
                   const char *first_name,
                   ...)
{
  JsonNode *node;
  va_list args;

  va_start (args, first_name);
  node = lookup_valist (object, first_name, args);
  va_end (args);

  return node_dup_time (node);
}

GDateTime *
hcc_time_from_epoch (gint64 value)
{
  g_autoptr(GDateTime) seconds = NULL;
  gint64 ms;

  if (value > -EPOCH_MS_THRESHOLD && value < EPOCH_MS_THRESHOLD)
    return g_date_time_new_from_unix_local (value);

  /* GLib 2.74 has no _from_unix_local_usec, so add the milliseconds. */
  ms = value % 1000;
  if (ms < 0)
    ms += 1000;
  seconds = g_date_time_new_from_unix_local ((value - ms) / 1000);
  if (seconds == NULL)
    return NULL;
  return g_date_time_add (seconds, ms * G_TIME_SPAN_MILLISECOND);
}

static gboolean
is_all_digits (const char *text)
{
  if (*text == '-')
    text++;
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isdigit (*text))
        return FALSE;
    }
  return TRUE;
}

GDateTime *
hcc_time_parse (const char *text)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *copy = NULL;
  gsize len;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len == 0 || len > 64)
    return NULL;

  /* Epoch seconds or milliseconds written as text (T4). Eight digits would
   * also be a basic date, but no field of the guide sends a bare date. */
  if (is_all_digits (copy))
    {
      gint64 epoch;

      if (!g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, &epoch, NULL))
        return NULL;
      return hcc_time_from_epoch (epoch);
    }

  /* "yyyy-MM-dd HH:mm:ss" (T34): local wall time of the site. */
  if (len >= 19 && copy[10] == ' ')
    copy[10] = 'T';

  if (strchr (copy, 'T') == NULL && strchr (copy, 't') == NULL)
    return NULL;

  /* Without a zone, the time is the site's wall time: our local zone.
   * GLib parses both the extended and the basic ISO 8601 forms. */
  local = g_time_zone_new_local ();
  return g_date_time_new_from_iso8601 (copy, local);
}

char *
hcc_time_format (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  /* The offset is the local zone's at that instant (DST included), never a
   * hard-coded "+08:00" like the guide's examples. */
  local = g_date_time_to_local (time);
  if (local == NULL)
    return NULL;
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
hcc_time_format_plain (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  if (local == NULL)
    return NULL;
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static gboolean
map_one (JsonNode   *node,
         GObject    *target,
         GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  GType fundamental = G_TYPE_FUNDAMENTAL (type);
  gint64 i;
  gboolean b;

  g_value_init (&value, type);

  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = node_dup_time (node);

      if (time == NULL)
        return FALSE;
      g_value_take_boxed (&value, time);
    }
  else if (fundamental == G_TYPE_STRING)
    {
      char *text = node_dup_string (node);

      if (text == NULL)
        return FALSE;
      g_value_take_string (&value, text);
    }
  else if (fundamental == G_TYPE_BOOLEAN)
    {
      if (!node_get_bool (node, &b))
        return FALSE;
      g_value_set_boolean (&value, b);
    }
  else if (fundamental == G_TYPE_DOUBLE || fundamental == G_TYPE_FLOAT)
    {
      double d;

      if (JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_DOUBLE)
        d = json_node_get_double (node);
      else if (node_get_int (node, &i))
        d = (double) i;
      else
        return FALSE;
      if (fundamental == G_TYPE_DOUBLE)
        g_value_set_double (&value, d);
      else
        g_value_set_float (&value, (float) d);
    }
  else
    {
      if (!node_get_int (node, &i))
        return FALSE;

      if (fundamental == G_TYPE_INT && i >= G_MININT && i <= G_MAXINT)
        g_value_set_int (&value, (int) i);
      else if (fundamental == G_TYPE_UINT && i >= 0 && i <= G_MAXUINT)
        g_value_set_uint (&value, (guint) i);
      else if (fundamental == G_TYPE_INT64)
        g_value_set_int64 (&value, i);
      else if (fundamental == G_TYPE_UINT64 && i >= 0)
        g_value_set_uint64 (&value, (guint64) i);
      else if (fundamental == G_TYPE_LONG && i >= G_MINLONG && i <= G_MAXLONG)
        g_value_set_long (&value, (long) i);
      else if (fundamental == G_TYPE_ULONG && i >= 0 && (guint64) i <= G_MAXULONG)
        g_value_set_ulong (&value, (gulong) i);
      else if (fundamental == G_TYPE_ENUM && i >= G_MININT && i <= G_MAXINT)
        {
          g_autoptr(GEnumClass) klass = g_type_class_ref (type);

          if (g_enum_get_value (klass, (int) i) == NULL)
            return FALSE;
          g_value_set_enum (&value, (int) i);
        }
      else
        return FALSE;
    }

  /* Out-of-range values would make g_object_set_property() warn. */
  if (g_param_value_validate (pspec, &value))
    return FALSE;

  g_object_set_property (target, pspec->name, &value);
  return TRUE;
}

gboolean
hcc_json_map_object (JsonObject          *object,
                     GObject             *target,
                     const HccJsonField  *fields,
                     gsize                n_fields,
                     GError             **error)
{
  GObjectClass *klass;

  g_return_val_if_fail (G_IS_OBJECT (target), FALSE);
  g_return_val_if_fail (fields != NULL || n_fields == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (object == NULL)
    {
      g_set_error_literal (error, HCC_ERROR, HCC_ERROR_SERVER,
                           _("The platform sent an incomplete reply."));
      return FALSE;
    }

  klass = G_OBJECT_GET_CLASS (target);

  for (gsize f = 0; f < n_fields; f++)
    {
      g_auto(GStrv) names = g_strsplit (fields[f].names, "|", 16);
      GParamSpec *pspec = g_object_class_find_property (klass, fields[f].property);
      JsonNode *node;

      /* A wrong table is a programming error, not bad input. */
      g_return_val_if_fail (pspec != NULL, FALSE);

      node = lookup_names (object, (const char * const *) names, g_strv_length (names));

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (fields[f].required)
            {
              g_set_error (error, HCC_ERROR, HCC_ERROR_SERVER,
                           _("The platform sent an incomplete reply (no “%s”)."),
                           names[0]);
              return FALSE;
            }
          continue;
        }

      if (!map_one (node, target, pspec))
        {
          if (fields[f].required)
            {
              g_set_error (error, HCC_ERROR, HCC_ERROR_SERVER,
                           _("The platform sent an unusable value for “%s”."),
                           names[0]);
              return FALSE;
            }
          g_debug ("Ignoring unusable value for %s", names[0]);
        }
    }

  return TRUE;
}
