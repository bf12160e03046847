/* sofra-followup-editor.c — every field of one follow-up, saved as it is typed
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-date-button.h"
#include "sofra-doc-picker.h"
#include "sofra-followup-editor.h"
#include "sofra-followup-row.h"
#include "sofra-gui-util.h"
#include "sofra-records.h"

#define AUTOSAVE_DELAY_MS 600

struct _SofraFollowupEditor
{
  AdwBin parent_instance;

  SofraStore    *store;
  char          *followup_id;
  GPtrArray     *participant_ids;
  SofraAutosave *autosave;
  gboolean       draft; /* a new follow-up, written once "what" is filled in */
  gboolean       draft_dirty;
  char          *draft_owner;
  gboolean       loading;
  gboolean       saving;
  gboolean       last_save_ok;

  GtkDropDown    *status_dropdown;
  GtkDropDown    *priority_dropdown;
  SofraDocPicker *session_picker;
  GtkButton      *open_session_button;
  SofraDocPicker *add_participant_picker;

  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwEntryRow         *what_row;
  AdwEntryRow         *owner_row;
  SofraDateButton     *due_button;
  AdwActionRow        *status_row;
  AdwActionRow        *priority_row;
  AdwActionRow        *session_row;
  AdwPreferencesGroup *participants_group;
  GtkListBox          *participants_list;
  GtkTextView         *completion_view;
};

G_DEFINE_FINAL_TYPE (SofraFollowupEditor, sofra_followup_editor, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FOLLOWUP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (SofraFollowupEditor *self, const GError *error)
{
  /* The one field a person can leave invalid is "what": mark it too. */
  if (error != NULL && sofra_gui_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->what_row))))
    gtk_widget_add_css_class (GTK_WIDGET (self->what_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->what_row), "error");

  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
}

static char *
dup_nonempty (const char *text)
{
  return sofra_gui_is_blank (text) ? NULL : g_strdup (text);
}

static void
replace (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

/* The fields this editor shows, from the widgets onto @followup. */
static void
apply_widgets (SofraFollowupEditor *self, SofraFollowUp *followup)
{
  const char *status = sofra_gui_vocab_dropdown_get_id (self->status_dropdown);
  gboolean    was_done = g_strcmp0 (followup->status, SOFRA_FOLLOWUP_STATUS_DONE) == 0;
  gboolean    is_done = g_strcmp0 (status, SOFRA_FOLLOWUP_STATUS_DONE) == 0;

  replace (&followup->what, g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->what_row))));
  replace (&followup->owner, dup_nonempty (gtk_editable_get_text (GTK_EDITABLE (self->owner_row))));
  replace (&followup->due_date, g_strdup (sofra_date_button_get_date (self->due_button)));
  replace (&followup->status, g_strdup (status));
  replace (&followup->priority,
           g_strdup (sofra_gui_vocab_dropdown_get_id (self->priority_dropdown)));
  replace (&followup->session_id,
           g_strdup (sofra_doc_picker_get_selected_id (self->session_picker)));
  replace (&followup->completion_note, NULL);
  followup->completion_note = sofra_gui_text_view_get_text (self->completion_view);
  if (*followup->completion_note == '\0')
    g_clear_pointer (&followup->completion_note, g_free);

  g_strfreev (followup->participant_ids);
  followup->participant_ids = NULL;
  if (self->participant_ids->len > 0)
    {
      g_ptr_array_add (self->participant_ids, NULL);
      followup->participant_ids = g_strdupv ((char **) self->participant_ids->pdata);
      g_ptr_array_remove_index (self->participant_ids, self->participant_ids->len - 1);
    }

  if (is_done && (!was_done || followup->completed_on == NULL))
    replace (&followup->completed_on, sofra_gui_today ());
  else if (!is_done)
    replace (&followup->completed_on, NULL);
}

/* Saves onto the newest revision, so a change made elsewhere (the "Done" check in the list,
 * a sync) is never a conflict; the fields shown here win. */
static gboolean
save (SofraFollowupEditor *self, GError **error)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (SofraFollowUp) followup = NULL;
  g_autoptr (JsonObject) updated = NULL;
  g_autofree char *new_id = NULL;
  gboolean         ok;

  if (self->draft)
    {
      const char *what = gtk_editable_get_text (GTK_EDITABLE (self->what_row));

      if (sofra_gui_is_blank (what))
        {
          g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                               _ ("Write what is to be done; the follow-up is saved from then "
                                  "on."));
          return FALSE;
        }
      g_autofree char *uuid = g_uuid_string_random ();

      followup = sofra_followup_new ();
      new_id = g_strconcat (SOFRA_TYPE_FOLLOWUP ":", uuid, NULL);
      followup->meta.id = g_strdup (new_id);
    }
  else
    {
      doc = sofra_store_get (self->store, self->followup_id, error);
      if (doc == NULL)
        return FALSE;
      followup = sofra_followup_from_json (doc, error);
      if (followup == NULL)
        return FALSE;
    }

  apply_widgets (self, followup);
  updated = sofra_followup_to_json (followup);

  /* The list reloads while the store writes; it must already find this id. */
  if (new_id != NULL)
    {
      g_free (self->followup_id);
      self->followup_id = g_strdup (new_id);
    }

  self->saving = TRUE;
  ok = sofra_store_put (self->store, updated, error);
  self->saving = FALSE;

  if (new_id != NULL)
    {
      if (ok)
        {
          self->draft = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWUP_ID]);
        }
      else
        {
          g_clear_pointer (&self->followup_id, g_free);
        }
    }

  return ok;
}

static void
autosave_cb (gpointer user_data)
{
  SofraFollowupEditor *self = user_data;
  g_autoptr (GError) error = NULL;

  if (self->followup_id == NULL && !self->draft)
    return;

  self->last_save_ok = save (self, &error);
  /* A follow-up deleted meanwhile has nothing left to keep. */
  if (g_error_matches (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND))
    self->last_save_ok = TRUE;
  show_error (self, error);
}

static void
update_session_widgets (SofraFollowupEditor *self)
{
  const char    *session_id = sofra_doc_picker_get_selected_id (self->session_picker);
  GtkActionable *button = GTK_ACTIONABLE (self->open_session_button);

  /* The target first: the window's action takes a string and refuses a button without one. */
  gtk_widget_set_visible (GTK_WIDGET (self->open_session_button), session_id != NULL);
  if (session_id != NULL)
    {
      gtk_actionable_set_action_target (button, "s", session_id);
      gtk_actionable_set_action_name (button, "win.show-record");
    }
  else
    {
      gtk_actionable_set_action_name (button, NULL);
    }
}

static void
update_status_subtitle (SofraFollowupEditor *self, const char *completed_on)
{
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  if (completed_on != NULL)
    {
      date = sofra_gui_format_date (completed_on);
      /* Translators: when a follow-up was done, e.g. "Completed on Sat 28 Nov 2026" */
      subtitle = g_strdup_printf (_ ("Completed on %s"), date);
    }
  adw_action_row_set_subtitle (self->status_row, subtitle != NULL ? subtitle : "");
}

static void rebuild_participants (SofraFollowupEditor *self);
static void on_field_changed_cb (SofraFollowupEditor *self);

static void
on_remove_participant_cb (SofraFollowupEditor *self, GtkButton *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "participant-id");

  for (guint i = 0; i < self->participant_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->participant_ids, i), id) == 0)
      {
        g_ptr_array_remove_index (self->participant_ids, i);
        break;
      }

  rebuild_participants (self);
  on_field_changed_cb (self);
}

static GtkWidget *
participant_row_new (SofraFollowupEditor *self, const char *participant_id)
{
  g_autoptr (JsonObject) doc = sofra_store_get (self->store, participant_id, NULL);
  g_autofree char *title = doc != NULL ? sofra_doc_describe (doc) : NULL;
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title != NULL ? title : _ ("A participant no longer recorded"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _ ("Remove From Follow-up"));
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "participant-id", g_strdup (participant_id), g_free);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_participant_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  if (doc != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "participant-id", g_strdup (participant_id), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }

  return row;
}

static void
rebuild_participants (SofraFollowupEditor *self)
{
  sofra_gui_list_box_remove_all (self->participants_list);

  for (guint i = 0; i < self->participant_ids->len; i++)
    gtk_list_box_append (self->participants_list,
                         participant_row_new (self, g_ptr_array_index (self->participant_ids, i)));
}

static void
on_participant_activated_cb (SofraFollowupEditor *self, GtkListBoxRow *row, GtkListBox *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), "participant-id");

  /* The window knows where a participant is shown. */
  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "s", id);
}

static void
load (SofraFollowupEditor *self)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (SofraFollowUp) followup = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->completion_view);

  if (self->followup_id != NULL)
    doc = sofra_store_get (self->store, self->followup_id, NULL);
  if (doc != NULL)
    followup = sofra_followup_from_json (doc, NULL);
  if (followup == NULL)
    {
      followup = sofra_followup_new ();
      if (self->draft)
        {
          followup->status = g_strdup (SOFRA_FOLLOWUP_STATUS_OPEN);
          followup->priority = g_strdup ("normal");
          followup->owner = g_strdup (self->draft_owner);
        }
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->what_row), followup->what ? followup->what : "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), followup->owner ? followup->owner : "");
  sofra_date_button_set_date (self->due_button, followup->due_date);
  sofra_gui_vocab_dropdown_set_id (self->status_dropdown, followup->status
                                                            ? followup->status
                                                            : SOFRA_FOLLOWUP_STATUS_OPEN);
  sofra_gui_vocab_dropdown_set_id (self->priority_dropdown, followup->priority);
  sofra_doc_picker_set_selected_id (self->session_picker, followup->session_id);
  gtk_text_buffer_set_text (buffer, followup->completion_note ? followup->completion_note : "", -1);

  g_ptr_array_set_size (self->participant_ids, 0);
  for (guint i = 0; followup->participant_ids && followup->participant_ids[i]; i++)
    g_ptr_array_add (self->participant_ids, g_strdup (followup->participant_ids[i]));
  rebuild_participants (self);

  update_session_widgets (self);
  update_status_subtitle (self, followup->completed_on);
  self->loading = FALSE;
}

static void
on_field_changed_cb (SofraFollowupEditor *self)
{
  if (self->loading || (self->followup_id == NULL && !self->draft))
    return;

  self->draft_dirty |= self->draft;
  sofra_autosave_queue (self->autosave);
}

static void
on_status_changed_cb (SofraFollowupEditor *self)
{
  const char      *status = sofra_gui_vocab_dropdown_get_id (self->status_dropdown);
  g_autofree char *today = NULL;

  if (self->loading || (self->followup_id == NULL && !self->draft))
    return;

  self->draft_dirty |= self->draft;
  if (g_strcmp0 (status, SOFRA_FOLLOWUP_STATUS_DONE) == 0)
    today = sofra_gui_today ();
  update_status_subtitle (self, today);
  /* A status change moves the follow-up in the list; save it at once. */
  sofra_autosave_queue (self->autosave);
  sofra_autosave_flush (self->autosave);
}

static void
on_session_picked_cb (SofraFollowupEditor *self, const char *session_id, SofraDocPicker *picker)
{
  update_session_widgets (self);
  on_field_changed_cb (self);
}

static void
on_participant_picked_cb (SofraFollowupEditor *self,
                          const char          *participant_id,
                          SofraDocPicker      *picker)
{
  if (participant_id == NULL || (self->followup_id == NULL && !self->draft))
    return;

  for (guint i = 0; i < self->participant_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->participant_ids, i), participant_id))
      return;

  g_ptr_array_add (self->participant_ids, g_strdup (participant_id));
  rebuild_participants (self);
  on_field_changed_cb (self);
}

static void
on_buffer_changed_cb (SofraFollowupEditor *self, GtkTextBuffer *buffer)
{
  on_field_changed_cb (self);
}

static void
on_store_changed_cb (SofraFollowupEditor *self, const char *id, const char *type, SofraStore *store)
{
  if (self->saving || self->followup_id == NULL)
    return;

  if (id == NULL || g_str_equal (id, self->followup_id))
    {
      /* Pending typing wins: it is saved on top of whatever changed. */
      if (!sofra_autosave_is_pending (self->autosave))
        load (self);
    }
  else if (g_strcmp0 (type, SOFRA_TYPE_SESSION) == 0)
    {
      g_autofree char *session_id = g_strdup (
        sofra_doc_picker_get_selected_id (self->session_picker));

      sofra_doc_picker_set_selected_id (self->session_picker, session_id);
    }
  else if (g_strcmp0 (type, SOFRA_TYPE_PARTICIPANT) == 0)
    {
      rebuild_participants (self);
    }
}

static void
sofra_followup_editor_constructed (GObject *object)
{
  SofraFollowupEditor *self = SOFRA_FOLLOWUP_EDITOR (object);

  G_OBJECT_CLASS (sofra_followup_editor_parent_class)->constructed (object);

  self->session_picker = SOFRA_DOC_PICKER (
    sofra_doc_picker_new (self->store, SOFRA_DOC_LIST_SESSIONS));
  sofra_doc_picker_set_none_label (self->session_picker, _ ("No session"));
  gtk_widget_set_valign (GTK_WIDGET (self->session_picker), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->session_picker, "picked", G_CALLBACK (on_session_picked_cb),
                            self);
  adw_action_row_add_suffix (self->session_row, GTK_WIDGET (self->session_picker));

  self->open_session_button = GTK_BUTTON (gtk_button_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (self->open_session_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_session_button), _ ("Open Session"));
  gtk_widget_add_css_class (GTK_WIDGET (self->open_session_button), "flat");
  adw_action_row_add_suffix (self->session_row, GTK_WIDGET (self->open_session_button));

  self->add_participant_picker = SOFRA_DOC_PICKER (
    sofra_doc_picker_new (self->store, SOFRA_DOC_LIST_PARTICIPANTS));
  sofra_doc_picker_set_fixed_label (self->add_participant_picker, _ ("Add"));
  gtk_widget_set_valign (GTK_WIDGET (self->add_participant_picker), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->add_participant_picker, "picked",
                            G_CALLBACK (on_participant_picked_cb), self);
  adw_preferences_group_set_header_suffix (self->participants_group,
                                           GTK_WIDGET (self->add_participant_picker));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sofra_followup_editor_dispose (GObject *object)
{
  SofraFollowupEditor *self = SOFRA_FOLLOWUP_EDITOR (object);

  if (self->autosave != NULL && self->store != NULL)
    sofra_autosave_flush (self->autosave);
  g_clear_pointer (&self->autosave, sofra_autosave_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_followup_editor_parent_class)->dispose (object);
}

static void
sofra_followup_editor_finalize (GObject *object)
{
  SofraFollowupEditor *self = SOFRA_FOLLOWUP_EDITOR (object);

  g_free (self->followup_id);
  g_free (self->draft_owner);
  g_ptr_array_unref (self->participant_ids);

  G_OBJECT_CLASS (sofra_followup_editor_parent_class)->finalize (object);
}

static void
sofra_followup_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SofraFollowupEditor *self = SOFRA_FOLLOWUP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FOLLOWUP_ID:
      g_value_set_string (value, self->followup_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_followup_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SofraFollowupEditor *self = SOFRA_FOLLOWUP_EDITOR (object);

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
sofra_followup_editor_class_init (SofraFollowupEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_followup_editor_constructed;
  object_class->dispose = sofra_followup_editor_dispose;
  object_class->finalize = sofra_followup_editor_finalize;
  object_class->get_property = sofra_followup_editor_get_property;
  object_class->set_property = sofra_followup_editor_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOWUP_ID] = g_param_spec_string ("followup-id", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SOFRA_TYPE_DATE_BUTTON);
  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SOFRA_GUI_RESOURCE_PATH "/sofra-followup-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, what_row);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, session_row);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, participants_group);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, participants_list);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupEditor, completion_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
sofra_followup_editor_init (SofraFollowupEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->participant_ids = g_ptr_array_new_with_free_func (g_free);
  self->autosave = sofra_autosave_new (AUTOSAVE_DELAY_MS, autosave_cb, self);
  self->last_save_ok = TRUE;

  self->status_dropdown = GTK_DROP_DOWN (
    sofra_gui_vocab_dropdown_new (SOFRA_VOCAB_FOLLOWUP_STATUS, FALSE));
  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (on_status_changed_cb), self);
  adw_action_row_add_suffix (self->status_row, GTK_WIDGET (self->status_dropdown));

  self->priority_dropdown = GTK_DROP_DOWN (
    sofra_gui_vocab_dropdown_new (SOFRA_VOCAB_PRIORITY, TRUE));
  g_signal_connect_swapped (self->priority_dropdown, "notify::selected",
                            G_CALLBACK (on_field_changed_cb), self);
  adw_action_row_add_suffix (self->priority_row, GTK_WIDGET (self->priority_dropdown));

  sofra_gui_list_box_set_placeholder_text (self->participants_list, _ ("No participants linked"));
  g_signal_connect_swapped (self->participants_list, "row-activated",
                            G_CALLBACK (on_participant_activated_cb), self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->completion_view), "changed",
                            G_CALLBACK (on_buffer_changed_cb), self);
}

GtkWidget *
sofra_followup_editor_new (SofraStore *store)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  return g_object_new (SOFRA_TYPE_FOLLOWUP_EDITOR, "store", store, NULL);
}

void
sofra_followup_editor_set_followup_id (SofraFollowupEditor *self, const char *id)
{
  g_return_if_fail (SOFRA_IS_FOLLOWUP_EDITOR (self));

  if (!self->draft && g_strcmp0 (self->followup_id, id) == 0)
    return;

  sofra_autosave_flush (self->autosave);
  sofra_autosave_cancel (self->autosave);
  g_free (self->followup_id);
  self->followup_id = g_strdup (id);
  self->draft = FALSE;
  self->draft_dirty = FALSE;
  self->last_save_ok = TRUE;
  show_error (self, NULL);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWUP_ID]);
}

void
sofra_followup_editor_new_draft (SofraFollowupEditor *self, const char *owner)
{
  g_return_if_fail (SOFRA_IS_FOLLOWUP_EDITOR (self));

  sofra_autosave_flush (self->autosave);
  sofra_autosave_cancel (self->autosave);
  g_clear_pointer (&self->followup_id, g_free);
  g_free (self->draft_owner);
  self->draft_owner = g_strdup (owner != NULL && *owner != '\0' ? owner : NULL);
  self->draft = TRUE;
  self->draft_dirty = FALSE;
  self->last_save_ok = TRUE;
  show_error (self, NULL);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWUP_ID]);
}

gboolean
sofra_followup_editor_is_draft (SofraFollowupEditor *self)
{
  g_return_val_if_fail (SOFRA_IS_FOLLOWUP_EDITOR (self), FALSE);

  return self->draft;
}

const char *
sofra_followup_editor_get_followup_id (SofraFollowupEditor *self)
{
  g_return_val_if_fail (SOFRA_IS_FOLLOWUP_EDITOR (self), NULL);

  return self->followup_id;
}

gboolean
sofra_followup_editor_flush (SofraFollowupEditor *self)
{
  g_return_val_if_fail (SOFRA_IS_FOLLOWUP_EDITOR (self), FALSE);

  sofra_autosave_flush (self->autosave);
  /* An untouched new follow-up holds nothing worth keeping. */
  if (self->draft && !self->draft_dirty)
    return TRUE;
  return self->last_save_ok;
}

void
sofra_followup_editor_focus_what (SofraFollowupEditor *self)
{
  g_return_if_fail (SOFRA_IS_FOLLOWUP_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->what_row));
}
