#!/usr/bin/env python3
"""Print the counts of the gold set (articles, attributions, stances, ...) as Markdown tables."""
import glob
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
STANCES = ['assert', 'confirm', 'deny', 'cannot_confirm', 'predict', 'urge']
QUOTE_OPEN = '"“‘\''


def group(doc):
    if doc.startswith('meantime-'):
        return 'MEANTIME (Wikinews)'
    if doc.startswith('gum-news-'):
        return 'GUM news (Wikinews)'
    if doc.startswith('gum-interview-'):
        return 'GUM interview (Wikinews)'
    m = re.match(r're3d-(.*)-[0-9a-f]{8}$', doc)
    return 're3d ' + m.group(1)


def load(path):
    T, E, A, H = {}, [], {}, set()
    for line in open(path, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if f[0].startswith('T'):
            typ, offs = f[1].split(' ', 1)
            T[f[0]] = (typ, offs.count(';') + 1, f[2])
        elif f[0].startswith('E'):
            E.append((f[0], dict(a.split(':') for a in f[1].split(' '))))
        elif f[0].startswith('A'):
            p = f[1].split(' ')
            if p[0] == 'Stance':
                A[p[1]] = p[2]
            else:
                H.add(p[1])
    return T, E, A, H


def main():
    rows = {}
    tot = {}
    for ann in sorted(glob.glob(os.path.join(HERE, '*.ann'))):
        doc = os.path.basename(ann)[:-4]
        g = group(doc)
        r = rows.setdefault(g, dict(articles=0, chars=0, events=0, nosource=0, direct=0, frag=0, hedged=0,
                                    **{s: 0 for s in STANCES}))
        T, E, A, H = load(ann)
        r['articles'] += 1
        r['chars'] += len(open(ann[:-4] + '.txt', encoding='utf-8').read())
        for eid, args in E:
            r['events'] += 1
            r[A[eid]] += 1
            if eid in H:
                r['hedged'] += 1
            if 'Source' not in args:
                r['nosource'] += 1
            typ, nfrag, text = T[args['Content']]
            if text[:1] in QUOTE_OPEN:
                r['direct'] += 1
            if nfrag > 1:
                r['frag'] += 1
    keys = ['articles', 'chars', 'events', 'direct', 'frag', 'nosource', 'hedged'] + STANCES
    for r in rows.values():
        for k in keys:
            tot[k] = tot.get(k, 0) + r[k]
    print('| source | articles | characters | attributions | direct quotes | multi-fragment content | no Source span | hedged |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|')
    for g, r in list(rows.items()) + [('**total**', tot)]:
        print('| %s | %d | %d | %d | %d | %d | %d | %d |' % (g, r['articles'], r['chars'], r['events'], r['direct'],
                                                            r['frag'], r['nosource'], r['hedged']))
    print()
    print('| source | ' + ' | '.join(STANCES) + ' |')
    print('|---|' + '---:|' * len(STANCES))
    for g, r in list(rows.items()) + [('**total**', tot)]:
        print('| %s | ' % g + ' | '.join(str(r[s]) for s in STANCES) + ' |')


if __name__ == '__main__':
    main()
