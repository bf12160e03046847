/* sofra-print-preview.c — the pages of a report on screen, before they go to the printer
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-print-preview.h"

#define PAGE_GAP 18

struct _SofraPrintPreview
{
  AdwWindow parent_instance;

  SofraReport              *report;
  PangoContext             *context;
  GtkPrintOperationPreview *preview;
  double                    width, height;
  int                       n_pages;
  double                    zoom;
  GtkWidget                *pages;
  GtkWidget                *zoom_label;
};

G_DEFINE_FINAL_TYPE (SofraPrintPreview, sofra_print_preview, ADW_TYPE_WINDOW)

static void
draw_page_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  SofraPrintPreview *self = g_object_get_data (G_OBJECT (area), "sofra-preview");
  int                page = GPOINTER_TO_INT (user_data);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / self->width, height / self->height);
  sofra_report_draw_page (self->report, cr, page);
}

static void
apply_zoom (SofraPrintPreview *self)
{
  g_autofree char *percent = g_strdup_printf ("%d %%", (int) (self->zoom * 100 + 0.5));

  for (GtkWidget *child = gtk_widget_get_first_child (self->pages); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_size_request (child, (int) (self->width * self->zoom),
                                 (int) (self->height * self->zoom));
  gtk_label_set_text (GTK_LABEL (self->zoom_label), percent);
}

static void
zoom_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SofraPrintPreview *self = SOFRA_PRINT_PREVIEW (widget);
  double             factor = g_variant_get_double (parameter);

  self->zoom = CLAMP (self->zoom * factor, 0.25, 4.0);
  apply_zoom (self);
}

static GtkWidget *
page_widget (SofraPrintPreview *self, int page)
{
  GtkWidget       *area = gtk_drawing_area_new ();
  g_autofree char *label = NULL;

  g_object_set_data (G_OBJECT (area), "sofra-preview", self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, GINT_TO_POINTER (page),
                                  NULL);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (area, "card");
  /* Translators: the accessible name of a page in the print preview, "Page 2" */
  label = g_strdup_printf (_ ("Page %d"), page + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return area;
}

static void
sofra_print_preview_dispose (GObject *object)
{
  SofraPrintPreview *self = SOFRA_PRINT_PREVIEW (object);

  if (self->preview != NULL)
    {
      gtk_print_operation_preview_end_preview (self->preview);
      g_clear_object (&self->preview);
    }
  g_clear_pointer (&self->report, sofra_report_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (sofra_print_preview_parent_class)->dispose (object);
}

static void
sofra_print_preview_class_init (SofraPrintPreviewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sofra_print_preview_dispose;

  gtk_widget_class_install_action (widget_class, "preview.zoom", "d", zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom",
                                       "d", 1.25);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "preview.zoom", "d", 1.25);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom", "d", 0.8);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
sofra_print_preview_init (SofraPrintPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *zoom_out = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  GtkWidget *zoom_in = gtk_button_new_from_icon_name ("zoom-in-symbolic");
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->zoom = 1.0;
  gtk_window_set_title (GTK_WINDOW (self), _ ("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 760);

  gtk_widget_set_tooltip_text (zoom_out, _ ("Zoom Out"));
  gtk_widget_set_tooltip_text (zoom_in, _ ("Zoom In"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_out), "preview.zoom");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (zoom_out), "d", 0.8);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_in), "preview.zoom");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (zoom_in), "d", 1.25);
  self->zoom_label = gtk_label_new ("100 %");
  gtk_widget_set_margin_start (self->zoom_label, 6);
  gtk_widget_set_margin_end (self->zoom_label, 6);
  gtk_box_append (GTK_BOX (zoom_box), zoom_out);
  gtk_box_append (GTK_BOX (zoom_box), self->zoom_label);
  gtk_box_append (GTK_BOX (zoom_box), zoom_in);
  gtk_widget_add_css_class (zoom_box, "linked");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), zoom_box);

  self->pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, PAGE_GAP);
  gtk_widget_set_margin_top (self->pages, PAGE_GAP);
  gtk_widget_set_margin_bottom (self->pages, PAGE_GAP);
  gtk_widget_set_margin_start (self->pages, PAGE_GAP);
  gtk_widget_set_margin_end (self->pages, PAGE_GAP);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->pages);
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
sofra_print_preview_new (SofraReport              *report,
                         double                    width,
                         double                    height,
                         GtkPrintOperationPreview *preview)
{
  SofraPrintPreview *self;
  cairo_surface_t   *surface;
  cairo_t           *cr;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (preview == NULL || GTK_IS_PRINT_OPERATION_PREVIEW (preview), NULL);

  self = g_object_new (SOFRA_TYPE_PRINT_PREVIEW, NULL);
  self->report = report;
  self->width = width;
  self->height = height;
  self->preview = preview != NULL ? g_object_ref (preview) : NULL;

  /* Laid out once for the page, with metrics that do not depend on the zoom. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  self->context = sofra_report_create_context (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  self->n_pages = sofra_report_paginate (report, self->context, width, height);

  for (int page = 0; page < self->n_pages; page++)
    gtk_box_append (GTK_BOX (self->pages), page_widget (self, page));
  apply_zoom (self);
  return GTK_WIDGET (self);
}

int
sofra_print_preview_get_n_pages (SofraPrintPreview *self)
{
  g_return_val_if_fail (SOFRA_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}
