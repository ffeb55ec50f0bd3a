/* hcc-credentials.h: the app key and secret key, from the environment or the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HCC_CREDENTIALS_SCHEMA_NAME "io.github.hccdesk.Concierge.Credentials"

/* HCC_APP_KEY and HCC_SECRET_KEY (provisioning, tests); FALSE unless both
 * are set and not empty. */
gboolean  hcc_credentials_from_environment (char               **app_key,
                                            char               **secret_key);

/* The keys for @server (the configured base URL): from the environment when
 * set there, else from the keyring (libsecret; the SK is the secret, the AK
 * an attribute). Finishes with TRUE and NULL keys when none are stored. */
void      hcc_credentials_lookup_async     (const char          *server,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  hcc_credentials_lookup_finish    (GAsyncResult        *result,
                                            char               **app_key,
                                            char               **secret_key,
                                            GError             **error);

void      hcc_credentials_store_async      (const char          *server,
                                            const char          *app_key,
                                            const char          *secret_key,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  hcc_credentials_store_finish     (GAsyncResult        *result,
                                            GError             **error);

void      hcc_credentials_clear_async      (const char          *server,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  hcc_credentials_clear_finish     (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
