/* sofra-print-dialog.c — choose a period and its sessions, then print or export them as one
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-date-button.h"
#include "sofra-gui-util.h"
#include "sofra-print-dialog.h"
#include "sofra-records.h"

struct _SofraPrintDialog
{
  AdwWindow parent_instance;

  SofraStore *store;
  GPtrArray  *checks; /* GtkCheckButton of each row, with its session id as "sofra-id" */

  SofraDateButton     *from_button;
  SofraDateButton     *to_button;
  AdwPreferencesGroup *sessions_group;
  GtkListBox          *list;
  GtkWidget           *print_button;
  GtkWidget           *export_button;
  GtkWidget           *all_button;
};

G_DEFINE_FINAL_TYPE (SofraPrintDialog, sofra_print_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  const char *from;
  const char *to;
  GPtrArray  *docs;
} Scan;

static gboolean
collect_cb (JsonObject *doc, gpointer user_data)
{
  Scan       *scan = user_data;
  const char *date = sofra_gui_doc_string (doc, "date");

  if (date != NULL && g_strcmp0 (date, scan->from) >= 0 && g_strcmp0 (date, scan->to) <= 0)
    g_ptr_array_add (scan->docs, json_object_ref (doc));
  return TRUE;
}

static int
compare_docs (gconstpointer a, gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a, *y = *(JsonObject **) b;
  int by_date = g_strcmp0 (sofra_gui_doc_string (x, "date"), sofra_gui_doc_string (y, "date"));

  if (by_date != 0)
    return by_date;
  return g_strcmp0 (sofra_gui_doc_string (x, "start_time"), sofra_gui_doc_string (y, "start_time"));
}

static GPtrArray *
find_docs (SofraStore *store, const char *from, const char *to)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  Scan       scan = { from, to, docs };

  if (from != NULL && to != NULL)
    sofra_store_foreach_doc (store, SOFRA_TYPE_SESSION, collect_cb, &scan, NULL);
  g_ptr_array_sort (docs, compare_docs);
  return docs;
}

GStrv
sofra_print_dialog_find_sessions (SofraStore *store, const char *from, const char *to)
{
  g_autoptr (GPtrArray) docs = find_docs (store, from, to);
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < docs->len; i++)
    g_strv_builder_add (ids, sofra_gui_doc_string (g_ptr_array_index (docs, i), "_id"));
  return g_strv_builder_end (ids);
}

guint
sofra_print_dialog_count_sessions (SofraStore *store, const char *from, const char *to)
{
  g_autoptr (GPtrArray) docs = find_docs (store, from, to);

  return docs->len;
}

static guint
n_chosen (SofraPrintDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static void
update_counts (SofraPrintDialog *self)
{
  guint            chosen = n_chosen (self);
  g_autofree char *description = NULL;

  if (self->checks->len == 0)
    description = g_strdup (_ ("No sessions in this period"));
  else
    /* Translators: under "Sessions" in the dialog to print several sessions */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u session chosen",
                                                "%u of %u sessions chosen", self->checks->len),
                                   chosen, self->checks->len);
  adw_preferences_group_set_description (self->sessions_group, description);
  gtk_widget_set_sensitive (self->print_button, chosen > 0);
  gtk_widget_set_sensitive (self->export_button, chosen > 0);
  gtk_widget_set_sensitive (self->all_button, chosen < self->checks->len);
}

static void
on_check_toggled_cb (GtkCheckButton *check, SofraPrintDialog *self)
{
  update_counts (self);
}

static GtkWidget *
session_row (SofraPrintDialog *self, JsonObject *doc)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *check = gtk_check_button_new ();
  g_autofree char *date = sofra_gui_format_date (sofra_gui_doc_string (doc, "date"));
  const char      *title = sofra_gui_doc_string (doc, "title");

  if (!sofra_gui_is_blank (title))
    sofra_gui_set_record_text (row, "title", title);
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Untitled session"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), "sofra-id",
                          g_strdup (sofra_gui_doc_string (doc, "_id")), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
  g_ptr_array_add (self->checks, check);
  return row;
}

static void
reload (SofraPrintDialog *self)
{
  const char *from = sofra_date_button_get_date (self->from_button);
  const char *to = sofra_date_button_get_date (self->to_button);
  g_autoptr (GPtrArray) docs = NULL;

  sofra_gui_list_box_remove_all (self->list);
  g_ptr_array_set_size (self->checks, 0);
  docs = find_docs (self->store, from, to);
  for (guint i = 0; i < docs->len; i++)
    gtk_list_box_append (self->list, session_row (self, g_ptr_array_index (docs, i)));
  update_counts (self);
}

static void
on_period_changed_cb (SofraPrintDialog *self)
{
  if (self->store != NULL)
    reload (self);
}

static void
on_all_clicked_cb (SofraPrintDialog *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), TRUE);
}

static void
activate_on_window (SofraPrintDialog *self, const char *action)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_auto (GStrv) ids = sofra_print_dialog_get_chosen (self);
  GVariant *parameter;

  if (window == NULL || ids[0] == NULL)
    return;
  parameter = g_variant_new ("(ss^as)", sofra_date_button_get_date (self->from_button),
                             sofra_date_button_get_date (self->to_button), ids);
  gtk_window_close (GTK_WINDOW (self));
  gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter);
}

static void
on_print_clicked_cb (SofraPrintDialog *self)
{
  activate_on_window (self, "print.print-ids");
}

static void
on_export_clicked_cb (SofraPrintDialog *self)
{
  activate_on_window (self, "print.export-ids");
}

static void
sofra_print_dialog_dispose (GObject *object)
{
  SofraPrintDialog *self = SOFRA_PRINT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOFRA_TYPE_PRINT_DIALOG);
  G_OBJECT_CLASS (sofra_print_dialog_parent_class)->dispose (object);
}

static void
sofra_print_dialog_class_init (SofraPrintDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sofra_print_dialog_dispose;

  sofra_gui_ensure_resources ();
  g_type_ensure (SOFRA_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SOFRA_GUI_RESOURCE_PATH "/sofra-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraPrintDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, SofraPrintDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, SofraPrintDialog, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, SofraPrintDialog, list);
  gtk_widget_class_bind_template_child (widget_class, SofraPrintDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, SofraPrintDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SofraPrintDialog, all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sofra_print_dialog_init (SofraPrintDialog *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  sofra_gui_list_box_set_placeholder_text (self->list, _ ("No sessions in this period"));
}

GtkWidget *
sofra_print_dialog_new (SofraStore *store, const char *session_id)
{
  SofraPrintDialog *self;
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  const char      *date = NULL;
  int              year, month;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  self = g_object_new (SOFRA_TYPE_PRINT_DIALOG, NULL);
  self->store = g_object_ref (store);

  if (session_id != NULL)
    doc = sofra_store_get (store, session_id, NULL);
  if (doc != NULL)
    date = sofra_gui_doc_string (doc, "date");
  if (date == NULL || sscanf (date, "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12)
    {
      year = g_date_time_get_year (now);
      month = g_date_time_get_month (now);
    }
  from = g_strdup_printf ("%04d-%02d-01", year, month);
  to = g_strdup_printf ("%04d-%02d-%02d", year, month, g_date_get_days_in_month (month, year));
  sofra_print_dialog_set_period (self, from, to);
  return GTK_WIDGET (self);
}

void
sofra_print_dialog_set_period (SofraPrintDialog *self, const char *from, const char *to)
{
  g_return_if_fail (SOFRA_IS_PRINT_DIALOG (self));

  sofra_date_button_set_date (self->from_button, from);
  sofra_date_button_set_date (self->to_button, to);
  reload (self);
}

GStrv
sofra_print_dialog_get_chosen (SofraPrintDialog *self)
{
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (SOFRA_IS_PRINT_DIALOG (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (ids, g_object_get_data (G_OBJECT (check), "sofra-id"));
    }
  return g_strv_builder_end (ids);
}
