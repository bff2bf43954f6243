"""Which size a shopper wears, and in which system they want it, read from their words.

A message often holds more than one number: "di solito porto la 44 italiana, del vestito
prendo la 10 o la 12 UK?" wears an Italian 44 and asks between two UK sizes; "welche US
Grösse ist bei den Sneakers Herren 44? 10 oder 11?" wears a 44 and asks for the US size.
The size worn is the one after a verb of wearing ("porto", "ich trage", "calzo", "je
porte", "noszę", "ношу", "平时穿", "신어요" before or after it), else the first one that is
not one of two choices ("10 or 11", "la 10 o la 12"); the choices and a system named with
no number ("welche US Größe", "in UK?") are the systems asked for, which the answer puts
first. A system is written as a code (US, UK, EU, JP, CN, KR, BR; IT, FR, DE, ES in
capitals), a nationality ("la 44 italiana", "taille française 38", "deutsche Größe 40",
"日本のL", "nihon no L", "欧码42", "美码9") or not at all, when the number takes the
system of the shopper's language (``sizes``).

    worn = worn_size("ciao, porto la 44 italiana: la 10 o la 12 UK?", "it", None)
    # Mention(system="IT", value=44.0, ...), asked_systems(...) == ("UK",)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A system's code next to a number; "us" and "eu" in small letters are the English
# pronoun and the Portuguese "I", so those two count only in capitals.
_CODE = re.compile(r"(?<![A-Za-z])(USA|US|UK|EUR|EU|JPN|JP|CN|KR|BR)(?![A-Za-z])", re.IGNORECASE)
_NATIONAL_CODE = re.compile(r"(?<![A-Za-z])(IT|FR|DE|ES|RU)(?![A-Za-z])")
_CODES = {"USA": "US", "EUR": "EU", "JPN": "JP"}
# Nationalities and the local names of the systems ("欧码" = European size), by system.
_WORDS: dict[str, str] = {
    "IT": r"italian\w*|italien\w*|italiano|italiana|włosk\w*|итальянск\w*|italyan|"
    r"イタリア|이탈리아|意大利|意码|إيطالي",
    "FR": r"french|fran[çc]ais\w*|französisch\w*|frances\w*|francês|frans[e]?\b|francusk\w*|"
    r"французск\w*|fransız|フランス|프랑스|法国|法码|فرنسي",
    "DE": r"german|allemand\w*|deutsch\w*|alem[aá]n\w*|tedesc\w*|alemã\w*|duits\w*|"
    r"niemieck\w*|немецк\w*|alman\b|ドイツ|독일|德国|德码|ألماني",
    "ES": r"spanish|espagnol\w*|spanisch\w*|español\w*|spagnol\w*|espanhol\w*|spaans\w*|"
    r"hiszpańsk\w*|испанск\w*|ispanyol|スペイン|스페인|西班牙|إسباني",
    "UK": r"british|uk size|britanni\w*|anglais\w*|britisch\w*|englisch\w*|inglese|ingl[eé]s\w*|"
    r"britânic\w*|brits\w*|brytyjsk\w*|angielsk\w*|британск\w*|английск\w*|ingiliz|"
    r"イギリス|英国|영국|英码|بريطاني",
    "US": r"americ\w+|amerikan\w*|ee\. ?uu\.?|eeuu|estadounidense|amerykańsk\w*|"
    r"американск\w*|アメリカ|미국|美国|美码|أمريكي",
    "EU": r"europ\w+|европейск\w*|avrupa|ヨーロッパ|欧洲|欧码|유럽|أوروبي",
    "JP": r"japan\w*|japon\w*|giappones\w*|japońsk\w*|японск\w*|nihon|日本|日码|일본|ياباني",
    "CN": r"chinese|chinois\w*|chinesisch\w*|cines\w*|chinês|chines[ae]\w*|chinees|chińsk\w*|"
    r"китайск\w*|中国|国内|国码|중국|صيني",
    "KR": r"korean|coréen\w*|koreanisch\w*|corean\w*|koreaans\w*|koreańsk\w*|корейск\w*|"
    r"韩国|韩码|한국|كوري",
    "BR": r"brazil\w*|brasil\w*|brésil\w*|brazylijsk\w*|бразильск\w*|ブラジル|巴西|브라질",
    # Russia's clothes sizes ("по-нашему", "in our sizes", to a Russian shopper)
    "RU": r"russian|russe\b|russisch\w*|rus[oa]\b|russ[oa]\b|rosyjsk\w*|российск\w*|русск\w*|"
    r"по-нашему|по нашему|нашему|нашим размер\w*|rus\b|ロシア|러시아|俄罗斯|俄码|روسي",
}
# a Latin or Cyrillic word starts there (Chinese and Japanese words need no space)
_LATIN_START = r"(?<![A-Za-zÀ-ÿĀ-žЀ-ӿ])"
_NATIONALITY = re.compile(
    "|".join(rf"(?P<{system}>{_LATIN_START}(?:{words}))" for system, words in _WORDS.items()),
    re.IGNORECASE,
)
# A size: a number with or without a half, or a foot length in cm or (Korean) mm.
_NUMBER = re.compile(r"(?<![\d.,#/])(\d{1,2}\s?½|\d{1,2}(?:[.,]5)?)(?![\d.,]?\d|\s*/\s*\d)")
_CENTIMETRES = re.compile(
    r"(?<![\d.,])((?:2\d|3[01])(?:[.,]5)?)\s*(?:cm|センチ|厘米|㎝|см)", re.IGNORECASE
)
_MILLIMETRES = re.compile(r"(?<!\d)(2[1-9][05]|3[01][05])(?:\s*(?:mm|밀리))?(?!\d)")
# Two choices: "10 or 11", "la 10 o la 12", "42还是43", "10か11".
_CHOICE = re.compile(
    r"(\d{1,2}(?:[.,]5)?)\s*"
    r"(?:or|oder|o|ou|of|lub|czy|albo|или|veya|ya da|か|还是|或|또는|아니면|أو)"
    r"\s*(?:the |la |el |le |die |a |o |de |het )?(\d{1,2}(?:[.,]5)?)(?!\d)",
    re.IGNORECASE,
)
# The verbs of wearing a size, in the 14 languages (before the size, or after it in
# Japanese, Korean and Turkish).
_WEAR_BEFORE = re.compile(
    r"(?:wear|wore|i'?m a|i am a|porto|indosso|calzo|calza|uso|gasto|visto|chausse|je fais du|"
    r"je porte|trage|draag|nosz[eę]|ношу|cal[çc]o|穿|أرتدي|ألبس)[^\d.?!;,，。？！]{0,12}$",
    re.IGNORECASE,
)
_WEAR_AFTER = re.compile(r"^[^\d.?!;,，。？！]{0,8}(?:履いて|着て|신어|입어|신는|입는|giy)")
# What may stand between a system and its number: "US size", "US men's", "taglia
# italiana", "日本の", "italienische Größe" (a few letters, no other number or full stop).
_GAP = r"[^\d.?!;,，。？！]{0,14}"


@dataclass(frozen=True)
class Mention:
    """A size in the message: its system ("" when none is written), value, where it
    stands, and whether it is surely a shoe size (a foot length)."""

    system: str
    value: float
    start: int
    end: int
    foot_length: bool = False


# A half written in words: "9 and a half", "ocho y medio" (digits only), "42 et demi",
# "41 einhalb", "42 e mezzo", "39 e meio", "42 i pół", "42 с половиной", "42 buçuk", "42半".
_HALF_WORDS = re.compile(
    r"(?<![\d.,])(\d{1,2})\s*(?:and a half|y medio|et demi|(?:und )?einhalb|e mezzo|e meio|"
    r"en een half|i pół|с половиной|buçuk|半)",
    re.IGNORECASE,
)


def with_halves(text: str) -> str:
    """``text`` with halves written in words as decimals ("9 and a half" -> "9.5")."""
    return _HALF_WORDS.sub(lambda m: f"{m.group(1)}.5", text)


def number(text: str) -> float:
    """A written size as a number: "8,5", "8½", "8 ½" -> 8.5."""
    return float(text.replace(",", ".").replace("½", ".5").replace(" ", "") or 0)


def _systems(text: str) -> list[tuple[int, int, str]]:
    """Every system named in ``text``: (start, end, system)."""
    found = []
    for match in _CODE.finditer(text):
        if match.group(1) in {"us", "eu"}:
            continue
        code = match.group(1).upper()
        found.append((match.start(), match.end(), _CODES.get(code, code)))
    found += [(m.start(), m.end(), m.group(1)) for m in _NATIONAL_CODE.finditer(text)]
    for match in _NATIONALITY.finditer(text):
        system = next(name for name, value in match.groupdict().items() if value)
        found.append((match.start(), match.end(), system))
    return sorted(found)


def _system_of(text: str, start: int, end: int, systems: list[tuple[int, int, str]]) -> str:
    """The system written next to the number at ``start``-``end``: just before it ("US 9",
    "taglia italiana 44", "欧码42") or just after ("44 italiana", "12 UK"); "" if none."""
    near = []
    for s_start, s_end, system in systems:
        if s_end <= start and re.fullmatch(_GAP, text[s_end:start]):
            near.append((start - s_end, system))
        elif s_start >= end and re.fullmatch(_GAP, text[end:s_start]):
            near.append((s_start - end + 1, system))
    return min(near)[1] if near else ""


# A weight right after a number: kilos, pounds, Chinese jin, in the 14 languages.
_WEIGHT = re.compile(
    r"\s?(?:kg|kgs|kilo|lb|lbs|pound|斤|킬로|키로|кг|кило|كغ|كيلو|kilogram|килограм)",
    re.IGNORECASE,
)


def mentions(text: str, language: str) -> list[Mention]:
    """The sizes written in ``text``, in order: foot lengths, then numbers."""
    found: list[Mention] = []
    taken: list[range] = []
    for match in _CENTIMETRES.finditer(text):
        found.append(Mention("JP", number(match.group(1)), *match.span(1), foot_length=True))
        taken.append(range(*match.span()))
    if language == "ko":
        for match in _MILLIMETRES.finditer(text):
            if not any(match.start() in span for span in taken):
                found.append(Mention("KR", float(match.group(1)), *match.span(1), True))
                taken.append(range(*match.span()))
    systems = _systems(text)
    for match in _NUMBER.finditer(text):
        if any(match.start() in span for span in taken):
            continue
        if _WEIGHT.match(text, match.end()):
            continue  # "55kg" is a weight, not a Korean size 55 ("163에 55kg이고 평소 66")
        system = _system_of(text, match.start(), match.end(), systems)
        value = number(match.group(1))
        if system and not _plausible(system, value):
            system = ""  # "número americano es un 44": the 44 is not a US size
        found.append(Mention(system, value, *match.span(1)))
    return sorted(found, key=lambda mention: mention.start)


# The sizes each system numbers clothes and shoes with (US and UK from a women's 0 to a
# men's 15, the continental ones from a child's 28 up, Japanese cm or 号 numbers).
_RANGES = {
    "US": (0, 24), "UK": (1, 26), "JP": (3, 32), "KR": (40, 320), "BR": (30, 48), "RU": (38, 70),
}  # fmt: skip


def _plausible(system: str, value: float) -> bool:
    low, high = _RANGES.get(system, (28, 60))
    return low <= value <= high


def _choices(text: str) -> set[int]:
    """Where the numbers offered as choices start ("10 or 11": both)."""
    return {m.start(group) for m in _CHOICE.finditer(text) for group in (1, 2)}


def worn_size(found: list[Mention], text: str) -> Mention | None:
    """The size the shopper wears: after (or in Japanese, Korean, Turkish before) a verb of
    wearing, else the first that is not a choice between two, else the first."""
    for mention in found:
        if _WEAR_BEFORE.search(text[: mention.start]) or _WEAR_AFTER.search(text[mention.end :]):
            return mention
    choices = _choices(text)
    return next((m for m in found if m.start not in choices), found[0] if found else None)


def asked_systems(found: list[Mention], worn: Mention | None, text: str) -> tuple[str, ...]:
    """The systems the shopper asks for: named without a number ("welche US Größe", "in
    UK?"), or the system of the choices they hesitate between."""
    asked: list[str] = []
    for start, end, system in _systems(text):
        # written next to a size of its own ("US 9"), not next to one it cannot number
        # ("número americano es un 44": the US size is asked for)
        attached = any(
            _system_of(text, m.start, m.end, [(start, end, system)])
            for m in found
            if m.system == system
        )
        if not attached and system not in asked:
            asked.append(system)
    for mention in found:
        if mention is not worn and mention.system and mention.system not in asked:
            asked.append(mention.system)
    if worn is not None:
        asked = [system for system in asked if system != worn.system]
    return tuple(asked)


def system_near_letter(text: str, start: int, end: int) -> str:
    """The system written next to a letter size ("日本のL", "nihon no L size", "JP L",
    "CN M"); "" when none is."""
    return _system_of(text, start, end, _systems(text))
