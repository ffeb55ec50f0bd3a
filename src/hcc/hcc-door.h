/* hcc-door.h: one door of the site, as resource/v1/areas/doors/get lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_DOOR (hcc_door_get_type ())

G_DECLARE_FINAL_TYPE (HccDoor, hcc_door, HCC, DOOR, GObject)

HccDoor    *hcc_door_new                 (void);
const char *hcc_door_get_id              (HccDoor *self);
const char *hcc_door_get_name            (HccDoor *self);
gboolean    hcc_door_get_online          (HccDoor *self);
const char *hcc_door_get_area_id         (HccDoor *self);
const char *hcc_door_get_area_name       (HccDoor *self);
const char *hcc_door_get_device_id       (HccDoor *self);
const char *hcc_door_get_device_serial   (HccDoor *self);
const char *hcc_door_get_device_category (HccDoor *self);
const char *hcc_door_get_channel_id      (HccDoor *self);
const char *hcc_door_get_channel_no      (HccDoor *self);
void        hcc_door_set_id              (HccDoor    *self,
                                          const char *id);
void        hcc_door_set_name            (HccDoor    *self,
                                          const char *name);
void        hcc_door_set_online          (HccDoor  *self,
                                          gboolean  online);
void        hcc_door_set_area_id         (HccDoor    *self,
                                          const char *area_id);
void        hcc_door_set_area_name       (HccDoor    *self,
                                          const char *area_name);
void        hcc_door_set_device_id       (HccDoor    *self,
                                          const char *device_id);
void        hcc_door_set_device_serial   (HccDoor    *self,
                                          const char *device_serial);
void        hcc_door_set_device_category (HccDoor    *self,
                                          const char *device_category);
void        hcc_door_set_channel_id      (HccDoor    *self,
                                          const char *channel_id);
void        hcc_door_set_channel_no      (HccDoor    *self,
                                          const char *channel_no);

G_END_DECLS
