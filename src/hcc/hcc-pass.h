/* hcc-pass.h: a temporary pass (tempauth) for a visitor or a courier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_PASS (hcc_pass_get_type ())

G_DECLARE_FINAL_TYPE (HccPass, hcc_pass, HCC, PASS, GObject)

HccPass    *hcc_pass_new               (void);
const char *hcc_pass_get_id            (HccPass *self);
const char *hcc_pass_get_name          (HccPass *self);
int         hcc_pass_get_open_count    (HccPass *self);
GDateTime  *hcc_pass_get_start_time    (HccPass *self);
GDateTime  *hcc_pass_get_end_time      (HccPass *self);
const char *hcc_pass_get_creator_id    (HccPass *self);
const char *hcc_pass_get_creator_name  (HccPass *self);
const char *hcc_pass_get_creator_email (HccPass *self);
gboolean    hcc_pass_get_expired       (HccPass *self);
const char *hcc_pass_get_password      (HccPass *self);
const char *hcc_pass_get_code          (HccPass *self);
GBytes     *hcc_pass_get_code_image    (HccPass *self);
const char *hcc_pass_get_code_text     (HccPass *self);
int         hcc_pass_get_dynamic       (HccPass *self);
GListModel *hcc_pass_get_access_levels (HccPass *self);
void        hcc_pass_set_id            (HccPass    *self,
                                        const char *id);
void        hcc_pass_set_name          (HccPass    *self,
                                        const char *name);
void        hcc_pass_set_open_count    (HccPass *self,
                                        int      open_count);
void        hcc_pass_set_start_time    (HccPass   *self,
                                        GDateTime *start_time);
void        hcc_pass_set_end_time      (HccPass   *self,
                                        GDateTime *end_time);
void        hcc_pass_set_creator_id    (HccPass    *self,
                                        const char *creator_id);
void        hcc_pass_set_creator_name  (HccPass    *self,
                                        const char *creator_name);
void        hcc_pass_set_creator_email (HccPass    *self,
                                        const char *creator_email);
void        hcc_pass_set_expired       (HccPass  *self,
                                        gboolean  expired);
void        hcc_pass_set_password      (HccPass    *self,
                                        const char *password);
void        hcc_pass_set_code          (HccPass    *self,
                                        const char *code);
void        hcc_pass_set_code_image    (HccPass *self,
                                        GBytes  *code_image);
void        hcc_pass_set_code_text     (HccPass    *self,
                                        const char *code_text);
void        hcc_pass_set_dynamic       (HccPass *self,
                                        int      dynamic);
void        hcc_pass_set_access_levels (HccPass    *self,
                                        GListModel *access_levels);

G_END_DECLS
