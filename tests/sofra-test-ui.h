/* sofra-test-ui.h — helpers for the GUI tests: windows, waiting, finding widgets, screenshots
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"
#include "sofra-window.h"

G_BEGIN_DECLS

typedef gboolean (*SofraTestUiMatch) (GtkWidget *widget, gpointer data);

/* sofra_test_init() for GUI tests: keeps the system's MIME database and icon themes visible
 * through the isolated XDG directories (GTK needs them to load its SVG icons), then gtk_init()
 * and adw_init(). */
void sofra_test_ui_init (int *argc, char ***argv);
/* A window of @width × @height holding @child, presented and drawn once. */
GtkWindow *sofra_test_ui_window_new (GtkWidget *child, int width, int height);
/* The main window on @store and @settings, @width × @height, presented and showing the view
 * named @view (NULL: the one it opens on), after the main loop has run for 300 ms. */
SofraWindow *sofra_test_ui_main_window_new (SofraStore *store,
                                            GSettings  *settings,
                                            int         width,
                                            int         height,
                                            const char *view);
/* Runs the main loop for @ms milliseconds (and at least until it is idle). */
void sofra_test_ui_wait (guint ms);
/* Runs the main loop until the window holding @widget has laid out and drawn twice, so rows
 * a list has just received exist and are mapped. */
void sofra_test_ui_settle (GtkWidget *widget);
/* Runs the main loop until the string @field of document @id equals @value; FALSE on timeout. */
gboolean sofra_test_ui_wait_for_field (SofraStore *store,
                                       const char *id,
                                       const char *field,
                                       const char *value,
                                       guint       timeout_ms);
/* Writes the document @json (an object) to @store; returns its new id. */
char *sofra_test_ui_put_json (SofraStore *store, const char *json);

/* The mapped widgets under @root that @match accepts, top to bottom on screen. */
GPtrArray *sofra_test_ui_find_all_sorted (GtkWidget *root, SofraTestUiMatch match, gpointer data);
/* The first mapped widget of @type under @root (depth first), or NULL. */
GtkWidget *sofra_test_ui_find_type (GtkWidget *root, GType type);
/* The first mapped GtkLabel under @root whose text is @text, or NULL. */
GtkWidget *sofra_test_ui_find_label (GtkWidget *root, const char *text);
/* The first mapped AdwEntryRow under @root titled @title, or NULL. */
GtkWidget *sofra_test_ui_find_entry_row (GtkWidget *root, const char *title);
/* A store on a new database in the test's temporary directory, filled by `@cli_path
 * demo-data` (the real sofra-cli). */
SofraStore *sofra_test_ui_open_demo_store (const char *cli_path);
/* The first AdwActionRow under @root whose title is @title, or NULL. */
GtkWidget *sofra_test_ui_find_action_row (GtkWidget *root, const char *title);
/* The first visible toplevel window of @type, or NULL. */
GtkWidget *sofra_test_ui_find_toplevel (GType type);
/* The first mapped GtkButton under @root labelled @label (mnemonics stripped), or NULL. */
GtkWidget *sofra_test_ui_find_button (GtkWidget *root, const char *label);

/* Scrolls the nearest GtkScrolledWindow around @widget so that @widget is at its top. */
void sofra_test_ui_scroll_to (GtkWidget *widget);
/* Clicks @button (a GtkButton): it emits "clicked", which runs its action. */
void sofra_test_ui_press (GtkWidget *button);
/* Selects the list row holding @widget, as a click on it does. */
void sofra_test_ui_click (GtkWidget *widget);

/* Draws @widget into a PNG named @name in "screenshots" under the build directory of the
 * tests; returns its path. */
char *sofra_test_ui_screenshot (GtkWidget *widget, const char *name);

/* Today plus @days as YYYY-MM-DD, in local time. */
char *sofra_test_ui_date (int days);

G_END_DECLS
