/* sofra-gui-util-script.c — sofra-gui-util's record text in the reader's chosen script
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The helpers declared in sofra-gui-util.h under "Record text in the script the reader chose":
 * every label or row property set through them remembers the stored text, so a change of the
 * "serbian-script" setting shows all of them again at once. The stored text never changes.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "sofra-gui-util.h"

/* ---- Serbian record text in the reader's script ---------------------------------------- */

#define RECORD_TEXT_KEY "sofra-record-text"

typedef struct
{
  char *before; /* interface text around the record text, shown as it is */
  char *stored;
  char *after;
  char *shown; /* what was set last: when the property no longer holds it, someone else set it */
} RecordText;

static SofraScript record_script = SOFRA_SCRIPT_AS_TYPED;
static GHashTable *record_objects; /* GObject * with RECORD_TEXT_KEY data */

static void
record_text_free (gpointer data)
{
  RecordText *rt = data;

  g_free (rt->before);
  g_free (rt->stored);
  g_free (rt->after);
  g_free (rt->shown);
  g_free (rt);
}

static gboolean
property_takes_markup (GObject *object, const char *property)
{
  if (GTK_IS_LABEL (object))
    return g_str_equal (property, "label") && gtk_label_get_use_markup (GTK_LABEL (object));
  if (ADW_IS_PREFERENCES_ROW (object))
    return (g_str_equal (property, "title") || g_str_equal (property, "subtitle")) &&
           adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (object));
  return FALSE;
}

static void
record_text_apply (GObject *object, const char *property, RecordText *rt)
{
  g_autofree char *record = sofra_translit_for_script (rt->stored, record_script);
  g_autofree char *text = g_strconcat (rt->before ? rt->before : "", record,
                                       rt->after ? rt->after : "", NULL);

  g_free (rt->shown);
  if (property_takes_markup (object, property))
    rt->shown = g_markup_escape_text (text, -1);
  else
    rt->shown = g_steal_pointer (&text);
  g_object_set (object, property, rt->shown, NULL);
}

static void
on_record_object_finalized (gpointer data, GObject *where_the_object_was)
{
  if (record_objects != NULL)
    g_hash_table_remove (record_objects, where_the_object_was);
}

/* Shows every tracked text again in the current script; drops the ones whose property was set
 * by other code since (an "Untitled session" put in place of a title). */
static void
record_texts_reapply (void)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer       object;

  if (record_objects == NULL)
    return;
  /* Setting a property may run code that adds or drops tracked objects: walk a copy. */
  g_hash_table_iter_init (&iter, record_objects);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    g_ptr_array_add (objects, g_object_ref (object));

  for (guint i = 0; i < objects->len; i++)
    {
      GHashTable    *texts = g_object_get_data (objects->pdata[i], RECORD_TEXT_KEY);
      GHashTableIter t;
      gpointer       property, rt;

      g_hash_table_iter_init (&t, texts);
      while (g_hash_table_iter_next (&t, &property, &rt))
        {
          g_autofree char *current = NULL;

          g_object_get (objects->pdata[i], property, &current, NULL);
          if (g_strcmp0 (current, ((RecordText *) rt)->shown) != 0)
            g_hash_table_iter_remove (&t);
          else
            record_text_apply (objects->pdata[i], property, rt);
        }
    }
}

static void
on_serbian_script_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  g_autofree char *name = g_settings_get_string (settings, "serbian-script");
  SofraScript      script = sofra_script_from_string (name);

  if (script == record_script)
    return;
  record_script = script;
  record_texts_reapply ();
}

void
sofra_gui_follow_serbian_script (GSettings *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  on_serbian_script_changed_cb (settings, NULL, NULL);
  g_signal_connect (settings, "changed::serbian-script", G_CALLBACK (on_serbian_script_changed_cb),
                    NULL);
}

SofraScript
sofra_gui_serbian_script (void)
{
  return record_script;
}

char *
sofra_gui_record_text (const char *text)
{
  return sofra_translit_for_script (text != NULL ? text : "", record_script);
}

void
sofra_gui_set_record_text_full (gpointer    object,
                                const char *property,
                                const char *before,
                                const char *text,
                                const char *after)
{
  GHashTable *texts;
  RecordText *rt;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);

  texts = g_object_get_data (object, RECORD_TEXT_KEY);
  if (texts == NULL)
    {
      texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, record_text_free);
      g_object_set_data_full (object, RECORD_TEXT_KEY, texts, (GDestroyNotify) g_hash_table_unref);
      if (record_objects == NULL)
        record_objects = g_hash_table_new (NULL, NULL);
      g_hash_table_add (record_objects, object);
      g_object_weak_ref (object, on_record_object_finalized, NULL);
    }

  rt = g_new0 (RecordText, 1);
  rt->before = g_strdup (before);
  rt->stored = g_strdup (text != NULL ? text : "");
  rt->after = g_strdup (after);
  g_hash_table_replace (texts, (gpointer) g_intern_string (property), rt);
  record_text_apply (object, property, rt);
}

static gboolean
script_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_uint (value, sofra_script_from_string (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
script_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected > SOFRA_SCRIPT_CYRILLIC)
    return NULL;
  return g_variant_new_string (sofra_script_to_string ((SofraScript) selected));
}

GtkWidget *
sofra_gui_script_row_new (GSettings *settings)
{
  /* In the order of SofraScript. */
  const char *const names[] = {
    /* Translators: how Serbian text in records is shown: as it was typed */
    C_ ("serbian script", "As typed"),
    /* Translators: how Serbian text in records is shown: in Latin script */
    C_ ("serbian script", "Latin"),
    /* Translators: how Serbian text in records is shown: in Cyrillic script */
    C_ ("serbian script", "Cyrillic"),
    NULL,
  };
  GtkWidget *row = adw_combo_row_new ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Show Serbian text in"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _ ("Names, places and notes in lists and pages, at once. What is "
                                  "stored, and what you edit, stays as it was typed."));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (names)));
  gtk_widget_set_name (row, "serbian-script-row");
  g_settings_bind_with_mapping (settings, "serbian-script", row, "selected",
                                G_SETTINGS_BIND_DEFAULT, script_get_mapping, script_set_mapping,
                                NULL, NULL);
  return row;
}

void
sofra_gui_set_record_place (gpointer    object,
                            const char *property,
                            const char *before,
                            const char *place,
                            const char *after)
{
  const char      *language = sofra_gui_language ();
  const char      *slash = place != NULL ? strrchr (place, '/') : NULL;
  g_autofree char *fixed = NULL;

  /* An Albanian name is not Serbian text; in English a Kosovo place is "Albanian/Serbian". */
  if (place != NULL && g_str_equal (language, "sq"))
    {
      fixed = g_strconcat (before != NULL ? before : "", place, NULL);
      place = NULL;
    }
  else if (slash != NULL && g_str_equal (language, "en"))
    {
      g_autofree char *albanian = g_strndup (place, slash + 1 - place);
      fixed = g_strconcat (before != NULL ? before : "", albanian, NULL);
      place = slash + 1;
    }
  sofra_gui_set_record_text_full (object, property, fixed != NULL ? fixed : before, place, after);
}

void
sofra_gui_set_record_text (gpointer object, const char *property, const char *text)
{
  sofra_gui_set_record_text_full (object, property, NULL, text, NULL);
}

void
sofra_gui_set_record_text_format (gpointer    object,
                                  const char *property,
                                  const char *format,
                                  const char *text)
{
  const char      *at = strstr (format, "%s");
  g_autofree char *before = NULL;

  if (at == NULL)
    {
      g_object_set (object, property, format, NULL);
      return;
    }
  before = g_strndup (format, at - format);
  sofra_gui_set_record_text_full (object, property, before, text, at + 2);
}
