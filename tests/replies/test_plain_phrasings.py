"""The plainest phrasings of every intent, in every language, must keep reading right.

``plain_phrasings/`` (see its README) were probes the library was then completed against:
a regression guard, not a quality figure. Every example added for one language moves the
shared model a little for all of them, so the floor allows a few messages near the
threshold to slip rather than demanding every one; it fails when a change makes a
language's plain questions read wrong as a rule.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from bot.config import DEFAULT_LANGUAGES
from replies.engine import SuggestionEngine
from tests.replies.shopper_figures import runtime_engine

PLAIN = Path(__file__).with_name("plain_phrasings")
# All 2,296 read right when the floor was set; at most about 3 in 164 per language may slip.
MIN_TOP1_PER_LANGUAGE = 0.98
MAX_ABSTAIN_PER_LANGUAGE = 0.03


@pytest.fixture(scope="module")
def outcomes() -> dict[str, list[tuple[str, str, str, float]]]:
    engine: SuggestionEngine = runtime_engine()
    found: dict[str, list[tuple[str, str, str, float]]] = defaultdict(list)
    for path in sorted(PLAIN.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                probe = json.loads(line)
                s = engine.suggest(probe["text"], lang_hint=probe["lang"])
                best = s.top[0][0] if s.top else "unknown"
                found[probe["lang"]].append((probe["text"], probe["intent"], best, s.confidence))
    return found


def test_every_language_and_intent_has_plain_probes() -> None:
    engine_intents = set(runtime_engine().library)
    for lang in DEFAULT_LANGUAGES:
        lines = (PLAIN / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        intents = [json.loads(line)["intent"] for line in lines if line.strip()]
        assert set(intents) == engine_intents, lang
        assert all(intents.count(intent) >= 4 for intent in engine_intents), lang


@pytest.mark.parametrize("lang", sorted(DEFAULT_LANGUAGES))
def test_plain_questions_read_right(
    outcomes: dict[str, list[tuple[str, str, str, float]]], lang: str
) -> None:
    probes = outcomes[lang]
    wrong = [(text, want, got) for text, want, got, _ in probes if got != want]
    assert 1 - len(wrong) / len(probes) >= MIN_TOP1_PER_LANGUAGE, wrong


@pytest.mark.parametrize("lang", sorted(DEFAULT_LANGUAGES))
def test_plain_questions_get_a_suggestion(
    outcomes: dict[str, list[tuple[str, str, str, float]]], lang: str
) -> None:
    probes = outcomes[lang]
    unsure = [(text, confidence) for text, _, _, confidence in probes if confidence < 0.5]
    assert len(unsure) / len(probes) <= MAX_ABSTAIN_PER_LANGUAGE, unsure
