"""The proactive notice texts: every language, the right variables, the opt-out line, and
the store's own copies replacing the built-in ones."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml

from bot.config import DEFAULT_LANGUAGES
from replies.library import LibraryError
from replies.notices import NOTICES_DIR, REQUIRED, Notices

PROACTIVE = ("payment_reminder", "shipped", "delay", "review_request", "rating")
STOP_WORDS = {  # how each language's last line says "reply STOP"
    "en": "Reply STOP", "es": "Responde STOP", "fr": "Répondez STOP", "de": "Antworten Sie STOP",
    "it": "Rispondi STOP", "pt": "Responda STOP", "nl": "Antwoord STOP", "pl": "Odpowiedz STOP",
    "ru": "Ответьте STOP", "tr": "STOP yazarak", "ja": "「STOP」とご返信", "ko": "STOP이라고 답장",
    "zh": "请回复 STOP", "ar": "أرسل STOP",
}  # fmt: skip
FULL = {
    "shopper_name": "Ana",
    "order_number": "A10293",
    "carrier": "DHL",
    "tracking_number": "LX482913075CN",
    "tracking_link": "https://track.example/LX482913075CN",
    "estimated_delivery": "Friday 6 March",
}


# (language, country) of every line: the 14 languages and European Portuguese (pt-PT)
READERS = [*((language, None) for language in DEFAULT_LANGUAGES), ("pt", "PT")]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("name", [*PROACTIVE, "stopped", "resolved", "resolved_plain"])
def test_each_notice_has_all_fourteen_languages_with_exactly_its_variables(name: str) -> None:
    data = yaml.safe_load((NOTICES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    assert set(data) == {*DEFAULT_LANGUAGES, "pt-PT"} and len(data) == 15
    for language, text in data.items():
        assert fields(text) == REQUIRED[name], (name, language)


@pytest.mark.parametrize("name", PROACTIVE)
def test_every_proactive_text_ends_with_a_short_opt_out_line(name: str) -> None:
    notices = Notices.load()
    for language, country in READERS:
        text, used = notices.render(name, language, FULL, country=country)
        assert used == language
        last = text.splitlines()[-1]
        assert STOP_WORDS[language] in last and len(last) < 80, (name, language, country, last)
        assert "{" not in text and "}" not in text


def test_the_plain_resolution_update_greets_with_or_without_a_name_in_every_language() -> None:
    """Prepared when the department's note cannot be given in the shopper's language
    (handlers/escalation.py): it is the whole update, so it must read on its own."""
    notices = Notices.load()
    for language, country in READERS:
        named, used = notices.render(
            "resolved_plain", language, {"shopper_name": "Ana"}, country=country
        )
        nameless, _ = notices.render(
            "resolved_plain", language, {"shopper_name": ""}, country=country
        )
        assert used == language and "Ana" in named, language
        assert "{" not in nameless and ", ," not in nameless and not nameless.startswith(","), (
            language
        )


def test_the_stop_confirmation_says_how_to_undo_it_in_every_language() -> None:
    notices = Notices.load()
    for language, country in READERS:
        text, _ = notices.render("stopped", language, {"shopper_name": "Ana"}, country=country)
        assert "START" in text and "Ana" in text and "STOP" not in text, language


def test_the_shipped_notice_shows_every_value_and_drops_lines_it_cannot_fill() -> None:
    notices = Notices.load()
    full, _ = notices.render("shipped", "de", FULL)
    assert all(value in full for value in FULL.values())
    bare, _ = notices.render(
        "shipped", "de", {"order_number": "A10293", "tracking_number": "LX482913075CN"}
    )
    assert bare.splitlines() == [
        "Gute Nachrichten! Ihre Bestellung #A10293 ist mit unserem Versandpartner zu Ihnen "
        "unterwegs.",
        "Sendungsnummer: LX482913075CN",
        "Antworten Sie STOP, um diese Nachrichten nicht mehr zu erhalten.",
    ]


@pytest.mark.parametrize("language", ["en", "ja", "ko", "zh", "ar"])
def test_a_delay_without_tracking_number_reads_cleanly(language: str) -> None:
    text, _ = Notices.load().render("delay", language, {"order_number": "A1"})
    assert "()" not in text and "（）" not in text and "  " not in text
    assert " ," not in text and " ." not in text and "{" not in text


def test_the_stores_own_copy_replaces_the_built_in_text(tmp_path: Path) -> None:
    (tmp_path / "shipped.yaml").write_text(
        'en: "{shopper_name}, parcel {order_number} left our workshop today. Reply STOP to '
        'opt out."\nes: "{shopper_name}, el paquete {order_number} salió hoy del taller."\n',
        encoding="utf-8",
    )
    notices = Notices.load(tmp_path)
    text, _ = notices.render("shipped", "es", FULL)
    assert text == "Ana, el paquete A10293 salió hoy del taller."
    assert notices.render("shipped", "ja", FULL)[1] == "en"  # the store wrote no Japanese
    assert notices.texts["delay"] == Notices.load().texts["delay"]  # the rest stays built in
    assert Notices.load(NOTICES_DIR) == Notices.load()


def test_a_copy_with_an_unknown_variable_or_name_is_refused_with_the_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "delay.yaml").write_text('en: "Late! Refund {refund_amount}."\n', "utf-8")
    with pytest.raises(LibraryError, match=r"delay\.yaml.*'en'.*refund_amount"):
        Notices.load(tmp_path)
    (tmp_path / "delay.yaml").unlink()
    (tmp_path / "shiped.yaml").write_text('en: "typo"\n', "utf-8")
    with pytest.raises(LibraryError, match=r"shiped\.yaml: is not a notice"):
        Notices.load(tmp_path)
    with pytest.raises(LibraryError, match="is not a folder"):
        Notices.load(tmp_path / "missing")
