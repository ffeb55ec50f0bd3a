/* hcc-error.h: the errors of the platform client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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

G_END_DECLS
