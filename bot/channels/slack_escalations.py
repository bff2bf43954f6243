"""Block Kit for department channels: escalation cards and their dialogs."""

from __future__ import annotations

from typing import Any

from bot.channels.slack_blocks import (
    _button,
    _context,
    _quote,
    _section,
    clip,
    dialog_metadata,
    escape,
    modal,
    select_input,
    text_input,
)
from bot.channels.slack_notes import slack_note
from bot.models import ROOT_CAUSES, CardRef, EscalationCard

QUESTION_CALLBACK = "bd_need_info_submit"
RESOLVE_CALLBACK = "bd_resolve_submit"
ESCALATION_ACTIONS = (
    ("bd_esc_ack", "Acknowledge", "primary"),
    ("bd_esc_info", "Need info", None),
    ("bd_esc_resolve", "Resolve", None),
)


def escalation_text(card: EscalationCard) -> str:
    return clip(
        escape(f"{card.department}: {card.intent.replace('_', ' ')} from {card.customer_name}"),
        300,
    )


def escalation_blocks(card: EscalationCard) -> list[dict[str, Any]]:
    title = card.intent.replace("_", " ").capitalize()
    blocks: list[dict[str, Any]] = [
        _section(
            f"*{title}* · escalated to *{card.department}* by {escape(card.opened_by)}\n"
            f"{escape(card.customer_name)} · {card.channel} · language `{card.language}`",
            verbatim=True,
        ),
        _section(_quote(escape(card.translated_text or card.original_text)), verbatim=True),
    ]
    if card.translated_text:
        blocks.append(_context(f"Original: {escape(card.original_text)}", verbatim=True))
    if card.facts:
        facts = "  ·  ".join(f"*{label}:* {escape(value)}" for label, value in card.facts)
        blocks.append(_section(facts, verbatim=True))
    if card.shopper_reply:
        blocks.append(_context(escape(card.shopper_reply), verbatim=True))
    if card.link:
        blocks.append(_context(f"<{card.link}|Open the conversation in the inbox>"))
    if card.status_line:
        blocks.append(_context(escape(slack_note(card.status_line)), verbatim=True))
    if not card.resolved:
        value = str(card.escalation_id)
        blocks.append(
            {
                "type": "actions",
                "block_id": f"bd_esc_{card.escalation_id}",
                "elements": [
                    _button(a, label, value, style) for a, label, style in ESCALATION_ACTIONS
                ],
            }
        )
    return blocks


def question_modal(escalation_id: int, card: CardRef | None = None) -> dict[str, Any]:
    field = text_input("question", "What do you need to know?")
    metadata = dialog_metadata(escalation_id, card)
    return modal(QUESTION_CALLBACK, metadata, "Need information", "Ask the inbox", [field])


def resolve_modal(escalation_id: int, card: CardRef | None = None) -> dict[str, Any]:
    cause = select_input("cause", "Root cause", "value", list(ROOT_CAUSES.items()))
    note = text_input("note", "What was done (for the shopper)")
    metadata = dialog_metadata(escalation_id, card)
    return modal(RESOLVE_CALLBACK, metadata, "Resolve", "Resolve", [cause, note])
