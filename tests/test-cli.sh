#!/usr/bin/env bash
# test-cli.sh — sofra-cli end to end: sample data, lists, export/import round trip, errors (TAP)
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.sh PATH-TO-sofra-cli

set -u

cli=${1:?usage: test-cli.sh PATH-TO-sofra-cli}
. "$(dirname "$0")/tap.sh"

count_type ()
{
  grep -c "\"type\":\"$2\"" "$1"
}

# reported LABEL: the number demo-data printed on its LABEL line.
reported ()
{
  awk -v label="$1" '$1 == label { print $2 }' "$tmp/demo.txt"
}

every_line_has_fields ()
{
  awk -F '\t' -v n="$2" 'NF != n || $0 ~ /\t\t/ { bad = 1 } END { exit bad }' "$1"
}

a="$tmp/a.db"
b="$tmp/b.db"

# ---- demo-data and lists ---------------------------------------------------------------------

check "demo-data on a new database succeeds" status_is 0 "$cli" --database "$a" demo-data
cp "$tmp/out" "$tmp/demo.txt"
"$cli" -d "$a" export >"$tmp/a1.jsonl"
check "demo-data made 40 sessions" test "$(count_type "$tmp/a1.jsonl" session)" -eq 40
check "demo-data made 150 participants" test "$(count_type "$tmp/a1.jsonl" participant)" -eq 150
check "demo-data made 5 offices" test "$(count_type "$tmp/a1.jsonl" office)" -eq 5
check "demo-data seeded the places" test "$(count_type "$tmp/a1.jsonl" place)" -ge 38
check "demo-data reports what it wrote" \
  test "$(reported Attendance)" = "$(count_type "$tmp/a1.jsonl" attendance)" \
  -a "$(reported Notes)" = "$(count_type "$tmp/a1.jsonl" note)" \
  -a "$(reported Follow-ups)" = "$(count_type "$tmp/a1.jsonl" followup)"
# attendance_range FILE: "min max" of the people per session with any attendance.
attendance_range ()
{
  grep '"type":"attendance"' "$1" | grep -o '"session_id":"[^"]*"' | sort | uniq -c |
    awk 'NR == 1 || $1 < min { min = $1 } $1 > max { max = $1 } END { print min, max }'
}
check "5 to 25 people came to each held session" \
  eval '[ "$(attendance_range "$tmp/a1.jsonl")" != "" ] &&
        read -r low high <<<"$(attendance_range "$tmp/a1.jsonl")" &&
        [ "$low" -ge 5 ] && [ "$high" -le 25 ]'
check "every held session has attendance" \
  test "$(grep '"type":"attendance"' "$tmp/a1.jsonl" | grep -o '"session_id":"[^"]*"' |
          sort -u | wc -l)" -eq "$(grep -c '"status":"held"' "$tmp/a1.jsonl")"
check "some notes are private" grep -q '"visibility":"private"' "$tmp/a1.jsonl"
check "some names are withheld from documents" grep -q '"name_on_documents":false' "$tmp/a1.jsonl"
check "names are written in Serbian Cyrillic too" \
  env LC_ALL=C grep -q $'"name":"[\xd0\xd1]' "$tmp/a1.jsonl"

check "list sessions succeeds" status_is 0 "$cli" -d "$a" list sessions
check "list sessions prints 40 lines" test "$(wc -l <"$tmp/out")" -eq 40
check "each session line has date, title, place, status and id" every_line_has_fields "$tmp/out" 5
check "a listed session id is one summary accepts" \
  eval '"$cli" -d "$a" summary "$(head -n 1 "$tmp/out" | cut -f 5)" --pdf "$tmp/listed.pdf" >/dev/null &&
        test -s "$tmp/listed.pdf"'
check "list participants prints 150 lines" \
  test "$("$cli" -d "$a" list participants | wc -l)" -eq 150
check "list followups prints every follow-up" \
  test "$("$cli" -d "$a" list followups | wc -l)" -eq "$(count_type "$tmp/a1.jsonl" followup)"

printf '%s\n' '{"_id":"followup:no-date","_rev":"1-0123456789abcdef0123456789abcdef","type":"followup","what":"Call\tback","status":"open"}' |
  "$cli" -d "$tmp/f.db" import - >/dev/null
check "a follow-up without a due date keeps its columns" \
  test "$("$cli" -d "$tmp/f.db" list followups)" = "$(printf '\tOpen\t\tCall back\t\tfollowup:no-date')"

check "demo-data refuses a database with sessions" status_is 1 "$cli" -d "$a" demo-data
"$cli" -d "$a" export >"$tmp/a2.jsonl"
check "a refused demo-data changed nothing" cmp -s "$tmp/a1.jsonl" "$tmp/a2.jsonl"

check "check passes on the sample data" status_is 0 "$cli" -d "$a" check

# ---- export and import -----------------------------------------------------------------------

check "import into a new database succeeds" status_is 0 "$cli" -d "$b" import "$tmp/a1.jsonl"
check "export after import succeeds" status_is 0 "$cli" -d "$b" export --output "$tmp/b1.jsonl"
check "export → import → export is byte-identical" cmp "$tmp/a1.jsonl" "$tmp/b1.jsonl"
check "check passes on the imported database" status_is 0 "$cli" -d "$b" check
check "export --without-private leaves out the private notes" \
  test "$("$cli" -d "$a" export --without-private | grep -c '"visibility":"private"')" -eq 0

# A database with the first 300 documents, then a file of the next 200 with one bad line.
t="$tmp/t.db"
head -n 300 "$tmp/a1.jsonl" | "$cli" -d "$t" import - >/dev/null
"$cli" -d "$t" export >"$tmp/t1.jsonl"
sed -n '301,500p' "$tmp/a1.jsonl" | sed '57s/.*/{"_id": "session:broken", "type": /' >"$tmp/bad.jsonl"
check "importing a file with one bad line fails" status_is 1 "$cli" -d "$t" import "$tmp/bad.jsonl"
check "the error names the line" grep -q 'line 57' "$tmp/err"
"$cli" -d "$t" export >"$tmp/t2.jsonl"
check "a failed import leaves the database unchanged" cmp "$tmp/t1.jsonl" "$tmp/t2.jsonl"
check "a failed import into a new database leaves no file behind" \
  eval 'status_is 1 "$cli" -d "$tmp/new.db" import "$tmp/bad.jsonl" && test ! -e "$tmp/new.db"'
sed -n '301,500p' "$tmp/a1.jsonl" | "$cli" -d "$t" import - >/dev/null
check "the same lines without the bad one import" \
  test "$("$cli" -d "$t" export | wc -l)" -eq 500

# ---- usage and errors ------------------------------------------------------------------------

check "--version names the program" \
  eval 'status_is 0 "$cli" --version && grep -q "^sofra-cli [0-9]" "$tmp/out"'
check "no command is a usage error" status_is 2 "$cli" -d "$a"
check "unknown commands and options are usage errors" \
  eval 'status_is 2 "$cli" -d "$a" frobnicate && status_is 2 "$cli" -d "$a" list nothing &&
        status_is 2 "$cli" --no-such-option list sessions &&
        status_is 2 "$cli" -d "$a" --force list sessions && status_is 2 "$cli" -d "$a" check extra'

printf 'These are the minutes of the meeting, not a database.\n' >"$tmp/notes.txt"
cp "$tmp/notes.txt" "$tmp/notes.copy"
check "a file that is not a database is refused" \
  eval 'status_is 1 "$cli" -d "$tmp/notes.txt" list sessions &&
        status_is 1 "$cli" -d "$tmp/notes.txt" demo-data &&
        status_is 1 "$cli" -d "$tmp/notes.txt" import "$tmp/a1.jsonl" &&
        grep -q "^sofra-cli: " "$tmp/err"'
check "a file that is not a database is left byte for byte" cmp "$tmp/notes.txt" "$tmp/notes.copy"

check "reading a database that does not exist fails without creating it" \
  eval 'status_is 1 "$cli" -d "$tmp/missing.db" list sessions && test ! -e "$tmp/missing.db"'

check "without --database the default database is used" \
  eval 'status_is 0 "$cli" demo-data && test -f "$XDG_DATA_HOME/sofra/sofra.db" &&
        test "$("$cli" list sessions | wc -l)" -eq 40'

tap_end
