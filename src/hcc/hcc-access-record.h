/* hcc-access-record.h: one access-log entry (RecordInfo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_ACCESS_RECORD (hcc_access_record_get_type ())

G_DECLARE_FINAL_TYPE (HccAccessRecord, hcc_access_record, HCC, ACCESS_RECORD, GObject)

HccAccessRecord *hcc_access_record_new                  (void);
const char      *hcc_access_record_get_id               (HccAccessRecord *self);
const char      *hcc_access_record_get_element_id       (HccAccessRecord *self);
const char      *hcc_access_record_get_element_name     (HccAccessRecord *self);
int              hcc_access_record_get_element_type     (HccAccessRecord *self);
const char      *hcc_access_record_get_area_name        (HccAccessRecord *self);
const char      *hcc_access_record_get_device_name      (HccAccessRecord *self);
const char      *hcc_access_record_get_card_reader_name (HccAccessRecord *self);
GDateTime       *hcc_access_record_get_occur_time       (HccAccessRecord *self);
int              hcc_access_record_get_event_type       (HccAccessRecord *self);
gboolean         hcc_access_record_get_succeeded        (HccAccessRecord *self);
const char      *hcc_access_record_get_card_number      (HccAccessRecord *self);
const char      *hcc_access_record_get_person_id        (HccAccessRecord *self);
const char      *hcc_access_record_get_person_name      (HccAccessRecord *self);
int              hcc_access_record_get_direction        (HccAccessRecord *self);
const char      *hcc_access_record_get_element_pic_url  (HccAccessRecord *self);
void             hcc_access_record_set_id               (HccAccessRecord *self,
                                                         const char      *id);
void             hcc_access_record_set_element_id       (HccAccessRecord *self,
                                                         const char      *element_id);
void             hcc_access_record_set_element_name     (HccAccessRecord *self,
                                                         const char      *element_name);
void             hcc_access_record_set_element_type     (HccAccessRecord *self,
                                                         int              element_type);
void             hcc_access_record_set_area_name        (HccAccessRecord *self,
                                                         const char      *area_name);
void             hcc_access_record_set_device_name      (HccAccessRecord *self,
                                                         const char      *device_name);
void             hcc_access_record_set_card_reader_name (HccAccessRecord *self,
                                                         const char      *card_reader_name);
void             hcc_access_record_set_occur_time       (HccAccessRecord *self,
                                                         GDateTime       *occur_time);
void             hcc_access_record_set_event_type       (HccAccessRecord *self,
                                                         int              event_type);
void             hcc_access_record_set_succeeded        (HccAccessRecord *self,
                                                         gboolean         succeeded);
void             hcc_access_record_set_card_number      (HccAccessRecord *self,
                                                         const char      *card_number);
void             hcc_access_record_set_person_id        (HccAccessRecord *self,
                                                         const char      *person_id);
void             hcc_access_record_set_person_name      (HccAccessRecord *self,
                                                         const char      *person_name);
void             hcc_access_record_set_direction        (HccAccessRecord *self,
                                                         int              direction);
void             hcc_access_record_set_element_pic_url  (HccAccessRecord *self,
                                                         const char      *element_pic_url);

G_END_DECLS
