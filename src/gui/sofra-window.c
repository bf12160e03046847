/* sofra-window.c — the main window: view switcher over sessions, participants, follow-ups
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-followups-view.h"
#include "sofra-gtk-words.h"
#include "sofra-gui-util.h"
#include "sofra-participants-view.h"
#include "sofra-records.h"
#include "sofra-sessions-view.h"
#include "sofra-window-search.h"
#include "sofra-window-print.h"
#include "sofra-window-sync.h"
#include "sofra-window.h"

struct _SofraWindow
{
  AdwApplicationWindow parent_instance;

  SofraStore *store;
  GSettings  *settings;

  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;

  SofraSessionsView *sessions_view;
  GtkWidget         *participants_view;
  GtkWidget         *followups_view;
};

G_DEFINE_FINAL_TYPE (SofraWindow, sofra_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
save_window_state (SofraWindow *self)
{
  int      width, height;
  gboolean maximized;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static void
restore_window_state (SofraWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
on_session_id_cb (SofraSessionsView *view, GParamSpec *pspec, SofraWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-session",
                                 sofra_sessions_view_get_session_id (view) != NULL);
}

static void
new_session_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraWindow *self = SOFRA_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  adw_view_stack_set_visible_child_name (self->stack, "sessions");
  id = sofra_sessions_view_new_session (self->sessions_view, &error);
  if (id == NULL)
    sofra_gui_show_error (widget, error);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sofra_window_search_start (SOFRA_WINDOW (widget));
}

static void
delete_session_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraWindow *self = SOFRA_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) deleted = NULL;

  if (sofra_sessions_view_get_session_id (self->sessions_view) == NULL)
    return;

  if (!sofra_sessions_view_delete_session (self->sessions_view, &deleted, &error))
    {
      sofra_gui_show_error (widget, error);
      return;
    }
  sofra_gui_toast_with_action (widget, _ ("Session deleted"), _ ("_Undo"), "win.undo-delete-all",
                               g_variant_new_strv ((const char *const *) deleted, -1));
}

/* Brings back documents deleted together; the first one is shown. */
static void
undo_delete_all_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraWindow            *self = SOFRA_WINDOW (widget);
  g_autofree const char **ids = g_variant_get_strv (parameter, NULL);
  g_autoptr (GError) error = NULL;

  if (ids[0] == NULL)
    return;
  if (!sofra_store_undelete_all (self->store, ids, &error))
    {
      sofra_gui_show_error (widget, error);
      return;
    }
  sofra_window_show_record (self, ids[0]);
}

static void
undo_delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraWindow *self = SOFRA_WINDOW (widget);
  const char  *id = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;

  if (!sofra_store_undelete (self->store, id, &error))
    {
      sofra_gui_show_error (widget, error);
      return;
    }
  sofra_window_show_record (self, id);
}

static void
show_view_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sofra_window_show_view (SOFRA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_record_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sofra_window_show_record (SOFRA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
load_help_overlay (SofraWindow *self)
{
  g_autoptr (GtkBuilder) builder = NULL;
  GObject *overlay;

  builder = gtk_builder_new_from_resource (SOFRA_GUI_RESOURCE_PATH "/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  if (GTK_IS_SHORTCUTS_WINDOW (overlay))
    {
      sofra_gtk_words_fill_in (GTK_WIDGET (overlay));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                               GTK_SHORTCUTS_WINDOW (overlay));
    }
}

static void
add_view (SofraWindow *self,
          GtkWidget   *view,
          const char  *name,
          const char  *title,
          const char  *icon_name)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->stack, view, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
}

static gboolean
sofra_window_close_request (GtkWindow *window)
{
  SofraWindow *self = SOFRA_WINDOW (window);

  sofra_window_flush (self);
  save_window_state (self);

  return GTK_WINDOW_CLASS (sofra_window_parent_class)->close_request (window);
}

static void
sofra_window_constructed (GObject *object)
{
  SofraWindow *self = SOFRA_WINDOW (object);

  G_OBJECT_CLASS (sofra_window_parent_class)->constructed (object);

  g_assert (SOFRA_IS_STORE (self->store));
  g_assert (G_IS_SETTINGS (self->settings));
  sofra_gui_follow_serbian_script (self->settings);

  self->sessions_view = g_object_new (SOFRA_TYPE_SESSIONS_VIEW, "store", self->store, "settings",
                                      self->settings, NULL);
  self->participants_view = g_object_new (SOFRA_TYPE_PARTICIPANTS_VIEW, "store", self->store,
                                          "settings", self->settings, NULL);
  self->followups_view = g_object_new (SOFRA_TYPE_FOLLOWUPS_VIEW, "store", self->store, "settings",
                                       self->settings, NULL);

  add_view (self, GTK_WIDGET (self->sessions_view), "sessions", _ ("Sessions"),
            "x-office-calendar-symbolic");
  add_view (self, self->participants_view, "participants", _ ("Participants"),
            "system-users-symbolic");
  add_view (self, self->followups_view, "followups", _ ("Follow-ups"), "task-due-symbolic");

  g_signal_connect (self->sessions_view, "notify::session-id", G_CALLBACK (on_session_id_cb), self);
  on_session_id_cb (self->sessions_view, NULL, self);
  sofra_window_search_setup (self, self->toast_overlay, self->stack, self->search_bar);
  sofra_window_sync_setup (self, self->header_bar, GTK_WIDGET (self->search_bar));
  sofra_window_print_setup (self, self->sessions_view);
  restore_window_state (self);
}

static void
sofra_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraWindow *self = SOFRA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SofraWindow *self = SOFRA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_window_dispose (GObject *object)
{
  SofraWindow *self = SOFRA_WINDOW (object);

  /* The switchers let go of the stack before the stack goes: disposed the other way round,
   * libadwaita 1.2 unparents switcher buttons twice. */
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOFRA_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sofra_window_parent_class)->dispose (object);
}

static void
sofra_window_class_init (SofraWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sofra_window_constructed;
  object_class->get_property = sofra_window_get_property;
  object_class->set_property = sofra_window_set_property;
  object_class->dispose = sofra_window_dispose;
  window_class->close_request = sofra_window_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SOFRA_GUI_RESOURCE_PATH "/sofra-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SofraWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SofraWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SofraWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SofraWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SofraWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SofraWindow, switcher_bar);

  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.delete-session", NULL, delete_session_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-all", "as",
                                   undo_delete_all_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "s", show_record_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-session",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s",
                                       "sessions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s",
                                       "participants");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s",
                                       "followups");
}

static void
sofra_window_init (SofraWindow *self)
{
  g_type_ensure (SOFRA_TYPE_SESSIONS_VIEW);

  sofra_gui_ensure_style (gtk_widget_get_display (GTK_WIDGET (self)));
  gtk_widget_init_template (GTK_WIDGET (self));
  load_help_overlay (self);
}

SofraWindow *
sofra_window_new (GtkApplication *application, SofraStore *store, GSettings *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SOFRA_TYPE_WINDOW, "application", application, "store", store, "settings",
                       settings, NULL);
}

SofraStore *
sofra_window_get_store (SofraWindow *self)
{
  g_return_val_if_fail (SOFRA_IS_WINDOW (self), NULL);

  return self->store;
}

GSettings *
sofra_window_get_settings (SofraWindow *self)
{
  g_return_val_if_fail (SOFRA_IS_WINDOW (self), NULL);

  return self->settings;
}

void
sofra_window_add_toast (SofraWindow *self, AdwToast *toast)
{
  g_return_if_fail (SOFRA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
sofra_window_show_view (SofraWindow *self, const char *name)
{
  g_return_if_fail (SOFRA_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

void
sofra_window_show_record (SofraWindow *self, const char *id)
{
  g_return_if_fail (SOFRA_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  if (g_str_has_prefix (id, SOFRA_TYPE_SESSION ":"))
    {
      adw_view_stack_set_visible_child_name (self->stack, "sessions");
      sofra_sessions_view_show_session (self->sessions_view, id);
    }
  else if (g_str_has_prefix (id, SOFRA_TYPE_PARTICIPANT ":"))
    {
      adw_view_stack_set_visible_child_name (self->stack, "participants");
      sofra_participants_view_show_participant (SOFRA_PARTICIPANTS_VIEW (self->participants_view),
                                                id);
    }
  else if (g_str_has_prefix (id, SOFRA_TYPE_FOLLOWUP ":"))
    {
      adw_view_stack_set_visible_child_name (self->stack, "followups");
      sofra_followups_view_show (SOFRA_FOLLOWUPS_VIEW (self->followups_view), id);
    }
}

void
sofra_window_flush (SofraWindow *self)
{
  g_return_if_fail (SOFRA_IS_WINDOW (self));

  sofra_sessions_view_flush (self->sessions_view);
  sofra_participants_view_flush (SOFRA_PARTICIPANTS_VIEW (self->participants_view));
  sofra_followups_view_flush (SOFRA_FOLLOWUPS_VIEW (self->followups_view));
}
