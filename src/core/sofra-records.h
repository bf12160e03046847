/* sofra-records.h — typed views over documents, with a codec in each direction
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each record is a plain struct decoded from a JSON document and encoded back. Fields this
 * version does not know are kept in meta.doc and written back untouched. Strings are
 * g_malloc'd and owned by the struct; unset optional strings are NULL, unset string lists are
 * NULL or empty, unset ratings are 0.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SOFRA_TYPE_SESSION     "session"
#define SOFRA_TYPE_PARTICIPANT "participant"
#define SOFRA_TYPE_ATTENDANCE  "attendance"
#define SOFRA_TYPE_NOTE        "note"
#define SOFRA_TYPE_FOLLOWUP    "followup"
#define SOFRA_TYPE_OFFICE      "office"
#define SOFRA_TYPE_PLACE       "place"

typedef struct
{
  char       *id;         /* "_id" */
  char       *rev;        /* "_rev" */
  char       *office;     /* office id, "office:…" */
  char       *created_at; /* ISO 8601 UTC */
  char       *updated_at;
  char       *updated_by; /* staff member's name */
  JsonObject *doc;        /* the document as decoded, for fields this version does not know */
} SofraRecordMeta;

typedef struct
{
  char *community; /* vocabulary id, or NULL for "not said" */
  char *gender;
  int   count;
} SofraHeadcount;

typedef struct
{
  SofraRecordMeta meta;
  char           *title;
  char           *kind;       /* SOFRA_VOCAB_SESSION_KIND */
  char           *status;     /* SOFRA_VOCAB_SESSION_STATUS */
  char           *date;       /* YYYY-MM-DD */
  char           *start_time; /* HH:MM */
  char           *end_time;   /* HH:MM */
  char           *place_id;   /* "place:…" or NULL */
  char           *venue;
  gboolean        online;
  char          **facilitators; /* names */
  char          **languages;    /* SOFRA_VOCAB_LANGUAGE */
  gboolean        interpretation;
  char          **communities; /* SOFRA_VOCAB_COMMUNITY */
  char          **topics;      /* SOFRA_VOCAB_TOPIC */
  char           *summary;
  char           *key_points;
  char           *agreements;
  char           *incidents;
  int             trust_before; /* 1..5, 0 unset */
  int             trust_after;
  GArray         *headcount; /* of SofraHeadcount: people who did not register */
} SofraSession;

typedef struct
{
  char    *date; /* when consent was given/recorded, YYYY-MM-DD */
  gboolean name_recorded;
  gboolean name_on_documents;
  gboolean photos;
  gboolean contact;
  gboolean share_offices;
  char    *withdrawn_date; /* NULL unless withdrawn */
} SofraConsent;

typedef struct
{
  SofraRecordMeta meta;
  char           *name;
  char           *code;         /* pseudonym, "P-7F3K" */
  char           *gender;       /* SOFRA_VOCAB_GENDER */
  char           *age_group;    /* SOFRA_VOCAB_AGE_GROUP */
  char           *community;    /* SOFRA_VOCAB_COMMUNITY */
  char           *municipality; /* "place:…" */
  char           *organisation;
  char           *role;
  char           *phone;
  char           *email;
  SofraConsent    consent;
} SofraParticipant;

typedef struct
{
  SofraRecordMeta meta;
  char           *session_id;
  char           *participant_id;
  char           *role; /* SOFRA_VOCAB_ATTENDANCE_ROLE */
} SofraAttendance;

typedef struct
{
  SofraRecordMeta meta;
  char           *participant_id;
  char           *session_id; /* optional */
  char           *date;
  char           *text;
  char           *visibility; /* "shared" or "private" */
} SofraNote;

typedef struct
{
  SofraRecordMeta meta;
  char           *what;
  char           *session_id;      /* optional */
  char          **participant_ids; /* optional */
  char           *owner;
  char           *due_date; /* YYYY-MM-DD, optional */
  char           *status;   /* SOFRA_VOCAB_FOLLOWUP_STATUS */
  char           *priority; /* SOFRA_VOCAB_PRIORITY */
  char           *completion_note;
  char           *completed_on; /* YYYY-MM-DD when done */
} SofraFollowUp;

typedef struct
{
  SofraRecordMeta meta;
  char           *name;
  char           *place_id;
} SofraOffice;

typedef struct
{
  SofraRecordMeta meta;
  char           *code;   /* stable gazetteer code, the id is "place:<code>" */
  char           *region; /* "kosovo" or "serbia" */
  char           *name_sq;
  char           *name_sr;      /* Serbian, Cyrillic */
  char           *name_sr_latn; /* Serbian, Latin */
} SofraPlace;

#define SOFRA_DECLARE_RECORD(Type, prefix)                          \
  Type       *prefix##_new (void);                                  \
  void        prefix##_free (Type *self);                           \
  Type       *prefix##_from_json (JsonObject *doc, GError **error); \
  JsonObject *prefix##_to_json (const Type *self);                  \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (Type, prefix##_free)

SOFRA_DECLARE_RECORD (SofraSession, sofra_session)
SOFRA_DECLARE_RECORD (SofraParticipant, sofra_participant)
SOFRA_DECLARE_RECORD (SofraAttendance, sofra_attendance)
SOFRA_DECLARE_RECORD (SofraNote, sofra_note)
SOFRA_DECLARE_RECORD (SofraFollowUp, sofra_followup)
SOFRA_DECLARE_RECORD (SofraOffice, sofra_office)
SOFRA_DECLARE_RECORD (SofraPlace, sofra_place)

/* Validates a document of a known type (values, vocabularies, dates, times). Errors are in
 * SOFRA_STORE_ERROR, translated. FALSE with an error for unknown or missing types. */
gboolean sofra_record_validate (JsonObject *doc, GError **error);
gboolean sofra_record_type_is_known (const char *type);

/* A new pseudonym code, "P-" and four characters from an unambiguous alphabet. */
char *sofra_participant_make_code (void);
/* The name to print or export: the name where consent allows it, otherwise the code. */
const char *sofra_participant_public_name (const SofraParticipant *self);

/* The place's name in @language ("sq", "sr", "sr@latin", anything else: the pair "sq/sr"). */
char *sofra_place_display_name (const SofraPlace *self, const char *language);

G_END_DECLS
