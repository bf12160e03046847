/* sofra-sync-indicator.c — the header-bar button that tells how sync stands, and its popover
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-gui-util.h"
#include "sofra-store.h"
#include "sofra-sync-indicator.h"
#include "sofra-sync.h"

/* "2 minutes ago" moves on by itself. */
#define REFRESH_S 30

struct _SofraSyncIndicator
{
  AdwBin parent_instance;

  SofraSyncController *controller;
  guint                refresh_id;
  char                *title;

  GtkMenuButton  *button;
  GtkStack       *icon_stack;
  GtkImage       *icon;
  GtkSpinner     *spinner;
  GtkLabel       *title_label;
  GtkLabel       *last_label;
  GtkLabel       *pending_label;
  GtkProgressBar *progress_bar;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkButton      *remedy_button;
  GtkWidget      *conflicts_box;
  GtkLabel       *conflicts_label;
  GtkWidget      *sync_button;
};

G_DEFINE_FINAL_TYPE (SofraSyncIndicator, sofra_sync_indicator, ADW_TYPE_BIN)

const char *
sofra_sync_error_title (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == SOFRA_STORE_ERROR)
    return _ ("This laptop’s database could not be updated");
  if (error->domain != SOFRA_SYNC_ERROR)
    return _ ("Sync failed");
  switch (error->code)
    {
    case SOFRA_SYNC_ERROR_INVALID_CONFIG:
      return _ ("The sync settings are not usable");
    case SOFRA_SYNC_ERROR_UNAUTHORIZED:
      return _ ("Wrong user name or password");
    case SOFRA_SYNC_ERROR_FORBIDDEN:
      return _ ("No permission for this database");
    case SOFRA_SYNC_ERROR_NOT_FOUND:
      return _ ("The database is not on the server");
    case SOFRA_SYNC_ERROR_UNREACHABLE:
      return _ ("Cannot reach the server");
    case SOFRA_SYNC_ERROR_CERTIFICATE:
      return _ ("The server’s certificate is not trusted");
    case SOFRA_SYNC_ERROR_BUSY:
      return _ ("A sync is already running");
    default:
      return _ ("The server had a problem");
    }
}

static void
update_remedy (SofraSyncIndicator *self)
{
  const char *label, *action;

  switch (sofra_sync_controller_get_remedy (self->controller))
    {
    case SOFRA_SYNC_REMEDY_PREFERENCES:
      label = _ ("Open Sync _Settings");
      action = "sync.preferences";
      break;
    case SOFRA_SYNC_REMEDY_CERTIFICATE:
      label = _ ("_Check the Certificate…");
      action = "sync.trust-certificate";
      break;
    default:
      label = _ ("_Try Again");
      action = "sync.now";
    }
  gtk_button_set_label (self->remedy_button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remedy_button), action);
}

static void
set_title (SofraSyncIndicator *self, const char *title, const char *icon_name)
{
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), title);
  gtk_image_set_from_icon_name (self->icon, icon_name);
}

static void
update_progress (SofraSyncIndicator *self)
{
  double   progress = sofra_sync_controller_get_progress (self->controller);
  gboolean running = sofra_sync_controller_get_status (self->controller) ==
                     SOFRA_SYNC_STATUS_RUNNING;

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  if (!running)
    return;
  if (progress < 0)
    {
      gtk_progress_bar_set_text (self->progress_bar, _ ("Connecting…"));
      gtk_progress_bar_pulse (self->progress_bar);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%d %%", (int) (progress * 100 + 0.5));

      gtk_progress_bar_set_text (self->progress_bar, text);
      gtk_progress_bar_set_fraction (self->progress_bar, progress);
    }
}

static void
update (SofraSyncIndicator *self)
{
  SofraSyncStatus  status = sofra_sync_controller_get_status (self->controller);
  const GError    *error = sofra_sync_controller_get_error (self->controller);
  gint64           last = sofra_sync_controller_get_last_sync (self->controller);
  guint            pending = sofra_sync_controller_get_pending_changes (self->controller);
  guint            conflicts = sofra_sync_controller_get_conflicts (self->controller);
  g_autofree char *when = sofra_sync_describe_time (last, g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *last_text = NULL;
  g_autofree char *pending_text = NULL;
  g_autofree char *conflicts_text = NULL;

  switch (status)
    {
    case SOFRA_SYNC_STATUS_NOT_SET_UP:
      set_title (self, _ ("Sync is not set up"), "network-server-symbolic");
      break;
    case SOFRA_SYNC_STATUS_RUNNING:
      set_title (self, _ ("Syncing…"), "emblem-synchronizing-symbolic");
      break;
    case SOFRA_SYNC_STATUS_OFFLINE:
      set_title (self, _ ("Offline: sync waits for the network"), "network-offline-symbolic");
      break;
    case SOFRA_SYNC_STATUS_FAILED:
      set_title (self, error ? sofra_sync_error_title (error) : _ ("Sync failed"),
                 "dialog-warning-symbolic");
      break;
    default:
      set_title (self, last > 0 ? _ ("Synced") : _ ("Not synced yet"),
                 "emblem-synchronizing-symbolic");
    }
  if (status == SOFRA_SYNC_STATUS_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "error");

  gtk_stack_set_visible_child_name (self->icon_stack,
                                    status == SOFRA_SYNC_STATUS_RUNNING ? "running" : "icon");
  gtk_spinner_set_spinning (self->spinner, status == SOFRA_SYNC_STATUS_RUNNING);

  if (status == SOFRA_SYNC_STATUS_NOT_SET_UP)
    {
      last_text = g_strdup (_ ("Offices share their records through a server of their own. "
                               "Enter its address in the sync settings."));
      pending_text = g_strdup ("");
    }
  else
    {
      /* Translators: %s is a time like "2 minutes ago", "today at 14:02" or "never" */
      last_text = g_strdup_printf (_ ("Last successful sync: %s"), when);
      pending_text =
        pending == 0
          ? g_strdup (_ ("Every change on this laptop is on the server."))
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u change on this laptop is not on the server yet.",
                                          "%u changes on this laptop are not on the server yet.",
                                          pending),
                             pending);
    }
  gtk_label_set_text (self->last_label, last_text);
  gtk_label_set_text (self->pending_label, pending_text);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_label), *pending_text != '\0');

  gtk_widget_set_visible (self->error_box, status == SOFRA_SYNC_STATUS_FAILED && error != NULL);
  gtk_label_set_text (self->error_label, error ? error->message : "");
  if (error != NULL)
    update_remedy (self);

  conflicts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record is in conflict.",
                                                 "%u records are in conflict.", conflicts),
                                    conflicts);
  gtk_label_set_text (self->conflicts_label, conflicts_text);
  gtk_widget_set_visible (self->conflicts_box, conflicts > 0);
  gtk_widget_set_sensitive (self->sync_button, status != SOFRA_SYNC_STATUS_NOT_SET_UP &&
                                                 status != SOFRA_SYNC_STATUS_RUNNING);
  update_progress (self);
}

static void
on_controller_notify_cb (SofraSyncController *controller,
                         GParamSpec          *pspec,
                         SofraSyncIndicator  *self)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "progress"))
    update_progress (self);
  else
    update (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  update (user_data);
  return G_SOURCE_CONTINUE;
}

static void
sofra_sync_indicator_dispose (GObject *object)
{
  SofraSyncIndicator *self = SOFRA_SYNC_INDICATOR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_clear_object (&self->controller);

  G_OBJECT_CLASS (sofra_sync_indicator_parent_class)->dispose (object);
}

static void
sofra_sync_indicator_finalize (GObject *object)
{
  g_free (SOFRA_SYNC_INDICATOR (object)->title);

  G_OBJECT_CLASS (sofra_sync_indicator_parent_class)->finalize (object);
}

static void
sofra_sync_indicator_class_init (SofraSyncIndicatorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sofra_sync_indicator_dispose;
  object_class->finalize = sofra_sync_indicator_finalize;

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SOFRA_GUI_RESOURCE_PATH "/sofra-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, title_label);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, last_label);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, pending_label);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, error_box);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, error_label);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, remedy_button);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, SofraSyncIndicator, sync_button);
}

static void
sofra_sync_indicator_init (SofraSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sofra_sync_indicator_new (SofraSyncController *controller)
{
  SofraSyncIndicator *self;

  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (controller), NULL);

  self = g_object_new (SOFRA_TYPE_SYNC_INDICATOR, NULL);
  self->controller = g_object_ref (controller);
  g_signal_connect (controller, "notify", G_CALLBACK (on_controller_notify_cb), self);
  self->refresh_id = g_timeout_add_seconds (REFRESH_S, refresh_cb, self);
  update (self);
  return GTK_WIDGET (self);
}

const char *
sofra_sync_indicator_get_title (SofraSyncIndicator *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_INDICATOR (self), NULL);

  return self->title;
}

const char *
sofra_sync_indicator_get_error_text (SofraSyncIndicator *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_INDICATOR (self), NULL);

  if (!gtk_widget_get_visible (self->error_box))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
sofra_sync_indicator_popup (SofraSyncIndicator *self)
{
  g_return_if_fail (SOFRA_IS_SYNC_INDICATOR (self));

  gtk_menu_button_popup (self->button);
}
