/* hcc-sim-world.h: the simulated site (areas, buildings, rooms, people, devices)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The world is plain data owned by the HccSim and touched on the simulator's
 * thread only. Every ID is a string, as on the platform. Lookup tables map
 * IDs to the records held in the arrays; the arrays own the records.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *id;               /* 32 hex digits; "-1" is never stored, it means "the root" */
  char *name;
  char *parent_id;        /* (nullable) */
} HccSimArea;

typedef struct {
  char      *id;
  char      *name;
  char      *area_id;
  GPtrArray *rooms;       /* (element-type HccSimRoom) not owned, sorted by number */
} HccSimBuilding;

typedef struct {
  char      *id;
  char      *name;        /* e.g. "Flat 1204" */
  guint      number;      /* RoomVO.roomNum, e.g. 1204 */
  char      *building_id;
  char      *area_id;
  guint      max_persons; /* beyond it person/add reports VMS038005 */
} HccSimRoom;

typedef struct {
  char *room_id;
  int   account_type;     /* 1 householder, 0 family member */
} HccSimRoomLink;

typedef struct {
  char      *id;          /* personId, 18 digits */
  char      *person_code; /* employee number */
  char      *user_id;     /* (nullable) the resident's app account, DeviceTalkInfo.userId */
  char      *first_name;
  char      *last_name;
  int        gender;      /* 0 female, 1 male, 2 unknown */
  char      *phone;       /* (nullable) */
  char      *email;       /* (nullable) */
  char      *description; /* (nullable) */
  gint64     start_ms;
  gint64     end_ms;
  char      *pin;         /* (nullable) */
  GPtrArray *rooms;       /* (element-type HccSimRoomLink) owned; empty for non-residents */
  GPtrArray *access_level_ids; /* (element-type utf8) owned */
} HccSimPerson;

typedef struct {
  char      *id;          /* 32 hex digits */
  char      *name;
  char      *serial;      /* e.g. "K12345678" */
  char      *category;    /* "videoIntercomDevice", "accessControllerDevice", "encodingDevice" */
  char      *model;       /* e.g. "DS-KD8003-IME1" */
  char      *version;
  char      *area_id;
  char      *building_id; /* (nullable) the building a door station serves */
  char      *time_zone;
  gint64     added_ms;
  gboolean   online;
  GPtrArray *door_ids;    /* (element-type utf8) owned */
  GPtrArray *camera_ids;  /* (element-type utf8) owned */
} HccSimDevice;

typedef struct {
  char     *id;           /* door ID: 18 digits, as in the guide (L3108) */
  char     *name;         /* e.g. "Lobby door" */
  char     *area_id;
  char     *device_id;
  guint     channel_no;
  gboolean  online;
  int       state;        /* last remote/control actionType, 0 when never set */
} HccSimDoor;

typedef struct {
  char     *id;           /* camera ID, the video APIs' resourceId/cameraId */
  char     *name;
  char     *area_id;
  char     *device_id;
  guint     channel_no;
  gboolean  online;
} HccSimCamera;

typedef struct {
  char      *id;
  char      *name;
  char      *area_id;
  GPtrArray *door_ids;    /* (element-type utf8) owned */
} HccSimAccessLevel;

typedef struct {
  char      *id;          /* also the temporary person's ID */
  char      *name;        /* at most 32 characters */
  guint      open_count;  /* 1-200 per door */
  gint64     start_ms;
  gint64     end_ms;
  char      *creator_id;
  char      *creator_name;
  char      *creator_email;
  char      *password;    /* door PIN */
  gboolean   dynamic_qr;
  GPtrArray *access_level_ids; /* (element-type utf8) owned */
  GPtrArray *qr_codes;    /* (element-type HccSimQrCode) owned, oldest first */
  GHashTable *door_uses;  /* (added) door ID (owned) -> entries used, GUINT_TO_POINTER */
} HccSimPass;

typedef struct {
  char   *payload;        /* what the QR code encodes */
  gint64  issued_ms;
  gboolean used;
} HccSimQrCode;

typedef struct {
  char *id;               /* platform user ID */
  char *name;
  char *email;
  char *app_key;          /* (nullable) AK of the OpenAPI account of this user */
  char *secret_key;       /* (nullable) */
} HccSimUser;

typedef struct {
  char      *system_id;   /* 32 hex digits: systemproperties.systemGUID */
  char      *site_name;
  GPtrArray *areas;       /* (element-type HccSimArea) owned */
  GPtrArray *buildings;   /* (element-type HccSimBuilding) owned */
  GPtrArray *rooms;       /* (element-type HccSimRoom) owned */
  GPtrArray *persons;     /* (element-type HccSimPerson) owned */
  GPtrArray *devices;     /* (element-type HccSimDevice) owned */
  GPtrArray *doors;       /* (element-type HccSimDoor) owned */
  GPtrArray *cameras;     /* (element-type HccSimCamera) owned */
  GPtrArray *access_levels; /* (element-type HccSimAccessLevel) owned */
  GPtrArray *passes;      /* (element-type HccSimPass) owned */
  GPtrArray *users;       /* (element-type HccSimUser) owned */
  GPtrArray *access_records; /* (element-type JsonObject) owned, RecordInfo objects, oldest first */

  /* Lookup tables: ID (or serial) to record, not owned. */
  GHashTable *areas_by_id;
  GHashTable *buildings_by_id;
  GHashTable *rooms_by_id;
  GHashTable *persons_by_id;
  GHashTable *devices_by_id;
  GHashTable *devices_by_serial;
  GHashTable *doors_by_id;
  GHashTable *cameras_by_id;
  GHashTable *access_levels_by_id;
  GHashTable *passes_by_id;
  GHashTable *users_by_id;

  /* Added by the domain module (additive). */
  char       *root_area_id; /* the site's top area */
  gint64      base_ms;      /* start of the day the world was built (UTC); times derive from it */
} HccSimWorld;

/* Builds the demo site, deterministic for a given @seed. @n_residents of 0
 * means the default size (150+ residents). */
HccSimWorld    *hcc_sim_world_new               (guint64            seed,
                                                 guint              n_residents);
void            hcc_sim_world_free              (HccSimWorld       *world);

HccSimUser     *hcc_sim_world_find_user_by_key  (HccSimWorld       *world,
                                                 const char        *app_key);
/* Door stations (category videoIntercomDevice with doors), in a stable order. */
GPtrArray      *hcc_sim_world_dup_door_stations (HccSimWorld       *world);
/* The room of @building_id with @number, or NULL. */
HccSimRoom     *hcc_sim_world_find_room         (HccSimWorld       *world,
                                                 const char        *building_id,
                                                 guint              number);
/* The householder of @room (or the first resident), or NULL when empty. */
HccSimPerson   *hcc_sim_world_find_room_resident (HccSimWorld      *world,
                                                  HccSimRoom       *room);

/* Records: constructors and mutators the domain modules share. */
HccSimPerson   *hcc_sim_person_new              (void);
void            hcc_sim_person_free             (HccSimPerson      *person);
HccSimRoomLink *hcc_sim_room_link_new           (const char        *room_id,
                                                 int                account_type);
void            hcc_sim_room_link_free          (HccSimRoomLink    *link);
HccSimRoomLink *hcc_sim_person_find_link        (HccSimPerson      *person,
                                                 const char        *room_id);
HccSimPass     *hcc_sim_pass_new                (void);
void            hcc_sim_pass_free               (HccSimPass        *pass);
void            hcc_sim_qr_code_free            (HccSimQrCode      *code);
/* Takes ownership of @person. */
void            hcc_sim_world_add_person        (HccSimWorld       *world,
                                                 HccSimPerson      *person);
/* Frees @person. */
void            hcc_sim_world_remove_person     (HccSimWorld       *world,
                                                 HccSimPerson      *person);
/* Room ID -> number of linked persons (GUINT_TO_POINTER); keys not owned. */
GHashTable     *hcc_sim_world_count_room_persons (HccSimWorld      *world);
/* Room ID -> householder HccSimPerson; keys and values not owned. */
GHashTable     *hcc_sim_world_dup_householders  (HccSimWorld       *world);
/* Whether @area_id is @ancestor_id (NULL, "" or "-1" mean the whole site) or,
 * with @include_sub_areas, below it. */
gboolean        hcc_sim_world_area_within       (HccSimWorld       *world,
                                                 const char        *area_id,
                                                 const char        *ancestor_id,
                                                 gboolean           include_sub_areas);
/* A RecordInfo (catalogue §9.5) for an access event at @door; the caller
 * appends it to world->access_records. @person is nullable. */
struct _JsonObject;
struct _JsonObject *hcc_sim_world_new_record    (HccSimWorld       *world,
                                                 const char        *record_guid,
                                                 HccSimDoor        *door,
                                                 int                event_type,
                                                 gboolean           granted,
                                                 HccSimPerson      *person,
                                                 gint64             occur_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HccSimWorld, hcc_sim_world_free)

G_END_DECLS
