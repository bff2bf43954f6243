"""Reading one shopper message with everything around it, not just its own words.

The classifier ranks intents for a text. A real message needs more than that, and this
module adds it, each step a small, separate idea:

1. **The English translation as a second view.** When the caller has one (a translator
   is configured and answered in time), the translation is classified too and the two
   distributions are averaged: a message the classifier reads poorly in its own language
   (few examples, odd spelling) is often plain in English, and a bad translation is
   outvoted by a clear original.
2. **The conversation.** "and the other parcel?", "lieber in Blau statt Rot": a
   follow-up says little on its own. When the new message is too weak to be suggested,
   the previous shopper message and the conversation's open intent are mixed in, damped:
   the weaker the new message, the more the context counts; a message clear on its own
   (a "thanks", "send the green one instead") is left alone. A change of mind ("instead",
   "statt", "en vez de", "代わりに"...) after an order question is a small prior toward
   changing the order (``replies.follow_ups``), never a rule.
3. **Several questions in one message.** The message is split into sentences; a sentence
   confidently about another intent is reported in ``also`` (the card says "also asks
   about ..."), and when the whole message is too mixed to reach the threshold, its most
   confident sentence leads.
4. **Threats** (``replies.threats``): a refund demand with a threat of bad reviews, a
   chargeback or a lawyer is flagged ``threat`` for staff, and is never suggested as a
   review request: the review's share goes to the refund or complaint case.

    reading = read_message(classifier, "Refund me or I post a 1-star review!", "en")
    reading.ranked[0], reading.flags        # (("get_refund", 0.71), ("threat",))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from bot.language import CJK, WORD, has_words, strip_noise
from replies.classifier import IntentClassifier
from replies.follow_ups import changes_mind
from replies.threats import threat_words

# How much the context counts for a new message too weak to be suggested, whose best
# confidence is c: CONTEXT_WEIGHT * (1 - c). A message with nothing recognisable (c near
# 1/41) takes most of its reading from the conversation, one at c = 0.45 less than half.
CONTEXT_WEIGHT = 0.8
# Within the context, the open intent (what the conversation is about so far) and the
# previous message's own reading count equally; a change-of-mind word makes changing the
# order this share of the context.
OPEN_INTENT_SHARE = 0.5
CHANGE_OF_MIND_SHARE = 0.5
CHANGE_ORDER = "change_order"
# A threat is flagged only when the classifier also hears a complaint: this much of its
# confidence on the intents a threat belongs to (refunds, complaints, problems, reviews).
THREAT_SIGNAL = 0.25
THREAT_HOMES = (
    "get_refund",
    "complaint",
    "return_item",
    "track_refund",
    "cancel_order",
    "damaged_item",
    "wrong_item",
    "missing_item",
    "lost_package",
    "delivery_delay",
    "product_defect",
    "payment_issue",
    "contact_human_agent",
)
# What a threat is when the classifier took it for a review request.
THREAT_INSTEAD_OF_REVIEW = ("get_refund", "complaint")
REVIEW = "review"
# A "Hi!" or "thanks" beside a question is not another question to answer.
NOT_A_QUESTION = ("greeting", "thanks")
# Another sentence's intent is shown as "also asks about" only this confidently, and only
# when the sentence says something beyond contact details: "Email: ana@example.com" or
# "Order #10412" is the shopper identifying themselves, not a second question (an e-mail
# line once read as "edit account").
ALSO_CONFIDENCE = 0.7
ALSO_MIN_WORDS = 2
THREAT = "threat"
# Sentences read one by one, at most (a pasted essay is read whole, not line by line).
MAX_SENTENCES = 12
_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])\s*|\n+|;\s*")


@dataclass(frozen=True)
class EarlierTurn:
    """What the conversation was about before this message: the shopper's previous
    message and the intent staff answered (or the engine suggested), either may be None."""

    text: str | None = None
    intent: str | None = None


@dataclass(frozen=True)
class Reading:
    """The intents of one message, best first with calibrated confidences; ``flags`` for
    staff (``"threat"``) and ``also``: other intents the same message asks about."""

    ranked: list[tuple[str, float]]
    flags: tuple[str, ...] = ()
    also: tuple[str, ...] = ()

    def top(self, count: int = 3) -> tuple[tuple[str, float], ...]:
        """The ``count`` best intents, keeping every ``also`` intent among them."""
        kept = [pair for pair in self.ranked if pair[0] in self.also][: count - 1]
        rest = [pair for pair in self.ranked if pair not in kept][: count - len(kept)]
        return tuple(sorted(rest + kept, key=lambda pair: -pair[1]))


def read_message(
    classifier: IntentClassifier,
    text: str,
    language: str | None,
    *,
    english: str | None = None,
    earlier: EarlierTurn | None = None,
    threshold: float = 0.5,
) -> Reading:
    """Read ``text`` (in ``language``) as the module docstring describes."""
    probs = classifier.probabilities(text, language)
    if english and english.strip() and english != text and has_words(english):
        probs = (probs + classifier.probabilities(english, "en")) / 2
    if earlier is not None and probs.max() < threshold:
        probs = _with_context(classifier, probs, earlier, text, language)
    probs, also = _sentences(classifier, text, language, probs, threshold)
    flags: tuple[str, ...] = ()
    found = threat_words(text, language or "en")
    if english:
        found += threat_words(english, "en", also=())
    if found and _mass(classifier, probs, (*THREAT_HOMES, REVIEW)) >= THREAT_SIGNAL:
        flags = (THREAT,)
        probs = _review_is_not_the_answer(classifier, probs)
    ranked = classifier.ranked(probs)
    also = tuple(intent for intent in also if intent != ranked[0][0])
    return Reading(ranked=ranked, flags=flags, also=also)


def _with_context(
    classifier: IntentClassifier,
    probs: np.ndarray,
    earlier: EarlierTurn,
    text: str,
    language: str | None,
) -> np.ndarray:
    """``probs`` mixed with the conversation's reading, the more the weaker ``probs`` is."""
    parts: list[np.ndarray] = []
    small_talk = [classifier.intents.index(i) for i in NOT_A_QUESTION if i in classifier.intents]
    if earlier.text and has_words(earlier.text):
        previous = classifier.probabilities(earlier.text, language)
        if int(previous.argmax()) not in small_talk:  # a "hi" is no topic to continue
            parts.append(previous)
    if earlier.intent in classifier.intents and earlier.intent not in NOT_A_QUESTION:
        one_hot = np.zeros_like(probs)
        one_hot[classifier.intents.index(earlier.intent)] = 1.0
        parts.append(one_hot)
    if not parts:
        return probs
    if len(parts) == 2:
        context = (1 - OPEN_INTENT_SHARE) * parts[0] + OPEN_INTENT_SHARE * parts[1]
    else:
        context = parts[0]
    if CHANGE_ORDER in classifier.intents and changes_mind(text, language):
        change = np.zeros_like(probs)
        change[classifier.intents.index(CHANGE_ORDER)] = 1.0
        context = (1 - CHANGE_OF_MIND_SHARE) * context + CHANGE_OF_MIND_SHARE * change
    weight = CONTEXT_WEIGHT * (1.0 - float(probs.max()))
    return np.asarray((1 - weight) * probs + weight * context)


def _sentences(
    classifier: IntentClassifier,
    text: str,
    language: str | None,
    probs: np.ndarray,
    threshold: float,
) -> tuple[np.ndarray, tuple[str, ...]]:
    """(the distribution to use, intents other sentences confidently ask about)."""
    sentences = [s for s in _SENTENCE_END.split(text) if s and has_words(s)]
    if not 2 <= len(sentences) <= MAX_SENTENCES:
        return probs, ()
    confident: list[tuple[tuple[float, str, np.ndarray], str]] = []
    for sentence in sentences:
        own = classifier.probabilities(sentence, language)
        best = int(own.argmax())
        if own[best] >= threshold:
            confident.append(((float(own[best]), classifier.intents[best], own), sentence))
    # a "hi!" or "thanks!" beside a question never leads: it would be answered (greetings
    # are sent without approval) instead of the question
    leaders = [c for c in confident if c[0][1] not in NOT_A_QUESTION]
    if probs.max() < threshold and leaders:
        probs = max(leaders, key=lambda c: c[0][0])[0][2]
    lead = classifier.intents[int(probs.argmax())]
    also = tuple(
        dict.fromkeys(
            intent
            for (confidence, intent, _), sentence in confident
            if intent != lead
            and intent not in NOT_A_QUESTION
            and confidence >= ALSO_CONFIDENCE
            and _says_something(sentence)
        )
    )
    return probs, also


def _says_something(sentence: str) -> bool:
    """More than a label and a contact detail: two words besides e-mails, links and
    numbers, or any run of Chinese, Japanese or Korean (whole words in few characters)."""
    words = WORD.findall(strip_noise(sentence))
    return len(words) >= ALSO_MIN_WORDS or any(re.match(f"[{CJK}]", word) for word in words)


def _mass(classifier: IntentClassifier, probs: np.ndarray, intents: tuple[str, ...]) -> float:
    return float(
        sum(probs[classifier.intents.index(i)] for i in intents if i in classifier.intents)
    )


def _review_is_not_the_answer(classifier: IntentClassifier, probs: np.ndarray) -> np.ndarray:
    """A threat led by ``review``: the review's confidence goes to the likelier of the
    refund and the complaint case (a threat of a bad review is not a wish to write one)."""
    intents = classifier.intents
    homes = [intents.index(i) for i in THREAT_INSTEAD_OF_REVIEW if i in intents]
    if REVIEW not in intents or not homes or intents[int(probs.argmax())] != REVIEW:
        return probs
    review = intents.index(REVIEW)
    home = max(homes, key=lambda i: probs[i])
    moved = probs.copy()
    moved[home] += moved[review]
    moved[review] = 0.0
    return moved
