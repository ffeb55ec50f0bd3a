/* concierge-station-video.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-station-video"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concierge-station-video.h"

/* A failed renewal is tried again after this many seconds, while the old
 * address may still play. */
#define RENEW_RETRY_SECONDS 10
/* Never renew more often than this, whatever expireTime says. */
#define MIN_RENEW_SECONDS 5

struct _ConciergeStationVideo
{
  GObject            parent_instance;

  HccClient         *client;        /* (owned) */
  ConciergePlayer   *player;        /* (owned) */
  HccStreamProtocol  protocol;
  HccStreamQuality   quality;
  guint              renew_margin;

  char              *serial;        /* (owned) (nullable) */
  char              *camera_id;     /* (owned) (nullable) */
  char              *area_name;     /* (owned) (nullable) */
  char              *problem;       /* (owned) (nullable) */
  HccLiveAddress    *address;       /* (owned) (nullable) */
  guint              n_addresses;
  GCancellable      *cancellable;   /* (owned) (nullable): of the current station */
  guint              renew_id;
};

enum {
  PROP_0,
  PROP_PROBLEM,
  PROP_AREA_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ConciergeStationVideo, concierge_station_video, G_TYPE_OBJECT)

static void fetch_address (ConciergeStationVideo *self);

static void
set_problem (ConciergeStationVideo *self,
             const char            *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
set_area_name (ConciergeStationVideo *self,
               const char            *area_name)
{
  if (g_strcmp0 (self->area_name, area_name) == 0)
    return;

  g_free (self->area_name);
  self->area_name = g_strdup (area_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_NAME]);
}

static gboolean
renew_cb (gpointer user_data)
{
  ConciergeStationVideo *self = user_data;

  self->renew_id = 0;
  g_debug ("Renewing the live address of %s", self->serial);
  fetch_address (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_renewal (ConciergeStationVideo *self,
                  guint                  seconds)
{
  g_clear_handle_id (&self->renew_id, g_source_remove);
  self->renew_id = g_timeout_add_seconds (MAX (seconds, MIN_RENEW_SECONDS), renew_cb, self);
}

/* The platform's links expire (expireTime, absolute): ask for a new one a
 * margin before, so the picture never stops for an expired link. */
static void
schedule_renewal_for (ConciergeStationVideo *self,
                      HccLiveAddress        *address)
{
  GDateTime *expire = hcc_live_address_get_expire_time (address);
  g_autoptr(GDateTime) now = NULL;
  gint64 left;

  if (expire == NULL)
    return;

  now = g_date_time_new_now_utc ();
  left = g_date_time_difference (expire, now) / G_TIME_SPAN_SECOND;
  left -= self->renew_margin;
  schedule_renewal (self, (guint) CLAMP (left, 0, G_MAXINT32));
}

static void
address_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ConciergeStationVideo *self = user_data;
  g_autoptr(HccLiveAddress) address = NULL;
  g_autoptr(GError) error = NULL;

  address = hcc_video_get_live_address_finish (HCC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not cancelled, so self is alive: stop() and dispose cancel first. */
  if (address == NULL)
    {
      g_debug ("No live address for %s: %s", self->serial, error->message);
      if (self->address == NULL)
        set_problem (self, error->message);
      else
        schedule_renewal (self, RENEW_RETRY_SECONDS);
      return;
    }

  g_set_object (&self->address, address);
  self->n_addresses++;
  set_problem (self, NULL);

  /* set_uri() on a running player restarts it on the new link and keeps
   * the last picture until the new first frame. */
  concierge_player_set_uri (self->player, hcc_live_address_get_url (address));
  if (concierge_player_get_state (self->player) == CONCIERGE_PLAYER_STATE_IDLE)
    concierge_player_play (self->player);

  schedule_renewal_for (self, address);
}

static void
fetch_address (ConciergeStationVideo *self)
{
  g_assert (self->camera_id != NULL);

  hcc_video_get_live_address_async (self->client, self->camera_id, self->serial,
                                    self->protocol, self->quality, 0,
                                    self->cancellable, address_cb, self);
}

static void
cameras_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ConciergeStationVideo *self = user_data;
  g_autoptr(GListModel) cameras = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HccCamera) chosen = NULL;
  guint n;

  cameras = hcc_devices_list_cameras_finish (HCC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (cameras == NULL)
    {
      g_debug ("Cameras of %s not found: %s", self->serial, error->message);
      set_problem (self, error->message);
      return;
    }

  /* A station has one camera as a rule; prefer one that is online. */
  n = g_list_model_get_n_items (cameras);
  for (guint i = 0; i < n && chosen == NULL; i++)
    {
      g_autoptr(HccCamera) camera = g_list_model_get_item (cameras, i);

      if (hcc_camera_get_online (camera))
        chosen = g_steal_pointer (&camera);
    }
  if (chosen == NULL && n > 0)
    chosen = g_list_model_get_item (cameras, 0);

  if (chosen == NULL)
    {
      set_problem (self, _("This door station has no camera on the platform."));
      return;
    }

  g_free (self->camera_id);
  self->camera_id = g_strdup (hcc_camera_get_id (chosen));
  set_area_name (self, hcc_camera_get_area_name (chosen));
  fetch_address (self);
}

static void
concierge_station_video_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ConciergeStationVideo *self = CONCIERGE_STATION_VIDEO (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concierge_station_video_dispose (GObject *object)
{
  ConciergeStationVideo *self = CONCIERGE_STATION_VIDEO (object);

  if (self->player != NULL)
    concierge_station_video_stop (self);
  g_clear_object (&self->player);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (concierge_station_video_parent_class)->dispose (object);
}

static void
concierge_station_video_finalize (GObject *object)
{
  ConciergeStationVideo *self = CONCIERGE_STATION_VIDEO (object);

  g_free (self->serial);
  g_free (self->camera_id);
  g_free (self->area_name);
  g_free (self->problem);

  G_OBJECT_CLASS (concierge_station_video_parent_class)->finalize (object);
}

static void
concierge_station_video_class_init (ConciergeStationVideoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = concierge_station_video_get_property;
  object_class->dispose = concierge_station_video_dispose;
  object_class->finalize = concierge_station_video_finalize;

  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREA_NAME] =
    g_param_spec_string ("area-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concierge_station_video_init (ConciergeStationVideo *self)
{
  self->protocol = HCC_STREAM_PROTOCOL_HLS;
  self->quality = HCC_STREAM_QUALITY_HD;
  self->renew_margin = 60;
}

ConciergeStationVideo *
concierge_station_video_new (HccClient       *client,
                             ConciergePlayer *player)
{
  ConciergeStationVideo *self;

  g_return_val_if_fail (HCC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CONCIERGE_IS_PLAYER (player), NULL);

  self = g_object_new (CONCIERGE_TYPE_STATION_VIDEO, NULL);
  self->client = g_object_ref (client);
  self->player = g_object_ref (player);

  return self;
}

void
concierge_station_video_set_protocol (ConciergeStationVideo *self,
                                      HccStreamProtocol      protocol)
{
  g_return_if_fail (CONCIERGE_IS_STATION_VIDEO (self));

  self->protocol = protocol;
}

void
concierge_station_video_set_quality (ConciergeStationVideo *self,
                                     HccStreamQuality       quality)
{
  g_return_if_fail (CONCIERGE_IS_STATION_VIDEO (self));

  self->quality = quality;
}

void
concierge_station_video_set_renew_margin (ConciergeStationVideo *self,
                                          guint                  seconds)
{
  g_return_if_fail (CONCIERGE_IS_STATION_VIDEO (self));

  self->renew_margin = seconds;
}

void
concierge_station_video_start (ConciergeStationVideo *self,
                               const char            *device_serial)
{
  g_return_if_fail (CONCIERGE_IS_STATION_VIDEO (self));
  g_return_if_fail (device_serial != NULL);

  if (g_strcmp0 (self->serial, device_serial) == 0 && self->cancellable != NULL)
    return;

  concierge_station_video_stop (self);
  self->serial = g_strdup (device_serial);
  self->cancellable = g_cancellable_new ();

  if (*device_serial == '\0')
    {
      set_problem (self, _("The door station did not say who it is, so its video cannot be found."));
      return;
    }

  hcc_devices_list_cameras_async (self->client, device_serial, self->cancellable,
                                  cameras_cb, self);
}

void
concierge_station_video_stop (ConciergeStationVideo *self)
{
  g_return_if_fail (CONCIERGE_IS_STATION_VIDEO (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->renew_id, g_source_remove);
  g_clear_pointer (&self->serial, g_free);
  g_clear_pointer (&self->camera_id, g_free);
  g_clear_object (&self->address);
  self->n_addresses = 0;
  set_problem (self, NULL);
  set_area_name (self, NULL);

  /* The player hands the pipeline to a worker thread to reach NULL. */
  concierge_player_stop (self->player);
}

const char *
concierge_station_video_get_serial (ConciergeStationVideo *self)
{
  g_return_val_if_fail (CONCIERGE_IS_STATION_VIDEO (self), NULL);

  return self->serial;
}

const char *
concierge_station_video_get_problem (ConciergeStationVideo *self)
{
  g_return_val_if_fail (CONCIERGE_IS_STATION_VIDEO (self), NULL);

  return self->problem;
}

const char *
concierge_station_video_get_area_name (ConciergeStationVideo *self)
{
  g_return_val_if_fail (CONCIERGE_IS_STATION_VIDEO (self), NULL);

  return self->area_name;
}

HccLiveAddress *
concierge_station_video_get_address (ConciergeStationVideo *self)
{
  g_return_val_if_fail (CONCIERGE_IS_STATION_VIDEO (self), NULL);

  return self->address;
}

guint
concierge_station_video_get_n_addresses (ConciergeStationVideo *self)
{
  g_return_val_if_fail (CONCIERGE_IS_STATION_VIDEO (self), 0);

  return self->n_addresses;
}
