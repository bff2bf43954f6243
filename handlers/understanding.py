"""What the inbound handler gives the engine besides the message: its English translation
and the conversation so far; and what the card tells staff about the reading.

The engine's ``suggest`` is synchronous and never waits on the network, so the handler
gathers these first (``replies.reading`` explains how they are used):

- the English translation, when a translator is configured: the translator never
  raises and gives up after its timeout, and a failure simply leaves the original as
  the only view. When staff read English the same translation is shown on the card,
  from the translator's cache;
- the shopper's previous message of the last ``FOLLOW_UP_WINDOW`` and the intent it was
  answered with, for a follow-up such as "the green one instead".

The card then shows a threat flag and the other questions of a message with several,
and, when nothing is suggested, why: staff should never wonder whether the desk failed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.context import Context
from bot.models import Suggestion
from replies.reading import THREAT, EarlierTurn

ENGLISH = "en"
# A message counts as a follow-up of the previous one within this time; later, a new
# message starts a new topic.
FOLLOW_UP_WINDOW = timedelta(hours=12)
UNKNOWN = "unknown"
NOTHING_TO_READ = (
    "No suggestion: nothing to read in the message (a sticker, an emoji, a photo without "
    "a caption or a number alone)."
)
THREAT_NOTE = (
    "⚠ Threat: the shopper mentions a bad review, a chargeback, a lawyer or the authorities. "
    "Handle with care before sending."
)


async def english_view(ctx: Context, text: str, language: str) -> str | None:
    """The message in English for a second reading; None when it is English already, the
    language is unknown, translation is off or it failed (the reason is on the card,
    from the staff translation)."""
    if language in (ENGLISH, "unknown") or not text.strip() or ctx.translator.provider == "none":
        return None
    result = await ctx.translator.translate(text, source=language, target=ENGLISH)
    return result.text if result.ok else None


async def earlier_turn(
    ctx: Context, conversation_id: int, message_id: int, now: datetime
) -> EarlierTurn | None:
    """The conversation's previous shopper message and its intent, if recent."""
    found = await ctx.store.earlier_turn(conversation_id, message_id, now - FOLLOW_UP_WINDOW)
    if found is None:
        return None
    text, intent = found
    return EarlierTurn(text=text, intent=intent)


def reading_notes(ctx: Context, suggestion: Suggestion) -> list[str]:
    """Card notes: why nothing is suggested, the threat flag, and "also asks about" the
    message's other questions."""
    notes = [reason] if (reason := why_no_suggestion(ctx, suggestion)) else []
    notes += [THREAT_NOTE] if THREAT in suggestion.flags else []
    titles = [ctx.engine.intent_info(i).title for i in suggestion.also_asks]
    if titles:
        notes.append("Also asks about: " + "; ".join(titles) + ".")
    return notes


def why_no_suggestion(ctx: Context, suggestion: Suggestion) -> str | None:
    """Why the card has no suggested answer, in words staff act on; None when it has one.

    Either the message has nothing to read (a sticker, an emoji, a photo without a
    caption, an order number alone), or its best reading is not sure enough to be offered
    as the answer to send: the card names the best two readings and the confidence a
    suggestion needs, so staff can pick one with Other answer or write their own (the card's
    buttons say how).
    """
    if suggestion.intent != UNKNOWN:
        return None
    if not suggestion.top:
        return NOTHING_TO_READ
    readings = [f"{ctx.engine.intent_info(i).title} {p:.0%}" for i, p in suggestion.top[:2]]
    return (
        f"No suggestion: not sure enough (best readings: {', '.join(readings)}; "
        f"a suggestion needs {ctx.engine.threshold:.0%})."
    )
