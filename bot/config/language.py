"""Settings of languages: which ones shoppers write, how they are told apart, and how
messages are translated between shoppers and staff."""

from __future__ import annotations

import re
from typing import Annotated, Self

from babel import Locale, UnknownLocaleError
from pydantic import ValidationInfo, model_validator
from pydantic.dataclasses import dataclass

from bot.config.reading import SETTINGS, Reading, Settings, parsed, setting, wrong
from bot.config.values import Seconds, one_of, secret, url

DEFAULT_LANGUAGES = (
    "en",
    "es",
    "fr",
    "de",
    "it",
    "pt",
    "nl",
    "pl",
    "ru",
    "tr",
    "ja",
    "ko",
    "zh",
    "ar",
)
DETECTORS = ("lingua", "langdetect")
TRANSLATORS = ("google", "deepl", "microsoft", "mymemory", "libretranslate", "none")


def _is_language(code: str) -> bool:
    """A two-letter ISO 639-1 code of a real language ("ja", not "jp" or "xx"), as CLDR
    (through Babel) knows them."""
    if not re.fullmatch(r"[a-z]{2}", code):
        return False
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _language(text: str) -> str:
    code = text.lower()
    if not _is_language(code):
        raise wrong(code, "use a two-letter ISO 639-1 language code such as en")
    return code


def _languages(text: str) -> tuple[str, ...]:
    codes = tuple(dict.fromkeys(c.strip().lower() for c in text.split(",") if c.strip()))
    bad = [c for c in codes if not _is_language(c)]
    if bad or not codes:
        raise wrong(text, f"give comma-separated ISO 639-1 codes, e.g. en,es,de (bad: {bad})")
    return codes


def _terms(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


@dataclass(frozen=True, config=SETTINGS)
class LanguageSettings(Settings):
    """Shoppers' languages, the staff's, and the translator between them."""

    # shoppers' languages (ISO 639-1); detection is restricted to them
    languages: Annotated[tuple[str, ...], parsed(_languages)] = setting(
        "BORDERDESK_LANGUAGES", DEFAULT_LANGUAGES
    )
    language_detector: Annotated[str, one_of(DETECTORS)] = setting(
        "BORDERDESK_LANGUAGE_DETECTOR", "lingua"
    )
    staff_language: Annotated[str, parsed(_language)] = setting("BORDERDESK_STAFF_LANGUAGE", "en")
    translator: Annotated[str, one_of(TRANSLATORS)] = setting("BORDERDESK_TRANSLATOR", "google")
    translator_api_key: Annotated[
        str | None, secret(r"\S+", "the API key of the translation provider")
    ] = setting("BORDERDESK_TRANSLATOR_API_KEY", secret=True)
    libretranslate_url: Annotated[str | None, url("http://", "https://")] = setting(
        "BORDERDESK_LIBRETRANSLATE_URL"
    )
    # terms never translated: brand, product and carrier names
    glossary: Annotated[tuple[str, ...], parsed(_terms)] = setting("BORDERDESK_GLOSSARY", ())
    translation_timeout: Seconds = setting("BORDERDESK_TRANSLATION_TIMEOUT", 4.0)

    @model_validator(mode="after")
    def _translator_has_what_it_needs(self, info: ValidationInfo) -> Self:
        """LibreTranslate needs its server's address; DeepL and Microsoft need a key."""
        if not isinstance(info.context, Reading):
            return self
        if self.translator == "libretranslate" and not self.libretranslate_url:
            info.context.problems.append(
                f"{self.variable('libretranslate_url')} is missing: "
                f"{self.variable('translator')}=libretranslate needs the address of your "
                "LibreTranslate server"
            )
        if self.translator in ("deepl", "microsoft") and not self.translator_api_key:
            info.context.problems.append(
                f"{self.variable('translator_api_key')} is missing: {self.translator} needs "
                "an API key"
            )
        return self
