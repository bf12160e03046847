/* test-sync.c — two Sofra stores replicate through a real PouchDB Server
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both directions with edits and deletions, participant erasure, private notes (the server is
 * read to see they never arrive), concurrent edits giving one winner everywhere and their
 * resolution, documents of a newer Sofra passed on untouched, the pending-changes count and
 * the cost of a sync when nothing changed.
 */
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "sofra-conflicts.h"
#include "sofra-json.h"
#include "sofra-store-sync.h"
#include "sofra-sync.h"
#include "sofra-test-server.h"
#include "sofra-test-store.h"
#include "sofra-test-util.h"

static SofraTestServer *server;

static void
sync_ok (SofraStore *store, const char *db)
{
  g_autoptr (SofraSyncer) syncer = sofra_syncer_new (store, sofra_test_server_url (server), db,
                                                     SOFRA_TEST_ADMIN, SOFRA_TEST_ADMIN_PASSWORD);
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_syncer_run (syncer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sofra_syncer_get_last_sync (syncer), >, 0);
  g_assert_cmpuint (sofra_syncer_get_pending_changes (syncer), ==, 0);
}

static char *
put (SofraStore *store, JsonObject *doc)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (doc, "_id"));
}

static char *
put_json (SofraStore *store, const char *json)
{
  g_autoptr (JsonObject) doc = sofra_test_parse (json);

  return put (store, doc);
}

static char *
note (SofraStore *store, const char *participant, const char *text, const char *visibility)
{
  g_autofree char *json = g_strdup_printf (
    "{\"type\":\"note\",\"participant_id\":\"%s\",\"date\":\"2026-03-01\",\"text\":\"%s\","
    "\"visibility\":\"%s\"}",
    participant, text, visibility);

  return put_json (store, json);
}

static void
assert_same (SofraStore *a, SofraStore *b, const char *db)
{
  g_autofree char *sa = sofra_test_store_snapshot (a);
  g_autofree char *sb = b ? sofra_test_store_snapshot (b) : g_strdup (sa);
  g_autofree char *ss = sofra_test_server_snapshot (server, db);

  g_assert_cmpstr (sa, ==, ss);
  g_assert_cmpstr (sb, ==, ss);
}

static gboolean
server_holds_text (const char *db, const char *text)
{
  g_autofree char *path = g_strdup_printf ("%s/_all_docs?include_docs=true", db);
  g_autoptr (JsonNode) all = sofra_test_server_request (server, "GET", path, NULL, NULL);
  g_autofree char *json = json_to_string (all, FALSE);

  return strstr (json, text) != NULL;
}

static void
test_both_ways (void)
{
  g_autoptr (SofraStore) a = sofra_test_open_store ("a.db");
  g_autoptr (SofraStore) b = sofra_test_open_store ("b.db");
  g_autofree char *db = sofra_test_server_create_db (server);
  g_autoptr (JsonObject) p = sofra_test_participant ("Arta Krasniqi", "P-7F3K");
  g_autoptr (JsonObject) s = sofra_test_session ("Roundtable in Zveçan", "2026-03-02");
  g_autoptr (GError) error = NULL;
  g_autofree char *pid = put (a, p);
  g_autofree char *sid = put (a, s);
  g_autofree char *shared = note (a, pid, "Spoke about the bridge", "shared");
  g_autofree char *secret = note (a, pid, "Worried about her job (private)", "private");
  g_autofree char *fid = NULL;
  g_autofree char *b_sid = NULL;
  g_autoptr (JsonObject) got = NULL;
  g_autoptr (JsonObject) edit = NULL;

  {
    g_autofree char *json =
      g_strdup_printf ("{\"type\":\"followup\",\"what\":\"Send the minutes\",\"session_id\":\"%s\","
                       "\"status\":\"open\",\"priority\":\"normal\"}",
                       sid);

    fid = put_json (a, json);
  }

  sync_ok (a, db);
  /* The private note never reached the server; the shared one did. */
  g_assert_null (sofra_test_server_get_doc (server, db, secret));
  g_assert_false (server_holds_text (db, "Worried about her job"));
  g_assert_true (server_holds_text (db, "Spoke about the bridge"));
  assert_same (a, NULL, db);

  sync_ok (b, db);
  assert_same (a, b, db);
  got = sofra_store_get (b, sid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "title"), ==, "Roundtable in Zveçan");
  g_assert_null (sofra_store_get (b, secret, NULL));

  /* B edits, deletes and adds; A receives all of it. */
  edit = json_object_ref (got);
  json_object_set_string_member (edit, "title", "Roundtable in Zvečan, second round");
  g_assert_true (sofra_store_put (b, edit, &error));
  g_assert_true (sofra_store_delete (b, fid, NULL, &error));
  {
    g_autoptr (JsonObject) s2 = sofra_test_session ("Youth exchange in Gračanica", "2026-04-10");

    b_sid = put (b, s2);
  }
  sync_ok (b, db);
  sync_ok (a, db);
  g_clear_pointer (&got, json_object_unref);
  got = sofra_store_get (a, sid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "title"), ==,
                   "Roundtable in Zvečan, second round");
  g_assert_null (sofra_store_get (a, fid, NULL));
  g_clear_pointer (&got, json_object_unref);
  got = sofra_store_get (a, b_sid, &error);
  g_assert_no_error (error);
  /* The private note is still here, and still only here. */
  g_clear_pointer (&got, json_object_unref);
  got = sofra_store_get (a, secret, &error);
  g_assert_no_error (error);
  assert_same (a, b, db);
  g_assert_false (server_holds_text (db, "Worried about her job"));

  /* A shared note made private later is withdrawn from the server and the other office, and
   * stays here, private. */
  g_clear_pointer (&got, json_object_unref);
  got = sofra_store_get (a, shared, &error);
  json_object_set_string_member (got, "visibility", "private");
  g_assert_true (sofra_store_put (a, got, &error));
  g_assert_no_error (error);
  sync_ok (a, db);
  sync_ok (b, db);
  g_assert_null (sofra_test_server_get_doc (server, db, shared));
  g_assert_false (server_holds_text (db, "Spoke about the bridge"));
  g_assert_null (sofra_store_get (b, shared, NULL));
  g_clear_pointer (&got, json_object_unref);
  got = sofra_store_get (a, shared, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "text"), ==, "Spoke about the bridge");
  g_assert_cmpstr (json_object_get_string_member (got, "visibility"), ==, "private");
  g_assert_cmpuint (g_strv_length (sofra_store_get_conflicts (a, shared)), ==, 0);
  assert_same (b, NULL, db);
}

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_pending_and_no_change (void)
{
  g_autoptr (SofraStore) a = sofra_test_open_store ("a.db");
  g_autofree char *db = sofra_test_server_create_db (server);
  g_autoptr (SofraSyncer) syncer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char       *pid = NULL;
  const SofraSyncReport *report;
  guint                  progress = 0, states = 0;

  for (int i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Community meeting %d", i);
      g_autoptr (JsonObject) s = sofra_test_session (title, "2026-05-01");
      g_autofree char *id = put (a, s);
    }
  syncer = sofra_syncer_new (a, sofra_test_server_url (server), db, SOFRA_TEST_ADMIN,
                             SOFRA_TEST_ADMIN_PASSWORD);
  g_assert_cmpuint (sofra_syncer_get_pending_changes (syncer), ==, 30);
  g_assert_cmpint (sofra_syncer_get_last_sync (syncer), ==, 0);
  g_signal_connect (syncer, "notify::docs-done", G_CALLBACK (count_notify), &progress);
  g_signal_connect (syncer, "notify::state", G_CALLBACK (count_notify), &states);

  g_assert_true (sofra_syncer_run (syncer, NULL, &error));
  g_assert_no_error (error);
  report = sofra_syncer_get_report (syncer);
  g_assert_cmpuint (report->docs_pushed, ==, 30);
  g_assert_cmpuint (progress, >=, 1);
  g_assert_cmpuint (states, >=, 3); /* connecting, pushing, pulling, idle */
  g_assert_cmpuint (sofra_syncer_get_pending_changes (syncer), ==, 0);
  g_assert_cmpint (sofra_syncer_get_state (syncer), ==, SOFRA_SYNC_STATE_IDLE);

  /* A private note is not a pending change; a participant is. */
  {
    g_autoptr (JsonObject) p = sofra_test_participant ("Marko Jovanović", "P-4RTX");

    pid = put (a, p);
  }
  g_free (note (a, pid, "private words", "private"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (sofra_syncer_get_pending_changes (syncer), ==, 1);
  g_assert_true (sofra_syncer_run (syncer, NULL, &error));
  g_assert_cmpuint (sofra_syncer_get_report (syncer)->docs_pushed, ==, 1);
  g_assert_cmpuint (sofra_syncer_get_pending_changes (syncer), ==, 0);

  /* Nothing changed: at most three requests (log in, checkpoint, _changes). */
  g_assert_true (sofra_syncer_run (syncer, NULL, &error));
  report = sofra_syncer_get_report (syncer);
  g_assert_cmpuint (report->requests, <=, 3);
  g_assert_cmpuint (report->docs_pushed + report->docs_pulled, ==, 0);
  assert_same (a, NULL, db);
}

/* Rows of the documents and of the kept bodies whose text holds @text. */
static int
count_rows (SofraStore *store, const char *text)
{
  sqlite3         *db = sofra_store_get_db (store);
  sqlite3_stmt    *stmt = NULL;
  g_autofree char *like = g_strdup_printf ("%%%s%%", text);
  int              count = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT (SELECT count(*) FROM docs WHERE body LIKE ?1)"
                                       " + (SELECT count(*) FROM rev_bodies WHERE body LIKE ?1)",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, like, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static void
test_erasure (void)
{
  g_autoptr (SofraStore) a = sofra_test_open_store ("a.db");
  g_autoptr (SofraStore) b = sofra_test_open_store ("b.db");
  g_autofree char *db = sofra_test_server_create_db (server);
  g_autoptr (JsonObject) p = sofra_test_participant ("Drita Berisha", "P-9KQW");
  g_autoptr (JsonObject) s = sofra_test_session ("Mediation meeting in Mitrovica", "2026-02-11");
  g_autoptr (GError) error = NULL;
  g_autofree char *pid = put (a, p);
  g_autofree char *sid = put (a, s);
  g_autofree char *shared = note (a, pid, "Drita talked about her family", "shared");
  g_autofree char *att = NULL;
  g_autoptr (JsonObject) row = NULL;
  g_autofree char *old_rev = NULL;

  {
    g_autofree char *json =
      g_strdup_printf ("{\"type\":\"attendance\",\"session_id\":\"%s\",\"participant_id\":\"%s\","
                       "\"role\":\"participant\"}",
                       sid, pid);

    att = put_json (a, json);
  }
  old_rev = g_strdup (json_object_get_string_member (p, "_rev"));
  sync_ok (a, db);
  sync_ok (b, db);
  g_assert_true (server_holds_text (db, "Drita"));

  /* B edits her record too, then A erases her: every branch becomes an erased tombstone. */
  row = sofra_store_get (b, pid, &error);
  json_object_set_string_member (row, "organisation", "Women for Mitrovica");
  g_assert_true (sofra_store_put (b, row, &error));
  g_assert_true (sofra_store_erase_participant (a, pid, &error));
  g_assert_no_error (error);
  g_assert_null (sofra_store_get (a, pid, NULL));
  g_assert_null (sofra_store_get (a, shared, NULL));
  g_assert_null (sofra_store_get (a, att, NULL));
  /* No Undo: the body before the erasure is gone. */
  g_assert_false (sofra_store_undelete (a, pid, NULL));
  g_assert_null (sofra_store_get_revision (a, pid, old_rev, FALSE, NULL));

  sync_ok (a, db);
  sync_ok (b, db); /* B's edit goes up, the erasure comes down */
  sync_ok (a, db); /* B's edit arrives at A, which erases that branch as well */
  g_assert_true (sofra_store_erase_participant (a, pid, &error));
  sync_ok (a, db);
  sync_ok (b, db);
  g_assert_null (sofra_store_get (b, pid, NULL));
  g_assert_null (sofra_store_get (b, shared, NULL));
  g_assert_null (sofra_store_get (b, att, NULL));
  g_assert_false (sofra_store_undelete (b, pid, NULL));
  g_assert_null (sofra_store_get_revision (b, pid, old_rev, FALSE, NULL));
  g_assert_cmpuint (g_strv_length (sofra_store_get_conflicts (b, pid)), ==, 0);

  /* Nothing of her is left: not on the server's winners, not anywhere in either file. */
  g_assert_false (server_holds_text (db, "Drita"));
  g_assert_false (server_holds_text (db, "Women for Mitrovica"));
  g_assert_cmpint (count_rows (a, "Drita"), ==, 0);
  g_assert_cmpint (count_rows (b, "Drita"), ==, 0);
  g_assert_cmpint (count_rows (b, "Women for Mitrovica"), ==, 0);
  g_assert_cmpint (count_rows (b, "\"erased\":true"), >=, 3);
  assert_same (a, b, db);
}

static void
test_conflict (void)
{
  g_autoptr (SofraStore) a = sofra_test_open_store ("a.db");
  g_autoptr (SofraStore) b = sofra_test_open_store ("b.db");
  g_autofree char *db = sofra_test_server_create_db (server);
  g_autoptr (JsonObject) s = sofra_test_session ("Workshop in Prizren", "2026-06-01");
  g_autoptr (GError) error = NULL;
  g_autofree char *sid = put (a, s);
  g_autoptr (JsonObject) in_a = NULL;
  g_autoptr (JsonObject) in_b = NULL;
  g_autoptr (JsonObject) on_server = NULL;
  g_auto (GStrv) conflicts_a = NULL;
  g_auto (GStrv) conflicts_b = NULL;
  JsonArray *server_conflicts;

  sync_ok (a, db);
  sync_ok (b, db);
  in_a = sofra_store_get (a, sid, &error);
  in_b = sofra_store_get (b, sid, &error);
  json_object_set_string_member (in_a, "title", "Workshop in Prizren (office A)");
  json_object_set_string_member (in_b, "title", "Workshop in Prizren (office B)");
  g_assert_true (sofra_store_put (a, in_a, &error));
  g_assert_true (sofra_store_put (b, in_b, &error));
  sync_ok (a, db);
  sync_ok (b, db);
  sync_ok (a, db);

  /* One winner everywhere, the other revision kept as a conflict everywhere. */
  g_clear_pointer (&in_a, json_object_unref);
  g_clear_pointer (&in_b, json_object_unref);
  in_a = sofra_store_get (a, sid, &error);
  in_b = sofra_store_get (b, sid, &error);
  on_server = sofra_test_server_get_doc (server, db, sid);
  g_assert_cmpstr (json_object_get_string_member (in_a, "_rev"), ==,
                   json_object_get_string_member (on_server, "_rev"));
  g_assert_cmpstr (json_object_get_string_member (in_b, "_rev"), ==,
                   json_object_get_string_member (on_server, "_rev"));
  g_assert_cmpstr (json_object_get_string_member (in_a, "title"), ==,
                   json_object_get_string_member (on_server, "title"));
  conflicts_a = sofra_store_get_conflicts (a, sid);
  conflicts_b = sofra_store_get_conflicts (b, sid);
  server_conflicts = json_object_get_array_member (on_server, "_conflicts");
  g_assert_cmpuint (g_strv_length (conflicts_a), ==, 1);
  g_assert_cmpstrv (conflicts_a, conflicts_b);
  g_assert_cmpstr (conflicts_a[0], ==, json_array_get_string_element (server_conflicts, 0));
  assert_same (a, b, db);

  /* B resolves it with a merge; the resolution reaches the server and A. */
  json_object_set_string_member (in_b, "title", "Workshop in Prizren (A and B)");
  g_assert_true (
    sofra_store_resolve_conflict (b, sid, in_b, (const char *const *) conflicts_b, &error));
  g_assert_no_error (error);
  sync_ok (b, db);
  sync_ok (a, db);
  g_clear_pointer (&in_a, json_object_unref);
  g_clear_pointer (&on_server, json_object_unref);
  in_a = sofra_store_get (a, sid, &error);
  on_server = sofra_test_server_get_doc (server, db, sid);
  g_assert_cmpstr (json_object_get_string_member (in_a, "title"), ==,
                   "Workshop in Prizren (A and B)");
  g_assert_false (json_object_has_member (on_server, "_conflicts"));
  g_assert_cmpuint (g_strv_length (sofra_store_get_conflicts (a, sid)), ==, 0);
  g_assert_cmpuint (sofra_store_count_conflicts (a), ==, 0);
  g_assert_cmpuint (sofra_store_count_conflicts (b), ==, 0);
  assert_same (a, b, db);
}

static void
test_newer_sofra (void)
{
  g_autoptr (SofraStore) b = sofra_test_open_store ("b.db");
  g_autofree char *db = sofra_test_server_create_db (server);
  g_autofree char *db2 = sofra_test_server_create_db (server);
  g_autofree char *path = g_strdup_printf ("%s/session:newer-1", db);
  const char      *doc_json =
    "{\"type\":\"session\",\"title\":\"Walk through the old town\",\"kind\":\"dialogue-walk\","
    "\"status\":\"held\",\"date\":\"2026-07-01\",\"route\":{\"stops\":[\"bridge\",\"park\"]}}";
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonObject) here = NULL;
  g_autoptr (JsonObject) there = NULL;
  g_autoptr (JsonObject) sent = sofra_test_parse (doc_json);
  g_autoptr (GError) error = NULL;
  g_autofree char *a_body = NULL;
  g_autofree char *b_body = NULL;
  guint            status = 0;

  /* A newer Sofra wrote a kind of session and a field this version does not know. */
  answer = sofra_test_server_request (server, "PUT", path, doc_json, &status);
  g_assert_cmpuint (status, ==, 201);
  sync_ok (b, db);
  here = sofra_store_get (b, "session:newer-1", &error);
  g_assert_no_error (error);
  a_body = sofra_json_canonical_body (sent);
  b_body = sofra_json_canonical_body (here);
  g_assert_cmpstr (a_body, ==, b_body);

  /* Passed on untouched, with its revision. */
  sync_ok (b, db2);
  there = sofra_test_server_get_doc (server, db2, "session:newer-1");
  g_assert_nonnull (there);
  g_assert_cmpstr (json_object_get_string_member (there, "_rev"), ==,
                   json_object_get_string_member (here, "_rev"));
  g_clear_pointer (&b_body, g_free);
  b_body = sofra_json_canonical_body (there);
  g_assert_cmpstr (a_body, ==, b_body);
}


/* ---- a server this user may only read: a proxy that refuses every write of a _local
 * document (403), as CouchDB does to a reader where writes are forbidden ---- */

typedef struct
{
  SoupServer   *server;
  SoupSession  *upstream;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  GMutex        lock;
  GCond         ready;
  guint         port;
  gint          refused;
  gint          changes; /* _changes requests */
} ReadOnlyProxy;

static void
forward (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  ReadOnlyProxy   *proxy = data;
  const char      *method = soup_server_message_get_method (msg);
  GUri            *uri = soup_server_message_get_uri (msg);
  const char      *q = g_uri_get_query (uri);
  g_autofree char *url = NULL;
  g_autoptr (SoupMessage) up = NULL;
  g_autoptr (GBytes) request = NULL;
  g_autoptr (GBytes) answer = NULL;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  const char *const   copied[] = { "Authorization", "Cookie", "Accept", NULL };
  const char         *type;

  if (g_str_equal (method, "PUT") && strstr (g_uri_get_path (uri), "/_local/") != NULL)
    {
      const char *refusal = "{\"error\":\"forbidden\",\"reason\":\"Read only.\"}";

      g_atomic_int_inc (&proxy->refused);
      soup_server_message_set_status (msg, 403, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, refusal,
                                        strlen (refusal));
      return;
    }
  if (g_str_has_suffix (g_uri_get_path (uri), "/_changes"))
    g_atomic_int_inc (&proxy->changes);
  url = g_strdup_printf ("%s%s%s%s", sofra_test_server_url (server), g_uri_get_path (uri),
                         q ? "?" : "", q ? q : "");
  up = soup_message_new (method, url);
  for (guint i = 0; copied[i]; i++)
    if (soup_message_headers_get_one (in, copied[i]))
      soup_message_headers_replace (soup_message_get_request_headers (up), copied[i],
                                    soup_message_headers_get_one (in, copied[i]));
  request = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  type = soup_message_headers_get_content_type (in, NULL);
  if (g_bytes_get_size (request) > 0)
    soup_message_set_request_body_from_bytes (up, type ? type : "application/json", request);
  answer = soup_session_send_and_read (proxy->upstream, up, NULL, NULL);
  soup_server_message_set_status (msg, soup_message_get_status (up), NULL);
  if (soup_message_headers_get_one (soup_message_get_response_headers (up), "Set-Cookie"))
    soup_message_headers_replace (
      soup_server_message_get_response_headers (msg), "Set-Cookie",
      soup_message_headers_get_one (soup_message_get_response_headers (up), "Set-Cookie"));
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (up), NULL);
  if (answer != NULL)
    soup_server_message_set_response (msg, type ? type : "application/json", SOUP_MEMORY_COPY,
                                      g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

static gpointer
serve (gpointer data)
{
  ReadOnlyProxy *proxy = data;
  g_autoptr (GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (proxy->context);
  proxy->upstream = soup_session_new ();
  proxy->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy->server, NULL, forward, proxy, NULL);
  soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (proxy->server);
  g_mutex_lock (&proxy->lock);
  proxy->port = (guint) g_uri_get_port (uris->data);
  g_cond_signal (&proxy->ready);
  g_mutex_unlock (&proxy->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (proxy->loop);
  soup_server_disconnect (proxy->server);
  g_clear_object (&proxy->server);
  g_clear_object (&proxy->upstream);
  g_main_context_pop_thread_default (proxy->context);
  return NULL;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_read_only_source (void)
{
  g_autoptr (SofraStore) a = sofra_test_open_store ("a.db");
  g_autoptr (SofraStore) reader = sofra_test_open_store ("reader.db");
  g_autofree char *db = sofra_test_server_create_db (server);
  g_autofree char *url = NULL;
  g_autoptr (GError) error = NULL;
  ReadOnlyProxy proxy = { 0 };

  proxy.context = g_main_context_new ();
  proxy.loop = g_main_loop_new (proxy.context, FALSE);
  g_mutex_init (&proxy.lock);
  g_cond_init (&proxy.ready);
  g_mutex_lock (&proxy.lock);
  proxy.thread = g_thread_new ("read-only", serve, &proxy);
  while (proxy.port == 0)
    g_cond_wait (&proxy.ready, &proxy.lock);
  g_mutex_unlock (&proxy.lock);
  url = g_strdup_printf ("http://127.0.0.1:%u", proxy.port);

  g_assert_true (sofra_store_begin (a, &error));
  for (int i = 0; i < 700; i++)
    {
      g_autofree char *title = g_strdup_printf ("Dialogue in Rahovec %d", i);
      g_autoptr (JsonObject) s = sofra_test_session (title, "2026-10-01");

      g_assert_true (sofra_store_put (a, s, &error));
    }
  g_assert_true (sofra_store_commit (a, &error));
  sync_ok (a, db);

  /* The reader cannot write its checkpoints on the server: the sync still completes. */
  for (int run = 0; run < 2; run++)
    {
      g_autoptr (SofraSyncer)
        syncer = sofra_syncer_new (reader, url, db, SOFRA_TEST_ADMIN, SOFRA_TEST_ADMIN_PASSWORD);
      const SofraSyncReport *report;

      g_assert_true (sofra_syncer_run (syncer, NULL, &error));
      g_assert_no_error (error);
      report = sofra_syncer_get_report (syncer);
      g_assert_cmpuint (report->docs_pulled, ==, run == 0 ? 700 : 0);
      if (run == 0)
        g_assert_cmpint (g_atomic_int_get (&proxy.changes), ==, 2);
      else /* its own record is where it goes on from, not the beginning (two requests) */
        g_assert_cmpint (g_atomic_int_get (&proxy.changes), ==, 3);
    }
  g_assert_cmpint (g_atomic_int_get (&proxy.refused), >=, 2);
  assert_same (reader, a, db);

  g_main_context_invoke (proxy.context, quit_loop, proxy.loop);
  g_thread_join (proxy.thread);
  g_main_loop_unref (proxy.loop);
  g_main_context_unref (proxy.context);
  g_mutex_clear (&proxy.lock);
  g_cond_clear (&proxy.ready);
}

int
main (int argc, char *argv[])
{
  int status;

  sofra_test_init (&argc, &argv);
  server = sofra_test_server_start ();
  g_test_add_func ("/sync/both-ways", test_both_ways);
  g_test_add_func ("/sync/pending-and-no-change", test_pending_and_no_change);
  g_test_add_func ("/sync/erasure", test_erasure);
  g_test_add_func ("/sync/conflict", test_conflict);
  g_test_add_func ("/sync/newer-sofra", test_newer_sofra);
  g_test_add_func ("/sync/read-only-source", test_read_only_source);
  status = g_test_run ();
  sofra_test_server_stop (server);
  return status;
}
