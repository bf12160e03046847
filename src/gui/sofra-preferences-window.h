/* sofra-preferences-window.h — who am I on this laptop: staff name and office
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_PREFERENCES_WINDOW (sofra_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SofraPreferencesWindow,
                      sofra_preferences_window,
                      SOFRA,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *sofra_preferences_window_new (GtkWindow *parent, SofraStore *store, GSettings *settings);

G_END_DECLS
