/* test-print-ui.c — printing and PDF export from the window, and the dialog for several sessions
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print operation runs for real with GTK_PRINT_OPERATION_ACTION_EXPORT (the same signals
 * as printing, to a PDF file); the export goes through the file chooser, answered as a person
 * would. Screenshots of the dialog go to screenshots/ under the build directory.
 */
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sofra-print-dialog.h"
#include "sofra-print-preview.h"
#include "sofra-test-ui.h"
#include "sofra-test-util.h"
#include "sofra-window-print.h"

typedef struct
{
  SofraStore  *store;
  GSettings   *settings;
  SofraWindow *window;
  char        *both_id;
  char        *second_id;
  char        *third_id;
  char        *april_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sofra_test_tmp_path ("sofra.db");

  f->store = sofra_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sofra_store_seed_places (f->store, &error));
  sofra_store_set_author (f->store, "Test", NULL);
  f->settings = g_settings_new ("org.sofra.Sofra");
  g_settings_set_string (f->settings, "organisation-name", "Qendra për Dialog");

  f->both_id = sofra_test_ui_put_json (
    f->store, "{\"type\": \"session\", \"title\": \"Тркалезна маса о слободи кретања\", "
              "\"kind\": \"roundtable\", \"status\": \"held\", \"date\": \"2026-03-14\", "
              "\"place_id\": \"place:mitrovice-jugut\", \"communities\": [\"albanian\", "
              "\"serbian\"], \"summary\": \"Banorët folën për autobusët e mbrëmjes.\"}");
  f->second_id = sofra_test_ui_put_json (
    f->store, "{\"type\": \"session\", \"title\": \"Workshop on language rights\", \"kind\": "
              "\"workshop\", \"status\": \"held\", \"date\": \"2026-03-02\"}");
  f->third_id =
    sofra_test_ui_put_json (f->store,
                            "{\"type\": \"session\", \"title\": \"Takim i të rinjve\", \"kind\": "
                            "\"youth_exchange\", \"status\": \"held\", \"date\": \"2026-03-30\"}");
  f->april_id = sofra_test_ui_put_json (
    f->store, "{\"type\": \"session\", \"title\": \"April meeting\", \"kind\": \"other\", "
              "\"status\": \"held\", \"date\": \"2026-04-02\"}");

  f->window = sofra_test_ui_main_window_new (f->store, f->settings, 1100, 720, "sessions");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sofra_test_ui_wait (50);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  g_free (f->both_id);
  g_free (f->second_id);
  g_free (f->third_id);
  g_free (f->april_id);
}

static char *
pdf_text (const char *pdf)
{
  const char      *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *err = NULL;
  char            *out = NULL;
  int              status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_print_operation (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = sofra_test_tmp_path ("printed.pdf");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  const char             *ids[] = { f->both_id, NULL };
  GtkPrintOperationResult result;

  sofra_window_show_record (f->window, f->both_id);
  sofra_test_ui_wait (100);
  /* Ctrl+P's action is there and enabled on a shown session. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "print.several", NULL));
  sofra_test_ui_wait (100);
  {
    g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (SOFRA_IS_PRINT_DIALOG (l->data))
        gtk_window_destroy (l->data);
  }

  result = sofra_window_print_run (f->window, ids, NULL, NULL, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                   pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Тркалезна маса о слободи кретања"));
  g_assert_nonnull (strstr (text, "Banorët folën për autobusët e mbrëmjes."));
  g_assert_nonnull (strstr (text, "Qendra për Dialog"));
  g_assert_nonnull (strstr (text, "1 of 1"));
}

static gboolean
is_check (GtkWidget *widget, gpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static void
test_several (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = NULL;
  g_auto (GStrv) chosen = NULL;
  g_autoptr (GPtrArray) checks = NULL;
  g_autofree char *folder = sofra_test_tmp_path ("export");
  g_autofree char *pdf = g_build_filename (folder, "period.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *shot = NULL;
  g_autoptr (GFile) folder_file = g_file_new_for_path (folder);
  GtkWidget *chooser;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  sofra_window_show_record (f->window, f->both_id);
  sofra_test_ui_wait (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "print.several", NULL));
  sofra_test_ui_wait (200);
  dialog = sofra_test_ui_find_toplevel (SOFRA_TYPE_PRINT_DIALOG);
  g_assert_nonnull (dialog);
  sofra_test_ui_settle (dialog);

  /* It opens on the month of the session shown, every session of it chosen, oldest first. */
  chosen = sofra_print_dialog_get_chosen (SOFRA_PRINT_DIALOG (dialog));
  g_assert_cmpuint (g_strv_length (chosen), ==, 3);
  g_assert_cmpstr (chosen[0], ==, f->second_id);
  g_assert_cmpstr (chosen[1], ==, f->both_id);
  g_assert_cmpstr (chosen[2], ==, f->third_id);
  shot = sofra_test_ui_screenshot (dialog, "print-several.png");

  /* Unticking a session leaves it out. */
  checks = sofra_test_ui_find_all_sorted (dialog, is_check, NULL);
  g_assert_cmpuint (checks->len, ==, 3);
  gtk_check_button_set_active (g_ptr_array_index (checks, 2), FALSE);
  g_clear_pointer (&chosen, g_strfreev);
  chosen = sofra_print_dialog_get_chosen (SOFRA_PRINT_DIALOG (dialog));
  g_assert_cmpuint (g_strv_length (chosen), ==, 2);
  gtk_check_button_set_active (g_ptr_array_index (checks, 2), TRUE);

  /* Export PDF… goes through the file chooser, answered as a person would. */
  sofra_test_ui_press (sofra_test_ui_find_button (dialog, "Export PDF…"));
  sofra_test_ui_wait (300);
  chooser = sofra_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder_file, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "period.pdf");
  /* The document's language starts as the interface's. */
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language"), ==, "en");
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "language", "en");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  sofra_test_ui_wait (300);

  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  text = pdf_text (pdf);
  /* The whole month was chosen: the document is the period's, each session in it. */
  g_assert_nonnull (strstr (text, "Sessions from 1 March 2026 to 31 March 2026"));
  g_assert_nonnull (strstr (text, "Workshop on language rights"));
  g_assert_nonnull (strstr (text, "Takim i të rinjve"));
  g_assert_null (strstr (text, "April meeting"));
}

typedef struct
{
  Fixture *f;
  gboolean answered;
  char    *screenshot;
} DialogAnswer;

static gboolean
is_notebook (GtkWidget *widget, gpointer data)
{
  return GTK_IS_NOTEBOOK (widget);
}

/* Runs inside the print dialog's own main loop: opens the "Document" tab, types the
 * organisation, takes a screenshot and presses Print. */
static gboolean
answer_print_dialog_cb (gpointer user_data)
{
  DialogAnswer *answer = user_data;
  GType         type = g_type_from_name ("GtkPrintUnixDialog");
  GtkWidget    *dialog = type != 0 ? sofra_test_ui_find_toplevel (type) : NULL;
  g_autoptr (GPtrArray) notebooks = NULL;
  GtkNotebook *notebook;
  GtkWidget   *tab;
  GtkWidget   *entry;

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  notebooks = sofra_test_ui_find_all_sorted (dialog, is_notebook, NULL);
  g_assert_cmpuint (notebooks->len, >, 0);
  notebook = g_ptr_array_index (notebooks, 0);
  tab = NULL;
  for (int i = 0; i < gtk_notebook_get_n_pages (notebook); i++)
    {
      GtkWidget *page = gtk_notebook_get_nth_page (notebook, i);

      if (g_strcmp0 (gtk_notebook_get_tab_label_text (notebook, page), "Document") == 0)
        {
          gtk_notebook_set_current_page (notebook, i);
          tab = page;
        }
    }
  g_assert_nonnull (tab);
  sofra_test_ui_settle (dialog);
  g_assert_nonnull (sofra_test_ui_find_type (tab, GTK_TYPE_DROP_DOWN));
  entry = sofra_test_ui_find_type (tab, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Mreža për Dialog");
  answer->screenshot = sofra_test_ui_screenshot (dialog, "print-dialog-document-tab.png");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  answer->answered = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_print_dialog (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = sofra_test_tmp_path ("to-file.pdf");
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char        *text = NULL;
  g_autofree char        *organisation = NULL;
  const char             *ids[] = { f->both_id, NULL };
  DialogAnswer            answer = { f, FALSE, NULL };
  GtkPrintOperationResult result;

  /* Printing to a file also lists it among the recent files, in this test's home. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  sofra_window_print_set_print_settings (f->window, settings);

  g_timeout_add (500, answer_print_dialog_cb, &answer);
  result = sofra_window_print_run (f->window, ids, NULL, NULL,
                                   GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (answer.answered);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* The file backend writes the job when the operation is done. */
  for (int i = 0; i < 50 && !g_file_test (pdf, G_FILE_TEST_EXISTS); i++)
    sofra_test_ui_wait (100);
  sofra_test_ui_wait (300);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Тркалезна маса о слободи кретања"));
  /* What was typed in the Document tab is on the page, and kept for next time. */
  g_assert_nonnull (strstr (text, "Mreža për Dialog"));
  organisation = g_settings_get_string (f->settings, "organisation-name");
  g_assert_cmpstr (organisation, ==, "Mreža për Dialog");
  g_free (answer.screenshot);
  /* GTK lists the printed file among the recent ones a moment later: let it, while this test's
   * home still exists. */
  sofra_test_ui_wait (2000);
}

typedef struct
{
  gboolean pressed;
  int      n_pages;
  char    *screenshot;
} PreviewCheck;

/* The preview window runs inside the print operation's own main loop: looked at and closed
 * from there, which ends the operation. */
static gboolean
check_preview_cb (gpointer user_data)
{
  PreviewCheck *check = user_data;
  GtkWidget    *preview = sofra_test_ui_find_toplevel (SOFRA_TYPE_PRINT_PREVIEW);

  if (preview == NULL)
    return G_SOURCE_CONTINUE;
  check->n_pages = sofra_print_preview_get_n_pages (SOFRA_PRINT_PREVIEW (preview));
  sofra_test_ui_settle (preview);
  check->screenshot = sofra_test_ui_screenshot (preview, "print-preview.png");
  g_assert_true (gtk_widget_activate_action (preview, "preview.zoom", "d", 0.8));
  gtk_window_close (GTK_WINDOW (preview));
  return G_SOURCE_REMOVE;
}

/* Inside the print dialog's main loop: presses Preview. */
static gboolean
press_preview_cb (gpointer user_data)
{
  PreviewCheck *check = user_data;
  GType         type = g_type_from_name ("GtkPrintUnixDialog");
  GtkWidget    *dialog = type != 0 ? sofra_test_ui_find_toplevel (type) : NULL;

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_APPLY);
  check->pressed = TRUE;
  g_timeout_add (300, check_preview_cb, check);
  return G_SOURCE_REMOVE;
}

static void
test_preview (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char  *ids[] = { f->both_id, f->second_id, NULL };
  PreviewCheck check = { FALSE, 0, NULL };

  g_timeout_add (500, press_preview_cb, &check);
  sofra_window_print_run (f->window, ids, NULL, NULL, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                          &error);
  for (int i = 0; i < 50 && check.screenshot == NULL; i++)
    sofra_test_ui_wait (100);
  g_assert_no_error (error);
  g_assert_true (check.pressed);
  /* Sofra's own preview: the overview and a page for each session. */
  g_assert_cmpint (check.n_pages, ==, 3);
  g_assert_nonnull (check.screenshot);
  sofra_test_ui_wait (100);
  g_assert_null (sofra_test_ui_find_toplevel (SOFRA_TYPE_PRINT_PREVIEW));
  g_free (check.screenshot);
}

static void
test_empty_period (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = sofra_print_dialog_new (f->store, NULL);
  g_auto (GStrv) chosen = NULL;
  GtkWidget *print;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (dialog));
  sofra_print_dialog_set_period (SOFRA_PRINT_DIALOG (dialog), "2025-01-01", "2025-01-31");
  sofra_test_ui_settle (dialog);
  chosen = sofra_print_dialog_get_chosen (SOFRA_PRINT_DIALOG (dialog));
  g_assert_cmpuint (g_strv_length (chosen), ==, 0);
  print = sofra_test_ui_find_button (dialog, "Print…");
  g_assert_nonnull (print);
  g_assert_false (gtk_widget_get_sensitive (print));
  g_assert_nonnull (sofra_test_ui_find_label (dialog, "No sessions in this period"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char *argv[])
{
  sofra_test_ui_init (&argc, &argv);

  g_test_add ("/print-ui/print-operation", Fixture, NULL, fixture_set_up, test_print_operation,
              fixture_tear_down);
  /* print-dialog-ui runs these two in a process of their own (tests/meson.build). */
  g_test_add ("/print-ui/print-dialog/preview", Fixture, NULL, fixture_set_up, test_preview,
              fixture_tear_down);
  g_test_add ("/print-ui/print-dialog/to-file", Fixture, NULL, fixture_set_up, test_print_dialog,
              fixture_tear_down);
  g_test_add ("/print-ui/several", Fixture, NULL, fixture_set_up, test_several, fixture_tear_down);
  g_test_add ("/print-ui/empty-period", Fixture, NULL, fixture_set_up, test_empty_period,
              fixture_tear_down);
  return g_test_run ();
}
