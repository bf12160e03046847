/* sofra-doc-picker.h — a button whose popover picks one session or participant from a lazy list
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-doc-list.h"
#include "sofra-store.h"

G_BEGIN_DECLS

#define SOFRA_TYPE_DOC_PICKER (sofra_doc_picker_get_type ())
G_DECLARE_FINAL_TYPE (SofraDocPicker, sofra_doc_picker, SOFRA, DOC_PICKER, GtkWidget)

/* @kind is SOFRA_DOC_LIST_SESSIONS or SOFRA_DOC_LIST_PARTICIPANTS. */
GtkWidget *sofra_doc_picker_new (SofraStore *store, SofraDocListKind kind);
/* The picked document's id, or NULL for none. Setting it does not emit "picked". */
const char *sofra_doc_picker_get_selected_id (SofraDocPicker *self);
void        sofra_doc_picker_set_selected_id (SofraDocPicker *self, const char *id);
/* With a fixed label the button always reads @label (an "Add…" button) and nothing stays
 * selected; otherwise it shows the picked document, or @none_label when there is none. */
void sofra_doc_picker_set_fixed_label (SofraDocPicker *self, const char *label);
void sofra_doc_picker_set_none_label (SofraDocPicker *self, const char *none_label);

/* How a session or participant document is named in lists: a session by title and date, a
 * participant by name or, when no name is recorded, by pseudonym code. */
char *sofra_doc_describe (JsonObject *doc);
/* Sets the string property @property of @object (a GtkLabel's "label", a row's "title") to
 * sofra_doc_describe(), with the name or title in the reader's Serbian script, now and
 * whenever that choice changes (sofra_gui_set_record_text_full()). */
void sofra_doc_describe_set (gpointer object, const char *property, JsonObject *doc);

G_END_DECLS
