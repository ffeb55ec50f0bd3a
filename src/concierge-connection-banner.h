/* concierge-connection-banner.h: says why the desk is offline and when it retries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hcc.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_CONNECTION_BANNER (concierge_connection_banner_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeConnectionBanner, concierge_connection_banner,
                      CONCIERGE, CONNECTION_BANNER, AdwBin)

GtkWidget  *concierge_connection_banner_new        (void);
/* @stream: (nullable) the session's event stream; hidden without one. */
void        concierge_connection_banner_set_stream (ConciergeConnectionBanner *self,
                                                    HccEventStream            *stream);
gboolean    concierge_connection_banner_get_shown  (ConciergeConnectionBanner *self);
const char *concierge_connection_banner_get_text   (ConciergeConnectionBanner *self);

G_END_DECLS
