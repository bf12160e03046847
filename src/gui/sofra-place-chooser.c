/* sofra-place-chooser.c — a button that picks a place of the gazetteer, with search
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search matches every name of a place (Albanian, Serbian Cyrillic, Serbian Latin) with
 * g_str_match_string(), which folds diacritics, so "mitrovica" finds "Mitrovicë/Mitrovica".
 */
#include <glib/gi18n.h>
#include <string.h>

#include "sofra-collate.h"
#include "sofra-gui-util.h"
#include "sofra-place-chooser.h"
#include "sofra-records.h"

struct _SofraPlaceChooser
{
  AdwBin parent_instance;

  SofraStore *store;
  char       *place_id;

  GtkWidget *menu_button;
  GtkWidget *label;
  GtkWidget *popover;
  GtkWidget *search_entry;
  GtkWidget *list_box;
  gboolean   loaded;
};

G_DEFINE_FINAL_TYPE (SofraPlaceChooser, sofra_place_chooser, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PLACE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROW_ID_KEY     "sofra-place-id"
#define ROW_SEARCH_KEY "sofra-place-search"

typedef struct
{
  char *id;
  char *display;
  char *search;
  char *sort_key; /* sofra_collate_key (display) */
  char *region;
} PlaceEntry;

static void
place_entry_free (gpointer data)
{
  PlaceEntry *entry = data;

  g_free (entry->id);
  g_free (entry->display);
  g_free (entry->search);
  g_free (entry->sort_key);
  g_free (entry->region);
  g_free (entry);
}

static gboolean
collect_place_cb (JsonObject *doc, gpointer user_data)
{
  GPtrArray *entries = user_data;
  g_autoptr (SofraPlace) place = sofra_place_from_json (doc, NULL);
  PlaceEntry *entry;

  if (place == NULL || place->meta.id == NULL)
    return TRUE;

  entry = g_new0 (PlaceEntry, 1);
  entry->id = g_strdup (place->meta.id);
  entry->display = sofra_place_display_name (place, sofra_gui_language ());
  entry->sort_key = sofra_collate_key (entry->display);
  entry->search = g_strjoin (" ", place->name_sq ? place->name_sq : "",
                             place->name_sr ? place->name_sr : "",
                             place->name_sr_latn ? place->name_sr_latn : "", NULL);
  entry->region = g_strdup (place->region);
  g_ptr_array_add (entries, entry);

  return TRUE;
}

static int
compare_places (gconstpointer a, gconstpointer b)
{
  const PlaceEntry *pa = *(const PlaceEntry **) a;
  const PlaceEntry *pb = *(const PlaceEntry **) b;

  return strcmp (pa->sort_key, pb->sort_key);
}

static GtkWidget *
make_row (const char *id, const char *title, const char *subtitle, const char *search)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  /* Row titles are Pango markup in libadwaita 1.2. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), ROW_ID_KEY, g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_SEARCH_KEY, g_strdup (search), g_free);

  return row;
}

static void
load_places (SofraPlaceChooser *self)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (place_entry_free);
  g_autoptr (GError) error = NULL;

  if (self->loaded || self->store == NULL)
    return;
  self->loaded = TRUE;

  if (!sofra_store_foreach_doc (self->store, SOFRA_TYPE_PLACE, collect_place_cb, entries, &error))
    g_warning ("Cannot list places: %s", error->message);
  g_ptr_array_sort (entries, compare_places);

  gtk_list_box_append (GTK_LIST_BOX (self->list_box), make_row (NULL, _ ("No Place"), NULL, NULL));
  for (guint i = 0; i < entries->len; i++)
    {
      PlaceEntry *entry = g_ptr_array_index (entries, i);
      const char *region = NULL;

      if (g_strcmp0 (entry->region, "kosovo") == 0 || g_strcmp0 (entry->region, "serbia") == 0)
        region = sofra_vocab_label (SOFRA_VOCAB_REGION, entry->region);
      gtk_list_box_append (GTK_LIST_BOX (self->list_box),
                           make_row (entry->id, entry->display, region, entry->search));
    }
}

static void
update_label (SofraPlaceChooser *self)
{
  g_autofree char *name = NULL;

  if (self->store != NULL)
    name = sofra_gui_place_name (self->store, self->place_id);
  if (name == NULL && self->place_id != NULL)
    name = g_strdup (self->place_id);

  if (name != NULL)
    sofra_gui_set_record_place (self->label, "label", NULL, name, NULL);
  else
    gtk_label_set_label (GTK_LABEL (self->label), _ ("No Place"));
  if (name == NULL)
    gtk_widget_add_css_class (self->label, "dim-label");
  else
    gtk_widget_remove_css_class (self->label, "dim-label");
}

static gboolean
filter_row_func (GtkListBoxRow *row, gpointer user_data)
{
  SofraPlaceChooser *self = user_data;
  const char        *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char        *search = g_object_get_data (G_OBJECT (row), ROW_SEARCH_KEY);

  if (text == NULL || *text == '\0')
    return TRUE;
  if (search == NULL)
    return FALSE;

  return g_str_match_string (text, search, TRUE);
}

static void
on_search_changed_cb (GtkSearchEntry *entry, SofraPlaceChooser *self)
{
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->list_box));
}

static void
on_row_activated_cb (GtkListBox *box, GtkListBoxRow *row, SofraPlaceChooser *self)
{
  sofra_place_chooser_set_place_id (self, g_object_get_data (G_OBJECT (row), ROW_ID_KEY));
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_search_activate_cb (GtkSearchEntry *entry, SofraPlaceChooser *self)
{
  /* Enter picks the first place that matches. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->list_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child) &&
          g_object_get_data (G_OBJECT (child), ROW_ID_KEY) != NULL)
        {
          on_row_activated_cb (GTK_LIST_BOX (self->list_box), GTK_LIST_BOX_ROW (child), self);
          return;
        }
    }
}

static void
on_popover_show_cb (GtkWidget *popover, SofraPlaceChooser *self)
{
  load_places (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (self->search_entry);
}

static void
sofra_place_chooser_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraPlaceChooser *self = SOFRA_PLACE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLACE_ID:
      g_value_set_string (value, self->place_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_place_chooser_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SofraPlaceChooser *self = SOFRA_PLACE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PLACE_ID:
      sofra_place_chooser_set_place_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_place_chooser_dispose (GObject *object)
{
  SofraPlaceChooser *self = SOFRA_PLACE_CHOOSER (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_place_chooser_parent_class)->dispose (object);
}

static void
sofra_place_chooser_finalize (GObject *object)
{
  SofraPlaceChooser *self = SOFRA_PLACE_CHOOSER (object);

  g_clear_pointer (&self->place_id, g_free);

  G_OBJECT_CLASS (sofra_place_chooser_parent_class)->finalize (object);
}

static void
sofra_place_chooser_class_init (SofraPlaceChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sofra_place_chooser_get_property;
  object_class->set_property = sofra_place_chooser_set_property;
  object_class->dispose = sofra_place_chooser_dispose;
  object_class->finalize = sofra_place_chooser_finalize;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE_ID] = g_param_spec_string ("place-id", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sofra_place_chooser_init (SofraPlaceChooser *self)
{
  GtkWidget *box, *scrolled;

  self->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _ ("Search places"), NULL);
  self->list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list_box), filter_row_func, self, NULL);
  gtk_widget_add_css_class (self->list_box, "boxed-list");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_box);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->search_entry);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), self->label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);
  gtk_widget_set_tooltip_text (self->menu_button, _ ("Choose a place"));
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  adw_bin_set_child (ADW_BIN (self), self->menu_button);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect (self->popover, "show", G_CALLBACK (on_popover_show_cb), self);

  update_label (self);
}

GtkWidget *
sofra_place_chooser_new (SofraStore *store)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  return g_object_new (SOFRA_TYPE_PLACE_CHOOSER, "store", store, NULL);
}

const char *
sofra_place_chooser_get_place_id (SofraPlaceChooser *self)
{
  g_return_val_if_fail (SOFRA_IS_PLACE_CHOOSER (self), NULL);

  return self->place_id;
}

void
sofra_place_chooser_set_place_id (SofraPlaceChooser *self, const char *place_id)
{
  g_return_if_fail (SOFRA_IS_PLACE_CHOOSER (self));

  if (place_id != NULL && *place_id == '\0')
    place_id = NULL;
  if (g_strcmp0 (self->place_id, place_id) == 0)
    return;

  g_free (self->place_id);
  self->place_id = g_strdup (place_id);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE_ID]);
}
