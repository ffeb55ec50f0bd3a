/* hcc-record-segment.c: one recorded segment of a camera
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-record-segment"

#include "config.h"

#include "hcc-record-segment.h"

enum {
  PROP_0,
  PROP_BEGIN_TIME,
  PROP_END_TIME,
  PROP_TARGET_TYPE,
  N_PROPS
};

struct _HccRecordSegment
{
  GObject parent_instance;

  GDateTime *begin_time; /* (owned) (nullable) */
  GDateTime *end_time; /* (owned) (nullable) */
  int        target_type;
};

G_DEFINE_FINAL_TYPE (HccRecordSegment, hcc_record_segment, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_record_segment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HccRecordSegment *self = HCC_RECORD_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_BEGIN_TIME:
      g_value_set_boxed (value, self->begin_time);
      break;

    case PROP_END_TIME:
      g_value_set_boxed (value, self->end_time);
      break;

    case PROP_TARGET_TYPE:
      g_value_set_int (value, self->target_type);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_record_segment_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HccRecordSegment *self = HCC_RECORD_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_BEGIN_TIME:
      hcc_record_segment_set_begin_time (self, g_value_get_boxed (value));
      break;

    case PROP_END_TIME:
      hcc_record_segment_set_end_time (self, g_value_get_boxed (value));
      break;

    case PROP_TARGET_TYPE:
      hcc_record_segment_set_target_type (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_record_segment_finalize (GObject *object)
{
  HccRecordSegment *self = HCC_RECORD_SEGMENT (object);

  g_clear_pointer (&self->begin_time, g_date_time_unref);
  g_clear_pointer (&self->end_time, g_date_time_unref);

  G_OBJECT_CLASS (hcc_record_segment_parent_class)->finalize (object);
}

static void
hcc_record_segment_class_init (HccRecordSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_record_segment_get_property;
  object_class->set_property = hcc_record_segment_set_property;
  object_class->finalize = hcc_record_segment_finalize;

  /* Start of the segment. */
  properties[PROP_BEGIN_TIME] =
    g_param_spec_boxed ("begin-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* End of the segment. */
  properties[PROP_END_TIME] =
    g_param_spec_boxed ("end-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* 0 device (local), 1 cloud. [G_MININT, G_MAXINT, 0] */
  properties[PROP_TARGET_TYPE] =
    g_param_spec_int ("target-type", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_record_segment_init (HccRecordSegment *self)
{
}

HccRecordSegment *
hcc_record_segment_new (void)
{
  return g_object_new (HCC_TYPE_RECORD_SEGMENT, NULL);
}

GDateTime *
hcc_record_segment_get_begin_time (HccRecordSegment *self)
{
  g_return_val_if_fail (HCC_IS_RECORD_SEGMENT (self), NULL);

  return self->begin_time;
}

GDateTime *
hcc_record_segment_get_end_time (HccRecordSegment *self)
{
  g_return_val_if_fail (HCC_IS_RECORD_SEGMENT (self), NULL);

  return self->end_time;
}

int
hcc_record_segment_get_target_type (HccRecordSegment *self)
{
  g_return_val_if_fail (HCC_IS_RECORD_SEGMENT (self), 0);

  return self->target_type;
}

void
hcc_record_segment_set_begin_time (HccRecordSegment *self,
                                   GDateTime        *begin_time)
{
  g_return_if_fail (HCC_IS_RECORD_SEGMENT (self));

  if (self->begin_time == begin_time ||
      (self->begin_time != NULL && begin_time != NULL && g_date_time_equal (self->begin_time, begin_time)))
    return;

  g_clear_pointer (&self->begin_time, g_date_time_unref);
  if (begin_time != NULL)
    self->begin_time = g_date_time_ref (begin_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BEGIN_TIME]);
}

void
hcc_record_segment_set_end_time (HccRecordSegment *self,
                                 GDateTime        *end_time)
{
  g_return_if_fail (HCC_IS_RECORD_SEGMENT (self));

  if (self->end_time == end_time ||
      (self->end_time != NULL && end_time != NULL && g_date_time_equal (self->end_time, end_time)))
    return;

  g_clear_pointer (&self->end_time, g_date_time_unref);
  if (end_time != NULL)
    self->end_time = g_date_time_ref (end_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TIME]);
}

void
hcc_record_segment_set_target_type (HccRecordSegment *self,
                                    int               target_type)
{
  g_return_if_fail (HCC_IS_RECORD_SEGMENT (self));

  if (self->target_type == target_type)
    return;

  self->target_type = target_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_TYPE]);
}
