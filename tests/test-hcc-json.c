/* test-hcc-json.c: the lenient readers against the guide's traps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "hcc-client.h"
#include "hcc-error.h"
#include "hcc-json.h"
#include "hcc-validation.h"

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* T51, T37: a 19-digit ID sent as a number or a string stays exact. */
static void
test_json_big_ids (void)
{
  g_autoptr(JsonObject) o = parse_object ("{\"id\": 9223372036854775807, \"doorId\": 288329024512665601,"
                                          " \"areaId\": \"288329024512665601\", \"n\": 12.0,"
                                          " \"buildName\": 7}");
  g_autofree char *id = hcc_json_dup_string (o, "id", NULL);
  g_autofree char *door = hcc_json_dup_string (o, "doorId", NULL);
  g_autofree char *area = hcc_json_dup_string (o, "areaId", NULL);
  g_autofree char *n = hcc_json_dup_string (o, "n", NULL);
  g_autofree char *build = hcc_json_dup_string (o, "buildName", NULL);

  g_assert_cmpstr (id, ==, "9223372036854775807");
  g_assert_cmpstr (door, ==, "288329024512665601");
  g_assert_cmpstr (area, ==, "288329024512665601");
  g_assert_cmpstr (n, ==, "12");
  g_assert_cmpstr (build, ==, "7");
}

/* T6, T10, T15: spelling lists, exact spellings first, then any case. */
static void
test_json_spellings (void)
{
  g_autoptr(JsonObject) o = parse_object ("{\"ID\": \"a\", \"startDate\": 1, \"Name\": \"x\","
                                          " \"name\": \"y\"}");
  g_autofree char *id = hcc_json_dup_string (o, "id", NULL);
  g_autofree char *name = hcc_json_dup_string (o, "name", NULL);
  g_autofree char *missing = hcc_json_dup_string (o, "nothing", "neither", NULL);
  gint64 start = 0;

  g_assert_cmpstr (id, ==, "a");
  /* The exact spelling wins over a case-insensitive match. */
  g_assert_cmpstr (name, ==, "y");
  g_assert_null (missing);
  g_assert_true (hcc_json_get_int (o, &start, "startTime", "startDate", NULL));
  g_assert_cmpint (start, ==, 1);
  g_assert_null (hcc_json_lookup (NULL, "id", NULL));
}

/* T17: keys with stray spaces. */
static void
test_json_spaces (void)
{
  g_autoptr(JsonObject) o = parse_object ("{\"errorCode \": \"0\", \" personId \": \"42\","
                                          " \" qrCodeData \": \"abc\"}");
  g_autofree char *code = hcc_json_dup_string (o, "errorCode", NULL);
  g_autofree char *person = hcc_json_dup_string (o, "personId", NULL);
  g_autofree char *qr = hcc_json_dup_string (o, "qrCodeData", NULL);

  g_assert_cmpstr (code, ==, "0");
  g_assert_cmpstr (person, ==, "42");
  g_assert_cmpstr (qr, ==, "abc");
}

/* T12: numbers and booleans as strings and the reverse. */
static void
test_json_numbers (void)
{
  g_autoptr(JsonObject) o = parse_object ("{\"a\": \"2\", \"b\": 3, \"c\": 4.0, \"d\": true,"
                                          " \"e\": \" 5 \", \"f\": \"\", \"g\": \"x\", \"h\": 1.5,"
                                          " \"i\": \"1\", \"j\": \"false\", \"k\": 0, \"l\": \"TRUE\","
                                          " \"m\": null, \"n\": [1]}");
  gint64 v = -1;
  gboolean b = FALSE;

  g_assert_true (hcc_json_get_int (o, &v, "a", NULL));
  g_assert_cmpint (v, ==, 2);
  g_assert_true (hcc_json_get_int (o, &v, "b", NULL));
  g_assert_cmpint (v, ==, 3);
  g_assert_true (hcc_json_get_int (o, &v, "c", NULL));
  g_assert_cmpint (v, ==, 4);
  g_assert_true (hcc_json_get_int (o, &v, "d", NULL));
  g_assert_cmpint (v, ==, 1);
  g_assert_true (hcc_json_get_int (o, &v, "e", NULL));
  g_assert_cmpint (v, ==, 5);
  v = 99;
  g_assert_false (hcc_json_get_int (o, &v, "f", NULL));
  g_assert_false (hcc_json_get_int (o, &v, "g", NULL));
  g_assert_false (hcc_json_get_int (o, &v, "h", NULL));
  g_assert_false (hcc_json_get_int (o, &v, "m", NULL));
  g_assert_false (hcc_json_get_int (o, &v, "n", NULL));
  g_assert_false (hcc_json_get_int (o, &v, "absent", NULL));
  g_assert_cmpint (v, ==, 99);

  g_assert_true (hcc_json_get_bool (o, &b, "i", NULL));
  g_assert_true (b);
  g_assert_true (hcc_json_get_bool (o, &b, "j", NULL));
  g_assert_false (b);
  g_assert_true (hcc_json_get_bool (o, &b, "k", NULL));
  g_assert_false (b);
  g_assert_true (hcc_json_get_bool (o, &b, "l", NULL));
  g_assert_true (b);
  g_assert_false (hcc_json_get_bool (o, &b, "g", NULL));
  g_assert_false (hcc_json_get_bool (o, &b, "m", NULL));
}

/* T7: a single object where a list was expected, and the reverse. */
static void
test_json_arrays (void)
{
  g_autoptr(JsonObject) o = parse_object ("{\"one\": {\"doorId\": \"1\"}, \"many\": [{}, {}],"
                                          " \"none\": null, \"wrapped\": [{\"x\": 1}]}");
  g_autoptr(JsonArray) one = hcc_json_dup_array (o, "one", NULL);
  g_autoptr(JsonArray) many = hcc_json_dup_array (o, "many", NULL);
  g_autoptr(JsonArray) none = hcc_json_dup_array (o, "none", NULL);
  g_autoptr(JsonArray) absent = hcc_json_dup_array (o, "absent", NULL);
  JsonObject *first;

  g_assert_nonnull (one);
  g_assert_cmpuint (json_array_get_length (one), ==, 1);
  first = json_array_get_object_element (one, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "doorId"), ==, "1");
  g_assert_cmpuint (json_array_get_length (many), ==, 2);
  g_assert_null (none);
  g_assert_null (absent);

  g_assert_nonnull (hcc_json_get_object (o, "one", NULL));
  g_assert_nonnull (hcc_json_get_object (o, "wrapped", NULL));
  g_assert_null (hcc_json_get_object (o, "many", NULL));
  g_assert_null (hcc_json_get_object (o, "none", NULL));
}

static gint64
unix_of (GDateTime *dt)
{
  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* T4, T11, T34 and §13.13: every time form. */
static void
test_time_parse (void)
{
  struct {
    const char *text;
    gint64      unix_time;
  } cases[] = {
    { "1655193135", 1655193135 },
    { "1655719632454", 1655719632 },
    { "2004-05-03T17:30:08+08:00", 1083576608 },
    { "20040503T173008+08", 1083576608 },
    { "2023-10-21T11:08:23Z", 1697886503 },
    { "2021-08-01T12:30:00+08:30", 1627790400 },
    { " 2023-10-21T11:08:23.250+02:00 ", 1697879303 },
  };
  g_autoptr(GDateTime) ms = hcc_time_parse ("1655719632454");
  g_autoptr(GDateTime) plain = hcc_time_parse ("2023-05-08 11:15:26");
  g_autoptr(GDateTime) local_iso = hcc_time_parse ("2023-05-08T11:15:26");
  g_autoptr(JsonObject) o = parse_object ("{\"s\": 1655193135, \"ms\": 1655719632454,"
                                          " \"str\": \"1655719632454\", \"iso\": \"2023-10-21T11:08:23+08:00\","
                                          " \"bad\": \"yesterday\", \"b\": true}");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) dt = hcc_time_parse (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (unix_of (dt), ==, cases[i].unix_time);
    }

  g_assert_cmpint (g_date_time_get_microsecond (ms), ==, 454000);

  /* The plain form is local wall time (TZ is Europe/Berlin here: CEST). */
  g_assert_cmpint (unix_of (plain), ==, 1683537326);
  g_assert_cmpint (g_date_time_get_hour (plain), ==, 11);
  g_assert_cmpint (unix_of (local_iso), ==, 1683537326);

  g_assert_null (hcc_time_parse (NULL));
  g_assert_null (hcc_time_parse (""));
  g_assert_null (hcc_time_parse ("yesterday"));
  g_assert_null (hcc_time_parse ("2023-13-45T99:99:99"));
  g_assert_null (hcc_time_parse ("99999999999999999999999"));

  {
    g_autoptr(GDateTime) s = hcc_json_dup_time (o, "s", NULL);
    g_autoptr(GDateTime) m = hcc_json_dup_time (o, "ms", NULL);
    g_autoptr(GDateTime) str = hcc_json_dup_time (o, "str", NULL);
    g_autoptr(GDateTime) iso = hcc_json_dup_time (o, "iso", NULL);
    g_autoptr(GDateTime) bad = hcc_json_dup_time (o, "bad", NULL);
    g_autoptr(GDateTime) b = hcc_json_dup_time (o, "b", NULL);

    g_assert_cmpint (unix_of (s), ==, 1655193135);
    g_assert_cmpint (unix_of (m), ==, 1655719632);
    g_assert_cmpint (unix_of (str), ==, 1655719632);
    g_assert_cmpint (unix_of (iso), ==, 1697857703);
    g_assert_null (bad);
    g_assert_null (b);
  }
}

/* Sending: ISO 8601 with the real local offset, summer and winter. */
static void
test_time_format (void)
{
  g_autoptr(GDateTime) summer = g_date_time_new_from_unix_utc (1697879303);
  g_autoptr(GDateTime) winter = g_date_time_new_from_unix_utc (1700000000);
  g_autofree char *s = hcc_time_format (summer);
  g_autofree char *w = hcc_time_format (winter);
  g_autofree char *p = hcc_time_format_plain (summer);
  g_autoptr(GDateTime) back = hcc_time_parse (s);

  g_assert_cmpstr (s, ==, "2023-10-21T11:08:23+02:00");
  g_assert_cmpstr (w, ==, "2023-11-14T23:13:20+01:00");
  g_assert_cmpstr (p, ==, "2023-10-21 11:08:23");
  g_assert_true (g_date_time_equal (back, summer));
}

/* {{{ A small model for the mapper */

typedef enum {
  TEST_KIND_A,
  TEST_KIND_B,
} TestKind;

#define TEST_TYPE_ITEM (test_item_get_type ())
G_DECLARE_FINAL_TYPE (TestItem, test_item, TEST, ITEM, GObject)

struct _TestItem
{
  GObject    parent_instance;
  char      *id;
  int        count;
  guint      size;
  gint64     big;
  gboolean   flag;
  int        kind;
  GDateTime *start;
  double     ratio;
};

G_DEFINE_FINAL_TYPE (TestItem, test_item, G_TYPE_OBJECT)

static GType
test_kind_get_type (void)
{
  static GType type;
  static const GEnumValue values[] = {
    { TEST_KIND_A, "TEST_KIND_A", "a" },
    { TEST_KIND_B, "TEST_KIND_B", "b" },
    { 0, NULL, NULL },
  };

  if (type == 0)
    type = g_enum_register_static ("TestKind", values);
  return type;
}

enum { P_0, P_ID, P_COUNT, P_SIZE, P_BIG, P_FLAG, P_KIND, P_START, P_RATIO, P_N };

static void
test_item_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TestItem *self = TEST_ITEM (object);

  switch (prop_id)
    {
    case P_ID: g_free (self->id); self->id = g_value_dup_string (value); break;
    case P_COUNT: self->count = g_value_get_int (value); break;
    case P_SIZE: self->size = g_value_get_uint (value); break;
    case P_BIG: self->big = g_value_get_int64 (value); break;
    case P_FLAG: self->flag = g_value_get_boolean (value); break;
    case P_KIND: self->kind = g_value_get_enum (value); break;
    case P_START:
      g_clear_pointer (&self->start, g_date_time_unref);
      self->start = g_value_dup_boxed (value);
      break;
    case P_RATIO: self->ratio = g_value_get_double (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_item_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
test_item_finalize (GObject *object)
{
  TestItem *self = TEST_ITEM (object);

  g_free (self->id);
  g_clear_pointer (&self->start, g_date_time_unref);
  G_OBJECT_CLASS (test_item_parent_class)->finalize (object);
}

static void
test_item_class_init (TestItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS;

  object_class->set_property = test_item_set_property;
  object_class->get_property = test_item_get_property;
  object_class->finalize = test_item_finalize;

  g_object_class_install_property (object_class, P_ID,
    g_param_spec_string ("id", NULL, NULL, NULL, flags));
  g_object_class_install_property (object_class, P_COUNT,
    g_param_spec_int ("count", NULL, NULL, 0, 100, 0, flags));
  g_object_class_install_property (object_class, P_SIZE,
    g_param_spec_uint ("size", NULL, NULL, 0, G_MAXUINT, 0, flags));
  g_object_class_install_property (object_class, P_BIG,
    g_param_spec_int64 ("big", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags));
  g_object_class_install_property (object_class, P_FLAG,
    g_param_spec_boolean ("flag", NULL, NULL, FALSE, flags));
  g_object_class_install_property (object_class, P_KIND,
    g_param_spec_enum ("kind", NULL, NULL, test_kind_get_type (), TEST_KIND_A, flags));
  g_object_class_install_property (object_class, P_START,
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, flags));
  g_object_class_install_property (object_class, P_RATIO,
    g_param_spec_double ("ratio", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags));
}

static void
test_item_init (TestItem *self)
{
}

/* }}} */

static const HccJsonField item_fields[] = {
  { "id|ID", "id", TRUE },
  { "count", "count", FALSE },
  { "size|pageSize", "size", FALSE },
  { "big", "big", FALSE },
  { "flag|enable", "flag", FALSE },
  { "kind", "kind", FALSE },
  { "startTime|startDate", "start", FALSE },
  { "ratio", "ratio", FALSE },
};

static void
test_json_map (void)
{
  g_autoptr(JsonObject) o = parse_object ("{\"ID\": 1234567890123456789, \"count\": \"7\","
                                          " \"pageSize\": 500, \"big\": \"-9\", \"enable\": \"1\","
                                          " \"kind\": 1, \"startDate\": 1655719632454,"
                                          " \"ratio\": \"2\"}");
  g_autoptr(JsonObject) out_of_range = parse_object ("{\"id\": \"x\", \"count\": 1000, \"kind\": 9,"
                                                     " \"startTime\": \"never\", \"flag\": {}}");
  g_autoptr(JsonObject) no_id = parse_object ("{\"count\": 1}");
  g_autoptr(JsonObject) bad_id = parse_object ("{\"id\": {\"nested\": 1}}");
  g_autoptr(TestItem) item = g_object_new (TEST_TYPE_ITEM, NULL);
  g_autoptr(TestItem) other = g_object_new (TEST_TYPE_ITEM, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (hcc_json_map_object (o, G_OBJECT (item), item_fields,
                                      G_N_ELEMENTS (item_fields), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (item->id, ==, "1234567890123456789");
  g_assert_cmpint (item->count, ==, 7);
  g_assert_cmpuint (item->size, ==, 500);
  g_assert_cmpint (item->big, ==, -9);
  g_assert_true (item->flag);
  g_assert_cmpint (item->kind, ==, TEST_KIND_B);
  g_assert_cmpint (g_date_time_to_unix (item->start), ==, 1655719632);
  g_assert_cmpfloat (item->ratio, ==, 2.0);

  /* Unusable optional values are skipped, never a warning. */
  g_assert_true (hcc_json_map_object (out_of_range, G_OBJECT (other), item_fields,
                                      G_N_ELEMENTS (item_fields), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (other->id, ==, "x");
  g_assert_cmpint (other->count, ==, 0);
  g_assert_cmpint (other->kind, ==, TEST_KIND_A);
  g_assert_null (other->start);

  g_assert_false (hcc_json_map_object (no_id, G_OBJECT (other), item_fields,
                                       G_N_ELEMENTS (item_fields), &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_false (hcc_json_map_object (bad_id, G_OBJECT (other), item_fields,
                                       G_N_ELEMENTS (item_fields), &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_false (hcc_json_map_object (NULL, G_OBJECT (other), item_fields,
                                       G_N_ELEMENTS (item_fields), &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_SERVER);
}

static gboolean
decode (guint        status,
        const char  *body,
        JsonNode   **data,
        GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hcc_client_decode_envelope (status, bytes, data, error);
}

/* T16 and §13.4: the envelope's variants. */
static void
test_envelope (void)
{
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (decode (200, "{\"errorCode\":\"0\",\"data\":{\"a\":1}}", &data, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (data));
  g_clear_pointer (&data, json_node_unref);

  /* errorCode as a number, capitalised Data, data as a string or boolean. */
  g_assert_true (decode (200, "{\"errorCode\":0,\"Data\":\"<xml/>\"}", &data, &error));
  g_assert_cmpstr (json_node_get_string (data), ==, "<xml/>");
  g_clear_pointer (&data, json_node_unref);
  g_assert_true (decode (200, "{\"errorCode \":\" 0 \",\"data\":true}", &data, &error));
  g_assert_true (json_node_get_boolean (data));
  g_clear_pointer (&data, json_node_unref);
  g_assert_true (decode (200, "{\"errorCode\":\"0\"}", &data, &error));
  g_assert_null (data);
  g_assert_true (decode (200, "{\"errorCode\":\"0\",\"data\":null}", &data, &error));
  g_assert_null (data);

  /* Failures: the platform code stays with the error, message variants. */
  g_assert_false (decode (200, "{\"errorCode\":\"VMS038027\",\"errorMsg\":\"x{VMS038027}\"}",
                          &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_CONFLICT);
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "VMS038027");
  g_clear_error (&error);

  g_assert_false (decode (200, "{\"errorCode\":\"XYZ000001\",\"Message\":\"Strange thing{XYZ000001}\"}",
                          &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_SERVER);
  g_assert_cmpstr (error->message, ==, "Strange thing{XYZ000001}");
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "XYZ000001");
  g_clear_error (&error);

  g_assert_false (decode (200, "{\"errorCode\":\"OPEN300002\",\"message\":\"SECRET_KEY_NOT_EQUALS{OPEN300002}\"}",
                          &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_AUTH);
  g_clear_error (&error);

  /* Transport: not JSON, not an object, no envelope, HTTP statuses. */
  g_assert_false (decode (200, "<html>", &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_TRANSPORT);
  g_clear_error (&error);
  g_assert_false (decode (200, "[1,2]", &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_TRANSPORT);
  g_clear_error (&error);
  g_assert_false (decode (200, "{\"data\":{}}", &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_TRANSPORT);
  g_clear_error (&error);
  g_assert_false (decode (200, "{\"errorCode\":\"0\",\"data\":{", &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_TRANSPORT);
  g_clear_error (&error);
  g_assert_false (decode (200, "", &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_TRANSPORT);
  g_clear_error (&error);
  g_assert_false (decode (429, "{\"errorCode\":\"OPEN000029\",\"message\":\"m\"}", &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_RATE_LIMITED);
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "OPEN000029");
  g_clear_error (&error);
  g_assert_false (decode (503, "oops", &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_SERVER);
  g_assert_true (hcc_error_is_transient (error));
  g_clear_error (&error);
  g_assert_false (decode (404, "{\"errorCode\":\"0\"}", &data, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_TRANSPORT);
  g_assert_null (data);
}

static void
test_error_codes (void)
{
  struct {
    const char *code;
    HccError    kind;
  } cases[] = {
    { "OPEN000001", HCC_ERROR_AUTH },
    { "OPEN000002", HCC_ERROR_AUTH },
    { "OPEN300002", HCC_ERROR_AUTH },
    { "OPEN000006", HCC_ERROR_AUTH },
    { "VMS001001", HCC_ERROR_RATE_LIMITED },
    { "VMS000009", HCC_ERROR_RATE_LIMITED },
    { "LAP000004", HCC_ERROR_RATE_LIMITED },
    { "OPEN000029", HCC_ERROR_RATE_LIMITED },
    { "CCF000005", HCC_ERROR_PERMISSION },
    { "OPEN000022", HCC_ERROR_PERMISSION },
    { "VMS038012", HCC_ERROR_PERMISSION },
    { "VMS038019", HCC_ERROR_NOT_FOUND },
    { "OPEN000012", HCC_ERROR_NOT_FOUND },
    { "VMS021101", HCC_ERROR_NOT_FOUND },
    { "EVZ20007", HCC_ERROR_DEVICE },
    { "OPEN000554", HCC_ERROR_DEVICE },
    { "EVZ20008", HCC_ERROR_TIMEOUT },
    { "VMS038027", HCC_ERROR_CONFLICT },
    { "VMS038029", HCC_ERROR_CONFLICT },
    { " vms038029 ", HCC_ERROR_CONFLICT },
    { "OPEN000010", HCC_ERROR_VALIDATION },
    { "THD_ISAPI_0x6000601a", HCC_ERROR_VALIDATION },
    { "THD_ISAPI_0X6000006a", HCC_ERROR_DEVICE },
    { "NEW999999", HCC_ERROR_SERVER },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = hcc_error_new_platform (cases[i].code, "platform text");

      g_test_message ("%s", cases[i].code);
      g_assert_cmpint (hcc_error_code_from_platform (cases[i].code), ==, cases[i].kind);
      g_assert_error (error, HCC_ERROR, (int) cases[i].kind);
      g_assert_nonnull (hcc_error_get_platform_code (error));
      g_assert_true (hcc_error_code_equal (hcc_error_get_platform_code (error), cases[i].code));
    }

  g_assert_true (hcc_error_code_equal ("THD_ISAPI_0x6000601A", "thd_isapi_0x6000601a "));
  g_assert_false (hcc_error_code_equal ("VMS038027", "VMS038029"));

  /* Human sentences for the front desk; the copy keeps the code. */
  {
    g_autoptr(GError) offline = hcc_error_new_platform ("EVZ20007", "Device offline{EVZ20007}");
    g_autoptr(GError) copy = g_error_copy (offline);

    g_assert_cmpstr (offline->message, ==, "The door station is offline.");
    g_assert_cmpstr (hcc_error_get_platform_code (copy), ==, "EVZ20007");
  }
}

static void
test_error_fields (void)
{
  g_autoptr(GError) first = hcc_validation_error_new ("startTime", "The time is not valid.");
  g_autoptr(GError) second = hcc_validation_error_new ("endTime", "The time is not valid.");
  g_autoptr(GError) platform = hcc_error_new_platform ("CCF038014", "firstName invalid{CCF038014}");
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) propagated = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  /* The same sentence for two fields: each error names its own, which a
   * lookup by message text (or a translation of it) cannot do. */
  g_assert_error (first, HCC_ERROR, HCC_ERROR_VALIDATION);
  g_assert_cmpstr (hcc_error_get_field (first), ==, "startTime");
  g_assert_cmpstr (hcc_error_get_field (second), ==, "endTime");
  g_assert_null (hcc_error_get_platform_code (first));

  /* A changed message (context prefix, translation) keeps the field. */
  g_prefix_error (&second, "Visitor pass: ");
  g_assert_cmpstr (second->message, ==, "Visitor pass: The time is not valid.");
  g_assert_cmpstr (hcc_error_get_field (second), ==, "endTime");

  /* A platform refusal given a field: copies keep both code and field,
   * independently of the original. */
  g_assert_null (hcc_error_get_field (platform));
  hcc_error_set_field (platform, "firstName");
  copy = g_error_copy (platform);
  g_clear_error (&platform);
  g_assert_error (copy, HCC_ERROR, HCC_ERROR_VALIDATION);
  g_assert_cmpstr (hcc_error_get_platform_code (copy), ==, "CCF038014");
  g_assert_cmpstr (hcc_error_get_field (copy), ==, "firstName");
  g_propagate_error (&propagated, g_error_copy (copy));
  g_assert_cmpstr (hcc_error_get_platform_code (propagated), ==, "CCF038014");
  g_assert_cmpstr (hcc_error_get_field (propagated), ==, "firstName");

  /* Both through the one constructor, and a field can be taken away. */
  {
    g_autoptr(GError) made = hcc_error_new_for_field (HCC_ERROR_CONFLICT, "email", "In use.");
    g_autoptr(GError) made_copy = g_error_copy (made);

    g_assert_error (made_copy, HCC_ERROR, HCC_ERROR_CONFLICT);
    g_assert_cmpstr (hcc_error_get_field (made_copy), ==, "email");
    hcc_error_set_field (made_copy, NULL);
    g_assert_null (hcc_error_get_field (made_copy));
    g_assert_cmpstr (hcc_error_get_field (made), ==, "email");
  }

  /* Errors of other domains name no field and are not changed. */
  hcc_error_set_field (other, "firstName");
  g_assert_null (hcc_error_get_field (other));
  g_assert_null (hcc_error_get_field (NULL));
}

static void
test_error_items (void)
{
  g_autoptr(JsonObject) ok = parse_object ("{\"id\": \"1\", \"errorCode\": \"0\"}");
  g_autoptr(JsonObject) none = parse_object ("{\"id\": \"1\"}");
  g_autoptr(JsonObject) bad = parse_object ("{\"id\": \"1\", \"errorCode\": \"EVZ20007\", \"message\": \"x\"}");
  g_autoptr(GError) error = NULL;

  g_assert_true (hcc_error_check_item (ok, &error));
  g_assert_true (hcc_error_check_item (none, &error));
  g_assert_false (hcc_error_check_item (bad, &error));
  g_assert_error (error, HCC_ERROR, HCC_ERROR_DEVICE);
  g_assert_cmpstr (hcc_error_get_platform_code (error), ==, "EVZ20007");
}

/* How failures read at the desk, whatever layer raised them. */
static void
test_error_kinds (void)
{
  g_autoptr(GError) transport = g_error_new_literal (HCC_ERROR, HCC_ERROR_TRANSPORT, "reset");
  g_autoptr(GError) refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "no");
  g_autoptr(GError) resolver = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "dns");
  g_autoptr(GError) tls = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE, "cert");
  g_autoptr(GError) auth = g_error_new_literal (HCC_ERROR, HCC_ERROR_AUTH, "keys");
  g_autoptr(GError) permission = g_error_new_literal (HCC_ERROR, HCC_ERROR_PERMISSION, "scope");
  g_autoptr(GError) validation = g_error_new_literal (HCC_ERROR, HCC_ERROR_VALIDATION, "field");

  g_assert_true (hcc_error_is_unreachable (transport));
  g_assert_true (hcc_error_is_unreachable (refused));
  g_assert_true (hcc_error_is_unreachable (resolver));
  g_assert_false (hcc_error_is_unreachable (tls));
  g_assert_false (hcc_error_is_unreachable (auth));
  g_assert_false (hcc_error_is_unreachable (NULL));

  g_assert_true (hcc_error_is_tls (tls));
  g_assert_false (hcc_error_is_tls (transport));

  g_assert_true (hcc_error_is_keys_refused (auth));
  g_assert_true (hcc_error_is_keys_refused (permission));
  g_assert_false (hcc_error_is_keys_refused (validation));
  g_assert_false (hcc_error_is_keys_refused (NULL));
}

int
main (int   argc,
      char *argv[])
{
  /* A zone with summer time makes the offset checks meaningful. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hcc/json/big-ids", test_json_big_ids);
  g_test_add_func ("/hcc/json/spellings", test_json_spellings);
  g_test_add_func ("/hcc/json/spaces", test_json_spaces);
  g_test_add_func ("/hcc/json/numbers", test_json_numbers);
  g_test_add_func ("/hcc/json/arrays", test_json_arrays);
  g_test_add_func ("/hcc/json/map", test_json_map);
  g_test_add_func ("/hcc/time/parse", test_time_parse);
  g_test_add_func ("/hcc/time/format", test_time_format);
  g_test_add_func ("/hcc/envelope/decode", test_envelope);
  g_test_add_func ("/hcc/error/codes", test_error_codes);
  g_test_add_func ("/hcc/error/fields", test_error_fields);
  g_test_add_func ("/hcc/error/items", test_error_items);
  g_test_add_func ("/hcc/error/kinds", test_error_kinds);

  return g_test_run ();
}
