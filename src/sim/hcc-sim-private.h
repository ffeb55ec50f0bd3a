/* hcc-sim-private.h: what the simulator's modules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Threading: an HccSim runs its servers on a thread of its own with its own
 * GMainContext. Everything declared here is called on that thread only, so
 * the modules need no locks for the world or their own state.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "hcc-sim.h"
#include "hcc-sim-world.h"

G_BEGIN_DECLS

#define HCC_SIM_API_PREFIX "/api/hccgw"

/* Which keys an endpoint's envelope uses, as the guide's examples print them
 * (catalogue trap T16). */
typedef enum {
  HCC_SIM_ENVELOPE_MESSAGE,      /* { errorCode, message, data } */
  HCC_SIM_ENVELOPE_ERROR_MSG,    /* { errorCode, errorMsg, data }: acs, acspm lists, groups */
  HCC_SIM_ENVELOPE_CAPITALISED,  /* { errorCode, Message, Data }: persons, acspm person APIs */
} HccSimEnvelope;

typedef struct {
  const char  *method;       /* "GET" or "POST" */
  const char  *path;         /* the full path, e.g. "/api/hccgw/platform/v1/token/get" */
  const char  *token;        /* (nullable) the Token header */
  HccSimUser  *user;         /* (nullable) the account the token belongs to */
  JsonNode    *body;         /* never NULL: an empty object for an empty or GET body */
  JsonObject  *object;       /* (nullable) the body when it is an object */
  const char **args;         /* values of the "{}" segments of the route pattern, in order */
  gint64       now_ms;       /* the simulated wall clock when the request arrived */
  GHashTable  *query;        /* (nullable) the URL's query parameters (control routes) */
} HccSimRequest;

typedef struct {
  char     *error_code;      /* (owned) (nullable) NULL means "0" */
  char     *message;         /* (owned) (nullable) */
  JsonNode *data;            /* (owned) (nullable) */
  guint     http_status;     /* 0 means 200; the control port uses 4xx for bad input */
} HccSimReply;

typedef void (*HccSimRouteFunc) (HccSim              *sim,
                                 const HccSimRequest *request,
                                 HccSimReply         *reply);

/* Platform API routes. @pattern is a path below HCC_SIM_API_PREFIX, where a
 * segment "{}" matches any value (passed in request->args).
 * Example: _hcc_sim_add_route (sim, "POST", "/resource/v1/device/{}/refresh", ...). */
void          _hcc_sim_add_route          (HccSim              *sim,
                                           const char          *method,
                                           const char          *pattern,
                                           HccSimEnvelope       envelope,
                                           HccSimRouteFunc      func);
/* Control-port routes: plain JSON in and out, no envelope, no token. */
void          _hcc_sim_add_control_route  (HccSim              *sim,
                                           const char          *method,
                                           const char          *pattern,
                                           HccSimRouteFunc      func);
/* Raw handlers on the API server for media (HLS playlists and segments, MP4
 * clips). They need no token and do not count against the request limit,
 * like the real platform's pre-signed media URLs on other hosts. */
void          _hcc_sim_add_media_handler  (HccSim              *sim,
                                           const char          *path_prefix,
                                           SoupServerCallback   callback,
                                           gpointer             user_data);

void          _hcc_sim_reply_error        (HccSimReply         *reply,
                                           const char          *error_code,
                                           const char          *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* Takes ownership of @data. */
void          _hcc_sim_reply_data         (HccSimReply         *reply,
                                           JsonNode            *data);

/* Posts an event (an Event(1) object of the rawmsg queue, see the catalogue
 * §9.2) to every account subscribed to @msg_type ("Msg140001", "Msg110013"...).
 * Takes ownership of @event. */
void          _hcc_sim_post_event         (HccSim              *sim,
                                           const char          *msg_type,
                                           JsonNode            *event);

HccSimWorld  *_hcc_sim_get_world          (HccSim              *sim);
GMainContext *_hcc_sim_get_context        (HccSim              *sim);
/* The simulator's own deterministic random source (seeded by --seed). */
GRand        *_hcc_sim_get_rand           (HccSim              *sim);
gboolean      _hcc_sim_get_demo           (HccSim              *sim);
/* Base URL of the API server, e.g. "http://127.0.0.1:40123", for building
 * media URLs. */
const char   *_hcc_sim_get_base_url       (HccSim              *sim);
const char   *_hcc_sim_get_rtmp_base_url  (HccSim              *sim);

/* The simulated wall clock, in epoch milliseconds. It is the real clock plus
 * an offset the control port can advance, so tests can pass 7 days of token
 * validity or a 2-day subscription lapse without waiting. */
gint64        _hcc_sim_now_ms             (HccSim              *sim);
/* A new 18-digit decimal ID, like the platform's (catalogue T51). */
char         *_hcc_sim_new_id             (HccSim              *sim);
/* A new 32-hex-digit ID, like the platform's area and device IDs. */
char         *_hcc_sim_new_hex_id         (HccSim              *sim);

/* Time formatting in the site's local zone. */
char         *_hcc_sim_format_iso8601     (gint64               ms);  /* 2023-10-21T11:08:23+08:00 */
char         *_hcc_sim_format_plain       (gint64               ms);  /* 2023-10-21 11:08:23 */
/* Lenient parsing of request times: ISO 8601 with or without an offset, the
 * basic form, or "yyyy-MM-dd HH:mm:ss". Returns FALSE on bad input. */
gboolean      _hcc_sim_parse_time         (const char          *text,
                                           gint64              *ms);

/* Lenient readers of request fields (catalogue trap T12): numbers may come
 * as strings and the reverse. */
const char   *_hcc_sim_get_string         (JsonObject          *object,
                                           const char          *member);
char         *_hcc_sim_dup_string         (JsonObject          *object,
                                           const char          *member);  /* numbers become text */
gboolean      _hcc_sim_get_int            (JsonObject          *object,
                                           const char          *member,
                                           gint64              *value);
JsonObject   *_hcc_sim_get_object         (JsonObject          *object,
                                           const char          *member);
JsonArray    *_hcc_sim_get_array          (JsonObject          *object,
                                           const char          *member);

/* Helpers the domain modules share (directory, passes, access, resources);
 * implemented in hcc-sim-world.c. */

/* Reads an integer leniently: a number, a digit string or a boolean.
 * Returns 1 with *value set, 0 when the member is absent, null or "", and
 * -1 when it holds something that is not an integer. */
int           _hcc_sim_domain_get_int     (JsonObject          *object,
                                           const char          *member,
                                           gint64              *value);
/* Reads a list of IDs that may come as a JSON array (of strings or numbers)
 * or as one comma-separated string (catalogue T8). Empty items are dropped.
 * Returns NULL when the member is absent or null. */
GPtrArray    *_hcc_sim_domain_dup_ids     (JsonObject          *object,
                                           const char          *member);
/* Case-insensitive substring match; an empty or NULL @needle matches. */
gboolean      _hcc_sim_domain_match       (const char          *haystack,
                                           const char          *needle);
/* Reads a page request. @index_key's value is returned as sent (or
 * @default_index). The size must be 1..@max_size; when @zero_is_default a
 * missing or 0 size means @default_size. Otherwise a missing size is
 * @default_size and 0 or too big fills @reply with OPEN000025 and returns
 * FALSE. Bad types fill @reply with OPEN000010. */
gboolean      _hcc_sim_domain_get_paging  (JsonObject          *object,
                                           const char          *index_key,
                                           const char          *size_key,
                                           gint64               default_index,
                                           guint                default_size,
                                           guint                max_size,
                                           gboolean             zero_is_default,
                                           gint64              *index,
                                           guint               *size,
                                           HccSimReply         *reply);

/* Reports an authentication at @door (hcc-sim-access.c): posts the Event(1)
 * of "Msg<msg_number>" with data.openDoorInfo and appends a RecordInfo with
 * @record_event_type (the §10.4 card-swiping code) to the world's records.
 * @person may be NULL or a stack record with id and names filled in;
 * @card_number is NULL unless a card was presented. */
void          _hcc_sim_access_report      (HccSim              *sim,
                                           HccSimDoor          *door,
                                           int                  msg_number,
                                           int                  record_event_type,
                                           gboolean             granted,
                                           HccSimPerson        *person,
                                           const char          *card_number);

/* Module set-up, called by hcc_sim_start() on the simulator's thread. */
void          _hcc_sim_system_init        (HccSim              *sim);  /* hcc-sim-system.c */
void          _hcc_sim_control_init       (HccSim              *sim);  /* hcc-sim-control.c */
void          _hcc_sim_queue_init         (HccSim              *sim);  /* hcc-sim-queue.c */
void          _hcc_sim_calls_init         (HccSim              *sim);  /* hcc-sim-calls.c */
void          _hcc_sim_calls_shutdown     (HccSim              *sim);
void          _hcc_sim_directory_init     (HccSim              *sim);  /* hcc-sim-directory.c */
void          _hcc_sim_passes_init        (HccSim              *sim);  /* hcc-sim-passes.c */
void          _hcc_sim_access_init        (HccSim              *sim);  /* hcc-sim-access.c */
void          _hcc_sim_resources_init     (HccSim              *sim);  /* hcc-sim-resources.c */
void          _hcc_sim_video_init         (HccSim              *sim);  /* hcc-sim-video.c */
void          _hcc_sim_video_shutdown     (HccSim              *sim);
/* A door station with a ringing call keeps the fluent live stream of its
 * cameras running, started at once, so the desk's preview needs no stream
 * start (hcc-sim-video.c). Every hold is released once; the streams then
 * stop after the usual idle timeout. */
void          _hcc_sim_video_hold_station    (HccSim           *sim,
                                              const char       *device_id);
void          _hcc_sim_video_release_station (HccSim           *sim,
                                              const char       *device_id);

/* Core services (hcc-sim.c) for the System endpoints and the control port. */
typedef enum {
  HCC_SIM_FAULT_HTTP_ERROR,
  HCC_SIM_FAULT_RESET,
  HCC_SIM_FAULT_DELAY,
  HCC_SIM_FAULT_MALFORMED_JSON,
  HCC_SIM_FAULT_RATE_LIMIT,
} HccSimFaultKind;

typedef struct {
  HccSimFaultKind  kind;
  guint            count;      /* the next @count matching requests; 0 with @fraction */
  double           fraction;   /* 0..1 of matching requests when @count is 0 */
  guint            status;     /* http-error: 500, 502 or 503 */
  guint            delay_ms;   /* delay */
  char            *path;       /* (owned) (nullable) only paths containing it */
} HccSimFault;

/* Issues a new token for @user, valid 7 days of simulated time. */
const char   *_hcc_sim_issue_token        (HccSim              *sim,
                                           HccSimUser          *user,
                                           gint64              *expire_ms);
/* The base URL token/get hands out as areaDomain. */
const char   *_hcc_sim_get_area_domain    (HccSim              *sim);
void          _hcc_sim_set_regional       (HccSim              *sim,
                                           gboolean             regional);
void          _hcc_sim_expire_tokens      (HccSim              *sim);
void          _hcc_sim_advance_clock      (HccSim              *sim,
                                           gint64               ms);
void          _hcc_sim_set_rate_limit     (HccSim              *sim,
                                           guint                per_second);
/* Takes ownership of @fault. */
void          _hcc_sim_add_fault          (HccSim              *sim,
                                           HccSimFault         *fault);
void          _hcc_sim_clear_faults       (HccSim              *sim);
JsonNode     *_hcc_sim_dup_requests       (HccSim              *sim,
                                           guint64              since);
void          _hcc_sim_clear_requests     (HccSim              *sim);
JsonNode     *_hcc_sim_dup_stats          (HccSim              *sim);
void          _hcc_sim_reset_stats        (HccSim              *sim);
/* Status of the core: URLs, seed, counts. Modules may add members. */
JsonObject   *_hcc_sim_dup_status         (HccSim              *sim);
guint64       _hcc_sim_get_seed           (HccSim              *sim);
const char   *_hcc_sim_get_control_url    (HccSim              *sim);
const char   *_hcc_sim_get_regional_url   (HccSim              *sim);
/* Per-module state owned by the simulator, freed at stop (on its thread). */
void          _hcc_sim_set_module_data    (HccSim              *sim,
                                           const char          *name,
                                           gpointer             data,
                                           GDestroyNotify       destroy);
gpointer      _hcc_sim_get_module_data    (HccSim              *sim,
                                           const char          *name);
void          _hcc_sim_queue_shutdown     (HccSim              *sim);  /* hcc-sim-queue.c */
/* Number of events waiting in every account's queue. */
guint         _hcc_sim_queue_count_pending (HccSim             *sim);

G_END_DECLS
