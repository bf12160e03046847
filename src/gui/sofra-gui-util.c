/* sofra-gui-util.c — small helpers shared by the views: vocabulary dropdowns, dates, toasts
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "sofra-gui-resources.h"
#include "sofra-doc-list.h"
#include "sofra-gui-util.h"
#include "sofra-i18n.h"
#include "sofra-render-text.h"
#include "sofra-window.h"

#define VOCAB_KEY       "sofra-vocab"
#define ALLOW_UNSET_KEY "sofra-allow-unset"

struct _SofraAutosave
{
  guint             delay_ms;
  guint             timeout_id;
  SofraAutosaveFunc func;
  gpointer          user_data;
  gboolean          running;
};

void
sofra_gui_ensure_resources (void)
{
  /* Referring to the resource links its object file, whose constructor registers it. */
  g_assert (sofra_gui_get_resource () != NULL);
}

void
sofra_gui_ensure_style (GdkDisplay *display)
{
  g_autoptr (GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "sofra-style") != NULL)
    return;

  sofra_gui_ensure_resources ();
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, SOFRA_GUI_RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "sofra-style", g_steal_pointer (&provider),
                          g_object_unref);
}

GtkWidget *
sofra_gui_vocab_dropdown_new (SofraVocab vocab, gboolean allow_unset)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  const SofraVocabEntry *entries;
  GtkWidget             *dropdown;

  g_return_val_if_fail (vocab < SOFRA_N_VOCABS, NULL);

  if (allow_unset)
    gtk_string_list_append (labels, _ ("Not set"));
  entries = sofra_vocab_entries (vocab);
  for (guint i = 0; entries[i].id != NULL; i++)
    gtk_string_list_append (labels, sofra_vocab_label (vocab, entries[i].id));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  g_object_set_data (G_OBJECT (dropdown), VOCAB_KEY, GUINT_TO_POINTER (vocab + 1));
  g_object_set_data (G_OBJECT (dropdown), ALLOW_UNSET_KEY, GINT_TO_POINTER (allow_unset));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);

  return dropdown;
}

static gboolean
dropdown_vocab (GtkDropDown *dropdown, SofraVocab *vocab, gboolean *allow_unset)
{
  guint stored = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), VOCAB_KEY));

  if (stored == 0)
    return FALSE;
  *vocab = stored - 1;
  *allow_unset = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), ALLOW_UNSET_KEY));
  return TRUE;
}

const char *
sofra_gui_vocab_dropdown_get_id (GtkDropDown *dropdown)
{
  SofraVocab vocab;
  gboolean   allow_unset;
  guint      selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);
  g_return_val_if_fail (dropdown_vocab (dropdown, &vocab, &allow_unset), NULL);

  selected = gtk_drop_down_get_selected (dropdown);
  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  if (allow_unset)
    {
      if (selected == 0)
        return NULL;
      selected--;
    }
  if (selected >= sofra_vocab_count (vocab))
    return NULL;

  return sofra_vocab_entries (vocab)[selected].id;
}

void
sofra_gui_vocab_dropdown_set_id (GtkDropDown *dropdown, const char *id)
{
  SofraVocab vocab;
  gboolean   allow_unset;
  int        index = -1;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (dropdown_vocab (dropdown, &vocab, &allow_unset));

  if (id != NULL)
    index = sofra_vocab_index (vocab, id);

  if (index < 0)
    gtk_drop_down_set_selected (dropdown, 0);
  else
    gtk_drop_down_set_selected (dropdown, (guint) index + (allow_unset ? 1 : 0));
}

static gboolean
parse_iso_date (const char *iso_date, int *year, int *month, int *day)
{
  if (iso_date == NULL || strlen (iso_date) != 10)
    return FALSE;
  if (sscanf (iso_date, "%4d-%2d-%2d", year, month, day) != 3)
    return FALSE;
  return g_date_valid_dmy (*day, *month, *year);
}

char *
sofra_gui_format_date (const char *iso_date)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  int              year, month, day;

  if (!parse_iso_date (iso_date, &year, &month, &day))
    return g_strdup (iso_date != NULL ? iso_date : "");

  dt = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (iso_date);

  /* Translators: a session's date, as in "Sat 28 Nov 2026"; see g_date_time_format(). "%-d"
   * is the day without padding (GLib pads "%e" with a figure space).
   * xgettext:no-c-format */
  text = sofra_i18n_format_date_time (dt, _ ("%a %-d %b %Y"));
  if (text == NULL)
    return g_strdup (iso_date);
  return g_steal_pointer (&text);
}

char *
sofra_gui_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

const char *
sofra_gui_doc_string (JsonObject *doc, const char *member)
{
  JsonNode *node;

  if (doc == NULL)
    return NULL;
  node = json_object_get_member (doc, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
sofra_gui_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
sofra_gui_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter    start, end;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
sofra_gui_list_box_set_placeholder_text (GtkListBox *list, const char *text)
{
  GtkWidget *placeholder;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  placeholder = gtk_label_new (text);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (list, placeholder);
}

void
sofra_gui_list_box_remove_all (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

const char *
sofra_gui_language (void)
{
  /* The same rule as the printed documents'. */
  return sofra_render_language ();
}

char *
sofra_gui_place_name (SofraStore *store, const char *place_id)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  if (place_id == NULL || *place_id == '\0')
    return NULL;
  return sofra_render_place_name (store, place_id, sofra_gui_language ());
}

static void
on_author_changed_cb (GSettings *settings, const char *key, SofraStore *store)
{
  g_autofree char *staff_name = g_settings_get_string (settings, "staff-name");
  g_autofree char *office_id = g_settings_get_string (settings, "office-id");

  g_strstrip (staff_name);
  sofra_store_set_author (store, *staff_name != '\0' ? staff_name : NULL,
                          *office_id != '\0' ? office_id : NULL);
}

void
sofra_gui_follow_author (SofraStore *store, GSettings *settings)
{
  g_return_if_fail (SOFRA_IS_STORE (store));
  g_return_if_fail (G_IS_SETTINGS (settings));

  on_author_changed_cb (settings, NULL, store);
  g_signal_connect_object (settings, "changed::staff-name", G_CALLBACK (on_author_changed_cb),
                           store, 0);
  g_signal_connect_object (settings, "changed::office-id", G_CALLBACK (on_author_changed_cb), store,
                           0);
}

static gboolean
add_toast_to_root (GtkWidget *widget, AdwToast *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  while (root != NULL)
    {
      GtkWindow *parent;

      if (SOFRA_IS_WINDOW (root))
        {
          sofra_window_add_toast (SOFRA_WINDOW (root), toast);
          return TRUE;
        }
      if (ADW_IS_PREFERENCES_WINDOW (root))
        {
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
          return TRUE;
        }
      if (!GTK_IS_WINDOW (root))
        break;
      parent = gtk_window_get_transient_for (GTK_WINDOW (root));
      root = parent != NULL ? GTK_ROOT (parent) : NULL;
    }

  return FALSE;
}

void
sofra_gui_toast (GtkWidget *any_widget, const char *message)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (any_widget));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  if (!add_toast_to_root (any_widget, toast))
    {
      g_message ("%s", message);
      g_object_unref (g_object_ref_sink (toast));
    }
}

AdwToast *
sofra_gui_toast_with_action (GtkWidget  *any_widget,
                             const char *message,
                             const char *button_label,
                             const char *action_name,
                             GVariant   *target)
{
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (any_widget), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  if (target != NULL)
    adw_toast_set_action_target_value (toast, target);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  if (!add_toast_to_root (any_widget, toast))
    {
      g_object_unref (g_object_ref_sink (toast));
      return NULL;
    }
  return toast;
}

void
sofra_gui_show_error (GtkWidget *widget, const GError *error)
{
  GtkRoot   *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  GtkWidget *dialog;

  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _ ("Something Went Wrong"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
autosave_timeout_cb (gpointer data)
{
  SofraAutosave *self = data;

  self->timeout_id = 0;
  self->running = TRUE;
  self->func (self->user_data);
  self->running = FALSE;

  return G_SOURCE_REMOVE;
}

SofraAutosave *
sofra_autosave_new (guint delay_ms, SofraAutosaveFunc func, gpointer user_data)
{
  SofraAutosave *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (SofraAutosave, 1);
  self->delay_ms = delay_ms;
  self->func = func;
  self->user_data = user_data;

  return self;
}

void
sofra_autosave_queue (SofraAutosave *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay_ms, autosave_timeout_cb, self);
}

gboolean
sofra_autosave_is_pending (SofraAutosave *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->timeout_id != 0;
}

void
sofra_autosave_flush (SofraAutosave *self)
{
  g_return_if_fail (self != NULL);

  /* A save that writes to the store may make a listener flush again; run it once. */
  if (self->timeout_id == 0 || self->running)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  autosave_timeout_cb (self);
}

void
sofra_autosave_cancel (SofraAutosave *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

void
sofra_autosave_free (SofraAutosave *self)
{
  if (self == NULL)
    return;

  sofra_autosave_flush (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_free (self);
}

GtkSingleSelection *
sofra_gui_single_selection_new (GListModel *model)
{
  GtkSingleSelection *selection;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  selection = gtk_single_selection_new (model);
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  return selection;
}

void
sofra_gui_select_doc (GtkSingleSelection *selection,
                      const char         *id,
                      guint              *last_position,
                      gboolean           *syncing)
{
  guint current, hint, position;

  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));
  g_return_if_fail (last_position != NULL);
  g_return_if_fail (syncing != NULL);

  current = gtk_single_selection_get_selected (selection);
  hint = current != GTK_INVALID_LIST_POSITION ? current : *last_position;
  position = sofra_gui_find_doc (gtk_single_selection_get_model (selection), id, hint);
  if (position != GTK_INVALID_LIST_POSITION)
    *last_position = position;
  if (position == current)
    return;
  *syncing = TRUE;
  gtk_single_selection_set_selected (selection, position);
  *syncing = FALSE;
}

void
sofra_gui_filter_model_refilter (GtkFilterListModel *model, GtkFilter *filter, gboolean active)
{
  g_return_if_fail (GTK_IS_FILTER_LIST_MODEL (model));
  g_return_if_fail (GTK_IS_FILTER (filter));

  if (!active)
    gtk_filter_list_model_set_filter (model, NULL);
  else if (gtk_filter_list_model_get_filter (model) == NULL)
    gtk_filter_list_model_set_filter (model, filter);
  else
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

#define FIND_DOC_AROUND 64
#define FIND_DOC_LIMIT  2000

static gboolean
doc_at (GListModel *model, guint position, const char *id)
{
  g_autoptr (SofraDocItem) item = g_list_model_get_item (model, position);

  return item != NULL && g_strcmp0 (sofra_doc_item_get_id (item), id) == 0;
}

guint
sofra_gui_find_doc (GListModel *model, const char *id, guint hint)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), GTK_INVALID_LIST_POSITION);

  if (id == NULL)
    return GTK_INVALID_LIST_POSITION;
  n = g_list_model_get_n_items (model);
  if (hint != GTK_INVALID_LIST_POSITION && hint < n)
    {
      for (guint d = 0; d <= FIND_DOC_AROUND; d++)
        {
          if (hint + d < n && doc_at (model, hint + d, id))
            return hint + d;
          if (d > 0 && d <= hint && doc_at (model, hint - d, id))
            return hint - d;
        }
    }
  for (guint i = 0; i < MIN (n, FIND_DOC_LIMIT); i++)
    if (doc_at (model, i, id))
      return i;
  return GTK_INVALID_LIST_POSITION;
}
