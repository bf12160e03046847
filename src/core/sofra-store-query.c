/* sofra-store-query.c — the store's reads of many documents: feed, lists, look-ups, checks
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sofra-core-resources.h"
#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-store-private.h"

gint64
sofra_store_get_update_seq (SofraStore *self)
{
  sqlite3_stmt *stmt;
  gint64        seq = 0;

  g_return_val_if_fail (SOFRA_IS_STORE (self), 0);

  stmt = sofra_store_stmt (self, "SELECT coalesce(max(seq), 0) FROM docs", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return seq;
}

gboolean
sofra_store_foreach_change (SofraStore     *self,
                            gint64          since,
                            guint           limit,
                            SofraChangeFunc func,
                            gpointer        user_data,
                            GError        **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Not cached: the callback may read the store, and this statement must stay open. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT id, rev, deleted, seq FROM docs WHERE seq > ?1"
                           " ORDER BY seq LIMIT ?2",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sofra_store_sql_error (self, rc, error);
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, limit ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func ((const char *) sqlite3_column_text (stmt, 0),
               (const char *) sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2),
               sqlite3_column_int64 (stmt, 3), user_data))
      {
        rc = SQLITE_DONE;
        break;
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sofra_store_sql_error (self, rc, error);
  return TRUE;
}

/* The live documents of @type, said so that SQLite reads an index, not the whole table:
 * every live record of a known type has a sort key (docs_by_type), an attendance a session
 * (docs_by_session). */
#define WHERE_ANY        "deleted = 0"
#define WHERE_ATTENDANCE "session_id IS NOT NULL AND type = ?1 AND deleted = 0"
#define WHERE_KNOWN      "type = ?1 AND deleted = 0 AND sort_key IS NOT NULL"
#define WHERE_UNKNOWN    "type = ?1 AND deleted = 0"

static guint
type_condition (const char *type)
{
  if (type == NULL)
    return 0;
  if (g_str_equal (type, SOFRA_TYPE_ATTENDANCE))
    return 1;
  return sofra_record_type_is_known (type) ? 2 : 3;
}

gboolean
sofra_store_foreach_doc (SofraStore  *self,
                         const char  *type,
                         SofraDocFunc func,
                         gpointer     user_data,
                         GError     **error)
{
  static const char *const foreach_sql[] = {
    "SELECT id, rev, body FROM docs WHERE " WHERE_ANY " ORDER BY id",
    "SELECT id, rev, body FROM docs WHERE " WHERE_ATTENDANCE " ORDER BY id",
    "SELECT id, rev, body FROM docs WHERE " WHERE_KNOWN " ORDER BY id",
    "SELECT id, rev, body FROM docs WHERE " WHERE_UNKNOWN " ORDER BY id",
  };
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db, foreach_sql[type_condition (type)], -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sofra_store_sql_error (self, rc, error);
  if (type)
    sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (JsonObject)
        doc = sofra_store_make_doc ((const char *) sqlite3_column_text (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 1), FALSE,
                                    (const char *) sqlite3_column_text (stmt, 2), NULL);

      if (doc != NULL && !func (doc, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sofra_store_sql_error (self, rc, error);
  return TRUE;
}

static gboolean
is_field_name (const char *field)
{
  if (field == NULL || *field == '\0' || strlen (field) > 64)
    return FALSE;
  for (const char *p = field; *p; p++)
    if (!(g_ascii_islower (*p) || *p == '_' || g_ascii_isdigit (*p)))
      return FALSE;
  return TRUE;
}

GPtrArray *
sofra_store_find (SofraStore *self,
                  const char *type,
                  const char *field,
                  const char *value,
                  GError    **error)
{
  g_autoptr (GPtrArray)
    result = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt    *stmt;
  gboolean         is_list;
  int              rc;

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL && value != NULL, NULL);
  g_return_val_if_fail (is_field_name (field), NULL);

  /* References have columns of their own, kept by the write path and indexed. */
  is_list = g_str_has_suffix (field, "_ids") || g_str_equal (field, "facilitators") ||
            g_str_equal (field, "communities") || g_str_equal (field, "topics") ||
            g_str_equal (field, "languages");
  if (g_str_equal (field, "session_id") || g_str_equal (field, "participant_id"))
    sql = g_strdup_printf ("SELECT id, rev, body FROM docs WHERE %s = ?2 AND type = ?1"
                           " AND deleted = 0 ORDER BY id",
                           field);
  else if (is_list)
    sql = g_strdup_printf ("SELECT id, rev, body FROM docs WHERE type = ?1 AND deleted = 0"
                           " AND EXISTS (SELECT 1 FROM json_each(body, '$.%s')"
                           " WHERE json_each.value = ?2) ORDER BY id",
                           field);
  else
    sql = g_strdup_printf ("SELECT id, rev, body FROM docs WHERE type = ?1 AND deleted = 0"
                           " AND json_extract(body, '$.%s') = ?2 ORDER BY id",
                           field);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sofra_store_sql_error (self, rc, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *doc = sofra_store_make_doc ((const char *) sqlite3_column_text (stmt, 0),
                                              (const char *) sqlite3_column_text (stmt, 1), FALSE,
                                              (const char *) sqlite3_column_text (stmt, 2), NULL);
      if (doc)
        g_ptr_array_add (result, doc);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sofra_store_sql_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

guint
sofra_store_count (SofraStore *self, const char *type)
{
  static const char *const count_sql[] = {
    "SELECT count(*) FROM docs WHERE " WHERE_ANY,
    "SELECT count(*) FROM docs WHERE " WHERE_ATTENDANCE,
    "SELECT count(*) FROM docs WHERE " WHERE_KNOWN,
    "SELECT count(*) FROM docs WHERE " WHERE_UNKNOWN,
  };
  sqlite3_stmt *stmt;
  guint         n = 0;

  g_return_val_if_fail (SOFRA_IS_STORE (self), 0);

  stmt = sofra_store_stmt (self, count_sql[type_condition (type)], NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

JsonObject *
sofra_store_get_local (SofraStore *self, const char *id)
{
  sqlite3_stmt *stmt;
  JsonObject   *doc = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);

  stmt = sofra_store_stmt (self, "SELECT body FROM local_docs WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    doc = sofra_json_parse_object ((const char *) sqlite3_column_text (stmt, 0), -1, NULL);
  sqlite3_reset (stmt);
  return doc;
}

gboolean
sofra_store_put_local (SofraStore *self, const char *id, JsonObject *body, GError **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt    *stmt;
  gboolean         ok;
  int              rc;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && body != NULL, FALSE);

  text = sofra_json_to_string (body);
  if (!sofra_store_check_size (text, error) || !sofra_store_write_begin (self, error))
    return FALSE;
  stmt = sofra_store_stmt (self,
                           "INSERT INTO local_docs (id, body) VALUES (?1, ?2)"
                           " ON CONFLICT (id) DO UPDATE SET body = excluded.body",
                           error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        ok = sofra_store_sql_error (self, rc, error);
    }
  /* _local documents are not records: no "changed" signal. */
  return sofra_store_write_end (self, ok, FALSE, id, NULL, error);
}

gboolean
sofra_store_check (SofraStore *self, GString *report, GError **error)
{
  static const struct
  {
    const char *sql;
    const char *problem;
  } invariants[] = {
    { "SELECT id FROM docs WHERE NOT json_valid(body)", N_ ("Record %s has an unreadable body.") },
    { "SELECT DISTINCT b.doc_id FROM rev_bodies AS b WHERE NOT EXISTS"
      " (SELECT 1 FROM docs AS d WHERE d.id = b.doc_id)",
      N_ ("Revisions of %s belong to no record.") },
  };

  sqlite3_stmt *stmt;
  gboolean      ok = TRUE;
  int           rc;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sofra_store_sql_error (self, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          g_string_append_printf (report, "%s\n", line);
          ok = FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sofra_store_sql_error (self, rc, error);

  for (guint i = 0; i < G_N_ELEMENTS (invariants); i++)
    {
      rc = sqlite3_prepare_v2 (self->db, invariants[i].sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return sofra_store_sql_error (self, rc, error);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_string_append_printf (report, g_dgettext (GETTEXT_PACKAGE, invariants[i].problem),
                                  (const char *) sqlite3_column_text (stmt, 0));
          g_string_append_c (report, '\n');
          ok = FALSE;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return sofra_store_sql_error (self, rc, error);
    }
  /* Every revision tree, read back and checked against its row. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT seq, id, rev, deleted, tree FROM docs WHERE tree IS NOT NULL",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sofra_store_sql_error (self, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SofraDocRow      row = { .seq = sqlite3_column_int64 (stmt, 0),
                               .rev = (char *) sqlite3_column_text (stmt, 2),
                               .deleted = sqlite3_column_int (stmt, 3),
                               .tree = (char *) sqlite3_column_text (stmt, 4) };
      g_autofree char *problem = sofra_rev_tree_check (&row);

      if (problem != NULL)
        {
          g_string_append_printf (report, _ ("Record %s: %s.\n"),
                                  (const char *) sqlite3_column_text (stmt, 1), problem);
          ok = FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sofra_store_sql_error (self, rc, error);

  if (self->schema_version != sofra_store_get_latest_schema_version ())
    {
      g_string_append_printf (report, _ ("The schema is at version %d, expected %d.\n"),
                              self->schema_version, sofra_store_get_latest_schema_version ());
      ok = FALSE;
    }
  if (ok)
    g_string_append (report, _ ("The database is intact.\n"));
  return ok;
}

gboolean
sofra_store_seed_places (SofraStore *self, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonObject) root = NULL;
  JsonArray *places;
  gboolean   ok = TRUE, any = FALSE;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);

  /* Looked up in our own resource: that also links it in from the static library. */
  bytes = g_resource_lookup_data (sofra_core_get_resource (), "/org/sofra/Sofra/gazetteer.json", 0,
                                  error);
  if (bytes == NULL)
    return FALSE;
  root = sofra_json_parse_object (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  if (root == NULL)
    return FALSE;
  places = sofra_json_array_member (root, "places");
  if (places == NULL)
    return TRUE;

  if (!sofra_store_write_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < json_array_get_length (places); i++)
    {
      JsonObject *place = json_array_get_object_element (places, i);
      g_autoptr (JsonObject) doc = json_object_new ();
      g_autoptr (GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *id = NULL;
      g_autofree char *body = NULL;
      g_auto (SofraDocRow) absent = { 0 };
      gboolean changed = FALSE;

      if (place == NULL)
        continue;
      id = g_strconcat ("place:", json_object_get_string_member_with_default (place, "code", ""),
                        NULL);
      /* Present in any state (even deleted through sync): leave it as it is. */
      if (!(ok = sofra_store_read_row (self, id, &absent, error)))
        break;
      if (absent.seq != 0)
        continue;
      json_object_set_string_member (doc, "type", SOFRA_TYPE_PLACE);
      sofra_json_copy_members (doc, place);
      if (!(ok = sofra_record_validate (doc, error)))
        break;
      /* No stamps: every laptop must seed the very same first revision. */
      body = sofra_json_canonical_body (doc);
      g_ptr_array_add (chain, sofra_rev_make (NULL, FALSE, body));
      ok = sofra_store_add_revisions (self, id, SOFRA_TYPE_PLACE, &absent, NULL, chain, FALSE, body,
                                      doc, &changed, error);
      any |= changed;
    }
  return sofra_store_write_end (self, ok, any, NULL, SOFRA_TYPE_PLACE, error);
}
