/* sofra-gtk-words.c — GTK's and libadwaita's own words where their catalogue lacks the language
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "sofra-gtk-words.h"

static const struct
{
  const char *domain;  /* the catalogue the word belongs to */
  const char *context; /* Sofra's message context for it */
  const char *english;
} words[] = {
  { "gtk40", "GTK shortcuts window", NC_ ("GTK shortcuts window", "Shortcuts") },
  { "gtk40", "GTK shortcuts window", NC_ ("GTK shortcuts window", "Search Results") },
  { "gtk40", "GTK shortcuts window", NC_ ("GTK shortcuts window", "Search Shortcuts") },
  { "gtk40", "GTK shortcuts window", NC_ ("GTK shortcuts window", "No Results Found") },
  { "gtk40", "GTK shortcuts window", NC_ ("GTK shortcuts window", "Try a different search") },
  { "libadwaita", "About window", NC_ ("About window", "About") },
  { "libadwaita", "About window", NC_ ("About window", "Website") },
  { "libadwaita", "About window", NC_ ("About window", "Details") },
  { "libadwaita", "About window", NC_ ("About window", "What’s New") },
  { "libadwaita", "About window", NC_ ("About window", "Credits") },
  { "libadwaita", "About window", NC_ ("About window", "Legal") },
  { "libadwaita", "About window", NC_ ("About window", "Acknowledgements") },
  { "libadwaita", "About window", NC_ ("About window", "Troubleshooting") },
  { "libadwaita", "About window", NC_ ("About window", "Debugging Information") },
  { "libadwaita", "About window", NC_ ("About window", "Report an Issue") },
  { "libadwaita", "About window", NC_ ("About window", "Support Questions") },
  { "libadwaita", "About window", NC_ ("About window", "Code by") },
  { "libadwaita", "About window", NC_ ("About window", "Design by") },
  { "libadwaita", "About window", NC_ ("About window", "Artwork by") },
  { "libadwaita", "About window", NC_ ("About window", "Documentation by") },
  { "libadwaita", "About window", NC_ ("About window", "Translated by") },
  { "libadwaita", "About window", NC_ ("About window", "_Website") },
  { "libadwaita", "About window", NC_ ("About window", "_Details") },
  { "libadwaita", "About window", NC_ ("About window", "_What’s New") },
  { "libadwaita", "About window", NC_ ("About window", "_Credits") },
  { "libadwaita", "About window", NC_ ("About window", "_Legal") },
  { "libadwaita", "About window", NC_ ("About window", "_Acknowledgements") },
  { "libadwaita", "About window", NC_ ("About window", "_Troubleshooting") },
  { "libadwaita", "About window", NC_ ("About window", "_Debugging Information") },
  { "libadwaita", "About window", NC_ ("About window", "_Report an Issue") },
  { "libadwaita", "About window", NC_ ("About window", "_Support Questions") },
  { "libadwaita", "About window", NC_ ("About window", "_Copy Text") },
  { "libadwaita", "About window", NC_ ("About window", "_Save as…") },
  { "libadwaita", "About window",
    NC_ (
      "About window",
      "To assist in troubleshooting, you can view your debugging information. Providing this information to the application developers can help diagnose any problems you encounter when you report an issue.") },
  /* Translators: libadwaita's words for the GPL-3.0-or-later licence; keep the link */
  { "libadwaita", "About window",
    NC_ (
      "About window",
      "This application comes with absolutely no warranty. See the <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public License, version 3 or later</a> for details.") },
};

/* Sofra's word for @text when GTK left it in English, else NULL. */
static const char *
fill_in (const char *text)
{
  if (text == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *ours;

      if (!g_str_equal (text, words[i].english) ||
          !g_str_equal (g_dgettext (words[i].domain, words[i].english), words[i].english))
        continue;
      ours = g_dpgettext2 (GETTEXT_PACKAGE, words[i].context, words[i].english);
      return g_str_equal (ours, text) ? NULL : ours;
    }
  return NULL;
}

void
sofra_gtk_words_fill_in (GtkWidget *root)
{
  const char *ours;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root) && (ours = fill_in (gtk_label_get_label (GTK_LABEL (root)))) != NULL)
    gtk_label_set_label (GTK_LABEL (root), ours);
  if (GTK_IS_TEXT (root) &&
      (ours = fill_in (gtk_text_get_placeholder_text (GTK_TEXT (root)))) != NULL)
    gtk_text_set_placeholder_text (GTK_TEXT (root), ours);
  if (GTK_IS_SEARCH_ENTRY (root))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (root, "placeholder-text", &placeholder, NULL);
      if ((ours = fill_in (placeholder)) != NULL)
        g_object_set (root, "placeholder-text", ours, NULL);
    }
  if (ADW_IS_PREFERENCES_ROW (root) &&
      (ours = fill_in (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)))) != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (root), ours);
  if (GTK_IS_WINDOW (root) && (ours = fill_in (gtk_window_get_title (GTK_WINDOW (root)))) != NULL)
    gtk_window_set_title (GTK_WINDOW (root), ours);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sofra_gtk_words_fill_in (child);
}
