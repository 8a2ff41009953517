#!/usr/bin/python3
"""Topic coherence and diversity of a scikit-learn run of sk_topics.py, in topicmill's terms.

usage: sk_scores.py CORPUS RESULT.json TOPWORDS.txt
RESULT.json is sk_topics.py's output, TOPWORDS.txt its stderr with --top 25 ("topic N: w1 w2 ...").
Prints RESULT.json with "coherence" (mean NPMI of each topic's top 10 words over the documents
they occur in, as topicmill's cluster.Coherence) and "diversity" (share of distinct words among
all topics' top 25, as cluster.Diversity) added.
"""
import json, math, os, sys
from sklearn.feature_extraction.text import CountVectorizer

root, result, topfile = sys.argv[1:4]
out = json.load(open(result))
topics = [l.split(":", 1)[1].split() for l in open(topfile) if l.startswith("topic ")]
words = sorted({w for t in topics for w in t})
out["diversity"] = round(len({w for t in topics for w in t}) / max(1, sum(len(t) for t in topics)), 4)

docs = []
for dirpath, _, files in sorted(os.walk(root)):
    for f in sorted(files):
        if f.endswith(".txt") and f != "SOURCE.txt":
            with open(os.path.join(dirpath, f), encoding="utf-8", errors="replace") as fh:
                docs.append(fh.read())
X = CountVectorizer(vocabulary=words, binary=True).fit_transform(docs).tocsc()
n = X.shape[0]
post = {w: set(X[:, i].indices) for i, w in enumerate(words)}


def npmi(a, b):
    ab = len(post[a] & post[b])
    if ab == 0:
        return -1.0
    pab = ab / n
    if pab >= 1:
        return 1.0
    return math.log(pab / (len(post[a]) / n * len(post[b]) / n)) / -math.log(pab)


coh = []
for t in topics:
    top = t[:10]
    pairs = [npmi(top[i], top[j]) for i in range(len(top)) for j in range(i + 1, len(top))]
    coh.append(sum(pairs) / len(pairs) if pairs else 0.0)
out["coherence"] = round(sum(coh) / max(1, len(coh)), 4)
print(json.dumps(out))
