/* sofra-search.h — search across scripts and diacritics: the query, the results, the snippets
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps an FTS5 index over the folded text (sofra_translit_fold) of sessions,
 * participants, notes and follow-ups, in the same transaction as every write. A query is
 * folded the same way and split into words; every word must match, each as a prefix of a
 * word of the record ("mitro" finds "Mitrovicë", "Mitrovica" and "Митровица"); a word of one
 * letter matches only that one-letter word, and one of two letters matches whole words only
 * when more than 64 indexed words begin with it. The text is never handed to FTS5 as query syntax:
 * quotes, *, NEAR, AND/OR/NOT, -, :, ^ and parentheses are ordinary characters, so any input
 * finds nothing or finds the literal text.
 *
 * Ranking: BM25 per field (titles and names weigh most, then places), among the 300 most
 * recently written records that match; when more match, a longer query narrows them.
 *
 * Threading: a SofraStore is used from one thread. sofra_search() runs synchronously on that
 * thread, reads only (it never writes the database), and is meant to be called on every
 * keystroke from the main loop: bench-search measures it on 100,000 sessions and 300,000
 * participants (target: 95th percentile under 5 ms).
 */
#pragma once

#include <glib.h>

#include "sofra-store.h"

G_BEGIN_DECLS

/* What a result is; the groups of SofraSearchResults, in this order. */
typedef enum
{
  SOFRA_SEARCH_KIND_SESSION,
  SOFRA_SEARCH_KIND_PARTICIPANT,
  SOFRA_SEARCH_KIND_NOTE,
  SOFRA_SEARCH_KIND_FOLLOWUP,
  SOFRA_SEARCH_N_KINDS
} SofraSearchKind;

/* A set of kinds, for SofraSearchQuery.kinds; 0 means all of them. */
typedef enum
{
  SOFRA_SEARCH_SESSIONS = 1 << SOFRA_SEARCH_KIND_SESSION,
  SOFRA_SEARCH_PARTICIPANTS = 1 << SOFRA_SEARCH_KIND_PARTICIPANT,
  SOFRA_SEARCH_NOTES = 1 << SOFRA_SEARCH_KIND_NOTE,
  SOFRA_SEARCH_FOLLOWUPS = 1 << SOFRA_SEARCH_KIND_FOLLOWUP,
  SOFRA_SEARCH_ALL = 0xf
} SofraSearchKinds;

/* The maximum of SofraSearchQuery.limit, and the limit used when it is 0. */
#define SOFRA_SEARCH_MAX_LIMIT     200
#define SOFRA_SEARCH_DEFAULT_LIMIT 20
/* Words of the query beyond this many are ignored (a pasted page still searches quickly). */
#define SOFRA_SEARCH_MAX_WORDS 32

/* A query: fill it on the stack, zero means "no filter" for every field
 * ({ .text = "mitro", .kinds = SOFRA_SEARCH_SESSIONS }). Strings are borrowed.
 *
 * A filter restricts the kinds it applies to and leaves out the kinds it cannot apply to
 * (with .topic set, only sessions are found):
 *   date_from/date_to  sessions (date), notes (date), follow-ups (due date); inclusive,
 *                      "YYYY-MM-DD" (anything else is SOFRA_STORE_ERROR_INVALID)
 *   session_kind       sessions (a SOFRA_VOCAB_SESSION_KIND id)
 *   community          sessions (communities present), participants (SOFRA_VOCAB_COMMUNITY)
 *   place_id           sessions (place), participants (municipality): "place:…"
 *   topic              sessions (a SOFRA_VOCAB_TOPIC id)
 *   status             follow-ups (a SOFRA_VOCAB_FOLLOWUP_STATUS id)
 * An id that is not in its vocabulary simply matches nothing. */
typedef struct
{
  const char      *text;
  SofraSearchKinds kinds;
  const char      *date_from;
  const char      *date_to;
  const char      *session_kind;
  const char      *community;
  const char      *place_id;
  const char      *topic;
  const char      *status;
  guint            limit; /* per kind; 0: SOFRA_SEARCH_DEFAULT_LIMIT */
} SofraSearchQuery;

/* A matched word: byte offsets [start, end) into the string it belongs to (a hit's title or
 * snippet), always on UTF-8 character boundaries. */
typedef struct
{
  guint start;
  guint end;
} SofraSearchRange;

/* One result. Every string is ORIGINAL text of the record (as typed, any script), never the
 * folded form; the ranges say where the query's words are in it. */
typedef struct
{
  SofraSearchKind kind;
  char           *id;             /* the document's _id */
  const char     *type;           /* SOFRA_TYPE_SESSION, …: static */
  char           *title;          /* session title, participant name, note's participant's name,
                                   follow-up "what"; never NULL (maybe "") */
  GArray         *title_ranges;   /* of SofraSearchRange into title, sorted, never NULL */
  char           *snippet;        /* plain text around the first matches, from the field that
                                   matched best; "…" marks cut ends; never NULL (maybe "") */
  GArray         *snippet_ranges; /* of SofraSearchRange into snippet, sorted, never NULL */
  char           *date;           /* session date, note date, follow-up due date, or NULL */
  char           *related_id;     /* a note's participant, a follow-up's session, or NULL */
  double          rank;           /* BM25, negated: lower is better; hits come best first */
} SofraSearchHit;

/* Results grouped by kind, each group best first; a kind not searched has an empty group. */
typedef struct
{
  GPtrArray *hits[SOFRA_SEARCH_N_KINDS]; /* of SofraSearchHit *, never NULL */
  gboolean   more[SOFRA_SEARCH_N_KINDS]; /* TRUE when the group was cut at the limit */
} SofraSearchResults;

/* Runs @query. An empty query, or one with no letter or digit, finds nothing (no error).
 * Errors: SOFRA_STORE_ERROR_INVALID for a malformed date filter, and the store's errors when
 * the database cannot be read. Never writes. */
SofraSearchResults *sofra_search (SofraStore *store, const SofraSearchQuery *query, GError **error);
void                sofra_search_results_free (SofraSearchResults *results);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SofraSearchResults, sofra_search_results_free)
/* The number of hits over all groups. */
guint sofra_search_results_count (const SofraSearchResults *results);

/* @text with the @ranges wrapped in @open and @close (e.g. "<b>", "</b>"). With
 * @escape_markup every other character is escaped for GMarkup/Pango (g_markup_escape_text),
 * so the result can go to gtk_label_set_markup() whatever the record holds; without it the
 * text is copied as is (e.g. "[", "]" for a terminal). */
char *sofra_search_mark (const char   *text,
                         const GArray *ranges,
                         const char   *open,
                         const char   *close,
                         gboolean      escape_markup);
/* Shorthands: the hit's title and snippet as Pango markup, matched words in <b>. */
char *sofra_search_hit_title_markup (const SofraSearchHit *hit);
char *sofra_search_hit_snippet_markup (const SofraSearchHit *hit);

/* "session", "participant", "note", "followup" (also the plurals) → kind; -1 when unknown. */
int         sofra_search_kind_from_string (const char *name);
const char *sofra_search_kind_to_string (SofraSearchKind kind);
/* The translated heading of a group: "Sessions", "Participants", "Notes", "Follow-ups". */
const char *sofra_search_kind_label (SofraSearchKind kind);

G_END_DECLS
