/* hcc-calls.c: answering, declining and hanging up door-station calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-calls"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hcc-calls.h"
#include "hcc-error.h"
#include "hcc-validation.h"

static void
act_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      const char *code = hcc_error_get_platform_code (error);

      /* The UI closes the call on these; give them codes it can match
       * whatever the general mapping of the client says. Changing the code
       * in place keeps the platform code attached to the error. */
      if (error->domain == HCC_ERROR && code != NULL)
        {
          if (g_ascii_strcasecmp (code, "VMS038019") == 0)
            error->code = HCC_ERROR_NOT_FOUND;
          else if (g_ascii_strcasecmp (code, "VMS038027") == 0 ||
                   g_ascii_strcasecmp (code, "VMS038029") == 0)
            error->code = HCC_ERROR_CONFLICT;
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

typedef struct {
  char          *record_id;
  HccCallAction  action;
  char          *user_id;  /* (nullable) */
} ActData;

static void
act_data_free (ActData *data)
{
  g_free (data->record_id);
  g_free (data->user_id);
  g_free (data);
}

static void
send_act (GTask *task)
{
  HccClient *client = g_task_get_source_object (task);
  ActData *data = g_task_get_task_data (task);
  const char *user_id = data->user_id;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *root;

  /* userId is required; for a call to the management centre neither source
   * the guide names is clearly right, the token's userId is the best guess
   * (T40). */
  if (user_id == NULL)
    user_id = hcc_client_get_user_id (client);

  root = json_object_new ();
  json_object_set_string_member (root, "recordId", data->record_id);
  json_object_set_int_member (root, "status", data->action);
  json_object_set_string_member (root, "userId", user_id != NULL ? user_id : "");
  body = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);

  /* Not retried: after a lost reply the call may already be answered, and a
   * repeat would either fail with "already answered" or hang up a call the
   * user has meanwhile taken. The user decides again instead. */
  hcc_client_request_async (client,
                            HCC_LANE_INTERACTIVE,
                            HCC_REQUEST_NONE,
                            "/devcall/v1/call/receive",
                            body,
                            g_task_get_cancellable (task),
                            act_cb,
                            task);
}

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!hcc_client_login_finish (HCC_CLIENT (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_act (g_steal_pointer (&task));
}

void
hcc_calls_act_async (HccClient           *client,
                     const char          *record_id,
                     HccCallAction        action,
                     const char          *user_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ActData *data;

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_calls_act_async);

  if (record_id == NULL || *record_id == '\0' || strlen (record_id) > 64)
    {
      g_task_return_error (task,
                           hcc_validation_error_new ("recordId",
                                                     _("The call has no valid record ID.")));
      return;
    }

  if (action < HCC_CALL_ACTION_ANSWER || action > HCC_CALL_ACTION_HANG_UP)
    {
      g_task_return_error (task,
                           hcc_validation_error_new ("status",
                                                     _("Unknown call action.")));
      return;
    }

  data = g_new0 (ActData, 1);
  data->record_id = g_strdup (record_id);
  data->action = action;
  data->user_id = (user_id != NULL && *user_id != '\0') ? g_strdup (user_id) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) act_data_free);

  /* The token's userId is only known after a login. */
  if (data->user_id == NULL && hcc_client_get_user_id (client) == NULL)
    {
      hcc_client_login_async (client, cancellable, login_cb, g_steal_pointer (&task));
      return;
    }

  send_act (g_steal_pointer (&task));
}

gboolean
hcc_calls_act_finish (HccClient     *client,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_calls_act_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
