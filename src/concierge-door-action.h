/* concierge-door-action.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The same numbers as the platform's remote/control actionType; they are
 * stored in the database, so never renumber. */
typedef enum {
  CONCIERGE_DOOR_ACTION_UNLOCK = 1,
  CONCIERGE_DOOR_ACTION_LOCK = 2,
  CONCIERGE_DOOR_ACTION_KEEP_UNLOCKED = 3,
  CONCIERGE_DOOR_ACTION_KEEP_LOCKED = 4,
} ConciergeDoorActionKind;

typedef enum {
  CONCIERGE_DOOR_ACTION_SOURCE_DOORS_VIEW = 0,
  CONCIERGE_DOOR_ACTION_SOURCE_CALL = 1,
} ConciergeDoorActionSource;

typedef enum {
  CONCIERGE_DOOR_ACTION_RESULT_PENDING = 0,
  CONCIERGE_DOOR_ACTION_RESULT_OK = 1,
  CONCIERGE_DOOR_ACTION_RESULT_FAILED = 2,
} ConciergeDoorActionResult;

#define CONCIERGE_TYPE_DOOR_ACTION_KIND (concierge_door_action_kind_get_type ())
GType concierge_door_action_kind_get_type (void) G_GNUC_CONST;
#define CONCIERGE_TYPE_DOOR_ACTION_SOURCE (concierge_door_action_source_get_type ())
GType concierge_door_action_source_get_type (void) G_GNUC_CONST;
#define CONCIERGE_TYPE_DOOR_ACTION_RESULT (concierge_door_action_result_get_type ())
GType concierge_door_action_result_get_type (void) G_GNUC_CONST;

const char *concierge_door_action_kind_to_string   (ConciergeDoorActionKind   kind);
const char *concierge_door_action_source_to_string (ConciergeDoorActionSource source);
const char *concierge_door_action_result_to_string (ConciergeDoorActionResult result);

#define CONCIERGE_TYPE_DOOR_ACTION (concierge_door_action_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeDoorAction, concierge_door_action, CONCIERGE, DOOR_ACTION, GObject)

ConciergeDoorAction *concierge_door_action_new (const char                *operator,
                                                const char                *door_id,
                                                const char                *door_name,
                                                ConciergeDoorActionKind    kind,
                                                const char                *reason,
                                                ConciergeDoorActionSource  source,
                                                const char                *call_record_id);

const char                *concierge_door_action_get_uuid           (ConciergeDoorAction *self);
GDateTime                 *concierge_door_action_get_time           (ConciergeDoorAction *self);
const char                *concierge_door_action_get_operator       (ConciergeDoorAction *self);
const char                *concierge_door_action_get_door_id        (ConciergeDoorAction *self);
const char                *concierge_door_action_get_door_name      (ConciergeDoorAction *self);
ConciergeDoorActionKind    concierge_door_action_get_kind           (ConciergeDoorAction *self);
const char                *concierge_door_action_get_reason         (ConciergeDoorAction *self);
ConciergeDoorActionSource  concierge_door_action_get_source         (ConciergeDoorAction *self);
const char                *concierge_door_action_get_call_record_id (ConciergeDoorAction *self);
ConciergeDoorActionResult  concierge_door_action_get_result         (ConciergeDoorAction *self);
const char                *concierge_door_action_get_error_code     (ConciergeDoorAction *self);
const char                *concierge_door_action_get_error_message  (ConciergeDoorAction *self);

void concierge_door_action_set_result (ConciergeDoorAction       *self,
                                       ConciergeDoorActionResult  result,
                                       const char                *error_code,
                                       const char                *error_message);

G_END_DECLS
