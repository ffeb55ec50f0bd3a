/* concierge-qr.c: QR codes of visitor passes, on screen and on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "concierge-qr"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "concierge-qr.h"

G_DEFINE_QUARK (concierge-qr-error-quark, concierge_qr_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

/* Whole pixels per module keep every edge sharp; callers pick the size
 * (the pass view uses 12 and lets the picture scale it). */
#define MIN_MODULE_PX 1

static QRcode *
encode (const char  *text,
        GError     **error)
{
  QRinput *input;
  QRcode *code;
  gboolean non_ascii = FALSE;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, CONCIERGE_QR_ERROR, CONCIERGE_QR_ERROR_EMPTY,
                           _("The pass has no QR code."));
      return NULL;
    }

  /* Version 0 lets libqrencode pick the smallest symbol that holds the
   * text; the 8-bit mode keeps the payload byte for byte (the platform's
   * payloads mix letters, digits and "|", which no other mode covers). */
  input = QRinput_new2 (0, QR_ECLEVEL_M);
  if (input == NULL)
    g_error ("Out of memory");

  /* Readers guess the charset of 8-bit data (often Shift JIS), so text
   * beyond ASCII says it is UTF-8 with an ECI header (26). */
  for (const char *p = text; *p != '\0' && !non_ascii; p++)
    non_ascii = (*p & 0x80) != 0;
  if ((non_ascii && QRinput_appendECIheader (input, 26) != 0) ||
      QRinput_append (input, QR_MODE_8, (int) strlen (text), (const unsigned char *) text) != 0)
    code = NULL;
  else
    code = QRcode_encodeInput (input);
  QRinput_free (input);

  if (code == NULL)
    {
      int saved = errno;

      g_debug ("QR encoding failed: %s", g_strerror (saved));
      g_set_error_literal (error, CONCIERGE_QR_ERROR, CONCIERGE_QR_ERROR_TOO_LONG,
                           _("The pass code is too long for a QR code."));
      return NULL;
    }

  return code;
}

static inline gboolean
module_dark (QRcode *code,
             int     x,
             int     y)
{
  /* The lowest bit of each byte is the module's colour (1 is dark). */
  return (code->data[y * code->width + x] & 1) != 0;
}

GdkTexture *
concierge_qr_encode (const char  *text,
                     guint        module_px,
                     GError     **error)
{
  g_autoptr(QRcode) code = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels;
  gsize stride;
  guint side;

  module_px = MAX (module_px, MIN_MODULE_PX);

  if (!(code = encode (text, error)))
    return NULL;

  side = (code->width + 2 * CONCIERGE_QR_QUIET_ZONE) * module_px;
  stride = (gsize) side * 3;
  pixels = g_malloc (stride * side);
  /* White everywhere, then the dark modules. */
  memset (pixels, 0xff, stride * side);

  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      {
        gsize top = (gsize) (y + CONCIERGE_QR_QUIET_ZONE) * module_px;
        gsize left = (gsize) (x + CONCIERGE_QR_QUIET_ZONE) * module_px;

        if (!module_dark (code, x, y))
          continue;

        for (guint row = 0; row < module_px; row++)
          memset (pixels + (top + row) * stride + left * 3, 0x00, (gsize) module_px * 3);
      }

  bytes = g_bytes_new_take (pixels, stride * side);

  return gdk_memory_texture_new (side, side, GDK_MEMORY_R8G8B8, bytes, stride);
}

guint
concierge_qr_get_size (const char  *text,
                       GError     **error)
{
  g_autoptr(QRcode) code = encode (text, error);

  if (code == NULL)
    return 0;

  return code->width + 2 * CONCIERGE_QR_QUIET_ZONE;
}

gboolean
concierge_qr_draw (cairo_t     *cr,
                   const char  *text,
                   double       size,
                   GError     **error)
{
  g_autoptr(QRcode) code = NULL;
  double module;

  g_return_val_if_fail (cr != NULL, FALSE);

  if (!(code = encode (text, error)))
    return FALSE;

  module = size / (code->width + 2 * CONCIERGE_QR_QUIET_ZONE);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, size, size);
  cairo_fill (cr);

  /* One rectangle per horizontal run of dark modules, so a PDF viewer's
   * anti-aliasing leaves no hairlines between neighbours in a row, and
   * the file stays small. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int y = 0; y < code->width; y++)
    {
      int x = 0;

      while (x < code->width)
        {
          int run_start;

          if (!module_dark (code, x, y))
            {
              x++;
              continue;
            }

          run_start = x;
          while (x < code->width && module_dark (code, x, y))
            x++;

          cairo_rectangle (cr,
                           (run_start + CONCIERGE_QR_QUIET_ZONE) * module,
                           (y + CONCIERGE_QR_QUIET_ZONE) * module,
                           (x - run_start) * module,
                           module);
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);

  return TRUE;
}

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *magic,
            gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

gboolean
concierge_qr_bytes_are_image (GBytes *bytes)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize len = 0;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  if (has_prefix (data, len, "\x89PNG\r\n\x1a\n", 8) ||
      has_prefix (data, len, "\xff\xd8\xff", 3) ||
      has_prefix (data, len, "GIF87a", 6) ||
      has_prefix (data, len, "GIF89a", 6) ||
      has_prefix (data, len, "BM", 2))
    return TRUE;

  /* A format without a magic we know: let the loaders decide. Text payloads
   * are short, so trying costs nothing. */
  if (len < 16)
    return FALSE;
  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    g_debug ("Code bytes are not an image: %s", error->message);

  return texture != NULL;
}

/* The code's bytes when they are an image (transfer full), or NULL. The
 * client already recognises PNG, JPEG and GIF; BMP and other formats come
 * back as the raw Base64 text, so that text is decoded again here. */
static GBytes *
pass_image_bytes (HccPass *pass)
{
  GBytes *image = hcc_pass_get_code_image (pass);
  const char *raw = hcc_pass_get_code (pass);
  const char *text = hcc_pass_get_code_text (pass);
  g_autoptr(GBytes) decoded = NULL;
  guchar *data;
  gsize len = 0;

  if (image != NULL)
    return g_bytes_ref (image);

  /* The client found readable text in the code: that is the payload. */
  if (raw == NULL || text == NULL || g_strcmp0 (raw, text) != 0)
    return NULL;

  data = g_base64_decode (raw, &len);
  decoded = g_bytes_new_take (data, len);
  if (len > 0 && concierge_qr_bytes_are_image (decoded))
    return g_steal_pointer (&decoded);

  return NULL;
}

GdkTexture *
concierge_qr_texture_for_pass (HccPass  *pass,
                               guint     module_px,
                               GError  **error)
{
  g_autoptr(GBytes) image = NULL;

  g_return_val_if_fail (HCC_IS_PASS (pass), NULL);

  if ((image = pass_image_bytes (pass)) != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      GdkTexture *texture = gdk_texture_new_from_bytes (image, &local_error);

      if (texture == NULL)
        {
          g_debug ("Cannot load the pass's code image: %s", local_error->message);
          g_set_error_literal (error, CONCIERGE_QR_ERROR, CONCIERGE_QR_ERROR_IMAGE,
                               _("The pass's QR code image cannot be shown."));
        }
      return texture;
    }

  return concierge_qr_encode (hcc_pass_get_code_text (pass), module_px, error);
}

static gboolean
draw_texture (cairo_t    *cr,
              GdkTexture *texture,
              double      size)
{
  cairo_surface_t *surface;
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  double scale;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  gdk_texture_download (texture,
                        cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);

  /* Fit the image into the square, centred, without smoothing its modules. */
  scale = size / MAX (width, height);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, size, size);
  cairo_fill (cr);
  cairo_translate (cr, (size - width * scale) / 2, (size - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);

  return TRUE;
}

gboolean
concierge_qr_draw_pass (cairo_t  *cr,
                        HccPass  *pass,
                        double    size,
                        GError  **error)
{
  g_autoptr(GBytes) image = NULL;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (HCC_IS_PASS (pass), FALSE);

  if ((image = pass_image_bytes (pass)) != NULL)
    {
      g_autoptr(GdkTexture) texture = concierge_qr_texture_for_pass (pass, 1, error);

      if (texture == NULL)
        return FALSE;
      return draw_texture (cr, texture, size);
    }

  return concierge_qr_draw (cr, hcc_pass_get_code_text (pass), size, error);
}
