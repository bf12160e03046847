/* sofra-conflicts.c — records in conflict after sync: finding them, comparing, resolving
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sofra-conflicts.h"
#include "sofra-json.h"
#include "sofra-store-private.h"

/* Only a document with a revision tree can have a losing leaf, and every losing live leaf keeps
 * its body in rev_bodies: so the candidates are the live documents with kept bodies, a small
 * set, and each is then asked for its conflicts. CROSS JOIN keeps rev_bodies the outer loop:
 * otherwise SQLite walks all of docs in id order (0.2 s at 400,000 documents, at every start). */
#define CANDIDATES_SQL                                                          \
  "SELECT DISTINCT d.id FROM rev_bodies r CROSS JOIN docs d ON d.id = r.doc_id" \
  " WHERE d.deleted = 0 AND d.tree IS NOT NULL ORDER BY d.id"

char **
sofra_store_list_conflicts (SofraStore *self, GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);

  stmt = sofra_store_stmt (self, CANDIDATES_SQL, error);
  if (stmt == NULL)
    return g_new0 (char *, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (candidates, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sofra_store_sql_error (self, rc, error);
      return g_new0 (char *, 1);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *id = g_ptr_array_index (candidates, i);
      g_auto (GStrv) conflicts = sofra_store_get_conflicts (self, id);

      if (conflicts[0] != NULL)
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

guint
sofra_store_count_conflicts (SofraStore *self)
{
  g_auto (GStrv) ids = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (self), 0);

  ids = sofra_store_list_conflicts (self, NULL);
  return g_strv_length (ids);
}

static gboolean
changed_meanwhile (GError **error)
{
  g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_CONFLICT,
                       _ ("This record changed while you were merging it, perhaps through a "
                          "sync. Review it again."));
  return FALSE;
}

gboolean
sofra_store_resolve_conflict (SofraStore        *self,
                              const char        *id,
                              JsonObject        *merged,
                              const char *const *losing_revs,
                              GError           **error)
{
  g_auto (GStrv) conflicts = NULL;
  g_autoptr (JsonObject) winner = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *merged_id, *merged_rev;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (merged != NULL, FALSE);
  g_return_val_if_fail (losing_revs != NULL, FALSE);

  merged_id = json_object_get_string_member_with_default (merged, "_id", NULL);
  merged_rev = json_object_get_string_member_with_default (merged, "_rev", NULL);
  if (merged_id != NULL && strcmp (merged_id, id) != 0)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                           _ ("The merged record is not the record in conflict."));
      return FALSE;
    }

  if (!sofra_store_begin (self, error))
    return FALSE;

  /* Read inside the transaction, so that nothing can come between the check and the write. */
  winner = sofra_store_get (self, id, &local_error);
  if (winner == NULL)
    {
      sofra_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  conflicts = sofra_store_get_conflicts (self, id);
  if (g_strcmp0 (merged_rev, json_object_get_string_member (winner, "_rev")) != 0)
    {
      sofra_store_rollback (self);
      return changed_meanwhile (error);
    }
  for (guint i = 0; losing_revs[i] != NULL; i++)
    if (!g_strv_contains ((const char *const *) conflicts, losing_revs[i]))
      {
        sofra_store_rollback (self);
        return changed_meanwhile (error);
      }

  json_object_set_string_member (merged, "_id", id);
  if (!sofra_store_put (self, merged, error))
    {
      sofra_store_rollback (self);
      json_object_set_string_member (merged, "_rev", merged_rev);
      return FALSE;
    }
  for (guint i = 0; losing_revs[i] != NULL; i++)
    if (!sofra_store_delete (self, id, losing_revs[i], error))
      {
        sofra_store_rollback (self);
        json_object_set_string_member (merged, "_rev", merged_rev);
        return FALSE;
      }
  if (!sofra_store_commit (self, error))
    {
      json_object_set_string_member (merged, "_rev", merged_rev);
      return FALSE;
    }
  return TRUE;
}

gboolean
sofra_conflict_field_is_bookkeeping (const char *field)
{
  static const char *const bookkeeping[] = { "created_at", "updated_at", "updated_by", NULL };

  g_return_val_if_fail (field != NULL, TRUE);

  return field[0] == '_' || g_strv_contains (bookkeeping, field);
}

static void
add_names (GHashTable *names, JsonObject *doc)
{
  g_autoptr (GList) members = json_object_get_members (doc);

  for (GList *m = members; m != NULL; m = m->next)
    if (!sofra_conflict_field_is_bookkeeping (m->data))
      g_hash_table_add (names, m->data);
}

static gboolean
same_value (JsonNode *a, JsonNode *b)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  ta = sofra_json_canonical (a);
  tb = sofra_json_canonical (b);
  return g_strcmp0 (ta, tb) == 0;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char **
sofra_conflict_differing_fields (JsonObject *a, JsonObject *b)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) differing = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer       name;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  add_names (names, a);
  add_names (names, b);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!same_value (json_object_get_member (a, name), json_object_get_member (b, name)))
      g_ptr_array_add (differing, name);
  g_ptr_array_sort (differing, compare_names);
  for (guint i = 0; i < differing->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (differing, i));
  return g_strv_builder_end (builder);
}
