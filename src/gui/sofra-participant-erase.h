/* sofra-participant-erase.h — "Erase…" on the participant page: erasure on the person's request
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_PARTICIPANT_ERASE (sofra_participant_erase_get_type ())
G_DECLARE_FINAL_TYPE (SofraParticipantErase,
                      sofra_participant_erase,
                      SOFRA,
                      PARTICIPANT_ERASE,
                      AdwPreferencesGroup)

/* A group with the "Erase…" button, for the participant page: it erases the participant the
 * page around it shows, after a confirmation. */
GtkWidget *sofra_participant_erase_new (SofraStore *store);

/* Asks whether to erase @participant_id, and erases it (sofra_store_erase_participant()) when
 * the person confirms. The dialog is transient for the window holding @parent. */
void
sofra_participant_erase_confirm (GtkWidget *parent, SofraStore *store, const char *participant_id);

G_END_DECLS
