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

/* Serbian Cyrillic → Latin, lossless (Љ → Lj, or LJ inside an all-caps word: the next letter
 * decides, else the previous one). Every other character is copied unchanged, and so is a
 * word holding a Cyrillic letter Serbian does not use (Russian, Ukrainian…). Invalid UTF-8 is
 * replaced (g_utf8_make_valid); NULL gives NULL. The result is newly allocated.
 * For any text x, to_latin (to_cyrillic (to_latin (x))) == to_latin (x) (tests/fuzz-translit). */
char *sofra_translit_to_latin (const char *text);

/* Serbian Latin → Cyrillic, word by word: lj, nj, dž become one letter except in the known
 * words where the two letters stay apart (prefixes nad-/pod-/pred- before ž: nadživeti,
 * podžupan; in-/kon-/van- before a j-stem: injekcija, konjunkcija, vanjezički; not odžak);
 * title case and all caps are kept, mirroring to_latin() ("LJa" stays two letters). A whole
 * text stays as it is when it has no letter only Serbian uses (č, ć, đ, š, ž, Cyrillic) and a
 * letter or spelling Serbian does not (English, Albanian). Otherwise left as they are: a word
 * mixed with another script or spelled the Albanian way (dh, gj, ll, rr, th); the part of a
 * token between spaces and slashes that has a letter Serbian does not use (ë, ç, q, w, x, y…:
 * "Wi-Fi", the "Mitrovicë" of "Mitrovicë/Mitrovica, četvrtak"); web and mail addresses. */
char *sofra_translit_to_cyrillic (const char *text);

/* @text shown in @script: AS_TYPED copies (made valid UTF-8), LATIN and CYRILLIC transliterate
 * as above. NULL gives NULL. */
char *sofra_translit_for_script (const char *text, SofraScript script);

/* The search form of @text: lower case, Cyrillic → Latin, diacritics removed (ë→e, ç→c, š→s,
 * č/ć→c, ž→z, đ/ђ→dj, џ→dz, љ→lj, њ→nj; compatibility forms decomposed: "ﬁ"→fi, "½"→"1 2"),
 * anything that is not a letter or digit becomes a single space, none at either end. Invalid
 * UTF-8 is replaced, never trusted; NULL gives "". The same function folds documents and
 * queries; it gives the same result whichever script the text is in, and folding twice changes
 * nothing. ASCII runs take a byte-level path (tests/bench-translit). */
char *sofra_translit_fold (const char *text);

G_END_DECLS
