/* concierge-door-control.c: door commands from the desk, with their audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Doors view's counterpart of the call queue's "open door": the platform
 * cannot tell which operator sent a command, so every command is logged here
 * before it is sent (a crash leaves it "pending", not missing) and again
 * once the platform has answered.
 */

#define G_LOG_DOMAIN "concierge-door-control"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-door-control.h"

typedef struct {
  ConciergeLogStore *store;    /* (owned) (nullable) */
  GPtrArray         *doors;    /* (element-type HccDoor) (owned) */
  GPtrArray         *actions;  /* (element-type ConciergeDoorAction) (owned) */
} ControlData;

static void
control_data_free (ControlData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->doors, g_ptr_array_unref);
  g_clear_pointer (&data->actions, g_ptr_array_unref);
  g_free (data);
}

char *
concierge_door_control_describe_failure (HccDoorResult *result)
{
  const char *code;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HCC_IS_DOOR_RESULT (result), NULL);

  code = hcc_door_result_get_error_code (result);
  if (code == NULL || *code == '\0')
    return g_strdup (_("The platform refused the command"));

  /* hcc-error knows the front desk's codes in words, and says "refused
   * (CODE)" for the rest. */
  error = hcc_error_new_platform (code, NULL);

  return g_strdup (error->message);
}

static void
control_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ControlData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListStore) out = NULL;
  g_autoptr(GError) error = NULL;

  results = hcc_doors_control_finish (HCC_CLIENT (source), result, &error);
  if (results == NULL)
    {
      /* Cancelled: whether the doors moved is unknown, so their entries
       * stay pending rather than claiming a failure. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && data->store != NULL)
        {
          for (guint i = 0; i < data->actions->len; i++)
            {
              ConciergeDoorAction *action = g_ptr_array_index (data->actions, i);

              concierge_door_action_set_result (action, CONCIERGE_DOOR_ACTION_RESULT_FAILED,
                                                hcc_error_get_platform_code (error),
                                                error->message);
              concierge_log_store_record_door_action (data->store, action);
            }
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  out = g_list_store_new (HCC_TYPE_DOOR_RESULT);
  for (guint i = 0; i < data->doors->len; i++)
    {
      HccDoor *door = g_ptr_array_index (data->doors, i);
      ConciergeDoorAction *action = g_ptr_array_index (data->actions, i);
      g_autoptr(HccDoorResult) door_result = NULL;
      g_autofree char *message = NULL;

      /* The client gives one result per requested door, in order, but
       * match by ID so a reordered list can never credit the wrong door. */
      for (guint j = 0; j < g_list_model_get_n_items (results); j++)
        {
          g_autoptr(HccDoorResult) candidate = g_list_model_get_item (results, j);

          if (g_strcmp0 (hcc_door_result_get_door_id (candidate), hcc_door_get_id (door)) == 0)
            {
              door_result = g_steal_pointer (&candidate);
              break;
            }
        }

      if (door_result == NULL)
        {
          /* The platform lists failures only: a door it does not name
           * succeeded. */
          door_result = hcc_door_result_new ();
          hcc_door_result_set_door_id (door_result, hcc_door_get_id (door));
          hcc_door_result_set_succeeded (door_result, TRUE);
        }
      if (hcc_door_result_get_door_name (door_result) == NULL
          || *hcc_door_result_get_door_name (door_result) == '\0')
        hcc_door_result_set_door_name (door_result, hcc_door_get_name (door));
      if (hcc_door_result_get_area_name (door_result) == NULL
          || *hcc_door_result_get_area_name (door_result) == '\0')
        hcc_door_result_set_area_name (door_result, hcc_door_get_area_name (door));

      if (hcc_door_result_get_succeeded (door_result))
        {
          concierge_door_action_set_result (action, CONCIERGE_DOOR_ACTION_RESULT_OK, NULL, NULL);
        }
      else
        {
          message = concierge_door_control_describe_failure (door_result);
          concierge_door_action_set_result (action, CONCIERGE_DOOR_ACTION_RESULT_FAILED,
                                            hcc_door_result_get_error_code (door_result),
                                            message);
        }

      if (data->store != NULL)
        concierge_log_store_record_door_action (data->store, action);

      g_list_store_append (out, door_result);
    }

  g_task_return_pointer (task, g_steal_pointer (&out), g_object_unref);
}

void
concierge_door_control_async (ConciergeSession     *session,
                              HccDoorAction         action,
                              HccDoor             **doors,
                              guint                 n_doors,
                              const char           *reason,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  ControlData *data;
  ConciergeLogStore *store;
  const char *operator;

  g_return_if_fail (CONCIERGE_IS_SESSION (session));
  g_return_if_fail (action >= HCC_DOOR_ACTION_UNLOCK && action <= HCC_DOOR_ACTION_KEEP_LOCKED);
  g_return_if_fail (doors != NULL || n_doors == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, concierge_door_control_async);

  /* Never an empty list: the platform would apply it to every door (T27).
   * hcc_doors_control_async refuses it too; saying so here keeps the
   * log free of an action on no door. */
  if (n_doors == 0)
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_VALIDATION,
                               "%s", _("Choose at least one door"));
      return;
    }

  store = concierge_session_get_log_store (session);
  operator = concierge_session_get_operator (session);
  if (reason != NULL && *reason == '\0')
    reason = NULL;

  data = g_new0 (ControlData, 1);
  data->store = store != NULL ? g_object_ref (store) : NULL;
  data->doors = g_ptr_array_new_with_free_func (g_object_unref);
  data->actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) control_data_free);

  ids = g_ptr_array_new ();
  for (guint i = 0; i < n_doors; i++)
    {
      HccDoor *door = doors[i];
      ConciergeDoorAction *entry;

      g_return_if_fail (HCC_IS_DOOR (door));

      /* ConciergeDoorActionKind uses the platform's actionType numbers. */
      entry = concierge_door_action_new (operator, hcc_door_get_id (door), hcc_door_get_name (door),
                                         (ConciergeDoorActionKind) action, reason,
                                         CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, NULL);
      g_ptr_array_add (data->doors, g_object_ref (door));
      g_ptr_array_add (data->actions, entry);
      g_ptr_array_add (ids, (gpointer) hcc_door_get_id (door));

      if (data->store != NULL)
        concierge_log_store_record_door_action (data->store, entry);
    }
  g_ptr_array_add (ids, NULL);

  hcc_doors_control_async (concierge_session_get_client (session), action,
                           (const char * const *) ids->pdata, cancellable,
                           control_cb, g_steal_pointer (&task));
}

GListModel *
concierge_door_control_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == concierge_door_control_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
