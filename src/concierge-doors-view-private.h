/* concierge-doors-view-private.h: what the tests reach inside the Doors view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-doors-view.h"

G_BEGIN_DECLS

/* The row of @door_id, or NULL. Its actions are in the "door" group:
 * door.unlock, door.unlock-with-reason, door.lock, door.keep-unlocked,
 * door.keep-locked. */
AdwActionRow     *_concierge_doors_view_get_row           (ConciergeDoorsView *self,
                                                           const char         *door_id);
/* The row's "door" action group, to check which actions are enabled. */
GActionGroup     *_concierge_doors_view_get_row_actions   (ConciergeDoorsView *self,
                                                           const char         *door_id);
/* The visible page of the view's stack: "status" or "doors". */
const char       *_concierge_doors_view_get_page          (ConciergeDoorsView *self);
AdwStatusPage    *_concierge_doors_view_get_status_page   (ConciergeDoorsView *self);
GtkSearchEntry   *_concierge_doors_view_get_search_entry  (ConciergeDoorsView *self);
/* The groups (one per area) in display order, as AdwPreferencesGroup. */
GPtrArray        *_concierge_doors_view_dup_groups        (ConciergeDoorsView *self);
/* The open reason dialog and its entry, or NULL. */
AdwMessageDialog *_concierge_doors_view_get_dialog        (ConciergeDoorsView *self);
GtkEditable      *_concierge_doors_view_get_reason_entry  (ConciergeDoorsView *self);
/* Whether a door list request or a command is in flight. */
gboolean          _concierge_doors_view_get_busy          (ConciergeDoorsView *self);

G_END_DECLS
