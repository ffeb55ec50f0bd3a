/* concierge-session.h: everything the desk needs while connected to a site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One session per connection: the client, its event stream, the call queue
 * with its ringer, the log store and the directory cache. The application
 * makes one when it has a server and keys (or the demo site) and hands it
 * to the window, which hands it to every view through their "session"
 * property. Views never make clients or stores of their own.
 */

#pragma once

#include <gio/gio.h>

#include "concierge-call-queue.h"
#include "concierge-directory.h"
#include "concierge-log-store.h"
#include "concierge-ringer.h"
#include "hcc.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_SESSION (concierge_session_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeSession, concierge_session, CONCIERGE, SESSION, GObject)

/* @settings: the app's settings (ring volume, operator, poll interval, video
 * protocol). @demo: connected to the built-in demo site. */
ConciergeSession   *concierge_session_new               (HccClient            *client,
                                                         GSettings            *settings,
                                                         gboolean              demo);

/* Opens the log store and the directory cache in @data_dir (NULL: the user
 * data dir, "concierge/" below it), then starts the event stream and the
 * directory's background refresh. Never blocks. */
void                concierge_session_start_async       (ConciergeSession     *self,
                                                         const char           *data_dir,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            concierge_session_start_finish      (ConciergeSession     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* Stops the stream and the ring, and closes the stores (writes finish). */
void                concierge_session_stop_async        (ConciergeSession     *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean            concierge_session_stop_finish       (ConciergeSession     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

gboolean            concierge_session_get_started       (ConciergeSession     *self);
gboolean            concierge_session_get_demo          (ConciergeSession     *self);
GSettings          *concierge_session_get_settings      (ConciergeSession     *self);
HccClient          *concierge_session_get_client        (ConciergeSession     *self);
HccEventStream     *concierge_session_get_event_stream  (ConciergeSession     *self);
ConciergeRinger    *concierge_session_get_ringer        (ConciergeSession     *self);
/* (nullable): NULL until started. */
ConciergeLogStore  *concierge_session_get_log_store     (ConciergeSession     *self);
ConciergeCallQueue *concierge_session_get_call_queue    (ConciergeSession     *self);
ConciergeDirectory *concierge_session_get_directory     (ConciergeSession     *self);

/* The operator on shift ("" when nobody is set); kept in the "operator-name"
 * setting and passed to the call queue, which logs it with every action. */
const char         *concierge_session_get_operator      (ConciergeSession     *self);
void                concierge_session_set_operator      (ConciergeSession     *self,
                                                         const char           *operator);

G_END_DECLS
