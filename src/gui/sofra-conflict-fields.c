/* sofra-conflict-fields.c — how a record's fields are named and shown when two versions differ
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "sofra-conflict-fields.h"
#include "sofra-gui-util.h"
#include "sofra-records.h"
#include "sofra-vocab.h"

typedef enum
{
  SHOW_TEXT,
  SHOW_LINE,
  SHOW_VOCAB,
  SHOW_VOCAB_LIST,
  SHOW_LIST,
  SHOW_BOOL,
  SHOW_RATING,
  SHOW_DATE,
  SHOW_REF,
  SHOW_REF_LIST,
  SHOW_CONSENT,
  SHOW_HEADCOUNT,
} Show;

typedef struct
{
  const char *type; /* NULL: any type */
  const char *name;
  Show        show;
  int         vocab;
  const char *label;
} FieldInfo;

/* In the order the pages show them. The labels are those of the pages. */
static const FieldInfo fields[] = {
  { "session", "title", SHOW_LINE, -1, N_ ("Title") },
  { "session", "kind", SHOW_VOCAB, SOFRA_VOCAB_SESSION_KIND, N_ ("Kind") },
  { "session", "status", SHOW_VOCAB, SOFRA_VOCAB_SESSION_STATUS, N_ ("Status") },
  { "session", "date", SHOW_DATE, -1, N_ ("Date") },
  { "session", "start_time", SHOW_LINE, -1, N_ ("Start time") },
  { "session", "end_time", SHOW_LINE, -1, N_ ("End time") },
  { "session", "place_id", SHOW_REF, -1, N_ ("Place") },
  { "session", "venue", SHOW_LINE, -1, N_ ("Venue") },
  { "session", "online", SHOW_BOOL, -1, N_ ("Online") },
  { "session", "facilitators", SHOW_LIST, -1, N_ ("Facilitators") },
  { "session", "languages", SHOW_VOCAB_LIST, SOFRA_VOCAB_LANGUAGE, N_ ("Languages") },
  { "session", "interpretation", SHOW_BOOL, -1, N_ ("Interpretation") },
  { "session", "communities", SHOW_VOCAB_LIST, SOFRA_VOCAB_COMMUNITY, N_ ("Communities present") },
  { "session", "topics", SHOW_VOCAB_LIST, SOFRA_VOCAB_TOPIC, N_ ("Topics") },
  { "session", "summary", SHOW_TEXT, -1, N_ ("Summary") },
  { "session", "key_points", SHOW_TEXT, -1, N_ ("Key points") },
  { "session", "agreements", SHOW_TEXT, -1, N_ ("Agreements and commitments") },
  { "session", "incidents", SHOW_TEXT, -1, N_ ("Tensions or incidents") },
  { "session", "trust_before", SHOW_RATING, -1, N_ ("Atmosphere before") },
  { "session", "trust_after", SHOW_RATING, -1, N_ ("Atmosphere after") },
  { "session", "headcount", SHOW_HEADCOUNT, -1, N_ ("People who did not register") },
  { "participant", "name", SHOW_LINE, -1, N_ ("Name") },
  { "participant", "code", SHOW_LINE, -1, N_ ("Pseudonym code") },
  { "participant", "gender", SHOW_VOCAB, SOFRA_VOCAB_GENDER, N_ ("Gender") },
  { "participant", "age_group", SHOW_VOCAB, SOFRA_VOCAB_AGE_GROUP, N_ ("Age group") },
  { "participant", "community", SHOW_VOCAB, SOFRA_VOCAB_COMMUNITY, N_ ("Community") },
  { "participant", "municipality", SHOW_REF, -1, N_ ("Municipality") },
  { "participant", "organisation", SHOW_LINE, -1, N_ ("Organisation") },
  { "participant", "role", SHOW_LINE, -1, N_ ("Role") },
  { "participant", "phone", SHOW_LINE, -1, N_ ("Phone") },
  { "participant", "email", SHOW_LINE, -1, N_ ("Email") },
  { "participant", "consent", SHOW_CONSENT, -1, N_ ("Consent") },
  { "attendance", "session_id", SHOW_REF, -1, N_ ("Session") },
  { "attendance", "participant_id", SHOW_REF, -1, N_ ("Participant") },
  { "attendance", "role", SHOW_VOCAB, SOFRA_VOCAB_ATTENDANCE_ROLE, N_ ("Role") },
  { "note", "participant_id", SHOW_REF, -1, N_ ("Participant") },
  { "note", "session_id", SHOW_REF, -1, N_ ("Session") },
  { "note", "date", SHOW_DATE, -1, N_ ("Date") },
  { "note", "text", SHOW_TEXT, -1, N_ ("Note") },
  { "note", "visibility", SHOW_VOCAB, SOFRA_VOCAB_NOTE_VISIBILITY, N_ ("Visibility") },
  { "followup", "what", SHOW_TEXT, -1, N_ ("What is to be done") },
  { "followup", "session_id", SHOW_REF, -1, N_ ("Session") },
  { "followup", "participant_ids", SHOW_REF_LIST, -1, N_ ("Participants") },
  { "followup", "owner", SHOW_LINE, -1, N_ ("Owner") },
  { "followup", "due_date", SHOW_DATE, -1, N_ ("Due date") },
  { "followup", "status", SHOW_VOCAB, SOFRA_VOCAB_FOLLOWUP_STATUS, N_ ("Status") },
  { "followup", "priority", SHOW_VOCAB, SOFRA_VOCAB_PRIORITY, N_ ("Priority") },
  { "followup", "completion_note", SHOW_TEXT, -1, N_ ("Completion note") },
  { "followup", "completed_on", SHOW_DATE, -1, N_ ("Completed on") },
  { "office", "name", SHOW_LINE, -1, N_ ("Office name") },
  { "office", "place_id", SHOW_REF, -1, N_ ("Place") },
  { "place", "region", SHOW_VOCAB, SOFRA_VOCAB_REGION, N_ ("Region") },
  { "place", "name_sq", SHOW_LINE, -1, N_ ("Albanian name") },
  { "place", "name_sr", SHOW_LINE, -1, N_ ("Serbian name (Cyrillic)") },
  { "place", "name_sr_latn", SHOW_LINE, -1, N_ ("Serbian name (Latin)") },
  { NULL, "office", SHOW_REF, -1, N_ ("Office") },
};

static const struct
{
  const char *name;
  const char *label;
} consent_fields[] = {
  { "date", N_ ("Consent date") },
  { "name_recorded", N_ ("Name may be recorded") },
  { "name_on_documents", N_ ("Name may appear on documents") },
  { "photos", N_ ("Photos") },
  { "contact", N_ ("May be contacted") },
  { "share_offices", N_ ("May be shared with other offices") },
  { "withdrawn_date", N_ ("Consent withdrawn") },
};

static const FieldInfo *
find_field (const char *type, const char *field, int *index)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if ((fields[i].type == NULL || g_strcmp0 (fields[i].type, type) == 0) &&
        g_strcmp0 (fields[i].name, field) == 0)
      {
        if (index != NULL)
          *index = (int) i;
        return &fields[i];
      }
  return NULL;
}

const char *
sofra_conflict_field_label (const char *type, const char *field)
{
  const FieldInfo *info = find_field (type, field, NULL);

  return info != NULL ? _ (info->label) : field;
}

SofraConflictFieldEdit
sofra_conflict_field_edit (const char *type, const char *field)
{
  const FieldInfo *info = find_field (type, field, NULL);

  if (info == NULL)
    return SOFRA_CONFLICT_FIELD_OTHER;
  if (info->show == SHOW_TEXT)
    return SOFRA_CONFLICT_FIELD_TEXT;
  if (info->show == SHOW_LINE)
    return SOFRA_CONFLICT_FIELD_LINE;
  return SOFRA_CONFLICT_FIELD_OTHER;
}

int
sofra_conflict_field_order (const char *type, const char *field)
{
  int index = G_N_ELEMENTS (fields);

  find_field (type, field, &index);
  return index;
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The name a person knows a referenced record by. */
static char *
ref_name (SofraStore *store, const char *id)
{
  g_autoptr (JsonObject) doc = NULL;

  if (id == NULL || *id == '\0')
    return NULL;
  if (g_str_has_prefix (id, SOFRA_TYPE_PLACE ":"))
    return sofra_gui_place_name (store, id);
  doc = sofra_store_get (store, id, NULL);
  if (doc == NULL)
    /* Translators: a record that is referred to but was deleted (or has not arrived yet) */
    return g_strdup (_ ("(a deleted record)"));
  return sofra_conflict_record_title (store, doc);
}

static void
append_item (GString *out, const char *item)
{
  if (out->len > 0)
    /* Translators: between the items of a list, as in "Albanian, Serbian" */
    g_string_append (out, _ (", "));
  g_string_append (out, item);
}

static char *
format_list (SofraStore *store, const FieldInfo *info, JsonNode *value)
{
  GString   *out = g_string_new (NULL);
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char      *item = node_string (json_array_get_element (array, i));
      g_autofree char *name = NULL;

      if (item == NULL)
        continue;
      if (info->show == SHOW_VOCAB_LIST)
        append_item (out, sofra_vocab_label (info->vocab, item));
      else if (info->show == SHOW_REF_LIST && (name = ref_name (store, item)) != NULL)
        append_item (out, name);
      else
        append_item (out, item);
    }
  return g_string_free (out, FALSE);
}

static const char *
yes_no (gboolean value)
{
  return value ? _ ("Yes") : _ ("No");
}

static char *
format_consent (JsonNode *value)
{
  GString    *out = g_string_new (NULL);
  JsonObject *consent = JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;

  for (guint i = 0; consent != NULL && i < G_N_ELEMENTS (consent_fields); i++)
    {
      JsonNode        *member = json_object_get_member (consent, consent_fields[i].name);
      g_autofree char *shown = NULL;

      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        continue;
      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_BOOLEAN)
        shown = g_strdup (yes_no (json_node_get_boolean (member)));
      else
        shown = sofra_gui_format_date (node_string (member));
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: one answer of a participant's consent, as in "Photos: Yes" */
      g_string_append_printf (out, _ ("%s: %s"), _ (consent_fields[i].label), shown);
    }
  return g_string_free (out, FALSE);
}

static char *
format_headcount (JsonNode *value)
{
  GString   *out = g_string_new (NULL);
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode   *node = json_array_get_element (array, i);
      JsonObject *group = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *community, *gender;

      if (group == NULL)
        continue;
      community = json_object_get_string_member_with_default (group, "community", NULL);
      gender = json_object_get_string_member_with_default (group, "gender", NULL);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a group of people who did not register: how many, community, gender,
       * as in "4 × Roma, woman" */
      g_string_append_printf (
        out, _ ("%d × %s, %s"), (int) json_object_get_int_member_with_default (group, "count", 0),
        community ? sofra_vocab_label (SOFRA_VOCAB_COMMUNITY, community) : _ ("community not said"),
        gender ? sofra_vocab_label (SOFRA_VOCAB_GENDER, gender) : _ ("gender not said"));
    }
  return g_string_free (out, FALSE);
}

static char *
format_known (SofraStore *store, const FieldInfo *info, JsonNode *value)
{
  const char *text = node_string (value);

  switch (info->show)
    {
    case SHOW_TEXT:
    case SHOW_LINE:
      return g_strdup (text);
    case SHOW_VOCAB:
      return text ? g_strdup (sofra_vocab_label (info->vocab, text)) : NULL;
    case SHOW_VOCAB_LIST:
    case SHOW_LIST:
    case SHOW_REF_LIST:
      return format_list (store, info, value);
    case SHOW_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        return NULL;
      return g_strdup (yes_no (json_node_get_boolean (value)));
    case SHOW_RATING:
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_int (value) <= 0)
        return NULL;
      /* Translators: an atmosphere rating, as in "4 of 5" */
      return g_strdup_printf (_ ("%d of 5"), (int) json_node_get_int (value));
    case SHOW_DATE:
      return text ? sofra_gui_format_date (text) : NULL;
    case SHOW_REF:
      return ref_name (store, text);
    case SHOW_CONSENT:
      return format_consent (value);
    case SHOW_HEADCOUNT:
      return format_headcount (value);
    default:
      g_assert_not_reached ();
    }
}

char *
sofra_conflict_field_format (SofraStore *store,
                             const char *type,
                             const char *field,
                             JsonNode   *value)
{
  const FieldInfo *info;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (value != NULL && !JSON_NODE_HOLDS_NULL (value))
    {
      info = find_field (type, field, NULL);
      shown = info != NULL ? format_known (store, info, value) : json_to_string (value, FALSE);
    }
  if (shown == NULL || *g_strstrip (shown) == '\0')
    /* Translators: a field that has no value in one version of a record */
    return g_strdup (_ ("Not set"));
  return g_steal_pointer (&shown);
}

char *
sofra_conflict_record_title (SofraStore *store, JsonObject *doc)
{
  const char *type = json_object_get_string_member_with_default (doc, "type", "");
  const char *title = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  if (g_str_equal (type, SOFRA_TYPE_SESSION))
    title = sofra_gui_doc_string (doc, "title");
  else if (g_str_equal (type, SOFRA_TYPE_PARTICIPANT))
    {
      title = sofra_gui_doc_string (doc, "name");
      if (sofra_gui_is_blank (title))
        title = sofra_gui_doc_string (doc, "code");
    }
  else if (g_str_equal (type, SOFRA_TYPE_FOLLOWUP))
    title = sofra_gui_doc_string (doc, "what");
  else if (g_str_equal (type, SOFRA_TYPE_OFFICE))
    title = sofra_gui_doc_string (doc, "name");
  else if (g_str_equal (type, SOFRA_TYPE_PLACE))
    return sofra_gui_place_name (store, sofra_gui_doc_string (doc, "_id"));
  else if (g_str_equal (type, SOFRA_TYPE_NOTE) || g_str_equal (type, SOFRA_TYPE_ATTENDANCE))
    {
      g_autofree char *who = ref_name (store, sofra_gui_doc_string (doc, "participant_id"));

      /* Translators: a note about, or the attendance of, the participant %s */
      return g_strdup_printf (g_str_equal (type, SOFRA_TYPE_NOTE) ? _ ("Note about %s")
                                                                  : _ ("Attendance of %s"),
                              who ? who : "?");
    }
  if (sofra_gui_is_blank (title))
    return g_strdup (sofra_gui_doc_string (doc, "_id"));
  return g_utf8_make_valid (title, -1);
}

/* The participant's name @participant_id refers to, or NULL when it has none (only a code). */
static const char *
participant_name (SofraStore *store, const char *participant_id, JsonObject **doc)
{
  const char *name;

  *doc = participant_id != NULL ? sofra_store_get (store, participant_id, NULL) : NULL;
  name = *doc != NULL ? sofra_gui_doc_string (*doc, "name") : NULL;
  return sofra_gui_is_blank (name) ? NULL : name;
}

void
sofra_conflict_set_record_title (gpointer    object,
                                 const char *property,
                                 SofraStore *store,
                                 JsonObject *doc)
{
  const char *type;
  const char *record = NULL;
  g_autoptr (JsonObject) participant = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (SOFRA_IS_STORE (store));
  g_return_if_fail (doc != NULL);

  type = json_object_get_string_member_with_default (doc, "type", "");
  if (g_str_equal (type, SOFRA_TYPE_SESSION))
    record = sofra_gui_doc_string (doc, "title");
  else if (g_str_equal (type, SOFRA_TYPE_PARTICIPANT) || g_str_equal (type, SOFRA_TYPE_OFFICE))
    record = sofra_gui_doc_string (doc, "name");
  else if (g_str_equal (type, SOFRA_TYPE_FOLLOWUP))
    record = sofra_gui_doc_string (doc, "what");
  else if (g_str_equal (type, SOFRA_TYPE_PLACE))
    {
      g_autofree char *place = sofra_gui_place_name (store, sofra_gui_doc_string (doc, "_id"));

      if (place != NULL)
        {
          sofra_gui_set_record_place (object, property, NULL, place, NULL);
          return;
        }
    }
  else if (g_str_equal (type, SOFRA_TYPE_NOTE) || g_str_equal (type, SOFRA_TYPE_ATTENDANCE))
    {
      const char *name = participant_name (store, sofra_gui_doc_string (doc, "participant_id"),
                                           &participant);

      if (name != NULL)
        {
          g_autofree char *valid = g_utf8_make_valid (name, -1);

          /* Translators: a note about, or the attendance of, the participant %s */
          sofra_gui_set_record_text_format (object, property,
                                            g_str_equal (type, SOFRA_TYPE_NOTE)
                                              ? _ ("Note about %s")
                                              : _ ("Attendance of %s"),
                                            valid);
          return;
        }
    }
  if (!sofra_gui_is_blank (record))
    {
      g_autofree char *valid = g_utf8_make_valid (record, -1);

      sofra_gui_set_record_text (object, property, valid);
      return;
    }
  /* A pseudonym code, an id or interface text: as it is. */
  title = sofra_conflict_record_title (store, doc);
  g_object_set (object, property, title, NULL);
}

const char *
sofra_conflict_record_kind (const char *type)
{
  static const struct
  {
    const char *type;
    const char *label;
  } kinds[] = {
    { SOFRA_TYPE_SESSION, N_ ("Session") },       { SOFRA_TYPE_PARTICIPANT, N_ ("Participant") },
    { SOFRA_TYPE_ATTENDANCE, N_ ("Attendance") }, { SOFRA_TYPE_NOTE, N_ ("Participant note") },
    { SOFRA_TYPE_FOLLOWUP, N_ ("Follow-up") },    { SOFRA_TYPE_OFFICE, N_ ("Office") },
    { SOFRA_TYPE_PLACE, N_ ("Place") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].type, type) == 0)
      return _ (kinds[i].label);
  /* Translators: a kind of record that a newer version of Sofra made */
  return _ ("Record");
}
