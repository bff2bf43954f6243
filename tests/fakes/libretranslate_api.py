"""A local fake of the LibreTranslate API, for driving deep-translator's real client in tests.

It answers ``POST /translate`` and ``GET /languages`` on 127.0.0.1 and checks requests the way
the real server does: parameters from the query string, a form or a JSON body; 403 when the
server has an API key and the request lacks it or brings another; 400 for a missing ``q``,
``source`` or ``target``, an unknown language or format. Errors are ``{"error": "..."}``.

Its translation is deterministic, so tests can predict it:

- letter runs found in a tiny English/Spanish/German lexicon (``LEXICON``) are replaced
  word by word, keeping a leading capital ("Hola, ¿dónde está mi pedido?" es->en gives
  "Hello, ¿where is my order?"); everything else (digits, punctuation, unknown words,
  placeholders) is copied as it is;
- a text with no lexicon word, or a language outside the lexicon, comes back marked with
  the target: "[fr] Bonjour".
- ``source=auto`` picks the lexicon language with most known words (English on a tie) and
  reports it in ``detectedLanguage``, like the real server.

Every request is recorded in ``requests``. Trouble on demand: ``fail_next(status)`` answers
the next valid translate request with that status, ``delay(seconds)`` holds every following
request (until ``delay(0)``) to make clients time out, ``answer_next(...)`` replaces the
next translation, e.g. to lose a placeholder.

    async with FakeLibreTranslate(api_key="secret") as fake:
        LibreTranslator(source="es", target="en", api_key="secret",
                        custom_url=fake.url).translate("Hola")     # in a thread: 'Hello'
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

from aiohttp import web

LANGUAGES = {
    "en": "English",
    "es": "Spanish",
    "de": "German",
    "fr": "French",
    "zh": "Chinese",
    "id": "Indonesian",
}
LEXICON_LANGUAGES = ("en", "es", "de")
LEXICON = (
    ("hello", "hola", "hallo"),
    ("thanks", "gracias", "danke"),
    ("where", "dónde", "wo"),
    ("is", "está", "ist"),
    ("my", "mi", "meine"),
    ("your", "tu", "ihre"),
    ("order", "pedido", "bestellung"),
    ("package", "paquete", "paket"),
    ("shipped", "enviado", "versandt"),
    ("today", "hoy", "heute"),
    ("with", "con", "mit"),
    ("and", "y", "und"),
    ("link", "enlace", "verweis"),
    ("express", "rápido", "eilig"),
)
_WORD = re.compile(r"[^\W\d_]+")
_FAILURE_TEXT = {
    429: "Too many request limits violations",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


@dataclass(frozen=True)
class LibreRequest:
    """One request as the fake saw it; ``encoding`` is "query", "form" or "json"."""

    method: str
    path: str
    params: dict[str, Any]
    encoding: str


def lexicon_translate(text: str, source: str, target: str) -> str:
    """The fake's translation (see the module docstring); tests may call it to predict one."""
    if source not in LEXICON_LANGUAGES or target not in LEXICON_LANGUAGES:
        return f"[{target}] {text}"
    src, dst = LEXICON_LANGUAGES.index(source), LEXICON_LANGUAGES.index(target)
    words = {entry[src]: entry[dst] for entry in LEXICON}
    known = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal known
        word = match.group(0)
        translated = words.get(word.lower())
        if translated is None:
            return word
        known += 1
        return translated.capitalize() if word[0].isupper() else translated

    result = _WORD.sub(swap, text)
    return result if known else f"[{target}] {text}"


def detect(text: str) -> str:
    """The lexicon language with most known words in ``text``; English on a tie."""
    found = [w.lower() for w in _WORD.findall(text)]
    scores = {
        lang: sum(w in {e[i] for e in LEXICON} for w in found)
        for i, lang in enumerate(LEXICON_LANGUAGES)
    }
    return max(LEXICON_LANGUAGES, key=lambda lang: (scores[lang], lang == "en"))


class _ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class FakeLibreTranslate:
    """The fake server; ``url`` is the base URL to give a client (ends with "/")."""

    def __init__(self, api_key: str | None = None) -> None:
        self.api_key = api_key
        self.requests: list[LibreRequest] = []
        self.port = 0
        self._failures: deque[int] = deque()
        self._answers: deque[str | Callable[[str], str]] = deque()
        self._delay = 0.0
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/translate", self._translate)
        app.router.add_get("/languages", self._languages)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        self._closing.clear()

    async def stop(self) -> None:
        """Release delayed requests first, so shutdown never waits for a delay to run out."""
        self._closing.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def fail_next(self, status: int = 500, times: int = 1) -> None:
        """Answer the next ``times`` valid translate requests with ``status``."""
        self._failures.extend([status] * times)

    def delay(self, seconds: float) -> None:
        """Hold every following request this long before answering; 0 turns it off."""
        self._delay = seconds

    def answer_next(self, answer: str | Callable[[str], str]) -> None:
        """Replace the next translation: a fixed text, or a function of the fake's own."""
        self._answers.append(answer)

    async def _languages(self, request: web.Request) -> web.Response:
        self.requests.append(LibreRequest(request.method, request.path, {}, "query"))
        await self._wait()
        codes = list(LANGUAGES)
        return web.json_response(
            [{"code": c, "name": n, "targets": codes} for c, n in LANGUAGES.items()]
        )

    async def _translate(self, request: web.Request) -> web.Response:
        params, encoding = await _read_params(request)
        self.requests.append(LibreRequest(request.method, request.path, params, encoding))
        await self._wait()
        try:
            self._check(params)
            if self._failures:
                status = self._failures.popleft()
                raise _ApiError(status, _FAILURE_TEXT.get(status, "injected failure"))
        except _ApiError as exc:
            return web.json_response({"error": exc.message}, status=exc.status)
        return web.json_response(self._answer(params))

    def _check(self, params: dict[str, Any]) -> None:
        """The real server's checks, in its order: API key, then parameters."""
        if self.api_key is not None:
            key = params.get("api_key")
            if not key:
                raise _ApiError(403, "Please contact the server operator to get an API key")
            if key != self.api_key:
                raise _ApiError(403, "Invalid API key")
        for name in ("q", "source", "target"):
            if not params.get(name):
                raise _ApiError(400, f"Invalid request: missing {name} parameter")
        text_format = params.get("format") or "text"
        if text_format not in ("text", "html"):
            raise _ApiError(400, f"{text_format} format is not supported")
        if params["source"] != "auto" and params["source"] not in LANGUAGES:
            raise _ApiError(400, f"{params['source']} is not supported")
        if params["target"] not in LANGUAGES:
            raise _ApiError(400, f"{params['target']} is not supported")

    def _answer(self, params: dict[str, Any]) -> dict[str, Any]:
        texts = params["q"] if isinstance(params["q"], list) else [params["q"]]
        source, target = params["source"], params["target"]
        detected = detect(" ".join(texts)) if source == "auto" else source
        translated = [self._override(lexicon_translate(str(t), detected, target)) for t in texts]
        answer: dict[str, Any] = {
            "translatedText": translated if isinstance(params["q"], list) else translated[0]
        }
        if source == "auto":
            answer["detectedLanguage"] = {"confidence": 90.0, "language": detected}
        return answer

    def _override(self, translated: str) -> str:
        if not self._answers:
            return translated
        answer = self._answers.popleft()
        return answer(translated) if callable(answer) else answer

    async def _wait(self) -> None:
        if self._delay > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), self._delay)


async def _read_params(request: web.Request) -> tuple[dict[str, Any], str]:
    """Parameters as LibreTranslate reads them: a JSON body, else query string plus form."""
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            body = None
        return (body if isinstance(body, dict) else {}), "json"
    params: dict[str, Any] = dict(request.query)
    form = await request.post()
    for name, value in form.items():
        params.setdefault(name, value)
    return params, "form" if form else "query"
