#!/usr/bin/env bash
# Usage: bench-vectorize.sh BIN CORPUS OUT
# Vectorizes CORPUS with topicmill and with scikit-learn's load +
# TfidfVectorizer (../shared/bench/sk_topics.py, whose NMF is cut to one
# iteration and not counted), three times each, and prints the medians.
set -euo pipefail
bin=$1 corpus=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
sk=${SK_TOPICS:-$here/../../shared/bench/sk_topics.py}
mkdir -p "$out"
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 1; }
docs=$(find "$corpus" -name '*.txt' ! -name SOURCE.txt | wc -l)
mb=$(du -sb --exclude=SOURCE.txt "$corpus" | awk '{print $1/1e6}')
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

tm=() rss=() inner=()
for i in 1 2 3; do
  /usr/bin/time -f '%e %M' -o "$out/time.txt" "$bin" vectorize "$corpus" --exclude SOURCE.txt --out "$out/vectorize" 2>"$out/stderr.txt" >/dev/null
  read -r wall kb < "$out/time.txt"
  tm+=("$wall"); rss+=("$kb")
  inner+=("$(sed -n 's/^timings: vectorize \([0-9.]*\)s.*/\1/p' "$out/stderr.txt")")
done
t=$(printf '%s\n' "${tm[@]}" | median)
r=$(printf '%s\n' "${rss[@]}" | median)
v=$(printf '%s\n' "${inner[@]}" | median)
echo "topicmill vectorize: median ${t}s of (${tm[*]}), $(awk -v d="$docs" -v t="$t" 'BEGIN{printf "%.0f", d/t}') docs/s, $(awk -v m="$mb" -v t="$t" 'BEGIN{printf "%.1f", m/t}') MB/s, peak RSS $((r / 1024)) MB"
echo "  of which reading + vectorizing (no output written): median ${v}s of (${inner[*]})"

if [ -x "${PYTHON:-/usr/bin/python3}" ] && [ -f "$sk" ]; then
  st=()
  for i in 1 2 3; do
    json=$("${PYTHON:-/usr/bin/python3}" "$sk" "$corpus" --k 1 --max-iter 1 2>/dev/null)
    st+=("$(echo "$json" | "${PYTHON:-/usr/bin/python3}" -c 'import json,sys; j=json.load(sys.stdin); print(j["load_s"]+j["vectorize_s"])')")
  done
  s=$(printf '%s\n' "${st[@]}" | median)
  echo "scikit-learn load + TfidfVectorizer: median ${s}s of (${st[*]})"
  echo "speed-up: $(awk -v s="$s" -v t="$t" 'BEGIN{printf "%.2f", s/t}')x for the whole command, $(awk -v s="$s" -v v="$v" 'BEGIN{printf "%.2f", s/v}')x for reading + vectorizing alone (scikit-learn writes nothing)"
fi
