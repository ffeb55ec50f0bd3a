/* hcc-access-event.c: one authentication (door) event, Msg110xxx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-access-event"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hcc-access-event.h"
#include "hcc-enums.h"
#include "hcc-error.h"
#include "hcc-json.h"

struct _HccAccessEvent
{
  GObject        parent_instance;

  char          *msg_type;     /* (owned) "Msg110003" */
  HccAccessKind  kind;
  gboolean       granted;
  char          *door_id;      /* (owned) (nullable) */
  char          *door_name;    /* (owned) (nullable) */
  char          *person_id;    /* (owned) (nullable) */
  char          *person_name;  /* (owned) (nullable) */
  char          *card_number;  /* (owned) (nullable) */
  char          *device_name;  /* (owned) (nullable) */
  char          *device_id;    /* (owned) (nullable) */
  GDateTime     *time;         /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccAccessEvent, hcc_access_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MSG_TYPE,
  PROP_KIND,
  PROP_GRANTED,
  PROP_DOOR_ID,
  PROP_DOOR_NAME,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_CARD_NUMBER,
  PROP_DEVICE_NAME,
  PROP_DEVICE_ID,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  guint         first;
  guint         last;
  HccAccessKind kind;
} KindRange;

/* Catalogue §10.3: the factor each authentication message is about. */
static const KindRange kind_ranges[] = {
  { 110001, 110004, HCC_ACCESS_KIND_CARD },
  { 110005, 110006, HCC_ACCESS_KIND_FINGERPRINT },
  { 110008, 110013, HCC_ACCESS_KIND_FACE },
  { 110020, 110020, HCC_ACCESS_KIND_PIN },
  { 110023, 110023, HCC_ACCESS_KIND_QR },
  { 110501, 110516, HCC_ACCESS_KIND_CARD },
  { 110517, 110520, HCC_ACCESS_KIND_FINGERPRINT },
  { 110521, 110533, HCC_ACCESS_KIND_FACE },
  { 110546, 110551, HCC_ACCESS_KIND_CARD },
  { 110554, 110555, HCC_ACCESS_KIND_PIN },
  { 110561, 110561, HCC_ACCESS_KIND_FACE },
  { 110565, 110566, HCC_ACCESS_KIND_QR },
};

static guint
msg_type_number (const char *msg_type)
{
  g_autofree char *digits = NULL;
  guint64 number = 0;

  if (msg_type == NULL)
    return 0;

  /* "Msg110003", "Msg 110003" (T2) or a bare eventType 110003 (T35). */
  digits = g_strdup (msg_type);
  g_strstrip (digits);
  if (g_ascii_strncasecmp (digits, "msg", 3) == 0)
    {
      char *rest = g_strstrip (digits + 3);

      memmove (digits, rest, strlen (rest) + 1);
    }
  if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT, &number, NULL))
    return 0;

  return (guint) number;
}

gboolean
hcc_access_event_classify (const char    *msg_type,
                           HccAccessKind *kind,
                           gboolean      *granted)
{
  guint number = msg_type_number (msg_type);
  HccAccessKind k = HCC_ACCESS_KIND_OTHER;

  if (number < 110000 || number > 110999)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (kind_ranges); i++)
    {
      if (number >= kind_ranges[i].first && number <= kind_ranges[i].last)
        {
          k = kind_ranges[i].kind;
          break;
        }
    }

  if (kind != NULL)
    *kind = k;
  /* 1100xx are granted (or alarms on a granted access), 1105xx refused. */
  if (granted != NULL)
    *granted = number < 110500;
  return TRUE;
}

static void
hcc_access_event_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HccAccessEvent *self = HCC_ACCESS_EVENT (object);

  switch (prop_id)
    {
    case PROP_MSG_TYPE: g_value_set_string (value, self->msg_type); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_GRANTED: g_value_set_boolean (value, self->granted); break;
    case PROP_DOOR_ID: g_value_set_string (value, self->door_id); break;
    case PROP_DOOR_NAME: g_value_set_string (value, self->door_name); break;
    case PROP_PERSON_ID: g_value_set_string (value, self->person_id); break;
    case PROP_PERSON_NAME: g_value_set_string (value, self->person_name); break;
    case PROP_CARD_NUMBER: g_value_set_string (value, self->card_number); break;
    case PROP_DEVICE_NAME: g_value_set_string (value, self->device_name); break;
    case PROP_DEVICE_ID: g_value_set_string (value, self->device_id); break;
    case PROP_TIME: g_value_set_boxed (value, self->time); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
replace_string (char       **field,
                const GValue *value)
{
  const char *text = g_value_get_string (value);

  g_free (*field);
  *field = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

/* Events are immutable once built: properties are set by the JSON mapper
 * at construction, hence plain assignments without notification. */
static void
hcc_access_event_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HccAccessEvent *self = HCC_ACCESS_EVENT (object);

  switch (prop_id)
    {
    case PROP_MSG_TYPE: replace_string (&self->msg_type, value); break;
    case PROP_KIND: self->kind = g_value_get_enum (value); break;
    case PROP_GRANTED: self->granted = g_value_get_boolean (value); break;
    case PROP_DOOR_ID: replace_string (&self->door_id, value); break;
    case PROP_DOOR_NAME: replace_string (&self->door_name, value); break;
    case PROP_PERSON_ID: replace_string (&self->person_id, value); break;
    case PROP_PERSON_NAME: replace_string (&self->person_name, value); break;
    case PROP_CARD_NUMBER: replace_string (&self->card_number, value); break;
    case PROP_DEVICE_NAME: replace_string (&self->device_name, value); break;
    case PROP_DEVICE_ID: replace_string (&self->device_id, value); break;
    case PROP_TIME:
      g_clear_pointer (&self->time, g_date_time_unref);
      self->time = g_value_dup_boxed (value);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_access_event_finalize (GObject *object)
{
  HccAccessEvent *self = (HccAccessEvent *)object;

  g_free (self->msg_type);
  g_free (self->door_id);
  g_free (self->door_name);
  g_free (self->person_id);
  g_free (self->person_name);
  g_free (self->card_number);
  g_free (self->device_name);
  g_free (self->device_id);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (hcc_access_event_parent_class)->finalize (object);
}

static void
hcc_access_event_class_init (HccAccessEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = hcc_access_event_get_property;
  object_class->set_property = hcc_access_event_set_property;
  object_class->finalize = hcc_access_event_finalize;

  properties[PROP_MSG_TYPE] = g_param_spec_string ("msg-type", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, HCC_TYPE_ACCESS_KIND, HCC_ACCESS_KIND_OTHER, flags);
  properties[PROP_GRANTED] = g_param_spec_boolean ("granted", NULL, NULL, FALSE, flags);
  properties[PROP_DOOR_ID] = g_param_spec_string ("door-id", NULL, NULL, NULL, flags);
  properties[PROP_DOOR_NAME] = g_param_spec_string ("door-name", NULL, NULL, NULL, flags);
  properties[PROP_PERSON_ID] = g_param_spec_string ("person-id", NULL, NULL, NULL, flags);
  properties[PROP_PERSON_NAME] = g_param_spec_string ("person-name", NULL, NULL, NULL, flags);
  properties[PROP_CARD_NUMBER] = g_param_spec_string ("card-number", NULL, NULL, NULL, flags);
  properties[PROP_DEVICE_NAME] = g_param_spec_string ("device-name", NULL, NULL, NULL, flags);
  properties[PROP_DEVICE_ID] = g_param_spec_string ("device-id", NULL, NULL, NULL, flags);
  properties[PROP_TIME] = g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_access_event_init (HccAccessEvent *self)
{
}

HccAccessEvent *
hcc_access_event_new_from_json (const char  *msg_type,
                                JsonObject  *basic_info,
                                JsonObject  *open_door_info,
                                GError     **error)
{
  g_autoptr(HccAccessEvent) self = NULL;
  JsonObject *event;
  JsonObject *basic2;
  JsonObject *intelli;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *element_type = NULL;
  g_autoptr(GDateTime) time = NULL;
  HccAccessKind kind;
  gboolean granted;
  gboolean auth_result;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!hcc_access_event_classify (msg_type, &kind, &granted))
    {
      g_set_error (error, HCC_ERROR, HCC_ERROR_SERVER,
                   _("“%s” is not an access event."), msg_type ? msg_type : "");
      return NULL;
    }

  /* CertificateInfo { event: Event(2) { basicInfo(2), intelliInfo } }. */
  event = hcc_json_get_object (open_door_info, "event", NULL);
  basic2 = hcc_json_get_object (event, "basicInfo", NULL);
  intelli = hcc_json_get_object (event, "intelliInfo", NULL);

  self = g_object_new (HCC_TYPE_ACCESS_EVENT,
                       "msg-type", msg_type,
                       "kind", kind,
                       "granted", granted,
                       NULL);

  /* authResult, when present, is the device's own verdict. */
  if (hcc_json_get_bool (intelli, &auth_result, "authResult", NULL))
    self->granted = auth_result;

  /* The access point is a door (1002) most of the time; a reader's event
   * still names the element it belongs to. */
  element_type = hcc_json_dup_string (basic2, "elementType", NULL);
  self->door_id = hcc_json_dup_string (basic2, "elementId", "elementID", NULL);
  self->door_name = hcc_json_dup_string (basic2, "elementName", NULL);
  self->device_id = hcc_json_dup_string (basic2, "deviceId", NULL);
  self->device_name = hcc_json_dup_string (basic2, "deviceName", NULL);
  if (self->device_name == NULL)
    {
      JsonObject *device = hcc_json_get_object (basic_info, "device", NULL);

      self->device_name = hcc_json_dup_string (device, "name", NULL);
      if (self->device_id == NULL)
        self->device_id = hcc_json_dup_string (device, "id", NULL);
    }
  if (self->door_name == NULL)
    {
      JsonObject *resource = hcc_json_get_object (basic_info, "resource", NULL);

      self->door_name = hcc_json_dup_string (resource, "name", NULL);
      if (self->door_id == NULL)
        self->door_id = hcc_json_dup_string (resource, "id", NULL);
    }

  self->person_id = hcc_json_dup_string (intelli, "personId", "personID", NULL);
  self->card_number = hcc_json_dup_string (intelli, "cardNumber", "cardNo", NULL);
  first = hcc_json_dup_string (intelli, "firstName", NULL);
  last = hcc_json_dup_string (intelli, "lastName", NULL);
  if (first != NULL || last != NULL)
    self->person_name = g_strstrip (g_strdup_printf ("%s %s", first ? first : "",
                                                     last ? last : ""));
  if (self->person_name != NULL && *self->person_name == '\0')
    g_clear_pointer (&self->person_name, g_free);

  time = hcc_json_dup_time (basic2, "occurTime", "occurrenceTime", NULL);
  if (time == NULL)
    time = hcc_json_dup_time (basic_info, "occurrenceTime", "occurTime", NULL);
  self->time = g_steal_pointer (&time);

  g_debug ("Access event %s (element type %s)", msg_type,
           element_type ? element_type : "?");

  return g_steal_pointer (&self);
}

const char *
hcc_access_event_get_msg_type (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), NULL);
  return self->msg_type;
}

HccAccessKind
hcc_access_event_get_kind (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), HCC_ACCESS_KIND_OTHER);
  return self->kind;
}

gboolean
hcc_access_event_get_granted (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), FALSE);
  return self->granted;
}

const char *
hcc_access_event_get_door_id (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), NULL);
  return self->door_id;
}

const char *
hcc_access_event_get_door_name (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), NULL);
  return self->door_name;
}

const char *
hcc_access_event_get_person_id (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), NULL);
  return self->person_id;
}

const char *
hcc_access_event_get_person_name (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), NULL);
  return self->person_name;
}

const char *
hcc_access_event_get_card_number (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), NULL);
  return self->card_number;
}

const char *
hcc_access_event_get_device_name (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), NULL);
  return self->device_name;
}

GDateTime *
hcc_access_event_get_time (HccAccessEvent *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_EVENT (self), NULL);
  return self->time;
}
