#!/usr/bin/env bash
# test-report-cli.sh — sofra-cli summary end to end on the demo data: PDFs read back (TAP)
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-report-cli.sh PATH-TO-sofra-cli OUTPUT-DIR
# The PDFs' pages are saved as PNG in OUTPUT-DIR for a person to look at.

set -u

cli=${1:?usage: test-report-cli.sh PATH-TO-sofra-cli OUTPUT-DIR}
pages=${2:?usage: test-report-cli.sh PATH-TO-sofra-cli OUTPUT-DIR}
. "$(dirname "$0")/tap.sh"
mkdir -p "$pages"

contains () { grep -qF -- "$2" "$1"; }
lacks () { ! grep -qF -- "$2" "$1"; }
has_cyrillic () { grep -qP '[\x{0400}-\x{04FF}]' "$1"; }
all_fonts_embedded ()
{
  pdffonts "$1" >"$tmp/fonts" || return 1
  # Lines after the two header lines: the "emb" column must say yes.
  [ "$(tail -n +3 "$tmp/fonts" | wc -l)" -gt 0 ] &&
    ! tail -n +3 "$tmp/fonts" | grep -qv ' yes yes yes '
}
no_temporary_files () { [ -z "$(find "$1" -maxdepth 1 -name '.*.pdf.*')" ]; }

db="$tmp/demo.db"
"$cli" --database "$db" demo-data >/dev/null
"$cli" --database "$db" export >"$tmp/all.jsonl"

# The demo session with both communities and a participant who did not consent to documents,
# chosen from the data: its id, the hidden names and their codes.
python3 - "$tmp/all.jsonl" "$tmp" <<'PY'
import json, sys
docs = [json.loads(line) for line in open(sys.argv[1])]
by_id = {d["_id"]: d for d in docs}
best = None
for s in (d for d in docs if d["type"] == "session"):
    if not {"albanian", "serbian"} <= set(s.get("communities", [])):
        continue
    people = [by_id[a["participant_id"]] for a in docs
              if a["type"] == "attendance" and a["session_id"] == s["_id"]]
    hidden = [p for p in people if p.get("name") and not (
        p.get("consent", {}).get("name_on_documents") and p.get("consent", {}).get("name_recorded")
        and not p.get("consent", {}).get("withdrawn_date"))]
    if hidden and (best is None or len(hidden) > len(best[1])):
        best = (s, hidden)
s, hidden = best
open(sys.argv[2] + "/session", "w").write(s["_id"])
open(sys.argv[2] + "/hidden-names", "w").write("".join(p["name"] + "\n" for p in hidden))
open(sys.argv[2] + "/hidden-codes", "w").write("".join(p["code"] + "\n" for p in hidden))
sessions = sorted((d for d in docs if d["type"] == "session"), key=lambda d: d["date"])
open(sys.argv[2] + "/first-date", "w").write(sessions[0]["date"])
open(sys.argv[2] + "/last-date", "w").write(sessions[-1]["date"])
open(sys.argv[2] + "/n-sessions", "w").write(str(len(sessions)))
open(sys.argv[2] + "/titles", "w").write("".join(d["title"] + "\n" for d in sessions))
PY
session=$(cat "$tmp/session")

# ---- every language ----------------------------------------------------------------------

for lang in sq sr sr@latin en; do
  pdf="$tmp/summary-$lang.pdf"
  check "summary --lang $lang writes a PDF" \
    status_is 0 "$cli" --database "$db" summary "$session" --pdf "$pdf" --lang "$lang"
  pdftotext "$pdf" "$tmp/text-$lang"
  check "$lang: every font is embedded" all_fonts_embedded "$pdf"
  check "$lang: Cyrillic record text is there" has_cyrillic "$tmp/text-$lang"
  check "$lang: Albanian record text is there" grep -q '[ëç]' "$tmp/text-$lang"
  hidden_ok=true
  while read -r name; do
    if grep -qF -- "$name" "$tmp/text-$lang"; then
      echo "# $lang: the name \"$name\" is printed without consent" >&2
      hidden_ok=false
    fi
  done <"$tmp/hidden-names"
  check "$lang: no name of a participant without consent" $hidden_ok
  codes_ok=true
  while read -r code; do
    grep -qF -- "$code" "$tmp/text-$lang" || codes_ok=false
  done <"$tmp/hidden-codes"
  check "$lang: their pseudonym codes are there" $codes_ok
  rm -f "$pages/summary-$lang"-*.png
  pdftoppm -r 70 -png "$pdf" "$pages/summary-$lang"
done

check "bilingual summary" \
  status_is 0 "$cli" --database "$db" summary "$session" --pdf "$tmp/bilingual.pdf" --bilingual \
  --lang sq
check "bilingual: every font is embedded" all_fonts_embedded "$tmp/bilingual.pdf"
rm -f "$pages/bilingual"-*.png
pdftoppm -r 70 -png "$tmp/bilingual.pdf" "$pages/bilingual"

check "US Letter" \
  status_is 0 "$cli" --database "$db" summary "$session" --pdf "$tmp/letter.pdf" --paper letter
check "US Letter: page size" sh -c "pdfinfo '$tmp/letter.pdf' | grep -q '612 x 792'"

check "Serbian record text in Cyrillic on request" \
  status_is 0 "$cli" --database "$db" summary "$session" --pdf "$tmp/cyr.pdf" --script cyrillic
pdftotext "$tmp/cyr.pdf" "$tmp/cyr.txt"
check "Cyrillic script: Serbian Latin names are transliterated" \
  sh -c "! grep -q 'Marković' '$tmp/cyr.txt' || grep -q 'Марковић' '$tmp/cyr.txt'"

# ---- a period ----------------------------------------------------------------------------

check "summary of the whole period of the demo data" \
  status_is 0 "$cli" --database "$db" summary --from "$(cat "$tmp/first-date")" \
  --to "$(cat "$tmp/last-date")" --pdf "$tmp/period.pdf" --lang sr
pdftotext "$tmp/period.pdf" "$tmp/period.txt"
check "period: every font is embedded" all_fonts_embedded "$tmp/period.pdf"
titles_ok=true
# The first two words: a long title wraps in the table and under a large font.
while read -r first second _; do
  grep -qF -- "$first $second" "$tmp/period.txt" || titles_ok=false
done < <(head -5 "$tmp/titles")
check "period: the sessions' titles are there" $titles_ok
check "period: at least a page per session" \
  test "$(pdfinfo "$tmp/period.pdf" | awk '/^Pages:/ { print $2 }')" -gt "$(cat "$tmp/n-sessions")"
rm -f "$pages/period"-*.png
pdftoppm -r 50 -l 3 -png "$tmp/period.pdf" "$pages/period"

# ---- bad input ---------------------------------------------------------------------------

check "an unknown session id: exit 1" \
  status_is 1 "$cli" --database "$db" summary session:nope --pdf "$tmp/nope.pdf"
check "an unknown session id: the message names it" contains "$tmp/err" "session:nope"
check "an unknown session id: no file" test ! -e "$tmp/nope.pdf"
check "one unknown id among good ones: exit 1, no file" \
  status_is 1 "$cli" --database "$db" summary "$session" nope --pdf "$tmp/nope.pdf"
check "... and no file" test ! -e "$tmp/nope.pdf"
check "a folder that does not exist: exit 1" \
  status_is 1 "$cli" --database "$db" summary "$session" --pdf "$tmp/no/such/dir/x.pdf"
check "a folder that does not exist: a message" contains "$tmp/err" "$tmp/no/such/dir/x.pdf"
mkdir "$tmp/locked"
chmod 500 "$tmp/locked"
if [ -w "$tmp/locked" ]; then
  check "read-only folder (skipped: running as root)" true
else
  check "a read-only folder: exit 1" \
    status_is 1 "$cli" --database "$db" summary "$session" --pdf "$tmp/locked/x.pdf"
  check "a read-only folder: nothing written" test -z "$(ls -A "$tmp/locked")"
fi
echo "old" >"$tmp/keep.pdf"
mkdir "$tmp/keep.pdf.d"
check "a folder as the output: exit 1" \
  status_is 1 "$cli" --database "$db" summary "$session" --pdf "$tmp/keep.pdf.d"
check "the previous file is replaced whole" \
  status_is 0 "$cli" --database "$db" summary "$session" --pdf "$tmp/keep.pdf"
check "... it is a PDF now" sh -c "head -c 5 '$tmp/keep.pdf' | grep -q '%PDF-'"
check "no temporary file is left behind" no_temporary_files "$tmp"
check "no --pdf: usage error" status_is 2 "$cli" --database "$db" summary "$session"
check "--from without --to: usage error" \
  status_is 2 "$cli" --database "$db" summary --from 2026-01-01 --pdf "$tmp/p.pdf"
check "ids and a period together: usage error" \
  status_is 2 "$cli" --database "$db" summary "$session" --from 2026-01-01 --to 2026-02-01 \
  --pdf "$tmp/p.pdf"
check "a malformed date: exit 1" \
  status_is 1 "$cli" --database "$db" summary --from 2026-02-30 --to 2026-03-01 --pdf "$tmp/p.pdf"
check "an unknown language: usage error" \
  status_is 2 "$cli" --database "$db" summary "$session" --lang de --pdf "$tmp/p.pdf"
check "--pdf with another command: usage error" \
  status_is 2 "$cli" --database "$db" list sessions --pdf "$tmp/p.pdf"
check "a missing database: exit 1, none made" \
  status_is 1 "$cli" --database "$tmp/none.db" summary "$session" --pdf "$tmp/p.pdf"
check "... and no database file" test ! -e "$tmp/none.db"
check "none of the failures left a PDF" test ! -e "$tmp/p.pdf"

tap_end
