/* sofra-json.c — canonical JSON: one text for one value, for revisions and storage
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "sofra-json.h"

static gboolean write_node (GString *out, JsonNode *node);

static gboolean
write_string (GString *out, const char *s)
{
  if (!g_utf8_validate (s, -1, NULL))
    return FALSE;

  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
write_object (GString *out, JsonObject *object, gboolean skip_underscore)
{
  g_autoptr (GList) members = json_object_get_members (object);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  gboolean first = TRUE;

  for (GList *l = members; l; l = l->next)
    if (!skip_underscore || ((const char *) l->data)[0] != '_')
      g_ptr_array_add (names, l->data);
  g_ptr_array_sort (names, compare_names);

  g_string_append_c (out, '{');
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      if (!write_string (out, name))
        return FALSE;
      g_string_append_c (out, ':');
      if (!write_node (out, json_object_get_member (object, name)))
        return FALSE;
    }
  g_string_append_c (out, '}');
  return TRUE;
}

static gboolean
write_node (GString *out, JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return write_object (out, json_node_get_object (node), FALSE);

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint      n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (!write_node (out, json_array_get_element (array, i)))
              return FALSE;
          }
        g_string_append_c (out, ']');
        return TRUE;
      }

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return TRUE;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return write_string (out, json_node_get_string (node));
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          return TRUE;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          return TRUE;
        case G_TYPE_DOUBLE:
          {
            double d = json_node_get_double (node);
            char   buf[G_ASCII_DTOSTR_BUF_SIZE];

            if (!isfinite (d))
              return FALSE;
            /* Integral doubles are written as integers so 3.0 and 3 hash the same. */
            if (d == floor (d) && fabs (d) < 9007199254740992.0)
              g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) d);
            else
              g_string_append (out, g_ascii_dtostr (buf, sizeof buf, d));
            return TRUE;
          }
        default:
          return FALSE;
        }
    }
  return FALSE;
}

char *
sofra_json_canonical (JsonNode *node)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  if (!write_node (out, node))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sofra_json_canonical_body (JsonObject *doc)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (doc != NULL, NULL);

  if (!write_object (out, doc, TRUE))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

JsonObject *
sofra_json_parse_object (const char *text, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "Text is not valid UTF-8");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "Not a JSON object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

char *
sofra_json_to_string (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

JsonObject *
sofra_json_object_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
sofra_json_array_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

void
sofra_json_copy_members (JsonObject *to, JsonObject *from)
{
  g_autoptr (GList) members = json_object_get_members (from);

  for (GList *l = members; l; l = l->next)
    json_object_set_member (to, l->data, json_node_copy (json_object_get_member (from, l->data)));
}
