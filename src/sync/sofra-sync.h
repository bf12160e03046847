/* sofra-sync.h — SofraSyncer: replicates a store with a CouchDB database, push then pull
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SofraSyncer per (store, server, database, user). sofra_syncer_run_async() pushes the
 * local changes since the push checkpoint, then pulls the server's changes since the pull
 * checkpoint, with CouchDB's replication protocol (checkpoints in _local/ on both sides, so
 * an interrupted run resumes). It runs on the thread-default main context of the caller, the
 * store's thread; all properties change and all signals are emitted there.
 *
 * Errors are SOFRA_SYNC_ERROR (below), G_IO_ERROR_CANCELLED when cancelled, or
 * SOFRA_STORE_ERROR when the local database failed. The messages are translated and say what
 * a person can do.
 */
#pragma once

#include <gio/gio.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_SYNC_ERROR (sofra_sync_error_quark ())

typedef enum
{
  SOFRA_SYNC_ERROR_INVALID_CONFIG, /* the address, database name or user is not usable */
  SOFRA_SYNC_ERROR_UNAUTHORIZED,   /* 401: wrong user name or password */
  SOFRA_SYNC_ERROR_FORBIDDEN,      /* 403: the user may not read or write this database */
  SOFRA_SYNC_ERROR_NOT_FOUND,      /* 404: no such database on the server */
  SOFRA_SYNC_ERROR_UNREACHABLE,    /* no connection, name not found, timed out */
  SOFRA_SYNC_ERROR_CERTIFICATE,    /* TLS certificate not trusted; see get_peer_fingerprint */
  SOFRA_SYNC_ERROR_SERVER,         /* 5xx or another unexpected status */
  SOFRA_SYNC_ERROR_BAD_RESPONSE,   /* not JSON, truncated, or not what the protocol says */
  SOFRA_SYNC_ERROR_BUSY,           /* a run of this syncer is already going on */
} SofraSyncError;

typedef enum
{
  SOFRA_SYNC_STATE_IDLE,       /* not running */
  SOFRA_SYNC_STATE_CONNECTING, /* logging in, reading the database and the checkpoints */
  SOFRA_SYNC_STATE_PUSHING,    /* sending this laptop's changes */
  SOFRA_SYNC_STATE_PULLING,    /* receiving the server's changes */
} SofraSyncState;

/* What the last finished run did (successful or not). */
typedef struct
{
  guint  docs_pushed;  /* revisions written to the server */
  guint  docs_pulled;  /* revisions written to this store */
  guint  docs_skipped; /* pulled documents the store refused (each logged with g_message) */
  guint  requests;     /* HTTP requests made */
  gint64 duration_us;
  gint64 push_us; /* of which pushing (from reading the checkpoints to the last one written) */
  gint64 pull_us; /* and pulling */
} SofraSyncReport;

#define SOFRA_TYPE_SYNCER (sofra_syncer_get_type ())
G_DECLARE_FINAL_TYPE (SofraSyncer, sofra_syncer, SOFRA, SYNCER, GObject)

/* Properties (all readable; notify:: is emitted on change, on the store's thread):
 *   "store"            SofraStore*    construct-only
 *   "server-url"       char*          construct-only, e.g. "https://sync.example.org:6984"
 *   "database"         char*          construct-only
 *   "user"             char*          construct-only, may be NULL (no authentication)
 *   "password"         char*          write-only (sofra_syncer_set_password)
 *   "trusted-fingerprint" char*       SHA-256 of a certificate to accept although not trusted
 *   "state"            int            a SofraSyncState
 *   "docs-done"        guint          progress of the running phase
 *   "docs-total"       guint          0 while not known
 *   "pending-changes"  guint          local changes not yet pushed (private notes excluded);
 *                                     kept current as the store changes
 *   "last-sync"        gint64         unix time (seconds, UTC) of the last run that finished
 *                                     with success for this server and database; 0 for never.
 *                                     Kept in the store, so it survives a restart.
 */

GQuark sofra_sync_error_quark (void);

/* @server_url: http:// or https:// with an optional port and path prefix; @user NULL or ""
 * for a server without authentication; @password may be NULL. Never fails: a bad address is
 * reported by the run, as SOFRA_SYNC_ERROR_INVALID_CONFIG. */
SofraSyncer *sofra_syncer_new (SofraStore *store,
                               const char *server_url,
                               const char *database,
                               const char *user,
                               const char *password);

void sofra_syncer_set_password (SofraSyncer *self, const char *password);

/* Accepts the server's certificate when its SHA-256 fingerprint is @fingerprint (hex, with or
 * without ':' separators, any case), even if no authority vouches for it: an office's own
 * self-signed certificate. NULL accepts only certificates the system trusts. */
void        sofra_syncer_set_trusted_fingerprint (SofraSyncer *self, const char *fingerprint);
const char *sofra_syncer_get_trusted_fingerprint (SofraSyncer *self);
/* After a SOFRA_SYNC_ERROR_CERTIFICATE error: the SHA-256 fingerprint of the certificate the
 * server presented, "AB:CD:…" (32 pairs), for the person to compare and trust; else NULL. */
const char *sofra_syncer_get_peer_fingerprint (SofraSyncer *self);

/* Seconds each request may take before the run fails as unreachable; 0 for the default
 * (SOFRA_SYNC_TIMEOUT_SECONDS). */
void sofra_syncer_set_timeout (SofraSyncer *self, guint seconds);

SofraStore    *sofra_syncer_get_store (SofraSyncer *self);
const char    *sofra_syncer_get_server_url (SofraSyncer *self);
const char    *sofra_syncer_get_database (SofraSyncer *self);
const char    *sofra_syncer_get_user (SofraSyncer *self);
SofraSyncState sofra_syncer_get_state (SofraSyncer *self);
gboolean       sofra_syncer_is_running (SofraSyncer *self);
guint          sofra_syncer_get_docs_done (SofraSyncer *self);
guint          sofra_syncer_get_docs_total (SofraSyncer *self);
guint          sofra_syncer_get_pending_changes (SofraSyncer *self);
gint64         sofra_syncer_get_last_sync (SofraSyncer *self);
/* The report of the last finished run (zeros before the first). */
const SofraSyncReport *sofra_syncer_get_report (SofraSyncer *self);

/* Push, then pull. Only one run at a time per syncer (SOFRA_SYNC_ERROR_BUSY). Cancelling
 * stops between requests and at the next write; everything written so far stays, and the
 * next run resumes from the checkpoints. */
void     sofra_syncer_run_async (SofraSyncer        *self,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data);
gboolean sofra_syncer_run_finish (SofraSyncer *self, GAsyncResult *result, GError **error);

/* Runs sofra_syncer_run_async() to its end in a main loop of its own (for the CLI, tests). */
gboolean sofra_syncer_run (SofraSyncer *self, GCancellable *cancellable, GError **error);

G_END_DECLS
