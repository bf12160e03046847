/* sofra-search-private.h — what the search index (write side) and the queries share
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One FTS5 table per kind (search_sessions, search_participants, search_notes,
 * search_followups), its rowid the document's docs.seq, its text columns folded, its filter
 * columns UNINDEXED. A document moves to a new seq on every write, and its row moves with it.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sofra-search.h"
#include "sofra-store-private.h"

G_BEGIN_DECLS

/* Migration 2: the tables (SQL), then their rows for the documents already stored. */
extern const char sofra_search_schema_sql[];
gboolean          sofra_search_index_rebuild (SofraStore *self, GError **error);

/* Called by the write path after the docs row of @id moved from @old_seq (0 when new; the
 * row's type and liveness before were @old_type, @old_live) to @new_seq, inside the write's
 * transaction. @doc is the new winner, or NULL when it is deleted. */
gboolean sofra_search_index_doc (SofraStore *self,
                                 const char *id,
                                 gint64      old_seq,
                                 const char *old_type,
                                 gboolean    old_live,
                                 gint64      new_seq,
                                 const char *type,
                                 JsonObject *doc,
                                 GError    **error);

/* The write transaction was rolled back (sofra-store.c). */
void sofra_search_index_rolled_back (SofraStore *self);

/* Registers sofra_rank() (sofra-search-rank.c) on the store's connection, once. */
gboolean sofra_search_register_functions (SofraStore *self, GError **error);

/* Filters are words of the "tags" column: a letter for the filter, then the id's ASCII
 * letters and digits in lower case ("kroundtable", "pmitroviceveriut"). */
#define SOFRA_SEARCH_TAG_KIND      'k'
#define SOFRA_SEARCH_TAG_COMMUNITY 'c'
#define SOFRA_SEARCH_TAG_PLACE     'p'
#define SOFRA_SEARCH_TAG_TOPIC     't'
#define SOFRA_SEARCH_TAG_STATUS    's'
char *sofra_search_tag (char prefix, const char *id);

/* Dates are tags at six levels: "d20250615", "m202506", "y2025", "e202", "b20", "a2". */
enum
{
  SOFRA_SEARCH_DATE_DAY,
  SOFRA_SEARCH_DATE_MONTH,
  SOFRA_SEARCH_DATE_YEAR,
  SOFRA_SEARCH_DATE_DECADE,
  SOFRA_SEARCH_DATE_CENTURY,
  SOFRA_SEARCH_DATE_MILLENNIUM,
  SOFRA_SEARCH_DATE_LEVELS
};
/* Exactly YYYY-MM-DD, digits only, a month from 1 to 12 and a day from 1 to 31. */
gboolean sofra_search_parse_date (const char *date, int *year, int *month, int *day);
void     sofra_search_date_tag (GString *out, int level, int year, int month, int day);
int      sofra_search_days_in_month (int year, int month);

/* The kind of a document type, or -1 when the type is not searched. */
int sofra_search_kind_of_type (const char *type);

/* A place's names as typed (Albanian / Serbian Latin / Serbian Cyrillic, joined by " / "),
 * or NULL when @place_id is NULL or not a live place. Cached per store; the cache forgets a
 * place when it is written. */
const char *sofra_search_place_names (SofraStore *self, const char *place_id);

/* A top-level string member, or NULL when absent or not a string. */
const char *sofra_search_str (JsonObject *doc, const char *name);
/* The strings of an array member joined by @sep, or NULL when there are none. */
char *sofra_search_join (JsonObject *doc, const char *name, const char *sep);
/* The English and the current language's labels of a session's topics, joined by ", ". */
char *sofra_search_topic_labels (JsonObject *doc);

/* Snippets (sofra-search-snippet.c). The query's folded words: */
typedef struct
{
  char **words; /* folded, non-empty, at most SOFRA_SEARCH_MAX_WORDS */
  guint  n_words;
} SofraSearchWords;

void sofra_search_words_init (SofraSearchWords *words, const char *text);
void sofra_search_words_clear (SofraSearchWords *words);
/* The ranges of @text's words that start with one of the query's words (after folding). Stops
 * after @max_ranges ranges (0: no limit). */
GArray *
sofra_search_find_ranges (const SofraSearchWords *words, const char *text, guint max_ranges);
/* An excerpt of @text of about SOFRA_SEARCH_SNIPPET_CHARS characters around its first match,
 * with the ranges in it; the whole text when short. */
#define SOFRA_SEARCH_SNIPPET_CHARS 160
char *sofra_search_excerpt (const SofraSearchWords *words, const char *text, GArray **ranges);
/* How many of the query's words occur in @text (folded), as word prefixes. */
guint sofra_search_count_words (const SofraSearchWords *words, const char *text);

G_END_DECLS
