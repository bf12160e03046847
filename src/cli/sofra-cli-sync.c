/* sofra-cli-sync.c — `sofra-cli sync`: one push-then-pull run with a CouchDB server
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For scheduled runs: the password comes from SOFRA_SYNC_PASSWORD, else the keyring (the one
 * Preferences stores), else a prompt on the terminal without echo. Progress goes to standard
 * error when it is a terminal, the summary to standard output.
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sofra-cli.h"
#include "sofra-sync-secret.h"
#include "sofra-sync.h"

static char *server_url;
static char *database_name;
static char *user_name;
static char *fingerprint;

static const GOptionEntry sync_entries[] = {
  { "server", 0, 0, G_OPTION_ARG_STRING, &server_url,
    N_ ("sync: the server's address, such as https://sync.example.org:6984"), N_ ("URL") },
  { "db", 0, 0, G_OPTION_ARG_STRING, &database_name, N_ ("sync: the database on the server"),
    N_ ("NAME") },
  { "user", 0, 0, G_OPTION_ARG_STRING, &user_name, N_ ("sync: the user name on the server"),
    N_ ("USER") },
  { "trust-certificate", 0, 0, G_OPTION_ARG_STRING, &fingerprint,
    N_ ("sync: accept the server's certificate with this SHA-256 fingerprint"),
    N_ ("FINGERPRINT") },
  { NULL }
};

const GOptionEntry *
sofra_cli_sync_entries (void)
{
  return sync_entries;
}

gboolean
sofra_cli_sync_options_given (void)
{
  return server_url != NULL || database_name != NULL || user_name != NULL || fingerprint != NULL;
}

/* Reads a line from the terminal without showing it; NULL when there is no terminal. */
static char *
prompt_password (const char *user)
{
  struct termios old, quiet;
  char           line[1024];
  FILE          *tty = fopen ("/dev/tty", "r+");
  char          *result = NULL;

  if (tty == NULL)
    return NULL;
  /* Translators: a prompt on the terminal; %s is a user name */
  fprintf (tty, _ ("Password for %s: "), user);
  fflush (tty);
  if (tcgetattr (fileno (tty), &old) == 0)
    {
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
      if (fgets (line, sizeof line, tty) != NULL)
        {
          line[strcspn (line, "\r\n")] = '\0';
          result = g_strdup (line);
        }
      tcsetattr (fileno (tty), TCSAFLUSH, &old);
      memset (line, 0, sizeof line);
      fputc ('\n', tty);
    }
  fclose (tty);
  return result;
}

static char *
find_password (void)
{
  const char *env = g_getenv ("SOFRA_SYNC_PASSWORD");
  g_autoptr (GError) error = NULL;
  char *password;

  if (env != NULL)
    return g_strdup (env);
  password = sofra_sync_secret_lookup (server_url, user_name, NULL, &error);
  if (password != NULL)
    {
      char *copy = g_strdup (password);

      sofra_sync_secret_free (password);
      return copy;
    }
  return prompt_password (user_name);
}

static void
on_progress (SofraSyncer *syncer, GParamSpec *pspec, gpointer data)
{
  SofraSyncState state = sofra_syncer_get_state (syncer);
  guint          done = sofra_syncer_get_docs_done (syncer);
  guint          total = sofra_syncer_get_docs_total (syncer);
  const char    *what;

  switch (state)
    {
    case SOFRA_SYNC_STATE_CONNECTING:
      what = _ ("Connecting");
      break;
    case SOFRA_SYNC_STATE_PUSHING:
      what = _ ("Sending");
      break;
    case SOFRA_SYNC_STATE_PULLING:
      what = _ ("Receiving");
      break;
    case SOFRA_SYNC_STATE_IDLE:
    default:
      g_printerr ("\r\033[K");
      return;
    }
  if (total > 0)
    g_printerr ("\r\033[K%s… %u/%u", what, done, total);
  else
    g_printerr ("\r\033[K%s… %u", what, done);
}

int
sofra_cli_sync (const SofraCliOptions *options, char **args)
{
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (SofraSyncer) syncer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char       *password = NULL;
  const SofraSyncReport *report;
  gboolean               ok;

  if (server_url == NULL || database_name == NULL)
    return sofra_cli_usage_error (_ ("sync needs --server and --db"));

  if (user_name != NULL && *user_name != '\0')
    {
      password = find_password ();
      if (password == NULL)
        {
          sofra_cli_print_error (_ ("No password for %s: set SOFRA_SYNC_PASSWORD, store it in "
                                    "the keyring from Preferences, or run this in a terminal."),
                                 user_name);
          return SOFRA_CLI_EXIT_FAILURE;
        }
    }

  store = sofra_cli_open_store (options, TRUE, NULL, &error);
  if (store == NULL)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }

  syncer = sofra_syncer_new (store, server_url, database_name, user_name, password);
  if (password != NULL)
    memset (password, 0, strlen (password));
  if (fingerprint != NULL)
    sofra_syncer_set_trusted_fingerprint (syncer, fingerprint);
  if (isatty (STDERR_FILENO))
    {
      g_signal_connect (syncer, "notify::docs-done", G_CALLBACK (on_progress), NULL);
      g_signal_connect (syncer, "notify::state", G_CALLBACK (on_progress), NULL);
    }

  ok = sofra_syncer_run (syncer, NULL, &error);
  report = sofra_syncer_get_report (syncer);
  if (!ok)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }
  g_print (_ ("Sent %u, received %u, not stored %u; %u requests in %.1f s.\n"), report->docs_pushed,
           report->docs_pulled, report->docs_skipped, report->requests, report->duration_us / 1e6);
  if (report->docs_skipped > 0)
    g_print (_ ("Some records could not be stored; the messages above say which.\n"));
  return EXIT_SUCCESS;
}
