/* sofra-session-page-followups.c — the follow-ups agreed at a session, and adding one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page writes follow-up documents itself; the follow-ups view shows them through the
 * store's "changed" signal.
 */
#include <glib/gi18n.h>

#include "sofra-date-button.h"
#include "sofra-records.h"
#include "sofra-session-page-private.h"

static gboolean
is_overdue (JsonObject *doc, const char *today)
{
  const char *due = sofra_gui_doc_string (doc, "due_date");
  const char *status = sofra_gui_doc_string (doc, "status");

  return due != NULL && g_strcmp0 (due, today) < 0 && g_strcmp0 (status, "done") != 0 &&
         g_strcmp0 (status, "dropped") != 0;
}

static void
on_followup_activated_cb (AdwActionRow *row, gpointer user_data)
{
  const char *id = g_object_get_data (G_OBJECT (row), "followup-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.show-record", "s", id);
}

static GtkWidget *
followup_row_new (JsonObject *doc, const char *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status_label;
  g_autoptr (GString) details = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (sofra_gui_doc_string (doc, "what"), -1);
  g_autofree char *subtitle = NULL;
  const char      *owner = sofra_gui_doc_string (doc, "owner");
  const char      *due = sofra_gui_doc_string (doc, "due_date");
  const char      *priority = sofra_gui_doc_string (doc, "priority");
  const char      *status = sofra_gui_doc_string (doc, "status");

  if (owner != NULL)
    g_string_append (details, owner);
  if (due != NULL)
    {
      g_autofree char *date = sofra_gui_format_date (due);

      /* Translators: a follow-up's due date, as in "due Sat 28 Nov 2026" */
      g_string_append_printf (details, "%s", details->len ? " · " : "");
      g_string_append_printf (details, _ ("due %s"), date);
    }
  if (priority != NULL)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "",
                            sofra_vocab_label (SOFRA_VOCAB_PRIORITY, priority));
  subtitle = g_markup_escape_text (details->str, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  sofra_gui_set_record_text (row, "title", sofra_gui_doc_string (doc, "what"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _ ("Show this follow-up"));
  g_object_set_data_full (G_OBJECT (row), "followup-id",
                          g_strdup (sofra_gui_doc_string (doc, "_id")), g_free);

  status_label = gtk_label_new (
    status != NULL ? sofra_vocab_label (SOFRA_VOCAB_FOLLOWUP_STATUS, status) : NULL);
  gtk_widget_add_css_class (status_label, "chip");
  gtk_widget_set_valign (status_label, GTK_ALIGN_CENTER);
  if (is_overdue (doc, today))
    {
      gtk_widget_add_css_class (row, "overdue");
      gtk_label_set_label (GTK_LABEL (status_label), _ ("Overdue"));
      gtk_widget_add_css_class (status_label, "overdue");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_signal_connect (row, "activated", G_CALLBACK (on_followup_activated_cb), NULL);

  return row;
}

static int
compare_followups (gconstpointer a, gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;
  const char *dx = sofra_gui_doc_string (x, "due_date");
  const char *dy = sofra_gui_doc_string (y, "due_date");

  /* Dated ones first, soonest first; then by when they were written. */
  if ((dx == NULL) != (dy == NULL))
    return dx == NULL ? 1 : -1;
  if (g_strcmp0 (dx, dy) != 0)
    return g_strcmp0 (dx, dy);
  return g_strcmp0 (sofra_gui_doc_string (x, "created_at"), sofra_gui_doc_string (y, "created_at"));
}

void
sofra_session_page_followups_reload (SofraSessionPage *self)
{
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = sofra_gui_today ();

  sofra_gui_list_box_remove_all (self->followups_list);
  if (self->session_id == NULL)
    return;

  docs = sofra_store_find (self->store, SOFRA_TYPE_FOLLOWUP, "session_id", self->session_id,
                           &error);
  if (docs == NULL)
    {
      g_warning ("Cannot list the follow-ups of %s: %s", self->session_id, error->message);
      return;
    }
  g_ptr_array_sort (docs, compare_followups);

  for (guint i = 0; i < docs->len; i++)
    gtk_list_box_append (self->followups_list,
                         followup_row_new (g_ptr_array_index (docs, i), today));
}

static void
show_followup_error (SofraSessionPage *self, const char *message)
{
  gtk_label_set_label (self->followup_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->followup_error), message != NULL);
}

static void
on_add_followup_cb (GtkWidget *widget, SofraSessionPage *self)
{
  g_autofree char *what = g_strstrip (
    g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->followup_what))));
  g_autofree char *owner = g_strstrip (
    g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->followup_owner))));
  g_autoptr (GError) error = NULL;

  if (*what == '\0')
    {
      show_followup_error (self, _ ("Write what is to be done."));
      gtk_widget_add_css_class (self->followup_what, "error");
      gtk_widget_grab_focus (self->followup_what);
      return;
    }

  if (!sofra_session_page_add_followup (self, what, *owner != '\0' ? owner : NULL,
                                        sofra_date_button_get_date (
                                          SOFRA_DATE_BUTTON (self->followup_due)),
                                        sofra_gui_vocab_dropdown_get_id (self->followup_priority),
                                        &error))
    {
      show_followup_error (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->followup_what), "");
  sofra_date_button_set_date (SOFRA_DATE_BUTTON (self->followup_due), NULL);
  gtk_widget_remove_css_class (self->followup_what, "error");
  show_followup_error (self, NULL);
  gtk_menu_button_popdown (self->add_followup_button);
  sofra_gui_toast (GTK_WIDGET (self), _ ("Follow-up added"));
}

static void
on_followup_popover_show_cb (GtkWidget *popover, SofraSessionPage *self)
{
  /* The person logging the session is the usual owner. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->followup_owner)) == '\0' &&
      self->settings != NULL)
    {
      g_autofree char *staff = g_settings_get_string (self->settings, "staff-name");

      gtk_editable_set_text (GTK_EDITABLE (self->followup_owner), staff);
    }
  show_followup_error (self, NULL);
  gtk_widget_grab_focus (self->followup_what);
}

static GtkWidget *
form_row (const char *mnemonic, GtkWidget *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

void
sofra_session_page_followups_init (SofraSessionPage *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *placeholder = gtk_label_new (_ ("Nothing to follow up yet."));
  GtkWidget *label;
  int        normal;

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "list-placeholder");
  gtk_list_box_set_placeholder (self->followups_list, placeholder);

  gtk_widget_add_css_class (box, "popover-form");
  gtk_widget_set_size_request (box, 340, -1);

  label = gtk_label_new_with_mnemonic (_ ("_What is to be done"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  self->followup_what = gtk_entry_new ();
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->followup_what);
  self->followup_owner = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->followup_owner), _ ("Who will do it"));
  self->followup_due = sofra_date_button_new ();
  self->followup_priority = GTK_DROP_DOWN (
    sofra_gui_vocab_dropdown_new (SOFRA_VOCAB_PRIORITY, FALSE));
  normal = sofra_vocab_index (SOFRA_VOCAB_PRIORITY, "normal");
  if (normal >= 0)
    gtk_drop_down_set_selected (self->followup_priority, (guint) normal);
  self->followup_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->followup_error, TRUE);
  gtk_label_set_xalign (self->followup_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->followup_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->followup_error), FALSE);
  self->followup_add_button = gtk_button_new_with_mnemonic (_ ("_Add Follow-up"));
  gtk_widget_add_css_class (self->followup_add_button, "suggested-action");

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->followup_what);
  gtk_box_append (GTK_BOX (box), form_row (_ ("_Owner"), self->followup_owner));
  gtk_box_append (GTK_BOX (box), form_row (_ ("_Due"), self->followup_due));
  gtk_box_append (GTK_BOX (box), form_row (_ ("_Priority"), GTK_WIDGET (self->followup_priority)));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->followup_error));
  gtk_box_append (GTK_BOX (box), self->followup_add_button);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->add_followup_button, popover);

  g_signal_connect (popover, "show", G_CALLBACK (on_followup_popover_show_cb), self);
  g_signal_connect (self->followup_what, "activate", G_CALLBACK (on_add_followup_cb), self);
  g_signal_connect (self->followup_add_button, "clicked", G_CALLBACK (on_add_followup_cb), self);
}

gboolean
sofra_session_page_add_followup (SofraSessionPage *self,
                                 const char       *what,
                                 const char       *owner,
                                 const char       *due_date,
                                 const char       *priority,
                                 GError          **error)
{
  g_autoptr (SofraFollowUp) followup = sofra_followup_new ();
  g_autoptr (JsonObject) doc = NULL;

  g_return_val_if_fail (SOFRA_IS_SESSION_PAGE (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  if (self->session_id == NULL)
    return TRUE;

  followup->what = g_strdup (what);
  followup->session_id = g_strdup (self->session_id);
  followup->owner = g_strdup (owner);
  followup->due_date = g_strdup (due_date);
  followup->priority = g_strdup (priority);
  followup->status = g_strdup ("open");
  doc = sofra_followup_to_json (followup);

  return sofra_store_put (self->store, doc, error);
}
