/* hcc-client.h: the asynchronous Hik-Connect for Teams OpenAPI client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The guide's five regional hosts (catalogue §13.1). */
typedef enum {
  HCC_REGION_CUSTOM,
  HCC_REGION_EUROPE,
  HCC_REGION_NORTH_AMERICA,
  HCC_REGION_SOUTH_AMERICA,
  HCC_REGION_SINGAPORE,
  HCC_REGION_INDIA,
  HCC_REGION_RUSSIA,
} HccRegion;

/* The lanes of the one request budget of the process: interactive requests
 * (doors, calls) always go first, then the event stream, then background work. */
typedef enum {
  HCC_LANE_INTERACTIVE,
  HCC_LANE_EVENTS,
  HCC_LANE_BACKGROUND,
} HccLane;

typedef enum /*< flags >*/ {
  HCC_REQUEST_NONE       = 0,
  /* GET without a body (systemproperties and the like). */
  HCC_REQUEST_GET        = 1 << 0,
  /* Repeating the request is harmless, so it may be retried after a transport
   * error, a 5xx or a rate-limit rejection. Reads set it; writes only when
   * they are idempotent. */
  HCC_REQUEST_RETRY_SAFE = 1 << 1,
} HccRequestFlags;

typedef enum {
  HCC_CLIENT_STATE_DISCONNECTED,
  HCC_CLIENT_STATE_CONNECTING,
  HCC_CLIENT_STATE_ONLINE,
  HCC_CLIENT_STATE_OFFLINE,
  HCC_CLIENT_STATE_AUTH_FAILED,
} HccClientState;

#define HCC_TYPE_CLIENT (hcc_client_get_type ())

G_DECLARE_FINAL_TYPE (HccClient, hcc_client, HCC, CLIENT, GObject)

HccClient      *hcc_client_new                  (void);

void            hcc_client_set_region           (HccClient            *self,
                                                 HccRegion             region);
/* A custom base URL (https://host[:port], or http:// to a loopback address). */
gboolean        hcc_client_set_server_url       (HccClient            *self,
                                                 const char           *url,
                                                 GError              **error);
const char     *hcc_client_get_server_url       (HccClient            *self);
/* Trust the certificates in @ca_file (PEM) in addition to the system's. */
gboolean        hcc_client_set_ca_file          (HccClient            *self,
                                                 const char           *ca_file,
                                                 GError              **error);
/* The keys are kept in memory only; see hcc-credentials.h for the keyring. */
void            hcc_client_set_credentials      (HccClient            *self,
                                                 const char           *app_key,
                                                 const char           *secret_key);
/* At most @per_second requests in any rolling second (1-5, default 5). */
void            hcc_client_set_rate_limit       (HccClient            *self,
                                                 guint                 per_second);

HccClientState  hcc_client_get_state            (HccClient            *self);
const char     *hcc_client_get_user_id          (HccClient            *self);
const char     *hcc_client_get_area_domain      (HccClient            *self);
GDateTime      *hcc_client_get_token_expiry     (HccClient            *self);

/* token/get; afterwards every request goes to the areaDomain it names. */
void            hcc_client_login_async          (HccClient            *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean        hcc_client_login_finish         (HccClient            *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* One OpenAPI call through the request budget. @path is below /api/hccgw,
 * e.g. "/platform/v1/systemproperties". @body may be NULL (sent as {}).
 * Logs in first when needed and re-logs in once on a token error.
 * The result is the envelope's data (or Data), or NULL when it has none. */
void            hcc_client_request_async        (HccClient            *self,
                                                 HccLane               lane,
                                                 HccRequestFlags       flags,
                                                 const char           *path,
                                                 JsonNode             *body,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
JsonNode       *hcc_client_request_finish       (HccClient            *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* Added by the client core (additive): */

/* The one SoupSession of the process, shared by every HccClient. (transfer none) */
SoupSession    *hcc_client_get_default_session  (void);
/* Per-request timeout (default 15000 ms); a request that takes longer fails
 * with HCC_ERROR_TIMEOUT (and a read is retried). */
void            hcc_client_set_timeout          (HccClient            *self,
                                                 guint                 timeout_ms);
/* Decodes one reply: %TRUE with @data set (nullable) when errorCode is "0";
 * otherwise %FALSE and an HCC_ERROR carrying the platform code. A non-2xx
 * status or a body that is not a JSON object is HCC_ERROR_TRANSPORT (429:
 * RATE_LIMITED, 5xx: SERVER). Never crashes on hostile input. */
gboolean        hcc_client_decode_envelope      (guint                 http_status,
                                                 GBytes               *body,
                                                 JsonNode            **data,
                                                 GError              **error);

G_END_DECLS
