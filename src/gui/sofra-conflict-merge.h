/* sofra-conflict-merge.h — one record in conflict, field by field, with a choice per field
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_CONFLICT_MERGE (sofra_conflict_merge_get_type ())
G_DECLARE_FINAL_TYPE (SofraConflictMerge, sofra_conflict_merge, SOFRA, CONFLICT_MERGE, GtkBox)

GtkWidget *sofra_conflict_merge_new (SofraStore *store);

/* Shows record @id: the version shown on this laptop (the winner) and one other version,
 * every field in which they differ, each set to this laptop's value. FALSE with an error when
 * the record is gone or no longer in conflict. */
gboolean    sofra_conflict_merge_load (SofraConflictMerge *self, const char *id, GError **error);
const char *sofra_conflict_merge_get_id (SofraConflictMerge *self);
/* The fields that differ, in the order they are shown; NULL-terminated, owned by @self. */
const char *const *sofra_conflict_merge_get_fields (SofraConflictMerge *self);
/* Takes the other version's value of @field (@other) or this laptop's. */
void sofra_conflict_merge_choose (SofraConflictMerge *self, const char *field, gboolean other);
/* The record as merged so far (this laptop's version with the choices and edits applied). */
JsonObject *sofra_conflict_merge_build (SofraConflictMerge *self);
/* Writes the merge and deletes every other version, in one transaction. */
gboolean sofra_conflict_merge_resolve (SofraConflictMerge *self, GError **error);

G_END_DECLS
