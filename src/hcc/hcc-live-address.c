/* hcc-live-address.c: a live-view stream address from video/v1/live/address/get
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-live-address"

#include "config.h"

#include "hcc-live-address.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_URL,
  PROP_PROTOCOL,
  PROP_QUALITY,
  PROP_EXPIRE_TIME,
  N_PROPS
};

struct _HccLiveAddress
{
  GObject parent_instance;

  char      *id; /* (owned) (nullable) */
  char      *url; /* (owned) (nullable) */
  int        protocol;
  int        quality;
  GDateTime *expire_time; /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (HccLiveAddress, hcc_live_address, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
hcc_live_address_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HccLiveAddress *self = HCC_LIVE_ADDRESS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_PROTOCOL:
      g_value_set_int (value, self->protocol);
      break;

    case PROP_QUALITY:
      g_value_set_int (value, self->quality);
      break;

    case PROP_EXPIRE_TIME:
      g_value_set_boxed (value, self->expire_time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_live_address_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HccLiveAddress *self = HCC_LIVE_ADDRESS (object);

  switch (prop_id)
    {
    case PROP_ID:
      hcc_live_address_set_id (self, g_value_get_string (value));
      break;

    case PROP_URL:
      hcc_live_address_set_url (self, g_value_get_string (value));
      break;

    case PROP_PROTOCOL:
      hcc_live_address_set_protocol (self, g_value_get_int (value));
      break;

    case PROP_QUALITY:
      hcc_live_address_set_quality (self, g_value_get_int (value));
      break;

    case PROP_EXPIRE_TIME:
      hcc_live_address_set_expire_time (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hcc_live_address_finalize (GObject *object)
{
  HccLiveAddress *self = HCC_LIVE_ADDRESS (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->expire_time, g_date_time_unref);

  G_OBJECT_CLASS (hcc_live_address_parent_class)->finalize (object);
}

static void
hcc_live_address_class_init (HccLiveAddressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hcc_live_address_get_property;
  object_class->set_property = hcc_live_address_set_property;
  object_class->finalize = hcc_live_address_finalize;

  /* The stream ID. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The stream URL (HLS or RTMP). */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 2 HLS, 3 RTMP. [G_MININT, G_MAXINT, 2] */
  properties[PROP_PROTOCOL] =
    g_param_spec_int ("protocol", NULL, NULL,
                      G_MININT, G_MAXINT, 2,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* 1 HD (main stream), 2 fluent (sub stream). [G_MININT, G_MAXINT, 1] */
  properties[PROP_QUALITY] =
    g_param_spec_int ("quality", NULL, NULL,
                      G_MININT, G_MAXINT, 1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /* When the URL stops working. */
  properties[PROP_EXPIRE_TIME] =
    g_param_spec_boxed ("expire-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hcc_live_address_init (HccLiveAddress *self)
{
  self->protocol = 2;
  self->quality = 1;
}

HccLiveAddress *
hcc_live_address_new (void)
{
  return g_object_new (HCC_TYPE_LIVE_ADDRESS, NULL);
}

const char *
hcc_live_address_get_id (HccLiveAddress *self)
{
  g_return_val_if_fail (HCC_IS_LIVE_ADDRESS (self), NULL);

  return self->id;
}

const char *
hcc_live_address_get_url (HccLiveAddress *self)
{
  g_return_val_if_fail (HCC_IS_LIVE_ADDRESS (self), NULL);

  return self->url;
}

int
hcc_live_address_get_protocol (HccLiveAddress *self)
{
  g_return_val_if_fail (HCC_IS_LIVE_ADDRESS (self), 0);

  return self->protocol;
}

int
hcc_live_address_get_quality (HccLiveAddress *self)
{
  g_return_val_if_fail (HCC_IS_LIVE_ADDRESS (self), 0);

  return self->quality;
}

GDateTime *
hcc_live_address_get_expire_time (HccLiveAddress *self)
{
  g_return_val_if_fail (HCC_IS_LIVE_ADDRESS (self), NULL);

  return self->expire_time;
}

void
hcc_live_address_set_id (HccLiveAddress *self,
                         const char     *id)
{
  g_return_if_fail (HCC_IS_LIVE_ADDRESS (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
hcc_live_address_set_url (HccLiveAddress *self,
                          const char     *url)
{
  g_return_if_fail (HCC_IS_LIVE_ADDRESS (self));

  if (g_strcmp0 (self->url, url) == 0)
    return;

  g_free (self->url);
  self->url = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

void
hcc_live_address_set_protocol (HccLiveAddress *self,
                               int             protocol)
{
  g_return_if_fail (HCC_IS_LIVE_ADDRESS (self));

  if (self->protocol == protocol)
    return;

  self->protocol = protocol;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROTOCOL]);
}

void
hcc_live_address_set_quality (HccLiveAddress *self,
                              int             quality)
{
  g_return_if_fail (HCC_IS_LIVE_ADDRESS (self));

  if (self->quality == quality)
    return;

  self->quality = quality;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUALITY]);
}

void
hcc_live_address_set_expire_time (HccLiveAddress *self,
                                  GDateTime      *expire_time)
{
  g_return_if_fail (HCC_IS_LIVE_ADDRESS (self));

  if (self->expire_time == expire_time ||
      (self->expire_time != NULL && expire_time != NULL && g_date_time_equal (self->expire_time, expire_time)))
    return;

  g_clear_pointer (&self->expire_time, g_date_time_unref);
  if (expire_time != NULL)
    self->expire_time = g_date_time_ref (expire_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRE_TIME]);
}
