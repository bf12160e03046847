#!/bin/sh
# npm-ci.sh — installs the sync tests' npm packages (PouchDB Server, PouchDB) into the build
# directory from the committed package-lock.json, once per change of the lock file.
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: npm-ci.sh SOURCE_DIR TARGET_DIR STAMP
set -eu
src=$1
dir=$2
stamp=$3

mkdir -p "$dir"
if [ -d "$dir/node_modules" ] && cmp -s "$src/package-lock.json" "$dir/package-lock.json"; then
  touch "$stamp"
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dir/"
# --ignore-scripts: leveldown's native build is not needed (the server runs in memory).
(cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
touch "$stamp"
