/* sofra-test-report.c — builders and poppler readers shared by the report tests
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "sofra-records.h"
#include "sofra-test-report.h"
#include "sofra-test-store.h"
#include "sofra-test-util.h"

const SofraReportOptions sofra_test_report_english = { "en", FALSE, SOFRA_SCRIPT_AS_TYPED,
                                                       "Sofra test", "2026-11-28" };

char *
sofra_test_report_put (SofraStore *store, JsonObject *doc)
{
  g_autoptr (GError) error = NULL;

  sofra_store_put (store, doc, &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (doc, "_id"));
}

char *
sofra_test_report_add_participant (SofraStore *store,
                                   const char *name,
                                   const char *code,
                                   const char *community,
                                   const char *gender,
                                   gboolean    on_documents,
                                   const char *organisation)
{
  g_autoptr (SofraParticipant) p = sofra_participant_new ();
  g_autoptr (JsonObject) doc = NULL;

  p->name = g_strdup (name);
  p->code = g_strdup (code);
  p->community = g_strdup (community);
  p->gender = g_strdup (gender);
  p->organisation = g_strdup (organisation);
  p->consent.date = g_strdup ("2026-01-10");
  p->consent.name_recorded = TRUE;
  p->consent.name_on_documents = on_documents;
  doc = sofra_participant_to_json (p);
  return sofra_test_report_put (store, doc);
}

void
sofra_test_report_attend (SofraStore *store,
                          const char *session_id,
                          const char *participant_id,
                          const char *role)
{
  g_autoptr (SofraAttendance) a = sofra_attendance_new ();
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *id = NULL;

  a->session_id = g_strdup (session_id);
  a->participant_id = g_strdup (participant_id);
  a->role = g_strdup (role);
  doc = sofra_attendance_to_json (a);
  id = sofra_test_report_put (store, doc);
}

char *
sofra_test_report_add_session (SofraStore *store,
                               const char *title,
                               const char *date,
                               const char *summary)
{
  g_autoptr (SofraSession) s = sofra_session_new ();
  g_autoptr (JsonObject) doc = NULL;
  char *communities[] = { "albanian", "serbian", NULL };
  char *languages[] = { "sq", "sr", NULL };
  char *facilitators[] = { "Arbëresha Hoxha", "Ненад Стојановић", NULL };

  s->title = g_strdup (title);
  s->kind = g_strdup ("roundtable");
  s->status = g_strdup ("held");
  s->date = g_strdup (date);
  s->start_time = g_strdup ("10:00");
  s->end_time = g_strdup ("12:30");
  s->place_id = g_strdup ("place:mitrovice-jugut");
  s->venue = g_strdup ("Qendra rinore");
  s->communities = g_strdupv (communities);
  s->languages = g_strdupv (languages);
  s->facilitators = g_strdupv (facilitators);
  s->interpretation = TRUE;
  s->summary = g_strdup (summary);
  doc = sofra_session_to_json (s);
  return sofra_test_report_put (store, doc);
}

SofraStore *
sofra_test_report_open_store (void)
{
  SofraStore *store = sofra_test_open_store ("report.db");
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_store_seed_places (store, &error));
  g_assert_no_error (error);
  return store;
}

char *
sofra_test_report_run (const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* The text of @pdf (page @page from 1, or 0 for all), laid out as on the page. */
char *
sofra_test_report_pdf_text (const char *pdf, int page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);

  if (page > 0)
    return sofra_test_report_run (
      (const char *[]){ "pdftotext", "-layout", "-f", first, "-l", first, pdf, "-", NULL });
  return sofra_test_report_run ((const char *[]){ "pdftotext", "-layout", pdf, "-", NULL });
}

int
sofra_test_report_pdf_pages (const char *pdf)
{
  g_autofree char *info = sofra_test_report_run ((const char *[]){ "pdfinfo", pdf, NULL });
  const char      *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

char *
sofra_test_report_write_pdf (SofraReport *report, const char *name, SofraPaper paper)
{
  char *path = sofra_test_tmp_path (name);
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_report_write_pdf (report, path, paper, &error));
  g_assert_no_error (error);
  return path;
}

/* Saves the pages of @pdf as PNG under the build directory, for a person to look at. */
void
sofra_test_report_save_pages (const char *pdf, const char *prefix)
{
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "report-pages", NULL);
  g_autofree char *root = g_build_filename (folder, prefix, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_free (
    sofra_test_report_run ((const char *[]){ "pdftoppm", "-r", "60", "-png", pdf, root, NULL }));
}
