from __future__ import annotations

from pathlib import Path

import pytest

from replies.library import LibraryError, load_library
from tests.replies.conftest import intent_data, write_library


def test_loads_a_valid_library(small_library: Path) -> None:
    library = load_library(small_library)
    assert sorted(library) == ["cancel_order", "thanks", "track_order"]
    assert library["thanks"].auto_send is True
    assert len(library["track_order"].examples["en"]) == 15


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"department": "shipping"}, "department", "must be one of"),
        ({"category": "stuff"}, "category", "must be one of"),
        ({"problem": "yes"}, "problem", "true or false"),
        ({"exmaples": {}}, "exmaples", "unknown field"),
        ({"replies": {"en": "Hi {name}"}}, "replies.en", "unknown variable {name}"),
        ({"replies": {"en": "Hi {shopper_name"}}, "replies.en", "braces"),
        ({"replies": {"en": "Hi"}}, "replies", "missing the reply in es"),
        ({"examples": {"en": ["only one"]}}, "examples.en", "at least 15"),
    ],
)
def test_errors_name_file_intent_and_field(
    tmp_path: Path, overrides: dict[str, object], field: str, words: str
) -> None:
    write_library(tmp_path, [intent_data("cancel_order", "cancel", **overrides)])
    with pytest.raises(LibraryError) as caught:
        load_library(tmp_path)
    message = str(caught.value)
    assert "cancel_order.yaml" in message and "'cancel_order'" in message
    assert f"field {field!r}" in message and words in message
    assert caught.value.field == field


def test_error_gives_the_line_of_the_bad_field(tmp_path: Path) -> None:
    write_library(tmp_path, [intent_data("cancel_order", "cancel", department="shipping")])
    with pytest.raises(LibraryError) as caught:
        load_library(tmp_path)
    lines = (tmp_path / "cancel_order.yaml").read_text().splitlines()
    assert lines[caught.value.line - 1].startswith("department:")


def test_intent_must_match_file_name(tmp_path: Path) -> None:
    write_library(tmp_path, [intent_data("cancel_order", "cancel")])
    (tmp_path / "cancel_order.yaml").rename(tmp_path / "stop_order.yaml")
    with pytest.raises(LibraryError, match="must equal the file name 'stop_order'"):
        load_library(tmp_path)


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "greeting.yaml").write_text("intent: greeting\ntitle: [unclosed\n")
    with pytest.raises(LibraryError, match=r"greeting\.yaml:\d+: .*not valid YAML"):
        load_library(tmp_path)


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no <intent>.yaml files"):
        load_library(tmp_path)


def test_the_shipped_library_is_valid() -> None:
    library = load_library()
    assert library, "replies/library/ holds no intents"
    for spec in library.values():
        assert spec.auto_send == (spec.intent in {"greeting", "thanks"}), spec.intent


def test_language_example_files_add_phrasings_to_their_intents(small_library: Path) -> None:
    (small_library / "examples").mkdir()
    (small_library / "examples" / "es.yaml").write_text(
        "track_order:\n  - ¿dónde anda mi paquete?\n  - ¿dónde anda mi paquete?\n"
        "cancel_order: [ya no lo quiero, cancélalo]\n",
        encoding="utf-8",
    )
    library = load_library(small_library)
    assert library["track_order"].examples["es"][-1] == "¿dónde anda mi paquete?"
    assert library["track_order"].examples["es"].count("¿dónde anda mi paquete?") == 1
    assert {"ya no lo quiero", "cancélalo"} <= set(library["cancel_order"].examples["es"])
    assert "ya no lo quiero" not in library["thanks"].examples.get("es", ())


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("es.yaml", "trak_order:\n  - dónde está\n", "unknown intent"),
        ("es.yaml", "track_order: dónde está\n", "list of non-empty phrasings"),
        ("spanish.yaml", "track_order: [dónde está]\n", "two-letter language code"),
        ("es.yaml", "- dónde está\n", "mapping of intent names"),
    ],
)
def test_language_example_file_mistakes_name_the_file(
    small_library: Path, name: str, text: str, words: str
) -> None:
    (small_library / "examples").mkdir()
    (small_library / "examples" / name).write_text(text, encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_library(small_library)
    assert name in str(caught.value) and words in str(caught.value)
    if "unknown intent" in words:
        assert caught.value.line == 1
