/* sofra-place-chooser.h — a button that picks a place of the gazetteer, with search
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_PLACE_CHOOSER (sofra_place_chooser_get_type ())
G_DECLARE_FINAL_TYPE (SofraPlaceChooser, sofra_place_chooser, SOFRA, PLACE_CHOOSER, AdwBin)

GtkWidget *sofra_place_chooser_new (SofraStore *store);
/* "place:…", or NULL when no place is chosen. */
const char *sofra_place_chooser_get_place_id (SofraPlaceChooser *self);
void        sofra_place_chooser_set_place_id (SofraPlaceChooser *self, const char *place_id);

G_END_DECLS
