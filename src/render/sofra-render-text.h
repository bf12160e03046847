/* sofra-render-text.h — text as printed documents, the CLI and the GUI show it to a person
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions of the data and the current locale; every result is g_malloc'd and is freed
 * with g_free().
 */
#pragma once

#include <glib.h>

#include "sofra-records.h"
#include "sofra-store.h"

G_BEGIN_DECLS

/* The current interface language as understood by sofra_place_display_name(): "sq", "sr",
 * "sr@latin", or "en" for anything else. */
const char *sofra_render_language (void);

/* The display name of the place document @place_id in @language (NULL: the current
 * language), or NULL when @place_id is NULL or no such place exists. */
char *sofra_render_place_name (SofraStore *store, const char *place_id, const char *language);

/* "28 November 2026" in the current locale for a YYYY-MM-DD date. A malformed date gives a
 * copy of @iso_date, NULL gives an empty string. */
char *sofra_render_format_date (const char *iso_date);

/* A reporting period from @from to @to (YYYY-MM-DD, inclusive) as a person writes it:
 * "14 March 2026", "1–15 March 2026", "15 January – 14 March 2026", "March 2026",
 * "January – March 2026", "2026", "November 2025 – February 2026". Malformed dates are
 * shown as given. */
char *sofra_render_format_period (const char *from, const char *to);

/* One participant as a line of a printed or exported list. Where the participant consented
 * to the name on documents: "Name — role, organisation" (the parts present). Otherwise only
 * the pseudonym code: role and organisation can identify a person just as well as a name. */
char *sofra_render_participant_line (const SofraParticipant *participant);

G_END_DECLS
