/* sofra-po-latin.c — writes sr@latin.po from sr.po with Sofra's own transliteration
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: sofra-po-latin INPUT.po [OUTPUT.po]   (po/update-sr-latin.sh runs it)
 *
 * Every msgstr and msgstr[n] (obsolete "#~" ones too) goes Cyrillic → Latin through
 * sofra_translit_to_latin(); msgctxt, msgid, comments and flags are copied byte for byte, and
 * the header's "Language:" becomes sr@latin. A string is unescaped before it is transliterated
 * and escaped again after, so a letter's case is decided on the text a reader sees, not on
 * the line breaks of the file. Placeholders, markup and mnemonics are ASCII and pass through.
 * Without OUTPUT the result goes to standard output; with it, to a temporary file renamed
 * over OUTPUT, so a failure never leaves half a file.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "sofra-translit.h"

typedef struct
{
  GString *out;
  GString *value;   /* the unescaped msgstr being read */
  char    *keyword; /* "msgstr" or "msgstr[1]", with its "#~ " prefix if obsolete */
  gboolean multiline;
  gboolean header; /* the current entry is the header (msgid "") */
} PoState;

/* The text between the first and last double quote of @line, or NULL. */
static char *
quoted_part (const char *line)
{
  const char *open = strchr (line, '"');
  const char *close = strrchr (line, '"');

  if (open == NULL || close == open)
    return NULL;
  return g_strndup (open + 1, close - open - 1);
}

static void
append_escaped (GString *out, const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = s[i];
      switch (c)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\%03o", c);
          else
            g_string_append_c (out, c);
        }
    }
}

/* Sets the header's Language field to sr@latin. */
static char *
header_for_latin (const char *header)
{
  g_auto (GStrv) lines = g_strsplit (header, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Language:"))
      {
        g_free (lines[i]);
        lines[i] = g_strdup ("Language: sr@latin");
      }
  return g_strjoinv ("\n", lines);
}

/* Writes the msgstr read so far, transliterated, broken after each "\n" as gettext does. */
static void
flush_msgstr (PoState *st)
{
  g_autofree char *latin = NULL;
  const char      *prefix;
  const char      *p;

  if (st->keyword == NULL)
    return;
  if (st->header)
    {
      g_autofree char *header = header_for_latin (st->value->str);
      latin = sofra_translit_to_latin (header);
    }
  else
    latin = sofra_translit_to_latin (st->value->str);
  prefix = g_str_has_prefix (st->keyword, "#~ ") ? "#~ " : "";

  if (!st->multiline)
    {
      g_string_append_printf (st->out, "%s \"", st->keyword);
      append_escaped (st->out, latin, strlen (latin));
      g_string_append (st->out, "\"\n");
    }
  else
    {
      g_string_append_printf (st->out, "%s \"\"\n", st->keyword);
      for (p = latin; *p;)
        {
          const char *nl = strchr (p, '\n');
          gsize       len = nl != NULL ? (gsize) (nl - p + 1) : strlen (p);
          g_string_append_printf (st->out, "%s\"", prefix);
          append_escaped (st->out, p, len);
          g_string_append (st->out, "\"\n");
          p += len;
        }
    }
  g_clear_pointer (&st->keyword, g_free);
  g_string_truncate (st->value, 0);
}

/* The keyword a line starts ("msgid", "msgstr[0]"…), after an optional "#~ ". */
static char *
line_keyword (const char *line, gboolean *obsolete)
{
  const char *p = line;
  const char *end;

  *obsolete = g_str_has_prefix (p, "#~ ");
  if (*obsolete)
    p += 3;
  if (!g_ascii_isalpha (*p))
    return NULL;
  for (end = p; *end && *end != ' ' && *end != '"'; end++)
    ;
  return g_strndup (p, end - p);
}

static gboolean
is_continuation (const char *line, gboolean obsolete_entry)
{
  if (obsolete_entry && g_str_has_prefix (line, "#~ "))
    line += 3;
  return line[0] == '"';
}

static gboolean
convert (const char *input, GString *out, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (input, "\n", -1);
  PoState  st = { out, g_string_new (NULL), NULL, FALSE, FALSE };
  GString *msgid = g_string_new (NULL);
  gboolean in_msgid = FALSE; /* continuation lines belong to the msgid */
  gboolean has_ctxt = FALSE;
  guint    n = g_strv_length (lines);

  /* g_strsplit gives an empty last piece for a file that ends with a newline. */
  if (n > 0 && lines[n - 1][0] == '\0')
    n--;

  g_string_append (out, "# Generated from sr.po by po/update-sr-latin.sh (sofra-po-latin): do not "
                        "edit, edit sr.po.\n");
  for (guint i = 0; i < n; i++)
    {
      const char      *line = lines[i];
      gboolean         obsolete;
      g_autofree char *kw = NULL;
      g_autofree char *part = NULL;

      if (st.keyword != NULL && is_continuation (line, g_str_has_prefix (st.keyword, "#~ ")))
        {
          g_autofree char *raw = quoted_part (line);
          g_autofree char *text = g_strcompress (raw != NULL ? raw : "");
          g_string_append (st.value, text);
          st.multiline = TRUE;
          continue;
        }
      flush_msgstr (&st);

      kw = line_keyword (line, &obsolete);
      if (kw != NULL && g_str_has_prefix (kw, "msgstr"))
        {
          g_autofree char *raw = quoted_part (line);
          g_autofree char *text = g_strcompress (raw != NULL ? raw : "");

          if (raw == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "line %u: a msgstr without a quoted string", i + 1);
              g_string_free (st.value, TRUE);
              g_string_free (msgid, TRUE);
              return FALSE;
            }
          st.header = !obsolete && !has_ctxt && msgid->len == 0 && g_str_equal (kw, "msgstr");
          st.multiline = FALSE;
          st.keyword = obsolete ? g_strconcat ("#~ ", kw, NULL) : g_steal_pointer (&kw);
          g_string_append (st.value, text);
          in_msgid = FALSE;
          has_ctxt = FALSE;
          continue;
        }

      /* Track the msgid and msgctxt, to know the header entry. */
      if (kw != NULL && g_str_equal (kw, "msgctxt"))
        has_ctxt = TRUE;
      if (kw != NULL)
        {
          in_msgid = g_str_equal (kw, "msgid");
          if (in_msgid)
            {
              g_autofree char *raw = quoted_part (line);
              g_string_assign (msgid, raw != NULL ? raw : "");
            }
        }
      else if (in_msgid && line[0] == '"' && (part = quoted_part (line)) != NULL)
        g_string_append (msgid, part);
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  flush_msgstr (&st);
  g_string_free (st.value, TRUE);
  g_string_free (msgid, TRUE);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *input = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  gsize len;

  setlocale (LC_ALL, "");
  if (argc < 2 || argc > 3)
    {
      g_printerr ("Usage: %s INPUT.po [OUTPUT.po]\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &input, &len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (!g_utf8_validate (input, len, NULL))
    {
      g_printerr ("%s: not valid UTF-8\n", argv[1]);
      return 1;
    }
  if (!convert (input, out, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  if (argc == 2)
    {
      fwrite (out->str, 1, out->len, stdout);
      return fflush (stdout) == 0 ? 0 : 1;
    }
  if (!g_file_set_contents (argv[2], out->str, out->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
