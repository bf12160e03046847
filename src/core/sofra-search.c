/* sofra-search.c — queries over the search index, results grouped by kind
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The query text is folded and split into words; each word goes to FTS5 quoted, as a prefix
 * ("word"*), so nothing a person types is read as FTS5 syntax. Filters are plain SQL on the
 * UNINDEXED columns of the kind's table. Only the best rows are read from docs, for their
 * original text.
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-search-private.h"
#include "sofra-translit.h"

/* ?1 match, ?2 from, ?3 to, ?4 session kind, ?5 community, ?6 place, ?7 topic, ?8 status,
 * ?9 limit: every statement names ?9, so all nine can be bound to each. */
static const char *const query_sql[SOFRA_SEARCH_N_KINDS] = {
  "SELECT rowid, rank FROM search_sessions WHERE search_sessions MATCH ?1"
  " AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3)"
  " AND (?4 IS NULL OR kind = ?4)"
  " AND (?5 IS NULL OR instr (communities, ' ' || ?5 || ' ') > 0)"
  " AND (?6 IS NULL OR place_id = ?6)"
  " AND (?7 IS NULL OR instr (topic_ids, ' ' || ?7 || ' ') > 0)"
  " ORDER BY rank LIMIT ?9",
  "SELECT rowid, rank FROM search_participants WHERE search_participants MATCH ?1"
  " AND (?5 IS NULL OR community = ?5) AND (?6 IS NULL OR place_id = ?6)"
  " ORDER BY rank LIMIT ?9",
  "SELECT rowid, rank FROM search_notes WHERE search_notes MATCH ?1"
  " AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3)"
  " ORDER BY rank LIMIT ?9",
  "SELECT rowid, rank FROM search_followups WHERE search_followups MATCH ?1"
  " AND (?2 IS NULL OR due_date >= ?2) AND (?3 IS NULL OR due_date <= ?3)"
  " AND (?8 IS NULL OR status = ?8)"
  " ORDER BY rank LIMIT ?9",
};

static const char *const kind_names[SOFRA_SEARCH_N_KINDS] = {
  SOFRA_TYPE_SESSION,
  SOFRA_TYPE_PARTICIPANT,
  SOFRA_TYPE_NOTE,
  SOFRA_TYPE_FOLLOWUP,
};

static const char *const kind_plurals[SOFRA_SEARCH_N_KINDS] = {
  "sessions",
  "participants",
  "notes",
  "followups",
};

static void
hit_free (gpointer data)
{
  SofraSearchHit *hit = data;

  g_free (hit->id);
  g_free (hit->title);
  g_clear_pointer (&hit->title_ranges, g_array_unref);
  g_free (hit->snippet);
  g_clear_pointer (&hit->snippet_ranges, g_array_unref);
  g_free (hit->date);
  g_free (hit->related_id);
  g_free (hit);
}

void
sofra_search_results_free (SofraSearchResults *results)
{
  if (results == NULL)
    return;
  for (int k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    g_clear_pointer (&results->hits[k], g_ptr_array_unref);
  g_free (results);
}

guint
sofra_search_results_count (const SofraSearchResults *results)
{
  guint n = 0;

  g_return_val_if_fail (results != NULL, 0);

  for (int k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    n += results->hits[k]->len;
  return n;
}

int
sofra_search_kind_from_string (const char *name)
{
  if (name == NULL)
    return -1;
  for (int k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    if (g_str_equal (name, kind_names[k]) || g_str_equal (name, kind_plurals[k]))
      return k;
  /* The way people write it. */
  if (g_str_equal (name, "follow-up") || g_str_equal (name, "follow-ups"))
    return SOFRA_SEARCH_KIND_FOLLOWUP;
  return -1;
}

const char *
sofra_search_kind_to_string (SofraSearchKind kind)
{
  g_return_val_if_fail (kind < SOFRA_SEARCH_N_KINDS, NULL);

  return kind_names[kind];
}

const char *
sofra_search_kind_label (SofraSearchKind kind)
{
  switch (kind)
    {
    case SOFRA_SEARCH_KIND_SESSION:
      return C_ ("search results", "Sessions");
    case SOFRA_SEARCH_KIND_PARTICIPANT:
      return C_ ("search results", "Participants");
    case SOFRA_SEARCH_KIND_NOTE:
      return C_ ("search results", "Notes");
    case SOFRA_SEARCH_KIND_FOLLOWUP:
      return C_ ("search results", "Follow-ups");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
sofra_search_hit_title_markup (const SofraSearchHit *hit)
{
  g_return_val_if_fail (hit != NULL, NULL);

  return sofra_search_mark (hit->title, hit->title_ranges, "<b>", "</b>", TRUE);
}

char *
sofra_search_hit_snippet_markup (const SofraSearchHit *hit)
{
  g_return_val_if_fail (hit != NULL, NULL);

  return sofra_search_mark (hit->snippet, hit->snippet_ranges, "<b>", "</b>", TRUE);
}

/* Exactly YYYY-MM-DD, digits only (what the store accepts in documents). */
static gboolean
valid_date (const char *date)
{
  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  return TRUE;
}

/* Which kinds every set filter can apply to. */
static guint
kinds_for_filters (const SofraSearchQuery *query)
{
  guint kinds = query->kinds ? (query->kinds & SOFRA_SEARCH_ALL) : SOFRA_SEARCH_ALL;

  if (query->date_from || query->date_to)
    kinds &= SOFRA_SEARCH_SESSIONS | SOFRA_SEARCH_NOTES | SOFRA_SEARCH_FOLLOWUPS;
  if (query->session_kind || query->topic)
    kinds &= SOFRA_SEARCH_SESSIONS;
  if (query->community || query->place_id)
    kinds &= SOFRA_SEARCH_SESSIONS | SOFRA_SEARCH_PARTICIPANTS;
  if (query->status)
    kinds &= SOFRA_SEARCH_FOLLOWUPS;
  return kinds;
}

/* "w1"* "w2"* …: every word a quoted prefix, all of them required. */
static char *
match_expression (const SofraSearchWords *words)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < words->n_words; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *p = words->words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append (out, "\"*");
    }
  return g_string_free (out, FALSE);
}

static void
bind_or_null (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* The person a note is about, as the title of the note's hit. */
static char *
participant_name (SofraStore *store, const char *participant_id)
{
  g_auto (SofraDocRow) row = { 0 };
  g_autoptr (JsonObject) doc = NULL;
  const char *name;

  if (participant_id == NULL || !sofra_store_read_row (store, participant_id, &row, NULL) ||
      row.seq == 0 || row.deleted || !(doc = sofra_json_parse_object (row.body, -1, NULL)))
    return g_strdup ("");
  name = sofra_search_str (doc, "name");
  if (name == NULL || *name == '\0')
    name = sofra_search_str (doc, "code");
  return g_strdup (name ? name : "");
}

/* Fills the title, snippet, date and related id of @hit from its document. */
static void
describe_hit (SofraStore             *store,
              SofraSearchHit         *hit,
              JsonObject             *doc,
              const SofraSearchWords *words)
{
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  const char *candidates[8] = { NULL };
  guint       n = 0, best = 0, best_count = 0;
  const char *title = NULL;

#define ADD(text)       (candidates[n++] = (text))
#define ADD_OWNED(text) (g_ptr_array_add (owned, (text)), ADD (owned->pdata[owned->len - 1]))
  switch (hit->kind)
    {
    case SOFRA_SEARCH_KIND_SESSION:
      title = sofra_search_str (doc, "title");
      hit->date = g_strdup (sofra_search_str (doc, "date"));
      ADD (sofra_search_str (doc, "summary"));
      ADD (sofra_search_str (doc, "key_points"));
      ADD (sofra_search_str (doc, "agreements"));
      ADD (sofra_search_str (doc, "incidents"));
      ADD (sofra_search_str (doc, "venue"));
      ADD (sofra_search_place_names (store, sofra_search_str (doc, "place_id")));
      ADD_OWNED (sofra_search_topic_labels (doc));
      ADD_OWNED (sofra_search_join (doc, "facilitators", ", "));
      break;
    case SOFRA_SEARCH_KIND_PARTICIPANT:
      title = sofra_search_str (doc, "name");
      if (title == NULL || *title == '\0')
        title = sofra_search_str (doc, "code");
      ADD (sofra_search_str (doc, "code"));
      ADD (sofra_search_str (doc, "organisation"));
      ADD (sofra_search_str (doc, "role"));
      ADD (sofra_search_place_names (store, sofra_search_str (doc, "municipality")));
      break;
    case SOFRA_SEARCH_KIND_NOTE:
      hit->related_id = g_strdup (sofra_search_str (doc, "participant_id"));
      hit->title = participant_name (store, hit->related_id);
      hit->date = g_strdup (sofra_search_str (doc, "date"));
      ADD (sofra_search_str (doc, "text"));
      break;
    case SOFRA_SEARCH_KIND_FOLLOWUP:
      title = sofra_search_str (doc, "what");
      hit->date = g_strdup (sofra_search_str (doc, "due_date"));
      hit->related_id = g_strdup (sofra_search_str (doc, "session_id"));
      ADD (sofra_search_str (doc, "completion_note"));
      ADD (sofra_search_str (doc, "owner"));
      break;
    default:
      g_assert_not_reached ();
    }
#undef ADD_OWNED
#undef ADD

  if (hit->title == NULL)
    hit->title = g_strdup (title ? title : "");
  hit->title_ranges = sofra_search_find_ranges (words, hit->title, 0);

  /* The snippet comes from the field with most of the query's words; when only the title
   * matched, from the first field that has text. */
  for (guint i = 0; i < n; i++)
    {
      guint count = sofra_search_count_words (words, candidates[i]);

      if (count > best_count)
        {
          best = i;
          best_count = count;
        }
    }
  if (best_count == 0)
    for (best = 0; best < n && (candidates[best] == NULL || *candidates[best] == '\0'); best++)
      ;
  if (best < n)
    hit->snippet = sofra_search_excerpt (words, candidates[best], &hit->snippet_ranges);
  else
    {
      hit->snippet = g_strdup ("");
      hit->snippet_ranges = g_array_new (FALSE, FALSE, sizeof (SofraSearchRange));
    }
}

typedef struct
{
  gint64 seq;
  double rank;
} Found;

static gboolean
search_kind (SofraStore             *store,
             SofraSearchKind         kind,
             const SofraSearchQuery *query,
             const char             *match,
             const SofraSearchWords *words,
             guint                   limit,
             SofraSearchResults     *results,
             GError                **error)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  sqlite3_stmt *stmt = sofra_store_stmt (store, query_sql[kind], error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  bind_or_null (stmt, 2, query->date_from);
  bind_or_null (stmt, 3, query->date_to);
  bind_or_null (stmt, 4, query->session_kind);
  bind_or_null (stmt, 5, query->community);
  bind_or_null (stmt, 6, query->place_id);
  bind_or_null (stmt, 7, query->topic);
  bind_or_null (stmt, 8, query->status);
  sqlite3_bind_int (stmt, 9, (int) limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Found f = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };

      g_array_append_val (found, f);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sofra_store_sql_error (store, rc, error);

  results->more[kind] = found->len > limit;
  for (guint i = 0; i < found->len && i < limit; i++)
    {
      Found          *f = &g_array_index (found, Found, i);
      SofraSearchHit *hit;
      g_autoptr (JsonObject) doc = NULL;

      stmt = sofra_store_stmt (store, "SELECT id, body FROM docs WHERE seq = ?1 AND deleted = 0",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, f->seq);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            return sofra_store_sql_error (store, rc, error);
          continue;
        }
      doc = sofra_json_parse_object ((const char *) sqlite3_column_text (stmt, 1), -1, NULL);
      if (doc == NULL)
        {
          sqlite3_reset (stmt);
          continue;
        }
      hit = g_new0 (SofraSearchHit, 1);
      hit->kind = kind;
      hit->type = kind_names[kind];
      hit->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      hit->rank = f->rank;
      sqlite3_reset (stmt);
      describe_hit (store, hit, doc, words);
      g_ptr_array_add (results->hits[kind], hit);
    }
  return TRUE;
}

SofraSearchResults *
sofra_search (SofraStore *store, const SofraSearchQuery *query, GError **error)
{
  g_autoptr (SofraSearchResults) results = g_new0 (SofraSearchResults, 1);
  SofraSearchWords words = { NULL, 0 };
  g_autofree char *match = NULL;
  guint            limit, kinds;
  gboolean         ok = TRUE;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  for (int k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    results->hits[k] = g_ptr_array_new_with_free_func (hit_free);
  if ((query->date_from && *query->date_from && !valid_date (query->date_from)) ||
      (query->date_to && *query->date_to && !valid_date (query->date_to)))
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                           _ ("A date to search from or to must be written as YYYY-MM-DD."));
      return NULL;
    }

  sofra_search_words_init (&words, query->text);
  limit = query->limit ? MIN (query->limit, SOFRA_SEARCH_MAX_LIMIT) : SOFRA_SEARCH_DEFAULT_LIMIT;
  kinds = kinds_for_filters (query);
  if (words.n_words > 0)
    {
      match = match_expression (&words);
      for (int k = 0; k < SOFRA_SEARCH_N_KINDS && ok; k++)
        if (kinds & (1u << k))
          ok = search_kind (store, k, query, match, &words, limit, results, error);
    }
  sofra_search_words_clear (&words);
  return ok ? g_steal_pointer (&results) : NULL;
}
