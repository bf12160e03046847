/* sofra-followup-row.c — one follow-up in the list: what, who, when, and a one-click "Done"
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-followup-row.h"
#include "sofra-gui-util.h"
#include "sofra-records.h"
#include "sofra-vocab.h"

struct _SofraFollowupRow
{
  GtkWidget parent_instance;

  SofraStore   *store;
  SofraDocItem *item;
  gboolean      overdue;

  GtkCheckButton *done_check;
  GtkLabel       *what_label;
  GtkLabel       *overdue_label;
  GtkLabel       *priority_label;
  GtkLabel       *due_label;
  GtkLabel       *owner_label;
  GtkLabel       *status_label;
  GtkLabel       *session_label;
};

G_DEFINE_FINAL_TYPE (SofraFollowupRow, sofra_followup_row, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label (GtkLabel *label, const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
set_overdue (SofraFollowupRow *self, gboolean overdue)
{
  self->overdue = overdue;
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue);
  if (overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "dim-label");
    }
}

/* Shows @done without saving it: the toggle handler is only for the person's click. */
static void
set_done_check (SofraFollowupRow *self, gboolean done)
{
  g_signal_handlers_block_matched (self->done_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_check_button_set_active (self->done_check, done);
  g_signal_handlers_unblock_matched (self->done_check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  if (done)
    gtk_widget_add_css_class (GTK_WIDGET (self), "done");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "done");
}

static char *
session_title (SofraStore *store, const char *session_id)
{
  g_autoptr (JsonObject) doc = NULL;
  const char *title;

  if (session_id == NULL || store == NULL)
    return NULL;

  doc = sofra_store_get (store, session_id, NULL);
  if (doc == NULL)
    return NULL;

  title = json_object_get_string_member_with_default (doc, "title", NULL);
  if (title == NULL || *title == '\0')
    return g_strdup (_ ("Untitled session"));

  return g_strdup (title);
}

static void
update (SofraFollowupRow *self)
{
  g_autoptr (SofraFollowUp) followup = NULL;
  g_autofree char *due = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *owner_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *session_text = NULL;
  const char      *status_text = NULL;
  gboolean         done, closed;

  if (self->item != NULL)
    followup = sofra_followup_from_json (sofra_doc_item_get_doc (self->item), NULL);

  if (followup == NULL)
    {
      set_label (self->what_label, NULL);
      set_label (self->priority_label, NULL);
      set_label (self->due_label, NULL);
      set_label (self->owner_label, NULL);
      set_label (self->status_label, NULL);
      set_label (self->session_label, NULL);
      set_overdue (self, FALSE);
      set_done_check (self, FALSE);
      return;
    }

  if (followup->what != NULL && *followup->what != '\0')
    {
      set_label (self->what_label, followup->what);
      sofra_gui_set_record_text (self->what_label, "label", followup->what);
    }
  else
    set_label (self->what_label, _ ("Nothing written yet"));

  /* Normal is the default: only what stands out is shown. */
  if (followup->priority != NULL && !g_str_equal (followup->priority, "normal"))
    set_label (self->priority_label, sofra_vocab_label (SOFRA_VOCAB_PRIORITY, followup->priority));
  else
    set_label (self->priority_label, NULL);
  if (g_strcmp0 (followup->priority, "high") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), "warning");

  if (followup->due_date != NULL)
    {
      due = sofra_gui_format_date (followup->due_date);
      /* Translators: a follow-up's due date, e.g. "Due Sat 28 Nov 2026" */
      due_text = g_strdup_printf (_ ("Due %s"), due);
    }
  set_label (self->due_label, due_text);

  if (followup->owner != NULL && *followup->owner != '\0')
    /* Translators: who is to do a follow-up, e.g. "Owner: Arta" */
    owner_text = g_strdup_printf (_ ("Owner: %s"), followup->owner);
  set_label (self->owner_label, owner_text);
  if (owner_text != NULL)
    sofra_gui_set_record_text_format (self->owner_label, "label", _ ("Owner: %s"), followup->owner);

  done = g_strcmp0 (followup->status, SOFRA_FOLLOWUP_STATUS_DONE) == 0;
  closed = done || g_strcmp0 (followup->status, SOFRA_FOLLOWUP_STATUS_DROPPED) == 0;
  if (closed)
    gtk_widget_add_css_class (GTK_WIDGET (self->what_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->what_label), "dim-label");
  if (followup->status != NULL && g_strcmp0 (followup->status, SOFRA_FOLLOWUP_STATUS_OPEN) != 0)
    status_text = sofra_vocab_label (SOFRA_VOCAB_FOLLOWUP_STATUS, followup->status);
  set_label (self->status_label, status_text);

  title = session_title (self->store, followup->session_id);
  if (title != NULL)
    /* Translators: the session a follow-up belongs to */
    session_text = g_strdup_printf (_ ("Session: %s"), title);
  set_label (self->session_label, session_text);
  if (session_text != NULL)
    sofra_gui_set_record_text_format (self->session_label, "label", _ ("Session: %s"), title);

  set_overdue (self, sofra_doc_item_get_overdue (self->item));

  set_done_check (self, done);
}

typedef struct
{
  SofraStore *store;
  char       *id;
  char       *status;
} UndoData;

static void
undo_data_free (gpointer data, GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_free (undo->id);
  g_free (undo->status);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast, UndoData *undo)
{
  g_autoptr (GError) error = NULL;

  if (!sofra_followup_set_status (undo->store, undo->id, undo->status, &error))
    g_warning ("Cannot reopen follow-up %s: %s", undo->id, error->message);
}

static void
on_done_toggled_cb (SofraFollowupRow *self, GtkCheckButton *button)
{
  g_autoptr (SofraFollowupRow) hold = g_object_ref (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *was = NULL;
  gboolean         done = gtk_check_button_get_active (button);
  g_autoptr (GtkWidget) root = NULL;
  AdwToast *toast;
  UndoData *undo;

  if (self->item == NULL || self->store == NULL)
    return;

  /* Saving makes the list reload: this row may be rebound to another item, or leave the
   * window, so what the toast needs is taken now. */
  id = g_strdup (sofra_doc_item_get_id (self->item));
  root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  if (root != NULL)
    g_object_ref (root);
  was = g_strdup (json_object_get_string_member_with_default (sofra_doc_item_get_doc (self->item),
                                                              "status",
                                                              SOFRA_FOLLOWUP_STATUS_OPEN));
  if (!sofra_followup_set_status (self->store, id,
                                  done ? SOFRA_FOLLOWUP_STATUS_DONE : SOFRA_FOLLOWUP_STATUS_OPEN,
                                  &error))
    {
      set_done_check (self, !done);
      sofra_gui_show_error (GTK_WIDGET (self), error);
      return;
    }

  if (!done)
    return;
  if (root == NULL)
    return;
  toast = sofra_gui_toast_with_action (root, _ ("Follow-up done"), _ ("_Undo"), NULL, NULL);
  if (toast == NULL)
    return;
  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (self->store);
  undo->id = g_steal_pointer (&id);
  undo->status = g_steal_pointer (&was);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         undo_data_free, 0);
}

static void
sofra_followup_row_dispose (GObject *object)
{
  SofraFollowupRow *self = SOFRA_FOLLOWUP_ROW (object);
  GtkWidget        *child;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SOFRA_TYPE_FOLLOWUP_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_followup_row_parent_class)->dispose (object);
}

static void
sofra_followup_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraFollowupRow *self = SOFRA_FOLLOWUP_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_followup_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SofraFollowupRow *self = SOFRA_FOLLOWUP_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      sofra_followup_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_followup_row_class_init (SofraFollowupRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sofra_followup_row_dispose;
  object_class->get_property = sofra_followup_row_get_property;
  object_class->set_property = sofra_followup_row_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, SOFRA_TYPE_DOC_ITEM,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SOFRA_GUI_RESOURCE_PATH "/sofra-followup-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupRow, done_check);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupRow, what_label);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupRow, priority_label);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupRow, owner_label);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SofraFollowupRow, session_label);
  gtk_widget_class_bind_template_callback (widget_class, on_done_toggled_cb);

  gtk_widget_class_set_css_name (widget_class, "sofrafollowuprow");
}

static void
sofra_followup_row_init (SofraFollowupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sofra_followup_row_new (SofraStore *store)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  return g_object_new (SOFRA_TYPE_FOLLOWUP_ROW, "store", store, NULL);
}

SofraDocItem *
sofra_followup_row_get_item (SofraFollowupRow *self)
{
  g_return_val_if_fail (SOFRA_IS_FOLLOWUP_ROW (self), NULL);

  return self->item;
}

void
sofra_followup_row_set_item (SofraFollowupRow *self, SofraDocItem *item)
{
  g_return_if_fail (SOFRA_IS_FOLLOWUP_ROW (self));
  g_return_if_fail (item == NULL || SOFRA_IS_DOC_ITEM (item));

  if (self->item == item)
    return;

  /* The list keeps an item in place when its document changes, and says so with "doc". */
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_swapped (item, "notify::doc", G_CALLBACK (update), self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

const char *
sofra_followup_row_get_id (SofraFollowupRow *self)
{
  g_return_val_if_fail (SOFRA_IS_FOLLOWUP_ROW (self), NULL);

  return self->item != NULL ? sofra_doc_item_get_id (self->item) : NULL;
}

gboolean
sofra_followup_row_get_overdue (SofraFollowupRow *self)
{
  g_return_val_if_fail (SOFRA_IS_FOLLOWUP_ROW (self), FALSE);

  return self->overdue;
}

gboolean
sofra_followup_set_status (SofraStore *store, const char *id, const char *status, GError **error)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (SofraFollowUp) followup = NULL;
  g_autoptr (JsonObject) updated = NULL;

  g_return_val_if_fail (SOFRA_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  doc = sofra_store_get (store, id, error);
  if (doc == NULL)
    return FALSE;

  followup = sofra_followup_from_json (doc, error);
  if (followup == NULL)
    return FALSE;

  g_free (followup->status);
  followup->status = g_strdup (status);
  g_clear_pointer (&followup->completed_on, g_free);
  if (g_str_equal (status, SOFRA_FOLLOWUP_STATUS_DONE))
    followup->completed_on = sofra_gui_today ();

  updated = sofra_followup_to_json (followup);
  return sofra_store_put (store, updated, error);
}
