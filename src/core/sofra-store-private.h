/* sofra-store-private.h — what the store's sibling files share
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
};

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

/* Revisions: "N-<32 hex>". */
gboolean sofra_rev_parse (const char *rev, gint64 *pos, const char **hash);
char    *sofra_rev_make (const char *parent_rev, gboolean deleted, const char *canonical_body);

/* Adds @chain (revisions oldest first; the last is the new leaf, whose body is @body) under
 * @parent (NULL for a root or a stemmed history), then recomputes the winner, writes the docs
 * row and gives it a new sequence. Runs inside the caller's transaction. *changed tells
 * whether anything was new. */
gboolean sofra_store_add_revisions (SofraStore *self,
                                    const char *id,
                                    const char *type,
                                    const char *parent,
                                    GPtrArray  *chain,
                                    gboolean    deleted,
                                    const char *body,
                                    gboolean   *changed,
                                    GError    **error);

G_END_DECLS
