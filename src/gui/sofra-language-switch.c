/* sofra-language-switch.c — a new interface language applies at once: the windows open again in it
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every label is translated when its widget is built, so a language cannot be swapped under
 * a living window. Instead the windows are built again: the main window saves its pending
 * changes as it closes (close-request flushes the autosaves), a new one opens in its place on
 * the same store, and the preferences open again if the person was in them.
 */
#include "sofra-language-switch.h"
#include "sofra-i18n.h"
#include "sofra-preferences-window.h"
#include "sofra-window.h"

typedef struct
{
  GtkApplication *application; /* weak */
  SofraStore     *store;
  GSettings      *settings; /* not a reference: the follower lives as long as its handler on it */
  guint           idle_id;
} Follower;

static void
follower_free (gpointer data)
{
  Follower *follower = data;

  g_clear_handle_id (&follower->idle_id, g_source_remove);
  g_clear_weak_pointer (&follower->application);
  g_clear_object (&follower->store);
  g_free (follower);
}

static void
follower_notify (gpointer data, GClosure *closure)
{
  follower_free (data);
}

GtkWindow *
sofra_language_switch_apply (GtkApplication *application,
                             SofraStore     *store,
                             GSettings      *settings,
                             const char     *language)
{
  g_autoptr (GList) windows = NULL;
  GListModel *toplevels;
  g_autoptr (GPtrArray) preferences = g_ptr_array_new ();
  GtkWindow *old_main = NULL;
  GtkWindow *new_main = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  sofra_i18n_set_language (language);

  windows = g_list_copy (gtk_application_get_windows (application));
  for (GList *w = windows; w != NULL && old_main == NULL; w = w->next)
    if (SOFRA_IS_WINDOW (w->data))
      old_main = w->data;
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SOFRA_IS_PREFERENCES_WINDOW (window))
        g_ptr_array_add (preferences, window);
    }
  if (old_main == NULL)
    return NULL;

  /* The new window first, so the application never runs out of windows and quits. */
  new_main = GTK_WINDOW (sofra_window_new (application, store, settings));
  if (gtk_window_is_maximized (old_main))
    gtk_window_maximize (new_main);
  gtk_window_present (new_main);

  for (guint i = 0; i < preferences->len; i++)
    gtk_window_destroy (g_ptr_array_index (preferences, i));
  for (GList *w = windows; w != NULL; w = w->next)
    if (SOFRA_IS_WINDOW (w->data))
      gtk_window_close (w->data);

  if (preferences->len > 0)
    gtk_window_present (GTK_WINDOW (sofra_preferences_window_new (new_main, store, settings)));
  return new_main;
}

static gboolean
apply_cb (gpointer user_data)
{
  Follower        *follower = user_data;
  g_autofree char *language = g_settings_get_string (follower->settings, "language");

  follower->idle_id = 0;
  if (follower->application != NULL)
    sofra_language_switch_apply (follower->application, follower->store, follower->settings,
                                 language);
  return G_SOURCE_REMOVE;
}

static void
on_language_changed_cb (GSettings *settings, const char *key, Follower *follower)
{
  /* Not from inside the preferences' own signal handler: they are about to be destroyed. */
  if (follower->idle_id == 0)
    follower->idle_id = g_idle_add (apply_cb, follower);
}

void
sofra_language_switch_follow (GtkApplication *application, SofraStore *store, GSettings *settings)
{
  Follower *follower;

  g_return_if_fail (GTK_IS_APPLICATION (application));
  g_return_if_fail (SOFRA_IS_STORE (store));
  g_return_if_fail (G_IS_SETTINGS (settings));

  follower = g_new0 (Follower, 1);
  g_set_weak_pointer (&follower->application, application);
  follower->store = g_object_ref (store);
  follower->settings = settings;
  g_signal_connect_data (settings, "changed::language", G_CALLBACK (on_language_changed_cb),
                         follower, follower_notify, 0);
}
