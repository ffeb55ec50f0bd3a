/* hcc-door-result.c: the outcome of a remote door command for one door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-door-result"

#include "config.h"

#include "hcc-door-result.h"

enum {
  PROP_0,
  PROP_DOOR_ID,
  PROP_DOOR_NAME,
  PROP_AREA_NAME,
  PROP_SUCCEEDED,
  PROP_ERROR_CODE,
  N_PROPS
};

struct _HccDoorResult
{
  GObject parent_instance;

  char     *door_id; /* (owned) (nullable) */
  char     *door_name; /* (owned) (nullable) */
  char     *area_name; /* (owned) (nullable) */
  gboolean  succeeded;
  char     *error_code; /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccDoorResult, hcc_door_result, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_door_result_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HccDoorResult *self = HCC_DOOR_RESULT (object);

  switch (prop_id)
    {
    case PROP_DOOR_ID:
      g_value_set_string (value, self->door_id);
      break;

    case PROP_DOOR_NAME:
      g_value_set_string (value, self->door_name);
      break;

    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;

    case PROP_SUCCEEDED:
      g_value_set_boolean (value, self->succeeded);
      break;

    case PROP_ERROR_CODE:
      g_value_set_string (value, self->error_code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_door_result_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HccDoorResult *self = HCC_DOOR_RESULT (object);

  switch (prop_id)
    {
    case PROP_DOOR_ID:
      hcc_door_result_set_door_id (self, g_value_get_string (value));
      break;

    case PROP_DOOR_NAME:
      hcc_door_result_set_door_name (self, g_value_get_string (value));
      break;

    case PROP_AREA_NAME:
      hcc_door_result_set_area_name (self, g_value_get_string (value));
      break;

    case PROP_SUCCEEDED:
      hcc_door_result_set_succeeded (self, g_value_get_boolean (value));
      break;

    case PROP_ERROR_CODE:
      hcc_door_result_set_error_code (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_door_result_finalize (GObject *object)
{
  HccDoorResult *self = HCC_DOOR_RESULT (object);

  g_clear_pointer (&self->door_id, g_free);
  g_clear_pointer (&self->door_name, g_free);
  g_clear_pointer (&self->area_name, g_free);
  g_clear_pointer (&self->error_code, g_free);

  G_OBJECT_CLASS (hcc_door_result_parent_class)->finalize (object);
}

static void
hcc_door_result_class_init (HccDoorResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_door_result_get_property;
  object_class->set_property = hcc_door_result_set_property;
  object_class->finalize = hcc_door_result_finalize;

  /* The door the command was for. */
  properties[PROP_DOOR_ID] =
    g_param_spec_string ("door-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The door's name, when the platform named it. */
  properties[PROP_DOOR_NAME] =
    g_param_spec_string ("door-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The door's area, when the platform named it. */
  properties[PROP_AREA_NAME] =
    g_param_spec_string ("area-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Whether the door accepted the command. */
  properties[PROP_SUCCEEDED] =
    g_param_spec_boolean ("succeeded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* The platform's code for a failure, trimmed, or NULL. */
  properties[PROP_ERROR_CODE] =
    g_param_spec_string ("error-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_door_result_init (HccDoorResult *self)
{
}

HccDoorResult *
hcc_door_result_new (void)
{
  return g_object_new (HCC_TYPE_DOOR_RESULT, NULL);
}

const char *
hcc_door_result_get_door_id (HccDoorResult *self)
{
  g_return_val_if_fail (HCC_IS_DOOR_RESULT (self), NULL);

  return self->door_id;
}

const char *
hcc_door_result_get_door_name (HccDoorResult *self)
{
  g_return_val_if_fail (HCC_IS_DOOR_RESULT (self), NULL);

  return self->door_name;
}

const char *
hcc_door_result_get_area_name (HccDoorResult *self)
{
  g_return_val_if_fail (HCC_IS_DOOR_RESULT (self), NULL);

  return self->area_name;
}

gboolean
hcc_door_result_get_succeeded (HccDoorResult *self)
{
  g_return_val_if_fail (HCC_IS_DOOR_RESULT (self), 0);

  return self->succeeded;
}

const char *
hcc_door_result_get_error_code (HccDoorResult *self)
{
  g_return_val_if_fail (HCC_IS_DOOR_RESULT (self), NULL);

  return self->error_code;
}

void
hcc_door_result_set_door_id (HccDoorResult *self,
                             const char    *door_id)
{
  g_return_if_fail (HCC_IS_DOOR_RESULT (self));

  if (g_strcmp0 (self->door_id, door_id) == 0)
    return;

  g_free (self->door_id);
  self->door_id = g_strdup (door_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOOR_ID]);
}

void
hcc_door_result_set_door_name (HccDoorResult *self,
                               const char    *door_name)
{
  g_return_if_fail (HCC_IS_DOOR_RESULT (self));

  if (g_strcmp0 (self->door_name, door_name) == 0)
    return;

  g_free (self->door_name);
  self->door_name = g_strdup (door_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOOR_NAME]);
}

void
hcc_door_result_set_area_name (HccDoorResult *self,
                               const char    *area_name)
{
  g_return_if_fail (HCC_IS_DOOR_RESULT (self));

  if (g_strcmp0 (self->area_name, area_name) == 0)
    return;

  g_free (self->area_name);
  self->area_name = g_strdup (area_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_NAME]);
}

void
hcc_door_result_set_succeeded (HccDoorResult *self,
                               gboolean       succeeded)
{
  g_return_if_fail (HCC_IS_DOOR_RESULT (self));

  succeeded = !!succeeded;
  if (self->succeeded == succeeded)
    return;

  self->succeeded = succeeded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUCCEEDED]);
}

void
hcc_door_result_set_error_code (HccDoorResult *self,
                                const char    *error_code)
{
  g_return_if_fail (HCC_IS_DOOR_RESULT (self));

  if (g_strcmp0 (self->error_code, error_code) == 0)
    return;

  g_free (self->error_code);
  self->error_code = g_strdup (error_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_CODE]);
}
