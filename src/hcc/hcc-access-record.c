/* hcc-access-record.c: one access-log entry (RecordInfo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-access-record"

#include "config.h"

#include "hcc-access-record.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_ELEMENT_ID,
  PROP_ELEMENT_NAME,
  PROP_ELEMENT_TYPE,
  PROP_AREA_NAME,
  PROP_DEVICE_NAME,
  PROP_CARD_READER_NAME,
  PROP_OCCUR_TIME,
  PROP_EVENT_TYPE,
  PROP_SUCCEEDED,
  PROP_CARD_NUMBER,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_DIRECTION,
  PROP_ELEMENT_PIC_URL,
  N_PROPS
};

struct _HccAccessRecord
{
  GObject parent_instance;

  char      *id; /* (owned) (nullable) */
  char      *element_id; /* (owned) (nullable) */
  char      *element_name; /* (owned) (nullable) */
  int        element_type;
  char      *area_name; /* (owned) (nullable) */
  char      *device_name; /* (owned) (nullable) */
  char      *card_reader_name; /* (owned) (nullable) */
  GDateTime *occur_time; /* (owned) (nullable) */
  int        event_type;
  gboolean   succeeded;
  char      *card_number; /* (owned) (nullable) */
  char      *person_id; /* (owned) (nullable) */
  char      *person_name; /* (owned) (nullable) */
  int        direction;
  char      *element_pic_url; /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccAccessRecord, hcc_access_record, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_access_record_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HccAccessRecord *self = HCC_ACCESS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ELEMENT_ID:
      g_value_set_string (value, self->element_id);
      break;

    case PROP_ELEMENT_NAME:
      g_value_set_string (value, self->element_name);
      break;

    case PROP_ELEMENT_TYPE:
      g_value_set_int (value, self->element_type);
      break;

    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;

    case PROP_DEVICE_NAME:
      g_value_set_string (value, self->device_name);
      break;

    case PROP_CARD_READER_NAME:
      g_value_set_string (value, self->card_reader_name);
      break;

    case PROP_OCCUR_TIME:
      g_value_set_boxed (value, self->occur_time);
      break;

    case PROP_EVENT_TYPE:
      g_value_set_int (value, self->event_type);
      break;

    case PROP_SUCCEEDED:
      g_value_set_boolean (value, self->succeeded);
      break;

    case PROP_CARD_NUMBER:
      g_value_set_string (value, self->card_number);
      break;

    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_DIRECTION:
      g_value_set_int (value, self->direction);
      break;

    case PROP_ELEMENT_PIC_URL:
      g_value_set_string (value, self->element_pic_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_access_record_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HccAccessRecord *self = HCC_ACCESS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      hcc_access_record_set_id (self, g_value_get_string (value));
      break;

    case PROP_ELEMENT_ID:
      hcc_access_record_set_element_id (self, g_value_get_string (value));
      break;

    case PROP_ELEMENT_NAME:
      hcc_access_record_set_element_name (self, g_value_get_string (value));
      break;

    case PROP_ELEMENT_TYPE:
      hcc_access_record_set_element_type (self, g_value_get_int (value));
      break;

    case PROP_AREA_NAME:
      hcc_access_record_set_area_name (self, g_value_get_string (value));
      break;

    case PROP_DEVICE_NAME:
      hcc_access_record_set_device_name (self, g_value_get_string (value));
      break;

    case PROP_CARD_READER_NAME:
      hcc_access_record_set_card_reader_name (self, g_value_get_string (value));
      break;

    case PROP_OCCUR_TIME:
      hcc_access_record_set_occur_time (self, g_value_get_boxed (value));
      break;

    case PROP_EVENT_TYPE:
      hcc_access_record_set_event_type (self, g_value_get_int (value));
      break;

    case PROP_SUCCEEDED:
      hcc_access_record_set_succeeded (self, g_value_get_boolean (value));
      break;

    case PROP_CARD_NUMBER:
      hcc_access_record_set_card_number (self, g_value_get_string (value));
      break;

    case PROP_PERSON_ID:
      hcc_access_record_set_person_id (self, g_value_get_string (value));
      break;

    case PROP_PERSON_NAME:
      hcc_access_record_set_person_name (self, g_value_get_string (value));
      break;

    case PROP_DIRECTION:
      hcc_access_record_set_direction (self, g_value_get_int (value));
      break;

    case PROP_ELEMENT_PIC_URL:
      hcc_access_record_set_element_pic_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_access_record_finalize (GObject *object)
{
  HccAccessRecord *self = HCC_ACCESS_RECORD (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->element_id, g_free);
  g_clear_pointer (&self->element_name, g_free);
  g_clear_pointer (&self->area_name, g_free);
  g_clear_pointer (&self->device_name, g_free);
  g_clear_pointer (&self->card_reader_name, g_free);
  g_clear_pointer (&self->occur_time, g_date_time_unref);
  g_clear_pointer (&self->card_number, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->element_pic_url, g_free);

  G_OBJECT_CLASS (hcc_access_record_parent_class)->finalize (object);
}

static void
hcc_access_record_class_init (HccAccessRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_access_record_get_property;
  object_class->set_property = hcc_access_record_set_property;
  object_class->finalize = hcc_access_record_finalize;

  /* recordGuid. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The access point (door). */
  properties[PROP_ELEMENT_ID] =
    g_param_spec_string ("element-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The access point's name. */
  properties[PROP_ELEMENT_NAME] =
    g_param_spec_string ("element-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 1002 door, 2002 controller, 2008 two-way audio device. */
  properties[PROP_ELEMENT_TYPE] =
    g_param_spec_int ("element-type", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* The area's name. */
  properties[PROP_AREA_NAME] =
    g_param_spec_string ("area-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The device's name. */
  properties[PROP_DEVICE_NAME] =
    g_param_spec_string ("device-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The card reader's name. */
  properties[PROP_CARD_READER_NAME] =
    g_param_spec_string ("card-reader-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* When it happened. */
  properties[PROP_OCCUR_TIME] =
    g_param_spec_boxed ("occur-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The card-swiping event code. */
  properties[PROP_EVENT_TYPE] =
    g_param_spec_int ("event-type", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* swipeAuthResult: whether access was granted. */
  properties[PROP_SUCCEEDED] =
    g_param_spec_boolean ("succeeded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The card number. */
  properties[PROP_CARD_NUMBER] =
    g_param_spec_string ("card-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The person's ID. */
  properties[PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The person's first and last name. */
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 0 none, 1 entry, 2 exit. [G_MININT, G_MAXINT, 0] */
  properties[PROP_DIRECTION] =
    g_param_spec_int ("direction", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* A picture of the access point (valid 2 hours). */
  properties[PROP_ELEMENT_PIC_URL] =
    g_param_spec_string ("element-pic-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_access_record_init (HccAccessRecord *self)
{
}

HccAccessRecord *
hcc_access_record_new (void)
{
  return g_object_new (HCC_TYPE_ACCESS_RECORD, NULL);
}

const char *
hcc_access_record_get_id (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->id;
}

const char *
hcc_access_record_get_element_id (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->element_id;
}

const char *
hcc_access_record_get_element_name (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->element_name;
}

int
hcc_access_record_get_element_type (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), 0);

  return self->element_type;
}

const char *
hcc_access_record_get_area_name (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->area_name;
}

const char *
hcc_access_record_get_device_name (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->device_name;
}

const char *
hcc_access_record_get_card_reader_name (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->card_reader_name;
}

GDateTime *
hcc_access_record_get_occur_time (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->occur_time;
}

int
hcc_access_record_get_event_type (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), 0);

  return self->event_type;
}

gboolean
hcc_access_record_get_succeeded (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), 0);

  return self->succeeded;
}

const char *
hcc_access_record_get_card_number (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->card_number;
}

const char *
hcc_access_record_get_person_id (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->person_id;
}

const char *
hcc_access_record_get_person_name (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->person_name;
}

int
hcc_access_record_get_direction (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), 0);

  return self->direction;
}

const char *
hcc_access_record_get_element_pic_url (HccAccessRecord *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_RECORD (self), NULL);

  return self->element_pic_url;
}

void
hcc_access_record_set_id (HccAccessRecord *self,
                          const char      *id)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
hcc_access_record_set_element_id (HccAccessRecord *self,
                                  const char      *element_id)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->element_id, element_id) == 0)
    return;

  g_free (self->element_id);
  self->element_id = g_strdup (element_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT_ID]);
}

void
hcc_access_record_set_element_name (HccAccessRecord *self,
                                    const char      *element_name)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->element_name, element_name) == 0)
    return;

  g_free (self->element_name);
  self->element_name = g_strdup (element_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT_NAME]);
}

void
hcc_access_record_set_element_type (HccAccessRecord *self,
                                    int              element_type)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (self->element_type == element_type)
    return;

  self->element_type = element_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT_TYPE]);
}

void
hcc_access_record_set_area_name (HccAccessRecord *self,
                                 const char      *area_name)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->area_name, area_name) == 0)
    return;

  g_free (self->area_name);
  self->area_name = g_strdup (area_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_NAME]);
}

void
hcc_access_record_set_device_name (HccAccessRecord *self,
                                   const char      *device_name)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->device_name, device_name) == 0)
    return;

  g_free (self->device_name);
  self->device_name = g_strdup (device_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE_NAME]);
}

void
hcc_access_record_set_card_reader_name (HccAccessRecord *self,
                                        const char      *card_reader_name)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->card_reader_name, card_reader_name) == 0)
    return;

  g_free (self->card_reader_name);
  self->card_reader_name = g_strdup (card_reader_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD_READER_NAME]);
}

void
hcc_access_record_set_occur_time (HccAccessRecord *self,
                                  GDateTime       *occur_time)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (self->occur_time == occur_time ||
      (self->occur_time != NULL && occur_time != NULL && g_date_time_equal (self->occur_time, occur_time)))
    return;

  g_clear_pointer (&self->occur_time, g_date_time_unref);
  if (occur_time != NULL)
    self->occur_time = g_date_time_ref (occur_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCUR_TIME]);
}

void
hcc_access_record_set_event_type (HccAccessRecord *self,
                                  int              event_type)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (self->event_type == event_type)
    return;

  self->event_type = event_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_TYPE]);
}

void
hcc_access_record_set_succeeded (HccAccessRecord *self,
                                 gboolean         succeeded)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  succeeded = !!succeeded;
  if (self->succeeded == succeeded)
    return;

  self->succeeded = succeeded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUCCEEDED]);
}

void
hcc_access_record_set_card_number (HccAccessRecord *self,
                                   const char      *card_number)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->card_number, card_number) == 0)
    return;

  g_free (self->card_number);
  self->card_number = g_strdup (card_number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD_NUMBER]);
}

void
hcc_access_record_set_person_id (HccAccessRecord *self,
                                 const char      *person_id)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->person_id, person_id) == 0)
    return;

  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

void
hcc_access_record_set_person_name (HccAccessRecord *self,
                                   const char      *person_name)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->person_name, person_name) == 0)
    return;

  g_free (self->person_name);
  self->person_name = g_strdup (person_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
}

void
hcc_access_record_set_direction (HccAccessRecord *self,
                                 int              direction)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

void
hcc_access_record_set_element_pic_url (HccAccessRecord *self,
                                       const char      *element_pic_url)
{
  g_return_if_fail (HCC_IS_ACCESS_RECORD (self));

  if (g_strcmp0 (self->element_pic_url, element_pic_url) == 0)
    return;

  g_free (self->element_pic_url);
  self->element_pic_url = g_strdup (element_pic_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELEMENT_PIC_URL]);
}
