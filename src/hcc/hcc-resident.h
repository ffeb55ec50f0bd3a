/* hcc-resident.h: one resident: a person linked to rooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_RESIDENT (hcc_resident_get_type ())

G_DECLARE_FINAL_TYPE (HccResident, hcc_resident, HCC, RESIDENT, GObject)

HccResident *hcc_resident_new              (void);
const char  *hcc_resident_get_id           (HccResident *self);
const char  *hcc_resident_get_person_code  (HccResident *self);
const char  *hcc_resident_get_first_name   (HccResident *self);
const char  *hcc_resident_get_last_name    (HccResident *self);
int          hcc_resident_get_gender       (HccResident *self);
const char  *hcc_resident_get_phone        (HccResident *self);
const char  *hcc_resident_get_email        (HccResident *self);
const char  *hcc_resident_get_description  (HccResident *self);
gboolean     hcc_resident_get_expired      (HccResident *self);
const char  *hcc_resident_get_photo_url    (HccResident *self);
const char  *hcc_resident_get_head_pic_url (HccResident *self);
GDateTime   *hcc_resident_get_start_time   (HccResident *self);
GDateTime   *hcc_resident_get_end_time     (HccResident *self);
const char  *hcc_resident_get_language     (HccResident *self);
GListModel  *hcc_resident_get_rooms        (HccResident *self);
void         hcc_resident_set_id           (HccResident *self,
                                            const char  *id);
void         hcc_resident_set_person_code  (HccResident *self,
                                            const char  *person_code);
void         hcc_resident_set_first_name   (HccResident *self,
                                            const char  *first_name);
void         hcc_resident_set_last_name    (HccResident *self,
                                            const char  *last_name);
void         hcc_resident_set_gender       (HccResident *self,
                                            int          gender);
void         hcc_resident_set_phone        (HccResident *self,
                                            const char  *phone);
void         hcc_resident_set_email        (HccResident *self,
                                            const char  *email);
void         hcc_resident_set_description  (HccResident *self,
                                            const char  *description);
void         hcc_resident_set_expired      (HccResident *self,
                                            gboolean     expired);
void         hcc_resident_set_photo_url    (HccResident *self,
                                            const char  *photo_url);
void         hcc_resident_set_head_pic_url (HccResident *self,
                                            const char  *head_pic_url);
void         hcc_resident_set_start_time   (HccResident *self,
                                            GDateTime   *start_time);
void         hcc_resident_set_end_time     (HccResident *self,
                                            GDateTime   *end_time);
void         hcc_resident_set_language     (HccResident *self,
                                            const char  *language);
void         hcc_resident_set_rooms        (HccResident *self,
                                            GListModel  *rooms);

G_END_DECLS
