#!/bin/sh
# check-format.sh — fails when a git-tracked C file under src/ or tests/ differs from .clang-format
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-format.sh [SOURCE_ROOT]   (default: $MESON_SOURCE_ROOT, then the current directory)
# Exit status: 0 when formatted, 1 when not, 77 (skip) outside a git checkout.
# Fix with: clang-format -i $(git ls-files '*.c' '*.h')

set -u

srcdir=${1:-${MESON_SOURCE_ROOT:-.}}
clang_format=${CLANG_FORMAT:-clang-format}

if ! git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "not a git checkout, nothing to check: $srcdir"
  exit 77
fi

files=$(git -C "$srcdir" ls-files -- 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h')

status=0
checked=0
for f in $files; do
  # Tracked but deleted in the work tree: nothing to check.
  [ -f "$srcdir/$f" ] || continue
  checked=$((checked + 1))
  if ! (cd "$srcdir" && "$clang_format" --dry-run --Werror "$f"); then
    echo "not formatted: $f"
    status=1
  fi
done

echo "checked $checked files"
if [ "$status" -ne 0 ]; then
  echo "run: clang-format -i \$(git ls-files '*.c' '*.h')"
fi
exit "$status"
