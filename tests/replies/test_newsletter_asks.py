"""A newsletter question that says which way is not asked which way (issue 15, sendability
set 4 #54: "メルマガ多すぎるので止めたいです" was asked "登録・停止のどちらをご希望か").
Fresh probes, run through the engine as the runtime builds it.
"""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.facts.ask_sentences import NEWSLETTER
from tests.replies.shopper_figures import runtime_engine


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize(
    ("language", "text", "which"),
    [
        ("ja", "メルマガ多すぎるので止めたいです。どこから解除できますか", 1),
        ("de", "Newsletter abbestellen bitte", 1),
        ("en", "how do I get your newsletter?", 2),
    ],
)
def test_the_way_said_is_not_asked(
    engine: SuggestionEngine, language: str, text: str, which: int
) -> None:
    s = engine.suggest(text, lang_hint=language)
    assert s.intent == "newsletter_subscription" and s.reply, s
    assert NEWSLETTER[language][which] in s.reply
    assert NEWSLETTER[language][0] not in s.reply
