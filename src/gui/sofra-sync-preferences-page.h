/* sofra-sync-preferences-page.h — Preferences → Sync: the server, the password, when to sync
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"
#include "sofra-sync-controller.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_SYNC_PREFERENCES_PAGE (sofra_sync_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (SofraSyncPreferencesPage,
                      sofra_sync_preferences_page,
                      SOFRA,
                      SYNC_PREFERENCES_PAGE,
                      AdwPreferencesPage)

/* The page, named "sync". @controller is the main window's (it shows its status and "Sync
 * Now" runs it); NULL makes one for this page. */
GtkWidget *sofra_sync_preferences_page_new (SofraStore          *store,
                                            GSettings           *settings,
                                            SofraSyncController *controller);

G_END_DECLS
