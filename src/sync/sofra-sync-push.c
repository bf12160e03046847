/* sofra-sync-push.c — push: local changes → _revs_diff → _bulk_docs (new_edits: false)
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is the source. A batch is read from its changes feed with every leaf revision of
 * each document (so a resolved conflict's deleted branch travels too), private notes left
 * out; the server says which revisions it lacks; those are sent with their _revisions
 * history, in requests cut by size. The next batch's _revs_diff is asked while one batch is
 * being sent.
 */
#include <glib/gi18n-lib.h>

#include <string.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-sync-private.h"

typedef struct
{
  SyncDirection *dir;
  SyncBatch     *batch;
  GPtrArray     *chunks; /* of GBytes: _bulk_docs bodies */
  guint          next;
  guint          sent; /* documents in the chunks */
} PushWrite;

static void
push_write_free (PushWrite *w)
{
  sync_batch_free (w->batch);
  g_ptr_array_unref (w->chunks);
  g_free (w);
}

typedef struct
{
  SyncRun    *run;
  SyncBatch  *batch;
  JsonObject *diff; /* id → [revs] */
} ReadState;

/* The history of @rev of @id, newest first ("N-hash" each), or NULL. */
static char **
history_of (SofraStore *store, const char *id, const char *rev)
{
  g_autoptr (JsonObject) doc = sofra_store_get_revision (store, id, rev, TRUE, NULL);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *revisions = doc ? sofra_json_object_member (doc, "_revisions") : NULL;
  JsonArray  *ids = revisions ? sofra_json_array_member (revisions, "ids") : NULL;
  gint64 start = revisions ? json_object_get_int_member_with_default (revisions, "start", 0) : 0;

  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      g_autofree char *r = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", start - (gint64) i,
                                            json_array_get_string_element (ids, i));

      g_strv_builder_add (builder, r);
    }
  return g_strv_builder_end (builder);
}

static gboolean
collect_change (const char        *id,
                const char *const *leaves,
                gint64             seq,
                gboolean           is_private,
                gpointer           data)
{
  ReadState *state = data;

  state->batch->changes++;
  json_node_unref (state->batch->last_seq);
  state->batch->last_seq = json_node_init_int (json_node_alloc (), seq);
  if (!is_private)
    {
      JsonArray *revs = json_array_new ();

      for (guint i = 0; leaves[i] != NULL; i++)
        json_array_add_string_element (revs, leaves[i]);
      json_object_set_array_member (state->diff, id, revs);
    }
  else
    {
      /* A note made private after it was shared: the server still holds the shared text.
       * Which of its revisions does the server have? Then a deletion withdraws it there (and
       * from the other offices), while here the private revision stays the winner. */
      char     **history = history_of (state->run->store, id, leaves[0]);
      JsonArray *revs = json_array_new ();

      for (guint i = 0; history && history[i]; i++)
        json_array_add_string_element (revs, history[i]);
      json_object_set_array_member (state->diff, id, revs);
      if (state->batch->private_history == NULL)
        state->batch->private_history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify) g_strfreev);
      g_hash_table_insert (state->batch->private_history, g_strdup (id),
                           history ? history : g_new0 (char *, 1));
    }
  return TRUE;
}

typedef struct
{
  SyncDirection *dir;
  SyncBatch     *batch;
} DiffCall;

/* The private note @id: when the server has one of its earlier (shared) revisions, a deletion
 * of the newest of those is sent, holding nothing but the type. */
static void
withdraw (SyncBatch *batch, const char *id, const char *const *lacking)
{
  char           **history = g_hash_table_lookup (batch->private_history, id);
  const char      *parent = NULL, *parent_hash;
  g_autofree char *hash = NULL;
  g_autofree char *key = NULL;
  g_autofree char *rev = NULL;
  JsonObject      *tomb, *revisions;
  JsonArray       *ids;
  gint64           pos;

  for (guint i = 0; history && history[i]; i++)
    if (!g_strv_contains (lacking, history[i]))
      {
        parent = history[i];
        break;
      }
  if (parent == NULL || parent == history[0])
    return; /* never on the server, or (impossibly) the private revision itself */
  pos = g_ascii_strtoll (parent, NULL, 10);
  parent_hash = strchr (parent, '-') + 1;
  key = g_strdup_printf ("%s\nwithdrawn", parent);
  hash = g_compute_checksum_for_string (G_CHECKSUM_MD5, key, -1);
  rev = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", pos + 1, hash);
  tomb = json_object_new ();
  json_object_set_string_member (tomb, "_id", id);
  json_object_set_string_member (tomb, "_rev", rev);
  json_object_set_boolean_member (tomb, "_deleted", TRUE);
  json_object_set_string_member (tomb, "type", SOFRA_TYPE_NOTE);
  revisions = json_object_new ();
  ids = json_array_new ();
  json_array_add_string_element (ids, hash);
  json_array_add_string_element (ids, parent_hash);
  json_object_set_int_member (revisions, "start", pos + 1);
  json_object_set_array_member (revisions, "ids", ids);
  json_object_set_object_member (tomb, "_revisions", revisions);
  if (batch->tombstones == NULL)
    batch->tombstones = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_ptr_array_add (batch->tombstones, tomb);
}

static void
on_revs_diff (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autofree DiffCall *call = data;
  SyncDirection       *dir = call->dir;
  SyncBatch           *batch = call->batch;
  SyncRun             *run = dir->run;
  g_autoptr (JsonNode) answer = NULL;
  GError     *error = NULL;
  JsonObject *missing;

  dir->source_busy = FALSE;
  answer = sofra_sync_http_request_finish (run->http, result, NULL, &error);
  if (error == NULL && (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer)))
    error = g_error_new_literal (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_BAD_RESPONSE,
                                 _ ("The server’s answer to _revs_diff is not valid."));
  if (error != NULL)
    {
      sync_run_fail (run, error);
      sync_batch_free (batch);
      sync_run_release (run);
      return;
    }
  missing = json_node_get_object (answer);
  {
    JsonObjectIter iter;
    const char    *id;
    JsonNode      *node;

    json_object_iter_init (&iter, missing);
    while (json_object_iter_next (&iter, &id, &node))
      {
        JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
        JsonArray  *revs = o ? sofra_json_array_member (o, "missing") : NULL;
        g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

        for (guint i = 0; revs && i < json_array_get_length (revs); i++)
          {
            const char *rev = json_array_get_string_element (revs, i);

            if (rev != NULL)
              g_strv_builder_add (b, rev);
          }
        if (batch->private_history && g_hash_table_contains (batch->private_history, id))
          {
            g_auto (GStrv) lacking = g_strv_builder_end (b);

            withdraw (batch, id, (const char *const *) lacking);
            continue;
          }
        g_ptr_array_add (batch->ids, g_strdup (id));
        g_ptr_array_add (batch->revs, g_strv_builder_end (b));
      }
  }
  g_queue_push_tail (&dir->queue, batch);
  sync_run_release (run);
}

/* Reads the next batch of local changes and asks the server which revisions it lacks. */
static void
read_batch (SyncDirection *dir)
{
  SyncRun *run = dir->run;
  g_autoptr (JsonObject) diff = json_object_new ();
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  SyncBatch *batch = g_new0 (SyncBatch, 1);
  ReadState  state = { run, batch, diff };
  DiffCall  *call;

  batch->last_seq = json_node_copy (dir->since);
  batch->ids = g_ptr_array_new_with_free_func (g_free);
  batch->revs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (!sofra_store_foreach_sync_change (run->store, json_node_get_int (dir->since),
                                        SOFRA_SYNC_BATCH, collect_change, &state, &error))
    {
      sync_batch_free (batch);
      sync_run_fail (run, g_steal_pointer (&error));
      return;
    }
  if (batch->changes < SOFRA_SYNC_BATCH)
    dir->source_done = TRUE;
  if (batch->changes == 0)
    {
      sync_batch_free (batch);
      return;
    }
  g_clear_pointer (&dir->since, json_node_unref);
  dir->since = json_node_copy (batch->last_seq);
  if (json_object_get_size (diff) == 0)
    {
      /* Only private notes: nothing to send, but the checkpoint moves on. */
      g_queue_push_tail (&dir->queue, batch);
      return;
    }

  json_node_set_object (root, diff);
  body = sofra_sync_json_bytes (root);
  call = g_new0 (DiffCall, 1);
  call->dir = dir;
  call->batch = batch;
  dir->source_busy = TRUE;
  sync_run_hold (run);
  sofra_sync_http_request_async (run->http, "POST", "_revs_diff", body, 0, run->cancellable,
                                 on_revs_diff, call);
}

/* The _bulk_docs bodies for a batch: every missing revision with its history, in requests of
 * at most SOFRA_SYNC_MAX_REQUEST_BYTES. */
static GPtrArray *
make_chunks (SyncRun *run, SyncBatch *batch, guint *count, GError **error)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  GString *buf = NULL;
  guint    in_buf = 0;

  *count = 0;
  for (guint i = 0; i < batch->ids->len; i++)
    {
      const char *id = g_ptr_array_index (batch->ids, i);
      char      **revs = g_ptr_array_index (batch->revs, i);

      for (guint j = 0; revs[j] != NULL; j++)
        {
          g_autoptr (JsonObject) doc = NULL;
          g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
          g_autoptr (GError) local_error = NULL;
          g_autofree char *text = NULL;
          gsize            len = 0;

          doc = sofra_store_get_revision (run->store, id, revs[j], TRUE, &local_error);
          if (doc == NULL || sofra_doc_is_private (doc))
            continue; /* superseded meanwhile: the next batch carries its successor */
          json_node_set_object (node, doc);
          json_generator_set_root (gen, node);
          text = json_generator_to_data (gen, &len);
          if (buf != NULL && buf->len + len + 32 > SOFRA_SYNC_MAX_REQUEST_BYTES)
            {
              g_string_append (buf, "],\"new_edits\":false}");
              g_ptr_array_add (chunks, g_string_free_to_bytes (buf));
              buf = NULL;
              in_buf = 0;
            }
          if (buf == NULL)
            buf = g_string_new ("{\"docs\":[");
          if (in_buf++ > 0)
            g_string_append_c (buf, ',');
          g_string_append_len (buf, text, (gssize) len);
          (*count)++;
        }
    }
  for (guint i = 0; batch->tombstones && i < batch->tombstones->len; i++)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *text = NULL;
      gsize            len = 0;

      json_node_set_object (node, g_ptr_array_index (batch->tombstones, i));
      json_generator_set_root (gen, node);
      text = json_generator_to_data (gen, &len);
      if (buf == NULL)
        buf = g_string_new ("{\"docs\":[");
      if (in_buf++ > 0)
        g_string_append_c (buf, ',');
      g_string_append_len (buf, text, (gssize) len);
      (*count)++;
    }
  if (buf != NULL)
    {
      g_string_append (buf, "],\"new_edits\":false}");
      g_ptr_array_add (chunks, g_string_free_to_bytes (buf));
    }
  (void) error;
  return chunks;
}

static void send_chunk (PushWrite *w);

static void
on_bulk_docs (GObject *source, GAsyncResult *result, gpointer data)
{
  PushWrite     *w = data;
  SyncDirection *dir = w->dir;
  SyncRun       *run = dir->run;
  g_autoptr (JsonNode) answer = NULL;
  GError *error = NULL;

  answer = sofra_sync_http_request_finish (run->http, result, NULL, &error);
  if (error == NULL && (answer == NULL || !JSON_NODE_HOLDS_ARRAY (answer)))
    error = g_error_new_literal (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_BAD_RESPONSE,
                                 _ ("The server’s answer to _bulk_docs is not valid."));
  if (error != NULL)
    {
      sync_run_fail (run, error);
      dir->sink_busy = FALSE;
      push_write_free (w);
      sync_run_release (run);
      return;
    }
  {
    JsonArray *results = json_node_get_array (answer);

    for (guint i = 0; i < json_array_get_length (results); i++)
      {
        JsonObject *r = json_array_get_object_element (results, i);
        const char *err = r ? json_object_get_string_member_with_default (r, "error", NULL) : NULL;

        if (err != NULL)
          {
            g_message ("The server refused %s: %s (%s)",
                       json_object_get_string_member_with_default (r, "id", "?"), err,
                       json_object_get_string_member_with_default (r, "reason", ""));
            run->report.docs_skipped++;
            run->report.docs_pushed--;
          }
      }
  }
  if (w->next < w->chunks->len)
    send_chunk (w);
  else
    {
      sync_direction_progress (dir, w->batch->changes);
      sync_direction_checkpoint (dir, w->batch->last_seq);
      dir->sink_busy = FALSE;
      push_write_free (w);
    }
  sync_run_release (run);
}

static void
send_chunk (PushWrite *w)
{
  SyncRun *run = w->dir->run;

  sync_run_hold (run);
  sofra_sync_http_request_async (run->http, "POST", "_bulk_docs",
                                 g_ptr_array_index (w->chunks, w->next++), 0, run->cancellable,
                                 on_bulk_docs, w);
}

void
sync_push_pump (gpointer data)
{
  SyncDirection *dir = data;
  SyncRun       *run = dir->run;

  if (sync_run_failed (run))
    return;
  while (!dir->source_done && !dir->source_busy && g_queue_get_length (&dir->queue) < 2 &&
         !sync_run_failed (run))
    read_batch (dir);
  while (!dir->sink_busy && !g_queue_is_empty (&dir->queue) && !sync_run_failed (run))
    {
      SyncBatch *batch = g_queue_pop_head (&dir->queue);
      g_autoptr (GError) error = NULL;
      PushWrite *w;
      guint      count = 0;
      GPtrArray *chunks = make_chunks (run, batch, &count, &error);

      if (chunks->len == 0)
        {
          g_ptr_array_unref (chunks);
          sync_direction_progress (dir, batch->changes);
          sync_direction_checkpoint (dir, batch->last_seq);
          sync_batch_free (batch);
          continue;
        }
      w = g_new0 (PushWrite, 1);
      w->dir = dir;
      w->batch = batch;
      w->chunks = chunks;
      w->sent = count;
      run->report.docs_pushed += count;
      dir->sink_busy = TRUE;
      send_chunk (w);
      /* Keep the next batch's _revs_diff going while this one is sent. */
      if (!dir->source_done && !dir->source_busy && g_queue_get_length (&dir->queue) < 2)
        read_batch (dir);
    }
  /* Nothing to send, but the two sides' records disagree (a first sync, a server database
   * made anew): record where this store is, so the next run starts there. */
  if (dir->source_done && !dir->source_busy && !dir->sink_busy && g_queue_is_empty (&dir->queue) &&
      !dir->checkpointed && !dir->records_agree && !sync_run_failed (run))
    sync_direction_checkpoint (dir, dir->since);
}
