/* test-csv.c: the RFC 4180 writer, checked by reading its output back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "concierge-csv.h"

/* A strict RFC 4180 reader, written independently of the writer: it rejects
 * bare quotes inside unquoted fields, text after a closing quote, and record
 * ends other than CRLF, so sloppy output fails the round trip. Returns a
 * GPtrArray of GPtrArray of strings, or NULL on malformed input. */
static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *p = text;

  while (*p != '\0')
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (rows, row);

      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (*p == '"')
            {
              p++;
              for (;;)
                {
                  if (*p == '\0')
                    {
                      g_string_free (field, TRUE);
                      return NULL;
                    }
                  if (*p == '"' && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    g_string_append_c (field, *p++);
                }
            }
          else
            {
              while (*p != '\0' && *p != ',' && *p != '\r' && *p != '\n')
                {
                  if (*p == '"')
                    {
                      g_string_free (field, TRUE);
                      return NULL;
                    }
                  g_string_append_c (field, *p++);
                }
            }

          g_ptr_array_add (row, g_string_free (field, FALSE));

          if (*p == ',')
            {
              p++;
              continue;
            }
          if (p[0] == '\r' && p[1] == '\n')
            {
              p += 2;
              break;
            }
          /* A bare LF or CR, text after a closing quote, or a missing
           * final CRLF. */
          return NULL;
        }
    }

  return g_steal_pointer (&rows);
}

static void
test_csv_exact_bytes (void)
{
  const char * const fields[] = { "plain", "a,b", "say \"hi\"", "", NULL, "two\r\nlines", NULL };
  g_autoptr(GString) out = g_string_new (NULL);

  concierge_csv_append_row (out, fields, 6);
  g_assert_cmpstr (out->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",,,\"two\r\nlines\"\r\n");
}

static void
test_csv_round_trip (void)
{
  /* Every troublesome character alone and in company, UTF-8 included. */
  const char * const rows[][6] = {
    { "record_id", "door station", "room", "operator", "reason", "note" },
    { "1234567890123456789", "Gate, north", "12\"A\"", "Zoë Ødegård", "", "line1\nline2" },
    { "\"", ",", "\r", "\n", "\r\n", "\"\"" },
    { " leading", "trailing ", "Straße 5 — 東京", "", "a\"b,c\r\nd", "=1+2" },
    { "", "", "", "", "", "" },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) parsed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    concierge_csv_append_row (out, rows[i], G_N_ELEMENTS (rows[i]));

  g_assert_true (g_utf8_validate (out->str, out->len, NULL));
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));

  parsed = parse_csv (out->str);
  g_assert_nonnull (parsed);
  g_assert_cmpuint (parsed->len, ==, G_N_ELEMENTS (rows));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GPtrArray *row = g_ptr_array_index (parsed, i);

      g_assert_cmpuint (row->len, ==, G_N_ELEMENTS (rows[i]));
      for (guint j = 0; j < row->len; j++)
        g_assert_cmpstr (g_ptr_array_index (row, j), ==, rows[i][j]);
    }
}

static void
test_csv_null_terminated (void)
{
  const char * const header[] = { "time", "door", NULL };
  g_autoptr(GString) out = g_string_new (NULL);

  concierge_csv_append_row (out, header, -1);
  g_assert_cmpstr (out->str, ==, "time,door\r\n");
}

/* The reader must really catch bad output, or the round trip proves little. */
static void
test_csv_reader_is_strict (void)
{
  g_autoptr(GPtrArray) ok = parse_csv ("a,\"b\"\r\n");

  g_assert_nonnull (ok);
  g_assert_null (parse_csv ("a,b\n"));
  g_assert_null (parse_csv ("a,b\"c\r\n"));
  g_assert_null (parse_csv ("\"a\"b\r\n"));
  g_assert_null (parse_csv ("a,b"));
}

static void
test_csv_time (void)
{
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_identifier ("+02:00");
  g_autoptr(GTimeZone) minus = g_time_zone_new_identifier ("-05:30");
  g_autoptr(GDateTime) local = g_date_time_new (plus_two, 2026, 11, 25, 19, 5, 1.25);
  g_autoptr(GDateTime) west = g_date_time_new (minus, 2026, 1, 2, 3, 4, 5);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 11, 25, 17, 5, 1);
  g_autofree char *a = concierge_csv_format_time (local);
  g_autofree char *b = concierge_csv_format_time (west);
  g_autofree char *c = concierge_csv_format_time (utc);
  g_autofree char *d = concierge_csv_format_time (NULL);

  g_assert_cmpstr (a, ==, "2026-11-25T19:05:01+02:00");
  g_assert_cmpstr (b, ==, "2026-01-02T03:04:05-05:30");
  g_assert_cmpstr (c, ==, "2026-11-25T17:05:01+00:00");
  g_assert_cmpstr (d, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/writer/exact-bytes", test_csv_exact_bytes);
  g_test_add_func ("/csv/writer/round-trip", test_csv_round_trip);
  g_test_add_func ("/csv/writer/null-terminated", test_csv_null_terminated);
  g_test_add_func ("/csv/reader/strict", test_csv_reader_is_strict);
  g_test_add_func ("/csv/writer/time", test_csv_time);

  return g_test_run ();
}
