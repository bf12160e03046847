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

/* A checksum of the database and its WAL, to prove a failed write changed no byte. */
