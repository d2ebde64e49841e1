#!/usr/bin/env python3
"""Validate quantities.jsonl and print its counts (Python 3 standard library only).

Usage: python3 check.py [path/to/quantities.jsonl]
Exit status 0 when the file is valid, 1 otherwise.

Checks, per sentence: the id is `<source>/<doc>#<n>` with source one of meantime, gum, re3d and
equal to the `source` field; ids are unique; `text` is a non-empty string.
Per quantity: 0 <= start < end <= len(text) in Unicode scalar values; `text` equals text[start:end];
the span has no leading/trailing whitespace; spans are sorted and do not overlap; `qualifier` is one of
the six allowed values; `value` is a number; `low`/`high` are numbers or null; low <= value <= high
where set; the bounds agree with the qualifier (exact: both set; more_than/at_least: low = value,
high null; less_than/up_to: high = value, low null; approximately: both null, or both set for a
vague count or an approximate range); `unit` and `counted` are non-empty strings or null; `change`
is a boolean.
"""
import collections
import json
import os
import re
import sys

SOURCES = {"meantime", "gum", "re3d"}
QUALIFIERS = {"exact", "approximately", "more_than", "at_least", "less_than", "up_to"}
VAGUE_RE = re.compile(r"(dozens|scores|hundreds|thousands|millions|billions|tens)\b", re.I)
KEYS = ["start", "end", "text", "value", "low", "high", "qualifier", "unit", "counted", "change"]


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check(path):
    errors = []
    warnings = []
    by_source = collections.Counter()
    sent_by_source = collections.Counter()
    empty_by_source = collections.Counter()
    by_qual = collections.Counter()
    by_unit = collections.Counter()
    by_change = collections.Counter()
    ranges = vague = 0
    counted_filled = 0
    ids = set()
    n_sent = n_q = 0

    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = "line %d" % lineno
            try:
                rec = json.loads(line)
            except ValueError as e:
                errors.append("%s: not JSON (%s)" % (where, e))
                continue
            n_sent += 1
            for k in ("id", "source", "text", "quantities"):
                if k not in rec:
                    errors.append("%s: missing %r" % (where, k))
            if any(k not in rec for k in ("id", "source", "text", "quantities")):
                continue
            sid, src, text, qs = rec["id"], rec["source"], rec["text"], rec["quantities"]
            where = "line %d (%s)" % (lineno, sid)
            m = re.fullmatch(r"([a-z0-9]+)/([^#\s]+)#(\d+)", sid)
            if not m:
                errors.append("%s: id does not look like <source>/<doc>#<n>" % where)
            elif m.group(1) != src:
                errors.append("%s: id prefix %r != source %r" % (where, m.group(1), src))
            if src not in SOURCES:
                errors.append("%s: unknown source %r" % (where, src))
            if sid in ids:
                errors.append("%s: duplicate id" % where)
            ids.add(sid)
            if not isinstance(text, str) or not text.strip():
                errors.append("%s: empty text" % where)
                continue
            if not isinstance(qs, list):
                errors.append("%s: quantities is not a list" % where)
                continue
            sent_by_source[src] += 1
            if not qs:
                empty_by_source[src] += 1
            prev_end = -1
            for i, q in enumerate(qs):
                qw = "%s quantity %d" % (where, i)
                missing = [k for k in KEYS if k not in q]
                if missing:
                    errors.append("%s: missing %s" % (qw, missing))
                    continue
                extra = [k for k in q if k not in KEYS]
                if extra:
                    warnings.append("%s: extra keys %s" % (qw, extra))
                n_q += 1
                s, e = q["start"], q["end"]
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                    errors.append("%s: offsets %r..%r out of range (len %d)" % (qw, s, e, len(text)))
                    continue
                if text[s:e] != q["text"]:
                    errors.append("%s: text %r != slice %r" % (qw, q["text"], text[s:e]))
                if q["text"] != q["text"].strip():
                    errors.append("%s: span has outer whitespace %r" % (qw, q["text"]))
                if s < prev_end:
                    errors.append("%s: span overlaps or is out of order" % qw)
                prev_end = e
                qual = q["qualifier"]
                if qual not in QUALIFIERS:
                    errors.append("%s: qualifier %r not allowed" % (qw, qual))
                v, lo, hi = q["value"], q["low"], q["high"]
                if not is_num(v):
                    errors.append("%s: value %r is not a number" % (qw, v))
                    continue
                for name, b in (("low", lo), ("high", hi)):
                    if b is not None and not is_num(b):
                        errors.append("%s: %s %r is not a number or null" % (qw, name, b))
                if (lo is not None and is_num(lo) and lo > v) or (hi is not None and is_num(hi) and v > hi):
                    errors.append("%s: not low <= value <= high (%r, %r, %r)" % (qw, lo, v, hi))
                if qual == "exact" and (lo is None or hi is None):
                    errors.append("%s: exact needs low and high" % qw)
                if qual in ("more_than", "at_least") and (lo != v or hi is not None):
                    errors.append("%s: %s needs low = value, high = null" % (qw, qual))
                if qual in ("less_than", "up_to") and (hi != v or lo is not None):
                    errors.append("%s: %s needs high = value, low = null" % (qw, qual))
                if qual == "approximately" and (lo is None) != (hi is None):
                    errors.append("%s: approximately needs both bounds null or both set" % qw)
                for name in ("unit", "counted"):
                    x = q[name]
                    if x is not None and (not isinstance(x, str) or not x.strip()):
                        errors.append("%s: %s must be a non-empty string or null" % (qw, name))
                if not isinstance(q["change"], bool):
                    errors.append("%s: change must be true/false" % qw)
                if lo is not None and hi is not None and lo != hi:
                    if qual == "approximately" and VAGUE_RE.match(q["text"]):
                        vague += 1
                    else:
                        ranges += 1
                if q["counted"]:
                    counted_filled += 1
                by_source[src] += 1
                by_qual[qual] += 1
                by_unit[q["unit"] or "(none)"] += 1
                by_change["change" if q["change"] else "level"] += 1

    print("file: %s" % path)
    print("sentences: %d (with quantities: %d, without: %d)" % (
        n_sent, n_sent - sum(empty_by_source.values()), sum(empty_by_source.values())))
    print("quantities: %d (ranges %d, vague counts %d, counted filled %d)" % (n_q, ranges, vague, counted_filled))
    print()
    print("%-10s %9s %9s %10s" % ("source", "sentences", "no-quant", "quantities"))
    for src in sorted(sent_by_source):
        print("%-10s %9d %9d %10d" % (src, sent_by_source[src], empty_by_source[src], by_source[src]))
    for title, counter in (("qualifier", by_qual), ("unit", by_unit), ("change", by_change)):
        print()
        print("by %s:" % title)
        for k, n in counter.most_common():
            print("  %-20s %5d" % (k, n))
    if warnings:
        print()
        for w in warnings:
            print("warning: " + w)
    print()
    if errors:
        for e in errors:
            print("ERROR: " + e)
        print("FAILED: %d errors" % len(errors))
        return 1
    print("OK: no errors")
    return 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.exit(check(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "quantities.jsonl")))
