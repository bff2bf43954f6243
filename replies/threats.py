"""Threats in a shopper's message: bad reviews, chargebacks, lawyers, the authorities.

"Refund me now or I'll leave a one-star review everywhere" is not a request to leave a
review: it is an angry refund demand that staff must see first and handle with care. The
classifier alone reads the review words and suggests ``review``; so a small lexicon per
language finds the threat, and together with the classifier's signal of a complaint
(``review``, ``complaint``, a refund or a problem among its best guesses) the suggestion
becomes the refund or complaint case and carries the ``threat`` flag for the card.

Each lexicon is a list of word starts, matched at the start of a word in the accent-folded
lower-case message (so "abogados" and "Rückbuchung" written "ruckbuchung" match too); CJK
phrases match anywhere, as those scripts have no spaces. The message's own language and
English (shoppers switch to it for such words) are searched.

    threat_words("Devolvedme el dinero o pondré una reseña negativa", "es")
    # ('resena negativa',)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from replies.features import fold

# Word starts of threats, per language, separated by "|": bad reviews and stars,
# chargebacks and payment disputes, lawyers and courts, consumer authorities, the police,
# going public.
LEXICON: dict[str, str] = {
    "en": (
        "bad review | negative review | terrible review | 1 star | 1-star | one star | "
        "one-star | chargeback | charge back | dispute the | open a dispute | "
        "file a dispute | paypal dispute | paypal claim | lawyer | attorney | sue you | "
        "sue your | legal action | small claims | to court | in court | "
        "consumer protection | trading standards | better business bureau | bbb | "
        "report you | police | post this everywhere | post it everywhere | tell everyone | "
        "social media | trustpilot | go public | expose you"
    ),
    "es": (
        "mala resena | malas resenas | resena negativa | resenas negativas | mala opinion | "
        "opinion negativa | mala valoracion | valoracion negativa | una estrella | "
        "1 estrella | contracargo | disputa | abogad | demanda | denunci | tribunal | "
        "juzgado | profeco | consumo | hoja de reclamaciones | policia | redes sociales | "
        "exponer | escrache"
    ),
    "pt": (
        "avaliacao negativa | ma avaliacao | pessima avaliacao | uma estrela | 1 estrela | "
        "chargeback | contestar a compra | contestacao | advogad | processar | procon | "
        "reclame aqui | reclameaqui | justica | tribunal | policia | redes sociais | "
        "expor"
    ),
    "fr": (
        "mauvais avis | avis negatif | une etoile | 1 etoile | retrofacturation | "
        "faire opposition | litige | avocat | porter plainte | plainte | tribunal | "
        "justice | dgccrf | association de consommateurs | 60 millions | police | "
        "reseaux sociaux | partout sur internet"
    ),
    "de": (
        "schlechte bewertung | negative bewertung | 1 stern | einen stern | ein stern | "
        "ruckbuchung | rueckbuchung | chargeback | kauferschutz | kaeuferschutz | anwalt | "
        "klage | verklag | vor gericht | gerichtlich | verbraucherzentrale | "
        "verbraucherschutz | polizei | anzeige erstatt | anzeige gegen | social media | "
        "uberall posten | ueberall posten | offentlich mach | oeffentlich mach | "
        "trustpilot"
    ),
    "it": (
        "recensione negativa | pessima recensione | cattiva recensione | "
        "recensioni negative | una stella | 1 stella | chargeback | storno | "
        "contestazione | avvocat | denunci | tribunale | polizia | altroconsumo | "
        "associazione consumatori | tutela dei consumatori | sui social"
    ),
    "nl": (
        "slechte review | slechte recensie | negatieve review | negatieve recensie | "
        "1 ster | een ster | chargeback | terugboeking | terugvordering | advocaat | "
        "rechter | rechtszaak | aanklagen | politie | aangifte | consumentenbond | "
        "geschillencommissie | social media | overal posten | openbaar maken"
    ),
    "pl": (
        "negatywn | zla opini | zle opini | jedna gwiazdk | 1 gwiazdk | chargeback | "
        "obciazenie zwrotne | adwokat | prawnik | pozew | pozwe | sadu | sadzie | "
        "rzecznik praw konsument | uokik | policj | zglosze | media spolecznosciow | "
        "wszedzie opisz"
    ),
    "ru": (
        "плохои отзыв | негативны | отрицательны | одну звезд | 1 звезд | чарджбэк | "
        "чарджбек | оспор | юрист | адвокат | в суд | судебн | роспотребнадзор | "
        "защиты прав потребител | полици | соцсет | везде напишу | опубликую"
    ),
    "tr": (
        "kotu yorum | olumsuz yorum | 1 yildiz | tek yildiz | sikayetvar | tuketici hakem | "
        "tuketici hak | avukat | dava | mahkeme | polis | ters ibraz | itiraz | "
        "sosyal medya | her yerde paylas"
    ),
    "ja": (
        "悪い評価 | 低評価 | 悪いレビュー | 星1 | 星ひとつ | 星一つ | チャージバック | "
        "弁護士 | 訴え | 訴訟 | 裁判 | 消費者センター | 消費生活センター | 警察 | "
        "拡散 | 晒 | さらし"
    ),
    "zh": (
        "差评 | 差評 | 一星 | 拒付 | 律师 | 律師 | 起诉 | 起訴 | 法院 | 消协 | "
        "消費者協會 | 消费者协会 | 12315 | 报警 | 報警 | 曝光 | 发到网上 | 发微博 | "
        "chaping | baojing | lvshi"
    ),
    "ko": (
        "나쁜 리뷰 | 악성 리뷰 | 별점 1 | 별 하나 | 별점 테러 | 리뷰 테러 | 차지백 | "
        "변호사 | 소송 | 고소 | 법원 | 소비자원 | 소비자보호 | 경찰 | 신고하겠 | "
        "커뮤니티에 올리"
    ),
    "ar": (
        "تقييم سيء | تقييم سلبي | نجمة واحدة | محامي | محامى | محكمة | المحكمة | "
        "حماية المستهلك | الشرطة | شرطة | وسائل التواصل | سأنشر | سافضح | فضيحة"
    ),
}
_CJK_START = "\u3040"  # kana, ideographs and Hangul have no word boundaries to match at
# Other words match where a word starts: after anything but a letter or digit of a
# spaced script (so "12315", China's consumer hotline, is found in "去12315投诉").
_AFTER_A_WORD_BREAK = r"(?<![^\W\u3040-\u9fff\uac00-\ud7af])"


@cache
def _pattern(language: str) -> re.Pattern[str] | None:
    if language not in LEXICON:
        return None
    words = [w.strip() for w in LEXICON[language].split("|")]
    parts = [
        re.escape(w) if w[0] >= _CJK_START else _AFTER_A_WORD_BREAK + re.escape(w)
        for w in map(fold, words)
    ]
    return re.compile("|".join(sorted(parts, key=len, reverse=True)))


def threat_words(text: str, language: str, also: Iterable[str] = ("en",)) -> tuple[str, ...]:
    """The threat words found in ``text`` (folded), searched in ``language``'s lexicon and
    in those of ``also``; empty when there is no threat."""
    folded = fold(text)
    found: list[str] = []
    for code in dict.fromkeys((language, *also)):
        if (pattern := _pattern(code)) is not None:
            found += [m.group(0) for m in pattern.finditer(folded)]
    return tuple(dict.fromkeys(found))
