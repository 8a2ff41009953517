#!/usr/bin/env bash
# Usage: bench-scale.sh BIN OUT [SIZES...]
# topicmill run with defaults (k = 20) on generated corpora of each size
# (../shared/bench/gen_corpus.py; the first N rows of a larger file equal
# the smaller one, so one file of the largest size serves every size):
# per size, read + tokenize, vocabulary, fit (iterations), assign, write,
# whole wall, peak RSS, NMI and wall time per non-zero. With SKLEARN=1 it
# runs sk_topics.py --csv on the same files side by side (SKLOSS, default
# frobenius: its fast 'cd' solver).
set -euo pipefail
bin=$1 out=$2
shift 2
sizes=${*:-10000 100000 300000 1000000}
here=$(cd "$(dirname "$0")" && pwd)
bench=${BENCH:-$here/../../shared/bench}
py=${PYTHON:-/usr/bin/python3}
mkdir -p "$out"
largest=$(printf '%s\n' $sizes | sort -n | tail -1)
corpus=$out/gen-$largest.csv
[ -f "$corpus" ] || "$py" "$bench/gen_corpus.py" --docs "$largest" --out "$corpus" >&2
printf '%-9s %8s %7s %7s %9s %7s %6s %7s %8s %6s %12s\n' docs nnz read vocab 'fit(it)' assign other wall peakMB NMI 'ns/nnz'
for n in $sizes; do
  file=$out/gen-$n.csv
  [ -f "$file" ] || head -n $((n + 1)) "$corpus" >"$file" # header + n rows (no text spans lines)
  /usr/bin/time -f '%e %M' -o "$out/time-$n.txt" "$bin" run "$file" --k 20 --out "$out/run-$n" --json >"$out/run-$n.json" 2>/dev/null
  "$py" - "$out/run-$n.json" "$out/time-$n.txt" "$n" <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); wall, kb = open(sys.argv[2]).read().split()
s = j["seconds"]; nnz = j["corpus_nonzeros"]
fit = s.get("factorization", 0); asg = s.get("assigning the documents outside the sample", 0)
write = float(wall) - sum(s.values())
print("%-9s %8d %7.1f %7.1f %5.1f(%2d) %7.1f %6.1f %7.1f %8.0f %6.3f %12.1f" % (
    sys.argv[3], nnz, s["read and tokenize"], s["vocabulary and TF-IDF"], fit, j["iterations"],
    asg, write, float(wall), int(kb) / 1024, j["scores"]["nmi"], 1e9 * float(wall) / nnz))
PY
  if [ "${SKLEARN:-0}" = 1 ]; then
    /usr/bin/time -f '%e %M' -o "$out/sk-time-$n.txt" "$py" "$bench/sk_topics.py" --csv "$file" --k 20 --loss "${SKLOSS:-frobenius}" >"$out/sk-$n.json" 2>/dev/null || true
    "$py" -c 'import json,sys; j=json.load(open(sys.argv[1])); w,kb=open(sys.argv[2]).read().split(); print("  scikit-learn: wall %ss, peak %.0f MB, NMI %s" % (w, int(kb)/1024, j.get("nmi")))' "$out/sk-$n.json" "$out/sk-time-$n.txt" || true
  fi
done
