"""The suggestion engine: what is this message about, and what do we answer?

It puts together language detection (``replies.language``), the answer library
(``replies.library``), the intent classifier (``replies.classifier``), variable filling
(``replies.render``), cross-border facts (``replies.facts``) and the store's own name
and hours (``replies.store``). Built once at startup; ``learn`` takes staff decisions into
account without a restart.

Which wording of an answer is used depends on the order facts in ``variables``
(``replies.situations``): an answer about an order never describes a shipment nobody
looked up; without a linked order it asks for the order number and the checkout e-mail or
phone, and the suggestion's ``asks_for`` says so.

    engine = SuggestionEngine.load(languages=["en", "es", "de"])
    s = engine.suggest("¿Dónde está mi pedido?", variables={"shopper_name": "Ana"})
    s.language, s.intent, s.confidence, s.reply
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from bot.calendar.countries import single_zone
from bot.models import IntentChoice, Suggestion
from replies.abstention import Abstention, load_abstention
from replies.addressing import addressed
from replies.also import (
    LATE_ORDER,
    SHIPMENT_PROBLEMS,
    WHEREABOUTS,
    also_templates,
    join,
    names_topic,
    with_late_order,
)
from replies.calibration import load_temperatures
from replies.classifier import DEFAULT_TEMPERATURE, IntentClassifier
from replies.defect_or_damage import defect_not_damage
from replies.facts.apologies import REPORTED_PROBLEM
from replies.facts.fill import fact_variables, order_overdue, prepare, where_is_shopper
from replies.facts.given import shopper_gave
from replies.facts.placed import no_order_yet
from replies.language import (
    UNKNOWN,
    LanguageDetector,
    has_words,
    make_detector,
    normalize_code,
)
from replies.library import DEFAULT_LIBRARY_DIR, IntentSpec, load_library
from replies.model_cache import ModelCache, model_key
from replies.order_state import DELIVERED, LinkedOrder
from replies.parcel_status import PARCEL_INTENTS, RETURNED, parcel_reply, parcel_state
from replies.reading import EarlierTurn, read_message
from replies.receipt import receipt_values
from replies.render import render
from replies.salaam import returned_salaam
from replies.situations import NO_ORDER_YET, asks_for, order_situation
from replies.store import StoreDetails, hours_country
from replies.variants import REPLY_LOCALE, Variant, load_variants

logger = logging.getLogger(__name__)

# Below this confidence the engine abstains ("no confident suggestion") when it has no
# realistic-message confidence (``replies.abstention``: a store's own library, or no
# ``abstention.json``); calibrated with bench/intent_bench.py on held-out library
# examples. With the built-in library the threshold fitted with that confidence is used.
# The reading (several sentences, threats) keeps deciding on the classifier's softmax
# with this value either way.
DEFAULT_THRESHOLD = 0.5
FALLBACK_LANGUAGE = "en"


class SuggestionEngine:
    """Classifies shopper messages and renders the matching answer in their language."""

    def __init__(
        self,
        library: Mapping[str, IntentSpec],
        classifier: IntentClassifier,
        detector: LanguageDetector,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        store: StoreDetails | None = None,
        abstention: Abstention | None = None,
        variants: Mapping[str, Variant] | None = None,
    ) -> None:
        self.library = dict(library)
        self.classifier = classifier
        self.detector = detector
        self.threshold = threshold
        self.store = store or StoreDetails()
        self.abstention = abstention
        self.variants = dict(variants or {})  # European Portuguese (``replies.variants``)

    @classmethod
    def load(
        cls,
        library_dir: Path | None = None,
        *,
        languages: Sequence[str],
        detector: str = "lingua",
        threshold: float | None = None,
        extra_examples: Iterable[tuple[str, str]] = (),
        learned_examples: Iterable[tuple[str, str]] = (),
        store: StoreDetails | None = None,
        model_cache: Path | None = None,
    ) -> SuggestionEngine:
        """Read the library, build the detector and train the classifier.

        Two kinds of ``(text, intent)`` pairs come on top of the library's phrasings;
        pairs naming an intent the library no longer has are skipped with a warning:

        - ``extra_examples`` are trained with the library (imported history): a bulk
          import is learned better by training than one ``learn`` at a time (top-1 0.996
          against 0.963 on the held-out half of the development set when the other half
          is imported, ``bench/intent_bench.py``). They are part of the model cache's key.
        - ``learned_examples`` are staff decisions stored while a desk ran, oldest first.
          The classifier trained on the library (or read from ``model_cache``) ``learn``s
          them one by one, as the running desk did when staff sent each, so a restart
          gives the model the desk had before it, without training again
          (``replies.model_cache`` says why).

        ``store`` gives answers the store's name and hours. ``model_cache`` is a folder
        where the trained model is kept between starts; None trains it every time.

        With the built-in library, ``confidence`` is the probability that the best reading
        is right, fitted on realistic messages (``replies.abstention``), and ``threshold``
        defaults to the one fitted with it; otherwise to ``DEFAULT_THRESHOLD``.
        """
        if threshold is not None and not 0 <= threshold <= 1:
            raise ValueError(f"threshold must be between 0 and 1, got {threshold!r}")
        # fitted on readings of the built-in library, like the temperatures below
        abstention = load_abstention() if library_dir is None else None
        if threshold is None:
            threshold = abstention.threshold if abstention else DEFAULT_THRESHOLD
        library = load_library(library_dir)
        examples = [
            (text, spec.intent)
            for spec in library.values()
            for texts in spec.examples.values()
            for text in texts
        ]
        examples += _in_library(extra_examples, library)
        learned = _in_library(learned_examples, library)
        # the per-language confidence calibration is fitted on the built-in library only
        default, temperatures = load_temperatures() if library_dir is None else (None, {})
        intents, temperature = list(library), default or DEFAULT_TEMPERATURE
        cache = ModelCache(model_cache) if model_cache else None
        options = {"intents": intents, "temperature": temperature, "temperatures": temperatures}
        key = model_key(examples, options) if cache else ""
        classifier = cache.load(key) if cache else None
        if classifier is None:
            classifier = IntentClassifier(
                examples, intents=intents, temperature=temperature, temperatures=temperatures
            )
            if cache:
                cache.save(key, classifier)  # before learning: the database keeps those
        for text, intent in learned:
            classifier.learn(text, intent)
        prepare()  # the fact sentences' country names, loaded before the first message
        return cls(
            library,
            classifier,
            make_detector(detector, languages),
            threshold=threshold,
            store=store,
            abstention=abstention,
            variants=load_variants(library_dir or DEFAULT_LIBRARY_DIR, library),
        )

    def detect_language(
        self, text: str, *, hint: str | None = None, history_language: str | None = None
    ) -> str:
        """ISO 639-1 code of the message's language among the store's, or "unknown"."""
        return self.detector.detect(text, hint=hint, history=history_language)

    def suggest(
        self,
        text: str,
        *,
        lang_hint: str | None = None,
        history_language: str | None = None,
        variables: Mapping[str, str] | None = None,
        country: str | None = None,
        language: str | None = None,
        english: str | None = None,
        earlier: EarlierTurn | None = None,
    ) -> Suggestion:
        """Language, intent with confidence and alternatives, and the rendered reply.

        ``language`` is the message's language when the caller detected it already (the
        inbound handler does, to keep the conversation's language): it is not detected twice.
        ``english`` is the message's English translation when the caller has one (a second
        view, ``replies.reading``); ``earlier`` is what the conversation was about before,
        which a follow-up ("the green one instead") is read with.
        """
        if language is None:
            language = self.detect_language(text, hint=lang_hint, history_language=history_language)
        if not has_words(text):
            # a stray letter, an emoji, "?" or an order number alone: nothing to classify,
            # and a guess here would be counted as a problem and flag the shopper
            return Suggestion(language=language, intent=UNKNOWN, confidence=0.0)
        given = variables or {}
        overdue = order_overdue(
            given, terms=self.store.shipping, today=self.store.today(), country=country
        )
        reading = read_message(
            self.classifier,
            text,
            language if language != UNKNOWN else normalize_code(lang_hint),
            english=english,
            earlier=earlier,
            threshold=self.threshold if self.abstention is None else DEFAULT_THRESHOLD,
            order=LinkedOrder.of(given, overdue=overdue),
        )
        # a product that flickers or will not turn on is a defect, not transport damage
        reading = defect_not_damage(reading, text)
        if self.abstention is not None:
            # a further question the reply answers too is no rival reading (``Reading.answered``)
            answers = [i for i in reading.also if self._answers(i, language, lang_hint)]
            ranked = self.abstention.calibrated(reading.ranked, reading.answered(answers))
            reading = replace(reading, ranked=ranked)
        top = tuple((intent, round(score, 4)) for intent, score in reading.top())
        intent, confidence = reading.ranked[0]
        if confidence < self.threshold:
            return Suggestion(
                language=language,
                intent=UNKNOWN,
                confidence=confidence,
                top=top,
                flags=reading.flags,
                also_asks=reading.also,
            )
        spec = self.library[intent]
        reply_in = language
        if reply_in == UNKNOWN:
            reply_in = next(
                (code for code in map(normalize_code, (lang_hint, history_language)) if code),
                FALLBACK_LANGUAGE,
            )
        values = dict(variables or {})
        # what the shopper already gave is not asked for again (``replies.facts.given``)
        values |= shopper_gave(text, earlier.text if earlier else None, values)
        if no_order_yet(intent, text, values):  # asked before buying: no order to ask for
            values[NO_ORDER_YET] = "yes"
        # a shopper in Portugal reads European Portuguese in every sentence of the reply
        variant = self._variant(values, country=country, language_code=lang_hint, text=text)
        if variant and variant.language == reply_in:
            values[REPLY_LOCALE] = variant.locale
        spec = self._spec(intent, values)
        template, _ = self.template(intent, reply_in, values)
        # the message's further questions are answered too (``replies.also``), their fact
        # sentences worked out from the message like the answer's own
        others = [self._spec(other, values) for other in reading.also if other in self.library]
        # "where is my order?" about an order past its deadline gets the late order's
        # apology too, as if the shopper had said it was late
        overdue = order_overdue(
            values, terms=self.store.shipping, today=self.store.today(), country=country
        )
        late = self._spec(LATE_ORDER, values) if LATE_ORDER in self.library else None
        others = with_late_order(spec, others, late, overdue=overdue)
        # a parcel delivered, or back with us, is "on its way" to nobody
        linked = LinkedOrder.of(values, overdue=False)
        arrived = (linked is not None and linked.stage == DELIVERED) or (
            parcel_state(values) == RETURNED
        )
        # the problem the message reports beside its question: a refund answer opens with
        # regret for it (``replies.facts.apologies``); never regret for a late or lost
        # parcel that has arrived or come back to us
        reported = next(
            (
                other.intent
                for other in others
                if other.problem
                and not (arrived and other.intent in SHIPMENT_PROBLEMS)
                and names_topic(other.intent, text)
            ),
            None,
        )
        if reported:
            values[REPORTED_PROBLEM] = reported
        situation = order_situation(values)
        estimated = bool(str(values.get("delivery_estimate") or "").strip())
        further = also_templates(spec, others, reply_in, situation, text, estimated, arrived)
        # a receipt asked for is no invoice for a company (``replies.receipt``)
        values |= receipt_values((intent, *reading.also), text, reply_in)
        values |= fact_variables(
            text,
            " ".join((template, *further)),
            reply_in,
            values,
            terms=self.store.shipping,
            today=self.store.today(),
            country=country,
            language_code=lang_hint,
        )
        reply, reply_language = self.render(intent, reply_in, values, country)
        if reply_language != reply_in:  # no answer written in the shopper's language
            further = also_templates(
                spec, others, reply_language, situation, text, estimated, arrived
            )
        reply = join(
            reply,
            [self.fill(sentence, reply_language, values, country) for sentence in further],
            reply_language,
        )
        # a parcel returned to sender or out for delivery today is neither late nor "on its
        # way" (``replies.parcel_status``); the message's other questions are still answered
        parcel = parcel_reply(values, reply_language) if intent in PARCEL_INTENTS else None
        if parcel is not None:
            # without the shipment's whereabouts, which the answer has just told
            rest = [o for o in others if o.intent not in PARCEL_INTENTS | WHEREABOUTS]
            further = also_templates(spec, rest, reply_language, None, text)
            reply = join(
                self.fill(parcel, reply_language, values, country),
                [self.fill(sentence, reply_language, values, country) for sentence in further],
                reply_language,
            )
        # "السلام عليكم" is answered "وعليكم السلام" (``replies.salaam``); the shopper's
        # greeting, wishes and register are answered in kind (``replies.addressing``)
        reply = returned_salaam(reply, reply_language, text)
        reply = addressed(
            reply,
            reply_language,
            text,
            values,
            country=country,
            language_code=lang_hint,
            now=self.store.clock(),
            intent=intent,
        )
        # a further question that reports a problem ("... 3 weeks late, refund me") makes
        # the message a problem report for that problem's department
        problem = next((s for s in (spec, *others) if s.problem), None)
        return Suggestion(
            language=language,
            intent=intent,
            confidence=confidence,
            top=top,
            department=(problem or spec).department,
            is_problem=problem is not None,
            reply=reply,
            reply_language=reply_language,
            asks_for=asks_for(values) if spec.replies_without_order else (),
            auto_send=(
                spec.auto_send
                and confidence >= spec.auto_send_threshold
                and only_pleasantry(text)
                and not reading.flags
            ),
            flags=reading.flags,
            also_asks=reading.also,
        )

    def _answers(self, intent: str, language: str, hint: str | None) -> bool:
        """Whether a reply in the shopper's language (``language``, or the channel's
        ``hint`` when it is unknown) answers ``intent`` as a further question with a
        sentence of its own (``replies.also``)."""
        spec = self.library.get(intent)
        code = language if language != UNKNOWN else normalize_code(hint) or FALLBACK_LANGUAGE
        return spec is not None and code in spec.also

    def render(
        self,
        intent: str,
        language: str,
        variables: Mapping[str, str] | None = None,
        country: str | None = None,
    ) -> tuple[str, str]:
        """The intent's reply in ``language`` (or English when none is written), filled."""
        template, used = self.template(intent, language, variables)
        return self.fill(template, used, variables, country), used

    def template(
        self, intent: str, language: str, variables: Mapping[str, str] | None = None
    ) -> tuple[str, str]:
        """The intent's written reply with its ``{variables}`` unfilled, and its language
        (English when ``language`` has none): what machine translation is asked to translate,
        once per language rather than once per shopper.

        The wording is the one for the order situation ``variables`` describe; no variables
        means no linked order, so nothing about an order is assumed.
        """
        replies = self._spec(intent, variables or {}).replies_for(order_situation(variables or {}))
        used = language if language in replies else FALLBACK_LANGUAGE
        return replies[used], used

    def fill(
        self,
        template: str,
        language: str,
        variables: Mapping[str, str] | None = None,
        country: str | None = None,
    ) -> str:
        """Fill a reply template's variables; unknown ones become neutral phrases.

        The store's name and hours are added in ``language`` unless ``variables`` already
        give them, and so are the fact sentences (voltage, delivery time, customs) for
        ``country``. The hours are in the shopper's zone when ``country``, the linked
        order's country or the shopper's phone in ``variables`` tells it
        (``replies.store.hours_zone``), else in the store's, named: every caller (the
        suggestion, a machine-translated answer, the staff-language copy, ``borderdesk
        suggest``) fills its answer here, so they all agree.
        """
        known = variables or {}
        where = hours_country(known, country)  # worked out once: its zone is derived from it
        store = self.store.variables(language, single_zone(where), where)
        values = {**store, **known}
        # facts the caller has not worked out from a message: from the country alone, or a
        # sentence asking for what is missing (``replies.facts``), never a gap
        values |= fact_variables(
            "",
            template,
            language,
            values,
            terms=self.store.shipping,
            today=self.store.today(),
            country=country,
        )
        variant = self._variant(values, country=country)
        text = render(template, language, values)
        return variant.rewrite(text) if variant and variant.language == language else text

    def _variant(
        self,
        values: Mapping[str, str],
        *,
        country: str | None = None,
        language_code: str | None = None,
        text: str = "",
    ) -> Variant | None:
        """The regional variant the shopper reads (``replies.variants``): the one the
        suggestion chose, else the one of their country (order, phone, app language or a
        place the message names); None for the base language."""
        if not self.variants:
            return None
        if locale := str(values.get(REPLY_LOCALE) or ""):
            return self.variants.get(locale)
        where = where_is_shopper(text, values, country=country, language_code=language_code)
        code = where.code if where else None
        return next((v for v in self.variants.values() if code in v.countries), None)

    def _spec(self, intent: str, values: Mapping[str, str]) -> IntentSpec:
        """The intent's library entry with the wordings of the shopper's variant, if any
        (they replace only the variant's base language)."""
        spec = self.intent_info(intent)
        variant = self._variant(values)
        return variant.spec(spec) if variant else spec

    def choices(self) -> list[IntentChoice]:
        """Every answer staff can pick instead, sorted by title."""
        return sorted(
            (IntentChoice(spec.intent, spec.title) for spec in self.library.values()),
            key=lambda choice: choice.title.casefold(),
        )

    def intent_info(self, intent: str) -> IntentSpec:
        """The library entry of ``intent``; KeyError names the unknown intent."""
        try:
            return self.library[intent]
        except KeyError:
            raise KeyError(
                f"unknown intent {intent!r}; the library has " + ", ".join(sorted(self.library))
            ) from None

    def learn(self, text: str, intent: str) -> None:
        """A staff-labelled example, used from the next message on."""
        self.intent_info(intent)
        self.classifier.learn(text, intent)


def _in_library(
    pairs: Iterable[tuple[str, str]], library: Mapping[str, IntentSpec]
) -> list[tuple[str, str]]:
    """The ``(text, intent)`` pairs whose intent the library has, in order; the others
    are counted in one warning per intent (an intent removed from the library)."""
    kept: list[tuple[str, str]] = []
    skipped: dict[str, int] = {}
    for text, intent in pairs:
        if intent in library:
            kept.append((text, intent))
        else:
            skipped[intent] = skipped.get(intent, 0) + 1
    for intent, count in skipped.items():
        logger.warning(
            "skipped %d learned examples of intent %r: not in the library", count, intent
        )
    return kept


_QUESTION_MARKS = ("?", "？", "؟")


def only_pleasantry(text: str) -> bool:
    """True when a message is short enough to be just a greeting or thanks.

    Auto-sent answers (greeting, thanks) must never swallow a real question that merely
    starts with "Hi" or ends with "Thanks!": a question mark, a number (an order, a size)
    or more than eight words sends the message to staff instead.
    """
    if any(mark in text for mark in _QUESTION_MARKS) or any(c.isdigit() for c in text):
        return False
    words = text.split()
    if len(words) == 1:  # also scripts written without spaces: count characters
        return len(words[0]) <= 12
    return len(words) <= 8
