"""Sizes as shoppers in each language write them (issue 15, sendability set 4 #12, #40,
#42, with probes written fresh for this file):

- a bare clothes number is read in the shopper's own system (a Russian's 46 is RU 46,
  about EU 40, an M; an Italian's "la 42" is IT 42), and the answer says which system it
  assumed;
- a height and weight give a size estimate (men's or women's), with a size up for a
  looser fit when the height calls for it, and the chest and waist as what decides;
- a jeans size (W28 L32, 28/32, "taille 28" in jeans) becomes the EU size and letter,
  and L is explained as the inside leg length.
"""

from __future__ import annotations

import pytest

from replies.engine import SuggestionEngine
from replies.facts.body_size import body_measures, estimate
from replies.facts.clothing_sizes import dress_row, womens_letter
from replies.facts.jeans_sizes import Jeans, jeans_size
from replies.facts.sizes import size_advice
from tests.replies.shopper_figures import runtime_engine

# --- a bare clothes number in the shopper's own system ---------------------------------


@pytest.mark.parametrize(
    ("text", "language", "country", "starts", "says"),
    [
        (
            "у меня 46 размер обычно, какой брать? платье на новый год",
            "ru",
            None,
            "RU 46 (жен.) ≈ EU 40 · US 10 · UK 14",
            "46 — российский размер; по международной шкале это примерно M.",
        ),
        (
            "привет, ношу 44-й, юбку какую заказать",
            "ru",
            "KZ",
            "RU 44 (жен.) ≈ EU 38",
            "44 — российский размер",
        ),
        (
            "ciao porto la 42, il vestito rosso che taglia è?",
            "it",
            None,
            "IT 42 (donna) ≈ US 6 · UK 10 · EU 36 · FR/ES 38",
            "Abbiamo considerato la 42 come taglia italiana: corrisponde più o meno a una S.",
        ),
        (
            "je fais du 40 habituellement, pour la jupe je prends quoi en UK ?",
            "fr",
            None,
            "FR 40 (femme) ≈ UK 12 · US 8 · EU 38",
            "Nous avons considéré le 40 comme une taille française, soit à peu près un M.",
        ),
        (
            "uso la 38, q talla de falda me pido??",
            "es",
            None,
            "ES 38 (mujer) ≈ US 6 · UK 10 · EU 36",
            "Hemos tomado la 38 como talla española",
        ),
        (
            "I'm usually a size 12 in dresses, what is that in EU sizing",
            "en",
            "GB",
            "UK 12 (women) ≈ EU 38 · US 8",
            "We've read 12 as a UK size, which is about M.",
        ),
        (
            "I'm usually a size 12 in dresses, what is that in EU sizing",
            "en",
            "US",
            "US 12 (women) ≈ EU 42 · UK 16",
            "We've read 12 as a US size, which is about L.",
        ),
        (
            "Ich trage normalerweise 38, welche Größe hat das Kleid in UK?",
            "de",
            None,
            "EU 38 (Damen) ≈ UK 12",
            "Wir sind bei 38 von einer deutschen Größe ausgegangen",
        ),
        ("noszę 40, jaka to sukienka w rozmiarze UK?", "pl", None, "EU 40 (damskie) ≈ UK 14", ""),
        ("평소 66 입어요 원피스 사이즈 추천해주세요", "ko", None, "M (여성) ≈", "66 사이즈는 한국"),
        (
            "privet! u menya 46 razmer, plat'e kakoe brat?",
            "ru",
            None,
            "RU 46 (жен.) ≈ EU 40",
            "примерно M.",
        ),
        (
            "salut, jfais du 38 en pantalon femme, c koi chez vous?",
            "fr",
            None,
            "FR 38 (femme) ≈ US 6",
            "taille française",
        ),
    ],
)
def test_a_bare_clothes_number_is_read_in_the_shoppers_own_system(
    text: str, language: str, country: str | None, starts: str, says: str
) -> None:
    """Set 4 #42: a Russian 46 (a dress) was read as EU 46 ("EU 46 ≈ US 16 · UK 20");
    a Russian 46 is about EU 40, an M."""
    advice = size_advice(text, language, country)
    assert advice.startswith(starts), advice
    assert says in advice, advice


def test_the_russian_womens_sizes_are_half_the_bust_as_the_charts_give_them() -> None:
    """GOST 29295 and Russian shops' charts: RU 42 = EU 36, RU 46 = EU 40 (M), and
    US = RU - 36; Italy numbers the same way."""
    for ru, eu, us in ((42, 36, 6), (44, 38, 8), (46, 40, 10), (48, 42, 12), (50, 44, 14)):
        row = dress_row("RU", ru)
        assert row is not None and row["EU"] == eu and row["US"] == us and row["IT"] == ru
    assert womens_letter("RU", 46) == "M" and womens_letter("RU", 42) == "S"
    assert womens_letter("IT", 44) == "M" and womens_letter("FR", 36) == "S"
    assert womens_letter("FR", 34) == "XS" and womens_letter("UK", 12) == "M"


@pytest.mark.parametrize(
    ("text", "language", "starts"),
    [
        ("what is a russian size 48 dress in US?", "en", "RU 48 (women) ≈ US 12 · EU 42"),
        ("rozmiar rosyjski 46, sukienka, jaki to europejski?", "pl", "RU 46 (damskie) ≈ EU 40"),
        ("una talla rusa 44 de vestido, ¿cuál es en europea?", "es", "RU 44 (mujer) ≈ EU 38"),
        ("ваш L соответствует нашему 48-му?", "ru", "RU 48 (жен.) ≈ EU 42"),
        ("UK 8 это какой по-нашему? платье", "ru", "UK 8 (жен.) ≈ RU 40 · "),
    ],
)
def test_a_russian_size_named_in_any_language_is_russian(
    text: str, language: str, starts: str
) -> None:
    assert size_advice(text, language).startswith(starts)


def test_a_russian_shopper_sees_the_russian_size_too() -> None:
    advice = size_advice("Ношу 44 итальянский, какое это платье в размерах UK?", "ru")
    assert advice.startswith("IT 44 (жен.) ≈ UK 12 ·") and "RU 44" in advice
    assert "RU" not in size_advice("Ich trage IT 44, welches Kleid in UK?", "de")


def test_a_russian_mans_size_is_the_eu_one() -> None:
    advice = size_advice("ношу 50 размер, мужская куртка подойдет?", "ru")
    assert advice.startswith("M (муж.) ≈") and "EU 48-50" in advice
    assert "50 — российский размер" in advice and "(жен.)" not in advice


def test_a_russian_size_for_no_one_in_particular_gets_both_and_no_single_letter() -> None:
    advice = size_advice("у меня 50 размер, какой брать?", "ru")
    assert "RU 50 (жен.) ≈ EU 44" in advice and "(муж.) ≈" in advice
    assert advice.endswith("50 — российский размер.")


def test_shoes_keep_their_own_numbers() -> None:
    """A shoe number is not a Russian or Italian clothes size; a shoe size called Russian
    is one below the EU's (Russian shops' charts: RU 38 = EU 39)."""
    assert size_advice("ношу 41 размер обуви", "ru").startswith("EU 41 (муж.) ≈")
    assert size_advice("porto il 42 di scarpe", "it").startswith("EU 42 (uomo) ≈")
    russian = size_advice("российский размер обуви 38, женские кроссовки, какой это EU?", "ru")
    assert russian.startswith("EU 39 (жен.) ≈ US 8 · UK 5,5")


# --- height and weight -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "height", "weight"),
    [
        ("je fais 1m80 pour 75kg", "fr", 180, 75),
        ("mido 1,80 y peso 75", "es", 180, 75),
        ("ich bin 1,80 groß und wiege 75 kg", "de", 180, 75),
        ("im 5'11 and 165 lbs", "en", 180, 75),
        ("6 ft, I weigh 180", "en", 183, 82),
        ("身長180cm 体重75kg", "ja", 180, 75),
        ("키 180 몸무게 75", "ko", 180, 75),
        ("身高180 体重150斤", "zh", 180, 75),
        ("身高165 体重110", "zh", 165, 55),
        ("рост 180 вес 75", "ru", 180, 75),
        ("boyum 175 kilom 70", "tr", 175, 70),
        ("طولي ١٨٠ ووزني ٧٥", "ar", 180, 75),
        ("sou mulher, 1,60 e 55 kg", "pt", 160, 55),
        ("mam 170 cm wzrostu i ważę 65 kg", "pl", 170, 65),
    ],
)
def test_height_and_weight_are_read_in_every_unit(
    text: str, language: str, height: float, weight: float
) -> None:
    body = body_measures(text, language)
    assert body is not None, text
    assert round(body.height) == height and round(body.weight) == weight


def test_a_height_alone_or_a_shoe_length_is_no_body() -> None:
    assert body_measures("I'm 180 cm, what size?", "en") is None
    assert body_measures("my foot is 26.5 cm, 42 EU", "en") is None


def test_the_estimate_follows_general_charts() -> None:
    """Men of 1.80 m and 75 kg wear an M, an L for a looser fit; women of 1.65 m and
    58 kg an M."""
    assert estimate(180, 75, men=True) == ("M", "L")
    assert estimate(172, 65, men=True) == ("S", None)
    assert estimate(185, 90, men=True) == ("XL", None)
    assert estimate(165, 58, men=False) == ("M", None)
    assert estimate(158, 50, men=False) == ("S", None)


@pytest.mark.parametrize(
    ("text", "language", "said"),
    [
        (
            "je fais 1m80 pour 75kg, je prends M ou L pour le pull col roulé homme?",
            "fr",
            "Pour 1,80 m et 75 kg, un M homme (environ EU 48-50) convient en général. Pour un "
            "porté plus ample, prenez le L.",
        ),
        (
            "hola, mido 1,80 y peso 75, q talla de camiseta? soy hombre",
            "es",
            "Con 1,80 m y 75 kg, lo normal es una M de hombre",
        ),
        ("bin 1,80 gross und wiege 75kg, Herren Pulli", "de", "Bei 1,80 m und 75 kg passt meist"),
        ("sono alto 1,80 e peso 75, felpa uomo", "it", "Con 1,80 m e 75 kg di solito va bene la M"),
        ("tenho 1,80 e peso 75kg, camiseta masculina", "pt", "o tamanho M masculino"),
        ("ik ben 1m80 en weeg 75 kg, trui heren", "nl", "maat M voor heren"),
        ("mam 180 cm wzrostu i waże 75 kg, bluza meska", "pl", "męski rozmiar M"),
        ("рост 180 вес 75, мужская куртка какой размер", "ru", "мужской размер M"),
        ("boyum 180 kilom 75 erkek kazak", "tr", "erkek M beden"),
        ("Merhaba, 1.80 boy 85 kilo erkeğim, mont hangi beden?", "tr", "erkek L beden"),
        ("身長180cm 体重75kgです。メンズのニット", "ja", "メンズのMサイズ"),
        ("키 180 몸무게 75 남자 니트", "ko", "남성 M 사이즈"),
        ("身高180 体重150斤 男生 毛衣", "zh", "男款M码"),
        ("طولي 180 ووزني 75 كغ، كنزة رجالي", "ar", "المقاس M الرجالي"),
        ("im 5'11 and 165 lbs, hoodie for a guy", "en", "For 5'11 and 165 lb, a men's M"),
    ],
)
def test_height_and_weight_give_a_size_in_every_language(
    text: str, language: str, said: str
) -> None:
    """Set 4 #12: 1.80 m, 75 kg and a men's roll-neck got "tell us your usual size"."""
    advice = size_advice(text, language)
    assert said in advice, advice
    assert "EU, US, UK, JP" not in advice  # no longer asks for a size


def test_without_mens_or_womens_the_estimate_gives_both() -> None:
    advice = size_advice("I'm 1.70 m and 65 kg, which size?", "en")
    assert "a men's S" in advice and "or a women's M" in advice


# --- jeans ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "women", "jeans"),
    [
        ("W28 L32", None, Jeans(28, 32)),
        ("w30/l34 please", None, Jeans(30, 34)),
        ("jeans 28/32 womens", True, Jeans(28, 32)),
        ("je fais du 28 en jean", True, Jeans(28, 0)),
        ("waist 32, what size", None, Jeans(32, 0)),
        ("청바지 허리 28", True, Jeans(28, 0)),
        ("牛仔裤腰围两尺三，女生穿几码？", True, Jeans(30, 0)),  # 2 chi 3 cun
        ("我腰围2尺1，这条裤子男款选什么码", False, Jeans(28, 0)),
        ("w 30 dni? noszę 38", None, None),  # Polish "in 30 days"
        ("jeans EU 38", True, None),
    ],
)
def test_a_jeans_size_is_read_as_written(text: str, women: bool | None, jeans: Jeans) -> None:
    assert jeans_size(text, women) == jeans


@pytest.mark.parametrize(
    ("text", "language", "said"),
    [
        (
            "jaki to rozmiar europejski W28 L32? chodzi o jeansy damskie",
            "pl",
            "W28 L32 (damskie) ≈ EU 36 · US 6 · UK 10 · S. L32 to długość nogawki po "
            "wewnętrznej stronie: 81 cm.",
        ),
        ("what EU size is W32 L34 in mens jeans", "en", "W32 L34 (men) ≈ EU 48 · M."),
        ("jeans da uomo 32/32, che taglia italiana?", "it", "W32 L32 (uomo) ≈ EU 48 · M."),
        ("spijkerbroek heren W31 L32", "nl", "W31 L32 (heren) ≈ EU 46-48 · S."),
        ("je fais du 28 en jean femme, ça fait quoi ?", "fr", "W28 (femme) ≈ EU 36 · US 6"),
        ("vaqueros de mujer talla 27, cual es en europea?", "es", "W27 (mujer) ≈ EU 34 · US 4"),
        ("Jeans Damen W29 L30", "de", "L30 ist die Schrittlänge (Innenbeinlänge): 76 cm."),
        ("джинсы женские W29 L32 это какой размер", "ru", "W29 L32 (жен.) ≈ EU 38 · US 8"),
        ("kot pantolon erkek W33 L32 kaç beden", "tr", "W33 L32 (erkek) ≈ EU 48-50 · M."),
        ("ジーンズのW28 L30はレディースだと何サイズ", "ja", "L30は股下の長さで、76cmです。"),
        ("牛仔裤W29 L32 女款", "zh", "W29 L32 (女款) ≈ EU 38"),
        ("جينز نسائي W28 L30 كم مقاسه بالأوروبي؟", "ar", "W28 L30 (نسائي) ≈ EU 36"),
    ],
)
def test_jeans_sizes_become_eu_sizes_and_letters(text: str, language: str, said: str) -> None:
    """Set 4 #40: W28 L32 women's jeans got "tell us your size"; about EU 36 (S)."""
    advice = size_advice(text, language)
    assert said in advice, advice


def test_jeans_for_no_one_in_particular_get_both() -> None:
    advice = size_advice("W28 L32 jeans?", "en")
    assert "W28 L32 (men) ≈ EU 44 · XS." in advice and "(women) ≈ EU 36" in advice


# --- shirts and children's clothes ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "said"),
    [
        ("je fais du 41 en chemise, ça fait quoi en lettres?", "fr", "Encolure 41 cm (homme)"),
        ("porto la 41 di camicia, com'è in lettere?", "it", "Collo 41 cm (uomo) ≈ US/UK 16 · L."),
        ("Hemd Kragenweite 42, welche Größe?", "de", "Kragenweite 42 cm (Herren) ≈ US/UK 16,5"),
        ("what size is a 16.5 collar shirt", "en", "Collar 42 cm (men) ≈ US/UK 16.5 · L."),
        ("my neck is 15 inch, which shirt size?", "en", "Collar 38 cm (men) ≈ US/UK 15 · S."),
        ("camisa de hombre talla 40", "es", "Cuello 40 cm (hombre) ≈ US/UK 15,75 · M."),
        ("рубашка мужская 43 ворот, какой размер?", "ru", "Ворот 43 см (муж.) ≈ US/UK 17 · XL."),
        ("ワイシャツの首回り41cmです", "ja", "首回り41cm (メンズ) ≈ US/UK 16 · L。"),
    ],
)
def test_a_shirt_number_is_its_collar(text: str, language: str, said: str) -> None:
    """A French 41 shirt was read as a shoe (EU 41) or a woman's FR 41 dress."""
    assert size_advice(text, language).startswith(said)


def test_a_childs_height_size_is_not_an_adults() -> None:
    assert "XXL" not in size_advice("아동복 110이면 해외 사이즈로 뭐예요", "ko")


def test_a_height_and_weight_come_before_a_bare_number() -> None:
    advice = size_advice("I'm 170cm and 65kg, normally EU 38, what size here?", "en")
    assert advice.startswith("For 1.70 m and 65 kg,") and "JP 24 cm" not in advice


# --- the whole answer -------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


@pytest.mark.parametrize(
    ("text", "language", "said"),
    [
        ("здравствуйте, рост 165, вес 58, какой размер платья выбрать?", "ru", "женский размер M"),
        ("Jeans Herren W34 L32, welche Größe ist das in EU?", "de", "W34 L32 (Herren) ≈ EU 50"),
        ("ношу 48 размер, какой брать свитер? женский", "ru", "RU 48 (жен.) ≈ EU 42"),
        ("키 163 몸무게 52인데 여자 니트 사이즈 뭐가 맞을까요?", "ko", "여성 S 사이즈"),
    ],
)
def test_the_size_answer_carries_the_reading(
    engine: SuggestionEngine, text: str, language: str, said: str
) -> None:
    suggestion = engine.suggest(text, lang_hint=language)
    assert suggestion.intent == "size_conversion" and suggestion.reply, suggestion
    assert said in suggestion.reply, suggestion.reply


def test_a_turkish_man_saying_erkegim_gets_the_mens_size_only() -> None:
    advice = size_advice("Merhaba, 1.80 boy 85 kilo erkeğim, mont hangi beden?", "tr")
    assert "erkek L beden" in advice and "kadın" not in advice


def test_a_brazilians_dress_size_is_brazilian_not_a_shoe() -> None:
    """Brazil numbers women's clothes as France does (BR 40 = US 8, an M); a Brazilian's
    "visto 42 de vestido" was converted as a BR 42 shoe."""
    advice = size_advice("visto 42 de vestido, qual tamanho?", "pt", "BR")
    assert advice.startswith("BR 42 (feminino) ≈ US 10 · UK 14 · EU 40")
    assert "tamanho brasileiro" in advice and " cm" not in advice
    assert size_advice("calço 40", "pt", "BR").startswith("BR 40 (masculino) ≈ US 8,5")


@pytest.mark.parametrize(
    ("text", "language", "country", "starts", "says"),
    [
        ("je porte du 8 en robe, c'est quoi chez vous?", "fr", "CA", "US 8 (femme)", "américaine"),
        ("uso talla 10 de vestido, cual pido?", "es", "MX", "US 10 (mujer)", "estadounidense"),
        ("je fais du 38 en robe", "fr", "CH", "EU 38 (femme)", "taille européenne"),
        ("je fais du 38 en robe", "fr", "BE", "FR 38 (femme)", "taille française"),
    ],
)
def test_the_shoppers_country_can_change_the_system(
    text: str, language: str, country: str, starts: str, says: str
) -> None:
    """Quebec and Mexico number women's clothes as the US does, Switzerland as Germany."""
    advice = size_advice(text, language, country)
    assert advice.startswith(starts) and says in advice, advice
