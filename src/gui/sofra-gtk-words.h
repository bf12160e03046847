/* sofra-gtk-words.h — GTK's and libadwaita's own words where their catalogue lacks the language
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Under @root (a shortcuts window, an About window), replaces the labels and placeholders that
 * GTK or libadwaita left in English because their catalogue has no translation for the
 * language in use (Debian 12's Albanian gtk40 catalogue dates from 2009; libadwaita has none)
 * with Sofra's own translation. Words GTK translates are left as GTK wrote them. */
void sofra_gtk_words_fill_in (GtkWidget *root);

G_END_DECLS
