/* sofra-session-page-fields.c — the session page's composite fields: check sets, ratings,
 * and the anonymous head-count
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "sofra-records.h"
#include "sofra-session-page-private.h"

#define MAX_HEADCOUNT 100000

struct _SofraCheckSet
{
  SofraVocab        vocab;
  SofraSessionPage *page;
  GtkWidget        *flow_box;
  GPtrArray        *checks;  /* GtkCheckButton, in vocabulary order */
  GStrv             unknown; /* ids a newer Sofra wrote: kept, not shown */
};

SofraCheckSet *
sofra_check_set_new (SofraVocab vocab, SofraSessionPage *page)
{
  const SofraVocabEntry *entries = sofra_vocab_entries (vocab);
  SofraCheckSet         *set = g_new0 (SofraCheckSet, 1);

  set->vocab = vocab;
  set->page = page;
  set->checks = g_ptr_array_new ();
  set->flow_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (set->flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (set->flow_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (set->flow_box), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (set->flow_box), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (set->flow_box), 6);
  gtk_widget_add_css_class (set->flow_box, "card");
  gtk_widget_add_css_class (set->flow_box, "check-set");

  for (guint i = 0; entries[i].id != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (sofra_vocab_label (vocab, entries[i].id));

      gtk_flow_box_append (GTK_FLOW_BOX (set->flow_box), check);
      /* The flow box child would take the focus first; the check button is what matters. */
      gtk_widget_set_focusable (gtk_widget_get_parent (check), FALSE);
      g_ptr_array_add (set->checks, check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (sofra_session_page_queue_save), page);
    }

  return set;
}

void
sofra_check_set_free (SofraCheckSet *set)
{
  if (set == NULL)
    return;

  g_ptr_array_unref (set->checks);
  g_strfreev (set->unknown);
  g_free (set);
}

GtkWidget *
sofra_check_set_get_widget (SofraCheckSet *set)
{
  return set->flow_box;
}

void
sofra_check_set_set_ids (SofraCheckSet *set, char *const *ids)
{
  g_autoptr (GStrvBuilder) unknown = g_strv_builder_new ();

  for (guint i = 0; i < set->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (set->checks, i), FALSE);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      int index = sofra_vocab_index (set->vocab, ids[i]);

      if (index >= 0 && (guint) index < set->checks->len)
        gtk_check_button_set_active (g_ptr_array_index (set->checks, index), TRUE);
      else
        g_strv_builder_add (unknown, ids[i]);
    }

  g_strfreev (set->unknown);
  set->unknown = g_strv_builder_end (unknown);
}

char **
sofra_check_set_get_ids (SofraCheckSet *set)
{
  const SofraVocabEntry *entries = sofra_vocab_entries (set->vocab);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < set->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (set->checks, i)))
      g_strv_builder_add (builder, entries[i].id);
  if (set->unknown != NULL)
    g_strv_builder_addv (builder, (const char **) set->unknown);

  return g_strv_builder_end (builder);
}

GtkDropDown *
sofra_session_page_rating_new (void)
{
  const char *labels[] = {
    _ ("Not rated"), _ ("1 — Very low"),  _ ("2 — Low"), _ ("3 — Moderate"),
    _ ("4 — High"),  _ ("5 — Very high"), NULL,
  };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (labels);

  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  return GTK_DROP_DOWN (dropdown);
}

void
sofra_session_page_rating_set (GtkDropDown *dropdown, int rating)
{
  gtk_drop_down_set_selected (dropdown, rating >= 1 && rating <= 5 ? (guint) rating : 0);
}

int
sofra_session_page_rating_get (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected >= 1 && selected <= 5 ? (int) selected : 0;
}

/* Times and names as typed. */

/* "9:30", "09:30" and "0930" are all 09:30; NULL for anything else. */
char *
sofra_session_page_normalise_time (const char *text)
{
  int  hours = -1, minutes = -1;
  char extra;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%d:%d%c", &hours, &minutes, &extra) != 2)
    {
      if (strlen (text) != 4 || sscanf (text, "%2d%2d%c", &hours, &minutes, &extra) != 2)
        return NULL;
    }
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return NULL;
  return g_strdup_printf ("%02d:%02d", hours, minutes);
}

char **
sofra_session_page_split_names (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/* Head-count rows: community × gender → a number. */

static void
update_headcount_summary (SofraSessionPage *self)
{
  GtkListBoxRow *row;
  guint          total = 0;
  gboolean       any = FALSE;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->headcount_list, i)) != NULL; i++)
    {
      GtkSpinButton *count = g_object_get_data (G_OBJECT (row), "count");

      any = TRUE;
      if (count != NULL)
        total += (guint) MAX (0, gtk_spin_button_get_value_as_int (count));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->headcount_list), any);
  if (any)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person took part without registering.",
                                      "%u people took part without registering.", total),
                         total);

      adw_preferences_group_set_description (self->headcount_group, text);
    }
  else
    adw_preferences_group_set_description (
      self->headcount_group, _ ("Count people who took part without registering, by community "
                                "and gender. No names are kept."));
}

static void
on_headcount_edit_cb (SofraSessionPage *self)
{
  update_headcount_summary (self);
  sofra_session_page_queue_save (self);
}

static void
on_headcount_remove_cb (GtkButton *button, SofraSessionPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  if (row != NULL)
    gtk_list_box_remove (self->headcount_list, row);
  update_headcount_summary (self);
  sofra_session_page_queue_save (self);
}

static GtkWidget *
headcount_row_new (SofraSessionPage *self, const SofraHeadcount *headcount)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *community = sofra_gui_vocab_dropdown_new (SOFRA_VOCAB_COMMUNITY, TRUE);
  GtkWidget *gender = sofra_gui_vocab_dropdown_new (SOFRA_VOCAB_GENDER, TRUE);
  GtkWidget *count = gtk_spin_button_new_with_range (0, MAX_HEADCOUNT, 1);
  GtkWidget *remove = sofra_session_page_remove_button (_ ("Remove this count"));
  GtkWidget *label = gtk_label_new (_ ("people"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "headcount-row");
  gtk_widget_set_tooltip_text (community, _ ("Community"));
  gtk_widget_set_tooltip_text (gender, _ ("Gender"));
  gtk_widget_set_hexpand (community, TRUE);
  gtk_widget_set_hexpand (gender, TRUE);
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Number of people"), -1);
  gtk_widget_add_css_class (label, "dim-label");

  if (headcount != NULL)
    {
      sofra_gui_vocab_dropdown_set_id (GTK_DROP_DOWN (community), headcount->community);
      sofra_gui_vocab_dropdown_set_id (GTK_DROP_DOWN (gender), headcount->gender);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (count), headcount->count);
    }
  else
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (count), 1);
    }

  gtk_box_append (GTK_BOX (box), community);
  gtk_box_append (GTK_BOX (box), gender);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "community", community);
  g_object_set_data (G_OBJECT (row), "gender", gender);
  g_object_set_data (G_OBJECT (row), "count", count);

  g_signal_connect_swapped (community, "notify::selected", G_CALLBACK (on_headcount_edit_cb), self);
  g_signal_connect_swapped (gender, "notify::selected", G_CALLBACK (on_headcount_edit_cb), self);
  g_signal_connect_swapped (count, "value-changed", G_CALLBACK (on_headcount_edit_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_headcount_remove_cb), self);

  return row;
}

void
sofra_session_page_headcount_load (SofraSessionPage *self, GArray *headcount)
{
  sofra_gui_list_box_remove_all (self->headcount_list);

  for (guint i = 0; headcount != NULL && i < headcount->len; i++)
    gtk_list_box_append (self->headcount_list,
                         headcount_row_new (self, &g_array_index (headcount, SofraHeadcount, i)));
  update_headcount_summary (self);
}

static void
headcount_clear (gpointer data)
{
  SofraHeadcount *headcount = data;

  g_clear_pointer (&headcount->community, g_free);
  g_clear_pointer (&headcount->gender, g_free);
}

GArray *
sofra_session_page_headcount_read (SofraSessionPage *self)
{
  GArray        *array = g_array_new (FALSE, TRUE, sizeof (SofraHeadcount));
  GtkListBoxRow *row;

  g_array_set_clear_func (array, headcount_clear);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->headcount_list, i)) != NULL; i++)
    {
      GtkDropDown   *community = g_object_get_data (G_OBJECT (row), "community");
      GtkDropDown   *gender = g_object_get_data (G_OBJECT (row), "gender");
      GtkSpinButton *count = g_object_get_data (G_OBJECT (row), "count");
      SofraHeadcount headcount = { 0 };

      if (community == NULL || gender == NULL || count == NULL)
        continue;
      /* The text being typed into the spin button counts too. */
      gtk_spin_button_update (count);
      headcount.count = gtk_spin_button_get_value_as_int (count);
      if (headcount.count <= 0)
        continue;
      headcount.community = g_strdup (sofra_gui_vocab_dropdown_get_id (community));
      headcount.gender = g_strdup (sofra_gui_vocab_dropdown_get_id (gender));
      g_array_append_val (array, headcount);
    }

  return array;
}

void
sofra_session_page_headcount_add (SofraSessionPage *self)
{
  GtkWidget *row;

  if (sofra_session_page_get_session_id (self) == NULL)
    return;

  row = headcount_row_new (self, NULL);
  gtk_list_box_append (self->headcount_list, row);
  update_headcount_summary (self);
  gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
  sofra_session_page_queue_save (self);
}
