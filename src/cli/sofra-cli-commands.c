/* sofra-cli-commands.c — sofra-cli's list, export, import and check commands
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sofra-cli.h"
#include "sofra-demo-data.h"
#include "sofra-doc-list.h"
#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-render-text.h"
#include "sofra-vocab.h"

/* ---- demo-data ----------------------------------------------------------------------- */

/* One line of the counts, the numbers in one column: printf's "%-18s" counts bytes, and a
 * translated label in Cyrillic has two bytes to a letter. */
static void
print_count (const char *label, guint n)
{
  glong width = g_utf8_strlen (label, -1);

  g_print ("  %s%*s %u\n", label, (int) MAX (18 - width, 0), "", n);
}

int
sofra_cli_demo_data (const SofraCliOptions *options, char **args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  SofraDemoCounts  counts;

  store = sofra_cli_open_store (options, TRUE, NULL, &error);
  if (store == NULL)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }

  if (!options->force && sofra_store_count (store, SOFRA_TYPE_SESSION) > 0)
    {
      sofra_cli_print_error (_ ("“%s” already has sessions; add the sample data anyway with "
                                "--force"),
                             sofra_store_get_path (store));
      return SOFRA_CLI_EXIT_FAILURE;
    }

  if (!sofra_demo_data_add (store, SOFRA_DEMO_DATA_SEED, today, &counts, &error))
    {
      sofra_cli_print_error (_ ("Cannot add the sample data: %s"), error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }

  g_print ("%s\n", _ ("Added sample data:"));
  print_count (_ ("Offices"), counts.offices);
  print_count (_ ("Sessions"), counts.sessions);
  print_count (_ ("Participants"), counts.participants);
  print_count (_ ("Attendance"), counts.attendance);
  print_count (_ ("Notes"), counts.notes);
  print_count (_ ("Follow-ups"), counts.followups);
  return EXIT_SUCCESS;
}

/* ---- list ---------------------------------------------------------------------------- */

/* Appends @text and a tab, as one field of a tab-separated line: tabs and line breaks typed
 * into a title would otherwise split it. An absent value is an empty field. */
static void
append_field (GString *line, const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
  g_string_append_c (line, '\t');
}

static const char *
place_name (SofraStore *store, GHashTable *cache, const char *place_id)
{
  char *name;

  if (place_id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (cache, place_id, NULL, (gpointer *) &name))
    return name;

  name = sofra_render_place_name (store, place_id, NULL);
  g_hash_table_insert (cache, g_strdup (place_id), name);
  return name;
}

static void
format_session (SofraStore *store, GHashTable *places, SofraDocItem *item, GString *line)
{
  g_autoptr (SofraSession) session = sofra_session_from_json (sofra_doc_item_get_doc (item), NULL);

  if (session == NULL)
    return;

  append_field (line, session->date);
  append_field (line, session->title);
  append_field (line,
                session->online ? _ ("Online") : place_name (store, places, session->place_id));
  append_field (line, sofra_vocab_label (SOFRA_VOCAB_SESSION_STATUS, session->status));
}

static void
format_participant (SofraStore *store, GHashTable *places, SofraDocItem *item, GString *line)
{
  g_autoptr (SofraParticipant) participant = NULL;
  g_autofree char *shown = NULL;

  participant = sofra_participant_from_json (sofra_doc_item_get_doc (item), NULL);
  if (participant == NULL)
    return;

  shown = sofra_render_participant_line (participant);
  append_field (line, participant->code);
  append_field (line, shown);
  append_field (line, place_name (store, places, participant->municipality));
}

static void
format_followup (SofraStore *store, GHashTable *places, SofraDocItem *item, GString *line)
{
  g_autoptr (SofraFollowUp)
    followup = sofra_followup_from_json (sofra_doc_item_get_doc (item), NULL);
  g_autofree char *status = NULL;

  if (followup == NULL)
    return;

  if (sofra_doc_item_get_overdue (item))
    /* Translators: a follow-up's status, e.g. "Open, overdue" */
    status = g_strdup_printf (_ ("%s, overdue"),
                              sofra_vocab_label (SOFRA_VOCAB_FOLLOWUP_STATUS, followup->status));
  else
    status = g_strdup (sofra_vocab_label (SOFRA_VOCAB_FOLLOWUP_STATUS, followup->status));

  append_field (line, followup->due_date);
  append_field (line, status);
  append_field (line, sofra_vocab_label (SOFRA_VOCAB_PRIORITY, followup->priority));
  append_field (line, followup->what);
  append_field (line, followup->owner);
}

int
sofra_cli_list (const SofraCliOptions *options, char **args)
{
  static const struct
  {
    const char      *what;
    SofraDocListKind kind;
    void (*format) (SofraStore *, GHashTable *, SofraDocItem *, GString *);
  } lists[] = {
    { "sessions", SOFRA_DOC_LIST_SESSIONS, format_session },
    { "participants", SOFRA_DOC_LIST_PARTICIPANTS, format_participant },
    { "followups", SOFRA_DOC_LIST_FOLLOWUPS, format_followup },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (SofraDocList) list = NULL;
  g_autoptr (GHashTable) places = NULL;
  g_autoptr (GString) line = NULL;
  gsize which;
  guint n_items;

  for (which = 0; which < G_N_ELEMENTS (lists); which++)
    if (g_str_equal (lists[which].what, args[0]))
      break;
  if (which == G_N_ELEMENTS (lists))
    {
      g_autofree char *message = g_strdup_printf (
        /* Translators: do not translate the words after the colon, they are typed as is */
        _ ("Cannot list “%s”: choose sessions, participants or followups"), args[0]);
      return sofra_cli_usage_error (message);
    }

  store = sofra_cli_open_store (options, FALSE, NULL, &error);
  if (store == NULL)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }

  list = sofra_doc_list_new (store, lists[which].kind);
  places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  line = g_string_new (NULL);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_truncate (line, 0);
      lists[which].format (store, places, item, line);
      if (line->len == 0)
        continue;
      /* The id last, for scripts: `sofra-cli summary` and `search` take it. */
      append_field (line, sofra_doc_item_get_id (item));
      line->str[line->len - 1] = '\n';
      if (!sofra_cli_write_stdout (line->str, line->len))
        break;
    }

  return EXIT_SUCCESS;
}

/* ---- export -------------------------------------------------------------------------- */

typedef struct
{
  FILE    *out;
  gboolean without_private;
  int      write_errno;
} ExportState;

static gboolean
is_private_note (JsonObject *doc)
{
  const char *type = json_object_get_string_member_with_default (doc, "type", NULL);
  const char *visibility = json_object_get_string_member_with_default (doc, "visibility", NULL);

  return g_strcmp0 (type, SOFRA_TYPE_NOTE) == 0 && g_strcmp0 (visibility, "private") == 0;
}

static gboolean
export_doc_cb (JsonObject *doc, gpointer user_data)
{
  ExportState *state = user_data;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (state->without_private && is_private_note (doc))
    return TRUE;

  node = json_node_init_object (json_node_alloc (), doc);
  text = sofra_json_canonical (node);
  if (text == NULL)
    {
      state->write_errno = EILSEQ;
      return FALSE;
    }
  if (fputs (text, state->out) == EOF || fputc ('\n', state->out) == EOF)
    {
      state->write_errno = errno;
      return FALSE;
    }
  return TRUE;
}

/* Opens a temporary file beside @path, mode 0600: an export holds personal data. */
static FILE *
open_temporary (const char *path, char **temp_path, GError **error)
{
  g_autofree char *template = g_strconcat (path, ".XXXXXX", NULL);
  int   fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0600);
  FILE *file;

  if (fd < 0 || (file = fdopen (fd, "w")) == NULL)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (template);
        }
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _ ("Cannot write next to “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  *temp_path = g_steal_pointer (&template);
  return file;
}

/* Flushes, syncs and closes @file, then puts it in place of @path. */
static gboolean
finish_temporary (FILE *file, const char *temp_path, const char *path, GError **error)
{
  int saved_errno = 0;

  if (fflush (file) != 0 || fsync (fileno (file)) != 0)
    saved_errno = errno;
  if (fclose (file) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (temp_path, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (temp_path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _ ("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

int
sofra_cli_export (const SofraCliOptions *options, char **args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraStore) store = NULL;
  g_autofree char *temp_path = NULL;
  ExportState      state = { stdout, options->without_private, 0 };
  gboolean         ok;

  store = sofra_cli_open_store (options, FALSE, NULL, &error);
  if (store == NULL)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }

  if (options->output != NULL && !g_str_equal (options->output, "-"))
    {
      state.out = open_temporary (options->output, &temp_path, &error);
      if (state.out == NULL)
        {
          sofra_cli_print_error ("%s", error->message);
          return SOFRA_CLI_EXIT_FAILURE;
        }
    }

  ok = sofra_store_foreach_doc (store, NULL, export_doc_cb, &state, &error);
  if (ok && state.write_errno != 0)
    {
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (state.write_errno),
                   _ ("Cannot write the export: %s"), g_strerror (state.write_errno));
      ok = FALSE;
    }

  if (temp_path != NULL)
    {
      if (!ok)
        {
          fclose (state.out);
          g_unlink (temp_path);
        }
      else
        ok = finish_temporary (state.out, temp_path, options->output, &error);
    }

  if (!ok)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* ---- import -------------------------------------------------------------------------- */

static JsonObject *
parse_line (const char *text, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode   *root;
  JsonObject *doc;

  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID, _ ("Not a JSON object"));
      return NULL;
    }

  doc = json_node_get_object (root);
  if (json_object_get_string_member_with_default (doc, "_id", NULL) == NULL ||
      json_object_get_string_member_with_default (doc, "_rev", NULL) == NULL)
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                   _ ("A document needs an “_id” and a “_rev”"));
      return NULL;
    }
  if (g_str_has_prefix (json_object_get_string_member (doc, "_id"), "_local/"))
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                   _ ("Local documents are not imported"));
      return NULL;
    }

  return json_object_ref (doc);
}

/* Stores every line of @file in the open transaction, reporting each line that fails.
 * FALSE when any line failed or the file could not be read. */
static gboolean
import_lines (SofraStore *store, FILE *file, const char *input, guint *imported)
{
  char   *buffer = NULL;
  size_t  capacity = 0;
  ssize_t length;
  guint   line_number = 0, failed = 0;
  int     read_errno;

  errno = 0;
  while ((length = getline (&buffer, &capacity, file)) >= 0)
    {
      g_autoptr (JsonObject) doc = NULL;
      g_autoptr (GError) line_error = NULL;

      line_number++;
      while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r'))
        buffer[--length] = '\0';
      if (*g_strchug (buffer) == '\0')
        continue;

      doc = parse_line (buffer, -1, &line_error);
      if (doc == NULL || !sofra_store_put_replicated (store, doc, &line_error))
        {
          /* Translators: a line of the imported file could not be stored, "line 3: …" */
          sofra_cli_print_error (_ ("line %u: %s"), line_number, line_error->message);
          failed++;
          continue;
        }
      (*imported)++;
    }
  read_errno = ferror (file) ? (errno != 0 ? errno : EIO) : 0;
  free (buffer);

  if (read_errno != 0)
    {
      sofra_cli_print_error (_ ("Cannot read “%s”: %s"), input, g_strerror (read_errno));
      return FALSE;
    }
  if (failed > 0)
    {
      sofra_cli_print_error (ngettext ("%u line could not be imported, so nothing was imported",
                                       "%u lines could not be imported, so nothing was imported",
                                       failed),
                             failed);
      return FALSE;
    }
  return TRUE;
}

int
sofra_cli_import (const SofraCliOptions *options, char **args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraStore) store = NULL;
  const char *input = args[0] != NULL ? args[0] : "-";
  gboolean    from_stdin = g_str_equal (input, "-");
  gboolean    created = FALSE, ok;
  guint       imported = 0;
  FILE       *file;

  file = from_stdin ? stdin : g_fopen (input, "re");
  if (file == NULL)
    {
      sofra_cli_print_error (_ ("Cannot read “%s”: %s"), input, g_strerror (errno));
      return SOFRA_CLI_EXIT_FAILURE;
    }

  store = sofra_cli_open_store (options, TRUE, &created, &error);
  ok = store != NULL && sofra_store_begin (store, &error);
  if (ok)
    {
      ok = import_lines (store, file, input, &imported);
      if (ok && !sofra_store_commit (store, &error))
        ok = FALSE;
      if (!ok)
        sofra_store_rollback (store);
    }
  if (!from_stdin)
    fclose (file);

  if (!ok)
    {
      if (error != NULL)
        sofra_cli_print_error ("%s", error->message);
      /* A failed import changes nothing, and that includes not leaving a new, empty file. */
      if (created)
        {
          g_autofree char *path = g_strdup (sofra_store_get_path (store));

          g_clear_object (&store);
          sofra_cli_remove_database (path);
        }
      return SOFRA_CLI_EXIT_FAILURE;
    }

  g_print (ngettext ("Imported %u document.\n", "Imported %u documents.\n", imported), imported);
  return EXIT_SUCCESS;
}

/* ---- check --------------------------------------------------------------------------- */

int
sofra_cli_check (const SofraCliOptions *options, char **args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (GString) report = g_string_new (NULL);
  gboolean ok;

  store = sofra_cli_open_store (options, FALSE, NULL, &error);
  if (store == NULL)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }

  ok = sofra_store_check (store, report, &error);
  if (ok && report->len == 0)
    g_string_append (report, _ ("No problems found.\n"));
  if (report->len > 0 && report->str[report->len - 1] != '\n')
    g_string_append_c (report, '\n');
  sofra_cli_write_stdout (report->str, report->len);

  if (!ok)
    {
      sofra_cli_print_error ("%s",
                             error != NULL ? error->message : _ ("The database has problems"));
      return SOFRA_CLI_EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
