/* concierge-pass-view-private.h: what tests drive in ConciergePassView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "concierge-pass-view.h"

G_BEGIN_DECLS

typedef enum {
  CONCIERGE_PASS_CODE_UNKNOWN,   /* not fetched twice yet */
  CONCIERGE_PASS_CODE_DYNAMIC,   /* a new code on every get: refreshed */
  CONCIERGE_PASS_CODE_STATIC,    /* the same code each time: shown as is */
} ConciergePassCodeKind;

/* Monotonic time in microseconds, as g_get_monotonic_time(). */
typedef gint64 (*ConciergePassViewClock) (gpointer user_data);

/* Replaces the clock of the refresh schedule (NULL: the monotonic clock).
 * With a test clock, the test calls concierge_pass_view_tick() after
 * moving its clock instead of waiting for the view's one-second timer. */
void                   concierge_pass_view_set_clock        (ConciergePassView      *self,
                                                             ConciergePassViewClock  clock,
                                                             gpointer                user_data);
/* Runs the schedule now: updates the countdown and fetches a due code. */
void                   concierge_pass_view_tick             (ConciergePassView      *self);

ConciergePassCodeKind  concierge_pass_view_get_code_kind    (ConciergePassView      *self);
/* (nullable) The pass as last fetched, with PIN and code. */
HccPass               *concierge_pass_view_get_shown_pass   (ConciergePassView      *self);
gboolean               concierge_pass_view_get_fetching     (ConciergePassView      *self);

GtkPicture            *concierge_pass_view_get_qr_picture   (ConciergePassView      *self);
GtkLabel              *concierge_pass_view_get_countdown    (ConciergePassView      *self);
GtkLabel              *concierge_pass_view_get_pin_label    (ConciergePassView      *self);
GtkLabel              *concierge_pass_view_get_name_label   (ConciergePassView      *self);
GtkLabel              *concierge_pass_view_get_error_label  (ConciergePassView      *self);
GtkWidget             *concierge_pass_view_get_copy_button  (ConciergePassView      *self);
GtkWidget             *concierge_pass_view_get_print_button (ConciergePassView      *self);

G_END_DECLS
