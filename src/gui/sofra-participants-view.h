/* sofra-participants-view.h — the list of participants beside the page of the selected one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_PARTICIPANTS_VIEW (sofra_participants_view_get_type ())
G_DECLARE_FINAL_TYPE (SofraParticipantsView,
                      sofra_participants_view,
                      SOFRA,
                      PARTICIPANTS_VIEW,
                      AdwBin)

GtkWidget *sofra_participants_view_new (SofraStore *store, GSettings *settings);
/* Shows participant @id on the page and selects it in the list. */
void sofra_participants_view_show_participant (SofraParticipantsView *self, const char *id);
/* The id of the participant on the page, or NULL. */
const char *sofra_participants_view_get_participant_id (SofraParticipantsView *self);
/* Filters the list by name, code, organisation and municipality; NULL or "" shows all. */
void sofra_participants_view_set_filter (SofraParticipantsView *self, const char *text);
/* Writes pending edits now. */
void sofra_participants_view_flush (SofraParticipantsView *self);

G_END_DECLS
