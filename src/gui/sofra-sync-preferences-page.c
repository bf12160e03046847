/* sofra-sync-preferences-page.c — Preferences → Sync: the server, the password, when to sync
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The address, database and user are settings, saved when a row's apply button is pressed (a
 * half-typed address would start a sync). The password goes to the keyring only, through
 * sofra-sync-secret, and the row is emptied once it is there.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "sofra-gui-util.h"
#include "sofra-sync-indicator.h"
#include "sofra-sync-preferences-page.h"
#include "sofra-sync-secret.h"
#include "sofra-window-sync.h"

struct _SofraSyncPreferencesPage
{
  AdwPreferencesPage parent_instance;

  SofraStore          *store;
  GSettings           *settings;
  SofraSyncController *controller;
  GCancellable        *cancellable;

  AdwEntryRow  *server_row;
  AdwEntryRow  *database_row;
  AdwEntryRow  *user_row;
  AdwEntryRow  *password_row;
  AdwActionRow *status_row;
  GtkWidget    *sync_button;
  GtkSwitch    *automatic_switch;
  GtkWidget    *interval_spin;
  AdwActionRow *trusted_row;
  GtkWidget    *forget_button;
  AdwActionRow *presented_row;
};

G_DEFINE_FINAL_TYPE (SofraSyncPreferencesPage,
                     sofra_sync_preferences_page,
                     ADW_TYPE_PREFERENCES_PAGE)

static void
toast (SofraSyncPreferencesPage *self, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_apply_cb (AdwEntryRow *row, SofraSyncPreferencesPage *self)
{
  g_autofree char *text = row_text (row);

  if (row == self->server_row)
    {
      gsize len = strlen (text);

      while (len > 0 && text[len - 1] == '/')
        text[--len] = '\0';
      if (*text != '\0' && !g_str_has_prefix (text, "https://") &&
          !g_str_has_prefix (text, "http://"))
        {
          toast (self, _ ("The address must start with https:// or http://"));
          return;
        }
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      g_settings_set_string (self->settings, "sync-server", text);
    }
  else if (row == self->database_row)
    g_settings_set_string (self->settings, "sync-database", text);
  else if (row == self->user_row)
    g_settings_set_string (self->settings, "sync-user", text);
}

typedef struct
{
  SofraSyncPreferencesPage *self;
  char                     *password;
} PasswordSave;

static void
on_password_stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PasswordSave *save = user_data;
  g_autoptr (GError) error = NULL;

  if (!sofra_sync_secret_store_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message =
            g_strdup_printf (_ ("The password could not be saved in the keyring: %s"),
                             error->message);

          toast (save->self, message);
        }
    }
  else
    {
      sofra_sync_controller_set_password (save->self->controller, save->password);
      gtk_editable_set_text (GTK_EDITABLE (save->self->password_row), "");
      toast (save->self, _ ("The password is saved in the keyring."));
    }
  g_object_unref (save->self);
  sofra_sync_secret_free (save->password);
  g_free (save);
}

/* The old password is removed first: replacing an item in place made GNOME Keyring 42 lose
 * track of it (the store never answered). */
static void
on_password_cleared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PasswordSave *save = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *server = g_settings_get_string (save->self->settings, "sync-server");
  g_autofree char *user = g_settings_get_string (save->self->settings, "sync-user");

  /* A failure to clear shows up as a failure to store, said once, below. */
  if (!sofra_sync_secret_clear_finish (result, &error))
    g_debug ("Clearing the old sync password failed: %s", error->message);
  sofra_sync_secret_store_async (server, user, save->password, save->self->cancellable,
                                 on_password_stored_cb, save);
}

static void
on_password_apply_cb (AdwEntryRow *row, SofraSyncPreferencesPage *self)
{
  g_autofree char *server = g_settings_get_string (self->settings, "sync-server");
  g_autofree char *user = g_settings_get_string (self->settings, "sync-user");
  PasswordSave    *save;

  if (*server == '\0' || *user == '\0')
    {
      toast (self, _ ("Save the server address and the user name first."));
      return;
    }
  save = g_new0 (PasswordSave, 1);
  save->self = g_object_ref (self);
  save->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  sofra_sync_secret_clear_async (server, user, self->cancellable, on_password_cleared_cb, save);
}

static void
update_status (SofraSyncPreferencesPage *self)
{
  SofraSyncStatus  status = sofra_sync_controller_get_status (self->controller);
  const GError    *error = sofra_sync_controller_get_error (self->controller);
  guint            pending = sofra_sync_controller_get_pending_changes (self->controller);
  g_autofree char *when = sofra_sync_describe_time (sofra_sync_controller_get_last_sync (
                                                      self->controller),
                                                    g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *subtitle = NULL;
  g_autofree char *trusted = g_settings_get_string (self->settings, "sync-trusted-fingerprint");
  const char      *presented = sofra_sync_controller_get_peer_fingerprint (self->controller);

  g_autofree char *last = g_strdup_printf (_ ("Last successful sync: %s"), when);
  const char      *title;

  switch (status)
    {
    case SOFRA_SYNC_STATUS_NOT_SET_UP:
      title = _ ("Sync is not set up");
      subtitle = g_strdup (_ ("Enter the server address below."));
      break;
    case SOFRA_SYNC_STATUS_RUNNING:
      title = _ ("Syncing…");
      subtitle = g_strdup (last);
      break;
    case SOFRA_SYNC_STATUS_OFFLINE:
      title = _ ("Offline: sync waits for the network");
      subtitle = g_strdup (last);
      break;
    case SOFRA_SYNC_STATUS_FAILED:
      title = error ? sofra_sync_error_title (error) : _ ("Sync failed");
      /* Why the last sync failed, then when the last successful one was. */
      subtitle = g_strdup_printf ("%s\n%s", error ? error->message : "", last);
      break;
    default:
      title = sofra_sync_controller_get_last_sync (self->controller) > 0 ? _ ("Synced")
                                                                         : _ ("Not synced yet");
      subtitle = pending == 0
                   ? g_strdup_printf (_ ("%s. Every change on this laptop is on the server."), last)
                   : g_strdup_printf (
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s. %u change on this laptop is not on the server yet.",
                                    "%s. %u changes on this laptop are not on the server yet.",
                                    pending),
                       last, pending);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle);
  gtk_widget_set_sensitive (self->sync_button, status != SOFRA_SYNC_STATUS_NOT_SET_UP &&
                                                 status != SOFRA_SYNC_STATUS_RUNNING);

  adw_action_row_set_subtitle (self->trusted_row,
                               *trusted ? trusted
                                        : _ ("None: only certificates the system trusts"));
  gtk_widget_set_visible (self->forget_button, *trusted != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->presented_row),
                          presented != NULL && g_ascii_strcasecmp (presented, trusted) != 0);
  adw_action_row_set_subtitle (self->presented_row, presented ? presented : "");
}

static void
on_controller_notify_cb (SofraSyncController      *controller,
                         GParamSpec               *pspec,
                         SofraSyncPreferencesPage *self)
{
  update_status (self);
}

static void
on_settings_changed_cb (GSettings *settings, const char *key, SofraSyncPreferencesPage *self)
{
  if (g_str_equal (key, "sync-trusted-fingerprint"))
    update_status (self);
}

static void
on_sync_clicked_cb (GtkButton *button, SofraSyncPreferencesPage *self)
{
  sofra_sync_controller_sync_now (self->controller);
}

static void
on_forget_clicked_cb (GtkButton *button, SofraSyncPreferencesPage *self)
{
  g_settings_set_string (self->settings, "sync-trusted-fingerprint", "");
}

static void
on_trust_clicked_cb (GtkButton *button, SofraSyncPreferencesPage *self)
{
  const char *presented = sofra_sync_controller_get_peer_fingerprint (self->controller);

  if (presented != NULL)
    sofra_sync_confirm_trust (GTK_WIDGET (self), self->settings, self->controller, presented);
}

static void
fill (SofraSyncPreferencesPage *self)
{
  static const struct
  {
    const char *key;
    gsize       offset;
  } rows[] = {
    { "sync-server", G_STRUCT_OFFSET (SofraSyncPreferencesPage, server_row) },
    { "sync-database", G_STRUCT_OFFSET (SofraSyncPreferencesPage, database_row) },
    { "sync-user", G_STRUCT_OFFSET (SofraSyncPreferencesPage, user_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *value = g_settings_get_string (self->settings, rows[i].key);

      gtk_editable_set_text (G_STRUCT_MEMBER (GtkEditable *, self, rows[i].offset), value);
    }
  g_settings_bind (self->settings, "sync-automatic", self->automatic_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-interval",
                   gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (self->interval_spin)), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
sofra_sync_preferences_page_dispose (GObject *object)
{
  SofraSyncPreferencesPage *self = SOFRA_SYNC_PREFERENCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_object (&self->controller);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOFRA_TYPE_SYNC_PREFERENCES_PAGE);

  G_OBJECT_CLASS (sofra_sync_preferences_page_parent_class)->dispose (object);
}

static void
sofra_sync_preferences_page_class_init (SofraSyncPreferencesPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sofra_sync_preferences_page_dispose;

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, SOFRA_GUI_RESOURCE_PATH
                                               "/sofra-sync-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, database_row);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, automatic_switch);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, trusted_row);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, forget_button);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncPreferencesPage, presented_row);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_forget_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_trust_clicked_cb);
}

static void
sofra_sync_preferences_page_init (SofraSyncPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
sofra_sync_preferences_page_new (SofraStore          *store,
                                 GSettings           *settings,
                                 SofraSyncController *controller)
{
  SofraSyncPreferencesPage *self;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (controller == NULL || SOFRA_IS_SYNC_CONTROLLER (controller), NULL);

  self = g_object_new (SOFRA_TYPE_SYNC_PREFERENCES_PAGE, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->controller = controller ? g_object_ref (controller)
                                : sofra_sync_controller_new (store, settings);
  fill (self);
  g_signal_connect (self->controller, "notify", G_CALLBACK (on_controller_notify_cb), self);
  g_signal_connect (settings, "changed", G_CALLBACK (on_settings_changed_cb), self);
  update_status (self);
  return GTK_WIDGET (self);
}
