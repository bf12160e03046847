/* sofra-preferences-window.c — who am I on this laptop: staff name and office
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-gui-util.h"
#include "sofra-place-chooser.h"
#include "sofra-preferences-window.h"
#include "sofra-records.h"
#include "sofra-sync-preferences-page.h"
#include "sofra-window-sync.h"

struct _SofraPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  SofraStore *store;
  GSettings  *settings;
  GPtrArray  *office_ids; /* parallel to the office row's model; [0] is "" (no office) */
  gboolean    filling;

  AdwEntryRow  *staff_row;
  AdwComboRow  *office_row;
  AdwActionRow *new_office_row;
  AdwComboRow  *language_row;

  GtkWidget *office_name_entry;
  GtkWidget *office_place;
};

G_DEFINE_FINAL_TYPE (SofraPreferencesWindow, sofra_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The interface languages, each named in itself. */
static const struct
{
  const char *id;
  const char *name;
} languages[] = {
  { "", NULL }, /* the system's language */
  { "en", "English" }, { "sq", "Shqip" }, { "sr", "Српски" }, { "sr@latin", "Srpski" },
};

typedef struct
{
  char *id;
  char *name;
} OfficeEntry;

static void
office_entry_free (gpointer data)
{
  OfficeEntry *entry = data;

  g_free (entry->id);
  g_free (entry->name);
  g_free (entry);
}

static gboolean
collect_office_cb (JsonObject *doc, gpointer user_data)
{
  GPtrArray *entries = user_data;
  g_autoptr (SofraOffice) office = sofra_office_from_json (doc, NULL);
  OfficeEntry *entry;

  if (office == NULL || office->meta.id == NULL)
    return TRUE;
  entry = g_new0 (OfficeEntry, 1);
  entry->id = g_strdup (office->meta.id);
  entry->name = g_strdup (office->name);
  g_ptr_array_add (entries, entry);
  return TRUE;
}

static int
compare_offices (gconstpointer a, gconstpointer b)
{
  const OfficeEntry *x = *(const OfficeEntry **) a;
  const OfficeEntry *y = *(const OfficeEntry **) b;

  return g_utf8_collate (x->name != NULL ? x->name : "", y->name != NULL ? y->name : "");
}

static void
fill_offices (SofraPreferencesWindow *self)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (office_entry_free);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *current = g_settings_get_string (self->settings, "office-id");
  guint            selected = 0;

  if (!sofra_store_foreach_doc (self->store, SOFRA_TYPE_OFFICE, collect_office_cb, entries, &error))
    g_warning ("Cannot list offices: %s", error->message);
  g_ptr_array_sort (entries, compare_offices);

  g_clear_pointer (&self->office_ids, g_ptr_array_unref);
  self->office_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _ ("No office"));
  g_ptr_array_add (self->office_ids, g_strdup (""));
  for (guint i = 0; i < entries->len; i++)
    {
      OfficeEntry *entry = g_ptr_array_index (entries, i);

      gtk_string_list_append (names, entry->name);
      g_ptr_array_add (self->office_ids, g_strdup (entry->id));
      if (g_strcmp0 (entry->id, current) == 0)
        selected = self->office_ids->len - 1;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->office_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->office_row, selected);
  self->filling = FALSE;
}

static void
on_office_selected_cb (AdwComboRow *row, GParamSpec *pspec, SofraPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->office_ids == NULL || selected >= self->office_ids->len)
    return;
  g_settings_set_string (self->settings, "office-id",
                         g_ptr_array_index (self->office_ids, selected));
}

static void
on_language_selected_cb (AdwComboRow *row, GParamSpec *pspec, SofraPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= G_N_ELEMENTS (languages))
    return;
  g_settings_set_string (self->settings, "language", languages[selected].id);
}

static void
on_staff_changed_cb (GtkEditable *editable, SofraPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (self->filling)
    return;
  g_settings_set_string (self->settings, "staff-name", name);
}

static void
on_new_office_response_cb (AdwMessageDialog       *dialog,
                           const char             *response,
                           SofraPreferencesWindow *self)
{
  g_autoptr (SofraOffice) office = NULL;
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->office_name_entry))));
  if (*name == '\0')
    return;

  office = sofra_office_new ();
  office->name = g_steal_pointer (&name);
  office->place_id = g_strdup (
    sofra_place_chooser_get_place_id (SOFRA_PLACE_CHOOSER (self->office_place)));
  doc = sofra_office_to_json (office);
  if (!sofra_store_put (self->store, doc, &error))
    {
      sofra_gui_show_error (GTK_WIDGET (self), error);
      return;
    }

  g_settings_set_string (self->settings, "office-id", json_object_get_string_member (doc, "_id"));
  fill_offices (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_ ("Office added")));
}

static void
on_office_name_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

static void
on_new_office_activated_cb (AdwActionRow *row, SofraPreferencesWindow *self)
{
  GtkWidget *dialog, *box, *place_box, *place_label;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("New Office"),
                                   _ ("Offices are shared with the whole organisation."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "add",
                                    _ ("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->office_name_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->office_name_entry), _ ("Office name"));
  gtk_entry_set_activates_default (GTK_ENTRY (self->office_name_entry), TRUE);
  self->office_place = sofra_place_chooser_new (self->store);
  place_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  place_label = gtk_label_new_with_mnemonic (_ ("_Place"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (place_label), self->office_place);
  gtk_widget_set_hexpand (place_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (place_label), 0);
  gtk_box_append (GTK_BOX (place_box), place_label);
  gtk_box_append (GTK_BOX (place_box), self->office_place);
  gtk_box_append (GTK_BOX (box), self->office_name_entry);
  gtk_box_append (GTK_BOX (box), place_box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect (self->office_name_entry, "changed", G_CALLBACK (on_office_name_changed_cb),
                    dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_office_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_languages (SofraPreferencesWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "language");
  guint            selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      /* Translators: the interface language is the system's */
      gtk_string_list_append (names, languages[i].name != NULL
                                       ? languages[i].name
                                       : C_ ("interface language", "System"));
      if (g_strcmp0 (languages[i].id, current) == 0)
        selected = i;
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
  self->filling = FALSE;
}

static void
sofra_preferences_window_constructed (GObject *object)
{
  SofraPreferencesWindow *self = SOFRA_PREFERENCES_WINDOW (object);
  g_autofree char        *staff = NULL;

  G_OBJECT_CLASS (sofra_preferences_window_parent_class)->constructed (object);

  g_assert (SOFRA_IS_STORE (self->store));
  g_assert (G_IS_SETTINGS (self->settings));

  staff = g_settings_get_string (self->settings, "staff-name");
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->staff_row), staff);
  self->filling = FALSE;
  fill_offices (self);
  fill_languages (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (
                               gtk_widget_get_ancestor (GTK_WIDGET (self->language_row),
                                                        ADW_TYPE_PREFERENCES_GROUP)),
                             sofra_gui_script_row_new (self->settings));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (sofra_sync_preferences_page_new (
                                self->store, self->settings,
                                sofra_window_get_sync_controller (
                                  gtk_window_get_transient_for (GTK_WINDOW (self))))));

  g_signal_connect (self->staff_row, "changed", G_CALLBACK (on_staff_changed_cb), self);
  g_signal_connect (self->office_row, "notify::selected", G_CALLBACK (on_office_selected_cb), self);
  g_signal_connect (self->language_row, "notify::selected", G_CALLBACK (on_language_selected_cb),
                    self);
  g_signal_connect (self->new_office_row, "activated", G_CALLBACK (on_new_office_activated_cb),
                    self);
}

static void
sofra_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SofraPreferencesWindow *self = SOFRA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SofraPreferencesWindow *self = SOFRA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_preferences_window_dispose (GObject *object)
{
  SofraPreferencesWindow *self = SOFRA_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SOFRA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sofra_preferences_window_parent_class)->dispose (object);
}

static void
sofra_preferences_window_finalize (GObject *object)
{
  SofraPreferencesWindow *self = SOFRA_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->office_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sofra_preferences_window_parent_class)->finalize (object);
}

static void
sofra_preferences_window_class_init (SofraPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sofra_preferences_window_constructed;
  object_class->get_property = sofra_preferences_window_get_property;
  object_class->set_property = sofra_preferences_window_set_property;
  object_class->dispose = sofra_preferences_window_dispose;
  object_class->finalize = sofra_preferences_window_finalize;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sofra_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, SOFRA_GUI_RESOURCE_PATH
                                               "/sofra-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SofraPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, SofraPreferencesWindow, office_row);
  gtk_widget_class_bind_template_child (widget_class, SofraPreferencesWindow, new_office_row);
  gtk_widget_class_bind_template_child (widget_class, SofraPreferencesWindow, language_row);
}

static void
sofra_preferences_window_init (SofraPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sofra_preferences_window_new (GtkWindow *parent, SofraStore *store, GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SOFRA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "store", store,
                       "settings", settings, NULL);
}
