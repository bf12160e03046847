/* sofra-search-filters.h — the search filters beside the entry: dates, kind, community, place…
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-search.h"
#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_SEARCH_FILTERS (sofra_search_filters_get_type ())
G_DECLARE_FINAL_TYPE (SofraSearchFilters, sofra_search_filters, SOFRA, SEARCH_FILTERS, AdwBin)

/* A "Filters" button with a popover: date range, session kind, community, municipality, topic
 * and follow-up status. Emits "changed" whenever one of them changes. */
SofraSearchFilters *sofra_search_filters_new (SofraStore *store);
/* Sets the filter fields of @query; the strings belong to the widgets and stay valid until the
 * next change. */
void  sofra_search_filters_fill_query (SofraSearchFilters *self, SofraSearchQuery *query);
guint sofra_search_filters_count_active (SofraSearchFilters *self);
void  sofra_search_filters_clear (SofraSearchFilters *self);

G_END_DECLS
