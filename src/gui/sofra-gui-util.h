/* sofra-gui-util.h — small helpers shared by the views: vocabulary dropdowns, dates, toasts
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sofra-records.h"
#include "sofra-store.h"
#include "sofra-translit.h"
#include "sofra-vocab.h"

G_BEGIN_DECLS

/* The resource prefix of every template and of style.css. */
#define SOFRA_GUI_RESOURCE_PATH "/org/sofra/Sofra/ui"

/* Makes sure the templates and style.css are registered: the resources live in a static
 * library, and an object file nothing refers to is left out by the linker. Call it from the
 * class_init of every widget with a template. */
void sofra_gui_ensure_resources (void);
/* Adds style.css to @display once. */
void sofra_gui_ensure_style (GdkDisplay *display);

/* A GtkDropDown over the translated labels of @vocab. With @allow_unset the first item is
 * "Not set" (id NULL). */
GtkWidget *sofra_gui_vocab_dropdown_new (SofraVocab vocab, gboolean allow_unset);
/* The vocabulary id of the selected item, or NULL for "Not set" / nothing selected. */
const char *sofra_gui_vocab_dropdown_get_id (GtkDropDown *dropdown);
/* Selects @id; NULL (or an unknown id) selects "Not set" when allowed, else the first item. */
void sofra_gui_vocab_dropdown_set_id (GtkDropDown *dropdown, const char *id);

/* "Sat 28 Nov 2026" in the current locale for a YYYY-MM-DD date; NULL or a malformed date
 * gives a copy of @iso_date (or an empty string). Free with g_free(). */
char *sofra_gui_format_date (const char *iso_date);
/* Today as YYYY-MM-DD in local time. */
char *sofra_gui_today (void);

/* The string member @member of @doc, or NULL when @doc is NULL or the member is missing or
 * not a string. */
const char *sofra_gui_doc_string (JsonObject *doc, const char *member);

/* TRUE when @text is NULL, empty or nothing but white space. */
gboolean sofra_gui_is_blank (const char *text);

/* The whole text of @view. Free with g_free(). */
char *sofra_gui_text_view_get_text (GtkTextView *view);

/* Shows @text, dimmed, in @list while it has no rows. */
void sofra_gui_list_box_set_placeholder_text (GtkListBox *list, const char *text);
/* Removes every row of @list. */
void sofra_gui_list_box_remove_all (GtkListBox *list);

/* The current interface language as understood by sofra_place_display_name(): "sq", "sr",
 * "sr@latin", or "en" for anything else. */
const char *sofra_gui_language (void);
/* The display name of the place document @place_id in the current interface language, or
 * NULL when @place_id is NULL or unknown. */
char *sofra_gui_place_name (SofraStore *store, const char *place_id);

/* Record text in the script the reader chose (the setting "serbian-script"). The stored text
 * never changes: lists and pages show a transliterated copy, editable fields the stored text.
 *
 * follow_serbian_script() reads @settings now and whenever the choice changes; every text set
 * with set_record_text() is then shown again in the new script at once. Each window calls it. */
void        sofra_gui_follow_serbian_script (GSettings *settings);
SofraScript sofra_gui_serbian_script (void);
/* @text (may be NULL) in the chosen script, for text that is not tied to one widget property
 * (a tooltip, a window title). Free with g_free(). */
char *sofra_gui_record_text (const char *text);
/* Sets the string property @property of @object (a GtkLabel's "label", an AdwActionRow's
 * "title" or "subtitle"…) to the stored @text in the chosen script, now and whenever the
 * choice changes. @text is plain text: it is escaped where the property takes markup. Setting
 * the property by other means later ends the tracking. The _full variant puts interface text
 * that is never transliterated before and after it (either may be NULL). */
void sofra_gui_set_record_text (gpointer object, const char *property, const char *text);
void sofra_gui_set_record_text_full (gpointer    object,
                                     const char *property,
                                     const char *before,
                                     const char *text,
                                     const char *after);
/* Same for the display name of a place (sofra_gui_place_name()): only its Serbian part follows
 * the chosen script, the Albanian name stays as it is. */
void sofra_gui_set_record_place (gpointer    object,
                                 const char *property,
                                 const char *before,
                                 const char *place,
                                 const char *after);
/* The Preferences row "Show Serbian text in: As typed / Latin / Cyrillic", bound to @settings. */
GtkWidget *sofra_gui_script_row_new (GSettings *settings);
/* @format (translated interface text) with its one "%s" replaced by the record @text. */
void sofra_gui_set_record_text_format (gpointer    object,
                                       const char *property,
                                       const char *format,
                                       const char *text);

/* Stamps the staff name and office of @settings ("staff-name", "office-id") on every write to
 * @store, now and whenever they change, for as long as @store lives. */
void sofra_gui_follow_author (SofraStore *store, GSettings *settings);

/* Shows @message as a toast in the AdwToastOverlay of the window holding @any_widget. */
void sofra_gui_toast (GtkWidget *any_widget, const char *message);
/* Same, with a button: activating @action_name (with @target, may be NULL) from the toast. */
AdwToast *sofra_gui_toast_with_action (GtkWidget  *any_widget,
                                       const char *message,
                                       const char *button_label,
                                       const char *action_name,
                                       GVariant   *target);
/* An AdwMessageDialog, transient for the window holding @widget, with @error's message. */
void sofra_gui_show_error (GtkWidget *widget, const GError *error);

/* The position of the SofraDocItem with @id in @model: looked for at @hint and around it (a
 * reload keeps rows near where they were), then from the top. Bounded, so a lazy list of
 * 100,000 rows is never read whole; GTK_INVALID_LIST_POSITION when not found within reach. */
guint sofra_gui_find_doc (GListModel *model, const char *id, guint hint);

/* A GtkSingleSelection over @model (taking it) that selects only when told: no autoselect, it
 * can be unselected, and nothing is selected at first. */
GtkSingleSelection *sofra_gui_single_selection_new (GListModel *model);
/* Selects the row of the SofraDocItem @id in @selection, or none when it is not within reach of
 * sofra_gui_find_doc(), which looks around the selected row, else around *@last_position;
 * *@last_position follows where it is found. *@syncing is TRUE meanwhile, so the handler of
 * "notify::selected" can tell this from a person's choice. */
void sofra_gui_select_doc (GtkSingleSelection *selection,
                           const char         *id,
                           guint              *last_position,
                           gboolean           *syncing);

/* Filters @model with @filter when @active, else not at all: with no filter a lazy list only
 * loads the rows on screen. Call it whenever what @filter matches may have changed. */
void
sofra_gui_filter_model_refilter (GtkFilterListModel *model, GtkFilter *filter, gboolean active);

/* A debounced save: queue() (re)starts a timer of @delay_ms; when it fires, or on flush(),
 * @func runs once. flush() runs a pending save now; free() flushes first. Call flush before
 * switching records and when a page or window closes so nothing typed is lost. */
typedef void (*SofraAutosaveFunc) (gpointer user_data);
typedef struct _SofraAutosave SofraAutosave;

SofraAutosave *sofra_autosave_new (guint delay_ms, SofraAutosaveFunc func, gpointer user_data);
void           sofra_autosave_queue (SofraAutosave *self);
gboolean       sofra_autosave_is_pending (SofraAutosave *self);
void           sofra_autosave_flush (SofraAutosave *self);
/* Drops a pending save without running it (the record it was for is gone). */
void sofra_autosave_cancel (SofraAutosave *self);
void sofra_autosave_free (SofraAutosave *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SofraAutosave, sofra_autosave_free)

G_END_DECLS
