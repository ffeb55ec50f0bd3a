/* hcc-passes.c: temporary passes (tempauth) and the access levels they open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-passes"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hcc-error.h"
#include "hcc-json.h"
#include "hcc-pager.h"
#include "hcc-passes.h"
#include "hcc-validation.h"

#define PASS_NAME_MAX_CHARS 32
#define PASS_OPEN_COUNT_MIN 1
#define PASS_OPEN_COUNT_MAX 200

/* vims/v1/tempauth/list: pageNum/totalNum, 1-based (T19). */
static const HccPagerConfig passes_pager = {
  .page_key = "pageNum",
  .base = 1,
  .probe_base_zero = TRUE,
  .page_size = 100,
  .list_keys = "tempAuthList|tempauthList",
  .total_keys = "totalNum|totalCount",
};

/* acspm/v1/accesslevel/list: the paging keys sit inside
 * accessLevelSearchRequest, and the reply's list and total either inside
 * data.accessLevelResponse or directly in data (T21). */
static const HccPagerConfig access_levels_pager = {
  .page_key = "pageIndex",
  .base = 1,
  .page_size = 100,
  .request_wrapper = "accessLevelSearchRequest",
  .response_wrapper = "accessLevelResponse",
  .list_keys = "accessLevelList",
  .total_keys = "totalNum|totalCount",
};

/* The list example names the times startDate/endDate (T10), the object
 * table startTime/endTime; both are epoch ms in replies (T11). */
static const HccJsonField pass_fields[] = {
  { "id", "id", TRUE },
  { "name", "name", FALSE },
  { "openCount", "open-count", FALSE },
  { "startTime|startDate", "start-time", FALSE },
  { "endTime|endDate", "end-time", FALSE },
  { "creatorId", "creator-id", FALSE },
  { "creatorName", "creator-name", FALSE },
  { "creatorEmail", "creator-email", FALSE },
  { "expiredStatus", "expired", FALSE },
  { "password", "password", FALSE },
};

static const HccJsonField pass_level_fields[] = {
  { "accessLevelId|id", "id", TRUE },
  { "accessLevelName|name", "name", FALSE },
};

static const HccJsonField access_level_fields[] = {
  { "id|accessLevelId", "id", TRUE },
  { "name|accessLevelName", "name", FALSE },
  { "remark", "remark", FALSE },
  { "usageType", "usage-type", FALSE },
};

static const HccJsonField id_name_area_fields[] = {
  { "id", "area-id", FALSE },
  { "name", "area-name", FALSE },
};

static const HccJsonField schedule_fields[] = {
  { "name|Name", "schedule-name", FALSE },
};

static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
static const guint8 jpeg_magic[] = { 0xff, 0xd8, 0xff };
static const guint8 gif_magic[] = { 'G', 'I', 'F', '8' };

static gboolean
has_magic (const guint8 *data,
           gsize         len,
           const guint8 *magic,
           gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* The guide only says "base64" (T41): the bytes may be an image of the QR
 * code or the payload to encode. Sniff the image signatures. */
static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static void
decode_code (HccPass    *pass,
             const char *code)
{
  g_autofree guint8 *data = NULL;
  g_autofree char *clean = NULL;
  gsize len = 0;

  if (code == NULL || *code == '\0')
    {
      hcc_pass_set_code_image (pass, NULL);
      hcc_pass_set_code_text (pass, NULL);
      return;
    }

  /* Some encoders wrap lines or use the URL-safe alphabet. */
  clean = g_strdup (code);
  g_strdelimit (clean, "-", '+');
  g_strdelimit (clean, "_", '/');
  {
    char *w = clean;

    for (const char *r = clean; *r != '\0'; r++)
      if (!g_ascii_isspace (*r))
        *w++ = *r;
    *w = '\0';
  }

  data = g_base64_decode (clean, &len);

  if (has_magic (data, len, png_magic, sizeof png_magic) ||
      has_magic (data, len, jpeg_magic, sizeof jpeg_magic) ||
      has_magic (data, len, gif_magic, sizeof gif_magic))
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, len);

      hcc_pass_set_code_image (pass, bytes);
      hcc_pass_set_code_text (pass, NULL);
    }
  else if (len > 0 && g_utf8_validate ((const char *) data, len, NULL) &&
           memchr (data, '\0', len) == NULL)
    {
      g_autofree char *text = g_strndup ((const char *) data, len);

      hcc_pass_set_code_image (pass, NULL);
      hcc_pass_set_code_text (pass, text);
    }
  else
    {
      /* Not Base64 after all, or binary we cannot show: encode the code
       * string itself, which is what a scanner at the door reads. */
      g_debug ("QR code is neither an image nor text; using it as is");
      hcc_pass_set_code_image (pass, NULL);
      hcc_pass_set_code_text (pass, code);
    }
}

gboolean
hcc_pass_update_from_json (HccPass     *pass,
                           JsonObject  *object,
                           GError     **error)
{
  g_autofree char *code = NULL;
  g_autoptr(JsonArray) levels = NULL;
  g_autofree char *old_id = NULL;

  g_return_val_if_fail (HCC_IS_PASS (pass), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  /* tempauth/get does not repeat the id: keep the one we asked for. */
  old_id = g_strdup (hcc_pass_get_id (pass));
  if (old_id != NULL && hcc_json_lookup (object, "id", NULL) == NULL)
    {
      if (!hcc_json_map_object (object, G_OBJECT (pass), pass_fields + 1,
                                G_N_ELEMENTS (pass_fields) - 1, error))
        return FALSE;
    }
  else if (!hcc_json_map_object (object, G_OBJECT (pass), pass_fields,
                                 G_N_ELEMENTS (pass_fields), error))
    {
      return FALSE;
    }

  code = hcc_json_dup_string (object, "code", "qrCodeData", NULL);
  if (code != NULL)
    {
      /* Two consecutive gets with different codes: the code is dynamic. */
      if (hcc_pass_get_code (pass) != NULL && g_strcmp0 (hcc_pass_get_code (pass), code) != 0)
        hcc_pass_set_dynamic (pass, HCC_PASS_DYNAMIC_YES);
      hcc_pass_set_code (pass, code);
      decode_code (pass, code);
    }

  levels = hcc_json_dup_array (object, "accessLevelList", NULL);
  if (levels != NULL)
    {
      g_autoptr(GListModel) model = hcc_pager_map_items (levels, HCC_TYPE_ACCESS_LEVEL,
                                                         pass_level_fields,
                                                         G_N_ELEMENTS (pass_level_fields),
                                                         NULL);
      hcc_pass_set_access_levels (pass, model);
    }

  return TRUE;
}

static void
map_pass_extra (JsonObject *item,
                GObject    *target)
{
  g_autoptr(GError) error = NULL;

  if (!hcc_pass_update_from_json (HCC_PASS (target), item, &error))
    g_debug ("Pass entry incomplete: %s", error->message);
}

static void
map_access_level_extra (JsonObject *item,
                        GObject    *target)
{
  JsonObject *area = hcc_json_get_object (item, "areaInfo", NULL);
  JsonObject *schedule = hcc_json_get_object (item, "timeSchedule", NULL);

  if (area != NULL)
    hcc_json_map_object (area, target, id_name_area_fields, G_N_ELEMENTS (id_name_area_fields), NULL);
  if (schedule != NULL)
    hcc_json_map_object (schedule, target, schedule_fields, G_N_ELEMENTS (schedule_fields), NULL);
}

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

  if (g_task_get_source_tag (task) == hcc_passes_list_async)
    g_task_return_pointer (task,
                           hcc_pager_map_items (items, HCC_TYPE_PASS,
                                                pass_fields, G_N_ELEMENTS (pass_fields),
                                                map_pass_extra),
                           g_object_unref);
  else
    g_task_return_pointer (task,
                           hcc_pager_map_items (items, HCC_TYPE_ACCESS_LEVEL,
                                                access_level_fields,
                                                G_N_ELEMENTS (access_level_fields),
                                                map_access_level_extra),
                           g_object_unref);
}

void
hcc_passes_list_async (HccClient           *client,
                       const char          *query,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_passes_list_async);

  /* filter.name is required inside the filter, so the filter is only sent
   * with a query. */
  if (query != NULL && *query != '\0')
    {
      JsonObject *request = json_object_new ();
      JsonObject *filter = json_object_new ();

      json_object_set_string_member (filter, "name", query);
      json_object_set_object_member (request, "filter", filter);
      json_object_set_object_member (body, "searchRequest", request);
    }

  hcc_pager_fetch_async (client, "/vims/v1/tempauth/list", &passes_pager, body,
                         cancellable, list_cb, g_steal_pointer (&task));
}

GListModel *
hcc_passes_list_finish (HccClient     *client,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_passes_list_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static JsonNode *
node_from_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return hcc_time_format (now);
}

static void
get_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HccPass *pass = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_SERVER,
                               _("The platform sent no pass."));
      return;
    }

  if (!hcc_pass_update_from_json (pass, json_node_get_object (reply), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_get_source_tag (task) == hcc_passes_get_async)
    g_task_return_pointer (task, g_object_ref (pass), g_object_unref);
  else
    g_task_return_boolean (task, TRUE);
}

static void
start_get (HccClient           *client,
           HccPass             *pass,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  g_autofree char *now = now_iso8601 ();
  JsonObject *root;
  g_autoptr(JsonNode) body = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_object_ref (pass), g_object_unref);

  if (hcc_pass_get_id (pass) == NULL || *hcc_pass_get_id (pass) == '\0')
    {
      g_task_return_error (task, hcc_validation_error_new ("id", _("The pass has no ID.")));
      return;
    }

  root = json_object_new ();
  json_object_set_string_member (root, "id", hcc_pass_get_id (pass));
  json_object_set_string_member (root, "clientLocalTime", now);
  body = node_from_object (root);

  /* A read: a retry is harmless. Interactive, as someone waits at the desk. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_RETRY_SAFE,
                            "/vims/v1/tempauth/get", body, cancellable,
                            get_cb, g_steal_pointer (&task));
}

void
hcc_passes_get_async (HccClient           *client,
                      const char          *pass_id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(HccPass) pass = hcc_pass_new ();

  g_return_if_fail (HCC_IS_CLIENT (client));

  hcc_pass_set_id (pass, pass_id);
  start_get (client, pass, hcc_passes_get_async, cancellable, callback, user_data);
}

HccPass *
hcc_passes_get_finish (HccClient     *client,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_passes_get_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hcc_passes_refresh_async (HccClient           *client,
                          HccPass             *pass,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (HCC_IS_CLIENT (client));
  g_return_if_fail (HCC_IS_PASS (pass));

  start_get (client, pass, hcc_passes_refresh_async, cancellable, callback, user_data);
}

gboolean
hcc_passes_refresh_finish (HccClient     *client,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_passes_refresh_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
hcc_passes_validate (HccPass  *pass,
                     GError  **error)
{
  const char *name;
  int open_count;
  GDateTime *start;
  GDateTime *end;

  g_return_val_if_fail (HCC_IS_PASS (pass), FALSE);

  name = hcc_pass_get_name (pass);
  if (name == NULL || is_blank (name))
    {
      g_propagate_error (error, hcc_validation_error_new ("name", _("Enter a name for the pass.")));
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > PASS_NAME_MAX_CHARS)
    {
      g_propagate_error (error, hcc_validation_error_new ("name",
                                                          _("The pass name can have at most 32 characters.")));
      return FALSE;
    }

  open_count = hcc_pass_get_open_count (pass);
  if (open_count < PASS_OPEN_COUNT_MIN || open_count > PASS_OPEN_COUNT_MAX)
    {
      g_propagate_error (error, hcc_validation_error_new ("openCount",
                                                          _("A pass allows 1 to 200 entries per door.")));
      return FALSE;
    }

  start = hcc_pass_get_start_time (pass);
  end = hcc_pass_get_end_time (pass);
  if (start == NULL)
    {
      g_propagate_error (error, hcc_validation_error_new ("startTime",
                                                          _("Choose when the pass becomes valid.")));
      return FALSE;
    }
  if (end == NULL)
    {
      g_propagate_error (error, hcc_validation_error_new ("endTime",
                                                          _("Choose when the pass expires.")));
      return FALSE;
    }
  if (g_date_time_compare (start, end) >= 0)
    {
      g_propagate_error (error, hcc_validation_error_new ("endTime",
                                                          _("The pass must expire after it becomes valid.")));
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
build_pass_body (HccPass            *pass,
                 gboolean            is_update,
                 const char * const *access_level_ids)
{
  JsonObject *root = json_object_new ();
  JsonArray *al_ids = json_array_new ();
  g_autofree char *start = hcc_time_format (hcc_pass_get_start_time (pass));
  g_autofree char *end = hcc_time_format (hcc_pass_get_end_time (pass));
  g_autofree char *now = now_iso8601 ();

  if (is_update)
    json_object_set_string_member (root, "id", hcc_pass_get_id (pass));
  json_object_set_string_member (root, "name", hcc_pass_get_name (pass));
  json_object_set_int_member (root, "openCount", hcc_pass_get_open_count (pass));
  /* ISO 8601 with the real local offset, although the table also says
   * "unit: ms" (T11). */
  json_object_set_string_member (root, "startTime", start);
  json_object_set_string_member (root, "endTime", end);
  json_object_set_string_member (root, "clientLocalTime", now);

  /* Always an array, even where the table says String (T8), and always
   * sent: the portal requires access levels. */
  if (access_level_ids != NULL)
    {
      for (guint i = 0; access_level_ids[i] != NULL; i++)
        json_array_add_string_element (al_ids, access_level_ids[i]);
    }
  else
    {
      GListModel *levels = hcc_pass_get_access_levels (pass);

      for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
        {
          g_autoptr(HccAccessLevel) level = g_list_model_get_item (levels, i);

          json_array_add_string_element (al_ids, hcc_access_level_get_id (level));
        }
    }
  json_object_set_array_member (root, "alIds", al_ids);

  return node_from_object (root);
}

static void
add_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HccPass *pass = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_get_source_tag (task) == hcc_passes_add_async)
    {
      if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply) ||
          !hcc_pass_update_from_json (pass, json_node_get_object (reply), &error))
        {
          g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_SERVER,
                                   _("The platform did not return the new pass."));
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
start_write (HccClient           *client,
             HccPass             *pass,
             const char * const  *access_level_ids,
             gboolean             is_update,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_object_ref (pass), g_object_unref);

  if (is_update && (hcc_pass_get_id (pass) == NULL || *hcc_pass_get_id (pass) == '\0'))
    {
      g_task_return_error (task, hcc_validation_error_new ("id", _("The pass has no ID.")));
      return;
    }

  if (!hcc_passes_validate (pass, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  body = build_pass_body (pass, is_update, access_level_ids);

  /* An add is not retried (a lost reply may hide a created pass, and a
   * repeat makes a second one); an update sends the complete state and may
   * be repeated. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE,
                            is_update ? HCC_REQUEST_RETRY_SAFE : HCC_REQUEST_NONE,
                            is_update ? "/vims/v1/tempauth/update" : "/vims/v1/tempauth/add",
                            body, cancellable, add_cb, g_steal_pointer (&task));
}

void
hcc_passes_add_async (HccClient           *client,
                      HccPass             *pass,
                      const char * const  *access_level_ids,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (HCC_IS_CLIENT (client));
  g_return_if_fail (HCC_IS_PASS (pass));

  start_write (client, pass, access_level_ids, FALSE, hcc_passes_add_async,
               cancellable, callback, user_data);
}

gboolean
hcc_passes_add_finish (HccClient     *client,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_passes_add_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hcc_passes_update_async (HccClient           *client,
                         HccPass             *pass,
                         const char * const  *access_level_ids,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (HCC_IS_CLIENT (client));
  g_return_if_fail (HCC_IS_PASS (pass));

  start_write (client, pass, access_level_ids, TRUE, hcc_passes_update_async,
               cancellable, callback, user_data);
}

gboolean
hcc_passes_update_finish (HccClient     *client,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_passes_update_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
hcc_passes_delete_async (HccClient           *client,
                         const char * const  *pass_ids,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *root;
  JsonArray *list;

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_passes_delete_async);

  if (pass_ids == NULL || pass_ids[0] == NULL || *pass_ids[0] == '\0')
    {
      g_task_return_error (task, hcc_validation_error_new ("deleteList",
                                                           _("Choose at least one pass.")));
      return;
    }

  root = json_object_new ();
  list = json_array_new ();
  for (guint i = 0; pass_ids[i] != NULL; i++)
    json_array_add_string_element (list, pass_ids[i]);
  json_object_set_array_member (root, "deleteList", list);
  body = node_from_object (root);

  /* Not retried: a repeat after a lost success reply fails with "not
   * found" and would report an error for a deleted pass. */
  hcc_client_request_async (client, HCC_LANE_INTERACTIVE, HCC_REQUEST_NONE,
                            "/vims/v1/tempauth/delete", body, cancellable,
                            delete_cb, g_steal_pointer (&task));
}

gboolean
hcc_passes_delete_finish (HccClient     *client,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_passes_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hcc_access_levels_list_async (HccClient           *client,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_access_levels_list_async);

  json_object_set_object_member (body, "accessLevelSearchRequest", json_object_new ());
  hcc_pager_fetch_async (client, "/acspm/v1/accesslevel/list", &access_levels_pager, body,
                         cancellable, list_cb, g_steal_pointer (&task));
}

GListModel *
hcc_access_levels_list_finish (HccClient     *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_access_levels_list_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

HccAccessLevel *
hcc_passes_parse_access_level (JsonObject  *object,
                               GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);

  return (HccAccessLevel *) hcc_pager_map_one (object, HCC_TYPE_ACCESS_LEVEL, access_level_fields, G_N_ELEMENTS (access_level_fields),
                                            map_access_level_extra, error);
}
