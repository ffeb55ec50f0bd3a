/* concierge-application.h: the application, its options and its connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The settings schema keeps the base ID in the development build too. */
#define CONCIERGE_SCHEMA_ID "io.github.hccdesk.Concierge"

#define CONCIERGE_TYPE_APPLICATION (concierge_application_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeApplication, concierge_application, CONCIERGE, APPLICATION,
                      AdwApplication)

ConciergeApplication *concierge_application_new      (const char         *application_id,
                                                      GApplicationFlags   flags);
GSettings            *concierge_application_get_settings (ConciergeApplication *self);

G_END_DECLS
