"""A dispute settled from Slack (issue 19), through the real slack-bolt and
python-telegram-bot against the fakes: the card's economics and settlement buttons pass
the Block Kit checks, a click on "Refund, keep it" reaches the desk as that settlement,
and the shopper gets its reply in their language."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.e2e.harness import INBOX, always_open, card_text, running_desk
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.handlers.desk import add_order
from tests.handlers.disputes.test_settle_flow import BROKEN_MUG, POLICY

CHAT = 4242


async def test_a_settlement_button_sends_its_reply_and_records_the_settlement(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    desk_settings = replace(always_open(), disputes=POLICY)
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, desk=desk_settings
    ) as desk:
        store = desk.runtime.ctx.store
        await add_order(
            store, "#A10293", email="ana@example.com", total=12.0, country="GB",
            status="delivered",
        )  # fmt: skip
        telegram_api.push_update(
            telegram_api.text_update(CHAT, BROKEN_MUG, first_name="Ana", language_code="es")
        )
        card = await desk.wait_card()
        assert (
            "Return costs about 18.00 EUR against an item of 12.00 EUR: offer a refund "
            "without return, or a replacement." in card_text(card)
        )
        [settle] = [b for b in card["blocks"] if b.get("block_id", "").startswith("bd_settle_")]
        assert [(e["text"]["text"], e.get("style")) for e in settle["elements"]] == [
            ("Refund, keep it (12.00 EUR)", "primary"),
            ("20% back, keep it (2.40 EUR)", None),
            ("50% back, keep it (6.00 EUR)", None),
            ("Send a replacement", "primary"),
            ("Normal return", None),
        ]

        assert await desk.click(card, "bd_settle_keep_refund") == 200
        [sent] = await telegram_api.wait_for("sendMessage")
        assert sent["chat_id"] == CHAT
        assert sent["text"].startswith("Hola, Ana: ya lo hemos resuelto. Te reembolsamos 12,00")
        await slack_api.wait_for("chat.update")
        [updated] = [m for m in slack_api.messages(INBOX) if m["ts"] == card["ts"]]
        assert "Settled (refund without return) by lee at" in card_text(updated)
        assert not any(b["type"] == "actions" for b in updated["blocks"])
        settled = await store.settlement(int(settle["elements"][0]["value"]))
        assert settled is not None and settled.return_avoided == 18.0
