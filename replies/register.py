"""A shopper who writes formally is answered formally.

The library writes each language in one register: the informal "you" where a small shop
writes it (Polish "Ty": "Twoje zamówienie", "napisz nam"), and a friendly "Olá!" in
Portuguese. A letter that opens "Szanowni Państwo" and asks "czy realizują Państwo
wysyłkę" is answered in the same register, and a Portuguese message opened "Exmos.
Senhores" or signed "Com os melhores cumprimentos" gets no "Olá!" (sendability set 4 #30
and #39, issue 15):

- Polish: the shopper's formal address ("Państwo", "Pan", "Pani", "Szanowni", "z
  poważaniem") turns the reply's "Ty" forms into "Państwo" forms, the neutral formal
  address of a shop to a customer whose gender it does not know: "Twoje zamówienie" ->
  "Państwa zamówienie", "możesz" -> "mogą Państwo", "napisz" -> "prosimy napisać",
  "damy Ci znać" -> "damy Państwu znać";
- Portuguese: the reply's "Olá" becomes the time of day's greeting ("Bom dia", "Boa
  tarde", "Boa noite") in the shopper's zone (Lisbon's when it is not known).

The courtesies and the safety line added after this (``replies.courtesy``,
``replies.safety``) are written in the register ``writes_formally`` tells them.

    in_register("Dzień dobry! Twoje zamówienie jest w drodze, napisz nam.", "pl",
                "Szanowni Państwo, gdzie jest paczka?")
    # "Dzień dobry! Państwa zamówienie jest w drodze, prosimy dać nam znać."
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

_FORMAL: dict[str, re.Pattern[str]] = {
    "pl": re.compile(
        r"(?i:pa[ńn]stw|szanown|z\s*powa[żz]aniem|uprzejmie\s*prosz|\bczy\s*mog[łl](?:a|)by\s*pan)"
        r"|(?<![\w])(?:Pan|Pani|Panie|Panu|Panią)(?![\w])"
    ),
    "nl": re.compile(
        r"(?i:geachte|hoogachtend|met\s*vriendelijke\s*groet|\bkunt\s*u\b|\bheeft\s*u\b"
        r"|\bwilt\s*u\b|\bzou\s*u\b|\bbent\s*u\b|\bkan\s*u\b|\buw\b)"
        r"|(?<![\w'])[Uu](?![\w'])"
    ),
    "es": re.compile(
        r"(?i:\busted\b|\bustedes\s+(?:me|podr[ií]an|pueden)\b|estimad[oa]s?\b|atentamente"
        r"|un\s*cordial\s*saludo|saludos\s*cordiales|le\s*saluda|muy\s*se[ñn]or"
        r"|le\s*agradecer[ií]a|quisiera\s*saber\s*si\s*(?:es|ustedes)|\bpodr[ií]a\s*usted)"
    ),
    "it": re.compile(
        r"(?i:gentil[ei]\s|egregi[oa]|spettabile|spett\.le|cordiali\s*saluti|distinti\s*saluti"
        r"|la\s*ringrazio|le\s*chiedo|le\s*scrivo|potrebbe\s*(?:gentilmente\s*)?"
        r"(?:dirmi|indicarmi|inviarmi|farmi)|vorrei\s*chiederle)"
        r"|(?<![\w])(?:Lei|Suo|Sua|Suoi|Sue)(?![\w])|\bLa\s+ringrazio|\bLe\s+(?:chiedo|scrivo)"
    ),
    "pt": re.compile(
        r"(?i:\bexm[oa]s?\b|excelent[ií]ssim|\bv\.?\s*exa|vossa\s*excel|prezad[oa]s?\b"
        r"|estimad[oa]s?\b|car[oa]s?\s*senhor|\bo\s*senhor\b|\ba\s*senhora\b"
        r"|melhores\s*cumprimentos|\bcumprimentos\b|atenciosamente|cordialmente"
        r"|venho\s*por\s*este\s*meio|agradeço\s*desde\s*j[aá])"
    ),
}


def writes_formally(text: str, language: str) -> bool:
    """Whether the message addresses the shop in the formal register of ``language``."""
    pattern = _FORMAL.get(language)
    return bool(pattern and pattern.search(text))


# --- Polish: "Ty" -> "Państwo" ----------------------------------------------------------

# Whole phrases first, where a word-for-word change would read stiffly.
_PL_PHRASES: tuple[tuple[str, str], ...] = (
    (r"po prostu do nas napisz", "wystarczy do nas napisać"),
    (r"napisz nam", "prosimy dać nam znać"),
    (r"wahasz się", "wahają się Państwo"),
    (r"nas opuszczasz", "Państwo nas opuszczają"),
    (r"zaloguj się", "prosimy zalogować się"),
    (r"wyloguj się", "prosimy wylogować się"),
    (r"chcesz się", "chcą się Państwo"),
    # "proszę" is said once: "prosimy opisać", not "prosimy opisać, proszę,"
    (r"opisz, proszę,", "prosimy opisać,"),
    (r"potwierdź, proszę,", "prosimy potwierdzić"),
    # the pronouns where a Polish writer puts them
    (r"dajesz nam znać", "dają nam Państwo znać"),
    (r"pokrywasz ty", "pokrywają Państwo"),
    (r"go nie używaj", "prosimy go nie używać"),
    (r"wybierasz go", "wybierają go Państwo"),
    (r"twoje przekazaliśmy", "Państwa opinię przekazaliśmy"),
)
_PL_PRONOUNS: dict[str, str] = {
    "twój": "Państwa",
    "twoja": "Państwa",
    "twoje": "Państwa",
    "twojego": "Państwa",
    "twojej": "Państwa",
    "twoim": "Państwa",
    "twoją": "Państwa",
    "twoich": "Państwa",
    "twoimi": "Państwa",
    "ci": "Państwu",
    "tobie": "Państwu",
    "cię": "Państwa",
    "ciebie": "Państwa",
    "tobą": "Państwem",
    "ty": "Państwo",
}
# Present and future "you" forms and their "Państwo" forms (third person plural).
_PL_VERBS: dict[str, str] = {
    "możesz": "mogą",
    "znajdziesz": "znajdą",
    "chcesz": "chcą",
    "masz": "mają",
    "wolisz": "wolą",
    "musisz": "muszą",
    "dostaniesz": "dostaną",
    "otrzymasz": "otrzymają",
    "będziesz": "będą",
    "jesteś": "są",
    "rozmawiasz": "rozmawiają",
    "czekasz": "czekają",
    "potrzebujesz": "potrzebują",
    "widzisz": "widzą",
    "zamówisz": "zamówią",
    "dodasz": "dodadzą",
    "założysz": "założą",
    "używasz": "używają",
    "nosisz": "noszą",
    "piszesz": "piszą",
    "szukasz": "szukają",
    "wybierasz": "wybierają",
    "pamiętasz": "pamiętają",
    "prosisz": "proszą",
    "opuszczasz": "opuszczają",
    "poświęcasz": "poświęcają",
    "dajesz": "dają",
    "zobaczysz": "zobaczą",
    "wiesz": "wiedzą",
    "zapłacisz": "zapłacą",
    "płacisz": "płacą",
    "odbierzesz": "odbiorą",
    "zwrócisz": "zwrócą",
    "odeślesz": "odeślą",
    "wyślesz": "wyślą",
    "podasz": "podadzą",
    "przyślesz": "przyślą",
    "zmienisz": "zmienią",
    "anulujesz": "anulują",
    "zdecydujesz": "zdecydują",
    "mieszkasz": "mieszkają",
    "zamawiasz": "zamawiają",
    "kupujesz": "kupują",
    "kupisz": "kupią",
    "pokrywasz": "pokrywają",
}
# Imperatives and their infinitives, said after "prosimy".
_PL_IMPERATIVES: dict[str, str] = {
    "napisz": "napisać",
    "prześlij": "przesłać",
    "podaj": "podać",
    "sprawdź": "sprawdzić",
    "potwierdź": "potwierdzić",
    "dodaj": "dodać",
    "opisz": "opisać",
    "daj": "dać",
    "kliknij": "kliknąć",
    "wpisz": "wpisać",
    "wybierz": "wybrać",
    "zachowaj": "zachować",
    "zajrzyj": "zajrzeć",
    "otwórz": "otworzyć",
    "przejdź": "przejść",
    "porównaj": "porównać",
    "zapisz": "zapisać",
    "wyślij": "wysłać",
    "odpisz": "odpisać",
    "pamiętaj": "pamiętać",
    "używaj": "używać",
    "wysyłaj": "wysyłać",
    "podawaj": "podawać",
    "podłączaj": "podłączać",
    "anuluj": "anulować",
    "odeślij": "odesłać",
    "zmień": "zmienić",
    "zrób": "zrobić",
    "skontaktuj": "skontaktować",
    "odbierz": "odebrać",
    "zgłoś": "zgłosić",
    "dołącz": "dołączyć",
    "spakuj": "spakować",
    "nadaj": "nadać",
    "zamów": "zamówić",
    "wypełnij": "wypełnić",
    "załóż": "założyć",
    "ustaw": "ustawić",
    "zweryfikuj": "zweryfikować",
    "zapytaj": "zapytać",
}
_PL_WORD = re.compile(r"(?<![\wąćęłńóśźż])([A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż]+\.?)(?![\wąćęłńóśźż])")


def _cased(word: str, replacement: str) -> str:
    """``replacement`` with a capital when ``word`` opened with one (a sentence's start)."""
    if word[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _cased_sub(replacement: str, *, after_head: bool = False) -> Callable[[re.Match[str]], str]:
    """A ``re.sub`` replacement: ``replacement`` cased as the match it replaces, or, with
    ``after_head``, as the match's second group, its first group (where a clause starts)
    kept in front."""

    def sub(match: re.Match[str]) -> str:
        if after_head:
            return match.group(1) + _cased(match.group(2), replacement)
        return _cased(match.group(0), replacement)

    return sub


def _polish_word(match: re.Match[str]) -> str:
    word = match.group(1)
    bare = word.rstrip(".")
    tail = word[len(bare) :]
    lowered = bare.lower()
    if lowered in _PL_PRONOUNS and (lowered not in {"ci", "ty"} or bare[0].isupper()):
        return _PL_PRONOUNS[lowered] + tail
    if lowered in _PL_VERBS:
        return _cased(bare, f"{_PL_VERBS[lowered]} Państwo") + tail
    if lowered in _PL_IMPERATIVES:
        return _cased(bare, f"prosimy {_PL_IMPERATIVES[lowered]}") + tail
    return word


# Text in quotes is a label on the shop's site ("„Nie pamiętasz hasła?”"): kept as it is.
_QUOTED = re.compile(r"„[^”]*”|«[^»]*»|“[^”]*”|\"[^\"]*\"")
# A clause chain: "prosimy" is said once in it ("prosimy dodać ..., wybrać ... i przejść").
_CHAIN = re.compile(r"[^.;:!?]+[.;:!?]*")


def polish_formal(reply: str) -> str:
    """A Polish reply's "Ty" forms in the "Państwo" forms."""

    def rewrite(text: str) -> str:
        text = _polish_formal(text)
        return "".join(_once_per_chain(chain) for chain in _CHAIN.findall(text)) or text

    return _outside_quotes(reply, rewrite)


def _outside_quotes(reply: str, rewrite: Callable[[str], str]) -> str:
    """``rewrite`` applied to ``reply`` but its quoted labels, which stay as written."""
    quoted: list[str] = []

    def kept(match: re.Match[str]) -> str:
        quoted.append(match.group(0))
        return f"\x01{len(quoted) - 1}\x01"

    text = rewrite(_QUOTED.sub(kept, reply))
    return re.sub("\x01(\\d+)\x01", lambda m: quoted[int(m.group(1))], text)


def _once_per_chain(chain: str) -> str:
    """ "prosimy" said once in a chain of clauses."""
    first = chain.lower().find("prosimy ")
    if first < 0:
        return chain
    head, rest = chain[: first + len("prosimy ")], chain[first + len("prosimy ") :]
    return head + re.sub(r"(?<![\wąćęłńóśźż])prosimy (?=\w)", "", rest)


def _polish_formal(reply: str) -> str:
    for phrase, formal in _PL_PHRASES:
        reply = re.sub(
            r"(?<![\wąćęłńóśźż])" + phrase,
            _cased_sub(formal),
            reply,
            flags=re.IGNORECASE,
        )
    # "prześlemy Ci go" -> "prześlemy go Państwu" (a courtesy "Ci" is capitalised mid-sentence)
    reply = re.sub(r"(?<![\wąćęłńóśźż])[Cc]i go(?![\wąćęłńóśźż])", "go Państwu", reply)
    reply = _PL_WORD.sub(_polish_word, reply)
    # "prosimy nie ..." for a negative imperative ("nie używaj" -> "prosimy nie używać")
    reply = re.sub(r"\b([Nn])ie prosimy\b", lambda m: _cased(m.group(1), "prosimy nie"), reply)
    return reply


# --- Dutch: "je" -> "u" ----------------------------------------------------------------

# Words after which "je" is the possessive ("je bestelling" -> "uw bestelling").
_NL_OWNED = frozenset(
    """aanvraag aankoop aankopen account adres afmetingen artikel artikelen bank bankrekening
    bedrijf bericht berichten bestelling bestellingen bestelnummer betaling betalingen
    bevestigingsmail bezorgadres bon bonnetje borst brievenbus buren buurt cadeau deur e-mail
    e-mailadres ervaring facturen factuur feedback foto foto's gebruikelijke gebruikersnaam
    gegevens geld huidige identiteitsbewijs inbox interesse keuze klacht kleur land maat
    mening naam nieuwe oude order pakket pakketje postcode product producten regio rekening
    retour retourverzoek schoenmaat spammap stad taal telefoon telefoonnummer terugbetaling
    valuta verzoek voetlengte volledige voorkeur vraag vragen wachtwoord winkelmandje
    winkelwagen woonplaats eigen contactgegevens klantnummer""".split()
)
# "je" after a verb ("heb je", "kun je"): the verb in the "u" form.
_NL_INVERTED = {
    "heb": "heeft",
    "kun": "kunt",
    "kan": "kunt",
    "ben": "bent",
    "wil": "wilt",
    "zal": "zult",
    "mag": "mag",
    "moet": "moet",
    "laat": "laat",
    "ga": "gaat",
    "doe": "doet",
    "kom": "komt",
    "krijg": "krijgt",
    "log": "logt",
    "ontvang": "ontvangt",
    "twijfel": "twijfelt",
    "vind": "vindt",
    "word": "wordt",
    "zie": "ziet",
    "schrijf": "schrijft",
    "vergelijk": "vergelijkt",
    "hoef": "hoeft",
    "weet": "weet",
    "zoek": "zoekt",
    "draag": "draagt",
    "woon": "woont",
    "bestel": "bestelt",
    "betaal": "betaalt",
    "stuur": "stuurt",
    "wacht": "wacht",
    "merk": "merkt",
    "hoor": "hoort",
    "vul": "vult",
    "kies": "kiest",
    "gebruik": "gebruikt",
}
_NL_REFLEXIVE = (
    r"(?:aanmelden|afmelden|aan- of afmelden|registreren|inschrijven|uitschrijven|abonneren)"
)
# "u" takes "kunt", "wilt", "zult" where "je" took "kan", "wil", "zal".
_NL_AGREEMENT = {"kan": "kunt", "wil": "wilt", "zal": "zult"}
_NL_WORD = r"[A-Za-zÀ-ÿ'-]+"


def dutch_formal(reply: str) -> str:
    """A Dutch reply's "je" forms in the "u" forms, opening "Goedendag" instead of "Hoi"."""
    reply = re.sub(r"^Hoi\b", "Goedendag", reply)
    # "je je account", "je je geld": the second "je" owns the noun ("u uw account")
    reply = re.sub(
        r"\b([Jj])e je (?=(" + _NL_WORD + r"))",
        lambda m: m.group(0)[:-3] + "uw " if _nl_owned(m.group(2)) else m.group(0),
        reply,
    )
    # the first "je" is kept for the verb's own rule below ("Wil je zich" -> "Wilt u zich")
    reply = re.sub(r"\b([Jj])e je\b", lambda m: m.group(1) + "e zich", reply)
    reply = re.sub(r"\bje (?=" + _NL_REFLEXIVE + r"\b)", "zich ", reply)
    # "en je op elk moment afmelden": a reflexive "je" a few words before its verb
    reply = re.sub(
        r"\b(en|of|kunt|kun|kan|wilt|wil) je (?!zich\b)(?=(?:[a-z]+ ){1,3}"
        + _NL_REFLEXIVE
        + r"\b)",
        r"\1 zich ",
        reply,
    )

    def inverted(match: re.Match[str]) -> str:
        verb, after = match.group(1), match.group(2) or ""
        if after.lower().split("-")[0] in _NL_OWNED:  # "vergelijk je afmetingen": imperative
            return f"{verb} uw {after}"
        return _cased(verb, _NL_INVERTED[verb.lower()]) + " u" + (f" {after}" if after else "")

    verbs = "|".join(sorted(_NL_INVERTED, key=len, reverse=True))
    reply = re.sub(
        r"\b(" + verbs + r")\s+je\b(?:\s+(" + _NL_WORD + "))?", inverted, reply, flags=re.IGNORECASE
    )

    def pronoun(match: re.Match[str]) -> str:
        word, after = match.group(1), match.group(2)
        return _cased(word, "uw" if _nl_owned(after) else "u") + " " + after

    reply = re.sub(r"\b([Jj]e)\s+(" + _NL_WORD + ")", pronoun, reply)
    reply = re.sub(r"\b([Jj]e)\b", lambda m: _cased(m.group(1), "u"), reply)
    reply = re.sub(r"\b([Jj])ouwe\b", lambda m: _cased(m.group(1), "uwe"), reply)
    reply = re.sub(r"\b([Jj])ouw\b", lambda m: _cased(m.group(1), "uw"), reply)
    reply = re.sub(r"\b([Jj])ezelf\b", lambda m: _cased(m.group(1), "uzelf"), reply)
    reply = re.sub(r"\b([Jj])(?:ij|ou)\b", lambda m: _cased(m.group(1), "u"), reply)
    # "u kunt", but "of het bij u kan zijn": "u" after a preposition is not the subject
    return re.sub(
        r"(?<!\bbij )(?<!\bvoor )(?<!\bnaar )(?<!\baan )(?<!\bmet )(?<!\bvan )"
        r"\b([Uu]) (kan|wil|zal)\b",
        lambda m: f"{m.group(1)} {_NL_AGREEMENT[m.group(2)]}",
        reply,
    )


def _nl_owned(word: str) -> bool:
    """Whether "je" before ``word`` is the possessive ("je DHL-klantnummer")."""
    lowered = word.lower()
    return lowered in _NL_OWNED or any(part in _NL_OWNED for part in lowered.split("-"))


# --- Spanish: "tú" -> "usted" -----------------------------------------------------------

# Present, past, future and subjunctive "tú" forms and their "usted" forms.
_ES_VERBS = {
    "puedes": "puede",
    "tienes": "tiene",
    "quieres": "quiere",
    "necesitas": "necesita",
    "prefieres": "prefiere",
    "estás": "está",
    "eres": "es",
    "has": "ha",
    "sabes": "sabe",
    "recibes": "recibe",
    "recibirás": "recibirá",
    "encontrarás": "encontrará",
    "verás": "verá",
    "usarás": "usará",
    "podrás": "podrá",
    "tendrás": "tendrá",
    "usas": "usa",
    "escribes": "escribe",
    "dices": "dice",
    "eliges": "elige",
    "haces": "hace",
    "pides": "pide",
    "sueles": "suele",
    "ves": "ve",
    "vives": "vive",
    "pagas": "paga",
    "debes": "debe",
    "esperabas": "esperaba",
    "vas": "va",
    "dijiste": "dijo",
    "hiciste": "hizo",
    "olvidaste": "olvidó",
    "pagaste": "pagó",
    "recibiste": "recibió",
    "registraste": "registró",
    "usaste": "usó",
    "compraste": "compró",
    "pediste": "pidió",
    "compartas": "comparta",
    "cuentes": "cuente",
    "envíes": "envíe",
    "estés": "esté",
    "hayas": "haya",
    "prefieras": "prefiera",
    "quieras": "quiera",
    "sigas": "siga",
    "tengas": "tenga",
    "uses": "use",
    "vayas": "vaya",
    "registras": "registra",
    "suscribes": "suscribe",
    "das": "da",
    "puedas": "pueda",
    "necesites": "necesite",
    "recibas": "reciba",
    "preocupes": "preocupe",
}
# Words that end like an infinitive with "te" but are none ("el transportista reparte").
_ES_NOT_INFINITIVE = frozenset(
    """parte aparte reparte comparte convierte advierte divierte invierte vierte suerte fuerte
    muerte inerte arte""".split()
)
# Imperatives, and their "usted" forms.
_ES_IMPERATIVES = {
    "escríbenos": "escríbanos",
    "envíanos": "envíenos",
    "envíanosla": "envíenosla",
    "envíanoslo": "envíenoslo",
    "dinos": "díganos",
    "dínoslo": "díganoslo",
    "cuéntanos": "cuéntenos",
    "avísanos": "avísenos",
    "confírmanos": "confírmenos",
    "indícanos": "indíquenos",
    "explícanos": "explíquenos",
    "respóndenos": "respóndanos",
    "mándanos": "mándenos",
    "déjanos": "déjenos",
    "guárdala": "guárdela",
    "guárdalo": "guárdelo",
    "márcala": "márquela",
    "márcalo": "márquelo",
    "desenchúfalo": "desenchúfelo",
    "envíalo": "envíelo",
    "envíala": "envíela",
    "devuélvelo": "devuélvalo",
    "devuelve": "devuelva",
    "indícalo": "indíquelo",
    "hazlo": "hágalo",
    "asegúrate": "asegúrese",
    "añade": "añada",
    "cierra": "cierre",
    "elige": "elija",
    "indica": "indique",
    "introduce": "introduzca",
    "pulsa": "pulse",
    "revisa": "revise",
    "sigue": "siga",
    "inicia": "inicie",
    "abre": "abra",
    "comprueba": "compruebe",
    "haz": "haga",
    "usa": "use",
    "mira": "mire",
    "contacta": "contacte",
    "conserva": "conserve",
    "mantén": "mantenga",
    "escoge": "escoja",
    "selecciona": "seleccione",
    "accede": "acceda",
    "rellena": "rellene",
    "ve": "vaya",
    "vuelve": "vuelva",
    "ten": "tenga",
    "pon": "ponga",
    "guarda": "guarde",
    "copia": "copie",
    "consulta": "consulte",
    "pregunta": "pregunte",
    "recuerda": "recuerde",
    "mantenlo": "manténgalo",
    "mantenla": "manténgala",
    "compara": "compare",
}
# Imperatives that are also a third person or a noun ("el equipo revisa", "la consulta"):
# changed only where a clause starts.
_ES_CLAUSE_START = (
    r"(^|[.,;:¡¿!?(–—]\s*|\b[yeou]\s|\bluego\s|\bsolo\s|\bsimplemente\s|\b[Aa]sí que\s)"
)
_ES_WORD = re.compile(r"(?<![\wáéíóúñü])([A-Za-záéíóúñüÁÉÍÓÚÑ]+)(?![\wáéíóúñü])")


def spanish_formal(reply: str) -> str:
    """A Spanish reply's "tú" forms in the "usted" forms (quoted site labels kept)."""
    return _outside_quotes(reply, _spanish_formal)


def _spanish_formal(reply: str) -> str:
    reply = re.sub(r"\b([Ss])i dudas\b", r"\1i duda", reply)
    reply = re.sub(r"\bdarte de (baja|alta)\b", r"darse de \1", reply)
    reply = re.sub(r"\b(registrar|suscribir|poner|preocupar|quedar|olvidar)te\b", r"\1se", reply)
    reply = re.sub(  # "ayudarte" -> "ayudarle"; "reparte", "convierte" are no infinitives
        r"\b(\w+(?:ar|er|ir))te\b",
        lambda m: m.group(0) if m.group(0).lower() in _ES_NOT_INFINITIVE else m.group(1) + "le",
        reply,
    )
    reply = re.sub(r"\b(\w+(?:ando|iendo))te\b", r"\1le", reply)
    reply = re.sub(r"\b(\w+)ándote\b", r"\1ándole", reply)
    reply = re.sub(
        r"\b([Tt])e (lo|la|los|las)\b", lambda m: _cased(m.group(1), "se") + " " + m.group(2), reply
    )

    def word(match: re.Match[str]) -> str:
        token = match.group(1)
        lowered = token.lower()
        if lowered in _ES_VERBS:
            return _cased(token, _ES_VERBS[lowered])
        if lowered in {"tu", "tus"}:
            return _cased(token, "su" + lowered[2:])
        if lowered == "ti":
            return "usted"
        if lowered == "contigo":
            return "con usted"
        if lowered in {"tuyo", "tuya", "tuyos", "tuyas"}:
            return _cased(token, "su" + lowered[2:])
        return token

    # "te" beside a "tú" verb is reflexive ("te registraste" -> "se registró", "te vayas"
    # -> "se vaya"); beside any other it is "le" ("te ayudamos" -> "le ayudamos")
    verbs = "|".join(sorted(_ES_VERBS, key=len, reverse=True))
    reply = re.sub(
        r"\b([Tt])e (?=(?:" + verbs + r")(?![\wáéíóúñü]))",
        lambda m: _cased(m.group(1), "se") + " ",
        reply,
    )
    reply = _ES_WORD.sub(word, reply)
    reply = re.sub(r"\b([Tt])e\b", lambda m: _cased(m.group(1), "le"), reply)
    for tu, usted in sorted(_ES_IMPERATIVES.items(), key=lambda kv: -len(kv[0])):
        reply = re.sub(
            _ES_CLAUSE_START + r"(" + tu + r"|" + tu.capitalize() + r")(?![\wáéíóúñü])",
            _cased_sub(usted, after_head=True),
            reply,
        )
    return reply


# --- Italian: "tu" -> "Lei" -------------------------------------------------------------

_IT_VERBS = {
    "puoi": "può",
    "hai": "ha",
    "sei": "è",
    "vuoi": "vuole",
    "ricevi": "riceve",
    "riceverai": "riceverà",
    "trovi": "trova",
    "preferisci": "preferisce",
    "aspettavi": "aspettava",
    "stai": "sta",
    "usi": "usa",
    "userai": "userà",
    "vedi": "vede",
    "chiedi": "chiede",
    "desideri": "desidera",
    "porti": "porta",
    "sai": "sa",
    "devi": "deve",
    "potrai": "potrà",
    "dovrai": "dovrà",
    "avrai": "avrà",
    "vedrai": "vedrà",
    "paghi": "paga",
    "abiti": "abita",
    "registri": "registra",
    "vorresti": "vorrebbe",
}
# Imperatives, said in the "Lei" form, their pronoun before them.
_IT_IMPERATIVES = {
    "scrivici": "ci scriva",
    "dicci": "ci dica",
    "inviaci": "ci invii",
    "indicaci": "ci indichi",
    "mandaci": "ci mandi",
    "raccontaci": "ci racconti",
    "confermaci": "ci confermi",
    "avvisaci": "ci avvisi",
    "rispondici": "ci risponda",
    "scrivi": "scriva",
    "rispondi": "risponda",
    "accedi": "acceda",
    "aggiungi": "aggiunga",
    "inserisci": "inserisca",
    "segui": "segua",
    "scegli": "scelga",
    "tieni": "tenga",
    "prendi": "prenda",
    "esci": "esca",
    "controlla": "controlli",
    "conserva": "conservi",
    "vai": "vada",
    "apri": "apra",
    "clicca": "clicchi",
    "usa": "usi",
    "verifica": "verifichi",
    "seleziona": "selezioni",
    "ricordati": "si ricordi",
    "figurati": "si figuri",
    "faccelo": "ce lo faccia",
    "salvalo": "lo salvi",
    "impostalo": "lo imposti",
    "inviacelo": "ce lo invii",
    "confronta": "confronti",
    "indicalo": "lo indichi",
    "mandalo": "lo mandi",
    "fallo": "lo faccia",
    "restituisci": "restituisca",
    "ordina": "ordini",
}
# Negative imperatives (an infinitive after "non") and their "Lei" forms.
_IT_NEGATIVES = {
    "condividere": "condivida",
    "utilizzarlo": "lo utilizzi",
    "utilizzare": "utilizzi",
    "usarlo": "lo usi",
    "usare": "usi",
    "preoccuparsi": "si preoccupi",
    "esitare": "esiti",
    "inviare": "invii",
}
_IT_CLAUSE_START = (
    r"(^|[.,;:!?(–—]\s*|\be\s|\bo\s|\bpoi\s|\bquindi\s|\binvece\s|\bfrattempo\s"
    r"|\bora\s|\bpure\s|\bsemplicemente\s|\boppure\s)"
)
# Verbs whose "ti" is a direct object ("ti aiutiamo" -> "La aiutiamo"); otherwise it is
# "Le" ("ti invieremo" -> "Le invieremo").
_IT_ACCUSATIVE = (
    "aiut",
    "avvis",
    "guid",
    "ricontatt",
    "contatt",
    "ringrazi",
    "identific",
    "rimbors",
    "aggiorn",
    "inform",
    "accompagn",
    "ved",
    "aspett",
    "terr",
    "iscriv",
    "disiscriv",
)
_IT_REFLEXIVE_INFINITIVE = (
    "registrar",
    "iscriver",
    "disiscriver",
    "preoccupar",
    "trovar",
    "ricordando",
)


def italian_formal(reply: str) -> str:
    """An Italian reply's "tu" forms in the "Lei" forms, opening "Buongiorno"."""
    return _outside_quotes(reply, _italian_formal)


def _italian_formal(reply: str) -> str:
    reply = re.sub(r"^Ciao\b", "Buongiorno", reply)
    reply = re.sub(r"\b([Ss])e ordini\b", r"\1e ordina", reply)
    reply = re.sub(r"\bche scegli\b", "che sceglie", reply)
    reply = re.sub(r"\b([Ss])e scrivi\b", r"\1e scrive", reply)
    reply = re.sub(r"\besci\b", "esca", reply)
    reply = re.sub(r"\bchiedi (ai|al|alla|in)\b", r"chieda \1", reply)
    # a quoted label is kept aside as "\x01n\x01" while the reply is rewritten
    reply = re.sub(r"\btocca (?=«|\x01)", "tocchi ", reply)
    reply = re.sub(
        r"\b([Tt])e (lo|la|li|le|ne)\b",
        lambda m: _cased(m.group(1), "glie") + m.group(2),
        reply,
    )

    def enclitic(match: re.Match[str]) -> str:
        stem = match.group(1)
        if stem.lower().startswith(_IT_REFLEXIVE_INFINITIVE):
            return stem + "si"
        if stem.lower().startswith(_IT_ACCUSATIVE):
            return stem + "La"
        return stem + "Le"

    reply = re.sub(r"\b(\w+(?:ar|er|ir|ando|endo))ti\b", enclitic, reply)

    def pronoun(match: re.Match[str]) -> str:
        ti, verb = match.group(1), match.group(2)
        if verb.lower() in _IT_VERBS:
            return _cased(ti, "si") + " " + verb
        if verb.lower().startswith(_IT_ACCUSATIVE):
            return "La " + verb
        return "Le " + verb

    reply = re.sub(r"\b([Tt]i) ([\wàèéìòù]+)", pronoun, reply)

    def word(match: re.Match[str]) -> str:
        token = match.group(1)
        lowered = token.lower()
        if lowered in _IT_VERBS:
            return _cased(token, _IT_VERBS[lowered])
        owned = {"tuo": "Suo", "tua": "Sua", "tuoi": "Suoi", "tue": "Sue"}
        if lowered in owned:
            return owned[lowered]
        if lowered in {"tu", "te"}:
            return "Lei"
        return token

    reply = re.sub(r"(?<![\wàèéìòù])([A-Za-zàèéìòù]+)(?![\wàèéìòù])", word, reply)
    # "rimborsare" takes the person directly ("La rimborseremo") unless what is refunded is
    # said: "Le rimborseremo quanto ha pagato", "Le rimborseremo l'ordine"
    reply = re.sub(
        r"\bLa (rimbors\w+) (?=(?:quanto|quello|l'|il |lo |la |i |gli |le |un))", r"Le \1 ", reply
    )
    for tu, lei in _IT_NEGATIVES.items():  # "non usarlo" -> "non lo usi"
        reply = re.sub(r"\b([Nn])on " + tu + r"\b", _cased_sub("non " + lei), reply)
    for tu, lei in sorted(_IT_IMPERATIVES.items(), key=lambda kv: -len(kv[0])):
        reply = re.sub(
            _IT_CLAUSE_START + r"(" + tu + r"|" + tu.capitalize() + r")(?![\wàèéìòù])",
            _cased_sub(lei, after_head=True),
            reply,
        )
    return reply


# --- Portuguese: no "Olá" to a formal letter ------------------------------------------

_PT_HELLO = re.compile(r"^Olá\b")
_LISBON = ZoneInfo("Europe/Lisbon")
_ROME = ZoneInfo("Europe/Rome")


def portuguese_greeting(now: datetime, zone: ZoneInfo | None = None) -> str:
    """ "Bom dia", "Boa tarde" or "Boa noite" at ``now`` in ``zone`` (Lisbon's if None)."""
    moment = (now if now.tzinfo else now.replace(tzinfo=UTC)).astimezone(zone or _LISBON)
    if 5 <= moment.hour < 12:
        return "Bom dia"
    return "Boa tarde" if moment.hour < 20 else "Boa noite"


def portuguese_formal(reply: str, now: datetime, zone: ZoneInfo | None = None) -> str:
    """A Portuguese reply opening with the time of day's greeting instead of "Olá"."""
    return _PT_HELLO.sub(portuguese_greeting(now, zone), reply, count=1)


_REWRITES: dict[str, Callable[[str], str]] = {
    "pl": polish_formal,
    "nl": dutch_formal,
    "es": spanish_formal,
    "it": italian_formal,
}


def in_register(
    reply: str,
    language: str,
    text: str,
    *,
    now: datetime | None = None,
    zone: str | None = None,
) -> str:
    """``reply`` in the formal register when the message ``text`` is written in it."""
    if not reply or not writes_formally(text, language):
        return reply
    moment = now or datetime.now(UTC)
    if language == "pt":
        return portuguese_formal(reply, moment, ZoneInfo(zone) if zone else None)
    rewrite = _REWRITES.get(language)
    reply = rewrite(reply) if rewrite else reply
    if language == "it" and reply.startswith("Buongiorno"):
        # "Buonasera" from the late afternoon on, in the shopper's zone (Rome's if unknown)
        local = moment.astimezone(ZoneInfo(zone) if zone else _ROME)
        if local.hour >= 17 or local.hour < 4:
            reply = "Buonasera" + reply[len("Buongiorno") :]
    return reply
