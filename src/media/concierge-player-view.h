/* concierge-player-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "concierge-player.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_PLAYER_VIEW (concierge_player_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergePlayerView, concierge_player_view, CONCIERGE, PLAYER_VIEW, GtkWidget)

GtkWidget       *concierge_player_view_new             (void);
ConciergePlayer *concierge_player_view_get_player      (ConciergePlayerView *self);
void             concierge_player_view_set_player      (ConciergePlayerView *self,
                                                        ConciergePlayer     *player);
const char      *concierge_player_view_get_title       (ConciergePlayerView *self);
void             concierge_player_view_set_title       (ConciergePlayerView *self,
                                                        const char          *title);
/* Whether the title is written under the picture (default TRUE). It is the
 * accessible label's subject either way; callers that name the camera
 * beside the view already turn it off. */
gboolean         concierge_player_view_get_show_title  (ConciergePlayerView *self);
void             concierge_player_view_set_show_title  (ConciergePlayerView *self,
                                                        gboolean             show_title);
const char      *concierge_player_view_get_status_page (ConciergePlayerView *self);

G_END_DECLS
