"""Intent classifier: word and character n-grams, a trained linear model plus centroids.

Why this shape: it must run offline, in well under a millisecond, on 14 languages (CJK
without spaces included), and learn one staff-labelled example at a time without a
restart. A message is a sparse TF-IDF vector (L2-normalised; features unseen in training
count in the norm, so unfamiliar text scores low everywhere). Two models score it:

- a linear model trained at load with a few epochs of the multiclass passive-aggressive
  algorithm (an online linear SVM, averaged over epochs): it learns which n-grams
  *separate* close intents, and beat the centroids by 7 points top-1 when cross-validated
  on our own examples;
- the TF-IDF centroids of each intent's examples (dampened with ``log1p``), which are
  less sharp but carried over better to real shopper phrasing unlike ours (the bench).

Each model's scores are divided by its own calibrated temperature and added (a product
of the two softmax distributions); a final softmax turns the sum into confidences, with a
temperature per language fitted on out-of-fold library examples (``replies.calibration``)
so that a confidence means the same in every language. Neither model has a bias, so
a message with no known feature is uniform and the engine abstains rather than guess.
``learn`` adds the example to its centroid and applies passive-aggressive updates until
the example's intent leads, effective for the next message.

Weights live in numpy float32 matrices (features x intents): scoring is one row gather
and two small vector-matrix products; the 226k features of 21,700 examples x 41 intents
take 37 MB a matrix (forgetting the features seen once halved that, but cost 0.5 points
of top-1 out of fold, 2-3 in Japanese and Korean).

    clf = IntentClassifier([("where is my parcel", "track_order"), ...])
    clf.rank("where's my package?", language="en")[:3]   # [("track_order", 0.93), ...]
    clf.learn("wheres my stuff", "track_order")
"""

from __future__ import annotations

import copy
import hashlib
import math
from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np

from replies.features import features

__all__ = ["IntentClassifier", "features"]

# Softmax temperature over the combined scores when no per-language one is given: lowest
# log-loss (and ECE 0.02) on out-of-fold English library examples, 5-fold cross-validation.
DEFAULT_TEMPERATURE = 2.0
# Each model's own calibrated temperature (the linear scores' and the centroid cosines'),
# which puts the two on one scale before they are added.
LINEAR_TEMPERATURE = 0.1
CENTROID_TEMPERATURE = 0.01
_GROWTH = 4096  # rows added at a time when learn() meets new features
_DAMPING = 5.0  # centroid weight = idf * log1p(DAMPING * summed example weight)
# Training epochs, shuffles averaged and the passive-aggressive step cap; chosen by
# cross-validation on our own examples: with 13,000 examples, 5 epochs x 2 shuffles had
# the top-1 of 8 x 3 (0.799 and 0.800 out of fold) in less than half the training time.
EPOCHS = 5
BAGS = 2
AGGRESSIVENESS = 1.0
BATCH = 16  # examples per training step (see _train)
# learn(): update until the learned intent leads every other by this margin (or give up
# after LEARN_STEPS updates), so one staff decision visibly changes the next suggestion.
LEARN_MARGIN = 1.0
LEARN_STEPS = 8


class IntentClassifier:
    """Ranks intents for a message; ``learn`` adds an example, effective immediately."""

    def __init__(
        self,
        examples: Iterable[tuple[str, str]],
        *,
        intents: Sequence[str] = (),
        temperature: float = DEFAULT_TEMPERATURE,
        temperatures: Mapping[str, float] | None = None,
        epochs: int = EPOCHS,
        seed: int = 0,
    ) -> None:
        examples = [(text, intent) for text, intent in examples if text.strip()]
        self.intents: list[str] = sorted({*intents, *(intent for _, intent in examples)})
        if not self.intents:
            raise ValueError("the classifier needs at least one intent with examples")
        self.temperature = temperature
        self.temperatures = dict(temperatures or {})
        self._index = {intent: i for i, intent in enumerate(self.intents)}
        # Features become row numbers as soon as they are extracted: keeping every
        # example's feature strings alive until training ends doubled peak memory.
        self._vocab: dict[str, int] = {}
        encoded: list[tuple[np.ndarray, int]] = []
        keys: list[str] = []  # what each example is visited by in training (``_train``)
        for text, intent in examples:
            if feats := set(features(text)):
                ids = [self._vocab.setdefault(f, len(self._vocab)) for f in feats]
                encoded.append((np.array(ids, dtype=np.intp), self._index[intent]))
                keys.append(f"{intent}\t{text}")
        df = np.bincount(
            np.concatenate([rows for rows, _ in encoded])
            if encoded
            else np.zeros(0, dtype=np.intp),
            minlength=len(self._vocab),
        )
        self._default_idf = math.log(1 + max(len(encoded), 1))
        size = max(len(self._vocab), 16)
        self._idf = np.full(size, self._default_idf, dtype=np.float32)
        self._idf[: len(df)] = np.log1p(len(encoded) / df)
        vectors: list[tuple[np.ndarray, np.ndarray, int]] = []
        # Centroid state: summed normalised example vectors per intent (what learn() adds to).
        self._sums = np.zeros((size, len(self.intents)), dtype=np.float32)
        for rows, c in encoded:
            values = self._idf[rows]
            values /= math.sqrt(float(values @ values))
            self._sums[rows, c] += values
            vectors.append((rows, values, c))
        # Centroid weights (idf * log1p(DAMPING * sums)) are computed for a message's rows
        # only, at scoring time: cheaper in memory than a second matrix.
        centroids = self._idf[:, None] * np.log1p(_DAMPING * self._sums)
        self._norms = np.sqrt(np.einsum("ij,ij->j", centroids, centroids))
        self._norms[self._norms == 0] = 1.0
        del centroids
        # Averaging over a few shuffles: the model no longer swings with the order in which
        # examples happen to be visited (one example more moved top-1 by ±0.3 points).
        self._weights = np.zeros((size, len(self.intents)), dtype=np.float32)
        for bag in range(BAGS):
            _train(vectors, keys, self._weights, epochs, seed + bag)
        self._weights /= epochs * BAGS

    def arrays(self) -> tuple[dict[str, object], dict[str, np.ndarray]]:
        """The trained model as plain data, for ``replies.model_cache``: JSON-ready
        metadata (intents, temperatures, the vocabulary in row order) and the numpy
        matrices. ``from_arrays`` of the two is a classifier that scores every message
        exactly as this one does."""
        meta: dict[str, object] = {
            "intents": self.intents,
            "temperature": self.temperature,
            "temperatures": self.temperatures,
            "default_idf": self._default_idf,
            "vocabulary": list(self._vocab),  # a dict keeps insertion order: row order
        }
        matrices = {
            "idf": self._idf,
            "sums": self._sums,
            "norms": self._norms,
            "weights": self._weights,
        }
        return meta, matrices

    @classmethod
    def from_arrays(
        cls, meta: Mapping[str, object], matrices: Mapping[str, np.ndarray]
    ) -> IntentClassifier:
        """The classifier ``arrays`` described, without training; ValueError when the
        parts do not fit together (a damaged or foreign file)."""
        intents, vocabulary = meta["intents"], meta["vocabulary"]
        temperatures = meta["temperatures"]
        if not (
            isinstance(intents, list)
            and intents
            and isinstance(vocabulary, list)
            and isinstance(temperatures, dict)
        ):
            raise ValueError("the model's intents, vocabulary or temperatures are missing")
        idf, sums, norms, weights = (
            np.asarray(matrices[name], dtype=np.float32)
            for name in ("idf", "sums", "norms", "weights")
        )
        rows = len(idf)
        if (
            idf.ndim != 1
            or rows < len(vocabulary)
            or sums.shape != (rows, len(intents))
            or weights.shape != sums.shape
            or norms.shape != (len(intents),)
        ):
            raise ValueError("the model's matrices do not match its vocabulary and intents")
        model = cls.__new__(cls)
        model.intents = [str(intent) for intent in intents]
        model.temperature = float(meta["temperature"])  # type: ignore[arg-type]
        model.temperatures = {str(k): float(v) for k, v in temperatures.items()}
        model._index = {intent: i for i, intent in enumerate(model.intents)}
        model._vocab = {str(feature): row for row, feature in enumerate(vocabulary)}
        if len(model._vocab) != len(vocabulary):
            raise ValueError("the model's vocabulary repeats a feature")
        model._default_idf = float(meta["default_idf"])  # type: ignore[arg-type]
        model._idf, model._sums, model._norms, model._weights = idf, sums, norms, weights
        return model

    def copy(self) -> IntentClassifier:
        """An independent classifier scoring exactly like this one: what one ``learn``s
        never reaches the other. Copies the vocabulary and the matrices as they are (a
        generic deep copy walks every one of the ~200,000 feature strings, ~50x slower)."""
        twin = copy.copy(self)
        twin.temperatures = dict(self.temperatures)
        twin._index = dict(self._index)
        twin.intents = list(self.intents)
        twin._vocab = dict(self._vocab)
        twin._idf, twin._norms = self._idf.copy(), self._norms.copy()
        twin._sums, twin._weights = self._sums.copy(), self._weights.copy()
        return twin

    def _vector(self, feats: Collection[str]) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the known features (distinct, in ``feats``' order) and their normalised
        TF-IDF values."""
        vocab = self._vocab
        rows = np.fromiter((r for f in feats if (r := vocab.get(f)) is not None), np.intp)
        values = self._idf[rows]
        unseen = len(feats) - len(rows)
        norm = math.sqrt(float(values @ values) + unseen * self._default_idf**2)
        return rows, values / norm if norm else values

    def learn(self, text: str, intent: str) -> None:
        """Take a labelled example into account now: features new to the model get the
        highest IDF (IDFs stay those of the training examples); the example joins its
        intent's centroid, and passive-aggressive updates move the linear weights until
        the example's intent leads by ``LEARN_MARGIN``.

        The result depends only on the model and the example, never on the process: the
        features are taken in sorted order (a set's order follows Python's per-process
        string hashing), so new features get the same rows and the float32 sums are added
        in the same order. A desk that restarts and ``learn``s its stored examples again on
        the same library model (``replies.model_cache``) has the very model it had."""
        if intent not in self._index:
            raise KeyError(f"unknown intent {intent!r}; known: {', '.join(self.intents)}")
        feats = sorted(set(features(text)))
        if not feats:
            return
        self._add_features(feats)
        rows, values = self._vector(feats)
        c = self._index[intent]
        old = self._idf[rows] * np.log1p(_DAMPING * self._sums[rows, c])
        self._sums[rows, c] += values
        new = self._idf[rows] * np.log1p(_DAMPING * self._sums[rows, c])
        norm2 = self._norms[c] ** 2 + float(new @ new - old @ old)
        self._norms[c] = math.sqrt(max(norm2, 0.0)) or 1.0
        for _ in range(LEARN_STEPS):
            if not _pa_step(self._weights, rows, values, c, LEARN_MARGIN, math.inf):
                break

    def _add_features(self, feats: Iterable[str]) -> None:
        """Give unseen features zero rows (growing the matrices by a fixed chunk: doubling
        would double the model's memory after a few staff decisions)."""
        new = [f for f in feats if f not in self._vocab]
        if not new:
            return
        start = len(self._vocab)
        if start + len(new) > len(self._idf):
            size = start + len(new) + _GROWTH
            self._sums, self._weights = (_grown(m, size) for m in (self._sums, self._weights))
            self._idf = np.resize(self._idf, size)
        for i, f in enumerate(new, start):
            self._vocab[f] = i
        self._idf[start : start + len(new)] = self._default_idf

    def cosines(self, text: str) -> np.ndarray:
        """Cosine of the message with every intent centroid, in ``self.intents`` order."""
        rows, values = self._vector(set(features(text)))
        return values @ self._centroid_rows(rows) / self._norms

    def _centroid_rows(self, rows: np.ndarray) -> np.ndarray:
        return self._idf[rows, None] * np.log1p(_DAMPING * self._sums[rows])

    def scores(self, text: str) -> np.ndarray:
        """Combined score for every intent, in ``self.intents`` order: the linear model's
        score plus the centroid cosine, each divided by its own calibrated temperature
        (a product of the two models' softmax distributions)."""
        rows, values = self._vector(set(features(text)))
        linear = values @ self._weights[rows]
        cosine = values @ self._centroid_rows(rows) / self._norms
        return linear / LINEAR_TEMPERATURE + cosine / CENTROID_TEMPERATURE

    def temperature_for(self, language: str | None) -> float:
        """The softmax temperature of ``language`` (the default for other languages)."""
        return self.temperatures.get(language or "", self.temperature)

    def probabilities(self, text: str, language: str | None = None) -> np.ndarray:
        """Confidence of every intent, in ``self.intents`` order, summing to 1: the softmax
        of the scores at ``language``'s calibrated temperature."""
        scores = self.scores(text).astype(np.float64)  # confidences summing to 1 exactly
        exps = np.exp((scores - scores.max()) / self.temperature_for(language))
        return np.asarray(exps / exps.sum())

    def rank(self, text: str, language: str | None = None) -> list[tuple[str, float]]:
        """Every intent with its confidence (see ``probabilities``), best first."""
        return self.ranked(self.probabilities(text, language))

    def ranked(self, probabilities: np.ndarray) -> list[tuple[str, float]]:
        """``(intent, confidence)`` pairs of a vector in ``self.intents`` order, best first."""
        order = np.argsort(-probabilities, kind="stable").tolist()
        values = probabilities.tolist()
        return [(self.intents[i], values[i]) for i in order]


def _grown(matrix: np.ndarray, size: int) -> np.ndarray:
    grown = np.zeros((size, matrix.shape[1]), dtype=matrix.dtype)
    grown[: len(matrix)] = matrix
    return grown


def _pa_step(
    weights: np.ndarray, rows: np.ndarray, values: np.ndarray, c: int, margin: float, cap: float
) -> float:
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


def _train(
    vectors: list[tuple[np.ndarray, np.ndarray, int]],
    keys: list[str],
    total: np.ndarray,
    epochs: int,
    seed: int,
) -> None:
    """Passive-aggressive training (PA-I), deterministic for a seed: adds the weights
    reached at the end of each epoch to ``total`` (the caller divides by the number of
    epochs summed: averaging makes the result far less sensitive to the order of the last
    examples; summing in place keeps one matrix fewer in memory while training).

    Examples are visited in small shuffled batches that all see the same weights: one
    gather, one product and two scattered updates per batch instead of per example, which
    made training faster at the same cross-validated accuracy (the library grew past
    20,000 examples, and the engine trains at every desk start).
    """
    weights = np.zeros_like(total)
    for epoch in range(epochs):
        order = sorted(range(len(vectors)), key=lambda i: _place(seed, epoch, keys[i]))
        for start in range(0, len(order), BATCH):
            _pa_batch(weights, [vectors[i] for i in order[start : start + BATCH]])
        total += weights


def _place(seed: int, epoch: int, key: str) -> bytes:
    """Where an example comes in an epoch's order: a hash of the example itself, so the
    order is a shuffle that one more example does not redraw. With a shuffle of positions,
    adding a phrasing visited every other example in a new order, and the model moved
    everywhere: messages nothing to do with the new phrasing swung across the abstention
    threshold (a held-out set's figures moved by a message or two at each edit of the
    library). Now the others keep their order around it, and only what it teaches
    changes."""
    return hashlib.blake2b(f"{seed}:{epoch}:{key}".encode(), digest_size=8).digest()


def _pa_batch(weights: np.ndarray, batch: list[tuple[np.ndarray, np.ndarray, int]]) -> None:
    """One PA-I step for each example of ``batch`` (unit-norm vectors, margin 1), all
    scored with the weights as they were before the batch."""
    rows = np.concatenate([r for r, _, _ in batch])
    values = np.concatenate([v for _, v, _ in batch])
    sizes = np.array([len(r) for r, _, _ in batch])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    labels = np.array([c for _, _, c in batch])
    scores = np.add.reduceat(weights[rows] * values[:, None], starts, axis=0)
    every = np.arange(len(batch))
    mine = scores[every, labels].copy()
    scores[every, labels] = -np.inf
    rivals = scores.argmax(axis=1)
    loss = 1.0 - (mine - scores[every, rivals])
    steps = np.minimum(AGGRESSIVENESS, np.maximum(loss, 0.0) / 2.0)  # |values| = 1
    if not steps.any():
        return
    per_feature = np.repeat(steps, sizes).astype(np.float32) * values
    np.add.at(weights, (rows, np.repeat(labels, sizes)), per_feature)
    np.add.at(weights, (rows, np.repeat(rivals, sizes)), -per_feature)
