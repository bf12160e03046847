/* test-sync-faults.c — servers that answer wrong: a clear error, the local database unchanged
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tiny HTTP server in this process (a GThreadedSocketService) answers every request with
 * 401, 403, 404, 500, a web page, JSON cut short, or nothing at all; nobody listening is the
 * last case. Each time the run fails with the SofraSyncError a person can act on, and the
 * store holds exactly what it held before.
 */
#include <sqlite3.h>
#include <string.h>

#include "sofra-json.h"
#include "sofra-store-sync.h"
#include "sofra-sync.h"
#include "sofra-test-server.h"
#include "sofra-test-store.h"
#include "sofra-test-util.h"

typedef enum
{
  ANSWER_401,
  ANSWER_403,
  ANSWER_404,
  ANSWER_500,
  ANSWER_HTML,
  ANSWER_TRUNCATED,
  ANSWER_NOTHING,
  ANSWER_EXPIRED, /* logs in, refuses the session once (401), then: no such database */
} Answer;

typedef struct
{
  SofraTestService *service;
  guint             port;
  Answer            answer;
  GTlsCertificate  *certificate; /* HTTPS when set */
  gint              requests;
  gint              logins;
  gint              refused;
} BadServer;

static gboolean
read_request (GInputStream *in, char **first_line)
{
  GString *head = g_string_new (NULL);
  char     c;

  while (!g_str_has_suffix (head->str, "\r\n\r\n"))
    {
      if (g_input_stream_read (in, &c, 1, NULL, NULL) != 1)
        {
          g_string_free (head, TRUE);
          return FALSE;
        }
      g_string_append_c (head, c);
    }
  {
    const char      *length = strcasestr (head->str, "\ncontent-length:");
    gsize            n = length ? (gsize) g_ascii_strtoull (length + 16, NULL, 10) : 0;
    g_autofree char *body = g_malloc (n + 1);
    gsize            got = 0;

    if (n > 0)
      g_input_stream_read_all (in, body, n, &got, NULL, NULL);
  }
  *first_line = g_strndup (head->str, strcspn (head->str, "\r\n"));
  g_string_free (head, TRUE);
  return TRUE;
}

static void
respond (GOutputStream *out,
         const char    *status,
         const char    *type,
         const char    *extra,
         const char    *body)
{
  g_autofree char *text =
    g_strdup_printf ("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n%s\r\n%s", status,
                     type, strlen (body), extra ? extra : "", body);

  g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL);
}

static gboolean
on_connection (GThreadedSocketService *service,
               GSocketConnection      *connection,
               GObject                *source,
               gpointer                data)
{
  BadServer       *server = data;
  GInputStream    *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream   *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *line = NULL;

  while (read_request (in, &line))
    {
      gboolean login = strstr (line, " /_session") != NULL;

      g_atomic_int_inc (&server->requests);
      g_clear_pointer (&line, g_free);
      if (server->answer == ANSWER_NOTHING)
        {
          char c;

          /* Hold the connection until the client gives up. */
          g_input_stream_read (in, &c, 1, NULL, NULL);
          return TRUE;
        }
      if (login)
        g_atomic_int_inc (&server->logins);
      if (server->answer == ANSWER_EXPIRED && !login && g_atomic_int_add (&server->refused, 1) == 0)
        {
          respond (out, "401 Unauthorized", "application/json", NULL,
                   "{\"error\":\"unauthorized\",\"reason\":\"Session expired.\"}");
          continue;
        }
      if (login && server->answer != ANSWER_401 && server->answer != ANSWER_HTML)
        {
          respond (out, "200 OK", "application/json",
                   "Set-Cookie: AuthSession=c2VjcmV0; Version=1; Path=/; HttpOnly\r\n",
                   "{\"ok\":true,\"name\":\"admin\",\"roles\":[]}");
          continue;
        }
      switch (server->answer)
        {
        case ANSWER_401:
          respond (out, "401 Unauthorized", "application/json", NULL,
                   "{\"error\":\"unauthorized\",\"reason\":\"Name or password is incorrect.\"}");
          break;
        case ANSWER_403:
          respond (out, "403 Forbidden", "application/json", NULL,
                   "{\"error\":\"forbidden\",\"reason\":\"You are not allowed to access this "
                   "db.\"}");
          break;
        case ANSWER_404:
        case ANSWER_EXPIRED:
          respond (out, "404 Object Not Found", "application/json", NULL,
                   "{\"error\":\"not_found\",\"reason\":\"Database does not exist.\"}");
          break;
        case ANSWER_500:
          respond (out, "500 Internal Server Error", "application/json", NULL,
                   "{\"error\":\"unknown_error\",\"reason\":\"function_clause\"}");
          break;
        case ANSWER_HTML:
          respond (out, "200 OK", "text/html", NULL,
                   "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>");
          break;
        case ANSWER_TRUNCATED:
          respond (out, "200 OK", "application/json", NULL,
                   "{\"_id\":\"_local/x\",\"_rev\":\"0-3\",\"push\":{\"session_id\":\"ab");
          break;
        case ANSWER_NOTHING:
        default:
          break;
        }
    }
  return TRUE;
}

static BadServer *
bad_server_start (Answer answer)
{
  BadServer *server = g_new0 (BadServer, 1);

  server->answer = answer;
  server->service = sofra_test_service_start (8, G_CALLBACK (on_connection), server);
  server->port = sofra_test_service_port (server->service);
  return server;
}

static void
bad_server_stop (BadServer *server)
{
  sofra_test_service_stop (server->service);
  g_free (server);
}

/* Everything in the store, as text: documents with their revisions, and the _local ones. */
static char *
store_text (SofraStore *store)
{
  sqlite3_stmt *stmt = NULL;
  GString      *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (sofra_store_get_db (store),
                                       "SELECT seq || id || rev || body || coalesce(tree, '')"
                                       " FROM docs UNION ALL SELECT id || body FROM local_docs"
                                       " UNION ALL SELECT doc_id || rev || body FROM rev_bodies",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* An HTTPS server with the test certificate (self-signed, as an office's own server has):
 * OpenSSL's s_server, which answers every request with a web page. */
static GSubprocess *
tls_server_start (guint *port)
{
  g_autofree char *cert = g_test_build_filename (G_TEST_DIST, "test-server-cert.pem", NULL);
  g_autofree char *key = g_test_build_filename (G_TEST_DIST, "test-server-key.pem", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *accept = NULL;
  GSubprocess     *process;
  gint64           deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  {
    BadServer *probe = bad_server_start (ANSWER_404);

    *port = probe->port;
    bad_server_stop (probe);
  }
  accept = g_strdup_printf ("127.0.0.1:%u", *port);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                G_SUBPROCESS_FLAGS_STDERR_SILENCE | G_SUBPROCESS_FLAGS_STDIN_PIPE,
                              &error, "openssl", "s_server", "-accept", accept, "-cert", cert,
                              "-key", key, "-www", NULL);
  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr (GSocketClient) client = g_socket_client_new ();
      g_autoptr (GSocketConnection)
        connection = g_socket_client_connect_to_host (client, "127.0.0.1", *port, NULL, NULL);

      if (connection != NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
    }
  return process;
}

static void
check_fault_full (Answer           answer,
                  GTlsCertificate *certificate,
                  const char      *trust,
                  const char      *user,
                  int              code,
                  const char      *words)
{
  g_autoptr (GSubprocess) tls = NULL;
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (SofraSyncer) syncer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *url = NULL;
  BadServer       *server = NULL;
  guint            pending;

  for (int i = 0; i < 10; i++)
    {
      g_autoptr (JsonObject) s = sofra_test_session ("Field visit to Štrpce", "2026-08-01");

      g_assert_true (sofra_store_put (store, s, &error));
    }
  before = store_text (store);

  if (certificate != NULL)
    {
      guint port = 0;

      tls = tls_server_start (&port);
      url = g_strdup_printf ("https://127.0.0.1:%u", port);
    }
  else if (answer == (Answer) -1)
    {
      /* Nobody listening: a port just freed. */
      BadServer *gone = bad_server_start (ANSWER_404);

      url = g_strdup_printf ("http://127.0.0.1:%u", gone->port);
      bad_server_stop (gone);
    }
  else
    {
      server = bad_server_start (answer);
      url = g_strdup_printf ("http://127.0.0.1:%u", server->port);
    }

  syncer = sofra_syncer_new (store, url, "office-db", user, user ? "wrong" : NULL);
  sofra_syncer_set_timeout (syncer, certificate ? 10 : 2);
  sofra_syncer_set_trusted_fingerprint (syncer, trust);
  pending = sofra_syncer_get_pending_changes (syncer);
  g_assert_false (sofra_syncer_run (syncer, NULL, &error));
  g_assert_error (error, SOFRA_SYNC_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  if (code == SOFRA_SYNC_ERROR_CERTIFICATE)
    g_assert_cmpstr (sofra_syncer_get_peer_fingerprint (syncer), ==, words);
  g_assert_cmpint (sofra_syncer_get_state (syncer), ==, SOFRA_SYNC_STATE_IDLE);
  g_assert_cmpint (sofra_syncer_get_last_sync (syncer), ==, 0);
  g_assert_cmpuint (sofra_syncer_get_pending_changes (syncer), ==, pending);
  after = store_text (store);
  g_assert_cmpstr (before, ==, after);
  if (tls != NULL)
    {
      g_subprocess_force_exit (tls);
      g_subprocess_wait (tls, NULL, NULL);
    }
  if (server != NULL)
    {
      g_assert_cmpint (g_atomic_int_get (&server->requests), >=, 1);
      bad_server_stop (server);
    }
}

static void
check_fault (Answer answer, const char *user, int code, const char *words)
{
  check_fault_full (answer, NULL, NULL, user, code, words);
}

/* The test certificate (self-signed, as an office's own server has) and its SHA-256
 * fingerprint as "AB:CD:…". */
static GTlsCertificate *
test_certificate (char **fingerprint)
{
  g_autofree char *cert = g_test_build_filename (G_TEST_DIST, "test-server-cert.pem", NULL);
  g_autofree char *key = g_test_build_filename (G_TEST_DIST, "test-server-key.pem", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  GTlsCertificate *certificate = g_tls_certificate_new_from_files (cert, key, &error);
  GString         *pretty = g_string_new (NULL);

  g_assert_no_error (error);
  g_object_get (certificate, "certificate", &der, NULL);
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  for (guint i = 0; hex[i]; i += 2)
    g_string_append_printf (pretty, "%s%c%c", i ? ":" : "", g_ascii_toupper (hex[i]),
                            g_ascii_toupper (hex[i + 1]));
  *fingerprint = g_string_free (pretty, FALSE);
  return certificate;
}

static void
test_certificate_untrusted (void)
{
  g_autofree char *fingerprint = NULL;
  g_autoptr (GTlsCertificate) certificate = test_certificate (&fingerprint);

  /* The error names the fingerprint, for the person to compare. */
  check_fault_full (ANSWER_HTML, certificate, NULL, NULL, SOFRA_SYNC_ERROR_CERTIFICATE,
                    fingerprint);
  /* Trusting another certificate's fingerprint changes nothing. */
  check_fault_full (ANSWER_HTML, certificate,
                    "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:"
                    "99:AA:BB:CC:DD:EE:FF",
                    NULL, SOFRA_SYNC_ERROR_CERTIFICATE, fingerprint);
}

static void
test_certificate_trusted (void)
{
  g_autofree char *fingerprint = NULL;
  g_autoptr (GTlsCertificate) certificate = test_certificate (&fingerprint);
  g_autofree char *plain = g_ascii_strdown (fingerprint, -1);

  /* Trusted by its fingerprint (written any way): the connection is made, and the server's
   * own answer (here a web page; s_server answers only GET, so no login) is what the person
   * sees. */
  check_fault_full (ANSWER_HTML, certificate, plain, NULL, SOFRA_SYNC_ERROR_BAD_RESPONSE,
                    "web page");
}

static void
test_401 (void)
{
  check_fault (ANSWER_401, "amira", SOFRA_SYNC_ERROR_UNAUTHORIZED, "password");
}

static void
test_401_no_user (void)
{
  check_fault (ANSWER_401, NULL, SOFRA_SYNC_ERROR_UNAUTHORIZED, "user name and password");
}

static void
test_403 (void)
{
  check_fault (ANSWER_403, "amira", SOFRA_SYNC_ERROR_FORBIDDEN, "office-db");
}

static void
test_404 (void)
{
  check_fault (ANSWER_404, "amira", SOFRA_SYNC_ERROR_NOT_FOUND, "office-db");
}

static void
test_session_renewed (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (SofraSyncer) syncer = NULL;
  g_autoptr (GError) error = NULL;
  BadServer       *server = bad_server_start (ANSWER_EXPIRED);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", server->port);

  /* The session cookie is refused once: Sofra logs in again and goes on, to the next answer
   * (here: the database is missing). */
  syncer = sofra_syncer_new (store, url, "office-db", "amira", "secret");
  g_assert_false (sofra_syncer_run (syncer, NULL, &error));
  g_assert_error (error, SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_NOT_FOUND);
  g_assert_cmpint (g_atomic_int_get (&server->logins), ==, 2);
  g_assert_cmpint (g_atomic_int_get (&server->requests), ==, 4);
  g_assert_cmpuint (sofra_syncer_get_report (syncer)->requests, ==, 4);
  bad_server_stop (server);
}

static void
test_500 (void)
{
  check_fault (ANSWER_500, "amira", SOFRA_SYNC_ERROR_SERVER, "500");
}

static void
test_html (void)
{
  check_fault (ANSWER_HTML, "amira", SOFRA_SYNC_ERROR_BAD_RESPONSE, "web page");
}

static void
test_truncated (void)
{
  check_fault (ANSWER_TRUNCATED, "amira", SOFRA_SYNC_ERROR_BAD_RESPONSE, "cut short");
}

static void
test_nothing (void)
{
  check_fault (ANSWER_NOTHING, "amira", SOFRA_SYNC_ERROR_UNREACHABLE, "did not answer");
}

static void
test_refused (void)
{
  check_fault ((Answer) -1, "amira", SOFRA_SYNC_ERROR_UNREACHABLE, "Cannot reach");
}

static void
test_bad_config (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  const char *const bad[][2] = {
    { "sync.example.org", "office" },            /* no scheme */
    { "ftp://sync.example.org", "office" },      /* not HTTP */
    { "https://user:pw@example.org", "office" }, /* credentials belong elsewhere */
    { "https://sync.example.org", "Office" },    /* not a CouchDB database name */
    { "https://sync.example.org", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (SofraSyncer) syncer = sofra_syncer_new (store, bad[i][0], bad[i][1], NULL, NULL);
      g_autoptr (GError) error = NULL;

      g_assert_false (sofra_syncer_run (syncer, NULL, &error));
      g_assert_error (error, SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_INVALID_CONFIG);
    }
}

int
main (int argc, char *argv[])
{
  sofra_test_init (&argc, &argv);
  g_test_add_func ("/sync-faults/401", test_401);
  g_test_add_func ("/sync-faults/401-no-user", test_401_no_user);
  g_test_add_func ("/sync-faults/403", test_403);
  g_test_add_func ("/sync-faults/404", test_404);
  g_test_add_func ("/sync-faults/session-renewed", test_session_renewed);
  g_test_add_func ("/sync-faults/500", test_500);
  g_test_add_func ("/sync-faults/html", test_html);
  g_test_add_func ("/sync-faults/truncated-json", test_truncated);
  g_test_add_func ("/sync-faults/nothing", test_nothing);
  g_test_add_func ("/sync-faults/refused", test_refused);
  g_test_add_func ("/sync-faults/bad-config", test_bad_config);
  g_test_add_func ("/sync-faults/certificate-untrusted", test_certificate_untrusted);
  g_test_add_func ("/sync-faults/certificate-trusted", test_certificate_trusted);
  return g_test_run ();
}
