/* hcc-resident.c: one resident: a person linked to rooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-resident"

#include "config.h"

#include "hcc-resident.h"
#include "hcc-room.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_CODE,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_GENDER,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_DESCRIPTION,
  PROP_EXPIRED,
  PROP_PHOTO_URL,
  PROP_HEAD_PIC_URL,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_LANGUAGE,
  PROP_ROOMS,
  N_PROPS
};

struct _HccResident
{
  GObject parent_instance;

  char       *id; /* (owned) (nullable) */
  char       *person_code; /* (owned) (nullable) */
  char       *first_name; /* (owned) (nullable) */
  char       *last_name; /* (owned) (nullable) */
  int         gender;
  char       *phone; /* (owned) (nullable) */
  char       *email; /* (owned) (nullable) */
  char       *description; /* (owned) (nullable) */
  gboolean    expired;
  char       *photo_url; /* (owned) (nullable) */
  char       *head_pic_url; /* (owned) (nullable) */
  GDateTime  *start_time; /* (owned) (nullable) */
  GDateTime  *end_time; /* (owned) (nullable) */
  char       *language; /* (owned) (nullable) */
  GListModel *rooms; /* (owned) */
};

G_DEFINE_FINAL_TYPE (HccResident, hcc_resident, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_resident_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HccResident *self = HCC_RESIDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PERSON_CODE:
      g_value_set_string (value, self->person_code);
      break;

    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;

    case PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;

    case PROP_GENDER:
      g_value_set_int (value, self->gender);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_EXPIRED:
      g_value_set_boolean (value, self->expired);
      break;

    case PROP_PHOTO_URL:
      g_value_set_string (value, self->photo_url);
      break;

    case PROP_HEAD_PIC_URL:
      g_value_set_string (value, self->head_pic_url);
      break;

    case PROP_START_TIME:
      g_value_set_boxed (value, self->start_time);
      break;

    case PROP_END_TIME:
      g_value_set_boxed (value, self->end_time);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_ROOMS:
      g_value_set_object (value, self->rooms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_resident_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HccResident *self = HCC_RESIDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      hcc_resident_set_id (self, g_value_get_string (value));
      break;

    case PROP_PERSON_CODE:
      hcc_resident_set_person_code (self, g_value_get_string (value));
      break;

    case PROP_FIRST_NAME:
      hcc_resident_set_first_name (self, g_value_get_string (value));
      break;

    case PROP_LAST_NAME:
      hcc_resident_set_last_name (self, g_value_get_string (value));
      break;

    case PROP_GENDER:
      hcc_resident_set_gender (self, g_value_get_int (value));
      break;

    case PROP_PHONE:
      hcc_resident_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      hcc_resident_set_email (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      hcc_resident_set_description (self, g_value_get_string (value));
      break;

    case PROP_EXPIRED:
      hcc_resident_set_expired (self, g_value_get_boolean (value));
      break;

    case PROP_PHOTO_URL:
      hcc_resident_set_photo_url (self, g_value_get_string (value));
      break;

    case PROP_HEAD_PIC_URL:
      hcc_resident_set_head_pic_url (self, g_value_get_string (value));
      break;

    case PROP_START_TIME:
      hcc_resident_set_start_time (self, g_value_get_boxed (value));
      break;

    case PROP_END_TIME:
      hcc_resident_set_end_time (self, g_value_get_boxed (value));
      break;

    case PROP_LANGUAGE:
      hcc_resident_set_language (self, g_value_get_string (value));
      break;

    case PROP_ROOMS:
      hcc_resident_set_rooms (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_resident_finalize (GObject *object)
{
  HccResident *self = HCC_RESIDENT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->person_code, g_free);
  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->photo_url, g_free);
  g_clear_pointer (&self->head_pic_url, g_free);
  g_clear_pointer (&self->start_time, g_date_time_unref);
  g_clear_pointer (&self->end_time, g_date_time_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->rooms, g_object_unref);

  G_OBJECT_CLASS (hcc_resident_parent_class)->finalize (object);
}

static void
hcc_resident_class_init (HccResidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_resident_get_property;
  object_class->set_property = hcc_resident_set_property;
  object_class->finalize = hcc_resident_finalize;

  /* personId; empty for a resident not yet added. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The person's code; only to link an existing person. */
  properties[PROP_PERSON_CODE] =
    g_param_spec_string ("person-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The first name (at most 128 characters, PersonDTO). */
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The last name (at most 128 characters). */
  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 0 female, 1 male, 2 unknown. [G_MININT, G_MAXINT, 2] */
  properties[PROP_GENDER] =
    g_param_spec_int ("gender", NULL, NULL,
                      G_MININT, G_MAXINT, 2,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* The phone number. */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The e-mail address; required for residents (T38). */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* A free remark. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Whether the resident's validity has ended. */
  properties[PROP_EXPIRED] =
    g_param_spec_boolean ("expired", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The face picture applied to devices. */
  properties[PROP_PHOTO_URL] =
    g_param_spec_string ("photo-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The profile photo. */
  properties[PROP_HEAD_PIC_URL] =
    g_param_spec_string ("head-pic-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Start of validity. */
  properties[PROP_START_TIME] =
    g_param_spec_boxed ("start-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* End of validity (the year must be 2037 or earlier). */
  properties[PROP_END_TIME] =
    g_param_spec_boxed ("end-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The language of the invitation e-mail, NULL for the platform's default. */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The resident's rooms, {HCC_TYPE_ROOM} items. */
  properties[PROP_ROOMS] =
    g_param_spec_object ("rooms", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_resident_init (HccResident *self)
{
  self->gender = 2;
  self->rooms = G_LIST_MODEL (g_list_store_new (HCC_TYPE_ROOM));
}

HccResident *
hcc_resident_new (void)
{
  return g_object_new (HCC_TYPE_RESIDENT, NULL);
}

const char *
hcc_resident_get_id (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->id;
}

const char *
hcc_resident_get_person_code (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->person_code;
}

const char *
hcc_resident_get_first_name (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->first_name;
}

const char *
hcc_resident_get_last_name (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->last_name;
}

int
hcc_resident_get_gender (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), 0);

  return self->gender;
}

const char *
hcc_resident_get_phone (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->phone;
}

const char *
hcc_resident_get_email (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->email;
}

const char *
hcc_resident_get_description (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->description;
}

gboolean
hcc_resident_get_expired (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), 0);

  return self->expired;
}

const char *
hcc_resident_get_photo_url (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->photo_url;
}

const char *
hcc_resident_get_head_pic_url (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->head_pic_url;
}

GDateTime *
hcc_resident_get_start_time (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->start_time;
}

GDateTime *
hcc_resident_get_end_time (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->end_time;
}

const char *
hcc_resident_get_language (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->language;
}

GListModel *
hcc_resident_get_rooms (HccResident *self)
{
  g_return_val_if_fail (HCC_IS_RESIDENT (self), NULL);

  return self->rooms;
}

void
hcc_resident_set_id (HccResident *self,
                     const char  *id)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
hcc_resident_set_person_code (HccResident *self,
                              const char  *person_code)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->person_code, person_code) == 0)
    return;

  g_free (self->person_code);
  self->person_code = g_strdup (person_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_CODE]);
}

void
hcc_resident_set_first_name (HccResident *self,
                             const char  *first_name)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->first_name, first_name) == 0)
    return;

  g_free (self->first_name);
  self->first_name = g_strdup (first_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_NAME]);
}

void
hcc_resident_set_last_name (HccResident *self,
                            const char  *last_name)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->last_name, last_name) == 0)
    return;

  g_free (self->last_name);
  self->last_name = g_strdup (last_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_NAME]);
}

void
hcc_resident_set_gender (HccResident *self,
                         int          gender)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (self->gender == gender)
    return;

  self->gender = gender;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
}

void
hcc_resident_set_phone (HccResident *self,
                        const char  *phone)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

void
hcc_resident_set_email (HccResident *self,
                        const char  *email)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

void
hcc_resident_set_description (HccResident *self,
                              const char  *description)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

void
hcc_resident_set_expired (HccResident *self,
                          gboolean     expired)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  expired = !!expired;
  if (self->expired == expired)
    return;

  self->expired = expired;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRED]);
}

void
hcc_resident_set_photo_url (HccResident *self,
                            const char  *photo_url)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->photo_url, photo_url) == 0)
    return;

  g_free (self->photo_url);
  self->photo_url = g_strdup (photo_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO_URL]);
}

void
hcc_resident_set_head_pic_url (HccResident *self,
                               const char  *head_pic_url)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->head_pic_url, head_pic_url) == 0)
    return;

  g_free (self->head_pic_url);
  self->head_pic_url = g_strdup (head_pic_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEAD_PIC_URL]);
}

void
hcc_resident_set_start_time (HccResident *self,
                             GDateTime   *start_time)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (self->start_time == start_time ||
      (self->start_time != NULL && start_time != NULL && g_date_time_equal (self->start_time, start_time)))
    return;

  g_clear_pointer (&self->start_time, g_date_time_unref);
  if (start_time != NULL)
    self->start_time = g_date_time_ref (start_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIME]);
}

void
hcc_resident_set_end_time (HccResident *self,
                           GDateTime   *end_time)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (self->end_time == end_time ||
      (self->end_time != NULL && end_time != NULL && g_date_time_equal (self->end_time, end_time)))
    return;

  g_clear_pointer (&self->end_time, g_date_time_unref);
  if (end_time != NULL)
    self->end_time = g_date_time_ref (end_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TIME]);
}

void
hcc_resident_set_language (HccResident *self,
                           const char  *language)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

void
hcc_resident_set_rooms (HccResident *self,
                        GListModel  *rooms)
{
  g_return_if_fail (HCC_IS_RESIDENT (self));

  g_return_if_fail (G_IS_LIST_MODEL (rooms));

  if (self->rooms == rooms)
    return;

  g_set_object (&self->rooms, rooms);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOMS]);
}
