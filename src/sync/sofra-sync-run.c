/* sofra-sync-run.c — one sync run: the checkpoints, push then pull, the end
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The replication id is the MD5 of the local database's UUID and the database URL (without
 * credentials). Both directions keep their checkpoint record in one _local document of that
 * id on each side ({"push": {…}, "pull": {…}}), so a sync that finds nothing to do costs one
 * read of the remote checkpoint and one _changes request. A record holds the session id of
 * the run that wrote it, the source's sequence and the last sessions' history; where the two
 * sides' records disagree, the newest session both know is where reading starts, else the
 * beginning (the protocol's "compare replication logs").
 */
#include <glib/gi18n-lib.h>

#include "sofra-json.h"
#include "sofra-sync-private.h"

void
sync_batch_free (SyncBatch *batch)
{
  if (batch == NULL)
    return;
  g_clear_pointer (&batch->last_seq, json_node_unref);
  g_clear_pointer (&batch->ids, g_ptr_array_unref);
  g_clear_pointer (&batch->revs, g_ptr_array_unref);
  g_clear_pointer (&batch->private_history, g_hash_table_unref);
  g_clear_pointer (&batch->tombstones, g_ptr_array_unref);
  g_free (batch);
}

char *
sofra_sync_checkpoint_id (SofraStore *store, const char *database_url)
{
  g_autofree char *key = g_strdup_printf ("sofra-sync-1\n%s\n%s", sofra_store_get_uuid (store),
                                          database_url);
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, key, -1);

  return g_strdup_printf ("_local/%s", md5);
}

static void start_direction (SyncRun *run, gboolean push);
static void write_checkpoint_now (SyncDirection *dir, JsonNode *seq);
static void finish (SyncRun *run);

static void
direction_free (SyncDirection *dir)
{
  if (dir == NULL)
    return;
  g_clear_pointer (&dir->since, json_node_unref);
  g_clear_pointer (&dir->checkpoint_seq, json_node_unref);
  g_clear_pointer (&dir->deferred_seq, json_node_unref);
  g_queue_clear_full (&dir->queue, (GDestroyNotify) sync_batch_free);
  g_free (dir);
}

void
sync_run_fail (SyncRun *run, GError *error)
{
  if (run->error == NULL)
    run->error = error;
  else
    g_error_free (error);
  g_cancellable_cancel (run->cancellable);
}

gboolean
sync_run_failed (SyncRun *run)
{
  return run->error != NULL;
}

void
sync_run_hold (SyncRun *run)
{
  run->pending++;
}

gboolean
sync_direction_finished (SyncDirection *dir)
{
  return dir->source_done && g_queue_is_empty (&dir->queue) && !dir->source_busy &&
         !dir->sink_busy && !dir->checkpoint_busy && dir->checkpoint_seq == NULL;
}

void
sync_run_release (SyncRun *run)
{
  SyncDirection *dir = run->direction;

  g_assert (run->pending > 0);
  run->pending--;
  if (run->error != NULL)
    {
      if (run->pending == 0)
        finish (run);
      return;
    }
  dir->pump (dir);
  if (run->error == NULL && run->pending == 0 && sync_direction_finished (dir) &&
      dir->deferred_seq != NULL)
    {
      /* The last checkpoint of the direction is always written. */
      g_autoptr (JsonNode) seq = g_steal_pointer (&dir->deferred_seq);

      write_checkpoint_now (dir, seq);
    }
  if (run->error == NULL && run->pending == 0 && sync_direction_finished (dir))
    {
      gboolean was_push = dir->push;

      run->direction = NULL;
      direction_free (dir);
      if (was_push)
        run->report.push_us = g_get_monotonic_time () - run->started;
      else
        run->report.pull_us = g_get_monotonic_time () - run->started - run->report.push_us;
      if (was_push)
        start_direction (run, FALSE);
      else
        finish (run);
    }
  else if (run->error != NULL && run->pending == 0)
    finish (run);
}

void
sync_direction_progress (SyncDirection *dir, guint docs)
{
  dir->docs_done += docs;
  if (dir->docs_total < dir->docs_done)
    dir->docs_total = dir->docs_done;
  sofra_syncer_set_progress (dir->run->syncer,
                             dir->push ? SOFRA_SYNC_STATE_PUSHING : SOFRA_SYNC_STATE_PULLING,
                             dir->docs_done, dir->docs_total);
}

/* ---- checkpoint records ---- */

static JsonObject *
record_of (JsonObject *doc, gboolean push)
{
  return doc ? sofra_json_object_member (doc, push ? "push" : "pull") : NULL;
}

static JsonObject *
make_record (JsonObject *old, const char *session_id, JsonNode *seq)
{
  JsonObject *record = json_object_new ();
  JsonArray  *history = json_array_new ();
  JsonObject *entry = json_object_new ();
  JsonArray  *old_history = old ? sofra_json_array_member (old, "history") : NULL;

  json_object_set_string_member (record, "session_id", session_id);
  json_object_set_member (record, "last_seq", json_node_copy (seq));
  json_object_set_string_member (entry, "session_id", session_id);
  json_object_set_member (entry, "last_seq", json_node_copy (seq));
  json_array_add_object_element (history, entry);
  for (guint i = 0; old_history && i < json_array_get_length (old_history); i++)
    {
      JsonNode   *node = json_array_get_element (old_history, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (json_array_get_length (history) >= SOFRA_SYNC_HISTORY)
        break;
      if (o != NULL && g_strcmp0 (json_object_get_string_member_with_default (o, "session_id", ""),
                                  session_id) != 0)
        json_array_add_element (history, json_node_copy (node));
    }
  json_object_set_array_member (record, "history", history);
  return record;
}

static JsonNode *
zero_seq (void)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, 0);
  return node;
}

static JsonNode *
record_seq (JsonObject *record)
{
  JsonNode *seq = record ? json_object_get_member (record, "last_seq") : NULL;

  return seq ? json_node_copy (seq) : zero_seq ();
}

/* Where the source is to be read from, by the two sides' records. */
static JsonNode *
compare_records (JsonObject *source, JsonObject *target, gboolean trust_target)
{
  JsonArray *sh, *th;

  if (source == NULL && target != NULL && trust_target)
    return record_seq (target);
  if (source == NULL || target == NULL)
    return zero_seq ();
  if (g_strcmp0 (json_object_get_string_member_with_default (source, "session_id", NULL),
                 json_object_get_string_member_with_default (target, "session_id", "")) == 0)
    return record_seq (source);
  sh = sofra_json_array_member (source, "history");
  th = sofra_json_array_member (target, "history");
  for (guint i = 0; sh && th && i < json_array_get_length (sh); i++)
    {
      JsonObject *s = json_array_get_object_element (sh, i);
      const char *sid = s ? json_object_get_string_member_with_default (s, "session_id", NULL)
                          : NULL;

      for (guint j = 0; sid && j < json_array_get_length (th); j++)
        {
          JsonObject *t = json_array_get_object_element (th, j);

          if (t && g_strcmp0 (json_object_get_string_member_with_default (t, "session_id", NULL),
                              sid) == 0)
            return record_seq (s);
        }
    }
  return zero_seq ();
}

static GBytes *
remote_doc_bytes (SyncRun *run)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  if (run->remote_rev)
    json_object_set_string_member (run->remote_doc, "_rev", run->remote_rev);
  else
    json_object_remove_member (run->remote_doc, "_rev");
  json_object_set_string_member (run->remote_doc, "_id", run->checkpoint_id);
  json_object_set_string_member (run->remote_doc, "replicator", "sofra");
  json_node_set_object (node, run->remote_doc);
  return sofra_sync_json_bytes (node);
}

static gboolean
write_local (SyncRun *run, GError **error)
{
  return sofra_store_put_local (run->store, run->checkpoint_id, run->local_doc, error);
}

static void checkpoint_done (SyncDirection *dir);
static void put_remote_checkpoint (SyncDirection *dir);

static void
on_remote_rev_read (GObject *source, GAsyncResult *result, gpointer data)
{
  SyncDirection *dir = data;
  SyncRun       *run = dir->run;
  g_autoptr (JsonNode) answer = NULL;
  GError *error = NULL;
  guint   status = 0;

  answer = sofra_sync_http_request_finish (run->http, result, &status, &error);
  if (error != NULL)
    sync_run_fail (run, error);
  else
    {
      JsonObject *doc = answer && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer)
                                                                  : NULL;

      g_free (run->remote_rev);
      run->remote_rev = doc && status == 200
                          ? g_strdup (
                              json_object_get_string_member_with_default (doc, "_rev", NULL))
                          : NULL;
      put_remote_checkpoint (dir);
    }
  sync_run_release (run);
}

static void
on_remote_checkpoint_written (GObject *source, GAsyncResult *result, gpointer data)
{
  SyncDirection *dir = data;
  SyncRun       *run = dir->run;
  g_autoptr (JsonNode) answer = NULL;
  GError *error = NULL;
  guint   status = 0;

  answer = sofra_sync_http_request_finish (run->http, result, &status, &error);
  if (error != NULL)
    {
      sync_run_fail (run, error);
      sync_run_release (run);
      return;
    }
  if (status == 409 && !dir->checkpoint_retried)
    {
      dir->checkpoint_retried = TRUE;
      /* Written by someone else in between: read its revision and write once more. */
      sync_run_hold (run);
      sofra_sync_http_request_async (run->http, "GET", run->checkpoint_id, NULL,
                                     SOFRA_HTTP_ALLOW_NOT_FOUND, run->cancellable,
                                     on_remote_rev_read, dir);
      sync_run_release (run);
      return;
    }
  if (SOUP_STATUS_IS_SUCCESSFUL (status) && answer && JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_free (run->remote_rev);
      run->remote_rev = g_strdup (
        json_object_get_string_member_with_default (json_node_get_object (answer), "rev", NULL));
    }
  else if (!dir->push)
    {
      /* A read-only source (401/403, or a conflict again): tolerated; the local record says
       * so, and is trusted alone next time. */
      JsonObject *record = record_of (run->local_doc, FALSE);

      dir->remote_read_only = TRUE;
      if (record != NULL)
        {
          g_autoptr (GError) local_error = NULL;

          json_object_set_boolean_member (record, "source_read_only", TRUE);
          if (!write_local (run, &local_error))
            sync_run_fail (run, g_steal_pointer (&local_error));
        }
    }
  else if (status == 401 || status == 403)
    {
      /* A push with nothing sent to a server this user may only read: nothing to record. */
      checkpoint_done (dir);
      sync_run_release (run);
      return;
    }
  else
    sync_run_fail (run, g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_SERVER,
                                     _ ("The server refused to record how far this sync came "
                                        "(HTTP %u)."),
                                     status));

  if (dir->push && run->error == NULL)
    {
      /* Target first, then the source: the local record. */
      g_autoptr (GError) local_error = NULL;

      if (!write_local (run, &local_error))
        sync_run_fail (run, g_steal_pointer (&local_error));
    }
  checkpoint_done (dir);
  sync_run_release (run);
}

static void
put_remote_checkpoint (SyncDirection *dir)
{
  SyncRun *run = dir->run;
  g_autoptr (GBytes) body = remote_doc_bytes (run);
  SofraHttpFlags flags = SOFRA_HTTP_ALLOW_CONFLICT;

  /* A pull's source may be read-only; so may a push's target when there was nothing to send
   * (a laptop that only reads). */
  if (!dir->push || run->report.docs_pushed == 0)
    flags |= SOFRA_HTTP_ALLOW_DENIED;
  sync_run_hold (run);
  sofra_sync_http_request_async (run->http, "PUT", run->checkpoint_id, body, flags,
                                 run->cancellable, on_remote_checkpoint_written, dir);
}

static void
checkpoint_done (SyncDirection *dir)
{
  g_autoptr (JsonNode) next = g_steal_pointer (&dir->checkpoint_seq);

  dir->checkpoint_busy = FALSE;
  dir->checkpoint_retried = FALSE;
  if (next != NULL && !sync_run_failed (dir->run))
    write_checkpoint_now (dir, next);
}

static void
write_checkpoint_now (SyncDirection *dir, JsonNode *seq)
{
  SyncRun    *run = dir->run;
  const char *name = dir->push ? "push" : "pull";
  JsonObject *local_record, *remote_record;
  g_autoptr (GError) error = NULL;

  if (dir->checkpoint_busy)
    {
      g_clear_pointer (&dir->checkpoint_seq, json_node_unref);
      dir->checkpoint_seq = json_node_copy (seq);
      return;
    }
  dir->checkpoint_busy = TRUE;
  dir->checkpointed = TRUE;
  local_record = make_record (record_of (run->local_doc, dir->push), run->session_id, seq);
  remote_record = make_record (record_of (run->remote_doc, dir->push), run->session_id, seq);
  if (!dir->push && dir->remote_read_only)
    json_object_set_boolean_member (local_record, "source_read_only", TRUE);
  json_object_set_object_member (run->local_doc, name, local_record);
  json_object_set_object_member (run->remote_doc, name, remote_record);

  if (!dir->push)
    {
      /* Pull: the target is this store; its record first. */
      if (!write_local (run, &error))
        {
          sync_run_fail (run, g_steal_pointer (&error));
          dir->checkpoint_busy = FALSE;
          return;
        }
      if (dir->remote_read_only)
        {
          checkpoint_done (dir);
          return;
        }
    }
  put_remote_checkpoint (dir);
}

void
sync_run_note_pulled (SyncRun *run, gint64 before, gint64 after)
{
  JsonObject *push = record_of (run->local_doc, TRUE);
  JsonArray  *history = push ? sofra_json_array_member (push, "history") : NULL;
  JsonObject *first = history && json_array_get_length (history) > 0
                        ? json_array_get_object_element (history, 0)
                        : NULL;

  if (push == NULL || json_object_get_int_member_with_default (push, "last_seq", -1) != before)
    return;
  json_object_set_int_member (push, "last_seq", after);
  if (first != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (first, "session_id", NULL),
                 json_object_get_string_member_with_default (push, "session_id", "")) == 0)
    json_object_set_int_member (first, "last_seq", after);
}

void
sync_direction_checkpoint (SyncDirection *dir, JsonNode *seq)
{
  SyncRun *run = dir->run;
  gint64   now = g_get_monotonic_time ();

  if (dir->checkpointed_at != 0 && now - dir->checkpointed_at < SOFRA_SYNC_CHECKPOINT_INTERVAL)
    {
      g_clear_pointer (&dir->deferred_seq, json_node_unref);
      dir->deferred_seq = json_node_copy (seq);
      if (!dir->push)
        {
          /* The target of a pull is this store: its record costs nothing. */
          g_autoptr (GError) error = NULL;
          JsonObject *record = make_record (record_of (run->local_doc, FALSE), run->session_id,
                                            seq);

          if (dir->remote_read_only)
            json_object_set_boolean_member (record, "source_read_only", TRUE);
          json_object_set_object_member (run->local_doc, "pull", record);
          if (!write_local (run, &error))
            sync_run_fail (run, g_steal_pointer (&error));
        }
      return;
    }
  dir->checkpointed_at = now;
  g_clear_pointer (&dir->deferred_seq, json_node_unref);
  write_checkpoint_now (dir, seq);
}

/* ---- the run ---- */

static void
start_direction (SyncRun *run, gboolean push)
{
  SyncDirection *dir = g_new0 (SyncDirection, 1);
  JsonObject    *local = record_of (run->local_doc, push);
  JsonObject    *remote = record_of (run->remote_doc, push);

  dir->run = run;
  dir->push = push;
  g_queue_init (&dir->queue);
  dir->pump = push ? sync_push_pump : sync_pull_pump;
  if (push)
    dir->since = compare_records (local, remote, FALSE);
  else
    {
      dir->remote_read_only =
        local && json_object_get_boolean_member_with_default (local, "source_read_only", FALSE);
      dir->since = compare_records (remote, local, dir->remote_read_only);
    }
  dir->records_agree =
    local && remote &&
    g_strcmp0 (json_object_get_string_member_with_default (local, "session_id", NULL),
               json_object_get_string_member_with_default (remote, "session_id", "")) == 0;
  if (push)
    dir->docs_total = sofra_store_count_changes (run->store, json_node_get_int (dir->since));
  run->direction = dir;
  sofra_syncer_set_progress (run->syncer,
                             push ? SOFRA_SYNC_STATE_PUSHING : SOFRA_SYNC_STATE_PULLING, 0,
                             dir->docs_total);
  /* The pump starts the first requests; a release ends the step. */
  sync_run_hold (run);
  sync_run_release (run);
}

static void
on_remote_checkpoint_read (GObject *source, GAsyncResult *result, gpointer data)
{
  SyncRun *run = data;
  g_autoptr (JsonNode) answer = NULL;
  GError     *error = NULL;
  guint       status = 0;
  JsonObject *doc;

  run->pending--;
  answer = sofra_sync_http_request_finish (run->http, result, &status, &error);
  doc = answer && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (error == NULL && status == 404)
    {
      /* A missing document, or a missing database: the reason tells. */
      const char *reason = doc ? json_object_get_string_member_with_default (doc, "reason", "")
                               : "";

      if (!g_str_equal (reason, "missing") && !g_str_equal (reason, "deleted"))
        sync_run_fail (run, g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_NOT_FOUND,
                                         _ ("There is no database “%s” on the server. Check its "
                                            "name, or ask the server’s administrator to create "
                                            "it."),
                                         sofra_syncer_get_database (run->syncer)));
      doc = NULL;
    }
  else if (error == NULL && doc == NULL)
    sync_run_fail (run, g_error_new_literal (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_BAD_RESPONSE,
                                             _ ("The server’s answer is not what a CouchDB "
                                                "server sends. Check the server address.")));
  if (error != NULL)
    sync_run_fail (run, error);
  if (run->error != NULL)
    {
      finish (run);
      return;
    }
  run->remote_doc = doc ? json_object_ref (doc) : json_object_new ();
  run->remote_rev = doc ? g_strdup (json_object_get_string_member_with_default (doc, "_rev", NULL))
                        : NULL;
  start_direction (run, TRUE);
}

static void
on_caller_cancelled (GCancellable *caller, gpointer data)
{
  g_cancellable_cancel (data);
}

void
sofra_sync_run_start (SofraSyncer *syncer, SofraSyncHttp *http, GTask *task)
{
  SyncRun      *run = g_new0 (SyncRun, 1);
  GCancellable *caller = g_task_get_cancellable (task);

  run->syncer = syncer;
  run->store = sofra_syncer_get_store (syncer);
  run->task = task;
  run->http = http;
  run->cancellable = g_cancellable_new ();
  if (caller != NULL)
    run->caller_handler = g_cancellable_connect (caller, G_CALLBACK (on_caller_cancelled),
                                                 g_object_ref (run->cancellable), g_object_unref);
  run->started = g_get_monotonic_time ();
  run->report.requests = sofra_sync_http_get_requests (http);
  run->checkpoint_id = sofra_sync_checkpoint_id (run->store,
                                                 sofra_sync_http_get_database_url (http));
  run->session_id = g_uuid_string_random ();
  run->local_doc = sofra_store_get_local (run->store, run->checkpoint_id);
  if (run->local_doc == NULL)
    run->local_doc = json_object_new ();

  sofra_syncer_set_progress (syncer, SOFRA_SYNC_STATE_CONNECTING, 0, 0);
  run->pending++;
  sofra_sync_http_request_async (http, "GET", run->checkpoint_id, NULL, SOFRA_HTTP_ALLOW_NOT_FOUND,
                                 run->cancellable, on_remote_checkpoint_read, run);
}

static void
finish (SyncRun *run)
{
  GTask *task = run->task;

  if (run->error == NULL)
    {
      g_autoptr (GError) error = NULL;

      json_object_set_int_member (run->local_doc, "last_sync", g_get_real_time () / G_USEC_PER_SEC);
      if (!write_local (run, &error))
        run->error = g_steal_pointer (&error);
    }
  if (run->caller_handler)
    g_cancellable_disconnect (g_task_get_cancellable (task), run->caller_handler);
  run->report.requests = sofra_sync_http_get_requests (run->http) - run->report.requests;
  run->report.duration_us = g_get_monotonic_time () - run->started;
  sofra_syncer_run_ended (run->syncer, run);

  if (run->error != NULL)
    g_task_return_error (task, g_steal_pointer (&run->error));
  else
    g_task_return_boolean (task, TRUE);

  direction_free (run->direction);
  g_clear_object (&run->cancellable);
  g_free (run->checkpoint_id);
  g_free (run->session_id);
  g_free (run->remote_rev);
  g_clear_pointer (&run->remote_doc, json_object_unref);
  g_clear_pointer (&run->local_doc, json_object_unref);
  g_free (run);
  g_object_unref (task);
}
