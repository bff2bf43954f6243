"""A parcel returned to sender or out for delivery today is answered as what it is (issue
15; ``replies.parcel_status``).

The fourth blind sendability check found a linked order whose carrier status said the
parcel went back to the sender answered as late and "on its way", and one out for delivery
today answered as not shipped yet or with delivery options before buying. None of those
messages is here: each probe below was written for this file, the way shoppers type, and
labelled before it was first run.
"""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.order_state import LinkedOrder
from replies.parcel_status import OUT_FOR_DELIVERY, RETURNED, parcel_reply, parcel_state
from tests.replies.shopper_figures import runtime_engine

TRACKING = {"tracking_number": "JD0146000077553", "carrier": "GLS"}


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


def order(status: str, *, tracked: bool = True) -> dict[str, str]:
    values = {"order_number": "60317", "order_status": status, "ordered_on": "2026-11-02"}
    return values | TRACKING if tracked else values


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("returned", RETURNED),
        ("Returned to Sender", RETURNED),
        ("return-to-sender", RETURNED),
        ("RETURNED_TO_SHIPPER", RETURNED),
        ("RTS", RETURNED),
        ("Out for delivery", OUT_FOR_DELIVERY),
        ("out_for_delivery", OUT_FOR_DELIVERY),
        ("in_transit", ""),
        ("delivered", ""),
        ("", ""),
    ],
)
def test_the_status_is_read_as_shop_systems_write_it(status: str, state: str) -> None:
    assert parcel_state({"order_status": status}) == state


# What each language's answer says of a parcel sent back to us.
SENT_BACK = {
    "en": "returned to sender",
    "es": "devuelto al remitente",
    "fr": "retourné à l'expéditeur",
    "de": "zurückgeschickt",
    "it": "rispedito al mittente",
    "pt": "devolvido ao remetente",
    "nl": "teruggestuurd",
    "pl": "zwrócona do nadawcy",
    "ru": "возвращена отправителю",
    "tr": "iade edildi",
    "ja": "返送",
    "ko": "반송",
    "zh": "退回",
    "ar": "أُعيد",
}
ASKED_WHERE_OR_LATE = [
    ("en", "it's been ages, where is my order??"),
    ("fr", "bonjour, toujours rien reçu, elle est où ma commande ?"),
    ("it", "il mio ordine è in ritardo, che succede?"),
    ("pl", "gdzie jest moja paczka? miała być w zeszłym tygodniu"),
    ("tr", "siparişim nerede, hâlâ gelmedi"),
    ("ko", "주문한 거 아직도 안 왔어요 어디쯤인가요?"),
    ("zh", "我的包裹到哪里了？一直没收到"),
    ("ar", "وين طلبي؟ صار له وقت طويل"),
]


@pytest.mark.parametrize(("language", "text"), ASKED_WHERE_OR_LATE)
def test_a_parcel_returned_to_sender_is_not_answered_as_on_its_way(
    engine: SuggestionEngine, language: str, text: str
) -> None:
    s = engine.suggest(text, lang_hint=language, variables=order("returned_to_sender"))
    assert s.intent in ("track_order", "delivery_delay", "lost_package"), s.top
    assert s.reply is not None and SENT_BACK[language] in s.reply, s.reply
    assert "60317" in s.reply
    # nothing about the carrier still bringing it
    assert TRACKING["carrier"] not in s.reply, s.reply


def test_a_shopper_in_portugal_reads_the_returned_parcel_in_european_portuguese(
    engine: SuggestionEngine,
) -> None:
    s = engine.suggest(
        "a minha encomenda ainda não chegou, o que se passa?",
        lang_hint="pt",
        country="PT",
        variables=order("returned"),
    )
    assert s.reply is not None and "devolvida ao remetente" in s.reply, s.reply
    assert "morada" in s.reply and "seu pedido" not in s.reply


# What each language's answer says of a parcel that arrives today.
TODAY = {"en": "today", "es": "hoy", "de": "heute", "ru": "сегодня", "ja": "本日", "nl": "vandaag"}
ASKED_WHEN = [
    ("es", "¿cuándo llega mi pedido? llevo días esperando"),
    ("de", "Kommt mein Paket heute noch?"),
    ("ru", "когда привезут мой заказ?"),
    ("ja", "荷物はいつ届きますか？"),
    ("nl", "waar blijft mijn bestelling nou"),
    ("en", "how long will delivery take? i need it before the weekend"),
]


@pytest.mark.parametrize(("language", "text"), ASKED_WHEN)
def test_a_parcel_out_for_delivery_is_answered_as_arriving_today(
    engine: SuggestionEngine, language: str, text: str
) -> None:
    s = engine.suggest(text, lang_hint=language, variables=order("Out for delivery"))
    assert s.intent in ("track_order", "delivery_delay", "lost_package"), s.top
    assert s.reply is not None and TODAY[language] in s.reply, s.reply
    assert TRACKING["tracking_number"] in s.reply and TRACKING["carrier"] in s.reply


def test_out_for_delivery_without_tracking_names_no_tracking_number(
    engine: SuggestionEngine,
) -> None:
    s = engine.suggest(
        "where's my stuff", lang_hint="en", variables=order("out for delivery", tracked=False)
    )
    assert s.reply is not None and "out for delivery today" in s.reply, s.reply
    assert "tracking number" not in s.reply


def test_delivery_times_asked_about_a_parcel_out_for_delivery_are_about_that_parcel() -> None:
    linked = LinkedOrder.of(order("out_for_delivery"), overdue=False)
    assert linked is not None and linked.parcel
    assert LinkedOrder.of(order("in_transit"), overdue=False) == LinkedOrder("on_its_way")


LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ja", "ko", "zh", "ar")


@pytest.mark.parametrize("status", ["returned", "out_for_delivery"])
@pytest.mark.parametrize("tracked", [True, False])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_the_answer_with_the_order_filled_in(
    engine: SuggestionEngine, status: str, tracked: bool, language: str
) -> None:
    values = order(status, tracked=tracked)
    template = parcel_reply(values, language)
    assert template is not None and template != parcel_reply(values, "en") or language == "en"
    filled = engine.fill(template or "", language, values)
    assert "{" not in filled and "60317" in filled
    assert (TRACKING["tracking_number"] in filled) == (tracked and status != "returned")
