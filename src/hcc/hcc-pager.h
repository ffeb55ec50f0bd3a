/* hcc-pager.h: one pager for every paging variant of the platform
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guide pages its lists five different ways (catalogue §13.12, traps
 * T19-T21, T52): pageIndex, pageNum or page; base 0 or 1; per-endpoint size
 * limits; totalCount, totalNum, moreData, hasNext or nothing at all; and,
 * for access levels, paging keys nested one level down. An HccPagerConfig
 * describes one endpoint; the pager fetches its pages one after another on
 * the background lane and returns every item.
 */

#pragma once

#include "hcc-client.h"
#include "hcc-json.h"

G_BEGIN_DECLS

typedef struct {
  /* Page number key of the request ("pageIndex", "pageNum", "page"). */
  const char *page_key;
  /* The number of the first page: 0 or 1. */
  guint       base;
  /* Page size key of the request, "pageSize" when NULL. */
  const char *size_key;
  /* Items per page: at most the endpoint's own limit. */
  guint       page_size;
  /* When set, the paging keys go inside this member of the request body
   * (accesslevel/list: "accessLevelSearchRequest"). */
  const char *request_wrapper;
  /* When set, the list and total are looked up inside this member of data
   * first, then in data itself (accesslevel/list: "accessLevelResponse", T21). */
  const char *response_wrapper;
  /* '|'-separated spellings of the list key ("recordList|recordSetting"). */
  const char *list_keys;
  /* '|'-separated spellings of the total (a record count, T20), or NULL. */
  const char *total_keys;
  /* '|'-separated spellings of a 0/1 "more" flag, or NULL. */
  const char *more_keys;
  /* '|'-separated spellings of a hasNext boolean, or NULL. */
  const char *has_next_keys;
  /* Safety stop against a server that never says "last page"; 0 = 10000. */
  guint       max_pages;
  /* The guide shows both 0 and 1 as the first vims page (T19). With base 1
   * and this set, a list that ends short of its total asks page 0 once;
   * when that page holds other items the endpoint is taken as 0-based for
   * the rest of the process. */
  gboolean    probe_base_zero;
} HccPagerConfig;

void        hcc_pager_fetch_async   (HccClient            *client,
                                     const char           *path,
                                     const HccPagerConfig *config,
                                     JsonObject           *body,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
/* Every item of every page, in order. (transfer full) */
JsonArray  *hcc_pager_fetch_finish  (GAsyncResult         *result,
                                     GError              **error);

/* The first member named by one of the '|'-separated @names, or NULL. */
JsonNode   *hcc_pager_lookup        (JsonObject           *object,
                                     const char           *names);

/* Maps nested members the flat HccJsonField table cannot reach. */
typedef void (*HccPagerMapFunc) (JsonObject *item,
                                 GObject    *target);

/* Maps what the resource listings (areas/doors/get, areas/cameras/get)
 * nest in each entry: area {id, name} to area-id/area-name, and
 * device {devInfo {id, serialNo, category}, channelInfo {id, no}} to
 * device-id, device-serial, device-category (when @target has it),
 * channel-id and channel-no. An HccPagerMapFunc. */
void        hcc_pager_map_resource  (JsonObject           *item,
                                     GObject              *target);

/* A GListStore of @type, one object per item of @items mapped with @fields
 * and then @extra. Items that are not objects, or miss a required member,
 * are left out: one bad entry must not hide the rest of a list. */
GListModel *hcc_pager_map_items     (JsonArray            *items,
                                     GType                 type,
                                     const HccJsonField   *fields,
                                     gsize                 n_fields,
                                     HccPagerMapFunc       extra);

/* One object of @type from @object, mapped like a list entry. NULL with
 * @error set when a required member is missing. (transfer full) */
GObject    *hcc_pager_map_one       (JsonObject           *object,
                                     GType                 type,
                                     const HccJsonField   *fields,
                                     gsize                 n_fields,
                                     HccPagerMapFunc       extra,
                                     GError              **error);

G_END_DECLS
