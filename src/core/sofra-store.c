/* sofra-store.c — the document store: one SQLite file, documents with revision trees
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sofra-json.h"
#include "sofra-records.h"
#include "sofra-search-private.h"
#include "sofra-store-private.h"

/* "Sofr", in the header's application_id field, tells our files from other SQLite files. */
#define SOFRA_APPLICATION_ID 0x536F6672

G_DEFINE_FINAL_TYPE (SofraStore, sofra_store, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
sofra_store_emit_changed (SofraStore *self, const char *id, const char *type)
{
  g_signal_emit (self, signals[CHANGED], 0, id, type);
}

G_DEFINE_QUARK (sofra - store - error - quark, sofra_store_error)

/* Numbered migrations; each runs in its own transaction and sets user_version. Never edit a
 * released one: add the next. */
static const char *const migrations[] = {
  /* 1: documents with their revision trees, bodies of conflicts, local documents. The
   * columns sort_key, session_id and participant_id are derived from the winner by the write
   * path (sofra-store-revs.c), so the indexes never make SQLite parse JSON. */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE docs (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT,"
  "  rev TEXT NOT NULL, deleted INTEGER NOT NULL, body TEXT NOT NULL, tree TEXT,"
  "  sort_key TEXT, session_id TEXT, participant_id TEXT);"
  "CREATE TABLE rev_bodies (doc_id TEXT NOT NULL, rev TEXT NOT NULL, body TEXT NOT NULL,"
  "  PRIMARY KEY (doc_id, rev)) WITHOUT ROWID;"
  "CREATE TABLE local_docs (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE INDEX docs_by_type ON docs (type, sort_key)"
  "  WHERE deleted = 0 AND sort_key IS NOT NULL;"
  "CREATE INDEX docs_by_session ON docs (session_id) WHERE session_id IS NOT NULL;"
  "CREATE INDEX docs_by_participant ON docs (participant_id)"
  "  WHERE participant_id IS NOT NULL;",
  /* 2: the search index (sofra-search-index.c), filled for the documents already here. */
  sofra_search_schema_sql,
};

/* What a migration does beyond its SQL, in the same transaction; NULL for nothing. */
static gboolean (*const migration_steps[]) (SofraStore *self, GError **error) = {
  NULL,
  sofra_search_index_rebuild,
};
G_STATIC_ASSERT (G_N_ELEMENTS (migration_steps) == G_N_ELEMENTS (migrations));

gpointer
sofra_store_get_db (SofraStore *self)
{
  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);

  return self->db;
}

gboolean
sofra_store_sql_error (SofraStore *self, int rc, GError **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_CORRUPT,
                   _ ("The database file is damaged (%s). Sofra has not changed it; restore it "
                      "from a backup or ask for help."),
                   detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_A_DATABASE,
                   _ ("This file is not a Sofra database. Sofra has not changed it."));
      break;
    case SQLITE_FULL:
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_IO,
                   _ ("The disk is full: nothing was saved. Free some space and try again."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_IO,
                   _ ("The database is busy in another program. Try again in a moment."));
      break;
    default:
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_IO,
                   _ ("The database could not be read or written (%s)."), detail);
      break;
    }
  return FALSE;
}

sqlite3_stmt *
sofra_store_stmt (SofraStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int           rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sofra_store_sql_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
sofra_store_exec (SofraStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return sofra_store_sql_error (self, rc, error);
  return TRUE;
}

static int
pragma_int (SofraStore *self, const char *sql, int *rc)
{
  sqlite3_stmt *stmt = NULL;
  int           value = 0;

  *rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          *rc = SQLITE_OK;
        }
      else if (*rc == SQLITE_DONE)
        *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return value;
}

static void
sofra_store_finalize (GObject *object)
{
  SofraStore *self = SOFRA_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->live_ids, g_hash_table_unref);
  g_clear_pointer (&self->search_places, g_hash_table_unref);
  g_clear_pointer (&self->search_terms, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (self->in_batch)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (self->db);
    }
  g_free (self->path);
  g_free (self->uuid);
  g_free (self->staff_name);
  g_free (self->office_id);

  G_OBJECT_CLASS (sofra_store_parent_class)->finalize (object);
}

static void
sofra_store_class_init (SofraStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sofra_store_finalize;

  /* Every write in a batch is a savepoint, whose statement journal holds the pages it changes.
   * Past 64 KiB (SQLite's default) that journal becomes a temporary file, and the write path
   * then spends most of its time in pwrite(). Kept in memory up to 4 MiB instead; this fails
   * harmlessly if SQLite was already initialised. */
  sqlite3_config (SQLITE_CONFIG_STMTJRNL_SPILL, 4 * 1024 * 1024);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sofra_store_init (SofraStore *self)
{
  /* Keyed by address: every SQL text is a literal or interned, and hashing long SQL text on
   * every write cost more than running some of the statements. */
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, statement_free);
  self->live_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

int
sofra_store_get_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* Refuses, before SQLite touches it, a file that is not an SQLite database at all. */
static gboolean
check_header (const char *path, gboolean *exists, GError **error)
{
  static const char magic[16] = "SQLite format 3";
  char              header[16];
  int               fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gssize            n;

  if (fd < 0)
    {
      int saved = errno;

      *exists = saved != ENOENT;
      if (saved == ENOENT)
        return TRUE;
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_IO, _ ("Cannot open “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  *exists = TRUE;
  n = read (fd, header, sizeof header);
  close (fd);
  if (n == 0)
    return TRUE; /* an empty file becomes a new database */
  if (n != sizeof header || memcmp (header, magic, sizeof header) != 0)
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Sofra database. Sofra has not changed it."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int              fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_IO,
                   _ ("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_IO,
                   _ ("Cannot create the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
migrate (SofraStore *self, GError **error)
{
  for (int v = self->schema_version; v < (int) G_N_ELEMENTS (migrations); v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!sofra_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!sofra_store_exec (self, migrations[v], error) ||
          (migration_steps[v] != NULL && !migration_steps[v](self, error)) ||
          !sofra_store_exec (self, set_version, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!sofra_store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      self->schema_version = v + 1;
    }
  return TRUE;
}

static gboolean
load_uuid (SofraStore *self, GError **error)
{
  sqlite3_stmt *stmt = sofra_store_stmt (self, "SELECT value FROM meta WHERE key = 'uuid'", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (self->uuid != NULL)
    return TRUE;

  self->uuid = g_uuid_string_random ();
  if (!(stmt = sofra_store_stmt (self, "INSERT INTO meta (key, value) VALUES ('uuid', ?1)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sofra_store_sql_error (self, sqlite3_errcode (self->db), error);
  sqlite3_reset (stmt);
  return TRUE;
}

SofraStore *
sofra_store_open (const char *path, GError **error)
{
  g_autoptr (SofraStore) self = NULL;
  gboolean exists = FALSE;
  int      application_id, n_tables, rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &exists, error))
    return NULL;
  if (!exists && !create_file (path, error))
    return NULL;

  self = g_object_new (SOFRA_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      sofra_store_sql_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  application_id = pragma_int (self, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    n_tables = pragma_int (self, "SELECT count(*) FROM sqlite_schema", &rc);
  if (rc == SQLITE_OK)
    self->schema_version = pragma_int (self, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    {
      sofra_store_sql_error (self, rc, error);
      return NULL;
    }
  if (application_id != SOFRA_APPLICATION_ID && (application_id != 0 || n_tables > 0))
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Sofra database. Sofra has not changed it."), path);
      return NULL;
    }
  if (self->schema_version > (int) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_TOO_NEW,
                   _ ("“%s” was made by a newer version of Sofra. Update Sofra to open it; "
                      "the file has not been changed."),
                   path);
      return NULL;
    }

  if (!sofra_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !sofra_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !sofra_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      /* Deleted content is overwritten, not left in free space (Debian builds SQLite so by
       * default; other builds do not): an erased person leaves nothing in the file. */
      !sofra_store_exec (self, "PRAGMA secure_delete = ON", error))
    return NULL;
  if (application_id == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", SOFRA_APPLICATION_ID);

      if (!sofra_store_exec (self, sql, error))
        return NULL;
    }
  if (!migrate (self, error) || !load_uuid (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

char *
sofra_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sofra", "sofra.db", NULL);
}

const char *
sofra_store_get_path (SofraStore *self)
{
  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);

  return self->path;
}

const char *
sofra_store_get_uuid (SofraStore *self)
{
  g_return_val_if_fail (SOFRA_IS_STORE (self), NULL);

  return self->uuid;
}

int
sofra_store_get_schema_version (SofraStore *self)
{
  g_return_val_if_fail (SOFRA_IS_STORE (self), 0);

  return self->schema_version;
}

void
sofra_store_set_author (SofraStore *self, const char *staff_name, const char *office_id)
{
  g_return_if_fail (SOFRA_IS_STORE (self));

  g_free (self->staff_name);
  self->staff_name = (staff_name && *staff_name) ? g_strdup (staff_name) : NULL;
  g_free (self->office_id);
  self->office_id = (office_id && *office_id) ? g_strdup (office_id) : NULL;
}

/* Transactions: a write outside a batch is its own IMMEDIATE transaction (so that two
 * programs on one file queue instead of failing); inside a batch an invalid write is refused
 * before it changes anything, so the others still commit. */

gboolean
sofra_store_begin (SofraStore *self, GError **error)
{
  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (!sofra_store_write_begin (self, error))
    return FALSE;
  /* A batch touches many pages of many indexes: a page cache of 128 MiB instead of SQLite's
   * default 2 MiB for its length only, so the application's memory stays small otherwise. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -131072", NULL, NULL, NULL);
  self->in_batch = TRUE;
  self->batch_changed = FALSE;
  self->batch_failed = FALSE;
  g_hash_table_remove_all (self->live_ids);
  return TRUE;
}

gboolean
sofra_store_commit (SofraStore *self, GError **error)
{
  g_return_val_if_fail (SOFRA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);

  if (self->batch_failed)
    {
      sofra_store_rollback (self);
      g_set_error_literal (error, SOFRA_STORE_ERROR, SOFRA_STORE_ERROR_IO,
                           _ ("A write failed half-way, so none of this batch was saved."));
      return FALSE;
    }
  if (!sofra_store_exec (self, "COMMIT", error))
    {
      sofra_store_rollback (self);
      return FALSE;
    }
  sqlite3_exec (self->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
  self->in_batch = FALSE;
  g_hash_table_remove_all (self->live_ids);
  if (self->erase_pending)
    sofra_store_forget_erased (self);
  if (self->batch_changed)
    g_signal_emit (self, signals[CHANGED], 0, NULL, NULL);
  return TRUE;
}

void
sofra_store_rollback (SofraStore *self)
{
  g_return_if_fail (SOFRA_IS_STORE (self));

  if (!self->in_batch)
    return;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  sofra_search_index_rolled_back (self);
  sqlite3_exec (self->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
  self->erase_pending = FALSE;
  self->in_batch = FALSE;
  self->batch_changed = FALSE;
  g_hash_table_remove_all (self->live_ids);
}

/* The statements of every write (a savepoint each, inside a batch) are prepared once; through
 * sqlite3_exec they were parsed again on each write. */
static gboolean
exec_cached (SofraStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = sofra_store_stmt (self, sql, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    sofra_store_sql_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Inside a batch a write takes no savepoint of its own: every check that can refuse a write
 * runs before its first change, so only an SQL failure can stop a write half-way, and that
 * marks the whole batch for rollback. */
gboolean
sofra_store_write_begin (SofraStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  if (self->in_batch)
    return TRUE;
  if (!exec_cached (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = sofra_store_stmt (self, "SELECT coalesce(max(seq), 0) + 1 FROM docs", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (stmt != NULL)
        sofra_store_sql_error (self, sqlite3_reset (stmt), error);
      exec_cached (self, "ROLLBACK", NULL);
      return FALSE;
    }
  self->next_seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sofra_store_write_end (SofraStore *self,
                       gboolean    ok,
                       gboolean    changed,
                       const char *id,
                       const char *type,
                       GError    **error)
{
  if (self->in_batch)
    {
      self->batch_changed |= ok && changed;
      return ok;
    }
  if (ok && !exec_cached (self, "COMMIT", error))
    ok = FALSE;
  if (!ok)
    {
      exec_cached (self, "ROLLBACK", NULL);
      sofra_search_index_rolled_back (self);
      self->erase_pending = FALSE;
      return FALSE;
    }
  if (self->erase_pending)
    sofra_store_forget_erased (self);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0, id, type);
  return TRUE;
}
