/* test-report-layout.c — pages: rows never cut, headings kept, page numbers, periods, output
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents rendered to PDF and read back page by page with pdftotext; bad input (unknown
 * sessions, unwritable paths, an empty session) gives an error or a sensible document, never
 * a half-written file.
 */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sofra-i18n.h"
#include "sofra-records.h"
#include "sofra-report.h"
#include "sofra-test-report.h"
#include "sofra-test-util.h"

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
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
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
  session = sofra_test_report_add_session (store, "A very long session", "2026-04-02",
                                           summary->str);
  ids[0] = session;

  /* One paragraph of some seventy lines, numbered word by word. */
  {
    g_autoptr (JsonObject) doc = sofra_store_get (store, session, NULL);
    g_autoptr (GString) agreements = g_string_new (NULL);
    g_autofree char *id = NULL;

    for (int w = 0; w < 900; w++)
      g_string_append_printf (agreements, "w%04d agreed ", w);
    json_object_set_string_member (doc, "agreements", agreements->str);
    id = sofra_test_report_put (store, doc);
  }

  sofra_store_begin (store, NULL);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03d Surname", i);
      g_autofree char *code = g_strdup_printf ("P-%04d", i);
      g_autofree char *org = long_organisation (i);
      g_autofree char *id = sofra_test_report_add_participant (store, name, code,
                                                               i % 3 ? "albanian" : "serbian",
                                                               i % 2 ? "woman" : "man", TRUE, org);

      sofra_test_report_attend (store, session, id, "participant");
    }
  g_assert_true (sofra_store_commit (store, NULL));

  report = sofra_report_new_sessions (store, ids, &sofra_test_report_english, &error);
  g_assert_no_error (error);
  pdf = sofra_test_report_write_pdf (report, "long.pdf", SOFRA_PAPER_A4);
  n_pages = sofra_test_report_pdf_pages (pdf);
  g_assert_cmpint (n_pages, >, 8);

  for (int p = 1; p <= n_pages; p++)
    {
      char            *text = sofra_test_report_pdf_text (pdf, p);
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
    g_autofree char *all = sofra_test_report_pdf_text (pdf, 0);
    const char      *at = all;

    for (int i = 0; i < 40; i++)
      {
        g_autofree char *marker = g_strdup_printf ("Paragraph %02d:", i);

        at = strstr (at, marker);
        g_assert_nonnull (at);
      }
  }
  sofra_test_report_save_pages (pdf, "long-en");
}

static void
test_period (void)
{
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
  g_autofree char *a = sofra_test_report_add_session (store, "March session one", "2026-03-02",
                                                      "First.");
  g_autofree char *b = sofra_test_report_add_session (store, "March session two", "2026-03-30",
                                                      "Second.");
  g_autofree char *c = sofra_test_report_add_session (store, "April session", "2026-04-01",
                                                      "Outside.");
  g_autoptr (SofraReport) report = NULL;
  g_autoptr (SofraReport) empty = NULL;
  g_autoptr (SofraReport) bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty_pdf = NULL;
  g_autofree char *empty_text = NULL;

  report = sofra_report_new_period (store, "2026-03-01", "2026-03-31", &sofra_test_report_english,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sofra_report_get_n_sessions (report), ==, 2);
  pdf = sofra_test_report_write_pdf (report, "period.pdf", SOFRA_PAPER_A4);
  text = sofra_test_report_pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Sessions from 1 March 2026 to 31 March 2026"));
  g_assert_nonnull (strstr (text, "2 sessions"));
  g_assert_nonnull (strstr (text, "March session one"));
  g_assert_nonnull (strstr (text, "March session two"));
  g_assert_null (strstr (text, "April session"));
  /* Oldest first. */
  g_assert_true (strstr (text, "March session one") < strstr (text, "March session two"));
  /* The overview and each session on its own page. */
  g_assert_cmpint (sofra_test_report_pdf_pages (pdf), ==, 3);

  empty = sofra_report_new_period (store, "2025-01-01", "2025-01-31", &sofra_test_report_english,
                                   &error);
  g_assert_no_error (error);
  empty_pdf = sofra_test_report_write_pdf (empty, "empty-period.pdf", SOFRA_PAPER_A4);
  empty_text = sofra_test_report_pdf_text (empty_pdf, 0);
  g_assert_nonnull (strstr (empty_text, "No sessions were held in this period."));

  bad = sofra_report_new_period (store, "2026-03-31", "2026-03-01", &sofra_test_report_english,
                                 &error);
  g_assert_null (bad);
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  bad = sofra_report_new_period (store, "2026-02-30", "2026-03-01", &sofra_test_report_english,
                                 &error);
  g_assert_null (bad);
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  bad = sofra_report_new_period (store, "yesterday", "2026-03-01", &sofra_test_report_english,
                                 &error);
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
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
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
  session = sofra_test_report_put (store, bare_doc);
  ids[0] = session;

  missing = sofra_report_new_sessions (store, unknown, &sofra_test_report_english, &error);
  g_assert_null (missing);
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does-not-exist"));
  g_clear_error (&error);

  missing = sofra_report_new_sessions (store, none, &sofra_test_report_english, &error);
  g_assert_null (missing);
  g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* A participant id is not a session id. */
  {
    g_autofree char *person = sofra_test_report_add_participant (store, "Someone", "P-SOME", NULL,
                                                                 NULL, TRUE, NULL);
    const char      *wrong[] = { person, NULL };

    missing = sofra_report_new_sessions (store, wrong, &sofra_test_report_english, &error);
    g_assert_null (missing);
    g_assert_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  report = sofra_report_new_sessions (store, ids, &sofra_test_report_english, &error);
  g_assert_no_error (error);
  pdf = sofra_test_report_write_pdf (report, "bare.pdf", SOFRA_PAPER_A4);
  text = sofra_test_report_pdf_text (pdf, 0);
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
  g_autoptr (SofraStore) store = sofra_test_report_open_store ();
  g_autofree char *session = sofra_test_report_add_session (store, "Replace", "2026-05-05", NULL);
  const char      *ids[] = { session, NULL };
  g_autoptr (SofraReport)
    report = sofra_report_new_sessions (store, ids, &sofra_test_report_english, NULL);
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

  g_test_add_func ("/report-layout/pagination", test_pagination);
  g_test_add_func ("/report-layout/period", test_period);
  g_test_add_func ("/report-layout/bad-input", test_bad_input);
  g_test_add_func ("/report-layout/replace", test_replace);
  return g_test_run ();
}
