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
from typing import Protocol, overload, runtime_checkable

from bot.forms import Form
from bot.models import (
    CardRef,
    ChannelCapabilities,
    DeliveryReport,
    InboundMessage,
    Notice,
    StaffAction,
    StaffFile,
)
from bot.notes import Note
from bot.staff_items import DepartmentItem, InboxItem, Redrawable, StaffItem

InboundHandler = Callable[[InboundMessage], Awaitable[None]]
# a platform's whole batch (Telegram's getUpdates), stored in one go; see BatchReceiving
InboundBatchHandler = Callable[[Sequence[InboundMessage]], Awaitable[None]]
# what a platform reported about sent messages, recorded before the platform is answered
DeliveryHandler = Callable[[Sequence[DeliveryReport]], Awaitable[None]]
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


@runtime_checkable
class DeliveryReporting(Protocol):
    """A customer channel whose platform says what became of each message it sent (sent,
    delivered, read, failed: WhatsApp's status webhooks) may implement this too.

    The runtime gives it, before ``start``, a handler that records the reports against
    the outbox rows (a failure parks the reply as a dead letter and tells staff; the card
    shows delivered and read); the channel acknowledges them to its platform only once
    the handler has returned, so a report the desk could not record comes again.

    Example::

        class WebhookChannel:
            def report_deliveries(self, on_reports: DeliveryHandler) -> None:
                self._on_reports = on_reports

            async def _status_webhook(self, body: dict) -> None:
                await self._on_reports([DeliveryReport(self.name, body["id"], body["status"],
                                                       at=None)])
    """

    def report_deliveries(self, on_reports: DeliveryHandler) -> None:
        """From now on, hand what the platform reports about sent messages to
        ``on_reports``."""


@runtime_checkable
class NoticeSending(Protocol):
    """A customer channel that sometimes takes only messages its platform approved in
    advance (WhatsApp: a template, once the shopper's 24-hour window has closed) may
    implement this too, so a proactive notice goes as the store's template for its kind.

    The outbox hands such a channel each notice (a shipped notice, a payment reminder...)
    with its ``Notice``: the kind and the values its text was rendered from. The channel
    sends the text while it may, and otherwise fills the template it was given for the
    kind from the values; other channels are only ever handed the text (``send``).

    Example::

        class TemplateChannel:
            async def send_notice(self, chat_id: str, text: str, notice: Notice) -> str:
                if self._may_send_text(chat_id):
                    return await self.send(chat_id, text)
                return await self._send_template(chat_id, notice.kind, notice.values)
    """

    async def send_notice(self, chat_id: str, text: str, notice: Notice) -> str:
        """Deliver the notice ``text`` (or its template, filled from ``notice``); return
        the platform's message id. Raises ``ChannelError``."""
        ...


@runtime_checkable
class DirectMessages(Protocol):
    """A staff workspace that can write to one person privately (Slack: a direct message
    from the app) may implement this too; a target reminder goes to a card's owner this
    way first, and to the inbox when the workspace cannot or the message does not go.

    Example::

        class PrintWorkspace:
            async def direct(self, user_id: str, text: str) -> bool:
                print(f"to {user_id}: {text}")
                return True
    """

    async def direct(self, user_id: str, text: str) -> bool:
        """Write ``text`` to ``user_id`` alone; False when it could not be delivered
        (never raises: the caller falls back to the inbox)."""
        ...


class StaffWorkspace(Protocol):
    """Where staff decide: the desk's own cards, notes, reports and forms, drawn the
    platform's way (Slack: Block Kit and modals), and what staff do handed back as
    ``StaffAction``. Who is staff is not the workspace's business: the wiring hands it a
    ``StaffPolicy`` (``bot/staff.py``).

    Example::

        ref = await workspace.post(card)
        await workspace.post(Note("Ana wrote again: ..."), thread=ref)
        await workspace.post(Note("Order #B77 is late", NoteKind.LATE), thread=ref)
        await workspace.update(ref, replace(card, decision="Sent by Lee at 10:02"))
        await workspace.open_form(action.handle, PickAnswer(card.suggestion_id, choices))
    """

    async def start(
        self, on_action: ActionHandler, on_command: CommandHandler | None = None
    ) -> None:
        """Begin receiving staff actions (handed to ``on_action``) and commands."""

    async def stop(self) -> None:
        """Stop receiving and release connections."""

    @overload
    async def post(self, item: InboxItem, *, thread: CardRef | None = None) -> CardRef: ...

    @overload
    async def post(self, item: DepartmentItem) -> CardRef | None: ...

    async def post(self, item: StaffItem, *, thread: CardRef | None = None) -> CardRef | None:
        """Show staff something new; return where it lives.

        In the inbox: a ``Card`` (a shopper's message and the suggested reply, with
        Send / Edit / Other answer / Escalate / Ignore), a ``Note`` (plain words, its kind
        shown the platform's way: Slack puts an emoji code in front) or a ``Confirmation``
        (a held reply's Send / Send untranslated / Cancel); under the message ``thread``
        names when given (later messages of a conversation, notes, confirmations).

        In a department's channel: a ``Report`` (a digest or an alert, its chart attached
        when it has one) or an ``EscalationCard`` (Acknowledge / Need information /
        Resolve); None when the department has no channel."""
        ...

    async def update(self, ref: CardRef, item: Redrawable) -> None:
        """Redraw what staff see at ``ref``: a card after a decision (its buttons give way
        to who did what and when), an escalation card as it moves on, or a message that
        becomes a note (a confirmation once answered: "Sent by Lee at 10:02")."""

    async def open_form(self, handle: str, form: Form) -> None:
        """Open a form for the person whose click gave ``handle`` (Slack: a modal opened
        with the click's trigger_id): edit a reply, pick another answer, ask the inbox a
        question, resolve an escalation. What they submit comes back as an action."""

    async def tell(self, user_id: str, ref: CardRef, text: str) -> None:
        """A note only ``user_id`` sees, beside ``ref`` (Slack: an ephemeral message), such
        as why their click was refused. Never raises: the note is a courtesy."""

    async def fetch_file(self, file: StaffFile) -> bytes:
        """The bytes of a file staff attached to a reply. Raises ``ChannelError``."""
        ...

    def link_to(self, ref: CardRef) -> str | None:
        """A link to a card for people in other channels, when the workspace has links."""
        ...


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
