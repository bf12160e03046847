/* sofra-window-sync.h — sync in the main window: status button, conflicts banner, actions
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-sync-controller.h"
#include "sofra-window.h"

G_BEGIN_DECLS

/* Gives @window a sync controller, the status button at the end of @header_bar, a banner for
 * records in conflict right after @banner_after (a child of a vertical GtkBox), and the
 * actions "sync.now", "sync.preferences", "sync.show-conflicts", "sync.trust-certificate". */
void
sofra_window_sync_setup (SofraWindow *window, AdwHeaderBar *header_bar, GtkWidget *banner_after);
/* The controller of the main window @window, or NULL (another window, or none). */
SofraSyncController *sofra_window_get_sync_controller (GtkWindow *window);

/* Asks whether to trust the certificate whose SHA-256 fingerprint is @fingerprint, showing it
 * whole; when the person confirms, it is saved as sync-trusted-fingerprint in @settings and,
 * with a @controller, a sync starts. */
void sofra_sync_confirm_trust (GtkWidget           *parent,
                               GSettings           *settings,
                               SofraSyncController *controller,
                               const char          *fingerprint);

G_END_DECLS
