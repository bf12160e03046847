/* sofra-bench-data.c — the benchmarks' data set: realistic documents generated from their index
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sessions, participants and attendances in Albanian, Serbian (both scripts) and English, each
 * made from its index alone (splitmix64), so every run and every benchmark gets the very same
 * documents. Shared by bench-store, bench-search and bench-startup.
 */
#include <glib/gstdio.h>

#include "sofra-bench-data.h"

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
char *
sofra_bench_make_id (const char *type, guint index)
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

JsonObject *
sofra_bench_session (guint index)
{
  Rng              rng = rng_for (1, index);
  JsonObject      *doc = json_object_new ();
  g_autofree char *id = sofra_bench_make_id ("session", index);
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

JsonObject *
sofra_bench_participant (guint index)
{
  static const char alphabet[] = "34679ACDEFGHJKMNPQRTUVWXY";
  Rng               rng = rng_for (2, index);
  JsonObject       *doc = json_object_new ();
  JsonObject       *consent = json_object_new ();
  g_autofree char  *id = sofra_bench_make_id ("participant", index);
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

JsonObject *
sofra_bench_attendance (guint index, guint n_sessions, guint n_participants)
{
  Rng              rng = rng_for (3, index);
  JsonObject      *doc = json_object_new ();
  g_autofree char *id = sofra_bench_make_id ("attendance", index);
  g_autofree char *session = sofra_bench_make_id ("session", rng_below (&rng, n_sessions));
  g_autofree char *participant = sofra_bench_make_id ("participant",
                                                      rng_below (&rng, n_participants));

  json_object_set_string_member (doc, "_id", id);
  json_object_set_string_member (doc, "type", "attendance");
  json_object_set_string_member (doc, "session_id", session);
  json_object_set_string_member (doc, "participant_id", participant);
  json_object_set_string_member (doc, "role",
                                 rng_below (&rng, 5) ? "participant" : PICK (&rng, roles));
  return doc;
}

/* ---- a whole data set through the store ------------------------------------------------- */

#define WRITE_BATCH 10000

gboolean
sofra_bench_write_store (SofraStore *store, guint n_sessions, guint n_participants, GError **error)
{
  JsonObject *(*const make[]) (guint) = { sofra_bench_session, sofra_bench_participant };
  const guint counts[] = { n_sessions, n_participants };

  if (!sofra_store_seed_places (store, error))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (make); k++)
    for (guint i = 0; i < counts[k]; i++)
      {
        g_autoptr (JsonObject) doc = make[k](i);

        if (i % WRITE_BATCH == 0 && !sofra_store_begin (store, error))
          return FALSE;
        if (!sofra_store_put (store, doc, error))
          return FALSE;
        if (((i + 1) % WRITE_BATCH == 0 || i + 1 == counts[k]) &&
            !sofra_store_commit (store, error))
          return FALSE;
      }
  return TRUE;
}

guint
sofra_bench_scaled (guint n, double scale)
{
  return MAX (1, (guint) (n * scale + 0.5));
}

void
sofra_bench_remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}
