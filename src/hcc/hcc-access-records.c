/* hcc-access-records.c: searching the access log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-access-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hcc-access-records.h"
#include "hcc-error.h"
#include "hcc-json.h"
#include "hcc-pager.h"
#include "hcc-validation.h"

/* pageIndex from 1, pageSize 1..200 (T52), totalNum. The envelope's
 * message is errorMsg here (T16), which the client core reads. */
#define RECORDS_PAGE_SIZE 200

static const HccJsonField record_fields[] = {
  { "recordGuid|id", "id", FALSE },
  { "elementId|elementID", "element-id", FALSE },
  { "elementName", "element-name", FALSE },
  { "elementType", "element-type", FALSE },
  { "areaName", "area-name", FALSE },
  { "deviceName", "device-name", FALSE },
  { "cardReaderName", "card-reader-name", FALSE },
  { "occurTime|deviceTime|recordTime", "occur-time", FALSE },
  { "eventType", "event-type", FALSE },
  { "swipeAuthResult", "succeeded", FALSE },
  { "cardNumber", "card-number", FALSE },
  { "direction", "direction", FALSE },
  { "elementPicUrl", "element-pic-url", FALSE },
};

static void
map_record_extra (JsonObject *item,
                  GObject    *target)
{
  JsonObject *person = hcc_json_get_object (item, "personInfo", NULL);
  JsonObject *base;
  g_autofree char *id = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *name = NULL;

  if (person == NULL)
    return;

  id = hcc_json_dup_string (person, "id", "personId", NULL);
  hcc_access_record_set_person_id (HCC_ACCESS_RECORD (target), id);

  base = hcc_json_get_object (person, "baseInfo", NULL);
  if (base == NULL)
    return;

  first = hcc_json_dup_string (base, "firstName", NULL);
  last = hcc_json_dup_string (base, "lastName", NULL);
  name = g_strstrip (g_strdup_printf ("%s %s", first != NULL ? first : "", last != NULL ? last : ""));
  if (*name != '\0')
    hcc_access_record_set_person_name (HCC_ACCESS_RECORD (target), name);
}

static void
search_cb (GObject      *source,
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
                         hcc_pager_map_items (items, HCC_TYPE_ACCESS_RECORD,
                                              record_fields, G_N_ELEMENTS (record_fields),
                                              map_record_extra),
                         g_object_unref);
}

void
hcc_access_records_search_async (HccClient           *client,
                                 GDateTime           *begin,
                                 GDateTime           *end,
                                 const char          *door_id,
                                 guint                max_records,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) body = NULL;
  JsonObject *criteria;
  HccPagerConfig pager = {
    .page_key = "pageIndex",
    .base = 1,
    .page_size = RECORDS_PAGE_SIZE,
    .list_keys = "recordList",
    .total_keys = "totalNum|totalCount",
  };

  g_return_if_fail (HCC_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_access_records_search_async);

  if (begin != NULL && end != NULL && g_date_time_compare (begin, end) >= 0)
    {
      g_task_return_error (task, hcc_validation_error_new ("endTime",
                                                           _("The search must end after it begins.")));
      return;
    }

  if (max_records > 0)
    {
      pager.page_size = MIN (max_records, RECORDS_PAGE_SIZE);
      pager.max_pages = (max_records + pager.page_size - 1) / pager.page_size;
    }

  body = json_object_new ();
  criteria = json_object_new ();
  if (begin != NULL)
    {
      g_autofree char *text = hcc_time_format (begin);

      json_object_set_string_member (criteria, "beginTime", text);
    }
  if (end != NULL)
    {
      g_autofree char *text = hcc_time_format (end);

      json_object_set_string_member (criteria, "endTime", text);
    }
  /* Client time; all results; by person. */
  json_object_set_int_member (criteria, "type", 0);
  json_object_set_int_member (criteria, "swipeAuthResult", 0);
  json_object_set_int_member (criteria, "searchType", 0);
  if (door_id != NULL && *door_id != '\0')
    json_object_set_string_member (criteria, "elementIDs", door_id);
  json_object_set_object_member (body, "searchCriteria", criteria);

  /* The pager copies its configuration, so a stack one is fine. */
  hcc_pager_fetch_async (client, "/acs/v1/event/certificaterecords/search", &pager, body,
                         cancellable, search_cb, g_steal_pointer (&task));
}

GListModel *
hcc_access_records_search_finish (HccClient     *client,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_access_records_search_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

HccAccessRecord *
hcc_access_records_parse_record (JsonObject  *object,
                                 GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);

  return (HccAccessRecord *) hcc_pager_map_one (object, HCC_TYPE_ACCESS_RECORD, record_fields, G_N_ELEMENTS (record_fields),
                                             map_record_extra, error);
}
