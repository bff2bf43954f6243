"""A buyer staff flagged as abusive: a warning on their cards, nothing sent automatically,
and replies to their refund or return requests only from a manager — all audited."""

from __future__ import annotations

from pathlib import Path

from bot.models import ActionKind
from tests.handlers.desk import (
    AGENT,
    AGENT_NAME,
    MANAGER,
    MANAGER_NAME,
    add_order,
    local_desk,
)

AGENT_USER, MANAGER_USER = (AGENT, AGENT_NAME), (MANAGER, MANAGER_NAME)


async def test_flagged_buyer_needs_a_manager_for_refunds_and_gets_nothing_automatically(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path, managers=frozenset({MANAGER})) as desk:
        await desk.say("Thank you so much!")
        assert len(desk.sent()) == 1, "a thank-you is answered automatically…"
        ana = await desk.customer()
        await add_order(desk.store, "#1001", customer_id=ana.id)

        answer = await desk.command(f"block {ana.id} extortion threatens a 1-star review", "lee")
        assert "Flagged customer" in answer and "extortion" in answer
        assert "Unknown reason" in await desk.command(f"block {ana.id} rude")

        await desk.say("Thank you so much!")
        thanks = desk.cards()[-1]
        assert len(desk.sent()) == 1, "…but not for a flagged buyer"
        assert thanks.decision is None and "Not sent automatically" in " ".join(thanks.notes)
        assert thanks.warning is not None
        assert "extortion" in thanks.warning and "threatens a 1-star review" in thanks.warning

        await desk.say("I want a refund for order #1001")
        refund = desk.cards()[-1]
        assert refund.suggestion.intent == "get_refund"
        await desk.act(ActionKind.SEND, refund, user=AGENT_USER)
        await desk.act(ActionKind.EDIT, refund, user=AGENT_USER)
        await desk.act(ActionKind.OTHER_SUBMIT, refund, user=AGENT_USER, intent="return_item")
        await desk.act(
            ActionKind.THREAD_REPLY,
            None,
            user=AGENT_USER,
            text="ok, refunded",
            card=desk.workspace.cards and next(iter(desk.workspace.cards.values())).ref,
        )
        assert len(desk.sent()) == 1, "nothing reached the shopper"
        assert not any(kind == "editor" for kind, _, _ in desk.workspace.dialogs)
        refusals = [n for n in desk.notes() if "a manager" in n and "flagged" in n]
        assert len(refusals) == 4
        assert desk.cards()[-1].decision is None

        # another kind of request is answered as usual
        await desk.say("Where is my order #1001?")
        await desk.act(ActionKind.SEND, desk.cards()[-1], user=AGENT_USER)
        assert len(desk.sent()) == 2

        await desk.act(ActionKind.SEND, refund, user=MANAGER_USER)
        assert len(desk.sent()) == 3 and "refund" in desk.sent()[-1]
        refund_now = next(c for c in desk.cards() if c.suggestion_id == refund.suggestion_id)
        assert refund_now.decision and refund_now.decision.startswith("Sent by mira")

        answer = await desk.command("unblock #1001 settled by phone", "mira")
        assert "Removed the flag" in answer
        await desk.say("Thanks!")
        assert len(desk.sent()) == 4, "automatic answers are back"
        assert desk.cards()[-1].warning is None

        rows = await desk.audit_rows()
        assert [(actor, action) for actor, action, _, _ in rows] == [
            ("lee", "block"),
            ("mira", "approve_refund"),
            ("mira", "unblock"),
        ]
        assert rows[0][2] == ana.id
        assert rows[0][3]["reason"] == "extortion"
        assert rows[0][3]["note"] == "threatens a 1-star review"
        assert rows[1][3]["manager"] == MANAGER
        assert rows[1][3]["suggestion"] == str(refund.suggestion_id)


async def test_flagging_redraws_waiting_cards_and_without_managers_nobody_can_approve(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("I'd like to return the lamp, how do I send it back?")
        [card] = desk.cards()
        assert card.suggestion.intent == "return_item" and card.warning is None
        ana = await desk.customer()
        await desk.command(f"block id:{ana.id} fraud")
        assert desk.cards()[0].warning is not None, "the waiting card shows the flag at once"
        await desk.act(ActionKind.SEND, card, user=MANAGER_USER)
        assert desk.sent() == []
        assert any("none is configured (set BORDERDESK_MANAGERS)" in n for n in desk.notes())
        assert "not flagged" not in await desk.command(f"unblock {ana.id}")
        assert "is not flagged" in await desk.command(f"unblock {ana.id}")
