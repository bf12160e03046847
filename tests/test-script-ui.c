/* test-script-ui.c — "Show Serbian text in": lists and pages change script at once, bytes don't
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (tests/run-ui-test.sh) on the real main window. Screenshots land in
 * screenshots/ under the build directory of the tests.
 */
#include <adwaita.h>
#include <string.h>

#include "sofra-conflicts-window.h"
#include "sofra-doc-picker.h"
#include "sofra-gui-util.h"
#include "sofra-participants-view.h"
#include "sofra-sessions-view.h"
#include "sofra-print-dialog.h"
#include "sofra-store.h"
#include "sofra-test-store.h"
#include "sofra-test-ui.h"
#include "sofra-test-util.h"
#include "sofra-window.h"

#define TITLE_CYR "Дијалог у Митровици о слободи кретања"
#define TITLE_LAT "Dijalog u Mitrovici o slobodi kretanja"
#define NAME_LAT  "Dragana Ćirić Njegić"
#define NAME_CYR  "Драгана Ћирић Његић"
#define NOTE_CYR  "Љиљана је предложила нови састанак."
#define NOTE_LAT  "Ljiljana je predložila novi sastanak."

typedef struct
{
  char        *path;
  SofraStore  *store;
  GSettings   *settings;
  SofraWindow *window;
  char        *session_id;
  char        *participant_id;
} Fixture;

/* SHA-256 of the database file and its WAL, so any write shows. */
static char *
database_digest (const char *path)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize            len = 0;

      if (g_file_get_contents (file, &contents, &len, NULL))
        g_checksum_update (sum, (const guchar *) contents, len);
      g_checksum_update (sum, (const guchar *) "|", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;

  f->path = sofra_test_tmp_path ("sofra.db");
  f->store = sofra_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (sofra_store_seed_places (f->store, &error));
  sofra_store_set_author (f->store, "Test", NULL);
  f->settings = g_settings_new ("org.sofra.Sofra");
  g_settings_set_string (f->settings, "serbian-script", "as-typed");

  f->session_id = sofra_test_ui_put_json (f->store,
                                          "{\"type\": \"session\", \"title\": \"" TITLE_CYR
                                          "\", \"kind\": \"roundtable\","
                                          " \"status\": \"held\", \"date\": \"2026-03-01\","
                                          " \"place_id\": \"place:mitrovice-veriut\"}");
  f->participant_id = sofra_test_ui_put_json (f->store,
                                              "{\"type\": \"participant\", \"name\": \"" NAME_LAT
                                              "\", \"code\": \"P-7JJ9\","
                                              " \"community\": \"serbian\"}");
  json = g_strdup_printf ("{\"type\": \"attendance\", \"session_id\": \"%s\", \"participant_id\":"
                          " \"%s\", \"role\": \"participant\"}",
                          f->session_id, f->participant_id);
  g_free (sofra_test_ui_put_json (f->store, json));
  g_free (json);
  json = g_strdup_printf ("{\"type\": \"note\", \"session_id\": \"%s\", \"participant_id\": \"%s\","
                          " \"date\": \"2026-03-01\", \"text\": \"" NOTE_CYR "\","
                          " \"visibility\": \"shared\"}",
                          f->session_id, f->participant_id);
  g_free (sofra_test_ui_put_json (f->store, json));

  f->window = sofra_test_ui_main_window_new (f->store, f->settings, 1280, 800, "sessions");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sofra_test_ui_wait (50);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  g_free (f->session_id);
  g_free (f->participant_id);
  g_free (f->path);
}

static void
set_script (Fixture *f, const char *script)
{
  g_settings_set_string (f->settings, "serbian-script", script);
  sofra_test_ui_settle (GTK_WIDGET (f->window));
}

static gboolean
is_action_row_titled (GtkWidget *widget, gpointer data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_action_row_subtitled (GtkWidget *widget, gpointer data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), data) == 0;
}

static gboolean
is_label_containing (GtkWidget *widget, gpointer data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
has_row (GtkWidget *root, SofraTestUiMatch match, const char *text)
{
  g_autoptr (GPtrArray) found = sofra_test_ui_find_all_sorted (root, match, (gpointer) text);
  return found->len > 0;
}

/* The session list row and the session page follow the setting at once; the title entry keeps
 * the stored text; the database file does not change. */
static void
test_session_list_and_page (Fixture *f, gconstpointer data)
{
  GtkWidget       *root = GTK_WIDGET (f->window);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (JsonObject) doc_before = sofra_store_get (f->store, f->session_id, NULL);
  g_autoptr (JsonObject) doc_after = NULL;
  GtkWidget *entry;

  g_assert_nonnull (sofra_test_ui_find_label (root, TITLE_CYR));
  g_assert_null (sofra_test_ui_find_label (root, TITLE_LAT));
  before = database_digest (f->path);

  set_script (f, "latin");
  g_assert_nonnull (sofra_test_ui_find_label (root, TITLE_LAT));
  g_assert_null (sofra_test_ui_find_label (root, TITLE_CYR));
  g_free (sofra_test_ui_screenshot (root, "script-sessions-latin.png"));

  /* Open the session: the heading is in Latin, the editable title as stored. */
  sofra_window_show_record (f->window, f->session_id);
  sofra_test_ui_settle (root);
  sofra_test_ui_wait (200);
  g_assert_nonnull (sofra_test_ui_find_label (root, TITLE_LAT));
  entry = sofra_test_ui_find_entry_row (root, "Title");
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, TITLE_CYR);
  /* The note, shown read-only, and the attendance row follow too. */
  g_assert_true (has_row (root, is_action_row_subtitled, NOTE_LAT));
  g_assert_true (has_row (root, is_action_row_titled, NAME_LAT));

  set_script (f, "cyrillic");
  /* Only the Serbian half of a place's name changes script. */
  g_assert_true (has_row (root, is_label_containing, "Mitrovicë e Veriut/Северна Митровица"));
  g_assert_true (has_row (root, is_action_row_subtitled, NOTE_CYR));
  g_assert_true (has_row (root, is_action_row_titled, NAME_CYR));
  g_assert_null (sofra_test_ui_find_label (root, TITLE_LAT));
  g_free (sofra_test_ui_screenshot (root, "script-session-cyrillic.png"));

  set_script (f, "as-typed");
  g_assert_true (has_row (root, is_action_row_subtitled, NOTE_CYR));
  g_assert_true (has_row (root, is_action_row_titled, NAME_LAT));

  sofra_window_flush (f->window);
  sofra_test_ui_wait (700);
  after = database_digest (f->path);
  g_assert_cmpstr (after, ==, before);
  doc_after = sofra_store_get (f->store, f->session_id, NULL);
  g_assert_cmpstr (json_object_get_string_member (doc_after, "_rev"), ==,
                   json_object_get_string_member (doc_before, "_rev"));
  g_assert_cmpstr (json_object_get_string_member (doc_after, "title"), ==, TITLE_CYR);
}

/* The participants list: a Latin name shown in Cyrillic; the pseudonym code never changes. */
static void
test_participant_list (Fixture *f, gconstpointer data)
{
  GtkWidget       *root = GTK_WIDGET (f->window);
  g_autofree char *before = database_digest (f->path);
  g_autofree char *after = NULL;

  sofra_window_show_record (f->window, f->participant_id);
  sofra_test_ui_settle (root);
  g_assert_nonnull (sofra_test_ui_find_label (root, NAME_LAT));

  set_script (f, "cyrillic");
  g_assert_nonnull (sofra_test_ui_find_label (root, NAME_CYR));
  g_assert_null (sofra_test_ui_find_label (root, NAME_LAT));
  g_assert_nonnull (sofra_test_ui_find_label (root, "P-7JJ9"));
  g_assert_cmpstr (gtk_editable_get_text (
                     GTK_EDITABLE (sofra_test_ui_find_entry_row (root, "Name as written"))),
                   ==, NAME_LAT);
  g_free (sofra_test_ui_screenshot (root, "script-participants-cyrillic.png"));

  after = database_digest (f->path);
  g_assert_cmpstr (after, ==, before);
}

static gboolean
is_window_title_titled (GtkWidget *widget, gpointer data)
{
  return ADW_IS_WINDOW_TITLE (widget) &&
         g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), data) == 0;
}

/* The document picker's button, the print dialog's session list and the conflicts window
 * (list, heading, the two versions) follow the setting; the merge editor keeps stored text. */
static void
test_picker_print_conflicts (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rev = NULL;
  GtkWidget       *picker = sofra_doc_picker_new (f->store, SOFRA_DOC_LIST_SESSIONS);
  GtkWidget       *holder = gtk_window_new ();
  GtkWidget       *print, *conflicts, *editor;

  gtk_window_set_child (GTK_WINDOW (holder), picker);
  sofra_doc_picker_set_selected_id (SOFRA_DOC_PICKER (picker), f->session_id);
  gtk_window_present (GTK_WINDOW (holder));
  sofra_test_ui_settle (holder);
  g_assert_true (has_row (picker, is_label_containing, TITLE_CYR));
  set_script (f, "latin");
  g_assert_true (has_row (picker, is_label_containing, TITLE_LAT));
  g_assert_false (has_row (picker, is_label_containing, TITLE_CYR));

  print = sofra_print_dialog_new (f->store, f->session_id);
  gtk_window_present (GTK_WINDOW (print));
  sofra_test_ui_settle (print);
  g_assert_true (has_row (print, is_action_row_titled, TITLE_LAT));
  set_script (f, "cyrillic");
  g_assert_true (has_row (print, is_action_row_titled, TITLE_CYR));
  g_assert_false (has_row (print, is_action_row_titled, TITLE_LAT));
  gtk_window_destroy (GTK_WINDOW (print));

  /* Another office wrote the title in Latin: both versions are shown in Cyrillic. */
  rev = sofra_test_make_conflict (f->store, f->session_id, "title", TITLE_LAT " 2");
  before = database_digest (f->path);
  conflicts = sofra_conflicts_window_new (GTK_WINDOW (f->window), f->store);
  gtk_window_set_default_size (GTK_WINDOW (conflicts), 1280, 800);
  gtk_window_present (GTK_WINDOW (conflicts));
  sofra_conflicts_window_show_record (SOFRA_CONFLICTS_WINDOW (conflicts), f->session_id);
  sofra_test_ui_settle (conflicts);
  g_assert_true (has_row (conflicts, is_action_row_titled, TITLE_CYR));
  g_assert_true (has_row (conflicts, is_action_row_titled, TITLE_CYR " 2"));
  g_assert_true (has_row (conflicts, is_window_title_titled, TITLE_CYR));
  set_script (f, "latin");
  g_assert_true (has_row (conflicts, is_action_row_titled, TITLE_LAT " 2"));
  g_assert_false (has_row (conflicts, is_action_row_titled, TITLE_CYR));
  g_assert_true (has_row (conflicts, is_window_title_titled, TITLE_LAT));
  editor = sofra_test_ui_find_entry_row (conflicts, "Merged value (you can edit it)");
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, TITLE_CYR);
  g_free (sofra_test_ui_screenshot (conflicts, "script-conflicts-latin.png"));
  gtk_window_destroy (GTK_WINDOW (conflicts));
  sofra_test_ui_wait (50);

  after = database_digest (f->path);
  g_assert_cmpstr (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (holder));
}

/* The Preferences row writes the setting, and reads it back. */
static void
test_preferences_row (Fixture *f, gconstpointer data)
{
  GtkWidget       *row = sofra_gui_script_row_new (f->settings);
  g_autofree char *stored = NULL;

  g_object_ref_sink (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, SOFRA_SCRIPT_AS_TYPED);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), SOFRA_SCRIPT_CYRILLIC);
  stored = g_settings_get_string (f->settings, "serbian-script");
  g_assert_cmpstr (stored, ==, "cyrillic");
  g_assert_cmpint (sofra_gui_serbian_script (), ==, SOFRA_SCRIPT_CYRILLIC);
  g_settings_set_string (f->settings, "serbian-script", "latin");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, SOFRA_SCRIPT_LATIN);
  g_object_unref (row);
}

int
main (int argc, char **argv)
{
  sofra_test_ui_init (&argc, &argv);
  g_test_add ("/script/session-list-and-page", Fixture, NULL, fixture_set_up,
              test_session_list_and_page, fixture_tear_down);
  g_test_add ("/script/participant-list", Fixture, NULL, fixture_set_up, test_participant_list,
              fixture_tear_down);
  g_test_add ("/script/picker-print-conflicts", Fixture, NULL, fixture_set_up,
              test_picker_print_conflicts, fixture_tear_down);
  g_test_add ("/script/preferences-row", Fixture, NULL, fixture_set_up, test_preferences_row,
              fixture_tear_down);
  return g_test_run ();
}
