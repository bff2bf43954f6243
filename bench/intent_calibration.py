"""Per-language confidence calibration of the intent classifier, out of fold.

    python bench/intent_calibration.py            # print the figures
    python bench/intent_calibration.py --write    # and write replies/calibration.json

Scores every library example with a classifier trained without its fold (5 folds,
stratified by intent and language), fits one softmax temperature per language
(``replies.calibration``) and prints ``name=value`` lines: per language and overall, the
top-1, the expected calibration error (``ece``), the share abstained below the 0.5
threshold and the share wrong at or above it, first with the single default temperature
(``before.``) and then with the per-language ones (``after.``); then the temperatures and
a reliability table (``reliability.<bin>``: mean confidence and accuracy of each
confidence bin, all languages) and, for a few abstain thresholds, the share abstained
and the share wrong but shown (``threshold.<t>``). In-sample for one parameter per
language, so ``after`` flatters a little; the shopper evaluation (``bench/shopper_eval.py``)
is the honest test.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from replies.calibration import (  # noqa: E402
    BINS,
    Example,
    fit_temperatures,
    out_of_fold_scores,
    reliability,
    save_temperatures,
    softmax,
)
from replies.classifier import DEFAULT_TEMPERATURE  # noqa: E402
from replies.engine import DEFAULT_THRESHOLD  # noqa: E402
from replies.library import load_library  # noqa: E402

# Abstain thresholds whose trade-off (abstained against wrong and shown) is printed.
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write replies/calibration.json")
    args = parser.parse_args()
    library = load_library()
    intents = sorted(library)
    examples = [
        Example(text, spec.intent, language)
        for spec in library.values()
        for language, texts in spec.examples.items()
        for text in texts
    ]
    print(f"examples={len(examples)}")
    start = time.perf_counter()
    scores = out_of_fold_scores(examples, intents)
    print(f"out_of_fold_seconds={time.perf_counter() - start:.1f}")
    default, per_language = fit_temperatures(scores, examples, intents)
    index = {intent: i for i, intent in enumerate(intents)}
    labels = np.array([index[e.intent] for e in examples])
    languages = np.array([e.language for e in examples])
    calibrated = np.vstack(
        [softmax(row, per_language[lang]) for row, lang in zip(scores, languages, strict=True)]
    )
    for name, probs in (("before", softmax(scores, DEFAULT_TEMPERATURE)), ("after", calibrated)):
        for language in ["all", *sorted(per_language)]:
            inside = np.ones(len(labels), bool) if language == "all" else languages == language
            r = reliability(probs[inside], labels[inside], DEFAULT_THRESHOLD)
            print(
                f"{name}.{language}: n={r.n} top1={r.top1:.3f} ece={r.ece:.3f} "
                f"abstained={r.abstained:.3f} wrong_confident={r.wrong_confident:.3f}"
            )
    print(f"temperature.default={default:.3f}")
    for language, temperature in sorted(per_language.items()):
        print(f"temperature.{language}={temperature:.3f}")
    confidence = calibrated.max(axis=1)
    right = calibrated.argmax(axis=1) == labels
    bins = np.minimum((confidence * BINS).astype(int), BINS - 1)
    for b in range(BINS):
        if (inside := bins == b).any():
            print(
                f"reliability.{b / BINS:.1f}-{(b + 1) / BINS:.1f}: n={int(inside.sum())} "
                f"confidence={confidence[inside].mean():.3f} accuracy={right[inside].mean():.3f}"
            )
    for threshold in THRESHOLDS:
        r = reliability(calibrated, labels, threshold)
        print(
            f"threshold.{threshold:.2f}: abstained={r.abstained:.3f} "
            f"wrong_confident={r.wrong_confident:.3f}"
        )
    if args.write:
        save_temperatures(default, per_language)
        print("written=replies/calibration.json")


if __name__ == "__main__":
    main()
