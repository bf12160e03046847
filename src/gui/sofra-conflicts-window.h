/* sofra-conflicts-window.h — the records in conflict after sync, and their merge
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-conflict-merge.h"
#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_CONFLICTS_WINDOW (sofra_conflicts_window_get_type ())
G_DECLARE_FINAL_TYPE (SofraConflictsWindow,
                      sofra_conflicts_window,
                      SOFRA,
                      CONFLICTS_WINDOW,
                      AdwWindow)

/* A window over @store's records in conflict, transient for @parent (may be NULL); the first
 * record is shown. */
GtkWidget *sofra_conflicts_window_new (GtkWindow *parent, SofraStore *store);
/* Shows record @id when it is in conflict. */
void sofra_conflicts_window_show_record (SofraConflictsWindow *self, const char *id);
/* How many records are listed. */
guint sofra_conflicts_window_get_n_records (SofraConflictsWindow *self);
/* The merge of the shown record. */
SofraConflictMerge *sofra_conflicts_window_get_merge (SofraConflictsWindow *self);

G_END_DECLS
