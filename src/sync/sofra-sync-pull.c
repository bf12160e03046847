/* sofra-sync-pull.c — pull: _changes → local revs diff → _bulk_get (or open_revs) → store
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is the source. Its _changes feed is read in batches (style=all_docs, the
 * sequence kept as the opaque JSON the server gives), the next batch asked for while one is
 * being fetched and written. Missing revisions come by _bulk_get; a server without it answers
 * GET ?open_revs=[…] per document. Each batch is written in one store transaction through
 * sofra_store_put_replicated(), which merges revision trees with CouchDB's winner.
 */
#include <glib/gi18n-lib.h>

#include "sofra-json.h"
#include "sofra-sync-private.h"

typedef struct
{
  SyncDirection *dir;
  SyncBatch     *batch;
  GPtrArray     *want_ids; /* of char*, with want_revs: what this store lacks */
  GPtrArray     *want_revs;
  GPtrArray     *docs; /* of JsonObject*: fetched */
  guint          next; /* open_revs fallback: the next document to ask for */
  guint          failed;
} PullFetch;

static void
pull_fetch_free (PullFetch *f)
{
  sync_batch_free (f->batch);
  g_ptr_array_unref (f->want_ids);
  g_ptr_array_unref (f->want_revs);
  g_ptr_array_unref (f->docs);
  g_free (f);
}

static GError *
bad_answer (const char *what)
{
  return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_BAD_RESPONSE,
                      _ ("The server’s answer to %s is not valid."), what);
}

/* ---- source: _changes ---- */

static void
on_changes (GObject *source, GAsyncResult *result, gpointer data)
{
  SyncDirection *dir = data;
  SyncRun       *run = dir->run;
  g_autoptr (JsonNode) answer = NULL;
  GError     *error = NULL;
  JsonObject *o;
  JsonArray  *results;
  JsonNode   *last_seq;
  SyncBatch  *batch;
  guint       n;

  dir->source_busy = FALSE;
  answer = sofra_sync_http_request_finish (run->http, result, NULL, &error);
  o = error == NULL && answer && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer)
                                                                 : NULL;
  results = o ? sofra_json_array_member (o, "results") : NULL;
  last_seq = o ? json_object_get_member (o, "last_seq") : NULL;
  if (error == NULL && (results == NULL || last_seq == NULL))
    error = bad_answer ("_changes");
  if (error != NULL)
    {
      sync_run_fail (run, error);
      sync_run_release (run);
      return;
    }

  n = json_array_get_length (results);
  if (json_object_has_member (o, "pending"))
    {
      gint64 pending = json_object_get_int_member_with_default (o, "pending", 0);

      dir->source_done = pending <= 0;
      dir->docs_total = dir->docs_done + g_queue_get_length (&dir->queue) * SOFRA_SYNC_BATCH + n +
                        (guint) MAX (pending, 0);
    }
  else
    dir->source_done = n < SOFRA_SYNC_BATCH;
  if (n == 0)
    {
      dir->source_done = TRUE;
      sync_run_release (run);
      return;
    }

  batch = g_new0 (SyncBatch, 1);
  batch->last_seq = json_node_copy (last_seq);
  batch->ids = g_ptr_array_new_with_free_func (g_free);
  batch->revs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  batch->changes = n;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *change = json_array_get_object_element (results, i);
      const char *id = change ? json_object_get_string_member_with_default (change, "id", NULL)
                              : NULL;
      JsonArray  *changes = change ? sofra_json_array_member (change, "changes") : NULL;
      g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

      /* Design documents are the server's business, not records. */
      if (id == NULL || changes == NULL || g_str_has_prefix (id, "_design/"))
        continue;
      for (guint j = 0; j < json_array_get_length (changes); j++)
        {
          JsonObject *c = json_array_get_object_element (changes, j);
          const char *rev = c ? json_object_get_string_member_with_default (c, "rev", NULL) : NULL;

          if (rev != NULL)
            g_strv_builder_add (b, rev);
        }
      g_ptr_array_add (batch->ids, g_strdup (id));
      g_ptr_array_add (batch->revs, g_strv_builder_end (b));
    }
  g_clear_pointer (&dir->since, json_node_unref);
  dir->since = json_node_copy (last_seq);
  g_queue_push_tail (&dir->queue, batch);
  sync_run_release (run);
}

/* since= as CouchDB reads it: a number, or an opaque string as it is. */
static char *
since_param (JsonNode *since)
{
  g_autofree char *raw = NULL;

  if (JSON_NODE_HOLDS_VALUE (since) && json_node_get_value_type (since) == G_TYPE_STRING)
    raw = g_strdup (json_node_get_string (since));
  else if (JSON_NODE_HOLDS_VALUE (since) && json_node_get_value_type (since) == G_TYPE_INT64)
    raw = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (since));
  else
    raw = sofra_json_canonical (since);
  return g_uri_escape_string (raw ? raw : "0", NULL, FALSE);
}

static void
read_changes (SyncDirection *dir)
{
  SyncRun         *run = dir->run;
  g_autofree char *since = since_param (dir->since);
  g_autofree char *path = g_strdup_printf ("_changes?style=all_docs&feed=normal&since=%s&limit=%u",
                                           since, SOFRA_SYNC_BATCH);

  dir->source_busy = TRUE;
  sync_run_hold (run);
  sofra_sync_http_request_async (run->http, "GET", path, NULL, 0, run->cancellable, on_changes,
                                 dir);
}

/* ---- sink: fetch and write ---- */

static void
add_fetched (PullFetch *f, JsonArray *docs)
{
  for (guint i = 0; docs && i < json_array_get_length (docs); i++)
    {
      JsonObject *entry = json_array_get_object_element (docs, i);
      JsonObject *ok = entry ? sofra_json_object_member (entry, "ok") : NULL;

      if (ok != NULL)
        g_ptr_array_add (f->docs, json_object_ref (ok));
      else
        f->failed++;
    }
}

static void
write_fetched (PullFetch *f)
{
  SyncDirection *dir = f->dir;
  SyncRun       *run = dir->run;
  g_autoptr (GError) error = NULL;
  guint  written = 0;
  gint64 before = sofra_store_get_update_seq (run->store);

  if (!sofra_store_begin (run->store, &error))
    {
      sync_run_fail (run, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < f->docs->len; i++)
    {
      JsonObject *doc = g_ptr_array_index (f->docs, i);
      g_autoptr (GError) doc_error = NULL;

      if (sofra_store_put_replicated (run->store, doc, &doc_error))
        written++;
      else
        {
          g_message ("Not stored: %s %s: %s",
                     json_object_get_string_member_with_default (doc, "_id", "?"),
                     json_object_get_string_member_with_default (doc, "_rev", "?"),
                     doc_error->message);
          run->report.docs_skipped++;
        }
    }
  if (!sofra_store_commit (run->store, &error))
    {
      sync_run_fail (run, g_steal_pointer (&error));
      return;
    }
  sync_run_note_pulled (run, before, sofra_store_get_update_seq (run->store));
  run->report.docs_pulled += written;
  run->report.docs_skipped += f->failed;
  sync_direction_progress (dir, f->batch->changes);
  sync_direction_checkpoint (dir, f->batch->last_seq);
}

static void fetch_next_open_revs (PullFetch *f);

/* The batch is fetched: the next one's fetch goes out first, so the server works on it while
 * this one is written (the write is synchronous, so batches are still written, and their
 * checkpoints recorded, in order). */
static void
sink_done (PullFetch *f)
{
  SyncDirection *dir = f->dir;

  dir->sink_busy = FALSE;
  if (!sync_run_failed (dir->run))
    {
      dir->pump (dir);
      write_fetched (f);
    }
  pull_fetch_free (f);
}

static void
on_open_revs (GObject *source, GAsyncResult *result, gpointer data)
{
  PullFetch *f = data;
  SyncRun   *run = f->dir->run;
  g_autoptr (JsonNode) answer = NULL;
  GError *error = NULL;

  answer = sofra_sync_http_request_finish (run->http, result, NULL, &error);
  if (error == NULL && (answer == NULL || !JSON_NODE_HOLDS_ARRAY (answer)))
    error = bad_answer ("open_revs");
  if (error != NULL)
    {
      sync_run_fail (run, error);
      f->dir->sink_busy = FALSE;
      pull_fetch_free (f);
    }
  else
    {
      add_fetched (f, json_node_get_array (answer));
      if (f->next < f->want_ids->len)
        fetch_next_open_revs (f);
      else
        sink_done (f);
    }
  sync_run_release (run);
}

static void
fetch_next_open_revs (PullFetch *f)
{
  SyncRun    *run = f->dir->run;
  const char *id = g_ptr_array_index (f->want_ids, f->next);
  char      **revs = g_ptr_array_index (f->want_revs, f->next);
  g_autoptr (JsonArray) array = json_array_new ();
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *escaped_id = sofra_sync_escape_id (id);
  g_autofree char *revs_json = NULL;
  g_autofree char *escaped_revs = NULL;
  g_autofree char *path = NULL;

  f->next++;
  for (guint i = 0; revs[i] != NULL; i++)
    json_array_add_string_element (array, revs[i]);
  json_node_set_array (node, array);
  revs_json = sofra_json_canonical (node);
  escaped_revs = g_uri_escape_string (revs_json, NULL, FALSE);
  path = g_strdup_printf ("%s?revs=true&latest=true&open_revs=%s", escaped_id, escaped_revs);
  sync_run_hold (run);
  sofra_sync_http_request_async (run->http, "GET", path, NULL, 0, run->cancellable, on_open_revs,
                                 f);
}

static void
on_bulk_get (GObject *source, GAsyncResult *result, gpointer data)
{
  PullFetch *f = data;
  SyncRun   *run = f->dir->run;
  g_autoptr (JsonNode) answer = NULL;
  GError    *error = NULL;
  guint      status = 0;
  JsonArray *results;

  answer = sofra_sync_http_request_finish (run->http, result, &status, &error);
  if (error == NULL && !SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      /* No _bulk_get on this server: one request per document from now on. */
      f->dir->no_bulk_get = TRUE;
      fetch_next_open_revs (f);
      sync_run_release (run);
      return;
    }
  results = error == NULL && answer && JSON_NODE_HOLDS_OBJECT (answer)
              ? sofra_json_array_member (json_node_get_object (answer), "results")
              : NULL;
  if (error == NULL && results == NULL)
    error = bad_answer ("_bulk_get");
  if (error != NULL)
    {
      sync_run_fail (run, error);
      f->dir->sink_busy = FALSE;
      pull_fetch_free (f);
      sync_run_release (run);
      return;
    }
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *r = json_array_get_object_element (results, i);

      add_fetched (f, r ? sofra_json_array_member (r, "docs") : NULL);
    }
  sink_done (f);
  sync_run_release (run);
}

static void
fetch_batch (SyncDirection *dir, SyncBatch *batch)
{
  SyncRun   *run = dir->run;
  PullFetch *f = g_new0 (PullFetch, 1);

  f->dir = dir;
  f->batch = batch;
  f->want_ids = g_ptr_array_new_with_free_func (g_free);
  f->want_revs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  f->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < batch->ids->len; i++)
    {
      const char *id = g_ptr_array_index (batch->ids, i);
      char **missing = sofra_store_revs_diff (run->store, id, g_ptr_array_index (batch->revs, i));

      if (missing[0] == NULL)
        {
          g_strfreev (missing);
          continue;
        }
      g_ptr_array_add (f->want_ids, g_strdup (id));
      g_ptr_array_add (f->want_revs, missing);
    }
  dir->sink_busy = TRUE;
  if (f->want_ids->len == 0)
    sink_done (f);
  else if (dir->no_bulk_get)
    fetch_next_open_revs (f);
  else
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autoptr (GBytes) body = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "docs");
      json_builder_begin_array (b);
      for (guint i = 0; i < f->want_ids->len; i++)
        {
          char **revs = g_ptr_array_index (f->want_revs, i);

          for (guint j = 0; revs[j] != NULL; j++)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "id");
              json_builder_add_string_value (b, g_ptr_array_index (f->want_ids, i));
              json_builder_set_member_name (b, "rev");
              json_builder_add_string_value (b, revs[j]);
              json_builder_end_object (b);
            }
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      body = sofra_sync_json_bytes (root);
      sync_run_hold (run);
      sofra_sync_http_request_async (run->http, "POST", "_bulk_get?revs=true&latest=true", body,
                                     SOFRA_HTTP_ALLOW_BAD_REQUEST | SOFRA_HTTP_ALLOW_NOT_FOUND,
                                     run->cancellable, on_bulk_get, f);
    }
}

void
sync_pull_pump (gpointer data)
{
  SyncDirection *dir = data;
  SyncRun       *run = dir->run;

  if (sync_run_failed (run))
    return;
  /* Ask for the next changes first, so they travel while this batch is fetched. */
  if (!dir->source_done && !dir->source_busy && g_queue_get_length (&dir->queue) < 2)
    read_changes (dir);
  while (!dir->sink_busy && !g_queue_is_empty (&dir->queue) && !sync_run_failed (run))
    fetch_batch (dir, g_queue_pop_head (&dir->queue));
  if (!dir->source_done && !dir->source_busy && g_queue_get_length (&dir->queue) < 2 &&
      !sync_run_failed (run))
    read_changes (dir);
}
