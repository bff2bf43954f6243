"""A customs bill's answer asks for the carrier's notice once, not twice.

Sendability set 3 (#1, default environment): a shopper whose parcel was held until they
paid read "Before you pay, please send us a photo or screenshot of the notice ..." and
then, in the next sentence, "If you have a customs notice, please send us a photo or
screenshot of it ...". The customs answer asks for the notice in its own words in every
language and situation, so the fact sentence no longer asks too; as a second question's
sentence alone ("{customs_advice}"), it still does. Fresh probes, one per language.
"""

from __future__ import annotations

from datetime import date

import pytest

from replies.facts.country import LANGUAGES
from replies.facts.customs import _SPECIAL
from replies.facts.fill import fact_variables
from replies.facts.terms import parse_shipping
from replies.library import load_library

DEFAULT = parse_shipping({})  # no desk file: where the store ships from is unknown
TODAY = date(2026, 12, 7)
BILL = "the courier wants me to pay 38 € customs before handing over my parcel"
SPEC = load_library()["customs_duties"]


def _fields() -> list[tuple[str, str]]:
    fields = [("replies", SPEC.replies)]
    fields += [("without_tracking", SPEC.replies_without_tracking or {})]
    fields += [("without_order", SPEC.replies_without_order or {})]
    return [(name, language) for name, texts in fields for language in texts]


@pytest.mark.parametrize(("field", "language"), _fields())
def test_the_full_answer_asks_for_the_notice_in_its_own_words_only(
    field: str, language: str
) -> None:
    texts = {
        "replies": SPEC.replies,
        "without_tracking": SPEC.replies_without_tracking,
        "without_order": SPEC.replies_without_order,
    }[field]
    assert texts is not None
    facts = fact_variables(
        BILL, texts[language], language, {}, terms=DEFAULT, today=TODAY, country="US"
    )
    photo_request = _SPECIAL.get(language, _SPECIAL["en"])[4]
    assert photo_request not in facts["customs_advice"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_second_questions_sentence_still_asks_for_it(language: str) -> None:
    facts = fact_variables(
        BILL, "{customs_advice}", language, {}, terms=DEFAULT, today=TODAY, country="US"
    )
    assert _SPECIAL.get(language, _SPECIAL["en"])[4] in facts["customs_advice"]
