/* bench-startup.c — time from exec to the main window's first frame, and its memory
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (under an X server and a D-Bus session, see run-ui-test.sh): bench-startup SOFRA
 *
 * Starts the real application `SOFRA --database PATH` RUNS times on an empty database and on
 * the 100,000-session / 300,000-participant data set of sofra-bench-data.c (times
 * SOFRA_BENCH_SCALE), written once through the store's write path and kept in SOFRA_BENCH_DIR
 * as bench-startup.db. Each run passes a pipe as SOFRA_REPORT_FIRST_FRAME (see
 * src/gui/sofra-first-frame.h): the application writes the monotonic time of the first frame
 * of its window and its VmRSS and VmHWM then; the run is ended with SIGTERM. Prints median and
 * maximum of each, against ARCHITECTURE.md's target (< 300 ms, RSS < 80 MB), with GTK's own
 * renderer and with GSK_RENDERER=cairo (under Xvfb GTK's GL runs on Mesa's llvmpipe, whose
 * LLVM alone is some 55 MB of RSS).
 */
#include <errno.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sofra-bench-data.h"
#include "sofra-store.h"

#define RUNS       10
#define REPORT_FD  3
#define TIMEOUT_MS 60000
#define TARGET_MS  300.0
#define TARGET_RSS 80.0

typedef struct
{
  double ms;     /* exec to the first frame */
  double rss_mb; /* VmRSS at the first frame */
  double hwm_mb; /* VmHWM (peak RSS) at the first frame */
} Run;

static G_NORETURN void
die (const char *what, const char *message)
{
  fprintf (stderr, "bench-startup: %s: %s\n", what, message);
  exit (1);
}

/* Makes @path hold exactly @n_sessions sessions and @n_participants participants, keeping the
 * file of an earlier run when it already does. */
static void
ensure_database (const char *path, guint n_sessions, guint n_participants)
{
  g_autoptr (SofraStore) store = sofra_store_open (path, NULL);
  g_autoptr (GError) error = NULL;
  gint64 t;

  if (store != NULL && sofra_store_count (store, "session") == n_sessions &&
      sofra_store_count (store, "participant") == n_participants)
    return;
  g_clear_object (&store);
  sofra_bench_remove_db (path);
  if (!(store = sofra_store_open (path, &error)))
    die ("open", error->message);
  sofra_store_set_author (store, "Bench Mark", "office:prishtine");
  t = g_get_monotonic_time ();
  if (n_sessions + n_participants > 0 &&
      !sofra_bench_write_store (store, n_sessions, n_participants, &error))
    die ("write", error->message);
  printf ("wrote %s (%u sessions, %u participants) in %.1f s\n", path, n_sessions, n_participants,
          (g_get_monotonic_time () - t) / (double) G_USEC_PER_SEC);
}

/* Reads the application's one line from @fd, or dies after TIMEOUT_MS. */
static void
read_report (int fd, char *line, gsize size)
{
  gsize len = 0;

  while (len + 1 < size && memchr (line, '\n', len) == NULL)
    {
      struct pollfd pfd = { .fd = fd, .events = POLLIN };
      int           r = poll (&pfd, 1, TIMEOUT_MS);
      ssize_t       n;

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        die ("first frame", "no report from the application in time");
      n = read (fd, line + len, size - 1 - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        die ("first frame", "the application closed the report without writing it");
      len += (gsize) n;
    }
  line[len] = '\0';
}

/* @renderer: GSK_RENDERER for the run, or NULL for GTK's own choice. */
static Run
run_once (const char *sofra, const char *path, const char *renderer)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fd_text = g_strdup_printf ("%d", REPORT_FD);
  char             line[256];
  int              fds[2];
  gint64           start, frame = 0, rss = 0, hwm = 0;
  Run              run;

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, &error))
    die ("pipe", error->message);
  g_subprocess_launcher_take_fd (launcher, fds[1], REPORT_FD);
  g_subprocess_launcher_setenv (launcher, "SOFRA_REPORT_FIRST_FRAME", fd_text, TRUE);
  if (renderer != NULL)
    g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", renderer, TRUE);
  start = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawn (launcher, &error, sofra, "--database", path, NULL);
  if (child == NULL)
    die (sofra, error->message);
  g_clear_object (&launcher); /* closes the parent's copy of the write end */
  read_report (fds[0], line, sizeof line);
  close (fds[0]);
  if (sscanf (line, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &frame, &rss,
              &hwm) != 3 ||
      frame < start || rss <= 0 || hwm <= 0)
    die ("first frame", line);
  g_subprocess_send_signal (child, SIGTERM);
  if (!g_subprocess_wait (child, NULL, &error))
    die ("wait", error->message);

  run.ms = (frame - start) / 1000.0;
  run.rss_mb = rss / 1024.0;
  run.hwm_mb = hwm / 1024.0;
  return run;
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median and maximum of field @offset of @runs. */
static void
stats (const Run *runs, guint n, gsize offset, double *median, double *max)
{
  double v[RUNS];

  for (guint i = 0; i < n; i++)
    v[i] = *(const double *) ((const char *) &runs[i] + offset);
  qsort (v, n, sizeof v[0], cmp_double);
  *median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  *max = v[n - 1];
}

static void
measure (const char *sofra, const char *label, const char *path, const char *renderer)
{
  Run              runs[RUNS];
  double           ms_med, ms_max, rss_med, rss_max, hwm_med, hwm_max;
  g_autofree char *row = g_strdup_printf ("%s, %s", label, renderer ? renderer : "default");

  run_once (sofra, path, renderer); /* untimed: fills the page cache, as on a second start */
  for (guint i = 0; i < RUNS; i++)
    runs[i] = run_once (sofra, path, renderer);
  stats (runs, RUNS, G_STRUCT_OFFSET (Run, ms), &ms_med, &ms_max);
  stats (runs, RUNS, G_STRUCT_OFFSET (Run, rss_mb), &rss_med, &rss_max);
  stats (runs, RUNS, G_STRUCT_OFFSET (Run, hwm_mb), &hwm_med, &hwm_max);
  printf ("| %-26s | %8.0f | %8.0f | %8.1f | %8.1f | %8.1f | %-6s |\n", row, ms_med, ms_max,
          rss_med, rss_max, hwm_max, ms_med < TARGET_MS && rss_max < TARGET_RSS ? "met" : "MISSED");
}

int
main (int argc, char **argv)
{
  const char      *scale_env = g_getenv ("SOFRA_BENCH_SCALE");
  const char      *dir_env = g_getenv ("SOFRA_BENCH_DIR");
  double           scale = scale_env ? g_ascii_strtod (scale_env, NULL) : 1.0;
  g_autofree char *dir = dir_env ? g_strdup (dir_env) : g_get_current_dir ();
  g_autofree char *big = g_build_filename (dir, "bench-startup.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "bench-startup-empty.db", NULL);
  g_autofree char *big_label = NULL;
  guint            n_sessions, n_participants;

  setlocale (LC_ALL, "");
  if (argc != 2)
    die ("usage", "bench-startup SOFRA");
  if (!(scale > 0))
    die ("SOFRA_BENCH_SCALE", "must be a positive number");
  n_sessions = sofra_bench_scaled (100000, scale);
  n_participants = sofra_bench_scaled (300000, scale);

  ensure_database (empty, 0, 0);
  ensure_database (big, n_sessions, n_participants);
  big_label = g_strdup_printf ("%u sessions", n_sessions);

  printf ("\nSofra startup: `sofra --database PATH`, exec to the first frame drawn of the main "
          "window;\n%d runs each after one untimed, median and max; RSS and peak RSS (VmHWM) at "
          "that frame.\nTarget (ARCHITECTURE.md): < %.0f ms, RSS < %.0f MB.\n\n",
          RUNS, TARGET_MS, TARGET_RSS);
  printf ("| %-26s | %8s | %8s | %8s | %8s | %8s | %-6s |\n", "database", "ms med", "ms max",
          "RSS med", "RSS max", "HWM max", "goal");
  printf (
    "|----------------------------|----------|----------|----------|----------|----------|--------|\n");
  /* GTK's own renderer choice (GL: Mesa's llvmpipe under Xvfb, which maps LLVM) and cairo,
   * which shows what the application itself costs. */
  for (guint r = 0; r < 2; r++)
    {
      const char *renderer = r == 0 ? NULL : "cairo";

      measure (argv[1], "empty", empty, renderer);
      measure (argv[1], big_label, big, renderer);
    }
  printf ("(RSS in MB; renderer: GSK_RENDERER, \"default\" = GTK's choice)\n");
  return 0;
}
