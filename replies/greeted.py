"""A greeting beside a question: the question is what the message asks.

"السلام عليكم، كم سعر الشحن؟", "こんにちは！注文はいつ届きますか", "안녕하세요~ 무통장입금 되나요?":
shoppers open with a greeting, often glued to the question by a comma, a tilde or an
exclamation mark, so the message is one sentence. The words of a greeting are few and
sure, a question's many and spread over several intents, so the classifier read such
messages as greetings (0.72-0.99), and a greeting's answer is sent without approval: the
shopper was greeted back and their question left. Where the question won, the greeting's
share still stood beside it as a runner-up, a doubt between two answers that held the
reply back (an Arabic cash-on-delivery question at 0.66 against a greeting's 0.29, in the
second blind sendability check). Two small corrections of the reading
(``replies.reading``) follow:

- ``question_behind_a_greeting``: a message read as a greeting whose other clause is not
  small talk is read as that clause;
- ``greeting_is_no_rival``: a question read at the threshold takes the share of a
  greeting or thanks said beside it.

    probs = question_behind_a_greeting(classifier, text, "ar", probs)
    ranked = classifier.ranked(greeting_is_no_rival(classifier, text, "ar", probs, 0.5))
"""

from __future__ import annotations

import re

import numpy as np

from replies.classifier import IntentClassifier
from replies.details import is_a_label
from replies.language import has_words

GREETING = "greeting"
# A greeting or thanks: said beside a question, never a question of its own.
SMALL_TALK = ("greeting", "thanks")
# The least share of a greeting or thanks that counts as one said beside a question.
SMALL_TALK_SHARE = 0.1
# Where a greeting may end ("안녕하세요~ 무통장입금 되나요?" has no other mark): a Latin mark
# or tilde before a space (not the dots of "elodie.bernard@example.fr"), CJK and Arabic
# marks anywhere.
_CLAUSE = re.compile(r"[,;.!?~～]+(?=\s|$)|[，。！？、؛،؟～\n]+")


def question_behind_a_greeting(
    classifier: IntentClassifier, text: str, language: str | None, probs: np.ndarray
) -> np.ndarray:
    """A message read as a greeting that says more than a greeting: the reading of what
    else it says.

    "السلام عليكم، هل يوجد دفع عند الاستلام؟" (a greeting, a comma, the question) read 0.99
    as a greeting, and "こんにちは！注文はいつ届きますか" 0.98: the words of a greeting are
    few and sure, a question's many and spread over several intents. A greeting's answer
    is sent without approval, so the shopper was greeted back and their question left.
    When the message reads best as a greeting and one of its clauses, read alone, is not
    small talk, the most confident such clause is the reading: the question when it is
    clear, and when it is not ("السلام عليكم، كم سعر الشحن للرياض؟": no intent above 0.15)
    no suggestion rather than a greeting. A message of greetings alone ("hello, good
    morning") stays a greeting, so does a greeting beside a detail the shopper hands over
    ("Bonjour. Mon e-mail : x", ``replies.details``), and a "thanks" is not touched
    ("thanks, got it today")."""
    intents = classifier.intents
    if intents[int(probs.argmax())] != GREETING:
        return probs
    best: np.ndarray | None = None
    for clause in _clauses(text):
        if is_a_label(classifier, clause, language):
            continue  # "Bonjour. Mon e-mail : x" hands over what was asked for
        own = classifier.probabilities(clause, language)
        if intents[int(own.argmax())] in SMALL_TALK:
            continue
        if best is None or own.max() > best.max():
            best = own
    return probs if best is None else best


def greeting_is_no_rival(
    classifier: IntentClassifier,
    text: str,
    language: str | None,
    probs: np.ndarray,
    threshold: float,
) -> np.ndarray:
    """A message read as a question, with a greeting or thanks beside it: their share goes
    to the question.

    "السلام عليكم، عندكم دفع عند الاستلام ولا لازم بطاقة؟" reads 0.66 as a payment-method
    question and 0.29 as a greeting: the greeting is no other answer the shopper might
    want (it is said beside the question, not instead of it), yet as a runner-up it made
    the reading look like a doubt between two answers and the engine abstained on a
    plain question. Only a question read at the ``threshold`` takes the share, and only a
    share that says a greeting is there (``SMALL_TALK_SHARE``): a message the classifier
    knows nothing of spreads a little over every intent, greetings included, and must
    stay as unsure as it is. A message read best as a greeting or thanks keeps its
    reading, and so does one that hands over a detail ("Bonjour. Mon e-mail : x" reads
    partly as editing the account by its label's words: made surer, that reading would
    be sent to a shopper who only answered what was asked, ``replies.details``)."""
    intents = classifier.intents
    best = int(probs.argmax())
    if intents[best] in SMALL_TALK or probs[best] < threshold:
        return probs
    if any(is_a_label(classifier, clause, language) for clause in _clauses(text)):
        return probs
    moved = probs.copy()
    for intent in SMALL_TALK:
        if intent in intents and probs[intents.index(intent)] >= SMALL_TALK_SHARE:
            moved[best] += moved[intents.index(intent)]
            moved[intents.index(intent)] = 0.0
    return moved


def _clauses(text: str) -> list[str]:
    """The clauses of ``text`` that have words (``_CLAUSE``)."""
    return [clause for clause in _CLAUSE.split(text) if has_words(clause)]
