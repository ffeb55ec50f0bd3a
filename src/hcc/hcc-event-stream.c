/* hcc-event-stream.c: calls and door events from the rawmsg queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The platform only offers a pull queue (catalogue §2, §13.5-13.8):
 * subscribe, then loop { messages, hand the events to the app, complete }.
 * Delivery is at least once: a batch comes back until it is completed, and
 * an event may come again with update:true. We emit each event once, keyed
 * by uuid and, for calls, by DeviceTalkInfo msgId + msgType, in a bounded
 * memory. Pacing: the next poll starts 500 ms after `complete` returns, at
 * once while remainingNumber > 0, and after the poll interval (default
 * 500 ms, the guide's advice) when the queue is empty, so an idle desk costs
 * about two requests a second of the platform's five.
 */

#define G_LOG_DOMAIN "hcc-event-stream"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hcc-enums.h"
#include "hcc-error.h"
#include "hcc-event-stream.h"
#include "hcc-json.h"

#define SUBSCRIBE_PATH "/rawmsg/v1/mq/subscribe"
#define MESSAGES_PATH "/rawmsg/v1/mq/messages"
#define COMPLETE_PATH "/rawmsg/v1/mq/messages/complete"
#define CALL_MSG_TYPE "Msg140001"

#define AFTER_COMPLETE_MS 500
#define DEFAULT_POLL_INTERVAL_MS 500
#define MIN_POLL_INTERVAL_MS 500
#define BACKOFF_MIN_MS 1000
#define BACKOFF_MAX_MS 60000
/* Longer offline than this and the subscription may have lapsed. */
#define RESUBSCRIBE_AFTER_US (G_TIME_SPAN_HOUR)
#define MAX_SEEN_KEYS 4096
#define MAX_CALLS 256

struct _HccEventStream
{
  GObject              parent_instance;

  HccClient           *client;         /* (owned) */
  HccEventStreamState  state;
  guint                poll_interval_ms;

  GCancellable        *cancellable;    /* (owned) (nullable) while running */
  GSource             *timer;          /* (owned) (nullable) the next step */
  gboolean             more_pending;   /* the last batch had remainingNumber > 0 */
  GDateTime           *next_retry;     /* (owned) (nullable) */
  GError              *last_error;     /* (owned) (nullable) why it is not online */
  guint                failures;
  gint64               offline_since;  /* monotonic µs, 0 while online */
  gboolean             subscribed;

  GHashTable          *seen;           /* (owned) key -> GList link in seen_order */
  GQueue               seen_order;     /* (owned) of char*, oldest first */
  GHashTable          *calls;          /* (owned) record id -> HccCall */
  GQueue               call_order;     /* (owned) of char* record ids */
};

G_DEFINE_FINAL_TYPE (HccEventStream, hcc_event_stream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_NEXT_RETRY,
  PROP_POLL_INTERVAL,
  N_PROPS
};

enum {
  CALL_INCOMING,
  CALL_UPDATED,
  ACCESS_EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Catalogue §10.3: the 67 authentication message types, sent without the
 * space the table prints (T2). */
static const struct {
  guint first;
  guint last;
} auth_types[] = {
  { 110001, 110013 }, { 110018, 110020 }, { 110022, 110024 },
  { 110501, 110502 }, { 110505, 110507 }, { 110509, 110531 },
  { 110533, 110533 }, { 110545, 110552 }, { 110554, 110557 },
  { 110559, 110561 }, { 110564, 110567 },
};

static void step_subscribe (HccEventStream *self);
static void step_poll (HccEventStream *self);

static void
set_state (HccEventStream      *self,
           HccEventStreamState  state)
{
  if (self->state == state)
    return;

  g_debug ("State %d -> %d", self->state, state);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_next_retry (HccEventStream *self,
                GDateTime      *next_retry)
{
  if (self->next_retry == NULL && next_retry == NULL)
    return;

  g_clear_pointer (&self->next_retry, g_date_time_unref);
  if (next_retry != NULL)
    self->next_retry = g_date_time_ref (next_retry);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RETRY]);
}

static void
clear_timer (HccEventStream *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
}

static gboolean
timer_cb (gpointer user_data)
{
  HccEventStream *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  if (self->subscribed &&
      (self->offline_since == 0 ||
       g_get_monotonic_time () - self->offline_since < RESUBSCRIBE_AFTER_US))
    step_poll (self);
  else
    step_subscribe (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (HccEventStream *self,
          guint           delay_ms)
{
  clear_timer (self);

  /* The timer does not hold a ref: stop() and dispose() destroy it. */
  self->timer = g_timeout_source_new (delay_ms);
  g_source_set_name (self->timer, "[hcc] event stream");
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_attach (self->timer, g_main_context_get_thread_default ());
}

static gboolean
remember (HccEventStream *self,
          const char     *key)
{
  char *copy;

  if (key == NULL)
    return FALSE;
  if (g_hash_table_contains (self->seen, key))
    return TRUE;

  copy = g_strdup (key);
  g_queue_push_tail (&self->seen_order, copy);
  g_hash_table_add (self->seen, copy);

  /* Bounded memory: a redelivery older than 4096 events is not expected. */
  while (g_queue_get_length (&self->seen_order) > MAX_SEEN_KEYS)
    {
      char *oldest = g_queue_pop_head (&self->seen_order);

      g_hash_table_remove (self->seen, oldest);
      g_free (oldest);
    }
  return FALSE;
}

static void
keep_call (HccEventStream *self,
           HccCall        *call)
{
  const char *record_id = hcc_call_get_record_id (call);

  g_hash_table_insert (self->calls, g_strdup (record_id), g_object_ref (call));
  g_queue_push_tail (&self->call_order, g_strdup (record_id));

  while (g_queue_get_length (&self->call_order) > MAX_CALLS)
    {
      g_autofree char *oldest = g_queue_pop_head (&self->call_order);

      g_hash_table_remove (self->calls, oldest);
    }
}

static gboolean
msg_type_is (const char *msg_type,
             const char *expected)
{
  g_autofree char *copy = NULL;
  g_autofree char *no_space = NULL;
  g_auto(GStrv) parts = NULL;

  if (msg_type == NULL)
    return FALSE;

  /* "Msg 140001" (T2) and stray spaces. */
  copy = g_strstrip (g_strdup (msg_type));
  parts = g_strsplit (copy, " ", -1);
  no_space = g_strjoinv ("", parts);
  return g_ascii_strcasecmp (no_space, expected) == 0;
}

static gboolean
handle_call_event (HccEventStream *self,
                   JsonObject     *basic_info,
                   JsonObject     *data,
                   const char     *uuid)
{
  JsonObject *talk = hcc_json_get_object (data, "deviceTalkInfo", NULL);
  g_autoptr(HccCall) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  HccCall *known;
  gboolean seen_uuid;
  gboolean seen_key;

  call = hcc_call_new_from_json (talk, basic_info, &error);
  if (call == NULL)
    {
      g_debug ("Ignoring a call event: %s", error->message);
      remember (self, uuid);
      return FALSE;
    }

  key = g_strdup_printf ("call:%s:%d", hcc_call_get_record_id (call), hcc_call_get_state (call));
  seen_uuid = remember (self, uuid);
  seen_key = remember (self, key);
  if (seen_uuid || seen_key)
    return FALSE;

  known = g_hash_table_lookup (self->calls, hcc_call_get_record_id (call));
  if (known == NULL)
    {
      keep_call (self, call);
      /* A call we first see already over (we were offline while it rang)
       * is only an update: the desk must not ring for it. */
      g_signal_emit (self,
                     signals[hcc_call_get_state (call) == HCC_CALL_STATE_RINGING ? CALL_INCOMING
                                                                                 : CALL_UPDATED],
                     0, call);
      return TRUE;
    }

  /* One object per record id: the app already shows this one. */
  if (hcc_call_get_state (call) == HCC_CALL_STATE_RINGING)
    return FALSE;
  if (!hcc_call_update (known, call))
    return FALSE;

  g_signal_emit (self, signals[CALL_UPDATED], 0, known);
  return TRUE;
}

static gboolean
handle_access_event (HccEventStream *self,
                     const char     *msg_type,
                     JsonObject     *basic_info,
                     JsonObject     *data,
                     const char     *uuid)
{
  JsonObject *open_door = hcc_json_get_object (data, "openDoorInfo", NULL);
  g_autoptr(HccAccessEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fallback_key = NULL;

  /* Without a uuid, the device's serial number of the event identifies it. */
  if (uuid == NULL)
    {
      JsonObject *event2 = hcc_json_get_object (open_door, "event", NULL);
      JsonObject *basic2 = hcc_json_get_object (event2, "basicInfo", NULL);
      g_autofree char *device = hcc_json_dup_string (basic2, "deviceId", "deviceSerial", NULL);
      g_autofree char *serial = hcc_json_dup_string (basic2, "serialNo", NULL);
      g_autofree char *time = hcc_json_dup_string (basic2, "occurTime", NULL);

      if (serial != NULL || time != NULL)
        fallback_key = g_strdup_printf ("access:%s:%s:%s:%s", msg_type, device ? device : "",
                                        serial ? serial : "", time ? time : "");
    }

  if (remember (self, uuid != NULL ? uuid : fallback_key))
    return FALSE;

  event = hcc_access_event_new_from_json (msg_type, basic_info, open_door, &error);
  if (event == NULL)
    {
      g_debug ("Ignoring an access event: %s", error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[ACCESS_EVENT], 0, event);
  return TRUE;
}

guint
hcc_event_stream_process_batch (HccEventStream *self,
                                JsonNode       *data)
{
  g_autoptr(JsonArray) events = NULL;
  JsonObject *object;
  guint n_emitted = 0;

  g_return_val_if_fail (HCC_IS_EVENT_STREAM (self), 0);

  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return 0;

  object = json_node_get_object (data);
  events = hcc_json_dup_array (object, "event", "events", NULL);

  for (guint i = 0; events != NULL && i < json_array_get_length (events); i++)
    {
      JsonNode *node = json_array_get_element (events, i);
      JsonObject *event;
      JsonObject *basic_info;
      JsonObject *event_data;
      g_autofree char *uuid = NULL;
      g_autofree char *msg_type = NULL;
      g_autofree char *uuid_key = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      event = json_node_get_object (node);
      basic_info = hcc_json_get_object (event, "basicInfo", NULL);
      event_data = hcc_json_get_object (event, "data", NULL);
      uuid = hcc_json_dup_string (event, "uuid", NULL);
      msg_type = hcc_json_dup_string (basic_info, "msgType", NULL);
      if (uuid != NULL && *uuid != '\0')
        uuid_key = g_strconcat ("uuid:", uuid, NULL);

      if (msg_type_is (msg_type, CALL_MSG_TYPE))
        n_emitted += handle_call_event (self, basic_info, event_data, uuid_key);
      else if (hcc_access_event_classify (msg_type, NULL, NULL))
        n_emitted += handle_access_event (self, msg_type, basic_info, event_data, uuid_key);
      else
        g_debug ("Ignoring message type %s", msg_type ? msg_type : "(none)");
    }

  return n_emitted;
}

static void
went_online (HccEventStream *self)
{
  self->failures = 0;
  self->offline_since = 0;
  g_clear_error (&self->last_error);
  set_next_retry (self, NULL);
  set_state (self, HCC_EVENT_STREAM_STATE_ONLINE);
}

static void
handle_error (HccEventStream *self,
              GError         *error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next = NULL;
  guint delay_ms;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Kept before the state changes, so whoever hears the change can say why. */
  g_clear_error (&self->last_error);
  self->last_error = g_error_copy (error);

  if (g_error_matches (error, HCC_ERROR, HCC_ERROR_AUTH))
    {
      /* No loop on refused keys; the client's state change restarts us. */
      g_debug ("Keys refused; waiting for new ones");
      set_next_retry (self, NULL);
      set_state (self, HCC_EVENT_STREAM_STATE_AUTH_FAILED);
      return;
    }

  if (hcc_error_code_equal (hcc_error_get_platform_code (error), "OPEN000016") &&
      self->failures == 0)
    {
      g_debug ("Subscription lapsed; subscribing again");
      self->subscribed = FALSE;
      self->failures++;
      set_state (self, HCC_EVENT_STREAM_STATE_LAPSED);
      schedule (self, 0);
      return;
    }

  /* Exponential backoff with jitter, 1 s to 60 s, with the time of the
   * next attempt for the banner ("retrying in 0:12"). */
  delay_ms = BACKOFF_MIN_MS << MIN (self->failures, 6);
  delay_ms = (guint) (delay_ms * g_random_double_range (0.8, 1.2));
  delay_ms = CLAMP (delay_ms, BACKOFF_MIN_MS, BACKOFF_MAX_MS);
  self->failures++;
  if (self->offline_since == 0)
    self->offline_since = g_get_monotonic_time ();

  g_debug ("Offline (%s); retrying in %u ms", error->message, delay_ms);

  now = g_date_time_new_now_local ();
  next = g_date_time_add (now, (GTimeSpan) delay_ms * G_TIME_SPAN_MILLISECOND);
  set_next_retry (self, next);
  set_state (self, HCC_EVENT_STREAM_STATE_OFFLINE);
  schedule (self, delay_ms);
}

static void
complete_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HccEventStream) self = user_data;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = self->cancellable;

  data = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (cancellable == NULL || g_cancellable_is_cancelled (cancellable))
    return;

  /* An unknown batch (OPEN000012) means an earlier `complete` of ours
   * already went through: the batch is gone, which is what we wanted. */
  if (error != NULL && !hcc_error_code_equal (hcc_error_get_platform_code (error), "OPEN000012"))
    {
      handle_error (self, error);
      return;
    }

  went_online (self);
  schedule (self, self->more_pending ? 0 : AFTER_COMPLETE_MS);
}

static void
messages_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HccEventStream) self = user_data;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch_id = NULL;
  JsonObject *object = NULL;
  gint64 remaining = 0;

  data = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (error != NULL)
    {
      handle_error (self, error);
      return;
    }

  went_online (self);

  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    object = json_node_get_object (data);
  batch_id = hcc_json_dup_string (object, "batchId", "batchID", NULL);
  if (!hcc_json_get_int (object, &remaining, "remainingNumber", NULL))
    remaining = 0;

  /* Process before `complete`: after it the batch is gone for good. */
  hcc_event_stream_process_batch (self, data);
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  if (batch_id != NULL && *batch_id != '\0')
    {
      g_autoptr(JsonObject) body = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_string_member (body, "batchId", batch_id);
      json_node_set_object (node, body);
      self->more_pending = remaining > 0;
      hcc_client_request_async (self->client, HCC_LANE_EVENTS, HCC_REQUEST_RETRY_SAFE,
                                COMPLETE_PATH, node, self->cancellable,
                                complete_cb, g_object_ref (self));
      return;
    }

  schedule (self, remaining > 0 ? 0 : self->poll_interval_ms);
}

static void
step_poll (HccEventStream *self)
{
  if (self->cancellable == NULL)
    return;

  /* `messages` returns the same batch until completed, so repeating it
   * is safe: the client may retry it. */
  hcc_client_request_async (self->client, HCC_LANE_EVENTS, HCC_REQUEST_RETRY_SAFE,
                            MESSAGES_PATH, NULL, self->cancellable,
                            messages_cb, g_object_ref (self));
}

static void
subscribe_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HccEventStream) self = user_data;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;

  data = hcc_client_request_finish (HCC_CLIENT (source), result, &error);
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (error != NULL)
    {
      handle_error (self, error);
      return;
    }

  /* The failure count survives until a poll succeeds, so a subscription
   * that lapses again at once cannot make a tight subscribe loop. */
  self->subscribed = TRUE;
  self->offline_since = 0;
  g_clear_error (&self->last_error);
  set_next_retry (self, NULL);
  set_state (self, HCC_EVENT_STREAM_STATE_ONLINE);
  step_poll (self);
}

static void
step_subscribe (HccEventStream *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  if (self->cancellable == NULL)
    return;

  if (self->state != HCC_EVENT_STREAM_STATE_OFFLINE &&
      self->state != HCC_EVENT_STREAM_STATE_LAPSED)
    set_state (self, HCC_EVENT_STREAM_STATE_CONNECTING);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "subscribeType");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "msgType");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, CALL_MSG_TYPE);
  for (gsize i = 0; i < G_N_ELEMENTS (auth_types); i++)
    {
      for (guint type = auth_types[i].first; type <= auth_types[i].last; type++)
        {
          g_autofree char *name = g_strdup_printf ("Msg%u", type);

          json_builder_add_string_value (builder, name);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* Subscribing twice is harmless, so it may be retried. */
  hcc_client_request_async (self->client, HCC_LANE_EVENTS, HCC_REQUEST_RETRY_SAFE,
                            SUBSCRIBE_PATH, body, self->cancellable,
                            subscribe_cb, g_object_ref (self));
}

static void
client_state_cb (HccEventStream *self,
                 GParamSpec     *pspec,
                 HccClient      *client)
{
  /* New keys or an explicit login: resume after refused keys. */
  if (self->state == HCC_EVENT_STREAM_STATE_AUTH_FAILED &&
      self->cancellable != NULL &&
      hcc_client_get_state (client) != HCC_CLIENT_STATE_AUTH_FAILED)
    {
      self->subscribed = FALSE;
      schedule (self, 0);
    }
}

static void
hcc_event_stream_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HccEventStream *self = HCC_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_NEXT_RETRY:
      g_value_set_boxed (value, self->next_retry);
      break;

    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval_ms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_event_stream_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HccEventStream *self = HCC_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_POLL_INTERVAL:
      hcc_event_stream_set_poll_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_event_stream_dispose (GObject *object)
{
  HccEventStream *self = (HccEventStream *)object;

  clear_timer (self);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  g_clear_object (&self->client);
  g_clear_pointer (&self->calls, g_hash_table_unref);

  G_OBJECT_CLASS (hcc_event_stream_parent_class)->dispose (object);
}

static void
hcc_event_stream_finalize (GObject *object)
{
  HccEventStream *self = (HccEventStream *)object;

  g_clear_pointer (&self->next_retry, g_date_time_unref);
  g_clear_error (&self->last_error);
  g_hash_table_unref (self->seen);
  g_queue_clear_full (&self->seen_order, g_free);
  g_queue_clear_full (&self->call_order, g_free);

  G_OBJECT_CLASS (hcc_event_stream_parent_class)->finalize (object);
}

static void
hcc_event_stream_class_init (HccEventStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_event_stream_get_property;
  object_class->set_property = hcc_event_stream_set_property;
  object_class->dispose = hcc_event_stream_dispose;
  object_class->finalize = hcc_event_stream_finalize;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       HCC_TYPE_EVENT_STREAM_STATE, HCC_EVENT_STREAM_STATE_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_RETRY] =
    g_param_spec_boxed ("next-retry", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL,
                       MIN_POLL_INTERVAL_MS, 60000, DEFAULT_POLL_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CALL_INCOMING] =
    g_signal_new ("call-incoming", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HCC_TYPE_CALL);
  signals[CALL_UPDATED] =
    g_signal_new ("call-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HCC_TYPE_CALL);
  signals[ACCESS_EVENT] =
    g_signal_new ("access-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HCC_TYPE_ACCESS_EVENT);
}

static void
hcc_event_stream_init (HccEventStream *self)
{
  self->poll_interval_ms = DEFAULT_POLL_INTERVAL_MS;
  self->seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&self->seen_order);
  self->calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_queue_init (&self->call_order);
}

HccEventStream *
hcc_event_stream_new (HccClient *client)
{
  HccEventStream *self;

  g_return_val_if_fail (HCC_IS_CLIENT (client), NULL);

  self = g_object_new (HCC_TYPE_EVENT_STREAM, NULL);
  self->client = g_object_ref (client);
  g_signal_connect_object (client, "notify::state", G_CALLBACK (client_state_cb),
                           self, G_CONNECT_SWAPPED);
  return self;
}

void
hcc_event_stream_start (HccEventStream *self)
{
  g_return_if_fail (HCC_IS_EVENT_STREAM (self));

  if (self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->failures = 0;
  self->offline_since = 0;
  /* Subscribe on every start (the subscription lapses after 2 days). */
  self->subscribed = FALSE;
  step_subscribe (self);
}

void
hcc_event_stream_stop (HccEventStream *self)
{
  g_return_if_fail (HCC_IS_EVENT_STREAM (self));

  clear_timer (self);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  set_next_retry (self, NULL);
  set_state (self, HCC_EVENT_STREAM_STATE_STOPPED);
}

void
hcc_event_stream_retry_now (HccEventStream *self)
{
  g_return_if_fail (HCC_IS_EVENT_STREAM (self));

  if (self->cancellable == NULL)
    return;

  if (self->state == HCC_EVENT_STREAM_STATE_OFFLINE ||
      self->state == HCC_EVENT_STREAM_STATE_AUTH_FAILED)
    {
      set_next_retry (self, NULL);
      if (self->state == HCC_EVENT_STREAM_STATE_AUTH_FAILED)
        self->subscribed = FALSE;
      schedule (self, 0);
    }
}

HccEventStreamState
hcc_event_stream_get_state (HccEventStream *self)
{
  g_return_val_if_fail (HCC_IS_EVENT_STREAM (self), HCC_EVENT_STREAM_STATE_STOPPED);

  return self->state;
}

GDateTime *
hcc_event_stream_get_next_retry (HccEventStream *self)
{
  g_return_val_if_fail (HCC_IS_EVENT_STREAM (self), NULL);

  return self->next_retry;
}

void
hcc_event_stream_set_poll_interval (HccEventStream *self,
                                    guint           interval_ms)
{
  g_return_if_fail (HCC_IS_EVENT_STREAM (self));

  /* Below 500 ms an idle desk would exceed half of the 5/s budget. */
  interval_ms = CLAMP (interval_ms, MIN_POLL_INTERVAL_MS, 60000);
  if (self->poll_interval_ms == interval_ms)
    return;

  self->poll_interval_ms = interval_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLL_INTERVAL]);
}

guint
hcc_event_stream_get_poll_interval (HccEventStream *self)
{
  g_return_val_if_fail (HCC_IS_EVENT_STREAM (self), 0);

  return self->poll_interval_ms;
}

HccCall *
hcc_event_stream_lookup_call (HccEventStream *self,
                              const char     *record_id)
{
  g_return_val_if_fail (HCC_IS_EVENT_STREAM (self), NULL);

  if (record_id == NULL || self->calls == NULL)
    return NULL;
  return g_hash_table_lookup (self->calls, record_id);
}

/**
 * hcc_event_stream_get_last_error:
 *
 * Returns: (nullable) (transfer none): why the stream is offline, has
 *   lapsed or was refused; NULL while online.
 */
const GError *
hcc_event_stream_get_last_error (HccEventStream *self)
{
  g_return_val_if_fail (HCC_IS_EVENT_STREAM (self), NULL);

  return self->last_error;
}
