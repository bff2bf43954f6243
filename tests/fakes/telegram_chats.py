"""What happens around a shopper's messages, as the Bot API shapes it: group and channel
traffic, service messages, edits, and the shopper blocking or unblocking the bot.

``UpdateFactory`` is the whole builder the fake Telegram server inherits: the private
messages of ``telegram_updates`` plus these. Group ids are negative ("-100…" for
supergroups and channels), as on Telegram.

    fake.push_update(fake.group_update(-1001234567890, "anyone here?", user_id=5151))
    fake.push_update(fake.edited_update(4242, 7, "sorry, order 10398 not 10389"))
    fake.push_update(fake.chat_member_update(4242, "kicked"))
"""

from typing import Any, Unpack

from .telegram_updates import JSON, MessageUpdates, Sender


class UpdateFactory(MessageUpdates):
    """Builds realistic incoming updates: private messages of every kind, and the rest."""

    def group_update(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int,
        supergroup: bool = True,
        title: str = "Shop fans",
        **sender: Unpack[Sender],
    ) -> JSON:
        """A person writing in a group (or supergroup) the bot is a member of."""
        chat = self._group(chat_id, title, supergroup)
        message = self._message(chat, self._user(user_id, sender), sender, text=text)
        return {"update_id": self.next_update_id(), "message": message}

    def channel_post_update(self, chat_id: int, text: str, title: str = "Shop news") -> JSON:
        """A post in a broadcast channel the bot administers: no ``from``, the channel signs."""
        chat = {"id": chat_id, "type": "channel", "title": title}
        message = self._message(chat, None, {}, sender_chat=chat, text=text)
        return {"update_id": self.next_update_id(), "channel_post": message}

    def service_update(
        self, chat_id: int, *, user_id: int | None = None, title: str = "Shop fans", **service: Any
    ) -> JSON:
        """A service message (``pinned_message=…``, ``new_chat_members=…``): Telegram telling
        about the chat. In a private chat when ``chat_id`` is positive, else in a group whose
        member ``user_id`` did it."""
        if chat_id > 0:
            user = self._user(chat_id, {})
            chat = self._private_chat(user)
        else:
            user = self._user(user_id or 5151, Sender(first_name="Grace"))
            chat = self._group(chat_id, title, supergroup=str(chat_id).startswith("-100"))
        message = self._message(chat, user, {}, **service)
        return {"update_id": self.next_update_id(), "message": message}

    def pinned_update(self, chat_id: int, message_id: int, text: str = "My order: 10398") -> JSON:
        """The shopper pinned one of their messages in the private chat with the bot."""
        user = self._user(chat_id, {})
        date = self.sent_dates.get((chat_id, message_id), int(self.clock()))
        pinned = {"message_id": message_id, "from": user, "chat": self._private_chat(user)}
        pinned |= {"date": date, "text": text}
        return self.service_update(chat_id, pinned_message=pinned)

    def migrate_update(self, group_id: int, supergroup_id: int, *, user_id: int = 5151) -> JSON:
        """A group became a supergroup: its last message in the old group says where to."""
        return self.service_update(group_id, user_id=user_id, migrate_to_chat_id=supergroup_id)

    def new_members_update(
        self, group_id: int, member_ids: tuple[int, ...], *, user_id: int = 5151
    ) -> JSON:
        """``user_id`` added people to a group (or they joined: then it is one of them)."""
        members = [self._user(m, Sender(first_name=f"Member {m}")) for m in member_ids]
        return self.service_update(group_id, user_id=user_id, new_chat_members=members)

    def edited_update(
        self, chat_id: int, original_id: int, text: str, **sender: Unpack[Sender]
    ) -> JSON:
        """The shopper edited their text message ``original_id``: the whole message again,
        with its original date and the time of the edit (``date`` in ``sender``)."""
        user = self._user(chat_id, sender)
        now = sender.get("date", int(self.clock()))
        sent = self.sent_dates.get((chat_id, original_id), now)
        message = {"message_id": original_id, "from": user, "chat": self._private_chat(user)}
        message |= {"date": sent, "edit_date": max(now, sent + 1), "text": text}
        return {"update_id": self.next_update_id(), "edited_message": message}

    def chat_member_update(
        self,
        chat_id: int,
        status: str,
        *,
        old_status: str | None = None,
        user_id: int = 5151,
        **sender: Unpack[Sender],
    ) -> JSON:
        """The bot's membership of a chat changed. In a private chat (``chat_id`` > 0) the
        shopper did it: ``"kicked"`` blocked the bot, ``"member"`` unblocked it. In a group,
        ``user_id`` added (``"member"``) or removed (``"left"``) the bot."""
        if chat_id > 0:
            user = self._user(chat_id, sender)
            chat = self._private_chat(user)
        else:
            user = self._user(user_id, sender)
            chat = self._group(chat_id, "Shop fans", supergroup=str(chat_id).startswith("-100"))
        old = old_status or ("member" if status == "kicked" else "kicked")
        if chat_id < 0 and old_status is None:
            old = "left" if status == "member" else "member"
        changed = {"chat": chat, "from": user, "date": sender.get("date", int(self.clock()))}
        changed |= {"old_chat_member": self._member(old), "new_chat_member": self._member(status)}
        return {"update_id": self.next_update_id(), "my_chat_member": changed}

    def _member(self, status: str) -> JSON:
        member: JSON = {"status": status, "user": self.bot_user()}
        return member | {"until_date": 0} if status == "kicked" else member

    def _group(self, chat_id: int, title: str, supergroup: bool) -> JSON:
        return {"id": chat_id, "type": "supergroup" if supergroup else "group", "title": title}
