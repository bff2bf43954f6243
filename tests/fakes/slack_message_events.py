"""Slack ``message`` events of every kind a card thread sees, shaped as Slack sends them.

Why: staff replies are lost in production when an adapter only knows the plain message
event. Slack sends the same channel's messages with subtypes — ``thread_broadcast``
("Also send to channel"), ``file_share`` (a message with files), ``me_message``,
``message_changed`` (an edit, a link preview, a reply count on the parent),
``message_deleted``, ``bot_message``, ``channel_join`` — each with its own fields. These
builders follow Slack's event documentation (api.slack.com/events/message/<subtype>) and
``validate_event`` checks them against the published schemas in ``../shared/specs/slack``:
the envelope against ``event-wrapper.schema.json``, every message inside against the Web
API's ``objs_message`` (whose ``files`` are ``objs_file``).

    event = file_share_event(INBOX, "U0STAFF0001", "Your invoice", [shared], thread_ts=card_ts)
    assert validate_event(event) == []
    await slack_client.post_event(url, SECRET, event)
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

import jsonschema

from .slack_api import BOT_ID, BOT_USER_ID, _load_spec
from .slack_client import _new_ts, event_envelope, message_event
from .spec_paths import SPECS_DIR

Event = dict[str, Any]
# What events carry beside the message itself, and fields newer than the 2021 Web API
# spec (``edited`` on an edited message, ``root`` on a broadcast reply): not judged by
# ``objs_message``, which allows no other properties.
_EVENT_ONLY = frozenset(
    {
        "channel",
        "event_ts",
        "channel_type",
        "hidden",
        "edited",
        "root",
        "message",
        "previous_message",
        "deleted_ts",
    }
)


def thread_broadcast_event(
    channel: str, user: str, text: str, *, thread_ts: str, root: Event | None = None
) -> Event:
    """A thread reply with "Also send to channel" ticked; ``root`` is the thread's parent."""
    event = message_event(channel, user, text, thread_ts=thread_ts)
    event["subtype"] = "thread_broadcast"
    event["root"] = root or {
        "type": "message",
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "text": "card",
        "ts": thread_ts,
        "thread_ts": thread_ts,
        "reply_count": 1,
        "latest_reply": event["ts"],
    }
    return event


def file_share_event(
    channel: str, user: str, text: str, files: list[Event], *, thread_ts: str | None = None
) -> Event:
    """A message with files (``files`` as ``FakeSlackAPI.add_file`` returns them)."""
    event = message_event(channel, user, text, thread_ts=thread_ts)
    if not text:
        event.pop("blocks")  # a message of files alone has no text blocks
    event.update(
        subtype="file_share", files=copy.deepcopy(files), upload=True, display_as_bot=False
    )
    return event


def me_message_event(channel: str, user: str, text: str, *, thread_ts: str) -> Event:
    """``/me <text>`` typed in a thread."""
    event = message_event(channel, user, text, thread_ts=thread_ts)
    event["subtype"] = "me_message"
    event.pop("client_msg_id", None)
    event.pop("blocks", None)
    return event


def other_subtype_event(
    channel: str, user: str, text: str, subtype: str, *, thread_ts: str
) -> Event:
    """A person's message of a subtype no reply takes (e.g. a future one)."""
    event = message_event(channel, user, text, thread_ts=thread_ts)
    event["subtype"] = subtype
    return event


def bot_message_event(channel: str, text: str, *, thread_ts: str | None = None) -> Event:
    """A message posted by an integration (not this app): ``bot_id`` and no ``user``."""
    ts = _new_ts()
    event: Event = {
        "type": "message",
        "subtype": "bot_message",
        "channel": channel,
        "text": text,
        "ts": ts,
        "event_ts": ts,
        "bot_id": "B0OTHERBOT1",
        "username": "Order Alerts",
        "icons": {
            "image_64": "https://a.slack-edge.com/80588/img/services/outgoing-webhook_64.png"
        },
        "channel_type": "channel",
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return event


def channel_join_event(channel: str, user: str, *, inviter: str | None = None) -> Event:
    """Someone joined the channel: Slack posts it as a message from them."""
    ts = _new_ts()
    event: Event = {
        "type": "message",
        "subtype": "channel_join",
        "channel": channel,
        "user": user,
        "text": f"<@{user}> has joined the channel",
        "ts": ts,
        "event_ts": ts,
        "channel_type": "channel",
    }
    if inviter is not None:
        event["inviter"] = inviter
    return event


def edited(message: Event, text: str, *, by: str | None = None) -> Event:
    """``message`` after its author changed the text (as ``message_changed`` carries it)."""
    new = _as_stored(message)
    new["text"] = text
    if "blocks" in new:
        new["blocks"] = message_event(message.get("channel", "C0"), new.get("user", ""), text)[
            "blocks"
        ]
    new["edited"] = {"user": by or new.get("user", BOT_USER_ID), "ts": _new_ts()}
    return new


def unfurled(message: Event) -> Event:
    """``message`` after Slack added a link preview: same text, new ``attachments``."""
    new = _as_stored(message)
    new["attachments"] = [
        {
            "fallback": "Tracking | Parcel status",
            "from_url": "https://tracking.example.com/RR123456785CN",
            "title": "Parcel status",
            "title_link": "https://tracking.example.com/RR123456785CN",
            "text": "In transit",
            "service_name": "tracking.example.com",
            "id": 1,
        }
    ]
    return new


def message_changed_event(channel: str, new: Event, previous: Event) -> Event:
    """``message_changed``: ``new`` and ``previous`` are the message after and before."""
    ts = _new_ts()
    return {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": channel,
        "message": _as_stored(new),
        "previous_message": _as_stored(previous),
        "ts": ts,
        "event_ts": ts,
        "channel_type": "channel",
    }


def message_deleted_event(channel: str, previous: Event) -> Event:
    """``message_deleted``: the message as it was, and its ts as ``deleted_ts``."""
    ts = _new_ts()
    return {
        "type": "message",
        "subtype": "message_deleted",
        "hidden": True,
        "channel": channel,
        "deleted_ts": previous["ts"],
        "previous_message": _as_stored(previous),
        "ts": ts,
        "event_ts": ts,
        "channel_type": "channel",
    }


def _as_stored(message: Event) -> Event:
    """A message as Slack nests it in another event: without the event-only fields."""
    return {
        key: copy.deepcopy(value)
        for key, value in message.items()
        if key not in ("channel", "event_ts", "channel_type")
    }


def validate_event(event: Event) -> list[str]:
    """Where ``event`` (and its envelope) breaks the published Slack schemas; [] if nowhere."""
    problems = [
        f"envelope: {_where(e)}: {e.message}"
        for e in _validator("event-wrapper").iter_errors(event_envelope(event))
    ]
    # message_changed and message_deleted are not messages: the ones they carry are
    itself = [] if event.get("subtype") in ("message_changed", "message_deleted") else [event]
    messages = [("event", m) for m in itself] + [
        (key, event[key]) for key in ("message", "previous_message", "root") if key in event
    ]
    for where, message in messages:
        judged = {k: v for k, v in message.items() if k not in _EVENT_ONLY}
        problems += [
            f"{where}: {_where(e)}: {e.message}"
            for e in _validator("objs_message").iter_errors(judged)
        ]
    return problems


def _where(error: jsonschema.ValidationError) -> str:
    return "/".join(map(str, error.absolute_path)) or "(root)"


@lru_cache(maxsize=4)
def _validator(name: str) -> jsonschema.protocols.Validator:
    if name == "event-wrapper":
        schema = json.loads((SPECS_DIR / "slack" / "event-wrapper.schema.json").read_text())
        return jsonschema.Draft7Validator(schema)
    # with the fake's patches for the spec's known staleness (link-preview attachments)
    spec = _load_spec(SPECS_DIR / "slack" / "web-api.openapi.json")
    return jsonschema.Draft4Validator(
        {**spec["definitions"][name], "definitions": spec["definitions"]}
    )
