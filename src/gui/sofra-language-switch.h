/* sofra-language-switch.h — a new interface language applies at once: the windows open again in it
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

/* Follows the "language" key of @settings for @application: when it changes, gettext switches
 * to the new language and the main window (and the preferences, when they are open) is built
 * again in it, after its pending changes are saved. */
void
sofra_language_switch_follow (GtkApplication *application, SofraStore *store, GSettings *settings);

/* Does the switch now, to @language ("" for the system's); for tests. Returns the new main
 * window, or NULL when @application had none. */
GtkWindow *sofra_language_switch_apply (GtkApplication *application,
                                        SofraStore     *store,
                                        GSettings      *settings,
                                        const char     *language);

G_END_DECLS
