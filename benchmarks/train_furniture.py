"""Train the web-furniture model (``conceptdiff/read/furniture.json``).

    .venv/bin/python -m benchmarks.train_furniture            # write the model
    .venv/bin/python -m benchmarks.train_furniture --check    # fail if the shipped model differs
    .venv/bin/python -m benchmarks.train_furniture --evaluate # judge it on lines it was not trained on
    .venv/bin/python -m benchmarks.train_furniture --freeze-corpus  # read the corpus anew, then train

**Furniture** (positive examples): the lines of web furniture in
``benchmarks/noise_vocabulary*.json`` listed in :data:`TRAINING_VOCABULARIES`,
written by helpers who never saw the reading rules, the benchmark's
``SEEN_NOISE``/``UNSEEN_NOISE``, and the lines the seed article's
hand-written clause list sets aside as boilerplate.  **Document text**
(negative examples): the clauses of the real policy documents of
``fixtures/corpus/`` (two US National Security Strategies, three GitHub
privacy statements, two EUPL versions, two PEP 8 versions) as conceptdiff
read them when the model was made (frozen in :data:`CORPUS_LINES`, so that
the model moves only when it is retrained on purpose, not whenever the
reader changes), the seed article's hand-written clauses, and the lines of
:data:`DOCUMENT_VOCABULARIES` (imagined document lines that look like
furniture, written by helpers).  The documents of
``fixtures/documents/`` and the vocabularies after the training ones are
never trained on: ``--evaluate`` reports, at the threshold the reader uses,
the share of their furniture lines scored as furniture and the share of the
documents' own short clauses wrongly scored so.

The model is a logistic regression over
:func:`conceptdiff.read._furniture.features` (a feature seen fewer than
twice is left out), the two classes weighted equally, fitted by stochastic
gradient descent with L2 regularisation: :data:`EPOCHS` passes in an order
shuffled by a seeded generator, a step of ``RATE / (1 + epoch)``.  Training
is deterministic: the same files give the same weights (rounded to four
places; ``--check`` allows for the last place of a platform's ``exp``).

``--dev`` trains without the newest training vocabulary's held-out half (the
lines the segmentation benchmark reports as "held-out noise") and writes that
model instead, for choosing the reader's thresholds on the benchmark; the
shipped model is always the full one.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.segmentation import (
    BLIND_VOCABULARIES,
    NOISE_VOCABULARIES,
    SEEN_NOISE,
    TRAINING_ONLY_VOCABULARIES,
    UNSEEN_NOISE,
    blind_noise,
    load_documents,
    vocabulary_lines,
    written_noise,
)
from conceptdiff import Edition, Options
from conceptdiff.read._furniture import _MODEL_PATH, MAX_CHARS, _Model, features
from conceptdiff.segment import _LIKELY

ROOT = Path(__file__).resolve().parent.parent
#: The vocabularies trained on: those the segmentation benchmark injects, three
#: written for training only (short labels, sentences, the furniture of policy
#: publishers' sites) and the model's first blind ones, all by helpers who never
#: saw the rules.  The newest blind vocabularies are held out.
TRAINING_VOCABULARIES = (*NOISE_VOCABULARIES, *TRAINING_ONLY_VOCABULARIES)
HELD_OUT_VOCABULARIES = BLIND_VOCABULARIES
#: Lines of imagined policy, legal and standards documents that look like a
#: page's furniture ("Contact Us", a contact clause, a cookie policy's sentence),
#: written by helpers who never saw the rules: document text (negative examples).
DOCUMENT_VOCABULARIES = ("document_lines_policy.json", "document_lines_company.json")
#: The clauses of the corpus files trained on, frozen (see the module's docstring).  The 2006
#: Strategy's were trained on before it became a document of fixtures/documents (us-nss-2006).
CORPUS_LINES = "document_lines_corpus.json"
#: fixtures/corpus files not trained on: the same edition is a document of fixtures/documents.
LEFT_OUT_CORPUS = (
    "github-privacy-statement-2022-12-15.en.txt",
    "us-nss-2002.en.txt",
    "eupl-1.2.en.txt",
    "python-pep8-2005-12-15.en.txt",
)
#: The seed article's hand-written clause list (fixtures/expected/): news prose about a policy text.
SEED_ARTICLE = "news-article-ru-foreign-policy-concept-2023"
MIN_COUNT = 2
EPOCHS = 60
RATE = 0.2
L2 = 3e-3
SEED = 0


def _seed_article() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "fixtures" / "expected" / f"{SEED_ARTICLE}.json").read_text("utf-8"))
    return data


def furniture_lines(vocabularies: Sequence[str] = TRAINING_VOCABULARIES) -> list[str]:
    lines = [line for name in vocabularies for line in vocabulary_lines(name)]
    lines += [span["text"] for span in _seed_article()["dropped"] if span["reason"] == "boilerplate"]
    return list(dict.fromkeys([*lines, *SEEN_NOISE, *UNSEEN_NOISE]))


def document_lines() -> list[str]:
    lines: list[str] = [clause["text"] for clause in _seed_article()["clauses"]]
    lines += [line for name in DOCUMENT_VOCABULARIES for line in vocabulary_lines(name)]
    lines += vocabulary_lines(CORPUS_LINES)  # by file name, clauses in order
    return list(dict.fromkeys(line for line in lines if line.strip()))


def freeze_corpus() -> None:
    """Write :data:`CORPUS_LINES` anew: the corpus files trained on, as the current reader reads them."""
    options = Options(flag_languages=False, drop_boilerplate=False, drop_duplicates=False)
    path = ROOT / "benchmarks" / CORPUS_LINES
    data: dict[str, Any] = {"source": json.loads(path.read_text(encoding="utf-8"))["source"]}
    for file in sorted((ROOT / "fixtures" / "corpus").glob("*.txt")):
        if file.name not in LEFT_OUT_CORPUS:
            data[file.name] = [clause.text for clause in Edition.from_path(file, options=options).clauses]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def train(positive: Sequence[str], negative: Sequence[str]) -> dict[str, object]:
    examples = [(features(line), 1) for line in positive] + [(features(line), 0) for line in negative]
    seen = Counter(f for items, _ in examples for f in items)
    examples = [([f for f in items if seen[f] >= MIN_COUNT], label) for items, label in examples]
    share = {1: len(examples) / (2 * len(positive)), 0: len(examples) / (2 * len(negative))}
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(examples)))
    shuffle = random.Random(SEED).shuffle
    for epoch in range(EPOCHS):
        shuffle(order)
        rate = RATE / (1 + epoch)
        for index in order:
            items, label = examples[index]
            logit = bias + sum(weights.get(f, 0.0) for f in items)
            probability = 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))
            gradient = (probability - label) * share[label]
            bias -= rate * gradient
            for f in items:
                weight = weights.get(f, 0.0)
                weights[f] = weight - rate * (gradient + L2 * weight)
    return {
        "about": "Web-furniture model of conceptdiff.read._furniture; made by benchmarks/train_furniture.py.",
        "bias": round(bias, 4),
        "weights": {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 5e-4},
    }


def same_model(shipped: dict[str, object], trained: dict[str, object]) -> bool:
    """Are two models the same up to the last rounded place of each weight?"""
    one, two = shipped["weights"], trained["weights"]
    assert isinstance(one, dict) and isinstance(two, dict)
    close = abs(float(str(shipped["bias"])) - float(str(trained["bias"]))) <= 2e-4
    differing = [f for f in one.keys() | two.keys() if abs(one.get(f, 0.0) - two.get(f, 0.0)) > 1.5e-3]
    for f in sorted(differing)[:10]:
        print(f"{f!r}: shipped {one.get(f)} trained {two.get(f)}", file=sys.stderr)
    if differing or not close:
        print(f"{_MODEL_PATH} is not what training gives: run python -m benchmarks.train_furniture", file=sys.stderr)
    return close and not differing


def dump(model: dict[str, object]) -> str:
    return json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def short_clauses() -> list[str]:
    """The short unlabelled clauses of fixtures/documents: what the reader might take for furniture."""
    return [
        clause.text
        for document in load_documents()
        for clause in document.truth
        if clause.label is None and clause.kind in ("paragraph", "heading", "list_item") and len(clause.text) <= 200
    ]


def evaluate(model: dict[str, object], threshold: float, *, dev: bool) -> None:
    """Print, at ``threshold``, the share of held-out furniture told and of document clauses taken for it."""
    judge = _Model(model)
    negatives = short_clauses()
    wrong = [line for line in negatives if judge.score(features(line)) > threshold]
    print(f"document clauses scored as furniture: {len(wrong)}/{len(negatives)} ({len(wrong) / len(negatives):.1%})")
    held_out = {"benchmark's held-out noise": list(written_noise(held_out=True))} if dev else {}
    if not dev:
        held_out.update((name, vocabulary_lines(name)) for name in HELD_OUT_VOCABULARIES)
        held_out["blind lines not word for word in training"] = list(blind_noise())
    for name, lines in held_out.items():
        lines = [line for line in lines if len(line) <= MAX_CHARS]
        told = sum(1 for line in lines if judge.score(features(line)) > threshold)
        print(f"{name}: furniture told {told}/{len(lines)} ({told / len(lines):.1%})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if the shipped model is not what training gives")
    parser.add_argument("--evaluate", action="store_true", help="score held-out furniture and document clauses")
    parser.add_argument("--dev", action="store_true", help="train without the benchmark's held-out noise lines")
    parser.add_argument("--threshold", type=float, default=_LIKELY)
    parser.add_argument("--freeze-corpus", action="store_true", help=f"write {CORPUS_LINES} anew, then train")
    args = parser.parse_args(argv)
    if args.freeze_corpus:
        freeze_corpus()
    positive = furniture_lines()
    if args.dev:
        held_out = set(written_noise(held_out=True))
        positive = [line for line in positive if line not in held_out]
    model = train(positive, document_lines())
    text = dump(model)
    if args.evaluate:
        evaluate(model, args.threshold, dev=args.dev)
        return 0
    if args.check:
        return 0 if same_model(json.loads(_MODEL_PATH.read_text(encoding="utf-8")), model) else 1
    _MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {_MODEL_PATH} ({len(text) // 1024} KB, {len(model['weights'])} features)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
