/* test-hcc-scheduler.c: the request budget with a fake clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hcc-scheduler.h"

typedef struct {
  gint64     now;      /* fake monotonic µs */
  GArray    *order;    /* of int: the id of each grant, in order */
  GArray    *times;    /* of gint64: the fake time of each grant */
  guint      n_done;
  guint      n_cancelled;
} Fixture;

typedef struct {
  Fixture *fixture;
  int      id;
} Pending;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
acquired_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Pending *pending = user_data;
  Fixture *fixture = pending->fixture;
  g_autoptr(GError) error = NULL;

  if (hcc_scheduler_acquire_finish (HCC_SCHEDULER (source), result, &error))
    {
      g_array_append_val (fixture->order, pending->id);
    }
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      fixture->n_cancelled++;
    }
  fixture->n_done++;
  g_free (pending);
}

static void
acquire (HccScheduler *scheduler,
         Fixture      *fixture,
         HccLane       lane,
         int           id,
         GCancellable *cancellable)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->fixture = fixture;
  pending->id = id;
  hcc_scheduler_acquire_async (scheduler, lane, cancellable, acquired_cb, pending);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->now = 1000 * G_USEC_PER_SEC;
  fixture->order = g_array_new (FALSE, FALSE, sizeof (int));
  fixture->times = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_array_unref (fixture->order);
  g_array_unref (fixture->times);
}

/* The grant time is taken when the slot is given, not when the callback
 * runs (GTask may defer it to the next iteration). */
static void
granted_cb (HccScheduler *scheduler,
            int           lane,
            gint64        waited_us,
            Fixture      *fixture)
{
  g_array_append_val (fixture->times, fixture->now);
}

static HccScheduler *
new_scheduler (Fixture *fixture)
{
  HccScheduler *scheduler = hcc_scheduler_new ();

  g_signal_connect (scheduler, "granted", G_CALLBACK (granted_cb), fixture);

  hcc_scheduler_set_clock (scheduler, fake_clock, fixture);
  hcc_scheduler_set_margin (scheduler, 0);
  return scheduler;
}

static void
advance (HccScheduler *scheduler,
         Fixture      *fixture,
         gint64        us)
{
  fixture->now += us;
  hcc_scheduler_dispatch (scheduler);
  drain ();
}

/* At most 5 grants in any rolling second, not 5 per calendar second. */
static void
test_scheduler_window (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HccScheduler) scheduler = new_scheduler (fixture);

  for (int i = 0; i < 12; i++)
    acquire (scheduler, fixture, HCC_LANE_BACKGROUND, i, NULL);
  drain ();
  g_assert_cmpuint (fixture->order->len, ==, 5);
  g_assert_cmpuint (hcc_scheduler_get_n_queued (scheduler, HCC_LANE_BACKGROUND), ==, 7);

  /* Just before the first grant leaves the window: still nothing. */
  advance (scheduler, fixture, G_USEC_PER_SEC - 1);
  g_assert_cmpuint (fixture->order->len, ==, 5);
  advance (scheduler, fixture, 1);
  g_assert_cmpuint (fixture->order->len, ==, 10);
  advance (scheduler, fixture, G_USEC_PER_SEC);
  g_assert_cmpuint (fixture->order->len, ==, 12);

  /* FIFO inside a lane. */
  for (guint i = 0; i < fixture->order->len; i++)
    g_assert_cmpint (g_array_index (fixture->order, int, i), ==, (int) i);
}

/* A sliding window, spread grants: never 6 within one second. */
static void
test_scheduler_sliding (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HccScheduler) scheduler = new_scheduler (fixture);

  /* Requests arrive every 150 ms for 6 seconds. */
  for (int i = 0; i < 40; i++)
    {
      acquire (scheduler, fixture, HCC_LANE_BACKGROUND, i, NULL);
      advance (scheduler, fixture, 150 * 1000);
    }
  for (int i = 0; i < 20; i++)
    advance (scheduler, fixture, 100 * 1000);

  g_assert_cmpuint (fixture->order->len, ==, 40);
  for (guint i = 5; i < fixture->times->len; i++)
    {
      gint64 span = g_array_index (fixture->times, gint64, i) -
                    g_array_index (fixture->times, gint64, i - 5);

      g_assert_cmpint (span, >=, G_USEC_PER_SEC);
    }
}

/* Strict priority when a slot frees: interactive, then events, then
 * background, whatever the order of arrival. */
static void
test_scheduler_priority (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(HccScheduler) scheduler = new_scheduler (fixture);
  const int expected[] = { 100, 101, 200, 1, 2, 3 };

  for (int i = 0; i < 5; i++)
    acquire (scheduler, fixture, HCC_LANE_BACKGROUND, -1, NULL);
  drain ();
  g_array_set_size (fixture->order, 0);

  acquire (scheduler, fixture, HCC_LANE_BACKGROUND, 1, NULL);
  acquire (scheduler, fixture, HCC_LANE_BACKGROUND, 2, NULL);
  acquire (scheduler, fixture, HCC_LANE_EVENTS, 200, NULL);
  acquire (scheduler, fixture, HCC_LANE_BACKGROUND, 3, NULL);
  acquire (scheduler, fixture, HCC_LANE_INTERACTIVE, 100, NULL);
  acquire (scheduler, fixture, HCC_LANE_INTERACTIVE, 101, NULL);
  drain ();
  g_assert_cmpuint (fixture->order->len, ==, 0);

  advance (scheduler, fixture, G_USEC_PER_SEC);
  g_assert_cmpuint (fixture->order->len, ==, 5);
  advance (scheduler, fixture, G_USEC_PER_SEC);
  g_assert_cmpuint (fixture->order->len, ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (fixture->order, int, i), ==, expected[i]);
}

/* A cancelled queued request leaves at once and takes no slot. */
static void
test_scheduler_cancel (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HccScheduler) scheduler = new_scheduler (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) already = g_cancellable_new ();

  for (int i = 0; i < 5; i++)
    acquire (scheduler, fixture, HCC_LANE_BACKGROUND, i, NULL);
  acquire (scheduler, fixture, HCC_LANE_INTERACTIVE, 10, cancellable);
  acquire (scheduler, fixture, HCC_LANE_BACKGROUND, 11, NULL);
  g_cancellable_cancel (already);
  acquire (scheduler, fixture, HCC_LANE_BACKGROUND, 12, already);
  drain ();
  g_assert_cmpuint (fixture->n_cancelled, ==, 1);

  g_cancellable_cancel (cancellable);
  drain ();
  g_assert_cmpuint (fixture->n_cancelled, ==, 2);
  g_assert_cmpuint (hcc_scheduler_get_n_queued (scheduler, HCC_LANE_INTERACTIVE), ==, 0);

  advance (scheduler, fixture, G_USEC_PER_SEC);
  g_assert_cmpuint (fixture->order->len, ==, 6);
  g_assert_cmpint (g_array_index (fixture->order, int, 5), ==, 11);
  g_assert_cmpuint (fixture->n_done, ==, 8);
}

/* A lower limit, and the margin widening the window. */
static void
test_scheduler_rate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HccScheduler) scheduler = new_scheduler (fixture);

  hcc_scheduler_set_rate_limit (scheduler, 2);
  g_assert_cmpuint (hcc_scheduler_get_rate_limit (scheduler), ==, 2);
  hcc_scheduler_set_margin (scheduler, 50);

  for (int i = 0; i < 6; i++)
    acquire (scheduler, fixture, HCC_LANE_EVENTS, i, NULL);
  drain ();
  g_assert_cmpuint (fixture->order->len, ==, 2);
  advance (scheduler, fixture, G_USEC_PER_SEC);
  g_assert_cmpuint (fixture->order->len, ==, 2);
  advance (scheduler, fixture, 50 * 1000);
  g_assert_cmpuint (fixture->order->len, ==, 4);
  advance (scheduler, fixture, G_USEC_PER_SEC + 50 * 1000);
  g_assert_cmpuint (fixture->order->len, ==, 6);

  /* Out-of-range limits are clamped to 1..5. */
  hcc_scheduler_set_rate_limit (scheduler, 50);
  g_assert_cmpuint (hcc_scheduler_get_rate_limit (scheduler), ==, 5);
  hcc_scheduler_set_rate_limit (scheduler, 0);
  g_assert_cmpuint (hcc_scheduler_get_rate_limit (scheduler), ==, 1);
}

/* The real clock: the timer wakes queued requests by itself. */
static void
test_scheduler_real_clock (void)
{
  g_autoptr(HccScheduler) scheduler = hcc_scheduler_new ();
  Fixture fixture = { 0, };
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 10 * G_USEC_PER_SEC;

  fixture.order = g_array_new (FALSE, FALSE, sizeof (int));
  fixture.times = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int i = 0; i < 7; i++)
    acquire (scheduler, &fixture, HCC_LANE_BACKGROUND, i, NULL);
  while (fixture.order->len < 7 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fixture.order->len, ==, 7);
  /* The sixth grant had to wait for the window (1 s + the 50 ms margin). */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);

  g_array_unref (fixture.order);
  g_array_unref (fixture.times);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hcc/scheduler/window", Fixture, NULL,
              fixture_setup, test_scheduler_window, fixture_teardown);
  g_test_add ("/hcc/scheduler/sliding", Fixture, NULL,
              fixture_setup, test_scheduler_sliding, fixture_teardown);
  g_test_add ("/hcc/scheduler/priority", Fixture, NULL,
              fixture_setup, test_scheduler_priority, fixture_teardown);
  g_test_add ("/hcc/scheduler/cancel", Fixture, NULL,
              fixture_setup, test_scheduler_cancel, fixture_teardown);
  g_test_add ("/hcc/scheduler/rate", Fixture, NULL,
              fixture_setup, test_scheduler_rate, fixture_teardown);
  g_test_add_func ("/hcc/scheduler/real-clock", test_scheduler_real_clock);

  return g_test_run ();
}
