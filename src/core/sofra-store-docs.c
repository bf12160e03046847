/* sofra-store-docs.c — the store's write path and its reads
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

static JsonObject *
object_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Builds {"_id", "_rev", [_deleted], …body} from a stored row. */
static JsonObject *
make_doc (const char *id, const char *rev, gboolean deleted, const char *body, GError **error)
{
  g_autoptr (JsonObject) parsed = NULL;
  JsonObject *doc;
  g_autoptr (GList) members = NULL;

  parsed = sofra_json_parse_object (body ? body : "{}", -1, error);
  if (parsed == NULL)
    return NULL;
  doc = json_object_new ();
  json_object_set_string_member (doc, "_id", id);
  json_object_set_string_member (doc, "_rev", rev);
  if (deleted)
    json_object_set_boolean_member (doc, "_deleted", TRUE);
  members = json_object_get_members (parsed);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (doc, l->data,
                            json_node_copy (json_object_get_member (parsed, l->data)));
  return doc;
}

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

typedef struct
{
  char    *rev;
  gboolean deleted;
  char    *body;
} Winner;

static void
winner_clear (Winner *w)
{
  g_clear_pointer (&w->rev, g_free);
  g_clear_pointer (&w->body, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Winner, winner_clear)

static gboolean
read_winner (SofraStore *self, const char *id, Winner *w, GError **error)
{
  sqlite3_stmt *stmt = sofra_store_stmt (self, "SELECT rev, deleted, body FROM docs WHERE id = ?1",
                                         error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      w->rev = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      w->deleted = sqlite3_column_int (stmt, 1);
      w->body = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sofra_store_sql_error (self, rc, error);
  return TRUE;
}

/* For references: one index lookup, without copying the body. */
static gboolean
doc_is_live (SofraStore *self, const char *id)
{
  sqlite3_stmt *stmt = sofra_store_stmt (self, "SELECT deleted FROM docs WHERE id = ?1", NULL);
  gboolean      live;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  live = sqlite3_step (stmt) == SQLITE_ROW && !sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return live;
}

static gboolean
check_references (SofraStore *self, JsonObject *doc, GError **error)
{
  static const struct
  {
    const char *field;
    const char *message;
  } refs[] = {
    { "participant_id", N_ ("The participant this record points to does not exist.") },
    { "session_id", N_ ("The session this record points to does not exist.") },
    { "participant_ids", N_ ("A participant this follow-up points to does not exist.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      JsonNode *node = json_object_get_member (doc, refs[i].field);
      gboolean  ok = TRUE;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint j = 0; ok && j < json_array_get_length (array); j++)
            ok = doc_is_live (self, json_array_get_string_element (array, j));
        }
      else
        ok = doc_is_live (self, json_node_get_string (node));
      if (!ok)
        {
          g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                               g_dgettext (GETTEXT_PACKAGE, refs[i].message));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_size (const char *body, GError **error)
{
  if (strlen (body) <= SOFRA_STORE_MAX_DOC_SIZE)
    return TRUE;
  g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_TOO_LARGE,
               _ ("The record is too large to save (more than %d KB)."),
               SOFRA_STORE_MAX_DOC_SIZE / 1024);
  return FALSE;
}

static gboolean
valid_id (const char *id, const char *type)
{
  gsize n = strlen (type);

  if (strncmp (id, type, n) != 0 || id[n] != ':' || id[n + 1] == '\0' || strlen (id) > 200)
    return FALSE;
  for (const char *p = id; *p; p++)
    if ((unsigned char) *p < 0x20 || *p == '/')
      return FALSE;
  return g_utf8_validate (id, -1, NULL);
}

static void
copy_member (JsonObject *to, const char *name, JsonObject *from)
{
  JsonNode *node = from ? json_object_get_member (from, name) : NULL;

  if (node)
    json_object_set_member (to, name, json_node_copy (node));
  else
    json_object_remove_member (to, name);
}

/* Everything of a local write but the transaction: stamps, validates, writes. */
static gboolean
put_locked (SofraStore *self,
            JsonObject *doc,
            const char *type,
            const char *id,
            gboolean    deleted,
            gboolean   *changed,
            GError    **error)
{
  g_auto (Winner) w = { NULL, FALSE, NULL };
  g_autoptr (JsonObject) stored = NULL;
  g_autofree char *body = NULL;
  g_autofree char *rev = NULL;
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();
  const char *given_rev = json_object_get_string_member_with_default (doc, "_rev", NULL);

  if (!read_winner (self, id, &w, error))
    return FALSE;
  if (w.rev != NULL && !w.deleted ? g_strcmp0 (given_rev, w.rev) != 0
                                  : (given_rev != NULL && g_strcmp0 (given_rev, w.rev) != 0))
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR,
                           w.rev == NULL ? SOFRA_STORE_ERROR_NOT_FOUND : SOFRA_STORE_ERROR_CONFLICT,
                           _ ("This record was changed elsewhere in the meantime. Reopen it and "
                              "make the change again."));
      return FALSE;
    }
  if (w.rev != NULL && !(stored = sofra_json_parse_object (w.body, -1, error)))
    return FALSE;

  if (!deleted)
    {
      g_autofree char *now = NULL;
      g_autofree char *unchanged = NULL;

      /* An edit that changes nothing makes no revision (autosave calls often). */
      if (stored != NULL && !w.deleted)
        {
          copy_member (doc, "created_at", stored);
          copy_member (doc, "updated_at", stored);
          copy_member (doc, "updated_by", stored);
          copy_member (doc, "office", stored);
          unchanged = sofra_json_canonical_body (doc);
          if (g_strcmp0 (unchanged, w.body) == 0)
            {
              json_object_set_string_member (doc, "_rev", w.rev);
              *changed = FALSE;
              return TRUE;
            }
        }

      now = now_iso8601 ();
      if (!json_object_has_member (doc, "created_at"))
        json_object_set_string_member (doc, "created_at", now);
      json_object_set_string_member (doc, "updated_at", now);
      if (self->staff_name)
        json_object_set_string_member (doc, "updated_by", self->staff_name);
      if (self->office_id && !json_object_has_member (doc, "office"))
        json_object_set_string_member (doc, "office", self->office_id);

      if (!sofra_record_validate (doc, error) || !check_references (self, doc, error))
        return FALSE;
      body = sofra_json_canonical_body (doc);
    }
  else
    {
      g_autoptr (JsonObject) tombstone = json_object_new ();

      json_object_set_string_member (tombstone, "type", type);
      body = sofra_json_canonical_body (tombstone);
    }

  if (body == NULL)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                           _ ("The record contains text that is not valid."));
      return FALSE;
    }
  if (!check_size (body, error))
    return FALSE;

  rev = sofra_rev_make (w.rev, deleted, body);
  g_ptr_array_add (chain, rev);
  if (!sofra_store_add_revisions (self, id, type, w.rev, chain, deleted, body, changed, error))
    return FALSE;
  json_object_set_string_member (doc, "_id", id);
  json_object_set_string_member (doc, "_rev", rev);
  return TRUE;
}

gboolean
sofra_store_put (SofraStore *self, JsonObject *doc, GError **error)
{
  g_autofree char *id = NULL;
  const char      *type;
  gboolean         changed = FALSE, ok;
  JsonNode        *node;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  type = json_object_get_string_member_with_default (doc, "type", NULL);
  if (!sofra_record_type_is_known (type))
    return sofra_record_validate (doc, error); /* says what is wrong with the type */

  node = json_object_get_member (doc, "_id");
  if (node == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      id = g_strconcat (type, ":", uuid, NULL);
    }
  else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
           !valid_id (json_node_get_string (node), type))
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                           _ ("The record’s identifier is not valid for its type."));
      return FALSE;
    }
  else
    id = g_strdup (json_node_get_string (node));

  if (!sofra_store_write_begin (self, error))
    return FALSE;
  ok = put_locked (self, doc, type, id, FALSE, &changed, error);
  return sofra_store_write_end (self, ok, changed, id, type, error);
}

static gboolean
delete_internal (SofraStore *self, const char *id, const char *rev, GError **error)
{
  g_auto (Winner) w = { NULL, FALSE, NULL };
  g_autoptr (JsonObject) doc = json_object_new ();
  g_autofree char *type = NULL;
  gboolean         changed = FALSE, ok;

  if (!read_winner (self, id, &w, error))
    return FALSE;
  if (w.rev == NULL || w.deleted)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                           _ ("The record does not exist or was already deleted."));
      return FALSE;
    }
  {
    g_autoptr (JsonObject) stored = sofra_json_parse_object (w.body, -1, error);

    if (stored == NULL)
      return FALSE;
    type = g_strdup (json_object_get_string_member_with_default (stored, "type", ""));
  }
  json_object_set_string_member (doc, "_rev", rev ? rev : w.rev);

  if (!sofra_store_write_begin (self, error))
    return FALSE;
  ok = put_locked (self, doc, type, id, TRUE, &changed, error);
  return sofra_store_write_end (self, ok, changed, id, type, error);
}

gboolean
sofra_store_delete (SofraStore *self, const char *id, const char *rev, GError **error)
{
  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return delete_internal (self, id, rev, error);
}

gboolean
sofra_store_undelete (SofraStore *self, const char *id, GError **error)
{
  g_auto (Winner) w = { NULL, FALSE, NULL };
  g_autoptr (JsonObject) doc = NULL;
  sqlite3_stmt    *stmt;
  g_autofree char *body = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!read_winner (self, id, &w, error))
    return FALSE;
  if (w.rev == NULL || !w.deleted)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                           _ ("There is no deleted record to restore."));
      return FALSE;
    }
  if (!(stmt = sofra_store_stmt (self,
                                 "SELECT p.body FROM revs AS t JOIN revs AS p"
                                 " ON p.doc_id = t.doc_id AND p.rev = t.parent"
                                 " WHERE t.doc_id = ?1 AND t.rev = ?2",
                                 error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, w.rev, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (body == NULL)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                           _ ("There is no deleted record to restore."));
      return FALSE;
    }
  if (!(doc = make_doc (id, w.rev, FALSE, body, error)))
    return FALSE;
  return sofra_store_put (self, doc, error);
}

JsonObject *
sofra_store_parse_doc (const char *text, gssize length, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  JsonObject *doc;

  g_return_val_if_fail (text != NULL, NULL);

  doc = sofra_json_parse_object (text, length, &local_error);
  if (doc == NULL)
    g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                 _ ("The record is not a JSON object: %s"), local_error->message);
  return doc;
}

JsonObject *
sofra_store_get (SofraStore *self, const char *id, GError **error)
{
  g_auto (Winner) w = { NULL, FALSE, NULL };

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!read_winner (self, id, &w, error))
    return NULL;
  if (w.rev == NULL || w.deleted)
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                   _ ("The record “%s” does not exist."), id);
      return NULL;
    }
  return make_doc (id, w.rev, FALSE, w.body, error);
}

JsonObject *
sofra_store_get_revision (SofraStore *self,
                          const char *id,
                          const char *rev,
                          gboolean    revisions,
                          GError    **error)
{
  g_auto (Winner) w = { NULL, FALSE, NULL };
  g_autofree char *body = NULL;
  g_autofree char *cursor = NULL;
  JsonObject      *doc;
  JsonArray       *ids;
  sqlite3_stmt    *stmt;
  gboolean         deleted = FALSE, found = FALSE;
  gint64           start = 0;

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL && rev != NULL, NULL);

  if (!read_winner (self, id, &w, error))
    return NULL;
  if (!(stmt = sofra_store_stmt (self,
                                 "SELECT deleted, body, pos FROM revs"
                                 " WHERE doc_id = ?1 AND rev = ?2",
                                 error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      deleted = sqlite3_column_int (stmt, 0);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        body = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      start = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (found && g_strcmp0 (rev, w.rev) == 0)
    {
      g_free (body);
      body = g_strdup (w.body);
    }
  if (!found || body == NULL)
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                   _ ("The record “%s” has no revision “%s”."), id, rev);
      return NULL;
    }
  if (!(doc = make_doc (id, rev, deleted, body, error)) || !revisions)
    return doc;

  ids = json_array_new ();
  cursor = g_strdup (rev);
  while (cursor != NULL)
    {
      const char *hash;
      char       *parent = NULL;

      sofra_rev_parse (cursor, NULL, &hash);
      json_array_add_string_element (ids, hash);
      stmt = sofra_store_stmt (self, "SELECT parent FROM revs WHERE doc_id = ?1 AND rev = ?2",
                               NULL);
      if (stmt == NULL)
        break;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, cursor, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        parent = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      g_free (cursor);
      cursor = parent;
    }
  {
    JsonObject *history = json_object_new ();

    json_object_set_int_member (history, "start", start);
    json_object_set_array_member (history, "ids", ids);
    json_object_set_object_member (doc, "_revisions", history);
  }
  return doc;
}

char **
sofra_store_get_conflicts (SofraStore *self, const char *id)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);

  stmt = sofra_store_stmt (self,
                           "SELECT r.rev FROM revs AS r JOIN docs AS d ON d.id = r.doc_id"
                           " WHERE r.doc_id = ?1 AND r.leaf = 1 AND r.deleted = 0"
                           " AND r.rev != d.rev ORDER BY r.pos DESC, r.rev DESC",
                           NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

gboolean
sofra_store_put_replicated (SofraStore *self, JsonObject *doc, GError **error)
{
  g_autoptr (GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body = NULL;
  const char      *id, *rev, *hash, *type;
  gboolean         deleted, changed = FALSE, ok;
  JsonObject      *history;
  gint64           pos;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  id = json_object_get_string_member_with_default (doc, "_id", NULL);
  rev = json_object_get_string_member_with_default (doc, "_rev", NULL);
  deleted = json_object_get_boolean_member_with_default (doc, "_deleted", FALSE);
  type = json_object_get_string_member_with_default (doc, "type", NULL);
  if (id == NULL || *id == '\0' || g_str_has_prefix (id, "_local/") ||
      !g_utf8_validate (id, -1, NULL) || !sofra_rev_parse (rev, &pos, &hash))
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                           _ ("The record has no valid identifier or revision."));
      return FALSE;
    }
  if (!deleted && sofra_record_type_is_known (type) && !sofra_record_validate (doc, error))
    return FALSE;

  history = object_member (doc, "_revisions");
  if (history != NULL)
    {
      JsonArray *ids = array_member (history, "ids");
      gint64     start = json_object_get_int_member_with_default (history, "start", 0);
      guint      n = ids ? json_array_get_length (ids) : 0;

      if (start != pos || n == 0 || n > (guint) start ||
          g_strcmp0 (json_array_get_string_element (ids, 0), hash) != 0)
        {
          g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                               _ ("The record’s revision history does not match its revision."));
          return FALSE;
        }
      for (guint i = n; i > 0; i--)
        {
          const char *h = json_array_get_string_element (ids, i - 1);
          char       *r = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", start - (i - 1), h ? h : "");

          if (h == NULL || !sofra_rev_parse (r, NULL, NULL))
            {
              g_free (r);
              g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                                   _ ("The record’s revision history does not match its "
                                      "revision."));
              return FALSE;
            }
          g_ptr_array_add (chain, r);
        }
    }
  else
    g_ptr_array_add (chain, g_strdup (rev));

  body = sofra_json_canonical_body (doc);
  if (body == NULL)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                           _ ("The record contains text that is not valid."));
      return FALSE;
    }
  if (!check_size (body, error))
    return FALSE;

  if (!sofra_store_write_begin (self, error))
    return FALSE;
  ok = sofra_store_add_revisions (self, id, type, NULL, chain, deleted, body, &changed, error);
  return sofra_store_write_end (self, ok, changed, id, type, error);
}

char **
sofra_store_revs_diff (SofraStore *self, const char *id, const char *const *revs)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);

  for (guint i = 0; revs != NULL && revs[i] != NULL; i++)
    {
      sqlite3_stmt *stmt =
        sofra_store_stmt (self, "SELECT 1 FROM revs WHERE doc_id = ?1 AND rev = ?2", NULL);
      gboolean have;

      if (stmt == NULL)
        break;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, revs[i], -1, SQLITE_STATIC);
      have = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!have)
        g_strv_builder_add (builder, revs[i]);
    }
  return g_strv_builder_end (builder);
}

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

gboolean
sofra_store_foreach_doc (SofraStore  *self,
                         const char  *type,
                         SofraDocFunc func,
                         gpointer     user_data,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db,
                           type ? "SELECT id, rev, body FROM docs"
                                  " WHERE type = ?1 AND deleted = 0 ORDER BY id"
                                : "SELECT id, rev, body FROM docs WHERE deleted = 0 ORDER BY id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sofra_store_sql_error (self, rc, error);
  if (type)
    sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (JsonObject) doc = make_doc ((const char *) sqlite3_column_text (stmt, 0),
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

  /* The expression must read exactly as in the index for SQLite to use it. */
  is_list = g_str_has_suffix (field, "_ids") || g_str_equal (field, "facilitators") ||
            g_str_equal (field, "communities") || g_str_equal (field, "topics") ||
            g_str_equal (field, "languages");
  if (is_list)
    sql = g_strdup_printf ("SELECT id, rev, body FROM docs WHERE type = ?1 AND deleted = 0"
                           " AND EXISTS (SELECT 1 FROM json_each(body, '$.%s')"
                           " WHERE json_each.value = ?2) ORDER BY id",
                           field);
  else
    sql = g_strdup_printf ("SELECT id, rev, body FROM docs WHERE json_extract(body, '$.%s') = ?2"
                           " AND deleted = 0 AND type = ?1 ORDER BY id",
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
      JsonObject *doc = make_doc ((const char *) sqlite3_column_text (stmt, 0),
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
  sqlite3_stmt *stmt;
  guint         n = 0;

  g_return_val_if_fail (SOFRA_IS_STORE (self), 0);

  stmt = sofra_store_stmt (self, "SELECT count(*) FROM docs WHERE type = ?1 AND deleted = 0", NULL);
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
  if (!check_size (text, error) || !sofra_store_write_begin (self, error))
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
    { "SELECT d.id FROM docs AS d WHERE NOT EXISTS (SELECT 1 FROM revs AS r"
      " WHERE r.doc_id = d.id AND r.rev = d.rev AND r.leaf = 1)",
      N_ ("Record %s has no current revision in its history.") },
    { "SELECT DISTINCT r.doc_id FROM revs AS r WHERE NOT EXISTS"
      " (SELECT 1 FROM docs AS d WHERE d.id = r.doc_id)",
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
  places = array_member (root, "places");
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
      g_autoptr (GList) members = NULL;
      gboolean changed = FALSE;

      if (place == NULL)
        continue;
      id = g_strconcat ("place:", json_object_get_string_member_with_default (place, "code", ""),
                        NULL);
      if (doc_is_live (self, id))
        continue;
      json_object_set_string_member (doc, "type", SOFRA_TYPE_PLACE);
      members = json_object_get_members (place);
      for (GList *l = members; l; l = l->next)
        json_object_set_member (doc, l->data,
                                json_node_copy (json_object_get_member (place, l->data)));
      if (!(ok = sofra_record_validate (doc, error)))
        break;
      /* No stamps: every laptop must seed the very same first revision. */
      body = sofra_json_canonical_body (doc);
      g_ptr_array_add (chain, sofra_rev_make (NULL, FALSE, body));
      ok = sofra_store_add_revisions (self, id, SOFRA_TYPE_PLACE, NULL, chain, FALSE, body,
                                      &changed, error);
      any |= changed;
    }
  return sofra_store_write_end (self, ok, any, NULL, SOFRA_TYPE_PLACE, error);
}
