"""Language detection restricted to the store's languages, with hints for short text.

Chat messages are short: "ok", "merci", an order number. So detection is restricted to
the configured languages, returns "unknown" rather than a guess when there is nothing
linguistic to look at (empty text, emoji, URLs, order or tracking numbers), and when
the text is too short or ambiguous it trusts the platform's hint (Telegram's
``language_code``) and then the language the conversation has used so far.

    detector = make_detector("lingua", ["en", "es", "de"])
    detector.detect("Wo ist mein Paket?")                # "de"
    detector.detect("ok", hint="es-419")                  # "es"
    detector.detect("#A10293")                            # "unknown"
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

UNKNOWN = "unknown"
# The hint or history language wins when the text has fewer letters than this, when
# the best language is below MIN_CONFIDENCE, or when the fallback language scores at
# least FALLBACK_RATIO of the best ("hola" from a pt-BR user stays Portuguese).
MIN_LETTERS = 3
MIN_CONFIDENCE = 0.3
FALLBACK_RATIO = 0.5

# One- and two-word messages shoppers open or close a chat with, per language. Statistical
# detectors cannot read them: lingua scores "Hallo" 0.31 English and 0.05 German. So when a
# message of at most SHORT_WORDS words is made only of the hint's (or history's) own
# greetings, thanks and yes/no, that language wins ("Hallo" from a de or nl user), while a
# word that is not the hint's ("Danke" from an en user) is still left to the detector.
SHORT_WORDS = 3
_COURTESIES: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "hello hi hey hiya thanks thank you thx cheers yes no ok okay bye goodbye please "
        "sorry morning good evening great",
        "es": "hola buenas buenos días dias tardes noches gracias muchas sí si no vale ok adiós "
        "adios perfecto genial saludos",
        "fr": "bonjour bonsoir salut coucou merci beaucoup oui non ok d'accord parfait au revoir "
        "bonne journée",
        "de": "hallo hi hey moin servus grüß gott grüezi guten tag morgen abend danke "
        "dankeschön vielen dank ja nein ok bitte tschüss super",
        "it": "ciao salve buongiorno buonasera grazie mille sì si no ok perfetto arrivederci",
        "pt": "olá ola oi bom dia boa tarde noite obrigado obrigada valeu sim não nao ok tchau "
        "perfeito",
        "nl": "hallo hoi hey hi dag goedemorgen goedemiddag goedenavond dank je jullie u wel "
        "bedankt ja nee ok doei prima",
        "pl": "cześć czesc dzień dobry witam hej dzięki dzieki dziękuję dziekuje tak nie ok "
        "pozdrawiam",
        "ru": "привет здравствуйте добрый день вечер спасибо большое да нет ок пока",
        "tr": "merhaba selam günaydın iyi günler teşekkürler teşekkür ederim sağol sağ ol evet "
        "hayır tamam",
    }.items()
}

# Kana, CJK ideographs and Hangul. Japanese and Chinese put no spaces between words, so
# Python's \w runs straight from "注文番号" into "10421" and on into "の荷物": a number, a
# size ("US9") or a unit ("100V") glued to these scripts must end the word, or the whole
# sentence counts as one number.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
# Words: a run of those scripts, or a run of other word characters.
WORD = re.compile(rf"[{CJK}]+|[^\W{CJK}]+")
_NOT_CJK_WORD = rf"[^\W{CJK}]"
_NOISE = re.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    # e-mail addresses, which end where a CJK script starts: "メールはyuki.t@example.jpです"
    # was one "address" from the message's first character to its last, and the message
    # had nothing left to read
    rf"|(?<![^\s{CJK}])[^\s{CJK}]+@[^\s{CJK}]+\.{_NOT_CJK_WORD}+"
    rf"|[@#]{_NOT_CJK_WORD}+"  # mentions, hashtags, "#A10293"
    rf"|(?<!{_NOT_CJK_WORD}){_NOT_CJK_WORD}*\d{_NOT_CJK_WORD}*",  # order numbers, amounts, sizes
)
# The address and the number are tried only where a run of their characters starts (the
# look-behinds): tried at every character of a long run without "@" or a digit, each try
# scanning to the run's end, 16,000 letters took 6 s; now any length takes a millisecond,
# and what is removed is the same.
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


class LanguageDetector(Protocol):
    """Detects the language of one shopper message.

    ``detect`` returns an ISO 639-1 code among the configured languages, or "unknown";
    it never raises. ``hint`` is a platform language tag ("pt-br", "zh-hans"), used when
    the text alone is too short or ambiguous, as is ``history`` (the language of the
    conversation so far) when the hint is absent or not a store language.

        class Fixed:
            def detect(self, text, *, hint=None, history=None):
                return "en"
    """

    def detect(self, text: str, *, hint: str | None = None, history: str | None = None) -> str: ...


def normalize_code(tag: str | None) -> str | None:
    """ISO 639-1 code of a language tag: "pt-BR" -> "pt", "zh_hans" -> "zh", "iw" -> "he"."""
    if not tag:
        return None
    code = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return {"iw": "he", "in": "id", "ji": "yi"}.get(code, code) or None


def strip_noise(text: str) -> str:
    """The text without URLs, addresses, mentions and anything containing a digit."""
    return _NOISE.sub(" ", text)


def has_words(text: str) -> bool:
    """Whether there is anything to understand: a word of two letters or more, or a
    character of a script that writes whole words in one (漢, 谢). A stray letter ("l"),
    punctuation, an emoji or an order number alone is not."""
    for word in WORD.findall(strip_noise(text)):
        letters = sum(ch.isalpha() for ch in word)
        if letters >= 2 or (letters and re.match(f"[{CJK}]", word)):
            return True
    return False


def is_courtesy(text: str, language: str) -> bool:
    """Whether ``text`` is only a greeting, thanks or yes/no of ``language`` ("Hallo",
    "dank je wel", "Bom dia!"), short enough that a detector cannot tell its language."""
    words = WORD.findall(text.casefold().replace("’", "'"))
    known = _COURTESIES.get(language, frozenset())
    return 0 < len(words) <= SHORT_WORDS and all(word in known for word in words)


class _Detector:
    """Shared rules; subclasses rank the candidate languages of cleaned text."""

    def __init__(self, languages: Sequence[str]) -> None:
        self.languages = _validated(languages)

    def detect(self, text: str, *, hint: str | None = None, history: str | None = None) -> str:
        cleaned = strip_noise(text or "")
        letters = sum(ch.isalpha() for ch in cleaned)
        if not letters:
            return UNKNOWN
        fallback = next(
            (code for code in map(normalize_code, (hint, history)) if code in self.languages), None
        )
        if len(self.languages) == 1:
            return self.languages[0]
        if fallback is None:
            if letters < MIN_LETTERS and not re.search(f"[{CJK}]", cleaned):
                return UNKNOWN  # "l", "ok": any language could have written that
            return self._best(cleaned) or UNKNOWN
        if letters < MIN_LETTERS or is_courtesy(cleaned, fallback):
            return fallback
        ranked = self._ranked(cleaned)
        if not ranked:
            return fallback
        best, confidence = ranked[0]
        fallback_confidence = dict(ranked).get(fallback, 0.0)
        if confidence < MIN_CONFIDENCE or fallback_confidence >= FALLBACK_RATIO * confidence:
            return fallback
        return best

    def _best(self, text: str) -> str | None:
        ranked = self._ranked(text)
        return ranked[0][0] if ranked else None

    def _ranked(self, text: str) -> list[tuple[str, float]]:
        raise NotImplementedError


class LinguaDetector(_Detector):
    """lingua in high accuracy mode, restricted to the configured languages.

    Its models are loaded once, when the detector is built (about 0.1 s, ~100 MB for
    14 languages); build one per process and reuse it.
    """

    def __init__(self, languages: Sequence[str]) -> None:
        super().__init__(languages)
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        codes = []
        for code in self.languages:
            iso = getattr(IsoCode639_1, code.upper(), None)
            if iso is None:
                raise ValueError(f"language {code!r} is not supported by lingua")
            codes.append(iso)
        if len(codes) < 2:
            self._lingua = None
            return
        try:
            builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        except ValueError as exc:
            raise ValueError(f"lingua cannot detect {self.languages}: {exc}") from exc
        self._lingua = builder.with_preloaded_language_models().build()

    def _best(self, text: str) -> str | None:
        language = self._lingua.detect_language_of(text) if self._lingua else None
        return language.iso_code_639_1.name.lower() if language else None

    def _ranked(self, text: str) -> list[tuple[str, float]]:
        if self._lingua is None:
            return []
        values = self._lingua.compute_language_confidence_values(text)
        return [(v.language.iso_code_639_1.name.lower(), v.value) for v in values]


class LangdetectDetector(_Detector):
    """langdetect (a port of Google's language-detection), restricted by loading only
    the profiles of the configured languages; seeded, so the same text gives the same
    answer."""

    def __init__(self, languages: Sequence[str], *, seed: int = 0) -> None:
        super().__init__(languages)
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        profiles = []
        for code in self.languages:
            names = ("zh-cn", "zh-tw") if code == "zh" else (code,)
            paths = [Path(PROFILES_DIRECTORY) / name for name in names]
            if not all(path.is_file() for path in paths):
                raise ValueError(f"language {code!r} is not supported by langdetect")
            profiles += [path.read_text(encoding="utf-8") for path in paths]
        self._factory = DetectorFactory()
        if len(profiles) >= 2:
            self._factory.load_json_profile(profiles)
        self._factory.set_seed(seed)

    def _ranked(self, text: str) -> list[tuple[str, float]]:
        from langdetect.lang_detect_exception import LangDetectException

        if len(self.languages) < 2:
            return []
        # langdetect confuses short CJK text; kana, Hangul and Han-only are decisive.
        for script, code in ((_KANA, "ja"), (_HANGUL, "ko"), (_HAN, "zh")):
            if code in self.languages and script.search(text):
                return [(code, 1.0)]
        detector = self._factory.create()
        detector.append(text)
        try:
            probabilities = detector.get_probabilities()
        except LangDetectException:  # no usable features, e.g. only symbols
            return []
        merged: dict[str, float] = {}
        for item in probabilities:
            code = normalize_code(item.lang) or UNKNOWN
            merged[code] = merged.get(code, 0.0) + item.prob
        return sorted(merged.items(), key=lambda pair: pair[1], reverse=True)


DETECTORS = {"lingua": LinguaDetector, "langdetect": LangdetectDetector}


def make_detector(name: str, languages: Sequence[str]) -> LanguageDetector:
    """Build the detector named by the settings ("lingua" or "langdetect")."""
    if name not in DETECTORS:
        raise ValueError(
            f"unknown language detector {name!r}; choose one of " + ", ".join(DETECTORS)
        )
    return DETECTORS[name](languages)


def _validated(languages: Sequence[str]) -> tuple[str, ...]:
    if isinstance(languages, str):
        languages = languages.split(",")
    codes: list[str] = []
    for raw in languages:
        code = raw.strip().lower()
        if not re.fullmatch(r"[a-z]{2}", code):
            raise ValueError(f"language {raw!r} is not an ISO 639-1 code such as en or zh")
        if code not in codes:
            codes.append(code)
    if not codes:
        raise ValueError("no languages configured; give at least one ISO 639-1 code")
    return tuple(codes)
