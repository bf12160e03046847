/* bench-store.c — bulk writes through the store's write path, against raw SQLite inserts
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes 100,000 sessions, 300,000 participants and 500,000 attendances (times
 * SOFRA_BENCH_SCALE) through sofra_store_put in batches, then the same JSON texts into a
 * fresh SQLite file with plain prepared INSERTs in one transaction (the peer), both with WAL
 * and synchronous=FULL; the peer gets the cache_size the store uses in a batch. Only the
 * writing is timed: documents are generated from their index (so both sides get the very
 * same text) outside the measured intervals. The store's time includes parsing the text, as
 * an import does. Then a fresh process times opening the store and reading the first page of
 * the sessions list, and an item deep in the list. Files go to SOFRA_BENCH_DIR (the build
 * directory under `meson test --benchmark`) and are removed unless SOFRA_BENCH_KEEP is set.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "sofra-doc-list.h"
#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-store.h"

#define BATCH_SIZE 10000
#define PAGE       SOFRA_DOC_LIST_PAGE_SIZE

/* ---- deterministic documents ------------------------------------------------------------- */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  /* splitmix64: one document's randomness from its index alone. */
  guint64 z = (rng->state += 0x9E3779B97F4A7C15ull);

  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static guint
rng_below (Rng *rng, guint n)
{
  return (guint) (rng_next (rng) % n);
}

static Rng
rng_for (guint kind, guint index)
{
  Rng rng = { ((guint64) kind << 40) ^ index };

  rng_next (&rng);
  return rng;
}

#define PICK(rng, array) (array[rng_below (rng, G_N_ELEMENTS (array))])

static const char *const places[] = {
  "place:prishtine", "place:mitrovice-veriut", "place:mitrovice-jugut", "place:gracanice",
  "place:zvecan",    "place:leposaviq",        "place:shterpce",        "place:prizren",
  "place:peje",      "place:gjilan",           "place:ferizaj",         "place:beograd",
  "place:nis",       "place:novi-pazar",       "place:bujanovac",       "place:presevo",
  "place:kraljevo",  "place:zubin-potok",      "place:kamenice",        "place:novoberde",
};
static const char *const kinds[] = { "roundtable",     "workshop",  "community_meeting",
                                     "youth_exchange", "mediation", "online_dialogue",
                                     "field_visit",    "other" };
static const char *const title_starts[] = {
  "Tryezë e rrumbullakët për", "Округли сто о",     "Roundtable on", "Takim me komunitetin për",
  "Sastanak zajednice o",      "Youth exchange on", "Punëtori për",  "Радионица о",
  "Mediation meeting on",
};
static const char *const title_topics[] = {
  "lirinë e lëvizjes",
  "слободу кретања",
  "missing persons",
  "të drejtat gjuhësore",
  "imovinska prava",
  "economy and trade",
  "arsimin",
  "здравство",
  "the environment",
  "rininë",
  "učešće žena",
  "media and narratives",
  "trashëgiminë kulturore",
  "migracije",
  "security in the north",
};
static const char *const sentences[] = {
  "Pjesëmarrësit diskutuan për lëvizjen e lirë midis komunave dhe për dokumentet e "
  "udhëtimit.",
  "Учесници су говорили о приступу здравственим услугама на оба језика.",
  "Participants from both communities agreed to meet again after the municipal elections.",
  "U ngrit çështja e pronës së braktisur dhe e regjistrave kadastralë.",
  "Predstavnici mladih predložili su zajednički sportski turnir u leto.",
  "The facilitator noted a calmer atmosphere than at the previous meeting.",
  "Gratë nga të dy komunitetet kërkuan më shumë përfaqësim në këshillin lokal.",
  "Dogovoreno je da se pripremi zajednički dopis opštini o javnom prevozu.",
  "Some tension arose over the naming of streets, resolved by agreeing to a joint commission.",
  "Разговарало се о нестalim лицима и о раду породица које их траже.",
};
static const char *const first_names[] = {
  "Arta",  "Blerim", "Drita",   "Ilir",  "Vjosa",  "Milan",  "Jelena", "Nikola", "Ana",
  "Marko", "Driton", "Sevdije", "Emine", "Dragan", "Милица", "Стефан", "Јована", "Ђорђе",
};
static const char *const last_names[] = {
  "Krasniqi", "Berisha",  "Gashi",    "Hoxha",      "Shala",   "Jovanović", "Petrović", "Nikolić",
  "Ilić",     "Đorđević", "Марковић", "Стојановић", "Поповић", "Kelmendi",  "Morina",   "Ahmeti",
};
static const char *const genders[] = { "woman", "man", "another", "prefer_not_to_say" };
static const char *const age_groups[] = { "under_18", "18_24",   "25_34",
                                          "35_54",    "55_plus", "prefer_not_to_say" };
static const char *const communities[] = {
  "albanian", "serbian", "roma",        "ashkali", "egyptian", "bosniak",
  "gorani",   "turkish", "montenegrin", "croat",   "other",    "prefer_not_to_say"
};
static const char *const languages[] = { "sq", "sr", "en", "tr", "rom", "bs" };
static const char *const topics[] = {
  "freedom_of_movement",  "security",         "missing_persons", "language_rights",  "property",
  "economy_trade",        "education",        "health",          "environment",      "youth",
  "womens_participation", "media_narratives", "migration",       "culture_heritage",
};
static const char *const organisations[] = { "Community Building Mitrovica",
                                             "NGO Aktiv",
                                             "Komuna e Graçanicës",
                                             "Omladinski centar",
                                             "Shoqata e grave",
                                             "Local youth council" };
static const char *const roles[] = { "participant", "speaker", "observer", "facilitator",
                                     "interpreter" };

/* Ids look like the store's own (sofra_store_make_id: "type:" and a UUID version 7), made as
 * if the documents were created one a millisecond in the order they are written, with the
 * random bits reproducible. */
static char *
make_id (const char *type, guint index)
{
  Rng     rng = rng_for (type[0], index);
  guint64 a = rng_next (&rng), b = rng_next (&rng);
  guint64 ms = G_GUINT64_CONSTANT (1767225600000) + index +
               (type[0] == 's'   ? 0
                : type[0] == 'p' ? 10000000
                                 : 20000000);

  return g_strdup_printf ("%s:%08x-%04x-7%03x-%04x-%012" G_GINT64_MODIFIER "x", type,
                          (guint) (ms >> 16), (guint) (ms & 0xffff), (guint) a & 0xfff,
                          (guint) ((b >> 48) & 0x3fff) | 0x8000,
                          (guint64) (b & G_GUINT64_CONSTANT (0xffffffffffff)));
}

static void
add_list (JsonObject        *doc,
          const char        *name,
          Rng               *rng,
          const char *const *values,
          guint              n_values,
          guint              max)
{
  JsonArray *array = json_array_new ();
  guint      n = 1 + rng_below (rng, max);
  guint      start = rng_below (rng, n_values);

  for (guint i = 0; i < n && i < n_values; i++)
    json_array_add_string_element (array, values[(start + i) % n_values]);
  json_object_set_array_member (doc, name, array);
}

static char *
make_text (Rng *rng, guint max_sentences)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = 1 + rng_below (rng, max_sentences);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, PICK (rng, sentences));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonObject *
make_session (guint index)
{
  Rng              rng = rng_for (1, index);
  JsonObject      *doc = json_object_new ();
  g_autofree char *id = make_id ("session", index);
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = make_text (&rng, 4);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint            day = rng_below (&rng, 12 * 365), hour = 9 + rng_below (&rng, 8);
  g_autoptr (GDate) when = g_date_new_dmy (1, 1, 2015);
  char buffer[16];

  g_date_add_days (when, day);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", when);
  date = g_strdup (buffer);
  title = g_strdup_printf ("%s %s", PICK (&rng, title_starts), PICK (&rng, title_topics));
  start = g_strdup_printf ("%02u:%s", hour, rng_below (&rng, 2) ? "00" : "30");
  end = g_strdup_printf ("%02u:%s", hour + 2, rng_below (&rng, 2) ? "00" : "30");

  json_object_set_string_member (doc, "_id", id);
  json_object_set_string_member (doc, "type", "session");
  json_object_set_string_member (doc, "title", title);
  json_object_set_string_member (doc, "kind", PICK (&rng, kinds));
  json_object_set_string_member (doc, "status",
                                 day > 11 * 365              ? "planned"
                                 : rng_below (&rng, 20) == 0 ? "cancelled"
                                                             : "held");
  json_object_set_string_member (doc, "date", date);
  json_object_set_string_member (doc, "start_time", start);
  json_object_set_string_member (doc, "end_time", end);
  json_object_set_string_member (doc, "place_id", PICK (&rng, places));
  json_object_set_string_member (doc, "venue", "Qendra kulturore / Дом културе");
  add_list (doc, "facilitators", &rng, first_names, G_N_ELEMENTS (first_names), 2);
  add_list (doc, "languages", &rng, languages, G_N_ELEMENTS (languages), 3);
  json_object_set_boolean_member (doc, "interpretation", rng_below (&rng, 2));
  add_list (doc, "communities", &rng, communities, G_N_ELEMENTS (communities), 4);
  add_list (doc, "topics", &rng, topics, G_N_ELEMENTS (topics), 3);
  json_object_set_string_member (doc, "summary", summary);
  if (rng_below (&rng, 3) == 0)
    {
      g_autofree char *points = make_text (&rng, 2);

      json_object_set_string_member (doc, "key_points", points);
    }
  if (rng_below (&rng, 2))
    {
      json_object_set_int_member (doc, "trust_before", 1 + rng_below (&rng, 5));
      json_object_set_int_member (doc, "trust_after", 1 + rng_below (&rng, 5));
    }
  return doc;
}

static JsonObject *
make_participant (guint index)
{
  static const char alphabet[] = "34679ACDEFGHJKMNPQRTUVWXY";
  Rng               rng = rng_for (2, index);
  JsonObject       *doc = json_object_new ();
  JsonObject       *consent = json_object_new ();
  g_autofree char  *id = make_id ("participant", index);
  char              code[7] = "P-";
  gboolean          named = rng_below (&rng, 10) < 7;

  for (int i = 2; i < 6; i++)
    code[i] = alphabet[rng_below (&rng, sizeof alphabet - 1)];
  code[6] = '\0';

  json_object_set_string_member (doc, "_id", id);
  json_object_set_string_member (doc, "type", "participant");
  if (named)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", PICK (&rng, first_names),
                                               PICK (&rng, last_names));

      json_object_set_string_member (doc, "name", name);
    }
  json_object_set_string_member (doc, "code", code);
  json_object_set_string_member (doc, "gender", PICK (&rng, genders));
  json_object_set_string_member (doc, "age_group", PICK (&rng, age_groups));
  if (rng_below (&rng, 4))
    json_object_set_string_member (doc, "community", PICK (&rng, communities));
  json_object_set_string_member (doc, "municipality", PICK (&rng, places));
  json_object_set_string_member (doc, "organisation", PICK (&rng, organisations));
  json_object_set_string_member (doc, "role", "Member");
  if (rng_below (&rng, 2))
    {
      g_autofree char *phone = g_strdup_printf ("+383 44 %03u %03u", rng_below (&rng, 1000),
                                                rng_below (&rng, 1000));

      json_object_set_string_member (doc, "phone", phone);
    }
  if (rng_below (&rng, 3) == 0)
    {
      g_autofree char *email = g_strdup_printf ("person%u@example.org", index);

      json_object_set_string_member (doc, "email", email);
    }
  json_object_set_string_member (consent, "date", "2024-02-10");
  json_object_set_boolean_member (consent, "name_recorded", named);
  json_object_set_boolean_member (consent, "name_on_documents", named && rng_below (&rng, 2));
  json_object_set_boolean_member (consent, "photos", rng_below (&rng, 2));
  json_object_set_boolean_member (consent, "contact", rng_below (&rng, 2));
  json_object_set_boolean_member (consent, "share_offices", rng_below (&rng, 2));
  json_object_set_object_member (doc, "consent", consent);
  return doc;
}

static guint n_sessions, n_participants, n_attendances;

static JsonObject *
make_attendance (guint index)
{
  Rng              rng = rng_for (3, index);
  JsonObject      *doc = json_object_new ();
  g_autofree char *id = make_id ("attendance", index);
  g_autofree char *session = make_id ("session", rng_below (&rng, n_sessions));
  g_autofree char *participant = make_id ("participant", rng_below (&rng, n_participants));

  json_object_set_string_member (doc, "_id", id);
  json_object_set_string_member (doc, "type", "attendance");
  json_object_set_string_member (doc, "session_id", session);
  json_object_set_string_member (doc, "participant_id", participant);
  json_object_set_string_member (doc, "role",
                                 rng_below (&rng, 5) ? "participant" : PICK (&rng, roles));
  return doc;
}

typedef struct
{
  const char *name;
  JsonObject *(*make) (guint index);
  guint *count;
  double store_s;
} Phase;

static Phase phases[] = {
  { "sessions", make_session, &n_sessions, 0 },
  { "participants", make_participant, &n_participants, 0 },
  { "attendances", make_attendance, &n_attendances, 0 },
};

/* The text both sides write; "_id" included, as in an export file. */
static char *
make_text_for (Phase *phase, guint index, char **id)
{
  g_autoptr (JsonObject) doc = phase->make (index);

  *id = g_strdup (json_object_get_string_member (doc, "_id"));
  return sofra_json_to_string (doc);
}

/* ---- measuring ----------------------------------------------------------------------------- */

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static G_NORETURN void
die (const char *what, const char *message)
{
  g_printerr ("bench-store: %s: %s\n", what, message);
  exit (1);
}

static int store_cache_size (SofraStore *store);

static gint64 parse_spent; /* json-glib parsing of the texts, outside the write path */

/* Returns the page cache size the store uses during a batch, for the peer. */
static int
write_store (SofraStore *store, double *bytes)
{
  int cache_size = 0;
  g_autoptr (GError) error = NULL;

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    {
      Phase *phase = &phases[p];
      gint64 spent = 0, t;

      for (guint i = 0; i < *phase->count; i++)
        {
          g_autofree char *id = NULL;
          g_autofree char *text = make_text_for (phase, i, &id);
          g_autoptr (JsonObject) doc = NULL;

          *bytes += strlen (text);
          /* Parsing the text is the caller's (an import's) work, timed on its own line: the
           * write path starts at sofra_store_put with a document. */
          t = g_get_monotonic_time ();
          if (!(doc = sofra_store_parse_doc (text, -1, &error)))
            die (id, error->message);
          parse_spent += g_get_monotonic_time () - t;
          t = g_get_monotonic_time ();
          if (i % BATCH_SIZE == 0)
            {
              if (!sofra_store_begin (store, &error))
                die ("begin", error->message);
              if (cache_size == 0)
                cache_size = store_cache_size (store);
            }
          if (!sofra_store_put (store, doc, &error))
            die (id, error->message);
          if ((i + 1) % BATCH_SIZE == 0 || i + 1 == *phase->count)
            if (!sofra_store_commit (store, &error))
              die ("commit", error->message);
          spent += g_get_monotonic_time () - t;
        }
      phase->store_s = (double) spent / G_USEC_PER_SEC;
    }
  return cache_size;
}

static void
sql_check (sqlite3 *db, int rc, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    die (what, sqlite3_errmsg (db));
}

/* The store's page cache size (PRAGMA cache_size) inside a batch, for the peer. */
static int
store_cache_size (SofraStore *store)
{
  sqlite3      *db = sofra_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int           size = 0;

  sql_check (db, sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL), "cache_size");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* The peer: the same texts, one prepared INSERT, one transaction, the store's PRAGMAs. */
static double
write_raw (const char *path, int cache_size)
{
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  gint64           spent = 0, t;
  g_autofree char *cache = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

  sql_check (db, sqlite3_open (path, &db), "open raw");
  t = g_get_monotonic_time ();
  sql_check (db, sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), "wal");
  sql_check (db, sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL), "sync");
  sql_check (db, sqlite3_exec (db, cache, NULL, NULL, NULL), "cache_size");
  sql_check (db,
             sqlite3_exec (db, "CREATE TABLE docs (id TEXT PRIMARY KEY, body TEXT)", NULL, NULL,
                           NULL),
             "create");
  sql_check (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), "begin");
  sql_check (db,
             sqlite3_prepare_v2 (db, "INSERT INTO docs (id, body) VALUES (?1, ?2)", -1, &stmt,
                                 NULL),
             "prepare");
  spent += g_get_monotonic_time () - t;

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint i = 0; i < *phases[p].count; i++)
      {
        g_autofree char *id = NULL;
        g_autofree char *text = make_text_for (&phases[p], i, &id);

        t = g_get_monotonic_time ();
        sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
        sql_check (db, sqlite3_step (stmt), "insert");
        sqlite3_reset (stmt);
        spent += g_get_monotonic_time () - t;
      }

  t = g_get_monotonic_time ();
  sqlite3_finalize (stmt);
  sql_check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), "commit");
  spent += g_get_monotonic_time () - t;
  sqlite3_close (db);
  return (double) spent / G_USEC_PER_SEC;
}

static double
file_mb (const char *path)
{
  GStatBuf         st;
  double           total = 0;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  if (g_stat (path, &st) == 0)
    total += st.st_size;
  if (g_stat (wal, &st) == 0)
    total += st.st_size;
  return total / (1024.0 * 1024.0);
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

/* VmHWM, the peak of this address space: unlike getrusage's ru_maxrss it starts afresh at
 * exec, so the reader, spawned from the writer, does not inherit the writer's peak. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char      *line;
  struct rusage    usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmHWM:")))
    return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static guint
scaled (guint n, double scale)
{
  return MAX (1, (guint) (n * scale + 0.5));
}

/* Opening as the application does, in a fresh process (so its peak RSS is the reader's
 * own): the store, the sessions list and its first page, then one item deep in the list.
 * Prints "open_ms pages deep_ms deep_pages n_items peak_rss_kb". */
static int
reader_main (const char *path, guint deep)
{
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (SofraDocList) list = NULL;
  g_autoptr (GError) error = NULL;
  double open_ms, deep_ms;
  guint  pages;
  gint64 t = g_get_monotonic_time ();

  if (!(store = sofra_store_open (path, &error)))
    die ("reopen", error->message);
  list = sofra_doc_list_new (store, SOFRA_DOC_LIST_SESSIONS);
  for (guint i = 0; i < PAGE && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (item == NULL)
        die ("first page", "missing item");
    }
  open_ms = seconds_since (t) * 1000;
  pages = sofra_doc_list_get_pages_loaded (list);

  t = g_get_monotonic_time ();
  {
    g_autoptr (SofraDocItem) item = g_list_model_get_item (G_LIST_MODEL (list), deep);

    if (item == NULL)
      die ("deep item", "missing");
  }
  deep_ms = seconds_since (t) * 1000;
  printf ("%.3f %u %.3f %u %u %.0f\n", open_ms, pages, deep_ms,
          sofra_doc_list_get_pages_loaded (list) - pages,
          g_list_model_get_n_items (G_LIST_MODEL (list)), peak_rss_mb () * 1024);
  return 0;
}

typedef struct
{
  double open_ms, deep_ms, rss_mb;
  guint  pages, deep_pages, n_items;
} Reading;

static Reading
run_reader (const char *path, guint deep)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *deep_arg = g_strdup_printf ("%u", deep);
  g_autofree char *out = NULL;
  const char      *argv[] = { exe, "--read", path, deep_arg, NULL };
  Reading          r = { 0 };
  double           rss_kb = 0;
  int              status;

  if (exe == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    die ("reader", error->message);
  if (sscanf (out, "%lf %u %lf %u %u %lf", &r.open_ms, &r.pages, &r.deep_ms, &r.deep_pages,
              &r.n_items, &rss_kb) != 6)
    die ("reader", out);
  r.rss_mb = rss_kb / 1024;
  return r;
}

int
main (int argc, char **argv)
{
  const char      *scale_env = g_getenv ("SOFRA_BENCH_SCALE");
  const char      *dir_env = g_getenv ("SOFRA_BENCH_DIR");
  double           scale = scale_env ? g_ascii_strtod (scale_env, NULL) : 1.0;
  g_autofree char *dir = dir_env ? g_strdup (dir_env) : g_get_current_dir ();
  g_autofree char *store_path = g_build_filename (dir, "bench-store.db", NULL);
  g_autofree char *raw_path = g_build_filename (dir, "bench-raw.db", NULL);
  g_autoptr (SofraStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *deep_label = NULL;
  double           close_s, raw_s, store_s = 0, bytes = 0, rss_write, store_mb;
  guint            total, deep;
  int              cache_size;
  Reading          reading;
  gint64           t;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--read"))
    return reader_main (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (!(scale > 0))
    die ("SOFRA_BENCH_SCALE", "must be a positive number");
  n_sessions = scaled (100000, scale);
  n_participants = scaled (300000, scale);
  n_attendances = scaled (500000, scale);
  total = n_sessions + n_participants + n_attendances;
  deep = MIN (scaled (90000, scale), n_sessions - 1);
  remove_db (store_path);
  remove_db (raw_path);

  /* The store's write path. */
  if (!(store = sofra_store_open (store_path, &error)))
    die ("open", error->message);
  sofra_store_set_author (store, "Bench Mark", "office:prishtine");
  cache_size = write_store (store, &bytes);
  t = g_get_monotonic_time ();
  g_clear_object (&store); /* closing checkpoints the WAL */
  close_s = seconds_since (t);
  rss_write = peak_rss_mb ();
  store_mb = file_mb (store_path);
  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    store_s += phases[p].store_s;

  /* The peer, same run, same texts. */
  raw_s = write_raw (raw_path, cache_size);

  reading = run_reader (store_path, deep);
  if (!(store = sofra_store_open (store_path, &error)))
    die ("reopen", error->message);
  if (reading.n_items != n_sessions || sofra_store_count (store, "session") != n_sessions ||
      sofra_store_count (store, "participant") != n_participants ||
      sofra_store_count (store, "attendance") != n_attendances)
    die ("counts", "the store does not hold what was written");
  g_clear_object (&store);

  deep_label = g_strdup_printf ("sessions list item at position %u", deep);
  printf ("\nSofra store write path against raw SQLite (scale %g, WAL, synchronous=FULL)\n", scale);
  printf ("store: JsonObject -> sofra_store_put (the write path), batches of %d\n", BATCH_SIZE);
  printf ("raw:   the same text -> INSERT INTO docs (id, body), one transaction, same PRAGMAs\n");
  printf ("       (journal_mode=WAL, synchronous=FULL, cache_size=%d)\n", cache_size);
  printf ("average text %.0f bytes; document generation is not timed\n\n", bytes / total);
  printf ("%-40s %10s %10s %12s\n", "what", "documents", "seconds", "docs/s");
  printf ("%-40s %10s %10s %12s\n", "----", "---------", "-------", "------");
  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    printf ("store: %-33s %10u %10.2f %12.0f\n", phases[p].name, *phases[p].count,
            phases[p].store_s, *phases[p].count / phases[p].store_s);
  printf ("store: %-33s %10u %10.2f %12.0f\n", "all", total, store_s, total / store_s);
  printf ("raw SQLite: %-28s %10u %10.2f %12.0f\n", "all", total, raw_s, total / raw_s);
  printf ("%-40s %47.2f   (target >= 0.50)\n", "ratio store/raw", raw_s / store_s);
  printf ("%-40s %10u %10.2f %12.0f   (not in the store's time)\n", "json-glib: parse the texts",
          total, (double) parse_spent / G_USEC_PER_SEC,
          total / ((double) parse_spent / G_USEC_PER_SEC));
  printf ("%-40s %47.2f   (an import: parse + write path)\n", "ratio (parse + store)/raw",
          raw_s / (store_s + (double) parse_spent / G_USEC_PER_SEC));
  printf ("\n");
  printf ("%-40s %10.1f ms\n", "store close (WAL checkpoint)", close_s * 1000);
  printf ("%-40s %10.1f ms   (%u page(s) of %d loaded, %u sessions)\n",
          "open + sessions list + first page", reading.open_ms, reading.pages, PAGE, n_sessions);
  printf ("%-40s %10.1f ms   (%u page(s) loaded)\n", deep_label, reading.deep_ms,
          reading.deep_pages);
  printf ("%-40s %10.1f MB   (fresh process: open, first page, deep item)\n", "peak RSS, reader",
          reading.rss_mb);
  printf ("%-40s %10.1f MB   (after the store's writes: %.1f MB)\n", "peak RSS, writer",
          peak_rss_mb (), rss_write);
  printf ("%-40s %10.1f MB   (raw SQLite file: %.1f MB)\n", "store database on disk", store_mb,
          file_mb (raw_path));
  fflush (stdout);

  if (g_getenv ("SOFRA_BENCH_KEEP") == NULL)
    {
      remove_db (store_path);
      remove_db (raw_path);
    }
  return 0;
}
