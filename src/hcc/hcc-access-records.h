/* hcc-access-records.h: searching the access log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hcc-access-record.h"
#include "hcc-client.h"

G_BEGIN_DECLS

/* The access records between @begin and @end (client time), of the door
 * @door_id when set (acs/v1/event/certificaterecords/search, 200 per page).
 * At most @max_records when it is not 0. GListModel of HccAccessRecord. */
void         hcc_access_records_search_async  (HccClient            *client,
                                               GDateTime            *begin,
                                               GDateTime            *end,
                                               const char           *door_id,
                                               guint                 max_records,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GListModel  *hcc_access_records_search_finish (HccClient            *client,
                                               GAsyncResult         *result,
                                               GError              **error);

/* A RecordInfo of certificaterecords/search,
 * read with every spelling the guide uses, through the same table as the
 * lists. (transfer full) */
HccAccessRecord *hcc_access_records_parse_record (JsonObject  *object,
                                                  GError     **error);

G_END_DECLS
