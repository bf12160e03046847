/* sofra-report.h — session summaries and period documents, drawn on any cairo context
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SofraReport is built from the store once (a consent-aware view: names only where the
 * participant consented to appear on documents, never a private note, never a group of fewer
 * than five people as a number), then laid out for a page size and drawn page by page: on a
 * GtkPrintContext's cairo context when printing, on a PDF surface for export, on an image
 * surface in tests. Units are points (1/72 inch).
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sofra-store.h"
#include "sofra-translit.h"

G_BEGIN_DECLS

#define SOFRA_REPORT_ERROR (sofra_report_error_quark ())

typedef enum
{
  SOFRA_REPORT_ERROR_NOT_FOUND, /* a session id that is not in the store */
  SOFRA_REPORT_ERROR_INVALID,   /* a malformed date or an empty choice of sessions */
  SOFRA_REPORT_ERROR_WRITE,     /* the file could not be written */
} SofraReportError;

typedef enum
{
  SOFRA_PAPER_A4,
  SOFRA_PAPER_LETTER,
} SofraPaper;

typedef struct
{
  const char *language;     /* "sq", "sr", "sr@latin", "en"; NULL: the interface language */
  gboolean    bilingual;    /* Albanian and Serbian labels side by side, for sessions where
                             * both communities were present */
  SofraScript script;       /* Serbian text of the records (titles, names, notes of the day) */
  const char *organisation; /* printed in the header; NULL or "" for none */
  const char *printed_on;   /* YYYY-MM-DD in the footer; NULL: today */
} SofraReportOptions;

typedef struct _SofraReport SofraReport;

GQuark sofra_report_error_quark (void);

/* "a4" or "letter" (the GSettings key "paper-size"); anything else is A4. */
SofraPaper sofra_paper_from_string (const char *name);
void       sofra_paper_get_size (SofraPaper paper, double *width, double *height);

/* The summary of each of @session_ids (NULL-terminated, at least one), in that order; with
 * more than one, an overview comes first. An unknown id is SOFRA_REPORT_ERROR_NOT_FOUND. */
SofraReport *sofra_report_new_sessions (SofraStore               *store,
                                        const char *const        *session_ids,
                                        const SofraReportOptions *options,
                                        GError                  **error);
/* Every session from @from to @to (YYYY-MM-DD, inclusive), oldest first, after an overview
 * of the period. A period without sessions gives a document that says so. */
SofraReport *sofra_report_new_period (SofraStore               *store,
                                      const char               *from,
                                      const char               *to,
                                      const SofraReportOptions *options,
                                      GError                  **error);
void         sofra_report_free (SofraReport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SofraReport, sofra_report_free)

/* The number of sessions in the document. */
guint sofra_report_get_n_sessions (SofraReport *self);

/* Lays the document out on pages of @width × @height points with @context (from
 * pango_cairo_create_context() or gtk_print_context_create_pango_context()); returns the
 * number of pages. May be called again for another size. */
int sofra_report_paginate (SofraReport *self, PangoContext *context, double width, double height);
/* Draws page @page (from 0) of the last pagination onto @cr, whose origin is the top left
 * corner of the sheet. */
void sofra_report_draw_page (SofraReport *self, cairo_t *cr, int page);

/* Writes the whole document as a PDF with embedded fonts. The file appears complete or not at
 * all: it is written beside @path under a temporary name and renamed. */
gboolean
sofra_report_write_pdf (SofraReport *self, const char *path, SofraPaper paper, GError **error);

/* Whether the session document @doc lists both the Albanian and the Serbian community: the
 * sessions bilingual labels are meant for. */
gboolean sofra_report_session_has_both_communities (JsonObject *doc);

/* A Pango context set up as the renderer wants it on @cr (no hinting of metrics, so print,
 * PDF and image lay out alike). */
PangoContext *sofra_report_create_context (cairo_t *cr);

G_END_DECLS
