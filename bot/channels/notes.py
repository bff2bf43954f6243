"""Notes for staff, delivered by the outbox like replies to shoppers.

A note (a reminder, "this reply could not be delivered", held flood messages…) is queued
in the outbox table first, so a Slack outage or a restart delays it and never loses it.
To the outbox worker this is one more channel, whose "chats" are Slack threads.

    worker = OutboxWorker(store, {"telegram": telegram, STAFF_NOTES: StaffNotes(slack)}, ...)
"""

from __future__ import annotations

from bot.channels.base import InboundHandler, StaffWorkspace
from bot.errors import ChannelRejected
from bot.models import ChannelCapabilities
from bot.notes import Note
from bot.storage.outbox import STAFF_NOTES, note_ref


class StaffNotes:
    """Posts queued notes under their Slack message; the workspace paces and retries."""

    name = STAFF_NOTES
    capabilities = ChannelCapabilities(max_text_length=3000)

    def __init__(self, workspace: StaffWorkspace) -> None:
        self.workspace = workspace

    async def start(self, on_message: InboundHandler) -> None:
        """Nothing to receive: notes only go out."""

    async def stop(self) -> None:
        """Nothing to release."""

    async def send(self, chat_id: str, text: str) -> str:
        # queued as its plain text (``Note.text``): read its kind back from the sign
        ref = await self.workspace.post_note(note_ref(chat_id), Note.parse(text))
        return ref.ts

    async def send_file(
        self, chat_id: str, name: str, data: bytes, mimetype: str, caption: str = ""
    ) -> str:
        """Notes are text (``capabilities.files`` is False): the outbox never calls this."""
        raise ChannelRejected("notes for staff carry no files")
