/* sofra-test-util.c — shared set-up for the test programs: isolation and temporary paths
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

void
sofra_test_init (int *argc, char ***argv)
{
  g_return_if_fail (argc != NULL);
  g_return_if_fail (argv != NULL);

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* GLib removes this directory and everything under it when g_test_run() returns. */
  g_assert_nonnull (g_getenv ("G_TEST_TMPDIR"));
}

char *
sofra_test_tmp_path (const char *name)
{
  const char      *root = g_getenv ("G_TEST_TMPDIR");
  const char      *test_path;
  g_autofree char *dir = NULL;

  g_assert_nonnull (root); /* sofra_test_init() was not called */

  /* Inside a test case this is "/suite/case"; outside one it is empty. */
  test_path = g_test_get_path ();
  if (test_path != NULL && *test_path != '\0')
    dir = g_build_filename (root, test_path, "tmp", NULL);
  else
    dir = g_build_filename (root, "program", "tmp", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("cannot create %s: %s", dir, g_strerror (errno));

  if (name == NULL)
    return g_steal_pointer (&dir);
  return g_build_filename (dir, name, NULL);
}
