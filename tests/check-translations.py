#!/usr/bin/env python3
# check-translations.py — every language of po/LINGUAS is complete and keeps the originals' placeholders
#
# Copyright 2026 The Sofra developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.py SRCDIR DESKTOP-FILE METAINFO-FILE [XGETTEXT-ARGUMENT…]
#
# Extracts the strings from the sources listed in po/POTFILES.in (with the same xgettext
# arguments as `ninja sofra-pot`), merges each po/LANG.po with them in a temporary directory
# (the source tree is never written) and prints TAP: for each language, msgfmt --check passes,
# the header says UTF-8 and the language, no string is untranslated, none is fuzzy, and every
# translation keeps the placeholders of its original — printf conversions (%s, %d, %1$s…),
# strftime conversions (%-d, %B…), {name} fields, markup tags and mnemonic underscores. It also
# checks that the desktop file and the AppStream metainfo, as i18n.merge_file() built them,
# carry every language.

import collections
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

PRINTF = re.compile(
    r"%(?:(\d+)\$)?[-+ #0'I]*(?:\d+|\*)?(?:\.(?:\d+|\*))?((?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspnm%])"
)
STRFTIME = re.compile(r"%[-_0^#]*[EO]?([a-zA-Z%+])")
FIELD = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)>")


class Entry:
    def __init__(self):
        self.flags = set()
        self.context = None
        self.msgid = None
        self.plural = None
        self.msgstr = {}
        self.obsolete = False
        self.line = 0

    def key(self):
        return (self.context or "") + "\x04" + self.msgid

    def name(self):
        text = self.msgid if len(self.msgid) < 70 else self.msgid[:67] + "…"
        text = text.replace("\n", "\\n")
        return ("[%s] " % self.context if self.context else "") + repr(text)


def unquote(text):
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), text
    out = []
    i = 1
    while i < len(text) - 1:
        c = text[i]
        if c == "\\":
            i += 1
            c = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}.get(text[i], "\\" + text[i])
        out.append(c)
        i += 1
    return "".join(out)


def parse_po(path):
    entries = []
    entry = Entry()
    field = None

    def finish():
        nonlocal entry
        if entry.msgid is not None:
            entries.append(entry)
        entry = Entry()

    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("#~"):
                if entry.msgid is not None and not entry.obsolete:
                    finish()
                if entry.msgid is None:
                    entry.obsolete = True
                line = line[2:].lstrip()
                if not line:
                    continue
            elif line.startswith("#"):
                if entry.msgid is not None and field is not None and field != "comment":
                    finish()
                if line.startswith("#,"):
                    entry.flags.update(flag.strip() for flag in line[2:].split(","))
                field = "comment"
                continue
            if not line.strip():
                finish()
                field = None
                continue
            keyword, _, rest = line.partition(" ")
            if line.startswith('"'):
                value = unquote(line)
                if field == "msgctxt":
                    entry.context += value
                elif field == "msgid":
                    entry.msgid += value
                elif field == "msgid_plural":
                    entry.plural += value
                elif field is not None and field.startswith("msgstr"):
                    entry.msgstr[field] += value
                continue
            if keyword == "msgctxt":
                if entry.msgid is not None:
                    finish()
                entry.context = unquote(rest)
                entry.line = number
                field = "msgctxt"
            elif keyword == "msgid":
                if entry.msgid is not None:
                    finish()
                entry.msgid = unquote(rest)
                entry.line = entry.line or number
                field = "msgid"
            elif keyword == "msgid_plural":
                entry.plural = unquote(rest)
                field = "msgid_plural"
            elif keyword.startswith("msgstr"):
                index = 0
                if "[" in keyword:
                    index = int(keyword[keyword.index("[") + 1 : keyword.index("]")])
                field = "msgstr%d" % index
                entry.msgstr[field] = unquote(rest)
    finish()
    return entries


def header_fields(entries):
    for entry in entries:
        if entry.msgid == "" and entry.context is None:
            fields = {}
            for line in entry.msgstr.get("msgstr0", "").split("\n"):
                name, _, value = line.partition(":")
                if name:
                    fields[name.strip()] = value.strip()
            return fields
    return {}


def printf_conversions(text):
    found = {}
    position = 0
    for match in PRINTF.finditer(text):
        if match.group(2) == "%":
            continue
        position += 1
        where = int(match.group(1)) if match.group(1) else position
        conversion = match.group(2).replace("i", "d")
        found.setdefault(where, []).append(conversion)
    return found


def placeholders(entry, text):
    """What a translation of @entry must keep from @text: a comparable summary."""
    if "c-format" in entry.flags:
        conversions = printf_conversions(text)
    else:
        conversions = sorted(m.group(1) for m in STRFTIME.finditer(text) if m.group(1) != "%")
    fields = sorted(FIELD.findall(text))
    tags = sorted((m.group(1), m.group(2).lower(), m.group(3)) for m in TAG.finditer(text))
    mnemonics = sum(1 for i, c in enumerate(text[:-1]) if c == "_" and text[i + 1].isalpha())
    return {"conversions": conversions, "fields": fields, "tags": tags, "mnemonics": mnemonics}


def compare(entry):
    problems = []
    originals = [("msgstr0", entry.msgid)]
    if entry.plural is not None:
        originals = [(k, entry.plural) for k in sorted(entry.msgstr)]
        # The first form may be the singular: it must match the singular or the plural.
    for key, original in originals:
        translated = entry.msgstr.get(key, "")
        if not translated:
            continue
        want = placeholders(entry, original)
        got = placeholders(entry, translated)
        if entry.plural is not None and got != want:
            want_singular = placeholders(entry, entry.msgid)
            if got == want_singular:
                continue
        for what in ("conversions", "fields", "tags", "mnemonics"):
            if got[what] != want[what]:
                problems.append(
                    "%s %s: %s %r, the original has %r" % (entry.name(), key, what, got[what], want[what])
                )
    return problems


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
METAINFO_TRANSLATED = {"name", "summary", "p", "li", "caption", "developer_name"}


def desktop_missing(path, language):
    keys, translated = [], set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            key = line.partition("=")[0].strip()
            if key in ("Name", "GenericName", "Comment", "Keywords"):
                keys.append(key)
            elif key.endswith("[%s]" % language):
                translated.add(key[: -len(language) - 2])
    return ["%s[%s] is missing" % (key, language) for key in keys if key not in translated]


def metainfo_missing(path, language):
    missing = []
    for parent in ElementTree.parse(path).iter():
        children = list(parent)
        for i, child in enumerate(children):
            if child.tag not in METAINFO_TRANSLATED or child.get(XML_LANG) or child.get("translate") == "no":
                continue
            languages = set()
            for sibling in children[i + 1 :]:
                if sibling.tag != child.tag or not sibling.get(XML_LANG):
                    break
                languages.add(sibling.get(XML_LANG))
            if language not in languages:
                missing.append("<%s> %r has no xml:lang=%r" % (child.tag, (child.text or "").strip()[:50], language))
    return missing


class Tap:
    def __init__(self):
        self.number = 0
        self.failed = 0

    def result(self, ok, name, details=()):
        self.number += 1
        if not ok:
            self.failed += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.number, name))
        for line in list(details)[:40]:
            print("# " + line)
        if len(details) > 40:
            print("# … and %d more" % (len(details) - 40))
        sys.stdout.flush()


def main():
    srcdir, desktop, metainfo = sys.argv[1:4]
    xgettext_args = sys.argv[4:]
    podir = os.path.join(srcdir, "po")
    with open(os.path.join(podir, "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f for w in line.split("#")[0].split()]

    tap = Tap()
    print("1..%d" % (1 + 8 * len(languages)))
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "sofra.pot")
        run = subprocess.run(
            ["xgettext", "--files-from=" + os.path.join(podir, "POTFILES.in"), "--directory=" + srcdir,
             "--output=" + pot, "--package-name=sofra"] + xgettext_args,
            capture_output=True, text=True)
        extracted = parse_po(pot) if run.returncode == 0 and os.path.exists(pot) else []
        tap.result(run.returncode == 0 and len(extracted) > 1,
                   "xgettext extracts %d strings from po/POTFILES.in" % max(0, len(extracted) - 1),
                   run.stderr.splitlines())

        for language in languages:
            po = os.path.join(podir, language + ".po")
            check = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                                   capture_output=True, text=True)
            tap.result(check.returncode == 0, "%s: msgfmt --check (%s)" % (language, check.stderr.strip()),
                       check.stderr.splitlines() if check.returncode else ())

            header = header_fields(parse_po(po)) if os.path.exists(po) else {}
            wrong = []
            if "charset=UTF-8" not in header.get("Content-Type", ""):
                wrong.append("Content-Type is %r, not charset=UTF-8" % header.get("Content-Type"))
            if header.get("Language") != language:
                wrong.append("Language is %r, not %r" % (header.get("Language"), language))
            if "nplurals=" not in header.get("Plural-Forms", "") or "INTEGER" in header.get("Plural-Forms", ""):
                wrong.append("Plural-Forms is %r" % header.get("Plural-Forms"))
            tap.result(not wrong, "%s: header declares UTF-8, the language and its plural forms" % language, wrong)

            merged = os.path.join(tmp, language + ".po")
            merge = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--no-wrap", "-o", merged, po, pot],
                                   capture_output=True, text=True)
            entries = [e for e in parse_po(merged) if not e.obsolete and e.msgid != ""] if merge.returncode == 0 else []
            tap.result(merge.returncode == 0 and len(entries) == len(extracted) - 1,
                       "%s: merges with the strings of the sources" % language, merge.stderr.splitlines())

            untranslated = [e.name() for e in entries if not all(e.msgstr.values()) or not e.msgstr]
            tap.result(not untranslated and bool(entries),
                       "%s: every string is translated (%d untranslated of %d)" % (language, len(untranslated), len(entries)),
                       untranslated)

            fuzzy = [e.name() for e in entries if "fuzzy" in e.flags]
            tap.result(not fuzzy, "%s: no fuzzy translations (%d)" % (language, len(fuzzy)), fuzzy)

            problems = [p for e in entries for p in compare(e)]
            tap.result(not problems and bool(entries),
                       "%s: translations keep the placeholders, tags and mnemonics of the originals" % language,
                       problems)

            missing = desktop_missing(desktop, language)
            tap.result(not missing, "%s: the desktop file is translated" % language, missing)
            missing = metainfo_missing(metainfo, language)
            tap.result(not missing, "%s: the AppStream metainfo is translated" % language, missing)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
