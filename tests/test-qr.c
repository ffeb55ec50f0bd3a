/* test-qr.c: QR codes that a scanner reads back, and code images shown as is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-qr"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "concierge-qr.h"

/* Decodes the PNG at @path with zbarimg; the decoded text, or NULL when
 * nothing was found. (transfer full) */
static char *
zbar_decode (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;

  /* zbarimg ends each symbol with a newline. */
  g_strchomp (out);
  return g_steal_pointer (&out);
}

static char *
save_texture (GdkTexture *texture,
              const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("test-qr-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

static void
remove_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_encode_decodes (void)
{
  const char *texts[] = {
    "HCCQR1|349595852008161345|1795635378390|1",
    "x",
    /* Non-ASCII goes through as UTF-8 bytes. */
    "Cleaner Márta",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = concierge_qr_encode (texts[i], 6, &error);
      g_autofree char *path = NULL;
      g_autofree char *decoded = NULL;
      guint modules;

      g_assert_no_error (error);
      g_assert_nonnull (texture);

      /* Integer module size and the quiet zone: the side is a multiple of
       * the module size, and the symbol has at least 21 + 8 modules. */
      modules = concierge_qr_get_size (texts[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (modules, >=, 21 + 2 * CONCIERGE_QR_QUIET_ZONE);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, modules * 6);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, modules * 6);

      path = save_texture (texture, "code.png");
      decoded = zbar_decode (path);
      g_assert_cmpstr (decoded, ==, texts[i]);
      remove_file (path);
    }
}

static void
test_encode_quiet_zone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = concierge_qr_encode ("HCCQR1|1|2|3", 3, &error);
  int side = gdk_texture_get_width (texture);
  g_autofree guchar *pixels = g_malloc (side * side * 4);

  g_assert_no_error (error);
  gdk_texture_download (texture, pixels, side * 4);

  /* The 4-module border is white, and the finder pattern's corner just
   * inside it is black. */
  for (int i = 0; i < 4 * 3; i++)
    {
      guint32 top = ((guint32 *) pixels)[i * side + i];

      g_assert_cmphex (top & 0xffffff, ==, 0xffffff);
    }
  g_assert_cmphex (((guint32 *) pixels)[12 * side + 12] & 0xffffff, ==, 0x000000);
}

static void
test_encode_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);

  texture = concierge_qr_encode ("", 4, &error);
  g_assert_null (texture);
  g_assert_error (error, CONCIERGE_QR_ERROR, CONCIERGE_QR_ERROR_EMPTY);
  g_clear_error (&error);

  /* Version 40-M holds 2331 bytes; more cannot be a QR code. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_c (huge, 'a' + i % 26);
  texture = concierge_qr_encode (huge->str, 4, &error);
  g_assert_null (texture);
  g_assert_error (error, CONCIERGE_QR_ERROR, CONCIERGE_QR_ERROR_TOO_LONG);
}

static GBytes *
png_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = concierge_qr_encode ("IMAGE-PAYLOAD", 4, &error);

  g_assert_no_error (error);
  return gdk_texture_save_to_png_bytes (texture);
}

static void
test_image_detection (void)
{
  g_autoptr(GBytes) png = png_bytes ();
  g_autoptr(GBytes) text = g_bytes_new_static ("HCCQR1|349595852008161345|1795635378390|1", 41);
  g_autoptr(GBytes) jpeg = g_bytes_new_static ("\xff\xd8\xff\xe0\0\x10JFIF", 10);
  g_autoptr(GBytes) bmp = g_bytes_new_static ("BM\x36\0\0\0", 6);

  g_assert_true (concierge_qr_bytes_are_image (png));
  g_assert_true (concierge_qr_bytes_are_image (jpeg));
  g_assert_true (concierge_qr_bytes_are_image (bmp));
  g_assert_false (concierge_qr_bytes_are_image (text));
  g_assert_false (concierge_qr_bytes_are_image (NULL));
}

static void
test_pass_image_shown_as_is (void)
{
  g_autoptr(GBytes) png = png_bytes ();
  g_autoptr(HccPass) pass = hcc_pass_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *decoded = NULL;

  /* The platform sent an image: it is shown, not encoded again. */
  hcc_pass_set_code_image (pass, png);
  texture = concierge_qr_texture_for_pass (pass, 8, &error);
  g_assert_no_error (error);
  path = save_texture (texture, "image.png");
  decoded = zbar_decode (path);
  g_assert_cmpstr (decoded, ==, "IMAGE-PAYLOAD");
  remove_file (path);
}

static void
test_pass_text_encoded (void)
{
  g_autoptr(HccPass) pass = hcc_pass_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *code = g_base64_encode ((const guchar *) "HCCQR1|42|1000|7", 16);

  hcc_pass_set_code (pass, code);
  hcc_pass_set_code_text (pass, "HCCQR1|42|1000|7");
  texture = concierge_qr_texture_for_pass (pass, 8, &error);
  g_assert_no_error (error);
  path = save_texture (texture, "text.png");
  decoded = zbar_decode (path);
  g_assert_cmpstr (decoded, ==, "HCCQR1|42|1000|7");
  remove_file (path);
}

static void
test_draw_decodes (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 300);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-qr-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "drawn.png", NULL);
  g_autofree char *decoded = NULL;

  /* A size that is no multiple of the module count: the printer's case. */
  g_assert_true (concierge_qr_draw (cr, "HCCQR1|349595852008161345|1795635378390|1", 283, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  decoded = zbar_decode (path);
  g_assert_cmpstr (decoded, ==, "HCCQR1|349595852008161345|1795635378390|1");
  remove_file (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qr/encode/decodes", test_encode_decodes);
  g_test_add_func ("/qr/encode/quiet-zone", test_encode_quiet_zone);
  g_test_add_func ("/qr/encode/errors", test_encode_errors);
  g_test_add_func ("/qr/draw/decodes", test_draw_decodes);
  g_test_add_func ("/qr/image/detection", test_image_detection);
  g_test_add_func ("/qr/pass/image-shown-as-is", test_pass_image_shown_as_is);
  g_test_add_func ("/qr/pass/text-encoded", test_pass_text_encoded);

  return g_test_run ();
}
