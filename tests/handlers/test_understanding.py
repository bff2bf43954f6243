"""The English view the inbound handler gives the engine: translated when it can be, and
never in the way (the translator down or slow leaves the original as the only view)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import pytest

from bot.models import Suggestion
from bot.translation import MemoryTranslationCache, Translator
from handlers.understanding import NOTHING_TO_READ, THREAT_NOTE, english_view, reading_notes
from tests.fakes.libretranslate_api import FakeLibreTranslate

WHERE = "Hola, ¿dónde está mi pedido?"


@pytest.fixture
async def libre() -> AsyncIterator[FakeLibreTranslate]:
    async with FakeLibreTranslate() as fake:
        yield fake


def context(translator: Translator) -> Any:
    titles = {"track_order": "Track order", "check_payment_methods": "Payment methods"}
    engine = SimpleNamespace(
        intent_info=lambda intent: SimpleNamespace(title=titles[intent]), threshold=0.5
    )
    return SimpleNamespace(translator=translator, engine=engine)


def libre_translator(
    fake: FakeLibreTranslate, provider: str = "libretranslate", timeout: float = 10.0
) -> Translator:
    """A translator of the fake; a generous timeout unless a test is about a slow one, so
    a busy machine does not fail a test about something else."""
    return Translator(
        provider, cache=MemoryTranslationCache(), url=fake.url, timeout=timeout, failure_threshold=9
    )


async def test_a_spanish_message_gets_its_english_translation(libre: FakeLibreTranslate) -> None:
    assert await english_view(context(libre_translator(libre)), WHERE, "es") == (
        "Hello, ¿where is my order?"
    )


async def test_english_unknown_and_translation_off_are_not_translated(
    libre: FakeLibreTranslate,
) -> None:
    ctx = context(libre_translator(libre))
    assert await english_view(ctx, "where is my order?", "en") is None
    assert await english_view(ctx, WHERE, "unknown") is None
    off = context(Translator("none", cache=MemoryTranslationCache()))
    assert await english_view(off, WHERE, "es") is None
    assert libre.requests == []


async def test_a_failing_or_slow_translator_leaves_the_original_only(
    libre: FakeLibreTranslate,
) -> None:
    ctx = context(libre_translator(libre, timeout=0.5))
    libre.fail_next(500)
    assert await english_view(ctx, WHERE, "es") is None
    libre.delay(2.0)  # longer than the translator's timeout
    assert await english_view(ctx, "Hola, ¿dónde está mi paquete?", "es") is None
    libre.delay(0)


def test_the_card_notes_show_the_threat_and_the_other_questions() -> None:
    ctx = context(Translator("none", cache=MemoryTranslationCache()))
    s = Suggestion(
        language="en",
        intent="get_refund",
        confidence=0.9,
        flags=("threat",),
        also_asks=("track_order", "check_payment_methods"),
    )
    assert reading_notes(ctx, s) == [
        THREAT_NOTE,
        "Also asks about: Track order; Payment methods.",
    ]
    assert reading_notes(ctx, Suggestion(language="en", intent="thanks", confidence=1.0)) == []


def test_a_card_without_a_suggestion_says_why() -> None:
    ctx = context(Translator("none", cache=MemoryTranslationCache()))
    unsure = Suggestion(
        language="zh",
        intent="unknown",
        confidence=0.49,
        top=(("track_order", 0.49), ("check_payment_methods", 0.19), ("track_order", 0.1)),
    )
    assert reading_notes(ctx, unsure) == [
        "No suggestion: not sure enough (best readings: Track order 49%, Payment methods 19%;"
        " a suggestion needs 50%)."
    ]
    sticker = Suggestion(language="unknown", intent="unknown", confidence=0.0)
    assert reading_notes(ctx, sticker) == [NOTHING_TO_READ]
