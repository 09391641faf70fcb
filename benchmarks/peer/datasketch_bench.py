#!/usr/bin/env python3
"""Side-by-side: datasketch MinHash + MinHashLSH over the SaudiNewsNet docs (not part of syndic).
usage: PYTHONPATH=<datasketch checkout> /usr/bin/python3 datasketch_bench.py DOCS_DIR --shingles c5|w3 --k 128 --threshold 0.5
Prints documents per second for: text -> MinHash (ordinary update_batch use), LSH insert, LSH query."""
import argparse, os, re, sys, time, unicodedata
from datasketch import MinHash, MinHashLSH

ap = argparse.ArgumentParser()
ap.add_argument("docs"); ap.add_argument("--shingles", default="c5"); ap.add_argument("--k", type=int, default=128)
ap.add_argument("--threshold", type=float, default=0.5); ap.add_argument("--repeat", type=int, default=3)
a = ap.parse_args()
TOK = re.compile(r"[^\W_]+")
def shingles(text):
    t = unicodedata.normalize("NFKC", text).lower()
    n = int(a.shingles[1:])
    if a.shingles[0] == "w":
        w = TOK.findall(t)
        return {" ".join(w[i:i+n]).encode("utf8") for i in range(max(1, len(w)-n+1))}
    s = " ".join(TOK.findall(t))
    return {s[i:i+n].encode("utf8") for i in range(max(1, len(s)-n+1))}
names = sorted(os.listdir(a.docs))
texts = [open(os.path.join(a.docs, f), encoding="utf-8").read() for f in names]
best = {}
for rep in range(a.repeat):
    t0 = time.perf_counter()
    mhs = []
    for t in texts:
        m = MinHash(num_perm=a.k)
        m.update_batch(list(shingles(t)))
        mhs.append(m)
    t1 = time.perf_counter()
    lsh = MinHashLSH(threshold=a.threshold, num_perm=a.k)
    for i, m in enumerate(mhs):
        lsh.insert(names[i], m)
    t2 = time.perf_counter()
    for m in mhs:
        lsh.query(m)
    t3 = time.perf_counter()
    for k, v in (("sign", t1 - t0), ("insert", t2 - t1), ("query", t3 - t2), ("total", t3 - t0)):
        best[k] = min(best.get(k, 1e9), v)
n = len(texts)
print("datasketch docs=%d shingles=%s k=%d threshold=%.2f bands=%d rows=%d" % (n, a.shingles, a.k, a.threshold, lsh.b, lsh.r))
for k, v in best.items():
    print("%-7s %9.1f docs/s  %8.1f us/doc" % (k, n / v, v / n * 1e6))
