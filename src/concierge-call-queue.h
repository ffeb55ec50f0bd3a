/* concierge-call-queue.h: the front desk's door calls, in arrival order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "concierge-directory.h"
#include "concierge-log-store.h"
#include "concierge-queued-call.h"
#include "concierge-ringer.h"
#include "hcc.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_CALL_QUEUE (concierge_call_queue_get_type ())

/* A GListModel of ConciergeQueuedCall, oldest first. */
G_DECLARE_FINAL_TYPE (ConciergeCallQueue, concierge_call_queue, CONCIERGE, CALL_QUEUE, GObject)

/* @log_store and @ringer may be NULL. */
ConciergeCallQueue  *concierge_call_queue_new                  (HccClient            *client,
                                                                HccEventStream       *stream,
                                                                ConciergeLogStore    *log_store,
                                                                ConciergeRinger      *ringer);

/* (nullable) the operator on shift, written into the logs. */
const char          *concierge_call_queue_get_operator         (ConciergeCallQueue   *self);
void                 concierge_call_queue_set_operator         (ConciergeCallQueue   *self,
                                                                const char           *operator);
/* (nullable) the site's directory, from which each call's building is
 * found for the call log (see concierge-call-place.h). */
void                 concierge_call_queue_set_directory        (ConciergeCallQueue   *self,
                                                                ConciergeDirectory   *directory);

/* How long a finished call stays in the queue (default 10 s). */
guint                concierge_call_queue_get_linger_seconds   (ConciergeCallQueue   *self);
void                 concierge_call_queue_set_linger_seconds   (ConciergeCallQueue   *self,
                                                                guint                 seconds);
/* A call that has rung this long without news is missed (default 90 s). */
guint                concierge_call_queue_get_max_ring_seconds (ConciergeCallQueue   *self);
void                 concierge_call_queue_set_max_ring_seconds (ConciergeCallQueue   *self,
                                                                guint                 seconds);
/* Whether the ringer was asked to ring. */
gboolean             concierge_call_queue_get_ringing          (ConciergeCallQueue   *self);

/* (nullable) (transfer none) the queued call @record_id. */
ConciergeQueuedCall *concierge_call_queue_lookup               (ConciergeCallQueue   *self,
                                                                const char           *record_id);
/* Quiet here, still ringing at the door: nothing goes to the platform.
 * Returns FALSE when @record_id is not ringing. */
gboolean             concierge_call_queue_silence              (ConciergeCallQueue   *self,
                                                                const char           *record_id);
/* Silences every ringing call. */
void                 concierge_call_queue_silence_all          (ConciergeCallQueue   *self);

/* devcall/v1/call/receive for @record_id. Answer and decline need a ringing
 * (or silenced) call, hang up an answered one; while one of them is in
 * flight for a call, another fails with G_IO_ERROR_PENDING. When the
 * platform says the call is already over (VMS038019/027/029) the call shows
 * what happened and the error is returned too, so the UI can say why. */
void                 concierge_call_queue_answer_async         (ConciergeCallQueue   *self,
                                                                const char           *record_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean             concierge_call_queue_answer_finish        (ConciergeCallQueue   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
void                 concierge_call_queue_decline_async        (ConciergeCallQueue   *self,
                                                                const char           *record_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean             concierge_call_queue_decline_finish       (ConciergeCallQueue   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
void                 concierge_call_queue_hang_up_async        (ConciergeCallQueue   *self,
                                                                const char           *record_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean             concierge_call_queue_hang_up_finish       (ConciergeCallQueue   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Unlocks the door of the call @record_id: @door_id may be NULL when the
 * station has exactly one door, and must be one of the call's doors
 * otherwise. Each door is recorded in the log store with the operator,
 * @reason (nullable) and the call as its source. The result is a
 * GListModel of HccDoorResult. */
void                 concierge_call_queue_open_door_async      (ConciergeCallQueue   *self,
                                                                const char           *record_id,
                                                                const char           *door_id,
                                                                const char           *reason,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
GListModel          *concierge_call_queue_open_door_finish     (ConciergeCallQueue   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

G_END_DECLS
