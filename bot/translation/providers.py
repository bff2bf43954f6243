"""The edge to deep-translator: which providers exist, what they need, and how a call fails.

Only this module imports deep-translator and requests. It turns every outcome of a provider
call into an ``Outcome``: a translation, or an error in plain words plus whether the error
says something about the provider's health (a timeout does, an unsupported language does not).

deep-translator is synchronous and sets no timeouts, so a call runs in a worker thread
bounded by ``asyncio.wait_for``. A worker that outlives the wait is abandoned and its result
ignored, but it would still hold a thread while a silent server keeps the socket open. So
``_TimeoutRequests`` stands in for ``requests`` inside deep-translator's provider modules and
adds the call's timeout to each request (and notes the HTTP status for the error message);
an abandoned worker therefore ends on its own soon after.

    provider = make_provider("libretranslate", api_key=None, url="http://localhost:5000")
    outcome = await provider.translate("Hola", source="es", target="en", timeout=4.0)
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import requests
from deep_translator import deepl, google, libre, microsoft, mymemory
from deep_translator.base import BaseTranslator
from deep_translator.constants import (
    DEEPL_LANGUAGE_TO_CODE,
    GOOGLE_LANGUAGES_TO_CODES,
    LIBRE_LANGUAGES_TO_CODES,
    MY_MEMORY_LANGUAGES_TO_CODES,
)
from deep_translator.deepl import DeeplTranslator
from deep_translator.exceptions import (
    AuthorizationException,
    InvalidSourceOrTargetLanguage,
    LanguageNotSupportedException,
    MicrosoftAPIerror,
    NotValidLength,
    NotValidPayload,
    TooManyRequests,
    TranslationNotFound,
)
from deep_translator.google import GoogleTranslator
from deep_translator.libre import LibreTranslator
from deep_translator.microsoft import MicrosoftTranslator
from deep_translator.mymemory import MyMemoryTranslator

logger = logging.getLogger(__name__)

PROVIDERS = ("google", "deepl", "microsoft", "mymemory", "libretranslate", "none")
NEEDS_KEY = frozenset({"deepl", "microsoft"})
_NO_KEY = "borderdesk-no-key"  # deep-translator refuses a LibreTranslator without a key


@dataclass(frozen=True)
class Outcome:
    """What one provider call gave: ``text``, or ``error`` in words staff can act on."""

    text: str | None = None
    error: str | None = None
    provider_fault: bool = False  # counts towards opening the circuit


@dataclass
class CallInfo:
    """One provider call: its timeout in, the last HTTP status out (for the error message)."""

    timeout: float
    status: int | None = None


_CURRENT_CALL: contextvars.ContextVar[CallInfo | None] = contextvars.ContextVar(
    "borderdesk_translation_call", default=None
)


class _TimeoutRequests:
    """``requests`` with the current call's timeout; asyncio.to_thread copies the context."""

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self._send(requests.get, url, kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self._send(requests.post, url, kwargs)

    @staticmethod
    def _send(
        send: Callable[..., requests.Response], url: str, kwargs: dict[str, Any]
    ) -> requests.Response:
        call = _CURRENT_CALL.get()
        if call is None:  # not one of our calls: behave exactly like requests
            return send(url, **kwargs)
        kwargs.setdefault("timeout", call.timeout)
        response = send(url, **kwargs)
        call.status = response.status_code
        return response


def _bound_requests_in(*modules: ModuleType) -> None:
    for module in modules:
        if not isinstance(module.requests, _TimeoutRequests):
            setattr(module, "requests", _TimeoutRequests())  # noqa: B010 - it is a module


def resolve_language(code: str, known: Collection[str] | None, aliases: Mapping[str, str]) -> str:
    """Our ISO codes ("zh", "es-MX") in the spelling a provider's client accepts.

    Google wants "zh-CN" and "iw", MyMemory regional codes ("es-ES"), DeepL and
    LibreTranslate bare ones. Unknown codes are passed through for the client to refuse.
    """
    lowered = code.strip().lower()
    if lowered == "auto" or lowered in aliases:
        return aliases.get(lowered, lowered)
    if known is None:
        return lowered
    by_lower = {k.lower(): k for k in known}
    base = lowered.split("-")[0]
    for candidate in (lowered, base, f"{base}-{base}"):
        if candidate in by_lower:
            return by_lower[candidate]
    regional = sorted(k for k in known if k.lower().startswith(f"{base}-"))
    return regional[0] if regional else code


@dataclass(frozen=True)
class Provider:
    """A configured deep-translator provider; ``build`` makes a client for one pair."""

    name: str
    label: str
    build: Callable[[str, str], BaseTranslator]
    known_languages: Collection[str] | None = None  # None: the client asks the provider
    aliases: Mapping[str, str] = field(default_factory=dict)
    where: str = ""  # how to reach it, for "could not connect" messages

    async def translate(self, text: str, *, source: str, target: str, timeout: float) -> Outcome:
        """Translate in a worker thread; never raises (except on cancellation)."""
        call = CallInfo(timeout)
        worker = asyncio.to_thread(self.translate_blocking, text, source, target, call)
        try:
            translated = await asyncio.wait_for(worker, timeout)
        except TimeoutError:
            return self._fault(f"{self.label} did not answer within {timeout:g} seconds")
        except Exception as exc:  # every failure becomes words; callers must never see one
            return self._explain(exc, call, source, target)
        if not isinstance(translated, str) or not translated.strip():
            return self._fault(f"{self.label} returned no translation")
        return Outcome(text=translated)

    def translate_blocking(self, text: str, source: str, target: str, call: CallInfo) -> str:
        """The synchronous call, raising what deep-translator and requests raise.

        Run it in a worker thread (``asyncio.to_thread`` copies the context, so setting the
        call here needs no reset). Every HTTP request in it times out after ``call.timeout``.
        """
        _CURRENT_CALL.set(call)
        source = resolve_language(source, self.known_languages, self.aliases)
        target = resolve_language(target, self.known_languages, self.aliases)
        return self.build(source, target).translate(text)

    def _fault(self, error: str) -> Outcome:
        logger.warning("translation failed: %s", error)
        return Outcome(error=error, provider_fault=True)

    def _explain(self, exc: Exception, call: CallInfo, source: str, target: str) -> Outcome:
        """Plain words for a failed call. No exception text: it may hold the key or the URL."""
        label, status = self.label, call.status
        if isinstance(exc, LanguageNotSupportedException | InvalidSourceOrTargetLanguage):
            return Outcome(error=f"{label} cannot translate from '{source}' to '{target}'")
        if isinstance(exc, NotValidLength | NotValidPayload):
            return Outcome(error=f"the text is too long for {label}")
        if isinstance(exc, requests.Timeout):
            return self._fault(f"{label} did not answer within {call.timeout:g} seconds")
        if isinstance(exc, requests.ConnectionError | ConnectionError):
            return self._fault(f"could not connect to {label} ({self.where or 'network error'})")
        if isinstance(exc, TooManyRequests) or status in (429, 456):
            return self._fault(
                f"{label} is rate-limiting us or the quota is used up"
                f" (HTTP {status or 429}); translation resumes by itself later"
            )
        if isinstance(exc, AuthorizationException) or status in (401, 403):
            return self._fault(
                f"{label} refused the API key (HTTP {status or 403});"
                " check BORDERDESK_TRANSLATOR_API_KEY"
            )
        if status is not None and status >= 500:
            return self._fault(f"{label} had a server error (HTTP {status})")
        if status is not None and not 200 <= status < 300:
            return self._fault(f"{label} refused the request (HTTP {status})")
        if isinstance(exc, MicrosoftAPIerror):
            return self._fault(f"{label} refused the request: {exc.api_message}")
        if isinstance(exc, TranslationNotFound | KeyError | ValueError):  # ValueError: not JSON
            return self._fault(f"{label} returned no usable translation")
        logger.exception("unexpected error from %s", label)
        return self._fault(f"{label} failed unexpectedly ({type(exc).__name__})")


def make_provider(name: str, *, api_key: str | None, url: str | None) -> Provider | None:
    """The provider a setting names, or None for ``none``; ValueError names the bad setting."""
    name = (name or "google").strip().lower()
    if name not in PROVIDERS:
        raise ValueError(
            f"BORDERDESK_TRANSLATOR={name!r} is not a translator BorderDesk knows;"
            f" use one of: {', '.join(PROVIDERS)}"
        )
    if name in NEEDS_KEY and not api_key:
        raise ValueError(
            f"BORDERDESK_TRANSLATOR={name} needs an API key: set BORDERDESK_TRANSLATOR_API_KEY"
            " (in the environment or .env), or choose google, mymemory or libretranslate"
        )
    if name == "none":
        return None
    _bound_requests_in(deepl, google, libre, microsoft, mymemory)
    if name == "google":
        return Provider(
            name,
            "Google Translate",
            lambda s, t: GoogleTranslator(source=s, target=t),
            known_languages=GOOGLE_LANGUAGES_TO_CODES.values(),
            aliases={"he": "iw"},
            where="translate.google.com",
        )
    if name == "mymemory":
        return Provider(
            name,
            "MyMemory",
            lambda s, t: MyMemoryTranslator(source=s, target=t),
            known_languages=MY_MEMORY_LANGUAGES_TO_CODES.values(),
            aliases={"en": "en-US"},
            where="api.mymemory.translated.net",
        )
    if name == "deepl":
        # deep-translator 1.11.4 still sends GET /v2/translate with ?auth_key=, which DeepL
        # has deprecated (header auth and POST only, per its 2025 change notices): expect
        # "refused the API key" until deep-translator catches up.
        free = str(api_key).endswith(":fx")  # keys of DeepL API Free end in ":fx"
        return Provider(
            name,
            "DeepL",
            lambda s, t: DeeplTranslator(source=s, target=t, api_key=api_key, use_free_api=free),
            known_languages=DEEPL_LANGUAGE_TO_CODE.values(),
            where="api-free.deepl.com" if free else "api.deepl.com",
        )
    if name == "microsoft":  # its client fetches the language list itself, on every build
        return Provider(
            name,
            "Microsoft Translator",
            lambda s, t: MicrosoftTranslator(source=s, target=t, api_key=api_key),
            aliases={"zh": "zh-hans"},
            where="api.cognitive.microsofttranslator.com",
        )
    return _libretranslate(api_key, url)


def _libretranslate(api_key: str | None, url: str | None) -> Provider:
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(
            "BORDERDESK_TRANSLATOR=libretranslate needs the server's address: set"
            f" BORDERDESK_LIBRETRANSLATE_URL to e.g. http://localhost:5000 (got {url!r})"
        )
    base = f"{(url or '').rstrip('/')}/"  # deep-translator appends "translate"

    def build(source: str, target: str) -> BaseTranslator:
        client = LibreTranslator(
            source=source, target=target, api_key=api_key or _NO_KEY, custom_url=base
        )
        if not api_key:
            client.api_key = ""  # send no key at all: servers with key lists reject a dummy
        return client

    return Provider(
        "libretranslate",
        "LibreTranslate",
        build,
        known_languages=LIBRE_LANGUAGES_TO_CODES.values(),
        where=base,
    )
