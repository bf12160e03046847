/* sofra-store-private.h — what the store's sibling files share
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "sofra-store.h"

G_BEGIN_DECLS

struct _SofraStore
{
  GObject parent_instance;

  sqlite3    *db;
  char       *path;
  char       *uuid;
  char       *staff_name;
  char       *office_id;
  GHashTable *statements; /* sql → sqlite3_stmt */
  int         schema_version;
  gboolean    in_batch;
  gboolean    batch_changed;
  gboolean    batch_failed;  /* a write failed half-way: the batch can only roll back */
  gint64      next_seq;      /* valid inside a write transaction */
  GHashTable *live_ids;      /* inside a batch: ids known to be live, for reference checks */
  GHashTable *search_places; /* place id → its names (sofra-search-index.c) */
  GHashTable *search_terms;  /* words known to be in search_terms in this transaction */
  gboolean    search_ready;  /* the search functions are registered on db */
  gboolean    erase_pending; /* this transaction erased someone: forget the traces after it */
};

/* A document's row: the winner, and its revision tree when it has more than one revision. */
typedef struct
{
  gint64   seq; /* 0 when the document does not exist */
  char    *type;
  char    *rev;
  gboolean deleted;
  char    *body;
  char    *tree;
} SofraDocRow;

void sofra_doc_row_clear (SofraDocRow *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SofraDocRow, sofra_doc_row_clear)
gboolean sofra_store_read_row (SofraStore *self, const char *id, SofraDocRow *row, GError **error);

/* The revision tree of a row, read-only questions. */
gboolean sofra_rev_tree_has (const SofraDocRow *row, const char *rev, gboolean *deleted);
char    *sofra_rev_tree_parent (const SofraDocRow *row, const char *rev);
/* Non-deleted leaves other than the winner, best first. */
char **sofra_rev_tree_conflicts (const SofraDocRow *row);
/* {"start": N, "ids": [...]} for @rev, or NULL when the tree does not hold it. */
JsonObject *sofra_rev_tree_history (const SofraDocRow *row, const char *rev);
/* NULL when @row's tree is consistent; otherwise what is wrong. */
char *sofra_rev_tree_check (const SofraDocRow *row);
/* The body kept for a revision that is not the winner (a conflict, or the parent of a
 * deletion), or NULL. */
char *sofra_store_read_rev_body (SofraStore *self, const char *id, const char *rev);

/* Drops the kept bodies of @id's earlier revisions (sofra-store-sync.c, after an erasure). */
gboolean sofra_store_purge_kept_bodies (SofraStore *self, const char *id, GError **error);
void     sofra_store_forget_erased (SofraStore *self);

gboolean sofra_store_write_begin (SofraStore *self, GError **error);
gboolean sofra_store_write_end (SofraStore *self,
                                gboolean    ok,
                                gboolean    changed,
                                const char *id,
                                const char *type,
                                GError    **error);
void     sofra_store_emit_changed (SofraStore *self, const char *id, const char *type);

sqlite3_stmt *sofra_store_stmt (SofraStore *self, const char *sql, GError **error);
gboolean      sofra_store_sql_error (SofraStore *self, int rc, GError **error);
gboolean      sofra_store_exec (SofraStore *self, const char *sql, GError **error);

/* {"_id", "_rev", [_deleted], …body} from a stored row. */
JsonObject *sofra_store_make_doc (const char *id,
                                  const char *rev,
                                  gboolean    deleted,
                                  const char *body,
                                  GError    **error);
gboolean    sofra_store_doc_is_live (SofraStore *self, const char *id);
gboolean    sofra_store_check_size (const char *body, GError **error);

/* Revisions: "N-<32 hex>". */
gboolean sofra_rev_parse (const char *rev, gint64 *pos, const char **hash);
char    *sofra_rev_make (const char *parent_rev, gboolean deleted, const char *canonical_body);

/* Adds @chain (revisions oldest first; the last is the new leaf, whose body is @body and
 * whose document is @doc) to @current (the row as read in this transaction; seq 0 when new),
 * the first under @parent (NULL for a root or a stemmed history); then recomputes the winner
 * and writes the row with a new sequence. Runs inside the caller's transaction; *changed tells
 * whether anything was new. */
gboolean sofra_store_add_revisions (SofraStore        *self,
                                    const char        *id,
                                    const char        *type,
                                    const SofraDocRow *current,
                                    const char        *parent,
                                    GPtrArray         *chain,
                                    gboolean           deleted,
                                    const char        *body,
                                    JsonObject        *doc,
                                    gboolean          *changed,
                                    GError           **error);

G_END_DECLS
