/* test-store-revs.c — revisions: deterministic ids, the winner, conflicts, history, tombstones, the feed
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-store.h"
#include "sofra-test-store.h"
#include "sofra-test-util.h"

static void
test_deterministic_revisions (void)
{
  g_autoptr (SofraStore) a = sofra_test_open_store ("a.db");
  g_autoptr (SofraStore) b = sofra_test_open_store ("b.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject)
    da = sofra_test_parse ("{\"_id\":\"place:x\",\"type\":\"place\",\"code\":\"x\","
                           "\"region\":\"kosovo\",\"name_sq\":\"A\",\"name_sr\":\"Б\","
                           "\"name_sr_latn\":\"B\",\"created_at\":\"t\","
                           "\"updated_at\":\"t\"}");
  g_autoptr (JsonObject)
    db = sofra_test_parse ("{\"name_sr_latn\":\"B\",\"name_sr\":\"Б\",\"_id\":\"place:x\","
                           "\"name_sq\":\"A\",\"code\":\"x\",\"region\":\"kosovo\","
                           "\"type\":\"place\",\"created_at\":\"t\","
                           "\"updated_at\":\"t\"}");

  /* Seeding gives the same first revision everywhere. */
  g_assert_true (sofra_store_seed_places (a, &error));
  g_assert_true (sofra_store_seed_places (b, &error));
  g_assert_no_error (error);
  {
    g_autoptr (JsonObject) pa = sofra_store_get (a, "place:prishtine", &error);
    g_autoptr (JsonObject) pb = sofra_store_get (b, "place:prishtine", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (pa, "_rev"), ==,
                     json_object_get_string_member (pb, "_rev"));
    g_assert_cmpstr (json_object_get_string_member (pa, "name_sr"), ==, "Приштина");
  }
  g_assert_cmpuint (sofra_store_count (a, "place"), >=, 38 + 10);
  /* Seeding twice adds nothing. */
  {
    gint64 seq = sofra_store_get_update_seq (a);

    g_assert_true (sofra_store_seed_places (a, &error));
    g_assert_cmpint (sofra_store_get_update_seq (a), ==, seq);
  }

  /* Canonical bodies: member order does not change the revision. */
  json_object_set_string_member (da, "_rev", "1-00000000000000000000000000000000");
  json_object_set_string_member (db, "_rev", "1-00000000000000000000000000000000");
  {
    g_autofree char *ca = sofra_json_canonical_body (da);
    g_autofree char *cb = sofra_json_canonical_body (db);

    g_assert_cmpstr (ca, ==, cb);
    g_assert_null (strstr (ca, "_id"));
  }
}

static void
test_winner_and_conflicts (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (GError) error = NULL;
  const char *base = "{\"_id\":\"participant:c1\",\"type\":\"participant\",\"code\":\"P-CCCC\"";
  g_autofree char *j1 = g_strdup_printf ("%s,\"_rev\":\"1-aaaa\",\"name\":\"one\"}", base);
  g_autofree char *j2a = g_strdup_printf (
    "%s,\"_rev\":\"2-bbbb\",\"name\":\"two-b\",\"_revisions\":{\"start\":2,\"ids\":[\"bbbb\","
    "\"aaaa\"]}}",
    base);
  g_autofree char *j2b = g_strdup_printf (
    "%s,\"_rev\":\"2-cccc\",\"name\":\"two-c\",\"_revisions\":{\"start\":2,\"ids\":[\"cccc\","
    "\"aaaa\"]}}",
    base);
  g_autofree char *j3 = g_strdup_printf (
    "%s,\"_rev\":\"3-dddd\",\"_deleted\":true,\"_revisions\":{\"start\":3,\"ids\":[\"dddd\","
    "\"cccc\",\"aaaa\"]}}",
    base);
  g_autoptr (JsonObject) d1 = sofra_test_parse (j1);
  g_autoptr (JsonObject) d2a = sofra_test_parse (j2a);
  g_autoptr (JsonObject) d2b = sofra_test_parse (j2b);
  g_autoptr (JsonObject) d3 = sofra_test_parse (j3);
  g_autoptr (JsonObject) got = NULL;
  g_auto (GStrv) conflicts = NULL;
  g_auto (GStrv) missing = NULL;
  const char *ask[] = { "2-bbbb", "2-cccc", "2-eeee", NULL };

  g_assert_true (sofra_store_put_replicated (store, d1, &error));
  g_assert_true (sofra_store_put_replicated (store, d2a, &error));
  g_assert_true (sofra_store_put_replicated (store, d2b, &error));
  g_assert_no_error (error);

  /* Same depth: the greater hash wins, as in CouchDB; the other leaf is a conflict. */
  got = sofra_store_get (store, "participant:c1", &error);
  g_assert_cmpstr (json_object_get_string_member (got, "_rev"), ==, "2-cccc");
  g_assert_cmpstr (json_object_get_string_member (got, "name"), ==, "two-c");
  conflicts = sofra_store_get_conflicts (store, "participant:c1");
  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  g_assert_cmpstr (conflicts[0], ==, "2-bbbb");

  /* Idempotent: the same revision again changes nothing. */
  {
    gint64 seq = sofra_store_get_update_seq (store);

    g_assert_true (sofra_store_put_replicated (store, d2b, &error));
    g_assert_cmpint (sofra_store_get_update_seq (store), ==, seq);
  }

  missing = sofra_store_revs_diff (store, "participant:c1", ask);
  g_assert_cmpuint (g_strv_length (missing), ==, 1);
  g_assert_cmpstr (missing[0], ==, "2-eeee");

  /* Deleting the winning branch: the live branch wins, though shorter. */
  g_assert_true (sofra_store_put_replicated (store, d3, &error));
  g_clear_pointer (&got, json_object_unref);
  got = sofra_store_get (store, "participant:c1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "_rev"), ==, "2-bbbb");
  g_assert_cmpstr (json_object_get_string_member (got, "name"), ==, "two-b");

  /* History of a revision, for replication. */
  {
    g_autoptr (JsonObject)
      r = sofra_store_get_revision (store, "participant:c1", "3-dddd", TRUE, &error);
    JsonObject *h;

    g_assert_no_error (error);
    g_assert_true (json_object_get_boolean_member (r, "_deleted"));
    h = json_object_get_object_member (r, "_revisions");
    g_assert_cmpint (json_object_get_int_member (h, "start"), ==, 3);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (h, "ids")), ==, 3);
  }
  {
    g_autoptr (GString) report = g_string_new (NULL);

    g_assert_true (sofra_store_check (store, report, &error));
    g_assert_no_error (error);
  }
}

/* A revision that arrived without its history (an import, a stemmed tree) is joined to that
 * history when it arrives later: no phantom branch, and the real winner wins. */

static void
test_stemmed_history_merged (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) stemmed = sofra_test_parse (
    "{\"_id\":\"participant:s1\",\"_rev\":\"3-cccc\",\"type\":\"participant\","
    "\"code\":\"P-SSSS\"}");
  g_autoptr (JsonObject) deletion = sofra_test_parse (
    "{\"_id\":\"participant:s1\",\"_rev\":\"4-dddd\",\"_deleted\":true,"
    "\"_revisions\":{\"start\":4,\"ids\":[\"dddd\",\"cccc\",\"bbbb\",\"aaaa\"]}}");
  g_autoptr (JsonObject) got = NULL;
  g_auto (GStrv) conflicts = NULL;

  g_assert_true (sofra_store_put_replicated (store, stemmed, &error));
  g_assert_true (sofra_store_put_replicated (store, deletion, &error));
  g_assert_no_error (error);

  conflicts = sofra_store_get_conflicts (store, "participant:s1");
  g_assert_cmpuint (g_strv_length (conflicts), ==, 0);
  got = sofra_store_get (store, "participant:s1", &error);
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND);
  g_assert_null (got);
  g_clear_error (&error);
  {
    g_autoptr (JsonObject)
      r = sofra_store_get_revision (store, "participant:s1", "4-dddd", TRUE, &error);
    JsonObject *h;

    g_assert_no_error (error);
    h = json_object_get_object_member (r, "_revisions");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (h, "ids")), ==, 4);
  }

  /* The first revision was here as well, as a leaf of its own: the history joins both. */
  {
    g_autoptr (JsonObject)
      first = sofra_test_parse ("{\"_id\":\"participant:s2\",\"_rev\":\"1-aaaa\","
                                "\"type\":\"participant\",\"code\":\"P-AAAA\"}");
    g_autoptr (JsonObject)
      third = sofra_test_parse ("{\"_id\":\"participant:s2\",\"_rev\":\"3-cccc\","
                                "\"type\":\"participant\",\"code\":\"P-CCCC\"}");
    g_autoptr (JsonObject) fourth = sofra_test_parse (
      "{\"_id\":\"participant:s2\",\"_rev\":\"4-dddd\",\"type\":\"participant\","
      "\"code\":\"P-DDDD\",\"_revisions\":{\"start\":4,\"ids\":[\"dddd\",\"cccc\","
      "\"bbbb\",\"aaaa\"]}}");
    g_auto (GStrv) before = NULL;
    g_auto (GStrv) after = NULL;
    g_autoptr (JsonObject) doc = NULL;

    g_assert_true (sofra_store_put_replicated (store, first, &error));
    g_assert_true (sofra_store_put_replicated (store, third, &error));
    before = sofra_store_get_conflicts (store, "participant:s2");
    g_assert_cmpuint (g_strv_length (before), ==, 1);
    g_assert_true (sofra_store_put_replicated (store, fourth, &error));
    g_assert_no_error (error);
    after = sofra_store_get_conflicts (store, "participant:s2");
    g_assert_cmpuint (g_strv_length (after), ==, 0);
    doc = sofra_store_get (store, "participant:s2", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (doc, "code"), ==, "P-DDDD");
  }
  {
    g_autoptr (GString) report = g_string_new (NULL);

    g_assert_true (sofra_store_check (store, report, &error));
    g_assert_no_error (error);
    /* No body is kept for revisions that are no longer leaves. */
    g_assert_null (sofra_store_get_revision (store, "participant:s2", "1-aaaa", FALSE, &error));
    g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND);
  }
}

/* Resolving a conflict: the losing leaf is deleted by its revision; the winner stays. */

static void
test_delete_conflict_leaf (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) a = sofra_test_parse (
    "{\"_id\":\"participant:k1\",\"_rev\":\"1-aaaa\",\"type\":\"participant\","
    "\"code\":\"P-AAAA\"}");
  g_autoptr (JsonObject) b = sofra_test_parse (
    "{\"_id\":\"participant:k1\",\"_rev\":\"1-bbbb\",\"type\":\"participant\","
    "\"code\":\"P-BBBB\"}");
  g_autoptr (JsonObject) got = NULL;
  g_auto (GStrv) conflicts = NULL;
  gint64 seq;

  g_assert_true (sofra_store_put_replicated (store, a, &error));
  g_assert_true (sofra_store_put_replicated (store, b, &error));
  g_assert_no_error (error);
  seq = sofra_store_get_update_seq (store);

  g_assert_true (sofra_store_delete (store, "participant:k1", "1-aaaa", &error));
  g_assert_no_error (error);
  conflicts = sofra_store_get_conflicts (store, "participant:k1");
  g_assert_cmpuint (g_strv_length (conflicts), ==, 0);
  got = sofra_store_get (store, "participant:k1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "_rev"), ==, "1-bbbb");
  g_assert_cmpstr (json_object_get_string_member (got, "code"), ==, "P-BBBB");
  /* In the feed again, so the resolution is pushed. */
  g_assert_cmpint (sofra_store_get_update_seq (store), >, seq);

  /* A revision that is not a leaf, or unknown, is still a conflict. */
  g_assert_false (sofra_store_delete (store, "participant:k1", "1-aaaa", &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sofra_store_delete (store, "participant:k1", "1-cccc", &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    g_autoptr (GString) report = g_string_new (NULL);

    g_assert_true (sofra_store_check (store, report, &error));
    g_assert_no_error (error);
  }
}

static void
test_unknown_type_kept (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject)
    doc = sofra_test_parse ("{\"_id\":\"survey:1\",\"_rev\":\"1-abcd\",\"type\":"
                            "\"survey\",\"answers\":[1,2,{\"x\":null}]}");
  g_autoptr (JsonObject) got = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  /* A newer Sofra's record arrives by sync: kept untouched, never accepted locally. */
  g_assert_true (sofra_store_put_replicated (store, doc, &error));
  g_assert_no_error (error);
  got = sofra_store_get (store, "survey:1", &error);
  a = sofra_json_canonical_body (doc);
  b = sofra_json_canonical_body (got);
  g_assert_cmpstr (a, ==, b);

  json_object_remove_member (doc, "_rev");
  json_object_remove_member (doc, "_id");
  g_assert_false (sofra_store_put (store, doc, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID);
}

static void
test_tombstone_and_undo (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (JsonObject) doc = sofra_test_session ("Roundtable in Zveçan", "2026-03-02");
  g_autoptr (JsonObject) got = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (sofra_store_put (store, doc, &error));
  id = g_strdup (json_object_get_string_member (doc, "_id"));
  g_assert_true (sofra_store_delete (store, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (sofra_store_get (store, id, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (sofra_store_count (store, "session"), ==, 0);

  /* The tombstone keeps no content. */
  {
    g_autofree char *path = g_strdup (sofra_store_get_path (store));
    sqlite3         *db = sofra_store_get_db (store);
    sqlite3_stmt    *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT body, deleted FROM docs WHERE id = ?1", -1,
                                         &stmt, NULL),
                     ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "{\"type\":\"session\"}");
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    sqlite3_finalize (stmt);
  }

  g_assert_true (sofra_store_undelete (store, id, &error));
  g_assert_no_error (error);
  got = sofra_store_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "title"), ==, "Roundtable in Zveçan");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (got, "_rev"), "3-"));

  /* Together or not at all: a missing id in the list deletes nothing. */
  {
    const char *ids[] = { id, "session:missing", NULL };
    const char *one[] = { id, NULL };

    g_assert_false (sofra_store_delete_all (store, ids, &error));
    g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpuint (sofra_store_count (store, "session"), ==, 1);
    g_assert_true (sofra_store_delete_all (store, one, &error));
    g_assert_cmpuint (sofra_store_count (store, "session"), ==, 0);
    g_assert_true (sofra_store_undelete_all (store, one, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sofra_store_count (store, "session"), ==, 1);
  }
}

typedef struct
{
  GPtrArray *ids;
  gint64     last;
} Feed;

static gboolean
collect_change (const char *id, const char *rev, gboolean deleted, gint64 seq, gpointer user_data)
{
  Feed *feed = user_data;

  g_assert_cmpint (seq, >, feed->last);
  feed->last = seq;
  g_ptr_array_add (feed->ids, g_strdup (id));
  return TRUE;
}

static void
test_changes_feed (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) a = sofra_test_participant ("A", "P-AAAA");
  g_autoptr (JsonObject) b = sofra_test_participant ("B", "P-BBBB");
  g_autoptr (JsonObject) local = sofra_test_parse ("{\"last_seq\":42}");
  g_autoptr (JsonObject) got_local = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Feed feed = { ids, 0 };

  g_assert_true (sofra_store_put (store, a, &error));
  g_assert_true (sofra_store_put (store, b, &error));
  json_object_set_string_member (a, "organisation", "x");
  g_assert_true (sofra_store_put (store, a, &error));
  g_assert_true (sofra_store_put_local (store, "_local/checkpoint", local, &error));
  g_assert_no_error (error);

  /* Each document once, at its latest change; _local documents never. */
  g_assert_true (sofra_store_foreach_change (store, 0, 0, collect_change, &feed, &error));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, json_object_get_string_member (b, "_id"));
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, json_object_get_string_member (a, "_id"));
  g_assert_cmpint (feed.last, ==, sofra_store_get_update_seq (store));

  got_local = sofra_store_get_local (store, "_local/checkpoint");
  g_assert_cmpint (json_object_get_int_member (got_local, "last_seq"), ==, 42);
}

int
main (int argc, char *argv[])
{
  sofra_test_init (&argc, &argv);

  g_test_add_func ("/revs/deterministic", test_deterministic_revisions);
  g_test_add_func ("/revs/winner-and-conflicts", test_winner_and_conflicts);
  g_test_add_func ("/revs/stemmed-history-merged", test_stemmed_history_merged);
  g_test_add_func ("/revs/delete-conflict-leaf", test_delete_conflict_leaf);
  g_test_add_func ("/revs/unknown-type-kept", test_unknown_type_kept);
  g_test_add_func ("/revs/tombstone-and-undo", test_tombstone_and_undo);
  g_test_add_func ("/revs/changes-feed", test_changes_feed);

  return g_test_run ();
}
