# tap.sh — what the shell tests share: a private HOME, TAP checks, exit-status checks
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced, not run: `. "$(dirname "$0")/tap.sh"`. Makes $tmp (removed on exit, read-only
# folders included) with HOME and the XDG folders inside it, so a test never touches the real
# user's database. A test then calls `check` for each assertion and `tap_end` last.

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
mkdir -p "$HOME"

n=0
failures=0

# check DESCRIPTION COMMAND...: one TAP test that passes when COMMAND succeeds.
check ()
{
  local description=$1
  shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    failures=$((failures + 1))
  fi
}

# status_is EXPECTED COMMAND...: COMMAND exits with EXPECTED; its output goes to $tmp/out, err.
status_is ()
{
  local expected=$1 status
  shift
  "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  if [ "$status" -ne "$expected" ]; then
    echo "# expected exit status $expected, got $status: $*" >&2
    sed 's/^/# /' "$tmp/err" >&2
    return 1
  fi
}

# tap_end: the plan comes last, so it always matches the checks made; fails when one failed.
tap_end ()
{
  echo "1..$n"
  [ "$failures" -eq 0 ]
}
