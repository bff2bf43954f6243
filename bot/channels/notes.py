"""Notes for staff, delivered by the outbox like replies to shoppers.

A note (a reminder, "this reply could not be delivered", held flood messages…) is queued
in the outbox table first, so a Slack outage or a restart delays it and never loses it.
When it is due, the outbox worker hands it here as our own ``Note`` and the message it
goes under (the ``NoteSink`` seam); how it waited in the outbox is storage's business.

    worker = OutboxWorker(store, {"telegram": telegram}, notes=StaffNotes(slack), ...)
"""

from __future__ import annotations

from bot.channels.base import StaffWorkspace
from bot.models import CardRef, ChannelCapabilities
from bot.notes import Note


class StaffNotes:
    """Posts due notes under their Slack message (a ``NoteSink``); the workspace paces
    and retries."""

    capabilities = ChannelCapabilities(max_text_length=3000)

    def __init__(self, workspace: StaffWorkspace) -> None:
        self.workspace = workspace

    async def post_note(self, ref: CardRef, note: Note) -> CardRef:
        return await self.workspace.post(note, thread=ref)
