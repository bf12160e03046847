/* sofra-soup.c — the one factory of SoupSessions: every HTTP request Sofra makes uses one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-soup.h"

/* Replication overlaps a few requests to one server; more than this only queues at the
 * server and costs memory on a modest laptop. */
#define SOFRA_SYNC_MAX_CONNS_PER_HOST 4

const char *
sofra_sync_user_agent (void)
{
  return "Sofra/" SOFRA_VERSION;
}

SoupSession *
sofra_sync_create_soup_session (void)
{
  return soup_session_new_with_options ("user-agent", sofra_sync_user_agent (), "timeout",
                                        (guint) SOFRA_SYNC_TIMEOUT_SECONDS, "idle-timeout",
                                        (guint) SOFRA_SYNC_IDLE_TIMEOUT_SECONDS,
                                        "max-conns-per-host", (int) SOFRA_SYNC_MAX_CONNS_PER_HOST,
                                        NULL);
}
