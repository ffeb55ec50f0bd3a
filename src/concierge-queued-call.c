/* concierge-queued-call.c: one call in the front desk's queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The platform's HccCall says what the door station reported; this item
 * adds what only the desk knows: whether the operator silenced it, whether it
 * was answered or declined here, and how long the visitor has waited.
 */

#define G_LOG_DOMAIN "concierge-queued-call"

#include "config.h"

#include "concierge-queued-call.h"

G_DEFINE_ENUM_TYPE (ConciergeQueuedCallState, concierge_queued_call_state,
  G_DEFINE_ENUM_VALUE (CONCIERGE_QUEUED_CALL_RINGING, "ringing"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_QUEUED_CALL_SILENCED, "silenced"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_QUEUED_CALL_ANSWERED, "answered"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_QUEUED_CALL_ANSWERED_ELSEWHERE, "answered-elsewhere"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_QUEUED_CALL_DECLINED, "declined"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_QUEUED_CALL_MISSED, "missed"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_QUEUED_CALL_ENDED, "ended"))

enum {
  PROP_0,
  PROP_CALL,
  PROP_RECORD_ID,
  PROP_STATE,
  PROP_ARRIVED,
  PROP_WAITING_SECONDS,
  PROP_DOOR_IDS,
  PROP_DOOR_NAMES,
  N_PROPS
};

struct _ConciergeQueuedCall
{
  GObject                   parent_instance;

  HccCall                  *call;              /* (owned) */
  ConciergeQueuedCallState  state;
  GDateTime                *arrived;           /* (owned) local time */
  gint64                    arrived_monotonic;
  guint                     waiting_seconds;
};

G_DEFINE_FINAL_TYPE (ConciergeQueuedCall, concierge_queued_call, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* doorInfos can come with a later event than the ring; the UI follows the
 * item, so pass the change on. */
static void
call_doors_changed_cb (ConciergeQueuedCall *self,
                       GParamSpec          *pspec,
                       HccCall             *call)
{
  g_assert (CONCIERGE_IS_QUEUED_CALL (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOOR_IDS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOOR_NAMES]);
}

static void
concierge_queued_call_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConciergeQueuedCall *self = CONCIERGE_QUEUED_CALL (object);

  switch (prop_id)
    {
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    case PROP_RECORD_ID:
      g_value_set_string (value, concierge_queued_call_get_record_id (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ARRIVED:
      g_value_set_boxed (value, self->arrived);
      break;
    case PROP_WAITING_SECONDS:
      g_value_set_uint (value, self->waiting_seconds);
      break;
    case PROP_DOOR_IDS:
      g_value_set_boxed (value, concierge_queued_call_get_door_ids (self));
      break;
    case PROP_DOOR_NAMES:
      g_value_set_boxed (value, concierge_queued_call_get_door_names (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_queued_call_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ConciergeQueuedCall *self = CONCIERGE_QUEUED_CALL (object);

  switch (prop_id)
    {
    case PROP_CALL:
      self->call = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_queued_call_constructed (GObject *object)
{
  ConciergeQueuedCall *self = CONCIERGE_QUEUED_CALL (object);

  G_OBJECT_CLASS (concierge_queued_call_parent_class)->constructed (object);

  g_assert (HCC_IS_CALL (self->call));
  g_signal_connect_object (self->call, "notify::door-ids",
                           G_CALLBACK (call_doors_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
concierge_queued_call_dispose (GObject *object)
{
  ConciergeQueuedCall *self = CONCIERGE_QUEUED_CALL (object);

  g_clear_object (&self->call);

  G_OBJECT_CLASS (concierge_queued_call_parent_class)->dispose (object);
}

static void
concierge_queued_call_finalize (GObject *object)
{
  ConciergeQueuedCall *self = CONCIERGE_QUEUED_CALL (object);

  g_clear_pointer (&self->arrived, g_date_time_unref);

  G_OBJECT_CLASS (concierge_queued_call_parent_class)->finalize (object);
}

static void
concierge_queued_call_class_init (ConciergeQueuedCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = concierge_queued_call_get_property;
  object_class->set_property = concierge_queued_call_set_property;
  object_class->constructed = concierge_queued_call_constructed;
  object_class->dispose = concierge_queued_call_dispose;
  object_class->finalize = concierge_queued_call_finalize;

  properties[PROP_CALL] =
    g_param_spec_object ("call", NULL, NULL, HCC_TYPE_CALL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_string ("record-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CONCIERGE_TYPE_QUEUED_CALL_STATE,
                       CONCIERGE_QUEUED_CALL_RINGING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARRIVED] =
    g_param_spec_boxed ("arrived", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAITING_SECONDS] =
    g_param_spec_uint ("waiting-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOOR_IDS] =
    g_param_spec_boxed ("door-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOOR_NAMES] =
    g_param_spec_boxed ("door-names", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concierge_queued_call_init (ConciergeQueuedCall *self)
{
  self->arrived = g_date_time_new_now_local ();
  self->arrived_monotonic = g_get_monotonic_time ();
}

ConciergeQueuedCall *
concierge_queued_call_new (HccCall *call)
{
  g_return_val_if_fail (HCC_IS_CALL (call), NULL);

  return g_object_new (CONCIERGE_TYPE_QUEUED_CALL, "call", call, NULL);
}

HccCall *
concierge_queued_call_get_call (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), NULL);
  return self->call;
}

const char *
concierge_queued_call_get_record_id (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), NULL);
  return hcc_call_get_record_id (self->call);
}

ConciergeQueuedCallState
concierge_queued_call_get_state (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), CONCIERGE_QUEUED_CALL_RINGING);
  return self->state;
}

gboolean
concierge_queued_call_is_ringing_at_door (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), FALSE);
  return self->state == CONCIERGE_QUEUED_CALL_RINGING ||
         self->state == CONCIERGE_QUEUED_CALL_SILENCED;
}

gboolean
concierge_queued_call_is_finished (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), FALSE);
  return !concierge_queued_call_is_ringing_at_door (self) &&
         self->state != CONCIERGE_QUEUED_CALL_ANSWERED;
}

GDateTime *
concierge_queued_call_get_arrived (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), NULL);
  return self->arrived;
}

gint64
concierge_queued_call_get_arrived_monotonic (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), 0);
  return self->arrived_monotonic;
}

guint
concierge_queued_call_get_waiting_seconds (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), 0);
  return self->waiting_seconds;
}

const char * const *
concierge_queued_call_get_door_ids (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), NULL);
  return hcc_call_get_door_ids (self->call);
}

const char * const *
concierge_queued_call_get_door_names (ConciergeQueuedCall *self)
{
  g_return_val_if_fail (CONCIERGE_IS_QUEUED_CALL (self), NULL);
  return hcc_call_get_door_names (self->call);
}

void
concierge_queued_call_set_state (ConciergeQueuedCall      *self,
                                 ConciergeQueuedCallState  state)
{
  g_return_if_fail (CONCIERGE_IS_QUEUED_CALL (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
concierge_queued_call_set_waiting_seconds (ConciergeQueuedCall *self,
                                           guint                seconds)
{
  g_return_if_fail (CONCIERGE_IS_QUEUED_CALL (self));

  if (self->waiting_seconds == seconds)
    return;

  self->waiting_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_SECONDS]);
}
