#!/bin/sh
# update-sr-latin.sh — regenerates po/sr@latin.po from po/sr.po with Sofra's transliteration
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: po/update-sr-latin.sh [BUILDDIR]    (BUILDDIR defaults to ./build)
# Run it after every change to po/sr.po and commit both files; never edit sr@latin.po by hand.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
builddir=${1:-$here/../build}

ninja -C "$builddir" po/sofra-po-latin >/dev/null
"$builddir/po/sofra-po-latin" "$here/sr.po" "$here/sr@latin.po"
msgfmt --check -o /dev/null "$here/sr@latin.po"
echo "wrote $here/sr@latin.po"
