"""What a WhatsApp message holds, read from a webhook's ``messages`` item (plain JSON).

Each message has a ``type`` and an object of that name: text, image, audio (a voice note
when ``voice`` is true), video, document, sticker, location, contacts, a tap on a button
(``button``: a template's quick reply; ``interactive``: a reply button or a list row),
a reaction, an order from the catalogue, or ``unsupported`` (a kind Meta does not pass
on, such as a poll or a view-once photo). Non-text kinds reach staff as labelled
placeholders the way Telegram's do (``InboundMessage.display_text``): "[photo] the
caption", "[venue: Philz Coffee, 101 Forest Ave]", "[contact: Lucía Gómez, +1 983...]".

A tap keeps what the shopper chose as its text, so the suggestion engine reads it like
words ("Track my order"), labelled "[other: button reply]" for staff. A reaction is a
placeholder of its own, "[other: reaction 👍]" (an empty emoji: the reaction was taken
back). A ``system`` message (the shopper changed their number) is nobody's words: None.

    content = describe({"type": "location", "location": {"latitude": 37.4, ...}})
    content.kind, content.attachment  # (MessageKind.VENUE, "Philz Coffee, 101 Forest Ave")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.models import MessageKind

JSON = dict[str, Any]
MAX_ATTACHMENT = 500  # the column holds 512; a long label is cut, saying so


@dataclass(frozen=True)
class Content:
    """A message's kind, the words the shopper wrote or chose, and what else it holds."""

    kind: MessageKind
    text: str
    attachment: str | None


def describe(message: JSON) -> Content | None:
    """The content of a message; None for a system message (nothing a person wrote)."""
    kind = message.get("type")
    kind = kind if isinstance(kind, str) else ""
    if kind == "system":
        return None
    value = message.get(kind)
    body = _object(value)
    if kind == "text":
        return Content(MessageKind.TEXT, _words(body.get("body")), None)
    reader = _KINDS.get(kind)
    if reader is not None:
        # contacts come as a list of cards, every other kind as an object
        found_kind, text, label = reader(value if kind == "contacts" else body)
        return Content(found_kind, text, _cut(label))
    if kind in ("unsupported", "unknown"):
        return Content(MessageKind.OTHER, "", _cut(_unsupported(message)))
    # a kind newer than this module: named, never an empty "[other]"
    return Content(MessageKind.OTHER, "", _cut(kind or "message of no type"))


def _cut(text: str | None) -> str | None:
    if not text:
        return None
    return text if len(text) <= MAX_ATTACHMENT else text[: MAX_ATTACHMENT - 1] + "…"


def _object(value: Any) -> JSON:
    """An object where one should be; {} for anything else."""
    return value if isinstance(value, dict) else {}


def objects(value: Any) -> list[JSON]:
    """The objects of a list where one should be (anything else is skipped): Meta's
    payloads are read with it throughout, so junk in one place never raises."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _words(value: Any) -> str:
    """Text as the shopper wrote it (line breaks kept)."""
    return value if isinstance(value, str) else ""


def _text(value: Any) -> str:
    """A label's part, on one line."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _joined(*parts: str, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


Reading = tuple[MessageKind, str, str | None]


def _image(v: JSON) -> Reading:
    return MessageKind.PHOTO, _words(v.get("caption")), None


def _video(v: JSON) -> Reading:
    return MessageKind.VIDEO, _words(v.get("caption")), None


def _audio(v: JSON) -> Reading:
    # a voice note recorded in the app, or an audio file sent from the phone
    return (MessageKind.VOICE if v.get("voice") is True else MessageKind.AUDIO), "", None


def _document(v: JSON) -> Reading:
    return MessageKind.DOCUMENT, _words(v.get("caption")), _text(v.get("filename")) or None


def _sticker(v: JSON) -> Reading:
    return MessageKind.STICKER, "", "animated" if v.get("animated") is True else None


def _location(v: JSON) -> Reading:
    """A place with a name or an address is a venue (as on Telegram); a pin is its
    coordinates."""
    place = _joined(_text(v.get("name")), _text(v.get("address")))
    if place:
        return MessageKind.VENUE, "", place
    lat, lon = v.get("latitude"), v.get("longitude")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return MessageKind.LOCATION, "", f"{lat:.5f},{lon:.5f}"
    return MessageKind.LOCATION, "", None


def _contacts(v: Any) -> Reading:
    """Shared contact cards (the list itself, not an object): each one's name and phone."""
    cards = []
    for card in objects(v):
        name = _object(card.get("name"))
        shown = _text(name.get("formatted_name")) or _joined(
            _text(name.get("first_name")), _text(name.get("last_name")), sep=" "
        )
        phones = objects(card.get("phones"))
        phone = _text(phones[0].get("phone")) if phones else ""
        cards.append(_joined(shown, phone))
    return MessageKind.CONTACT, "", "; ".join(c for c in cards if c) or None


def _button(v: JSON) -> Reading:
    """A quick-reply button of a template the shopper tapped: its label is their answer."""
    return MessageKind.OTHER, _words(v.get("text")), "button reply"


def _interactive(v: JSON) -> Reading:
    """A reply button or a list row the shopper chose (title, and a row's description);
    a flow's form (``nfm_reply``) carries its answers as JSON, named only."""
    kind = _text(v.get("type"))
    chosen = _object(v.get(kind))
    if kind in ("button_reply", "list_reply"):
        title = _words(chosen.get("title"))
        description = _text(chosen.get("description"))
        text = f"{title} ({description})" if title and description else title or description
        return MessageKind.OTHER, text, kind.replace("_", " ")
    if kind == "nfm_reply":
        return MessageKind.OTHER, "", _joined("form reply", _text(chosen.get("name")), sep=": ")
    return MessageKind.OTHER, "", _joined("interactive", kind, sep=": ")


def _reaction(v: JSON) -> Reading:
    emoji = _text(v.get("emoji"))
    return MessageKind.OTHER, "", f"reaction {emoji}" if emoji else "reaction removed"


def _order(v: JSON) -> Reading:
    """An order from the catalogue: how many items, and the shopper's note as their words."""
    items = objects(v.get("product_items"))
    count = sum(i["quantity"] for i in items if isinstance(i.get("quantity"), int)) or len(items)
    return MessageKind.OTHER, _words(v.get("text")), f"order: {count} item(s)"


def _unsupported(message: JSON) -> str:
    """What Meta says it did not pass on ("unsupported: Message type unknown")."""
    errors = objects(message.get("errors"))
    said = _text(errors[0].get("title")) or _text(errors[0].get("message")) if errors else ""
    return _joined("unsupported", said, sep=": ")


_KINDS: dict[str, Callable[[Any], Reading]] = {
    "image": _image,
    "video": _video,
    "audio": _audio,
    "document": _document,
    "sticker": _sticker,
    "location": _location,
    "contacts": _contacts,
    "button": _button,
    "interactive": _interactive,
    "reaction": _reaction,
    "order": _order,
}
