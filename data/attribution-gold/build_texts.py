#!/usr/bin/env python3
"""Rebuild readable running text for the attribution gold set.

Sources (read-only, under /work/main/data):
  MEANTIME  meantime-en/intra_cross-doc_annotation/corpus_*/<name>.xml   (tokens + sentence numbers)
  GUM       gum/GUM_{news,interview}_<name>.conllu                       (# text = lines, # newpar markers)
  re3d      re3d/<folder>/documents.json                                  (JSON lines, field `text`)

Usage:
  build_texts.py list                 rank every candidate document by attribution-cue density
  build_texts.py build ID [ID ...]    write <ID>.txt into this folder
  build_texts.py show ID              print the rebuilt text to stdout

IDs: meantime-<doc_id>, gum-news-<name>, gum-interview-<name>, re3d-<folder>-<first 8 hex of _id>.
Python 3 standard library only.
"""
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, '..'))

# ---------------------------------------------------------------- MEANTIME
NO_SPACE_BEFORE = {',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "n't", "'s", "'re", "'ve",
                   "'ll", "'d", "'m", "''", '”', '...'}
NO_SPACE_AFTER = {'(', '[', '{', '$', 'US$', 'CA$', 'AU$', 'NZ$', 'HK$', '£', '€', '#', '``', '“', '`', '‘'}
CLITIC_TAILS = {'s', 're', 've', 'll', 'd', 'm', 't'}


def meantime_files():
    return sorted(glob.glob(os.path.join(DATA, 'meantime-en/intra_cross-doc_annotation/corpus_*/*.xml')))


def meantime_tokens(path):
    root = ET.parse(path).getroot()
    sents = {}
    for t in root.iter('token'):
        sents.setdefault(int(t.get('sentence')), []).append(t.text or '')
    return root.get('doc_id'), [sents[k] for k in sorted(sents)]


def detok(sentences):
    """Join PTB-style tokens into text; returns list of sentence strings.

    Straight double quotes (") alternate open/close over the whole document; PTB `` and ''
    become a straight double quote; a lone # before a number is the PTB pound sign (£)."""
    out = []
    dq_open = False
    sq_open = False
    for toks in sentences:
        s = ''
        glue_next = True  # no space before first token
        for i, tok in enumerate(toks):
            nxt = toks[i + 1] if i + 1 < len(toks) else ''
            prev = toks[i - 1] if i > 0 else ''
            space = not glue_next
            glue_next = False
            t = tok
            if tok == '``':
                t = '"'
                glue_next = True
                dq_open = True
            elif tok == "''":
                t = '"'
                if dq_open:
                    space = False
                    dq_open = False
                else:  # a mis-tokenized opening quote
                    glue_next = True
                    dq_open = True
            elif tok == '"':
                if dq_open:
                    space = False
                    dq_open = False
                else:
                    glue_next = True
                    dq_open = True
            elif tok == '`':
                t = "'"
                glue_next = True
                sq_open = True
            elif tok in ("'", '’'):
                # closing single quote, possessive, or apostrophe of a split clitic (we ' re)
                space = False
                if nxt in CLITIC_TAILS:
                    glue_next = True
                if tok == "'":
                    sq_open = False
            elif tok == '#' and re.match(r'^[0-9]', nxt):
                t = '£'
                glue_next = True
            elif tok in NO_SPACE_BEFORE:
                space = False
            elif tok.endswith("'") and len(tok) > 1 and nxt in CLITIC_TAILS:
                glue_next = True  # I' ll -> I'll
            if tok in NO_SPACE_AFTER and tok not in ('#',):
                glue_next = True
            if prev in ("I'",) and tok in CLITIC_TAILS:
                space = False
            if space and s:
                s += ' '
            s += t
        out.append(s)
    return out


def meantime_doc(doc_id):
    for p in meantime_files():
        d, sents = meantime_tokens(p)
        if d == doc_id:
            return p, sents
    raise KeyError(doc_id)


def meantime_text(doc_id):
    """Title, date line, then one paragraph per sentence; a sentence that begins while a
    double quote is still open continues the previous paragraph (so a quote never crosses
    a break that the token layer does not show)."""
    path, sents = meantime_doc(doc_id)
    strs = detok(sents)
    # a quote opened in sentence k and closed in sentence m > k makes k+1..m continuations;
    # a quote that is never closed does not join anything
    cont = set()
    open_at = None
    for k, toks in enumerate(sents):
        for tok in toks:
            if tok == '``' or (tok in ('"', "''") and open_at is None):
                open_at = k
            elif tok == "''" or tok == '"':
                if open_at is not None and k > open_at:
                    cont.update(range(open_at + 1, k + 1))
                open_at = None
    paras = []
    for i, s in enumerate(strs):
        if i >= 3 and i in cont and paras:
            paras[-1] += ' ' + s
        else:
            paras.append(s)
    return '\n\n'.join(paras) + '\n'


# ---------------------------------------------------------------- GUM
def gum_text(kind, name):
    path = os.path.join(DATA, 'gum', 'GUM_%s_%s.conllu' % (kind, name))
    paras = []
    cur = []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line == '# newpar' or line.startswith('# newpar '):
            if cur:
                paras.append(' '.join(cur))
                cur = []
        elif line.startswith('# text = '):
            cur.append(line[len('# text = '):])
    if cur:
        paras.append(' '.join(cur))
    return '\n\n'.join(paras) + '\n'


# ---------------------------------------------------------------- re3d
def re3d_docs():
    for f in sorted(glob.glob(os.path.join(DATA, 're3d/*/documents.json'))):
        folder = os.path.basename(os.path.dirname(f))
        for line in open(f, encoding='utf-8'):
            if line.strip():
                o = json.loads(line)
                yield folder, o


def re3d_text(folder, idprefix):
    for fo, o in re3d_docs():
        if fo == folder and o['_id'].lower().startswith(idprefix.lower()):
            t = o['text'].replace('\r\n', '\n')
            return t.rstrip('\n') + '\n'
    raise KeyError(idprefix)


# ---------------------------------------------------------------- dispatch
def text_for(doc):
    if doc.startswith('meantime-'):
        return meantime_text(doc[len('meantime-'):])
    if doc.startswith('gum-news-'):
        return gum_text('news', doc[len('gum-news-'):])
    if doc.startswith('gum-interview-'):
        return gum_text('interview', doc[len('gum-interview-'):])
    if doc.startswith('re3d-'):
        rest = doc[len('re3d-'):]
        folder, idp = rest.rsplit('-', 1)
        return re3d_text(folder, idp)
    raise KeyError(doc)


CUE_RE = re.compile(r'\b(said|says|say|told|stated|according to|announced|added|reported|'
                    r'believe[sd]?|expect(s|ed)?|claim(s|ed)?|denied|confirmed|urged|called on|warned)\b|"|“', re.I)


def candidates():
    for p in meantime_files():
        d, _ = meantime_tokens(p)
        yield 'meantime-' + d, os.path.basename(p)
    for p in sorted(glob.glob(os.path.join(DATA, 'gum/GUM_news_*.conllu')) +
                    glob.glob(os.path.join(DATA, 'gum/GUM_interview_*.conllu'))):
        b = os.path.basename(p)[4:-7]
        kind, name = b.split('_', 1)
        yield 'gum-%s-%s' % (kind, name), b
    for folder, o in re3d_docs():
        yield 're3d-%s-%s' % (folder, o['_id'][:8].lower()), o.get('title', '')


def main(argv):
    if not argv or argv[0] == 'list':
        rows = []
        for doc, label in candidates():
            t = text_for(doc)
            n = len(CUE_RE.findall(t))
            rows.append((n / max(1, len(t)) * 1000, n, len(t), doc, label))
        for r in sorted(rows, reverse=True):
            print('%.2f\t%d\t%d\t%s\t%s' % r)
    elif argv[0] == 'show':
        sys.stdout.write(text_for(argv[1]))
    elif argv[0] == 'build':
        for doc in argv[1:]:
            with open(os.path.join(HERE, doc + '.txt'), 'w', encoding='utf-8', newline='\n') as f:
                f.write(text_for(doc))
            print('wrote', doc + '.txt')


if __name__ == '__main__':
    main(sys.argv[1:])
