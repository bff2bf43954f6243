"""Block Kit for the inbox: cards, the edit modal and the answer picker.

Pure functions from our models to Slack JSON, so they are easy to test and the limits
Slack enforces (3000 characters a section, 75 a button or option label, 24 a modal
title) are respected in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC
from typing import Any

from bot.models import Card, CardRef, IntentChoice
from bot.staff_items import Confirmation

SECTION_LIMIT = 3000
INPUT_LIMIT = 3000
ACTIONS = (
    ("bd_send", "Send", "primary"),
    ("bd_edit", "Edit", None),
    ("bd_other", "Other answer", None),
    ("bd_escalate", "Escalate", None),
    ("bd_escalate_quietly", "Escalate without replying", None),
    ("bd_ignore", "Ignore", "danger"),
)
# a dispute's settlements: "bd_settle_" + the SettleChoice's key, the card's id as value
SETTLE_PREFIX = "bd_settle_"
# who owns the card's conversation (a desk with agents): Take it and Release carry the
# card's id as value; Reassign is a people menu, the card's id after ASSIGN_BLOCK
TAKE, RELEASE, REASSIGN = "bd_take", "bd_release", "bd_reassign"
ASSIGN_BLOCK = "bd_assign_"
EDIT_CALLBACK = "bd_edit_submit"
OTHER_CALLBACK = "bd_other_submit"
# U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C: removed from shopper text
_BIDI_CONTROLS = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
)


def clip(text: str, limit: int) -> str:
    """Cut to ``limit`` characters, saying so (a card links to the full text in storage)."""
    if len(text) <= limit:
        return text
    note = " … [cut: longer than Slack shows]"
    return text[: limit - len(note)] + note


def neutralise_bidi(text: str) -> str:
    """``text`` without bidirectional controls (embeddings, overrides, isolates, marks).

    A shopper named "Ann\u202eredner\u202c" would otherwise make a card header read
    right-to-left from her name on, so staff see words she never wrote in places she
    does not own. The letters themselves keep their natural direction without them.
    """
    return text.translate(_BIDI_CONTROLS)


def escape(text: str) -> str:
    """Shopper-written text as inert mrkdwn: ``<!channel>``, ``<@U…>`` and ``<url|label>``
    become visible characters, never a mention or a link (Slack's own escaping rules),
    and bidirectional controls are dropped (``neutralise_bidi``)."""
    return neutralise_bidi(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def defuse(text: str) -> str:
    """Plain-text posts that quote shoppers keep their "> " quotes; ``<`` is what every
    mention and link needs, so escaping it (and ``&``) is enough to make them inert."""
    return neutralise_bidi(text).replace("&", "&amp;").replace("<", "&lt;")


NOTE_BLOCK = "bd_note"


def plain_section(text: str) -> dict[str, Any]:
    """A handler's plain text (already defused) as one verbatim section, so a bare URL a
    shopper wrote is shown, not linked; its block id marks it as a note, not a card."""
    return {**_section(text, verbatim=True), "block_id": NOTE_BLOCK}


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in (text or " ").splitlines())


def _section(text: str, *, verbatim: bool = False) -> dict[str, Any]:
    """A mrkdwn section; ``verbatim`` for shopper text, so bare URLs stay unlinked."""
    body: dict[str, Any] = {"type": "mrkdwn", "text": clip(text, SECTION_LIMIT)}
    if verbatim:
        body["verbatim"] = True
    return {"type": "section", "text": body}


def _context(text: str, *, verbatim: bool = False) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "mrkdwn", "text": clip(text, SECTION_LIMIT)}
    if verbatim:
        element["verbatim"] = True
    return {"type": "context", "elements": [element]}


def card_text(card: Card) -> str:
    """Notification fallback text (shown in push notifications and screen readers)."""
    return clip(
        escape(f"{card.customer_name} ({card.channel}, {card.language}): {card.original_text}"),
        300,
    )


def card_blocks(card: Card) -> list[dict[str, Any]]:
    """The inbox card: who, what they wrote, what we suggest, and the buttons (until decided).

    Everything a shopper could have written (name, text, its translation, a reply quoting
    them) is escaped and verbatim: it can never mention, link or ping anyone.
    """
    s = card.suggestion
    blocks: list[dict[str, Any]] = [
        _section(
            f"*{escape(card.customer_name)}* · {card.channel} · language: `{card.language}`",
            verbatim=True,
        ),
    ]
    if card.warning:
        blocks.append(_section(f":no_entry: *{escape(card.warning)}*", verbatim=True))
    if card.profile:
        blocks.append(_context(escape(card.profile), verbatim=True))
    blocks.append(_section(_quote(escape(card.original_text)), verbatim=True))
    if card.translated_text:
        blocks.append(_context(f"Translation: {escape(card.translated_text)}", verbatim=True))
    if s.reply is None:
        blocks.append(
            _section("*No confident suggestion.* Use Edit to write an answer, or Other answer.")
        )
    else:
        label = s.intent.replace("_", " ")
        blocks.append(
            _section(
                f"*Suggested reply* — {label} ({s.confidence:.0%})\n{_quote(escape(s.reply))}",
                verbatim=True,
            )
        )
    alternatives = [f"{intent.replace('_', ' ')} {score:.0%}" for intent, score in s.top[1:3]]
    details = []
    if alternatives:
        details.append("Also possible: " + ", ".join(alternatives))
    if s.is_problem and s.department:
        details.append(f"Problem report for *{s.department}*")
    if details:
        blocks.append(_context(" · ".join(details)))
    if card.dispute:
        blocks.append(_section(f":scales: {escape(card.dispute.summary)}"))
    for note in card.notes:
        blocks.append(_context(escape(note), verbatim=True))
    if card.assignable:
        blocks.append(_context(owner_text(card)))
    if card.decision:
        blocks.append(_context(f":white_check_mark: {escape(card.decision)}", verbatim=True))
    elif card.waiting:  # no buttons: a second answer must not overtake the one waiting
        blocks.append(
            _context(
                f":hourglass_flowing_sand: {escape(card.waiting)} (choose in the thread)",
                verbatim=True,
            )
        )
    else:
        value = str(card.suggestion_id)
        blocks.append(
            {
                "type": "actions",
                "block_id": f"bd_card_{card.suggestion_id}",
                "elements": [
                    _button(action_id, label, value, style)
                    for action_id, label, style in ACTIONS
                    if not (action_id == "bd_send" and s.reply is None)
                ],
            }
        )
        if card.dispute and card.dispute.choices:
            blocks.append(
                {
                    "type": "actions",
                    "block_id": f"bd_settle_{card.suggestion_id}",
                    "elements": [
                        _button(
                            SETTLE_PREFIX + choice.key,
                            clip(choice.label, 75),
                            value,
                            "primary" if choice.recommended else None,
                        )
                        for choice in card.dispute.choices
                    ],
                }
            )
        if card.assignable:
            blocks.append(_assign_actions(card))
    return blocks


def owner_text(card: Card) -> str:
    """The owner line: a mention (Slack shows the name, and tells the owner once), since
    when, and whether they are on shift now."""
    owner = card.owner
    if owner is None:
        return ":bust_in_silhouette: Unassigned: Take it, or Reassign to someone on shift"
    since = owner.since.astimezone(UTC).strftime("%H:%M UTC %Y-%m-%d")
    shift = "" if owner.on_shift else " (off shift now)"
    return f":bust_in_silhouette: Owner: <@{owner.user_id}> since {since}{shift}"


def _assign_actions(card: Card) -> dict[str, Any]:
    value = str(card.suggestion_id)
    elements: list[dict[str, Any]] = [_button(TAKE, "Take it", value, None)]
    if card.owner is not None:
        elements.append(_button(RELEASE, "Release", value, None))
    elements.append(
        {
            "type": "users_select",
            "action_id": REASSIGN,
            "placeholder": {"type": "plain_text", "text": "Reassign to…"},
        }
    )
    return {"type": "actions", "block_id": f"{ASSIGN_BLOCK}{value}", "elements": elements}


def _button(action_id: str, label: str, value: str, style: str | None) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label},
        "value": value,
    }
    if style:
        button["style"] = style
    return button


CONFIRM_ACTIONS: tuple[tuple[str, str, str | None], ...] = (
    ("bd_tr_send", "Send translation", "primary"),
    ("bd_tr_raw", "Send untranslated", None),
    ("bd_tr_cancel", "Cancel", "danger"),
)
UNTRANSLATED_ACTIONS: tuple[tuple[str, str, str | None], ...] = (
    ("bd_tr_raw", "Send untranslated", None),
    ("bd_tr_retry", "Retry translation", "primary"),
    ("bd_tr_cancel", "Cancel", "danger"),
)


def confirmation_blocks(
    outbox_id: int, original: str, translated: str | None
) -> list[dict[str, Any]]:
    """Staff wrote in their own language: show the translation before it goes out.

    When the translator could not be reached nothing goes out by itself: staff send what
    they wrote as it is, ask the translator again, or cancel.
    """
    if translated is None:
        intro = (
            "*Translation unavailable: nothing has been sent.* Send what you wrote as it is, "
            "retry the translation, or cancel:"
        )
        body = _quote(escape(original))
        actions = UNTRANSLATED_ACTIONS
    else:
        intro = "*The shopper will receive this translation:*"
        body = f"{_quote(escape(translated))}\n_You wrote:_\n{_quote(escape(original))}"
        actions = CONFIRM_ACTIONS
    value = str(outbox_id)
    return [
        _section(f"{intro}\n{body}", verbatim=True),
        {
            "type": "actions",
            "block_id": f"bd_confirm_{outbox_id}",
            "elements": [_button(a, label, value, style) for a, label, style in actions],
        },
    ]


def confirmation_message(confirmation: Confirmation) -> tuple[str, list[dict[str, Any]]]:
    """A held reply's confirmation as Slack text (for notifications) and its blocks."""
    translated = confirmation.translated
    text = (
        f"Confirm the translation: {escape(translated)}"
        if translated
        else ("Translation unavailable")
    )
    return text, confirmation_blocks(confirmation.outbox_id, confirmation.original, translated)


def dialog_metadata(target_id: int, card: CardRef | None) -> str:
    """What a dialog carries back: the id it acts on and the card it was opened from
    ("42 C0123456789 1772359200.000100"), so a dialog from a card of an earlier database
    cannot act on the new row with that id (a submission has no clicked message)."""
    return str(target_id) if card is None else f"{target_id} {card.channel} {card.ts}"


def read_metadata(text: str) -> tuple[str, CardRef | None]:
    """``dialog_metadata`` read back: (the id as written, the card or None); a bare id is a
    dialog opened by an earlier version, which did not name its card."""
    parts = text.split()
    if len(parts) == 3:
        return parts[0], CardRef(parts[1], parts[2])
    return (parts[0] if len(parts) == 1 else ""), None


def modal(
    callback_id: str, metadata: str, title: str, submit: str, blocks: list[dict[str, Any]]
) -> dict[str, Any]:
    """A dialog whose answer comes back as a ``view_submission`` for ``callback_id``;
    ``metadata`` is ``dialog_metadata``."""
    return {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": metadata,
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": submit},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def text_input(block_id: str, label: str, **element: Any) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": label},
        "element": {"type": "plain_text_input", "action_id": "text", "multiline": True, **element},
    }


def select_input(
    block_id: str, label: str, action_id: str, options: list[tuple[str, str]]
) -> dict[str, Any]:
    """A menu of (value, label) pairs; Slack shows at most 100, labels up to 75 characters."""
    return {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": label},
        "element": {
            "type": "static_select",
            "action_id": action_id,
            "options": [
                {"text": {"type": "plain_text", "text": clip(text, 75)}, "value": value}
                for value, text in options[:100]
            ],
        },
    }


def edit_modal(suggestion_id: int, draft: str, card: CardRef | None = None) -> dict[str, Any]:
    """The Edit dialog, prefilled with the suggested reply; ``card`` is the card it is for."""
    prefill = {"initial_value": clip(draft, INPUT_LIMIT)} if draft else {}
    field = text_input("reply", "Reply to the shopper", max_length=INPUT_LIMIT, **prefill)
    metadata = dialog_metadata(suggestion_id, card)
    return modal(EDIT_CALLBACK, metadata, "Edit reply", "Send", [field])


def picker_modal(
    suggestion_id: int, choices: Sequence[IntentChoice], card: CardRef | None = None
) -> dict[str, Any]:
    """The Other answer dialog: pick an answer from the library."""
    menu = select_input(
        "answer", "Answer to send", "intent", [(c.intent, c.title) for c in choices]
    )
    metadata = dialog_metadata(suggestion_id, card)
    return modal(OTHER_CALLBACK, metadata, "Other answer", "Send", [menu])
