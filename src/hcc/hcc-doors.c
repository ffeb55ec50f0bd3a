/* hcc-doors.c: listing doors and opening them remotely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-doors"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hcc-doors.h"
#include "hcc-error.h"
#include "hcc-json.h"
#include "hcc-pager.h"
#include "hcc-validation.h"

/* resource/v1/areas/doors/get: pageIndex from 1, 1..500, totalCount. */
static const HccPagerConfig doors_pager = {
  .page_key = "pageIndex",
  .base = 1,
  .page_size = 500,
  .list_keys = "door|doors",
  .total_keys = "totalCount|totalNum",
};

static const HccJsonField door_fields[] = {
  { "id|doorId", "id", TRUE },
  { "name|doorName", "name", FALSE },
  { "online", "online", FALSE },
};

static void
list_cb (GObject      *source,
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
                         hcc_pager_map_items (items, HCC_TYPE_DOOR,
                                              door_fields, G_N_ELEMENTS (door_fields),
                                              hcc_pager_map_resource),
                         g_object_unref);
}

static void
start_list (HccClient           *client,
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
  g_task_set_source_tag (task, hcc_doors_list_async);

  /* includeSubArea is a one-character string here; "1" first (T32). */
  json_object_set_string_member (filter, "areaID", "-1");
  json_object_set_string_member (filter, "includeSubArea", "1");
  if (device_serial != NULL && *device_serial != '\0')
    {
      g_autofree char *serial = g_strstrip (g_strdup (device_serial));

      json_object_set_string_member (filter, "deviceSerialNo", serial);
    }
  json_object_set_object_member (body, "filter", filter);

  hcc_pager_fetch_async (client, "/resource/v1/areas/doors/get", &doors_pager, body,
                         cancellable, list_cb, g_steal_pointer (&task));
}

void
hcc_doors_list_async (HccClient           *client,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (HCC_IS_CLIENT (client));

  start_list (client, NULL, cancellable, callback, user_data);
}

void
hcc_doors_list_for_device_async (HccClient           *client,
                                 const char          *device_serial,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (HCC_IS_CLIENT (client));
  g_return_if_fail (device_serial != NULL);

  start_list (client, device_serial, cancellable, callback, user_data);
}

GListModel *
hcc_doors_list_finish (HccClient     *client,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_doors_list_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
control_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GStrv door_ids = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) failures = NULL;
  g_autoptr(GListStore) store = g_list_store_new (HCC_TYPE_DOOR_RESULT);

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (reply != NULL && JSON_NODE_HOLDS_OBJECT (reply))
    failures = hcc_json_dup_array (json_node_get_object (reply), "operationResult", NULL);

  /* operationResult lists failures only: every door not in it succeeded. */
  for (guint i = 0; door_ids[i] != NULL; i++)
    {
      g_autoptr(HccDoorResult) door = hcc_door_result_new ();
      guint n = failures != NULL ? json_array_get_length (failures) : 0;

      hcc_door_result_set_door_id (door, door_ids[i]);
      hcc_door_result_set_succeeded (door, TRUE);

      for (guint j = 0; j < n; j++)
        {
          JsonNode *node = json_array_get_element (failures, j);
          JsonObject *entry;
          g_autofree char *element_id = NULL;
          g_autofree char *code = NULL;
          g_autofree char *name = NULL;
          g_autofree char *area = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;

          entry = json_node_get_object (node);
          element_id = hcc_json_dup_string (entry, "elementId", "elementID", NULL);
          if (element_id == NULL || g_strcmp0 (g_strstrip (element_id), door_ids[i]) != 0)
            continue;

          /* Inner codes may carry stray spaces (T22). */
          code = hcc_json_dup_string (entry, "errorCode", NULL);
          name = hcc_json_dup_string (entry, "elementName", NULL);
          area = hcc_json_dup_string (entry, "areaName", NULL);
          hcc_door_result_set_succeeded (door, FALSE);
          hcc_door_result_set_error_code (door, code != NULL ? g_strstrip (code) : "");
          hcc_door_result_set_door_name (door, name);
          hcc_door_result_set_area_name (door, area);
          break;
        }

      g_list_store_append (store, door);
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

void
hcc_doors_control_async (HccClient           *client,
                         HccDoorAction        action,
                         const char * const  *door_ids,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) body = NULL;
  JsonObject *root;
  JsonObject *control;
  JsonArray *list;

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_doors_control_async);

  if (action < HCC_DOOR_ACTION_UNLOCK || action > HCC_DOOR_ACTION_KEEP_LOCKED)
    {
      g_task_return_error (task,
                           hcc_validation_error_new ("actionType",
                                                     _("Unknown door action.")));
      return;
    }

  for (guint i = 0; door_ids != NULL && door_ids[i] != NULL; i++)
    {
      g_autofree char *id = g_strstrip (g_strdup (door_ids[i]));

      if (*id != '\0')
        g_ptr_array_add (ids, g_steal_pointer (&id));
    }

  /* An empty elementlist means every door in scope to the platform (T27):
   * refuse it here so that no bug upstream can ever unlock the building. */
  if (ids->len == 0)
    {
      g_task_return_error (task,
                           hcc_validation_error_new ("elementlist",
                                                     _("Choose at least one door.")));
      return;
    }

  root = json_object_new ();
  control = json_object_new ();
  list = json_array_new ();
  for (guint i = 0; i < ids->len; i++)
    json_array_add_string_element (list, g_ptr_array_index (ids, i));
  json_object_set_int_member (control, "actionType", action);
  json_object_set_array_member (control, "elementlist", list);
  json_object_set_object_member (root, "remoteControl", control);
  body = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);

  g_ptr_array_add (ids, NULL);
  g_task_set_task_data (task, g_ptr_array_steal (ids, NULL), (GDestroyNotify) g_strfreev);

  /* Not retried: a repeated unlock after a lost reply would open the door a
   * second time, long after the person at the desk asked for it. */
  hcc_client_request_async (client,
                            HCC_LANE_INTERACTIVE,
                            HCC_REQUEST_NONE,
                            "/acs/v1/remote/control",
                            body,
                            cancellable,
                            control_cb,
                            g_steal_pointer (&task));
}

GListModel *
hcc_doors_control_finish (HccClient     *client,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_doors_control_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
hcc_doors_count_failures (GListModel *results)
{
  guint n_failed = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (results), 0);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(HccDoorResult) door = g_list_model_get_item (results, i);

      if (!hcc_door_result_get_succeeded (door))
        n_failed++;
    }

  return n_failed;
}

HccDoor *
hcc_doors_parse_door (JsonObject  *object,
                      GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);

  return (HccDoor *) hcc_pager_map_one (object, HCC_TYPE_DOOR, door_fields, G_N_ELEMENTS (door_fields),
                                     hcc_pager_map_resource, error);
}
