/* sofra-print-dialog.h — choose a period and its sessions, then print or export them as one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its buttons activate print.print-ids and print.export-ids (sofra-window-print.h) on the
 * window it is transient for, with the period and the chosen sessions.
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_PRINT_DIALOG (sofra_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SofraPrintDialog, sofra_print_dialog, SOFRA, PRINT_DIALOG, AdwWindow)

/* Opens on the month of @session_id (may be NULL: this month). */
GtkWidget *sofra_print_dialog_new (SofraStore *store, const char *session_id);
/* The period shown and the ids of the sessions ticked, oldest first. */
void  sofra_print_dialog_set_period (SofraPrintDialog *self, const char *from, const char *to);
GStrv sofra_print_dialog_get_chosen (SofraPrintDialog *self);

/* The sessions from @from to @to (YYYY-MM-DD, inclusive), oldest first: their ids. */
GStrv sofra_print_dialog_find_sessions (SofraStore *store, const char *from, const char *to);
guint sofra_print_dialog_count_sessions (SofraStore *store, const char *from, const char *to);

G_END_DECLS
