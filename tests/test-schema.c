/* test-schema.c — the compiled GSettings schema loads and has the documented defaults
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-test-util.h"

#include <gio/gio.h>

#define SCHEMA_ID "org.sofra.Sofra"

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, SCHEMA_ID, FALSE);
  g_assert_nonnull (schema);
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/org/sofra/Sofra/");
  return g_settings_new_full (schema, NULL, NULL);
}

static void
test_defaults (void)
{
  g_autoptr (GSettings) settings = new_settings ();
  g_autofree char *staff = g_settings_get_string (settings, "staff-name");
  g_autofree char *office = g_settings_get_string (settings, "office-id");
  g_autofree char *language = g_settings_get_string (settings, "language");
  g_autofree char *script = g_settings_get_string (settings, "serbian-script");
  g_autofree char *paper = g_settings_get_string (settings, "paper-size");

  g_assert_cmpstr (staff, ==, "");
  g_assert_cmpstr (office, ==, "");
  g_assert_cmpstr (language, ==, "");
  g_assert_cmpstr (script, ==, "as-typed");
  g_assert_cmpstr (paper, ==, "a4");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_choices (void)
{
  g_autoptr (GSettings) settings = new_settings ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaKey) key = NULL;
  g_autoptr (GVariant) cyrillic = g_variant_ref_sink (g_variant_new_string ("cyrillic"));
  g_autoptr (GVariant) bogus = g_variant_ref_sink (g_variant_new_string ("bogus"));
  g_autoptr (GVariant) letter = g_variant_ref_sink (g_variant_new_string ("letter"));
  g_autoptr (GVariant) a3 = g_variant_ref_sink (g_variant_new_string ("a3"));
  g_autofree char *script = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);

  key = g_settings_schema_get_key (schema, "serbian-script");
  g_assert_true (g_settings_schema_key_range_check (key, cyrillic));
  g_assert_false (g_settings_schema_key_range_check (key, bogus));
  g_clear_pointer (&key, g_settings_schema_key_unref);

  key = g_settings_schema_get_key (schema, "paper-size");
  g_assert_true (g_settings_schema_key_range_check (key, letter));
  g_assert_false (g_settings_schema_key_range_check (key, a3));

  /* The memory backend keeps writes inside this process. */
  g_assert_true (g_settings_set_string (settings, "serbian-script", "latin"));
  script = g_settings_get_string (settings, "serbian-script");
  g_assert_cmpstr (script, ==, "latin");
}

int
main (int argc, char *argv[])
{
  sofra_test_init (&argc, &argv);

  g_test_add_func ("/schema/defaults", test_defaults);
  g_test_add_func ("/schema/choices", test_choices);

  return g_test_run ();
}
