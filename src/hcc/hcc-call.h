/* hcc-call.h: one door-station call (a Msg140001 DeviceTalkInfo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  /* DeviceTalkInfo.msgType 0: the station is ringing. */
  HCC_CALL_STATE_RINGING,
  /* msgType 1: answered by someone else (another desk, a resident). */
  HCC_CALL_STATE_ANSWERED_ELSEWHERE,
  /* msgType 2: hung up by the device. */
  HCC_CALL_STATE_HUNG_UP,
  /* msgType 3: cancelled by the device, nobody answered. */
  HCC_CALL_STATE_CANCELLED,
  /* Set by the app after its own call/receive: answered here, ended here. */
  HCC_CALL_STATE_ANSWERED,
  HCC_CALL_STATE_ENDED,
} HccCallState;

/* DeviceTalkInfo.callType. */
typedef enum {
  HCC_CALL_TYPE_ROOM = 0,
  HCC_CALL_TYPE_MANAGEMENT_CENTRE = 1,
} HccCallType;

#define HCC_TYPE_CALL (hcc_call_get_type ())

G_DECLARE_FINAL_TYPE (HccCall, hcc_call, HCC, CALL, GObject)

HccCall       *hcc_call_new               (const char    *record_id);
/* A call from a Msg140001 event's DeviceTalkInfo (and its BasicInfo for the
 * time); NULL with an error when msgId or msgType are missing. */
HccCall       *hcc_call_new_from_json     (JsonObject    *device_talk_info,
                                           JsonObject    *basic_info,
                                           GError       **error);
/* Takes the state (and any newly known field) of a later event. Returns
 * TRUE when something changed. */
gboolean       hcc_call_update            (HccCall       *self,
                                           HccCall       *newer);

const char    *hcc_call_get_record_id     (HccCall       *self);
HccCallState   hcc_call_get_state         (HccCall       *self);
void           hcc_call_set_state         (HccCall       *self,
                                           HccCallState   state);
/* Whether the call can still be answered from this desk. */
gboolean       hcc_call_is_active         (HccCall       *self);
HccCallType    hcc_call_get_call_type     (HccCall       *self);
const char    *hcc_call_get_device_serial (HccCall       *self);
const char    *hcc_call_get_device_name   (HccCall       *self);
const char    *hcc_call_get_device_id     (HccCall       *self);
/* (nullable) only for calls to a room. */
const char    *hcc_call_get_room_number   (HccCall       *self);
const char    *hcc_call_get_user_id       (HccCall       *self);
const char    *hcc_call_get_person_id     (HccCall       *self);
/* The doors of the calling station, in the same order. (transfer none) */
const char * const *hcc_call_get_door_ids   (HccCall     *self);
const char * const *hcc_call_get_door_names (HccCall     *self);
/* (nullable) when the call started (BasicInfo.occurrenceTime). */
GDateTime     *hcc_call_get_started       (HccCall       *self);

G_END_DECLS
