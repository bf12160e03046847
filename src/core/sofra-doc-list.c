/* sofra-doc-list.c — lazy GListModels over the store, fetched a page at a time
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model knows only how many rows match; rows are read from SQLite a page at a time when
 * a view asks for them. After a change, the pages already handed out are read again and
 * compared, so items that did not move keep their identity (and the view its selection).
 */
#include "sofra-doc-list.h"
#include "sofra-store-private.h"

struct _SofraDocItem
{
  GObject parent_instance;

  char       *id;
  char       *rev;
  JsonObject *doc;
  gboolean    overdue;
};

G_DEFINE_FINAL_TYPE (SofraDocItem, sofra_doc_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_DOC,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
sofra_doc_item_finalize (GObject *object)
{
  SofraDocItem *self = SOFRA_DOC_ITEM (object);

  g_free (self->id);
  g_free (self->rev);
  g_clear_pointer (&self->doc, json_object_unref);

  G_OBJECT_CLASS (sofra_doc_item_parent_class)->finalize (object);
}

static void
sofra_doc_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SofraDocItem *self = SOFRA_DOC_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_DOC:
      g_value_set_boxed (value, self->doc);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sofra_doc_item_class_init (SofraDocItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sofra_doc_item_finalize;
  object_class->get_property = sofra_doc_item_get_property;

  item_properties[ITEM_PROP_DOC] = g_param_spec_boxed ("doc", NULL, NULL, JSON_TYPE_OBJECT,
                                                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
sofra_doc_item_init (SofraDocItem *self)
{
}

const char *
sofra_doc_item_get_id (SofraDocItem *self)
{
  g_return_val_if_fail (SOFRA_IS_DOC_ITEM (self), NULL);

  return self->id;
}

JsonObject *
sofra_doc_item_get_doc (SofraDocItem *self)
{
  g_return_val_if_fail (SOFRA_IS_DOC_ITEM (self), NULL);

  return self->doc;
}

gboolean
sofra_doc_item_get_overdue (SofraDocItem *self)
{
  g_return_val_if_fail (SOFRA_IS_DOC_ITEM (self), FALSE);

  return self->overdue;
}

struct _SofraDocList
{
  GObject parent_instance;

  SofraStore      *store;
  SofraDocListKind kind;
  guint            n_items;
  GHashTable      *pages; /* page number → GPtrArray of SofraDocItem */
  guint            pages_loaded;
  char            *today;
  gulong           changed_id;
  gboolean         reloading;
  gboolean         reload_again;
};

static void sofra_doc_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SofraDocList,
                               sofra_doc_list,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sofra_doc_list_model_init))

/* Each kind: its type, its filter and its order, all on the index docs_by_type (type,
 * sort_key, and the row's seq), so counting is an index range count and a page an index
 * range scan. The write path keeps sort_key: a session's date, a participant's folded name, a follow-up's
 * "open first, then due date". */
static const struct
{
  const char *type;
  const char *where;
  const char *order;
} kinds[] = {
  [SOFRA_DOC_LIST_SESSIONS] = { "session", "", "sort_key DESC, seq DESC" },
  [SOFRA_DOC_LIST_PARTICIPANTS] = { "participant", "", "sort_key, seq" },
  [SOFRA_DOC_LIST_FOLLOWUPS] = { "followup", "", "sort_key, seq" },
  [SOFRA_DOC_LIST_OPEN_FOLLOWUPS] = { "followup", " AND sort_key < '1'", "sort_key, seq" },
};

static char *
today_string (SofraDocList *self)
{
  g_autoptr (GDateTime) now = NULL;

  if (self->today)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static guint
count_rows (SofraDocList *self)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM docs WHERE type = '%s'"
                                          " AND deleted = 0 AND sort_key IS NOT NULL%s",
                                          kinds[self->kind].type, kinds[self->kind].where);
  sqlite3_stmt    *stmt = sofra_store_stmt (self->store, g_intern_string (sql), NULL);
  guint            n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static SofraDocItem *
item_new (const char *id, const char *rev, const char *body, const char *today)
{
  SofraDocItem *item = g_object_new (SOFRA_TYPE_DOC_ITEM, NULL);
  const char   *due, *status;

  item->id = g_strdup (id);
  item->rev = g_strdup (rev);
  item->doc = sofra_store_make_doc (id, rev, FALSE, body, NULL);
  if (item->doc == NULL)
    item->doc = sofra_store_make_doc (id, rev, FALSE, "{}", NULL);
  due = json_object_get_string_member_with_default (item->doc, "due_date", NULL);
  status = json_object_get_string_member_with_default (item->doc, "status", NULL);
  item->overdue = due != NULL && g_strcmp0 (due, today) < 0 &&
                  (g_strcmp0 (status, "open") == 0 || g_strcmp0 (status, "in_progress") == 0);
  return item;
}

static GPtrArray *
fetch_page (SofraDocList *self, guint page)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, rev, body FROM docs WHERE type = '%s'"
                                          " AND deleted = 0 AND sort_key IS NOT NULL%s"
                                          " ORDER BY %s LIMIT ?1 OFFSET ?2",
                                          kinds[self->kind].type, kinds[self->kind].where,
                                          kinds[self->kind].order);
  sqlite3_stmt    *stmt = sofra_store_stmt (self->store, g_intern_string (sql), NULL);
  GPtrArray       *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = today_string (self);

  self->pages_loaded++;
  if (stmt == NULL)
    return items;
  sqlite3_bind_int (stmt, 1, SOFRA_DOC_LIST_PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 2, (gint64) page * SOFRA_DOC_LIST_PAGE_SIZE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, item_new ((const char *) sqlite3_column_text (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 2), today));
  sqlite3_reset (stmt);
  return items;
}

static GType
sofra_doc_list_get_item_type (GListModel *model)
{
  return SOFRA_TYPE_DOC_ITEM;
}

static guint
sofra_doc_list_get_n_items (GListModel *model)
{
  return SOFRA_DOC_LIST (model)->n_items;
}

static gpointer
sofra_doc_list_get_item (GListModel *model, guint position)
{
  SofraDocList *self = SOFRA_DOC_LIST (model);
  guint         page = position / SOFRA_DOC_LIST_PAGE_SIZE;
  guint         offset = position % SOFRA_DOC_LIST_PAGE_SIZE;
  GPtrArray    *items;

  if (position >= self->n_items)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      items = fetch_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }
  if (offset >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, offset));
}

static void
sofra_doc_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sofra_doc_list_get_item_type;
  iface->get_n_items = sofra_doc_list_get_n_items;
  iface->get_item = sofra_doc_list_get_item;
}

static void
on_store_changed_cb (SofraStore *store, const char *id, const char *type, SofraDocList *self)
{
  if (type == NULL || g_strcmp0 (type, kinds[self->kind].type) == 0)
    sofra_doc_list_reload (self);
}

static void
sofra_doc_list_dispose (GObject *object)
{
  SofraDocList *self = SOFRA_DOC_LIST (object);

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (self->pages)
    g_hash_table_remove_all (self->pages);

  G_OBJECT_CLASS (sofra_doc_list_parent_class)->dispose (object);
}

static void
sofra_doc_list_finalize (GObject *object)
{
  SofraDocList *self = SOFRA_DOC_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_free (self->today);

  G_OBJECT_CLASS (sofra_doc_list_parent_class)->finalize (object);
}

static void
sofra_doc_list_class_init (SofraDocListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sofra_doc_list_dispose;
  object_class->finalize = sofra_doc_list_finalize;
}

static void
sofra_doc_list_init (SofraDocList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

SofraDocList *
sofra_doc_list_new (SofraStore *store, SofraDocListKind kind)
{
  SofraDocList *self;

  g_return_val_if_fail (SOFRA_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= SOFRA_DOC_LIST_OPEN_FOLLOWUPS, NULL);

  self = g_object_new (SOFRA_TYPE_DOC_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->n_items = count_rows (self);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  return self;
}

static void
reload_once (SofraDocList *self)
{
  g_autoptr (GList) keys = NULL;
  guint old_n, new_n, first_diff = G_MAXUINT, last_diff = 0;

  old_n = self->n_items;
  new_n = count_rows (self);
  self->pages_loaded = 0;

  /* Compare the pages a view may hold items of; keep an item that is still at its place. */
  keys = g_hash_table_get_keys (self->pages);
  for (GList *l = keys; l; l = l->next)
    {
      guint      page = GPOINTER_TO_UINT (l->data);
      GPtrArray *old_items = g_hash_table_lookup (self->pages, l->data);
      g_autoptr (GPtrArray) new_items = fetch_page (self, page);
      guint base = page * SOFRA_DOC_LIST_PAGE_SIZE;

      for (guint i = 0; i < MAX (old_items->len, new_items->len); i++)
        {
          SofraDocItem *old_item = i < old_items->len ? g_ptr_array_index (old_items, i) : NULL;
          SofraDocItem *new_item = i < new_items->len ? g_ptr_array_index (new_items, i) : NULL;

          if (old_item && new_item && g_str_equal (old_item->id, new_item->id))
            {
              if (g_strcmp0 (old_item->rev, new_item->rev) != 0 ||
                  old_item->overdue != new_item->overdue)
                {
                  g_free (old_item->rev);
                  old_item->rev = g_steal_pointer (&new_item->rev);
                  json_object_unref (old_item->doc);
                  old_item->doc = json_object_ref (new_item->doc);
                  old_item->overdue = new_item->overdue;
                  g_object_notify_by_pspec (G_OBJECT (old_item), item_properties[ITEM_PROP_DOC]);
                }
              continue;
            }
          first_diff = MIN (first_diff, base + i);
          last_diff = MAX (last_diff, base + i);
          if (new_item)
            {
              if (i < old_items->len)
                g_ptr_array_index (old_items, i) = g_object_ref (new_item);
              else
                g_ptr_array_add (old_items, g_object_ref (new_item));
              if (old_item)
                g_object_unref (old_item);
            }
        }
      if (new_items->len < old_items->len)
        g_ptr_array_set_size (old_items, new_items->len);
    }

  if (old_n != new_n)
    {
      /* Rows moved beyond what is cached: everything after the first difference is new. The
       * page holding that difference was brought up to date above and is kept: its items
       * before the difference are still those the view holds. */
      guint from = first_diff;

      if (from == G_MAXUINT)
        {
          from = 0;
          while (
            g_hash_table_contains (self->pages, GUINT_TO_POINTER (from / SOFRA_DOC_LIST_PAGE_SIZE)))
            from += SOFRA_DOC_LIST_PAGE_SIZE;
        }
      from = MIN (from, MIN (old_n, new_n));
      keys = (g_list_free (keys), g_hash_table_get_keys (self->pages));
      for (GList *l = keys; l; l = l->next)
        if (GPOINTER_TO_UINT (l->data) * SOFRA_DOC_LIST_PAGE_SIZE >= from)
          g_hash_table_remove (self->pages, l->data);
      self->n_items = new_n;
      g_list_model_items_changed (G_LIST_MODEL (self), from, old_n - from, new_n - from);
    }
  else if (first_diff != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), first_diff, last_diff - first_diff + 1,
                                last_diff - first_diff + 1);
}

/* A handler of items-changed or of an item's notify may write to the store, which reloads
 * the list again: that reload waits until this one has finished with its pages. */
void
sofra_doc_list_reload (SofraDocList *self)
{
  g_return_if_fail (SOFRA_IS_DOC_LIST (self));

  if (self->reloading)
    {
      self->reload_again = TRUE;
      return;
    }
  self->reloading = TRUE;
  do
    {
      self->reload_again = FALSE;
      reload_once (self);
    }
  while (self->reload_again);
  self->reloading = FALSE;
}

guint
sofra_doc_list_get_pages_loaded (SofraDocList *self)
{
  g_return_val_if_fail (SOFRA_IS_DOC_LIST (self), 0);

  return self->pages_loaded;
}

void
sofra_doc_list_set_today (SofraDocList *self, const char *today)
{
  g_return_if_fail (SOFRA_IS_DOC_LIST (self));

  g_free (self->today);
  self->today = g_strdup (today);
  sofra_doc_list_reload (self);
}
