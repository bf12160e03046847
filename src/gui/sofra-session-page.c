/* sofra-session-page.c — every field of one session, saved as it is typed
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit queues a debounced save. A save reads the stored document, changes only the
 * fields this page shows, and writes it back, so fields a newer Sofra added survive. A value
 * that cannot be saved (an empty title, a malformed time) stays in its widget, marked, and the
 * stored value is kept until it is fixed.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "sofra-date-button.h"
#include "sofra-i18n.h"
#include "sofra-place-chooser.h"
#include "sofra-records.h"
#include "sofra-session-page-private.h"

#define AUTOSAVE_DELAY_MS 500

G_DEFINE_FINAL_TYPE (SofraSessionPage, sofra_session_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_SESSION_ID,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
sofra_session_page_remove_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static char *
text_or_null (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  g_strstrip (copy);
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static char *
buffer_text (GtkTextView *view)
{
  g_autofree char *text = sofra_gui_text_view_get_text (view);
  g_autofree char *stripped = NULL;

  /* Keep the text as typed, inner new lines included; only blank means unset. */
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static void
set_row_error (GtkWidget *row, gboolean error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
show_problems (SofraSessionPage *self, GString *problems)
{
  if (problems->len > 0)
    {
      gtk_label_set_label (self->error_label, problems->str);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
update_heading (SofraSessionPage *self)
{
  g_autofree char *title = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));

  if (title != NULL)
    sofra_gui_set_record_text (self->heading_label, "label", title);
  else
    gtk_label_set_label (self->heading_label, _ ("Untitled session"));
}

static void
update_changed_label (SofraSessionPage *self, JsonObject *doc)
{
  const char      *by = sofra_gui_doc_string (doc, "updated_by");
  const char      *at = sofra_gui_doc_string (doc, "updated_at");
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (at != NULL)
    {
      g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
      g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

      /* Translators: when a record was last changed; see g_date_time_format().
       * xgettext:no-c-format */
      when = local != NULL ? sofra_i18n_format_date_time (local, _ ("%-d %b %Y, %H:%M"))
                           : g_strdup (at);
    }

  if (when != NULL && by != NULL && *by != '\0')
    /* Translators: "Last changed 28 Nov 2026, 14:05 by Arta" */
    text = g_strdup_printf (_ ("Last changed %s by %s"), when, by);
  else if (when != NULL)
    text = g_strdup_printf (_ ("Last changed %s"), when);
  gtk_label_set_label (self->changed_label, text != NULL ? text : "");
}

static void
set_entry_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  set_row_error (GTK_WIDGET (row), FALSE);
}

static void
set_buffer_text (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
scroll_to_top (SofraSessionPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->prefs_page)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child))
        {
          GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));

          gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj));
        }
    }
}

/* Fills every widget from the stored session. */
static void
load_fields (SofraSessionPage *self, JsonObject *doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraSession) session = sofra_session_from_json (doc, &error);
  g_autofree char *facilitators = NULL;

  if (session == NULL)
    {
      g_autoptr (GString) problem = g_string_new (error->message);

      show_problems (self, problem);
      return;
    }

  self->loading = TRUE;

  set_entry_text (self->title_row, session->title);
  sofra_gui_vocab_dropdown_set_id (self->kind_dropdown, session->kind);
  sofra_gui_vocab_dropdown_set_id (self->status_dropdown, session->status);
  sofra_date_button_set_date (SOFRA_DATE_BUTTON (self->date_button), session->date);
  set_entry_text (self->start_row, session->start_time);
  set_entry_text (self->end_row, session->end_time);
  sofra_place_chooser_set_place_id (SOFRA_PLACE_CHOOSER (self->place_chooser), session->place_id);
  set_entry_text (self->venue_row, session->venue);
  gtk_switch_set_active (self->online_switch, session->online);

  facilitators = session->facilitators != NULL ? g_strjoinv (", ", session->facilitators) : NULL;
  set_entry_text (self->facilitators_row, facilitators);
  gtk_switch_set_active (self->interpretation_switch, session->interpretation);
  sofra_check_set_set_ids (self->languages, session->languages);
  sofra_check_set_set_ids (self->communities, session->communities);
  sofra_check_set_set_ids (self->topics, session->topics);

  set_buffer_text (self->summary_view, session->summary);
  set_buffer_text (self->key_points_view, session->key_points);
  set_buffer_text (self->agreements_view, session->agreements);
  set_buffer_text (self->incidents_view, session->incidents);
  sofra_session_page_rating_set (self->trust_before_dropdown, session->trust_before);
  sofra_session_page_rating_set (self->trust_after_dropdown, session->trust_after);
  sofra_session_page_headcount_load (self, session->headcount);

  g_free (self->saved_rev);
  self->saved_rev = g_strdup (session->meta.rev);
  update_heading (self);
  update_changed_label (self, doc);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_label_set_label (self->save_label, "");

  self->loading = FALSE;
}

static void
replace_string (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

static void
replace_strv (char ***field, char **value)
{
  g_strfreev (*field);
  *field = value;
}

/* Copies the widgets into @session; what cannot be saved is described in @problems and the
 * stored value is kept. */
static void
read_fields (SofraSessionPage *self, SofraSession *session, GString *problems)
{
  char       *title = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  const char *start_text = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (self->end_row));
  char       *start = sofra_session_page_normalise_time (start_text);
  char       *end = sofra_session_page_normalise_time (end_text);
  gboolean    bad_start = start == NULL && *start_text != '\0';
  gboolean    bad_end = end == NULL && *end_text != '\0';

  set_row_error (GTK_WIDGET (self->title_row), title == NULL);
  if (title != NULL)
    replace_string (&session->title, title);
  else
    g_string_append_printf (problems, "%s\n", _ ("The title must not be empty; it was not saved."));

  set_row_error (GTK_WIDGET (self->start_row), bad_start);
  set_row_error (GTK_WIDGET (self->end_row), bad_end);
  if (bad_start || bad_end)
    g_string_append_printf (problems, "%s\n",
                            _ ("Write times as hours and minutes, for example 09:30 or 14:00."));
  if (!bad_start)
    replace_string (&session->start_time, start);
  if (!bad_end)
    replace_string (&session->end_time, end);
  if (start != NULL && end != NULL && strcmp (end, start) < 0)
    g_string_append_printf (problems, "%s\n", _ ("The session ends before it starts."));

  replace_string (&session->kind, g_strdup (sofra_gui_vocab_dropdown_get_id (self->kind_dropdown)));
  replace_string (&session->status,
                  g_strdup (sofra_gui_vocab_dropdown_get_id (self->status_dropdown)));
  if (sofra_date_button_get_date (SOFRA_DATE_BUTTON (self->date_button)) != NULL)
    replace_string (&session->date,
                    g_strdup (sofra_date_button_get_date (SOFRA_DATE_BUTTON (self->date_button))));
  replace_string (&session->place_id, g_strdup (sofra_place_chooser_get_place_id (
                                        SOFRA_PLACE_CHOOSER (self->place_chooser))));
  replace_string (&session->venue,
                  text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->venue_row))));
  session->online = gtk_switch_get_active (self->online_switch);
  replace_strv (&session->facilitators, sofra_session_page_split_names (gtk_editable_get_text (
                                          GTK_EDITABLE (self->facilitators_row))));
  replace_strv (&session->languages, sofra_check_set_get_ids (self->languages));
  session->interpretation = gtk_switch_get_active (self->interpretation_switch);
  replace_strv (&session->communities, sofra_check_set_get_ids (self->communities));
  replace_strv (&session->topics, sofra_check_set_get_ids (self->topics));
  replace_string (&session->summary, buffer_text (self->summary_view));
  replace_string (&session->key_points, buffer_text (self->key_points_view));
  replace_string (&session->agreements, buffer_text (self->agreements_view));
  replace_string (&session->incidents, buffer_text (self->incidents_view));
  session->trust_before = sofra_session_page_rating_get (self->trust_before_dropdown);
  session->trust_after = sofra_session_page_rating_get (self->trust_after_dropdown);

  g_clear_pointer (&session->headcount, g_array_unref);
  session->headcount = sofra_session_page_headcount_read (self);

  if (problems->len > 0 && problems->str[problems->len - 1] == '\n')
    g_string_truncate (problems, problems->len - 1);
}

static void
save_cb (gpointer user_data)
{
  SofraSessionPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) stored = NULL;
  g_autoptr (SofraSession) session = NULL;
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  gboolean ok;

  if (self->session_id == NULL)
    return;

  stored = sofra_store_get (self->store, self->session_id, &error);
  if (stored != NULL)
    session = sofra_session_from_json (stored, &error);
  if (session == NULL)
    {
      g_string_append_printf (problems, _ ("Not saved: %s"), error->message);
      show_problems (self, problems);
      gtk_label_set_label (self->save_label, _ ("Not saved"));
      return;
    }

  read_fields (self, session, problems);
  doc = sofra_session_to_json (session);
  /* The store says "changed" before put() returns; that change is ours. */
  self->saving = TRUE;
  ok = sofra_store_put (self->store, doc, &error);
  self->saving = FALSE;
  if (!ok)
    {
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      g_string_append_printf (problems, _ ("Not saved: %s"), error->message);
      show_problems (self, problems);
      gtk_label_set_label (self->save_label, _ ("Not saved"));
      return;
    }

  g_free (self->saved_rev);
  self->saved_rev = g_strdup (json_object_get_string_member (doc, "_rev"));
  show_problems (self, problems);
  update_changed_label (self, doc);
  gtk_label_set_label (self->save_label, _ ("Saved"));
}

void
sofra_session_page_queue_save (SofraSessionPage *self)
{
  if (self->loading || self->session_id == NULL || self->autosave == NULL)
    return;

  gtk_label_set_label (self->save_label, _ ("Editing…"));
  sofra_autosave_queue (self->autosave);
}

static void
on_edit_cb (SofraSessionPage *self)
{
  sofra_session_page_queue_save (self);
}

static void
on_title_changed_cb (SofraSessionPage *self)
{
  update_heading (self);
  sofra_session_page_queue_save (self);
}

static gboolean
related_idle_cb (gpointer data)
{
  SofraSessionPage *self = data;

  self->related_idle_id = 0;
  sofra_session_page_people_reload (self);
  sofra_session_page_followups_reload (self);

  return G_SOURCE_REMOVE;
}

static void
queue_related_reload (SofraSessionPage *self)
{
  /* Rebuilt from an idle: the change may come from a widget inside one of the lists. */
  if (self->related_idle_id == 0)
    self->related_idle_id = g_idle_add (related_idle_cb, self);
}

static void
reload_session (SofraSessionPage *self)
{
  g_autoptr (JsonObject) doc = sofra_store_get (self->store, self->session_id, NULL);

  if (doc == NULL)
    {
      /* Deleted, here or by a sync: nothing left to save. */
      sofra_autosave_cancel (self->autosave);
      sofra_session_page_set_session_id (self, NULL);
      return;
    }
  if (g_strcmp0 (sofra_gui_doc_string (doc, "_rev"), self->saved_rev) == 0)
    return;
  /* Someone else changed it; typing in progress wins and is saved over it. */
  if (!sofra_autosave_is_pending (self->autosave))
    load_fields (self, doc);
}

static void
on_store_changed_cb (SofraStore *store, const char *id, const char *type, SofraSessionPage *self)
{
  if (self->session_id == NULL || self->autosave == NULL)
    return;

  if (!self->saving && (id == NULL || g_strcmp0 (id, self->session_id) == 0))
    reload_session (self);
  if (self->session_id != NULL &&
      (type == NULL || g_strcmp0 (type, SOFRA_TYPE_ATTENDANCE) == 0 ||
       g_strcmp0 (type, SOFRA_TYPE_NOTE) == 0 || g_strcmp0 (type, SOFRA_TYPE_FOLLOWUP) == 0 ||
       g_strcmp0 (type, SOFRA_TYPE_PARTICIPANT) == 0))
    queue_related_reload (self);
}

static void
on_unmap_cb (SofraSessionPage *self)
{
  if (self->autosave != NULL)
    sofra_autosave_flush (self->autosave);
}

static void
connect_edit (gpointer instance, const char *signal, gpointer self)
{
  g_signal_connect_swapped (instance, signal, G_CALLBACK (on_edit_cb), self);
}

static GtkDropDown *
add_vocab_suffix (AdwActionRow *row, SofraVocab vocab)
{
  GtkWidget *dropdown = sofra_gui_vocab_dropdown_new (vocab, FALSE);

  adw_action_row_add_suffix (row, dropdown);
  adw_action_row_set_activatable_widget (row, dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static void
add_check_set (AdwPreferencesGroup *group, SofraCheckSet *set)
{
  adw_preferences_group_add (group, sofra_check_set_get_widget (set));
}

static void
sofra_session_page_constructed (GObject *object)
{
  SofraSessionPage *self = SOFRA_SESSION_PAGE (object);

  G_OBJECT_CLASS (sofra_session_page_parent_class)->constructed (object);

  g_assert (SOFRA_IS_STORE (self->store));

  self->kind_dropdown = add_vocab_suffix (self->kind_row, SOFRA_VOCAB_SESSION_KIND);
  self->status_dropdown = add_vocab_suffix (self->status_row, SOFRA_VOCAB_SESSION_STATUS);

  self->date_button = sofra_date_button_new ();
  /* A session always has a date. */
  sofra_date_button_set_allow_clear (SOFRA_DATE_BUTTON (self->date_button), FALSE);
  adw_action_row_add_suffix (self->date_row, self->date_button);
  self->place_chooser = sofra_place_chooser_new (self->store);
  adw_action_row_add_suffix (self->place_row, self->place_chooser);

  self->languages = sofra_check_set_new (SOFRA_VOCAB_LANGUAGE, self);
  self->communities = sofra_check_set_new (SOFRA_VOCAB_COMMUNITY, self);
  self->topics = sofra_check_set_new (SOFRA_VOCAB_TOPIC, self);
  add_check_set (self->languages_group, self->languages);
  add_check_set (self->communities_group, self->communities);
  add_check_set (self->topics_group, self->topics);

  self->trust_before_dropdown = sofra_session_page_rating_new ();
  self->trust_after_dropdown = sofra_session_page_rating_new ();
  adw_action_row_add_suffix (self->trust_before_row, GTK_WIDGET (self->trust_before_dropdown));
  adw_action_row_add_suffix (self->trust_after_row, GTK_WIDGET (self->trust_after_dropdown));

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (on_title_changed_cb), self);
  connect_edit (self->start_row, "changed", self);
  connect_edit (self->end_row, "changed", self);
  connect_edit (self->venue_row, "changed", self);
  connect_edit (self->facilitators_row, "changed", self);
  connect_edit (self->kind_dropdown, "notify::selected", self);
  connect_edit (self->status_dropdown, "notify::selected", self);
  connect_edit (self->date_button, "notify::date", self);
  connect_edit (self->place_chooser, "notify::place-id", self);
  connect_edit (self->online_switch, "notify::active", self);
  connect_edit (self->interpretation_switch, "notify::active", self);
  connect_edit (self->trust_before_dropdown, "notify::selected", self);
  connect_edit (self->trust_after_dropdown, "notify::selected", self);
  connect_edit (gtk_text_view_get_buffer (self->summary_view), "changed", self);
  connect_edit (gtk_text_view_get_buffer (self->key_points_view), "changed", self);
  connect_edit (gtk_text_view_get_buffer (self->agreements_view), "changed", self);
  connect_edit (gtk_text_view_get_buffer (self->incidents_view), "changed", self);
  g_signal_connect_swapped (self->add_headcount_button, "clicked",
                            G_CALLBACK (sofra_session_page_headcount_add), self);
  g_signal_connect_swapped (self, "unmap", G_CALLBACK (on_unmap_cb), self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);

  sofra_session_page_people_init (self);
  sofra_session_page_notes_init (self);
  sofra_session_page_followups_init (self);
}

static void
sofra_session_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraSessionPage *self = SOFRA_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SESSION_ID:
      g_value_set_string (value, self->session_id);
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, gtk_widget_get_visible (self->back_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_session_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SofraSessionPage *self = SOFRA_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SESSION_ID:
      sofra_session_page_set_session_id (self, g_value_get_string (value));
      break;
    case PROP_SHOW_BACK_BUTTON:
      if (gtk_widget_get_visible (self->back_button) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->back_button, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_session_page_dispose (GObject *object)
{
  SofraSessionPage *self = SOFRA_SESSION_PAGE (object);

  /* Save what was typed, then stop: nothing queues a save on a page being taken apart. */
  g_clear_pointer (&self->autosave, sofra_autosave_free);
  g_clear_handle_id (&self->related_idle_id, g_source_remove);

  /* AdwBin unparents its child itself; take it away first so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOFRA_TYPE_SESSION_PAGE);

  g_clear_object (&self->note_participant_names);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sofra_session_page_parent_class)->dispose (object);
}

static void
sofra_session_page_finalize (GObject *object)
{
  SofraSessionPage *self = SOFRA_SESSION_PAGE (object);

  g_clear_pointer (&self->languages, sofra_check_set_free);
  g_clear_pointer (&self->communities, sofra_check_set_free);
  g_clear_pointer (&self->topics, sofra_check_set_free);
  g_clear_pointer (&self->note_participant_ids, g_ptr_array_unref);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->saved_rev, g_free);
  g_clear_pointer (&self->mirrored_name, g_free);

  G_OBJECT_CLASS (sofra_session_page_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SofraSessionPage, name)

static void
sofra_session_page_class_init (SofraSessionPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_session_page_constructed;
  object_class->get_property = sofra_session_page_get_property;
  object_class->set_property = sofra_session_page_set_property;
  object_class->dispose = sofra_session_page_dispose;
  object_class->finalize = sofra_session_page_finalize;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION_ID] = g_param_spec_string ("session-id", NULL, NULL, NULL,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SOFRA_GUI_RESOURCE_PATH "/sofra-session-page.ui");
  BIND (back_button);
  BIND (heading_label);
  BIND (save_label);
  BIND (error_revealer);
  BIND (error_label);
  BIND (prefs_page);
  BIND (title_row);
  BIND (kind_row);
  BIND (status_row);
  BIND (date_row);
  BIND (start_row);
  BIND (end_row);
  BIND (place_row);
  BIND (venue_row);
  BIND (online_switch);
  BIND (facilitators_row);
  BIND (interpretation_switch);
  BIND (languages_group);
  BIND (communities_group);
  BIND (topics_group);
  BIND (attendance_group);
  BIND (add_participant_button);
  BIND (attendance_list);
  BIND (headcount_group);
  BIND (add_headcount_button);
  BIND (headcount_list);
  BIND (summary_view);
  BIND (key_points_view);
  BIND (agreements_view);
  BIND (incidents_view);
  BIND (trust_before_row);
  BIND (trust_after_row);
  BIND (add_note_button);
  BIND (notes_list);
  BIND (add_followup_button);
  BIND (followups_list);
  BIND (changed_label);
}

#undef BIND

static void
sofra_session_page_init (SofraSessionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->autosave = sofra_autosave_new (AUTOSAVE_DELAY_MS, save_cb, self);

  for (GtkTextView **view = (GtkTextView *[]){ self->summary_view, self->key_points_view,
                                               self->agreements_view, self->incidents_view, NULL };
       *view != NULL; view++)
    {
      gtk_text_view_set_wrap_mode (*view, GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (*view, FALSE);
      gtk_text_view_set_top_margin (*view, 10);
      gtk_text_view_set_bottom_margin (*view, 10);
      gtk_text_view_set_left_margin (*view, 12);
      gtk_text_view_set_right_margin (*view, 12);
    }
}

void
sofra_session_page_set_session_id (SofraSessionPage *self, const char *id)
{
  g_autoptr (JsonObject) doc = NULL;

  g_return_if_fail (SOFRA_IS_SESSION_PAGE (self));

  if (id != NULL && g_strcmp0 (id, self->session_id) == 0)
    return;

  if (self->autosave == NULL)
    return;
  /* Whatever was typed into the session shown so far is saved before another one loads. */
  sofra_autosave_flush (self->autosave);

  if (id != NULL)
    {
      g_autoptr (GError) error = NULL;

      doc = sofra_store_get (self->store, id, &error);
      if (doc == NULL)
        {
          g_debug ("Cannot show %s: %s", id, error->message);
          id = NULL;
        }
    }
  if (id == NULL && self->session_id == NULL)
    return;

  g_free (self->session_id);
  self->session_id = g_strdup (id);
  g_clear_pointer (&self->saved_rev, g_free);

  if (doc != NULL)
    {
      load_fields (self, doc);
      scroll_to_top (self);
    }
  sofra_session_page_people_reload (self);
  sofra_session_page_followups_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

const char *
sofra_session_page_get_session_id (SofraSessionPage *self)
{
  g_return_val_if_fail (SOFRA_IS_SESSION_PAGE (self), NULL);

  return self->session_id;
}

void
sofra_session_page_flush (SofraSessionPage *self)
{
  g_return_if_fail (SOFRA_IS_SESSION_PAGE (self));

  if (self->autosave != NULL)
    sofra_autosave_flush (self->autosave);
}

void
sofra_session_page_focus_title (SofraSessionPage *self)
{
  g_return_if_fail (SOFRA_IS_SESSION_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}
