/* hcc-devices.h: finding the cameras and doors of a door station
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hcc-camera.h"
#include "hcc-client.h"

G_BEGIN_DECLS

/* Every camera of the site, or of the device @device_serial
 * (resource/v1/areas/cameras/get). GListModel of HccCamera. */
void         hcc_devices_list_cameras_async  (HccClient            *client,
                                              const char           *device_serial,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GListModel  *hcc_devices_list_cameras_finish (HccClient            *client,
                                              GAsyncResult         *result,
                                              GError              **error);

/* The cameras and doors of the door station @device_serial
 * (DeviceTalkInfo.deviceSerial): areas/cameras/get and areas/doors/get
 * filtered by the serial, and resource/v1/devicedetail/get when both come
 * back empty. @cameras gets a GListModel of HccCamera, @doors one of
 * HccDoor; either may be empty. */
void         hcc_devices_find_station_async  (HccClient            *client,
                                              const char           *device_serial,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     hcc_devices_find_station_finish (HccClient            *client,
                                              GAsyncResult         *result,
                                              GListModel          **cameras,
                                              GListModel          **doors,
                                              GError              **error);

/* A CameraInfo entry of areas/cameras/get,
 * read with every spelling the guide uses, through the same table as the
 * lists. (transfer full) */
HccCamera *hcc_devices_parse_camera (JsonObject  *object,
                                     GError     **error);

G_END_DECLS
