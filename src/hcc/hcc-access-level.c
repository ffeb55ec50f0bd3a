/* hcc-access-level.c: one access level (access group)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-access-level"

#include "config.h"

#include "hcc-access-level.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REMARK,
  PROP_USAGE_TYPE,
  PROP_AREA_ID,
  PROP_AREA_NAME,
  PROP_SCHEDULE_NAME,
  N_PROPS
};

struct _HccAccessLevel
{
  GObject parent_instance;

  char *id; /* (owned) (nullable) */
  char *name; /* (owned) (nullable) */
  char *remark; /* (owned) (nullable) */
  int   usage_type;
  char *area_id; /* (owned) (nullable) */
  char *area_name; /* (owned) (nullable) */
  char *schedule_name; /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccAccessLevel, hcc_access_level, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_access_level_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HccAccessLevel *self = HCC_ACCESS_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_REMARK:
      g_value_set_string (value, self->remark);
      break;

    case PROP_USAGE_TYPE:
      g_value_set_int (value, self->usage_type);
      break;

    case PROP_AREA_ID:
      g_value_set_string (value, self->area_id);
      break;

    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;

    case PROP_SCHEDULE_NAME:
      g_value_set_string (value, self->schedule_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_access_level_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HccAccessLevel *self = HCC_ACCESS_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      hcc_access_level_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      hcc_access_level_set_name (self, g_value_get_string (value));
      break;

    case PROP_REMARK:
      hcc_access_level_set_remark (self, g_value_get_string (value));
      break;

    case PROP_USAGE_TYPE:
      hcc_access_level_set_usage_type (self, g_value_get_int (value));
      break;

    case PROP_AREA_ID:
      hcc_access_level_set_area_id (self, g_value_get_string (value));
      break;

    case PROP_AREA_NAME:
      hcc_access_level_set_area_name (self, g_value_get_string (value));
      break;

    case PROP_SCHEDULE_NAME:
      hcc_access_level_set_schedule_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_access_level_finalize (GObject *object)
{
  HccAccessLevel *self = HCC_ACCESS_LEVEL (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->remark, g_free);
  g_clear_pointer (&self->area_id, g_free);
  g_clear_pointer (&self->area_name, g_free);
  g_clear_pointer (&self->schedule_name, g_free);

  G_OBJECT_CLASS (hcc_access_level_parent_class)->finalize (object);
}

static void
hcc_access_level_class_init (HccAccessLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_access_level_get_property;
  object_class->set_property = hcc_access_level_set_property;
  object_class->finalize = hcc_access_level_finalize;

  /* The access level ID. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The access level's name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The remark. */
  properties[PROP_REMARK] =
    g_param_spec_string ("remark", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 0 user, 1 system. [G_MININT, G_MAXINT, 0] */
  properties[PROP_USAGE_TYPE] =
    g_param_spec_int ("usage-type", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* The area of the access level. */
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

  /* The time schedule's name. */
  properties[PROP_SCHEDULE_NAME] =
    g_param_spec_string ("schedule-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_access_level_init (HccAccessLevel *self)
{
}

HccAccessLevel *
hcc_access_level_new (void)
{
  return g_object_new (HCC_TYPE_ACCESS_LEVEL, NULL);
}

const char *
hcc_access_level_get_id (HccAccessLevel *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_LEVEL (self), NULL);

  return self->id;
}

const char *
hcc_access_level_get_name (HccAccessLevel *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_LEVEL (self), NULL);

  return self->name;
}

const char *
hcc_access_level_get_remark (HccAccessLevel *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_LEVEL (self), NULL);

  return self->remark;
}

int
hcc_access_level_get_usage_type (HccAccessLevel *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_LEVEL (self), 0);

  return self->usage_type;
}

const char *
hcc_access_level_get_area_id (HccAccessLevel *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_LEVEL (self), NULL);

  return self->area_id;
}

const char *
hcc_access_level_get_area_name (HccAccessLevel *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_LEVEL (self), NULL);

  return self->area_name;
}

const char *
hcc_access_level_get_schedule_name (HccAccessLevel *self)
{
  g_return_val_if_fail (HCC_IS_ACCESS_LEVEL (self), NULL);

  return self->schedule_name;
}

void
hcc_access_level_set_id (HccAccessLevel *self,
                         const char     *id)
{
  g_return_if_fail (HCC_IS_ACCESS_LEVEL (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
hcc_access_level_set_name (HccAccessLevel *self,
                           const char     *name)
{
  g_return_if_fail (HCC_IS_ACCESS_LEVEL (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
hcc_access_level_set_remark (HccAccessLevel *self,
                             const char     *remark)
{
  g_return_if_fail (HCC_IS_ACCESS_LEVEL (self));

  if (g_strcmp0 (self->remark, remark) == 0)
    return;

  g_free (self->remark);
  self->remark = g_strdup (remark);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMARK]);
}

void
hcc_access_level_set_usage_type (HccAccessLevel *self,
                                 int             usage_type)
{
  g_return_if_fail (HCC_IS_ACCESS_LEVEL (self));

  if (self->usage_type == usage_type)
    return;

  self->usage_type = usage_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USAGE_TYPE]);
}

void
hcc_access_level_set_area_id (HccAccessLevel *self,
                              const char     *area_id)
{
  g_return_if_fail (HCC_IS_ACCESS_LEVEL (self));

  if (g_strcmp0 (self->area_id, area_id) == 0)
    return;

  g_free (self->area_id);
  self->area_id = g_strdup (area_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_ID]);
}

void
hcc_access_level_set_area_name (HccAccessLevel *self,
                                const char     *area_name)
{
  g_return_if_fail (HCC_IS_ACCESS_LEVEL (self));

  if (g_strcmp0 (self->area_name, area_name) == 0)
    return;

  g_free (self->area_name);
  self->area_name = g_strdup (area_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_NAME]);
}

void
hcc_access_level_set_schedule_name (HccAccessLevel *self,
                                    const char     *schedule_name)
{
  g_return_if_fail (HCC_IS_ACCESS_LEVEL (self));

  if (g_strcmp0 (self->schedule_name, schedule_name) == 0)
    return;

  g_free (self->schedule_name);
  self->schedule_name = g_strdup (schedule_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE_NAME]);
}
