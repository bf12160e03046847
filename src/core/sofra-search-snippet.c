/* sofra-search-snippet.c — the query's words found again in the original text, for snippets
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index holds folded text; a person reads the text as typed. Each word of the original
 * text is folded on its own and compared with the query's folded words, so "Митровица" is
 * marked for the query "mitro" without ever showing the folded form.
 */
#include <string.h>

#include "sofra-search-private.h"
#include "sofra-translit.h"

#define ELLIPSIS "…"

void
sofra_search_words_init (SofraSearchWords *words, const char *text)
{
  g_autofree char *folded = sofra_translit_fold (text ? text : "");
  g_auto (GStrv) parts = g_strsplit (folded, " ", -1);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL && kept->len < SOFRA_SEARCH_MAX_WORDS; i++)
    {
      gboolean seen = FALSE;

      if (*parts[i] == '\0')
        continue;
      for (guint j = 0; j < kept->len && !seen; j++)
        seen = g_str_equal (kept->pdata[j], parts[i]);
      if (!seen)
        g_ptr_array_add (kept, g_strdup (parts[i]));
    }
  words->n_words = kept->len;
  g_ptr_array_add (kept, NULL);
  words->words = (char **) g_ptr_array_free (kept, FALSE);
}

void
sofra_search_words_clear (SofraSearchWords *words)
{
  g_clear_pointer (&words->words, g_strfreev);
  words->n_words = 0;
}

/* Does one folded token start with one of the query's words? */
static gboolean
token_matches (const SofraSearchWords *words, const char *token, gsize length)
{
  for (guint i = 0; i < words->n_words; i++)
    {
      gsize n = strlen (words->words[i]);

      if (n <= length && memcmp (token, words->words[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Does the original word [start, end) match, once folded? */
static gboolean
word_matches (const SofraSearchWords *words, const char *start, const char *end)
{
  g_autofree char *copy = NULL;
  g_autofree char *folded = NULL;
  char             ascii[64];
  gsize            length = end - start;
  gboolean         plain = length < sizeof ascii;
  const char      *p;

  /* Most words are plain ASCII: their folded form is their lower case. */
  for (gsize i = 0; i < length && plain; i++)
    {
      if ((guchar) start[i] >= 0x80)
        plain = FALSE;
      else
        ascii[i] = g_ascii_tolower (start[i]);
    }
  if (plain)
    return token_matches (words, ascii, length);

  copy = g_strndup (start, length);
  folded = sofra_translit_fold (copy);
  p = folded;
  while (*p)
    {
      const char *space = strchr (p, ' ');
      gsize       n = space ? (gsize) (space - p) : strlen (p);

      if (n > 0 && token_matches (words, p, n))
        return TRUE;
      if (space == NULL)
        break;
      p = space + 1;
    }
  return FALSE;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

GArray *
sofra_search_find_ranges (const SofraSearchWords *words, const char *text, guint max_ranges)
{
  GArray     *ranges = g_array_new (FALSE, FALSE, sizeof (SofraSearchRange));
  const char *p = text;
  const char *word = NULL;

  if (text == NULL || words->n_words == 0)
    return ranges;
  for (;;)
    {
      gunichar c = *p ? g_utf8_get_char_validated (p, -1) : 0;
      gboolean inside = c != 0 && c < 0xfffffffe && is_word_char (c);

      if (inside && word == NULL)
        word = p;
      else if (!inside && word != NULL)
        {
          if (word_matches (words, word, p))
            {
              SofraSearchRange range = { word - text, p - text };

              g_array_append_val (ranges, range);
              if (max_ranges > 0 && ranges->len >= max_ranges)
                break;
            }
          word = NULL;
        }
      if (*p == '\0')
        break;
      p = (c == 0 || c >= 0xfffffffe) ? p + 1 : g_utf8_next_char (p);
    }
  return ranges;
}

guint
sofra_search_count_words (const SofraSearchWords *words, const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *spaced = NULL;
  guint            count = 0;

  if (text == NULL || *text == '\0' || words->n_words == 0)
    return 0;
  folded = sofra_translit_fold (text);
  spaced = g_strconcat (" ", folded, NULL);
  for (guint i = 0; i < words->n_words; i++)
    {
      g_autofree char *needle = g_strconcat (" ", words->words[i], NULL);

      if (strstr (spaced, needle) != NULL)
        count++;
    }
  return count;
}

/* @p moved back to the start of its character. */
static const char *
char_start (const char *text, const char *p)
{
  while (p > text && ((guchar) *p & 0xc0) == 0x80)
    p--;
  return p;
}

char *
sofra_search_excerpt (const SofraSearchWords *words, const char *text, GArray **ranges_out)
{
  g_autoptr (GArray) found = sofra_search_find_ranges (words, text, 32);
  GArray     *ranges = g_array_new (FALSE, FALSE, sizeof (SofraSearchRange));
  const char *start = text, *end;
  GString    *out;
  glong       n_chars;

  if (text == NULL)
    {
      *ranges_out = ranges;
      return g_strdup ("");
    }
  n_chars = g_utf8_strlen (text, -1);
  if (found->len > 0 && n_chars > SOFRA_SEARCH_SNIPPET_CHARS)
    {
      const char *first = text + g_array_index (found, SofraSearchRange, 0).start;
      glong       before = g_utf8_pointer_to_offset (text, first);

      /* Some context before the first match, starting at a word. */
      if (before > SOFRA_SEARCH_SNIPPET_CHARS / 4)
        {
          start = g_utf8_offset_to_pointer (first, -(SOFRA_SEARCH_SNIPPET_CHARS / 4));
          while (start < first && *start != ' ' && *start != '\n')
            start++;
          while (start < first && (*start == ' ' || *start == '\n'))
            start++;
        }
    }
  end = start;
  for (glong i = 0; i < SOFRA_SEARCH_SNIPPET_CHARS && *end; i++)
    end = g_utf8_next_char (end);
  if (*end != '\0')
    {
      /* End at a word boundary when one is near. */
      const char *cut = end;

      while (cut > start && *cut != ' ' && *cut != '\n' && end - cut < 40)
        cut--;
      if (cut > start && (*cut == ' ' || *cut == '\n'))
        end = cut;
      end = char_start (text, end);
    }

  out = g_string_new (start > text ? ELLIPSIS : "");
  for (guint i = 0; i < found->len; i++)
    {
      SofraSearchRange r = g_array_index (found, SofraSearchRange, i);

      if (text + r.start >= start && text + r.end <= end)
        {
          r.start = r.start - (start - text) + out->len;
          r.end = r.end - (start - text) + out->len;
          g_array_append_val (ranges, r);
        }
    }
  /* One line: line breaks and tabs become spaces (one byte for one, the ranges hold). */
  for (const char *p = start; p < end; p++)
    g_string_append_c (out, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);
  if (*end != '\0')
    g_string_append (out, ELLIPSIS);
  *ranges_out = ranges;
  return g_string_free (out, FALSE);
}

char *
sofra_search_mark (const char   *text,
                   const GArray *ranges,
                   const char   *open,
                   const char   *close,
                   gboolean      escape_markup)
{
  GString *out = g_string_new (NULL);
  gsize    length, at = 0;

  g_return_val_if_fail (text != NULL, NULL);
  length = strlen (text);
  open = open ? open : "";
  close = close ? close : "";

#define COPY(from, to)                                                                  \
  G_STMT_START                                                                          \
  {                                                                                     \
    if (escape_markup)                                                                  \
      {                                                                                 \
        g_autofree char *escaped = g_markup_escape_text (text + (from), (to) - (from)); \
        g_string_append (out, escaped);                                                 \
      }                                                                                 \
    else                                                                                \
      g_string_append_len (out, text + (from), (to) - (from));                          \
  }                                                                                     \
  G_STMT_END

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      SofraSearchRange r = g_array_index (ranges, SofraSearchRange, i);

      /* Ranges come sorted and inside the text; anything else is skipped, not trusted. */
      if (r.start < at || r.end <= r.start || r.end > length)
        continue;
      COPY (at, r.start);
      g_string_append (out, open);
      COPY (r.start, r.end);
      g_string_append (out, close);
      at = r.end;
    }
  COPY (at, length);
#undef COPY
  return g_string_free (out, FALSE);
}
