"""Cards and dialogs stay within Slack's limits and show what staff need."""

from __future__ import annotations

from dataclasses import replace

from bot.channels.slack_blocks import card_blocks, confirmation_blocks, edit_modal, picker_modal
from bot.models import Card, IntentChoice, Suggestion


def card(reply: str | None = "Hola Ana", decision: str | None = None, text: str = "hola") -> Card:
    suggestion = Suggestion(
        language="es",
        intent="track_order" if reply else "unknown",
        confidence=0.91,
        top=(("track_order", 0.91), ("delivery_delay", 0.06)),
        department="logistics",
        reply=reply,
        reply_language="es",
    )
    return Card(
        suggestion_id=7,
        customer_name="Ana",
        channel="telegram",
        language="es",
        original_text=text,
        suggestion=suggestion,
        decision=decision,
    )


def test_pending_card_has_the_six_buttons_carrying_its_id() -> None:
    blocks = card_blocks(card())
    [actions] = [b for b in blocks if b["type"] == "actions"]
    assert [e["text"]["text"] for e in actions["elements"]] == [
        "Send",
        "Edit",
        "Other answer",
        "Escalate",
        "Escalate without replying",
        "Ignore",
    ]
    assert {e["value"] for e in actions["elements"]} == {"7"}
    shown = str(blocks)
    assert "track order (91%)" in shown and "delivery delay 6%" in shown


def test_no_suggestion_means_no_send_button() -> None:
    [actions] = [b for b in card_blocks(card(reply=None)) if b["type"] == "actions"]
    assert "bd_send" not in {e["action_id"] for e in actions["elements"]}
    assert "No confident suggestion" in str(card_blocks(card(reply=None)))


def test_decided_card_shows_the_decision_instead_of_buttons() -> None:
    blocks = card_blocks(card(decision="Sent by lee at 2026-11-24 09:03 UTC"))
    assert not [b for b in blocks if b["type"] == "actions"]
    assert "Sent by lee at 2026-11-24 09:03 UTC" in str(blocks)


def test_long_text_is_clipped_to_slack_limits() -> None:
    for block in card_blocks(card(text="x" * 10_000)):
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000


def test_modals_respect_title_and_option_limits() -> None:
    choices = [IntentChoice(f"intent_{i}", "A very long answer title " * 5) for i in range(150)]
    picker = picker_modal(7, choices)
    options = picker["blocks"][0]["element"]["options"]
    assert len(options) == 100 and all(len(o["text"]["text"]) <= 75 for o in options)
    editor = edit_modal(7, "draft")
    assert editor["blocks"][0]["element"]["initial_value"] == "draft"
    assert all(len(m["title"]["text"]) <= 24 for m in (picker, editor))


def test_a_card_waiting_for_a_translation_choice_says_so_and_has_no_buttons() -> None:
    waiting = "Waiting for a translation choice: reply by lee at 2026-11-24 09:03 UTC"
    blocks = card_blocks(replace(card(), waiting=waiting))
    assert not [b for b in blocks if b["type"] == "actions"]
    assert waiting in str(blocks) and "white_check_mark" not in str(blocks)


def test_an_unavailable_translation_offers_send_untranslated_retry_and_cancel() -> None:
    [section, actions] = confirmation_blocks(12, "Hello, it shipped", None)
    assert "nothing has been sent" in section["text"]["text"]
    assert [e["text"]["text"] for e in actions["elements"]] == [
        "Send untranslated",
        "Retry translation",
        "Cancel",
    ]
    assert {e["value"] for e in actions["elements"]} == {"12"}
    [_, translated] = confirmation_blocks(12, "Hello", "Hola")
    assert [e["action_id"] for e in translated["elements"]] == [
        "bd_tr_send",
        "bd_tr_raw",
        "bd_tr_cancel",
    ]
