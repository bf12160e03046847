/* test-report.c — session summaries and period documents as real PDFs, read back with poppler
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every document is rendered to a PDF file and read back with pdftotext and pdffonts; the
 * words checked are the English labels (the source strings) and the records' own text, so no
 * test depends on a translation's wording. PNG pages go to report-pages/ under the build
 * directory for a person to look at.
 */
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sofra-i18n.h"
#include "sofra-records.h"
#include "sofra-render-labels.h"
#include "sofra-report.h"
#include "sofra-test-store.h"
#include "sofra-test-util.h"

#define SECRET_NAME    "Драган Тајновић"
#define SECRET_CODE    "P-S3CR"
#define WITHDRAWN_NAME "Mirela Tërhequr"
#define WITHDRAWN_CODE "P-W1TH"
#define PRIVATE_NOTE   "Private remark that must stay on this laptop"

static const SofraReportOptions english = { "en", FALSE, SOFRA_SCRIPT_AS_TYPED, "Sofra test",
                                            "2026-11-28" };

/* ---- helpers ---------------------------------------------------------------------------- */

static char *
put (SofraStore *store, JsonObject *doc)
{
  g_autoptr (GError) error = NULL;

  sofra_store_put (store, doc, &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (doc, "_id"));
}

static char *
add_participant (SofraStore *store,
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
  return put (store, doc);
}

static void
attend (SofraStore *store, const char *session_id, const char *participant_id, const char *role)
{
  g_autoptr (SofraAttendance) a = sofra_attendance_new ();
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *id = NULL;

  a->session_id = g_strdup (session_id);
  a->participant_id = g_strdup (participant_id);
  a->role = g_strdup (role);
  doc = sofra_attendance_to_json (a);
  id = put (store, doc);
}

static char *
add_session (SofraStore *store, const char *title, const char *date, const char *summary)
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
  return put (store, doc);
}

static SofraStore *
open_store (void)
{
  SofraStore *store = sofra_test_open_store ("report.db");
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_store_seed_places (store, &error));
  g_assert_no_error (error);
  return store;
}

static char *
run (const char *const *argv)
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
static char *
pdf_text (const char *pdf, int page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);

  if (page > 0)
    return run (
      (const char *[]){ "pdftotext", "-layout", "-f", first, "-l", first, pdf, "-", NULL });
  return run ((const char *[]){ "pdftotext", "-layout", pdf, "-", NULL });
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *info = run ((const char *[]){ "pdfinfo", pdf, NULL });
  const char      *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static char *
write_pdf (SofraReport *report, const char *name, SofraPaper paper)
{
  char *path = sofra_test_tmp_path (name);
  g_autoptr (GError) error = NULL;

  g_assert_true (sofra_report_write_pdf (report, path, paper, &error));
  g_assert_no_error (error);
  return path;
}

/* Saves the pages of @pdf as PNG under the build directory, for a person to look at. */
static void
save_pages (const char *pdf, const char *prefix)
{
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "report-pages", NULL);
  g_autofree char *root = g_build_filename (folder, prefix, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_free (run ((const char *[]){ "pdftoppm", "-r", "60", "-png", pdf, root, NULL }));
}

/* ---- tests ---------------------------------------------------------------------------- */

static void
test_consent (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autofree char *session = add_session (store, "Takim për lirinë e lëvizjes", "2026-03-14",
                                          "Pjesëmarrësit folën për autobusët e mbrëmjes.");
  g_autofree char *named = add_participant (store, "Arbëresha Krasniqi", "P-AK01", "albanian",
                                            "woman", TRUE, "Shoqata e Bletarëve");
  g_autofree char *secret = add_participant (store, SECRET_NAME, SECRET_CODE, "serbian", "man",
                                             FALSE, "Secret employer");
  g_autofree char *withdrawn = NULL;
  g_autoptr (SofraParticipant) w = NULL;
  g_autoptr (JsonObject) wdoc = NULL;
  g_autoptr (SofraNote) note = sofra_note_new ();
  g_autoptr (JsonObject) note_doc = NULL;
  g_autofree char *note_id = NULL;
  g_autoptr (SofraReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  const char      *ids[] = { session, NULL };

  /* Consent given and later withdrawn: the name must not appear either. */
  withdrawn = add_participant (store, WITHDRAWN_NAME, WITHDRAWN_CODE, "albanian", "woman", TRUE,
                               NULL);
  wdoc = sofra_store_get (store, withdrawn, NULL);
  w = sofra_participant_from_json (wdoc, NULL);
  w->consent.withdrawn_date = g_strdup ("2026-02-01");
  g_clear_pointer (&wdoc, json_object_unref);
  wdoc = sofra_participant_to_json (w);
  g_free (put (store, wdoc));

  attend (store, session, named, "speaker");
  attend (store, session, secret, "participant");
  attend (store, session, withdrawn, "participant");

  note->participant_id = g_strdup (secret);
  note->session_id = g_strdup (session);
  note->date = g_strdup ("2026-03-14");
  note->text = g_strdup (PRIVATE_NOTE);
  note->visibility = g_strdup ("private");
  note_doc = sofra_note_to_json (note);
  note_id = put (store, note_doc);

  report = sofra_report_new_sessions (store, ids, &english, &error);
  g_assert_no_error (error);
  pdf = write_pdf (report, "consent.pdf", SOFRA_PAPER_A4);
  text = pdf_text (pdf, 0);

  g_assert_nonnull (strstr (text, "Takim për lirinë e lëvizjes"));
  g_assert_nonnull (strstr (text, "Arbëresha Krasniqi"));
  g_assert_nonnull (strstr (text, "Shoqata e Bletarëve"));
  g_assert_nonnull (strstr (text, "Ненад Стојановић"));
  /* The place in English is the pair of its names. */
  g_assert_nonnull (strstr (text, "Mitrovicë e Jugut/Južna Mitrovica"));

  g_assert_null (strstr (text, SECRET_NAME));
  g_assert_null (strstr (text, "Dragan"));
  g_assert_null (strstr (text, "Тајновић"));
  g_assert_null (strstr (text, "Secret employer"));
  g_assert_nonnull (strstr (text, SECRET_CODE));
  g_assert_null (strstr (text, WITHDRAWN_NAME));
  g_assert_null (strstr (text, "Tërhequr"));
  g_assert_nonnull (strstr (text, WITHDRAWN_CODE));
  g_assert_nonnull (strstr (text, "2 names withheld"));
  g_assert_null (strstr (text, "Private remark"));

  /* Every font is embedded: no line of pdffonts' table says "no" in the "emb" column. */
  fonts = run ((const char *[]){ "pdffonts", pdf, NULL });
  {
    g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
    guint n_fonts = 0;

    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto (GStrv) fields = NULL;

        if (*lines[i] == '\0')
          continue;
        fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
        g_assert_nonnull (strstr (lines[i], "DejaVu"));
        g_assert_null (strstr (lines[i], " no "));
        n_fonts++;
      }
    g_assert_cmpuint (n_fonts, >, 0);
  }
  save_pages (pdf, "consent-en");
}

static void
test_small_groups (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autofree char *session = add_session (store, "Small groups", "2026-03-14", NULL);
  g_autoptr (SofraReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  const char *ids[] = { session, NULL };
  gboolean    seen_albanian = FALSE, seen_serbian = FALSE;

  /* Three Albanian women and six Serbian men. */
  for (int i = 0; i < 9; i++)
    {
      g_autofree char *code = g_strdup_printf ("P-G%03d", i);
      g_autofree char *id = add_participant (store, NULL, code, i < 3 ? "albanian" : "serbian",
                                             i < 3 ? "woman" : "man", FALSE, NULL);

      attend (store, session, id, "participant");
    }

  report = sofra_report_new_sessions (store, ids, &english, &error);
  g_assert_no_error (error);
  pdf = write_pdf (report, "groups.pdf", SOFRA_PAPER_A4);
  text = pdf_text (pdf, 0);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cells = NULL;
      const char *line = g_strstrip (lines[i]);

      if (!g_str_has_prefix (line, "Albanian ") && !g_str_has_prefix (line, "Serbian "))
        continue;
      if (strstr (line, "(with interpretation)") != NULL || strstr (line, ",") != NULL)
        continue;
      /* Community, woman, man, another gender, not said, total */
      cells = g_regex_split_simple ("\\s+", line, 0, 0);
      g_assert_cmpuint (g_strv_length (cells), ==, 6);
      if (g_str_equal (cells[0], "Albanian"))
        {
          seen_albanian = TRUE;
          for (guint c = 1; c < 6; c++)
            g_assert_cmpstr (cells[c], ==, "<5");
        }
      else
        {
          seen_serbian = TRUE;
          g_assert_cmpstr (cells[1], ==, "<5");
          g_assert_cmpstr (cells[2], ==, "6");
          g_assert_cmpstr (cells[5], ==, "6");
        }
    }
  g_assert_true (seen_albanian && seen_serbian);
  g_assert_nonnull (strstr (text, "9 names withheld"));
}

/* A long line of text that wraps in a table cell, with a marker at each end. */
static char *
long_organisation (int i)
{
  return g_strdup_printf ("Org%03dbegin association of traders, commuters and students from "
                          "both parts of the town Org%03dend",
                          i, i);
}

static gboolean
page_has (const char *const *pages, int n, const char *needle, int *found)
{
  for (int p = 0; p < n; p++)
    if (strstr (pages[p], needle) != NULL)
      {
        *found = p;
        return TRUE;
      }
  return FALSE;
}

/* The last line of a page's body, above the footer. */
static char *
last_body_line (const char *page_text)
{
  g_auto (GStrv) lines = g_strsplit (page_text, "\n", -1);
  int      n = (int) g_strv_length (lines);
  gboolean footer_seen = FALSE;

  for (int i = n - 1; i >= 0; i--)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line == '\0' || g_str_has_prefix (line, "\f"))
        continue;
      if (!footer_seen && strstr (line, "Printed on") != NULL)
        {
          footer_seen = TRUE;
          continue;
        }
      if (footer_seen)
        return g_strdup (line);
    }
  return g_strdup ("");
}

static void
test_pagination (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autoptr (GString) summary = g_string_new (NULL);
  g_autofree char *session = NULL;
  g_autoptr (SofraReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  const char *ids[] = { NULL, NULL };
  int         n_pages;
  int         table_pages = 0;

  for (int i = 0; i < 40; i++)
    g_string_append_printf (summary,
                            "Paragraph %02d: participants from both sides of the river described "
                            "their daily journeys, the waiting at crossings, and what would help "
                            "them most; the discussion was calm and practical, with proposals "
                            "for evening buses and information in both languages.\n",
                            i);
  session = add_session (store, "A very long session", "2026-04-02", summary->str);
  ids[0] = session;

  /* One paragraph of some seventy lines, numbered word by word. */
  {
    g_autoptr (JsonObject) doc = sofra_store_get (store, session, NULL);
    g_autoptr (GString) agreements = g_string_new (NULL);
    g_autofree char *id = NULL;

    for (int w = 0; w < 900; w++)
      g_string_append_printf (agreements, "w%04d agreed ", w);
    json_object_set_string_member (doc, "agreements", agreements->str);
    id = put (store, doc);
  }

  sofra_store_begin (store, NULL);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03d Surname", i);
      g_autofree char *code = g_strdup_printf ("P-%04d", i);
      g_autofree char *org = long_organisation (i);
      g_autofree char *id = add_participant (store, name, code, i % 3 ? "albanian" : "serbian",
                                             i % 2 ? "woman" : "man", TRUE, org);

      attend (store, session, id, "participant");
    }
  g_assert_true (sofra_store_commit (store, NULL));

  report = sofra_report_new_sessions (store, ids, &english, &error);
  g_assert_no_error (error);
  pdf = write_pdf (report, "long.pdf", SOFRA_PAPER_A4);
  n_pages = pdf_pages (pdf);
  g_assert_cmpint (n_pages, >, 8);

  for (int p = 1; p <= n_pages; p++)
    {
      char            *text = pdf_text (pdf, p);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", p, n_pages);
      g_autofree char *last = last_body_line (text);

      g_ptr_array_add (pages, text);
      /* The number of pages is known on every page. */
      g_assert_nonnull (strstr (text, footer));
      /* No page ends on a heading. */
      g_assert_cmpstr (last, !=, "Participants");
      g_assert_cmpstr (last, !=, "Summary");
      g_assert_false (g_str_has_prefix (last, "Name or code"));
      if (strstr (text, "Org") != NULL)
        {
          /* A table that goes on to a new page repeats its header. */
          g_assert_nonnull (strstr (text, "Name or code"));
          table_pages++;
        }
    }
  g_assert_cmpint (table_pages, >=, 4);

  /* Each row whole on one page: both ends of its wrapped cell on the same page. */
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *begin = g_strdup_printf ("Org%03dbegin", i);
      g_autofree char *end = g_strdup_printf ("Org%03dend", i);
      g_autofree char *name = g_strdup_printf ("Person %03d Surname", i);
      int              page_begin = -1, page_end = -2, page_name = -3;

      g_assert_true (page_has ((const char *const *) pages->pdata, n_pages, begin, &page_begin));
      g_assert_true (page_has ((const char *const *) pages->pdata, n_pages, end, &page_end));
      g_assert_true (page_has ((const char *const *) pages->pdata, n_pages, name, &page_name));
      g_assert_cmpint (page_begin, ==, page_end);
      g_assert_cmpint (page_begin, ==, page_name);
    }

  /* The long paragraph flows from one page to the next line by line: every word once, in
   * order, and its first and last words on different pages. */
  {
    int first_page = -1, last_page = -1, previous = -1;

    for (int w = 0; w < 900; w++)
      {
        g_autofree char *word = g_strdup_printf ("w%04d", w);
        int              page = -1;
        guint            seen = 0;

        for (int p = 0; p < n_pages; p++)
          {
            const char *text = g_ptr_array_index (pages, p);

            for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
              {
                seen++;
                page = p;
              }
          }
        g_assert_cmpuint (seen, ==, 1);
        g_assert_cmpint (page, >=, previous);
        previous = page;
        if (w == 0)
          first_page = page;
        last_page = page;
      }
    g_assert_cmpint (last_page, >, first_page);
  }

  /* Every paragraph of the summary is there, in order, flowing over the pages. */
  {
    g_autofree char *all = pdf_text (pdf, 0);
    const char      *at = all;

    for (int i = 0; i < 40; i++)
      {
        g_autofree char *marker = g_strdup_printf ("Paragraph %02d:", i);

        at = strstr (at, marker);
        g_assert_nonnull (at);
      }
  }
  save_pages (pdf, "long-en");
}

static void
test_png (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autofree char *session = add_session (store, "Тркалезна маса о безбедности", "2026-05-05",
                                          "Разговор о безбедности у насељу.");
  const char *ids[] = { session, NULL };
  g_autoptr (SofraReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "report-pages", NULL);
  g_autofree char *png = g_build_filename (folder, "image-surface-letter.png", NULL);
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  double           width, height;
  int              n_pages, dark = 0;
  const double     scale = 1.5;

  report = sofra_report_new_sessions (store, ids, &english, &error);
  g_assert_no_error (error);

  sofra_paper_get_size (SOFRA_PAPER_LETTER, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale),
                                        (int) (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  context = sofra_report_create_context (cr);
  n_pages = sofra_report_paginate (report, context, width, height);
  g_assert_cmpint (n_pages, ==, 1);
  sofra_report_draw_page (report, cr, 0);
  cairo_surface_flush (surface);

  /* Ink on the page: the text was drawn. */
  {
    unsigned char *data = cairo_image_surface_get_data (surface);
    int            stride = cairo_image_surface_get_stride (surface);

    for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        if ((((guint32 *) (data + y * stride))[x] & 0xff) < 128)
          dark++;
  }
  g_assert_cmpint (dark, >, 2000);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_paper (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autofree char *session = add_session (store, "Paper", "2026-05-05", NULL);
  const char      *ids[] = { session, NULL };
  g_autoptr (SofraReport) report = sofra_report_new_sessions (store, ids, &english, NULL);
  g_autofree char *a4 = write_pdf (report, "a4.pdf", SOFRA_PAPER_A4);
  g_autofree char *letter = write_pdf (report, "letter.pdf", SOFRA_PAPER_LETTER);
  g_autofree char *a4_info = run ((const char *[]){ "pdfinfo", a4, NULL });
  g_autofree char *letter_info = run ((const char *[]){ "pdfinfo", letter, NULL });

  g_assert_nonnull (strstr (a4_info, "(A4)"));
  g_assert_nonnull (strstr (letter_info, "612 x 792"));
  g_assert_cmpint (sofra_paper_from_string ("letter"), ==, SOFRA_PAPER_LETTER);
  g_assert_cmpint (sofra_paper_from_string ("a4"), ==, SOFRA_PAPER_A4);
  g_assert_cmpint (sofra_paper_from_string ("nonsense"), ==, SOFRA_PAPER_A4);
}

static void
test_script (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autofree char   *session = add_session (store, "Žene u zdravstvu", "2026-05-05",
                                            "Razgovor o dostupnosti zdravstvenih usluga.");
  const char        *ids[] = { session, NULL };
  SofraReportOptions cyrillic = english;
  g_autoptr (SofraReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  cyrillic.script = SOFRA_SCRIPT_CYRILLIC;
  report = sofra_report_new_sessions (store, ids, &cyrillic, NULL);
  pdf = write_pdf (report, "script.pdf", SOFRA_PAPER_A4);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Жене у здравству"));
  g_assert_nonnull (strstr (text, "Разговор о доступности"));
  g_assert_null (strstr (text, "Žene"));
}

static void
test_language_restored (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autofree char *session = add_session (store, "Languages", "2026-05-05", NULL);
  const char      *ids[] = { session, NULL };
  g_autofree char *before_env = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *before_locale = g_strdup (setlocale (LC_MESSAGES, NULL));
  const char      *languages[] = { "sq", "sr", "sr@latin", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      SofraReportOptions options = english;
      g_autoptr (SofraReport) report = NULL;
      g_autofree char *name = g_strdup_printf ("lang-%s.pdf", languages[i]);
      g_autofree char *pdf = NULL;
      g_autofree char *text = NULL;

      options.language = languages[i];
      options.bilingual = i == 0;
      report = sofra_report_new_sessions (store, ids, &options, NULL);
      pdf = write_pdf (report, name, SOFRA_PAPER_A4);
      text = pdf_text (pdf, 0);
      g_assert_nonnull (strstr (text, "Ненад Стојановић"));
      g_assert_nonnull (strstr (text, "Arbëresha Hoxha"));
      /* The dates are in the document: the year at least, whatever the language. */
      g_assert_nonnull (strstr (text, "2026"));
      /* The interface's language is as it was. */
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, before_env);
      g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, before_locale);
    }
}

/* Labels in one language after another: gettext's cache must not hand one language's words
 * to the next (it keeps them while LC_MESSAGES keeps its name). The catalogues of the build
 * directory are used; the checks hold whatever the translations say. */
static void
test_labels_switch (void)
{
  g_autoptr (SofraLabels) sq = sofra_labels_new ("sq", FALSE, "sr");
  g_autoptr (SofraLabels) sr = sofra_labels_new ("sr", FALSE, "sr");
  g_autoptr (SofraLabels) en = sofra_labels_new ("en", FALSE, "sr");
  g_autoptr (SofraLabels) both = sofra_labels_new ("sq", TRUE, "sr");
  g_autoptr (SofraLabels) sq_again = sofra_labels_new ("sq", FALSE, "sr");
  g_autofree char *albanian = g_strdup (sofra_labels_get (sq, "field", "Kind"));
  g_autofree char *serbian = g_strdup (sofra_labels_get (sr, "field", "Kind"));
  const char      *english = sofra_labels_get (en, "field", "Kind");
  const char      *pair = sofra_labels_get (both, "field", "Kind");

  g_assert_cmpstr (english, ==, "Kind");
  g_assert_cmpstr (sofra_labels_get (sq_again, "field", "Kind"), ==, albanian);
  g_assert_nonnull (strstr (pair, albanian));
  g_assert_nonnull (strstr (pair, serbian));
  if (!g_str_equal (albanian, serbian))
    g_assert_nonnull (strstr (pair, " / "));
  g_assert_cmpstr (sofra_labels_get_language (en), ==, "en");
  g_assert_true (sofra_labels_get_bilingual (both));
}

static void
test_period (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autofree char *a = add_session (store, "March session one", "2026-03-02", "First.");
  g_autofree char *b = add_session (store, "March session two", "2026-03-30", "Second.");
  g_autofree char *c = add_session (store, "April session", "2026-04-01", "Outside.");
  g_autoptr (SofraReport) report = NULL;
  g_autoptr (SofraReport) empty = NULL;
  g_autoptr (SofraReport) bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty_pdf = NULL;
  g_autofree char *empty_text = NULL;

  report = sofra_report_new_period (store, "2026-03-01", "2026-03-31", &english, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sofra_report_get_n_sessions (report), ==, 2);
  pdf = write_pdf (report, "period.pdf", SOFRA_PAPER_A4);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Sessions from 1 March 2026 to 31 March 2026"));
  g_assert_nonnull (strstr (text, "2 sessions"));
  g_assert_nonnull (strstr (text, "March session one"));
  g_assert_nonnull (strstr (text, "March session two"));
  g_assert_null (strstr (text, "April session"));
  /* Oldest first. */
  g_assert_true (strstr (text, "March session one") < strstr (text, "March session two"));
  /* The overview and each session on its own page. */
  g_assert_cmpint (pdf_pages (pdf), ==, 3);

  empty = sofra_report_new_period (store, "2025-01-01", "2025-01-31", &english, &error);
  g_assert_no_error (error);
  empty_pdf = write_pdf (empty, "empty-period.pdf", SOFRA_PAPER_A4);
  empty_text = pdf_text (empty_pdf, 0);
  g_assert_nonnull (strstr (empty_text, "No sessions were held in this period."));

  bad = sofra_report_new_period (store, "2026-03-31", "2026-03-01", &english, &error);
  g_assert_null (bad);
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  bad = sofra_report_new_period (store, "2026-02-30", "2026-03-01", &english, &error);
  g_assert_null (bad);
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  bad = sofra_report_new_period (store, "yesterday", "2026-03-01", &english, &error);
  g_assert_null (bad);
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID);
  (void) c;
}

static guint
count_files (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_bad_input (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autoptr (SofraSession) bare = sofra_session_new ();
  g_autoptr (JsonObject) bare_doc = NULL;
  g_autofree char *session = NULL;
  g_autoptr (SofraReport) report = NULL;
  g_autoptr (SofraReport) missing = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = sofra_test_tmp_path ("out");
  g_autofree char *readonly = g_build_filename (folder, "summary.pdf", NULL);
  g_autofree char *nowhere = sofra_test_tmp_path ("no/such/folder/summary.pdf");
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char      *ids[] = { NULL, NULL };
  const char      *unknown[] = { "session:does-not-exist", NULL };
  const char      *none[] = { NULL };

  /* A session with nothing in it but what the store requires. */
  bare->title = g_strdup ("Bare session");
  bare->kind = g_strdup ("other");
  bare->status = g_strdup ("planned");
  bare->date = g_strdup ("2026-06-01");
  bare_doc = sofra_session_to_json (bare);
  session = put (store, bare_doc);
  ids[0] = session;

  missing = sofra_report_new_sessions (store, unknown, &english, &error);
  g_assert_null (missing);
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does-not-exist"));
  g_clear_error (&error);

  missing = sofra_report_new_sessions (store, none, &english, &error);
  g_assert_null (missing);
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* A participant id is not a session id. */
  {
    g_autofree char *person = add_participant (store, "Someone", "P-SOME", NULL, NULL, TRUE, NULL);
    const char      *wrong[] = { person, NULL };

    missing = sofra_report_new_sessions (store, wrong, &english, &error);
    g_assert_null (missing);
    g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  report = sofra_report_new_sessions (store, ids, &english, &error);
  g_assert_no_error (error);
  pdf = write_pdf (report, "bare.pdf", SOFRA_PAPER_A4);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Bare session"));
  g_assert_nonnull (strstr (text, "No participants were recorded."));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));

  /* A folder that does not exist, and a folder that may not be written to: an error, and
   * nothing left behind. */
  g_assert_false (sofra_report_write_pdf (report, nowhere, SOFRA_PAPER_A4, &error));
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0500), ==, 0);
  if (access (folder, W_OK) != 0) /* root may write anywhere */
    {
      g_assert_false (sofra_report_write_pdf (report, readonly, SOFRA_PAPER_A4, &error));
      g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_WRITE);
      g_clear_error (&error);
      g_assert_cmpuint (count_files (folder), ==, 0);
    }
  g_chmod (folder, 0700);

  /* A folder where the file should be: refused, the folder untouched. */
  g_assert_cmpint (g_mkdir (readonly, 0700), ==, 0);
  g_assert_false (sofra_report_write_pdf (report, readonly, SOFRA_PAPER_A4, &error));
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_WRITE);
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_assert_true (g_file_test (readonly, G_FILE_TEST_IS_DIR));
}

/* An existing file is replaced only by a whole new one, and no temporary file is left. */
static void
test_replace (void)
{
  g_autoptr (SofraStore) store = open_store ();
  g_autofree char *session = add_session (store, "Replace", "2026-05-05", NULL);
  const char      *ids[] = { session, NULL };
  g_autoptr (SofraReport) report = sofra_report_new_sessions (store, ids, &english, NULL);
  g_autofree char *folder = sofra_test_tmp_path ("replace");
  g_autofree char *path = g_build_filename (folder, "summary.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize            length = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (sofra_report_write_pdf (report, path, SOFRA_PAPER_A4, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* A PDF ends with its end-of-file marker (and a line break). */
  g_assert_cmpuint (length, >, 6);
  g_assert_nonnull (g_strstr_len (contents + length - 7, 7, "%%EOF"));
  g_assert_cmpuint (count_files (folder), ==, 1);
}

int
main (int argc, char *argv[])
{
  sofra_i18n_init (NULL);
  sofra_test_init (&argc, &argv);

  g_test_add_func ("/report/consent", test_consent);
  g_test_add_func ("/report/small-groups", test_small_groups);
  g_test_add_func ("/report/pagination", test_pagination);
  g_test_add_func ("/report/png", test_png);
  g_test_add_func ("/report/paper", test_paper);
  g_test_add_func ("/report/script", test_script);
  g_test_add_func ("/report/language-restored", test_language_restored);
  g_test_add_func ("/report/labels-switch", test_labels_switch);
  g_test_add_func ("/report/period", test_period);
  g_test_add_func ("/report/bad-input", test_bad_input);
  g_test_add_func ("/report/replace", test_replace);
  return g_test_run ();
}
