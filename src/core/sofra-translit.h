/* sofra-translit.h — Serbian Cyrillic ↔ Latin transliteration and the folding used by search
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How Serbian text in records is shown (the GSettings key "serbian-script"). */
typedef enum
{
  SOFRA_SCRIPT_AS_TYPED,
  SOFRA_SCRIPT_LATIN,
  SOFRA_SCRIPT_CYRILLIC,
} SofraScript;

/* "as-typed", "latin", "cyrillic" ↔ SofraScript; unknown strings give SOFRA_SCRIPT_AS_TYPED. */
SofraScript sofra_script_from_string (const char *name);
const char *sofra_script_to_string (SofraScript script);

/* Serbian Cyrillic → Latin, lossless (Љ → Lj, or LJ inside an all-caps word). Every other
 * character is copied unchanged. @text must be valid UTF-8; the result is newly allocated. */
char *sofra_translit_to_latin (const char *text);

/* Serbian Latin → Cyrillic, word by word: lj, nj, dž become one letter except in the known
 * words where the two letters stay apart (nadživeti, injekcija, konjunkcija…); title case and
 * all caps are kept. A word with letters Serbian does not use (ë, ç, q, w, x, y…) or that is
 * mixed with another script is left as it is. */
char *sofra_translit_to_cyrillic (const char *text);

/* @text shown in @script: AS_TYPED copies, LATIN and CYRILLIC transliterate as above. */
char *sofra_translit_for_script (const char *text, SofraScript script);

/* The search form of @text: lower case, Cyrillic → Latin, diacritics removed (ë→e, ç→c, š→s,
 * č/ć→c, ž→z, đ→dj), anything that is not a letter or digit becomes a single space. Invalid
 * UTF-8 is replaced, never trusted. The same function folds documents and queries. */
char *sofra_translit_fold (const char *text);

G_END_DECLS
