/* sofra-sync.c — SofraSyncer: the object the window and the CLI hold; state and progress
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sofra-json.h"
#include "sofra-sync-private.h"

struct _SofraSyncer
{
  GObject parent_instance;

  SofraStore     *store;
  char           *server_url;
  char           *database;
  char           *user;
  char           *password;
  char           *trusted_fingerprint;
  char           *peer_fingerprint;
  guint           timeout;
  SofraSyncHttp  *http; /* kept between runs: its connection and session cookie */
  char           *checkpoint_id;
  SofraSyncState  state;
  guint           docs_done;
  guint           docs_total;
  guint           pending_changes;
  gint64          last_sync;
  gboolean        running;
  guint           recount_id;
  gulong          changed_handler;
  SofraSyncReport report;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SERVER_URL,
  PROP_DATABASE,
  PROP_USER,
  PROP_PASSWORD,
  PROP_TRUSTED_FINGERPRINT,
  PROP_STATE,
  PROP_DOCS_DONE,
  PROP_DOCS_TOTAL,
  PROP_PENDING_CHANGES,
  PROP_LAST_SYNC,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_QUARK (sofra - sync - error - quark, sofra_sync_error)
G_DEFINE_FINAL_TYPE (SofraSyncer, sofra_syncer, G_TYPE_OBJECT)

static void
drop_http (SofraSyncer *self)
{
  g_clear_pointer (&self->http, sofra_sync_http_free);
}

/* The local checkpoint record: pending changes are those after the push record's sequence. */
static void
recount (SofraSyncer *self)
{
  gint64 since = 0, last_sync = self->last_sync;
  guint  pending;

  if (self->checkpoint_id == NULL)
    {
      g_autoptr (SofraSyncHttp)
        http = sofra_sync_http_new (self->server_url, self->database, NULL, NULL, NULL, 0, NULL);

      if (http != NULL)
        self->checkpoint_id = sofra_sync_checkpoint_id (self->store,
                                                        sofra_sync_http_get_database_url (http));
    }
  /* With no usable address yet there is no checkpoint: everything is still to be sent. */
  if (self->checkpoint_id != NULL)
    {
      g_autoptr (JsonObject) doc = sofra_store_get_local (self->store, self->checkpoint_id);
      JsonObject *push = doc ? sofra_json_object_member (doc, "push") : NULL;

      if (push != NULL)
        since = json_object_get_int_member_with_default (push, "last_seq", 0);
      last_sync = doc ? json_object_get_int_member_with_default (doc, "last_sync", 0) : 0;
    }
  pending = sofra_store_count_changes (self->store, since);
  if (pending != self->pending_changes)
    {
      self->pending_changes = pending;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PENDING_CHANGES]);
    }
  if (last_sync != self->last_sync)
    {
      self->last_sync = last_sync;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LAST_SYNC]);
    }
}

static gboolean
recount_idle (gpointer data)
{
  SofraSyncer *self = data;

  self->recount_id = 0;
  recount (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SofraStore *store, const char *id, const char *type, SofraSyncer *self)
{
  /* Many writes in a row (an import) cost one count. */
  if (self->recount_id == 0)
    self->recount_id = g_idle_add_full (G_PRIORITY_LOW, recount_idle, self, NULL);
}

static void
sofra_syncer_constructed (GObject *object)
{
  SofraSyncer *self = SOFRA_SYNCER (object);

  G_OBJECT_CLASS (sofra_syncer_parent_class)->constructed (object);
  g_return_if_fail (SOFRA_IS_STORE (self->store));
  self->changed_handler = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed),
                                            self);
  recount (self);
}

static void
sofra_syncer_dispose (GObject *object)
{
  SofraSyncer *self = SOFRA_SYNCER (object);

  g_clear_handle_id (&self->recount_id, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->store);
  drop_http (self);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sofra_syncer_parent_class)->dispose (object);
}

static void
sofra_syncer_finalize (GObject *object)
{
  SofraSyncer *self = SOFRA_SYNCER (object);

  g_free (self->server_url);
  g_free (self->database);
  g_free (self->user);
  sofra_syncer_set_password (self, NULL);
  g_free (self->trusted_fingerprint);
  g_free (self->peer_fingerprint);
  g_free (self->checkpoint_id);
  G_OBJECT_CLASS (sofra_syncer_parent_class)->finalize (object);
}

static void
sofra_syncer_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  SofraSyncer *self = SOFRA_SYNCER (object);

  switch (id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    case PROP_DATABASE:
      g_value_set_string (value, self->database);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    case PROP_TRUSTED_FINGERPRINT:
      g_value_set_string (value, self->trusted_fingerprint);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_DOCS_DONE:
      g_value_set_uint (value, self->docs_done);
      break;
    case PROP_DOCS_TOTAL:
      g_value_set_uint (value, self->docs_total);
      break;
    case PROP_PENDING_CHANGES:
      g_value_set_uint (value, self->pending_changes);
      break;
    case PROP_LAST_SYNC:
      g_value_set_int64 (value, self->last_sync);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
sofra_syncer_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  SofraSyncer *self = SOFRA_SYNCER (object);

  switch (id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SERVER_URL:
      self->server_url = g_value_dup_string (value);
      break;
    case PROP_DATABASE:
      self->database = g_value_dup_string (value);
      break;
    case PROP_USER:
      self->user = g_value_dup_string (value);
      break;
    case PROP_PASSWORD:
      sofra_syncer_set_password (self, g_value_get_string (value));
      break;
    case PROP_TRUSTED_FINGERPRINT:
      sofra_syncer_set_trusted_fingerprint (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
sofra_syncer_class_init (SofraSyncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags   co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sofra_syncer_constructed;
  object_class->dispose = sofra_syncer_dispose;
  object_class->finalize = sofra_syncer_finalize;
  object_class->get_property = sofra_syncer_get_property;
  object_class->set_property = sofra_syncer_set_property;

  props[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SOFRA_TYPE_STORE, co);
  props[PROP_SERVER_URL] = g_param_spec_string ("server-url", NULL, NULL, NULL, co);
  props[PROP_DATABASE] = g_param_spec_string ("database", NULL, NULL, NULL, co);
  props[PROP_USER] = g_param_spec_string ("user", NULL, NULL, NULL, co);
  props[PROP_PASSWORD] = g_param_spec_string ("password", NULL, NULL, NULL,
                                              G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_TRUSTED_FINGERPRINT] =
    g_param_spec_string ("trusted-fingerprint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, SOFRA_SYNC_STATE_IDLE,
                                        SOFRA_SYNC_STATE_PULLING, SOFRA_SYNC_STATE_IDLE, ro);
  props[PROP_DOCS_DONE] = g_param_spec_uint ("docs-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  props[PROP_DOCS_TOTAL] = g_param_spec_uint ("docs-total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  props[PROP_PENDING_CHANGES] = g_param_spec_uint ("pending-changes", NULL, NULL, 0, G_MAXUINT, 0,
                                                   ro);
  props[PROP_LAST_SYNC] = g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
sofra_syncer_init (SofraSyncer *self)
{
}

SofraSyncer *
sofra_syncer_new (SofraStore *store,
                  const char *server_url,
                  const char *database,
                  const char *user,
                  const char *password)
{
  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);

  return g_object_new (SOFRA_TYPE_SYNCER, "store", store, "server-url", server_url, "database",
                       database, "user", user && *user ? user : NULL, "password", password, NULL);
}

void
sofra_syncer_set_password (SofraSyncer *self, const char *password)
{
  g_return_if_fail (SOFRA_IS_SYNCER (self));

  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  self->password = g_strdup (password);
  if (!self->running)
    drop_http (self);
}

void
sofra_syncer_set_trusted_fingerprint (SofraSyncer *self, const char *fingerprint)
{
  g_return_if_fail (SOFRA_IS_SYNCER (self));

  if (g_strcmp0 (self->trusted_fingerprint, fingerprint) == 0)
    return;
  g_free (self->trusted_fingerprint);
  self->trusted_fingerprint = fingerprint && *fingerprint ? g_strdup (fingerprint) : NULL;
  if (!self->running)
    drop_http (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TRUSTED_FINGERPRINT]);
}

void
sofra_syncer_set_timeout (SofraSyncer *self, guint seconds)
{
  g_return_if_fail (SOFRA_IS_SYNCER (self));

  self->timeout = seconds;
  if (!self->running)
    drop_http (self);
}

const char *
sofra_syncer_get_trusted_fingerprint (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), NULL);
  return self->trusted_fingerprint;
}

const char *
sofra_syncer_get_peer_fingerprint (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), NULL);
  return self->peer_fingerprint;
}

SofraStore *
sofra_syncer_get_store (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), NULL);
  return self->store;
}

const char *
sofra_syncer_get_server_url (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), NULL);
  return self->server_url;
}

const char *
sofra_syncer_get_database (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), NULL);
  return self->database;
}

const char *
sofra_syncer_get_user (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), NULL);
  return self->user;
}

SofraSyncState
sofra_syncer_get_state (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), SOFRA_SYNC_STATE_IDLE);
  return self->state;
}

gboolean
sofra_syncer_is_running (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), FALSE);
  return self->running;
}

guint
sofra_syncer_get_docs_done (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), 0);
  return self->docs_done;
}

guint
sofra_syncer_get_docs_total (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), 0);
  return self->docs_total;
}

guint
sofra_syncer_get_pending_changes (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), 0);
  return self->pending_changes;
}

gint64
sofra_syncer_get_last_sync (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), 0);
  return self->last_sync;
}

const SofraSyncReport *
sofra_syncer_get_report (SofraSyncer *self)
{
  g_return_val_if_fail (SOFRA_IS_SYNCER (self), NULL);
  return &self->report;
}

void
sofra_syncer_set_progress (SofraSyncer *self, SofraSyncState state, guint done, guint total)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATE]);
    }
  if (self->docs_done != done)
    {
      self->docs_done = done;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DOCS_DONE]);
    }
  if (self->docs_total != total)
    {
      self->docs_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DOCS_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
sofra_syncer_run_ended (SofraSyncer *self, SyncRun *run)
{
  self->report = run->report;
  self->running = FALSE;
  g_free (self->peer_fingerprint);
  self->peer_fingerprint = g_strdup (sofra_sync_http_get_peer_fingerprint (self->http));
  /* After a failure the next run starts with a fresh connection and login. */
  if (run->error != NULL)
    drop_http (self);
  sofra_syncer_set_progress (self, SOFRA_SYNC_STATE_IDLE, 0, 0);
  recount (self);
}

void
sofra_syncer_run_async (SofraSyncer        *self,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (SOFRA_IS_SYNCER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sofra_syncer_run_async);
  if (self->running)
    {
      g_task_return_new_error (task, SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_BUSY,
                               _ ("A sync is already running."));
      return;
    }
  if (self->http == NULL)
    self->http = sofra_sync_http_new (self->server_url, self->database, self->user, self->password,
                                      self->trusted_fingerprint, self->timeout, &error);
  if (self->http == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self->running = TRUE;
  g_clear_pointer (&self->peer_fingerprint, g_free);
  sofra_sync_run_start (self, self->http, g_steal_pointer (&task));
}

gboolean
sofra_syncer_run_finish (SofraSyncer *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} SyncWait;

static void
on_run_done (GObject *source, GAsyncResult *result, gpointer data)
{
  SyncWait *wait = data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

gboolean
sofra_syncer_run (SofraSyncer *self, GCancellable *cancellable, GError **error)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  SyncWait wait = { NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (SOFRA_IS_SYNCER (self), FALSE);

  g_main_context_push_thread_default (context);
  wait.loop = g_main_loop_new (context, FALSE);
  /* The connection belongs to the context it was made in. */
  drop_http (self);
  sofra_syncer_run_async (self, cancellable, on_run_done, &wait);
  if (wait.result == NULL)
    g_main_loop_run (wait.loop);
  ok = sofra_syncer_run_finish (self, wait.result, error);
  g_object_unref (wait.result);
  drop_http (self);
  g_main_context_pop_thread_default (context);
  g_main_loop_unref (wait.loop);
  return ok;
}
