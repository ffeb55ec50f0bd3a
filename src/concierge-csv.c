/* concierge-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-csv"

#include "config.h"

#include <string.h>

#include "concierge-csv.h"

/* RFC 4180 only requires quoting for fields that contain the separator, a
 * quote or a line break; quoting nothing else keeps the files diff-friendly
 * and is what spreadsheets expect. */
static gboolean
needs_quotes (const char *field)
{
  return strpbrk (field, ",\"\r\n") != NULL;
}

void
concierge_csv_append_field (GString    *out,
                            const char *field)
{
  g_return_if_fail (out != NULL);

  /* A missing value is an empty field, not the string "(null)". */
  if (field == NULL || *field == '\0')
    return;

  if (!needs_quotes (field))
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
concierge_csv_append_row (GString            *out,
                          const char * const *fields,
                          gssize              n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields <= 0);

  if (n_fields < 0)
    n_fields = fields != NULL ? g_strv_length ((char **) fields) : 0;

  for (gssize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      concierge_csv_append_field (out, fields[i]);
    }

  /* RFC 4180 section 2.1: every record ends with CRLF, the last one too. */
  g_string_append (out, "\r\n");
}

char *
concierge_csv_format_time (GDateTime *time)
{
  if (time == NULL)
    return g_strdup ("");

  /* ISO 8601 with an explicit numeric offset (never "Z"), so a reader in
   * another time zone, or a spreadsheet, knows the desk's local time. */
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}
