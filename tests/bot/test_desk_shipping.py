"""The desk file's ``shipping:`` section: delivery times and customs terms, checked with
the file and line of a mistake like the rest of the desk file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.desk import load_desk
from bot.errors import ConfigError
from replies.facts.terms import CustomsTerms, DeliveryWindow, Duties

EXAMPLE = Path(__file__).resolve().parents[2] / "desk.example.yaml"


def test_the_example_desk_file_sets_times_and_terms() -> None:
    shipping = load_desk(EXAMPLE).shipping
    assert shipping.ships_from == "DE"
    assert shipping.delivery.window_for("US") == DeliveryWindow(5, 8)
    assert shipping.delivery.window_for("IT") == DeliveryWindow(2, 5)  # the EU line
    assert shipping.delivery.window_for("JP") == DeliveryWindow(7, 14)  # the default
    assert shipping.customs == CustomsTerms(Duties.ON_DELIVERY, ioss=True, uk_vat=True)


def test_without_the_section_nothing_is_promised(tmp_path: Path) -> None:
    desk = tmp_path / "desk.yaml"
    desk.write_text("support:\n  timezone: Europe/Berlin\n", encoding="utf-8")
    shipping = load_desk(desk).shipping
    assert shipping.delivery.window_for("US") is None
    assert shipping.customs is None  # answers then promise nothing about who pays


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "shipping:\n  delivery_days:\n    US: 8-5\n",
            "desk.yaml:3: shipping.delivery_days.US: '8-5': the days must be above 0, "
            "the shorter first",
        ),
        (
            "shipping:\n  delivery_days:\n    US: 5-8\n    Narnia: 2\n",
            "desk.yaml:4: shipping.delivery_days.Narnia: not a destination",
        ),
        (
            "shipping:\n  customs:\n    duties: sometimes\n",
            "desk.yaml:3: shipping.customs.duties: 'sometimes': write at_checkout (DDP) or "
            "on_delivery (DAP)",
        ),
        ("shipping:\n  customs:\n    iossx: true\n", "desk.yaml:3: shipping.customs.iossx:"),
        ("shipping: 5-8\n", "desk.yaml:1: shipping: expected a mapping"),
    ],
)
def test_a_mistake_names_the_file_line_and_key(tmp_path: Path, text: str, error: str) -> None:
    desk = tmp_path / "desk.yaml"
    desk.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_desk(desk)
    assert str(caught.value).startswith(f"{tmp_path}/{error}")
