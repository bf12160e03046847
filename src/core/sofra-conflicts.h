/* sofra-conflicts.h — records in conflict after sync: finding them, comparing, resolving
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two offices that change the same record before they sync both keep their edit: the store
 * holds both leaves of the revision tree, the CouchDB winner is shown everywhere and the other
 * leaves are conflicts (sofra_store_get_conflicts()). A person merges them field by field and
 * the merge replaces them all.
 */
#pragma once

#include "sofra-store.h"

G_BEGIN_DECLS

/* The ids of the live documents that have conflicting revisions, in _id order; never NULL. */
char **sofra_store_list_conflicts (SofraStore *self, GError **error);
/* How many live documents have conflicting revisions. */
guint sofra_store_count_conflicts (SofraStore *self);

/* Resolves the conflict of document @id in one transaction: @merged (which must carry the
 * _rev of the current winner, as read when the merge began) becomes the new winning revision,
 * and each of @losing_revs (conflicts of @id) is deleted. When the winner or the conflicts
 * changed in the meantime (a sync arrived), nothing is written and the error is
 * SOFRA_STORE_ERROR_CONFLICT. On success @merged holds the new _rev. */
gboolean sofra_store_resolve_conflict (SofraStore        *self,
                                       const char        *id,
                                       JsonObject        *merged,
                                       const char *const *losing_revs,
                                       GError           **error);

/* The names of the members whose values differ between the two revisions @a and @b of a
 * record, sorted; underscore members and the bookkeeping the store stamps on every write
 * (created_at, updated_at, updated_by) are left out. Never NULL. */
char **sofra_conflict_differing_fields (JsonObject *a, JsonObject *b);
/* Whether @field is bookkeeping that a merge never asks about. */
gboolean sofra_conflict_field_is_bookkeeping (const char *field);

G_END_DECLS
