"""A local fake of the Slack Web API that refuses what real Slack refuses.

Why: mocks of ``AsyncWebClient`` accept anything, so a 76-char button label or a thread
reply to a message that never existed only fails in production. This is a real HTTP
server that slack_sdk and bolt talk to unchanged. It checks every request against the
published OpenAPI spec (``../shared/specs/slack``) plus the Block Kit limits the spec
does not encode, records the calls and keeps the workspace state for assertions.

Usage::

    async with FakeSlackAPI() as fake:
        client = AsyncWebClient(token=fake.token, base_url=fake.base_url)
        await client.chat_postMessage(channel="C0APPROVAL1", text="hi")
        await fake.wait_for("chat.postMessage")
        assert fake.messages("C0APPROVAL1")[0]["text"] == "hi"
        assert fake.violations == []

Errors are HTTP 200 with ``ok: false``, as Slack answers; a request that breaks the
rules is also appended to ``fake.violations`` and answered ``invalid_arguments``.

Files staff share (``add_file``) are served at their ``url_private_download`` to the bot
token only, with Slack's sign-in page for anyone else (see ``slack_files.py``).

Faults (``fail_next``, ``reset_next``, ``stall_next``, see ``faults.py``) hit the next calls
before any checks. chat.postMessage and chat.update are metered on ``rate_clock``; sends
over Slack's limits land in ``rate_violations`` and, with ``enforce_limits``, are refused
with HTTP 429 ``ratelimited`` and a ``Retry-After`` header instead of being delivered.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import time
import zoneinfo
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from itertools import count
from pathlib import Path
from typing import Any

import jsonschema
from aiohttp import web

from .faults import Fail, FaultInjection, FaultPlan, RateLimit, RateMeter
from .slack_files import SharedFiles
from .slack_socket_mode import SocketMode
from .spec_paths import SPECS_DIR, require_specs

TEAM_ID, TEAM_NAME, TEAM_DOMAIN = "T0000000001", "BorderDesk Test", "borderdesk-test"
BOT_USER_ID, BOT_ID, BOT_NAME, APP_ID = "U0BOT00001", "B0BOT00001", "borderdesk", "A0APP00001"

CHANNEL_RE = re.compile(r"^[CGD][A-Z0-9]{8,}$")
TS_RE = re.compile(r"^\d{10}\.\d{6}$")
BLOCK_TYPES = frozenset(
    {"section", "actions", "context", "divider", "header", "input", "image", "rich_text"}
)
VIEW_KEYS = frozenset(
    {
        "type",
        "title",
        "blocks",
        "close",
        "submit",
        "private_metadata",
        "callback_id",
        "clear_on_close",
        "notify_on_close",
        "external_id",
        "submit_disabled",
    }
)
# Parameters whose form/query value is JSON text; JSON bodies may carry them as structures.
JSON_FIELDS = frozenset({"blocks", "attachments", "view", "files", "metadata"})
# Real parameters the 2021 spec predates (slack_sdk only sends them when asked to).
NEWER_PARAMS: dict[str, set[str]] = {
    "chat.postMessage": {"metadata", "markdown_text"},
    "chat.postEphemeral": {"markdown_text"},
    "chat.update": {"metadata", "markdown_text", "reply_broadcast", "file_ids"},
    "views.open": {"interactivity_pointer"},
    "views.push": {"interactivity_pointer"},
}
# Methods newer than the spec, as (name, type, required) like the spec's parameters.
EXTRA_OPERATIONS: dict[str, list[tuple[str, str, bool]]] = {
    "files.getUploadURLExternal": [
        ("filename", "string", True),
        ("length", "integer", True),
        ("alt_txt", "string", False),
        ("snippet_type", "string", False),
    ],
    "files.completeUploadExternal": [
        ("files", "string", True),
        ("channel_id", "string", False),
        ("channels", "string", False),
        ("initial_comment", "string", False),
        ("thread_ts", "string", False),
    ],
}

Params = dict[str, Any]
# Slack's published limits: chat.postMessage "1 message per second per channel" (special
# limit), chat.update Tier 3 (50+ per minute per workspace).
RATE_LIMITS = (
    RateLimit(
        "1 chat.postMessage per second per channel",
        1,
        1.0,
        lambda s: s.method == "chat.postMessage",
    ),
    RateLimit(
        "50 chat.update per minute (Tier 3)",
        50,
        60.0,
        lambda s: s.method == "chat.update",
        per_target=False,
    ),
)


class SlackError(Exception):
    """An ``ok: false`` answer; when it carries ``problems`` they become violations."""

    def __init__(
        self, error: str, problems: list[str] | None = None, retry_after: int | None = None
    ) -> None:
        super().__init__(error)
        self.error, self.problems, self.retry_after = error, problems or [], retry_after


def _loosen(node: Any) -> Any:
    """Patch the spec's known staleness so it can judge the fake's own answers: ``blocks``
    is typed ``object`` in places, and message attachments forbid every real field."""
    if isinstance(node, list):
        return [_loosen(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _loosen(value) for key, value in node.items()}
    props = out.get("properties")
    if isinstance(props, dict):
        if props.get("blocks", {}).get("type") == "object":
            props["blocks"] = {"$ref": "#/definitions/blocks"}
        items = props.get("attachments", {}).get("items")
        if isinstance(items, dict) and items.get("additionalProperties") is False:
            items["additionalProperties"] = True
    return out


@lru_cache(maxsize=2)
def _load_spec(path: Path) -> dict[str, Any]:
    spec = json.loads(path.read_text(encoding="utf-8"))
    spec["definitions"] = _loosen(spec["definitions"])
    return spec


def _type_ok(kind: str, value: Any, from_json: bool) -> bool:
    """Slack coerces form strings; JSON bodies may also carry native values."""
    if kind == "boolean":
        return isinstance(value, bool) or value in ("true", "false", "1", "0", 1, 0)
    if kind in ("integer", "number"):
        pattern = r"-?\d+" if kind == "integer" else r"-?\d+(\.\d+)?"
        native = int if kind == "integer" else (int, float)
        return (isinstance(value, native) and not isinstance(value, bool)) or (
            isinstance(value, str) and re.fullmatch(pattern, value) is not None
        )
    return isinstance(value, str) or (from_json and isinstance(value, (list, dict, bool)))


def _text(obj: Any, where: str, problems: list[str], limit: int, plain: bool = False) -> None:
    if (
        not isinstance(obj, dict)
        or obj.get("type") not in ("plain_text", "mrkdwn")
        or not isinstance(obj.get("text"), str)
    ):
        problems.append(f"{where} must be a text object {{type, text}}, got {obj!r:.80}")
    elif plain and obj["type"] != "plain_text":
        problems.append(f"{where}.type must be plain_text, got {obj['type']!r}")
    elif len(obj["text"]) > limit:
        problems.append(f"{where} is {len(obj['text'])} chars, Slack allows {limit}")


def _element(el: Any, where: str, problems: list[str], action_ids: set[str]) -> None:
    if not isinstance(el, dict) or not isinstance(el.get("type"), str):
        problems.append(f"{where} must be an element object with a type")
        return
    if (action_id := el.get("action_id")) is not None:
        if action_id in action_ids:
            problems.append(f"{where}.action_id {action_id!r} is not unique in this message/view")
        if len(str(action_id)) > 255:
            problems.append(f"{where}.action_id is longer than 255 chars")
        action_ids.add(action_id)
    if el["type"] == "button":
        _text(el.get("text"), f"{where}.text", problems, 75, plain=True)
        if len(str(el.get("value", ""))) > 2000:
            problems.append(f"{where}.value is {len(str(el['value']))} chars, Slack allows 2000")
        if el.get("style") not in (None, "primary", "danger"):
            problems.append(f"{where}.style must be primary or danger")


def check_blocks(blocks: Any, where: str, limit: int) -> list[str]:
    """Block Kit rules Slack enforces (``invalid_blocks``) but the spec leaves open."""
    if not isinstance(blocks, list):
        return [f"{where} must be a JSON array of blocks"]
    problems = [f"{where} has {len(blocks)} blocks, Slack allows {limit}"] * (len(blocks) > limit)
    block_ids: set[str] = set()
    action_ids: set[str] = set()
    for i, block in enumerate(blocks):
        w, kind = f"{where}[{i}]", block.get("type") if isinstance(block, dict) else None
        if kind not in BLOCK_TYPES:
            problems.append(f"{w}.type {kind!r} is not one of {sorted(BLOCK_TYPES)}")
            continue
        if "block_id" in block:
            if block["block_id"] in block_ids:
                problems.append(f"{w}.block_id {block['block_id']!r} is repeated")
            block_ids.add(block["block_id"])
        if kind == "section":
            fields = block.get("fields") or []
            if "text" in block or not fields:
                _text(block.get("text"), f"{w}.text", problems, 3000)
            for j, field in enumerate(fields[:11]):
                _text(field, f"{w}.fields[{j}]", problems, 2000)
            if len(fields) > 10:
                problems.append(f"{w}.fields has more than 10 items")
            if "accessory" in block:
                _element(block["accessory"], f"{w}.accessory", problems, action_ids)
        elif kind in ("actions", "context"):
            elements, most = block.get("elements"), 25 if kind == "actions" else 10
            if not isinstance(elements, list) or not 1 <= len(elements) <= most:
                problems.append(f"{w}.elements must be a list of 1..{most} elements")
            elif kind == "actions":
                for j, el in enumerate(elements):
                    _element(el, f"{w}.elements[{j}]", problems, action_ids)
        elif kind == "header":
            _text(block.get("text"), f"{w}.text", problems, 150, plain=True)
        elif kind == "input":
            _text(block.get("label"), f"{w}.label", problems, 2000, plain=True)
            _element(block.get("element"), f"{w}.element", problems, action_ids)
        elif kind == "image" and not block.get("alt_text"):
            problems.append(f"{w}.alt_text is required")
    return problems


def check_view(view: Any) -> list[str]:
    """The modal rules views.open/push/update enforce."""
    if not isinstance(view, dict):
        return ["view must be a JSON object"]
    problems = [f"view.{key} is not a view field" for key in sorted(set(view) - VIEW_KEYS)]
    if view.get("type") != "modal":
        problems.append(f"view.type must be 'modal', got {view.get('type')!r}")
    _text(view.get("title"), "view.title", problems, 24, plain=True)
    for key in ("submit", "close"):
        if key in view:
            _text(view[key], f"view.{key}", problems, 24, plain=True)
    if len(str(view.get("private_metadata", ""))) > 3000:
        problems.append("view.private_metadata is longer than 3000 chars")
    if len(str(view.get("callback_id", ""))) > 255:
        problems.append("view.callback_id is longer than 255 chars")
    blocks = view.get("blocks", [])
    problems += check_blocks(blocks, "view.blocks", 100)
    if (
        isinstance(blocks, list)
        and "submit" not in view
        and any(isinstance(b, dict) and b.get("type") == "input" for b in blocks)
    ):
        problems.append("view has input blocks but no submit button")
    return problems


class FakeSlackAPI(FaultInjection, SharedFiles, SocketMode):
    """In-process Slack Web API on ``127.0.0.1``; see the module docstring for usage."""

    def __init__(
        self,
        token: str = "xoxb-test-token",
        spec_path: Path | None = None,
        *,
        rate_clock: Callable[[], float] = time.monotonic,
        enforce_limits: bool = False,
    ) -> None:
        self.token = token
        self._spec_path = spec_path or SPECS_DIR / "slack" / "web-api.openapi.json"
        self.calls: list[tuple[str, Params]] = []
        self.violations: list[str] = []
        self.uploads: list[Params] = []
        self.ephemerals: list[Params] = []
        self.views: dict[str, Params] = {}
        self.users: dict[str, Params] = {}
        self.channels: dict[str, Params] = {}
        self.usergroups: dict[str, list[str]] = {}
        self._messages: dict[tuple[str, str], Params] = {}
        self._pending_files: dict[str, Params] = {}
        self._init_files(TEAM_ID)
        self._init_socket_mode(APP_ID)
        self.faults = FaultPlan()
        self.rates = RateMeter(RATE_LIMITS, rate_clock, enforce_limits)
        self._validators: dict[str, Any] = {}
        self._ids, self._ts = count(1), count(1)
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._handlers: dict[str, Callable[[Params], Params]] = {
            "auth.test": self._auth_test,
            "apps.connections.open": self._connections_open,
            "chat.postMessage": self._post_message,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.update": self._update,
            "views.open": self._view_open,
            "views.push": self._view_open,
            "views.update": self._view_update,
            "users.info": self._users_info,
            "conversations.info": self._conversations_info,
            "conversations.open": self._conversations_open,
            "usergroups.users.list": self._usergroup_users,
            "reactions.add": self._reactions_add,
            "files.getUploadURLExternal": self._upload_url,
            "files.completeUploadExternal": self._complete_upload,
        }

    # lifecycle ------------------------------------------------------------------------------
    async def start(self) -> FakeSlackAPI:
        if not self._spec_path.is_file():
            require_specs()
        self._spec = _load_spec(self._spec_path)
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_post("/upload/v1/{file_id}", self._handle_upload)
        self._route_files(app)
        self._route_socket_mode(app)
        app.router.add_post("/response/{hook:.*}", self._handle_response_url)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        self.faults.release()
        await self._close_sockets()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlackAPI:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """What ``AsyncWebClient(base_url=...)`` needs; it must end in ``/api/``."""
        return f"{self.origin}/api/"

    @property
    def response_url(self) -> str:
        """A ``response_url`` for payload builders; posts to it are recorded as "response_url"."""
        return f"{self.origin}/response/{TEAM_ID}/1/fakehook"

    # configuration and inspection -----------------------------------------------------------
    def add_user(
        self, user_id: str, name: str, real_name: str, tz: str = "Europe/Berlin"
    ) -> Params:
        offset = datetime.now(zoneinfo.ZoneInfo(tz)).utcoffset()
        self.users[user_id] = {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": name,
            "deleted": False,
            "real_name": real_name,
            "tz": tz,
            "tz_label": tz,
            "tz_offset": int(offset.total_seconds()) if offset else 0,
            "is_admin": False,
            "is_bot": False,
            "is_app_user": False,
            "updated": int(time.time()),
            "profile": {
                "real_name": real_name,
                "display_name": name,
                "team": TEAM_ID,
                "real_name_normalized": real_name,
                "display_name_normalized": name,
            },
        }
        return copy.deepcopy(self.users[user_id])

    def add_channel(self, channel_id: str, name: str, is_private: bool = False) -> None:
        self.channels[channel_id] = self._channel_info(channel_id, name, is_private)

    def add_usergroup(self, group_id: str, user_ids: list[str]) -> None:
        """A user group (``S…``) whose members usergroups.users.list answers."""
        self.usergroups[group_id] = list(user_ids)

    def seed_message(self, channel: str, user: str, text: str, ts: str | None = None) -> Params:
        """Put a human's message in the fake so the bot may thread under or react to it."""
        record = {
            "type": "message",
            "channel": channel,
            "ts": ts or self._next_ts(),
            "text": text,
            "user": user,
            "team": TEAM_ID,
        }
        self._messages[(channel, record["ts"])] = record
        return copy.deepcopy(record)

    def messages(self, channel: str | None = None, thread_ts: str | None = None) -> list[Params]:
        """Current messages (after updates) ordered by ts; ``thread_ts`` gives parent+replies."""
        found = [
            m
            for m in self._messages.values()
            if channel in (None, m["channel"])
            and (thread_ts is None or thread_ts in (m["ts"], m.get("thread_ts")))
        ]
        return copy.deepcopy(sorted(found, key=lambda m: m["ts"]))

    def fail_next(
        self,
        method: str,
        error: str = "ratelimited",
        status: int = 429,
        retry_after: int | None = 1,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with this error; ``retry_after``
        becomes the ``Retry-After`` header, which Slack always sends with a 429."""
        if status == 429 and retry_after is None:
            raise ValueError("a Slack 429 always carries Retry-After; give retry_after")
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        self.faults.add(method, Fail(status, {"ok": False, "error": error}, headers), times)

    def max_chat_rate(self, window: float = 1.0) -> int:
        """Most chat.postMessage calls delivered to one channel within any ``window`` seconds."""
        return self.rates.max_rate(window, method="chat.postMessage")

    def max_method_rate(self, method: str, window: float = 60.0) -> int:
        """Most successful ``method`` calls in the workspace within any ``window`` seconds."""
        return self.rates.max_rate(window, method=method, per_target=False)

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Params], bool] | None = None,
    ) -> list[Params]:
        """Wait for ``count`` matching calls; bolt acks before its listener calls the API."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = [p for m, p in self.calls if m == method and (not predicate or predicate(p))]
            if len(found) >= count:
                return found
            if (remaining := deadline - loop.time()) <= 0:
                seen = (
                    "\n  ".join(f"{m} {json.dumps(p, default=repr)[:300]}" for m, p in self.calls)
                    or "(none)"
                )
                raise AssertionError(
                    f"waited {timeout}s for {count} {method} call(s)"
                    f"{' matching predicate' if predicate else ''}, got {len(found)}. "
                    f"Calls seen:\n  {seen}\nViolations: {self.violations}"
                )
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                pass

    # HTTP plumbing --------------------------------------------------------------------------
    def _record(self, method: str, params: Params) -> None:
        self.calls.append((method, params))
        self._changed.set()

    @staticmethod
    async def _read_params(request: web.Request) -> tuple[Params, bool, list[str]]:
        """Query string plus JSON, urlencoded or multipart body, as Slack merges them."""
        params: Params = dict(request.query)
        if not request.body_exists:
            return params, False, []
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                return params, True, ["body is not valid JSON"]
            if not isinstance(body, dict):
                return params, True, ["JSON body must be an object"]
            return {**params, **body}, True, []
        if request.content_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
            return params, False, [f"unsupported Content-Type {request.content_type!r}"]
        for key, value in (await request.post()).items():
            params[key] = value.file.read() if isinstance(value, web.FileField) else value
        return params, False, []

    def _spec_operation(self, method: str) -> Params:
        item = self._spec["paths"].get("/" + method, {})
        return item.get("post") or item.get("get") or {}

    def _check_params(self, method: str, params: Params, from_json: bool) -> list[str]:
        operation = EXTRA_OPERATIONS.get(method) or [
            (p["name"], p.get("type", "string"), bool(p.get("required")))
            for p in self._spec_operation(method).get("parameters", [])
        ]
        known = {name for name, _, _ in operation} | {"token", "team_id"}
        problems = [
            f"unknown parameter {key!r}"
            for key in params
            if key not in known | NEWER_PARAMS.get(method, set())
        ]
        for name, kind, required in operation:
            if name == "token":
                continue  # the Bearer header satisfies it
            if name not in params:
                problems += [f"missing required parameter {name!r}"] if required else []
            elif not _type_ok(kind, params[name], from_json):
                problems.append(f"parameter {name!r} should be {kind}, got {params[name]!r:.80}")
        for key in JSON_FIELDS & params.keys():
            if isinstance(params[key], str):
                try:
                    params[key] = json.loads(params[key])
                except ValueError:
                    problems.append(f"parameter {key!r} is not valid JSON")
        return problems

    def _check_response(self, method: str, body: Params) -> None:
        """Judge the fake's own success answers by the spec's 200 schema, where usable."""
        if method not in self._validators:
            schema = self._spec_operation(method).get("responses", {}).get("200", {}).get("schema")
            try:
                self._validators[method] = schema and jsonschema.Draft4Validator(
                    {**_loosen(schema), "definitions": self._spec["definitions"]}
                )
            except Exception:  # an unusable spec fragment is skipped, not fatal
                self._validators[method] = None
        if not (validator := self._validators[method]):
            return
        try:
            errors = list(validator.iter_errors(body))
        except Exception:
            return
        for err in errors:
            where = "/".join(map(str, err.absolute_path)) or "(root)"
            self.violations.append(
                f"{method}: the fake's own response breaks the spec at {where}: {err.message}"
            )

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params, from_json, problems = await self._read_params(request)
        header = request.headers.get("Authorization", "")
        token = header[7:] if header.startswith("Bearer ") else params.get("token")
        params.pop("token", None)
        self._record(method, params)
        if (answer := await self.faults.act(method, request)) is not None:
            return answer
        if not token or token != self._token_for(method):
            error = "invalid_auth" if token else "not_authed"
            if token in (self.token, self.app_token):  # the other kind of token
                error = "not_allowed_token_type"
            return web.json_response({"ok": False, "error": error})
        if (handler := self._handlers.get(method)) is None:
            return web.json_response({"ok": False, "error": "unknown_method", "req_method": method})
        try:
            if problems := problems + self._check_params(method, params, from_json):
                raise SlackError("invalid_arguments", problems)
            body = handler(params)
        except SlackError as exc:
            self.violations += [f"{method}: {p}" for p in exc.problems]
            body = {"ok": False, "error": exc.error}
            if exc.problems:
                body["response_metadata"] = {"messages": [f"[ERROR] {p}" for p in exc.problems]}
            if exc.retry_after is not None:
                headers = {"Retry-After": str(exc.retry_after)}
                return web.json_response(body, status=429, headers=headers)
            return web.json_response(body)
        self._check_response(method, body)
        return web.json_response(body)

    async def _handle_upload(self, request: web.Request) -> web.Response:
        """The raw POST slack_sdk sends to the ``upload_url`` of files.getUploadURLExternal."""
        pending = self._pending_files.get(request.match_info["file_id"])
        if pending is None:
            return web.Response(status=404, text="unknown upload url")
        pending["content"] = data = await request.read()
        if len(data) != int(pending["length"]):
            self.violations.append(
                f"upload {pending['file_id']}: sent {len(data)} bytes but "
                f"files.getUploadURLExternal announced {pending['length']}"
            )
        self._record("upload", {"file_id": pending["file_id"], "size": len(data)})
        return web.Response(text=f"OK - {len(data)}")

    async def _handle_response_url(self, request: web.Request) -> web.Response:
        raw = await request.read()
        try:
            self._record("response_url", json.loads(raw) if raw else {})
        except ValueError:
            self._record("response_url", {"raw": raw.decode(errors="replace")})
        return web.Response(text="ok")

    # helpers for handlers -------------------------------------------------------------------
    def _next_ts(self) -> str:
        micros = 1_700_000_000_000_000 + 100 * next(self._ts)
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    @staticmethod
    def _channel_problems(channel: Any, name: str = "channel") -> list[str]:
        if isinstance(channel, str) and CHANNEL_RE.match(channel):
            return []
        return [
            f"{name} {channel!r} is not a conversation id (^[CGD][A-Z0-9]{{8,}}$); "
            "channel names are not accepted"
        ]

    def _ts_problems(
        self, channel: Any, ts: Any, name: str = "thread_ts", must_exist: bool = True
    ) -> list[str]:
        if ts is None:
            return []
        if not isinstance(ts, str) or not TS_RE.match(ts):
            return [f"{name} {ts!r} is not a message ts (^\\d{{10}}\\.\\d{{6}}$)"]
        if must_exist and (channel, ts) not in self._messages:
            return [f"{name} {ts} is not a message in {channel}"]
        return []

    def _message_problems(self, params: Params, need_content: bool = True) -> list[str]:
        problems = self._channel_problems(params["channel"])
        if need_content and not any(params.get(k) for k in ("text", "blocks", "attachments")):
            problems.append("one of text, blocks or attachments is required (Slack: no_text)")
        if len(str(params.get("text", ""))) > 40000:
            problems.append("text is longer than 40000 chars (Slack: msg_too_long)")
        if "blocks" in params:
            problems += check_blocks(params["blocks"], "blocks", 50)
        return problems

    @staticmethod
    def _public(record: Params) -> Params:
        return copy.deepcopy({k: v for k, v in record.items() if k != "channel"})

    @staticmethod
    def _channel_info(channel_id: str, name: str, is_private: bool) -> Params:
        is_im = channel_id.startswith("D")
        return {
            "id": channel_id,
            "name": name,
            "name_normalized": name,
            "created": 1_690_000_000,
            "is_channel": not (is_im or is_private),
            "is_group": is_private,
            "is_im": is_im,
            "is_mpim": False,
            "is_private": is_private or is_im,
            "is_archived": False,
            "is_general": False,
            "is_shared": False,
            "is_member": True,
        }

    # method handlers (params are checked against the spec before these run) ----------------
    def _auth_test(self, params: Params) -> Params:
        return {
            "ok": True,
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": TEAM_NAME,
            "user": BOT_NAME,
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _post_ephemeral(self, params: Params) -> Params:
        return self._post_message(params, ephemeral=True)

    def _post_message(self, params: Params, ephemeral: bool = False) -> Params:
        """chat.postMessage, and chat.postEphemeral whose messages Slack does not keep."""
        channel, thread_ts = params["channel"], params.get("thread_ts")
        problems = self._message_problems(params)
        if problems := problems + self._ts_problems(channel, thread_ts, must_exist=not ephemeral):
            raise SlackError("invalid_arguments", problems)
        if ephemeral:
            ts = self._next_ts()
            self.ephemerals.append({**params, "message_ts": ts})
            return {"ok": True, "message_ts": ts}
        if (wait := self.rates.admit("chat.postMessage", channel)) is not None:
            raise SlackError("ratelimited", retry_after=wait)
        ts = self._next_ts()
        record = {
            "type": "message",
            "channel": channel,
            "ts": ts,
            "text": params.get("text", ""),
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "team": TEAM_ID,
        }
        record.update({k: params[k] for k in ("blocks", "attachments") if params.get(k)})
        if isinstance(record.get("attachments"), list):  # Slack numbers them
            record["attachments"] = [{**a, "id": i} for i, a in enumerate(record["attachments"], 1)]
        if thread_ts:
            parent = self._messages[(channel, thread_ts)]
            parent.update(
                thread_ts=thread_ts, reply_count=parent.get("reply_count", 0) + 1, latest_reply=ts
            )
            record.update(thread_ts=thread_ts, parent_user_id=parent["user"])
        self._messages[(channel, ts)] = record
        return {"ok": True, "channel": channel, "ts": ts, "message": self._public(record)}

    def _update(self, params: Params) -> Params:
        channel, ts = params["channel"], params["ts"]
        if problems := self._message_problems(params, need_content=False):
            raise SlackError("invalid_arguments", problems)
        if (record := self._messages.get((channel, ts))) is None:
            raise SlackError("message_not_found")
        if (wait := self.rates.admit("chat.update", channel)) is not None:
            raise SlackError("ratelimited", retry_after=wait)
        record.update({k: params[k] for k in ("text", "blocks", "attachments") if k in params})
        record["edited"] = {"user": BOT_USER_ID, "ts": self._next_ts()}
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "text": record["text"],
            "message": self._public(record),
        }

    def _store_view(self, view_id: str, view: Params) -> Params:
        stored = {
            "id": view_id,
            "team_id": TEAM_ID,
            "type": "modal",
            "blocks": [],
            "private_metadata": "",
            "callback_id": "",
            "state": {"values": {}},
            "hash": f"{int(time.time())}.{next(self._ids)}",
            "clear_on_close": False,
            "notify_on_close": False,
            "close": None,
            "submit": None,
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": APP_ID,
            "external_id": "",
            "app_installed_team_id": TEAM_ID,
            "bot_id": BOT_ID,
            **view,
        }
        self.views[view_id] = stored
        return {"ok": True, "view": copy.deepcopy(stored)}

    def _view_open(self, params: Params) -> Params:
        problems = [] if params["trigger_id"] else ["trigger_id is empty"]
        if problems := problems + check_view(params["view"]):
            raise SlackError("invalid_arguments", problems)
        return self._store_view(f"V{next(self._ids):010d}", params["view"])

    def _view_update(self, params: Params) -> Params:
        problems = [] if params.get("view_id") else ["view_id is required by this fake"]
        problems += check_view(params["view"]) if "view" in params else ["view is required"]
        if problems:
            raise SlackError("invalid_arguments", problems)
        if (current := self.views.get(params["view_id"])) is None:
            raise SlackError("not_found")
        if params.get("hash") and params["hash"] != current["hash"]:
            raise SlackError("hash_conflict")
        return self._store_view(params["view_id"], params["view"])

    def _users_info(self, params: Params) -> Params:
        if "user" not in params:
            raise SlackError("invalid_arguments", ["user is required"])
        if params["user"] not in self.users:
            raise SlackError("user_not_found")
        return {"ok": True, "user": copy.deepcopy(self.users[params["user"]])}

    def _conversations_info(self, params: Params) -> Params:
        channel = params.get("channel")
        if problems := self._channel_problems(channel):
            raise SlackError("invalid_arguments", problems)
        info = self.channels.get(channel) or self._channel_info(
            channel, channel.lower(), channel.startswith("G")
        )
        return {"ok": True, "channel": copy.deepcopy(info)}

    def _conversations_open(self, params: Params) -> Params:
        """A 1:1 direct message with one user the fake knows (``add_user``): the same
        ``D…`` id every time, as Slack resumes an open DM; messages posted to it are kept
        like a channel's (``messages("D…")``)."""
        users = [u for u in str(params.get("users") or "").split(",") if u]
        if params.get("channel") is not None:
            raise SlackError("invalid_arguments", ["the fake opens DMs by users, not channel"])
        if len(users) != 1:
            raise SlackError("invalid_arguments", [f"users {users!r}: the fake opens 1:1 DMs"])
        if users[0] not in self.users:
            raise SlackError("user_not_found")
        channel_id = "D" + users[0][1:].ljust(10, "0")
        already = channel_id in self.channels
        self.channels[channel_id] = self._channel_info(channel_id, users[0].lower(), False)
        return {"ok": True, "already_open": already, "channel": {"id": channel_id}}

    def _reactions_add(self, params: Params) -> Params:
        channel, ts = params["channel"], params["timestamp"]
        problems = self._channel_problems(channel)
        if problems := problems + self._ts_problems(channel, ts, "timestamp", must_exist=False):
            raise SlackError("invalid_arguments", problems)
        if (record := self._messages.get((channel, ts))) is None:
            raise SlackError("message_not_found")
        name = str(params["name"]).strip(":")
        reactions = record.setdefault("reactions", [])
        if any(r["name"] == name for r in reactions):
            raise SlackError("already_reacted")
        reactions.append({"name": name, "users": [BOT_USER_ID], "count": 1})
        return {"ok": True}

    def _upload_url(self, params: Params) -> Params:
        if not params["filename"] or int(params["length"]) <= 0:
            raise SlackError("invalid_arguments", ["filename must be non-empty and length > 0"])
        file_id = f"F{next(self._ids):010d}"
        self._pending_files[file_id] = {"file_id": file_id, "content": None, **params}
        return {"ok": True, "upload_url": f"{self.origin}/upload/v1/{file_id}", "file_id": file_id}

    def _complete_upload(self, params: Params) -> Params:
        files, channel = params["files"], params.get("channel_id")
        problems = [] if isinstance(files, list) and files else ["files must be a non-empty array"]
        for item in [] if problems else files:
            pending = self._pending_files.get(item.get("id")) if isinstance(item, dict) else None
            if pending is None or pending["content"] is None:
                problems.append(f"file {item!r} was not uploaded to its upload_url first")
        if channel is not None:
            problems += self._channel_problems(channel, "channel_id")
        for extra in filter(None, str(params.get("channels", "")).split(",")):
            problems += self._channel_problems(extra, "channels")
        if params.get("thread_ts") is not None:
            problems += (
                self._ts_problems(channel, params["thread_ts"])
                if channel
                else ["thread_ts needs channel_id"]
            )
        if problems:
            raise SlackError("invalid_arguments", problems)
        answer = []
        for item in files:
            pending = self._pending_files.pop(item["id"])
            title = item.get("title") or pending["filename"]
            self.uploads.append(
                {
                    "file_id": item["id"],
                    "filename": pending["filename"],
                    "title": title,
                    "content": pending["content"],
                    "alt_txt": pending.get("alt_txt"),
                    "channel_id": channel,
                    "channels": params.get("channels"),
                    "initial_comment": params.get("initial_comment"),
                    "thread_ts": params.get("thread_ts"),
                }
            )
            answer.append({"id": item["id"], "title": title})
        return {"ok": True, "files": answer}

    def _usergroup_users(self, params: Params) -> Params:
        group = params["usergroup"]
        if not re.fullmatch(r"S[A-Z0-9]{2,}", str(group)):
            raise SlackError("invalid_arguments", [f"usergroup {group!r} is not a group id (S…)"])
        if group not in self.usergroups:
            raise SlackError("no_such_subteam")
        return {"ok": True, "users": list(self.usergroups[group])}
