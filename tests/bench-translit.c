/* bench-translit.c — speed of search folding and transliteration, beside GLib's own tools
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test --benchmark translit`: folds about 1 MB of English, Albanian and Serbian Cyrillic
 * text and a short query many times, with sofra_translit_fold() and, in the same run, with the
 * obvious GLib peer (g_utf8_casefold, then NFKD, then dropping the marks), which does less:
 * it neither transliterates nor maps đ to dj.
 */
#include <stdio.h>
#include <string.h>

#include "sofra-translit.h"

static const char *const samples[][2] = {
  { "English (ASCII)", "The roundtable on freedom of movement met in the community centre; "
                       "twelve people from both sides agreed to meet again in March. " },
  { "Albanian", "Tryezë e rrumbullakët për sigurinë në lagje: pjesëmarrësit nga Mitrovicë e "
                "Jugut dhe Zveçan ranë dakord për një takim të ri në çerekun e dytë. " },
  { "Serbian Cyrillic", "Округли сто о слободи кретања у Северној Митровици: учесници из "
                        "Звечана и Лепосавића договорили су нови састанак у другом кварталу. " },
};

/* The peer: what one would write with GLib alone. */
static char *
glib_fold (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  g_autofree char *nfkd = g_utf8_normalize (lower, -1, G_NORMALIZE_ALL);
  GString         *out = g_string_sized_new (strlen (nfkd));

  for (const char *p = nfkd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, g_unichar_isalnum (c) ? c : ' ');
    }
  return g_string_free (out, FALSE);
}

static double
time_it (char *(*fn) (const char *), const char *text, guint rounds)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < rounds; i++)
    g_free (fn (text));
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (void)
{
  printf ("%-26s %12s %12s %8s\n", "input", "sofra MB/s", "glib MB/s", "ratio");
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      GString *text = g_string_new (NULL);
      double   ours, peer;
      double   mb;

      while (text->len < 1 << 20)
        g_string_append (text, samples[s][1]);
      mb = text->len / 1e6;

      g_free (sofra_translit_fold (text->str)); /* builds the tables */
      ours = time_it (sofra_translit_fold, text->str, 20);
      peer = time_it (glib_fold, text->str, 20);
      printf ("%-26s %12.1f %12.1f %7.1fx\n", samples[s][0], 20 * mb / ours, 20 * mb / peer,
              peer / ours);
      g_string_free (text, TRUE);
    }

  {
    const char *query = "Митровица";
    guint       rounds = 200000;
    double      ours = time_it (sofra_translit_fold, query, rounds);
    double      peer = time_it (glib_fold, query, rounds);
    double      latin = time_it (sofra_translit_to_latin, query, rounds);

    printf ("\n%-26s %12s %12s %8s\n", "one query (Митровица)", "sofra ns", "glib ns", "ratio");
    printf ("%-26s %12.0f %12.0f %7.1fx\n", "fold", ours * 1e9 / rounds, peer * 1e9 / rounds,
            peer / ours);
    printf ("%-26s %12.0f\n", "to_latin", latin * 1e9 / rounds);
  }
  return 0;
}
