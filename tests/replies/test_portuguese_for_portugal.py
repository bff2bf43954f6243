"""A shopper in Portugal reads European Portuguese; a Brazilian shopper's replies are unchanged.

The library's Portuguese is Brazilian; ``replies/library/variants/pt-PT.yaml`` words every
answer and every sentence the code adds (facts, link requests, neutral phrases) as a shop
in Portugal writes it (``replies.variants``). The markers below are words and forms a
reader in Portugal sees as Brazilian; none may reach a shopper in Portugal.
"""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
import yaml

from bot.calendar.hours import BusinessCalendar
from replies.classifier import IntentClassifier
from replies.engine import SuggestionEngine
from replies.facts.customs import customs_advice
from replies.facts.sizes import size_advice
from replies.facts.terms import parse_shipping
from replies.facts.voltage import plug_advice
from replies.language import make_detector
from replies.library import DEFAULT_LIBRARY_DIR, LibraryError, load_library
from replies.situations import OrderSituation
from replies.store import StoreDetails
from replies.variants import FIELDS, Variant, load_variants, variant_for

# Words and forms of Brazilian Portuguese that a reader in Portugal notices at once.
BRAZILIAN = re.compile(
    r"\bvocês?\b|\ba gente\b|\bequipe\b|\bcontato\b|\bcaptura de tela\b|\btela\b|\bcelular\b|"
    r"\bbivolt\b|\bchapinhas?\b|\bcadastr\w*|\bsenha\b|\busuário|\bprint\b|\bfrete\b|"
    r"\bestoque\b|\bconfer[ei]\b|\bconfira\b|\bprovedor\b|\bvoltagem\b|\bretornar[áa]?\b|"
    r"\bOi\b|\bpra\b|\bnúmero do pedido\b|(?<!o )\bseu pedido\b|\bo pedido \d|"
    r"\bendereço\b(?! de e-mail)|\bconfigurações\b|\bsalvar\b|\bexcluir\b|\bregistro\b|"
    # the progressive with a gerund ("estamos verificando")
    r"\b(?:está|estão|estamos|estou|esteja|estava)\s+\w+ndo\b|"
    # a possessive without its article after a preposition or starting a sentence
    r"(?:^|[.!?:;]\s+|\b(?:em|de|para|com|sobre)\s)(?:[Ss]eu|[Ss]ua|[Ss]eus|[Ss]uas|[Nn]osso|"
    r"[Nn]ossa|[Nn]ossos|[Nn]ossas)\b",
)

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
CALENDAR = BusinessCalendar.from_dict(
    {"timezone": "Europe/Berlin", "hours": {"mon-fri": "09:00-18:00", "sat": "10:00-14:00"}}
)
DESK_TERMS = parse_shipping(
    {
        "ships_from": "DE",
        "delivery_days": {"DE": "1-2", "EU": "2-5"},
        "customs": {"duties": "on_delivery", "ioss": True, "uk_vat": True},
        "returns": {"postage": "shopper_unless_faulty", "exchanges": True},
        "saturday_delivery": False,
        "payment_methods": ["card", "paypal"],
    }
)
NO_TERMS = parse_shipping(None)
ORDERS: dict[OrderSituation, dict[str, str]] = {
    OrderSituation.WITH_TRACKING: {
        "order_status": "shipped",
        "order_number": "A10293",
        "tracking_number": "CT123456789PT",
        "carrier": "CTT",
        "ordered_on": "2026-11-20",
    },
    OrderSituation.WITHOUT_TRACKING: {
        "order_status": "paid",
        "order_number": "A10293",
        "ordered_on": "2026-11-20",
    },
    OrderSituation.WITHOUT_ORDER: {},
}


@cache
def variants() -> dict[str, Variant]:
    return load_variants(DEFAULT_LIBRARY_DIR, load_library())


@cache
def engine(with_terms: bool, name: str, with_variants: bool = True) -> SuggestionEngine:
    library = load_library()
    classifier = IntentClassifier([(intent, intent) for intent in library], intents=list(library))
    shipping = DESK_TERMS if with_terms else NO_TERMS
    store = StoreDetails(name, CALENDAR, lambda: NOW, shipping=shipping)
    return SuggestionEngine(
        library,
        classifier,
        make_detector("lingua", ["en", "pt"]),
        store=store,
        variants=variants() if with_variants else None,
    )


def _brazilian(text: str) -> list[str]:
    return [found.group(0) for found in BRAZILIAN.finditer(text)]


def test_the_markers_find_the_brazilian_library() -> None:
    """The check itself: the Brazilian wordings it must keep from Portugal are caught."""
    library = load_library()
    assert _brazilian(library["voltage_plug"].replies["pt"])  # "a gente", "bivolt", "você"
    assert _brazilian(library["track_order"].replies["pt"])  # "Seu pedido"
    assert not _brazilian(variants()["pt-PT"].spec(library["track_order"]).replies["pt"])


@pytest.mark.parametrize("intent", sorted(load_library()))
def test_every_brazilian_wording_has_a_european_one(intent: str) -> None:
    spec = load_library()[intent]
    european = variants()["pt-PT"].spec(spec)
    for field in FIELDS:
        base = getattr(spec, field).get("pt")
        if base and _brazilian(base):
            assert getattr(european, field)["pt"] != base, f"{field} has no pt-PT wording"
        if base:
            assert not _brazilian(getattr(european, field)["pt"]), field


@pytest.mark.parametrize(
    ("intent", "situation", "with_terms"),
    list(itertools.product(sorted(load_library()), OrderSituation, (True, False))),
)
def test_a_shopper_in_portugal_reads_no_brazilian_portuguese(
    intent: str, situation: OrderSituation, with_terms: bool
) -> None:
    for name, shopper in (("", ""), ("Casa Lumen", "Inês")):
        values = {"order_country": "PT", **ORDERS[situation]}
        if shopper:
            values["shopper_name"] = shopper
        reply, used = engine(with_terms, name).render(intent, "pt", values, "PT")
        assert used == "pt" and "{" not in reply
        assert not _brazilian(reply), (_brazilian(reply), reply)


@pytest.mark.parametrize(
    ("intent", "situation"), list(itertools.product(sorted(load_library()), OrderSituation))
)
def test_a_brazilian_shoppers_reply_is_unchanged(intent: str, situation: OrderSituation) -> None:
    for with_terms, country in itertools.product((True, False), ("BR", None)):
        values = {**ORDERS[situation], **({"order_country": country} if country else {})}
        with_variants = engine(with_terms, "Casa Lumen").render(intent, "pt", values, country)
        without = engine(with_terms, "Casa Lumen", False).render(intent, "pt", values, country)
        assert with_variants == without


@pytest.mark.parametrize(
    ("how", "kwargs"),
    [
        ("app language", {"lang_hint": "pt-PT"}),
        ("order", {"variables": {"order_country": "PT"}}),
        ("phone", {"variables": {"shopper_phone": "+351 912 345 678"}}),
        ("caller's country", {"country": "PT"}),
    ],
)
def test_every_way_of_knowing_the_shopper_is_in_portugal_is_used(how: str, kwargs: dict) -> None:
    suggestion = engine(True, "").suggest("track_order", language="pt", **kwargs)
    assert suggestion.reply_language == "pt"  # still Portuguese to the rest of the desk
    assert "a sua encomenda" in (suggestion.reply or ""), how
    assert not _brazilian(suggestion.reply or "")


def test_a_place_in_portugal_named_in_the_message_is_enough() -> None:
    suggestion = engine(True, "").suggest("voltage_plug Lisboa", language="pt")
    assert suggestion.intent == "voltage_plug"
    assert "Em Portugal, a rede elétrica é de 230 V" in (suggestion.reply or "")
    assert not _brazilian(suggestion.reply or "")


def test_a_brazilian_in_brazil_keeps_brazilian_portuguese() -> None:
    for kwargs in ({"lang_hint": "pt-BR"}, {"variables": {"order_country": "BR"}}, {}):
        reply = engine(True, "").suggest("track_order", language="pt", **kwargs).reply or ""
        assert "seu pedido" in reply.lower() and "encomenda" not in reply


_TERMS = [
    DESK_TERMS,
    NO_TERMS,
    parse_shipping({"ships_from": "DE"}),
    parse_shipping({"ships_from": "US", "customs": {"duties": "at_checkout"}}),
]


@pytest.mark.parametrize("country", ["PT", "ES", "CH", "GB", "US", "HK", None])
def test_every_customs_sentence_has_a_european_wording(country: str | None) -> None:
    variant = variants()["pt-PT"]
    for terms, bill in itertools.product(_TERMS, (False, True)):
        brazilian = customs_advice(country, terms, "pt", bill=bill)
        european = variant.rewrite(brazilian)
        assert not _brazilian(european), (brazilian, european)


@pytest.mark.parametrize(
    ("country", "store"),
    [("PT", "DE"), ("GB", "DE"), ("KR", "DE"), ("US", "DE"), ("BR", None), ("PT", None)],
)
def test_every_voltage_sentence_has_a_european_wording(country: str, store: str | None) -> None:
    variant = variants()["pt-PT"]
    european = variant.rewrite(plug_advice(country, "pt", store_country=store))
    assert not _brazilian(european) and "chapinha" not in european and "bivolt" not in european
    assert not _brazilian(variant.rewrite(plug_advice(None, "pt")))


def test_size_sentences_read_in_portugal() -> None:
    variant = variants()["pt-PT"]
    assert variant.rewrite(size_advice("qual é o meu tamanho?", "pt")).startswith(
        "Indique-nos o tamanho que costuma usar"
    )
    assert "EU 38 (feminino) ≈ US 7" in size_advice("sapatos de senhora, calço 38", "pt", "PT")


def test_the_variant_is_for_portugal_only() -> None:
    assert variant_for(variants(), "pt", "PT") is variants()["pt-PT"]
    assert variant_for(variants(), "pt", "BR") is None
    assert variant_for(variants(), "es", "PT") is None
    assert variant_for(variants(), "pt", None) is None


def _write_variant(tmp_path: Path, data: object, name: str = "pt-PT") -> Path:
    library = tmp_path / "library"
    (library / "variants").mkdir(parents=True)
    for path in DEFAULT_LIBRARY_DIR.glob("*.yaml"):
        (library / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (library / "variants" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return library


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        ({"intents": {"track_ordr": {"replies": "Olá"}}}, "pt-PT", "unknown intent"),
        ({"intents": {"track_order": {"reply": "Olá"}}}, "pt-PT", "unknown field"),
        ({"intents": {"thanks": {"also": "Olá"}}}, "pt-PT", "no 'pt' wording"),
        (
            {"intents": {"greeting": {"replies": "Olá {order_number}"}}},
            "pt-PT",
            "uses {order_number}, which the base wording does not",
        ),
        ({"sentences": [{"pt": "{a} texto", "pt-PT": "{a} texto"}]}, "pt-PT", "begin and end"),
        ({"sentences": [{"pt": "texto"}]}, "pt-PT", "expected {pt: ..., pt-PT: ...}"),
        ({"intents": {}}, "pt-AO", "unknown variant 'pt-AO'"),
    ],
)
def test_a_wrong_variant_file_names_its_mistake(
    tmp_path: Path, data: object, name: str, message: str
) -> None:
    library = _write_variant(tmp_path, data, name)
    with pytest.raises(LibraryError, match=re.escape(message)) as raised:
        load_variants(library, load_library(library))
    assert f"{name}.yaml" in str(raised.value)


def test_a_variant_may_name_the_store_where_its_base_wording_does_not(tmp_path: Path) -> None:
    """Only an order's facts are tied to the base wording's situation: the store's name,
    hours and the fact sentences may be used freely, so a change to the base wording's
    other variables does not stop the desk from starting."""
    data = {"intents": {"greeting": {"replies": "Olá! O nosso horário é {support_hours}."}}}
    library = _write_variant(tmp_path, data)
    variant = load_variants(library, load_library(library))["pt-PT"]
    assert variant.intents["greeting"]["replies"].endswith("{support_hours}.")


def _portuguese_sentences(module: object) -> list[str]:
    """Every Portuguese sentence a module's tables hold (those keyed by language)."""
    found: list[str] = []

    def walk(value: object, portuguese: bool) -> None:
        if isinstance(value, str) and portuguese:
            found.append(value)
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item, portuguese)
        elif isinstance(value, dict) and not portuguese and "pt" in value and "es" in value:
            walk(value["pt"], True)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, portuguese)

    for table in vars(module).values():
        if isinstance(table, dict):
            walk(table, False)
    return found


@pytest.mark.parametrize("module", ["replies.facts.apologies", "replies.order_sentences"])
def test_every_sentence_a_further_answer_adds_has_a_european_wording(module: str) -> None:
    """A refund answer's regret (replies/facts/apologies.py) and a further answer's
    sentences about the order (replies/order_sentences.py: sorry for a late order, a refund
    if it has not arrived by the shopper's day, an order on its way or not shipped yet) come
    only with a reported problem or a second question, which the fixtures above never
    have: each of their sentences reaches a shopper in Portugal in European Portuguese."""
    import importlib

    variant = variants()["pt-PT"]
    sentences = _portuguese_sentences(importlib.import_module(module))
    assert sentences and any(_brazilian(sentence) for sentence in sentences)
    for sentence in sentences:
        assert not _brazilian(variant.rewrite(sentence)), sentence
