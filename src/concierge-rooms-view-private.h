/* concierge-rooms-view-private.h: what the tests read of the rooms view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Widgets are reached with gtk_widget_get_template_child(); the models are
 * built in code, so they are handed out here.
 */

#pragma once

#include "concierge-rooms-view.h"

G_BEGIN_DECLS

/* (element-type HccRoom): the chosen building's rooms, filtered and sorted
 * as the list shows them. */
GListModel *_concierge_rooms_view_get_rooms_model     (ConciergeRoomsView *self);
/* (element-type HccResident): the shown room's residents, as listed. */
GListModel *_concierge_rooms_view_get_residents_model (ConciergeRoomsView *self);
/* (nullable): the IDs of the chosen building and the shown room. */
const char *_concierge_rooms_view_get_building_id     (ConciergeRoomsView *self);
const char *_concierge_rooms_view_get_room_id         (ConciergeRoomsView *self);

G_END_DECLS
