/* sofra-cli.h — what the commands of sofra-cli share: the parsed options and the store
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sofra-store.h"

G_BEGIN_DECLS

/* Exit statuses: 0 success, 1 the command failed, 2 the command line was wrong. */
#define SOFRA_CLI_EXIT_FAILURE 1
#define SOFRA_CLI_EXIT_USAGE   2

typedef struct
{
  const char *database;        /* NULL: sofra_store_default_path() */
  gboolean    force;           /* demo-data: add even when sessions exist */
  const char *output;          /* export: a file instead of standard output */
  gboolean    without_private; /* export: leave out private notes */
  const char *pdf;             /* summary: the PDF file to write */
  const char *language;        /* summary: sq, sr, sr@latin, en; NULL: the interface's */
  gboolean    bilingual;       /* summary: Albanian and Serbian labels side by side */
  const char *from;            /* summary: a period, YYYY-MM-DD */
  const char *to;
  const char *paper;        /* summary: a4 or letter */
  const char *script;       /* summary: Serbian record text as-typed, latin or cyrillic */
  const char *organisation; /* summary: the organisation's name in the header */
} SofraCliOptions;

/* Opens the database. With @create a missing file is made (and, for the default path, its
 * folder), and @created (may be NULL) tells whether it was; without @create a missing file is
 * an error, so reading commands never leave an empty database behind a mistyped path. */
SofraStore *sofra_cli_open_store (const SofraCliOptions *options,
                                  gboolean               create,
                                  gboolean              *created,
                                  GError               **error);

/* Removes a database file made by this run, with its journal files. */
void sofra_cli_remove_database (const char *path);

/* Prints "sofra-cli: <message>" to standard error. */
void sofra_cli_print_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Prints @message and a hint to --help; returns SOFRA_CLI_EXIT_USAGE. */
int sofra_cli_usage_error (const char *message);

/* Writes UTF-8 @text to standard output as it is, whatever the locale's character set. */
gboolean sofra_cli_write_stdout (const char *text, gsize length);

/* The commands; @args are the words after the command's name. Each returns the exit
 * status. */
int sofra_cli_demo_data (const SofraCliOptions *options, char **args);
int sofra_cli_list (const SofraCliOptions *options, char **args);
int sofra_cli_export (const SofraCliOptions *options, char **args);
int sofra_cli_import (const SofraCliOptions *options, char **args);
int sofra_cli_check (const SofraCliOptions *options, char **args);
int sofra_cli_sync (const SofraCliOptions *options, char **args);
int sofra_cli_search (const SofraCliOptions *options, char **args);

/* sync's own options (sofra-cli-sync.c), and whether any was given. */
const GOptionEntry *sofra_cli_sync_entries (void);
gboolean            sofra_cli_sync_options_given (void);
int                 sofra_cli_summary (const SofraCliOptions *options, char **args);

/* search's own options (sofra-cli-search.c), and whether any was given. */
const GOptionEntry *sofra_cli_search_entries (void);
gboolean            sofra_cli_search_options_given (void);

G_END_DECLS
