"""Intent classifier: character and word n-grams, TF-IDF centroids, softmax confidence.

Why this shape: it must run offline, in pure Python, in well under a millisecond, on
14 languages (CJK without spaces included), and learn one staff-labelled example at a
time without a restart. Each intent is a sparse centroid of its examples (sum of their
L2-normalised TF-IDF vectors, dampened with ``log1p`` so one very frequent word cannot
own an intent); a message scores the cosine with every centroid, and a softmax with a
calibrated temperature turns the cosines into confidences.

Scoring uses one trick: every feature's weights for all intents are packed into one
Python integer, one 64-bit fixed-point lane per intent (plus one lane for the squared
IDF, the message's own norm). Summing the integers of a message's features adds all
lanes at once in C, so scoring costs one big-integer addition per feature instead of
one Python operation per (feature, intent) pair. Weights are never negative, so lanes
never borrow from each other.

    clf = IntentClassifier([("where is my parcel", "track_order"), ...])
    clf.rank("where's my package?")[:3]   # [("track_order", 0.93), ...]
    clf.learn("wheres my stuff", "track_order")
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

# Softmax temperature over cosine scores; calibrated with bench/intent_bench.py
# (held-out library examples and tests/replies/multilingual_eval.yaml).
DEFAULT_TEMPERATURE = 0.01
_DAMPING = 5.0  # weight = idf * log1p(DAMPING * summed example weight)
_LANE_BITS = 64
_SCALE = float(1 << 32)
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
                 temperature: float = DEFAULT_TEMPERATURE) -> None:
        examples = [(text, intent) for text, intent in examples if text.strip()]
        self.intents: list[str] = sorted({*intents, *(intent for _, intent in examples)})
        if not self.intents:
            raise ValueError("the classifier needs at least one intent with examples")
        self.temperature = temperature
        self._index = {intent: i for i, intent in enumerate(self.intents)}
        self._idf_lane = len(self.intents) * _LANE_BITS
        featured = [(set(features(text)), intent) for text, intent in examples]
        df = Counter(f for feats, _ in featured for f in feats)
        self._default_idf = math.log(1 + max(len(featured), 1))
        self._idf = {f: math.log(1 + len(featured) / n) for f, n in df.items()}
        # Summed normalised example weights per intent, the learning state.
        self._sums: list[dict[str, float]] = [{} for _ in self.intents]
        for feats, intent in featured:
            self._accumulate(feats, self._index[intent])
        self._norm2 = [0.0] * len(self.intents)
        self._rows: dict[str, int] = {}
        for c, sums in enumerate(self._sums):
            for f, s in sums.items():
                w = self._weight(f, s)
                self._norm2[c] += w * w
                self._rows[f] = self._rows.get(f, 0) + (self._fixed(f, w) << (c * _LANE_BITS))
        for f, row in self._rows.items():
            self._rows[f] = row + self._idf_bits(f)

    def _idf_bits(self, f: str) -> int:
        return round(self._idf[f] ** 2 * _SCALE) << self._idf_lane

    def _fixed(self, f: str, weight: float) -> int:
        """Lane value: the centroid weight times the message's own weight (its IDF)."""
        return round(self._idf[f] * weight * _SCALE)

    def _weight(self, f: str, summed: float) -> float:
        return self._idf[f] * math.log1p(_DAMPING * summed)

    def _accumulate(self, feats: set[str], c: int) -> set[str]:
        """Add one example's normalised TF-IDF vector to intent ``c``; return new features."""
        new = {f for f in feats if f not in self._idf}
        for f in new:
            self._idf[f] = self._default_idf
        norm = math.sqrt(sum(self._idf[f] ** 2 for f in feats)) or 1.0
        sums = self._sums[c]
        for f in feats:
            sums[f] = sums.get(f, 0.0) + self._idf[f] / norm
        return new

    def learn(self, text: str, intent: str) -> None:
        """Take a labelled example into account now (features new to the model get the
        highest IDF; all IDFs are recomputed at the next load)."""
        if intent not in self._index:
            raise KeyError(f"unknown intent {intent!r}; known: {', '.join(self.intents)}")
        feats = set(features(text))
        if not feats:
            return
        c = self._index[intent]
        before = {f: self._sums[c].get(f, 0.0) for f in feats}
        for f in self._accumulate(feats, c):
            self._rows[f] = self._idf_bits(f)
        shift = c * _LANE_BITS
        for f in feats:
            old, new = self._weight(f, before[f]), self._weight(f, self._sums[c][f])
            self._norm2[c] += new * new - old * old
            self._rows[f] += (self._fixed(f, new) - self._fixed(f, old)) << shift

    def cosines(self, text: str) -> list[float]:
        """Cosine of the message with every intent centroid, in ``self.intents`` order."""
        feats = set(features(text))
        rows = self._rows
        known = [rows[f] for f in feats if f in rows]
        unseen = len(feats) - len(known)
        lanes = len(self.intents) + 1
        total = sum(known).to_bytes(lanes * _LANE_BITS // 8, sys.byteorder)
        values = memoryview(total).cast("Q")
        q2 = values[-1] / _SCALE + unseen * self._default_idf ** 2
        if q2 <= 0:
            return [0.0] * len(self.intents)
        qn = math.sqrt(q2) * _SCALE
        return [v / (qn * math.sqrt(n2)) if n2 > 0 else 0.0
                for v, n2 in zip(values[:-1], self._norm2, strict=True)]

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every intent with its confidence (softmax of the cosines), best first."""
        cos = self.cosines(text)
        top = max(cos)
        exps = [math.exp((c - top) / self.temperature) for c in cos]
        total = sum(exps)
        ranked = sorted(zip(self.intents, (e / total for e in exps), strict=True),
                        key=lambda item: item[1], reverse=True)
        return ranked
