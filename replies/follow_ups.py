"""How much a message leans on the conversation before it, from its form alone.

"and the other one?", "und jetzt?", "还是没收到", "호주는요?": a follow-up names little of
its own topic; it points back at the previous turn. "I forgot my password and the reset
mail never comes" names its topic fully, whatever was said before. ``replies.reading``
reads a message with the conversation in proportion to ``dependence``, a number from 0
(self-contained) to 1 (elliptical), measured from two things a shopper's wording shows:

- **Length.** A message of at most ``SHORT`` words (CJK: about two characters a word)
  counts as fully dependent, one of ``LONG`` words or more as not at all, linearly in
  between. Short is not the same as dependent ("paypal ok?", "olvidé mi contraseña"):
  length only sets how much the context *may* count; the message's own confidence still
  decides (a prior cannot outvote a clear reading, see ``replies.reading``).
- **Words that refer back** (``REFERS_BACK``: "too", "the same", "the other", "still",
  "and now?", "what about", "pareil", "dasselbe", "还是", "는요"...), and the words of a
  change of mind (``CHANGE_OF_MIND``: "instead", "statt", "en vez de", "代わりに"). Such a
  word halves the length a message is measured at: "dasselbe für die Bestellung davor
  bitte" (6 words) counts as 0.83, "pareil pour le pantalon, en 40 au lieu de
  38" (8 words) as two thirds. A long message with "also" in it stays mostly its own.

A change of mind after an order question also leans the context toward changing the
order (``changes_mind``): "lieber in Blau statt Rot" after a cancel request is
``change_order``.

    dependence("and the other one?", "en")                                   # 1.0
    dependence("I forgot my password and the reset mail never comes", "en")   # 0.0
    changes_mind("anzi no, mandatemelo in M invece", "it")                    # True
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache

from replies.features import fold
from replies.language import CJK, WORD, strip_noise

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
# Words that take a cancellation back ("don't cancel", "doch nicht stornieren",
# "キャンセルはやめ"): narrower than a change of mind, which "actually, cancel it" also is.
# After a cancel request such a message changes the order instead (``replies.reading``).
KEEPS_THE_ORDER: dict[str, str] = {
    "en": "don't cancel | dont cancel | do not cancel | not cancel | no cancel | "
    "keep the order | keep my order | cancel the cancel | undo the cancel",
    "es": "no cancel | no lo cancel | no la cancel | mejor no | ya no cancel | "
    "sin cancelar | no quiero cancelar | mantener el pedido",
    "pt": "nao cancel | nao precisa cancelar | melhor nao | sem cancelar | "
    "nao quero mais cancelar | mantem o pedido | mantenha o pedido",
    "fr": "n'annulez pas | ne l'annulez pas | pas annuler | plus annuler | n'annule pas | "
    "sans annuler | garder la commande | gardez la commande",
    "de": "doch nicht | nicht stornieren | nicht storniert | nicht mehr stornieren | "
    "storno zuruck | bestellung behalten",
    "it": "non annull | non cancell | niente annull | tenere l'ordine | tengo l'ordine",
    "nl": "niet annuleren | toch niet | niet meer annuleren | bestelling houden | "
    "annulering intrekken",
    "pl": "nie anuluj | jednak nie | nie trzeba anulowac | zostawcie zamowienie | "
    "anulowanie odwolane",
    "ru": "не отменя | не надо отмен | не нужно отмен | передумал отмен | "
    "передумала отмен | оставьте заказ",
    "tr": "iptal etme | iptal etmeyin | iptal etmeyelim | iptalden vazgec | "
    "iptal istemiyorum | siparis kalsin",
    "ja": "キャンセルしない | キャンセルはやめ | キャンセルやめ | キャンセルなし | "
    "キャンセルは取り消 | キャンセル取り消 | キャンセルしなくて",
    "zh": "不取消 | 不要取消 | 别取消 | 先不取消 | 不用取消 | 撤回取消",
    "ko": "취소하지 | 취소 안 | 취소 말고 | 취소는 안 | 취소 철회 | 취소 안 할",
    "ar": "لا تلغ | لا تلغي | ما تلغ | بلاش تلغ | بلاش الغاء | لا داعي للالغاء | لا داعي للإلغاء",
}
# Words that point back at what was said before: "too/also", "the same", "the other /
# the second", "still / not yet", "and now? / any news", "what about ...", and an
# opening "and / so / well" ("^": only at the message's start). Whole words (CJK and
# Korean: anywhere, they are written without spaces or with particles attached; Arabic:
# also after the prefix و, "and"). General reference words of each language, not test
# phrases: a word that also opens new questions ("also", "and") is fine here, since the
# message's own reading still has to be weak for the context to win.
REFERS_BACK: dict[str, str] = {
    "en": "^and | ^so | ^ok so | ^well | too | also | as well | same | the other | "
    "another one | the second | that one | this one | still | yet | again | any news | "
    "any update | and now | then | what about | how about",
    "es": "^y | ^entonces | ^pues | ^o sea | tambien | tb | lo mismo | igual | el otro | "
    "la otra | los otros | las otras | el segundo | la segunda | ese | esa | sigue | "
    "todavia | aun | de nuevo | otra vez | alguna novedad | novedades | y ahora | que tal | "
    "y si",
    "pt": "^e | ^entao | ^tipo | tambem | tb | o mesmo | a mesma | igual | o outro | "
    "a outra | os outros | o segundo | a segunda | esse | essa | ainda | de novo | "
    "novidade | e agora | e se | e pra | e para",
    "fr": "^et | ^alors | ^donc | aussi | pareil | de meme | le meme | la meme | l'autre | "
    "les autres | le deuxieme | la deuxieme | le second | celui | celle | toujours | "
    "encore | du nouveau | des nouvelles | et maintenant | et pour | et si | et sinon",
    "de": "^und | ^also | ^ok also | auch | ebenfalls | dasselbe | das gleiche | gleiche | "
    "der andere | die andere | das andere | den anderen | die zweite | der zweite | davor | "
    "immer noch | noch immer | noch nicht | schon wieder | wieder | neuigkeiten | und jetzt | "
    "was ist mit | wie sieht",
    "it": "^e | ^quindi | ^allora | ^ok ma | anche | pure | lo stesso | la stessa | "
    "stessa cosa | l'altro | l'altra | gli altri | il secondo | la seconda | quello | "
    "quella | ancora | di nuovo | novita | e adesso | e ora | e per | e se",
    "nl": "^en | ^dus | ^ok dus | ook | hetzelfde | dezelfde | de andere | het andere | "
    "de tweede | het tweede | die | nog steeds | nog altijd | nog niet | nog niks | "
    "nog niets | weer | nieuws | en nu | en voor | en naar | wat met",
    "pl": "^a | ^i | ^to | ^czyli | tez | rowniez | to samo | tak samo | ten sam | ta sama | "
    "drugi | druga | drugie | inny | inna | ten | ta | nadal | dalej | wciaz | jeszcze | "
    "znowu | cos nowego | a teraz",
    "ru": "^а | ^и | ^ну | ^так | тоже | также | то же | так же | такой же | другой | "
    "другая | другое | второй | вторая | второе | этот | эта | это | всё ещё | все еще | "
    "до сих пор | ещё | еще | опять | снова | новости | а теперь",
    "tr": "^peki | ^ve | ^yani | ^o zaman | de | da | ayni | aynisi | diger | ikinci | obur | "
    "oteki | hala | daha | yine | tekrar | haber | simdi ne",
    "ja": "^で | ^じゃあ | ^それで | ^では | 同じ | 他の | ほかの | もう一つ | もう1つ | "
    "もうひとつ | つ目 | の方も | もお願い | それも | これも | あれも | まだ | "
    "相変わらず | は？ | は? | はどう | その後 | どうなり",
    "zh": "也 | 呢 | ^那 | 同样 | 一样 | 另一 | 另外一 | 第二个 | 还是 | 还没 | 還是 | 還沒 | "
    "仍然 | 依然 | 又 | 再 | 现在呢 | 怎么样了 | 有更新",
    "ko": "^그럼 | ^그리고 | ^그래서 | 는요 | 은요 | 도요 | 같은 | 마찬가지 | 다른 | 두번째 | "
    "두 번째 | 아직 | 여전히 | 또 | 다시 | 그것도 | 이것도 | 어떻게 됐",
    "ar": "^وال | ^وإلى | ^والى | ^ولل | ^وبالنسبة | ^وماذا | كمان | ايضا | أيضا | نفس | "
    "الثاني | الثانية | الآخر | الاخر | الأخرى | الاخرى | لسه | لسا | ما زال | مازال | "
    "لا يزال | لم يصل بعد | مرة أخرى | ماذا عن | طيب | جديد",
}
# A message of at most SHORT words depends on the conversation fully, one of LONG words
# or more not at all; a word that refers back divides the length by REFERENCE_SHORTENS.
SHORT = 2
LONG = 8
REFERENCE_SHORTENS = 2.0
# Characters per word in Chinese, Japanese and Korean: "还是没收到" (5 characters) reads
# as about 3 words. Korean puts spaces between words, but each carries its particles and
# endings ("주문에" is "in the order"), so it is counted by syllables too: "주문에 문제가
# 있어요" ("there is a problem with my order", 7 words in English) is 6 words, not 3.
CJK_CHARACTERS_PER_WORD = 2
_CJK_START = "\u3040"
_CJK_RUN = re.compile(f"[{CJK}]")
type _PatternFor = Callable[[str], re.Pattern[str] | None]


def dependence(text: str, language: str | None) -> float:
    """How much ``text`` leans on the conversation, 0 (self-contained) to 1 (elliptical)."""
    words = word_count(text)
    if refers_back(text, language) or changes_mind(text, language):
        words /= REFERENCE_SHORTENS
    return min(1.0, max(0.0, (LONG - words) / (LONG - SHORT)))


def word_count(text: str) -> float:
    """Words of ``text`` besides numbers, e-mails and links; a run of Chinese, Japanese
    or Korean characters counts as one word per ``CJK_CHARACTERS_PER_WORD`` characters."""
    count = 0
    for word in WORD.findall(strip_noise(text)):
        if _CJK_RUN.match(word):
            count += math.ceil(len(word) / CJK_CHARACTERS_PER_WORD)
        else:
            count += 1
    return count


def refers_back(text: str, language: str | None) -> bool:
    """Whether ``text`` has a word of ``REFERS_BACK`` of ``language`` or of English."""
    return _matches(text, language, _refers_back_pattern)


def changes_mind(text: str, language: str | None) -> bool:
    """Whether ``text`` has a change-of-mind word of ``language`` or of English."""
    return _matches(text, language, _change_of_mind_pattern)


def keeps_the_order(text: str, language: str | None) -> bool:
    """Whether ``text`` takes a cancellation back (``KEEPS_THE_ORDER``), in ``language``
    or English."""
    return _matches(text, language, _keeps_the_order_pattern)


def _matches(text: str, language: str | None, pattern_for: _PatternFor) -> bool:
    folded = fold(text)
    return any(
        (pattern := pattern_for(code)) is not None and pattern.search(folded) is not None
        for code in dict.fromkeys((language or "en", "en"))
    )


@cache
def _change_of_mind_pattern(language: str) -> re.Pattern[str] | None:
    return _word_starts(CHANGE_OF_MIND.get(language))


@cache
def _keeps_the_order_pattern(language: str) -> re.Pattern[str] | None:
    return _word_starts(KEEPS_THE_ORDER.get(language))


def _word_starts(lexicon: str | None) -> re.Pattern[str] | None:
    """A lexicon's "|"-separated entries, matched at a word start (CJK: anywhere)."""
    if lexicon is None:
        return None
    words = [fold(w.strip()) for w in lexicon.split("|")]
    parts = [re.escape(w) if w[0] >= _CJK_START else rf"(?<!\w){re.escape(w)}" for w in words]
    return re.compile("|".join(parts))


@cache
def _refers_back_pattern(language: str) -> re.Pattern[str] | None:
    if language not in REFERS_BACK:
        return None
    parts = []
    for entry in REFERS_BACK[language].split("|"):
        at_start = entry.strip().startswith("^")
        word = re.escape(fold(entry.strip().lstrip("^")))
        if at_start:
            # an opening word; Arabic and CJK openers are prefixes of the first word
            parts.append(rf"^\W*{word}" + ("" if language in ("ar", "ja", "zh") else r"(?!\w)"))
        elif fold(entry.strip())[0] >= _CJK_START:
            parts.append(word)
        else:
            prefix = "و?" if language == "ar" else ""
            parts.append(rf"(?<!\w){prefix}{word}(?!\w)")
    return re.compile("|".join(parts))
