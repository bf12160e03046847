/* sofra-store-revs.c — revision ids and the revision tree, with CouchDB's winner
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document's revision tree lives in its own row (as PouchDB keeps it with the document):
 * NULL for the usual single revision, otherwise one line per revision,
 * "<rev>\t<index of the parent or -1>\t<deleted>". Only the bodies that can still be asked
 * for are kept: the winner's in the row, the other leaves' and a deletion's parent in
 * rev_bodies. A new document therefore costs one row and its index entries, nothing more.
 */
#include <stdlib.h>
#include <string.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-search-private.h"
#include "sofra-store-private.h"

typedef struct
{
  char    *rev;
  int      parent;
  gboolean deleted;
  gboolean leaf;
} RevNode;

static void
rev_node_clear (gpointer data)
{
  g_free (((RevNode *) data)->rev);
}

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

void
sofra_doc_row_clear (SofraDocRow *row)
{
  g_clear_pointer (&row->type, g_free);
  g_clear_pointer (&row->rev, g_free);
  g_clear_pointer (&row->body, g_free);
  g_clear_pointer (&row->tree, g_free);
  row->seq = 0;
}

gboolean
sofra_store_read_row (SofraStore *self, const char *id, SofraDocRow *row, GError **error)
{
  sqlite3_stmt *stmt =
    sofra_store_stmt (self, "SELECT seq, type, rev, deleted, body, tree FROM docs WHERE id = ?1",
                      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->seq = sqlite3_column_int64 (stmt, 0);
      row->type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->rev = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->deleted = sqlite3_column_int (stmt, 3);
      row->body = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->tree = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sofra_store_sql_error (self, rc, error);
  return TRUE;
}

char *
sofra_store_read_rev_body (SofraStore *self, const char *id, const char *rev)
{
  sqlite3_stmt *stmt =
    sofra_store_stmt (self, "SELECT body FROM rev_bodies WHERE doc_id = ?1 AND rev = ?2", NULL);
  char *body = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return body;
}

/* The tree as an array; a row without a tree is its single revision. NULL if malformed. */
static GArray *
tree_load (const SofraDocRow *row)
{
  GArray *nodes = g_array_new (FALSE, TRUE, sizeof (RevNode));

  g_array_set_clear_func (nodes, rev_node_clear);
  if (row->seq == 0)
    return nodes;
  if (row->tree == NULL)
    {
      RevNode node = { g_strdup (row->rev), -1, row->deleted, TRUE };

      g_array_append_val (nodes, node);
      return nodes;
    }

  for (const char *line = row->tree; *line;)
    {
      const char *end = strchr (line, '\n');
      g_auto (GStrv) fields = NULL;
      g_autofree char *text = end ? g_strndup (line, end - line) : g_strdup (line);
      RevNode          node = { NULL, -1, FALSE, TRUE };
      char            *tail;

      fields = g_strsplit (text, "\t", 3);
      if (g_strv_length (fields) != 3 || !sofra_rev_parse (fields[0], NULL, NULL))
        goto bad;
      node.parent = (int) strtol (fields[1], &tail, 10);
      if (*tail != '\0' || node.parent < -1 || node.parent >= (int) nodes->len)
        goto bad;
      node.deleted = fields[2][0] == '1';
      node.rev = g_strdup (fields[0]);
      g_array_append_val (nodes, node);
      if (node.parent >= 0)
        g_array_index (nodes, RevNode, node.parent).leaf = FALSE;
      line = end ? end + 1 : line + strlen (line);
    }
  return nodes;

bad:
  g_array_unref (nodes);
  return NULL;
}

/* Parents are written before their children (a grafted root may have a parent added after
 * it), with the indexes renumbered to match. */
static char *
tree_save (GArray *nodes)
{
  g_autofree int *order = NULL;
  g_autofree int *index = NULL;
  GString        *out;
  guint           n = 0;

  if (nodes->len == 1)
    return NULL;
  order = g_new (int, nodes->len);
  index = g_new (int, nodes->len);
  for (guint i = 0; i < nodes->len; i++)
    index[i] = -1;
  while (n < nodes->len)
    {
      guint before = n;

      for (guint i = 0; i < nodes->len; i++)
        {
          int parent = g_array_index (nodes, RevNode, i).parent;

          if (index[i] < 0 && (parent < 0 || index[parent] >= 0))
            {
              index[i] = (int) n;
              order[n++] = (int) i;
            }
        }
      g_return_val_if_fail (n > before, NULL); /* a cycle: never made by add_revisions */
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < nodes->len; i++)
    {
      RevNode *node = &g_array_index (nodes, RevNode, order[i]);

      g_string_append_printf (out, "%s\t%d\t%d\n", node->rev,
                              node->parent < 0 ? -1 : index[node->parent], node->deleted ? 1 : 0);
    }
  return g_string_free (out, FALSE);
}

static int
tree_find (GArray *nodes, const char *rev)
{
  for (guint i = 0; rev != NULL && i < nodes->len; i++)
    if (g_str_equal (g_array_index (nodes, RevNode, i).rev, rev))
      return (int) i;
  return -1;
}

/* CouchDB's order: live before deleted, then the longer history, then the greater hash. */
static gboolean
rev_beats (const RevNode *a, const RevNode *b)
{
  gint64      pos_a = 0, pos_b = 0;
  const char *hash_a = "", *hash_b = "";

  if (a->deleted != b->deleted)
    return !a->deleted;
  sofra_rev_parse (a->rev, &pos_a, &hash_a);
  sofra_rev_parse (b->rev, &pos_b, &hash_b);
  if (pos_a != pos_b)
    return pos_a > pos_b;
  return strcmp (hash_a, hash_b) > 0;
}

static int
tree_winner (GArray *nodes)
{
  int best = -1;

  for (guint i = 0; i < nodes->len; i++)
    {
      RevNode *n = &g_array_index (nodes, RevNode, i);

      if (n->leaf && (best < 0 || rev_beats (n, &g_array_index (nodes, RevNode, best))))
        best = (int) i;
    }
  return best;
}

gboolean
sofra_rev_tree_has (const SofraDocRow *row, const char *rev, gboolean *deleted)
{
  g_autoptr (GArray) nodes = tree_load (row);
  int i = nodes ? tree_find (nodes, rev) : -1;

  if (i >= 0 && deleted)
    *deleted = g_array_index (nodes, RevNode, i).deleted;
  return i >= 0;
}

char *
sofra_rev_tree_parent (const SofraDocRow *row, const char *rev)
{
  g_autoptr (GArray) nodes = tree_load (row);
  int i = nodes ? tree_find (nodes, rev) : -1;

  if (i < 0 || g_array_index (nodes, RevNode, i).parent < 0)
    return NULL;
  return g_strdup (g_array_index (nodes, RevNode, g_array_index (nodes, RevNode, i).parent).rev);
}

static int
compare_best_first (gconstpointer a, gconstpointer b)
{
  const RevNode *na = *(RevNode *const *) a;
  const RevNode *nb = *(RevNode *const *) b;

  return rev_beats (na, nb) ? -1 : rev_beats (nb, na) ? 1 : 0;
}

char **
sofra_rev_tree_conflicts (const SofraDocRow *row)
{
  g_autoptr (GArray) nodes = tree_load (row);
  g_autoptr (GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      RevNode *n = &g_array_index (nodes, RevNode, i);

      if (n->leaf && !n->deleted && g_strcmp0 (n->rev, row->rev) != 0)
        g_ptr_array_add (leaves, n);
    }
  g_ptr_array_sort (leaves, compare_best_first);
  for (guint i = 0; i < leaves->len; i++)
    g_strv_builder_add (builder, ((RevNode *) g_ptr_array_index (leaves, i))->rev);
  return g_strv_builder_end (builder);
}

JsonObject *
sofra_rev_tree_history (const SofraDocRow *row, const char *rev)
{
  g_autoptr (GArray) nodes = tree_load (row);
  int         i = nodes ? tree_find (nodes, rev) : -1;
  JsonObject *history;
  JsonArray  *ids;
  gint64      start = 0;

  if (i < 0)
    return NULL;
  sofra_rev_parse (rev, &start, NULL);
  ids = json_array_new ();
  for (; i >= 0; i = g_array_index (nodes, RevNode, i).parent)
    {
      const char *hash;

      sofra_rev_parse (g_array_index (nodes, RevNode, i).rev, NULL, &hash);
      json_array_add_string_element (ids, hash);
    }
  history = json_object_new ();
  json_object_set_int_member (history, "start", start);
  json_object_set_array_member (history, "ids", ids);
  return history;
}

char *
sofra_rev_tree_check (const SofraDocRow *row)
{
  g_autoptr (GArray) nodes = tree_load (row);
  int w;

  if (nodes == NULL)
    return g_strdup ("unreadable revision tree");
  w = tree_find (nodes, row->rev);
  if (w < 0 || !g_array_index (nodes, RevNode, w).leaf)
    return g_strdup ("the current revision is not a leaf of the tree");
  if (w != tree_winner (nodes))
    return g_strdup ("the current revision is not the winner");
  return NULL;
}

/* The columns the lists and look-ups use, derived in C from the winner so that SQLite never
 * parses JSON to maintain an index. */
typedef struct
{
  char       *sort_key;
  const char *session_id;
  const char *participant_id;
} DocKeys;

static const char *
str_member (JsonObject *doc, const char *name)
{
  JsonNode *node = json_object_get_member (doc, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
derive_keys (const char *type, JsonObject *doc, DocKeys *keys)
{
  const char *name;

  if (doc == NULL || type == NULL)
    return;
  if (g_str_equal (type, SOFRA_TYPE_SESSION) || g_str_equal (type, SOFRA_TYPE_NOTE))
    keys->sort_key = g_strdup (str_member (doc, "date"));
  else if (g_str_equal (type, SOFRA_TYPE_FOLLOWUP))
    {
      const char *status = str_member (doc, "status");
      const char *due = str_member (doc, "due_date");
      gboolean    closed = g_strcmp0 (status, "done") == 0 || g_strcmp0 (status, "dropped") == 0;

      /* Open and in progress first, then by due date; no date last. */
      keys->sort_key = g_strconcat (closed ? "1" : "0", due ? due : "9999-12-31", NULL);
    }
  else if ((name = str_member (doc, "name")) || (name = str_member (doc, "code")) ||
           (name = str_member (doc, "name_sq")))
    keys->sort_key = g_utf8_casefold (name, -1);

  keys->session_id = str_member (doc, "session_id");
  keys->participant_id = str_member (doc, "participant_id");
}

static gboolean
run (SofraStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return sofra_store_sql_error (self, rc, error);
}

static gboolean
keep_body (SofraStore *self, const char *id, const char *rev, const char *body, GError **error)
{
  sqlite3_stmt *stmt = sofra_store_stmt (self,
                                         "INSERT OR REPLACE INTO rev_bodies (doc_id, rev, body)"
                                         " VALUES (?1, ?2, ?3)",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
  return run (self, stmt, error);
}

static gboolean
drop_body (SofraStore *self, const char *id, const char *rev, GError **error)
{
  sqlite3_stmt *stmt =
    sofra_store_stmt (self, "DELETE FROM rev_bodies WHERE doc_id = ?1 AND rev = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
  return run (self, stmt, error);
}

/* Whether @parent may be grafted as the parent of the root @child: one position lower, and
 * not below @child already. */
static gboolean
is_parent_pos (GArray *nodes, int parent, int child)
{
  gint64 pos_parent = 0, pos_child = 0;

  sofra_rev_parse (g_array_index (nodes, RevNode, parent).rev, &pos_parent, NULL);
  sofra_rev_parse (g_array_index (nodes, RevNode, child).rev, &pos_child, NULL);
  if (pos_parent + 1 != pos_child)
    return FALSE;
  for (int i = parent; i >= 0; i = g_array_index (nodes, RevNode, i).parent)
    if (i == child)
      return FALSE;
  return TRUE;
}

static gboolean
add_revisions (SofraStore        *self,
               const char        *id,
               const char        *type,
               const SofraDocRow *current,
               const char        *parent,
               GPtrArray         *chain,
               gboolean           deleted,
               const char        *body,
               JsonObject        *doc,
               gboolean          *changed,
               GError           **error)
{
  g_autoptr (GArray) nodes = tree_load (current);
  g_autoptr (JsonObject) winner_doc = NULL;
  g_autofree char *winner_body = NULL;
  g_autofree char *tree = NULL;
  DocKeys          keys = { NULL, NULL, NULL };
  const char      *leaf_rev = g_ptr_array_index (chain, chain->len - 1);
  int              prev, leaf, winner;
  RevNode         *w;
  sqlite3_stmt    *stmt;
  gboolean         ok;

  *changed = FALSE;
  if (nodes == NULL)
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_CORRUPT,
                   "The revision history of %s is unreadable", id);
      return FALSE;
    }
  if (tree_find (nodes, leaf_rev) >= 0)
    return TRUE; /* already here: replication is idempotent */

  prev = tree_find (nodes, parent);
  for (guint i = 0; i < chain->len; i++)
    {
      const char *rev = g_ptr_array_index (chain, i);
      int         known = tree_find (nodes, rev);
      RevNode     node = { NULL, prev, FALSE, TRUE };

      if (known >= 0)
        {
          RevNode *k = &g_array_index (nodes, RevNode, known);

          /* A root that came without its history (stemmed, imported) is joined to the history
           * that now arrives, as CouchDB merges paths; otherwise the ancestors just added would
           * stay a branch of their own, with a leaf that has no body. */
          if (k->parent < 0 && prev >= 0 && is_parent_pos (nodes, prev, known))
            {
              RevNode *p = &g_array_index (nodes, RevNode, prev);

              if (p->leaf && g_strcmp0 (p->rev, current->rev) != 0 &&
                  !drop_body (self, id, p->rev, error))
                return FALSE;
              p->leaf = FALSE;
              k->parent = prev;
            }
          prev = known;
          continue;
        }
      if (!sofra_rev_parse (rev, NULL, NULL))
        {
          g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID, "Invalid revision “%s”",
                       rev);
          return FALSE;
        }
      node.rev = g_strdup (rev);
      node.deleted = i + 1 == chain->len && deleted;
      if (prev >= 0)
        {
          RevNode *p = &g_array_index (nodes, RevNode, prev);

          /* A superseded leaf's body is dropped (as CouchDB compacts), unless this is a
           * deletion of it: that body is what Undo brings back. */
          if (p->leaf && i + 1 == chain->len && deleted)
            {
              if (g_strcmp0 (p->rev, current->rev) == 0 &&
                  !keep_body (self, id, p->rev, current->body, error))
                return FALSE;
            }
          else if (p->leaf && g_strcmp0 (p->rev, current->rev) != 0 &&
                   !drop_body (self, id, p->rev, error))
            return FALSE;
          p->leaf = FALSE;
        }
      g_array_append_val (nodes, node);
      prev = (int) nodes->len - 1;
    }
  *changed = TRUE;

  leaf = (int) nodes->len - 1;
  winner = tree_winner (nodes);
  w = &g_array_index (nodes, RevNode, winner);

  /* Bodies: the winner's goes in the row; other leaves keep theirs in rev_bodies. */
  if (winner == leaf)
    winner_body = g_strdup (body);
  else
    {
      if (!keep_body (self, id, leaf_rev, body, error))
        return FALSE;
      if (g_strcmp0 (w->rev, current->rev) == 0)
        winner_body = g_strdup (current->body);
      else
        winner_body = sofra_store_read_rev_body (self, id, w->rev);
    }
  if (current->seq != 0 && g_strcmp0 (w->rev, current->rev) != 0)
    {
      int old = tree_find (nodes, current->rev);

      if (old >= 0 && g_array_index (nodes, RevNode, old).leaf &&
          !keep_body (self, id, current->rev, current->body, error))
        return FALSE;
    }
  if (winner_body == NULL)
    winner_body = g_strdup ("{}");

  if (!w->deleted)
    {
      if (winner == leaf && doc != NULL)
        derive_keys (type, doc, &keys);
      else if ((winner_doc = sofra_json_parse_object (winner_body, -1, NULL)))
        derive_keys (type ? type : current->type, winner_doc, &keys);
    }
  tree = tree_save (nodes);

  if (current->seq == 0)
    stmt = sofra_store_stmt (self,
                             "INSERT INTO docs (seq, id, type, rev, deleted, body, tree, sort_key,"
                             " session_id, participant_id)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                             error);
  else
    stmt = sofra_store_stmt (self,
                             "UPDATE docs SET seq = ?1, type = coalesce(?3, type), rev = ?4,"
                             " deleted = ?5, body = ?6, tree = ?7, sort_key = ?8,"
                             " session_id = ?9, participant_id = ?10 WHERE seq = ?11",
                             error);
  if (stmt == NULL)
    {
      g_free (keys.sort_key);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, self->next_seq);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, w->rev, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, w->deleted);
  sqlite3_bind_text (stmt, 6, winner_body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, tree, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, keys.sort_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, keys.session_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, keys.participant_id, -1, SQLITE_STATIC);
  if (current->seq != 0)
    sqlite3_bind_int64 (stmt, 11, current->seq);
  ok = run (self, stmt, error);
  g_free (keys.sort_key);
  /* The search index follows the winner, in the same transaction. */
  if (ok)
    {
      JsonObject *live = w->deleted ? NULL : (winner == leaf && doc) ? doc : winner_doc;

      ok = sofra_search_index_doc (self, id, current->seq, current->type,
                                   current->seq != 0 && !current->deleted, self->next_seq,
                                   type ? type : current->type, live, error);
    }
  if (ok && w->deleted && self->in_batch)
    g_hash_table_remove (self->live_ids, id);
  if (ok)
    self->next_seq++;
  /* The winner's body now lives in the row. */
  if (ok && winner != leaf && g_strcmp0 (w->rev, current->rev) != 0)
    ok = drop_body (self, id, w->rev, error);
  return ok;
}

gboolean
sofra_store_add_revisions (SofraStore        *self,
                           const char        *id,
                           const char        *type,
                           const SofraDocRow *current,
                           const char        *parent,
                           GPtrArray         *chain,
                           gboolean           deleted,
                           const char        *body,
                           JsonObject        *doc,
                           gboolean          *changed,
                           GError           **error)
{
  if (add_revisions (self, id, type, current, parent, chain, deleted, body, doc, changed, error))
    return TRUE;
  /* It may have written part of the change: a batch can then only be rolled back. */
  if (self->in_batch)
    self->batch_failed = TRUE;
  return FALSE;
}
