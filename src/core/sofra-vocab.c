/* sofra-vocab.c — the closed vocabularies of DOMAIN.md: ids stored, labels translated
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "sofra-vocab.h"

static const SofraVocabEntry session_kinds[] = {
  { "roundtable", NC_ ("session kind", "Roundtable") },
  { "workshop", NC_ ("session kind", "Workshop") },
  { "community_meeting", NC_ ("session kind", "Community meeting") },
  { "youth_exchange", NC_ ("session kind", "Youth exchange") },
  { "mediation", NC_ ("session kind", "Mediation") },
  { "online_dialogue", NC_ ("session kind", "Online dialogue") },
  { "field_visit", NC_ ("session kind", "Field visit") },
  { "other", NC_ ("session kind", "Other") },
  { NULL, NULL }
};

static const SofraVocabEntry session_statuses[] = {
  { "planned", NC_ ("session status", "Planned") },
  { "held", NC_ ("session status", "Held") },
  { "cancelled", NC_ ("session status", "Cancelled") },
  { NULL, NULL }
};

static const SofraVocabEntry topics[] = {
  { "freedom_of_movement", NC_ ("topic", "Freedom of movement") },
  { "security", NC_ ("topic", "Security") },
  { "missing_persons", NC_ ("topic", "Missing persons") },
  { "language_rights", NC_ ("topic", "Language rights") },
  { "property", NC_ ("topic", "Property") },
  { "economy_trade", NC_ ("topic", "Economy and trade") },
  { "education", NC_ ("topic", "Education") },
  { "health", NC_ ("topic", "Health") },
  { "environment", NC_ ("topic", "Environment") },
  { "youth", NC_ ("topic", "Youth") },
  { "womens_participation", NC_ ("topic", "Women’s participation") },
  { "media_narratives", NC_ ("topic", "Media and narratives") },
  { "migration", NC_ ("topic", "Migration") },
  { "culture_heritage", NC_ ("topic", "Culture and heritage") },
  { "other", NC_ ("topic", "Other") },
  { NULL, NULL }
};

/* Communities as people name themselves; "prefer not to say" is always offered. */
static const SofraVocabEntry communities[] = { { "albanian", NC_ ("community", "Albanian") },
                                               { "serbian", NC_ ("community", "Serbian") },
                                               { "roma", NC_ ("community", "Roma") },
                                               { "ashkali", NC_ ("community", "Ashkali") },
                                               { "egyptian", NC_ ("community", "Egyptian") },
                                               { "bosniak", NC_ ("community", "Bosniak") },
                                               { "gorani", NC_ ("community", "Gorani") },
                                               { "turkish", NC_ ("community", "Turkish") },
                                               { "montenegrin", NC_ ("community", "Montenegrin") },
                                               { "croat", NC_ ("community", "Croat") },
                                               { "other", NC_ ("community", "Other") },
                                               { "prefer_not_to_say",
                                                 NC_ ("community", "Prefer not to say") },
                                               { NULL, NULL } };

static const SofraVocabEntry genders[] = { { "woman", NC_ ("gender", "Woman") },
                                           { "man", NC_ ("gender", "Man") },
                                           { "another", NC_ ("gender", "Another gender") },
                                           { "prefer_not_to_say",
                                             NC_ ("gender", "Prefer not to say") },
                                           { NULL, NULL } };

static const SofraVocabEntry age_groups[] = { { "under_18", NC_ ("age group", "Under 18") },
                                              { "18_24", NC_ ("age group", "18–24") },
                                              { "25_34", NC_ ("age group", "25–34") },
                                              { "35_54", NC_ ("age group", "35–54") },
                                              { "55_plus", NC_ ("age group", "55 and over") },
                                              { "prefer_not_to_say",
                                                NC_ ("age group", "Prefer not to say") },
                                              { NULL, NULL } };

static const SofraVocabEntry languages[] = {
  { "sq", NC_ ("language", "Albanian") }, { "sr", NC_ ("language", "Serbian") },
  { "en", NC_ ("language", "English") },  { "tr", NC_ ("language", "Turkish") },
  { "rom", NC_ ("language", "Romani") },  { "bs", NC_ ("language", "Bosnian") },
  { "other", NC_ ("language", "Other") }, { NULL, NULL }
};

static const SofraVocabEntry attendance_roles[] = {
  { "participant", NC_ ("attendance role", "Participant") },
  { "speaker", NC_ ("attendance role", "Speaker") },
  { "observer", NC_ ("attendance role", "Observer") },
  { "facilitator", NC_ ("attendance role", "Facilitator") },
  { "interpreter", NC_ ("attendance role", "Interpreter") },
  { NULL, NULL }
};

static const SofraVocabEntry followup_statuses[] = {
  { "open", NC_ ("follow-up status", "Open") },
  { "in_progress", NC_ ("follow-up status", "In progress") },
  { "done", NC_ ("follow-up status", "Done") },
  { "dropped", NC_ ("follow-up status", "Dropped") },
  { NULL, NULL }
};

static const SofraVocabEntry priorities[] = { { "low", NC_ ("priority", "Low") },
                                              { "normal", NC_ ("priority", "Normal") },
                                              { "high", NC_ ("priority", "High") },
                                              { NULL, NULL } };

static const SofraVocabEntry visibilities[] = {
  { "shared", NC_ ("note visibility", "Shared with the organisation") },
  { "private", NC_ ("note visibility", "Private to this laptop") },
  { NULL, NULL }
};

static const SofraVocabEntry regions[] = { { "kosovo", NC_ ("region", "Kosovo") },
                                           { "serbia", NC_ ("region", "Serbia") },
                                           { NULL, NULL } };

/* The message context of each vocabulary's labels: the same English word can need different
 * translations ("Albanian" the community and "Albanian" the language). */
static const char *const contexts[SOFRA_N_VOCABS] = {
  [SOFRA_VOCAB_SESSION_KIND] = "session kind",
  [SOFRA_VOCAB_SESSION_STATUS] = "session status",
  [SOFRA_VOCAB_TOPIC] = "topic",
  [SOFRA_VOCAB_COMMUNITY] = "community",
  [SOFRA_VOCAB_GENDER] = "gender",
  [SOFRA_VOCAB_AGE_GROUP] = "age group",
  [SOFRA_VOCAB_LANGUAGE] = "language",
  [SOFRA_VOCAB_ATTENDANCE_ROLE] = "attendance role",
  [SOFRA_VOCAB_FOLLOWUP_STATUS] = "follow-up status",
  [SOFRA_VOCAB_PRIORITY] = "priority",
  [SOFRA_VOCAB_NOTE_VISIBILITY] = "note visibility",
  [SOFRA_VOCAB_REGION] = "region",
};

static const SofraVocabEntry *const vocabularies[SOFRA_N_VOCABS] = {
  [SOFRA_VOCAB_SESSION_KIND] = session_kinds,
  [SOFRA_VOCAB_SESSION_STATUS] = session_statuses,
  [SOFRA_VOCAB_TOPIC] = topics,
  [SOFRA_VOCAB_COMMUNITY] = communities,
  [SOFRA_VOCAB_GENDER] = genders,
  [SOFRA_VOCAB_AGE_GROUP] = age_groups,
  [SOFRA_VOCAB_LANGUAGE] = languages,
  [SOFRA_VOCAB_ATTENDANCE_ROLE] = attendance_roles,
  [SOFRA_VOCAB_FOLLOWUP_STATUS] = followup_statuses,
  [SOFRA_VOCAB_PRIORITY] = priorities,
  [SOFRA_VOCAB_NOTE_VISIBILITY] = visibilities,
  [SOFRA_VOCAB_REGION] = regions,
};

const SofraVocabEntry *
sofra_vocab_entries (SofraVocab vocab)
{
  g_return_val_if_fail (vocab < SOFRA_N_VOCABS, NULL);

  return vocabularies[vocab];
}

guint
sofra_vocab_count (SofraVocab vocab)
{
  const SofraVocabEntry *entries = sofra_vocab_entries (vocab);
  guint                  n = 0;

  while (entries[n].id != NULL)
    n++;
  return n;
}

int
sofra_vocab_index (SofraVocab vocab, const char *id)
{
  const SofraVocabEntry *entries = sofra_vocab_entries (vocab);

  if (id == NULL)
    return -1;
  for (int i = 0; entries[i].id != NULL; i++)
    if (g_str_equal (entries[i].id, id))
      return i;
  return -1;
}

gboolean
sofra_vocab_contains (SofraVocab vocab, const char *id)
{
  return sofra_vocab_index (vocab, id) >= 0;
}

const char *
sofra_vocab_label (SofraVocab vocab, const char *id)
{
  int i = sofra_vocab_index (vocab, id);

  if (i < 0)
    return id;
  return g_dpgettext2 (GETTEXT_PACKAGE, contexts[vocab], sofra_vocab_entries (vocab)[i].label);
}
