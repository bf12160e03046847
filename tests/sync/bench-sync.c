/* bench-sync.c — Sofra's replicator against PouchDB 9's own, on the same PouchDB Server
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In one run: Sofra pushes 10,000 documents into an empty server database and pulls them
 * into an empty store; PouchDB (pouchdb + pouchdb-adapter-memory, pouchdb-bench.js) does the
 * same against another empty database of the same server; then a Sofra sync when nothing
 * changed. Three rounds, Sofra then PouchDB in each (fresh databases and stores), so both meet
 * the same load on the machine; each figure is the median of the three.
 * Prints a table; asserts nothing about time.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "sofra-sync.h"
#include "sofra-test-server.h"

#define N_DOCS 10000
#define ROUNDS 5

static SofraTestServer *server;
static char            *tmp_dir;

static SofraStore *
open_store (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;
  SofraStore *store;

  g_unlink (path);
  store = sofra_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
fill (SofraStore *store)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_store_begin (store, &error));
  for (int i = 0; i < N_DOCS; i++)
    {
      g_autoptr (JsonObject) doc = json_object_new ();
      g_autofree char *title = g_strdup_printf ("Community meeting %d in Mitrovicë/Митровица", i);
      g_autofree char *date = g_strdup_printf ("2026-0%d-1%d", 1 + (i % 9), i % 9);
      JsonArray       *communities = json_array_new ();
      JsonArray       *topics = json_array_new ();

      json_object_set_string_member (doc, "type", "session");
      json_object_set_string_member (doc, "title", title);
      json_object_set_string_member (doc, "kind", "community_meeting");
      json_object_set_string_member (doc, "status", "held");
      json_object_set_string_member (doc, "date", date);
      json_object_set_string_member (
        doc, "summary",
        "Residents of both communities discussed water supply, the bus line and the reopening "
        "of the market; the municipality agreed to send an engineer next week.");
      json_array_add_string_element (communities, "albanian");
      json_array_add_string_element (communities, "serbian");
      json_array_add_string_element (topics, "freedom_of_movement");
      json_array_add_string_element (topics, "economy_trade");
      json_object_set_array_member (doc, "communities", communities);
      json_object_set_array_member (doc, "topics", topics);
      g_assert_true (sofra_store_put (store, doc, &error));
    }
  g_assert_true (sofra_store_commit (store, &error));
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 + usage.ru_stime.tv_sec * 1e3 +
         usage.ru_stime.tv_usec / 1e3;
}

static double last_cpu;

static double last_push_ms;

static double
timed_sync (SofraStore *store, const char *db, guint *requests, guint *docs)
{
  double cpu = cpu_ms ();
  g_autoptr (SofraSyncer) syncer = sofra_syncer_new (store, sofra_test_server_url (server), db,
                                                     SOFRA_TEST_ADMIN, SOFRA_TEST_ADMIN_PASSWORD);
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  g_assert_true (sofra_syncer_run (syncer, NULL, &error));
  ms = (g_get_monotonic_time () - start) / 1000.0;
  last_cpu = cpu_ms () - cpu;
  last_push_ms = sofra_syncer_get_report (syncer)->push_us / 1000.0;
  if (requests)
    *requests = sofra_syncer_get_report (syncer)->requests;
  if (docs)
    *docs = sofra_syncer_get_report (syncer)->docs_pushed +
            sofra_syncer_get_report (syncer)->docs_pulled;
  return ms;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, ROUNDS, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return values[ROUNDS / 2];
}

int
main (int argc, char *argv[])
{
  double push[ROUNDS], pull[ROUNDS], idle[ROUNDS], push_cpu[ROUNDS], pull_cpu[ROUNDS];
  double pouch_push_ms[ROUNDS], pouch_pull_ms[ROUNDS], push_whole[ROUNDS];
  guint  push_requests = 0, pull_requests = 0, idle_requests = 0, docs = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) pouch = NULL;
  double sofra_push, sofra_pull, pouch_push, pouch_pull, idle_ms;

  setlocale (LC_ALL, "");
  tmp_dir = g_dir_make_tmp ("sofra-bench-sync-XXXXXX", &error);
  g_assert_no_error (error);
  server = sofra_test_server_start ();

  for (int round = 0; round < ROUNDS; round++)
    {
      g_autofree char *db = sofra_test_server_create_db (server);
      g_autoptr (SofraStore) source = open_store ("source.db");
      g_autoptr (SofraStore) target = open_store ("target.db");

      fill (source);
      push_whole[round] = timed_sync (source, db, &push_requests, &docs);
      push[round] = last_push_ms;
      push_cpu[round] = last_cpu;
      g_assert_cmpuint (docs, ==, N_DOCS);
      pull[round] = timed_sync (target, db, &pull_requests, &docs);
      pull_cpu[round] = last_cpu;
      g_assert_cmpuint (docs, ==, N_DOCS);
      g_assert_cmpuint (sofra_store_count (target, "session"), ==, N_DOCS);
      idle[round] = timed_sync (target, db, &idle_requests, &docs);
      g_assert_cmpuint (docs, ==, 0);

      /* PouchDB in the same round, so both meet the same load on the machine. */
      {
        g_autofree char *pouch_db = sofra_test_server_create_db (server);
        g_autofree char *url = g_strdup_printf ("http://%s:%s@127.0.0.1:%u/%s", SOFRA_TEST_ADMIN,
                                                SOFRA_TEST_ADMIN_PASSWORD,
                                                sofra_test_server_port (server), pouch_db);
        g_autofree char *count = g_strdup_printf ("%d", N_DOCS);
        const char      *args[] = { url, count, NULL };
        g_autofree char *out = sofra_test_node ("pouchdb-bench.js", args);
        g_autoptr (JsonParser) parser = json_parser_new ();

        g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
        g_clear_pointer (&pouch, json_object_unref);
        pouch = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
        pouch_push_ms[round] = json_object_get_double_member (pouch, "push_ms");
        pouch_pull_ms[round] = json_object_get_double_member (pouch, "pull_ms");
      }
    }
  sofra_push = median (push);
  sofra_pull = median (pull);
  idle_ms = median (idle);

  pouch_push = median (pouch_push_ms);
  pouch_pull = median (pouch_pull_ms);

  printf ("bench-sync: %d documents, PouchDB Server 4.2.0 in memory on 127.0.0.1, "
          "medians of %d rounds, Sofra and PouchDB in turn\n\n",
          N_DOCS, ROUNDS);
  printf ("| what | Sofra | PouchDB 9 | PouchDB / Sofra | requests Sofra / PouchDB |\n");
  printf ("|---|---|---|---|---|\n");
  printf ("| push %d docs into an empty database | %.0f ms | %.0f ms | %.2f× | %u / %d |\n", N_DOCS,
          sofra_push, pouch_push, pouch_push / sofra_push, push_requests,
          (int) json_object_get_int_member (pouch, "push_requests"));
  printf ("| pull %d docs into an empty store | %.0f ms | %.0f ms | %.2f× | %u / %d |\n", N_DOCS,
          sofra_pull, pouch_pull, pouch_pull / sofra_pull, pull_requests,
          (int) json_object_get_int_member (pouch, "pull_requests"));
  printf ("| sync when nothing changed | %.1f ms | | | %u |\n", idle_ms, idle_requests);
  printf ("\nThe push is the push phase of Sofra's sync; the whole run, which then also reads its "
          "own %d changes back from the server's feed, took %.0f ms. The pull is a whole run into "
          "an empty store.\n",
          N_DOCS, median (push_whole));
  printf (
    "Sofra's own CPU time (the rest is the server and the wire): push %.0f ms, pull %.0f ms\n",
    median (push_cpu), median (pull_cpu));
  printf ("\ntargets: Sofra faster both ways (ratio > 1), no-change sync <= 3 requests and "
          "< 50 ms: %s, %s, %s\n",
          sofra_push < pouch_push ? "push met" : "push MISSED",
          sofra_pull < pouch_pull ? "pull met" : "pull MISSED",
          idle_requests <= 3 && idle_ms < 50 ? "no-change met" : "no-change MISSED");

  sofra_test_server_stop (server);
  {
    g_autofree char *a = g_build_filename (tmp_dir, "source.db", NULL);
    g_autofree char *b = g_build_filename (tmp_dir, "target.db", NULL);
    const char      *suffixes[] = { "", "-wal", "-shm" };

    for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *x = g_strconcat (a, suffixes[i], NULL);
        g_autofree char *y = g_strconcat (b, suffixes[i], NULL);

        g_unlink (x);
        g_unlink (y);
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);
  return 0;
}
