/* sofra-cli-summary.c — sofra-cli summary: session summaries and period documents as PDF
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-cli.h"
#include "sofra-report.h"

static gboolean
check_language (const char *language)
{
  return language == NULL || g_str_equal (language, "sq") || g_str_equal (language, "sr") ||
         g_str_equal (language, "sr@latin") || g_str_equal (language, "en");
}

static gboolean
check_choice (const char *value, const char *const *choices)
{
  return value == NULL || g_strv_contains (choices, value);
}

int
sofra_cli_summary (const SofraCliOptions *options, char **args)
{
  static const char *const papers[] = { "a4", "letter", NULL };
  static const char *const scripts[] = { "as-typed", "latin", "cyrillic", NULL };
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (SofraReport) report = NULL;
  g_autoptr (GError) error = NULL;
  SofraReportOptions report_options = { 0 };
  gboolean           period = options->from != NULL || options->to != NULL;

  if (options->pdf == NULL)
    return sofra_cli_usage_error (_ ("The command summary needs --pdf FILE"));
  if (period && (options->from == NULL || options->to == NULL))
    return sofra_cli_usage_error (_ ("A period needs both --from and --to"));
  if (period == (args[0] != NULL))
    return sofra_cli_usage_error (
      _ ("Give either session ids or a period (--from and --to), not both and not neither"));
  if (!check_language (options->language))
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Unknown language “%s”: choose sq, sr, sr@latin or en"),
                         options->language);
      return sofra_cli_usage_error (message);
    }
  if (!check_choice (options->paper, papers))
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Unknown paper size “%s”: choose a4 or letter"), options->paper);
      return sofra_cli_usage_error (message);
    }
  if (!check_choice (options->script, scripts))
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Unknown script “%s”: choose as-typed, latin or cyrillic"),
                         options->script);
      return sofra_cli_usage_error (message);
    }

  store = sofra_cli_open_store (options, FALSE, NULL, &error);
  if (store == NULL)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }

  report_options.language = options->language;
  report_options.bilingual = options->bilingual;
  report_options.script = sofra_script_from_string (options->script);
  report_options.organisation = options->organisation;
  if (period)
    report = sofra_report_new_period (store, options->from, options->to, &report_options, &error);
  else
    report = sofra_report_new_sessions (store, (const char *const *) args, &report_options, &error);

  if (report == NULL || !sofra_report_write_pdf (report, options->pdf,
                                                 sofra_paper_from_string (options->paper), &error))
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
