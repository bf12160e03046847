/* sofra-sync-private.h — what the replicator's files share: a run and its two directions
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run is push, then pull. Each direction is a small pipeline: a source stage that produces
 * batches (push: local changes and their _revs_diff; pull: the server's _changes), at most
 * two ahead, and a sink stage that writes one batch at a time (push: _bulk_docs; pull:
 * _bulk_get and the store), after which the checkpoint is written, target first, then source.
 * The next batch is fetched while one is written.
 */
#pragma once

#include "sofra-store-sync.h"
#include "sofra-sync-http.h"
#include "sofra-sync.h"

G_BEGIN_DECLS

/* Changes per batch: CouchDB's replicator uses 500. */
#define SOFRA_SYNC_BATCH 500
/* A _bulk_docs request is cut before it grows beyond this many bytes (a proxy in front of
 * the server, such as nginx, refuses 1 MiB by default); a larger document goes alone. */
#define SOFRA_SYNC_MAX_REQUEST_BYTES (900 * 1024)
/* Microseconds between two checkpoint writes to the server within a run; a run that is cut
 * off redoes at most this much (revs_diff makes the redo cheap). */
#define SOFRA_SYNC_CHECKPOINT_INTERVAL (2 * G_USEC_PER_SEC)
/* Entries of a checkpoint's session history. */
#define SOFRA_SYNC_HISTORY 5

typedef struct _SyncRun SyncRun;

typedef struct
{
  JsonNode   *last_seq;        /* where the source is after this batch */
  GPtrArray  *ids;             /* of char*: documents of this batch */
  GPtrArray  *revs;            /* of GStrv, parallel to ids: the leaves (pull) or missing (push) */
  guint       changes;         /* changes the batch covers (private ones included) */
  GHashTable *private_history; /* push: id → GStrv, the history of a note now private */
  GPtrArray  *tombstones;      /* push: of JsonObject, withdrawing notes made private */
} SyncBatch;

void sync_batch_free (SyncBatch *batch);

typedef struct
{
  SyncRun    *run;
  gboolean    push;
  JsonNode   *since;        /* the source's sequence to read from next */
  JsonObject *local_record; /* this direction's checkpoint record as read, or NULL */
  JsonObject *remote_record;
  GQueue      queue; /* of SyncBatch, ready for the sink */
  gboolean    source_busy;
  gboolean    source_done;
  gboolean    sink_busy;
  gboolean    checkpoint_busy;
  gboolean    checkpoint_retried;
  gboolean    checkpointed; /* a checkpoint was written in this run */
  gint64      checkpointed_at;
  JsonNode   *deferred_seq;   /* a checkpoint not yet written to the server */
  gboolean    records_agree;  /* both sides' records were written by the same session */
  JsonNode   *checkpoint_seq; /* to record once the one in flight is done */
  gboolean    remote_read_only;
  gboolean    no_bulk_get;
  guint       docs_done;
  guint       docs_total;
  void (*pump) (gpointer rep); /* push or pull's own scheduler */
} SyncDirection;

struct _SyncRun
{
  SofraSyncer    *syncer;
  SofraStore     *store;
  GTask          *task;
  GCancellable   *cancellable; /* cancelled on the first error and when the caller cancels */
  gulong          caller_handler;
  SofraSyncHttp  *http;
  GError         *error;
  guint           pending;       /* async operations out */
  char           *checkpoint_id; /* "_local/<replication id>" */
  char           *session_id;
  char           *remote_rev; /* of the remote checkpoint document */
  JsonObject     *remote_doc; /* the remote checkpoint document as last read or written */
  JsonObject     *local_doc;
  SyncDirection  *direction;
  gint64          started;
  SofraSyncReport report;
};

/* The replication id's document, for a store and a database URL. */
char *sofra_sync_checkpoint_id (SofraStore *store, const char *database_url);

/* sofra-sync-run.c */
void     sofra_sync_run_start (SofraSyncer *syncer, SofraSyncHttp *http, GTask *task);
void     sync_run_fail (SyncRun *run, GError *error); /* takes @error; the first one wins */
gboolean sync_run_failed (SyncRun *run);
void     sync_run_hold (SyncRun *run);
void     sync_run_release (SyncRun *run); /* the last release finishes the step */
/* Records that the source was read up to @seq and everything before is on the target: at once
 * the first time, then at most every SOFRA_SYNC_CHECKPOINT_INTERVAL (the store's own record of
 * a pull each time), and always at the end of the direction. */
void     sync_direction_checkpoint (SyncDirection *dir, JsonNode *seq);
void     sync_direction_progress (SyncDirection *dir, guint docs);
gboolean sync_direction_finished (SyncDirection *dir);
/* A pulled batch took the store from sequence @before to @after: when everything before had
 * been pushed, so has this (it came from the server), and the push record moves on. */
void sync_run_note_pulled (SyncRun *run, gint64 before, gint64 after);

/* sofra-sync-push.c, sofra-sync-pull.c */
void sync_push_pump (gpointer dir);
void sync_pull_pump (gpointer dir);

/* sofra-sync.c */
void sofra_syncer_set_progress (SofraSyncer *self, SofraSyncState state, guint done, guint total);
void sofra_syncer_run_ended (SofraSyncer *self, SyncRun *run);

G_END_DECLS
