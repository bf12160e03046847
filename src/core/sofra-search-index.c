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
 * fold. The filters are words of the "tags" column (sofra_search_tag): the vocabulary ids and
 * the place, and the date at every level from the day to the millennium, of which a date
 * range names the fewest (sofra-search.c). FTS5 then joins the filters with the text, where
 * SQLite would read every matching row to compare a column. */
const char sofra_search_schema_sql[] =
  "CREATE VIRTUAL TABLE search_sessions USING fts5 (title, text, place, topics, tags,"
  "  tokenize = 'unicode61 remove_diacritics 0');"
  "CREATE VIRTUAL TABLE search_participants USING fts5 (name, code, organisation, place, tags,"
  "  tokenize = 'unicode61 remove_diacritics 0');"
  "CREATE VIRTUAL TABLE search_notes USING fts5 (text, tags,"
  "  tokenize = 'unicode61 remove_diacritics 0');"
  "CREATE VIRTUAL TABLE search_followups USING fts5 (what, note, owner, tags,"
  "  tokenize = 'unicode61 remove_diacritics 0');"
  /* Every folded word and tag ever indexed, for prefix queries and date ranges. */
  "CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;";

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

char *
sofra_search_tag (char prefix, const char *id)
{
  GString *tag = g_string_new (NULL);

  g_string_append_c (tag, prefix);
  if (id != NULL && g_str_has_prefix (id, "place:"))
    id += strlen ("place:");
  for (const char *p = id ? id : ""; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (tag, g_ascii_tolower (*p));
  return g_string_free (tag, FALSE);
}

static void
add_tag (GString *tags, char prefix, const char *id)
{
  g_autofree char *tag = NULL;

  if (id == NULL || *id == '\0')
    return;
  tag = sofra_search_tag (prefix, id);
  if (tags->len > 0)
    g_string_append_c (tags, ' ');
  g_string_append (tags, tag);
}

gboolean
sofra_search_parse_date (const char *date, int *year, int *month, int *day)
{
  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  *year = (int) g_ascii_strtoll (date, NULL, 10);
  *month = (int) g_ascii_strtoll (date + 5, NULL, 10);
  *day = (int) g_ascii_strtoll (date + 8, NULL, 10);
  return *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31;
}

int
sofra_search_days_in_month (int year, int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean         leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

void
sofra_search_date_tag (GString *out, int level, int year, int month, int day)
{
  switch (level)
    {
    case SOFRA_SEARCH_DATE_DAY:
      g_string_append_printf (out, "d%04d%02d%02d", year, month, day);
      break;
    case SOFRA_SEARCH_DATE_MONTH:
      g_string_append_printf (out, "m%04d%02d", year, month);
      break;
    case SOFRA_SEARCH_DATE_YEAR:
      g_string_append_printf (out, "y%04d", year);
      break;
    case SOFRA_SEARCH_DATE_DECADE:
      g_string_append_printf (out, "e%03d", year / 10);
      break;
    case SOFRA_SEARCH_DATE_CENTURY:
      g_string_append_printf (out, "b%02d", year / 100);
      break;
    default:
      g_string_append_printf (out, "a%d", year / 1000);
      break;
    }
}

static void
add_date_tags (GString *tags, const char *date)
{
  int year, month, day;

  if (!sofra_search_parse_date (date, &year, &month, &day))
    return;
  for (int level = 0; level < SOFRA_SEARCH_DATE_LEVELS; level++)
    {
      if (tags->len > 0)
        g_string_append_c (tags, ' ');
      sofra_search_date_tag (tags, level, year, month, day);
    }
}

static void
add_tags (GString *tags, char prefix, JsonObject *doc, const char *name)
{
  JsonNode  *node = json_object_get_member (doc, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        add_tag (tags, prefix, json_node_get_string (item));
    }
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

/* Past this many, the words known to be in search_terms are forgotten (it is only a cache). */
#define MAX_KNOWN_TERMS 200000

/* Adds the words of folded @text to search_terms. Words already written in this transaction
 * are skipped without asking SQLite, which keeps a batch's cost down: most words repeat. Each
 * word is looked up in place, ended for a moment by a NUL where its space was. */
static gboolean
add_terms (SofraStore *self, char *text, GError **error)
{
  char *p = text;

  if (text == NULL)
    return TRUE;
  if (self->search_terms == NULL || g_hash_table_size (self->search_terms) > MAX_KNOWN_TERMS)
    {
      g_clear_pointer (&self->search_terms, g_hash_table_unref);
      self->search_terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  while (*p)
    {
      char    *space = strchr (p, ' ');
      gboolean known;

      if (space != NULL)
        *space = '\0';
      known = *p == '\0' || g_hash_table_contains (self->search_terms, p);
      if (!known)
        {
          sqlite3_stmt *stmt =
            sofra_store_stmt (self, "INSERT OR IGNORE INTO search_terms (term) VALUES (?1)", error);
          int rc = SQLITE_ERROR;

          if (stmt != NULL)
            {
              sqlite3_bind_text (stmt, 1, p, -1, SQLITE_STATIC);
              rc = sqlite3_step (stmt);
              sqlite3_reset (stmt);
            }
          if (rc == SQLITE_DONE)
            g_hash_table_add (self->search_terms, g_strdup (p));
          if (space != NULL)
            *space = ' ';
          if (stmt == NULL)
            return FALSE;
          if (rc != SQLITE_DONE)
            return sofra_store_sql_error (self, rc, error);
        }
      else if (space != NULL)
        *space = ' ';
      if (space == NULL)
        break;
      p = space + 1;
    }
  return TRUE;
}

void
sofra_search_index_rolled_back (SofraStore *self)
{
  /* What the transaction wrote to search_terms is gone: so is what we knew of it. */
  g_clear_pointer (&self->search_terms, g_hash_table_unref);
}

/* Binds folded @text (taking it) to a text column of the index, and records its words. */
static gboolean
bind_folded (SofraStore *self, sqlite3_stmt *stmt, int index, char *text, GError **error)
{
  gboolean ok = add_terms (self, text, error);

  sqlite3_bind_text (stmt, index, text, -1, g_free);
  return ok;
}

static gboolean
insert_session (SofraStore *self, gint64 seq, JsonObject *doc, GError **error)
{
  sqlite3_stmt    *stmt;
  const char      *place_id = sofra_search_str (doc, "place_id");
  g_autofree char *facilitators = sofra_search_join (doc, "facilitators", "\n");
  g_autofree char *topics = sofra_search_topic_labels (doc);
  GString         *tags = g_string_new (NULL);

  add_date_tags (tags, sofra_search_str (doc, "date"));
  add_tag (tags, SOFRA_SEARCH_TAG_KIND, sofra_search_str (doc, "kind"));
  add_tag (tags, SOFRA_SEARCH_TAG_PLACE, place_id);
  add_tags (tags, SOFRA_SEARCH_TAG_COMMUNITY, doc, "communities");
  add_tags (tags, SOFRA_SEARCH_TAG_TOPIC, doc, "topics");
  stmt = sofra_store_stmt (self,
                           "INSERT INTO search_sessions (rowid, title, text, place, topics, tags)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    {
      g_string_free (tags, TRUE);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, seq);
  if (!bind_folded (self, stmt, 6, g_string_free (tags, FALSE), error) ||
      !bind_folded (self, stmt, 2, FOLD (sofra_search_str (doc, "title")), error) ||
      !bind_folded (self, stmt, 3,
                    FOLD (sofra_search_str (doc, "summary"), sofra_search_str (doc, "key_points"),
                          sofra_search_str (doc, "agreements"), sofra_search_str (doc, "incidents"),
                          facilitators),
                    error) ||
      !bind_folded (self, stmt, 4,
                    FOLD (sofra_search_str (doc, "venue"), place_folded (self, place_id)), error) ||
      !bind_folded (self, stmt, 5, FOLD (topics), error))
    return FALSE;
  return step (self, stmt, error);
}

static gboolean
insert_participant (SofraStore *self, gint64 seq, JsonObject *doc, GError **error)
{
  const char   *place_id = sofra_search_str (doc, "municipality");
  GString      *tags = g_string_new (NULL);
  sqlite3_stmt *stmt =
    sofra_store_stmt (self,
                      "INSERT INTO search_participants (rowid, name, code, organisation, place,"
                      " tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                      error);

  add_tag (tags, SOFRA_SEARCH_TAG_COMMUNITY, sofra_search_str (doc, "community"));
  add_tag (tags, SOFRA_SEARCH_TAG_PLACE, place_id);
  if (stmt == NULL)
    {
      g_string_free (tags, TRUE);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, seq);
  if (!bind_folded (self, stmt, 6, g_string_free (tags, FALSE), error) ||
      !bind_folded (self, stmt, 2, FOLD (sofra_search_str (doc, "name")), error) ||
      !bind_folded (self, stmt, 3, FOLD (sofra_search_str (doc, "code")), error) ||
      !bind_folded (self, stmt, 4,
                    FOLD (sofra_search_str (doc, "organisation"), sofra_search_str (doc, "role")),
                    error) ||
      !bind_folded (self, stmt, 5, g_strdup (place_folded (self, place_id)), error))
    return FALSE;
  return step (self, stmt, error);
}

static gboolean
insert_note (SofraStore *self, gint64 seq, JsonObject *doc, GError **error)
{
  GString      *tags = g_string_new (NULL);
  sqlite3_stmt *stmt =
    sofra_store_stmt (self, "INSERT INTO search_notes (rowid, text, tags) VALUES (?1, ?2, ?3)",
                      error);

  add_date_tags (tags, sofra_search_str (doc, "date"));
  if (stmt == NULL)
    {
      g_string_free (tags, TRUE);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, seq);
  if (!bind_folded (self, stmt, 3, g_string_free (tags, FALSE), error) ||
      !bind_folded (self, stmt, 2, FOLD (sofra_search_str (doc, "text")), error))
    return FALSE;
  return step (self, stmt, error);
}

static gboolean
insert_followup (SofraStore *self, gint64 seq, JsonObject *doc, GError **error)
{
  GString      *tags = g_string_new (NULL);
  sqlite3_stmt *stmt =
    sofra_store_stmt (self,
                      "INSERT INTO search_followups (rowid, what, note, owner, tags)"
                      " VALUES (?1, ?2, ?3, ?4, ?5)",
                      error);

  add_date_tags (tags, sofra_search_str (doc, "due_date"));
  add_tag (tags, SOFRA_SEARCH_TAG_STATUS, sofra_search_str (doc, "status"));
  if (stmt == NULL)
    {
      g_string_free (tags, TRUE);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, seq);
  if (!bind_folded (self, stmt, 5, g_string_free (tags, FALSE), error) ||
      !bind_folded (self, stmt, 2, FOLD (sofra_search_str (doc, "what")), error) ||
      !bind_folded (self, stmt, 3, FOLD (sofra_search_str (doc, "completion_note")), error) ||
      !bind_folded (self, stmt, 4, FOLD (sofra_search_str (doc, "owner")), error))
    return FALSE;
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
  const char      *sql = kind == SOFRA_SEARCH_KIND_SESSION
                           ? "SELECT s.rowid, d.body FROM search_sessions s JOIN docs d"
                             " ON d.seq = s.rowid WHERE search_sessions MATCH ?1"
                           : "SELECT s.rowid, d.body FROM search_participants s JOIN docs d"
                             " ON d.seq = s.rowid WHERE search_participants MATCH ?1";
  g_autofree char *tag = sofra_search_tag (SOFRA_SEARCH_TAG_PLACE, place_id);
  g_autofree char *match = g_strdup_printf ("{tags} : \"%s\"", tag);
  sqlite3_stmt    *stmt = sofra_store_stmt (self, sql, error);
  g_autoptr (GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
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

/* The words about a person (a participant's name, code and organisation, a note's text) are
 * forgotten by search_terms when the last row that holds them goes: an erased person's name
 * must not stay behind in the list of words. Places and vocabulary are no one's. */
static const char *const personal_sql[SOFRA_SEARCH_N_KINDS] = {
  [SOFRA_SEARCH_KIND_PARTICIPANT] = "SELECT coalesce (name, '') || ' ' || coalesce (code, '')"
                                    " || ' ' || coalesce (organisation, '')"
                                    " FROM search_participants WHERE rowid = ?1",
  [SOFRA_SEARCH_KIND_NOTE] = "SELECT text FROM search_notes WHERE rowid = ?1",
};

static const char *const holds_sql[SOFRA_SEARCH_N_KINDS] = {
  "SELECT 1 FROM search_sessions WHERE search_sessions MATCH ?1 LIMIT 1",
  "SELECT 1 FROM search_participants WHERE search_participants MATCH ?1 LIMIT 1",
  "SELECT 1 FROM search_notes WHERE search_notes MATCH ?1 LIMIT 1",
  "SELECT 1 FROM search_followups WHERE search_followups MATCH ?1 LIMIT 1",
};

static char *
personal_words (SofraStore *self, int kind, gint64 seq, GError **error)
{
  sqlite3_stmt *stmt;
  char         *words = NULL;
  int           rc;

  if (kind < 0 || personal_sql[kind] == NULL)
    return g_strdup ("");
  if (!(stmt = sofra_store_stmt (self, personal_sql[kind], error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    words = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sofra_store_sql_error (self, rc, error);
      return NULL;
    }
  return words ? words : g_strdup ("");
}

/* Removes from search_terms each of @words that no row of the index holds any more. */
static gboolean
forget_words (SofraStore *self, const char *words, GError **error)
{
  g_auto (GStrv) list = g_strsplit (words, " ", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *phrase = NULL;
      gboolean         held = FALSE;
      sqlite3_stmt    *stmt;
      int              rc;

      if (*list[i] == '\0' || strchr (list[i], '"') != NULL)
        continue;
      phrase = g_strdup_printf ("\"%s\"", list[i]);
      for (int k = 0; k < SOFRA_SEARCH_N_KINDS && !held; k++)
        {
          if (!(stmt = sofra_store_stmt (self, holds_sql[k], error)))
            return FALSE;
          sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return sofra_store_sql_error (self, rc, error);
          held = rc == SQLITE_ROW;
        }
      if (held)
        continue;
      if (!(stmt = sofra_store_stmt (self, "DELETE FROM search_terms WHERE term = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, list[i], -1, SQLITE_STATIC);
      if (!step (self, stmt, error))
        return FALSE;
      if (self->search_terms != NULL)
        g_hash_table_remove (self->search_terms, list[i]);
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
  int              old_kind = sofra_search_kind_of_type (old_type);
  int              kind = sofra_search_kind_of_type (type);
  g_autofree char *personal = NULL;

  if (old_seq != 0 && old_live && old_kind >= 0 &&
      (!(personal = personal_words (self, old_kind, old_seq, error)) ||
       !delete_row (self, old_kind, old_seq, error)))
    return FALSE;
  if (doc != NULL && kind >= 0 && !insert_row (self, kind, new_seq, doc, error))
    return FALSE;
  if (personal != NULL && *personal != '\0' && !forget_words (self, personal, error))
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
