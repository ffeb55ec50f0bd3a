/* hcc-video.h: live addresses, recorded segments and saved clips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hcc-client.h"
#include "hcc-clip.h"
#include "hcc-live-address.h"
#include "hcc-record-segment.h"

G_BEGIN_DECLS

/* live/address/get protocol; EZOPEN (1) needs the vendor's SDK. */
typedef enum {
  HCC_STREAM_PROTOCOL_HLS  = 2,
  HCC_STREAM_PROTOCOL_RTMP = 3,
} HccStreamProtocol;

typedef enum {
  HCC_STREAM_QUALITY_HD     = 1,
  HCC_STREAM_QUALITY_FLUENT = 2,
} HccStreamQuality;

/* The live view of @camera_id (video/v1/live/address/get). When
 * @device_serial is NULL it is looked up with areas/cameras/get first.
 * @expire_seconds (RTMP only, 30 s to 720 days) may be 0 for the
 * platform's default. */
void             hcc_video_get_live_address_async  (HccClient            *client,
                                                    const char           *camera_id,
                                                    const char           *device_serial,
                                                    HccStreamProtocol     protocol,
                                                    HccStreamQuality      quality,
                                                    guint                 expire_seconds,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
HccLiveAddress  *hcc_video_get_live_address_finish (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The recorded segments of @camera_id on the local day of @day
 * (video/v1/record/element/search; no total, paged until a short page).
 * @cloud selects cloud instead of device recordings. GListModel of
 * HccRecordSegment. */
void             hcc_video_list_segments_async     (HccClient            *client,
                                                    const char           *camera_id,
                                                    GDateTime            *day,
                                                    gboolean              cloud,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel      *hcc_video_list_segments_finish    (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Has the device cut an MP4 of @begin..@end (video/v1/video/save) and
 * polls video/download/url until it is ready (status 0) or failed. The
 * clip comes back with its URLs; a failed, expired or deleted upload is
 * HCC_ERROR_DEVICE. */
void             hcc_video_save_clip_async         (HccClient            *client,
                                                    const char           *camera_id,
                                                    GDateTime            *begin,
                                                    GDateTime            *end,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
HccClip         *hcc_video_save_clip_finish        (HccClient            *client,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The pause between two polls of a clip's upload, 2000 ms by default;
 * tests shorten it. */
void             hcc_video_set_clip_poll_interval  (guint                 milliseconds);

/* A RecordListInfo of record/element/search,
 * read with every spelling the guide uses, through the same table as the
 * lists. (transfer full) */
HccRecordSegment *hcc_video_parse_segment (JsonObject  *object,
                                           GError     **error);

G_END_DECLS
