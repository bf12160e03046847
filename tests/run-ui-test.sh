#!/bin/sh
# run-ui-test.sh — runs a GUI test program on its own X server and D-Bus session
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-ui-test.sh PROGRAM [ARGS…]
# Exit status: the program's, or 77 (skip) when xvfb-run or dbus-run-session is missing.

set -u

for tool in xvfb-run dbus-run-session; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 77
  fi
done

exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$@"
