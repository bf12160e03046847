/* sofra-participant-notes.h — the dated notes about one participant, and a form to add one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_PARTICIPANT_NOTES (sofra_participant_notes_get_type ())
G_DECLARE_FINAL_TYPE (SofraParticipantNotes,
                      sofra_participant_notes,
                      SOFRA,
                      PARTICIPANT_NOTES,
                      AdwBin)

GtkWidget *sofra_participant_notes_new (SofraStore *store);
/* Lists the notes of participant @id (NULL: none) and closes the form. */
void sofra_participant_notes_set_participant_id (SofraParticipantNotes *self, const char *id);
/* Adds a note written now; @session_id may be NULL. Returns the new note's id. */
char *sofra_participant_notes_add (SofraParticipantNotes *self,
                                   const char            *date,
                                   const char            *text,
                                   const char            *visibility,
                                   const char            *session_id,
                                   GError               **error);

G_END_DECLS
