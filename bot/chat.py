"""``borderdesk chat``: play the shopper and the staff in one terminal.

Type as a shopper; each card is shown with its suggestion, then choose what staff do.
Lines starting with ``:`` are commands (``:lang xx`` sets the shopper's app language,
``:name NAME`` their name, ``:quit`` leaves).
"""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime
from typing import Any

from bot.channels.local import LocalChannel, LocalWorkspace
from bot.config import DEPARTMENTS, Config
from bot.demo import SimClock, Transcript
from bot.models import ActionKind, Card, InboundMessage, StaffAction
from bot.runtime import Runtime

MENU = "staff> [s]end  [e]dit  [o]ther answer  [x] escalate  [i]gnore  [r]eply in thread  [l]ater: "


async def _ask(prompt: str) -> str | None:
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


class _Clock(SimClock):
    def __call__(self) -> datetime:
        self.now = datetime.now(UTC)
        return self.now


async def run_chat(config: Config) -> int:
    clock = _Clock()
    transcript = Transcript(print, clock)
    channel = LocalChannel("telegram", transcript)
    workspace = LocalWorkspace(transcript, DEPARTMENTS)
    name, language, chat_id = "Sam Shopper", "en", "9001"
    transcript.names[chat_id] = name.split()[0]
    ids = itertools.count(int(datetime.now(UTC).timestamp()))
    print("You are a shopper writing to the store. Commands: :lang xx, :name NAME, :quit")
    async with Runtime(
        config, channels=[channel], workspace=workspace, clock=clock, background=False
    ) as runtime:
        while (line := await _ask("shopper> ")) is not None:
            line = line.strip()
            if not line:
                continue
            if line.startswith(":"):
                command, _, value = line[1:].partition(" ")
                if command == "quit":
                    break
                if command == "lang" and value:
                    language = value.strip()
                elif command == "name" and value:
                    name = value.strip()
                    transcript.names[chat_id] = name.split()[0]
                continue
            transcript.last_card = None
            await runtime.on_message(
                InboundMessage(
                    channel="telegram",
                    chat_id=chat_id,
                    platform_message_id=f"{chat_id}:{next(ids)}",
                    user_id=chat_id,
                    user_name=name,
                    text=line,
                    received_at=clock(),
                    language_hint=language,
                )
            )
            await runtime.outbox.drain()
            card = transcript.last_card
            if card is not None and not card.decision:
                await _staff_turn(runtime, workspace, card)
            await runtime.outbox.drain()
    return 0


async def _staff_turn(runtime: Runtime, workspace: LocalWorkspace, card: Card) -> None:
    choice = ((await _ask(MENU)) or "l").strip().lower()[:1]
    now = datetime.now(UTC)

    def act(kind: ActionKind, **fields: Any) -> StaffAction:
        return StaffAction(
            kind=kind,
            user_id="UTERMINAL1",
            user_name="you",
            at=now,
            suggestion_id=card.suggestion_id,
            handle="terminal",
            **fields,
        )  # type: ignore[arg-type]

    if choice == "s":
        await runtime.on_action(act(ActionKind.SEND))
    elif choice == "e":
        await runtime.on_action(act(ActionKind.EDIT))
        draft = str(workspace.dialogs[-1][2]) if workspace.dialogs else ""
        print(f"draft: {draft}")
        text = await _ask("your reply (empty keeps the draft)> ")
        await runtime.on_action(act(ActionKind.EDIT_SUBMIT, text=(text or "").strip() or draft))
    elif choice == "o":
        choices = runtime.ctx.engine.choices()
        for number, item in enumerate(choices, 1):
            print(f"  {number:2}. {item.title}")
        picked = await _ask("answer number> ")
        if picked and picked.strip().isdigit() and 1 <= int(picked) <= len(choices):
            await runtime.on_action(
                act(ActionKind.OTHER_SUBMIT, intent=choices[int(picked) - 1].intent)
            )
    elif choice == "x":
        await runtime.on_action(act(ActionKind.ESCALATE))
    elif choice == "i":
        await runtime.on_action(act(ActionKind.IGNORE))
    elif choice == "r":
        text = await _ask("reply in thread> ")
        record = await runtime.ctx.store.suggestion(card.suggestion_id)
        conversation = await runtime.ctx.store.conversation(record.conversation_id)  # type: ignore[union-attr]
        if text and conversation.card is not None:
            await runtime.on_action(
                StaffAction(
                    kind=ActionKind.THREAD_REPLY,
                    user_id="UTERMINAL1",
                    user_name="you",
                    at=now,
                    text=text,
                    card=conversation.card,
                    extra={"ts": now.isoformat()},
                )
            )
