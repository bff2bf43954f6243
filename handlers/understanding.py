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

The card then shows a threat flag and the other questions of a message with several.
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
    """Card notes: the threat flag, and "also asks about" the message's other questions."""
    notes = [THREAT_NOTE] if THREAT in suggestion.flags else []
    titles = [ctx.engine.intent_info(i).title for i in suggestion.also_asks]
    if titles:
        notes.append("Also asks about: " + "; ".join(titles) + ".")
    return notes
