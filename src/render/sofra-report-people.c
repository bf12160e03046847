/* sofra-report-people.c — counts of people by community and gender, and their table
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "sofra-report-people.h"

static guint
index_or_not_said (SofraVocab vocab, const char *id, guint max)
{
  int   i = id != NULL ? sofra_vocab_index (vocab, id) : -1;
  guint not_said = (guint) sofra_vocab_index (vocab, "prefer_not_to_say");

  if (i < 0 || (guint) i >= max)
    return not_said;
  return (guint) i;
}

void
sofra_people_counts_add (SofraPeopleCounts *counts,
                         const char        *community,
                         const char        *gender,
                         guint              n)
{
  guint c = index_or_not_said (SOFRA_VOCAB_COMMUNITY, community, SOFRA_PEOPLE_MAX_COMMUNITIES);
  guint g = index_or_not_said (SOFRA_VOCAB_GENDER, gender, SOFRA_PEOPLE_MAX_GENDERS);

  counts->cells[c][g] += n;
}

static void
add_row (SofraReport *self, SofraRowStyle style, char **cells, guint n_cells)
{
  sofra_report_add_row_v (self, style, (const char *const *) cells);
  for (guint c = 0; c < n_cells; c++)
    g_clear_pointer (&cells[c], g_free);
}

void
sofra_report_add_people_table (SofraReport *self, const SofraPeopleCounts *counts)
{
  const SofraVocabEntry *communities = sofra_vocab_entries (SOFRA_VOCAB_COMMUNITY);
  const SofraVocabEntry *genders = sofra_vocab_entries (SOFRA_VOCAB_GENDER);
  guint  n_genders = MIN (sofra_vocab_count (SOFRA_VOCAB_GENDER), SOFRA_REPORT_MAX_COLUMNS - 2);
  guint  n_communities = MIN (sofra_vocab_count (SOFRA_VOCAB_COMMUNITY),
                              SOFRA_PEOPLE_MAX_COMMUNITIES);
  guint  column_totals[SOFRA_PEOPLE_MAX_GENDERS] = { 0 };
  guint  total = 0;
  double widths[SOFRA_REPORT_MAX_COLUMNS] = { 0 };
  char  *cells[SOFRA_REPORT_MAX_COLUMNS] = { NULL };
  guint  n_columns = n_genders + 2;
  guint  numeric = ((1u << n_columns) - 1) & ~1u;

  for (guint c = 0; c < n_communities; c++)
    for (guint g = 0; g < n_genders; g++)
      total += counts->cells[c][g];
  if (total == 0)
    {
      sofra_report_add_text (self, SOFRA_STYLE_BODY,
                             L (self, NULL, N_ ("No participants were recorded.")));
      return;
    }
  total = 0;

  widths[0] = 0.28;
  for (guint g = 0; g <= n_genders; g++)
    widths[g + 1] = 0.72 / (n_genders + 1);
  sofra_report_set_columns (self, n_columns, widths, numeric);

  cells[0] = g_strdup (L (self, "column", "Community"));
  for (guint g = 0; g < n_genders; g++)
    cells[g + 1] = g_strdup (sofra_labels_vocab (self->labels, SOFRA_VOCAB_GENDER, genders[g].id));
  cells[n_genders + 1] = g_strdup (L (self, "column", "Total"));
  add_row (self, SOFRA_ROW_HEAD, cells, n_columns);

  for (guint c = 0; c < n_communities; c++)
    {
      guint row_total = 0;

      for (guint g = 0; g < n_genders; g++)
        row_total += counts->cells[c][g];
      if (row_total == 0)
        continue;

      cells[0] = g_strdup (
        sofra_labels_vocab (self->labels, SOFRA_VOCAB_COMMUNITY, communities[c].id));
      for (guint g = 0; g < n_genders; g++)
        {
          cells[g + 1] = sofra_report_count_cell (counts->cells[c][g]);
          column_totals[g] += counts->cells[c][g];
        }
      cells[n_genders + 1] = sofra_report_count_cell (row_total);
      total += row_total;
      add_row (self, SOFRA_ROW_BODY, cells, n_columns);
    }

  cells[0] = g_strdup (L (self, "column", "Total"));
  for (guint g = 0; g < n_genders; g++)
    cells[g + 1] = sofra_report_count_cell (column_totals[g]);
  /* The grand total is not broken down by anything: it is shown as it is. */
  cells[n_genders + 1] = g_strdup_printf ("%u", total);
  add_row (self, SOFRA_ROW_TOTAL, cells, n_columns);

  sofra_report_add_text (self, SOFRA_STYLE_NOTE,
                         L (self, NULL,
                            N_ ("To protect privacy, groups of fewer than five people are "
                                "shown as “<5”.")));
}
