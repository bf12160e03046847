/* sofra-date-button.c — a button showing a date, with a calendar popover to change or clear it
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-date-button.h"
#include "sofra-gui-util.h"
#include "sofra-month-calendar.h"

struct _SofraDateButton
{
  GtkWidget parent_instance;

  char    *date;
  gboolean allow_clear;

  GtkMenuButton      *button;
  GtkPopover         *popover;
  SofraMonthCalendar *calendar;
  GtkButton          *clear_button;
};

G_DEFINE_FINAL_TYPE (SofraDateButton, sofra_date_button, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DATE,
  PROP_ALLOW_CLEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
parse_date (const char *iso_date)
{
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static void
update_label (SofraDateButton *self)
{
  g_autofree char *text = NULL;

  if (self->date != NULL)
    text = sofra_gui_format_date (self->date);
  gtk_menu_button_set_label (self->button, text != NULL ? text : _ ("Not set"));
}

static void
set_date_and_notify (SofraDateButton *self, const char *iso_date)
{
  if (g_strcmp0 (self->date, iso_date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (iso_date);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
on_day_selected_cb (SofraDateButton *self, SofraMonthCalendar *calendar)
{
  g_autoptr (GDateTime) picked = sofra_month_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (picked, "%Y-%m-%d");

  gtk_popover_popdown (self->popover);
  set_date_and_notify (self, iso);
}

static void
on_today_clicked_cb (SofraDateButton *self, GtkButton *button)
{
  g_autofree char *today = sofra_gui_today ();

  gtk_popover_popdown (self->popover);
  set_date_and_notify (self, today);
}

static void
on_clear_clicked_cb (SofraDateButton *self, GtkButton *button)
{
  gtk_popover_popdown (self->popover);
  set_date_and_notify (self, NULL);
}

static void
on_popover_show_cb (SofraDateButton *self, GtkPopover *popover)
{
  g_autoptr (GDateTime) shown = parse_date (self->date);

  if (shown == NULL)
    shown = g_date_time_new_now_local ();

  sofra_month_calendar_select_day (self->calendar, shown);
}

static void
build (SofraDateButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *today = gtk_button_new_with_mnemonic (_ ("_Today"));

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_always_show_arrow (self->button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  self->calendar = SOFRA_MONTH_CALENDAR (sofra_month_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));

  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  g_signal_connect_swapped (today, "clicked", G_CALLBACK (on_today_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), today);
  self->clear_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_ ("_Clear")));
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->clear_button));
  gtk_box_append (GTK_BOX (box), buttons);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show_cb), self);
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));

  update_label (self);
}

static void
sofra_date_button_dispose (GObject *object)
{
  SofraDateButton *self = SOFRA_DATE_BUTTON (object);

  if (self->button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->button));
      self->button = NULL;
    }

  G_OBJECT_CLASS (sofra_date_button_parent_class)->dispose (object);
}

static void
sofra_date_button_finalize (GObject *object)
{
  SofraDateButton *self = SOFRA_DATE_BUTTON (object);

  g_free (self->date);

  G_OBJECT_CLASS (sofra_date_button_parent_class)->finalize (object);
}

static void
sofra_date_button_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraDateButton *self = SOFRA_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_ALLOW_CLEAR:
      g_value_set_boolean (value, self->allow_clear);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_date_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SofraDateButton *self = SOFRA_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      sofra_date_button_set_date (self, g_value_get_string (value));
      break;
    case PROP_ALLOW_CLEAR:
      sofra_date_button_set_allow_clear (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_date_button_class_init (SofraDateButtonClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sofra_date_button_dispose;
  object_class->finalize = sofra_date_button_finalize;
  object_class->get_property = sofra_date_button_get_property;
  object_class->set_property = sofra_date_button_set_property;

  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_CLEAR] = g_param_spec_boolean ("allow-clear", NULL, NULL, TRUE,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sofradatebutton");
}

static void
sofra_date_button_init (SofraDateButton *self)
{
  self->allow_clear = TRUE;
  build (self);
}

GtkWidget *
sofra_date_button_new (void)
{
  return g_object_new (SOFRA_TYPE_DATE_BUTTON, NULL);
}

const char *
sofra_date_button_get_date (SofraDateButton *self)
{
  g_return_val_if_fail (SOFRA_IS_DATE_BUTTON (self), NULL);

  return self->date;
}

void
sofra_date_button_set_date (SofraDateButton *self, const char *iso_date)
{
  g_return_if_fail (SOFRA_IS_DATE_BUTTON (self));

  if (iso_date != NULL && *iso_date == '\0')
    iso_date = NULL;
  set_date_and_notify (self, iso_date);
}

void
sofra_date_button_set_allow_clear (SofraDateButton *self, gboolean allow_clear)
{
  g_return_if_fail (SOFRA_IS_DATE_BUTTON (self));

  allow_clear = !!allow_clear;
  if (self->allow_clear == allow_clear)
    return;

  self->allow_clear = allow_clear;
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), allow_clear);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_CLEAR]);
}
