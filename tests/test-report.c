/* test-report.c — what a summary shows and hides: consent, small groups, scripts, languages
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
#include "sofra-test-report.h"
#include "sofra-test-util.h"

#define SECRET_NAME    "Драган Тајновић"
#define SECRET_CODE    "P-S3CR"
#define WITHDRAWN_NAME "Mirela Tërhequr"
#define WITHDRAWN_CODE "P-W1TH"
#define PRIVATE_NOTE   "Private remark that must stay on this laptop"

static void
test_consent (void)
{
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
  g_autofree char *session =
    sofra_test_report_add_session (store, "Takim për lirinë e lëvizjes", "2026-03-14",
                                   "Pjesëmarrësit folën për autobusët e mbrëmjes.");
  g_autofree char *named = sofra_test_report_add_participant (store, "Arbëresha Krasniqi", "P-AK01",
                                                              "albanian", "woman", TRUE,
                                                              "Shoqata e Bletarëve");
  g_autofree char *secret = sofra_test_report_add_participant (store, SECRET_NAME, SECRET_CODE,
                                                               "serbian", "man", FALSE,
                                                               "Secret employer");
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
  withdrawn = sofra_test_report_add_participant (store, WITHDRAWN_NAME, WITHDRAWN_CODE, "albanian",
                                                 "woman", TRUE, NULL);
  wdoc = sofra_store_get (store, withdrawn, NULL);
  w = sofra_participant_from_json (wdoc, NULL);
  w->consent.withdrawn_date = g_strdup ("2026-02-01");
  g_clear_pointer (&wdoc, json_object_unref);
  wdoc = sofra_participant_to_json (w);
  g_free (sofra_test_report_put (store, wdoc));

  sofra_test_report_attend (store, session, named, "speaker");
  sofra_test_report_attend (store, session, secret, "participant");
  sofra_test_report_attend (store, session, withdrawn, "participant");

  note->participant_id = g_strdup (secret);
  note->session_id = g_strdup (session);
  note->date = g_strdup ("2026-03-14");
  note->text = g_strdup (PRIVATE_NOTE);
  note->visibility = g_strdup ("private");
  note_doc = sofra_note_to_json (note);
  note_id = sofra_test_report_put (store, note_doc);

  report = sofra_report_new_sessions (store, ids, &sofra_test_report_english, &error);
  g_assert_no_error (error);
  pdf = sofra_test_report_write_pdf (report, "consent.pdf", SOFRA_PAPER_A4);
  text = sofra_test_report_pdf_text (pdf, 0);

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
  fonts = sofra_test_report_run ((const char *[]){ "pdffonts", pdf, NULL });
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
  sofra_test_report_save_pages (pdf, "consent-en");
}

static void
test_small_groups (void)
{
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
  g_autofree char *session = sofra_test_report_add_session (store, "Small groups", "2026-03-14",
                                                            NULL);
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
      g_autofree char *id = sofra_test_report_add_participant (store, NULL, code,
                                                               i < 3 ? "albanian" : "serbian",
                                                               i < 3 ? "woman" : "man", FALSE,
                                                               NULL);

      sofra_test_report_attend (store, session, id, "participant");
    }

  report = sofra_report_new_sessions (store, ids, &sofra_test_report_english, &error);
  g_assert_no_error (error);
  pdf = sofra_test_report_write_pdf (report, "groups.pdf", SOFRA_PAPER_A4);
  text = sofra_test_report_pdf_text (pdf, 0);
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

static void
test_png (void)
{
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
  g_autofree char *session = sofra_test_report_add_session (store, "Тркалезна маса о безбедности",
                                                            "2026-05-05",
                                                            "Разговор о безбедности у насељу.");
  const char      *ids[] = { session, NULL };
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

  report = sofra_report_new_sessions (store, ids, &sofra_test_report_english, &error);
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
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
  g_autofree char *session = sofra_test_report_add_session (store, "Paper", "2026-05-05", NULL);
  const char      *ids[] = { session, NULL };
  g_autoptr (SofraReport)
    report = sofra_report_new_sessions (store, ids, &sofra_test_report_english, NULL);
  g_autofree char *a4 = sofra_test_report_write_pdf (report, "a4.pdf", SOFRA_PAPER_A4);
  g_autofree char *letter = sofra_test_report_write_pdf (report, "letter.pdf", SOFRA_PAPER_LETTER);
  g_autofree char *a4_info = sofra_test_report_run ((const char *[]){ "pdfinfo", a4, NULL });
  g_autofree char *letter_info = sofra_test_report_run (
    (const char *[]){ "pdfinfo", letter, NULL });

  g_assert_nonnull (strstr (a4_info, "(A4)"));
  g_assert_nonnull (strstr (letter_info, "612 x 792"));
  g_assert_cmpint (sofra_paper_from_string ("letter"), ==, SOFRA_PAPER_LETTER);
  g_assert_cmpint (sofra_paper_from_string ("a4"), ==, SOFRA_PAPER_A4);
  g_assert_cmpint (sofra_paper_from_string ("nonsense"), ==, SOFRA_PAPER_A4);
}

static void
test_script (void)
{
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
  g_autofree char *session =
    sofra_test_report_add_session (store, "Žene u zdravstvu", "2026-05-05",
                                   "Razgovor o dostupnosti zdravstvenih usluga.");
  const char        *ids[] = { session, NULL };
  SofraReportOptions cyrillic = sofra_test_report_english;
  g_autoptr (SofraReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  cyrillic.script = SOFRA_SCRIPT_CYRILLIC;
  report = sofra_report_new_sessions (store, ids, &cyrillic, NULL);
  pdf = sofra_test_report_write_pdf (report, "script.pdf", SOFRA_PAPER_A4);
  text = sofra_test_report_pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Жене у здравству"));
  g_assert_nonnull (strstr (text, "Разговор о доступности"));
  g_assert_null (strstr (text, "Žene"));
}

static void
test_language_restored (void)
{
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
  g_autofree char *session = sofra_test_report_add_session (store, "Languages", "2026-05-05", NULL);
  const char      *ids[] = { session, NULL };
  g_autofree char *before_env = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *before_locale = g_strdup (setlocale (LC_MESSAGES, NULL));
  const char      *languages[] = { "sq", "sr", "sr@latin", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      SofraReportOptions options = sofra_test_report_english;
      g_autoptr (SofraReport) report = NULL;
      g_autofree char *name = g_strdup_printf ("lang-%s.pdf", languages[i]);
      g_autofree char *pdf = NULL;
      g_autofree char *text = NULL;

      options.language = languages[i];
      options.bilingual = i == 0;
      report = sofra_report_new_sessions (store, ids, &options, NULL);
      pdf = sofra_test_report_write_pdf (report, name, SOFRA_PAPER_A4);
      text = sofra_test_report_pdf_text (pdf, 0);
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
  const char      *sofra_test_report_english = sofra_labels_get (en, "field", "Kind");
  const char      *pair = sofra_labels_get (both, "field", "Kind");

  g_assert_cmpstr (sofra_test_report_english, ==, "Kind");
  g_assert_cmpstr (sofra_labels_get (sq_again, "field", "Kind"), ==, albanian);
  g_assert_nonnull (strstr (pair, albanian));
  g_assert_nonnull (strstr (pair, serbian));
  if (!g_str_equal (albanian, serbian))
    g_assert_nonnull (strstr (pair, " / "));
  g_assert_cmpstr (sofra_labels_get_language (en), ==, "en");
  g_assert_true (sofra_labels_get_bilingual (both));
}

int
main (int argc, char *argv[])
{
  sofra_i18n_init (NULL);
  sofra_test_init (&argc, &argv);

  g_test_add_func ("/report/consent", test_consent);
  g_test_add_func ("/report/small-groups", test_small_groups);
  g_test_add_func ("/report/png", test_png);
  g_test_add_func ("/report/paper", test_paper);
  g_test_add_func ("/report/script", test_script);
  g_test_add_func ("/report/language-restored", test_language_restored);
  g_test_add_func ("/report/labels-switch", test_labels_switch);
  return g_test_run ();
}
