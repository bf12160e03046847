/* sofra-window-sync.c — sync in the main window: status button, conflicts banner, actions
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-conflicts-window.h"
#include "sofra-gui-util.h"
#include "sofra-preferences-window.h"
#include "sofra-sync-indicator.h"
#include "sofra-window-sync.h"

#define CONTROLLER_KEY "sofra-sync-controller"
#define BANNER_KEY     "sofra-sync-banner"

typedef struct
{
  SofraWindow *window; /* unowned: this lives as long as the window */
  GtkRevealer *banner;
  GtkLabel    *banner_label;
  GtkWidget   *conflicts_window;
} WindowSync;

static void
window_sync_free (gpointer data)
{
  WindowSync *ws = data;

  if (ws->conflicts_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (ws->conflicts_window),
                                  (gpointer *) &ws->conflicts_window);
  g_free (ws);
}

static void
update_banner (SofraSyncController *controller, GParamSpec *pspec, WindowSync *ws)
{
  guint            n = sofra_sync_controller_get_conflicts (controller);
  g_autofree char *text = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%u record was changed in two places before they synced: choose what to keep.",
                 "%u records were changed in two places before they synced: choose what to keep.",
                 n),
    n);

  gtk_label_set_text (ws->banner_label, text);
  gtk_revealer_set_reveal_child (ws->banner, n > 0);
}

static GtkWidget *
make_banner (WindowSync *ws)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Review"));

  gtk_widget_add_css_class (box, "sofra-banner");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sync.show-conflicts");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  ws->banner = GTK_REVEALER (revealer);
  ws->banner_label = GTK_LABEL (label);
  return revealer;
}


static void
show_conflicts_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  WindowSync *ws = user_data;

  if (ws->conflicts_window == NULL)
    {
      ws->conflicts_window = sofra_conflicts_window_new (GTK_WINDOW (ws->window),
                                                         sofra_window_get_store (ws->window));
      g_object_add_weak_pointer (G_OBJECT (ws->conflicts_window),
                                 (gpointer *) &ws->conflicts_window);
    }
  gtk_window_present (GTK_WINDOW (ws->conflicts_window));
}

static void
preferences_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  WindowSync *ws = user_data;
  GtkWidget  *prefs = sofra_preferences_window_new (GTK_WINDOW (ws->window),
                                                    sofra_window_get_store (ws->window),
                                                    sofra_window_get_settings (ws->window));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "sync");
  gtk_window_present (GTK_WINDOW (prefs));
}

/* With nothing set up yet, "Sync Now" leads to where it is set up. */
static void
sync_now_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  WindowSync          *ws = user_data;
  SofraSyncController *controller = sofra_window_get_sync_controller (GTK_WINDOW (ws->window));

  if (sofra_sync_controller_get_status (controller) == SOFRA_SYNC_STATUS_NOT_SET_UP)
    preferences_cb (action, parameter, user_data);
  else
    sofra_sync_controller_sync_now (controller);
}

static void
trust_certificate_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  WindowSync          *ws = user_data;
  SofraSyncController *controller = sofra_window_get_sync_controller (GTK_WINDOW (ws->window));
  const char          *fingerprint = sofra_sync_controller_get_peer_fingerprint (controller);

  if (fingerprint != NULL)
    sofra_sync_confirm_trust (GTK_WIDGET (ws->window), sofra_window_get_settings (ws->window),
                              controller, fingerprint);
}

static const GActionEntry sync_entries[] = {
  { "now", sync_now_cb },
  { "show-conflicts", show_conflicts_cb },
  { "preferences", preferences_cb },
  { "trust-certificate", trust_certificate_cb },
};

void
sofra_window_sync_setup (SofraWindow *window, AdwHeaderBar *header_bar, GtkWidget *banner_after)
{
  SofraSyncController *controller;
  WindowSync          *ws;
  GSimpleActionGroup  *group;
  GtkWidget           *parent;

  g_return_if_fail (SOFRA_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_HEADER_BAR (header_bar));
  g_return_if_fail (GTK_IS_WIDGET (banner_after));

  controller = sofra_sync_controller_new (sofra_window_get_store (window),
                                          sofra_window_get_settings (window));
  ws = g_new0 (WindowSync, 1);
  ws->window = window;
  g_object_set_data_full (G_OBJECT (window), BANNER_KEY, ws, window_sync_free);
  g_object_set_data_full (G_OBJECT (window), CONTROLLER_KEY, controller, g_object_unref);

  group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), sync_entries, G_N_ELEMENTS (sync_entries),
                                   ws);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "sync", G_ACTION_GROUP (group));
  g_object_unref (group);

  adw_header_bar_pack_end (header_bar, sofra_sync_indicator_new (controller));

  parent = gtk_widget_get_parent (banner_after);
  g_return_if_fail (GTK_IS_BOX (parent));
  gtk_box_insert_child_after (GTK_BOX (parent), make_banner (ws), banner_after);
  g_signal_connect (controller, "notify::conflicts", G_CALLBACK (update_banner), ws);
  update_banner (controller, NULL, ws);
}

SofraSyncController *
sofra_window_get_sync_controller (GtkWindow *window)
{
  if (window == NULL)
    return NULL;
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), CONTROLLER_KEY);
}

typedef struct
{
  GSettings           *settings;
  SofraSyncController *controller;
  char                *fingerprint;
} TrustRequest;

static void
trust_request_free (gpointer data)
{
  TrustRequest *request = data;

  g_clear_object (&request->settings);
  g_clear_object (&request->controller);
  g_free (request->fingerprint);
  g_free (request);
}

static void
trust_request_notify (gpointer data, GClosure *closure)
{
  trust_request_free (data);
}

static void
on_trust_response_cb (AdwMessageDialog *dialog, const char *response, TrustRequest *request)
{
  if (g_strcmp0 (response, "trust") != 0)
    return;
  g_settings_set_string (request->settings, "sync-trusted-fingerprint", request->fingerprint);
  if (request->controller != NULL)
    sofra_sync_controller_sync_now (request->controller);
}

void
sofra_sync_confirm_trust (GtkWidget           *parent,
                          GSettings           *settings,
                          SofraSyncController *controller,
                          const char          *fingerprint)
{
  TrustRequest *request;
  GtkWidget    *dialog;
  GtkWidget    *label;
  GtkRoot      *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (fingerprint != NULL);

  root = gtk_widget_get_root (parent);
  dialog = adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Trust This Server’s Certificate?"),
    _ ("No certificate authority vouches for this server. That is usual for an office’s own "
       "server, and it is also what an impostor’s server looks like. Compare the fingerprint "
       "below, character by character, with the one the server’s administrator gave you, and "
       "trust it only if they are the same."));
  label = gtk_label_new (fingerprint);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "trust",
                                    _ ("_Trust This Certificate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "trust",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request = g_new0 (TrustRequest, 1);
  request->settings = g_object_ref (settings);
  request->controller = controller ? g_object_ref (controller) : NULL;
  request->fingerprint = g_strdup (fingerprint);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_trust_response_cb), request,
                         trust_request_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
