/* sofra-report-private.h — what the report's builder, layout and output share
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The builder turns records into a flat list of blocks (paragraphs, table rows, page breaks)
 * whose text is final: translated, transliterated, consent applied. The layout cuts blocks
 * into units that are never split (a line of a paragraph, a whole table row), places them on
 * pages and draws them.
 */
#pragma once

#include "sofra-render-labels.h"
#include "sofra-report.h"

G_BEGIN_DECLS

typedef enum
{
  SOFRA_BLOCK_TEXT,       /* a paragraph; flows across pages line by line */
  SOFRA_BLOCK_ROW,        /* a table row; never cut */
  SOFRA_BLOCK_PAGE_BREAK, /* the next block starts a new page */
} SofraBlockKind;

typedef enum
{
  SOFRA_STYLE_BODY,
  SOFRA_STYLE_DOCUMENT_TITLE, /* the title of a document of several sessions */
  SOFRA_STYLE_TITLE,          /* a session's title */
  SOFRA_STYLE_KICKER,         /* the small line above a title: organisation, office */
  SOFRA_STYLE_HEADING,        /* a section */
  SOFRA_STYLE_NOTE,           /* small grey text under a table */
} SofraTextStyle;

typedef enum
{
  SOFRA_ROW_META, /* label and value, no rules */
  SOFRA_ROW_HEAD, /* a table's header, shaded; repeated when the table goes on to a new page */
  SOFRA_ROW_BODY,
  SOFRA_ROW_TOTAL,
} SofraRowStyle;

#define SOFRA_REPORT_MAX_COLUMNS 8

typedef struct
{
  SofraBlockKind kind;
  SofraTextStyle style;     /* TEXT */
  SofraRowStyle  row_style; /* ROW */
  gboolean       bullet;    /* TEXT: a list item, with a hanging indent */
  gboolean       keep_with_next;
  double         space_before;
  guint          n_cells;
  char          *cells[SOFRA_REPORT_MAX_COLUMNS];
  double         widths[SOFRA_REPORT_MAX_COLUMNS]; /* ROW: fractions of the text width */
  guint          numeric;                          /* ROW: bit i set: cell i right-aligned */
  int            header;                           /* ROW_BODY: its table's header block, or -1 */

  /* Layout */
  PangoLayout *layouts[SOFRA_REPORT_MAX_COLUMNS];
  double       height; /* ROW: the whole row */
} SofraBlock;

struct _SofraReport
{
  SofraStore  *store;
  SofraLabels *labels;
  SofraScript  script;
  char        *organisation;
  char        *printed_on;
  char        *running_title; /* top right of every page */
  GPtrArray   *blocks;        /* of SofraBlock */
  guint        n_sessions;
  int          last_header; /* the header block of the table being built, or -1 */
  guint        n_columns;   /* of the table being built */
  double       columns[SOFRA_REPORT_MAX_COLUMNS];
  guint        numeric;

  /* Layout */
  PangoContext *context;
  double        width, height;
  GArray       *placed; /* of SofraPlaced */
  int           n_pages;
};

/* Building (sofra-report-build.c, sofra-report-session.c) */
SofraBlock *sofra_report_add_text (SofraReport *self, SofraTextStyle style, const char *text);
/* A row of the table set by sofra_report_set_columns(), one cell per column. */
SofraBlock *sofra_report_add_row (SofraReport *self, SofraRowStyle style, guint n_cells, ...);
SofraBlock *
sofra_report_add_row_v (SofraReport *self, SofraRowStyle style, const char *const *cells);
void
sofra_report_set_columns (SofraReport *self, guint n_columns, const double *widths, guint numeric);
void sofra_report_add_page_break (SofraReport *self);
/* Adds @text as paragraphs, lines starting with "- " or "• " as list items. */
void sofra_report_add_paragraphs (SofraReport *self, const char *text);
/* Record text as the reader asked to see Serbian: the script from the preferences. */
char *sofra_report_record_text (SofraReport *self, const char *text);
/* A count for a table of people: "<5" below five, never the number. */
char *sofra_report_count_cell (guint n);
/* The text of a cell or label: the label in the document's language(s). */
#define L(self, context, msgid) sofra_labels_get ((self)->labels, (context), (msgid))
/* A formatted label: each language's text formatted with the arguments, then joined. */
#define LF(self, context, format, ...) \
  sofra_labels_printf ((self)->labels, (context), (format), __VA_ARGS__)

gboolean sofra_report_add_session (SofraReport *self, const char *session_id, GError **error);

void sofra_report_clear_layout (SofraReport *self);

G_END_DECLS
