/* test-i18n.c — sofra-i18n: the interface language switched at run time, dates in its words
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Argument: the locale directory the build fills (po/ in the build directory). The C library's
 * LC_TIME stays C.UTF-8 throughout: every month and weekday name comes from Sofra's catalogue.
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "sofra-i18n.h"
#include "sofra-test-util.h"

static char *
format (int year, int month, int day, const char *pattern)
{
  g_autoptr (GDateTime) datetime = g_date_time_new_local (year, month, day, 9, 5, 0);

  return sofra_i18n_format_date_time (datetime, pattern);
}

static void
assert_format (const char *pattern, const char *expected)
{
  g_autofree char *text = format (2026, 11, 28, pattern);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_english (void)
{
  sofra_i18n_set_language ("en");
  assert_format ("%A %-d %B %Y", "Saturday 28 November 2026");
  assert_format ("%a %-d %b %Y, %H:%M", "Sat 28 Nov 2026, 09:05");
  assert_format ("%OB %Y", "November 2026");
  assert_format ("%^B", "NOVEMBER");
  assert_format ("100%% %B", "100% November"); /* "%%" stays a percent sign */
  assert_format ("%B %", "November %");        /* a lone '%' at the end is kept */
}

static void
test_albanian (void)
{
  sofra_i18n_set_language ("sq");
  assert_format ("%A %-d %B %Y", "e shtunë 28 nëntor 2026");
  assert_format ("%OB %Y", "Nëntor 2026");
  assert_format ("%^B", "NËNTOR"); /* upper case of a name with ë */
  assert_format ("%a %-d %b", "Sht 28 nën");
  g_assert_cmpstr (sofra_i18n_weekday_name (1, FALSE), ==, "e hënë");
  g_assert_cmpstr (_ ("Sessions"), ==, "Sesione");
}

static void
test_serbian (void)
{
  g_autofree char *july = NULL;

  sofra_i18n_set_language ("sr");
  /* In a date the month is genitive, on its own nominative. */
  g_assert_cmpstr (sofra_i18n_month_name (11, FALSE), ==, "новембра");
  g_assert_cmpstr (sofra_i18n_month_name (11, TRUE), ==, "новембар");
  g_assert_cmpstr (sofra_i18n_weekday_name (7, FALSE), ==, "недеља");

  sofra_i18n_set_language ("sr@latin");
  july = format (2026, 7, 4, "%A, %-d. %B");
  g_assert_cmpstr (july, ==, "subota, 4. jula");
}

/* Every month and weekday has a name in every language, different from the English one where
 * the language writes it differently. */
static void
test_every_name (void)
{
  static const char *const languages[] = { "sq", "sr", "sr@latin" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      sofra_i18n_set_language (languages[l]);
      for (guint m = 1; m <= 12; m++)
        {
          g_autoptr (GDateTime) first = g_date_time_new_local (2026, m, 1, 12, 0, 0);
          g_autofree char *english = g_date_time_format (first, "%B");

          g_assert_cmpstr (sofra_i18n_month_name (m, FALSE), !=, english);
          g_assert_cmpstr (sofra_i18n_month_name (m, TRUE), !=, english);
          g_assert_cmpstr (sofra_i18n_month_abbreviation (m), !=, "");
        }
      for (guint d = 1; d <= 7; d++)
        g_assert_cmpstr (sofra_i18n_weekday_name (d, TRUE), !=, "");
    }
}

/* Back to the system's language: this test's environment has no LANGUAGE, so English. */
static void
test_back_to_system (void)
{
  sofra_i18n_set_language ("sq");
  g_assert_cmpstr (_ ("Sessions"), ==, "Sesione");
  sofra_i18n_set_language (NULL);
  g_assert_null (g_getenv ("LANGUAGE"));
  g_assert_cmpstr (_ ("Sessions"), ==, "Sessions");
  assert_format ("%B", "November");
}

static void
test_bad_format (void)
{
  g_autoptr (GDateTime) datetime = g_date_time_new_local (2026, 11, 28, 9, 5, 0);

  sofra_i18n_set_language ("sq");
  g_assert_null (sofra_i18n_format_date_time (datetime, "\xff%B"));
}

int
main (int argc, char **argv)
{
  sofra_test_init (&argc, &argv);
  g_assert_cmpint (argc, ==, 2);
  g_unsetenv ("LANGUAGE");
  g_setenv ("SOFRA_LOCALEDIR", argv[1], TRUE);
  sofra_i18n_init (NULL);
  g_assert_cmpstr (sofra_i18n_locale_dir (), ==, argv[1]);
  /* Whatever the machine has, month names must not come from LC_TIME. */
  setlocale (LC_TIME, "C.UTF-8");

  g_test_add_func ("/i18n/english", test_english);
  g_test_add_func ("/i18n/albanian", test_albanian);
  g_test_add_func ("/i18n/serbian", test_serbian);
  g_test_add_func ("/i18n/every-name", test_every_name);
  g_test_add_func ("/i18n/back-to-system", test_back_to_system);
  g_test_add_func ("/i18n/bad-format", test_bad_format);
  return g_test_run ();
}
