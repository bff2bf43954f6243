"""Issue 15 through the real flow: a threat is flagged on the card, and a follow-up is read
with the shopper's previous message (the inbound handler gives the engine the conversation).
"""

from __future__ import annotations

from pathlib import Path

from tests.e2e.harness import button_value, card_text, running_desk
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

CHAT = 4242


async def test_a_refund_demand_with_a_threat_is_a_flagged_refund_card(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    threat = "Refund me now or I will leave a 1-star review everywhere!"
    async with running_desk(tmp_path / "desk.sqlite3", telegram_api, slack_api) as desk:
        telegram_api.push_update(telegram_api.text_update(CHAT, threat, language_code="en"))
        card = await desk.wait_card()
        assert "Threat" in card_text(card)
        record = await desk.runtime.ctx.store.suggestion(int(button_value(card, "bd_send")))
        assert record is not None and record.suggestion.intent in ("get_refund", "complaint")


async def test_a_follow_up_is_read_with_the_previous_message(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    async with running_desk(tmp_path / "desk.sqlite3", telegram_api, slack_api) as desk:
        telegram_api.push_update(
            telegram_api.text_update(
                CHAT, "Je voudrais un remboursement pour la robe", language_code="fr"
            )
        )
        first = await desk.wait_card()
        telegram_api.push_update(
            telegram_api.text_update(CHAT, "et pour la veste aussi ?", language_code="fr")
        )
        follow_up = await desk.wait_card(1, thread_ts=first["ts"])
        store = desk.runtime.ctx.store
        before = await store.suggestion(int(button_value(first, "bd_other")))
        after = await store.suggestion(int(button_value(follow_up, "bd_other")))
        assert before is not None and after is not None
        refund = before.suggestion.intent
        assert refund in ("get_refund", "track_refund")
        # alone, the message is too vague to suggest anything; read with the conversation it
        # is the same refund request, shown with confidence
        alone = desk.runtime.ctx.engine.suggest("et pour la veste aussi ?", lang_hint="fr")
        assert alone.intent == "unknown"
        assert after.suggestion.intent == refund
