/* sofra-search-view.c — search across every record: the entry, its filters and the results
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The query goes to sofra_search() (src/core/sofra-search.h), which is fast enough for every
 * keystroke; a 150 ms debounce still spares the list from being rebuilt for each key of a
 * word typed quickly. Results show the records' own text with the matched words in bold: the
 * title in the reader's chosen script, the snippet as stored.
 */
#include <glib/gi18n.h>

#include "sofra-gui-util.h"
#include "sofra-search-filters.h"
#include "sofra-search-view.h"
#include "sofra-search.h"

#define DEBOUNCE_MS   150
#define TARGET_ID_KEY "sofra-target-id"

struct _SofraSearchView
{
  AdwBin parent_instance;

  SofraStore *store;
  GSettings  *settings;

  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *error_page;
  GtkScrolledWindow *scrolled;
  GtkBox            *groups_box;

  GtkWidget          *bar; /* owned: the window's search bar shows it */
  GtkSearchEntry     *entry;
  SofraSearchFilters *filters;

  GtkWidget  *groups[SOFRA_SEARCH_N_KINDS];
  GtkLabel   *group_counts[SOFRA_SEARCH_N_KINDS];
  GtkListBox *lists[SOFRA_SEARCH_N_KINDS];

  guint    debounce_id;
  guint    n_results;
  gboolean keep_scroll; /* a refresh after a write keeps the place in the results */
};

G_DEFINE_FINAL_TYPE (SofraSearchView, sofra_search_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

enum
{
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* @text with @ranges in bold, each piece in the reader's script and escaped for Pango. */
static char *
mark_for_script (const char *text, const GArray *ranges)
{
  GString         *out = g_string_new (NULL);
  guint            pos = 0;
  gsize            len = strlen (text);
  g_autofree char *whole = sofra_gui_record_text (text);
  /* Whether the text changes script is decided on all of it (an Albanian title stays as it is
   * even where a matched word alone would look Serbian). */
  gboolean changes = g_strcmp0 (whole, text) != 0;

  for (guint i = 0; i <= ranges->len; i++)
    {
      const SofraSearchRange *r = i < ranges->len ? &g_array_index (ranges, SofraSearchRange, i)
                                                  : NULL;
      guint                   start = r != NULL ? MIN (r->start, len) : len;
      guint                   end = r != NULL ? MIN (r->end, len) : len;

      if (start < pos)
        start = pos;
      if (start > pos)
        {
          g_autofree char *piece = g_strndup (text + pos, start - pos);
          g_autofree char *shown = changes ? sofra_gui_record_text (piece) : g_strdup (piece);
          g_autofree char *escaped = g_markup_escape_text (shown, -1);
          g_string_append (out, escaped);
        }
      if (r != NULL && end > start)
        {
          g_autofree char *piece = g_strndup (text + start, end - start);
          g_autofree char *shown = changes ? sofra_gui_record_text (piece) : g_strdup (piece);
          g_autofree char *escaped = g_markup_escape_text (shown, -1);
          g_string_append_printf (out, "<b>%s</b>", escaped);
        }
      pos = MAX (pos, end);
    }
  return g_string_free (out, FALSE);
}

/* What a result opens: the record itself, but a note opens its participant, else its session
 * (a note has no page of its own). */
static char *
target_id (SofraSearchView *self, const SofraSearchHit *hit)
{
  g_autoptr (JsonObject) note = NULL;
  const char *session_id;

  if (hit->kind != SOFRA_SEARCH_KIND_NOTE)
    return g_strdup (hit->id);
  if (hit->related_id != NULL)
    return g_strdup (hit->related_id);
  note = sofra_store_get (self->store, hit->id, NULL);
  session_id = sofra_gui_doc_string (note, "session_id");
  return session_id != NULL ? g_strdup (session_id) : NULL;
}

static const char *
untitled (SofraSearchKind kind)
{
  switch (kind)
    {
    case SOFRA_SEARCH_KIND_SESSION:
      return _ ("Untitled session");
    case SOFRA_SEARCH_KIND_PARTICIPANT:
      return _ ("Unnamed participant");
    case SOFRA_SEARCH_KIND_NOTE:
      return _ ("Note");
    case SOFRA_SEARCH_KIND_FOLLOWUP:
    case SOFRA_SEARCH_N_KINDS:
    default:
      return _ ("Follow-up");
    }
}

static GtkWidget *
result_row_new (SofraSearchView *self, const SofraSearchHit *hit)
{
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget       *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget       *title = gtk_label_new (NULL);
  g_autofree char *title_markup = NULL;
  g_autofree char *target = target_id (self, hit);

  if (*hit->title != '\0')
    title_markup = mark_for_script (hit->title, hit->title_ranges);
  else
    title_markup = g_markup_printf_escaped ("<i>%s</i>", untitled (hit->kind));
  gtk_label_set_markup (GTK_LABEL (title), title_markup);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "search-title");
  gtk_box_append (GTK_BOX (top), title);

  if (hit->date != NULL)
    {
      g_autofree char *date = sofra_gui_format_date (hit->date);
      GtkWidget       *label = gtk_label_new (date);

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (top), label);
    }
  gtk_box_append (GTK_BOX (box), top);

  if (*hit->snippet != '\0')
    {
      /* The snippet stays as stored: it shows the words that matched, and it often holds a
       * place's names in every language, which one script would only repeat. */
      g_autofree char *markup = sofra_search_hit_snippet_markup (hit);
      GtkWidget       *snippet = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (snippet), markup);
      gtk_label_set_xalign (GTK_LABEL (snippet), 0);
      gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (snippet), 2);
      gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (snippet, "dim-label");
      gtk_box_append (GTK_BOX (box), snippet);
    }

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), target != NULL);
  g_object_set_data_full (G_OBJECT (row), TARGET_ID_KEY, g_steal_pointer (&target), g_free);
  return row;
}

static void
show_results (SofraSearchView *self, SofraSearchResults *results)
{
  self->n_results = sofra_search_results_count (results);
  for (guint k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    {
      GPtrArray       *hits = results->hits[k];
      g_autofree char *count = NULL;

      sofra_gui_list_box_remove_all (self->lists[k]);
      for (guint i = 0; i < hits->len; i++)
        gtk_list_box_append (self->lists[k], result_row_new (self, hits->pdata[i]));
      /* Translators: the number of results in a group; "20+" when there are more */
      count = results->more[k] ? g_strdup_printf (_ ("%u+"), hits->len)
                               : g_strdup_printf ("%u", hits->len);
      gtk_label_set_label (self->group_counts[k], count);
      gtk_widget_set_visible (self->groups[k], hits->len > 0);
    }
  if (!self->keep_scroll)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  self->keep_scroll = FALSE;
}

static void
run_search (SofraSearchView *self)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  SofraSearchQuery query = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraSearchResults) results = NULL;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->n_results = 0;
  if (sofra_gui_is_blank (text))
    {
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }

  sofra_search_filters_fill_query (self->filters, &query);
  query.text = text;
  results = sofra_search (self->store, &query, &error);
  if (results == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_results (self, results);
  if (self->n_results > 0)
    gtk_stack_set_visible_child_name (self->stack, "results");
  else
    {
      g_autofree char *description = NULL;

      if (sofra_search_filters_count_active (self->filters) > 0)
        /* Translators: %s is what was searched for */
        description = g_strdup_printf (_ ("Nothing matches “%s” with these filters. Try fewer "
                                          "words, or clear the filters."),
                                       text);
      else
        /* Translators: %s is what was searched for */
        description = g_strdup_printf (_ ("Nothing matches “%s”. Try fewer words, or the "
                                          "beginning of a name."),
                                       text);
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static gboolean
on_debounce_cb (gpointer user_data)
{
  SofraSearchView *self = user_data;

  self->debounce_id = 0;
  run_search (self);
  return G_SOURCE_REMOVE;
}

static void
on_entry_changed_cb (SofraSearchView *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, on_debounce_cb, self);
}

/* A record changed (here or by a sync) while results are shown: they follow. */
static void
on_store_changed_cb (SofraStore *store, const char *id, const char *type, SofraSearchView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      sofra_gui_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->entry))))
    return;
  self->keep_scroll = TRUE;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, on_debounce_cb, self);
}

/* Down in the entry moves to the first result. */
static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         SofraSearchView       *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  for (guint k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->lists[k], 0);
      if (first != NULL && gtk_widget_get_visible (self->groups[k]))
        return gtk_widget_grab_focus (GTK_WIDGET (first));
    }
  return FALSE;
}

static void
activate_row (SofraSearchView *self, GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), TARGET_ID_KEY);

  if (id == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "s", id);
  g_signal_emit (self, signals[ACTIVATED], 0, id);
}

/* Enter opens the first result. */
static void
on_entry_activate_cb (SofraSearchView *self)
{
  run_search (self);
  for (guint k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->lists[k], 0);
      if (first != NULL)
        {
          activate_row (self, first);
          return;
        }
    }
}

static void
on_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, SofraSearchView *self)
{
  activate_row (self, row);
}

static void
on_script_changed_cb (GSettings *settings, const char *key, SofraSearchView *self)
{
  if (self->n_results > 0)
    run_search (self);
}

static void
build_groups (SofraSearchView *self)
{
  for (guint k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    {
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *heading = gtk_label_new (sofra_search_kind_label (k));
      GtkWidget *count = gtk_label_new (NULL);
      GtkWidget *list = gtk_list_box_new ();

      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_box_append (GTK_BOX (header), heading);
      gtk_box_append (GTK_BOX (header), count);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      heading, NULL, -1);
      g_signal_connect (list, "row-activated", G_CALLBACK (on_row_activated_cb), self);

      gtk_box_append (GTK_BOX (group), header);
      gtk_box_append (GTK_BOX (group), list);
      gtk_widget_set_visible (group, FALSE);
      gtk_box_append (self->groups_box, group);

      self->groups[k] = group;
      self->group_counts[k] = GTK_LABEL (count);
      self->lists[k] = GTK_LIST_BOX (list);
    }
}

static void
build_bar (SofraSearchView *self)
{
  GtkWidget          *clamp = adw_clamp_new ();
  GtkWidget          *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *keys;

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text",
                _ ("Search sessions, participants, notes and follow-ups"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  self->filters = sofra_search_filters_new (self->store);
  g_signal_connect_swapped (self->filters, "changed", G_CALLBACK (run_search), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->filters));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->bar = g_object_ref_sink (clamp);
}

static void
sofra_search_view_constructed (GObject *object)
{
  SofraSearchView *self = SOFRA_SEARCH_VIEW (object);

  G_OBJECT_CLASS (sofra_search_view_parent_class)->constructed (object);

  g_assert (SOFRA_IS_STORE (self->store));
  g_assert (G_IS_SETTINGS (self->settings));

  build_bar (self);
  build_groups (self);
  g_signal_connect_object (self->settings, "changed::serbian-script",
                           G_CALLBACK (on_script_changed_cb), self, 0);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
}

static void
sofra_search_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraSearchView *self = SOFRA_SEARCH_VIEW (object);

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
sofra_search_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SofraSearchView *self = SOFRA_SEARCH_VIEW (object);

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
sofra_search_view_dispose (GObject *object)
{
  SofraSearchView *self = SOFRA_SEARCH_VIEW (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_object (&self->bar);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sofra_search_view_parent_class)->dispose (object);
}

static void
sofra_search_view_class_init (SofraSearchViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_search_view_constructed;
  object_class->get_property = sofra_search_view_get_property;
  object_class->set_property = sofra_search_view_set_property;
  object_class->dispose = sofra_search_view_dispose;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The record a result opened (after "win.show-record" ran). */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SOFRA_GUI_RESOURCE_PATH "/sofra-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, SofraSearchView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SofraSearchView, error_page);
  gtk_widget_class_bind_template_child (widget_class, SofraSearchView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SofraSearchView, groups_box);
}

static void
sofra_search_view_init (SofraSearchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sofra_search_view_new (SofraStore *store, GSettings *settings)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SOFRA_TYPE_SEARCH_VIEW, "store", store, "settings", settings, NULL);
}

GtkWidget *
sofra_search_view_get_bar (SofraSearchView *self)
{
  g_return_val_if_fail (SOFRA_IS_SEARCH_VIEW (self), NULL);
  return self->bar;
}

GtkSearchEntry *
sofra_search_view_get_entry (SofraSearchView *self)
{
  g_return_val_if_fail (SOFRA_IS_SEARCH_VIEW (self), NULL);
  return self->entry;
}

void
sofra_search_view_search_now (SofraSearchView *self, const char *text)
{
  g_return_if_fail (SOFRA_IS_SEARCH_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  run_search (self);
}

void
sofra_search_view_reset (SofraSearchView *self)
{
  g_return_if_fail (SOFRA_IS_SEARCH_VIEW (self));

  sofra_search_filters_clear (self->filters);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  run_search (self);
}

guint
sofra_search_view_get_n_results (SofraSearchView *self)
{
  g_return_val_if_fail (SOFRA_IS_SEARCH_VIEW (self), 0);
  return self->n_results;
}
