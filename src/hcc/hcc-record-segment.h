/* hcc-record-segment.h: one recorded segment of a camera
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_RECORD_SEGMENT (hcc_record_segment_get_type ())

G_DECLARE_FINAL_TYPE (HccRecordSegment, hcc_record_segment, HCC, RECORD_SEGMENT, GObject)

HccRecordSegment *hcc_record_segment_new             (void);
GDateTime        *hcc_record_segment_get_begin_time  (HccRecordSegment *self);
GDateTime        *hcc_record_segment_get_end_time    (HccRecordSegment *self);
int               hcc_record_segment_get_target_type (HccRecordSegment *self);
void              hcc_record_segment_set_begin_time  (HccRecordSegment *self,
                                                      GDateTime        *begin_time);
void              hcc_record_segment_set_end_time    (HccRecordSegment *self,
                                                      GDateTime        *end_time);
void              hcc_record_segment_set_target_type (HccRecordSegment *self,
                                                      int               target_type);

G_END_DECLS
