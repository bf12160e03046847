/* sofra-demo-data.h — realistic sample data for trying Sofra out, written through the store
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sofra-store.h"

G_BEGIN_DECLS

/* The seed of every run: the same people, sessions and texts each time. */
#define SOFRA_DEMO_DATA_SEED 20260115

typedef struct
{
  guint offices;
  guint sessions;
  guint participants;
  guint attendance;
  guint notes;
  guint followups;
} SofraDemoCounts;

/* Adds the gazetteer's places and a year of sample offices, sessions, participants,
 * attendance, notes and follow-ups around @today (YYYY-MM-DD), all in one transaction:
 * on failure nothing is added. */
gboolean sofra_demo_data_add (SofraStore      *store,
                              guint32          seed,
                              const char      *today,
                              SofraDemoCounts *counts,
                              GError         **error);

G_END_DECLS
