/* sofra-bench-data.h — the benchmarks' data set: realistic documents generated from their index
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sofra-store.h"

G_BEGIN_DECLS

/* A document id as the store makes them ("type:" and a UUID version 7), reproducible. */
char *sofra_bench_make_id (const char *type, guint index);

/* The document number @index of its kind, with its "_id" (no "_rev"). Sessions name places
 * of the gazetteer (seed them first to have their names); an attendance points to one of the
 * first @n_sessions sessions and @n_participants participants. */
JsonObject *sofra_bench_session (guint index);
JsonObject *sofra_bench_participant (guint index);
JsonObject *sofra_bench_attendance (guint index, guint n_sessions, guint n_participants);

/* Seeds the gazetteer, then writes sessions 0 … @n_sessions - 1 and participants
 * 0 … @n_participants - 1 through the store's write path, 10,000 to a transaction. */
gboolean
sofra_bench_write_store (SofraStore *store, guint n_sessions, guint n_participants, GError **error);

/* @n at the scale SOFRA_BENCH_SCALE asks for (1.0: full size), at least 1. */
guint sofra_bench_scaled (guint n, double scale);
/* Removes the database @path with its -wal and -shm files. */
void sofra_bench_remove_db (const char *path);

G_END_DECLS
