"""A dispute's card in Slack: its economics, and a button per settlement (the cheapest
fair ones primary) beside the usual buttons until it is decided."""

from __future__ import annotations

from dataclasses import replace

from bot.channels.slack_blocks import SETTLE_PREFIX, card_blocks
from bot.models import DisputeOffer, SettleChoice
from tests.bot.channels.test_slack_blocks import card

OFFER = DisputeOffer(
    "Return costs about 18.00 EUR against an item of 12.00 EUR: offer a refund without "
    "return, or a replacement.",
    (
        SettleChoice("keep_refund", "Refund, keep it (12.00 EUR)", recommended=True),
        SettleChoice("partial_refund_20", "20% back, keep it (2.40 EUR)"),
        SettleChoice("return", "Normal return"),
    ),
)


def test_a_pending_dispute_shows_its_economics_and_a_button_per_settlement() -> None:
    blocks = card_blocks(replace(card(), dispute=OFFER))
    assert any(OFFER.summary in str(b.get("text", {}).get("text")) for b in blocks)
    [settle] = [b for b in blocks if b.get("block_id") == "bd_settle_7"]
    assert [(e["action_id"], e["value"], e.get("style")) for e in settle["elements"]] == [
        (SETTLE_PREFIX + "keep_refund", "7", "primary"),
        (SETTLE_PREFIX + "partial_refund_20", "7", None),
        (SETTLE_PREFIX + "return", "7", None),
    ]
    action_ids = [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert len(action_ids) == len(set(action_ids)) == 9  # six card buttons, three settlements


def test_a_settled_dispute_keeps_its_economics_and_loses_its_buttons() -> None:
    decided = replace(card(decision="Settled (refund without return) by lee"), dispute=OFFER)
    blocks = card_blocks(decided)
    assert not [b for b in blocks if b["type"] == "actions"]
    assert OFFER.summary in str(blocks) and "Settled (refund without return)" in str(blocks)
