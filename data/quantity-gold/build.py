#!/usr/bin/env python3
"""Build quantities.jsonl (and documents.tsv) from annotations.txt (Python 3 standard library only).

annotations.txt is the hand-written source of the gold set. Each sentence block starts with

    = <id>                      e.g.  = meantime/11714#3   (the text is rebuilt by sources.py)

and is followed by zero or more quantity lines (a block with none is a sentence with no quantity):

    <span>[@k] | <value> | <qualifier> | <unit> | <counted> | <change>

  span       the exact extent as it appears in the sentence; `@k` picks the k-th occurrence (1-based)
  value      a number or arithmetic expression (`1.5*10**6`, `1/3`), or
               `R <low> <high>`  a range: value = midpoint, low/high = the ends
               `V <word>`        a vague count from the convention table VAGUE below
  qualifier  exact | approximately | more_than | at_least | less_than | up_to
  unit       normalized unit, `-` for none
  counted    the counted noun phrase, `-` for none
  change     y | n
Optional trailing fields `lo=<n>` / `hi=<n>` override the bounds. Lines starting with `#` are comments.

Offsets are computed here by finding the span in the sentence text, never by hand.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sources  # noqa: E402

QUALIFIERS = {"exact", "approximately", "more_than", "at_least", "less_than", "up_to"}

# vague counts: low = 2 x scale, high = 10 x scale, value = midpoint (GUIDELINES.md section 5)
VAGUE = {
    "dozens": (24, 120),
    "scores": (40, 200),
    "hundreds": (200, 1000),
    "thousands": (2000, 10000),
    "tens_of_thousands": (10000, 100000),
    "hundreds_of_thousands": (200000, 1000000),
    "millions": (2000000, 10000000),
    "tens_of_millions": (10000000, 100000000),
    "billions": (2000000000, 10000000000),
}


def num(expr):
    expr = expr.strip()
    if not re.fullmatch(r"[0-9eE.+\-*/() ]+", expr):
        raise ValueError("bad number expression: %r" % expr)
    v = eval(expr, {"__builtins__": {}}, {})  # arithmetic only, checked above
    return clean(v)


def clean(v):
    if v is None:
        return None
    v = float(v)
    if v == int(v) and abs(v) < 1e15:
        return int(v)
    return v


def find_all(text, span):
    """(start, end) of each occurrence of span in text, whole-word at its alphanumeric edges.
    A space in span matches any one whitespace character (the re3d texts use no-break spaces)."""
    pattern = "".join(r"\s" if ch == " " else re.escape(ch) for ch in span)
    out = []
    for m in re.finditer("(?=(%s))" % pattern, text):
        i, j = m.start(1), m.end(1)
        if span[0].isalnum() and i > 0 and text[i - 1].isalnum():
            continue
        if span[-1].isalnum() and j < len(text) and text[j].isalnum():
            continue
        out.append((i, j))
    return out


def bounds(qualifier, value):
    if qualifier == "exact":
        return value, value
    if qualifier == "approximately":
        return None, None
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "up_to"):
        return None, value
    raise ValueError(qualifier)


def parse(path):
    blocks = []
    cur = None
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("= "):
                cur = {"id": line[2:].strip(), "q": [], "line": lineno}
                blocks.append(cur)
                continue
            if cur is None:
                raise SystemExit("%s:%d: quantity before any sentence" % (path, lineno))
            fields = [f.strip() for f in line.split(" | ")]
            if len(fields) < 6:
                raise SystemExit("%s:%d: expected 6 fields: %r" % (path, lineno, line))
            cur["q"].append((lineno, fields))
    return blocks


def build(ann_path, out_path):
    sents = sources.all_sentences()
    records = []
    seen = set()
    errors = 0
    for b in parse(ann_path):
        sid = b["id"]
        if sid in seen:
            print("line %d: duplicate sentence %s" % (b["line"], sid))
            errors += 1
        seen.add(sid)
        if sid not in sents:
            print("line %d: unknown sentence id %s" % (b["line"], sid))
            errors += 1
            continue
        text = sents[sid][0]
        quants = []
        for lineno, f in b["q"]:
            span, value_f, qual, unit, counted, change = f[:6]
            extra = dict(kv.split("=", 1) for kv in f[6:])
            occ = 1
            m = re.fullmatch(r"(.*)@(\d+)", span)
            if m:
                span, occ = m.group(1), int(m.group(2))
            starts = find_all(text, span)
            if len(starts) < occ:
                print("line %d: span %r (occurrence %d) not in %s: %r" % (lineno, span, occ, sid, text))
                errors += 1
                continue
            if len(starts) > 1 and not m:
                print("line %d: span %r occurs %d times in %s; add @k" % (lineno, span, len(starts), sid))
                errors += 1
            start, end = starts[occ - 1]
            if qual not in QUALIFIERS:
                print("line %d: bad qualifier %r" % (lineno, qual))
                errors += 1
                continue
            if value_f.startswith("R "):
                lo_s, hi_s = value_f[2:].split()
                low, high = num(lo_s), num(hi_s)
                value = clean((low + high) / 2)
            elif value_f.startswith("V "):
                low, high = VAGUE[value_f[2:].strip()]
                value = clean((low + high) / 2)
            else:
                value = num(value_f)
                low, high = bounds(qual, value)
            if "lo" in extra:
                low = None if extra["lo"] == "null" else num(extra["lo"])
            if "hi" in extra:
                high = None if extra["hi"] == "null" else num(extra["hi"])
            if change not in ("y", "n"):
                print("line %d: change must be y or n" % lineno)
                errors += 1
            quants.append({
                "start": start,
                "end": end,
                "text": text[start:end],
                "value": value,
                "low": low,
                "high": high,
                "qualifier": qual,
                "unit": None if unit == "-" else unit,
                "counted": None if counted == "-" else counted,
                "change": change == "y",
            })
        quants.sort(key=lambda q: q["start"])
        for a, c in zip(quants, quants[1:]):
            if c["start"] < a["end"]:
                print("%s: overlapping spans %r and %r" % (sid, a["text"], c["text"]))
                errors += 1
        records.append({"id": sid, "source": sid.split("/", 1)[0], "text": text, "quantities": quants})
    with open(out_path, "w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    # documents.tsv: which source file and document each sentence came from
    per_doc = {}
    for r in records:
        key = (sents[r["id"]][1], r["id"].split("#")[0])
        row = per_doc.setdefault(key, [0, 0, 0])
        row[0] += 1
        row[1] += 0 if r["quantities"] else 1
        row[2] += len(r["quantities"])
    with open(os.path.join(os.path.dirname(out_path), "documents.tsv"), "w", encoding="utf-8") as out:
        out.write("file\tdocument\tsentences\tno_quantity_sentences\tquantities\n")
        for (f, doc), (s, e, q) in sorted(per_doc.items()):
            out.write("%s\t%s\t%d\t%d\t%d\n" % (f, doc, s, e, q))
    nq = sum(len(r["quantities"]) for r in records)
    print("wrote %d sentences, %d quantities to %s (%d errors)" % (len(records), nq, out_path, errors))
    return errors


if __name__ == "__main__":
    sys.exit(1 if build(os.path.join(HERE, "annotations.txt"), os.path.join(HERE, "quantities.jsonl")) else 0)
