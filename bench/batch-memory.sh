#!/usr/bin/env bash
# Peak memory of batch mode on a large JSON Lines input.
#
#   bench/batch-memory.sh [MB] [THREADS]     # default: 1000 MB, one thread per core
#
# Writes MB of the generated bench corpus to a temporary file, runs the
# release binary over it under /usr/bin/time -v, and prints the maximum
# resident set size. The target is under 200 MB for a 1 GB input.
set -euo pipefail
mb="${1:-1000}"
threads="${2:-$(nproc)}"
cd "$(dirname "$0")/.."
corpus="$(mktemp --suffix=.jsonl)"
trap 'rm -f "$corpus"' EXIT
cargo bench --quiet --bench pipeline -- --write-corpus "$corpus" --mb "$mb"
bin=target/release/quotecheck
[ -x "$bin" ] || cargo build --quiet --release
size=$(stat -c %s "$corpus")
report="$(mktemp)"
start=$(date +%s.%N)
/usr/bin/time -v "$bin" analyze --jsonl --threads "$threads" "$corpus" 2>"$report" | wc -l >"$report.lines"
end=$(date +%s.%N)
lines=$(cat "$report.lines")
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$report")
rm -f "$report" "$report.lines"
awk -v size="$size" -v rss="$rss_kb" -v secs="$(echo "$end - $start" | bc)" -v lines="$lines" -v t="$threads" 'BEGIN {
  printf "input: %.1f MB of JSON Lines, %d output lines, %d thread(s)\n", size / 1e6, lines, t;
  printf "time: %.1f s (%.1f MB/s)\n", secs, size / 1e6 / secs;
  printf "maximum resident set size: %.1f MB (target < 200 MB)\n", rss / 1e3;
  exit (rss / 1e3 < 200 ? 0 : 1)
}'
