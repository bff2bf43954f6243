"""A shopper waiting for an order asks about that order first.

Two readings follow, both about a message that asks a general question beside one about
the shopper's own order or payment.

**A delivery-time question from a shopper whose order is late is a late order.**

"How long does delivery take? I ordered 12 days ago and it still isn't here." opens with
the words of a delivery-time question (``delivery_period``), and read whole, those words
win: the reply then says how long delivery takes in general, "if you have already
ordered, we can tell you the estimate", to someone whose order is overdue by their own
account, without a word about the wait. The question is not what they want to know; the
parcel that has not come is. So when the message reads as a delivery-time question and
one of its clauses, read on its own, is a late order (``delivery_delay`` at the reading's
threshold), the delay leads: the delivery-time share of the reading moves to it, and the
reply is the late order's (sorry for the wait; we check with the carrier or the
warehouse). The delivery-time question adds nothing as a further question: how long the
order takes is what the late order's answer is about.

A message read as a delay already keeps its reading, but its delivery-time sentence is no
further question either ("大阪まで何日で届きますか？もう2週間待っているのにまだ届きません"
would get the general delivery times joined to the late order's answer). A
delivery-time question beside a clause that is not a delay ("How long to Vienna? And can
I pay with Klarna?") is not touched.

**Where or when the order arrives leads over a general question beside it.** "When does
my order come? And can it go to a pick-up point?" asks about one order and about a
delivery option. Read whole, the option's distinctive words ("Packstation", "point
relais", "快递柜") often win, and the reply explains delivery options with the order's
own question only passed on to a colleague: tracking has no short ``also`` sentence (its
answer is the order's carrier, number and date, which a sentence joined to another
answer cannot hold), while the general questions have one. So when a sentence asks
confidently where the order is (``track_order`` in ``also``), the message as a whole
reads partly so too (``TRACKING_SHARE``), and it reads best as one of the general
questions (``GENERAL``: delivery options or times, payment methods, customs), tracking
leads and the general question becomes the further question; the reply is the order's
answer with the general question's sentence joined to it, and answers both. The share
keeps out a sentence the classifier alone took for tracking: in "vcs parcelam em 10x? e
Pix tem desconto? tb queria saber se tem o tênis no 40" the last sentence reads as
tracking at 0.87, but the message led by its payment question gives tracking nothing.

A failed payment is the shopper's own matter in the same way (``OWN``): "the card payment
keeps failing, can I pay by bank transfer instead?" leads with the payment problem
(sorry, what to check, the team looks at it) and answers the bank transfer with the
payment methods' sentence; led by the methods, the failed payment was only passed on to
a colleague, and the doubt between the two readings held the reply back.

With an order linked to the shopper, a sentence that asks confidently where it is, or
says it is late, is about that order however little of the whole message it weighs:
"где мой заказ? … и можно, чтобы курьер позвонил?" read as the delivery option 0.94, the
order's own question 0.02, and the order's tracking was not answered (``linked``).

    probs, also = waiting_for_an_order(classifier, text, "es", probs, also, 0.5)
"""

from __future__ import annotations

import numpy as np

from replies.classifier import IntentClassifier
from replies.demands import clauses

QUESTION = "delivery_period"
LATE = "delivery_delay"
TRACKING = "track_order"
# Questions about the shopper's own order or payment, whose answers a sentence joined to
# another answer cannot hold (the order's carrier, number and date; what went wrong).
OWN = (TRACKING, "payment_issue")
# General questions, each answered in a sentence when it is a further question, that a
# question about the shopper's own order leads over.
GENERAL = ("delivery_options", "delivery_period", "check_payment_methods", "customs_duties")
# The least share of the message's reading the own question must have to lead: "Где мой
# заказ 71204? И можно забрать его из постамата?" gives tracking 0.15 beside delivery
# options' 0.75.
TRACKING_SHARE = 0.15


def waiting_for_an_order(
    classifier: IntentClassifier,
    text: str,
    language: str | None,
    probs: np.ndarray,
    also: tuple[str, ...],
    threshold: float,
    *,
    linked: bool = False,
) -> tuple[np.ndarray, tuple[str, ...]]:
    """``(probs, also)`` with the late order leading when a delivery-time question comes
    from a shopper who says their order is late (the module docstring); unchanged
    otherwise. ``linked``: an order is linked to the shopper."""
    late = _late_order(classifier, text, language, probs, also, threshold)
    if late is not None:
        return late
    if linked:
        return _order_first(classifier, probs, also, (TRACKING, LATE, *OWN[1:]), 0.0)
    return _order_first(classifier, probs, also, OWN, TRACKING_SHARE)


def _late_order(
    classifier: IntentClassifier,
    text: str,
    language: str | None,
    probs: np.ndarray,
    also: tuple[str, ...],
    threshold: float,
) -> tuple[np.ndarray, tuple[str, ...]] | None:
    """The late order leading a delivery-time question (the module docstring), or None."""
    intents = classifier.intents
    if QUESTION not in intents or LATE not in intents:
        return None
    question, late = intents.index(QUESTION), intents.index(LATE)
    lead = int(probs.argmax())
    # read as a delay already, with a delivery-time sentence: its share and sentence go too
    if not (lead == late and QUESTION in also):
        if lead != question:
            return None
        if LATE not in also and not any(
            float(classifier.probabilities(part, language)[late]) >= threshold
            for part in clauses(text)
        ):
            return None
    moved = probs.copy()
    moved[late] += moved[question]
    moved[question] = 0.0
    return moved, tuple(intent for intent in also if intent not in (LATE, QUESTION))


def _order_first(
    classifier: IntentClassifier,
    probs: np.ndarray,
    also: tuple[str, ...],
    owns: tuple[str, ...],
    share: float,
) -> tuple[np.ndarray, tuple[str, ...]]:
    """The shopper's own question (``owns``) leads over a general one beside it, when the
    message as a whole reads as it by at least ``share`` (the module docstring)."""
    intents = classifier.intents
    lead = intents[int(probs.argmax())]
    if lead not in GENERAL:
        return probs, also
    for own in owns:
        if own not in also or own not in intents:
            continue
        first, second = intents.index(own), intents.index(lead)
        if probs[first] < share:
            continue
        swapped = probs.copy()
        swapped[first], swapped[second] = probs[second], probs[first]
        return swapped, (lead, *(intent for intent in also if intent != own))
    return probs, also
