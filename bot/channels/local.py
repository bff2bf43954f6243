"""In-process channel and workspace for ``borderdesk demo`` and ``borderdesk chat``.

They implement the same Protocols as Telegram and Slack, so the demo runs the real
pipeline (store, engine, handlers, outbox) with no accounts and no network. Every event
is handed to a ``listener`` (the transcript printer). ``LocalWhatsApp`` is the local
channel with WhatsApp's capabilities and its 24-hour rule, kept as the real channel keeps
it (``whatsapp_window``).
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import overload

from bot.channels.base import ActionHandler, CommandHandler, InboundHandler
from bot.channels.whatsapp_window import SERVICE_WINDOW, ServiceWindows, Template, one_line
from bot.errors import ChannelRejected
from bot.forms import AskQuestion, EditReply, Form, PickAnswer, Resolve
from bot.models import Card, CardRef, ChannelCapabilities, EscalationCard, StaffFile
from bot.notes import Note
from bot.reports import Report
from bot.staff_items import Confirmation, DepartmentItem, InboxItem, Redrawable, StaffItem

Listener = Callable[[str, dict[str, object]], None]
LOCAL_FILE_LIMIT = 20 * 1024 * 1024


def _ignore(_: str, __: dict[str, object]) -> None:
    return None


class LocalChannel:
    """A customer channel whose 'shoppers' are driven by a script or a terminal.

    It takes files only when asked to (``files=True``), so the demo can show both a file
    reaching the shopper and the note staff get where a channel cannot send files.
    """

    def __init__(
        self, name: str = "telegram", listener: Listener = _ignore, *, files: bool = False
    ) -> None:
        self.name = name
        self.listener = listener
        self.capabilities = ChannelCapabilities(
            max_text_length=4096, files=files, max_file_bytes=LOCAL_FILE_LIMIT if files else 0
        )
        self.sent: list[tuple[str, str]] = []
        self.files: list[tuple[str, str, int]] = []  # chat id, file name, size
        # message ids, unique per chat like the platforms' even when a later session on the
        # same database delivers what an earlier one left queued
        self._ids = itertools.count(1_000_000 + secrets.randbelow(10**9))
        self.on_message: InboundHandler | None = None

    async def start(self, on_message: InboundHandler) -> None:
        self.on_message = on_message

    async def stop(self) -> None:
        self.on_message = None

    async def send(self, chat_id: str, text: str) -> str:
        self.sent.append((chat_id, text))
        self.listener("delivered", {"chat_id": chat_id, "text": text, "channel": self.name})
        return str(next(self._ids))

    async def send_file(
        self, chat_id: str, name: str, data: bytes, mimetype: str, caption: str = ""
    ) -> str:
        if not self.capabilities.files:
            raise ChannelRejected(f"{self.name} (local) was started without files")
        self.files.append((chat_id, name, len(data)))
        self.listener("delivered_file", {"chat_id": chat_id, "name": name, "size": len(data)})
        return str(next(self._ids))


class LocalWhatsApp(LocalChannel):
    """WhatsApp without Meta: a user id is the shopper's verified number, and a reply after
    the 24-hour window goes as the store's approved update ``template`` carrying it, as
    ``WhatsAppChannel.send`` does. Tell it when a shopper writes (``windows.saw``): the real
    channel learns that from the webhook.

        whatsapp = LocalWhatsApp(transcript, clock, Template("request_update", "pt_BR"))
        whatsapp.windows.saw("5511987654321", message.received_at)
    """

    def __init__(
        self, listener: Listener, clock: Callable[[], datetime], template: Template
    ) -> None:
        super().__init__("whatsapp", listener)
        self.capabilities = replace(self.capabilities, phone_ids=True, reply_window=SERVICE_WINDOW)
        self.windows = ServiceWindows()
        self.clock = clock
        self.template = template

    async def send(self, chat_id: str, text: str) -> str:
        if self.windows.is_open(chat_id, self.clock()) is not False:
            return await super().send(chat_id, text)
        shown = f"(template {self.template.name}, {self.template.language}) {one_line(text)}"
        self.sent.append((chat_id, shown))
        self.listener("delivered", {"chat_id": chat_id, "text": shown, "channel": self.name})
        return str(next(self._ids))


@dataclass
class LocalCard:
    ref: CardRef
    card: Card


@dataclass(frozen=True)
class LocalConfirmation:
    """A held reply waiting for a choice: answer it with a ``CONFIRM_*`` action whose
    ``card`` is ``ref`` and ``extra["outbox"]`` is ``outbox_id``."""

    ref: CardRef
    outbox_id: int
    original: str
    translated: str | None  # None: the translator could not be reached


class LocalWorkspace:
    """A staff workspace kept in memory; dialogs are recorded for the script to answer."""

    def __init__(self, listener: Listener = _ignore, departments: Sequence[str] = ()) -> None:
        self.listener = listener
        self.departments = set(departments)
        self.cards: dict[str, LocalCard] = {}
        self.threads: dict[str, list[str]] = {}  # plain replies under any message, by its ts
        self.reports: list[tuple[str, str, str | None]] = []  # department, text, file name
        self.dialogs: list[tuple[str, int, object]] = []
        self.confirmations: list[LocalConfirmation] = []
        self.on_action: ActionHandler | None = None
        self.on_command: CommandHandler | None = None
        self.escalations: dict[str, EscalationCard] = {}
        self.files: dict[str, bytes] = {}  # what staff attached, by the url a reply names
        self.directs: list[tuple[str, str]] = []  # (staff id, text) written to one person
        # message ids unique across sessions on one database (``borderdesk chat`` keeps
        # its database: a second session restarting at the same id would clash, and two
        # sessions can start within the same second)
        self._seconds = 1_000_000_000 + secrets.randbelow(9_000_000_000)
        self._ts = itertools.count(1)

    def _ref(self) -> CardRef:
        return CardRef("CLOCALINBOX", f"{self._seconds}.{next(self._ts):06d}")

    async def start(
        self, on_action: ActionHandler, on_command: CommandHandler | None = None
    ) -> None:
        self.on_action = on_action
        self.on_command = on_command

    async def stop(self) -> None:
        self.on_action = None

    @overload
    async def post(self, item: InboxItem, *, thread: CardRef | None = None) -> CardRef: ...

    @overload
    async def post(self, item: DepartmentItem) -> CardRef | None: ...

    async def post(self, item: StaffItem, *, thread: CardRef | None = None) -> CardRef | None:
        """Kept in memory and handed to the listener; a note is its plain text here, its
        kind's sign in front (``⚠ Not sent…``), and a held reply's choices are kept in
        ``confirmations`` for the script or the terminal to answer."""
        posted = self._ref()
        match item:
            case Card():
                self.cards[posted.ts] = LocalCard(posted, item)
                self.listener("card", {"card": item, "ref": posted, "thread": thread})
            case Note():
                self.threads.setdefault(thread.ts if thread else "", []).append(item.text)
                self.listener("thread_note", {"ref": thread, "text": item.text})
            case Confirmation():
                self.dialogs.append(("confirm", item.outbox_id, item.translated))
                self.confirmations.append(
                    LocalConfirmation(posted, item.outbox_id, item.original, item.translated)
                )
                self.listener(
                    "confirm",
                    {
                        "ref": thread,
                        "outbox": item.outbox_id,
                        "original": item.original,
                        "translated": item.translated,
                    },
                )
            case Report():
                chart = item.chart_name if item.chart is not None else None
                # a report for one person (a work log) is shown as theirs: "@U0LENA0001"
                where = f"@{item.to_person}" if item.to_person else item.department
                self.reports.append((where, item.text, chart))
                self.listener("report", {"department": where, "text": item.text})
            case EscalationCard():
                self.escalations[posted.ts] = item
                self.listener("escalation", {"card": item, "ref": posted})
        return posted

    async def update(self, ref: CardRef, item: Redrawable) -> None:
        match item:
            case Card():
                self.cards[ref.ts].card = item
                self.listener("card_updated", {"card": item, "ref": ref})
            case EscalationCard():
                self.escalations[ref.ts] = item
                self.listener("escalation_updated", {"card": item, "ref": ref})
            case Note():
                self.listener("thread_note", {"ref": ref, "text": item.text})

    async def open_form(self, handle: str, form: Form) -> None:
        """Recorded in ``dialogs`` for the script or the terminal to fill in."""
        match form:
            case EditReply():
                self.dialogs.append(("editor", form.suggestion_id, form.draft))
            case PickAnswer():
                self.dialogs.append(("picker", form.suggestion_id, list(form.choices)))
            case AskQuestion():
                self.dialogs.append(("question", form.escalation_id, None))
            case Resolve():
                self.dialogs.append(("resolution", form.escalation_id, None))

    def link_to(self, ref: CardRef) -> str | None:
        return f"inbox card {ref.ts}"

    async def fetch_file(self, file: StaffFile) -> bytes:
        """A file the script attached (put in ``files`` under ``file.url`` first)."""
        if file.url not in self.files:
            raise ChannelRejected(f"no local file at {file.url!r}")
        return self.files[file.url]

    async def tell(self, user_id: str, ref: CardRef, text: str) -> None:
        self.listener("private_note", {"user": user_id, "ref": ref, "text": text})

    async def direct(self, user_id: str, text: str) -> bool:
        """A direct message to one person (``DirectMessages``): kept in ``directs``."""
        self.directs.append((user_id, text))
        self.listener("direct", {"user": user_id, "text": text})
        return True
