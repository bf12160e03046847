/* sofra-window-print.h — Print (Ctrl+P), Export PDF… and Print Several Sessions… in the window
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actions live in the action group "print" on the window:
 *   print.session       print the session shown (Ctrl+P)
 *   print.export        export the session shown as PDF (Shift+Ctrl+E)
 *   print.several       choose a period and its sessions, then print or export them as one
 *   print.print-ids     (ssas) from, to, session ids: print them as one document
 *   print.export-ids    (ssas) likewise, to a PDF file
 * From and to are the period the sessions were chosen from ("" when none): when every
 * session of the period is chosen, the document is titled by the period.
 */
#pragma once

#include <adwaita.h>

#include "sofra-report.h"
#include "sofra-sessions-view.h"
#include "sofra-window.h"

G_BEGIN_DECLS

void sofra_window_print_setup (SofraWindow *window, SofraSessionsView *sessions);

/* The print operation for @ids (NULL-terminated), with the "Document" tab for the language
 * and bilingual labels. Runs @action; with GTK_PRINT_OPERATION_ACTION_EXPORT it writes
 * @export_filename (tests). */
GtkPrintOperationResult sofra_window_print_run (SofraWindow            *window,
                                                const char *const      *ids,
                                                const char             *from,
                                                const char             *to,
                                                GtkPrintOperationAction action,
                                                const char             *export_filename,
                                                GError                **error);

/* The printer and settings the next print starts from; by default the last print's. */
void sofra_window_print_set_print_settings (SofraWindow *window, GtkPrintSettings *settings);

G_END_DECLS
