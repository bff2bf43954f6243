"""Fit when the engine abstains, on blind replays of the realistic shopper sets.

    python bench/abstention_fit.py            # print the figures
    python bench/abstention_fit.py --write    # and write replies/abstention.json

``replies.abstention`` says what is fitted and why. This command needs the git history
of the repository: each realistic labelled set (``tests/replies/shoppers``,
``shoppers_hard``, ``shoppers_fresh``, ``follow_up_pairs.jsonl``, ``plain_phrasings``) is
read by a classifier trained on the library's examples as they were in the commit before
the set was added (``git archive``), with today's temperatures and today's reading
(``replies.reading``): a *blind replay*, how the engine reads messages nobody has
studied yet. The held-out sets are never read.

Prints ``name=value`` lines:

- ``replay.<set>``: the number of messages, the library examples the replay was trained
  on and its top-1;
- ``cv.threshold.<t>``: out of fold (5 folds), on the blind replays of the shopper sets
  and follow-up pairs, the share abstained and the share wrong at or above ``t``, for
  the softmax confidence of today (``softmax``) and the fitted one (``fitted``);
- ``cv.<set>``: the same per set at the chosen threshold, and the calibration error
  (``ece``, ten bins) of the fitted confidence;
- ``weights`` and ``threshold``: the model fitted on every replayed message, and the
  lowest threshold whose out-of-fold wrong-and-shown share is within issue 15's 2 %;
- ``now.<set>``: in-sample, today's engine with that model on each set (the library
  was completed against these sets, so these flatter): ``bench/shopper_eval.py`` figures.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from replies.abstention import (  # noqa: E402
    Abstention,
    fit_logistic,
    save_abstention,
    signals,
)
from replies.calibration import load_temperatures  # noqa: E402
from replies.classifier import DEFAULT_TEMPERATURE, IntentClassifier  # noqa: E402
from replies.engine import DEFAULT_THRESHOLD, SuggestionEngine  # noqa: E402
from replies.language import UNKNOWN, has_words, normalize_code  # noqa: E402
from replies.reading import EarlierTurn, read_message  # noqa: E402
from tests.replies.shopper_figures import (  # noqa: E402
    SHOPPERS,
    SHOPPERS_FRESH,
    SHOPPERS_HARD,
    evaluate,
    load_shoppers,
    runtime_engine,
    shopper_figures,
)

PAIRS = ROOT / "tests" / "replies" / "follow_up_pairs.jsonl"
PLAIN = ROOT / "tests" / "replies" / "plain_phrasings"
SETS = {"first": SHOPPERS, "hard": SHOPPERS_HARD, "fresh": SHOPPERS_FRESH, "pairs": PAIRS}
SETS_AND_PLAIN = {**SETS, "plain": PLAIN}
# The 2,296 plain phrasings outnumber all shopper messages together; they are textbook
# questions, so they count this much each, lest the model learn textbook questions.
PLAIN_WEIGHT = 0.3
FOLDS = 5
L2 = 1.0
# Issue 15's bar for wrong readings shown as the reply to send.
MAX_WRONG_SHOWN = 0.02
THRESHOLDS = np.round(np.arange(0.50, 0.96, 0.01), 2)
BINS = 10


@dataclass(frozen=True)
class Message:
    """One labelled realistic message, with the turn before it for a follow-up."""

    text: str
    lang: str
    accepted: frozenset[str]
    earlier: EarlierTurn | None = None


@dataclass(frozen=True)
class Replayed:
    """A message's blind reading: its set, the best two ``(intent, probability)`` and
    whether the best is right."""

    set: str
    ranked: tuple[tuple[str, float], ...]
    right: bool


def messages(name: str) -> Iterator[Message]:
    """The labelled messages of one set, with their earlier turn as the tests read them."""
    if name == "pairs":
        for line in PAIRS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pair = json.loads(line)
                earlier = EarlierTurn(pair["earlier_text"], pair["earlier_intent"])
                yield Message(pair["text"], pair["lang"], frozenset([pair["intent"]]), earlier)
    elif name == "plain":
        for path in sorted(PLAIN.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    probe = json.loads(line)
                    yield Message(probe["text"], probe["lang"], frozenset([probe["intent"]]))
    else:
        for shopper in load_shoppers(SETS[name]):
            context = EarlierTurn(text=shopper.context) if shopper.context else None
            yield Message(shopper.text, shopper.lang, shopper.accepted, context)


def library_before(path: Path) -> list[tuple[str, str]]:
    """The library's ``(example, intent)`` pairs in the commit before ``path`` was added.

    Read straight from the YAML files (the reply fields' rules have changed since, the
    examples' shape has not): each intent file's ``examples`` and ``examples/<lang>.yaml``.
    """
    relative = str(path.relative_to(ROOT))
    added = _git("log", "--diff-filter=A", "--format=%H", "--", relative).split()
    if not added:
        sys.exit(f"{relative} is not in the git history: run this in a git checkout")
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", f"{added[-1]}^", "replies/library"],
        check=True,
        capture_output=True,
    ).stdout
    pairs: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        library = Path(folder) / "replies" / "library"
        for intent_file in sorted(library.glob("*.yaml")):
            data = yaml.safe_load(intent_file.read_text(encoding="utf-8"))
            for texts in (data.get("examples") or {}).values():
                pairs += [(text, data["intent"]) for text in texts]
        for language_file in sorted((library / "examples").glob("*.yaml")):
            data = yaml.safe_load(language_file.read_text(encoding="utf-8")) or {}
            pairs += [(text, intent) for intent, texts in data.items() for text in texts]
    return list(dict.fromkeys((text.strip(), intent) for text, intent in pairs if text.strip()))


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout


def replay(name: str, today: SuggestionEngine) -> list[Replayed]:
    """Every message of set ``name`` read by the library of before the set existed, the
    way ``SuggestionEngine.suggest`` reads it (language with the channel's hint, nothing
    to classify skipped), up to the reading the engine turns into a confidence."""
    examples = library_before(SETS_AND_PLAIN[name])
    default, temperatures = load_temperatures()
    classifier = IntentClassifier(
        examples,
        intents=list(today.library),
        temperature=default or DEFAULT_TEMPERATURE,
        temperatures=temperatures,
    )
    found = []
    for message in messages(name):
        history = None
        if message.earlier is not None and message.earlier.intent is None:  # a shopper set's
            detected = today.detect_language(message.earlier.text or "", hint=message.lang)
            history = None if detected == UNKNOWN else detected
        language = today.detect_language(message.text, hint=message.lang, history_language=history)
        if not has_words(message.text):
            continue
        reading = read_message(
            classifier,
            message.text,
            language if language != UNKNOWN else normalize_code(message.lang),
            earlier=message.earlier,
            threshold=DEFAULT_THRESHOLD,
        )
        ranked = tuple(reading.ranked[:2])
        found.append(Replayed(name, ranked, ranked[0][0] in message.accepted))
    right = sum(r.right for r in found) / len(found)
    print(f"replay.{name}: n={len(found)} library_examples={len(examples)} top1={right:.4f}")
    return found


def out_of_fold(
    x: np.ndarray, right: np.ndarray, weights: np.ndarray, folds: np.ndarray
) -> np.ndarray:
    """Each row's fitted confidence from a model fitted without its fold."""
    probability = np.zeros(len(right))
    for fold in range(FOLDS):
        inside = folds == fold
        beta = fit_logistic(x[~inside], right[~inside], weights[~inside], l2=L2)
        probability[inside] = 1 / (1 + np.exp(-x[inside] @ beta))
    return probability


def rates(confidence: np.ndarray, right: np.ndarray, threshold: float) -> tuple[float, float]:
    """(share abstained, share wrong and shown) at ``threshold``."""
    shown = confidence >= threshold
    return float((~shown).mean()), float((shown & ~right).mean())


def ece(confidence: np.ndarray, right: np.ndarray) -> float:
    """Expected calibration error over ten confidence bins."""
    bins = np.minimum((confidence * BINS).astype(int), BINS - 1)
    gap = sum(
        abs(right[bins == b].mean() - confidence[bins == b].mean()) * (bins == b).sum()
        for b in range(BINS)
        if (bins == b).any()
    )
    return float(gap / len(right))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write replies/abstention.json")
    args = parser.parse_args()
    today = runtime_engine()
    rows = [row for name in SETS_AND_PLAIN for row in replay(name, today)]
    x = np.array([signals(row.ranked) for row in rows])
    right = np.array([row.right for row in rows])
    weights = np.array([PLAIN_WEIGHT if row.set == "plain" else 1.0 for row in rows])
    sets = np.array([row.set for row in rows])
    folds = np.array([zlib.crc32(f"{i}".encode()) % FOLDS for i in range(len(rows))])
    fitted = out_of_fold(x, right, weights, folds)
    softmax = np.array([row.ranked[0][1] for row in rows])
    shoppers = sets != "plain"
    chosen = None
    for t in THRESHOLDS:
        before, after = (
            rates(softmax[shoppers], right[shoppers], t),
            rates(fitted[shoppers], right[shoppers], t),
        )
        print(
            f"cv.threshold.{t:.2f}: softmax.abstained={before[0]:.4f} "
            f"softmax.wrong_shown={before[1]:.4f} fitted.abstained={after[0]:.4f} "
            f"fitted.wrong_shown={after[1]:.4f}"
        )
        if chosen is None and after[1] <= MAX_WRONG_SHOWN:
            chosen = float(t)
    if chosen is None:
        sys.exit(f"no threshold up to {THRESHOLDS[-1]} keeps wrong-and-shown within 2 %")
    figures: dict[str, float] = {}
    for name in ["shoppers", *SETS_AND_PLAIN]:
        inside = shoppers if name == "shoppers" else sets == name
        (abstained, wrong), (was_abstained, was_wrong) = (
            rates(fitted[inside], right[inside], chosen),
            rates(softmax[inside], right[inside], DEFAULT_THRESHOLD),
        )
        calibration = ece(fitted[inside], right[inside])
        figures |= {f"cv.{name}.abstained": abstained, f"cv.{name}.wrong_shown": wrong}
        figures[f"cv.{name}.ece"] = calibration
        print(
            f"cv.{name}: n={int(inside.sum())} top1={right[inside].mean():.4f} "
            f"abstained={abstained:.4f} wrong_shown={wrong:.4f} ece={calibration:.4f} "
            f"(softmax at {DEFAULT_THRESHOLD}: abstained={was_abstained:.4f} "
            f"wrong_shown={was_wrong:.4f} ece={ece(softmax[inside], right[inside]):.4f})"
        )
    model = Abstention(tuple(fit_logistic(x, right, weights, l2=L2).tolist()), chosen)
    print(f"weights={','.join(f'{w:.4f}' for w in model.weights)}")
    print(f"threshold={model.threshold:.2f}")
    today.abstention, today.threshold = model, model.threshold
    for name in ("first", "hard", "fresh"):
        now = shopper_figures(evaluate(today, load_shoppers(SETS[name], intents=today.library)))
        print(
            f"now.{name}: top1={now['top1']:.4f} abstain_rate={now['abstain_rate']:.4f} "
            f"wrong_confident_rate={now['wrong_confident_rate']:.4f}"
        )
    if args.write:
        save_abstention(model, figures)
        print("written=replies/abstention.json")


if __name__ == "__main__":
    main()
