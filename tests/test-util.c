/* test-util.c — tests of the shared test helpers: isolated dirs and per-test temporary paths
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-test-util.h"

#include <glib/gstdio.h>

static char *first_case_dir;

static void
test_isolated_home (void)
{
  const char *root = g_getenv ("G_TEST_TMPDIR");

  g_assert_nonnull (root);
  g_assert_true (g_str_has_prefix (g_get_home_dir (), root));
  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), root));
  g_assert_true (g_str_has_prefix (g_get_user_config_dir (), root));
  g_assert_true (g_str_has_prefix (g_get_user_cache_dir (), root));
}

static void
test_tmp_path_first (void)
{
  g_autofree char *dir = sofra_test_tmp_path (NULL);
  g_autofree char *path = sofra_test_tmp_path ("sofra.db");
  g_autofree char *expected = g_build_filename (dir, "sofra.db", NULL);

  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_str_has_prefix (dir, g_getenv ("G_TEST_TMPDIR")));

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
  first_case_dir = g_steal_pointer (&dir);
}

static void
test_tmp_path_second (void)
{
  g_autofree char *dir = sofra_test_tmp_path (NULL);
  g_autofree char *path = sofra_test_tmp_path ("sofra.db");

  g_assert_nonnull (first_case_dir);
  g_assert_cmpstr (dir, !=, first_case_dir);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char *argv[])
{
  g_autofree char *program_dir = NULL;
  int              status;

  sofra_test_init (&argc, &argv);

  program_dir = sofra_test_tmp_path (NULL);
  g_assert_true (g_file_test (program_dir, G_FILE_TEST_IS_DIR));

  g_test_add_func ("/util/isolated-home", test_isolated_home);
  g_test_add_func ("/util/tmp-path/first", test_tmp_path_first);
  g_test_add_func ("/util/tmp-path/second", test_tmp_path_second);

  status = g_test_run ();
  g_clear_pointer (&first_case_dir, g_free);
  return status;
}
