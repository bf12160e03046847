/* sofra-render-text.c — text as printed documents, the CLI and the GUI show it to a person
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sofra-i18n.h"
#include "sofra-render-text.h"

static GDateTime *
parse_iso_date (const char *iso_date)
{
  int  year, month, day;
  char end;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      strlen (iso_date) != 10 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static gboolean
is_first_of_month (GDateTime *date)
{
  return g_date_time_get_day_of_month (date) == 1;
}

static gboolean
is_last_of_month (GDateTime *date)
{
  return g_date_time_get_day_of_month (date) ==
         g_date_get_days_in_month (g_date_time_get_month (date), g_date_time_get_year (date));
}

const char *
sofra_render_language (void)
{
  const char *const *names = g_get_language_names ();
  const char        *first = names[0];

  if (g_str_has_prefix (first, "sq"))
    return "sq";
  if (g_str_has_prefix (first, "sr"))
    return strstr (first, "@latin") != NULL ? "sr@latin" : "sr";
  return "en";
}

char *
sofra_render_place_name (SofraStore *store, const char *place_id, const char *language)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (SofraPlace) place = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  if (place_id == NULL)
    return NULL;

  doc = sofra_store_get (store, place_id, NULL);
  if (doc == NULL)
    return NULL;
  place = sofra_place_from_json (doc, NULL);
  if (place == NULL)
    return NULL;

  return sofra_place_display_name (place, language != NULL ? language : sofra_render_language ());
}

char *
sofra_render_format_date (const char *iso_date)
{
  g_autoptr (GDateTime) date = parse_iso_date (iso_date);

  if (iso_date == NULL)
    return g_strdup ("");
  if (date == NULL)
    return g_strdup (iso_date);

  /* Translators: a date on documents and lists, see the strftime(3) manual; keep %-d %B %Y
   * or reorder them, e.g. "%-d. %B %Y."
   * xgettext:no-c-format */
  return sofra_i18n_format_date_time (date, _ ("%-d %B %Y"));
}

static char *
format_both (GDateTime  *from,
             const char *from_format,
             GDateTime  *to,
             const char *to_format,
             const char *separator)
{
  g_autofree char *a = sofra_i18n_format_date_time (from, from_format);
  g_autofree char *b = sofra_i18n_format_date_time (to, to_format);

  return g_strconcat (a, separator, b, NULL);
}

char *
sofra_render_format_period (const char *from, const char *to)
{
  g_autoptr (GDateTime) start = parse_iso_date (from);
  g_autoptr (GDateTime) end = parse_iso_date (to);
  gboolean same_year, same_month, whole_months;

  if (start == NULL || end == NULL)
    return g_strdup_printf ("%s – %s", from != NULL ? from : "", to != NULL ? to : "");

  if (g_date_time_compare (start, end) > 0)
    {
      GDateTime *tmp = start;
      start = end;
      end = tmp;
    }

  same_year = g_date_time_get_year (start) == g_date_time_get_year (end);
  same_month = same_year && g_date_time_get_month (start) == g_date_time_get_month (end);
  whole_months = is_first_of_month (start) && is_last_of_month (end);

  if (g_date_time_equal (start, end))
    return sofra_render_format_date (from);

  if (whole_months && same_year && g_date_time_get_month (start) == 1 &&
      g_date_time_get_month (end) == 12)
    return g_date_time_format (start, "%Y");

  if (whole_months && same_month)
    /* Translators: a whole month as a reporting period; %OB is the month's name as it
     * stands alone (nominative), see strftime(3) and g_date_time_format()
     * xgettext:no-c-format */
    return sofra_i18n_format_date_time (start, _ ("%OB %Y"));

  if (whole_months && same_year)
    /* Translators: a range of whole months in one year, "January – March 2026"; the first
     * is the start month, the second the end month and year
     * xgettext:no-c-format */
    return format_both (start, _ ("%OB"), end, _ ("%OB %Y"), " – ");

  if (whole_months)
    return format_both (start, _ ("%OB %Y"), end, _ ("%OB %Y"), " – ");

  if (same_month)
    /* Translators: days in one month, "1–15 March 2026": the first is the start day alone,
     * the second the end day with month and year
     * xgettext:no-c-format */
    return format_both (start, _ ("%-d"), end, _ ("%-d %B %Y"), "–");

  if (same_year)
    /* Translators: the start of a range of days within one year, "15 January" in
     * "15 January – 14 March 2026"
     * xgettext:no-c-format */
    return format_both (start, _ ("%-d %B"), end, _ ("%-d %B %Y"), " – ");

  return format_both (start, _ ("%-d %B %Y"), end, _ ("%-d %B %Y"), " – ");
}

char *
sofra_render_participant_line (const SofraParticipant *participant)
{
  const char *shown;
  GString    *line;

  g_return_val_if_fail (participant != NULL, NULL);

  shown = sofra_participant_public_name (participant);
  if (shown == NULL || *shown == '\0')
    return g_strdup (participant->code != NULL ? participant->code : "");

  if (g_strcmp0 (shown, participant->code) == 0)
    return g_strdup (shown);

  line = g_string_new (shown);
  if (participant->role != NULL && *participant->role != '\0')
    g_string_append_printf (line, " — %s", participant->role);
  if (participant->organisation != NULL && *participant->organisation != '\0')
    g_string_append_printf (line, "%s%s",
                            participant->role != NULL && *participant->role != '\0' ? ", " : " — ",
                            participant->organisation);

  return g_string_free (line, FALSE);
}
