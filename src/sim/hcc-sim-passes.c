/* hcc-sim-passes.c: temporary passes (vims/v1/tempauth/...) and QR scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pass's `code` is the base64 of a QR payload text,
 * "HCCQR1|<pass id>|<issued ms>|<serial>". A static pass keeps one code for
 * its whole validity. A dynamic pass gets a new code on every tempauth/get;
 * a code is valid for 60 s from issue, and an older code dies as soon as a
 * newer one has been used (catalogue §13.9). POST /control/qr/scan plays
 * the visitor holding a code up to a door.
 */

#define G_LOG_DOMAIN "hcc-sim-passes"

#include <string.h>

#include "hcc-sim-private.h"

#define PASS_NAME_MAX_CHARS 32
#define QR_PREFIX "HCCQR1|"
#define DYNAMIC_QR_VALIDITY_MS (60 * 1000)
#define QR_GRANTED_MSG 110023
#define QR_DENIED_MSG 110565
#define QR_GRANTED_RECORD 100571
#define QR_DENIED_RECORD 100572

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);

  return node;
}

static gboolean
pass_expired (HccSimPass *pass,
              gint64      now_ms)
{
  return pass->end_ms < now_ms;
}

static HccSimQrCode *
issue_code (HccSimPass *pass,
            gint64      now_ms)
{
  HccSimQrCode *code = g_new0 (HccSimQrCode, 1);

  code->payload = g_strdup_printf (QR_PREFIX "%s|%" G_GINT64_FORMAT "|%u",
                                   pass->id, now_ms, pass->qr_codes->len + 1);
  code->issued_ms = now_ms;
  g_ptr_array_add (pass->qr_codes, code);

  return code;
}

/* The code to hand out now: a new one for dynamic passes, the one and only
 * code for static passes. */
static HccSimQrCode *
current_code (HccSimPass *pass,
              gint64      now_ms)
{
  if (!pass->dynamic_qr && pass->qr_codes->len > 0)
    return g_ptr_array_index (pass->qr_codes, 0);

  return issue_code (pass, now_ms);
}

static JsonArray *
access_level_list (HccSimWorld *world,
                   HccSimPass  *pass)
{
  JsonArray *list = json_array_new ();

  for (guint i = 0; i < pass->access_level_ids->len; i++) {
    const char *id = g_ptr_array_index (pass->access_level_ids, i);
    HccSimAccessLevel *level = g_hash_table_lookup (world->access_levels_by_id, id);
    JsonObject *item = json_object_new ();

    json_object_set_string_member (item, "accessLevelId", id);
    json_object_set_string_member (item, "accessLevelName", level ? level->name : "");
    json_array_add_object_element (list, item);
  }

  return list;
}

/* TempAuth (A.3.153); @with_code adds the QR code and the access levels. */
static JsonObject *
pass_to_json (HccSimWorld *world,
              HccSimPass  *pass,
              gint64       now_ms,
              gboolean     with_code)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", pass->id);
  json_object_set_int_member (object, "openCount", pass->open_count);
  json_object_set_string_member (object, "name", pass->name);
  json_object_set_int_member (object, "startTime", pass->start_ms);
  json_object_set_int_member (object, "endTime", pass->end_ms);
  json_object_set_string_member (object, "creatorId", pass->creator_id ? pass->creator_id : "");
  json_object_set_string_member (object, "creatorName",
                                 pass->creator_name ? pass->creator_name : "");
  json_object_set_string_member (object, "creatorEmail",
                                 pass->creator_email ? pass->creator_email : "");
  json_object_set_int_member (object, "expiredStatus", pass_expired (pass, now_ms) ? 1 : 0);
  json_object_set_string_member (object, "password", pass->password ? pass->password : "");
  if (with_code) {
    HccSimQrCode *code = current_code (pass, now_ms);
    g_autofree char *base64 = g_base64_encode ((const guchar *) code->payload,
                                               strlen (code->payload));

    json_object_set_string_member (object, "code", base64);
    json_object_set_array_member (object, "accessLevelList", access_level_list (world, pass));
  }

  return object;
}

/* Validates the fields add and update share; fills @reply on failure. */
static gboolean
read_pass_fields (HccSimWorld         *world,
                  const HccSimRequest *request,
                  HccSimReply         *reply,
                  gint64              *open_count,
                  gint64              *start_ms,
                  gint64              *end_ms,
                  GPtrArray          **levels)
{
  const char *name = _hcc_sim_get_string (request->object, "name");
  const char *start = _hcc_sim_get_string (request->object, "startTime");
  const char *end = _hcc_sim_get_string (request->object, "endTime");
  const char *client_time = _hcc_sim_get_string (request->object, "clientLocalTime");
  g_autoptr(GPtrArray) ids = NULL;
  gint64 client_ms;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL)) {
    _hcc_sim_reply_error (reply, "OPEN000010", "name is required");
    return FALSE;
  }
  if (g_utf8_strlen (name, -1) > PASS_NAME_MAX_CHARS) {
    _hcc_sim_reply_error (reply, "CCF038002", "name is longer than %d characters",
                          PASS_NAME_MAX_CHARS);
    return FALSE;
  }
  if (_hcc_sim_domain_get_int (request->object, "openCount", open_count) <= 0 ||
      *open_count < 1 || *open_count > 200) {
    _hcc_sim_reply_error (reply, "OPEN000010", "openCount must be between 1 and 200");
    return FALSE;
  }
  if (client_time == NULL || !_hcc_sim_parse_time (client_time, &client_ms)) {
    _hcc_sim_reply_error (reply, "OPEN000010", "clientLocalTime is required (ISO 8601)");
    return FALSE;
  }
  if (start == NULL || end == NULL ||
      !_hcc_sim_parse_time (start, start_ms) || !_hcc_sim_parse_time (end, end_ms) ||
      *end_ms <= *start_ms) {
    _hcc_sim_reply_error (reply, "CCF038022", "invalid validity period");
    return FALSE;
  }

  ids = _hcc_sim_domain_dup_ids (request->object, "alIds");
  for (guint i = 0; ids != NULL && i < ids->len; i++) {
    if (!g_hash_table_contains (world->access_levels_by_id, g_ptr_array_index (ids, i))) {
      _hcc_sim_reply_error (reply, "VMS040016", "access level %s does not exist",
                            (char *) g_ptr_array_index (ids, i));
      return FALSE;
    }
  }
  *levels = g_steal_pointer (&ids);

  return TRUE;
}

static void
set_levels (HccSimPass *pass,
            GPtrArray  *levels)
{
  g_ptr_array_set_size (pass->access_level_ids, 0);
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    g_ptr_array_add (pass->access_level_ids, g_strdup (g_ptr_array_index (levels, i)));
}

static char *
random_pin (GRand *rand)
{
  return g_strdup_printf ("%06d", g_rand_int_range (rand, 0, 1000000));
}

/* POST vims/v1/tempauth/add */
static void
tempauth_add_cb (HccSim              *sim,
                 const HccSimRequest *request,
                 HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  g_autoptr(GPtrArray) levels = NULL;
  HccSimUser *creator = request->user;
  HccSimPass *pass;
  gint64 open_count, start_ms, end_ms;

  if (!read_pass_fields (world, request, reply, &open_count, &start_ms, &end_ms, &levels))
    return;

  if (creator == NULL && world->users->len > 0)
    creator = g_ptr_array_index (world->users, 0);

  pass = hcc_sim_pass_new ();
  pass->id = _hcc_sim_new_id (sim);
  pass->name = g_strdup (_hcc_sim_get_string (request->object, "name"));
  pass->open_count = (guint) open_count;
  pass->start_ms = start_ms;
  pass->end_ms = end_ms;
  pass->creator_id = g_strdup (creator ? creator->id : "");
  pass->creator_name = g_strdup (creator ? creator->name : "");
  pass->creator_email = g_strdup (creator ? creator->email : "");
  pass->password = random_pin (_hcc_sim_get_rand (sim));
  /* The simulated portal is configured for dynamic codes. */
  pass->dynamic_qr = TRUE;
  set_levels (pass, levels);
  g_ptr_array_add (world->passes, pass);
  g_hash_table_insert (world->passes_by_id, pass->id, pass);

  _hcc_sim_reply_data (reply, object_node (pass_to_json (world, pass, request->now_ms, TRUE)));
}

static HccSimPass *
lookup_pass (HccSimWorld         *world,
             const HccSimRequest *request,
             HccSimReply         *reply)
{
  g_autofree char *id = _hcc_sim_dup_string (request->object, "id");
  HccSimPass *pass;

  if (id == NULL || *id == '\0') {
    _hcc_sim_reply_error (reply, "OPEN000010", "id is required");
    return NULL;
  }
  if (!(pass = g_hash_table_lookup (world->passes_by_id, id))) {
    _hcc_sim_reply_error (reply, "VMS000003", "temporary pass %s does not exist", id);
    return NULL;
  }

  return pass;
}

/* POST vims/v1/tempauth/get */
static void
tempauth_get_cb (HccSim              *sim,
                 const HccSimRequest *request,
                 HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  const char *client_time = _hcc_sim_get_string (request->object, "clientLocalTime");
  HccSimPass *pass;
  gint64 client_ms;

  if (!(pass = lookup_pass (world, request, reply)))
    return;
  if (client_time == NULL || !_hcc_sim_parse_time (client_time, &client_ms)) {
    _hcc_sim_reply_error (reply, "OPEN000010", "clientLocalTime is required (ISO 8601)");
    return;
  }

  _hcc_sim_reply_data (reply, object_node (pass_to_json (world, pass, request->now_ms, TRUE)));
}

/* POST vims/v1/tempauth/list */
static void
tempauth_list_cb (HccSim              *sim,
                  const HccSimRequest *request,
                  HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *search = _hcc_sim_get_object (request->object, "searchRequest");
  JsonObject *filter = _hcc_sim_get_object (search, "filter");
  const char *name = _hcc_sim_get_string (filter, "name");
  JsonArray *list;
  JsonObject *data;
  gint64 page_num;
  guint size, offset, total = 0;

  if (!_hcc_sim_domain_get_paging (request->object, "pageNum", "pageSize", 1, 20, 500, TRUE,
                                   &page_num, &size, reply))
    return;
  /* pageNum 0 and 1 both mean the first page (catalogue T19). */
  offset = (guint) MIN ((gint64) G_MAXUINT / 2, (MAX (page_num, 1) - 1) * (gint64) size);

  list = json_array_new ();
  for (guint i = 0; i < world->passes->len; i++) {
    HccSimPass *pass = g_ptr_array_index (world->passes, i);

    if (!_hcc_sim_domain_match (pass->name, name) &&
        !_hcc_sim_domain_match (pass->creator_name, name))
      continue;
    if (total++ < offset || json_array_get_length (list) >= size)
      continue;
    json_array_add_object_element (list, pass_to_json (world, pass, request->now_ms, FALSE));
  }

  data = json_object_new ();
  json_object_set_int_member (data, "pageNum", page_num);
  json_object_set_int_member (data, "pageSize", size);
  json_object_set_int_member (data, "totalNum", total);
  json_object_set_array_member (data, "tempAuthList", list);
  _hcc_sim_reply_data (reply, object_node (data));
}

/* POST vims/v1/tempauth/update */
static void
tempauth_update_cb (HccSim              *sim,
                    const HccSimRequest *request,
                    HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  g_autoptr(GPtrArray) levels = NULL;
  HccSimPass *pass;
  gint64 open_count, start_ms, end_ms;

  if (!(pass = lookup_pass (world, request, reply)))
    return;
  if (!read_pass_fields (world, request, reply, &open_count, &start_ms, &end_ms, &levels))
    return;

  g_free (pass->name);
  pass->name = g_strdup (_hcc_sim_get_string (request->object, "name"));
  pass->open_count = (guint) open_count;
  pass->start_ms = start_ms;
  pass->end_ms = end_ms;
  /* alIds is optional: left out, the levels stay as they were. */
  if (levels != NULL)
    set_levels (pass, levels);
}

/* POST vims/v1/tempauth/delete */
static void
tempauth_delete_cb (HccSim              *sim,
                    const HccSimRequest *request,
                    HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  g_autoptr(GPtrArray) ids = _hcc_sim_domain_dup_ids (request->object, "deleteList");

  if (ids == NULL || ids->len == 0) {
    _hcc_sim_reply_error (reply, "OPEN000010", "deleteList is required");
    return;
  }
  for (guint i = 0; i < ids->len; i++) {
    if (!g_hash_table_contains (world->passes_by_id, g_ptr_array_index (ids, i))) {
      _hcc_sim_reply_error (reply, "VMS000003", "temporary pass %s does not exist",
                            (char *) g_ptr_array_index (ids, i));
      return;
    }
  }
  for (guint i = 0; i < ids->len; i++) {
    HccSimPass *pass = g_hash_table_lookup (world->passes_by_id, g_ptr_array_index (ids, i));

    if (pass == NULL)
      continue;
    g_hash_table_remove (world->passes_by_id, pass->id);
    g_ptr_array_remove (world->passes, pass);
  }
}

/* The payload of a scanned code: base64 of "HCCQR1|...", or the payload. */
static char *
decode_scanned (const char *code)
{
  gsize len = 0;
  g_autofree guchar *decoded = NULL;

  if (g_str_has_prefix (code, QR_PREFIX))
    return g_strdup (code);

  decoded = g_base64_decode (code, &len);
  if (decoded != NULL && len > strlen (QR_PREFIX) &&
      memcmp (decoded, QR_PREFIX, strlen (QR_PREFIX)) == 0)
    return g_strndup ((const char *) decoded, len);

  return NULL;
}

static gboolean
pass_opens_door (HccSimWorld *world,
                 HccSimPass  *pass,
                 const char  *door_id)
{
  for (guint i = 0; i < pass->access_level_ids->len; i++) {
    HccSimAccessLevel *level = g_hash_table_lookup (world->access_levels_by_id,
                                                    g_ptr_array_index (pass->access_level_ids, i));

    for (guint d = 0; level != NULL && d < level->door_ids->len; d++) {
      if (g_strcmp0 (g_ptr_array_index (level->door_ids, d), door_id) == 0)
        return TRUE;
    }
  }

  return FALSE;
}

static HccSimDoor *
first_door_of_pass (HccSimWorld *world,
                    HccSimPass  *pass)
{
  for (guint i = 0; i < pass->access_level_ids->len; i++) {
    HccSimAccessLevel *level = g_hash_table_lookup (world->access_levels_by_id,
                                                    g_ptr_array_index (pass->access_level_ids, i));

    for (guint d = 0; level != NULL && d < level->door_ids->len; d++) {
      HccSimDoor *door = g_hash_table_lookup (world->doors_by_id,
                                              g_ptr_array_index (level->door_ids, d));

      if (door != NULL && door->online)
        return door;
    }
  }

  return NULL;
}

/* Why the code would be refused, or NULL when it opens @door. */
static const char *
check_scan (HccSimWorld *world,
            HccSimPass  *pass,
            guint        code_index,
            HccSimDoor  *door,
            gint64       now_ms)
{
  HccSimQrCode *code = g_ptr_array_index (pass->qr_codes, code_index);

  if (now_ms < pass->start_ms)
    return "pass not yet valid";
  if (pass_expired (pass, now_ms))
    return "pass expired";
  if (pass->dynamic_qr) {
    if (now_ms - code->issued_ms > DYNAMIC_QR_VALIDITY_MS)
      return "code expired";
    for (guint i = code_index + 1; i < pass->qr_codes->len; i++) {
      if (((HccSimQrCode *) g_ptr_array_index (pass->qr_codes, i))->used)
        return "superseded by a newer code";
    }
  }
  if (!pass_opens_door (world, pass, door->id))
    return "no access to this door";
  if (GPOINTER_TO_UINT (g_hash_table_lookup (pass->door_uses, door->id)) >= pass->open_count)
    return "entries used up";

  return NULL;
}

/* POST /control/qr/scan {"code", "door_id"?} -> {"valid", "reason"} */
static void
qr_scan_cb (HccSim              *sim,
            const HccSimRequest *request,
            HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  const char *text = _hcc_sim_get_string (request->object, "code");
  const char *door_id = _hcc_sim_get_string (request->object, "door_id");
  g_autofree char *payload = NULL;
  g_auto(GStrv) parts = NULL;
  HccSimPass *pass = NULL;
  HccSimDoor *door = NULL;
  HccSimPerson visitor = { 0 };
  const char *reason = NULL;
  JsonObject *result;
  gint code_index = -1;

  if (text == NULL || *text == '\0') {
    reply->http_status = 400;
    _hcc_sim_reply_error (reply, "bad-request", "code is required");
    return;
  }
  if (door_id != NULL && *door_id != '\0' &&
      !(door = g_hash_table_lookup (world->doors_by_id, door_id))) {
    reply->http_status = 404;
    _hcc_sim_reply_error (reply, "not-found", "door %s does not exist", door_id);
    return;
  }

  payload = decode_scanned (text);
  if (payload != NULL) {
    parts = g_strsplit (payload, "|", -1);
    if (g_strv_length (parts) >= 2)
      pass = g_hash_table_lookup (world->passes_by_id, parts[1]);
  }
  for (guint i = 0; pass != NULL && i < pass->qr_codes->len; i++) {
    if (g_strcmp0 (((HccSimQrCode *) g_ptr_array_index (pass->qr_codes, i))->payload, payload) == 0)
      code_index = i;
  }

  if (pass == NULL || code_index < 0)
    reason = "unknown code";
  if (door == NULL && pass != NULL)
    door = first_door_of_pass (world, pass);
  if (reason == NULL && door == NULL)
    reason = "no door to open";
  if (reason == NULL && !door->online)
    reason = "door offline";
  if (reason == NULL)
    reason = check_scan (world, pass, code_index, door, request->now_ms);

  /* An offline door reports nothing; every other scan is an event. */
  if (door != NULL && door->online) {
    if (pass != NULL) {
      visitor.id = pass->id;
      visitor.first_name = pass->name;
      visitor.last_name = (char *) "";
      visitor.gender = 2;
    }
    if (reason == NULL) {
      HccSimQrCode *code = g_ptr_array_index (pass->qr_codes, code_index);
      guint uses = GPOINTER_TO_UINT (g_hash_table_lookup (pass->door_uses, door->id));

      code->used = TRUE;
      g_hash_table_insert (pass->door_uses, g_strdup (door->id), GUINT_TO_POINTER (uses + 1));
    }
    _hcc_sim_access_report (sim, door,
                            reason == NULL ? QR_GRANTED_MSG : QR_DENIED_MSG,
                            reason == NULL ? QR_GRANTED_RECORD : QR_DENIED_RECORD,
                            reason == NULL, pass != NULL ? &visitor : NULL, NULL);
  }

  result = json_object_new ();
  json_object_set_boolean_member (result, "valid", reason == NULL);
  json_object_set_string_member (result, "reason", reason ? reason : "ok");
  if (door != NULL)
    json_object_set_string_member (result, "door_id", door->id);
  if (pass != NULL)
    json_object_set_string_member (result, "pass_id", pass->id);
  _hcc_sim_reply_data (reply, object_node (result));
}

void
_hcc_sim_passes_init (HccSim *sim)
{
  _hcc_sim_add_route (sim, "POST", "/vims/v1/tempauth/add",
                      HCC_SIM_ENVELOPE_MESSAGE, tempauth_add_cb);
  _hcc_sim_add_route (sim, "POST", "/vims/v1/tempauth/get",
                      HCC_SIM_ENVELOPE_MESSAGE, tempauth_get_cb);
  _hcc_sim_add_route (sim, "POST", "/vims/v1/tempauth/list",
                      HCC_SIM_ENVELOPE_MESSAGE, tempauth_list_cb);
  _hcc_sim_add_route (sim, "POST", "/vims/v1/tempauth/update", HCC_SIM_ENVELOPE_MESSAGE,
                      tempauth_update_cb);
  _hcc_sim_add_route (sim, "POST", "/vims/v1/tempauth/delete", HCC_SIM_ENVELOPE_MESSAGE,
                      tempauth_delete_cb);
  _hcc_sim_add_control_route (sim, "POST", "/control/qr/scan", qr_scan_cb);
}
