"""The translator handlers use: cached, protecting order numbers, and never in the way.

A translation is a nicety on top of answering the shopper, so ``translate`` never raises
and never waits longer than ``timeout``: on any trouble it returns the original text with
``ok=False`` and the reason in plain words, and the card shows "translation unavailable".

    translator = Translator("libretranslate", cache=cache, url="http://localhost:5000",
                            glossary=["BorderDesk", "DHL Express"])
    result = await translator.translate("¿Dónde está mi pedido #A10293?", source="es",
                                        target="en")
    result.text, result.ok    # ('Where is my order #A10293?', True)
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.metrics import DeskMetrics

from .breaker import CircuitBreaker, CircuitState
from .cache import TranslationCache
from .protect import Protector
from .providers import Outcome, make_provider

logger = logging.getLogger(__name__)

DISABLED = "translation disabled (BORDERDESK_TRANSLATOR=none)"
PAUSED = "translation paused after repeated failures"
MANGLED = "the translation lost a protected term (order number, link, name); showing the original"


class Backend(Protocol):
    """What the translator calls: a configured provider, or the demo's phrasebook.

    ``translate`` gets the text with protected terms already masked, never raises (except
    on cancellation) and reports failure in the ``Outcome``.
    """

    async def translate(
        self, text: str, *, source: str, target: str, timeout: float
    ) -> Outcome: ...


@dataclass(frozen=True)
class Translation:
    """The result of one translation; ``text`` is the original whenever ``ok`` is False."""

    text: str
    ok: bool
    provider: str
    cached: bool
    error: str | None = None


class Translator:
    """Translates through one configured provider; see the module docstring.

    ``provider`` is the value of BORDERDESK_TRANSLATOR; the constructor raises ValueError
    naming the setting when it, its API key or the LibreTranslate URL is wrong.
    """

    def __init__(
        self,
        provider: str = "google",
        *,
        cache: TranslationCache,
        glossary: Sequence[str] = (),
        timeout: float = 4.0,
        api_key: str | None = None,
        url: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        failure_threshold: int = 3,
        open_seconds: float = 60.0,
        backend: Backend | None = None,
        metrics: DeskMetrics | None = None,
    ) -> None:
        if timeout <= 0:
            raise ValueError(f"the translation timeout must be positive, not {timeout}")
        self.provider = (provider or "google").strip().lower()
        # ``backend`` stands in for the provider the setting names (the demo's phrasebook)
        self._backend: Backend | None = backend or make_provider(
            self.provider, api_key=api_key, url=url
        )
        self._cache = cache
        self._protector = Protector(glossary)
        self._timeout = timeout
        self._breaker = CircuitBreaker(failure_threshold, open_seconds, clock)
        # counts the translations that fell back to the original text (for /metrics)
        self._metrics = metrics

    @property
    def circuit(self) -> CircuitState:
        """closed, open (calls refused) or half-open (the next call is a trial)."""
        return self._breaker.state

    async def translate(self, text: str, *, source: str, target: str) -> Translation:
        """``text`` from ``source`` into ``target`` (language codes such as "es", "zh")."""
        if source.strip().lower() == target.strip().lower() or not _has_letters(text):
            return self._result(text)
        if self._backend is None:
            return self._result(text, error=DISABLED)
        masked = self._protector.mask(text)
        if not _has_letters(masked.text):  # only numbers, links and names: nothing to do
            return self._result(text)
        if (hit := await self._cached(source, target, text)) is not None:
            return self._result(hit, cached=True)
        if not self._breaker.allow():
            self._failed("paused")
            return self._result(text, error=PAUSED)
        try:
            outcome = await self._backend.translate(
                masked.text, source=source, target=target, timeout=self._timeout
            )
        except asyncio.CancelledError:  # a trial cut short says nothing about the provider
            self._breaker.release()
            raise
        if outcome.error is not None or outcome.text is None:
            if outcome.provider_fault:
                self._breaker.failure()
            else:
                self._breaker.release()
            self._failed("provider")
            return self._result(text, error=outcome.error)
        self._breaker.success()
        restored = masked.restore(outcome.text)
        if restored is None:
            logger.warning("%s lost a placeholder; keeping the original text", self.provider)
            self._failed("mangled")
            return self._result(text, error=MANGLED)
        await self._remember(source, target, text, restored)
        return self._result(restored)

    def _failed(self, reason: str) -> None:
        if self._metrics is not None:
            self._metrics.translation_failed(reason)

    def _result(self, text: str, *, cached: bool = False, error: str | None = None) -> Translation:
        return Translation(text, error is None, self.provider, cached, error)

    async def _cached(self, source: str, target: str, text: str) -> str | None:
        """A cache that fails costs a provider call, not the translation."""
        try:
            return await self._cache.get(self.provider, source, target, text)
        except Exception:
            logger.exception("translation cache lookup failed; asking %s", self.provider)
            return None

    async def _remember(self, source: str, target: str, text: str, translated: str) -> None:
        try:
            await self._cache.put(self.provider, source, target, text, translated)
        except Exception:
            logger.exception("could not store a translation in the cache")


async def describe_translation(
    translator: Translator, text: str, target: str, *, source: str = "auto"
) -> str:
    """What ``borderdesk translate --to LANG TEXT`` prints: the translation or why not.

    ``source="auto"`` lets the provider detect the language (Google and LibreTranslate
    can; DeepL, Microsoft and MyMemory need the real source language).
    """
    result = await translator.translate(text, source=source, target=target)
    if result.ok:
        return result.text
    return f"translation unavailable ({result.provider}): {result.error}"


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
