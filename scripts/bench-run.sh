#!/usr/bin/env bash
# Usage: bench-run.sh BIN CORPUS OUT [topicmill flags...]
# The whole pipeline on CORPUS, k = 20, by topicmill and by scikit-learn
# (sk_topics.py: TfidfVectorizer + NMF), for both losses: wall time and the
# clustering scores against the folder labels, one line each.
set -euo pipefail
bin=$1 corpus=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
sk=${SK_TOPICS:-$here/../../shared/bench/sk_topics.py}
py=${PYTHON:-/usr/bin/python3}
k=${K:-20}
mkdir -p "$out"
for loss in frobenius kullback-leibler; do
  /usr/bin/time -f '%e' -o "$out/time.txt" "$bin" run "$corpus" --exclude SOURCE.txt --k "$k" --loss "$loss" "$@" --out "$out/run-$loss" >"$out/run-$loss.txt" 2>/dev/null
  echo "topicmill    $loss: wall $(cat "$out/time.txt")s, $(grep '^scores' "$out/run-$loss.txt")"
  /usr/bin/time -f '%e' -o "$out/time.txt" "$py" "$sk" "$corpus" --k "$k" --loss "$loss" >"$out/sk-$loss.json"
  "$py" -c 'import json,sys; j=json.load(open(sys.argv[1])); print("scikit-learn {loss}: wall {w}s (load {load_s}s, vectorize {vectorize_s}s, fit {fit_s}s), NMI {nmi}  ARI {ari}  accuracy {acc}".format(w=sys.argv[2], **j))' "$out/sk-$loss.json" "$(cat "$out/time.txt")"
done
