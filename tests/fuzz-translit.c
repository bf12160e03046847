/* fuzz-translit.c — libFuzzer target for transliteration and folding (meson -Dfuzzing=true)
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build and run (README, "Fuzzing"):
 *   CC=clang meson setup build-fuzz -Dfuzzing=true && ninja -C build-fuzz tests/fuzz-translit
 *   build-fuzz/tests/fuzz-translit -max_total_time=300 -max_len=256
 *
 * For any bytes x (made valid UTF-8 where they are not), every output is valid UTF-8 and:
 *   to_latin (to_cyrillic (L)) == L       where L = to_latin (x)
 *   to_latin (to_latin (x))    == to_latin (x)
 *   fold (fold (x))            == fold (x)
 *   fold (to_latin (x)) == fold (to_cyrillic (x)) == fold (x)
 * and the folded text has no upper-case letter, no leading, trailing or double space.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sofra-translit.h"

static void
check_utf8 (const char *what, const char *s)
{
  if (s == NULL || !g_utf8_validate (s, -1, NULL))
    {
      g_printerr ("%s: not valid UTF-8\n", what);
      abort ();
    }
}

static void
check_equal (const char *what, const char *a, const char *b, const char *input)
{
  if (strcmp (a, b) != 0)
    {
      g_printerr ("%s differs\n  input: %s\n  a:     %s\n  b:     %s\n", what, input, a, b);
      abort ();
    }
}

static void
check_folded (const char *f)
{
  size_t len = strlen (f);

  if (len > 0 && (f[0] == ' ' || f[len - 1] == ' ' || strstr (f, "  ") != NULL))
    {
      g_printerr ("folded text has stray spaces: [%s]\n", f);
      abort ();
    }
  for (const char *p = f; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != ' ' && !g_unichar_isalnum (c) && g_unichar_type (c) != G_UNICODE_SPACING_MARK)
        {
          g_printerr ("folded text keeps U+%04X: [%s]\n", c, f);
          abort ();
        }
      if (g_unichar_isupper (c))
        {
          g_printerr ("folded text keeps upper case U+%04X: [%s]\n", c, f);
          abort ();
        }
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *raw = g_strndup ((const char *) data, size);
  g_autofree char *x = g_utf8_make_valid (raw, -1);

  g_autofree char *lat = sofra_translit_to_latin (raw);
  g_autofree char *cyr = sofra_translit_to_cyrillic (raw);
  g_autofree char *fold = sofra_translit_fold (raw);
  g_autofree char *typed = sofra_translit_for_script (raw, SOFRA_SCRIPT_AS_TYPED);

  check_utf8 ("to_latin", lat);
  check_utf8 ("to_cyrillic", cyr);
  check_utf8 ("fold", fold);
  check_utf8 ("as typed", typed);
  check_folded (fold);

  {
    g_autofree char *lat_cyr = sofra_translit_to_cyrillic (lat);
    g_autofree char *lat_cyr_lat = sofra_translit_to_latin (lat_cyr);
    g_autofree char *lat_lat = sofra_translit_to_latin (lat);
    g_autofree char *fold_fold = sofra_translit_fold (fold);
    g_autofree char *fold_lat = sofra_translit_fold (lat);
    g_autofree char *fold_cyr = sofra_translit_fold (cyr);

    check_utf8 ("to_cyrillic (to_latin)", lat_cyr);
    check_equal ("to_latin (to_cyrillic (to_latin (x))) vs to_latin (x)", lat_cyr_lat, lat, x);
    check_equal ("to_latin (to_latin (x)) vs to_latin (x)", lat_lat, lat, x);
    check_equal ("fold (fold (x)) vs fold (x)", fold_fold, fold, x);
    check_equal ("fold (to_latin (x)) vs fold (x)", fold_lat, fold, x);
    check_equal ("fold (to_cyrillic (x)) vs fold (x)", fold_cyr, fold, x);
  }
  return 0;
}
