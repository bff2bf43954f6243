"""Words of a change of mind ("instead", "statt", "en vez de", "代わりに"), per language.

After "please cancel my order", the follow-up "lieber in Blau statt Rot" ("rather in blue
than red") changes the order instead of cancelling it. The classifier reads such a short
follow-up weakly; ``replies.reading`` then mixes in the conversation, and when one of these
words is present it leans that context toward changing the order. A small prior only: a
message clear on its own is never read with the context at all.

    changes_mind("anzi no, mandatemelo in M invece", "it")    # True
"""

from __future__ import annotations

import re
from functools import cache

from replies.features import fold

# Word starts (CJK: anywhere), separated by "|", matched in the folded message.
CHANGE_OF_MIND: dict[str, str] = {
    "en": "instead | rather | actually | swap | switch it | change it | don't cancel",
    "es": "en vez | en lugar | mejor | cambia | mejor no cancel | no cancel",
    "pt": "em vez | ao inves | melhor | troca | troque | muda | nao cancel",
    "fr": "plutot | a la place | au lieu | change | echange | finalement | n'annulez",
    "de": "statt | stattdessen | lieber | doch nicht | tausch | umtausch | anderen | andern",
    "it": "invece | anzi | piuttosto | cambia | non annull",
    "nl": "in plaats | liever | toch niet | ruil | wijzig | verander | niet annuleren",
    "pl": "zamiast | wolę | wole | jednak | zmien | zamien | nie anuluj",
    "ru": "вместо | лучше | передумал | поменя | замени | измени | не отменя",
    "tr": "yerine | vazgectim | degistir | iptal etme",
    "ja": "代わりに | かわりに | やっぱり | 変更 | 交換 | キャンセルしない | キャンセルはやめ",
    "zh": "而是 | 换成 | 改成 | 算了 | 不取消 | 換成 | 改為 | 改为",
    "ko": "대신 | 말고 | 바꿔 | 변경 | 취소하지",
    "ar": "بدلا | بدل | استبدال | لا تلغ",
}
_CJK_START = "\u3040"


@cache
def _pattern(language: str) -> re.Pattern[str] | None:
    if language not in CHANGE_OF_MIND:
        return None
    words = [fold(w.strip()) for w in CHANGE_OF_MIND[language].split("|")]
    parts = [re.escape(w) if w[0] >= _CJK_START else rf"(?<!\w){re.escape(w)}" for w in words]
    return re.compile("|".join(parts))


def changes_mind(text: str, language: str | None) -> bool:
    """Whether ``text`` has a change-of-mind word of ``language`` or of English."""
    folded = fold(text)
    return any(
        (pattern := _pattern(code)) is not None and pattern.search(folded) is not None
        for code in dict.fromkeys((language or "en", "en"))
    )
