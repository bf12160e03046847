/* sofra-window.h — the main window: view switcher over sessions, participants, follow-ups
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_WINDOW (sofra_window_get_type ())
G_DECLARE_FINAL_TYPE (SofraWindow, sofra_window, SOFRA, WINDOW, AdwApplicationWindow)

SofraWindow *sofra_window_new (GtkApplication *application, SofraStore *store, GSettings *settings);
SofraStore  *sofra_window_get_store (SofraWindow *self);
GSettings   *sofra_window_get_settings (SofraWindow *self);
/* Where sofra_gui_toast() puts its toasts. */
void sofra_window_add_toast (SofraWindow *self, AdwToast *toast);
/* Switches to the view named "sessions", "participants" or "followups". */
void sofra_window_show_view (SofraWindow *self, const char *name);
/* Shows a record of any type in its view (session, participant or follow-up id). */
void sofra_window_show_record (SofraWindow *self, const char *id);
/* Runs every pending autosave now. */
void sofra_window_flush (SofraWindow *self);

G_END_DECLS
