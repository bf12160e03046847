/* sofra-render-labels.h — a document's words in the language chosen for it, not the interface's
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A printed document may be in another language than the interface, or in two (Albanian and
 * Serbian side by side). This is the one place that switches gettext's language for that:
 * LANGUAGE is set for the length of one lookup and restored at once, so the interface never
 * sees the change. Call from the thread that runs gettext for the interface (the main thread).
 */
#pragma once

#include <glib.h>

#include "sofra-vocab.h"

G_BEGIN_DECLS

typedef struct _SofraLabels SofraLabels;

/* Labels in @language ("sq", "sr", "sr@latin", "en"; NULL: the interface language). With
 * @bilingual, every label is the Albanian and the Serbian one side by side; Serbian in
 * @serbian_variant ("sr" or "sr@latin"). */
SofraLabels      *
sofra_labels_new (const char *language, gboolean bilingual, const char *serbian_variant);
void sofra_labels_free (SofraLabels *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SofraLabels, sofra_labels_free)

/* The document's language: "sq", "sr", "sr@latin" or "en". */
const char *sofra_labels_get_language (SofraLabels *self);
gboolean    sofra_labels_get_bilingual (SofraLabels *self);

/* @msgid (already marked with N_ or NC_) translated into the document's language(s); the
 * result belongs to @self. @context may be NULL. */
const char *sofra_labels_get (SofraLabels *self, const char *context, const char *msgid);
/* printf with @format (a msgid, marked for translation by the caller's keyword) translated
 * into the document's language(s): a bilingual document formats the Albanian and the Serbian
 * text each with the arguments, then puts them side by side. Free with g_free(). */
char *sofra_labels_printf (SofraLabels *self, const char *context, const char *format, ...);
/* A vocabulary label (session kind, community, …) in the document's language(s). */
const char *sofra_labels_vocab (SofraLabels *self, SofraVocab vocab, const char *id);
/* printf with a plural-aware format, in the document's language(s); @format_singular and
 * @format_plural take one integer (and nothing else). Free with g_free(). */
char *sofra_labels_count (SofraLabels *self,
                          const char  *format_singular,
                          const char  *format_plural,
                          gulong       n);
/* A YYYY-MM-DD date as the document's language writes it ("28 November 2026",
 * "28 nëntor 2026", "28. новембар 2026."); bilingual documents use "28.11.2026". A malformed
 * date is returned as given. Free with g_free(). */
char *sofra_labels_date (SofraLabels *self, const char *iso_date);

/* Runs @func with gettext switched to @language, then restores the interface's language. */
typedef void (*SofraLabelsFunc) (gpointer user_data);
void sofra_labels_run_in (const char *language, SofraLabelsFunc func, gpointer user_data);

G_END_DECLS
