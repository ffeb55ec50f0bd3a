/* hcc-sim-directory.c: buildings, rooms and residents (vims) and persons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Searches are linear scans over the world with O(1) lookups of rooms and
 * buildings, so a 10,000-resident site answers in a few milliseconds. Room
 * occupancy and householders are computed once per request, never per row.
 */

#define G_LOG_DOMAIN "hcc-sim-directory"

#include <string.h>

#include "hcc-sim-private.h"

#define NAME_MAX_CHARS 128
#define DEFAULT_PAGE_SIZE 20
#define MAX_PAGE_SIZE 500

static const char * const languages[] = {
  "en", "it", "es", "de", "fr", "pl", "nl", "pt", "ru", "tr", "ko",
  "zh_TW", "zh_CN", "th", "vi", "ja", "pt_BR", "ar", "id", NULL
};

/* vims pages: pageNum 0 and 1 both mean the first page (catalogue T19). */
static gboolean
read_vims_page (const HccSimRequest *request,
                HccSimReply         *reply,
                gint64              *page_num,
                guint               *offset,
                guint               *size)
{
  if (!_hcc_sim_domain_get_paging (request->object, "pageNum", "pageSize", 1,
                                   DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, TRUE,
                                   page_num, size, reply))
    return FALSE;

  *offset = (guint) MIN ((gint64) G_MAXUINT / 2, (MAX (*page_num, 1) - 1) * (gint64) *size);

  return TRUE;
}

static JsonObject *
new_page_data (gint64 page_num,
               guint  size,
               guint  total)
{
  JsonObject *data = json_object_new ();

  json_object_set_int_member (data, "pageNum", page_num);
  json_object_set_int_member (data, "pageSize", size);
  json_object_set_int_member (data, "totalNum", total);

  return data;
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);

  return node;
}

/* The search criteria object under either of its names (catalogue T6). */
static JsonObject *
get_criteria (JsonObject *object)
{
  JsonObject *criteria = _hcc_sim_get_object (object, "searchCriteria");

  if (criteria == NULL)
    criteria = _hcc_sim_get_object (object, "searchRequest");

  return criteria;
}

static char *
full_name (HccSimPerson *person)
{
  return g_strdup_printf ("%s %s", person->first_name ? person->first_name : "",
                          person->last_name ? person->last_name : "");
}

static gboolean
person_matches_name (HccSimPerson *person,
                     const char   *name)
{
  g_autofree char *first_last = NULL;
  g_autofree char *last_first = NULL;

  if (name == NULL || *name == '\0')
    return TRUE;

  first_last = full_name (person);
  last_first = g_strdup_printf ("%s %s", person->last_name ? person->last_name : "",
                                person->first_name ? person->first_name : "");

  return _hcc_sim_domain_match (first_last, name) || _hcc_sim_domain_match (last_first, name);
}

static gboolean
building_in_scope (HccSimWorld    *world,
                   HccSimBuilding *building,
                   JsonObject     *criteria)
{
  const char *area_id = _hcc_sim_get_string (criteria, "areaId");
  const char *build_id = _hcc_sim_get_string (criteria, "buildId");
  gint64 sub = 0;

  if (build_id != NULL && *build_id != '\0' && g_strcmp0 (build_id, building->id) != 0)
    return FALSE;
  _hcc_sim_domain_get_int (criteria, "isContainSubArea", &sub);

  return hcc_sim_world_area_within (world, building->area_id, area_id, sub == 1);
}

static JsonObject *
room_dto (HccSimWorld    *world,
          HccSimRoom     *room,
          int             account_type)
{
  JsonObject *dto = json_object_new ();
  HccSimBuilding *building = g_hash_table_lookup (world->buildings_by_id, room->building_id);
  HccSimArea *area = g_hash_table_lookup (world->areas_by_id, room->area_id);

  json_object_set_string_member (dto, "roomId", room->id);
  json_object_set_int_member (dto, "roomNum", room->number);
  json_object_set_string_member (dto, "roomName", room->name);
  json_object_set_string_member (dto, "areaId", room->area_id);
  json_object_set_string_member (dto, "areaName", area ? area->name : "");
  json_object_set_string_member (dto, "buildId", room->building_id);
  json_object_set_string_member (dto, "buildName", building ? building->name : "");
  if (account_type >= 0)
    json_object_set_int_member (dto, "accountType", account_type);

  return dto;
}

static gboolean
person_is_expired (HccSimPerson *person,
                   gint64        now_ms)
{
  return person->end_ms != 0 && person->end_ms < now_ms;
}

/* POST vims/v1/build/search */
static void
build_search_cb (HccSim              *sim,
                 const HccSimRequest *request,
                 HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *criteria = get_criteria (request->object);
  const char *filter_name = _hcc_sim_get_string (criteria, "filterName");
  g_autoptr(GHashTable) counts = NULL;
  JsonArray *list = json_array_new ();
  JsonObject *data;
  gint64 page_num;
  guint offset, size, total = 0;

  if (!read_vims_page (request, reply, &page_num, &offset, &size)) {
    json_array_unref (list);
    return;
  }

  counts = hcc_sim_world_count_room_persons (world);
  for (guint i = 0; i < world->buildings->len; i++) {
    HccSimBuilding *building = g_ptr_array_index (world->buildings, i);
    HccSimArea *area = g_hash_table_lookup (world->areas_by_id, building->area_id);
    g_autoptr(GString) devices = g_string_new (NULL);
    JsonObject *item;
    guint persons = 0;

    if (!building_in_scope (world, building, criteria) ||
        !_hcc_sim_domain_match (building->name, filter_name))
      continue;
    if (total++ < offset || json_array_get_length (list) >= size)
      continue;

    for (guint r = 0; r < building->rooms->len; r++) {
      HccSimRoom *room = g_ptr_array_index (building->rooms, r);

      persons += GPOINTER_TO_UINT (g_hash_table_lookup (counts, room->id));
    }
    for (guint d = 0; d < world->devices->len; d++) {
      HccSimDevice *device = g_ptr_array_index (world->devices, d);

      if (g_strcmp0 (device->building_id, building->id) != 0)
        continue;
      if (devices->len > 0)
        g_string_append_c (devices, ',');
      g_string_append (devices, device->name);
    }

    item = json_object_new ();
    json_object_set_string_member (item, "buildId", building->id);
    json_object_set_string_member (item, "buildName", building->name);
    json_object_set_string_member (item, "areaId", building->area_id);
    json_object_set_string_member (item, "areaName", area ? area->name : "");
    json_object_set_int_member (item, "totalRoom", building->rooms->len);
    json_object_set_int_member (item, "totalPerson", persons);
    json_object_set_string_member (item, "deviceNames", devices->str);
    json_array_add_object_element (list, item);
  }

  data = new_page_data (page_num, size, total);
  json_object_set_array_member (data, "buildList", list);
  _hcc_sim_reply_data (reply, object_node (data));
}

/* POST vims/v1/room/search */
static void
room_search_cb (HccSim              *sim,
                const HccSimRequest *request,
                HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *criteria = get_criteria (request->object);
  JsonObject *filter = _hcc_sim_get_object (criteria, "filter");
  const char *room_name = _hcc_sim_get_string (filter, "roomName");
  const char *email = _hcc_sim_get_string (filter, "email");
  const char *main_account = _hcc_sim_get_string (filter, "mainAccount");
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) holders = NULL;
  JsonArray *list;
  JsonObject *data;
  gint64 page_num, room_num = 0, amount = 0;
  int has_room_num, has_amount;
  guint offset, size, total = 0;

  if (!read_vims_page (request, reply, &page_num, &offset, &size))
    return;
  has_room_num = _hcc_sim_domain_get_int (filter, "roomNum", &room_num);
  has_amount = _hcc_sim_domain_get_int (filter, "personAmount", &amount);
  if (has_room_num < 0 || has_amount < 0) {
    _hcc_sim_reply_error (reply, "OPEN000010", "roomNum and personAmount must be integers");
    return;
  }

  counts = hcc_sim_world_count_room_persons (world);
  holders = hcc_sim_world_dup_householders (world);
  list = json_array_new ();
  for (guint b = 0; b < world->buildings->len; b++) {
    HccSimBuilding *building = g_ptr_array_index (world->buildings, b);

    if (!building_in_scope (world, building, criteria))
      continue;

    for (guint r = 0; r < building->rooms->len; r++) {
      HccSimRoom *room = g_ptr_array_index (building->rooms, r);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, room->id));
      HccSimPerson *holder = g_hash_table_lookup (holders, room->id);
      g_autofree char *holder_name = holder ? full_name (holder) : g_strdup ("");
      JsonObject *item;

      if ((has_room_num > 0 && room->number != room_num) ||
          (has_amount > 0 && n != amount) ||
          !_hcc_sim_domain_match (room->name, room_name) ||
          !_hcc_sim_domain_match (holder ? holder->email : NULL, email) ||
          !_hcc_sim_domain_match (holder_name, main_account))
        continue;
      if (total++ < offset || json_array_get_length (list) >= size)
        continue;

      item = room_dto (world, room, -1);
      json_object_set_int_member (item, "personAmount", n);
      json_object_set_string_member (item, "mainAccount", holder_name);
      json_object_set_string_member (item, "email", holder && holder->email ? holder->email : "");
      json_object_set_string_member (item, "phone", holder && holder->phone ? holder->phone : "");
      json_array_add_object_element (list, item);
    }
  }

  data = new_page_data (page_num, size, total);
  json_object_set_array_member (data, "roomList", list);
  _hcc_sim_reply_data (reply, object_node (data));
}

/* POST vims/v1/person/search */
static void
person_search_cb (HccSim              *sim,
                  const HccSimRequest *request,
                  HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *criteria = get_criteria (request->object);
  JsonObject *filter = _hcc_sim_get_object (criteria, "filter");
  const char *name = _hcc_sim_get_string (filter, "name");
  const char *email = _hcc_sim_get_string (filter, "email");
  const char *phone = _hcc_sim_get_string (filter, "phone");
  g_autoptr(GHashTable) buildings_in_scope = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *list;
  JsonObject *data;
  gint64 page_num, room_num = 0, type = 0, expired = 0;
  int has_room_num, has_type, has_expired;
  guint offset, size, total = 0;

  if (!read_vims_page (request, reply, &page_num, &offset, &size))
    return;
  has_room_num = _hcc_sim_domain_get_int (filter, "roomNum", &room_num);
  has_type = _hcc_sim_domain_get_int (filter, "type", &type);
  has_expired = _hcc_sim_domain_get_int (filter, "isExpired", &expired);
  if (has_room_num < 0 || has_type < 0 || has_expired < 0 ||
      (has_type > 0 && type != 0 && type != 1) ||
      (has_expired > 0 && expired != 0 && expired != 1)) {
    _hcc_sim_reply_error (reply, "OPEN000010", "invalid filter");
    return;
  }

  for (guint b = 0; b < world->buildings->len; b++) {
    HccSimBuilding *building = g_ptr_array_index (world->buildings, b);

    if (building_in_scope (world, building, criteria))
      g_hash_table_add (buildings_in_scope, building->id);
  }

  list = json_array_new ();
  for (guint i = 0; i < world->persons->len; i++) {
    HccSimPerson *person = g_ptr_array_index (world->persons, i);
    gboolean is_expired = person_is_expired (person, request->now_ms);
    gboolean room_ok = FALSE;
    JsonObject *item;
    JsonArray *rooms;

    /* Only residents: persons linked to at least one room in scope that
     * passes the room number and resident type filters. */
    for (guint k = 0; k < person->rooms->len && !room_ok; k++) {
      HccSimRoomLink *link = g_ptr_array_index (person->rooms, k);
      HccSimRoom *room = g_hash_table_lookup (world->rooms_by_id, link->room_id);

      room_ok = room != NULL &&
                g_hash_table_contains (buildings_in_scope, room->building_id) &&
                (has_room_num <= 0 || room->number == room_num) &&
                (has_type <= 0 || link->account_type == type);
    }
    if (!room_ok ||
        (has_expired > 0 && is_expired != (expired == 1)) ||
        !person_matches_name (person, name) ||
        !_hcc_sim_domain_match (person->email, email) ||
        !_hcc_sim_domain_match (person->phone, phone))
      continue;
    if (total++ < offset || json_array_get_length (list) >= size)
      continue;

    item = json_object_new ();
    json_object_set_string_member (item, "personId", person->id);
    json_object_set_string_member (item, "firstName", person->first_name);
    json_object_set_string_member (item, "lastName", person->last_name);
    json_object_set_string_member (item, "phone", person->phone ? person->phone : "");
    json_object_set_string_member (item, "email", person->email ? person->email : "");
    json_object_set_int_member (item, "isExpired", is_expired ? 1 : 0);
    json_object_set_string_member (item, "photoUrl", "");
    json_object_set_string_member (item, "headPicUrl", "");
    rooms = json_array_new ();
    for (guint k = 0; k < person->rooms->len; k++) {
      HccSimRoomLink *link = g_ptr_array_index (person->rooms, k);
      HccSimRoom *room = g_hash_table_lookup (world->rooms_by_id, link->room_id);

      if (room != NULL)
        json_array_add_object_element (rooms, room_dto (world, room, link->account_type));
    }
    json_object_set_array_member (item, "roomList", rooms);
    json_array_add_object_element (list, item);
  }

  data = new_page_data (page_num, size, total);
  json_object_set_array_member (data, "personList", list);
  _hcc_sim_reply_data (reply, object_node (data));
}

/* Validates the PersonDTO fields a new or updated resident needs, and
 * fills @reply with the guide's code when one is wrong. */
static gboolean
validate_person_dto (JsonObject  *info,
                     HccSimReply *reply,
                     gint64      *start_ms,
                     gint64      *end_ms)
{
  const char *first = _hcc_sim_get_string (info, "firstName");
  const char *last = _hcc_sim_get_string (info, "lastName");
  const char *email = _hcc_sim_get_string (info, "email");
  const char *phone = _hcc_sim_get_string (info, "phone");
  const char *start = _hcc_sim_get_string (info, "startDate");
  const char *end = _hcc_sim_get_string (info, "endDate");
  const char *at;
  gint64 gender = 2;

  if (first == NULL || *first == '\0' || !g_utf8_validate (first, -1, NULL)) {
    _hcc_sim_reply_error (reply, "CCF038014", "invalid first name");
    return FALSE;
  }
  if (last == NULL || *last == '\0' || !g_utf8_validate (last, -1, NULL)) {
    _hcc_sim_reply_error (reply, "CCF038015", "invalid last name");
    return FALSE;
  }
  if (g_utf8_strlen (first, -1) > NAME_MAX_CHARS || g_utf8_strlen (last, -1) > NAME_MAX_CHARS) {
    _hcc_sim_reply_error (reply, "CCF038002", "name too long");
    return FALSE;
  }
  /* PersonDTO makes the e-mail required for residents (catalogue T38). */
  if (email == NULL || (at = strchr (email, '@')) == NULL || at == email ||
      strchr (at, '.') == NULL || strchr (email, ' ') != NULL) {
    _hcc_sim_reply_error (reply, "CCF038019", "invalid email");
    return FALSE;
  }
  if (phone != NULL) {
    for (const char *p = phone; *p; p++) {
      if (!g_ascii_isdigit (*p) && strchr ("+-() ", *p) == NULL) {
        _hcc_sim_reply_error (reply, "CCF038020", "invalid phone number");
        return FALSE;
      }
    }
  }
  if (_hcc_sim_domain_get_int (info, "gender", &gender) < 0 || gender < 0 || gender > 2) {
    _hcc_sim_reply_error (reply, "OPEN000010", "gender must be 0, 1 or 2");
    return FALSE;
  }
  if (start == NULL || end == NULL ||
      !_hcc_sim_parse_time (start, start_ms) || !_hcc_sim_parse_time (end, end_ms) ||
      *end_ms <= *start_ms) {
    _hcc_sim_reply_error (reply, "CCF038022", "invalid validity period");
    return FALSE;
  }

  return TRUE;
}

static void
apply_person_dto (HccSimPerson *person,
                  JsonObject   *info,
                  gint64        start_ms,
                  gint64        end_ms)
{
  gint64 gender = 2;

  g_free (person->first_name);
  person->first_name = g_strdup (_hcc_sim_get_string (info, "firstName"));
  g_free (person->last_name);
  person->last_name = g_strdup (_hcc_sim_get_string (info, "lastName"));
  g_free (person->email);
  person->email = g_strdup (_hcc_sim_get_string (info, "email"));
  g_free (person->phone);
  person->phone = g_strdup (_hcc_sim_get_string (info, "phone"));
  g_free (person->description);
  person->description = g_strdup (_hcc_sim_get_string (info, "description"));
  if (_hcc_sim_domain_get_int (info, "gender", &gender) > 0)
    person->gender = (int) gender;
  person->start_ms = start_ms;
  person->end_ms = end_ms;
}

typedef struct {
  HccSimRoom *room;
  int         account_type;
} RoomRequest;

/* Reads and checks a roomList for @person (NULL for a new person). Whole-
 * request errors fill @reply; full rooms land in @failed and are skipped. */
static GArray *
read_room_list (HccSimWorld  *world,
                JsonObject   *object,
                HccSimPerson *person,
                gboolean      replacing,
                JsonArray    *failed,
                HccSimReply  *reply)
{
  JsonArray *array = _hcc_sim_get_array (object, "roomList");
  g_autoptr(GArray) rooms = g_array_new (FALSE, FALSE, sizeof (RoomRequest));
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) holders = NULL;

  if (array == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000010", "roomList is required");
    return NULL;
  }

  counts = hcc_sim_world_count_room_persons (world);
  holders = hcc_sim_world_dup_householders (world);

  /* First pass: every room exists and its type is valid. */
  for (guint i = 0; i < json_array_get_length (array); i++) {
    JsonNode *node = json_array_get_element (array, i);
    JsonObject *dto = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    g_autofree char *room_id = dto ? _hcc_sim_dup_string (dto, "roomId") : NULL;
    RoomRequest req = { NULL, 0 };
    gint64 type = -1;

    if (dto == NULL || room_id == NULL ||
        _hcc_sim_domain_get_int (dto, "accountType", &type) <= 0 ||
        (type != 0 && type != 1)) {
      _hcc_sim_reply_error (reply, "OPEN000010", "roomId and accountType (0 or 1) are required");
      return NULL;
    }
    req.room = g_hash_table_lookup (world->rooms_by_id, room_id);
    req.account_type = (int) type;
    if (req.room == NULL) {
      _hcc_sim_reply_error (reply, "VMS000003", "room %s does not exist", room_id);
      return NULL;
    }
    g_array_append_val (rooms, req);
  }

  /* Second pass: the householder rules, then the room limits. */
  for (guint i = 0; i < rooms->len; i++) {
    RoomRequest *req = &g_array_index (rooms, RoomRequest, i);
    HccSimPerson *holder = g_hash_table_lookup (holders, req->room->id);
    HccSimRoomLink *existing = person ? hcc_sim_person_find_link (person, req->room->id) : NULL;

    if (existing != NULL && !replacing) {
      _hcc_sim_reply_error (reply, "VMS038014", "the resident is already in room %u",
                            req->room->number);
      return NULL;
    }
    if (holder == person)
      holder = NULL;
    if ((req->account_type == 1 && holder != NULL) ||
        (req->account_type == 0 && holder == NULL)) {
      _hcc_sim_reply_error (reply, "VMS038011",
                            req->account_type == 1 ? "room %u already has a householder"
                                                   : "room %u has no householder",
                            req->room->number);
      return NULL;
    }
  }

  for (guint i = 0; i < rooms->len; i++) {
    RoomRequest *req = &g_array_index (rooms, RoomRequest, i);
    guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, req->room->id));
    gboolean already = person != NULL && hcc_sim_person_find_link (person, req->room->id) != NULL;

    if (!already && n >= req->room->max_persons) {
      HccSimBuilding *building = g_hash_table_lookup (world->buildings_by_id,
                                                      req->room->building_id);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "buildName", building ? building->name : "");
      json_object_set_int_member (entry, "roomNum", req->room->number);
      json_object_set_string_member (entry, "roomName", req->room->name);
      json_object_set_string_member (entry, "errorCode", "VMS038005");
      json_array_add_object_element (failed, entry);
      g_array_remove_index (rooms, i--);
    }
  }

  return g_steal_pointer (&rooms);
}

static gboolean
read_access_levels (HccSimWorld  *world,
                    JsonObject   *object,
                    GPtrArray   **out,
                    HccSimReply  *reply)
{
  g_autoptr(GPtrArray) ids = _hcc_sim_domain_dup_ids (object, "alIds");

  if (ids != NULL) {
    for (guint i = 0; i < ids->len; i++) {
      if (!g_hash_table_contains (world->access_levels_by_id, g_ptr_array_index (ids, i))) {
        _hcc_sim_reply_error (reply, "VMS040016", "access level %s does not exist",
                              (char *) g_ptr_array_index (ids, i));
        return FALSE;
      }
    }
  }
  *out = g_steal_pointer (&ids);

  return TRUE;
}

static void
add_level (HccSimPerson *person,
           const char   *level_id)
{
  for (guint i = 0; i < person->access_level_ids->len; i++) {
    if (g_strcmp0 (g_ptr_array_index (person->access_level_ids, i), level_id) == 0)
      return;
  }
  g_ptr_array_add (person->access_level_ids, g_strdup (level_id));
}

/* A resident of a building with devices gets the building's access level. */
static void
add_building_levels (HccSimWorld  *world,
                     HccSimPerson *person)
{
  for (guint k = 0; k < person->rooms->len; k++) {
    HccSimRoomLink *link = g_ptr_array_index (person->rooms, k);
    HccSimRoom *room = g_hash_table_lookup (world->rooms_by_id, link->room_id);

    for (guint l = 0; room != NULL && l < world->access_levels->len; l++) {
      HccSimAccessLevel *level = g_ptr_array_index (world->access_levels, l);

      if (g_strcmp0 (level->area_id, room->area_id) == 0)
        add_level (person, level->id);
    }
  }
}

static JsonNode *
person_result (HccSimPerson *person,
               JsonArray    *failed)
{
  JsonObject *data = json_object_new ();

  json_object_set_string_member (data, "personId", person->id);
  if (json_array_get_length (failed) > 0)
    json_object_set_array_member (data, "failedResultList", json_array_ref (failed));

  return object_node (data);
}

/* POST vims/v1/person/add */
static void
person_add_cb (HccSim              *sim,
               const HccSimRequest *request,
               HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *info = _hcc_sim_get_object (request->object, "personBaseInfo");
  const char *language = _hcc_sim_get_string (request->object, "language");
  g_autofree char *id = _hcc_sim_dup_string (info, "id");
  g_autoptr(JsonArray) failed = json_array_new ();
  g_autoptr(GArray) rooms = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  HccSimPerson *person = NULL;
  gint64 start_ms = 0, end_ms = 0;
  gboolean is_new = id == NULL || *id == '\0';

  if (info == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000010", "personBaseInfo is required");
    return;
  }
  if (language != NULL && *language != '\0' && !g_strv_contains (languages, language)) {
    _hcc_sim_reply_error (reply, "OPEN000010", "unsupported language %s", language);
    return;
  }
  if (!is_new && !(person = g_hash_table_lookup (world->persons_by_id, id))) {
    _hcc_sim_reply_error (reply, "CCF038023", "person %s does not exist", id);
    return;
  }
  if (is_new && !validate_person_dto (info, reply, &start_ms, &end_ms))
    return;
  if (!read_access_levels (world, request->object, &levels, reply))
    return;
  if (!(rooms = read_room_list (world, request->object, person, FALSE, failed, reply)))
    return;

  if (is_new) {
    person = hcc_sim_person_new ();
    person->id = _hcc_sim_new_id (sim);
    person->person_code = g_strdup_printf ("R%06u", world->persons->len + 100001);
    apply_person_dto (person, info, start_ms, end_ms);
    hcc_sim_world_add_person (world, person);
  }

  for (guint i = 0; i < rooms->len; i++) {
    RoomRequest *req = &g_array_index (rooms, RoomRequest, i);

    g_ptr_array_add (person->rooms, hcc_sim_room_link_new (req->room->id, req->account_type));
  }
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    add_level (person, g_ptr_array_index (levels, i));
  add_building_levels (world, person);

  _hcc_sim_reply_data (reply, person_result (person, failed));
}

/* POST vims/v1/person/update: the room list REPLACES the person's links. */
static void
person_update_cb (HccSim              *sim,
                  const HccSimRequest *request,
                  HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *info = _hcc_sim_get_object (request->object, "personBaseInfo");
  g_autofree char *id = _hcc_sim_dup_string (info, "id");
  g_autoptr(JsonArray) failed = json_array_new ();
  g_autoptr(GArray) rooms = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  HccSimPerson *person;
  gint64 start_ms = 0, end_ms = 0;

  if (info == NULL || id == NULL || *id == '\0') {
    _hcc_sim_reply_error (reply, "OPEN000010", "personBaseInfo.id is required");
    return;
  }
  if (!(person = g_hash_table_lookup (world->persons_by_id, id))) {
    _hcc_sim_reply_error (reply, "VMS038028", "resident %s does not exist", id);
    return;
  }
  if (!validate_person_dto (info, reply, &start_ms, &end_ms))
    return;
  if (!read_access_levels (world, request->object, &levels, reply))
    return;
  if (!(rooms = read_room_list (world, request->object, person, TRUE, failed, reply)))
    return;

  apply_person_dto (person, info, start_ms, end_ms);
  g_ptr_array_set_size (person->rooms, 0);
  for (guint i = 0; i < rooms->len; i++) {
    RoomRequest *req = &g_array_index (rooms, RoomRequest, i);

    g_ptr_array_add (person->rooms, hcc_sim_room_link_new (req->room->id, req->account_type));
  }
  if (levels != NULL) {
    g_ptr_array_set_size (person->access_level_ids, 0);
    for (guint i = 0; i < levels->len; i++)
      add_level (person, g_ptr_array_index (levels, i));
  }
  add_building_levels (world, person);

  _hcc_sim_reply_data (reply, person_result (person, failed));
}

/* POST vims/v1/person/delete: unlinks residents from their rooms. */
static void
person_delete_cb (HccSim              *sim,
                  const HccSimRequest *request,
                  HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  g_autoptr(GPtrArray) ids = _hcc_sim_domain_dup_ids (request->object, "deleteList");

  if (ids == NULL || ids->len == 0) {
    _hcc_sim_reply_error (reply, "OPEN000010", "deleteList is required");
    return;
  }
  /* All or nothing: check every ID before touching any person. */
  for (guint i = 0; i < ids->len; i++) {
    HccSimPerson *person = g_hash_table_lookup (world->persons_by_id, g_ptr_array_index (ids, i));

    if (person == NULL || person->rooms->len == 0) {
      _hcc_sim_reply_error (reply, "VMS038028", "resident %s does not exist",
                            (char *) g_ptr_array_index (ids, i));
      return;
    }
  }
  for (guint i = 0; i < ids->len; i++) {
    HccSimPerson *person = g_hash_table_lookup (world->persons_by_id, g_ptr_array_index (ids, i));

    g_ptr_array_set_size (person->rooms, 0);
  }
}

/* POST person/v1/persons/delete: deletes the persons themselves. */
static void
persons_delete_cb (HccSim              *sim,
                   const HccSimRequest *request,
                   HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  g_autoptr(GPtrArray) ids = _hcc_sim_domain_dup_ids (request->object, "personId");

  if (ids == NULL || ids->len == 0) {
    _hcc_sim_reply_error (reply, "OPEN000010", "personId is required");
    return;
  }
  for (guint i = 0; i < ids->len; i++) {
    if (!g_hash_table_contains (world->persons_by_id, g_ptr_array_index (ids, i))) {
      _hcc_sim_reply_error (reply, "CCF038023", "person %s does not exist",
                            (char *) g_ptr_array_index (ids, i));
      return;
    }
  }
  for (guint i = 0; i < ids->len; i++) {
    HccSimPerson *person = g_hash_table_lookup (world->persons_by_id, g_ptr_array_index (ids, i));

    /* The same ID twice in the list: the second lookup finds nothing. */
    if (person != NULL)
      hcc_sim_world_remove_person (world, person);
  }
}

/* POST person/v1/persons/get */
static void
persons_get_cb (HccSim              *sim,
                const HccSimRequest *request,
                HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  g_autofree char *id = _hcc_sim_dup_string (request->object, "personId");
  JsonObject *data, *info;
  HccSimPerson *person;

  if (id == NULL)
    id = _hcc_sim_dup_string (request->object, "Id");
  if (id == NULL)
    id = _hcc_sim_dup_string (request->object, "id");
  if (id == NULL || *id == '\0') {
    _hcc_sim_reply_error (reply, "OPEN000010", "personId is required");
    return;
  }
  if (!(person = g_hash_table_lookup (world->persons_by_id, id))) {
    _hcc_sim_reply_error (reply, "CCF038023", "person %s does not exist", id);
    return;
  }

  info = json_object_new ();
  json_object_set_string_member (info, "personId", person->id);
  json_object_set_string_member (info, "groupId", "");
  json_object_set_string_member (info, "firstName", person->first_name);
  json_object_set_string_member (info, "lastName", person->last_name);
  json_object_set_int_member (info, "gender", person->gender);
  json_object_set_string_member (info, "phone", person->phone ? person->phone : "");
  json_object_set_string_member (info, "email", person->email ? person->email : "");
  json_object_set_string_member (info, "description",
                                 person->description ? person->description : "");
  json_object_set_int_member (info, "startDate", person->start_ms);
  json_object_set_int_member (info, "endDate", person->end_ms);
  json_object_set_string_member (info, "personCode",
                                 person->person_code ? person->person_code : "");
  json_object_set_string_member (info, "headPicUrl", "");

  data = json_object_new ();
  json_object_set_object_member (data, "personInfo", info);
  json_object_set_array_member (data, "cardList", json_array_new ());
  json_object_set_array_member (data, "fingerList", json_array_new ());
  json_object_set_string_member (data, "pinCode", person->pin ? person->pin : "");
  _hcc_sim_reply_data (reply, object_node (data));
}

void
_hcc_sim_directory_init (HccSim *sim)
{
  _hcc_sim_add_route (sim, "POST", "/vims/v1/build/search",
                      HCC_SIM_ENVELOPE_MESSAGE, build_search_cb);
  _hcc_sim_add_route (sim, "POST", "/vims/v1/room/search",
                      HCC_SIM_ENVELOPE_MESSAGE, room_search_cb);
  _hcc_sim_add_route (sim, "POST", "/vims/v1/person/search",
                      HCC_SIM_ENVELOPE_MESSAGE, person_search_cb);
  _hcc_sim_add_route (sim, "POST", "/vims/v1/person/add", HCC_SIM_ENVELOPE_MESSAGE, person_add_cb);
  _hcc_sim_add_route (sim, "POST", "/vims/v1/person/update",
                      HCC_SIM_ENVELOPE_MESSAGE, person_update_cb);
  _hcc_sim_add_route (sim, "POST", "/vims/v1/person/delete",
                      HCC_SIM_ENVELOPE_MESSAGE, person_delete_cb);
  _hcc_sim_add_route (sim, "POST", "/person/v1/persons/delete", HCC_SIM_ENVELOPE_CAPITALISED,
                      persons_delete_cb);
  _hcc_sim_add_route (sim, "POST", "/person/v1/persons/get", HCC_SIM_ENVELOPE_CAPITALISED,
                      persons_get_cb);
}
