#!/usr/bin/env bash
# Usage: bench-quality.sh BIN CORPORA OUT [topicmill flags...]
# topicmill run with its defaults (plus any flags given) on labelled
# corpora, next to scikit-learn's sk_topics.py with both losses: NMI, ARI,
# Hungarian accuracy, mean NPMI coherence of the top 10 words, topic
# diversity (distinct words among the top 25), wall time and peak RSS.
# CORPORA holds 20news-bydate and sms-spam (../shared/corpora); the demo
# corpus is testdata/demo. Set SK=0 to leave scikit-learn out, RUNS=N to
# take the median wall time of N runs.
set -euo pipefail
bin=$1 corpora=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
sk=${SK_TOPICS:-$here/../../shared/bench/sk_topics.py}
py=${PYTHON:-/usr/bin/python3}
runs=${RUNS:-1}
mkdir -p "$out"

# row NAME JSON TIMES: one line of the table; TIMES holds "wall KB" lines.
row() {
  "$py" - "$@" <<'PY'
import json, statistics, sys
name, res, times = sys.argv[1:4]
j = json.load(open(res))
s = j.get("scores", j)
t = [l.split() for l in open(times) if l.strip()]
wall = statistics.median(float(w) for w, _ in t)
rss = max(int(kb) for _, kb in t) / 1024
print(f"  {name:<26} NMI {s['nmi']:.3f}  ARI {s['ari']:.3f}  acc {s.get('accuracy', s.get('acc')):.3f}"
      f"  coh {j['coherence']:.3f}  div {j['diversity']:.3f}  wall {wall:6.2f}s  RSS {rss:5.0f} MB")
PY
}

for spec in "$corpora/20news-bydate:20" "$corpora/sms-spam:2" "$corpora/sms-spam:10" "$here/../testdata/demo:6"; do
  corpus=${spec%:*} k=${spec##*:}
  name=$(basename "$corpus")-k$k
  [ -d "$corpus" ] || { echo "$name: no corpus at $corpus, skipped"; continue; }
  echo "$name"
  : >"$out/$name.time"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -a -o "$out/$name.time" "$bin" run "$corpus" --exclude SOURCE.txt --k "$k" "$@" \
      --out "$out/$name" --json --quiet >"$out/$name.json"
  done
  row "topicmill (defaults)" "$out/$name.json" "$out/$name.time"
  [ "${SK:-1}" = 0 ] && continue
  for loss in frobenius kullback-leibler; do
    : >"$out/$name-sk-$loss.time"
    for _ in $(seq "$runs"); do
      /usr/bin/time -f '%e %M' -a -o "$out/$name-sk-$loss.time" "$py" "$sk" "$corpus" --k "$k" --loss "$loss" --top 25 \
        >"$out/$name-sk-$loss.raw" 2>"$out/$name-sk-$loss.top"
    done
    "$py" "$here/sk_scores.py" "$corpus" "$out/$name-sk-$loss.raw" "$out/$name-sk-$loss.top" >"$out/$name-sk-$loss.json"
    row "scikit-learn $loss" "$out/$name-sk-$loss.json" "$out/$name-sk-$loss.time"
  done
done
