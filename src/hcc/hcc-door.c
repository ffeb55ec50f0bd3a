/* hcc-door.c: one door of the site, as resource/v1/areas/doors/get lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-door"

#include "config.h"

#include "hcc-door.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ONLINE,
  PROP_AREA_ID,
  PROP_AREA_NAME,
  PROP_DEVICE_ID,
  PROP_DEVICE_SERIAL,
  PROP_DEVICE_CATEGORY,
  PROP_CHANNEL_ID,
  PROP_CHANNEL_NO,
  N_PROPS
};

struct _HccDoor
{
  GObject parent_instance;

  char     *id; /* (owned) (nullable) */
  char     *name; /* (owned) (nullable) */
  gboolean  online;
  char     *area_id; /* (owned) (nullable) */
  char     *area_name; /* (owned) (nullable) */
  char     *device_id; /* (owned) (nullable) */
  char     *device_serial; /* (owned) (nullable) */
  char     *device_category; /* (owned) (nullable) */
  char     *channel_id; /* (owned) (nullable) */
  char     *channel_no; /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccDoor, hcc_door, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_door_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HccDoor *self = HCC_DOOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;

    case PROP_AREA_ID:
      g_value_set_string (value, self->area_id);
      break;

    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;

    case PROP_DEVICE_ID:
      g_value_set_string (value, self->device_id);
      break;

    case PROP_DEVICE_SERIAL:
      g_value_set_string (value, self->device_serial);
      break;

    case PROP_DEVICE_CATEGORY:
      g_value_set_string (value, self->device_category);
      break;

    case PROP_CHANNEL_ID:
      g_value_set_string (value, self->channel_id);
      break;

    case PROP_CHANNEL_NO:
      g_value_set_string (value, self->channel_no);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_door_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HccDoor *self = HCC_DOOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      hcc_door_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      hcc_door_set_name (self, g_value_get_string (value));
      break;

    case PROP_ONLINE:
      hcc_door_set_online (self, g_value_get_boolean (value));
      break;

    case PROP_AREA_ID:
      hcc_door_set_area_id (self, g_value_get_string (value));
      break;

    case PROP_AREA_NAME:
      hcc_door_set_area_name (self, g_value_get_string (value));
      break;

    case PROP_DEVICE_ID:
      hcc_door_set_device_id (self, g_value_get_string (value));
      break;

    case PROP_DEVICE_SERIAL:
      hcc_door_set_device_serial (self, g_value_get_string (value));
      break;

    case PROP_DEVICE_CATEGORY:
      hcc_door_set_device_category (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL_ID:
      hcc_door_set_channel_id (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL_NO:
      hcc_door_set_channel_no (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_door_finalize (GObject *object)
{
  HccDoor *self = HCC_DOOR (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->area_id, g_free);
  g_clear_pointer (&self->area_name, g_free);
  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->device_serial, g_free);
  g_clear_pointer (&self->device_category, g_free);
  g_clear_pointer (&self->channel_id, g_free);
  g_clear_pointer (&self->channel_no, g_free);

  G_OBJECT_CLASS (hcc_door_parent_class)->finalize (object);
}

static void
hcc_door_class_init (HccDoorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_door_get_property;
  object_class->set_property = hcc_door_set_property;
  object_class->finalize = hcc_door_finalize;

  /* The door ID that acs/v1/remote/control takes in elementlist. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The door's name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Whether the platform reports the door online ("1"). */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The area the door belongs to. */
  properties[PROP_AREA_ID] =
    g_param_spec_string ("area-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The name of that area. */
  properties[PROP_AREA_NAME] =
    g_param_spec_string ("area-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The device (door station or controller) the door belongs to. */
  properties[PROP_DEVICE_ID] =
    g_param_spec_string ("device-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The serial number of that device. */
  properties[PROP_DEVICE_SERIAL] =
    g_param_spec_string ("device-serial", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The device category, as the platform names it. */
  properties[PROP_DEVICE_CATEGORY] =
    g_param_spec_string ("device-category", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The door's channel ID (often 18 digits). */
  properties[PROP_CHANNEL_ID] =
    g_param_spec_string ("channel-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The door's channel number on its device. */
  properties[PROP_CHANNEL_NO] =
    g_param_spec_string ("channel-no", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_door_init (HccDoor *self)
{
}

HccDoor *
hcc_door_new (void)
{
  return g_object_new (HCC_TYPE_DOOR, NULL);
}

const char *
hcc_door_get_id (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), NULL);

  return self->id;
}

const char *
hcc_door_get_name (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), NULL);

  return self->name;
}

gboolean
hcc_door_get_online (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), 0);

  return self->online;
}

const char *
hcc_door_get_area_id (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), NULL);

  return self->area_id;
}

const char *
hcc_door_get_area_name (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), NULL);

  return self->area_name;
}

const char *
hcc_door_get_device_id (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), NULL);

  return self->device_id;
}

const char *
hcc_door_get_device_serial (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), NULL);

  return self->device_serial;
}

const char *
hcc_door_get_device_category (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), NULL);

  return self->device_category;
}

const char *
hcc_door_get_channel_id (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), NULL);

  return self->channel_id;
}

const char *
hcc_door_get_channel_no (HccDoor *self)
{
  g_return_val_if_fail (HCC_IS_DOOR (self), NULL);

  return self->channel_no;
}

void
hcc_door_set_id (HccDoor    *self,
                 const char *id)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
hcc_door_set_name (HccDoor    *self,
                   const char *name)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
hcc_door_set_online (HccDoor  *self,
                     gboolean  online)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  online = !!online;
  if (self->online == online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

void
hcc_door_set_area_id (HccDoor    *self,
                      const char *area_id)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  if (g_strcmp0 (self->area_id, area_id) == 0)
    return;

  g_free (self->area_id);
  self->area_id = g_strdup (area_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_ID]);
}

void
hcc_door_set_area_name (HccDoor    *self,
                        const char *area_name)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  if (g_strcmp0 (self->area_name, area_name) == 0)
    return;

  g_free (self->area_name);
  self->area_name = g_strdup (area_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_NAME]);
}

void
hcc_door_set_device_id (HccDoor    *self,
                        const char *device_id)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  if (g_strcmp0 (self->device_id, device_id) == 0)
    return;

  g_free (self->device_id);
  self->device_id = g_strdup (device_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE_ID]);
}

void
hcc_door_set_device_serial (HccDoor    *self,
                            const char *device_serial)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  if (g_strcmp0 (self->device_serial, device_serial) == 0)
    return;

  g_free (self->device_serial);
  self->device_serial = g_strdup (device_serial);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE_SERIAL]);
}

void
hcc_door_set_device_category (HccDoor    *self,
                              const char *device_category)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  if (g_strcmp0 (self->device_category, device_category) == 0)
    return;

  g_free (self->device_category);
  self->device_category = g_strdup (device_category);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE_CATEGORY]);
}

void
hcc_door_set_channel_id (HccDoor    *self,
                         const char *channel_id)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  if (g_strcmp0 (self->channel_id, channel_id) == 0)
    return;

  g_free (self->channel_id);
  self->channel_id = g_strdup (channel_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL_ID]);
}

void
hcc_door_set_channel_no (HccDoor    *self,
                         const char *channel_no)
{
  g_return_if_fail (HCC_IS_DOOR (self));

  if (g_strcmp0 (self->channel_no, channel_no) == 0)
    return;

  g_free (self->channel_no);
  self->channel_no = g_strdup (channel_no);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL_NO]);
}
