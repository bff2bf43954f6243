"""What a shopper says to be kind is said back, in the reply's language.

A shop that answers "iyi akşamlar" with "Merhaba", "Fijne feestdagen alvast" with nothing,
"在吗？" without "在的" or "الله يعطيكم العافية" without "الله يعافيك" reads as if it did
not hear it (sendability set 4 #35, #50, #65, #70, issue 15). Four small courtesies,
each one short phrase at the start or the end of the reply, whatever the answer is:

- a time-of-day greeting ("buenas noches", "Guten Abend", "こんばんは", "صباح الخير") takes
  the place of the reply's own opening greeting ("Hola", "Hallo", "مرحباً"), or comes in
  front of a reply that opens with its matter; in Arabic the customary answer is given
  ("صباح النور", "مساء النور"). A regional German greeting (Moin, Servus, Grüß Gott,
  Grüezi) is returned as it was said;
- "are you there?" ("在吗", "hay alguien?", "kimse var mı?") gets "yes, we're here" first;
- an Arabic blessing gets its customary answer ("الله يعطيكم العافية" -> "الله يعافيك",
  "جزاكم الله خيراً" -> "وإياك"), like the greeting of peace (``replies.salaam``), and a
  Turkish "kolay gelsin" its "Sağ olun!";
- a wish for the season or the weekend ("Merry Christmas", "Frohe Weihnachten", "新年快乐",
  "Ramadan Kareem", "عيد مبارك", "schönes Wochenende") is wished back at the end.

    courteous("Hola, Ana: tu pedido está en camino.", "es", "buenas noches, y mi pedido?")
    # "Buenas noches, Ana: tu pedido está en camino."
    courteous("Graag gedaan!", "nl", "Bedankt! Fijne feestdagen alvast")
    # "Graag gedaan! Ook voor jou fijne feestdagen!"

``formal`` gives the wish the formal "you" where a language has one and the wish names
it (Dutch "u", Italian "Lei", Spanish "usted"; ``replies.register``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from replies.salaam import RETURNED, strip_marks

# --- time-of-day greetings -------------------------------------------------------------

# What the shopper opened with, looked for in the message's first words only ("I'm home
# in the evening" is no greeting). Patterns are matched on the lower-cased opening.
_TIME_GREETINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "evening",
        re.compile(
            r"good\s*evening|evening all|buenas\s*noches|bonsoir|guten\s*abend|n'?abend\b"
            r"|buona\s*sera|buonasera|boa\s*noite|goedenavond|dobry\s*wiecz[oó]r"
            r"|добрый\s*вечер|iyi\s*ak[şs]amlar|こんばんは|こんばんわ|晚上好|晚安"
            r"|مساء\s*الخير|masa+\s*[ae]l\s*[kx]h?e+r"
        ),
    ),
    (
        "afternoon",
        re.compile(
            r"good\s*afternoon|buenas\s*tardes|buon\s*pomeriggio|boa\s*tarde|goedemiddag"
            r"|下午好|午安"
        ),
    ),
    (
        "morning",
        re.compile(
            r"good\s*morning|^morning\b|buen[oa]s?\s*d[ií]as?|guten\s*morgen"
            r"|buongiorno|buon\s*giorno|bom\s*dia|goedemorgen|доброе\s*утро|g[üu]nayd[ıi]n"
            r"|おはよう|早上好|早安|早晨|صباح\s*الخير|saba+h\s*[ae]l\s*[kx]h?e+r"
        ),
    ),
    (
        "day",
        re.compile(r"guten\s*tag|goedendag|добрый\s*день|iyi\s*g[üu]nler|こんにちは|こんにちわ"),
    ),
    ("moin", re.compile(r"^moin")),
    ("servus", re.compile(r"^servus")),
    ("gruss_gott", re.compile(r"gr[üu](?:ß|ss|e?ss)\s*gott")),
    ("gruezi", re.compile(r"gr[üu]e?zi")),
)

# The greeting said back, per reply language; a kind a language has no own word for is
# left out (Korean "안녕하세요" is said at any hour, French "Bonjour" until the evening).
_GREETING_BACK: Mapping[str, Mapping[str, str]] = {
    "en": {"morning": "Good morning", "afternoon": "Good afternoon", "evening": "Good evening"},
    "es": {
        "morning": "Buenos días",
        "afternoon": "Buenas tardes",
        "evening": "Buenas noches",
    },
    "fr": {"evening": "Bonsoir"},
    "de": {
        "morning": "Guten Morgen",
        "day": "Guten Tag",
        "evening": "Guten Abend",
        "moin": "Moin",
        "servus": "Servus",
        "gruss_gott": "Grüß Gott",
        "gruezi": "Grüezi",
    },
    "it": {"morning": "Buongiorno", "afternoon": "Buon pomeriggio", "evening": "Buonasera"},
    "pt": {"morning": "Bom dia", "afternoon": "Boa tarde", "evening": "Boa noite"},
    "nl": {
        "morning": "Goedemorgen",
        "day": "Goedendag",
        "afternoon": "Goedemiddag",
        "evening": "Goedenavond",
    },
    "pl": {"evening": "Dobry wieczór"},
    "ru": {"morning": "Доброе утро", "day": "Добрый день", "evening": "Добрый вечер"},
    "tr": {"morning": "Günaydın", "day": "İyi günler", "evening": "İyi akşamlar"},
    "ja": {"morning": "おはようございます", "day": "こんにちは", "evening": "こんばんは"},
    "zh": {"morning": "早上好", "afternoon": "下午好", "evening": "晚上好"},
    "ar": {"morning": "صباح النور", "evening": "مساء النور"},
}

# The reply's own opening greeting, which a returned greeting takes the place of.
_SALUTATION: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"^(?:Hi|Hello|Hey)\b"),
    "es": re.compile(r"^(?P<open>¡?)Hola\b"),
    "fr": re.compile(r"^(?:Bonjour|Bonsoir)\b"),
    "de": re.compile(r"^(?:Hallo|Guten Tag)\b"),
    "it": re.compile(r"^(?:Ciao|Buongiorno|Salve)\b"),
    "pt": re.compile(r"^(?:Olá|Oi|Bom dia|Boa tarde|Boa noite)\b"),
    "nl": re.compile(r"^(?:Hoi|Hallo|Goedendag)\b"),
    "pl": re.compile(r"^(?:Dzień dobry|Cześć)\b"),
    "ru": re.compile(r"^(?:Здравствуйте|Привет)\b"),
    "tr": re.compile(r"^Merhaba\b"),
    "zh": re.compile(r"^(?P<open>(?:[^，。！？,.!?]{1,24}?[，,]\s*)?)您好"),
}
# How a greeting put in front of a reply that opens with its matter ends.
_GREETING_END = {"fr": " ! ", "ja": "。", "zh": "！", "ar": "، "}

# --- "are you there?" ------------------------------------------------------------------

_ARE_YOU_THERE = re.compile(
    r"any\s*(?:one|body)\s*(?:there|here|around|online)|are\s*(?:you|u)\s*(?:there|online)"
    r"|some\s*(?:one|body)\s*there|hay\s*alguien|alguien\s*(?:ah[ií]|por\s*ah[ií])"
    r"|est[aá]n\s*ah[ií]|il\s*y\s*a\s*quelqu'?\s*un|y'?\s*a\s*quelqu'?\s*un"
    r"|vous\s*[eê]tes\s*l[aà]|ist\s*(?:da\s*)?jemand\s*da|jemand\s*da\b|seid\s*ihr\s*da"
    r"|sind\s*sie\s*da|c'?\s*[eè]\s*qualcuno|ce\s*qualcuno|ci\s*siete"
    r"|tem\s*algu[eé]m|algu[eé]m\s*a[ií]|est[aã]o\s*a[ií]|is\s*er\s*iemand|iemand\s*(?:daar|aanwezig)"
    r"|zijn\s*jullie\s*er|jest\s*kto[śs]|czy\s*kto[śs]\s*jest|jeste[śs]cie\??\s*$"
    r"|есть\s*кто|кто-?\s*нибудь\s*(?:есть|тут|здесь)|вы\s*(?:тут|здесь|на\s*связи)"
    r"|kimse\s*var\s*m[ıi]|orada\s*m[ıi]s[ıi]n[ıi]z|burada\s*m[ıi]s[ıi]n[ıi]z"
    r"|どなたか(?:い|おられ|いらっしゃ)|誰か(?:い|おられ|いらっしゃ)"
    r"|계세요|계신가요|계십니까"
    r"|在吗|在嘛|在么|在不在|有人吗|有人在吗|有人在嗎|在嗎|有人嗎"
    r"|(?:في|فيه|فى)\s*(?:أحد|احد|حد)|هل\s*من\s*أحد|(?:حد|أحد|احد)\s*موجود"
)
_HERE: Mapping[str, str] = {
    "en": "Yes, we're here!",
    "es": "¡Sí, aquí estamos!",
    "fr": "Oui, nous sommes là !",
    "de": "Ja, wir sind da!",
    "it": "Sì, ci siamo!",
    "pt": "Sim, estamos aqui!",
    "nl": "Ja, we zijn er!",
    "pl": "Tak, jesteśmy!",
    "ru": "Да, мы на связи!",
    "tr": "Evet, buradayız!",
    "ja": "お待たせいたしました。",
    "ko": "네, 상담 가능합니다!",
    "zh": "在的！",
    "ar": "نعم، نحن هنا",
}

# Turkish "kolay gelsin" (may your work be easy) is thanked for.
_KOLAY_GELSIN = re.compile(r"kolay\s*gelsin")
_SAG_OLUN = "Sağ olun!"

# --- Arabic blessings ------------------------------------------------------------------

# A blessing and its customary answer, looked for anywhere in the message (without its
# short vowels).
_BLESSINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"يعطي(?:ك|كم|كو|كي)\s*(?:ال)?عافي[ةه]"), "الله يعافيك"),
    (re.compile(r"جزا(?:ك|كم|كي)\s*الله"), "وإياك"),
    (re.compile(r"بارك\s*الله\s*في(?:ك|كم|كي)"), "وفيك بارك الله"),
    (re.compile(r"الله\s*يسعد(?:ك|كم|كي)"), "ويسعدك"),
    (
        re.compile(
            r"(?:الله\s*)?يسلم(?:و|وا)?\s*(?:ايدك|ايديك|ايديكم|إيدك|يدك)|تسلم\s*(?:ايدك|إيدك|يدك)"
            r"|^\W*تسلم(?:و|وا)?\b"
        ),
        "الله يسلمك",
    ),
)
# The opening greeting of an Arabic reply, and the returned salaam a reply may open with.
_AR_OPENING = re.compile(r"^(?:مرحبا|أهلا)(?P<name>\s+[^،,!.؟?]{1,40}?)?\s*(?P<mark>[،,!])\s*")
_AR_SALAAM_HEAD = re.compile(r"^" + RETURNED + r"(?:\s+يا\s+[^،,!]{1,40}?)?\s*[،,!]\s*")

# --- wishes ----------------------------------------------------------------------------

_WISHES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "christmas",
        re.compile(
            r"merry\s*(?:x-?mas|christmas)|happy\s*christmas|feliz\s*navidad|joyeux\s*no[eë]l"
            r"|(?:frohe|fröhliche|frohes|schöne)\s*weihnacht|buon\s*natale|feliz\s*natal"
            r"|vrolijk\s*kerstfeest|(?:fijne|prettige|gezellige)\s*kerst"
            r"|weso[łl]ych\s*[śs]wi[ąa]t\s*bo[żz]ego|с\s*рождеством|mutlu\s*noel"
            r"|メリー\s*クリスマス|メリクリ|메리\s*크리스마스|즐거운\s*성탄|圣诞快乐|聖誕快樂|耶诞快乐"
            r"|عيد\s*ميلاد\s*مجيد|ميلاد\s*مجيد"
        ),
    ),
    (
        "new_year",
        re.compile(
            r"happy\s*new\s*year|feliz\s*a[ñn]o|pr[óo]spero\s*a[ñn]o|bonne\s*ann[ée]e"
            r"|(?:frohes|gutes|glückliches)\s*neues|guten\s*rutsch|buon\s*anno|felice\s*anno"
            r"|feliz\s*ano\s*novo|bom\s*ano|gelukkig\s*nieuw\s*jaar|fijne\s*jaarwisseling"
            r"|szcz[ęe][śs]liwego\s*nowego|do\s*siego\s*roku|с\s*новым\s*год|с\s*наступающим"
            r"|mutlu\s*y[ıi]llar|iyi\s*y[ıi]llar|よいお年|良いお年|あけまして|明けまして|あけおめ"
            r"|새해\s*복|새해\s*잘|新年快乐|新年快樂|春节快乐|春節快樂|过年好|過年好|新春快乐"
            r"|سنة\s*سعيدة|عام\s*سعيد"
        ),
    ),
    (
        "holidays",
        re.compile(
            r"happy\s*holidays|season'?s\s*greetings|felices\s*fiestas|joyeuses\s*f[êe]tes"
            r"|bonnes\s*f[êe]tes|(?:schöne|frohe|erholsame)\s*(?:feiertage|festtage)"
            r"|buone\s*feste|boas\s*festas|(?:fijne|prettige)\s*feestdagen"
            r"|weso[łl]ych\s*[śs]wi[ąa]t|с\s*праздник|iyi\s*tatiller|節日快樂|节日快乐"
            r"|즐거운\s*연휴|楽しい休日"
        ),
    ),
    (
        "ramadan",
        re.compile(
            r"ramad[aâ]n\s*(?:kareem|karim|mubarak)|رمضان\s*(?:كريم|مبارك)"
            r"|hay[ıi]rl[ıi]\s*ramazanlar|ramazan[ıi]n[ıi]z\s*m[üu]barek"
        ),
    ),
    (
        "eid",
        re.compile(
            r"eid\s*mubarak|عيد\s*(?:مبارك|سعيد)|عيدكم\s*مبارك|كل\s*عام\s*و(?:أنتم|انتم|أنت|انت)\s*بخير"
            r"|(?:iyi|mutlu)\s*bayramlar|bayram[ıi]n[ıi]z\s*m[üu]barek"
        ),
    ),
    (
        "weekend",
        re.compile(
            r"(?:nice|good|great|lovely)\s*weekend|buen\s*fin\s*de\s*semana|bon\s*week-?end"
            r"|sch[öo]nes\s*wochenende|buon\s*(?:fine\s*settimana|week-?end)"
            r"|bom\s*fim\s*de\s*semana|(?:fijn|prettig)\s*weekend|mi[łl]ego\s*weekendu"
            r"|хороших\s*выходных|iyi\s*hafta\s*sonlar|良い週末|よい週末|주말\s*잘|周末愉快|週末愉快"
            r"|عطلة\s*سعيدة|ويكند\s*سعيد"
        ),
    ),
)

# The wish said back at the end of the reply. Informal "you" where the library's language
# uses it (es tú, it tu, nl je); ``_WISH_FORMAL`` has the formal lines.
_WISH_BACK: Mapping[str, Mapping[str, str]] = {
    "christmas": {
        "en": "Merry Christmas to you too!",
        "es": "¡Feliz Navidad para ti también!",
        "fr": "Joyeux Noël à vous aussi !",
        "de": "Ihnen auch frohe Weihnachten!",
        "it": "Buon Natale anche a te!",
        "pt": "Igualmente, um feliz Natal!",
        "nl": "Jij ook fijne kerstdagen!",
        "pl": "Wzajemnie, wesołych świąt!",
        "ru": "И вас с Рождеством!",
        "tr": "Size de mutlu Noeller!",
        "ja": "どうぞよいクリスマスをお過ごしください。",
        "ko": "즐거운 성탄절 보내세요!",
        "zh": "也祝您圣诞快乐！",
        "ar": "ولك أيضاً، عيد ميلاد مجيد!",
    },
    "new_year": {
        "en": "Happy New Year to you too!",
        "es": "¡Feliz año nuevo para ti también!",
        "fr": "Bonne année à vous aussi !",
        "de": "Ihnen auch ein frohes neues Jahr!",
        "it": "Buon anno anche a te!",
        "pt": "Igualmente, um feliz Ano Novo!",
        "nl": "Jij ook een gelukkig nieuwjaar!",
        "pl": "Wzajemnie, szczęśliwego Nowego Roku!",
        "ru": "И вас с Новым годом!",
        "tr": "Size de mutlu yıllar!",
        "ja": "どうぞよいお年をお迎えください。",
        "ko": "새해 복 많이 받으세요!",
        "zh": "也祝您新年快乐！",
        "ar": "ولك أيضاً، كل عام وأنت بخير!",
    },
    "christmas_new_year": {
        "en": "Merry Christmas and a happy New Year to you too!",
        "es": "¡Feliz Navidad y próspero año nuevo para ti también!",
        "fr": "Joyeux Noël et bonne année à vous aussi !",
        "de": "Ihnen auch frohe Weihnachten und einen guten Rutsch!",
        "it": "Buon Natale e buon anno anche a te!",
        "pt": "Igualmente, um feliz Natal e um próspero Ano Novo!",
        "nl": "Jij ook fijne kerstdagen en een gelukkig nieuwjaar!",
        "pl": "Wzajemnie, wesołych świąt i szczęśliwego Nowego Roku!",
        "ru": "И вас с Рождеством и Новым годом!",
        "tr": "Size de mutlu Noeller ve mutlu yıllar!",
        "ja": "どうぞよいクリスマスと、よいお年をお迎えください。",
        "ko": "즐거운 성탄절 보내시고, 새해 복 많이 받으세요!",
        "zh": "也祝您圣诞快乐、新年快乐！",
        "ar": "ولك أيضاً، عيد ميلاد مجيد وكل عام وأنت بخير!",
    },
    "holidays": {
        "en": "Happy holidays to you too!",
        "es": "¡Felices fiestas para ti también!",
        "fr": "Joyeuses fêtes à vous aussi !",
        "de": "Ihnen auch schöne Feiertage!",
        "it": "Buone feste anche a te!",
        "pt": "Igualmente, boas festas!",
        "nl": "Jij ook fijne feestdagen!",
        "pl": "Wzajemnie, wesołych świąt!",
        "ru": "И вас с праздниками!",
        "tr": "Size de iyi tatiller!",
        "ja": "どうぞよい休日をお過ごしください。",
        "ko": "즐거운 연휴 보내세요!",
        "zh": "也祝您节日快乐！",
        "ar": "ولك أيضاً، أعياد سعيدة!",
    },
    "ramadan": {
        "en": "Ramadan Kareem to you too!",
        "es": "¡Ramadán Kareem para ti también!",
        "fr": "Ramadan Moubarak à vous aussi !",
        "de": "Ihnen auch einen gesegneten Ramadan!",
        "it": "Ramadan Mubarak anche a te!",
        "pt": "Igualmente, Ramadan Kareem!",
        "nl": "Jij ook een gezegende ramadan!",
        "pl": "Wzajemnie, błogosławionego Ramadanu!",
        "ru": "И вас с благословенным Рамаданом!",
        "tr": "Size de hayırlı Ramazanlar!",
        "ja": "よいラマダンをお過ごしください。",
        "ko": "축복 가득한 라마단 보내세요!",
        "zh": "也祝您斋月吉祥！",
        "ar": "الله أكرم، وكل عام وأنت بخير!",
    },
    "eid": {
        "en": "Eid Mubarak to you too!",
        "es": "¡Eid Mubarak para ti también!",
        "fr": "Aïd Moubarak à vous aussi !",
        "de": "Ihnen auch ein gesegnetes Fest!",
        "it": "Eid Mubarak anche a te!",
        "pt": "Igualmente, Eid Mubarak!",
        "nl": "Jij ook Eid Mubarak!",
        "pl": "Wzajemnie, Eid Mubarak!",
        "ru": "И вас с праздником!",
        "tr": "Size de iyi bayramlar!",
        "ja": "よい祝祭日をお過ごしください。",
        "ko": "즐거운 명절 보내세요!",
        "zh": "也祝您节日快乐！",
        "ar": "وأنت بخير، عيدكم مبارك!",
    },
    "weekend": {
        "en": "Have a lovely weekend too!",
        "es": "¡Buen fin de semana para ti también!",
        "fr": "Bon week-end à vous aussi !",
        "de": "Ihnen auch ein schönes Wochenende!",
        "it": "Buon fine settimana anche a te!",
        "pt": "Igualmente, bom fim de semana!",
        "nl": "Jij ook een fijn weekend!",
        "pl": "Wzajemnie, miłego weekendu!",
        "ru": "И вам хороших выходных!",
        "tr": "Size de iyi hafta sonları!",
        "ja": "どうぞよい週末をお過ごしください。",
        "ko": "주말 잘 보내세요!",
        "zh": "也祝您周末愉快！",
        "ar": "ولك أيضاً عطلة سعيدة!",
    },
}
_WISH_FORMAL: Mapping[str, Mapping[str, str]] = {
    "christmas": {
        "es": "¡Feliz Navidad para usted también!",
        "it": "Buon Natale anche a Lei!",
        "nl": "U ook fijne kerstdagen!",
    },
    "new_year": {
        "es": "¡Feliz año nuevo para usted también!",
        "it": "Buon anno anche a Lei!",
        "nl": "U ook een gelukkig nieuwjaar!",
    },
    "christmas_new_year": {
        "es": "¡Feliz Navidad y próspero año nuevo para usted también!",
        "it": "Buon Natale e buon anno anche a Lei!",
        "nl": "U ook fijne kerstdagen en een gelukkig nieuwjaar!",
    },
    "holidays": {
        "es": "¡Felices fiestas para usted también!",
        "it": "Buone feste anche a Lei!",
        "nl": "U ook fijne feestdagen!",
    },
    "ramadan": {
        "es": "¡Ramadán Kareem para usted también!",
        "it": "Ramadan Mubarak anche a Lei!",
        "nl": "U ook een gezegende ramadan!",
    },
    "eid": {
        "es": "¡Eid Mubarak para usted también!",
        "it": "Eid Mubarak anche a Lei!",
        "nl": "U ook Eid Mubarak!",
    },
    "weekend": {
        "es": "¡Buen fin de semana para usted también!",
        "it": "Buon fine settimana anche a Lei!",
        "nl": "U ook een fijn weekend!",
    },
}
# Languages written without a space between sentences.
_NO_SPACE = frozenset({"ja", "zh"})


def time_greeting(text: str) -> str | None:
    """The kind of time-of-day (or regional) greeting the message opens with, if any."""
    opening = _opening(text)
    return next((kind for kind, pattern in _TIME_GREETINGS if pattern.search(opening)), None)


def asks_if_anyone_is_there(text: str) -> bool:
    """Whether the message asks whether anyone is there ("在吗？", "hay alguien?")."""
    return bool(_ARE_YOU_THERE.search(text.lower()))


def blessing_answer(text: str) -> str | None:
    """The customary answer to an Arabic blessing in the message, if it has one."""
    bare = strip_marks(text)
    return next((answer for pattern, answer in _BLESSINGS if pattern.search(bare)), None)


def wish(text: str) -> str | None:
    """The kind of wish the message sends (``_WISH_BACK``'s keys), if any."""
    lowered = text.lower()
    kinds = [kind for kind, pattern in _WISHES if pattern.search(lowered)]
    if "new_year" in kinds and ("christmas" in kinds or "holidays" in kinds):
        return "christmas_new_year"  # "Wesołych Świąt i szczęśliwego Nowego Roku"
    return kinds[0] if kinds else None


def wish_back(kind: str, language: str, *, formal: bool = False) -> str | None:
    """The wish said back in ``language``, with the formal "you" when ``formal``."""
    if formal and (line := _WISH_FORMAL.get(kind, {}).get(language)):
        return line
    return _WISH_BACK.get(kind, {}).get(language)


def courteous(reply: str, language: str, text: str, *, formal: bool = False) -> str:
    """``reply`` with the shopper's greeting, "are you there?", blessing and wishes
    answered in ``language``; unchanged when the message says none of them."""
    if not reply:
        return reply
    kind = time_greeting(text)
    greeting = _GREETING_BACK.get(language, {}).get(kind) if kind else None
    here = _HERE.get(language) if asks_if_anyone_is_there(text) else None
    if language == "ar":
        openers = [p for p in (greeting, blessing_answer(text), here) if p]
        reply = _arabic_openers(reply, openers)
    else:
        if greeting:
            reply = _greeted_back(reply, language, greeting)
        if language == "tr" and _KOLAY_GELSIN.search(text.lower()):
            reply = f"{_SAG_OLUN} {reply}"
        if here:
            reply = _here_first(reply, language, here)
    wished = wish(text)
    line = wish_back(wished, language, formal=formal) if wished else None
    if line and line not in reply:
        reply = reply.rstrip() + ("" if language in _NO_SPACE else " ") + line
    return reply


def _opening(text: str) -> str:
    """The message's first words, lower-cased, after any emoji or punctuation."""
    lowered = text.lower().lstrip(" \t\n\r\"'¡¿!?.,:;-—~*👋🙂😊🤗❤️")
    lowered = re.sub(r"^[^\w]+", "", lowered)
    return lowered[:40]


def _greeted_back(reply: str, language: str, greeting: str) -> str:
    """The reply opening with ``greeting`` instead of its own opening greeting."""
    pattern = _SALUTATION.get(language)
    match = pattern.match(reply) if pattern else None
    if match is not None:
        head = match.groupdict().get("open") or ""
        if language == "es" and not head and reply[match.end() :].lstrip().startswith("!"):
            head = "¡"
        return head + greeting + reply[match.end() :]
    if language in {"ko"}:
        return reply
    end = _GREETING_END.get(language, "! ")
    opening = f"¡{greeting}! " if language == "es" else f"{greeting}{end}"
    return opening + reply


def _here_first(reply: str, language: str, here: str) -> str:
    """ "Yes, we're here" before the reply ("在的，您好！" in Chinese)."""
    if language == "zh" and reply.startswith("您好"):
        return "在的，" + reply
    return here + ("" if language in _NO_SPACE else " ") + reply


def _arabic_openers(reply: str, openers: list[str]) -> str:
    """An Arabic reply opening with ``openers`` (a returned greeting, a blessing's answer,
    "we're here") after any returned salaam, in the place of its "مرحباً" if it has one."""
    if not openers:
        return reply
    salaam = _AR_SALAAM_HEAD.match(reply)
    head, rest = (reply[: salaam.end()], reply[salaam.end() :]) if salaam else ("", reply)
    said = "، ".join(openers)
    bare = strip_marks(rest[:60])
    opening = _AR_OPENING.match(bare)
    if opening is None:
        return f"{head}{said}، {rest}"
    end = _end_in(rest, len(opening.group(0)))
    name = (opening.group("name") or "").strip()
    first, *others = openers
    named = f"{first} يا {name}" if name else first
    said = "، ".join([named, *others])
    mark = "،" if opening.group("mark") in "،," else opening.group("mark")
    return f"{head}{said}{mark} {rest[end:]}"


def _end_in(text: str, bare_length: int) -> int:
    """The index in ``text`` after its first ``bare_length`` characters not counting
    short vowels and tatweel."""
    seen = 0
    for index, char in enumerate(text):
        if seen == bare_length:
            return index
        if strip_marks(char):
            seen += 1
    return len(text)
