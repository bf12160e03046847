/* sofra-search-view.h — search across every record: the entry, its filters and the results
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_SEARCH_VIEW (sofra_search_view_get_type ())
G_DECLARE_FINAL_TYPE (SofraSearchView, sofra_search_view, SOFRA, SEARCH_VIEW, AdwBin)

/* The results, grouped by kind, appear as the text is typed (150 ms after the last key) or a
 * filter changes. Activating a result activates "win.show-record" with the record to open
 * (a note opens its participant, or its session) and then emits "activated". */
GtkWidget *sofra_search_view_new (SofraStore *store, GSettings *settings);

/* The search entry and the filters beside it, for the window's GtkSearchBar. The view keeps a
 * reference; the caller puts it in place. */
GtkWidget      *sofra_search_view_get_bar (SofraSearchView *self);
GtkSearchEntry *sofra_search_view_get_entry (SofraSearchView *self);

/* Sets the text and searches at once, without waiting for the debounce. */
void sofra_search_view_search_now (SofraSearchView *self, const char *text);
/* Clears the text and the filters. */
void sofra_search_view_reset (SofraSearchView *self);
/* The number of results shown, over all groups. */
guint sofra_search_view_get_n_results (SofraSearchView *self);

G_END_DECLS
