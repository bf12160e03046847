/* test-search-ui.c — Ctrl+F on the demo data: results as you type, grouped, each opening its page
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (tests/run-ui-test.sh) with the path of sofra-cli as its argument: the
 * database is made by `sofra-cli demo-data`, the same data a person looks around with. The
 * screenshots (1280×800 and 1024×600) land in screenshots/ under the build directory.
 */
#include <adwaita.h>
#include <string.h>

#include "sofra-gui-util.h"
#include "sofra-search-view.h"
#include "sofra-sessions-view.h"
#include "sofra-store.h"
#include "sofra-test-ui.h"
#include "sofra-test-util.h"
#include "sofra-window-search.h"
#include "sofra-window.h"

static const char *cli_path;

typedef struct
{
  SofraStore      *store;
  GSettings       *settings;
  SofraWindow     *window;
  SofraSearchView *view;
  GtkSearchBar    *bar;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = sofra_test_ui_open_demo_store (cli_path);
  f->settings = g_settings_new ("org.sofra.Sofra");
  /* @data set: the smallest window Sofra is meant for. */
  f->window = data != NULL
                ? sofra_test_ui_main_window_new (f->store, f->settings, 1024, 600, "sessions")
                : sofra_test_ui_main_window_new (f->store, f->settings, 1280, 800, "sessions");
  f->view = SOFRA_SEARCH_VIEW (sofra_window_search_get_view (f->window));
  g_assert_nonnull (f->view);
  f->bar = GTK_SEARCH_BAR (sofra_test_ui_find_type (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_BAR));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sofra_test_ui_wait (100);
  g_clear_object (&f->settings);
  g_assert_finalize_object (f->store);
}

static void
open_search (Fixture *f)
{
  GtkWidget *entry = GTK_WIDGET (sofra_search_view_get_entry (f->view));
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  sofra_test_ui_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_search_bar_get_search_mode (f->bar));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* Types @text as a person does and waits past the debounce. */
static void
type (Fixture *f, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sofra_search_view_get_entry (f->view)), text);
  sofra_test_ui_wait (400);
  sofra_test_ui_settle (GTK_WIDGET (f->window));
}

static gboolean
is_result_row (GtkWidget *widget, gpointer data)
{
  return GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_is_ancestor (widget, data) &&
         g_object_get_data (G_OBJECT (widget), "sofra-target-id") != NULL;
}

static GPtrArray *
result_rows (Fixture *f)
{
  return sofra_test_ui_find_all_sorted (GTK_WIDGET (f->view), is_result_row, f->view);
}

static gboolean
is_label_with_text (GtkWidget *widget, gpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Both scripts and either spelling find the sessions in Mitrovica; the first opens its page. */
static void
test_cross_script (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) headings = NULL;
  const char *id;
  guint       cyrillic;

  open_search (f);
  g_assert_nonnull (sofra_test_ui_find_label (GTK_WIDGET (f->view), "Search Everything"));

  /* Nothing at once: the search waits for the typing to pause. */
  gtk_editable_set_text (GTK_EDITABLE (sofra_search_view_get_entry (f->view)), "Митровица");
  g_assert_cmpuint (sofra_search_view_get_n_results (f->view), ==, 0);
  type (f, "Митровица");
  cyrillic = sofra_search_view_get_n_results (f->view);
  g_assert_cmpuint (cyrillic, >, 0);
  headings = sofra_test_ui_find_all_sorted (GTK_WIDGET (f->view), is_label_with_text,
                                            (gpointer) "Sessions");
  g_assert_cmpuint (headings->len, ==, 1);
  rows = result_rows (f);
  g_assert_cmpuint (rows->len, ==, cyrillic);
  g_free (sofra_test_ui_screenshot (GTK_WIDGET (f->window), "search-cyrillic-1280x800.png"));

  type (f, "mitrovice");
  g_assert_cmpuint (sofra_search_view_get_n_results (f->view), >, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = result_rows (f);
  g_assert_cmpuint (rows->len, >, 0);
  g_free (sofra_test_ui_screenshot (GTK_WIDGET (f->window), "search-latin-1280x800.png"));

  /* The first result is a session: activating it opens its page and leaves the search. */
  id = g_object_get_data (rows->pdata[0], "sofra-target-id");
  g_assert_true (g_str_has_prefix (id, "session:"));
  g_signal_emit_by_name (gtk_widget_get_parent (rows->pdata[0]), "row-activated", rows->pdata[0]);
  sofra_test_ui_settle (GTK_WIDGET (f->window));
  sofra_test_ui_wait (200);
  g_assert_false (gtk_search_bar_get_search_mode (f->bar));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_cmpstr (sofra_sessions_view_get_session_id (SOFRA_SESSIONS_VIEW (
                     sofra_test_ui_find_type (GTK_WIDGET (f->window), SOFRA_TYPE_SESSIONS_VIEW))),
                   ==, id);
  g_assert_nonnull (sofra_test_ui_find_entry_row (GTK_WIDGET (f->window), "Title"));
  g_free (sofra_test_ui_screenshot (GTK_WIDGET (f->window), "search-opened-session.png"));
}

/* A participant found by a name typed without its accents opens the participant's page. */
static void
test_participant_result (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = NULL;
  const char *id = NULL;

  open_search (f);
  type (f, "markovic");
  rows = result_rows (f);
  for (guint i = 0; i < rows->len && id == NULL; i++)
    {
      const char *target = g_object_get_data (rows->pdata[i], "sofra-target-id");
      if (g_str_has_prefix (target, "participant:"))
        {
          id = target;
          gtk_widget_activate (rows->pdata[i]);
        }
    }
  g_assert_nonnull (id);
  sofra_test_ui_settle (GTK_WIDGET (f->window));
  sofra_test_ui_wait (200);
  g_assert_false (gtk_search_bar_get_search_mode (f->bar));
  g_assert_nonnull (sofra_test_ui_find_entry_row (GTK_WIDGET (f->window), "Name as written"));
}

/* No match: the empty state says so; Escape closes the search and shows the lists again. */
static void
test_empty_and_close (Fixture *f, gconstpointer data)
{
  GtkWidget *entry;

  open_search (f);
  type (f, "zzyzx qwerty");

  /* Ctrl+F again, from elsewhere: back to the entry, its text selected to type over. */
  gtk_widget_grab_focus (GTK_WIDGET (f->bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (f->bar));
  {
    int start, end;
    g_assert_true (
      gtk_editable_get_selection_bounds (GTK_EDITABLE (sofra_search_view_get_entry (f->view)),
                                         &start, &end));
    g_assert_cmpint (end - start, ==, g_utf8_strlen ("zzyzx qwerty", -1));
  }
  g_assert_cmpuint (sofra_search_view_get_n_results (f->view), ==, 0);
  g_assert_nonnull (sofra_test_ui_find_label (GTK_WIDGET (f->view), "No Results"));

  /* A record written meanwhile appears without typing again. */
  g_free (sofra_test_ui_put_json (f->store, "{\"type\": \"session\", \"title\": \"Zzyzx qwerty "
                                            "walk\", \"kind\": \"field_visit\", \"status\": "
                                            "\"planned\", \"date\": \"2026-12-01\"}"));
  sofra_test_ui_wait (400);
  g_assert_cmpuint (sofra_search_view_get_n_results (f->view), ==, 1);

  /* FTS syntax and punctuation are plain text here: nothing breaks. */
  type (f, "\"NEAR(* -:");
  g_assert_null (sofra_test_ui_find_label (GTK_WIDGET (f->view), "Search Failed"));

  entry = GTK_WIDGET (sofra_search_view_get_entry (f->view));
  gtk_search_bar_set_search_mode (f->bar, FALSE);
  sofra_test_ui_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_widget_get_mapped (
    sofra_test_ui_find_type (GTK_WIDGET (f->window), SOFRA_TYPE_SESSIONS_VIEW)));
}

/* The filters sit beside the entry; at 1024×600 everything still fits. */
static void
test_small_window (Fixture *f, gconstpointer data)
{
  GtkWidget *filters;

  open_search (f);
  type (f, "dialog");
  g_assert_cmpuint (sofra_search_view_get_n_results (f->view), >, 0);
  filters = sofra_test_ui_find_type (GTK_WIDGET (f->bar), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (filters);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1024);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, 600);
  g_free (sofra_test_ui_screenshot (GTK_WIDGET (f->window), "search-1024x600.png"));

  /* A filter narrows the results at once, and the button counts it. */
  {
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filters)));
    guint      all = sofra_search_view_get_n_results (f->view);
    GtkWidget *dropdowns[4];
    guint      n = 0;

    for (GtkWidget *w = gtk_widget_get_first_child (
           gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (popover))));
         w != NULL; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_DROP_DOWN (w) && n < G_N_ELEMENTS (dropdowns))
        dropdowns[n++] = w;
    g_assert_cmpuint (n, ==, 4); /* kind, community, topic, follow-up status */
    sofra_gui_vocab_dropdown_set_id (GTK_DROP_DOWN (dropdowns[0]), "online_dialogue");
    sofra_test_ui_settle (GTK_WIDGET (f->window));
    g_assert_cmpuint (sofra_search_view_get_n_results (f->view), >, 0);
    g_assert_cmpuint (sofra_search_view_get_n_results (f->view), <, all);
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (filters)), ==, "_Filters (1)");
  }

  /* The filter popover, open. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (filters));
  sofra_test_ui_wait (300);
  g_free (
    sofra_test_ui_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filters))),
                              "search-filters.png"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (filters));
}

int
main (int argc, char **argv)
{
  sofra_test_ui_init (&argc, &argv);
  g_assert_cmpint (argc, ==, 2);
  cli_path = argv[1];

  g_test_add ("/search-ui/cross-script", Fixture, NULL, fixture_set_up, test_cross_script,
              fixture_tear_down);
  g_test_add ("/search-ui/participant", Fixture, NULL, fixture_set_up, test_participant_result,
              fixture_tear_down);
  g_test_add ("/search-ui/empty-and-close", Fixture, NULL, fixture_set_up, test_empty_and_close,
              fixture_tear_down);
  g_test_add ("/search-ui/small-window", Fixture, GINT_TO_POINTER (1), fixture_set_up,
              test_small_window, fixture_tear_down);
  return g_test_run ();
}
