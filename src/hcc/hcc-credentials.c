/* hcc-credentials.c: the app key and secret key, from the environment or the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SK is a password (catalogue §13.3): it lives in the desktop keyring,
 * never in a settings file or a log line. The AK is stored as an attribute
 * next to it, like a user name.
 */

#define G_LOG_DOMAIN "hcc-credentials"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "hcc-credentials.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    HCC_CREDENTIALS_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "app-key", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

typedef struct {
  char *app_key;
  char *secret_key;
} Keys;

static void
keys_free (Keys *keys)
{
  g_free (keys->app_key);
  if (keys->secret_key != NULL)
    secret_password_free (keys->secret_key);
  g_free (keys);
}

gboolean
hcc_credentials_from_environment (char **app_key,
                                  char **secret_key)
{
  const char *ak = g_getenv ("HCC_APP_KEY");
  const char *sk = g_getenv ("HCC_SECRET_KEY");

  if (ak == NULL || *ak == '\0' || sk == NULL || *sk == '\0')
    return FALSE;

  if (app_key != NULL)
    *app_key = g_strdup (ak);
  if (secret_key != NULL)
    *secret_key = g_strdup (sk);
  return TRUE;
}

static void
retrieved_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Keys *keys = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SecretValue *value;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (source), result, &error);
  if (value == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  keys->secret_key = g_strdup (secret_value_get_text (value));
  secret_value_unref (value);
  g_task_return_boolean (task, TRUE);
}

static void
searched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Keys *keys = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GCancellable *cancellable;
  GList *items;
  SecretRetrievable *item;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (items == NULL)
    {
      g_debug ("No keys stored for this server");
      g_task_return_boolean (task, TRUE);
      return;
    }

  item = items->data;
  attributes = secret_retrievable_get_attributes (item);
  keys->app_key = g_strdup (g_hash_table_lookup (attributes, "app-key"));
  /* Read the cancellable before the task is handed over: argument
   * evaluation order is unspecified. */
  cancellable = g_task_get_cancellable (task);
  secret_retrievable_retrieve_secret (item, cancellable, retrieved_cb, g_steal_pointer (&task));
  g_list_free_full (items, g_object_unref);
}

void
hcc_credentials_lookup_async (const char          *server,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Keys *keys;

  g_return_if_fail (server != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_credentials_lookup_async);
  keys = g_new0 (Keys, 1);
  g_task_set_task_data (task, keys, (GDestroyNotify) keys_free);

  /* Provisioned machines and tests set the keys in the environment. */
  if (hcc_credentials_from_environment (&keys->app_key, &keys->secret_key))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  secret_password_search (get_schema (), SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                          cancellable, searched_cb, g_steal_pointer (&task),
                          "server", server,
                          NULL);
}

gboolean
hcc_credentials_lookup_finish (GAsyncResult  *result,
                               char         **app_key,
                               char         **secret_key,
                               GError       **error)
{
  Keys *keys;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_credentials_lookup_async,
                        FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  keys = g_task_get_task_data (G_TASK (result));
  if (app_key != NULL)
    *app_key = g_strdup (keys->app_key);
  if (secret_key != NULL)
    *secret_key = g_strdup (keys->secret_key);
  return TRUE;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
cleared_before_store_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  char **keys = g_task_get_task_data (task);

  /* A missing old item is fine; any other failure shows up in the store. */
  secret_password_clear_finish (result, &error);

  label = g_strdup_printf (_("Hik-Connect for Teams keys for %s"), keys[0]);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, keys[2],
                         g_task_get_cancellable (task), stored_cb, g_object_ref (task),
                         "server", keys[0],
                         "app-key", keys[1],
                         NULL);
}

static void
wipe_strv (char **keys)
{
  if (keys[2] != NULL)
    secret_password_wipe (keys[2]);
  g_strfreev (keys);
}

void
hcc_credentials_store_async (const char          *server,
                             const char          *app_key,
                             const char          *secret_key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char **keys;

  g_return_if_fail (server != NULL);
  g_return_if_fail (app_key != NULL);
  g_return_if_fail (secret_key != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_credentials_store_async);
  keys = g_new0 (char *, 4);
  keys[0] = g_strdup (server);
  keys[1] = g_strdup (app_key);
  keys[2] = g_strdup (secret_key);
  g_task_set_task_data (task, keys, (GDestroyNotify) wipe_strv);

  /* One item per server: replace keys stored under an older AK. */
  secret_password_clear (get_schema (), cancellable, cleared_before_store_cb,
                         g_steal_pointer (&task),
                         "server", server,
                         NULL);
}

gboolean
hcc_credentials_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_credentials_store_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
hcc_credentials_clear_async (const char          *server,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (server != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hcc_credentials_clear_async);

  secret_password_clear (get_schema (), cancellable, cleared_cb, g_steal_pointer (&task),
                         "server", server,
                         NULL);
}

gboolean
hcc_credentials_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hcc_credentials_clear_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
