/* concierge-pass-printer.h: a visitor pass on paper or in a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hcc-pass.h"

G_BEGIN_DECLS

/* The printed QR code's width; phones read 50 mm easily from paper. */
#define CONCIERGE_PASS_PRINTER_QR_MM 60.0

/* Text for the pass's validity in local time: "25 Nov 2026, 09:00 – 18:00"
 * or "25 Nov 2026, 09:00 – 2 Dec 2026, 09:00". (transfer full) */
char       *concierge_pass_format_validity     (HccPass      *pass);

/* Opens the print dialog for one page with @site_name, the pass's name,
 * validity, PIN and QR code; the dialog's "Print to File" saves a PDF.
 * Returns at once; a failure is shown in a dialog on @parent. */
void        concierge_pass_printer_print       (HccPass      *pass,
                                                const char   *site_name,
                                                GtkWindow    *parent);

/* Writes the same page into the PDF @file (a local file), without any
 * dialog. */
gboolean    concierge_pass_printer_export_pdf  (HccPass      *pass,
                                                const char   *site_name,
                                                GFile        *file,
                                                GError      **error);

G_END_DECLS
