#!/bin/sh
# test-po-latin.sh — sofra-po-latin on a sample, and po/sr@latin.po in step with po/sr.po (TAP)
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-po-latin.sh SOFRA-PO-LATIN SOURCE-ROOT
set -u

tool=$1
srcdir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
check () { if [ "$1" = 0 ]; then ok "$2"; else not_ok "$2"; fi; }

echo "1..6"

cat > "$tmp/in.po" <<'PO'
# Serbian translation.
msgid ""
msgstr ""
"Project-Id-Version: sofra 0.1.0\n"
"Language: sr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=4; plural=n==1? 3 : n%10==1 && n%100!=11 ? 0 : "
"n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;\n"

#. Translators: a place in Kosovo
#: src/gui/x.c:1
#, c-format
msgctxt "place"
msgid "Saved %s in %1$s {name}"
msgstr "Сачувано %s у %1$s {name} — ЉУБЉАНА, Љубљана"

msgid "_Save"
msgstr "_Сачувај"

msgid "<b>Bold</b> &amp; \"quoted\""
msgstr "<b>Подебљано</b> &amp; \"наводник\" Џ"

msgid "%u document"
msgid_plural "%u documents"
msgstr[0] "%u документ"
msgstr[1] "%u документа"
msgstr[2] "%u докумената"
msgstr[3] "%u документ"

msgid "Long"
msgstr ""
"Први ред ЊЕГОШ\n"
"други ред\tЏ"

#~ msgid "Old"
#~ msgstr "Стари"
PO

cat > "$tmp/expected.po" <<'PO'
# Generated from sr.po by po/update-sr-latin.sh (sofra-po-latin): do not edit, edit sr.po.
# Serbian translation.
msgid ""
msgstr ""
"Project-Id-Version: sofra 0.1.0\n"
"Language: sr@latin\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=4; plural=n==1? 3 : n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;\n"

#. Translators: a place in Kosovo
#: src/gui/x.c:1
#, c-format
msgctxt "place"
msgid "Saved %s in %1$s {name}"
msgstr "Sačuvano %s u %1$s {name} — LJUBLJANA, Ljubljana"

msgid "_Save"
msgstr "_Sačuvaj"

msgid "<b>Bold</b> &amp; \"quoted\""
msgstr "<b>Podebljano</b> &amp; \"navodnik\" Dž"

msgid "%u document"
msgid_plural "%u documents"
msgstr[0] "%u dokument"
msgstr[1] "%u dokumenta"
msgstr[2] "%u dokumenata"
msgstr[3] "%u dokument"

msgid "Long"
msgstr ""
"Prvi red NJEGOŠ\n"
"drugi red\tDž"

#~ msgid "Old"
#~ msgstr "Stari"
PO

"$tool" "$tmp/in.po" "$tmp/out.po"
check $? "the tool converts a sample"
diff -u "$tmp/expected.po" "$tmp/out.po" >&2
check $? "msgstrs in Latin; msgids, placeholders, markup, mnemonics, comments kept; Language set"

"$tool" "$tmp/missing.po" "$tmp/none.po" 2>/dev/null
if [ $? = 1 ] && [ ! -e "$tmp/none.po" ]; then ok "a missing input fails and writes nothing"
else not_ok "a missing input fails and writes nothing"; fi

if [ ! -f "$srcdir/po/sr.po" ]; then
  for what in "po/sr@latin.po is po/sr.po transliterated" "msgfmt --check" "msgids unchanged"; do
    n=$((n + 1)); echo "ok $n - $what # SKIP po/sr.po does not exist yet"
  done
  exit 0
fi

"$tool" "$srcdir/po/sr.po" "$tmp/sr@latin.po"
if [ -f "$srcdir/po/sr@latin.po" ] && cmp -s "$tmp/sr@latin.po" "$srcdir/po/sr@latin.po"; then
  ok "po/sr@latin.po is po/sr.po transliterated"
else
  echo "# po/sr@latin.po is missing or out of date: run po/update-sr-latin.sh BUILDDIR" >&2
  diff -u "$srcdir/po/sr@latin.po" "$tmp/sr@latin.po" 2>&1 | head -40 >&2
  not_ok "po/sr@latin.po is po/sr.po transliterated"
fi

msgfmt --check -o /dev/null "$tmp/sr@latin.po"
check $? "msgfmt --check"

grep -E '^(#~ )?(msgid|msgctxt)' "$srcdir/po/sr.po" > "$tmp/ids-cyr"
grep -E '^(#~ )?(msgid|msgctxt)' "$tmp/sr@latin.po" > "$tmp/ids-lat"
cmp -s "$tmp/ids-cyr" "$tmp/ids-lat"
check $? "msgids unchanged"
