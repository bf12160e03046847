/* sofra-followups-view.c — open follow-ups beside the editor of the selected one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-doc-list.h"
#include "sofra-followup-editor.h"
#include "sofra-followup-row.h"
#include "sofra-followups-view.h"
#include "sofra-gui-util.h"
#include "sofra-records.h"

struct _SofraFollowupsView
{
  AdwBin parent_instance;

  SofraStore          *store;
  GSettings           *settings;
  gboolean             show_done;
  SofraDocList        *docs;
  GtkSingleSelection  *selection;
  SofraFollowupEditor *editor;
  gboolean             syncing;
  guint                last_position; /* where the shown record was last seen in the list */

  AdwLeaflet    *leaflet;
  GtkStack      *list_stack;
  GtkListView   *list_view;
  AdwStatusPage *empty_page;
  GtkSwitch     *show_done_switch;
  GtkStack      *editor_stack;
};

G_DEFINE_FINAL_TYPE (SofraFollowupsView, sofra_followups_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GWeakRef    view;
  SofraStore *store;
  char       *id;
} UndoData;

static void
undo_data_free (gpointer data, GClosure *closure)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->store);
  g_free (undo->id);
  g_free (undo);
}

static void
update_empty_state (SofraFollowupsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->docs));

  adw_status_page_set_title (self->empty_page,
                             self->show_done ? _ ("No Follow-ups") : _ ("No Open Follow-ups"));
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
update_actions (SofraFollowupsView *self)
{
  gboolean has = sofra_followup_editor_get_followup_id (self->editor) != NULL ||
                 sofra_followup_editor_is_draft (self->editor);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followups.delete", has);
  gtk_stack_set_visible_child_name (self->editor_stack, has ? "editor" : "none");
}

/* Keeps the list's selection on the follow-up in the editor, through reloads. */
static void
sync_selection (SofraFollowupsView *self)
{
  sofra_gui_select_doc (self->selection, sofra_followup_editor_get_followup_id (self->editor),
                        &self->last_position, &self->syncing);
}

static void
open_editor (SofraFollowupsView *self)
{
  update_actions (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_selected_cb (SofraFollowupsView *self)
{
  SofraDocItem *item = gtk_single_selection_get_selected_item (self->selection);
  const char   *id;

  /* A reload unselects for a moment; the editor keeps its follow-up. */
  if (self->syncing || item == NULL)
    return;
  self->last_position = gtk_single_selection_get_selected (self->selection);

  id = sofra_doc_item_get_id (item);
  if (g_strcmp0 (id, sofra_followup_editor_get_followup_id (self->editor)) != 0)
    {
      if (!sofra_followup_editor_flush (self->editor))
        {
          /* What was typed cannot be saved yet; stay with it and show why. */
          sync_selection (self);
          return;
        }
      sofra_followup_editor_set_followup_id (self->editor, id);
    }
  open_editor (self);
}

static void
on_items_changed_cb (SofraFollowupsView *self,
                     guint               position,
                     guint               removed,
                     guint               added,
                     GListModel         *model)
{
  update_empty_state (self);
  sync_selection (self);
}

static void
on_editor_id_cb (SofraFollowupsView *self)
{
  update_actions (self);
  sync_selection (self);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, SofraFollowupsView *self)
{
  gtk_list_item_set_child (list_item, sofra_followup_row_new (self->store));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, SofraFollowupsView *self)
{
  sofra_followup_row_set_item (SOFRA_FOLLOWUP_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, SofraFollowupsView *self)
{
  sofra_followup_row_set_item (SOFRA_FOLLOWUP_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
set_model (SofraFollowupsView *self)
{
  if (self->docs != NULL)
    g_signal_handlers_disconnect_by_data (self->docs, self);
  g_clear_object (&self->docs);
  g_clear_object (&self->selection);

  self->docs = sofra_doc_list_new (self->store, self->show_done ? SOFRA_DOC_LIST_FOLLOWUPS
                                                                : SOFRA_DOC_LIST_OPEN_FOLLOWUPS);
  self->selection = sofra_gui_single_selection_new (g_object_ref (G_LIST_MODEL (self->docs)));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_cb), self);
  g_signal_connect_swapped (self->docs, "items-changed", G_CALLBACK (on_items_changed_cb), self);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_empty_state (self);
  sync_selection (self);
}

static void
on_show_done_cb (SofraFollowupsView *self)
{
  sofra_followups_view_set_show_done (self, gtk_switch_get_active (self->show_done_switch));
}

static void
on_unmap_cb (SofraFollowupsView *self)
{
  sofra_followup_editor_flush (self->editor);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraFollowupsView *self = SOFRA_FOLLOWUPS_VIEW (widget);
  g_autofree char    *owner = NULL;

  if (!sofra_followup_editor_flush (self->editor))
    return;

  if (self->settings != NULL)
    owner = g_settings_get_string (self->settings, "staff-name");
  sofra_followup_editor_new_draft (self->editor, owner);
  sync_selection (self);
  open_editor (self);
  sofra_followup_editor_focus_what (self->editor);
}

static void
on_undo_clicked_cb (AdwToast *toast, UndoData *undo)
{
  g_autoptr (SofraFollowupsView) view = g_weak_ref_get (&undo->view);
  g_autoptr (GError) error = NULL;

  if (!sofra_store_undelete (undo->store, undo->id, &error))
    {
      if (view != NULL)
        sofra_gui_show_error (GTK_WIDGET (view), error);
      return;
    }
  if (view != NULL)
    sofra_followups_view_show (view, undo->id);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraFollowupsView *self = SOFRA_FOLLOWUPS_VIEW (widget);
  g_autofree char    *id = g_strdup (sofra_followup_editor_get_followup_id (self->editor));
  g_autoptr (GError) error = NULL;
  AdwToast *toast;
  UndoData *undo;

  if (id == NULL)
    {
      /* A new follow-up never saved: nothing to delete, nothing to undo. */
      sofra_followup_editor_set_followup_id (self->editor, NULL);
      return;
    }

  sofra_followup_editor_flush (self->editor);
  if (!sofra_store_delete (self->store, id, NULL, &error))
    {
      sofra_gui_show_error (widget, error);
      return;
    }
  sofra_followup_editor_set_followup_id (self->editor, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  toast = sofra_gui_toast_with_action (widget, _ ("Follow-up deleted"), _ ("_Undo"), NULL, NULL);
  if (toast == NULL)
    return;
  undo = g_new0 (UndoData, 1);
  g_weak_ref_init (&undo->view, self);
  undo->store = g_object_ref (self->store);
  undo->id = g_steal_pointer (&id);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         undo_data_free, 0);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraFollowupsView *self = SOFRA_FOLLOWUPS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
sofra_followups_view_constructed (GObject *object)
{
  SofraFollowupsView *self = SOFRA_FOLLOWUPS_VIEW (object);
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (sofra_followups_view_parent_class)->constructed (object);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  self->editor = SOFRA_FOLLOWUP_EDITOR (sofra_followup_editor_new (self->store));
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor), TRUE);
  g_signal_connect_swapped (self->editor, "notify::followup-id", G_CALLBACK (on_editor_id_cb),
                            self);
  gtk_stack_add_named (self->editor_stack, GTK_WIDGET (self->editor), "editor");

  set_model (self);
  update_actions (self);
}

static void
sofra_followups_view_dispose (GObject *object)
{
  SofraFollowupsView *self = SOFRA_FOLLOWUPS_VIEW (object);

  if (self->editor != NULL)
    sofra_followup_editor_flush (self->editor);
  if (self->docs != NULL)
    g_signal_handlers_disconnect_by_data (self->docs, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  self->editor = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->docs);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_followups_view_parent_class)->dispose (object);
}

static void
sofra_followups_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraFollowupsView *self = SOFRA_FOLLOWUPS_VIEW (object);

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
sofra_followups_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SofraFollowupsView *self = SOFRA_FOLLOWUPS_VIEW (object);

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
sofra_followups_view_class_init (SofraFollowupsViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_followups_view_constructed;
  object_class->dispose = sofra_followups_view_dispose;
  object_class->get_property = sofra_followups_view_get_property;
  object_class->set_property = sofra_followups_view_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SOFRA_GUI_RESOURCE_PATH "/sofra-followups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupsView, show_done_switch);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupsView, editor_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_show_done_cb);

  gtk_widget_class_install_action (widget_class, "followups.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "followups.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "followups.back", NULL, back_action);
}

static void
sofra_followups_view_init (SofraFollowupsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->last_position = GTK_INVALID_LIST_POSITION;
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap_cb), NULL);
}

GtkWidget *
sofra_followups_view_new (SofraStore *store, GSettings *settings)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SOFRA_TYPE_FOLLOWUPS_VIEW, "store", store, "settings", settings, NULL);
}

void
sofra_followups_view_show (SofraFollowupsView *self, const char *id)
{
  g_autoptr (JsonObject) doc = NULL;
  const char *status;

  g_return_if_fail (SOFRA_IS_FOLLOWUPS_VIEW (self));
  g_return_if_fail (id != NULL);

  doc = sofra_store_get (self->store, id, NULL);
  if (doc == NULL)
    return;
  if (!sofra_followup_editor_flush (self->editor))
    return;

  status = json_object_get_string_member_with_default (doc, "status", NULL);
  if (g_strcmp0 (status, SOFRA_FOLLOWUP_STATUS_DONE) == 0 ||
      g_strcmp0 (status, SOFRA_FOLLOWUP_STATUS_DROPPED) == 0)
    sofra_followups_view_set_show_done (self, TRUE);

  sofra_followup_editor_set_followup_id (self->editor, id);
  sync_selection (self);
  open_editor (self);
}

const char *
sofra_followups_view_get_followup_id (SofraFollowupsView *self)
{
  g_return_val_if_fail (SOFRA_IS_FOLLOWUPS_VIEW (self), NULL);

  return sofra_followup_editor_get_followup_id (self->editor);
}

void
sofra_followups_view_set_show_done (SofraFollowupsView *self, gboolean show_done)
{
  g_return_if_fail (SOFRA_IS_FOLLOWUPS_VIEW (self));

  show_done = !!show_done;
  if (gtk_switch_get_active (self->show_done_switch) != show_done)
    gtk_switch_set_active (self->show_done_switch, show_done);
  if (self->show_done == show_done)
    return;

  self->show_done = show_done;
  set_model (self);
}

void
sofra_followups_view_flush (SofraFollowupsView *self)
{
  g_return_if_fail (SOFRA_IS_FOLLOWUPS_VIEW (self));

  sofra_followup_editor_flush (self->editor);
}
