/* concierge-residents-view.h: the residents of the site, searchable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_RESIDENTS_VIEW (concierge_residents_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeResidentsView, concierge_residents_view, CONCIERGE, RESIDENTS_VIEW, AdwBin)

GtkWidget        *concierge_residents_view_new           (void);
/* (nullable) */
ConciergeSession *concierge_residents_view_get_session   (ConciergeResidentsView *self);
void              concierge_residents_view_set_session   (ConciergeResidentsView *self,
                                                          ConciergeSession       *session);
/* Selects the resident and shows their details (clearing a search that
 * hides them); unknown IDs are ignored. */
void              concierge_residents_view_show_resident (ConciergeResidentsView *self,
                                                          const char             *person_id);

G_END_DECLS
