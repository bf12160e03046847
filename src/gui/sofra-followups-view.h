/* sofra-followups-view.h — open follow-ups beside the editor of the selected one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_FOLLOWUPS_VIEW (sofra_followups_view_get_type ())
G_DECLARE_FINAL_TYPE (SofraFollowupsView, sofra_followups_view, SOFRA, FOLLOWUPS_VIEW, AdwBin)

GtkWidget *sofra_followups_view_new (SofraStore *store, GSettings *settings);
/* Shows the follow-up @id in the editor (and in the list, showing done ones if it is done). */
void sofra_followups_view_show (SofraFollowupsView *self, const char *id);
/* The id of the follow-up in the editor, or NULL. */
const char *sofra_followups_view_get_followup_id (SofraFollowupsView *self);
/* Whether done and dropped follow-ups are listed too. */
void sofra_followups_view_set_show_done (SofraFollowupsView *self, gboolean show_done);
/* Writes pending edits now. */
void sofra_followups_view_flush (SofraFollowupsView *self);

G_END_DECLS
