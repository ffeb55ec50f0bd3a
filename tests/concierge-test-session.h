/* concierge-test-session.h: a started ConciergeSession against an in-process hcc-sim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests of views: a simulator, a client with the demo keys, settings
 * in memory and a session whose stores live in a temporary folder that is
 * removed afterwards.
 */

#pragma once

#include "concierge-session.h"
#include "hcc-test-utils.h"

G_BEGIN_DECLS

typedef struct {
  HccTestSim       *sim;
  HccClient        *client;
  GSettings        *settings;
  ConciergeSession *session;
  char             *data_dir;   /* the session's stores */
} ConciergeTestSession;

/* Starts a simulator (@seed, @residents extra residents; 0: the demo site
 * alone), lifts its request limit to @rate_limit per second (0: keep the
 * platform's 5), and starts a session; waits until the event stream is
 * online and the directory has loaded. Aborts the test on failure. */
ConciergeTestSession *concierge_test_session_new        (guint64               seed,
                                                         guint                 residents,
                                                         guint                 rate_limit);
/* A second session over the same data folder (e.g. "after a restart"),
 * with its own client; the first must have been stopped. */
ConciergeSession     *concierge_test_session_restart    (ConciergeTestSession *test);
/* Stops the session (waits for the stores to close) without freeing. */
void                  concierge_test_session_stop       (ConciergeTestSession *test);
/* Waits until the directory finished its first refresh (TRUE) or @timeout_ms. */
gboolean              concierge_test_session_wait_directory (ConciergeTestSession *test,
                                                             guint                 timeout_ms);
void                  concierge_test_session_free       (ConciergeTestSession *test);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConciergeTestSession, concierge_test_session_free)

G_END_DECLS
