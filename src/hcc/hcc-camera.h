/* hcc-camera.h: one camera channel, as resource/v1/areas/cameras/get lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_CAMERA (hcc_camera_get_type ())

G_DECLARE_FINAL_TYPE (HccCamera, hcc_camera, HCC, CAMERA, GObject)

HccCamera  *hcc_camera_new               (void);
const char *hcc_camera_get_id            (HccCamera *self);
const char *hcc_camera_get_name          (HccCamera *self);
const char *hcc_camera_get_ability_set   (HccCamera *self);
gboolean    hcc_camera_get_online        (HccCamera *self);
const char *hcc_camera_get_area_id       (HccCamera *self);
const char *hcc_camera_get_area_name     (HccCamera *self);
const char *hcc_camera_get_device_id     (HccCamera *self);
const char *hcc_camera_get_device_serial (HccCamera *self);
const char *hcc_camera_get_channel_id    (HccCamera *self);
const char *hcc_camera_get_channel_no    (HccCamera *self);
void        hcc_camera_set_id            (HccCamera  *self,
                                          const char *id);
void        hcc_camera_set_name          (HccCamera  *self,
                                          const char *name);
void        hcc_camera_set_ability_set   (HccCamera  *self,
                                          const char *ability_set);
void        hcc_camera_set_online        (HccCamera *self,
                                          gboolean   online);
void        hcc_camera_set_area_id       (HccCamera  *self,
                                          const char *area_id);
void        hcc_camera_set_area_name     (HccCamera  *self,
                                          const char *area_name);
void        hcc_camera_set_device_id     (HccCamera  *self,
                                          const char *device_id);
void        hcc_camera_set_device_serial (HccCamera  *self,
                                          const char *device_serial);
void        hcc_camera_set_channel_id    (HccCamera  *self,
                                          const char *channel_id);
void        hcc_camera_set_channel_no    (HccCamera  *self,
                                          const char *channel_no);

G_END_DECLS
