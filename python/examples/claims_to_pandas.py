"""Read a ledger's claims into a pandas DataFrame (or print them without pandas).

    python python/examples/claims_to_pandas.py [LEDGER.db] [--entity NAME]

With no ledger given, it builds one in memory from the repository's sample
articles (samples/). pandas is optional: without it the claims are printed
as tab-separated rows.
"""

import argparse
import json
import pathlib

import claimtrail

SAMPLES = pathlib.Path(__file__).resolve().parents[2] / "samples"

#: The claim fields kept as columns, then the document's.
COLUMNS = ["stated", "speaker_name", "speaker_role", "stance", "hedged", "text"]
DOCUMENT_COLUMNS = ["title", "outlet", "published", "url"]


def sample_ledger() -> claimtrail.Ledger:
    """A ledger in memory holding the sample articles."""
    ledger = claimtrail.Ledger(":memory:")
    seed = SAMPLES / "zelenskyy-north-korea-address.txt"
    ledger.ingest(seed.read_text(encoding="utf-8"), published="2024-10-20")
    with open(SAMPLES / "wikinews.jsonl", encoding="utf-8") as lines:
        ledger.ingest([json.loads(line) for line in lines if line.strip()])
    return ledger


def rows(claims: list) -> list:
    """One flat dict per claim: its fields, its document's and its figures."""
    out = []
    for c in claims:
        row = {k: c[k] for k in COLUMNS}
        row.update({f"document_{k}": c["document"][k] for k in DOCUMENT_COLUMNS})
        row["figures"] = "; ".join(q["text"] for q in c["quantities"])
        out.append(row)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", nargs="?", help="a ledger file (default: the samples, in memory)")
    parser.add_argument("--entity", help="only claims by or about this entity")
    args = parser.parse_args()
    ledger = claimtrail.Ledger(args.ledger, create=False) if args.ledger else sample_ledger()
    with ledger:
        table = rows(ledger.claims(entity=args.entity))
    try:
        import pandas as pd
    except ImportError:
        print("\t".join(table[0]) if table else "no claims")
        for row in table:
            print("\t".join("" if v is None else str(v) for v in row.values()))
        return
    frame = pd.DataFrame(table)
    frame["stated"] = pd.to_datetime(frame["stated"], errors="coerce")
    print(frame[["stated", "speaker_name", "stance", "figures", "text"]].to_string(max_colwidth=60))
    print()
    print(frame.groupby(["speaker_name", "stance"]).size().sort_values(ascending=False).head(10))


if __name__ == "__main__":
    main()
