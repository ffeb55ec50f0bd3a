/* concierge-pass-view.h: one visitor pass on screen, with its PIN and live QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hcc.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_PASS_VIEW (concierge_pass_view_get_type ())

G_DECLARE_FINAL_TYPE (ConciergePassView, concierge_pass_view, CONCIERGE, PASS_VIEW, AdwBin)

/* How often the platform issues a dynamic code, and how long before it
 * expires the view fetches the next one, so no visitor holds up a code
 * that stopped working. */
#define CONCIERGE_PASS_CODE_LIFETIME_S 60
#define CONCIERGE_PASS_REFRESH_AFTER_S 55

ConciergePassView *concierge_pass_view_new            (void);

/* (nullable) The client the code is fetched with. */
HccClient         *concierge_pass_view_get_client     (ConciergePassView *self);
void               concierge_pass_view_set_client     (ConciergePassView *self,
                                                       HccClient         *client);
/* (nullable) The pass to show, as listed (tempauth/list has no PIN or
 * code): the view fetches them while it is on screen. */
HccPass           *concierge_pass_view_get_pass       (ConciergePassView *self);
void               concierge_pass_view_set_pass       (ConciergePassView *self,
                                                       HccPass           *pass);
/* (nullable) The site's name printed at the top of the pass. */
const char        *concierge_pass_view_get_site_name  (ConciergePassView *self);
void               concierge_pass_view_set_site_name  (ConciergePassView *self,
                                                       const char        *site_name);

G_END_DECLS
