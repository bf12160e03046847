/* test-i18n-ui.c — the window in Albanian, Serbian (both scripts) and English at 1024×600
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (tests/run-ui-test.sh) on sofra-cli's demo data, with the message catalogues
 * built in this build directory. Arguments: sofra-cli, that locale directory, and the strings
 * the build extracted from the sources (po/sofra-strings.pot). For each language it opens the main window
 * on each view and the preferences, saves screenshots (screenshots/i18n-LANG-*.png) and checks
 * that no label, button, placeholder or tooltip shows an English string that has a translation,
 * and that the window fits 1024×600. Dates, the calendar, place names and switching the
 * language of a running application are checked too.
 */
#include <adwaita.h>
#include <string.h>

#include "sofra-date-button.h"
#include "sofra-i18n.h"
#include "sofra-language-switch.h"
#include "sofra-month-calendar.h"
#include "sofra-preferences-window.h"
#include "sofra-print-dialog.h"
#include "sofra-render-text.h"
#include "sofra-search-view.h"
#include "sofra-store.h"
#include "sofra-test-ui.h"
#include "sofra-test-util.h"
#include "sofra-vocab.h"
#include "sofra-window.h"

static const char *cli_path;
static const char *pot_path;

static const char *const month_names[] = { "January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December" };
static const char *const weekday_names[] = { "Monday", "Tuesday",  "Wednesday", "Thursday",
                                             "Friday", "Saturday", "Sunday" };

/* Every original English string of the sources (msgid and msgid_plural of the catalogue
 * template the build extracts, $SOFRA_TEST_POT). */
static GHashTable *originals;

static void
load_originals (void)
{
  const char      *path = pot_path;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) current = NULL;

  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  originals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quote = strchr (line, '"');

      if (current != NULL && line[0] == '"')
        {
          g_autofree char *part = g_strndup (line + 1, strlen (line) - 2);
          g_autofree char *text = g_strcompress (part);

          g_string_append (current, text);
          continue;
        }
      if (current != NULL)
        {
          if (current->len > 0)
            g_hash_table_add (originals, g_strdup (current->str));
          g_string_free (g_steal_pointer (&current), TRUE);
        }
      if ((g_str_has_prefix (line, "msgid \"") || g_str_has_prefix (line, "msgid_plural \"")) &&
          quote != NULL)
        {
          g_autofree char *part = g_strndup (quote + 1, strlen (quote) - 2);
          g_autofree char *text = g_strcompress (part);

          current = g_string_new (text);
        }
    }
  if (current != NULL && current->len > 0)
    g_hash_table_add (originals, g_strdup (current->str));
  g_assert_cmpuint (g_hash_table_size (originals), >, 100);
}

/* Strings translated with a message context (vocabularies, month and weekday names): their
 * English originals that have a translation, and every translation, in the language in use.
 * A text in both sets ("Mar" is March in English and Tuesday in Albanian) is not English. */
typedef struct
{
  GHashTable *english;
  GHashTable *translated;
} Contextual;

static void
contextual_add (Contextual *c, const char *english, const char *translated)
{
  g_hash_table_add (c->translated, g_strdup (translated));
  if (!g_str_equal (english, translated))
    g_hash_table_add (c->english, g_strdup (english));
}

static void
contextual_init (Contextual *c)
{
  c->english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->translated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (SofraVocab v = 0; v < SOFRA_N_VOCABS; v++)
    for (const SofraVocabEntry *e = sofra_vocab_entries (v); e->id != NULL; e++)
      contextual_add (c, e->label, sofra_vocab_label (v, e->id));
  for (guint m = 1; m <= 12; m++)
    {
      g_autofree char *abbreviation = g_strndup (month_names[m - 1], 3);

      contextual_add (c, month_names[m - 1], sofra_i18n_month_name (m, FALSE));
      contextual_add (c, month_names[m - 1], sofra_i18n_month_name (m, TRUE));
      contextual_add (c, abbreviation, sofra_i18n_month_abbreviation (m));
    }
  for (guint d = 1; d <= 7; d++)
    {
      g_autofree char *abbreviation = g_strndup (weekday_names[d - 1], 3);

      contextual_add (c, weekday_names[d - 1], sofra_i18n_weekday_name (d, FALSE));
      contextual_add (c, abbreviation, sofra_i18n_weekday_name (d, TRUE));
    }
}

static void
contextual_clear (Contextual *c)
{
  g_clear_pointer (&c->english, g_hash_table_unref);
  g_clear_pointer (&c->translated, g_hash_table_unref);
}

typedef struct
{
  SofraStore *store;
  GSettings  *settings;
  char       *session_id;
  char       *participant_id;
  char       *followup_id;
} Fixture;

static gboolean
first_id_cb (JsonObject *doc, gpointer user_data)
{
  char **id = user_data;

  *id = g_strdup (json_object_get_string_member (doc, "_id"));
  return FALSE;
}

static char *
first_id (SofraStore *store, const char *type)
{
  g_autoptr (GError) error = NULL;
  char *id = NULL;

  g_assert_true (sofra_store_foreach_doc (store, type, first_id_cb, &id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = sofra_test_ui_open_demo_store (cli_path);
  sofra_store_set_author (f->store, "Test", NULL);
  f->settings = g_settings_new ("org.sofra.Sofra");
  f->session_id = first_id (f->store, "session");
  f->participant_id = first_id (f->store, "participant");
  f->followup_id = first_id (f->store, "followup");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  sofra_i18n_set_language (NULL);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  g_free (f->session_id);
  g_free (f->participant_id);
  g_free (f->followup_id);
}

/* Whether @text is an original English string that has a translation in the language now in
 * use — in Sofra's catalogue or in GTK's and libadwaita's. */
static gboolean
is_untranslated (const char *text, Contextual *c)
{
  static const char *const domains[] = { "gtk40", "libadwaita" };
  const char              *ours;

  if (text == NULL || *text == '\0' || g_str_equal (sofra_render_language (), "en"))
    return FALSE;
  /* gettext returns @text itself when its catalogue has no entry; a translation that reads
   * the same ("Status" in Serbian Latin) comes from the catalogue. */
  if (g_hash_table_contains (c->translated, text))
    return FALSE;
  ours = g_dgettext (GETTEXT_PACKAGE, text);
  if (ours != text)
    return !g_str_equal (ours, text);
  if (g_hash_table_contains (originals, text))
    return TRUE; /* an original with no translation in the catalogue */
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    if (!g_str_equal (g_dgettext (domains[i], text), text))
      return TRUE;
  return g_hash_table_contains (c->english, text);
}

static void
check_text (GPtrArray *english, Contextual *c, const char *what, const char *text)
{
  if (is_untranslated (text, c))
    g_ptr_array_add (english, g_strdup_printf ("%s “%s”", what, text));
}

/* Every text a person can see under @widget: labels (as written, with mnemonics, and as
 * shown), placeholders, tooltips. */
static void
collect_english (GtkWidget *widget, Contextual *c, GPtrArray *english, GPtrArray *ellipsized)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      check_text (english, c, "label", gtk_label_get_label (label));
      if (!g_str_equal (gtk_label_get_label (label), gtk_label_get_text (label)))
        check_text (english, c, "label", gtk_label_get_text (label));
      if (gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE &&
          pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_ptr_array_add (ellipsized, g_strdup (gtk_label_get_text (label)));
    }
  if (GTK_IS_TEXT (widget))
    check_text (english, c, "placeholder", gtk_text_get_placeholder_text (GTK_TEXT (widget)));
  check_text (english, c, "tooltip", gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_english (child, c, english, ellipsized);
}

/* Every string of the interface as the language in use shows it, with and without mnemonic
 * underscores. */
static GHashTable *
interface_texts (Contextual *c)
{
  GHashTable    *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, originals);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *shown = g_dgettext (GETTEXT_PACKAGE, key);
      g_auto (GStrv) parts = g_strsplit (shown, "_", -1);

      g_hash_table_add (texts, g_strdup (shown));
      g_hash_table_add (texts, g_strjoinv ("", parts));
    }
  g_hash_table_iter_init (&iter, c->translated);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (texts, g_strdup (key));
  return texts;
}

static void
assert_translated (GtkWidget *root, const char *shot)
{
  g_autoptr (GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) ellipsized = g_ptr_array_new_with_free_func (g_free);
  Contextual c;

  contextual_init (&c);
  g_autoptr (GHashTable) interface = interface_texts (&c);
  guint clipped = 0;

  collect_english (root, &c, english, ellipsized);
  contextual_clear (&c);
  /* Shortened text is allowed where long record text meets a narrow column; it is listed so
   * a person looking at the screenshot knows where. The interface's own words are never cut. */
  for (guint i = 0; i < ellipsized->len; i++)
    {
      const char *text = g_ptr_array_index (ellipsized, i);
      gboolean    ours = g_hash_table_contains (interface, text);

      g_test_message ("%s: ellipsized %s“%s”", shot, ours ? "interface text " : "", text);
      clipped += ours;
    }
  g_assert_cmpuint (clipped, ==, 0);
  for (guint i = 0; i < english->len; i++)
    g_test_message ("%s: English left: %s", shot, (char *) g_ptr_array_index (english, i));
  g_assert_cmpuint (english->len, ==, 0);
}

/* The window's content needs no more than 1024×600: nothing is pushed off screen. */
static void
assert_fits (GtkWidget *window)
{
  int min_width = 0, min_height = 0;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, 1024, &min_height, NULL, NULL, NULL);
  g_test_message ("minimum size %d×%d", min_width, min_height);
  g_assert_cmpint (min_width, <=, 1024);
  g_assert_cmpint (min_height, <=, 600);
  g_assert_cmpint (gtk_widget_get_width (window), <=, 1024);
  g_assert_cmpint (gtk_widget_get_height (window), <=, 600);
}

static void
shoot (GtkWidget *widget, const char *language, const char *what)
{
  g_autofree char *name = g_strdup_printf ("i18n-%s-%s.png", language, what);
  g_autofree char *path = NULL;

  sofra_test_ui_settle (widget);
  assert_translated (widget, name);
  path = sofra_test_ui_screenshot (widget, name);
  g_test_message ("screenshot: %s", path);
}

static gboolean
is_combo_row (GtkWidget *widget, gpointer data)
{
  return ADW_IS_COMBO_ROW (widget);
}

/* Preferences → Language offers the system's language and then each language named in itself. */
static void
assert_language_choices (GtkWidget *preferences)
{
  static const char *const names[] = { "English", "Shqip", "Српски", "Srpski" };
  g_autoptr (GPtrArray) rows = sofra_test_ui_find_all_sorted (preferences, is_combo_row, NULL);
  GListModel *model = NULL;

  for (guint i = 0; i < rows->len && model == NULL; i++)
    {
      GListModel *candidate = adw_combo_row_get_model (g_ptr_array_index (rows, i));

      if (candidate != NULL && g_list_model_get_n_items (candidate) == 5 &&
          g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (candidate), 2), "Shqip"))
        model = candidate;
    }
  g_assert_nonnull (model);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==,
                   g_dpgettext2 (GETTEXT_PACKAGE, "interface language", "System"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1), ==, names[i]);
}

static gboolean
is_main_menu_button (GtkWidget *widget, gpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget),
                                                   g_dgettext (GETTEXT_PACKAGE, "Main Menu")) == 0;
}

/* The main menu, open. */
static void
shoot_main_menu (GtkWidget *window, const char *language)
{
  g_autoptr (GPtrArray) buttons = sofra_test_ui_find_all_sorted (window, is_main_menu_button, NULL);
  GtkMenuButton *button;

  g_assert_cmpuint (buttons->len, ==, 1);
  button = g_ptr_array_index (buttons, 0);
  gtk_menu_button_popup (button);
  sofra_test_ui_wait (300);
  shoot (GTK_WIDGET (gtk_menu_button_get_popover (button)), language, "menu");
  gtk_menu_button_popdown (button);
  sofra_test_ui_wait (100);
}

/* The session's date button, open: the calendar in the interface language. */
static void
shoot_date_picker (GtkWidget *window, const char *language)
{
  GtkWidget *date_button = sofra_test_ui_find_type (window, SOFRA_TYPE_DATE_BUTTON);
  GtkWidget *menu_button;

  g_assert_nonnull (date_button);
  menu_button = sofra_test_ui_find_type (date_button, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  sofra_test_ui_wait (300);
  shoot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))), language,
         "date-picker");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  sofra_test_ui_wait (100);
}

/* Search (Ctrl+F) with a query that finds records of every kind. */
static void
shoot_search (SofraWindow *window, const char *language)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  sofra_test_ui_settle (GTK_WIDGET (window));
  view = sofra_test_ui_find_type (GTK_WIDGET (window), SOFRA_TYPE_SEARCH_VIEW);
  g_assert_nonnull (view);
  gtk_editable_set_text (GTK_EDITABLE (sofra_search_view_get_entry (SOFRA_SEARCH_VIEW (view))),
                         "mitrov");
  sofra_test_ui_wait (500);
  assert_fits (GTK_WIDGET (window));
  shoot (GTK_WIDGET (window), language, "search");
  gtk_editable_set_text (GTK_EDITABLE (sofra_search_view_get_entry (SOFRA_SEARCH_VIEW (view))), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  sofra_test_ui_wait (200);
}

/* The window of @type that @action opens, then closed. */
static void
shoot_toplevel (GtkWidget  *window,
                const char *action,
                GType       type,
                const char *language,
                const char *what)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow  *opened = NULL;

  g_assert_true (gtk_widget_activate_action (window, action, NULL));
  sofra_test_ui_wait (400);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && opened == NULL; i++)
    {
      g_autoptr (GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (candidate, type))
        opened = candidate;
    }
  g_assert_nonnull (opened);
  shoot (GTK_WIDGET (opened), language, what);
  gtk_window_destroy (opened);
  sofra_test_ui_wait (100);
}

static void
test_window (Fixture *f, gconstpointer data)
{
  const char  *language = data;
  SofraWindow *window;
  GtkWidget   *preferences;

  sofra_i18n_set_language (language);
  g_assert_cmpstr (sofra_render_language (), ==, language);

  window = sofra_test_ui_main_window_new (f->store, f->settings, 1024, 600, "sessions");
  sofra_window_show_record (window, f->session_id);
  sofra_test_ui_wait (300);
  assert_fits (GTK_WIDGET (window));
  shoot (GTK_WIDGET (window), language, "sessions");

  shoot_date_picker (GTK_WIDGET (window), language);

  sofra_window_show_record (window, f->participant_id);
  sofra_test_ui_wait (300);
  assert_fits (GTK_WIDGET (window));
  shoot (GTK_WIDGET (window), language, "participants");

  sofra_window_show_record (window, f->followup_id);
  sofra_test_ui_wait (300);
  assert_fits (GTK_WIDGET (window));
  shoot (GTK_WIDGET (window), language, "followups");

  shoot_main_menu (GTK_WIDGET (window), language);
  shoot_search (window, language);
  shoot_toplevel (GTK_WIDGET (window), "print.several", SOFRA_TYPE_PRINT_DIALOG, language,
                  "print-several");
  shoot_toplevel (GTK_WIDGET (window), "win.show-help-overlay", GTK_TYPE_SHORTCUTS_WINDOW, language,
                  "shortcuts");

  preferences = sofra_preferences_window_new (GTK_WINDOW (window), f->store, f->settings);
  gtk_window_present (GTK_WINDOW (preferences));
  sofra_test_ui_wait (300);
  shoot (preferences, language, "preferences");
  assert_language_choices (preferences);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sync");
  sofra_test_ui_wait (200);
  shoot (preferences, language, "preferences-sync");
  gtk_window_destroy (GTK_WINDOW (preferences));

  gtk_window_destroy (GTK_WINDOW (window));
  sofra_test_ui_wait (50);
}

/* Dates are written with Sofra's own month and weekday names, whatever LC_TIME is. */
static void
test_dates (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *language, *date, *weekday, *monday, *place;
  } expected[] = {
    { "en", "28 November 2026", "Saturday", "Mon", "Mitrovicë e Jugut/Južna Mitrovica" },
    { "sq", "28 nëntor 2026", "e shtunë", "Hën", "Mitrovicë e Jugut" },
    { "sr", "28. новембра 2026.", "субота", "пон", "Јужна Митровица" },
    { "sr@latin", "28. novembra 2026.", "subota", "pon", "Južna Mitrovica" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (GDateTime) day = g_date_time_new_local (2026, 11, 28, 14, 5, 0);
      g_autofree char *date = NULL;
      g_autofree char *weekday = NULL;
      g_autofree char *place = NULL;
      g_autofree char *time = NULL;

      sofra_i18n_set_language (expected[i].language);
      date = sofra_render_format_date ("2026-11-28");
      weekday = sofra_i18n_format_date_time (day, "%A");
      place = sofra_render_place_name (f->store, "place:mitrovice-jugut", NULL);
      time = sofra_i18n_format_date_time (day, "%H:%M");
      g_assert_cmpstr (date, ==, expected[i].date);
      g_assert_cmpstr (weekday, ==, expected[i].weekday);
      g_assert_cmpstr (sofra_i18n_weekday_name (1, TRUE), ==, expected[i].monday);
      g_assert_cmpstr (place, ==, expected[i].place);
      g_assert_cmpstr (time, ==, "14:05"); /* 24-hour clock in every language */
    }
}

/* The GSettings schema's summaries and descriptions come out translated (gettext-domain). */
static void
test_schema (Fixture *f, gconstpointer data)
{
  static const char *const languages[] = { "sq", "sr", "sr@latin" };
  g_autoptr (GSettingsSchemaSource) source = NULL;
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) keys = NULL;
  g_autofree char *dir = sofra_test_tmp_path ("schemas");
  g_autofree char *xml_path = g_build_filename (dir, "org.sofra.Sofra.gschema.xml", NULL);
  g_autofree char *compiled_path = g_build_filename (dir, "gschemas.compiled", NULL);
  g_autofree char *built = g_build_filename (g_getenv ("GSETTINGS_SCHEMA_DIR"), "gschemas.compiled",
                                             NULL);
  g_autofree char *xml = NULL;
  g_autofree char *compiled = NULL;
  gsize            xml_len = 0, compiled_len = 0;

  /* GLib reads summaries from the schema's XML next to gschemas.compiled, as installed. */
  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "..", "data",
                                                           "org.sofra.Sofra.gschema.xml", NULL),
                                      &xml, &xml_len, NULL));
  g_assert_true (g_file_get_contents (built, &compiled, &compiled_len, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (xml_path, xml, xml_len, NULL));
  g_assert_true (g_file_set_contents (compiled_path, compiled, compiled_len, NULL));
  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, "org.sofra.Sofra", FALSE);
  g_assert_nonnull (schema);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 5);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      sofra_i18n_set_language (languages[l]);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          g_autoptr (GSettingsSchemaKey) key = g_settings_schema_get_key (schema, keys[i]);
          const char *summary = g_settings_schema_key_get_summary (key);
          const char *description = g_settings_schema_key_get_description (key);

          g_assert_nonnull (summary);
          g_assert_nonnull (description);
          g_assert_false (g_hash_table_contains (originals, summary));
          g_assert_false (g_hash_table_contains (originals, description));
        }
    }
  sofra_i18n_set_language ("sq");
  {
    g_autoptr (GSettingsSchemaKey) key = g_settings_schema_get_key (schema, "language");

    g_assert_cmpstr (g_settings_schema_key_get_summary (key), ==, "Gjuha e ndërfaqes");
  }
}

/* The date picker: month title in the language, weeks from Monday. */
static void
test_calendar (Fixture *f, gconstpointer data)
{
  static const char *const languages[] = { "sq", "sr", "sr@latin", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr (GDateTime) day = g_date_time_new_local (2026, 11, 28, 12, 0, 0);
      g_autoptr (GDateTime) picked = NULL;
      g_autofree char *title = NULL;
      g_autofree char *name = g_strdup_printf ("i18n-%s-calendar.png", languages[i]);
      GtkWidget       *calendar;
      GtkWindow       *window;

      sofra_i18n_set_language (languages[i]);
      calendar = sofra_month_calendar_new ();
      window = sofra_test_ui_window_new (calendar, 320, 340);
      sofra_month_calendar_select_day (SOFRA_MONTH_CALENDAR (calendar), day);
      title = g_strdup (sofra_month_calendar_get_title (SOFRA_MONTH_CALENDAR (calendar)));
      g_assert_true (g_str_has_prefix (title, sofra_i18n_month_name (11, TRUE)));
      g_assert_nonnull (strstr (title, "2026"));
      /* 1 November 2026 is a Sunday: the last column of the first row. */
      g_assert_cmpstr (sofra_month_calendar_get_weekday_label (SOFRA_MONTH_CALENDAR (calendar), 0),
                       ==, sofra_i18n_weekday_name (1, TRUE));
      g_assert_cmpstr (sofra_month_calendar_get_day_label (SOFRA_MONTH_CALENDAR (calendar), 0, 5),
                       ==, "");
      g_assert_cmpstr (sofra_month_calendar_get_day_label (SOFRA_MONTH_CALENDAR (calendar), 0, 6),
                       ==, "1");
      g_assert_cmpstr (sofra_month_calendar_get_day_label (SOFRA_MONTH_CALENDAR (calendar), 1, 0),
                       ==, "2");
      sofra_month_calendar_activate_day (SOFRA_MONTH_CALENDAR (calendar), 5, 0); /* the 30th */
      picked = sofra_month_calendar_get_date (SOFRA_MONTH_CALENDAR (calendar));
      g_assert_cmpint (g_date_time_get_day_of_month (picked), ==, 30);
      sofra_month_calendar_shift_month (SOFRA_MONTH_CALENDAR (calendar), 2);
      g_assert_true (
        g_str_has_prefix (sofra_month_calendar_get_title (SOFRA_MONTH_CALENDAR (calendar)),
                          sofra_i18n_month_name (1, TRUE)));
      sofra_month_calendar_shift_month (SOFRA_MONTH_CALENDAR (calendar), -2);
      shoot (GTK_WIDGET (window), languages[i], "calendar");
      gtk_window_destroy (window);
    }
}

/* Choosing another language in a running Sofra rebuilds its window in that language. */
static void
test_switch (Fixture *f, gconstpointer data)
{
  g_autoptr (GtkApplication) application = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow       *old_window;
  GtkWindow       *new_window;
  g_autofree char *sessions_sr = NULL;

  sofra_i18n_set_language ("sq");
  application = gtk_application_new ("org.sofra.Sofra.TestI18n", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  old_window = GTK_WINDOW (sofra_window_new (application, f->store, f->settings));
  g_object_add_weak_pointer (G_OBJECT (old_window), (gpointer *) &old_window);
  gtk_window_present (old_window);
  sofra_test_ui_wait (300);
  g_assert_nonnull (sofra_test_ui_find_label (GTK_WIDGET (old_window), "Sesione"));

  new_window = sofra_language_switch_apply (application, f->store, f->settings, "sr");
  g_assert_nonnull (new_window);
  sofra_test_ui_wait (300);
  g_assert_null (old_window); /* closed, after saving */
  sessions_sr = g_strdup (g_dgettext (GETTEXT_PACKAGE, "Sessions"));
  g_assert_cmpstr (sessions_sr, !=, "Sessions");
  g_assert_nonnull (sofra_test_ui_find_label (GTK_WIDGET (new_window), sessions_sr));
  g_assert_null (sofra_test_ui_find_label (GTK_WIDGET (new_window), "Sesione"));
  assert_translated (GTK_WIDGET (new_window), "switched to sr");
  gtk_window_destroy (new_window);
  sofra_test_ui_wait (50);
}

int
main (int argc, char **argv)
{
  sofra_test_ui_init (&argc, &argv);
  g_assert_cmpint (argc, ==, 4);
  cli_path = argv[1];
  /* The catalogues built in the build directory, and the strings of the sources. */
  g_setenv ("SOFRA_LOCALEDIR", argv[2], TRUE);
  pot_path = argv[3];
  sofra_i18n_init (NULL);
  load_originals ();

  g_test_add ("/i18n-ui/window/sq", Fixture, "sq", fixture_set_up, test_window, fixture_tear_down);
  g_test_add ("/i18n-ui/window/sr", Fixture, "sr", fixture_set_up, test_window, fixture_tear_down);
  g_test_add ("/i18n-ui/window/sr@latin", Fixture, "sr@latin", fixture_set_up, test_window,
              fixture_tear_down);
  g_test_add ("/i18n-ui/window/en", Fixture, "en", fixture_set_up, test_window, fixture_tear_down);
  g_test_add ("/i18n-ui/dates", Fixture, NULL, fixture_set_up, test_dates, fixture_tear_down);
  g_test_add ("/i18n-ui/schema", Fixture, NULL, fixture_set_up, test_schema, fixture_tear_down);
  g_test_add ("/i18n-ui/calendar", Fixture, NULL, fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/i18n-ui/switch", Fixture, NULL, fixture_set_up, test_switch, fixture_tear_down);
  return g_test_run ();
}
