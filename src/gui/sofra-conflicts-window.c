/* sofra-conflicts-window.c — the records in conflict after sync, and their merge
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-conflict-fields.h"
#include "sofra-conflicts-window.h"
#include "sofra-conflicts.h"
#include "sofra-gui-util.h"

#define ID_KEY "sofra-id"

struct _SofraConflictsWindow
{
  AdwWindow parent_instance;

  SofraStore *store;
  guint       reload_id;
  gboolean    filling;

  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  AdwWindowTitle     *list_title;
  GtkListBox         *list;
  AdwWindowTitle     *record_title;
  GtkStack           *stack;
  AdwClamp           *merge_clamp;
  SofraConflictMerge *merge;
};

G_DEFINE_FINAL_TYPE (SofraConflictsWindow, sofra_conflicts_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
row_id (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), ID_KEY) : NULL;
}

static GtkListBoxRow *
find_row (SofraConflictsWindow *self, const char *id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (g_strcmp0 (row_id (row), id) == 0)
      return row;
  return NULL;
}

static GtkWidget *
make_row (SofraConflictsWindow *self, const char *id)
{
  g_autoptr (JsonObject) doc = sofra_store_get (self->store, id, NULL);
  g_auto (GStrv) others = sofra_store_get_conflicts (self->store, id);
  g_autofree char *title = doc ? sofra_conflict_record_title (self->store, doc) : g_strdup (id);
  const char *kind = sofra_conflict_record_kind (doc ? sofra_gui_doc_string (doc, "type") : NULL);
  guint       n = g_strv_length (others) + 1;
  g_autofree char *versions =
    /* Translators: the kind of a record in conflict and how many versions of it exist, as in
     * "Session · 2 versions" */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u version", "%s · %u versions", n), kind,
                     n);
  GtkWidget *row = adw_action_row_new ();

  g_object_set (row, "use-markup", FALSE, "title", title, "subtitle", versions, "title-lines", 2,
                NULL);
  /* The title in the reader's Serbian script (Preferences → Show Serbian text in). */
  if (doc != NULL)
    sofra_conflict_set_record_title (row, "title", self->store, doc);
  g_object_set_data_full (G_OBJECT (row), ID_KEY, g_strdup (id), g_free);
  return row;
}

static void
show_merge (SofraConflictsWindow *self, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *title = NULL;

  if (id == NULL || !sofra_conflict_merge_load (self->merge, id, &error))
    {
      if (error != NULL)
        sofra_gui_toast (GTK_WIDGET (self), error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_title (self->record_title, "");
      adw_window_title_set_subtitle (self->record_title, "");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflicts.resolve", FALSE);
      return;
    }
  doc = sofra_store_get (self->store, id, NULL);
  title = doc ? sofra_conflict_record_title (self->store, doc) : g_strdup (id);
  adw_window_title_set_title (self->record_title, title);
  if (doc != NULL)
    sofra_conflict_set_record_title (self->record_title, "title", self->store, doc);
  adw_window_title_set_subtitle (self->record_title,
                                 sofra_conflict_record_kind (sofra_gui_doc_string (doc, "type")));
  gtk_stack_set_visible_child_name (self->stack, "merge");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflicts.resolve", TRUE);
}

/* Lists the records in conflict again, keeping the shown one when it still is. */
static void
reload (SofraConflictsWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) ids = sofra_store_list_conflicts (self->store, &error);
  g_autofree char *shown = g_strdup (sofra_conflict_merge_get_id (self->merge));
  GtkListBoxRow   *row;
  guint            n = g_strv_length (ids);
  g_autofree char *subtitle = NULL;

  if (error != NULL)
    sofra_gui_toast (GTK_WIDGET (self), error->message);

  self->filling = TRUE;
  sofra_gui_list_box_remove_all (self->list);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, make_row (self, ids[i]));
  self->filling = FALSE;

  subtitle = n == 0
               ? g_strdup (_ ("None"))
               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", n), n);
  adw_window_title_set_subtitle (self->list_title, subtitle);

  row = shown != NULL ? find_row (self, shown) : NULL;
  if (row != NULL)
    {
      /* Still in conflict: the person's choices so far stay as they are. */
      self->filling = TRUE;
      gtk_list_box_select_row (self->list, row);
      self->filling = FALSE;
      return;
    }
  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  else
    show_merge (self, NULL);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SofraConflictsWindow *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (SofraStore           *store,
                     const char           *id,
                     const char           *type,
                     SofraConflictsWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
on_row_selected_cb (GtkListBox *list, GtkListBoxRow *row, SofraConflictsWindow *self)
{
  if (self->filling || row == NULL)
    return;
  show_merge (self, row_id (row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked_cb (GtkButton *button, SofraConflictsWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
resolve_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraConflictsWindow *self = SOFRA_CONFLICTS_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = g_strdup (sofra_conflict_merge_get_id (self->merge));

  if (id == NULL)
    return;
  if (!sofra_conflict_merge_resolve (self->merge, &error))
    {
      sofra_gui_show_error (widget, error);
      /* Changed meanwhile: show the versions as they are now. */
      if (g_error_matches (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_CONFLICT))
        show_merge (self, id);
      return;
    }
  g_clear_handle_id (&self->reload_id, g_source_remove);
  reload (self);
  sofra_gui_toast (widget, _ ("Merged. The other version will be removed everywhere at the "
                              "next sync."));
}

static void
sofra_conflicts_window_constructed (GObject *object)
{
  SofraConflictsWindow *self = SOFRA_CONFLICTS_WINDOW (object);

  G_OBJECT_CLASS (sofra_conflicts_window_parent_class)->constructed (object);

  g_assert (SOFRA_IS_STORE (self->store));
  self->merge = SOFRA_CONFLICT_MERGE (sofra_conflict_merge_new (self->store));
  adw_clamp_set_child (self->merge_clamp, GTK_WIDGET (self->merge));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  reload (self);
}

static void
sofra_conflicts_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SofraConflictsWindow *self = SOFRA_CONFLICTS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_conflicts_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SofraConflictsWindow *self = SOFRA_CONFLICTS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_conflicts_window_dispose (GObject *object)
{
  SofraConflictsWindow *self = SOFRA_CONFLICTS_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOFRA_TYPE_CONFLICTS_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_conflicts_window_parent_class)->dispose (object);
}

static void
sofra_conflicts_window_class_init (SofraConflictsWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_conflicts_window_constructed;
  object_class->get_property = sofra_conflicts_window_get_property;
  object_class->set_property = sofra_conflicts_window_set_property;
  object_class->dispose = sofra_conflicts_window_dispose;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, SOFRA_GUI_RESOURCE_PATH
                                               "/sofra-conflicts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraConflictsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SofraConflictsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SofraConflictsWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, SofraConflictsWindow, list);
  gtk_widget_class_bind_template_child (widget_class, SofraConflictsWindow, record_title);
  gtk_widget_class_bind_template_child (widget_class, SofraConflictsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SofraConflictsWindow, merge_clamp);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "conflicts.resolve", NULL, resolve_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sofra_conflicts_window_init (SofraConflictsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sofra_conflicts_window_new (GtkWindow *parent, SofraStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  return g_object_new (SOFRA_TYPE_CONFLICTS_WINDOW, "transient-for", parent, "store", store, NULL);
}

void
sofra_conflicts_window_show_record (SofraConflictsWindow *self, const char *id)
{
  GtkListBoxRow *row;

  g_return_if_fail (SOFRA_IS_CONFLICTS_WINDOW (self));
  g_return_if_fail (id != NULL);

  row = find_row (self, id);
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
}

guint
sofra_conflicts_window_get_n_records (SofraConflictsWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (SOFRA_IS_CONFLICTS_WINDOW (self), 0);

  while (gtk_list_box_get_row_at_index (self->list, (int) n) != NULL)
    n++;
  return n;
}

SofraConflictMerge *
sofra_conflicts_window_get_merge (SofraConflictsWindow *self)
{
  g_return_val_if_fail (SOFRA_IS_CONFLICTS_WINDOW (self), NULL);

  return self->merge;
}
