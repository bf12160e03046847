/* sofra-store-sync.h — what the store offers replication: privacy, erasure, pending changes
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sofra-store.h"

G_BEGIN_DECLS

/* TRUE when @doc must never leave this laptop: a note whose visibility is "private". */
gboolean sofra_doc_is_private (JsonObject *doc);

/* Changes after local sequence @since that replication would send (private notes left out):
 * the number of local changes not yet on the server when @since is the push checkpoint. */
guint sofra_store_count_changes (SofraStore *self, gint64 since);

/* One document of the changes feed as replication sees it: all its leaf revisions (live and
 * deleted, the winner first) and whether it is private (never to be sent). */
typedef gboolean (*SofraSyncChangeFunc) (const char        *id,
                                         const char *const *leaves,
                                         gint64             seq,
                                         gboolean           is_private,
                                         gpointer           user_data);
/* The documents changed after @since, in sequence order, at most @limit (0: all). */
gboolean sofra_store_foreach_sync_change (SofraStore         *self,
                                          gint64              since,
                                          guint               limit,
                                          SofraSyncChangeFunc func,
                                          gpointer            user_data,
                                          GError            **error);

/* Erases a participant on their request: the participant, every note about them and every
 * attendance of theirs become tombstones that hold no personal data ({"type", "erased":
 * true}), every conflicting branch of them is deleted too, the participant is taken out of
 * follow-ups' participant_ids, and every kept body of an earlier revision of these documents
 * is purged (no Undo). The tombstones replicate like any change, and a store that receives an
 * "erased" tombstone purges its kept bodies of that document as well. All or nothing;
 * NOT_FOUND when there is no such participant (deleted ones can be erased too). */
gboolean
sofra_store_erase_participant (SofraStore *self, const char *participant_id, GError **error);

/* TRUE when @doc is a tombstone left by an erasure. */
gboolean sofra_doc_is_erased (JsonObject *doc);

G_END_DECLS
