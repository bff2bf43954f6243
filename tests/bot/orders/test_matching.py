"""The one home of the matching rules: order numbers, e-mail addresses, phone numbers."""

from __future__ import annotations

from bot.orders.matching import (
    clean_phone,
    emails_in,
    looks_like_phone,
    order_key,
    phones_in,
    phones_match,
    same_email,
    shown_number,
)
from bot.orders.model import parse_order


def test_order_numbers_are_one_order_without_hash_dash_spaces_and_case() -> None:
    assert order_key("#A-1001") == order_key("a1001") == order_key(" #a-1001 ") == "A1001"
    assert order_key("#1001") == order_key("1001")
    assert order_key("1001") != order_key("10010")
    assert order_key("2026/1001") != order_key("20261001"), "only # - and spaces are dropped"
    assert shown_number("1001") == shown_number("#1001") == "#1001"


def test_the_email_on_an_order_proves_it_in_any_case() -> None:
    stored = parse_order({"order_number": "#1001", "email": " Ana.Garcia@Example.ES "}).email
    assert stored == "ana.garcia@example.es"
    assert same_email("ana.garcia@EXAMPLE.es", stored)
    assert same_email("STRASSE@example.de", "straße@example.de"), "one rule: case folding"
    assert not same_email("someone@example.es", stored)
    assert not same_email(None, None)


def test_the_phone_on_an_order_proves_it_with_or_without_the_country_prefix() -> None:
    stored = parse_order({"order_number": "#1001", "phone": "+34 612 345 678"}).phone
    assert stored == clean_phone("+34 (612) 345-678") == "+34612345678"
    assert phones_match("612 34 56 78", stored)  # read in the country of the other number
    assert phones_match("+34612345678", stored)
    assert not phones_match("5678", stored)
    assert not phones_match(None, stored)
    assert clean_phone("call me") is None and clean_phone("12345") is None


def test_contact_details_are_found_in_a_message() -> None:
    text = "Order #1001, ana+shop@example.es or call +34 612 34 56 78"
    assert emails_in(text) == ["ana+shop@example.es"]
    assert [p.strip() for p in phones_in(text)] == ["+34 612 34 56 78"]
    assert looks_like_phone("+34 612 345 678") and not looks_like_phone("Ana García")
