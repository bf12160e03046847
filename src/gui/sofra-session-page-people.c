/* sofra-session-page-people.c — who took part in a session: attendance, quick add, notes
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-records.h"
#include "sofra-session-page-private.h"

#define MAX_SEARCH_RESULTS 8
#define DOC_ID_KEY         "sofra-doc-id"

char *
sofra_session_page_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* The name a person on the staff sees in the application: the name, else the code. */
char *
sofra_session_page_participant_label (JsonObject *doc)
{
  const char *name = sofra_gui_doc_string (doc, "name");
  const char *code = sofra_gui_doc_string (doc, "code");

  if (name != NULL && *name != '\0')
    return g_strdup (name);
  if (code != NULL)
    return g_strdup (code);
  return g_strdup (_ ("Unknown participant"));
}

static char *
participant_details (JsonObject *doc)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const char *code = sofra_gui_doc_string (doc, "code");
  const char *community = sofra_gui_doc_string (doc, "community");
  const char *gender = sofra_gui_doc_string (doc, "gender");

  if (code != NULL)
    g_string_append (text, code);
  if (community != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "",
                            sofra_vocab_label (SOFRA_VOCAB_COMMUNITY, community));
  if (gender != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "",
                            sofra_vocab_label (SOFRA_VOCAB_GENDER, gender));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GtkWidget *
sofra_session_page_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "list-placeholder");
  return label;
}

/* Deletes @id and offers to bring it back. */
void
sofra_session_page_delete_with_undo (SofraSessionPage *self, const char *id, const char *message)
{
  g_autoptr (GError) error = NULL;

  if (!sofra_store_delete (self->store, id, NULL, &error))
    {
      sofra_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  sofra_gui_toast_with_action (GTK_WIDGET (self), message, _ ("_Undo"), "win.undo-delete",
                               g_variant_new_string (id));
}

static gboolean
add_attendance (SofraSessionPage *self, const char *participant_id, GError **error)
{
  g_autoptr (SofraAttendance) attendance = sofra_attendance_new ();
  g_autoptr (JsonObject) doc = NULL;

  attendance->session_id = g_strdup (self->session_id);
  attendance->participant_id = g_strdup (participant_id);
  attendance->role = g_strdup ("participant");
  doc = sofra_attendance_to_json (attendance);

  return sofra_store_put (self->store, doc, error);
}

static void
on_role_changed_cb (GtkDropDown *dropdown, GParamSpec *pspec, SofraSessionPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (dropdown), DOC_ID_KEY);
  const char *role = sofra_gui_vocab_dropdown_get_id (dropdown);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) doc = sofra_store_get (self->store, id, &error);
  g_autoptr (SofraAttendance) attendance = NULL;
  g_autoptr (JsonObject) out = NULL;

  if (doc != NULL)
    attendance = sofra_attendance_from_json (doc, &error);
  if (attendance == NULL)
    {
      sofra_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  if (g_strcmp0 (attendance->role, role) == 0)
    return;

  g_free (attendance->role);
  attendance->role = g_strdup (role);
  out = sofra_attendance_to_json (attendance);
  if (!sofra_store_put (self->store, out, &error))
    sofra_gui_show_error (GTK_WIDGET (self), error);
}

static void
on_remove_attendance_cb (GtkButton *button, SofraSessionPage *self)
{
  sofra_session_page_delete_with_undo (self, g_object_get_data (G_OBJECT (button), DOC_ID_KEY),
                                       _ ("Participant removed from the session"));
}

static void
on_participant_row_activated_cb (AdwActionRow *row, gpointer user_data)
{
  const char *participant_id = g_object_get_data (G_OBJECT (row), "participant-id");

  if (participant_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.show-record", "s", participant_id);
}

static void
attendee_free (gpointer data)
{
  Attendee *attendee = data;

  g_free (attendee->label);
  g_free (attendee->participant_id);
  g_clear_pointer (&attendee->attendance, json_object_unref);
  g_clear_pointer (&attendee->participant, json_object_unref);
  g_free (attendee);
}

static int
compare_attendees (gconstpointer a, gconstpointer b)
{
  const Attendee *x = *(const Attendee **) a;
  const Attendee *y = *(const Attendee **) b;

  return g_utf8_collate (x->label, y->label);
}

static GPtrArray *
load_attendees (SofraSessionPage *self)
{
  GPtrArray *attendees = g_ptr_array_new_with_free_func (attendee_free);
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GError) error = NULL;

  if (self->session_id == NULL)
    return attendees;

  docs = sofra_store_find (self->store, SOFRA_TYPE_ATTENDANCE, "session_id", self->session_id,
                           &error);
  if (docs == NULL)
    {
      g_warning ("Cannot list the attendance of %s: %s", self->session_id, error->message);
      return attendees;
    }

  for (guint i = 0; i < docs->len; i++)
    {
      JsonObject *doc = g_ptr_array_index (docs, i);
      const char *pid = sofra_gui_doc_string (doc, "participant_id");
      Attendee   *attendee;

      if (pid == NULL)
        continue;
      attendee = g_new0 (Attendee, 1);
      attendee->participant_id = g_strdup (pid);
      attendee->attendance = json_object_ref (doc);
      attendee->participant = sofra_store_get (self->store, pid, NULL);
      attendee->label = attendee->participant != NULL
                          ? sofra_session_page_participant_label (attendee->participant)
                          : g_strdup (_ ("Erased participant"));
      g_ptr_array_add (attendees, attendee);
    }
  g_ptr_array_sort (attendees, compare_attendees);

  return attendees;
}

static GtkWidget *
attendance_row_new (SofraSessionPage *self, Attendee *attendee)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *role = sofra_gui_vocab_dropdown_new (SOFRA_VOCAB_ATTENDANCE_ROLE, FALSE);
  GtkWidget       *remove = sofra_session_page_remove_button (_ ("Remove from this session"));
  const char      *attendance_id = sofra_gui_doc_string (attendee->attendance, "_id");
  g_autofree char *title = sofra_session_page_escape (attendee->label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* A name is record text, shown in the reader's script; a pseudonym code stays as it is. */
  if (attendee->participant != NULL &&
      !sofra_gui_is_blank (sofra_gui_doc_string (attendee->participant, "name")))
    sofra_gui_set_record_text (row, "title", sofra_gui_doc_string (attendee->participant, "name"));
  if (attendee->participant != NULL)
    {
      g_autofree char *details = participant_details (attendee->participant);
      g_autofree char *subtitle = sofra_session_page_escape (details);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _ ("Show this participant"));
    }
  g_object_set_data_full (G_OBJECT (row), "participant-id", g_strdup (attendee->participant_id),
                          g_free);

  sofra_gui_vocab_dropdown_set_id (GTK_DROP_DOWN (role),
                                   sofra_gui_doc_string (attendee->attendance, "role"));
  gtk_widget_set_tooltip_text (role, _ ("Role at this session"));
  g_object_set_data_full (G_OBJECT (role), DOC_ID_KEY, g_strdup (attendance_id), g_free);
  g_object_set_data_full (G_OBJECT (remove), DOC_ID_KEY, g_strdup (attendance_id), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), role);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_signal_connect (role, "notify::selected", G_CALLBACK (on_role_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_attendance_cb), self);
  g_signal_connect (row, "activated", G_CALLBACK (on_participant_row_activated_cb), NULL);

  return row;
}

void
sofra_session_page_people_reload (SofraSessionPage *self)
{
  g_autoptr (GPtrArray) attendees = load_attendees (self);

  sofra_gui_list_box_remove_all (self->attendance_list);
  for (guint i = 0; i < attendees->len; i++)
    gtk_list_box_append (self->attendance_list,
                         attendance_row_new (self, g_ptr_array_index (attendees, i)));
  if (attendees->len > 0)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person registered at this session.",
                                      "%u people registered at this session.", attendees->len),
                         attendees->len);

      adw_preferences_group_set_description (self->attendance_group, description);
    }
  else
    adw_preferences_group_set_description (self->attendance_group,
                                           _ ("People who registered at this session."));

  sofra_session_page_notes_reload (self, attendees);
}

/* The add-participant popover: search existing participants, or add a new one. */

typedef struct
{
  const char *query;
  GPtrArray  *results;
} SearchData;

static gboolean
search_participant_cb (JsonObject *doc, gpointer user_data)
{
  SearchData      *data = user_data;
  const char      *name = sofra_gui_doc_string (doc, "name");
  const char      *code = sofra_gui_doc_string (doc, "code");
  g_autofree char *haystack = g_strjoin (" ", name != NULL ? name : "", code != NULL ? code : "",
                                         NULL);

  if (g_str_match_string (data->query, haystack, TRUE))
    g_ptr_array_add (data->results, json_object_ref (doc));

  return data->results->len < MAX_SEARCH_RESULTS;
}

static gboolean
is_attending (SofraSessionPage *self, const char *participant_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "participant-id"), participant_id) == 0)
      return TRUE;
  return FALSE;
}

static void
on_search_changed_cb (GtkSearchEntry *entry, SofraSessionPage *self)
{
  g_autoptr (GPtrArray)
    results = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr (GError) error = NULL;
  SearchData data = { gtk_editable_get_text (GTK_EDITABLE (entry)), results };

  /* Whoever is not found is likely someone new: the name typed so far goes to the quick add,
   * unless something else was typed there. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->quick_name)), self->mirrored_name) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->quick_name), data.query);
      g_free (self->mirrored_name);
      self->mirrored_name = g_strdup (data.query);
    }

  sofra_gui_list_box_remove_all (self->participant_results);
  if (data.query == NULL || *data.query == '\0')
    return;

  if (!sofra_store_foreach_doc (self->store, SOFRA_TYPE_PARTICIPANT, search_participant_cb, &data,
                                &error))
    g_warning ("Cannot search participants: %s", error->message);

  for (guint i = 0; i < results->len; i++)
    {
      JsonObject      *doc = g_ptr_array_index (results, i);
      const char      *id = sofra_gui_doc_string (doc, "_id");
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *label = sofra_session_page_participant_label (doc);
      g_autofree char *title = sofra_session_page_escape (label);
      g_autofree char *details = participant_details (doc);
      g_autofree char *subtitle = sofra_session_page_escape (details);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (!sofra_gui_is_blank (sofra_gui_doc_string (doc, "name")))
        sofra_gui_set_record_text (row, "title", sofra_gui_doc_string (doc, "name"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), DOC_ID_KEY, g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (row), "label", g_strdup (label), g_free);
      if (is_attending (self, id))
        {
          gtk_widget_set_sensitive (row, FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ ("Already at this session"));
        }
      else
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->participant_results, row);
    }
}

static void
on_result_activated_cb (GtkListBox *list, GtkListBoxRow *row, SofraSessionPage *self)
{
  const char      *id = g_object_get_data (G_OBJECT (row), DOC_ID_KEY);
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;

  if (id == NULL || self->session_id == NULL)
    return;
  if (!add_attendance (self, id, &error))
    {
      sofra_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_menu_button_popdown (self->add_participant_button);
  message = g_strdup_printf (_ ("%s added to the session"),
                             (const char *) g_object_get_data (G_OBJECT (row), "label"));
  sofra_gui_toast (GTK_WIDGET (self), message);
}

static void
on_quick_add_cb (GtkWidget *widget, SofraSessionPage *self)
{
  g_autofree char *name = g_strstrip (
    g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->quick_name))));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (*name == '\0')
    {
      gtk_label_set_label (self->quick_error, _ ("Write the name as the person wrote it."));
      gtk_widget_set_visible (GTK_WIDGET (self->quick_error), TRUE);
      gtk_widget_add_css_class (self->quick_name, "error");
      gtk_widget_grab_focus (self->quick_name);
      return;
    }

  if (!sofra_session_page_quick_add (
        self, name, sofra_gui_vocab_dropdown_get_id (self->quick_gender),
        sofra_gui_vocab_dropdown_get_id (self->quick_community),
        gtk_check_button_get_active (GTK_CHECK_BUTTON (self->quick_consent)), &error))
    {
      gtk_label_set_label (self->quick_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->quick_error), TRUE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->quick_name), "");
  g_free (self->mirrored_name);
  self->mirrored_name = g_strdup ("");
  gtk_drop_down_set_selected (self->quick_gender, 0);
  gtk_drop_down_set_selected (self->quick_community, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->quick_consent), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->quick_error), FALSE);
  gtk_widget_remove_css_class (self->quick_name, "error");
  gtk_menu_button_popdown (self->add_participant_button);

  message = g_strdup_printf (_ ("%s added to the session"), name);
  sofra_gui_toast (GTK_WIDGET (self), message);
}

static void
on_search_activate_cb (GtkSearchEntry *entry, SofraSessionPage *self)
{
  /* Enter takes the first person found. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->participant_results));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
        {
          on_result_activated_cb (self->participant_results, GTK_LIST_BOX_ROW (row), self);
          return;
        }
    }
}

static void
on_participant_popover_show_cb (GtkWidget *popover, SofraSessionPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->participant_search), "");
  gtk_widget_set_visible (GTK_WIDGET (self->quick_error), FALSE);
  gtk_widget_grab_focus (self->participant_search);
}

static GtkWidget *
heading_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

GtkWidget *
sofra_session_page_labelled (const char *text, GtkWidget *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

GtkLabel *
sofra_session_page_error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

static void
build_participant_popover (SofraSessionPage *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (box, "popover-form");
  gtk_widget_set_size_request (box, 340, -1);

  self->participant_search = gtk_search_entry_new ();
  g_object_set (self->participant_search, "placeholder-text", _ ("Search by name or code"), NULL);
  self->participant_results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->participant_results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->participant_results), "boxed-list");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 GTK_WIDGET (self->participant_results));

  gtk_box_append (GTK_BOX (box), heading_new (_ ("Someone Already Known")));
  gtk_box_append (GTK_BOX (box), self->participant_search);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->quick_name = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->quick_name), _ ("Name as the person writes it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quick_name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Name"), -1);
  self->quick_gender = GTK_DROP_DOWN (sofra_gui_vocab_dropdown_new (SOFRA_VOCAB_GENDER, TRUE));
  self->quick_community = GTK_DROP_DOWN (
    sofra_gui_vocab_dropdown_new (SOFRA_VOCAB_COMMUNITY, TRUE));
  self->quick_consent = gtk_check_button_new_with_mnemonic (_ ("_Name may appear on printed and "
                                                               "exported documents"));
  gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (self->quick_consent)), TRUE);
  self->quick_error = sofra_session_page_error_label_new ();
  self->quick_add_button = gtk_button_new_with_mnemonic (_ ("_Add to Session"));
  gtk_widget_add_css_class (self->quick_add_button, "suggested-action");

  gtk_box_append (GTK_BOX (box), heading_new (_ ("Someone New")));
  gtk_box_append (GTK_BOX (box), self->quick_name);
  gtk_box_append (GTK_BOX (box),
                  sofra_session_page_labelled (_ ("_Gender"), GTK_WIDGET (self->quick_gender)));
  gtk_box_append (GTK_BOX (box), sofra_session_page_labelled (_ ("_Community"),
                                                              GTK_WIDGET (self->quick_community)));
  gtk_box_append (GTK_BOX (box), self->quick_consent);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->quick_error));
  gtk_box_append (GTK_BOX (box), self->quick_add_button);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->add_participant_button, popover);

  g_signal_connect (popover, "show", G_CALLBACK (on_participant_popover_show_cb), self);
  g_signal_connect (self->participant_search, "search-changed", G_CALLBACK (on_search_changed_cb),
                    self);
  g_signal_connect (self->participant_search, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect (self->participant_results, "row-activated", G_CALLBACK (on_result_activated_cb),
                    self);
  g_signal_connect (self->quick_name, "activate", G_CALLBACK (on_quick_add_cb), self);
  g_signal_connect (self->quick_add_button, "clicked", G_CALLBACK (on_quick_add_cb), self);
}

void
sofra_session_page_people_init (SofraSessionPage *self)
{
  gtk_list_box_set_placeholder (self->attendance_list,
                                sofra_session_page_placeholder_new (
                                  _ ("Nobody has been added to this session yet.")));
  self->mirrored_name = g_strdup ("");
  build_participant_popover (self);
}

gboolean
sofra_session_page_quick_add (SofraSessionPage *self,
                              const char       *name,
                              const char       *gender,
                              const char       *community,
                              gboolean          name_on_documents,
                              GError          **error)
{
  g_autoptr (SofraParticipant) participant = sofra_participant_new ();
  g_autoptr (JsonObject) doc = NULL;

  g_return_val_if_fail (SOFRA_IS_SESSION_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (self->session_id == NULL)
    return TRUE;

  participant->name = g_strdup (name);
  participant->code = sofra_participant_make_code ();
  participant->gender = g_strdup (gender);
  participant->community = g_strdup (community);
  participant->consent.date = sofra_gui_today ();
  participant->consent.name_recorded = TRUE;
  participant->consent.name_on_documents = name_on_documents;
  doc = sofra_participant_to_json (participant);

  /* Both or neither: a participant without the attendance would be lost from view. */
  if (!sofra_store_begin (self->store, error))
    return FALSE;
  if (!sofra_store_put (self->store, doc, error) ||
      !add_attendance (self, json_object_get_string_member (doc, "_id"), error))
    {
      sofra_store_rollback (self->store);
      return FALSE;
    }
  return sofra_store_commit (self->store, error);
}
