/* hcc-sim-resources.c: devices, areas, doors and cameras (resource/v1/...)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These are how a front desk maps a calling door station
 * (DeviceTalkInfo.deviceSerial) to its doors and its camera: devicedetail/get
 * by serial, or areas/doors/get and areas/cameras/get filtered by
 * deviceSerialNo.
 */

#define G_LOG_DOMAIN "hcc-sim-resources"

#include <string.h>

#include "hcc-sim-private.h"

#define MAX_PAGE_SIZE 500

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);

  return node;
}

static const char *
area_name (HccSimWorld *world,
           const char  *area_id)
{
  HccSimArea *area = g_hash_table_lookup (world->areas_by_id, area_id ? area_id : "");

  return area ? area->name : "";
}

static JsonObject *
area_brief (HccSimWorld *world,
            const char  *area_id)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", area_id ? area_id : "");
  json_object_set_string_member (object, "name", area_name (world, area_id));

  return object;
}

/* Resource pages: pageIndex from 1 (0 is read as 1), pageSize 1..500 and
 * required, as the tables say. */
static gboolean
read_page (JsonObject  *object,
           HccSimReply *reply,
           gint64      *page_index,
           guint       *offset,
           guint       *size)
{
  gint64 value;

  if (_hcc_sim_domain_get_int (object, "pageSize", &value) == 0) {
    _hcc_sim_reply_error (reply, "OPEN000010", "pageSize is required");
    return FALSE;
  }
  if (!_hcc_sim_domain_get_paging (object, "pageIndex", "pageSize", 1, 20, MAX_PAGE_SIZE, FALSE,
                                   page_index, size, reply))
    return FALSE;
  *offset = (guint) MIN ((gint64) G_MAXUINT / 2, (MAX (*page_index, 1) - 1) * (gint64) *size);

  return TRUE;
}

static JsonObject *
page_data (gint64 page_index,
           guint  size,
           guint  total)
{
  JsonObject *data = json_object_new ();

  json_object_set_int_member (data, "totalCount", total);
  json_object_set_int_member (data, "pageIndex", page_index);
  json_object_set_int_member (data, "pageSize", size);

  return data;
}

/* POST resource/v1/devices/get */
static void
devices_get_cb (HccSim              *sim,
                const HccSimRequest *request,
                HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *filter = _hcc_sim_get_object (request->object, "filter");
  const char *match_key = _hcc_sim_get_string (filter, "matchKey");
  const char *job_number = _hcc_sim_get_string (filter, "jobNumber");
  const char *category = _hcc_sim_get_string (request->object, "deviceCategory");
  const char *area_id = _hcc_sim_get_string (request->object, "areaId");
  g_auto(GStrv) categories = NULL;
  JsonArray *list;
  JsonObject *data;
  gint64 page_index;
  guint size, offset, total = 0;

  if (!read_page (request->object, reply, &page_index, &offset, &size))
    return;
  /* Before 2.14.0 the field was spelled areaID (catalogue T59). */
  if (area_id == NULL)
    area_id = _hcc_sim_get_string (request->object, "areaID");
  if (category != NULL && *category != '\0') {
    if (strchr (category, ',') != NULL && (job_number == NULL || *job_number == '\0')) {
      _hcc_sim_reply_error (reply, "OPEN000010",
                            "only one deviceCategory is allowed without jobNumber");
      return;
    }
    categories = g_strsplit (category, ",", -1);
  }

  list = json_array_new ();
  for (guint i = 0; i < world->devices->len; i++) {
    HccSimDevice *device = g_ptr_array_index (world->devices, i);
    g_autofree char *added = NULL;
    JsonObject *item;

    if (categories != NULL &&
        !g_strv_contains ((const char * const *) categories, device->category))
      continue;
    if (!hcc_sim_world_area_within (world, device->area_id, area_id, TRUE))
      continue;
    if (match_key != NULL && *match_key != '\0' &&
        !_hcc_sim_domain_match (device->name, match_key) &&
        !_hcc_sim_domain_match (device->serial, match_key) &&
        !_hcc_sim_domain_match (device->version, match_key))
      continue;
    if (total++ < offset || json_array_get_length (list) >= size)
      continue;

    added = _hcc_sim_format_plain (device->added_ms);
    item = json_object_new ();
    json_object_set_string_member (item, "id", device->id);
    json_object_set_string_member (item, "name", device->name);
    json_object_set_string_member (item, "category", device->category);
    json_object_set_string_member (item, "type", device->model);
    json_object_set_string_member (item, "serialNo", device->serial);
    json_object_set_string_member (item, "version", device->version);
    json_object_set_string_member (item, "timeZone", device->time_zone);
    json_object_set_int_member (item, "onlineStatus", device->online ? 1 : 0);
    json_object_set_string_member (item, "addTime", added);
    json_array_add_object_element (list, item);
  }

  data = page_data (page_index, size, total);
  json_object_set_array_member (data, "device", list);
  _hcc_sim_reply_data (reply, object_node (data));
}

static JsonObject *
channel (HccSimWorld *world,
         const char  *id,
         const char  *name,
         guint        no,
         gboolean     online,
         const char  *area_id)
{
  JsonObject *object = json_object_new ();
  g_autofree char *no_text = g_strdup_printf ("%u", no);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", name);
  json_object_set_string_member (object, "no", no_text);
  json_object_set_string_member (object, "online", online ? "1" : "0");
  json_object_set_object_member (object, "area", area_brief (world, area_id));

  return object;
}

/* POST resource/v1/devicedetail/get */
static void
device_detail_cb (HccSim              *sim,
                  const HccSimRequest *request,
                  HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  g_autofree char *serial = _hcc_sim_dup_string (request->object, "deviceSerialNo");
  g_autofree char *camera_count = NULL;
  JsonObject *base, *device_object, *data;
  JsonArray *cameras, *doors;
  HccSimDevice *device;

  /* The guide's example has a trailing space (L1570): trim, and do not
   * enforce its 16-character limit (T54). */
  if (serial != NULL)
    g_strstrip (serial);
  if (serial == NULL || *serial == '\0') {
    _hcc_sim_reply_error (reply, "OPEN000010", "deviceSerialNo is required");
    return;
  }
  if (!(device = g_hash_table_lookup (world->devices_by_serial, serial))) {
    _hcc_sim_reply_error (reply, "VMS021307", "device %s does not exist", serial);
    return;
  }

  camera_count = g_strdup_printf ("%u", device->camera_ids->len);
  base = json_object_new ();
  json_object_set_string_member (base, "id", device->id);
  json_object_set_string_member (base, "name", device->name);
  json_object_set_string_member (base, "category", device->category);
  json_object_set_string_member (base, "serialNo", device->serial);
  json_object_set_string_member (base, "version", device->version);
  json_object_set_string_member (base, "type", device->model);
  json_object_set_string_member (base, "streamEncryptEnable", "0");
  json_object_set_string_member (base, "availableCameraChannelNum", camera_count);
  json_object_set_string_member (base, "availableAlarmInputChannelNum", "0");
  json_object_set_string_member (base, "availableAlarmOutputChannelNum", "0");

  cameras = json_array_new ();
  for (guint i = 0; i < device->camera_ids->len; i++) {
    const char *camera_id = g_ptr_array_index (device->camera_ids, i);
    HccSimCamera *camera = g_hash_table_lookup (world->cameras_by_id, camera_id);

    if (camera != NULL)
      json_array_add_object_element (cameras,
                                     channel (world, camera->id, camera->name, camera->channel_no,
                                              camera->online, camera->area_id));
  }
  doors = json_array_new ();
  for (guint i = 0; i < device->door_ids->len; i++) {
    const char *door_id = g_ptr_array_index (device->door_ids, i);
    HccSimDoor *door = g_hash_table_lookup (world->doors_by_id, door_id);

    if (door != NULL)
      json_array_add_object_element (doors, channel (world, door->id, door->name, door->channel_no,
                                                     door->online, door->area_id));
  }

  device_object = json_object_new ();
  json_object_set_object_member (device_object, "baseInfo", base);
  json_object_set_array_member (device_object, "cameraChannel", cameras);
  json_object_set_array_member (device_object, "alarmInputChannel", json_array_new ());
  json_object_set_array_member (device_object, "alarmOutputChannel", json_array_new ());
  json_object_set_array_member (device_object, "doorChannel", doors);
  json_object_set_int_member (device_object, "onlineStatus", device->online ? 1 : 0);
  json_object_set_string_member (device_object, "timeZoneID", device->time_zone);

  data = json_object_new ();
  json_object_set_object_member (data, "device", device_object);
  _hcc_sim_reply_data (reply, object_node (data));
}

static char *
area_path (HccSimWorld *world,
           HccSimArea  *area)
{
  GString *path = g_string_new (area->name);

  for (guint depth = 0; depth < 32 && area->parent_id != NULL; depth++) {
    area = g_hash_table_lookup (world->areas_by_id, area->parent_id);
    if (area == NULL)
      break;
    g_string_prepend (path, "->");
    g_string_prepend (path, area->name);
  }

  return g_string_free (path, FALSE);
}

/* includeSubArea comes as "0", "1", "-1", 0 or 1 (catalogue T32); anything
 * but 0 means the whole subtree. */
static gboolean
include_sub_areas (JsonObject *filter,
                   gboolean    fallback)
{
  gint64 value = 0;

  if (_hcc_sim_domain_get_int (filter, "includeSubArea", &value) <= 0)
    return fallback;

  return value != 0;
}

/* POST resource/v1/areas/get */
static void
areas_get_cb (HccSim              *sim,
              const HccSimRequest *request,
              HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  JsonObject *filter = _hcc_sim_get_object (request->object, "filter");
  const char *parent = _hcc_sim_get_string (filter, "parentAreaID");
  gboolean all = parent == NULL || *parent == '\0' || strcmp (parent, "-1") == 0;
  gboolean subtree = include_sub_areas (filter, FALSE);
  JsonArray *list;
  JsonObject *data;
  gint64 page_index;
  guint size, offset, total = 0;

  if (!read_page (request->object, reply, &page_index, &offset, &size))
    return;
  if (!all && !g_hash_table_contains (world->areas_by_id, parent)) {
    _hcc_sim_reply_error (reply, "OPEN000031", "area %s does not exist", parent);
    return;
  }

  list = json_array_new ();
  for (guint i = 0; i < world->areas->len; i++) {
    HccSimArea *area = g_ptr_array_index (world->areas, i);
    g_autofree char *path = NULL;
    gboolean has_children = FALSE;
    JsonObject *item;

    if (!all) {
      if (g_strcmp0 (area->id, parent) == 0)
        continue;
      if (subtree ? !hcc_sim_world_area_within (world, area->id, parent, TRUE)
                  : g_strcmp0 (area->parent_id, parent) != 0)
        continue;
    }
    if (total++ < offset || json_array_get_length (list) >= size)
      continue;

    for (guint k = 0; k < world->areas->len && !has_children; k++) {
      HccSimArea *other = g_ptr_array_index (world->areas, k);

      has_children = g_strcmp0 (other->parent_id, area->id) == 0;
    }
    path = area_path (world, area);
    item = json_object_new ();
    json_object_set_string_member (item, "id", area->id);
    json_object_set_string_member (item, "name", area->name);
    json_object_set_string_member (item, "parentAreaID", area->parent_id ? area->parent_id : "-1");
    json_object_set_int_member (item, "existSubArea", has_children ? 1 : 0);
    json_object_set_string_member (item, "areaPath", path);
    json_object_set_int_member (item, "type", 1);
    json_array_add_object_element (list, item);
  }

  data = page_data (page_index, size, total);
  json_object_set_array_member (data, "area", list);
  _hcc_sim_reply_data (reply, object_node (data));
}

static JsonObject *
device_by_resource (HccSimDevice *device,
                    const char   *channel_id,
                    guint         channel_no)
{
  JsonObject *object = json_object_new ();
  JsonObject *dev_info = json_object_new ();
  JsonObject *channel_info = json_object_new ();
  g_autofree char *no = g_strdup_printf ("%u", channel_no);

  json_object_set_string_member (dev_info, "id", device ? device->id : "");
  json_object_set_string_member (dev_info, "category", device ? device->category : "");
  json_object_set_string_member (dev_info, "serialNo", device ? device->serial : "");
  json_object_set_string_member (dev_info, "streamSecretKey", "");
  json_object_set_string_member (channel_info, "id", channel_id);
  json_object_set_string_member (channel_info, "no", no);
  json_object_set_object_member (object, "devInfo", dev_info);
  json_object_set_object_member (object, "channelInfo", channel_info);

  return object;
}

typedef struct {
  const char *area_id;
  gboolean    subtree;
  const char *device_id;
  char       *serial;     /* (owned) (nullable) */
} ChannelFilter;

static gboolean
read_channel_filter (JsonObject    *object,
                     ChannelFilter *filter,
                     HccSimReply   *reply)
{
  JsonObject *f = _hcc_sim_get_object (object, "filter");

  if (f == NULL) {
    _hcc_sim_reply_error (reply, "OPEN000010", "filter is required");
    return FALSE;
  }
  filter->area_id = _hcc_sim_get_string (f, "areaID");
  filter->device_id = _hcc_sim_get_string (f, "deviceID");
  filter->serial = _hcc_sim_dup_string (f, "deviceSerialNo");
  if (filter->serial != NULL)
    g_strstrip (filter->serial);
  /* A device filter forces includeSubArea to 0 (catalogue 6.6). */
  filter->subtree = include_sub_areas (f, FALSE) &&
                    (filter->device_id == NULL || *filter->device_id == '\0') &&
                    (filter->serial == NULL || *filter->serial == '\0');

  return TRUE;
}

static gboolean
channel_matches (HccSimWorld   *world,
                 ChannelFilter *filter,
                 HccSimDevice  *device,
                 const char    *area_id)
{
  if (filter->device_id != NULL && *filter->device_id != '\0' &&
      (device == NULL || strcmp (device->id, filter->device_id) != 0))
    return FALSE;
  if (filter->serial != NULL && *filter->serial != '\0' &&
      (device == NULL || strcmp (device->serial, filter->serial) != 0))
    return FALSE;

  return hcc_sim_world_area_within (world, area_id, filter->area_id, filter->subtree);
}

/* POST resource/v1/areas/doors/get */
static void
doors_get_cb (HccSim              *sim,
              const HccSimRequest *request,
              HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  ChannelFilter filter = { 0 };
  JsonArray *list;
  JsonObject *data;
  gint64 page_index;
  guint size, offset, total = 0;

  if (!read_page (request->object, reply, &page_index, &offset, &size) ||
      !read_channel_filter (request->object, &filter, reply))
    return;

  list = json_array_new ();
  for (guint i = 0; i < world->doors->len; i++) {
    HccSimDoor *door = g_ptr_array_index (world->doors, i);
    HccSimDevice *device = g_hash_table_lookup (world->devices_by_id, door->device_id);
    JsonObject *item;

    if (!channel_matches (world, &filter, device, door->area_id))
      continue;
    if (total++ < offset || json_array_get_length (list) >= size)
      continue;

    item = json_object_new ();
    json_object_set_string_member (item, "id", door->id);
    json_object_set_string_member (item, "name", door->name);
    json_object_set_string_member (item, "online", door->online ? "1" : "0");
    json_object_set_object_member (item, "area", area_brief (world, door->area_id));
    /* One ID per door in the simulator: the door ID is also its channel ID. */
    json_object_set_object_member (item, "device",
                                   device_by_resource (device, door->id, door->channel_no));
    json_array_add_object_element (list, item);
  }
  g_free (filter.serial);

  data = page_data (page_index, size, total);
  json_object_set_array_member (data, "door", list);
  _hcc_sim_reply_data (reply, object_node (data));
}

/* POST resource/v1/areas/cameras/get */
static void
cameras_get_cb (HccSim              *sim,
                const HccSimRequest *request,
                HccSimReply         *reply)
{
  HccSimWorld *world = _hcc_sim_get_world (sim);
  ChannelFilter filter = { 0 };
  g_autoptr(GPtrArray) camera_ids = NULL;
  JsonArray *list;
  JsonObject *data;
  gint64 page_index;
  guint size, offset, total = 0;

  if (!read_page (request->object, reply, &page_index, &offset, &size) ||
      !read_channel_filter (request->object, &filter, reply))
    return;
  camera_ids = _hcc_sim_domain_dup_ids (_hcc_sim_get_object (request->object, "filter"),
                                        "cameraID");

  list = json_array_new ();
  for (guint i = 0; i < world->cameras->len; i++) {
    HccSimCamera *camera = g_ptr_array_index (world->cameras, i);
    HccSimDevice *device = g_hash_table_lookup (world->devices_by_id, camera->device_id);
    gboolean wanted = camera_ids == NULL || camera_ids->len == 0;
    JsonObject *item;

    for (guint k = 0; !wanted && k < camera_ids->len; k++)
      wanted = strcmp (g_ptr_array_index (camera_ids, k), camera->id) == 0;
    if (!wanted || !channel_matches (world, &filter, device, camera->area_id))
      continue;
    if (total++ < offset || json_array_get_length (list) >= size)
      continue;

    item = json_object_new ();
    json_object_set_string_member (item, "id", camera->id);
    json_object_set_string_member (item, "name", camera->name);
    json_object_set_string_member (item, "abilitySet", "2000,2001,2002,2021,2022");
    json_object_set_string_member (item, "online", camera->online ? "1" : "0");
    json_object_set_object_member (item, "area", area_brief (world, camera->area_id));
    json_object_set_object_member (item, "device",
                                   device_by_resource (device, camera->id, camera->channel_no));
    json_array_add_object_element (list, item);
  }
  g_free (filter.serial);

  data = page_data (page_index, size, total);
  json_object_set_array_member (data, "camera", list);
  _hcc_sim_reply_data (reply, object_node (data));
}

void
_hcc_sim_resources_init (HccSim *sim)
{
  _hcc_sim_add_route (sim, "POST", "/resource/v1/devices/get",
                      HCC_SIM_ENVELOPE_MESSAGE, devices_get_cb);
  _hcc_sim_add_route (sim, "POST", "/resource/v1/devicedetail/get", HCC_SIM_ENVELOPE_MESSAGE,
                      device_detail_cb);
  _hcc_sim_add_route (sim, "POST", "/resource/v1/areas/get",
                      HCC_SIM_ENVELOPE_MESSAGE, areas_get_cb);
  _hcc_sim_add_route (sim, "POST", "/resource/v1/areas/doors/get",
                      HCC_SIM_ENVELOPE_MESSAGE, doors_get_cb);
  _hcc_sim_add_route (sim, "POST", "/resource/v1/areas/cameras/get", HCC_SIM_ENVELOPE_MESSAGE,
                      cameras_get_cb);
}
