/* sofra-first-frame.h — reports when the main window first appears, for the startup benchmark
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* When the environment variable SOFRA_REPORT_FIRST_FRAME holds an open file descriptor
 * number, writes one line to it on the first "after-paint" of @window's frame clock, then
 * closes it: "MONOTONIC_US VMRSS_KB VMHWM_KB\n" (g_get_monotonic_time() and the VmRSS and
 * VmHWM lines of /proc/self/status). Does nothing when the variable is unset or not a number.
 * Used by tests/bench-startup.c. */
void sofra_first_frame_report_if_asked (GtkWidget *window);

G_END_DECLS
