/* hcc-scheduler.c: the one request budget of the process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The platform allows at most 5 requests per second (catalogue §13.5) and
 * names no error for exceeding it, so the client never exceeds it: every
 * request of the process waits here for a grant. A sliding window of grant
 * times (not a token bucket, which would allow a burst of 5 right after a
 * full second) guarantees that no one-second window holds more than the
 * limit. Lanes are served in strict priority, so a door opening never waits
 * behind a directory sync; it waits at most for the next free slot.
 *
 * Threading: main thread only, like the libsoup session it feeds.
 */

#define G_LOG_DOMAIN "hcc-scheduler"

#include "config.h"

#include "hcc-scheduler.h"

#define N_LANES 3
#define MAX_RATE 5
/* Arrivals, not sends, are what the platform counts: a request delayed on
 * the way can land in the same second as later ones. 50 ms was not enough
 * for a loaded machine (six arrived in one second under ASan); 150 ms costs
 * about an eighth of the throughput. */
#define DEFAULT_MARGIN_MS 150

typedef struct {
  HccScheduler *self;           /* (unowned) the scheduler outlives entries */
  GTask        *task;           /* (owned) */
  HccLane       lane;
  gint64        enqueued_us;
  GSource      *cancel_source;  /* (owned) (nullable) */
} Entry;

struct _HccScheduler
{
  GObject   parent_instance;

  GQueue    lanes[N_LANES];     /* of Entry* */
  /* Grant times in the window, oldest first. */
  gint64    grants[MAX_RATE];
  guint     n_grants;
  guint     rate;
  gint64    window_us;

  HccSchedulerClock clock;
  gpointer  clock_data;

  GSource  *timer;              /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccScheduler, hcc_scheduler, G_TYPE_OBJECT)

enum {
  GRANTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
now_us (HccScheduler *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_get_monotonic_time ();
}

static void
entry_free (Entry *entry)
{
  if (entry->cancel_source != NULL)
    {
      g_source_destroy (entry->cancel_source);
      g_source_unref (entry->cancel_source);
    }
  g_clear_object (&entry->task);
  g_free (entry);
}

static void
prune_window (HccScheduler *self,
              gint64        now)
{
  guint keep = 0;

  for (guint i = 0; i < self->n_grants; i++)
    {
      if (now - self->grants[i] < self->window_us)
        self->grants[keep++] = self->grants[i];
    }
  self->n_grants = keep;
}

static gboolean timer_cb (gpointer user_data);

static void
schedule_timer (HccScheduler *self,
                gint64        delay_us)
{
  guint delay_ms = (guint) ((MAX (delay_us, 0) + 999) / 1000);

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }

  self->timer = g_timeout_source_new (MAX (delay_ms, 1));
  g_source_set_name (self->timer, "[hcc] scheduler slot");
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_attach (self->timer, g_main_context_get_thread_default ());
}

static Entry *
pop_next (HccScheduler *self)
{
  for (guint lane = 0; lane < N_LANES; lane++)
    {
      if (!g_queue_is_empty (&self->lanes[lane]))
        return g_queue_pop_head (&self->lanes[lane]);
    }
  return NULL;
}

void
hcc_scheduler_dispatch (HccScheduler *self)
{
  g_return_if_fail (HCC_IS_SCHEDULER (self));

  for (;;)
    {
      gint64 now = now_us (self);
      Entry *entry;

      prune_window (self, now);

      if (self->n_grants >= self->rate)
        {
          gboolean waiting = FALSE;

          for (guint lane = 0; lane < N_LANES; lane++)
            waiting |= !g_queue_is_empty (&self->lanes[lane]);

          /* Wake up when the oldest grant leaves the window. */
          if (waiting)
            schedule_timer (self, self->grants[0] + self->window_us - now);
          return;
        }

      entry = pop_next (self);
      if (entry == NULL)
        return;

      g_assert (self->n_grants < MAX_RATE);
      self->grants[self->n_grants++] = now;

      g_signal_emit (self, signals[GRANTED], 0, (int) entry->lane, now - entry->enqueued_us);
      g_task_return_boolean (entry->task, TRUE);
      entry_free (entry);
    }
}

static gboolean
timer_cb (gpointer user_data)
{
  HccScheduler *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  hcc_scheduler_dispatch (self);

  return G_SOURCE_REMOVE;
}

static gboolean
entry_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  Entry *entry = user_data;
  HccScheduler *self = entry->self;

  /* Runs from the main loop (a cancellable source), so removing the entry
   * and returning the task here is safe. */
  g_queue_remove (&self->lanes[entry->lane], entry);
  g_task_return_error_if_cancelled (entry->task);
  entry_free (entry);

  return G_SOURCE_REMOVE;
}

static void
hcc_scheduler_finalize (GObject *object)
{
  HccScheduler *self = (HccScheduler *)object;

  for (guint lane = 0; lane < N_LANES; lane++)
    {
      Entry *entry;

      while ((entry = g_queue_pop_head (&self->lanes[lane])) != NULL)
        {
          g_task_return_new_error (entry->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   "The request budget was shut down");
          entry_free (entry);
        }
    }

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }

  G_OBJECT_CLASS (hcc_scheduler_parent_class)->finalize (object);
}

static void
hcc_scheduler_class_init (HccSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hcc_scheduler_finalize;

  /* Emitted for every grant with the lane and the time the request waited
   * in the queue (µs), for tests, benchmarks and debugging. */
  signals[GRANTED] =
    g_signal_new ("granted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
}

static void
hcc_scheduler_init (HccScheduler *self)
{
  for (guint lane = 0; lane < N_LANES; lane++)
    g_queue_init (&self->lanes[lane]);
  self->rate = MAX_RATE;
  self->window_us = G_USEC_PER_SEC + DEFAULT_MARGIN_MS * 1000;
}

HccScheduler *
hcc_scheduler_new (void)
{
  return g_object_new (HCC_TYPE_SCHEDULER, NULL);
}

HccScheduler *
hcc_scheduler_get_default (void)
{
  static HccScheduler *scheduler;

  /* One budget per process, shared by every HccClient (the limit is per
   * account, and several clients may share one). */
  if (g_once_init_enter (&scheduler))
    g_once_init_leave (&scheduler, hcc_scheduler_new ());

  return scheduler;
}

void
hcc_scheduler_set_rate_limit (HccScheduler *self,
                              guint         per_second)
{
  g_return_if_fail (HCC_IS_SCHEDULER (self));

  self->rate = CLAMP (per_second, 1, MAX_RATE);
  hcc_scheduler_dispatch (self);
}

guint
hcc_scheduler_get_rate_limit (HccScheduler *self)
{
  g_return_val_if_fail (HCC_IS_SCHEDULER (self), 0);

  return self->rate;
}

void
hcc_scheduler_set_margin (HccScheduler *self,
                          guint         margin_ms)
{
  g_return_if_fail (HCC_IS_SCHEDULER (self));

  self->window_us = G_USEC_PER_SEC + (gint64) margin_ms * 1000;
}

void
hcc_scheduler_set_clock (HccScheduler      *self,
                         HccSchedulerClock  clock,
                         gpointer           user_data)
{
  g_return_if_fail (HCC_IS_SCHEDULER (self));

  self->clock = clock;
  self->clock_data = user_data;
  self->n_grants = 0;
}

guint
hcc_scheduler_get_n_queued (HccScheduler *self,
                            HccLane       lane)
{
  g_return_val_if_fail (HCC_IS_SCHEDULER (self), 0);
  g_return_val_if_fail (lane < N_LANES, 0);

  return g_queue_get_length (&self->lanes[lane]);
}

void
hcc_scheduler_acquire_async (HccScheduler        *self,
                             HccLane              lane,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Entry *entry;

  g_return_if_fail (HCC_IS_SCHEDULER (self));
  g_return_if_fail (lane < N_LANES);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_scheduler_acquire_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  entry = g_new0 (Entry, 1);
  entry->self = self;
  entry->task = g_steal_pointer (&task);
  entry->lane = lane;
  entry->enqueued_us = now_us (self);

  if (cancellable != NULL)
    {
      entry->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (entry->cancel_source, G_SOURCE_FUNC (entry_cancelled_cb),
                             entry, NULL);
      g_source_attach (entry->cancel_source, g_main_context_get_thread_default ());
    }

  g_queue_push_tail (&self->lanes[lane], entry);
  hcc_scheduler_dispatch (self);
}

gboolean
hcc_scheduler_acquire_finish (HccScheduler  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (HCC_IS_SCHEDULER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_scheduler_acquire_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
