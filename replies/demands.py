"""A refund demanded inside a problem report: the demand leads, the problem is answered too.

"It's been 3 weeks and my order still hasn't shown up. I want my money back." reports a
late order and demands the money back. Read whole, the delay's words outvote the demand
(``delivery_delay``; "siparişim gelmedi, paramı iade edin" even read as ``track_order``):
the reply then says "we're checking where it is" and ignores what the shopper asked for,
and staff see a tracking question. The demand is what staff must act on, so:

- each clause of the message is read on its own; a clause read as ``get_refund`` almost
  surely (``DEMAND_CONFIDENCE``) is a refund demand ("je veux être remboursé", "verin
  paramı");
- when the message also reports a problem, as its best reading or in another clause
  (a late, lost or undelivered parcel, a faulty, damaged, wrong or missing item: the
  problems' share of the clause at the reading's threshold, "il phon si è rotto" being
  half a defect and half damage), the reading leads with the refund, the problem's share
  (and that of the other refund readings, ``SAME_DEMAND``) moves to it, and the problem
  becomes a further question (``also``). The reply then answers the demand and
  acknowledges the problem with that intent's ``also`` sentence ("We're sorry your order
  is running late ..."), and the suggestion is a problem report for the problem's
  department (``replies.engine``), flagged to staff as what it is.

A tracking question that comes with a refund demand is a delay: the shopper says it has
not come. A refund question about a return already sent ("I sent it back, where is my
money?") is read as ``track_refund`` and is no demand here.

    probs, also = refund_behind_a_problem(classifier, text, "fr", probs, 0.5) or (probs, ())
"""

from __future__ import annotations

import re

import numpy as np

from replies.classifier import IntentClassifier
from replies.language import has_words

REFUND = "get_refund"
# Once a clause demands the money back, the message's other refund readings (where a
# refund is, what the refund policy says) are the same demand read less well.
SAME_DEMAND = ("track_refund", "check_refund_policy")
# A problem a refund is demanded for -> the intent the reply acknowledges it as.
PROBLEMS = {
    "delivery_delay": "delivery_delay",
    "track_order": "delivery_delay",
    "lost_package": "lost_package",
    "product_defect": "product_defect",
    "damaged_item": "damaged_item",
    "wrong_item": "wrong_item",
    "missing_item": "missing_item",
}
# How surely a clause must read as a refund demand. Demands read so at 0.99 or more in
# every language ("verin paramı", "我要退款", "je veux être remboursé"); an exchange
# ("交換してほしい", 0.87) or a scrap of a sentence ("o porteiro também não", 0.93) less.
DEMAND_CONFIDENCE = 0.95
# Where a clause ends: sentence marks, commas, semicolons and line breaks in every script.
_CLAUSE = re.compile(r"[,;.!?，。！？、؛،؟\n]+")


def clauses(text: str) -> list[str]:
    """The clauses of ``text`` that have words."""
    return [c.strip() for c in _CLAUSE.split(text) if has_words(c)]


def refund_behind_a_problem(
    classifier: IntentClassifier,
    text: str,
    language: str | None,
    probs: np.ndarray,
    threshold: float,
) -> tuple[np.ndarray, tuple[str, ...]] | None:
    """``(probs, also)`` for a refund demanded for a problem (the module docstring): the
    problems' shares moved to the refund, and the problem the reply acknowledges; None
    when the message is not such a demand."""
    intents = classifier.intents
    if REFUND not in intents:
        return None
    parts = clauses(text)
    if len(parts) < 2:
        return None
    known = [intent for intent in PROBLEMS if intent in intents]
    lead = intents[int(probs.argmax())]
    found = [lead] if lead in PROBLEMS else []
    demanded = False
    for clause in parts:
        own = classifier.probabilities(clause, language)
        best = intents[int(own.argmax())]
        if best == REFUND:
            demanded = demanded or own.max() >= DEMAND_CONFIDENCE
            continue
        # a clause that surely reports a problem, if not surely which: "il phon si è rotto"
        # reads about half a defect and half damage
        shares = {intent: float(own[intents.index(intent)]) for intent in known}
        if sum(shares.values()) >= threshold:
            found.append(max(shares, key=lambda intent: shares[intent]))
    if not demanded or not found:
        return None
    moved = probs.copy()
    refund = intents.index(REFUND)
    for intent in (*PROBLEMS, *SAME_DEMAND):
        if intent in intents:
            moved[refund] += moved[intents.index(intent)]
            moved[intents.index(intent)] = 0.0
    problem = PROBLEMS[found[0]]
    return moved, (problem,) if problem in intents else ()
