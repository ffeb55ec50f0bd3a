/* concierge-passes-view-private.h: what tests look at in ConciergePassesView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-passes-view.h"

G_BEGIN_DECLS

gboolean        concierge_passes_view_get_loading       (ConciergePassesView *self);
/* The passes as listed, and those the search lets through. */
GListModel     *concierge_passes_view_get_passes        (ConciergePassesView *self);
GListModel     *concierge_passes_view_get_shown         (ConciergePassesView *self);
GtkSearchEntry *concierge_passes_view_get_search_entry  (ConciergePassesView *self);
GtkStack       *concierge_passes_view_get_stack         (ConciergePassesView *self);
AdwStatusPage  *concierge_passes_view_get_error_page    (ConciergePassesView *self);

G_END_DECLS
