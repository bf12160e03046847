/* sofra-month-calendar.h — one month of days to pick a date from, in the interface language
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkCalendar takes its month and weekday names and its first day of the week from the C
 * library's LC_TIME, which may be only C.UTF-8 (English, Sunday first). This calendar uses
 * Sofra's translated names (sofra-i18n.h) and always starts the week on Monday.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SOFRA_TYPE_MONTH_CALENDAR (sofra_month_calendar_get_type ())
G_DECLARE_FINAL_TYPE (SofraMonthCalendar, sofra_month_calendar, SOFRA, MONTH_CALENDAR, GtkWidget)

GtkWidget *sofra_month_calendar_new (void);

/* Shows the month of @date with @date selected (no signal). */
void sofra_month_calendar_select_day (SofraMonthCalendar *self, GDateTime *date);
/* The selected day, at noon local time. */
GDateTime *sofra_month_calendar_get_date (SofraMonthCalendar *self);

/* Shows another month; the selection stays. @months may be negative. */
void sofra_month_calendar_shift_month (SofraMonthCalendar *self, int months);
/* The title of the month shown, "Nëntor 2026"; for tests. */
const char *sofra_month_calendar_get_title (SofraMonthCalendar *self);
/* The label of the day button at @row (0–5) and @column (0 Monday – 6 Sunday), "" outside the
 * month; and of a weekday heading; for tests. */
const char *sofra_month_calendar_get_day_label (SofraMonthCalendar *self, guint row, guint column);
const char *sofra_month_calendar_get_weekday_label (SofraMonthCalendar *self, guint column);
/* Selects the day button at @row and @column as a click does ("day-selected" is emitted). */
void sofra_month_calendar_activate_day (SofraMonthCalendar *self, guint row, guint column);

G_END_DECLS
