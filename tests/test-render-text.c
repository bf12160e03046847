/* test-render-text.c — the text helpers of the render layer and the sync layer's SoupSession
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "sofra-render-text.h"
#include "sofra-soup.h"
#include "sofra-test-util.h"

static void
assert_period (const char *from, const char *to, const char *expected)
{
  g_autofree char *text = sofra_render_format_period (from, to);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_date (void)
{
  g_autofree char *date = sofra_render_format_date ("2026-03-14");
  g_autofree char *bad_month = sofra_render_format_date ("2026-13-01");
  g_autofree char *bad_day = sofra_render_format_date ("2026-02-30");
  g_autofree char *trailing = sofra_render_format_date ("2026-03-14x");
  g_autofree char *none = sofra_render_format_date (NULL);

  g_assert_cmpstr (date, ==, "14 March 2026");
  g_assert_cmpstr (bad_month, ==, "2026-13-01");
  g_assert_cmpstr (bad_day, ==, "2026-02-30");
  g_assert_cmpstr (trailing, ==, "2026-03-14x");
  g_assert_cmpstr (none, ==, "");
}

static void
test_format_period (void)
{
  assert_period ("2026-03-14", "2026-03-14", "14 March 2026");
  assert_period ("2026-03-01", "2026-03-15", "1–15 March 2026");
  assert_period ("2026-01-15", "2026-03-14", "15 January – 14 March 2026");
  assert_period ("2026-03-01", "2026-03-31", "March 2026");
  assert_period ("2024-02-01", "2024-02-29", "February 2024");
  assert_period ("2026-01-01", "2026-03-31", "January – March 2026");
  assert_period ("2026-01-01", "2026-12-31", "2026");
  assert_period ("2025-11-01", "2026-02-28", "November 2025 – February 2026");
  assert_period ("2025-12-20", "2026-01-10", "20 December 2025 – 10 January 2026");
  /* Given the wrong way round, the period is still the same days. */
  assert_period ("2026-03-15", "2026-03-01", "1–15 March 2026");
  assert_period ("2026-03-01", "someday", "2026-03-01 – someday");
  assert_period (NULL, "2026-03-01", " – 2026-03-01");
}

static SofraParticipant *
make_participant (gboolean on_documents)
{
  SofraParticipant *p = sofra_participant_new ();

  p->name = g_strdup ("Јелена Марковић");
  p->code = g_strdup ("P-7F3K");
  p->role = g_strdup ("teacher");
  p->organisation = g_strdup ("Parents' council");
  p->consent.name_recorded = TRUE;
  p->consent.name_on_documents = on_documents;
  return p;
}

static void
test_participant_line (void)
{
  g_autoptr (SofraParticipant) p = make_participant (TRUE);
  g_autoptr (SofraParticipant) withheld = make_participant (FALSE);
  g_autofree char *full = sofra_render_participant_line (p);
  g_autofree char *hidden = sofra_render_participant_line (withheld);
  g_autofree char *no_role = NULL;
  g_autofree char *name_only = NULL;
  g_autofree char *withdrawn = NULL;

  g_assert_cmpstr (full, ==, "Јелена Марковић — teacher, Parents' council");
  /* Role and organisation could identify the person: only the code is shown. */
  g_assert_cmpstr (hidden, ==, "P-7F3K");

  g_clear_pointer (&p->role, g_free);
  no_role = sofra_render_participant_line (p);
  g_assert_cmpstr (no_role, ==, "Јелена Марковић — Parents' council");

  g_clear_pointer (&p->organisation, g_free);
  name_only = sofra_render_participant_line (p);
  g_assert_cmpstr (name_only, ==, "Јелена Марковић");

  p->consent.withdrawn_date = g_strdup ("2026-02-01");
  withdrawn = sofra_render_participant_line (p);
  g_assert_cmpstr (withdrawn, ==, "P-7F3K");
}

static void
test_language (void)
{
  g_setenv ("LANGUAGE", "sr@latin", TRUE);
  g_assert_cmpstr (sofra_render_language (), ==, "sr@latin");
  g_setenv ("LANGUAGE", "sr_RS", TRUE);
  g_assert_cmpstr (sofra_render_language (), ==, "sr");
  g_setenv ("LANGUAGE", "sq_AL:en", TRUE);
  g_assert_cmpstr (sofra_render_language (), ==, "sq");
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_cmpstr (sofra_render_language (), ==, "en");
  g_unsetenv ("LANGUAGE");
}

static void
test_place_name (void)
{
  g_autofree char *path = sofra_test_tmp_path ("places.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraStore) store = sofra_store_open (path, &error);
  g_autofree char *sr = NULL;
  g_autofree char *sr_latin = NULL;
  g_autofree char *sq = NULL;
  g_autofree char *en = NULL;

  g_assert_no_error (error);
  g_assert_true (sofra_store_seed_places (store, &error));
  g_assert_no_error (error);

  sr = sofra_render_place_name (store, "place:gracanice", "sr");
  sr_latin = sofra_render_place_name (store, "place:gracanice", "sr@latin");
  sq = sofra_render_place_name (store, "place:gracanice", "sq");
  en = sofra_render_place_name (store, "place:gracanice", "en");
  g_assert_cmpstr (sr, ==, "Грачаница");
  g_assert_cmpstr (sr_latin, ==, "Gračanica");
  g_assert_cmpstr (sq, ==, "Graçanicë");
  g_assert_cmpstr (en, ==, "Graçanicë/Gračanica");
  g_assert_null (sofra_render_place_name (store, "place:atlantis", "en"));
  g_assert_null (sofra_render_place_name (store, NULL, "en"));
}

static void
test_soup_session (void)
{
  g_autoptr (SoupSession) session = sofra_sync_create_soup_session ();
  g_autofree char *expected = g_strconcat ("Sofra/", SOFRA_VERSION, NULL);

  g_assert_cmpstr (sofra_sync_user_agent (), ==, expected);
  g_assert_cmpstr (soup_session_get_user_agent (session), ==, expected);
  g_assert_cmpuint (soup_session_get_timeout (session), ==, SOFRA_SYNC_TIMEOUT_SECONDS);
  g_assert_cmpuint (soup_session_get_idle_timeout (session), ==, 60);
  g_assert_cmpuint (soup_session_get_max_conns_per_host (session), >, 1);
}

int
main (int argc, char *argv[])
{
  sofra_test_init (&argc, &argv);
  /* The expected strings are the C locale's month names. */
  setlocale (LC_TIME, "C.UTF-8");
  setlocale (LC_MESSAGES, "C.UTF-8");

  g_test_add_func ("/render-text/format-date", test_format_date);
  g_test_add_func ("/render-text/format-period", test_format_period);
  g_test_add_func ("/render-text/participant-line", test_participant_line);
  g_test_add_func ("/render-text/language", test_language);
  g_test_add_func ("/render-text/place-name", test_place_name);
  g_test_add_func ("/sync/soup-session", test_soup_session);

  return g_test_run ();
}
