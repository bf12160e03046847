/* sofra-test-store.c — small builders shared by the store's tests
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-json.h"
#include "sofra-test-store.h"
#include "sofra-test-util.h"

SofraStore *
sofra_test_open_store (const char *name)
{
  g_autofree char *path = sofra_test_tmp_path (name);
  g_autoptr (GError) error = NULL;
  SofraStore *store = sofra_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

JsonObject *
sofra_test_parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonObject *doc = sofra_json_parse_object (json, -1, &error);

  g_assert_no_error (error);
  return doc;
}

JsonObject *
sofra_test_participant (const char *name, const char *code)
{
  JsonObject *doc = json_object_new ();

  json_object_set_string_member (doc, "type", "participant");
  json_object_set_string_member (doc, "name", name);
  json_object_set_string_member (doc, "code", code);
  return doc;
}

JsonObject *
sofra_test_session (const char *title, const char *date)
{
  JsonObject *doc = json_object_new ();

  json_object_set_string_member (doc, "type", "session");
  json_object_set_string_member (doc, "title", title);
  json_object_set_string_member (doc, "kind", "roundtable");
  json_object_set_string_member (doc, "status", "held");
  json_object_set_string_member (doc, "date", date);
  return doc;
}

/* Writes, as if it arrived from another office, a revision of @id that competes with the
 * current winner: the winner's body with the members of @changes (a JSON object), a sibling of
 * the winner (same parent, same depth) whose hash is the smallest (it loses) or, with @wins,
 * the greatest (it wins). Returns the competing revision. */
char *
sofra_test_make_branch_json (SofraStore *store, const char *id, const char *changes, gboolean wins)
{
  const char *hash = wins ? "ffffffffffffffffffffffffffffffff" : "00000000000000000000000000000001";
  g_autoptr (JsonObject) members = sofra_test_parse (changes);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) winner = sofra_store_get (store, id, &error);
  g_autoptr (JsonObject) with_history = NULL;
  JsonObject *history, *revisions;
  JsonArray  *ids, *old_ids;
  gint64      start;
  char       *rev;

  g_assert_no_error (error);
  with_history = sofra_store_get_revision (store, id,
                                           json_object_get_string_member (winner, "_rev"), TRUE,
                                           &error);
  g_assert_no_error (error);
  history = json_object_get_object_member (with_history, "_revisions");
  start = json_object_get_int_member (history, "start");
  old_ids = json_object_get_array_member (history, "ids");
  ids = json_array_new ();
  json_array_add_string_element (ids, hash);
  for (guint i = 1; i < json_array_get_length (old_ids); i++)
    json_array_add_string_element (ids, json_array_get_string_element (old_ids, i));
  revisions = json_object_new ();
  json_object_set_int_member (revisions, "start", start);
  json_object_set_array_member (revisions, "ids", ids);

  rev = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", start, hash);
  json_object_set_string_member (winner, "_rev", rev);
  json_object_set_object_member (winner, "_revisions", revisions);
  json_object_set_string_member (winner, "updated_by", "Other office");
  sofra_json_copy_members (winner, members);
  g_assert_true (sofra_store_put_replicated (store, winner, &error));
  g_assert_no_error (error);
  return rev;
}

char *
sofra_test_make_conflict_json (SofraStore *store, const char *id, const char *changes)
{
  return sofra_test_make_branch_json (store, id, changes, FALSE);
}

char *
sofra_test_make_conflict (SofraStore *store, const char *id, const char *member, const char *value)
{
  g_autoptr (JsonObject) changes = json_object_new ();
  g_autofree char *json = NULL;

  json_object_set_string_member (changes, member, value);
  json = sofra_json_to_string (changes);
  return sofra_test_make_conflict_json (store, id, json);
}

/* A checksum of the database and its WAL, to prove a failed write changed no byte. */
