/* sofra-participants-view.c — the list of participants beside the page of the selected one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-doc-list.h"
#include "sofra-gui-util.h"
#include "sofra-participant-page.h"
#include "sofra-participants-view.h"
#include "sofra-records.h"

#define VIEW_KEY "sofra-participants-view"

struct _SofraParticipantsView
{
  AdwBin parent_instance;

  SofraStore           *store;
  GSettings            *settings;
  SofraDocList         *docs;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  GtkSingleSelection   *selection;
  char                 *query;
  GHashTable           *place_names; /* place id → name in the interface language */
  gboolean              syncing;
  guint                 last_position; /* where the shown record was last seen in the list */
  SofraParticipantPage *page;

  GtkStack       *main_stack;
  AdwLeaflet     *leaflet;
  GtkSearchEntry *filter_entry;
  GtkStack       *list_stack;
  GtkListView    *list_view;
  GtkStack       *content_stack;
};

G_DEFINE_FINAL_TYPE (SofraParticipantsView, sofra_participants_view, ADW_TYPE_BIN)

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
  GStrv       ids; /* the participant first, then their notes and attendance */
} UndoData;

static void
undo_data_free (gpointer data, GClosure *closure)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->store);
  g_strfreev (undo->ids);
  g_free (undo);
}

static gboolean
add_place_cb (JsonObject *doc, gpointer user_data)
{
  SofraParticipantsView *self = user_data;
  g_autoptr (SofraPlace) place = sofra_place_from_json (doc, NULL);

  if (place != NULL && place->meta.id != NULL)
    g_hash_table_insert (self->place_names, g_strdup (place->meta.id),
                         sofra_place_display_name (place, sofra_gui_language ()));
  return TRUE;
}

static const char *
place_name (SofraParticipantsView *self, const char *place_id)
{
  if (place_id == NULL)
    return NULL;
  if (self->place_names == NULL)
    {
      self->place_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      sofra_store_foreach_doc (self->store, SOFRA_TYPE_PLACE, add_place_cb, self, NULL);
    }
  return g_hash_table_lookup (self->place_names, place_id);
}

static const char *
member (JsonObject *doc, const char *name)
{
  const char *value = json_object_get_string_member_with_default (doc, name, NULL);

  return value != NULL && *value != '\0' ? value : NULL;
}

/* "P-7F3K · Albanian · Mitrovicë/Mitrovica": what tells two people of one name apart. */
static char *
describe_details (SofraParticipantsView *self, JsonObject *doc)
{
  GPtrArray  *parts = g_ptr_array_new ();
  const char *community = member (doc, "community");
  const char *place = place_name (self, member (doc, "municipality"));
  char       *text;

  if (member (doc, "name") != NULL && member (doc, "code") != NULL)
    g_ptr_array_add (parts, (gpointer) member (doc, "code"));
  if (community != NULL)
    g_ptr_array_add (parts, (gpointer) sofra_vocab_label (SOFRA_VOCAB_COMMUNITY, community));
  /* The place comes last, after the separator, as record text (see update_row()). */
  if (place != NULL)
    g_ptr_array_add (parts, (gpointer) "");
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the details of a participant in the list */
  text = g_strjoinv (_ (" · "), (char **) parts->pdata);
  g_ptr_array_unref (parts);
  return text;
}

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  SofraParticipantsView *self = user_data;
  JsonObject            *doc = sofra_doc_item_get_doc (SOFRA_DOC_ITEM (item));
  const char *fields[] = { member (doc, "name"), member (doc, "code"), member (doc, "organisation"),
                           place_name (self, member (doc, "municipality")) };
  g_autoptr (GString) text = g_string_new (NULL);

  if (self->query == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL)
      g_string_append_printf (text, "%s ", fields[i]);
  return g_str_match_string (self->query, text->str, TRUE);
}

static void
update_pages (SofraParticipantsView *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->docs)) > 0;
  gboolean shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ||
                   gtk_filter_list_model_get_pending (self->filtered) > 0;
  const char *id = sofra_participant_page_get_participant_id (self->page);

  gtk_stack_set_visible_child_name (self->main_stack, any || id ? "participants" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, shown ? "list" : "no-results");
  gtk_stack_set_visible_child_name (self->content_stack, id ? "page" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.delete", id != NULL);
}

/* Keeps the list's selection on the participant on the page, through reloads. */
static void
sync_selection (SofraParticipantsView *self)
{
  sofra_gui_select_doc (self->selection, sofra_participant_page_get_participant_id (self->page),
                        &self->last_position, &self->syncing);
}

static gboolean
show (SofraParticipantsView *self, const char *id)
{
  if (g_strcmp0 (id, sofra_participant_page_get_participant_id (self->page)) != 0)
    {
      /* What was typed cannot be saved yet: stay with it, the page says why. */
      if (!sofra_participant_page_flush (self->page))
        return FALSE;
      sofra_participant_page_set_participant_id (self->page, id);
    }
  update_pages (self);
  if (id != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

static void
on_selected_cb (SofraParticipantsView *self)
{
  SofraDocItem *item = gtk_single_selection_get_selected_item (self->selection);

  /* A reload unselects for a moment; the page keeps its participant. */
  if (self->syncing || item == NULL)
    return;
  self->last_position = gtk_single_selection_get_selected (self->selection);

  if (!show (self, sofra_doc_item_get_id (item)))
    sync_selection (self);
}

static void
on_items_changed_cb (SofraParticipantsView *self)
{
  update_pages (self);
  sync_selection (self);
}

static void
on_store_changed_cb (SofraParticipantsView *self,
                     const char            *id,
                     const char            *type,
                     SofraStore            *store)
{
  if (type == NULL || g_str_equal (type, SOFRA_TYPE_PLACE))
    g_clear_pointer (&self->place_names, g_hash_table_unref);

  /* Erased elsewhere (sync, another window): the page has nothing left to show. */
  if (sofra_participant_page_get_participant_id (self->page) != NULL &&
      (id == NULL || g_strcmp0 (id, sofra_participant_page_get_participant_id (self->page)) == 0))
    {
      g_autoptr (JsonObject)
        doc = sofra_store_get (self->store, sofra_participant_page_get_participant_id (self->page),
                               NULL);

      if (doc == NULL)
        {
          sofra_participant_page_set_participant_id (self->page, NULL);
          update_pages (self);
        }
    }
}

static void
on_filter_changed_cb (SofraParticipantsView *self, GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->query, g_free);
  if (text != NULL && *text != '\0')
    self->query = g_strdup (text);

  sofra_gui_filter_model_refilter (self->filtered, GTK_FILTER (self->filter), self->query != NULL);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
update_row (GtkWidget *box, SofraDocItem *item, SofraParticipantsView *self)
{
  JsonObject      *doc = sofra_doc_item_get_doc (item);
  GtkWidget       *name = gtk_widget_get_first_child (box);
  GtkWidget       *details = gtk_widget_get_next_sibling (name);
  const char      *title = member (doc, "name") ? member (doc, "name") : member (doc, "code");
  const char      *place = place_name (self, member (doc, "municipality"));
  g_autofree char *text = describe_details (self, doc);

  /* The name is record text; the pseudonym code is an identifier and stays as it is. */
  if (member (doc, "name") != NULL)
    sofra_gui_set_record_text (name, "label", title);
  else
    gtk_label_set_label (GTK_LABEL (name), title ? title : _ ("Unnamed participant"));
  /* The municipality is record text, shown in the reader's script. */
  sofra_gui_set_record_place (details, "label", text, place, NULL);
  gtk_widget_set_visible (details, *text != '\0' || place != NULL);
}

static void
on_item_doc_cb (SofraDocItem *item, GParamSpec *pspec, GtkListItem *list_item)
{
  SofraParticipantsView *self = g_object_get_data (G_OBJECT (list_item), VIEW_KEY);

  update_row (gtk_list_item_get_child (list_item), item, self);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, SofraParticipantsView *self)
{
  SofraDocItem *item = gtk_list_item_get_item (list_item);

  /* The list keeps an item in place when its document changes, and says so with "doc". */
  g_object_set_data (G_OBJECT (list_item), VIEW_KEY, self);
  g_signal_connect (item, "notify::doc", G_CALLBACK (on_item_doc_cb), list_item);
  update_row (gtk_list_item_get_child (list_item), item, self);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SofraParticipantsView    *self)
{
  SofraDocItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_doc_cb, list_item);
}

/* The participant and everything that only exists because of them: notes and attendance. */
static GStrv
collect_ids (SofraParticipantsView *self, const char *id)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *types[] = { SOFRA_TYPE_NOTE, SOFRA_TYPE_ATTENDANCE };

  g_strv_builder_add (builder, id);
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr (GPtrArray)
        docs = sofra_store_find (self->store, types[t], "participant_id", id, NULL);

      for (guint i = 0; docs != NULL && i < docs->len; i++)
        g_strv_builder_add (builder,
                            json_object_get_string_member (g_ptr_array_index (docs, i), "_id"));
    }
  return g_strv_builder_end (builder);
}

static void
on_undo_clicked_cb (AdwToast *toast, UndoData *undo)
{
  g_autoptr (SofraParticipantsView) view = g_weak_ref_get (&undo->view);
  g_autoptr (GError) error = NULL;

  if (view == NULL)
    return;
  if (!sofra_store_undelete_all (view->store, (const char *const *) undo->ids, &error))
    {
      sofra_gui_show_error (GTK_WIDGET (view), error);
      return;
    }
  sofra_participants_view_show_participant (view, undo->ids[0]);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraParticipantsView *self = SOFRA_PARTICIPANTS_VIEW (widget);
  g_autoptr (SofraParticipant) participant = sofra_participant_new ();
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GError) error = NULL;

  if (!sofra_participant_page_flush (self->page))
    return;

  participant->code = sofra_participant_make_code ();
  doc = sofra_participant_to_json (participant);
  if (!sofra_store_put (self->store, doc, &error))
    {
      sofra_gui_show_error (widget, error);
      return;
    }

  sofra_participants_view_set_filter (self, NULL);
  sofra_participants_view_show_participant (self, json_object_get_string_member (doc, "_id"));
  sofra_participant_page_focus_name (self->page);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraParticipantsView *self = SOFRA_PARTICIPANTS_VIEW (widget);
  g_autofree char       *id = g_strdup (sofra_participant_page_get_participant_id (self->page));
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) ids = NULL;
  AdwToast *toast;
  UndoData *undo;

  if (id == NULL)
    return;

  sofra_participant_page_flush (self->page);
  ids = collect_ids (self, id);
  if (!sofra_store_delete_all (self->store, (const char *const *) ids, &error))
    {
      sofra_gui_show_error (widget, error);
      return;
    }
  sofra_participant_page_set_participant_id (self->page, NULL);
  update_pages (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  toast = sofra_gui_toast_with_action (widget, _ ("Participant deleted, with their notes"),
                                       _ ("_Undo"), NULL, NULL);
  if (toast == NULL)
    return;
  undo = g_new0 (UndoData, 1);
  g_weak_ref_init (&undo->view, self);
  undo->store = g_object_ref (self->store);
  undo->ids = g_steal_pointer (&ids);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         undo_data_free, 0);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  adw_leaflet_navigate (SOFRA_PARTICIPANTS_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_unmap_cb (SofraParticipantsView *self)
{
  sofra_participant_page_flush (self->page);
}

static void
sofra_participants_view_constructed (GObject *object)
{
  SofraParticipantsView *self = SOFRA_PARTICIPANTS_VIEW (object);
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (sofra_participants_view_parent_class)->constructed (object);

  self->page = SOFRA_PARTICIPANT_PAGE (sofra_participant_page_new (self->store));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->page), "page");

  self->docs = sofra_doc_list_new (self->store, SOFRA_DOC_LIST_PARTICIPANTS);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->docs)), NULL);
  /* A filter reads every row; on a large list it does so a batch at a time, not all at once. */
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  g_signal_connect_swapped (self->filtered, "notify::pending", G_CALLBACK (update_pages), self);
  self->selection = sofra_gui_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_cb), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (on_items_changed_cb),
                            self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_pages (self);
}

static void
sofra_participants_view_dispose (GObject *object)
{
  SofraParticipantsView *self = SOFRA_PARTICIPANTS_VIEW (object);

  if (self->page != NULL)
    sofra_participant_page_flush (self->page);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  self->page = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->docs);
  g_clear_pointer (&self->place_names, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_participants_view_parent_class)->dispose (object);
}

static void
sofra_participants_view_finalize (GObject *object)
{
  SofraParticipantsView *self = SOFRA_PARTICIPANTS_VIEW (object);

  g_free (self->query);

  G_OBJECT_CLASS (sofra_participants_view_parent_class)->finalize (object);
}

static void
sofra_participants_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SofraParticipantsView *self = SOFRA_PARTICIPANTS_VIEW (object);

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
sofra_participants_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SofraParticipantsView *self = SOFRA_PARTICIPANTS_VIEW (object);

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
sofra_participants_view_class_init (SofraParticipantsViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_participants_view_constructed;
  object_class->dispose = sofra_participants_view_dispose;
  object_class->finalize = sofra_participants_view_finalize;
  object_class->get_property = sofra_participants_view_get_property;
  object_class->set_property = sofra_participants_view_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, SOFRA_GUI_RESOURCE_PATH
                                               "/sofra-participants-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantsView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantsView, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "participants.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "participants.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "participants.back", NULL, back_action);
}

static void
sofra_participants_view_init (SofraParticipantsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->last_position = GTK_INVALID_LIST_POSITION;
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap_cb), NULL);
}

GtkWidget *
sofra_participants_view_new (SofraStore *store, GSettings *settings)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SOFRA_TYPE_PARTICIPANTS_VIEW, "store", store, "settings", settings, NULL);
}

void
sofra_participants_view_show_participant (SofraParticipantsView *self, const char *id)
{
  g_return_if_fail (SOFRA_IS_PARTICIPANTS_VIEW (self));

  if (show (self, id))
    sync_selection (self);
}

const char *
sofra_participants_view_get_participant_id (SofraParticipantsView *self)
{
  g_return_val_if_fail (SOFRA_IS_PARTICIPANTS_VIEW (self), NULL);

  return sofra_participant_page_get_participant_id (self->page);
}

void
sofra_participants_view_set_filter (SofraParticipantsView *self, const char *text)
{
  g_return_if_fail (SOFRA_IS_PARTICIPANTS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text != NULL ? text : "");
  /* Now, not after the entry's search delay. */
  on_filter_changed_cb (self, self->filter_entry);
}

void
sofra_participants_view_flush (SofraParticipantsView *self)
{
  g_return_if_fail (SOFRA_IS_PARTICIPANTS_VIEW (self));

  sofra_participant_page_flush (self->page);
}
