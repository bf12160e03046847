/* sofra-participant-page.c — every field of one participant, saved as it is typed
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-date-button.h"
#include "sofra-gui-util.h"
#include "sofra-participant-erase.h"
#include "sofra-participant-notes.h"
#include "sofra-participant-page.h"
#include "sofra-place-chooser.h"
#include "sofra-records.h"

#define AUTOSAVE_DELAY_MS 600
#define SESSION_ID_KEY    "sofra-session-id"

struct _SofraParticipantPage
{
  AdwBin parent_instance;

  SofraStore    *store;
  char          *participant_id;
  SofraAutosave *autosave;
  gboolean       loading;
  gboolean       saving;
  gboolean       last_save_ok;
  gboolean       withdrawn;

  GtkDropDown           *gender_dropdown;
  GtkDropDown           *age_dropdown;
  GtkDropDown           *community_dropdown;
  SofraPlaceChooser     *place_chooser;
  SofraParticipantNotes *notes;

  GtkBox          *content_box;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwEntryRow     *name_row;
  GtkLabel        *code_label;
  AdwActionRow    *gender_row;
  AdwActionRow    *age_row;
  AdwActionRow    *community_row;
  AdwActionRow    *municipality_row;
  GtkWidget       *name_warning;
  AdwEntryRow     *organisation_row;
  AdwEntryRow     *role_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *email_row;
  GtkWidget       *email_warning;
  GtkWidget       *withdraw_button;
  AdwActionRow    *withdrawn_row;
  SofraDateButton *consent_date_button;
  GtkSwitch       *name_recorded_switch;
  GtkSwitch       *name_on_documents_switch;
  GtkSwitch       *photos_switch;
  GtkSwitch       *contact_switch;
  GtkSwitch       *share_switch;
  GtkListBox      *sessions_list;
};

G_DEFINE_FINAL_TYPE (SofraParticipantPage, sofra_participant_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
take_text (char **field, AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  g_free (*field);
  *field = sofra_gui_is_blank (text) ? NULL : g_strdup (text);
}

static void
take_id (char **field, const char *id)
{
  g_free (*field);
  *field = g_strdup (id);
}

static gboolean
looks_like_email (const char *text)
{
  return g_regex_match_simple ("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", text, 0, 0);
}

/* The fields this page shows, from the widgets onto @participant. Withdrawal is not among
 * them: it has its own actions. */
static void
apply_widgets (SofraParticipantPage *self, SofraParticipant *participant)
{
  take_text (&participant->name, self->name_row);
  take_id (&participant->gender, sofra_gui_vocab_dropdown_get_id (self->gender_dropdown));
  take_id (&participant->age_group, sofra_gui_vocab_dropdown_get_id (self->age_dropdown));
  take_id (&participant->community, sofra_gui_vocab_dropdown_get_id (self->community_dropdown));
  take_id (&participant->municipality, sofra_place_chooser_get_place_id (self->place_chooser));
  take_text (&participant->organisation, self->organisation_row);
  take_text (&participant->role, self->role_row);
  take_text (&participant->phone, self->phone_row);
  take_text (&participant->email, self->email_row);

  if (participant->consent.withdrawn_date == NULL)
    {
      take_id (&participant->consent.date, sofra_date_button_get_date (self->consent_date_button));
      participant->consent.name_recorded = gtk_switch_get_active (self->name_recorded_switch);
      participant->consent.name_on_documents = gtk_switch_get_active (
        self->name_on_documents_switch);
      participant->consent.photos = gtk_switch_get_active (self->photos_switch);
      participant->consent.contact = gtk_switch_get_active (self->contact_switch);
      participant->consent.share_offices = gtk_switch_get_active (self->share_switch);
    }

  if (participant->code == NULL)
    participant->code = sofra_participant_make_code ();
}

typedef void (*EditFunc) (SofraParticipantPage *self, SofraParticipant *participant);

/* Writes onto the newest revision, so a change that came meanwhile (a sync, another window)
 * is never a conflict; the fields on this page win. */
static gboolean
save_with (SofraParticipantPage *self, EditFunc edit, GError **error)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (SofraParticipant) participant = NULL;
  g_autoptr (JsonObject) updated = NULL;
  gboolean ok;

  doc = sofra_store_get (self->store, self->participant_id, error);
  if (doc == NULL)
    return FALSE;
  participant = sofra_participant_from_json (doc, error);
  if (participant == NULL)
    return FALSE;

  edit (self, participant);
  updated = sofra_participant_to_json (participant);

  self->saving = TRUE;
  ok = sofra_store_put (self->store, updated, error);
  self->saving = FALSE;
  return ok;
}

static void
show_error (SofraParticipantPage *self, const GError *error)
{
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
}

static void
autosave_cb (gpointer user_data)
{
  SofraParticipantPage *self = user_data;
  g_autoptr (GError) error = NULL;

  if (self->participant_id == NULL)
    return;

  self->last_save_ok = save_with (self, apply_widgets, &error);
  /* Erased meanwhile: there is nothing left to keep. */
  if (g_error_matches (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND))
    self->last_save_ok = TRUE;
  show_error (self, error);
}

static void
update_header (SofraParticipantPage *self, const char *code)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));

  if (code == NULL)
    code = gtk_label_get_label (self->code_label);
  if (!sofra_gui_is_blank (name))
    sofra_gui_set_record_text (self->title_label, "label", name);
  else
    gtk_label_set_label (self->title_label, code);

  gtk_widget_set_visible (self->name_warning,
                          !sofra_gui_is_blank (name) &&
                            !gtk_switch_get_active (self->name_recorded_switch) &&
                            !self->withdrawn);
  gtk_widget_set_visible (self->email_warning,
                          !sofra_gui_is_blank (email) && !looks_like_email (email));
}

static gboolean
consent_given (SofraParticipantPage *self)
{
  return sofra_date_button_get_date (self->consent_date_button) != NULL ||
         gtk_switch_get_active (self->name_recorded_switch) ||
         gtk_switch_get_active (self->name_on_documents_switch) ||
         gtk_switch_get_active (self->photos_switch) ||
         gtk_switch_get_active (self->contact_switch) || gtk_switch_get_active (self->share_switch);
}

static void
update_consent_state (SofraParticipantPage *self, const char *withdrawn_date)
{
  GtkWidget *consent_widgets[] = {
    GTK_WIDGET (self->consent_date_button),      GTK_WIDGET (self->name_recorded_switch),
    GTK_WIDGET (self->name_on_documents_switch), GTK_WIDGET (self->photos_switch),
    GTK_WIDGET (self->contact_switch),           GTK_WIDGET (self->share_switch),
  };

  self->withdrawn = withdrawn_date != NULL;
  /* Only what was given can be withdrawn. */
  gtk_widget_set_visible (self->withdraw_button, !self->withdrawn && consent_given (self));
  gtk_widget_set_visible (GTK_WIDGET (self->withdrawn_row), self->withdrawn);
  if (withdrawn_date != NULL)
    {
      g_autofree char *date = sofra_gui_format_date (withdrawn_date);
      /* Translators: when a participant withdrew their consent */
      g_autofree char *subtitle = g_strdup_printf (_ ("On %s. Every permission is off."), date);

      adw_action_row_set_subtitle (self->withdrawn_row, subtitle);
    }

  for (guint i = 0; i < G_N_ELEMENTS (consent_widgets); i++)
    gtk_widget_set_sensitive (consent_widgets[i], !self->withdrawn);
}

static int
compare_sessions (gconstpointer a, gconstpointer b)
{
  JsonObject *sa = *(JsonObject **) a;
  JsonObject *sb = *(JsonObject **) b;

  return g_strcmp0 (json_object_get_string_member_with_default (sb, "date", ""),
                    json_object_get_string_member_with_default (sa, "date", ""));
}

static void
rebuild_sessions (SofraParticipantPage *self)
{
  g_autoptr (GPtrArray) attendances = NULL;
  g_autoptr (GPtrArray)
    sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  sofra_gui_list_box_remove_all (self->sessions_list);

  if (self->participant_id == NULL)
    return;

  attendances = sofra_store_find (self->store, SOFRA_TYPE_ATTENDANCE, "participant_id",
                                  self->participant_id, NULL);
  for (guint i = 0; attendances != NULL && i < attendances->len; i++)
    {
      JsonObject *attendance = g_ptr_array_index (attendances, i);
      const char *session_id = json_object_get_string_member_with_default (attendance, "session_id",
                                                                           NULL);
      JsonObject *session = session_id ? sofra_store_get (self->store, session_id, NULL) : NULL;

      if (session == NULL)
        continue;
      /* The role travels with the session for the row below. */
      json_object_set_string_member (session, "sofra-role",
                                     json_object_get_string_member_with_default (attendance, "role",
                                                                                 "participant"));
      g_ptr_array_add (sessions, session);
    }
  g_ptr_array_sort (sessions, compare_sessions);

  for (guint i = 0; i < sessions->len; i++)
    {
      JsonObject      *session = g_ptr_array_index (sessions, i);
      const char      *title = json_object_get_string_member_with_default (session, "title", "");
      g_autofree char *date = sofra_gui_format_date (
        json_object_get_string_member_with_default (session, "date", NULL));
      const char *role = sofra_vocab_label (SOFRA_VOCAB_ATTENDANCE_ROLE,
                                            json_object_get_string_member (session, "sofra-role"));
      /* Translators: a session in a participant's list: its date, then the role they had */
      g_autofree char *subtitle = g_strdup_printf (_ ("%s · %s"), date, role);
      GtkWidget       *row = adw_action_row_new ();

      if (*title != '\0')
        sofra_gui_set_record_text (row, "title", title);
      else
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Untitled session"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), SESSION_ID_KEY,
                              g_strdup (json_object_get_string_member (session, "_id")), g_free);
      gtk_list_box_append (self->sessions_list, row);
    }
}

static void
load (SofraParticipantPage *self)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (SofraParticipant) p = NULL;
  g_autofree char *changed = NULL;

  if (self->participant_id != NULL)
    doc = sofra_store_get (self->store, self->participant_id, NULL);
  if (doc != NULL)
    p = sofra_participant_from_json (doc, NULL);
  if (p == NULL)
    p = sofra_participant_new ();

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), p->name ? p->name : "");
  gtk_label_set_label (self->code_label, p->code ? p->code : "");
  sofra_gui_vocab_dropdown_set_id (self->gender_dropdown, p->gender);
  sofra_gui_vocab_dropdown_set_id (self->age_dropdown, p->age_group);
  sofra_gui_vocab_dropdown_set_id (self->community_dropdown, p->community);
  sofra_place_chooser_set_place_id (self->place_chooser, p->municipality);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row),
                         p->organisation ? p->organisation : "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), p->role ? p->role : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), p->phone ? p->phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), p->email ? p->email : "");
  sofra_date_button_set_date (self->consent_date_button, p->consent.date);
  gtk_switch_set_active (self->name_recorded_switch, p->consent.name_recorded);
  gtk_switch_set_active (self->name_on_documents_switch, p->consent.name_on_documents);
  gtk_switch_set_active (self->photos_switch, p->consent.photos);
  gtk_switch_set_active (self->contact_switch, p->consent.contact);
  gtk_switch_set_active (self->share_switch, p->consent.share_offices);
  update_consent_state (self, p->consent.withdrawn_date);
  update_header (self, p->code);

  if (p->meta.updated_at != NULL && p->meta.updated_by != NULL)
    {
      g_autofree char *day = g_strndup (p->meta.updated_at, 10);
      g_autofree char *date = sofra_gui_format_date (day);

      /* Translators: "Last changed on Sat 28 Nov 2026 by Arta Berisha" */
      changed = g_strdup_printf (_ ("Last changed on %s by %s"), date, p->meta.updated_by);
    }
  gtk_label_set_label (self->subtitle_label, changed ? changed : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), changed != NULL);
  self->loading = FALSE;

  rebuild_sessions (self);
  sofra_participant_notes_set_participant_id (self->notes, self->participant_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participant.withdraw-consent",
                                 self->participant_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participant.renew-consent",
                                 self->participant_id != NULL);
}

static void
on_field_changed_cb (SofraParticipantPage *self)
{
  if (self->loading || self->participant_id == NULL)
    return;

  update_header (self, NULL);
  gtk_widget_set_visible (self->withdraw_button, !self->withdrawn && consent_given (self));
  sofra_autosave_queue (self->autosave);
}

static void
on_session_activated_cb (SofraParticipantPage *self, GtkListBoxRow *row, GtkListBox *list)
{
  const char *session_id = g_object_get_data (G_OBJECT (row), SESSION_ID_KEY);

  if (session_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "s", session_id);
}

static void
on_store_changed_cb (SofraParticipantPage *self,
                     const char           *id,
                     const char           *type,
                     SofraStore           *store)
{
  if (self->saving || self->participant_id == NULL)
    return;

  if (id == NULL || g_str_equal (id, self->participant_id))
    {
      /* Pending typing wins: it is saved on top of what changed. */
      if (!sofra_autosave_is_pending (self->autosave))
        load (self);
    }
  else if (g_strcmp0 (type, SOFRA_TYPE_ATTENDANCE) == 0 ||
           g_strcmp0 (type, SOFRA_TYPE_SESSION) == 0)
    {
      rebuild_sessions (self);
    }
}

static void
withdraw_edit (SofraParticipantPage *self, SofraParticipant *participant)
{
  apply_widgets (self, participant);
  g_free (participant->consent.withdrawn_date);
  participant->consent.withdrawn_date = sofra_gui_today ();
  participant->consent.name_recorded = FALSE;
  participant->consent.name_on_documents = FALSE;
  participant->consent.photos = FALSE;
  participant->consent.contact = FALSE;
  participant->consent.share_offices = FALSE;
}

static void
renew_edit (SofraParticipantPage *self, SofraParticipant *participant)
{
  apply_widgets (self, participant);
  g_clear_pointer (&participant->consent.withdrawn_date, g_free);
  g_free (participant->consent.date);
  participant->consent.date = sofra_gui_today ();
}

static void
run_edit (SofraParticipantPage *self, EditFunc edit)
{
  g_autoptr (GError) error = NULL;

  sofra_autosave_cancel (self->autosave);
  if (!save_with (self, edit, &error))
    {
      sofra_gui_show_error (GTK_WIDGET (self), error);
      return;
    }
  load (self);
}

static void
on_withdraw_response_cb (AdwMessageDialog *dialog, const char *response, SofraParticipantPage *self)
{
  if (g_str_equal (response, "withdraw") && self->participant_id != NULL)
    run_edit (self, withdraw_edit);
}

static void
withdraw_consent_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraParticipantPage *self = SOFRA_PARTICIPANT_PAGE (widget);
  GtkRoot              *root = gtk_widget_get_root (widget);
  GtkWidget            *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _ ("Withdraw Consent?"),
                                   _ ("Every permission is turned off and the withdrawal is dated "
                                      "today. The name will no longer appear on printed or "
                                      "exported documents; the pseudonym code is used instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
                                    "withdraw", _ ("_Withdraw Consent"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_withdraw_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
renew_consent_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  run_edit (SOFRA_PARTICIPANT_PAGE (widget), renew_edit);
}

static GtkDropDown *
add_dropdown (AdwActionRow *row, SofraVocab vocab, gpointer self)
{
  GtkWidget *dropdown = sofra_gui_vocab_dropdown_new (vocab, TRUE);

  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_field_changed_cb), self);
  adw_action_row_add_suffix (row, dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static void
sofra_participant_page_constructed (GObject *object)
{
  SofraParticipantPage *self = SOFRA_PARTICIPANT_PAGE (object);

  G_OBJECT_CLASS (sofra_participant_page_parent_class)->constructed (object);

  self->place_chooser = SOFRA_PLACE_CHOOSER (sofra_place_chooser_new (self->store));
  gtk_widget_set_valign (GTK_WIDGET (self->place_chooser), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->place_chooser, "notify::place-id",
                            G_CALLBACK (on_field_changed_cb), self);
  adw_action_row_add_suffix (self->municipality_row, GTK_WIDGET (self->place_chooser));

  self->notes = SOFRA_PARTICIPANT_NOTES (sofra_participant_notes_new (self->store));
  gtk_box_append (self->content_box, GTK_WIDGET (self->notes));
  gtk_box_append (self->content_box, sofra_participant_erase_new (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  load (self);
}

static void
sofra_participant_page_dispose (GObject *object)
{
  SofraParticipantPage *self = SOFRA_PARTICIPANT_PAGE (object);

  if (self->autosave != NULL && self->store != NULL)
    sofra_autosave_flush (self->autosave);
  g_clear_pointer (&self->autosave, sofra_autosave_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_participant_page_parent_class)->dispose (object);
}

static void
sofra_participant_page_finalize (GObject *object)
{
  SofraParticipantPage *self = SOFRA_PARTICIPANT_PAGE (object);

  g_free (self->participant_id);

  G_OBJECT_CLASS (sofra_participant_page_parent_class)->finalize (object);
}

static void
sofra_participant_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SofraParticipantPage *self = SOFRA_PARTICIPANT_PAGE (object);

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
sofra_participant_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SofraParticipantPage *self = SOFRA_PARTICIPANT_PAGE (object);

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
sofra_participant_page_class_init (SofraParticipantPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_participant_page_constructed;
  object_class->dispose = sofra_participant_page_dispose;
  object_class->finalize = sofra_participant_page_finalize;
  object_class->get_property = sofra_participant_page_get_property;
  object_class->set_property = sofra_participant_page_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SOFRA_TYPE_DATE_BUTTON);
  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, SOFRA_GUI_RESOURCE_PATH
                                               "/sofra-participant-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SofraParticipantPage, name)
  BIND (content_box);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (error_revealer);
  BIND (error_label);
  BIND (name_row);
  BIND (code_label);
  BIND (gender_row);
  BIND (age_row);
  BIND (community_row);
  BIND (municipality_row);
  BIND (name_warning);
  BIND (organisation_row);
  BIND (role_row);
  BIND (phone_row);
  BIND (email_row);
  BIND (email_warning);
  BIND (withdraw_button);
  BIND (withdrawn_row);
  BIND (consent_date_button);
  BIND (name_recorded_switch);
  BIND (name_on_documents_switch);
  BIND (photos_switch);
  BIND (contact_switch);
  BIND (share_switch);
  BIND (sessions_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_session_activated_cb);

  gtk_widget_class_install_action (widget_class, "participant.withdraw-consent", NULL,
                                   withdraw_consent_action);
  gtk_widget_class_install_action (widget_class, "participant.renew-consent", NULL,
                                   renew_consent_action);
}

static void
sofra_participant_page_init (SofraParticipantPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->autosave = sofra_autosave_new (AUTOSAVE_DELAY_MS, autosave_cb, self);
  self->last_save_ok = TRUE;

  self->gender_dropdown = add_dropdown (self->gender_row, SOFRA_VOCAB_GENDER, self);
  self->age_dropdown = add_dropdown (self->age_row, SOFRA_VOCAB_AGE_GROUP, self);
  self->community_dropdown = add_dropdown (self->community_row, SOFRA_VOCAB_COMMUNITY, self);

  sofra_gui_list_box_set_placeholder_text (self->sessions_list,
                                           _ ("Not registered at any session yet"));
}

GtkWidget *
sofra_participant_page_new (SofraStore *store)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  return g_object_new (SOFRA_TYPE_PARTICIPANT_PAGE, "store", store, NULL);
}

void
sofra_participant_page_set_participant_id (SofraParticipantPage *self, const char *id)
{
  g_return_if_fail (SOFRA_IS_PARTICIPANT_PAGE (self));

  if (g_strcmp0 (self->participant_id, id) == 0)
    return;

  sofra_autosave_flush (self->autosave);
  sofra_autosave_cancel (self->autosave);
  g_free (self->participant_id);
  self->participant_id = g_strdup (id);
  self->last_save_ok = TRUE;
  show_error (self, NULL);
  load (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)))),
                            0);
}

const char *
sofra_participant_page_get_participant_id (SofraParticipantPage *self)
{
  g_return_val_if_fail (SOFRA_IS_PARTICIPANT_PAGE (self), NULL);

  return self->participant_id;
}

gboolean
sofra_participant_page_flush (SofraParticipantPage *self)
{
  g_return_val_if_fail (SOFRA_IS_PARTICIPANT_PAGE (self), FALSE);

  sofra_autosave_flush (self->autosave);
  return self->last_save_ok;
}

void
sofra_participant_page_focus_name (SofraParticipantPage *self)
{
  g_return_if_fail (SOFRA_IS_PARTICIPANT_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
