"""Small answer libraries written into tmp_path, so tests do not depend on the real one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

LANGS = ("en", "es", "fr", "de", "it", "pt", "ja", "zh")


def intent_data(intent: str, words: str, **overrides: object) -> dict[str, object]:
    """A valid library entry whose examples all mention ``words``."""
    examples = {"en": [f"{words} please, case {i}" for i in range(15)]}
    examples.update({lang: [f"{words} {lang} {i}" for i in range(5)] for lang in LANGS[1:]})
    data: dict[str, object] = {
        "intent": intent,
        "title": intent.replace("_", " ").capitalize(),
        "category": "order",
        "department": "sales",
        "problem": False,
        "auto_send": False,
        "examples": examples,
        "replies": {
            lang: f"[{lang}] Hi {{shopper_name}}, about {{order_number}}: {words}."
            for lang in LANGS
        },
        "replies_without_order": {
            lang: f"[{lang}] Hi {{shopper_name}}, send us the order number: {words}."
            for lang in LANGS
        },
    }
    data.update(overrides)
    return data


def write_library(directory: Path, entries: list[dict[str, object]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        text = yaml.safe_dump(entry, allow_unicode=True, sort_keys=False)
        (directory / f"{entry['intent']}.yaml").write_text(text, encoding="utf-8")
    return directory


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    return write_library(
        tmp_path / "library",
        [
            intent_data("track_order", "where is my parcel tracking"),
            intent_data("cancel_order", "cancel my order stop it"),
            intent_data("thanks", "thank you so much", category="small_talk", auto_send=True),
        ],
    )
