/* sofra-followup-editor.h — every field of one follow-up, saved as it is typed
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_FOLLOWUP_EDITOR (sofra_followup_editor_get_type ())
G_DECLARE_FINAL_TYPE (SofraFollowupEditor, sofra_followup_editor, SOFRA, FOLLOWUP_EDITOR, AdwBin)

GtkWidget *sofra_followup_editor_new (SofraStore *store);
/* Loads the follow-up @id (flushing the one shown before); NULL clears the editor. */
void sofra_followup_editor_set_followup_id (SofraFollowupEditor *self, const char *id);
/* The id of the follow-up shown; NULL for a new one not yet saved ("followup-id" notifies). */
const char *sofra_followup_editor_get_followup_id (SofraFollowupEditor *self);
/* Shows an empty new follow-up; it is written to the store once "what" is filled in. */
void     sofra_followup_editor_new_draft (SofraFollowupEditor *self, const char *owner);
gboolean sofra_followup_editor_is_draft (SofraFollowupEditor *self);
/* Writes pending edits now; FALSE when they could not be saved (the editor shows why). */
gboolean sofra_followup_editor_flush (SofraFollowupEditor *self);
/* Moves the keyboard focus to "What is to be done". */
void sofra_followup_editor_focus_what (SofraFollowupEditor *self);

G_END_DECLS
