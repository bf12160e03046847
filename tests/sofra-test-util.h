/* sofra-test-util.h — shared set-up for the test programs: isolation and temporary paths
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calls g_test_init() with G_TEST_OPTION_ISOLATE_DIRS, so every test case runs with its own
 * temporary HOME and XDG directories, all removed when g_test_run() returns. GUI tests call
 * gtk_init() after this. */
void sofra_test_init (int *argc, char ***argv);

/* A path named @name inside a temporary directory that belongs to the running test case (or to
 * the test program when called outside a test case). The directory exists; the path itself is
 * not created. Pass NULL for the directory itself. Free with g_free(). */
char *sofra_test_tmp_path (const char *name);

G_END_DECLS
