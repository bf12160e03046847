/* sofra-window-search.c — Ctrl+F in the main window: the search bar and the results page
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The results lie over the views in a GtkStack of their own, so the view switcher keeps
 * showing where one was and choosing a view there leaves the search.
 */
#include "sofra-search-view.h"
#include "sofra-window-search.h"

#define SEARCH_KEY "sofra-window-search"

typedef struct
{
  GtkStack        *stack; /* "views" and "search" */
  GtkSearchBar    *bar;
  SofraSearchView *view;
} WindowSearch;

static void
on_search_mode_cb (GtkSearchBar *bar, GParamSpec *pspec, WindowSearch *ws)
{
  if (gtk_search_bar_get_search_mode (bar))
    {
      gtk_stack_set_visible_child_name (ws->stack, "search");
      gtk_widget_grab_focus (GTK_WIDGET (sofra_search_view_get_entry (ws->view)));
    }
  else
    {
      gtk_stack_set_visible_child_name (ws->stack, "views");
      sofra_search_view_reset (ws->view);
    }
}

static void
on_view_chosen_cb (AdwViewStack *views, GParamSpec *pspec, WindowSearch *ws)
{
  gtk_search_bar_set_search_mode (ws->bar, FALSE);
}

static void
on_result_activated_cb (SofraSearchView *view, const char *id, WindowSearch *ws)
{
  gtk_search_bar_set_search_mode (ws->bar, FALSE);
}

void
sofra_window_search_setup (SofraWindow     *window,
                           AdwToastOverlay *overlay,
                           AdwViewStack    *views,
                           GtkSearchBar    *bar)
{
  WindowSearch *ws = g_new0 (WindowSearch, 1);
  GtkWidget    *view;

  g_return_if_fail (SOFRA_IS_WINDOW (window));

  view = sofra_search_view_new (sofra_window_get_store (window),
                                sofra_window_get_settings (window));
  ws->view = SOFRA_SEARCH_VIEW (view);
  ws->bar = bar;
  ws->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (ws->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (ws->stack), TRUE);

  g_object_ref (views);
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (ws->stack));
  gtk_stack_add_named (ws->stack, GTK_WIDGET (views), "views");
  g_object_unref (views);
  gtk_stack_add_named (ws->stack, view, "search");
  gtk_stack_set_visible_child_name (ws->stack, "views");

  gtk_search_bar_set_child (bar, sofra_search_view_get_bar (ws->view));
  gtk_search_bar_connect_entry (bar, GTK_EDITABLE (sofra_search_view_get_entry (ws->view)));
  gtk_search_bar_set_key_capture_widget (bar, NULL);

  g_object_set_data_full (G_OBJECT (window), SEARCH_KEY, ws, g_free);
  g_signal_connect (bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode_cb), ws);
  g_signal_connect (views, "notify::visible-child", G_CALLBACK (on_view_chosen_cb), ws);
  g_signal_connect (view, "activated", G_CALLBACK (on_result_activated_cb), ws);
}

void
sofra_window_search_start (SofraWindow *window)
{
  WindowSearch *ws = g_object_get_data (G_OBJECT (window), SEARCH_KEY);

  g_return_if_fail (ws != NULL);

  /* Already open: back to the entry, its text selected to type over. */
  if (gtk_search_bar_get_search_mode (ws->bar))
    {
      GtkWidget *entry = GTK_WIDGET (sofra_search_view_get_entry (ws->view));
      gtk_widget_grab_focus (entry);
      gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
    }
  else
    gtk_search_bar_set_search_mode (ws->bar, TRUE);
}

GtkWidget *
sofra_window_search_get_view (SofraWindow *window)
{
  WindowSearch *ws = g_object_get_data (G_OBJECT (window), SEARCH_KEY);

  return ws != NULL ? GTK_WIDGET (ws->view) : NULL;
}
