"""Regional variants of a reply language: European Portuguese for shoppers in Portugal.

The library's Portuguese is Brazilian ("você", "a gente confere", "equipe", "contato",
"Nossos aparelhos"); a shopper in Portugal reads it as a foreign shop's. A variant is a
file ``<library>/variants/<locale>.yaml`` (``pt-PT.yaml``) beside the intent files, so
whoever writes it touches none of them:

- ``intents``: intent -> field (``replies``, ``replies_without_tracking``,
  ``replies_without_order``, ``also``) -> the variant's wording. A field it leaves out keeps
  the base language's (``pt``). A wording may use only variables its base wording uses, so
  every order situation keeps its rules (``replies.situations``).
- ``sentences``: the base language's sentences that code adds to replies (fact sentences,
  the link request, neutral phrases for unknown values, the "a colleague checks the rest"
  line), each with the variant's: ``{pt: "...", pt-PT: "..."}``. A ``{name}`` in them stands
  for whatever was filled in there (a country, a number of days) and is carried over.

The reply stays in the base language as far as the rest of the desk knows (``pt``: staff
translations, language statistics); only its words change. Who gets the variant:
a shopper whose country is one of the variant's (``PT``: from the linked order, the phone,
the app's language setting ``pt-PT``, or a place the message names), in the base
language.

    variants = load_variants(Path("replies/library"), library)
    variant = variant_for(variants, "pt", "PT")
    variant.spec(library["track_order"]).replies["pt"]  # "Olá! A sua encomenda ..."
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from replies.library import VARIABLES, IntentSpec, LibraryError
from replies.situations import ORDER_VARIABLES

# Where a variant is written for: locale -> (its base language, the countries that read it)
VARIANTS: Mapping[str, tuple[str, frozenset[str]]] = {"pt-PT": ("pt", frozenset({"PT"}))}
FIELDS = ("replies", "replies_without_tracking", "replies_without_order", "also")
# What an intent's wording may use whatever its base wording uses: the store's, the
# facts'; an order's facts only where the base wording has them (its order situation).
_FREE = VARIABLES - ORDER_VARIABLES
# The variant chosen for a suggestion, kept among its values so that every sentence of the
# reply (the answer, further questions, facts) is written the same way.
REPLY_LOCALE = "_reply_locale"


@dataclass(frozen=True)
class Variant:
    """One locale's wordings: per intent and field, and per base-language sentence."""

    locale: str
    language: str
    countries: frozenset[str]
    intents: Mapping[str, Mapping[str, str]]
    rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()

    def spec(self, spec: IntentSpec) -> IntentSpec:
        """``spec`` with the variant's wordings in place of the base language's."""
        fields = self.intents.get(spec.intent)
        if not fields:
            return spec
        changes = {
            field: {**getattr(spec, field), self.language: text} for field, text in fields.items()
        }
        return replace(spec, **changes)

    def rewrite(self, text: str) -> str:
        """``text`` with every base-language sentence the variant words its own way
        replaced, what was filled into the sentence carried over."""
        for pattern, template in self.rewrites:
            text = pattern.sub(lambda found, t=template: _fill(t, found.groupdict()), text)
        return text


def locale_for(language: str, country: str | None) -> str | None:
    """The locale of ``language`` read in ``country`` ("pt", "PT" -> "pt-PT"), or None
    (the base language). The fixed notices (``replies.notices``) choose by it too."""
    code = (country or "").strip().upper()
    found = (
        loc for loc, (base, read_in) in VARIANTS.items() if base == language and code in read_in
    )
    return next(found, None)


def variant_for(
    variants: Mapping[str, Variant], language: str, country: str | None
) -> Variant | None:
    """The variant of ``language`` read in ``country``, or None (the base language)."""
    locale = locale_for(language, country)
    return variants.get(locale) if locale else None


def load_variants(directory: Path, library: Mapping[str, IntentSpec]) -> dict[str, Variant]:
    """Every ``<directory>/variants/<locale>.yaml``, validated against ``library``."""
    folder = directory / "variants"
    if not folder.is_dir():
        return {}
    return {path.stem: _load(path, library) for path in sorted(folder.glob("*.yaml"))}


def _load(path: Path, library: Mapping[str, IntentSpec]) -> Variant:
    locale = path.stem
    if locale not in VARIANTS:
        raise LibraryError(
            path, f"unknown variant {locale!r}; the variants are " + ", ".join(sorted(VARIANTS))
        )
    language, countries = VARIANTS[locale]
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise LibraryError(path, f"cannot be read: {error}") from None
    data = data or {}
    if not isinstance(data, dict) or set(data) - {"intents", "sentences"}:
        raise LibraryError(path, "expected a mapping with 'intents' and 'sentences'")
    lines = _lines(node)
    intents: dict[str, dict[str, str]] = {}
    for intent, fields in (data.get("intents") or {}).items():
        line = lines.get(("intents", str(intent)))
        if intent not in library:
            raise LibraryError(
                path,
                "unknown intent; the library has " + ", ".join(sorted(library)),
                intent=str(intent),
                line=line,
            )
        if not isinstance(fields, dict) or not fields:
            raise LibraryError(path, "expected a mapping of fields", intent=intent, line=line)
        intents[intent] = {}
        for field, text in fields.items():
            base = getattr(library[intent], field, None) if field in FIELDS else None
            if base is None:
                raise LibraryError(
                    path,
                    "unknown field; a variant words " + ", ".join(FIELDS),
                    intent=intent,
                    field=str(field),
                    line=line,
                )
            if language not in base:
                raise LibraryError(
                    path,
                    f"the intent has no {language!r} wording of this field to vary",
                    intent=intent,
                    field=field,
                    line=line,
                )
            _check_text(
                path, text, base[language], free=_FREE, intent=intent, field=field, line=line
            )
            intents[intent][field] = text.strip()
    rewrites = []
    for number, pair in enumerate(data.get("sentences") or [], start=1):
        where = f"sentences[{number}]"
        if not (isinstance(pair, dict) and set(pair) == {language, locale}):
            raise LibraryError(path, f"expected {{{language}: ..., {locale}: ...}}", field=where)
        _check_text(path, pair[locale], pair[language], field=where)
        if not _framed(pair[language]):
            raise LibraryError(
                path,
                "a sentence must begin and end with words, not a {variable}: what was "
                "filled in there could not be told from the text around it",
                field=where,
            )
        rewrites.append((_pattern(pair[language].strip()), pair[locale].strip()))
    return Variant(locale, language, countries, intents, tuple(rewrites))


def _check_text(
    path: Path,
    text: Any,
    base: Any,
    *,
    free: frozenset[str] = frozenset(),
    intent: str | None = None,
    field: str | None = None,
    line: int | None = None,
) -> None:
    """A variant's wording is text, and its variables are among its base wording's, or
    among ``free``."""
    if not isinstance(text, str) or not text.strip() or not isinstance(base, str):
        raise LibraryError(path, "must be a non-empty text", intent=intent, field=field, line=line)
    try:
        extra = sorted(_variables(text) - _variables(base) - free)
    except ValueError as error:
        raise LibraryError(
            path, f"badly written braces: {error}", intent=intent, field=field, line=line
        ) from None
    if extra:
        raise LibraryError(
            path,
            "uses " + ", ".join("{" + name + "}" for name in extra) + ", which the base "
            "wording does not; a variant may use an order's variables only where the base "
            "wording does (and a sentence only the base sentence's)",
            intent=intent,
            field=field,
            line=line,
        )


def _framed(sentence: str) -> bool:
    parts = list(string.Formatter().parse(sentence.strip()))
    return bool(parts and parts[0][0] and (parts[-1][1] is None))


def _variables(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _pattern(sentence: str) -> re.Pattern[str]:
    """A base-language sentence as a pattern: its words as written, each ``{name}`` as
    whatever was filled in (a second ``{name}`` the same text again)."""
    parts, seen = [], set()
    for literal, name, _, _ in string.Formatter().parse(sentence):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
            seen.add(name)
    return re.compile("".join(parts))


def _fill(template: str, values: Mapping[str, str]) -> str:
    return template.format_map({name: value or "" for name, value in values.items()})


def _lines(node: yaml.Node | None) -> dict[tuple[str, str], int]:
    """(section, intent) -> the line the intent's entry starts on, for error messages."""
    lines: dict[tuple[str, str], int] = {}
    for key, value in getattr(node, "value", ()):
        if isinstance(value, yaml.MappingNode):
            for inner, _ in value.value:
                lines[(key.value, inner.value)] = inner.start_mark.line + 1
    return lines
