/* test-search.c — search across scripts and diacritics: the index, the queries, bad input
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "sofra-json.h"
#include "sofra-search.h"
#include "sofra-test-store.h"
#include "sofra-test-util.h"

static char *
put (SofraStore *store, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) doc = sofra_test_parse (json);

  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (doc, "_id"));
}

static SofraSearchResults *
run (SofraStore *store, const SofraSearchQuery *query)
{
  g_autoptr (GError) error = NULL;
  SofraSearchResults *results = sofra_search (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The ids found for @text in @kind, joined by spaces (sorted), "" for none. */
static char *
ids_for (SofraStore *store, SofraSearchKind kind, const char *text)
{
  SofraSearchQuery query = { .text = text };
  g_autoptr (SofraSearchResults) results = run (store, &query);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < results->hits[kind]->len; i++)
    g_ptr_array_add (ids, ((SofraSearchHit *) results->hits[kind]->pdata[i])->id);
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static void
assert_ids (SofraStore *store, SofraSearchKind kind, const char *text, const char *expected)
{
  g_autofree char *found = ids_for (store, kind, text);

  g_test_message ("query %s", text);
  g_assert_cmpstr (found, ==, expected);
}

static guint
count_for (SofraStore *store, const char *text)
{
  SofraSearchQuery query = { .text = text };
  g_autoptr (SofraSearchResults) results = run (store, &query);

  return sofra_search_results_count (results);
}

/* Whether search_terms holds @term (the list of every indexed word). */
static int
term_count (SofraStore *store, const char *term)
{
  sqlite3_stmt *stmt = NULL;
  int           n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (sofra_store_get_db (store),
                                       "SELECT count(*) FROM search_terms WHERE term = ?1", -1,
                                       &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, term, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static SofraStore *
open_seeded (const char *name)
{
  g_autoptr (GError) error = NULL;
  SofraStore *store = sofra_test_open_store (name);

  g_assert_true (sofra_store_seed_places (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_cross_script (void)
{
  g_autoptr (SofraStore) store = open_seeded ("cross.db");
  g_autofree char *session = put (store, "{\"type\":\"session\",\"title\":\"Çështje të pronës\","
                                         "\"kind\":\"roundtable\",\"status\":\"held\","
                                         "\"date\":\"2026-03-02\","
                                         "\"place_id\":\"place:mitrovice-veriut\"}");
  g_autofree char *latin = put (store, "{\"type\":\"participant\",\"name\":\"Marko Đorđević\","
                                       "\"code\":\"P-AAAA\"}");
  g_autofree char *cyrillic = put (store, "{\"type\":\"participant\",\"name\":\"Ана Ђорђевић\","
                                          "\"code\":\"P-BBBB\"}");
  g_autofree char  *sorted = NULL;
  const char *const places[] = { "Mitrovicë", "Mitrovica", "Митровица",         "mitro",
                                 "МИТРО",     "severna",   "СЕВЕРНА МИТРОВИЦА", "veriut" };
  const char *const names[] = { "Đorđević", "Djordjevic", "Ђорђевић", "djord", "ĐORĐ", "dorde" };
  const char *const titles[] = { "Çështje", "ceshtje", "CESHTJE", "çësh", "pronës", "prones" };

  sorted = g_strcmp0 (latin, cyrillic) < 0 ? g_strjoin (" ", latin, cyrillic, NULL)
                                           : g_strjoin (" ", cyrillic, latin, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    assert_ids (store, SOFRA_SEARCH_KIND_SESSION, places[i], session);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *found = ids_for (store, SOFRA_SEARCH_KIND_PARTICIPANT, names[i]);

      g_test_message ("name query %s", names[i]);
      /* "dorde" is not "djordje": đ folds to dj, and nothing folds to a bare d. */
      g_assert_cmpstr (found, ==, g_str_equal (names[i], "dorde") ? "" : sorted);
    }
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    assert_ids (store, SOFRA_SEARCH_KIND_SESSION, titles[i], session);
}

static void
test_snippets (void)
{
  g_autoptr (SofraStore) store = open_seeded ("snippets.db");
  g_autofree char *id =
    put (store, "{\"type\":\"session\",\"title\":\"Sastanak u Mitrovici\",\"kind\":\"workshop\","
                "\"status\":\"held\",\"date\":\"2026-03-02\",\"place_id\":\"place:gracanice\","
                "\"summary\":\"Учесници из Митровице и Грачанице су разговарали о слободи кретања. "
                "Pjesëmarrësit nga Mitrovica dhe Graçanica folën për lirinë e lëvizjes, për "
                "autobusët dhe për dokumentet që duhen për të kaluar. Participants from Mitrovica "
                "and Gračanica discussed the buses and the documents needed to cross.\"}");
  SofraSearchQuery query = { .text = "mitrov GRAČ" };
  g_autoptr (SofraSearchResults) results = run (store, &query);
  SofraSearchHit  *hit;
  g_autofree char *title = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *markup = NULL;

  g_assert_cmpuint (results->hits[SOFRA_SEARCH_KIND_SESSION]->len, ==, 1);
  hit = results->hits[SOFRA_SEARCH_KIND_SESSION]->pdata[0];
  g_assert_cmpstr (hit->id, ==, id);
  g_assert_cmpstr (hit->type, ==, "session");
  g_assert_cmpstr (hit->date, ==, "2026-03-02");
  title = sofra_search_mark (hit->title, hit->title_ranges, "[", "]", FALSE);
  g_assert_cmpstr (title, ==, "Sastanak u [Mitrovici]");
  /* The original words, in their own script, are marked; the snippet is cut with "…". */
  snippet = sofra_search_mark (hit->snippet, hit->snippet_ranges, "[", "]", FALSE);
  g_test_message ("snippet: %s", snippet);
  g_assert_true (g_str_has_prefix (snippet, "Учесници из [Митровице] и [Грачанице]"));
  g_assert_nonnull (strstr (snippet, "[Mitrovica] dhe [Graçanica]"));
  g_assert_true (g_str_has_suffix (snippet, "…"));
  g_assert_cmpuint (g_utf8_strlen (hit->snippet, -1), <=, 162);
  g_assert_true (g_utf8_validate (hit->snippet, -1, NULL));

  /* Markup: matches in <b>, everything else escaped. */
  markup = sofra_search_mark ("a<b> & Mitrovica", NULL, "<b>", "</b>", TRUE);
  g_assert_cmpstr (markup, ==, "a&lt;b&gt; &amp; Mitrovica");
  {
    g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (SofraSearchRange));
    SofraSearchRange r = { 7, 16 };
    g_autofree char *marked = NULL;

    g_array_append_val (ranges, r);
    marked = sofra_search_mark ("a<b> & Mitrovica", ranges, "<b>", "</b>", TRUE);
    g_assert_cmpstr (marked, ==, "a&lt;b&gt; &amp; <b>Mitrovica</b>");
  }
  g_clear_pointer (&markup, g_free);
  markup = sofra_search_hit_title_markup (hit);
  g_assert_cmpstr (markup, ==, "Sastanak u <b>Mitrovici</b>");
}

static void
test_prefixes_and_words (void)
{
  g_autoptr (SofraStore) store = open_seeded ("words.db");
  g_autofree char *a = put (store, "{\"type\":\"session\",\"title\":\"Takim për sigurinë\","
                                   "\"kind\":\"roundtable\",\"status\":\"held\","
                                   "\"date\":\"2026-01-10\",\"place_id\":\"place:prizren\"}");
  g_autofree char *b = put (store,
                            "{\"type\":\"session\",\"title\":\"Takim për pronën\","
                            "\"kind\":\"roundtable\",\"status\":\"held\","
                            "\"date\":\"2026-01-11\",\"place_id\":\"place:mitrovice-jugut\"}");
  g_autofree char *both = g_strcmp0 (a, b) < 0 ? g_strjoin (" ", a, b, NULL)
                                               : g_strjoin (" ", b, a, NULL);

  assert_ids (store, SOFRA_SEARCH_KIND_SESSION, "tak", both);
  /* Every word must match. */
  assert_ids (store, SOFRA_SEARCH_KIND_SESSION, "tak mitro", b);
  assert_ids (store, SOFRA_SEARCH_KIND_SESSION, "takim prizren sig", a);
  assert_ids (store, SOFRA_SEARCH_KIND_SESSION, "takim zzz", "");
  /* A prefix, not a substring. */
  assert_ids (store, SOFRA_SEARCH_KIND_SESSION, "akim", "");
  /* Two letters are a prefix too, while few words begin with them. */
  assert_ids (store, SOFRA_SEARCH_KIND_SESSION, "ta", both);
  /* A letter alone is a whole word. */
  g_assert_cmpuint (count_for (store, "t"), ==, 0);

  /* When more than 64 words begin with two letters, they match whole words; three letters
   * are a prefix again, however many words begin with them. */
  g_assert_true (sofra_store_begin (store, NULL));
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *json =
        g_strdup_printf ("{\"type\":\"participant\",\"name\":\"Grab%c%c\",\"code\":\"P-%04u\"}",
                         'a' + i / 26, 'a' + i % 26, i);

      g_free (put (store, json));
    }
  g_free (put (store, "{\"type\":\"participant\",\"name\":\"Gr Gr\",\"code\":\"P-GRGR\"}"));
  g_assert_true (sofra_store_commit (store, NULL));
  g_assert_cmpuint (count_for (store, "gr"), ==, 1);
  {
    SofraSearchQuery query = { .text = "gra", .limit = 100 };
    g_autoptr (SofraSearchResults) results = run (store, &query);

    g_assert_cmpuint (results->hits[SOFRA_SEARCH_KIND_PARTICIPANT]->len, ==, 70);
  }
}

static void
test_ranking (void)
{
  g_autoptr (SofraStore) store = open_seeded ("rank.db");
  g_autofree char *in_summary =
    put (store, "{\"type\":\"session\",\"title\":\"Takim\",\"kind\":\"roundtable\","
                "\"status\":\"held\",\"date\":\"2026-01-10\","
                "\"summary\":\"Folën edhe për arsimin, shkurt, në fund të takimit pas pushimit "
                "dhe pas shumë temave të tjera që nuk kanë lidhje me të.\"}");
  g_autofree char *in_title =
    put (store, "{\"type\":\"session\",\"title\":\"Arsimi në gjuhën amtare\","
                "\"kind\":\"roundtable\",\"status\":\"held\",\"date\":\"2026-01-09\"}");
  SofraSearchQuery query = { .text = "arsim" };
  g_autoptr (SofraSearchResults) results = run (store, &query);
  GPtrArray *hits = results->hits[SOFRA_SEARCH_KIND_SESSION];

  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (((SofraSearchHit *) hits->pdata[0])->id, ==, in_title);
  g_assert_cmpstr (((SofraSearchHit *) hits->pdata[1])->id, ==, in_summary);
  g_assert_cmpfloat (((SofraSearchHit *) hits->pdata[0])->rank, <=,
                     ((SofraSearchHit *) hits->pdata[1])->rank);
}

static void
test_filters (void)
{
  g_autoptr (SofraStore) store = open_seeded ("filters.db");
  g_autofree char *s1 =
    put (store, "{\"type\":\"session\",\"title\":\"Dialog Zvečan\",\"kind\":\"workshop\","
                "\"status\":\"held\",\"date\":\"2026-02-01\",\"place_id\":\"place:zvecan\","
                "\"communities\":[\"albanian\",\"serbian\"],\"topics\":[\"security\"]}");
  g_autofree char *s2 =
    put (store, "{\"type\":\"session\",\"title\":\"Dialog Prizren\",\"kind\":\"roundtable\","
                "\"status\":\"held\",\"date\":\"2026-04-01\",\"place_id\":\"place:prizren\","
                "\"communities\":[\"turkish\"],\"topics\":[\"education\",\"youth\"]}");
  g_autofree char *p1 =
    put (store, "{\"type\":\"participant\",\"name\":\"Dialog Person\",\"code\":\"P-CCCC\","
                "\"community\":\"serbian\",\"municipality\":\"place:zvecan\"}");
  g_autofree char *f1 = put (store, "{\"type\":\"followup\",\"what\":\"Dialog report\","
                                    "\"status\":\"open\",\"due_date\":\"2026-02-10\"}");
  g_autofree char *f2 = put (store, "{\"type\":\"followup\",\"what\":\"Dialog letters\","
                                    "\"status\":\"done\",\"due_date\":\"2026-05-10\"}");
  struct
  {
    SofraSearchQuery query;
    const char      *sessions, *participants, *followups;
  } cases[] = {
    { { .text = "dialog" }, "2", "1", "2" },
    { { .text = "dialog", .kinds = SOFRA_SEARCH_SESSIONS }, "2", "0", "0" },
    { { .text = "dialog", .kinds = SOFRA_SEARCH_FOLLOWUPS | SOFRA_SEARCH_PARTICIPANTS },
      "0",
      "1",
      "2" },
    { { .text = "dialog", .date_from = "2026-03-01" }, s2, "0", f2 },
    { { .text = "dialog", .date_to = "2026-03-01" }, s1, "0", f1 },
    { { .text = "dialog", .date_from = "2026-01-01", .date_to = "2026-02-01" }, s1, "0", "0" },
    { { .text = "dialog", .session_kind = "roundtable" }, s2, "0", "0" },
    { { .text = "dialog", .community = "serbian" }, s1, p1, "0" },
    { { .text = "dialog", .community = "turkish" }, s2, "0", "0" },
    { { .text = "dialog", .place_id = "place:zvecan" }, s1, p1, "0" },
    { { .text = "dialog", .topic = "youth" }, s2, "0", "0" },
    { { .text = "dialog", .topic = "you" }, "0", "0", "0" },
    { { .text = "dialog", .status = "done" }, "0", "0", f2 },
    { { .text = "dialog", .status = "open", .date_to = "2026-12-31" }, "0", "0", f1 },
    { { .text = "dialog", .community = "serbian", .topic = "security" }, s1, "0", "0" },
    { { .text = "dialog", .community = "serbian", .topic = "youth" }, "0", "0", "0" },
    { { .text = "prizren", .community = "turkish" }, s2, "0", "0" },
    { { .text = "zvecan", .community = "turkish" }, "0", "0", "0" },
    { { .text = "dialog", .session_kind = "no-such-kind" }, "0", "0", "0" },
    { { .text = "dialog", .limit = 1 }, "1", "1", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (SofraSearchResults) results = run (store, &cases[i].query);
      const char *expected[] = { cases[i].sessions, cases[i].participants, "0",
                                 cases[i].followups };

      for (int k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
        {
          GPtrArray *hits = results->hits[k];

          g_test_message ("case %u kind %d", i, k);
          if (g_ascii_isdigit (expected[k][0]))
            g_assert_cmpuint (hits->len, ==, atoi (expected[k]));
          else
            {
              g_assert_cmpuint (hits->len, ==, 1);
              g_assert_cmpstr (((SofraSearchHit *) hits->pdata[0])->id, ==, expected[k]);
            }
        }
      if (cases[i].query.limit == 1)
        {
          g_assert_true (results->more[SOFRA_SEARCH_KIND_SESSION]);
          g_assert_false (results->more[SOFRA_SEARCH_KIND_PARTICIPANT]);
        }
    }

  /* Date ranges over months, years, decades and centuries, to the day. */
  {
    g_autofree char *old = put (store, "{\"type\":\"session\",\"title\":\"Epoch one\","
                                       "\"kind\":\"other\",\"status\":\"held\","
                                       "\"date\":\"1999-12-31\"}");
    g_autofree char *late = put (store, "{\"type\":\"session\",\"title\":\"Epoch two\","
                                        "\"kind\":\"other\",\"status\":\"planned\","
                                        "\"date\":\"2150-06-15\"}");
    struct
    {
      const char *from, *to, *found;
    } ranges[] = {
      { "1999-12-31", NULL, "2" },         { "2000-01-01", NULL, late },
      { NULL, "1999-12-31", old },         { NULL, "1999-12-30", "0" },
      { "1990-01-01", "2149-12-31", old }, { "2150-06-15", "2150-06-15", late },
      { "2150-06-16", "2150-06-30", "0" }, { "1000-01-01", "9999-12-31", "2" },
      { "2150-06-01", "1999-01-01", "0" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
      {
        SofraSearchQuery query = { .text = "epoch",
                                   .date_from = ranges[i].from,
                                   .date_to = ranges[i].to };
        g_autoptr (SofraSearchResults) results = run (store, &query);
        GPtrArray *hits = results->hits[SOFRA_SEARCH_KIND_SESSION];

        g_test_message ("range %u", i);
        if (g_ascii_isdigit (ranges[i].found[0]))
          g_assert_cmpuint (hits->len, ==, atoi (ranges[i].found));
        else
          {
            g_assert_cmpuint (hits->len, ==, 1);
            g_assert_cmpstr (((SofraSearchHit *) hits->pdata[0])->id, ==, ranges[i].found);
          }
      }
  }

  /* A malformed date is an error a person can act on, not an SQL error. */
  {
    SofraSearchQuery query = { .text = "dialog", .date_from = "1.2.2026" };
    g_autoptr (GError) error = NULL;
    SofraSearchResults *results = sofra_search (store, &query, &error);

    g_assert_null (results);
    g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID);
  }
}

static void
test_deletions (void)
{
  g_autoptr (SofraStore) store = open_seeded ("delete.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *s = put (store,
                            "{\"type\":\"session\",\"title\":\"Kafana razgovor\","
                            "\"kind\":\"other\",\"status\":\"held\",\"date\":\"2026-01-01\"}");
  g_autofree char *p = put (store, "{\"type\":\"participant\",\"name\":\"Kafana Gost\","
                                   "\"code\":\"P-DDDD\"}");
  g_autoptr (JsonObject) doc = NULL;
  const char *both[3] = { s, p, NULL };

  g_assert_cmpuint (count_for (store, "kafana"), ==, 2);
  g_assert_true (sofra_store_delete (store, s, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_for (store, "kafana"), ==, 1);
  g_assert_true (sofra_store_undelete (store, s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_for (store, "kafana"), ==, 2);
  g_assert_true (sofra_store_delete_all (store, both, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_for (store, "kafana"), ==, 0);
  g_assert_true (sofra_store_undelete_all (store, both, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_for (store, "kafana"), ==, 2);

  /* An edit: the old words leave the index, the new ones enter it. */
  doc = sofra_store_get (store, s, &error);
  g_assert_no_error (error);
  json_object_set_string_member (doc, "title", "Čajdžinica razgovor");
  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_for (store, "kafana"), ==, 1);
  g_assert_cmpuint (count_for (store, "cajdz"), ==, 1);
  g_assert_cmpuint (count_for (store, "чајџ"), ==, 1);
  g_assert_cmpuint (count_for (store, "razgovor"), ==, 1);

  /* A person's name leaves the list of indexed words with the last record that holds it. */
  {
    g_autofree char *gone = put (store, "{\"type\":\"participant\",\"name\":\"Zanzibarova "
                                        "Kafana\",\"code\":\"P-ZZZZ\"}");
    g_autofree char *json = g_strdup_printf (
      "{\"type\":\"note\",\"participant_id\":\"%s\",\"date\":\"2026-01-02\","
      "\"text\":\"Zanzibarova asked for quxtotal erasure\",\"visibility\":\"private\"}",
      gone);
    g_autofree char *note = put (store, json);
    const char      *both_gone[3] = { note, gone, NULL };

    g_assert_cmpuint (count_for (store, "zanzib"), ==, 2);
    g_assert_true (sofra_store_delete_all (store, both_gone, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_for (store, "zanzib"), ==, 0);
    g_assert_cmpint (term_count (store, "zanzibarova"), ==, 0);
    g_assert_cmpint (term_count (store, "quxtotal"), ==, 0);
    g_assert_cmpint (term_count (store, "asked"), ==, 0);
    /* Words other records still hold stay. */
    g_assert_cmpint (term_count (store, "kafana"), ==, 1);
  }

  /* Inside a batch that is rolled back, nothing stays in the index either. */
  g_assert_true (sofra_store_begin (store, &error));
  g_free (
    put (store, "{\"type\":\"participant\",\"name\":\"Rollback Person\",\"code\":\"P-EEEE\"}"));
  sofra_store_rollback (store);
  g_assert_cmpuint (count_for (store, "rollback"), ==, 0);
  /* The words the rolled-back batch wrote are written again, and found by their prefix. */
  g_free (
    put (store, "{\"type\":\"participant\",\"name\":\"Rollback Again\",\"code\":\"P-EEEF\"}"));
  g_assert_cmpuint (count_for (store, "rollb"), ==, 1);
  g_assert_cmpuint (count_for (store, "rollback agai"), ==, 1);
}

/* A revision of @id from another office: a sibling of the winner at the same depth that wins
 * (its hash is the greatest) with @title. */
static char *
winning_conflict (SofraStore *store, const char *id, const char *title)
{
  g_autoptr (JsonObject) changes = json_object_new ();
  g_autofree char *json = NULL;

  json_object_set_string_member (changes, "title", title);
  json = sofra_json_to_string (changes);
  return sofra_test_make_branch_json (store, id, json, TRUE);
}

static void
test_replicated (void)
{
  g_autoptr (SofraStore) store = open_seeded ("replicated.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) remote = sofra_test_parse (
    "{\"_id\":\"session:0190a0a0-0000-7000-8000-000000000001\","
    "\"_rev\":\"1-0123456789abcdef0123456789abcdef\",\"type\":\"session\","
    "\"title\":\"Vizitë në Shtërpcë\",\"kind\":\"field_visit\","
    "\"status\":\"held\",\"date\":\"2026-02-02\","
    "\"place_id\":\"place:shterpce\"}");
  const char      *id = "session:0190a0a0-0000-7000-8000-000000000001";
  g_autofree char *winner = NULL;

  /* A document from the server is indexed as it arrives. */
  g_assert_true (sofra_store_put_replicated (store, remote, &error));
  g_assert_no_error (error);
  assert_ids (store, SOFRA_SEARCH_KIND_SESSION, "Штрпце", id);
  g_assert_cmpuint (count_for (store, "vizite"), ==, 1);

  /* A competing revision that wins: the index shows the winner only. */
  winner = winning_conflict (store, id, "Takim në Shtërpcë");
  g_assert_cmpuint (count_for (store, "vizite"), ==, 0);
  g_assert_cmpuint (count_for (store, "takim strpce"), ==, 1);
  /* One that loses changes nothing in the index. */
  g_free (sofra_test_make_conflict (store, id, "title", "Losing title"));
  g_assert_cmpuint (count_for (store, "losing"), ==, 0);
  g_assert_cmpuint (count_for (store, "takim"), ==, 1);
  /* Deleting the winner brings the next leaf's text back. */
  g_assert_true (sofra_store_delete (store, id, winner, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_for (store, "takim"), ==, 0);
  g_assert_cmpuint (count_for (store, "vizite") + count_for (store, "losing"), ==, 1);
}

static void
test_places (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("places.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *s = NULL;
  g_autofree char *p = NULL;
  g_autoptr (JsonObject) place = NULL;

  /* A session can arrive before its place (sync); the place's names join it when it comes. */
  {
    g_autoptr (JsonObject) doc = sofra_test_parse (
      "{\"_id\":\"session:0190a0a0-0000-7000-8000-000000000002\","
      "\"_rev\":\"1-00000000000000000000000000000002\",\"type\":\"session\","
      "\"title\":\"Early\",\"kind\":\"other\",\"status\":\"held\","
      "\"date\":\"2026-01-01\",\"place_id\":\"place:leposaviq\"}");

    g_assert_true (sofra_store_put_replicated (store, doc, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_for (store, "leposavic"), ==, 0);
  g_assert_true (sofra_store_seed_places (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_for (store, "leposavic"), ==, 1);
  g_assert_cmpuint (count_for (store, "Лепосавић"), ==, 1);

  s = put (store, "{\"type\":\"session\",\"title\":\"Late\",\"kind\":\"other\",\"status\":\"held\","
                  "\"date\":\"2026-01-01\",\"place_id\":\"place:novoberde\"}");
  p = put (store, "{\"type\":\"participant\",\"name\":\"Someone\",\"code\":\"P-FFFF\","
                  "\"municipality\":\"place:novoberde\"}");
  g_assert_cmpuint (count_for (store, "novo brdo"), ==, 2);

  /* A place renamed (through sync): the sessions and participants there follow. */
  place = sofra_store_get (store, "place:novoberde", &error);
  g_assert_no_error (error);
  json_object_set_string_member (place, "name_sq", "Artanë");
  json_object_set_string_member (place, "_rev", "2-00000000000000000000000000000009");
  {
    JsonObject *revisions = json_object_new ();
    JsonArray  *ids = json_array_new ();
    g_autoptr (JsonObject) old = sofra_store_get (store, "place:novoberde", NULL);
    const char *old_rev = json_object_get_string_member (old, "_rev");

    json_array_add_string_element (ids, "00000000000000000000000000000009");
    json_array_add_string_element (ids, strchr (old_rev, '-') + 1);
    json_object_set_int_member (revisions, "start", 2);
    json_object_set_array_member (revisions, "ids", ids);
    json_object_set_object_member (place, "_revisions", revisions);
  }
  g_assert_true (sofra_store_put_replicated (store, place, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_for (store, "artane"), ==, 2);
  assert_ids (store, SOFRA_SEARCH_KIND_PARTICIPANT, "artanë", p);
  assert_ids (store, SOFRA_SEARCH_KIND_SESSION, "artanë", s);
}

static void
test_notes_and_followups (void)
{
  g_autoptr (SofraStore) store = open_seeded ("notes.db");
  g_autofree char *p = put (store, "{\"type\":\"participant\",\"name\":\"Arta Krasniqi\","
                                   "\"code\":\"P-GGGG\",\"organisation\":\"Qendra Rinore\"}");
  g_autofree char *json =
    g_strdup_printf ("{\"type\":\"note\",\"participant_id\":\"%s\",\"date\":\"2026-02-03\","
                     "\"text\":\"Kërkon përkthim në gjuhën serbe për takimin e ardhshëm.\","
                     "\"visibility\":\"private\"}",
                     p);
  g_autofree char *note = put (store, json);
  g_autofree char *f = put (store, "{\"type\":\"followup\",\"what\":\"Dërgo ftesat\","
                                   "\"status\":\"done\",\"owner\":\"Јелена\","
                                   "\"completion_note\":\"Ftesat u dërguan me postë\"}");
  SofraSearchQuery query = { .text = "perkthim" };
  g_autoptr (SofraSearchResults) results = run (store, &query);
  SofraSearchHit  *hit;
  g_autofree char *marked = NULL;

  /* A private note is found on the laptop that holds it, under its participant's name. */
  g_assert_cmpuint (results->hits[SOFRA_SEARCH_KIND_NOTE]->len, ==, 1);
  hit = results->hits[SOFRA_SEARCH_KIND_NOTE]->pdata[0];
  g_assert_cmpstr (hit->id, ==, note);
  g_assert_cmpstr (hit->title, ==, "Arta Krasniqi");
  g_assert_cmpstr (hit->related_id, ==, p);
  g_assert_cmpstr (hit->date, ==, "2026-02-03");
  marked = sofra_search_mark (hit->snippet, hit->snippet_ranges, "[", "]", FALSE);
  g_assert_cmpstr (marked, ==, "Kërkon [përkthim] në gjuhën serbe për takimin e ardhshëm.");

  /* Follow-ups: what, the completion note, the owner. */
  g_assert_cmpuint (count_for (store, "ftesa"), ==, 1);
  g_assert_cmpuint (count_for (store, "poste"), ==, 1);
  g_assert_cmpuint (count_for (store, "jelena"), ==, 1);
  g_assert_cmpuint (count_for (store, "qendra rinore"), ==, 1);
  g_assert_cmpuint (count_for (store, "p-gggg"), ==, 1);
  g_assert_cmpuint (count_for (store, "gggg"), ==, 1);
  (void) f;
}

static void
test_bad_input (void)
{
  g_autoptr (SofraStore) store = open_seeded ("bad.db");
  g_autofree char *literal =
    put (store, "{\"type\":\"session\",\"title\":\"NEAR AND OR NOT title\",\"kind\":\"other\","
                "\"status\":\"held\",\"date\":\"2026-01-01\",\"summary\":\"x:y (z) a-b ^c\"}");
  g_autofree char *longest = g_malloc (10001);
  const char      *nothing[] = {
         "",   " ",   "\"", "\"\"",  "*",     "-",  ":",      "^",      "(",  ")",
         "()", "...", "—",  "\"*\"", "*mitr", "{}", "+",      "\t\n",   "''", "🙂",
         "\\", "%",   "_",  "zz*",   "?",     "[",  "NOT zz", "NEAR/2",
  };
  const char *literally[] = {
    "NEAR",   "AND",         "OR",     "NOT",   "near title", "title NEAR", "\"near\"",
    "near*",  "NOT title",   "and or", "x:y",   "(z)",        "a-b",        "^c",
    "title:", "NEAR(title)", "-near",  "NEAR(", "title:x",    "a OR b",
  };

  memset (longest, 'a', 10000);
  longest[10000] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (nothing); i++)
    {
      g_test_message ("nothing: %s", nothing[i]);
      g_assert_cmpuint (count_for (store, nothing[i]), ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (literally); i++)
    assert_ids (store, SOFRA_SEARCH_KIND_SESSION, literally[i], literal);
  g_assert_cmpuint (count_for (store, longest), ==, 0);
  memcpy (longest, "near ", 5);
  g_assert_cmpuint (count_for (store, longest), ==, 0);
  for (guint i = 0; i < 10000; i++)
    longest[i] = " \"*():^-"[i % 8];
  g_assert_cmpuint (count_for (store, longest), ==, 0);
  {
    GString *many = g_string_new (NULL);

    for (guint i = 0; i < 2000; i++)
      g_string_append (many, "near ");
    g_assert_cmpuint (count_for (store, many->str), ==, 1);
    g_string_free (many, TRUE);
  }
  /* Invalid UTF-8 is replaced, never trusted; the valid words around it still count. */
  g_assert_cmpuint (count_for (store, "\xff\xfe"), ==, 0);
  g_assert_cmpuint (count_for (store, "\xc3"), ==, 0);
  g_assert_cmpuint (count_for (store, "near\xff"), ==, 1);
  g_assert_cmpuint (count_for (store, "\xe2\x82 near"), ==, 1);
  /* No query text at all, and no filters apply: nothing. */
  {
    SofraSearchQuery query = { NULL };
    g_autoptr (SofraSearchResults) results = run (store, &query);

    g_assert_cmpuint (sofra_search_results_count (results), ==, 0);
  }
  {
    SofraSearchQuery query = { .text = "near", .community = "' OR 1=1 --", .limit = 100000 };
    g_autoptr (SofraSearchResults) results = run (store, &query);

    g_assert_cmpuint (sofra_search_results_count (results), ==, 0);
  }
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("absent");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_read_only (void)
{
  g_autoptr (SofraStore) store = open_seeded ("readonly.db");
  const char      *path = sofra_store_get_path (store);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *before_wal = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_wal = NULL;
  gint64           seq;
  int              changes;
  const char *queries[] = { "mitro", "\"", "NEAR", "x", "", "Ђорђевић", "a b c d e f g" };

  g_free (put (store, "{\"type\":\"session\",\"title\":\"Mitrovica\",\"kind\":\"other\","
                      "\"status\":\"held\",\"date\":\"2026-01-01\"}"));
  seq = sofra_store_get_update_seq (store);
  changes = sqlite3_total_changes (sofra_store_get_db (store));
  before = file_checksum (path);
  before_wal = file_checksum (wal);
  for (guint round = 0; round < 20; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        SofraSearchQuery query = { .text = queries[i], .date_from = "2020-01-01" };
        g_autoptr (SofraSearchResults) results = run (store, &query);
      }
  g_assert_cmpint (sofra_store_get_update_seq (store), ==, seq);
  g_assert_cmpint (sqlite3_total_changes (sofra_store_get_db (store)), ==, changes);
  after = file_checksum (path);
  after_wal = file_checksum (wal);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (before_wal, ==, after_wal);
}

/* A database made at schema 1 (no index) gets its index when opened. */
static void
test_migration (void)
{
  g_autofree char *path = sofra_test_tmp_path ("schema1.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  sqlite3         *db = NULL;

  {
    g_autoptr (SofraStore) store = open_seeded ("schema1.db");

    id = put (store, "{\"type\":\"session\",\"title\":\"Округли сто о имовини\","
                     "\"kind\":\"roundtable\",\"status\":\"held\",\"date\":\"2025-12-01\","
                     "\"place_id\":\"place:gracanice\"}");
    g_autofree char *gone = put (store, "{\"type\":\"participant\",\"name\":\"Deleted "
                                        "Later\",\"code\":\"P-HHHH\"}");

    g_free (put (store, "{\"type\":\"participant\",\"name\":\"Kept Later\",\"code\":\"P-JJJJ\"}"));
    g_assert_true (sofra_store_delete (store, gone, NULL, &error));
    g_assert_no_error (error);
  }
  /* What version 1 left: the same tables without the index. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TABLE search_sessions; DROP TABLE search_participants;"
                                 "DROP TABLE search_notes; DROP TABLE search_followups;"
                                 "DROP TABLE search_terms;"
                                 "PRAGMA user_version = 1;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr (SofraStore) store = sofra_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sofra_store_get_schema_version (store), ==, 2);
    assert_ids (store, SOFRA_SEARCH_KIND_SESSION, "okrugli sto gracanica", id);
    g_assert_cmpuint (count_for (store, "later"), ==, 1);
    g_assert_cmpuint (count_for (store, "kept"), ==, 1);
    g_assert_cmpuint (count_for (store, "deleted"), ==, 0);
  }
}

int
main (int argc, char *argv[])
{
  sofra_test_init (&argc, &argv);

  g_test_add_func ("/search/cross-script", test_cross_script);
  g_test_add_func ("/search/snippets", test_snippets);
  g_test_add_func ("/search/prefixes-and-words", test_prefixes_and_words);
  g_test_add_func ("/search/ranking", test_ranking);
  g_test_add_func ("/search/filters", test_filters);
  g_test_add_func ("/search/deletions", test_deletions);
  g_test_add_func ("/search/replicated", test_replicated);
  g_test_add_func ("/search/places", test_places);
  g_test_add_func ("/search/notes-and-followups", test_notes_and_followups);
  g_test_add_func ("/search/bad-input", test_bad_input);
  g_test_add_func ("/search/read-only", test_read_only);
  g_test_add_func ("/search/migration", test_migration);
  return g_test_run ();
}
