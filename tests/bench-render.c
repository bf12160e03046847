/* bench-render.c — a 50-participant session summary and a 100-session period document to PDF
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a store in SOFRA_BENCH_DIR (the build directory under `meson test --benchmark`) with
 * one session of 50 participants (mixed consent, communities and genders, full texts, five
 * follow-ups) and 100 sessions of 12 participants in one period, then times the whole path a
 * person waits for: reading the records, translating, laying out, and writing the PDF file
 * (fonts subset and embedded, fsync and rename included). Prints the median of many runs,
 * with the 10th and 90th percentiles, the median CPU time of the process (which other load on
 * the machine does not change, and which leaves out waiting for the disk), the number of pages
 * and the file's size. The same
 * summary drawn to an image surface (no file, no fonts embedded) is measured beside it, as
 * the share of the time that is layout and drawing.
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <time.h>
#include <stdio.h>
#include <string.h>

#include "sofra-records.h"
#include "sofra-report.h"
#include "sofra-store.h"

static const char *const communities[] = { "albanian", "serbian", "roma",    "ashkali",
                                           "bosniak",  "gorani",  "turkish", NULL };
static const char *const genders[] = { "woman", "man",     "woman",
                                       "man",   "another", "prefer_not_to_say" };
static const char *const names[] = { "Arbëresha Hoxha",  "Драган Петровић", "Vjosa Krasniqi",
                                     "Milica Jovanović", "Besnik Rama",     "Ђорђе Стојановић",
                                     "Elvira Beriša",    "Fatmir Gashi" };

static const char *summary_text =
  "Traders, commuters and students from both parts of the town described how they move between "
  "them for work, school and health care. Waiting times, vehicle licence plates and the lack of "
  "evening public transport came up most often. The discussion was calm and practical.\n"
  "Banorët, përfaqësuesit e policisë dhe të shoqërisë civile diskutuan për ndjenjën e sigurisë "
  "në lagjet e përziera dhe rëndësinë e komunikimit në të dyja gjuhët.\n"
  "Учесници су разговарали о јавном превозу, радном времену институција и информацијама на оба "
  "језика; договорено је да се састанак понови за три месеца.";
static const char *points_text =
  "- Evening bus lines stop early, which keeps students and shift workers from classes.\n"
  "- Participants asked for clear information in both languages on the documents needed.\n"
  "- Incidentet e vogla shpesh nuk raportohen nga frika ose mosbesimi.\n"
  "- Патроле са службеницима који говоре оба језика дају резултате.";

static void
put (SofraStore *store, JsonObject *doc)
{
  g_autoptr (GError) error = NULL;

  if (!sofra_store_put (store, doc, &error))
    g_error ("put: %s", error->message);
}

static char *
add_session (SofraStore *store, guint index, const char *date, guint n_people, guint n_followups)
{
  g_autoptr (SofraSession) s = sofra_session_new ();
  g_autoptr (JsonObject) doc = NULL;
  char *both[] = { "albanian", "serbian", "roma", NULL };
  char *languages[] = { "sq", "sr", "en", NULL };
  char *facilitators[] = { "Jelena Marković", "Besnik Rama", NULL };
  char *topics[] = { "freedom_of_movement", "security", NULL };
  char *id;

  s->title = g_strdup_printf ("Roundtable %u on everyday freedom of movement", index);
  s->kind = g_strdup ("roundtable");
  s->status = g_strdup ("held");
  s->date = g_strdup (date);
  s->start_time = g_strdup ("10:00");
  s->end_time = g_strdup ("12:30");
  s->place_id = g_strdup ("place:mitrovice-jugut");
  s->venue = g_strdup ("Community centre, main hall");
  s->communities = g_strdupv (both);
  s->languages = g_strdupv (languages);
  s->facilitators = g_strdupv (facilitators);
  s->topics = g_strdupv (topics);
  s->interpretation = TRUE;
  s->summary = g_strdup (summary_text);
  s->key_points = g_strdup (points_text);
  s->agreements = g_strdup (points_text);
  s->incidents = g_strdup ("None reported.");
  s->trust_before = 3;
  s->trust_after = 4;
  doc = sofra_session_to_json (s);
  put (store, doc);
  id = g_strdup (json_object_get_string_member (doc, "_id"));

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr (SofraParticipant) p = sofra_participant_new ();
      g_autoptr (SofraAttendance) a = sofra_attendance_new ();
      g_autoptr (JsonObject) pdoc = NULL;
      g_autoptr (JsonObject) adoc = NULL;

      p->name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], index * 1000 + i);
      p->code = sofra_participant_make_code ();
      p->community = g_strdup (communities[i % 7]);
      p->gender = g_strdup (genders[i % G_N_ELEMENTS (genders)]);
      p->organisation = i % 3 == 0 ? g_strdup ("Shoqata e Bletarëve") : NULL;
      p->consent.date = g_strdup ("2026-01-10");
      p->consent.name_recorded = TRUE;
      p->consent.name_on_documents = i % 4 != 0;
      pdoc = sofra_participant_to_json (p);
      put (store, pdoc);
      a->session_id = g_strdup (id);
      a->participant_id = g_strdup (json_object_get_string_member (pdoc, "_id"));
      a->role = g_strdup (i == 0 ? "speaker" : "participant");
      adoc = sofra_attendance_to_json (a);
      put (store, adoc);
    }

  for (guint i = 0; i < n_followups; i++)
    {
      g_autoptr (SofraFollowUp) f = sofra_followup_new ();
      g_autoptr (JsonObject) fdoc = NULL;

      f->what = g_strdup_printf ("Send the minutes in both languages, part %u", i + 1);
      f->session_id = g_strdup (id);
      f->owner = g_strdup ("Besnik Rama");
      f->due_date = g_strdup ("2026-04-30");
      f->status = g_strdup (i % 2 ? "done" : "open");
      f->priority = g_strdup ("normal");
      if (i % 2)
        f->completed_on = g_strdup ("2026-04-20");
      fdoc = sofra_followup_to_json (f);
      put (store, fdoc);
    }
  return id;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double p10, median, p90;
} Stats;

static Stats
stats_of (double *ms, guint n)
{
  Stats s;

  qsort (ms, n, sizeof (double), compare_doubles);
  s.p10 = ms[n / 10];
  s.median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
  s.p90 = ms[MIN ((n * 9) / 10, n - 1)];
  return s;
}

/* CPU time of this process in ms: what the work costs, whatever else the machine is doing
 * (the wall time waits for the CPU when other processes hold it). */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;
  int              pages = 0;

  /* Each page object of cairo's PDFs is "/Type /Page" followed by a delimiter. */
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return -1;
  for (const char *p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)); p++)
    if ((gsize) (p - contents) + 11 < length && p[11] != 's')
      pages++;
  return pages;
}

static double
time_pdf (SofraStore        *store,
          const char *const *ids,
          const char        *from,
          const char        *to,
          const char        *path,
          double            *cpu)
{
  SofraReportOptions options = { "en", FALSE, SOFRA_SCRIPT_AS_TYPED, "Sofra benchmark",
                                 "2026-11-28" };
  gint64             start = g_get_monotonic_time ();
  double             cpu_start = cpu_ms ();
  g_autoptr (SofraReport) report = NULL;
  g_autoptr (GError) error = NULL;

  if (ids != NULL)
    report = sofra_report_new_sessions (store, ids, &options, &error);
  else
    report = sofra_report_new_period (store, from, to, &options, &error);
  if (report == NULL || !sofra_report_write_pdf (report, path, SOFRA_PAPER_A4, &error))
    g_error ("render: %s", error->message);
  *cpu = cpu_ms () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_image (SofraStore *store, const char *const *ids, double *cpu)
{
  SofraReportOptions options = { "en", FALSE, SOFRA_SCRIPT_AS_TYPED, "Sofra benchmark",
                                 "2026-11-28" };
  gint64             start = g_get_monotonic_time ();
  double             cpu_start = cpu_ms ();
  g_autoptr (SofraReport) report = sofra_report_new_sessions (store, ids, &options, NULL);
  double           width, height;
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  int              n_pages;

  sofra_paper_get_size (SOFRA_PAPER_A4, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  context = sofra_report_create_context (cr);
  n_pages = sofra_report_paginate (report, context, width, height);
  for (int page = 0; page < n_pages; page++)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      sofra_report_draw_page (report, cr, page);
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  *cpu = cpu_ms () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_row (const char *what, guint runs, Stats s, Stats cpu, int pages, goffset size)
{
  g_autofree char *kib = size >= 0 ? g_strdup_printf ("%.1f KiB", size / 1024.0) : g_strdup ("-");
  g_autofree char *pages_text = pages >= 0 ? g_strdup_printf ("%d", pages) : g_strdup ("-");

  printf ("| %-42s | %4u | %8.1f | %8.1f | %8.1f | %8.1f | %5s | %10s |\n", what, runs, s.median,
          s.p10, s.p90, cpu.median, pages_text, kib);
}

int
main (int argc, char *argv[])
{
  const char      *dir_env = g_getenv ("SOFRA_BENCH_DIR");
  g_autofree char *dir = g_dir_make_tmp ("bench-render-XXXXXX", NULL);
  g_autofree char *db = NULL;
  g_autofree char *one_pdf = NULL;
  g_autofree char *period_pdf = NULL;
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *session = NULL;
  const guint      runs = 60, period_runs = 7;
  double           ms[60], period_ms[7], image_ms[60];
  double           cpu[60], period_cpu[7], image_cpu[60], ignored;
  const char      *ids[] = { NULL, NULL };
  GStatBuf         st;

  setlocale (LC_ALL, "");
  if (dir_env != NULL)
    {
      g_free (dir);
      dir = g_build_filename (dir_env, "bench-render-files", NULL);
      g_mkdir_with_parents (dir, 0700);
    }
  db = g_build_filename (dir, "bench.db", NULL);
  one_pdf = g_build_filename (dir, "summary-50.pdf", NULL);
  period_pdf = g_build_filename (dir, "period-100.pdf", NULL);
  g_unlink (db);

  store = sofra_store_open (db, &error);
  if (store == NULL || !sofra_store_seed_places (store, &error))
    g_error ("store: %s", error->message);

  sofra_store_begin (store, NULL);
  session = add_session (store, 0, "2026-02-14", 50, 5);
  for (guint i = 1; i <= 100; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-03-%02u", 1 + (i - 1) % 31);
      g_autofree char *id = add_session (store, i, date, 12, 2);
    }
  if (!sofra_store_commit (store, &error))
    g_error ("commit: %s", error->message);
  ids[0] = session;

  /* One run of each first, so the font caches are warm as in a running application. */
  time_pdf (store, ids, NULL, NULL, one_pdf, &ignored);
  time_image (store, ids, &ignored);
  for (guint i = 0; i < runs; i++)
    ms[i] = time_pdf (store, ids, NULL, NULL, one_pdf, &cpu[i]);
  for (guint i = 0; i < runs; i++)
    image_ms[i] = time_image (store, ids, &image_cpu[i]);
  for (guint i = 0; i < period_runs; i++)
    period_ms[i] = time_pdf (store, NULL, "2026-03-01", "2026-03-31", period_pdf, &period_cpu[i]);

  printf ("bench-render: records read, translated, laid out, drawn and written (A4, ms)\n\n");
  printf ("| %-42s | %4s | %8s | %8s | %8s | %8s | %5s | %10s |\n", "document", "runs", "median",
          "p10", "p90", "cpu med", "pages", "file");
  printf ("|%s|------|----------|----------|----------|----------|-------|------------|\n",
          "--------------------------------------------");
  g_stat (one_pdf, &st);
  print_row ("summary, 50 participants -> PDF", runs, stats_of (ms, runs), stats_of (cpu, runs),
             pdf_pages (one_pdf), st.st_size);
  print_row ("same summary -> image surface, no file", runs, stats_of (image_ms, runs),
             stats_of (image_cpu, runs), -1, -1);
  g_stat (period_pdf, &st);
  print_row ("period, 100 sessions x 12 people -> PDF", period_runs,
             stats_of (period_ms, period_runs), stats_of (period_cpu, period_runs),
             pdf_pages (period_pdf), st.st_size);
  printf ("\nmedian, p10, p90: wall time; cpu med: this process's CPU time, the same whatever\n"
          "else the machine runs. Target: summary of 50 participants to PDF, median < 100 ms\n");

  if (g_getenv ("SOFRA_BENCH_KEEP") == NULL)
    {
      g_clear_object (&store);
      for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "")       ? "-wal"
                                                             : g_str_equal (suffix, "-wal") ? "-shm"
                                                                                            : NULL)
        {
          g_autofree char *file = g_strconcat (db, suffix, NULL);
          g_unlink (file);
        }
      g_unlink (one_pdf);
      g_unlink (period_pdf);
      g_rmdir (dir);
    }
  return 0;
}
