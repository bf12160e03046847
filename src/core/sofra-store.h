/* sofra-store.h — the document store: one SQLite file, documents with revision trees
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SOFRA_STORE_ERROR (sofra_store_error_quark ())

typedef enum
{
  SOFRA_STORE_ERROR_INVALID,        /* the document breaks a rule; nothing was written */
  SOFRA_STORE_ERROR_NOT_FOUND,      /* no such document (or it is deleted) */
  SOFRA_STORE_ERROR_CONFLICT,       /* the given _rev is not the current one */
  SOFRA_STORE_ERROR_TOO_LARGE,      /* the document is larger than SOFRA_STORE_MAX_DOC_SIZE */
  SOFRA_STORE_ERROR_NOT_A_DATABASE, /* the file is not a Sofra database */
  SOFRA_STORE_ERROR_TOO_NEW,        /* made by a newer Sofra than this one */
  SOFRA_STORE_ERROR_CORRUPT,        /* SQLite reports damage */
  SOFRA_STORE_ERROR_IO,             /* cannot read or write the file */
} SofraStoreError;

/* One megabyte of canonical JSON; CouchDB's default max_document_size is 8 MB, ours is
 * smaller because every record is text typed by a person. */
#define SOFRA_STORE_MAX_DOC_SIZE (1024 * 1024)

#define SOFRA_TYPE_STORE (sofra_store_get_type ())
G_DECLARE_FINAL_TYPE (SofraStore, sofra_store, SOFRA, STORE, GObject)

/* Signals: "changed" (const char *id, const char *type), after every committed write; after a
 * batch (sofra_store_begin … commit) once, with NULL id and type. */

GQuark sofra_store_error_quark (void);

/* Opens (or creates, mode 0600) the database at @path. Never overwrites a file that is not a
 * Sofra database, nor one made by a newer schema. */
SofraStore *sofra_store_open (const char *path, GError **error);
char       *sofra_store_default_path (void);
const char *sofra_store_get_path (SofraStore *self);
const char *sofra_store_get_uuid (SofraStore *self);
int         sofra_store_get_schema_version (SofraStore *self);
int         sofra_store_get_latest_schema_version (void);

/* Who is writing: stamped on every local write as updated_by / office. */
void sofra_store_set_author (SofraStore *self, const char *staff_name, const char *office_id);

/* The one local write path. @doc must have "type"; "_id" is made ("type:uuid") when absent;
 * "_rev" must be the current winning revision when the document exists. The store stamps
 * created_at / updated_at / updated_by / office, validates, gives the new revision and writes
 * everything in one transaction. On success @doc holds the new _id and _rev. A record keeps
 * the office that created it (its owner) and its creation time: edits to those are ignored. */
gboolean sofra_store_put (SofraStore *self, JsonObject *doc, GError **error);
/* A new document id, "type:<UUID version 7>": time-ordered (as CouchDB's default "sequential"
 * uuids), so new documents go at the end of the id index instead of all over it. */
char *sofra_store_make_id (const char *type);
/* Deletes (leaves a tombstone). @rev may be NULL to delete the current winner, or one of
 * sofra_store_get_conflicts() to delete that losing branch (resolving the conflict). */
gboolean sofra_store_delete (SofraStore *self, const char *id, const char *rev, GError **error);
/* Deletes all of @ids, or none of them. */
gboolean sofra_store_delete_all (SofraStore *self, const char *const *ids, GError **error);
/* Restores the body a deleted document had before its deletion (for Undo). */
gboolean sofra_store_undelete (SofraStore *self, const char *id, GError **error);
/* Restores all of @ids, in their order (a record before those that point to it), or none. */
gboolean sofra_store_undelete_all (SofraStore *self, const char *const *ids, GError **error);
/* Parses one document from outside (a file, a server): SOFRA_STORE_ERROR_INVALID when the
 * text is not a JSON object. */
JsonObject *sofra_store_parse_doc (const char *text, gssize length, GError **error);
/* The winning revision (with _id, _rev), or NULL with NOT_FOUND when absent or deleted. */
JsonObject *sofra_store_get (SofraStore *self, const char *id, GError **error);
/* A specific revision, deleted or not; with @revisions the _revisions history is added. */
JsonObject *sofra_store_get_revision (SofraStore *self,
                                      const char *id,
                                      const char *rev,
                                      gboolean    revisions,
                                      GError    **error);
/* The non-winning, non-deleted leaves, newest first; NULL-terminated, never NULL. */
char **sofra_store_get_conflicts (SofraStore *self, const char *id);

/* Replication write (new_edits=false): stores @doc at the revision it carries, with the
 * ancestry in "_revisions"; documents of unknown types are kept untouched. */
gboolean sofra_store_put_replicated (SofraStore *self, JsonObject *doc, GError **error);
/* Of @revs for @id, those this store does not have (NULL-terminated, maybe empty). */
char **sofra_store_revs_diff (SofraStore *self, const char *id, const char *const *revs);

/* Grouping many writes into one transaction; each write still succeeds or fails alone. */
gboolean sofra_store_begin (SofraStore *self, GError **error);
gboolean sofra_store_commit (SofraStore *self, GError **error);
void     sofra_store_rollback (SofraStore *self);

/* The changes feed: each document once, at its latest sequence. */
typedef gboolean (*SofraChangeFunc) (const char *id,
                                     const char *rev,
                                     gboolean    deleted,
                                     gint64      seq,
                                     gpointer    user_data);
gint64   sofra_store_get_update_seq (SofraStore *self);
gboolean sofra_store_foreach_change (SofraStore     *self,
                                     gint64          since,
                                     guint           limit,
                                     SofraChangeFunc func,
                                     gpointer        user_data,
                                     GError        **error);

/* All winning, non-deleted documents in _id order (for export); func returns FALSE to stop. */
typedef gboolean (*SofraDocFunc) (JsonObject *doc, gpointer user_data);
gboolean sofra_store_foreach_doc (SofraStore  *self,
                                  const char  *type,
                                  SofraDocFunc func,
                                  gpointer     user_data,
                                  GError     **error);

/* Non-deleted documents of @type whose top-level @field equals @value (string), or whose
 * array @field contains it. Returned as JsonObjects, ordered by _id. */
GPtrArray *sofra_store_find (SofraStore *self,
                             const char *type,
                             const char *field,
                             const char *value,
                             GError    **error);
guint      sofra_store_count (SofraStore *self, const char *type);

/* _local documents: never in the changes feed, never replicated. */
JsonObject *sofra_store_get_local (SofraStore *self, const char *id);
gboolean sofra_store_put_local (SofraStore *self, const char *id, JsonObject *body, GError **error);

/* PRAGMA integrity_check plus the store's own invariants; @report gets one line per problem. */
gboolean sofra_store_check (SofraStore *self, GString *report, GError **error);

/* Seeds the gazetteer's places (fixed ids, fixed first revisions) if absent. */
gboolean sofra_store_seed_places (SofraStore *self, GError **error);

/* Raw handle for the lazy list models in core (sqlite3 *). */
gpointer sofra_store_get_db (SofraStore *self);

G_END_DECLS
