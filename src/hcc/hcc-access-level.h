/* hcc-access-level.h: one access level (access group)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_ACCESS_LEVEL (hcc_access_level_get_type ())

G_DECLARE_FINAL_TYPE (HccAccessLevel, hcc_access_level, HCC, ACCESS_LEVEL, GObject)

HccAccessLevel *hcc_access_level_new               (void);
const char     *hcc_access_level_get_id            (HccAccessLevel *self);
const char     *hcc_access_level_get_name          (HccAccessLevel *self);
const char     *hcc_access_level_get_remark        (HccAccessLevel *self);
int             hcc_access_level_get_usage_type    (HccAccessLevel *self);
const char     *hcc_access_level_get_area_id       (HccAccessLevel *self);
const char     *hcc_access_level_get_area_name     (HccAccessLevel *self);
const char     *hcc_access_level_get_schedule_name (HccAccessLevel *self);
void            hcc_access_level_set_id            (HccAccessLevel *self,
                                                    const char     *id);
void            hcc_access_level_set_name          (HccAccessLevel *self,
                                                    const char     *name);
void            hcc_access_level_set_remark        (HccAccessLevel *self,
                                                    const char     *remark);
void            hcc_access_level_set_usage_type    (HccAccessLevel *self,
                                                    int             usage_type);
void            hcc_access_level_set_area_id       (HccAccessLevel *self,
                                                    const char     *area_id);
void            hcc_access_level_set_area_name     (HccAccessLevel *self,
                                                    const char     *area_name);
void            hcc_access_level_set_schedule_name (HccAccessLevel *self,
                                                    const char     *schedule_name);

G_END_DECLS
