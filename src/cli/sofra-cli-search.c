/* sofra-cli-search.c — `sofra-cli search`: the window's search, grouped results with snippets
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sofra-cli.h"
#include "sofra-records.h"
#include "sofra-search.h"
#include "sofra-translit.h"
#include "sofra-vocab.h"

/* Matched words in a terminal: between brackets, which read well in any script. */
#define MARK_OPEN  "["
#define MARK_CLOSE "]"

/* search's own options; --from and --to are shared with summary (SofraCliOptions). */
static char *kinds_option;
static char *session_kind_option;
static char *community_option;
static char *municipality_option;
static char *topic_option;
static char *status_option;
static int   limit_option;

static const GOptionEntry search_entries[] = {
  { "kind", 0, 0, G_OPTION_ARG_STRING, &kinds_option,
    N_ ("search: only these kinds, e.g. sessions,notes (sessions, participants, notes, "
        "followups)"),
    N_ ("KINDS") },
  { "session-kind", 0, 0, G_OPTION_ARG_STRING, &session_kind_option,
    N_ ("search: sessions of this kind, e.g. roundtable"), N_ ("KIND") },
  { "community", 0, 0, G_OPTION_ARG_STRING, &community_option,
    N_ ("search: sessions where this community was present, participants of it"),
    N_ ("COMMUNITY") },
  { "municipality", 0, 0, G_OPTION_ARG_STRING, &municipality_option,
    N_ ("search: sessions and participants of this municipality (a name in any script)"),
    N_ ("PLACE") },
  { "topic", 0, 0, G_OPTION_ARG_STRING, &topic_option,
    N_ ("search: sessions on this topic, e.g. security"), N_ ("TOPIC") },
  { "status", 0, 0, G_OPTION_ARG_STRING, &status_option,
    N_ ("search: follow-ups in this status: open, in_progress, done or dropped"), N_ ("STATUS") },
  { "limit", 0, 0, G_OPTION_ARG_INT, &limit_option,
    N_ ("search: at most N results of each kind (20 unless given, at most 200)"), N_ ("N") },
  { NULL }
};

const GOptionEntry *
sofra_cli_search_entries (void)
{
  return search_entries;
}

gboolean
sofra_cli_search_options_given (void)
{
  return kinds_option || session_kind_option || community_option || municipality_option ||
         topic_option || status_option || limit_option != 0;
}

/* A filter's value must be one of its vocabulary's ids; the message lists them. */
static gboolean
check_vocab (SofraVocab vocab, const char *option, const char *value, char **message)
{
  g_autoptr (GString) ids = NULL;

  if (value == NULL || sofra_vocab_contains (vocab, value))
    return TRUE;
  ids = g_string_new (NULL);
  for (const SofraVocabEntry *e = sofra_vocab_entries (vocab); e->id != NULL; e++)
    g_string_append_printf (ids, "%s%s", ids->len ? ", " : "", e->id);
  /* Translators: "Unknown value “x” for --topic; choose one of: security, health, …" */
  *message = g_strdup_printf (_ ("Unknown value “%s” for %s; choose one of: %s"), value, option,
                              ids->str);
  return FALSE;
}

/* "sessions,notes" → a set of kinds; 0 with @message when a word is not a kind. */
static SofraSearchKinds
parse_kinds (const char *text, char **message)
{
  g_auto (GStrv) words = g_strsplit (text, ",", -1);
  SofraSearchKinds kinds = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = g_strstrip (words[i]);
      int         kind = sofra_search_kind_from_string (word);

      if (*word == '\0')
        continue;
      if (kind < 0)
        {
          /* Translators: do not translate the words after the colon, they are typed as is */
          *message = g_strdup_printf (_ ("Unknown kind “%s”: choose sessions, participants, "
                                         "notes or followups"),
                                      word);
          return 0;
        }
      kinds |= 1u << kind;
    }
  if (kinds == 0)
    *message = g_strdup (_ ("--kind needs at least one kind"));
  return kinds;
}

typedef struct
{
  char *folded;
  char *id;
} PlaceLookup;

static gboolean
find_place_cb (JsonObject *doc, gpointer user_data)
{
  PlaceLookup *lookup = user_data;
  const char  *names[] = { "code", "name_sq", "name_sr", "name_sr_latn" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char      *name = json_object_get_string_member_with_default (doc, names[i], NULL);
      g_autofree char *folded = name ? sofra_translit_fold (name) : NULL;

      if (folded != NULL && g_str_equal (folded, lookup->folded))
        {
          lookup->id = g_strdup (json_object_get_string_member (doc, "_id"));
          return FALSE;
        }
    }
  return TRUE;
}

/* --municipality takes a place id ("place:zvecan"), its code, or any of its names in any
 * script or spelling ("Zveçan", "Zvečan", "Звечан", "zvecan"). */
static char *
resolve_place (SofraStore *store, const char *text, GError **error)
{
  PlaceLookup lookup = { sofra_translit_fold (text), NULL };

  if (g_str_has_prefix (text, "place:"))
    {
      g_free (lookup.folded);
      return g_strdup (text);
    }
  if (!sofra_store_foreach_doc (store, SOFRA_TYPE_PLACE, find_place_cb, &lookup, error))
    {
      g_free (lookup.folded);
      return NULL;
    }
  g_free (lookup.folded);
  if (lookup.id == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _ ("No municipality is called “%s”"), text);
  return lookup.id;
}

static void
print_hit (GString *out, const SofraSearchHit *hit)
{
  g_autofree char *title = sofra_search_mark (hit->title, hit->title_ranges, MARK_OPEN, MARK_CLOSE,
                                              FALSE);
  g_autofree char *snippet = sofra_search_mark (hit->snippet, hit->snippet_ranges, MARK_OPEN,
                                                MARK_CLOSE, FALSE);

  g_string_append_printf (out, "  %s", *title ? title : "—");
  if (hit->date != NULL)
    g_string_append_printf (out, "  %s", hit->date);
  g_string_append_printf (out, "  %s\n", hit->id);
  if (*snippet != '\0')
    g_string_append_printf (out, "      %s\n", snippet);
}

int
sofra_cli_search (const SofraCliOptions *options, char **args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (SofraSearchResults) results = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *text = g_strjoinv (" ", args);
  g_autofree char *message = NULL;
  g_autofree char *place_id = NULL;
  SofraSearchQuery query = { .text = text };

  query.date_from = options->from;
  query.date_to = options->to;
  query.session_kind = session_kind_option;
  query.community = community_option;
  query.topic = topic_option;
  query.status = status_option;
  if (limit_option < 0 || limit_option > SOFRA_SEARCH_MAX_LIMIT)
    {
      message = g_strdup_printf (_ ("--limit must be between 1 and %d"), SOFRA_SEARCH_MAX_LIMIT);
      return sofra_cli_usage_error (message);
    }
  query.limit = (guint) limit_option;
  if (kinds_option != NULL && !(query.kinds = parse_kinds (kinds_option, &message)))
    return sofra_cli_usage_error (message);
  if (!check_vocab (SOFRA_VOCAB_SESSION_KIND, "--session-kind", query.session_kind, &message) ||
      !check_vocab (SOFRA_VOCAB_COMMUNITY, "--community", query.community, &message) ||
      !check_vocab (SOFRA_VOCAB_TOPIC, "--topic", query.topic, &message) ||
      !check_vocab (SOFRA_VOCAB_FOLLOWUP_STATUS, "--status", query.status, &message))
    return sofra_cli_usage_error (message);

  store = sofra_cli_open_store (options, FALSE, NULL, &error);
  if (store == NULL)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }
  if (municipality_option != NULL)
    {
      place_id = resolve_place (store, municipality_option, &error);
      if (place_id == NULL && g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE))
        return sofra_cli_usage_error (error->message);
      if (place_id == NULL)
        {
          sofra_cli_print_error ("%s", error->message);
          return SOFRA_CLI_EXIT_FAILURE;
        }
      query.place_id = place_id;
    }

  results = sofra_search (store, &query, &error);
  if (results == NULL && g_error_matches (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID))
    return sofra_cli_usage_error (error->message);
  if (results == NULL)
    {
      sofra_cli_print_error ("%s", error->message);
      return SOFRA_CLI_EXIT_FAILURE;
    }

  for (int k = 0; k < SOFRA_SEARCH_N_KINDS; k++)
    {
      GPtrArray *hits = results->hits[k];

      if (hits->len == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a heading of search results, "Sessions (3)" */
      g_string_append_printf (out, _ ("%s (%u)"), sofra_search_kind_label (k), hits->len);
      if (results->more[k])
        /* Translators: after "Sessions (20)" when there are more results than shown */
        g_string_append_printf (out, " %s", _ ("— there are more; use --limit or filters"));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < hits->len; i++)
        print_hit (out, hits->pdata[i]);
    }
  if (out->len == 0)
    g_string_append_printf (out, "%s\n", _ ("Nothing found."));
  sofra_cli_write_stdout (out->str, out->len);
  return EXIT_SUCCESS;
}
