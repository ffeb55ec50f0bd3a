/* hcc-validation.c: refusals of bad input before anything is sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-validation"

#include "config.h"

#include "hcc-error.h"
#include "hcc-validation.h"

GError *
hcc_validation_error_new (const char *field,
                          const char *message)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  /* The field rides in the error's private data, next to the platform
   * code: copies and prefixes keep it, and translations cannot lose it. */
  return hcc_error_new_for_field (HCC_ERROR_VALIDATION, field, message);
}
