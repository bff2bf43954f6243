"""``borderdesk chat``: a held reply asks the staff how it goes out, as Slack's
confirmation does (issue 13: chat showed "awaiting a click" with nothing to click).

A reply written in English to a shopper of another language waits: the prompt offers
Send translation / Send untranslated / Cancel, or — when the translator could not be
reached — Send untranslated / Retry translation / Cancel. Nothing is sent before a choice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from bot.channels.local import LocalWorkspace
from bot.models import ActionKind, StaffAction
from bot.runtime import Runtime

STAFF_ID, STAFF_NAME = "UTERMINAL1", "you"
HELD_CHOICES = {  # a held reply: translated, or the translator could not be reached
    True: (
        "choice> [t]ranslation [u]ntranslated [c]ancel: ",
        {
            "t": ActionKind.CONFIRM_TRANSLATED,
            "u": ActionKind.CONFIRM_ORIGINAL,
            "c": ActionKind.CONFIRM_CANCEL,
        },
    ),
    False: (
        "choice> [u]ntranslated [r]etry translation [c]ancel: ",
        {
            "u": ActionKind.CONFIRM_ORIGINAL,
            "r": ActionKind.CONFIRM_RETRY,
            "c": ActionKind.CONFIRM_CANCEL,
        },
    ),
}


async def ask_held_choices(
    runtime: Runtime,
    workspace: LocalWorkspace,
    ask: Callable[[str], Awaitable[str | None]],
    seen: int,
    out: Callable[[str], None],
) -> None:
    """A reply the staff turn left held (written in English to a shopper of another
    language): ask how it goes out, as the confirmation in Slack would, until it is sent
    or cancelled. A retry posts a new confirmation, which is asked in turn."""
    while len(workspace.confirmations) > seen:
        seen = len(workspace.confirmations)
        held = workspace.confirmations[-1]
        if await runtime.ctx.store.held(held.outbox_id) is None:
            return
        prompt, keys = HELD_CHOICES[held.translated is not None]
        while (answer := await ask(prompt)) is not None:
            choice = answer.strip().lower()[:1]
            if choice in keys:
                break
            out(f"choose one of {', '.join(keys)}: the reply waits, nothing is sent yet")
        else:
            out("(the reply stays held, nothing sent: the card waits for a translation choice)")
            return
        await runtime.on_action(
            StaffAction(
                kind=keys[choice],
                user_id=STAFF_ID,
                user_name=STAFF_NAME,
                at=datetime.now(UTC),
                card=held.ref,
                extra={"outbox": str(held.outbox_id)},
            )
        )
