/* sofra-sync-controller.h — when to sync, with what settings, and what to tell the person
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns a SofraSyncer made from the settings (sync-server, sync-database, sync-user, the
 * password from the keyring, the trusted certificate fingerprint) and runs it: on request,
 * every sync-interval minutes and shortly after a local change when sync-automatic is on and
 * the network is up. Its properties are what the status in the window shows.
 */
#pragma once

#include <gio/gio.h>

#include "sofra-store.h"

G_BEGIN_DECLS

typedef enum
{
  SOFRA_SYNC_STATUS_NOT_SET_UP, /* no server address */
  SOFRA_SYNC_STATUS_IDLE,       /* set up; last run (if any) succeeded */
  SOFRA_SYNC_STATUS_RUNNING,
  SOFRA_SYNC_STATUS_OFFLINE, /* no network; a sync waits for it */
  SOFRA_SYNC_STATUS_FAILED,  /* the last run failed: see get_error() */
} SofraSyncStatus;

/* What a person can do about a failure, for the button next to its message. */
typedef enum
{
  SOFRA_SYNC_REMEDY_RETRY,       /* try again later (unreachable, server error) */
  SOFRA_SYNC_REMEDY_PREFERENCES, /* fix the address, database, user or password */
  SOFRA_SYNC_REMEDY_CERTIFICATE, /* check and trust the server's certificate */
} SofraSyncRemedy;

#define SOFRA_TYPE_SYNC_CONTROLLER (sofra_sync_controller_get_type ())
G_DECLARE_FINAL_TYPE (SofraSyncController, sofra_sync_controller, SOFRA, SYNC_CONTROLLER, GObject)

/* Properties, all with notify: "status", "last-sync" (gint64 unix seconds, 0 never),
 * "pending-changes" (guint), "progress" (double 0..1, or -1 when unknown), "conflicts"
 * (guint records in conflict). Signal "finished" (gboolean ok) after every run. */

SofraSyncController *sofra_sync_controller_new (SofraStore *store, GSettings *settings);

SofraStore     *sofra_sync_controller_get_store (SofraSyncController *self);
GSettings      *sofra_sync_controller_get_settings (SofraSyncController *self);
SofraSyncStatus sofra_sync_controller_get_status (SofraSyncController *self);
gint64          sofra_sync_controller_get_last_sync (SofraSyncController *self);
guint           sofra_sync_controller_get_pending_changes (SofraSyncController *self);
double          sofra_sync_controller_get_progress (SofraSyncController *self);
guint           sofra_sync_controller_get_conflicts (SofraSyncController *self);
/* The failure of the last run (translated, for a person), or NULL. */
const GError   *sofra_sync_controller_get_error (SofraSyncController *self);
SofraSyncRemedy sofra_sync_controller_get_remedy (SofraSyncController *self);
/* After a certificate failure: the fingerprint the server presented ("AB:CD:…"), else NULL. */
const char *sofra_sync_controller_get_peer_fingerprint (SofraSyncController *self);

/* Starts a run now (unless one is running, or nothing is set up). */
void sofra_sync_controller_sync_now (SofraSyncController *self);
/* The password changed in the keyring: use it from the next run. */
void sofra_sync_controller_set_password (SofraSyncController *self, const char *password);

/* How long after the last local change an automatic sync starts (20 s by default). */
void sofra_sync_controller_set_change_delay (SofraSyncController *self, guint seconds);

/* "2 minutes ago", "yesterday at 14:02", "never": when @unix_time was, for a person. */
char *sofra_sync_describe_time (gint64 unix_time, gint64 now);

G_END_DECLS
