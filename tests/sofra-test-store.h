/* sofra-test-store.h — small builders shared by the store's tests
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sofra-store.h"

G_BEGIN_DECLS

/* A new store in the running test case's temporary directory. */
SofraStore *sofra_test_open_store (const char *name);
/* The JSON object in @json; fails the test when it is not one. */
JsonObject *sofra_test_parse (const char *json);
JsonObject *sofra_test_participant (const char *name, const char *code);
JsonObject *sofra_test_session (const char *title, const char *date);
/* Gives @id a conflict as a sync from another office would: a competing revision with the
 * members of the JSON object @changes, which loses to the current winner. Returns that
 * revision. */
char *sofra_test_make_conflict_json (SofraStore *store, const char *id, const char *changes);
/* The same, choosing whether the competing revision loses or (@wins) becomes the winner. */
char *
sofra_test_make_branch_json (SofraStore *store, const char *id, const char *changes, gboolean wins);
/* The same, with one string member @member set to @value. */
char *
sofra_test_make_conflict (SofraStore *store, const char *id, const char *member, const char *value);

G_END_DECLS
