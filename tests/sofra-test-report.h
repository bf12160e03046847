/* sofra-test-report.h — builders and poppler readers shared by the report tests
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sofra-report.h"
#include "sofra-store.h"

G_BEGIN_DECLS

/* English labels (the source strings), as typed, "Sofra test", printed on 2026-11-28. */
extern const SofraReportOptions sofra_test_report_english;

/* Writes @doc through the store's write path; returns its new id. */
char *sofra_test_report_put (SofraStore *store, JsonObject *doc);
/* A participant who consented to have the name recorded, and to documents when
 * @on_documents; returns the id. */
char *sofra_test_report_add_participant (SofraStore *store,
                                         const char *name,
                                         const char *code,
                                         const char *community,
                                         const char *gender,
                                         gboolean    on_documents,
                                         const char *organisation);
void  sofra_test_report_attend (SofraStore *store,
                                const char *session_id,
                                const char *participant_id,
                                const char *role);
/* A held roundtable in Mitrovicë e Jugut with both communities, both languages and
 * interpretation, facilitators in both scripts; returns the id. */
char *sofra_test_report_add_session (SofraStore *store,
                                     const char *title,
                                     const char *date,
                                     const char *summary);
/* A new store in the test case's directory, with the gazetteer. */
SofraStore *sofra_test_report_open_store (void);
/* Runs @argv (searched in PATH), fails the test unless it succeeds; returns its output. */
char *sofra_test_report_run (const char *const *argv);
/* The text of @pdf as laid out on the page: page @page (from 1), or all for 0. */
char *sofra_test_report_pdf_text (const char *pdf, int page);
int   sofra_test_report_pdf_pages (const char *pdf);
/* Writes @report to @name in the test case's directory; returns the path. */
char *sofra_test_report_write_pdf (SofraReport *report, const char *name, SofraPaper paper);
/* Saves the pages of @pdf as PNG in report-pages/ under the build directory. */
void sofra_test_report_save_pages (const char *pdf, const char *prefix);

G_END_DECLS
