"""Country names with the article and preposition a sentence needs, in the languages that
build the phrase from words: English, Spanish, French, Italian, Portuguese, German, Dutch.

Each writes "to" and "in" with a preposition, often fused with an article whose gender
and number belong to the name: "to the United States", "al Reino Unido", "au Canada",
"aux États-Unis", "negli Stati Uniti", "para o Brasil", "in die Schweiz", "im Iran",
"naar het Verenigd Koninkrijk". The rules (a name ending in "e" is feminine in French, in
"a" in Portuguese; German names are neuter and take "nach" ...) come with the exceptions
each language keeps, as small sets of country codes.

    articled("CA", "Canada", "fr")    # ("au Canada", "au Canada")
    articled("CH", "Schweiz", "de")   # ("in die Schweiz", "in der Schweiz")
"""

from __future__ import annotations

import re
import unicodedata

LANGUAGES = frozenset({"en", "es", "fr", "it", "pt", "de", "nl"})

# English
# Names that take "the" ("to the United States", "in the Netherlands").
_ENGLISH_THE = frozenset(
    {"US", "GB", "NL", "AE", "PH", "DO", "BS", "MV", "CD", "CF", "GM", "IC", "KM", "SC"}
)

# Spanish
# Names that keep their article ("al Reino Unido", "a los Países Bajos"); Spanish writes
# "a Estados Unidos" without one, as CLDR's name has it.
_SPANISH_ARTICLE = {
    "GB": "el",
    "NL": "los",
    "AE": "los",
    "DO": "la",
    "BS": "las",
    "MV": "las",
    "CD": "la",
    "CF": "la",
    "IN": "la",  # "a la India", "en la India"
    "LB": "el",  # "al Líbano"
    "VA": "la",  # "a la Ciudad del Vaticano"
}
_SPANISH_CONTRACTION = re.compile(r"\b(a|de) el\b")

# French
# Islands and city states take no article: "à Chypre", "à Singapour", "à Taïwan".
_FRENCH_NO_ARTICLE = frozenset(
    {"CY", "MT", "SG", "HK", "MO", "MC", "TW", "CU", "MG", "MU", "BH", "SM", "LC", "PR", "DJ"}
    | {"TT", "KN", "VC", "AG", "OM", "JE", "GG", "AW", "CW", "GI", "GU", "MS", "AI"}
    | {"YT", "WF", "TA", "DG", "EA", "CQ"}
)
# Islands that keep their article: "à la Barbade", "à la Grenade", "à la Dominique".
_FRENCH_A_LA = frozenset({"BB", "GD", "DM"})
# Masculine names ending in "e" ("au Mexique", "au Royaume-Uni", "au Cambodge").
_FRENCH_MASCULINE_E = frozenset({"GB", "MX", "KH", "MZ", "ZW", "BZ", "SR", "VA"})
# Singular names ending in "s" ("au Laos", "au Honduras").
_FRENCH_SINGULAR_S = frozenset({"LA", "HN", "BY"})
# Plural names not ending in "s" ("aux Fidji").
_FRENCH_PLURAL = frozenset({"FJ", "AS", "TK"})
# "Haïti" starts with a mute h ("en Haïti"); "Honduras" with an aspirated one.
_FRENCH_MUTE_H = frozenset({"HT"})

# Italian
# "a Cipro", "a Singapore", "a Hong Kong".
_ITALIAN_A = frozenset({"CY", "MT", "SG", "HK", "MO", "MC", "TW", "CU", "MU", "SM"})
_ITALIAN_PLURAL_MASCULINE = frozenset({"US", "NL", "AE"})
_ITALIAN_PLURAL_FEMININE = frozenset({"PH", "MV", "BS", "SC", "IC", "KM", "FJ"})
# Names that keep an article in the singular ("nel Regno Unito", "nella Repubblica Ceca").
_ITALIAN_ARTICLED = re.compile(r"^(Regno|Repubblica|Città)\b")

# Portuguese
# Names without an article ("para Portugal", "em Israel", "para Chipre").
_PORTUGUESE_NO_ARTICLE = frozenset(
    {"PT", "IL", "CV", "MZ", "AO", "CU", "MT", "CY", "SG", "HK", "MO", "MC", "AD", "TL", "ST"}
    | {"TW", "HN", "MA", "MG", "SM", "PR", "OM", "BB", "TT"}
)
# Names Brazil writes with an article and Portugal without: "no Marrocos", "em Marrocos".
_BRAZILIAN_ARTICLE = frozenset({"MA"})
# Singular names ending in "s" ("o Marrocos", "o Laos").
_PORTUGUESE_SINGULAR_S = frozenset({"MA", "LA"})
# Masculine names ending in "a" ("o Camboja", "o Quênia", "o Gana").
_PORTUGUESE_MASCULINE_A = frozenset({"KH", "KE", "GH"})
# Feminine names not ending in "a" ("a Guiné", "a Reunião", "a Cidade do Vaticano").
_PORTUGUESE_FEMININE = frozenset({"GN", "GW", "GQ", "RE", "GP", "VA"})

# German
# Names that take an article: feminine ("in die Schweiz", "in der Schweiz"), masculine
# ("in den Iran", "im Iran"), neuter ("ins Vereinigte Königreich") and plural ("in die
# Vereinigten Staaten", "in den Niederlanden"); the others take "nach" and "in".
_GERMAN_FEMININE = frozenset({"CH", "TR", "SK", "UA", "MN", "DO", "CF", "VA"})  # "Vatikanstadt"
_GERMAN_MASCULINE = frozenset({"IR", "IQ", "LB", "SD", "YE", "TD"})
_GERMAN_NEUTER = frozenset({"GB"})
_GERMAN_PLURAL = frozenset({"US", "NL", "AE", "PH", "MV", "BS", "SC", "KM", "IC"})
# Islands go "auf die" and are "auf den" ("auf die Philippinen", "auf den Kanarischen Inseln").
_GERMAN_ISLANDS = frozenset({"PH", "MV", "BS", "SC", "KM", "IC"})

# Dutch
_DUTCH_DE = frozenset({"US", "AE", "PH", "MV", "BS", "DO", "CF", "SC", "KM", "IC"})
_DUTCH_HET = frozenset({"GB"})


def articled(code: str, name: str, language: str, region: str = "") -> tuple[str, str]:
    """Where an order goes and where something holds, for ``name``, ``code``'s name in
    ``language`` as written in ``region`` (Portuguese: "PT" for Portugal, else Brazil)."""
    if language == "en":
        named = f"the {name}" if code in _ENGLISH_THE else name
        return f"to {named}", f"in {named}"
    if language == "es":
        named = f"{_SPANISH_ARTICLE[code]} {name}" if code in _SPANISH_ARTICLE else name
        return contracted(f"a {named}", "es"), f"en {named}"
    if language == "fr":
        return (_french(code, name),) * 2
    if language == "de":
        return _german(code, name)
    if language == "it":
        return (_italian(code, name),) * 2
    if language == "pt":
        return _portuguese(code, name, european=region == "PT")
    article = "de " if code in _DUTCH_DE or name.endswith("eilanden") else ""
    article = "het " if code in _DUTCH_HET else article
    # islands are "op": "op de Filipijnen", "op de Canarische Eilanden"
    on = "op" if code in _GERMAN_ISLANDS or name.endswith("eilanden") else "in"
    return f"naar {article}{name}", f"{on} {article}{name}"


def contracted(text: str, language: str) -> str:
    """A Spanish sentence with "a el" and "de el" contracted ("Los envíos al Reino
    Unido"); other languages as they are."""
    if language != "es":
        return text
    return _SPANISH_CONTRACTION.sub(lambda m: "al" if m.group(1) == "a" else "del", text)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _french(code: str, name: str) -> str:
    # the head noun gives the gender: "Nouvelle-Zélande", "Congo-Brazzaville", "Guinée-Bissau"
    head = re.split(r"[ -]", name)[0]
    if code in _FRENCH_A_LA:
        return f"à la {name}"
    if code in _FRENCH_NO_ARTICLE or head in {"Saint", "Sainte", "La"}:
        return f"à {name}"
    if head == "Île":
        return f"à l’{name[0].lower()}{name[1:]}"
    if code in _FRENCH_PLURAL or (head[-1] in "sx" and code not in _FRENCH_SINGULAR_S):
        # "les îles Canaries": after the article, "îles" is a common noun
        return f"aux {'î' + name[1:] if head == 'Îles' else name}"
    feminine = head.endswith("e") and code not in _FRENCH_MASCULINE_E
    first = _plain(name[0]).lower()
    if feminine or first in "aeiou" or code in _FRENCH_MUTE_H:
        return f"en {name}"
    return f"au {name}"


def _german_declined(name: str, adjective: str, noun_dative: bool) -> str:
    """``name`` with its adjectives given ``adjective``'s ending ("Vereinigte Staaten" ->
    "Vereinigten Staaten") and, for a plural dative, its noun an "-n" ("Emirate" ->
    "Emiraten"; not an acronym: "in den USA")."""
    words = name.split(" ")
    for i, word in enumerate(words[:-1]):
        stem = re.sub(r"(?:es|e)$", "", word)
        if stem != word:
            words[i] = stem + adjective
    if noun_dative and not re.search(r"[ns]$", words[-1]) and not words[-1].isupper():
        words[-1] += "n"
    return " ".join(words)


def _german(code: str, name: str) -> tuple[str, str]:
    if code in _GERMAN_PLURAL or name.endswith("inseln"):
        on = "auf" if code in _GERMAN_ISLANDS or name.endswith("inseln") else "in"
        return (
            f"{on} die {_german_declined(name, 'en', False)}",
            f"{on} den {_german_declined(name, 'en', True)}",
        )
    if code in _GERMAN_FEMININE or "Republik" in name.split(" "):  # "in die Republik Moldau"
        return f"in die {name}", f"in der {_german_declined(name, 'en', False)}"
    if code in _GERMAN_MASCULINE:
        return f"in den {name}", f"im {_german_declined(name, 'en', False)}"
    if code in _GERMAN_NEUTER:
        return (
            f"ins {_german_declined(name, 'e', False)}",
            f"im {_german_declined(name, 'en', False)}",
        )
    return f"nach {name}", f"in {name}"


def _italian(code: str, name: str) -> str:
    if code in _ITALIAN_A:
        return f"a {name}"
    if code in _ITALIAN_PLURAL_FEMININE or name.startswith("Isole"):
        return f"nelle {name}"
    if code in _ITALIAN_PLURAL_MASCULINE:
        vowel_or_s = re.match(r"(?i)[aeiou]|s[^aeiou]|z|gn|ps|x", _plain(name))
        return f"{'negli' if vowel_or_s else 'nei'} {name}"
    if articled := _ITALIAN_ARTICLED.match(name):
        return f"{'nella' if articled.group(1) != 'Regno' else 'nel'} {name}"
    return f"in {name}"


def _portuguese(code: str, name: str, *, european: bool) -> tuple[str, str]:
    no_article = _PORTUGUESE_NO_ARTICLE - (frozenset() if european else _BRAZILIAN_ARTICLE)
    if code in no_article or name.startswith("El "):  # "para El Salvador"
        return f"para {name}", f"em {name}"
    head = re.split(r"[ -]", name)[0]
    if head.endswith("s") and code not in _PORTUGUESE_SINGULAR_S:  # "os Estados Unidos"
        feminine = head.endswith("as")
        return (
            f"para {'as' if feminine else 'os'} {name}",
            f"{'nas' if feminine else 'nos'} {name}",
        )
    feminine = (head.endswith("a") and code not in _PORTUGUESE_MASCULINE_A) or (
        code in _PORTUGUESE_FEMININE
    )
    return (f"para {'a' if feminine else 'o'} {name}", f"{'na' if feminine else 'no'} {name}")
