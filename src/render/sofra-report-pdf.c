/* sofra-report-pdf.c — a report written to a PDF file that appears whole or not at all
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sofra-report-private.h"

typedef struct
{
  int fd;
  int saved_errno; /* the first write error, or 0 */
} Output;

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  Output *output = closure;

  while (length > 0)
    {
      ssize_t written = write (output->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (output->saved_errno == 0)
            output->saved_errno = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_WRITE, _ ("Cannot write “%s”: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
render_to (SofraReport *self, Output *output, SofraPaper paper)
{
  double           width, height;
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  int              n_pages;
  gboolean         ok;

  sofra_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, output, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sofra " SOFRA_VERSION);
  if (self->running_title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->running_title);
  cr = cairo_create (surface);
  context = sofra_report_create_context (cr);

  n_pages = sofra_report_paginate (self, context, width, height);
  for (int page = 0; page < n_pages; page++)
    {
      sofra_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS && output->saved_errno == 0;
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
sofra_report_write_pdf (SofraReport *self, const char *path, SofraPaper paper, GError **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temporary = NULL;
  Output           output = { -1, 0 };
  gboolean         rendered;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_write_error (error, path, EISDIR);

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  temporary = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, name);
  output.fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0644);
  if (output.fd < 0)
    return set_write_error (error, path, errno);

  rendered = render_to (self, &output, paper);
  if (rendered && fsync (output.fd) != 0)
    output.saved_errno = errno;
  if (close (output.fd) != 0 && output.saved_errno == 0)
    output.saved_errno = errno;

  if (!rendered || output.saved_errno != 0 || g_rename (temporary, path) != 0)
    {
      int saved_errno = output.saved_errno != 0 ? output.saved_errno : errno;

      g_unlink (temporary);
      if (saved_errno == 0)
        saved_errno = EIO;
      return set_write_error (error, path, saved_errno);
    }
  return TRUE;
}
