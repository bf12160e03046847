/* sofra-conflict-fields.h — how a record's fields are named and shown when two versions differ
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sofra-store.h"

G_BEGIN_DECLS

typedef enum
{
  SOFRA_CONFLICT_FIELD_OTHER, /* shown as it is stored; chosen whole */
  SOFRA_CONFLICT_FIELD_LINE,  /* one line of text a person may edit in the merge */
  SOFRA_CONFLICT_FIELD_TEXT,  /* several lines of text a person may edit in the merge */
} SofraConflictFieldEdit;

/* The translated label of @field of a record of @type ("participant", …); for a field this
 * version does not know, @field itself. */
const char *sofra_conflict_field_label (const char *type, const char *field);
/* Whether a merge may offer to edit @field as text. */
SofraConflictFieldEdit sofra_conflict_field_edit (const char *type, const char *field);
/* The position of @field in the order the record's page shows its fields (unknown ones last),
 * to list the differences in an order a person recognises. */
int sofra_conflict_field_order (const char *type, const char *field);

/* @value (a member of a record of @type, or NULL when absent) as a person reads it: vocabulary
 * labels, place names in the interface language, participants' names, dates in the locale,
 * "Not set" for nothing. Free with g_free(). */
char *sofra_conflict_field_format (SofraStore *store,
                                   const char *type,
                                   const char *field,
                                   JsonNode   *value);

/* A short title for the record @doc: a session's title, a participant's name or code, … */
char *sofra_conflict_record_title (SofraStore *store, JsonObject *doc);
/* Sets the string property @property of @object (a row's "title", an AdwWindowTitle's "title")
 * to sofra_conflict_record_title(), its record text (a title, a name, a place) in the reader's
 * Serbian script, now and whenever that choice changes; a pseudonym code stays as it is. */
void sofra_conflict_set_record_title (gpointer    object,
                                      const char *property,
                                      SofraStore *store,
                                      JsonObject *doc);
/* The translated name of the kind of record @type: "Session", "Participant", … */
const char *sofra_conflict_record_kind (const char *type);

G_END_DECLS
