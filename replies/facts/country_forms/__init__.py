"""A country's name as a sentence needs it: "to Switzerland", "au Canada", "in die Schweiz".

Fact sentences name the shopper's country ("Delivery to Japan takes ...", "Pour une
livraison en Suisse, ..."). CLDR (Babel) gives the bare name in the nominative, and a
sentence built around it read like a form: "Per le consegne nel tuo paese (Svizzera)",
"Ülkenize (Türkiye)". Here each language gets the two phrases the sentences use, the
preposition and article included, as a native agent writes them:

- ``to``: where an order goes ("to the United States", "a Suiza", "al Reino Unido",
  "au Canada", "aux États-Unis", "nach Österreich", "in die Schweiz", "in Svizzera",
  "negli Stati Uniti", "para o Brasil", "naar de Verenigde Staten", "do Niemiec",
  "в Германию", "Almanya'ya", "إلى سويسرا");
- ``in``: where something holds ("in der Schweiz", "no Brasil", "w Niemczech",
  "в Германии", "Almanya'da", "في سويسرا").

The base names always come from CLDR (``replies.facts.names.country_name``); what is
written here is grammar, one module per way a language builds the phrase:

- ``articles``: prepositions and articles by gender and number (en es fr it pt de nl);
- ``declension``: the Polish and Russian case forms, which no rule derives, as tables;
  a country outside them is "your country" ("do Twojego kraju", "в вашу страну");
- ``turkish``: case suffixes by vowel harmony ("Almanya'ya", "Fas'ta");
- ``particles``: Arabic's separate preposition, and the bare name for Japanese, Korean
  and Chinese, whose sentences carry the particle ("スイスへの", "스위스까지", "寄往瑞士").

    to_country("CA", "fr")   # "au Canada"
    to_country("CH", "de")   # "in die Schweiz"
    in_country("DE", "pl")   # "w Niemczech"
    to_country("US", "tr")   # "ABD'ye"
"""

from __future__ import annotations

from replies.facts.country_forms import articles, declension, particles
from replies.facts.country_forms.articles import contracted
from replies.facts.country_forms.turkish import suffixed
from replies.facts.names import country_name

# Regional variants the replies are written in (``replies.variants``) whose country names
# differ from the language's: European Portuguese ("Polónia", "Roménia", "em Marrocos").
_REGIONAL = frozenset({"pt-PT"})

__all__ = [
    "base_language",
    "capitalized",
    "contracted",
    "country_forms",
    "has_forms",
    "in_country",
    "to_country",
]


def to_country(code: str, language: str) -> str:
    """Where an order goes, as ``language`` writes it after a noun or verb of sending: "to
    the United States", "au Canada", "in die Schweiz", "do Niemiec", "Almanya'ya"; the bare
    name in Japanese, Korean and Chinese."""
    return _forms(code.upper(), _written(language))[0]


def in_country(code: str, language: str) -> str:
    """Where something holds or happens: "in the United States", "au Canada", "in der
    Schweiz", "w Niemczech", "Almanya'da"; the bare name in Japanese, Korean and Chinese."""
    return _forms(code.upper(), _written(language))[1]


def country_forms(code: str, language: str) -> dict[str, str]:
    """The values a fact sentence may use: ``{country}`` (the bare name), ``{to_country}``
    and ``{in_country}``."""
    code, language = code.upper(), _written(language)
    to, inside = _forms(code, language)
    return {"country": country_name(code, language), "to_country": to, "in_country": inside}


def has_forms(code: str, language: str) -> bool:
    """Whether ``language`` names the country in its sentences; False for a Polish or
    Russian country outside the case tables (the sentence then says "your country")."""
    lang = base_language(language)
    if lang not in declension.LANGUAGES:
        return True
    return declension.in_table(code.upper(), country_name(code.upper(), lang), lang)


def capitalized(text: str) -> str:
    """``text`` with its first letter capitalized, for a sentence that opens with a phrase
    ("in der Schweiz werden ..." -> "In der Schweiz werden ...")."""
    return text[:1].upper() + text[1:] if text else text


def base_language(locale: str) -> str:
    """The language of a locale ("pt-PT" -> "pt"): the fact sentences' tables are written
    per language, the country names in them per locale (``_REGIONAL``)."""
    return locale.replace("_", "-").split("-")[0]


def _written(language: str) -> str:
    """The locale whose country names a sentence uses: a regional variant the replies
    write (``_REGIONAL``), else the language's own ("en-GB", "zh-TW" -> "en", "zh": the
    reply around them is written in the language's, whatever the shopper's region)."""
    locale = language.replace("_", "-")
    return locale if locale in _REGIONAL else base_language(locale)


def _forms(code: str, language: str) -> tuple[str, str]:
    name = country_name(code, language)
    lang = base_language(language)
    if lang in articles.LANGUAGES:
        region = language.split("-")[1] if "-" in language else ""
        return articles.articled(code, name, lang, region)
    if lang in declension.LANGUAGES:
        return declension.declined(code, name, lang)
    if lang == "tr":
        return suffixed(code, name)
    if lang in particles.LANGUAGES:
        return particles.placed(name, lang)
    return name, name
