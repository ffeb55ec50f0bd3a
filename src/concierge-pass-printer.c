/* concierge-pass-printer.c: a visitor pass on paper or in a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-pass-printer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "concierge-pass-printer.h"
#include "concierge-qr.h"
#include "hcc-passes.h"

#define POINTS_PER_MM (72.0 / 25.4)

typedef struct {
  HccPass *pass;     /* (owned) */
  char    *site_name;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->pass);
  g_free (job->site_name);
  g_free (job);
}

static char *
format_time (GDateTime  *time,
             gboolean    with_date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a date and time on a visitor pass, in strftime() format,
   * e.g. "25 Nov 2026, 09:00". */
  return g_date_time_format (local, with_date ? _("%-d %b %Y, %H:%M") : _("%H:%M"));
}

char *
concierge_pass_format_validity (HccPass *pass)
{
  GDateTime *start;
  GDateTime *end;
  g_autoptr(GDateTime) local_start = NULL;
  g_autoptr(GDateTime) local_end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean same_day;

  g_return_val_if_fail (HCC_IS_PASS (pass), NULL);

  start = hcc_pass_get_start_time (pass);
  end = hcc_pass_get_end_time (pass);
  if (start == NULL || end == NULL)
    return g_strdup (_("No validity period"));

  local_start = g_date_time_to_local (start);
  local_end = g_date_time_to_local (end);
  same_day = g_date_time_get_year (local_start) == g_date_time_get_year (local_end) &&
             g_date_time_get_day_of_year (local_start) == g_date_time_get_day_of_year (local_end);

  from = format_time (start, TRUE);
  to = format_time (end, !same_day);

  /* Translators: a validity period, "<start> – <end>". */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

/* Lays out @text at @y, centred across @width; returns the next free y. */
static double
draw_text (GtkPrintContext *context,
           cairo_t         *cr,
           const char      *text,
           const char      *font,
           double           width,
           double           y)
{
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int text_height = 0;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &text_height);

  return y + (double) text_height / PANGO_SCALE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  PrintJob *job = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double qr_size = CONCIERGE_PASS_PRINTER_QR_MM * POINTS_PER_MM;
  g_autofree char *validity = concierge_pass_format_validity (job->pass);
  g_autoptr(GError) error = NULL;
  const char *pin = hcc_pass_get_password (job->pass);
  double y = 0;

  /* Paper is white whatever the desktop's style: black text. */
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (job->site_name != NULL && *job->site_name != '\0')
    y = draw_text (context, cr, job->site_name, "Sans 12", width, y) + 6;
  y = draw_text (context, cr, _("Visitor Pass"), "Sans 11", width, y) + 18;
  y = draw_text (context, cr, hcc_pass_get_name (job->pass), "Sans Bold 26", width, y) + 6;
  y = draw_text (context, cr, validity, "Sans 13", width, y) + 24;

  cairo_save (cr);
  cairo_translate (cr, (width - qr_size) / 2, y);
  if (!concierge_qr_draw_pass (cr, job->pass, qr_size, &error))
    {
      /* A pass without a code still prints its PIN. */
      g_debug ("No QR code on the printed pass: %s", error->message);
      qr_size = 0;
    }
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += qr_size + 24;

  if (pin != NULL && *pin != '\0')
    {
      y = draw_text (context, cr, _("PIN"), "Sans 12", width, y) + 2;
      y = draw_text (context, cr, pin, "Monospace Bold 30", width, y) + 18;
    }

  y = draw_text (context, cr,
                 _("Hold the QR code up to the door's reader, or enter the PIN on its keypad."),
                 "Sans 11", width, y) + 6;

  /* A dynamic code on paper works for a minute only; say so rather than
   * let the visitor find out at the door. */
  if (hcc_pass_get_dynamic (job->pass) == HCC_PASS_DYNAMIC_YES)
    draw_text (context, cr,
               _("This QR code changes every minute and works only shortly after printing; "
                 "the PIN keeps working."),
               "Sans Italic 10", width, y);
}

static GtkPrintOperation *
new_operation (HccPass    *pass,
               const char *site_name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autofree char *job_name = NULL;

  job->pass = g_object_ref (pass);
  job->site_name = g_strdup (site_name);

  /* Translators: the print job's name; %s is the pass's name. */
  job_name = g_strdup_printf (_("Visitor pass %s"), hcc_pass_get_name (pass));
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         job, (GClosureNotify) (void (*) (void)) print_job_free, 0);

  return operation;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = user_data;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  g_debug ("Printing a pass failed: %s", error != NULL ? error->message : "?");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The Pass Was Not Printed"),
                                                       error != NULL ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
concierge_pass_printer_print (HccPass    *pass,
                              const char *site_name,
                              GtkWindow  *parent)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HCC_IS_PASS (pass));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  operation = new_operation (pass, site_name);
  /* The dialog runs on the main loop; "done" reports how it ended. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_signal_connect_data (operation, "done", G_CALLBACK (done_cb), g_object_ref (parent),
                           (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  else
    g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (error != NULL)
    g_debug ("Cannot open the print dialog: %s", error->message);
}

gboolean
concierge_pass_printer_export_pdf (HccPass     *pass,
                                   const char  *site_name,
                                   GFile       *file,
                                   GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (HCC_IS_PASS (pass), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A pass can only be saved to a local file."));
      return FALSE;
    }

  /* One page drawn by cairo straight into the file. GTK runs the export
   * in a nested main loop until the page is written, so the caller waits
   * but the main context keeps being served; tests and scripts want the
   * file when this returns. */
  operation = new_operation (pass, site_name);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
