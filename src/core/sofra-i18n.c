/* sofra-i18n.c — the interface language: gettext set-up, and dates written in that language
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sofra-i18n.h"

/* Month names as they stand in a date, "28 November 2026" (the same context as the printed
 * documents' dates, so one translation serves both). */
static const char *const months_in_date[] = {
  NC_ ("month in a date", "January"),   NC_ ("month in a date", "February"),
  NC_ ("month in a date", "March"),     NC_ ("month in a date", "April"),
  NC_ ("month in a date", "May"),       NC_ ("month in a date", "June"),
  NC_ ("month in a date", "July"),      NC_ ("month in a date", "August"),
  NC_ ("month in a date", "September"), NC_ ("month in a date", "October"),
  NC_ ("month in a date", "November"),  NC_ ("month in a date", "December"),
};

/* Month names on their own: a calendar's title, a reporting period ("November 2026"). */
static const char *const months_standalone[] = {
  NC_ ("month standing alone", "January"),   NC_ ("month standing alone", "February"),
  NC_ ("month standing alone", "March"),     NC_ ("month standing alone", "April"),
  NC_ ("month standing alone", "May"),       NC_ ("month standing alone", "June"),
  NC_ ("month standing alone", "July"),      NC_ ("month standing alone", "August"),
  NC_ ("month standing alone", "September"), NC_ ("month standing alone", "October"),
  NC_ ("month standing alone", "November"),  NC_ ("month standing alone", "December"),
};

static const char *const months_abbreviated[] = {
  NC_ ("abbreviated month", "Jan"), NC_ ("abbreviated month", "Feb"),
  NC_ ("abbreviated month", "Mar"), NC_ ("abbreviated month", "Apr"),
  NC_ ("abbreviated month", "May"), NC_ ("abbreviated month", "Jun"),
  NC_ ("abbreviated month", "Jul"), NC_ ("abbreviated month", "Aug"),
  NC_ ("abbreviated month", "Sep"), NC_ ("abbreviated month", "Oct"),
  NC_ ("abbreviated month", "Nov"), NC_ ("abbreviated month", "Dec"),
};

/* Monday first, as GDateTime counts (1 = Monday … 7 = Sunday). */
static const char *const weekdays[] = {
  NC_ ("weekday", "Monday"),   NC_ ("weekday", "Tuesday"), NC_ ("weekday", "Wednesday"),
  NC_ ("weekday", "Thursday"), NC_ ("weekday", "Friday"),  NC_ ("weekday", "Saturday"),
  NC_ ("weekday", "Sunday"),
};

static const char *const weekdays_abbreviated[] = {
  NC_ ("abbreviated weekday", "Mon"), NC_ ("abbreviated weekday", "Tue"),
  NC_ ("abbreviated weekday", "Wed"), NC_ ("abbreviated weekday", "Thu"),
  NC_ ("abbreviated weekday", "Fri"), NC_ ("abbreviated weekday", "Sat"),
  NC_ ("abbreviated weekday", "Sun"),
};

/* LANGUAGE as the environment gave it before Sofra chose a language, to go back to. */
static char    *system_language;
static gboolean system_language_saved;

static void
save_system_language (void)
{
  if (system_language_saved)
    return;
  system_language = g_strdup (g_getenv ("LANGUAGE"));
  system_language_saved = TRUE;
}

static gboolean
is_plain_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX");
}

/* gettext ignores LANGUAGE in the plain C locale; C.UTF-8 is built into the C library. Setting
 * LC_MESSAGES again, even to the same value, also drops the translations gettext cached. */
static void
reload_messages (void)
{
  g_autofree char *current = g_strdup (setlocale (LC_MESSAGES, NULL));

  if (is_plain_c_locale (current) && g_getenv ("LANGUAGE") != NULL &&
      setlocale (LC_MESSAGES, "C.UTF-8") != NULL)
    return;
  setlocale (LC_MESSAGES, current != NULL ? current : "");
}

static void
apply_language (const char *language)
{
  save_system_language ();
  if (language != NULL && *language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  else if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

void
sofra_i18n_init (const char *language)
{
  apply_language (language);
  setlocale (LC_ALL, "");
  reload_messages ();
  bindtextdomain (GETTEXT_PACKAGE, sofra_i18n_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GLib decides once, at the first g_dgettext() of the process, whether to translate at all:
   * not when the default domain has no catalogue for a locale that is neither C nor English,
   * which is the case while the interface is English on a C.UTF-8 or Albanian system. Sofra
   * can switch from English to Albanian while it runs, so the decision is taken here, while
   * the default domain is still "messages", where it always comes out "translate". */
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
}

void
sofra_i18n_set_language (const char *language)
{
  apply_language (language);
  reload_messages ();
  textdomain (GETTEXT_PACKAGE);
}

const char *
sofra_i18n_locale_dir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    {
      const char      *env = g_getenv ("SOFRA_LOCALEDIR");
      g_autofree char *installed = g_build_filename (LOCALEDIR, "sq", "LC_MESSAGES",
                                                     GETTEXT_PACKAGE ".mo", NULL);
      char            *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else if (!g_file_test (installed, G_FILE_TEST_EXISTS) &&
               g_file_test (SOFRA_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
        found = g_strdup (SOFRA_BUILD_LOCALEDIR);
      else
        found = g_strdup (LOCALEDIR);
      g_once_init_leave (&dir, found);
    }
  return dir;
}

const char *
sofra_i18n_month_msgid (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return months_in_date[month - 1];
}

const char *
sofra_i18n_month_name (guint month, gboolean standalone)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  if (standalone)
    return g_dpgettext2 (GETTEXT_PACKAGE, "month standing alone", months_standalone[month - 1]);
  return g_dpgettext2 (GETTEXT_PACKAGE, "month in a date", months_in_date[month - 1]);
}

const char *
sofra_i18n_month_abbreviation (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month", months_abbreviated[month - 1]);
}

const char *
sofra_i18n_weekday_name (guint weekday, gboolean abbreviated)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");

  if (abbreviated)
    return g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated weekday", weekdays_abbreviated[weekday - 1]);
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[weekday - 1]);
}

/* @name into a g_date_time_format() format: its own '%' doubled, upper case with the '^' flag. */
static void
append_name (GString *format, const char *name, gboolean upper)
{
  g_autofree char *text = upper ? g_utf8_strup (name, -1) : g_strdup (name);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append_c (format, '%');
      g_string_append_c (format, *p);
    }
}

char *
sofra_i18n_format_date_time (GDateTime *datetime, const char *format)
{
  g_autoptr (GString) expanded = NULL;
  guint month, weekday;

  g_return_val_if_fail (datetime != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (!g_utf8_validate (format, -1, NULL))
    return NULL;

  month = g_date_time_get_month (datetime);
  weekday = g_date_time_get_day_of_week (datetime);
  expanded = g_string_sized_new (strlen (format) + 32);
  for (const char *p = format; *p != '\0'; p++)
    {
      const char *start = p;
      gboolean    upper = FALSE, alternative = FALSE;
      const char *name = NULL;

      if (*p != '%')
        {
          g_string_append_c (expanded, *p);
          continue;
        }
      p++;
      while (*p != '\0' && strchr ("-_0^#", *p) != NULL)
        upper |= *p++ == '^';
      if (*p == 'O' || *p == 'E')
        alternative = *p++ == 'O';
      if (*p == '\0')
        {
          /* A '%' that ends the format is kept as written. */
          g_string_append_c (expanded, '%');
          g_string_append (expanded, start);
          break;
        }
      switch (*p)
        {
        case 'B':
          name = sofra_i18n_month_name (month, alternative);
          break;
        case 'b':
        case 'h':
          name = sofra_i18n_month_abbreviation (month);
          break;
        case 'A':
          name = sofra_i18n_weekday_name (weekday, FALSE);
          break;
        case 'a':
          name = sofra_i18n_weekday_name (weekday, TRUE);
          break;
        default:
          break;
        }
      if (name != NULL)
        append_name (expanded, name, upper);
      else
        g_string_append_len (expanded, start, p - start + 1);
    }
  return g_date_time_format (datetime, expanded->str);
}
