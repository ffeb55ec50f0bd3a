/* concierge-call-view.h: the answered call, with the door station's live video
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "concierge-queued-call.h"
#include "concierge-session.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_CALL_VIEW (concierge_call_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeCallView, concierge_call_view, CONCIERGE, CALL_VIEW, AdwBin)

GtkWidget           *concierge_call_view_new          (void);
ConciergeSession    *concierge_call_view_get_session  (ConciergeCallView   *self);
void                 concierge_call_view_set_session  (ConciergeCallView   *self,
                                                       ConciergeSession    *session);
/* (nullable) the call shown; setting NULL stops the stream. */
ConciergeQueuedCall *concierge_call_view_get_call     (ConciergeCallView   *self);
void                 concierge_call_view_set_call     (ConciergeCallView   *self,
                                                       ConciergeQueuedCall *call);
/* Unlocks @door_id (NULL: the only door) of the shown call and shows the
 * result; used by the door buttons and app.open-door. */
void                 concierge_call_view_open_door    (ConciergeCallView   *self,
                                                       const char          *door_id);

G_END_DECLS
