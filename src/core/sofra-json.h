/* sofra-json.h — canonical JSON: one text for one value, for revisions and storage
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Compact JSON with object members sorted by name (byte order). NULL when a string is not
 * valid UTF-8 or a number is not finite. */
char *sofra_json_canonical (JsonNode *node);
/* The canonical text of @doc without its underscore members (_id, _rev, _revisions, …). */
char *sofra_json_canonical_body (JsonObject *doc);
/* Parses @text, which must hold one JSON object. */
JsonObject *sofra_json_parse_object (const char *text, gssize length, GError **error);
/* Compact JSON, members in their order (json-glib's generator). */
char *sofra_json_to_string (JsonObject *object);

/* Copies every member of @from into @to (deep copies), replacing members of the same name. */
void sofra_json_copy_members (JsonObject *to, JsonObject *from);
/* A member of the given kind, or NULL when absent or of another kind. */
JsonObject *sofra_json_object_member (JsonObject *object, const char *name);
JsonArray  *sofra_json_array_member (JsonObject *object, const char *name);

G_END_DECLS
