/* concierge-startup-probe.h: time from process start to the first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* When CONCIERGE_STARTUP_PROBE is set, prints "first-frame-ms N" to stdout
 * after @window's first painted frame, N being the milliseconds since the
 * process started; when the variable is "exit", the application then quits.
 * Does nothing otherwise. Call it once, from the window's constructor. */
void    concierge_startup_probe_attach       (GtkWindow *window);

/* Milliseconds since this process started, or -1 when unknown. */
gint64  concierge_startup_probe_get_uptime_ms (void);

G_END_DECLS
