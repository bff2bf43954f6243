"""What a Slack request must look like before bolt and our listeners see it.

Slack itself never sends a malformed payload, but anyone can post to a public endpoint, and
a signed request can still be odd. Bolt assumes the documented shapes (an action has an
``action_id``, an event is an object…) and fails with a 500 otherwise, so the adapter
checks those shapes first and answers 400 instead. Listeners then read fields with the
small accessors here, which give None rather than raising.

    if (problem := shape_problem(body)) is not None:
        return web.Response(status=400, text=problem)
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from typing import Any

from aiohttp import web

SIGNATURE_MAX_AGE = 300  # seconds


def shape_problem(body: Any) -> str | None:
    """Why ``body`` cannot be a Slack request we handle, or None when it can."""
    if not isinstance(body, Mapping):
        return "the body is not an object"
    kind = body.get("type")
    if kind == "block_actions":
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions:
            return "block_actions without actions"
        if not all(isinstance(a, Mapping) and isinstance(a.get("action_id"), str) for a in actions):
            return "an action without an action_id"
        return _objects(body, "user", "container", "channel", "message", "view")
    if kind in ("view_submission", "view_closed"):
        view = body.get("view")
        if not isinstance(view, Mapping):
            return f"{kind} without a view"
        if (problem := _objects(view, "state")) is not None:
            return problem
        return _objects(body, "user")
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, Mapping):
            return "event_callback without an event object"
        for name in ("type", "user", "channel", "ts", "thread_ts", "text", "subtype", "bot_id"):
            if event.get(name) is not None and not isinstance(event[name], str):
                return f"event field {name} is not a string"
        return None
    if "command" in body:
        for name in ("command", "text", "user_id", "channel_id"):
            if body.get(name) is not None and not isinstance(body[name], str):
                return f"command field {name} is not a string"
    return None


def _objects(parent: Mapping[str, Any], *names: str) -> str | None:
    for name in names:
        if parent.get(name) is not None and not isinstance(parent[name], Mapping):
            return f"{name} is not an object"
    return None


def dig(node: Any, *path: str) -> Any:
    """``node[path[0]][path[1]]…``, or None as soon as a step is missing or not an object."""
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def text_at(node: Any, *path: str) -> str:
    value = dig(node, *path)
    return value if isinstance(value, str) else ""


def object_at(node: Any, *path: str) -> Mapping[str, Any]:
    value = dig(node, *path)
    return value if isinstance(value, Mapping) else {}


def signed(secret: bytes, request: web.Request, body: bytes) -> bool:
    """Slack's v0 signature (HMAC-SHA256 of ``v0:<timestamp>:<body>``) over the exact
    bytes received, with a timestamp at most five minutes old."""
    timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) < 12):
        return False
    if abs(time.time() - int(timestamp)) > SIGNATURE_MAX_AGE:
        return False
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request.headers.get("X-Slack-Signature", ""))
