/* sofra-sync-secret.h — the sync password in the keyring (libsecret), never anywhere else
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schema "org.sofra.Sofra.Sync", attributes "server" (the server address as the person typed
 * it, without a trailing '/') and "user". The label shown by the keyring is
 * "Sofra sync: USER at SERVER". Errors are libsecret's or G_IO_ERROR (no keyring running).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Stores (or replaces) the password for @user on @server. */
gboolean sofra_sync_secret_store (const char   *server,
                                  const char   *user,
                                  const char   *password,
                                  GCancellable *cancellable,
                                  GError      **error);
/* The password, or NULL: with *error set when the keyring could not be asked, with no error
 * when it holds none. Free with sofra_sync_secret_free(). */
char *sofra_sync_secret_lookup (const char   *server,
                                const char   *user,
                                GCancellable *cancellable,
                                GError      **error);
/* Removes the password; TRUE also when there was none. */
gboolean sofra_sync_secret_clear (const char   *server,
                                  const char   *user,
                                  GCancellable *cancellable,
                                  GError      **error);
/* Wipes and frees a password from sofra_sync_secret_lookup(_finish). NULL is fine. */
void sofra_sync_secret_free (char *password);

/* The same, without blocking a window's main loop. */
void     sofra_sync_secret_store_async (const char         *server,
                                        const char         *user,
                                        const char         *password,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean sofra_sync_secret_store_finish (GAsyncResult *result, GError **error);
void     sofra_sync_secret_lookup_async (const char         *server,
                                         const char         *user,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
char    *sofra_sync_secret_lookup_finish (GAsyncResult *result, GError **error);
void     sofra_sync_secret_clear_async (const char         *server,
                                        const char         *user,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean sofra_sync_secret_clear_finish (GAsyncResult *result, GError **error);

G_END_DECLS
