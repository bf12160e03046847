/* sofra-test-server.c — a real PouchDB Server for the sync tests, and what they ask of it
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "sofra-store-sync.h"
#include "sofra-test-server.h"

struct _SofraTestServer
{
  GSubprocess *process;
  char        *dir;
  char        *url;
  guint        port;
  guint        n_dbs;
  gboolean     has_admin; /* before the admin exists, basic auth is refused */
  SoupSession *session;
};

static const char *
node_modules (void)
{
  const char *dir = g_getenv ("SOFRA_TEST_NODE_MODULES");

  g_assert_nonnull (dir);
  return dir;
}

const char *
sofra_test_cli (void)
{
  const char *cli = g_getenv ("SOFRA_TEST_CLI");

  g_assert_nonnull (cli);
  return cli;
}

/* The server goes when the test goes, even when the test aborts. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static guint
free_port (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

JsonNode *
sofra_test_server_request (SofraTestServer *server,
                           const char      *method,
                           const char      *path,
                           const char      *body,
                           guint           *status)
{
  g_autofree char *url = g_strdup_printf ("%s/%s", server->url, path);
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *auth = NULL;
  g_autofree char *b64 = NULL;
  gsize            size = 0;
  const char      *data;

  g_assert_nonnull (msg);
  b64 = g_base64_encode ((const guchar *) SOFRA_TEST_ADMIN ":" SOFRA_TEST_ADMIN_PASSWORD,
                         strlen (SOFRA_TEST_ADMIN ":" SOFRA_TEST_ADMIN_PASSWORD));
  auth = g_strdup_printf ("Basic %s", b64);
  if (server->has_admin)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                "application/json");
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  answer = soup_session_send_and_read (server->session, msg, NULL, &error);
  if (answer == NULL)
    {
      if (status)
        *status = 0;
      return NULL;
    }
  if (status)
    *status = soup_message_get_status (msg);
  data = g_bytes_get_data (answer, &size);
  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

SofraTestServer *
sofra_test_server_start (void)
{
  SofraTestServer *server = g_new0 (SofraTestServer, 1);
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bin = NULL;
  g_autofree char *port = NULL;
  g_autofree char *log = NULL;
  gint64           deadline;
  gboolean         up = FALSE;

  server->dir = g_dir_make_tmp ("sofra-pouchdb-server-XXXXXX", &error);
  g_assert_no_error (error);
  server->port = free_port ();
  server->url = g_strdup_printf ("http://127.0.0.1:%u", server->port);
  server->session = soup_session_new_with_options ("timeout", 30, NULL);
  bin = g_build_filename (node_modules (), "pouchdb-server", "bin", "pouchdb-server", NULL);
  port = g_strdup_printf ("%u", server->port);
  log = g_build_filename (server->dir, "output.txt", NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_set_cwd (launcher, server->dir);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  server->process = g_subprocess_launcher_spawn (launcher, &error, "node", bin, "--in-memory",
                                                 "--host", "127.0.0.1", "--port", port, "-n",
                                                 "--no-color", NULL);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!up && g_get_monotonic_time () < deadline)
    {
      g_autoptr (JsonNode) welcome = NULL;
      guint status = 0;

      g_usleep (100 * 1000);
      welcome = sofra_test_server_request (server, "GET", "", NULL, &status);
      up = status == 200 && welcome != NULL;
    }
  g_assert_true (up);

  {
    g_autoptr (JsonNode) answer = NULL;
    g_autofree char *path = g_strdup_printf ("_config/admins/%s", SOFRA_TEST_ADMIN);
    guint            status = 0;

    answer = sofra_test_server_request (server, "PUT", path, "\"" SOFRA_TEST_ADMIN_PASSWORD "\"",
                                        &status);
    g_assert_cmpuint (status, ==, 200);
    server->has_admin = TRUE;
  }
  return server;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
sofra_test_server_stop (SofraTestServer *server)
{
  if (server == NULL)
    return;
  g_subprocess_force_exit (server->process);
  g_subprocess_wait (server->process, NULL, NULL);
  g_object_unref (server->process);
  g_object_unref (server->session);
  remove_tree (server->dir);
  g_free (server->dir);
  g_free (server->url);
  g_free (server);
}

const char *
sofra_test_server_url (SofraTestServer *server)
{
  return server->url;
}

guint
sofra_test_server_port (SofraTestServer *server)
{
  return server->port;
}

char *
sofra_test_server_create_db (SofraTestServer *server)
{
  g_autoptr (JsonNode) answer = NULL;
  char *name = g_strdup_printf ("db%u", ++server->n_dbs);
  guint status = 0;

  answer = sofra_test_server_request (server, "PUT", name, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  return name;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* "id leaves" with the leaves sorted; deleted leaves marked with a leading '-'. */
static char *
snapshot_line (const char *id, GPtrArray *leaves)
{
  GString *line = g_string_new (id);

  g_ptr_array_sort (leaves, compare_strings);
  for (guint i = 0; i < leaves->len; i++)
    g_string_append_printf (line, "%c%s", i ? ',' : ' ', (char *) g_ptr_array_index (leaves, i));
  return g_string_free (line, FALSE);
}

static char *
join_sorted (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

char *
sofra_test_server_snapshot (SofraTestServer *server, const char *db)
{
  g_autofree char *path = g_strdup_printf ("%s/_changes?style=all_docs", db);
  g_autoptr (JsonNode) answer = sofra_test_server_request (server, "GET", path, NULL, NULL);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  JsonArray *results;

  g_assert_nonnull (answer);
  results = json_object_get_array_member (json_node_get_object (answer), "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *change = json_array_get_object_element (results, i);
      const char *id = json_object_get_string_member (change, "id");
      JsonArray  *changes = json_object_get_array_member (change, "changes");
      g_autoptr (GPtrArray) leaves = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *revs_path = NULL;
      g_autoptr (JsonNode) open = NULL;
      g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

      if (g_str_has_prefix (id, "_design/"))
        continue;
      /* Which leaves are deleted: open_revs=all tells. */
      revs_path = g_strdup_printf ("%s/%s?open_revs=all", db, escaped);
      open = sofra_test_server_request (server, "GET", revs_path, NULL, NULL);
      g_assert_nonnull (open);
      for (guint j = 0; j < json_array_get_length (json_node_get_array (open)); j++)
        {
          JsonObject *ok = json_object_get_object_member (
            json_array_get_object_element (json_node_get_array (open), j), "ok");
          gboolean deleted = json_object_get_boolean_member_with_default (ok, "_deleted", FALSE);

          g_ptr_array_add (leaves, g_strdup_printf ("%s%s", deleted ? "-" : "",
                                                    json_object_get_string_member (ok, "_rev")));
        }
      g_assert_cmpuint (leaves->len, ==, json_array_get_length (changes));
      g_ptr_array_add (lines, snapshot_line (id, leaves));
    }
  return join_sorted (lines);
}

typedef struct
{
  SofraStore *store;
  GPtrArray  *lines;
} StoreSnap;

static gboolean
store_line (const char        *id,
            const char *const *leaves,
            gint64             seq,
            gboolean           is_private,
            gpointer           data)
{
  StoreSnap *snap = data;
  g_autoptr (GPtrArray) revs = g_ptr_array_new_with_free_func (g_free);

  if (is_private)
    return TRUE;
  for (guint i = 0; leaves[i] != NULL; i++)
    {
      g_autoptr (JsonObject)
        doc = sofra_store_get_revision (snap->store, id, leaves[i], FALSE, NULL);
      gboolean deleted = doc &&
                         json_object_get_boolean_member_with_default (doc, "_deleted", FALSE);

      g_ptr_array_add (revs, g_strdup_printf ("%s%s", deleted ? "-" : "", leaves[i]));
    }
  g_ptr_array_add (snap->lines, snapshot_line (id, revs));
  return TRUE;
}

char *
sofra_test_store_snapshot (SofraStore *store)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  StoreSnap snap = { store, lines };

  g_assert_true (sofra_store_foreach_sync_change (store, 0, 0, store_line, &snap, &error));
  g_assert_no_error (error);
  return join_sorted (lines);
}

JsonObject *
sofra_test_server_get_doc (SofraTestServer *server, const char *db, const char *id)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("%s/%s?conflicts=true", db, escaped);
  g_autoptr (JsonNode) answer = NULL;
  guint status = 0;

  answer = sofra_test_server_request (server, "GET", path, NULL, &status);
  if (status != 200 || answer == NULL)
    return NULL;
  return json_object_ref (json_node_get_object (answer));
}

char *
sofra_test_node (const char *script, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher)
    launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  const char      *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *path = NULL;
  char            *out = NULL;

  g_assert_nonnull (srcdir);
  path = g_build_filename (srcdir, script, NULL);
  g_ptr_array_add (argv, (gpointer) "node");
  g_ptr_array_add (argv, path);
  for (guint i = 0; args && args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "NODE_PATH", node_modules (), TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, NULL);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

struct _SofraTestService
{
  GSocketService *service;
  GMainContext   *context;
  GMainLoop      *loop;
  GThread        *thread;
  GMutex          lock;
  GCond           ready;
  guint           port;
  guint           max_threads;
  GCallback       on_run;
  gpointer        data;
};

static gpointer
serve (gpointer user_data)
{
  SofraTestService *self = user_data;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (GError) error = NULL;

  g_main_context_push_thread_default (self->context);
  self->service = g_threaded_socket_service_new ((int) self->max_threads);
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  g_signal_connect (self->service, "run", self->on_run, self->data);
  g_socket_service_start (self->service);
  g_mutex_lock (&self->lock);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_cond_signal (&self->ready);
  g_mutex_unlock (&self->lock);
  g_main_loop_run (self->loop);
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_clear_object (&self->service);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

SofraTestService *
sofra_test_service_start (guint max_threads, GCallback on_run, gpointer data)
{
  SofraTestService *self = g_new0 (SofraTestService, 1);

  self->max_threads = max_threads;
  self->on_run = on_run;
  self->data = data;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  g_mutex_init (&self->lock);
  g_cond_init (&self->ready);
  g_mutex_lock (&self->lock);
  self->thread = g_thread_new ("test-service", serve, self);
  while (self->port == 0)
    g_cond_wait (&self->ready, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

guint
sofra_test_service_port (SofraTestService *self)
{
  return self->port;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
sofra_test_service_stop (SofraTestService *self)
{
  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready);
  g_free (self);
}
