/* test-doc-list.c — the lazy list models: pages, order, identity of items across changes
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
#include "sofra-test-store.h"
#include "sofra-test-util.h"

static void
count_changes (guint *changes)
{
  (*changes)++;
}

static void
test_list_models (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
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
      g_autoptr (JsonObject) s = sofra_test_session (title, date);

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

    sofra_json_copy_members (copy, doc);
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
        g_autoptr (JsonObject) f = sofra_test_parse (docs[i]);

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
  g_autoptr (SofraStore) store = sofra_test_open_store ("a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraDocList) sessions = NULL;
  g_autoptr (GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JsonObject) inserted = sofra_test_session ("Inserted", "2026-01-05");

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-01-%02u", 10 - i);
      g_autoptr (JsonObject) s = sofra_test_session ("Session", date);

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

int
main (int argc, char *argv[])
{
  sofra_test_init (&argc, &argv);

  g_test_add_func ("/lists/lazy-pages", test_list_models);
  g_test_add_func ("/lists/insert-keeps-items", test_list_insert_keeps_items);

  return g_test_run ();
}
