#!/usr/bin/env python3
"""Turn an annotator's spec file (spec/<id>.att) into BRAT standoff (<id>.ann).

The annotator reads the .txt and writes, per attribution, the exact strings of its spans;
this helper only finds those strings in the text and computes the character offsets
(Unicode code points, end exclusive), so no offset is ever counted by hand.

Spec format: blocks separated by blank lines, one block per attribution:
    c: <cue locator>              required
    s: <source locator>           optional (omit when the speaker is not in the text)
    t: <content locator>          required; repeat for each fragment, in text order
    n: <canonical speaker name>   note on the Source (or on the trigger when there is no s:)
    st: <stance> [h]              assert|confirm|deny|cannot_confirm|predict|urge; h = hedged
Lines starting with '#' are comments.

Locator: the literal text of the span. If it occurs more than once:
  - `text @@k` takes the k-th occurrence (1-based) in the document;
  - `left⟦span⟧right` takes `span` inside the unique (or nearest) occurrence of left+span+right;
  - otherwise, for s: and t:, the occurrence nearest to the cue is taken, and for c: it is an error.
Matches must sit on word boundaries when the span begins/ends with a word character.
In a locator, ⏎ stands for a line break of the text. A located span that crosses line breaks
is split into fragments there (BRAT spans cannot hold a line break).

Usage: spec2ann.py ID [ID ...]   (writes ID.ann and prints a review rendering)
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STANCES = {'assert', 'confirm', 'deny', 'cannot_confirm', 'predict', 'urge'}


class SpecError(Exception):
    pass


def occurrences(text, s):
    out = []
    i = text.find(s)
    while i >= 0:
        e = i + len(s)
        ok = True
        if s[0].isalnum() and i > 0 and (text[i - 1].isalnum() or text[i - 1] == '_'):
            ok = False
        if s[-1].isalnum() and e < len(text) and (text[e].isalnum() or text[e] == '_'):
            ok = False
        if ok:
            out.append((i, e))
        i = text.find(s, i + 1)
    return out


def locate(text, loc, near=None, what='span', after=None):
    loc = loc.strip().replace('⏎', '\n')
    k = None
    m = re.match(r'^(.*\S)\s+@@(\d+)$', loc, re.S)
    if m:
        loc, k = m.group(1), int(m.group(2))
    if '⟦' in loc:
        left, rest = loc.split('⟦', 1)
        span, right = rest.split('⟧', 1)
        if not span:
            raise SpecError('%s: empty ⟦⟧ span in %r' % (what, loc))
        whole = left + span + right
        occ = occurrences(text, whole)
        occ = [(a + len(left), a + len(left) + len(span)) for a, _ in occ]
    else:
        occ = occurrences(text, loc)
    if not occ:
        raise SpecError('%s not found: %r' % (what, loc))
    if k is not None:
        if k > len(occ):
            raise SpecError('%s %r has only %d occurrences' % (what, loc, len(occ)))
        return occ[k - 1]
    if len(occ) == 1:
        return occ[0]
    if after is not None:
        later = [o for o in occ if o[0] >= after]
        if later:
            occ = later
            if len(occ) == 1:
                return occ[0]
    if near is None:
        raise SpecError('%s %r is ambiguous (%d occurrences): add @@k or ⟦⟧ context' % (what, loc, len(occ)))
    return min(occ, key=lambda o: min(abs(o[0] - near[0]), abs(o[1] - near[1]), abs(o[0] - near[1]), abs(o[1] - near[0])))


def _all(text, s):
    i = text.find(s)
    while i >= 0:
        yield i
        i = text.find(s, i + 1)


def parse_spec(path):
    blocks = []
    cur = []
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if line.startswith('#'):
            continue
        if not line.strip():
            if cur:
                blocks.append(cur)
                cur = []
            continue
        m = re.match(r'^(c|s|t|n|st):\s?(.*)$', line)
        if not m:
            raise SpecError('%s:%d: bad line %r' % (path, ln, line))
        cur.append((ln, m.group(1), m.group(2)))
    if cur:
        blocks.append(cur)
    return blocks


def split_lines(text, sp):
    out = []
    a, b = sp
    for m in re.finditer(r'[^\n]+', text[a:b]):
        x, y = a + m.start(), a + m.end()
        while x < y and text[x].isspace():
            x += 1
        while y > x and text[y - 1].isspace():
            y -= 1
        if y > x:
            out.append((x, y))
    return out


def _single(text, sp, what):
    parts = split_lines(text, sp)
    if len(parts) != 1:
        raise SpecError('%s %r crosses a line break' % (what, text[sp[0]:sp[1]]))
    return parts[0]


def frag_text(text, spans):
    return ' '.join(text[a:b] for a, b in spans)


def spans_str(spans):
    return ';'.join('%d %d' % ab for ab in spans)


def build(doc):
    txt_path = os.path.join(HERE, doc + '.txt')
    spec_path = os.path.join(HERE, 'spec', doc + '.att')
    text = open(txt_path, encoding='utf-8', newline='').read()
    blocks = parse_spec(spec_path)
    lines = []
    review = []
    tn = en = an = nn = 0
    for b in blocks:
        d = {'t': []}
        for ln, key, val in b:
            if key == 't':
                d['t'].append((ln, val))
            else:
                if key in d:
                    raise SpecError('line %d: duplicate %s' % (ln, key))
                d[key] = (ln, val)
        if 'c' not in d or not d['t'] or 'st' not in d:
            raise SpecError('block at line %d needs c:, t: and st:' % b[0][0])
        try:
            cue = locate(text, d['c'][1], what='cue')
            src = locate(text, d['s'][1], near=cue, what='source') if 's' in d else None
            frags = []
            prev_end = None
            for ln, val in d['t']:
                sp = locate(text, val, near=cue if prev_end is None else (prev_end, prev_end), what='content',
                            after=prev_end)
                frags.append(sp)
                prev_end = sp[1]
        except SpecError as e:
            raise SpecError('%s, block at line %d: %s' % (doc, b[0][0], e))
        # BRAT spans cannot hold a line break: split at every line break (and trim)
        cue = _single(text, cue, 'cue')
        if src:
            src = _single(text, src, 'source')
        frags = [f for sp in frags for f in split_lines(text, sp)]
        for i in range(1, len(frags)):
            if frags[i][0] < frags[i - 1][1]:
                raise SpecError('%s block line %d: content fragments out of order' % (doc, b[0][0]))
        st = d['st'][1].split()
        if st[0] not in STANCES or any(x != 'h' for x in st[1:]):
            raise SpecError('%s block line %d: bad stance %r' % (doc, b[0][0], d['st'][1]))
        ids = {}
        if src:
            tn += 1
            ids['s'] = tn
            lines.append('T%d\tSource %d %d\t%s' % (tn, src[0], src[1], text[src[0]:src[1]]))
        tn += 1
        ids['c'] = tn
        lines.append('T%d\tCue %d %d\t%s' % (tn, cue[0], cue[1], text[cue[0]:cue[1]]))
        tn += 1
        ids['t'] = tn
        lines.append('T%d\tContent %s\t%s' % (tn, spans_str(frags), frag_text(text, frags)))
        tn += 1
        ids['a'] = tn
        lines.append('T%d\tAttribution %d %d\t%s' % (tn, cue[0], cue[1], text[cue[0]:cue[1]]))
        en += 1
        ev = 'E%d\tAttribution:T%d Content:T%d Cue:T%d' % (en, ids['a'], ids['t'], ids['c'])
        if src:
            ev += ' Source:T%d' % ids['s']
        lines.append(ev)
        an += 1
        lines.append('A%d\tStance E%d %s' % (an, en, st[0]))
        if 'h' in st[1:]:
            an += 1
            lines.append('A%d\tHedged E%d' % (an, en))
        if 'n' in d and d['n'][1].strip():
            nn += 1
            lines.append('#%d\tAnnotatorNotes T%d\t%s' % (nn, ids['s'] if src else ids['a'], d['n'][1].strip()))
        elif src:
            raise SpecError('%s block line %d: source without canonical name' % (doc, b[0][0]))
        review.append('E%d [%s%s] %s\n   S=%r @%s\n   C=%r\n   T=%r' % (
            en, st[0], ' h' if 'h' in st[1:] else '', d.get('n', (0, '-'))[1],
            text[src[0]:src[1]] if src else None, src[0] if src else '-',
            text[cue[0]:cue[1]], _short(frag_text(text, frags))))
    with open(os.path.join(HERE, doc + '.ann'), 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')
    return en, review


def _short(s, n=160):
    s = s.replace('\n', '⏎')
    return s if len(s) <= n else s[:n // 2] + ' … ' + s[-n // 2:]


def main(argv):
    quiet = '-q' in argv
    argv = [a for a in argv if a != '-q']
    total = 0
    for doc in argv:
        n, review = build(doc)
        total += n
        print('%s: %d attributions' % (doc, n))
        if not quiet:
            print('\n'.join(review))
    if len(argv) > 1:
        print('total', total)


if __name__ == '__main__':
    try:
        main(sys.argv[1:])
    except SpecError as e:
        print('ERROR', e)
        sys.exit(1)
