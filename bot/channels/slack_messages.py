"""Which Slack message events are a staff member writing to a shopper, and what they mean.

Staff answer a shopper by writing in the thread of the shopper's card. Slack describes
that writing with many message subtypes, and each must reach the shopper or get an
answer in the thread; none may vanish:

- a plain reply, ``thread_broadcast`` ("Also send to channel"), ``file_share`` (a reply
  with files) and ``me_message`` are replies (``THREAD_REPLY``, with ``files``);
- ``message_changed`` of such a reply is an edit (``THREAD_REPLY_EDITED``) — unless
  nothing a shopper would see changed: Slack also sends it for link previews and for
  the card itself when a reply is added (a bot message);
- ``message_deleted`` of such a reply is a deletion (``THREAD_REPLY_DELETED``);
- any other subtype a person produced in a card thread cannot be sent
  (``THREAD_REPLY_UNSENDABLE``, ``extra["subtype"]`` says which).

Bot messages, joins, topic changes and other events no person typed as a reply are
ignored. This module only reads the event; who may act and what happens is decided
elsewhere (``slack_listeners`` checks the staff list, the handlers decide).

    found = thread_message(event, inbox_channel="C0123456789")
    if found is not None:
        ...  # found.kind, found.user_id, found.text, found.files
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.channels.slack_shapes import dig, object_at, text_at
from bot.models import ActionKind, StaffFile

# What staff write as a reply: the shopper gets it.
REPLY_SUBTYPES = frozenset({"", "thread_broadcast", "file_share", "me_message"})
# What Slack or an app produces, never a person answering: ignored.
SYSTEM_SUBTYPES = frozenset(
    {
        "bot_message",
        "bot_add",
        "bot_remove",
        "channel_join",
        "channel_leave",
        "channel_topic",
        "channel_purpose",
        "channel_name",
        "channel_archive",
        "channel_unarchive",
        "channel_convert_to_private",
        "channel_posting_permissions",
        "group_join",
        "group_leave",
        "group_topic",
        "group_purpose",
        "group_name",
        "group_archive",
        "group_unarchive",
        "pinned_item",
        "unpinned_item",
        "message_replied",
        "reminder_add",
        "ekm_access_denied",
        "tombstone",
        "assistant_app_thread",
    }
)


@dataclass(frozen=True)
class ThreadMessage:
    """A person's message in a thread of the inbox, as the handlers need it."""

    kind: ActionKind
    user_id: str
    thread_ts: str  # the card's ts
    ts: str  # the reply's own ts: with the card's, it names the reply for good
    text: str = ""
    files: tuple[StaffFile, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def thread_message(event: Mapping[str, Any], inbox_channel: str) -> ThreadMessage | None:
    """What ``event`` (a ``message`` event) means for a shopper, or None to ignore it."""
    if text_at(event, "channel") != inbox_channel:
        return None
    subtype = text_at(event, "subtype")
    if subtype == "message_changed":
        return _changed(object_at(event, "message"), object_at(event, "previous_message"), event)
    if subtype == "message_deleted":
        return _deleted(object_at(event, "previous_message"), text_at(event, "deleted_ts"))
    if subtype in SYSTEM_SUBTYPES or not _by_a_person_in_a_thread(event):
        return None
    if subtype not in REPLY_SUBTYPES:
        return ThreadMessage(
            ActionKind.THREAD_REPLY_UNSENDABLE,
            text_at(event, "user"),
            text_at(event, "thread_ts"),
            text_at(event, "ts"),
            extra={"subtype": subtype},
        )
    return _reply(ActionKind.THREAD_REPLY, event)


def _changed(
    new: Mapping[str, Any], old: Mapping[str, Any], event: Mapping[str, Any]
) -> ThreadMessage | None:
    """An edit of a staff reply; None when the shopper would see no difference."""
    if not _is_reply(new) or _seen_by_shopper(new) == _seen_by_shopper(old):
        return None
    # one edit among several of the same reply
    edit_ts = text_at(new, "edited", "ts") or text_at(event, "event_ts")
    return _reply(ActionKind.THREAD_REPLY_EDITED, new, edit_ts=edit_ts)


def _reply(kind: ActionKind, message: Mapping[str, Any], **extra: str) -> ThreadMessage:
    """A reply (``kind``: new or edited) as the shopper gets it: who wrote it under which
    card, its own ts, what it says and the files it carries."""
    return ThreadMessage(
        kind,
        text_at(message, "user"),
        text_at(message, "thread_ts"),
        text_at(message, "ts"),
        text=text_at(message, "text"),
        files=staff_files(message),
        extra=extra,
    )


def _deleted(old: Mapping[str, Any], deleted_ts: str) -> ThreadMessage | None:
    if not _is_reply(old):
        return None
    return ThreadMessage(
        ActionKind.THREAD_REPLY_DELETED,
        text_at(old, "user"),
        text_at(old, "thread_ts"),
        deleted_ts or text_at(old, "ts"),
    )


def _is_reply(message: Mapping[str, Any]) -> bool:
    """A message staff wrote as a reply (what edits and deletions are about)."""
    return text_at(message, "subtype") in REPLY_SUBTYPES and _by_a_person_in_a_thread(message)


def _by_a_person_in_a_thread(message: Mapping[str, Any]) -> bool:
    thread_ts, ts = text_at(message, "thread_ts"), text_at(message, "ts")
    return bool(
        text_at(message, "user")
        and not message.get("bot_id")
        and thread_ts
        and ts
        and thread_ts != ts
    )


def _seen_by_shopper(message: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    """The parts of a reply that reach the shopper: its text and its files."""
    return text_at(message, "text"), tuple(f.file_id or f.url for f in staff_files(message))


def staff_files(message: Mapping[str, Any]) -> tuple[StaffFile, ...]:
    """The files of a message (``files``, or the single ``file`` of older events)."""
    found = message.get("files")
    items = found if isinstance(found, list) else [message.get("file")]
    files = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        size = dig(item, "size")
        files.append(
            StaffFile(
                name=text_at(item, "name") or text_at(item, "title") or text_at(item, "id"),
                mimetype=text_at(item, "mimetype") or "application/octet-stream",
                size=size if isinstance(size, int) and not isinstance(size, bool) else 0,
                url=text_at(item, "url_private_download") or text_at(item, "url_private"),
                file_id=text_at(item, "id"),
            )
        )
    return tuple(files)
