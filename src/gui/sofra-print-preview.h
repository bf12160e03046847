/* sofra-print-preview.h — the pages of a report on screen, before they go to the printer
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sofra's own preview for GtkPrintOperation's "preview" signal, so that Preview works without
 * a previewer program installed. It takes the report and draws its pages with the very
 * renderer that prints them.
 */
#pragma once

#include <adwaita.h>

#include "sofra-report.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_PRINT_PREVIEW (sofra_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (SofraPrintPreview, sofra_print_preview, SOFRA, PRINT_PREVIEW, AdwWindow)

/* Takes @report; lays it out on pages of @width × @height points. Closing the window ends the
 * preview (@preview may be NULL when there is no print operation). */
GtkWidget *sofra_print_preview_new (SofraReport              *report,
                                    double                    width,
                                    double                    height,
                                    GtkPrintOperationPreview *preview);
int        sofra_print_preview_get_n_pages (SofraPrintPreview *self);

G_END_DECLS
