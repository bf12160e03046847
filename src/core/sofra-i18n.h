/* sofra-i18n.h — the interface language: gettext set-up, and dates written in that language
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Month and weekday names come from Sofra's own translations, not from the C library's
 * LC_TIME: a laptop may have only the C.UTF-8 locale and still show Albanian or Serbian dates.
 * The clock is always 24-hour and weeks start on Monday.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The languages of the interface, each named in itself: "sq" Shqip, "sr" Српски, "sr@latin"
 * Srpski, "en" English. */
#define SOFRA_I18N_LANGUAGES "sq", "sr", "sr@latin", "en"

/* Sets the locale from the environment and binds Sofra's message catalogue. @language ("sq",
 * "sr", "sr@latin", "en"; NULL or "" for the system's) becomes the interface language. */
void sofra_i18n_init (const char *language);

/* Switches the interface language of a running program (NULL or "": back to the system's).
 * Strings translated after this call are in the new language. */
void sofra_i18n_set_language (const char *language);

/* Where Sofra's message catalogues are: $SOFRA_LOCALEDIR when set, the installed locale
 * directory when Sofra is installed, else the build directory's (running uninstalled). */
const char *sofra_i18n_locale_dir (void);

/* The name of @month (1–12), as it stands in a date ("28 November 2026") or, with
 * @standalone, on its own ("November 2026"); translated. */
const char *sofra_i18n_month_name (guint month, gboolean standalone);
/* The English name of @month (1–12) as it stands in a date, untranslated: the msgid of context
 * "month in a date", for code that translates into another language than the interface's. */
const char *sofra_i18n_month_msgid (guint month);
/* The abbreviated name of @month (1–12), "Nov"; translated. */
const char *sofra_i18n_month_abbreviation (guint month);
/* The name of @weekday (1 Monday … 7 Sunday, as GDateTime counts), full or abbreviated;
 * translated. */
const char *sofra_i18n_weekday_name (guint weekday, gboolean abbreviated);

/* g_date_time_format() with Sofra's translated names for %A %a %B %OB %b %h, so the result
 * is in the interface language whatever the C library's locale. Other conversions are
 * g_date_time_format()'s. Returns NULL when @format is not valid UTF-8. */
char *sofra_i18n_format_date_time (GDateTime *datetime, const char *format);

G_END_DECLS
