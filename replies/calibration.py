"""Confidence that means the same in every language: one softmax temperature per language.

Staff read "83 %" on a card, the engine abstains below 0.5 and greetings are sent alone
above 0.9: those numbers must mean "right about 83 times in 100" in Japanese as in
English. One temperature for all languages did not do that: the classifier's scores are
sharper in languages with many examples and flatter in Chinese, Japanese and Korean
(character n-grams spread the evidence), so Chinese suggestions were right far more often
than their confidence said and were abstained on needlessly.

These temperatures make the library's examples read alike in every language; on real
shoppers, whose messages are unlike those examples, the card's confidence is a second
model fitted on realistic messages on top of this one (``replies.abstention``), and the
engine's threshold is fitted with it.

So each language gets its own temperature, fitted on *out-of-fold* scores: the library's
examples are split into folds (stratified by intent and language), each fold is scored by
a classifier trained on the others, and per language the temperature with the lowest
log-loss on those held-out scores is kept. Training five classifiers takes minutes, too
slow for every desk start, so the fit is a command that writes ``calibration.json`` next
to this module (``python bench/intent_calibration.py --write``), and the engine reads it
when it uses the built-in library (a store's own library keeps the default temperature).

    temperatures = load_temperatures()          # {"en": 1.9, "zh": 1.1, ...}
    IntentClassifier(examples, temperatures=temperatures).rank(text, language="zh")
"""

from __future__ import annotations

import json
import logging
import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from replies.classifier import IntentClassifier

logger = logging.getLogger(__name__)

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
FOLDS = 5
# Temperatures tried (the fit is one-dimensional and cheap once the scores exist).
GRID = np.exp(np.linspace(np.log(0.2), np.log(8.0), 121))
# Confidence bins of the reliability figures (ten bins of 0.1).
BINS = 10


@dataclass(frozen=True)
class Example:
    """A library example with the language it is written in."""

    text: str
    intent: str
    language: str


@dataclass(frozen=True)
class Reliability:
    """How well confidences match the share of right answers in one group of messages.

    ``ece`` (expected calibration error) is the mean gap between confidence and accuracy
    over ten confidence bins, weighted by their size; ``abstained`` is the share below the
    threshold, ``wrong_confident`` the share at or above it and wrong.
    """

    n: int
    top1: float
    ece: float
    abstained: float
    wrong_confident: float


def out_of_fold_scores(
    examples: Sequence[Example], intents: Sequence[str], *, folds: int = FOLDS, seed: int = 1
) -> np.ndarray:
    """Each example's raw classifier scores (``IntentClassifier.scores``, before the
    softmax) from a classifier trained without its fold; rows follow ``examples``."""
    by_group: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, example in enumerate(examples):
        by_group[(example.intent, example.language)].append(i)
    fold_of = [0] * len(examples)
    rng = random.Random(seed)
    for key in sorted(by_group):
        members = by_group[key]
        rng.shuffle(members)
        for position, i in enumerate(members):
            fold_of[i] = position % folds
    scores = np.zeros((len(examples), len(intents)))
    for fold in range(folds):
        training = [(e.text, e.intent) for e, f in zip(examples, fold_of, strict=True) if f != fold]
        classifier = IntentClassifier(training, intents=intents)
        if classifier.intents != list(intents):
            raise ValueError("intents must be given sorted, as the classifier orders them")
        for i, example in enumerate(examples):
            if fold_of[i] == fold:
                scores[i] = classifier.scores(example.text)
    return scores


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    """Row-wise softmax of ``scores / temperature``."""
    z = (scores - scores.max(axis=-1, keepdims=True)) / temperature
    exps = np.exp(z)
    return np.asarray(exps / exps.sum(axis=-1, keepdims=True))


def fit_temperature(scores: np.ndarray, labels: np.ndarray) -> float:
    """The temperature of ``GRID`` with the lowest log-loss of the true ``labels``."""
    best, best_loss = float(GRID[0]), np.inf
    for temperature in GRID:
        probs = softmax(scores, float(temperature))
        loss = -np.log(np.maximum(probs[np.arange(len(labels)), labels], 1e-12)).mean()
        if loss < best_loss:
            best, best_loss = float(temperature), float(loss)
    return best


def reliability(probs: np.ndarray, labels: np.ndarray, threshold: float = 0.5) -> Reliability:
    """Reliability figures of ``probs`` (rows of confidences) against ``labels``."""
    best = probs.argmax(axis=1)
    confidence = probs[np.arange(len(labels)), best]
    right = best == labels
    bins = np.minimum((confidence * BINS).astype(int), BINS - 1)
    gap = 0.0
    for b in range(BINS):
        inside = bins == b
        if inside.any():
            gap += abs(float(right[inside].mean() - confidence[inside].mean())) * int(inside.sum())
    shown = confidence >= threshold
    return Reliability(
        n=len(labels),
        top1=float(right.mean()),
        ece=gap / len(labels),
        abstained=float((~shown).mean()),
        wrong_confident=float((shown & ~right).mean()),
    )


def fit_temperatures(
    scores: np.ndarray, examples: Sequence[Example], intents: Sequence[str]
) -> tuple[float, dict[str, float]]:
    """(one temperature for every language, one per language) fitted on ``scores``."""
    index = {intent: i for i, intent in enumerate(intents)}
    labels = np.array([index[e.intent] for e in examples])
    languages = np.array([e.language for e in examples])
    overall = fit_temperature(scores, labels)
    per_language = {
        language: fit_temperature(scores[languages == language], labels[languages == language])
        for language in sorted(set(languages.tolist()))
    }
    return overall, per_language


def save_temperatures(
    default: float, per_language: Mapping[str, float], path: Path = CALIBRATION_FILE
) -> None:
    """Write the fitted temperatures (see ``load_temperatures``)."""
    data = {
        "why": "per-language softmax temperatures fitted on out-of-fold library examples; "
        "regenerate with: python bench/intent_calibration.py --write",
        "default": round(default, 4),
        "languages": {code: round(t, 4) for code, t in sorted(per_language.items())},
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_temperatures(path: Path = CALIBRATION_FILE) -> tuple[float | None, dict[str, float]]:
    """(the default temperature, temperatures per language) from ``path``; (None, {})
    with a warning when the file is missing or unreadable, so the engine still starts with
    the classifier's own default."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        default = float(data["default"])
        per_language = {str(k): float(v) for k, v in data["languages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        logger.warning("no per-language confidence calibration (%s: %s)", path, exc)
        return None, {}
    if default <= 0 or any(t <= 0 for t in per_language.values()):
        logger.warning("ignoring %s: temperatures must be positive", path)
        return None, {}
    return default, per_language
