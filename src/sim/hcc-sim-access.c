/* hcc-sim-access.c: door control, the access log and access levels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Authentication events (Msg110xxx) come from the control port, never from
 * remote/control: the guide has no message type for a remote opening.
 */

#define G_LOG_DOMAIN "hcc-sim-access"

#include <string.h>

#include "hcc-sim-private.h"

#define RECORDS_MAX_PAGE_SIZE 200
#define LEVELS_MAX_PAGE_SIZE 500
#define DEFAULT_PAGE_SIZE 20
#define DOOR_OFFLINE_CODE "EVZ20007"
#define DOOR_UNKNOWN_CODE "VMS000003"
#define MODULE_KEY "access"
#define DEMO_FIRST_S 20

typedef struct {
  const char *kind;
  int         granted_msg;
  int         granted_record;
  int         denied_msg;
  int         denied_record;
} AuthKind;

/* The catalogue's Msg table (§10.3) paired with the §10.4 record codes. */
static const AuthKind auth_kinds[] = {
  { "card", 110003, 80001, 110515, 80028 },
  { "pin", 110020, 100344, 110555, 80263 },
  { "qr", 110023, 100571, 110565, 100572 },
  { "face", 110013, 80093, 110531, 80094 },
  { "fingerprint", 110005, 80032, 110518, 80031 },
};

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);

  return node;
}

/* NULL-safe text for members the guide marks as required. */
static const char *
nz (const char *text)
{
  return text != NULL ? text : "";
}

static const char *
area_name (HccSimWorld *world,
           const char  *area_id)
{
  HccSimArea *area = g_hash_table_lookup (world->areas_by_id, area_id ? area_id : "");

  return area ? area->name : "";
}

void
_hcc_sim_access_report (HccSim       *sim,
                        HccSimDoor   *door,
                        int           msg_number,
                        int           record_event_type,
                        gboolean      granted,
                        HccSimPerson *person,
                        const char   *card_number)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  HccSimDevice *device = g_hash_table_lookup (world->devices_by_id, door->device_id);
  gint64 now_ms = _hcc_sim_now_ms (sim);
  g_autofree char *occur = _hcc_sim_format_iso8601 (now_ms);
  g_autofree char *msg_type = g_strdup_printf ("Msg%d", msg_number);
  g_autofree char *guid = _hcc_sim_new_hex_id (sim);
  JsonObject *event, *basic, *resource, *dev, *data, *open_door, *inner, *basic2, *intelli;
  JsonObject *record;

  basic = json_object_new ();
  json_object_set_string_member (basic, "occurrenceTime", occur);
  json_object_set_string_member (basic, "msgType", msg_type);
  resource = json_object_new ();
  json_object_set_string_member (resource, "type", "door");
  json_object_set_string_member (resource, "id", door->id);
  json_object_set_string_member (resource, "name", door->name);
  json_object_set_string_member (resource, "areaID", door->area_id);
  json_object_set_string_member (resource, "areaName", area_name (world, door->area_id));
  json_object_set_object_member (basic, "resource", resource);
  dev = json_object_new ();
  json_object_set_string_member (dev, "id", device ? device->id : "");
  json_object_set_string_member (dev, "name", device ? device->name : "");
  json_object_set_string_member (dev, "category", device ? device->category : "");
  json_object_set_string_member (dev, "deviceSerial", device ? device->serial : "");
  json_object_set_object_member (basic, "device", dev);
  json_object_set_string_member (basic, "systemId", world->system_id);

  /* BasicInfo(2): eventType is the message type as a number (T35). */
  basic2 = json_object_new ();
  json_object_set_string_member (basic2, "systemId", world->system_id);
  json_object_set_int_member (basic2, "eventType", msg_number);
  json_object_set_string_member (basic2, "elementId", door->id);
  json_object_set_int_member (basic2, "elementType", 1002);
  json_object_set_string_member (basic2, "elementName", door->name);
  json_object_set_string_member (basic2, "areaId", door->area_id);
  json_object_set_string_member (basic2, "areaName", area_name (world, door->area_id));
  json_object_set_string_member (basic2, "occurTime", occur);
  json_object_set_string_member (basic2, "deviceId", device ? device->id : "");
  json_object_set_string_member (basic2, "deviceSerial", device ? device->serial : "");
  json_object_set_string_member (basic2, "deviceName", device ? device->name : "");
  json_object_set_int_member (basic2, "channelNo", door->channel_no);
  json_object_set_int_member (basic2, "currentEvent", 1);
  json_object_set_int_member (basic2, "serialNo", world->access_records->len + 1);
  json_object_set_string_member (basic2, "cardReaderId", "");

  intelli = json_object_new ();
  json_object_set_string_member (intelli, "cardNumber", nz (card_number));
  json_object_set_string_member (intelli, "personId", nz (person ? person->id : NULL));
  json_object_set_string_member (intelli, "firstName", nz (person ? person->first_name : NULL));
  json_object_set_string_member (intelli, "lastName", nz (person ? person->last_name : NULL));
  json_object_set_string_member (intelli, "fullPath", person ? "All Persons" : "");
  json_object_set_string_member (intelli, "phoneNum", nz (person ? person->phone : NULL));
  json_object_set_string_member (intelli, "personPicUrl", "");
  json_object_set_string_member (intelli, "groupId", "");
  json_object_set_int_member (intelli, "attendanceStatus", 0);
  json_object_set_int_member (intelli, "authResult", granted ? 1 : 0);

  inner = json_object_new ();
  json_object_set_object_member (inner, "basicInfo", basic2);
  json_object_set_object_member (inner, "intelliInfo", intelli);
  open_door = json_object_new ();
  json_object_set_object_member (open_door, "event", inner);
  data = json_object_new ();
  json_object_set_object_member (data, "openDoorInfo", open_door);

  event = json_object_new ();
  json_object_set_object_member (event, "basicInfo", basic);
  json_object_set_object_member (event, "data", data);

  record = hcc_sim_world_new_record (world, guid, door, record_event_type, granted, person, now_ms);
  json_object_set_string_member (record, "cardNumber", nz (card_number));
  g_ptr_array_add (world->access_records, record);

  _hcc_sim_post_event (sim, msg_type, object_node (event));
}

static gboolean
door_in_area (HccSimWorld *world,
              HccSimDoor  *door,
              const char  *area_id,
              gboolean     depth)
{
  return hcc_sim_world_area_within (world, door->area_id, area_id, depth);
}

static void
add_failure (HccSimWorld *world,
             JsonArray   *results,
             const char  *door_id,
             HccSimDoor  *door,
             const char  *code)
{
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "elementId", door_id);
  json_object_set_string_member (entry, "elementName", door ? door->name : "");
  json_object_set_string_member (entry, "areaId", door ? door->area_id : "");
  json_object_set_string_member (entry, "areaName", door ? area_name (world, door->area_id) : "");
  json_object_set_string_member (entry, "errorCode", code);
  json_array_add_object_element (results, entry);
}

static void
control_door (HccSimWorld *world,
              JsonArray   *results,
              const char  *door_id,
              int          action)
{
  HccSimDoor *door = g_hash_table_lookup (world->doors_by_id, door_id);

  if (door == NULL)
    add_failure (world, results, door_id, NULL, DOOR_UNKNOWN_CODE);
  else if (!door->online)
    add_failure (world, results, door_id, door, DOOR_OFFLINE_CODE);
  else
    door->state = action;
}

/* POST acs/v1/remote/control */
static void
remote_control_cb (HccSim              *sim,
                   const HccSimRequest *request,
                   HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *control = _hcc_sim_get_object (request->object, "remoteControl");
  g_autoptr(GPtrArray) ids = NULL;
  JsonArray *results;
  JsonObject *data;
  gint64 action = 0, direction = 0, depth = 0;

  if (control == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000010", "remoteControl is required");
    return;
  }
  if (_hcc_sim_domain_get_int (control, "actionType", &action) <= 0 || action < 1 || action > 4) {
    _hcc_sim_reply_error (reply, "OPEN000010", "actionType must be 1, 2, 3 or 4");
    return;
  }
  if (_hcc_sim_domain_get_int (control, "direction", &direction) < 0 ||
      direction < 0 || direction > 1 ||
      _hcc_sim_domain_get_int (control, "depthTraversal", &depth) < 0) {
    _hcc_sim_reply_error (reply, "OPEN000010", "direction and depthTraversal must be 0 or 1");
    return;
  }

  results = json_array_new ();
  ids = _hcc_sim_domain_dup_ids (control, "elementlist");
  if (ids != NULL && ids->len > 0) {
    for (guint i = 0; i < ids->len; i++)
      control_door (world, results, g_ptr_array_index (ids, i), (int) action);
  } else {
    /* As the guide says (T27): no door IDs means every door in scope. */
    const char *area_id = _hcc_sim_get_string (control, "areaId");

    g_debug ("remote/control without elementlist: action %" G_GINT64_FORMAT " on all doors",
             action);
    for (guint i = 0; i < world->doors->len; i++) {
      HccSimDoor *door = g_ptr_array_index (world->doors, i);

      if (door_in_area (world, door, area_id, depth == 1))
        control_door (world, results, door->id, (int) action);
    }
  }

  data = json_object_new ();
  json_object_set_array_member (data, "operationResult", results);
  _hcc_sim_reply_data (reply, object_node (data));
}

static gboolean
record_matches (JsonObject *record,
                gint64      begin_ms,
                gint64      end_ms,
                GPtrArray  *event_types,
                gint64      auth,
                GPtrArray  *element_ids,
                GPtrArray  *person_ids,
                const char *person_name)
{
  const char *occur = json_object_get_string_member_with_default (record, "occurTime", "");
  gint64 t = 0;

  if ((begin_ms > 0 || end_ms > 0) && !_hcc_sim_parse_time (occur, &t))
    return FALSE;
  if ((begin_ms > 0 && t < begin_ms) || (end_ms > 0 && t > end_ms))
    return FALSE;
  if (auth == 1 && json_object_get_int_member_with_default (record, "swipeAuthResult", 0) != 1)
    return FALSE;
  if (auth == 2 && json_object_get_int_member_with_default (record, "swipeAuthResult", 0) != 0)
    return FALSE;

  if (event_types != NULL && event_types->len > 0) {
    gint64 event_type = json_object_get_int_member_with_default (record, "eventType", 0);
    g_autofree char *type = g_strdup_printf ("%" G_GINT64_FORMAT, event_type);
    gboolean found = FALSE;

    for (guint i = 0; i < event_types->len && !found; i++)
      found = strcmp (g_ptr_array_index (event_types, i), type) == 0;
    if (!found)
      return FALSE;
  }
  if (element_ids != NULL && element_ids->len > 0) {
    const char *element = json_object_get_string_member_with_default (record, "elementId", "");
    gboolean found = FALSE;

    for (guint i = 0; i < element_ids->len && !found; i++)
      found = strcmp (g_ptr_array_index (element_ids, i), element) == 0;
    if (!found)
      return FALSE;
  }
  if ((person_ids != NULL && person_ids->len > 0) ||
      (person_name != NULL && *person_name != '\0')) {
    JsonObject *info = json_object_has_member (record, "personInfo")
                       ? json_object_get_object_member (record, "personInfo") : NULL;
    JsonObject *base = info && json_object_has_member (info, "baseInfo")
                       ? json_object_get_object_member (info, "baseInfo") : NULL;
    g_autofree char *name = NULL;

    if (base == NULL)
      return FALSE;
    if (person_ids != NULL && person_ids->len > 0) {
      const char *id = json_object_get_string_member_with_default (info, "id", "");
      gboolean found = FALSE;

      for (guint i = 0; i < person_ids->len && !found; i++)
        found = strcmp (g_ptr_array_index (person_ids, i), id) == 0;
      if (!found)
        return FALSE;
    }
    name = g_strdup_printf ("%s %s",
                            json_object_get_string_member_with_default (base, "firstName", ""),
                            json_object_get_string_member_with_default (base, "lastName", ""));
    if (!_hcc_sim_domain_match (name, person_name))
      return FALSE;
  }

  return TRUE;
}

static gboolean
read_time (JsonObject  *criteria,
           const char  *member,
           gint64      *ms,
           HccSimReply *reply)
{
  const char *text = _hcc_sim_get_string (criteria, member);

  *ms = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!_hcc_sim_parse_time (text, ms)) {
    _hcc_sim_reply_error (reply, "OPEN000010", "%s is not an ISO 8601 time", member);
    return FALSE;
  }

  return TRUE;
}

/* POST acs/v1/event/certificaterecords/search */
static void
records_search_cb (HccSim              *sim,
                   const HccSimRequest *request,
                   HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *criteria = _hcc_sim_get_object (request->object, "searchCriteria");
  JsonObject *person = _hcc_sim_get_object (criteria, "personCondition");
  g_autoptr(GPtrArray) event_types = _hcc_sim_domain_dup_ids (criteria, "eventTypes");
  g_autoptr(GPtrArray) element_ids = _hcc_sim_domain_dup_ids (criteria, "elementIDs");
  g_autoptr(GPtrArray) person_ids = _hcc_sim_domain_dup_ids (person, "personIds");
  const char *person_name = _hcc_sim_get_string (person, "personName");
  JsonArray *list;
  JsonObject *data;
  gint64 page_index, begin_ms, end_ms, auth = 0;
  guint size, offset, total = 0;

  if (!_hcc_sim_domain_get_paging (request->object, "pageIndex", "pageSize", 1, DEFAULT_PAGE_SIZE,
                                   RECORDS_MAX_PAGE_SIZE, FALSE, &page_index, &size, reply))
    return;
  if (!read_time (criteria, "beginTime", &begin_ms, reply) ||
      !read_time (criteria, "endTime", &end_ms, reply))
    return;
  if (_hcc_sim_domain_get_int (criteria, "swipeAuthResult", &auth) < 0 || auth < 0 || auth > 2) {
    _hcc_sim_reply_error (reply, "OPEN000010", "swipeAuthResult must be 0, 1 or 2");
    return;
  }
  if (person_ids != NULL && person_ids->len > 0 && person_name != NULL && *person_name != '\0') {
    _hcc_sim_reply_error (reply, "OPEN000010", "personIds and personName cannot be combined");
    return;
  }
  /* pageIndex starts at 1; 0 is read as the first page too. */
  offset = (guint) MIN ((gint64) G_MAXUINT / 2, (MAX (page_index, 1) - 1) * (gint64) size);

  /* Newest first, as an access log is read. */
  list = json_array_new ();
  for (guint i = world->access_records->len; i > 0; i--) {
    JsonObject *record = g_ptr_array_index (world->access_records, i - 1);

    if (!record_matches (record, begin_ms, end_ms, event_types, auth, element_ids, person_ids,
                         person_name))
      continue;
    if (total++ < offset || json_array_get_length (list) >= size)
      continue;
    json_array_add_object_element (list, json_object_ref (record));
  }

  data = json_object_new ();
  json_object_set_int_member (data, "pageIndex", page_index);
  json_object_set_int_member (data, "pageSize", size);
  json_object_set_int_member (data, "totalNum", total);
  json_object_set_array_member (data, "recordList", list);
  _hcc_sim_reply_data (reply, object_node (data));
}

static gboolean
level_has_door (HccSimAccessLevel *level,
                const char        *door_id)
{
  for (guint i = 0; i < level->door_ids->len; i++) {
    if (g_strcmp0 (g_ptr_array_index (level->door_ids, i), door_id) == 0)
      return TRUE;
  }

  return FALSE;
}

static JsonObject *
id_name (const char *id,
         const char *name)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", name);

  return object;
}

static JsonObject *
level_to_json (HccSimWorld       *world,
               HccSimAccessLevel *level)
{
  JsonObject *object = json_object_new ();
  JsonObject *area = id_name (level->area_id, area_name (world, level->area_id));
  JsonArray *resources = json_array_new ();

  json_object_set_array_member (area, "area", json_array_new ());
  for (guint i = 0; i < level->door_ids->len; i++) {
    const char *door_id = g_ptr_array_index (level->door_ids, i);
    HccSimDoor *door = g_hash_table_lookup (world->doors_by_id, door_id);
    JsonObject *res;

    if (door == NULL)
      continue;
    res = id_name (door->id, door->name);
    json_object_set_int_member (res, "type", 1002);
    json_object_set_object_member (res, "areaInfo",
                                   id_name (door->area_id, area_name (world, door->area_id)));
    json_array_add_object_element (resources, res);
  }

  json_object_set_string_member (object, "id", level->id);
  json_object_set_string_member (object, "name", level->name);
  json_object_set_string_member (object, "remark", "");
  json_object_set_int_member (object, "usageType", 0);
  json_object_set_object_member (object, "areaInfo", area);
  json_object_set_object_member (object, "timeSchedule", id_name ("1", "All-day template"));
  json_object_set_array_member (object, "associateResList", resources);

  return object;
}

/* POST acspm/v1/accesslevel/list */
static void
access_level_list_cb (HccSim              *sim,
                      const HccSimRequest *request,
                      HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *search = _hcc_sim_get_object (request->object, "accessLevelSearchRequest");
  JsonObject *criteria = _hcc_sim_get_object (search, "searchCriteria");
  const char *name = _hcc_sim_get_string (criteria, "accessLevelName");
  JsonArray *res_list = _hcc_sim_get_array (criteria, "associateResInfoList");
  g_autoptr(GPtrArray) area_ids = _hcc_sim_domain_dup_ids (criteria, "aresIdList");
  g_autoptr(GPtrArray) door_ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *list;
  JsonObject *data, *response;
  gint64 page_index, depth = 0;
  guint size, offset, total = 0;

  if (search == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000010", "accessLevelSearchRequest is required");
    return;
  }
  if (!_hcc_sim_domain_get_paging (search, "pageIndex", "pageSize", 0, DEFAULT_PAGE_SIZE,
                                   LEVELS_MAX_PAGE_SIZE, FALSE, &page_index, &size, reply))
    return;
  /* The default is 0 and the example sends 1: both mean the first page. */
  offset = (guint) MIN ((gint64) G_MAXUINT / 2, (MAX (page_index, 1) - 1) * (gint64) size);
  _hcc_sim_domain_get_int (criteria, "depthTraversal", &depth);
  for (guint i = 0; res_list != NULL && i < json_array_get_length (res_list); i++) {
    JsonNode *node = json_array_get_element (res_list, i);
    char *id = NULL;

    if (JSON_NODE_HOLDS_OBJECT (node))
      id = _hcc_sim_dup_string (json_node_get_object (node), "resId");

    if (id != NULL)
      g_ptr_array_add (door_ids, id);
  }

  list = json_array_new ();
  for (guint i = 0; i < world->access_levels->len; i++) {
    HccSimAccessLevel *level = g_ptr_array_index (world->access_levels, i);
    gboolean ok = _hcc_sim_domain_match (level->name, name);

    for (guint d = 0; ok && d < door_ids->len; d++)
      ok = level_has_door (level, g_ptr_array_index (door_ids, d));
    if (ok && area_ids != NULL && area_ids->len > 0) {
      gboolean in_area = FALSE;

      for (guint a = 0; a < area_ids->len && !in_area; a++)
        in_area = hcc_sim_world_area_within (world, level->area_id, g_ptr_array_index (area_ids, a),
                                             depth == 1);
      ok = in_area;
    }
    if (!ok)
      continue;
    if (total++ < offset || json_array_get_length (list) >= size)
      continue;
    json_array_add_object_element (list, level_to_json (world, level));
  }

  response = json_object_new ();
  json_object_set_int_member (response, "pageIndex", page_index);
  json_object_set_int_member (response, "pageSize", size);
  json_object_set_int_member (response, "totalNum", total);
  json_object_set_array_member (response, "accessLevelList", list);
  data = json_object_new ();
  json_object_set_object_member (data, "accessLevelResponse", response);
  _hcc_sim_reply_data (reply, object_node (data));
}

static void
control_error (HccSimReply *reply,
               guint        status,
               const char  *text)
{
  _hcc_sim_reply_error (reply, status == 404 ? "not-found" : "bad-request", "%s", text);
  reply->http_status = status;
}

/* POST /control/access-events {door_id?, kind, granted, person_id?} */
static void
access_event_cb (HccSim              *sim,
                 const HccSimRequest *request,
                 HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  const char *kind = _hcc_sim_get_string (request->object, "kind");
  g_autofree char *door_id = _hcc_sim_dup_string (request->object, "door_id");
  g_autofree char *person_id = _hcc_sim_dup_string (request->object, "person_id");
  g_autofree char *msg_type = NULL;
  g_autofree char *card_number = NULL;
  const AuthKind *auth = NULL;
  HccSimDoor *door = NULL;
  HccSimPerson *person = NULL;
  JsonObject *result, *record;
  JsonNode *granted_node = NULL;
  gboolean granted;

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (auth_kinds); i++) {
    if (strcmp (auth_kinds[i].kind, kind) == 0)
      auth = &auth_kinds[i];
  }
  if (auth == NULL) {
    control_error (reply, 400, "kind must be card, pin, qr, face or fingerprint");
    return;
  }
  if (request->object != NULL)
    granted_node = json_object_get_member (request->object, "granted");
  if (granted_node == NULL || !JSON_NODE_HOLDS_VALUE (granted_node) ||
      json_node_get_value_type (granted_node) != G_TYPE_BOOLEAN) {
    control_error (reply, 400, "granted must be true or false");
    return;
  }
  granted = json_node_get_boolean (granted_node);

  if (door_id != NULL && *door_id != '\0') {
    if (!(door = g_hash_table_lookup (world->doors_by_id, door_id))) {
      control_error (reply, 404, "unknown door_id");
      return;
    }
  } else {
    /* By default the first door of the first door station. */
    g_autoptr(GPtrArray) stations = hcc_sim_world_dup_door_stations (world);
    HccSimDevice *station = stations->len > 0 ? g_ptr_array_index (stations, 0) : NULL;

    if (station != NULL)
      door = g_hash_table_lookup (world->doors_by_id, g_ptr_array_index (station->door_ids, 0));
  }
  if (door == NULL || !door->online) {
    control_error (reply, 409, "the door is offline: an offline door reports no events");
    return;
  }
  if (person_id != NULL && *person_id != '\0') {
    if (!(person = g_hash_table_lookup (world->persons_by_id, person_id))) {
      control_error (reply, 404, "unknown person_id");
      return;
    }
  } else if (granted && world->persons->len > 0) {
    person = g_ptr_array_index (world->persons, 0);
  }

  /* A card has a number even when the platform does not know it. */
  if (auth->granted_msg == 110003)
    card_number = person != NULL && strlen (person->id) >= 10
                  ? g_strdup (person->id + strlen (person->id) - 10)
                  : g_strdup_printf ("%010u", g_rand_int (_hcc_sim_get_rand (sim)));

  _hcc_sim_access_report (sim, door,
                          granted ? auth->granted_msg : auth->denied_msg,
                          granted ? auth->granted_record : auth->denied_record,
                          granted, person, card_number);

  msg_type = g_strdup_printf ("Msg%d", granted ? auth->granted_msg : auth->denied_msg);
  result = json_object_new ();
  json_object_set_string_member (result, "msg_type", msg_type);
  json_object_set_string_member (result, "door_id", door->id);
  record = g_ptr_array_index (world->access_records, world->access_records->len - 1);
  json_object_set_string_member (result, "record_guid",
                                 json_object_get_string_member (record, "recordGuid"));
  _hcc_sim_reply_data (reply, object_node (result));
}

/* Demo mode: residents badge in now and then, so the desk's log moves. */

typedef struct {
  GSource *demo_source;   /* (owned) (nullable) */
} Access;

static void
clear_demo_source (Access *access)
{
  if (access->demo_source != NULL) {
    g_source_destroy (access->demo_source);
    g_clear_pointer (&access->demo_source, g_source_unref);
  }
}

static void
access_free (gpointer data)
{
  Access *access = data;

  clear_demo_source (access);
  g_free (access);
}

static gboolean demo_event_cb (gpointer user_data);

static void
demo_schedule (HccSim *sim,
               guint   seconds)
{
  Access *access = _hcc_sim_get_module_data (sim, MODULE_KEY);

  if (access == NULL)
    return;
  clear_demo_source (access);
  access->demo_source = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (access->demo_source, demo_event_cb, sim, NULL);
  g_source_attach (access->demo_source, _hcc_sim_get_context (sim));
}

static gboolean
demo_event_cb (gpointer user_data)
{
  HccSim *sim = user_data;
  HccSimWorld *world = _hcc_sim_get_world (sim);
  GRand *rand = _hcc_sim_get_rand (sim);
  /* QR codes belong to passes (/control/qr/scan): card, PIN, face and
   * fingerprint only. */
  static const guint demo_kinds[] = { 0, 1, 3, 4 };
  guint kind = demo_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (demo_kinds))];
  const AuthKind *auth = &auth_kinds[kind];
  gboolean granted = g_rand_int_range (rand, 0, 5) != 0;
  HccSimDoor *door = g_ptr_array_index (world->doors,
                                        g_rand_int_range (rand, 0, world->doors->len));
  HccSimPerson *person = NULL;
  g_autofree char *card_number = NULL;

  if (world->persons->len > 0)
    person = g_ptr_array_index (world->persons, g_rand_int_range (rand, 0, world->persons->len));
  if (auth->granted_msg == 110003 && person != NULL && strlen (person->id) >= 10)
    card_number = g_strdup (person->id + strlen (person->id) - 10);

  if (door->online)
    _hcc_sim_access_report (sim, door,
                            granted ? auth->granted_msg : auth->denied_msg,
                            granted ? auth->granted_record : auth->denied_record,
                            granted, person, card_number);

  demo_schedule (sim, g_rand_int_range (rand, 40, 121));

  return G_SOURCE_REMOVE;
}

void
_hcc_sim_access_init (HccSim *sim)
{
  _hcc_sim_add_route (sim, "POST", "/acs/v1/remote/control",
                      HCC_SIM_ENVELOPE_MESSAGE, remote_control_cb);
  _hcc_sim_add_route (sim, "POST", "/acs/v1/event/certificaterecords/search",
                      HCC_SIM_ENVELOPE_ERROR_MSG,
                      records_search_cb);
  _hcc_sim_add_route (sim, "POST", "/acspm/v1/accesslevel/list", HCC_SIM_ENVELOPE_ERROR_MSG,
                      access_level_list_cb);
  _hcc_sim_add_control_route (sim, "POST", "/control/access-events", access_event_cb);

  /* The module data is freed at stop on this thread, with its timer. */
  _hcc_sim_set_module_data (sim, MODULE_KEY, g_new0 (Access, 1), access_free);
  if (_hcc_sim_get_demo (sim))
    demo_schedule (sim, DEMO_FIRST_S);
}
