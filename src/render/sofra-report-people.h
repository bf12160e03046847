/* sofra-report-people.h — counts of people by community and gender, and their table
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sofra-report-private.h"

G_BEGIN_DECLS

#define SOFRA_PEOPLE_MAX_COMMUNITIES 16
#define SOFRA_PEOPLE_MAX_GENDERS     8

/* Rows: the community vocabulary, then "not said"; columns likewise for gender. */
typedef struct
{
  guint cells[SOFRA_PEOPLE_MAX_COMMUNITIES][SOFRA_PEOPLE_MAX_GENDERS];
} SofraPeopleCounts;

/* Adds @n people; a NULL or unknown community or gender counts as "prefer not to say". */
void sofra_people_counts_add (SofraPeopleCounts *counts,
                              const char        *community,
                              const char        *gender,
                              guint              n);
/* The table: a row per community with anyone in it, a column per gender, totals; every
 * group of fewer than five people shown as "<5", and a note that says so. */
void sofra_report_add_people_table (SofraReport *self, const SofraPeopleCounts *counts);

/* Adds the people of the session @session_doc to @counts: each registered participant once
 * (@seen holds the participant ids already counted), and those present without
 * registering. */
void sofra_report_count_people (SofraReport       *self,
                                JsonObject        *session_doc,
                                GHashTable        *seen,
                                SofraPeopleCounts *counts);

G_END_DECLS
