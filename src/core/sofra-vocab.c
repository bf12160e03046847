/* sofra-vocab.c — the closed vocabularies of DOMAIN.md: ids stored, labels translated
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "sofra-vocab.h"

static const SofraVocabEntry session_kinds[] = { { "roundtable", N_ ("Roundtable") },
                                                 { "workshop", N_ ("Workshop") },
                                                 { "community_meeting", N_ ("Community meeting") },
                                                 { "youth_exchange", N_ ("Youth exchange") },
                                                 { "mediation", N_ ("Mediation") },
                                                 { "online_dialogue", N_ ("Online dialogue") },
                                                 { "field_visit", N_ ("Field visit") },
                                                 { "other", N_ ("Other") },
                                                 { NULL, NULL } };

static const SofraVocabEntry session_statuses[] = { { "planned", N_ ("Planned") },
                                                    { "held", N_ ("Held") },
                                                    { "cancelled", N_ ("Cancelled") },
                                                    { NULL, NULL } };

static const SofraVocabEntry topics[] = { { "freedom_of_movement", N_ ("Freedom of movement") },
                                          { "security", N_ ("Security") },
                                          { "missing_persons", N_ ("Missing persons") },
                                          { "language_rights", N_ ("Language rights") },
                                          { "property", N_ ("Property") },
                                          { "economy_trade", N_ ("Economy and trade") },
                                          { "education", N_ ("Education") },
                                          { "health", N_ ("Health") },
                                          { "environment", N_ ("Environment") },
                                          { "youth", N_ ("Youth") },
                                          { "womens_participation", N_ ("Women’s participation") },
                                          { "media_narratives", N_ ("Media and narratives") },
                                          { "migration", N_ ("Migration") },
                                          { "culture_heritage", N_ ("Culture and heritage") },
                                          { "other", N_ ("Other") },
                                          { NULL, NULL } };

/* Communities as people name themselves; "prefer not to say" is always offered. */
static const SofraVocabEntry communities[] = { { "albanian", N_ ("Albanian") },
                                               { "serbian", N_ ("Serbian") },
                                               { "roma", N_ ("Roma") },
                                               { "ashkali", N_ ("Ashkali") },
                                               { "egyptian", N_ ("Egyptian") },
                                               { "bosniak", N_ ("Bosniak") },
                                               { "gorani", N_ ("Gorani") },
                                               { "turkish", N_ ("Turkish") },
                                               { "montenegrin", N_ ("Montenegrin") },
                                               { "croat", N_ ("Croat") },
                                               { "other", N_ ("Other") },
                                               { "prefer_not_to_say", N_ ("Prefer not to say") },
                                               { NULL, NULL } };

static const SofraVocabEntry genders[] = { { "woman", N_ ("Woman") },
                                           { "man", N_ ("Man") },
                                           { "another", N_ ("Another gender") },
                                           { "prefer_not_to_say", N_ ("Prefer not to say") },
                                           { NULL, NULL } };

static const SofraVocabEntry age_groups[] = { { "under_18", N_ ("Under 18") },
                                              { "18_24", N_ ("18–24") },
                                              { "25_34", N_ ("25–34") },
                                              { "35_54", N_ ("35–54") },
                                              { "55_plus", N_ ("55 and over") },
                                              { "prefer_not_to_say", N_ ("Prefer not to say") },
                                              { NULL, NULL } };

static const SofraVocabEntry languages[] = { { "sq", N_ ("Albanian") }, { "sr", N_ ("Serbian") },
                                             { "en", N_ ("English") },  { "tr", N_ ("Turkish") },
                                             { "rom", N_ ("Romani") },  { "bs", N_ ("Bosnian") },
                                             { "other", N_ ("Other") }, { NULL, NULL } };

static const SofraVocabEntry attendance_roles[] = {
  { "participant", N_ ("Participant") }, { "speaker", N_ ("Speaker") },
  { "observer", N_ ("Observer") },       { "facilitator", N_ ("Facilitator") },
  { "interpreter", N_ ("Interpreter") }, { NULL, NULL }
};

static const SofraVocabEntry followup_statuses[] = { { "open", N_ ("Open") },
                                                     { "in_progress", N_ ("In progress") },
                                                     { "done", N_ ("Done") },
                                                     { "dropped", N_ ("Dropped") },
                                                     { NULL, NULL } };

static const SofraVocabEntry priorities[] = { { "low", N_ ("Low") },
                                              { "normal", N_ ("Normal") },
                                              { "high", N_ ("High") },
                                              { NULL, NULL } };

static const SofraVocabEntry visibilities[] = { { "shared", N_ ("Shared with the organisation") },
                                                { "private", N_ ("Private to this laptop") },
                                                { NULL, NULL } };

static const SofraVocabEntry regions[] = { { "kosovo", N_ ("Kosovo") },
                                           { "serbia", N_ ("Serbia") },
                                           { NULL, NULL } };

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
  return g_dgettext (GETTEXT_PACKAGE, sofra_vocab_entries (vocab)[i].label);
}
