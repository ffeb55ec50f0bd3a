/* concierge-doors-view.h: every door of the site, and the desk's commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_DOORS_VIEW (concierge_doors_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeDoorsView, concierge_doors_view, CONCIERGE, DOORS_VIEW, AdwBin)

GtkWidget        *concierge_doors_view_new         (void);
ConciergeSession *concierge_doors_view_get_session (ConciergeDoorsView *self);
void              concierge_doors_view_set_session (ConciergeDoorsView *self,
                                                    ConciergeSession   *session);

G_END_DECLS
