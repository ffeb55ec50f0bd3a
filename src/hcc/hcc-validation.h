/* hcc-validation.h: refusals of bad input before anything is sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* hcc_error_get_field() lives with the error domain now; forms that ask
 * for the field keep getting it from this header. */
#include "hcc-error.h"

G_BEGIN_DECLS

/* An HCC_ERROR_VALIDATION error whose field can be asked with
 * hcc_error_get_field(). @field is the JSON name of the request field
 * ("firstName", "openCount", "elementlist"...); @message is the translated
 * sentence for the user. The field is carried by the error itself, so
 * it does not depend on the wording or the language of @message. */
GError      *hcc_validation_error_new  (const char    *field,
                                        const char    *message);

G_END_DECLS
