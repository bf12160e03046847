/* sofra-date-button.h — a button showing a date, with a calendar popover to change or clear it
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SOFRA_TYPE_DATE_BUTTON (sofra_date_button_get_type ())
G_DECLARE_FINAL_TYPE (SofraDateButton, sofra_date_button, SOFRA, DATE_BUTTON, GtkWidget)

GtkWidget *sofra_date_button_new (void);
/* The date as YYYY-MM-DD, or NULL when none is set. */
const char *sofra_date_button_get_date (SofraDateButton *self);
void        sofra_date_button_set_date (SofraDateButton *self, const char *iso_date);
/* Whether the popover offers "Clear" (an optional date); TRUE by default. */
void sofra_date_button_set_allow_clear (SofraDateButton *self, gboolean allow_clear);

G_END_DECLS
