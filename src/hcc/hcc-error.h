/* hcc-error.h: the errors of the platform client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HCC_ERROR (hcc_error_quark ())

typedef enum {
  HCC_ERROR_TRANSPORT,     /* connection failed or reset, HTTP status not 2xx, body not JSON */
  HCC_ERROR_TIMEOUT,       /* no answer in time (ours, or the platform's device timeouts) */
  HCC_ERROR_TLS,           /* the server's certificate was refused */
  HCC_ERROR_AUTH,          /* wrong keys, unknown account: retrying will not help */
  HCC_ERROR_PERMISSION,    /* the keys may not do this */
  HCC_ERROR_NOT_FOUND,     /* the resource, call record, batch... does not exist */
  HCC_ERROR_VALIDATION,    /* the request was refused as invalid (ours or the platform's check) */
  HCC_ERROR_RATE_LIMITED,  /* too many requests, or the platform was overloaded */
  HCC_ERROR_CONFLICT,      /* already exists, already answered, state changed meanwhile */
  HCC_ERROR_DEVICE,        /* the device is offline, busy or does not support it */
  HCC_ERROR_SERVER,        /* any other platform error */
} HccError;

GQuark       hcc_error_quark              (void);

/* The platform's own code ("VMS038027"), kept with every error made from a
 * platform reply, or NULL. */
const char  *hcc_error_get_platform_code  (const GError  *error);

/* Added by the client core (additive): */

/* The domain code a platform code ("VMS038027", "thd_isapi_0x6000601A ")
 * maps to; unknown codes are HCC_ERROR_SERVER. */
HccError     hcc_error_code_from_platform (const char    *platform_code);
/* Platform codes compared trimmed and case-insensitively. */
gboolean     hcc_error_code_equal         (const char    *a,
                                           const char    *b);
/* An error for a platform failure: a human, translated message for the codes
 * a front desk meets, the platform's own text otherwise. (transfer full) */
GError      *hcc_error_new_platform       (const char    *platform_code,
                                           const char    *platform_message);
/* An error of the given kind that keeps @platform_code (nullable). */
GError      *hcc_error_new_with_code      (HccError       kind,
                                           const char    *platform_code,
                                           const char    *message);
/* Whether retrying (a read) may help: transport, timeout, rate limit and the
 * platform's transient codes. */
gboolean     hcc_error_is_transient       (const GError  *error);
/* How a failure reads to the person at the desk, whichever layer raised it
 * (libhcc, GIO, the resolver, TLS): the server cannot be reached; its
 * certificate was refused; the keys were refused. */
gboolean     hcc_error_is_unreachable     (const GError  *error);
gboolean     hcc_error_is_tls             (const GError  *error);
gboolean     hcc_error_is_keys_refused    (const GError  *error);
/* Per-item failures inside a successful reply (operationResult[],
 * failedResultList[]...): FALSE with an error when @item carries an
 * errorCode (or code) other than "0"/"" (catalogue §13.4). */
gboolean     hcc_error_check_item         (JsonObject    *item,
                                           GError       **error);

/* Added by client-quality (additive): */

/* An error of the given kind about one request field: @field is the JSON
 * name of the field ("firstName", "openCount"...), nullable; @message is
 * the translated sentence for the user. (transfer full) */
GError      *hcc_error_new_for_field      (HccError       kind,
                                           const char    *field,
                                           const char    *message);
/* Names the request field @error is about (or none, with NULL), e.g. on a
 * platform refusal whose code belongs to one field. Only HCC_ERROR errors
 * carry a field; others are left alone. */
void         hcc_error_set_field          (GError        *error,
                                           const char    *field);
/* The request field an error is about, so a form can show the message next
 * to it; NULL when the error names no field or is not an HCC_ERROR. Kept by
 * g_error_copy(), g_propagate_error() and g_prefix_error(). */
const char  *hcc_error_get_field          (const GError  *error);

G_END_DECLS
