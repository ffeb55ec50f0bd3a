/* test-pass-view.c: the pass on screen, and its QR code refresh schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schedule runs on a test clock that the test moves, so nothing here
 * sleeps: a "minute" passes in one assignment.
 */

#define G_LOG_DOMAIN "test-pass-view"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "concierge-pass-view-private.h"
#include "test-hcc-services.h"
#include "test-views-common.h"

typedef struct {
  HccTestSim        *sim;
  HccClient         *client;
  GtkWindow         *window;
  ConciergePassView *view;
  gint64             clock_us;
} Fixture;

static gint64
test_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->sim = hcc_test_sim_new (1, 0, FALSE);
  hcc_test_sim_set_rate_limit (f->sim, 1000);
  f->client = test_client_new (f->sim);
  /* Any start will do; far from 0 so no arithmetic goes negative. */
  f->clock_us = 1000 * G_USEC_PER_SEC;

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 600, 760);
  f->view = concierge_pass_view_new ();
  concierge_pass_view_set_clock (f->view, test_clock, &f->clock_us);
  concierge_pass_view_set_site_name (f->view, "Riverside Residences");
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->client);
  hcc_test_sim_free (f->sim);
}

static HccPass *
listed_pass (Fixture    *f,
             const char *name)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) passes = NULL;
  g_autoptr(GError) error = NULL;

  hcc_passes_list_async (f->client, NULL, NULL, test_store_result_cb, &slot);
  result = test_wait_result (&slot);
  passes = hcc_passes_list_finish (f->client, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (passes); i++)
    {
      g_autoptr(HccPass) pass = g_list_model_get_item (passes, i);

      if (g_strcmp0 (hcc_pass_get_name (pass), name) == 0)
        return g_steal_pointer (&pass);
    }

  g_assert_not_reached ();
}

static guint
count_gets (Fixture *f)
{
  g_autoptr(GPtrArray) gets = test_requests_for (f->sim, "/vims/v1/tempauth/get");

  return gets->len;
}

static gboolean
settled (gpointer data)
{
  Fixture *f = data;

  return !concierge_pass_view_get_fetching (f->view) &&
         concierge_pass_view_get_code_kind (f->view) != CONCIERGE_PASS_CODE_UNKNOWN;
}

static gboolean
not_fetching (gpointer data)
{
  Fixture *f = data;

  return !concierge_pass_view_get_fetching (f->view);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
move_clock (Fixture *f,
            double   seconds)
{
  f->clock_us += (gint64) (seconds * G_USEC_PER_SEC);
  concierge_pass_view_tick (f->view);
}

static const char *
countdown (Fixture *f)
{
  return gtk_label_get_label (concierge_pass_view_get_countdown (f->view));
}

/* Decodes what the view's QR picture shows with zbarimg. (transfer full) */
static char *
decode_shown_code (Fixture *f)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (concierge_pass_view_get_qr_picture (f->view));
  g_autofree char *dir = g_dir_make_tmp ("test-pass-view-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "qr.png", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", path, NULL };

  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_true (gdk_texture_save_to_png (GDK_TEXTURE (paintable), path));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);

  return g_strchomp (g_steal_pointer (&out));
}

/* Asks the simulated door whether @payload is the pass's current code. */
static char *
scan_reason (Fixture    *f,
             const char *payload)
{
  g_autofree char *code = g_base64_encode ((const guchar *) payload, strlen (payload));
  g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\"}", code);
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  reply = hcc_test_sim_control (f->sim, "POST", "/control/qr/scan", body, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (hcc_test_json_get_string (reply, "reason"));
}

static void
show_pass (Fixture    *f,
           const char *name)
{
  g_autoptr(HccPass) pass = listed_pass (f, name);

  test_clear_requests (f->sim);
  concierge_pass_view_set_client (f->view, f->client);
  concierge_pass_view_set_pass (f->view, pass);
  gtk_window_present (f->window);
  g_assert_true (hcc_test_wait_until (is_mapped, f->view, TEST_TIMEOUT_MS));
  g_assert_true (hcc_test_wait_until (settled, f, TEST_TIMEOUT_MS));
}

static void
test_dynamic_schedule (Fixture       *f,
                       gconstpointer  data)
{
  HccPass *shown;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *stale_reason = NULL;
  guint gets;

  show_pass (f, "Courier DHL");

  /* A get, and a second at once that shows the code changes. */
  g_assert_cmpint (concierge_pass_view_get_code_kind (f->view), ==, CONCIERGE_PASS_CODE_DYNAMIC);
  g_assert_cmpuint (count_gets (f), ==, 2);
  shown = concierge_pass_view_get_shown_pass (f->view);
  g_assert_cmpstr (gtk_label_get_label (concierge_pass_view_get_name_label (f->view)), ==, "Courier DHL");
  g_assert_cmpstr (gtk_label_get_label (concierge_pass_view_get_pin_label (f->view)), ==,
                   hcc_pass_get_password (shown));
  g_assert_cmpstr (countdown (f), ==, "New code in 0:55");

  /* The QR on screen is the sim's current code: a door lets it in. */
  first = decode_shown_code (f);
  g_assert_cmpstr (first, ==, hcc_pass_get_code_text (shown));
  test_views_screenshot (f->window, "pass-view-light.png", FALSE);
  test_views_screenshot (f->window, "pass-view-dark.png", TRUE);

  /* The countdown follows the clock; nothing is fetched before 55 s. */
  move_clock (f, 13);
  g_assert_cmpstr (countdown (f), ==, "New code in 0:42");
  move_clock (f, 41.5);
  g_assert_cmpstr (countdown (f), ==, "New code in 0:01");
  g_assert_false (concierge_pass_view_get_fetching (f->view));
  g_assert_cmpuint (count_gets (f), ==, 2);

  /* At 55 s, before the code's 60 s are up, the next one is fetched. */
  move_clock (f, 0.5);
  g_assert_true (concierge_pass_view_get_fetching (f->view));
  g_assert_true (hcc_test_wait_until (not_fetching, f, TEST_TIMEOUT_MS));
  g_assert_cmpuint (count_gets (f), ==, 3);
  g_assert_cmpstr (countdown (f), ==, "New code in 0:55");
  second = decode_shown_code (f);
  g_assert_cmpstr (second, !=, first);
  g_assert_cmpstr (second, ==, hcc_pass_get_code_text (concierge_pass_view_get_shown_pass (f->view)));

  /* The new code opens a door; the one it replaced was superseded. */
  reason = scan_reason (f, second);
  g_assert_cmpstr (reason, ==, "ok");
  stale_reason = scan_reason (f, first);
  g_assert_cmpstr (stale_reason, !=, "ok");

  /* Hidden: the clock runs on for minutes and nothing is fetched. */
  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  gets = count_gets (f);
  move_clock (f, 180);
  move_clock (f, 180);
  g_assert_false (concierge_pass_view_get_fetching (f->view));
  g_assert_cmpuint (count_gets (f), ==, gets);

  /* Shown again: the stale code is replaced at once. */
  gtk_window_present (f->window);
  g_assert_true (hcc_test_wait_until (is_mapped, f->view, TEST_TIMEOUT_MS));
  g_assert_true (hcc_test_wait_until (not_fetching, f, TEST_TIMEOUT_MS));
  g_assert_cmpuint (count_gets (f), ==, gets + 1);
  g_assert_cmpstr (countdown (f), ==, "New code in 0:55");
}

static void
test_static_never_refetched (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *decoded = NULL;
  g_autofree char *reason = NULL;

  show_pass (f, "Cleaner Márta");

  g_assert_cmpint (concierge_pass_view_get_code_kind (f->view), ==, CONCIERGE_PASS_CODE_STATIC);
  g_assert_cmpuint (count_gets (f), ==, 2);
  g_assert_cmpstr (countdown (f), ==, "This code stays the same for the whole pass.");

  /* Ten minutes on screen: still the same two gets. */
  for (int i = 0; i < 10; i++)
    move_clock (f, 60);
  g_assert_false (concierge_pass_view_get_fetching (f->view));
  g_assert_cmpuint (count_gets (f), ==, 2);

  decoded = decode_shown_code (f);
  reason = scan_reason (f, decoded);
  g_assert_cmpstr (reason, ==, "ok");
}

static gboolean
clipboard_is_local (gpointer data)
{
  return gdk_clipboard_is_local (GDK_CLIPBOARD (data));
}

static void
test_copy_pin (Fixture       *f,
               gconstpointer  data)
{
  GdkClipboard *clipboard;
  GdkContentProvider *content;
  GValue value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  show_pass (f, "Courier DHL");
  g_assert_true (gtk_widget_get_sensitive (concierge_pass_view_get_copy_button (f->view)));
  gtk_widget_activate (concierge_pass_view_get_copy_button (f->view));

  /* A button's keyboard activation clicks it a moment later. */
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->view));
  g_assert_true (hcc_test_wait_until (clipboard_is_local, clipboard, TEST_TIMEOUT_MS));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==,
                   hcc_pass_get_password (concierge_pass_view_get_shown_pass (f->view)));
  g_value_unset (&value);
}

/* GTK's print dialog, once one was made. */
static GtkWindow *
find_print_dialog (void)
{
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  return type != 0 ? test_views_find_toplevel (type) : NULL;
}

static gboolean
print_dialog_open (gpointer data)
{
  return find_print_dialog () != NULL;
}

static gboolean
print_dialog_closed (gpointer data)
{
  return find_print_dialog () == NULL;
}

static void
test_print_dialog (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *print = NULL;

  show_pass (f, "Cleaner Márta");
  print = concierge_pass_view_get_print_button (f->view);
  g_assert_true (gtk_widget_get_sensitive (print));

  /* Print opens GTK's print dialog (with its Print to File for a PDF);
   * cancelling it is not an error. */
  gtk_widget_activate (print);
  g_assert_true (hcc_test_wait_until (print_dialog_open, NULL, TEST_TIMEOUT_MS));
  gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), GTK_RESPONSE_CANCEL);
  g_assert_true (hcc_test_wait_until (print_dialog_closed, NULL, TEST_TIMEOUT_MS));
  g_assert_null (find_print_dialog ());
}

static void
test_fetch_failure_retries (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(HccPass) pass = listed_pass (f, "Courier DHL");
  guint status = 0;
  const char *error_text;

  /* Every get fails for now (503 twice: the client retries a read once). */
  reply = hcc_test_sim_control (f->sim, "POST", "/control/faults",
                                "{\"kind\":\"http-error\",\"status\":503,\"count\":1000,"
                                "\"path\":\"tempauth/get\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&reply, json_node_unref);

  concierge_pass_view_set_client (f->view, f->client);
  concierge_pass_view_set_pass (f->view, pass);
  gtk_window_present (f->window);
  g_assert_true (hcc_test_wait_until (is_mapped, f->view, TEST_TIMEOUT_MS));
  g_assert_true (hcc_test_wait_until (not_fetching, f, TEST_TIMEOUT_MS));

  /* The failure is said in words, and no code is shown. */
  error_text = gtk_label_get_label (concierge_pass_view_get_error_label (f->view));
  g_assert_true (g_str_has_prefix (error_text, "The pass’s code could not be fetched: "));
  g_assert_null (concierge_pass_view_get_shown_pass (f->view));
  g_assert_false (gtk_widget_get_sensitive (concierge_pass_view_get_print_button (f->view)));

  /* The platform is back; the view tries again by itself after a while. */
  reply = hcc_test_sim_control (f->sim, "DELETE", "/control/faults", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  move_clock (f, 5);
  g_assert_false (concierge_pass_view_get_fetching (f->view));
  move_clock (f, 5);
  g_assert_true (hcc_test_wait_until (settled, f, TEST_TIMEOUT_MS));
  g_assert_nonnull (concierge_pass_view_get_shown_pass (f->view));
  g_assert_true (gtk_widget_get_sensitive (concierge_pass_view_get_print_button (f->view)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  test_views_load_style ();

  g_test_add ("/pass-view/dynamic/schedule", Fixture, NULL,
              fixture_setup, test_dynamic_schedule, fixture_teardown);
  g_test_add ("/pass-view/static/never-refetched", Fixture, NULL,
              fixture_setup, test_static_never_refetched, fixture_teardown);
  g_test_add ("/pass-view/pin/copy", Fixture, NULL,
              fixture_setup, test_copy_pin, fixture_teardown);
  g_test_add ("/pass-view/print/dialog", Fixture, NULL,
              fixture_setup, test_print_dialog, fixture_teardown);
  g_test_add ("/pass-view/fetch/failure-retries", Fixture, NULL,
              fixture_setup, test_fetch_failure_retries, fixture_teardown);

  return g_test_run ();
}
