"""In-process channel and workspace for ``borderdesk demo`` and ``borderdesk chat``.

They implement the same Protocols as Telegram and Slack, so the demo runs the real
pipeline (store, engine, handlers, outbox) with no accounts and no network. Every event
is handed to a ``listener`` (the transcript printer).
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.channels.base import ActionHandler, CommandHandler, InboundHandler
from bot.errors import ChannelRejected
from bot.models import (
    Card,
    CardRef,
    ChannelCapabilities,
    EscalationCard,
    IntentChoice,
    StaffFile,
)
from bot.notes import Note
from bot.reports import Report

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
        self.listener("delivered", {"chat_id": chat_id, "text": text})
        return str(next(self._ids))

    async def send_file(
        self, chat_id: str, name: str, data: bytes, mimetype: str, caption: str = ""
    ) -> str:
        if not self.capabilities.files:
            raise ChannelRejected(f"{self.name} (local) was started without files")
        self.files.append((chat_id, name, len(data)))
        self.listener("delivered_file", {"chat_id": chat_id, "name": name, "size": len(data)})
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

    async def post_card(self, card: Card) -> CardRef:
        ref = self._ref()
        self.cards[ref.ts] = LocalCard(ref, card)
        self.listener("card", {"card": card, "ref": ref, "thread": None})
        return ref

    async def post_card_in_thread(self, ref: CardRef, card: Card) -> CardRef:
        child = self._ref()
        self.cards[child.ts] = LocalCard(child, card)
        self.listener("card", {"card": card, "ref": child, "thread": ref})
        return child

    async def update_card(self, ref: CardRef, card: Card) -> None:
        self.cards[ref.ts].card = card
        self.listener("card_updated", {"card": card, "ref": ref})

    async def post_in_thread(self, ref: CardRef, text: str) -> CardRef:
        self.threads.setdefault(ref.ts, []).append(text)
        self.listener("thread_note", {"ref": ref, "text": text})
        return self._ref()

    async def post_note(self, ref: CardRef, note: Note) -> CardRef:
        """A note is its plain text here, its kind's sign in front (``⚠ Not sent…``)."""
        return await self.post_in_thread(ref, note.text)

    async def post_report(self, report: Report) -> CardRef | None:
        chart = report.chart_name if report.chart is not None else None
        self.reports.append((report.department, report.text, chart))
        self.listener("report", {"department": report.department, "text": report.text})
        return self._ref()

    async def post_confirmation(
        self, ref: CardRef, outbox_id: int, original: str, translated: str | None
    ) -> CardRef:
        """A held reply's choices, kept for the script or the terminal to answer."""
        self.dialogs.append(("confirm", outbox_id, translated))
        posted = self._ref()
        self.confirmations.append(LocalConfirmation(posted, outbox_id, original, translated))
        self.listener(
            "confirm",
            {"ref": ref, "outbox": outbox_id, "original": original, "translated": translated},
        )
        return posted

    async def update_notice(self, ref: CardRef, text: str) -> None:
        self.listener("thread_note", {"ref": ref, "text": text})

    async def post_escalation(self, card: EscalationCard) -> CardRef | None:
        ref = self._ref()
        self.escalations[ref.ts] = card
        self.listener("escalation", {"card": card, "ref": ref})
        return ref

    async def update_escalation(self, ref: CardRef, card: EscalationCard) -> None:
        self.escalations[ref.ts] = card
        self.listener("escalation_updated", {"card": card, "ref": ref})

    async def open_question(self, handle: str, escalation_id: int) -> None:
        self.dialogs.append(("question", escalation_id, None))

    async def open_resolution(self, handle: str, escalation_id: int) -> None:
        self.dialogs.append(("resolution", escalation_id, None))

    def link_to(self, ref: CardRef) -> str | None:
        return f"inbox card {ref.ts}"

    async def fetch_file(self, file: StaffFile) -> bytes:
        """A file the script attached (put in ``files`` under ``file.url`` first)."""
        if file.url not in self.files:
            raise ChannelRejected(f"no local file at {file.url!r}")
        return self.files[file.url]

    async def open_editor(self, handle: str, suggestion_id: int, draft: str) -> None:
        self.dialogs.append(("editor", suggestion_id, draft))

    async def open_picker(
        self, handle: str, suggestion_id: int, choices: Sequence[IntentChoice]
    ) -> None:
        self.dialogs.append(("picker", suggestion_id, list(choices)))

    async def tell(self, user_id: str, ref: CardRef, text: str) -> None:
        self.listener("private_note", {"user": user_id, "ref": ref, "text": text})
