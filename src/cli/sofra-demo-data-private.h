/* sofra-demo-data-private.h — the tables the demo-data generator draws from
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The texts are sample data, not interface strings: each is written in one language on
 * purpose, as staff type them, and is not translated.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sofra-records.h"
#include "sofra-demo-data.h"
#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_DEMO_N_OFFICES 5

typedef struct
{
  const char *name;
  const char *place; /* gazetteer code */
  const char *staff[2];
} SofraDemoOffice;

typedef struct
{
  const char *place; /* gazetteer code; NULL for an online session */
  const char *venue;
  guint       office; /* index into sofra_demo_offices */
} SofraDemoWhere;

/* One kind of session, held in two places. Lists are vocabulary ids separated by commas. */
typedef struct
{
  const char    *lang; /* the language it was written in: "en", "sq", "sr" (Cyrillic), "sr-Latn" */
  const char    *kind;
  const char    *topics;
  const char    *languages;
  gboolean       interpretation;
  const char    *communities; /* who is invited */
  SofraDemoWhere where[2];
  const char    *title;
  const char    *summary;
  const char    *key_points;
  const char    *agreements;
  const char    *incidents;
  const char    *followups[2];
} SofraDemoSession;

/* Sentences staff write in every language, chosen by SofraDemoSession.lang. */
typedef struct
{
  const char *lang;
  const char *cancelled;   /* the summary of a cancelled session */
  const char *invitations; /* the follow-up before a planned session */
  const char *done;        /* a completion note */
  const char *dropped;
} SofraDemoPhrases;

typedef struct
{
  const char *text;
  gboolean    private_note; /* personal enough that staff keep it on the laptop */
} SofraDemoNote;

/* First names and surnames of a community. Entries written in Serbian come as
 * "Cyrillic|Latin" pairs, and a participant's name is in one script or the other. */
typedef struct
{
  const char        *community; /* vocabulary id, NULL for "not said" */
  guint              count;     /* how many participants */
  const char *const *women;
  const char *const *men;
  const char *const *surnames;
  const char        *places; /* gazetteer codes, separated by commas */
  const char        *langs;  /* languages of the organisations its people belong to */
} SofraDemoCommunity;

typedef struct
{
  const char *lang; /* as in SofraDemoSession.lang */
  const char *organisation;
  const char *role_woman;
  const char *role_man;
} SofraDemoAffiliation;

extern const SofraDemoOffice      sofra_demo_offices[SOFRA_DEMO_N_OFFICES];
extern const SofraDemoSession     sofra_demo_sessions[];
extern const guint                sofra_demo_n_sessions;
extern const SofraDemoPhrases     sofra_demo_phrases[];
extern const guint                sofra_demo_n_phrases;
extern const SofraDemoNote        sofra_demo_notes[];
extern const guint                sofra_demo_n_notes;
extern const SofraDemoCommunity   sofra_demo_communities[];
extern const guint                sofra_demo_n_communities;
extern const SofraDemoAffiliation sofra_demo_affiliations[];
extern const guint                sofra_demo_n_affiliations;

/* The state of one run of the generator, shared by its files. */
typedef struct
{
  SofraParticipant *record;
  guint             office;
  char             *first_date; /* of the first session attended, or NULL */
} SofraDemoPerson;

typedef struct
{
  const SofraDemoSession *text;
  const SofraDemoWhere   *where;
  char                   *date;
  const char             *status;
  char                  **facilitators;
  GArray                 *attendees; /* of guint, indices into SofraDemo.people */
  char                   *id;
} SofraDemoPlan;

typedef struct
{
  SofraStore      *store;
  GRand           *rand;
  GDate            today;
  char            *office_ids[SOFRA_DEMO_N_OFFICES];
  GPtrArray       *people;  /* of SofraDemoPerson */
  GPtrArray       *planned; /* of SofraDemoPlan, in date order */
  SofraDemoCounts *counts;
} SofraDemo;

gboolean sofra_demo_chance (SofraDemo *demo, double p);
/* A number from @low to @high, both included. */
int         sofra_demo_between (SofraDemo *demo, int low, int high);
const char *sofra_demo_pick (SofraDemo *demo, const char *const *list);
/* YYYY-MM-DD @days from today (negative: before). */
char                   *sofra_demo_date_from_today (SofraDemo *demo, int days);
int                     sofra_demo_days_from_today (SofraDemo *demo, const char *iso_date);
const SofraDemoPhrases *sofra_demo_phrases_for (const char *lang);
/* Writes @doc as a member of staff of @office would; @id gets the new _id. */
gboolean sofra_demo_put (SofraDemo  *demo,
                         JsonObject *doc,
                         guint       office,
                         const char *staff,
                         char      **id,
                         GError    **error);

gboolean sofra_demo_add_notes (SofraDemo *demo, GError **error);
gboolean sofra_demo_add_followups (SofraDemo *demo, GError **error);

G_END_DECLS
