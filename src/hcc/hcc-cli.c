/* hcc-cli.c: the platform client on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hcc-cli [--server URL] [--region R] [--ca-file PEM] COMMAND [ARGS]
 *
 * Every command prints JSON on stdout (one object per line for the event
 * stream) and exits 0 on success, 1 on a platform or network error (the
 * platform's code and message on stderr) and 2 on bad usage.
 */

#define G_LOG_DOMAIN "hcc-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hcc.h"
#include "hcc-event-stream.h"

#define EXIT_PLATFORM 1
#define EXIT_USAGE    2

typedef struct {
  HccClient *client;
} Cli;

typedef int (*CommandFunc) (Cli   *cli,
                            int    argc,
                            char **argv);

typedef struct {
  const char  *name;
  const char  *parameters;
  const char  *summary;
  CommandFunc  run;
} Command;

/* Usage errors print the message and a hint, and end with exit code 2. */
static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("hcc-cli: %s\n", message);
  g_printerr (_("Try “hcc-cli %s--help” for more information.\n"),
              command != NULL ? command : "");
  return EXIT_USAGE;
}

static int
report_error (const GError *error)
{
  const char *code = hcc_error_get_platform_code (error);
  const char *field = hcc_error_get_field (error);

  if (code != NULL)
    g_printerr ("hcc-cli: %s: %s\n", code, error->message);
  else if (field != NULL)
    g_printerr ("hcc-cli: %s: %s\n", field, error->message);
  else
    g_printerr ("hcc-cli: %s\n", error->message);

  /* A refusal by our own checks, before anything was sent, is bad input. */
  if (g_error_matches (error, HCC_ERROR, HCC_ERROR_VALIDATION) && code == NULL)
    return EXIT_USAGE;

  return EXIT_PLATFORM;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Runs the default main context until the operation stored its result. */
static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (slot);
}

static JsonNode *object_to_json (GObject *object);

static JsonNode *
model_to_json (GListModel *model)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      json_array_add_element (array, object_to_json (item));
    }
  json_node_take_array (node, array);

  return node;
}

/* Every readable property of a model object, by its own name: strings,
 * numbers, booleans, times as ISO 8601, lists, string lists, bytes as
 * Base64. */
static JsonNode *
object_to_json (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  JsonObject *json = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value, type);
      g_object_get_property (object, pspec->name, &value);

      if (type == G_TYPE_STRING)
        {
          if (g_value_get_string (&value) != NULL)
            json_object_set_string_member (json, pspec->name, g_value_get_string (&value));
        }
      else if (type == G_TYPE_INT)
        json_object_set_int_member (json, pspec->name, g_value_get_int (&value));
      else if (type == G_TYPE_INT64)
        json_object_set_int_member (json, pspec->name, g_value_get_int64 (&value));
      else if (type == G_TYPE_UINT)
        json_object_set_int_member (json, pspec->name, g_value_get_uint (&value));
      else if (type == G_TYPE_BOOLEAN)
        json_object_set_boolean_member (json, pspec->name, g_value_get_boolean (&value));
      else if (G_TYPE_IS_ENUM (type))
        json_object_set_int_member (json, pspec->name, g_value_get_enum (&value));
      else if (type == G_TYPE_DATE_TIME)
        {
          GDateTime *time = g_value_get_boxed (&value);

          if (time != NULL)
            {
              g_autofree char *text = hcc_time_format (time);

              json_object_set_string_member (json, pspec->name, text);
            }
        }
      else if (type == G_TYPE_STRV)
        {
          const char * const *strv = g_value_get_boxed (&value);
          JsonArray *array = json_array_new ();

          for (guint j = 0; strv != NULL && strv[j] != NULL; j++)
            json_array_add_string_element (array, strv[j]);
          json_object_set_array_member (json, pspec->name, array);
        }
      else if (type == G_TYPE_BYTES)
        {
          GBytes *bytes = g_value_get_boxed (&value);

          if (bytes != NULL)
            {
              g_autofree char *text = g_base64_encode (g_bytes_get_data (bytes, NULL),
                                                       g_bytes_get_size (bytes));
              json_object_set_string_member (json, pspec->name, text);
            }
        }
      else if (g_type_is_a (type, G_TYPE_LIST_MODEL))
        {
          GListModel *model = g_value_get_object (&value);

          if (model != NULL)
            json_object_set_member (json, pspec->name, model_to_json (model));
        }
    }

  json_node_take_object (node, json);
  return node;
}

static void
print_json (JsonNode *node,
            gboolean  pretty)
{
  g_autofree char *text = json_to_string (node, pretty);

  g_print ("%s\n", text);
}

static void
print_model (GListModel *model)
{
  g_autoptr(JsonNode) node = model_to_json (model);

  print_json (node, TRUE);
}

static void
print_object (gpointer object)
{
  g_autoptr(JsonNode) node = object_to_json (G_OBJECT (object));

  print_json (node, TRUE);
}

/* Parses a command's own options; argv[0] is the command name. Returns
 * FALSE after printing the usage error. */
static gboolean
parse_command (const char    *name,
               const char    *parameters,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int           *exit_code)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s ", name);
  g_autofree char *prgname = g_strdup_printf ("hcc-cli %s", name);

  /* The usage line then reads "hcc-cli door [OPTION…] …". */
  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = usage_error (prefix, error->message);
      return FALSE;
    }

  return TRUE;
}

static int
run_login (Cli   *cli,
           int    argc,
           char **argv)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  GDateTime *expiry;
  int code = 0;

  if (!parse_command ("login", "", _("Log in and show the account's user ID, host and token expiry."),
                      NULL, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("login ", _("login takes no arguments"));

  hcc_client_login_async (cli->client, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!hcc_client_login_finish (cli->client, result, &error))
    return report_error (error);

  json_object_set_string_member (object, "userId", hcc_client_get_user_id (cli->client));
  json_object_set_string_member (object, "areaDomain", hcc_client_get_area_domain (cli->client));
  expiry = hcc_client_get_token_expiry (cli->client);
  if (expiry != NULL)
    {
      g_autofree char *text = hcc_time_format (expiry);

      json_object_set_string_member (object, "expiry", text);
    }
  json_node_take_object (node, object);
  print_json (node, TRUE);

  return 0;
}

typedef struct {
  GStrv    types;
  int      remaining;
  guint    timeout_id;
  gboolean done;
  gboolean failed;
} EventsState;

static gboolean
type_wanted (EventsState *state,
             const char  *msg_type)
{
  if (state->types == NULL || state->types[0] == NULL)
    return TRUE;

  return msg_type != NULL && g_strv_contains ((const char * const *) state->types, msg_type);
}

static void
emit_event (EventsState *state,
            const char  *kind,
            const char  *msg_type,
            GObject     *object)
{
  g_autoptr(JsonNode) node = NULL;

  if (state->done || !type_wanted (state, msg_type))
    return;

  node = object_to_json (object);
  json_object_set_string_member (json_node_get_object (node), "event", kind);
  if (msg_type != NULL)
    json_object_set_string_member (json_node_get_object (node), "msgType", msg_type);
  print_json (node, FALSE);
  fflush (stdout);

  if (state->remaining > 0 && --state->remaining == 0)
    state->done = TRUE;
}

static void
call_incoming_cb (HccEventStream *stream,
                  HccCall        *call,
                  EventsState    *state)
{
  emit_event (state, "call-incoming", "Msg140001", G_OBJECT (call));
}

static void
call_updated_cb (HccEventStream *stream,
                 HccCall        *call,
                 EventsState    *state)
{
  emit_event (state, "call-updated", "Msg140001", G_OBJECT (call));
}

static void
access_event_cb (HccEventStream *stream,
                 HccAccessEvent *event,
                 EventsState    *state)
{
  emit_event (state, "access-event", hcc_access_event_get_msg_type (event), G_OBJECT (event));
}

static void
stream_state_cb (HccEventStream *stream,
                 GParamSpec     *pspec,
                 EventsState    *state)
{
  /* Refused keys will not get better by waiting. */
  if (hcc_event_stream_get_state (stream) == HCC_EVENT_STREAM_STATE_AUTH_FAILED)
    {
      state->failed = TRUE;
      state->done = TRUE;
    }
}

static gboolean
events_timeout_cb (gpointer user_data)
{
  EventsState *state = user_data;

  state->timeout_id = 0;
  state->done = TRUE;
  return G_SOURCE_REMOVE;
}

static int
run_events (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autofree char *types = NULL;
  int count = 0;
  int timeout = 0;
  GOptionEntry entries[] = {
    { "types", 't', 0, G_OPTION_ARG_STRING, &types, N_("Only these message types, comma-separated"), "Msg140001,..." },
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, N_("Stop after N events"), "N" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Stop after SECONDS"), "SECONDS" },
    { NULL }
  };
  g_autoptr(HccEventStream) stream = NULL;
  EventsState state = { NULL, 0, 0, FALSE, FALSE };
  int code = 0;

  if (!parse_command ("events", "", _("Print calls and door events as they arrive, one JSON object per line."),
                      entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("events ", _("events takes no arguments"));
  if (count < 0 || timeout < 0)
    return usage_error ("events ", _("--count and --timeout cannot be negative"));

  if (types != NULL)
    {
      state.types = g_strsplit (types, ",", -1);
      for (guint i = 0; state.types[i] != NULL; i++)
        g_strstrip (state.types[i]);
    }
  state.remaining = count;

  stream = hcc_event_stream_new (cli->client);
  g_signal_connect (stream, "call-incoming", G_CALLBACK (call_incoming_cb), &state);
  g_signal_connect (stream, "call-updated", G_CALLBACK (call_updated_cb), &state);
  g_signal_connect (stream, "access-event", G_CALLBACK (access_event_cb), &state);
  g_signal_connect (stream, "notify::state", G_CALLBACK (stream_state_cb), &state);
  if (timeout > 0)
    state.timeout_id = g_timeout_add_seconds (timeout, events_timeout_cb, &state);

  hcc_event_stream_start (stream);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  hcc_event_stream_stop (stream);

  g_clear_handle_id (&state.timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (stream, &state);
  g_strfreev (state.types);

  if (state.failed)
    {
      g_printerr ("hcc-cli: %s\n", _("The platform refused the keys."));
      return EXIT_PLATFORM;
    }

  return 0;
}

static int
run_call (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autofree char *user = NULL;
  GOptionEntry entries[] = {
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user, N_("The userId to send (default: the token's)"), "USER_ID" },
    { NULL }
  };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HccCallAction action;
  int code = 0;

  if (!parse_command ("call", "answer|decline|hangup RECORD_ID",
                      _("Answer, decline or hang up a door-station call."),
                      entries, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return usage_error ("call ", _("call needs an action and a record ID"));

  if (g_str_equal (argv[1], "answer"))
    action = HCC_CALL_ACTION_ANSWER;
  else if (g_str_equal (argv[1], "decline"))
    action = HCC_CALL_ACTION_DECLINE;
  else if (g_str_equal (argv[1], "hangup") || g_str_equal (argv[1], "hang-up"))
    action = HCC_CALL_ACTION_HANG_UP;
  else
    return usage_error ("call ", _("The action is answer, decline or hangup"));

  hcc_calls_act_async (cli->client, argv[2], action, user, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!hcc_calls_act_finish (cli->client, result, &error))
    return report_error (error);

  g_print ("{\"recordId\": \"%s\", \"status\": %d}\n", argv[2], action);
  return 0;
}

static int
run_doors (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autofree char *serial = NULL;
  GOptionEntry entries[] = {
    { "serial", 's', 0, G_OPTION_ARG_STRING, &serial, N_("Only the doors of this device"), "SERIAL" },
    { NULL }
  };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) doors = NULL;
  int code = 0;

  if (!parse_command ("doors", "", _("List the doors of the site."), entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("doors ", _("doors takes no arguments"));

  if (serial != NULL)
    hcc_doors_list_for_device_async (cli->client, serial, NULL, store_result_cb, &slot);
  else
    hcc_doors_list_async (cli->client, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!(doors = hcc_doors_list_finish (cli->client, result, &error)))
    return report_error (error);

  print_model (doors);
  return 0;
}

static int
run_door (Cli   *cli,
          int    argc,
          char **argv)
{
  static const struct {
    const char    *name;
    HccDoorAction  action;
  } actions[] = {
    { "unlock", HCC_DOOR_ACTION_UNLOCK },
    { "lock", HCC_DOOR_ACTION_LOCK },
    { "keep-unlocked", HCC_DOOR_ACTION_KEEP_UNLOCKED },
    { "keep-locked", HCC_DOOR_ACTION_KEEP_LOCKED },
  };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  HccDoorAction action = 0;
  guint n_failed;
  int code = 0;

  if (!parse_command ("door", "unlock|lock|keep-unlocked|keep-locked DOOR_ID…",
                      _("Open, close, hold open or hold closed the given doors."),
                      NULL, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return usage_error ("door ", _("door needs an action"));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (argv[1], actions[i].name))
      action = actions[i].action;
  if (action == 0)
    return usage_error ("door ", _("The action is unlock, lock, keep-unlocked or keep-locked"));

  /* Never "all doors": the library refuses an empty list too (T27). */
  if (argc < 3)
    return usage_error ("door ", _("Name at least one door ID"));

  hcc_doors_control_async (cli->client, action, (const char * const *) argv + 2, NULL,
                           store_result_cb, &slot);
  result = wait_result (&slot);
  if (!(results = hcc_doors_control_finish (cli->client, result, &error)))
    return report_error (error);

  print_model (results);

  n_failed = hcc_doors_count_failures (results);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(HccDoorResult) door = g_list_model_get_item (results, i);

      if (!hcc_door_result_get_succeeded (door))
        g_printerr ("hcc-cli: %s: %s\n", hcc_door_result_get_error_code (door),
                    hcc_door_result_get_door_id (door));
    }

  return n_failed > 0 ? EXIT_PLATFORM : 0;
}

static int
run_buildings (Cli   *cli,
               int    argc,
               char **argv)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  int code = 0;

  if (!parse_command ("buildings", "", _("List the buildings."), NULL, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("buildings ", _("buildings takes no arguments"));

  hcc_directory_list_buildings_async (cli->client, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!(model = hcc_directory_list_buildings_finish (cli->client, result, &error)))
    return report_error (error);

  print_model (model);
  return 0;
}

static GListModel *
fetch_rooms (Cli         *cli,
             const char  *building,
             GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_directory_list_rooms_async (cli->client, building, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  return hcc_directory_list_rooms_finish (cli->client, result, error);
}

static int
run_rooms (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autofree char *building = NULL;
  GOptionEntry entries[] = {
    { "building", 'b', 0, G_OPTION_ARG_STRING, &building, N_("Only the rooms of this building"), "ID" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  int code = 0;

  if (!parse_command ("rooms", "", _("List the rooms."), entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("rooms ", _("rooms takes no arguments"));

  if (!(model = fetch_rooms (cli, building, &error)))
    return report_error (error);

  print_model (model);
  return 0;
}

static GListModel *
fetch_residents (Cli         *cli,
                 const char  *building,
                 const char  *query,
                 GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hcc_directory_search_residents_async (cli->client, building, query, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  return hcc_directory_search_residents_finish (cli->client, result, error);
}

static int
run_residents (Cli   *cli,
               int    argc,
               char **argv)
{
  g_autofree char *query = NULL;
  g_autofree char *building = NULL;
  GOptionEntry entries[] = {
    { "query", 'q', 0, G_OPTION_ARG_STRING, &query, N_("Only residents whose name matches"), "TEXT" },
    { "building", 'b', 0, G_OPTION_ARG_STRING, &building, N_("Only residents of this building"), "ID" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  int code = 0;

  if (!parse_command ("residents", "", _("List or search the residents, with their rooms."),
                      entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("residents ", _("residents takes no arguments"));

  if (!(model = fetch_residents (cli, building, query, &error)))
    return report_error (error);

  print_model (model);
  return 0;
}

/* "ROOM_ID" or "ROOM_ID:householder": a copy of the room from the
 * directory, so building and area travel with it. */
static gboolean
resolve_rooms (Cli          *cli,
               char        **specs,
               GListStore   *store,
               GError      **error)
{
  g_autoptr(GListModel) rooms = fetch_rooms (cli, NULL, error);

  if (rooms == NULL)
    return FALSE;

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (specs[i], ":", 2);
      gboolean householder = parts[1] != NULL && g_str_equal (parts[1], "householder");
      gboolean found = FALSE;

      if (parts[1] != NULL && !householder && !g_str_equal (parts[1], "member"))
        {
          g_propagate_error (error, hcc_validation_error_new ("roomList",
                                                              _("A room is ROOM_ID, ROOM_ID:householder or ROOM_ID:member.")));
          return FALSE;
        }

      for (guint j = 0; j < g_list_model_get_n_items (rooms) && !found; j++)
        {
          g_autoptr(HccRoom) room = g_list_model_get_item (rooms, j);

          if (g_strcmp0 (hcc_room_get_id (room), parts[0]) == 0)
            {
              hcc_room_set_account_type (room, householder ? 1 : 0);
              g_list_store_append (store, room);
              found = TRUE;
            }
        }

      if (!found)
        {
          g_propagate_error (error, hcc_validation_error_new ("roomList",
                                                              _("A room does not exist.")));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_time_option (const char  *text,
                   GDateTime  **time,
                   const char  *command,
                   int         *exit_code)
{
  if (text == NULL)
    return TRUE;

  *time = hcc_time_parse (text);
  if (*time == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an ISO 8601 time"), text);

      *exit_code = usage_error (command, message);
      return FALSE;
    }

  return TRUE;
}

static int
run_resident (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autofree char *first_name = NULL;
  g_autofree char *last_name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *language = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_auto(GStrv) rooms = NULL;
  g_auto(GStrv) levels = NULL;
  gboolean unlink_only = FALSE;
  GOptionEntry entries[] = {
    { "first-name", 0, 0, G_OPTION_ARG_STRING, &first_name, N_("First name"), "NAME" },
    { "last-name", 0, 0, G_OPTION_ARG_STRING, &last_name, N_("Last name"), "NAME" },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("E-mail address"), "ADDRESS" },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), "NUMBER" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Language of the invitation"), "CODE" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Start of validity"), "ISO" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("End of validity"), "ISO" },
    { "room", 0, 0, G_OPTION_ARG_STRING_ARRAY, &rooms,
      N_("A room (repeat for several; on update the complete set)"), "ROOM_ID[:householder]" },
    { "access-level", 0, 0, G_OPTION_ARG_STRING_ARRAY, &levels, N_("An extra access level"), "ID" },
    { "unlink-only", 0, 0, G_OPTION_ARG_NONE, &unlink_only,
      N_("delete: only unlink from the rooms, keep the person"), NULL },
    { NULL }
  };
  g_autoptr(HccResident) resident = NULL;
  g_autoptr(GDateTime) start_time = NULL;
  g_autoptr(GDateTime) end_time = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *verb;
  int code = 0;

  if (!parse_command ("resident", "add|update PERSON_ID|delete PERSON_ID",
                      _("Add, update or delete a resident."), entries, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return usage_error ("resident ", _("resident needs add, update or delete"));

  verb = argv[1];
  if (!parse_time_option (start, &start_time, "resident ", &code) ||
      !parse_time_option (end, &end_time, "resident ", &code))
    return code;

  if (g_str_equal (verb, "delete"))
    {
      const char *ids[] = { argc == 3 ? argv[2] : NULL, NULL };

      if (argc != 3)
        return usage_error ("resident ", _("resident delete needs one person ID"));

      if (unlink_only)
        {
          hcc_directory_unlink_residents_async (cli->client, ids, NULL, store_result_cb, &slot);
          result = wait_result (&slot);
          if (!hcc_directory_unlink_residents_finish (cli->client, result, &error))
            return report_error (error);
        }
      else
        {
          hcc_directory_delete_persons_async (cli->client, ids, NULL, store_result_cb, &slot);
          result = wait_result (&slot);
          if (!hcc_directory_delete_persons_finish (cli->client, result, &error))
            return report_error (error);
        }

      g_print ("{\"personId\": \"%s\", \"deleted\": %s}\n", argv[2], unlink_only ? "false" : "true");
      return 0;
    }

  if (g_str_equal (verb, "add"))
    {
      g_autoptr(GListStore) store = g_list_store_new (HCC_TYPE_ROOM);

      if (argc != 2)
        return usage_error ("resident ", _("resident add takes options only"));
      if (rooms == NULL)
        return usage_error ("resident ", _("Name at least one --room"));

      resident = hcc_resident_new ();
      if (!resolve_rooms (cli, rooms, store, &error))
        return report_error (error);
      hcc_resident_set_rooms (resident, G_LIST_MODEL (store));
    }
  else if (g_str_equal (verb, "update"))
    {
      g_autoptr(GListModel) all = NULL;

      if (argc != 3)
        return usage_error ("resident ", _("resident update needs one person ID"));

      /* Start from the stored resident: update replaces everything. */
      if (!(all = fetch_residents (cli, NULL, NULL, &error)))
        return report_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (all) && resident == NULL; i++)
        {
          g_autoptr(HccResident) r = g_list_model_get_item (all, i);

          if (g_strcmp0 (hcc_resident_get_id (r), argv[2]) == 0)
            resident = g_steal_pointer (&r);
        }
      if (resident == NULL)
        {
          g_printerr ("hcc-cli: %s\n", _("No resident has this ID."));
          return EXIT_PLATFORM;
        }

      if (rooms != NULL)
        {
          g_autoptr(GListStore) store = g_list_store_new (HCC_TYPE_ROOM);

          if (!resolve_rooms (cli, rooms, store, &error))
            return report_error (error);
          hcc_resident_set_rooms (resident, G_LIST_MODEL (store));
        }
    }
  else
    {
      return usage_error ("resident ", _("resident needs add, update or delete"));
    }

  if (first_name != NULL)
    hcc_resident_set_first_name (resident, first_name);
  if (last_name != NULL)
    hcc_resident_set_last_name (resident, last_name);
  if (email != NULL)
    hcc_resident_set_email (resident, email);
  if (phone != NULL)
    hcc_resident_set_phone (resident, phone);
  if (language != NULL)
    hcc_resident_set_language (resident, language);
  if (start_time != NULL)
    hcc_resident_set_start_time (resident, start_time);
  if (end_time != NULL)
    hcc_resident_set_end_time (resident, end_time);

  if (g_str_equal (verb, "add"))
    {
      hcc_directory_add_resident_async (cli->client, resident, (const char * const *) levels, NULL,
                                        store_result_cb, &slot);
      result = wait_result (&slot);
      if (!hcc_directory_add_resident_finish (cli->client, result, &error))
        {
          /* A full room still created the person: say who. */
          if (hcc_resident_get_id (resident) != NULL)
            print_object (resident);
          return report_error (error);
        }
    }
  else
    {
      hcc_directory_update_resident_async (cli->client, resident, (const char * const *) levels, NULL,
                                           store_result_cb, &slot);
      result = wait_result (&slot);
      if (!hcc_directory_update_resident_finish (cli->client, result, &error))
        return report_error (error);
    }

  print_object (resident);
  return 0;
}

static int
run_passes (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autofree char *query = NULL;
  GOptionEntry entries[] = {
    { "query", 'q', 0, G_OPTION_ARG_STRING, &query, N_("Only passes whose name or creator matches"), "TEXT" },
    { NULL }
  };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  int code = 0;

  if (!parse_command ("passes", "", _("List the temporary passes."), entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("passes ", _("passes takes no arguments"));

  hcc_passes_list_async (cli->client, query, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!(model = hcc_passes_list_finish (cli->client, result, &error)))
    return report_error (error);

  print_model (model);
  return 0;
}

static int
run_pass (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int opens = -1;
  g_auto(GStrv) levels = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name of the pass (at most 32 characters)"), "NAME" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Start of validity"), "ISO" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("End of validity"), "ISO" },
    { "opens", 0, 0, G_OPTION_ARG_INT, &opens, N_("Entries allowed per door (1-200)"), "N" },
    { "access-level", 0, 0, G_OPTION_ARG_STRING_ARRAY, &levels, N_("An access level (repeat for several)"), "ID" },
    { NULL }
  };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int code = 0;

  if (!parse_command ("pass", "add|show ID|delete ID", _("Create, show or delete a temporary pass."),
                      entries, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return usage_error ("pass ", _("pass needs add, show or delete"));

  if (g_str_equal (argv[1], "add"))
    {
      g_autoptr(HccPass) pass = hcc_pass_new ();
      g_autoptr(GDateTime) start_time = NULL;
      g_autoptr(GDateTime) end_time = NULL;

      if (argc != 2)
        return usage_error ("pass ", _("pass add takes options only"));
      if (name == NULL || start == NULL || end == NULL || opens < 0)
        return usage_error ("pass ", _("pass add needs --name, --start, --end and --opens"));
      if (!parse_time_option (start, &start_time, "pass ", &code) ||
          !parse_time_option (end, &end_time, "pass ", &code))
        return code;

      hcc_pass_set_name (pass, name);
      hcc_pass_set_open_count (pass, opens);
      hcc_pass_set_start_time (pass, start_time);
      hcc_pass_set_end_time (pass, end_time);

      hcc_passes_add_async (cli->client, pass, (const char * const *) levels, NULL, store_result_cb, &slot);
      result = wait_result (&slot);
      if (!hcc_passes_add_finish (cli->client, result, &error))
        return report_error (error);

      print_object (pass);
      return 0;
    }

  if (g_str_equal (argv[1], "show"))
    {
      g_autoptr(HccPass) pass = NULL;

      if (argc != 3)
        return usage_error ("pass ", _("pass show needs one pass ID"));

      hcc_passes_get_async (cli->client, argv[2], NULL, store_result_cb, &slot);
      result = wait_result (&slot);
      if (!(pass = hcc_passes_get_finish (cli->client, result, &error)))
        return report_error (error);

      print_object (pass);
      return 0;
    }

  if (g_str_equal (argv[1], "delete"))
    {
      const char *ids[] = { argc == 3 ? argv[2] : NULL, NULL };

      if (argc != 3)
        return usage_error ("pass ", _("pass delete needs one pass ID"));

      hcc_passes_delete_async (cli->client, ids, NULL, store_result_cb, &slot);
      result = wait_result (&slot);
      if (!hcc_passes_delete_finish (cli->client, result, &error))
        return report_error (error);

      g_print ("{\"id\": \"%s\", \"deleted\": true}\n", argv[2]);
      return 0;
    }

  return usage_error ("pass ", _("pass needs add, show or delete"));
}

static int
run_access_levels (Cli   *cli,
                   int    argc,
                   char **argv)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  int code = 0;

  if (!parse_command ("access-levels", "", _("List the access levels."), NULL, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("access-levels ", _("access-levels takes no arguments"));

  hcc_access_levels_list_async (cli->client, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!(model = hcc_access_levels_list_finish (cli->client, result, &error)))
    return report_error (error);

  print_model (model);
  return 0;
}

static int
run_cameras (Cli   *cli,
             int    argc,
             char **argv)
{
  g_autofree char *serial = NULL;
  GOptionEntry entries[] = {
    { "serial", 's', 0, G_OPTION_ARG_STRING, &serial, N_("Only the cameras of this device"), "SERIAL" },
    { NULL }
  };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  int code = 0;

  if (!parse_command ("cameras", "", _("List the cameras."), entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("cameras ", _("cameras takes no arguments"));

  hcc_devices_list_cameras_async (cli->client, serial, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!(model = hcc_devices_list_cameras_finish (cli->client, result, &error)))
    return report_error (error);

  print_model (model);
  return 0;
}

static int
run_live (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autofree char *protocol = NULL;
  g_autofree char *quality = NULL;
  g_autofree char *serial = NULL;
  int expire = 0;
  GOptionEntry entries[] = {
    { "protocol", 'p', 0, G_OPTION_ARG_STRING, &protocol, N_("hls (default) or rtmp"), "hls|rtmp" },
    { "quality", 0, 0, G_OPTION_ARG_STRING, &quality, N_("hd (default) or fluent"), "hd|fluent" },
    { "serial", 's', 0, G_OPTION_ARG_STRING, &serial, N_("The camera's device serial (else looked up)"), "SERIAL" },
    { "expire", 0, 0, G_OPTION_ARG_INT, &expire, N_("RTMP: lifetime of the URL"), "SECONDS" },
    { NULL }
  };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HccLiveAddress) address = NULL;
  HccStreamProtocol stream_protocol = HCC_STREAM_PROTOCOL_HLS;
  HccStreamQuality stream_quality = HCC_STREAM_QUALITY_HD;
  int code = 0;

  if (!parse_command ("live", "CAMERA_ID", _("Get a live-view address of a camera."),
                      entries, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return usage_error ("live ", _("live needs one camera ID"));

  if (protocol == NULL || g_ascii_strcasecmp (protocol, "hls") == 0)
    stream_protocol = HCC_STREAM_PROTOCOL_HLS;
  else if (g_ascii_strcasecmp (protocol, "rtmp") == 0)
    stream_protocol = HCC_STREAM_PROTOCOL_RTMP;
  else
    return usage_error ("live ", _("The protocol is hls or rtmp"));

  if (quality == NULL || g_ascii_strcasecmp (quality, "hd") == 0)
    stream_quality = HCC_STREAM_QUALITY_HD;
  else if (g_ascii_strcasecmp (quality, "fluent") == 0)
    stream_quality = HCC_STREAM_QUALITY_FLUENT;
  else
    return usage_error ("live ", _("The quality is hd or fluent"));

  if (expire < 0)
    return usage_error ("live ", _("--expire cannot be negative"));

  hcc_video_get_live_address_async (cli->client, argv[1], serial, stream_protocol, stream_quality,
                                    expire, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!(address = hcc_video_get_live_address_finish (cli->client, result, &error)))
    return report_error (error);

  print_object (address);
  return 0;
}

static int
run_records (Cli   *cli,
             int    argc,
             char **argv)
{
  g_autofree char *day = NULL;
  gboolean cloud = FALSE;
  GOptionEntry entries[] = {
    { "day", 'd', 0, G_OPTION_ARG_STRING, &day, N_("The local day"), "YYYY-MM-DD" },
    { "cloud", 0, 0, G_OPTION_ARG_NONE, &cloud, N_("Cloud recordings instead of the device's"), NULL },
    { NULL }
  };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GDateTime) when = NULL;
  int year = 0, month = 0, mday = 0;
  char tail = 0;
  int code = 0;

  if (!parse_command ("records", "CAMERA_ID", _("List the recorded segments of a camera on one day."),
                      entries, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return usage_error ("records ", _("records needs one camera ID"));
  if (day == NULL)
    return usage_error ("records ", _("records needs --day YYYY-MM-DD"));

  if (sscanf (day, "%4d-%2d-%2d%c", &year, &month, &mday, &tail) != 3 ||
      (when = g_date_time_new_local (year, month, mday, 12, 0, 0)) == NULL)
    return usage_error ("records ", _("The day is YYYY-MM-DD"));

  hcc_video_list_segments_async (cli->client, argv[1], when, cloud, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!(model = hcc_video_list_segments_finish (cli->client, result, &error)))
    return report_error (error);

  print_model (model);
  return 0;
}

static int
run_clip (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Start of the clip"), "ISO" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("End of the clip"), "ISO" },
    { NULL }
  };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HccClip) clip = NULL;
  g_autoptr(GDateTime) start_time = NULL;
  g_autoptr(GDateTime) end_time = NULL;
  int code = 0;

  if (!parse_command ("clip", "CAMERA_ID", _("Save an MP4 clip of a recording and print its download URLs."),
                      entries, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return usage_error ("clip ", _("clip needs one camera ID"));
  if (start == NULL || end == NULL)
    return usage_error ("clip ", _("clip needs --start and --end"));
  if (!parse_time_option (start, &start_time, "clip ", &code) ||
      !parse_time_option (end, &end_time, "clip ", &code))
    return code;

  hcc_video_save_clip_async (cli->client, argv[1], start_time, end_time, NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!(clip = hcc_video_save_clip_finish (cli->client, result, &error)))
    return report_error (error);

  print_object (clip);
  return 0;
}

static const Command commands[] = {
  { "login", "", N_("Log in; show userId, areaDomain and the token expiry"), run_login },
  { "events", "[--types T,…] [--count N] [--timeout S]", N_("Stream calls and door events"), run_events },
  { "call", "answer|decline|hangup RECORD_ID [--user ID]", N_("Act on a door-station call"), run_call },
  { "doors", "[--serial S]", N_("List doors"), run_doors },
  { "door", "unlock|lock|keep-unlocked|keep-locked DOOR_ID…", N_("Control doors"), run_door },
  { "buildings", "", N_("List buildings"), run_buildings },
  { "rooms", "[--building ID]", N_("List rooms"), run_rooms },
  { "residents", "[--query TEXT]", N_("Search residents"), run_residents },
  { "resident", "add|update|delete …", N_("Add, update or delete a resident"), run_resident },
  { "passes", "[--query TEXT]", N_("List temporary passes"), run_passes },
  { "pass", "add|show|delete …", N_("Create, show or delete a pass"), run_pass },
  { "access-levels", "", N_("List access levels"), run_access_levels },
  { "cameras", "[--serial S]", N_("List cameras"), run_cameras },
  { "live", "CAMERA_ID [--protocol hls|rtmp]", N_("Get a live-view address"), run_live },
  { "records", "CAMERA_ID --day YYYY-MM-DD", N_("List recorded segments"), run_records },
  { "clip", "CAMERA_ID --start ISO --end ISO", N_("Save a clip and get its URLs"), run_clip },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  /* Two lines per command: printf pads bytes, not characters. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %s %s\n      %s\n", commands[i].name, commands[i].parameters,
                            _(commands[i].summary));
  g_string_append (text, _("\nThe keys come from HCC_APP_KEY and HCC_SECRET_KEY, else from the keyring.\n"
                           "“hcc-cli COMMAND --help” describes each command."));

  return g_string_free (text, FALSE);
}

static gboolean
wants_help (int    argc,
            char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?"))
      return TRUE;

  return FALSE;
}

/* HCC_APP_KEY and HCC_SECRET_KEY, else the keys the app stored in the
 * keyring for this server. Without keys the command fails at login with
 * the platform's refusal, which is the clearest message. */
static void
load_credentials (HccClient *client)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *secret_key = NULL;

  hcc_credentials_lookup_async (hcc_client_get_server_url (client), NULL, store_result_cb, &slot);
  result = wait_result (&slot);
  if (!hcc_credentials_lookup_finish (result, &app_key, &secret_key, &error))
    g_debug ("No keys from the keyring: %s", error->message);
  else if (app_key != NULL && secret_key != NULL)
    hcc_client_set_credentials (client, app_key, secret_key);
}

static gboolean
parse_region (const char *name,
              HccRegion  *region)
{
  static const struct {
    const char *name;
    HccRegion   region;
  } regions[] = {
    { "eu", HCC_REGION_EUROPE },
    { "europe", HCC_REGION_EUROPE },
    { "us", HCC_REGION_NORTH_AMERICA },
    { "north-america", HCC_REGION_NORTH_AMERICA },
    { "sa", HCC_REGION_SOUTH_AMERICA },
    { "south-america", HCC_REGION_SOUTH_AMERICA },
    { "sg", HCC_REGION_SINGAPORE },
    { "singapore", HCC_REGION_SINGAPORE },
    { "in", HCC_REGION_INDIA },
    { "india", HCC_REGION_INDIA },
    { "ru", HCC_REGION_RUSSIA },
    { "russia", HCC_REGION_RUSSIA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_ascii_strcasecmp (name, regions[i].name) == 0)
      {
        *region = regions[i].region;
        return TRUE;
      }

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *server = NULL;
  g_autofree char *region = NULL;
  g_autofree char *ca_file = NULL;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("Base URL of the platform (https://host[:port])"), "URL" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("eu, us, sa, sg, in or ru (default eu)"), "R" },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Also trust the certificates in this PEM file"), "PEM" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  Cli cli = { NULL };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  context = g_option_context_new (_("COMMAND [ARGS…]"));
  g_option_context_set_summary (context, _("Talk to Hik-Connect for Teams from the command line."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at the command: its options belong to it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (NULL, error->message);
  if (argc < 2)
    return usage_error (NULL, _("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (argv[1], commands[i].name))
        continue;

      /* --help needs no keys. */
      cli.client = hcc_client_new ();
      if (region != NULL)
        {
          HccRegion value;

          if (!parse_region (region, &value))
            {
              g_clear_object (&cli.client);
              return usage_error (NULL, _("Unknown region"));
            }
          hcc_client_set_region (cli.client, value);
        }
      else
        {
          hcc_client_set_region (cli.client, HCC_REGION_EUROPE);
        }

      if (server != NULL && !hcc_client_set_server_url (cli.client, server, &error))
        {
          g_clear_object (&cli.client);
          return usage_error (NULL, error->message);
        }
      if (ca_file != NULL && !hcc_client_set_ca_file (cli.client, ca_file, &error))
        {
          g_clear_object (&cli.client);
          return usage_error (NULL, error->message);
        }

      if (!wants_help (argc - 1, argv + 1))
        load_credentials (cli.client);

      status = commands[i].run (&cli, argc - 1, argv + 1);
      g_clear_object (&cli.client);

      return status;
    }

  return usage_error (NULL, _("Unknown command"));
}
