/* test-store.c — the document store: write path, revisions, winner, feed, validation, lists
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "sofra-doc-list.h"
#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-store.h"
#include "sofra-test-util.h"

static SofraStore *
open_store (const char *name)
{
  g_autofree char *path = sofra_test_tmp_path (name);
  g_autoptr (GError) error = NULL;
  SofraStore *store = sofra_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static JsonObject *
parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonObject *doc = sofra_json_parse_object (json, -1, &error);

  g_assert_no_error (error);
  return doc;
}

static JsonObject *
participant (const char *name, const char *code)
{
  JsonObject *doc = json_object_new ();

  json_object_set_string_member (doc, "type", "participant");
  json_object_set_string_member (doc, "name", name);
  json_object_set_string_member (doc, "code", code);
  return doc;
}

static JsonObject *
session (const char *title, const char *date)
{
  JsonObject *doc = json_object_new ();

  json_object_set_string_member (doc, "type", "session");
  json_object_set_string_member (doc, "title", title);
  json_object_set_string_member (doc, "kind", "roundtable");
  json_object_set_string_member (doc, "status", "held");
  json_object_set_string_member (doc, "date", date);
  return doc;
}

/* A checksum of the database and its WAL, to prove a failed write changed no byte. */
static char *
file_digest (SofraStore *store)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (sofra_store_get_path (store), suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize            len = 0;

      if (g_file_get_contents (path, &contents, &len, NULL))
        g_checksum_update (sum, (const guchar *) contents, len);
      g_checksum_update (sum, (const guchar *) "|", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_create_mode (void)
{
  g_autoptr (SofraStore) store = open_store ("new/dir/sofra.db");
  struct stat st;

  g_assert_cmpint (stat (sofra_store_get_path (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sofra_store_get_schema_version (store), ==,
                   sofra_store_get_latest_schema_version ());
  g_assert_true (g_uuid_string_is_valid (sofra_store_get_uuid (store)));
}

static void
test_put_get (void)
{
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (JsonObject) doc = participant ("Đorđe Đorđević", "P-7F3K");
  g_autoptr (JsonObject) got = NULL;
  g_autoptr (GError) error = NULL;
  const char *id, *rev;

  sofra_store_set_author (store, "Arta", "office:prishtine");
  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_no_error (error);
  id = json_object_get_string_member (doc, "_id");
  rev = json_object_get_string_member (doc, "_rev");
  g_assert_true (g_str_has_prefix (id, "participant:"));
  g_assert_true (g_uuid_string_is_valid (id + strlen ("participant:")));
  g_assert_true (g_str_has_prefix (rev, "1-"));
  g_assert_cmpuint (strlen (rev), ==, 2 + 32);

  got = sofra_store_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "name"), ==, "Đorđe Đorđević");
  g_assert_cmpstr (json_object_get_string_member (got, "_rev"), ==, rev);
  g_assert_cmpstr (json_object_get_string_member (got, "updated_by"), ==, "Arta");
  g_assert_cmpstr (json_object_get_string_member (got, "office"), ==, "office:prishtine");
  g_assert_true (json_object_has_member (got, "created_at"));
  g_assert_cmpuint (sofra_store_count (store, "participant"), ==, 1);
}

static void
test_revisions (void)
{
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (JsonObject) doc = participant ("Arben", "P-AAAA");
  g_autoptr (GError) error = NULL;
  g_autofree char *rev1 = NULL;
  gint64           seq1;

  g_assert_true (sofra_store_put (store, doc, &error));
  rev1 = g_strdup (json_object_get_string_member (doc, "_rev"));
  seq1 = sofra_store_get_update_seq (store);

  /* The same content again makes no revision. */
  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_cmpstr (json_object_get_string_member (doc, "_rev"), ==, rev1);
  g_assert_cmpint (sofra_store_get_update_seq (store), ==, seq1);

  json_object_set_string_member (doc, "organisation", "Youth Initiative");
  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (doc, "_rev"), "2-"));
  g_assert_cmpint (sofra_store_get_update_seq (store), ==, seq1 + 1);

  /* Writing on top of an old revision is refused and changes nothing. */
  json_object_set_string_member (doc, "_rev", rev1);
  json_object_set_string_member (doc, "organisation", "Other");
  g_assert_false (sofra_store_put (store, doc, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_CONFLICT);
  g_assert_cmpint (sofra_store_get_update_seq (store), ==, seq1 + 1);
}

static void
test_deterministic_revisions (void)
{
  g_autoptr (SofraStore) a = open_store ("a.db");
  g_autoptr (SofraStore) b = open_store ("b.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) da = parse ("{\"_id\":\"place:x\",\"type\":\"place\",\"code\":\"x\","
                                     "\"region\":\"kosovo\",\"name_sq\":\"A\",\"name_sr\":\"Б\","
                                     "\"name_sr_latn\":\"B\",\"created_at\":\"t\","
                                     "\"updated_at\":\"t\"}");
  g_autoptr (JsonObject)
    db = parse ("{\"name_sr_latn\":\"B\",\"name_sr\":\"Б\",\"_id\":\"place:x\","
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
  g_autoptr (SofraStore) store = open_store ("a.db");
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
  g_autoptr (JsonObject) d1 = parse (j1);
  g_autoptr (JsonObject) d2a = parse (j2a);
  g_autoptr (JsonObject) d2b = parse (j2b);
  g_autoptr (JsonObject) d3 = parse (j3);
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
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject)
    stemmed = parse ("{\"_id\":\"participant:s1\",\"_rev\":\"3-cccc\",\"type\":\"participant\","
                     "\"code\":\"P-SSSS\"}");
  g_autoptr (JsonObject) deletion = parse (
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
    g_autoptr (JsonObject) first = parse ("{\"_id\":\"participant:s2\",\"_rev\":\"1-aaaa\","
                                          "\"type\":\"participant\",\"code\":\"P-AAAA\"}");
    g_autoptr (JsonObject) third = parse ("{\"_id\":\"participant:s2\",\"_rev\":\"3-cccc\","
                                          "\"type\":\"participant\",\"code\":\"P-CCCC\"}");
    g_autoptr (JsonObject)
      fourth = parse ("{\"_id\":\"participant:s2\",\"_rev\":\"4-dddd\",\"type\":\"participant\","
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
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject)
    a = parse ("{\"_id\":\"participant:k1\",\"_rev\":\"1-aaaa\",\"type\":\"participant\","
               "\"code\":\"P-AAAA\"}");
  g_autoptr (JsonObject)
    b = parse ("{\"_id\":\"participant:k1\",\"_rev\":\"1-bbbb\",\"type\":\"participant\","
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
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) doc = parse ("{\"_id\":\"survey:1\",\"_rev\":\"1-abcd\",\"type\":"
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
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (JsonObject) doc = session ("Roundtable in Zveçan", "2026-03-02");
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
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) a = participant ("A", "P-AAAA");
  g_autoptr (JsonObject) b = participant ("B", "P-BBBB");
  g_autoptr (JsonObject) local = parse ("{\"last_seq\":42}");
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

static void
expect_invalid (SofraStore *store, JsonObject *doc, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = file_digest (store);
  g_autofree char *after = NULL;
  gint64           seq = sofra_store_get_update_seq (store);

  g_assert_false (sofra_store_put (store, doc, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
  after = file_digest (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sofra_store_get_update_seq (store), ==, seq);
  g_assert_false (json_object_has_member (doc, "_rev"));
}

static void
test_validation (void)
{
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) p = participant ("Jelena", "P-JJJJ");
  g_autoptr (GString) big = g_string_new (NULL);
  const char *bad[] = {
    "{\"name\":\"no type\"}",
    "{\"type\":42}",
    "{\"type\":\"spaceship\"}",
    "{\"type\":\"session\",\"title\":\"x\",\"kind\":\"roundtable\",\"status\":\"held\","
    "\"date\":\"2026-02-30\"}",
    "{\"type\":\"session\",\"title\":\"x\",\"kind\":\"roundtable\",\"status\":\"held\","
    "\"date\":\"2026-02-03\",\"start_time\":\"14:00\",\"end_time\":\"12:30\"}",
    "{\"type\":\"session\",\"title\":\"x\",\"kind\":\"roundtable\",\"status\":\"held\","
    "\"date\":\"2026-02-03\",\"communities\":[\"martians\"]}",
    "{\"type\":\"session\",\"title\":\"x\",\"kind\":\"roundtable\",\"status\":\"held\","
    "\"date\":\"2026-02-03\",\"topics\":[\"security\",\"astrology\"]}",
    "{\"type\":\"session\",\"title\":\"  \",\"kind\":\"roundtable\",\"status\":\"held\","
    "\"date\":\"2026-02-03\"}",
    "{\"type\":\"session\",\"title\":\"x\",\"kind\":\"party\",\"status\":\"held\","
    "\"date\":\"2026-02-03\"}",
    "{\"type\":\"session\",\"title\":\"x\",\"kind\":\"roundtable\",\"status\":\"held\","
    "\"date\":\"2026-02-03\",\"trust_before\":9}",
    "{\"type\":\"participant\",\"code\":\"P-1\",\"gender\":\"robot\"}",
    "{\"type\":\"participant\",\"code\":\"P-1\",\"consent\":\"yes\"}",
    "{\"type\":\"attendance\",\"session_id\":\"session:nope\",\"participant_id\":"
    "\"participant:nope\",\"role\":\"participant\"}",
    "{\"type\":\"note\",\"participant_id\":\"participant:nope\",\"date\":\"2026-01-01\","
    "\"text\":\"hi\",\"visibility\":\"private\"}",
    "{\"type\":\"followup\",\"what\":\"x\",\"status\":\"open\",\"session_id\":\"participant:1\"}",
    "{\"type\":\"participant\",\"code\":\"P-1\",\"_id\":\"session:1\"}",
  };

  g_assert_true (sofra_store_put (store, p, &error));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonObject) doc = parse (bad[i]);

      g_test_message ("invalid: %s", bad[i]);
      expect_invalid (store, doc, SOFRA_STORE_ERROR_INVALID);
    }

  /* An attendance pointing to a missing participant, with a real session. */
  {
    g_autoptr (JsonObject) s = session ("Youth exchange", "2026-05-01");
    g_autoptr (JsonObject) att = json_object_new ();

    g_assert_true (sofra_store_put (store, s, &error));
    json_object_set_string_member (att, "type", "attendance");
    json_object_set_string_member (att, "session_id", json_object_get_string_member (s, "_id"));
    json_object_set_string_member (att, "participant_id", "participant:missing");
    json_object_set_string_member (att, "role", "participant");
    expect_invalid (store, att, SOFRA_STORE_ERROR_INVALID);
    json_object_set_string_member (att, "participant_id", json_object_get_string_member (p, "_id"));
    g_assert_true (sofra_store_put (store, att, &error));
    g_assert_no_error (error);
  }

  /* Oversized. */
  for (int i = 0; i < 120000; i++)
    g_string_append (big, "dialogue ");
  {
    g_autoptr (JsonObject) s = session ("Long", "2026-01-01");

    json_object_set_string_member (s, "summary", big->str);
    expect_invalid (store, s, SOFRA_STORE_ERROR_TOO_LARGE);
  }

  /* Not an object. */
  g_assert_null (sofra_store_parse_doc ("[1,2,3]", -1, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sofra_store_parse_doc ("{\"a\":\"\xff\"}", -1, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID);
}

/* Dates are exactly YYYY-MM-DD: they are compared and sorted as text. */
static void
test_dates_are_strict (void)
{
  const char *bad[] = { "+202-01-05", "2026- 1-05", "2026-+1-05", "2026-01- 5", " 202-01-05" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonObject) doc = session ("x", bad[i]);
      g_autoptr (GError) error = NULL;

      g_test_message ("date: %s", bad[i]);
      g_assert_false (sofra_record_validate (doc, &error));
      g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID);
    }
  {
    g_autoptr (JsonObject) doc = session ("x", "2026-01-05");

    g_assert_true (sofra_record_validate (doc, NULL));
  }
}

static void
test_open_refuses (void)
{
  g_autofree char *text = sofra_test_tmp_path ("notes.txt");
  g_autofree char *other = sofra_test_tmp_path ("other.sqlite");
  g_autofree char *newer = sofra_test_tmp_path ("newer.db");
  g_autofree char *corrupt = sofra_test_tmp_path ("corrupt.db");
  const char      *content = "Minutes of the meeting in Graçanicë\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;
  sqlite3         *db;

  /* A text file. */
  g_assert_true (g_file_set_contents (text, content, -1, NULL));
  g_assert_null (sofra_store_open (text, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (text, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, content);

  /* Another program's SQLite database. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL,
                                 NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_autofree char *before = NULL, *later = NULL;
    gsize            n1, n2;

    g_assert_true (g_file_get_contents (other, &before, &n1, NULL));
    g_assert_null (sofra_store_open (other, &error));
    g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_A_DATABASE);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (other, &later, &n2, NULL));
    g_assert_cmpmem (before, n1, later, n2);
  }

  /* Made by a newer Sofra. */
  {
    g_autoptr (SofraStore) s = sofra_store_open (newer, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (sofra_store_open (newer, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  /* Damaged: garbage over the pages after the header. Reported, never "repaired". */
  {
    g_autoptr (SofraStore) s = sofra_store_open (corrupt, &error);
    g_autoptr (JsonObject) p = participant ("Vesna", "P-VVVV");

    g_assert_no_error (error);
    g_assert_true (sofra_store_put (s, p, &error));
  }
  {
    g_autofree char *bytes = NULL;
    g_autofree char *wal = g_strconcat (corrupt, "-wal", NULL);
    gsize            len;

    /* Checkpointed on close; the WAL is gone or empty. */
    g_assert_true (g_file_get_contents (corrupt, &bytes, &len, NULL));
    g_assert_cmpuint (len, >, 4096);
    for (gsize i = 4096 + 100; i < len; i++)
      bytes[i] = (char) (i * 7);
    g_assert_true (g_file_set_contents (corrupt, bytes, len, NULL));
    g_remove (wal);
    {
      g_autoptr (SofraStore) s = sofra_store_open (corrupt, &error);
      g_autoptr (GString) report = g_string_new (NULL);
      g_autofree char *later = NULL;
      gsize            len2;

      if (s != NULL)
        {
          g_assert_false (sofra_store_check (s, report, &error) && error == NULL);
          g_clear_error (&error);
        }
      else
        {
          g_assert_true (error->code == SOFRA_STORE_ERROR_CORRUPT ||
                         error->code == SOFRA_STORE_ERROR_NOT_A_DATABASE);
          g_clear_error (&error);
        }
      g_clear_object (&s);
      g_assert_true (g_file_get_contents (corrupt, &later, &len2, NULL));
      g_assert_cmpmem (bytes, len, later, len2);
    }
  }
}

static void
test_migration_from_empty (void)
{
  g_autofree char *path = sofra_test_tmp_path ("empty.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraStore) store = NULL;

  /* An empty file (version 0) is migrated to the latest schema. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = sofra_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sofra_store_get_schema_version (store), ==,
                   sofra_store_get_latest_schema_version ());
  {
    g_autoptr (GString) report = g_string_new (NULL);

    g_assert_true (sofra_store_check (store, report, &error));
    g_assert_no_error (error);
  }
  /* Reopening keeps the identity of the database. */
  {
    g_autofree char *uuid = g_strdup (sofra_store_get_uuid (store));
    g_autoptr (SofraStore) again = NULL;

    g_clear_object (&store);
    again = sofra_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sofra_store_get_uuid (again), ==, uuid);
  }
}

static void
test_codecs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) doc = parse (
    "{\"_id\":\"session:1\",\"_rev\":\"1-ab\",\"type\":\"session\",\"title\":\"Tryeza\","
    "\"kind\":\"youth_exchange\",\"status\":\"planned\",\"date\":\"2026-12-01\","
    "\"start_time\":\"10:00\",\"end_time\":\"12:00\",\"place_id\":\"place:zvecan\","
    "\"venue\":\"Дом културе\",\"online\":false,\"facilitators\":[\"Arta\",\"Марко\"],"
    "\"languages\":[\"sq\",\"sr\"],\"interpretation\":true,\"communities\":[\"albanian\","
    "\"serbian\",\"roma\"],\"topics\":[\"youth\",\"education\"],\"summary\":\"s\","
    "\"key_points\":\"k\",\"agreements\":\"a\",\"incidents\":\"i\",\"trust_before\":2,"
    "\"trust_after\":4,\"headcount\":[{\"community\":\"roma\",\"gender\":\"woman\",\"count\":3}],"
    "\"future_field\":{\"kept\":true}}");
  g_autoptr (SofraSession) s = sofra_session_from_json (doc, &error);
  g_autoptr (JsonObject) back = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (s->venue, ==, "Дом културе");
  g_assert_cmpuint (g_strv_length (s->communities), ==, 3);
  g_assert_cmpint (s->trust_after, ==, 4);
  g_assert_cmpuint (s->headcount->len, ==, 1);
  g_assert_true (s->interpretation);
  back = sofra_session_to_json (s);
  {
    g_autoptr (JsonNode) na = json_node_init_object (json_node_alloc (), doc);
    g_autoptr (JsonNode) nb = json_node_init_object (json_node_alloc (), back);

    a = sofra_json_canonical (na);
    b = sofra_json_canonical (nb);
  }
  g_assert_cmpstr (a, ==, b);

  {
    g_autoptr (JsonObject) pdoc = parse (
      "{\"type\":\"participant\",\"name\":\"Љиљана Јовановић\",\"code\":\"P-7F3K\","
      "\"gender\":\"woman\",\"age_group\":\"25_34\",\"community\":\"serbian\","
      "\"consent\":{\"date\":\"2026-01-10\",\"name_recorded\":true,\"name_on_documents\":false,"
      "\"photos\":false,\"contact\":true,\"share_offices\":true}}");
    g_autoptr (SofraParticipant) p = sofra_participant_from_json (pdoc, &error);

    g_assert_no_error (error);
    g_assert_true (p->consent.contact);
    /* No consent to appear on documents: the pseudonym is printed. */
    g_assert_cmpstr (sofra_participant_public_name (p), ==, "P-7F3K");
    p->consent.name_on_documents = TRUE;
    g_assert_cmpstr (sofra_participant_public_name (p), ==, "Љиљана Јовановић");
    p->consent.withdrawn_date = g_strdup ("2026-02-01");
    g_assert_cmpstr (sofra_participant_public_name (p), ==, "P-7F3K");
  }
  {
    g_autofree char *code = sofra_participant_make_code ();

    g_assert_true (g_regex_match_simple ("^P-[3-9A-Y]{4}$", code, 0, 0));
  }
  {
    SofraPlace       place = { .name_sq = "Mitrovicë e Veriut",
                               .name_sr = "Северна Митровица",
                               .name_sr_latn = "Severna Mitrovica" };
    g_autofree char *en = sofra_place_display_name (&place, "en");
    g_autofree char *sr = sofra_place_display_name (&place, "sr");

    g_assert_cmpstr (en, ==, "Mitrovicë e Veriut/Severna Mitrovica");
    g_assert_cmpstr (sr, ==, "Северна Митровица");
  }
  {
    SofraPlace       place = { .region = "serbia",
                               .name_sq = "Nish",
                               .name_sr = "Ниш",
                               .name_sr_latn = "Niš" };
    g_autofree char *en = sofra_place_display_name (&place, "en");
    g_autofree char *sq = sofra_place_display_name (&place, "sq");

    g_assert_cmpstr (en, ==, "Niš");
    g_assert_cmpstr (sq, ==, "Nish");
  }
}

static void
count_changes (guint *changes)
{
  (*changes)++;
}

static void
test_list_models (void)
{
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraDocList) sessions = NULL;
  g_autoptr (SofraDocList) followups = NULL;
  g_autoptr (SofraDocItem) first = NULL;
  g_autoptr (SofraDocItem) again = NULL;
  guint n = SOFRA_DOC_LIST_PAGE_SIZE * 5 + 3;
  guint changes = 0;

  g_assert_true (sofra_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Session %u", i);
      g_autofree char *date = g_strdup_printf ("20%02u-%02u-%02u", 10 + i / 300, 1 + i % 12,
                                               1 + i % 28);
      g_autoptr (JsonObject) s = session (title, date);

      g_assert_true (sofra_store_put (store, s, &error));
    }
  g_assert_true (sofra_store_commit (store, &error));
  g_assert_no_error (error);

  sessions = sofra_doc_list_new (store, SOFRA_DOC_LIST_SESSIONS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sessions)), ==, n);
  /* Nothing is read until asked; one page for the first rows. */
  g_assert_cmpuint (sofra_doc_list_get_pages_loaded (sessions), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (sessions), 0);
  for (guint i = 1; i < 10; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (sessions), i));
  g_assert_cmpuint (sofra_doc_list_get_pages_loaded (sessions), ==, 1);

  /* Newest first. */
  {
    const char *prev = "9999";

    for (guint i = 0; i < n; i += 7)
      {
        g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (sessions), i);
        const char *date = json_object_get_string_member (sofra_doc_item_get_doc (item), "date");

        g_assert_cmpstr (date, <=, prev);
        prev = date;
      }
  }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (sessions), n));

  /* A change elsewhere keeps the first item's identity and updates its document. */
  g_signal_connect_swapped (sessions, "items-changed", G_CALLBACK (count_changes), &changes);
  {
    g_autoptr (JsonObject) doc = json_object_ref (sofra_doc_item_get_doc (first));
    g_autoptr (JsonObject) copy = json_object_new ();
    g_autoptr (GList) members = json_object_get_members (doc);

    for (GList *l = members; l; l = l->next)
      json_object_set_member (copy, l->data,
                              json_node_copy (json_object_get_member (doc, l->data)));
    json_object_set_string_member (copy, "title", "Renamed");
    g_assert_true (sofra_store_put (store, copy, &error));
  }
  g_assert_cmpuint (changes, ==, 0);
  again = g_list_model_get_item (G_LIST_MODEL (sessions), 0);
  g_assert_true (again == first);
  g_assert_cmpstr (json_object_get_string_member (sofra_doc_item_get_doc (first), "title"), ==,
                   "Renamed");

  /* A deletion shrinks the list. */
  g_assert_true (sofra_store_delete (store, sofra_doc_item_get_id (first), NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sessions)), ==, n - 1);
  g_assert_cmpuint (changes, ==, 1);

  /* Follow-ups: open first by due date, overdue flagged. */
  {
    const char *docs[] = {
      "{\"type\":\"followup\",\"what\":\"done one\",\"status\":\"done\","
      "\"due_date\":\"2026-01-01\"}",
      "{\"type\":\"followup\",\"what\":\"late\",\"status\":\"open\",\"due_date\":\"2026-02-01\"}",
      "{\"type\":\"followup\",\"what\":\"later\",\"status\":\"in_progress\","
      "\"due_date\":\"2026-12-01\"}",
      "{\"type\":\"followup\",\"what\":\"no date\",\"status\":\"open\"}",
    };
    const char *expect[] = { "late", "later", "no date", "done one" };
    gboolean    overdue[] = { TRUE, FALSE, FALSE, FALSE };

    for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
      {
        g_autoptr (JsonObject) f = parse (docs[i]);

        g_assert_true (sofra_store_put (store, f, &error));
        g_assert_no_error (error);
      }
    followups = sofra_doc_list_new (store, SOFRA_DOC_LIST_FOLLOWUPS);
    sofra_doc_list_set_today (followups, "2026-06-01");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (followups)), ==, 4);
    for (guint i = 0; i < 4; i++)
      {
        g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (followups), i);

        g_assert_cmpstr (json_object_get_string_member (sofra_doc_item_get_doc (item), "what"), ==,
                         expect[i]);
        g_assert_cmpint (sofra_doc_item_get_overdue (item), ==, overdue[i]);
      }
  }
}

/* An insertion in the middle of a page: the items before it keep their identity, so a later
 * edit of one of them reaches the object the view holds. */
static void
test_list_insert_keeps_items (void)
{
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraDocList) sessions = NULL;
  g_autoptr (GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JsonObject) inserted = session ("Inserted", "2026-01-05");

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-01-%02u", 10 - i);
      g_autoptr (JsonObject) s = session ("Session", date);

      g_assert_true (sofra_store_put (store, s, &error));
    }
  sessions = sofra_doc_list_new (store, SOFRA_DOC_LIST_SESSIONS);
  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (sessions), i));

  /* Lands at position 5 (newest first; the later of two equal dates first). */
  g_assert_true (sofra_store_put (store, inserted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sessions)), ==, 11);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (sessions), i);

      g_assert_true (item == g_ptr_array_index (held, i));
    }

  /* An edit of the third one updates the object the view has. */
  {
    SofraDocItem *third = g_ptr_array_index (held, 2);
    g_autoptr (JsonObject) copy = json_object_new ();
    g_autoptr (GList) members = json_object_get_members (sofra_doc_item_get_doc (third));

    for (GList *l = members; l; l = l->next)
      json_object_set_member (copy, l->data,
                              json_node_copy (
                                json_object_get_member (sofra_doc_item_get_doc (third), l->data)));
    json_object_set_string_member (copy, "title", "Renamed");
    g_assert_true (sofra_store_put (store, copy, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (sofra_doc_item_get_doc (third), "title"), ==,
                     "Renamed");
  }
}

static void
test_batch_isolates_failures (void)
{
  g_autoptr (SofraStore) store = open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) good = participant ("Good", "P-GGGG");
  g_autoptr (JsonObject) bad = parse ("{\"type\":\"participant\",\"gender\":\"x\",\"code\":\"c\"}");
  g_autoptr (JsonObject) good2 = participant ("Good 2", "P-HHHH");

  g_assert_true (sofra_store_begin (store, &error));
  g_assert_true (sofra_store_put (store, good, &error));
  g_assert_false (sofra_store_put (store, bad, &error));
  g_clear_error (&error);
  g_assert_true (sofra_store_put (store, good2, &error));
  g_assert_true (sofra_store_commit (store, &error));
  g_assert_cmpuint (sofra_store_count (store, "participant"), ==, 2);

  /* A rolled-back batch leaves nothing. */
  g_assert_true (sofra_store_begin (store, &error));
  {
    g_autoptr (JsonObject) p = participant ("Gone", "P-KKKK");

    g_assert_true (sofra_store_put (store, p, &error));
  }
  sofra_store_rollback (store);
  g_assert_cmpuint (sofra_store_count (store, "participant"), ==, 2);
}

int
main (int argc, char *argv[])
{
  sofra_test_init (&argc, &argv);

  g_test_add_func ("/store/create-mode", test_create_mode);
  g_test_add_func ("/store/put-get", test_put_get);
  g_test_add_func ("/store/revisions", test_revisions);
  g_test_add_func ("/store/deterministic-revisions", test_deterministic_revisions);
  g_test_add_func ("/store/winner-and-conflicts", test_winner_and_conflicts);
  g_test_add_func ("/store/stemmed-history-merged", test_stemmed_history_merged);
  g_test_add_func ("/store/delete-conflict-leaf", test_delete_conflict_leaf);
  g_test_add_func ("/store/unknown-type-kept", test_unknown_type_kept);
  g_test_add_func ("/store/tombstone-and-undo", test_tombstone_and_undo);
  g_test_add_func ("/store/changes-feed", test_changes_feed);
  g_test_add_func ("/store/validation", test_validation);
  g_test_add_func ("/store/dates-are-strict", test_dates_are_strict);
  g_test_add_func ("/store/open-refuses", test_open_refuses);
  g_test_add_func ("/store/migration-from-empty", test_migration_from_empty);
  g_test_add_func ("/store/batch-isolates-failures", test_batch_isolates_failures);
  g_test_add_func ("/records/codecs", test_codecs);
  g_test_add_func ("/lists/lazy-pages", test_list_models);
  g_test_add_func ("/lists/insert-keeps-items", test_list_insert_keeps_items);

  return g_test_run ();
}
