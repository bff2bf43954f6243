"""Issue 15's bar for suggestions, on realistic shoppers in 14 languages.

The messages (``shoppers/<lang>.jsonl``) were written fresh and labelled before the
engine ran on them; the figures come from ``shopper_figures``, the same code that
``bench/shopper_eval.py`` prints, so the test and the README figures cannot disagree.
The targets are the issue's: do not lower them to make this pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import DEFAULT_LANGUAGES
from bot.models import Suggestion
from replies.engine import SuggestionEngine
from tests.replies.shopper_figures import (
    SHOPPERS_FRESH,
    SHOPPERS_HARD,
    SHOPPERS_HELDOUT,
    SHOPPERS_HELDOUT2,
    SHOPPERS_HELDOUT3,
    Outcome,
    Shopper,
    ShopperSetError,
    evaluate,
    load_shoppers,
    runtime_engine,
    shopper_figures,
)

MIN_TOP1 = 0.92
MAX_ABSTAIN = 0.10
MAX_WRONG_CONFIDENT = 0.02


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.fixture(scope="module")
def figures(engine: SuggestionEngine) -> dict[str, float]:
    return shopper_figures(evaluate(engine, load_shoppers(intents=engine.library)))


def _by_language(figures: dict[str, float], rate: str) -> str:
    return ", ".join(
        f"{lang} {figures[f'lang.{lang}.{rate}']:.2f}" for lang in sorted(DEFAULT_LANGUAGES)
    )


def test_the_set_has_every_store_language_and_every_intent(engine: SuggestionEngine) -> None:
    shoppers = load_shoppers(intents=engine.library)
    per_language = {lang: sum(s.lang == lang for s in shoppers) for lang in DEFAULT_LANGUAGES}
    assert all(count >= 30 for count in per_language.values()), per_language
    assert {s.intent for s in shoppers} == set(engine.library)


@pytest.mark.parametrize(
    ("directory", "at_least"),
    [(SHOPPERS_HARD, 20), (SHOPPERS_HELDOUT, 30), (SHOPPERS_HELDOUT2, 30), (SHOPPERS_HELDOUT3, 30)],
)
def test_the_figures_only_sets_have_every_store_language_and_only_library_intents(
    engine: SuggestionEngine, directory: Path, at_least: int
) -> None:
    # Figures only (bench/shopper_eval.py --set hard / heldout / heldout2 / heldout3): no
    # target, so the library is not tuned on the sets meant to give an honest figure (a
    # held-out set tuned to would no longer be held out).
    shoppers = load_shoppers(directory, intents=engine.library)
    per_language = {lang: sum(s.lang == lang for s in shoppers) for lang in DEFAULT_LANGUAGES}
    assert all(count >= at_least for count in per_language.values()), per_language
    assert {s.lang for s in shoppers} == set(DEFAULT_LANGUAGES)


def test_the_blind_development_set_reaches_the_issue_targets(engine: SuggestionEngine) -> None:
    figures = shopper_figures(
        evaluate(engine, load_shoppers(SHOPPERS_FRESH, intents=engine.library))
    )
    assert figures["top1"] >= MIN_TOP1, _by_language(figures, "top1")
    assert figures["abstain_rate"] <= MAX_ABSTAIN, _by_language(figures, "abstain_rate")
    assert figures["wrong_confident_rate"] <= MAX_WRONG_CONFIDENT, _by_language(
        figures, "wrong_confident_rate"
    )


def test_top1_reaches_the_issue_target(figures: dict[str, float]) -> None:
    assert figures["top1"] >= MIN_TOP1, (
        f"top-1 {figures['top1']:.3f} < {MIN_TOP1}; by language: {_by_language(figures, 'top1')}"
    )


def test_abstains_on_few_shoppers(figures: dict[str, float]) -> None:
    assert figures["abstain_rate"] <= MAX_ABSTAIN, (
        f"abstains on {figures['abstain_rate']:.1%} > {MAX_ABSTAIN:.0%}; "
        f"by language: {_by_language(figures, 'abstain_rate')}"
    )


def test_rarely_offers_a_wrong_reply_to_send(figures: dict[str, float]) -> None:
    assert figures["wrong_confident_rate"] <= MAX_WRONG_CONFIDENT, (
        f"wrong at or above the send threshold on {figures['wrong_confident_rate']:.1%} "
        f"> {MAX_WRONG_CONFIDENT:.0%}; by language: "
        f"{_by_language(figures, 'wrong_confident_rate')}"
    )


def _outcome(intent: str, top: list[str], also: tuple[str, ...] = ()) -> Outcome:
    shopper = Shopper("x", "en", "track_order", also, ("plain",))
    scores = tuple((name, 0.9 - i / 10) for i, name in enumerate(top))
    return Outcome(shopper, Suggestion(language="en", intent=intent, confidence=0.9, top=scores))


def test_figures_count_also_as_right_and_a_wrong_shown_reply_as_wrong_confident() -> None:
    figures = shopper_figures(
        [
            _outcome("track_order", ["track_order", "delivery_delay"]),
            _outcome("delivery_delay", ["delivery_delay"], also=("delivery_delay",)),
            _outcome("unknown", ["greeting", "track_order"]),
            _outcome("cancel_order", ["cancel_order", "greeting", "thanks"]),
        ]
    )
    assert figures["top1"] == 0.5 and figures["top3"] == 0.75
    assert figures["abstain_rate"] == 0.25 and figures["wrong_confident_rate"] == 0.25
    assert figures["lang.en.top1"] == 0.5 and figures["kind.plain.n"] == 4
    assert figures["confusion.track_order->greeting"] == 1


def test_a_label_naming_no_library_intent_is_refused(tmp_path: Path) -> None:
    line = {"text": "hola", "lang": "es", "intent": "say_hello", "kinds": ["short"]}
    (tmp_path / "es.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ShopperSetError, match=r"es\.jsonl:1: .*say_hello"):
        load_shoppers(tmp_path, intents=["greeting"])


def test_a_follow_up_without_its_previous_message_is_refused(tmp_path: Path) -> None:
    line = {"text": "the green one", "lang": "en", "intent": "change_order", "kinds": ["follow_up"]}
    (tmp_path / "en.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ShopperSetError, match=r"en\.jsonl:1: .*context"):
        load_shoppers(tmp_path)
