/* hcc-door-result.h: the outcome of a remote door command for one door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_DOOR_RESULT (hcc_door_result_get_type ())

G_DECLARE_FINAL_TYPE (HccDoorResult, hcc_door_result, HCC, DOOR_RESULT, GObject)

HccDoorResult *hcc_door_result_new            (void);
const char    *hcc_door_result_get_door_id    (HccDoorResult *self);
const char    *hcc_door_result_get_door_name  (HccDoorResult *self);
const char    *hcc_door_result_get_area_name  (HccDoorResult *self);
gboolean       hcc_door_result_get_succeeded  (HccDoorResult *self);
const char    *hcc_door_result_get_error_code (HccDoorResult *self);
void           hcc_door_result_set_door_id    (HccDoorResult *self,
                                               const char    *door_id);
void           hcc_door_result_set_door_name  (HccDoorResult *self,
                                               const char    *door_name);
void           hcc_door_result_set_area_name  (HccDoorResult *self,
                                               const char    *area_name);
void           hcc_door_result_set_succeeded  (HccDoorResult *self,
                                               gboolean       succeeded);
void           hcc_door_result_set_error_code (HccDoorResult *self,
                                               const char    *error_code);

G_END_DECLS
