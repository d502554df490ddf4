#!/usr/bin/env python3
"""Prototype (numpy only, not the product): can a model of DDXPlus's reference differential raise the
reference top-5 F1 of the predicted differential without changing the top-1 diagnosis?

5-fold CV over all 1,827 patients of ../shared/data/ddxplus/patients.csv (its own seeded folds, not the product's
split). Two softmax regressions on the same one-hot encoding (every token, age/100, sex): "hard" on the diagnosis,
"soft" on the normalised reference differential (soft labels). Prints top-1 and reference top-5 P/R/F1 for the
hard model, the hard model restricted by the release's condition profiles (as CommonModel does), and the
mixture (1-lam)*hard + lam*soft. Usage: python3 bench/ddxplus_reference_differential.py  (about 1 CPU-minute)
"""
import ast, csv, json, os
import numpy as np

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "ddxplus")
cond = json.load(open(os.path.join(D, "release_conditions.json")))
rows = list(csv.DictReader(open(os.path.join(D, "patients.csv"))))
classes = sorted(cond); ci = {n: i for i, n in enumerate(classes)}
toks = sorted({t for r in rows for t in ast.literal_eval(r["features"])}); ti = {t: i for i, t in enumerate(toks)}
N, K = len(rows), len(classes)
X = np.zeros((N, len(toks) + 2)); Y = np.zeros(N, int); R = np.zeros((N, K)); M = np.zeros((N, K)); refs = []
for n, r in enumerate(rows):
    feats = ast.literal_eval(r["features"])
    for t in feats:
        X[n, ti[t]] = 1
    X[n, -2] = float(r["age"]) / 100; X[n, -1] = r["sex"] == "M"
    Y[n] = ci[r["diagnosis"]]
    ref = ast.literal_eval(r["top5_diagnoses"]); refs.append([x[0] for x in ref[:5]])
    for name, p in ref:
        R[n, ci[name]] = p
    R[n] /= R[n].sum()
    shown = {t.split("_@_")[0] for t in feats}
    M[n] = [1.0 if shown <= set(cond[c]["symptoms"]) | set(cond[c]["antecedents"]) else 1e-3 for c in classes]


def fit(x, t, epochs=300, lr=0.5, l2=1e-4):
    xb = np.hstack([x, np.ones((len(x), 1))]); w = np.zeros((xb.shape[1], K))
    for _ in range(epochs):
        z = xb @ w; z -= z.max(1, keepdims=True); p = np.exp(z); p /= p.sum(1, keepdims=True)
        w -= lr * (xb.T @ (p - t) / len(x) + l2 * w)
    return w


def predict(w, x):
    z = np.hstack([x, np.ones((len(x), 1))]) @ w; z -= z.max(1, keepdims=True); p = np.exp(z)
    return p / p.sum(1, keepdims=True)


def report(label, p):
    prec = rec = 0.0
    for i in range(N):
        top = [classes[k] for k in np.argsort(-p[i], kind="stable")[:5]]
        hits = sum(c in refs[i] for c in top); prec += hits / 5; rec += hits / len(refs[i])
    prec /= N; rec /= N
    print(f"{label:34s} top1 {(p.argmax(1) == Y).mean():.4f}  reference top-5 P/R/F1 {prec:.3f}/{rec:.3f}/{2 * prec * rec / (prec + rec):.3f}")


fold = np.random.default_rng(1).permutation(N) % 5
hard = np.zeros((N, K)); soft = np.zeros((N, K))
for f in range(5):
    tr, te = fold != f, fold == f
    hard[te] = predict(fit(X[tr], np.eye(K)[Y[tr]]), X[te]); soft[te] = predict(fit(X[tr], R[tr]), X[te])
restricted = hard * M; restricted /= restricted.sum(1, keepdims=True)
report("hard", hard)
report("hard + profiles", restricted)
report("soft (reference model) alone", soft)
for lam in (0.02, 0.05, 0.1):
    report(f"(1-{lam})*(hard+profiles) + {lam}*soft", (1 - lam) * restricted + lam * soft)
