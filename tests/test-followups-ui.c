/* test-followups-ui.c — the follow-ups view on a real window: order, overdue, "Done", autosave
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "sofra-followup-row.h"
#include "sofra-followups-view.h"
#include "sofra-records.h"
#include "sofra-store.h"
#include "sofra-test-ui.h"
#include "sofra-test-util.h"
#include "sofra-window.h"

typedef struct
{
  SofraStore *store;
  GSettings  *settings;
  GtkWindow  *window;
  GtkWidget  *view;
  char       *overdue_id;
  char       *soon_id;
  char       *undated_id;
  char       *done_id;
  char       *dropped_id;
  char       *session_id;
  char       *other_session_id;
  char       *participant_id;
} Fixture;

static char *
followup_json (const char *what, const char *status, const char *due, const char *session_id)
{
  GString *json = g_string_new ("{\"type\": \"followup\", ");

  g_string_append_printf (json, "\"what\": \"%s\", \"status\": \"%s\", \"owner\": \"Arta\"", what,
                          status);
  if (due != NULL)
    g_string_append_printf (json, ", \"due_date\": \"%s\"", due);
  if (session_id != NULL)
    g_string_append_printf (json, ", \"session_id\": \"%s\"", session_id);
  if (g_str_equal (status, "done"))
    g_string_append_printf (json, ", \"completed_on\": \"%s\"", due);
  g_string_append (json, ", \"priority\": \"high\"}");
  return g_string_free (json, FALSE);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sofra_test_tmp_path ("sofra.db");
  g_autofree char *past = sofra_test_ui_date (-3);
  g_autofree char *long_ago = sofra_test_ui_date (-10);
  g_autofree char *soon = sofra_test_ui_date (5);
  g_autofree char *json = NULL;

  f->store = sofra_store_open (path, &error);
  g_assert_no_error (error);
  sofra_store_set_author (f->store, "Test", NULL);
  f->settings = g_settings_new ("org.sofra.Sofra");
  g_settings_set_string (f->settings, "staff-name", "Besa Krasniqi");

  f->session_id = sofra_test_ui_put_json (f->store,
                                          "{\"type\": \"session\", \"title\": \"Roundtable on "
                                          "freedom of movement\", \"kind\": \"roundtable\", "
                                          "\"status\": \"held\", \"date\": \"2026-03-14\"}");
  json = followup_json ("Call the mayor's office", "open", NULL, NULL);
  f->undated_id = sofra_test_ui_put_json (f->store, json);
  g_free (json);
  json = followup_json ("Book the venue in Mitrovicë/Mitrovica", "in_progress", soon, NULL);
  f->soon_id = sofra_test_ui_put_json (f->store, json);
  g_free (json);
  json = followup_json ("Send the minutes in both languages", "open", past, f->session_id);
  f->overdue_id = sofra_test_ui_put_json (f->store, json);
  g_free (json);
  json = followup_json ("Print the photos", "done", long_ago, NULL);
  f->done_id = sofra_test_ui_put_json (f->store, json);
  g_free (json);
  json = followup_json ("Second visit to Zvečan", "dropped", NULL, NULL);
  f->dropped_id = sofra_test_ui_put_json (f->store, json);

  f->other_session_id = sofra_test_ui_put_json (f->store,
                                                "{\"type\": \"session\", \"title\": \"Community "
                                                "meeting in Graçanicë/Gračanica\", \"kind\": "
                                                "\"community_meeting\", \"status\": \"held\", "
                                                "\"date\": \"2026-04-02\"}");
  f->participant_id = sofra_test_ui_put_json (f->store,
                                              "{\"type\": \"participant\", \"name\": \"Milica "
                                              "Stojanović\", \"code\": \"P-MC4K\"}");
  /* In the real window, so toasts and their Undo buttons are the ones a person sees. */
  f->window = GTK_WINDOW (
    sofra_test_ui_main_window_new (f->store, f->settings,
                                   data != NULL ? GPOINTER_TO_INT (data) : 1100, 720, "followups"));
  f->view = sofra_test_ui_find_type (GTK_WIDGET (f->window), SOFRA_TYPE_FOLLOWUPS_VIEW);
  g_assert_nonnull (f->view);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  sofra_test_ui_wait (100);
  g_clear_object (&f->settings);
  g_assert_finalize_object (f->store);
  g_free (f->overdue_id);
  g_free (f->soon_id);
  g_free (f->undated_id);
  g_free (f->done_id);
  g_free (f->dropped_id);
  g_free (f->session_id);
  g_free (f->other_session_id);
  g_free (f->participant_id);
}

static gboolean
is_followup_row (GtkWidget *widget, gpointer data)
{
  return SOFRA_IS_FOLLOWUP_ROW (widget) && sofra_followup_row_get_id (SOFRA_FOLLOWUP_ROW (widget));
}

/* The rows on screen, top to bottom. */
static GPtrArray *
visible_rows (Fixture *f)
{
  sofra_test_ui_settle (f->view);
  return sofra_test_ui_find_all_sorted (f->view, is_followup_row, NULL);
}

static const char *
row_id (GPtrArray *rows, guint i)
{
  return sofra_followup_row_get_id (g_ptr_array_index (rows, i));
}

static void
test_order_and_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = visible_rows (f);
  g_autoptr (GPtrArray) all = NULL;
  GtkWidget       *overdue_row;
  GtkWidget       *show_done;
  g_autofree char *path = NULL;

  /* Open and in progress only, by due date, undated last. */
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row_id (rows, 0), ==, f->overdue_id);
  g_assert_cmpstr (row_id (rows, 1), ==, f->soon_id);
  g_assert_cmpstr (row_id (rows, 2), ==, f->undated_id);

  overdue_row = g_ptr_array_index (rows, 0);
  g_assert_true (sofra_followup_row_get_overdue (SOFRA_FOLLOWUP_ROW (overdue_row)));
  g_assert_true (gtk_widget_has_css_class (overdue_row, "overdue"));
  g_assert_nonnull (sofra_test_ui_find_label (overdue_row, "Overdue"));
  g_assert_nonnull (
    sofra_test_ui_find_label (overdue_row, "Session: Roundtable on freedom of movement"));
  g_assert_nonnull (sofra_test_ui_find_label (overdue_row, "Owner: Arta"));
  g_assert_false (sofra_followup_row_get_overdue (g_ptr_array_index (rows, 1)));
  g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (rows, 1), "overdue"));

  path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "followups-open.png");
  g_test_message ("screenshot: %s", path);

  /* The switch brings done and dropped ones, after the open ones. */
  show_done = sofra_test_ui_find_type (f->view, GTK_TYPE_SWITCH);
  g_assert_nonnull (show_done);
  gtk_switch_set_active (GTK_SWITCH (show_done), TRUE);
  sofra_test_ui_wait (100);
  all = visible_rows (f);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpstr (row_id (all, 0), ==, f->overdue_id);
  g_assert_cmpstr (row_id (all, 1), ==, f->soon_id);
  g_assert_cmpstr (row_id (all, 2), ==, f->undated_id);
  g_assert_cmpstr (row_id (all, 3), ==, f->done_id);
  g_assert_cmpstr (row_id (all, 4), ==, f->dropped_id);
  /* Done is never overdue, however old its due date. */
  g_assert_false (sofra_followup_row_get_overdue (g_ptr_array_index (all, 3)));
  g_clear_pointer (&path, g_free);
  path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "followups-all.png");
  g_test_message ("screenshot: %s", path);
}

static void
test_done_check (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = visible_rows (f);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *today = sofra_test_ui_date (0);
  GtkWidget       *check;

  g_assert_cmpstr (row_id (rows, 0), ==, f->overdue_id);
  check = sofra_test_ui_find_type (g_ptr_array_index (rows, 0), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* One click, as a person would: the check button's own activation. */
  gtk_widget_activate (check);
  sofra_test_ui_wait (100);

  doc = sofra_store_get (f->store, f->overdue_id, NULL);
  g_assert_nonnull (doc);
  g_assert_cmpstr (json_object_get_string_member (doc, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (doc, "completed_on"), ==, today);

  after = visible_rows (f);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (row_id (after, 0), ==, f->soon_id);
  g_assert_cmpstr (row_id (after, 1), ==, f->undated_id);

  /* Undo in the toast puts it back as it was. */
  sofra_test_ui_press (sofra_test_ui_find_button (GTK_WIDGET (f->window), "Undo"));
  sofra_test_ui_wait (100);
  g_clear_pointer (&doc, json_object_unref);
  doc = sofra_store_get (f->store, f->overdue_id, NULL);
  g_assert_cmpstr (json_object_get_string_member (doc, "status"), ==, "open");
  g_assert_false (json_object_has_member (doc, "completed_on"));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = visible_rows (f);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpstr (row_id (after, 0), ==, f->overdue_id);
}

static void
test_editor_autosave (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) rows_after = NULL;
  GtkWidget       *owner;
  GtkWidget       *what;
  guint            before = sofra_store_count (f->store, SOFRA_TYPE_FOLLOWUP);
  g_autofree char *path = NULL;

  /* Choosing a row opens it in the editor. */
  rows = visible_rows (f);
  sofra_test_ui_click (g_ptr_array_index (rows, 1));
  sofra_test_ui_wait (100);
  g_assert_cmpstr (sofra_followups_view_get_followup_id (SOFRA_FOLLOWUPS_VIEW (f->view)), ==,
                   f->soon_id);

  owner = sofra_test_ui_find_entry_row (f->view, "Owner");
  g_assert_nonnull (owner);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, "Arta");
  gtk_editable_set_text (GTK_EDITABLE (owner), "Dragana Petrović");

  /* Saved by the timer, without a flush. */
  g_assert_true (
    sofra_test_ui_wait_for_field (f->store, f->soon_id, "owner", "Dragana Petrović", 3000));
  /* The row in the list follows its document. */
  sofra_test_ui_wait (50);
  g_assert_nonnull (
    sofra_test_ui_find_label (g_ptr_array_index (rows, 1), "Owner: Dragana Petrović"));

  path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "followups-editor.png");
  g_test_message ("screenshot: %s", path);

  /* A new follow-up is written once it says what is to be done. */
  gtk_widget_activate_action (f->view, "followups.new", NULL);
  sofra_test_ui_wait (50);
  g_assert_null (sofra_followups_view_get_followup_id (SOFRA_FOLLOWUPS_VIEW (f->view)));
  owner = sofra_test_ui_find_entry_row (f->view, "Owner");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, "Besa Krasniqi");
  what = sofra_test_ui_find_entry_row (f->view, "What is to be done");
  gtk_editable_set_text (GTK_EDITABLE (what), "Share the report with the partners");
  sofra_followups_view_flush (SOFRA_FOLLOWUPS_VIEW (f->view));
  g_assert_cmpuint (sofra_store_count (f->store, SOFRA_TYPE_FOLLOWUP), ==, before + 1);
  g_assert_nonnull (sofra_followups_view_get_followup_id (SOFRA_FOLLOWUPS_VIEW (f->view)));
  doc = sofra_store_get (f->store,
                         sofra_followups_view_get_followup_id (SOFRA_FOLLOWUPS_VIEW (f->view)),
                         NULL);
  g_assert_cmpstr (json_object_get_string_member (doc, "what"), ==,
                   "Share the report with the partners");
  g_assert_cmpstr (json_object_get_string_member (doc, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (doc, "owner"), ==, "Besa Krasniqi");
  sofra_test_ui_wait (100);
  rows_after = visible_rows (f);
  g_assert_cmpuint (rows_after->len, ==, 4);
}

static gboolean
is_list_view (GtkWidget *widget, gpointer data)
{
  return GTK_IS_LIST_VIEW (widget);
}

/* Opens the popover of @menu_button and picks its list's row @position. */
static void
pick_from (GtkWidget *menu_button, const char *screenshot, guint position)
{
  GtkPopover *popover;
  g_autoptr (GPtrArray) lists = NULL;
  g_autofree char *path = NULL;

  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  sofra_test_ui_wait (200);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  lists = sofra_test_ui_find_all_sorted (GTK_WIDGET (popover), is_list_view, NULL);
  g_assert_cmpuint (lists->len, ==, 1);
  if (screenshot != NULL)
    {
      path = sofra_test_ui_screenshot (GTK_WIDGET (popover), screenshot);
      g_test_message ("screenshot: %s", path);
    }
  g_signal_emit_by_name (g_ptr_array_index (lists, 0), "activate", position);
  sofra_test_ui_wait (100);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (popover)));
}

static gboolean
is_picker_button (GtkWidget *widget, gpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && sofra_test_ui_find_label (widget, data) != NULL;
}

static void
test_editor_links (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GPtrArray) session_buttons = NULL;
  g_autoptr (GPtrArray) add_buttons = NULL;
  JsonArray       *participants;
  g_autofree char *path = NULL;

  sofra_followups_view_show (SOFRA_FOLLOWUPS_VIEW (f->view), f->overdue_id);
  sofra_test_ui_wait (100);

  /* The session picker reads the linked session; sessions are listed newest first. */
  session_buttons =
    sofra_test_ui_find_all_sorted (f->view, is_picker_button,
                                   "Roundtable on freedom of movement — Sat 14 Mar 2026");
  g_assert_cmpuint (session_buttons->len, ==, 1);
  pick_from (g_ptr_array_index (session_buttons, 0), "followups-session-picker.png", 0);
  sofra_followups_view_flush (SOFRA_FOLLOWUPS_VIEW (f->view));
  doc = sofra_store_get (f->store, f->overdue_id, NULL);
  g_assert_cmpstr (json_object_get_string_member (doc, "session_id"), ==, f->other_session_id);
  g_clear_pointer (&doc, json_object_unref);

  add_buttons = sofra_test_ui_find_all_sorted (f->view, is_picker_button, "Add");
  g_assert_cmpuint (add_buttons->len, ==, 1);
  pick_from (g_ptr_array_index (add_buttons, 0), NULL, 0);
  sofra_followups_view_flush (SOFRA_FOLLOWUPS_VIEW (f->view));
  doc = sofra_store_get (f->store, f->overdue_id, NULL);
  participants = json_object_get_array_member (doc, "participant_ids");
  g_assert_cmpuint (json_array_get_length (participants), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (participants, 0), ==, f->participant_id);
  g_assert_nonnull (sofra_test_ui_find_label (f->view, "Milica Stojanović"));

  sofra_test_ui_scroll_to (sofra_test_ui_find_label (f->view, "Milica Stojanović"));
  path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "followups-editor-links.png");
  g_test_message ("screenshot: %s", path);
}

static void
test_invalid_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = visible_rows (f);
  g_autoptr (JsonObject) doc = NULL;
  GtkWidget       *what;
  g_autofree char *path = NULL;

  sofra_test_ui_click (g_ptr_array_index (rows, 1));
  sofra_test_ui_wait (100);
  what = sofra_test_ui_find_entry_row (f->view, "What is to be done");
  gtk_editable_set_text (GTK_EDITABLE (what), "");
  sofra_test_ui_wait (900);

  /* The store refuses an empty "what": the reason is shown where the person looks. */
  g_assert_nonnull (sofra_test_ui_find_label (f->view, "“What is to be done” must not be empty."));
  g_assert_true (gtk_widget_has_css_class (what, "error"));
  path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "followups-invalid.png");
  g_test_message ("screenshot: %s", path);

  /* Choosing another follow-up does not throw the edit away: the editor stays. */
  sofra_test_ui_click (g_ptr_array_index (rows, 2));
  sofra_test_ui_wait (100);
  g_assert_cmpstr (sofra_followups_view_get_followup_id (SOFRA_FOLLOWUPS_VIEW (f->view)), ==,
                   f->soon_id);
  g_assert_true (what == sofra_test_ui_find_entry_row (f->view, "What is to be done"));

  gtk_editable_set_text (GTK_EDITABLE (what), "Book the venue in Graçanicë/Gračanica");
  sofra_followups_view_flush (SOFRA_FOLLOWUPS_VIEW (f->view));
  doc = sofra_store_get (f->store, f->soon_id, NULL);
  g_assert_cmpstr (json_object_get_string_member (doc, "what"), ==,
                   "Book the venue in Graçanicë/Gračanica");
  sofra_test_ui_wait (600);
  g_assert_null (sofra_test_ui_find_label (f->view, "“What is to be done” must not be empty."));

  sofra_test_ui_click (g_ptr_array_index (rows, 2));
  sofra_test_ui_wait (100);
  g_assert_cmpstr (sofra_followups_view_get_followup_id (SOFRA_FOLLOWUPS_VIEW (f->view)), ==,
                   f->undated_id);
}

static void
test_narrow (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = visible_rows (f);
  AdwLeaflet      *leaflet = ADW_LEAFLET (sofra_test_ui_find_type (f->view, ADW_TYPE_LEAFLET));
  g_autofree char *list_path = NULL;
  g_autofree char *editor_path = NULL;

  /* On a narrow window the list and the editor take turns. */
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpuint (rows->len, ==, 3);
  list_path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "followups-narrow-list.png");
  g_test_message ("screenshot: %s", list_path);

  sofra_test_ui_click (g_ptr_array_index (rows, 0));
  sofra_test_ui_wait (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "editor");
  g_assert_nonnull (sofra_test_ui_find_entry_row (f->view, "What is to be done"));
  editor_path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "followups-narrow-editor.png");
  g_test_message ("screenshot: %s", editor_path);

  gtk_widget_activate_action (f->view, "followups.back", NULL);
  sofra_test_ui_wait (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
}

static void
test_empty (void)
{
  g_autofree char *db = sofra_test_tmp_path ("empty.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraStore) store = sofra_store_open (db, &error);
  g_autoptr (GSettings) settings = g_settings_new ("org.sofra.Sofra");
  g_autofree char *path = NULL;
  GtkWindow       *window;
  GtkWidget       *view;

  g_assert_no_error (error);
  window = GTK_WINDOW (sofra_test_ui_main_window_new (store, settings, 1100, 720, "followups"));
  view = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_FOLLOWUPS_VIEW);
  sofra_test_ui_settle (view);

  g_assert_nonnull (sofra_test_ui_find_label (view, "No Open Follow-ups"));
  path = sofra_test_ui_screenshot (GTK_WIDGET (window), "followups-empty.png");
  g_test_message ("screenshot: %s", path);

  /* The empty page's own button starts one. */
  sofra_test_ui_press (sofra_test_ui_find_button (view, "New Follow-up"));
  sofra_test_ui_settle (view);
  g_assert_nonnull (sofra_test_ui_find_entry_row (view, "What is to be done"));

  gtk_window_destroy (window);
  sofra_test_ui_wait (100);
}

int
main (int argc, char *argv[])
{
  sofra_test_ui_init (&argc, &argv);

  g_test_add ("/followups-ui/order-and-overdue", Fixture, NULL, fixture_set_up,
              test_order_and_overdue, fixture_tear_down);
  g_test_add ("/followups-ui/done-check", Fixture, NULL, fixture_set_up, test_done_check,
              fixture_tear_down);
  g_test_add ("/followups-ui/editor-autosave", Fixture, NULL, fixture_set_up, test_editor_autosave,
              fixture_tear_down);

  g_test_add ("/followups-ui/editor-links", Fixture, NULL, fixture_set_up, test_editor_links,
              fixture_tear_down);

  g_test_add ("/followups-ui/invalid-kept", Fixture, NULL, fixture_set_up, test_invalid_kept,
              fixture_tear_down);

  g_test_add ("/followups-ui/narrow", Fixture, GINT_TO_POINTER (480), fixture_set_up, test_narrow,
              fixture_tear_down);

  g_test_add_func ("/followups-ui/empty", test_empty);

  return g_test_run ();
}
