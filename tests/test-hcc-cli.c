/* test-hcc-cli.c: hcc-cli as a subprocess against an in-process hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator runs on its own thread, so waiting for the subprocess
 * synchronously here does not stall it.
 */

#include "test-hcc-services.h"

static HccTestSim *sim;

static int
run_cli_with_keys (const char  *app_key,
                   char       **out,
                   char       **err,
                   const char  *first,
                   ...)
{
  g_autofree char *exe = g_test_build_filename (G_TEST_BUILT, "..", "src", "hcc", "hcc-cli", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, exe);
  g_ptr_array_add (args, (gpointer) "--server");
  g_ptr_array_add (args, (gpointer) hcc_test_sim_get_base_url (sim));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "HCC_APP_KEY", app_key, TRUE);
  g_subprocess_launcher_setenv (launcher, "HCC_SECRET_KEY", HCC_SIM_DEMO_SECRET_KEY, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

#define run_cli(out, err, ...) run_cli_with_keys (HCC_SIM_DEMO_APP_KEY, out, err, __VA_ARGS__, NULL)

/* Runs a command that must succeed and returns its parsed output. */
static JsonNode *
run_ok (const char *first,
        ...)
{
  g_autofree char *exe = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  va_list ap;

  exe = g_test_build_filename (G_TEST_BUILT, "..", "src", "hcc", "hcc-cli", NULL);
  g_ptr_array_add (args, exe);
  g_ptr_array_add (args, (gpointer) "--server");
  g_ptr_array_add (args, (gpointer) hcc_test_sim_get_base_url (sim));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "HCC_APP_KEY", HCC_SIM_DEMO_APP_KEY, TRUE);
  g_subprocess_launcher_setenv (launcher, "HCC_SECRET_KEY", HCC_SIM_DEMO_SECRET_KEY, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  joined = g_strjoinv (" ", (char **) args->pdata);
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("%s failed (%d): %s", joined, g_subprocess_get_exit_status (process), err);

  node = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static guint
array_length (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_get_length (json_node_get_array (node));
}

static const char *
first_string (JsonNode   *array,
              const char *member)
{
  JsonObject *object = json_array_get_object_element (json_node_get_array (array), 0);

  return json_object_get_string_member (object, member);
}

static void
test_help_and_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *past = g_strdup ("2026-01-02T10:00:00+01:00");

  g_assert_cmpint (run_cli (&out, &err, "--help"), ==, 0);
  g_assert_nonnull (strstr (out, "Commands:"));
  g_assert_nonnull (strstr (out, "keep-unlocked"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Every command documents itself. */
  {
    const char *names[] = { "login", "events", "call", "doors", "door", "buildings", "rooms",
                            "residents", "resident", "passes", "pass", "access-levels", "cameras",
                            "live", "records", "clip" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *o = NULL;
        g_autofree char *e = NULL;

        g_assert_cmpint (run_cli (&o, &e, names[i], "--help"), ==, 0);
        g_assert_nonnull (strstr (o, names[i]));
      }
  }

  /* Bad usage is exit code 2, with a message on stderr. */
  g_assert_cmpint (run_cli (&out, &err, "frobnicate"), ==, 2);
  g_assert_cmpstr (err, !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_with_keys (HCC_SIM_DEMO_APP_KEY, &out, &err, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "door", "unlock"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "door", "fling", "1"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "pass", "add", "--name", "X"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "pass", "add", "--name", "X", "--start", past,
                            "--end", "2026-01-03T10:00:00+01:00", "--opens", "500"), ==, 2);
  g_assert_nonnull (strstr (err, "openCount"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "records", "cam", "--day", "yesterday"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "live", "cam", "--protocol", "ezopen"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "doors", "--bogus"), ==, 2);
}

static void
test_login (void)
{
  g_autoptr(JsonNode) node = run_ok ("login", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_nonnull (hcc_test_json_get_string (node, "userId"));
  g_assert_nonnull (hcc_test_json_get_string (node, "areaDomain"));
  g_assert_nonnull (hcc_test_json_get_string (node, "expiry"));

  /* Refused keys are a platform error: exit 1 with the code. */
  g_assert_cmpint (run_cli_with_keys ("wrong-ak", &out, &err, "login", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "OPEN"));
}

static void
test_lists (void)
{
  g_autoptr(JsonNode) buildings = run_ok ("buildings", NULL);
  g_autoptr(JsonNode) rooms = NULL;
  g_autoptr(JsonNode) residents = run_ok ("residents", NULL);
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) levels = run_ok ("access-levels", NULL);
  g_autoptr(JsonNode) cameras = run_ok ("cameras", NULL);
  g_autoptr(JsonNode) passes = run_ok ("passes", NULL);
  const char *last_name;

  g_assert_cmpuint (array_length (buildings), >=, 3);
  rooms = run_ok ("rooms", "--building", first_string (buildings, "id"), NULL);
  g_assert_cmpuint (array_length (rooms), >=, 1);
  g_assert_cmpstr (first_string (rooms, "building-id"), ==, first_string (buildings, "id"));

  g_assert_cmpuint (array_length (residents), >=, 150);
  last_name = first_string (residents, "last-name");
  found = run_ok ("residents", "--query", last_name, NULL);
  g_assert_cmpuint (array_length (found), >=, 1);
  g_assert_cmpuint (array_length (found), <, array_length (residents));

  g_assert_cmpuint (array_length (levels), >=, 3);
  g_assert_cmpuint (array_length (cameras), >=, 4);
  g_assert_cmpuint (array_length (passes), >=, 3);
}

static void
test_doors (void)
{
  g_autoptr(JsonNode) doors = run_ok ("doors", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) results = NULL;
  const char *online = NULL;
  const char *offline = NULL;
  JsonArray *array = json_node_get_array (doors);

  g_assert_cmpuint (array_length (doors), >=, 4);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *door = json_array_get_object_element (array, i);

      if (json_object_get_boolean_member (door, "online") && online == NULL)
        online = json_object_get_string_member (door, "id");
      else if (!json_object_get_boolean_member (door, "online") && offline == NULL)
        offline = json_object_get_string_member (door, "id");
    }
  g_assert_nonnull (online);
  g_assert_nonnull (offline);

  {
    g_autoptr(JsonNode) ok = run_ok ("door", "unlock", online, NULL);

    g_assert_cmpuint (array_length (ok), ==, 1);
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (json_node_get_array (ok), 0),
                                                   "succeeded"));
  }

  /* A failed door is a platform error; the results are still printed. */
  g_assert_cmpint (run_cli (&out, &err, "door", "keep-locked", online, offline), ==, 1);
  results = json_from_string (out, NULL);
  if (results == NULL)
    g_error ("not JSON: “%s” (stderr “%s”)", out, err);
  g_assert_cmpuint (array_length (results), ==, 2);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (json_node_get_array (results), 1),
                                                  "succeeded"));
  g_assert_nonnull (strstr (err, offline));
}

static void
test_passes (void)
{
  g_autoptr(JsonNode) levels = run_ok ("access-levels", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 4);
  g_autofree char *start = hcc_time_format (now);
  g_autofree char *end = hcc_time_format (later);
  g_autoptr(JsonNode) pass = run_ok ("pass", "add", "--name", "Plumber", "--start", start, "--end", end,
                                     "--opens", "2", "--access-level", first_string (levels, "id"), NULL);
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autofree char *id = g_strdup (hcc_test_json_get_string (pass, "id"));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_nonnull (id);
  g_assert_cmpint (hcc_test_json_get_int (pass, "open-count"), ==, 2);
  g_assert_nonnull (hcc_test_json_get_string (pass, "password"));

  shown = run_ok ("pass", "show", id, NULL);
  g_assert_cmpstr (hcc_test_json_get_string (shown, "name"), ==, "Plumber");
  g_assert_nonnull (hcc_test_json_get_string (shown, "code"));

  deleted = run_ok ("pass", "delete", id, NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (deleted), "deleted"));

  g_assert_cmpint (run_cli (&out, &err, "pass", "show", id), ==, 1);
  g_assert_cmpstr (err, !=, "");
}

static void
test_residents (void)
{
  g_autoptr(JsonNode) rooms = run_ok ("rooms", NULL);
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  JsonArray *array = json_node_get_array (rooms);
  const char *room_a = NULL;
  const char *room_b = NULL;
  g_autofree char *id = NULL;
  JsonNode *room_list;

  for (guint i = 0; i < json_array_get_length (array) && room_b == NULL; i++)
    {
      JsonObject *room = json_array_get_object_element (array, i);
      gint64 amount = json_object_get_int_member (room, "person-amount");

      if (amount < 1 || amount > 3)
        continue;
      if (room_a == NULL)
        room_a = json_object_get_string_member (room, "id");
      else
        room_b = json_object_get_string_member (room, "id");
    }
  g_assert_nonnull (room_b);

  added = run_ok ("resident", "add", "--first-name", "Olive", "--last-name", "Oyl",
                  "--email", "olive@example.org", "--room", room_a, "--room", room_b, NULL);
  id = g_strdup (hcc_test_json_get_string (added, "id"));
  g_assert_nonnull (id);
  room_list = hcc_test_json_get (added, "rooms");
  g_assert_cmpuint (array_length (room_list), ==, 2);

  /* Updating the phone keeps both rooms. */
  updated = run_ok ("resident", "update", id, "--phone", "+1 555 0100", NULL);
  g_assert_cmpstr (hcc_test_json_get_string (updated, "phone"), ==, "+1 555 0100");
  g_assert_cmpuint (array_length (hcc_test_json_get (updated, "rooms")), ==, 2);

  deleted = run_ok ("resident", "delete", id, NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (deleted), "deleted"));
}

static gboolean
subscribed (gpointer data)
{
  g_autoptr(GPtrArray) sent = test_requests_for (sim, "/rawmsg/v1/mq/subscribe");

  return sent->len > 0;
}

static GSubprocess *
spawn_cli (const char *first,
           ...)
{
  g_autofree char *exe = g_test_build_filename (G_TEST_BUILT, "..", "src", "hcc", "hcc-cli", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  va_list ap;

  g_ptr_array_add (args, exe);
  g_ptr_array_add (args, (gpointer) "--server");
  g_ptr_array_add (args, (gpointer) hcc_test_sim_get_base_url (sim));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "HCC_APP_KEY", HCC_SIM_DEMO_APP_KEY, TRUE);
  g_subprocess_launcher_setenv (launcher, "HCC_SECRET_KEY", HCC_SIM_DEMO_SECRET_KEY, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  return process;
}

/* Starts `events` with @types (or all), injects a desk call once the
 * stream has subscribed, and returns what it printed. */
static char *
events_with_call (const char  *types,
                  char       **record_id)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  guint status = 0;

  test_clear_requests (sim);
  if (types != NULL)
    process = spawn_cli ("events", "--types", types, "--count", "1", "--timeout", "4", NULL);
  else
    process = spawn_cli ("events", "--count", "1", "--timeout", "30", NULL);

  g_assert_true (hcc_test_wait_until (subscribed, NULL, TEST_TIMEOUT_MS));
  reply = hcc_test_sim_control (sim, "POST", "/control/calls", "{\"call_type\": 1, \"timeout_s\": 600}", &status);
  g_assert_cmpuint (status, ==, 200);
  *record_id = g_strdup (hcc_test_json_get_string (reply, "record_id"));
  g_assert_nonnull (*record_id);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  return out;
}

static void
test_calls_and_events (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *record_id = NULL;
  g_autofree char *other_id = NULL;
  g_autofree char *filtered = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) event = NULL;
  g_autoptr(JsonNode) answered = NULL;

  /* One JSON object per line; --count ends the stream. */
  out = events_with_call (NULL, &record_id);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  event = json_from_string (lines[0], NULL);
  g_assert_nonnull (event);
  g_assert_cmpstr (hcc_test_json_get_string (event, "event"), ==, "call-incoming");
  g_assert_cmpstr (hcc_test_json_get_string (event, "msgType"), ==, "Msg140001");
  g_assert_cmpstr (hcc_test_json_get_string (event, "record-id"), ==, record_id);
  g_clear_pointer (&out, g_free);

  answered = run_ok ("call", "answer", record_id, NULL);
  g_assert_cmpint (hcc_test_json_get_int (answered, "status"), ==, 1);
  g_assert_cmpint (run_cli (&out, &err, "call", "hangup", record_id), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "call", "answer", "123456789012345678"), ==, 1);
  g_assert_nonnull (strstr (err, "VMS038019"));

  /* Other message types only: the call is not printed. */
  filtered = events_with_call ("Msg110001", &other_id);
  g_assert_cmpstr (filtered, ==, "");
}

static void
test_video (void)
{
  g_autoptr(JsonNode) cameras = run_ok ("cameras", NULL);
  g_autoptr(JsonNode) address = NULL;
  g_autoptr(JsonNode) segments = NULL;
  g_autoptr(JsonNode) clip = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) begin = g_date_time_add_hours (now, -2);
  g_autoptr(GDateTime) end = g_date_time_add_seconds (begin, 30);
  g_autofree char *day = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *begin_text = hcc_time_format (begin);
  g_autofree char *end_text = hcc_time_format (end);
  JsonArray *array = json_node_get_array (cameras);
  const char *camera = NULL;

  for (guint i = 0; i < json_array_get_length (array) && camera == NULL; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (json_object_get_boolean_member (object, "online"))
        camera = json_object_get_string_member (object, "id");
    }
  g_assert_nonnull (camera);

  address = run_ok ("live", camera, "--protocol", "hls", NULL);
  g_assert_true (g_str_has_prefix (hcc_test_json_get_string (address, "url"), "http"));
  g_assert_nonnull (hcc_test_json_get_string (address, "expire-time"));

  segments = run_ok ("records", camera, "--day", day, NULL);
  g_assert_cmpuint (array_length (segments), >=, 1);

  clip = run_ok ("clip", camera, "--start", begin_text, "--end", end_text, NULL);
  g_assert_cmpint (hcc_test_json_get_int (clip, "status"), ==, 0);
  g_assert_cmpuint (array_length (hcc_test_json_get (clip, "urls")), >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* One simulator for the whole program: every command starts a process. */
  sim = hcc_test_sim_new (9, 0, FALSE);

  /* Every command is a new process with a budget of its own, so back to
   * back commands can exceed the platform's 5 per second together; the
   * budget is not what these tests are about. */
  {
    g_autoptr(JsonNode) reply = NULL;
    guint code = 0;

    reply = hcc_test_sim_control (sim, "POST", "/control/rate-limit", "{\"per_second\": 100}", &code);
    g_assert_cmpuint (code, ==, 200);
  }

  g_test_add_func ("/hcc/cli/help-usage", test_help_and_usage);
  g_test_add_func ("/hcc/cli/login", test_login);
  g_test_add_func ("/hcc/cli/lists", test_lists);
  g_test_add_func ("/hcc/cli/doors", test_doors);
  g_test_add_func ("/hcc/cli/passes", test_passes);
  g_test_add_func ("/hcc/cli/residents", test_residents);
  g_test_add_func ("/hcc/cli/calls-events", test_calls_and_events);
  g_test_add_func ("/hcc/cli/video", test_video);

  status = g_test_run ();
  hcc_test_sim_free (sim);

  return status;
}
