/* test-sync-pouchdb.c — Sofra and PouchDB 9 replicate with each other through PouchDB Server
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PouchDB itself (pouchdb-peer.js, run with node) is the other laptop: what Sofra pushes
 * arrives in PouchDB intact, and what PouchDB makes — edits, deletions, conflicts, a deleted
 * longer branch — arrives in Sofra with the same winners, conflicts and bodies.
 */
#include <string.h>

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
  g_assert_cmpuint (sofra_syncer_get_report (syncer)->docs_skipped, ==, 0);
}

static char *
admin_url (const char *db)
{
  return g_strdup_printf ("http://%s:%s@127.0.0.1:%u/%s", SOFRA_TEST_ADMIN,
                          SOFRA_TEST_ADMIN_PASSWORD, sofra_test_server_port (server), db);
}

/* What PouchDB holds, by pouchdb-peer.js. */
static JsonObject *
pouchdb_state (const char *mode, const char *db)
{
  g_autofree char *url = admin_url (db);
  const char      *args[] = { mode, url, NULL };
  g_autofree char *out = sofra_test_node ("pouchdb-peer.js", args);

  return sofra_test_parse (out);
}

typedef struct
{
  SofraStore *store;
  JsonObject *state;
} StateBuild;

static gboolean
add_doc (const char *id, const char *const *leaves, gint64 seq, gboolean is_private, gpointer data)
{
  StateBuild *build = data;
  g_autoptr (JsonObject) winner = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) conflicts = NULL;
  g_autofree char *body = NULL;
  JsonObject      *entry;
  JsonArray       *list = json_array_new ();
  gboolean         deleted;

  if (is_private)
    return TRUE;
  winner = sofra_store_get_revision (build->store, id, leaves[0], FALSE, &error);
  g_assert_no_error (error);
  deleted = json_object_get_boolean_member_with_default (winner, "_deleted", FALSE);
  conflicts = sofra_store_get_conflicts (build->store, id);
  for (guint i = 0; conflicts[i]; i++)
    json_array_add_string_element (list, conflicts[i]);
  body = sofra_json_canonical_body (winner);
  entry = json_object_new ();
  json_object_set_string_member (entry, "rev", leaves[0]);
  json_object_set_boolean_member (entry, "deleted", deleted);
  json_object_set_array_member (entry, "conflicts", list);
  json_object_set_string_member (entry, "body", body);
  json_object_set_object_member (build->state, id, entry);
  return TRUE;
}

static JsonObject *
sofra_state (SofraStore *store)
{
  StateBuild build = { store, json_object_new () };
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_store_foreach_sync_change (store, 0, 0, add_doc, &build, &error));
  return build.state;
}

/* Every document the same on both sides: winner, deletion, conflicts, body. */
static void
assert_same_state (JsonObject *sofra, JsonObject *pouch)
{
  g_autoptr (GList) ids = json_object_get_members (pouch);

  g_assert_cmpuint (json_object_get_size (pouch), >=, 20);
  g_assert_cmpuint (json_object_get_size (sofra), ==, json_object_get_size (pouch));
  for (GList *l = ids; l; l = l->next)
    {
      const char *id = l->data;
      JsonObject *p = json_object_get_object_member (pouch, id);
      JsonObject *s = json_object_get_object_member (sofra, id);
      JsonArray  *pc, *sc;
      g_autoptr (JsonNode) body_node = NULL;
      g_autofree char *p_body = NULL;

      g_test_message ("%s", id);
      g_assert_nonnull (s);
      g_assert_cmpstr (json_object_get_string_member (s, "rev"), ==,
                       json_object_get_string_member (p, "rev"));
      g_assert_cmpint (json_object_get_boolean_member (s, "deleted"), ==,
                       json_object_get_boolean_member (p, "deleted"));
      pc = json_object_get_array_member (p, "conflicts");
      sc = json_object_get_array_member (s, "conflicts");
      g_assert_cmpuint (json_array_get_length (pc), ==, json_array_get_length (sc));
      for (guint i = 0; i < json_array_get_length (pc); i++)
        g_assert_cmpstr (json_array_get_string_element (sc, i), ==,
                         json_array_get_string_element (pc, i));
      body_node = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (body_node, json_object_get_object_member (p, "body"));
      p_body = sofra_json_canonical (body_node);
      g_assert_cmpstr (json_object_get_string_member (s, "body"), ==, p_body);
    }
}

static void
test_sofra_to_pouchdb (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autofree char *db = sofra_test_server_create_db (server);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) mine = NULL;
  g_autoptr (JsonObject) theirs = NULL;
  g_autofree char *first = NULL;
  g_autofree char *conflict = NULL;

  for (int i = 0; i < 25; i++)
    {
      g_autofree char *title = g_strdup_printf ("Takim në Mitrovicë / Састанак %d", i);
      g_autoptr (JsonObject) s = sofra_test_session (title, "2026-03-15");

      g_assert_true (sofra_store_put (store, s, &error));
      if (i == 0)
        first = g_strdup (json_object_get_string_member (s, "_id"));
      if (i == 1)
        {
          /* An edit, then a conflict from "another office". */
          json_object_set_string_member (s, "summary", "Edited once");
          g_assert_true (sofra_store_put (store, s, &error));
          conflict = sofra_test_make_conflict (store, json_object_get_string_member (s, "_id"),
                                               "title", "The other office's title");
        }
    }
  {
    g_autoptr (JsonObject) p = sofra_test_participant ("Nikola Petrović", "P-3XQV");

    g_assert_true (sofra_store_put (store, p, &error));
  }
  g_assert_true (sofra_store_delete (store, first, NULL, &error));
  g_assert_no_error (error);

  sync_ok (store, db);
  theirs = pouchdb_state ("pull", db);
  mine = sofra_state (store);
  assert_same_state (mine, theirs);
  g_assert_nonnull (conflict);
}

static void
test_pouchdb_to_sofra (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("b.db");
  g_autofree char *db = sofra_test_server_create_db (server);
  g_autoptr (JsonObject) theirs = pouchdb_state ("push", db);
  g_autoptr (JsonObject) mine = NULL;
  g_autoptr (JsonObject) conflicted = NULL;
  g_auto (GStrv) conflicts = NULL;

  sync_ok (store, db);
  mine = sofra_state (store);
  assert_same_state (mine, theirs);

  /* The longer branch wins; the shorter stays a conflict; the deleted branch loses. */
  conflicted = sofra_store_get (store, "session:pouch-conflict", NULL);
  g_assert_cmpstr (json_object_get_string_member (conflicted, "title"), ==, "Branch A, longer");
  conflicts = sofra_store_get_conflicts (store, "session:pouch-conflict");
  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  g_clear_pointer (&conflicted, json_object_unref);
  conflicted = sofra_store_get (store, "session:pouch-deleted-branch", NULL);
  g_assert_cmpstr (json_object_get_string_member (conflicted, "title"), ==, "Live branch");
  g_assert_null (sofra_store_get (store, "session:pouch-2", NULL));

  /* And back: a second PouchDB pulling the same database sees what Sofra sees. */
  sync_ok (store, db);
  g_clear_pointer (&theirs, json_object_unref);
  theirs = pouchdb_state ("pull", db);
  assert_same_state (mine, theirs);
}

int
main (int argc, char *argv[])
{
  int status;

  sofra_test_init (&argc, &argv);
  server = sofra_test_server_start ();
  g_test_add_func ("/sync-pouchdb/sofra-to-pouchdb", test_sofra_to_pouchdb);
  g_test_add_func ("/sync-pouchdb/pouchdb-to-sofra", test_pouchdb_to_sofra);
  status = g_test_run ();
  sofra_test_server_stop (server);
  return status;
}
