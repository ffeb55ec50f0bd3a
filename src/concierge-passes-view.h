/* concierge-passes-view.h: the site's visitor passes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_PASSES_VIEW (concierge_passes_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergePassesView, concierge_passes_view, CONCIERGE, PASSES_VIEW, AdwBin)

ConciergePassesView *concierge_passes_view_new          (void);

/* (nullable) */
ConciergeSession    *concierge_passes_view_get_session  (ConciergePassesView *self);
void                 concierge_passes_view_set_session  (ConciergePassesView *self,
                                                         ConciergeSession    *session);

/* Loads the passes again from the platform. */
void                 concierge_passes_view_refresh      (ConciergePassesView *self);

G_END_DECLS
