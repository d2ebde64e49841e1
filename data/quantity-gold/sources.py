"""Sentence extraction for the quantity gold set (Python 3 standard library only).

Rebuilds the exact sentence texts that quantities.jsonl annotates, from the files in
/work/main/data:
  meantime  meantime-en/intra_cross-doc_annotation/corpus_*/*.xml   id meantime/<doc_id>#<sentence attr>
  gum       gum/GUM_news_*.conllu (`# text = ` lines)                 id gum/<doc name>#<n, 1-based as sent_id>
  re3d      re3d/<folder>/documents.json (`text`, split here)         id re3d/<_id>#<n, 0-based>
"""
import glob
import json
import os
import re
import xml.etree.ElementTree as ET

DATA = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m", "”", "’s"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "US$", "£", "€"}


def detok(tokens):
    """Join MEANTIME tokens with normal spacing. Straight double quotes alternate open/close."""
    out = ""
    prev = None
    tokens = ['"' if t in ("``", "''") else t for t in tokens]   # PTB-style quotes -> straight
    # a sentence with an odd number of straight quotes that ends on a quote starts inside a quotation
    open_quote = tokens.count('"') % 2 == 1 and tokens[-1] == '"'
    for tok in tokens:
        if prev is None:
            out = tok
        else:
            space = True
            if tok in NO_SPACE_BEFORE or tok.lower() in NO_SPACE_BEFORE:
                space = False
            if prev in NO_SPACE_AFTER:
                space = False
            if prev == '"' and open_quote:      # just opened a quote
                space = False
            if tok == '"' and open_quote:       # closing quote
                space = False
            if len(prev) == 2 and prev[0].isupper() and prev[1] == "'":   # I' ll, O' Leary
                space = False
            out += (" " if space else "") + tok
        if tok == '"':
            open_quote = not open_quote
        prev = tok
    return out


def meantime_sentences():
    """Yield (id, text, file) for every MEANTIME sentence."""
    pattern = os.path.join(DATA, "meantime-en", "intra_cross-doc_annotation", "corpus_*", "*.xml")
    for path in sorted(glob.glob(pattern)):
        root = ET.parse(path).getroot()
        doc_id = root.get("doc_id")
        sents = {}
        for tok in root.iter("token"):
            sents.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
        rel = os.path.relpath(path, DATA)
        for n in sorted(sents):
            yield "meantime/%s#%d" % (doc_id, n), detok(sents[n]), rel


def gum_sentences():
    for path in sorted(glob.glob(os.path.join(DATA, "gum", "GUM_news_*.conllu"))):
        name = os.path.basename(path)[:-len(".conllu")]
        sent_id = None
        rel = os.path.relpath(path, DATA)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("# sent_id = "):
                    sent_id = line.strip().split(" = ", 1)[1]
                elif line.startswith("# text = "):
                    n = int(sent_id.rsplit("-", 1)[1])
                    yield "gum/%s#%d" % (name, n), line.rstrip("\n")[len("# text = "):], rel


ABBREV = {"U.S", "U.K", "U.N", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl",
          "Pvt", "Adm", "Cmdr", "Sen", "Rep", "Gov", "St", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun",
          "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc", "Inc", "Co", "Corp", "Ltd", "Jr",
          "Sr", "approx", "e.g", "i.e", "a.m", "p.m", "Spc", "Pfc", "Brig", "Lt. Gen", "Sr"}


def split_text(text):
    """Split a re3d document text into (start, end) sentence spans: paragraphs at newlines,
    then after . ! ? (optionally followed by a closing quote/bracket) + space + capital or quote,
    unless the period ends a known abbreviation or a single capital initial."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        pstart, para = m.start(), m.group()
        start = 0
        for b in re.finditer(r"[.!?][\"”’')\]]*(\[\d+\])*\s+(?=[A-Z\"“‘(\[0-9])", para):
            before = para[start:b.start()]
            last = re.split(r"\s", before)[-1] if before else ""
            word = last.lstrip("(\"“")
            if para[b.start()] == "." and (word in ABBREV or re.fullmatch(r"[A-Z]", word)
                                          or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word)):
                continue
            end = b.end()
            _add(spans, para, pstart, start, end)
            start = end
        _add(spans, para, start=start, end=len(para), pstart=pstart)
    return spans


def _add(spans, para, pstart, start, end):
    """Append the trimmed span para[start:end] (leading bullet "." and spaces dropped)."""
    seg = para[start:end]
    lead = re.match(r"(?:[.\u2022\-*]?[\s\u00a0]+)?[\s\u00a0]*", seg).end()
    body = seg[lead:].rstrip(" \t\u00a0")
    if body.strip() and re.search(r"\w", body):
        spans.append((pstart + start + lead, pstart + start + lead + len(body)))


def re3d_documents():
    for path in sorted(glob.glob(os.path.join(DATA, "re3d", "*", "documents.json"))):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    yield d, os.path.relpath(path, DATA)


def re3d_sentences():
    for d, rel in re3d_documents():
        text = d["text"]
        for n, (s, e) in enumerate(split_text(text)):
            yield "re3d/%s#%d" % (d["_id"], n), text[s:e], rel


def all_sentences():
    """dict id -> (text, relative source file)."""
    out = {}
    for gen in (meantime_sentences, gum_sentences, re3d_sentences):
        for sid, text, rel in gen():
            out[sid] = (text, rel)
    return out
