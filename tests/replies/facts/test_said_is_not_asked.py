"""What the message already names is not asked for again; what it does not name is asked
plainly (issue 15, sendability set 4: 16 replies asked "if your message does not say it
yet" for a batidora, a blinking light, 135x200, a duvet ... the shopper had named).

Each ask is read as a kind, in every language: a product named (a word of what the store
sells), a problem described (a word of malfunction), a size, measure or colour, a late or
unwanted order as a refund's reason, a postcode put right or a locker's number, a customs
notice in hand or a question before buying, a customs ID. Fresh probes, written for this
test, both ways: said -> not asked, not said -> asked.
"""

from __future__ import annotations

import pytest

from replies.facts import ask_sentences as sentences
from replies.facts import customs_ids
from replies.facts.asks import ask, exchange_named

# (language, names the product, names none)
PRODUCT_QUESTIONS = [
    ("en", "will this kettle work in Canada?", "will it work in Canada?"),
    ("es", "la plancha funciona en chile o necesito adaptador", "funciona en chile?"),
    ("fr", "est-ce que la lampe marche au Canada ?", "ça marche au Canada ?"),
    ("de", "funktioniert der Wasserkocher auch in der Schweiz?", "geht das in der Schweiz?"),
    ("it", "il phon va bene negli USA?", "va bene negli USA?"),
    ("pt", "o secador funciona no brasil? aqui é 127v", "funciona no brasil? aqui é 127v"),
    ("nl", "werkt die lamp ook in Engeland?", "werkt dat ook in Engeland?"),
    ("pl", "czy czajnik będzie działał w UK?", "czy to zadziała w UK?"),
    ("ru", "чайник будет работать в США?", "это будет работать в США?"),
    ("tr", "utu amerikada calisir mi", "amerikada calisir mi"),
    ("ja", "このドライヤーはアメリカで使えますか", "アメリカで使えますか"),
    ("ko", "전기포트 미국에서 쓸 수 있나요?", "미국에서 쓸 수 있나요?"),
    ("zh", "这个吹风机在美国能用吗", "在美国能用吗"),
    ("ar", "هل الغلاية تشتغل في السعودية؟", "هل يشتغل في السعودية؟"),
]


@pytest.mark.parametrize(("language", "named", "unnamed"), PRODUCT_QUESTIONS)
def test_a_product_named_is_not_asked_for(language: str, named: str, unnamed: str) -> None:
    assert ask("product_ask", named, language) == ""
    assert ask("product_ask", unnamed, language) == sentences.PRODUCT[language]


# (language, the problem described, a problem not described)
PROBLEMS = [
    ("en", "my lamp flickers and then goes off", "my lamp has a problem"),
    ("es", "la cafetera gotea por abajo", "tengo un problema con la cafetera"),
    ("fr", "la bouilloire fuit par le bas", "j'ai un souci avec la bouilloire"),
    ("de", "der Wasserkocher leckt unten", "ich habe ein Problem mit dem Wasserkocher"),
    ("it", "la lampada lampeggia di continuo", "ho un problema con la lampada"),
    ("pt", "o ventilador faz um barulho estranho", "tenho um problema com o ventilador"),
    ("nl", "de waterkoker lekt aan de onderkant", "ik heb een probleem met de waterkoker"),
    ("pl", "czajnik przecieka od spodu", "mam problem z czajnikiem"),
    ("ru", "чайник протекает снизу", "у меня проблема с чайником"),
    ("tr", "kettle alttan su sızdırıyor", "kettle ile ilgili bir sorunum var"),
    ("ja", "ケトルの底から水漏れしています", "ケトルについてご相談があります"),
    ("ko", "전기포트 밑에서 물이 새요", "전기포트 관련해서 문의드려요"),
    ("zh", "电水壶底部漏水", "电水壶有点问题"),
    ("ar", "الغلاية تسرب ماء من تحت", "عندي مشكلة في الغلاية"),
]


@pytest.mark.parametrize(("language", "described", "undescribed"), PROBLEMS)
def test_a_problem_described_is_not_asked_what_happens(
    language: str, described: str, undescribed: str
) -> None:
    photo_only, what_happens = sentences.PROBLEM[language]
    assert ask("problem_ask", described, language) == photo_only
    assert ask("problem_ask", undescribed, language) == what_happens


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Der Kissenbezug ist 40x40, bestellt war 50x50"),
        ("it", "è arrivato il copripiumino 200x200 ma io avevo preso il 155x200"),
        ("pt", "veio a toalha azul, eu tinha escolhido a cinza"),
        ("ja", "届いたシーツのサイズが違います、シングルを選びました"),
        ("en", "the rug is grey, mine was the green one"),
    ],
)
def test_what_was_expected_by_its_size_or_colour_is_not_asked(language: str, text: str) -> None:
    assert ask("expected_item_ask", text, language) == ""


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "you sent me the wrong thing"),
        ("es", "me llegó otra cosa"),
        ("ru", "пришло не то"),
        ("zh", "发错货了"),
    ],
)
def test_what_was_expected_is_asked_when_not_said(language: str, text: str) -> None:
    assert ask("expected_item_ask", text, language) == sentences.EXPECTED[language]


@pytest.mark.parametrize(
    ("language", "text", "asked"),
    [
        ("pt", "chegou so uma caixa, cade o edredom?", False),
        ("en", "where are the towels? only got the sheets", False),
        ("ru", "где подушки? пришло только одеяло", False),
        ("en", "something is missing from the parcel", True),
        ("it", "manca qualcosa nel pacco", True),
    ],
)
def test_a_missing_item_named_by_its_product_is_not_asked(
    language: str, text: str, asked: bool
) -> None:
    assert ask("missing_item_ask", text, language) == (sentences.MISSING[language] if asked else "")


@pytest.mark.parametrize(
    ("language", "text", "table"),
    [
        ("ar", "الطلب متأخر أسبوعين، ما ابيه خلاص، رجعوا فلوسي", None),
        ("es", "lleva 3 semanas de retraso, ya no lo quiero, devuélveme el dinero", None),
        ("de", "Die Bestellung ist nie angekommen, ich will mein Geld zurück", None),
        ("ja", "2週間届かないので返金してください", None),
        ("en", "I want a refund for the lamp", sentences.REFUND_REASON),
        ("fr", "je voudrais être remboursé pour le plaid", sentences.REFUND_REASON),
        ("en", "I want a refund", sentences.REFUND),
        ("tr", "paramı iade edin lütfen", sentences.REFUND),
    ],
)
def test_a_refund_asks_only_what_it_lacks(language: str, text: str, table: dict | None) -> None:
    assert ask("refund_ask", text, language) == (table[language] if table else "")


@pytest.mark.parametrize(
    ("language", "text", "asked"),
    [
        ("tr", "aldigim yorgani iade etmek istiyorum", False),
        ("nl", "ik wil de handdoeken terugsturen", False),
        ("tr", "iade etmek istiyorum", True),
        ("ko", "반품하고 싶어요", True),
    ],
)
def test_a_return_of_a_named_item_is_not_asked_which_and_why(
    language: str, text: str, asked: bool
) -> None:
    assert ask("return_ask", text, language) == (sentences.RETURN[language] if asked else "")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "السروال صغير، نبغي نبدله بمقاس أكبر"),
        ("en", "the jacket is tight, can I get a bigger size?"),
        ("ru", "куртка мала, можно на размер больше?"),
        ("zh", "外套小了，能换大一号吗"),
    ],
)
def test_a_bigger_size_is_an_exchange_named(language: str, text: str) -> None:
    assert exchange_named(text, True, language) == sentences.EXCHANGE_NAMED[language][0]


# (language, message, which of (whole address, locker, Packstation, noted))
ADDRESSES = [
    ("it", "il CAP giusto è 00185, non 00158", 3),
    ("en", "wrong zip on my order, it should be 10025 not 10052", 3),
    ("de", "bitte an Packstation 117 liefern statt nach Hause", 3),
    ("fr", "nouvelle adresse : 12 rue des Lilas, 69003 Lyon", 3),
    ("pl", "czy mogę zmienić paczkomat na WAW22A?", 3),
    ("pl", "czy mogę zmienić paczkomat?", 1),
    ("es", "puedo mandarlo a un punto de recogida?", 1),
    ("de", "Kann das noch an eine Packstation gehen?", 2),
    ("es", "me equivoqué de dirección al pedir", 0),
    ("ja", "住所を間違えてしまいました", 0),
    ("ar", "غلطت في العنوان", 0),
]


@pytest.mark.parametrize(("language", "text", "which"), ADDRESSES)
def test_an_address_change_asks_only_what_is_missing(language: str, text: str, which: int) -> None:
    assert ask("address_ask", text, language) == sentences.ADDRESS[language][which]


@pytest.mark.parametrize(
    ("language", "text", "which"),
    [
        # before buying: no notice exists yet
        ("es", "si compro una lámpara de 80 euros, pago aduana en Chile?", None),
        ("tr", "40 dolarlik bir lamba almak istiyorum, gumruk cikar mi", None),
        ("de", "Wie hoch ist der Zoll für die Schweiz?", None),
        ("ja", "スイスに送ってもらう場合、関税はかかりますか", None),
        # a notice or a bill in hand
        ("fr", "le transporteur me demande de payer 24 € de droits de douane", 0),
        ("it", "mi è arrivato un avviso della dogana per il mio pacco", 0),
        # an order placed, no notice yet
        ("en", "I ordered last week, will I have to pay customs?", 1),
    ],
)
def test_a_customs_notice_is_not_asked_before_buying(
    language: str, text: str, which: int | None
) -> None:
    expected = "" if which is None else sentences.CUSTOMS_NOTICE[language][which]
    assert ask("customs_notice_ask", text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "table"),
    [
        ("ko", "통관부호를 잘못 적은 것 같아요", customs_ids.KOREAN_CODE),
        ("en", "do I need a PCCC for my parcel to Seoul?", customs_ids.KOREAN_CODE),
        ("ja", "個人通関固有符号を入れ忘れました", customs_ids.KOREAN_CODE),
        ("zh", "海关让我做身份证实名认证，怎么办", customs_ids.REAL_NAME),
        (
            "en",
            "customs wants real-name verification for my parcel to Shanghai",
            customs_ids.REAL_NAME,
        ),
        ("de", "Der Zoll in China will eine Real-Name-Verifizierung", customs_ids.REAL_NAME),
        ("en", "will I pay customs in Korea?", None),
    ],
)
def test_a_customs_id_is_explained(language: str, text: str, table: dict | None) -> None:
    said = ask("customs_id", text, language)
    assert said == (table[language] if table else "")
    if table:  # and the notice is not asked for beside it
        assert ask("customs_notice_ask", text, language) == ""


@pytest.mark.parametrize("language", sorted(customs_ids.REAL_NAME))
def test_the_real_name_answer_never_asks_for_the_id_in_the_chat(language: str) -> None:
    korean, china = customs_ids.KOREAN_CODE[language], customs_ids.REAL_NAME[language]
    assert "UNI-PASS" in korean and "PCCC" in korean or language == "ko"
    assert "12" in korean or "13" in korean
    assert china != korean and len(china) > 60


@pytest.mark.parametrize(
    ("language", "text", "which"),
    [
        ("ja", "メルマガが多いので配信を止めたいです", 1),
        ("en", "too many emails, how do I stop them?", 1),
        ("de", "Wie kann ich mich vom Newsletter abmelden?", 1),
        ("pl", "chcę się wypisać z newslettera", 1),
        ("es", "quiero suscribirme a la newsletter", 2),
        ("ko", "뉴스레터 구독 신청하고 싶어요", 2),
        ("fr", "une question sur votre newsletter", 0),
    ],
)
def test_a_newsletter_question_is_not_asked_which_way_when_it_says(
    language: str, text: str, which: int
) -> None:
    assert ask("newsletter_ask", text, language) == sentences.NEWSLETTER[language][which]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Hola, soy Marco, lo tengo en la cesta, ¿funciona en Chile?"),
        ("fr", "dans le cadre de ma commande, c'est dans mon panier : ça marche en Suisse ?"),
        ("de", "in Bezug auf meine Bestellung: geht das im Rahmen der 230 V?"),
        ("pl", "czy przy wysyłce ekspresowej to zadziała w UK?"),
        ("tr", "sepete ekledim, amerikada calisir mi"),
        ("ar", "بخصوص المراسلة السابقة، هل يشتغل في مصر؟"),
    ],
)
def test_words_that_only_look_like_products_name_none(language: str, text: str) -> None:
    """A name, a shopping basket, "in the frame of", an express delivery: no product."""
    assert ask("product_ask", text, language) == sentences.PRODUCT[language]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "my stainless kettle has an issue"),
        ("es", "tengo un problema con la tostadora, lo que viene dentro de la caja"),
        ("nl", "probleem met de waterkoker, 2 per stuk besteld"),
        ("ja", "売り切れていたケトルが届いたのですが、問題があります"),
        ("ar", "عندي مشكلة في الغلاية من عطلة نهاية الأسبوع"),
    ],
)
def test_words_that_only_look_like_a_symptom_describe_none(language: str, text: str) -> None:
    """ "stainless", "dentro", "per stuk", "売り切れ", "عطلة": no problem described yet."""
    assert ask("problem_ask", text, language) == sentences.PROBLEM[language][1]
