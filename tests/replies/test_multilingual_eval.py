"""Top-1 accuracy on our own multilingual evaluation set (multilingual_eval.yaml)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from replies.classifier import IntentClassifier
from replies.library import load_library

EVAL = Path(__file__).with_name("multilingual_eval.yaml")
LANGUAGES = "en es fr de it pt nl pl ru tr ja ko zh ar".split()


def test_eval_set_covers_every_default_language() -> None:
    data = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    assert all(len(data.get(lang, [])) >= 10 for lang in LANGUAGES)


def test_top1_on_multilingual_eval_set() -> None:
    library = load_library()
    data = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    clf = IntentClassifier(
        [
            (text, spec.intent)
            for spec in library.values()
            for texts in spec.examples.values()
            for text in texts
        ]
    )
    misses: Counter[str] = Counter()
    total = correct = 0
    for lang, items in data.items():
        for intent, text in items:
            assert intent in library, f"eval intent {intent!r} is not in the library"
            total += 1
            if clf.rank(text)[0][0] == intent:
                correct += 1
            else:
                misses[lang] += 1
    assert correct / total >= 0.85, f"top-1 {correct / total:.3f}; misses by language {misses}"
