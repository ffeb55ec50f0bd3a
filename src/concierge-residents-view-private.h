/* concierge-residents-view-private.h: what the tests of the view reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-residents-view.h"

G_BEGIN_DECLS

GtkEditable *_concierge_residents_view_get_search_entry (ConciergeResidentsView *self);
/* The filtered rows the list shows. */
GListModel  *_concierge_residents_view_get_rows         (ConciergeResidentsView *self);
GtkLabel    *_concierge_residents_view_get_count_label  (ConciergeResidentsView *self);
/* The room rows of the details pane (AdwActionRows, in order). */
GtkListBox  *_concierge_residents_view_get_rooms_list   (ConciergeResidentsView *self);
GtkLabel    *_concierge_residents_view_get_details_name (ConciergeResidentsView *self);
/* The subtitles of the details' Valid From and Valid Until rows. */
void         _concierge_residents_view_get_validity     (ConciergeResidentsView *self,
                                                         const char            **from,
                                                         const char            **until);
/* "empty", "list" */
const char  *_concierge_residents_view_get_page         (ConciergeResidentsView *self);
/* Starts the removal as the Remove button does; returns the dialog. */
GtkWindow   *_concierge_residents_view_remove           (ConciergeResidentsView *self);
/* Starts the removal from one room, as that room's button does. */
GtkWindow   *_concierge_residents_view_remove_from_room (ConciergeResidentsView *self,
                                                         const char             *room_id);

G_END_DECLS
