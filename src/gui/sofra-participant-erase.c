/* sofra-participant-erase.c — "Erase…" on the participant page: erasure on the person's request
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting a participant can be undone and leaves earlier revisions on this laptop; erasing
 * cannot: the store turns the participant, their notes and their attendance into tombstones
 * without personal data, purges the earlier revisions, and the tombstones reach every other
 * laptop at its next sync. So it asks first, plainly.
 */
#include <glib/gi18n.h>

#include "sofra-conflict-fields.h"
#include "sofra-gui-util.h"
#include "sofra-participant-erase.h"
#include "sofra-participant-page.h"
#include "sofra-store-sync.h"

struct _SofraParticipantErase
{
  AdwPreferencesGroup parent_instance;

  SofraStore *store;
};

G_DEFINE_FINAL_TYPE (SofraParticipantErase, sofra_participant_erase, ADW_TYPE_PREFERENCES_GROUP)

typedef struct
{
  SofraStore *store;
  char       *participant_id;
  GtkWidget  *parent; /* weak */
} EraseRequest;

static void
erase_request_free (gpointer data, GClosure *closure)
{
  EraseRequest *request = data;

  if (request->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (request->parent), (gpointer *) &request->parent);
  g_clear_object (&request->store);
  g_free (request->participant_id);
  g_free (request);
}

static void
on_response_cb (AdwMessageDialog *dialog, const char *response, EraseRequest *request)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *page;

  if (g_strcmp0 (response, "erase") != 0)
    return;

  /* What the page still has to save belongs to the person being erased: save it first, so
   * the erasure removes it too and nothing is written after. */
  page = request->parent ? gtk_widget_get_ancestor (request->parent, SOFRA_TYPE_PARTICIPANT_PAGE)
                         : NULL;
  if (page != NULL)
    sofra_participant_page_flush (SOFRA_PARTICIPANT_PAGE (page));
  if (!sofra_store_erase_participant (request->store, request->participant_id, &error))
    {
      if (request->parent != NULL)
        sofra_gui_show_error (request->parent, error);
      return;
    }
  if (page != NULL)
    sofra_participant_page_set_participant_id (SOFRA_PARTICIPANT_PAGE (page), NULL);
  if (request->parent != NULL)
    sofra_gui_toast (request->parent, _ ("Erased on this laptop. The other laptops erase the "
                                         "record at their next sync."));
}

void
sofra_participant_erase_confirm (GtkWidget *parent, SofraStore *store, const char *participant_id)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autofree char *who = NULL;
  g_autofree char *heading = NULL;
  EraseRequest    *request;
  GtkWidget       *dialog;
  GtkRoot         *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (SOFRA_IS_STORE (store));
  g_return_if_fail (participant_id != NULL);

  doc = sofra_store_get (store, participant_id, NULL);
  who = doc ? sofra_conflict_record_title (store, doc) : g_strdup (participant_id);
  /* Translators: %s is a participant's name or pseudonym code */
  heading = g_strdup_printf (_ ("Erase %s?"), who);
  root = gtk_widget_get_root (parent);
  dialog = adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
    _ ("Do this when the person asks to be erased. Their record, every note about them and "
       "their attendance at sessions are removed from this laptop, and from every other laptop "
       "of the organisation when it syncs. Sessions keep their other participants and their "
       "head-counts. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "erase",
                                    _ ("_Erase Everywhere"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request = g_new0 (EraseRequest, 1);
  request->store = g_object_ref (store);
  request->participant_id = g_strdup (participant_id);
  request->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &request->parent);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), request,
                         erase_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_erase_clicked_cb (GtkButton *button, SofraParticipantErase *self)
{
  GtkWidget  *page = gtk_widget_get_ancestor (GTK_WIDGET (self), SOFRA_TYPE_PARTICIPANT_PAGE);
  const char *id = page ? sofra_participant_page_get_participant_id (SOFRA_PARTICIPANT_PAGE (page))
                        : NULL;

  if (id != NULL)
    sofra_participant_erase_confirm (GTK_WIDGET (self), self->store, id);
}

static void
sofra_participant_erase_dispose (GObject *object)
{
  g_clear_object (&SOFRA_PARTICIPANT_ERASE (object)->store);

  G_OBJECT_CLASS (sofra_participant_erase_parent_class)->dispose (object);
}

static void
sofra_participant_erase_class_init (SofraParticipantEraseClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sofra_participant_erase_dispose;
}

static void
sofra_participant_erase_init (SofraParticipantErase *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Erase…"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _ ("Erasure on Request"));
  g_object_set (row, "use-markup", FALSE, "title", _ ("Erase this person everywhere"), "subtitle",
                _ ("When they ask for it: the record and the notes about them are removed on "
                   "every laptop, not just hidden"),
                NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect (button, "clicked", G_CALLBACK (on_erase_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

GtkWidget *
sofra_participant_erase_new (SofraStore *store)
{
  SofraParticipantErase *self;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  self = g_object_new (SOFRA_TYPE_PARTICIPANT_ERASE, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
