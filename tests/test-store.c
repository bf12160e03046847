/* test-store.c — the document store: the write path, validation, opening files, records
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
test_create_mode (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("new/dir/sofra.db");
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
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (JsonObject) doc = sofra_test_participant ("Đorđe Đorđević", "P-7F3K");
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

  /* Ids are time-ordered (UUID version 7), so new ones sort after older ones. */
  {
    g_autofree char *older = sofra_store_make_id ("session");
    g_autofree char *newer = NULL;

    g_usleep (2000);
    newer = sofra_store_make_id ("session");
    g_assert_cmpstr (older, <, newer);
    g_assert_true (g_uuid_string_is_valid (newer + strlen ("session:")));
    g_assert_cmpint (newer[strlen ("session:") + 14], ==, '7');
  }
}

static void
test_revisions (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (JsonObject) doc = sofra_test_participant ("Arben", "P-AAAA");
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
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) p = sofra_test_participant ("Jelena", "P-JJJJ");
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
      g_autoptr (JsonObject) doc = sofra_test_parse (bad[i]);

      g_test_message ("invalid: %s", bad[i]);
      expect_invalid (store, doc, SOFRA_STORE_ERROR_INVALID);
    }

  /* An attendance pointing to a missing participant, with a real session. */
  {
    g_autoptr (JsonObject) s = sofra_test_session ("Youth exchange", "2026-05-01");
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
    g_assert_cmpuint (sofra_store_count (store, "attendance"), ==, 1);
    g_assert_cmpuint (sofra_store_count (store, "session"), ==, 1);
    g_assert_cmpuint (sofra_store_count (store, "participant"), ==, 1);
  }

  /* Oversized. */
  for (int i = 0; i < 120000; i++)
    g_string_append (big, "dialogue ");
  {
    g_autoptr (JsonObject) s = sofra_test_session ("Long", "2026-01-01");

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
      g_autoptr (JsonObject) doc = sofra_test_session ("x", bad[i]);
      g_autoptr (GError) error = NULL;

      g_test_message ("date: %s", bad[i]);
      g_assert_false (sofra_record_validate (doc, &error));
      g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID);
    }
  {
    g_autoptr (JsonObject) doc = sofra_test_session ("x", "2026-01-05");

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
    g_autoptr (JsonObject) p = sofra_test_participant ("Vesna", "P-VVVV");

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
test_batch_isolates_failures (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) good = sofra_test_participant ("Good", "P-GGGG");
  g_autoptr (JsonObject)
    bad = sofra_test_parse ("{\"type\":\"participant\",\"gender\":\"x\",\"code\":\"c\"}");
  g_autoptr (JsonObject) good2 = sofra_test_participant ("Good 2", "P-HHHH");

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
    g_autoptr (JsonObject) p = sofra_test_participant ("Gone", "P-KKKK");

    g_assert_true (sofra_store_put (store, p, &error));
  }
  sofra_store_rollback (store);
  g_assert_cmpuint (sofra_store_count (store, "participant"), ==, 2);
}

static void
test_codecs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) doc = sofra_test_parse (
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
    g_autoptr (JsonObject) pdoc = sofra_test_parse (
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

int
main (int argc, char *argv[])
{
  sofra_test_init (&argc, &argv);

  g_test_add_func ("/store/create-mode", test_create_mode);
  g_test_add_func ("/store/put-get", test_put_get);
  g_test_add_func ("/store/revisions", test_revisions);
  g_test_add_func ("/store/validation", test_validation);
  g_test_add_func ("/store/dates-are-strict", test_dates_are_strict);
  g_test_add_func ("/store/open-refuses", test_open_refuses);
  g_test_add_func ("/store/migration-from-empty", test_migration_from_empty);
  g_test_add_func ("/store/batch-isolates-failures", test_batch_isolates_failures);
  g_test_add_func ("/records/codecs", test_codecs);

  return g_test_run ();
}
