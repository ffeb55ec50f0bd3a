/* test-sim-util.c: the simulator's lenient readers and time helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hcc-sim-private.h"

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_readers (void)
{
  g_autoptr(JsonObject) object = parse_object ("{\"n\":2,\"s\":\"2\",\"e\":\"\",\"b\":true,"
                                               "\"id\":288329024512665601,\"t\":\"x\","
                                               "\"o\":{},\"a\":[],\"d\":2.5}");
  g_autofree char *id = NULL;
  g_autofree char *n = NULL;
  gint64 value = 0;

  /* Numbers may come as strings and the reverse (T12). */
  g_assert_true (_hcc_sim_get_int (object, "n", &value));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (_hcc_sim_get_int (object, "s", &value));
  g_assert_cmpint (value, ==, 2);
  g_assert_true (_hcc_sim_get_int (object, "b", &value));
  g_assert_cmpint (value, ==, 1);
  g_assert_false (_hcc_sim_get_int (object, "e", &value));
  g_assert_false (_hcc_sim_get_int (object, "t", &value));
  g_assert_false (_hcc_sim_get_int (object, "d", &value));
  g_assert_false (_hcc_sim_get_int (object, "missing", &value));
  g_assert_false (_hcc_sim_get_int (NULL, "n", &value));

  /* An 18-digit ID sent as a number keeps every digit (T51). */
  id = _hcc_sim_dup_string (object, "id");
  g_assert_cmpstr (id, ==, "288329024512665601");
  n = _hcc_sim_dup_string (object, "n");
  g_assert_cmpstr (n, ==, "2");
  g_assert_cmpstr (_hcc_sim_get_string (object, "t"), ==, "x");
  g_assert_null (_hcc_sim_get_string (object, "n"));
  g_assert_null (_hcc_sim_dup_string (object, "o"));

  g_assert_nonnull (_hcc_sim_get_object (object, "o"));
  g_assert_null (_hcc_sim_get_object (object, "a"));
  g_assert_nonnull (_hcc_sim_get_array (object, "a"));
  g_assert_null (_hcc_sim_get_array (object, "o"));
}

static void
test_times (void)
{
  gint64 expected;
  gint64 ms = 0;
  g_autofree char *iso = NULL;
  g_autofree char *plain = NULL;
  gint64 back = 0;

  g_assert_true (_hcc_sim_parse_time ("2023-10-21T11:08:23+08:00", &expected));
  g_assert_cmpint (expected, ==, G_GINT64_CONSTANT (1697857703000));

  /* Seconds and milliseconds, told apart by size. */
  g_assert_true (_hcc_sim_parse_time ("1697857703", &ms));
  g_assert_cmpint (ms, ==, expected);
  g_assert_true (_hcc_sim_parse_time ("1697857703000", &ms));
  g_assert_cmpint (ms, ==, expected);

  g_assert_false (_hcc_sim_parse_time ("yesterday", &ms));
  g_assert_false (_hcc_sim_parse_time ("", &ms));
  g_assert_false (_hcc_sim_parse_time (NULL, &ms));

  /* Local forms round-trip in the site's zone. */
  iso = _hcc_sim_format_iso8601 (expected);
  g_assert_true (_hcc_sim_parse_time (iso, &back));
  g_assert_cmpint (back, ==, expected);
  plain = _hcc_sim_format_plain (expected);
  g_assert_cmpuint (strlen (plain), ==, 19);
  g_assert_true (_hcc_sim_parse_time (plain, &back));
  g_assert_cmpint (back, ==, expected);
}

static void
test_reply_error (void)
{
  HccSimReply reply = { 0, };

  _hcc_sim_reply_data (&reply, json_node_new (JSON_NODE_NULL));
  _hcc_sim_reply_error (&reply, "VMS038019", "Call %s does not exist", "1");
  /* An error drops data set before it. */
  g_assert_null (reply.data);
  g_assert_cmpstr (reply.error_code, ==, "VMS038019");
  g_assert_cmpstr (reply.message, ==, "Call 1 does not exist");
  g_free (reply.error_code);
  g_free (reply.message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/util/readers", test_readers);
  g_test_add_func ("/sim/util/times", test_times);
  g_test_add_func ("/sim/util/reply-error", test_reply_error);

  return g_test_run ();
}
