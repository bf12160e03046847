/* sofra-sessions-view.c — the list of sessions beside the page of the selected one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-doc-list.h"
#include "sofra-gui-util.h"
#include "sofra-records.h"
#include "sofra-session-page.h"
#include "sofra-sessions-view.h"

/* When the list reloads, the selected row is looked for among this many rows at most, so a
 * save never reads the whole database. */
#define RESELECT_LIMIT 2000
#define MAX_CHIPS      4

struct _SofraSessionsView
{
  AdwBin parent_instance;

  SofraStore         *store;
  GSettings          *settings;
  SofraDocList       *doc_list;
  GtkSingleSelection *selection;
  GHashTable         *place_names;
  guint               reselect_id;
  gboolean            syncing;

  GtkStack         *main_stack;
  AdwLeaflet       *leaflet;
  GtkStack         *list_stack;
  GtkListView      *list_view;
  GtkStack         *content_stack;
  SofraSessionPage *page;
};

G_DEFINE_FINAL_TYPE (SofraSessionsView, sofra_sessions_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
place_name (SofraSessionsView *self, const char *place_id)
{
  char *name;

  if (place_id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (self->place_names, place_id, NULL, (gpointer *) &name))
    return name;

  name = sofra_gui_place_name (self->store, place_id);
  g_hash_table_insert (self->place_names, g_strdup (place_id), name);
  return name;
}

static void
update_stacks (SofraSessionsView *self)
{
  guint       total = g_list_model_get_n_items (G_LIST_MODEL (self->doc_list));
  const char *id = sofra_session_page_get_session_id (self->page);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    total == 0 && id == NULL ? "empty" : "sessions");
  gtk_stack_set_visible_child_name (self->content_stack, id != NULL ? "page" : "none");
}

/* Selects the row of the session on the page, without loading the page again. */
static void
sync_selection (SofraSessionsView *self)
{
  const char *id = sofra_session_page_get_session_id (self->page);
  guint       n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint       current = gtk_single_selection_get_selected (self->selection);
  guint       found = GTK_INVALID_LIST_POSITION;

  if (id != NULL)
    {
      if (current != GTK_INVALID_LIST_POSITION)
        {
          g_autoptr (SofraDocItem)
            item = g_list_model_get_item (G_LIST_MODEL (self->selection), current);

          if (item != NULL && g_strcmp0 (sofra_doc_item_get_id (item), id) == 0)
            found = current;
        }
      for (guint i = 0; found == GTK_INVALID_LIST_POSITION && i < MIN (n, RESELECT_LIMIT); i++)
        {
          g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

          if (g_strcmp0 (sofra_doc_item_get_id (item), id) == 0)
            found = i;
        }
    }

  if (found == current)
    return;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, found);
  self->syncing = FALSE;
}

static gboolean
reselect_idle_cb (gpointer data)
{
  SofraSessionsView *self = data;

  self->reselect_id = 0;
  sync_selection (self);
  update_stacks (self);

  return G_SOURCE_REMOVE;
}

static void
on_items_changed_cb (GListModel        *model,
                     guint              position,
                     guint              removed,
                     guint              added,
                     SofraSessionsView *self)
{
  if (self->reselect_id == 0)
    self->reselect_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reselect_idle_cb, self, NULL);
  update_stacks (self);
}

static void
on_selected_item_cb (GtkSingleSelection *selection, GParamSpec *pspec, SofraSessionsView *self)
{
  SofraDocItem *item;

  if (self->syncing)
    return;
  item = gtk_single_selection_get_selected_item (selection);
  if (item == NULL)
    return;

  sofra_sessions_view_show_session (self, sofra_doc_item_get_id (item));
}

static void
on_row_activated_cb (GtkListView *list_view, guint position, SofraSessionsView *self)
{
  g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    sofra_sessions_view_show_session (self, sofra_doc_item_get_id (item));
}

static void
on_leaflet_visible_child_cb (AdwLeaflet *leaflet, GParamSpec *pspec, SofraSessionsView *self)
{
  /* Back at the list of a folded view: clear the selection so the same row can be chosen
   * again. The page keeps its session. */
  if (adw_leaflet_get_folded (leaflet) &&
      adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (self->list_stack))
    {
      self->syncing = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->syncing = FALSE;
    }
}

static void
on_page_session_id_cb (SofraSessionPage *page, GParamSpec *pspec, SofraSessionsView *self)
{
  sync_selection (self);
  update_stacks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

static void
on_store_changed_cb (SofraStore *store, const char *id, const char *type, SofraSessionsView *self)
{
  if (type == NULL || g_strcmp0 (type, SOFRA_TYPE_PLACE) == 0)
    g_hash_table_remove_all (self->place_names);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, SofraSessionsView *self)
{
  GtkWidget *box, *top, *title, *status, *meta, *chips;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_add_css_class (box, "session-row");

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  status = gtk_label_new (NULL);
  gtk_widget_add_css_class (status, "status-chip");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), status);

  meta = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");

  chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), chips);
  gtk_list_item_set_child (list_item, box);

  g_object_set_data (G_OBJECT (list_item), "title", title);
  g_object_set_data (G_OBJECT (list_item), "status", status);
  g_object_set_data (G_OBJECT (list_item), "meta", meta);
  g_object_set_data (G_OBJECT (list_item), "chips", chips);
}

static void
bind_chips (GtkWidget *chips, JsonObject *doc)
{
  JsonNode  *node = json_object_get_member (doc, "communities");
  GtkWidget *child;
  guint      n = 0;

  while ((child = gtk_widget_get_first_child (chips)) != NULL)
    gtk_box_remove (GTK_BOX (chips), child);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      n = json_array_get_length (array);
      for (guint i = 0; i < MIN (n, MAX_CHIPS); i++)
        {
          const char *id = json_array_get_string_element (array, i);
          GtkWidget  *chip;

          if (id == NULL)
            continue;
          chip = gtk_label_new (sofra_vocab_label (SOFRA_VOCAB_COMMUNITY, id));
          gtk_widget_add_css_class (chip, "chip");
          gtk_box_append (GTK_BOX (chips), chip);
        }
      if (n > MAX_CHIPS)
        {
          g_autofree char *more = g_strdup_printf ("+%u", n - MAX_CHIPS);
          GtkWidget       *chip = gtk_label_new (more);

          gtk_widget_add_css_class (chip, "chip");
          gtk_box_append (GTK_BOX (chips), chip);
        }
    }
  gtk_widget_set_visible (chips, n > 0);
}

static void
update_row (SofraSessionsView *self, GtkListItem *list_item)
{
  SofraDocItem *item = gtk_list_item_get_item (list_item);
  JsonObject   *doc = sofra_doc_item_get_doc (item);
  GtkLabel     *title = g_object_get_data (G_OBJECT (list_item), "title");
  GtkLabel     *status = g_object_get_data (G_OBJECT (list_item), "status");
  GtkLabel     *meta = g_object_get_data (G_OBJECT (list_item), "meta");
  GtkWidget    *chips = g_object_get_data (G_OBJECT (list_item), "chips");
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *online = NULL;
  const char      *text, *place, *state;

  if (doc == NULL)
    return;

  text = sofra_gui_doc_string (doc, "title");
  if (text != NULL && *text != '\0')
    {
      sofra_gui_set_record_text (title, "label", text);
      gtk_widget_remove_css_class (GTK_WIDGET (title), "dim-label");
    }
  else
    {
      gtk_label_set_label (title, _ ("Untitled session"));
      gtk_widget_add_css_class (GTK_WIDGET (title), "dim-label");
    }

  /* "Held" is the usual case and needs no marker. */
  state = sofra_gui_doc_string (doc, "status");
  gtk_widget_set_visible (GTK_WIDGET (status), state != NULL && g_strcmp0 (state, "held") != 0);
  if (state != NULL)
    gtk_label_set_label (status, sofra_vocab_label (SOFRA_VOCAB_SESSION_STATUS, state));
  gtk_widget_remove_css_class (GTK_WIDGET (status), "planned");
  gtk_widget_remove_css_class (GTK_WIDGET (status), "cancelled");
  if (state != NULL && sofra_vocab_contains (SOFRA_VOCAB_SESSION_STATUS, state))
    gtk_widget_add_css_class (GTK_WIDGET (status), state);

  date = sofra_gui_format_date (sofra_gui_doc_string (doc, "date"));
  g_string_append (line, date);
  if ((text = sofra_gui_doc_string (doc, "start_time")) != NULL)
    g_string_append_printf (line, " %s", text);
  place = place_name (self, sofra_gui_doc_string (doc, "place_id"));
  if (place != NULL && line->len > 0)
    g_string_append (line, " · ");
  if (json_object_has_member (doc, "online") && json_object_get_boolean_member (doc, "online"))
    online = g_strdup_printf ((line->len > 0 || place != NULL) ? " · %s" : "%s", _ ("Online"));
  /* The place is record text, shown in the reader's script; the date is interface text. */
  sofra_gui_set_record_place (meta, "label", line->str, place, online);

  bind_chips (chips, doc);
}

static void
on_item_doc_cb (SofraDocItem *item, GParamSpec *pspec, GtkListItem *list_item)
{
  SofraSessionsView *self = g_object_get_data (G_OBJECT (list_item), "view");

  /* The list keeps an item whose document changed and tells it; the row follows. */
  if (self != NULL && gtk_list_item_get_item (list_item) == (gpointer) item)
    update_row (self, list_item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, SofraSessionsView *self)
{
  SofraDocItem *item = gtk_list_item_get_item (list_item);
  gulong        handler;

  g_object_set_data (G_OBJECT (list_item), "view", self);
  handler = g_signal_connect (item, "notify::doc", G_CALLBACK (on_item_doc_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "doc-handler", GSIZE_TO_POINTER (handler));
  update_row (self, list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, SofraSessionsView *self)
{
  SofraDocItem *item = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "doc-handler"));

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), "doc-handler", NULL);
}

static void
sofra_sessions_view_constructed (GObject *object)
{
  SofraSessionsView *self = SOFRA_SESSIONS_VIEW (object);
  g_autoptr (GtkListItemFactory) factory = NULL;
  GtkEventController *shortcuts;

  G_OBJECT_CLASS (sofra_sessions_view_parent_class)->constructed (object);

  g_assert (SOFRA_IS_STORE (self->store));

  self->doc_list = sofra_doc_list_new (self->store, SOFRA_DOC_LIST_SESSIONS);
  self->selection = sofra_gui_single_selection_new (g_object_ref (G_LIST_MODEL (self->doc_list)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->page = g_object_new (SOFRA_TYPE_SESSION_PAGE, "store", self->store, "settings",
                             self->settings, NULL);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->page), "page");
  g_object_bind_property (self->leaflet, "folded", self->page, "show-back-button",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_cb),
                    self);
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect (self->leaflet, "notify::visible-child",
                    G_CALLBACK (on_leaflet_visible_child_cb), self);
  g_signal_connect (self->page, "notify::session-id", G_CALLBACK (on_page_session_id_cb), self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("win.delete-session")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  update_stacks (self);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraSessionsView *self = SOFRA_SESSIONS_VIEW (widget);

  sofra_session_page_flush (self->page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
sofra_sessions_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraSessionsView *self = SOFRA_SESSIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SESSION_ID:
      g_value_set_string (value, sofra_sessions_view_get_session_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_sessions_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SofraSessionsView *self = SOFRA_SESSIONS_VIEW (object);

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
sofra_sessions_view_dispose (GObject *object)
{
  SofraSessionsView *self = SOFRA_SESSIONS_VIEW (object);

  if (self->page != NULL)
    sofra_session_page_flush (self->page);
  g_clear_handle_id (&self->reselect_id, g_source_remove);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  /* AdwBin unparents its child itself; take it away first so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOFRA_TYPE_SESSIONS_VIEW);
  self->page = NULL;

  g_clear_object (&self->selection);
  g_clear_object (&self->doc_list);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sofra_sessions_view_parent_class)->dispose (object);
}

static void
sofra_sessions_view_finalize (GObject *object)
{
  SofraSessionsView *self = SOFRA_SESSIONS_VIEW (object);

  g_clear_pointer (&self->place_names, g_hash_table_unref);

  G_OBJECT_CLASS (sofra_sessions_view_parent_class)->finalize (object);
}

static void
sofra_sessions_view_class_init (SofraSessionsViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_sessions_view_constructed;
  object_class->get_property = sofra_sessions_view_get_property;
  object_class->set_property = sofra_sessions_view_set_property;
  object_class->dispose = sofra_sessions_view_dispose;
  object_class->finalize = sofra_sessions_view_finalize;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION_ID] = g_param_spec_string ("session-id", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SOFRA_GUI_RESOURCE_PATH "/sofra-sessions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraSessionsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SofraSessionsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SofraSessionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SofraSessionsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SofraSessionsView, content_stack);

  gtk_widget_class_install_action (widget_class, "sessions.back", NULL, back_action);
}

static void
sofra_sessions_view_init (SofraSessionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->place_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

char *
sofra_sessions_view_new_session (SofraSessionsView *self, GError **error)
{
  g_autoptr (SofraSession) session = sofra_session_new ();
  g_autoptr (JsonObject) doc = NULL;

  g_return_val_if_fail (SOFRA_IS_SESSIONS_VIEW (self), NULL);

  sofra_session_page_flush (self->page);

  /* The store requires a title and a kind; both are the first things on the page. */
  session->title = g_strdup (_ ("New session"));
  session->kind = g_strdup (sofra_vocab_entries (SOFRA_VOCAB_SESSION_KIND)[0].id);
  session->status = g_strdup ("planned");
  session->date = sofra_gui_today ();
  doc = sofra_session_to_json (session);
  if (!sofra_store_put (self->store, doc, error))
    return NULL;

  sofra_sessions_view_show_session (self, json_object_get_string_member (doc, "_id"));
  sofra_session_page_focus_title (self->page);

  return g_strdup (json_object_get_string_member (doc, "_id"));
}

void
sofra_sessions_view_show_session (SofraSessionsView *self, const char *id)
{
  g_return_if_fail (SOFRA_IS_SESSIONS_VIEW (self));

  sofra_session_page_set_session_id (self->page, id);
  sync_selection (self);
  update_stacks (self);
  /* Only a folded leaflet has to move; moving an unfolded one would take the keyboard focus
   * from the list into the page. */
  if (id != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

const char *
sofra_sessions_view_get_session_id (SofraSessionsView *self)
{
  g_return_val_if_fail (SOFRA_IS_SESSIONS_VIEW (self), NULL);

  return sofra_session_page_get_session_id (self->page);
}

gboolean
sofra_sessions_view_delete_session (SofraSessionsView *self, GStrv *deleted_ids, GError **error)
{
  g_autoptr (GStrvBuilder) deleted = g_strv_builder_new ();
  g_autoptr (GPtrArray) attendance = NULL;
  g_auto (GStrv) ids = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (SOFRA_IS_SESSIONS_VIEW (self), FALSE);

  id = g_strdup (sofra_session_page_get_session_id (self->page));
  if (id == NULL)
    {
      if (deleted_ids != NULL)
        *deleted_ids = g_strv_builder_end (deleted);
      return TRUE;
    }

  sofra_session_page_flush (self->page);

  /* Who attended a session that never was did not attend anything: the attendance goes with
   * the session (and comes back with it). Notes and follow-ups stay; they are about people
   * and commitments. */
  attendance = sofra_store_find (self->store, SOFRA_TYPE_ATTENDANCE, "session_id", id, error);
  if (attendance == NULL)
    return FALSE;
  g_strv_builder_add (deleted, id);
  for (guint i = 0; i < attendance->len; i++)
    g_strv_builder_add (deleted, sofra_gui_doc_string (g_ptr_array_index (attendance, i), "_id"));
  ids = g_strv_builder_end (deleted);
  if (!sofra_store_delete_all (self->store, (const char *const *) ids, error))
    return FALSE;

  sofra_session_page_set_session_id (self->page, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_stacks (self);
  if (deleted_ids != NULL)
    *deleted_ids = g_steal_pointer (&ids);
  return TRUE;
}

void
sofra_sessions_view_flush (SofraSessionsView *self)
{
  g_return_if_fail (SOFRA_IS_SESSIONS_VIEW (self));

  sofra_session_page_flush (self->page);
}
