/* sofra-doc-list.h — lazy GListModels over the store, fetched a page at a time
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_DOC_LIST_PAGE_SIZE 64

typedef enum
{
  SOFRA_DOC_LIST_SESSIONS,       /* by date, newest first */
  SOFRA_DOC_LIST_PARTICIPANTS,   /* by name */
  SOFRA_DOC_LIST_FOLLOWUPS,      /* open and in progress first, then by due date */
  SOFRA_DOC_LIST_OPEN_FOLLOWUPS, /* only open and in progress, by due date */
} SofraDocListKind;

#define SOFRA_TYPE_DOC_ITEM (sofra_doc_item_get_type ())
G_DECLARE_FINAL_TYPE (SofraDocItem, sofra_doc_item, SOFRA, DOC_ITEM, GObject)

const char *sofra_doc_item_get_id (SofraDocItem *self);
/* The whole winning document (with _id and _rev). */
JsonObject *sofra_doc_item_get_doc (SofraDocItem *self);
/* For follow-ups: due before today and not done or dropped. */
gboolean sofra_doc_item_get_overdue (SofraDocItem *self);

#define SOFRA_TYPE_DOC_LIST (sofra_doc_list_get_type ())
G_DECLARE_FINAL_TYPE (SofraDocList, sofra_doc_list, SOFRA, DOC_LIST, GObject)

/* The list follows the store: it reloads itself on the store's "changed" signal. */
SofraDocList *sofra_doc_list_new (SofraStore *store, SofraDocListKind kind);
void          sofra_doc_list_reload (SofraDocList *self);
/* How many pages have been read from SQLite since the last reload (for tests). */
guint sofra_doc_list_get_pages_loaded (SofraDocList *self);
/* Today, as YYYY-MM-DD, for "overdue"; tests may pin it. */
void sofra_doc_list_set_today (SofraDocList *self, const char *today);

G_END_DECLS
