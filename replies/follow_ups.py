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


# A message whose only content is a pointer at something said before, without naming it:
# "ok and the other one?", "das mit dem Ding von letzter Woche, hat sich das erledigt?",
# "저번에 말씀드린거 어떻게 됐나요?". With the conversation before it, it is a follow-up
# (``dependence``); alone (a new conversation, or after a restart) there is nothing to
# read: whatever the classifier finds in "the other one" or "last week" is a guess, and
# such guesses came out at 0.90-0.99 ("ok and the other one?" as switching accounts). So
# ``only_refers_back`` tells such a message from the wording alone, and
# ``replies.reading`` then reads it as unclear, so that staff ask what it is about.
#
# Two conditions, both needed. The message has a *vague reference* (``VAGUE_REFERENCE``:
# "the other one", "that thing", "what I told you", "lo de", "die Sache", "例の件",
# "上次说的", "그거", "الموضوع"), and every other word of it names no topic
# (``NAMES_NO_TOPIC``: greetings, articles and pronouns, "is it sorted", "any news",
# "last week", "please"; in Chinese and Korean such phrases are taken out of the text,
# in Japanese so are the kana, and nothing must be left). A closed list of words that
# name nothing, rather than a list of topics: any word it does not know ("order",
# "refund", "Paket", "退款", "배송", a product) and any number keep the message's own
# reading, so a clear message is never made unclear by this rule.
VAGUE_REFERENCE: dict[str, str] = {
    "en": "the other one | the other thing | the other stuff | that thing | the thing | "
    "this thing | that stuff | the stuff | what i said | what i told | what i mentioned | "
    "what i wrote | what i asked | what i sent | what we talked | what we discussed | "
    "what we said | the matter | that matter | that one | this one | the same thing | "
    "from last week | from the other day | you know what",
    "es": "lo de | lo otro | el otro | la otra | eso que | aquello | lo que te dije | "
    "lo que les dije | lo que os dije | lo que escribi | lo que comente | lo que hablamos | "
    "lo que pregunte | el tema | ese tema | la cosa | esa cosa | lo mismo | el asunto | "
    "ese asunto",
    "pt": "aquilo | aquela coisa | a coisa | aquele negocio | o negocio | o outro | a outra | "
    "o que eu falei | o que eu disse | o que te falei | o que eu escrevi | o que conversamos | "
    "o que perguntei | aquele assunto | o assunto | aquela parada | aquela historia | "
    "aquele lance",
    "fr": "l'autre | le truc | ce truc | la chose | cette chose | ce dont | "
    "ce que je vous ai dit | ce que je t'ai dit | ce que j'ai dit | ce que je vous ai ecrit | "
    "ce qu'on a dit | l'histoire | cette histoire | le sujet | l'affaire | cette affaire | "
    "le meme",
    "de": "das mit dem | das mit der | das mit den | die sache | der sache | das ding | "
    "dem ding | das andere | der andere | die andere | den anderen | was ich gesagt | "
    "was ich geschrieben | was ich gefragt | wovon ich | woruber wir | das thema | "
    "die geschichte | die angelegenheit | dasselbe | das zeug",
    "it": "quella cosa | la cosa | quella roba | la roba | l'altro | l'altra | "
    "quello che ti ho detto | quello che vi ho detto | quello che ho scritto | "
    "quello che avevo chiesto | quello di cui | la questione | quella questione | "
    "lo stesso | la storia | quella storia | il discorso | quella faccenda | la faccenda",
    "nl": "dat ding | het ding | die ene | dat gedoe | de andere | het andere | wat ik zei | "
    "wat ik gezegd | wat ik schreef | wat ik gevraagd | waar we het over | dat verhaal | "
    "die kwestie | de kwestie | die zaak | de zaak | hetzelfde | dat van vorige week",
    "pl": "ta sprawa | tej sprawie | ta sprawa | tamta sprawa | ta rzecz | to o czym | "
    "to co pisalam | to co pisalem | to co mowilam | to co mowilem | o czym pisalam | "
    "o czym pisalem | ten drugi | ta druga | to drugie | to samo | tamto | "
    "to z zeszlego tygodnia",
    "ru": "то что я | то, что я | о чем я | по поводу того | насчет того | та штука | "
    "эта штука | то дело | тот вопрос | тот самый | другой | другая | другое | то же самое | "
    "с прошлой недели | та история | это дело",
    "tr": "su is | o is | o konu | su konu | bu konu | o mesele | su mesele | diger | obur | "
    "oburu | oteki | dedigim | yazdigim | bahsettigim | konustugumuz | sordugum | "
    "gecen haftaki | ayni sey",
    "ja": "例の件 | あの件 | この前の件 | 前の件 | 先日の件 | 先週の件 | こないだの | この間の | "
    "前に言った | 前に話した | 前にお伝えした | 前にお話しした | 以前お伝えした | "
    "以前お問い合わせした | 例のやつ | もう一つの | もうひとつの | もう1つの | さっきの | "
    "あれ",
    "zh": "上次说的 | 上次說的 | 之前说的 | 之前說的 | 之前那个 | 之前那個 | 上次那个 | "
    "上次那個 | 那个事 | 那個事 | 那件事 | 另一个 | 另一個 | 另外一个 | 另外那个 | "
    "上周那个 | 上週那個 | 我之前问的 | 上次问的 | 上次問的 | 那个东西 | 那個東西",
    "ko": "저번에 말씀드린 | 지난번에 말씀드린 | 전에 말씀드린 | 저번에 말한 | 지난번에 말한 | "
    "전에 말한 | 저번 거 | 저번꺼 | 저번거 | 지난번 거 | 지난번꺼 | 그거 | 그건 | 다른 거 | "
    "다른거 | 다른 하나 | 저번 일 | 그 일 | 문의드린 거 | 문의드린거",
    "ar": "الموضوع | الشي اللي | الشيء الذي | الشيء اللي | الحاجه اللي | اللي قلتلك | "
    "اللي قلت لك | الذي ذكرته | ما ذكرته | ما قلته | اللي حكيتلك | الثاني | الثانيه | "
    "الاخر | الاخري | حق الاسبوع الماضي | تبع الاسبوع الماضي | نفس الشي",
}
# Words that name no topic, per language (English's count in every language): the
# rest of a message with a vague reference must be made of these (and of the language's
# ``REFERS_BACK`` and ``VAGUE_REFERENCE`` words). Chinese and Korean: phrases taken out
# of the text, longest first; Japanese: its kanji and katakana words that name nothing
# (kana are taken out after them).
NAMES_NO_TOPIC: dict[str, str] = {
    "en": "ok okay k kk alright hi hello hey yo and so but or not no yes yeah the a an "
    "what whats about with is it its was were be been has have had did does do done that "
    "this these those one ones other thing things stuff now then yet still any anything "
    "news update updates happened happen happening sorted solved resolved fixed going go "
    "how hows status of from last week weeks yesterday earlier before day days time ago "
    "i you we me my your us our said told mentioned wrote asked talked discussed sent "
    "please pls plz thanks thx again well um hmm guys there on to for in at already right "
    "same matter issue just know mean s t m",
    "es": "hola buenas buenos dia dias tardes noches ok vale y o pero no si que lo la el los "
    "las un una uno de del al a con en por para eso esto ese esa este esta aquello otro "
    "otra otros cosa cosas tema asunto semana pasada pasado ayer antes hace ya ahora "
    "entonces pues final fin como quedo paso pasa resuelto resuelta resolvio resolvieron "
    "solucionado solucionada arreglado arreglada arreglaron listo hay novedad novedades "
    "algo sabe saben me te "
    "le les nos mi tu su dije dijiste comente escribi hablamos mande pregunte porfa favor "
    "gracias es fue estan va sigue todavia aun mismo sobre",
    "pt": "oi ola bom dia boa tarde noite ok e ou mas nao sim o a os as um uma de do da dos "
    "das no na em com por para pra aquilo aquele aquela isso isto esse essa coisa coisas "
    "negocio assunto parada historia lance outro outra semana passada ontem antes dia dias "
    "atras ja agora entao tipo foi ficou esta ta e resolvido resolveu resolvida resolveram "
    "deu certo aconteceu como novidade novidades alguma algum eu voce vc vcs me te lhe "
    "falei disse escrevi perguntei conversamos mandei favor pf obrigado obrigada valeu "
    "ainda novo mesmo mesma que qual sobre",
    "fr": "bonjour salut coucou bonsoir ok d accord et ou mais pas ne non oui le la les l "
    "un une de du des a au aux avec en pour sur dans ce ca cela c celui celle ceux autre "
    "autres truc trucs chose choses histoire sujet affaire semaine derniere dernier hier "
    "avant jour jours deja maintenant alors donc coup est etait ete il elle on je j vous "
    "tu t m me mon ma mes votre vos nous ai avez dit parle ecrit demande envoye regle reglee "
    "resolu resolue fait faite fini arrange quoi qu que comment s il plait stp svp merci "
    "encore toujours nouvelles nouvelle meme re",
    "de": "hallo hi hey servus moin guten tag morgen abend ok okay und oder aber nicht nein "
    "ja doch das der die den dem des ein eine einen einem mit von vom zu zum zur bei fur "
    "uber um auf an in im ding dinge sache sachen thema geschichte angelegenheit zeug "
    "andere anderen anderes letzte letzter letzten woche wochen gestern vorher neulich "
    "damals tag tagen schon jetzt nun also dann hat haben hatte ist war sind wurde wird "
    "sich es ich sie du wir mir mich ihnen uns mein meine ihr ihre gesagt geschrieben "
    "gefragt besprochen geschickt erledigt geklart gelost fertig passiert was wie wo "
    "stand steht sieht aus gibt gibts neues neuigkeiten bitte danke noch immer wieder mal "
    "eigentlich denn so da",
    "it": "ciao salve buongiorno buonasera ok va bene e o ma non no si il lo la i gli le l "
    "un una uno di del della dello dei delle da dal dalla con in nel nella per su quello "
    "quella quelli quelle cosa cose roba altro altra altri questione storia discorso "
    "faccenda settimana scorsa scorso ieri prima giorno giorni fa gia ora adesso allora "
    "quindi poi stato stata ha hanno ho avete sono era mi ti vi ci me te noi mio mia tuo "
    "vostro detto scritto chiesto avevo parlato mandato risolto risolta risolti sistemato "
    "sistemata fatto fatta finito "
    "successo come novita notizie aggiornamenti favore grazie ancora nuovo stesso stessa "
    "punto che",
    "nl": "hoi hallo hey hi goedemorgen goedemiddag ok oke en of maar niet nee ja de het een "
    "van met voor over op in aan bij dat die dit deze ding dingen gedoe andere ene verhaal "
    "kwestie zaak vorige week weken gisteren eerder laatst dag dagen al nu dan dus is was "
    "zijn heeft hebben had wordt geworden ik je jij u we wij me mij mijn jullie gezegd zei "
    "schreef geschreven gevraagd besproken gestuurd opgelost geregeld gelukt gebeurd hoe "
    "wat waar staat stand nieuws alweer weer nog steeds graag alsjeblieft aub pls dank "
    "bedankt toch eigenlijk zelfde",
    "pl": "hej czesc dzien dobry witam ok okej no i a albo lub ale nie tak to ta ten te "
    "tamto tamta tamten tej tego tym o z ze w we na do od po za sprawa sprawy sprawie "
    "sprawe rzecz drugi druga drugie inny inna zeszlego zeszly zeszlym tygodnia tydzien "
    "tygodniu wczoraj wczesniej kiedys dni juz teraz wiec czy jest bylo byla jak co czym "
    "sie mi ja pan pani panstwo wam was pisalam pisalem mowilam mowilem pytalam pytalem "
    "wyslalam wyslalem zalatwione zalatwiona zalatwic zalatwiliscie zrobione zrobiliscie "
    "wyjasnione rozwiazane dzieje slychac nowego cos prosze dzieki dziekuje jeszcze "
    "nadal znowu samo ktorej ktora ktory ktore",
    "ru": "привет здравствуйте добрый день вечер утро ок окей ладно и а или но не нет да то "
    "это этот эта эти тот та те что чем о об по поводу насчет с со в во на к от за у "
    "штука штуку дело вопрос история другой другая другое другого прошлой прошлая неделе "
    "недели неделю вчера раньше недавно дня уже сейчас теперь так ну тогда было был была "
    "есть решили решено решился решилось разобрались сделали получилось случилось как там "
    "слышно новости новое пожалуйста спасибо еще опять снова все я вы мне вам мы писала "
    "писал говорила говорил спрашивала спрашивал отправляла самое самый же",
    "tr": "merhaba selam iyi gunler aksamlar ok tamam ve veya ya da ama degil hayir evet bu "
    "su o bir sey seyler is konu mesele diger obur oburu oteki gecen haftaki hafta dun "
    "once gun zaten simdi peki yani ne oldu olmus mu mi cozuldu halloldu hallettiniz "
    "yapildi nasil durumda durum haber var yok lutfen tesekkurler sagol hala yine tekrar "
    "ben siz size bana dedigim yazdigim bahsettigim konustugumuz sordugum ayni",
    "ja": "例 件 前 以前 先日 先週 この前 この間 言 話 伝 問い合わせ 結局 解決 一 後 今 了解 "
    "願 大丈夫 方 他 別 同 状況 件名",
    "zh": "你好 您好 在吗 在嗎 请问 請問 那个 那個 这个 這個 事情 事 东西 東西 上次 之前 上周 "
    "上週 说的 說的 问的 問的 提到的 讲的 講的 我 你 你们 你們 的 了 吗 嗎 呢 怎么样 怎麼樣 "
    "怎么 怎麼 样 樣 到底 解决 解決 处理 處理 好 没有 沒有 有 还 還 是 现在 現在 一下 谢谢 "
    "謝謝 麻烦 麻煩 啊 呀 吧 一 个 個 另 另外 同样 一样 结果 結果 进展 進展 消息 更新 那 "
    "件 如何 了没 完",
    "ko": "안녕하세요 저기요 저번에 지난번에 전에 지난주 말씀드린 말씀드렸던 말한 말했던 "
    "얘기한 문의한 문의드린 어떻게 됐나요 됐어요 되었나요 되었는지 됐는지 됐죠 됐음 됐는데 "
    "된 처리 해결 되었 나요 요 은 는 이 가 을 를 도 좀 혹시 아직 다른 하나 궁금 합니다 "
    "해요 네 예 그럼 그리고 거 것 건 그 일 저번 지난번",
    "ar": "السلام عليكم مرحبا اهلا هلا اوك طيب و او لكن لا نعم ايوه اه هل ما ماذا شو ايش "
    "وش ايه الموضوع موضوع الشي الشيء الحاجه حاجه اللي الذي التي ذكرته قلته قلت لك قلتلك "
    "حكيتلك كلمتكم راسلتكم الثاني الثانيه الاخر الاخري حق تبع الاسبوع الماضي امس قبل "
    "من في على عن مع الي يوم ايام خلاص الحين الان هلق تم انحل اتحل حل حليتوا صار فيه "
    "وين كيف اخبار جديد اي شي فضلك لو سمحت شكرا لسه لسا مازال بعد مره نفس انا انتم "
    "انت عندكم عليه عليها بخصوص عنه عنها قلتلكم لكم",
}
# Scripts whose messages are checked by taking phrases out, not word by word.
_PHRASE_SCRIPTS = ("zh", "ko", "ja")
_KANA = re.compile("[\u3040-\u309f\u30fc]")
_DIGITS = re.compile(r"\d")


def only_refers_back(text: str, language: str | None) -> bool:
    """Whether ``text`` is only a pointer at something said before, naming no topic
    ("ok and the other one?", "das mit dem Ding von letzter Woche"): the comment above
    ``VAGUE_REFERENCE`` says how it is told."""
    folded = _folded(strip_noise(text))
    if _DIGITS.search(text):
        return False
    for code in dict.fromkeys((language or "en", "en")):
        pattern = _vague_pattern(code)
        if pattern is None or pattern.search(folded) is None:
            continue
        rest = pattern.sub(" ", folded)
        if code in _PHRASE_SCRIPTS:
            for phrase in _no_topic_phrases(code):
                rest = rest.replace(phrase, " ")
            if code == "ja":
                rest = _KANA.sub(" ", rest)
            words = WORD.findall(rest)
            if all(not _CJK_RUN.match(word) and word in _no_topic_words("en") for word in words):
                return True
            continue
        known = _no_topic_words(code) | _no_topic_words("en")
        if all(_bare(word, code) in known for word in WORD.findall(rest)):
            return True
    return False


def _folded(text: str) -> str:
    # dotless ı as i: Turkish shoppers type either
    return fold(text).replace("ı", "i")


def _bare(word: str, language: str) -> str:
    """``word`` without the Arabic "and" (و) glued to its front, when the rest is known."""
    if language == "ar" and word.startswith("و") and len(word) > 2:
        if word[1:] in _no_topic_words(language):
            return word[1:]
    return word


@cache
def _vague_pattern(language: str) -> re.Pattern[str] | None:
    lexicon = VAGUE_REFERENCE.get(language)
    if lexicon is None:
        return None
    phrases = sorted({_folded(p.strip()) for p in lexicon.split("|")}, key=len, reverse=True)
    parts = [
        re.escape(p) if p[0] >= _CJK_START else rf"(?<!\w){re.escape(p)}(?!\w)" for p in phrases
    ]
    return re.compile("|".join(parts))


@cache
def _no_topic_words(language: str) -> frozenset[str]:
    words = set(_folded(NAMES_NO_TOPIC.get(language, "")).split())
    for lexicon in (REFERS_BACK.get(language, ""), VAGUE_REFERENCE.get(language, "")):
        words |= set(WORD.findall(_folded(lexicon.replace("^", " "))))
    return frozenset(words)


@cache
def _no_topic_phrases(language: str) -> tuple[str, ...]:
    phrases = set(_folded(NAMES_NO_TOPIC.get(language, "")).split())
    for lexicon in (REFERS_BACK.get(language, ""), VAGUE_REFERENCE.get(language, "")):
        phrases |= {_folded(p.strip().lstrip("^")) for p in lexicon.split("|") if p.strip()}
    return tuple(sorted(phrases, key=len, reverse=True))
