/* concierge-station-video.h: the live video of a calling door station
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the camera of a door station from its serial, asks the platform for
 * a live address and plays it in a ConciergePlayer, renewing the address
 * before it expires. Shared by the ringing preview and the call view.
 */

#pragma once

#include "concierge-player.h"
#include "hcc.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_STATION_VIDEO (concierge_station_video_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeStationVideo, concierge_station_video,
                      CONCIERGE, STATION_VIDEO, GObject)

ConciergeStationVideo *concierge_station_video_new              (HccClient             *client,
                                                                 ConciergePlayer       *player);
/* HLS unless changed; the quality is HD unless changed. */
void                   concierge_station_video_set_protocol     (ConciergeStationVideo *self,
                                                                 HccStreamProtocol      protocol);
void                   concierge_station_video_set_quality      (ConciergeStationVideo *self,
                                                                 HccStreamQuality       quality);
/* Looks up the station @device_serial and starts its stream. Starting the
 * same serial again while it plays does nothing. */
void                   concierge_station_video_start            (ConciergeStationVideo *self,
                                                                 const char            *device_serial);
/* Stops the stream (the player tears down off the main loop) and cancels
 * any look-up in flight. */
void                   concierge_station_video_stop             (ConciergeStationVideo *self);
/* (nullable) the serial being shown. */
const char            *concierge_station_video_get_serial       (ConciergeStationVideo *self);
/* (nullable) why there is no video (translated), e.g. the station has no
 * camera or the platform refused the live address. Notifies "problem". */
const char            *concierge_station_video_get_problem      (ConciergeStationVideo *self);
/* (nullable) the area (building) of the station's camera, once found.
 * Notifies "area-name". */
const char            *concierge_station_video_get_area_name    (ConciergeStationVideo *self);
/* (nullable) the address being played, once the platform gave one. */
HccLiveAddress        *concierge_station_video_get_address      (ConciergeStationVideo *self);
/* How many live addresses were fetched for the current station. */
guint                  concierge_station_video_get_n_addresses  (ConciergeStationVideo *self);
/* Tests: renew this many seconds before expiry (default 60). */
void                   concierge_station_video_set_renew_margin (ConciergeStationVideo *self,
                                                                 guint                  seconds);

G_END_DECLS
