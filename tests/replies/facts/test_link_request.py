"""An answer without a linked order asks for what links it, and never for what the
shopper already wrote (``replies.facts.link``)."""

from __future__ import annotations

import pytest

from replies.facts.link import LINK_LANGUAGES, link_request
from replies.situations import asks_for

LANGUAGES = "en es fr de it pt nl pl ru tr ja ko zh ar".split()


def test_every_store_language_has_both_requests() -> None:
    assert LINK_LANGUAGES == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_typed_number_is_named_and_not_asked_for_again(language: str) -> None:
    both = link_request(language, None)
    known = link_request(language, "#A20481")
    assert "A20481" in known and "#A20481" not in known
    assert "A20481" not in both
    assert known != both


def test_the_english_request_reads_as_a_person_would_write_it() -> None:
    assert link_request("en", None) == (
        "To find your order, please send us the order number and the e-mail address or "
        "phone number you used at checkout."
    )
    assert link_request("en", "A20481") == (
        "To find order A20481, please send us the e-mail address or phone number you used "
        "at checkout."
    )
    assert link_request("xx", None) == link_request("en", None)


def test_what_the_answer_asks_for_follows_what_is_known() -> None:
    assert asks_for({}) == ("order_number", "checkout_contact")
    assert asks_for({"order_number": "A20481"}) == ("checkout_contact",)
    assert asks_for({"order_status": "paid", "order_number": "A20481"}) == ()
