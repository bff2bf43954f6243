"""The two seams: customer channels (shoppers) and the staff workspace (staff).

Adapters translate between a platform and our models; they never decide. A new chat app
is a new ``CustomerChannel``; a new staff tool is a new ``StaffWorkspace``.

Example, a channel that prints::

    class PrintChannel:
        name = "print"
        capabilities = ChannelCapabilities(buttons=False)

        async def start(self, on_message: InboundHandler) -> None: ...
        async def stop(self) -> None: ...
        async def send(self, chat_id: str, text: str) -> str:
            print(chat_id, text)
            return "1"
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol, runtime_checkable

from bot.models import (
    Card,
    CardRef,
    ChannelCapabilities,
    EscalationCard,
    InboundMessage,
    IntentChoice,
    StaffAction,
    StaffFile,
)
from bot.notes import Note
from bot.reports import Report

InboundHandler = Callable[[InboundMessage], Awaitable[None]]
# a platform's whole batch (Telegram's getUpdates), stored in one go; see BatchReceiving
InboundBatchHandler = Callable[[Sequence[InboundMessage]], Awaitable[None]]
ActionHandler = Callable[[StaffAction], Awaitable[None]]
# "/borderdesk <text>" typed by <who> -> the answer
CommandHandler = Callable[[str, str], Awaitable[str]]


class CustomerChannel(Protocol):
    """Where shoppers write: receives their messages, delivers our replies."""

    name: str
    capabilities: ChannelCapabilities

    async def start(self, on_message: InboundHandler) -> None:
        """Begin receiving; every message is handed to ``on_message`` (which stores it first)."""

    async def stop(self) -> None:
        """Stop receiving and release connections."""

    async def send(self, chat_id: str, text: str) -> str:
        """Deliver ``text``; return the platform's message id. Raises ``ChannelError``."""
        ...

    async def send_file(
        self, chat_id: str, name: str, data: bytes, mimetype: str, caption: str = ""
    ) -> str:
        """Deliver a file (only called when ``capabilities.files``); return the platform's
        message id. Raises ``ChannelError``."""
        ...


@runtime_checkable
class BatchReceiving(Protocol):
    """A customer channel whose platform hands messages over in batches may implement this
    too; channels that receive one message at a time (a webhook, the local chat) need not.

    The runtime gives it, before ``start``, a handler that stores a whole batch in one
    transaction (or raises, having stored none of it); the channel acknowledges the batch
    to its platform only once the handler has returned. Storing message by message, a
    shopper's flood of thousands would hold up everyone queued behind it.

    Example::

        class PollingChannel:
            def receive_batches(self, on_batch: InboundBatchHandler) -> None:
                self._on_batch = on_batch

            async def _poll(self) -> None:
                batch = await self._fetch()
                await self._on_batch([self._translate(item) for item in batch])
                await self._confirm(batch)  # only now may the platform forget them
    """

    def receive_batches(self, on_batch: InboundBatchHandler) -> None:
        """From now on, hand whole batches to ``on_batch`` rather than each message to the
        ``on_message`` given to ``start`` (which still takes what comes one at a time)."""


class StaffWorkspace(Protocol):
    """Where staff decide: cards with buttons, threads, dialogs.

    Example::

        ref = await workspace.post_card(card)
        await workspace.post_in_thread(ref, "Ana wrote again: ...")
        await workspace.post_note(ref, Note("Order #B77 is late", NoteKind.LATE))
        await workspace.update_card(ref, replace(card, decision="Sent by Lee at 10:02"))
    """

    async def start(
        self, on_action: ActionHandler, on_command: CommandHandler | None = None
    ) -> None:
        """Begin receiving staff actions (handed to ``on_action``) and commands."""

    async def stop(self) -> None:
        """Stop receiving and release connections."""

    async def post_card(self, card: Card) -> CardRef:
        """Post a new card in the inbox; return where it lives."""
        ...

    async def update_card(self, ref: CardRef, card: Card) -> None:
        """Redraw a card (after a decision, its buttons give way to who did what and when)."""

    async def post_in_thread(self, ref: CardRef, text: str) -> CardRef:
        """Post plain text under a card (later messages, notes); return the reply's ref."""
        ...

    async def post_note(self, ref: CardRef, note: Note) -> CardRef:
        """Post a note for staff under a card, its kind shown the platform's way (Slack:
        an emoji code in front); return the note's ref."""
        ...

    async def post_card_in_thread(self, ref: CardRef, card: Card) -> CardRef:
        """Post a follow-up card (a later message needing an answer) in a card's thread."""
        ...

    async def post_report(self, report: Report) -> CardRef | None:
        """Post a digest or an alert to its department's channel, with its chart attached
        when it has one; None when the department has no channel. The report is our own
        object: the workspace decides how it looks (Slack: Block Kit, mrkdwn, emoji)."""
        ...

    async def post_confirmation(
        self, ref: CardRef, outbox_id: int, original: str, translated: str | None
    ) -> CardRef:
        """Ask staff to confirm a translation of what they wrote (Send / Send untranslated /
        Cancel); ``translated`` is None when translation failed."""
        ...

    async def update_notice(self, ref: CardRef, text: str) -> None:
        """Replace a plain message (a confirmation once answered) with ``text``."""

    async def post_escalation(self, card: EscalationCard) -> CardRef | None:
        """Post an escalation card in its department's channel; None without a channel."""
        ...

    async def update_escalation(self, ref: CardRef, card: EscalationCard) -> None:
        """Redraw an escalation card (acknowledged, waiting for information, resolved)."""

    async def open_question(self, handle: str, escalation_id: int) -> None:
        """Let a department ask the inbox for information."""

    async def open_resolution(self, handle: str, escalation_id: int) -> None:
        """Let a department resolve with a root cause and a note."""

    def link_to(self, ref: CardRef) -> str | None:
        """A link to a card for people in other channels, when the workspace has links."""
        ...

    async def fetch_file(self, file: StaffFile) -> bytes:
        """The bytes of a file staff attached to a reply. Raises ``ChannelError``."""
        ...

    async def open_editor(self, handle: str, suggestion_id: int, draft: str) -> None:
        """Let staff edit a reply before it is sent (Slack: a modal prefilled with ``draft``)."""

    async def open_picker(
        self, handle: str, suggestion_id: int, choices: Sequence[IntentChoice]
    ) -> None:
        """Let staff choose another answer from the library."""

    async def tell(self, user_id: str, ref: CardRef, text: str) -> None:
        """A note only ``user_id`` sees, beside ``ref`` (Slack: an ephemeral message), such
        as why their click was refused. Never raises: the note is a courtesy."""


class NoteSink(Protocol):
    """Where the outbox posts a note for staff once it is due, under the message it was
    queued for: the notes' own seam, so the adapter that posts them (``StaffNotes`` in
    bot/channels/notes.py, over the staff workspace) is handed each note and where it goes,
    and knows nothing of how notes wait in the outbox (bot/outbox.py hands them over).

    Example::

        class PrintNotes:
            capabilities = ChannelCapabilities(max_text_length=3000)

            async def post_note(self, ref: CardRef, note: Note) -> CardRef:
                print(ref.ts, note.text)
                return CardRef(ref.channel, "1700000000.000002")
    """

    # how long a note may be in one post (a longer one is cut, its kind on the first
    # piece) and how fast notes may go
    capabilities: ChannelCapabilities

    async def post_note(self, ref: CardRef, note: Note) -> CardRef:
        """Post ``note`` under the message ``ref``; return where it lives. Raises
        ``ChannelError`` (the outbox retries, or parks the note)."""
        ...
