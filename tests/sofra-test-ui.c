/* sofra-test-ui.c — helpers for the GUI tests: windows, waiting, finding widgets, screenshots
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-test-ui.h"
#include "sofra-test-util.h"

#include <glib/gstdio.h>

void
sofra_test_ui_init (int *argc, char ***argv)
{
  g_auto (GStrv) system_dirs = NULL;
  GtkIconTheme *icons;

  /* Before g_test_init(): these still are the system's directories. */
  g_content_type_set_mime_dirs (NULL);
  system_dirs = g_strdupv ((char **) g_get_system_data_dirs ());
  sofra_test_init (argc, argv);

  gtk_init ();
  adw_init ();

  icons = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (system_dirs[i], "icons", NULL);

      gtk_icon_theme_add_search_path (icons, path);
    }
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
sofra_test_ui_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
after_paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static void
wait_for_paint (GtkWindow *window)
{
  GdkFrameClock *clock;
  gboolean       painted = FALSE;
  gulong         handler;
  gint64         deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

void
sofra_test_ui_settle (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  g_assert_true (GTK_IS_WINDOW (root));
  wait_for_paint (GTK_WINDOW (root));
  wait_for_paint (GTK_WINDOW (root));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

GtkWindow *
sofra_test_ui_window_new (GtkWidget *child, int width, int height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WINDOW (window));
  sofra_test_ui_wait (50);

  return GTK_WINDOW (window);
}

SofraWindow *
sofra_test_ui_main_window_new (SofraStore *store,
                               GSettings  *settings,
                               int         width,
                               int         height,
                               const char *view)
{
  SofraWindow *window = sofra_window_new (NULL, store, settings);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (view != NULL)
    sofra_window_show_view (window, view);
  sofra_test_ui_wait (300);
  return window;
}

gboolean
sofra_test_ui_wait_for_field (SofraStore *store,
                              const char *id,
                              const char *field,
                              const char *value,
                              guint       timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  for (;;)
    {
      g_autoptr (JsonObject) doc = sofra_store_get (store, id, NULL);

      if (doc != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (doc, field, NULL), value) == 0)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      sofra_test_ui_wait (20);
    }
}

char *
sofra_test_ui_put_json (SofraStore *store, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = json_from_string (json, &error);
  JsonObject *doc;

  g_assert_no_error (error);
  doc = json_node_get_object (node);
  g_assert_true (sofra_store_put (store, doc, &error));
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (doc, "_id"));
}

static void
collect (GtkWidget       *widget,
         SofraTestUiMatch match,
         gpointer         data,
         GPtrArray       *out,
         gboolean         first_only)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (first_only && out->len > 0)
    return;
  if (match (widget, data))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, match, data, out, first_only);
}

static GtkWidget *
find_first (GtkWidget *root, SofraTestUiMatch match, gpointer data)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect (root, match, data, found, TRUE);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

typedef struct
{
  GtkWidget *widget;
  double     y;
  double     x;
} Placed;

static int
compare_placed (gconstpointer a, gconstpointer b)
{
  const Placed *pa = a;
  const Placed *pb = b;

  if (pa->y != pb->y)
    return pa->y < pb->y ? -1 : 1;
  if (pa->x != pb->x)
    return pa->x < pb->x ? -1 : 1;
  return 0;
}

GPtrArray *
sofra_test_ui_find_all_sorted (GtkWidget *root, SofraTestUiMatch match, gpointer data)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  GPtrArray *sorted = g_ptr_array_new ();

  collect (root, match, data, found, FALSE);
  for (guint i = 0; i < found->len; i++)
    {
      graphene_point_t point;
      Placed           p = { g_ptr_array_index (found, i), 0, 0 };

      if (gtk_widget_compute_point (p.widget, root, &GRAPHENE_POINT_INIT (0, 0), &point))
        {
          p.x = point.x;
          p.y = point.y;
        }
      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);
  for (guint i = 0; i < placed->len; i++)
    g_ptr_array_add (sorted, g_array_index (placed, Placed, i).widget);

  return sorted;
}

static gboolean
match_type (GtkWidget *widget, gpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

GtkWidget *
sofra_test_ui_find_type (GtkWidget *root, GType type)
{
  return find_first (root, match_type, GSIZE_TO_POINTER (type));
}

static gboolean
match_label (GtkWidget *widget, gpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

GtkWidget *
sofra_test_ui_find_label (GtkWidget *root, const char *text)
{
  return find_first (root, match_label, (gpointer) text);
}

static gboolean
match_entry_row (GtkWidget *widget, gpointer data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

GtkWidget *
sofra_test_ui_find_entry_row (GtkWidget *root, const char *title)
{
  return find_first (root, match_entry_row, (gpointer) title);
}

static gboolean
match_button (GtkWidget *widget, gpointer data)
{
  g_autoptr (GString) label = NULL;
  GtkWidget  *inner;
  const char *text = NULL;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  text = gtk_button_get_label (GTK_BUTTON (widget));
  inner = gtk_button_get_child (GTK_BUTTON (widget));
  if (text == NULL && ADW_IS_BUTTON_CONTENT (inner))
    text = adw_button_content_get_label (ADW_BUTTON_CONTENT (inner));
  if (text == NULL)
    return FALSE;

  label = g_string_new (text);
  g_string_replace (label, "_", "", 0);
  return g_str_equal (label->str, data);
}

GtkWidget *
sofra_test_ui_find_button (GtkWidget *root, const char *label)
{
  return find_first (root, match_button, (gpointer) label);
}

void
sofra_test_ui_scroll_to (GtkWidget *widget)
{
  GtkWidget     *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* Until the layout settles: a revealer may still be growing the page. */
  for (guint i = 0; i < 10; i++)
    {
      graphene_point_t point;
      double           before = gtk_adjustment_get_value (adjustment);

      g_assert_true (
        gtk_widget_compute_point (widget,
                                  gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                  &GRAPHENE_POINT_INIT (0, 0), &point));
      /* Relative to the viewport, which shows the content from the adjustment's value on. */
      gtk_adjustment_set_value (adjustment, before + point.y - 12);
      sofra_test_ui_wait (100);
      if (gtk_adjustment_get_value (adjustment) == before)
        break;
    }
}

void
sofra_test_ui_press (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

void
sofra_test_ui_click (GtkWidget *widget)
{
  /* A click on a list row runs the row's own "listitem.select" action. */
  g_assert_true (gtk_widget_activate_action (widget, "listitem.select", "(bb)", FALSE, FALSE));
}

char *
sofra_test_ui_screenshot (GtkWidget *widget, const char *name)
{
  const char      *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir != NULL ? builddir : ".", "screenshots", NULL);
  char            *path = g_build_filename (dir, name, NULL);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int          width, height;

  wait_for_paint (GTK_WINDOW (gtk_widget_get_root (widget)));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

char *
sofra_test_ui_date (int days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gboolean
match_action_row_title (GtkWidget *widget, gpointer data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

GtkWidget *
sofra_test_ui_find_action_row (GtkWidget *root, const char *title)
{
  g_autoptr (GPtrArray)
    rows = sofra_test_ui_find_all_sorted (root, match_action_row_title, (gpointer) title);

  return rows->len > 0 ? g_ptr_array_index (rows, 0) : NULL;
}

GtkWidget *
sofra_test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

SofraStore *
sofra_test_ui_open_demo_store (const char *cli_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sofra_test_tmp_path ("demo.db");
  const char      *argv[] = { cli_path, "--database", path, "demo-data", NULL };
  SofraStore      *store;
  int              status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  store = sofra_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}
