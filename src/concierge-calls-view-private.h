/* concierge-calls-view-private.h: shared helpers of the calls UI, and test access
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-call-view.h"
#include "concierge-calls-view.h"
#include "concierge-player.h"

G_BEGIN_DECLS

/* "1:05", "1:02:03". (transfer full) */
char                *_concierge_format_duration            (guint                     seconds);
/* "Ringing", "Answered elsewhere", ... (translated) */
const char          *_concierge_call_state_label           (ConciergeQueuedCallState  state);
/* "Building · Room 101", "Call to the desk", ... (transfer full) */
char                *_concierge_call_describe_place        (HccCall                  *call,
                                                            const char               *building);
const char          *_concierge_call_station_name          (HccCall                  *call);
/* Where @call rings, as far as the platform's data tells: the building
 * (from the room, else the station's building in the directory, else
 * @camera_area, the area of the station's camera) and, for a room call,
 * the room's ID in the directory (from the called resident, else the
 * number in the station's building or in one building only). Either may
 * be NULL. (transfer full) */
void                 _concierge_call_find_place            (ConciergeSession         *session,
                                                            HccCall                  *call,
                                                            const char               *camera_area,
                                                            char                    **building,
                                                            char                    **room_id);
/* "Lobby door unlocked", or why not, one line per door. (transfer full) */
char                *_concierge_describe_door_results      (GListModel               *results,
                                                            const GError             *error,
                                                            ConciergeQueuedCall      *call);

/* Tests. */
ConciergePlayer     *_concierge_call_view_get_player       (ConciergeCallView        *self);
/* "title", "subtitle", "duration", "state", "door-result", "problem" */
GtkLabel            *_concierge_call_view_get_label        (ConciergeCallView        *self,
                                                            const char               *which);
GtkWidget           *_concierge_call_view_get_door_control (ConciergeCallView        *self,
                                                            gboolean                  menu);
GtkBox              *_concierge_call_view_get_door_menu_box (ConciergeCallView       *self);
GtkButton           *_concierge_call_view_get_hang_up_button (ConciergeCallView      *self);

ConciergeCallView   *_concierge_calls_view_get_call_view   (ConciergeCallsView       *self);
/* "empty", "queue" or "call" */
const char          *_concierge_calls_view_get_page        (ConciergeCallsView       *self);
/* The list of calls (a GtkListBox). */
GtkWidget           *_concierge_calls_view_get_list_view   (ConciergeCallsView       *self);
GtkLabel            *_concierge_calls_view_get_waiting_label (ConciergeCallsView     *self);
ConciergePlayer     *_concierge_calls_view_get_preview_player (ConciergeCallsView    *self);
/* The record ID the preview shows, or NULL. */
const char          *_concierge_calls_view_get_preview_record_id (ConciergeCallsView *self);
/* (nullable) the text of the last toast shown. */
const char          *_concierge_calls_view_get_last_toast  (ConciergeCallsView       *self);

G_END_DECLS
