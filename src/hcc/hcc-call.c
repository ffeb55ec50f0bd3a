/* hcc-call.c: one door-station call (a Msg140001 DeviceTalkInfo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-call"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hcc-call.h"
#include "hcc-enums.h"
#include "hcc-error.h"
#include "hcc-json.h"

struct _HccCall
{
  GObject       parent_instance;

  char         *record_id;      /* (owned) DeviceTalkInfo.msgId */
  HccCallState  state;
  HccCallType   call_type;
  char         *device_serial;  /* (owned) (nullable) */
  char         *device_name;    /* (owned) (nullable) */
  char         *device_id;      /* (owned) (nullable) */
  char         *room_number;    /* (owned) (nullable) */
  char         *user_id;        /* (owned) (nullable) */
  char         *person_id;      /* (owned) (nullable) */
  GStrv         door_ids;       /* (owned) never NULL */
  GStrv         door_names;     /* (owned) never NULL */
  GDateTime    *started;        /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccCall, hcc_call, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD_ID,
  PROP_STATE,
  PROP_CALL_TYPE,
  PROP_DEVICE_SERIAL,
  PROP_DEVICE_NAME,
  PROP_DEVICE_ID,
  PROP_ROOM_NUMBER,
  PROP_USER_ID,
  PROP_PERSON_ID,
  PROP_DOOR_IDS,
  PROP_DOOR_NAMES,
  PROP_STARTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (HccCall     *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  /* Empty strings mean "not set" on the platform (userId of a room without
   * residents), so store them as NULL. */
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_strv (HccCall            *self,
          GStrv              *field,
          const char * const *value,
          guint               prop)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;
  if (g_strv_equal ((const char * const *) *field, value))
    return;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
hcc_call_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HccCall *self = HCC_CALL (object);

  switch (prop_id)
    {
    case PROP_RECORD_ID: g_value_set_string (value, self->record_id); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_CALL_TYPE: g_value_set_enum (value, self->call_type); break;
    case PROP_DEVICE_SERIAL: g_value_set_string (value, self->device_serial); break;
    case PROP_DEVICE_NAME: g_value_set_string (value, self->device_name); break;
    case PROP_DEVICE_ID: g_value_set_string (value, self->device_id); break;
    case PROP_ROOM_NUMBER: g_value_set_string (value, self->room_number); break;
    case PROP_USER_ID: g_value_set_string (value, self->user_id); break;
    case PROP_PERSON_ID: g_value_set_string (value, self->person_id); break;
    case PROP_DOOR_IDS: g_value_set_boxed (value, self->door_ids); break;
    case PROP_DOOR_NAMES: g_value_set_boxed (value, self->door_names); break;
    case PROP_STARTED: g_value_set_boxed (value, self->started); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_call_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HccCall *self = HCC_CALL (object);

  switch (prop_id)
    {
    case PROP_RECORD_ID:
      g_free (self->record_id);
      self->record_id = g_value_dup_string (value);
      break;
    case PROP_STATE: hcc_call_set_state (self, g_value_get_enum (value)); break;
    case PROP_CALL_TYPE:
      if (self->call_type != (HccCallType) g_value_get_enum (value))
        {
          self->call_type = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DEVICE_SERIAL:
      set_string (self, &self->device_serial, g_value_get_string (value), prop_id);
      break;
    case PROP_DEVICE_NAME:
      set_string (self, &self->device_name, g_value_get_string (value), prop_id);
      break;
    case PROP_DEVICE_ID:
      set_string (self, &self->device_id, g_value_get_string (value), prop_id);
      break;
    case PROP_ROOM_NUMBER:
      set_string (self, &self->room_number, g_value_get_string (value), prop_id);
      break;
    case PROP_USER_ID:
      set_string (self, &self->user_id, g_value_get_string (value), prop_id);
      break;
    case PROP_PERSON_ID:
      set_string (self, &self->person_id, g_value_get_string (value), prop_id);
      break;
    case PROP_DOOR_IDS:
      set_strv (self, &self->door_ids, g_value_get_boxed (value), prop_id);
      break;
    case PROP_DOOR_NAMES:
      set_strv (self, &self->door_names, g_value_get_boxed (value), prop_id);
      break;
    case PROP_STARTED:
      if (self->started == NULL || g_value_get_boxed (value) == NULL ||
          !g_date_time_equal (self->started, g_value_get_boxed (value)))
        {
          g_clear_pointer (&self->started, g_date_time_unref);
          self->started = g_value_dup_boxed (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_call_finalize (GObject *object)
{
  HccCall *self = (HccCall *)object;

  g_free (self->record_id);
  g_free (self->device_serial);
  g_free (self->device_name);
  g_free (self->device_id);
  g_free (self->room_number);
  g_free (self->user_id);
  g_free (self->person_id);
  g_strfreev (self->door_ids);
  g_strfreev (self->door_names);
  g_clear_pointer (&self->started, g_date_time_unref);

  G_OBJECT_CLASS (hcc_call_parent_class)->finalize (object);
}

static void
hcc_call_class_init (HccCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = hcc_call_get_property;
  object_class->set_property = hcc_call_set_property;
  object_class->finalize = hcc_call_finalize;

  properties[PROP_RECORD_ID] =
    g_param_spec_string ("record-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HCC_TYPE_CALL_STATE, HCC_CALL_STATE_RINGING, flags);
  properties[PROP_CALL_TYPE] =
    g_param_spec_enum ("call-type", NULL, NULL, HCC_TYPE_CALL_TYPE,
                       HCC_CALL_TYPE_MANAGEMENT_CENTRE, flags);
  properties[PROP_DEVICE_SERIAL] = g_param_spec_string ("device-serial", NULL, NULL, NULL, flags);
  properties[PROP_DEVICE_NAME] = g_param_spec_string ("device-name", NULL, NULL, NULL, flags);
  properties[PROP_DEVICE_ID] = g_param_spec_string ("device-id", NULL, NULL, NULL, flags);
  properties[PROP_ROOM_NUMBER] = g_param_spec_string ("room-number", NULL, NULL, NULL, flags);
  properties[PROP_USER_ID] = g_param_spec_string ("user-id", NULL, NULL, NULL, flags);
  properties[PROP_PERSON_ID] = g_param_spec_string ("person-id", NULL, NULL, NULL, flags);
  properties[PROP_DOOR_IDS] = g_param_spec_boxed ("door-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_DOOR_NAMES] = g_param_spec_boxed ("door-names", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STARTED] =
    g_param_spec_boxed ("started", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_call_init (HccCall *self)
{
  self->call_type = HCC_CALL_TYPE_MANAGEMENT_CENTRE;
  self->door_ids = g_new0 (char *, 1);
  self->door_names = g_new0 (char *, 1);
}

HccCall *
hcc_call_new (const char *record_id)
{
  g_return_val_if_fail (record_id != NULL, NULL);

  return g_object_new (HCC_TYPE_CALL, "record-id", record_id, NULL);
}

static const HccJsonField talk_fields[] = {
  { "deviceSerial|deviceSerialNo", "device-serial", FALSE },
  { "deviceName", "device-name", FALSE },
  { "deviceId|deviceID", "device-id", FALSE },
  { "roomNumber|roomNum", "room-number", FALSE },
  { "userId", "user-id", FALSE },
  { "personId", "person-id", FALSE },
  { "callType", "call-type", FALSE },
};

HccCall *
hcc_call_new_from_json (JsonObject  *device_talk_info,
                        JsonObject  *basic_info,
                        GError     **error)
{
  g_autoptr(HccCall) call = NULL;
  g_autoptr(JsonArray) doors = NULL;
  g_autoptr(GStrvBuilder) ids = NULL;
  g_autoptr(GStrvBuilder) names = NULL;
  g_auto(GStrv) id_list = NULL;
  g_auto(GStrv) name_list = NULL;
  g_autofree char *record_id = NULL;
  g_autoptr(GDateTime) started = NULL;
  gint64 msg_type;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record_id = hcc_json_dup_string (device_talk_info, "msgId", "msgID", "recordId", NULL);
  if (record_id == NULL || *record_id == '\0' ||
      !hcc_json_get_int (device_talk_info, &msg_type, "msgType", NULL) ||
      msg_type < 0 || msg_type > 3)
    {
      g_set_error_literal (error, HCC_ERROR, HCC_ERROR_SERVER,
                           _("The platform sent a call without a record or a state."));
      return NULL;
    }

  call = hcc_call_new (record_id);
  call->state = (HccCallState) msg_type;
  if (!hcc_json_map_object (device_talk_info, G_OBJECT (call), talk_fields,
                            G_N_ELEMENTS (talk_fields), error))
    return NULL;

  /* The doors of the station, for remote/control (T7: maybe one object). */
  ids = g_strv_builder_new ();
  names = g_strv_builder_new ();
  doors = hcc_json_dup_array (device_talk_info, "doorInfos", "doorInfo", "doorList", NULL);
  for (guint i = 0; doors != NULL && i < json_array_get_length (doors); i++)
    {
      JsonNode *node = json_array_get_element (doors, i);
      g_autofree char *door_id = NULL;
      g_autofree char *door_name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      door_id = hcc_json_dup_string (json_node_get_object (node), "doorId", "id", NULL);
      door_name = hcc_json_dup_string (json_node_get_object (node), "doorName", "name", NULL);
      if (door_id == NULL || *door_id == '\0')
        continue;
      g_strv_builder_add (ids, door_id);
      g_strv_builder_add (names, door_name != NULL ? door_name : door_id);
    }
  id_list = g_strv_builder_end (ids);
  name_list = g_strv_builder_end (names);
  g_strfreev (call->door_ids);
  call->door_ids = g_steal_pointer (&id_list);
  g_strfreev (call->door_names);
  call->door_names = g_steal_pointer (&name_list);

  started = hcc_json_dup_time (basic_info, "occurrenceTime", "occurTime", NULL);
  call->started = g_steal_pointer (&started);

  return g_steal_pointer (&call);
}

gboolean
hcc_call_update (HccCall *self,
                 HccCall *newer)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (HCC_IS_CALL (self), FALSE);
  g_return_val_if_fail (HCC_IS_CALL (newer), FALSE);

  g_object_freeze_notify (G_OBJECT (self));

  /* Fill in what the earlier event lacked; never erase what we know. */
  if (self->device_serial == NULL && newer->device_serial != NULL)
    set_string (self, &self->device_serial, newer->device_serial, PROP_DEVICE_SERIAL);
  if (self->device_name == NULL && newer->device_name != NULL)
    set_string (self, &self->device_name, newer->device_name, PROP_DEVICE_NAME);
  if (self->device_id == NULL && newer->device_id != NULL)
    set_string (self, &self->device_id, newer->device_id, PROP_DEVICE_ID);
  if (self->room_number == NULL && newer->room_number != NULL)
    set_string (self, &self->room_number, newer->room_number, PROP_ROOM_NUMBER);
  if (g_strv_length (self->door_ids) == 0 && g_strv_length (newer->door_ids) > 0)
    {
      set_strv (self, &self->door_ids, (const char * const *) newer->door_ids, PROP_DOOR_IDS);
      set_strv (self, &self->door_names, (const char * const *) newer->door_names,
                PROP_DOOR_NAMES);
    }

  if (self->state != newer->state)
    {
      hcc_call_set_state (self, newer->state);
      changed = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

const char *
hcc_call_get_record_id (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return self->record_id;
}

HccCallState
hcc_call_get_state (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), HCC_CALL_STATE_RINGING);
  return self->state;
}

void
hcc_call_set_state (HccCall      *self,
                    HccCallState  state)
{
  g_return_if_fail (HCC_IS_CALL (self));

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gboolean
hcc_call_is_active (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), FALSE);
  return self->state == HCC_CALL_STATE_RINGING || self->state == HCC_CALL_STATE_ANSWERED;
}

HccCallType
hcc_call_get_call_type (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), HCC_CALL_TYPE_MANAGEMENT_CENTRE);
  return self->call_type;
}

const char *
hcc_call_get_device_serial (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return self->device_serial;
}

const char *
hcc_call_get_device_name (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return self->device_name;
}

const char *
hcc_call_get_device_id (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return self->device_id;
}

const char *
hcc_call_get_room_number (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return self->room_number;
}

const char *
hcc_call_get_user_id (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return self->user_id;
}

const char *
hcc_call_get_person_id (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return self->person_id;
}

const char * const *
hcc_call_get_door_ids (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return (const char * const *) self->door_ids;
}

const char * const *
hcc_call_get_door_names (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return (const char * const *) self->door_names;
}

GDateTime *
hcc_call_get_started (HccCall *self)
{
  g_return_val_if_fail (HCC_IS_CALL (self), NULL);
  return self->started;
}
