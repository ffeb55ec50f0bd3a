/* hcc-building.h: one building of the vims directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_BUILDING (hcc_building_get_type ())

G_DECLARE_FINAL_TYPE (HccBuilding, hcc_building, HCC, BUILDING, GObject)

HccBuilding *hcc_building_new               (void);
const char  *hcc_building_get_id            (HccBuilding *self);
const char  *hcc_building_get_name          (HccBuilding *self);
const char  *hcc_building_get_area_id       (HccBuilding *self);
const char  *hcc_building_get_area_name     (HccBuilding *self);
int          hcc_building_get_total_rooms   (HccBuilding *self);
int          hcc_building_get_total_persons (HccBuilding *self);
const char  *hcc_building_get_device_names  (HccBuilding *self);
void         hcc_building_set_id            (HccBuilding *self,
                                             const char  *id);
void         hcc_building_set_name          (HccBuilding *self,
                                             const char  *name);
void         hcc_building_set_area_id       (HccBuilding *self,
                                             const char  *area_id);
void         hcc_building_set_area_name     (HccBuilding *self,
                                             const char  *area_name);
void         hcc_building_set_total_rooms   (HccBuilding *self,
                                             int          total_rooms);
void         hcc_building_set_total_persons (HccBuilding *self,
                                             int          total_persons);
void         hcc_building_set_device_names  (HccBuilding *self,
                                             const char  *device_names);

G_END_DECLS
