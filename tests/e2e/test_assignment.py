"""Assignment and shifts round the clock (issue 19), through the real slack-bolt and
python-telegram-bot against the fakes, on a clock set to Monday 2026-12-07 02:00 UTC:
11:00 in Tokyo (Aiko on, Kenji from 13:00), 03:00 in Berlin (Lena off), 20:00 on Sunday
in Mexico City (Mateo off until 08:00 there, 14:00 UTC).

- a Japanese shopper's card goes to Aiko, the agent on shift who reads Japanese, and the
  card shows her; the shopper's follow-up stays with her though Kenji, never given one
  yet, is on by then;
- the first-response reminder goes to Aiko as a direct message, not to the inbox; the
  missed target goes to the inbox, naming her;
- a Spanish shopper, with nobody reading Spanish on shift, is told honestly when the
  next agent comes on, the card is flagged once nobody has taken it for 30 minutes, and
  Take it, Release and Reassign change its owner, recorded with who did it;
- someone not among the agents cannot take a card.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.desk import load_desk
from handlers.reminders import send_reminders
from tests.e2e.harness import (
    INBOX,
    SIGNING_SECRET,
    MovableClock,
    always_open,
    card_text,
    running_desk,
    wait_until,
)
from tests.fakes import slack_client
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.telegram_api import FakeTelegramAPI

MONDAY_2_UTC = datetime(2026, 12, 7, 2, tzinfo=UTC)
AIKO, KENJI, LENA, MATEO = "U0AIKO0001", "U0KENJI001", "U0LENA0001", "U0MATEO001"
ROSTER = f"""\
agents:
  {LENA}: {{name: Lena, languages: [de, en]}}
  {AIKO}:
    name: Aiko
    languages: [ja, en]
    timezone: Asia/Tokyo
    hours: {{mon-fri: "09:00-18:00"}}
  {KENJI}:
    name: Kenji
    languages: [ja]
    timezone: Asia/Tokyo
    hours: {{mon-fri: "13:00-22:00"}}
  {MATEO}:
    name: Mateo
    languages: [es, pt]
    timezone: America/Mexico_City
    hours: {{mon-fri: "08:00-16:00"}}
"""


def _desk_settings(tmp_path: Path) -> Any:
    path = tmp_path / "desk.yaml"
    path.write_text(ROSTER, encoding="utf-8")
    return replace(always_open(), agents=load_desk(path).agents)


def _clock_at(moment: datetime) -> MovableClock:
    clock = MovableClock()
    clock.offset = moment - datetime.now(UTC)
    return clock


def _agents_in(slack: FakeSlackAPI) -> None:
    for user_id, name in ((AIKO, "aiko"), (KENJI, "kenji"), (LENA, "lena"), (MATEO, "mateo")):
        slack.add_user(user_id, name, name.capitalize())


def _owner_line(card: dict[str, Any]) -> str:
    return next(
        line for line in card_text(card).splitlines() if "Owner" in line or "Unassigned" in line
    )


def _current(slack: FakeSlackAPI, card: dict[str, Any]) -> dict[str, Any]:
    [now] = [m for m in slack.messages(INBOX) if m["ts"] == card["ts"]]
    return now


async def test_japanese_card_goes_to_aiko_and_stays_with_her_and_her_reminder_is_private(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    _agents_in(slack_api)
    clock = _clock_at(MONDAY_2_UTC)
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, desk=_desk_settings(tmp_path),
        clock=clock,
    ) as desk:  # fmt: skip
        ctx = desk.runtime.ctx
        telegram_api.push_update(
            telegram_api.text_update(
                5001, "注文はどこですか", first_name="Yuki", language_code="ja"
            )
        )
        card = await desk.wait_card()
        assert _owner_line(card).startswith(f":bust_in_silhouette: Owner: <@{AIKO}> since 02:00")
        [assign] = [b for b in card["blocks"] if b.get("block_id", "").startswith("bd_assign_")]
        assert [e["action_id"] for e in assign["elements"]] == [
            "bd_take",
            "bd_release",
            "bd_reassign",
        ]
        await desk.settled()
        # Aiko is on: no out-of-hours acknowledgement
        assert not [c for c in telegram_api.calls if c[0] == "sendMessage"]

        clock.advance(3 * 3600)  # 14:00 in Tokyo: Kenji is on too, and never given a card
        telegram_api.push_update(
            telegram_api.text_update(5001, "まだですか？", first_name="Yuki", language_code="ja")
        )
        await desk.wait_card(1, thread_ts=card["ts"])
        conversation_id = (
            await ctx.store.suggestion(int(assign["elements"][0]["value"]))
        ).conversation_id
        history = await ctx.store.assignment_history(conversation_id)
        assert [(e.action, e.owner_id) for e in history] == [("auto", AIKO)]  # still hers

        # 4 h first-response target, reminded 1 h before: to Aiko, privately
        first = await ctx.store.suggestion(int(assign["elements"][0]["value"]))
        assert await send_reminders(ctx, first.created_at + timedelta(hours=3, minutes=1)) >= 1
        dms = [
            p
            for m, p in slack_api.calls
            if m == "chat.postMessage" and p["channel"].startswith("D")
        ]
        assert len(dms) == 1 and "First response due at" in dms[0]["text"]
        assert "Yuki's card is yours" in dms[0]["text"]
        await desk.settled()
        thread = [m["text"] for m in slack_api.messages(INBOX, thread_ts=card["ts"])]
        assert not any("First response due" in text for text in thread)

        await send_reminders(ctx, first.created_at + timedelta(hours=4, minutes=1))
        await wait_until(
            lambda: any(
                "target was missed" in m.get("text", "") and "Owner: Aiko." in m.get("text", "")
                for m in slack_api.messages(INBOX, thread_ts=card["ts"])
            ),
            "the missed target in the inbox thread, naming the owner",
        )


async def test_nobody_on_for_spanish_then_take_release_and_reassign(
    tmp_path: Path, telegram_api: FakeTelegramAPI, slack_api: FakeSlackAPI
) -> None:
    _agents_in(slack_api)
    clock = _clock_at(MONDAY_2_UTC)
    async with running_desk(
        tmp_path / "desk.sqlite3", telegram_api, slack_api, desk=_desk_settings(tmp_path),
        clock=clock,
    ) as desk:  # fmt: skip
        ctx = desk.runtime.ctx
        telegram_api.push_update(
            telegram_api.text_update(
                6001, "¿Dónde está mi pedido?", first_name="Lucía", language_code="es"
            )
        )
        card = await desk.wait_card()
        assert "Unassigned" in _owner_line(card)
        [told] = await telegram_api.wait_for("sendMessage")
        # Mateo comes on at 08:00 in Mexico City, 14:00 UTC (the store's zone here: UTC)
        assert told["text"].startswith(
            "¡Gracias por tu mensaje, Lucía! Ahora mismo no hay nadie de turno que pueda "
            "atenderte. El próximo compañero empieza el lunes 7 de diciembre, 14:00"
        ), told["text"]

        clock.advance(31 * 60)
        assert await send_reminders(ctx, clock()) == 1
        assert await send_reminders(ctx, clock()) == 0  # flagged once
        await wait_until(
            lambda: any(
                "Nobody has taken this card for 31 min" in m.get("text", "")
                for m in slack_api.messages(INBOX, thread_ts=card["ts"])
            ),
            "the unassigned card flagged in its thread",
        )

        # someone who is not an agent cannot own it
        assert await desk.click(card, "bd_take") == 200
        await wait_until(lambda: slack_api.ephemerals, "a private refusal")
        assert "not one of the desk file's agents" in slack_api.ephemerals[-1]["text"]

        updates = len([c for c in slack_api.calls if c[0] == "chat.update"])
        assert await desk.click(card, "bd_take", user_id=LENA, user_name="lena") == 200
        await wait_until(
            lambda: f"<@{LENA}>" in _owner_line(_current(slack_api, card)), "Lena's name"
        )
        assert len([c for c in slack_api.calls if c[0] == "chat.update"]) > updates
        card = _current(slack_api, card)
        assert await desk.click(card, "bd_release", user_id=LENA, user_name="lena") == 200
        await wait_until(lambda: "Unassigned" in _owner_line(_current(slack_api, card)), "released")
        await _reassign(desk, _current(slack_api, card), to=MATEO, by=LENA)
        await wait_until(
            lambda: f"<@{MATEO}>" in _owner_line(_current(slack_api, card)), "Mateo's name"
        )
        suggestion_id = int(card["blocks"][-1]["block_id"].removeprefix("bd_assign_"))
        record = await ctx.store.suggestion(suggestion_id)
        history = await ctx.store.assignment_history(record.conversation_id)
        assert [(e.action, e.owner_id, e.by_id) for e in history] == [
            ("take", LENA, LENA),
            ("release", None, LENA),
            ("reassign", MATEO, LENA),
        ]
        assert all(e.suggestion_id == suggestion_id for e in history)
        assert "(off shift now)" in _owner_line(_current(slack_api, card))

        status, answer = await desk.command("shifts", user_id=LENA, user_name="lena")
        assert status == 200
        # the clock runs on from 02:31 here; tests/handlers/assignment pins it to the minute
        assert "\n• Aiko (en, ja) until 09:00 UTC (18:00 Asia/Tokyo)\nOff shift:" in answer
        assert "• es: now–14:00 UTC (11 h 2" in answer
        assert "• ja: 13:00–00:00 tomorrow UTC (11 h)" in answer


async def _reassign(desk: Any, card: dict[str, Any], *, to: str, by: str) -> None:
    """Pick ``to`` in the card's people menu, as Slack sends it (a users_select action)."""
    payload = slack_client.block_action(
        "bd_reassign", "", user_id=by, user_name="lena", channel=INBOX,
        message_ts=card["ts"], message=card,
    )  # fmt: skip
    action = payload["actions"][0]
    del action["value"], action["text"]
    action.update(type="users_select", selected_user=to)
    status, _ = await slack_client.post_interaction(desk.events_url, SIGNING_SECRET, payload)
    assert status == 200
