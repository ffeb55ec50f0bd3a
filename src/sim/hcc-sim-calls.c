/* hcc-sim-calls.c: door-station calls (catalogue §3.12, §9.2 DeviceTalkInfo, §13.14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call rings until the desk answers or declines it, the device gives up
 * (timeout, msgType 3), the device hangs up (msgType 2) or another client
 * answers it (msgType 1). Every change the device makes is a Msg140001
 * event on the rawmsg queue; the desk's own actions come in through
 * devcall/v1/call/receive and are logged for tests.
 */

#define G_LOG_DOMAIN "hcc-sim-calls"

#include "config.h"

#include <string.h>

#include "hcc-sim-private.h"

#define MODULE_KEY           "calls"
#define DEFAULT_TIMEOUT_S    45
#define DEMO_FIRST_S         20

typedef enum {
  CALL_RINGING,
  CALL_ANSWERED,
  CALL_DECLINED,              /* by the desk, status 2 */
  CALL_ENDED,                 /* hung up by the desk, status 3 */
  CALL_ANSWERED_ELSEWHERE,    /* msgType 1 */
  CALL_HUNG_UP_BY_DEVICE,     /* msgType 2 */
  CALL_CANCELLED,             /* msgType 3: nobody answered, or the device gave up */
} CallState;

static const char *state_names[] = {
  "ringing", "answered", "declined", "ended", "answered-elsewhere", "hung-up-by-device",
  "cancelled",
};

typedef struct {
  char      *record_id;
  char      *device_id;
  int        call_type;       /* 1 management centre, 0 room */
  guint      room_number;     /* call_type 0 only */
  char      *user_id;         /* (nullable) the room's resident account */
  char      *person_id;       /* (nullable) */
  CallState  state;
  gint64     started_ms;
  gint64     answered_ms;
  gint64     ended_ms;
  guint      timeout_s;
  char      *answered_by;     /* (nullable) the userId that answered */
  GSource   *timeout_source;  /* (nullable) while ringing */
  HccSim    *sim;             /* (unowned) */
} Call;

typedef struct {
  GPtrArray  *calls;          /* (element-type Call) oldest first */
  GHashTable *calls_by_id;    /* record ID → Call */
  JsonArray  *actions;        /* every call/receive received, for tests */
  GSource    *demo_source;    /* (nullable) */
} Calls;

static Calls *
get_calls (HccSim *sim)
{
  return _hcc_sim_get_module_data (sim, MODULE_KEY);
}

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

/* A ringing call is what the desk's preview shows; once answered, the
 * desk watches the HD stream it asked for itself. */
static gboolean
call_is_live (Call *call)
{
  return call->state == CALL_RINGING;
}

/* Every change of state goes through here, so the station's warm stream
 * is released exactly once, when the call stops ringing. */
static void
call_set_state (Call      *call,
                CallState  state)
{
  gboolean was_live = call_is_live (call);

  call->state = state;
  if (was_live && !call_is_live (call))
    _hcc_sim_video_release_station (call->sim, call->device_id);
}

static void
call_free (gpointer data)
{
  Call *call = data;

  if (call_is_live (call))
    _hcc_sim_video_release_station (call->sim, call->device_id);
  clear_source (&call->timeout_source);
  g_free (call->record_id);
  g_free (call->device_id);
  g_free (call->user_id);
  g_free (call->person_id);
  g_free (call->answered_by);
  g_free (call);
}

static void
calls_free (gpointer data)
{
  Calls *calls = data;

  clear_source (&calls->demo_source);
  g_hash_table_unref (calls->calls_by_id);
  g_ptr_array_unref (calls->calls);
  json_array_unref (calls->actions);
  g_free (calls);
}

static GSource *
add_timeout (HccSim      *sim,
             guint        ms,
             GSourceFunc  func,
             gpointer     data)
{
  GSource *source = g_timeout_source_new (ms);

  /* Module timers run on the simulator's own context, not the default one. */
  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, _hcc_sim_get_context (sim));
  return source;
}

/* Builds the Msg140001 Event(1) for @call with DeviceTalkInfo.msgType @msg_type. */
static JsonNode *
build_event (HccSim *sim,
             Call   *call,
             int     msg_type)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  HccSimDevice *device = g_hash_table_lookup (world->devices_by_id, call->device_id);
  HccSimArea *area = device != NULL && device->area_id != NULL
                     ? g_hash_table_lookup (world->areas_by_id, device->area_id) : NULL;
  g_autofree char *when = _hcc_sim_format_plain (_hcc_sim_now_ms (sim));
  JsonObject *event = json_object_new ();
  JsonObject *basic = json_object_new ();
  JsonObject *resource = json_object_new ();
  JsonObject *brief = json_object_new ();
  JsonObject *data = json_object_new ();
  JsonObject *talk = json_object_new ();
  JsonArray *doors = json_array_new ();
  const char *device_name = device != NULL ? device->name : "";

  json_object_set_string_member (resource, "id", call->device_id);
  json_object_set_string_member (resource, "name", device_name);
  json_object_set_string_member (resource, "areaName", area != NULL ? area->name : "");

  json_object_set_string_member (brief, "id", call->device_id);
  json_object_set_string_member (brief, "name", device_name);
  json_object_set_string_member (brief, "category",
                                 device != NULL ? device->category : "videoIntercomDevice");
  json_object_set_string_member (brief, "deviceSerial", device != NULL ? device->serial : "");

  /* The guide's example prints a plain local time (L4534), not ISO 8601 (T34). */
  json_object_set_string_member (basic, "occurrenceTime", when);
  json_object_set_string_member (basic, "msgType", "Msg140001");
  json_object_set_object_member (basic, "resource", resource);
  json_object_set_object_member (basic, "device", brief);
  json_object_set_string_member (basic, "systemId", world->system_id);

  json_object_set_string_member (talk, "msgId", call->record_id);
  json_object_set_int_member (talk, "msgType", msg_type);
  json_object_set_int_member (talk, "callType", call->call_type);
  json_object_set_string_member (talk, "deviceSerial", device != NULL ? device->serial : "");
  json_object_set_string_member (talk, "deviceName", device_name);
  json_object_set_string_member (talk, "deviceId", call->device_id);
  if (call->call_type == 0)
    {
      json_object_set_int_member (talk, "roomNumber", call->room_number);
      json_object_set_string_member (talk, "userId", call->user_id != NULL ? call->user_id : "");
      if (call->user_id != NULL && call->person_id != NULL)
        json_object_set_string_member (talk, "personId", call->person_id);
    }
  for (guint i = 0; device != NULL && i < device->door_ids->len; i++)
    {
      HccSimDoor *door = g_hash_table_lookup (world->doors_by_id,
                                              g_ptr_array_index (device->door_ids, i));
      JsonObject *info;

      if (door == NULL)
        continue;
      info = json_object_new ();
      json_object_set_string_member (info, "doorId", door->id);
      json_object_set_string_member (info, "doorName", door->name);
      json_array_add_object_element (doors, info);
    }
  json_object_set_array_member (talk, "doorInfos", doors);

  json_object_set_object_member (data, "deviceTalkInfo", talk);
  json_object_set_object_member (event, "basicInfo", basic);
  json_object_set_object_member (event, "data", data);

  {
    /* The node takes its own reference. */
    JsonNode *node = json_node_init_object (json_node_alloc (), event);

    json_object_unref (event);
    return node;
  }
}

/* Ends @call from the device's side and tells every subscriber. */
static void
device_end (HccSim    *sim,
            Call      *call,
            CallState  state,
            int        msg_type)
{
  clear_source (&call->timeout_source);
  call_set_state (call, state);
  call->ended_ms = _hcc_sim_now_ms (sim);
  _hcc_sim_post_event (sim, "Msg140001", build_event (sim, call, msg_type));
}

static gboolean
call_timeout_cb (gpointer user_data)
{
  Call *call = user_data;

  /* Drop our reference first: device_end clears the source otherwise. */
  g_clear_pointer (&call->timeout_source, g_source_unref);
  if (call->state == CALL_RINGING)
    {
      g_debug ("Call %s: nobody answered in %u s", call->record_id, call->timeout_s);
      device_end (call->sim, call, CALL_CANCELLED, 3);
    }
  return G_SOURCE_REMOVE;
}

static JsonObject *
call_to_json (HccSim *sim,
              Call   *call)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  HccSimDevice *device = g_hash_table_lookup (world->devices_by_id, call->device_id);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "record_id", call->record_id);
  json_object_set_string_member (object, "device_id", call->device_id);
  json_object_set_string_member (object, "device_serial", device != NULL ? device->serial : "");
  json_object_set_string_member (object, "device_name", device != NULL ? device->name : "");
  json_object_set_int_member (object, "call_type", call->call_type);
  if (call->call_type == 0)
    {
      json_object_set_int_member (object, "room_number", call->room_number);
      if (call->user_id != NULL)
        json_object_set_string_member (object, "user_id", call->user_id);
      if (call->person_id != NULL)
        json_object_set_string_member (object, "person_id", call->person_id);
    }
  json_object_set_string_member (object, "state", state_names[call->state]);
  json_object_set_int_member (object, "started_ms", call->started_ms);
  json_object_set_int_member (object, "answered_ms", call->answered_ms);
  json_object_set_int_member (object, "ended_ms", call->ended_ms);
  json_object_set_int_member (object, "timeout_s", call->timeout_s);
  if (call->answered_by != NULL)
    json_object_set_string_member (object, "answered_by", call->answered_by);
  return object;
}

/* Starts a call from @device. @room may be NULL for a call to the desk. */
static Call *
start_call (HccSim       *sim,
            HccSimDevice *device,
            int           call_type,
            HccSimRoom   *room,
            guint         timeout_s)
{
  Calls *calls = get_calls (sim);
  HccSimWorld *world = _hcc_sim_get_world (sim);
  Call *call = g_new0 (Call, 1);

  call->sim = sim;
  call->record_id = _hcc_sim_new_id (sim);
  call->device_id = g_strdup (device->id);
  call->call_type = call_type;
  call->state = CALL_RINGING;
  call->started_ms = _hcc_sim_now_ms (sim);
  call->timeout_s = timeout_s > 0 ? timeout_s : DEFAULT_TIMEOUT_S;

  if (call_type == 0 && room != NULL)
    {
      HccSimPerson *person = hcc_sim_world_find_room_resident (world, room);

      call->room_number = room->number;
      if (person != NULL && person->user_id != NULL)
        {
          call->user_id = g_strdup (person->user_id);
          call->person_id = g_strdup (person->id);
        }
    }

  g_ptr_array_add (calls->calls, call);
  g_hash_table_insert (calls->calls_by_id, call->record_id, call);

  /* The station's stream starts before the desk hears of the call. */
  _hcc_sim_video_hold_station (sim, call->device_id);

  call->timeout_source = add_timeout (sim, call->timeout_s * 1000, call_timeout_cb, call);
  _hcc_sim_post_event (sim, "Msg140001", build_event (sim, call, 0));
  g_debug ("Call %s from %s (callType %d)", call->record_id, device->serial, call_type);
  return call;
}

static HccSimRoom *
pick_room (HccSim       *sim,
           HccSimDevice *device)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  HccSimBuilding *building = device->building_id != NULL
                             ? g_hash_table_lookup (world->buildings_by_id, device->building_id)
                             : NULL;
  GPtrArray *rooms = building != NULL && building->rooms->len > 0 ? building->rooms : world->rooms;

  if (rooms->len == 0)
    return NULL;
  return g_ptr_array_index (rooms, g_rand_int_range (_hcc_sim_get_rand (sim), 0, rooms->len));
}

/* devcall/v1/call/receive */

static void
log_action (Calls               *calls,
            const HccSimRequest *request,
            const char          *record_id,
            gint64               status,
            const char          *user_id,
            const char          *result)
{
  JsonObject *action = json_object_new ();

  json_object_set_string_member (action, "record_id", record_id != NULL ? record_id : "");
  json_object_set_int_member (action, "status", status);
  json_object_set_string_member (action, "user_id", user_id != NULL ? user_id : "");
  json_object_set_string_member (action, "result", result);
  json_object_set_int_member (action, "time_ms", request->now_ms);
  json_array_add_object_element (calls->actions, action);
}

/* Why an action is refused in a given state; NULL when it is allowed. The
 * codes are the closest documented ones (the README lists them). */
static const char *
refuse_code (Call       *call,
             gint64      status,
             const char *user_id)
{
  switch (call->state)
    {
    case CALL_RINGING:
      /* Hanging up needs an answered call: the desk declines a ringing one. */
      return status == 3 ? "VMS000001" : NULL;

    case CALL_ANSWERED:
      if (g_strcmp0 (call->answered_by, user_id) != 0)
        return "VMS038027";
      if (status == 2)
        return "VMS038027";
      return NULL;  /* answering again is a harmless retry; 3 hangs up */

    case CALL_ANSWERED_ELSEWHERE:
      return "VMS038027";

    case CALL_HUNG_UP_BY_DEVICE:
    case CALL_CANCELLED:
      return "VMS038029";

    case CALL_DECLINED:
      /* A repeated decline is a retry of a request whose reply was lost. */
      return status == 2 ? NULL : "VMS038019";

    case CALL_ENDED:
      return status == 3 ? NULL : "VMS038019";

    default:
      g_assert_not_reached ();
    }
}

static const char *
refuse_text (const char *code)
{
  if (g_str_equal (code, "VMS038027"))
    return "The call has been answered";
  if (g_str_equal (code, "VMS038029"))
    return "The call has been cancelled by the device";
  if (g_str_equal (code, "VMS038019"))
    return "The call record does not exist";
  return "Parameter error";
}

static void
call_receive (HccSim              *sim,
              const HccSimRequest *request,
              HccSimReply         *reply)
{
  Calls *calls = get_calls (sim);
  g_autofree char *record_id = _hcc_sim_dup_string (request->object, "recordId");
  g_autofree char *user_id = _hcc_sim_dup_string (request->object, "userId");
  gint64 status = 0;
  const char *code;
  Call *call;

  /* status is an Integer, but the guide's example sends "2" (T12). */
  if (record_id == NULL || *record_id == '\0' ||
      !_hcc_sim_get_int (request->object, "status", &status) ||
      status < 1 || status > 3 || user_id == NULL || *user_id == '\0')
    {
      log_action (calls, request, record_id, status, user_id, "OPEN000010");
      _hcc_sim_reply_error (reply, "OPEN000010",
                            "recordId, status (1, 2 or 3) and userId are required");
      return;
    }

  call = g_hash_table_lookup (calls->calls_by_id, record_id);
  if (call == NULL)
    {
      log_action (calls, request, record_id, status, user_id, "VMS038019");
      _hcc_sim_reply_error (reply, "VMS038019", "The call record does not exist");
      return;
    }

  code = refuse_code (call, status, user_id);
  if (code != NULL)
    {
      log_action (calls, request, record_id, status, user_id, code);
      _hcc_sim_reply_error (reply, code, "%s", refuse_text (code));
      return;
    }

  log_action (calls, request, record_id, status, user_id, "0");
  switch (status)
    {
    case 1:
      if (call->state == CALL_RINGING)
        {
          clear_source (&call->timeout_source);
          call_set_state (call, CALL_ANSWERED);
          call->answered_ms = request->now_ms;
          call->answered_by = g_strdup (user_id);
        }
      break;
    case 2:
      if (call->state == CALL_RINGING)
        {
          clear_source (&call->timeout_source);
          call_set_state (call, CALL_DECLINED);
          call->ended_ms = request->now_ms;
        }
      break;
    case 3:
      if (call->state == CALL_ANSWERED)
        {
          call_set_state (call, CALL_ENDED);
          call->ended_ms = request->now_ms;
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Control routes */

static void
control_error (HccSimReply *reply,
               guint        http_status,
               const char  *text)
{
  const char *code = http_status == SOUP_STATUS_NOT_FOUND ? "not-found"
                     : http_status == SOUP_STATUS_CONFLICT ? "conflict" : "bad-request";

  _hcc_sim_reply_error (reply, code, "%s", text);
  reply->http_status = http_status;
}

static void
control_reply_call (HccSim      *sim,
                    Call        *call,
                    HccSimReply *reply)
{
  JsonObject *object = call_to_json (sim, call);

  _hcc_sim_reply_data (reply, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
}

static void
control_inject (HccSim              *sim,
                const HccSimRequest *request,
                HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  const char *serial = _hcc_sim_get_string (request->object, "device_serial");
  g_autoptr(GPtrArray) stations = NULL;
  HccSimDevice *device = NULL;
  HccSimRoom *room = NULL;
  gint64 call_type = 1;
  gint64 room_number = -1;
  gint64 timeout_s = DEFAULT_TIMEOUT_S;
  Call *call;

  if (serial != NULL)
    {
      device = g_hash_table_lookup (world->devices_by_serial, serial);
      if (device == NULL)
        {
          control_error (reply, SOUP_STATUS_NOT_FOUND, "no device with that serial");
          return;
        }
    }
  else
    {
      stations = hcc_sim_world_dup_door_stations (world);
      if (stations == NULL || stations->len == 0)
        {
          control_error (reply, SOUP_STATUS_CONFLICT, "the site has no door station");
          return;
        }
      device = g_ptr_array_index (stations, 0);
    }

  if (request->object != NULL && json_object_has_member (request->object, "call_type") &&
      (!_hcc_sim_get_int (request->object, "call_type", &call_type) ||
       (call_type != 0 && call_type != 1)))
    {
      control_error (reply, SOUP_STATUS_BAD_REQUEST, "call_type must be 0 (room) or 1 (desk)");
      return;
    }
  if (request->object != NULL && json_object_has_member (request->object, "timeout_s") &&
      (!_hcc_sim_get_int (request->object, "timeout_s", &timeout_s) ||
       timeout_s < 1 || timeout_s > 86400))
    {
      control_error (reply, SOUP_STATUS_BAD_REQUEST, "timeout_s must be between 1 and 86400");
      return;
    }
  if (request->object != NULL && json_object_has_member (request->object, "room_number") &&
      (!_hcc_sim_get_int (request->object, "room_number", &room_number) ||
       room_number < 0 || room_number > G_MAXUINT))
    {
      control_error (reply, SOUP_STATUS_BAD_REQUEST, "room_number must be a room number");
      return;
    }

  if (call_type == 0)
    {
      if (room_number >= 0)
        {
          room = device->building_id != NULL
                 ? hcc_sim_world_find_room (world, device->building_id, room_number) : NULL;
          /* A station without a building (the main gate) can call any room. */
          for (guint i = 0; room == NULL && device->building_id == NULL && i < world->rooms->len; i++)
            {
              HccSimRoom *candidate = g_ptr_array_index (world->rooms, i);

              if (candidate->number == room_number)
                room = candidate;
            }
          if (room == NULL)
            {
              control_error (reply, SOUP_STATUS_NOT_FOUND, "no such room at that door station");
              return;
            }
        }
      else
        room = pick_room (sim, device);
    }

  call = start_call (sim, device, call_type, room, timeout_s);
  control_reply_call (sim, call, reply);
}

static void
control_list (HccSim              *sim,
              const HccSimRequest *request,
              HccSimReply         *reply)
{
  Calls *calls = get_calls (sim);
  JsonObject *object = json_object_new ();
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < calls->calls->len; i++)
    json_array_add_object_element (array, call_to_json (sim, g_ptr_array_index (calls->calls, i)));
  json_object_set_array_member (object, "calls", array);
  json_object_set_array_member (object, "actions", json_array_ref (calls->actions));
  _hcc_sim_reply_data (reply, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
}

static Call *
control_find (HccSim              *sim,
              const HccSimRequest *request,
              HccSimReply         *reply)
{
  Call *call = g_hash_table_lookup (get_calls (sim)->calls_by_id, request->args[0]);

  if (call == NULL)
    control_error (reply, SOUP_STATUS_NOT_FOUND, "no such call");
  return call;
}

static void
control_answer_elsewhere (HccSim              *sim,
                          const HccSimRequest *request,
                          HccSimReply         *reply)
{
  Call *call = control_find (sim, request, reply);

  if (call == NULL)
    return;
  if (call->state != CALL_RINGING)
    {
      control_error (reply, SOUP_STATUS_CONFLICT, "only a ringing call can be answered elsewhere");
      return;
    }

  call->answered_ms = request->now_ms;
  call->answered_by = g_strdup ("elsewhere");
  device_end (sim, call, CALL_ANSWERED_ELSEWHERE, 1);
  control_reply_call (sim, call, reply);
}

static void
control_hangup (HccSim              *sim,
                const HccSimRequest *request,
                HccSimReply         *reply)
{
  Call *call = control_find (sim, request, reply);

  if (call == NULL)
    return;
  if (call->state != CALL_RINGING && call->state != CALL_ANSWERED)
    {
      control_error (reply, SOUP_STATUS_CONFLICT, "the call has already ended");
      return;
    }

  device_end (sim, call, CALL_HUNG_UP_BY_DEVICE, 2);
  control_reply_call (sim, call, reply);
}

static void
control_cancel (HccSim              *sim,
                const HccSimRequest *request,
                HccSimReply         *reply)
{
  Call *call = control_find (sim, request, reply);

  if (call == NULL)
    return;
  if (call->state != CALL_RINGING)
    {
      control_error (reply, SOUP_STATUS_CONFLICT, "only a ringing call can be cancelled");
      return;
    }

  device_end (sim, call, CALL_CANCELLED, 3);
  control_reply_call (sim, call, reply);
}

/* Demo mode: a door station calls now and then. */

static gboolean demo_cb (gpointer user_data);

static void
demo_schedule (HccSim *sim,
               guint   seconds)
{
  Calls *calls = get_calls (sim);

  clear_source (&calls->demo_source);
  calls->demo_source = add_timeout (sim, seconds * 1000, demo_cb, sim);
}

static gboolean
demo_cb (gpointer user_data)
{
  HccSim *sim = user_data;
  HccSimWorld *world = _hcc_sim_get_world (sim);
  GRand *rand = _hcc_sim_get_rand (sim);
  g_autoptr(GPtrArray) stations = hcc_sim_world_dup_door_stations (world);

  if (stations != NULL && stations->len > 0)
    {
      HccSimDevice *device = g_ptr_array_index (stations,
                                                g_rand_int_range (rand, 0, stations->len));
      /* Mostly the desk, sometimes a room, as a lobby station would. */
      int call_type = g_rand_int_range (rand, 0, 4) == 0 ? 0 : 1;
      HccSimRoom *room = call_type == 0 ? pick_room (sim, device) : NULL;

      start_call (sim, device, call_type, room, g_rand_int_range (rand, 30, 61));
    }

  demo_schedule (sim, g_rand_int_range (rand, 120, 301));
  return G_SOURCE_REMOVE;
}

void
_hcc_sim_calls_init (HccSim *sim)
{
  Calls *calls = g_new0 (Calls, 1);

  calls->calls = g_ptr_array_new_with_free_func (call_free);
  calls->calls_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  calls->actions = json_array_new ();
  _hcc_sim_set_module_data (sim, MODULE_KEY, calls, calls_free);

  _hcc_sim_add_route (sim, "POST", "/devcall/v1/call/receive", HCC_SIM_ENVELOPE_MESSAGE,
                      call_receive);

  _hcc_sim_add_control_route (sim, "POST", "/control/calls", control_inject);
  _hcc_sim_add_control_route (sim, "GET", "/control/calls", control_list);
  _hcc_sim_add_control_route (sim, "POST", "/control/calls/{}/answer-elsewhere",
                              control_answer_elsewhere);
  _hcc_sim_add_control_route (sim, "POST", "/control/calls/{}/hangup", control_hangup);
  _hcc_sim_add_control_route (sim, "POST", "/control/calls/{}/cancel", control_cancel);

  if (_hcc_sim_get_demo (sim))
    demo_schedule (sim, DEMO_FIRST_S);
}

void
_hcc_sim_calls_shutdown (HccSim *sim)
{
  /* The timers live on the simulator's context: remove them on its thread. */
  _hcc_sim_set_module_data (sim, MODULE_KEY, NULL, NULL);
}
