/* sofra-sync-secret.c — the sync password in the keyring (libsecret), never anywhere else
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "sofra-sync-secret.h"

static const SecretSchema *
schema (void)
{
  static const SecretSchema the_schema = {
    "org.sofra.Sofra.Sync",
    SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &the_schema;
}

/* The server address without trailing '/', so "https://x/" and "https://x" are one entry. */
static char *
server_key (const char *server)
{
  char *key = g_strdup (server ? server : "");
  gsize len = strlen (key);

  while (len > 0 && key[len - 1] == '/')
    key[--len] = '\0';
  return key;
}

static char *
label (const char *server, const char *user)
{
  /* Translators: the name of a password in the keyring; %1$s is a user name, %2$s a server. */
  return g_strdup_printf (_ ("Sofra sync: %1$s at %2$s"), user, server);
}

gboolean
sofra_sync_secret_store (const char   *server,
                         const char   *user,
                         const char   *password,
                         GCancellable *cancellable,
                         GError      **error)
{
  g_autofree char *key = server_key (server);
  g_autofree char *text = label (key, user);

  g_return_val_if_fail (user != NULL && password != NULL, FALSE);
  return secret_password_store_sync (schema (), SECRET_COLLECTION_DEFAULT, text, password,
                                     cancellable, error, "server", key, "user", user, NULL);
}

char *
sofra_sync_secret_lookup (const char   *server,
                          const char   *user,
                          GCancellable *cancellable,
                          GError      **error)
{
  g_autofree char *key = server_key (server);

  g_return_val_if_fail (user != NULL, NULL);
  return secret_password_lookup_sync (schema (), cancellable, error, "server", key, "user", user,
                                      NULL);
}

gboolean
sofra_sync_secret_clear (const char   *server,
                         const char   *user,
                         GCancellable *cancellable,
                         GError      **error)
{
  g_autofree char *key = server_key (server);
  GError          *local_error = NULL;

  g_return_val_if_fail (user != NULL, FALSE);
  secret_password_clear_sync (schema (), cancellable, &local_error, "server", key, "user", user,
                              NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

void
sofra_sync_secret_free (char *password)
{
  secret_password_free (password);
}

static void
on_stored (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sofra_sync_secret_store_async (const char         *server,
                               const char         *user,
                               const char         *password,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  GTask           *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *key = server_key (server);
  g_autofree char *text = label (key, user);

  secret_password_store (schema (), SECRET_COLLECTION_DEFAULT, text, password, cancellable,
                         on_stored, task, "server", key, "user", user, NULL);
}

gboolean
sofra_sync_secret_store_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_looked_up (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  GError *error = NULL;
  char   *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

void
sofra_sync_secret_lookup_async (const char         *server,
                                const char         *user,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  GTask           *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *key = server_key (server);

  secret_password_lookup (schema (), cancellable, on_looked_up, task, "server", key, "user", user,
                          NULL);
}

char *
sofra_sync_secret_lookup_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_cleared (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
sofra_sync_secret_clear_async (const char         *server,
                               const char         *user,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  GTask           *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *key = server_key (server);

  secret_password_clear (schema (), cancellable, on_cleared, task, "server", key, "user", user,
                         NULL);
}

gboolean
sofra_sync_secret_clear_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
