"""Another answer staff pick for an Arabic message that opened with "السلام عليكم" returns
the greeting of peace too, as the suggested answer does (issue 15, sendability set 3 #53:
the suggestion had it, the answer chosen in the picker did not)."""

from __future__ import annotations

from pathlib import Path

from bot.models import ActionKind
from tests.handlers.desk import local_desk


async def test_an_answer_chosen_in_the_picker_returns_the_greeting_of_peace(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("السلام عليكم، كم يستغرق الشحن إلى جدة؟", hint="ar")
        card = desk.cards()[-1]
        await desk.act(ActionKind.OTHER_SUBMIT, card, intent="delivery_options")
        reply = desk.sent()[-1]
        assert reply.startswith("وعليكم السلام"), reply
        assert reply.count("وعليكم السلام") == 1


async def test_an_answer_chosen_for_a_plain_hello_is_left_as_written(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        await desk.say("مرحبا، كم يستغرق الشحن إلى جدة؟", hint="ar")
        await desk.act(ActionKind.OTHER_SUBMIT, desk.cards()[-1], intent="delivery_options")
        assert "وعليكم السلام" not in desk.sent()[-1]
