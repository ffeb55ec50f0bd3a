/* concierge-setup-page.h: the first-run page: region or server, keys, a connection test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hcc.h"

G_BEGIN_DECLS

#define CONCIERGE_TYPE_SETUP_PAGE (concierge_setup_page_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeSetupPage, concierge_setup_page, CONCIERGE, SETUP_PAGE, AdwBin)

GtkWidget  *concierge_setup_page_new          (void);
void        concierge_setup_page_set_settings (ConciergeSetupPage *self,
                                               GSettings          *settings);
/* The message of the last failed connection test, or NULL. */
const char *concierge_setup_page_get_error    (ConciergeSetupPage *self);
/* TRUE while a connection test runs. */
gboolean    concierge_setup_page_get_busy     (ConciergeSetupPage *self);

/* Signal "connected" (HccClient *client): the keys worked and are in the
 * keyring; the region or server is in the settings. */

G_END_DECLS
