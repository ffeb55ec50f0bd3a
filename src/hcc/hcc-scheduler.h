/* hcc-scheduler.h: the one request budget of the process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hcc-client.h"

G_BEGIN_DECLS

/* A monotonic clock in microseconds; tests inject a fake one. */
typedef gint64 (*HccSchedulerClock) (gpointer user_data);

#define HCC_TYPE_SCHEDULER (hcc_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (HccScheduler, hcc_scheduler, HCC, SCHEDULER, GObject)

/* The process-wide scheduler every HccClient uses. (transfer none) */
HccScheduler *hcc_scheduler_get_default   (void);
HccScheduler *hcc_scheduler_new           (void);

/* At most @per_second grants in any rolling second (1-5, default 5). */
void          hcc_scheduler_set_rate_limit (HccScheduler       *self,
                                            guint               per_second);
guint         hcc_scheduler_get_rate_limit (HccScheduler       *self);
/* Extra time added to the one-second window, so that network jitter never
 * lets six requests arrive within one second at the server (default 150 ms). */
void          hcc_scheduler_set_margin     (HccScheduler       *self,
                                            guint               margin_ms);
void          hcc_scheduler_set_clock      (HccScheduler       *self,
                                            HccSchedulerClock   clock,
                                            gpointer            user_data);
/* Re-examines the queues now (tests call it after moving a fake clock). */
void          hcc_scheduler_dispatch       (HccScheduler       *self);

guint         hcc_scheduler_get_n_queued   (HccScheduler       *self,
                                            HccLane             lane);

/* Completes once the request may be sent; the grant counts against the
 * budget from that moment. Strict priority: interactive, events, background. */
void          hcc_scheduler_acquire_async  (HccScheduler       *self,
                                            HccLane             lane,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean      hcc_scheduler_acquire_finish (HccScheduler       *self,
                                            GAsyncResult       *result,
                                            GError            **error);

G_END_DECLS
