/* hcc-room.h: one room, as a search result (RoomVO) or a resident's link (RoomDTO)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_TYPE_ROOM (hcc_room_get_type ())

G_DECLARE_FINAL_TYPE (HccRoom, hcc_room, HCC, ROOM, GObject)

HccRoom    *hcc_room_new               (void);
const char *hcc_room_get_id            (HccRoom *self);
const char *hcc_room_get_name          (HccRoom *self);
const char *hcc_room_get_number        (HccRoom *self);
const char *hcc_room_get_building_id   (HccRoom *self);
const char *hcc_room_get_building_name (HccRoom *self);
const char *hcc_room_get_area_id       (HccRoom *self);
const char *hcc_room_get_area_name     (HccRoom *self);
int         hcc_room_get_person_amount (HccRoom *self);
const char *hcc_room_get_main_account  (HccRoom *self);
const char *hcc_room_get_email         (HccRoom *self);
const char *hcc_room_get_phone         (HccRoom *self);
int         hcc_room_get_account_type  (HccRoom *self);
void        hcc_room_set_id            (HccRoom    *self,
                                        const char *id);
void        hcc_room_set_name          (HccRoom    *self,
                                        const char *name);
void        hcc_room_set_number        (HccRoom    *self,
                                        const char *number);
void        hcc_room_set_building_id   (HccRoom    *self,
                                        const char *building_id);
void        hcc_room_set_building_name (HccRoom    *self,
                                        const char *building_name);
void        hcc_room_set_area_id       (HccRoom    *self,
                                        const char *area_id);
void        hcc_room_set_area_name     (HccRoom    *self,
                                        const char *area_name);
void        hcc_room_set_person_amount (HccRoom *self,
                                        int      person_amount);
void        hcc_room_set_main_account  (HccRoom    *self,
                                        const char *main_account);
void        hcc_room_set_email         (HccRoom    *self,
                                        const char *email);
void        hcc_room_set_phone         (HccRoom    *self,
                                        const char *phone);
void        hcc_room_set_account_type  (HccRoom *self,
                                        int      account_type);

G_END_DECLS
