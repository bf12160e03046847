/* sofra-collate.c — sort keys that put names in alphabetical order, whatever the system locale
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "sofra-collate.h"

/* The Serbian Cyrillic alphabet in its order; a letter's place here is its rank. */
static const char azbuka[] = "абвгдђежзијклљмнњопрстћуфхцчџш";

/* Cyrillic letters go to the Private Use Area, in azbuka order, after every Latin letter. */
#define CYRILLIC_BASE 0xE000

static gunichar
primary (gunichar c)
{
  gunichar    decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  const char *found;

  c = g_unichar_tolower (c);
  if (c >= 0x0400 && c <= 0x04FF && (found = g_utf8_strchr (azbuka, -1, c)) != NULL)
    return CYRILLIC_BASE + (gunichar) g_utf8_pointer_to_offset (azbuka, found);
  /* The base letter of a Latin letter with a diacritic: ç, č and ć sort as c first. */
  if (c >= 0x00C0 && g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)))
    c = g_unichar_tolower (decomposed[0]);
  return c;
}

char *
sofra_collate_key (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *lower = g_utf8_strdown (valid, -1);
  GString         *key = g_string_sized_new (strlen (valid) * 2 + 2);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (key, primary (g_utf8_get_char (p)));
  /* Ties between base letters are broken by the letters themselves (c before ç before č), then
   * by case, so that only equal text gives equal keys. U+0001 sorts before every letter. */
  g_string_append_c (key, '\001');
  g_string_append (key, lower);
  g_string_append_c (key, '\001');
  g_string_append (key, valid);
  return g_string_free (key, FALSE);
}
