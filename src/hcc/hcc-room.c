/* hcc-room.c: one room, as a search result (RoomVO) or a resident's link (RoomDTO)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-room"

#include "config.h"

#include "hcc-room.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NUMBER,
  PROP_BUILDING_ID,
  PROP_BUILDING_NAME,
  PROP_AREA_ID,
  PROP_AREA_NAME,
  PROP_PERSON_AMOUNT,
  PROP_MAIN_ACCOUNT,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_ACCOUNT_TYPE,
  N_PROPS
};

struct _HccRoom
{
  GObject parent_instance;

  char *id; /* (owned) (nullable) */
  char *name; /* (owned) (nullable) */
  char *number; /* (owned) (nullable) */
  char *building_id; /* (owned) (nullable) */
  char *building_name; /* (owned) (nullable) */
  char *area_id; /* (owned) (nullable) */
  char *area_name; /* (owned) (nullable) */
  int   person_amount;
  char *main_account; /* (owned) (nullable) */
  char *email; /* (owned) (nullable) */
  char *phone; /* (owned) (nullable) */
  int   account_type;
};

G_DEFINE_FINAL_TYPE (HccRoom, hcc_room, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_room_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HccRoom *self = HCC_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_BUILDING_ID:
      g_value_set_string (value, self->building_id);
      break;

    case PROP_BUILDING_NAME:
      g_value_set_string (value, self->building_name);
      break;

    case PROP_AREA_ID:
      g_value_set_string (value, self->area_id);
      break;

    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;

    case PROP_PERSON_AMOUNT:
      g_value_set_int (value, self->person_amount);
      break;

    case PROP_MAIN_ACCOUNT:
      g_value_set_string (value, self->main_account);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_ACCOUNT_TYPE:
      g_value_set_int (value, self->account_type);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_room_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HccRoom *self = HCC_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      hcc_room_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      hcc_room_set_name (self, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      hcc_room_set_number (self, g_value_get_string (value));
      break;

    case PROP_BUILDING_ID:
      hcc_room_set_building_id (self, g_value_get_string (value));
      break;

    case PROP_BUILDING_NAME:
      hcc_room_set_building_name (self, g_value_get_string (value));
      break;

    case PROP_AREA_ID:
      hcc_room_set_area_id (self, g_value_get_string (value));
      break;

    case PROP_AREA_NAME:
      hcc_room_set_area_name (self, g_value_get_string (value));
      break;

    case PROP_PERSON_AMOUNT:
      hcc_room_set_person_amount (self, g_value_get_int (value));
      break;

    case PROP_MAIN_ACCOUNT:
      hcc_room_set_main_account (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      hcc_room_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      hcc_room_set_phone (self, g_value_get_string (value));
      break;

    case PROP_ACCOUNT_TYPE:
      hcc_room_set_account_type (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_room_finalize (GObject *object)
{
  HccRoom *self = HCC_ROOM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->building_id, g_free);
  g_clear_pointer (&self->building_name, g_free);
  g_clear_pointer (&self->area_id, g_free);
  g_clear_pointer (&self->area_name, g_free);
  g_clear_pointer (&self->main_account, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (hcc_room_parent_class)->finalize (object);
}

static void
hcc_room_class_init (HccRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_room_get_property;
  object_class->set_property = hcc_room_set_property;
  object_class->finalize = hcc_room_finalize;

  /* roomId. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* roomName. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* roomNum; typed Integer by the guide but kept as text. */
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* buildId. */
  properties[PROP_BUILDING_ID] =
    g_param_spec_string ("building-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* buildName (typed Integer by the guide, T37; it is a name). */
  properties[PROP_BUILDING_NAME] =
    g_param_spec_string ("building-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* areaId (typed Integer by the guide, T37; sent as a string). */
  properties[PROP_AREA_ID] =
    g_param_spec_string ("area-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* areaName. */
  properties[PROP_AREA_NAME] =
    g_param_spec_string ("area-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The number of residents of the room. [G_MININT, G_MAXINT, 0] */
  properties[PROP_PERSON_AMOUNT] =
    g_param_spec_int ("person-amount", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* The householder's name. */
  properties[PROP_MAIN_ACCOUNT] =
    g_param_spec_string ("main-account", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The room's e-mail address. */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The room's phone number. */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* For a resident's link: 1 householder, 0 family member. [G_MININT, G_MAXINT, 0] */
  properties[PROP_ACCOUNT_TYPE] =
    g_param_spec_int ("account-type", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_room_init (HccRoom *self)
{
}

HccRoom *
hcc_room_new (void)
{
  return g_object_new (HCC_TYPE_ROOM, NULL);
}

const char *
hcc_room_get_id (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->id;
}

const char *
hcc_room_get_name (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->name;
}

const char *
hcc_room_get_number (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->number;
}

const char *
hcc_room_get_building_id (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->building_id;
}

const char *
hcc_room_get_building_name (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->building_name;
}

const char *
hcc_room_get_area_id (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->area_id;
}

const char *
hcc_room_get_area_name (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->area_name;
}

int
hcc_room_get_person_amount (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), 0);

  return self->person_amount;
}

const char *
hcc_room_get_main_account (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->main_account;
}

const char *
hcc_room_get_email (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->email;
}

const char *
hcc_room_get_phone (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), NULL);

  return self->phone;
}

int
hcc_room_get_account_type (HccRoom *self)
{
  g_return_val_if_fail (HCC_IS_ROOM (self), 0);

  return self->account_type;
}

void
hcc_room_set_id (HccRoom    *self,
                 const char *id)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
hcc_room_set_name (HccRoom    *self,
                   const char *name)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
hcc_room_set_number (HccRoom    *self,
                     const char *number)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->number, number) == 0)
    return;

  g_free (self->number);
  self->number = g_strdup (number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

void
hcc_room_set_building_id (HccRoom    *self,
                          const char *building_id)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->building_id, building_id) == 0)
    return;

  g_free (self->building_id);
  self->building_id = g_strdup (building_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING_ID]);
}

void
hcc_room_set_building_name (HccRoom    *self,
                            const char *building_name)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->building_name, building_name) == 0)
    return;

  g_free (self->building_name);
  self->building_name = g_strdup (building_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING_NAME]);
}

void
hcc_room_set_area_id (HccRoom    *self,
                      const char *area_id)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->area_id, area_id) == 0)
    return;

  g_free (self->area_id);
  self->area_id = g_strdup (area_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_ID]);
}

void
hcc_room_set_area_name (HccRoom    *self,
                        const char *area_name)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->area_name, area_name) == 0)
    return;

  g_free (self->area_name);
  self->area_name = g_strdup (area_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_NAME]);
}

void
hcc_room_set_person_amount (HccRoom *self,
                            int      person_amount)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (self->person_amount == person_amount)
    return;

  self->person_amount = person_amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_AMOUNT]);
}

void
hcc_room_set_main_account (HccRoom    *self,
                           const char *main_account)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->main_account, main_account) == 0)
    return;

  g_free (self->main_account);
  self->main_account = g_strdup (main_account);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAIN_ACCOUNT]);
}

void
hcc_room_set_email (HccRoom    *self,
                    const char *email)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

void
hcc_room_set_phone (HccRoom    *self,
                    const char *phone)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

void
hcc_room_set_account_type (HccRoom *self,
                           int      account_type)
{
  g_return_if_fail (HCC_IS_ROOM (self));

  if (self->account_type == account_type)
    return;

  self->account_type = account_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_TYPE]);
}
