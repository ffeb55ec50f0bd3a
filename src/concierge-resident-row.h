/* concierge-resident-row.h: one resident in the residents list, and its header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The columns, in reading order. */
typedef enum {
  CONCIERGE_RESIDENT_COLUMN_NAME,
  CONCIERGE_RESIDENT_COLUMN_ROOMS,
  CONCIERGE_RESIDENT_COLUMN_BUILDING,
  CONCIERGE_RESIDENT_COLUMN_PHONE,
  CONCIERGE_RESIDENT_COLUMN_STATUS,
  CONCIERGE_RESIDENT_N_COLUMNS
} ConciergeResidentColumn;

#define CONCIERGE_TYPE_RESIDENT_ROW (concierge_resident_row_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeResidentRow, concierge_resident_row, CONCIERGE, RESIDENT_ROW, GtkWidget)

GtkWidget  *concierge_resident_row_new        (void);
/* @texts: one per column; NULL for an empty cell. @expired picks the status
 * icon and colour; the status column's text says it in words. */
void        concierge_resident_row_set_texts  (ConciergeResidentRow *self,
                                               const char           *const texts[CONCIERGE_RESIDENT_N_COLUMNS],
                                               gboolean              expired);
const char *concierge_resident_row_get_text   (ConciergeResidentRow *self,
                                               ConciergeResidentColumn column);

#define CONCIERGE_TYPE_RESIDENT_HEADER (concierge_resident_header_get_type ())

G_DECLARE_FINAL_TYPE (ConciergeResidentHeader, concierge_resident_header, CONCIERGE, RESIDENT_HEADER, GtkWidget)

/* The column titles, laid out as the rows lay out their cells. */
GtkWidget  *concierge_resident_header_new     (void);

G_END_DECLS
