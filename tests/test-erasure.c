/* test-erasure.c — an erased participant leaves nothing of themselves in the database file
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "sofra-records.h"
#include "sofra-store-sync.h"
#include "sofra-test-store.h"

/* The name and the note's words are each stored in full somewhere before the erasure (a test
 * that could not see them would prove nothing), in their original and folded forms. */
static const char *const traces[] = {
  "Qqxvesna", "qqxvesna", "Qqxerasedova", "qqxerasedova", "Qqxnotetext", "qqxnotetext",
};

static guint
count_traces (const char *db_path)
{
  const char *suffixes[] = { "", "-wal" };
  guint       found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *bytes = NULL;
      gsize            length = 0;

      if (!g_file_get_contents (path, &bytes, &length, NULL))
        continue;
      for (guint t = 0; t < G_N_ELEMENTS (traces); t++)
        if (memmem (bytes, length, traces[t], strlen (traces[t])) != NULL)
          {
            g_test_message ("%s holds “%s”", path, traces[t]);
            found++;
          }
    }
  return found;
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
put_people_and_note (SofraStore *store)
{
  g_autoptr (JsonObject) person = sofra_test_participant ("Qqxvesna Qqxerasedova", "P-QX7K");
  g_autoptr (JsonObject) note = NULL;
  g_autofree char *json = NULL;
  char            *id;

  /* Others around her, so the index has several segments and shared word prefixes. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Arta Krasniqi %u", i);
      g_autofree char *code = g_strdup_printf ("P-%04X", i);
      g_autoptr (JsonObject) other = sofra_test_participant (name, code);
      g_autofree char *other_id = put (store, other);
    }
  id = put (store, person);
  json = g_strdup_printf ("{\"type\":\"note\",\"participant_id\":\"%s\",\"date\":\"2026-03-04\","
                          "\"text\":\"Qqxnotetext about her family\",\"visibility\":\"shared\"}",
                          id);
  note = sofra_test_parse (json);
  g_free (put (store, note));
  /* An edit leaves an earlier body behind, as real records have. */
  json_object_set_string_member (person, "organisation", "Qqxvesna's own group");
  g_assert_true (sofra_store_put (store, person, NULL));
  return id;
}

static void
test_no_trace (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("erase.db");
  g_autofree char *path = g_strdup (sofra_store_get_path (store));
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = put_people_and_note (store);

  g_assert_cmpuint (count_traces (path), >=, G_N_ELEMENTS (traces));

  g_assert_true (sofra_store_erase_participant (store, id, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpuint (count_traces (path), ==, 0);

  /* The store still works and still finds the others. */
  store = sofra_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sofra_store_check (store, report, &error));
  g_assert_no_error (error);
  g_assert_null (sofra_store_get (store, id, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/erasure/no-trace-in-the-file", test_no_trace);
  return g_test_run ();
}
