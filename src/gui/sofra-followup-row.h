/* sofra-followup-row.h — one follow-up in the list: what, who, when, and a one-click "Done"
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-doc-list.h"
#include "sofra-store.h"

G_BEGIN_DECLS

/* The follow-up status ids the views act on (SOFRA_VOCAB_FOLLOWUP_STATUS). */
#define SOFRA_FOLLOWUP_STATUS_OPEN        "open"
#define SOFRA_FOLLOWUP_STATUS_IN_PROGRESS "in_progress"
#define SOFRA_FOLLOWUP_STATUS_DONE        "done"
#define SOFRA_FOLLOWUP_STATUS_DROPPED     "dropped"

#define SOFRA_TYPE_FOLLOWUP_ROW (sofra_followup_row_get_type ())
G_DECLARE_FINAL_TYPE (SofraFollowupRow, sofra_followup_row, SOFRA, FOLLOWUP_ROW, GtkWidget)

GtkWidget    *sofra_followup_row_new (SofraStore *store);
SofraDocItem *sofra_followup_row_get_item (SofraFollowupRow *self);
void          sofra_followup_row_set_item (SofraFollowupRow *self, SofraDocItem *item);
/* The id of the follow-up shown, or NULL. */
const char *sofra_followup_row_get_id (SofraFollowupRow *self);
gboolean    sofra_followup_row_get_overdue (SofraFollowupRow *self);

/* Sets the status of follow-up @id and saves it: "done" is dated today, any other status has
 * no completion date. */
gboolean
sofra_followup_set_status (SofraStore *store, const char *id, const char *status, GError **error);

G_END_DECLS
