/* sofra-store-docs.c — the store's write path and the reads of one document
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

JsonObject *
sofra_store_make_doc (const char *id,
                      const char *rev,
                      gboolean    deleted,
                      const char *body,
                      GError    **error)
{
  g_autoptr (JsonObject) parsed = NULL;
  JsonObject *doc;

  parsed = sofra_json_parse_object (body ? body : "{}", -1, error);
  if (parsed == NULL)
    return NULL;
  doc = json_object_new ();
  json_object_set_string_member (doc, "_id", id);
  json_object_set_string_member (doc, "_rev", rev);
  if (deleted)
    json_object_set_boolean_member (doc, "_deleted", TRUE);
  sofra_json_copy_members (doc, parsed);
  return doc;
}

/* One clock reading a second is enough for the stamps, and a batch makes thousands. */
static const char *
now_iso8601 (void)
{
  static char   text[32];
  static gint64 second = -1;
  gint64        now = g_get_real_time () / G_USEC_PER_SEC;

  if (now != second)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (now);
      g_autofree char *formatted = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");

      g_strlcpy (text, formatted, sizeof text);
      second = now;
    }
  return text;
}

/* Inside a batch the store holds the write lock, so what it learnt stays true until the batch
 * ends; a batch of attendances asks about the same sessions and participants again and
 * again. */
gboolean
sofra_store_doc_is_live (SofraStore *self, const char *id)
{
  sqlite3_stmt *stmt;
  gboolean      live;

  if (id == NULL)
    return FALSE;
  if (self->in_batch && g_hash_table_contains (self->live_ids, id))
    return TRUE;
  stmt = sofra_store_stmt (self, "SELECT deleted FROM docs WHERE id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  live = sqlite3_step (stmt) == SQLITE_ROW && !sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (live && self->in_batch)
    {
      if (g_hash_table_size (self->live_ids) > 100000)
        g_hash_table_remove_all (self->live_ids);
      g_hash_table_add (self->live_ids, g_strdup (id));
    }
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
            ok = sofra_store_doc_is_live (self, json_array_get_string_element (array, j));
        }
      else
        ok = sofra_store_doc_is_live (self, json_node_get_string (node));
      if (!ok)
        {
          g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                               g_dgettext (GETTEXT_PACKAGE, refs[i].message));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
sofra_store_check_size (const char *body, GError **error)
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

/* Everything of a local write but the transaction: stamps, validates, writes. Nothing is
 * changed before every check has passed. */
static gboolean
put_locked (SofraStore *self,
            JsonObject *doc,
            const char *type,
            const char *id,
            gboolean    fresh_id,
            gboolean    deleted,
            gboolean   *changed,
            GError    **error)
{
  g_auto (SofraDocRow) row = { 0 };
  g_autofree char *body = NULL;
  g_autofree char *rev = NULL;
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();
  const char *given_rev = json_object_get_string_member_with_default (doc, "_rev", NULL);
  const char *parent;
  gboolean    live;

  /* A new random id cannot be in the database: no need to look. */
  if (!fresh_id && !sofra_store_read_row (self, id, &row, error))
    return FALSE;
  parent = row.rev;
  live = row.seq != 0 && !row.deleted;
  /* A deletion may name a losing leaf instead of the winner: that resolves a conflict. */
  if (deleted && live && given_rev != NULL && g_strcmp0 (given_rev, row.rev) != 0)
    {
      g_auto (GStrv) conflicts = sofra_rev_tree_conflicts (&row);

      if (g_strv_contains ((const char *const *) conflicts, given_rev))
        parent = given_rev;
    }
  if (parent == row.rev && (live ? g_strcmp0 (given_rev, row.rev) != 0
                                 : (given_rev != NULL && g_strcmp0 (given_rev, row.rev) != 0)))
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR,
                           row.seq == 0 ? SOFRA_STORE_ERROR_NOT_FOUND : SOFRA_STORE_ERROR_CONFLICT,
                           _ ("This record was changed elsewhere in the meantime. Reopen it and "
                              "make the change again."));
      return FALSE;
    }

  if (!deleted)
    {
      const char *now;

      /* An edit that changes nothing makes no revision (autosave calls often). */
      if (live)
        {
          g_autoptr (JsonObject) stored = sofra_json_parse_object (row.body, -1, error);
          g_autofree char *unchanged = NULL;

          if (stored == NULL)
            return FALSE;
          copy_member (doc, "created_at", stored);
          copy_member (doc, "updated_at", stored);
          copy_member (doc, "updated_by", stored);
          copy_member (doc, "office", stored);
          unchanged = sofra_json_canonical_body (doc);
          if (g_strcmp0 (unchanged, row.body) == 0)
            {
              json_object_set_string_member (doc, "_id", id);
              json_object_set_string_member (doc, "_rev", row.rev);
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
  if (!sofra_store_check_size (body, error))
    return FALSE;

  rev = sofra_rev_make (parent, deleted, body);
  g_ptr_array_add (chain, rev);
  if (!sofra_store_add_revisions (self, id, type, &row, parent, chain, deleted, body,
                                  deleted ? NULL : doc, changed, error))
    return FALSE;
  json_object_set_string_member (doc, "_id", id);
  json_object_set_string_member (doc, "_rev", rev);
  return TRUE;
}

char *
sofra_store_make_id (const char *type)
{
  guint64 ms = (guint64) (g_get_real_time () / 1000);
  guint32 r1 = g_random_int (), r2 = g_random_int (), r3 = g_random_int ();

  g_return_val_if_fail (type != NULL, NULL);

  /* RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits. */
  return g_strdup_printf ("%s:%08x-%04x-7%03x-%04x-%04x%08x", type, (guint32) (ms >> 16),
                          (guint) (ms & 0xffff), r1 & 0xfff, ((r1 >> 12) & 0x3fff) | 0x8000,
                          r2 & 0xffff, r3);
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
    id = sofra_store_make_id (type);
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
  ok = put_locked (self, doc, type, id, node == NULL, FALSE, &changed, error);
  return sofra_store_write_end (self, ok, changed, id, type, error);
}

gboolean
sofra_store_delete (SofraStore *self, const char *id, const char *rev, GError **error)
{
  g_auto (SofraDocRow) row = { 0 };
  g_autoptr (JsonObject) doc = json_object_new ();
  gboolean changed = FALSE, ok;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!sofra_store_read_row (self, id, &row, error))
    return FALSE;
  if (row.seq == 0 || row.deleted)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                           _ ("The record does not exist or was already deleted."));
      return FALSE;
    }
  json_object_set_string_member (doc, "_rev", rev ? rev : row.rev);

  if (!sofra_store_write_begin (self, error))
    return FALSE;
  ok = put_locked (self, doc, row.type ? row.type : "", id, FALSE, TRUE, &changed, error);
  return sofra_store_write_end (self, ok, changed, id, row.type, error);
}

gboolean
sofra_store_undelete (SofraStore *self, const char *id, GError **error)
{
  g_auto (SofraDocRow) row = { 0 };
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!sofra_store_read_row (self, id, &row, error))
    return FALSE;
  if (row.seq != 0 && row.deleted && (parent = sofra_rev_tree_parent (&row, row.rev)))
    body = sofra_store_read_rev_body (self, id, parent);
  if (body == NULL)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                           _ ("There is no deleted record to restore."));
      return FALSE;
    }
  if (!(doc = sofra_store_make_doc (id, row.rev, FALSE, body, error)))
    return FALSE;
  return sofra_store_put (self, doc, error);
}

/* Records that go together (a session and its attendance) are deleted and restored in one
 * batch, so Undo never brings back half of them. */
static gboolean
change_all (SofraStore *self, const char *const *ids, gboolean restore, GError **error)
{
  if (!sofra_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean ok = restore ? sofra_store_undelete (self, ids[i], error)
                            : sofra_store_delete (self, ids[i], NULL, error);

      if (!ok)
        {
          sofra_store_rollback (self);
          return FALSE;
        }
    }
  return sofra_store_commit (self, error);
}

gboolean
sofra_store_delete_all (SofraStore *self, const char *const *ids, GError **error)
{
  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  return change_all (self, ids, FALSE, error);
}

gboolean
sofra_store_undelete_all (SofraStore *self, const char *const *ids, GError **error)
{
  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  return change_all (self, ids, TRUE, error);
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
  g_auto (SofraDocRow) row = { 0 };

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!sofra_store_read_row (self, id, &row, error))
    return NULL;
  if (row.seq == 0 || row.deleted)
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                   _ ("The record “%s” does not exist."), id);
      return NULL;
    }
  return sofra_store_make_doc (id, row.rev, FALSE, row.body, error);
}

JsonObject *
sofra_store_get_revision (SofraStore *self,
                          const char *id,
                          const char *rev,
                          gboolean    revisions,
                          GError    **error)
{
  g_auto (SofraDocRow) row = { 0 };
  g_autofree char *body = NULL;
  JsonObject      *doc;
  gboolean         deleted = FALSE;

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL && rev != NULL, NULL);

  if (!sofra_store_read_row (self, id, &row, error))
    return NULL;
  if (row.seq != 0 && sofra_rev_tree_has (&row, rev, &deleted))
    body = g_strcmp0 (rev, row.rev) == 0 ? g_strdup (row.body)
                                         : sofra_store_read_rev_body (self, id, rev);
  if (body == NULL && deleted)
    body = g_strdup ("{}");
  if (body == NULL)
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                   _ ("The record “%s” has no revision “%s”."), id, rev);
      return NULL;
    }
  if (!(doc = sofra_store_make_doc (id, rev, deleted, body, error)) || !revisions)
    return doc;
  json_object_set_object_member (doc, "_revisions", sofra_rev_tree_history (&row, rev));
  return doc;
}

char **
sofra_store_get_conflicts (SofraStore *self, const char *id)
{
  g_auto (SofraDocRow) row = { 0 };

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);

  if (!sofra_store_read_row (self, id, &row, NULL) || row.seq == 0)
    return g_new0 (char *, 1);
  return sofra_rev_tree_conflicts (&row);
}

static gboolean
bad_history (GError **error)
{
  g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                       _ ("The record’s revision history does not match its revision."));
  return FALSE;
}

gboolean
sofra_store_put_replicated (SofraStore *self, JsonObject *doc, GError **error)
{
  g_autoptr (GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
  g_auto (SofraDocRow) row = { 0 };
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
  /* No check of the fields: a newer Sofra in another office may write values (a new kind of
   * session, a new field) this version does not know; the document is kept and passed on
   * untouched, and shown only where it can be decoded. */

  history = sofra_json_object_member (doc, "_revisions");
  if (history != NULL)
    {
      JsonArray *ids = sofra_json_array_member (history, "ids");
      gint64     start = json_object_get_int_member_with_default (history, "start", 0);
      guint      n = ids ? json_array_get_length (ids) : 0;

      if (start != pos || n == 0 || n > (guint) start ||
          g_strcmp0 (json_array_get_string_element (ids, 0), hash) != 0)
        return bad_history (error);
      for (guint i = n; i > 0; i--)
        {
          const char *h = json_array_get_string_element (ids, i - 1);
          char       *r = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", start - (i - 1), h ? h : "");

          g_ptr_array_add (chain, r);
          if (h == NULL || !sofra_rev_parse (r, NULL, NULL))
            return bad_history (error);
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
  if (!sofra_store_check_size (body, error))
    return FALSE;

  if (!sofra_store_write_begin (self, error))
    return FALSE;
  ok = sofra_store_read_row (self, id, &row, error) &&
       sofra_store_add_revisions (self, id, type, &row, NULL, chain, deleted, body, doc, &changed,
                                  error);
  /* An erasure leaves nothing of the person behind here either. */
  if (ok && changed && sofra_doc_is_erased (doc))
    ok = sofra_store_purge_kept_bodies (self, id, error);
  return sofra_store_write_end (self, ok, changed, id, type, error);
}

char **
sofra_store_revs_diff (SofraStore *self, const char *id, const char *const *revs)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (SofraDocRow) row = { 0 };

  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);

  sofra_store_read_row (self, id, &row, NULL);
  for (guint i = 0; revs != NULL && revs[i] != NULL; i++)
    if (row.seq == 0 || !sofra_rev_tree_has (&row, revs[i], NULL))
      g_strv_builder_add (builder, revs[i]);
  return g_strv_builder_end (builder);
}
