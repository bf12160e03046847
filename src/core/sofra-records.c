/* sofra-records.c — typed views over documents, with a codec in each direction
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record type is described by a table of fields (name, kind, offset in the struct).
 * One decoder and one encoder walk the tables, so a field is declared once and is validated,
 * decoded and encoded the same way everywhere.
 */
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-store.h"
#include "sofra-vocab.h"

typedef enum
{
  FIELD_TEXT,      /* optional string */
  FIELD_REQUIRED,  /* non-empty string */
  FIELD_ENUM,      /* string from a vocabulary */
  FIELD_ENUM_LIST, /* array of strings from a vocabulary */
  FIELD_STRV,      /* array of strings */
  FIELD_BOOL,
  FIELD_RATING, /* 1..5, 0 unset */
  FIELD_DATE,   /* YYYY-MM-DD */
  FIELD_TIME,   /* HH:MM */
  FIELD_REF,    /* "<type>:…" document id; the type is in ref_type */
  FIELD_REF_LIST,
} FieldKind;

typedef struct
{
  const char *name;
  FieldKind   kind;
  gsize       offset;
  const char *label; /* N_() — how a person calls the field, for errors */
  int         vocab;
  gboolean    required;
  const char *ref_type;
} Field;

typedef struct
{
  const char  *type;
  gsize        size;
  const Field *fields;
  gboolean (*decode_extra) (gpointer record, JsonObject *doc, GError **error);
  void (*encode_extra) (gconstpointer record, JsonObject *doc);
  void (*free_extra) (gpointer record);
} RecordClass;

#define F(s, n, k, l)                                \
  {                                                  \
#n, k, G_STRUCT_OFFSET(s, n), l, -1, FALSE, NULL \
  }
#define FREQ(s, n, k, l)                            \
  {                                                 \
#n, k, G_STRUCT_OFFSET(s, n), l, -1, TRUE, NULL \
  }
#define FV(s, n, k, v, req, l)                    \
  {                                               \
#n, k, G_STRUCT_OFFSET(s, n), l, v, req, NULL \
  }
#define FR(s, n, k, t, req, l)                  \
  {                                             \
#n, k, G_STRUCT_OFFSET(s, n), l, -1, req, t \
  }
#define FEND                          \
  {                                   \
    NULL, 0, 0, NULL, -1, FALSE, NULL \
  }

static const Field session_fields[] = {
  FREQ (SofraSession, title, FIELD_REQUIRED, N_ ("Title")),
  FV (SofraSession, kind, FIELD_ENUM, SOFRA_VOCAB_SESSION_KIND, TRUE, N_ ("Kind")),
  FV (SofraSession, status, FIELD_ENUM, SOFRA_VOCAB_SESSION_STATUS, TRUE, N_ ("Status")),
  FREQ (SofraSession, date, FIELD_DATE, N_ ("Date")),
  F (SofraSession, start_time, FIELD_TIME, N_ ("Start time")),
  F (SofraSession, end_time, FIELD_TIME, N_ ("End time")),
  FR (SofraSession, place_id, FIELD_REF, SOFRA_TYPE_PLACE, FALSE, N_ ("Place")),
  F (SofraSession, venue, FIELD_TEXT, N_ ("Venue")),
  F (SofraSession, online, FIELD_BOOL, N_ ("Online")),
  F (SofraSession, facilitators, FIELD_STRV, N_ ("Facilitators")),
  FV (SofraSession, languages, FIELD_ENUM_LIST, SOFRA_VOCAB_LANGUAGE, FALSE, N_ ("Languages")),
  F (SofraSession, interpretation, FIELD_BOOL, N_ ("Interpretation")),
  FV (SofraSession,
      communities,
      FIELD_ENUM_LIST,
      SOFRA_VOCAB_COMMUNITY,
      FALSE,
      N_ ("Communities present")),
  FV (SofraSession, topics, FIELD_ENUM_LIST, SOFRA_VOCAB_TOPIC, FALSE, N_ ("Topics")),
  F (SofraSession, summary, FIELD_TEXT, N_ ("Summary")),
  F (SofraSession, key_points, FIELD_TEXT, N_ ("Key points")),
  F (SofraSession, agreements, FIELD_TEXT, N_ ("Agreements and commitments")),
  F (SofraSession, incidents, FIELD_TEXT, N_ ("Tensions or incidents")),
  F (SofraSession, trust_before, FIELD_RATING, N_ ("Atmosphere before")),
  F (SofraSession, trust_after, FIELD_RATING, N_ ("Atmosphere after")),
  FEND
};

static const Field participant_fields[] = {
  F (SofraParticipant, name, FIELD_TEXT, N_ ("Name")),
  FREQ (SofraParticipant, code, FIELD_REQUIRED, N_ ("Pseudonym code")),
  FV (SofraParticipant, gender, FIELD_ENUM, SOFRA_VOCAB_GENDER, FALSE, N_ ("Gender")),
  FV (SofraParticipant, age_group, FIELD_ENUM, SOFRA_VOCAB_AGE_GROUP, FALSE, N_ ("Age group")),
  FV (SofraParticipant, community, FIELD_ENUM, SOFRA_VOCAB_COMMUNITY, FALSE, N_ ("Community")),
  FR (SofraParticipant, municipality, FIELD_REF, SOFRA_TYPE_PLACE, FALSE, N_ ("Municipality")),
  F (SofraParticipant, organisation, FIELD_TEXT, N_ ("Organisation")),
  F (SofraParticipant, role, FIELD_TEXT, N_ ("Role")),
  F (SofraParticipant, phone, FIELD_TEXT, N_ ("Phone")),
  F (SofraParticipant, email, FIELD_TEXT, N_ ("Email")),
  FEND
};

static const Field consent_fields[] = {
  F (SofraConsent, date, FIELD_DATE, N_ ("Consent date")),
  F (SofraConsent, name_recorded, FIELD_BOOL, N_ ("Name may be recorded")),
  F (SofraConsent, name_on_documents, FIELD_BOOL, N_ ("Name may appear on documents")),
  F (SofraConsent, photos, FIELD_BOOL, N_ ("Photos")),
  F (SofraConsent, contact, FIELD_BOOL, N_ ("May be contacted")),
  F (SofraConsent, share_offices, FIELD_BOOL, N_ ("May be shared with other offices")),
  F (SofraConsent, withdrawn_date, FIELD_DATE, N_ ("Consent withdrawn")),
  FEND
};

static const Field attendance_fields[] = {
  FR (SofraAttendance, session_id, FIELD_REF, SOFRA_TYPE_SESSION, TRUE, N_ ("Session")),
  FR (SofraAttendance, participant_id, FIELD_REF, SOFRA_TYPE_PARTICIPANT, TRUE, N_ ("Participant")),
  FV (SofraAttendance, role, FIELD_ENUM, SOFRA_VOCAB_ATTENDANCE_ROLE, TRUE, N_ ("Role")), FEND
};

static const Field note_fields[] = {
  FR (SofraNote, participant_id, FIELD_REF, SOFRA_TYPE_PARTICIPANT, TRUE, N_ ("Participant")),
  FR (SofraNote, session_id, FIELD_REF, SOFRA_TYPE_SESSION, FALSE, N_ ("Session")),
  FREQ (SofraNote, date, FIELD_DATE, N_ ("Date")),
  FREQ (SofraNote, text, FIELD_REQUIRED, N_ ("Note")),
  FV (SofraNote, visibility, FIELD_ENUM, SOFRA_VOCAB_NOTE_VISIBILITY, TRUE, N_ ("Visibility")),
  FEND
};

static const Field followup_fields[] = {
  FREQ (SofraFollowUp, what, FIELD_REQUIRED, N_ ("What is to be done")),
  FR (SofraFollowUp, session_id, FIELD_REF, SOFRA_TYPE_SESSION, FALSE, N_ ("Session")),
  FR (SofraFollowUp,
      participant_ids,
      FIELD_REF_LIST,
      SOFRA_TYPE_PARTICIPANT,
      FALSE,
      N_ ("Participants")),
  F (SofraFollowUp, owner, FIELD_TEXT, N_ ("Owner")),
  F (SofraFollowUp, due_date, FIELD_DATE, N_ ("Due date")),
  FV (SofraFollowUp, status, FIELD_ENUM, SOFRA_VOCAB_FOLLOWUP_STATUS, TRUE, N_ ("Status")),
  FV (SofraFollowUp, priority, FIELD_ENUM, SOFRA_VOCAB_PRIORITY, FALSE, N_ ("Priority")),
  F (SofraFollowUp, completion_note, FIELD_TEXT, N_ ("Completion note")),
  F (SofraFollowUp, completed_on, FIELD_DATE, N_ ("Completed on")),
  FEND
};

static const Field office_fields[] = {
  FREQ (SofraOffice, name, FIELD_REQUIRED, N_ ("Office name")),
  FR (SofraOffice, place_id, FIELD_REF, SOFRA_TYPE_PLACE, FALSE, N_ ("Place")), FEND
};

static const Field place_fields[] = {
  FREQ (SofraPlace, code, FIELD_REQUIRED, N_ ("Code")),
  FV (SofraPlace, region, FIELD_ENUM, SOFRA_VOCAB_REGION, TRUE, N_ ("Region")),
  FREQ (SofraPlace, name_sq, FIELD_REQUIRED, N_ ("Albanian name")),
  FREQ (SofraPlace, name_sr, FIELD_REQUIRED, N_ ("Serbian name (Cyrillic)")),
  FREQ (SofraPlace, name_sr_latn, FIELD_REQUIRED, N_ ("Serbian name (Latin)")),
  FEND
};

static const Field meta_fields[] = {
  FR (SofraRecordMeta, office, FIELD_REF, SOFRA_TYPE_OFFICE, FALSE, N_ ("Office")),
  F (SofraRecordMeta, created_at, FIELD_TEXT, N_ ("Created")),
  F (SofraRecordMeta, updated_at, FIELD_TEXT, N_ ("Updated")),
  F (SofraRecordMeta, updated_by, FIELD_TEXT, N_ ("Updated by")), FEND
};

#define FIELD_PTR(record, field, T) ((T *) G_STRUCT_MEMBER_P (record, (field)->offset))

static gboolean
invalid (GError **error, const Field *field, const char *format)
{
  g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID, format,
               g_dgettext (GETTEXT_PACKAGE, field->label));
  return FALSE;
}

static gboolean
valid_date (const char *s)
{
  unsigned y, m, d;
  char     tail;

  /* Digits only: sscanf's %u would also take a sign or a space. */
  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  if (sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
valid_time (const char *s)
{
  return strlen (s) == 5 && g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && s[2] == ':' &&
         g_ascii_isdigit (s[3]) && g_ascii_isdigit (s[4]) &&
         (s[0] - '0') * 10 + (s[1] - '0') < 24 && (s[3] - '0') < 6;
}

static gboolean
valid_ref (const char *s, const char *type)
{
  gsize n = strlen (type);

  return strncmp (s, type, n) == 0 && s[n] == ':' && s[n + 1] != '\0';
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static gboolean
check_string (const Field *field, const char *value, GError **error)
{
  if (!g_utf8_validate (value, -1, NULL))
    return invalid (error, field, _ ("“%s” is not valid text."));

  switch (field->kind)
    {
    case FIELD_REQUIRED:
      if (is_blank (value))
        return invalid (error, field, _ ("“%s” must not be empty."));
      return TRUE;
    case FIELD_ENUM:
    case FIELD_ENUM_LIST:
      if (!sofra_vocab_contains (field->vocab, value))
        {
          g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                       _ ("“%s” is not a known value for “%s”."), value,
                       g_dgettext (GETTEXT_PACKAGE, field->label));
          return FALSE;
        }
      return TRUE;
    case FIELD_DATE:
      if (!valid_date (value))
        return invalid (error, field, _ ("“%s” must be a date (YYYY-MM-DD)."));
      return TRUE;
    case FIELD_TIME:
      if (!valid_time (value))
        return invalid (error, field, _ ("“%s” must be a time of day (HH:MM)."));
      return TRUE;
    case FIELD_REF:
    case FIELD_REF_LIST:
      if (!valid_ref (value, field->ref_type))
        return invalid (error, field, _ ("“%s” does not point to a record of the right kind."));
      return TRUE;
    default:
      return TRUE;
    }
}

static gboolean
decode_fields (const Field *fields, gpointer record, JsonObject *object, GError **error)
{
  for (const Field *f = fields; f->name != NULL; f++)
    {
      JsonNode *node = json_object_get_member (object, f->name);
      gboolean  absent = node == NULL || JSON_NODE_HOLDS_NULL (node);

      switch (f->kind)
        {
        case FIELD_BOOL:
          if (absent)
            break;
          if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            return invalid (error, f, _ ("“%s” must be yes or no."));
          *FIELD_PTR (record, f, gboolean) = json_node_get_boolean (node);
          break;

        case FIELD_RATING:
          {
            gint64 v;

            if (absent)
              break;
            if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
              return invalid (error, f, _ ("“%s” must be a whole number from 1 to 5."));
            v = json_node_get_int (node);
            if (v < 0 || v > 5)
              return invalid (error, f, _ ("“%s” must be a whole number from 1 to 5."));
            *FIELD_PTR (record, f, int) = (int) v;
            break;
          }

        case FIELD_ENUM_LIST:
        case FIELD_STRV:
        case FIELD_REF_LIST:
          {
            JsonArray    *array;
            GStrvBuilder *builder;
            guint         n;

            if (absent)
              break;
            if (!JSON_NODE_HOLDS_ARRAY (node))
              return invalid (error, f, _ ("“%s” must be a list."));
            array = json_node_get_array (node);
            n = json_array_get_length (array);
            for (guint i = 0; i < n; i++)
              {
                JsonNode *e = json_array_get_element (array, i);

                if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
                  return invalid (error, f, _ ("“%s” must be a list of text."));
                if (!check_string (f, json_node_get_string (e), error))
                  return FALSE;
              }
            builder = g_strv_builder_new ();
            for (guint i = 0; i < n; i++)
              g_strv_builder_add (builder, json_array_get_string_element (array, i));
            g_strfreev (*FIELD_PTR (record, f, char **));
            *FIELD_PTR (record, f, char **) = g_strv_builder_end (builder);
            g_strv_builder_unref (builder);
            break;
          }

        default:
          if (absent)
            {
              if (f->required)
                return invalid (error, f, _ ("“%s” is required."));
              break;
            }
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            return invalid (error, f, _ ("“%s” must be text."));
          if (!check_string (f, json_node_get_string (node), error))
            return FALSE;
          g_free (*FIELD_PTR (record, f, char *));
          *FIELD_PTR (record, f, char *) = g_strdup (json_node_get_string (node));
          break;
        }
    }
  return TRUE;
}

static void
encode_fields (const Field *fields, gconstpointer record, JsonObject *object)
{
  for (const Field *f = fields; f->name != NULL; f++)
    {
      switch (f->kind)
        {
        case FIELD_BOOL:
          json_object_set_boolean_member (object, f->name, *FIELD_PTR (record, f, const gboolean));
          break;

        case FIELD_RATING:
          if (*FIELD_PTR (record, f, const int) > 0)
            json_object_set_int_member (object, f->name, *FIELD_PTR (record, f, const int));
          else
            json_object_remove_member (object, f->name);
          break;

        case FIELD_ENUM_LIST:
        case FIELD_STRV:
        case FIELD_REF_LIST:
          {
            char     **v = *FIELD_PTR (record, f, char **const);
            JsonArray *array = json_array_new ();

            for (guint i = 0; v != NULL && v[i] != NULL; i++)
              json_array_add_string_element (array, v[i]);
            json_object_set_array_member (object, f->name, array);
            break;
          }

        default:
          {
            const char *v = *FIELD_PTR (record, f, char *const);

            if (v != NULL && (*v != '\0' || f->kind == FIELD_REQUIRED))
              json_object_set_string_member (object, f->name, v);
            else
              json_object_remove_member (object, f->name);
            break;
          }
        }
    }
}

static void
free_fields (const Field *fields, gpointer record)
{
  for (const Field *f = fields; f->name != NULL; f++)
    {
      switch (f->kind)
        {
        case FIELD_BOOL:
        case FIELD_RATING:
          break;
        case FIELD_ENUM_LIST:
        case FIELD_STRV:
        case FIELD_REF_LIST:
          g_clear_pointer (FIELD_PTR (record, f, char **), g_strfreev);
          break;
        default:
          g_clear_pointer (FIELD_PTR (record, f, char *), g_free);
          break;
        }
    }
}

/* Session: head-count and the order of start and end. */

static void
headcount_clear (gpointer data)
{
  SofraHeadcount *h = data;

  g_clear_pointer (&h->community, g_free);
  g_clear_pointer (&h->gender, g_free);
}

static gboolean
session_decode_extra (gpointer record, JsonObject *doc, GError **error)
{
  SofraSession *self = record;
  JsonNode     *node = json_object_get_member (doc, "headcount");

  if (self->start_time && self->end_time && strcmp (self->end_time, self->start_time) < 0)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                           _ ("The session cannot end before it starts."));
      return FALSE;
    }

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto bad;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode      *e = json_array_get_element (json_node_get_array (node), i);
      JsonObject    *o;
      JsonNode      *count;
      SofraHeadcount h = { NULL, NULL, 0 };
      const char    *community, *gender;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        goto bad;
      o = json_node_get_object (e);
      count = json_object_get_member (o, "count");
      if (count == NULL || !JSON_NODE_HOLDS_VALUE (count) ||
          json_node_get_value_type (count) != G_TYPE_INT64 || json_node_get_int (count) < 0 ||
          json_node_get_int (count) > 100000)
        goto bad;
      community = json_object_get_string_member_with_default (o, "community", NULL);
      gender = json_object_get_string_member_with_default (o, "gender", NULL);
      if ((community && !sofra_vocab_contains (SOFRA_VOCAB_COMMUNITY, community)) ||
          (gender && !sofra_vocab_contains (SOFRA_VOCAB_GENDER, gender)))
        goto bad;
      h.community = g_strdup (community);
      h.gender = g_strdup (gender);
      h.count = (int) json_node_get_int (count);
      g_array_append_val (self->headcount, h);
    }
  return TRUE;

bad:
  g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                       _ ("The head-count must list a community, a gender and a number of "
                          "people for each line."));
  return FALSE;
}

static void
session_encode_extra (gconstpointer record, JsonObject *doc)
{
  const SofraSession *self = record;
  JsonArray          *array = json_array_new ();

  for (guint i = 0; i < self->headcount->len; i++)
    {
      const SofraHeadcount *h = &g_array_index (self->headcount, SofraHeadcount, i);
      JsonObject           *o = json_object_new ();

      if (h->community)
        json_object_set_string_member (o, "community", h->community);
      if (h->gender)
        json_object_set_string_member (o, "gender", h->gender);
      json_object_set_int_member (o, "count", h->count);
      json_array_add_object_element (array, o);
    }
  json_object_set_array_member (doc, "headcount", array);
}

static void
session_free_extra (gpointer record)
{
  SofraSession *self = record;

  g_clear_pointer (&self->headcount, g_array_unref);
}

/* Participant: consent is an object of its own. */

static gboolean
participant_decode_extra (gpointer record, JsonObject *doc, GError **error)
{
  SofraParticipant *self = record;
  JsonNode         *node = json_object_get_member (doc, "consent");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                           _ ("Consent must be a set of yes-or-no answers."));
      return FALSE;
    }
  return decode_fields (consent_fields, &self->consent, json_node_get_object (node), error);
}

static void
participant_encode_extra (gconstpointer record, JsonObject *doc)
{
  const SofraParticipant *self = record;
  JsonObject             *consent = json_object_new ();

  encode_fields (consent_fields, &self->consent, consent);
  json_object_set_object_member (doc, "consent", consent);
}

static void
participant_free_extra (gpointer record)
{
  SofraParticipant *self = record;

  free_fields (consent_fields, &self->consent);
}

static const RecordClass record_classes[] = {
  { SOFRA_TYPE_SESSION, sizeof (SofraSession), session_fields, session_decode_extra,
    session_encode_extra, session_free_extra },
  { SOFRA_TYPE_PARTICIPANT, sizeof (SofraParticipant), participant_fields, participant_decode_extra,
    participant_encode_extra, participant_free_extra },
  { SOFRA_TYPE_ATTENDANCE, sizeof (SofraAttendance), attendance_fields, NULL, NULL, NULL },
  { SOFRA_TYPE_NOTE, sizeof (SofraNote), note_fields, NULL, NULL, NULL },
  { SOFRA_TYPE_FOLLOWUP, sizeof (SofraFollowUp), followup_fields, NULL, NULL, NULL },
  { SOFRA_TYPE_OFFICE, sizeof (SofraOffice), office_fields, NULL, NULL, NULL },
  { SOFRA_TYPE_PLACE, sizeof (SofraPlace), place_fields, NULL, NULL, NULL },
};

static const RecordClass *
record_class_for (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_classes); i++)
    if (type != NULL && g_str_equal (record_classes[i].type, type))
      return &record_classes[i];
  return NULL;
}

static gpointer
record_new (const RecordClass *klass)
{
  gpointer record = g_malloc0 (klass->size);

  if (klass->fields == session_fields)
    ((SofraSession *) record)->headcount = g_array_new (FALSE, TRUE, sizeof (SofraHeadcount));
  if (klass->fields == session_fields)
    g_array_set_clear_func (((SofraSession *) record)->headcount, headcount_clear);
  return record;
}

static void
record_free (const RecordClass *klass, gpointer record)
{
  SofraRecordMeta *meta = record;

  if (record == NULL)
    return;
  free_fields (meta_fields, meta);
  g_clear_pointer (&meta->id, g_free);
  g_clear_pointer (&meta->rev, g_free);
  g_clear_pointer (&meta->doc, json_object_unref);
  free_fields (klass->fields, record);
  if (klass->free_extra)
    klass->free_extra (record);
  g_free (record);
}

static gpointer
record_from_json (const RecordClass *klass, JsonObject *doc, GError **error)
{
  gpointer         record;
  SofraRecordMeta *meta;
  const char      *type;

  g_return_val_if_fail (doc != NULL, NULL);

  type = json_object_get_string_member_with_default (doc, "type", NULL);
  if (g_strcmp0 (type, klass->type) != 0)
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                   _ ("Expected a record of type “%s”."), klass->type);
      return NULL;
    }

  record = record_new (klass);
  meta = record;
  meta->doc = json_object_ref (doc);
  meta->id = g_strdup (json_object_get_string_member_with_default (doc, "_id", NULL));
  meta->rev = g_strdup (json_object_get_string_member_with_default (doc, "_rev", NULL));

  if (!decode_fields (meta_fields, meta, doc, error) ||
      !decode_fields (klass->fields, record, doc, error) ||
      (klass->decode_extra && !klass->decode_extra (record, doc, error)))
    {
      record_free (klass, record);
      return NULL;
    }
  return record;
}

static JsonObject *
record_to_json (const RecordClass *klass, gconstpointer record)
{
  const SofraRecordMeta *meta = record;
  JsonObject            *doc = json_object_new ();

  /* Fields this version does not know go back exactly as they came. */
  if (meta->doc != NULL)
    sofra_json_copy_members (doc, meta->doc);

  if (meta->id)
    json_object_set_string_member (doc, "_id", meta->id);
  else
    json_object_remove_member (doc, "_id");
  if (meta->rev)
    json_object_set_string_member (doc, "_rev", meta->rev);
  else
    json_object_remove_member (doc, "_rev");
  json_object_set_string_member (doc, "type", klass->type);
  encode_fields (meta_fields, meta, doc);
  encode_fields (klass->fields, record, doc);
  if (klass->encode_extra)
    klass->encode_extra (record, doc);
  return doc;
}

#define SOFRA_DEFINE_RECORD(Type, prefix, index)                  \
  Type *prefix##_new (void)                                       \
  {                                                               \
    return record_new (&record_classes[index]);                   \
  }                                                               \
  void prefix##_free (Type *self)                                 \
  {                                                               \
    record_free (&record_classes[index], self);                   \
  }                                                               \
  Type *prefix##_from_json (JsonObject *doc, GError **error)      \
  {                                                               \
    return record_from_json (&record_classes[index], doc, error); \
  }                                                               \
  JsonObject *prefix##_to_json (const Type *self)                 \
  {                                                               \
    g_return_val_if_fail (self != NULL, NULL);                    \
    return record_to_json (&record_classes[index], self);         \
  }

SOFRA_DEFINE_RECORD (SofraSession, sofra_session, 0)
SOFRA_DEFINE_RECORD (SofraParticipant, sofra_participant, 1)
SOFRA_DEFINE_RECORD (SofraAttendance, sofra_attendance, 2)
SOFRA_DEFINE_RECORD (SofraNote, sofra_note, 3)
SOFRA_DEFINE_RECORD (SofraFollowUp, sofra_followup, 4)
SOFRA_DEFINE_RECORD (SofraOffice, sofra_office, 5)
SOFRA_DEFINE_RECORD (SofraPlace, sofra_place, 6)

gboolean
sofra_record_type_is_known (const char *type)
{
  return record_class_for (type) != NULL;
}

gboolean
sofra_record_validate (JsonObject *doc, GError **error)
{
  const RecordClass *klass;
  JsonNode          *type;
  gpointer           record;

  g_return_val_if_fail (doc != NULL, FALSE);

  type = json_object_get_member (doc, "type");
  if (type == NULL || !JSON_NODE_HOLDS_VALUE (type) ||
      json_node_get_value_type (type) != G_TYPE_STRING)
    {
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                           _ ("The record has no type."));
      return FALSE;
    }
  klass = record_class_for (json_node_get_string (type));
  if (klass == NULL)
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                   _ ("“%s” is not a kind of record Sofra knows."), json_node_get_string (type));
      return FALSE;
    }

  record = record_from_json (klass, doc, error);
  if (record == NULL)
    return FALSE;
  record_free (klass, record);
  return TRUE;
}

char *
sofra_participant_make_code (void)
{
  /* No 0/O, 1/I/L, 2/Z, 5/S, 8/B: codes are read aloud and copied by hand. */
  static const char alphabet[] = "34679ACDEFGHJKMNPQRTUVWXY";
  char              code[7] = "P-";

  for (int i = 2; i < 6; i++)
    code[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  code[6] = '\0';
  return g_strdup (code);
}

const char *
sofra_participant_public_name (const SofraParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->name != NULL && *self->name != '\0' && self->consent.name_recorded &&
      self->consent.name_on_documents && self->consent.withdrawn_date == NULL)
    return self->name;
  return self->code;
}

char *
sofra_place_display_name (const SofraPlace *self, const char *language)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_strcmp0 (language, "sq") == 0)
    return g_strdup (self->name_sq);
  if (g_strcmp0 (language, "sr") == 0)
    return g_strdup (self->name_sr);
  if (g_strcmp0 (language, "sr@latin") == 0)
    return g_strdup (self->name_sr_latn);
  /* International usage: in Kosovo both names, Albanian first, once when they are the same;
   * in Serbia the Serbian Latin name. */
  if (g_strcmp0 (self->region, "serbia") == 0)
    return g_strdup (self->name_sr_latn);
  if (g_strcmp0 (self->name_sq, self->name_sr_latn) == 0)
    return g_strdup (self->name_sq);
  return g_strdup_printf ("%s/%s", self->name_sq, self->name_sr_latn);
}
