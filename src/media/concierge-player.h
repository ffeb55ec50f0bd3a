/* concierge-player.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CONCIERGE_PLAYER_STATE_IDLE,
  CONCIERGE_PLAYER_STATE_CONNECTING,
  CONCIERGE_PLAYER_STATE_BUFFERING,
  CONCIERGE_PLAYER_STATE_PLAYING,
  CONCIERGE_PLAYER_STATE_ERROR,
} ConciergePlayerState;

#define CONCIERGE_TYPE_PLAYER (concierge_player_get_type ())

G_DECLARE_FINAL_TYPE (ConciergePlayer, concierge_player, CONCIERGE, PLAYER, GObject)

ConciergePlayer      *concierge_player_new                   (void);
const char           *concierge_player_get_uri               (ConciergePlayer *self);
void                  concierge_player_set_uri               (ConciergePlayer *self,
                                                              const char      *uri);
ConciergePlayerState  concierge_player_get_state             (ConciergePlayer *self);
const char           *concierge_player_get_error_message     (ConciergePlayer *self);
GdkPaintable         *concierge_player_get_paintable         (ConciergePlayer *self);
gboolean              concierge_player_get_muted             (ConciergePlayer *self);
void                  concierge_player_set_muted             (ConciergePlayer *self,
                                                              gboolean         muted);
gint64                concierge_player_get_first_frame_time  (ConciergePlayer *self);
guint                 concierge_player_get_frames_shown      (ConciergePlayer *self);
guint                 concierge_player_get_connect_timeout   (ConciergePlayer *self);
void                  concierge_player_set_connect_timeout   (ConciergePlayer *self,
                                                              guint            seconds);
void                  concierge_player_play                  (ConciergePlayer *self);
void                  concierge_player_stop                  (ConciergePlayer *self);
void                  concierge_player_retry                 (ConciergePlayer *self);

guint                 concierge_player_get_n_pending_stops   (void);

G_END_DECLS
