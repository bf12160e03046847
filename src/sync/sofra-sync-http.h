/* sofra-sync-http.h — JSON requests to one CouchDB database: auth, timeouts, plain errors
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  SOFRA_HTTP_ALLOW_NOT_FOUND = 1 << 0,   /* a 404 is an answer, not an error */
  SOFRA_HTTP_ALLOW_CONFLICT = 1 << 1,    /* a 409 is an answer */
  SOFRA_HTTP_ALLOW_DENIED = 1 << 2,      /* a 401 or 403 is an answer (read-only source) */
  SOFRA_HTTP_ALLOW_BAD_REQUEST = 1 << 3, /* a 400, 405 or 501 is an answer (no _bulk_get) */
} SofraHttpFlags;

typedef struct _SofraSyncHttp SofraSyncHttp;

/* NULL with SOFRA_SYNC_ERROR_INVALID_CONFIG when @server_url or @database cannot be used. */
SofraSyncHttp *sofra_sync_http_new (const char *server_url,
                                    const char *database,
                                    const char *user,
                                    const char *password,
                                    const char *trusted_fingerprint,
                                    guint       timeout_seconds,
                                    GError    **error);
void           sofra_sync_http_free (SofraSyncHttp *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SofraSyncHttp, sofra_sync_http_free)

/* "http://host:port/prefix/db" without credentials: part of the replication id. */
const char *sofra_sync_http_get_database_url (SofraSyncHttp *self);
/* The SHA-256 fingerprint of the last certificate refused, "AB:CD:…", or NULL. */
const char *sofra_sync_http_get_peer_fingerprint (SofraSyncHttp *self);
guint       sofra_sync_http_get_requests (SofraSyncHttp *self);

/* One request to the database: @path is relative to it ("_changes?…", "" for the database
 * itself, "_local/x"). @body is JSON text or NULL. The answer's JSON is returned by _finish
 * (NULL for an empty body), with the HTTP status; a status not allowed by @flags, a transport
 * failure, a timeout or a body that is not JSON is a SOFRA_SYNC_ERROR. With a user name, the
 * first request logs in (POST /_session) and a 401 later logs in again once. */
void      sofra_sync_http_request_async (SofraSyncHttp      *self,
                                         const char         *method,
                                         const char         *path,
                                         GBytes             *body,
                                         SofraHttpFlags      flags,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
JsonNode *sofra_sync_http_request_finish (SofraSyncHttp *self,
                                          GAsyncResult  *result,
                                          guint         *status,
                                          GError       **error);

/* The JSON text of @node as GBytes, for a request body. */
GBytes *sofra_sync_json_bytes (JsonNode *node);

/* Escapes a document id for a URL path ("_design/x" and "_local/x" keep their slash). */
char *sofra_sync_escape_id (const char *id);

G_END_DECLS
