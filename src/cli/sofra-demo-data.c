/* sofra-demo-data.c — realistic sample data for trying Sofra out, written through the store
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is drawn from one GRand with a fixed seed, so two runs on the same day give the
 * same people, sessions and texts; only the ids, pseudonym codes and revisions differ.
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sofra-demo-data-private.h"
#include "sofra-demo-data.h"
#include "sofra-records.h"
#include "sofra-vocab.h"

#define N_FUTURE    4
#define N_PAST_DAYS 360

/* Days from today of the planned sessions. */
static const int future_days[N_FUTURE] = { 8, 19, 34, 52 };
/* Ranks (in date order) of the past sessions that were cancelled. */
static const guint cancelled_ranks[] = { 6, 19, 27 };

static const char *const serbia_places =
  "beograd,nis,kraljevo,raska,novi-pazar,tutin,sjenica,bujanovac,presevo,leskovac";

static void
person_free (gpointer data)
{
  SofraDemoPerson *person = data;

  sofra_participant_free (person->record);
  g_free (person->first_date);
  g_free (person);
}

static void
planned_free (gpointer data)
{
  SofraDemoPlan *planned = data;

  g_free (planned->date);
  g_strfreev (planned->facilitators);
  g_array_unref (planned->attendees);
  g_free (planned->id);
  g_free (planned);
}

gboolean
sofra_demo_chance (SofraDemo *demo, double p)
{
  return g_rand_double (demo->rand) < p;
}

int
sofra_demo_between (SofraDemo *demo, int low, int high) /* inclusive */
{
  return g_rand_int_range (demo->rand, low, high + 1);
}

const char *
sofra_demo_pick (SofraDemo *demo, const char *const *list)
{
  return list[g_rand_int_range (demo->rand, 0, g_strv_length ((char **) list))];
}

/* One word from a comma-separated list. */
static char *
pick_from_csv (SofraDemo *demo, const char *csv)
{
  g_auto (GStrv) words = g_strsplit (csv, ",", -1);

  return g_strdup (sofra_demo_pick (demo, (const char *const *) words));
}

/* "Милица|Milica" in one script; entries without a '|' are the same in every script. */
static char *
in_script (const char *entry, gboolean cyrillic)
{
  const char *bar = strchr (entry, '|');

  if (bar == NULL)
    return g_strdup (entry);
  return cyrillic ? g_strndup (entry, bar - entry) : g_strdup (bar + 1);
}

char *
sofra_demo_date_from_today (SofraDemo *demo, int days)
{
  GDate date = demo->today;
  char  text[16];

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

int
sofra_demo_days_from_today (SofraDemo *demo, const char *iso_date)
{
  int   year, month, day;
  GDate date;

  sscanf (iso_date, "%d-%d-%d", &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_days_between (&demo->today, &date);
}

const SofraDemoPhrases *
sofra_demo_phrases_for (const char *lang)
{
  for (guint i = 0; i < sofra_demo_n_phrases; i++)
    if (g_str_equal (sofra_demo_phrases[i].lang, lang))
      return &sofra_demo_phrases[i];
  return &sofra_demo_phrases[0];
}

gboolean
sofra_demo_put (SofraDemo  *demo,
                JsonObject *doc,
                guint       office,
                const char *staff,
                char      **id,
                GError    **error)
{
  sofra_store_set_author (demo->store, staff, demo->office_ids[office]);
  if (!sofra_store_put (demo->store, doc, error))
    return FALSE;
  if (id != NULL)
    *id = g_strdup (json_object_get_string_member (doc, "_id"));
  return TRUE;
}

/* ---- offices ------------------------------------------------------------------------- */

static gboolean
add_offices (SofraDemo *demo, GError **error)
{
  for (guint i = 0; i < SOFRA_DEMO_N_OFFICES; i++)
    {
      const SofraDemoOffice *office = &sofra_demo_offices[i];
      g_autoptr (SofraOffice) record = sofra_office_new ();
      g_autoptr (JsonObject) doc = NULL;
      g_autofree char *uuid = g_uuid_string_random ();
      g_autoptr (GPtrArray) existing = NULL;

      /* A second run (--force) adds to the offices of the first one. */
      existing = sofra_store_find (demo->store, SOFRA_TYPE_OFFICE, "name", office->name, error);
      if (existing == NULL)
        return FALSE;
      if (existing->len > 0)
        {
          demo->office_ids[i] = g_strdup (
            json_object_get_string_member (existing->pdata[0], "_id"));
          continue;
        }

      demo->office_ids[i] = g_strconcat (SOFRA_TYPE_OFFICE, ":", uuid, NULL);
      record->meta.id = g_strdup (demo->office_ids[i]);
      record->name = g_strdup (office->name);
      record->place_id = g_strconcat ("place:", office->place, NULL);
      doc = sofra_office_to_json (record);
      if (!sofra_demo_put (demo, doc, i, office->staff[0], NULL, error))
        return FALSE;
      demo->counts->offices++;
    }
  return TRUE;
}

/* ---- people -------------------------------------------------------------------------- */

static char *
make_email (const char *first_latin, const char *last_latin)
{
  g_autofree char *joined = g_strdup_printf ("%s.%s", first_latin, last_latin);
  g_autofree char *ascii = g_str_to_ascii (joined, "C");
  GString         *email = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '.')
      g_string_append_c (email, g_ascii_tolower (*p));
  g_string_append (email, "@example.org");
  return g_string_free (email, FALSE);
}

static char *
make_phone (SofraDemo *demo, const char *place_code)
{
  g_auto (GStrv) serbia = g_strsplit (serbia_places, ",", -1);

  if (g_strv_contains ((const char *const *) serbia, place_code))
    return g_strdup_printf ("+381 6%d %03d %04d", sofra_demo_between (demo, 0, 6),
                            sofra_demo_between (demo, 100, 999),
                            sofra_demo_between (demo, 0, 9999));
  return g_strdup_printf ("+383 4%d %03d %03d", sofra_demo_between (demo, 3, 9),
                          sofra_demo_between (demo, 100, 999), sofra_demo_between (demo, 0, 999));
}

/* An organisation that writes its name in one of @langs (comma-separated). */
static const SofraDemoAffiliation *
pick_affiliation (SofraDemo *demo, const char *langs)
{
  g_auto (GStrv) wanted = g_strsplit (langs, ",", -1);
  const SofraDemoAffiliation *fitting[32];
  guint                       n = 0;

  for (guint i = 0; i < sofra_demo_n_affiliations && n < G_N_ELEMENTS (fitting); i++)
    if (g_strv_contains ((const char *const *) wanted, sofra_demo_affiliations[i].lang))
      fitting[n++] = &sofra_demo_affiliations[i];
  if (n == 0)
    return &sofra_demo_affiliations[0];
  return fitting[g_rand_int_range (demo->rand, 0, n)];
}

static const char *
pick_age_group (SofraDemo *demo)
{
  double x = g_rand_double (demo->rand);

  return x < 0.08   ? "under_18"
         : x < 0.30 ? "18_24"
         : x < 0.52 ? "25_34"
         : x < 0.82 ? "35_54"
         : x < 0.97 ? "55_plus"
                    : "prefer_not_to_say";
}

static SofraDemoPerson *
make_person (SofraDemo *demo, const SofraDemoCommunity *community)
{
  SofraDemoPerson  *person = g_new0 (SofraDemoPerson, 1);
  SofraParticipant *p = sofra_participant_new ();
  double            g = g_rand_double (demo->rand);
  const char       *gender = g < 0.48    ? "woman"
                             : g < 0.96  ? "man"
                             : g < 0.975 ? "another"
                                         : "prefer_not_to_say";
  gboolean          women_names = g_str_equal (gender, "woman") ||
                         (!g_str_equal (gender, "man") && sofra_demo_chance (demo, 0.5));
  const char      *first = sofra_demo_pick (demo, women_names ? community->women : community->men);
  const char      *last = sofra_demo_pick (demo, community->surnames);
  gboolean         cyrillic = sofra_demo_chance (demo, 0.55);
  g_autofree char *first_shown = in_script (first, cyrillic);
  g_autofree char *last_shown = in_script (last, cyrillic);
  g_autofree char *place = pick_from_csv (demo, community->places);

  person->record = p;
  person->office = g_rand_int_range (demo->rand, 0, SOFRA_DEMO_N_OFFICES);

  p->code = sofra_participant_make_code ();
  p->gender = g_strdup (gender);
  p->age_group = g_strdup (pick_age_group (demo));
  p->community = g_strdup (community->community);
  p->municipality = g_strconcat ("place:", place, NULL);

  p->consent.name_recorded = sofra_demo_chance (demo, 0.95);
  p->consent.name_on_documents = p->consent.name_recorded && sofra_demo_chance (demo, 0.75);
  p->consent.photos = sofra_demo_chance (demo, 0.55);
  p->consent.contact = sofra_demo_chance (demo, 0.8);
  p->consent.share_offices = sofra_demo_chance (demo, 0.85);
  if (p->consent.name_recorded)
    p->name = g_strdup_printf ("%s %s", first_shown, last_shown);

  if (sofra_demo_chance (demo, 0.6))
    {
      const SofraDemoAffiliation *a = pick_affiliation (demo, community->langs);

      p->organisation = g_strdup (a->organisation);
      p->role = g_strdup (women_names ? a->role_woman : a->role_man);
    }

  if (p->consent.contact && sofra_demo_chance (demo, 0.8))
    p->phone = make_phone (demo, place);
  if (p->consent.contact && p->consent.name_recorded && sofra_demo_chance (demo, 0.45))
    {
      g_autofree char *first_latin = in_script (first, FALSE);
      g_autofree char *last_latin = in_script (last, FALSE);

      p->email = make_email (first_latin, last_latin);
    }

  return person;
}

static void
make_people (SofraDemo *demo)
{
  for (guint c = 0; c < sofra_demo_n_communities; c++)
    for (guint i = 0; i < sofra_demo_communities[c].count; i++)
      g_ptr_array_add (demo->people, make_person (demo, &sofra_demo_communities[c]));
}

/* ---- sessions ------------------------------------------------------------------------ */

static gboolean
is_cancelled_rank (guint rank)
{
  for (guint i = 0; i < G_N_ELEMENTS (cancelled_ranks); i++)
    if (cancelled_ranks[i] == rank)
      return TRUE;
  return FALSE;
}

/* Picks who came: mostly people of the invited communities, more often from the place. */
static void
choose_attendees (SofraDemo *demo, SofraDemoPlan *planned)
{
  g_auto (GStrv) invited = g_strsplit (planned->text->communities, ",", -1);
  g_autofree char   *place_id = planned->where->place != NULL
                                  ? g_strconcat ("place:", planned->where->place, NULL)
                                  : NULL;
  g_autofree double *weights = g_new0 (double, demo->people->len);
  guint              n = sofra_demo_between (demo, 5, 25);
  double             total = 0;

  for (guint i = 0; i < demo->people->len; i++)
    {
      SofraParticipant *p = ((SofraDemoPerson *) demo->people->pdata[i])->record;

      weights[i] = 1;
      if (p->community != NULL && g_strv_contains ((const char *const *) invited, p->community))
        weights[i] *= 8;
      if (place_id != NULL && g_strcmp0 (p->municipality, place_id) == 0)
        weights[i] *= 3;
      total += weights[i];
    }

  for (guint k = 0; k < n && total > 0; k++)
    {
      double x = g_rand_double_range (demo->rand, 0, total);
      guint  i = 0;

      while (i + 1 < demo->people->len && (x >= weights[i] || weights[i] == 0))
        x -= weights[i++];
      g_array_append_val (planned->attendees, i);
      total -= weights[i];
      weights[i] = 0;
    }
}

static void
plan_sessions (SofraDemo *demo)
{
  guint             n = sofra_demo_n_sessions * 2;
  g_autofree guint *order = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (demo->rand, 0, i + 1);
      guint tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }

  for (guint rank = 0; rank < n; rank++)
    {
      SofraDemoPlan         *planned = g_new0 (SofraDemoPlan, 1);
      guint                  n_past = n - N_FUTURE;
      const SofraDemoOffice *office;

      planned->text = &sofra_demo_sessions[order[rank] / 2];
      planned->where = &planned->text->where[order[rank] % 2];
      planned->attendees = g_array_new (FALSE, FALSE, sizeof (guint));
      office = &sofra_demo_offices[planned->where->office];
      planned->facilitators = g_new0 (char *, 3);
      planned->facilitators[0] = g_strdup (office->staff[rank % 2]);
      if (sofra_demo_chance (demo, 0.5))
        planned->facilitators[1] = g_strdup (office->staff[(rank + 1) % 2]);

      if (rank < n_past)
        {
          int days_ago = N_PAST_DAYS - (int) (rank * (N_PAST_DAYS - 10) / n_past) -
                         sofra_demo_between (demo, 0, 6);

          planned->date = sofra_demo_date_from_today (demo, -days_ago);
          planned->status = is_cancelled_rank (rank) ? "cancelled" : "held";
        }
      else
        {
          planned->date = sofra_demo_date_from_today (demo, future_days[rank - n_past]);
          planned->status = "planned";
        }

      if (g_str_equal (planned->status, "held"))
        choose_attendees (demo, planned);
      g_ptr_array_add (demo->planned, planned);
    }
}

/* The communities present: those of the people who came and of the head-count. */
static char **
communities_present (SofraDemo *demo, SofraDemoPlan *planned, SofraSession *session)
{
  g_autoptr (GPtrArray) present = g_ptr_array_new ();
  const SofraVocabEntry *entries = sofra_vocab_entries (SOFRA_VOCAB_COMMUNITY);

  if (!g_str_equal (planned->status, "held"))
    return g_strsplit (planned->text->communities, ",", -1);

  for (guint e = 0; entries[e].id != NULL; e++)
    {
      gboolean found = FALSE;

      if (g_str_equal (entries[e].id, "prefer_not_to_say"))
        continue;
      for (guint i = 0; !found && i < planned->attendees->len; i++)
        {
          SofraDemoPerson *person =
            demo->people->pdata[g_array_index (planned->attendees, guint, i)];

          found = g_strcmp0 (person->record->community, entries[e].id) == 0;
        }
      for (guint i = 0; !found && i < session->headcount->len; i++)
        found = g_strcmp0 (g_array_index (session->headcount, SofraHeadcount, i).community,
                           entries[e].id) == 0;
      if (found)
        g_ptr_array_add (present, g_strdup (entries[e].id));
    }
  g_ptr_array_add (present, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&present), FALSE);
}

static SofraSession *
make_session (SofraDemo *demo, SofraDemoPlan *planned)
{
  static const char *const starts[] = { "09:30", "10:00", "11:00", "14:00", "16:00", "17:30" };
  const SofraDemoSession  *text = planned->text;
  SofraSession            *s = sofra_session_new ();
  gboolean                 held = g_str_equal (planned->status, "held");
  const char              *start = starts[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (starts))];
  int                      minutes = 90 + 30 * sofra_demo_between (demo, 0, 3);
  int end = (start[0] - '0') * 600 + (start[1] - '0') * 60 + (start[3] - '0') * 10 +
            (start[4] - '0') + minutes;

  s->title = g_strdup (text->title);
  s->kind = g_strdup (text->kind);
  s->status = g_strdup (planned->status);
  s->date = g_strdup (planned->date);
  s->start_time = g_strdup (start);
  s->end_time = g_strdup_printf ("%02d:%02d", end / 60, end % 60);
  s->online = planned->where->place == NULL;
  if (!s->online)
    s->place_id = g_strconcat ("place:", planned->where->place, NULL);
  s->venue = g_strdup (planned->where->venue);
  s->facilitators = g_strdupv (planned->facilitators);
  s->languages = g_strsplit (text->languages, ",", -1);
  s->interpretation = text->interpretation;
  s->topics = g_strsplit (text->topics, ",", -1);

  if (held)
    {
      s->summary = g_strdup (text->summary);
      s->key_points = g_strdup (text->key_points);
      s->agreements = g_strdup (text->agreements);
      s->incidents = g_strdup (text->incidents);
      if (sofra_demo_chance (demo, 0.7))
        {
          s->trust_before = text->incidents != NULL ? 2 : sofra_demo_between (demo, 2, 3);
          s->trust_after = MIN (5, s->trust_before + sofra_demo_between (demo, 0, 2));
        }
      if (sofra_demo_chance (demo, 0.3))
        {
          g_auto (GStrv) invited = g_strsplit (text->communities, ",", -1);

          for (int i = sofra_demo_between (demo, 1, 2); i > 0; i--)
            {
              SofraHeadcount h = { g_strdup (sofra_demo_pick (demo, (const char *const *) invited)),
                                   g_strdup (sofra_demo_chance (demo, 0.5) ? "woman" : "man"),
                                   sofra_demo_between (demo, 1, 12) };

              g_array_append_val (s->headcount, h);
            }
        }
    }
  else if (g_str_equal (planned->status, "cancelled"))
    s->summary = g_strdup (sofra_demo_phrases_for (text->lang)->cancelled);

  s->communities = communities_present (demo, planned, s);
  return s;
}

static const char *
attendance_role (SofraDemo *demo, SofraDemoPlan *planned, guint i)
{
  const char *kind = planned->text->kind;
  guint       n = planned->attendees->len;

  if (i == 0 && (g_str_equal (kind, "roundtable") || g_str_equal (kind, "workshop") ||
                 g_str_equal (kind, "community_meeting")))
    return "speaker";
  if (i == 1 && sofra_demo_chance (demo, 0.3))
    return "speaker";
  if (i == n - 1 && planned->text->interpretation && sofra_demo_chance (demo, 0.3))
    return "interpreter";
  if (i == n - 2 && sofra_demo_chance (demo, 0.25))
    return "observer";
  return "participant";
}

static gboolean
add_sessions (SofraDemo *demo, GError **error)
{
  for (guint k = 0; k < demo->planned->len; k++)
    {
      SofraDemoPlan *planned = demo->planned->pdata[k];
      g_autoptr (SofraSession) session = make_session (demo, planned);
      g_autoptr (JsonObject) doc = sofra_session_to_json (session);

      if (!sofra_demo_put (demo, doc, planned->where->office, planned->facilitators[0],
                           &planned->id, error))
        return FALSE;
      demo->counts->sessions++;

      for (guint i = 0; i < planned->attendees->len; i++)
        {
          SofraDemoPerson *person =
            demo->people->pdata[g_array_index (planned->attendees, guint, i)];
          g_autoptr (SofraAttendance) attendance = sofra_attendance_new ();
          g_autoptr (JsonObject) attendance_doc = NULL;

          attendance->session_id = g_strdup (planned->id);
          attendance->participant_id = g_strdup (person->record->meta.id);
          attendance->role = g_strdup (attendance_role (demo, planned, i));
          attendance_doc = sofra_attendance_to_json (attendance);
          if (!sofra_demo_put (demo, attendance_doc, planned->where->office,
                               planned->facilitators[0], NULL, error))
            return FALSE;
          demo->counts->attendance++;
        }
    }
  return TRUE;
}

/* ---- participants -------------------------------------------------------------------- */

static gboolean
add_participants (SofraDemo *demo, GError **error)
{
  guint withdrawn = 0;

  /* Consent is recorded at the first session a person comes to. */
  for (guint k = 0; k < demo->planned->len; k++)
    {
      SofraDemoPlan *planned = demo->planned->pdata[k];

      for (guint i = 0; i < planned->attendees->len; i++)
        {
          SofraDemoPerson *person =
            demo->people->pdata[g_array_index (planned->attendees, guint, i)];

          if (person->first_date == NULL)
            {
              person->first_date = g_strdup (planned->date);
              person->office = planned->where->office;
            }
        }
    }

  for (guint i = 0; i < demo->people->len; i++)
    {
      SofraDemoPerson  *person = demo->people->pdata[i];
      SofraParticipant *p = person->record;
      g_autoptr (JsonObject) doc = NULL;

      p->consent.date = person->first_date != NULL
                          ? g_strdup (person->first_date)
                          : sofra_demo_date_from_today (demo, -sofra_demo_between (demo, 20, 300));
      /* Two people who came early in the year later withdrew their consent. */
      if (withdrawn < 2 && person->first_date != NULL &&
          sofra_demo_days_from_today (demo, person->first_date) < -200 &&
          sofra_demo_chance (demo, 0.2))
        {
          p->consent.withdrawn_date =
            sofra_demo_date_from_today (demo, -sofra_demo_between (demo, 10, 60));
          withdrawn++;
        }

      doc = sofra_participant_to_json (p);
      if (!sofra_demo_put (demo, doc, person->office, sofra_demo_offices[person->office].staff[0],
                           &p->meta.id, error))
        return FALSE;
      demo->counts->participants++;
    }
  return TRUE;
}

/* ---- public API ---------------------------------------------------------------------- */

gboolean
sofra_demo_data_add (SofraStore      *store,
                     guint32          seed,
                     const char      *today,
                     SofraDemoCounts *counts,
                     GError         **error)
{
  SofraDemoCounts ignored;
  SofraDemo       demo = { 0 };
  int             year, month, day;
  gboolean        ok;

  g_return_val_if_fail (SOFRA_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (sscanf (today, "%d-%d-%d", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_INVALID,
                   _ ("“%s” is not a date (YYYY-MM-DD)"), today);
      return FALSE;
    }

  demo.store = store;
  demo.rand = g_rand_new_with_seed (seed);
  g_date_clear (&demo.today, 1);
  g_date_set_dmy (&demo.today, day, month, year);
  demo.people = g_ptr_array_new_with_free_func (person_free);
  demo.planned = g_ptr_array_new_with_free_func (planned_free);
  demo.counts = counts != NULL ? counts : &ignored;
  memset (demo.counts, 0, sizeof *demo.counts);

  make_people (&demo);
  plan_sessions (&demo);

  ok = sofra_store_begin (store, error);
  if (ok)
    {
      ok = sofra_store_seed_places (store, error) && add_offices (&demo, error) &&
           add_participants (&demo, error) && add_sessions (&demo, error) &&
           sofra_demo_add_notes (&demo, error) && sofra_demo_add_followups (&demo, error) &&
           sofra_store_commit (store, error);
      if (!ok)
        sofra_store_rollback (store);
    }
  sofra_store_set_author (store, NULL, NULL);

  if (!ok)
    memset (demo.counts, 0, sizeof *demo.counts);
  for (guint i = 0; i < G_N_ELEMENTS (demo.office_ids); i++)
    g_free (demo.office_ids[i]);
  g_ptr_array_unref (demo.people);
  g_ptr_array_unref (demo.planned);
  g_rand_free (demo.rand);
  return ok;
}
