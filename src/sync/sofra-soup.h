/* sofra-soup.h — the one factory of SoupSessions: every HTTP request Sofra makes uses one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Seconds a request may wait for the server before it fails. */
#define SOFRA_SYNC_TIMEOUT_SECONDS 30
/* Seconds an idle kept-alive connection stays open. */
#define SOFRA_SYNC_IDLE_TIMEOUT_SECONDS 60

/* "Sofra/<version>", the User-Agent of every request. */
const char *sofra_sync_user_agent (void);

/* A new SoupSession with Sofra's user agent, timeouts and connection limits. Free with
 * g_object_unref(). */
SoupSession *sofra_sync_create_soup_session (void);

G_END_DECLS
