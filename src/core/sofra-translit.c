/* sofra-translit.c — Serbian Cyrillic ↔ Latin transliteration and the folding used by search
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both directions decide the case of a digraph (Љ → "Lj" or "LJ") from the same two
 * neighbours — the character right after the letter, else the one right before it — so
 * Latin → Cyrillic → Latin gives back the text it started from. Folding is table-driven
 * for the first 0x500 code points (ASCII, Latin, Cyrillic) and falls back to GLib's
 * Unicode data beyond them.
 */
#include <string.h>

#include "sofra-translit.h"

/* ---- Cyrillic → Latin ------------------------------------------------------------------- */

/* Serbian Cyrillic U+0400 … U+045F in Latin; NULL for letters Serbian does not use.
 * Ѐ/ѐ and Ѝ/ѝ are the accented vowels Serbian dictionaries print. */
static const char *const cyr_to_lat[0x60] = {
  /* U+0400 */ "È",     NULL, "Đ",  NULL, NULL, NULL, NULL, NULL,
  /* U+0408 */ "J",     "Lj", "Nj", "Ć",  NULL, "Ì",  NULL, "Dž",
  /* U+0410 А–Я */ "A", "B",  "V",  "G",  "D",  "E",  "Ž",  "Z",
  /* U+0418 */ "I",     NULL, "K",  "L",  "M",  "N",  "O",  "P",
  /* U+0420 */ "R",     "S",  "T",  "U",  "F",  "H",  "C",  "Č",
  /* U+0428 */ "Š",     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  /* U+0430 а–я */ "a", "b",  "v",  "g",  "d",  "e",  "ž",  "z",
  /* U+0438 */ "i",     NULL, "k",  "l",  "m",  "n",  "o",  "p",
  /* U+0440 */ "r",     "s",  "t",  "u",  "f",  "h",  "c",  "č",
  /* U+0448 */ "š",     NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  /* U+0450 */ "è",     NULL, "đ",  NULL, NULL, NULL, NULL, NULL,
  /* U+0458 */ "j",     "lj", "nj", "ć",  NULL, "ì",  NULL, "dž",
};

static const char *
cyrillic_latin (gunichar c)
{
  return c >= 0x400 && c < 0x460 ? cyr_to_lat[c - 0x400] : NULL;
}

static gboolean
is_cyrillic (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_CYRILLIC;
}

/* An upper-case Љ, Њ or Џ is written "LJ" inside an all-caps word and "Lj" otherwise: the
 * next character decides when it is a letter, else the previous one. */
static gboolean
digraph_all_caps (gunichar prev, gunichar next)
{
  if (g_unichar_isalpha (next))
    return g_unichar_isupper (next);
  return g_unichar_isupper (prev);
}

/* @p points to valid UTF-8; returns a copy when it is not. */
static const char *
ensure_valid (const char *text, char **owned)
{
  *owned = NULL;
  if (g_utf8_validate (text, -1, NULL))
    return text;
  *owned = g_utf8_make_valid (text, -1);
  return *owned;
}

static gboolean
has_non_ascii (const char *text)
{
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    if (*p >= 0x80)
      return TRUE;
  return FALSE;
}

/* A word (a run of letters and marks) is left as it is when it holds a Cyrillic letter that
 * Serbian does not use: it is Russian, Macedonian, Ukrainian… */
static gboolean
word_is_foreign_cyrillic (const char *p, const char *end)
{
  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x80 && is_cyrillic (c) && !g_unichar_ismark (c) && cyrillic_latin (c) == NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* The all-caps form of an upper-case Serbian digraph letter, or NULL. */
static const char *
digraph_upper (gunichar c)
{
  switch (c)
    {
    case 0x409: /* Љ */
      return "LJ";
    case 0x40A: /* Њ */
      return "NJ";
    case 0x40F: /* Џ */
      return "DŽ";
    default:
      return NULL;
    }
}

char *
sofra_translit_to_latin (const char *text)
{
  g_autofree char *owned = NULL;
  GString         *out;
  const char      *p;
  gunichar         prev = 0;

  if (text == NULL)
    return NULL;
  if (!has_non_ascii (text))
    return g_strdup (text);

  p = ensure_valid (text, &owned);
  out = g_string_sized_new (strlen (p) + 16);
  while (*p)
    {
      gunichar    c = g_utf8_get_char (p);
      const char *word_end;
      gboolean    foreign;

      if (!is_word_char (c))
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          prev = c;
          p = next;
          continue;
        }

      for (word_end = p; *word_end && is_word_char (g_utf8_get_char (word_end));)
        word_end = g_utf8_next_char (word_end);
      foreign = word_is_foreign_cyrillic (p, word_end);

      while (p < word_end)
        {
          const char *next = g_utf8_next_char (p);
          const char *latin = foreign ? NULL : cyrillic_latin (c);
          const char *upper = digraph_upper (c);

          if (latin == NULL)
            g_string_append_len (out, p, next - p);
          else if (upper != NULL && digraph_all_caps (prev, g_utf8_get_char (next)))
            g_string_append (out, upper);
          else
            g_string_append (out, latin);
          prev = c;
          p = next;
          c = g_utf8_get_char (p);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- Latin → Cyrillic ------------------------------------------------------------------- */

/* The Serbian Latin letters and their Cyrillic; index by lower-case letter. */
static gunichar
latin_cyrillic_lower (gunichar c)
{
  static const gunichar ascii[26] = {
    0x430 /* a */, 0x431 /* b */, 0x446 /* c */, 0x434 /* d */, 0x435 /* e */, 0x444 /* f */,
    0x433 /* g */, 0x445 /* h */, 0x438 /* i */, 0x458 /* j */, 0x43A /* k */, 0x43B /* l */,
    0x43C /* m */, 0x43D /* n */, 0x43E /* o */, 0x43F /* p */, 0 /* q */,     0x440 /* r */,
    0x441 /* s */, 0x442 /* t */, 0x443 /* u */, 0x432 /* v */, 0 /* w */,     0 /* x */,
    0 /* y */,     0x437 /* z */,
  };

  if (c >= 'a' && c <= 'z')
    return ascii[c - 'a'];
  switch (c)
    {
    case 0x10D: /* č */
      return 0x447;
    case 0x107: /* ć */
      return 0x45B;
    case 0x161: /* š */
      return 0x448;
    case 0x17E: /* ž */
      return 0x436;
    case 0x111: /* đ */
      return 0x452;
    default:
      return 0;
    }
}

/* The Cyrillic letter for a Serbian Latin letter of either case, or 0. */
static gunichar
latin_cyrillic (gunichar c)
{
  gunichar lower = g_unichar_tolower (c);
  gunichar cyr;

  if (lower != c && g_unichar_toupper (lower) != c)
    return 0;
  cyr = latin_cyrillic_lower (lower);
  if (cyr == 0 || lower == c)
    return cyr;
  return g_unichar_toupper (cyr);
}

/* Where the two letters of a digraph stay apart, because a prefix ends with the first and the
 * stem begins with the second. The '|' marks the split; a stem matches anywhere in a word, so
 * inflected and prefixed forms (nenadživljiv, reinjektirati) are covered too.
 *  - nad-, pod-, pred- before ž: nadživeti, nadžnjeti, podžupan, podžanr, predželudac,
 *    predžetveni. Not od-: odžak and Odžaci are loanwords with џ.
 *  - in- and kon- before a Latin j-stem: injekcija, injektor, konjunkcija, konjugacija,
 *    konjunktura, konjunktiv, konjektura; van- before jezik/Jugoslavija: vanjezički;
 *    Tanjug (Telegrafska agencija nove Jugoslavije). */
static const char *const split_stems[] = {
  "nad|živ",   "nad|žnj",  "nad|žet",  "nad|žup", "pod|žup",  "pod|žanr", "pod|žnj",  "pod|žet",
  "pred|želu", "pred|žet", "in|jek",   "in|jun",  "kon|jug",  "kon|junk", "kon|jekt", "kon|jukt",
  "van|jezi",  "van|jeze", "van|jugo", "tan|jug", "sin|jekc", "dis|junk", "pan|jevr",
};

typedef struct
{
  gunichar chars[12];
  guint    len;
  guint    split; /* index of the first letter of the pair that stays apart */
} SplitStem;

static SplitStem stems[G_N_ELEMENTS (split_stems)];

static void
init_stems (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (split_stems); i++)
    {
      SplitStem *s = &stems[i];
      for (const char *p = split_stems[i]; *p; p = g_utf8_next_char (p))
        {
          if (*p == '|')
            s->split = s->len - 1;
          else
            s->chars[s->len++] = g_utf8_get_char (p);
        }
    }
  g_once_init_leave (&done, 1);
}

static gboolean
is_digraph_pair (gunichar a, gunichar b)
{
  a = g_unichar_tolower (a);
  b = g_unichar_tolower (b);
  return ((a == 'l' || a == 'n') && b == 'j') || (a == 'd' && b == 0x17E);
}

/* Marks in @split the pairs of @lower[0..n) that the stems keep apart. */
static void
mark_splits (const gunichar *lower, gsize n, gboolean *split)
{
  init_stems ();
  for (gsize i = 0; i < n; i++)
    for (guint k = 0; k < G_N_ELEMENTS (stems); k++)
      {
        const SplitStem *s = &stems[k];
        if (i + s->len <= n && lower[i] == s->chars[0] &&
            memcmp (lower + i, s->chars, s->len * sizeof (gunichar)) == 0)
          split[i + s->split] = TRUE;
      }
}

/* Whether the letters at @i, @i+1 of @w are one Cyrillic letter. The case rule is the mirror
 * of digraph_all_caps(), so that to_latin() gives the same letters back. */
static gboolean
joins (const gunichar *w, gsize n, gsize i, gunichar prev, gunichar next)
{
  gboolean upper_a = g_unichar_isupper (w[i]);
  gboolean upper_b = g_unichar_isupper (w[i + 1]);

  if (!is_digraph_pair (w[i], w[i + 1]))
    return FALSE;
  if (!upper_a)
    return !upper_b;
  /* "LJ" joins only where to_latin() would write "LJ", "Lj" only where it would write "Lj". */
  return digraph_all_caps (prev, next) == upper_b;
}

static void
append_unichar (GString *out, gunichar c)
{
  char buf[6];
  g_string_append_len (out, buf, g_unichar_to_utf8 (c, buf));
}

/* Albanian spellings Serbian words never have (dh, gj, ll, rr, th): "Arbër" has a foreign
 * letter already, "Gjakova", "Drenas" → "Dhe" and "Kalla" stay Latin. */
static gboolean
has_foreign_pair (const gunichar *lower, gsize n)
{
  static const char pairs[][2] = { { 'd', 'h' },
                                   { 'g', 'j' },
                                   { 'l', 'l' },
                                   { 'r', 'r' },
                                   { 't', 'h' } };

  for (gsize i = 0; i + 1 < n; i++)
    for (guint k = 0; k < G_N_ELEMENTS (pairs); k++)
      if (lower[i] == (gunichar) pairs[k][0] && lower[i + 1] == (gunichar) pairs[k][1] &&
          !(k == 2 && i + 2 < n && lower[i + 2] == 'j')) /* l + lj is Serbian */
        return TRUE;
  return FALSE;
}

/* Converts the word @p … @end (letters and marks) if every letter in it is Serbian Latin. */
static void
word_to_cyrillic (GString *out, const char *p, const char *end, gunichar prev, gunichar next)
{
  g_autofree gunichar *w = NULL;
  g_autofree gunichar *lower = NULL;
  g_autofree gboolean *split = NULL;
  glong                n;
  gboolean             any_pair = FALSE;

  w = g_utf8_to_ucs4_fast (p, end - p, &n);
  for (glong i = 0; i < n; i++)
    {
      if (g_unichar_ismark (w[i]))
        continue;
      if (latin_cyrillic (w[i]) == 0)
        {
          g_string_append_len (out, p, end - p);
          return;
        }
      if (i + 1 < n && is_digraph_pair (w[i], w[i + 1]))
        any_pair = TRUE;
    }

  lower = g_new (gunichar, n);
  for (glong i = 0; i < n; i++)
    lower[i] = g_unichar_tolower (w[i]);
  if (has_foreign_pair (lower, n))
    {
      g_string_append_len (out, p, end - p);
      return;
    }
  split = g_new0 (gboolean, n + 1);
  if (any_pair)
    mark_splits (lower, n, split);

  for (glong i = 0; i < n; i++)
    {
      if (g_unichar_ismark (w[i]))
        append_unichar (out, w[i]);
      else if (i + 1 < n && !split[i] &&
               joins (w, n, i, i > 0 ? w[i - 1] : prev, i + 2 < n ? w[i + 2] : next))
        {
          gunichar l = g_unichar_tolower (w[i]);
          gunichar c = l == 'l' ? 0x459 : l == 'n' ? 0x45A : 0x45F;
          append_unichar (out, g_unichar_isupper (w[i]) ? g_unichar_toupper (c) : c);
          i++;
        }
      else
        append_unichar (out, latin_cyrillic (w[i]));
    }
}

/* A web or mail address (a whitespace-delimited token) is never transliterated. */
static gboolean
is_address (const char *p, const char *end)
{
  g_autofree char *token = g_strndup (p, end - p);

  return strchr (token, '@') != NULL || strstr (token, "://") != NULL ||
         g_ascii_strncasecmp (token, "www.", 4) == 0;
}

/* A segment (between white space and slashes) stays as it is when a letter in it is neither
 * Serbian Latin nor Cyrillic: "Wi-Fi", and "Mitrovicë" of "Mitrovicë/Mitrovica". */
static gboolean
has_foreign_letter (const char *p, const char *end)
{
  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalpha (c) && latin_cyrillic (c) == 0 && !is_cyrillic (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
ends_segment (gunichar c)
{
  return c == '/' || g_unichar_isspace (c);
}

/* A text in another language as a whole: no letter that only Serbian uses (č, ć, đ, š, ž, or
 * Cyrillic), and a letter Serbian does not use (ë, ç, q, w, x, y…) or an Albanian spelling.
 * "Tryezë e rrumbullakët për sigurinë" and "Roundtable on everyday freedom" stay whole, not
 * half converted; "Sastanak u Mitrovicë, četvrtak" is Serbian and goes word by word. */
static gboolean
text_is_foreign (const char *text)
{
  gboolean foreign = FALSE;
  gunichar prev = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar lower;

      if (c < 0x80)
        {
          lower = g_ascii_tolower (c);
          if (g_ascii_isalpha (c) && latin_cyrillic (c) == 0)
            foreign = TRUE;
          else if (has_foreign_pair ((const gunichar[]){ prev, lower, 0 }, 2))
            foreign = TRUE;
          prev = lower;
          continue;
        }
      if (!g_unichar_isalpha (c))
        {
          prev = 0;
          continue;
        }
      lower = g_unichar_tolower (c);
      if (is_cyrillic (c) || lower == 0x10D || lower == 0x107 || lower == 0x111 || lower == 0x161 ||
          lower == 0x17E)
        return FALSE;
      if (latin_cyrillic (c) == 0)
        foreign = TRUE;
      prev = lower;
    }
  return foreign;
}

char *
sofra_translit_to_cyrillic (const char *text)
{
  g_autofree char *owned = NULL;
  GString         *out;
  const char      *p;
  const char      *token_end = NULL;
  const char      *segment_end = NULL;
  gboolean         address = FALSE;
  gboolean         foreign = FALSE;
  gunichar         prev = 0;

  if (text == NULL)
    return NULL;
  p = ensure_valid (text, &owned);
  if (text_is_foreign (p))
    return g_strdup (p);
  out = g_string_sized_new (strlen (p) * 2 + 16);
  while (*p)
    {
      gunichar    c = g_utf8_get_char (p);
      const char *word_end;

      if (g_unichar_isspace (c))
        token_end = NULL;
      else if (token_end == NULL)
        {
          for (token_end = p; *token_end && !g_unichar_isspace (g_utf8_get_char (token_end));)
            token_end = g_utf8_next_char (token_end);
          address = is_address (p, token_end);
        }
      if (ends_segment (c))
        segment_end = NULL;
      else if (segment_end == NULL)
        {
          for (segment_end = p; *segment_end && !ends_segment (g_utf8_get_char (segment_end));)
            segment_end = g_utf8_next_char (segment_end);
          foreign = has_foreign_letter (p, segment_end);
        }

      if (!is_word_char (c) || address || foreign)
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          prev = c;
          p = next;
          continue;
        }

      for (word_end = p; *word_end && is_word_char (g_utf8_get_char (word_end));)
        word_end = g_utf8_next_char (word_end);
      word_to_cyrillic (out, p, word_end, prev, g_utf8_get_char (word_end));
      prev = g_utf8_get_char (g_utf8_prev_char (word_end));
      p = word_end;
    }
  return g_string_free (out, FALSE);
}

/* ---- Scripts ---------------------------------------------------------------------------- */

static const char *const script_names[] = { "as-typed", "latin", "cyrillic" };

SofraScript
sofra_script_from_string (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (script_names); i++)
    if (g_strcmp0 (name, script_names[i]) == 0)
      return (SofraScript) i;
  return SOFRA_SCRIPT_AS_TYPED;
}

const char *
sofra_script_to_string (SofraScript script)
{
  if ((guint) script >= G_N_ELEMENTS (script_names))
    return script_names[SOFRA_SCRIPT_AS_TYPED];
  return script_names[script];
}

char *
sofra_translit_for_script (const char *text, SofraScript script)
{
  if (text == NULL)
    return NULL;
  switch (script)
    {
    case SOFRA_SCRIPT_LATIN:
      return sofra_translit_to_latin (text);
    case SOFRA_SCRIPT_CYRILLIC:
      return sofra_translit_to_cyrillic (text);
    case SOFRA_SCRIPT_AS_TYPED:
    default:
      return g_utf8_make_valid (text, -1);
    }
}

/* ---- Folding ---------------------------------------------------------------------------- */

#define FOLD_TABLE_SIZE 0x500

/* The folded form of one code point: sep 1 is a separator, sep 2 is folded by the slow path,
 * sep 0 with len 0 is dropped (a combining mark). */
typedef struct
{
  guint8 len;
  guint8 sep;
  char   bytes[6];
} FoldEntry;

static FoldEntry fold_table[FOLD_TABLE_SIZE];

/* Letters whose folded form is not their decomposition's base letter. */
static const char *
fold_special (gunichar c)
{
  switch (c)
    {
    case 0x111: /* đ */
    case 0xF0:  /* ð, typed for Đ */
    case 0x452: /* ђ */
      return "dj";
    case 0x45F: /* џ */
      return "dz";
    case 0x459: /* љ */
      return "lj";
    case 0x45A: /* њ */
      return "nj";
    case 0x142: /* ł */
      return "l";
    case 0xF8: /* ø */
      return "o";
    case 0xE6: /* æ */
      return "ae";
    case 0x153: /* œ */
      return "oe";
    case 0xDF: /* ß */
      return "ss";
    case 0xFE: /* þ */
      return "th";
    case 0x131: /* ı */
      return "i";
    case 0x127: /* ħ */
      return "h";
    default:
      return NULL;
    }
}

/* The general fold of one character, appended to @out; a separator is appended as ' '. */
static void
fold_char_slow (gunichar c, GString *out, int depth)
{
  const char *special;
  const char *latin;
  gunichar    decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize       n;

  c = g_unichar_tolower (c);
  if ((special = fold_special (c)) != NULL)
    {
      g_string_append (out, special);
      return;
    }
  if ((latin = cyrillic_latin (c)) != NULL)
    {
      /* A Serbian letter: its Latin form, folded the same way (ш → š → s). */
      gunichar l = g_utf8_get_char (latin);
      if (l < 0x80)
        g_string_append_c (out, g_ascii_tolower (latin[0]));
      else
        fold_char_slow (l, out, depth + 1);
      return;
    }
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return;
    case G_UNICODE_SPACING_MARK:
      append_unichar (out, c);
      return;
    default:
      break;
    }
  if (!g_unichar_isalnum (c))
    {
      g_string_append_c (out, ' ');
      return;
    }

  n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  if (depth < 3 && (n > 1 || (n == 1 && decomposed[0] != c)))
    {
      for (gsize i = 0; i < n; i++)
        fold_char_slow (decomposed[i], out, depth + 1);
      return;
    }
  append_unichar (out, c);
}

static void
init_fold_table (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  for (gunichar c = 0; c < FOLD_TABLE_SIZE; c++)
    {
      g_autoptr (GString) s = g_string_new (NULL);
      FoldEntry *e = &fold_table[c];

      fold_char_slow (c, s, 0);
      if (strcmp (s->str, " ") == 0)
        e->sep = 1;
      else if (s->len <= sizeof e->bytes && strchr (s->str, ' ') == NULL)
        {
          e->len = s->len;
          memcpy (e->bytes, s->str, s->len);
        }
      else
        e->sep = 2; /* does not fit: folded by the slow path */
    }
  g_once_init_leave (&done, 1);
}

/* ASCII letters and digits folded; 0 for everything else, a separator. */
static const char ascii_fold[128] = {
  ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
  ['7'] = '7', ['8'] = '8', ['9'] = '9', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd',
  ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k',
  ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
  ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
  ['z'] = 'z', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
  ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm',
  ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
  ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
};

char *
sofra_translit_fold (const char *text)
{
  g_autofree char *owned = NULL;
  const guchar    *p;
  GString         *out;
  gboolean         pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  init_fold_table ();
  p = (const guchar *) ensure_valid (text, &owned);
  out = g_string_sized_new (strlen ((const char *) p) + 8);

  while (*p)
    {
      gunichar         c;
      const FoldEntry *e;

      if (*p < 0x80)
        {
          /* A run of ASCII, written straight into the buffer: it never grows the text. */
          const guchar *run = p;
          gsize         len = out->len;
          char         *dst;

          while (*run != '\0' && *run < 0x80)
            run++;
          g_string_set_size (out, len + (run - p) + 1);
          dst = out->str;
          for (; p < run; p++)
            {
              char folded = ascii_fold[*p];
              if (folded != '\0')
                {
                  if (pending_space)
                    dst[len++] = ' ';
                  pending_space = FALSE;
                  dst[len++] = folded;
                }
              else
                pending_space = len > 0;
            }
          g_string_truncate (out, len);
          continue;
        }

      c = g_utf8_get_char ((const char *) p);
      p = (const guchar *) g_utf8_next_char ((const char *) p);
      e = c < FOLD_TABLE_SIZE ? &fold_table[c] : NULL;
      if (e != NULL && e->sep == 1)
        pending_space = out->len > 0;
      else if (e != NULL && e->sep == 0)
        {
          if (e->len == 0)
            continue;
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_len (out, e->bytes, e->len);
        }
      else
        {
          g_autoptr (GString) s = g_string_new (NULL);

          /* A decomposition may hold separators ("½" → "1⁄2"): copy it word by word. */
          fold_char_slow (c, s, 0);
          for (const char *q = s->str; *q; q++)
            {
              if (*q == ' ')
                {
                  pending_space = out->len > 0;
                  continue;
                }
              if (pending_space)
                g_string_append_c (out, ' ');
              pending_space = FALSE;
              g_string_append_c (out, *q);
            }
        }
    }
  return g_string_free (out, FALSE);
}
