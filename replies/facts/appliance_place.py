"""Where an appliance will be used, and which country's mains it was made for, as a
voltage question says them.

"ドイツ仕様のコーヒーミルって日本でも使えますか？" names two countries: Germany, whose supply
the grinder was made for, and Japan, where it will be used. The answer states Japan's
supply (100 V) and what a 230 V appliance needs there, never Germany's "works as is".
A country is where the appliance is used when the message says "in"/"で"/"에서"/"在" with
it ("in Japan", "日本で", "일본에서", "在日本", "Japonya'da", "en México"); it is the
appliance's own when the message says "from"/"仕様"/"製"/"版"/"bought in" with it ("aus
Deutschland", "ドイツ仕様", "德版", "Almanya'dan", "a German kettle"). The country named
for use wins over the linked order's and the phone's (``replies.facts.fill``).

    where_used("ドイツ仕様のコーヒーミルって日本でも使えますか？")  # "JP"
    made_for("ドイツ仕様のコーヒーミルって日本でも使えますか？")    # "DE"
    made_for("Will my German kettle work in Canada?")               # "DE"
"""

from __future__ import annotations

import re
import unicodedata

from replies.facts.country import countries_in_text

# Said after a country: the appliance is that country's ("ドイツ仕様", "德国版", "독일산",
# "독일에서 산", "Almanya'dan", "在德国买的").
_ORIGIN_AFTER = re.compile(
    r"\s*(?:仕様|製|版|規格|モデル|向け|で買|で購入|产|制造|规格|款|买的|購入|"
    r"에서\s*(?:산|샀|구입|구매)|산\b|판\b|['’][dt][ae]n\b)",
    re.IGNORECASE,
)
# Said before a country: "from Germany", "aus Deutschland", "made in", "bought in",
# "de/desde Alemania", "da Alemanha", "dalla Germania", "uit Duitsland", "du Japon".
_ORIGIN_BEFORE = re.compile(
    r"(?:from|made in|bought in|aus|von|uit|desde|dalla|dal|dagli|da|do|du|de la|de|"
    r"comprad[oa] en|acheté en|gekauft in|kupion[aey]? w|куплен\w* в)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Said with a country where the appliance is used: "in Japan", "en México", "au Canada",
# "im Vereinigten Königreich", "no Brasil", "w Polsce", "в Японии", "在日本", "في اليابان",
# "日本で", "일본에서", "Japonya'da".
_USED_BEFORE = re.compile(
    r"(?:\bin|\ben|\bà|\bau|\baux|\bim|\bnach|\bem|\bno|\bna|\bnos|\bnas|\bnel|\bnegli|"
    r"\bw|\bwe|\bв|\bво|\bdans|在|في)\s*"
    r"(?:the\s+|la\s+|le\s+|el\s+|l'|het\s+|de\s+|der\s+|den\s+|dem\s+|die\s+)?$",
    re.IGNORECASE,
)
_USED_AFTER = re.compile(r"\s*(?:で|では|でも|에서|['’][dt][ae]\b)", re.IGNORECASE)
# The verbs of working or using, in the 14 languages: the country said beside one
# ("will it work in Japan", "日本で使える", "在中国能用") is where it is used.
_USE_VERB = re.compile(
    r"work|use|funktion|benutz|verwend|funcion|usar|fonction|march|utilis|funzion|usa|"
    r"werk|gebruik|dział|używ|работ|пользов|çalış|kullan|使|用|쓰|써|사용|작동|يعمل|استخدام",
    re.IGNORECASE,
)
_CLAUSE = 28  # how far from the country such a verb may stand

# An appliance named by the country it is from: "a German grinder", "deutsches Gerät",
# "un sèche-cheveux américain"; CJK names are countries already ("ドイツ", "德国").
_DEMONYMS: dict[str, str] = {
    "DE": r"german|deutsche?[nrs]?|allemande?|alem[aá]n[a]?|tedesc[oaih]|alemã|alemão|duitse?|"
    r"niemieck\w*|немецк\w*|alman",
    "US": r"american|amerikanische?[nrs]?|américaine?|american[oa]|amerikaanse?|"
    r"amerykańsk\w*|американск\w*|amerikan",
    "GB": r"british|britische?[nrs]?|britannique|británic[oa]|britannic[oa]|britânic[oa]|"
    r"britse?|brytyjsk\w*|британск\w*|ingiliz",
    "JP": r"japanese|japanische?[nrs]?|japonaise?|japones[a]?|giapponese|japonês|japonesa|"
    r"japanse?|japońsk\w*|японск\w*|japon",
    "FR": r"french|französische?[nrs]?|française?|frances[a]?|francese|francês|franse?|"
    r"francusk\w*|французск\w*|fransız",
    "IT": r"italian|italienische?[nrs]?|italien(?:ne)?|italian[oa]|italiaanse?|włosk\w*|"
    r"итальянск\w*|italyan",
    "KR": r"korean|koreanische?[nrs]?|coréen(?:ne)?|corean[oa]|koreaanse?|koreańsk\w*|"
    r"корейск\w*|kore",
    "CN": r"chinese|chinesische?[nrs]?|chinoise?|chin[oa]|cinese|chinês|chinesa|chinese|"
    r"chińsk\w*|китайск\w*|çin",
}
_DEMONYM = re.compile(
    "|".join(
        rf"(?P<{code}>(?<![^\W\d_])(?:{words})(?![^\W\d_]))" for code, words in _DEMONYMS.items()
    ),
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _origins(text: str) -> tuple[list[str], list[str]]:
    """The countries ``text`` names: (those said as the appliance's own, the others)."""
    folded = _fold(text)
    own, others = [], []
    for start, end, code in countries_in_text(text):
        before, after = folded[:start], folded[end:]
        if _ORIGIN_AFTER.match(after) or _ORIGIN_BEFORE.search(before):
            own.append(code)
        else:
            others.append(code)
    return own, others


def where_used(text: str) -> str | None:
    """The country the message says the appliance will be used in; None when it names
    none, or names one only as the appliance's own."""
    folded = _fold(text)
    own, others = _origins(text)
    used = []
    for start, end, code in countries_in_text(text):
        if code in own:
            continue
        if _USED_BEFORE.search(folded[:start]) or _USED_AFTER.match(folded[end:]):
            near = folded[max(0, start - _CLAUSE) : end + _CLAUSE]
            used.append((not _USE_VERB.search(near), start, code))
    if used:
        return min(used)[2]  # beside a verb of using first, then the first said
    return others[0] if own and others else None


def made_for(text: str) -> str | None:
    """The country whose mains the appliance was made for, as the message says it
    ("ドイツ仕様", "from Germany", "a German kettle"); None when it does not."""
    own, _ = _origins(text)
    if own:
        return own[0]
    # a demonym that is also the country's name ("au Japon", Turkish "Çin'de") names where
    # it is used, not what it was made for
    named = [range(start, end) for start, end, _ in countries_in_text(text)]
    for match in _DEMONYM.finditer(_fold(text)):
        if not any(match.start() in span for span in named):
            return next(code for code, value in match.groupdict().items() if value)
    return None
