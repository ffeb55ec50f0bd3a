/* concierge-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   concierge_csv_append_field (GString            *out,
                                   const char         *field);
void   concierge_csv_append_row   (GString            *out,
                                   const char * const *fields,
                                   gssize              n_fields);
char  *concierge_csv_format_time  (GDateTime          *time);

G_END_DECLS
