/* sofra-session-page-private.h — what the files of SofraSessionPage share
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sofra-session-page.c holds the session's own fields and the autosave;
 * sofra-session-page-fields.c the composite fields (check sets, head-count, ratings);
 * sofra-session-page-people.c the attendance and quick add;
 * sofra-session-page-notes.c the notes about participants;
 * sofra-session-page-followups.c the follow-ups of the session.
 */
#pragma once

#include "sofra-gui-util.h"
#include "sofra-session-page.h"

G_BEGIN_DECLS

/* Check buttons over a vocabulary, in a flow box. */
typedef struct _SofraCheckSet SofraCheckSet;

struct _SofraSessionPage
{
  AdwBin parent_instance;

  SofraStore    *store;
  GSettings     *settings;
  char          *session_id;
  char          *saved_rev; /* the _rev of our own last write */
  SofraAutosave *autosave;
  gboolean       loading; /* widgets are being filled: changes are not edits */
  gboolean       saving;  /* our own write is in progress: its "changed" is not news */
  guint          related_idle_id;

  /* template children */
  GtkWidget           *back_button;
  GtkLabel            *heading_label;
  GtkLabel            *save_label;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesPage  *prefs_page;
  AdwEntryRow         *title_row;
  AdwActionRow        *kind_row;
  AdwActionRow        *status_row;
  AdwActionRow        *date_row;
  AdwEntryRow         *start_row;
  AdwEntryRow         *end_row;
  AdwActionRow        *place_row;
  AdwEntryRow         *venue_row;
  GtkSwitch           *online_switch;
  AdwEntryRow         *facilitators_row;
  GtkSwitch           *interpretation_switch;
  AdwPreferencesGroup *languages_group;
  AdwPreferencesGroup *communities_group;
  AdwPreferencesGroup *topics_group;
  AdwPreferencesGroup *attendance_group;
  GtkMenuButton       *add_participant_button;
  GtkListBox          *attendance_list;
  AdwPreferencesGroup *headcount_group;
  GtkWidget           *add_headcount_button;
  GtkListBox          *headcount_list;
  GtkTextView         *summary_view;
  GtkTextView         *key_points_view;
  GtkTextView         *agreements_view;
  GtkTextView         *incidents_view;
  AdwActionRow        *trust_before_row;
  AdwActionRow        *trust_after_row;
  GtkMenuButton       *add_note_button;
  GtkListBox          *notes_list;
  GtkMenuButton       *add_followup_button;
  GtkListBox          *followups_list;
  GtkLabel            *changed_label;

  /* built in code */
  GtkDropDown   *kind_dropdown;
  GtkDropDown   *status_dropdown;
  GtkWidget     *date_button;
  GtkWidget     *place_chooser;
  GtkDropDown   *trust_before_dropdown;
  GtkDropDown   *trust_after_dropdown;
  SofraCheckSet *languages;
  SofraCheckSet *communities;
  SofraCheckSet *topics;

  /* people: the add-participant popover */
  GtkWidget   *participant_search;
  GtkListBox  *participant_results;
  GtkWidget   *quick_name;
  GtkDropDown *quick_gender;
  GtkDropDown *quick_community;
  GtkWidget   *quick_consent;
  GtkWidget   *quick_add_button;
  GtkLabel    *quick_error;
  char        *mirrored_name; /* what the search put into the quick-add name */

  /* people: the add-note popover */
  GtkDropDown   *note_participant;
  GtkStringList *note_participant_names;
  GPtrArray     *note_participant_ids;
  GtkTextView   *note_text;
  GtkWidget     *note_private;
  GtkWidget     *note_add_button;
  GtkLabel      *note_error;

  /* follow-ups: the add popover */
  GtkWidget   *followup_what;
  GtkWidget   *followup_owner;
  GtkWidget   *followup_due;
  GtkDropDown *followup_priority;
  GtkWidget   *followup_add_button;
  GtkLabel    *followup_error;
};

/* Called by every widget whose change is an edit of the session. */
void sofra_session_page_queue_save (SofraSessionPage *self);

/* sofra-session-page-fields.c */
SofraCheckSet *sofra_check_set_new (SofraVocab vocab, SofraSessionPage *page);
void           sofra_check_set_free (SofraCheckSet *set);
GtkWidget     *sofra_check_set_get_widget (SofraCheckSet *set);
void           sofra_check_set_set_ids (SofraCheckSet *set, char *const *ids);
/* The checked ids in vocabulary order, then ids this version does not know (kept). */
char **sofra_check_set_get_ids (SofraCheckSet *set);

/* "9:30", "09:30" and "0930" are all "09:30"; NULL for anything else. */
char *sofra_session_page_normalise_time (const char *text);
/* "Arta, Milan ,, Vesa" is { "Arta", "Milan", "Vesa" }. */
char **sofra_session_page_split_names (const char *text);

GtkDropDown *sofra_session_page_rating_new (void);
void         sofra_session_page_rating_set (GtkDropDown *dropdown, int rating);
int          sofra_session_page_rating_get (GtkDropDown *dropdown);

void sofra_session_page_headcount_load (SofraSessionPage *self, GArray *headcount);
/* A new GArray of SofraHeadcount from the rows (rows with a count of 0 are left out). */
GArray *sofra_session_page_headcount_read (SofraSessionPage *self);
void    sofra_session_page_headcount_add (SofraSessionPage *self);

/* sofra-session-page-people.c: one participant of the session, for the lists */
typedef struct
{
  char       *label; /* the name, or the code when no name is recorded */
  char       *participant_id;
  JsonObject *attendance;
  JsonObject *participant; /* NULL when the participant was erased */
} Attendee;

char      *sofra_session_page_escape (const char *text);
char      *sofra_session_page_participant_label (JsonObject *doc);
GtkWidget *sofra_session_page_placeholder_new (const char *text);
GtkWidget *sofra_session_page_labelled (const char *mnemonic, GtkWidget *widget);
GtkLabel  *sofra_session_page_error_label_new (void);
/* Deletes @id and offers Undo in a toast. */
void
sofra_session_page_delete_with_undo (SofraSessionPage *self, const char *id, const char *message);

void sofra_session_page_people_init (SofraSessionPage *self);
void sofra_session_page_people_reload (SofraSessionPage *self);
/* Creates a participant (and attendance at this session); the quick-add form in code. */
gboolean sofra_session_page_quick_add (SofraSessionPage *self,
                                       const char       *name,
                                       const char       *gender,
                                       const char       *community,
                                       gboolean          name_on_documents,
                                       GError          **error);

/* sofra-session-page-notes.c; @attendees holds Attendee */
void sofra_session_page_notes_init (SofraSessionPage *self);
void sofra_session_page_notes_reload (SofraSessionPage *self, GPtrArray *attendees);

/* sofra-session-page-followups.c */
void     sofra_session_page_followups_init (SofraSessionPage *self);
void     sofra_session_page_followups_reload (SofraSessionPage *self);
gboolean sofra_session_page_add_followup (SofraSessionPage *self,
                                          const char       *what,
                                          const char       *owner,
                                          const char       *due_date,
                                          const char       *priority,
                                          GError          **error);

/* A flat trash-can button for the end of a list row; the caller connects "clicked". */
GtkWidget *sofra_session_page_remove_button (const char *tooltip);

G_END_DECLS
