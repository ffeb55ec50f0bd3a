/* concierge-call-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The values are stored in the database: append, never renumber. */
typedef enum {
  CONCIERGE_CALL_OUTCOME_RINGING = 0,
  CONCIERGE_CALL_OUTCOME_ANSWERED = 1,
  CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE = 2,
  CONCIERGE_CALL_OUTCOME_DECLINED = 3,
  CONCIERGE_CALL_OUTCOME_MISSED = 4,
} ConciergeCallOutcome;

#define CONCIERGE_TYPE_CALL_OUTCOME (concierge_call_outcome_get_type ())
GType concierge_call_outcome_get_type (void) G_GNUC_CONST;

const char *concierge_call_outcome_to_string (ConciergeCallOutcome outcome);

#define CONCIERGE_TYPE_CALL_RECORD (concierge_call_record_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeCallRecord, concierge_call_record, CONCIERGE, CALL_RECORD, GObject)

const char           *concierge_call_record_get_record_id       (ConciergeCallRecord *self);
const char           *concierge_call_record_get_device_name     (ConciergeCallRecord *self);
const char           *concierge_call_record_get_device_serial   (ConciergeCallRecord *self);
const char           *concierge_call_record_get_building        (ConciergeCallRecord *self);
const char           *concierge_call_record_get_room            (ConciergeCallRecord *self);
int                   concierge_call_record_get_call_type       (ConciergeCallRecord *self);
GDateTime            *concierge_call_record_get_started         (ConciergeCallRecord *self);
ConciergeCallOutcome  concierge_call_record_get_outcome         (ConciergeCallRecord *self);
const char           *concierge_call_record_get_operator        (ConciergeCallRecord *self);
GDateTime            *concierge_call_record_get_answered        (ConciergeCallRecord *self);
GDateTime            *concierge_call_record_get_ended           (ConciergeCallRecord *self);
gint64                concierge_call_record_get_duration        (ConciergeCallRecord *self);
gboolean              concierge_call_record_get_acknowledged    (ConciergeCallRecord *self);
gboolean              concierge_call_record_get_needs_attention (ConciergeCallRecord *self);

G_END_DECLS
