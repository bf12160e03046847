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

/* The window: the most recently written matches that are ranked. Ranking every match would
 * cost time in proportion to how common the words are (100,000 sessions in one town); a
 * person typing sees the best of the recent ones, and a longer query narrows the window. */
#define RANK_WINDOW 300
/* A prefix that stands for more words than this is left to FTS5's own prefix query. */
#define MAX_EXPANSION 64

/* ?1 match, ?9 limit, ?10 window, ?11 the number of phrases of the words. Every filter is in
 * the match, as words of the tags column. sofra_rank() takes a weight per column (the tags
 * count nothing): titles and names first, then places. */
#define RANKED(table, weights)                                                                    \
  "SELECT rowid, r FROM (SELECT rowid, sofra_rank (" table ", ?11, " weights ") AS r FROM " table \
  " WHERE " table " MATCH ?1 ORDER BY rowid DESC LIMIT ?10)"                                      \
  " ORDER BY r, rowid DESC LIMIT ?9"

static const char *const query_sql[SOFRA_SEARCH_N_KINDS] = {
  RANKED ("search_sessions", "10.0, 1.0, 4.0, 2.0, 0"),
  RANKED ("search_participants", "10.0, 8.0, 2.0, 2.0, 0"),
  RANKED ("search_notes", "1.0, 0"),
  RANKED ("search_followups", "4.0, 1.0, 2.0, 0"),
};

/* The text columns of each kind's table: the query's words match there, never in the tags. */
static const char *const text_columns[SOFRA_SEARCH_N_KINDS] = {
  "{title text place topics}",
  "{name code organisation place}",
  "{text}",
  "{what note owner}",
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

static gboolean
valid_date (const char *date)
{
  int year, month, day;

  return sofra_search_parse_date (date, &year, &month, &day);
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

static void
append_quoted (GString *out, const char *word)
{
  g_string_append_c (out, '"');
  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* One word of the query as FTS5 syntax, every part quoted: a letter alone is a whole word;
 * a longer word is a prefix, written as the words of the index it begins ("mitro" →
 * ("mitrovica" OR "mitrovice")), which FTS5 reads a row at a time, where its own prefix
 * query would first gather every row of every such word. Returns FALSE when no word of the
 * index begins so: then nothing can match. */
static gboolean
append_word (SofraStore *store, GString *out, const char *word, guint *n_phrases, GError **error)
{
  g_autofree char *end = g_strconcat (word, "\xff", NULL); /* after every word it begins */
  g_autoptr (GPtrArray) terms = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  if (g_utf8_strlen (word, -1) < 2)
    {
      append_quoted (out, word);
      (*n_phrases)++;
      return TRUE;
    }
  stmt = sofra_store_stmt (store,
                           "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?2"
                           " ORDER BY term LIMIT ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, MAX_EXPANSION + 1);
  terms = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (terms, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sofra_store_sql_error (store, rc, error);
  if (terms->len == 0)
    return FALSE;
  /* Too many words begin so. Two letters then match whole words only (a third letter makes
   * them a prefix again): FTS5 would gather every row of hundreds of words. */
  if (terms->len > MAX_EXPANSION)
    {
      append_quoted (out, word);
      if (g_utf8_strlen (word, -1) > 2)
        g_string_append_c (out, '*');
      (*n_phrases)++;
      return TRUE;
    }
  g_string_append_c (out, '(');
  for (guint i = 0; i < terms->len; i++)
    {
      if (i > 0)
        g_string_append (out, " OR ");
      append_quoted (out, terms->pdata[i]);
    }
  *n_phrases += terms->len;
  g_string_append_c (out, ')');
  return TRUE;
}

/* Every word required. NULL when nothing can match (or on @error). */
static char *
match_expression (SofraStore             *store,
                  const SofraSearchWords *words,
                  guint                  *n_phrases,
                  GError                **error)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < words->n_words; i++)
    {
      if (i > 0)
        g_string_append (out, " AND ");
      if (!append_word (store, out, words->words[i], n_phrases, error))
        return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_tag (GString *match, char prefix, const char *id)
{
  g_autofree char *tag = NULL;

  if (id == NULL || *id == '\0')
    return;
  tag = sofra_search_tag (prefix, id);
  g_string_append_printf (match, " AND {tags} : \"%s\"", tag);
}

typedef struct
{
  SofraStore *store;
  GString    *match;
  GString    *tag;
  gboolean    any;
} DateCover;

/* Adds the tag to the cover when the index holds it. */
static gboolean
cover_add (DateCover *cover, int level, int year, int month, int day, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  g_string_truncate (cover->tag, 0);
  sofra_search_date_tag (cover->tag, level, year, month, day);
  stmt = sofra_store_stmt (cover->store, "SELECT 1 FROM search_terms WHERE term = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cover->tag->str, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_string_append_printf (cover->match, "%s\"%s\"", cover->any ? " OR " : "", cover->tag->str);
      cover->any = TRUE;
    }
  else if (rc != SQLITE_DONE)
    return sofra_store_sql_error (cover->store, rc, error);
  return TRUE;
}

/* " AND {tags} : (…)": the fewest date tags that cover the days from @from to @to (either may
 * be NULL: open), days at the ends, then months, years, decades, centuries, millennia; only
 * those the index holds (an open range would otherwise name every century to 9999). NULL
 * without a date filter, or on @error. */
static char *
date_match (SofraStore *store, const char *from, const char *to, GError **error)
{
  static const int months[] = { 1, 12, 120, 1200, 12000 }; /* from SOFRA_SEARCH_DATE_MONTH */
  g_autoptr (GString) match = NULL;
  g_autoptr (GString) tag = g_string_new (NULL);
  DateCover cover;
  int       y1 = 0, m1 = 1, d1 = 1, y2 = 9999, m2 = 12, d2 = 31, lo, hi;

  if (from == NULL && to == NULL)
    return NULL;
  if (from != NULL)
    sofra_search_parse_date (from, &y1, &m1, &d1);
  if (to != NULL)
    sofra_search_parse_date (to, &y2, &m2, &d2);
  d2 = MIN (d2, sofra_search_days_in_month (y2, m2));
  match = g_string_new (" AND {tags} : (");
  cover = (DateCover){ store, match, tag, FALSE };
  lo = y1 * 12 + m1 - 1;
  hi = y2 * 12 + m2 - 1;

  /* Days at the ends, when a range starts or ends inside a month. */
  if (lo == hi && (d1 > 1 || d2 < sofra_search_days_in_month (y2, m2)))
    {
      for (int d = d1; d <= d2; d++)
        if (!cover_add (&cover, SOFRA_SEARCH_DATE_DAY, y1, m1, d, error))
          return NULL;
      lo = hi + 1;
    }
  else if (lo < hi)
    {
      if (d1 > 1)
        {
          for (int d = d1; d <= sofra_search_days_in_month (y1, m1); d++)
            if (!cover_add (&cover, SOFRA_SEARCH_DATE_DAY, y1, m1, d, error))
              return NULL;
          lo++;
        }
      if (d2 < sofra_search_days_in_month (y2, m2))
        {
          for (int d = 1; d <= d2; d++)
            if (!cover_add (&cover, SOFRA_SEARCH_DATE_DAY, y2, m2, d, error))
              return NULL;
          hi--;
        }
    }
  /* The whole months between, at the highest level each starts on. */
  while (lo <= hi)
    {
      int level = G_N_ELEMENTS (months) - 1;

      while (level > 0 && (lo % months[level] != 0 || lo + months[level] - 1 > hi))
        level--;
      if (!cover_add (&cover, SOFRA_SEARCH_DATE_MONTH + level, lo / 12, lo % 12 + 1, 1, error))
        return NULL;
      lo += months[level];
    }
  /* No date in the range: a word that is never a tag, so nothing matches. */
  if (!cover.any)
    g_string_append (match, "\"none\"");
  g_string_append_c (match, ')');
  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* The text's words in the kind's text columns, and the filters that apply to the kind. */
static char *
kind_match (SofraSearchKind         kind,
            const char             *text,
            const char             *dates,
            const SofraSearchQuery *query)
{
  GString *match = g_string_new (text_columns[kind]);

  g_string_append_printf (match, " : (%s)", text);
  if (kind != SOFRA_SEARCH_KIND_PARTICIPANT && dates != NULL)
    g_string_append (match, dates);
  switch (kind)
    {
    case SOFRA_SEARCH_KIND_SESSION:
      append_tag (match, SOFRA_SEARCH_TAG_KIND, query->session_kind);
      append_tag (match, SOFRA_SEARCH_TAG_COMMUNITY, query->community);
      append_tag (match, SOFRA_SEARCH_TAG_PLACE, query->place_id);
      append_tag (match, SOFRA_SEARCH_TAG_TOPIC, query->topic);
      break;
    case SOFRA_SEARCH_KIND_PARTICIPANT:
      append_tag (match, SOFRA_SEARCH_TAG_COMMUNITY, query->community);
      append_tag (match, SOFRA_SEARCH_TAG_PLACE, query->place_id);
      break;
    case SOFRA_SEARCH_KIND_FOLLOWUP:
      append_tag (match, SOFRA_SEARCH_TAG_STATUS, query->status);
      break;
    default:
      break;
    }
  return g_string_free (match, FALSE);
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
             const char             *dates,
             guint                   n_phrases,
             const SofraSearchWords *words,
             guint                   limit,
             SofraSearchResults     *results,
             GError                **error)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autofree char *full = kind_match (kind, match, dates, query);
  sqlite3_stmt    *stmt = sofra_store_stmt (store, query_sql[kind], error);
  int              rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, full, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, (int) limit + 1);
  sqlite3_bind_int (stmt, 10, MAX (RANK_WINDOW, (int) limit + 1));
  sqlite3_bind_int (stmt, 11, (int) n_phrases);
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
  g_autofree char *dates = NULL;
  guint            limit, kinds, n_phrases = 0;
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
  if (words.n_words > 0 && kinds != 0)
    {
      g_autoptr (GError) local_error = NULL;

      ok = sofra_search_register_functions (store, &local_error);
      if (ok)
        match = match_expression (store, &words, &n_phrases, &local_error);
      if (match != NULL)
        dates = date_match (store, query->date_from, query->date_to, &local_error);
      ok = local_error == NULL;
      for (int k = 0; k < SOFRA_SEARCH_N_KINDS && ok && match != NULL; k++)
        if (kinds & (1u << k))
          ok = search_kind (store, k, query, match, dates, n_phrases, &words, limit, results,
                            &local_error);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  sofra_search_words_clear (&words);
  return ok ? g_steal_pointer (&results) : NULL;
}
