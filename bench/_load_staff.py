"""Staff for ``bench/load.py``: approve every card in the fake Slack inbox once.

A card is noticed when the desk has recorded where it posted it (``suggestions.card_ts``,
read from the desk's database, so the bench never copies the whole inbox to look for new
ones); the message is then read back from the fake Slack and approved through signed
requests to the desk, as a person would: Send when it has a Send button, otherwise Edit,
wait for the dialog, and submit a short reply. Several approvals run at once.

    staff = Staff(desk, rows, platform_now)
    task = asyncio.create_task(staff.run())
    ...
    staff.stop(); await task
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from typing import Any, Protocol

from _load_db import Rows

from bot.channels.slack_blocks import EDIT_CALLBACK
from tests.e2e.harness import INBOX
from tests.fakes.slack_api import FakeSlackAPI

DIALOG_TIMEOUT = 30.0  # wall seconds to wait for the Edit dialog to open


class StaffDesk(Protocol):
    """Where staff click: one desk (``tests.e2e.harness.Desk``) or several worker
    processes taking turns (``_load_workers.Workers``)."""

    slack: FakeSlackAPI

    async def click(self, card: dict[str, Any], action_id: str) -> int: ...

    async def submit(
        self, callback_id: str, values: dict[str, dict[str, Any]], private_metadata: str
    ) -> int: ...


def buttons(message: dict[str, Any]) -> set[str]:
    return {
        element.get("action_id", "")
        for block in message.get("blocks", [])
        if block.get("type") == "actions"
        for element in block.get("elements", [])
    }


class Staff:
    """Approves cards as they appear; remembers when (platform time) and how."""

    def __init__(
        self,
        desk: StaffDesk,
        rows: Rows,
        platform_now: Callable[[], float],
        *,
        in_flight: int = 8,
    ) -> None:
        self.desk = desk
        self.rows = rows
        self.platform_now = platform_now
        self.approved_at: dict[int, float] = {}  # suggestion id -> when the decision was sent
        self.card_ts: dict[int, str] = {}
        self.actions: Counter[str] = Counter()
        self.problems: list[str] = []
        self._slots = asyncio.Semaphore(in_flight)
        self._seen: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._views_read = 0
        # opened Edit dialogs: the id they act on -> their whole private_metadata (the id and
        # the card it was opened from, bot.channels.slack_blocks.dialog_metadata)
        self._dialogs: dict[str, str] = {}
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        while not self._stopping.is_set():
            waiting = await self.rows(
                "SELECT id, card_ts FROM suggestions"
                " WHERE status = 'pending' AND card_ts IS NOT NULL",
            )
            for suggestion_id, ts in waiting:
                if suggestion_id in self._seen:
                    continue
                self._seen.add(suggestion_id)
                await self._slots.acquire()
                task = asyncio.create_task(self._approve(suggestion_id, ts))
                self._tasks.add(task)
                task.add_done_callback(self._done)
            try:
                await asyncio.wait_for(self._stopping.wait(), 0.05)
            except TimeoutError:
                pass
        if self._tasks:
            await asyncio.wait(list(self._tasks))

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._slots.release()
        if not task.cancelled() and (error := task.exception()) is not None:
            self.problems.append(f"approving a card failed: {error!r}")

    async def _approve(self, suggestion_id: int, ts: str) -> None:
        found = [m for m in self.desk.slack.messages(INBOX, thread_ts=ts) if m["ts"] == ts]
        if not found:
            self.problems.append(f"card of suggestion {suggestion_id} (ts {ts}) is not in Slack")
            return
        card = found[0]
        self.card_ts[suggestion_id] = ts
        offered = buttons(card)
        if "bd_send" in offered:
            self.approved_at[suggestion_id] = self.platform_now()
            status = await self.desk.click(card, "bd_send")
            self.actions["send"] += 1
        elif "bd_edit" in offered:
            if (status := await self.desk.click(card, "bd_edit")) == 200:
                metadata = await self._dialog_opened(str(suggestion_id))
                reply = f"Thank you for writing, we are on it (ref {suggestion_id})."
                self.approved_at[suggestion_id] = self.platform_now()
                status = await self.desk.submit(EDIT_CALLBACK, {"reply": {"text": reply}}, metadata)
            self.actions["edit"] += 1
        else:
            self.problems.append(f"card of suggestion {suggestion_id} has no Send or Edit button")
            return
        if status != 200:
            self.problems.append(f"click on the card of suggestion {suggestion_id}: HTTP {status}")

    async def _dialog_opened(self, suggestion_id: str) -> str:
        """Wait until the desk has opened the Edit dialog for this suggestion (views.open);
        return the dialog's private_metadata, which its submission carries back as Slack's
        does."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + DIALOG_TIMEOUT
        while suggestion_id not in self._dialogs:
            calls = self.desk.slack.calls
            for method, params in calls[self._views_read :]:
                if method == "views.open":
                    view = params.get("view")
                    if isinstance(view, dict):
                        metadata = str(view.get("private_metadata"))
                        self._dialogs[metadata.split(" ", 1)[0]] = metadata
            self._views_read = len(calls)
            if loop.time() > deadline and suggestion_id not in self._dialogs:
                raise TimeoutError(f"no Edit dialog for suggestion {suggestion_id}")
            if suggestion_id not in self._dialogs:
                await asyncio.sleep(0.02)
        return self._dialogs[suggestion_id]
