/* sofra-window-print.c — Print (Ctrl+P), Export PDF… and Print Several Sessions… in the window
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-gui-util.h"
#include "sofra-print-dialog.h"
#include "sofra-print-preview.h"
#include "sofra-render-text.h"
#include "sofra-window-print.h"

/* Languages of documents, each named in itself, so the choice reads the same whatever the
 * interface language. */
static const char *const language_ids[] = { "sq", "sr", "sr@latin", "en", NULL };
static const char *const language_names[] = { "Shqip", "Српски", "Srpski", "English", NULL };

typedef struct
{
  SofraWindow  *window;
  SofraStore   *store;
  GSettings    *settings;
  GStrv         ids;
  char         *from;
  char         *to;
  char         *language;
  gboolean      bilingual;
  SofraReport  *report;
  PangoContext *context;
  GError       *error;

  /* The "Document" tab */
  GtkDropDown    *language_dropdown;
  GtkCheckButton *bilingual_check;
  GtkEditable    *organisation_entry;
} PrintJob;

typedef struct
{
  SofraWindow        *window; /* not owned: the action group lives on the window */
  SofraSessionsView  *sessions;
  GSimpleActionGroup *group;
  gulong              session_id_handler;
  GtkPrintSettings   *print_settings; /* the last print's: printer, copies, pages */
} PrintActions;

static PrintActions *
print_actions_of (SofraWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "sofra-print-actions");
}

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->store);
  g_clear_object (&job->settings);
  g_strfreev (job->ids);
  g_free (job->from);
  g_free (job->to);
  g_free (job->language);
  g_clear_pointer (&job->report, sofra_report_free);
  g_clear_object (&job->context);
  g_clear_error (&job->error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_free)

static guint
language_index (const char *language)
{
  for (guint i = 0; language_ids[i] != NULL; i++)
    if (g_strcmp0 (language_ids[i], language) == 0)
      return i;
  return 3;
}

/* Bilingual labels are offered for documents with a session where both the Albanian and the
 * Serbian community were present. */
static gboolean
any_with_both_communities (SofraStore *store, char **ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr (JsonObject) doc = sofra_store_get (store, ids[i], NULL);

      if (doc != NULL && sofra_report_session_has_both_communities (doc))
        return TRUE;
    }
  return FALSE;
}

static PrintJob *
print_job_new (SofraWindow *window, const char *const *ids, const char *from, const char *to)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->window = g_object_ref (window);
  job->store = g_object_ref (sofra_window_get_store (window));
  job->settings = g_object_ref (sofra_window_get_settings (window));
  job->ids = g_strdupv ((char **) ids);
  job->from = g_strdup (from != NULL && *from != '\0' ? from : NULL);
  job->to = g_strdup (to != NULL && *to != '\0' ? to : NULL);
  job->language = g_strdup (sofra_render_language ());
  return job;
}

/* Every session of the period was chosen: the document is the period's. */
static gboolean
is_whole_period (PrintJob *job)
{
  g_autoptr (GPtrArray) in_period = NULL;
  guint n_ids = job->ids != NULL ? g_strv_length (job->ids) : 0;

  if (job->from == NULL || job->to == NULL)
    return FALSE;
  in_period = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr (JsonObject) doc = sofra_store_get (job->store, job->ids[i], NULL);
      const char *date = doc != NULL ? sofra_gui_doc_string (doc, "date") : NULL;

      if (date == NULL || g_strcmp0 (date, job->from) < 0 || g_strcmp0 (date, job->to) > 0)
        return FALSE;
    }
  return n_ids == sofra_print_dialog_count_sessions (job->store, job->from, job->to);
}

static SofraReport *
build_report (PrintJob *job, GError **error)
{
  g_autofree char   *organisation = g_settings_get_string (job->settings, "organisation-name");
  SofraReportOptions options = { 0 };

  options.language = job->language;
  options.bilingual = job->bilingual;
  options.script = sofra_gui_serbian_script ();
  options.organisation = organisation;

  sofra_window_flush (job->window);
  if (is_whole_period (job))
    return sofra_report_new_period (job->store, job->from, job->to, &options, error);
  return sofra_report_new_sessions (job->store, (const char *const *) job->ids, &options, error);
}

static void
show_error (SofraWindow *window, const char *heading, const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (window), heading, message));

  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- printing ------------------------------------------------------------------------- */

static GObject *
on_create_custom_widget_cb (GtkPrintOperation *operation, PrintJob *job)
{
  GtkWidget       *grid = gtk_grid_new ();
  GtkWidget       *label;
  GtkWidget       *dropdown = gtk_drop_down_new_from_strings (language_names);
  GtkWidget       *check;
  GtkWidget       *entry = gtk_entry_new ();
  g_autofree char *organisation = g_settings_get_string (job->settings, "organisation-name");

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);

  label = gtk_label_new_with_mnemonic (_ ("_Language of the document"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), language_index (job->language));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), dropdown, 1, 0, 1, 1);

  label = gtk_label_new_with_mnemonic (_ ("_Organisation"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), organisation);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Printed in the header"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 32);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, 1, 1, 1);

  check = gtk_check_button_new_with_mnemonic (_ ("Albanian and Serbian labels _side by side"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), job->bilingual);
  if (!any_with_both_communities (job->store, job->ids))
    {
      gtk_widget_set_sensitive (check, FALSE);
      gtk_widget_set_tooltip_text (check, _ ("For sessions where both the Albanian and the "
                                             "Serbian community were present"));
    }
  gtk_grid_attach (GTK_GRID (grid), check, 0, 2, 2, 1);

  job->language_dropdown = GTK_DROP_DOWN (dropdown);
  job->bilingual_check = GTK_CHECK_BUTTON (check);
  job->organisation_entry = GTK_EDITABLE (entry);
  return G_OBJECT (grid);
}

static void
on_custom_widget_apply_cb (GtkPrintOperation *operation, GtkWidget *widget, PrintJob *job)
{
  guint selected = gtk_drop_down_get_selected (job->language_dropdown);

  g_free (job->language);
  job->language = g_strdup (language_ids[MIN (selected, G_N_ELEMENTS (language_ids) - 2)]);
  job->bilingual = gtk_widget_get_sensitive (GTK_WIDGET (job->bilingual_check)) &&
                   gtk_check_button_get_active (job->bilingual_check);
  g_settings_set_string (job->settings, "organisation-name",
                         gtk_editable_get_text (job->organisation_entry));
}

static void
on_begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, PrintJob *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int      n_pages;

  g_clear_pointer (&job->report, sofra_report_free);
  g_clear_error (&job->error);
  job->report = build_report (job, &job->error);
  if (job->report == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  g_clear_object (&job->context);
  job->context = sofra_report_create_context (cr);
  n_pages = sofra_report_paginate (job->report, job->context, gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, PrintJob *job)
{
  if (job->report != NULL)
    sofra_report_draw_page (job->report, gtk_print_context_get_cairo_context (context), page);
}

/* Preview in Sofra's own window, drawn by the renderer that prints: no previewer program
 * needs to be installed. */
static gboolean
on_preview_cb (GtkPrintOperation        *operation,
               GtkPrintOperationPreview *preview,
               GtkPrintContext          *context,
               GtkWindow                *parent,
               PrintJob                 *job)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  g_autoptr (GError) error = NULL;
  SofraReport *report = build_report (job, &error);
  GtkWidget   *window;

  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t         *cr = cairo_create (surface);

  /* GTK goes on with begin-print on this context after the handler: it needs a cairo
   * context, though the pages are drawn in the preview window. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (setup == NULL)
    setup = gtk_print_operation_get_default_page_setup (operation);
  if (report == NULL || setup == NULL)
    {
      gtk_print_operation_preview_end_preview (preview);
      if (error != NULL)
        show_error (job->window, _ ("Cannot Print"), error->message);
      return TRUE;
    }
  window = sofra_print_preview_new (report, gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                                    gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS),
                                    preview);
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                parent != NULL ? parent : GTK_WINDOW (job->window));
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static void
on_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, PrintJob *job)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && print_actions_of (job->window) != NULL)
    g_set_object (&print_actions_of (job->window)->print_settings,
                  gtk_print_operation_get_print_settings (operation));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (job->window, _ ("Cannot Print"), error != NULL ? error->message : "");
    }
  else if (job->error != NULL)
    show_error (job->window, _ ("Cannot Print"), job->error->message);
}

GtkPrintOperationResult
sofra_window_print_run (SofraWindow            *window,
                        const char *const      *ids,
                        const char             *from,
                        const char             *to,
                        GtkPrintOperationAction action,
                        const char             *export_filename,
                        GError                **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) paper = NULL;
  g_autofree char        *paper_name = NULL;
  PrintJob               *job;
  GtkPrintOperationResult result;

  g_return_val_if_fail (SOFRA_IS_WINDOW (window), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (ids != NULL && ids[0] != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  job = print_job_new (window, ids, from, to);
  paper_name = g_settings_get_string (job->settings, "paper-size");
  paper = gtk_paper_size_new (sofra_paper_from_string (paper_name) == SOFRA_PAPER_LETTER
                                ? GTK_PAPER_NAME_LETTER
                                : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The renderer keeps its own margins, the same on paper and in a PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _ ("Document"));
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  if (print_actions_of (window) != NULL && print_actions_of (window)->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, print_actions_of (window)->print_settings);

  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget_cb),
                    job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply_cb), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "preview", G_CALLBACK (on_preview_cb), job);
  g_signal_connect_data (operation, "done", G_CALLBACK (on_done_cb), job,
                         (GClosureNotify) (void (*) (void)) print_job_free, 0);

  result = gtk_print_operation_run (operation, action, GTK_WINDOW (window), error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && job->error != NULL && error != NULL &&
      *error == NULL)
    *error = g_error_copy (job->error);
  return result;
}

/* ---- exporting ------------------------------------------------------------------------ */

static char *
suggested_name (PrintJob *job)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GString) name = g_string_new (NULL);

  if (g_strv_length (job->ids) > 1)
    {
      if (job->from != NULL && job->to != NULL)
        /* Translators: the file name offered for a PDF of several sessions; %s are dates */
        return g_strdup_printf (_ ("Sessions %s to %s.pdf"), job->from, job->to);
      return g_strdup_printf ("%s.pdf", _ ("Session summaries"));
    }
  doc = sofra_store_get (job->store, job->ids[0], NULL);
  title = sofra_gui_record_text (doc != NULL ? sofra_gui_doc_string (doc, "title") : NULL);

  /* Characters that file systems refuse become spaces, and runs of spaces one. */
  g_strdelimit (title, "/\\:*?\"<>|\n\r\t", ' ');
  for (const char *p = g_strstrip (title); *p != '\0'; p++)
    if (*p != ' ' || (name->len > 0 && name->str[name->len - 1] != ' '))
      g_string_append_c (name, *p);
  if (name->len == 0)
    return g_strdup_printf ("%s.pdf", _ ("Session summary"));
  return g_strdup_printf ("%s.pdf", name->str);
}

static void
on_export_response_cb (GtkNativeDialog *chooser, int response, PrintJob *job)
{
  g_autoptr (PrintJob) owned = job;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *paper = NULL;
  const char      *language;
  const char      *bilingual;
  const char      *paper_choice;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      show_error (job->window, _ ("Cannot Export"),
                  _ ("Choose a folder on this computer to save the PDF in."));
      goto out;
    }
  language = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language");
  bilingual = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "bilingual");
  if (language != NULL)
    {
      g_free (job->language);
      job->language = g_strdup (language);
    }
  job->bilingual = g_strcmp0 (bilingual, "true") == 0;
  paper_choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper");
  if (paper_choice != NULL)
    g_settings_set_string (job->settings, "paper-size", paper_choice);

  paper = g_settings_get_string (job->settings, "paper-size");
  job->report = build_report (job, &error);
  if (job->report == NULL ||
      !sofra_report_write_pdf (job->report, path, sofra_paper_from_string (paper), &error))
    show_error (job->window, _ ("Cannot Export"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a toast after exporting; %s is the file's name */
      g_autofree char *message = g_strdup_printf (_ ("Saved “%s”"), name);

      sofra_window_add_toast (job->window, adw_toast_new (message));
    }

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Adds the choice @id with @ids and @names, @selected first: GTK 4.8's own file chooser
 * dialog ignores gtk_file_chooser_set_choice(), so the first option is the default. */
static void
add_choice_selected_first (GtkFileChooser    *chooser,
                           const char        *id,
                           const char        *label,
                           const char *const *ids,
                           const char *const *names,
                           const char        *selected)
{
  guint        n = g_strv_length ((char **) ids);
  const char **ordered_ids = g_new0 (const char *, n + 1);
  const char **ordered_names = g_new0 (const char *, n + 1);
  guint        k = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      if ((g_strcmp0 (ids[i], selected) == 0) == (pass == 0))
        {
          ordered_ids[k] = ids[i];
          ordered_names[k] = names[i];
          k++;
        }
  gtk_file_chooser_add_choice (chooser, id, label, ordered_ids, ordered_names);
  gtk_file_chooser_set_choice (chooser, id, selected);
  g_free (ordered_ids);
  g_free (ordered_names);
}

static void
export_sessions (SofraWindow *window, const char *const *ids, const char *from, const char *to)
{
  PrintJob             *job = print_job_new (window, ids, from, to);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (job);
  g_autofree char *paper = g_settings_get_string (job->settings, "paper-size");
  const char      *paper_ids[] = { "a4", "letter", NULL };
  const char      *paper_names[] = { _ ("A4"), _ ("US Letter"), NULL };

  chooser = gtk_file_chooser_native_new (_ ("Export PDF"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"),
                                         _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  add_choice_selected_first (GTK_FILE_CHOOSER (chooser), "language", _ ("Language"), language_ids,
                             language_names, job->language);
  add_choice_selected_first (GTK_FILE_CHOOSER (chooser), "paper", _ ("Paper"), paper_ids,
                             paper_names, paper);
  if (any_with_both_communities (job->store, job->ids))
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "bilingual",
                                   _ ("Albanian and Serbian labels side by side"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "bilingual", "false");
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- actions -------------------------------------------------------------------------- */

void
sofra_window_print_set_print_settings (SofraWindow *window, GtkPrintSettings *settings)
{
  PrintActions *actions;

  g_return_if_fail (SOFRA_IS_WINDOW (window));
  g_return_if_fail (settings == NULL || GTK_IS_PRINT_SETTINGS (settings));

  actions = print_actions_of (window);
  g_return_if_fail (actions != NULL);
  g_set_object (&actions->print_settings, settings);
}


static void
shown_session_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  PrintActions *actions = user_data;
  const char   *id = sofra_sessions_view_get_session_id (actions->sessions);
  const char   *ids[] = { id, NULL };
  g_autoptr (GError) error = NULL;

  if (id == NULL)
    return;
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "export"))
    export_sessions (actions->window, ids, NULL, NULL);
  else if (sofra_window_print_run (actions->window, ids, NULL, NULL,
                                   GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                                   &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
           error != NULL)
    show_error (actions->window, _ ("Cannot Print"), error->message);
}

static void
ids_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  PrintActions           *actions = user_data;
  const char             *from, *to;
  g_autofree const char **ids = NULL;
  g_autoptr (GError) error = NULL;

  g_variant_get (parameter, "(&s&s^a&s)", &from, &to, &ids);
  if (ids == NULL || ids[0] == NULL)
    return;
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "export-ids"))
    export_sessions (actions->window, ids, from, to);
  else if (sofra_window_print_run (actions->window, ids, from, to,
                                   GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                                   &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
           error != NULL)
    show_error (actions->window, _ ("Cannot Print"), error->message);
}

static void
several_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  PrintActions *actions = user_data;
  GtkWindow    *dialog;

  sofra_window_flush (actions->window);
  dialog = GTK_WINDOW (
    sofra_print_dialog_new (sofra_window_get_store (actions->window),
                            sofra_sessions_view_get_session_id (actions->sessions)));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (actions->window));
  gtk_window_present (dialog);
}

static void
on_session_id_cb (SofraSessionsView *sessions, GParamSpec *pspec, PrintActions *actions)
{
  gboolean shown = sofra_sessions_view_get_session_id (sessions) != NULL;

  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (actions->group), "session")), shown);
  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (actions->group), "export")), shown);
}

static void
print_actions_free (PrintActions *actions)
{
  g_clear_signal_handler (&actions->session_id_handler, actions->sessions);
  g_clear_object (&actions->print_settings);
  g_clear_object (&actions->sessions);
  g_clear_object (&actions->group);
  g_free (actions);
}

void
sofra_window_print_setup (SofraWindow *window, SofraSessionsView *sessions)
{
  const GActionEntry entries[] = {
    { "session", shown_session_action, NULL, NULL, NULL },
    { "export", shown_session_action, NULL, NULL, NULL },
    { "several", several_action, NULL, NULL, NULL },
    { "print-ids", ids_action, "(ssas)", NULL, NULL },
    { "export-ids", ids_action, "(ssas)", NULL, NULL },
  };
  PrintActions       *actions = g_new0 (PrintActions, 1);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_return_if_fail (SOFRA_IS_WINDOW (window));
  g_return_if_fail (SOFRA_IS_SESSIONS_VIEW (sessions));

  actions->window = window;
  actions->sessions = g_object_ref (sessions);
  actions->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (actions->group), entries, G_N_ELEMENTS (entries),
                                   actions);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "print", G_ACTION_GROUP (actions->group));
  g_object_set_data_full (G_OBJECT (window), "sofra-print-actions", actions,
                          (GDestroyNotify) print_actions_free);

  actions->session_id_handler = g_signal_connect (sessions, "notify::session-id",
                                                  G_CALLBACK (on_session_id_cb), actions);
  on_session_id_cb (sessions, NULL, actions);

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "<Control>p"),
                                                          gtk_named_action_new ("print.session")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "<Shift><Control>e"),
                                                          gtk_named_action_new ("print.export")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
}
