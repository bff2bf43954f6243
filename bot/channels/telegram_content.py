"""What a Telegram message holds, read from its Bot API shape (the JSON object).

A message carries one kind of content (text, a photo, a venue, a poll…) or is a service
message: something Telegram reports about the chat (a pinned message, members joining, a
group becoming a supergroup) that nobody wrote. The desk needs to tell them apart and to
keep what each kind means, so a venue reaches staff as "Café Central, Herrengasse 14" and
not as an empty placeholder.

It works on the plain JSON form (``message.to_dict()`` in the adapter) rather than on SDK
objects, so a field newer than the installed python-telegram-bot (kept in its
``api_kwargs``) is seen like any other: a kind we do not know yet becomes OTHER labelled
with its field name, never an empty "[other]".

    content = describe({"message_id": 7, "chat": {...}, "dice": {"emoji": "🎲", "value": 4}})
    content.kind, content.attachment  # (MessageKind.DICE, "🎲 4")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.models import MessageKind

JSON = dict[str, Any]
MAX_ATTACHMENT = 500  # the column holds 512; a long poll is cut, saying so

# Fields about the message, not its content (Bot API 10.1 "Message"); a field that is
# neither here nor below is content of a kind newer than this list.
ENVELOPE = frozenset(
    {
        "message_id", "message_thread_id", "direct_messages_topic", "from", "sender_chat",
        "sender_boost_count", "sender_business_bot", "sender_tag", "date", "guest_query_id",
        "business_connection_id", "chat", "forward_origin", "is_topic_message",
        "is_automatic_forward", "reply_to_message", "external_reply", "quote",
        "reply_to_story", "reply_to_checklist_task_id", "reply_to_poll_option_id", "via_bot",
        "guest_bot_caller_user", "guest_bot_caller_chat", "edit_date",
        "has_protected_content", "is_from_offline", "is_paid_post", "media_group_id",
        "author_signature", "paid_star_count", "entities", "link_preview_options",
        "suggested_post_info", "effect_id", "caption", "caption_entities",
        "show_caption_above_media", "has_media_spoiler", "reply_markup",
        # older Bot API versions, still sent by some servers
        "forward_from", "forward_from_chat", "forward_from_message_id", "forward_signature",
        "forward_sender_name", "forward_date",
    }
)  # fmt: skip

# Service messages: Telegram telling about the chat. Nobody wrote them; no card.
SERVICE = frozenset(
    {
        "new_chat_members", "left_chat_member", "chat_owner_left", "chat_owner_changed",
        "new_chat_title", "new_chat_photo", "delete_chat_photo", "group_chat_created",
        "supergroup_chat_created", "channel_chat_created",
        "message_auto_delete_timer_changed", "migrate_to_chat_id", "migrate_from_chat_id",
        "pinned_message", "connected_website", "write_access_allowed",
        "proximity_alert_triggered", "boost_added", "chat_background_set",
        "checklist_tasks_done", "checklist_tasks_added", "direct_message_price_changed",
        "forum_topic_created", "forum_topic_edited", "forum_topic_closed",
        "forum_topic_reopened", "general_forum_topic_hidden", "general_forum_topic_unhidden",
        "giveaway_created", "giveaway_completed", "managed_bot_created",
        "paid_message_price_changed", "poll_option_added", "poll_option_deleted",
        "suggested_post_approved", "suggested_post_approval_failed",
        "suggested_post_declined", "suggested_post_paid", "suggested_post_refunded",
        "video_chat_scheduled", "video_chat_started", "video_chat_ended",
        "video_chat_participants_invited",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Content:
    """A message's kind, the text a person wrote (text or caption) and what else it holds."""

    kind: MessageKind
    text: str
    attachment: str | None


def describe(message: JSON) -> Content | None:
    """The content of a message; None for a service message (nothing a person wrote)."""
    present = {k for k, v in message.items() if v not in (None, False, "", [], {})}
    text = message.get("text")
    if isinstance(text, str):
        kind = MessageKind.COMMAND if text.startswith("/") else MessageKind.TEXT
        return Content(kind, text, None)
    caption = message.get("caption")
    caption = caption if isinstance(caption, str) else ""
    for field, kind, detail in _KINDS:  # the order matters: a venue has a location too
        if field in present:
            value = message[field]
            found = detail(value) if isinstance(value, dict) else None
            return Content(kind, caption, _cut(found))
    content = sorted(present - ENVELOPE - SERVICE)
    if content:  # a kind we know by name only, or one newer than this module
        label = " ".join(content)
        labelled = _LABELS.get(content[0])
        value = message[content[0]]
        if labelled is not None and isinstance(value, dict) and labelled(value):
            label = f"{label}: {labelled(value)}"
        return Content(MessageKind.OTHER, caption, _cut(label))
    if present & SERVICE:
        return None
    return Content(MessageKind.OTHER, caption, "empty message")


def service_kind(message: JSON) -> str:
    """Which service message this is, for the log line ("pinned_message")."""
    found = sorted(k for k, v in message.items() if k in SERVICE and v not in (None, False))
    return ", ".join(found) or "unknown"


def _cut(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_ATTACHMENT:
        return text or None
    return text[: MAX_ATTACHMENT - 1] + "…"


def duration(seconds: Any) -> str:
    """ "42s", "3:25" — how long a voice, video or song is."""
    total = int(seconds) if isinstance(seconds, int | float) else 0
    return f"{total}s" if total < 60 else f"{total // 60}:{total % 60:02d}"


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _joined(*parts: str, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def _audio(v: JSON) -> str:
    title = _joined(_text(v.get("performer")), _text(v.get("title")), sep=" – ")
    return _joined(title or _text(v.get("file_name")), duration(v.get("duration")))


def _animation(v: JSON) -> str:
    return _joined(_text(v.get("file_name")), duration(v.get("duration")))


def _location(v: JSON) -> str | None:
    lat, lon = v.get("latitude"), v.get("longitude")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return f"{lat:.5f},{lon:.5f}"
    return None


def _venue(v: JSON) -> str:
    return _joined(_text(v.get("title")), _text(v.get("address")))


def _contact(v: JSON) -> str:
    name = _joined(_text(v.get("first_name")), _text(v.get("last_name")), sep=" ")
    return _joined(name, _text(v.get("phone_number")))


def _poll(v: JSON) -> str:
    options = v.get("options")
    shown = [_text(o.get("text")) for o in options or () if isinstance(o, dict)]
    choices = " / ".join(o for o in shown if o)
    return _text(v.get("question")) + (f" ({choices})" if choices else "")


def _dice(v: JSON) -> str:
    return _joined(_text(v.get("emoji")), str(v.get("value", "")), sep=" ")


def _file_name(v: JSON) -> str | None:
    return _text(v.get("file_name")) or None


def _emoji(v: JSON) -> str | None:
    return _text(v.get("emoji")) or None


def _seconds(v: JSON) -> str:
    return duration(v.get("duration"))


def _nothing(v: JSON) -> None:
    return None


_KINDS: tuple[tuple[str, MessageKind, Callable[[JSON], str | None]], ...] = (
    ("photo", MessageKind.PHOTO, _nothing),  # sizes of one picture: nothing to name
    ("animation", MessageKind.ANIMATION, _animation),  # Telegram sends "document" too
    ("audio", MessageKind.AUDIO, _audio),
    ("document", MessageKind.DOCUMENT, _file_name),
    ("sticker", MessageKind.STICKER, _emoji),
    ("video_note", MessageKind.VIDEO_NOTE, _seconds),
    ("video", MessageKind.VIDEO, _seconds),
    ("voice", MessageKind.VOICE, _seconds),
    ("venue", MessageKind.VENUE, _venue),  # a venue carries its location too
    ("location", MessageKind.LOCATION, _location),
    ("contact", MessageKind.CONTACT, _contact),
    ("poll", MessageKind.POLL, _poll),
    ("dice", MessageKind.DICE, _dice),
)

# Kinds without a MessageKind of their own: OTHER, labelled with what they are.
_LABELS: dict[str, Callable[[JSON], str]] = {
    "story": lambda v: (
        _text((v.get("chat") or {}).get("username")) or _text((v.get("chat") or {}).get("title"))
    ),
    "game": lambda v: _text(v.get("title")),
    "invoice": lambda v: _text(v.get("title")),
    "checklist": lambda v: _text(v.get("title")),
    "successful_payment": lambda v: _text(v.get("currency")),
}
