/* sofra-test-server.h — a real PouchDB Server for the sync tests, and what they ask of it
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PouchDB Server (npm, installed into the build directory by tests/sync/npm-ci.sh) runs in
 * memory on 127.0.0.1 on a free port, in a fresh temporary directory, with an admin
 * "admin"/"secret"; it is stopped by sofra_test_server_stop().
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TEST_ADMIN          "admin"
#define SOFRA_TEST_ADMIN_PASSWORD "secret"

typedef struct _SofraTestServer SofraTestServer;

/* Starts the server; aborts the test when it cannot. */
SofraTestServer *sofra_test_server_start (void);
void             sofra_test_server_stop (SofraTestServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SofraTestServer, sofra_test_server_stop)

/* "http://127.0.0.1:PORT" */
const char *sofra_test_server_url (SofraTestServer *server);
guint       sofra_test_server_port (SofraTestServer *server);

/* A new empty database, made as the admin; returns its name (static per call: "db1", …). */
char *sofra_test_server_create_db (SofraTestServer *server);

/* One request as the admin; @body JSON text or NULL. Returns the answer's JSON (or NULL)
 * and sets @status. */
JsonNode *sofra_test_server_request (SofraTestServer *server,
                                     const char      *method,
                                     const char      *path,
                                     const char      *body,
                                     guint           *status);

/* Every document of @db as "id leaf,leaf…" lines (leaves sorted, "-" before deleted ones),
 * sorted; what "holding the same documents" means. */
char *sofra_test_server_snapshot (SofraTestServer *server, const char *db);
/* The same for a store, private notes left out. */
char *sofra_test_store_snapshot (SofraStore *store);

/* The winning document as the server holds it, or NULL. */
JsonObject *sofra_test_server_get_doc (SofraTestServer *server, const char *db, const char *id);

/* Runs `node SCRIPT ARGS…` from tests/sync with the installed node_modules; returns its
 * standard output, asserting exit status 0. */
char *sofra_test_node (const char *script, const char *const *args);

/* A TCP service of the test's own on 127.0.0.1 (a server that answers badly, a proxy): it
 * accepts in a thread with its own main context, so a sync running in the test's thread never
 * blocks it. @on_run is a GThreadedSocketService "run" handler, called with @data in a thread
 * per connection. */
typedef struct _SofraTestService SofraTestService;

SofraTestService *sofra_test_service_start (guint max_threads, GCallback on_run, gpointer data);
guint             sofra_test_service_port (SofraTestService *service);
void              sofra_test_service_stop (SofraTestService *service);

/* Path of sofra-cli (SOFRA_TEST_CLI). */
const char *sofra_test_cli (void);

G_END_DECLS
