"""A local fake of the Telegram Bot API that checks every request against the published spec.

End-to-end tests point the real python-telegram-bot at this server, so a bug in how we call
Telegram (a misspelt parameter, a malformed keyboard) fails a test instead of production.
Spec problems land in ``fake.violations`` and are answered with a 400, as the real API would.

Tests import everything from here: ``SpecValidator`` (the spec checks), ``UpdateFactory``
(realistic incoming updates, built in ``telegram_updates`` and ``telegram_chats``) and
``FakeTelegramAPI`` (the server). Faults and rate limits come from ``faults.py``.

Like Telegram, getUpdates delivers only the update kinds subscribed to with
``allowed_updates`` (kept from the last getUpdates or setWebhook that gave it): a bot that
forgets to subscribe to edits never sees one, and a test shows it.

Like Telegram, one getUpdates poller at a time: a getUpdates arriving while another is
still waiting ends the waiting one with 409 "Conflict: terminated by other getUpdates
request", and, when the waiting one's client was still connected (two live pollers, as
two desk processes both polling would be), counts it in ``poll_conflicts``. A poll whose
client has gone (a process killed, a poller cancelled) is not a conflict: it is dropped.
"""

import asyncio
import copy
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any, Self

import aiohttp
from aiohttp import web

from .faults import Fail, FaultInjection, FaultPlan, RateLimit, RateMeter
from .spec_paths import SPECS_DIR
from .telegram_chats import UpdateFactory
from .telegram_updates import JSON, Sender

__all__ = ["FakeTelegramAPI", "Sender", "SpecValidator", "UpdateFactory", "Upload"]
# What Telegram sends when no allowed_updates was ever given: everything but these.
NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_FAILURE_TEXT = {
    400: "Bad Request: injected failure",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    409: "Conflict: terminated by other getUpdates request",
    429: "Too Many Requests: retry after {n}",
    500: "Internal Server Error",
}
# Telegram's published broadcasting limits (core.telegram.org/bots/faq).
RATE_LIMITS = (
    RateLimit("1 message per second to one private chat", 1, 1.0, lambda s: int(s.target) > 0),
    RateLimit("20 messages per minute to one group", 20, 60.0, lambda s: int(s.target) < 0),
    RateLimit("30 messages per second overall", 30, 1.0, lambda s: True, per_target=False),
)


@dataclass
class _Poll:
    """A getUpdates waiting for updates; ``ended`` once another poller took its place."""

    request: web.Request
    ended: bool = False

    def client_connected(self) -> bool:
        transport = self.request.transport
        return transport is not None and not transport.is_closing()

    def client(self) -> str:
        """The poller's address and port: which connection (which process) it came from."""
        transport = self.request.transport
        peer = transport.get_extra_info("peername") if transport is not None else None
        return f"{peer[0]}:{peer[1]}" if peer else "a client gone"


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request; recorded instead of its bytes."""

    filename: str | None
    size: int


def _is_number(value: Any, types: type | tuple[type, ...]) -> bool:
    return isinstance(value, types) and not isinstance(value, bool)  # bool is an int in Python


_PRIMITIVES: dict[str, Callable[[Any], bool]] = {
    "Integer": lambda v: _is_number(v, int),
    "Float": lambda v: _is_number(v, (int, float)),
    "Boolean": lambda v: isinstance(v, bool),
    "String": lambda v: isinstance(v, str),
    "InputFile": lambda v: isinstance(v, str | Upload),  # file_id, URL, attach:// or an upload
}


class _ApiError(Exception):
    """Raised by handlers to answer the way the real API does; not a spec violation."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"String {value[:40]!r}"
    kinds = {bool: "Boolean", int: "Integer", float: "Float", list: "Array", dict: "object"}
    return kinds.get(type(value), type(value).__name__)


class SpecValidator:
    """Checks parameters and objects against ``bot-api.json`` (Bot API 10.1).

    Unions (``Integer or String``, the four reply markups, types with ``subtypes``) pass when
    any member matches; otherwise the errors of the closest member are reported.
    """

    def __init__(self, spec: JSON) -> None:
        self.methods: JSON = spec["methods"]
        self.types: JSON = spec["types"]
        self._by_lower = {name.lower(): name for name in self.methods}

    @classmethod
    def load(cls, path: Path | None = None) -> Self:
        path = path or SPECS_DIR / "telegram" / "bot-api.json"
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def method(self, name: str) -> str | None:
        """Canonical method name; Telegram matches method names case-insensitively."""
        return self._by_lower.get(name.lower())

    def check(self, value: Any, types: list[str], path: str) -> list[str]:
        """Errors of ``value`` against a union of spec type names ([] when valid)."""
        shaped = [t for t in types if self._shape_ok(value, t)]
        if not shaped:
            return [f"{path}: expected {' or '.join(types)}, got {_describe(value)}"]
        return min((self._deep_errors(value, t, path) for t in shaped), key=len)

    def decode(self, raw: Any, types: list[str]) -> Any:
        """Turn a wire value into JSON data: PTB sends strings as-is and the rest JSON-encoded."""
        if not isinstance(raw, str):
            return raw
        for t in types:
            if t in ("String", "InputFile"):
                return raw
            try:
                value = json.loads(raw)
            except ValueError:
                continue
            if self._shape_ok(value, t):
                return value
        return raw

    def check_params(self, method: str, params: JSON) -> tuple[JSON, list[str]]:
        """Decode a request's parameters and list unknown, missing and mistyped ones."""
        fields = {f["name"]: f for f in self.methods[method].get("fields", [])}
        wire = " ".join(raw for raw in params.values() if isinstance(raw, str))
        attached = set(re.findall(r"attach://([\w-]+)", wire))  # file parts media refer to
        decoded: JSON = {}
        errors = _missing(fields, params, "parameter")
        for name, raw in params.items():
            field = fields.get(name)
            if field is None:
                decoded[name] = raw
                if not (isinstance(raw, Upload) and name in attached):
                    errors.append(f"unknown parameter '{name}'")
                continue
            decoded[name] = self.decode(raw, field["types"])
            errors += self.check(decoded[name], field["types"], name)
        return decoded, errors

    def _shape_ok(self, value: Any, t: str) -> bool:
        if t.startswith("Array of "):
            return isinstance(value, list)
        return _PRIMITIVES[t](value) if t in _PRIMITIVES else isinstance(value, dict)

    def _deep_errors(self, value: Any, t: str, path: str) -> list[str]:
        if t.startswith("Array of "):
            item = [t.removeprefix("Array of ")]
            return [e for i, v in enumerate(value) for e in self.check(v, item, f"{path}[{i}]")]
        if t in _PRIMITIVES:
            return []
        spec = self.types.get(t)
        if spec is None:
            return [f"{path}: the spec has no type {t}"]
        if "subtypes" in spec:
            return self.check(value, spec["subtypes"], path)
        fields = {f["name"]: f for f in spec.get("fields", [])}
        if not fields:  # e.g. ForumTopicClosed: "currently holds no information"
            return []
        errors = [f"{path}: {e} of {t}" for e in _missing(fields, value, "field")]
        for key, item in value.items():
            if key not in fields:
                errors.append(f"{path}: unknown field '{key}' in {t}")
            else:
                errors += self.check(item, fields[key]["types"], f"{path}.{key}")
        return errors


def _missing(fields: JSON, present: JSON, kind: str) -> list[str]:
    return [
        f"missing required {kind} '{n}'"
        for n, f in fields.items()
        if f["required"] and n not in present
    ]


class FakeTelegramAPI(UpdateFactory, FaultInjection):
    """The Bot API on 127.0.0.1 (random port), validating every request against the spec.

    Calls are recorded in ``calls`` (every attempt, decoded) and spec problems in
    ``violations``; tests should end with ``violations == []``. Unimplemented methods are
    validated and answered ``true`` (a wrong return type then shows up as a violation).

    Faults (``fail_next``, ``reset_next``, ``stall_next``) hit valid calls only. Every
    delivered message (send*, forwardMessage) is metered on ``rate_clock``; sends over
    Telegram's limits land in ``rate_violations`` and, with ``enforce_limits``, are refused
    with a 429 and ``parameters.retry_after`` instead of being delivered.

    Usage::

        async with FakeTelegramAPI() as fake:
            app = (ApplicationBuilder().token(fake.token).base_url(fake.base_url)
                   .base_file_url(fake.base_file_url).build())
            fake.push_update(fake.text_update(4242, "hola"))
            ...  # start polling, let the bot answer
            [reply] = await fake.wait_for("sendMessage")
            assert not fake.violations
    """

    def __init__(
        self,
        token: str = "123456:TEST-token",
        *,
        spec_path: Path | None = None,
        clock: Callable[[], float] = time.time,
        rate_clock: Callable[[], float] = time.monotonic,
        enforce_limits: bool = False,
    ) -> None:
        bot_id = token.split(":")[0]
        super().__init__(int(bot_id) if bot_id.isdigit() else 1, clock)
        self.token = token
        self.spec = SpecValidator.load(spec_path)
        self.calls: list[tuple[str, JSON]] = []
        self.violations: list[str] = []
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self.allowed_updates: list[str] = []  # [] as on Telegram: all but NOT_BY_DEFAULT
        self.port = 0
        self._queue: list[JSON] = []
        self._sent: list[JSON] = []
        self._poll: _Poll | None = None  # the getUpdates waiting now, if any
        # getUpdates calls that ended another one whose client was still waiting for it
        self.poll_conflicts: list[str] = []
        self.faults = FaultPlan()
        self.rates = RateMeter(RATE_LIMITS, rate_clock, enforce_limits)
        self._changed = asyncio.Event()
        self._stopping = False
        self._runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def poller_waiting(self) -> bool:
        """A getUpdates is waiting for updates, and its client is still connected."""
        return self._poll is not None and self._poll.client_connected()

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed by a getUpdates offset."""
        return list(self._queue)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        self._stopping = False

    async def stop(self) -> None:
        """Answer parked long polls with [] first, so shutdown never waits for their timeout."""
        self._stopping = True
        self._notify()
        self.faults.release()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def push_update(self, update: JSON) -> JSON:
        """Queue an update for getUpdates, numbering it when it has no ``update_id``."""
        update = {**update, "update_id": self.next_update_id(update.get("update_id", 0))}
        self.violations += self.validate_update(update)
        self._queue.append(update)
        self._notify()
        return update

    def validate_update(self, update: JSON) -> list[str]:
        """Spec errors of an update, prefixed so they read well in ``violations``."""
        return [f"update: {e}" for e in self.spec.check(update, ["Update"], "update")]

    async def post_webhook(self, url: str, update: JSON, secret_token: str | None = None) -> int:
        """Deliver an update like Telegram's webhook push; returns the bot's HTTP status.

        It is posted whatever ``allowed_updates`` says (as anyone holding the secret could);
        ``subscribed(update)`` tells whether Telegram itself would have sent it."""
        self.violations += self.validate_update(update)
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret_token} if secret_token else {}
        async with aiohttp.ClientSession() as session:
            async with session.post(url, json=update, headers=headers) as response:
                return response.status

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int = 1,
        description: str | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail as the real API would."""
        text = description or _FAILURE_TEXT.get(status, HTTPStatus(status).phrase)
        body = {"ok": False, "error_code": status, "description": text.format(n=retry_after)}
        body |= {"parameters": {"retry_after": retry_after}} if status == 429 else {}
        self.faults.add(self._canonical(method), Fail(status, body), times)

    def max_chat_rate(self, window: float = 1.0) -> int:
        """Most messages delivered to one chat within any ``window`` seconds."""
        return self.rates.max_rate(window)

    def max_overall_rate(self, window: float = 1.0) -> int:
        """Most messages delivered to all chats together within any ``window`` seconds."""
        return self.rates.max_rate(window, per_target=False)

    def sent_messages(self, chat_id: int | None = None) -> list[JSON]:
        """Successful sendMessage calls (decoded params plus the new ``message_id``)."""
        return [m for m in self._sent if chat_id is None or m["chat_id"] == chat_id]

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[JSON], bool] | None = None,
    ) -> list[JSON]:
        """Wait until ``count`` calls of ``method`` matching ``predicate`` were recorded."""
        name = self._canonical(method)

        def matching() -> list[JSON]:
            return [p for m, p in self.calls if m == name and (predicate is None or predicate(p))]

        try:
            async with asyncio.timeout(timeout):
                while len(matching()) < count:
                    await self._changed.wait()
        except TimeoutError:
            seen = "\n".join(f"  {m} {p}" for m, p in self.calls[-30:]) or "  (none)"
            raise AssertionError(
                f"expected {count} matching {name} call(s) within {timeout}s, "
                f"got {len(matching())}; last calls seen:\n{seen}"
            ) from None
        return matching()

    def _canonical(self, method: str) -> str:
        if (name := self.spec.method(method)) is None:
            raise ValueError(f"{method!r} is not a Bot API method")
        return name

    def _notify(self) -> None:
        """Wake everyone waiting for a change (long polls, wait_for) and re-arm."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _reply(401, description="Unauthorized")
        method = self.spec.method(request.match_info["method"])
        if method is None:
            return _reply(404, description="Not Found: method not found")
        params, errors = self.spec.check_params(method, await _read_params(request))
        errors += _limit_errors(method, params)
        self.calls.append((method, params))
        self._notify()
        if errors:
            self.violations += [f"{method}: {e}" for e in errors]
            return _reply(400, description="Bad Request: " + "; ".join(errors))
        if (answer := await self.faults.act(method, request)) is not None:
            return answer
        try:
            result = await self._result(method, params, request)
        except _ApiError as exc:
            return _reply(exc.status, description=exc.description, parameters=exc.parameters)
        returns = self.spec.methods[method].get("returns", ["Boolean"])
        errors = self.spec.check(result, returns, "result")
        self.violations += [f"{method} response: {e}" for e in errors]
        return _reply(200, result=result)

    async def _result(self, method: str, p: JSON, request: web.Request) -> Any:
        if method == "getMe":
            return self.bot_user(get_me=True)
        if method == "getUpdates":
            return await self._get_updates(p, request)
        if method in ("setWebhook", "deleteWebhook"):
            self.webhook_url, self.webhook_secret = p.get("url", ""), p.get("secret_token")
            if method == "setWebhook" and "allowed_updates" in p:
                self.allowed_updates = list(p["allowed_updates"])
            if p.get("drop_pending_updates"):
                self._queue.clear()
            return True
        if method == "getWebhookInfo":
            info = {"url": self.webhook_url, "has_custom_certificate": False}
            return info | {"pending_update_count": len(self._queue)}
        if method == "getFile":
            if p["file_id"] not in self.files:
                raise _ApiError(400, "Bad Request: invalid file_id")
            return {
                "file_id": p["file_id"],
                "file_unique_id": "AQAD" + p["file_id"][-6:],
                "file_path": f"files/{p['file_id']}",
            }
        returns = self.spec.methods[method].get("returns", [])
        if method.startswith("edit") and "Message" in returns:
            return self._edit(p)
        if "Message" in returns and "chat_id" in p:
            return self._send(method, p)
        return True

    async def _get_updates(self, p: JSON, request: web.Request) -> list[JSON]:
        if self.webhook_url:
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        if "allowed_updates" in p:
            self.allowed_updates = list(p["allowed_updates"])
        offset = p.get("offset", 0)
        if offset > 0:  # confirms everything before it
            self._queue = [u for u in self._queue if u["update_id"] >= offset]
        elif offset < 0:
            self._queue = self._queue[offset:]
        poll = self._take_over_polling(request)
        try:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + p.get("timeout", 0)
            while (
                not self._drop_unsubscribed()
                and not self._stopping
                and not poll.ended
                and loop.time() < deadline
            ):
                try:
                    async with asyncio.timeout_at(deadline):
                        await self._changed.wait()
                except TimeoutError:
                    break
        finally:
            if self._poll is poll:
                self._poll = None
        if poll.ended:
            raise _ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        return [] if self._stopping else self._queue[: p.get("limit", 100)]

    def _take_over_polling(self, request: web.Request) -> _Poll:
        """This getUpdates is the poller now: the one waiting before it is ended (a
        conflict when its client was still there to be told)."""
        waiting, self._poll = self._poll, _Poll(request)
        if waiting is not None:
            waiting.ended = True
            if waiting.client_connected():
                self.poll_conflicts.append(
                    f"getUpdates from {self._poll.client()} while one from "
                    f"{waiting.client()} was waiting"
                )
            self._notify()
        return self._poll

    def subscribed(self, update: JSON) -> bool:
        """Whether Telegram would deliver ``update`` to this bot, given ``allowed_updates``."""
        kinds = set(update) - {"update_id"}
        if self.allowed_updates:
            return bool(kinds & set(self.allowed_updates))
        return not kinds <= NOT_BY_DEFAULT

    def _drop_unsubscribed(self) -> list[JSON]:
        """Updates of kinds the bot did not subscribe to are never delivered: dropped."""
        self._queue = [u for u in self._queue if self.subscribed(u)]
        return self._queue

    def _send(self, method: str, p: JSON) -> JSON:
        chat_id = p["chat_id"]
        if not isinstance(chat_id, int):
            raise _ApiError(400, "Bad Request: chat not found")
        if (wait := self.rates.admit(method, chat_id)) is not None:
            raise _ApiError(429, f"Too Many Requests: retry after {wait}", {"retry_after": wait})
        chat = (
            {"id": chat_id, "type": "private"}
            if chat_id > 0
            else {"id": chat_id, "type": "supergroup", "title": "Group"}
        )
        message_id = self.next_message_id(chat_id)
        message = {
            "message_id": message_id,
            "from": self.bot_user(),
            "chat": chat,
            "date": int(self.clock()),
        }
        message |= {k: p[k] for k in ("text", "entities", "caption", "caption_entities") if k in p}
        if "inline_keyboard" in p.get("reply_markup", {}):
            message["reply_markup"] = p["reply_markup"]
        self.messages[chat_id, message_id] = message
        if method == "sendMessage":
            self._sent.append(p | {"message_id": message_id})
        return copy.deepcopy(message)

    def _edit(self, p: JSON) -> JSON | bool:
        if "inline_message_id" in p:
            return True
        message = self.messages.get((p.get("chat_id", 0), p.get("message_id", 0)))
        if message is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        changes = {k: p[k] for k in ("text", "entities", "caption", "reply_markup") if k in p}
        same_markup = ("reply_markup" in p) == ("reply_markup" in message)
        if changes.items() <= message.items() and same_markup:
            raise _ApiError(
                400,
                "Bad Request: message is not modified: specified new message "
                "content and reply markup are exactly the same as a current "
                "content and reply markup of the message",
            )
        if "reply_markup" not in p:  # like Telegram: an edit without markup drops the keyboard
            message.pop("reply_markup", None)
        message |= changes | {"edit_date": int(self.clock())}
        return copy.deepcopy(message)

    async def _download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].removeprefix("files/")
        if request.match_info["token"] != self.token or file_id not in self.files:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=self.files[file_id])


async def _read_params(request: web.Request) -> JSON:
    """Query string plus a JSON, form-encoded or multipart body, as the real API accepts."""
    params: JSON = dict(request.query)
    if not request.can_read_body:
        return params
    if request.content_type == "application/json":
        body = await request.json()
        if not isinstance(body, dict):
            raise web.HTTPBadRequest(text="JSON body must be an object")
        return params | body
    for name, value in (await request.post()).items():
        if isinstance(value, web.FileField):
            params[name] = Upload(value.filename, len(value.file.read()))
        else:
            params[name] = value
    return params


def _limit_errors(method: str, p: JSON) -> list[str]:
    """Limits the spec states only in prose: message text is 1-4096 characters."""
    text = p.get("text")
    if method not in ("sendMessage", "editMessageText") or not isinstance(text, str):
        return []
    if not text.strip():
        return ["message text is empty"]
    return ["message is too long"] if len(text.strip()) > 4096 else []


def _reply(
    status: int, *, result: Any = None, description: str = "", parameters: JSON | None = None
) -> web.Response:
    """The Bot API envelope: ``ok`` plus ``result``, or ``error_code`` and ``description``."""
    if status == 200:
        return web.json_response({"ok": True, "result": result})
    body = {"ok": False, "error_code": status, "description": description}
    body |= {"parameters": parameters} if parameters else {}
    return web.json_response(body, status=status)
