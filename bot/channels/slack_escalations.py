"""Block Kit for department channels: escalation cards and their dialogs."""

from __future__ import annotations

from typing import Any

from bot.channels.slack_blocks import _button, _context, _quote, _section, clip
from bot.models import ROOT_CAUSES, EscalationCard

QUESTION_CALLBACK = "bd_need_info_submit"
RESOLVE_CALLBACK = "bd_resolve_submit"
ESCALATION_ACTIONS = (
    ("bd_esc_ack", "Acknowledge", "primary"),
    ("bd_esc_info", "Need info", None),
    ("bd_esc_resolve", "Resolve", None),
)


def escalation_text(card: EscalationCard) -> str:
    return clip(
        f"{card.department}: {card.intent.replace('_', ' ')} from {card.customer_name}", 300
    )


def escalation_blocks(card: EscalationCard) -> list[dict[str, Any]]:
    title = card.intent.replace("_", " ").capitalize()
    blocks: list[dict[str, Any]] = [
        _section(
            f"*{title}* · escalated to *{card.department}* by {card.opened_by}\n"
            f"{card.customer_name} · {card.channel} · language `{card.language}`"
        ),
        _section(_quote(card.translated_text or card.original_text)),
    ]
    if card.translated_text:
        blocks.append(_context(f"Original: {card.original_text}"))
    if card.facts:
        blocks.append(_section("  ·  ".join(f"*{label}:* {value}" for label, value in card.facts)))
    if card.link:
        blocks.append(_context(f"<{card.link}|Open the conversation in the inbox>"))
    if card.status_line:
        blocks.append(_context(card.status_line))
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


def question_modal(escalation_id: int) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": QUESTION_CALLBACK,
        "private_metadata": str(escalation_id),
        "title": {"type": "plain_text", "text": "Need information"},
        "submit": {"type": "plain_text", "text": "Ask the inbox"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "input",
                "block_id": "question",
                "label": {"type": "plain_text", "text": "What do you need to know?"},
                "element": {"type": "plain_text_input", "action_id": "text", "multiline": True},
            }
        ],
    }


def resolve_modal(escalation_id: int) -> dict[str, Any]:
    options = [
        {"text": {"type": "plain_text", "text": label}, "value": value}
        for value, label in ROOT_CAUSES.items()
    ]
    return {
        "type": "modal",
        "callback_id": RESOLVE_CALLBACK,
        "private_metadata": str(escalation_id),
        "title": {"type": "plain_text", "text": "Resolve"},
        "submit": {"type": "plain_text", "text": "Resolve"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "input",
                "block_id": "cause",
                "label": {"type": "plain_text", "text": "Root cause"},
                "element": {"type": "static_select", "action_id": "value", "options": options},
            },
            {
                "type": "input",
                "block_id": "note",
                "label": {"type": "plain_text", "text": "What was done (for the shopper)"},
                "element": {"type": "plain_text_input", "action_id": "text", "multiline": True},
            },
        ],
    }
