/* sofra-search-filters.c — the search filters beside the entry: dates, kind, community, place…
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-date-button.h"
#include "sofra-gui-util.h"
#include "sofra-place-chooser.h"
#include "sofra-search-filters.h"

struct _SofraSearchFilters
{
  AdwBin parent_instance;

  SofraStore *store;

  GtkMenuButton     *button;
  SofraDateButton   *date_from;
  SofraDateButton   *date_to;
  GtkDropDown       *kind;
  GtkDropDown       *community;
  SofraPlaceChooser *place;
  GtkDropDown       *topic;
  GtkDropDown       *status;
  GtkWidget         *clear_button;
  gboolean           clearing;
};

G_DEFINE_FINAL_TYPE (SofraSearchFilters, sofra_search_filters, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_button (SofraSearchFilters *self)
{
  guint            n = sofra_search_filters_count_active (self);
  g_autofree char *label = NULL;

  if (n == 0)
    label = g_strdup (_ ("_Filters"));
  else
    /* Translators: the filters button with the number of filters set */
    label = g_strdup_printf (_ ("_Filters (%u)"), n);
  gtk_menu_button_set_label (self->button, label);
  gtk_menu_button_set_use_underline (self->button, TRUE);
  gtk_widget_set_sensitive (self->clear_button, n > 0);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), "accent");
}

static void
on_filter_changed_cb (SofraSearchFilters *self)
{
  if (self->clearing)
    return;
  update_button (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_clear_clicked_cb (SofraSearchFilters *self)
{
  sofra_search_filters_clear (self);
}

static void
add_row (GtkGrid *grid, int row, const char *mnemonic, GtkWidget *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
}

static GtkDropDown *
vocab_filter (SofraSearchFilters *self, SofraVocab vocab)
{
  GtkWidget *dropdown = sofra_gui_vocab_dropdown_new (vocab, TRUE);

  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  return GTK_DROP_DOWN (dropdown);
}

static void
build (SofraSearchFilters *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *dates = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  int        row = 0;

  self->date_from = SOFRA_DATE_BUTTON (sofra_date_button_new ());
  self->date_to = SOFRA_DATE_BUTTON (sofra_date_button_new ());
  sofra_date_button_set_allow_clear (self->date_from, TRUE);
  sofra_date_button_set_allow_clear (self->date_to, TRUE);
  g_signal_connect_swapped (self->date_from, "notify::date", G_CALLBACK (on_filter_changed_cb),
                            self);
  g_signal_connect_swapped (self->date_to, "notify::date", G_CALLBACK (on_filter_changed_cb), self);
  gtk_box_append (GTK_BOX (dates), GTK_WIDGET (self->date_from));
  /* Translators: between the two dates of a date range */
  gtk_box_append (GTK_BOX (dates), gtk_label_new (_ ("to")));
  gtk_box_append (GTK_BOX (dates), GTK_WIDGET (self->date_to));

  self->kind = vocab_filter (self, SOFRA_VOCAB_SESSION_KIND);
  self->community = vocab_filter (self, SOFRA_VOCAB_COMMUNITY);
  self->topic = vocab_filter (self, SOFRA_VOCAB_TOPIC);
  self->status = vocab_filter (self, SOFRA_VOCAB_FOLLOWUP_STATUS);
  self->place = SOFRA_PLACE_CHOOSER (sofra_place_chooser_new (self->store));
  g_signal_connect_swapped (self->place, "notify::place-id", G_CALLBACK (on_filter_changed_cb),
                            self);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  add_row (GTK_GRID (grid), row++, _ ("_Dates"), dates);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0)),
                                 GTK_WIDGET (self->date_from));
  add_row (GTK_GRID (grid), row++, _ ("Session _kind"), GTK_WIDGET (self->kind));
  add_row (GTK_GRID (grid), row++, _ ("_Community"), GTK_WIDGET (self->community));
  add_row (GTK_GRID (grid), row++, _ ("_Municipality"), GTK_WIDGET (self->place));
  add_row (GTK_GRID (grid), row++, _ ("_Topic"), GTK_WIDGET (self->topic));
  add_row (GTK_GRID (grid), row++, _ ("Follow-up _status"), GTK_WIDGET (self->status));

  self->clear_button = gtk_button_new_with_mnemonic (_ ("C_lear Filters"));
  gtk_widget_set_halign (self->clear_button, GTK_ALIGN_END);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), self->clear_button);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               _ ("Filter by date, session kind, community, municipality, topic "
                                  "or follow-up status"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
  update_button (self);
}

static void
sofra_search_filters_dispose (GObject *object)
{
  SofraSearchFilters *self = SOFRA_SEARCH_FILTERS (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (sofra_search_filters_parent_class)->dispose (object);
}

static void
sofra_search_filters_class_init (SofraSearchFiltersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sofra_search_filters_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
sofra_search_filters_init (SofraSearchFilters *self)
{
}

SofraSearchFilters *
sofra_search_filters_new (SofraStore *store)
{
  SofraSearchFilters *self;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  self = g_object_new (SOFRA_TYPE_SEARCH_FILTERS, NULL);
  self->store = g_object_ref (store);
  build (self);
  return self;
}

void
sofra_search_filters_fill_query (SofraSearchFilters *self, SofraSearchQuery *query)
{
  g_return_if_fail (SOFRA_IS_SEARCH_FILTERS (self));
  g_return_if_fail (query != NULL);

  query->date_from = sofra_date_button_get_date (self->date_from);
  query->date_to = sofra_date_button_get_date (self->date_to);
  query->session_kind = sofra_gui_vocab_dropdown_get_id (self->kind);
  query->community = sofra_gui_vocab_dropdown_get_id (self->community);
  query->place_id = sofra_place_chooser_get_place_id (self->place);
  query->topic = sofra_gui_vocab_dropdown_get_id (self->topic);
  query->status = sofra_gui_vocab_dropdown_get_id (self->status);
}

guint
sofra_search_filters_count_active (SofraSearchFilters *self)
{
  SofraSearchQuery q = { 0 };
  const char      *fields[7];
  guint            n = 0;

  g_return_val_if_fail (SOFRA_IS_SEARCH_FILTERS (self), 0);

  sofra_search_filters_fill_query (self, &q);
  fields[0] = q.date_from;
  fields[1] = q.date_to;
  fields[2] = q.session_kind;
  fields[3] = q.community;
  fields[4] = q.place_id;
  fields[5] = q.topic;
  fields[6] = q.status;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && *fields[i] != '\0')
      n++;
  return n;
}

void
sofra_search_filters_clear (SofraSearchFilters *self)
{
  g_return_if_fail (SOFRA_IS_SEARCH_FILTERS (self));

  self->clearing = TRUE;
  sofra_date_button_set_date (self->date_from, NULL);
  sofra_date_button_set_date (self->date_to, NULL);
  sofra_gui_vocab_dropdown_set_id (self->kind, NULL);
  sofra_gui_vocab_dropdown_set_id (self->community, NULL);
  sofra_place_chooser_set_place_id (self->place, NULL);
  sofra_gui_vocab_dropdown_set_id (self->topic, NULL);
  sofra_gui_vocab_dropdown_set_id (self->status, NULL);
  self->clearing = FALSE;
  update_button (self);
  g_signal_emit (self, signals[CHANGED], 0);
}
