/* sofra-store-revs.c — revision ids and the revision tree, with CouchDB's winner
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "sofra-store-private.h"

gboolean
sofra_rev_parse (const char *rev, gint64 *pos, const char **hash)
{
  const char *dash;
  guint64     n;
  char       *end;

  if (rev == NULL || !g_ascii_isdigit (rev[0]))
    return FALSE;
  dash = strchr (rev, '-');
  if (dash == NULL || dash[1] == '\0' || strlen (dash + 1) > 64)
    return FALSE;
  n = g_ascii_strtoull (rev, &end, 10);
  if (end != dash || n == 0 || n > G_MAXINT32)
    return FALSE;
  for (const char *p = dash + 1; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  if (pos)
    *pos = (gint64) n;
  if (hash)
    *hash = dash + 1;
  return TRUE;
}

/* Deterministic, as PouchDB's: the same edit of the same revision gives the same id on
 * every laptop, so replaying an edit never makes a conflict. */
char *
sofra_rev_make (const char *parent_rev, gboolean deleted, const char *canonical_body)
{
  g_autoptr (GChecksum) md5 = g_checksum_new (G_CHECKSUM_MD5);
  gint64 pos = 0;

  if (parent_rev != NULL && !sofra_rev_parse (parent_rev, &pos, NULL))
    g_return_val_if_reached (NULL);

  g_checksum_update (md5, (const guchar *) (parent_rev ? parent_rev : ""), -1);
  g_checksum_update (md5, (const guchar *) (deleted ? "\n1\n" : "\n0\n"), -1);
  g_checksum_update (md5, (const guchar *) canonical_body, -1);
  return g_strdup_printf ("%" G_GINT64_FORMAT "-%s", pos + 1, g_checksum_get_string (md5));
}

static gboolean
step (SofraStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return sofra_store_sql_error (self, rc, error);
}

/* CouchDB's order: live before deleted, then the longer history, then the greater hash. */
static gboolean
rev_beats (gboolean    deleted_a,
           gint64      pos_a,
           const char *rev_a,
           gboolean    deleted_b,
           gint64      pos_b,
           const char *rev_b)
{
  const char *hash_a, *hash_b;

  if (deleted_a != deleted_b)
    return !deleted_a;
  if (pos_a != pos_b)
    return pos_a > pos_b;
  sofra_rev_parse (rev_a, NULL, &hash_a);
  sofra_rev_parse (rev_b, NULL, &hash_b);
  return strcmp (hash_a, hash_b) > 0;
}

gboolean
sofra_store_add_revisions (SofraStore *self,
                           const char *id,
                           const char *type,
                           const char *parent,
                           GPtrArray  *chain,
                           gboolean    deleted,
                           const char *body,
                           gboolean   *changed,
                           GError    **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *old_rev = NULL;
  g_autofree char *old_body = NULL;
  g_autofree char *winner = NULL;
  g_autofree char *winner_body = NULL;
  gboolean         winner_deleted = deleted;
  gboolean         existed = FALSE;
  const char      *leaf = g_ptr_array_index (chain, chain->len - 1);
  const char      *prev = parent;
  gint64           pos;

  *changed = FALSE;

  if (!(stmt = sofra_store_stmt (self, "SELECT rev, body FROM docs WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      existed = TRUE;
      old_rev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      old_body = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < chain->len; i++)
    {
      const char *rev = g_ptr_array_index (chain, i);
      gboolean    is_leaf = i + 1 == chain->len;
      gboolean    known = FALSE;

      if (existed)
        {
          if (!(stmt = sofra_store_stmt (self, "SELECT 1 FROM revs WHERE doc_id = ?1 AND rev = ?2",
                                         error)))
            return FALSE;
          sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
          known = sqlite3_step (stmt) == SQLITE_ROW;
          sqlite3_reset (stmt);
        }
      if (known)
        {
          prev = rev;
          continue;
        }

      if (!sofra_rev_parse (rev, &pos, NULL))
        {
          g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID, "Invalid revision “%s”",
                       rev);
          return FALSE;
        }

      if (!(stmt = sofra_store_stmt (self,
                                     "INSERT INTO revs (doc_id, rev, parent, pos, deleted, leaf)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                     error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, prev, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, pos);
      sqlite3_bind_int (stmt, 5, is_leaf && deleted);
      sqlite3_bind_int (stmt, 6, is_leaf);
      if (!step (self, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
      *changed = TRUE;

      if (prev != NULL && existed)
        {
          /* The superseded revision's body is dropped (as CouchDB compacts), but kept under
           * a deletion so that Undo can bring it back. */
          if (!(stmt = sofra_store_stmt (self,
                                         "UPDATE revs SET leaf = 0,"
                                         " body = CASE WHEN ?3 THEN coalesce(body, ?4) END"
                                         " WHERE doc_id = ?1 AND rev = ?2 AND leaf = 1",
                                         error)))
            return FALSE;
          sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, prev, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 3, is_leaf && deleted);
          if (g_strcmp0 (prev, old_rev) == 0)
            sqlite3_bind_text (stmt, 4, old_body, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, 4);
          if (!step (self, stmt, error))
            return FALSE;
          sqlite3_reset (stmt);
        }
      prev = rev;
    }

  if (!*changed)
    return TRUE;

  /* The winner among the leaves; a brand-new document has only one. */
  if (!existed)
    winner = g_strdup (leaf);
  else
    {
      gint64   best_pos = 0;
      gboolean best_deleted = TRUE;

      if (!(stmt = sofra_store_stmt (self,
                                     "SELECT rev, pos, deleted FROM revs"
                                     " WHERE doc_id = ?1 AND leaf = 1",
                                     error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *rev = (const char *) sqlite3_column_text (stmt, 0);
          gint64      p = sqlite3_column_int64 (stmt, 1);
          gboolean    d = sqlite3_column_int (stmt, 2);

          if (winner == NULL || rev_beats (d, p, rev, best_deleted, best_pos, winner))
            {
              g_free (winner);
              winner = g_strdup (rev);
              best_pos = p;
              best_deleted = d;
            }
        }
      sqlite3_reset (stmt);
      winner_deleted = best_deleted;
    }

  if (g_strcmp0 (winner, leaf) == 0)
    winner_body = g_strdup (body);
  else if (g_strcmp0 (winner, old_rev) == 0)
    winner_body = g_strdup (old_body);
  else
    {
      if (!(stmt = sofra_store_stmt (self, "SELECT body FROM revs WHERE doc_id = ?1 AND rev = ?2",
                                     error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, winner, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        winner_body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (winner_body == NULL)
    winner_body = g_strdup ("{}");

  /* Leaves that do not win keep their own body in the tree. */
  if (g_strcmp0 (winner, leaf) != 0)
    {
      if (!(stmt = sofra_store_stmt (self,
                                     "UPDATE revs SET body = ?3 WHERE doc_id = ?1 AND rev = ?2",
                                     error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, leaf, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
      if (!step (self, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  if (old_rev != NULL && g_strcmp0 (winner, old_rev) != 0)
    {
      if (!(stmt = sofra_store_stmt (self,
                                     "UPDATE revs SET body = ?3"
                                     " WHERE doc_id = ?1 AND rev = ?2 AND leaf = 1",
                                     error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, old_rev, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, old_body, -1, SQLITE_STATIC);
      if (!step (self, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }

  if (!(stmt = sofra_store_stmt (self,
                                 "INSERT INTO docs (id, type, rev, deleted, seq, body)"
                                 " VALUES (?1, ?2, ?3, ?4,"
                                 "  (SELECT coalesce(max(seq), 0) + 1 FROM docs), ?5)"
                                 " ON CONFLICT (id) DO UPDATE SET"
                                 "  type = coalesce(excluded.type, docs.type),"
                                 "  rev = excluded.rev, deleted = excluded.deleted,"
                                 "  seq = excluded.seq, body = excluded.body",
                                 error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, winner, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, winner_deleted);
  sqlite3_bind_text (stmt, 5, winner_body, -1, SQLITE_STATIC);
  if (!step (self, stmt, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}
