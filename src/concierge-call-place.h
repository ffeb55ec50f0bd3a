/* concierge-call-place.h: where a door station's call rings, from the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-directory.h"

G_BEGIN_DECLS

/* Where @call rings, as far as the platform's data tells: the building
 * (from the room, else the station's building in @directory, else
 * @camera_area, the area of the station's camera) and, for a room call,
 * the room's ID in the directory (from the called resident, else the
 * number in the station's building or in one building only). Either may
 * be NULL; @directory and @camera_area may be NULL. (transfer full) */
void concierge_call_find_place (ConciergeDirectory  *directory,
                                HccCall             *call,
                                const char          *camera_area,
                                char               **building,
                                char               **room_id);

G_END_DECLS
