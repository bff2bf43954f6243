"""A local fake of the WhatsApp Cloud API (Meta's Graph API) that checks every request
against Meta's published OpenAPI description (``whatsapp_spec``).

End-to-end tests point the WhatsApp channel's ``base_url`` here. Each call must carry the
bearer token; a send's body must fit the spec's ``Message`` (a mark-as-read its
``MarkMessageRequestPayload``), and a text body Meta's 4,096 characters. A template send
must also name a template approved here (``approve_template``) in its language, give its
body as many text variables as the template has, each free of line breaks, tabs and runs
of more than four spaces (Meta's 132001, 132000 and 132018 otherwise). A request that
does not fit lands in ``fake.violations`` and is answered 400 with code 100 (or the
template error's code), as Meta answers; a template not approved is refused (132001) but
is no violation, as the store, not the desk, would have to fix it. The fake's own
answers are checked against the spec's response schemas too, so a fake that drifted from
Meta fails its own tests.

Sent messages are recorded (``fake.sent``, ``fake.texts(to)``, ``fake.read``); a test
can act while a send waits for its answer (``during_send``: post the status webhook Meta
can send that early). Files are uploaded (``POST /{Phone-Number-ID}/media``, multipart,
checked against the spec's form and Meta's supported types and sizes) into
``fake.media``, and a media message must name an id uploaded here; and
Meta's refusals can be queued for the next sends (``fail_next(131026)``) from the
codes Meta documents, each answered the way Meta does (HTTP 400 and a ``GraphAPIError``
body); network trouble comes from ``faults.py`` (``reset_next("send")``).

    async with FakeWhatsAppAPI() as graph:
        channel = WhatsAppChannel(graph.token, graph.phone_number_id, base_url=graph.base_url, ...)
        graph.fail_next(130429)
        ...
        assert graph.texts("5511987654321") == ["Olá Ana"] and not graph.violations
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from aiohttp import BodyPartReader, web

from .faults import Fail, FaultInjection, FaultPlan, RateLimit, RateMeter
from .whatsapp_spec import WhatsAppSpec, shared_spec

JSON = dict[str, Any]
TOKEN = "EAAGfakeWhatsAppToken0123456789abcdef"
PHONE_NUMBER_ID = "106540352242922"
DISPLAY_NUMBER = "15550783881"
API_VERSION = "v23.0"
MAX_TEXT = 4096  # Meta: a text message's body is at most 4,096 characters

# What Meta answers with each code (developers.facebook.com, "Cloud API error codes").
ERRORS: dict[int, tuple[str, str]] = {
    4: ("(#4) Application request limit reached", "OAuthException"),
    100: ("(#100) Invalid parameter", "OAuthException"),
    131000: ("Something went wrong", "OAuthException"),
    130429: ("(#130429) Rate limit hit", "OAuthException"),
    131026: ("(#131026) Message undeliverable", "OAuthException"),
    131047: ("(#131047) Re-engagement message", "OAuthException"),
    131049: (
        "(#131049) This message was not delivered to maintain healthy ecosystem engagement.",
        "OAuthException",
    ),
    131056: (
        "(#131056) (Business Account, Consumer Account) pair rate limit hit",
        "OAuthException",
    ),
    190: ("Error validating access token: Session has expired", "OAuthException"),
    132000: (
        "(#132000) Number of parameters does not match the expected number of params",
        "OAuthException",
    ),
    132001: ("(#132001) Template name does not exist in the translation", "OAuthException"),
    132018: (
        "(#132018) There was an issue with the parameters in your template.",
        "OAuthException",
    ),
}
RATE_LIMITS = (
    RateLimit("80 messages per second per business number", 80, 1.0, lambda s: True, False),
    RateLimit(
        "45 messages in 6 seconds to one shopper (the pair rate's burst)", 45, 6.0, lambda s: True
    ),
    RateLimit("1 message every 6 seconds to one shopper on average", 10, 60.0, lambda s: True),
)


# Meta's supported media (Cloud API "Supported media types"): each type and its largest
MB = 1024 * 1024
MEDIA_LIMITS: dict[str, int] = {
    **dict.fromkeys(("image/jpeg", "image/png"), 5 * MB),
    **dict.fromkeys(("video/mp4", "video/3gpp"), 16 * MB),
    **dict.fromkeys(("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"), 16 * MB),
    **dict.fromkeys(
        (
            "text/plain",
            "application/pdf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        100 * MB,
    ),
}
MEDIA_KINDS = ("image", "video", "audio", "document", "sticker")


@dataclass(frozen=True)
class Media:
    """A file uploaded to the media store: its name, its type, its bytes."""

    name: str
    mimetype: str
    data: bytes


@dataclass(frozen=True)
class Sent:
    """One message the fake accepted: its id, its recipient, its body as posted."""

    id: str
    to: str
    body: JSON

    @property
    def text(self) -> str | None:
        text = self.body.get("text")
        return text.get("body") if isinstance(text, dict) else None

    @property
    def template(self) -> tuple[str, str, list[str]] | None:
        """A template send's name, language code and body variables."""
        if self.body.get("type") != "template":
            return None
        template = self.body["template"]
        return template["name"], template["language"]["code"], _variables(template)


class FakeWhatsAppAPI(FaultInjection):
    """The Graph API endpoints the desk calls, on 127.0.0.1 (``async with`` starts it)."""

    def __init__(
        self,
        *,
        spec: WhatsAppSpec | None = None,
        token: str = TOKEN,
        phone_number_id: str = PHONE_NUMBER_ID,
        rate_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.spec = spec or shared_spec()
        self.token = token
        self.phone_number_id = phone_number_id
        self.sent: list[Sent] = []
        self.read: list[str] = []  # message ids marked read, in order
        self.media: dict[str, Media] = {}  # uploaded files, by media id
        # approved templates: (name, language) -> how many variables the body has
        self.templates: dict[tuple[str, str], int] = {}
        self.violations: list[str] = []
        # called with each accepted message before its send is answered: a test posts
        # Meta's status webhook from it, as Meta can do before the sender has the answer
        self.during_send: Callable[[Sent], Awaitable[None]] | None = None
        self.calls: list[tuple[str, str]] = []  # (method, path) of every request
        self.faults = FaultPlan()
        self.rates = RateMeter(RATE_LIMITS, rate_clock)
        self._ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.faults.release()
        if self._runner is not None:
            await self._runner.cleanup()

    def fail_next(
        self, code: int, times: int = 1, *, details: str = "", call: str = "send"
    ) -> None:
        """Answer the next ``times`` sends (``call="read"``: marks-as-read) with Meta's
        error ``code``."""
        message, kind = ERRORS[code]
        error: JSON = {"message": message, "type": kind, "code": code, "fbtrace_id": "AbCdEf123"}
        if details:
            error["error_data"] = {"messaging_product": "whatsapp", "details": details}
        body = {"error": error}
        self._check_answer("GraphAPIError", body)
        status = 401 if code == 190 else 400
        self.faults.add(call, Fail(status, body), times)

    def approve_template(self, name: str, language: str, variables: int = 1) -> None:
        """A template Meta approved for this business, in ``language``."""
        self.templates[(name, language)] = variables

    def texts(self, to: str | None = None) -> list[str]:
        """The text bodies sent (to ``to``), in order."""
        return [s.text for s in self.sent if s.text is not None and to in (None, s.to)]

    async def wait_sent(self, count: int = 1, timeout: float = 30.0) -> list[Sent]:
        """Wait until ``count`` messages were accepted; all of them."""
        await self._wait(lambda: len(self.sent) >= count, f"{count} message(s) sent", timeout)
        return list(self.sent)

    async def wait_read(self, message_id: str, timeout: float = 30.0) -> None:
        await self._wait(lambda: message_id in self.read, f"{message_id} marked read", timeout)

    async def _wait(self, done: Callable[[], bool], what: str, timeout: float) -> None:
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(done), timeout)
            except TimeoutError:
                raise AssertionError(f"not {what} after {timeout}s: {self.sent}") from None

    async def _handle(self, request: web.Request) -> web.Response:
        self.calls.append((request.method, request.path))
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return self._error(401, 190, "Invalid OAuth access token - Cannot parse access token")
        parts = request.path.strip("/").split("/")
        if len(parts) < 2 or parts[0] != API_VERSION or parts[1] != self.phone_number_id:
            self.violations.append(f"{request.method} {request.path}: no such endpoint here")
            return self._error(400, 100, f"Unsupported request: {request.path}")
        if request.method == "GET" and len(parts) == 2:
            return self._answer(
                {
                    "display_phone_number": "+1 555-078-3881",
                    "verified_name": "Test Store",
                    "id": self.phone_number_id,
                    "quality_rating": "GREEN",
                }
            )
        if request.method == "POST" and parts[2:] == ["messages"]:
            return await self._messages(request)
        if request.method == "POST" and parts[2:] == ["media"]:
            return await self._upload(request)
        self.violations.append(f"{request.method} {request.path}: not an endpoint the desk uses")
        return self._error(400, 100, "Unsupported request")

    async def _messages(self, request: web.Request) -> web.Response:
        if request.content_type != "application/json":
            self.violations.append(f"messages posted as {request.content_type}, not JSON")
            return self._error(400, 100, "(#100) The parameter messaging_product is required.")
        try:
            body = json.loads(await request.read())
        except ValueError:
            self.violations.append("messages body is not JSON")
            return self._error(400, 100, "(#100) Invalid JSON")
        problems = self.spec.send_problems(body)
        text = body.get("text") if isinstance(body, dict) else None
        if isinstance(text, dict) and len(text.get("body") or "") > MAX_TEXT:
            problems.append(f"text/body: {len(text['body'])} characters, over {MAX_TEXT}")
        if problems:
            self.violations += [f"POST messages: {p}" for p in problems]
            return self._error(400, 100, "(#100) Invalid parameter: " + "; ".join(problems)[:300])
        kind = body.get("type")
        carried = body.get(kind) if kind in MEDIA_KINDS else None
        if isinstance(carried, dict) and carried.get("id") not in self.media:
            problem = f"{kind}/id: {carried.get('id')!r} is no media uploaded here"
            self.violations.append(f"POST messages: {problem}")
            return self._error(400, 100, f"(#100) Invalid parameter: {problem}")
        if body.get("type") == "template" and (refused := self._template_problem(body)):
            code, problem = refused
            if code != 132001:  # a template not approved is the store's to fix, not the desk's
                self.violations.append(f"POST messages: template: {problem}")
            return self._error(400, code, f"{ERRORS[code][0]}: {problem}")
        if "status" in body:  # a mark-as-read
            if (fault := await self.faults.act("read", request)) is not None:
                return fault
            self.read.append(body["message_id"])
            await self._notify()
            return self._answer({"success": True}, schema="MarkMessageResponsePayload")
        if (fault := await self.faults.act("send", request)) is not None:
            return fault
        self.rates.admit("messages", body["to"])
        wamid = f"wamid.FAKE{next(self._ids):08d}"
        self.sent.append(Sent(wamid, body["to"], body))
        await self._notify()
        if self.during_send is not None:  # Meta's status webhook, before the answer
            await self.during_send(self.sent[-1])
        return self._answer(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                "messages": [{"id": wamid, "message_status": "accepted"}],
            },
            schema="MessageResponsePayload",
        )

    async def _upload(self, request: web.Request) -> web.Response:
        """A file uploaded to the media store (multipart): checked against the spec and
        Meta's supported types and sizes, kept under a new media id."""
        if request.content_type != "multipart/form-data":
            self.violations.append(f"media posted as {request.content_type}, not multipart")
            return self._error(400, 100, "(#100) The parameter file is required.")
        fields: JSON = {}
        upload: tuple[str, str] = ("", "")  # the file part's name and content type
        async for part in await request.multipart():
            if not isinstance(part, BodyPartReader) or part.name is None:
                continue
            if part.filename is not None:
                fields[part.name] = bytes(await part.read())
                upload = (part.filename, part.headers.get("Content-Type", ""))
            else:
                fields[part.name] = await part.text()
        problems = self.spec.media_problems(fields)
        if fields.get("messaging_product", "whatsapp") != "whatsapp":
            problems.append(f"messaging_product: {fields['messaging_product']!r}")
        mimetype = str(fields.get("type") or upload[1])
        data = fields.get("file", b"")
        if mimetype not in MEDIA_LIMITS:
            problems.append(f"type: {mimetype!r} is not a type Meta takes")
        elif len(data) > MEDIA_LIMITS[mimetype]:
            problems.append(
                f"file: {len(data)} bytes, over {MEDIA_LIMITS[mimetype]} for {mimetype}"
            )
        if problems:
            self.violations += [f"POST media: {p}" for p in problems]
            return self._error(400, 100, "(#100) Invalid parameter: " + "; ".join(problems)[:300])
        if (fault := await self.faults.act("upload", request)) is not None:
            return fault
        media_id = f"{next(self._ids):016d}"
        self.media[media_id] = Media(upload[0], mimetype, data)
        return web.json_response({"id": media_id})

    def _template_problem(self, body: JSON) -> tuple[int, str] | None:
        """What Meta would refuse in a template send the spec lets through: a template not
        approved in that language, the wrong number of body variables, or a variable Meta
        does not take (its code, and why)."""
        template = body["template"]
        name, language = template["name"], template["language"]["code"]
        if (name, language) not in self.templates:
            return 132001, f"{name!r} is not approved in {language!r}"
        for component in template.get("components") or []:
            for parameter in component.get("parameters") or []:
                if parameter.get("type") == "text" and not isinstance(parameter.get("text"), str):
                    return 132000, f"a text parameter without its text: {parameter!r}"
        variables = _variables(template)
        if len(variables) != self.templates[(name, language)]:
            return (
                132000,
                f"{len(variables)} body variables, {name} has {self.templates[(name, language)]}",
            )
        for text in variables:
            if re.search(r"[\n\t]| {5,}", text):
                return 132018, f"a variable with a line break, a tab or 5 spaces: {text[:60]!r}"
            if not text.strip():
                return 132000, "an empty variable"
        return None

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def _answer(self, body: JSON, *, schema: str | None = None) -> web.Response:
        if schema is not None:
            self._check_answer(schema, body)
        return web.json_response(body)

    def _error(self, status: int, code: int, message: str) -> web.Response:
        body = {"error": {"message": message, "type": "OAuthException", "code": code}}
        self._check_answer("GraphAPIError", body)
        return web.json_response(body, status=status)

    def _check_answer(self, schema: str, body: JSON) -> None:
        """The fake's own answers must fit the spec too."""
        if problems := self.spec.problems(schema, body):
            raise AssertionError(f"the fake's {schema} answer breaks the spec: {problems}")


def _variables(template: JSON) -> list[str]:
    """The text variables of a template's body component, in order."""
    return [
        str(parameter.get("text"))
        for component in template.get("components") or []
        if component.get("type") == "body"
        for parameter in component.get("parameters") or []
        if parameter.get("type") == "text"
    ]
