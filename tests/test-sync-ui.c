/* test-sync-ui.c — sync in the window: conflicts merged, preferences saved, status that tells the truth
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (tests/run-ui-test.sh) on real stores. Screenshots land in screenshots/
 * under the build directory of the tests.
 */
#include <adwaita.h>
#include <string.h>

#include "sofra-conflict-merge.h"
#include "sofra-conflicts-window.h"
#include "sofra-conflicts.h"
#include "sofra-json.h"
#include "sofra-store-sync.h"
#include "sofra-store.h"
#include "sofra-sync-indicator.h"
#include "sofra-sync.h"
#include "sofra-test-store.h"
#include "sofra-test-ui.h"
#include "sofra-test-util.h"
#include "sofra-window-sync.h"

static GSettings *
quiet_settings (void)
{
  GSettings *settings = g_settings_new ("org.sofra.Sofra");

  /* No sync starts by itself while a test looks. */
  g_settings_set_boolean (settings, "sync-automatic", FALSE);
  g_settings_set_string (settings, "staff-name", "Arta Krasniqi");
  return settings;
}

static void
close_window (GtkWidget *window)
{
  g_autoptr (GtkWidget) ref = g_object_ref (window);

  gtk_window_close (GTK_WINDOW (window));
  sofra_test_ui_wait (100);
  gtk_window_destroy (GTK_WINDOW (ref));
  sofra_test_ui_wait (100);
}

static gboolean
match_group_title (GtkWidget *widget, gpointer data)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

static GtkWidget *
find_group (GtkWidget *root, const char *title)
{
  g_autoptr (GPtrArray)
    groups = sofra_test_ui_find_all_sorted (root, match_group_title, (gpointer) title);

  return groups->len > 0 ? g_ptr_array_index (groups, 0) : NULL;
}

static void
shoot (GtkWidget *widget, const char *name)
{
  g_autofree char *path = sofra_test_ui_screenshot (widget, name);

  g_test_message ("screenshot: %s", path);
}

/* A participant and a session each changed here and, before a sync, at another office. */
static void
make_conflicts (SofraStore *store, char **participant_id, char **session_id)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_store_seed_places (store, &error));
  g_assert_no_error (error);
  *participant_id = sofra_test_ui_put_json (
    store, "{\"type\":\"participant\",\"name\":\"Dragana Ćirić\",\"code\":\"P-7F3K\","
           "\"gender\":\"woman\",\"municipality\":\"place:gracanice\","
           "\"organisation\":\"Youth Centre Gračanica\"}");
  g_free (sofra_test_make_conflict_json (
    store, *participant_id,
    "{\"municipality\":\"place:prishtine\",\"organisation\":\"Qendra Rinore\"}"));
  *session_id = sofra_test_ui_put_json (
    store, "{\"type\":\"session\",\"title\":\"Roundtable on freedom of movement\","
           "\"kind\":\"roundtable\",\"status\":\"held\",\"date\":\"2026-11-20\","
           "\"place_id\":\"place:mitrovice-veriut\",\"summary\":\"Both sides spoke.\"}");
  g_free (sofra_test_make_conflict_json (
    store, *session_id,
    "{\"kind\":\"workshop\",\"summary\":\"Both sides spoke about the bridge.\","
    "\"topics\":[\"freedom_of_movement\",\"security\"]}"));
  g_assert_cmpuint (sofra_store_count_conflicts (store), ==, 2);
}

static void
test_conflicts (void)
{
  g_autoptr (GSettings) settings = quiet_settings ();
  g_autoptr (SofraStore) store = sofra_test_open_store ("conflicts.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *participant_id = NULL;
  g_autofree char *session_id = NULL;
  g_autoptr (JsonObject) participant = NULL;
  g_autoptr (JsonObject) session = NULL;
  SofraWindow        *window;
  GtkWidget          *conflicts, *review, *row, *group, *text_view;
  SofraConflictMerge *merge;
  const char *const  *fields;

  make_conflicts (store, &participant_id, &session_id);
  window = sofra_test_ui_main_window_new (store, settings, 1280, 800, "participants");

  /* The banner says so and leads to the merge. */
  review = sofra_test_ui_find_button (GTK_WIDGET (window), "Review");
  g_assert_nonnull (review);
  g_assert_nonnull (sofra_test_ui_find_label (
    GTK_WIDGET (window),
    "2 records were changed in two places before they synced: choose what to keep."));
  shoot (GTK_WIDGET (window), "sync-banner-1280x800.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  sofra_test_ui_wait (300);
  shoot (GTK_WIDGET (window), "sync-banner-1024x600.png");
  sofra_test_ui_press (review);
  sofra_test_ui_wait (400);
  conflicts = sofra_test_ui_find_toplevel (SOFRA_TYPE_CONFLICTS_WINDOW);
  g_assert_nonnull (conflicts);
  gtk_window_set_default_size (GTK_WINDOW (conflicts), 1280, 800);
  sofra_test_ui_wait (300);
  g_assert_cmpuint (sofra_conflicts_window_get_n_records (SOFRA_CONFLICTS_WINDOW (conflicts)), ==,
                    2);

  /* The participant, field by field, in the words of the participant page. */
  merge = sofra_conflicts_window_get_merge (SOFRA_CONFLICTS_WINDOW (conflicts));
  sofra_conflicts_window_show_record (SOFRA_CONFLICTS_WINDOW (conflicts), participant_id);
  sofra_test_ui_wait (300);
  g_assert_cmpstr (sofra_conflict_merge_get_id (merge), ==, participant_id);
  fields = sofra_conflict_merge_get_fields (merge);
  g_assert_cmpuint (g_strv_length ((GStrv) fields), ==, 2);
  g_assert_cmpstr (fields[0], ==, "municipality");
  g_assert_cmpstr (fields[1], ==, "organisation");
  g_assert_nonnull (find_group (conflicts, "Municipality"));
  g_assert_nonnull (find_group (conflicts, "Organisation"));
  /* Place names, not ids. */
  g_assert_nonnull (sofra_test_ui_find_action_row (conflicts, "Graçanicë/Gračanica"));
  g_assert_nonnull (sofra_test_ui_find_action_row (conflicts, "Prishtinë/Priština"));

  /* This laptop's municipality, the other office's organisation. */
  row = sofra_test_ui_find_action_row (conflicts, "Qendra Rinore");
  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  sofra_test_ui_wait (200);
  shoot (conflicts, "sync-conflict-participant-1280x800.png");
  gtk_widget_activate_action (conflicts, "conflicts.resolve", NULL);
  sofra_test_ui_wait (300);

  {
    g_auto (GStrv) left = sofra_store_get_conflicts (store, participant_id);

    g_assert_cmpuint (g_strv_length (left), ==, 0);
  }
  participant = sofra_store_get (store, participant_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (participant, "organisation"), ==,
                   "Qendra Rinore");
  g_assert_cmpstr (json_object_get_string_member (participant, "municipality"), ==,
                   "place:gracanice");
  g_assert_cmpstr (json_object_get_string_member (participant, "name"), ==, "Dragana Ćirić");
  g_assert_cmpuint (sofra_conflicts_window_get_n_records (SOFRA_CONFLICTS_WINDOW (conflicts)), ==,
                    1);

  /* The session is next: vocabulary labels, and a text merged by hand. */
  g_assert_cmpstr (sofra_conflict_merge_get_id (merge), ==, session_id);
  g_assert_nonnull (sofra_test_ui_find_action_row (conflicts, "Roundtable"));
  g_assert_nonnull (sofra_test_ui_find_action_row (conflicts, "Workshop"));
  g_assert_nonnull (sofra_test_ui_find_action_row (conflicts, "Freedom of movement, Security"));
  g_assert_nonnull (sofra_test_ui_find_action_row (conflicts, "Not set"));
  sofra_conflict_merge_choose (merge, "topics", TRUE);
  group = find_group (conflicts, "Summary");
  g_assert_nonnull (group);
  row = sofra_test_ui_find_action_row (group, "Both sides spoke about the bridge.");
  adw_action_row_activate (ADW_ACTION_ROW (row));
  text_view = sofra_test_ui_find_type (group, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (text_view);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
    GtkTextIter    end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, " Agreed to meet again.", -1);
  }
  gtk_window_set_default_size (GTK_WINDOW (conflicts), 1024, 600);
  sofra_test_ui_wait (300);
  shoot (conflicts, "sync-conflict-session-1024x600.png");
  gtk_widget_activate_action (conflicts, "conflicts.resolve", NULL);
  sofra_test_ui_wait (300);

  g_assert_cmpuint (sofra_store_count_conflicts (store), ==, 0);
  session = sofra_store_get (store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (session, "kind"), ==, "roundtable");
  g_assert_cmpstr (json_object_get_string_member (session, "summary"), ==,
                   "Both sides spoke about the bridge. Agreed to meet again.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (session, "topics")), ==,
                    2);
  g_assert_cmpuint (sofra_conflicts_window_get_n_records (SOFRA_CONFLICTS_WINDOW (conflicts)), ==,
                    0);
  g_assert_nonnull (sofra_test_ui_find_label (conflicts, "No Records in Conflict"));
  shoot (conflicts, "sync-conflicts-none-1024x600.png");
  {
    g_autoptr (GString) report = g_string_new (NULL);

    g_assert_true (sofra_store_check (store, report, &error));
    g_assert_no_error (error);
  }

  /* The banner goes when nothing is in conflict. */
  sofra_test_ui_wait (400);
  g_assert_null (sofra_test_ui_find_button (GTK_WIDGET (window), "Review"));
  close_window (conflicts);
  close_window (GTK_WIDGET (window));
}

/* Three versions of one record: the merge compares with either other version and the
 * resolution removes both. */
static void
test_three_versions (void)
{
  g_autoptr (SofraStore) store = sofra_test_open_store ("three.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *id = sofra_test_ui_put_json (
    store, "{\"type\":\"followup\",\"what\":\"Send the minutes\",\"status\":\"open\"}");
  g_autofree char *second = sofra_test_make_conflict (store, id, "owner", "Dragan");
  g_autoptr (JsonObject) third = sofra_store_get_revision (store, id, second, TRUE, &error);
  g_autoptr (JsonObject) merged = NULL;
  JsonArray          *ids;
  GtkWidget          *conflicts, *combo;
  SofraConflictMerge *merge;

  /* A sibling of the second version, from a third laptop. */
  g_assert_no_error (error);
  ids = json_object_get_array_member (json_object_get_object_member (third, "_revisions"), "ids");
  json_array_remove_element (ids, 0);
  {
    JsonArray *with_new = json_array_new ();

    json_array_add_string_element (with_new, "00000000000000000000000000000002");
    for (guint i = 0; i < json_array_get_length (ids); i++)
      json_array_add_string_element (with_new, json_array_get_string_element (ids, i));
    json_object_set_array_member (json_object_get_object_member (third, "_revisions"), "ids",
                                  with_new);
  }
  json_object_set_string_member (third, "_rev", "1-00000000000000000000000000000002");
  json_object_set_string_member (third, "owner", "Valentina");
  json_object_set_string_member (third, "priority", "high");
  g_assert_true (sofra_store_put_replicated (store, third, &error));
  g_assert_no_error (error);
  {
    g_auto (GStrv) others = sofra_store_get_conflicts (store, id);

    g_assert_cmpuint (g_strv_length (others), ==, 2);
  }

  conflicts = sofra_conflicts_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (conflicts), 1024, 600);
  gtk_window_present (GTK_WINDOW (conflicts));
  sofra_test_ui_wait (400);
  merge = sofra_conflicts_window_get_merge (SOFRA_CONFLICTS_WINDOW (conflicts));
  g_assert_cmpstr (sofra_conflict_merge_get_id (merge), ==, id);
  combo = sofra_test_ui_find_type (conflicts, ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (combo);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combo))), ==,
                    2);
  /* The best other version first ("Valentina", the greater hash), then the other. */
  g_assert_nonnull (sofra_test_ui_find_action_row (conflicts, "Valentina"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  sofra_test_ui_wait (200);
  g_assert_nonnull (sofra_test_ui_find_action_row (conflicts, "Dragan"));
  g_assert_null (sofra_test_ui_find_action_row (conflicts, "Valentina"));
  sofra_conflict_merge_choose (merge, "owner", TRUE);
  shoot (conflicts, "sync-conflict-three-versions-1024x600.png");
  g_assert_true (gtk_widget_activate_action (conflicts, "conflicts.resolve", NULL));
  sofra_test_ui_wait (300);

  g_assert_cmpuint (sofra_store_count_conflicts (store), ==, 0);
  merged = sofra_store_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (merged, "owner"), ==, "Dragan");
  close_window (conflicts);
}

/* A port on 127.0.0.1 where nothing listens. */
static guint16
closed_port (void)
{
  g_autoptr (GSocket)
    socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  guint16 port;

  g_assert_nonnull (socket);
  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

static gboolean
wait_for_status (SofraSyncController *controller, SofraSyncStatus status, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (sofra_sync_controller_get_status (controller) != status)
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static void
test_preferences_and_unreachable (void)
{
  g_autoptr (GSettings) settings = quiet_settings ();
  g_autoptr (SofraStore) store = sofra_test_open_store ("prefs.db");
  g_autofree char     *server = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());
  g_autofree char     *saved = NULL;
  SofraSyncController *controller;
  SofraWindow         *window;
  GtkWidget           *prefs, *row, *indicator;

  window = sofra_test_ui_main_window_new (store, settings, 1280, 800, NULL);
  controller = sofra_window_get_sync_controller (GTK_WINDOW (window));
  g_assert_nonnull (controller);
  g_assert_cmpint (sofra_sync_controller_get_status (controller), ==, SOFRA_SYNC_STATUS_NOT_SET_UP);

  /* Sync Now with nothing set up leads to Preferences → Sync. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.now", NULL));
  sofra_test_ui_wait (400);
  prefs = sofra_test_ui_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (prefs)),
                   ==, "sync");

  /* An address without a scheme is refused; a good one is saved, without the trailing '/'. */
  row = sofra_test_ui_find_entry_row (prefs, "Server address");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "sync.example.org");
  g_signal_emit_by_name (row, "apply");
  saved = g_settings_get_string (settings, "sync-server");
  g_assert_cmpstr (saved, ==, "");
  g_clear_pointer (&saved, g_free);
  {
    g_autofree char *typed = g_strdup_printf ("%s/", server);

    gtk_editable_set_text (GTK_EDITABLE (row), typed);
  }
  g_signal_emit_by_name (row, "apply");
  saved = g_settings_get_string (settings, "sync-server");
  g_assert_cmpstr (saved, ==, server);
  g_clear_pointer (&saved, g_free);

  row = sofra_test_ui_find_entry_row (prefs, "Database");
  gtk_editable_set_text (GTK_EDITABLE (row), "kosovo_dialogue ");
  g_signal_emit_by_name (row, "apply");
  saved = g_settings_get_string (settings, "sync-database");
  g_assert_cmpstr (saved, ==, "kosovo_dialogue");
  g_clear_pointer (&saved, g_free);

  /* The minutes between syncs are a setting too. */
  {
    GtkWidget *spin = sofra_test_ui_find_type (prefs, GTK_TYPE_SPIN_BUTTON);

    g_assert_nonnull (spin);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 15);
    g_assert_cmpuint (g_settings_get_uint (settings, "sync-interval"), ==, 15);
  }
  g_assert_cmpint (sofra_sync_controller_get_status (controller), ==, SOFRA_SYNC_STATUS_IDLE);
  sofra_test_ui_wait (300);
  shoot (prefs, "sync-preferences.png");

  /* Sync Now against a closed port: an error a person can act on, in the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.now", NULL));
  g_assert_true (wait_for_status (controller, SOFRA_SYNC_STATUS_FAILED, 30000) ||
                 sofra_sync_controller_get_status (controller) == SOFRA_SYNC_STATUS_OFFLINE);
  g_assert_error ((GError *) sofra_sync_controller_get_error (controller), SOFRA_SYNC_ERROR,
                  SOFRA_SYNC_ERROR_UNREACHABLE);
  g_assert_cmpint (sofra_sync_controller_get_remedy (controller), ==, SOFRA_SYNC_REMEDY_RETRY);
  sofra_test_ui_wait (300);
  shoot (prefs, "sync-preferences-unreachable.png");
  /* Trusting an office's own certificate: the whole fingerprint shown, an explicit yes. */
  {
    const char      *fingerprint = "3A:7F:1C:92:0B:44:D8:6E:15:A0:C3:7B:58:E2:9D:01:"
                                   "6F:B4:22:8C:E9:70:13:5D:A6:4B:F0:38:C1:9E:27:85";
    g_autofree char *trusted = NULL;
    GtkWidget       *dialog;

    sofra_sync_confirm_trust (prefs, settings, controller, fingerprint);
    sofra_test_ui_wait (400);
    dialog = sofra_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_nonnull (sofra_test_ui_find_label (dialog, fingerprint));
    g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "cancel");
    shoot (dialog, "sync-trust-certificate.png");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    trusted = g_settings_get_string (settings, "sync-trusted-fingerprint");
    g_assert_cmpstr (trusted, ==, "");
    g_clear_pointer (&trusted, g_free);
    g_assert_true (wait_for_status (controller, SOFRA_SYNC_STATUS_FAILED, 30000) ||
                   sofra_sync_controller_get_status (controller) == SOFRA_SYNC_STATUS_OFFLINE);

    sofra_sync_confirm_trust (prefs, settings, NULL, fingerprint);
    sofra_test_ui_wait (400);
    dialog = sofra_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "trust");
    sofra_test_ui_wait (200);
    trusted = g_settings_get_string (settings, "sync-trusted-fingerprint");
    g_assert_cmpstr (trusted, ==, fingerprint);
    /* Preferences → Sync shows it, and can forget it. */
    g_assert_nonnull (sofra_test_ui_find_action_row (prefs, "Trusted certificate"));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                       sofra_test_ui_find_action_row (prefs, "Trusted certificate"))),
                     ==, fingerprint);
    sofra_test_ui_press (sofra_test_ui_find_button (prefs, "Forget"));
    g_clear_pointer (&trusted, g_free);
    trusted = g_settings_get_string (settings, "sync-trusted-fingerprint");
    g_assert_cmpstr (trusted, ==, "");
  }

  g_assert_cmpint (sofra_store_get_update_seq (store), ==, 0); /* nothing written */
  close_window (prefs);

  indicator = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_SYNC_INDICATOR);
  g_assert_nonnull (indicator);
  if (sofra_sync_controller_get_status (controller) == SOFRA_SYNC_STATUS_FAILED)
    g_assert_cmpstr (sofra_sync_indicator_get_title (SOFRA_SYNC_INDICATOR (indicator)), ==,
                     "Cannot reach the server");
  g_assert_nonnull (sofra_sync_indicator_get_error_text (SOFRA_SYNC_INDICATOR (indicator)));
  sofra_sync_indicator_popup (SOFRA_SYNC_INDICATOR (indicator));
  sofra_test_ui_wait (400);
  g_assert_nonnull (sofra_test_ui_find_button (GTK_WIDGET (window), "Try Again"));
  shoot (GTK_WIDGET (window), "sync-status-unreachable-1280x800.png");
  {
    GtkWidget *popover = sofra_test_ui_find_type (indicator, GTK_TYPE_POPOVER);

    g_assert_nonnull (popover);
    shoot (popover, "sync-status-popover.png");
  }
  close_window (GTK_WIDGET (window));
}

typedef struct
{
  const char *id;
  char       *rev;
} FindRev;

static gboolean
find_rev_cb (const char *id, const char *rev, gboolean deleted, gint64 seq, gpointer data)
{
  FindRev *find = data;

  if (g_str_equal (id, find->id) && deleted)
    {
      g_free (find->rev);
      find->rev = g_strdup (rev);
    }
  return TRUE;
}

/* Erasure on request, from the participant page: asked first, then gone with the notes. */
static void
test_erase (void)
{
  g_autoptr (GSettings) settings = quiet_settings ();
  g_autoptr (SofraStore) store = sofra_test_open_store ("erase.db");
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *note_id = NULL;
  g_autofree char *note_json = NULL;
  g_autoptr (JsonObject) gone = NULL;
  SofraWindow *window;
  GtkWidget   *button, *dialog;

  id = sofra_test_ui_put_json (store, "{\"type\":\"participant\",\"name\":\"Besnik Gashi\","
                                      "\"code\":\"P-9QWE\",\"phone\":\"+383 44 123 456\"}");
  note_json = g_strdup_printf ("{\"type\":\"note\",\"participant_id\":\"%s\","
                               "\"date\":\"2026-11-20\",\"text\":\"Asked about the bus "
                               "line\",\"visibility\":\"shared\"}",
                               id);
  note_id = sofra_test_ui_put_json (store, note_json);
  window = sofra_test_ui_main_window_new (store, settings, 1280, 800, "participants");
  sofra_window_show_record (window, id);
  sofra_test_ui_wait (400);

  button = sofra_test_ui_find_button (GTK_WIDGET (window), "Erase…");
  g_assert_nonnull (button);
  sofra_test_ui_scroll_to (button);
  shoot (GTK_WIDGET (window), "sync-erase-button-1280x800.png");

  /* Cancel changes nothing. */
  sofra_test_ui_press (button);
  sofra_test_ui_wait (400);
  dialog = sofra_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Erase Besnik Gashi?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               "erase"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");
  shoot (dialog, "sync-erase-confirm.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  sofra_test_ui_wait (300);
  {
    g_autoptr (JsonObject) still = sofra_store_get (store, id, &error);

    g_assert_no_error (error);
    g_assert_nonnull (still);
  }

  sofra_test_ui_press (button);
  sofra_test_ui_wait (400);
  dialog = sofra_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "erase");
  sofra_test_ui_wait (500);

  gone = sofra_store_get (store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sofra_store_get (store, note_id, NULL));
  /* The tombstone that replicates holds no personal data. */
  {
    FindRev find = { id, NULL };
    g_autoptr (JsonObject) tombstone = NULL;
    g_autofree char *text = NULL;

    g_assert_true (sofra_store_foreach_change (store, 0, 0, find_rev_cb, &find, &error));
    g_assert_nonnull (find.rev);
    tombstone = sofra_store_get_revision (store, id, find.rev, FALSE, &error);
    g_assert_no_error (error);
    g_assert_true (sofra_doc_is_erased (tombstone));
    text = sofra_json_to_string (tombstone);
    g_assert_null (strstr (text, "Besnik"));
    g_assert_null (strstr (text, "+383"));
    g_free (find.rev);
  }
  g_assert_null (sofra_test_ui_find_label (GTK_WIDGET (window), "Besnik Gashi"));
  shoot (GTK_WIDGET (window), "sync-erased-1280x800.png");
  close_window (GTK_WIDGET (window));
}

static void
test_describe_time (void)
{
  gint64           now = 1795000000;
  g_autofree char *never = sofra_sync_describe_time (0, now);
  g_autofree char *just = sofra_sync_describe_time (now - 5, now);
  g_autofree char *minutes = sofra_sync_describe_time (now - 120, now);
  g_autofree char *hour = sofra_sync_describe_time (now - 3700, now);
  g_autofree char *long_ago = sofra_sync_describe_time (now - 40 * 86400, now);

  g_assert_cmpstr (never, ==, "never");
  g_assert_cmpstr (just, ==, "just now");
  g_assert_cmpstr (minutes, ==, "2 minutes ago");
  g_assert_cmpstr (hour, ==, "1 hour ago");
  g_assert_true (strstr (long_ago, " at ") != NULL);
}

int
main (int argc, char *argv[])
{
  sofra_test_ui_init (&argc, &argv);

  g_test_add_func ("/sync-ui/describe-time", test_describe_time);
  g_test_add_func ("/sync-ui/conflicts", test_conflicts);
  g_test_add_func ("/sync-ui/three-versions", test_three_versions);
  g_test_add_func ("/sync-ui/preferences-and-unreachable", test_preferences_and_unreachable);
  g_test_add_func ("/sync-ui/erase", test_erase);

  return g_test_run ();
}
