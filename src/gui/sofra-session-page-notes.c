/* sofra-session-page-notes.c — notes about the participants of a session, shared or private
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private note stays on this computer: the sync engine never pushes it and nothing prints
 * or exports it. The page only has to say so where the note is written and shown.
 */
#include <glib/gi18n.h>

#include "sofra-records.h"
#include "sofra-session-page-private.h"

#define DOC_ID_KEY "sofra-doc-id"

static void
on_remove_note_cb (GtkButton *button, SofraSessionPage *self)
{
  sofra_session_page_delete_with_undo (self, g_object_get_data (G_OBJECT (button), DOC_ID_KEY),
                                       _ ("Note deleted"));
}

static GtkWidget *
note_row_new (SofraSessionPage *self, JsonObject *note, GPtrArray *attendees)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *remove = sofra_session_page_remove_button (_ ("Delete this note"));
  const char      *pid = sofra_gui_doc_string (note, "participant_id");
  const char      *visibility = sofra_gui_doc_string (note, "visibility");
  g_autofree char *who = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; who == NULL && i < attendees->len; i++)
    {
      Attendee *attendee = g_ptr_array_index (attendees, i);

      if (g_strcmp0 (attendee->participant_id, pid) == 0)
        who = g_strdup (attendee->label);
    }
  if (who == NULL && pid != NULL)
    {
      g_autoptr (JsonObject) participant = sofra_store_get (self->store, pid, NULL);

      who = participant != NULL ? sofra_session_page_participant_label (participant) : NULL;
    }
  title = sofra_session_page_escape (who != NULL ? who : _ ("Erased participant"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  /* The note is shown read-only here: record text in the reader's script. */
  sofra_gui_set_record_text (row, "subtitle", sofra_gui_doc_string (note, "text"));
  gtk_widget_add_css_class (row, "note-row");

  if (g_strcmp0 (visibility, "private") == 0)
    {
      GtkWidget *chip = gtk_label_new (_ ("Private"));

      gtk_widget_add_css_class (chip, "chip");
      gtk_widget_add_css_class (chip, "private");
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (chip, _ ("Stays on this computer: never synced, printed or "
                                            "exported"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
    }
  g_object_set_data_full (G_OBJECT (remove), DOC_ID_KEY,
                          g_strdup (sofra_gui_doc_string (note, "_id")), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_note_cb), self);

  return row;
}

static int
compare_notes (gconstpointer a, gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;
  int by_date = g_strcmp0 (sofra_gui_doc_string (x, "date"), sofra_gui_doc_string (y, "date"));

  if (by_date != 0)
    return by_date;
  return g_strcmp0 (sofra_gui_doc_string (x, "created_at"), sofra_gui_doc_string (y, "created_at"));
}

static void
reload_notes (SofraSessionPage *self, GPtrArray *attendees)
{
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GError) error = NULL;

  sofra_gui_list_box_remove_all (self->notes_list);
  if (self->session_id == NULL)
    return;

  notes = sofra_store_find (self->store, SOFRA_TYPE_NOTE, "session_id", self->session_id, &error);
  if (notes == NULL)
    {
      g_warning ("Cannot list the notes of %s: %s", self->session_id, error->message);
      return;
    }
  g_ptr_array_sort (notes, compare_notes);

  for (guint i = 0; i < notes->len; i++)
    gtk_list_box_append (self->notes_list,
                         note_row_new (self, g_ptr_array_index (notes, i), attendees));
}

static void
reload_note_participants (SofraSessionPage *self, GPtrArray *attendees)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->note_participant_names));

  for (guint i = 0; i < attendees->len; i++)
    {
      Attendee *attendee = g_ptr_array_index (attendees, i);

      if (attendee->participant == NULL)
        continue;
      g_ptr_array_add (ids, g_strdup (attendee->participant_id));
      g_ptr_array_add (labels, attendee->label);
    }
  g_ptr_array_add (labels, NULL);

  gtk_string_list_splice (self->note_participant_names, 0, n, (const char *const *) labels->pdata);
  g_clear_pointer (&self->note_participant_ids, g_ptr_array_unref);
  self->note_participant_ids = g_steal_pointer (&ids);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_note_button),
                            self->note_participant_ids->len > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_note_button),
                               self->note_participant_ids->len > 0
                                 ? _ ("Add a note about a participant of this session")
                                 : _ ("Add participants to the session to write notes about them"));
}


static void
on_add_note_cb (GtkWidget *widget, SofraSessionPage *self)
{
  guint          selected = gtk_drop_down_get_selected (self->note_participant);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_text);
  g_autoptr (SofraNote) note = sofra_note_new ();
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GError) error = NULL;

  if (self->session_id == NULL || self->note_participant_ids == NULL ||
      selected >= self->note_participant_ids->len)
    return;

  note->text = sofra_gui_text_view_get_text (self->note_text);
  note->participant_id = g_strdup (g_ptr_array_index (self->note_participant_ids, selected));
  note->session_id = g_strdup (self->session_id);
  note->date = sofra_gui_today ();
  note->visibility = g_strdup (
    gtk_check_button_get_active (GTK_CHECK_BUTTON (self->note_private)) ? "private" : "shared");
  doc = sofra_note_to_json (note);
  if (!sofra_store_put (self->store, doc, &error))
    {
      gtk_label_set_label (self->note_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->note_error), TRUE);
      return;
    }

  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->note_private), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->note_error), FALSE);
  gtk_menu_button_popdown (self->add_note_button);
  sofra_gui_toast (GTK_WIDGET (self), _ ("Note added"));
}

static void
on_note_popover_show_cb (GtkWidget *popover, SofraSessionPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->note_error), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_text));
}

static void
build_note_popover (SofraSessionPage *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (box, "popover-form");
  gtk_widget_set_size_request (box, 340, -1);

  self->note_participant_names = gtk_string_list_new (NULL);
  self->note_participant = GTK_DROP_DOWN (
    gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->note_participant_names)), NULL));
  self->note_text = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_text, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->note_text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Note"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->note_text));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 100);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_add_css_class (scrolled, "note-editor");
  self->note_private = gtk_check_button_new_with_mnemonic (_ ("_Private: stays on this computer, "
                                                              "never synced, printed or exported"));
  gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (self->note_private)), TRUE);
  self->note_error = sofra_session_page_error_label_new ();
  self->note_add_button = gtk_button_new_with_mnemonic (_ ("_Add Note"));
  gtk_widget_add_css_class (self->note_add_button, "suggested-action");

  gtk_box_append (GTK_BOX (box),
                  sofra_session_page_labelled (_ ("_About"), GTK_WIDGET (self->note_participant)));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), self->note_private);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->note_error));
  gtk_box_append (GTK_BOX (box), self->note_add_button);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->add_note_button, popover);

  g_signal_connect (popover, "show", G_CALLBACK (on_note_popover_show_cb), self);
  g_signal_connect (self->note_add_button, "clicked", G_CALLBACK (on_add_note_cb), self);
}

void
sofra_session_page_notes_init (SofraSessionPage *self)
{
  gtk_list_box_set_placeholder (self->notes_list,
                                sofra_session_page_placeholder_new (_ ("No notes yet.")));
  build_note_popover (self);
}

void
sofra_session_page_notes_reload (SofraSessionPage *self, GPtrArray *attendees)
{
  reload_notes (self, attendees);
  reload_note_participants (self, attendees);
}
