/* sofra-sessions-view.h — the list of sessions beside the page of the selected one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_SESSIONS_VIEW (sofra_sessions_view_get_type ())
G_DECLARE_FINAL_TYPE (SofraSessionsView, sofra_sessions_view, SOFRA, SESSIONS_VIEW, AdwBin)

/* Creates an empty session (today, planned) and shows it; returns its id. */
char *sofra_sessions_view_new_session (SofraSessionsView *self, GError **error);
void  sofra_sessions_view_show_session (SofraSessionsView *self, const char *id);
/* The id of the session on the page, or NULL; the property "session-id" notifies. */
const char *sofra_sessions_view_get_session_id (SofraSessionsView *self);
/* Filters the list by title and place text; NULL or "" shows everything. */
/* Deletes the session on the page and its attendance, in one transaction. @deleted_ids gets
 * the ids deleted, the session's first, for Undo. */
gboolean
sofra_sessions_view_delete_session (SofraSessionsView *self, GStrv *deleted_ids, GError **error);
void sofra_sessions_view_flush (SofraSessionsView *self);

G_END_DECLS
