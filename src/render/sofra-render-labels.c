/* sofra-render-labels.c — a document's words in the language chosen for it, not the interface's
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sofra-i18n.h"
#include "sofra-render-labels.h"
#include "sofra-render-text.h"

struct _SofraLabels
{
  char       *language;
  gboolean    bilingual;
  char       *serbian; /* "sr" or "sr@latin", for bilingual labels */
  GHashTable *cache;   /* "context\004msgid" → the label as printed */
};

typedef struct
{
  char    *language;
  gboolean had_language;
  char    *messages_locale;
} Switch;

static const char *
normalise_language (const char *language)
{
  if (language == NULL)
    return sofra_render_language ();
  if (g_str_equal (language, "sq") || g_str_equal (language, "sr") ||
      g_str_equal (language, "sr@latin"))
    return language;
  return "en";
}

/* Makes gettext use @locale for LC_MESSAGES and forget the translations it has cached. glibc
 * returns early from setlocale() when the name does not change, keeping its cache, so the
 * category goes through "C" first: each real change counts as a new catalogue generation. */
static void
reload_messages (const char *locale)
{
  setlocale (LC_MESSAGES, "C");
  if (!g_str_equal (locale, "C") && setlocale (LC_MESSAGES, locale) == NULL)
    setlocale (LC_MESSAGES, "C");
}

static void
switch_begin (Switch *s, const char *language)
{
  const char *current = g_getenv ("LANGUAGE");
  const char *messages = setlocale (LC_MESSAGES, NULL);

  s->had_language = current != NULL;
  s->language = g_strdup (current);
  s->messages_locale = g_strdup (messages != NULL ? messages : "C");

  g_setenv ("LANGUAGE", language, TRUE);
  /* gettext ignores LANGUAGE in the plain "C" locale; C.UTF-8 is built into glibc. */
  if (g_str_equal (s->messages_locale, "C") || g_str_equal (s->messages_locale, "POSIX"))
    reload_messages ("C.UTF-8");
  else
    reload_messages (s->messages_locale);
}

static void
switch_end (Switch *s)
{
  if (s->had_language)
    g_setenv ("LANGUAGE", s->language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  reload_messages (s->messages_locale);
  g_clear_pointer (&s->language, g_free);
  g_clear_pointer (&s->messages_locale, g_free);
}

void
sofra_labels_run_in (const char *language, SofraLabelsFunc func, gpointer user_data)
{
  Switch s = { 0 };

  g_return_if_fail (func != NULL);

  switch_begin (&s, normalise_language (language));
  func (user_data);
  switch_end (&s);
}

static char *
translate_in (const char *language, const char *context, const char *msgid)
{
  Switch      s = { 0 };
  const char *translated;
  char       *result;

  switch_begin (&s, language);
  translated = context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                               : g_dgettext (GETTEXT_PACKAGE, msgid);
  result = g_strdup (translated);
  switch_end (&s);
  return result;
}

/* Two versions of a label side by side, or one when they are the same. */
static char *
join_pair (char *albanian, char *serbian)
{
  char *joined;

  if (g_str_equal (albanian, serbian))
    {
      g_free (serbian);
      return albanian;
    }
  joined = g_strconcat (albanian, " / ", serbian, NULL);
  g_free (albanian);
  g_free (serbian);
  return joined;
}

SofraLabels *
sofra_labels_new (const char *language, gboolean bilingual, const char *serbian_variant)
{
  SofraLabels *self = g_new0 (SofraLabels, 1);

  self->language = g_strdup (normalise_language (language));
  self->bilingual = bilingual;
  self->serbian = g_strdup (g_strcmp0 (serbian_variant, "sr@latin") == 0 ? "sr@latin" : "sr");
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
sofra_labels_free (SofraLabels *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_free (self->serbian);
  g_hash_table_unref (self->cache);
  g_free (self);
}

const char *
sofra_labels_get_language (SofraLabels *self)
{
  return self->language;
}

gboolean
sofra_labels_get_bilingual (SofraLabels *self)
{
  return self->bilingual;
}

const char *
sofra_labels_get (SofraLabels *self, const char *context, const char *msgid)
{
  g_autofree char *key = NULL;
  char            *label;

  g_return_val_if_fail (self != NULL && msgid != NULL, NULL);

  key = g_strconcat (context != NULL ? context : "", "\004", msgid, NULL);
  label = g_hash_table_lookup (self->cache, key);
  if (label != NULL)
    return label;

  if (self->bilingual)
    label = join_pair (translate_in ("sq", context, msgid),
                       translate_in (self->serbian, context, msgid));
  else
    label = translate_in (self->language, context, msgid);

  g_hash_table_insert (self->cache, g_steal_pointer (&key), label);
  return label;
}

char *
sofra_labels_printf (SofraLabels *self, const char *context, const char *format, ...)
{
  va_list args;
  char   *text;

  g_return_val_if_fail (self != NULL && format != NULL, NULL);

  va_start (args, format);
  if (self->bilingual)
    {
      g_autofree char *albanian_format = translate_in ("sq", context, format);
      g_autofree char *serbian_format = translate_in (self->serbian, context, format);
      va_list          again;
      char            *albanian, *serbian;

      va_copy (again, args);
      albanian = g_strdup_vprintf (albanian_format, args);
      serbian = g_strdup_vprintf (serbian_format, again);
      va_end (again);
      text = join_pair (albanian, serbian);
    }
  else
    text = g_strdup_vprintf (sofra_labels_get (self, context, format), args);
  va_end (args);
  return text;
}

typedef struct
{
  SofraVocab  vocab;
  const char *id;
  char       *label;
} VocabLookup;

static void
vocab_lookup (gpointer user_data)
{
  VocabLookup *lookup = user_data;

  lookup->label = g_strdup (sofra_vocab_label (lookup->vocab, lookup->id));
}

static char *
vocab_in (const char *language, SofraVocab vocab, const char *id)
{
  VocabLookup lookup = { vocab, id, NULL };

  sofra_labels_run_in (language, vocab_lookup, &lookup);
  return lookup.label;
}

const char *
sofra_labels_vocab (SofraLabels *self, SofraVocab vocab, const char *id)
{
  g_autofree char *key = NULL;
  char            *label;

  g_return_val_if_fail (self != NULL && vocab < SOFRA_N_VOCABS, NULL);

  if (id == NULL)
    return "";
  key = g_strdup_printf ("\005%d\004%s", (int) vocab, id);
  label = g_hash_table_lookup (self->cache, key);
  if (label != NULL)
    return label;

  if (self->bilingual)
    label = join_pair (vocab_in ("sq", vocab, id), vocab_in (self->serbian, vocab, id));
  else
    label = vocab_in (self->language, vocab, id);
  g_hash_table_insert (self->cache, g_steal_pointer (&key), label);
  return label;
}

static char *
count_in (const char *language, const char *singular, const char *plural, gulong n)
{
  Switch      s = { 0 };
  const char *format;
  char       *result;

  switch_begin (&s, language);
  format = g_dngettext (GETTEXT_PACKAGE, singular, plural, n);
  result = g_strdup_printf (format, n);
  switch_end (&s);
  return result;
}

char *
sofra_labels_count (SofraLabels *self,
                    const char  *format_singular,
                    const char  *format_plural,
                    gulong       n)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->bilingual)
    return join_pair (count_in ("sq", format_singular, format_plural, n),
                      count_in (self->serbian, format_singular, format_plural, n));
  return count_in (self->language, format_singular, format_plural, n);
}

char *
sofra_labels_date (SofraLabels *self, const char *iso_date)
{
  int  year, month, day;
  char end;

  g_return_val_if_fail (self != NULL, NULL);

  if (iso_date == NULL)
    return g_strdup ("");
  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      strlen (iso_date) != 10 || !g_date_valid_dmy (day, month, year))
    return g_strdup (iso_date);

  if (self->bilingual)
    return g_strdup_printf ("%02d.%02d.%04d", day, month, year);

  /* Translators: a date on printed documents: %1$d is the day, %2$s the month's name, %3$d
   * the year; reorder or add punctuation as your language writes dates ("%1$d. %2$s %3$d.") */
  return g_strdup_printf (sofra_labels_get (self, "date on documents", "%1$d %2$s %3$d"), day,
                          sofra_labels_get (self, "month in a date",
                                            sofra_i18n_month_msgid (month)),
                          year);
}
