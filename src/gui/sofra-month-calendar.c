/* sofra-month-calendar.c — one month of days to pick a date from, in the interface language
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-i18n.h"
#include "sofra-month-calendar.h"

#define N_ROWS 6
#define N_DAYS (N_ROWS * 7)

struct _SofraMonthCalendar
{
  GtkWidget parent_instance;

  int year, month;                  /* the month shown */
  int sel_year, sel_month, sel_day; /* the day selected */

  GtkWidget *box;
  GtkLabel  *title;
  GtkWidget *weekdays[7];
  GtkWidget *days[N_DAYS];
};

G_DEFINE_FINAL_TYPE (SofraMonthCalendar, sofra_month_calendar, GTK_TYPE_WIDGET)

enum
{
  DAY_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The column of the first of the shown month: 0 when it is a Monday. */
static int
first_column (SofraMonthCalendar *self)
{
  g_autoptr (GDateTime) first = g_date_time_new_local (self->year, self->month, 1, 12, 0, 0);

  return g_date_time_get_day_of_week (first) - 1;
}

static void
update (SofraMonthCalendar *self)
{
  g_autoptr (GDateTime) first = g_date_time_new_local (self->year, self->month, 1, 12, 0, 0);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = NULL;
  int              offset = first_column (self);
  int              n_days = g_date_get_days_in_month (self->month, self->year);
  gboolean         this_month = g_date_time_get_year (now) == self->year &&
                        g_date_time_get_month (now) == self->month;
  gboolean selected_month = self->sel_year == self->year && self->sel_month == self->month;

  /* Translators: a whole month as a reporting period; %OB is the month's name as it
   * stands alone (nominative): your translation with the context "month standing alone".
   * xgettext:no-c-format */
  title = sofra_i18n_format_date_time (first, _ ("%OB %Y"));
  gtk_label_set_label (self->title, title);

  for (int i = 0; i < N_DAYS; i++)
    {
      GtkWidget *day = self->days[i];
      int        number = i - offset + 1;
      gboolean   in_month = number >= 1 && number <= n_days;
      char       text[8] = "";

      if (in_month)
        g_snprintf (text, sizeof text, "%d", number);
      gtk_button_set_label (GTK_BUTTON (day), text);
      gtk_widget_set_sensitive (day, in_month);
      gtk_widget_set_can_focus (day, in_month);
      /* A flat button drops the accent background that shows the selection. */
      if (in_month && selected_month && number == self->sel_day)
        {
          gtk_widget_remove_css_class (day, "flat");
          gtk_widget_add_css_class (day, "suggested-action");
        }
      else
        {
          gtk_widget_remove_css_class (day, "suggested-action");
          gtk_widget_add_css_class (day, "flat");
        }
      if (in_month && this_month && number == g_date_time_get_day_of_month (now))
        gtk_widget_add_css_class (day, "accent");
      else
        gtk_widget_remove_css_class (day, "accent");
    }
}

static void
on_day_clicked_cb (GtkButton *button, SofraMonthCalendar *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sofra-day-index"));
  int number = index - first_column (self) + 1;

  if (number < 1 || number > g_date_get_days_in_month (self->month, self->year))
    return;
  self->sel_year = self->year;
  self->sel_month = self->month;
  self->sel_day = number;
  update (self);
  g_signal_emit (self, signals[DAY_SELECTED], 0);
}

static void
on_previous_clicked_cb (SofraMonthCalendar *self)
{
  sofra_month_calendar_shift_month (self, -1);
}

static void
on_next_clicked_cb (SofraMonthCalendar *self)
{
  sofra_month_calendar_shift_month (self, 1);
}

static GtkWidget *
nav_button (const char *icon, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

static void
build (SofraMonthCalendar *self)
{
  GtkWidget *header = gtk_center_box_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *previous = nav_button ("go-previous-symbolic", _ ("Previous month"));
  GtkWidget *next = nav_button ("go-next-symbolic", _ ("Next month"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (on_previous_clicked_cb), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (on_next_clicked_cb), self);
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (header), previous);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (header), GTK_WIDGET (self->title));
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (header), next);
  gtk_box_append (GTK_BOX (self->box), header);

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  for (int column = 0; column < 7; column++)
    {
      self->weekdays[column] = gtk_label_new (sofra_i18n_weekday_name (column + 1, TRUE));
      gtk_widget_add_css_class (self->weekdays[column], "dim-label");
      gtk_widget_add_css_class (self->weekdays[column], "caption");
      gtk_grid_attach (GTK_GRID (grid), self->weekdays[column], column, 0, 1, 1);
    }
  for (int i = 0; i < N_DAYS; i++)
    {
      self->days[i] = gtk_button_new ();
      gtk_widget_add_css_class (self->days[i], "flat");
      gtk_widget_add_css_class (self->days[i], "circular");
      g_object_set_data (G_OBJECT (self->days[i]), "sofra-day-index", GINT_TO_POINTER (i));
      g_signal_connect (self->days[i], "clicked", G_CALLBACK (on_day_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (grid), self->days[i], i % 7, 1 + i / 7, 1, 1);
    }
  gtk_box_append (GTK_BOX (self->box), grid);
}

static void
sofra_month_calendar_dispose (GObject *object)
{
  SofraMonthCalendar *self = SOFRA_MONTH_CALENDAR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sofra_month_calendar_parent_class)->dispose (object);
}

static void
sofra_month_calendar_class_init (SofraMonthCalendarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sofra_month_calendar_dispose;

  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "soframonthcalendar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sofra_month_calendar_init (SofraMonthCalendar *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  build (self);
  sofra_month_calendar_select_day (self, now);
}

GtkWidget *
sofra_month_calendar_new (void)
{
  return g_object_new (SOFRA_TYPE_MONTH_CALENDAR, NULL);
}

void
sofra_month_calendar_select_day (SofraMonthCalendar *self, GDateTime *date)
{
  g_return_if_fail (SOFRA_IS_MONTH_CALENDAR (self));
  g_return_if_fail (date != NULL);

  self->year = self->sel_year = g_date_time_get_year (date);
  self->month = self->sel_month = g_date_time_get_month (date);
  self->sel_day = g_date_time_get_day_of_month (date);
  update (self);
}

GDateTime *
sofra_month_calendar_get_date (SofraMonthCalendar *self)
{
  g_return_val_if_fail (SOFRA_IS_MONTH_CALENDAR (self), NULL);

  return g_date_time_new_local (self->sel_year, self->sel_month, self->sel_day, 12, 0, 0);
}

void
sofra_month_calendar_shift_month (SofraMonthCalendar *self, int months)
{
  int index;

  g_return_if_fail (SOFRA_IS_MONTH_CALENDAR (self));

  index = self->year * 12 + (self->month - 1) + months;
  if (index < 1 * 12 || index > 9999 * 12 + 11)
    return;
  self->year = index / 12;
  self->month = index % 12 + 1;
  update (self);
}

const char *
sofra_month_calendar_get_title (SofraMonthCalendar *self)
{
  g_return_val_if_fail (SOFRA_IS_MONTH_CALENDAR (self), NULL);

  return gtk_label_get_label (self->title);
}

const char *
sofra_month_calendar_get_day_label (SofraMonthCalendar *self, guint row, guint column)
{
  g_return_val_if_fail (SOFRA_IS_MONTH_CALENDAR (self), NULL);
  g_return_val_if_fail (row < N_ROWS && column < 7, NULL);

  return gtk_button_get_label (GTK_BUTTON (self->days[row * 7 + column]));
}

const char *
sofra_month_calendar_get_weekday_label (SofraMonthCalendar *self, guint column)
{
  g_return_val_if_fail (SOFRA_IS_MONTH_CALENDAR (self), NULL);
  g_return_val_if_fail (column < 7, NULL);

  return gtk_label_get_label (GTK_LABEL (self->weekdays[column]));
}

void
sofra_month_calendar_activate_day (SofraMonthCalendar *self, guint row, guint column)
{
  g_return_if_fail (SOFRA_IS_MONTH_CALENDAR (self));
  g_return_if_fail (row < N_ROWS && column < 7);

  on_day_clicked_cb (GTK_BUTTON (self->days[row * 7 + column]), self);
}
