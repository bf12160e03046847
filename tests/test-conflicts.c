/* test-conflicts.c — records in conflict: listing, comparing and resolving them in the store
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-conflicts.h"
#include "sofra-json.h"
#include "sofra-test-store.h"
#include "sofra-test-util.h"

/* A participant edited here ("Local") and, at the same time, elsewhere ("Remote"). */
static char *
make_conflicted (SofraStore *store, char **losing_rev)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) doc = sofra_test_participant ("Arta", "P-AAAA");
  char *id;

  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_no_error (error);
  id = g_strdup (json_object_get_string_member (doc, "_id"));
  json_object_set_string_member (doc, "organisation", "Local");
  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_no_error (error);
  *losing_rev = sofra_test_make_conflict (store, id, "organisation", "Remote");
  return id;
}

static void
test_list_and_compare (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("c.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *losing = NULL;
  g_autofree char *id = NULL;
  g_auto (GStrv) ids = NULL;
  g_auto (GStrv) conflicts = NULL;
  g_auto (GStrv) fields = NULL;
  g_autoptr (JsonObject) winner = NULL;
  g_autoptr (JsonObject) other = NULL;
  g_autoptr (JsonObject) plain = sofra_test_participant ("Besa", "P-BBBB");

  /* A store with no conflict lists none. */
  g_assert_true (sofra_store_put (store, plain, &error));
  json_object_set_string_member (plain, "name", "Besa K.");
  g_assert_true (sofra_store_put (store, plain, &error));
  ids = sofra_store_list_conflicts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
  g_clear_pointer (&ids, g_strfreev);

  id = make_conflicted (store, &losing);
  ids = sofra_store_list_conflicts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, id);
  g_assert_cmpuint (sofra_store_count_conflicts (store), ==, 1);

  conflicts = sofra_store_get_conflicts (store, id);
  g_assert_cmpstr (conflicts[0], ==, losing);
  winner = sofra_store_get (store, id, &error);
  other = sofra_store_get_revision (store, id, losing, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (winner, "organisation"), ==, "Local");
  g_assert_cmpstr (json_object_get_string_member (other, "organisation"), ==, "Remote");

  /* Only what a person changed differs: not the revision, nor who saved it when. */
  fields = sofra_conflict_differing_fields (winner, other);
  g_assert_cmpuint (g_strv_length (fields), ==, 1);
  g_assert_cmpstr (fields[0], ==, "organisation");
  g_assert_true (sofra_conflict_field_is_bookkeeping ("updated_by"));
  g_assert_true (sofra_conflict_field_is_bookkeeping ("_rev"));
  g_assert_false (sofra_conflict_field_is_bookkeeping ("name"));

  /* A member present on one side only is a difference too; arrays compare by value. */
  json_object_set_string_member (other, "email", "arta@example.org");
  {
    JsonArray *a = json_array_new (), *b = json_array_new ();

    json_array_add_string_element (a, "sq");
    json_array_add_string_element (b, "sq");
    json_object_set_array_member (winner, "languages", a);
    json_object_set_array_member (other, "languages", b);
  }
  g_clear_pointer (&fields, g_strfreev);
  fields = sofra_conflict_differing_fields (winner, other);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_cmpstr (fields[0], ==, "email");
  g_assert_cmpstr (fields[1], ==, "organisation");
}

static gboolean
find_change_cb (const char *id, const char *rev, gboolean deleted, gint64 seq, gpointer data)
{
  *(gboolean *) data |= g_str_has_prefix (id, "participant:") && !deleted;
  return TRUE;
}

static void
test_resolve (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("c.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *losing = NULL;
  g_autofree char *id = make_conflicted (store, &losing);
  g_autoptr (JsonObject) merged = sofra_store_get (store, id, &error);
  g_autoptr (JsonObject) got = NULL;
  g_autoptr (GString) report = g_string_new (NULL);
  const char *losing_revs[] = { losing, NULL };
  gint64      seq = sofra_store_get_update_seq (store);
  g_auto (GStrv) ids = NULL;
  g_auto (GStrv) conflicts = NULL;
  gboolean found = FALSE;

  /* The other office's organisation, this laptop's everything else, and a new phone. */
  json_object_set_string_member (merged, "organisation", "Remote");
  json_object_set_string_member (merged, "phone", "+383 44 000 000");
  g_assert_true (sofra_store_resolve_conflict (store, id, merged, losing_revs, &error));
  g_assert_no_error (error);

  conflicts = sofra_store_get_conflicts (store, id);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 0);
  ids = sofra_store_list_conflicts (store, &error);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
  got = sofra_store_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "organisation"), ==, "Remote");
  g_assert_cmpstr (json_object_get_string_member (got, "phone"), ==, "+383 44 000 000");
  g_assert_cmpstr (json_object_get_string_member (got, "name"), ==, "Arta");
  g_assert_cmpstr (json_object_get_string_member (got, "_rev"), ==,
                   json_object_get_string_member (merged, "_rev"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (got, "_rev"), "3-"));

  /* The record is in the changes feed after the resolution: it syncs like any change. */
  g_assert_cmpint (sofra_store_get_update_seq (store), >, seq);
  g_assert_true (sofra_store_foreach_change (store, seq, 0, find_change_cb, &found, &error));
  g_assert_true (found);
  g_assert_true (sofra_store_check (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "The database is intact.\n");
}

/* Nothing is written when the merge is out of date, names a revision that is not a conflict,
 * or is not a valid record; the conflict is still there to resolve. */
static void
test_resolve_refused (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("c.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *losing = NULL;
  g_autofree char *id = make_conflicted (store, &losing);
  g_autoptr (JsonObject) merged = sofra_store_get (store, id, &error);
  g_autofree char *rev = g_strdup (json_object_get_string_member (merged, "_rev"));
  const char      *losing_revs[] = { losing, NULL };
  const char      *not_a_conflict[] = { "2-99999999999999999999999999999999", NULL };
  gint64           seq = sofra_store_get_update_seq (store);

  /* Not a conflict of this record. */
  json_object_set_string_member (merged, "organisation", "Merged");
  g_assert_false (sofra_store_resolve_conflict (store, id, merged, not_a_conflict, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Not valid: the merged revision is refused and the losing leaf is not deleted either. */
  json_object_set_string_member (merged, "gender", "no-such-gender");
  g_assert_false (sofra_store_resolve_conflict (store, id, merged, losing_revs, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (json_object_get_string_member (merged, "_rev"), ==, rev);
  json_object_remove_member (merged, "gender");

  /* Another record's id. */
  json_object_set_string_member (merged, "_id", "participant:other");
  g_assert_false (sofra_store_resolve_conflict (store, id, merged, losing_revs, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  json_object_set_string_member (merged, "_id", id);
  g_assert_cmpint (sofra_store_get_update_seq (store), ==, seq);

  /* The winner changed while the person was merging. */
  {
    g_autoptr (JsonObject) edit = sofra_store_get (store, id, &error);

    json_object_set_string_member (edit, "role", "Teacher");
    g_assert_true (sofra_store_put (store, edit, &error));
    g_assert_no_error (error);
  }
  seq = sofra_store_get_update_seq (store);
  g_assert_false (sofra_store_resolve_conflict (store, id, merged, losing_revs, &error));
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (sofra_store_get_update_seq (store), ==, seq);
  g_assert_cmpuint (sofra_store_count_conflicts (store), ==, 1);

  /* A merge of the current winner goes through. */
  {
    g_autoptr (JsonObject) fresh = sofra_store_get (store, id, &error);

    g_assert_true (sofra_store_resolve_conflict (store, id, fresh, losing_revs, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (sofra_store_count_conflicts (store), ==, 0);
  }
}

/* A deleted record with a live losing branch is not "in conflict": the live branch wins. A
 * record whose losing branch was deleted is not in conflict either. */
static void
test_deleted_branches (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("c.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *losing = NULL;
  g_autofree char *id = make_conflicted (store, &losing);

  g_assert_true (sofra_store_delete (store, id, losing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sofra_store_count_conflicts (store), ==, 0);
}

int
main (int argc, char **argv)
{
  sofra_test_init (&argc, &argv);

  g_test_add_func ("/conflicts/list-and-compare", test_list_and_compare);
  g_test_add_func ("/conflicts/resolve", test_resolve);
  g_test_add_func ("/conflicts/resolve-refused", test_resolve_refused);
  g_test_add_func ("/conflicts/deleted-branches", test_deleted_branches);

  return g_test_run ();
}
