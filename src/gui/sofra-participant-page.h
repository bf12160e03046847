/* sofra-participant-page.h — every field of one participant, saved as it is typed
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_PARTICIPANT_PAGE (sofra_participant_page_get_type ())
G_DECLARE_FINAL_TYPE (SofraParticipantPage, sofra_participant_page, SOFRA, PARTICIPANT_PAGE, AdwBin)

GtkWidget *sofra_participant_page_new (SofraStore *store);
/* Loads participant @id (flushing the one shown before); NULL clears the page. */
void        sofra_participant_page_set_participant_id (SofraParticipantPage *self, const char *id);
const char *sofra_participant_page_get_participant_id (SofraParticipantPage *self);
/* Writes pending edits now; FALSE when they could not be saved (the page shows why). */
gboolean sofra_participant_page_flush (SofraParticipantPage *self);
/* Moves the keyboard focus to the name. */
void sofra_participant_page_focus_name (SofraParticipantPage *self);

G_END_DECLS
