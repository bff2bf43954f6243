"""The translation layer, driving deep-translator's real LibreTranslator over HTTP.

Every test talks to a FakeLibreTranslate on 127.0.0.1 (the shared conftest keeps proxies
away from loopback); time for the circuit breaker comes from a hand-moved clock.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import requests

from bot.translation import (
    DISABLED,
    PAUSED,
    CircuitState,
    MemoryTranslationCache,
    Translator,
    describe_translation,
)
from bot.translation.providers import CallInfo, make_provider, resolve_language
from tests.fakes.libretranslate_api import FakeLibreTranslate, lexicon_translate


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def _loopback_without_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """requests honours proxy variables too; the fake must be reached directly."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
async def libre() -> AsyncIterator[FakeLibreTranslate]:
    async with FakeLibreTranslate() as fake:
        yield fake


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def libre_translator(
    fake: FakeLibreTranslate, clock: FakeClock | None = None, **options: Any
) -> Translator:
    options.setdefault("cache", MemoryTranslationCache())
    options.setdefault("timeout", 2.0)
    return Translator("libretranslate", url=fake.url, clock=clock or FakeClock(), **options)


async def test_round_trip_through_the_real_client(libre: FakeLibreTranslate) -> None:
    translator = libre_translator(libre)

    inbound = await translator.translate("Hola, ¿dónde está mi pedido?", source="es", target="en")
    outbound = await translator.translate(
        "Thanks, your package is shipped today", source="en", target="es"
    )

    assert inbound.text == "Hello, ¿where is my order?"
    assert (inbound.ok, inbound.provider, inbound.cached, inbound.error) == (
        True,
        "libretranslate",
        False,
        None,
    )
    assert outbound.text == "Gracias, tu paquete está enviado hoy"
    first = libre.requests[0]
    assert (first.method, first.path, first.encoding) == ("POST", "/translate", "query")
    assert first.params == {
        "q": "Hola, ¿dónde está mi pedido?",
        "source": "es",
        "target": "en",
        "format": "text",
    }  # no dummy api_key


async def test_identical_text_is_translated_once(libre: FakeLibreTranslate) -> None:
    cache = MemoryTranslationCache()
    translator = libre_translator(libre, cache=cache)

    first = await translator.translate("Hola", source="es", target="en")
    second = await translator.translate("Hola", source="es", target="en")
    other_pair = await translator.translate("Hola", source="es", target="de")

    assert (first.text, first.cached) == ("Hello", False)
    assert (second.text, second.cached, second.ok) == ("Hello", True, True)
    assert other_pair.text == "Hallo"
    assert len(libre.requests) == 2
    assert cache.entries[("libretranslate", "es", "en", "Hola")] == "Hello"


PROTECTED = (
    "{shopper_name}",
    "#A10293",
    "Pedido Express",
    "1Z999AA10123456784",
    "LX123456789CN",
    "https://shop.example/pedido/A10293",
    "ayuda@tienda.es",
    "6123456789",
)
SHOPPER_TEXT = (
    "Hola {shopper_name}, tu pedido #A10293 va con Pedido Express: "
    "1Z999AA10123456784 y LX123456789CN. Enlace: https://shop.example/pedido/A10293"
    " o ayuda@tienda.es, 6123456789"
)


async def test_protected_terms_are_never_translated(libre: FakeLibreTranslate) -> None:
    unprotected = lexicon_translate(SHOPPER_TEXT, "es", "en")
    assert "Order Express" in unprotected and "/order/" in unprotected  # the fake would alter
    translator = libre_translator(libre, glossary=["Pedido Express", "DHL"])

    result = await translator.translate(SHOPPER_TEXT, source="es", target="en")

    assert result.ok
    assert result.text == (
        "Hello {shopper_name}, your order #A10293 va with Pedido Express: "
        "1Z999AA10123456784 and LX123456789CN. Link: https://shop.example/pedido/A10293"
        " o ayuda@tienda.es, 6123456789"
    )
    sent = libre.requests[0].params["q"]
    assert not [term for term in PROTECTED if term in sent]
    assert sent.count("⟦") == len(PROTECTED)


async def test_placeholder_padded_by_the_engine_is_restored(libre: FakeLibreTranslate) -> None:
    libre.answer_next(lambda translated: translated.replace("⟦0⟧", "⟦ 0 ⟧"))

    result = await libre_translator(libre).translate("Mi pedido #A10293", source="es", target="en")

    assert (result.ok, result.text) == (True, "My order #A10293")


async def test_lost_order_number_shows_the_original(libre: FakeLibreTranslate) -> None:
    cache = MemoryTranslationCache()
    translator = libre_translator(libre, cache=cache)
    libre.answer_next(lambda translated: translated.replace("⟦0⟧", ""))

    lost = await translator.translate("Mi pedido #A10293", source="es", target="en")
    retried = await translator.translate("Mi pedido #A10293", source="es", target="en")

    assert (lost.ok, lost.text) == (False, "Mi pedido #A10293")
    assert lost.error is not None and "protected term" in lost.error
    assert (retried.ok, retried.text) == (True, "My order #A10293")  # nothing bad was cached
    assert translator.circuit is CircuitState.CLOSED  # the provider itself answered


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Hola", "es", "es"),
        ("Hola", "ES", "es"),
        ("", "es", "en"),
        ("12345 !!", "es", "en"),
        ("#A10293 https://shop.example/t/LX123456789CN", "es", "en"),
    ],
)
async def test_nothing_to_translate_needs_no_request(
    libre: FakeLibreTranslate, text: str, source: str, target: str
) -> None:
    result = await libre_translator(libre).translate(text, source=source, target=target)

    assert (result.text, result.ok, result.error) == (text, True, None)
    assert libre.requests == []


async def test_timeout_returns_the_original_quickly(libre: FakeLibreTranslate) -> None:
    # the server holds the request a minute (released when the fake stops): returning in
    # well under that is our timeout at work, however slow the machine
    libre.delay(60.0)
    started = time.monotonic()

    result = await libre_translator(libre, timeout=0.3).translate("Hola", source="es", target="en")

    assert time.monotonic() - started < 30
    assert (result.ok, result.text) == (False, "Hola")
    assert result.error == "LibreTranslate did not answer within 0.3 seconds"


async def test_abandoned_worker_ends_by_itself(libre: FakeLibreTranslate) -> None:
    """deep-translator sets no timeout; ours reaches its requests, so no thread hangs forever."""
    libre.delay(60.0)  # a minute, released when the fake stops: see the test above
    provider = make_provider("libretranslate", api_key=None, url=libre.url)
    assert provider is not None
    started = time.monotonic()

    with pytest.raises(requests.Timeout):
        await asyncio.to_thread(provider.translate_blocking, "Hola", "es", "en", CallInfo(0.2))

    assert time.monotonic() - started < 30


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (500, "LibreTranslate had a server error (HTTP 500)"),
        (503, "LibreTranslate had a server error (HTTP 503)"),
        (429, "LibreTranslate is rate-limiting us or the quota is used up (HTTP 429)"),
    ],
)
async def test_http_errors_return_the_original(
    libre: FakeLibreTranslate, status: int, words: str
) -> None:
    libre.fail_next(status)

    result = await libre_translator(libre).translate("Hola", source="es", target="en")

    assert (result.ok, result.text, result.cached) == (False, "Hola", False)
    assert result.error is not None and result.error.startswith(words)


async def test_unreachable_server_is_reported_in_plain_words() -> None:
    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    translator = Translator("libretranslate", cache=MemoryTranslationCache(), url=url)

    result = await translator.translate("Hola", source="es", target="en")

    assert (result.ok, result.text) == (False, "Hola")
    assert result.error == f"could not connect to LibreTranslate ({url})"


async def test_api_key_is_sent_and_a_missing_one_explained() -> None:
    async with FakeLibreTranslate(api_key="s3cret") as fake:
        keyed = await libre_translator(fake, api_key="s3cret").translate(
            "Hola", source="es", target="en"
        )
        keyless = await libre_translator(fake).translate("Hola", source="es", target="en")

    assert (keyed.ok, keyed.text) == (True, "Hello")
    assert fake.requests[0].params["api_key"] == "s3cret"
    assert (keyless.ok, keyless.text) == (False, "Hola")
    assert keyless.error is not None and "BORDERDESK_TRANSLATOR_API_KEY" in keyless.error


async def test_circuit_opens_after_repeated_failures_and_closes_on_success(
    libre: FakeLibreTranslate, clock: FakeClock
) -> None:
    translator = libre_translator(libre, clock, failure_threshold=3, open_seconds=60.0)
    assert (await translator.translate("Hola", source="es", target="en")).ok  # now cached
    libre.fail_next(500, times=3)
    for _ in range(3):
        assert not (await translator.translate("Gracias", source="es", target="en")).ok

    paused = await translator.translate("Gracias", source="es", target="en")
    clock.now += 59.9
    still_paused = await translator.translate("Gracias", source="es", target="en")
    cached = await translator.translate("Hola", source="es", target="en")

    assert (paused.ok, paused.text, paused.error) == (False, "Gracias", PAUSED)
    assert still_paused.error == PAUSED
    assert (cached.ok, cached.text) == (True, "Hello")  # the cache works while open
    assert len(libre.requests) == 4  # 1 success + 3 failures, nothing while open
    assert translator.circuit is CircuitState.OPEN

    clock.now += 0.1
    assert translator.circuit is CircuitState.HALF_OPEN
    trial = await translator.translate("Gracias", source="es", target="en")

    assert (trial.ok, trial.text) == (True, "Thanks")
    assert translator.circuit is CircuitState.CLOSED
    assert (await translator.translate("Hoy", source="es", target="en")).text == "Today"
    assert len(libre.requests) == 6


async def test_failed_trial_reopens_the_circuit(
    libre: FakeLibreTranslate, clock: FakeClock
) -> None:
    translator = libre_translator(libre, clock, failure_threshold=2, open_seconds=60.0)
    libre.fail_next(500, times=3)
    for _ in range(2):
        await translator.translate("Hola", source="es", target="en")
    clock.now += 60

    trial = await translator.translate("Hola", source="es", target="en")
    after = await translator.translate("Hola", source="es", target="en")

    assert trial.error == "LibreTranslate had a server error (HTTP 500)"
    assert after.error == PAUSED
    assert len(libre.requests) == 3
    clock.now += 60
    assert (await translator.translate("Hola", source="es", target="en")).ok


async def test_half_open_lets_a_single_trial_through(
    libre: FakeLibreTranslate, clock: FakeClock
) -> None:
    translator = libre_translator(libre, clock, failure_threshold=1, open_seconds=60.0)
    libre.fail_next(500)
    await translator.translate("Hola", source="es", target="en")
    clock.now += 60
    libre.delay(0.2)

    results = await asyncio.gather(
        translator.translate("Hola", source="es", target="en"),
        translator.translate("Gracias", source="es", target="en"),
    )

    assert [r.error for r in results] == [None, PAUSED]
    assert len(libre.requests) == 2


async def test_success_resets_the_failure_count(libre: FakeLibreTranslate) -> None:
    translator = libre_translator(libre, failure_threshold=3)
    for text in ("uno", "dos", "Hola", "tres", "cuatro"):
        if text != "Hola":
            libre.fail_next(500)
        await translator.translate(text, source="es", target="en")

    assert translator.circuit is CircuitState.CLOSED


async def test_unsupported_language_is_not_held_against_the_provider(
    libre: FakeLibreTranslate,
) -> None:
    translator = libre_translator(libre, failure_threshold=1)

    result = await translator.translate("Hola", source="es", target="xx")

    assert (result.ok, result.error) == (False, "LibreTranslate cannot translate from 'es' to 'xx'")
    assert translator.circuit is CircuitState.CLOSED
    assert libre.requests == []


async def test_broken_cache_does_not_block_translation(libre: FakeLibreTranslate) -> None:
    class BrokenCache:
        async def get(self, provider: str, source: str, target: str, text: str) -> str | None:
            raise OSError("database is locked")

        async def put(
            self, provider: str, source: str, target: str, text: str, translated: str
        ) -> None:
            raise OSError("database is locked")

    result = await libre_translator(libre, cache=BrokenCache()).translate(
        "Hola", source="es", target="en"
    )

    assert (result.ok, result.text) == (True, "Hello")


async def test_provider_none_keeps_the_original() -> None:
    translator = Translator("none", cache=MemoryTranslationCache())

    result = await translator.translate("Hola", source="es", target="en")

    assert (result.text, result.ok, result.provider, result.error) == (
        "Hola",
        False,
        "none",
        DISABLED,
    )


async def test_describe_translation_for_the_cli(libre: FakeLibreTranslate) -> None:
    translator = libre_translator(libre)

    detected = await describe_translation(translator, "Hola, gracias", "en")
    libre.fail_next(500)
    failed = await describe_translation(translator, "Mi paquete", "en", source="es")

    assert detected == "Hello, thanks"
    assert libre.requests[0].params["source"] == "auto"
    assert failed == (
        "translation unavailable (libretranslate): LibreTranslate had a server error (HTTP 500)"
    )


@pytest.mark.parametrize(
    ("provider", "api_key", "url", "setting"),
    [
        ("yandex", None, None, "BORDERDESK_TRANSLATOR="),
        ("deepl", None, None, "BORDERDESK_TRANSLATOR_API_KEY"),
        ("microsoft", "", None, "BORDERDESK_TRANSLATOR_API_KEY"),
        ("libretranslate", None, None, "BORDERDESK_LIBRETRANSLATE_URL"),
        ("libretranslate", None, "localhost:5000", "BORDERDESK_LIBRETRANSLATE_URL"),
    ],
)
def test_bad_settings_name_the_variable(
    provider: str, api_key: str | None, url: str | None, setting: str
) -> None:
    with pytest.raises(ValueError, match=setting):
        Translator(provider, cache=MemoryTranslationCache(), api_key=api_key, url=url)


@pytest.mark.parametrize(
    ("provider", "api_key"),
    [
        ("google", None),
        ("mymemory", None),
        ("deepl", "k:fx"),
        ("microsoft", "k"),
        ("NONE", None),
        ("", None),
    ],
)
def test_good_settings_are_accepted(provider: str, api_key: str | None) -> None:
    translator = Translator(provider, cache=MemoryTranslationCache(), api_key=api_key)

    assert translator.provider == (provider.lower() or "google")


@pytest.mark.parametrize(
    ("provider", "code", "expected"),
    [
        ("google", "zh", "zh-CN"),
        ("google", "he", "iw"),
        ("google", "es-MX", "es"),
        ("mymemory", "es", "es-ES"),
        ("mymemory", "en", "en-US"),
        ("mymemory", "es-MX", "es-MX"),
        ("deepl", "pt-BR", "pt"),
        ("libretranslate", "ZH", "zh"),
    ],
)
def test_language_codes_are_spelt_for_the_provider(provider: str, code: str, expected: str) -> None:
    backend = make_provider(provider, api_key="k", url="http://localhost:5000")
    assert backend is not None

    assert resolve_language(code, backend.known_languages, backend.aliases) == expected
