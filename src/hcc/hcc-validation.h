/* hcc-validation.h: refusals of bad input before anything is sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An HCC_ERROR_VALIDATION error whose field can be asked with
 * hcc_error_get_field(). @field is the JSON name of the request field
 * ("firstName", "openCount", "elementlist"...); @message is the translated
 * sentence for the user and must not contain user data, so the same
 * sentence always names the same field. */
GError      *hcc_validation_error_new  (const char    *field,
                                        const char    *message);

/* The request field a validation error is about, so a form can show the
 * message next to it; NULL for every other error. The association survives
 * g_error_copy() and g_propagate_error(). */
const char  *hcc_error_get_field       (const GError  *error);

G_END_DECLS
