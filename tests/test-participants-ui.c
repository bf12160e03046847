/* test-participants-ui.c — the participants view on a real window: list, page, consent, erase
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (tests/run-ui-test.sh). The view sits in the real main window, so toasts and
 * their Undo buttons are the ones a person sees. Screenshots land in screenshots/ under the
 * build directory of the tests.
 */
#include <adwaita.h>

#include "sofra-participants-view.h"
#include "sofra-records.h"
#include "sofra-sessions-view.h"
#include "sofra-store.h"
#include "sofra-test-ui.h"
#include "sofra-test-util.h"
#include "sofra-window.h"

typedef struct
{
  SofraStore  *store;
  GSettings   *settings;
  SofraWindow *window;
  GtkWidget   *view;
  char        *dragana_id;
  char        *arber_id;
  char        *unnamed_id;
  char        *session_id;
  char        *attendance_id;
  char        *private_note_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sofra_test_tmp_path ("sofra.db");
  g_autofree char *json = NULL;

  f->store = sofra_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sofra_store_seed_places (f->store, &error));
  sofra_store_set_author (f->store, "Test", NULL);
  f->settings = g_settings_new ("org.sofra.Sofra");
  g_settings_set_string (f->settings, "staff-name", "Besa Krasniqi");

  f->dragana_id = sofra_test_ui_put_json (
    f->store, "{\"type\": \"participant\", \"name\": \"Dragana Ćirić\", \"code\": \"P-7F3K\","
              " \"gender\": \"woman\", \"age_group\": \"25_34\", \"community\": \"serbian\","
              " \"municipality\": \"place:mitrovice-veriut\", \"organisation\": \"NGO Aktiv\","
              " \"consent\": {\"date\": \"2026-03-01\", \"name_recorded\": true,"
              " \"name_on_documents\": true, \"photos\": true, \"contact\": true,"
              " \"share_offices\": true}}");
  f->arber_id = sofra_test_ui_put_json (
    f->store, "{\"type\": \"participant\", \"name\": \"Arbër Krasniqi\", \"code\": \"P-A4HM\","
              " \"community\": \"albanian\", \"municipality\": \"place:prishtine\"}");
  f->unnamed_id = sofra_test_ui_put_json (f->store,
                                          "{\"type\": \"participant\", \"code\": \"P-X9TQ\","
                                          " \"community\": \"prefer_not_to_say\"}");
  f->session_id = sofra_test_ui_put_json (
    f->store, "{\"type\": \"session\", \"title\": \"Youth exchange Prishtinë–Niš\", \"kind\":"
              " \"youth_exchange\", \"status\": \"held\", \"date\": \"2026-03-01\"}");
  json = g_strdup_printf ("{\"type\": \"attendance\", \"session_id\": \"%s\", \"participant_id\":"
                          " \"%s\", \"role\": \"speaker\"}",
                          f->session_id, f->dragana_id);
  f->attendance_id = sofra_test_ui_put_json (f->store, json);
  g_free (json);
  json = g_strdup_printf ("{\"type\": \"note\", \"participant_id\": \"%s\", \"date\":"
                          " \"2026-03-02\", \"text\": \"Prefers calls after 17:00.\","
                          " \"visibility\": \"private\"}",
                          f->dragana_id);
  f->private_note_id = sofra_test_ui_put_json (f->store, json);

  f->window = sofra_test_ui_main_window_new (f->store, f->settings, 1100, 760, "participants");
  f->view = sofra_test_ui_find_type (GTK_WIDGET (f->window), SOFRA_TYPE_PARTICIPANTS_VIEW);
  g_assert_nonnull (f->view);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  sofra_test_ui_wait (100);
  g_clear_object (&f->settings);
  g_assert_finalize_object (f->store);
  g_free (f->dragana_id);
  g_free (f->arber_id);
  g_free (f->unnamed_id);
  g_free (f->session_id);
  g_free (f->attendance_id);
  g_free (f->private_note_id);
}

static gboolean
is_list_title (GtkWidget *widget, gpointer data)
{
  GtkWidget *list = data;

  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "heading") &&
         gtk_widget_is_ancestor (widget, list);
}

/* The titles of the list's rows, top to bottom. */
static GStrv
list_titles (Fixture *f)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GPtrArray) labels = NULL;
  GtkWidget *list;

  sofra_test_ui_settle (f->view);
  list = sofra_test_ui_find_type (f->view, GTK_TYPE_LIST_VIEW);
  labels = sofra_test_ui_find_all_sorted (f->view, is_list_title, list);

  for (guint i = 0; i < labels->len; i++)
    g_strv_builder_add (builder, gtk_label_get_label (g_ptr_array_index (labels, i)));
  return g_strv_builder_end (builder);
}

static void
select_row (Fixture *f, const char *title)
{
  GtkWidget *list = sofra_test_ui_find_type (f->view, GTK_TYPE_LIST_VIEW);
  GtkWidget *label = sofra_test_ui_find_label (list, title);

  g_assert_nonnull (label);
  sofra_test_ui_click (label);
  sofra_test_ui_settle (f->view);
}

static void
test_list_and_page (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) titles = list_titles (f);
  GtkWidget       *list = sofra_test_ui_find_type (f->view, GTK_TYPE_LIST_VIEW);
  GtkWidget       *organisation;
  GtkWidget       *email;
  GtkWidget       *session_row;
  GtkWidget       *sessions;
  g_autofree char *path = NULL;

  /* By name; the person with no recorded name is listed by pseudonym code. */
  g_assert_cmpuint (g_strv_length (titles), ==, 3);
  g_assert_cmpstr (titles[0], ==, "Arbër Krasniqi");
  g_assert_cmpstr (titles[1], ==, "Dragana Ćirić");
  g_assert_cmpstr (titles[2], ==, "P-X9TQ");
  g_assert_nonnull (sofra_test_ui_find_label (list, "P-7F3K · Serbian · Mitrovicë e Veriut/"
                                                    "Severna Mitrovica"));
  g_assert_nonnull (sofra_test_ui_find_label (list, "Prefer not to say"));

  select_row (f, "Dragana Ćirić");
  g_assert_cmpstr (sofra_participants_view_get_participant_id (SOFRA_PARTICIPANTS_VIEW (f->view)),
                   ==, f->dragana_id);

  /* Their session with their role, and their private note marked as staying here. */
  g_assert_nonnull (sofra_test_ui_find_label (f->view, "Youth exchange Prishtinë–Niš"));
  g_assert_nonnull (sofra_test_ui_find_label (f->view, "Prefers calls after 17:00."));
  g_assert_nonnull (sofra_test_ui_find_label (f->view, "Stays on this laptop"));

  organisation = sofra_test_ui_find_entry_row (f->view, "Organisation");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organisation)), ==, "NGO Aktiv");
  gtk_editable_set_text (GTK_EDITABLE (organisation), "Ura Youth Centre");
  g_assert_true (sofra_test_ui_wait_for_field (f->store, f->dragana_id, "organisation",
                                               "Ura Youth Centre", 3000));

  /* A doubtful email is kept as typed, with a word about it. */
  email = sofra_test_ui_find_entry_row (f->view, "Email");
  gtk_editable_set_text (GTK_EDITABLE (email), "dragana.ciric at example");
  sofra_participants_view_flush (SOFRA_PARTICIPANTS_VIEW (f->view));
  g_assert_true (sofra_test_ui_wait_for_field (f->store, f->dragana_id, "email",
                                               "dragana.ciric at example", 10));
  sofra_test_ui_wait (50);
  g_assert_nonnull (sofra_test_ui_find_label (
    f->view, "This does not look like an email address (name@example.org). It is kept as "
             "written."));

  path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "participants-page.png");
  g_test_message ("screenshot: %s", path);
  g_clear_pointer (&path, g_free);
  sofra_test_ui_scroll_to (sofra_test_ui_find_label (f->view, "Sessions"));
  path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "participants-page-notes.png");
  g_test_message ("screenshot: %s", path);

  /* A session of theirs opens in the sessions view. */
  session_row = gtk_widget_get_ancestor (sofra_test_ui_find_label (f->view,
                                                                   "Youth exchange Prishtinë–Niš"),
                                         GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (session_row);
  g_signal_emit_by_name (session_row, "activate");
  sofra_test_ui_wait (300);
  sessions = sofra_test_ui_find_type (GTK_WIDGET (f->window), SOFRA_TYPE_SESSIONS_VIEW);
  g_assert_nonnull (sessions);
  g_assert_cmpstr (sofra_sessions_view_get_session_id (SOFRA_SESSIONS_VIEW (sessions)), ==,
                   f->session_id);
}

static void
test_filter (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) found = NULL;
  g_auto (GStrv) by_place = NULL;
  g_auto (GStrv) all = NULL;

  /* Without the diacritics, as people type on a laptop with another keyboard. */
  sofra_participants_view_set_filter (SOFRA_PARTICIPANTS_VIEW (f->view), "ciric");
  sofra_test_ui_wait (100);
  found = list_titles (f);
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_assert_cmpstr (found[0], ==, "Dragana Ćirić");

  sofra_participants_view_set_filter (SOFRA_PARTICIPANTS_VIEW (f->view), "prishtin");
  sofra_test_ui_wait (100);
  by_place = list_titles (f);
  g_assert_cmpuint (g_strv_length (by_place), ==, 1);
  g_assert_cmpstr (by_place[0], ==, "Arbër Krasniqi");

  sofra_participants_view_set_filter (SOFRA_PARTICIPANTS_VIEW (f->view), NULL);
  sofra_test_ui_wait (100);
  all = list_titles (f);
  g_assert_cmpuint (g_strv_length (all), ==, 3);
}

static void
test_new_participant (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonObject) doc = NULL;
  g_auto (GStrv) titles = NULL;
  const char *id;
  const char *code;
  GtkWidget  *name;

  gtk_widget_activate_action (f->view, "participants.new", NULL);
  sofra_test_ui_wait (100);
  g_assert_cmpuint (sofra_store_count (f->store, SOFRA_TYPE_PARTICIPANT), ==, 4);
  id = sofra_participants_view_get_participant_id (SOFRA_PARTICIPANTS_VIEW (f->view));
  g_assert_nonnull (id);

  doc = sofra_store_get (f->store, id, NULL);
  code = json_object_get_string_member (doc, "code");
  g_assert_true (g_regex_match_simple ("^P-[0-9A-Z]{4}$", code, 0, 0));
  /* Until a name is typed, the code names the person everywhere. */
  g_assert_nonnull (sofra_test_ui_find_label (f->view, code));

  name = sofra_test_ui_find_entry_row (f->view, "Name as written");
  gtk_editable_set_text (GTK_EDITABLE (name), "Жарко Јовановић");
  g_assert_true (sofra_test_ui_wait_for_field (f->store, id, "name", "Жарко Јовановић", 3000));
  sofra_test_ui_wait (50);
  titles = list_titles (f);
  g_assert_true (g_strv_contains ((const char *const *) titles, "Жарко Јовановић"));
  /* No consent recorded yet: the page says so next to the name. */
  g_assert_nonnull (sofra_test_ui_find_label (
    f->view, "The participant has not agreed that their name is recorded. Record their "
             "consent below, or leave the name empty."));
}

static void
test_withdraw_consent (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *today = sofra_test_ui_date (0);
  JsonObject      *consent;
  GtkWidget       *button;
  GtkWidget       *dialog;
  g_autofree char *path = NULL;

  select_row (f, "Dragana Ćirić");
  button = sofra_test_ui_find_button (f->view, "Withdraw Consent");
  g_assert_nonnull (button);
  sofra_test_ui_press (button);
  sofra_test_ui_wait (200);

  dialog = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  path = sofra_test_ui_screenshot (dialog, "participants-withdraw-dialog.png");
  g_test_message ("screenshot: %s", path);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "withdraw");
  sofra_test_ui_wait (100);

  doc = sofra_store_get (f->store, f->dragana_id, NULL);
  consent = json_object_get_object_member (doc, "consent");
  g_assert_cmpstr (json_object_get_string_member (consent, "withdrawn_date"), ==, today);
  g_assert_false (json_object_get_boolean_member (consent, "name_recorded"));
  g_assert_false (json_object_get_boolean_member (consent, "name_on_documents"));
  g_assert_false (json_object_get_boolean_member (consent, "photos"));
  g_assert_false (json_object_get_boolean_member (consent, "contact"));
  g_assert_false (json_object_get_boolean_member (consent, "share_offices"));
  g_assert_nonnull (sofra_test_ui_find_label (f->view, "Consent withdrawn"));

  g_clear_pointer (&path, g_free);
  sofra_test_ui_scroll_to (sofra_test_ui_find_label (f->view, "Consent withdrawn"));
  path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "participants-withdrawn.png");
  g_test_message ("screenshot: %s", path);
}

static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) after = NULL;
  g_auto (GStrv) restored = NULL;
  g_autoptr (JsonObject) participant = NULL;
  g_autoptr (JsonObject) note = NULL;
  g_autoptr (JsonObject) attendance = NULL;
  GtkWidget *undo;

  select_row (f, "Dragana Ćirić");
  gtk_widget_activate_action (f->view, "participants.delete", NULL);
  sofra_test_ui_wait (100);

  /* Erased with everything that was only about them. */
  g_assert_null (sofra_store_get (f->store, f->dragana_id, NULL));
  g_assert_null (sofra_store_get (f->store, f->private_note_id, NULL));
  g_assert_null (sofra_store_get (f->store, f->attendance_id, NULL));
  after = list_titles (f);
  g_assert_cmpuint (g_strv_length (after), ==, 2);
  g_assert_null (sofra_participants_view_get_participant_id (SOFRA_PARTICIPANTS_VIEW (f->view)));

  undo = sofra_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  sofra_test_ui_press (undo);
  sofra_test_ui_wait (100);

  participant = sofra_store_get (f->store, f->dragana_id, NULL);
  note = sofra_store_get (f->store, f->private_note_id, NULL);
  attendance = sofra_store_get (f->store, f->attendance_id, NULL);
  g_assert_nonnull (participant);
  g_assert_nonnull (note);
  g_assert_nonnull (attendance);
  restored = list_titles (f);
  g_assert_cmpuint (g_strv_length (restored), ==, 3);
  g_assert_cmpstr (sofra_participants_view_get_participant_id (SOFRA_PARTICIPANTS_VIEW (f->view)),
                   ==, f->dragana_id);
}

static gboolean
is_visibility_dropdown (GtkWidget *widget, gpointer data)
{
  GListModel *model;
  g_autoptr (GObject) first = NULL;

  if (!GTK_IS_DROP_DOWN (widget))
    return FALSE;
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
  first = g_list_model_get_item (model, 0);
  return GTK_IS_STRING_OBJECT (first) &&
         g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (first)),
                    "Shared with the organisation") == 0;
}

static void
test_add_note (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) dropdowns = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autofree char *path = NULL;
  GtkWidget       *text_view;
  JsonObject      *added = NULL;

  select_row (f, "Arbër Krasniqi");
  sofra_test_ui_press (sofra_test_ui_find_button (f->view, "Add Note"));
  sofra_test_ui_wait (300);

  text_view = sofra_test_ui_find_type (f->view, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "Asked for the minutes in Albanian and Serbian.", -1);
  dropdowns = sofra_test_ui_find_all_sorted (f->view, is_visibility_dropdown, NULL);
  g_assert_cmpuint (dropdowns->len, ==, 1);
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), 1);
  sofra_test_ui_wait (50);
  g_assert_nonnull (sofra_test_ui_find_label (
    f->view, "Stays on this laptop: never sent to the server, printed or exported."));
  sofra_test_ui_scroll_to (text_view);
  path = sofra_test_ui_screenshot (GTK_WIDGET (f->window), "participants-add-note.png");
  g_test_message ("screenshot: %s", path);

  sofra_test_ui_press (sofra_test_ui_find_button (f->view, "Add"));
  sofra_test_ui_wait (100);

  notes = sofra_store_find (f->store, SOFRA_TYPE_NOTE, "participant_id", f->arber_id, NULL);
  g_assert_cmpuint (notes->len, ==, 1);
  added = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (json_object_get_string_member (added, "text"), ==,
                   "Asked for the minutes in Albanian and Serbian.");
  g_assert_cmpstr (json_object_get_string_member (added, "visibility"), ==, "private");
  g_assert_false (json_object_has_member (added, "session_id"));
  /* In the list, marked as staying on this laptop; the form is closed. */
  g_assert_nonnull (sofra_test_ui_find_label (f->view, "Asked for the minutes in Albanian and "
                                                       "Serbian."));
  g_assert_nonnull (sofra_test_ui_find_label (f->view, "Stays on this laptop"));
  sofra_test_ui_wait (500);
  g_assert_null (sofra_test_ui_find_type (f->view, GTK_TYPE_TEXT_VIEW));
}

static void
test_close_flushes (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonObject) doc = NULL;
  GtkWidget *role;

  select_row (f, "Dragana Ćirić");
  role = sofra_test_ui_find_entry_row (f->view, "Role");
  gtk_editable_set_text (GTK_EDITABLE (role), "Youth worker");

  /* Closed before the autosave timer: what was typed is written all the same. */
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  sofra_test_ui_wait (100);
  g_assert_null (f->window);

  doc = sofra_store_get (f->store, f->dragana_id, NULL);
  g_assert_cmpstr (json_object_get_string_member (doc, "role"), ==, "Youth worker");
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
  window = GTK_WINDOW (sofra_test_ui_main_window_new (store, settings, 1100, 720, "participants"));
  view = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_PARTICIPANTS_VIEW);
  sofra_test_ui_settle (view);

  g_assert_nonnull (sofra_test_ui_find_label (view, "No Participants Yet"));
  path = sofra_test_ui_screenshot (GTK_WIDGET (window), "participants-empty.png");
  g_test_message ("screenshot: %s", path);

  /* The empty page's own button registers someone, with a fresh pseudonym code. */
  sofra_test_ui_press (sofra_test_ui_find_button (view, "New Participant"));
  sofra_test_ui_settle (view);
  g_assert_cmpuint (sofra_store_count (store, SOFRA_TYPE_PARTICIPANT), ==, 1);
  g_assert_nonnull (sofra_test_ui_find_entry_row (view, "Name as written"));

  gtk_window_destroy (window);
  sofra_test_ui_wait (100);
}

int
main (int argc, char *argv[])
{
  sofra_test_ui_init (&argc, &argv);

  g_test_add ("/participants-ui/list-and-page", Fixture, NULL, fixture_set_up, test_list_and_page,
              fixture_tear_down);
  g_test_add ("/participants-ui/filter", Fixture, NULL, fixture_set_up, test_filter,
              fixture_tear_down);
  g_test_add ("/participants-ui/new-participant", Fixture, NULL, fixture_set_up,
              test_new_participant, fixture_tear_down);
  g_test_add ("/participants-ui/withdraw-consent", Fixture, NULL, fixture_set_up,
              test_withdraw_consent, fixture_tear_down);
  g_test_add ("/participants-ui/delete-and-undo", Fixture, NULL, fixture_set_up,
              test_delete_and_undo, fixture_tear_down);

  g_test_add ("/participants-ui/add-note", Fixture, NULL, fixture_set_up, test_add_note,
              fixture_tear_down);

  g_test_add ("/participants-ui/close-flushes", Fixture, NULL, fixture_set_up, test_close_flushes,
              fixture_tear_down);

  g_test_add_func ("/participants-ui/empty", test_empty);

  return g_test_run ();
}
