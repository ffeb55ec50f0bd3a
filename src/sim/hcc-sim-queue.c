/* hcc-sim-queue.c: the rawmsg message queue (catalogue §2.1-2.3, §13.5-13.8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Delivery is at least once: messages hands out the oldest events as a
 * batch and hands out the same batch until complete confirms it (L4617).
 * The batch is simply the first batch_len events of the account's queue,
 * so new events posted meanwhile wait behind it.
 */

#define G_LOG_DOMAIN "hcc-sim-queue"

#include "config.h"

#include <string.h>

#include "hcc-sim-private.h"

#define DAY_MS           (24 * 3600 * G_GINT64_CONSTANT (1000))
#define RETENTION_MS     (3 * DAY_MS)
#define LAPSE_MS         (2 * DAY_MS)
#define BATCH_MAX        20
#define MODULE_KEY       "queue"

typedef struct {
  JsonNode *event;
  gint64    posted_ms;
} QueuedEvent;

/* One queue per platform account, as the token names it. */
typedef struct {
  char      *user_id;
  gboolean   subscribed;
  GPtrArray *types;         /* (element-type utf8) empty means every type */
  gint64     last_pull_ms;
  GQueue     events;        /* (element-type QueuedEvent) oldest first */
  char      *batch_id;      /* (nullable) the batch handed out and not completed */
  guint      batch_len;     /* the batch is the first batch_len events */
} Account;

typedef struct {
  GHashTable *accounts;     /* user ID → Account */
} Queue;

static void
queued_event_free (gpointer data)
{
  QueuedEvent *queued = data;

  json_node_unref (queued->event);
  g_free (queued);
}

static void
account_clear_events (Account *account)
{
  g_queue_clear_full (&account->events, queued_event_free);
  g_queue_init (&account->events);
  g_clear_pointer (&account->batch_id, g_free);
  account->batch_len = 0;
}

static void
account_free (gpointer data)
{
  Account *account = data;

  account_clear_events (account);
  g_ptr_array_unref (account->types);
  g_free (account->user_id);
  g_free (account);
}

static void
queue_free (gpointer data)
{
  Queue *queue = data;

  g_hash_table_unref (queue->accounts);
  g_free (queue);
}

static Queue *
get_queue (HccSim *sim)
{
  return _hcc_sim_get_module_data (sim, MODULE_KEY);
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  /* The guide prints "Msg 110001" with a space (T2). */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A subscription that nobody pulled for 2 days is cancelled, with its
 * events, as the guide says for the raw queue (L661). */
static void
account_check_lapse (Account *account,
                     gint64   now_ms)
{
  if (account->subscribed && now_ms - account->last_pull_ms > LAPSE_MS)
    {
      g_debug ("Subscription of %s lapsed", account->user_id);
      account->subscribed = FALSE;
      account_clear_events (account);
    }
}

static void
account_prune (Account *account,
               gint64   now_ms)
{
  QueuedEvent *head;

  while ((head = g_queue_peek_head (&account->events)) != NULL &&
         head->posted_ms < now_ms - RETENTION_MS)
    {
      queued_event_free (g_queue_pop_head (&account->events));
      if (account->batch_len > 0 && --account->batch_len == 0)
        g_clear_pointer (&account->batch_id, g_free);
    }
}

static gboolean
account_wants (Account    *account,
               const char *msg_type)
{
  if (account->types->len == 0)
    return TRUE;
  for (guint i = 0; i < account->types->len; i++)
    if (g_str_equal (g_ptr_array_index (account->types, i), msg_type))
      return TRUE;
  return FALSE;
}

static gboolean
check_user (const HccSimRequest *request,
            HccSimReply         *reply)
{
  if (request->user == NULL)
    {
      _hcc_sim_reply_error (reply, "OPEN000003", "User does not exist");
      return FALSE;
    }
  return TRUE;
}

static void
subscribe (HccSim              *sim,
           const HccSimRequest *request,
           HccSimReply         *reply)
{
  Queue *queue = get_queue (sim);
  Account *account;
  JsonNode *types_node;
  gint64 subscribe_type;
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);

  if (!check_user (request, reply))
    return;

  if (!_hcc_sim_get_int (request->object, "subscribeType", &subscribe_type) ||
      (subscribe_type != 0 && subscribe_type != 1))
    {
      _hcc_sim_reply_error (reply, "OPEN000010", "subscribeType must be 0 or 1");
      return;
    }

  types_node = request->object != NULL ? json_object_get_member (request->object, "msgType") : NULL;
  if (types_node != NULL && !JSON_NODE_HOLDS_NULL (types_node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (types_node))
        {
          _hcc_sim_reply_error (reply, "OPEN000010", "msgType must be a list of strings");
          return;
        }
      array = json_node_get_array (types_node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) ||
              json_node_get_value_type (element) != G_TYPE_STRING)
            {
              _hcc_sim_reply_error (reply, "OPEN000010", "msgType must be a list of strings");
              return;
            }
          g_ptr_array_add (types, strip_spaces (json_node_get_string (element)));
        }
    }

  account = g_hash_table_lookup (queue->accounts, request->user->id);
  if (account == NULL)
    {
      account = g_new0 (Account, 1);
      account->user_id = g_strdup (request->user->id);
      account->types = g_ptr_array_new_with_free_func (g_free);
      g_queue_init (&account->events);
      g_hash_table_insert (queue->accounts, account->user_id, account);
    }
  account_check_lapse (account, request->now_ms);

  /* Cancelling drops what was waiting, like a lapse. */
  if (subscribe_type == 0)
    {
      account->subscribed = FALSE;
      account_clear_events (account);
      return;
    }

  g_ptr_array_unref (account->types);
  account->types = g_steal_pointer (&types);
  account->subscribed = TRUE;
  account->last_pull_ms = request->now_ms;
}

static char *
new_batch_id (HccSim *sim)
{
  GString *id = g_string_sized_new (96);

  /* 96 hex digits, like the guide's example (L4522). */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *part = _hcc_sim_new_hex_id (sim);

      g_string_append (id, part);
    }
  return g_string_free (id, FALSE);
}

static void
messages (HccSim              *sim,
          const HccSimRequest *request,
          HccSimReply         *reply)
{
  Queue *queue = get_queue (sim);
  Account *account;
  JsonObject *data;
  JsonArray *events;
  guint i = 0;

  if (!check_user (request, reply))
    return;

  account = g_hash_table_lookup (queue->accounts, request->user->id);
  if (account != NULL)
    account_check_lapse (account, request->now_ms);
  if (account == NULL || !account->subscribed)
    {
      _hcc_sim_reply_error (reply, "OPEN000016", "Messages not subscribed");
      return;
    }

  account->last_pull_ms = request->now_ms;
  account_prune (account, request->now_ms);

  data = json_object_new ();
  events = json_array_new ();

  /* A new batch only once the previous one was completed. */
  if (account->batch_id == NULL && account->events.length > 0)
    {
      account->batch_id = new_batch_id (sim);
      account->batch_len = MIN (BATCH_MAX, account->events.length);
    }

  /* An empty queue gets no batchId, so an idle client need not complete. */
  if (account->batch_id != NULL)
    {
      json_object_set_string_member (data, "batchId", account->batch_id);
      for (GList *l = account->events.head; l != NULL && i < account->batch_len; l = l->next, i++)
        {
          QueuedEvent *queued = l->data;

          json_array_add_element (events, json_node_copy (queued->event));
        }
    }

  json_object_set_int_member (data, "remainingNumber", account->events.length - account->batch_len);
  json_object_set_array_member (data, "event", events);
  _hcc_sim_reply_data (reply, json_node_init_object (json_node_alloc (), data));
  json_object_unref (data);
}

static void
complete (HccSim              *sim,
          const HccSimRequest *request,
          HccSimReply         *reply)
{
  Queue *queue = get_queue (sim);
  g_autofree char *batch_id = _hcc_sim_dup_string (request->object, "batchId");
  Account *account;

  if (!check_user (request, reply))
    return;

  /* The description spells it batchID. */
  if (batch_id == NULL)
    batch_id = _hcc_sim_dup_string (request->object, "batchID");
  if (batch_id == NULL || *batch_id == '\0')
    {
      _hcc_sim_reply_error (reply, "OPEN000010", "batchId is required");
      return;
    }

  account = g_hash_table_lookup (queue->accounts, request->user->id);
  if (account == NULL || account->batch_id == NULL || !g_str_equal (account->batch_id, batch_id))
    {
      _hcc_sim_reply_error (reply, "OPEN000012", "batchId does not exist");
      return;
    }

  for (guint i = 0; i < account->batch_len; i++)
    queued_event_free (g_queue_pop_head (&account->events));
  account->batch_len = 0;
  g_clear_pointer (&account->batch_id, g_free);
}

void
_hcc_sim_post_event (HccSim     *sim,
                     const char *msg_type,
                     JsonNode   *event)
{
  Queue *queue = get_queue (sim);
  g_autoptr(JsonNode) owned = event;
  g_autofree char *type = NULL;
  gint64 now_ms = _hcc_sim_now_ms (sim);
  GHashTableIter iter;
  Account *account;
  guint n_queued = 0;

  g_return_if_fail (msg_type != NULL);
  g_return_if_fail (event != NULL && JSON_NODE_HOLDS_OBJECT (event));

  if (queue == NULL)
    return;

  type = strip_spaces (msg_type);
  {
    JsonObject *object = json_node_get_object (event);

    if (!json_object_has_member (object, "uuid"))
      {
        g_autofree char *uuid = _hcc_sim_new_hex_id (sim);

        json_object_set_string_member (object, "uuid", uuid);
      }
    if (!json_object_has_member (object, "update"))
      json_object_set_boolean_member (object, "update", FALSE);
  }

  /* Every account gets its own copy; the uuid is the same in all of them,
   * since it is one event seen by several clients. */
  g_hash_table_iter_init (&iter, queue->accounts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &account))
    {
      QueuedEvent *queued;

      account_check_lapse (account, now_ms);
      if (!account->subscribed || !account_wants (account, type))
        continue;

      account_prune (account, now_ms);
      queued = g_new0 (QueuedEvent, 1);
      queued->event = json_node_copy (event);
      queued->posted_ms = now_ms;
      g_queue_push_tail (&account->events, queued);
      n_queued++;
    }

  /* Like the platform, nobody gets an event posted before they subscribed;
   * say so, since a test that injects too early sees a call go missing. */
  if (n_queued == 0)
    g_debug ("%s event posted while no account was subscribed to it: dropped", type);
}

guint
_hcc_sim_queue_count_pending (HccSim *sim)
{
  Queue *queue = get_queue (sim);
  GHashTableIter iter;
  Account *account;
  guint n = 0;

  if (queue == NULL)
    return 0;

  g_hash_table_iter_init (&iter, queue->accounts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &account))
    n += account->events.length;
  return n;
}

void
_hcc_sim_queue_init (HccSim *sim)
{
  Queue *queue = g_new0 (Queue, 1);

  queue->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, account_free);
  _hcc_sim_set_module_data (sim, MODULE_KEY, queue, queue_free);

  _hcc_sim_add_route (sim, "POST", "/rawmsg/v1/mq/subscribe", HCC_SIM_ENVELOPE_MESSAGE, subscribe);
  _hcc_sim_add_route (sim, "POST", "/rawmsg/v1/mq/messages", HCC_SIM_ENVELOPE_MESSAGE, messages);
  _hcc_sim_add_route (sim, "POST", "/rawmsg/v1/mq/messages/complete", HCC_SIM_ENVELOPE_MESSAGE,
                      complete);
}

void
_hcc_sim_queue_shutdown (HccSim *sim)
{
  _hcc_sim_set_module_data (sim, MODULE_KEY, NULL, NULL);
}
