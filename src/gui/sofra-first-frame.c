/* sofra-first-frame.c — reports when the main window first appears, for the startup benchmark
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/bench-startup.c starts the application with SOFRA_REPORT_FIRST_FRAME=FD and reads one
 * line from FD: the monotonic time of the first frame drawn of the main window and the memory
 * in use then. Off unless the variable is set; costs one getenv otherwise.
 */
#include "sofra-first-frame.h"

#include <errno.h>
#include <unistd.h>

/* The value in kB of the line @key ("VmRSS:") of /proc/self/status, or -1. */
static gint64
status_kb (const char *status, const char *key)
{
  const char *line = status ? strstr (status, key) : NULL;

  return line ? g_ascii_strtoll (line + strlen (key), NULL, 10) : -1;
}

static void
after_paint (GdkFrameClock *clock, gpointer user_data)
{
  int              fd = GPOINTER_TO_INT (user_data);
  gint64           now = g_get_monotonic_time ();
  g_autofree char *status = NULL;
  g_autofree char *line = NULL;
  const char      *p;
  gsize            left;

  g_signal_handlers_disconnect_by_func (clock, after_paint, user_data);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  line = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", now,
                          status_kb (status, "VmRSS:"), status_kb (status, "VmHWM:"));
  for (p = line, left = strlen (line); left > 0;)
    {
      ssize_t n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      p += n;
      left -= (gsize) n;
    }
  close (fd);
}

static void
on_realize (GtkWidget *window, gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (window, on_realize, user_data);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint),
                    user_data);
}

void
sofra_first_frame_report_if_asked (GtkWidget *window)
{
  static gboolean asked;
  const char     *value = g_getenv ("SOFRA_REPORT_FIRST_FRAME");
  gint64          fd;
  char           *end = NULL;

  g_return_if_fail (GTK_IS_WIDGET (window));

  /* Once per process: a window opened later reports nothing. */
  if (asked || value == NULL || *value == '\0')
    return;
  asked = TRUE;
  fd = g_ascii_strtoll (value, &end, 10);
  if (*end != '\0' || fd < 0 || fd > G_MAXINT)
    return;
  if (gtk_widget_get_realized (window))
    on_realize (window, GINT_TO_POINTER ((int) fd));
  else
    g_signal_connect_after (window, "realize", G_CALLBACK (on_realize), GINT_TO_POINTER ((int) fd));
}
