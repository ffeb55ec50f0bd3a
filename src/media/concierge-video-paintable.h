/* concierge-video-paintable.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONCIERGE_TYPE_VIDEO_PAINTABLE (concierge_video_paintable_get_type            ())

G_DECLARE_FINAL_TYPE (ConciergeVideoPaintable, concierge_video_paintable,
                      CONCIERGE, VIDEO_PAINTABLE, GObject)

ConciergeVideoPaintable *concierge_video_paintable_new (void);
GstElement *concierge_video_paintable_create_sink (ConciergeVideoPaintable *self);
GdkTexture *concierge_video_paintable_get_texture (ConciergeVideoPaintable *self);
guint concierge_video_paintable_get_frames_received (ConciergeVideoPaintable *self);
guint concierge_video_paintable_get_frames_shown (ConciergeVideoPaintable *self);
void concierge_video_paintable_clear (ConciergeVideoPaintable *self);

G_END_DECLS
