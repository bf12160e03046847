/* sofra-application.h — the application: options, the store, app-wide actions
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_APPLICATION (sofra_application_get_type ())
G_DECLARE_FINAL_TYPE (SofraApplication, sofra_application, SOFRA, APPLICATION, AdwApplication)

SofraApplication *sofra_application_new (void);
/* The open store, or NULL before startup opened it. */
SofraStore *sofra_application_get_store (SofraApplication *self);
GSettings  *sofra_application_get_settings (SofraApplication *self);

G_END_DECLS
