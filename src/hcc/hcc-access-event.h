/* hcc-access-event.h: one authentication (door) event, Msg110xxx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How the person presented themselves (catalogue §10.3). Combined modes
 * count as their first factor: card+PIN is a card. */
typedef enum {
  HCC_ACCESS_KIND_OTHER,
  HCC_ACCESS_KIND_CARD,
  HCC_ACCESS_KIND_PIN,
  HCC_ACCESS_KIND_QR,
  HCC_ACCESS_KIND_FACE,
  HCC_ACCESS_KIND_FINGERPRINT,
} HccAccessKind;

#define HCC_TYPE_ACCESS_EVENT (hcc_access_event_get_type ())

G_DECLARE_FINAL_TYPE (HccAccessEvent, hcc_access_event, HCC, ACCESS_EVENT, GObject)

/* From a Msg110xxx Event(1): @msg_type ("Msg110003"), @basic_info (the
 * outer BasicInfo(1)) and @open_door_info (DataBean.openDoorInfo). */
HccAccessEvent *hcc_access_event_new_from_json  (const char      *msg_type,
                                                 JsonObject      *basic_info,
                                                 JsonObject      *open_door_info,
                                                 GError         **error);

/* The kind and outcome a message type stands for; FALSE for types that are
 * not authentication events. */
gboolean        hcc_access_event_classify        (const char      *msg_type,
                                                  HccAccessKind   *kind,
                                                  gboolean        *granted);

const char     *hcc_access_event_get_msg_type    (HccAccessEvent  *self);
HccAccessKind   hcc_access_event_get_kind        (HccAccessEvent  *self);
gboolean        hcc_access_event_get_granted     (HccAccessEvent  *self);
const char     *hcc_access_event_get_door_id     (HccAccessEvent  *self);
const char     *hcc_access_event_get_door_name   (HccAccessEvent  *self);
const char     *hcc_access_event_get_person_id   (HccAccessEvent  *self);
const char     *hcc_access_event_get_person_name (HccAccessEvent  *self);
const char     *hcc_access_event_get_card_number (HccAccessEvent  *self);
const char     *hcc_access_event_get_device_name (HccAccessEvent  *self);
GDateTime      *hcc_access_event_get_time        (HccAccessEvent  *self);

G_END_DECLS
