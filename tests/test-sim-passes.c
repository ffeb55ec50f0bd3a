/* test-sim-passes.c: temporary passes and their QR codes over real HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdarg.h>
#include <string.h>

#include "hcc-test-utils.h"

#define SEED 99
#define NOW_ISO "2026-01-01T10:00:00+00:00"

typedef struct {
  HccTestSim *sim;
  char       *token;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  fixture->sim = hcc_test_sim_new (SEED, 0, FALSE);
  reply = hcc_test_sim_control (fixture->sim, "POST", "/control/rate-limit",
                                "{\"per_second\": 100000}", &status);
  g_assert_cmpuint (status, ==, 200);
  fixture->token = hcc_test_sim_login (fixture->sim);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->token);
  hcc_test_sim_free (fixture->sim);
}

static JsonNode *
call (Fixture    *fixture,
      const char *path,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static JsonNode *
call (Fixture    *fixture,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *body = NULL;
  JsonNode *reply;
  va_list args;
  guint status = 0;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);

  reply = hcc_test_sim_api (fixture->sim, path, fixture->token, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (reply);

  return reply;
}

static const char *
code_of (JsonNode *reply)
{
  return hcc_test_json_get_string (reply, "errorCode");
}

/* The @index-th object of the array at @path in @reply. */
static JsonObject *
item (JsonNode   *reply,
      const char *path,
      guint       index)
{
  JsonNode *node = hcc_test_json_get (reply, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_array_get_object_element (json_node_get_array (node), index);
}

static JsonNode *
control (Fixture    *fixture,
         const char *path,
         const char *body)
{
  guint status = 0;
  JsonNode *reply = hcc_test_sim_control (fixture->sim, "POST", path, body, &status);

  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (reply);

  return reply;
}

/* Scans @code; returns whether it was valid and the reason in @reason. */
static gboolean
scan (Fixture    *fixture,
      const char *code,
      char      **reason)
{
  g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\"}", code);
  g_autoptr(JsonNode) reply = control (fixture, "/control/qr/scan", body);
  JsonNode *valid = hcc_test_json_get (reply, "valid");

  g_assert_nonnull (valid);
  if (reason != NULL)
    *reason = g_strdup (hcc_test_json_get_string (reply, "reason"));

  return json_node_get_boolean (valid);
}

static void
advance_clock (Fixture *fixture,
               guint    seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"seconds\": %u}", seconds);
  g_autoptr(JsonNode) reply = control (fixture, "/control/clock/advance", body);
}

static char *
pass_id_by_name (Fixture    *fixture,
                 const char *name)
{
  g_autoptr(JsonNode) reply = call (fixture, "/vims/v1/tempauth/list",
                                    "{\"pageNum\":0,\"pageSize\":0,"
                                    "\"searchRequest\":{\"filter\":{\"name\":\"%s\"}}}",
                                    name);
  JsonArray *list = json_node_get_array (hcc_test_json_get (reply, "data.tempAuthList"));

  g_assert_cmpuint (json_array_get_length (list), ==, 1);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (list, 0), "id"));
}

static char *
get_code (Fixture    *fixture,
          const char *id)
{
  g_autoptr(JsonNode) reply = call (fixture, "/vims/v1/tempauth/get",
                                    "{\"id\":\"%s\",\"clientLocalTime\":\"" NOW_ISO "\"}", id);

  g_assert_cmpstr (code_of (reply), ==, "0");

  return g_strdup (hcc_test_json_get_string (reply, "data.code"));
}

static char *
first_access_level (Fixture *fixture)
{
  g_autoptr(JsonNode) reply = call (fixture, "/acspm/v1/accesslevel/list",
                                    "{\"accessLevelSearchRequest\":{\"pageIndex\":1,"
                                    "\"pageSize\":50,"
                                    "\"searchCriteria\":{\"accessLevelName\":\"Deliveries\"}}}");
  return g_strdup (hcc_test_json_get_string (reply,
                                             "data.accessLevelResponse.accessLevelList.0.id"));
}

static JsonNode *
add_pass (Fixture    *fixture,
          const char *name,
          const char *open_count,
          const char *start,
          const char *end,
          const char *level)
{
  return call (fixture, "/vims/v1/tempauth/add",
               "{\"name\":\"%s\",\"openCount\":%s,\"startTime\":\"%s\",\"endTime\":\"%s\","
               "\"clientLocalTime\":\"" NOW_ISO "\",\"alIds\":[\"%s\"]}",
               name, open_count, start, end, level);
}

static void
test_passes_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *level = first_access_level (fixture);
  g_autofree char *name33 = g_strnfill (33, 'x');
  g_autofree char *name32 = g_strnfill (32, 'y');
  g_autoptr(JsonNode) too_long = add_pass (fixture, name33, "5", "2026-01-01T08:00:00Z",
                                           "2026-01-02T08:00:00Z", level);
  g_autoptr(JsonNode) zero = add_pass (fixture, "Courier", "0", "2026-01-01T08:00:00Z",
                                       "2026-01-02T08:00:00Z", level);
  g_autoptr(JsonNode) too_many = add_pass (fixture, "Courier", "201", "2026-01-01T08:00:00Z",
                                           "2026-01-02T08:00:00Z", level);
  g_autoptr(JsonNode) backwards = add_pass (fixture, "Courier", "5", "2026-01-02T08:00:00Z",
                                            "2026-01-01T08:00:00Z", level);
  g_autoptr(JsonNode) bad_level = add_pass (fixture, "Courier", "5", "2026-01-01T08:00:00Z",
                                            "2026-01-02T08:00:00Z", "1");
  g_autoptr(JsonNode) no_client_time = NULL;
  g_autoptr(JsonNode) ok = add_pass (fixture, name32, "\"200\"", "2026-01-01T08:00:00Z",
                                     "2026-01-02T08:00:00Z", level);

  g_assert_cmpstr (code_of (too_long), ==, "CCF038002");
  g_assert_cmpstr (code_of (zero), ==, "OPEN000010");
  g_assert_cmpstr (code_of (too_many), ==, "OPEN000010");
  g_assert_cmpstr (code_of (backwards), ==, "CCF038022");
  g_assert_cmpstr (code_of (bad_level), ==, "VMS040016");
  no_client_time = call (fixture, "/vims/v1/tempauth/add",
                         "{\"name\":\"Courier\",\"openCount\":1,"
                         "\"startTime\":\"2026-01-01T08:00:00Z\","
                         "\"endTime\":\"2026-01-02T08:00:00Z\"}");
  g_assert_cmpstr (code_of (no_client_time), ==, "OPEN000010");
  /* 32 characters and openCount 200 as a string (T12) are fine. */
  g_assert_cmpstr (code_of (ok), ==, "0");
  g_assert_cmpint (hcc_test_json_get_int (ok, "data.openCount"), ==, 200);
}

static void
test_passes_crud (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *level = first_access_level (fixture);
  g_autoptr(JsonNode) added = add_pass (fixture, "Żaneta from DHL", "3",
                                        "2026-03-01T08:00:00+01:00",
                                        "2026-03-01T18:00:00+01:00", level);
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) by_creator = NULL;
  g_autoptr(JsonNode) got = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) got2 = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) gone = NULL;
  g_autofree char *id = NULL;
  g_autofree guchar *decoded = NULL;
  JsonObject *entry;
  gsize len = 0;

  g_assert_cmpstr (code_of (added), ==, "0");
  id = g_strdup (hcc_test_json_get_string (added, "data.id"));
  g_assert_cmpuint (strlen (id), ==, 18);
  /* Requests take ISO 8601; replies give epoch ms (T11). */
  g_assert_cmpint (hcc_test_json_get_int (added, "data.startTime"), ==, 1772348400000);
  g_assert_cmpstr (hcc_test_json_get_string (added, "data.creatorName"), ==, "Front Desk");
  g_assert_cmpuint (strlen (hcc_test_json_get_string (added, "data.password")), ==, 6);
  decoded = g_base64_decode (hcc_test_json_get_string (added, "data.code"), &len);
  g_assert_true (len > 7 && memcmp (decoded, "HCCQR1|", 7) == 0);

  list = call (fixture, "/vims/v1/tempauth/list",
               "{\"pageNum\":1,\"pageSize\":10,"
               "\"searchRequest\":{\"filter\":{\"name\":\"żaneta\"}}}");
  g_assert_cmpint (hcc_test_json_get_int (list, "data.totalNum"), ==, 1);
  entry = item (list, "data.tempAuthList", 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, id);
  g_assert_false (json_object_has_member (entry, "code"));
  g_assert_cmpint (json_object_get_int_member (entry, "endTime"), ==, 1772384400000);

  /* The filter also matches the creator's name. */
  by_creator = call (fixture, "/vims/v1/tempauth/list",
                     "{\"pageNum\":1,\"pageSize\":10,"
                     "\"searchRequest\":{\"filter\":{\"name\":\"front desk\"}}}");
  g_assert_cmpint (hcc_test_json_get_int (by_creator, "data.totalNum"), >=, 4);

  got = call (fixture, "/vims/v1/tempauth/get",
              "{\"id\":\"%s\",\"clientLocalTime\":\"" NOW_ISO "\"}", id);
  g_assert_cmpstr (hcc_test_json_get_string (got, "data.accessLevelList.0.accessLevelId"), ==,
                   level);

  /* alIds as one string, as the update table has it (T8). */
  updated = call (fixture, "/vims/v1/tempauth/update",
                  "{\"id\":\"%s\",\"name\":\"Żaneta (DPD)\",\"openCount\":7,"
                  "\"startTime\":\"2026-03-01T08:00:00+01:00\","
                  "\"endTime\":\"2026-03-02T18:00:00+01:00\",\"clientLocalTime\":\"" NOW_ISO "\","
                  "\"alIds\":\"%s\"}",
                  id, level);
  g_assert_cmpstr (code_of (updated), ==, "0");
  got2 = call (fixture, "/vims/v1/tempauth/get",
               "{\"id\":\"%s\",\"clientLocalTime\":\"" NOW_ISO "\"}", id);
  g_assert_cmpstr (hcc_test_json_get_string (got2, "data.name"), ==, "Żaneta (DPD)");
  g_assert_cmpint (hcc_test_json_get_int (got2, "data.openCount"), ==, 7);

  deleted = call (fixture, "/vims/v1/tempauth/delete", "{\"deleteList\":[\"%s\"]}", id);
  g_assert_cmpstr (code_of (deleted), ==, "0");
  gone = call (fixture, "/vims/v1/tempauth/get",
               "{\"id\":\"%s\",\"clientLocalTime\":\"" NOW_ISO "\"}", id);
  g_assert_cmpstr (code_of (gone), ==, "VMS000003");
}

static void
test_passes_dynamic_qr (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = pass_id_by_name (fixture, "Courier DHL");
  g_autofree char *code1 = get_code (fixture, id);
  g_autofree char *code2 = NULL;
  g_autofree char *code3 = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *reason2 = NULL;

  /* Every get issues a new code. */
  code2 = get_code (fixture, id);
  g_assert_cmpstr (code1, !=, code2);
  g_assert_true (scan (fixture, code1, NULL));

  /* Older than 60 s: refused. */
  advance_clock (fixture, 61);
  g_assert_false (scan (fixture, code1, &reason));
  g_assert_cmpstr (reason, ==, "code expired");

  /* A fresh code works; once it is used, an older fresh code is dead. */
  g_free (code2);
  code2 = get_code (fixture, id);
  code3 = get_code (fixture, id);
  g_assert_true (scan (fixture, code3, NULL));
  g_assert_false (scan (fixture, code2, &reason2));
  g_assert_cmpstr (reason2, ==, "superseded by a newer code");
  g_assert_false (scan (fixture, "not a code at all", NULL));
}

static void
test_passes_static_qr (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = pass_id_by_name (fixture, "Cleaner");
  g_autofree char *code1 = get_code (fixture, id);
  g_autofree char *code2 = get_code (fixture, id);
  g_autofree char *expired_id = pass_id_by_name (fixture, "Plumber");
  g_autofree char *expired_code = get_code (fixture, expired_id);
  g_autofree char *reason = NULL;
  g_autofree guchar *payload = NULL;
  g_autofree char *payload_text = NULL;
  gsize len = 0;

  g_assert_cmpstr (code1, ==, code2);
  g_assert_true (scan (fixture, code1, NULL));
  advance_clock (fixture, 3 * 3600);
  g_assert_true (scan (fixture, code1, NULL));

  /* The payload text itself scans too. */
  payload = g_base64_decode (code1, &len);
  payload_text = g_strndup ((char *) payload, len);
  g_assert_true (scan (fixture, payload_text, NULL));

  g_assert_false (scan (fixture, expired_code, &reason));
  g_assert_cmpstr (reason, ==, "pass expired");
}

static void
test_passes_scan_records (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *id = pass_id_by_name (fixture, "Courier DHL");
  g_autofree char *code = get_code (fixture, id);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) denied = NULL;

  before = call (fixture, "/acs/v1/event/certificaterecords/search",
                 "{\"pageIndex\":1,\"pageSize\":200,"
                 "\"searchCriteria\":{\"eventTypes\":\"100571\"}}");
  g_assert_true (scan (fixture, code, NULL));
  after = call (fixture, "/acs/v1/event/certificaterecords/search",
                "{\"pageIndex\":1,\"pageSize\":200,"
                "\"searchCriteria\":{\"eventTypes\":\"100571\"}}");
  g_assert_cmpint (hcc_test_json_get_int (after, "data.totalNum"), ==,
                   hcc_test_json_get_int (before, "data.totalNum") + 1);
  g_assert_cmpstr (hcc_test_json_get_string (after, "data.recordList.0.personInfo.id"), ==, id);

  /* The pass allows 5 entries per door. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (scan (fixture, code, NULL));
  g_assert_false (scan (fixture, code, NULL));
  denied = call (fixture, "/acs/v1/event/certificaterecords/search",
                 "{\"pageIndex\":1,\"pageSize\":10,\"searchCriteria\":{\"eventTypes\":\"100572\","
                 "\"swipeAuthResult\":2}}");
  g_assert_cmpint (hcc_test_json_get_int (denied, "data.totalNum"), >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sim/passes/validation", test_passes_validation);
  ADD ("/sim/passes/crud", test_passes_crud);
  ADD ("/sim/passes/dynamic-qr", test_passes_dynamic_qr);
  ADD ("/sim/passes/static-qr", test_passes_static_qr);
  ADD ("/sim/passes/scan-records", test_passes_scan_records);
#undef ADD

  return g_test_run ();
}
