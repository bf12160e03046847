/* sofra-report-session.c — one session's summary as report blocks, consent applied
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What reaches the page: names only of participants who consented to appear on documents
 * (the pseudonym code otherwise, with no organisation or role that could identify them);
 * counts by community and gender with every group under five shown as "<5"; no notes about
 * participants at all, so a private note can never be printed.
 */
#include <glib/gi18n-lib.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-render-text.h"
#include "sofra-report-people.h"
#include "sofra-report-private.h"

typedef struct
{
  char    *shown;        /* name or pseudonym code, in the reader's script */
  char    *role;         /* at the session, translated */
  char    *organisation; /* only with a name */
  gboolean named;
} Person;

static void
person_clear (Person *person)
{
  g_free (person->shown);
  g_free (person->role);
  g_free (person->organisation);
}

static int
compare_people (gconstpointer a, gconstpointer b)
{
  const Person *x = a, *y = b;

  if (x->named != y->named)
    return x->named ? -1 : 1;
  return g_utf8_collate (x->shown, y->shown);
}

static char *
joined_labels (SofraReport *self, SofraVocab vocab, char **ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, sofra_labels_vocab (self->labels, vocab, ids[i]));
    }
  return g_string_free (text, FALSE);
}

static char *
joined_record_text (SofraReport *self, char **items)
{
  g_autofree char *joined = NULL;

  if (items == NULL || items[0] == NULL)
    return g_strdup ("");
  joined = g_strjoinv (", ", items);
  return sofra_report_record_text (self, joined);
}

static char *
office_name (SofraReport *self, const char *office_id)
{
  g_autoptr (JsonObject) doc = NULL;
  g_autoptr (SofraOffice) office = NULL;

  if (office_id == NULL)
    return NULL;
  doc = sofra_store_get (self->store, office_id, NULL);
  if (doc == NULL || (office = sofra_office_from_json (doc, NULL)) == NULL)
    return NULL;
  return sofra_report_record_text (self, office->name);
}

static const char *
place_language (SofraReport *self)
{
  /* Both languages on the page: the place by both its names, as in English. */
  return sofra_labels_get_bilingual (self->labels) ? "en"
                                                   : sofra_labels_get_language (self->labels);
}

static void
add_meta (SofraReport *self, const char *label, const char *value)
{
  if (value != NULL && *value != '\0')
    sofra_report_add_row (self, SOFRA_ROW_META, 2, label, value);
}

static void
add_header (SofraReport *self, SofraSession *session)
{
  static const double columns[] = { 0.27, 0.73 };
  static const double bilingual_columns[] = { 0.34, 0.66 };
  g_autofree char    *office = office_name (self, session->meta.office);
  g_autofree char    *kicker = NULL;
  g_autofree char    *title = sofra_report_record_text (self, session->title);
  g_autofree char    *date = sofra_labels_date (self->labels, session->date);
  g_autofree char    *when = NULL;
  g_autofree char    *where = NULL;
  g_autofree char    *facilitators = joined_record_text (self, session->facilitators);
  g_autofree char    *languages = joined_labels (self, SOFRA_VOCAB_LANGUAGE, session->languages);
  g_autofree char *communities = joined_labels (self, SOFRA_VOCAB_COMMUNITY, session->communities);
  g_autofree char *topics = joined_labels (self, SOFRA_VOCAB_TOPIC, session->topics);

  if (*self->organisation != '\0' && office != NULL)
    kicker = g_strdup_printf ("%s · %s", self->organisation, office);
  else
    kicker = g_strdup (*self->organisation != '\0' ? self->organisation : office);
  if (kicker != NULL)
    sofra_report_add_text (self, SOFRA_STYLE_KICKER, kicker);
  sofra_report_add_text (self, SOFRA_STYLE_TITLE,
                         *title != '\0' ? title : L (self, NULL, N_ ("Untitled session")));

  if (session->start_time != NULL && session->end_time != NULL)
    when = g_strdup_printf ("%s, %s–%s", date, session->start_time, session->end_time);
  else if (session->start_time != NULL)
    when = g_strdup_printf ("%s, %s", date, session->start_time);
  else
    when = g_strdup (date);

  if (session->online)
    where = g_strdup (L (self, "place", "Online"));
  else
    {
      g_autofree char *place = sofra_render_place_name (self->store, session->place_id,
                                                        place_language (self));
      g_autofree char *venue = sofra_report_record_text (self, session->venue);

      if (place != NULL && *venue != '\0')
        where = g_strdup_printf ("%s — %s", venue, place);
      else
        where = g_strdup (place != NULL ? place : venue);
    }

  if (*languages != '\0')
    {
      const char *interpretation = session->interpretation
                                     ? L (self, NULL, N_ ("with interpretation"))
                                     : L (self, NULL, N_ ("without interpretation"));
      char       *with = g_strdup_printf ("%s (%s)", languages, interpretation);

      g_free (languages);
      languages = with;
    }

  /* Two labels side by side need a wider column. */
  sofra_report_set_columns (self, 2,
                            sofra_labels_get_bilingual (self->labels) ? bilingual_columns : columns,
                            0);
  add_meta (self, L (self, "field", "Kind"),
            sofra_labels_vocab (self->labels, SOFRA_VOCAB_SESSION_KIND, session->kind));
  if (g_strcmp0 (session->status, "held") != 0)
    add_meta (self, L (self, "field", "Status"),
              sofra_labels_vocab (self->labels, SOFRA_VOCAB_SESSION_STATUS, session->status));
  add_meta (self, L (self, "field", "Date and time"), when);
  add_meta (self, L (self, "field", "Place"), where);
  add_meta (self, L (self, "field", "Facilitators"), facilitators);
  add_meta (self, L (self, "field", "Languages"), languages);
  add_meta (self, L (self, "field", "Communities present"), communities);
  add_meta (self, L (self, "field", "Topics"), topics);
  if (session->trust_before > 0 || session->trust_after > 0)
    {
      /* Translators: the atmosphere of a session rated 1 to 5 before and after it,
       * "3 before, 4 after (of 5)"; a 0 means not rated */
      g_autofree char *trust = LF (self, NULL, N_ ("%1$d before, %2$d after (of 5)"),
                                   session->trust_before, session->trust_after);

      add_meta (self, L (self, "field", "Atmosphere and trust"), trust);
    }
}

/* The people at the session, as they may be shown; counts go to @counts. */
static GArray *
collect_people (SofraReport *self, SofraSession *session, SofraPeopleCounts *counts)
{
  g_autoptr (GPtrArray) attendances = NULL;
  GArray *people = g_array_new (FALSE, TRUE, sizeof (Person));

  g_array_set_clear_func (people, (GDestroyNotify) person_clear);
  attendances = sofra_store_find (self->store, SOFRA_TYPE_ATTENDANCE, "session_id",
                                  session->meta.id, NULL);
  for (guint i = 0; attendances != NULL && i < attendances->len; i++)
    {
      g_autoptr (SofraAttendance)
        attendance = sofra_attendance_from_json (g_ptr_array_index (attendances, i), NULL);
      g_autoptr (JsonObject) doc = NULL;
      g_autoptr (SofraParticipant) participant = NULL;
      Person person = { 0 };

      if (attendance == NULL || attendance->participant_id == NULL)
        continue;
      doc = sofra_store_get (self->store, attendance->participant_id, NULL);
      if (doc == NULL || (participant = sofra_participant_from_json (doc, NULL)) == NULL)
        continue;

      sofra_people_counts_add (counts, participant->community, participant->gender, 1);
      person.named = sofra_participant_public_name (participant) != participant->code &&
                     participant->code != NULL;
      person.shown = sofra_report_record_text (self, person.named ? participant->name
                                                                  : participant->code);
      person.role = g_strdup (
        sofra_labels_vocab (self->labels, SOFRA_VOCAB_ATTENDANCE_ROLE,
                            attendance->role != NULL ? attendance->role : "participant"));
      if (person.named)
        person.organisation = sofra_report_record_text (self, participant->organisation);
      g_array_append_val (people, person);
    }
  g_array_sort (people, compare_people);
  return people;
}

static void
add_participants (SofraReport *self, SofraSession *session)
{
  static const double columns[] = { 0.4, 0.2, 0.4 };
  static const double bilingual_columns[] = { 0.36, 0.28, 0.36 };
  SofraPeopleCounts   counts = { 0 };
  g_autoptr (GArray) people = collect_people (self, session, &counts);
  guint n_registered = people->len, n_unregistered = 0, n_withheld = 0;

  for (guint i = 0; session->headcount != NULL && i < session->headcount->len; i++)
    {
      const SofraHeadcount *head = &g_array_index (session->headcount, SofraHeadcount, i);

      if (head->count > 0)
        {
          sofra_people_counts_add (&counts, head->community, head->gender, head->count);
          n_unregistered += head->count;
        }
    }

  sofra_report_add_text (self, SOFRA_STYLE_HEADING, L (self, "section", "Participants"));
  if (n_registered + n_unregistered == 0)
    {
      sofra_report_add_text (self, SOFRA_STYLE_BODY,
                             L (self, NULL, N_ ("No participants were recorded.")));
      return;
    }

  {
    /* Translators: how many people registered at a session, on printed summaries */
    g_autofree char *registered = sofra_labels_count (self->labels, "%lu registered participant",
                                                      "%lu registered participants", n_registered);
    /* Translators: people counted at a session without registering, on printed summaries */
    g_autofree char *unregistered = sofra_labels_count (self->labels,
                                                        "%lu person present without registering",
                                                        "%lu people present without registering",
                                                        n_unregistered);
    g_autofree char *line = n_unregistered > 0
                              ? g_strdup_printf ("%s; %s.", registered, unregistered)
                              : g_strdup_printf ("%s.", registered);

    sofra_report_add_text (self, SOFRA_STYLE_BODY, line);
  }

  sofra_report_add_people_table (self, &counts);

  if (n_registered == 0)
    return;

  sofra_report_set_columns (self, 3,
                            sofra_labels_get_bilingual (self->labels) ? bilingual_columns : columns,
                            0);
  sofra_report_add_row (self, SOFRA_ROW_HEAD, 3, L (self, "column", "Name or code"),
                        L (self, "column", "Role"), L (self, "column", "Organisation"));
  for (guint i = 0; i < people->len; i++)
    {
      Person *person = &g_array_index (people, Person, i);

      sofra_report_add_row (self, SOFRA_ROW_BODY, 3, person->shown, person->role,
                            person->organisation);
      if (!person->named)
        n_withheld++;
    }

  if (n_withheld > 0)
    {
      /* Translators: under the list of participants on printed summaries */
      g_autofree char *withheld = sofra_labels_count (
        self->labels,
        "%lu name withheld: this participant did not agree to appear on documents and is "
        "shown by a pseudonym code.",
        "%lu names withheld: these participants did not agree to appear on documents and "
        "are shown by pseudonym codes.",
        n_withheld);

      sofra_report_add_text (self, SOFRA_STYLE_NOTE, withheld);
    }
}

static void
add_section (SofraReport *self, const char *heading, const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    return;
  sofra_report_add_text (self, SOFRA_STYLE_HEADING, heading);
  sofra_report_add_paragraphs (self, text);
}

static void
add_followups (SofraReport *self, SofraSession *session)
{
  static const double columns[] = { 0.46, 0.22, 0.16, 0.16 };
  g_autoptr (GPtrArray) docs = sofra_store_find (self->store, SOFRA_TYPE_FOLLOWUP, "session_id",
                                                 session->meta.id, NULL);

  if (docs == NULL || docs->len == 0)
    return;

  sofra_report_add_text (self, SOFRA_STYLE_HEADING, L (self, "section", "Follow-ups"));
  sofra_report_set_columns (self, 4, columns, 0);
  sofra_report_add_row (self, SOFRA_ROW_HEAD, 4, L (self, "column", "What"),
                        L (self, "column", "Owner"), L (self, "column", "Due"),
                        L (self, "column", "Status"));
  for (guint i = 0; i < docs->len; i++)
    {
      g_autoptr (SofraFollowUp)
        followup = sofra_followup_from_json (g_ptr_array_index (docs, i), NULL);
      g_autofree char *what = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *due = NULL;

      if (followup == NULL)
        continue;
      what = sofra_report_record_text (self, followup->what);
      owner = sofra_report_record_text (self, followup->owner);
      due = sofra_labels_date (self->labels, followup->due_date);
      sofra_report_add_row (self, SOFRA_ROW_BODY, 4, what, owner, due,
                            sofra_labels_vocab (self->labels, SOFRA_VOCAB_FOLLOWUP_STATUS,
                                                followup->status));
    }
}

void
sofra_report_count_people (SofraReport       *self,
                           JsonObject        *session_doc,
                           GHashTable        *seen,
                           SofraPeopleCounts *counts)
{
  const char *id = json_object_get_string_member_with_default (session_doc, "_id", "");
  g_autoptr (GPtrArray)
    attendances = sofra_store_find (self->store, SOFRA_TYPE_ATTENDANCE, "session_id", id, NULL);
  JsonArray *headcount = sofra_json_array_member (session_doc, "headcount");

  for (guint i = 0; attendances != NULL && i < attendances->len; i++)
    {
      const char *participant_id =
        json_object_get_string_member_with_default (g_ptr_array_index (attendances, i),
                                                    "participant_id", NULL);
      g_autoptr (JsonObject) doc = NULL;
      g_autoptr (SofraParticipant) participant = NULL;

      if (participant_id == NULL || g_hash_table_contains (seen, participant_id))
        continue;
      doc = sofra_store_get (self->store, participant_id, NULL);
      if (doc == NULL || (participant = sofra_participant_from_json (doc, NULL)) == NULL)
        continue;
      g_hash_table_add (seen, g_strdup (participant_id));
      sofra_people_counts_add (counts, participant->community, participant->gender, 1);
    }

  for (guint i = 0; headcount != NULL && i < json_array_get_length (headcount); i++)
    {
      JsonObject *head = json_array_get_object_element (headcount, i);
      gint64      n = head != NULL ? json_object_get_int_member_with_default (head, "count", 0) : 0;

      if (n > 0 && n < G_MAXUINT)
        sofra_people_counts_add (
          counts, json_object_get_string_member_with_default (head, "community", NULL),
          json_object_get_string_member_with_default (head, "gender", NULL), (guint) n);
    }
}

gboolean
sofra_report_add_session (SofraReport *self, const char *session_id, GError **error)
{
  g_autoptr (JsonObject) doc = sofra_store_get (self->store, session_id, NULL);
  g_autoptr (SofraSession) session = NULL;
  g_autoptr (GError) local_error = NULL;

  if (doc == NULL)
    {
      g_set_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_NOT_FOUND,
                   _ ("There is no session “%s”"), session_id);
      return FALSE;
    }
  session = sofra_session_from_json (doc, &local_error);
  if (session == NULL)
    {
      g_set_error (error, SOFRA_REPORT_ERROR, SOFRA_REPORT_ERROR_INVALID,
                   _ ("The session “%s” cannot be read: %s"), session_id, local_error->message);
      return FALSE;
    }

  add_header (self, session);
  add_participants (self, session);
  add_section (self, L (self, "section", "Summary"), session->summary);
  add_section (self, L (self, "section", "Key points raised"), session->key_points);
  add_section (self, L (self, "section", "Agreements and commitments"), session->agreements);
  add_section (self, L (self, "section", "Tensions or incidents"), session->incidents);
  add_followups (self, session);
  return TRUE;
}
