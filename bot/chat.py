"""``borderdesk chat``: play the shopper and the staff in one terminal.

Type as a shopper; each card is shown with its suggestion, then choose what staff do.
A reply written in English to a shopper of another language is held, as in Slack: the
prompt asks how it goes out (send the translation, untranslated, retry the translation
when the translator could not be reached, or cancel), and nothing is sent before.
Lines starting with ``:`` are commands (``:help`` lists them). Each session starts a new
shopper, so one session's history never carries into the next; ``:new`` starts another.

The prompt comes at once: the desk (language models, the answer library) loads in the
background while the first message is typed. Logs go to a file beside the database, not
between the lines of the conversation. Ctrl-C or Ctrl-D leave at any prompt.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.channels.local import LocalChannel, LocalWorkspace
from bot.chat_choices import STAFF_ID, STAFF_NAME, ask_held_choices
from bot.config import DEPARTMENTS, Config
from bot.logs import configure_logging
from bot.models import ActionKind, Card, InboundMessage, StaffAction
from bot.runtime import Runtime
from bot.storage.urls import beside_database, database_label
from bot.transcript import Transcript

HELP = """\
commands (as the shopper):
  :help          this list
  :new [NAME]    a new shopper, in a new chat (NAME: their name, else a made-up one),
                 with the same app language until :lang changes it
  :name NAME     the same as :new NAME: a card always shows the name the chat began with
  :lang CODE     the shopper's app language, as Telegram reports it (es, pt-BR, ja...)
  :quit          leave (Ctrl-C and Ctrl-D leave too)
at a card (as staff):
  s send  e edit  o other answer  x escalate (and answer the shopper)
  w escalate without replying  i ignore  r reply in the thread
  l later (the card stays open: nothing is sent)
a reply written in English to a shopper of another language waits for your choice:
  t send the translation  u send untranslated  r retry the translation  c cancel"""
MENU = (
    "staff> [s]end [e]dit [o]ther [x]escalate [w]escalate, no reply [i]gnore "
    "[r]eply in thread [l]ater: "
)
CHOICES = "seoxwirl"
NAMES = ("Sam Shopper", "Ana García", "Jonas Weber", "Yuki Tanaka", "Chloé Martin", "Li Wei")


class LineReader:
    """Reads lines from the terminal in a daemon thread.

    ``input()`` blocks its thread; run in asyncio's default executor, it made Ctrl-C wait
    for Enter (the executor is joined at exit). A daemon thread is simply left behind, so
    Ctrl-C leaves at once, and ``input()`` keeps the terminal's line editing.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._lock = threading.Lock()
        self._prompt: str | None = None
        self._wake = threading.Condition(self._lock)
        self._answer: asyncio.Future[str | None] | None = None
        threading.Thread(target=self._run, name="chat input", daemon=True).start()

    async def ask(self, prompt: str) -> str | None:
        """The next line typed after ``prompt``; None at end of input (Ctrl-D)."""
        answer: asyncio.Future[str | None] = self._loop.create_future()
        with self._wake:
            self._prompt, self._answer = prompt, answer
            self._wake.notify()
        return await answer

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._prompt is None:
                    self._wake.wait()
                prompt, answer = self._prompt, self._answer
                self._prompt = None
            try:
                line: str | None = input(prompt)
            except (EOFError, OSError):
                line = None
            if answer is not None:
                self._loop.call_soon_threadsafe(_settle, answer, line)
            if line is None:
                return


def _settle(future: asyncio.Future[str | None], value: str | None) -> None:
    if not future.done():
        future.set_result(value)


@dataclass
class Shopper:
    """Who is typing now: a chat of their own, so cards and names stay consistent."""

    name: str
    language: str
    chat_id: str


class _WallClock:
    """Real time, readable as ``.now`` for the transcript."""

    @property
    def now(self) -> datetime:
        return datetime.now(UTC)

    def __call__(self) -> datetime:
        return datetime.now(UTC)


async def run_chat(config: Config, out: Callable[[str], None] = print) -> int:
    log_file = _log_file(config.database_url)
    configure_logging("INFO", config.secrets(), path=log_file)
    clock = _WallClock()
    transcript = Transcript(out, clock)
    channel = LocalChannel("telegram", transcript)
    workspace = LocalWorkspace(transcript, DEPARTMENTS)
    # a chat of its own for every shopper, across sessions on one database too
    chats = itertools.count(1_000_000_000 + secrets.randbelow(8_000_000_000))
    message_ids = itertools.count(1)
    reader = LineReader(asyncio.get_running_loop())
    shopper = _new_shopper(chats, NAMES[0], "en", transcript)
    out(f"BorderDesk chat: you are {shopper.name}, writing to the store. :help lists commands.")
    out(f"(database {database_label(config.database_url)}; logs in {log_file})")
    async with contextlib.AsyncExitStack() as stack:
        runtime = Runtime(
            config, channels=[channel], workspace=workspace, clock=clock, background=False
        )
        starting = asyncio.create_task(stack.enter_async_context(runtime))
        while (line := await reader.ask("shopper> ")) is not None:
            line = line.strip()
            if not line:
                continue
            if line.startswith(":"):
                command, _, value = line[1:].partition(" ")
                if command == "quit":
                    break
                shopper = _command(command, value.strip(), shopper, chats, transcript, out)
                continue
            if not starting.done():
                out("(the desk is still starting: a moment...)")
            await starting
            await _shopper_turn(
                runtime, workspace, transcript, reader, shopper, line, next(message_ids)
            )
        if not starting.done():
            starting.cancel()
    out("bye")
    return 0


def _command(
    command: str,
    value: str,
    shopper: Shopper,
    chats: itertools.count[int],
    transcript: Transcript,
    out: Callable[[str], None],
) -> Shopper:
    if command == "help":
        out(HELP)
    elif command in ("new", "name"):
        if command == "name" and not value:
            out("give the name: :name Ana García")
            return shopper
        name = value or NAMES[next(chats) % len(NAMES)]
        shopper = _new_shopper(chats, name, shopper.language, transcript)
        out(f"(a new shopper: {shopper.name}, app language {shopper.language})")
    elif command == "lang" and value:
        shopper.language = value
        out(f"(app language {value})")
    else:
        out(f"unknown command :{command}; :help lists them")
    return shopper


def _new_shopper(
    chats: itertools.count[int], name: str, language: str, transcript: Transcript
) -> Shopper:
    shopper = Shopper(name, language, str(next(chats)))
    transcript.names[shopper.chat_id] = name.split()[0]
    return shopper


async def _shopper_turn(
    runtime: Runtime,
    workspace: LocalWorkspace,
    transcript: Transcript,
    reader: LineReader,
    shopper: Shopper,
    text: str,
    number: int,
) -> None:
    out = transcript.out
    transcript.last_card = None
    await runtime.on_message(
        InboundMessage(
            channel="telegram",
            chat_id=shopper.chat_id,
            platform_message_id=f"{shopper.chat_id}:{number}",
            user_id=shopper.chat_id,
            user_name=shopper.name,
            text=text,
            received_at=datetime.now(UTC),
            language_hint=shopper.language,
        )
    )
    await runtime.outbox.drain()
    card = transcript.last_card
    if card is None:
        if await runtime.ctx.store.unprocessed_inbound():
            out(
                "(stored, but handling it failed: it is retried at the next start; "
                "chat.log says why)"
            )
        return
    if card.decision:
        out("(decided without staff: nothing for you to choose; back to the shopper)")
        return
    await _staff_turn(runtime, workspace, reader, card, out)
    await runtime.outbox.drain()


async def _staff_turn(
    runtime: Runtime,
    workspace: LocalWorkspace,
    reader: LineReader,
    card: Card,
    out: Callable[[str], None],
) -> None:
    while True:
        answer = await reader.ask(MENU)
        choice = (answer or "l").strip().lower()[:1] or "l"
        if choice in CHOICES:
            break
        out(f"choose one of {', '.join(CHOICES)} (l: later)")
    now = datetime.now(UTC)
    seen = len(workspace.confirmations)

    def act(kind: ActionKind, **fields: Any) -> StaffAction:
        return StaffAction(
            kind=kind,
            user_id=STAFF_ID,
            user_name=STAFF_NAME,
            at=now,
            suggestion_id=card.suggestion_id,
            handle="terminal",
            **fields,
        )

    if choice == "s":
        await runtime.on_action(act(ActionKind.SEND))
    elif choice == "e":
        await runtime.on_action(act(ActionKind.EDIT))
        draft = str(workspace.dialogs[-1][2]) if workspace.dialogs else ""
        out(f"draft: {draft}")
        text = await reader.ask("your reply (empty keeps the draft)> ")
        await runtime.on_action(act(ActionKind.EDIT_SUBMIT, text=(text or "").strip() or draft))
    elif choice == "o":
        choices = runtime.ctx.engine.choices()
        for number, item in enumerate(choices, 1):
            out(f"  {number:2}. {item.title}")
        picked = (await reader.ask("answer number> ") or "").strip()
        if picked.isdigit() and 1 <= int(picked) <= len(choices):
            await runtime.on_action(
                act(ActionKind.OTHER_SUBMIT, intent=choices[int(picked) - 1].intent)
            )
        else:
            out(f"(no answer chosen: card #{card.suggestion_id} stays open, nothing sent)")
    elif choice == "x":
        await runtime.on_action(act(ActionKind.ESCALATE))
    elif choice == "w":
        await runtime.on_action(act(ActionKind.ESCALATE_QUIETLY))
    elif choice == "i":
        await runtime.on_action(act(ActionKind.IGNORE))
    elif choice == "r":
        await _thread_reply(runtime, reader, card, now, out)
    else:
        out(f"(later: card #{card.suggestion_id} stays open in the inbox, nothing sent)")
    await ask_held_choices(runtime, workspace, reader.ask, seen, out)


async def _thread_reply(
    runtime: Runtime, reader: LineReader, card: Card, now: datetime, out: Callable[[str], None]
) -> None:
    text = (await reader.ask("reply in thread> ") or "").strip()
    record = await runtime.ctx.store.suggestion(card.suggestion_id)
    conversation = (
        None if record is None else await runtime.ctx.store.conversation(record.conversation_id)
    )
    if not text or conversation is None or conversation.card is None:
        out(f"(nothing written: card #{card.suggestion_id} stays open, nothing sent)")
        return
    await runtime.on_action(
        StaffAction(
            kind=ActionKind.THREAD_REPLY,
            user_id=STAFF_ID,
            user_name=STAFF_NAME,
            at=now,
            text=text,
            card=conversation.card,
            extra={"ts": now.isoformat()},
        )
    )


def _log_file(database_url: str) -> Path:
    """Logs of a chat session: beside its database."""
    return beside_database(database_url, "chat.log")
