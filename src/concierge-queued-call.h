/* concierge-queued-call.h: one call in the front desk's queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hcc-call.h"

G_BEGIN_DECLS

/* The call as the desk sees it. */
typedef enum {
  /* Ringing at the door and here. */
  CONCIERGE_QUEUED_CALL_RINGING,
  /* Still ringing at the door, quiet here: the operator silenced it. */
  CONCIERGE_QUEUED_CALL_SILENCED,
  /* Answered at this desk and not yet over. */
  CONCIERGE_QUEUED_CALL_ANSWERED,
  /* Answered by someone else (another desk, a resident). */
  CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE,
  /* Declined at this desk. */
  CONCIERGE_QUEUED_CALL_DECLINED,
  /* The device gave up or hung up before anyone answered. */
  CONCIERGE_QUEUED_CALL_MISSED,
  /* Over after it was answered here. */
  CONCIERGE_QUEUED_CALL_ENDED,
} ConciergeQueuedCallState;

#define CONCIERGE_TYPE_QUEUED_CALL_STATE (concierge_queued_call_state_get_type ())
GType concierge_queued_call_state_get_type (void) G_GNUC_CONST;

#define CONCIERGE_TYPE_QUEUED_CALL (concierge_queued_call_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeQueuedCall, concierge_queued_call, CONCIERGE, QUEUED_CALL, GObject)

/* The arrival times are taken now. */
ConciergeQueuedCall      *concierge_queued_call_new                  (HccCall                  *call);

HccCall                  *concierge_queued_call_get_call             (ConciergeQueuedCall      *self);
const char               *concierge_queued_call_get_record_id        (ConciergeQueuedCall      *self);
ConciergeQueuedCallState  concierge_queued_call_get_state            (ConciergeQueuedCall      *self);
/* Whether the visitor is still waiting at the door (ringing or silenced). */
gboolean                  concierge_queued_call_is_ringing_at_door   (ConciergeQueuedCall      *self);
/* Whether the call is over (it will leave the queue after the linger). */
gboolean                  concierge_queued_call_is_finished          (ConciergeQueuedCall      *self);
/* Wall clock (local time) and g_get_monotonic_time() of the arrival. */
GDateTime                *concierge_queued_call_get_arrived          (ConciergeQueuedCall      *self);
gint64                    concierge_queued_call_get_arrived_monotonic (ConciergeQueuedCall     *self);
/* Seconds since the arrival; frozen once the call stops ringing. */
guint                     concierge_queued_call_get_waiting_seconds  (ConciergeQueuedCall      *self);
/* The doors of the calling station (the call's doorInfos). (transfer none) */
const char * const       *concierge_queued_call_get_door_ids         (ConciergeQueuedCall      *self);
const char * const       *concierge_queued_call_get_door_names       (ConciergeQueuedCall      *self);

/* Only ConciergeCallQueue changes these. */
void                      concierge_queued_call_set_state            (ConciergeQueuedCall      *self,
                                                                      ConciergeQueuedCallState  state);
void                      concierge_queued_call_set_waiting_seconds  (ConciergeQueuedCall      *self,
                                                                      guint                     seconds);

G_END_DECLS
