/* hcc-event-stream.h: calls and door events from the rawmsg queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hcc-access-event.h"
#include "hcc-call.h"
#include "hcc-client.h"

G_BEGIN_DECLS

typedef enum {
  HCC_EVENT_STREAM_STATE_STOPPED,
  HCC_EVENT_STREAM_STATE_CONNECTING,
  HCC_EVENT_STREAM_STATE_ONLINE,
  /* Failing; see hcc_event_stream_get_next_retry(). */
  HCC_EVENT_STREAM_STATE_OFFLINE,
  /* The keys were refused: waits for new keys or a login. */
  HCC_EVENT_STREAM_STATE_AUTH_FAILED,
  /* The subscription lapsed (OPEN000016): subscribing again. */
  HCC_EVENT_STREAM_STATE_LAPSED,
} HccEventStreamState;

#define HCC_TYPE_EVENT_STREAM (hcc_event_stream_get_type ())

G_DECLARE_FINAL_TYPE (HccEventStream, hcc_event_stream, HCC, EVENT_STREAM, GObject)

/* Signals: "call-incoming" (HccCall *), "call-updated" (HccCall *) and
 * "access-event" (HccAccessEvent *). Each platform event is emitted at most
 * once, however often the queue delivers it. */
HccEventStream      *hcc_event_stream_new               (HccClient       *client);

/* Subscribes and polls until stopped. */
void                 hcc_event_stream_start             (HccEventStream  *self);
void                 hcc_event_stream_stop              (HccEventStream  *self);
/* Ends an offline wait now. */
void                 hcc_event_stream_retry_now         (HccEventStream  *self);

HccEventStreamState  hcc_event_stream_get_state         (HccEventStream  *self);
/* (nullable) when the next attempt happens while offline (local time). */
GDateTime           *hcc_event_stream_get_next_retry    (HccEventStream  *self);
/* (nullable) why the stream is not online (offline, lapsed, refused). */
const GError        *hcc_event_stream_get_last_error    (HccEventStream  *self);
/* The pause after an empty poll (default and minimum 500 ms). */
void                 hcc_event_stream_set_poll_interval (HccEventStream  *self,
                                                         guint            interval_ms);
guint                hcc_event_stream_get_poll_interval (HccEventStream  *self);
/* (nullable) (transfer none) the call with this record id, if seen. */
HccCall             *hcc_event_stream_lookup_call       (HccEventStream  *self,
                                                         const char      *record_id);
/* Decodes one `messages` reply and emits its events (what a poll does);
 * for tests and the fuzzer. Returns the number of events emitted. */
guint                hcc_event_stream_process_batch     (HccEventStream  *self,
                                                         JsonNode        *data);

G_END_DECLS
