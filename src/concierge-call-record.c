/* concierge-call-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-call-record"

#include "config.h"

#include "concierge-call-record.h"

/* One row of the call log, as a snapshot: the log store creates these from
 * database rows with construct-only properties, and the views bind to them.
 * A change in the database produces new objects on the next query. */
struct _ConciergeCallRecord
{
  GObject               parent_instance;

  char                 *record_id;      /* (owned) */
  char                 *device_name;    /* (owned) */
  char                 *device_serial;  /* (owned) */
  char                 *building;       /* (owned) */
  char                 *room;           /* (owned) */
  int                   call_type;
  GDateTime            *started;        /* (owned) (nullable) */
  ConciergeCallOutcome  outcome;
  char                 *operator;       /* (owned) (nullable) */
  GDateTime            *answered;       /* (owned) (nullable) */
  GDateTime            *ended;          /* (owned) (nullable) */
  gboolean              acknowledged;
};

G_DEFINE_FINAL_TYPE (ConciergeCallRecord, concierge_call_record, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (ConciergeCallOutcome, concierge_call_outcome,
  G_DEFINE_ENUM_VALUE (CONCIERGE_CALL_OUTCOME_RINGING, "ringing"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_CALL_OUTCOME_ANSWERED, "answered"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE, "answered-elsewhere"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_CALL_OUTCOME_DECLINED, "declined"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_CALL_OUTCOME_MISSED, "missed"))

enum {
  PROP_0,
  PROP_RECORD_ID,
  PROP_DEVICE_NAME,
  PROP_DEVICE_SERIAL,
  PROP_BUILDING,
  PROP_ROOM,
  PROP_CALL_TYPE,
  PROP_STARTED,
  PROP_OUTCOME,
  PROP_OPERATOR,
  PROP_ANSWERED,
  PROP_ENDED,
  PROP_DURATION,
  PROP_ACKNOWLEDGED,
  PROP_NEEDS_ATTENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A stable machine name, used in the CSV export: the export is data for other
 * programs, so it is not translated. */
const char *
concierge_call_outcome_to_string (ConciergeCallOutcome outcome)
{
  switch (outcome)
    {
    case CONCIERGE_CALL_OUTCOME_RINGING:
      return "ringing";
    case CONCIERGE_CALL_OUTCOME_ANSWERED:
      return "answered";
    case CONCIERGE_CALL_OUTCOME_ANSWERED_ELSEWHERE:
      return "answered-elsewhere";
    case CONCIERGE_CALL_OUTCOME_DECLINED:
      return "declined";
    case CONCIERGE_CALL_OUTCOME_MISSED:
      return "missed";
    default:
      return "unknown";
    }
}

static void
concierge_call_record_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConciergeCallRecord *self = CONCIERGE_CALL_RECORD (object);

  switch (prop_id)
    {
    case PROP_RECORD_ID:
      g_value_set_string (value, self->record_id);
      break;
    case PROP_DEVICE_NAME:
      g_value_set_string (value, self->device_name);
      break;
    case PROP_DEVICE_SERIAL:
      g_value_set_string (value, self->device_serial);
      break;
    case PROP_BUILDING:
      g_value_set_string (value, self->building);
      break;
    case PROP_ROOM:
      g_value_set_string (value, self->room);
      break;
    case PROP_CALL_TYPE:
      g_value_set_int (value, self->call_type);
      break;
    case PROP_STARTED:
      g_value_set_boxed (value, self->started);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_OPERATOR:
      g_value_set_string (value, self->operator);
      break;
    case PROP_ANSWERED:
      g_value_set_boxed (value, self->answered);
      break;
    case PROP_ENDED:
      g_value_set_boxed (value, self->ended);
      break;
    case PROP_DURATION:
      g_value_set_int64 (value, concierge_call_record_get_duration (self));
      break;
    case PROP_ACKNOWLEDGED:
      g_value_set_boolean (value, self->acknowledged);
      break;
    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, concierge_call_record_get_needs_attention (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_call_record_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ConciergeCallRecord *self = CONCIERGE_CALL_RECORD (object);

  /* All properties are construct-only, so each is set exactly once. */
  switch (prop_id)
    {
    case PROP_RECORD_ID:
      self->record_id = g_value_dup_string (value);
      break;
    case PROP_DEVICE_NAME:
      self->device_name = g_value_dup_string (value);
      break;
    case PROP_DEVICE_SERIAL:
      self->device_serial = g_value_dup_string (value);
      break;
    case PROP_BUILDING:
      self->building = g_value_dup_string (value);
      break;
    case PROP_ROOM:
      self->room = g_value_dup_string (value);
      break;
    case PROP_CALL_TYPE:
      self->call_type = g_value_get_int (value);
      break;
    case PROP_STARTED:
      self->started = g_value_dup_boxed (value);
      break;
    case PROP_OUTCOME:
      self->outcome = g_value_get_enum (value);
      break;
    case PROP_OPERATOR:
      self->operator = g_value_dup_string (value);
      break;
    case PROP_ANSWERED:
      self->answered = g_value_dup_boxed (value);
      break;
    case PROP_ENDED:
      self->ended = g_value_dup_boxed (value);
      break;
    case PROP_ACKNOWLEDGED:
      self->acknowledged = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_call_record_finalize (GObject *object)
{
  ConciergeCallRecord *self = CONCIERGE_CALL_RECORD (object);

  g_free (self->record_id);
  g_free (self->device_name);
  g_free (self->device_serial);
  g_free (self->building);
  g_free (self->room);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_free (self->operator);
  g_clear_pointer (&self->answered, g_date_time_unref);
  g_clear_pointer (&self->ended, g_date_time_unref);

  G_OBJECT_CLASS (concierge_call_record_parent_class)->finalize (object);
}

static void
concierge_call_record_class_init (ConciergeCallRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = concierge_call_record_get_property;
  object_class->set_property = concierge_call_record_set_property;
  object_class->finalize = concierge_call_record_finalize;

  properties[PROP_RECORD_ID] =
    g_param_spec_string ("record-id", NULL, NULL, NULL, flags);
  properties[PROP_DEVICE_NAME] =
    g_param_spec_string ("device-name", NULL, NULL, NULL, flags);
  properties[PROP_DEVICE_SERIAL] =
    g_param_spec_string ("device-serial", NULL, NULL, NULL, flags);
  properties[PROP_BUILDING] =
    g_param_spec_string ("building", NULL, NULL, NULL, flags);
  properties[PROP_ROOM] =
    g_param_spec_string ("room", NULL, NULL, NULL, flags);
  /* 0: the door station called a room, 1: it called the management centre. */
  properties[PROP_CALL_TYPE] =
    g_param_spec_int ("call-type", NULL, NULL, -1, G_MAXINT, 1, flags);
  properties[PROP_STARTED] =
    g_param_spec_boxed ("started", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, CONCIERGE_TYPE_CALL_OUTCOME,
                       CONCIERGE_CALL_OUTCOME_RINGING, flags);
  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL, NULL, flags);
  properties[PROP_ANSWERED] =
    g_param_spec_boxed ("answered", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ENDED] =
    g_param_spec_boxed ("ended", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACKNOWLEDGED] =
    g_param_spec_boolean ("acknowledged", NULL, NULL, FALSE, flags);
  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concierge_call_record_init (ConciergeCallRecord *self)
{
  self->call_type = 1;
}

const char *
concierge_call_record_get_record_id (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), NULL);
  return self->record_id;
}

const char *
concierge_call_record_get_device_name (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), NULL);
  return self->device_name;
}

const char *
concierge_call_record_get_device_serial (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), NULL);
  return self->device_serial;
}

const char *
concierge_call_record_get_building (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), NULL);
  return self->building;
}

const char *
concierge_call_record_get_room (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), NULL);
  return self->room;
}

int
concierge_call_record_get_call_type (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), 0);
  return self->call_type;
}

GDateTime *
concierge_call_record_get_started (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), NULL);
  return self->started;
}

ConciergeCallOutcome
concierge_call_record_get_outcome (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), 0);
  return self->outcome;
}

const char *
concierge_call_record_get_operator (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), NULL);
  return self->operator;
}

GDateTime *
concierge_call_record_get_answered (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), NULL);
  return self->answered;
}

GDateTime *
concierge_call_record_get_ended (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), NULL);
  return self->ended;
}

/* Seconds of conversation: from the answer (here or elsewhere) until the
 * hang-up. Calls that nobody answered have no duration. */
gint64
concierge_call_record_get_duration (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), 0);

  if (self->answered == NULL || self->ended == NULL)
    return 0;

  return MAX (0, g_date_time_difference (self->ended, self->answered) / G_TIME_SPAN_SECOND);
}

gboolean
concierge_call_record_get_acknowledged (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), FALSE);
  return self->acknowledged;
}

/* Missed calls stay highlighted until someone acknowledges them. */
gboolean
concierge_call_record_get_needs_attention (ConciergeCallRecord *self)
{
  g_return_val_if_fail (CONCIERGE_IS_CALL_RECORD (self), FALSE);
  return self->outcome == CONCIERGE_CALL_OUTCOME_MISSED && !self->acknowledged;
}
