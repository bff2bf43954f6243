"""An Arabic message opening with "السلام عليكم" is answered "وعليكم السلام".

Sendability set 3 #53: the greeting of peace was answered "مرحباً، أهلاً بك", which a
shopper who wrote it notices. The probes were written fresh for this file: the greeting
alone, with a question after it, with and without the shopper's name and a linked order.
"""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.salaam import opens_with_salaam, returned_salaam
from tests.replies.shopper_figures import runtime_engine

RETURNED = "وعليكم السلام"


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize(
    "text",
    [
        "السلام عليكم",
        "السلام عليكم ورحمة الله وبركاته",
        "السَّلامُ عَلَيْكُمْ، كيف حالكم؟",
        "سلام عليكم، عندي سؤال",
        "👋 السلام عليكم",
    ],
)
def test_the_greeting_of_peace_is_recognised_however_it_is_typed(text: str) -> None:
    assert opens_with_salaam(text)


@pytest.mark.parametrize("text", ["مرحبا، أين طلبي؟", "أين طلبي؟ السلام عليكم", "شكراً جزيلاً"])
def test_other_openings_are_not_the_greeting_of_peace(text: str) -> None:
    assert not opens_with_salaam(text)


def test_the_replys_opening_greeting_becomes_the_returned_salaam() -> None:
    text = "السلام عليكم، أين طلبي؟"
    assert returned_salaam("مرحبًا أحمد، طلبك في الطريق.", "ar", text) == (
        "وعليكم السلام يا أحمد، طلبك في الطريق."
    )
    assert returned_salaam("مرحباً، أهلاً بك في متجرنا!", "ar", text) == (
        "وعليكم السلام، أهلاً بك في متجرنا!"
    )
    # a reply that opens with its matter gets the returned greeting in front
    assert returned_salaam("نأسف للتأخير.", "ar", text) == "وعليكم السلام، نأسف للتأخير."


def test_other_messages_and_languages_are_left_alone() -> None:
    assert returned_salaam("مرحبًا، طلبك في الطريق.", "ar", "مرحبا، أين طلبي؟") == (
        "مرحبًا، طلبك في الطريق."
    )
    assert returned_salaam("Hello, your order is on its way.", "en", "السلام عليكم") == (
        "Hello, your order is on its way."
    )


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("السلام عليكم", None),
        ("السلام عليكم ورحمة الله، متى يصل طلبي؟", {"order_number": "A1", "order_status": "paid"}),
        ("السلام عليكم، هل يمكنني الدفع عند الاستلام؟", None),
        ("السلام عليكم، أريد إرجاع الحذاء لأنه صغير", None),
    ],
)
def test_a_suggested_arabic_reply_returns_the_greeting_of_peace(
    engine: SuggestionEngine, text: str, order: dict[str, str] | None
) -> None:
    suggestion = engine.suggest(text, lang_hint="ar", variables=order)
    assert suggestion.reply, suggestion.top
    assert suggestion.reply.startswith(RETURNED), suggestion.reply
    assert "مرحب" not in suggestion.reply[:40]
    assert suggestion.reply.count(RETURNED) == 1


def test_an_arabic_hello_is_not_answered_with_the_greeting_of_peace(
    engine: SuggestionEngine,
) -> None:
    suggestion = engine.suggest("مرحبا، متى يصل طلبي؟", lang_hint="ar")
    assert suggestion.reply and RETURNED not in suggestion.reply
