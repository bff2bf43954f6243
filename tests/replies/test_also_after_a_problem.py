"""A problem report's answer makes no second promise that a colleague will look.

Sendability check (2026-12-07): "if anything in your message went unanswered, a colleague
will check" closed answers to messages with one question, where the reading had taken a
sentence ("it has been two weeks", "I have written four times") for a second question.
An answer to a problem report already says that its department looks into it and gets
back to the shopper, and that person reads the whole message.
"""

from __future__ import annotations

import pytest

from replies.also import ACKNOWLEDGE, also_templates
from replies.facts.country import LANGUAGES
from replies.library import load_library

LIBRARY = load_library()
PROBLEMS = sorted(name for name, spec in LIBRARY.items() if spec.problem)
NO_OWN = [spec for spec in LIBRARY.values() if not spec.also and not spec.problem]


def test_the_library_has_problem_reports_and_questions_without_their_own_sentence() -> None:
    assert {"delivery_delay", "damaged_item", "complaint"} <= set(PROBLEMS)
    assert len(NO_OWN) >= 2


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("problem", PROBLEMS)
def test_a_problem_reports_answer_adds_no_promise(problem: str, language: str) -> None:
    first = LIBRARY[problem]
    others = [spec for spec in NO_OWN if spec.intent not in first.covers][:2]
    assert ACKNOWLEDGE[language] not in also_templates(first, others, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_problem_reports_answer_still_answers_a_question_with_its_own_sentence(
    language: str,
) -> None:
    first = LIBRARY["delivery_delay"]
    own = next(
        spec
        for spec in LIBRARY.values()
        if spec.also.get(language) and spec.intent != first.intent
        and spec.intent not in first.covers
    )  # fmt: skip
    assert also_templates(first, [own], language) == [own.also[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_question_answered_elsewhere_still_gets_the_promise(language: str) -> None:
    first = LIBRARY["voltage_plug"]
    assert not first.problem
    others = [spec for spec in NO_OWN if spec.intent not in first.covers][:1]
    assert also_templates(first, others, language) == [ACKNOWLEDGE[language]]
