/* hcc-building.c: one building of the vims directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-building"

#include "config.h"

#include "hcc-building.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_AREA_ID,
  PROP_AREA_NAME,
  PROP_TOTAL_ROOMS,
  PROP_TOTAL_PERSONS,
  PROP_DEVICE_NAMES,
  N_PROPS
};

struct _HccBuilding
{
  GObject parent_instance;

  char *id; /* (owned) (nullable) */
  char *name; /* (owned) (nullable) */
  char *area_id; /* (owned) (nullable) */
  char *area_name; /* (owned) (nullable) */
  int   total_rooms;
  int   total_persons;
  char *device_names; /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccBuilding, hcc_building, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_building_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HccBuilding *self = HCC_BUILDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_AREA_ID:
      g_value_set_string (value, self->area_id);
      break;

    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;

    case PROP_TOTAL_ROOMS:
      g_value_set_int (value, self->total_rooms);
      break;

    case PROP_TOTAL_PERSONS:
      g_value_set_int (value, self->total_persons);
      break;

    case PROP_DEVICE_NAMES:
      g_value_set_string (value, self->device_names);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_building_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HccBuilding *self = HCC_BUILDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      hcc_building_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      hcc_building_set_name (self, g_value_get_string (value));
      break;

    case PROP_AREA_ID:
      hcc_building_set_area_id (self, g_value_get_string (value));
      break;

    case PROP_AREA_NAME:
      hcc_building_set_area_name (self, g_value_get_string (value));
      break;

    case PROP_TOTAL_ROOMS:
      hcc_building_set_total_rooms (self, g_value_get_int (value));
      break;

    case PROP_TOTAL_PERSONS:
      hcc_building_set_total_persons (self, g_value_get_int (value));
      break;

    case PROP_DEVICE_NAMES:
      hcc_building_set_device_names (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_building_finalize (GObject *object)
{
  HccBuilding *self = HCC_BUILDING (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->area_id, g_free);
  g_clear_pointer (&self->area_name, g_free);
  g_clear_pointer (&self->device_names, g_free);

  G_OBJECT_CLASS (hcc_building_parent_class)->finalize (object);
}

static void
hcc_building_class_init (HccBuildingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_building_get_property;
  object_class->set_property = hcc_building_set_property;
  object_class->finalize = hcc_building_finalize;

  /* buildId. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* buildName. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The area the building belongs to. */
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

  /* The number of rooms. [G_MININT, G_MAXINT, 0] */
  properties[PROP_TOTAL_ROOMS] =
    g_param_spec_int ("total-rooms", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* The number of residents. [G_MININT, G_MAXINT, 0] */
  properties[PROP_TOTAL_PERSONS] =
    g_param_spec_int ("total-persons", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* The building's devices, comma-separated. */
  properties[PROP_DEVICE_NAMES] =
    g_param_spec_string ("device-names", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_building_init (HccBuilding *self)
{
}

HccBuilding *
hcc_building_new (void)
{
  return g_object_new (HCC_TYPE_BUILDING, NULL);
}

const char *
hcc_building_get_id (HccBuilding *self)
{
  g_return_val_if_fail (HCC_IS_BUILDING (self), NULL);

  return self->id;
}

const char *
hcc_building_get_name (HccBuilding *self)
{
  g_return_val_if_fail (HCC_IS_BUILDING (self), NULL);

  return self->name;
}

const char *
hcc_building_get_area_id (HccBuilding *self)
{
  g_return_val_if_fail (HCC_IS_BUILDING (self), NULL);

  return self->area_id;
}

const char *
hcc_building_get_area_name (HccBuilding *self)
{
  g_return_val_if_fail (HCC_IS_BUILDING (self), NULL);

  return self->area_name;
}

int
hcc_building_get_total_rooms (HccBuilding *self)
{
  g_return_val_if_fail (HCC_IS_BUILDING (self), 0);

  return self->total_rooms;
}

int
hcc_building_get_total_persons (HccBuilding *self)
{
  g_return_val_if_fail (HCC_IS_BUILDING (self), 0);

  return self->total_persons;
}

const char *
hcc_building_get_device_names (HccBuilding *self)
{
  g_return_val_if_fail (HCC_IS_BUILDING (self), NULL);

  return self->device_names;
}

void
hcc_building_set_id (HccBuilding *self,
                     const char  *id)
{
  g_return_if_fail (HCC_IS_BUILDING (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
hcc_building_set_name (HccBuilding *self,
                       const char  *name)
{
  g_return_if_fail (HCC_IS_BUILDING (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
hcc_building_set_area_id (HccBuilding *self,
                          const char  *area_id)
{
  g_return_if_fail (HCC_IS_BUILDING (self));

  if (g_strcmp0 (self->area_id, area_id) == 0)
    return;

  g_free (self->area_id);
  self->area_id = g_strdup (area_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_ID]);
}

void
hcc_building_set_area_name (HccBuilding *self,
                            const char  *area_name)
{
  g_return_if_fail (HCC_IS_BUILDING (self));

  if (g_strcmp0 (self->area_name, area_name) == 0)
    return;

  g_free (self->area_name);
  self->area_name = g_strdup (area_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_NAME]);
}

void
hcc_building_set_total_rooms (HccBuilding *self,
                              int          total_rooms)
{
  g_return_if_fail (HCC_IS_BUILDING (self));

  if (self->total_rooms == total_rooms)
    return;

  self->total_rooms = total_rooms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_ROOMS]);
}

void
hcc_building_set_total_persons (HccBuilding *self,
                                int          total_persons)
{
  g_return_if_fail (HCC_IS_BUILDING (self));

  if (self->total_persons == total_persons)
    return;

  self->total_persons = total_persons;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_PERSONS]);
}

void
hcc_building_set_device_names (HccBuilding *self,
                               const char  *device_names)
{
  g_return_if_fail (HCC_IS_BUILDING (self));

  if (g_strcmp0 (self->device_names, device_names) == 0)
    return;

  g_free (self->device_names);
  self->device_names = g_strdup (device_names);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE_NAMES]);
}
