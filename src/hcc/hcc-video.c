/* hcc-video.c: live addresses, recorded segments and saved clips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-video"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hcc-devices.h"
#include "hcc-error.h"
#include "hcc-json.h"
#include "hcc-pager.h"
#include "hcc-validation.h"
#include "hcc-video.h"

/* A clip upload the device has not finished after this many polls is
 * reported as a timeout rather than polled forever. */
#define CLIP_MAX_POLLS 300

static guint clip_poll_interval_ms = 2000;

/* record/element/search: pageIndex from 1, no limit and no total; the
 * table names the list recordSetting, the example recordList (T6). */
static const HccPagerConfig segments_pager = {
  .page_key = "pageIndex",
  .base = 1,
  .page_size = 100,
  .list_keys = "recordList|recordSetting",
};

static const HccJsonField live_fields[] = {
  { "url", "url", TRUE },
  { "id", "id", FALSE },
  { "expireTime", "expire-time", FALSE },
};

static const HccJsonField segment_fields[] = {
  { "beginTime|startTime", "begin-time", TRUE },
  { "endTime|stopTime", "end-time", TRUE },
  { "targetType", "target-type", FALSE },
};

static const HccJsonField clip_fields[] = {
  { "status", "status", TRUE },
  { "expireTime", "expire-time", FALSE },
};

void
hcc_video_set_clip_poll_interval (guint milliseconds)
{
  clip_poll_interval_ms = MAX (milliseconds, 1);
}

static JsonNode *
node_from_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

typedef struct {
  char              *camera_id;
  char              *serial;
  HccStreamProtocol  protocol;
  HccStreamQuality   quality;
  guint              expire_seconds;
} LiveData;

static void
live_data_free (LiveData *data)
{
  g_free (data->camera_id);
  g_free (data->serial);
  g_free (data);
}

static void
live_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LiveData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HccLiveAddress) address = NULL;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  address = hcc_live_address_new ();
  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply) ||
      !hcc_json_map_object (json_node_get_object (reply), G_OBJECT (address),
                            live_fields, G_N_ELEMENTS (live_fields), &error))
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_SERVER,
                               _("The platform sent no stream address."));
      return;
    }

  /* expireTime is absolute epoch ms (T4); hcc-json tells seconds from
   * milliseconds by size. */
  hcc_live_address_set_protocol (address, data->protocol);
  hcc_live_address_set_quality (address, data->quality);
  g_task_return_pointer (task, g_steal_pointer (&address), g_object_unref);
}

static void
send_live (GTask *task)
{
  HccClient *client = g_task_get_source_object (task);
  LiveData *data = g_task_get_task_data (task);
  JsonObject *root = json_object_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *quality = g_strdup_printf ("%d", data->quality);

  json_object_set_string_member (root, "resourceId", data->camera_id);
  json_object_set_string_member (root, "deviceSerial", data->serial);
  /* Live view only: HLS and RTMP do not play back (T33). */
  json_object_set_string_member (root, "type", "1");
  json_object_set_int_member (root, "protocol", data->protocol);
  json_object_set_string_member (root, "quality", quality);
  if (data->protocol == HCC_STREAM_PROTOCOL_RTMP && data->expire_seconds > 0)
    json_object_set_int_member (root, "expireTime", CLAMP (data->expire_seconds, 30, 720 * 86400));
  body = node_from_object (root);

  /* A read: retrying gives a new, equally good address. Interactive, as
   * the front desk is waiting to see who is at the door. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_RETRY_SAFE,
                            "/video/v1/live/address/get", body,
                            g_task_get_cancellable (task), live_cb, task);
}

static void
live_camera_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LiveData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) cameras = NULL;
  g_autoptr(GError) error = NULL;

  cameras = hcc_devices_list_cameras_finish (HCC_CLIENT (source), result, &error);
  if (cameras == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (cameras); i++)
    {
      g_autoptr(HccCamera) camera = g_list_model_get_item (cameras, i);

      if (g_strcmp0 (hcc_camera_get_id (camera), data->camera_id) == 0)
        {
          data->serial = g_strdup (hcc_camera_get_device_serial (camera));
          break;
        }
    }

  if (data->serial == NULL)
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_NOT_FOUND,
                               _("The camera does not exist."));
      return;
    }

  send_live (g_steal_pointer (&task));
}

void
hcc_video_get_live_address_async (HccClient           *client,
                                  const char          *camera_id,
                                  const char          *device_serial,
                                  HccStreamProtocol    protocol,
                                  HccStreamQuality     quality,
                                  guint                expire_seconds,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LiveData *data;

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_video_get_live_address_async);

  if (camera_id == NULL || *camera_id == '\0' || strlen (camera_id) > 64)
    {
      g_task_return_error (task, hcc_validation_error_new ("resourceId",
                                                           _("Choose a camera.")));
      return;
    }
  if (protocol != HCC_STREAM_PROTOCOL_HLS && protocol != HCC_STREAM_PROTOCOL_RTMP)
    {
      g_task_return_error (task, hcc_validation_error_new ("protocol",
                                                           _("Only HLS and RTMP streams can be played.")));
      return;
    }
  if (quality != HCC_STREAM_QUALITY_HD && quality != HCC_STREAM_QUALITY_FLUENT)
    quality = HCC_STREAM_QUALITY_HD;

  data = g_new0 (LiveData, 1);
  data->camera_id = g_strdup (camera_id);
  data->serial = (device_serial != NULL && *device_serial != '\0') ?
                 g_strstrip (g_strdup (device_serial)) : NULL;
  data->protocol = protocol;
  data->quality = quality;
  data->expire_seconds = expire_seconds;
  g_task_set_task_data (task, data, (GDestroyNotify) live_data_free);

  if (data->serial == NULL)
    {
      hcc_devices_list_cameras_async (client, NULL, cancellable, live_camera_cb,
                                      g_steal_pointer (&task));
      return;
    }

  send_live (g_steal_pointer (&task));
}

HccLiveAddress *
hcc_video_get_live_address_finish (HccClient     *client,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_video_get_live_address_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
segments_cb (GObject      *source,
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
                         hcc_pager_map_items (items, HCC_TYPE_RECORD_SEGMENT,
                                              segment_fields, G_N_ELEMENTS (segment_fields),
                                              NULL),
                         g_object_unref);
}

void
hcc_video_list_segments_async (HccClient           *client,
                               const char          *camera_id,
                               GDateTime           *day,
                               gboolean             cloud,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) begin = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *begin_text = NULL;
  g_autofree char *end_text = NULL;
  JsonObject *filter;

  g_return_if_fail (HCC_IS_CLIENT (client));
  g_return_if_fail (day != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_video_list_segments_async);

  if (camera_id == NULL || *camera_id == '\0')
    {
      g_task_return_error (task, hcc_validation_error_new ("cameraId", _("Choose a camera.")));
      return;
    }

  /* The local day, sent as ISO 8601 with the real offset (the guide prints
   * a literal +08:00, T34). */
  local = g_date_time_to_local (day);
  begin = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                 g_date_time_get_day_of_month (local), 0, 0, 0);
  end = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                               g_date_time_get_day_of_month (local), 23, 59, 59);
  begin_text = hcc_time_format (begin);
  end_text = hcc_time_format (end);

  body = json_object_new ();
  filter = json_object_new ();
  json_object_set_string_member (body, "cameraId", camera_id);
  json_object_set_int_member (filter, "timeType", 0);
  json_object_set_string_member (filter, "beginTime", begin_text);
  json_object_set_string_member (filter, "endTime", end_text);
  json_object_set_int_member (filter, "targetType", cloud ? 1 : 0);
  json_object_set_object_member (body, "filter", filter);

  hcc_pager_fetch_async (client, "/video/v1/record/element/search", &segments_pager, body,
                         cancellable, segments_cb, g_steal_pointer (&task));
}

GListModel *
hcc_video_list_segments_finish (HccClient     *client,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_video_list_segments_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  HccClip *clip;      /* (owned) */
  guint    n_polls;
  guint    timeout_id;
} ClipData;

static void
clip_data_free (ClipData *data)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_clear_object (&data->clip);
  g_free (data);
}

static void poll_clip (GTask *task);

static gboolean
poll_again_cb (gpointer user_data)
{
  GTask *task = user_data;
  ClipData *data = g_task_get_task_data (task);

  data->timeout_id = 0;
  poll_clip (task);

  return G_SOURCE_REMOVE;
}

static void
download_url_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ClipData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) urls = NULL;
  JsonObject *object;
  int status;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply) ||
      !hcc_json_map_object (json_node_get_object (reply), G_OBJECT (data->clip),
                            clip_fields, G_N_ELEMENTS (clip_fields), &error))
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_SERVER,
                               _("The platform sent no state for the clip."));
      return;
    }

  object = json_node_get_object (reply);
  status = hcc_clip_get_status (data->clip);

  if (status == 0)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      urls = hcc_json_dup_array (object, "urls", "url", NULL);
      for (guint i = 0; urls != NULL && i < json_array_get_length (urls); i++)
        {
          JsonNode *node = json_array_get_element (urls, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
      strv = g_strv_builder_end (builder);
      hcc_clip_set_urls (data->clip, (const char * const *) strv);
      g_task_return_pointer (task, g_object_ref (data->clip), g_object_unref);
      return;
    }

  if (status != 1)
    {
      /* 2 failed, 3 expired, 4 deleted: nothing will come of this task. */
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_DEVICE,
                               _("The camera could not upload the clip."));
      return;
    }

  if (++data->n_polls >= CLIP_MAX_POLLS)
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_TIMEOUT,
                               _("The camera is taking too long to upload the clip."));
      return;
    }

  data->timeout_id = g_timeout_add (clip_poll_interval_ms, poll_again_cb, g_steal_pointer (&task));
}

static void
poll_clip (GTask *task)
{
  ClipData *data = g_task_get_task_data (task);
  JsonObject *root;
  g_autoptr(JsonNode) body = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  root = json_object_new ();
  json_object_set_string_member (root, "taskId", hcc_clip_get_task_id (data->clip));
  body = node_from_object (root);

  /* Polling is a read and nobody stares at it: background lane, retried. */
  hcc_client_request_async (g_task_get_source_object (task), HCC_LANE_BACKGROUND,
                            HCC_REQUEST_RETRY_SAFE, "/video/v1/video/download/url", body,
                            g_task_get_cancellable (task), download_url_cb, task);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ClipData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *task_id = NULL;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The task ID contains '#': keep it opaque. */
  if (reply != NULL && JSON_NODE_HOLDS_OBJECT (reply))
    task_id = hcc_json_dup_string (json_node_get_object (reply), "taskId", NULL);
  if (task_id == NULL || *task_id == '\0')
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_SERVER,
                               _("The platform did not start the clip."));
      return;
    }

  hcc_clip_set_task_id (data->clip, task_id);
  poll_clip (g_steal_pointer (&task));
}

void
hcc_video_save_clip_async (HccClient           *client,
                           const char          *camera_id,
                           GDateTime           *begin,
                           GDateTime           *end,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *begin_text = NULL;
  g_autofree char *end_text = NULL;
  ClipData *data;
  JsonObject *root;

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_video_save_clip_async);

  if (camera_id == NULL || *camera_id == '\0')
    {
      g_task_return_error (task, hcc_validation_error_new ("cameraId", _("Choose a camera.")));
      return;
    }
  if (begin == NULL || end == NULL || g_date_time_compare (begin, end) >= 0)
    {
      g_task_return_error (task, hcc_validation_error_new ("endTime",
                                                           _("The clip must end after it begins.")));
      return;
    }

  data = g_new0 (ClipData, 1);
  data->clip = hcc_clip_new ();
  g_task_set_task_data (task, data, (GDestroyNotify) clip_data_free);

  begin_text = hcc_time_format (begin);
  end_text = hcc_time_format (end);
  root = json_object_new ();
  json_object_set_string_member (root, "cameraId", camera_id);
  json_object_set_string_member (root, "beginTime", begin_text);
  json_object_set_string_member (root, "endTime", end_text);
  body = node_from_object (root);

  /* Not retried: each save starts an upload job on the device. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_NONE,
                            "/video/v1/video/save", body, cancellable,
                            save_cb, g_steal_pointer (&task));
}

HccClip *
hcc_video_save_clip_finish (HccClient     *client,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_video_save_clip_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

HccRecordSegment *
hcc_video_parse_segment (JsonObject  *object,
                         GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);

  return (HccRecordSegment *) hcc_pager_map_one (object, HCC_TYPE_RECORD_SEGMENT, segment_fields, G_N_ELEMENTS (segment_fields),
                                              NULL, error);
}
