/* sofra-doc-picker.c — a button whose popover picks one session or participant from a lazy list
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "sofra-doc-picker.h"
#include "sofra-gui-util.h"
#include "sofra-records.h"

struct _SofraDocPicker
{
  GtkWidget parent_instance;

  SofraStore      *store;
  SofraDocListKind kind;
  char            *selected_id;
  char            *fixed_label;
  char            *none_label;

  SofraDocList       *docs;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *query;

  GtkMenuButton *button;

  GtkLabel       *button_label;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkListView    *list_view;
  GtkButton      *none_button;
};

G_DEFINE_FINAL_TYPE (SofraDocPicker, sofra_doc_picker, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_SELECTED_ID,
  N_PROPS
};

enum
{
  PICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static gboolean
replace_str (char **str, const char *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

/* A session's title and date, or a participant's name (else code) and, with a name, code.
 * @record (may be NULL) tells whether the title is record text (a name or a session title),
 * to be shown in the reader's script, rather than a code or interface text. */
static char *
describe_parts (JsonObject *doc, char **detail, gboolean *record)
{
  const char *type = json_object_get_string_member_with_default (doc, "type", "");
  gboolean    unused;

  *detail = NULL;
  record = record != NULL ? record : &unused;
  *record = FALSE;
  if (g_str_equal (type, SOFRA_TYPE_PARTICIPANT))
    {
      const char *name = json_object_get_string_member_with_default (doc, "name", NULL);
      const char *code = json_object_get_string_member_with_default (doc, "code", NULL);

      if (name != NULL && *name != '\0')
        {
          *detail = g_strdup (code);
          *record = TRUE;
          return g_strdup (name);
        }
      return g_strdup (code != NULL ? code : _ ("Unnamed participant"));
    }
  if (g_str_equal (type, SOFRA_TYPE_SESSION))
    {
      const char *title = json_object_get_string_member_with_default (doc, "title", NULL);
      const char *date = json_object_get_string_member_with_default (doc, "date", NULL);

      if (date != NULL)
        *detail = sofra_gui_format_date (date);
      *record = title != NULL && *title != '\0';
      return g_strdup (title != NULL && *title != '\0' ? title : _ ("Untitled session"));
    }
  return g_strdup (json_object_get_string_member_with_default (doc, "_id", ""));
}

static void
update_button_label (SofraDocPicker *self)
{
  g_autoptr (JsonObject) doc = NULL;

  if (self->fixed_label != NULL)
    {
      gtk_label_set_label (self->button_label, self->fixed_label);
      return;
    }

  if (self->selected_id != NULL && self->store != NULL)
    doc = sofra_store_get (self->store, self->selected_id, NULL);
  if (doc != NULL)
    sofra_doc_describe_set (self->button_label, "label", doc);
  else
    gtk_label_set_label (self->button_label, self->none_label ? self->none_label : _ ("None"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               doc != NULL ? gtk_label_get_label (self->button_label) : NULL);
}

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  SofraDocPicker  *self = user_data;
  JsonObject      *doc = sofra_doc_item_get_doc (SOFRA_DOC_ITEM (item));
  g_autofree char *text = sofra_doc_describe (doc);
  const char      *code;

  if (self->query == NULL)
    return TRUE;
  if (text != NULL && g_str_match_string (self->query, text, TRUE))
    return TRUE;
  code = json_object_get_string_member_with_default (doc, "code", NULL);
  return code != NULL && g_str_match_string (self->query, code, TRUE);
}

static void
ensure_model (SofraDocPicker *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  if (self->docs != NULL)
    return;

  self->docs = sofra_doc_list_new (self->store, self->kind);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  /* Without a query there is no filter, so the lazy list only loads the rows on screen. */
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->docs)), NULL);
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
pick (SofraDocPicker *self, const char *id)
{
  g_autofree char *picked = g_strdup (id);

  gtk_popover_popdown (self->popover);
  if (self->fixed_label == NULL)
    sofra_doc_picker_set_selected_id (self, picked);
  g_signal_emit (self, signals[PICKED], 0, picked);
}

static void
on_search_changed_cb (SofraDocPicker *self, GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->query, g_free);
  if (text != NULL && *text != '\0')
    self->query = g_strdup (text);

  sofra_gui_filter_model_refilter (self->filtered, GTK_FILTER (self->filter), self->query != NULL);
}

static void
on_activate_cb (SofraDocPicker *self, guint position, GtkListView *list_view)
{
  g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    pick (self, sofra_doc_item_get_id (item));
}

static void
on_none_clicked_cb (SofraDocPicker *self, GtkButton *button)
{
  pick (self, NULL);
}

static void
on_popover_show_cb (SofraDocPicker *self, GtkPopover *popover)
{
  ensure_model (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  JsonObject      *doc = sofra_doc_item_get_doc (gtk_list_item_get_item (list_item));
  GtkWidget       *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget       *detail = gtk_widget_get_next_sibling (title);
  g_autofree char *detail_text = NULL;
  gboolean         record;
  g_autofree char *title_text = describe_parts (doc, &detail_text, &record);

  /* A name or title in the reader's script; a code, a date or "Untitled session" as it is. */
  if (record)
    sofra_gui_set_record_text (title, "label", title_text);
  else
    gtk_label_set_label (GTK_LABEL (title), title_text);
  gtk_label_set_label (GTK_LABEL (detail), detail_text);
  gtk_widget_set_visible (detail, detail_text != NULL);
}

static void
build (SofraDocPicker *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* A label of its own, so a long session title shortens instead of squeezing the row. */
  self->button_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->button_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->button_label, 24);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->button_label));
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, content);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb),
                            self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_steal_pointer (&factory)));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_box_append (GTK_BOX (box), scrolled);

  self->none_button = GTK_BUTTON (gtk_button_new_with_label (_ ("None")));
  gtk_widget_add_css_class (GTK_WIDGET (self->none_button), "flat");
  g_signal_connect_swapped (self->none_button, "clicked", G_CALLBACK (on_none_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->none_button));

  gtk_widget_set_size_request (box, 360, -1);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show_cb), self);
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
}

static void
sofra_doc_picker_constructed (GObject *object)
{
  SofraDocPicker *self = SOFRA_DOC_PICKER (object);

  G_OBJECT_CLASS (sofra_doc_picker_parent_class)->constructed (object);

  g_object_set (self->search_entry, "placeholder-text",
                self->kind == SOFRA_DOC_LIST_PARTICIPANTS ? _ ("Find a participant")
                                                          : _ ("Find a session"),
                NULL);
  update_button_label (self);
}

static void
sofra_doc_picker_dispose (GObject *object)
{
  SofraDocPicker *self = SOFRA_DOC_PICKER (object);

  if (self->button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->button));
      self->button = NULL;
    }
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->docs);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_doc_picker_parent_class)->dispose (object);
}

static void
sofra_doc_picker_finalize (GObject *object)
{
  SofraDocPicker *self = SOFRA_DOC_PICKER (object);

  g_free (self->selected_id);
  g_free (self->fixed_label);
  g_free (self->none_label);
  g_free (self->query);

  G_OBJECT_CLASS (sofra_doc_picker_parent_class)->finalize (object);
}

static void
sofra_doc_picker_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraDocPicker *self = SOFRA_DOC_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_doc_picker_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SofraDocPicker *self = SOFRA_DOC_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_SELECTED_ID:
      sofra_doc_picker_set_selected_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_doc_picker_class_init (SofraDocPickerClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_doc_picker_constructed;
  object_class->dispose = sofra_doc_picker_dispose;
  object_class->finalize = sofra_doc_picker_finalize;
  object_class->get_property = sofra_doc_picker_get_property;
  object_class->set_property = sofra_doc_picker_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, SOFRA_DOC_LIST_SESSIONS,
                                            SOFRA_DOC_LIST_PARTICIPANTS, SOFRA_DOC_LIST_SESSIONS,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                              G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] = g_param_spec_string ("selected-id", NULL, NULL, NULL,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The person picked a document (or "None", then the id is NULL). */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sofradocpicker");
}

static void
sofra_doc_picker_init (SofraDocPicker *self)
{
  build (self);
}

GtkWidget *
sofra_doc_picker_new (SofraStore *store, SofraDocListKind kind)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == SOFRA_DOC_LIST_SESSIONS || kind == SOFRA_DOC_LIST_PARTICIPANTS,
                        NULL);

  return g_object_new (SOFRA_TYPE_DOC_PICKER, "store", store, "kind", kind, NULL);
}

const char *
sofra_doc_picker_get_selected_id (SofraDocPicker *self)
{
  g_return_val_if_fail (SOFRA_IS_DOC_PICKER (self), NULL);

  return self->selected_id;
}

void
sofra_doc_picker_set_selected_id (SofraDocPicker *self, const char *id)
{
  g_return_if_fail (SOFRA_IS_DOC_PICKER (self));

  if (id != NULL && *id == '\0')
    id = NULL;
  if (replace_str (&self->selected_id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
  update_button_label (self);
}

void
sofra_doc_picker_set_fixed_label (SofraDocPicker *self, const char *label)
{
  g_return_if_fail (SOFRA_IS_DOC_PICKER (self));

  replace_str (&self->fixed_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->none_button), label == NULL);
  update_button_label (self);
}

void
sofra_doc_picker_set_none_label (SofraDocPicker *self, const char *none_label)
{
  g_return_if_fail (SOFRA_IS_DOC_PICKER (self));

  replace_str (&self->none_label, none_label);
  if (none_label != NULL)
    gtk_button_set_label (self->none_button, none_label);
  update_button_label (self);
}

char *
sofra_doc_describe (JsonObject *doc)
{
  g_autofree char *detail = NULL;
  g_autofree char *title = NULL;
  const char      *type;

  g_return_val_if_fail (doc != NULL, NULL);

  title = describe_parts (doc, &detail, NULL);
  type = json_object_get_string_member_with_default (doc, "type", "");
  if (detail == NULL || !g_str_equal (type, SOFRA_TYPE_SESSION))
    return g_steal_pointer (&title);
  /* Translators: a session in a list: its title, then its date */
  return g_strdup_printf (_ ("%s — %s"), title, detail);
}

void
sofra_doc_describe_set (gpointer object, const char *property, JsonObject *doc)
{
  g_autofree char *detail = NULL;
  g_autofree char *title = NULL;
  g_autofree char *after = NULL;
  g_autofree char *before = NULL;
  const char      *type;
  const char      *format;
  const char      *at;
  gboolean         record;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (doc != NULL);

  title = describe_parts (doc, &detail, &record);
  type = json_object_get_string_member_with_default (doc, "type", "");
  if (detail != NULL && g_str_equal (type, SOFRA_TYPE_SESSION))
    {
      /* The same words as sofra_doc_describe(): its first "%s" is the title, the other the
       * date, which is interface text and stays as it is. */
      format = _ ("%s — %s");
      at = strstr (format, "%s");
      if (at != NULL && strstr (at + 2, "%s") != NULL)
        {
          g_autoptr (GString) rest = g_string_new (at + 2);

          g_string_replace (rest, "%s", detail, 1);
          before = g_strndup (format, at - format);
          after = g_string_free (g_steal_pointer (&rest), FALSE);
        }
      else
        {
          before = g_strdup ("");
          after = g_strconcat (" — ", detail, NULL);
        }
    }
  if (record)
    sofra_gui_set_record_text_full (object, property, before, title, after);
  else
    {
      g_autofree char *text = g_strconcat (before ? before : "", title, after ? after : "", NULL);

      g_object_set (object, property, text, NULL);
    }
}
