/* bench-store.c — bulk writes through the store's write path, against raw SQLite inserts
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes 100,000 sessions, 300,000 participants and 500,000 attendances (times
 * SOFRA_BENCH_SCALE) through sofra_store_put in batches, then the same JSON texts into a
 * fresh SQLite file with plain prepared INSERTs in one transaction (the peer), both with WAL
 * and synchronous=FULL; the peer gets the cache_size the store uses in a batch. Only the
 * writing is timed: documents are generated from their index (so both sides get the very
 * same text) outside the measured intervals. The store's time includes parsing the text, as
 * an import does. Then a fresh process times opening the store and reading the first page of
 * the sessions list, and an item deep in the list. Files go to SOFRA_BENCH_DIR (the build
 * directory under `meson test --benchmark`) and are removed unless SOFRA_BENCH_KEEP is set.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "sofra-bench-data.h"
#include "sofra-doc-list.h"
#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-store.h"

#define BATCH_SIZE 10000
#define PAGE       SOFRA_DOC_LIST_PAGE_SIZE

static guint n_sessions, n_participants, n_attendances;

static JsonObject *
make_attendance (guint index)
{
  return sofra_bench_attendance (index, n_sessions, n_participants);
}

typedef struct
{
  const char *name;
  JsonObject *(*make) (guint index);
  guint *count;
  double store_s;
} Phase;

static Phase phases[] = {
  { "sessions", sofra_bench_session, &n_sessions, 0 },
  { "participants", sofra_bench_participant, &n_participants, 0 },
  { "attendances", make_attendance, &n_attendances, 0 },
};

/* The text both sides write; "_id" included, as in an export file. */
static char *
make_text_for (Phase *phase, guint index, char **id)
{
  g_autoptr (JsonObject) doc = phase->make (index);

  *id = g_strdup (json_object_get_string_member (doc, "_id"));
  return sofra_json_to_string (doc);
}

/* ---- measuring ----------------------------------------------------------------------------- */

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static G_NORETURN void
die (const char *what, const char *message)
{
  g_printerr ("bench-store: %s: %s\n", what, message);
  exit (1);
}

static int store_cache_size (SofraStore *store);

static gint64 parse_spent; /* json-glib parsing of the texts, outside the write path */

/* Returns the page cache size the store uses during a batch, for the peer. */
static int
write_store (SofraStore *store, double *bytes)
{
  int cache_size = 0;
  g_autoptr (GError) error = NULL;

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    {
      Phase *phase = &phases[p];
      gint64 spent = 0, t;

      for (guint i = 0; i < *phase->count; i++)
        {
          g_autofree char *id = NULL;
          g_autofree char *text = make_text_for (phase, i, &id);
          g_autoptr (JsonObject) doc = NULL;

          *bytes += strlen (text);
          /* Parsing the text is the caller's (an import's) work, timed on its own line: the
           * write path starts at sofra_store_put with a document. */
          t = g_get_monotonic_time ();
          if (!(doc = sofra_store_parse_doc (text, -1, &error)))
            die (id, error->message);
          parse_spent += g_get_monotonic_time () - t;
          t = g_get_monotonic_time ();
          if (i % BATCH_SIZE == 0)
            {
              if (!sofra_store_begin (store, &error))
                die ("begin", error->message);
              if (cache_size == 0)
                cache_size = store_cache_size (store);
            }
          if (!sofra_store_put (store, doc, &error))
            die (id, error->message);
          if ((i + 1) % BATCH_SIZE == 0 || i + 1 == *phase->count)
            if (!sofra_store_commit (store, &error))
              die ("commit", error->message);
          spent += g_get_monotonic_time () - t;
        }
      phase->store_s = (double) spent / G_USEC_PER_SEC;
    }
  return cache_size;
}

static void
sql_check (sqlite3 *db, int rc, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    die (what, sqlite3_errmsg (db));
}

/* The store's page cache size (PRAGMA cache_size) inside a batch, for the peer. */
static int
store_cache_size (SofraStore *store)
{
  sqlite3      *db = sofra_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int           size = 0;

  sql_check (db, sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL), "cache_size");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* The peer: the same texts, one prepared INSERT, one transaction, the store's PRAGMAs. */
static double
write_raw (const char *path, int cache_size)
{
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  gint64           spent = 0, t;
  g_autofree char *cache = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

  sql_check (db, sqlite3_open (path, &db), "open raw");
  t = g_get_monotonic_time ();
  sql_check (db, sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), "wal");
  sql_check (db, sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL), "sync");
  sql_check (db, sqlite3_exec (db, cache, NULL, NULL, NULL), "cache_size");
  sql_check (db,
             sqlite3_exec (db, "CREATE TABLE docs (id TEXT PRIMARY KEY, body TEXT)", NULL, NULL,
                           NULL),
             "create");
  sql_check (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), "begin");
  sql_check (db,
             sqlite3_prepare_v2 (db, "INSERT INTO docs (id, body) VALUES (?1, ?2)", -1, &stmt,
                                 NULL),
             "prepare");
  spent += g_get_monotonic_time () - t;

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint i = 0; i < *phases[p].count; i++)
      {
        g_autofree char *id = NULL;
        g_autofree char *text = make_text_for (&phases[p], i, &id);

        t = g_get_monotonic_time ();
        sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
        sql_check (db, sqlite3_step (stmt), "insert");
        sqlite3_reset (stmt);
        spent += g_get_monotonic_time () - t;
      }

  t = g_get_monotonic_time ();
  sqlite3_finalize (stmt);
  sql_check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), "commit");
  spent += g_get_monotonic_time () - t;
  sqlite3_close (db);
  return (double) spent / G_USEC_PER_SEC;
}

static double
file_mb (const char *path)
{
  GStatBuf         st;
  double           total = 0;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  if (g_stat (path, &st) == 0)
    total += st.st_size;
  if (g_stat (wal, &st) == 0)
    total += st.st_size;
  return total / (1024.0 * 1024.0);
}

/* VmHWM, the peak of this address space: unlike getrusage's ru_maxrss it starts afresh at
 * exec, so the reader, spawned from the writer, does not inherit the writer's peak. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char      *line;
  struct rusage    usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmHWM:")))
    return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Opening as the application does, in a fresh process (so its peak RSS is the reader's
 * own): the store, the sessions list and its first page, then one item deep in the list.
 * Prints "open_ms pages deep_ms deep_pages n_items peak_rss_kb". */
static int
reader_main (const char *path, guint deep)
{
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (SofraDocList) list = NULL;
  g_autoptr (GError) error = NULL;
  double open_ms, deep_ms;
  guint  pages;
  gint64 t = g_get_monotonic_time ();

  if (!(store = sofra_store_open (path, &error)))
    die ("reopen", error->message);
  list = sofra_doc_list_new (store, SOFRA_DOC_LIST_SESSIONS);
  for (guint i = 0; i < PAGE && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (item == NULL)
        die ("first page", "missing item");
    }
  open_ms = seconds_since (t) * 1000;
  pages = sofra_doc_list_get_pages_loaded (list);

  t = g_get_monotonic_time ();
  {
    g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (list), deep);

    if (item == NULL)
      die ("deep item", "missing");
  }
  deep_ms = seconds_since (t) * 1000;
  printf ("%.3f %u %.3f %u %u %.0f\n", open_ms, pages, deep_ms,
          sofra_doc_list_get_pages_loaded (list) - pages,
          g_list_model_get_n_items (G_LIST_MODEL (list)), peak_rss_mb () * 1024);
  return 0;
}

typedef struct
{
  double open_ms, deep_ms, rss_mb;
  guint  pages, deep_pages, n_items;
} Reading;

static Reading
run_reader (const char *path, guint deep)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *deep_arg = g_strdup_printf ("%u", deep);
  g_autofree char *out = NULL;
  const char      *argv[] = { exe, "--read", path, deep_arg, NULL };
  Reading          r = { 0 };
  double           rss_kb = 0;
  int              status;

  if (exe == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    die ("reader", error->message);
  if (sscanf (out, "%lf %u %lf %u %u %lf", &r.open_ms, &r.pages, &r.deep_ms, &r.deep_pages,
              &r.n_items, &rss_kb) != 6)
    die ("reader", out);
  r.rss_mb = rss_kb / 1024;
  return r;
}

int
main (int argc, char **argv)
{
  const char      *scale_env = g_getenv ("SOFRA_BENCH_SCALE");
  const char      *dir_env = g_getenv ("SOFRA_BENCH_DIR");
  double           scale = scale_env ? g_ascii_strtod (scale_env, NULL) : 1.0;
  g_autofree char *dir = dir_env ? g_strdup (dir_env) : g_get_current_dir ();
  g_autofree char *store_path = g_build_filename (dir, "bench-store.db", NULL);
  g_autofree char *raw_path = g_build_filename (dir, "bench-raw.db", NULL);
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *deep_label = NULL;
  double           close_s, raw_s, store_s = 0, bytes = 0, rss_write, store_mb;
  guint            total, deep;
  int              cache_size;
  Reading          reading;
  gint64           t;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--read"))
    return reader_main (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (!(scale > 0))
    die ("SOFRA_BENCH_SCALE", "must be a positive number");
  n_sessions = sofra_bench_scaled (100000, scale);
  n_participants = sofra_bench_scaled (300000, scale);
  n_attendances = sofra_bench_scaled (500000, scale);
  total = n_sessions + n_participants + n_attendances;
  deep = MIN (sofra_bench_scaled (90000, scale), n_sessions - 1);
  sofra_bench_remove_db (store_path);
  sofra_bench_remove_db (raw_path);

  /* The store's write path. */
  if (!(store = sofra_store_open (store_path, &error)))
    die ("open", error->message);
  sofra_store_set_author (store, "Bench Mark", "office:prishtine");
  cache_size = write_store (store, &bytes);
  t = g_get_monotonic_time ();
  g_clear_object (&store); /* closing checkpoints the WAL */
  close_s = seconds_since (t);
  rss_write = peak_rss_mb ();
  store_mb = file_mb (store_path);
  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    store_s += phases[p].store_s;

  /* The peer, same run, same texts. */
  raw_s = write_raw (raw_path, cache_size);

  reading = run_reader (store_path, deep);
  if (!(store = sofra_store_open (store_path, &error)))
    die ("reopen", error->message);
  if (reading.n_items != n_sessions || sofra_store_count (store, "session") != n_sessions ||
      sofra_store_count (store, "participant") != n_participants ||
      sofra_store_count (store, "attendance") != n_attendances)
    die ("counts", "the store does not hold what was written");
  g_clear_object (&store);

  deep_label = g_strdup_printf ("sessions list item at position %u", deep);
  printf ("\nSofra store write path against raw SQLite (scale %g, WAL, synchronous=FULL)\n", scale);
  printf ("store: JsonObject -> sofra_store_put (the write path), batches of %d\n", BATCH_SIZE);
  printf ("raw:   the same text -> INSERT INTO docs (id, body), one transaction, same PRAGMAs\n");
  printf ("       (journal_mode=WAL, synchronous=FULL, cache_size=%d)\n", cache_size);
  printf ("average text %.0f bytes; document generation is not timed\n\n", bytes / total);
  printf ("%-40s %10s %10s %12s\n", "what", "documents", "seconds", "docs/s");
  printf ("%-40s %10s %10s %12s\n", "----", "---------", "-------", "------");
  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    printf ("store: %-33s %10u %10.2f %12.0f\n", phases[p].name, *phases[p].count,
            phases[p].store_s, *phases[p].count / phases[p].store_s);
  printf ("store: %-33s %10u %10.2f %12.0f\n", "all", total, store_s, total / store_s);
  printf ("raw SQLite: %-28s %10u %10.2f %12.0f\n", "all", total, raw_s, total / raw_s);
  printf ("%-40s %47.2f   (target >= 0.50)\n", "ratio store/raw", raw_s / store_s);
  printf ("%-40s %10u %10.2f %12.0f   (not in the store's time)\n", "json-glib: parse the texts",
          total, (double) parse_spent / G_USEC_PER_SEC,
          total / ((double) parse_spent / G_USEC_PER_SEC));
  printf ("%-40s %47.2f   (an import: parse + write path)\n", "ratio (parse + store)/raw",
          raw_s / (store_s + (double) parse_spent / G_USEC_PER_SEC));
  printf ("\n");
  printf ("%-40s %10.1f ms\n", "store close (WAL checkpoint)", close_s * 1000);
  printf ("%-40s %10.1f ms   (%u page(s) of %d loaded, %u sessions)\n",
          "open + sessions list + first page", reading.open_ms, reading.pages, PAGE, n_sessions);
  printf ("%-40s %10.1f ms   (%u page(s) loaded)\n", deep_label, reading.deep_ms,
          reading.deep_pages);
  printf ("%-40s %10.1f MB   (fresh process: open, first page, deep item)\n", "peak RSS, reader",
          reading.rss_mb);
  printf ("%-40s %10.1f MB   (after the store's writes: %.1f MB)\n", "peak RSS, writer",
          peak_rss_mb (), rss_write);
  printf ("%-40s %10.1f MB   (raw SQLite file: %.1f MB)\n", "store database on disk", store_mb,
          file_mb (raw_path));
  fflush (stdout);

  if (g_getenv ("SOFRA_BENCH_KEEP") == NULL)
    {
      sofra_bench_remove_db (store_path);
      sofra_bench_remove_db (raw_path);
    }
  return 0;
}
