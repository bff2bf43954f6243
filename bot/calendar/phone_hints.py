"""What a shopper's phone number says about them: their country, and a language hint.

A WhatsApp message carries no language setting (Telegram's ``language_code`` has no
WhatsApp counterpart), only the sender's number, which Meta verified. Its country code is
where the shopper registered it: a good first guess at where they are (their zone, their
plugs, how long a parcel takes), better than a language's region, which many shoppers do
not set. It also hints at their language, but only where the country has one language:
"Rastrear pedido" from a +55 number is Portuguese, although it reads as Spanish as well,
while a +41 number (German, French, Italian, Romansh) says nothing about the language.

The hint is an IETF tag with the region ("pt-BR"), the shape a platform's language code
has, so language detection uses it the way it uses Telegram's (for short or ambiguous
text only: a long Spanish message from a +55 number stays Spanish) and the region gives
the country wherever a language code is read for one (``country_from_language_code``).
Which languages a country has come from CLDR (Babel): the official ones, de facto too
(English in the US), not the regional ones (Catalan in Spain)::

    phone_language_hint("+5511987654321")  # "pt-BR"
    phone_language_hint("+41441234567")    # None: four languages
"""

from __future__ import annotations

from babel.languages import get_official_languages

from bot.orders.matching import phone_region


def country_language(country: str | None) -> str | None:
    """The one official language of ``country`` (ISO 3166 alpha-2): "BR" -> "pt"; None
    for a country with several ("CH", "BE", "CA", "IN") or none known."""
    if not country:
        return None
    languages = get_official_languages(country.upper(), de_facto=True)
    return languages[0] if len(languages) == 1 else None


def phone_language_hint(phone: str | None) -> str | None:
    """A language tag for the number's country when it has one language ("pt-BR"), else
    None (a number that is not international, or a country of several languages)."""
    region = phone_region(phone)
    language = country_language(region)
    return f"{language}-{region}" if language and region else None
