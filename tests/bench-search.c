/* bench-search.c — search latency on 100,000 sessions and 300,000 participants, against LIKE
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the benchmarks' data set (sofra-bench-data.c: 100,000 sessions and 300,000
 * participants times SOFRA_BENCH_SCALE, places seeded) through the store's write path, then
 * times 30 queries mixing scripts, accents, prefixes and filters through sofra_search() (what
 * the window pays per keystroke: the FTS5 query, reading the best documents, the snippets).
 * Latency is wall time, and each run's CPU time beside it: on a shared machine a run can wait
 * for the processor. The peer, in the same run and on the same file: the same queries as LIKE '%word%' over the
 * raw JSON of the documents of each kind, every word required, filters with json_extract,
 * stopping at the same number of hits (LIKE cannot rank, so it may stop early). The hits
 * columns show what each finds: LIKE does not fold scripts or accents. Last, the index's size
 * on disk (dbstat) beside the database's. SOFRA_BENCH_KEEP keeps the database, and a kept
 * database of the right size is reused.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sofra-bench-data.h"
#include "sofra-search.h"
#include "sofra-store.h"

#define ROUNDS 7 /* timed runs of each query, after one untimed */

typedef struct
{
  const char      *label; /* what the query exercises */
  SofraSearchQuery query;
} Query;

static const Query queries[] = {
  { "place, Serbian Latin", { .text = "Mitrovica" } },
  { "place, Albanian", { .text = "Mitrovicë" } },
  { "place, Cyrillic", { .text = "Митровица" } },
  { "place, prefix", { .text = "mitro" } },
  { "name, Latin with đ", { .text = "Đorđević" } },
  { "name, ASCII dj", { .text = "Djordjevic" } },
  { "name, Cyrillic", { .text = "Ђорђевић" } },
  { "name, prefix", { .text = "djordj" } },
  { "two names", { .text = "Arta Krasniqi" } },
  { "name, Cyrillic typed in Latin", { .text = "milica" } },
  { "two names, Cyrillic", { .text = "Јелена Петровић" } },
  { "Albanian text, accents", { .text = "çështja e pronës" } },
  { "Albanian text, no accents", { .text = "ceshtja prones" } },
  { "Serbian text, Latin for Cyrillic", { .text = "slobodu kretanja" } },
  { "Serbian text, Cyrillic", { .text = "здравственим услугама" } },
  { "Cyrillic prefix", { .text = "здрав" } },
  { "organisation, ç", { .text = "Graçanicës" } },
  { "three-letter prefix", { .text = "gra" } },
  { "three words", { .text = "youth exchange environment" } },
  { "venue, both scripts", { .text = "Дом културе" } },
  { "place + session kind", { .text = "Zvečan", .session_kind = "workshop" } },
  { "prefix + one year", { .text = "prisht", .date_from = "2020-01-01", .date_to = "2020-12-31" } },
  { "word + community", { .text = "roundtable", .community = "serbian" } },
  { "words + topic", { .text = "missing persons", .topic = "missing_persons" } },
  { "organisation + place, people",
    { .text = "NGO Aktiv", .place_id = "place:nis", .kinds = SOFRA_SEARCH_PARTICIPANTS } },
  { "name + community",
    { .text = "Berisha", .community = "albanian", .kinds = SOFRA_SEARCH_PARTICIPANTS } },
  { "Cyrillic + place", { .text = "Радионица", .place_id = "place:novi-pazar" } },
  { "place + date from", { .text = "Beograd", .date_from = "2025-06-01" } },
  { "sessions only, Latin", { .text = "sastanak zajednice", .kinds = SOFRA_SEARCH_SESSIONS } },
  { "nothing matches", { .text = "qwxyzzy" } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (queries) == 30);

static G_NORETURN void
die (const char *what, const char *message)
{
  g_printerr ("bench-search: %s: %s\n", what, message);
  exit (1);
}

static double
write_data (SofraStore *store, guint n_sessions, guint n_participants)
{
  g_autoptr (GError) error = NULL;
  gint64 t = g_get_monotonic_time ();

  if (!sofra_bench_write_store (store, n_sessions, n_participants, &error))
    die ("write", error->message);
  return (double) (g_get_monotonic_time () - t) / G_USEC_PER_SEC;
}

/* On a loaded machine a run can wait for the processor; its CPU time is the work itself. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples, double p)
{
  guint index;

  g_array_sort (samples, compare_doubles);
  index = (guint) (p * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, index);
}

/* ---- the peer: LIKE over the raw JSON ------------------------------------------------------ */

static const char *const kind_types[SOFRA_SEARCH_N_KINDS] = { "session", "participant", "note",
                                                              "followup" };

/* Which kinds a query's filters allow, as sofra_search() decides. */
static guint
query_kinds (const SofraSearchQuery *q)
{
  guint kinds = q->kinds ? q->kinds : SOFRA_SEARCH_ALL;

  if (q->date_from || q->date_to)
    kinds &= SOFRA_SEARCH_SESSIONS | SOFRA_SEARCH_NOTES | SOFRA_SEARCH_FOLLOWUPS;
  if (q->session_kind || q->topic)
    kinds &= SOFRA_SEARCH_SESSIONS;
  if (q->community || q->place_id)
    kinds &= SOFRA_SEARCH_SESSIONS | SOFRA_SEARCH_PARTICIPANTS;
  if (q->status)
    kinds &= SOFRA_SEARCH_FOLLOWUPS;
  return kinds;
}

/* One statement per kind: every word LIKE '%word%' over the body, the filters by
 * json_extract, at most @limit rows. Returns the hits over all kinds. */
static guint
like_search (sqlite3 *db, const SofraSearchQuery *q, guint limit)
{
  g_auto (GStrv) words = g_strsplit (q->text, " ", -1);
  guint kinds = query_kinds (q), hits = 0;

  for (guint k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    {
      g_autoptr (GString)
        sql = g_string_new ("SELECT id FROM docs WHERE type = ?1 AND deleted = 0");
      sqlite3_stmt *stmt = NULL;
      int           n = 1;
      gboolean      session = k == SOFRA_SEARCH_KIND_SESSION;

      if (!(kinds & (1u << k)))
        continue;
      for (guint w = 0; words[w]; w++)
        if (*words[w])
          g_string_append (sql, " AND body LIKE ?");
      if (q->date_from)
        g_string_append (sql, " AND json_extract (body, '$.date') >= ?");
      if (q->date_to)
        g_string_append (sql, " AND json_extract (body, '$.date') <= ?");
      if (q->session_kind)
        g_string_append (sql, " AND json_extract (body, '$.kind') = ?");
      if (q->community)
        g_string_append (sql, session ? " AND EXISTS (SELECT 1 FROM json_each (body, "
                                        "'$.communities') WHERE value = ?)"
                                      : " AND json_extract (body, '$.community') = ?");
      if (q->place_id)
        g_string_append (sql, session ? " AND json_extract (body, '$.place_id') = ?"
                                      : " AND json_extract (body, '$.municipality') = ?");
      if (q->topic)
        g_string_append (sql, " AND EXISTS (SELECT 1 FROM json_each (body, '$.topics')"
                              " WHERE value = ?)");
      g_string_append_printf (sql, " LIMIT %u", limit);
      if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        die ("like", sqlite3_errmsg (db));
      sqlite3_bind_text (stmt, n++, kind_types[k], -1, SQLITE_STATIC);
      for (guint w = 0; words[w]; w++)
        if (*words[w])
          sqlite3_bind_text (stmt, n++, g_strdup_printf ("%%%s%%", words[w]), -1, g_free);
      if (q->date_from)
        sqlite3_bind_text (stmt, n++, q->date_from, -1, SQLITE_STATIC);
      if (q->date_to)
        sqlite3_bind_text (stmt, n++, q->date_to, -1, SQLITE_STATIC);
      if (q->session_kind)
        sqlite3_bind_text (stmt, n++, q->session_kind, -1, SQLITE_STATIC);
      if (q->community)
        sqlite3_bind_text (stmt, n++, q->community, -1, SQLITE_STATIC);
      if (q->place_id)
        sqlite3_bind_text (stmt, n++, q->place_id, -1, SQLITE_STATIC);
      if (q->topic)
        sqlite3_bind_text (stmt, n++, q->topic, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        hits++;
      sqlite3_finalize (stmt);
    }
  return hits;
}

/* ---- sizes --------------------------------------------------------------------------------- */

static double
mb (gint64 bytes)
{
  return bytes / (1024.0 * 1024.0);
}

static void
print_sizes (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64        index = 0, total = 0;

  if (sqlite3_prepare_v2 (db,
                          "SELECT name, sum (pgsize) FROM dbstat GROUP BY name"
                          " ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    die ("dbstat", sqlite3_errmsg (db));
  printf ("\n%-40s %10s\n", "table or index (dbstat)", "MB");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      gint64      bytes = sqlite3_column_int64 (stmt, 1);

      total += bytes;
      if (g_str_has_prefix (name, "search_"))
        index += bytes;
      if (bytes >= 1024 * 1024)
        printf ("%-40s %10.1f\n", name, mb (bytes));
    }
  sqlite3_finalize (stmt);
  printf ("%-40s %10.1f   (%.0f%% of the database)\n", "search index, all search_* tables",
          mb (index), 100.0 * index / total);
  printf ("%-40s %10.1f\n", "database, all pages", mb (total));
}

int
main (int argc, char **argv)
{
  const char      *scale_env = g_getenv ("SOFRA_BENCH_SCALE");
  const char      *dir_env = g_getenv ("SOFRA_BENCH_DIR");
  double           scale = scale_env ? g_ascii_strtod (scale_env, NULL) : 1.0;
  g_autofree char *dir = dir_env ? g_strdup (dir_env) : g_get_current_dir ();
  g_autofree char *path = g_build_filename (dir, "bench-search.db", NULL);
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) fts_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) like_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) fts_medians = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) fts_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint    n_sessions, n_participants;
  double   write_s = -1;
  sqlite3 *db;

  setlocale (LC_ALL, "");
  if (!(scale > 0))
    die ("SOFRA_BENCH_SCALE", "must be a positive number");
  n_sessions = sofra_bench_scaled (100000, scale);
  n_participants = sofra_bench_scaled (300000, scale);

  if ((store = sofra_store_open (path, NULL)) == NULL ||
      sofra_store_count (store, "session") != n_sessions ||
      sofra_store_count (store, "participant") != n_participants)
    {
      g_clear_object (&store);
      sofra_bench_remove_db (path);
      if (!(store = sofra_store_open (path, &error)))
        die ("open", error->message);
      sofra_store_set_author (store, "Bench Mark", "office:prishtine");
      write_s = write_data (store, n_sessions, n_participants);
      /* Reopened, so the queries start from a cold statement cache, as the application does. */
      g_clear_object (&store);
      if (!(store = sofra_store_open (path, &error)))
        die ("reopen", error->message);
    }
  db = sofra_store_get_db (store);

  printf ("\nSofra search: %u sessions, %u participants (scale %g)\n", n_sessions, n_participants,
          scale);
  if (write_s >= 0)
    printf ("written through the store's write path (with the index) in %.1f s\n", write_s);
  else
    printf ("reusing the database kept by an earlier run (SOFRA_BENCH_KEEP)\n");
  printf ("fts:  sofra_search(), all four kinds unless filtered, %d results per kind, snippets "
          "included; median of %d runs\n",
          SOFRA_SEARCH_DEFAULT_LIMIT, ROUNDS);
  printf ("like: body LIKE '%%word%%' for every word over the raw JSON of each kind, filters by "
          "json_extract, LIMIT %d; one run\n",
          SOFRA_SEARCH_DEFAULT_LIMIT + 1);
  printf ("hits: results over all kinds (fts: at most %d per kind)\n\n",
          SOFRA_SEARCH_DEFAULT_LIMIT);
  printf ("%-3s %-34s %-24s %9s %6s %9s %6s %8s\n", "#", "what", "query", "fts ms", "hits",
          "like ms", "hits", "like/fts");
  printf ("%-3s %-34s %-24s %9s %6s %9s %6s %8s\n", "--", "----", "-----", "------", "----",
          "-------", "----", "--------");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      const SofraSearchQuery *q = &queries[i].query;
      g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *shown = NULL;
      guint            hits = 0, like_hits;
      double           fts_ms, like_ms;
      gint64           t;

      for (guint r = 0; r <= ROUNDS; r++)
        {
          g_autoptr (SofraSearchResults) results = NULL;
          double ms;

          double cpu = thread_cpu_ms ();

          t = g_get_monotonic_time ();
          results = sofra_search (store, q, &error);
          ms = (g_get_monotonic_time () - t) / 1000.0;
          cpu = thread_cpu_ms () - cpu;
          if (results == NULL)
            die (q->text, error->message);
          hits = sofra_search_results_count (results);
          if (r == 0)
            continue; /* the first run prepares the statements */
          g_array_append_val (runs, ms);
          g_array_append_val (fts_all, ms);
          g_array_append_val (fts_cpu, cpu);
        }
      fts_ms = percentile (runs, 0.5);
      g_array_append_val (fts_medians, fts_ms);

      t = g_get_monotonic_time ();
      like_hits = like_search (db, q, SOFRA_SEARCH_DEFAULT_LIMIT + 1);
      like_ms = (g_get_monotonic_time () - t) / 1000.0;
      g_array_append_val (like_all, like_ms);

      shown = g_utf8_substring (q->text, 0, MIN (22, g_utf8_strlen (q->text, -1)));
      printf ("%-3u %-34s %-*s %9.2f %6u %9.1f %6u %8.0f\n", i + 1, queries[i].label,
              (int) (24 + strlen (shown) - g_utf8_strlen (shown, -1)), shown, fts_ms, hits, like_ms,
              like_hits, like_ms / fts_ms);
    }

  {
    double fts50 = percentile (fts_all, 0.5), fts95 = percentile (fts_all, 0.95);
    double like50 = percentile (like_all, 0.5), like95 = percentile (like_all, 0.95);

    printf ("\n%-40s %9s %9s %9s\n", "latency", "p50 ms", "p95 ms", "max ms");
    printf ("%-40s %9.2f %9.2f %9.2f   (target p95 < 5 ms; the 30 medians)\n",
            "fts: sofra_search(), per query", percentile (fts_medians, 0.5),
            percentile (fts_medians, 0.95), percentile (fts_medians, 1.0));
    printf ("%-40s %9.2f %9.2f %9.2f   (%u runs)\n", "fts: sofra_search(), every run", fts50, fts95,
            percentile (fts_all, 1.0), fts_all->len);
    printf ("%-40s %9.2f %9.2f %9.2f   (the same runs, this thread's CPU time)\n",
            "fts: sofra_search(), every run, CPU", percentile (fts_cpu, 0.5),
            percentile (fts_cpu, 0.95), percentile (fts_cpu, 1.0));
    printf ("%-40s %9.1f %9.1f %9.1f   (%u runs)\n", "like: LIKE over the raw JSON", like50, like95,
            percentile (like_all, 1.0), like_all->len);
    printf ("%-40s %9.0f %9.0f\n", "ratio like/fts", like50 / fts50, like95 / fts95);
  }

  print_sizes (db);
  fflush (stdout);
  g_clear_object (&store);
  if (g_getenv ("SOFRA_BENCH_KEEP") == NULL)
    sofra_bench_remove_db (path);
  return 0;
}
