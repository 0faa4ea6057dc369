#!/usr/bin/env bash
# Writes the PolNeAR train and dev texts as JSON Lines, one record per
# article, for `cargo bench --bench pipeline -- --corpus FILE`.
#
#   bench/polnear-jsonl.sh [OUT] [POLNEAR_DIR]
#
# The texts stay outside the repository: OUT defaults to a file in /tmp.
set -euo pipefail
out="${1:-/tmp/polnear-train-dev.jsonl}"
dir="${2:-$(dirname "$0")/../../shared/corpora/polnear}"
if [ ! -d "$dir/train/text" ]; then
  echo "no PolNeAR texts under $dir (expected $dir/train/text/*.txt)" >&2
  exit 2
fi
python3 - "$dir" "$out" <<'PY'
import json, pathlib, sys
root, out = pathlib.Path(sys.argv[1]), sys.argv[2]
n = 0
with open(out, "w", encoding="utf-8") as f:
    for split in ("train", "dev"):
        for p in sorted((root / split / "text").glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            f.write(json.dumps({"id": f"{split}/{p.stem}", "text": text}) + "\n")
            n += 1
print(f"wrote {n} articles to {out}", file=sys.stderr)
PY
