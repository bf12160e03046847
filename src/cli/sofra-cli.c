/* sofra-cli.c — sofra-cli: the database from a terminal, a script or cron, without GTK
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sofra-cli.h"
#include "sofra-i18n.h"

typedef enum
{
  OPTION_FORCE = 1 << 0,
  OPTION_OUTPUT = 1 << 1,
  OPTION_WITHOUT_PRIVATE = 1 << 2,
  OPTION_SUMMARY = 1 << 3,
  OPTION_SYNC = 1 << 4,
  OPTION_SEARCH = 1 << 5,
} OptionFlags;

typedef struct
{
  const char *name;
  guint       min_args;
  guint       max_args;
  OptionFlags options; /* the command-specific options this command takes */
  int (*run) (const SofraCliOptions *options, char **args);
} Command;

static const Command commands[] = {
  { "demo-data", 0, 0, OPTION_FORCE, sofra_cli_demo_data },
  { "list", 1, 1, 0, sofra_cli_list },
  { "export", 0, 0, OPTION_OUTPUT | OPTION_WITHOUT_PRIVATE, sofra_cli_export },
  { "import", 0, 1, 0, sofra_cli_import },
  { "check", 0, 0, 0, sofra_cli_check },
  { "summary", 0, G_MAXUINT, OPTION_SUMMARY, sofra_cli_summary },
  { "sync", 0, 0, OPTION_SYNC, sofra_cli_sync },
  { "search", 1, G_MAXUINT, OPTION_SEARCH, sofra_cli_search },
};

void
sofra_cli_print_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("sofra-cli: %s\n", message);
}

gboolean
sofra_cli_write_stdout (const char *text, gsize length)
{
  return fwrite (text, 1, length, stdout) == length;
}

SofraStore *
sofra_cli_open_store (const SofraCliOptions *options,
                      gboolean               create,
                      gboolean              *created,
                      GError               **error)
{
  g_autofree char *default_path = NULL;
  const char      *path = options->database;
  SofraStore      *store;
  gboolean         existed;

  if (path == NULL)
    {
      default_path = sofra_store_default_path ();
      path = default_path;
    }

  if (created != NULL)
    *created = FALSE;
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!existed)
    {
      if (!create)
        {
          g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_FOUND,
                       _ ("There is no database at “%s”"), path);
          return NULL;
        }
      if (default_path != NULL)
        {
          g_autofree char *folder = g_path_get_dirname (path);

          if (g_mkdir_with_parents (folder, 0700) != 0)
            {
              int saved_errno = errno;

              g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_IO,
                           _ ("Cannot create the folder “%s”: %s"), folder,
                           g_strerror (saved_errno));
              return NULL;
            }
        }
    }

  store = sofra_store_open (path, error);
  if (store != NULL && created != NULL)
    *created = !existed;
  return store;
}

void
sofra_cli_remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
sofra_cli_usage_error (const char *message)
{
  sofra_cli_print_error ("%s", message);
  g_printerr (_ ("Try “%s --help” for more information."), "sofra-cli");
  g_printerr ("\n");
  return SOFRA_CLI_EXIT_USAGE;
}

static const Command *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static int
check_options (const Command *command, const SofraCliOptions *options)
{
  struct
  {
    OptionFlags flag;
    gboolean    given;
    const char *name;
  } checks[] = {
    { OPTION_FORCE, options->force, "--force" },
    { OPTION_OUTPUT, options->output != NULL, "--output" },
    { OPTION_WITHOUT_PRIVATE, options->without_private, "--without-private" },
    { OPTION_SUMMARY, options->pdf != NULL, "--pdf" },
    { OPTION_SUMMARY, options->language != NULL, "--lang" },
    { OPTION_SUMMARY, options->bilingual, "--bilingual" },
    { OPTION_SUMMARY | OPTION_SEARCH, options->from != NULL, "--from" },
    { OPTION_SUMMARY | OPTION_SEARCH, options->to != NULL, "--to" },
    { OPTION_SUMMARY, options->paper != NULL, "--paper" },
    { OPTION_SUMMARY, options->script != NULL, "--script" },
    { OPTION_SUMMARY, options->organisation != NULL, "--organisation" },
    { OPTION_SYNC, sofra_cli_sync_options_given (), "--server/--db/--user" },
    { OPTION_SEARCH, sofra_cli_search_options_given (),
      "--kind/--session-kind/--community/--municipality/--topic/--status/--limit" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (checks); i++)
    if (checks[i].given && (command->options & checks[i].flag) == 0)
      {
        /* Translators: the first %s is an option, the second a command, "--force" and
         * "list" */
        g_autofree char *message = g_strdup_printf (_ ("The option %s does not go with %s"),
                                                    checks[i].name, command->name);
        return sofra_cli_usage_error (message);
      }
  return 0;
}

static char *
make_summary (void)
{
  GString *summary = g_string_new (_ ("Commands:"));

  g_string_append_c (summary, '\n');
  /* Translators: the command names (demo-data, list, sessions, …) are typed as they are */
  g_string_append_printf (summary, "  demo-data         %s\n",
                          _ ("Add realistic sample data (refused if sessions exist, "
                             "unless --force)"));
  g_string_append_printf (summary, "  list sessions     %s\n",
                          _ ("List the sessions, newest first"));
  g_string_append_printf (summary, "  list participants %s\n", _ ("List the participants by name"));
  g_string_append_printf (summary, "  list followups    %s\n",
                          _ ("List the follow-ups, open ones first"));
  g_string_append_printf (summary, "  export            %s\n",
                          _ ("Write every document as JSON lines"));
  g_string_append_printf (summary, "  import [FILE|-]   %s\n",
                          _ ("Read JSON lines, all or nothing"));
  g_string_append_printf (summary, "  check             %s\n", _ ("Check the database for damage"));
  g_string_append_printf (summary, "  summary ID… --pdf FILE\n                    %s\n",
                          _ ("Write the summaries of these sessions as one PDF"));
  g_string_append_printf (summary,
                          "  summary --from DATE --to DATE --pdf FILE\n                    %s",
                          _ ("Write a PDF of every session in the period"));
  g_string_append_printf (summary, "\n  sync --server URL --db NAME [--user USER]\n%20s%s", "",
                          _ ("Send this database's changes to the server and receive its own"));
  g_string_append_printf (summary,
                          "\n  search QUERY [--kind KINDS] [--from DATE] [--to DATE] …\n%20s%s", "",
                          _ ("Find records in any script or spelling: Mitrovica, Mitrovicë and "
                             "Митровица alike"));
  return g_string_free (summary, FALSE);
}

int
main (int argc, char *argv[])
{
  SofraCliOptions  options = { 0 };
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *language = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *script = NULL;
  g_autofree char *organisation = NULL;
  gboolean         version = FALSE;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  const Command   *command;
  int              status;

  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_ ("The database to use instead of the default one"), N_ ("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &options.force,
      N_ ("demo-data: add the sample data even when the database has sessions"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("export: write to FILE instead of the standard output"), N_ ("FILE") },
    { "without-private", 0, 0, G_OPTION_ARG_NONE, &options.without_private,
      N_ ("export: leave out private notes"), NULL },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_ ("summary: the PDF file to write"),
      N_ ("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language,
      N_ ("summary: the document's language, sq, sr, sr@latin or en"), N_ ("LANGUAGE") },
    { "bilingual", 0, 0, G_OPTION_ARG_NONE, &options.bilingual,
      N_ ("summary: Albanian and Serbian labels side by side"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_ ("summary, search: every session from this day (YYYY-MM-DD)"), N_ ("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_ ("summary, search: every session up to this day (YYYY-MM-DD)"), N_ ("DATE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_ ("summary: a4 (the default) or letter"),
      N_ ("SIZE") },
    { "script", 0, 0, G_OPTION_ARG_STRING, &script,
      N_ ("summary: Serbian text of the records as-typed, latin or cyrillic"), N_ ("SCRIPT") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_ ("summary: the organisation's name for the header"), N_ ("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_ ("Show the version and quit"), NULL },
    { NULL }
  };

  sofra_i18n_init (NULL);
  g_set_prgname ("sofra-cli");

  context = g_option_context_new (_ ("COMMAND [ARGUMENT…]"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, sofra_cli_sync_entries (), GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, sofra_cli_search_entries (), GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  summary = make_summary ();
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, _ ("Without --database the database of the Sofra "
                                                "application is used. An export holds names and "
                                                "private notes: keep it as safe as the database."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sofra_cli_usage_error (error->message);
  options.database = database;
  options.output = output;
  options.pdf = pdf;
  options.language = language;
  options.from = from;
  options.to = to;
  options.paper = paper;
  options.script = script;
  options.organisation = organisation;

  if (version)
    {
      g_print ("sofra-cli %s\n", SOFRA_VERSION);
      return EXIT_SUCCESS;
    }

  if (argc < 2)
    return sofra_cli_usage_error (_ ("No command given"));

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Unknown command “%s”"), argv[1]);
      return sofra_cli_usage_error (message);
    }

  if ((guint) (argc - 2) < command->min_args || (guint) (argc - 2) > command->max_args)
    {
      g_autofree char *message = NULL;

      if ((guint) (argc - 2) < command->min_args)
        message = g_strdup_printf (_ ("The command %s needs more arguments"), command->name);
      else
        message = g_strdup_printf (_ ("Too many arguments for %s"), command->name);
      return sofra_cli_usage_error (message);
    }

  status = check_options (command, &options);
  if (status != 0)
    return status;

  status = command->run (&options, argv + 2);
  if ((fflush (stdout) != 0 || ferror (stdout)) && status == EXIT_SUCCESS)
    {
      sofra_cli_print_error (_ ("Cannot write to the standard output: %s"), g_strerror (errno));
      status = SOFRA_CLI_EXIT_FAILURE;
    }

  return status;
}
