/* sofra-participant-notes.c — the dated notes about one participant, and a form to add one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-date-button.h"
#include "sofra-doc-picker.h"
#include "sofra-gui-util.h"
#include "sofra-participant-notes.h"
#include "sofra-records.h"

#define VISIBILITY_SHARED  "shared"
#define VISIBILITY_PRIVATE "private"

struct _SofraParticipantNotes
{
  AdwBin parent_instance;

  SofraStore *store;
  char       *participant_id;
  /* Unfinished notes by participant id, kept while the person looks at someone else. */
  GHashTable *drafts;

  GtkDropDown    *visibility_dropdown;
  SofraDocPicker *session_picker;

  AdwPreferencesGroup *group;
  GtkRevealer         *form_revealer;
  GtkTextView         *text_view;
  SofraDateButton     *date_button;
  GtkBox              *visibility_box;
  GtkBox              *session_box;
  GtkWidget           *private_hint;
  GtkLabel            *form_error;
  GtkListBox          *list_box;
};

G_DEFINE_FINAL_TYPE (SofraParticipantNotes, sofra_participant_notes, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SofraStore *store;
  char       *id;
} UndoData;

static void
undo_data_free (gpointer data, GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_free (undo->id);
  g_free (undo);
}

static int
compare_notes (gconstpointer a, gconstpointer b)
{
  JsonObject *na = *(JsonObject **) a;
  JsonObject *nb = *(JsonObject **) b;
  int         cmp;

  /* Newest first; notes of one day in the order they were written, newest first too. */
  cmp = g_strcmp0 (json_object_get_string_member_with_default (nb, "date", ""),
                   json_object_get_string_member_with_default (na, "date", ""));
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (json_object_get_string_member_with_default (nb, "created_at", ""),
                    json_object_get_string_member_with_default (na, "created_at", ""));
}

static char *
session_title (SofraStore *store, const char *session_id)
{
  g_autoptr (JsonObject) doc = NULL;
  const char *title;

  if (session_id == NULL)
    return NULL;
  doc = sofra_store_get (store, session_id, NULL);
  if (doc == NULL)
    return NULL;
  title = json_object_get_string_member_with_default (doc, "title", "");
  return g_strdup (*title != '\0' ? title : _ ("Untitled session"));
}

static GtkWidget *
note_row_new (SofraParticipantNotes *self, SofraNote *note)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *delete;
  g_autofree char *date = sofra_gui_format_date (note->date);
  g_autofree char *title = session_title (self->store, note->session_id);
  gboolean private = g_strcmp0 (note->visibility, VISIBILITY_PRIVATE) == 0;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  if (private)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (lock, _ ("Private note"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Private note"), -1);
      gtk_box_append (GTK_BOX (header), lock);
    }

  label = gtk_label_new (date);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (header), label);

  if (title != NULL)
    {
      label = gtk_label_new (NULL);
      sofra_gui_set_record_text (label, "label", title);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (header), label);
    }

  if (private)
    {
      label = gtk_label_new (_ ("Stays on this laptop"));
      gtk_widget_add_css_class (label, "chip");
      gtk_widget_add_css_class (label, "private");
      gtk_box_append (GTK_BOX (header), label);
    }

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (delete, _ ("Delete Note"));
  gtk_widget_set_hexpand (delete, TRUE);
  gtk_widget_set_halign (delete, GTK_ALIGN_END);
  gtk_widget_add_css_class (delete, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "notes.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", note->meta.id);
  gtk_box_append (GTK_BOX (header), delete);
  gtk_box_append (GTK_BOX (box), header);

  /* Shown read-only: record text in the reader's script. */
  label = gtk_label_new (NULL);
  sofra_gui_set_record_text (label, "label", note->text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (private)
    gtk_widget_add_css_class (row, "private-note");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
rebuild (SofraParticipantNotes *self)
{
  g_autoptr (GPtrArray) notes = NULL;

  sofra_gui_list_box_remove_all (self->list_box);

  if (self->participant_id == NULL)
    return;

  notes = sofra_store_find (self->store, SOFRA_TYPE_NOTE, "participant_id", self->participant_id,
                            NULL);
  if (notes == NULL)
    return;

  g_ptr_array_sort (notes, compare_notes);
  for (guint i = 0; i < notes->len; i++)
    {
      g_autoptr (SofraNote) note = sofra_note_from_json (g_ptr_array_index (notes, i), NULL);

      if (note != NULL)
        gtk_list_box_append (self->list_box, note_row_new (self, note));
    }
}

static void
show_form_error (SofraParticipantNotes *self, const char *message)
{
  gtk_label_set_label (self->form_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), message != NULL);
}

static void
open_form (SofraParticipantNotes *self, const char *text)
{
  g_autofree char *today = sofra_gui_today ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
  sofra_date_button_set_date (self->date_button, today);
  sofra_gui_vocab_dropdown_set_id (self->visibility_dropdown, VISIBILITY_SHARED);
  sofra_doc_picker_set_selected_id (self->session_picker, NULL);
  show_form_error (self, NULL);
  gtk_revealer_set_reveal_child (self->form_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.compose", FALSE);
}

static void
close_form (SofraParticipantNotes *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  show_form_error (self, NULL);
  gtk_revealer_set_reveal_child (self->form_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.compose", self->participant_id != NULL);
}

static void
on_visibility_changed_cb (SofraParticipantNotes *self)
{
  const char *id = sofra_gui_vocab_dropdown_get_id (self->visibility_dropdown);

  gtk_widget_set_visible (self->private_hint, g_strcmp0 (id, VISIBILITY_PRIVATE) == 0);
}

static void
on_store_changed_cb (SofraParticipantNotes *self,
                     const char            *id,
                     const char            *type,
                     SofraStore            *store)
{
  if (type == NULL || g_str_equal (type, SOFRA_TYPE_NOTE) || g_str_equal (type, SOFRA_TYPE_SESSION))
    rebuild (self);
}

static void
compose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraParticipantNotes *self = SOFRA_PARTICIPANT_NOTES (widget);

  open_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  close_form (SOFRA_PARTICIPANT_NOTES (widget));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraParticipantNotes *self = SOFRA_PARTICIPANT_NOTES (widget);
  g_autofree char       *text = sofra_gui_text_view_get_text (self->text_view);
  g_autofree char       *id = NULL;
  g_autoptr (GError) error = NULL;

  if (sofra_gui_is_blank (text))
    {
      show_form_error (self, _ ("Write the note first."));
      return;
    }

  id = sofra_participant_notes_add (self, sofra_date_button_get_date (self->date_button), text,
                                    sofra_gui_vocab_dropdown_get_id (self->visibility_dropdown),
                                    sofra_doc_picker_get_selected_id (self->session_picker),
                                    &error);
  if (id == NULL)
    {
      show_form_error (self, error->message);
      return;
    }
  close_form (self);
}

static void
on_undo_clicked_cb (AdwToast *toast, UndoData *undo)
{
  g_autoptr (GError) error = NULL;

  if (!sofra_store_undelete (undo->store, undo->id, &error))
    g_warning ("Cannot restore note %s: %s", undo->id, error->message);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraParticipantNotes *self = SOFRA_PARTICIPANT_NOTES (widget);
  const char            *id = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;
  AdwToast *toast;
  UndoData *undo;

  if (!sofra_store_delete (self->store, id, NULL, &error))
    {
      sofra_gui_show_error (widget, error);
      return;
    }

  toast = sofra_gui_toast_with_action (widget, _ ("Note deleted"), _ ("_Undo"), NULL, NULL);
  if (toast == NULL)
    return;
  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (self->store);
  undo->id = g_strdup (id);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         undo_data_free, 0);
}

static void
sofra_participant_notes_constructed (GObject *object)
{
  SofraParticipantNotes *self = SOFRA_PARTICIPANT_NOTES (object);

  G_OBJECT_CLASS (sofra_participant_notes_parent_class)->constructed (object);

  self->session_picker = SOFRA_DOC_PICKER (
    sofra_doc_picker_new (self->store, SOFRA_DOC_LIST_SESSIONS));
  sofra_doc_picker_set_none_label (self->session_picker, _ ("No session"));
  gtk_box_append (self->session_box, GTK_WIDGET (self->session_picker));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sofra_participant_notes_dispose (GObject *object)
{
  SofraParticipantNotes *self = SOFRA_PARTICIPANT_NOTES (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_participant_notes_parent_class)->dispose (object);
}

static void
sofra_participant_notes_finalize (GObject *object)
{
  SofraParticipantNotes *self = SOFRA_PARTICIPANT_NOTES (object);

  g_free (self->participant_id);
  g_hash_table_unref (self->drafts);

  G_OBJECT_CLASS (sofra_participant_notes_parent_class)->finalize (object);
}

static void
sofra_participant_notes_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SofraParticipantNotes *self = SOFRA_PARTICIPANT_NOTES (object);

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
sofra_participant_notes_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SofraParticipantNotes *self = SOFRA_PARTICIPANT_NOTES (object);

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
sofra_participant_notes_class_init (SofraParticipantNotesClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_participant_notes_constructed;
  object_class->dispose = sofra_participant_notes_dispose;
  object_class->finalize = sofra_participant_notes_finalize;
  object_class->get_property = sofra_participant_notes_get_property;
  object_class->set_property = sofra_participant_notes_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SOFRA_TYPE_DATE_BUTTON);
  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, SOFRA_GUI_RESOURCE_PATH
                                               "/sofra-participant-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantNotes, group);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantNotes, form_revealer);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantNotes, text_view);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantNotes, date_button);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantNotes, visibility_box);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantNotes, session_box);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantNotes, private_hint);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantNotes, form_error);
  gtk_widget_class_bind_template_child (widget_class, SofraParticipantNotes, list_box);

  gtk_widget_class_install_action (widget_class, "notes.compose", NULL, compose_action);
  gtk_widget_class_install_action (widget_class, "notes.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "notes.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "notes.delete", "s", delete_action);
}

static void
sofra_participant_notes_init (SofraParticipantNotes *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->visibility_dropdown = GTK_DROP_DOWN (
    sofra_gui_vocab_dropdown_new (SOFRA_VOCAB_NOTE_VISIBILITY, FALSE));
  g_signal_connect_swapped (self->visibility_dropdown, "notify::selected",
                            G_CALLBACK (on_visibility_changed_cb), self);
  gtk_box_append (self->visibility_box, GTK_WIDGET (self->visibility_dropdown));

  sofra_gui_list_box_set_placeholder_text (self->list_box, _ ("No notes yet"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.compose", FALSE);
}

GtkWidget *
sofra_participant_notes_new (SofraStore *store)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  return g_object_new (SOFRA_TYPE_PARTICIPANT_NOTES, "store", store, NULL);
}

void
sofra_participant_notes_set_participant_id (SofraParticipantNotes *self, const char *id)
{
  g_autofree char *text = NULL;
  const char      *draft;

  g_return_if_fail (SOFRA_IS_PARTICIPANT_NOTES (self));

  if (g_strcmp0 (self->participant_id, id) == 0)
    return;

  /* A note begun and not added waits for when this participant is shown again. */
  text = sofra_gui_text_view_get_text (self->text_view);
  if (self->participant_id != NULL && gtk_revealer_get_reveal_child (self->form_revealer) &&
      !sofra_gui_is_blank (text))
    g_hash_table_insert (self->drafts, g_strdup (self->participant_id), g_steal_pointer (&text));
  else if (self->participant_id != NULL)
    g_hash_table_remove (self->drafts, self->participant_id);

  g_free (self->participant_id);
  self->participant_id = g_strdup (id);
  close_form (self);
  rebuild (self);

  draft = id != NULL ? g_hash_table_lookup (self->drafts, id) : NULL;
  if (draft != NULL)
    open_form (self, draft);
}

char *
sofra_participant_notes_add (SofraParticipantNotes *self,
                             const char            *date,
                             const char            *text,
                             const char            *visibility,
                             const char            *session_id,
                             GError               **error)
{
  g_autoptr (SofraNote) note = NULL;
  g_autoptr (JsonObject) doc = NULL;

  g_return_val_if_fail (SOFRA_IS_PARTICIPANT_NOTES (self), NULL);
  g_return_val_if_fail (self->participant_id != NULL, NULL);

  note = sofra_note_new ();
  note->participant_id = g_strdup (self->participant_id);
  note->session_id = g_strdup (session_id);
  note->date = date != NULL ? g_strdup (date) : sofra_gui_today ();
  note->text = g_strdup (text);
  note->visibility = g_strdup (visibility != NULL ? visibility : VISIBILITY_SHARED);

  doc = sofra_note_to_json (note);
  if (!sofra_store_put (self->store, doc, error))
    return NULL;

  g_hash_table_remove (self->drafts, self->participant_id);
  return g_strdup (json_object_get_string_member (doc, "_id"));
}
