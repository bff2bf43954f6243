"""The answer library: one YAML file per intent, validated at start.

A store owner edits these files by hand, so every mistake is reported as a
``LibraryError`` naming the file, the intent, the field and (when YAML knows it) the
line, with a hint on how to fix it. The format is described in ``replies/FORMAT.md``.

    library = load_library(Path("replies/library"))
    library["damaged_item"].replies["en"]

Example phrasings may also live per language in ``<library>/examples/<lang>.yaml`` (intent
-> list of phrasings): a native speaker writes a whole language in one file without
touching the 41 intent files, and the loader adds them to each intent's own examples.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from replies.situations import FORBIDDEN_VARIABLES, OrderSituation

DEFAULT_LIBRARY_DIR = Path(__file__).resolve().parent / "library"

CATEGORIES = frozenset(
    "order cancellation delivery shipping_address invoice payment refund feedback contact "
    "account subscription product returns problem small_talk".split()
)
DEPARTMENTS = frozenset({"purchasing", "warehouse", "logistics", "sales", "management"})
VARIABLES = frozenset(
    {
        "shopper_name",
        "order_number",
        "tracking_number",
        "carrier",
        "delivery_estimate",
        "store_name",
        "support_hours",
        # Filled by replies/facts/ from the message, the shopper's country and the
        # store's shipping terms (replies/facts/fill.py).
        "size_advice",
        "plug_advice",
        # what links an order that is not linked: the number and the checkout contact,
        # or only the contact of the number the shopper typed (replies/facts/link.py)
        "link_request",
        "delivery_time",
        # "do you ship to ...?" answered (replies/facts/ships_there.py)
        "ships_there",
        "delivery_lateness",
        # where a late parcel may be held up (replies/facts/held_up.py)
        "delay_cause",
        # whether it can arrive by the shopper's day (replies/facts/deadline.py)
        "deadline",
        # a refund asked for in a customs answer (replies/facts/duty_refund.py)
        "duty_refund",
        # "all my money back?" (replies/facts/refund_amount.py)
        "refund_amount",
        "customs_advice",
        # the store's return and delivery terms (replies/facts/returns.py)
        "return_postage",
        "faulty_return_postage",
        "exchange_terms",
        "saturday_delivery",
        # what a payment question names (replies/facts/payments.py)
        "payment_answer",
        "charge_detail",
        # regret for the problem a refund is demanded for (replies/facts/apologies.py)
        "refund_apology",
        # what the answer asks for, left out where the message gives it (replies/facts/asks.py)
        "return_ask",
        "refund_ask",
        "company_ask",
        "missing_item_ask",
        "expected_item_ask",
        "account_detail_ask",
        "payment_details_ask",
        "delivered_check",
        "problem_ask",
        "product_ask",
        "availability_ask",
        "change_ask",
        "address_ask",
        "customs_notice_ask",
        "newsletter_ask",
        # what a customs ID the message names is, and what to do (replies/facts/customs_ids.py)
        "customs_id",
    }
)
MIN_EXAMPLES: Mapping[str, int] = {
    "en": 15,
    **{lang: 5 for lang in ("es", "fr", "de", "it", "pt", "ja", "zh")},
}
REQUIRED_REPLIES = ("en", "es", "fr", "de", "it", "pt", "ja", "zh")
DEFAULT_AUTO_SEND_THRESHOLD = 0.9

_REQUIRED_FIELDS = (
    "intent",
    "title",
    "category",
    "department",
    "problem",
    "auto_send",
    "examples",
    "replies",
)
# The answer for each order situation (see replies/situations.py); ``replies`` is the one
# with everything known, and the only one an answer that needs no order has.
SITUATION_FIELDS: Mapping[OrderSituation, str] = {
    OrderSituation.WITH_TRACKING: "replies",
    OrderSituation.WITHOUT_TRACKING: "replies_without_tracking",
    OrderSituation.WITHOUT_ORDER: "replies_without_order",
}
_OPTIONAL_FIELDS = (
    "auto_send_threshold",
    SITUATION_FIELDS[OrderSituation.WITHOUT_TRACKING],
    SITUATION_FIELDS[OrderSituation.WITHOUT_ORDER],
    # the short answer added when this intent is a message's second question, and the
    # intents whose question this intent's own answer already covers (replies/also.py)
    "also",
    "covers",
)


class LibraryError(ValueError):
    """A library file is missing, unreadable or invalid; the message says which and why."""

    def __init__(
        self,
        file: Path | str,
        message: str,
        *,
        intent: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.file, self.intent, self.field, self.line = str(file), intent, field, line
        where = self.file + (f":{line}" if line else "")
        if intent:
            where += f": intent {intent!r}"
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class IntentSpec:
    """One intent of the library: how to route it and what to answer."""

    intent: str
    title: str
    category: str
    department: str
    problem: bool
    auto_send: bool
    auto_send_threshold: float = DEFAULT_AUTO_SEND_THRESHOLD
    examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    replies: Mapping[str, str] = field(default_factory=dict)
    replies_without_tracking: Mapping[str, str] = field(default_factory=dict)
    replies_without_order: Mapping[str, str] = field(default_factory=dict)
    also: Mapping[str, str] = field(default_factory=dict)
    covers: frozenset[str] = frozenset()

    def replies_for(self, situation: OrderSituation) -> Mapping[str, str]:
        """The answer's wording for ``situation``, by language.

        An intent whose answer does not mention a shipment has no separate wording without
        tracking, and one that mentions no order none without an order: its ``replies``
        serve every situation (the validator made sure of that).
        """
        if situation is OrderSituation.WITHOUT_ORDER and self.replies_without_order:
            return self.replies_without_order
        if situation is not OrderSituation.WITH_TRACKING and self.replies_without_tracking:
            return self.replies_without_tracking
        return self.replies


def load_library(directory: Path | None = None) -> dict[str, IntentSpec]:
    """Read and validate every ``<intent>.yaml`` in ``directory``, and the per-language
    example files beside them, keyed by intent."""
    directory = directory or DEFAULT_LIBRARY_DIR
    library = load_intents(directory)
    for path in sorted((directory / "examples").glob("*.yaml")):
        library = _add_language_examples(library, path)
    return library


def load_intents(directory: Path | None = None) -> dict[str, IntentSpec]:
    """The intent files alone, validated, without the per-language example files: enough
    to know which intents exist (the desk file's ``owns:``) without reading ~20,000
    phrasings that only the classifier needs."""
    directory = directory or DEFAULT_LIBRARY_DIR
    files = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    if not files:
        raise LibraryError(
            directory,
            "no <intent>.yaml files found; the answer library "
            "needs at least one intent (see replies/FORMAT.md)",
        )
    specs = [load_intent_file(path) for path in files]
    library = {spec.intent: spec for spec in specs}
    for path, spec in zip(files, specs, strict=True):
        if unknown := sorted(spec.covers - set(library)):
            raise LibraryError(
                path,
                f"unknown intent(s) {', '.join(unknown)}; the library has "
                + ", ".join(sorted(library)),
                intent=spec.intent,
                field="covers",
            )
    return library


def _add_language_examples(library: dict[str, IntentSpec], path: Path) -> dict[str, IntentSpec]:
    """Add the phrasings of one ``examples/<lang>.yaml`` to the intents they name; an
    unknown intent, a bad language code or a non-text phrasing names the file and line."""
    lang = path.stem
    if not (len(lang) == 2 and lang.isalpha() and lang.islower()):
        raise LibraryError(
            path, "example files are named by a two-letter language code, e.g. es.yaml"
        )
    node, data = _read_yaml(path)
    if data is None:
        return library
    if not isinstance(data, dict):
        raise LibraryError(path, "expected a mapping of intent names to lists of phrasings")
    lines = {key.value: key.start_mark.line + 1 for key, _ in getattr(node, "value", ())}
    updated = dict(library)
    for intent, items in data.items():
        line = lines.get(intent)
        if intent not in library:
            raise LibraryError(
                path,
                "unknown intent; the library has " + ", ".join(sorted(library)),
                intent=str(intent),
                line=line,
            )
        if not isinstance(items, list) or not all(
            isinstance(item, str) and item.strip() for item in items
        ):
            raise LibraryError(
                path, "must be a list of non-empty phrasings", intent=intent, line=line
            )
        spec = updated[intent]
        known = spec.examples.get(lang, ())
        added = tuple(dict.fromkeys(item.strip() for item in items if item.strip() not in known))
        updated[intent] = replace(spec, examples={**spec.examples, lang: known + added})
    return updated


def load_intent_file(path: Path) -> IntentSpec:
    """Parse and validate one library file."""
    node, data = _read_yaml(path)
    return _Validator(path, node, data).spec()


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> tuple[yaml.Node | None, Any]:
    """The file's YAML node (for line numbers) and its data; LibraryError if unreadable."""
    try:
        # libyaml's loader when PyYAML has it: the same nodes (line numbers included) and
        # data, read about 10 times faster (the library is most of a cached desk start)
        loader = _LOADER(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except (OSError, UnicodeDecodeError) as exc:
        raise LibraryError(path, f"cannot read the file: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LibraryError(
            path,
            f"not valid YAML: {getattr(exc, 'problem', exc)}",
            line=mark.line + 1 if mark else None,
        ) from exc
    return node, data


class _Validator:
    """Checks one parsed file; ``fail`` raises with the file, intent, field and line."""

    def __init__(self, path: Path, node: yaml.Node | None, data: Any) -> None:
        self.path, self.node, self.data = path, node, data
        self.intent = data.get("intent") if isinstance(data, dict) else None

    def fail(self, field: str | None, message: str) -> LibraryError:
        return LibraryError(
            self.path,
            message,
            intent=str(self.intent or self.path.stem),
            field=field,
            line=self._line(field),
        )

    def _line(self, dotted: str | None) -> int | None:
        node, line = self.node, None
        for key in (dotted or "").split(".") if dotted else ():
            if isinstance(node, yaml.MappingNode):
                match = [(k, v) for k, v in node.value if k.value == key]
                if not match:
                    break
                line, node = match[0][0].start_mark.line + 1, match[0][1]
            elif (
                isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value)
            ):
                node = node.value[int(key)]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def spec(self) -> IntentSpec:
        data = self.data
        if not isinstance(data, dict):
            raise self.fail(
                None, "expected a mapping with the fields " + ", ".join(_REQUIRED_FIELDS)
            )
        for key in data:
            if key not in _REQUIRED_FIELDS + _OPTIONAL_FIELDS:
                raise self.fail(
                    str(key),
                    "unknown field; allowed fields are "
                    + ", ".join(_REQUIRED_FIELDS + _OPTIONAL_FIELDS),
                )
        for key in _REQUIRED_FIELDS:
            if key not in data:
                raise self.fail(key, "missing required field")
        if data["intent"] != self.path.stem:
            raise self.fail("intent", f"must equal the file name {self.path.stem!r}")
        for key in ("title", "category", "department"):
            if not isinstance(data[key], str) or not data[key].strip():
                raise self.fail(key, "must be a non-empty text")
        if data["category"] not in CATEGORIES:
            raise self.fail("category", "must be one of " + ", ".join(sorted(CATEGORIES)))
        if data["department"] not in DEPARTMENTS:
            raise self.fail("department", "must be one of " + ", ".join(sorted(DEPARTMENTS)))
        for key in ("problem", "auto_send"):
            if not isinstance(data[key], bool):
                raise self.fail(key, "must be true or false")
        threshold = data.get("auto_send_threshold", DEFAULT_AUTO_SEND_THRESHOLD)
        if (
            isinstance(threshold, bool)
            or not isinstance(threshold, int | float)
            or not (0 < threshold <= 1)
        ):
            raise self.fail("auto_send_threshold", "must be a number between 0 and 1")
        return IntentSpec(
            intent=data["intent"],
            title=data["title"].strip(),
            category=data["category"],
            department=data["department"],
            problem=data["problem"],
            auto_send=data["auto_send"],
            auto_send_threshold=float(threshold),
            examples=self._examples(),
            **self._all_replies(),
            also=self._also(),
            covers=self._covers(),
        )

    def _language_map(self, key: str) -> dict[str, Any]:
        value = self.data[key]
        if not isinstance(value, dict) or not value:
            raise self.fail(key, "must map language codes (en, es, ...) to values")
        for lang in value:
            if not (isinstance(lang, str) and len(lang) == 2 and lang.isalpha() and lang.islower()):
                raise self.fail(
                    f"{key}.{lang}",
                    "language codes are two lowercase letters (ISO 639-1), e.g. en, es, zh",
                )
        return value

    def _examples(self) -> dict[str, tuple[str, ...]]:
        examples: dict[str, tuple[str, ...]] = {}
        for lang, items in self._language_map("examples").items():
            where = f"examples.{lang}"
            if not isinstance(items, list):
                raise self.fail(where, "must be a list of example phrasings")
            for i, item in enumerate(items):
                if not isinstance(item, str) or not item.strip():
                    raise self.fail(f"{where}.{i}", "examples must be non-empty texts")
            examples[lang] = tuple(item.strip() for item in items)
        for lang, minimum in MIN_EXAMPLES.items():
            found = len(examples.get(lang, ()))
            if found < minimum:
                raise self.fail(
                    f"examples.{lang}",
                    f"needs at least {minimum} example phrasings in {lang}, found {found}",
                )
        return examples

    def _all_replies(self) -> dict[str, dict[str, str]]:
        """``replies`` and the wordings for the order situations it needs.

        An answer that uses an order's variables needs ``replies_without_order``; one that
        names a carrier or tracking number also needs ``replies_without_tracking``. Each
        covers every language of ``replies``, so no shopper falls back to a wording that
        invents a shipment, and uses none of the variables its situation lacks.
        """
        replies = self._replies("replies")
        missing = [lang for lang in REQUIRED_REPLIES if lang not in replies]
        if missing:
            raise self.fail("replies", "missing the reply in " + ", ".join(missing))
        used = {name for text in replies.values() for name in _variables(text)}
        found = {"replies": replies}
        for situation in (OrderSituation.WITHOUT_TRACKING, OrderSituation.WITHOUT_ORDER):
            key = SITUATION_FIELDS[situation]
            if key not in self.data:
                if needs := used & FORBIDDEN_VARIABLES[situation]:
                    raise self.fail(
                        key,
                        f"missing: the replies use {_listed(needs)}, so the "
                        f"answer needs its wording for when {_WHEN[situation]} "
                        "(see replies/FORMAT.md)",
                    )
                continue
            texts = self._replies(key)
            absent = [lang for lang in replies if lang not in texts]
            if absent:
                raise self.fail(key, "missing the reply in " + ", ".join(absent))
            for lang, text in texts.items():
                wrong = set(_variables(text)) & FORBIDDEN_VARIABLES[situation]
                if wrong:
                    raise self.fail(
                        f"{key}.{lang}",
                        f"uses {_listed(wrong)}, which are unknown when {_WHEN[situation]}",
                    )
            found[key] = texts
        return found

    def _also(self) -> dict[str, str]:
        """The second-question answer: any languages (the others get the general
        acknowledgement), and no order's facts, since it is added to another intent's
        answer whatever the order situation."""
        if "also" not in self.data:
            return {}
        texts = self._replies("also")
        for lang, text in texts.items():
            if wrong := set(_variables(text)) & FORBIDDEN_VARIABLES[OrderSituation.WITHOUT_ORDER]:
                raise self.fail(
                    f"also.{lang}",
                    f"uses {_listed(wrong)}: a second question's answer is added whatever "
                    "is known about the order, so it names none of its facts",
                )
        return texts

    def _covers(self) -> frozenset[str]:
        covers = self.data.get("covers", [])
        if not isinstance(covers, list) or not all(
            isinstance(name, str) and name.strip() for name in covers
        ):
            raise self.fail("covers", "must be a list of intent names")
        if self.intent in covers:
            raise self.fail("covers", "an intent does not cover itself")
        return frozenset(name.strip() for name in covers)

    def _replies(self, key: str) -> dict[str, str]:
        replies = self._language_map(key)
        for lang, text in replies.items():
            where = f"{key}.{lang}"
            if not isinstance(text, str) or not text.strip():
                raise self.fail(where, "must be a non-empty text")
            try:
                names = _variables(text)
            except ValueError as exc:
                raise self.fail(where, f"{exc}; write literal braces as {{{{ and }}}}") from exc
            for name in names:
                if name not in VARIABLES:
                    raise self.fail(
                        where,
                        f"unknown variable {{{name}}}; available: " + ", ".join(sorted(VARIABLES)),
                    )
        return {lang: text.strip() for lang, text in replies.items()}


_WHEN: Mapping[OrderSituation, str] = {
    OrderSituation.WITHOUT_TRACKING: "the linked order has no tracking number yet",
    OrderSituation.WITHOUT_ORDER: "no order is linked to the shopper",
}


def _variables(text: str) -> list[str]:
    """The ``{variables}`` a reply uses; ValueError on unbalanced braces."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def _listed(names: set[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names))
