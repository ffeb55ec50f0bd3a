/* concierge-ringer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

G_BEGIN_DECLS

/* The resource path of the ring tone (data/sounds/door-chime.oga). */
#define CONCIERGE_RINGER_SOUND_PATH "/io/github/hccdesk/Concierge/sounds/door-chime.oga"

#define CONCIERGE_TYPE_RINGER (concierge_ringer_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeRinger, concierge_ringer, CONCIERGE, RINGER, GObject)

ConciergeRinger *concierge_ringer_new         (void);

void             concierge_ringer_ring        (ConciergeRinger *self);
void             concierge_ringer_stop        (ConciergeRinger *self);
void             concierge_ringer_set_ringing (ConciergeRinger *self,
                                               gboolean         ringing);
gboolean         concierge_ringer_get_ringing (ConciergeRinger *self);

double           concierge_ringer_get_volume  (ConciergeRinger *self);
void             concierge_ringer_set_volume  (ConciergeRinger *self,
                                               double           volume);
gboolean         concierge_ringer_get_muted   (ConciergeRinger *self);
void             concierge_ringer_set_muted   (ConciergeRinger *self,
                                               gboolean         muted);

const char      *concierge_ringer_get_error   (ConciergeRinger *self);

G_END_DECLS
