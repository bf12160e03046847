/* sofra-report-build.c — a report's blocks: the overview of several sessions, the helpers
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-render-text.h"
#include "sofra-report-people.h"
#include "sofra-report-private.h"

G_DEFINE_QUARK (sofra - report - error - quark, sofra_report_error)

SofraPaper
sofra_paper_from_string (const char *name)
{
  return g_strcmp0 (name, "letter") == 0 ? SOFRA_PAPER_LETTER : SOFRA_PAPER_A4;
}

void
sofra_paper_get_size (SofraPaper paper, double *width, double *height)
{
  if (paper == SOFRA_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.2756;  /* 210 mm */
      *height = 841.8898; /* 297 mm */
    }
}

static void
block_free (SofraBlock *block)
{
  for (guint c = 0; c < SOFRA_REPORT_MAX_COLUMNS; c++)
    {
      g_free (block->cells[c]);
      g_clear_object (&block->layouts[c]);
    }
  g_free (block);
}

static SofraBlock *
add_block (SofraReport *self, SofraBlockKind kind)
{
  SofraBlock *block = g_new0 (SofraBlock, 1);

  block->kind = kind;
  block->header = -1;
  g_ptr_array_add (self->blocks, block);
  return block;
}

SofraBlock *
sofra_report_add_text (SofraReport *self, SofraTextStyle style, const char *text)
{
  SofraBlock *block = add_block (self, SOFRA_BLOCK_TEXT);

  block->style = style;
  block->n_cells = 1;
  block->cells[0] = g_strdup (text != NULL ? text : "");
  switch (style)
    {
    case SOFRA_STYLE_HEADING:
      block->space_before = 16;
      block->keep_with_next = TRUE;
      break;
    case SOFRA_STYLE_TITLE:
    case SOFRA_STYLE_DOCUMENT_TITLE:
      block->space_before = 4;
      block->keep_with_next = TRUE;
      break;
    case SOFRA_STYLE_KICKER:
      block->keep_with_next = TRUE;
      break;
    case SOFRA_STYLE_NOTE:
    case SOFRA_STYLE_BODY:
    default:
      block->space_before = 5;
      break;
    }
  return block;
}

void
sofra_report_set_columns (SofraReport *self, guint n_columns, const double *widths, guint numeric)
{
  g_assert (n_columns <= SOFRA_REPORT_MAX_COLUMNS);

  self->n_columns = n_columns;
  memcpy (self->columns, widths, n_columns * sizeof (double));
  self->numeric = numeric;
  self->last_header = -1;
}

SofraBlock *
sofra_report_add_row_v (SofraReport *self, SofraRowStyle style, const char *const *cells)
{
  SofraBlock *block = add_block (self, SOFRA_BLOCK_ROW);

  block->row_style = style;
  block->n_cells = self->n_columns;
  block->numeric = style == SOFRA_ROW_META ? 0 : self->numeric;
  memcpy (block->widths, self->columns, self->n_columns * sizeof (double));
  for (guint c = 0; c < self->n_columns; c++)
    block->cells[c] = g_strdup (cells[c] != NULL ? cells[c] : "");

  if (style == SOFRA_ROW_HEAD)
    {
      self->last_header = self->blocks->len - 1;
      block->space_before = 6;
    }
  else if (style != SOFRA_ROW_META)
    block->header = self->last_header;
  return block;
}

SofraBlock *
sofra_report_add_row (SofraReport *self, SofraRowStyle style, guint n_cells, ...)
{
  const char *cells[SOFRA_REPORT_MAX_COLUMNS] = { NULL };
  va_list     args;

  g_assert (n_cells == self->n_columns);

  va_start (args, n_cells);
  for (guint c = 0; c < n_cells; c++)
    cells[c] = va_arg (args, const char *);
  va_end (args);
  return sofra_report_add_row_v (self, style, cells);
}

void
sofra_report_add_page_break (SofraReport *self)
{
  add_block (self, SOFRA_BLOCK_PAGE_BREAK);
}

void
sofra_report_add_paragraphs (SofraReport *self, const char *text)
{
  g_auto (GStrv) lines = NULL;

  if (text == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = sofra_report_record_text (self, g_strstrip (lines[i]));
      gboolean         bullet = g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "• ") ||
                        g_str_has_prefix (line, "* ");
      SofraBlock *block;

      if (*line == '\0')
        continue;
      block = sofra_report_add_text (self, SOFRA_STYLE_BODY,
                                     bullet ? g_utf8_next_char (line) + 1 : line);
      block->bullet = bullet;
      if (bullet)
        block->space_before = 3;
    }
}

char *
sofra_report_record_text (SofraReport *self, const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);
  return sofra_translit_for_script (text, self->script);
}

char *
sofra_report_count_cell (guint n)
{
  /* Privacy (DOMAIN.md): a disaggregated group of fewer than five people is never shown as
   * a number, zero included. */
  return n < 5 ? g_strdup ("<5") : g_strdup_printf ("%u", n);
}

gboolean
sofra_report_session_has_both_communities (JsonObject *doc)
{
  JsonArray *communities = sofra_json_array_member (doc, "communities");
  gboolean   albanian = FALSE, serbian = FALSE;

  for (guint i = 0; communities != NULL && i < json_array_get_length (communities); i++)
    {
      const char *id = json_array_get_string_element (communities, i);

      albanian |= g_strcmp0 (id, "albanian") == 0;
      serbian |= g_strcmp0 (id, "serbian") == 0;
    }
  return albanian && serbian;
}

static SofraReport *
report_new (SofraStore *store, const SofraReportOptions *options)
{
  SofraReport *self = g_new0 (SofraReport, 1);
  g_autoptr (GDateTime) now = NULL;

  self->store = g_object_ref (store);
  self->script = options->script;
  self->labels = sofra_labels_new (options->language, options->bilingual,
                                   options->script == SOFRA_SCRIPT_LATIN ? "sr@latin" : "sr");
  self->organisation = g_strdup (options->organisation != NULL ? options->organisation : "");
  if (options->printed_on != NULL)
    self->printed_on = g_strdup (options->printed_on);
  else
    {
      now = g_date_time_new_now_local ();
      self->printed_on = g_date_time_format (now, "%Y-%m-%d");
    }
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->last_header = -1;
  return self;
}

void
sofra_report_free (SofraReport *self)
{
  if (self == NULL)
    return;
  sofra_report_clear_layout (self);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->labels, sofra_labels_free);
  g_clear_object (&self->store);
  g_free (self->organisation);
  g_free (self->printed_on);
  g_free (self->running_title);
  g_free (self);
}

guint
sofra_report_get_n_sessions (SofraReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_sessions;
}

/* ---- the overview of several sessions ------------------------------------------------- */

typedef struct
{
  JsonObject *doc;
  const char *date;
  const char *start;
} SessionRef;

static int
compare_sessions (gconstpointer a, gconstpointer b)
{
  const SessionRef *x = a, *y = b;
  int               by_date = g_strcmp0 (x->date, y->date);

  return by_date != 0 ? by_date : g_strcmp0 (x->start, y->start);
}

static void
add_overview (SofraReport *self, const char *title, GPtrArray *docs)
{
  g_autofree char       *count = NULL;
  guint                  by_kind[32] = { 0 };
  guint                  n_mixed = 0;
  const SofraVocabEntry *kinds = sofra_vocab_entries (SOFRA_VOCAB_SESSION_KIND);
  static const double    kind_columns[] = { 0.7, 0.3 };
  static const double    list_columns[] = { 0.2, 0.5, 0.3 };

  if (*self->organisation != '\0')
    sofra_report_add_text (self, SOFRA_STYLE_KICKER, self->organisation);
  sofra_report_add_text (self, SOFRA_STYLE_DOCUMENT_TITLE, title);
  /* Translators: the number of sessions in a printed period document */
  count = sofra_labels_count (self->labels, "%lu session", "%lu sessions", docs->len);
  sofra_report_add_text (self, SOFRA_STYLE_BODY, count);

  if (docs->len == 0)
    {
      sofra_report_add_text (self, SOFRA_STYLE_BODY,
                             L (self, NULL, N_ ("No sessions were held in this period.")));
      return;
    }

  for (guint i = 0; i < docs->len; i++)
    {
      JsonObject *doc = g_ptr_array_index (docs, i);
      int         kind = sofra_vocab_index (SOFRA_VOCAB_SESSION_KIND,
                                            json_object_get_string_member_with_default (doc, "kind", ""));
      JsonArray  *communities = sofra_json_array_member (doc, "communities");

      by_kind[kind >= 0 && kind < 31 ? kind : 31]++;
      if (communities != NULL && json_array_get_length (communities) >= 2)
        n_mixed++;
    }

  sofra_report_add_text (self, SOFRA_STYLE_HEADING, L (self, NULL, N_ ("Sessions by kind")));
  sofra_report_set_columns (self, 2, kind_columns, 1u << 1);
  sofra_report_add_row (self, SOFRA_ROW_HEAD, 2, L (self, "column", "Kind"),
                        L (self, "column", "Sessions"));
  for (guint k = 0; kinds[k].id != NULL && k < 31; k++)
    if (by_kind[k] > 0)
      {
        g_autofree char *n = g_strdup_printf ("%u", by_kind[k]);

        sofra_report_add_row (self, SOFRA_ROW_BODY, 2,
                              sofra_labels_vocab (self->labels, SOFRA_VOCAB_SESSION_KIND,
                                                  kinds[k].id),
                              n);
      }
  {
    g_autofree char *total = g_strdup_printf ("%u", docs->len);
    g_autofree char *mixed =
      g_strdup_printf ("%s: %u", L (self, NULL, N_ ("With two or more communities present")),
                       n_mixed);

    sofra_report_add_row (self, SOFRA_ROW_TOTAL, 2, L (self, "column", "Total"), total);
    sofra_report_add_text (self, SOFRA_STYLE_BODY, mixed);
  }

  {
    g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    SofraPeopleCounts counts = { 0 };

    for (guint i = 0; i < docs->len; i++)
      sofra_report_count_people (self, g_ptr_array_index (docs, i), seen, &counts);
    sofra_report_add_text (self, SOFRA_STYLE_HEADING,
                           L (self, NULL, N_ ("People by community and gender")));
    /* The explanation introduces the table: it goes to the next page with it. */
    sofra_report_add_text (self, SOFRA_STYLE_NOTE,
                           L (self, NULL,
                              N_ ("Each registered participant is counted once, however many "
                                  "sessions they attended; people present without registering "
                                  "are counted at each session.")))
      ->keep_with_next = TRUE;
    sofra_report_add_people_table (self, &counts);
  }

  sofra_report_add_text (self, SOFRA_STYLE_HEADING, L (self, NULL, N_ ("Sessions")));
  sofra_report_set_columns (self, 3, list_columns, 0);
  sofra_report_add_row (self, SOFRA_ROW_HEAD, 3, L (self, "column", "Date"),
                        L (self, "column", "Title"), L (self, "column", "Place"));
  for (guint i = 0; i < docs->len; i++)
    {
      g_autoptr (SofraSession)
        session = sofra_session_from_json (g_ptr_array_index (docs, i), NULL);
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      g_autofree char *place = NULL;

      if (session == NULL)
        continue;
      date = sofra_labels_date (self->labels, session->date);
      title = sofra_report_record_text (self, session->title);
      if (session->online)
        place = g_strdup (L (self, "place", "Online"));
      else
        place = sofra_render_place_name (self->store, session->place_id,
                                         sofra_labels_get_bilingual (self->labels)
                                           ? "en"
                                           : sofra_labels_get_language (self->labels));
      sofra_report_add_row (self, SOFRA_ROW_BODY, 3, date, title, place);
    }
}

static gboolean
add_sessions (SofraReport *self, GPtrArray *docs, GError **error)
{
  for (guint i = 0; i < docs->len; i++)
    {
      const char *id = json_object_get_string_member (g_ptr_array_index (docs, i), "_id");

      if (self->blocks->len > 0)
        sofra_report_add_page_break (self);
      if (!sofra_report_add_session (self, id, error))
        return FALSE;
    }
  self->n_sessions = docs->len;
  return TRUE;
}

static void
set_running_title (SofraReport *self, GPtrArray *docs, const char *several)
{
  if (docs->len == 1)
    self->running_title = g_strdup (L (self, "running title", "Session summary"));
  else
    self->running_title = g_strdup (several);
}

SofraReport *
sofra_report_new_sessions (SofraStore               *store,
                           const char *const        *session_ids,
                           const SofraReportOptions *options,
                           GError                  **error)
{
  g_autoptr (SofraReport) self = NULL;
  g_autoptr (GPtrArray) docs = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (session_ids == NULL || session_ids[0] == NULL)
    {
      g_set_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID,
                   _ ("No session was chosen"));
      return NULL;
    }

  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; session_ids[i] != NULL; i++)
    {
      const char      *given = session_ids[i];
      g_autofree char *id = g_str_has_prefix (given, SOFRA_TYPE_SESSION ":")
                              ? g_strdup (given)
                              : g_strconcat (SOFRA_TYPE_SESSION, ":", given, NULL);
      JsonObject      *doc = sofra_store_get (store, id, NULL);

      if (doc == NULL || g_strcmp0 (json_object_get_string_member_with_default (doc, "type", ""),
                                    SOFRA_TYPE_SESSION) != 0)
        {
          g_clear_pointer (&doc, json_object_unref);
          g_set_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_NOT_FOUND,
                       _ ("There is no session “%s”"), given);
          return NULL;
        }
      g_ptr_array_add (docs, doc);
    }

  self = report_new (store, options);
  set_running_title (self, docs, L (self, "running title", "Session summaries"));
  if (docs->len > 1)
    add_overview (self, L (self, NULL, N_ ("Session summaries")), docs);
  if (!add_sessions (self, docs, error))
    return NULL;
  return g_steal_pointer (&self);
}

typedef struct
{
  const char *from;
  const char *to;
  GPtrArray  *docs;
} PeriodScan;

static gboolean
collect_in_period (JsonObject *doc, gpointer user_data)
{
  PeriodScan *scan = user_data;
  const char *date = json_object_get_string_member_with_default (doc, "date", "");

  if (g_strcmp0 (date, scan->from) >= 0 && g_strcmp0 (date, scan->to) <= 0)
    g_ptr_array_add (scan->docs, json_object_ref (doc));
  return TRUE;
}

static gboolean
valid_date (const char *date)
{
  g_autoptr (GDateTime) parsed = NULL;
  g_autofree char *midnight = NULL;

  if (date == NULL || strlen (date) != 10)
    return FALSE;
  midnight = g_strconcat (date, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (midnight, NULL);
  return parsed != NULL;
}

SofraReport *
sofra_report_new_period (SofraStore               *store,
                         const char               *from,
                         const char               *to,
                         const SofraReportOptions *options,
                         GError                  **error)
{
  g_autoptr (SofraReport) self = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GArray) refs = NULL;
  g_autoptr (GPtrArray) sorted = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *title = NULL;
  PeriodScan       scan;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!valid_date (from) || !valid_date (to) || strcmp (from, to) > 0)
    {
      g_set_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID,
                   _ ("A period needs two dates as YYYY-MM-DD, the first not after the second"));
      return NULL;
    }

  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  scan = (PeriodScan){ from, to, docs };
  if (!sofra_store_foreach_doc (store, SOFRA_TYPE_SESSION, collect_in_period, &scan, error))
    return NULL;

  refs = g_array_sized_new (FALSE, FALSE, sizeof (SessionRef), docs->len);
  for (guint i = 0; i < docs->len; i++)
    {
      JsonObject *doc = g_ptr_array_index (docs, i);
      SessionRef  ref = { doc, json_object_get_string_member_with_default (doc, "date", ""),
                          json_object_get_string_member_with_default (doc, "start_time", "") };

      g_array_append_val (refs, ref);
    }
  g_array_sort (refs, compare_sessions);
  sorted = g_ptr_array_new_full (refs->len, NULL);
  for (guint i = 0; i < refs->len; i++)
    g_ptr_array_add (sorted, g_array_index (refs, SessionRef, i).doc);

  self = report_new (store, options);
  from_text = sofra_labels_date (self->labels, from);
  to_text = sofra_labels_date (self->labels, to);
  /* Translators: the title of a printed period document, "Sessions from 1 March 2026 to 31
   * March 2026" */
  title = LF (self, NULL, N_ ("Sessions from %1$s to %2$s"), from_text, to_text);
  self->running_title = g_strdup (title);
  add_overview (self, title, sorted);
  if (!add_sessions (self, sorted, error))
    return NULL;
  return g_steal_pointer (&self);
}
