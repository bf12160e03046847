/* sofra-demo-followups.c — sample participant notes and follow-ups for the demo data
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-demo-data-private.h"
#include "sofra-records.h"

#define N_NOTES 60

static SofraDemoPlan *
pick_held_session (SofraDemo *demo)
{
  for (;;)
    {
      SofraDemoPlan *planned =
        demo->planned->pdata[g_rand_int_range (demo->rand, 0, demo->planned->len)];

      if (planned->attendees->len > 0)
        return planned;
    }
}

gboolean
sofra_demo_add_notes (SofraDemo *demo, GError **error)
{
  for (guint k = 0; k < N_NOTES; k++)
    {
      SofraDemoPlan       *planned = pick_held_session (demo);
      guint                who = g_array_index (planned->attendees, guint,
                                                g_rand_int_range (demo->rand, 0, planned->attendees->len));
      SofraDemoPerson     *person = demo->people->pdata[who];
      const SofraDemoNote *text =
        &sofra_demo_notes[g_rand_int_range (demo->rand, 0, sofra_demo_n_notes)];
      g_autoptr (SofraNote) note = sofra_note_new ();
      g_autoptr (JsonObject) doc = NULL;
      int days = sofra_demo_days_from_today (demo, planned->date) + sofra_demo_between (demo, 0, 3);

      note->participant_id = g_strdup (person->record->meta.id);
      if (sofra_demo_chance (demo, 0.7))
        note->session_id = g_strdup (planned->id);
      note->date = sofra_demo_date_from_today (demo, MIN (days, 0));
      note->text = g_strdup (text->text);
      note->visibility = g_strdup (text->private_note || sofra_demo_chance (demo, 0.1) ? "private"
                                                                                       : "shared");
      doc = sofra_note_to_json (note);
      if (!sofra_demo_put (demo, doc, planned->where->office, planned->facilitators[0], NULL,
                           error))
        return FALSE;
      demo->counts->notes++;
    }
  return TRUE;
}

static void
settle_followup (SofraDemo     *demo,
                 SofraDemoPlan *planned,
                 SofraFollowUp *f,
                 int            session_day,
                 int            due_day)
{
  const SofraDemoPhrases *phrases = sofra_demo_phrases_for (planned->text->lang);
  double                  x = g_rand_double (demo->rand);
  int                     done_day;

  if (due_day < 0)
    f->status = g_strdup (x < 0.6    ? "done"
                          : x < 0.7  ? "dropped"
                          : x < 0.85 ? "open"
                                     : "in_progress");
  else
    f->status = g_strdup (x < 0.2 ? "done" : x < 0.5 ? "in_progress" : "open");

  if (g_str_equal (f->status, "done"))
    {
      done_day = due_day + sofra_demo_between (demo, -10, 5);
      done_day = CLAMP (done_day, session_day + 1, 0);
      f->completed_on = sofra_demo_date_from_today (demo, done_day);
      f->completion_note = g_strdup (phrases->done);
    }
  else if (g_str_equal (f->status, "dropped"))
    f->completion_note = g_strdup (phrases->dropped);
}

static gboolean
add_followup (SofraDemo *demo, SofraDemoPlan *planned, const char *what, int due_in, GError **error)
{
  g_autoptr (SofraFollowUp) f = sofra_followup_new ();
  g_autoptr (JsonObject) doc = NULL;
  int    session_day = sofra_demo_days_from_today (demo, planned->date);
  double x = g_rand_double (demo->rand);

  f->what = g_strdup (what);
  f->session_id = g_strdup (planned->id);
  f->owner = g_strdup (
    planned->facilitators[g_rand_int_range (demo->rand, 0, g_strv_length (planned->facilitators))]);
  f->due_date = sofra_demo_date_from_today (demo, session_day + due_in);
  f->priority = g_strdup (x < 0.25 ? "high" : x < 0.8 ? "normal" : "low");

  if (planned->attendees->len > 0 && sofra_demo_chance (demo, 0.3))
    {
      guint n = MIN (planned->attendees->len, (guint) sofra_demo_between (demo, 1, 2));

      f->participant_ids = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          SofraDemoPerson *person =
            demo->people->pdata[g_array_index (planned->attendees, guint, i)];

          f->participant_ids[i] = g_strdup (person->record->meta.id);
        }
    }

  if (g_str_equal (planned->status, "planned"))
    f->status = g_strdup (sofra_demo_chance (demo, 0.5) ? "open" : "in_progress");
  else
    settle_followup (demo, planned, f, session_day, session_day + due_in);

  doc = sofra_followup_to_json (f);
  if (!sofra_demo_put (demo, doc, planned->where->office, f->owner, NULL, error))
    return FALSE;
  demo->counts->followups++;
  return TRUE;
}

gboolean
sofra_demo_add_followups (SofraDemo *demo, GError **error)
{
  for (guint k = 0; k < demo->planned->len; k++)
    {
      SofraDemoPlan *planned = demo->planned->pdata[k];

      if (g_str_equal (planned->status, "planned"))
        {
          if (!add_followup (demo, planned,
                             sofra_demo_phrases_for (planned->text->lang)->invitations, -5, error))
            return FALSE;
          continue;
        }
      if (!g_str_equal (planned->status, "held"))
        continue;

      for (int i = 0, n = sofra_demo_chance (demo, 0.2) ? 0 : sofra_demo_between (demo, 1, 2);
           i < n; i++)
        if (!add_followup (demo, planned, planned->text->followups[i],
                           sofra_demo_between (demo, 14, 45), error))
          return FALSE;
    }
  return TRUE;
}
