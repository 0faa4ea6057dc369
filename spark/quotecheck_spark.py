#!/usr/bin/env python3
"""Run quotecheck over a JSON Lines archive with Spark.

    python spark/quotecheck_spark.py --input 'archive/*.jsonl' --output results \
        --bin target/release/quotecheck [--master local[2]] [--partitions N]

Each Spark task streams its partition's lines through one
`quotecheck analyze --jsonl --threads 1` process (the binary is shipped to
the executors with `SparkContext.addFile`) and yields its output lines, one
per input record, in order. The output folder holds the usual `part-*`
files of JSON Lines: `{"type":"analysis",...}` and `{"type":"error",...}`
messages, as the CLI writes them. `line` numbers count within a partition;
use the record `id` to join results back to the archive.

Prints the number of analyses and errors at the end. Exit code 1 if any
record failed, like the CLI.
"""

import argparse
import json
import os
import subprocess
import sys
import threading


def analyse_partition(lines, threads=1):
    """Streams one partition through the quotecheck binary."""
    from pyspark import SparkFiles

    binary = SparkFiles.get("quotecheck")
    if not os.access(binary, os.X_OK):
        os.chmod(binary, 0o755)
    proc = subprocess.Popen(
        [binary, "analyze", "--jsonl", "--threads", str(threads)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line.encode("utf-8", "surrogatepass") + b"\n")
        finally:
            proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for line in proc.stdout:
        yield line.decode("utf-8").rstrip("\n")
    writer.join()
    code = proc.wait()
    if code not in (0, 1):  # 1 only means some records failed
        raise RuntimeError(f"quotecheck exited with {code}")


def main():
    parser = argparse.ArgumentParser(description="quotecheck over JSON Lines on Spark")
    parser.add_argument("--input", required=True, help="JSON Lines file(s), any Spark path or glob")
    parser.add_argument("--output", required=True, help="output folder (must not exist)")
    parser.add_argument("--bin", required=True, help="the quotecheck binary to ship")
    parser.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("quotecheck")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    sc.addFile(os.path.abspath(args.bin))

    records = sc.textFile(args.input, minPartitions=args.partitions)
    results = records.mapPartitions(analyse_partition).cache()
    results.saveAsTextFile(args.output)
    counts = (results.map(lambda line: json.loads(line).get("type", "?"))
              .countByValue())
    analyses, errors = counts.get("analysis", 0), counts.get("error", 0)
    print(f"quotecheck on spark: {analyses} analyses, {errors} errors -> {args.output}")
    spark.stop()
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
