/* test-pass-printer.c: a printed pass carries its PIN, name and a QR code that scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-pass-printer"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "concierge-pass-printer.h"
#include "test-hcc-services.h"

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s failed: %s", argv[0], err);
      return NULL;
    }

  return g_steal_pointer (&out);
}

/* The pass named @name of the simulated site, with its PIN and code. */
static HccPass *
fetch_pass (HccClient  *client,
            const char *name)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) passes = NULL;
  g_autoptr(GError) error = NULL;

  hcc_passes_list_async (client, name, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  passes = hcc_passes_list_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (passes), >=, 1);
  g_clear_object (&result);

  for (guint i = 0; i < g_list_model_get_n_items (passes); i++)
    {
      g_autoptr(HccPass) listed = g_list_model_get_item (passes, i);
      HccPass *pass;

      if (g_strcmp0 (hcc_pass_get_name (listed), name) != 0)
        continue;

      hcc_passes_get_async (client, hcc_pass_get_id (listed), NULL, test_store_result_cb, &slot);
      result = test_wait_result (&slot);
      pass = hcc_passes_get_finish (client, result, &error);
      g_assert_no_error (error);
      /* tempauth/get does not repeat the name (or the ID). */
      if (hcc_pass_get_name (pass) == NULL)
        hcc_pass_set_name (pass, name);
      return pass;
    }

  g_assert_not_reached ();
}

static void
check_printed_pass (HccTestSim *sim,
                    HccPass    *pass,
                    const char *expected_code_text)
{
  g_autofree char *dir = g_dir_make_tmp ("test-pass-printer-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pass.pdf", NULL);
  g_autofree char *png_prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_build_filename (dir, "page-1.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) scan = NULL;
  guint status = 0;
  const char *pdftotext[] = { "pdftotext", "-layout", pdf, "-", NULL };
  const char *pdftoppm[] = { "pdftoppm", "-r", "150", "-png", pdf, png_prefix, NULL };
  const char *zbarimg[] = { "zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png, NULL };

  g_assert_true (concierge_pass_printer_export_pdf (pass, "Riverside Residences", file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* The words a visitor and the door need are on the page. */
  text = run_tool (pdftotext);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, hcc_pass_get_password (pass)));
  g_assert_nonnull (strstr (text, hcc_pass_get_name (pass)));
  g_assert_nonnull (strstr (text, "Riverside Residences"));

  /* At 150 dpi the QR code scans and says what the platform issued. */
  g_free (run_tool (pdftoppm));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  decoded = run_tool (zbarimg);
  g_assert_nonnull (decoded);
  g_strchomp (decoded);
  g_assert_cmpstr (decoded, ==, expected_code_text);

  /* And a door accepts it: it is the pass's current code. */
  body = g_strdup_printf ("{\"code\":\"%s\"}", hcc_pass_get_code (pass));
  scan = hcc_test_sim_control (sim, "POST", "/control/qr/scan", body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (hcc_test_json_get_string (scan, "pass_id"), ==, hcc_pass_get_id (pass));
  g_assert_cmpstr (hcc_test_json_get_string (scan, "reason"), ==, "ok");

  /* Keep the page for a human to look at. */
  if (g_getenv ("CONCIERGE_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("CONCIERGE_SCREENSHOT_DIR"),
                                                "printed-pass.png", NULL);
      g_autoptr(GFile) source = g_file_new_for_path (png);
      g_autoptr(GFile) target = g_file_new_for_path (copy);

      g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }

  g_unlink (pdf);
  g_unlink (png);
  g_rmdir (dir);
}

static void
test_export_dynamic (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccPass) pass = fetch_pass (client, "Courier DHL");

  g_assert_nonnull (hcc_pass_get_code_text (pass));
  g_assert_true (g_str_has_prefix (hcc_pass_get_code_text (pass), "HCCQR1|"));
  check_printed_pass (sim, pass, hcc_pass_get_code_text (pass));
}

static void
test_export_static (void)
{
  g_autoptr(HccTestSim) sim = hcc_test_sim_new (1, 0, FALSE);
  g_autoptr(HccClient) client = test_client_new (sim);
  g_autoptr(HccPass) pass = fetch_pass (client, "Cleaner Márta");

  check_printed_pass (sim, pass, hcc_pass_get_code_text (pass));
}

static void
test_validity_text (void)
{
  g_autoptr(HccPass) pass = hcc_pass_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2026, 11, 25, 9, 0, 0);
  g_autoptr(GDateTime) end_same_day = g_date_time_new (zone, 2026, 11, 25, 18, 30, 0);
  g_autoptr(GDateTime) end_later = g_date_time_new (zone, 2026, 12, 2, 9, 0, 0);
  g_autofree char *same_day = NULL;
  g_autofree char *week = NULL;
  g_autofree char *none = NULL;

  none = concierge_pass_format_validity (pass);
  g_assert_cmpstr (none, ==, "No validity period");

  hcc_pass_set_start_time (pass, start);
  hcc_pass_set_end_time (pass, end_same_day);
  same_day = concierge_pass_format_validity (pass);
  g_assert_cmpstr (same_day, ==, "25 Nov 2026, 09:00 – 18:30");

  hcc_pass_set_end_time (pass, end_later);
  week = concierge_pass_format_validity (pass);
  g_assert_cmpstr (week, ==, "25 Nov 2026, 09:00 – 2 Dec 2026, 09:00");
}

static void
test_export_needs_local_file (void)
{
  g_autoptr(HccPass) pass = hcc_pass_new ();
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///nowhere/pass.pdf");
  g_autoptr(GError) error = NULL;

  hcc_pass_set_name (pass, "Nowhere");
  g_assert_false (concierge_pass_printer_export_pdf (pass, NULL, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pass-printer/validity-text", test_validity_text);
  g_test_add_func ("/pass-printer/export/dynamic", test_export_dynamic);
  g_test_add_func ("/pass-printer/export/static", test_export_static);
  g_test_add_func ("/pass-printer/export/needs-local-file", test_export_needs_local_file);

  return g_test_run ();
}
