/* sofra-store-sync.c — what the store offers replication: privacy, erasure, pending changes
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-store-private.h"
#include "sofra-store-sync.h"

/* A note is private when its winner says so, or when it is deleted and the body kept from
 * before its deletion said so (a tombstone holds only the type). */
#define PRIVATE_SQL                                                                   \
  "(docs.type = 'note' AND (json_extract(docs.body, '$.visibility') = 'private'"      \
  " OR (docs.deleted AND EXISTS (SELECT 1 FROM rev_bodies r WHERE r.doc_id = docs.id" \
  " AND json_extract(r.body, '$.visibility') = 'private'))))"

gboolean
sofra_doc_is_private (JsonObject *doc)
{
  g_return_val_if_fail (doc != NULL, FALSE);

  return g_strcmp0 (json_object_get_string_member_with_default (doc, "type", NULL),
                    SOFRA_TYPE_NOTE) == 0 &&
         g_strcmp0 (json_object_get_string_member_with_default (doc, "visibility", NULL),
                    "private") == 0;
}

gboolean
sofra_doc_is_erased (JsonObject *doc)
{
  g_return_val_if_fail (doc != NULL, FALSE);

  return json_object_get_boolean_member_with_default (doc, "_deleted", FALSE) &&
         json_object_get_boolean_member_with_default (doc, "erased", FALSE);
}

guint
sofra_store_count_changes (SofraStore *self, gint64 since)
{
  sqlite3_stmt *stmt;
  guint         count = 0;

  g_return_val_if_fail (SOFRA_IS_STORE (self), 0);

  stmt = sofra_store_stmt (self, "SELECT count(*) FROM docs WHERE seq > ?1 AND NOT " PRIVATE_SQL,
                           NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, since);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* The leaves of a row's tree ("<rev>\t<parent index>\t<deleted>" lines), the winner first. */
static char **
row_leaves (const char *winner, const char *tree)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) lines = NULL;
  g_autofree gboolean *parent = NULL;
  guint                n;

  g_strv_builder_add (builder, winner);
  if (tree == NULL)
    return g_strv_builder_end (builder);
  lines = g_strsplit (tree, "\n", -1);
  n = g_strv_length (lines);
  parent = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      const char *tab = strchr (lines[i], '\t');
      gint64      p = tab ? g_ascii_strtoll (tab + 1, NULL, 10) : -1;

      if (p >= 0 && p < (gint64) n)
        parent[p] = TRUE;
    }
  for (guint i = 0; i < n; i++)
    {
      const char      *tab = strchr (lines[i], '\t');
      g_autofree char *rev = NULL;

      if (tab == NULL || parent[i])
        continue;
      rev = g_strndup (lines[i], tab - lines[i]);
      if (!g_str_equal (rev, winner))
        g_strv_builder_add (builder, rev);
    }
  return g_strv_builder_end (builder);
}

gboolean
sofra_store_foreach_sync_change (SofraStore         *self,
                                 gint64              since,
                                 guint               limit,
                                 SofraSyncChangeFunc func,
                                 gpointer            user_data,
                                 GError            **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = sofra_store_stmt (self,
                           "SELECT seq, id, rev, tree, " PRIVATE_SQL
                           " FROM docs WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto (GStrv) leaves = row_leaves ((const char *) sqlite3_column_text (stmt, 2),
                                          (const char *) sqlite3_column_text (stmt, 3));

      if (!func ((const char *) sqlite3_column_text (stmt, 1), (const char *const *) leaves,
                 sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 4) != 0, user_data))
        {
          sqlite3_reset (stmt);
          return TRUE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sofra_store_sql_error (self, rc, error);
  return TRUE;
}

/* Removes every kept body of @id but those of its leaves (a conflict whose tombstone has not
 * arrived yet, a deleted branch that may win later): what goes is the bodies of revisions
 * that have children, the body Undo would bring back among them. */
gboolean
sofra_store_purge_kept_bodies (SofraStore *self, const char *id, GError **error)
{
  g_auto (SofraDocRow) row = { 0 };
  g_auto (GStrv) keep = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  self->erase_pending = TRUE;
  if (!sofra_store_read_row (self, id, &row, error))
    return FALSE;
  keep = row.seq != 0 ? row_leaves (row.rev, row.tree) : g_new0 (char *, 1);
  stmt = sofra_store_stmt (self, "SELECT rev FROM rev_bodies WHERE doc_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  {
    g_autoptr (GPtrArray) drop = g_ptr_array_new_with_free_func (g_free);

    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *rev = (const char *) sqlite3_column_text (stmt, 0);

        if (!g_strv_contains ((const char *const *) keep, rev))
          g_ptr_array_add (drop, g_strdup (rev));
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      return sofra_store_sql_error (self, rc, error);
    stmt = sofra_store_stmt (self, "DELETE FROM rev_bodies WHERE doc_id = ?1 AND rev = ?2", error);
    if (stmt == NULL)
      return FALSE;
    for (guint i = 0; i < drop->len; i++)
      {
        sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 2, g_ptr_array_index (drop, i), -1, SQLITE_TRANSIENT);
        rc = sqlite3_step (stmt);
        sqlite3_reset (stmt);
        if (rc != SQLITE_DONE)
          return sofra_store_sql_error (self, rc, error);
      }
  }
  return TRUE;
}

/* Puts an erased tombstone on every leaf of @id that is not one already, then purges. */
static gboolean
erase_doc (SofraStore *self, const char *id, GError **error)
{
  g_auto (SofraDocRow) row = { 0 };
  g_auto (GStrv) leaves = NULL;
  g_autoptr (JsonObject) tombstone = json_object_new ();
  g_autofree char *body = NULL;
  gboolean         is_private = FALSE;

  if (!sofra_store_read_row (self, id, &row, error))
    return FALSE;
  if (row.seq == 0)
    return TRUE;
  if (g_strcmp0 (row.type, SOFRA_TYPE_NOTE) == 0)
    {
      g_autoptr (JsonObject) doc = sofra_json_parse_object (row.body, -1, NULL);
      g_autofree char *parent = sofra_rev_tree_parent (&row, row.rev);
      g_autofree char *kept = parent ? sofra_store_read_rev_body (self, id, parent) : NULL;
      g_autoptr (JsonObject) kept_doc = kept ? sofra_json_parse_object (kept, -1, NULL) : NULL;

      is_private = (doc && sofra_doc_is_private (doc)) ||
                   (kept_doc && sofra_doc_is_private (kept_doc));
    }

  json_object_set_boolean_member (tombstone, "erased", TRUE);
  if (row.type != NULL)
    json_object_set_string_member (tombstone, "type", row.type);
  if (is_private)
    json_object_set_string_member (tombstone, "visibility", "private");
  body = sofra_json_canonical_body (tombstone);

  leaves = row_leaves (row.rev, row.tree);
  for (guint i = 0; leaves[i] != NULL; i++)
    {
      g_autoptr (JsonObject) doc = NULL;
      g_autoptr (JsonArray) ids = NULL;
      g_autofree char *rev = NULL;
      JsonObject      *history;
      gboolean         deleted = FALSE;
      const char      *hash, *leaf_hash;
      gint64           pos;

      sofra_rev_tree_has (&row, leaves[i], &deleted);
      if (deleted)
        {
          /* Already erased: nothing to add on this branch. */
          g_autofree char *kept = sofra_store_read_rev_body (self, id, leaves[i]);

          if (i == 0 && g_strcmp0 (row.body, body) == 0)
            continue;
          if (i > 0 && kept != NULL && g_strcmp0 (kept, body) == 0)
            continue;
        }
      rev = sofra_rev_make (leaves[i], TRUE, body);
      sofra_rev_parse (rev, &pos, &hash);
      sofra_rev_parse (leaves[i], NULL, &leaf_hash);
      doc = sofra_json_parse_object (body, -1, error);
      if (doc == NULL)
        return FALSE;
      json_object_set_string_member (doc, "_id", id);
      json_object_set_string_member (doc, "_rev", rev);
      json_object_set_boolean_member (doc, "_deleted", TRUE);
      history = json_object_new ();
      ids = json_array_new ();
      json_array_add_string_element (ids, hash);
      json_array_add_string_element (ids, leaf_hash);
      json_object_set_int_member (history, "start", pos);
      json_object_set_array_member (history, "ids", g_steal_pointer (&ids));
      json_object_set_object_member (doc, "_revisions", history);
      if (!sofra_store_put_replicated (self, doc, error))
        return FALSE;
    }
  return sofra_store_purge_kept_bodies (self, id, error);
}

/* Ids of documents that point to @participant_id, now or in a kept body. */
static GPtrArray *
related_ids (SofraStore *self, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  stmt = sofra_store_stmt (self,
                           "SELECT id FROM docs WHERE participant_id = ?1"
                           " UNION SELECT id FROM docs WHERE type IN ('note', 'attendance')"
                           " AND json_extract(body, '$.participant_id') = ?1"
                           " UNION SELECT doc_id FROM rev_bodies"
                           " WHERE json_extract(body, '$.participant_id') = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, participant_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sofra_store_sql_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Takes @participant_id out of the follow-ups that name it. */
static gboolean
unlink_followups (SofraStore *self, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) followups = NULL;

  followups = sofra_store_find (self, SOFRA_TYPE_FOLLOWUP, "participant_ids", participant_id,
                                error);
  if (followups == NULL)
    return FALSE;
  for (guint i = 0; i < followups->len; i++)
    {
      JsonObject *doc = g_ptr_array_index (followups, i);
      JsonArray  *old = sofra_json_array_member (doc, "participant_ids");
      JsonArray  *kept = json_array_new ();

      for (guint j = 0; old != NULL && j < json_array_get_length (old); j++)
        {
          const char *p = json_array_get_string_element (old, j);

          if (g_strcmp0 (p, participant_id) != 0)
            json_array_add_string_element (kept, p);
        }
      json_object_set_array_member (doc, "participant_ids", kept);
      if (!sofra_store_put (self, doc, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sofra_store_erase_participant (SofraStore *self, const char *participant_id, GError **error)
{
  g_auto (SofraDocRow) row = { 0 };
  g_autoptr (GPtrArray) related = NULL;
  gboolean ok;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  if (!sofra_store_read_row (self, participant_id, &row, error))
    return FALSE;
  if (row.seq == 0 || g_strcmp0 (row.type, SOFRA_TYPE_PARTICIPANT) != 0)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                           _ ("There is no such participant."));
      return FALSE;
    }

  if (!sofra_store_begin (self, error))
    return FALSE;
  ok = (related = related_ids (self, participant_id, error)) != NULL &&
       unlink_followups (self, participant_id, error);
  for (guint i = 0; ok && i < related->len; i++)
    ok = erase_doc (self, g_ptr_array_index (related, i), error);
  ok = ok && erase_doc (self, participant_id, error);
  if (!ok)
    {
      sofra_store_rollback (self);
      return FALSE;
    }
  return sofra_store_commit (self, error);
}

/* After a committed erasure, what the file may still hold of the person goes too. The rows are
 * gone and SQLite overwrites freed space (secure_delete, set when the store opens), but FTS5
 * only marks deleted words in new index segments: the old segments keep the words until they
 * are merged, so the index tables that hold personal words are merged whole ("optimize"). Then
 * the WAL, which holds the pages as they were, is checkpointed and emptied. Best effort: a
 * failure here leaves traces in the file, never a wrong record, and the next erasure retries. */
void
sofra_store_forget_erased (SofraStore *self)
{
  static const char *const merges[] = {
    "INSERT INTO search_participants (search_participants) VALUES ('optimize')",
    "INSERT INTO search_notes (search_notes) VALUES ('optimize')",
  };
  gboolean ok = TRUE;

  self->erase_pending = FALSE;
  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return;
  for (guint i = 0; ok && i < G_N_ELEMENTS (merges); i++)
    ok = sqlite3_exec (self->db, merges[i], NULL, NULL, NULL) == SQLITE_OK;
  if (sqlite3_exec (self->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
}
