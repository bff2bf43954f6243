"""Country names as a native agent writes them in a sentence, never as a form's gloss.

Set 4 (#17, #21, #27, #30, #34, #47) read "Pour une livraison dans votre pays (Suisse)",
"Per le consegne nel tuo paese (Svizzera)", "Ülkenize (Türkiye)", "fazemos entregas para
o seu país (Portugal)", "Bei einer Lieferung in Ihr Land (Österreich)": each language now
names the country with its own preposition, article and case ("en Suisse", "in
Svizzera", "Türkiye'ye", "para Portugal", "nach Österreich"), and the schemes that collect
VAT at checkout are said in the language's words, not "(UK VAT)" or "(IOSS)".
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from replies.facts.country import LANGUAGES, country_in_text
from replies.facts.country_forms import in_country, to_country
from replies.facts.country_forms.declension import TABLES
from replies.facts.customs import customs_advice
from replies.facts.delivery import delivery_lateness, delivery_time
from replies.facts.fill import fact_variables
from replies.facts.held_up import delay_cause, says_customs
from replies.facts.names import country_name
from replies.facts.ships_there import ships_there
from replies.facts.terms import ShippingTerms, parse_shipping
from replies.facts.voltage import plug_advice

TODAY = date(2026, 12, 7)
# A store in Germany that collects IOSS and UK VAT, with a delivery table.
FROM_GERMANY = parse_shipping(
    {
        "ships_from": "DE",
        "customs": {"duties": "on_delivery", "ioss": True, "uk_vat": True},
        "delivery_days": {"EU": "2-5", "default": "4-9"},
    }
)
# The same from the United States: an EU or UK order takes the schemes.
FROM_US = parse_shipping(
    {"ships_from": "US", "customs": {"duties": "on_delivery", "ioss": True, "uk_vat": True}}
)
UNSET = parse_shipping({"ships_from": "DE"})
NO_DESK_FILE = parse_shipping({})
COUNTRIES = ("CH", "US", "GB", "CA", "DE", "AT", "NL", "TR", "JP", "HK", "CY", "AE", "BR", "FJ")


@pytest.mark.parametrize(
    ("language", "code", "to", "inside"),
    [
        ("en", "US", "to the United States", "in the United States"),
        ("en", "GB", "to the United Kingdom", "in the United Kingdom"),
        ("en", "CH", "to Switzerland", "in Switzerland"),
        ("es", "CH", "a Suiza", "en Suiza"),
        ("es", "GB", "al Reino Unido", "en el Reino Unido"),
        ("fr", "CH", "en Suisse", "en Suisse"),
        ("fr", "CA", "au Canada", "au Canada"),
        ("fr", "US", "aux États-Unis", "aux États-Unis"),
        ("fr", "MX", "au Mexique", "au Mexique"),
        ("fr", "IL", "en Israël", "en Israël"),
        ("fr", "CY", "à Chypre", "à Chypre"),
        ("fr", "PT", "au Portugal", "au Portugal"),
        ("de", "AT", "nach Österreich", "in Österreich"),
        ("de", "CH", "in die Schweiz", "in der Schweiz"),
        ("de", "TR", "in die Türkei", "in der Türkei"),
        ("de", "US", "in die USA", "in den USA"),  # not the translated "Vereinigten Staaten"
        ("de", "NL", "in die Niederlande", "in den Niederlanden"),
        ("de", "GB", "ins Vereinigte Königreich", "im Vereinigten Königreich"),
        (
            "de",
            "AE",
            "in die Vereinigten Arabischen Emirate",
            "in den Vereinigten Arabischen Emiraten",
        ),
        ("it", "CH", "in Svizzera", "in Svizzera"),
        ("it", "US", "negli Stati Uniti", "negli Stati Uniti"),
        ("it", "GB", "nel Regno Unito", "nel Regno Unito"),
        ("it", "NL", "nei Paesi Bassi", "nei Paesi Bassi"),
        ("it", "MT", "a Malta", "a Malta"),
        ("pt", "PT", "para Portugal", "em Portugal"),
        ("pt", "BR", "para o Brasil", "no Brasil"),
        ("pt", "CH", "para a Suíça", "na Suíça"),
        ("pt", "US", "para os Estados Unidos", "nos Estados Unidos"),
        ("pt", "CA", "para o Canadá", "no Canadá"),
        ("nl", "CH", "naar Zwitserland", "in Zwitserland"),
        ("nl", "US", "naar de Verenigde Staten", "in de Verenigde Staten"),
        ("nl", "GB", "naar het Verenigd Koninkrijk", "in het Verenigd Koninkrijk"),
        ("pl", "DE", "do Niemiec", "w Niemczech"),
        ("pl", "NO", "do Norwegii", "w Norwegii"),
        ("pl", "HU", "na Węgry", "na Węgrzech"),
        ("pl", "FR", "do Francji", "we Francji"),
        ("pl", "US", "do Stanów Zjednoczonych", "w Stanach Zjednoczonych"),
        ("pl", "HK", "do Hongkongu", "w Hongkongu"),
        ("ru", "DE", "в Германию", "в Германии"),
        ("ru", "NO", "в Норвегию", "в Норвегии"),
        ("ru", "FR", "во Францию", "во Франции"),
        ("ru", "CY", "на Кипр", "на Кипре"),
        ("ru", "US", "в США", "в США"),
        ("ru", "HK", "в Гонконг", "в Гонконге"),
        ("tr", "DE", "Almanya'ya", "Almanya'da"),
        ("tr", "NO", "Norveç'e", "Norveç'te"),
        ("tr", "TR", "Türkiye'ye", "Türkiye'de"),
        ("tr", "US", "ABD'ye", "ABD'de"),
        ("tr", "MA", "Fas'a", "Fas'ta"),
        ("tr", "CN", "Çin'e", "Çin'de"),
        ("tr", "PT", "Portekiz'e", "Portekiz'de"),
        ("tr", "AE", "Birleşik Arap Emirlikleri'ne", "Birleşik Arap Emirlikleri'nde"),
        ("tr", "LI", "Liechtenstein'a", "Liechtenstein'da"),
        ("ar", "CH", "إلى سويسرا", "في سويسرا"),
        ("ja", "CH", "スイス", "スイス"),
        ("ko", "CH", "스위스", "스위스"),
        ("zh", "CH", "瑞士", "瑞士"),
        ("zh", "HK", "香港", "香港"),
    ],
)
def test_each_language_names_the_country_with_its_own_grammar(
    language: str, code: str, to: str, inside: str
) -> None:
    assert to_country(code, language) == to
    assert in_country(code, language) == inside


def test_polish_and_russian_forms_belong_to_cldrs_names() -> None:
    """The case forms are written for CLDR's nominative; a country outside the table is
    not named in the nominative after a preposition ("do Fidżi"?), it is "your country"."""
    for language, table in TABLES.items():
        for code, (nominative, _, _) in table.items():
            assert country_name(code, language) == nominative, (language, code)
        store_ships_to = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK"
        store_ships_to += " SI ES SE GB CH NO US CA AU JP KR CN TW HK BR MX TR UA AE SA EG MA"
        assert set(store_ships_to.split()) <= set(table)
    assert to_country("FJ", "pl") == "do Twojego kraju"
    assert in_country("FJ", "ru") == "в вашей стране"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_fact_sentence_names_a_country_in_brackets(language: str) -> None:
    """Every sentence that names the destination, in every situation and every language:
    no "(Country)" gloss, no empty variable, no leftover "your country (...)"."""
    said: list[str] = []
    for code in COUNTRIES:
        name = country_name(code, language)
        for terms in (FROM_GERMANY, FROM_US, UNSET, NO_DESK_FILE):
            for bill in (False, True):
                said.append(customs_advice(code, terms, language, bill=bill))
            said.append(delivery_time(code, terms, language))
            said.append(ships_there("do you ship there? livrez vous", code, terms, language))
        said.append(delivery_lateness(date(2026, 11, 20), code, FROM_GERMANY, TODAY, language))
        said.append(plug_advice(code, language, store_country="DE"))
        for sentence in said:
            assert f"({name})" not in sentence and f"（{name}）" not in sentence, sentence
            assert "{" not in sentence and "}" not in sentence, sentence
            assert not re.search(r"\(\s*(?:IOSS|UK VAT)\s*\)", sentence), sentence
            for gloss in ("votre pays (", "Ihr Land (", "tuo paese (", "seu país (", "je land ("):
                assert gloss not in sentence, sentence
            for gloss in ("Twojego kraju (", "вашу страну (", "Ülkenize (", "Ülkenizde ("):
                assert gloss not in sentence, sentence


@pytest.mark.parametrize(
    ("language", "code", "expected"),
    [
        ("fr", "CH", "Oui, nous livrons en Suisse : la livraison prend 4 à 9 jours ouvrés."),
        ("fr", "CA", "Oui, nous livrons au Canada : la livraison prend 4 à 9 jours ouvrés."),
        ("de", "CH", "Ja, wir liefern in die Schweiz; die Lieferung dauert 4–9 Werktage."),
        (
            "it",
            "US",
            "Sì, spediamo negli Stati Uniti: la consegna richiede da 4 a 9 giorni lavorativi.",
        ),
        ("pt", "BR", "Sim, fazemos entregas para o Brasil: a entrega leva de 4 a 9 dias úteis."),
        ("pl", "NO", "Tak, wysyłamy do Norwegii: dostawa trwa od 4 do 9 dni roboczych."),
        ("ru", "NO", "Да, мы доставляем в Норвегию: доставка занимает от 4 до 9 рабочих дней."),
        ("tr", "NO", "Evet, Norveç'e gönderim yapıyoruz; teslimat 4–9 iş günü sürer."),
        ("nl", "CH", "Ja, we leveren naar Zwitserland; de levering duurt 4 tot 9 werkdagen."),
        ("ja", "CH", "はい、スイスへもお届けしております。お届けには4〜9営業日かかります。"),
        ("ar", "CH", "نعم، نشحن إلى سويسرا، ويستغرق التوصيل 4–9 أيام عمل."),
    ],
)
def test_do_you_ship_there_is_answered_as_an_agent_writes(
    language: str, code: str, expected: str
) -> None:
    assert ships_there("do you ship?", code, FROM_GERMANY, language) == expected


def test_customs_sentences_read_naturally() -> None:
    assert customs_advice("AT", FROM_GERMANY, "de", bill=False).startswith(
        "Bei einer Lieferung nach Österreich überquert die Bestellung keine Zollgrenze"
    )
    assert customs_advice("CH", FROM_GERMANY, "it", bill=False).startswith(
        "Per le spedizioni in Svizzera dazi e tasse d'importazione non sono inclusi"
    )
    assert customs_advice("TR", FROM_GERMANY, "tr", bill=False).startswith(
        "Türkiye'ye gönderilen siparişlerde gümrük ve ithalat vergileri fiyata dahil değildir"
    )
    assert customs_advice("CH", NO_DESK_FILE, "fr", bill=False).startswith(
        "Pour une livraison en Suisse, l'application de droits et taxes"
    )
    assert customs_advice("HK", FROM_GERMANY, "de", bill=False).startswith(
        "In Hongkong werden auf gewöhnliche Waren weder Zölle"
    )
    assert customs_advice("HK", FROM_GERMANY, "ru", bill=False).startswith(
        "В Гонконге на обычные товары не взимаются"
    )
    assert customs_advice("HK", FROM_GERMANY, "pl", bill=False).startswith(
        "W Hongkongu na zwykłe towary"
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "UK VAT is charged at checkout"),
        ("es", "el IVA británico"),
        ("fr", "la TVA britannique"),
        ("de", "die britische Mehrwertsteuer"),
        ("it", "l'IVA britannica"),
        ("pt", "o IVA britânico"),
        ("nl", "de Britse btw"),
        ("pl", "brytyjski VAT"),
        ("ru", "британский НДС"),
        ("tr", "Birleşik Krallık KDV'si"),
        ("ja", "英国VAT"),
        ("ko", "영국 부가가치세"),
        ("zh", "英国增值税"),
        ("ar", "ضريبة القيمة المضافة البريطانية"),
    ],
)
def test_uk_vat_and_ioss_are_said_in_the_language(language: str, words: str) -> None:
    uk = customs_advice("GB", FROM_US, language, bill=False)
    assert words in uk and "(UK VAT)" not in uk
    eu = customs_advice("FR", FROM_US, language, bill=False)
    assert "IOSS" in eu and "(IOSS)" not in eu


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_late_sentence_names_the_destination_in_the_sentence(language: str) -> None:
    late = delivery_lateness(date(2026, 11, 20), "CH", FROM_GERMANY, TODAY, language)
    phrase = to_country("CH", language) if language != "it" else in_country("CH", language)
    assert phrase in late and "(" not in late and "（" not in late


def test_fresh_messages_get_the_country_in_its_case() -> None:
    """Shoppers' own phrasings (no accents, slang, mixed languages)."""
    cases = [
        ("vous livrez au canada?? c combien de temps", "fr", "Oui, nous livrons au Canada"),
        (
            "liefert ihr auch in die schweiz? wie lange dauerts",
            "de",
            "Ja, wir liefern in die Schweiz",
        ),
        ("spedite negli usa? quanto ci vuole", "it", "Sì, spediamo negli Stati Uniti"),
        ("wysyłacie do norwegii? ile to trwa", "pl", "Tak, wysyłamy do Norwegii"),
        ("доставляете в норвегию? сколько идет", "ru", "Да, мы доставляем в Норвегию"),
        ("almanyaya gonderiyor musunuz? kac gun", "tr", "Evet, Almanya'ya gönderim yapıyoruz"),
        ("vcs entregam no brasil? quanto tempo", "pt", "Sim, fazemos entregas para o Brasil"),
    ]
    for text, language, start in cases:
        facts = fact_variables(text, "{ships_there}", language, {}, terms=FROM_GERMANY, today=TODAY)
        assert facts["ships_there"].startswith(start), (text, facts["ships_there"])


@pytest.mark.parametrize(
    "text",
    [
        "Здравствуйте, посылка уже 10 дней висит на таможне, статус не меняется",
        "追跡だとずっと「通関手続中」のままです",
        "my parcel is stuck in customs for a week",
        "el paquete lleva días retenido en aduana",
        "le colis est bloqué en douane",
        "Das Paket hängt beim Zoll fest",
        "il pacco è fermo in dogana da giorni",
        "a encomenda está retida na alfândega",
        "pakket ligt al dagen bij de douane",
        "paczka utknęła na odprawie celnej",
        "kargom gümrükte bekliyor",
        "세관에서 멈춰 있어요",
        "包裹一直在海关",
        "الطرد عالق في الجمارك",
    ],
)
def test_a_parcel_said_to_sit_in_customs_is_told_about_customs(text: str) -> None:
    """#41, #55 (set 4): a shopper whose parcel sits in customs was told it may be at a
    sorting centre; now the sentence speaks of customs, in the shopper's language."""
    assert says_customs(text)
    for language in LANGUAGES:
        said = delay_cause("US", ShippingTerms(), language, said=text)
        sorting = delay_cause("US", ShippingTerms(), language)
        assert said != sorting


def test_customs_is_not_read_into_other_words() -> None:
    for text in ("where is my parcel", "ein 27 Zoll Monitor", "la clé est perdue", "celnie"):
        assert not says_customs(text)


def test_inside_one_customs_area_customs_is_not_confirmed() -> None:
    """A parcel from Germany to Italy meets no customs, whatever the shopper thinks."""
    said = delay_cause("IT", FROM_GERMANY, "it", said="è ferma in dogana")
    assert "dogana" not in said


@pytest.mark.parametrize("code", ["HK", "MO", "TW"])
def test_hong_kong_macao_and_taiwan_are_not_called_countries(code: str) -> None:
    """Native review: "le réseau de 220-240 V de ce pays" (fr), "国境を越える" (ja) and
    "국경을 넘는" (ko) called Hong Kong or Taiwan a country; the sentences now speak of the
    local mains and of customs, which hold for any destination."""
    for home in ("DE", "US"):
        french = plug_advice(code, "fr", store_country=home)
        assert "ce pays" not in french and "réseau local" in french, french
    unset = parse_shipping({"ships_from": "DE"})
    japanese = customs_advice(code, unset, "ja", bill=False)
    korean = customs_advice(code, unset, "ko", bill=False)
    assert "国境" not in japanese and "국경" not in korean
    if code == "TW":  # Hong Kong and Macao charge no duty: their own sentence
        assert "輸入扱い" in japanese and "통관을 거치는" in korean


def test_asking_the_destination_in_chinese_japanese_and_korean_names_regions_too() -> None:
    """A shopper in Hong Kong or Taiwan is asked for their "country or region", as shops
    writing Chinese, Japanese and Korean ask."""
    asked = {
        "zh": "国家或地区",
        "ja": "国・地域",
        "ko": "국가나 지역",
    }
    for language, words in asked.items():
        assert words in customs_advice(None, FROM_GERMANY, language, bill=False)
        assert words in delivery_time(None, NO_DESK_FILE, language)
        assert words in plug_advice(None, language)


@pytest.mark.parametrize(
    ("language", "code", "to", "inside"),
    [
        ("ko", "KR", "한국", "한국"),  # not the formal "대한민국"
        ("ko", "AU", "호주", "호주"),  # not "오스트레일리아"
        ("ar", "DK", "إلى الدنمارك", "في الدنمارك"),  # not CLDR's "الدانمرك"
        ("it", "CZ", "nella Repubblica Ceca", "nella Repubblica Ceca"),  # not "in Cechia"
        ("es", "IN", "a la India", "en la India"),
        ("pt", "MA", "para o Marrocos", "no Marrocos"),  # Brazil
        ("pt-PT", "MA", "para Marrocos", "em Marrocos"),  # Portugal
        ("pt-PT", "PL", "para a Polónia", "na Polónia"),  # not Brazil's "Polônia"
        ("pt-PT", "RO", "para a Roménia", "na Roménia"),
        ("fr", "VA", "au Vatican", "au Vatican"),  # not "en État de la Cité du Vatican"
        ("de", "VA", "in die Vatikanstadt", "in der Vatikanstadt"),  # not "in den"
        ("es", "VA", "a la Ciudad del Vaticano", "en la Ciudad del Vaticano"),
        ("pt", "VA", "para a Cidade do Vaticano", "na Cidade do Vaticano"),
        ("en", "VA", "to Vatican City", "in Vatican City"),
        ("es", "LB", "al Líbano", "en el Líbano"),
        ("es", "CI", "a Costa de Marfil", "en Costa de Marfil"),
        ("tr", "CI", "Fildişi Sahili'ne", "Fildişi Sahili'nde"),
        ("pt", "RE", "para a Reunião", "na Reunião"),
    ],
)
def test_names_as_a_native_writes_them(language: str, code: str, to: str, inside: str) -> None:
    assert to_country(code, language) == to
    assert in_country(code, language) == inside


def test_a_late_order_reads_naturally_in_polish_and_chinese() -> None:
    """ "..., więc powinno było dotrzeć do 3 grudnia, a jest opóźnione" (two "a" clauses)
    and "订单于11月20日下单" ("the order ordered on") were what no native writes."""
    polish = delivery_lateness(date(2026, 11, 20), "CH", FROM_GERMANY, TODAY, "pl")
    assert "do 3 grudnia: jest już opóźnione o 4 dni." in polish, polish
    chinese = delivery_lateness(date(2026, 11, 20), "CH", FROM_GERMANY, TODAY, "zh")
    assert chinese.startswith("您于11月20日下单") and "订单于" not in chinese, chinese


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("spedite in repubblica ceca?", "CZ"),
        ("hacen envíos a república checa", "CZ"),
        ("호주로 배송 되나요?", "AU"),
        ("هل تشحنون إلى الدنمارك؟", "DK"),
        ("ingiltereye kargo var mi", "GB"),
        ("İngiltere'de yaşıyorum", "GB"),
        ("do u ship to the vatican", "VA"),
        ("o secador funciona na polónia?", "PL"),  # Portugal's spelling
        ("czy bedzie dzialac w stanach? 110v", "US"),
        ("moro em salvador, vcs entregam?", None),  # a Brazilian city
    ],
)
def test_the_names_the_replies_write_are_read_in_messages(text: str, code: str | None) -> None:
    """A shopper writes the everyday name the reply uses too ("호주", "Repubblica Ceca",
    "الدنمارك"), not only CLDR's ("오스트레일리아", "Cechia", "الدانمرك")."""
    assert country_in_text(text) == code


def test_a_shopper_in_portugal_reads_portugals_country_names() -> None:
    """The fact sentences take a regional variant ("pt-PT") as their language: the words
    stay the Portuguese ones (the variant file rewrites them), the country is named as
    Portugal writes it ("Polónia", "Roménia", "em Marrocos"), not Brazil ("Polônia")."""
    terms = FROM_GERMANY
    said = [
        delivery_time("PL", terms, "pt-PT"),
        ships_there("vocês entregam?", "RO", terms, "pt-PT"),
        customs_advice("MA", terms, "pt-PT", bill=False),
        plug_advice("PL", "pt-PT", store_country="DE"),
        delivery_lateness(date(2026, 11, 20), "PL", terms, TODAY, "pt-PT"),
    ]
    assert said[0] == "A entrega para a Polónia leva de 2 a 5 dias úteis."
    assert said[1].startswith("Sim, fazemos entregas para a Roménia:")
    assert said[2].startswith("Nos envios para Marrocos,")
    assert said[3].startswith("Na Polónia, a rede elétrica")
    assert "Polônia" not in said[4] and "para a Polónia" in said[4]
    assert delay_cause("US", terms, "pt-PT") == delay_cause("US", terms, "pt")
    # Brazil's own, and a region no variant is written for, keep the language's names
    assert delivery_time("PL", terms, "pt") == "A entrega para a Polônia leva de 2 a 5 dias úteis."
    assert delivery_time("US", terms, "en-GB") == delivery_time("US", terms, "en")
    assert to_country("TW", "zh-TW") == to_country("TW", "zh") == "台湾"


def test_a_bill_already_paid_reads_naturally_in_japanese_and_chinese() -> None:
    """ "こちらで業者と対応いたします" and "我们会与他们处理" were not what a native agent
    writes: the carrier is named as the one we contact."""
    ddp = parse_shipping({"ships_from": "DE", "customs": {"duties": "at_checkout"}})
    japanese = customs_advice("JP", ddp, "ja", bill=True)
    chinese = customs_advice("CN", ddp, "zh", bill=True)
    assert japanese.endswith("配送業者にはこちらから連絡いたします。"), japanese
    assert chinese.endswith("请不要向快递员付款，我们会与快递公司沟通处理。"), chinese
    turkish = customs_advice("TR", ddp, "tr", bill=True)
    arabic = customs_advice("AE", ddp, "ar", bill=True)
    assert turkish.endswith("durumu kargo firmasıyla biz çözeceğiz."), turkish
    assert arabic.endswith("سنتولى الأمر مع شركة الشحن."), arabic
