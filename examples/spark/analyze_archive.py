#!/usr/bin/env python3
"""Analyse an archive of news on Apache Spark, then load the analysis into a
claimtrail ledger (examples/spark/README.md).

    spark-submit --master local[2] examples/spark/analyze_archive.py \\
        --input day1.jsonl day2.warc.gz --output analysis/ --db ledger.db

Per-article analysis is stateless, so the executors do it: JSON Lines
partitions go through `RDD.pipe` into `claimtrail analyze - --input-format
jsonl --format jsonl --include-text`, and WARC files (binary, records over
many lines: they cannot be piped line by line) are read with `binaryFiles`
and analysed in `mapPartitions`, one `claimtrail analyze` per partition.
The analysis JSON Lines are written to --output; with --db the driver then
streams them, in input order, into `claimtrail ingest --analyzed -`, which
does the cross-document work (the ledger is built from the analysis JSON and
the text alone, so it equals a direct `claimtrail ingest` of the same files).

Each article keeps the name a direct ingest gives it: `FILE:LINE` for a JSON
Lines record, `FILE#N` for a WARC record, FILE as given on the command line
(a folder or glob gives the files it holds, named by their URI without
`file:`).

The claimtrail executable: --claimtrail, else the Spark configuration
`spark.claimtrail.bin` (`--conf spark.claimtrail.bin=/opt/claimtrail/bin/claimtrail`),
else `claimtrail` on the PATH of every node. --ingest-bin names the one the
driver runs for the final step (by default the same).
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

from pyspark import SparkConf, SparkContext, StorageLevel

WARC_SUFFIXES = (".warc", ".warc.gz")


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", nargs="+", required=True, help="JSON Lines (.jsonl) and WARC (.warc, .warc.gz) files, folders or globs")
    ap.add_argument("--output", required=True, help="folder for the analysis JSON Lines (must not exist)")
    ap.add_argument("--db", help="ledger to load the analysis into (a SQLite file or a postgresql:// URL)")
    ap.add_argument("--claimtrail", help="the claimtrail executable on the executors")
    ap.add_argument("--ingest-bin", help="the claimtrail executable on the driver (default: as --claimtrail)")
    ap.add_argument("--published", help="YYYY-MM-DD for records without a date (as for claimtrail analyze)")
    ap.add_argument("--max-bytes", type=int, help="the per-line and per-record size limit (claimtrail --max-bytes)")
    ap.add_argument("--master", help="Spark master when run without spark-submit (e.g. local[2])")
    return ap.parse_args(argv)


def analyze_command(binary, args, extra):
    """The `claimtrail analyze` command line that prints analysis JSON Lines."""
    cmd = [binary, "analyze", *extra, "--format", "jsonl", "--include-text", "--quiet"]
    if args.published:
        cmd += ["--published", args.published]
    if args.max_bytes:
        cmd += ["--max-bytes", str(args.max_bytes)]
    return cmd


def list_files(sc, pattern):
    """The files a path, folder or glob names, through Hadoop's file system
    (local, HDFS, S3), as (URI, name): the name is the argument itself when
    it names one file, else the URI without `file:`. A folder gives its
    files, sorted, but for hidden ones and those starting with `_`."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(pattern)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    statuses = list(fs.globStatus(path) or [])
    if not statuses:
        sys.exit(f"analyze_archive: {pattern}: no such file or folder")
    if len(statuses) == 1 and statuses[0].isFile() and not any(c in pattern for c in "*?[{"):
        return [(str(statuses[0].getPath()), pattern)]
    found = []
    for status in statuses:
        if status.isDirectory():
            children = sorted(str(s.getPath()) for s in fs.listStatus(status.getPath()) if s.isFile())
            found += [c for c in children if not os.path.basename(c).startswith((".", "_"))]
        else:
            found.append(str(status.getPath()))
    return [(uri, uri[len("file:"):] if uri.startswith("file:") else uri) for uri in found]


def with_path(name):
    """A JSON Lines record with the name a direct ingest gives it
    (`FILE:LINE`). A line that is no JSON object passes unchanged, for
    claimtrail to report; a record that names its own path keeps it."""

    def add(line_and_index):
        line, index = line_and_index
        text = line[1:] if index == 0 and line.startswith("\ufeff") else line
        try:
            record = json.loads(text)
        except ValueError:
            return line
        if not isinstance(record, dict):
            return line
        own = record.get("path")
        if own is None or (isinstance(own, str) and not own.strip()):
            record["path"] = f"{name}:{index + 1}"
        # ASCII escapes: a lone surrogate stays an escape, as it was written.
        return json.dumps(record)

    return add


def jsonl_rdd(sc, uri, name, command):
    """The analysis of one JSON Lines file, a `claimtrail analyze` per partition."""
    lines = sc.textFile(uri).zipWithIndex().map(with_path(name))
    return lines.pipe(shlex.join(command))


def analyze_warc_partition(command, name):
    """mapPartitions over (URI, bytes) of a WARC file: the archive is written
    to a local temporary file (claimtrail streams it record by record) and
    analysed; its records are renamed from the temporary file to the
    archive's own name."""

    def run(files):
        for _uri, data in files:
            suffix = ".warc.gz" if name.lower().endswith(".gz") else ".warc"
            with tempfile.TemporaryDirectory() as tmp:
                local = os.path.join(tmp, "archive" + suffix)
                with open(local, "wb") as f:
                    f.write(data)
                # claimtrail's errors name the temporary file: say which archive it is.
                print(f"analyze_archive: {name} is analysed as {local}", file=sys.stderr)
                cmd = command + [local, "--input-format", "warc"]
                # The analysis streams out: an archive's may not fit in memory.
                with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, encoding="utf-8") as proc:
                    for line in proc.stdout:
                        yield rename(line.rstrip("\n"), local, name)

    return run


def rename(line, local, name):
    """An analysis line whose document path names `local` renamed to `name`."""
    article = json.loads(line)
    path = article["document"].get("path") or ""
    if path.startswith(local):
        article["document"]["path"] = name + path[len(local):]
    return json.dumps(article, ensure_ascii=False)


def warc_rdd(sc, uri, name, command):
    """The analysis of one WARC file (one partition: `binaryFiles` holds a
    file whole)."""
    archive = sc.binaryFiles(uri)
    return archive.mapPartitions(analyze_warc_partition(command, name))


def ingest(binary, db, lines):
    """Streams analysis lines, in order, into `claimtrail ingest --analyzed -`."""
    proc = subprocess.Popen([binary, "ingest", "--analyzed", "-", "--db", db], stdin=subprocess.PIPE, text=True, encoding="utf-8")
    for line in lines:
        proc.stdin.write(line + "\n")
    proc.stdin.close()
    return proc.wait()


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    conf = SparkConf().setAppName("claimtrail analyze_archive")
    if args.master:
        conf.setMaster(args.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel(os.environ.get("SPARK_LOG_LEVEL", "WARN"))
    binary = args.claimtrail or sc.getConf().get("spark.claimtrail.bin", "claimtrail")
    parts = []
    for pattern in args.input:
        for uri, name in list_files(sc, pattern):
            if name.lower().endswith(WARC_SUFFIXES):
                parts.append(warc_rdd(sc, uri, name, analyze_command(binary, args, [])))
            else:
                command = analyze_command(binary, args, ["-", "--input-format", "jsonl"])
                parts.append(jsonl_rdd(sc, uri, name, command))
    started = time.monotonic()
    analysis = sc.union(parts).persist(StorageLevel.MEMORY_AND_DISK)
    analysis.saveAsTextFile(args.output)
    count = analysis.count()
    took = time.monotonic() - started
    print(f"analyze_archive: {count} articles analysed into {args.output} in {took:.1f} s", file=sys.stderr)
    code = 0
    if args.db:
        started = time.monotonic()
        code = ingest(args.ingest_bin or binary, args.db, analysis.toLocalIterator())
        took = time.monotonic() - started
        print(f"analyze_archive: loaded into {args.db} in {took:.1f} s", file=sys.stderr)
    sc.stop()
    return code


if __name__ == "__main__":
    sys.exit(main())
