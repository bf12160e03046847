/* sofra-search-rank.c — sofra_rank(), the FTS5 ranking function of search results
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Okapi BM25 per column (k1 = 1.2, b = 0.75, a weight per column), as FTS5's bm25(), but
 * without the inverse document frequency. FTS5's bm25() finds each word's document frequency
 * by reading every row that holds the word, on every query: 15 ms for a town's name in
 * 300,000 participants. Every word of a query is required, so every result holds every word
 * and the frequency would only weigh the words against each other. Lower is better, as with
 * bm25(). Called as sofra_rank(table, number of the query's phrases, weight of each column…).
 */
#include <sqlite3.h>

#include "sofra-search-private.h"

#define K1 1.2
#define B  0.75
/* Words and columns beyond these are not counted (queries keep SOFRA_SEARCH_MAX_WORDS). */
#define MAX_PHRASES 64
#define MAX_COLUMNS 16

static void
rank_function (const Fts5ExtensionApi *api,
               Fts5Context            *fts,
               sqlite3_context        *context,
               int                     n_args,
               sqlite3_value         **args)
{
  int           n_columns = MIN (api->xColumnCount (fts), MAX_COLUMNS);
  int           n_phrases = MIN (api->xPhraseCount (fts), MAX_PHRASES);
  sqlite3_int64 n_rows = 0;
  double        score = 0;
  guint16       tf[MAX_PHRASES][MAX_COLUMNS] = { { 0 } };
  gboolean      any[MAX_COLUMNS] = { FALSE };
  int           rc;

  /* The first argument: how many phrases are the query's words. The phrases after them are
   * filters (tags), which count nothing: not even reading their positions (xInstCount would
   * read every phrase's, 35 of them for an open date range). */
  if (n_args > 0)
    n_phrases = MIN (n_phrases, sqlite3_value_int (args[0]));
  if ((rc = api->xRowCount (fts, &n_rows)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  for (int p = 0; p < n_phrases; p++)
    {
      Fts5PhraseIter iter;
      int            column = -1, offset = -1;

      if (api->xPhraseFirst (fts, p, &iter, &column, &offset) != SQLITE_OK)
        continue;
      for (; column >= 0; api->xPhraseNext (fts, &iter, &column, &offset))
        if (column < n_columns && tf[p][column] < G_MAXUINT16)
          {
            tf[p][column]++;
            any[column] = TRUE;
          }
    }

  for (int c = 0; c < n_columns; c++)
    {
      double        weight = c + 1 < n_args ? sqlite3_value_double (args[c + 1]) : 1.0;
      sqlite3_int64 total = 0;
      int           length = 0;
      double        average, norm;

      if (!any[c] || api->xColumnSize (fts, c, &length) != SQLITE_OK ||
          api->xColumnTotalSize (fts, c, &total) != SQLITE_OK)
        continue;
      average = n_rows > 0 && total > 0 ? (double) total / n_rows : 1.0;
      norm = K1 * (1 - B + B * length / average);
      for (int p = 0; p < n_phrases; p++)
        if (tf[p][c] > 0)
          score += weight * (tf[p][c] * (K1 + 1)) / (tf[p][c] + norm);
    }
  sqlite3_result_double (context, -score);
}

gboolean
sofra_search_register_functions (SofraStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api     *api = NULL;
  int           rc;

  if (self->search_ready)
    return TRUE;
  rc = sqlite3_prepare_v2 (self->db, "SELECT fts5 (?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
      rc = sqlite3_finalize (stmt);
    }
  if (rc == SQLITE_OK && api == NULL)
    rc = SQLITE_ERROR;
  if (rc == SQLITE_OK)
    rc = api->xCreateFunction (api, "sofra_rank", NULL, rank_function, NULL);
  if (rc != SQLITE_OK)
    return sofra_store_sql_error (self, rc, error);
  self->search_ready = TRUE;
  return TRUE;
}
