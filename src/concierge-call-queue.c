/* concierge-call-queue.c: the front desk's door calls, in arrival order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The queue turns the event stream's HccCall objects into the desk's view of
 * them, drives the ringer, carries out the operator's actions and writes
 * every transition into the log store. Two rules shape it: a call never
 * stays ringing (every way out of "ringing" is handled, including a stream
 * that stays silent), and silencing is local only (it never reaches the
 * platform, which would tell the visitor they were rejected).
 */

#define G_LOG_DOMAIN "concierge-call-queue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-call-queue.h"
#include "concierge-call-place.h"

#define DEFAULT_LINGER_SECONDS   10
#define DEFAULT_MAX_RING_SECONDS 90

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STREAM,
  PROP_LOG_STORE,
  PROP_RINGER,
  PROP_OPERATOR,
  PROP_LINGER_SECONDS,
  PROP_MAX_RING_SECONDS,
  PROP_RINGING,
  PROP_N_ITEMS,
  N_PROPS
};

struct _ConciergeCallQueue
{
  GObject            parent_instance;

  HccClient         *client;           /* (owned) */
  HccEventStream    *stream;           /* (owned) */
  ConciergeLogStore *log_store;        /* (owned) (nullable) */
  ConciergeRinger   *ringer;           /* (owned) (nullable) */
  ConciergeDirectory *directory;       /* (owned) (nullable): for the log's building */
  char              *operator;         /* (owned) (nullable) */
  guint              linger_seconds;
  guint              max_ring_seconds;
  gboolean           ringing;

  GPtrArray         *items;            /* (element-type ConciergeQueuedCall) oldest first */
  GHashTable        *by_id;            /* record id (unowned) -> item (unowned) */
  GPtrArray         *linger_sources;   /* (element-type GSource) (owned) */
  GHashTable        *busy;             /* (owned) record ids with a call/receive in flight */
  guint              tick_id;          /* the one-second timer, while a call rings at the door */
};

static void concierge_call_queue_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConciergeCallQueue, concierge_call_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      concierge_call_queue_list_model_init))

static GParamSpec *properties[N_PROPS];

typedef struct {
  ConciergeCallQueue  *self;   /* (unowned): the source is destroyed in dispose */
  ConciergeQueuedCall *item;   /* (owned) */
} Linger;

static void
linger_free (gpointer data)
{
  Linger *linger = data;

  g_clear_object (&linger->item);
  g_free (linger);
}

static void
source_destroy_and_unref (gpointer data)
{
  g_source_destroy (data);
  g_source_unref (data);
}

/* The list model */

static GType
concierge_call_queue_get_item_type (GListModel *model)
{
  return CONCIERGE_TYPE_QUEUED_CALL;
}

static guint
concierge_call_queue_get_n_items (GListModel *model)
{
  return CONCIERGE_CALL_QUEUE (model)->items->len;
}

static gpointer
concierge_call_queue_get_item (GListModel *model,
                               guint       position)
{
  ConciergeCallQueue *self = CONCIERGE_CALL_QUEUE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
concierge_call_queue_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = concierge_call_queue_get_item_type;
  iface->get_n_items = concierge_call_queue_get_n_items;
  iface->get_item = concierge_call_queue_get_item;
}

/* Ringing and the shared timer */

static void
update_ringer (ConciergeCallQueue *self)
{
  gboolean ringing = FALSE;

  for (guint i = 0; i < self->items->len && !ringing; i++)
    ringing = concierge_queued_call_get_state (g_ptr_array_index (self->items, i)) ==
              CONCIERGE_QUEUED_CALL_RINGING;

  /* Told every time, not only on a change: stopping must never depend on a
   * flag of ours that might be stale. */
  if (self->ringer != NULL)
    concierge_ringer_set_ringing (self->ringer, ringing);

  if (self->ringing != ringing)
    {
      self->ringing = ringing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RINGING]);
    }
}

static void
update_waiting (ConciergeQueuedCall *item,
                gint64               now)
{
  gint64 waited = (now - concierge_queued_call_get_arrived_monotonic (item)) / G_USEC_PER_SEC;

  concierge_queued_call_set_waiting_seconds (item, (guint) MAX (waited, 0));
}

static void
log_outcome (ConciergeCallQueue       *self,
             const char               *record_id,
             ConciergeQueuedCallState  state)
{
  if (self->log_store == NULL)
    return;

  switch (state)
    {
    case CONCIERGE_QUEUED_CALL_ANSWERED:
      concierge_log_store_call_answered (self->log_store, record_id, self->operator, NULL);
      break;
    case CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE:
      concierge_log_store_call_answered_elsewhere (self->log_store, record_id, NULL);
      break;
    case CONCIERGE_QUEUED_CALL_DECLINED:
      concierge_log_store_call_declined (self->log_store, record_id, self->operator, NULL);
      break;
    case CONCIERGE_QUEUED_CALL_MISSED:
      concierge_log_store_call_missed (self->log_store, record_id, NULL);
      break;
    case CONCIERGE_QUEUED_CALL_ENDED:
      concierge_log_store_call_ended (self->log_store, record_id, NULL);
      break;
    case CONCIERGE_QUEUED_CALL_RINGING:
    case CONCIERGE_QUEUED_CALL_SILENCED:
    default:
      break;
    }
}

static void
remove_item (ConciergeCallQueue  *self,
             ConciergeQueuedCall *item)
{
  guint position;

  if (!g_ptr_array_find (self->items, item, &position))
    return;

  g_hash_table_remove (self->by_id, concierge_queued_call_get_record_id (item));
  /* The array owns the item; keep it alive until the signal is out. */
  g_object_ref (item);
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_unref (item);
}

static gboolean
linger_cb (gpointer user_data)
{
  Linger *linger = user_data;
  ConciergeCallQueue *self = linger->self;
  GSource *source = g_main_current_source ();

  g_assert (CONCIERGE_IS_CALL_QUEUE (self));

  remove_item (self, linger->item);
  /* Destroys the source, and with it @linger: touch neither afterwards. */
  g_ptr_array_remove_fast (self->linger_sources, source);

  return G_SOURCE_REMOVE;
}

static void
schedule_linger (ConciergeCallQueue  *self,
                 ConciergeQueuedCall *item)
{
  GSource *source;
  Linger *linger;

  linger = g_new0 (Linger, 1);
  linger->self = self;
  linger->item = g_object_ref (item);

  source = g_timeout_source_new (self->linger_seconds * 1000);
  g_source_set_static_name (source, "[concierge] call linger");
  g_source_set_callback (source, linger_cb, linger, linger_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_ptr_array_add (self->linger_sources, source);
}

static void ensure_tick (ConciergeCallQueue *self);

/* Moves @item to a new state, logs it, and takes care of the ring, the
 * timer and the linger. Finished calls ignore anything later: the first
 * outcome wins, as in the log store. */
static void
transition (ConciergeCallQueue       *self,
            ConciergeQueuedCall      *item,
            ConciergeQueuedCallState  state)
{
  ConciergeQueuedCallState old = concierge_queued_call_get_state (item);
  const char *record_id = concierge_queued_call_get_record_id (item);

  if (old == state || concierge_queued_call_is_finished (item))
    return;

  g_debug ("Call %s: %d -> %d", record_id, old, state);

  /* The waiting time stops where the visitor stopped waiting. */
  if (concierge_queued_call_is_ringing_at_door (item))
    update_waiting (item, g_get_monotonic_time ());

  concierge_queued_call_set_state (item, state);
  log_outcome (self, record_id, state);

  if (concierge_queued_call_is_finished (item))
    schedule_linger (self, item);

  update_ringer (self);
  ensure_tick (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  ConciergeCallQueue *self = user_data;
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();
  gint64 now = g_get_monotonic_time ();
  gboolean any = FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      ConciergeQueuedCall *item = g_ptr_array_index (self->items, i);

      if (!concierge_queued_call_is_ringing_at_door (item))
        continue;

      update_waiting (item, now);
      /* No device rings longer than this: a call still "ringing" after it
       * means its end was lost (the stream was offline, say). A call being
       * answered right now waits for the platform's word instead. */
      if (self->max_ring_seconds > 0 &&
          !g_hash_table_contains (self->busy, concierge_queued_call_get_record_id (item)) &&
          concierge_queued_call_get_waiting_seconds (item) >= self->max_ring_seconds)
        g_ptr_array_add (stale, item);
      else
        any = TRUE;
    }

  if (!any)
    self->tick_id = 0;

  for (guint i = 0; i < stale->len; i++)
    {
      g_debug ("Call %s rang past %u s without news: missed",
               concierge_queued_call_get_record_id (g_ptr_array_index (stale, i)),
               self->max_ring_seconds);
      transition (self, g_ptr_array_index (stale, i), CONCIERGE_QUEUED_CALL_MISSED);
    }

  return any ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
ensure_tick (ConciergeCallQueue *self)
{
  gboolean needed = FALSE;

  for (guint i = 0; i < self->items->len && !needed; i++)
    needed = concierge_queued_call_is_ringing_at_door (g_ptr_array_index (self->items, i));

  if (needed && self->tick_id == 0)
    {
      self->tick_id = g_timeout_add (1000, tick_cb, self);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->tick_id),
                                "[concierge] call queue tick");
    }
  else if (!needed && self->tick_id != 0)
    {
      g_source_remove (self->tick_id);
      self->tick_id = 0;
    }
}

/* The event stream */

/* A subscription outlives the app (the platform keeps it for 2 days), so
 * calls queued while the desk was closed arrive when it starts, long after
 * their door station gave up. Such a call is missed and must not ring. The
 * age is measured against the platform's own time of the call; allowing as
 * much again as the longest ring absorbs a clock difference between the
 * desk and the platform. */
static gboolean
is_stale_on_arrival (ConciergeCallQueue *self,
                     HccCall            *call)
{
  GDateTime *started = hcc_call_get_started (call);
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan age;

  if (self->max_ring_seconds == 0 || started == NULL)
    return FALSE;

  now = g_date_time_new_now_utc ();
  age = g_date_time_difference (now, started);

  return age > 2 * (GTimeSpan) self->max_ring_seconds * G_TIME_SPAN_SECOND;
}

static void
call_incoming_cb (ConciergeCallQueue *self,
                  HccCall            *call,
                  HccEventStream     *stream)
{
  g_autoptr(ConciergeQueuedCall) item = NULL;
  const char *record_id = hcc_call_get_record_id (call);

  g_assert (CONCIERGE_IS_CALL_QUEUE (self));

  if (record_id == NULL || g_hash_table_contains (self->by_id, record_id))
    return;

  item = concierge_queued_call_new (call);
  g_ptr_array_add (self->items, g_object_ref (item));
  g_hash_table_insert (self->by_id, (gpointer) concierge_queued_call_get_record_id (item), item);

  if (self->log_store != NULL)
    {
      g_autofree char *building = NULL;
      g_autofree char *room_id = NULL;

      /* The event names the station and the room number, not the
       * building: the directory knows it, when it is loaded. */
      if (self->directory != NULL)
        concierge_call_find_place (self->directory, call, NULL, &building, &room_id);
      concierge_log_store_call_started (self->log_store, record_id,
                                        hcc_call_get_device_name (call),
                                        hcc_call_get_device_serial (call),
                                        building,
                                        hcc_call_get_room_number (call),
                                        hcc_call_get_call_type (call),
                                        hcc_call_get_started (call));
    }

  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (is_stale_on_arrival (self, call))
    {
      g_debug ("Call %s arrived long after it started: missed", record_id);
      transition (self, item, CONCIERGE_QUEUED_CALL_MISSED);
      return;
    }

  update_ringer (self);
  ensure_tick (self);
}

static void
call_updated_cb (ConciergeCallQueue *self,
                 HccCall            *call,
                 HccEventStream     *stream)
{
  const char *record_id = hcc_call_get_record_id (call);
  HccCallState platform_state = hcc_call_get_state (call);
  ConciergeQueuedCall *item;
  gboolean answered_here;

  g_assert (CONCIERGE_IS_CALL_QUEUE (self));

  if (record_id == NULL)
    return;

  item = g_hash_table_lookup (self->by_id, record_id);
  if (item == NULL)
    {
      /* Over before we saw it ring (we were offline): the log still needs
       * it, the desk must not ring for it. */
      if (self->log_store == NULL)
        return;
      if (platform_state == HCC_CALL_STATE_ANSWERED_ELSEWHERE)
        concierge_log_store_call_answered_elsewhere (self->log_store, record_id, NULL);
      else if (platform_state == HCC_CALL_STATE_CANCELLED)
        concierge_log_store_call_missed (self->log_store, record_id, NULL);
      else if (platform_state == HCC_CALL_STATE_HUNG_UP)
        concierge_log_store_call_ended (self->log_store, record_id, NULL);
      return;
    }

  answered_here = concierge_queued_call_get_state (item) == CONCIERGE_QUEUED_CALL_ANSWERED;

  switch (platform_state)
    {
    case HCC_CALL_STATE_ANSWERED_ELSEWHERE:
      /* While our own call/receive is in flight, "answered" may be the echo
       * of our answer: the platform's reply to it decides (VMS038027 if
       * someone else was first). */
      if (g_hash_table_contains (self->busy, record_id))
        g_debug ("Call %s answered while our action is in flight: waiting for its reply",
                 record_id);
      else if (!answered_here)
        transition (self, item, CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE);
      break;

    case HCC_CALL_STATE_HUNG_UP:
    case HCC_CALL_STATE_CANCELLED:
      /* Before anyone answered, the visitor gave up: missed. */
      transition (self, item,
                  answered_here ? CONCIERGE_QUEUED_CALL_ENDED : CONCIERGE_QUEUED_CALL_MISSED);
      break;

    case HCC_CALL_STATE_RINGING:
    case HCC_CALL_STATE_ANSWERED:
    case HCC_CALL_STATE_ENDED:
    default:
      break;
    }
}

/* Actions on calls */

static void
act_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConciergeCallQueue *self = g_task_get_source_object (task);
  HccCallAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "action"));
  const char *record_id = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  ConciergeQueuedCall *item;
  gboolean answered_here;

  g_hash_table_remove (self->busy, record_id);

  if (hcc_calls_act_finish (HCC_CLIENT (source), result, &error))
    {
      item = g_hash_table_lookup (self->by_id, record_id);
      if (item != NULL)
        {
          switch (action)
            {
            case HCC_CALL_ACTION_ANSWER:
              hcc_call_set_state (concierge_queued_call_get_call (item), HCC_CALL_STATE_ANSWERED);
              transition (self, item, CONCIERGE_QUEUED_CALL_ANSWERED);
              break;
            case HCC_CALL_ACTION_DECLINE:
              hcc_call_set_state (concierge_queued_call_get_call (item), HCC_CALL_STATE_ENDED);
              transition (self, item, CONCIERGE_QUEUED_CALL_DECLINED);
              break;
            case HCC_CALL_ACTION_HANG_UP:
            default:
              hcc_call_set_state (concierge_queued_call_get_call (item), HCC_CALL_STATE_ENDED);
              transition (self, item, CONCIERGE_QUEUED_CALL_ENDED);
              break;
            }
        }
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The platform says the call is over: show how, so nothing stays
   * ringing, and still hand the error on for the UI to explain. */
  item = g_hash_table_lookup (self->by_id, record_id);
  if (item != NULL)
    {
      const char *code = hcc_error_get_platform_code (error);

      answered_here = concierge_queued_call_get_state (item) == CONCIERGE_QUEUED_CALL_ANSWERED;
      if (g_strcmp0 (code, "VMS038027") == 0)
        transition (self, item,
                    answered_here ? CONCIERGE_QUEUED_CALL_ENDED
                                  : CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE);
      else if (g_strcmp0 (code, "VMS038029") == 0)
        transition (self, item,
                    answered_here ? CONCIERGE_QUEUED_CALL_ENDED : CONCIERGE_QUEUED_CALL_MISSED);
      else if (g_strcmp0 (code, "VMS038019") == 0 ||
               g_error_matches (error, HCC_ERROR, HCC_ERROR_NOT_FOUND))
        transition (self, item, CONCIERGE_QUEUED_CALL_ENDED);
      else
        g_debug ("Action %d on call %s failed: %s", action, record_id, error->message);
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

static void
act_async (ConciergeCallQueue  *self,
           const char          *record_id,
           HccCallAction        action,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ConciergeQueuedCall *item;
  gboolean allowed;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (record_id), g_free);
  g_object_set_data (G_OBJECT (task), "action", GINT_TO_POINTER (action));

  item = record_id != NULL ? g_hash_table_lookup (self->by_id, record_id) : NULL;
  if (item == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("This call is no longer in the queue"));
      return;
    }

  if (action == HCC_CALL_ACTION_HANG_UP)
    allowed = concierge_queued_call_get_state (item) == CONCIERGE_QUEUED_CALL_ANSWERED;
  else
    allowed = concierge_queued_call_is_ringing_at_door (item);

  if (!allowed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               action == HCC_CALL_ACTION_HANG_UP
                               ? _("Only a call answered at this desk can be hung up")
                               : _("This call is no longer ringing"));
      return;
    }

  /* One action per call at a time: a double click must not send a decline
   * after an answer, or answer twice. */
  if (g_hash_table_contains (self->busy, record_id))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("This call is already being acted on"));
      return;
    }
  g_hash_table_add (self->busy, g_strdup (record_id));

  /* No userId: hcc-calls picks the right one for the call type (T40). */
  hcc_calls_act_async (self->client, record_id, action, NULL, cancellable,
                       act_cb, g_steal_pointer (&task));
}

static gboolean
act_finish (ConciergeCallQueue  *self,
            GAsyncResult        *result,
            gpointer             source_tag,
            GError             **error)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_QUEUE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Opening the door */

static void
open_door_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConciergeCallQueue *self = g_task_get_source_object (task);
  ConciergeDoorAction *action = g_task_get_task_data (task);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  results = hcc_doors_control_finish (HCC_CLIENT (source), result, &error);
  if (results == NULL)
    {
      /* Cancelled: whether the door opened is unknown, so the log entry
       * stays pending rather than claiming a failure. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->log_store != NULL)
        {
          concierge_door_action_set_result (action, CONCIERGE_DOOR_ACTION_RESULT_FAILED,
                                            hcc_error_get_platform_code (error), error->message);
          concierge_log_store_record_door_action (self->log_store, action);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->log_store != NULL)
    {
      const char *door_id = concierge_door_action_get_door_id (action);
      ConciergeDoorActionResult outcome = CONCIERGE_DOOR_ACTION_RESULT_FAILED;
      const char *code = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(HccDoorResult) door = g_list_model_get_item (results, i);

          if (g_strcmp0 (hcc_door_result_get_door_id (door), door_id) != 0)
            continue;
          outcome = hcc_door_result_get_succeeded (door) ? CONCIERGE_DOOR_ACTION_RESULT_OK
                                                         : CONCIERGE_DOOR_ACTION_RESULT_FAILED;
          code = hcc_door_result_get_error_code (door);
          break;
        }

      concierge_door_action_set_result (action, outcome,
                                        outcome == CONCIERGE_DOOR_ACTION_RESULT_OK ? NULL : code,
                                        NULL);
      concierge_log_store_record_door_action (self->log_store, action);
    }

  g_task_return_pointer (task, g_steal_pointer (&results), g_object_unref);
}

/* GObject */

static void
concierge_call_queue_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConciergeCallQueue *self = CONCIERGE_CALL_QUEUE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STREAM:
      g_value_set_object (value, self->stream);
      break;
    case PROP_LOG_STORE:
      g_value_set_object (value, self->log_store);
      break;
    case PROP_RINGER:
      g_value_set_object (value, self->ringer);
      break;
    case PROP_OPERATOR:
      g_value_set_string (value, self->operator);
      break;
    case PROP_LINGER_SECONDS:
      g_value_set_uint (value, self->linger_seconds);
      break;
    case PROP_MAX_RING_SECONDS:
      g_value_set_uint (value, self->max_ring_seconds);
      break;
    case PROP_RINGING:
      g_value_set_boolean (value, self->ringing);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_call_queue_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConciergeCallQueue *self = CONCIERGE_CALL_QUEUE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_STREAM:
      self->stream = g_value_dup_object (value);
      break;
    case PROP_LOG_STORE:
      self->log_store = g_value_dup_object (value);
      break;
    case PROP_RINGER:
      self->ringer = g_value_dup_object (value);
      break;
    case PROP_OPERATOR:
      concierge_call_queue_set_operator (self, g_value_get_string (value));
      break;
    case PROP_LINGER_SECONDS:
      concierge_call_queue_set_linger_seconds (self, g_value_get_uint (value));
      break;
    case PROP_MAX_RING_SECONDS:
      concierge_call_queue_set_max_ring_seconds (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_call_queue_constructed (GObject *object)
{
  ConciergeCallQueue *self = CONCIERGE_CALL_QUEUE (object);

  G_OBJECT_CLASS (concierge_call_queue_parent_class)->constructed (object);

  g_assert (HCC_IS_CLIENT (self->client));
  g_assert (HCC_IS_EVENT_STREAM (self->stream));

  g_signal_connect_object (self->stream, "call-incoming",
                           G_CALLBACK (call_incoming_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stream, "call-updated",
                           G_CALLBACK (call_updated_cb), self, G_CONNECT_SWAPPED);
}

static void
concierge_call_queue_dispose (GObject *object)
{
  ConciergeCallQueue *self = CONCIERGE_CALL_QUEUE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_ptr_array_set_size (self->linger_sources, 0);

  /* Whoever drops the queue drops its calls: nothing may keep ringing. */
  if (self->ringer != NULL && self->ringing)
    concierge_ringer_set_ringing (self->ringer, FALSE);
  self->ringing = FALSE;

  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->items, 0);

  g_clear_object (&self->stream);
  g_clear_object (&self->client);
  g_clear_object (&self->log_store);
  g_clear_object (&self->directory);
  g_clear_object (&self->ringer);

  G_OBJECT_CLASS (concierge_call_queue_parent_class)->dispose (object);
}

static void
concierge_call_queue_finalize (GObject *object)
{
  ConciergeCallQueue *self = CONCIERGE_CALL_QUEUE (object);

  g_clear_pointer (&self->operator, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->linger_sources, g_ptr_array_unref);
  g_clear_pointer (&self->busy, g_hash_table_unref);

  G_OBJECT_CLASS (concierge_call_queue_parent_class)->finalize (object);
}

static void
concierge_call_queue_class_init (ConciergeCallQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = concierge_call_queue_get_property;
  object_class->set_property = concierge_call_queue_set_property;
  object_class->constructed = concierge_call_queue_constructed;
  object_class->dispose = concierge_call_queue_dispose;
  object_class->finalize = concierge_call_queue_finalize;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HCC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, HCC_TYPE_EVENT_STREAM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG_STORE] =
    g_param_spec_object ("log-store", NULL, NULL, CONCIERGE_TYPE_LOG_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RINGER] =
    g_param_spec_object ("ringer", NULL, NULL, CONCIERGE_TYPE_RINGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINGER_SECONDS] =
    g_param_spec_uint ("linger-seconds", NULL, NULL, 0, 3600, DEFAULT_LINGER_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_RING_SECONDS] =
    g_param_spec_uint ("max-ring-seconds", NULL, NULL, 0, 86400, DEFAULT_MAX_RING_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RINGING] =
    g_param_spec_boolean ("ringing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concierge_call_queue_init (ConciergeCallQueue *self)
{
  self->linger_seconds = DEFAULT_LINGER_SECONDS;
  self->max_ring_seconds = DEFAULT_MAX_RING_SECONDS;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->linger_sources = g_ptr_array_new_with_free_func (source_destroy_and_unref);
  self->busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ConciergeCallQueue *
concierge_call_queue_new (HccClient         *client,
                          HccEventStream    *stream,
                          ConciergeLogStore *log_store,
                          ConciergeRinger   *ringer)
{
  g_return_val_if_fail (HCC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (HCC_IS_EVENT_STREAM (stream), NULL);
  g_return_val_if_fail (log_store == NULL || CONCIERGE_IS_LOG_STORE (log_store), NULL);
  g_return_val_if_fail (ringer == NULL || CONCIERGE_IS_RINGER (ringer), NULL);

  return g_object_new (CONCIERGE_TYPE_CALL_QUEUE,
                       "client", client,
                       "stream", stream,
                       "log-store", log_store,
                       "ringer", ringer,
                       NULL);
}

void
concierge_call_queue_set_directory (ConciergeCallQueue *self,
                                    ConciergeDirectory *directory)
{
  g_return_if_fail (CONCIERGE_IS_CALL_QUEUE (self));
  g_return_if_fail (directory == NULL || CONCIERGE_IS_DIRECTORY (directory));

  g_set_object (&self->directory, directory);
}

const char *
concierge_call_queue_get_operator (ConciergeCallQueue *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_QUEUE (self), NULL);
  return self->operator;
}

void
concierge_call_queue_set_operator (ConciergeCallQueue *self,
                                   const char         *operator)
{
  g_return_if_fail (CONCIERGE_IS_CALL_QUEUE (self));

  if (g_strcmp0 (self->operator, operator) == 0)
    return;

  g_free (self->operator);
  self->operator = g_strdup (operator);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
}

guint
concierge_call_queue_get_linger_seconds (ConciergeCallQueue *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_QUEUE (self), 0);
  return self->linger_seconds;
}

void
concierge_call_queue_set_linger_seconds (ConciergeCallQueue *self,
                                         guint               seconds)
{
  g_return_if_fail (CONCIERGE_IS_CALL_QUEUE (self));

  if (self->linger_seconds == seconds)
    return;

  /* Calls already lingering keep their time. */
  self->linger_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINGER_SECONDS]);
}

guint
concierge_call_queue_get_max_ring_seconds (ConciergeCallQueue *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_QUEUE (self), 0);
  return self->max_ring_seconds;
}

void
concierge_call_queue_set_max_ring_seconds (ConciergeCallQueue *self,
                                           guint               seconds)
{
  g_return_if_fail (CONCIERGE_IS_CALL_QUEUE (self));

  if (self->max_ring_seconds == seconds)
    return;

  self->max_ring_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RING_SECONDS]);
}

gboolean
concierge_call_queue_get_ringing (ConciergeCallQueue *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_QUEUE (self), FALSE);
  return self->ringing;
}

ConciergeQueuedCall *
concierge_call_queue_lookup (ConciergeCallQueue *self,
                             const char         *record_id)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_QUEUE (self), NULL);

  if (record_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, record_id);
}

gboolean
concierge_call_queue_silence (ConciergeCallQueue *self,
                              const char         *record_id)
{
  ConciergeQueuedCall *item;

  g_return_val_if_fail (CONCIERGE_IS_CALL_QUEUE (self), FALSE);

  item = concierge_call_queue_lookup (self, record_id);
  if (item == NULL || concierge_queued_call_get_state (item) != CONCIERGE_QUEUED_CALL_RINGING)
    return FALSE;

  /* Local only: the visitor must not hear a rejection (FRONT-DESK.md). */
  concierge_queued_call_set_state (item, CONCIERGE_QUEUED_CALL_SILENCED);
  update_ringer (self);

  return TRUE;
}

void
concierge_call_queue_silence_all (ConciergeCallQueue *self)
{
  g_return_if_fail (CONCIERGE_IS_CALL_QUEUE (self));

  for (guint i = 0; i < self->items->len; i++)
    {
      ConciergeQueuedCall *item = g_ptr_array_index (self->items, i);

      if (concierge_queued_call_get_state (item) == CONCIERGE_QUEUED_CALL_RINGING)
        concierge_queued_call_set_state (item, CONCIERGE_QUEUED_CALL_SILENCED);
    }

  update_ringer (self);
}

void
concierge_call_queue_answer_async (ConciergeCallQueue  *self,
                                   const char          *record_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (CONCIERGE_IS_CALL_QUEUE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  act_async (self, record_id, HCC_CALL_ACTION_ANSWER, concierge_call_queue_answer_async,
             cancellable, callback, user_data);
}

gboolean
concierge_call_queue_answer_finish (ConciergeCallQueue  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  return act_finish (self, result, concierge_call_queue_answer_async, error);
}

void
concierge_call_queue_decline_async (ConciergeCallQueue  *self,
                                    const char          *record_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (CONCIERGE_IS_CALL_QUEUE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  act_async (self, record_id, HCC_CALL_ACTION_DECLINE, concierge_call_queue_decline_async,
             cancellable, callback, user_data);
}

gboolean
concierge_call_queue_decline_finish (ConciergeCallQueue  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  return act_finish (self, result, concierge_call_queue_decline_async, error);
}

void
concierge_call_queue_hang_up_async (ConciergeCallQueue  *self,
                                    const char          *record_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (CONCIERGE_IS_CALL_QUEUE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  act_async (self, record_id, HCC_CALL_ACTION_HANG_UP, concierge_call_queue_hang_up_async,
             cancellable, callback, user_data);
}

gboolean
concierge_call_queue_hang_up_finish (ConciergeCallQueue  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  return act_finish (self, result, concierge_call_queue_hang_up_async, error);
}

void
concierge_call_queue_open_door_async (ConciergeCallQueue  *self,
                                      const char          *record_id,
                                      const char          *door_id,
                                      const char          *reason,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(ConciergeDoorAction) action = NULL;
  const char * const *door_ids;
  const char * const *door_names;
  const char *door_ids_sent[2] = { NULL, NULL };
  const char *door_name = NULL;
  guint n_doors;
  guint index = 0;
  ConciergeQueuedCall *item;

  g_return_if_fail (CONCIERGE_IS_CALL_QUEUE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, concierge_call_queue_open_door_async);

  item = concierge_call_queue_lookup (self, record_id);
  if (item == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("This call is no longer in the queue"));
      return;
    }

  door_ids = concierge_queued_call_get_door_ids (item);
  door_names = concierge_queued_call_get_door_names (item);
  n_doors = door_ids != NULL ? g_strv_length ((char **) door_ids) : 0;

  /* Never an empty list (the platform would open every door, T27), and
   * never a door that is not this call's. */
  if (n_doors == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The door station of this call has no door to open"));
      return;
    }

  if (door_id == NULL)
    {
      if (n_doors > 1)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                   _("This door station has several doors: choose one"));
          return;
        }
      index = 0;
    }
  else
    {
      for (index = 0; index < n_doors; index++)
        if (g_strcmp0 (door_ids[index], door_id) == 0)
          break;
      if (index == n_doors)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                   _("This door does not belong to the calling door station"));
          return;
        }
    }

  door_ids_sent[0] = door_ids[index];
  if (door_names != NULL && index < g_strv_length ((char **) door_names))
    door_name = door_names[index];

  action = concierge_door_action_new (self->operator, door_ids[index], door_name,
                                      CONCIERGE_DOOR_ACTION_UNLOCK, reason,
                                      CONCIERGE_DOOR_ACTION_SOURCE_CALL, record_id);
  /* Logged before it is sent, so it is in the log even if the app dies
   * before the answer comes. */
  if (self->log_store != NULL)
    concierge_log_store_record_door_action (self->log_store, action);
  g_task_set_task_data (task, g_steal_pointer (&action), g_object_unref);

  hcc_doors_control_async (self->client, HCC_DOOR_ACTION_UNLOCK, door_ids_sent, cancellable,
                           open_door_cb, g_steal_pointer (&task));
}

GListModel *
concierge_call_queue_open_door_finish (ConciergeCallQueue  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_QUEUE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        concierge_call_queue_open_door_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
