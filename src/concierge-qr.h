/* concierge-qr.h: QR codes of visitor passes, on screen and on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hcc-pass.h"

G_BEGIN_DECLS

#define CONCIERGE_QR_ERROR (concierge_qr_error_quark ())

typedef enum {
  CONCIERGE_QR_ERROR_EMPTY,     /* the pass has no code at all */
  CONCIERGE_QR_ERROR_TOO_LONG,  /* the text does not fit into any QR version */
  CONCIERGE_QR_ERROR_IMAGE,     /* the code's image could not be read */
} ConciergeQrError;

/* The white border around the symbol, in modules (ISO/IEC 18004 asks for 4). */
#define CONCIERGE_QR_QUIET_ZONE 4

GQuark      concierge_qr_error_quark   (void);

/* Encodes @text (error correction M, 8-bit, the smallest version that fits)
 * into a texture: black modules on white, with the quiet zone, each module
 * @module_px pixels wide. (transfer full) */
GdkTexture *concierge_qr_encode        (const char  *text,
                                        guint        module_px,
                                        GError     **error);

/* Modules per side of @text's symbol, quiet zone included; 0 with @error
 * when it cannot be encoded. */
guint       concierge_qr_get_size      (const char  *text,
                                        GError     **error);

/* Draws @text's symbol with its quiet zone as a square of @size units
 * (points when printing) whose top-left corner is the current origin of @cr:
 * a white square, then one black rectangle per dark module. */
gboolean    concierge_qr_draw          (cairo_t     *cr,
                                        const char  *text,
                                        double       size,
                                        GError     **error);

/* Whether @bytes hold an image rather than a payload to encode: PNG, JPEG,
 * GIF or BMP magic, or anything GdkTexture can load. */
gboolean    concierge_qr_bytes_are_image (GBytes    *bytes);

/* The texture to show for @pass: the code's own image when the platform
 * sent one (T41), else the decoded payload encoded as a QR code.
 * (transfer full) */
GdkTexture *concierge_qr_texture_for_pass (HccPass  *pass,
                                           guint     module_px,
                                           GError  **error);

/* Draws @pass's code (image or symbol) as a square of @size units at the
 * origin of @cr, as concierge_qr_draw() does. */
gboolean    concierge_qr_draw_pass     (cairo_t     *cr,
                                        HccPass     *pass,
                                        double       size,
                                        GError     **error);

G_END_DECLS
