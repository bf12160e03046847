/* sofra-search-index.c — the search index, kept by the store's write path
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each searched document has one row in its kind's FTS5 table, at rowid = docs.seq: the
 * folded text of its fields (sofra_translit_fold), and UNINDEXED filter columns. FTS5 keeps
 * the folded text (a contentful table) so that a row can be deleted by its rowid alone: a
 * contentless table needs the very tokens it was given, and those depend on a place's names
 * and on translations, which can change after the row was written.
 */
#include <string.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-search-private.h"
#include "sofra-translit.h"
#include "sofra-vocab.h"

/* Folded text only holds letters, digits and single spaces, so the tokenizer has nothing to
 * fold; the weights of bm25 favour titles and names, then places. */
const char sofra_search_schema_sql[] =
  "CREATE VIRTUAL TABLE search_sessions USING fts5 (title, text, place, topics,"
  "  date UNINDEXED, kind UNINDEXED, place_id UNINDEXED, communities UNINDEXED,"
  "  topic_ids UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');"
  "INSERT INTO search_sessions (search_sessions, rank) VALUES ('rank', 'bm25(10, 1, 4, 2)');"
  "CREATE VIRTUAL TABLE search_participants USING fts5 (name, code, organisation, place,"
  "  community UNINDEXED, place_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');"
  "INSERT INTO search_participants (search_participants, rank)"
  "  VALUES ('rank', 'bm25(10, 8, 2, 2)');"
  "CREATE VIRTUAL TABLE search_notes USING fts5 (text, date UNINDEXED,"
  "  tokenize = 'unicode61 remove_diacritics 0');"
  "CREATE VIRTUAL TABLE search_followups USING fts5 (what, note, owner,"
  "  due_date UNINDEXED, status UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');"
  "INSERT INTO search_followups (search_followups, rank) VALUES ('rank', 'bm25(4, 1, 2)');";

static const char *const delete_sql[SOFRA_SEARCH_N_KINDS] = {
  "DELETE FROM search_sessions WHERE rowid = ?1",
  "DELETE FROM search_participants WHERE rowid = ?1",
  "DELETE FROM search_notes WHERE rowid = ?1",
  "DELETE FROM search_followups WHERE rowid = ?1",
};

typedef struct
{
  char *folded;  /* the names folded, "" when the place is unknown */
  char *display; /* as typed, NULL when unknown */
} PlaceNames;

static void
place_names_free (gpointer data)
{
  PlaceNames *names = data;

  g_free (names->folded);
  g_free (names->display);
  g_free (names);
}

int
sofra_search_kind_of_type (const char *type)
{
  if (type == NULL)
    return -1;
  if (g_str_equal (type, SOFRA_TYPE_SESSION))
    return SOFRA_SEARCH_KIND_SESSION;
  if (g_str_equal (type, SOFRA_TYPE_PARTICIPANT))
    return SOFRA_SEARCH_KIND_PARTICIPANT;
  if (g_str_equal (type, SOFRA_TYPE_NOTE))
    return SOFRA_SEARCH_KIND_NOTE;
  if (g_str_equal (type, SOFRA_TYPE_FOLLOWUP))
    return SOFRA_SEARCH_KIND_FOLLOWUP;
  return -1;
}

const char *
sofra_search_str (JsonObject *doc, const char *name)
{
  JsonNode *node = doc ? json_object_get_member (doc, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

char *
sofra_search_join (JsonObject *doc, const char *name, const char *sep)
{
  JsonNode  *node = doc ? json_object_get_member (doc, name) : NULL;
  JsonArray *array;
  GString   *out = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append (out, sep);
      g_string_append (out, json_node_get_string (item));
    }
  return out ? g_string_free (out, FALSE) : NULL;
}

char *
sofra_search_topic_labels (JsonObject *doc)
{
  JsonNode  *node = doc ? json_object_get_member (doc, "topics") : NULL;
  JsonArray *array;
  GString   *out = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode   *item = json_array_get_element (array, i);
      const char *id, *label;
      int         index;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        continue;
      id = json_node_get_string (item);
      index = sofra_vocab_index (SOFRA_VOCAB_TOPIC, id);
      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append (out, ", ");
      if (index < 0)
        {
          g_string_append (out, id);
          continue;
        }
      /* The English label, and the reader's when it differs: someone may type either. */
      label = sofra_vocab_label (SOFRA_VOCAB_TOPIC, id);
      g_string_append (out, label);
      if (g_strcmp0 (label, sofra_vocab_entries (SOFRA_VOCAB_TOPIC)[index].label) != 0)
        g_string_append_printf (out, " (%s)", sofra_vocab_entries (SOFRA_VOCAB_TOPIC)[index].label);
    }
  return out ? g_string_free (out, FALSE) : NULL;
}

static PlaceNames *
lookup_place (SofraStore *self, const char *place_id)
{
  g_auto (SofraDocRow) row = { 0 };
  g_autoptr (JsonObject) doc = NULL;
  PlaceNames *names;

  if (place_id == NULL)
    return NULL;
  if (self->search_places == NULL)
    self->search_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, place_names_free);
  names = g_hash_table_lookup (self->search_places, place_id);
  if (names != NULL)
    return names;

  names = g_new0 (PlaceNames, 1);
  if (sofra_store_read_row (self, place_id, &row, NULL) && row.seq != 0 && !row.deleted &&
      (doc = sofra_json_parse_object (row.body, -1, NULL)))
    {
      const char *parts[3] = { sofra_search_str (doc, "name_sq"),
                               sofra_search_str (doc, "name_sr_latn"),
                               sofra_search_str (doc, "name_sr") };
      GString    *display = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (parts[i] == NULL || *parts[i] == '\0')
            continue;
          /* "Zvečan / Звечан" when the Albanian and Serbian Latin names are the same word. */
          if (i == 1 && g_strcmp0 (parts[0], parts[1]) == 0)
            continue;
          if (display->len > 0)
            g_string_append (display, " / ");
          g_string_append (display, parts[i]);
        }
      names->display = g_string_free (display, FALSE);
    }
  names->folded = sofra_translit_fold (names->display ? names->display : "");
  g_hash_table_insert (self->search_places, g_strdup (place_id), names);
  return names;
}

const char *
sofra_search_place_names (SofraStore *self, const char *place_id)
{
  PlaceNames *names = lookup_place (self, place_id);

  return names ? names->display : NULL;
}

static const char *
place_folded (SofraStore *self, const char *place_id)
{
  PlaceNames *names = lookup_place (self, place_id);

  return names ? names->folded : NULL;
}

/* The folded form of several fields, as one text. */
static char *
fold_fields (const char *const *parts, guint n_parts)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      {
        g_string_append (text, parts[i]);
        g_string_append_c (text, '\n');
      }
  return sofra_translit_fold (text->str);
}

#define FOLD(...)                                    \
  fold_fields ((const char *const[]){ __VA_ARGS__ }, \
               G_N_ELEMENTS (((const char *[]){ __VA_ARGS__ })))

/* " a b " for an array of ids, so that instr(column, ' a ') finds one. */
static char *
id_set (JsonObject *doc, const char *name)
{
  g_autofree char *joined = sofra_search_join (doc, name, " ");

  return joined ? g_strconcat (" ", joined, " ", NULL) : NULL;
}

static gboolean
step (SofraStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return sofra_store_sql_error (self, rc, error);
}

static void
bind_take (sqlite3_stmt *stmt, int index, char *text)
{
  sqlite3_bind_text (stmt, index, text, -1, g_free);
}

static gboolean
insert_session (SofraStore *self, gint64 seq, JsonObject *doc, GError **error)
{
  sqlite3_stmt    *stmt;
  const char      *place_id = sofra_search_str (doc, "place_id");
  g_autofree char *facilitators = sofra_search_join (doc, "facilitators", "\n");
  g_autofree char *topics = sofra_search_topic_labels (doc);

  stmt = sofra_store_stmt (self,
                           "INSERT INTO search_sessions (rowid, title, text, place, topics, date,"
                           " kind, place_id, communities, topic_ids)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  bind_take (stmt, 2, FOLD (sofra_search_str (doc, "title")));
  bind_take (stmt, 3,
             FOLD (sofra_search_str (doc, "summary"), sofra_search_str (doc, "key_points"),
                   sofra_search_str (doc, "agreements"), sofra_search_str (doc, "incidents"),
                   facilitators));
  bind_take (stmt, 4, FOLD (sofra_search_str (doc, "venue"), place_folded (self, place_id)));
  bind_take (stmt, 5, FOLD (topics));
  sqlite3_bind_text (stmt, 6, sofra_search_str (doc, "date"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, sofra_search_str (doc, "kind"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, place_id, -1, SQLITE_TRANSIENT);
  bind_take (stmt, 9, id_set (doc, "communities"));
  bind_take (stmt, 10, id_set (doc, "topics"));
  return step (self, stmt, error);
}

static gboolean
insert_participant (SofraStore *self, gint64 seq, JsonObject *doc, GError **error)
{
  const char   *place_id = sofra_search_str (doc, "municipality");
  sqlite3_stmt *stmt =
    sofra_store_stmt (self,
                      "INSERT INTO search_participants (rowid, name, code, organisation, place,"
                      " community, place_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  bind_take (stmt, 2, FOLD (sofra_search_str (doc, "name")));
  bind_take (stmt, 3, FOLD (sofra_search_str (doc, "code")));
  bind_take (stmt, 4,
             FOLD (sofra_search_str (doc, "organisation"), sofra_search_str (doc, "role")));
  bind_take (stmt, 5, g_strdup (place_folded (self, place_id)));
  sqlite3_bind_text (stmt, 6, sofra_search_str (doc, "community"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, place_id, -1, SQLITE_TRANSIENT);
  return step (self, stmt, error);
}

static gboolean
insert_note (SofraStore *self, gint64 seq, JsonObject *doc, GError **error)
{
  sqlite3_stmt *stmt =
    sofra_store_stmt (self, "INSERT INTO search_notes (rowid, text, date) VALUES (?1, ?2, ?3)",
                      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  bind_take (stmt, 2, FOLD (sofra_search_str (doc, "text")));
  sqlite3_bind_text (stmt, 3, sofra_search_str (doc, "date"), -1, SQLITE_TRANSIENT);
  return step (self, stmt, error);
}

static gboolean
insert_followup (SofraStore *self, gint64 seq, JsonObject *doc, GError **error)
{
  sqlite3_stmt *stmt =
    sofra_store_stmt (self,
                      "INSERT INTO search_followups (rowid, what, note, owner, due_date, status)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  bind_take (stmt, 2, FOLD (sofra_search_str (doc, "what")));
  bind_take (stmt, 3, FOLD (sofra_search_str (doc, "completion_note")));
  bind_take (stmt, 4, FOLD (sofra_search_str (doc, "owner")));
  sqlite3_bind_text (stmt, 5, sofra_search_str (doc, "due_date"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, sofra_search_str (doc, "status"), -1, SQLITE_TRANSIENT);
  return step (self, stmt, error);
}

static gboolean
insert_row (SofraStore *self, int kind, gint64 seq, JsonObject *doc, GError **error)
{
  switch (kind)
    {
    case SOFRA_SEARCH_KIND_SESSION:
      return insert_session (self, seq, doc, error);
    case SOFRA_SEARCH_KIND_PARTICIPANT:
      return insert_participant (self, seq, doc, error);
    case SOFRA_SEARCH_KIND_NOTE:
      return insert_note (self, seq, doc, error);
    case SOFRA_SEARCH_KIND_FOLLOWUP:
      return insert_followup (self, seq, doc, error);
    default:
      return TRUE;
    }
}

static gboolean
delete_row (SofraStore *self, int kind, gint64 seq, GError **error)
{
  sqlite3_stmt *stmt = sofra_store_stmt (self, delete_sql[kind], error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  return step (self, stmt, error);
}

/* The rows of @kind that show @place_id's names, written again with its new names. */
static gboolean
reindex_place (SofraStore *self, int kind, const char *place_id, GError **error)
{
  const char   *sql = kind == SOFRA_SEARCH_KIND_SESSION
                        ? "SELECT s.rowid, d.body FROM search_sessions s JOIN docs d"
                          " ON d.seq = s.rowid WHERE s.place_id = ?1"
                        : "SELECT s.rowid, d.body FROM search_participants s JOIN docs d"
                          " ON d.seq = s.rowid WHERE s.place_id = ?1";
  sqlite3_stmt *stmt = sofra_store_stmt (self, sql, error);
  g_autoptr (GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, place_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (seqs, seq);
      g_ptr_array_add (bodies, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sofra_store_sql_error (self, rc, error);

  for (guint i = 0; i < seqs->len; i++)
    {
      gint64 seq = g_array_index (seqs, gint64, i);
      g_autoptr (JsonObject) doc = sofra_json_parse_object (bodies->pdata[i], -1, NULL);

      if (!delete_row (self, kind, seq, error) ||
          (doc != NULL && !insert_row (self, kind, seq, doc, error)))
        return FALSE;
    }
  return TRUE;
}

gboolean
sofra_search_index_doc (SofraStore *self,
                        const char *id,
                        gint64      old_seq,
                        const char *old_type,
                        gboolean    old_live,
                        gint64      new_seq,
                        const char *type,
                        JsonObject *doc,
                        GError    **error)
{
  int old_kind = sofra_search_kind_of_type (old_type);
  int kind = sofra_search_kind_of_type (type);

  if (old_seq != 0 && old_live && old_kind >= 0 && !delete_row (self, old_kind, old_seq, error))
    return FALSE;
  if (doc != NULL && kind >= 0 && !insert_row (self, kind, new_seq, doc, error))
    return FALSE;

  /* A place's names are part of the rows of the sessions and participants there. */
  if (g_strcmp0 (type, SOFRA_TYPE_PLACE) == 0 || g_strcmp0 (old_type, SOFRA_TYPE_PLACE) == 0)
    {
      if (self->search_places != NULL)
        g_hash_table_remove_all (self->search_places);
      if (!reindex_place (self, SOFRA_SEARCH_KIND_SESSION, id, error) ||
          !reindex_place (self, SOFRA_SEARCH_KIND_PARTICIPANT, id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sofra_search_index_rebuild (SofraStore *self, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  stmt = sofra_store_stmt (self,
                           "SELECT seq, type, body FROM docs WHERE deleted = 0 AND type IN"
                           " ('session', 'participant', 'note', 'followup')",
                           error);
  if (stmt == NULL)
    return FALSE;
  /* The insert statements are other statements: this one stays open while they run. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      int    kind = sofra_search_kind_of_type ((const char *) sqlite3_column_text (stmt, 1));
      g_autoptr (JsonObject)
        doc = sofra_json_parse_object ((const char *) sqlite3_column_text (stmt, 2), -1, NULL);

      if (doc != NULL && !insert_row (self, kind, seq, doc, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sofra_store_sql_error (self, rc, error);
  return TRUE;
}
