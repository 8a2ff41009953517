#!/usr/bin/env bash
# Usage: bench-factor.sh BIN CORPUS OUT
# Vectorizes CORPUS once, then factors its X.mtx with k = 20 by topicmill
# and by scikit-learn (sk_topics.py --mtx), for both losses, and prints the
# fit times and the final objectives in the same units
# (½‖X − WH‖²_F, and the generalized KL divergence D(X‖WH)).
set -euo pipefail
bin=$1 corpus=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
sk=${SK_TOPICS:-$here/../../shared/bench/sk_topics.py}
py=${PYTHON:-/usr/bin/python3}
k=${K:-20}
mkdir -p "$out"
[ -f "$out/vectorize/X.mtx" ] || "$bin" vectorize "$corpus" --exclude SOURCE.txt --out "$out/vectorize" >/dev/null
x=$out/vectorize/X.mtx
for loss in frobenius kullback-leibler; do
  echo "== $loss, k = $k"
  /usr/bin/time -f '%e' -o "$out/time.txt" "$bin" factor "$x" --k "$k" --loss "$loss" --out "$out/factor-$loss" | tee "$out/factor-$loss.txt"
  echo "topicmill wall (read + fit + write): $(cat "$out/time.txt")s"
  "$py" "$sk" - --mtx "$x" --k "$k" --loss "$loss" | tee "$out/sk-$loss.json" |
    "$py" -c 'import json,sys; j=json.load(sys.stdin); print("scikit-learn {solver}: fit {fit_s}s, {n_iter} iterations, objective {objective_topicmill_units:.10g}".format(**j))'
done
