/* hcc-pager.c: one pager for every paging variant of the platform
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-pager"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hcc-error.h"
#include "hcc-json.h"
#include "hcc-pager.h"

/* The pause between two pages. The budget is 5 requests in any second for
 * the whole process; a sync that took all of it would make every door
 * button wait for a free slot. At most about 3 pages a second leave room
 * for the event stream and for interactive requests. */
#define PAGE_GAP_MS 300

typedef struct {
  HccClient      *client;  /* (owned) */
  char           *path;    /* (owned) */
  HccPagerConfig  config;  /* the strings are static */
  JsonObject     *body;    /* (owned) private deep copy */
  JsonArray      *items;   /* (owned) */
  guint           page;    /* the page asked for next */
  guint           n_pages;
  gint64          total;   /* -1 when the endpoint gives none */
  gboolean        probing; /* the request in flight is the page-0 probe */
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_clear_object (&data->client);
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->body, json_object_unref);
  g_clear_pointer (&data->items, json_array_unref);
  g_free (data);
}

JsonNode *
hcc_pager_lookup (JsonObject *object,
                  const char *names)
{
  g_auto(GStrv) spellings = NULL;

  if (object == NULL || names == NULL)
    return NULL;

  spellings = g_strsplit (names, "|", -1);
  for (guint i = 0; spellings[i] != NULL; i++)
    {
      JsonNode *node = hcc_json_lookup (object, spellings[i], NULL);

      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        return node;
    }

  return NULL;
}

/* The guide types counts and flags loosely (T12): numbers, digit strings and
 * booleans are all accepted. */
static gboolean
lookup_int (JsonObject *object,
            const char *names,
            gint64     *value)
{
  g_auto(GStrv) spellings = NULL;

  if (object == NULL || names == NULL)
    return FALSE;

  spellings = g_strsplit (names, "|", -1);
  for (guint i = 0; spellings[i] != NULL; i++)
    if (hcc_json_get_int (object, value, spellings[i], NULL))
      return TRUE;

  return FALSE;
}

/* Paths found to number their pages from 0 (T19); guarded by the lock,
 * as services may run on several threads' contexts. */
static GMutex      zero_based_lock;
static GHashTable *zero_based_paths;

static gboolean
is_zero_based (const char *path)
{
  gboolean result;

  g_mutex_lock (&zero_based_lock);
  result = zero_based_paths != NULL && g_hash_table_contains (zero_based_paths, path);
  g_mutex_unlock (&zero_based_lock);

  return result;
}

static void
mark_zero_based (const char *path)
{
  g_mutex_lock (&zero_based_lock);
  if (zero_based_paths == NULL)
    zero_based_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (zero_based_paths, g_strdup (path));
  g_mutex_unlock (&zero_based_lock);
}

static gboolean
same_node (JsonNode *a,
           JsonNode *b)
{
  g_autofree char *text_a = json_to_string (a, FALSE);
  g_autofree char *text_b = json_to_string (b, FALSE);

  return g_str_equal (text_a, text_b);
}

static void fetch_next_page (GTask *task);

static gboolean
next_page_cb (gpointer user_data)
{
  GTask *task = user_data;

  /* fetch_next_page() takes its own reference; the source drops ours. */
  if (!g_task_return_error_if_cancelled (task))
    fetch_next_page (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

static void
finish_probe (GTask    *task,
              JsonNode *list_node)
{
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(JsonArray) merged = NULL;
  JsonArray *page;

  if (list_node != NULL && JSON_NODE_HOLDS_ARRAY (list_node) &&
      json_array_get_length (json_node_get_array (list_node)) > 0)
    {
      page = json_node_get_array (list_node);

      /* Page 0 repeating page 1 means the base was 1 after all. */
      if (json_array_get_length (data->items) == 0 ||
          !same_node (json_array_get_element (page, 0), json_array_get_element (data->items, 0)))
        {
          g_debug ("%s numbers its pages from 0", data->path);
          mark_zero_based (data->path);

          merged = json_array_new ();
          for (guint i = 0; i < json_array_get_length (page); i++)
            json_array_add_element (merged, json_node_copy (json_array_get_element (page, i)));
          for (guint i = 0; i < json_array_get_length (data->items); i++)
            json_array_add_element (merged, json_node_copy (json_array_get_element (data->items, i)));
          json_array_unref (data->items);
          data->items = g_steal_pointer (&merged);
        }
    }

  g_task_return_pointer (task, json_array_ref (data->items), (GDestroyNotify) json_array_unref);
  g_object_unref (task);
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonObject *inner = NULL;
  JsonNode *list_node = NULL;
  guint n_items = 0;
  gint64 total = -1;
  gint64 flag;
  gboolean last = FALSE;

  reply = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A reply without data is an empty last page. */
  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    {
      g_task_return_pointer (task, json_array_ref (data->items),
                             (GDestroyNotify) json_array_unref);
      return;
    }

  object = json_node_get_object (reply);
  if (data->config.response_wrapper != NULL)
    {
      JsonNode *node = hcc_pager_lookup (object, data->config.response_wrapper);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        inner = json_node_get_object (node);
    }

  if (inner != NULL)
    list_node = hcc_pager_lookup (inner, data->config.list_keys);
  if (list_node == NULL)
    list_node = hcc_pager_lookup (object, data->config.list_keys);

  if (data->probing)
    {
      finish_probe (g_steal_pointer (&task), list_node);
      return;
    }

  if (list_node != NULL && JSON_NODE_HOLDS_ARRAY (list_node))
    {
      JsonArray *array = json_node_get_array (list_node);

      n_items = json_array_get_length (array);
      for (guint i = 0; i < n_items; i++)
        json_array_add_element (data->items,
                                json_node_copy (json_array_get_element (array, i)));
    }
  else if (list_node != NULL && JSON_NODE_HOLDS_OBJECT (list_node))
    {
      /* A single object where a list was expected (T7). */
      n_items = 1;
      json_array_add_element (data->items, json_node_copy (list_node));
    }
  else if (list_node != NULL)
    {
      g_task_return_new_error (task, HCC_ERROR, HCC_ERROR_SERVER,
                               _("The platform sent a list of an unexpected type"));
      return;
    }

  data->n_pages++;

  /* The total is a record count even where the guide calls it pages (T20). */
  if (!(inner != NULL && lookup_int (inner, data->config.total_keys, &total)))
    if (!lookup_int (object, data->config.total_keys, &total))
      total = -1;
  data->total = total;

  /* With a total, trust it over a short page: a server that caps the page
   * size below ours would otherwise end the list after one page. */
  if (n_items == 0)
    last = TRUE;
  else if (total >= 0)
    last = json_array_get_length (data->items) >= (guint64) total;
  else
    last = n_items < data->config.page_size;

  if (!last && lookup_int (object, data->config.more_keys, &flag) && flag == 0)
    last = TRUE;
  if (!last && lookup_int (object, data->config.has_next_keys, &flag) && flag == 0)
    last = TRUE;
  if (!last && data->n_pages >= data->config.max_pages)
    {
      g_debug ("Stopping %s after %u pages", data->path, data->n_pages);
      last = TRUE;
    }

  if (last && total > json_array_get_length (data->items) && data->config.probe_base_zero &&
      data->config.base == 1 && !is_zero_based (data->path))
    {
      /* Short of the total from page 1 on: maybe the first page was 0. */
      data->probing = TRUE;
      data->page = 0;
      fetch_next_page (g_steal_pointer (&task));
      return;
    }

  if (last)
    {
      g_task_return_pointer (task, json_array_ref (data->items),
                             (GDestroyNotify) json_array_unref);
      return;
    }

  data->page++;
  g_timeout_add_full (G_PRIORITY_DEFAULT, PAGE_GAP_MS, next_page_cb, g_steal_pointer (&task),
                      g_object_unref);
}

static void
fetch_next_page (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  JsonObject *target = data->body;
  g_autoptr(JsonNode) body = NULL;

  if (data->config.request_wrapper != NULL)
    {
      JsonNode *node = json_object_get_member (data->body, data->config.request_wrapper);

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          json_object_set_object_member (data->body, data->config.request_wrapper,
                                         json_object_new ());
          node = json_object_get_member (data->body, data->config.request_wrapper);
        }
      target = json_node_get_object (node);
    }

  json_object_set_int_member (target, data->config.page_key, data->page);
  json_object_set_int_member (target, data->config.size_key, data->config.page_size);

  /* Every page gets a body of its own: the scheduler may hold a request for
   * a while, and this object changes for the next page. */
  body = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (body, json_object_ref (data->body));
  {
    g_autofree char *text = json_to_string (body, FALSE);
    g_clear_pointer (&body, json_node_unref);
    body = json_from_string (text, NULL);
  }

  /* Pages go one after another on the background lane, so a long directory
   * sync never holds more than one request in the budget at a time. */
  hcc_client_request_async (data->client,
                            HCC_LANE_BACKGROUND,
                            HCC_REQUEST_RETRY_SAFE,
                            data->path,
                            body,
                            g_task_get_cancellable (task),
                            page_cb,
                            task);
}

void
hcc_pager_fetch_async (HccClient            *client,
                       const char           *path,
                       const HccPagerConfig *config,
                       JsonObject           *body,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  FetchData *data;

  g_return_if_fail (HCC_IS_CLIENT (client));
  g_return_if_fail (path != NULL);
  g_return_if_fail (config != NULL && config->page_key != NULL && config->list_keys != NULL);
  g_return_if_fail (config->page_size > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_pager_fetch_async);

  data = g_new0 (FetchData, 1);
  data->client = g_object_ref (client);
  data->path = g_strdup (path);
  data->config = *config;
  if (data->config.size_key == NULL)
    data->config.size_key = "pageSize";
  if (data->config.max_pages == 0)
    data->config.max_pages = 10000;
  data->items = json_array_new ();
  data->total = -1;
  data->page = config->base;
  if (config->base == 1 && config->probe_base_zero && is_zero_based (path))
    data->page = 0;

  /* A deep copy: the caller's object stays untouched. */
  if (body != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) copy = NULL;

      json_node_set_object (node, body);
      text = json_to_string (node, FALSE);
      copy = json_from_string (text, NULL);
      data->body = json_object_ref (json_node_get_object (copy));
    }
  else
    {
      data->body = json_object_new ();
    }

  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  fetch_next_page (g_steal_pointer (&task));
}

JsonArray *
hcc_pager_fetch_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_pager_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static const HccJsonField resource_area_fields[] = {
  { "id", "area-id", FALSE },
  { "name", "area-name", FALSE },
};

static const HccJsonField resource_device_fields[] = {
  { "id", "device-id", FALSE },
  { "serialNo|deviceSerial", "device-serial", FALSE },
  { "category", "device-category", FALSE },
};

static const HccJsonField resource_channel_fields[] = {
  { "id", "channel-id", FALSE },
  { "no", "channel-no", FALSE },
};

static void
map_nested (JsonObject         *item,
            GObject            *target,
            const char         *member,
            const HccJsonField *fields,
            gsize               n_fields)
{
  JsonObject *object = hcc_json_get_object (item, member, NULL);
  g_autoptr(GError) error = NULL;

  if (object != NULL && !hcc_json_map_object (object, target, fields, n_fields, &error))
    g_debug ("Ignoring %s: %s", member, error->message);
}

void
hcc_pager_map_resource (JsonObject *item,
                        GObject    *target)
{
  JsonObject *device = hcc_json_get_object (item, "device", NULL);
  gsize n_device_fields = G_N_ELEMENTS (resource_device_fields);

  g_return_if_fail (item != NULL);
  g_return_if_fail (G_IS_OBJECT (target));

  /* Cameras keep no category; the table's last entry is the category. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (target), "device-category") == NULL)
    n_device_fields--;

  map_nested (item, target, "area", resource_area_fields, G_N_ELEMENTS (resource_area_fields));
  if (device != NULL)
    {
      map_nested (device, target, "devInfo", resource_device_fields, n_device_fields);
      map_nested (device, target, "channelInfo",
                  resource_channel_fields, G_N_ELEMENTS (resource_channel_fields));
    }
}

GListModel *
hcc_pager_map_items (JsonArray          *items,
                     GType               type,
                     const HccJsonField *fields,
                     gsize               n_fields,
                     HccPagerMapFunc     extra)
{
  g_autoptr(GListStore) store = g_list_store_new (type);
  guint n = items != NULL ? json_array_get_length (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(GObject) object = NULL;
      g_autoptr(GError) error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_debug ("Skipping list entry %u: not an object", i);
          continue;
        }

      object = g_object_new (type, NULL);
      if (!hcc_json_map_object (json_node_get_object (node), object, fields, n_fields, &error))
        {
          g_debug ("Skipping list entry %u: %s", i, error->message);
          continue;
        }

      if (extra != NULL)
        extra (json_node_get_object (node), object);

      g_list_store_append (store, object);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

GObject *
hcc_pager_map_one (JsonObject          *object,
                   GType                type,
                   const HccJsonField  *fields,
                   gsize                n_fields,
                   HccPagerMapFunc      extra,
                   GError             **error)
{
  g_autoptr(GObject) target = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  target = g_object_new (type, NULL);
  if (!hcc_json_map_object (object, target, fields, n_fields, error))
    return NULL;
  if (extra != NULL)
    extra (object, target);

  return g_steal_pointer (&target);
}
