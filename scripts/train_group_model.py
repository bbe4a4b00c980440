"""Train the learned Need Group reading on eval/dev/needgroups.jsonl; judge it by source.

Run: python scripts/train_group_model.py [--check] [--wide] [--out FILE] [--predictions FILE]
(or `make group-model`; `--predictions` writes each dev row's out-of-fold placement)
Exploring: ``--vectors none need+whole`` and ``--l2 0.003`` measure fewer configurations
(the second model needs "none" and a vector choice to be measured together).

Why by source: rows from one published source share its wording, so a random split
flatters a model that learns the source's phrases. Each source (its ``src`` less any
"(adapted...)" note; "written for this set" is one source) is dealt, by a hash of its
name, into one of FOLDS folds; each fold is held out in turn, the model is trained on the
other folds' sources, and the held-out needs are suggested with it, so no source is ever
both trained on and judged (leave-sources-out: exact leave-one-source-out over some 200
sources costs some 200 trainings, too slow on a shared machine for a trainer's loop).
The figures compare (a) the rules alone, (b) the model alone and (c) ways to join them
(the model where the rules find nothing; the rules where their best theme is strong,
else the model; a blend of the model's probabilities and the rules' score shares; a
stacked join, a few weights on the model's log probability and the rules' scores fitted
to the out-of-fold probabilities and itself judged fold by fold, so no row is placed by
weights fitted to it), each
with or without the rules' scores among the model's features, and with or without a
floor on the model's probability. The join with the best accuracy that gives no more
null-theme rows (needs the group should place itself) a theme than the rules do is
written to framework/needgroups-model.json, with the model trained on all of dev.

Caveat printed with the table: the rules were tuned on these dev rows, so their figure
here is their dev figure and flatters them (and every join that leans on them); only the
model's own part is judged on sources it never saw.

Only ``eval/dev`` is read: never train or tune on ``eval/heldout``. Deterministic: the
same rows give the same file, byte for byte (``--check`` verifies the shipped one).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.content import Content  # noqa: E402
from assistant.needgroups.evaluate import read_set  # noqa: E402
from assistant.needgroups.learned import (  # noqa: E402
    FEATURE_VERSION,
    MODEL_FILE,
    NONE,
    Decision,
    choose,
    fallback_pick,
    features,
    is_read,
    softmax,
    stack_features,
    unlearned,
    vector_texts,
)
from assistant.needgroups.suggest import Analyzer, Suggester, coach_kinds, load_coach  # noqa: E402
from assistant.needgroups.themes import load_themes  # noqa: E402
from assistant.vectors import load_vectors  # noqa: E402

DEV = ROOT / "eval" / "dev" / "needgroups.jsonl"
MIN_COUNT = 2  # a feature seen in fewer training rows says nothing general
# Tried by LOSO; the best is kept. At 27ca2e3 the weakest tried (0.003) was chosen and the
# strongest (0.03) led no join in the table, so the grid moved down a step (0.001 in, 0.03
# out): the same number of trainings, on the side the figures point to.
L2 = (0.001, 0.003, 0.01)
ITERATIONS = 200
FOLDS = 20  # sources are dealt into this many folds by a hash of their name
# The rules' best score at which their theme stands against the words' model. Not 3: at
# 1758 rows "rules if best >= 3" won leave-sources-out by one row (1528 against 1527), but let the
# model overrule a theme phrase or act the rules read (2: "shouting at Mum" is domestic
# abuse, "belittling Child 2" is parenting), which the behaviour tests hold; a phrase the
# rules found stands, and the model may weigh in only where single words decided. Not 2
# either: at 1858 rows "rules if best >= 2" was chosen (1615 of 1858) and sent themes.yml's
# own "sit still in circle time" (1.92: a phrase or an act at the head scores 1.5 or more)
# to school.
THRESHOLDS = (0.5, 0.75, 1.0, 1.25, 1.5)
ALPHAS = (0.1, 0.2, 0.5, 1.0, 2.0)
MIN_PROBS = (0.0, 0.5, 0.6, 0.7, 0.8)
# The floors tried for the second model (``Decision.fallback``): the words' join with the
# rules, and, where the rules find no theme word in a need the reader read, a model that
# reads meaning vectors too, its choice standing at this probability or more. Never under
# 0.5 (its choice more likely than all the others together): at 0.4, chosen by a hair
# (1138 against 1135 of 1270), it placed "Child 1 needs to whistle a tune." (0.43) that
# fits no theme; a need with no theme word is the group's unless the model is sure.
FALLBACK_PROBS = (0.5, 0.6, 0.7, 0.8)
# The meaning vectors tried (none: the words alone), and the length each unit vector is
# scaled to: a need's vector then weighs like a few of its words at the start of training.
VECTOR_CHOICES: tuple[tuple[str, ...], ...] = ((), ("need",), ("need", "whole"))
VECTOR_SCALE = 4.0
# What is measured by default: the words alone (every model chosen since 27ca2e3 left the
# rules' scores out) with each vector choice, at one L2 (DEFAULT_L2).
# Each training reads dense vectors now, so the whole grid (``--wide``: with and without
# the rules' scores, every L2) takes about three times as long.
GRID = [(False, parts) for parts in VECTOR_CHOICES]
# The stacked join's fit (``fit_stack``): a few weights on many rows, lightly held.
STACK_L2 = 0.01
STACK_ITERATIONS = 500
# What is added to "no theme"'s stacked score, tried as the floors of the other joins are:
# the fit weighs the log loss, not the count of right rows, and "no theme" is rare
# among the rows that reach the model (27 of 1701) but costs a row wherever it is missed.
NONE_OFFSETS = (0.0, 0.5, 1.0)
# The stacked join's two floors, fixed rather than chosen. The rules' theme stands at a
# best score of STACK_THRESHOLD or more (the cut-off of the strong join chosen since
# 1858 rows): with none, the stack won leave-sources-out by two rows at 2074 (1821 against
# 1819, the second model joined at p 0.5) but sent themes.yml's own "sit still in circle
# time" (1.92) and "Tanvir ... late for school because Mum oversleeps" (1.60) elsewhere.
# The model moves a need off the rules' choice only at STACK_MIN_PROB or more: at 0 the
# stack placed "Ollie needs his dad to take responsibility for him at weekends" (no theme
# word) as young caring at p 0.30 and read "his tiredness prevents him reading to the
# twins" as domestic abuse at 0.34, which the theme tests hold against; 0.4 costs 10 rows
# leave-sources-out (1809 against 1819), 0.5 costs 20.
STACK_THRESHOLD = 1.25
STACK_MIN_PROB = 0.4
WIDE_GRID = [(with_rules, parts) for with_rules in (True, False) for parts in VECTOR_CHOICES]
# 0.001 since the stacked join: out of fold at 2074 rows its words-and-vectors model scored
# 1847 right at L2 0.0003 and 0.001, 1834 at 0.003 and 1832 at 0.01 (the step down from
# 0.003 is the one the last sessions' runs pointed to; below 0.001 nothing more is won).
DEFAULT_L2 = (0.001,)


def has_floor(decision: Decision) -> bool:
    """Whether the words' model must reach STACK_MIN_PROB to overturn the rules' choice
    (their "no theme" included): the rules alone, or a join whose floor is that high (the
    blend weighs probabilities with the rules' share and has none)."""
    return decision.policy == "rules" or (decision.policy != "blend"
                                          and decision.min_prob >= STACK_MIN_PROB)


def source(src: str) -> str:
    """One source per publication: "X (adapted)" and "X" are the same source."""
    return re.sub(r"\s*\((adapted|as written)[^)]*\)\s*$", "", src.strip()).strip()


def train(rows: list[dict[str, float]], labels: list[int], classes: int, l2: float,
          dense: np.ndarray | None = None, iterations: int = ITERATIONS
          ) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Multinomial logistic regression with L2 by full-batch accelerated gradient
    descent from zero (deterministic: no sampling). The vocabulary is the features seen
    in at least MIN_COUNT rows of ``rows``, so a held-out source never shapes it.
    ``dense`` (one row per need: its scaled meaning vectors side by side) is read with
    the sparse features; its weights are returned apart (zero columns when None)."""
    dense = np.zeros((len(rows), 0)) if dense is None else dense
    seen: Counter[str] = Counter(f for r in rows for f in r)
    vocab = sorted(f for f, n in seen.items() if n >= MIN_COUNT)
    col = {f: n for n, f in enumerate(vocab)}
    # The rows as sparse triples (a need has a few dozen features of thousands): the
    # products below are gathers and segment sums, so a LOSO run takes seconds.
    triples = sorted((i, col[f], v) for i, r in enumerate(rows) for f, v in r.items()
                     if f in col)
    ri = np.array([t[0] for t in triples], dtype=np.int64)
    ci = np.array([t[1] for t in triples], dtype=np.int64)
    val = np.array([t[2] for t in triples])
    n, m = len(rows), len(vocab)
    d = dense.shape[1]
    by_col = np.argsort(ci, kind="stable")
    c_sorted, r_by_col, v_by_col = ci[by_col], ri[by_col], val[by_col]
    row_ids, row_starts = np.unique(ri, return_index=True)
    col_ids, col_starts = np.unique(c_sorted, return_index=True)

    def times(wl: np.ndarray) -> np.ndarray:  # x @ wl (sparse rows, then dense)
        out = dense @ wl[m:] if d else np.zeros((n, wl.shape[1]))
        if len(ri):
            out[row_ids] += np.add.reduceat(wl[ci] * val[:, None], row_starts)
        return out

    def t_times(g: np.ndarray) -> np.ndarray:  # x.T @ g
        out = np.zeros((m + d, g.shape[1]))
        if len(ri):
            out[col_ids] = np.add.reduceat(g[r_by_col] * v_by_col[:, None], col_starts)
        if d:
            out[m:] = dense.T @ g
        return out

    y = np.zeros((n, classes))
    y[np.arange(n), labels] = 1.0
    # step size from the curvature bound of the mean softmax loss (power iteration)
    v = np.ones((m + d, 1)) / np.sqrt(max(m + d, 1))
    for _ in range(30):
        v = t_times(times(v)) / n
        v /= np.linalg.norm(v) or 1.0
    top = float((v[:, 0] @ t_times(times(v))[:, 0]) / n)
    step = 1.0 / (0.5 * (top + 1.0) + l2)
    w = np.zeros((m + d, classes))
    b = np.zeros(classes)
    w_prev, b_prev = w.copy(), b.copy()
    for t in range(1, iterations + 1):
        mom = (t - 1) / (t + 2)
        wl, bl = w + mom * (w - w_prev), b + mom * (b - b_prev)
        z = times(wl) + bl
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / n
        w_prev, b_prev = w, b
        w = wl - step * (t_times(g) + l2 * wl)
        b = bl - step * g.sum(axis=0)
    return vocab, w[:m], w[m:], b


def fit_stack(x: np.ndarray, labels: np.ndarray) -> list[float]:
    """The stacked join's weights: a conditional logit over each row's classes (``x``:
    rows x classes x STACK_FEATURES), one weight per feature shared by every class, by
    full-batch gradient descent from zero (deterministic), rounded as stored."""
    w = np.zeros(x.shape[2])
    y = np.zeros(x.shape[:2])
    y[np.arange(len(labels)), labels] = 1.0
    for _ in range(STACK_ITERATIONS):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        w -= 0.5 * (np.einsum("nc,ncf->f", p - y, x) / len(labels) + STACK_L2 * w)
    return [round(float(v), 3) for v in w]


def predict(vocab: list[str], w: np.ndarray, b: np.ndarray,
            rows: list[dict[str, float]], wd: np.ndarray | None = None,
            dense: np.ndarray | None = None) -> list[list[float]]:
    col = {f: n for n, f in enumerate(vocab)}
    out = []
    for n, r in enumerate(rows):
        z = b.copy()
        if dense is not None and wd is not None and wd.shape[0]:
            z = z + dense[n] @ wd
        for f, v in r.items():
            if f in col:
                z = z + v * w[col[f]]
        out.append(softmax(list(z)))
    return out


def candidates(rule_features: bool, parts: tuple[str, ...] = ()) -> list[Decision]:
    out: list[Decision] = []
    vectors = list(parts)
    for q in MIN_PROBS:
        out += [Decision(policy="model", min_prob=q, rule_features=rule_features,
                         vectors=vectors),
                Decision(policy="fallback", min_prob=q, rule_features=rule_features,
                         vectors=vectors)]
        out += [Decision(policy="strong", threshold=t, min_prob=q,
                         rule_features=rule_features, vectors=vectors) for t in THRESHOLDS]
    out += [Decision(policy="blend", alpha=a, rule_features=rule_features, vectors=vectors)
            for a in ALPHAS]
    return out


def dense_of(encoded: dict[str, np.ndarray], analyses: list, at: list[int],
             parts: tuple[str, ...]) -> np.ndarray | None:
    """The scaled vectors of ``parts`` of the needs at ``at``, side by side (None: no
    vectors)."""
    if not parts:
        return None
    return np.array([np.concatenate([encoded[vector_texts(analyses[i])[p]] for p in parts])
                     for i in at], dtype=np.float64) * VECTOR_SCALE


def describe(d: Decision) -> str:
    if d.policy == "rules":
        return "(a) rules alone"
    if d.policy == "stack":
        text = "(e) stacked: model log p and rules' scores weighed"
        text += f", rules if best >= {d.threshold:g}" if d.threshold else ""
        text += f", +{d.none_offset:g} to no theme" if d.none_offset else ""
        text += ", rules stand on phrases, acts, unlearned words" if d.unlearned_stands \
            else ""
    elif d.policy == "strong":
        text = f"(c) rules if best >= {d.threshold:g}, else model"
    elif d.policy == "blend":
        text = f"(c) blend: model p + {d.alpha:g} x rules' share"
    else:
        text = {"model": "(b) model alone",
                "fallback": "(c) model where rules find nothing"}[d.policy]
    if d.min_prob:
        text += f", model if p >= {d.min_prob:g}"
    text += "" if d.rule_features else " [words only]"
    text += f" +vectors({'+'.join(d.vectors)})" if d.vectors else ""
    if d.fallback:
        text = (f"(d) {text.removeprefix('(c) ').removeprefix('(b) ').removeprefix('(e) ')}"
                "; where the rules "
                f"find nothing, +vectors({'+'.join(d.fallback)}) model if p >= "
                f"{d.fallback_prob:g}")
    return text


def weights_of(vocab: list[str], w: np.ndarray, classes: list[str]
               ) -> dict[str, dict[str, float]]:
    """The weights as stored: rounded, and the ones too small to matter left out."""
    out: dict[str, dict[str, float]] = {}
    for f, row in zip(vocab, w, strict=True):
        kept = {c: round(float(v), 3) for c, v in zip(classes, row, strict=True)
                if abs(v) >= 0.005}
        if kept:
            out[f] = kept
    return out


def dump(model: dict) -> str:
    """The file's text: the header indented, then one line per feature (a diff of a
    retrained model reads feature by feature)."""
    head = {k: v for k, v in model.items() if k not in ("weights", "vectors", "fallback")}
    text = json.dumps(head, indent=1, sort_keys=True, ensure_ascii=False)
    parts = [f' {json.dumps(part)}: [\n' + ",\n".join(
        f"  {json.dumps(row, separators=(',', ':'))}" for row in rows) + "\n ]"
        for part, rows in sorted(model.get("vectors", {}).items())]
    vectors = ',\n "vectors": {\n' + ",\n".join(parts) + "\n }" if parts else \
        ',\n "vectors": {}'
    lines = [f" {json.dumps(f, ensure_ascii=False)}: "
             f"{json.dumps(row, sort_keys=True, separators=(',', ':'))}"
             for f, row in sorted(model["weights"].items())]
    fallback = model.get("fallback")
    second = "" if fallback is None else ',\n "fallback": ' + "\n ".join(
        dump(fallback).rstrip("\n").split("\n"))
    return (text[:-2] + vectors + ',\n "weights": {\n' + ",\n".join(lines) + "\n }"
            + second + "\n}\n")


def weighed(vocab: list[str], w: np.ndarray) -> set[str]:
    """The features the stored file keeps (``weights_of``: some class's weight is not
    too small to matter), as run time sees them (:func:`unlearned`)."""
    return {f for f, row in zip(vocab, w, strict=True) if np.abs(row).max() >= 0.005}


def dense_weights(wd: np.ndarray, parts: tuple[str, ...] | list[str]
                  ) -> dict[str, list[list[float]]]:
    """Each vector part's weights as stored (rounded), one row per dimension."""
    dims = wd.shape[0] // max(len(parts), 1)
    return {p: [[round(float(v), 3) for v in row] for row in wd[k * dims:(k + 1) * dims]]
            for k, p in enumerate(parts)}


def second_weights(feats: list[dict[str, float]], label: list[int], classes_n: int,
                   l2: float, dense: np.ndarray | None, classes: list[str],
                   parts: tuple[str, ...]) -> dict:
    """The second model (``Decision.fallback``) trained on these rows, as stored."""
    return stored_second(*train(feats, label, classes_n, l2, dense), classes, parts)


def stored_second(vocab: list[str], w: np.ndarray, wd: np.ndarray, b: np.ndarray,
                  classes: list[str], parts: tuple[str, ...]) -> dict:
    """The second model's weights as the file holds them."""
    return {"bias": [round(float(v), 3) for v in b], "weights": weights_of(vocab, w, classes),
            "vector_scale": VECTOR_SCALE, "vectors": dense_weights(wd, parts)}


def check(path: Path, analyses: list, items: list[dict], learnable: list[int],
          label: list[int], classes: list[str], encoded: dict[str, np.ndarray],
          refit: bool = False) -> int:
    """Retrain with the stored file's join and L2 on the same rows and compare: the
    shipped weights must be what the trainer makes of the dev rows (deterministic).

    With ``refit``, write the retrained weights into the file instead, keeping its join
    and its leave-sources-out figures (``meta.refit`` says so). Why: a change to the
    coach that moves a few rows in or out of the model's reach (a need now read as a
    service gets no theme) needs new weights, not a new choice of join; the full run
    (without ``--check`` or ``--refit``) re-chooses and re-measures."""
    shipped = json.loads(path.read_text(encoding="utf-8"))
    decision = Decision.model_validate(shipped["decision"])
    feats = [features(analyses[i], items[i]["rule"], decision.rule_features)
             for i in learnable]
    parts = tuple(decision.vectors)
    vocab, w, wd, b = train(feats, label, len(classes), float(shipped["meta"]["l2"]),
                            dense_of(encoded, analyses, learnable, parts))
    same = (weights_of(vocab, w, classes) == shipped["weights"]
            and dense_weights(wd, parts) == shipped.get("vectors", {})
            and float(shipped.get("vector_scale", 0.0)) == (VECTOR_SCALE if parts else 0.0)
            and [round(float(v), 3) for v in b] == shipped["bias"]
            and classes == shipped["classes"])
    if decision.fallback:
        second = second_weights(feats, label, len(classes), float(shipped["meta"]["l2"]),
                                dense_of(encoded, analyses, learnable,
                                         tuple(decision.fallback)),
                                classes, tuple(decision.fallback))
        same = same and second == shipped.get("fallback")
    elif shipped.get("fallback") is not None:
        same = False
    if refit and shipped.get("feature_version") != FEATURE_VERSION:
        # the stacked join's weights were fitted to the out-of-fold probabilities of a
        # model on the old features: new features need them refitted (the full run)
        print(f"{path} was trained on features version {shipped.get('feature_version')}, "
              f"not {FEATURE_VERSION}: run `make group-model` (a refit keeps the join)")
        return 1
    if refit:
        shipped.update({"classes": classes, "bias": [round(float(v), 3) for v in b],
                        "weights": weights_of(vocab, w, classes),
                        "vector_scale": VECTOR_SCALE if parts else 0.0,
                        "vectors": dense_weights(wd, parts) if parts else {}})
        if decision.fallback:
            shipped["fallback"] = second
        shipped["meta"].update({"rows": len(items), "rows_to_model": len(learnable),
                                "refit": "weights retrained on these rows with the stored "
                                         "join; loso figures are from the last full run"})
        path.write_text(dump(shipped), encoding="utf-8")
        print(f"refit {path}: {len(learnable)} of {len(items)} rows reach the model")
        return 0
    print("the shipped model is what the trainer makes of the dev rows" if same else
          f"{path} is not what the trainer makes of the dev rows: run `make group-model`")
    return 0 if same else 1


def write_predictions(path: Path, rows: list[dict], items: list[dict],
                      got: dict[int, str | None], classes: list[str]) -> None:
    """The out-of-fold placements as JSON lines, and each theme's figures: rows whose
    gold it is, how many of them were placed there (recall), how many rows were placed
    there (precision's denominator)."""
    with path.open("w", encoding="utf-8") as f:
        for i, (row, it) in enumerate(zip(rows, items, strict=True)):
            rule = it["rule"]
            f.write(json.dumps({
                "text": row["text"], "src": it["src"], "gold": it["gold"], "got": got[i],
                "rules": None if rule is None else rule.theme,
                "rules_best": round(max(rule.scores.values()), 3)
                if rule is not None and rule.scores else 0.0,
                "unplaced": rule is None}, ensure_ascii=False) + "\n")
    print(f"\n{'theme':<28} {'gold':>5} {'right':>6} {'recall':>7} {'placed':>7} "
          f"{'precision':>9}")
    for c in classes:
        theme = None if c == NONE else c
        gold = [i for i, it in enumerate(items) if it["gold"] == theme]
        placed = [i for i in got if got[i] == theme]
        right = sum(got[i] == theme for i in gold)
        print(f"{c:<28} {len(gold):>5} {right:>6} {right / max(len(gold), 1):>7.3f} "
              f"{len(placed):>7} {right / max(len(placed), 1):>9.3f}")
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV, help="labelled needs (dev only)")
    parser.add_argument("--out", type=Path, default=ROOT.joinpath(*MODEL_FILE))
    parser.add_argument("--check", action="store_true",
                        help="retrain with --out's own join and L2 (no cross-validation) "
                             "and fail if its weights differ from --out's")
    parser.add_argument("--refit", action="store_true",
                        help="retrain the weights with --out's own join and L2 and write "
                             "them, keeping its figures (after a coach change that moves "
                             "a few rows; a full run re-chooses)")
    parser.add_argument("--predictions", type=Path, metavar="FILE",
                        help="write the chosen join's leave-sources-out placement of "
                             "every dev row (JSON lines: text, source, gold, got, the "
                             "rules' theme and best score) and print each theme's figures, "
                             "for error analysis")
    parser.add_argument("--wide", action="store_true",
                        help="measure the whole grid (rules' scores as features or not, "
                             "every L2 in L2); slower")
    parser.add_argument("--vectors", nargs="+", metavar="PARTS",
                        choices=["none", *("+".join(p) for p in VECTOR_CHOICES if p)],
                        help="measure only these vector choices (none: the words alone; "
                             "need+whole: the vectors the second model reads), to explore "
                             "faster; the default measures every one")
    parser.add_argument("--l2", nargs="+", type=float, metavar="L2",
                        help=f"the L2 strengths to measure (default {DEFAULT_L2[0]:g}, or "
                             f"every one of {', '.join(f'{x:g}' for x in L2)} with --wide)")
    args = parser.parse_args(argv)
    grid, l2s = (WIDE_GRID, L2) if args.wide else (GRID, DEFAULT_L2)
    if args.vectors:
        wanted = {() if v == "none" else tuple(v.split("+")) for v in args.vectors}
        grid = [(with_rules, parts) for with_rules, parts in grid if parts in wanted]
    if args.l2:
        l2s = tuple(args.l2)
    if "heldout" in args.data.resolve().parts:
        print("refused: the model is trained on dev rows only, never on eval/heldout",
              file=sys.stderr)
        return 2

    content = Content()
    themes = load_themes(content)
    rows = read_set(args.data, themes)
    classes = [t.id for t in themes.themes] + [NONE]
    index = {c: n for n, c in enumerate(classes)}
    suggester = Suggester(themes, Analyzer(None, content), learned=False)
    coach = load_coach(content)
    texts = [r["text"] for r in rows]
    kinds = coach_kinds(coach, texts) if coach is not None else {}
    analyses = suggester.analyzer.read(texts)

    # Each row: the rules' suggestion; rows the rules leave unplaced (a service, an
    # assessment, an aim) keep "no theme" whatever the model says, so they are not
    # trained on and only count in the accuracy.
    items: list[dict[str, Any]] = []
    for row, analysis in zip(rows, analyses, strict=True):
        unplaced = suggester._unplaced(analysis, kinds.get(row["text"], []))
        rule = None if unplaced is not None else suggester.by_rules(analysis)
        items.append({"gold": row.get("theme"), "src": source(row["src"]), "rule": rule,
                      "read": is_read(analysis)})
    learnable = [i for i, it in enumerate(items) if it["rule"] is not None]
    label = [index[items[i]["gold"] or NONE] for i in learnable]
    sources = sorted({items[i]["src"] for i in learnable})
    print(f"{len(rows)} dev needs, {len(learnable)} reach the model "
          f"({len(rows) - len(learnable)} worded as a service, assessment or aim), "
          f"{len(sources)} sources")

    def score(decision: Decision, probs: dict[int, list[float]],
              second: dict[int, list[float]] | None = None,
              picks: dict[int, str | None] | None = None,
              firm: dict[int, bool] | None = None,
              out: dict[int, str | None] | None = None) -> tuple[int, int, int, int]:
        """Right rows, rows, null rows given a theme, null rows; ``picks``: each row's
        theme as already chosen (the stacked join's, fold by fold); ``firm``: where the
        rules' theme rests on what the model cannot weigh (``unlearned``); ``out``, when
        given, gets each row's theme as placed."""
        right = null_total = null_themed = 0
        for i, it in enumerate(items):
            if it["rule"] is None:
                got = None
            elif decision.policy == "rules":
                got = it["rule"].theme
            else:
                got = picks[i] if picks is not None else choose(
                    decision, probs[i], classes, it["rule"].theme, it["rule"].scores,
                    it["rule"].strong or (decision.unlearned_stands and firm is not None
                                          and firm[i]))
                if second is not None and it["rule"].theme is None and it["read"]:
                    stands, theme = fallback_pick(second[i], classes, decision.fallback_prob)
                    got = theme if stands else got
            right += got == it["gold"]
            if out is not None:
                out[i] = got
            if it["gold"] is None:
                null_total += 1
                null_themed += got is not None
        return right, len(items), null_themed, null_total

    # Each need's vector texts encoded once, for every fold and choice.
    vectors = load_vectors(content)
    texts_all = list(dict.fromkeys(t for i in learnable
                                   for t in vector_texts(analyses[i]).values()))
    encoded = dict(zip(texts_all, vectors.encode(texts_all), strict=True))
    if args.check or args.refit:
        return check(args.out, analyses, items, learnable, label, classes, encoded,
                     refit=args.refit)
    fold = {s: int(hashlib.sha256(s.encode("utf-8")).hexdigest(), 16) % FOLDS
            for s in sources}
    rules = Decision(policy="rules")
    results = [(0.0, rules, score(rules, {}))]
    measured: dict[tuple[bool, tuple[str, ...], float], dict[int, list[float]]] = {}

    stacks: dict[tuple[bool, tuple[str, ...], float],
                 list[tuple[Decision, dict[int, str | None]]]] = {}

    def stacked(probs: dict[int, list[float]], with_rules: bool, parts: tuple[str, ...],
                l2: float, firm: dict[int, bool]
                ) -> list[tuple[float, Decision, tuple[int, int, int, int]]]:
        """The stacked join on these out-of-fold probabilities, judged fold by fold (each
        fold's rows placed by weights fitted to the other folds' rows), with its fixed
        floors and each offset to "no theme"; the weights stored are fitted to every
        row. Its picks are kept for the second model's join."""
        x = np.array([stack_features(probs[i], classes, items[i]["rule"].theme,
                                     items[i]["rule"].scores) for i in learnable])
        y = np.array(label)
        held_of = np.array([fold[items[i]["src"]] for i in learnable])
        tried = [(STACK_THRESHOLD, off, guard) for off in NONE_OFFSETS
                 for guard in (False, True)]
        picks: dict[tuple[float, float, bool], dict[int, str | None]] = {
            k: {} for k in tried}
        for held in range(FOLDS):
            test_at = np.flatnonzero(held_of == held)
            if not len(test_at):
                continue
            w = fit_stack(x[held_of != held], y[held_of != held])
            for t, off, guard in tried:
                d = Decision(policy="stack", weights=w, none_offset=off, threshold=t,
                             min_prob=STACK_MIN_PROB)
                for k in test_at:
                    i = learnable[k]
                    rule = items[i]["rule"]
                    picks[(t, off, guard)][i] = choose(
                        d, probs[i], classes, rule.theme, rule.scores,
                        rule.strong or (guard and firm[i]))
        full = fit_stack(x, y)
        out = []
        kept = stacks.setdefault((with_rules, parts, l2), [])
        for t, off, guard in tried:
            d = Decision(policy="stack", weights=full, none_offset=off, threshold=t,
                         min_prob=STACK_MIN_PROB, rule_features=with_rules,
                         vectors=list(parts), unlearned_stands=guard)
            out.append((l2, d, score(d, probs, picks=picks[(t, off, guard)])))
            kept.append((d, picks[(t, off, guard)]))
        return out
    for with_rules, parts in grid:
        feats = {i: features(analyses[i], items[i]["rule"], with_rules) for i in learnable}
        dense = dense_of(encoded, analyses, learnable, parts)
        for l2 in l2s:
            probs: dict[int, list[float]] = {}
            firm: dict[int, bool] = {}
            for held in range(FOLDS):
                train_at = [k for k, i in enumerate(learnable)
                            if fold[items[i]["src"]] != held]
                test_at = [k for k, i in enumerate(learnable) if fold[items[i]["src"]] == held]
                if not test_at:
                    continue
                vocab, w, wd, b = train([feats[learnable[k]] for k in train_at],
                                        [label[k] for k in train_at], len(classes), l2,
                                        None if dense is None else dense[train_at])
                got = predict(vocab, w, b, [feats[learnable[k]] for k in test_at], wd,
                              None if dense is None else dense[test_at])
                known = weighed(vocab, w)
                for k, p in zip(test_at, got, strict=True):
                    probs[learnable[k]] = p
                    firm[learnable[k]] = unlearned(items[learnable[k]]["rule"],
                                                   analyses[learnable[k]].tokens, known)
            print(f"  measured: {'rules' if with_rules else 'words'} "
                  f"+vectors({'+'.join(parts) or 'none'}) L2 {l2:g}", flush=True)
            results += [(l2, d, score(d, probs)) for d in candidates(with_rules, parts)]
            results += stacked(probs, with_rules, parts, l2, firm)
            measured[(with_rules, parts, l2)] = probs
    # The second model's join: each join of the words alone with the rules, and a model
    # reading meaning vectors where the rules find nothing (same L2, same rule features).
    for (with_rules, parts, l2), probs in list(measured.items()):
        for (with_rules2, parts2, l2b), second in measured.items():
            if parts or not parts2 or with_rules2 != with_rules or l2b != l2:
                continue
            results += [(l2, d, score(d, probs, second))
                        for base in candidates(with_rules, parts) if base.policy != "model"
                        for q in FALLBACK_PROBS
                        for d in [base.model_copy(update={"fallback": list(parts2),
                                                          "fallback_prob": q})]]
            results += [(l2, d, score(d, probs, second, picks))
                        for base, picks in stacks.get((with_rules, parts, l2), [])
                        for q in FALLBACK_PROBS
                        for d in [base.model_copy(update={"fallback": list(parts2),
                                                          "fallback_prob": q})]]
    print(f"\nLeave-sources-out on dev ({FOLDS} folds; all of a source's rows in one "
          "fold).\nThe rules were tuned on these rows: their figure is their dev figure and "
          "flatters them.\nThe best of each kind of join (and the rules):")
    print(f"{'L2':>6}  {'how':<62} {'right':>8} {'acc':>6}  null rows themed")
    rules_null = results[0][2][2]
    order = {"rules": 0, "fallback": 1, "strong": 2, "blend": 3, "stack": 4, "model": 5}

    def rank(r: tuple[float, Decision, tuple[int, int, int, int]]) -> tuple[float, ...]:
        return (r[2][0], -r[2][2], -order[r[1].policy], -len(r[1].vectors),
                -len(r[1].fallback), r[1].rule_features, -r[0])

    shown: dict[tuple[str, bool, bool, int, int, bool], tuple[float, Decision,
                                                   tuple[int, int, int, int]]] = {}
    for r in results:
        key = (r[1].policy, r[1].rule_features, r[1].min_prob > 0, len(r[1].vectors),
               len(r[1].fallback), r[1].unlearned_stands)
        if key not in shown or rank(r) > rank(shown[key]):
            shown[key] = r
    for l2, d, (right, total, themed, nulls) in sorted(shown.values(), key=rank,
                                                        reverse=True):
        print(f"{l2:>6g}  {describe(d):<62} {right:>3}/{total:<4} {right / total:>6.3f}  "
              f"{themed}/{nulls}")

    def chosen_picks(decision: Decision, l2: float) -> dict[int, str | None]:
        """Each row's theme as ``decision`` placed it out of fold (what its figure
        counts): its model's out-of-fold probabilities, and the stacked join's picks
        made fold by fold."""
        got: dict[int, str | None] = {}
        if decision.policy == "rules":
            score(decision, {}, out=got)
            return got
        key = (decision.rule_features, tuple(decision.vectors), l2)
        second = measured[(decision.rule_features, tuple(decision.fallback), l2)] \
            if decision.fallback else None
        base = decision.model_copy(update={"fallback": [], "fallback_prob": 0.0})
        picks = next((p for d, p in stacks.get(key, []) if d == base), None) \
            if decision.policy == "stack" else None
        score(decision, measured[key], second, picks, out=got)
        return got

    # Best accuracy that gives no more null rows a theme than the rules; ties to fewer
    # null rows themed, then the simpler join. (A slack of one null row in a hundred
    # was tried at 1270 dev rows: it chose the vectors' join, 1140 right and 7 of 199
    # null rows themed against 1129 and 6, but that model read worse on a fresh set and
    # on tests' slang and witnessed-violence needs, so the strict rule stands.)
    # The vectors may speak only as the second model, where the rules find no theme word
    # (``fallback``), never in the join everywhere: at 1477 rows the everywhere blend won
    # leave-sources-out (1292 against 1291) but overturned rules that were right, the
    # framework's own example among them ("sit still in circle time" read as school, not
    # behaviour), as the slack tried at 1270 rows did on slang and witnessed violence.
    # The stacked join too: at 2074 rows, its join with the words-and-vectors model
    # everywhere won leave-sources-out (1849 against 1821 for the words' stack with the
    # second model) but failed 14 of the theme tests (drink and county-lines slang, a
    # partner's put-downs, themes.yml's own "sit still in circle time"): the vectors were
    # sure against theme words they had never seen. So, on 1 Dec 2026 (2421 rows), the
    # stack was measured with the rules' theme standing where the model cannot weigh
    # what it rests on (``unlearned_stands``: a theme phrase or act, or only words the
    # model holds no weight for): leave-sources-out 2068 right against 2093 without it
    # and 2058 for the words' stack with the second model (chosen), 44 null rows themed
    # against the rules' 45; it passed all but 1 of 471 theme tests where the unguarded
    # vectors' blend failed 25 (drink and county-lines slang, acts of abuse, themes.yml's
    # own "sit still in circle time"). The one left: "Child 1 needs someone to talk to
    # about her drinking." read as parental substance misuse (the words' stack passes
    # it): the model does not read whom a theme's words are about (themes.yml
    # ``about``), as the rules do. Keeping the rules' theme where the model's theme is
    # about someone the need does not name (measured outside the trainer, not built
    # yet) cost 5 more rows (2063). Until a join passes every theme test, the vectors
    # stay out of it.
    # And only a join with a floor: the words' model may place a need the rules leave
    # unplaced (or overturn their theme) only at STACK_MIN_PROB or more. At 3122 rows the
    # blend, which has none, won leave-sources-out by 14 rows (2587 against the stack's
    # 2573, with more null rows themed: 69 against 62 of 658) but placed "Has a lovely
    # smile." (housing, p 0.16) and the floor comment's own "Child 1 needs to whistle a
    # tune." (p 0.11): a need with no theme word is the group's unless the model is sure.
    allowed = [r for r in results if r[2][2] <= rules_null and not r[1].vectors
               and has_floor(r[1])]
    best = max(allowed, key=rank)
    l2, decision, (right, total, themed, nulls) = best
    print(f"\nchosen: {describe(decision)} (L2 {l2:g}): {right}/{total} = "
          f"{right / total:.3f}, null rows given a theme {themed}/{nulls}")
    if args.predictions:
        got = chosen_picks(decision, l2)
        write_predictions(args.predictions, rows, items, got, classes)
    feats = {i: features(analyses[i], items[i]["rule"], decision.rule_features)
             for i in learnable}
    parts = tuple(decision.vectors)
    dense = dense_of(encoded, analyses, learnable, parts)
    vocab, w, wd, b = train([feats[i] for i in learnable], label, len(classes), l2 or l2s[0],
                            dense)
    weights = weights_of(vocab, w, classes)
    full = {i: p for i, p in zip(learnable, predict(vocab, w, b, [feats[i]
                                                                    for i in learnable],
                                                    wd, dense),
                                 strict=True)}
    full_second: dict[int, list[float]] | None = None
    fallback = None
    if decision.fallback:
        fb_parts = tuple(decision.fallback)
        fb_dense = dense_of(encoded, analyses, learnable, fb_parts)
        rows_in = [feats[i] for i in learnable]
        vocab2, w2, wd2, b2 = train(rows_in, label, len(classes), l2 or l2s[0], fb_dense)
        fallback = stored_second(vocab2, w2, wd2, b2, classes, fb_parts)
        full_second = dict(zip(learnable, predict(vocab2, w2, b2, rows_in, wd2, fb_dense),
                          strict=True))
    known = weighed(vocab, w)
    dev_right = score(decision, full, full_second, firm={
        i: unlearned(items[i]["rule"], analyses[i].tokens, known) for i in learnable})[0]
    meta = {
        "trained_on": "eval/dev/needgroups.jsonl",
        "rows": len(rows), "rows_to_model": len(learnable), "sources": len(sources),
        "l2": l2, "iterations": ITERATIONS, "min_count": MIN_COUNT,
        "loso": {describe(d) + (f" (L2 {x:g})" if d.policy != "rules" else ""):
                 round(r / t, 4) for x, d, (r, t, _, _) in shown.values()},
        "loso_chosen": round(right / total, 4),
        "loso_null_themed": f"{themed}/{nulls}",
        "dev_accuracy": round(dev_right / len(rows), 4),
        "per_class_rows": dict(sorted(Counter(classes[k] for k in label).items())),
    }
    model = {"format": "needs-led/needgroups-model", "feature_version": FEATURE_VERSION,
             "classes": classes, "bias": [round(float(v), 3) for v in b],
             "decision": decision.model_dump(), "meta": meta, "weights": weights,
             "vector_scale": VECTOR_SCALE if parts else 0.0,
             "vectors": dense_weights(wd, parts) if parts else {}}
    if fallback is not None:
        model["fallback"] = fallback
    text = dump(model)
    print(f"dev accuracy with the model trained on all of dev: {dev_right}/{len(rows)} = "
          f"{dev_right / len(rows):.3f}; {len(weights)} features")
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
