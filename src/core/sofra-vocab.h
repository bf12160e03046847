/* sofra-vocab.h — the closed vocabularies of DOMAIN.md: ids stored, labels translated
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SOFRA_VOCAB_SESSION_KIND,
  SOFRA_VOCAB_SESSION_STATUS,
  SOFRA_VOCAB_TOPIC,
  SOFRA_VOCAB_COMMUNITY,
  SOFRA_VOCAB_GENDER,
  SOFRA_VOCAB_AGE_GROUP,
  SOFRA_VOCAB_LANGUAGE,
  SOFRA_VOCAB_ATTENDANCE_ROLE,
  SOFRA_VOCAB_FOLLOWUP_STATUS,
  SOFRA_VOCAB_PRIORITY,
  SOFRA_VOCAB_NOTE_VISIBILITY,
  SOFRA_VOCAB_REGION,
  SOFRA_N_VOCABS
} SofraVocab;

typedef struct
{
  const char *id;    /* stored in documents, never translated */
  const char *label; /* NC_() English label; translate with sofra_vocab_label() */
} SofraVocabEntry;

/* The entries of @vocab, terminated by { NULL, NULL }. */
const SofraVocabEntry *sofra_vocab_entries (SofraVocab vocab);
guint                  sofra_vocab_count (SofraVocab vocab);
gboolean               sofra_vocab_contains (SofraVocab vocab, const char *id);
/* The translated label for @id, or @id itself when unknown (a newer Sofra wrote it). */
const char *sofra_vocab_label (SofraVocab vocab, const char *id);
int         sofra_vocab_index (SofraVocab vocab, const char *id);

G_END_DECLS
