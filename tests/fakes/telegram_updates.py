"""Incoming messages a shopper sends in a private chat, in every kind, as the Bot API shapes them.

Part of the fake Telegram server (``telegram_api``); ``telegram_chats`` adds what happens
around messages (groups, channels, service messages, edits, blocks). Each shape follows the
Bot API spec (``Message`` and the types of its content), and ``FakeTelegramAPI.push_update``
checks every built update against the spec, so a builder that drifts from it fails tests.
"""

import copy
import time
from collections.abc import Callable
from typing import Any, NotRequired, TypedDict, Unpack

JSON = dict[str, Any]


class Sender(TypedDict):
    """Who sends a built update; ``message_id`` overrides the next id of the chat and
    ``date`` the time it was sent (a Unix time; 0 as some relays send)."""

    first_name: NotRequired[str]
    last_name: NotRequired[str | None]
    username: NotRequired[str | None]
    language_code: NotRequired[str | None]
    message_id: NotRequired[int | None]
    date: NotRequired[int]


def _compact(data: JSON) -> JSON:
    return {k: v for k, v in data.items() if v is not None}


class MessageUpdates:
    """Builds realistic incoming updates from a customer in a private chat (user id = chat id).

    Update ids increase globally and message ids per chat, shared with the bot's own messages,
    as on Telegram. Media builders register fake file contents in ``files`` so that getFile and
    downloads work. It also remembers the bot's messages so callback queries can point at them.
    """

    def __init__(self, bot_id: int, clock: Callable[[], float] = time.time) -> None:
        self.bot_id = bot_id
        self.clock = clock
        self.files: dict[str, bytes] = {}
        self.messages: dict[tuple[int, int], JSON] = {}
        self._last_update_id = 100_000
        self._message_ids: dict[int, int] = {}
        self._file_seq = 0
        self.sent_dates: dict[tuple[int, int], int] = {}  # people's messages: when sent

    def bot_user(self, *, get_me: bool = False) -> JSON:
        """The bot as a User; getMe adds the fields only getMe returns."""
        user = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "BorderDesk Test",
            "username": "borderdesk_test_bot",
        }
        getme_only = {
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
        }
        return user | getme_only if get_me else user

    def next_update_id(self, at_least: int = 0) -> int:
        self._last_update_id = max(self._last_update_id + 1, at_least)
        return self._last_update_id

    def next_message_id(self, chat_id: int, at_least: int = 0) -> int:
        self._message_ids[chat_id] = max(self._message_ids.get(chat_id, 0) + 1, at_least)
        return self._message_ids[chat_id]

    def text_update(self, chat_id: int, text: str, **sender: Unpack[Sender]) -> JSON:
        return self._message_update(chat_id, sender, text=text)

    def command_update(
        self, chat_id: int, command: str = "/start", **sender: Unpack[Sender]
    ) -> JSON:
        """``command`` may carry arguments ("/start ref42"); the entity covers the command only."""
        entity = {"type": "bot_command", "offset": 0, "length": len(command.split()[0])}
        return self._message_update(chat_id, sender, text=command, entities=[entity])

    def photo_update(
        self, chat_id: int, caption: str | None = None, **sender: Unpack[Sender]
    ) -> JSON:
        """Two sizes, like Telegram's thumbnail plus full picture."""
        sizes = ((90, 67), (1280, 960))
        photo = [self._file("photo") | {"width": w, "height": h} for w, h in sizes]
        return self._message_update(chat_id, sender, photo=photo, caption=caption)

    def document_update(
        self,
        chat_id: int,
        file_name: str = "invoice.pdf",
        caption: str | None = None,
        mime_type: str = "application/pdf",
        **sender: Unpack[Sender],
    ) -> JSON:
        document = self._file("document") | {"file_name": file_name, "mime_type": mime_type}
        return self._message_update(chat_id, sender, document=document, caption=caption)

    def voice_update(self, chat_id: int, duration: int = 3, **sender: Unpack[Sender]) -> JSON:
        voice = self._file("voice") | {"duration": duration, "mime_type": "audio/ogg"}
        return self._message_update(chat_id, sender, voice=voice)

    def sticker_update(self, chat_id: int, emoji: str = "👍", **sender: Unpack[Sender]) -> JSON:
        sticker = self._file("sticker") | {"type": "regular", "width": 512, "height": 512}
        sticker |= {"is_animated": False, "is_video": False, "emoji": emoji}
        return self._message_update(chat_id, sender, sticker=sticker)

    def location_update(
        self, chat_id: int, latitude: float, longitude: float, **sender: Unpack[Sender]
    ) -> JSON:
        location = {"latitude": latitude, "longitude": longitude}
        return self._message_update(chat_id, sender, location=location)

    def callback_update(self, chat_id: int, data: str, **sender: Unpack[Sender]) -> JSON:
        """A button press on the bot's message ``message_id`` (default: its latest in the chat)."""
        own = sorted(mid for cid, mid in self.messages if cid == chat_id)
        message_id = sender.pop("message_id", None) or (own[-1] if own else 0)
        if (chat_id, message_id) not in self.messages:
            raise ValueError(f"the bot sent no message {message_id or ''} to chat {chat_id}")
        message = copy.deepcopy(self.messages[chat_id, message_id])
        query = {"id": f"{self.next_update_id()}{chat_id}", "from": self._user(chat_id, sender)}
        query |= {"message": message, "chat_instance": f"-{chat_id}7", "data": data}
        return {"update_id": self.next_update_id(), "callback_query": query}

    def venue_update(
        self,
        chat_id: int,
        title: str = "Café Central",
        address: str = "Herrengasse 14, 1010 Wien",
        **sender: Unpack[Sender],
    ) -> JSON:
        """A place picked on the map: Telegram sends its location beside the venue."""
        location = {"latitude": 48.21026, "longitude": 16.36558}
        venue = {"location": location, "title": title, "address": address}
        return self._message_update(chat_id, sender, venue=venue, location=location)

    def contact_update(
        self,
        chat_id: int,
        phone_number: str = "+34 600 123 456",
        first: str = "Luis",
        last: str | None = "García",
        **sender: Unpack[Sender],
    ) -> JSON:
        """A contact card shared from the address book: a name and a phone number."""
        contact = _compact({"phone_number": phone_number, "first_name": first, "last_name": last})
        return self._message_update(chat_id, sender, contact=contact)

    def poll_update(
        self,
        chat_id: int,
        question: str = "Which colour should I order?",
        options: tuple[str, ...] = ("Blue", "Green"),
        **sender: Unpack[Sender],
    ) -> JSON:
        """A poll the shopper created and sent to the bot."""
        self._file_seq += 1
        choices = [
            {"persistent_id": f"o{i}", "text": text, "voter_count": 0}
            for i, text in enumerate(options)
        ]
        poll: JSON = {"id": f"5{self._file_seq:08d}", "question": question, "options": choices}
        poll |= {"total_voter_count": 0, "is_closed": False, "is_anonymous": True}
        poll |= {"type": "regular", "allows_multiple_answers": False}
        poll |= {"allows_revoting": True, "members_only": False}
        return self._message_update(chat_id, sender, poll=poll)

    def dice_update(
        self, chat_id: int, emoji: str = "🎲", value: int = 4, **sender: Unpack[Sender]
    ) -> JSON:
        return self._message_update(chat_id, sender, dice={"emoji": emoji, "value": value})

    def audio_update(
        self,
        chat_id: int,
        title: str | None = "Song of the Shop",
        performer: str | None = "The Parcels",
        file_name: str | None = "song.mp3",
        duration: int = 205,
        caption: str | None = None,
        **sender: Unpack[Sender],
    ) -> JSON:
        audio = self._file("audio") | {"duration": duration, "mime_type": "audio/mpeg"}
        audio |= _compact({"title": title, "performer": performer, "file_name": file_name})
        return self._message_update(chat_id, sender, audio=audio, caption=caption)

    def video_note_update(self, chat_id: int, duration: int = 9, **sender: Unpack[Sender]) -> JSON:
        """A round video message."""
        note = self._file("video_note") | {"length": 240, "duration": duration}
        return self._message_update(chat_id, sender, video_note=note)

    def animation_update(
        self,
        chat_id: int,
        file_name: str = "unboxing.gif.mp4",
        duration: int = 3,
        caption: str | None = None,
        **sender: Unpack[Sender],
    ) -> JSON:
        """A GIF: Telegram sends it as an animation and, for old clients, as a document."""
        animation = self._file("animation") | {"width": 320, "height": 240}
        animation |= {"duration": duration, "file_name": file_name, "mime_type": "video/mp4"}
        document = {k: v for k, v in animation.items() if k not in ("width", "height", "duration")}
        return self._message_update(
            chat_id, sender, animation=animation, document=document, caption=caption
        )

    def content_update(self, chat_id: int, **content: Any) -> JSON:
        """A message with any content fields (a story, a game, a kind newer than the spec),
        for kinds without a builder of their own."""
        return self._message_update(chat_id, {}, **content)

    def file_object(self, kind: str) -> JSON:
        """The file fields of a media object (ids, size), its fake contents registered."""
        return self._file(kind)

    def _user(self, user_id: int, sender: Sender) -> JSON:
        user = {"id": user_id, "is_bot": False, "first_name": sender.get("first_name", "Ana")}
        user |= {k: sender.get(k) for k in ("last_name", "username")}
        return _compact(user | {"language_code": sender.get("language_code", "es")})

    def _private_chat(self, user: JSON) -> JSON:
        chat = {"id": user["id"], "type": "private"}
        return chat | {k: user[k] for k in ("first_name", "last_name", "username") if k in user}

    def _message(self, chat: JSON, user: JSON | None, sender: Sender, **content: Any) -> JSON:
        """A new message in ``chat`` (``user`` None: a channel's post), remembered by date."""
        message_id = self.next_message_id(chat["id"], sender.get("message_id") or 0)
        date = sender.get("date", int(self.clock()))
        self.sent_dates[chat["id"], message_id] = date
        message = {"message_id": message_id} | ({"from": user} if user else {})
        return message | {"chat": chat, "date": date} | _compact(content)

    def _message_update(self, chat_id: int, sender: Sender, **content: Any) -> JSON:
        user = self._user(chat_id, sender)
        message = self._message(self._private_chat(user), user, sender, **content)
        return {"update_id": self.next_update_id(), "message": message}

    def _file(self, kind: str) -> JSON:
        self._file_seq += 1
        file_id = f"{kind.upper()[:4]}AgADBAAD{self._file_seq:06d}"
        self.files[file_id] = content = f"fake {kind} #{self._file_seq}".encode()
        unique_id = f"AQAD{self._file_seq:06d}"
        return {"file_id": file_id, "file_unique_id": unique_id, "file_size": len(content)}
