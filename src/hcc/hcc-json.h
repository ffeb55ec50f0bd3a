/* hcc-json.h: lenient reading of the platform's JSON, and its time formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guide spells some fields two ways and types others loosely (catalogue
 * §14, traps T6, T7, T10, T12, T15, T16, T17, T37, T51): every reader here
 * takes a NULL-terminated list of spellings, accepts numbers as strings and
 * the reverse, matches keys case-insensitively and ignoring stray spaces
 * when no exact match exists, and never passes an ID through a double.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The first member of @object named by one of the spellings. */
JsonNode    *hcc_json_lookup       (JsonObject  *object,
                                    const char  *first_name,
                                    ...) G_GNUC_NULL_TERMINATED;
/* Strings, or numbers written as text without loss ("288329024512665601").
 * NULL when absent or null. */
char        *hcc_json_dup_string   (JsonObject  *object,
                                    const char  *first_name,
                                    ...) G_GNUC_NULL_TERMINATED;
/* Integers, integral doubles, numeric strings ("1"), booleans. */
gboolean     hcc_json_get_int      (JsonObject  *object,
                                    gint64      *value,
                                    const char  *first_name,
                                    ...) G_GNUC_NULL_TERMINATED;
/* Booleans, 0/1 numbers, "0"/"1"/"true"/"false" strings. */
gboolean     hcc_json_get_bool     (JsonObject  *object,
                                    gboolean    *value,
                                    const char  *first_name,
                                    ...) G_GNUC_NULL_TERMINATED;
JsonObject  *hcc_json_get_object   (JsonObject  *object,
                                    const char  *first_name,
                                    ...) G_GNUC_NULL_TERMINATED;
/* An array; a single object where an array was expected comes back as a
 * new one-element array (trap T7). (transfer full) */
JsonArray   *hcc_json_dup_array    (JsonObject  *object,
                                    const char  *first_name,
                                    ...) G_GNUC_NULL_TERMINATED;
/* Any of the time forms (see hcc_time_parse()). (transfer full) */
GDateTime   *hcc_json_dup_time     (JsonObject  *object,
                                    const char  *first_name,
                                    ...) G_GNUC_NULL_TERMINATED;

/* Times (catalogue §13.13): epoch numbers or digit strings (below 10^11
 * seconds, above milliseconds), ISO 8601 extended or basic with or without
 * an offset, and "yyyy-MM-dd HH:mm:ss" (local wall time). NULL on bad input. */
GDateTime   *hcc_time_parse        (const char  *text);
GDateTime   *hcc_time_from_epoch   (gint64       value);
/* ISO 8601 with the real local offset, e.g. "2023-10-21T11:08:23+02:00". */
char        *hcc_time_format       (GDateTime   *time);
/* "yyyy-MM-dd HH:mm:ss" in local time, for live/address/get playback. */
char        *hcc_time_format_plain (GDateTime   *time);

/* Table-driven mapping from a JSON object to GObject properties. @names is a
 * '|'-separated list of spellings ("startTime|startDate"). String properties
 * take strings and numbers; int/uint/int64/boolean/enum properties take
 * numbers, numeric strings and booleans; GDateTime (boxed) properties take
 * any time form. Returns FALSE and sets @error when a member marked required
 * is missing or has an unusable type. */
typedef struct {
  const char *names;
  const char *property;
  gboolean    required;
} HccJsonField;

gboolean     hcc_json_map_object   (JsonObject         *object,
                                    GObject            *target,
                                    const HccJsonField *fields,
                                    gsize               n_fields,
                                    GError            **error);

G_END_DECLS
