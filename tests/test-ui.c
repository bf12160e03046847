/* test-ui.c — the main window end to end: new session, title, quick add, follow-up, reopen
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (tests/run-ui-test.sh). Drives the real widgets through their actions and
 * signals, then closes the window, reopens the database and checks that everything is in the
 * store and on screen. Screenshots land in tests/screenshots/ under the build directory.
 */
#include <adwaita.h>

#include "sofra-gui-util.h"
#include "sofra-preferences-window.h"
#include "sofra-records.h"
#include "sofra-session-page.h"
#include "sofra-sessions-view.h"
#include "sofra-store.h"
#include "sofra-test-store.h"
#include "sofra-test-ui.h"
#include "sofra-test-util.h"
#include "sofra-vocab.h"
#include "sofra-window.h"

#define TITLE       "Roundtable on freedom of movement"
#define PARTICIPANT "Dragana Ćirić"
#define FOLLOWUP    "Send the minutes to both municipalities"

static void
close_window (SofraWindow *window)
{
  g_autoptr (GtkWidget) ref = g_object_ref (GTK_WIDGET (window));

  gtk_window_close (GTK_WINDOW (window));
  sofra_test_ui_wait (100);
  gtk_window_destroy (GTK_WINDOW (ref));
  sofra_test_ui_wait (100);
}

static gboolean
match_menu_button (GtkWidget *widget, gpointer data)
{
  const char *label = data;
  GtkWidget  *content;

  if (!GTK_IS_MENU_BUTTON (widget))
    return FALSE;
  content = sofra_test_ui_find_type (widget, ADW_TYPE_BUTTON_CONTENT);
  return content != NULL &&
         g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (content)), label) == 0;
}

/* Opens the popover of the menu button labelled @label and returns the popover. */
static GtkWidget *
open_menu_button (GtkWidget *root, const char *label)
{
  g_autoptr (GPtrArray)
    found = sofra_test_ui_find_all_sorted (root, match_menu_button, (gpointer) label);
  GtkMenuButton *button;

  g_assert_cmpuint (found->len, >=, 1);
  button = g_ptr_array_index (found, 0);
  /* Focus scrolls the page to the button, so the popover has a place on the screen. */
  gtk_widget_grab_focus (GTK_WIDGET (button));
  sofra_test_ui_wait (200);
  gtk_menu_button_popup (button);
  sofra_test_ui_wait (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  return GTK_WIDGET (gtk_menu_button_get_popover (button));
}

static void
press (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* gtk_widget_activate() on a button emits "clicked" a moment later. */
  gtk_widget_activate (button);
  sofra_test_ui_wait (400);
}

static gboolean
match_drop_down (GtkWidget *widget, gpointer data)
{
  return GTK_IS_DROP_DOWN (widget);
}

static gboolean
match_spin (GtkWidget *widget, gpointer data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static void
select_vocab (GtkDropDown *dropdown, SofraVocab vocab, const char *id)
{
  /* The vocabulary dropdowns of the quick-add form start with "Not set". */
  gtk_drop_down_set_selected (dropdown, (guint) sofra_vocab_index (vocab, id) + 1);
}

static gboolean
match_check (GtkWidget *widget, gpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

static gboolean
match_group (GtkWidget *widget, gpointer data)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

/* The check button labelled @label in the group titled @group ("Serbian" is a community and a
 * language). */
static GtkCheckButton *
find_check (GtkWidget *root, const char *group, const char *label)
{
  g_autoptr (GPtrArray)
    groups = sofra_test_ui_find_all_sorted (root, match_group, (gpointer) group);
  g_autoptr (GPtrArray) found = NULL;

  g_assert_cmpuint (groups->len, ==, 1);
  found = sofra_test_ui_find_all_sorted (g_ptr_array_index (groups, 0), match_check,
                                         (gpointer) label);

  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

static GPtrArray *
find_docs (SofraStore *store, const char *type, const char *field, const char *value)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *docs = sofra_store_find (store, type, field, value, &error);

  g_assert_no_error (error);
  return docs;
}

static void
test_session_round_trip (void)
{
  g_autofree char *path = sofra_test_tmp_path ("ui.sofra");
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new ("org.sofra.Sofra");
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GPtrArray) drop_downs = NULL;
  g_autoptr (JsonObject) session = NULL;
  g_autoptr (JsonObject) participant = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *shot = NULL;
  const char      *participant_id;
  SofraWindow     *window;
  GtkWidget       *page, *title_row, *popover, *entry;

  g_settings_set_string (settings, "staff-name", "Arta Krasniqi");

  store = sofra_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sofra_store_seed_places (store, &error));
  sofra_store_set_author (store, "Arta Krasniqi", NULL);

  window = sofra_test_ui_main_window_new (store, settings, 1280, 800, NULL);
  g_assert_nonnull (sofra_test_ui_find_label (GTK_WIDGET (window), "No Sessions Yet"));

  /* A new session, through the window's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-session", NULL));
  sofra_test_ui_wait (300);
  page = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_SESSION_PAGE);
  g_assert_nonnull (page);
  session_id = g_strdup (sofra_session_page_get_session_id (SOFRA_SESSION_PAGE (page)));
  g_assert_nonnull (session_id);
  g_assert_true (g_str_has_prefix (session_id, "session:"));

  /* The title, typed into the page. */
  title_row = sofra_test_ui_find_entry_row (page, "Title");
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), TITLE);
  g_assert_true (sofra_test_ui_wait_for_field (store, session_id, "title", TITLE, 3000));

  /* Two communities present. */
  gtk_check_button_set_active (find_check (page, "Communities Present", "Albanian"), TRUE);
  gtk_check_button_set_active (find_check (page, "Communities Present", "Serbian"), TRUE);

  /* Quick add of a participant who is not in the database yet. */
  popover = open_menu_button (page, "_Add Participant");
  /* Searched for and not found: the name goes on to the quick-add form. */
  entry = sofra_test_ui_find_type (popover, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), PARTICIPANT);
  sofra_test_ui_wait (400);
  entry = sofra_test_ui_find_type (popover, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, PARTICIPANT);
  drop_downs = sofra_test_ui_find_all_sorted (popover, match_drop_down, NULL);
  g_assert_cmpuint (drop_downs->len, ==, 2);
  select_vocab (g_ptr_array_index (drop_downs, 0), SOFRA_VOCAB_GENDER, "woman");
  select_vocab (g_ptr_array_index (drop_downs, 1), SOFRA_VOCAB_COMMUNITY, "serbian");
  press (sofra_test_ui_find_button (popover, "Add to Session"));
  g_assert_false (gtk_widget_get_mapped (popover));
  g_assert_nonnull (sofra_test_ui_find_label (page, PARTICIPANT));

  /* A follow-up of the session. */
  popover = open_menu_button (page, "Add _Follow-up");
  entry = sofra_test_ui_find_type (popover, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), FOLLOWUP);
  press (sofra_test_ui_find_button (popover, "Add Follow-up"));
  g_assert_false (gtk_widget_get_mapped (popover));
  g_assert_nonnull (sofra_test_ui_find_label (page, FOLLOWUP));

  sofra_window_flush (window);
  /* Back to the top of the page for the screenshots. */
  gtk_widget_grab_focus (title_row);
  sofra_test_ui_wait (300);
  shot = sofra_test_ui_screenshot (GTK_WIDGET (window), "main-1280x800.png");
  g_test_message ("screenshot: %s", shot);
  g_clear_pointer (&shot, g_free);

  /* A small laptop screen: the window is still usable. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  sofra_test_ui_wait (400);
  shot = sofra_test_ui_screenshot (GTK_WIDGET (window), "main-1024x600.png");
  g_test_message ("screenshot: %s", shot);
  g_clear_pointer (&shot, g_free);

  close_window (window);
  g_clear_object (&store);

  /* Everything is in the database … */
  store = sofra_store_open (path, &error);
  g_assert_no_error (error);
  session = sofra_store_get (store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (session, "title"), ==, TITLE);
  g_assert_cmpstr (json_object_get_string_member (session, "updated_by"), ==, "Arta Krasniqi");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (session, "communities")),
                    ==, 2);

  docs = find_docs (store, SOFRA_TYPE_ATTENDANCE, "session_id", session_id);
  g_assert_cmpuint (docs->len, ==, 1);
  participant_id = json_object_get_string_member (g_ptr_array_index (docs, 0), "participant_id");
  participant = sofra_store_get (store, participant_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (participant, "name"), ==, PARTICIPANT);
  g_assert_cmpstr (json_object_get_string_member (participant, "community"), ==, "serbian");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (participant, "code"), "P-"));
  g_clear_pointer (&docs, g_ptr_array_unref);

  docs = find_docs (store, SOFRA_TYPE_FOLLOWUP, "session_id", session_id);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (docs, 0), "what"), ==,
                   FOLLOWUP);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (docs, 0), "status"), ==,
                   "open");

  /* … and on screen in a new window. */
  window = sofra_test_ui_main_window_new (store, settings, 1280, 800, NULL);
  g_assert_nonnull (sofra_test_ui_find_label (GTK_WIDGET (window), TITLE));
  sofra_test_ui_click (sofra_test_ui_find_label (GTK_WIDGET (window), TITLE));
  sofra_test_ui_wait (300);
  page = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_SESSION_PAGE);
  g_assert_cmpstr (sofra_session_page_get_session_id (SOFRA_SESSION_PAGE (page)), ==, session_id);
  g_assert_nonnull (sofra_test_ui_find_label (page, PARTICIPANT));
  g_assert_nonnull (sofra_test_ui_find_label (page, FOLLOWUP));

  /* A participant's row opens the participant in the participants view. */
  {
    GtkWidget *row = gtk_widget_get_ancestor (sofra_test_ui_find_label (page, PARTICIPANT),
                                              ADW_TYPE_ACTION_ROW);
    GtkWidget *stack = sofra_test_ui_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

    g_assert_nonnull (row);
    gtk_widget_activate (row);
    sofra_test_ui_wait (300);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==,
                     "participants");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sessions");
    sofra_test_ui_wait (200);
  }

  /* Looking is not editing: showing the session wrote nothing. */
  sofra_test_ui_wait (700);
  {
    g_autoptr (JsonObject) again = sofra_store_get (store, session_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (again, "_rev"), ==,
                     json_object_get_string_member (session, "_rev"));
  }
  close_window (window);
}

static void
test_delete_and_undo (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new ("org.sofra.Sofra");
  g_autoptr (SofraStore) store = sofra_test_open_store ("undo.sofra");
  g_autoptr (SofraParticipant) participant = sofra_participant_new ();
  g_autoptr (SofraAttendance) attendance = sofra_attendance_new ();
  g_autoptr (JsonObject) participant_doc = NULL;
  g_autoptr (JsonObject) attendance_doc = NULL;
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *id = NULL;
  SofraWindow     *window;
  GtkWidget       *page;

  g_assert_no_error (error);
  window = sofra_test_ui_main_window_new (store, settings, 1024, 600, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-session", NULL));
  sofra_test_ui_wait (200);
  page = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_SESSION_PAGE);
  id = g_strdup (sofra_session_page_get_session_id (SOFRA_SESSION_PAGE (page)));
  g_assert_nonnull (id);

  participant->name = g_strdup ("Vesa Berisha");
  participant->code = sofra_participant_make_code ();
  participant_doc = sofra_participant_to_json (participant);
  g_assert_true (sofra_store_put (store, participant_doc, &error));
  attendance->session_id = g_strdup (id);
  attendance->participant_id = g_strdup (json_object_get_string_member (participant_doc, "_id"));
  attendance->role = g_strdup ("speaker");
  attendance_doc = sofra_attendance_to_json (attendance);
  g_assert_true (sofra_store_put (store, attendance_doc, &error));
  sofra_test_ui_wait (100);
  g_assert_nonnull (sofra_test_ui_find_label (page, "Vesa Berisha"));

  /* The session goes, and who attended it with it; the participant stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-session", NULL));
  sofra_test_ui_wait (200);
  doc = sofra_store_get (store, id, &error);
  g_assert_null (doc);
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = find_docs (store, SOFRA_TYPE_ATTENDANCE, "session_id", id);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  doc = sofra_store_get (store, json_object_get_string_member (participant_doc, "_id"), &error);
  g_assert_no_error (error);
  g_clear_pointer (&doc, json_object_unref);
  g_assert_nonnull (sofra_test_ui_find_label (GTK_WIDGET (window), "Session deleted"));

  /* The toast's Undo brings both back and shows the session. */
  press (sofra_test_ui_find_button (GTK_WIDGET (window), "Undo"));
  doc = sofra_store_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  found = find_docs (store, SOFRA_TYPE_ATTENDANCE, "session_id", id);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (found, 0), "role"), ==,
                   "speaker");
  page = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_SESSION_PAGE);
  g_assert_cmpstr (sofra_session_page_get_session_id (SOFRA_SESSION_PAGE (page)), ==, id);
  g_assert_nonnull (sofra_test_ui_find_label (page, "Vesa Berisha"));

  close_window (window);
}

static void
test_invalid_time_is_kept (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new ("org.sofra.Sofra");
  g_autoptr (SofraStore) store = sofra_test_open_store ("time.sofra");
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *id = NULL;
  SofraWindow     *window;
  GtkWidget       *page, *start, *title;

  g_assert_no_error (error);
  window = sofra_test_ui_main_window_new (store, settings, 1280, 800, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-session", NULL));
  sofra_test_ui_wait (200);
  page = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_SESSION_PAGE);
  id = g_strdup (sofra_session_page_get_session_id (SOFRA_SESSION_PAGE (page)));

  start = sofra_test_ui_find_entry_row (page, "Start time (HH:MM)");
  title = sofra_test_ui_find_entry_row (page, "Title");
  gtk_editable_set_text (GTK_EDITABLE (start), "9:30");
  sofra_session_page_flush (SOFRA_SESSION_PAGE (page));
  g_assert_true (sofra_test_ui_wait_for_field (store, id, "start_time", "09:30", 2000));

  /* A malformed time and an empty title stay on screen, marked; the rest is saved. */
  gtk_editable_set_text (GTK_EDITABLE (start), "25:99");
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  gtk_editable_set_text (GTK_EDITABLE (sofra_test_ui_find_entry_row (page, "Venue")), "Hotel Ura");
  sofra_session_page_flush (SOFRA_SESSION_PAGE (page));
  g_assert_true (sofra_test_ui_wait_for_field (store, id, "venue", "Hotel Ura", 2000));
  doc = sofra_store_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (doc, "start_time"), ==, "09:30");
  g_assert_cmpstr (json_object_get_string_member (doc, "title"), ==, "New session");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "25:99");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  g_assert_true (gtk_widget_has_css_class (title, "error"));

  close_window (window);
}

static char *
put_session (SofraStore *store, const char *title, const char *date, const char *place_id)
{
  g_autoptr (SofraSession) session = sofra_session_new ();
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GError) error = NULL;

  session->title = g_strdup (title);
  session->kind = g_strdup ("roundtable");
  session->status = g_strdup ("held");
  session->date = g_strdup (date);
  session->place_id = g_strdup (place_id);
  doc = sofra_session_to_json (session);
  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (doc, "_id"));
}

static void
test_preferences (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new ("org.sofra.Sofra");
  g_autoptr (SofraStore) store = sofra_test_open_store ("prefs.sofra");
  g_autoptr (SofraOffice) office = sofra_office_new ();
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *office_id = NULL;
  g_autofree char *shot = NULL;
  GtkWidget       *prefs, *row, *combo;

  g_assert_no_error (error);
  office->name = g_strdup ("Mitrovicë/Mitrovica");
  doc = sofra_office_to_json (office);
  g_assert_true (sofra_store_put (store, doc, &error));

  sofra_gui_follow_author (store, settings);
  prefs = sofra_preferences_window_new (NULL, store, settings);
  gtk_window_present (GTK_WINDOW (prefs));
  sofra_test_ui_wait (300);

  row = sofra_test_ui_find_entry_row (prefs, "Your name");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Milica Jovanović ");
  staff = g_settings_get_string (settings, "staff-name");
  g_assert_cmpstr (staff, ==, "Milica Jovanović");

  /* "No office", then the office. */
  combo = sofra_test_ui_find_type (prefs, ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (combo);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combo))), ==,
                    2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  office_id = g_settings_get_string (settings, "office-id");
  g_assert_cmpstr (office_id, ==, json_object_get_string_member (doc, "_id"));

  /* Both are stamped on the next write at once. */
  {
    g_autofree char *session_id = put_session (store, "Who wrote this", "2026-11-02", NULL);
    g_autoptr (JsonObject) session = sofra_store_get (store, session_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (session, "updated_by"), ==, "Milica Jovanović");
    g_assert_cmpstr (json_object_get_string_member (session, "office"), ==, office_id);
  }

  sofra_test_ui_wait (500);
  shot = sofra_test_ui_screenshot (prefs, "preferences.png");
  g_test_message ("screenshot: %s", shot);
  gtk_window_destroy (GTK_WINDOW (prefs));
  sofra_test_ui_wait (100);
}

static void
test_headcount_and_notes (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new ("org.sofra.Sofra");
  g_autoptr (SofraStore) store = sofra_test_open_store ("count.sofra");
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GPtrArray) spins = NULL;
  g_autofree char *id = NULL;
  JsonObject      *count;
  SofraWindow     *window;
  GtkWidget       *page, *popover, *text_view, *check;

  g_assert_no_error (error);
  window = sofra_test_ui_main_window_new (store, settings, 1280, 800, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-session", NULL));
  sofra_test_ui_wait (200);
  page = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_SESSION_PAGE);
  id = g_strdup (sofra_session_page_get_session_id (SOFRA_SESSION_PAGE (page)));
  {
    /* The quick add itself is driven through its form in the round-trip test. */
    GtkWidget *form = open_menu_button (page, "_Add Participant");

    gtk_editable_set_text (GTK_EDITABLE (sofra_test_ui_find_type (form, GTK_TYPE_ENTRY)), "Besa");
    press (sofra_test_ui_find_button (form, "Add to Session"));
  }

  /* Twelve people who did not register, of a community not said, women. */
  press (sofra_test_ui_find_button (page, "Add Count"));
  spins = sofra_test_ui_find_all_sorted (page, match_spin, NULL);
  g_assert_cmpuint (spins->len, ==, 1);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 12);
  sofra_session_page_flush (SOFRA_SESSION_PAGE (page));
  doc = sofra_store_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "headcount")), ==, 1);
  count = json_array_get_object_element (json_object_get_array_member (doc, "headcount"), 0);
  g_assert_cmpint (json_object_get_int_member (count, "count"), ==, 12);
  g_assert_nonnull (sofra_test_ui_find_label (page, "12 people took part without registering."));

  /* A private note about the participant. */
  popover = open_menu_button (page, "Add _Note");
  text_view = sofra_test_ui_find_type (popover, GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "Asked to be told about the next meeting in Albanian.", -1);
  check = sofra_test_ui_find_type (popover, GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  press (sofra_test_ui_find_button (popover, "Add Note"));
  notes = find_docs (store, SOFRA_TYPE_NOTE, "session_id", id);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (notes, 0), "visibility"), ==,
                   "private");
  g_assert_nonnull (sofra_test_ui_find_label (page, "Private"));

  close_window (window);
}

static void
test_window_state (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new ("org.sofra.Sofra");
  g_autoptr (SofraStore) store = sofra_test_open_store ("state.sofra");
  SofraWindow *window;
  int          width, height;

  g_assert_no_error (error);
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 650);

  window = sofra_window_new (NULL, store, settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 650);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  gtk_window_present (GTK_WINDOW (window));
  sofra_test_ui_wait (200);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  sofra_test_ui_wait (200);
  close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

int
main (int argc, char *argv[])
{
  sofra_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/window/session-round-trip", test_session_round_trip);
  g_test_add_func ("/ui/window/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/ui/window/invalid-time-is-kept", test_invalid_time_is_kept);
  g_test_add_func ("/ui/window/headcount-and-notes", test_headcount_and_notes);
  g_test_add_func ("/ui/window/state", test_window_state);
  g_test_add_func ("/ui/preferences", test_preferences);

  return g_test_run ();
}
