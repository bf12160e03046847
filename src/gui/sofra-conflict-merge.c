/* sofra-conflict-merge.c — one record in conflict, field by field, with a choice per field
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The version this laptop shows (the winner everywhere, by CouchDB's rule) is the base of the
 * merge; for every field in which the other version differs, a person picks a side, and text
 * can be edited on top of either. Resolving writes the merge as a new revision of the winner
 * and deletes every other version, so the conflict is gone on every laptop after sync.
 */
#include <glib/gi18n.h>

#include "sofra-conflict-fields.h"
#include "sofra-conflict-merge.h"
#include "sofra-conflicts.h"
#include "sofra-gui-util.h"
#include "sofra-i18n.h"
#include "sofra-json.h"

typedef struct
{
  char                  *name;
  SofraConflictFieldEdit edit;
  JsonNode              *mine; /* NULL when absent */
  JsonNode              *other;
  GtkCheckButton        *mine_check;
  GtkCheckButton        *other_check;
  GtkWidget             *editor; /* GtkTextView or AdwEntryRow for text, else NULL */
} FieldChoice;

struct _SofraConflictMerge
{
  GtkBox parent_instance;

  SofraStore *store;
  char       *id;
  JsonObject *winner;
  JsonObject *other;
  GStrv       losing_revs;
  GPtrArray  *choices; /* of FieldChoice */
  GStrv       field_names;

  GtkWidget   *versions_group;
  GtkWidget   *mine_row;
  GtkWidget   *other_row;
  AdwComboRow *compare_row;
  GtkWidget   *fields_box;
  GtkLabel    *same_label;
  gboolean     loading;
};

G_DEFINE_FINAL_TYPE (SofraConflictMerge, sofra_conflict_merge, GTK_TYPE_BOX)

static void
field_choice_free (gpointer data)
{
  FieldChoice *choice = data;

  g_free (choice->name);
  g_clear_pointer (&choice->mine, json_node_unref);
  g_clear_pointer (&choice->other, json_node_unref);
  g_free (choice);
}

static JsonNode *
dup_member (JsonObject *doc, const char *name)
{
  JsonNode *node = json_object_get_member (doc, name);

  return node != NULL ? json_node_copy (node) : NULL;
}

static const char *
node_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

/* "Changed by Arta, Sat 28 Nov 2026 14:02" */
static char *
describe_version (JsonObject *doc)
{
  const char *by = sofra_gui_doc_string (doc, "updated_by");
  const char *at = sofra_gui_doc_string (doc, "updated_at");
  g_autoptr (GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  /* Translators: when a version of a record was saved; see g_date_time_format() */
  g_autofree char *when = local ? sofra_i18n_format_date_time (local, _ ("%a %-d %b %Y %H:%M"))
                                : NULL;

  if (!sofra_gui_is_blank (by) && when != NULL)
    /* Translators: who saved a version of a record, and when */
    return g_strdup_printf (_ ("Changed by %s, %s"), by, when);
  if (!sofra_gui_is_blank (by))
    return g_strdup_printf (_ ("Changed by %s"), by);
  if (when != NULL)
    return g_strdup_printf (_ ("Changed %s"), when);
  return g_strdup (_ ("No record of who changed it"));
}

static void
set_editor_text (FieldChoice *choice, JsonNode *value)
{
  if (GTK_IS_TEXT_VIEW (choice->editor))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (choice->editor)),
                              node_text (value), -1);
  else if (choice->editor != NULL)
    gtk_editable_set_text (GTK_EDITABLE (choice->editor), node_text (value));
}

static void
on_choice_toggled_cb (GtkCheckButton *check, FieldChoice *choice)
{
  if (!gtk_check_button_get_active (check))
    return;
  set_editor_text (choice, check == choice->other_check ? choice->other : choice->mine);
}

/* @value is how one version shows the field; @record tells it is the stored text of a text
 * field, shown in the reader's Serbian script (the editor below keeps the stored text). */
static GtkCheckButton *
add_choice_row (AdwPreferencesGroup *group,
                FieldChoice         *choice,
                const char          *value,
                gboolean             record,
                const char          *side,
                GtkCheckButton      *group_with)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group_with != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group_with);
  g_object_set (row, "use-markup", FALSE, "title", value, "subtitle", side, "title-lines", 6, NULL);
  if (record)
    sofra_gui_set_record_text (row, "title", value);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  g_signal_connect (check, "toggled", G_CALLBACK (on_choice_toggled_cb), choice);
  return GTK_CHECK_BUTTON (check);
}

static void
add_editor (AdwPreferencesGroup *group, FieldChoice *choice)
{
  if (choice->edit == SOFRA_CONFLICT_FIELD_LINE)
    {
      choice->editor = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice->editor),
                                     _ ("Merged value (you can edit it)"));
      adw_preferences_group_add (group, choice->editor);
    }
  else if (choice->edit == SOFRA_CONFLICT_FIELD_TEXT)
    {
      GtkWidget *label = gtk_label_new (_ ("Merged text (you can edit it)"));
      GtkWidget *frame = gtk_frame_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 6);
      choice->editor = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (choice->editor), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (choice->editor), FALSE);
      g_object_set (choice->editor, "top-margin", 8, "bottom-margin", 8, "left-margin", 8,
                    "right-margin", 8, NULL);
      gtk_widget_set_size_request (choice->editor, -1, 80);
      gtk_frame_set_child (GTK_FRAME (frame), choice->editor);
      adw_preferences_group_add (group, label);
      adw_preferences_group_add (group, frame);
    }
}

static void
add_field (SofraConflictMerge *self, const char *type, const char *name)
{
  FieldChoice     *choice = g_new0 (FieldChoice, 1);
  GtkWidget       *group = adw_preferences_group_new ();
  g_autofree char *mine_text = NULL;
  g_autofree char *other_text = NULL;

  choice->name = g_strdup (name);
  choice->edit = sofra_conflict_field_edit (type, name);
  choice->mine = dup_member (self->winner, name);
  choice->other = dup_member (self->other, name);
  g_ptr_array_add (self->choices, choice);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   sofra_conflict_field_label (type, name));
  mine_text = sofra_conflict_field_format (self->store, type, name, choice->mine);
  other_text = sofra_conflict_field_format (self->store, type, name, choice->other);
  choice->mine_check = add_choice_row (ADW_PREFERENCES_GROUP (group), choice, mine_text,
                                       choice->edit != SOFRA_CONFLICT_FIELD_OTHER &&
                                         *node_text (choice->mine) != '\0',
                                       _ ("Shown on this laptop"), NULL);
  choice->other_check = add_choice_row (ADW_PREFERENCES_GROUP (group), choice, other_text,
                                        choice->edit != SOFRA_CONFLICT_FIELD_OTHER &&
                                          *node_text (choice->other) != '\0',
                                        _ ("Other version"), choice->mine_check);
  add_editor (ADW_PREFERENCES_GROUP (group), choice);
  gtk_check_button_set_active (choice->mine_check, TRUE);
  set_editor_text (choice, choice->mine);
  gtk_box_append (GTK_BOX (self->fields_box), group);
}

static int
compare_field_order (gconstpointer a, gconstpointer b, gpointer type)
{
  const char *fa = *(const char *const *) a, *fb = *(const char *const *) b;
  int         oa = sofra_conflict_field_order (type, fa);
  int         ob = sofra_conflict_field_order (type, fb);

  return oa != ob ? (oa < ob ? -1 : 1) : g_strcmp0 (fa, fb);
}

static void
set_versions_row (GtkWidget *row, const char *title, JsonObject *doc)
{
  g_autofree char *subtitle = describe_version (doc);

  g_object_set (row, "use-markup", FALSE, "title", title, "subtitle", subtitle, NULL);
}

/* Fills the fields for the other version at @index of the losing revisions. */
static gboolean
show_other (SofraConflictMerge *self, guint index, GError **error)
{
  const char *type = sofra_gui_doc_string (self->winner, "type");
  g_auto (GStrv) differing = NULL;
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  GtkWidget *child;
  guint      n_same = 0;

  g_clear_pointer (&self->other, json_object_unref);
  self->other = sofra_store_get_revision (self->store, self->id, self->losing_revs[index], FALSE,
                                          error);
  if (self->other == NULL)
    return FALSE;

  /* The widgets first: their signal handlers point into the choices. */
  while ((child = gtk_widget_get_first_child (self->fields_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->fields_box), child);
  g_ptr_array_set_size (self->choices, 0);

  differing = sofra_conflict_differing_fields (self->winner, self->other);
  for (guint i = 0; differing[i] != NULL; i++)
    g_ptr_array_add (sorted, differing[i]);
  g_ptr_array_sort_with_data (sorted, compare_field_order, (gpointer) type);
  g_clear_pointer (&self->field_names, g_strfreev);
  self->field_names = g_new0 (char *, sorted->len + 1);
  for (guint i = 0; i < sorted->len; i++)
    {
      self->field_names[i] = g_strdup (g_ptr_array_index (sorted, i));
      add_field (self, type, self->field_names[i]);
    }

  {
    g_autoptr (GList) members = json_object_get_members (self->winner);

    for (GList *m = members; m != NULL; m = m->next)
      if (!sofra_conflict_field_is_bookkeeping (m->data) &&
          !g_strv_contains ((const char *const *) self->field_names, m->data) &&
          !g_str_equal (m->data, "type"))
        n_same++;
  }
  if (sorted->len == 0)
    gtk_label_set_text (self->same_label,
                        _ ("The two versions hold the same values: keeping either changes "
                           "nothing but ends the conflict."));
  else
    {
      g_autofree char *same =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other field is the same in both.",
                                      "%u other fields are the same in both.", n_same),
                         n_same);

      gtk_label_set_text (self->same_label, same);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->same_label), n_same > 0 || sorted->len == 0);

  set_versions_row (self->other_row, _ ("Other version"), self->other);
  return TRUE;
}

static void
on_compare_selected_cb (AdwComboRow *row, GParamSpec *pspec, SofraConflictMerge *self)
{
  g_autoptr (GError) error = NULL;
  guint index = adw_combo_row_get_selected (row);

  if (self->loading || self->losing_revs == NULL || index >= g_strv_length (self->losing_revs))
    return;
  if (!show_other (self, index, &error))
    sofra_gui_show_error (GTK_WIDGET (self), error);
}

/* "2. Changed by Dragan, …" for the combo row of a record with many versions. */
static GtkStringList *
describe_others (SofraConflictMerge *self)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; self->losing_revs[i] != NULL; i++)
    {
      g_autoptr (JsonObject)
        doc = sofra_store_get_revision (self->store, self->id, self->losing_revs[i], FALSE, NULL);
      g_autofree char *text = doc ? describe_version (doc) : g_strdup (self->losing_revs[i]);
      /* Numbered, as two versions may have been saved by the same person at the same minute. */
      g_autofree char *item = g_strdup_printf ("%u. %s", i + 1, text);

      gtk_string_list_append (list, item);
    }
  return list;
}

static void
sofra_conflict_merge_dispose (GObject *object)
{
  SofraConflictMerge *self = SOFRA_CONFLICT_MERGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->winner, json_object_unref);
  g_clear_pointer (&self->other, json_object_unref);

  G_OBJECT_CLASS (sofra_conflict_merge_parent_class)->dispose (object);
}

static void
sofra_conflict_merge_finalize (GObject *object)
{
  SofraConflictMerge *self = SOFRA_CONFLICT_MERGE (object);

  /* After the children are gone, whose handlers point into the choices. */
  g_ptr_array_unref (self->choices);
  g_free (self->id);
  g_strfreev (self->losing_revs);
  g_strfreev (self->field_names);

  G_OBJECT_CLASS (sofra_conflict_merge_parent_class)->finalize (object);
}

static void
sofra_conflict_merge_class_init (SofraConflictMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sofra_conflict_merge_dispose;
  object_class->finalize = sofra_conflict_merge_finalize;
}

static void
sofra_conflict_merge_init (SofraConflictMerge *self)
{
  GtkWidget *intro;

  self->choices = g_ptr_array_new_with_free_func (field_choice_free);
  self->field_names = g_new0 (char *, 1);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);

  intro = gtk_label_new (_ ("This record was changed in two places before they synced. Choose "
                            "for each field which value to keep; the merged record replaces "
                            "both versions on every laptop."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (self), intro);

  self->versions_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->versions_group), _ ("Versions"));
  self->mine_row = adw_action_row_new ();
  self->other_row = adw_action_row_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->versions_group), self->mine_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->versions_group), self->other_row);
  self->compare_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->compare_row), _ ("Compare with"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->versions_group),
                             GTK_WIDGET (self->compare_row));
  g_signal_connect (self->compare_row, "notify::selected", G_CALLBACK (on_compare_selected_cb),
                    self);
  gtk_box_append (GTK_BOX (self), self->versions_group);

  self->fields_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (self), self->fields_box);

  self->same_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->same_label, TRUE);
  gtk_label_set_xalign (self->same_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->same_label), "dim-label");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->same_label));
}

GtkWidget *
sofra_conflict_merge_new (SofraStore *store)
{
  SofraConflictMerge *self;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  self = g_object_new (SOFRA_TYPE_CONFLICT_MERGE, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

gboolean
sofra_conflict_merge_load (SofraConflictMerge *self, const char *id, GError **error)
{
  g_autoptr (GtkStringList) others = NULL;
  g_auto (GStrv) losing = NULL;
  g_autoptr (JsonObject) winner = NULL;
  guint n;

  g_return_val_if_fail (SOFRA_IS_CONFLICT_MERGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  winner = sofra_store_get (self->store, id, error);
  if (winner == NULL)
    return FALSE;
  losing = sofra_store_get_conflicts (self->store, id);
  n = g_strv_length (losing);
  if (n == 0)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                           _ ("This record is no longer in conflict."));
      return FALSE;
    }

  g_free (self->id);
  self->id = g_strdup (id);
  g_clear_pointer (&self->winner, json_object_unref);
  self->winner = g_steal_pointer (&winner);
  g_strfreev (self->losing_revs);
  self->losing_revs = g_steal_pointer (&losing);
  set_versions_row (self->mine_row, _ ("Shown on this laptop"), self->winner);

  self->loading = TRUE;
  others = describe_others (self);
  adw_combo_row_set_model (self->compare_row, G_LIST_MODEL (others));
  adw_combo_row_set_selected (self->compare_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_row), n > 1);
  self->loading = FALSE;
  return show_other (self, 0, error);
}

const char *
sofra_conflict_merge_get_id (SofraConflictMerge *self)
{
  g_return_val_if_fail (SOFRA_IS_CONFLICT_MERGE (self), NULL);

  return self->id;
}

const char *const *
sofra_conflict_merge_get_fields (SofraConflictMerge *self)
{
  g_return_val_if_fail (SOFRA_IS_CONFLICT_MERGE (self), NULL);

  return (const char *const *) self->field_names;
}

void
sofra_conflict_merge_choose (SofraConflictMerge *self, const char *field, gboolean other)
{
  g_return_if_fail (SOFRA_IS_CONFLICT_MERGE (self));
  g_return_if_fail (field != NULL);

  for (guint i = 0; i < self->choices->len; i++)
    {
      FieldChoice *choice = g_ptr_array_index (self->choices, i);

      if (g_str_equal (choice->name, field))
        gtk_check_button_set_active (other ? choice->other_check : choice->mine_check, TRUE);
    }
}

/* The value the person chose for @choice: the edited text for text fields, else the side. */
static JsonNode *
chosen_value (FieldChoice *choice)
{
  JsonNode *side = gtk_check_button_get_active (choice->other_check) ? choice->other : choice->mine;
  g_autofree char *text = NULL;

  if (GTK_IS_TEXT_VIEW (choice->editor))
    text = sofra_gui_text_view_get_text (GTK_TEXT_VIEW (choice->editor));
  else if (choice->editor != NULL)
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (choice->editor)));
  /* Text left as the side had it keeps the side's value, absent included. */
  if (text == NULL || g_strcmp0 (text, node_text (side)) == 0)
    return side != NULL ? json_node_copy (side) : NULL;
  if (*text == '\0')
    return NULL;
  return json_node_init_string (json_node_alloc (), text);
}

JsonObject *
sofra_conflict_merge_build (SofraConflictMerge *self)
{
  JsonObject *merged;

  g_return_val_if_fail (SOFRA_IS_CONFLICT_MERGE (self), NULL);
  g_return_val_if_fail (self->winner != NULL, NULL);

  merged = json_object_new ();
  sofra_json_copy_members (merged, self->winner);
  for (guint i = 0; i < self->choices->len; i++)
    {
      FieldChoice *choice = g_ptr_array_index (self->choices, i);
      JsonNode    *value = chosen_value (choice);

      if (value != NULL)
        json_object_set_member (merged, choice->name, value);
      else
        json_object_remove_member (merged, choice->name);
    }
  return merged;
}

gboolean
sofra_conflict_merge_resolve (SofraConflictMerge *self, GError **error)
{
  g_autoptr (JsonObject) merged = NULL;

  g_return_val_if_fail (SOFRA_IS_CONFLICT_MERGE (self), FALSE);
  g_return_val_if_fail (self->winner != NULL, FALSE);

  merged = sofra_conflict_merge_build (self);
  return sofra_store_resolve_conflict (self->store, self->id, merged,
                                       (const char *const *) self->losing_revs, error);
}
