/* hcc-devices.c: finding the cameras and doors of a door station
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-devices"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hcc-devices.h"
#include "hcc-door.h"
#include "hcc-doors.h"
#include "hcc-error.h"
#include "hcc-json.h"
#include "hcc-pager.h"
#include "hcc-validation.h"

/* resource/v1/areas/cameras/get: pageIndex from 1, 1..500, totalCount. */
static const HccPagerConfig cameras_pager = {
  .page_key = "pageIndex",
  .base = 1,
  .page_size = 500,
  .list_keys = "camera|cameras",
  .total_keys = "totalCount|totalNum",
};

static const HccJsonField camera_fields[] = {
  { "id|cameraId|cameraID", "id", TRUE },
  { "name|cameraName", "name", FALSE },
  { "abilitySet", "ability-set", FALSE },
  { "online", "online", FALSE },
};

/* devicedetail/get channels: { id, name, no, online, area {id, name} }. */
static const HccJsonField detail_channel_fields[] = {
  { "id", "id", TRUE },
  { "name", "name", FALSE },
  { "online", "online", FALSE },
  { "no", "channel-no", FALSE },
};

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static void
cameras_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (!(items = hcc_pager_fetch_finish (result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task,
                         hcc_pager_map_items (items, HCC_TYPE_CAMERA,
                                              camera_fields, G_N_ELEMENTS (camera_fields),
                                              hcc_pager_map_resource),
                         g_object_unref);
}

void
hcc_devices_list_cameras_async (HccClient           *client,
                                const char          *device_serial,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  JsonObject *filter = json_object_new ();

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_devices_list_cameras_async);

  /* "1" as the sibling endpoints and the example use it (T32). */
  json_object_set_string_member (filter, "areaID", "-1");
  json_object_set_string_member (filter, "includeSubArea", "1");
  if (device_serial != NULL && *device_serial != '\0')
    {
      g_autofree char *serial = g_strstrip (g_strdup (device_serial));

      json_object_set_string_member (filter, "deviceSerialNo", serial);
    }
  json_object_set_object_member (body, "filter", filter);

  hcc_pager_fetch_async (client, "/resource/v1/areas/cameras/get", &cameras_pager, body,
                         cancellable, cameras_cb, g_steal_pointer (&task));
}

GListModel *
hcc_devices_list_cameras_finish (HccClient     *client,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_devices_list_cameras_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  char       *serial;
  GListModel *cameras;  /* (owned) (nullable) */
  GListModel *doors;    /* (owned) (nullable) */
} StationData;

static void
station_data_free (StationData *data)
{
  g_free (data->serial);
  g_clear_object (&data->cameras);
  g_clear_object (&data->doors);
  g_free (data);
}

static void
station_return (GTask *task)
{
  StationData *data = g_task_get_task_data (task);

  if (data->cameras == NULL)
    data->cameras = G_LIST_MODEL (g_list_store_new (HCC_TYPE_CAMERA));
  if (data->doors == NULL)
    data->doors = G_LIST_MODEL (g_list_store_new (HCC_TYPE_DOOR));
  g_task_return_boolean (task, TRUE);
}

static void
map_detail_channels (JsonObject  *device,
                     const char  *member,
                     GType        type,
                     const char  *serial,
                     const char  *device_id,
                     GListModel **out)
{
  g_autoptr(JsonArray) channels = hcc_json_dup_array (device, member, NULL);
  GListModel *model;

  if (channels == NULL)
    return;

  /* The area of each channel sits in a nested object, as in the listings. */
  model = hcc_pager_map_items (channels, type, detail_channel_fields,
                               G_N_ELEMENTS (detail_channel_fields), hcc_pager_map_resource);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      /* HccCamera and HccDoor share these property names. */
      g_object_set (item, "device-serial", serial, "device-id", device_id, NULL);
    }

  g_clear_object (out);
  *out = model;
}

static void
detail_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StationData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *device = NULL;
  JsonObject *base;
  g_autofree char *device_id = NULL;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      /* An unknown serial is an empty station, not a failure of the search. */
      if (g_error_matches (error, HCC_ERROR, HCC_ERROR_NOT_FOUND))
        {
          station_return (g_steal_pointer (&task));
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (reply != NULL && JSON_NODE_HOLDS_OBJECT (reply))
    device = hcc_json_get_object (json_node_get_object (reply), "device", NULL);

  if (device != NULL)
    {
      base = hcc_json_get_object (device, "baseInfo", NULL);
      if (base != NULL)
        device_id = hcc_json_dup_string (base, "id", NULL);
      map_detail_channels (device, "cameraChannel", HCC_TYPE_CAMERA, data->serial, device_id,
                           &data->cameras);
      map_detail_channels (device, "doorChannel", HCC_TYPE_DOOR, data->serial, device_id,
                           &data->doors);
    }

  station_return (g_steal_pointer (&task));
}

static void
station_doors_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StationData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  JsonObject *root;
  g_autoptr(JsonNode) body = NULL;

  data->doors = hcc_doors_list_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_list_model_get_n_items (data->cameras) > 0 || g_list_model_get_n_items (data->doors) > 0)
    {
      station_return (g_steal_pointer (&task));
      return;
    }

  /* Neither list knows the serial (a device not assigned to an area, for
   * instance): ask the device itself. */
  root = json_object_new ();
  json_object_set_string_member (root, "deviceSerialNo", data->serial);
  body = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);

  cancellable = g_task_get_cancellable (task);
  hcc_client_request_async (HCC_CLIENT (source), HCC_LANE_INTERACTIVE, HCC_REQUEST_RETRY_SAFE,
                            "/resource/v1/devicedetail/get", body,
                            cancellable, detail_cb, g_steal_pointer (&task));
}

static void
station_cameras_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StationData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  data->cameras = hcc_devices_list_cameras_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Read before the task is handed on: argument order is unspecified. */
  cancellable = g_task_get_cancellable (task);
  hcc_doors_list_for_device_async (HCC_CLIENT (source), data->serial, cancellable,
                                   station_doors_cb, g_steal_pointer (&task));
}

void
hcc_devices_find_station_async (HccClient           *client,
                                const char          *device_serial,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StationData *data;

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_devices_find_station_async);

  if (device_serial == NULL || is_blank (device_serial))
    {
      g_task_return_error (task, hcc_validation_error_new ("deviceSerialNo",
                                                           _("The door station has no serial number.")));
      return;
    }

  data = g_new0 (StationData, 1);
  /* The guide's own example carries a trailing space (L1570, T54). */
  data->serial = g_strstrip (g_strdup (device_serial));
  g_task_set_task_data (task, data, (GDestroyNotify) station_data_free);

  hcc_devices_list_cameras_async (client, data->serial, cancellable,
                                  station_cameras_cb, g_steal_pointer (&task));
}

gboolean
hcc_devices_find_station_finish (HccClient     *client,
                                 GAsyncResult  *result,
                                 GListModel   **cameras,
                                 GListModel   **doors,
                                 GError       **error)
{
  StationData *data;

  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_devices_find_station_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (cameras != NULL)
    *cameras = g_object_ref (data->cameras);
  if (doors != NULL)
    *doors = g_object_ref (data->doors);

  return TRUE;
}

HccCamera *
hcc_devices_parse_camera (JsonObject  *object,
                          GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);

  return (HccCamera *) hcc_pager_map_one (object, HCC_TYPE_CAMERA, camera_fields, G_N_ELEMENTS (camera_fields),
                                       hcc_pager_map_resource, error);
}
