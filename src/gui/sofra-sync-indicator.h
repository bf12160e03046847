/* sofra-sync-indicator.h — the header-bar button that tells how sync stands, and its popover
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its buttons activate the actions "sync.now", "sync.preferences", "sync.show-conflicts" and
 * "sync.trust-certificate", which the window provides (sofra-window-sync.h).
 */
#pragma once

#include <adwaita.h>

#include "sofra-sync-controller.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_SYNC_INDICATOR (sofra_sync_indicator_get_type ())
G_DECLARE_FINAL_TYPE (SofraSyncIndicator, sofra_sync_indicator, SOFRA, SYNC_INDICATOR, AdwBin)

GtkWidget *sofra_sync_indicator_new (SofraSyncController *controller);

/* The heading of the popover: "Synced", "Cannot reach the server", … */
const char *sofra_sync_indicator_get_title (SofraSyncIndicator *self);
/* The failure shown, or NULL when there is none. */
const char *sofra_sync_indicator_get_error_text (SofraSyncIndicator *self);
/* Opens the popover. */
void sofra_sync_indicator_popup (SofraSyncIndicator *self);

/* What a failure of @error means for a person, as a heading ("Wrong user name or password"). */
const char *sofra_sync_error_title (const GError *error);

G_END_DECLS
