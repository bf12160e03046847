/* sofra-collate.h — sort keys that put names in alphabetical order, whatever the system locale
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A key for strcmp() that orders @text as a reader of Albanian or Serbian expects, with no
 * help from the C library's locale (laptops often run C.UTF-8): case is ignored, a Latin
 * letter with a diacritic sorts beside its base letter (c, ç, č, ć before d), and Serbian
 * Cyrillic follows the azbuka (А Б В Г Д Ђ Е Ж З И Ј К Л Љ М Н Њ О П Р С Т Ћ У Ф Х Ц Ч Џ Ш),
 * after every Latin name. Equal keys mean equal text. */
char *sofra_collate_key (const char *text);

G_END_DECLS
