"""The shopper's answer to the rating question, recognised where their messages arrive.

A message that reads as a rating (``handlers.ratings.reading``: "5", "4 muy bien", "⭐⭐⭐")
and comes within ``ANSWER_WINDOW`` of the conversation's unanswered question is recorded
as its answer, once. A good or middling one (3-5) needs no card: staff read it, comment
and all, under the conversation's card. A low one (1-2) is a follow-up for staff: the
message goes on to become a card as usual, its note saying what it is, so someone acts on
the comment. Anything else, or a number long after the question, is a normal message::

    rated = await take_rating_answer(ctx, message, conversation_id, message_id)
    if rated is not None and not rated.follow_up:
        ...  # recorded: no card needed
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.context import Context
from bot.models import InboundMessage, MessageKind
from bot.storage.ratings import LOW_RATING
from handlers.notes import note_for_staff
from handlers.ratings.reading import Reading, read_rating

# how long after the question a bare number is still its answer
ANSWER_WINDOW = timedelta(days=3)


@dataclass(frozen=True)
class RatingAnswer:
    """A message recorded as the answer to the rating question."""

    reading: Reading

    @property
    def follow_up(self) -> bool:
        """A low rating: the message becomes a card for staff to act on."""
        return self.reading.score <= LOW_RATING

    @property
    def note(self) -> str:
        """What staff read about it: under the card, or on the follow-up card."""
        said = f": “{self.reading.comment}”" if self.reading.comment else " (no comment)"
        head = f"The shopper rated the help {self.reading.score}/5{said}."
        if self.follow_up:
            return f"{head} A low rating: follow up with them."
        return f"{head} Nothing to answer."


async def take_rating_answer(
    ctx: Context, message: InboundMessage, conversation_id: int, message_id: int
) -> RatingAnswer | None:
    """Record ``message`` as the answer to its conversation's rating question if it is one
    (see the module's docstring); None when it is a normal message. Handled again after
    a crash, the same message finds its own answer and records it again, unchanged."""
    if message.kind not in (MessageKind.TEXT, MessageKind.COMMAND):
        return None
    reading = read_rating(message.text)
    if reading is None:
        return None
    received = message.received_at
    rating = await ctx.store.open_rating(
        conversation_id, asked=(received - ANSWER_WINDOW, received), message_id=message_id
    )
    if rating is None:
        return None  # never asked, asked long ago or after it was written, answered already
    answer = RatingAnswer(reading)
    await ctx.store.record_rating(
        rating.id, reading.score, reading.comment, message_id=message_id, at=message.received_at
    )
    conversation = await ctx.store.conversation(conversation_id)
    if not answer.follow_up and conversation.card is not None:
        # keyed: the same message handled again after a crash tells staff once
        key = f"rating-note:{message_id}"
        await note_for_staff(ctx, conversation_id, conversation.card, answer.note, key=key)
    return answer
