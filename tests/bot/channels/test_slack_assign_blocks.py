"""Who owns a card, in Slack (a desk with agents): the owner line, and Take it, Release
(only when someone owns it) and a Reassign people menu until the card is decided; a desk
without agents shows none of it. Every shape passes the Block Kit checks of the fake."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.channels.slack_blocks import card_blocks
from bot.models import CardOwner
from tests.bot.channels.test_slack_blocks import card
from tests.fakes.slack_api import check_blocks

AIKO = CardOwner("U0AIKO0001", "Aiko", datetime(2026, 12, 7, 2, 5, tzinfo=UTC))


def _text(blocks: list[dict]) -> str:
    return str(blocks)


def _assign(blocks: list[dict]) -> list[tuple[str, str]]:
    [found] = [b for b in blocks if b.get("block_id") == "bd_assign_7"]
    return [(e["type"], e["action_id"]) for e in found["elements"]]


def test_an_owned_card_names_its_owner_and_offers_take_release_and_reassign() -> None:
    blocks = card_blocks(replace(card(), assignable=True, owner=AIKO))
    assert "Owner: <@U0AIKO0001> since 02:05 UTC 2026-12-07" in _text(blocks)
    assert _assign(blocks) == [
        ("button", "bd_take"),
        ("button", "bd_release"),
        ("users_select", "bd_reassign"),
    ]
    assert check_blocks(blocks, "blocks", 50) == []


def test_an_unowned_card_says_so_and_cannot_be_released() -> None:
    blocks = card_blocks(replace(card(), assignable=True))
    assert "Unassigned: Take it, or Reassign to someone on shift" in _text(blocks)
    assert _assign(blocks) == [("button", "bd_take"), ("users_select", "bd_reassign")]
    off = replace(AIKO, on_shift=False)
    assert "(off shift now)" in _text(card_blocks(replace(card(), assignable=True, owner=off)))


def test_a_decided_card_keeps_its_owner_line_without_buttons() -> None:
    blocks = card_blocks(replace(card(decision="Sent by Aiko"), assignable=True, owner=AIKO))
    assert "Owner: <@U0AIKO0001>" in _text(blocks)
    assert not [b for b in blocks if b["type"] == "actions"]


def test_without_agents_no_owner_is_shown() -> None:
    blocks = card_blocks(card())
    assert "Owner" not in _text(blocks) and "Unassigned" not in _text(blocks)
    assert not [b for b in blocks if b.get("block_id", "").startswith("bd_assign_")]
