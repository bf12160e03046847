/* sofra-report-layout.c — a report's blocks laid out on pages and drawn with Pango and cairo
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes: paginate() cuts every block into units that are never split (a line of a
 * paragraph, a table row), places them page by page and so learns the number of pages;
 * draw_page() then draws one page, with "page N of M" in its footer.
 */
#include <glib/gi18n-lib.h>

#include "sofra-report-private.h"

#define MARGIN_X      56.7 /* 20 mm */
#define MARGIN_TOP    70.0
#define MARGIN_BOTTOM 66.0
#define RUNNING_Y     34.0 /* baseline area of the running header */
#define FOOTER_GAP    28.0 /* from the bottom edge of the sheet to the footer's text */
#define CELL_PAD_X    4.0
#define CELL_PAD_Y    3.0
#define BULLET_INDENT 12.0
#define FONT_FAMILY   "DejaVu Sans"

typedef struct
{
  guint  block;
  int    line; /* TEXT: the line; ROW: -1 */
  int    page;
  double y;        /* top of the unit on its page */
  double baseline; /* TEXT: from the unit's top to the line's baseline */
  double x;        /* TEXT: the line's left edge within the text area */
} SofraPlaced;

typedef struct
{
  guint    block;
  int      line;
  double   height;
  double   baseline;
  double   x;
  gboolean keep_with_next;
  gboolean first_of_block;
} Unit;

static const struct
{
  double r, g, b;
} ink = { 0.11, 0.11, 0.11 }, grey = { 0.37, 0.37, 0.37 }, accent = { 0.12, 0.37, 0.42 },
  shade = { 0.91, 0.93, 0.94 }, rule = { 0.78, 0.81, 0.83 };

static void
set_colour (cairo_t *cr, double r, double g, double b)
{
  cairo_set_source_rgb (cr, r, g, b);
}

static PangoFontDescription *
font_for (const char *weight_size)
{
  g_autofree char *name = g_strconcat (FONT_FAMILY " ", weight_size, NULL);

  return pango_font_description_from_string (name);
}

static const char *
text_font (SofraTextStyle style)
{
  switch (style)
    {
    case SOFRA_STYLE_DOCUMENT_TITLE:
      return "Bold 19";
    case SOFRA_STYLE_TITLE:
      return "Bold 16";
    case SOFRA_STYLE_KICKER:
      return "8.5";
    case SOFRA_STYLE_HEADING:
      return "Bold 11.5";
    case SOFRA_STYLE_NOTE:
      return "Oblique 8.5";
    case SOFRA_STYLE_BODY:
    default:
      return "9.5";
    }
}

static PangoLayout *
new_layout (SofraReport *self, const char *text, const char *font, double width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr (PangoFontDescription) description = font_for (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
text_width (SofraReport *self)
{
  return self->width - 2 * MARGIN_X;
}

void
sofra_report_clear_layout (SofraReport *self)
{
  for (guint i = 0; self->blocks != NULL && i < self->blocks->len; i++)
    {
      SofraBlock *block = g_ptr_array_index (self->blocks, i);

      for (guint c = 0; c < SOFRA_REPORT_MAX_COLUMNS; c++)
        g_clear_object (&block->layouts[c]);
      block->height = 0;
    }
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_object (&self->context);
  self->n_pages = 0;
}

static void
layout_text_block (SofraReport *self, SofraBlock *block)
{
  double indent = block->bullet ? BULLET_INDENT : 0;

  block->layouts[0] = new_layout (self, block->cells[0], text_font (block->style),
                                  text_width (self) - indent);
  if (block->style == SOFRA_STYLE_BODY || block->style == SOFRA_STYLE_NOTE)
    pango_layout_set_spacing (block->layouts[0], 2 * PANGO_SCALE);
}

static const char *
row_font (SofraBlock *block, guint cell)
{
  switch (block->row_style)
    {
    case SOFRA_ROW_HEAD:
      return "Bold 8.5";
    case SOFRA_ROW_TOTAL:
      return "Bold 9";
    case SOFRA_ROW_META:
      return cell == 0 ? "8.5" : "9.5";
    case SOFRA_ROW_BODY:
    default:
      return "9";
    }
}

static void
layout_row_block (SofraReport *self, SofraBlock *block)
{
  double tallest = 0;

  for (guint c = 0; c < block->n_cells; c++)
    {
      double       width = block->widths[c] * text_width (self) - 2 * CELL_PAD_X;
      PangoLayout *layout = new_layout (self, block->cells[c], row_font (block, c), MAX (width, 1));
      int          height;

      if (block->numeric & (1u << c))
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_get_size (layout, NULL, &height);
      tallest = MAX (tallest, (double) height / PANGO_SCALE);
      block->layouts[c] = layout;
    }
  block->height = tallest + 2 * CELL_PAD_Y;
}

/* The units of every block, in order. */
static GArray *
make_units (SofraReport *self)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));

  for (guint i = 0; i < self->blocks->len; i++)
    {
      SofraBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == SOFRA_BLOCK_ROW)
        {
          Unit unit = { i, -1, 0, 0, 0, FALSE, TRUE };

          layout_row_block (self, block);
          unit.height = block->height;
          unit.keep_with_next = block->keep_with_next || block->row_style == SOFRA_ROW_HEAD;
          g_array_append_val (units, unit);
        }
      else if (block->kind == SOFRA_BLOCK_TEXT)
        {
          PangoLayoutIter *iter;
          int              line = 0, n_lines;

          layout_text_block (self, block);
          n_lines = pango_layout_get_line_count (block->layouts[0]);
          iter = pango_layout_get_iter (block->layouts[0]);
          do
            {
              PangoRectangle logical;
              int            y0, y1;
              Unit           unit = { i, line, 0, 0, 0, block->keep_with_next, line == 0 };

              /* No first line of a paragraph alone at the bottom of a page, and no last line
               * alone at the top of the next. */
              if (line == 0 || line == n_lines - 2)
                unit.keep_with_next |= line < n_lines - 1;

              pango_layout_iter_get_line_yrange (iter, &y0, &y1);
              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              unit.height = (double) (y1 - y0) / PANGO_SCALE;
              unit.baseline = (double) (pango_layout_iter_get_baseline (iter) - y0) / PANGO_SCALE;
              unit.x = (double) logical.x / PANGO_SCALE + (block->bullet ? BULLET_INDENT : 0);
              /* Room for the rule under a heading and for the space after a title. */
              if ((block->style == SOFRA_STYLE_HEADING || block->style == SOFRA_STYLE_TITLE ||
                   block->style == SOFRA_STYLE_DOCUMENT_TITLE) &&
                  pango_layout_iter_at_last_line (iter))
                unit.height += 6;
              g_array_append_val (units, unit);
              line++;
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);
        }
      else
        {
          Unit unit = { i, -1, 0, 0, 0, FALSE, TRUE };

          g_array_append_val (units, unit);
        }
    }
  return units;
}

static SofraBlock *
unit_block (SofraReport *self, const Unit *unit)
{
  return g_ptr_array_index (self->blocks, unit->block);
}

static double
space_before (SofraReport *self, const Unit *unit, double y, double top)
{
  return unit->first_of_block && y > top ? unit_block (self, unit)->space_before : 0;
}

/* The height from @y that unit @i needs together with the units it keeps with. */
static double
chain_height (SofraReport *self, GArray *units, guint i, double y, double top)
{
  double needed = 0;

  for (guint j = i; j < units->len; j++)
    {
      const Unit *unit = &g_array_index (units, Unit, j);

      if (unit_block (self, unit)->kind == SOFRA_BLOCK_PAGE_BREAK)
        break;
      needed += space_before (self, unit, y + needed, top) + unit->height;
      if (!unit->keep_with_next)
        break;
    }
  return needed;
}

static void
place (SofraReport *self, const Unit *unit, int page, double y)
{
  SofraPlaced placed = { unit->block, unit->line, page, y, unit->baseline, unit->x };

  g_array_append_val (self->placed, placed);
}

int
sofra_report_paginate (SofraReport *self, PangoContext *context, double width, double height)
{
  g_autoptr (GArray) units = NULL;
  double top = MARGIN_TOP, bottom = height - MARGIN_BOTTOM;
  double y = top;
  int    page = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 2 * MARGIN_X + 50 && height > MARGIN_TOP + MARGIN_BOTTOM + 50, 0);

  sofra_report_clear_layout (self);
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->placed = g_array_new (FALSE, FALSE, sizeof (SofraPlaced));

  units = make_units (self);
  for (guint i = 0; i < units->len; i++)
    {
      const Unit *unit = &g_array_index (units, Unit, i);
      SofraBlock *block = unit_block (self, unit);
      double      needed;

      if (block->kind == SOFRA_BLOCK_PAGE_BREAK)
        {
          if (y > top)
            {
              page++;
              y = top;
            }
          continue;
        }

      /* A unit taller than a page goes on a page of its own, cut at the bottom: nothing
       * else can be done with it. Otherwise it and what it keeps with move on together. */
      needed = unit->keep_with_next ? chain_height (self, units, i, y, top)
                                    : space_before (self, unit, y, top) + unit->height;
      if (y > top && y + needed > bottom)
        {
          page++;
          y = top;
          /* A table that goes on to a new page repeats its header. */
          if (block->kind == SOFRA_BLOCK_ROW && block->row_style != SOFRA_ROW_HEAD &&
              block->header >= 0)
            {
              SofraBlock *header = g_ptr_array_index (self->blocks, block->header);
              Unit        again = { block->header, -1, header->height, 0, 0, TRUE, TRUE };

              place (self, &again, page, y);
              y += header->height;
            }
        }

      y += space_before (self, unit, y, top);
      place (self, unit, page, y);
      y += unit->height;
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

static void
show_text (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_running_parts (SofraReport *self, cairo_t *cr, int page)
{
  g_autoptr (PangoLayout) left = NULL;
  g_autoptr (PangoLayout) right = NULL;
  g_autoptr (PangoLayout) printed = NULL;
  g_autoptr (PangoLayout) number = NULL;
  g_autofree char *date = sofra_labels_date (self->labels, self->printed_on);
  g_autofree char *printed_text = NULL;
  g_autofree char *number_text = NULL;
  double           half = text_width (self) / 2;
  int              height;

  /* Translators: in the footer of printed documents, with the date of printing */
  printed_text = LF (self, "footer", "Printed on %s", date);
  /* Translators: in the footer of printed documents, "Page 2 of 7" */
  number_text = LF (self, "footer", "Page %1$d of %2$d", page + 1, self->n_pages);

  left = new_layout (self, self->organisation, "8", half - 6);
  right = new_layout (self, self->running_title, "8", half - 6);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (right, PANGO_ELLIPSIZE_END);
  printed = new_layout (self, printed_text, "8", half - 6);
  number = new_layout (self, number_text, "8", half - 6);
  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);

  set_colour (cr, grey.r, grey.g, grey.b);
  pango_layout_get_size (left, NULL, &height);
  show_text (cr, left, MARGIN_X, RUNNING_Y - (double) height / PANGO_SCALE);
  show_text (cr, right, MARGIN_X + half + 6, RUNNING_Y - (double) height / PANGO_SCALE);
  show_text (cr, printed, MARGIN_X, self->height - FOOTER_GAP);
  show_text (cr, number, MARGIN_X + half + 6, self->height - FOOTER_GAP);

  set_colour (cr, rule.r, rule.g, rule.b);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_X, RUNNING_Y + 4);
  cairo_line_to (cr, self->width - MARGIN_X, RUNNING_Y + 4);
  cairo_move_to (cr, MARGIN_X, self->height - FOOTER_GAP - 5);
  cairo_line_to (cr, self->width - MARGIN_X, self->height - FOOTER_GAP - 5);
  cairo_stroke (cr);
}

static void
draw_text_unit (SofraReport *self, cairo_t *cr, SofraBlock *block, const SofraPlaced *placed)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (block->layouts[0], placed->line);
  double           x = MARGIN_X + placed->x;
  double           baseline = placed->y + placed->baseline;

  switch (block->style)
    {
    case SOFRA_STYLE_HEADING:
    case SOFRA_STYLE_DOCUMENT_TITLE:
      set_colour (cr, accent.r, accent.g, accent.b);
      break;
    case SOFRA_STYLE_KICKER:
    case SOFRA_STYLE_NOTE:
      set_colour (cr, grey.r, grey.g, grey.b);
      break;
    case SOFRA_STYLE_TITLE:
    case SOFRA_STYLE_BODY:
    default:
      set_colour (cr, ink.r, ink.g, ink.b);
      break;
    }

  if (block->bullet && placed->line == 0)
    {
      cairo_new_path (cr);
      cairo_arc (cr, MARGIN_X + 4, baseline - 3.2, 1.6, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_move_to (cr, x, baseline);
  pango_cairo_show_layout_line (cr, line);

  if (block->style == SOFRA_STYLE_HEADING &&
      placed->line == pango_layout_get_line_count (block->layouts[0]) - 1)
    {
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, MARGIN_X, baseline + 4);
      cairo_line_to (cr, self->width - MARGIN_X, baseline + 4);
      cairo_stroke (cr);
    }
}

static void
draw_row_unit (SofraReport *self, cairo_t *cr, SofraBlock *block, const SofraPlaced *placed)
{
  double x = MARGIN_X;
  double w = text_width (self);

  if (block->row_style == SOFRA_ROW_HEAD)
    {
      set_colour (cr, shade.r, shade.g, shade.b);
      cairo_rectangle (cr, MARGIN_X, placed->y, w, block->height);
      cairo_fill (cr);
    }
  else if (block->row_style == SOFRA_ROW_BODY || block->row_style == SOFRA_ROW_TOTAL)
    {
      set_colour (cr, rule.r, rule.g, rule.b);
      cairo_set_line_width (cr, block->row_style == SOFRA_ROW_TOTAL ? 0.9 : 0.4);
      cairo_move_to (cr, MARGIN_X, placed->y + block->height);
      cairo_line_to (cr, MARGIN_X + w, placed->y + block->height);
      cairo_stroke (cr);
    }

  for (guint c = 0; c < block->n_cells; c++)
    {
      if (block->row_style == SOFRA_ROW_META && c == 0)
        set_colour (cr, grey.r, grey.g, grey.b);
      else
        set_colour (cr, ink.r, ink.g, ink.b);
      show_text (cr, block->layouts[c], x + CELL_PAD_X, placed->y + CELL_PAD_Y);
      x += block->widths[c] * w;
    }
}

void
sofra_report_draw_page (SofraReport *self, cairo_t *cr, int page)
{
  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (self->placed != NULL && page >= 0 && page < self->n_pages);

  cairo_save (cr);
  pango_cairo_update_context (cr, self->context);
  draw_running_parts (self, cr, page);

  /* Units are placed in page order: find the page's first one by bisection. */
  {
    guint lo = 0, hi = self->placed->len;

    while (lo < hi)
      {
        guint mid = (lo + hi) / 2;

        if (g_array_index (self->placed, SofraPlaced, mid).page < page)
          lo = mid + 1;
        else
          hi = mid;
      }
    for (guint i = lo; i < self->placed->len; i++)
      {
        const SofraPlaced *placed = &g_array_index (self->placed, SofraPlaced, i);
        SofraBlock        *block = g_ptr_array_index (self->blocks, placed->block);

        if (placed->page != page)
          break;
        if (block->kind == SOFRA_BLOCK_TEXT)
          draw_text_unit (self, cr, block, placed);
        else if (block->kind == SOFRA_BLOCK_ROW)
          draw_row_unit (self, cr, block, placed);
      }
  }
  cairo_restore (cr);
}

PangoContext *
sofra_report_create_context (cairo_t *cr)
{
  PangoContext         *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}
