/* sofra-window-search.h — Ctrl+F in the main window: the search bar and the results page
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-window.h"

G_BEGIN_DECLS

/* Puts the search entry and its filters in @bar, and the results over the views of @views
 * (the child of @overlay) while the bar is open. Opening the bar shows the results page and
 * focuses the entry; closing it, opening a result or choosing a view shows the views again. */
void sofra_window_search_setup (SofraWindow     *window,
                                AdwToastOverlay *overlay,
                                AdwViewStack    *views,
                                GtkSearchBar    *bar);
/* Ctrl+F: opens the search, or goes back to its entry when it is open. */
void sofra_window_search_start (SofraWindow *window);
/* The search view of @window, or NULL (tests). */
GtkWidget *sofra_window_search_get_view (SofraWindow *window);

G_END_DECLS
