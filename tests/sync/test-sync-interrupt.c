/* test-sync-interrupt.c — a sync cut off anywhere resumes, with nothing lost or duplicated
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two kinds of interruption against a real PouchDB Server: a proxy that drops connections in
 * the middle of requests and answers, and `sofra-cli sync` killed (SIGKILL) at random moments,
 * pushing and pulling. Each time the next sync completes, and both sides hold exactly the
 * same documents and revisions.
 */
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include "sofra-sync.h"
#include "sofra-test-server.h"
#include "sofra-test-store.h"
#include "sofra-test-util.h"

static SofraTestServer *server;

/* ---- a proxy that drops connections ---- */

typedef struct
{
  SofraTestService *service;
  GMutex            lock; /* for the fields below */
  guint             port;
  gboolean          cutting;  /* whether to cut connections at all */
  gint64            total;    /* bytes carried, all connections */
  gint64            next_cut; /* at this total the connection carrying it is cut */
  gint              drops;
} Proxy;

/* Counts @n more bytes; TRUE when the connection is to be cut now. Cuts are between 30 kB
 * and 600 kB of traffic apart, so a run gets somewhere before it is cut again. */
static gboolean
cut_here (Proxy *proxy, gssize n)
{
  gboolean cut = FALSE;

  g_mutex_lock (&proxy->lock);
  proxy->total += n;
  if (proxy->cutting && proxy->total >= proxy->next_cut)
    {
      proxy->next_cut = proxy->total + g_random_int_range (30000, 600000);
      proxy->drops++;
      cut = TRUE;
    }
  g_mutex_unlock (&proxy->lock);
  return cut;
}

static gboolean
on_connection (GThreadedSocketService *service,
               GSocketConnection      *connection,
               GObject                *source,
               gpointer                data)
{
  Proxy *proxy = data;
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) upstream = NULL;
  int  fds[2];
  char buf[16384];

  upstream = g_socket_client_connect_to_host (client, "127.0.0.1", sofra_test_server_port (server),
                                              NULL, NULL);
  if (upstream == NULL)
    return TRUE;
  fds[0] = g_socket_get_fd (g_socket_connection_get_socket (connection));
  fds[1] = g_socket_get_fd (g_socket_connection_get_socket (upstream));
  for (;;)
    {
      struct pollfd p[2] = { { fds[0], POLLIN, 0 }, { fds[1], POLLIN, 0 } };

      if (poll (p, 2, 30000) <= 0)
        break;
      for (int i = 0; i < 2; i++)
        if (p[i].revents & (POLLIN | POLLHUP | POLLERR))
          {
            ssize_t n = read (fds[i], buf, sizeof buf);

            if (n <= 0)
              goto done;
            if (cut_here (proxy, n))
              {
                /* Half of this piece, then the line goes dead. */
                if (write (fds[1 - i], buf, (size_t) n / 2) < 0)
                  goto done;
                goto done;
              }
            if (write (fds[1 - i], buf, (size_t) n) != n)
              goto done;
          }
    }
done:
  g_socket_close (g_socket_connection_get_socket (upstream), NULL);
  g_socket_close (g_socket_connection_get_socket (connection), NULL);
  return TRUE;
}

static Proxy *
proxy_start (void)
{
  Proxy *proxy = g_new0 (Proxy, 1);

  g_mutex_init (&proxy->lock);
  proxy->service = sofra_test_service_start (16, G_CALLBACK (on_connection), proxy);
  proxy->port = sofra_test_service_port (proxy->service);
  return proxy;
}

static void
proxy_stop (Proxy *proxy)
{
  sofra_test_service_stop (proxy->service);
  g_mutex_clear (&proxy->lock);
  g_free (proxy);
}

static void
add_sessions (SofraStore *store, int n, const char *title)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_store_begin (store, &error));
  for (int i = 0; i < n; i++)
    {
      g_autofree char *t = g_strdup_printf ("%s %d", title, i);
      g_autoptr (JsonObject) s = sofra_test_session (t, "2026-09-01");

      json_object_set_string_member (s, "summary",
                                     "Participants from Zubin Potok and Leposavić discussed the "
                                     "reopening of the market and agreed on a joint visit.");
      g_assert_true (sofra_store_put (store, s, &error));
    }
  g_assert_true (sofra_store_commit (store, &error));
}

/* Syncs through the proxy until a run completes; returns how many runs failed. */
static guint
sync_until_done (SofraStore *store, const char *url, const char *db)
{
  guint failures = 0;

  for (;;)
    {
      g_autoptr (SofraSyncer)
        syncer = sofra_syncer_new (store, url, db, SOFRA_TEST_ADMIN, SOFRA_TEST_ADMIN_PASSWORD);
      g_autoptr (GError) error = NULL;

      sofra_syncer_set_timeout (syncer, 10);
      if (sofra_syncer_run (syncer, NULL, &error))
        return failures;
      g_test_message ("interrupted: %s", error->message);
      g_assert_true (error->domain == SOFRA_SYNC_ERROR);
      g_assert_true (error->code == SOFRA_SYNC_ERROR_UNREACHABLE ||
                     error->code == SOFRA_SYNC_ERROR_BAD_RESPONSE);
      failures++;
      g_assert_cmpuint (failures, <, 200);
    }
}

static void
assert_same (SofraStore *store, const char *db)
{
  g_autofree char *mine = sofra_test_store_snapshot (store);
  g_autofree char *theirs = sofra_test_server_snapshot (server, db);
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (mine, ==, theirs);
  g_assert_true (sofra_store_check (store, report, &error));
  g_assert_no_error (error);
}

static void
test_dropped_connections (void)
{
  g_autoptr (SofraStore) a = sofra_test_open_store ("a.db");
  g_autoptr (SofraStore) b = sofra_test_open_store ("b.db");
  g_autofree char *db = sofra_test_server_create_db (server);
  Proxy           *proxy = proxy_start ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", proxy->port);
  guint            failures;

  add_sessions (a, 1200, "Market meeting");
  add_sessions (b, 300, "School visit");

  g_mutex_lock (&proxy->lock);
  proxy->cutting = TRUE;
  proxy->next_cut = g_random_int_range (30000, 300000);
  g_mutex_unlock (&proxy->lock);
  failures = sync_until_done (a, url, db);
  failures += sync_until_done (b, url, db);
  failures += sync_until_done (a, url, db);
  g_test_message ("%u runs cut off, %d connections dropped", failures, proxy->drops);
  g_assert_cmpuint (failures, >, 0);

  /* A clean line: one more run each, and all three hold the same. */
  g_mutex_lock (&proxy->lock);
  proxy->cutting = FALSE;
  g_mutex_unlock (&proxy->lock);
  g_assert_cmpuint (sync_until_done (a, url, db), ==, 0);
  g_assert_cmpuint (sync_until_done (b, url, db), ==, 0);
  assert_same (a, db);
  assert_same (b, db);
  g_assert_cmpuint (sofra_store_count (a, "session"), ==, 1500);
  proxy_stop (proxy);
}

/* Runs sofra-cli sync; kills it after @kill_ms milliseconds (0: lets it finish). */
static gboolean
run_cli (const char *path, const char *db, guint kill_ms)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "SOFRA_SYNC_PASSWORD", SOFRA_TEST_ADMIN_PASSWORD, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, sofra_test_cli (), "--database", path,
                                         "sync", "--server", sofra_test_server_url (server), "--db",
                                         db, "--user", SOFRA_TEST_ADMIN, NULL);
  g_assert_no_error (error);
  if (kill_ms > 0)
    {
      g_usleep (kill_ms * 1000);
      g_subprocess_send_signal (process, SIGKILL);
    }
  g_subprocess_wait (process, NULL, NULL);
  return g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
}

static void
test_killed (void)
{
  g_autofree char *db = sofra_test_server_create_db (server);
  g_autofree char *path_a = sofra_test_tmp_path ("a.db");
  g_autofree char *path_b = sofra_test_tmp_path ("b.db");
  guint            killed = 0;

  {
    g_autoptr (SofraStore) a = sofra_test_open_store ("a.db");

    add_sessions (a, 3000, "Youth exchange");
  }
  {
    g_autoptr (SofraStore) b = sofra_test_open_store ("b.db");

    add_sessions (b, 200, "Women's network meeting");
  }

  /* Push from A and pull into B, each killed at random moments, several times. The first
   * round kills early enough that 3,000 documents cannot be through on a quiet machine; the
   * later ones may land anywhere, the end included. */
  for (int round = 0; round < 6; round++)
    {
      int most = round == 0 ? 150 : 700;

      if (!run_cli (path_a, db, g_test_rand_int_range (20, most)))
        killed++;
      if (!run_cli (path_b, db, g_test_rand_int_range (20, most)))
        killed++;
    }
  g_test_message ("%u runs killed before the end", killed);
  g_assert_cmpuint (killed, >, 0);

  g_assert_true (run_cli (path_a, db, 0));
  g_assert_true (run_cli (path_b, db, 0));
  g_assert_true (run_cli (path_a, db, 0));
  {
    g_autoptr (SofraStore) a = sofra_test_open_store ("a.db");
    g_autoptr (SofraStore) b = sofra_test_open_store ("b.db");

    assert_same (a, db);
    assert_same (b, db);
    g_assert_cmpuint (sofra_store_count (b, "session"), ==, 3200);
  }
}

int
main (int argc, char *argv[])
{
  int status;

  sofra_test_init (&argc, &argv);
  server = sofra_test_server_start ();
  g_test_add_func ("/sync-interrupt/dropped-connections", test_dropped_connections);
  g_test_add_func ("/sync-interrupt/killed", test_killed);
  status = g_test_run ();
  sofra_test_server_stop (server);
  return status;
}
