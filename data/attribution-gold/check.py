#!/usr/bin/env python3
"""Validate BRAT standoff attribution files (Python 3 standard library only).

Usage:
  python3 check.py                 check every *.ann in this folder (gold rules) and the seed
  python3 check.py FILE.ann ...    check the given files (gold rules for files in this folder,
                                   format rules only for files elsewhere, e.g. the seed)

Every .ann is read beside its .txt (same stem). Checks:
  format     T/E/A/#/R/N lines well formed; ids unique; tab-separated fields
  T          entity type in {Source, Cue, Content, Attribution}; offsets are integers,
             0 <= start < end <= len(text) in Unicode code points; fragments in order and
             not overlapping; the text field equals the slice (fragments joined by one space,
             as BRAT writes them)
  E          type Attribution; trigger is an existing Attribution T; roles Content (exactly
             one), Cue (exactly one), Source (at most one); each role points to an existing
             T of the same type; the trigger's span equals the Cue's span
  A          `Stance E<n> <value>` with value in {assert, confirm, deny, cannot_confirm,
             predict, urge}; `Hedged E<n>` without value; target is an existing event; at
             most one Stance and one Hedged per event
  #          `AnnotatorNotes <id>` target exists; note text not empty
Gold rules (files in this folder) add: every event has a Stance; every Source T has an
AnnotatorNotes note; every T is used by an event; no two events share a trigger.
Exit status 0 when every file passes.
"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.normpath(os.path.join(HERE, '..', 'seed', 'zelenskyy-north-korea-address.ann'))
TYPES = {'Source', 'Cue', 'Content', 'Attribution'}
ROLES = {'Source', 'Cue', 'Content'}
STANCES = {'assert', 'confirm', 'deny', 'cannot_confirm', 'predict', 'urge'}


def check_file(ann_path, gold):
    errors = []
    txt_path = ann_path[:-4] + '.txt'
    if not os.path.exists(txt_path):
        return ['missing text file %s' % txt_path], {}
    with open(txt_path, encoding='utf-8', newline='') as f:
        text = f.read()
    with open(ann_path, encoding='utf-8', newline='') as f:
        raw = f.read()
    if '\r' in raw:
        errors.append('carriage return in .ann')
    ids = {}
    tbs = {}
    events = {}
    attrs = {}
    notes = []
    for ln, line in enumerate(raw.split('\n'), 1):
        if not line.strip():
            continue
        where = 'line %d' % ln

        def err(msg):
            errors.append('%s: %s  [%s]' % (where, msg, line[:120]))

        fields = line.split('\t')
        ident = fields[0]
        if not re.match(r'^[TEARN#*]\d*$', ident) or (ident != '*' and not re.match(r'^[TEARN#]\d+$', ident)):
            err('bad id %r' % ident)
            continue
        if ident in ids:
            err('duplicate id %s' % ident)
            continue
        ids[ident] = ln
        kind = ident[0]
        if kind == 'T':
            if len(fields) != 3:
                err('T line needs 3 tab-separated fields')
                continue
            m = re.match(r'^(\S+) (\d+ \d+(?:;\d+ \d+)*)$', fields[1])
            if not m:
                err('bad T type/offsets %r' % fields[1])
                continue
            ttype = m.group(1)
            if ttype not in TYPES:
                err('unknown entity type %s' % ttype)
            spans = [tuple(int(x) for x in p.split()) for p in m.group(2).split(';')]
            ok = True
            prev_end = -1
            for a, b in spans:
                if not (0 <= a < b <= len(text)):
                    err('offsets %d %d out of range (text length %d)' % (a, b, len(text)))
                    ok = False
                if a < prev_end:
                    err('fragments overlap or are out of order')
                    ok = False
                prev_end = b
            if ok:
                expect = ' '.join(text[a:b] for a, b in spans)
                if fields[2] != expect:
                    err('text mismatch: file has %r, slice is %r' % (fields[2][:80], expect[:80]))
                for a, b in spans:
                    if text[a:b] != text[a:b].strip():
                        err('span %d %d starts or ends with whitespace' % (a, b))
            tbs[ident] = (ttype, spans)
        elif kind == 'E':
            if len(fields) != 2:
                err('E line needs 2 tab-separated fields')
                continue
            args = fields[1].split(' ')
            m = re.match(r'^(\w+):(T\d+)$', args[0])
            if not m:
                err('bad event trigger %r' % args[0])
                continue
            if m.group(1) != 'Attribution':
                err('event type must be Attribution')
            roles = []
            for a in args[1:]:
                mm = re.match(r'^(\w+?)\d*:([TE]\d+)$', a)
                if not mm:
                    err('bad event argument %r' % a)
                    continue
                roles.append((mm.group(1), mm.group(2)))
            events[ident] = (m.group(2), roles, ln)
        elif kind == 'A':
            if len(fields) != 2:
                err('A line needs 2 tab-separated fields')
                continue
            parts = fields[1].split(' ')
            if parts[0] == 'Stance':
                if len(parts) != 3:
                    err('Stance needs a target and a value')
                    continue
                if parts[2] not in STANCES:
                    err('stance value %r not in %s' % (parts[2], sorted(STANCES)))
            elif parts[0] == 'Hedged':
                if len(parts) != 2:
                    err('Hedged is binary: no value')
                    continue
            else:
                err('unknown attribute %r' % parts[0])
                continue
            attrs[ident] = (parts[0], parts[1], parts[2] if len(parts) > 2 else None, ln)
        elif kind == '#':
            if len(fields) != 3:
                err('note line needs 3 tab-separated fields (#n, "AnnotatorNotes Tk", text)')
                continue
            p = fields[1].split(' ')
            if len(p) != 2 or p[0] != 'AnnotatorNotes':
                err('bad note head %r' % fields[1])
                continue
            if not fields[2].strip():
                err('empty note')
            notes.append((p[1], fields[2], ln))
        else:
            err('line type %s not used in this scheme' % kind)

    used_t = set()
    triggers = {}
    for eid, (trig, roles, ln) in events.items():
        where = 'line %d (%s)' % (ln, eid)
        if trig not in tbs:
            errors.append('%s: trigger %s does not exist' % (where, trig))
            continue
        if tbs[trig][0] != 'Attribution':
            errors.append('%s: trigger %s is a %s, not an Attribution' % (where, trig, tbs[trig][0]))
        if trig in triggers:
            (errors if gold else []).append('%s: trigger %s also used by %s' % (where, trig, triggers[trig]))
        triggers[trig] = eid
        used_t.add(trig)
        count = {}
        for role, tid in roles:
            if role not in ROLES:
                errors.append('%s: unknown role %s' % (where, role))
                continue
            count[role] = count.get(role, 0) + 1
            if tid not in tbs:
                errors.append('%s: %s:%s does not exist' % (where, role, tid))
                continue
            if tbs[tid][0] != role:
                errors.append('%s: %s points to %s, which is a %s' % (where, role, tid, tbs[tid][0]))
            used_t.add(tid)
            if role == 'Cue' and tbs[tid][1] != tbs[trig][1]:
                errors.append('%s: trigger %s and cue %s have different spans' % (where, trig, tid))
        for role in ('Content', 'Cue'):
            if count.get(role, 0) != 1:
                errors.append('%s: needs exactly one %s (has %d)' % (where, role, count.get(role, 0)))
        if count.get('Source', 0) > 1:
            errors.append('%s: more than one Source' % where)

    stance_of = {}
    hedged = set()
    for aid, (name, target, value, ln) in attrs.items():
        where = 'line %d (%s)' % (ln, aid)
        if target not in events:
            errors.append('%s: %s target %s is not an event' % (where, name, target))
            continue
        if name == 'Stance':
            if target in stance_of:
                errors.append('%s: second Stance for %s' % (where, target))
            stance_of[target] = value
        else:
            if target in hedged:
                errors.append('%s: second Hedged for %s' % (where, target))
            hedged.add(target)

    noted = set()
    for target, note, ln in notes:
        if target not in ids:
            errors.append('line %d: note target %s does not exist' % (ln, target))
        noted.add(target)

    if gold:
        for eid in events:
            if eid not in stance_of:
                errors.append('%s: no Stance attribute' % eid)
        for tid, (ttype, _) in tbs.items():
            if tid not in used_t:
                errors.append('%s: text-bound annotation not used by any event' % tid)
            if ttype == 'Source' and tid not in noted:
                errors.append('%s: Source without AnnotatorNotes canonical name' % tid)

    stats = {'events': len(events), 'stances': stance_of, 'hedged': len(hedged),
             'with_source': sum(1 for e in events.values() if any(r == 'Source' for r, _ in e[1]))}
    return errors, stats


def main(argv):
    if argv:
        paths = argv
    else:
        paths = sorted(glob.glob(os.path.join(HERE, '*.ann')))
        if os.path.exists(SEED):
            paths.append(SEED)
    total_err = 0
    total_events = 0
    if not argv:
        for t in sorted(glob.glob(os.path.join(HERE, '*.txt'))):
            if not os.path.exists(t[:-4] + '.ann'):
                print('FAIL %s: text without .ann' % os.path.relpath(t))
                total_err += 1
    for p in paths:
        gold = os.path.dirname(os.path.abspath(p)) == HERE
        errs, stats = check_file(p, gold)
        total_err += len(errs)
        total_events += stats.get('events', 0)
        status = 'OK ' if not errs else 'FAIL'
        print('%s %s: %d attributions%s' % (status, os.path.relpath(p), stats.get('events', 0),
                                             '' if gold else ' (format rules only)'))
        for e in errs:
            print('     ' + e)
    print('%d files, %d attributions, %d errors' % (len(paths), total_events, total_err))
    return 0 if total_err == 0 else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
