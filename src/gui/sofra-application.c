/* sofra-application.c — the application: options, the store, app-wide actions
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-application.h"
#include "sofra-first-frame.h"
#include "sofra-gtk-words.h"
#include "sofra-gui-util.h"
#include "sofra-i18n.h"
#include "sofra-language-switch.h"
#include "sofra-preferences-window.h"
#include "sofra-window.h"

struct _SofraApplication
{
  AdwApplication parent_instance;

  char       *database_path;
  SofraStore *store;
  GSettings  *settings;
  gboolean    failed;
};

G_DEFINE_FINAL_TYPE (SofraApplication, sofra_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_ ("The database file to open instead of the usual one"), N_ ("PATH") },
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and quit"),
    NULL },
  { NULL }
};

static void
on_error_response_cb (AdwMessageDialog *dialog, const char *response, SofraApplication *self)
{
  g_application_quit (G_APPLICATION (self));
}

/* The database cannot be opened: say why and quit. The file is left as it is. */
/* The database cannot be opened: say why and quit. The store never touches such a file, and
 * its message says so. */
static void
show_open_error (SofraApplication *self, const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _ ("Cannot Open the Database"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _ ("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_store (SofraApplication *self)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) seed_error = NULL;

  if (self->store != NULL)
    return TRUE;

  path = self->database_path != NULL ? g_strdup (self->database_path) : sofra_store_default_path ();
  self->store = sofra_store_open (path, &error);
  if (self->store == NULL)
    {
      g_warning ("Cannot open %s: %s", path, error->message);
      show_open_error (self, error);
      return FALSE;
    }

  if (!sofra_store_seed_places (self->store, &seed_error))
    g_warning ("Cannot add the places of the gazetteer: %s", seed_error->message);

  sofra_gui_follow_author (self->store, self->settings);
  sofra_language_switch_follow (GTK_APPLICATION (self), self->store, self->settings);
  return TRUE;
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SofraApplication *self = user_data;
  g_autoptr (GList) windows = NULL;

  /* Closing each window flushes its autosaves before the loop stops. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *w = windows; w != NULL; w = w->next)
    gtk_window_close (GTK_WINDOW (w->data));
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SofraApplication *self = user_data;
  GtkWindow        *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget        *window;

  if (self->store == NULL)
    return;

  window = sofra_preferences_window_new (parent, self->store, self->settings);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SofraApplication  *self = user_data;
  static const char *developers[] = { "The Sofra developers", NULL };
  GtkWindow         *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget         *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "application-name",
                        _ ("Sofra"), "application-icon", SOFRA_APP_ID, "version", SOFRA_VERSION,
                        "developer-name", _ ("The Sofra developers"), "developers", developers,
                        "copyright", "© 2026 The Sofra developers", "license-type",
                        GTK_LICENSE_GPL_3_0, "comments",
                        _ ("Log dialogue sessions between communities, follow up "
                           "on commitments and report to donors"),
                        "translator-credits", _ ("translator-credits"), NULL);
  sofra_gtk_words_fill_in (about);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static int
sofra_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  SofraApplication *self = SOFRA_APPLICATION (app);
  const char       *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "sofra", SOFRA_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path != NULL && *path)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

      self->database_path = g_file_get_path (file);
      /* Another database is another application instance, not a window of the usual one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static GSettings *create_settings (void);

static void
sofra_application_startup (GApplication *app)
{
  SofraApplication  *self = SOFRA_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (sofra_application_parent_class)->startup (app);

  self->settings = create_settings ();
  if (self->settings == NULL)
    g_error ("The settings schema %s is not installed", SOFRA_APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
}

static void
sofra_application_activate (GApplication *app)
{
  SofraApplication *self = SOFRA_APPLICATION (app);
  GtkWindow        *window;

  if (self->failed)
    return;
  if (!open_store (self))
    {
      self->failed = TRUE;
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      g_autofree char *staff_name = g_settings_get_string (self->settings, "staff-name");

      window = GTK_WINDOW (sofra_window_new (GTK_APPLICATION (self), self->store, self->settings));
      /* Every record carries the name of who changed it last; ask for it on a new laptop. */
      if (*g_strstrip (staff_name) == '\0')
        {
          AdwToast *toast = adw_toast_new (_ ("Add your name, so colleagues know who wrote what"));

          adw_toast_set_button_label (toast, _ ("_Preferences"));
          adw_toast_set_action_name (toast, "app.preferences");
          adw_toast_set_timeout (toast, 0);
          sofra_window_add_toast (SOFRA_WINDOW (window), toast);
        }
      sofra_first_frame_report_if_asked (GTK_WIDGET (window));
    }
  gtk_window_present (window);
}

static void
sofra_application_dispose (GObject *object)
{
  SofraApplication *self = SOFRA_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sofra_application_parent_class)->dispose (object);
}

static void
sofra_application_finalize (GObject *object)
{
  SofraApplication *self = SOFRA_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (sofra_application_parent_class)->finalize (object);
}

static void
sofra_application_class_init (SofraApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sofra_application_dispose;
  object_class->finalize = sofra_application_finalize;
  app_class->handle_local_options = sofra_application_handle_local_options;
  app_class->startup = sofra_application_startup;
  app_class->activate = sofra_application_activate;
}

static void
sofra_application_init (SofraApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _ ("Log dialogue sessions between communities."));
}

/* The settings, from the installed schema or, when Sofra runs from its build directory (the
 * README's first command), from the schema compiled there. NULL when neither exists. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchemaSource) build_source = NULL;
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SOFRA_APP_ID, TRUE);
  if (schema == NULL &&
      (build_source = g_settings_schema_source_new_from_directory (SOFRA_BUILD_SCHEMADIR, source,
                                                                   FALSE, NULL)))
    schema = g_settings_schema_source_lookup (build_source, SOFRA_APP_ID, FALSE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* The interface language chosen in the preferences, read before anything is translated. */
static char *
language_setting (void)
{
  g_autoptr (GSettings) settings = create_settings ();

  return settings != NULL ? g_settings_get_string (settings, "language") : NULL;
}

SofraApplication *
sofra_application_new (void)
{
  g_autofree char *language = language_setting ();

  sofra_i18n_init (language);

  g_set_application_name (_ ("Sofra"));

  return g_object_new (SOFRA_TYPE_APPLICATION, "application-id", SOFRA_APP_ID, "flags",
                       G_APPLICATION_DEFAULT_FLAGS, "resource-base-path", "/org/sofra/Sofra", NULL);
}

SofraStore *
sofra_application_get_store (SofraApplication *self)
{
  g_return_val_if_fail (SOFRA_IS_APPLICATION (self), NULL);

  return self->store;
}

GSettings *
sofra_application_get_settings (SofraApplication *self)
{
  g_return_val_if_fail (SOFRA_IS_APPLICATION (self), NULL);

  return self->settings;
}
