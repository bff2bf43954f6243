"""Play Slack's side of the Events API and interactivity against a bolt app.

Why: bolt verifies signatures, timestamps and payload shapes before any listener runs,
so a test that calls a handler function directly skips exactly the parts that break in
production. These helpers sign and send what Slack sends, with payloads shaped like
Slack's and ids matching the Web API fake in ``slack_api``.

Usage::

    [posted] = fake.messages("C0APPROVAL1")
    status, _ = await post_interaction(url, SECRET, block_action(
        "approve", "ticket-7", user_id="U0AGENT001", user_name="ana",
        channel="C0APPROVAL1", message_ts=posted["ts"], message=posted))
    assert status == 200
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from itertools import count
from typing import Any
from urllib.parse import urlencode

import aiohttp

from .slack_api import APP_ID, BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID

VERIFICATION_TOKEN = "vErIfIcAtIoNtOkEn0000000"
HOOKS = f"https://hooks.slack.com/actions/{TEAM_ID}"
_seq = count(1)


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """Slack's v0 signature: HMAC-SHA256 over ``v0:{timestamp}:{body}``."""
    base = b"v0:%d:" % timestamp + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


async def _post_signed(
    url: str,
    secret: str,
    body: bytes,
    content_type: str,
    *,
    timestamp: int | None,
    bad_signature: bool,
    headers: dict[str, str] | None = None,
) -> tuple[int, str]:
    ts = int(time.time()) if timestamp is None else timestamp
    signature = sign(secret + "-wrong" if bad_signature else secret, body, ts)
    all_headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": signature,
        "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        **(headers or {}),
    }
    async with aiohttp.ClientSession(trust_env=False) as session:
        async with session.post(url, data=body, headers=all_headers) as resp:
            return resp.status, await resp.text()


def _new_ts() -> str:
    """A message ts like Slack's (``^\\d{10}\\.\\d{6}$``), distinct from the fake's."""
    return f"{int(time.time())}.{next(_seq):06d}"


def _trigger_id() -> str:
    return f"{next(_seq) + 1_000_000_000}.{TEAM_ID[1:]}.{uuid.uuid4().hex}"


def event_envelope(
    event: dict[str, Any], *, event_id: str | None = None, event_time: int | None = None
) -> dict[str, Any]:
    """Wrap an event in the ``event_callback`` envelope Slack posts."""
    event = {**event}
    event.setdefault("event_ts", event.get("ts") or _new_ts())
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "context_team_id": TEAM_ID,
        "context_enterprise_id": None,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": int(time.time()) if event_time is None else event_time,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{uuid.uuid4().hex}",
        "authed_users": [BOT_USER_ID],
    }


async def post_event(
    url: str,
    secret: str,
    event: dict[str, Any],
    *,
    retry_num: int | None = None,
    retry_reason: str = "http_timeout",
    timestamp: int | None = None,
    bad_signature: bool = False,
    event_id: str | None = None,
) -> tuple[int, str]:
    """POST an ``event_callback`` as JSON; ``retry_num`` marks it as Slack's redelivery."""
    body = json.dumps(event_envelope(event, event_id=event_id)).encode()
    headers = {}
    if retry_num is not None:
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
    return await _post_signed(
        url,
        secret,
        body,
        "application/json",
        timestamp=timestamp,
        bad_signature=bad_signature,
        headers=headers,
    )


async def post_form(
    url: str,
    secret: str,
    fields: dict[str, str],
    *,
    timestamp: int | None = None,
    bad_signature: bool = False,
) -> tuple[int, str]:
    """POST signed form fields, e.g. a :func:`slash_command`."""
    return await _post_signed(
        url,
        secret,
        urlencode(fields).encode(),
        "application/x-www-form-urlencoded",
        timestamp=timestamp,
        bad_signature=bad_signature,
    )


async def post_interaction(
    url: str,
    secret: str,
    payload: dict[str, Any],
    *,
    timestamp: int | None = None,
    bad_signature: bool = False,
) -> tuple[int, str]:
    """POST an interactivity payload the way Slack does: form field ``payload=<json>``."""
    return await post_form(
        url,
        secret,
        {"payload": json.dumps(payload)},
        timestamp=timestamp,
        bad_signature=bad_signature,
    )


def message_event(
    channel: str, user: str, text: str, ts: str | None = None, thread_ts: str | None = None
) -> dict[str, Any]:
    """A human's ``message`` event (bolt drops the bot's own, so use another user)."""
    ts = ts or _new_ts()
    event: dict[str, Any] = {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "event_ts": ts,
        "team": TEAM_ID,
        "client_msg_id": str(uuid.uuid4()),
        "channel_type": {"D": "im", "G": "group"}.get(channel[:1], "channel"),
        "blocks": [
            {
                "type": "rich_text",
                "block_id": uuid.uuid4().hex[:5],
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                ],
            }
        ],
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return event


def _user(user_id: str, user_name: str) -> dict[str, str]:
    return {"id": user_id, "username": user_name, "name": user_name, "team_id": TEAM_ID}


def _find_element(
    message: dict[str, Any] | None, action_id: str
) -> tuple[str | None, dict[str, Any]]:
    for block in (message or {}).get("blocks", []):
        elements = block.get("elements", []) + [block.get("accessory", {})]
        for element in elements:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return block.get("block_id"), element
    return None, {}


def block_action(
    action_id: str,
    value: str,
    *,
    user_id: str,
    user_name: str,
    channel: str,
    message_ts: str,
    trigger_id: str | None = None,
    block_id: str | None = None,
    message: dict[str, Any] | None = None,
    response_url: str | None = None,
    channel_name: str = "approvals",
) -> dict[str, Any]:
    """A button click. Pass ``message`` (e.g. from ``fake.messages()``) to copy the clicked
    button's block_id and label as Slack does; ``response_url`` may be ``fake.response_url``."""
    found_block, button = _find_element(message, action_id)
    message = {k: v for k, v in (message or {}).items() if k != "channel"} or {
        "type": "message",
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "team": TEAM_ID,
        "ts": message_ts,
        "text": "",
        "blocks": [],
    }
    action = {
        "action_id": action_id,
        "block_id": block_id or found_block or uuid.uuid4().hex[:5],
        "text": button.get("text", {"type": "plain_text", "text": "Button", "emoji": True}),
        "value": value,
        "type": "button",
        "action_ts": _new_ts(),
    }
    if "style" in button:
        action["style"] = button["style"]
    return {
        "type": "block_actions",
        "user": _user(user_id, user_name),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": False,
        },
        "trigger_id": trigger_id or _trigger_id(),
        "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": channel_name},
        "message": message,
        "state": {"values": {}},
        "actions": [action],
        "response_url": response_url or f"{HOOKS}/{next(_seq)}/fakeresponse",
    }


def select_option(value: str, text: str | None = None) -> dict[str, Any]:
    """A ``static_select`` state entry for :func:`view_submission` values."""
    return {
        "type": "static_select",
        "selected_option": {
            "text": {"type": "plain_text", "text": text or value, "emoji": True},
            "value": value,
        },
    }


def view_submission(
    callback_id: str,
    values: dict[str, dict[str, Any]],
    private_metadata: str = "",
    user_id: str = "U0AGENT001",
    user_name: str = "agent",
    *,
    view_id: str | None = None,
    title: str = "BorderDesk",
    blocks: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A modal submit. ``values`` is ``{block_id: {action_id: entry}}``: a str/None entry
    becomes a plain_text_input value, a dict with ``type`` is used as is (see
    :func:`select_option`)."""
    view_id = view_id or f"V{next(_seq):010d}"
    state = {
        block: {
            action: entry
            if isinstance(entry, dict) and "type" in entry
            else {"type": "plain_text_input", "value": entry}
            for action, entry in actions.items()
        }
        for block, actions in values.items()
    }
    label = {"type": "plain_text", "emoji": True}
    return {
        "type": "view_submission",
        "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
        "user": _user(user_id, user_name),
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": _trigger_id(),
        "is_enterprise_install": False,
        "enterprise": None,
        "response_urls": [],
        "view": {
            "id": view_id,
            "team_id": TEAM_ID,
            "type": "modal",
            "blocks": blocks or [],
            "private_metadata": private_metadata,
            "callback_id": callback_id,
            "state": {"values": state},
            "hash": f"{int(time.time())}.{uuid.uuid4().hex[:8]}",
            "title": {**label, "text": title},
            "close": {**label, "text": "Cancel"},
            "submit": {**label, "text": "Submit"},
            "clear_on_close": False,
            "notify_on_close": False,
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": APP_ID,
            "external_id": "",
            "app_installed_team_id": TEAM_ID,
            "bot_id": BOT_ID,
        },
    }


def slash_command(
    command: str,
    text: str,
    user_id: str,
    channel_id: str,
    *,
    user_name: str = "agent",
    channel_name: str = "approvals",
    response_url: str | None = None,
) -> dict[str, str]:
    """The form fields Slack posts for a slash command; send them with :func:`post_form`."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "team_domain": TEAM_DOMAIN,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "trigger_id": _trigger_id(),
        "response_url": response_url
        or f"https://hooks.slack.com/commands/{TEAM_ID}/{next(_seq)}/fakeresponse",
    }
