"""The voltage answer is about the country the appliance will be used in, and says what
an appliance made for another voltage needs there (issue 15: sendability set 3 #41, a
German grinder asked about for Japan, was answered with Germany's supply and "works as
is"). The probes are written fresh for this file, in several languages."""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.facts.appliance_place import made_for, where_used
from replies.facts.voltage import plug_advice
from replies.library import DEFAULT_LIBRARY_DIR, load_library
from replies.variants import load_variants
from tests.replies.shopper_figures import runtime_engine
from tests.replies.test_portuguese_for_portugal import BRAZILIAN


@pytest.mark.parametrize(
    ("text", "used", "made"),
    [
        ("ドイツで買ったドライヤー、日本で使っても大丈夫？", "JP", "DE"),
        ("I'm moving to Canada, will my German espresso machine work there?", None, "DE"),
        ("Tengo una cafetera de Alemania, ¿funciona en México?", "MX", "DE"),
        ("Mon grille-pain allemand marchera-t-il aux États-Unis ?", "US", "DE"),
        ("Funktioniert ein japanischer Reiskocher in Deutschland?", "DE", "JP"),
        ("在德国买的电动牙刷在中国能用吗？", "CN", "DE"),
        ("독일산 커피 그라인더 한국에서 써도 되나요?", "KR", "DE"),
        ("Almanya'dan aldığım su ısıtıcısı Türkiye'de çalışır mı?", "TR", "DE"),
        ("does this lamp work in the UK?", "GB", None),
        # a country's name that is also its demonym names where it is used
        ("Mon sèche-cheveux marchera au Japon ?", "JP", None),
        ("Çin'de kullanabilir miyim?", "CN", None),
    ],
)
def test_where_it_is_used_and_what_it_was_made_for(
    text: str, used: str | None, made: str | None
) -> None:
    assert where_used(text) == used
    assert made_for(text) == made


@pytest.mark.parametrize("language", ["en", "ja", "de", "zh", "ar", "pl"])
def test_a_230_v_appliance_in_a_100_v_country_needs_a_step_up_transformer(language: str) -> None:
    advice = plug_advice("JP", language, made_for="DE")
    words = {
        "en": "step-up transformer",
        "ja": "昇圧トランス",
        "de": "Aufwärtstransformator",
        "zh": "升压变压器",
        "ar": "محوّل رافع للجهد",
        "pl": "transformator podwyższający",
    }
    assert words[language] in advice and "100" in advice and "230" in advice
    assert "220-240" not in advice  # nothing said to work as is


def test_a_120_v_appliance_in_a_230_v_country_needs_a_step_down_transformer() -> None:
    advice = plug_advice("FR", "fr", made_for="US")
    assert "transformateur abaisseur" in advice and "120 V" in advice


def test_an_appliance_the_message_names_is_not_called_the_stores() -> None:
    advice = plug_advice("CN", "en", made_for="DE")
    assert "An appliance made for 230 V works as is" in advice and "Our appliances" not in advice


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize(
    ("text", "language", "order", "said", "unsaid"),
    [
        (
            "ドイツで買ったドライヤー、日本で使っても大丈夫？",
            "ja",
            None,
            ["日本の電源は100V", "昇圧トランス", "電熱製品"],
            ["そのままお使いいただけます。当店"],
        ),
        (
            "it ships to my place in Berlin but I am taking the kettle along, will it work in "
            "Japan?",
            "en",
            {"order_number": "B2041", "order_status": "paid", "order_country": "DE"},
            ["In Japan the mains supply is 100 V"],
            ["In Germany the mains"],
        ),
    ],
)
def test_the_reply_states_the_supply_of_the_country_named_for_use(
    engine: SuggestionEngine,
    text: str,
    language: str,
    order: dict[str, str] | None,
    said: list[str],
    unsaid: list[str],
) -> None:
    suggestion = engine.suggest(text, lang_hint=language, variables=order)
    assert suggestion.intent == "voltage_plug", suggestion.top
    assert suggestion.reply
    for part in said:
        assert part in suggestion.reply, suggestion.reply
    for part in unsaid:
        assert part not in suggestion.reply, suggestion.reply


def test_the_new_sentences_read_in_portugal() -> None:
    variant = load_variants(DEFAULT_LIBRARY_DIR, load_library())["pt-PT"]
    for advice in (
        plug_advice("JP", "pt", store_country="DE"),
        plug_advice("FR", "pt", made_for="US"),
        plug_advice("CN", "pt", made_for="DE"),
    ):
        european = variant.rewrite(advice)
        assert not BRAZILIAN.search(european) and "plugue" not in european, european
        assert "direto " not in european
