/* concierge-rooms-view.h: buildings, their rooms and a room's residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_ROOMS_VIEW (concierge_rooms_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeRoomsView, concierge_rooms_view, CONCIERGE, ROOMS_VIEW, AdwBin)

GtkWidget        *concierge_rooms_view_new         (void);

ConciergeSession *concierge_rooms_view_get_session (ConciergeRoomsView *self);
void              concierge_rooms_view_set_session (ConciergeRoomsView *self,
                                                    ConciergeSession   *session);

/* Selects the room's building and the room, and shows the room. A room the
 * directory does not hold yet is shown as soon as a load or refresh brings
 * it. */
void              concierge_rooms_view_show_room   (ConciergeRoomsView *self,
                                                    const char         *room_id);

G_END_DECLS
