/* sofra-session-page.h — every field of one session, saved as it is typed
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_SESSION_PAGE (sofra_session_page_get_type ())
G_DECLARE_FINAL_TYPE (SofraSessionPage, sofra_session_page, SOFRA, SESSION_PAGE, AdwBin)

/* Construct properties "store" (SofraStore) and "settings" (GSettings); "session-id" notifies
 * when the page shows another session or its session is deleted; "show-back-button" shows the
 * back button of a folded leaflet (it activates "sessions.back"). */

/* Loads the session @id (flushing the one shown before); NULL clears the page. */
void        sofra_session_page_set_session_id (SofraSessionPage *self, const char *id);
const char *sofra_session_page_get_session_id (SofraSessionPage *self);
/* Writes pending edits now. */
void sofra_session_page_flush (SofraSessionPage *self);
/* Puts the keyboard focus in the title, for a new session. */
void sofra_session_page_focus_title (SofraSessionPage *self);

G_END_DECLS
