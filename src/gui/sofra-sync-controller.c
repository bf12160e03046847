/* sofra-sync-controller.c — when to sync, with what settings, and what to tell the person
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "sofra-conflicts.h"
#include "sofra-i18n.h"
#include "sofra-sync-controller.h"
#include "sofra-sync-secret.h"
#include "sofra-sync.h"

/* A change is synced once the person has stopped typing for this long (by default). */
#define SOON_AFTER_CHANGE_S 20
/* After the network comes back, a little time for it to settle. */
#define SOON_AFTER_NETWORK_S 5

struct _SofraSyncController
{
  GObject parent_instance;

  SofraStore      *store;
  GSettings       *settings;
  SofraSyncer     *syncer;
  char            *password;
  GCancellable    *lookup_cancellable;
  GCancellable    *run_cancellable;
  GNetworkMonitor *monitor;
  gboolean         password_pending; /* a keyring lookup is going on */
  GError          *keyring_error;    /* the lookup failed: no password to sync with */
  gboolean         run_wanted;       /* run as soon as the password is known */

  guint interval_id;
  guint soon_id;
  guint conflicts_id;
  guint change_delay_s;

  SofraSyncStatus status;
  GError         *error;
  SofraSyncRemedy remedy;
  char           *peer_fingerprint;
  guint           conflicts;
};

G_DEFINE_FINAL_TYPE (SofraSyncController, sofra_sync_controller, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STATUS,
  PROP_LAST_SYNC,
  PROP_PENDING_CHANGES,
  PROP_PROGRESS,
  PROP_CONFLICTS,
  N_PROPS
};

enum
{
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void run (SofraSyncController *self);

static void
set_status (SofraSyncController *self, SofraSyncStatus status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static gboolean
automatic (SofraSyncController *self)
{
  return self->syncer != NULL && g_settings_get_boolean (self->settings, "sync-automatic");
}

/* An automatic run waits for the network; "Sync Now" always tries (a server on the local
 * network can be there without a route to the internet). */
static void
run_automatic (SofraSyncController *self)
{
  if (!automatic (self))
    return;
  if (!g_network_monitor_get_network_available (self->monitor))
    {
      if (self->status == SOFRA_SYNC_STATUS_IDLE)
        set_status (self, SOFRA_SYNC_STATUS_OFFLINE);
      return;
    }
  run (self);
}

static gboolean
soon_cb (gpointer user_data)
{
  SofraSyncController *self = user_data;

  self->soon_id = 0;
  run_automatic (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_soon (SofraSyncController *self, guint seconds)
{
  g_clear_handle_id (&self->soon_id, g_source_remove);
  self->soon_id = g_timeout_add_seconds (seconds, soon_cb, self);
}

static gboolean
interval_cb (gpointer user_data)
{
  run_automatic (user_data);
  return G_SOURCE_CONTINUE;
}

static void
restart_interval (SofraSyncController *self)
{
  guint minutes = g_settings_get_uint (self->settings, "sync-interval");

  g_clear_handle_id (&self->interval_id, g_source_remove);
  self->interval_id = g_timeout_add_seconds (MAX (minutes, 1) * 60, interval_cb, self);
}

static SofraSyncRemedy
remedy_for (const GError *error)
{
  if (error->domain != SOFRA_SYNC_ERROR)
    return SOFRA_SYNC_REMEDY_RETRY;
  switch (error->code)
    {
    case SOFRA_SYNC_ERROR_INVALID_CONFIG:
    case SOFRA_SYNC_ERROR_UNAUTHORIZED:
    case SOFRA_SYNC_ERROR_FORBIDDEN:
    case SOFRA_SYNC_ERROR_NOT_FOUND:
      return SOFRA_SYNC_REMEDY_PREFERENCES;
    case SOFRA_SYNC_ERROR_CERTIFICATE:
      return SOFRA_SYNC_REMEDY_CERTIFICATE;
    default:
      return SOFRA_SYNC_REMEDY_RETRY;
    }
}

static void
on_run_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SofraSyncController) self = user_data;
  g_autoptr (GError) error = NULL;
  SofraSyncer *syncer = SOFRA_SYNCER (source);
  gboolean     ok = sofra_syncer_run_finish (syncer, result, &error);

  if (syncer != self->syncer)
    return; /* the settings changed meanwhile: that run's outcome is for another server */
  g_clear_object (&self->run_cancellable);
  g_clear_pointer (&self->peer_fingerprint, g_free);
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_status (self, self->error != NULL ? SOFRA_SYNC_STATUS_FAILED : SOFRA_SYNC_STATUS_IDLE);
      return;
    }
  g_clear_error (&self->error);
  if (!ok)
    {
      self->error = g_steal_pointer (&error);
      self->remedy = remedy_for (self->error);
      self->peer_fingerprint = g_strdup (sofra_syncer_get_peer_fingerprint (syncer));
      if (g_error_matches (self->error, SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_UNREACHABLE) &&
          !g_network_monitor_get_network_available (self->monitor))
        set_status (self, SOFRA_SYNC_STATUS_OFFLINE);
      else
        set_status (self, SOFRA_SYNC_STATUS_FAILED);
      /* The status changed to FAILED before, the error with it: say it again. */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  else
    set_status (self, SOFRA_SYNC_STATUS_IDLE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_signal_emit (self, signals[FINISHED], 0, ok);
}

static void
run (SofraSyncController *self)
{
  if (self->syncer == NULL || sofra_syncer_is_running (self->syncer))
    return;
  if (self->password_pending)
    {
      self->run_wanted = TRUE;
      return;
    }
  g_clear_handle_id (&self->soon_id, g_source_remove);
  if (self->keyring_error != NULL && self->password == NULL)
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (self->keyring_error);
      self->remedy = SOFRA_SYNC_REMEDY_PREFERENCES;
      set_status (self, SOFRA_SYNC_STATUS_FAILED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      g_signal_emit (self, signals[FINISHED], 0, FALSE);
      return;
    }
  self->run_cancellable = g_cancellable_new ();
  set_status (self, SOFRA_SYNC_STATUS_RUNNING);
  sofra_syncer_run_async (self->syncer, self->run_cancellable, on_run_finished_cb,
                          g_object_ref (self));
}

static void
on_syncer_notify_cb (SofraSyncer *syncer, GParamSpec *pspec, SofraSyncController *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "last-sync"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
  else if (g_str_equal (name, "pending-changes"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_CHANGES]);
  else if (g_str_equal (name, "docs-done") || g_str_equal (name, "docs-total") ||
           g_str_equal (name, "state"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
on_password_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  char                *password = sofra_sync_secret_lookup_finish (result, &error);
  SofraSyncController *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  g_clear_object (&self->lookup_cancellable);
  self->password_pending = FALSE;
  /* No keyring: a run would only hear "wrong password" from the server, so the status says
   * what is really wrong instead, until a password is given. */
  g_clear_error (&self->keyring_error);
  if (error != NULL)
    self->keyring_error =
      g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("The sync password could not be read from the system keyring: %s"),
                   error->message);
  if (password != NULL || error == NULL)
    sofra_sync_controller_set_password (self, password);
  sofra_sync_secret_free (password);
  if (self->run_wanted)
    {
      self->run_wanted = FALSE;
      run (self);
    }
}

/* A new syncer whenever the server, database or user changes. */
static void
rebuild (SofraSyncController *self)
{
  g_autofree char *server = g_strstrip (g_settings_get_string (self->settings, "sync-server"));
  g_autofree char *database = g_strstrip (g_settings_get_string (self->settings, "sync-database"));
  g_autofree char *user = g_strstrip (g_settings_get_string (self->settings, "sync-user"));
  g_autofree char *fingerprint = g_settings_get_string (self->settings, "sync-trusted-fingerprint");

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  if (self->syncer != NULL)
    g_signal_handlers_disconnect_by_data (self->syncer, self);
  g_clear_object (&self->syncer);
  g_clear_pointer (&self->password, sofra_sync_secret_free);
  g_clear_error (&self->error);
  g_clear_error (&self->keyring_error);
  g_clear_pointer (&self->peer_fingerprint, g_free);
  self->password_pending = FALSE;
  self->run_wanted = FALSE;

  if (*server != '\0')
    {
      self->syncer = sofra_syncer_new (self->store, server, database, *user ? user : NULL, NULL);
      sofra_syncer_set_trusted_fingerprint (self->syncer, *fingerprint ? fingerprint : NULL);
      g_signal_connect (self->syncer, "notify", G_CALLBACK (on_syncer_notify_cb), self);
      if (*user != '\0')
        {
          self->password_pending = TRUE;
          self->lookup_cancellable = g_cancellable_new ();
          sofra_sync_secret_lookup_async (server, user, self->lookup_cancellable, on_password_cb,
                                          self);
        }
    }
  set_status (self, self->syncer ? SOFRA_SYNC_STATUS_IDLE : SOFRA_SYNC_STATUS_NOT_SET_UP);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_CHANGES]);
}

static void
on_settings_changed_cb (GSettings *settings, const char *key, SofraSyncController *self)
{
  if (g_str_equal (key, "sync-interval"))
    restart_interval (self);
  else if (g_str_equal (key, "sync-trusted-fingerprint") && self->syncer != NULL)
    {
      g_autofree char *fingerprint = g_settings_get_string (settings, key);

      sofra_syncer_set_trusted_fingerprint (self->syncer, *fingerprint ? fingerprint : NULL);
    }
  else if (g_str_equal (key, "sync-server") || g_str_equal (key, "sync-database") ||
           g_str_equal (key, "sync-user"))
    rebuild (self);
}

static gboolean
count_conflicts_cb (gpointer user_data)
{
  SofraSyncController *self = user_data;
  guint                n = sofra_store_count_conflicts (self->store);

  self->conflicts_id = 0;
  if (n != self->conflicts)
    {
      self->conflicts = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
    }
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (SofraStore *store, const char *id, const char *type, SofraSyncController *self)
{
  if (self->conflicts_id == 0)
    self->conflicts_id = g_idle_add (count_conflicts_cb, self);
  /* The run's own writes (what it pulls) are not changes to push. */
  if (automatic (self) && !sofra_syncer_is_running (self->syncer))
    schedule_soon (self, self->change_delay_s);
}

static void
on_network_changed_cb (GNetworkMonitor *monitor, gboolean available, SofraSyncController *self)
{
  if (self->syncer == NULL)
    return;
  if (!available)
    {
      if (self->status == SOFRA_SYNC_STATUS_IDLE)
        set_status (self, SOFRA_SYNC_STATUS_OFFLINE);
      return;
    }
  if (self->status == SOFRA_SYNC_STATUS_OFFLINE)
    set_status (self, self->error ? SOFRA_SYNC_STATUS_FAILED : SOFRA_SYNC_STATUS_IDLE);
  if (automatic (self))
    schedule_soon (self, SOON_AFTER_NETWORK_S);
}

static void
sofra_sync_controller_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SofraSyncController *self = SOFRA_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_LAST_SYNC:
      g_value_set_int64 (value, sofra_sync_controller_get_last_sync (self));
      break;
    case PROP_PENDING_CHANGES:
      g_value_set_uint (value, sofra_sync_controller_get_pending_changes (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, sofra_sync_controller_get_progress (self));
      break;
    case PROP_CONFLICTS:
      g_value_set_uint (value, self->conflicts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_sync_controller_dispose (GObject *object)
{
  SofraSyncController *self = SOFRA_SYNC_CONTROLLER (object);

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_handle_id (&self->interval_id, g_source_remove);
  g_clear_handle_id (&self->soon_id, g_source_remove);
  g_clear_handle_id (&self->conflicts_id, g_source_remove);
  if (self->syncer != NULL)
    g_signal_handlers_disconnect_by_data (self->syncer, self);
  g_clear_object (&self->syncer);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sofra_sync_controller_parent_class)->dispose (object);
}

static void
sofra_sync_controller_finalize (GObject *object)
{
  SofraSyncController *self = SOFRA_SYNC_CONTROLLER (object);

  g_clear_pointer (&self->password, sofra_sync_secret_free);
  g_clear_error (&self->error);
  g_clear_error (&self->keyring_error);
  g_free (self->peer_fingerprint);

  G_OBJECT_CLASS (sofra_sync_controller_parent_class)->finalize (object);
}

static void
sofra_sync_controller_class_init (SofraSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sofra_sync_controller_get_property;
  object_class->dispose = sofra_sync_controller_dispose;
  object_class->finalize = sofra_sync_controller_finalize;

  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, SOFRA_SYNC_STATUS_NOT_SET_UP,
                                              SOFRA_SYNC_STATUS_FAILED,
                                              SOFRA_SYNC_STATUS_NOT_SET_UP,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] = g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING_CHANGES] = g_param_spec_uint ("pending-changes", NULL, NULL, 0, G_MAXUINT,
                                                        0,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, -1, 1, -1,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] = g_param_spec_uint ("conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
sofra_sync_controller_init (SofraSyncController *self)
{
  self->status = SOFRA_SYNC_STATUS_NOT_SET_UP;
  self->change_delay_s = SOON_AFTER_CHANGE_S;
}

SofraSyncController *
sofra_sync_controller_new (SofraStore *store, GSettings *settings)
{
  SofraSyncController *self;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SOFRA_TYPE_SYNC_CONTROLLER, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->conflicts = sofra_store_count_conflicts (store);

  g_signal_connect (settings, "changed", G_CALLBACK (on_settings_changed_cb), self);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  g_signal_connect (self->monitor, "network-changed", G_CALLBACK (on_network_changed_cb), self);
  rebuild (self);
  restart_interval (self);
  if (self->syncer != NULL && !g_network_monitor_get_network_available (self->monitor))
    set_status (self, SOFRA_SYNC_STATUS_OFFLINE);
  else if (automatic (self))
    schedule_soon (self, SOON_AFTER_NETWORK_S);
  return self;
}

SofraStore *
sofra_sync_controller_get_store (SofraSyncController *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), NULL);

  return self->store;
}

GSettings *
sofra_sync_controller_get_settings (SofraSyncController *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), NULL);

  return self->settings;
}

SofraSyncStatus
sofra_sync_controller_get_status (SofraSyncController *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), SOFRA_SYNC_STATUS_NOT_SET_UP);

  return self->status;
}

gint64
sofra_sync_controller_get_last_sync (SofraSyncController *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), 0);

  return self->syncer ? sofra_syncer_get_last_sync (self->syncer) : 0;
}

guint
sofra_sync_controller_get_pending_changes (SofraSyncController *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), 0);

  return self->syncer ? sofra_syncer_get_pending_changes (self->syncer) : 0;
}

double
sofra_sync_controller_get_progress (SofraSyncController *self)
{
  guint total;

  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), -1);

  if (self->syncer == NULL || !sofra_syncer_is_running (self->syncer))
    return -1;
  total = sofra_syncer_get_docs_total (self->syncer);
  if (total == 0)
    return -1;
  return CLAMP ((double) sofra_syncer_get_docs_done (self->syncer) / total, 0, 1);
}

guint
sofra_sync_controller_get_conflicts (SofraSyncController *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), 0);

  return self->conflicts;
}

const GError *
sofra_sync_controller_get_error (SofraSyncController *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), NULL);

  return self->error;
}

SofraSyncRemedy
sofra_sync_controller_get_remedy (SofraSyncController *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), SOFRA_SYNC_REMEDY_RETRY);

  return self->remedy;
}

const char *
sofra_sync_controller_get_peer_fingerprint (SofraSyncController *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNC_CONTROLLER (self), NULL);

  return self->peer_fingerprint;
}

void
sofra_sync_controller_sync_now (SofraSyncController *self)
{
  g_return_if_fail (SOFRA_IS_SYNC_CONTROLLER (self));

  run (self);
}

void
sofra_sync_controller_set_password (SofraSyncController *self, const char *password)
{
  g_return_if_fail (SOFRA_IS_SYNC_CONTROLLER (self));

  g_clear_pointer (&self->password, sofra_sync_secret_free);
  self->password = g_strdup (password);
  if (password != NULL)
    g_clear_error (&self->keyring_error);
  if (self->syncer != NULL)
    sofra_syncer_set_password (self->syncer, password);
}

void
sofra_sync_controller_set_change_delay (SofraSyncController *self, guint seconds)
{
  g_return_if_fail (SOFRA_IS_SYNC_CONTROLLER (self));

  self->change_delay_s = MAX (seconds, 1);
}

char *
sofra_sync_describe_time (gint64 unix_time, gint64 now)
{
  g_autoptr (GDateTime) then = NULL;
  g_autoptr (GDateTime) today = NULL;
  gint64 ago = now - unix_time;

  if (unix_time <= 0)
    /* Translators: when the last successful sync was */
    return g_strdup (_ ("never"));
  if (ago < 60)
    return g_strdup (_ ("just now"));
  if (ago < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         (int) (ago / 60)),
                            (int) (ago / 60));
  if (ago < 6 * 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago",
                                         (int) (ago / 3600)),
                            (int) (ago / 3600));
  then = g_date_time_new_from_unix_local (unix_time);
  today = g_date_time_new_from_unix_local (now);
  if (then == NULL || today == NULL)
    return g_strdup ("?");
  if (g_date_time_get_year (then) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (today))
    /* Translators: a time earlier today; see g_date_time_format() */
    return sofra_i18n_format_date_time (then, _ ("today at %H:%M"));
  /* Translators: a date and time; see g_date_time_format() */
  return sofra_i18n_format_date_time (then, _ ("%-d %b %Y at %H:%M"));
}
