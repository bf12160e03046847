/* test-sync-window.c — the window syncs through a real PouchDB Server: keyring, status, conflicts
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb and its own D-Bus session (tests/run-ui-test.sh), with a GNOME Keyring of
 * its own for the password and PouchDB Server from tests/sync. The person's path: Preferences
 * → Sync, the password into the keyring, Sync Now, the status; a wrong password and a missing
 * database as the status says them; a conflict with another laptop merged in the window and
 * gone on every side after the next sync.
 */
#include <adwaita.h>

#include "sofra-conflict-merge.h"
#include "sofra-conflicts-window.h"
#include "sofra-conflicts.h"
#include "sofra-sync-indicator.h"
#include "sofra-sync-secret.h"
#include "sofra-sync.h"
#include "sofra-test-server.h"
#include "sofra-test-store.h"
#include "sofra-test-ui.h"
#include "sofra-test-util.h"
#include "sofra-window-sync.h"

static SofraTestServer *server;

static void
shoot (GtkWidget *widget, const char *name)
{
  g_autofree char *path = sofra_test_ui_screenshot (widget, name);

  g_test_message ("screenshot: %s", path);
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

/* A keyring of this test's own on its D-Bus session, unlocked with a throwaway password. */
static GSubprocess *
start_keyring (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = NULL;
  GSubprocess   *keyring;
  GOutputStream *in;
  gint64         end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autofree char         *home = sofra_test_tmp_path ("keyring-home");
  static const char *const vars[] = { "HOME", "XDG_RUNTIME_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                      "XDG_CACHE_HOME" };

  /* Its sockets and its keyring file go to directories of the test's own. */
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_subprocess_launcher_setenv (launcher, vars[i], dir, TRUE);
    }
  keyring = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                         "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (keyring);
  g_assert_true (g_output_stream_write_all (in, "test", 4, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (in, NULL, &error));
  g_assert_no_error (error);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr (GVariant)
        reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "NameHasOwner",
                                             g_variant_new ("(s)", "org.freedesktop.secrets"),
                                             G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                             NULL, &error);
      gboolean owned = FALSE;

      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &owned);
      if (owned)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_usleep (50000);
    }
  return keyring;
}

static void
stop_keyring (GSubprocess *keyring)
{
  g_subprocess_force_exit (keyring);
  g_subprocess_wait (keyring, NULL, NULL);
  g_object_unref (keyring);
}

static gboolean
wait_for_run (SofraSyncController *controller, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  /* Until it has started and finished. */
  while (g_get_monotonic_time () < end &&
         sofra_sync_controller_get_status (controller) != SOFRA_SYNC_STATUS_RUNNING)
    g_main_context_iteration (NULL, FALSE);
  while (g_get_monotonic_time () < end &&
         sofra_sync_controller_get_status (controller) == SOFRA_SYNC_STATUS_RUNNING)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return sofra_sync_controller_get_status (controller) != SOFRA_SYNC_STATUS_RUNNING;
}

static void
sync_now (SofraWindow *window)
{
  SofraSyncController *controller = sofra_window_get_sync_controller (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.now", NULL));
  g_assert_true (wait_for_run (controller, 60000));
  sofra_test_ui_wait (200);
}

static void
apply_row (GtkWidget *prefs, const char *title, const char *text)
{
  GtkWidget *row = sofra_test_ui_find_entry_row (prefs, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* Types the password into Preferences → Sync and waits until the keyring holds it. */
static void
set_password (GtkWidget *prefs, const char *password)
{
  GtkWidget *row = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  row = sofra_test_ui_find_type (prefs, ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), password);
  g_signal_emit_by_name (row, "apply");
  /* The row is emptied once the keyring has the password. */
  while (*gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
on_progress_cb (SofraSyncController *controller, GParamSpec *pspec, double *max)
{
  *max = MAX (*max, sofra_sync_controller_get_progress (controller));
}

static void
test_window_sync (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("org.sofra.Sofra");
  g_autoptr (SofraStore) store = sofra_test_open_store ("laptop-a.db");
  g_autoptr (SofraStore) other = sofra_test_open_store ("laptop-b.db");
  g_autoptr (GError) error = NULL;
  g_autofree char     *db = sofra_test_server_create_db (server);
  g_autofree char     *participant_id = NULL;
  g_autofree char     *stored = NULL;
  GSubprocess         *keyring = start_keyring ();
  SofraSyncController *controller;
  SofraWindow         *window;
  GtkWidget           *prefs, *indicator;

  g_settings_set_boolean (settings, "sync-automatic", FALSE);
  g_settings_set_string (settings, "staff-name", "Arta Krasniqi");
  participant_id = sofra_test_ui_put_json (
    store, "{\"type\":\"participant\",\"name\":\"Dragana Ćirić\",\"code\":\"P-7F3K\","
           "\"organisation\":\"Youth Centre\"}");
  g_free (sofra_test_ui_put_json (store, "{\"type\":\"session\",\"title\":\"Roundtable\","
                                         "\"kind\":\"roundtable\",\"status\":\"held\","
                                         "\"date\":\"2026-11-20\"}"));

  /* Enough records for the run to take a while, in batches, with progress to show. */
  g_assert_true (sofra_store_begin (store, &error));
  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"type\":\"participant\",\"name\":\"Participant %u\",\"code\":\"P-%04u\"}", i, i);

      g_free (sofra_test_ui_put_json (store, json));
    }
  g_assert_true (sofra_store_commit (store, &error));
  g_assert_no_error (error);

  window = sofra_test_ui_main_window_new (store, settings, 1280, 800, NULL);
  controller = sofra_window_get_sync_controller (GTK_WINDOW (window));
  indicator = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_SYNC_INDICATOR);
  g_assert_nonnull (indicator);

  /* Preferences → Sync: the address, the database, the user, the password into the keyring. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.preferences", NULL));
  sofra_test_ui_wait (400);
  prefs = sofra_test_ui_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  apply_row (prefs, "Server address", sofra_test_server_url (server));
  apply_row (prefs, "Database", db);
  apply_row (prefs, "User name", SOFRA_TEST_ADMIN);
  set_password (prefs, SOFRA_TEST_ADMIN_PASSWORD);
  stored = sofra_sync_secret_lookup (sofra_test_server_url (server), SOFRA_TEST_ADMIN, NULL,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, SOFRA_TEST_ADMIN_PASSWORD);
  {
    g_autofree char *in_settings = NULL;
    g_autoptr (GVariant) all = NULL;

    /* Never in the settings. */
    for (const char *const *key =
           (const char *const[]){ "sync-server", "sync-database", "sync-user", NULL };
         *key != NULL; key++)
      {
        g_autofree char *value = g_settings_get_string (settings, *key);

        g_assert_null (strstr (value, SOFRA_TEST_ADMIN_PASSWORD));
      }
  }
  g_assert_cmpuint (sofra_sync_controller_get_pending_changes (controller), >=, 2);

  /* Sync Now: everything is on the server, and the status says so; on the way, how far. */
  {
    double max_progress = -1;
    gulong handler = g_signal_connect (controller, "notify::progress", G_CALLBACK (on_progress_cb),
                                       &max_progress);

    gint64     end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    GtkWidget *bar;

    /* The popover open while it runs: a progress bar that moves. */
    sofra_sync_indicator_popup (SOFRA_SYNC_INDICATOR (indicator));
    sofra_test_ui_wait (200);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.now", NULL));
    while (sofra_sync_controller_get_progress (controller) < 0.2 &&
           (sofra_sync_controller_get_status (controller) == SOFRA_SYNC_STATUS_RUNNING ||
            max_progress < 0))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, end);
        g_main_context_iteration (NULL, FALSE);
      }
    bar = sofra_test_ui_find_type (indicator, GTK_TYPE_PROGRESS_BAR);
    if (sofra_sync_controller_get_status (controller) == SOFRA_SYNC_STATUS_RUNNING)
      {
        g_assert_nonnull (bar);
        g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), >, 0);
        shoot (sofra_test_ui_find_type (indicator, GTK_TYPE_POPOVER),
               "sync-window-status-progress.png");
      }
    g_assert_true (wait_for_run (controller, 60000));
    sofra_test_ui_wait (200);
    gtk_popover_popdown (GTK_POPOVER (sofra_test_ui_find_type (indicator, GTK_TYPE_POPOVER)));
    g_signal_handler_disconnect (controller, handler);
    g_test_message ("highest progress seen: %.2f", max_progress);
    g_assert_cmpfloat (max_progress, >, 0);
    g_assert_cmpfloat (max_progress, <=, 1);
  }
  g_assert_null (sofra_sync_controller_get_error (controller));
  g_assert_cmpint (sofra_sync_controller_get_status (controller), ==, SOFRA_SYNC_STATUS_IDLE);
  g_assert_cmpint (sofra_sync_controller_get_last_sync (controller), >, 0);
  g_assert_cmpuint (sofra_sync_controller_get_pending_changes (controller), ==, 0);
  {
    g_autoptr (JsonObject) on_server = sofra_test_server_get_doc (server, db, participant_id);

    g_assert_nonnull (on_server);
    g_assert_cmpstr (json_object_get_string_member (on_server, "name"), ==, "Dragana Ćirić");
  }
  g_assert_cmpstr (sofra_sync_indicator_get_title (SOFRA_SYNC_INDICATOR (indicator)), ==, "Synced");
  shoot (prefs, "sync-window-preferences-synced.png");
  close_window (prefs);
  sofra_sync_indicator_popup (SOFRA_SYNC_INDICATOR (indicator));
  sofra_test_ui_wait (300);
  g_assert_nonnull (
    sofra_test_ui_find_label (GTK_WIDGET (window), "Last successful sync: just now"));
  g_assert_nonnull (sofra_test_ui_find_label (GTK_WIDGET (window),
                                              "Every change on this laptop is on the server."));
  shoot (sofra_test_ui_find_type (indicator, GTK_TYPE_POPOVER), "sync-window-status-synced.png");
  gtk_popover_popdown (GTK_POPOVER (sofra_test_ui_find_type (indicator, GTK_TYPE_POPOVER)));

  /* Automatic sync: a change goes to the server by itself shortly after, when the network is
   * up; without a network the status says it waits for one. */
  {
    g_autofree char *id = NULL;
    gint64           end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    g_autoptr (JsonObject) on_server = NULL;
    guint  finished = 0;
    gulong handler = g_signal_connect_swapped (controller, "finished", G_CALLBACK (count_cb),
                                               &finished);

    sofra_sync_controller_set_change_delay (controller, 1);
    g_settings_set_boolean (settings, "sync-automatic", TRUE);
    id = sofra_test_ui_put_json (store, "{\"type\":\"participant\",\"name\":\"Ardita Berisha\","
                                        "\"code\":\"P-AUTO\"}");
    if (g_network_monitor_get_network_available (g_network_monitor_get_default ()))
      {
        while (finished == 0)
          {
            g_assert_cmpint (g_get_monotonic_time (), <, end);
            g_main_context_iteration (NULL, FALSE);
            g_usleep (1000);
          }
        g_signal_handler_disconnect (controller, handler);
        g_assert_cmpuint (sofra_sync_controller_get_pending_changes (controller), ==, 0);
        g_assert_null (sofra_sync_controller_get_error (controller));
        on_server = sofra_test_server_get_doc (server, db, id);
        g_assert_nonnull (on_server);
      }
    else
      {
        sofra_test_ui_wait (2500);
        g_signal_handler_disconnect (controller, handler);
        g_assert_cmpint (sofra_sync_controller_get_status (controller), ==,
                         SOFRA_SYNC_STATUS_OFFLINE);
        g_test_message ("no network route here: the automatic sync waited, as it should");
      }
    g_settings_set_boolean (settings, "sync-automatic", FALSE);
  }

  /* Another laptop edits the same participant while this one does too: a conflict, merged
   * here, and gone everywhere after the next syncs. */
  {
    g_autoptr (SofraSyncer) syncer = sofra_syncer_new (other, sofra_test_server_url (server), db,
                                                       SOFRA_TEST_ADMIN, SOFRA_TEST_ADMIN_PASSWORD);
    g_autoptr (JsonObject) theirs = NULL;
    g_autoptr (JsonObject) mine = NULL;
    g_autoptr (JsonObject) on_server = NULL;
    g_auto (GStrv) left = NULL;
    GtkWidget *conflicts;

    g_assert_true (sofra_syncer_run (syncer, NULL, &error));
    g_assert_no_error (error);
    theirs = sofra_store_get (other, participant_id, &error);
    g_assert_no_error (error);
    json_object_set_string_member (theirs, "organisation", "Qendra Rinore");
    g_assert_true (sofra_store_put (other, theirs, &error));
    mine = sofra_store_get (store, participant_id, &error);
    json_object_set_string_member (mine, "phone", "+383 44 111 222");
    g_assert_true (sofra_store_put (store, mine, &error));
    g_assert_no_error (error);
    g_assert_true (sofra_syncer_run (syncer, NULL, &error));
    g_assert_no_error (error);

    sync_now (window);
    g_assert_null (sofra_sync_controller_get_error (controller));
    sofra_test_ui_wait (300);
    g_assert_cmpuint (sofra_sync_controller_get_conflicts (controller), ==, 1);
    g_assert_nonnull (sofra_test_ui_find_button (GTK_WIDGET (window), "Review"));
    shoot (GTK_WIDGET (window), "sync-window-conflict-banner-1280x800.png");

    sofra_test_ui_press (sofra_test_ui_find_button (GTK_WIDGET (window), "Review"));
    sofra_test_ui_wait (400);
    conflicts = sofra_test_ui_find_toplevel (SOFRA_TYPE_CONFLICTS_WINDOW);
    g_assert_nonnull (conflicts);
    /* Which version wins is CouchDB's rule: the person picks by value, whichever side it is. */
    adw_action_row_activate (
      ADW_ACTION_ROW (sofra_test_ui_find_action_row (conflicts, "Qendra Rinore")));
    adw_action_row_activate (
      ADW_ACTION_ROW (sofra_test_ui_find_action_row (conflicts, "+383 44 111 222")));
    sofra_test_ui_wait (200);
    shoot (conflicts, "sync-window-conflict-merge.png");
    g_assert_true (gtk_widget_activate_action (conflicts, "conflicts.resolve", NULL));
    sofra_test_ui_wait (300);
    close_window (conflicts);
    g_assert_cmpuint (sofra_store_count_conflicts (store), ==, 0);

    sync_now (window);
    g_assert_null (sofra_sync_controller_get_error (controller));
    g_assert_true (sofra_syncer_run (syncer, NULL, &error));
    g_assert_no_error (error);
    left = sofra_store_get_conflicts (other, participant_id);
    g_assert_cmpuint (g_strv_length (left), ==, 0);
    on_server = sofra_test_server_get_doc (server, db, participant_id);
    g_assert_false (json_object_has_member (on_server, "_conflicts"));
    g_assert_cmpstr (json_object_get_string_member (on_server, "organisation"), ==,
                     "Qendra Rinore");
    g_assert_cmpstr (json_object_get_string_member (on_server, "phone"), ==, "+383 44 111 222");
    g_clear_pointer (&theirs, json_object_unref);
    theirs = sofra_store_get (other, participant_id, &error);
    g_assert_cmpstr (json_object_get_string_member (theirs, "organisation"), ==, "Qendra Rinore");
  }

  /* A wrong password: said so, and the way out is the sync settings. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.preferences", NULL));
  sofra_test_ui_wait (400);
  prefs = sofra_test_ui_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  set_password (prefs, "not-the-password");
  sync_now (window);
  g_assert_error ((GError *) sofra_sync_controller_get_error (controller), SOFRA_SYNC_ERROR,
                  SOFRA_SYNC_ERROR_UNAUTHORIZED);
  g_assert_cmpint (sofra_sync_controller_get_remedy (controller), ==,
                   SOFRA_SYNC_REMEDY_PREFERENCES);
  g_assert_cmpstr (sofra_sync_indicator_get_title (SOFRA_SYNC_INDICATOR (indicator)), ==,
                   "Wrong user name or password");
  shoot (prefs, "sync-window-preferences-wrong-password.png");
  set_password (prefs, SOFRA_TEST_ADMIN_PASSWORD);

  /* A database that is not there. */
  apply_row (prefs, "Database", "no_such_database");
  sofra_test_ui_wait (500);
  close_window (prefs);
  sync_now (window);
  g_assert_error ((GError *) sofra_sync_controller_get_error (controller), SOFRA_SYNC_ERROR,
                  SOFRA_SYNC_ERROR_NOT_FOUND);
  g_assert_cmpstr (sofra_sync_indicator_get_title (SOFRA_SYNC_INDICATOR (indicator)), ==,
                   "The database is not on the server");
  sofra_sync_indicator_popup (SOFRA_SYNC_INDICATOR (indicator));
  sofra_test_ui_wait (300);
  g_assert_nonnull (sofra_test_ui_find_button (GTK_WIDGET (window), "Open Sync Settings"));
  shoot (sofra_test_ui_find_type (indicator, GTK_TYPE_POPOVER),
         "sync-window-status-no-database.png");
  /* Closed before the window goes: GTK 4.8 asks a popover's gone surface for the pointer. */
  gtk_popover_popdown (GTK_POPOVER (sofra_test_ui_find_type (indicator, GTK_TYPE_POPOVER)));
  sofra_test_ui_wait (200);

  close_window (GTK_WIDGET (window));
  stop_keyring (keyring);
}

int
main (int argc, char *argv[])
{
  int status;

  sofra_test_ui_init (&argc, &argv);
  server = sofra_test_server_start ();

  g_test_add_func ("/sync-window/keyring-status-conflict", test_window_sync);

  status = g_test_run ();
  sofra_test_server_stop (server);
  return status;
}
