#!/usr/bin/env bash
# test-cli-search.sh — `sofra-cli search` end to end: scripts, filters, grouping, errors (TAP)
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-search.sh PATH-TO-sofra-cli

set -u

cli=${1:?usage: test-cli-search.sh PATH-TO-sofra-cli}
. "$(dirname "$0")/tap.sh"

# found TEXT: the last command's output holds TEXT.
found ()
{
  grep -qF -- "$1" "$tmp/out" || { sed 's/^/# out: /' "$tmp/out" >&2; return 1; }
}

not_found ()
{
  ! grep -qF -- "$1" "$tmp/out" || { sed 's/^/# out: /' "$tmp/out" >&2; return 1; }
}

db="$tmp/s.db"
s1=session:0190a0a0-0000-7000-8000-00000000a001
s2=session:0190a0a0-0000-7000-8000-00000000a002
p1=participant:0190a0a0-0000-7000-8000-00000000b001
f1=followup:0190a0a0-0000-7000-8000-00000000c001

"$cli" -d "$db" demo-data >/dev/null || { echo "Bail out! demo-data failed"; exit 1; }
cat >"$tmp/extra.jsonl" <<EOF
{"_id":"$s1","_rev":"1-00000000000000000000000000000a01","type":"session","title":"Çështje të pronës në Zveçan","kind":"roundtable","status":"held","date":"2026-03-02","place_id":"place:zvecan","topics":["property"],"communities":["albanian","serbian"],"summary":"Qytetarët nga Zveçani dhe Zubin Potoku folën për regjistrat kadastralë."}
{"_id":"$s2","_rev":"1-00000000000000000000000000000a02","type":"session","title":"Радионица о имовини","kind":"workshop","status":"held","date":"2024-05-06","place_id":"place:zvecan","topics":["property"],"communities":["serbian"]}
{"_id":"$p1","_rev":"1-00000000000000000000000000000b01","type":"participant","name":"Ђорђе Ђорђевић-Xhaka","code":"P-ZZ9Q","community":"serbian","municipality":"place:zvecan","organisation":"Kancelarija Zvečan"}
{"_id":"$f1","_rev":"1-00000000000000000000000000000c01","type":"followup","what":"Dërgo procesverbalin e Zveçanit","status":"done","due_date":"2026-03-20","session_id":"$s1"}
EOF
check "the records to search are imported" status_is 0 "$cli" -d "$db" import "$tmp/extra.jsonl"

# ---- scripts and spellings ---------------------------------------------------------------------

for q in "Çështje" "ceshtje" "CESHT"; do
  check "search $q finds the Albanian title" eval 'status_is 0 "$cli" -d "$db" search "$q" && found "$s1"'
done
for q in "Đorđević" "Djordjevic" "Ђорђевић" "djordj"; do
  check "search $q finds the participant written in Cyrillic" \
    eval 'status_is 0 "$cli" -d "$db" search "$q" --kind participants && found "$p1"'
done
check "the matched words are marked in the original script" \
  eval 'status_is 0 "$cli" -d "$db" search djordjevic xhaka --kind participants &&
        found "Ђорђе [Ђорђевић]-[Xhaka]"'
check "several words must all match" \
  eval 'status_is 0 "$cli" -d "$db" search "imovin zvecan" && found "$s2" && not_found "$s1"'
check "results are grouped under a heading per kind" \
  eval 'status_is 0 "$cli" -d "$db" search zvecan && found "Sessions (" && found "Participants (" &&
        found "Follow-ups ("'

# ---- filters -------------------------------------------------------------------------------------

check "--from and --to bound the sessions' dates" \
  eval 'status_is 0 "$cli" -d "$db" search zvecan --kind sessions --from 2026-01-01 --to 2026-12-31 &&
        found "$s1" && not_found "$s2"'
check "--session-kind" \
  eval 'status_is 0 "$cli" -d "$db" search zvecan --session-kind workshop && found "$s2" &&
        not_found "$s1" && not_found "$p1"'
check "--community applies to sessions and participants" \
  eval 'status_is 0 "$cli" -d "$db" search zvecan --community albanian && found "$s1" &&
        not_found "$s2" && not_found "$f1"'
check "--municipality takes a name in any script" \
  eval 'status_is 0 "$cli" -d "$db" search property --municipality "Звечан" && found "$s1" &&
        found "$s2"'
check "--topic" \
  eval 'status_is 0 "$cli" -d "$db" search zvecan --topic property --kind sessions,followups &&
        found "$s1" && not_found "$f1"'
check "--status finds follow-ups only" \
  eval 'status_is 0 "$cli" -d "$db" search zvecan --status done && found "$f1" && not_found "$s1"'
check "--limit cuts each group and says so" \
  eval 'status_is 0 "$cli" -d "$db" search a --limit 1 && found "Sessions (1) —"'

# ---- bad input and errors ----------------------------------------------------------------------

for q in '"' '*' 'NEAR(' '-' ':' '^' '(' 'AND OR NOT' "$(printf '\377\376')"; do
  check "search ${q@Q} is not an error" status_is 0 "$cli" -d "$db" search "$q"
done
check "a long query is not an error" status_is 0 "$cli" -d "$db" search "$(head -c 10000 /dev/zero | tr '\0' 'x')"
check "nothing found says so" \
  eval 'status_is 0 "$cli" -d "$db" search qqqqqq && found "Nothing found."'
check "search without a query is a usage error" status_is 2 "$cli" -d "$db" search
check "an unknown kind is a usage error" status_is 2 "$cli" -d "$db" search x --kind people
check "an unknown topic is a usage error" status_is 2 "$cli" -d "$db" search x --topic weather
check "an unknown municipality is a usage error" status_is 2 "$cli" -d "$db" search x --municipality Atlantis
check "a malformed date is a usage error" status_is 2 "$cli" -d "$db" search x --from 2.3.2026
check "a limit out of range is a usage error" status_is 2 "$cli" -d "$db" search x --limit 5000
check "search options do not go with other commands" status_is 2 "$cli" -d "$db" list sessions --topic security
check "a missing database is an error" status_is 1 "$cli" -d "$tmp/none.db" search x
check "a missing database is not created" test ! -e "$tmp/none.db"
check "the help lists search" eval '"$cli" --help-all | grep -q "search QUERY"'

tap_end
