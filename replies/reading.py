"""Reading one shopper message with everything around it, not just its own words.

The classifier ranks intents for a text. A real message needs more than that, and this
module adds it, each step a small, separate idea:

1. **The English translation as a second view.** When the caller has one (a translator
   is configured and answered in time), the translation is classified too and the two
   distributions are averaged: a message the classifier reads poorly in its own language
   (few examples, odd spelling) is often plain in English, and a bad translation is
   outvoted by a clear original.
2. **The conversation** (``_with_context``). "and the other parcel?", "und jetzt?", "还是
   没收到": a follow-up says little on its own, and the classifier, which learned from
   self-contained messages, reads it confidently as something else ("e agora? alguma
   novidade?" alone is a refund question at 0.84). The conversation (the previous shopper
   message and the intent it was answered with) is a prior on what the new message is
   about, combined with the message's own reading as a logarithmic opinion pool:

       reading  ∝  own ** (1 - MESSAGE_DISCOUNT * d)  *  prior ** d

   where ``d = replies.follow_ups.dependence(text)``, from 0 to 1, measures from the
   wording how much the message leans on what came before (short, elliptical, words
   that refer back: "too", "the same", "still", "what about"...). A long message
   without such words (d = 0) is read on its own, however unsure: better no suggestion
   than the previous topic's answer to a new question. The prior keeps a floor
   (``PRIOR_FLOOR``) under every intent, so it can shift a reading by a bounded factor
   only. Two things follow, which a weighted average of probabilities could not give
   both: a message clear on its own keeps its reading, however short, while a message
   that is weak, or only moderately sure of an intent it names nothing of, takes the
   conversation's. To keep its reading against the conversation's intent, the message's
   best intent must be about 60 times likelier than that one at d = 1/2, about 30,000
   times at d = 1 (two words, or "and the other one?"): "paypal ok?" after a delivery
   question is a payment question a million times over, "e agora? alguma novidade?"
   after a tracking question a refund question only some 6,000 times (0.84 against
   0.00014). The weaker the message, the more the prior counts, with no threshold;
   "Tengo un problema con mi pedido" (six words, d = 1/3) after an invoice question
   stays about the order. The pool only shares out the message's question part:
   whether it is a question at all, or an "ok", "thanks", "hi", is the message's own
   to say, and that share is kept. A change of mind ("instead", "statt", "en vez de",
   "代わりに"...) after an order question leans the prior toward changing the order
   (``replies.follow_ups``).
3. **Several questions in one message.** The message is split into sentences; a sentence
   confidently about another intent is reported in ``also`` (the card says "also asks
   about ..."), and when the whole message is too mixed to reach the threshold, its most
   confident sentence leads. A sentence that only hands over a detail ("Mon e-mail :
   x", "Meu pedido é o 66301.", "订单号 12345": ``replies.details``) asks nothing, yet
   its label's words are those of other questions: "je voudrais modifier ma commande
   #10437 : deux tasses au lieu d'une. Mon e-mail : elodie.bernard@example.fr" was read
   as editing the account, not changing the order. Such a sentence is never an
   ``also``, and the message is read without it, in steps 1 and 2 as well, when another
   sentence asks more than a "hi" or "thanks" and the message is read at least as
   surely without it (``_without_details`` says why both).
4. **A shopper waiting for an order asks about that order first** (``replies.waiting``):
   "how long does delivery take? I ordered 12 days ago and nothing" is a late order, and
   "when does my order come? can it go to a Packstation?" leads with tracking and answers
   the delivery option as a further question.
5. **A refund demanded for a problem** ("3 weeks late, I want my money back"): the
   demand leads and the problem is a further question (``replies.demands``).
6. **Threats** (``replies.threats``): a refund demand with a threat of bad reviews, a
   chargeback or a lawyer is flagged ``threat`` for staff, and is never suggested as a
   review request: the review's share goes to the refund or complaint case.
7. **A greeting beside a question** (``replies.greeted``): "こんにちは！注文はいつ届きますか"
   is the question, not a greeting, and the greeting's share is no rival to it.
8. **The linked order's state** (``replies.order_state``): a delivered order is not
   changed before packing (it is exchanged), an order on its way and on time is not lost,
   and for an order past its date "where is it?" and "it's late" are one reading.
9. **A message that only points back** ("ok and the other one?", "das mit dem Ding von
   letzter Woche", "저번에 말씀드린거 어떻게 됐나요?") with no conversation before it names
   no topic (``replies.follow_ups.only_refers_back``): whatever its words resemble is a
   guess (the first read as switching accounts at 0.99, the second as a late order at
   0.97), so it keeps only ``VAGUE_SHARE`` of its reading and is not suggested. With the
   conversation before it, it is a follow-up (step 2) whose own words count only that
   share, so that the conversation's topic decides.

A parcel held at customs is the linked order's own state: a message read confidently as
a customs question keeps that reading beside a sentence saying the order is late, which
step 4 would otherwise put first ("stuck for a week with 'awaiting payment', it was due
on the 28th, do I have to pay?" is about the duties).

    reading = read_message(classifier, "Refund me or I post a 1-star review!", "en")
    reading.ranked[0], reading.flags        # (("get_refund", 0.71), ("threat",))
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from replies.classifier import IntentClassifier
from replies.demands import refund_behind_a_problem
from replies.details import gives_only_a_detail, is_a_label
from replies.features import fold
from replies.follow_ups import changes_mind, dependence, keeps_the_order, only_refers_back
from replies.greeted import greeting_is_no_rival, question_behind_a_greeting
from replies.language import CJK, WORD, has_words, strip_noise
from replies.order_state import LinkedOrder
from replies.threats import threat_words
from replies.waiting import waiting_for_an_order

# How much an elliptical message's own reading is discounted in the pool: at dependence
# 1 it counts (1 - 0.35) as much as a self-contained message's (the classifier learned
# from self-contained messages; its confidence in one that names nothing of its topic
# is overstated). Measured on tests/replies/follow_up_pairs.jsonl (118 pairs, 14
# languages): the 59 follow-ups are read right 55 times without a discount, 57 at 0.1
# to 0.3, 58 at 0.35; every clear new topic keeps its reading up to 0.5, and vague new
# questions ("I have a problem with my order" after an invoice question, 15 languages'
# worth) start to inherit the invoice at 0.4. 0.35 stays on the side of the new
# message, the costlier error.
MESSAGE_DISCOUNT = 0.35
# Every intent keeps this share of the prior, spread evenly: the conversation can make
# an intent at most ~(1 - PRIOR_FLOOR) / (PRIOR_FLOOR / 41) ≈ 780 times likelier, so a
# message clear enough on its own outvotes it (how clear: the module docstring).
PRIOR_FLOOR = 0.05
# Within the context, the open intent (what the conversation is about so far) and the
# previous message's own reading count equally; a change-of-mind word makes changing the
# order this share of the context.
OPEN_INTENT_SHARE = 0.5
CHANGE_OF_MIND_SHARE = 0.5
CHANGE_ORDER = "change_order"
CUSTOMS = "customs_duties"
CANCEL_ORDER = "cancel_order"
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
COMPLAINT = "complaint"
# A "Hi!" or "thanks" beside a question is not another question to answer.
GREETING = "greeting"
NOT_A_QUESTION = (GREETING, "thanks")
# Another sentence's intent is shown as "also asks about" only this confidently, and only
# when the sentence says something beyond contact details: "Email: ana@example.com" or
# "Order #10412" is the shopper identifying themselves, not a second question (an e-mail
# line once read as "edit account"; ``replies.details`` tells such sentences in general).
ALSO_CONFIDENCE = 0.7
ALSO_MIN_WORDS = 2
THREAT = "threat"
# A message that only points back at something said before ("ok and the other one?",
# "das mit dem Ding von letzter Woche"), with no conversation to read it with, keeps
# this share of its own reading, the rest spread evenly: its best readings stay in
# their order on the card, but none is near a confidence a reply is suggested at.
VAGUE_SHARE = 0.1
# Sentences read one by one, at most (a pasted essay is read whole, not line by line).
MAX_SENTENCES = 12
# The least probability taken to a logarithm (the classifier's can underflow to 0).
_TINY = 1e-300
# A Latin full stop, "!" or "?" ends a sentence only before a space: "v.hale@example.com"
# and "3.5" are not three sentences (an e-mail cut at its dots once read as "edit account").
# CJK and Arabic marks end one wherever they stand.
# Where a clause ends, for leaving a threat's clause out of the request.
_CLAUSE = re.compile(r"[,;.!?，。！？、؛،\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？؟])\s*|\n+|;\s*")


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

    def answered(self, answers: Collection[str]) -> list[tuple[str, float]]:
        """``ranked`` as the reply answers it: the shares of the ``also`` intents it
        ``answers`` with a sentence of their own added to the first, and left out as its
        rivals.

        "Where is my order? Also, do you take Klarna?" reads about 0.75 as tracking and
        0.2 as payment methods: two clear questions, not a doubt between two readings.
        Their mix fell below the send threshold although the reply answers both; such a
        reply is right when either is what the shopper asked, so how sure it is is read
        from this ranking (``replies.abstention``). A further question the reply only
        passes on to a colleague (``replies.also.ACKNOWLEDGE``) stays a rival: "siparişim
        nerede? geçen hafta verdim" read as a delay that also asks for tracking is not
        made surer by a promise that someone will look."""
        merged = [intent for intent in self.also if intent in answers]
        if not merged:
            return list(self.ranked)
        together = sum(p for intent, p in self.ranked if intent in merged)
        (first, p), rest = self.ranked[0], self.ranked[1:]
        return [(first, p + together)] + [pair for pair in rest if pair[0] not in merged]

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
    order: LinkedOrder | None = None,
) -> Reading:
    """Read ``text`` (in ``language``) as the module docstring describes; ``order`` is the
    linked order's state, when one is linked."""
    asked, probs = text, _read(classifier, text, language, english, earlier)
    # sentences that only hand over a detail are left out when that reads the message at
    # least as surely and it is then more than a "hi" or "thanks" (``_without_details``)
    rest = _without_details(classifier, text, language)
    if rest is not None:
        in_english = (_without_details(classifier, english, "en") or english) if english else None
        without = _read(classifier, rest, language, in_english, earlier)
        best = int(without.argmax())
        if classifier.intents[best] not in NOT_A_QUESTION and without[best] >= probs.max():
            asked, probs = rest, without
    # so are a formal message's greetings and sign-offs around its request
    rest = _without_small_talk(classifier, asked, language)
    if rest is not None:
        in_english = (
            (_without_small_talk(classifier, english, "en") or english) if english else None
        )
        without = _read(classifier, rest, language, in_english, earlier)
        best, lead = int(without.argmax()), classifier.intents[int(probs.argmax())]
        if classifier.intents[best] not in NOT_A_QUESTION and (
            without[best] >= probs.max() or lead == GREETING
        ):
            asked, probs = rest, without
    probs, also = _sentences(classifier, asked, language, probs, threshold)
    # a greeting in front of a question does not make it a greeting (``replies.greeted``)
    probs = question_behind_a_greeting(classifier, asked, language, probs)
    # a shopper waiting for an order asks about that order first (``replies.waiting``)
    # a parcel held at customs is the linked order's own state, not a general question
    # beside it: "stuck for a week, 'awaiting payment', it was due on the 28th, do I have
    # to pay?" is answered about the duties, its delay as a further question
    held = _held_at_customs(classifier, probs, threshold)
    probs, also = waiting_for_an_order(
        classifier, asked, language, probs, also, threshold, linked=order is not None and not held
    )
    # a refund demanded for a late parcel or a faulty item leads (``replies.demands``)
    demand = refund_behind_a_problem(classifier, asked, language, probs, threshold)
    if demand is not None:
        probs, problem = demand
        also = tuple(dict.fromkeys((*problem, *also)))
    flags: tuple[str, ...] = ()
    found = threat_words(text, language or "en")
    if english:
        found += threat_words(english, "en", also=())
    if found and _mass(classifier, probs, (*THREAT_HOMES, REVIEW)) >= THREAT_SIGNAL:
        flags = (THREAT,)
        probs = _request_behind_the_threat(classifier, probs, text, found, language, threshold)
        probs = _review_is_not_the_answer(classifier, probs)
    if order is not None:  # what the linked order rules out (``replies.order_state``)
        probs, also = order.rule_out(classifier, probs, also)
    probs = greeting_is_no_rival(classifier, asked, language, probs, threshold)
    if _nothing_to_refer_to(earlier) and only_refers_back(text, language):
        # "the other one" with no conversation before it: unclear, whatever its words
        # look like (``replies.follow_ups.only_refers_back``)
        probs, also = _vague(probs), ()
    ranked = classifier.ranked(probs)
    also = tuple(intent for intent in also if intent != ranked[0][0])
    return Reading(ranked=ranked, flags=flags, also=also)


def _held_at_customs(classifier: IntentClassifier, probs: np.ndarray, threshold: float) -> bool:
    """Whether the message as a whole reads confidently as a customs question (a parcel
    held for duties or an identity check), which the linked order's late or tracking
    sentence does not take the lead from (``replies.waiting``)."""
    best = int(probs.argmax())
    return classifier.intents[best] == CUSTOMS and float(probs[best]) >= threshold


def _nothing_to_refer_to(earlier: EarlierTurn | None) -> bool:
    """Whether the conversation gives a message nothing to point back at: no earlier
    message with words and no intent it was answered with."""
    if earlier is None:
        return True
    return not (earlier.text and has_words(earlier.text)) and not earlier.intent


def _read(
    classifier: IntentClassifier,
    text: str,
    language: str | None,
    english: str | None,
    earlier: EarlierTurn | None,
) -> np.ndarray:
    """``text`` read with its English translation and the conversation (steps 1 and 2).

    A message that only points back ("ok and the other one?", step 9) brings nothing of
    its own to the conversation's reading: its words are discounted to ``VAGUE_SHARE``
    before they are pooled with it, or the classifier's guess at "the other one" would
    outvote the conversation."""
    probs = classifier.probabilities(text, language)
    if english and english.strip() and english != text and has_words(english):
        probs = (probs + classifier.probabilities(english, "en")) / 2
    if earlier is not None:
        if not _nothing_to_refer_to(earlier) and only_refers_back(text, language):
            probs = _vague(probs)
        probs = _with_context(classifier, probs, earlier, text, language)
    return probs


def _vague(probs: np.ndarray) -> np.ndarray:
    """``probs`` kept at ``VAGUE_SHARE``, the rest spread evenly (their order kept)."""
    return np.asarray(VAGUE_SHARE * probs + (1 - VAGUE_SHARE) / len(probs))


def _without_details(classifier: IntentClassifier, text: str, language: str | None) -> str | None:
    """``text`` without its sentences that only hand over a detail (the module docstring,
    step 3); None when it has none, or nothing else.

    ``read_message`` reads a message without them only when that reads it at least as
    surely, and as more than a "hi" or "thanks". A message that is only a detail, or a
    detail beside a greeting or thanks alone ("Bonjour. Mon e-mail : x"), is the shopper
    handing over what was asked for: it is read whole, as before (read alone, the greeting
    would be answered, and sent without approval). So is a message read more surely with
    its detail sentences than without them: their label told what the message is about
    ("ragazzi il pacco quando arriva?? ordine 100234": the word for "order" makes it a
    tracking question, 0.93 against 0.50; "still nothing. My order number is 55120" after
    a tracking question). A label that pulls the message elsewhere ("Mon e-mail : x"
    toward the account) only makes the whole less sure. A short request ending in its
    detail ("Please cancel order 55120") is no label (``replies.details.is_a_label``):
    it is read with the rest, and may be an ``also``.
    """
    sentences = _split(text)
    asking = [s for s in sentences if not is_a_label(classifier, s, language)]
    return "\n".join(asking) if asking and len(asking) < len(sentences) else None


def _without_small_talk(
    classifier: IntentClassifier, text: str, language: str | None
) -> str | None:
    """``text`` without its sentences that only greet, thank or sign off; None when it has
    none, or nothing else.

    "お世話になっております。…取っ手が欠けておりました。交換していただけますでしょうか。…
    よろしくお願いいたします。", "Sehr geehrte Damen und Herren, … Mit freundlichen Grüßen":
    a formal or long polite message wraps its request in set phrases whose words are few
    and sure, and read whole it was a greeting, which is sent without approval, or its
    request was outweighed by the courtesies. ``read_message`` reads it without them
    when that reads it as a question, at least as surely as whole, or when whole it
    reads as a greeting (``replies.greeted`` says why a greeting beside a question is
    never the answer). A thank-you the message is read as keeps its reading unless the
    rest is surer: "Thanks so much! It arrived today." is thanks, not a tracking question.
    A greeting beside a detail alone ("Bonjour. Mon e-mail : x") keeps both: the shopper
    is handing over what was asked for, and is read whole (``_without_details``).
    """
    sentences = _split(text)
    asking = [
        s
        for s in sentences
        if classifier.intents[int(classifier.probabilities(s, language).argmax())]
        not in NOT_A_QUESTION
    ]
    if all(gives_only_a_detail(s) for s in asking):
        return None
    return "\n".join(asking) if asking and len(asking) < len(sentences) else None


def _request_behind_the_threat(
    classifier: IntentClassifier,
    probs: np.ndarray,
    text: str,
    found: tuple[str, ...],
    language: str | None,
    threshold: float,
) -> np.ndarray:
    """When a threat's own words make the message read as a complaint or a review, the
    request it backs, read without them, if that is a refund or problem case read
    confidently; otherwise ``probs`` as they are.

    Only then: a message already read as the refund it asks for keeps that reading (read
    without its threat, "if you don't refund me ... " can look like a policy question), and
    a request read doubtfully alone ("马上退款") is no better than the whole message.
    """
    if classifier.intents[int(probs.argmax())] not in (COMPLAINT, REVIEW):
        return probs
    request = classifier.probabilities(without_threat(text, found), language)
    best = classifier.intents[int(request.argmax())]
    if best in THREAT_HOMES and best != COMPLAINT and request.max() >= threshold:
        return request
    return probs


def without_threat(text: str, found: tuple[str, ...]) -> str:
    """What the shopper asks for, without the threat they back it with (folded text).

    A threat is leverage, not the request: in "I want my money back, or I'm going to
    Procon and Reclame Aqui" the complaint words of the threat would outvote the refund,
    so ``_request_behind_the_threat`` reads what is left.
    The clauses holding a threat word are left out; when every clause holds one, the
    threat words alone are.
    """
    folded = fold(text)
    clauses = [c for c in _CLAUSE.split(folded) if has_words(c)]
    kept = [c for c in clauses if not any(word in c for word in found)]
    if kept:
        return " ".join(kept)
    for word in found:
        folded = folded.replace(word, " ")
    return folded


def _with_context(
    classifier: IntentClassifier,
    probs: np.ndarray,
    earlier: EarlierTurn,
    text: str,
    language: str | None,
) -> np.ndarray:
    """``probs`` pooled with the conversation's reading (the module docstring, step 2)."""
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
    probs = _taking_back_a_cancellation(classifier, probs, context, text, language)
    if CHANGE_ORDER in classifier.intents and changes_mind(text, language):
        change = np.zeros_like(probs)
        change[classifier.intents.index(CHANGE_ORDER)] = 1.0
        context = (1 - CHANGE_OF_MIND_SHARE) * context + CHANGE_OF_MIND_SHARE * change
    prior = (1 - PRIOR_FLOOR) * context + PRIOR_FLOOR / len(context)
    leaning = dependence(text, language)
    own = 1.0 - MESSAGE_DISCOUNT * leaning
    log_pool = own * np.log(np.maximum(probs, _TINY)) + leaning * np.log(prior)
    pooled = np.exp(log_pool - log_pool.max())
    # the conversation tells which question a follow-up asks, not whether the shopper is
    # just saying "ok", "thanks" or "hi": small talk keeps its own share of the message
    questions = np.ones_like(probs, dtype=bool)
    questions[small_talk] = False
    out = probs.copy()
    out[questions] = pooled[questions] / pooled[questions].sum() * probs[questions].sum()
    return np.asarray(out)


def _taking_back_a_cancellation(
    classifier: IntentClassifier,
    probs: np.ndarray,
    context: np.ndarray,
    text: str,
    language: str | None,
) -> np.ndarray:
    """After a cancel request, a message that takes the cancellation back ("don't cancel
    after all, just make it navy", "やっぱりキャンセルやめて…") reads as a cancellation by its
    words; it is the order being changed instead. Long or short, its cancel reading
    becomes ``change_order`` (``replies.follow_ups.KEEPS_THE_ORDER``; "actually, cancel
    it" is a change of mind too, but keeps the cancellation).
    """
    intents = classifier.intents
    if CANCEL_ORDER not in intents or CHANGE_ORDER not in intents:
        return probs
    cancel, change = intents.index(CANCEL_ORDER), intents.index(CHANGE_ORDER)
    if int(context.argmax()) != cancel or int(probs.argmax()) != cancel:
        return probs
    if not keeps_the_order(text, language):
        return probs
    return _move_confidence(probs, cancel, change)


def _sentences(
    classifier: IntentClassifier,
    text: str,
    language: str | None,
    probs: np.ndarray,
    threshold: float,
) -> tuple[np.ndarray, tuple[str, ...]]:
    """(the distribution to use, intents other sentences confidently ask about)."""
    sentences = _split(text)
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
            and not is_a_label(classifier, sentence, language)
        )
    )
    return probs, also


def _split(text: str) -> list[str]:
    """The sentences of ``text`` that have words."""
    return [s for s in _SENTENCE_END.split(text) if s and has_words(s)]


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
    return _move_confidence(probs, review, home)


def _move_confidence(probs: np.ndarray, source: int, target: int) -> np.ndarray:
    """``probs`` with intent ``source``'s confidence given to intent ``target``."""
    moved = probs.copy()
    moved[target] += moved[source]
    moved[source] = 0.0
    return moved
