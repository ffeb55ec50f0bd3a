/* hcc-clip.c: a saved MP4 clip and the state of its upload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-clip"

#include "config.h"

#include "hcc-clip.h"

enum {
  PROP_0,
  PROP_TASK_ID,
  PROP_STATUS,
  PROP_EXPIRE_TIME,
  PROP_URLS,
  N_PROPS
};

struct _HccClip
{
  GObject parent_instance;

  char      *task_id; /* (owned) (nullable) */
  int        status;
  GDateTime *expire_time; /* (owned) (nullable) */
  char      **urls; /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccClip, hcc_clip, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_clip_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HccClip *self = HCC_CLIP (object);

  switch (prop_id)
    {
    case PROP_TASK_ID:
      g_value_set_string (value, self->task_id);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_EXPIRE_TIME:
      g_value_set_boxed (value, self->expire_time);
      break;

    case PROP_URLS:
      g_value_set_boxed (value, self->urls);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_clip_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HccClip *self = HCC_CLIP (object);

  switch (prop_id)
    {
    case PROP_TASK_ID:
      hcc_clip_set_task_id (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      hcc_clip_set_status (self, g_value_get_int (value));
      break;

    case PROP_EXPIRE_TIME:
      hcc_clip_set_expire_time (self, g_value_get_boxed (value));
      break;

    case PROP_URLS:
      hcc_clip_set_urls (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_clip_finalize (GObject *object)
{
  HccClip *self = HCC_CLIP (object);

  g_clear_pointer (&self->task_id, g_free);
  g_clear_pointer (&self->expire_time, g_date_time_unref);
  g_clear_pointer (&self->urls, g_strfreev);

  G_OBJECT_CLASS (hcc_clip_parent_class)->finalize (object);
}

static void
hcc_clip_class_init (HccClipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_clip_get_property;
  object_class->set_property = hcc_clip_set_property;
  object_class->finalize = hcc_clip_finalize;

  /* The opaque task ID (it contains '#'). */
  properties[PROP_TASK_ID] =
    g_param_spec_string ("task-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 0 ready, 1 uploading, 2 failed, 3 expired, 4 deleted. [G_MININT, G_MAXINT, 1] */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      G_MININT, G_MAXINT, 1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* When the download URLs stop working. */
  properties[PROP_EXPIRE_TIME] =
    g_param_spec_boxed ("expire-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The download URLs, once ready. */
  properties[PROP_URLS] =
    g_param_spec_boxed ("urls", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_clip_init (HccClip *self)
{
  self->status = 1;
}

HccClip *
hcc_clip_new (void)
{
  return g_object_new (HCC_TYPE_CLIP, NULL);
}

const char *
hcc_clip_get_task_id (HccClip *self)
{
  g_return_val_if_fail (HCC_IS_CLIP (self), NULL);

  return self->task_id;
}

int
hcc_clip_get_status (HccClip *self)
{
  g_return_val_if_fail (HCC_IS_CLIP (self), 0);

  return self->status;
}

GDateTime *
hcc_clip_get_expire_time (HccClip *self)
{
  g_return_val_if_fail (HCC_IS_CLIP (self), NULL);

  return self->expire_time;
}

const char * const *
hcc_clip_get_urls (HccClip *self)
{
  g_return_val_if_fail (HCC_IS_CLIP (self), NULL);

  return (const char * const *) self->urls;
}

void
hcc_clip_set_task_id (HccClip    *self,
                      const char *task_id)
{
  g_return_if_fail (HCC_IS_CLIP (self));

  if (g_strcmp0 (self->task_id, task_id) == 0)
    return;

  g_free (self->task_id);
  self->task_id = g_strdup (task_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_ID]);
}

void
hcc_clip_set_status (HccClip *self,
                     int      status)
{
  g_return_if_fail (HCC_IS_CLIP (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
hcc_clip_set_expire_time (HccClip   *self,
                          GDateTime *expire_time)
{
  g_return_if_fail (HCC_IS_CLIP (self));

  if (self->expire_time == expire_time ||
      (self->expire_time != NULL && expire_time != NULL && g_date_time_equal (self->expire_time, expire_time)))
    return;

  g_clear_pointer (&self->expire_time, g_date_time_unref);
  if (expire_time != NULL)
    self->expire_time = g_date_time_ref (expire_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRE_TIME]);
}

void
hcc_clip_set_urls (HccClip            *self,
                   const char * const *urls)
{
  g_return_if_fail (HCC_IS_CLIP (self));

  if (self->urls == NULL && urls == NULL)
    return;
  if (self->urls != NULL && urls != NULL &&
      g_strv_equal ((const char * const *) self->urls, urls))
    return;

  g_strfreev (self->urls);
  self->urls = g_strdupv ((char **) urls);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URLS]);
}
