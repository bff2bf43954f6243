"""Translations that fall back to the original text are counted for /metrics, by reason
(the provider failed, paused after repeated failures, a protected term lost); a disabled
translator or a cache hit is no failure."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.metrics import DeskMetrics
from bot.translation import MemoryTranslationCache, Translator
from tests.bot.translation.test_translation import FakeClock
from tests.fakes.libretranslate_api import FakeLibreTranslate


@pytest.fixture(autouse=True)
def _loopback_without_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """requests honours proxy variables too; the fake must be reached directly."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
async def libre() -> AsyncIterator[FakeLibreTranslate]:
    async with FakeLibreTranslate() as fake:
        yield fake


def failures(metrics: DeskMetrics) -> dict[str, float]:
    """The failure counter by reason, as /metrics shows it (absent reasons left out)."""
    counted = {
        reason: metrics.registry.get_sample_value(
            "borderdesk_translation_failures_total", {"reason": reason}
        )
        for reason in ("provider", "paused", "mangled")
    }
    return {reason: value for reason, value in counted.items() if value}


async def test_each_fallback_to_the_original_is_counted_by_its_reason(
    libre: FakeLibreTranslate,
) -> None:
    metrics = DeskMetrics()
    translator = Translator(
        "libretranslate",
        url=libre.url,
        cache=MemoryTranslationCache(),
        clock=FakeClock(),
        failure_threshold=2,
        metrics=metrics,
    )
    assert (await translator.translate("Hola", source="es", target="en")).ok
    assert (await translator.translate("Hola", source="es", target="en")).ok  # cached
    assert failures(metrics) == {}

    libre.answer_next(lambda translated: translated.replace("⟦0⟧", ""))
    assert not (await translator.translate("Mi pedido #A10293", source="es", target="en")).ok
    libre.fail_next(500, times=2)
    for _ in range(2):
        assert not (await translator.translate("Gracias", source="es", target="en")).ok
    assert not (await translator.translate("Gracias", source="es", target="en")).ok  # paused

    assert failures(metrics) == {"mangled": 1, "provider": 2, "paused": 1}


async def test_a_disabled_translator_counts_no_failure() -> None:
    metrics = DeskMetrics()
    translator = Translator("none", cache=MemoryTranslationCache(), metrics=metrics)
    assert not (await translator.translate("Hola", source="es", target="en")).ok
    assert failures(metrics) == {}
