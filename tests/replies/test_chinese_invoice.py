"""A Chinese shopper who asks for a 发票 for 报销 (expense claims) is told it is the
store's commercial invoice, not a Chinese VAT fapiao (增值税发票), which a store abroad
cannot issue (issue 15, sendability set 3 #51). Probes written fresh for this file."""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from tests.replies.shopper_figures import runtime_engine

ORDER = {"order_number": "88120", "order_status": "delivered", "carrier": "顺丰速运"}


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("东西收到了，麻烦开一下发票，单位报销要用", ORDER),
        ("请问可以开增值税专票吗？公司报销需要", None),
        ("订单88120的发票能发我一份吗", ORDER),
    ],
)
def test_a_chinese_invoice_answer_says_it_is_no_vat_fapiao(
    engine: SuggestionEngine, text: str, order: dict[str, str] | None
) -> None:
    suggestion = engine.suggest(text, lang_hint="zh", variables=order)
    assert suggestion.intent == "get_invoice", suggestion.top
    reply = suggestion.reply or ""
    assert "商业发票" in reply and "增值税发票" in reply, reply
    assert "报销" in reply


def test_other_languages_hear_nothing_of_chinese_vat(engine: SuggestionEngine) -> None:
    suggestion = engine.suggest(
        "注文88120の領収書を発行してもらえますか", lang_hint="ja", variables=ORDER
    )
    assert (
        suggestion.reply and "増値税" not in suggestion.reply and "增值税" not in suggestion.reply
    )
