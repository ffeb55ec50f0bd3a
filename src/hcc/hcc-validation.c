/* hcc-validation.c: refusals of bad input before anything is sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hcc-validation"

#include "config.h"

#include "hcc-error.h"
#include "hcc-validation.h"

/* HCC_ERROR belongs to the client core and its extended-error data holds
 * the platform code, so the field cannot live in the GError itself. The
 * sentences are fixed per field and carry no user data, so a process-wide
 * map from sentence to field stays small and survives copies of the error. */
static GMutex      fields_lock;
static GHashTable *fields_by_message;

GError *
hcc_validation_error_new (const char *field,
                          const char *message)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  g_mutex_lock (&fields_lock);
  if (fields_by_message == NULL)
    fields_by_message = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!g_hash_table_contains (fields_by_message, message))
    g_hash_table_insert (fields_by_message, g_strdup (message), g_strdup (field));
  g_mutex_unlock (&fields_lock);

  return g_error_new_literal (HCC_ERROR, HCC_ERROR_VALIDATION, message);
}

const char *
hcc_error_get_field (const GError *error)
{
  const char *field = NULL;

  if (error == NULL || !g_error_matches (error, HCC_ERROR, HCC_ERROR_VALIDATION))
    return NULL;

  g_mutex_lock (&fields_lock);
  if (fields_by_message != NULL)
    field = g_hash_table_lookup (fields_by_message, error->message);
  g_mutex_unlock (&fields_lock);

  /* The value is never removed or replaced, so it outlives the lock. */
  return field;
}
