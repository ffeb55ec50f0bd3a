/* concierge-door-action.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-door-action"

#include "config.h"

#include "concierge-door-action.h"

/* One door, one action: a remote/control request for three doors is three
 * rows, because the platform reports success or failure per door. The uuid
 * is made here, on the desk, so the row can be written before the platform
 * answers and its result filled in afterwards. */
struct _ConciergeDoorAction
{
  GObject                    parent_instance;

  char                      *uuid;            /* (owned) */
  GDateTime                 *time;            /* (owned) */
  char                      *operator;        /* (owned) (nullable) */
  char                      *door_id;         /* (owned) (nullable) */
  char                      *door_name;       /* (owned) (nullable) */
  ConciergeDoorActionKind    kind;
  char                      *reason;          /* (owned) (nullable) */
  ConciergeDoorActionSource  source;
  char                      *call_record_id;  /* (owned) (nullable) */
  ConciergeDoorActionResult  result;
  char                      *error_code;      /* (owned) (nullable) */
  char                      *error_message;   /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (ConciergeDoorAction, concierge_door_action, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (ConciergeDoorActionKind, concierge_door_action_kind,
  G_DEFINE_ENUM_VALUE (CONCIERGE_DOOR_ACTION_UNLOCK, "unlock"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_DOOR_ACTION_LOCK, "lock"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED, "keep-unlocked"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_DOOR_ACTION_KEEP_LOCKED, "keep-locked"))

G_DEFINE_ENUM_TYPE (ConciergeDoorActionSource, concierge_door_action_source,
  G_DEFINE_ENUM_VALUE (CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, "doors-view"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_DOOR_ACTION_SOURCE_CALL, "call"))

G_DEFINE_ENUM_TYPE (ConciergeDoorActionResult, concierge_door_action_result,
  G_DEFINE_ENUM_VALUE (CONCIERGE_DOOR_ACTION_RESULT_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_DOOR_ACTION_RESULT_OK, "ok"),
  G_DEFINE_ENUM_VALUE (CONCIERGE_DOOR_ACTION_RESULT_FAILED, "failed"))

enum {
  PROP_0,
  PROP_UUID,
  PROP_TIME,
  PROP_OPERATOR,
  PROP_DOOR_ID,
  PROP_DOOR_NAME,
  PROP_KIND,
  PROP_REASON,
  PROP_SOURCE,
  PROP_CALL_RECORD_ID,
  PROP_RESULT,
  PROP_ERROR_CODE,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stable machine names for the CSV export (data, not UI: untranslated). */
const char *
concierge_door_action_kind_to_string (ConciergeDoorActionKind kind)
{
  switch (kind)
    {
    case CONCIERGE_DOOR_ACTION_UNLOCK:
      return "unlock";
    case CONCIERGE_DOOR_ACTION_LOCK:
      return "lock";
    case CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED:
      return "keep-unlocked";
    case CONCIERGE_DOOR_ACTION_KEEP_LOCKED:
      return "keep-locked";
    default:
      return "unknown";
    }
}

const char *
concierge_door_action_source_to_string (ConciergeDoorActionSource source)
{
  switch (source)
    {
    case CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW:
      return "doors-view";
    case CONCIERGE_DOOR_ACTION_SOURCE_CALL:
      return "call";
    default:
      return "unknown";
    }
}

const char *
concierge_door_action_result_to_string (ConciergeDoorActionResult result)
{
  switch (result)
    {
    case CONCIERGE_DOOR_ACTION_RESULT_PENDING:
      return "pending";
    case CONCIERGE_DOOR_ACTION_RESULT_OK:
      return "ok";
    case CONCIERGE_DOOR_ACTION_RESULT_FAILED:
      return "failed";
    default:
      return "unknown";
    }
}

static void
concierge_door_action_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConciergeDoorAction *self = CONCIERGE_DOOR_ACTION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_OPERATOR:
      g_value_set_string (value, self->operator);
      break;
    case PROP_DOOR_ID:
      g_value_set_string (value, self->door_id);
      break;
    case PROP_DOOR_NAME:
      g_value_set_string (value, self->door_name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_CALL_RECORD_ID:
      g_value_set_string (value, self->call_record_id);
      break;
    case PROP_RESULT:
      g_value_set_enum (value, self->result);
      break;
    case PROP_ERROR_CODE:
      g_value_set_string (value, self->error_code);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_door_action_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ConciergeDoorAction *self = CONCIERGE_DOOR_ACTION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;
    case PROP_TIME:
      self->time = g_value_dup_boxed (value);
      break;
    case PROP_OPERATOR:
      self->operator = g_value_dup_string (value);
      break;
    case PROP_DOOR_ID:
      self->door_id = g_value_dup_string (value);
      break;
    case PROP_DOOR_NAME:
      self->door_name = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_REASON:
      self->reason = g_value_dup_string (value);
      break;
    case PROP_SOURCE:
      self->source = g_value_get_enum (value);
      break;
    case PROP_CALL_RECORD_ID:
      self->call_record_id = g_value_dup_string (value);
      break;
    case PROP_RESULT:
      self->result = g_value_get_enum (value);
      break;
    case PROP_ERROR_CODE:
      self->error_code = g_value_dup_string (value);
      break;
    case PROP_ERROR_MESSAGE:
      self->error_message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_door_action_constructed (GObject *object)
{
  ConciergeDoorAction *self = CONCIERGE_DOOR_ACTION (object);

  G_OBJECT_CLASS (concierge_door_action_parent_class)->constructed (object);

  /* A new action (not one read back from the database) gets its identity
   * and its time here, when the operator acted. */
  if (self->uuid == NULL)
    self->uuid = g_uuid_string_random ();
  if (self->time == NULL)
    self->time = g_date_time_new_now_local ();
}

static void
concierge_door_action_finalize (GObject *object)
{
  ConciergeDoorAction *self = CONCIERGE_DOOR_ACTION (object);

  g_free (self->uuid);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->operator);
  g_free (self->door_id);
  g_free (self->door_name);
  g_free (self->reason);
  g_free (self->call_record_id);
  g_free (self->error_code);
  g_free (self->error_message);

  G_OBJECT_CLASS (concierge_door_action_parent_class)->finalize (object);
}

static void
concierge_door_action_class_init (ConciergeDoorActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags result_flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                             G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = concierge_door_action_get_property;
  object_class->set_property = concierge_door_action_set_property;
  object_class->constructed = concierge_door_action_constructed;
  object_class->finalize = concierge_door_action_finalize;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL, NULL, flags);
  properties[PROP_DOOR_ID] =
    g_param_spec_string ("door-id", NULL, NULL, NULL, flags);
  properties[PROP_DOOR_NAME] =
    g_param_spec_string ("door-name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CONCIERGE_TYPE_DOOR_ACTION_KIND,
                       CONCIERGE_DOOR_ACTION_UNLOCK, flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, CONCIERGE_TYPE_DOOR_ACTION_SOURCE,
                       CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW, flags);
  properties[PROP_CALL_RECORD_ID] =
    g_param_spec_string ("call-record-id", NULL, NULL, NULL, flags);
  /* The result is filled in when the platform answers, hence the setter. */
  properties[PROP_RESULT] =
    g_param_spec_enum ("result", NULL, NULL, CONCIERGE_TYPE_DOOR_ACTION_RESULT,
                       CONCIERGE_DOOR_ACTION_RESULT_PENDING, result_flags);
  properties[PROP_ERROR_CODE] =
    g_param_spec_string ("error-code", NULL, NULL, NULL, result_flags);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, result_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concierge_door_action_init (ConciergeDoorAction *self)
{
  self->kind = CONCIERGE_DOOR_ACTION_UNLOCK;
}

ConciergeDoorAction *
concierge_door_action_new (const char                *operator,
                           const char                *door_id,
                           const char                *door_name,
                           ConciergeDoorActionKind    kind,
                           const char                *reason,
                           ConciergeDoorActionSource  source,
                           const char                *call_record_id)
{
  return g_object_new (CONCIERGE_TYPE_DOOR_ACTION,
                       "operator", operator,
                       "door-id", door_id,
                       "door-name", door_name,
                       "kind", kind,
                       "reason", reason,
                       "source", source,
                       "call-record-id", call_record_id,
                       NULL);
}

const char *
concierge_door_action_get_uuid (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), NULL);
  return self->uuid;
}

GDateTime *
concierge_door_action_get_time (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), NULL);
  return self->time;
}

const char *
concierge_door_action_get_operator (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), NULL);
  return self->operator;
}

const char *
concierge_door_action_get_door_id (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), NULL);
  return self->door_id;
}

const char *
concierge_door_action_get_door_name (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), NULL);
  return self->door_name;
}

ConciergeDoorActionKind
concierge_door_action_get_kind (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), 0);
  return self->kind;
}

const char *
concierge_door_action_get_reason (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), NULL);
  return self->reason;
}

ConciergeDoorActionSource
concierge_door_action_get_source (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), 0);
  return self->source;
}

const char *
concierge_door_action_get_call_record_id (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), NULL);
  return self->call_record_id;
}

ConciergeDoorActionResult
concierge_door_action_get_result (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), 0);
  return self->result;
}

const char *
concierge_door_action_get_error_code (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), NULL);
  return self->error_code;
}

const char *
concierge_door_action_get_error_message (ConciergeDoorAction *self)
{
  g_return_val_if_fail (CONCIERGE_IS_DOOR_ACTION (self), NULL);
  return self->error_message;
}

void
concierge_door_action_set_result (ConciergeDoorAction       *self,
                                  ConciergeDoorActionResult  result,
                                  const char                *error_code,
                                  const char                *error_message)
{
  g_return_if_fail (CONCIERGE_IS_DOOR_ACTION (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->result != result)
    {
      self->result = result;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
    }

  if (g_strcmp0 (self->error_code, error_code) != 0)
    {
      g_free (self->error_code);
      self->error_code = g_strdup (error_code);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_CODE]);
    }

  if (g_strcmp0 (self->error_message, error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
