/* test-crash.c — committed writes survive a SIGKILL at any moment, and the file stays intact
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test re-executes itself as a child ("--child PATH SEED") that writes documents through
 * sofra_store_put, alone and in small sofra_store_begin … commit batches, and prints "_id _rev"
 * of each write only after the call (or the batch's commit) returned TRUE. The parent kills
 * the child with SIGKILL after a random delay, reopens the database and checks that every
 * reported revision (or a later one) is there, that SQLite finds the file intact and that the
 * store's invariants hold. All rounds share one file, so damage would accumulate.
 *
 * The random seed is printed by GLib ("# random seed: …") and set with --seed=…; the number
 * of rounds with SOFRA_CRASH_ROUNDS (default 60).
 */
#include "sofra-test-util.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "sofra-records.h"
#include "sofra-store.h"

#define DEFAULT_ROUNDS  100
#define MAX_DELAY_US    30000
#define N_FIXED         24 /* ids updated again and again, so revisions grow across rounds */
#define CHILD_LIFETIME  (60 * G_USEC_PER_SEC)
#define READY_LINE      "ready"
#define READY_TIMEOUT_S 60

/* ---- the child: writes until it is killed ------------------------------------------------ */

typedef struct
{
  char *id;
  char *rev;
} Written;

static void
written_clear (gpointer data)
{
  Written *w = data;

  g_free (w->id);
  g_free (w->rev);
}

static void
child_say (const char *line)
{
  g_autofree char *text = g_strconcat (line, "\n", NULL);
  gsize            len = strlen (text);

  /* One write() per line (shorter than PIPE_BUF): the parent never sees half a line. */
  if (write (STDOUT_FILENO, text, len) != (gssize) len)
    exit (4);
}

static G_NORETURN void
child_fail (const char *what, GError *error)
{
  g_printerr ("crash child: %s: %s\n", what, error ? error->message : "failed");
  exit (3);
}

static JsonObject *
child_fixed_doc (SofraStore *store, GRand *rand, char **out_id)
{
  gboolean         session = g_rand_boolean (rand);
  g_autofree char *id = g_strdup_printf ("%s:crash-fixed-%02d", session ? "session" : "participant",
                                         g_rand_int_range (rand, 0, N_FIXED));
  g_autoptr (GError) error = NULL;
  JsonObject *doc = sofra_store_get (store, id, &error);

  if (doc == NULL)
    {
      if (!g_error_matches (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND))
        child_fail ("get", error);
      doc = json_object_new ();
      json_object_set_string_member (doc, "_id", id);
      json_object_set_string_member (doc, "type", session ? "session" : "participant");
    }
  if (session)
    {
      json_object_set_string_member (doc, "title", "Tryezë e rrumbullakët / Округли сто");
      json_object_set_string_member (doc, "kind", "roundtable");
      json_object_set_string_member (doc, "status", "held");
      json_object_set_string_member (doc, "date", "2025-03-14");
    }
  else
    json_object_set_string_member (doc, "code", "P-7F3K");
  json_object_set_int_member (doc, "x_crash_counter",
                              json_object_get_int_member_with_default (doc, "x_crash_counter", 0) +
                                1);
  *out_id = g_steal_pointer (&id);
  return doc;
}

static JsonObject *
child_new_doc (SofraStore *store, GRand *rand)
{
  JsonObject *doc = json_object_new ();
  int         what = g_rand_int_range (rand, 0, 10);

  if (what < 5)
    {
      g_autofree char *name = g_strdup_printf ("Arta Krasniqi %u", g_rand_int (rand));

      json_object_set_string_member (doc, "type", "participant");
      json_object_set_string_member (doc, "name", name);
      json_object_set_string_member (doc, "code", "P-4HQM");
      json_object_set_string_member (doc, "community", "prefer_not_to_say");
      json_object_set_string_member (doc, "municipality", "place:mitrovice-veriut");
    }
  else if (what < 8)
    {
      json_object_set_string_member (doc, "type", "session");
      json_object_set_string_member (doc, "title", "Takim me komunitetin — Састанак заједнице");
      json_object_set_string_member (doc, "kind", "community_meeting");
      json_object_set_string_member (doc, "status", "planned");
      json_object_set_string_member (doc, "date", "2026-05-02");
      json_object_set_string_member (doc, "place_id", "place:prishtine");
    }
  else
    {
      /* An attendance needs a live session and participant: the fixed ones, once written. */
      g_autofree char *session = g_strdup_printf ("session:crash-fixed-%02d",
                                                  g_rand_int_range (rand, 0, N_FIXED));
      g_autofree char *participant = g_strdup_printf ("participant:crash-fixed-%02d",
                                                      g_rand_int_range (rand, 0, N_FIXED));
      g_autoptr (JsonObject) s = sofra_store_get (store, session, NULL);
      g_autoptr (JsonObject) p = sofra_store_get (store, participant, NULL);

      if (s == NULL || p == NULL)
        {
          json_object_unref (doc);
          return child_new_doc (store, rand);
        }
      json_object_set_string_member (doc, "type", "attendance");
      json_object_set_string_member (doc, "session_id", session);
      json_object_set_string_member (doc, "participant_id", participant);
      json_object_set_string_member (doc, "role", "participant");
    }
  return doc;
}

static void
child_write_one (SofraStore *store, GRand *rand, GArray *written)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fixed_id = NULL;
  Written          w;

  if (g_rand_int_range (rand, 0, 10) < 4)
    doc = child_fixed_doc (store, rand, &fixed_id);
  else
    doc = child_new_doc (store, rand);
  if (!sofra_store_put (store, doc, &error))
    child_fail ("put", error);
  w.id = g_strdup (json_object_get_string_member (doc, "_id"));
  w.rev = g_strdup (json_object_get_string_member (doc, "_rev"));
  g_array_append_val (written, w);
}

static void
child_report (GArray *written)
{
  for (guint i = 0; i < written->len; i++)
    {
      Written         *w = &g_array_index (written, Written, i);
      g_autofree char *line = g_strdup_printf ("%s %s", w->id, w->rev);

      child_say (line);
    }
  g_array_set_size (written, 0);
}

static int
child_main (const char *path, const char *seed)
{
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) written = g_array_new (FALSE, FALSE, sizeof (Written));
  GRand *rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (seed, NULL, 10));
  gint64 end = g_get_monotonic_time () + CHILD_LIFETIME;

#ifdef __linux__
  /* Never outlive a parent that died. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
  g_array_set_clear_func (written, written_clear);

  store = sofra_store_open (path, &error);
  if (store == NULL)
    child_fail ("open", error);
  sofra_store_set_author (store, "Crash Test", "office:prishtine");
  child_say (READY_LINE);

  while (g_get_monotonic_time () < end)
    {
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          int n = g_rand_int_range (rand, 2, 9);

          if (!sofra_store_begin (store, &error))
            child_fail ("begin", error);
          for (int i = 0; i < n; i++)
            child_write_one (store, rand, written);
          if (!sofra_store_commit (store, &error))
            child_fail ("commit", error);
        }
      else
        child_write_one (store, rand, written);
      /* Only now, after the call returned TRUE, is the write reported. */
      child_report (written);
    }
  g_rand_free (rand);
  return 0;
}

/* ---- the parent: kills, reopens, verifies -------------------------------------------------- */

static gint64
rev_pos (const char *rev)
{
  char  *end = NULL;
  gint64 pos = g_ascii_strtoll (rev, &end, 10);

  g_assert_true (end != NULL && *end == '-' && pos > 0);
  return pos;
}

/* Reads what is in the pipe, waiting at most @timeout_ms; FALSE at end of file. */
static gboolean
read_some (int fd, GString *buffer, int timeout_ms)
{
  struct pollfd pfd = { fd, POLLIN, 0 };
  char          chunk[4096];
  gssize        n;
  int           rc;

  do
    rc = poll (&pfd, 1, timeout_ms);
  while (rc < 0 && errno == EINTR);
  g_assert_cmpint (rc, >=, 0);
  if (rc == 0)
    return TRUE;
  do
    n = read (fd, chunk, sizeof chunk);
  while (n < 0 && errno == EINTR);
  g_assert_cmpint (n, >=, 0);
  if (n == 0)
    return FALSE;
  g_string_append_len (buffer, chunk, n);
  return TRUE;
}

/* Takes the complete lines out of @buffer. Returns whether "ready" was among them. */
static gboolean
take_lines (GString *buffer, GHashTable *committed, guint *n_reported)
{
  gboolean ready = FALSE;
  char    *nl;

  while ((nl = memchr (buffer->str, '\n', buffer->len)) != NULL)
    {
      g_autofree char *line = g_strndup (buffer->str, nl - buffer->str);
      g_auto (GStrv) parts = NULL;
      const char *known;

      g_string_erase (buffer, 0, nl - buffer->str + 1);
      if (g_str_equal (line, READY_LINE))
        {
          ready = TRUE;
          continue;
        }
      parts = g_strsplit (line, " ", 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      known = g_hash_table_lookup (committed, parts[0]);
      if (known == NULL || rev_pos (parts[1]) >= rev_pos (known))
        g_hash_table_insert (committed, g_strdup (parts[0]), g_strdup (parts[1]));
      (*n_reported)++;
    }
  return ready;
}

static char *
self_exe (void)
{
  g_autoptr (GError) error = NULL;
  char *exe = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return exe;
}

static gboolean
count_change_cb (const char *id, const char *rev, gboolean deleted, gint64 seq, gpointer data)
{
  GHashTable *seen = data;

  /* The changes feed lists each document once. */
  g_assert_false (g_hash_table_contains (seen, id));
  g_hash_table_add (seen, g_strdup (id));
  return TRUE;
}

/* Opens the store the child was killed in and checks everything the child reported. */
static void
verify (const char *path, GHashTable *committed, guint *n_checked)
{
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer       key, value;
  guint          n_live;

  store = sofra_store_open (path, &error);
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, committed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (JsonObject) doc = sofra_store_get (store, key, &error);
      const char *rev;

      if (doc == NULL)
        g_error ("committed document %s (%s) is gone: %s", (char *) key, (char *) value,
                 error->message);
      rev = json_object_get_string_member (doc, "_rev");
      if (rev_pos (rev) < rev_pos (value))
        g_error ("%s is back at %s; %s was committed", (char *) key, rev, (char *) value);
      /* The child is the only writer: the same position must be the same revision. */
      if (rev_pos (rev) == rev_pos (value))
        g_assert_cmpstr (rev, ==, value);
      (*n_checked)++;
    }

  if (!sofra_store_check (store, report, &error))
    g_error ("sofra_store_check failed: %s%s", report->str, error ? error->message : "");
  g_assert_no_error (error);

  g_assert_true (sofra_store_foreach_change (store, 0, 0, count_change_cb, seen, &error));
  g_assert_no_error (error);
  n_live = sofra_store_count (store, SOFRA_TYPE_SESSION) +
           sofra_store_count (store, SOFRA_TYPE_PARTICIPANT) +
           sofra_store_count (store, SOFRA_TYPE_ATTENDANCE);
  /* Nothing is deleted here, so the feed holds exactly the live documents. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_live);
  g_assert_cmpuint (n_live, >=, g_hash_table_size (committed));
  g_assert_cmpint (sofra_store_get_update_seq (store), >=, n_live);
}

static void
run_round (const char *exe, const char *path, guint round, GHashTable *committed, guint *n_reported)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autofree char *seed = g_strdup_printf ("%u", (guint) g_test_rand_int ());
  const char      *argv[] = { exe, "--child", path, seed, NULL };
  guint            delay_us = g_test_rand_int_range (0, MAX_DELAY_US + 1);
  guint            before = *n_reported;
  gint64           deadline;
  GPid             pid;
  int              out_fd, status;
  gboolean         ready = FALSE, open = TRUE;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                            NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + READY_TIMEOUT_S * G_USEC_PER_SEC;
  while (!ready)
    {
      g_assert_true (open);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      open = read_some (out_fd, buffer, 100);
      ready = take_lines (buffer, committed, n_reported);
    }

  /* Every other round first waits for one committed write, so that a slow disk (fsync under
   * load) cannot turn the whole test into kills before the first commit. */
  if (round % 2 == 0)
    {
      deadline = g_get_monotonic_time () + READY_TIMEOUT_S * G_USEC_PER_SEC;
      while (open && *n_reported == before)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          open = read_some (out_fd, buffer, 100);
          take_lines (buffer, committed, n_reported);
        }
    }

  /* Keep the pipe drained while waiting, so the child is never blocked on it. */
  deadline = g_get_monotonic_time () + delay_us;
  for (gint64 now; open && (now = g_get_monotonic_time ()) < deadline;)
    {
      open = read_some (out_fd, buffer, MAX (1, (int) ((deadline - now) / 1000)));
      take_lines (buffer, committed, n_reported);
    }
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  while (open)
    open = read_some (out_fd, buffer, -1);
  take_lines (buffer, committed, n_reported);
  close (out_fd);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (!(WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL))
    g_error ("round %u: the child ended on its own (status %d) instead of being killed", round,
             status);
  g_test_message ("round %u: child seed %s, killed after %u µs, %u writes reported", round, seed,
                  delay_us, *n_reported - before);
}

static void
test_sigkill (void)
{
  g_autofree char *exe = self_exe ();
  g_autofree char *path = sofra_test_tmp_path ("crash.db");
  g_autoptr (GHashTable)
    committed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *env = g_getenv ("SOFRA_CRASH_ROUNDS");
  guint       rounds = env ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_ROUNDS;
  guint       n_reported = 0, n_checked = 0, productive = 0;

  g_assert_cmpuint (rounds, >, 0);
  for (guint round = 0; round < rounds; round++)
    {
      guint before = n_reported;

      run_round (exe, path, round, committed, &n_reported);
      productive += n_reported > before;
      verify (path, committed, &n_checked);
    }
  g_test_message ("%u rounds (%u with writes reported), %u writes reported, %u distinct "
                  "documents, %u document checks after reopening",
                  rounds, productive, n_reported, g_hash_table_size (committed), n_checked);
  /* The child must really have been writing when it was killed. */
  g_assert_cmpuint (productive, >=, rounds / 2);
  g_assert_cmpuint (g_hash_table_size (committed), >, 0);
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3]);

  sofra_test_init (&argc, &argv);
  g_test_add_func ("/store/crash/sigkill", test_sigkill);
  return g_test_run ();
}
